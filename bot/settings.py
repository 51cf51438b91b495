"""Settings, read once from the environment and `.env` (python-dotenv).

Every setting is documented in `.env.example`. Nothing here is secret yet.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Settings:
    host: str  # Rasa and the action server listen here: loopback by default
    rasa_port: int
    action_port: int
    log_level: str
    model_path: Path
    idle_minutes: float  # a conversation idle this long is forgotten
    stats_path: Path  # the SQLite file of weekly counts
    report_threshold: int  # report cells below this show as "<threshold"
    web_host: str  # the public web front (bot.web)
    web_port: int
    operator_token: str  # empty: the operator page is off
    embed_origins: tuple  # sites allowed to show the chat in a frame
    quick_exit_url: str  # where "Rask utgang" goes
    max_message_chars: int
    rate_limit_per_minute: int

    @property
    def rest_url(self) -> str:
        return f"http://{self.host}:{self.rasa_port}/webhooks/rest/webhook"

    def as_environment(self) -> dict:
        """These settings as the environment variables `load` reads: how a
        child process (the web front) gets the same settings."""
        return {
            "RASA_HOST": self.host, "RASA_PORT": str(self.rasa_port), "ACTION_PORT": str(self.action_port),
            "LOG_LEVEL": self.log_level, "MODEL_PATH": str(self.model_path),
            "CONVERSATION_IDLE_MINUTES": str(self.idle_minutes), "STATS_DB": str(self.stats_path),
            "REPORT_THRESHOLD": str(self.report_threshold), "HOST": self.web_host, "PORT": str(self.web_port),
            "OPERATOR_TOKEN": self.operator_token, "EMBED_ORIGINS": " ".join(self.embed_origins),
            "QUICK_EXIT_URL": self.quick_exit_url, "MAX_MESSAGE_CHARS": str(self.max_message_chars),
            "RATE_LIMIT_PER_MINUTE": str(self.rate_limit_per_minute),
        }

    @property
    def web_url(self) -> str:
        return f"http://{self.web_host}:{self.web_port}/"

    @property
    def action_url(self) -> str:
        return f"http://{self.host}:{self.action_port}/webhook"


def load(env_file: Path | None = None) -> Settings:
    """Read `.env` (values already in the environment win) and build Settings."""
    from dotenv import load_dotenv

    load_dotenv(env_file or ROOT / ".env", override=False)
    # Rasa's telemetry and error reporting send data out; this project never does.
    os.environ["RASA_TELEMETRY_ENABLED"] = "false"
    return Settings(
        host=os.environ.get("RASA_HOST", "127.0.0.1"),
        rasa_port=int(os.environ.get("RASA_PORT", "5005")),
        action_port=int(os.environ.get("ACTION_PORT", "5055")),
        log_level=os.environ.get("LOG_LEVEL", "WARNING").upper(),
        model_path=ROOT / os.environ.get("MODEL_PATH", "models/spor-trygt.tar.gz"),
        idle_minutes=float(os.environ.get("CONVERSATION_IDLE_MINUTES", "30")),
        stats_path=ROOT / os.environ.get("STATS_DB", "var/stats.sqlite3"),
        report_threshold=int(os.environ.get("REPORT_THRESHOLD", "5")),
        web_host=os.environ.get("HOST", "127.0.0.1"),
        web_port=int(os.environ.get("PORT", "8000")),
        operator_token=os.environ.get("OPERATOR_TOKEN", ""),
        embed_origins=tuple(o for o in os.environ.get("EMBED_ORIGINS", "").split() if o),
        quick_exit_url=os.environ.get("QUICK_EXIT_URL", "https://www.yr.no/"),
        max_message_chars=int(os.environ.get("MAX_MESSAGE_CHARS", "1000")),
        rate_limit_per_minute=int(os.environ.get("RATE_LIMIT_PER_MINUTE", "30")),
    )
