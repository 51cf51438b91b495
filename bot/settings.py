"""Settings, read once from the environment and `.env` (python-dotenv).

Every setting is documented in `.env.example`. The one secret is a password
inside REDIS_URL: it travels in the environment, never in a file we write.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


# field -> (environment variable, default). The one list of settings: `load`
# reads it and `as_environment` writes it back for a child process.
VARIABLES = {
    "host": ("RASA_HOST", "127.0.0.1"),  # Rasa and the action server: loopback
    "rasa_port": ("RASA_PORT", "5005"),
    "action_port": ("ACTION_PORT", "5055"),
    "log_level": ("LOG_LEVEL", "WARNING"),
    "model_path": ("MODEL_PATH", "models/spor-trygt.tar.gz"),
    "idle_minutes": ("CONVERSATION_IDLE_MINUTES", "30"),  # an idle conversation is forgotten
    "stats_path": ("STATS_DB", "var/stats.sqlite3"),  # the SQLite file of weekly counts
    "report_threshold": ("REPORT_THRESHOLD", "5"),  # report cells below this show as "<5"
    "web_host": ("HOST", "127.0.0.1"),  # the public web front (bot.web)
    "web_port": ("PORT", "8000"),
    "operator_token": ("OPERATOR_TOKEN", ""),  # empty: the operator page is off
    "embed_origins": ("EMBED_ORIGINS", ""),  # sites allowed to frame the chat, space-separated
    "quick_exit_url": ("QUICK_EXIT_URL", "https://www.yr.no/"),  # where "Rask utgang" goes
    "max_message_chars": ("MAX_MESSAGE_CHARS", "1000"),
    "rate_limit_per_minute": ("RATE_LIMIT_PER_MINUTE", "30"),
    # Scale-out (docs/scaling.md): 1 is the embedded default, conversations in memory.
    "rasa_processes": ("RASA_PROCESSES", "1"),  # >1: that many `rasa run`, on RASA_PORT, RASA_PORT+1, …
    "redis_url": ("REDIS_URL", ""),  # with RASA_PROCESSES>1: empty starts a local redis-server
    "rasa_urls": ("RASA_URLS", ""),  # the front's Rasa processes when they run elsewhere (deploy/)
    "action_url_setting": ("ACTION_URL", ""),  # the action server when it runs elsewhere (deploy/)
}


@dataclass(frozen=True)
class Settings:
    host: str
    rasa_port: int
    action_port: int
    log_level: str
    model_path: Path
    idle_minutes: float
    stats_path: Path
    report_threshold: int
    web_host: str
    web_port: int
    operator_token: str
    embed_origins: tuple
    quick_exit_url: str
    max_message_chars: int
    rate_limit_per_minute: int
    rasa_processes: int
    redis_url: str
    rasa_urls: tuple
    action_url_setting: str

    @property
    def uses_redis(self) -> bool:
        """Conversations in Redis (several processes, or a Redis named) instead of in memory."""
        return self.rasa_processes > 1 or bool(self.redis_url)

    @property
    def rasa_ports(self) -> list:
        return [self.rasa_port + i for i in range(max(1, self.rasa_processes))]

    @property
    def backend_urls(self) -> list:
        """The Rasa processes the front sends conversations to (base URLs, no path)."""
        if self.rasa_urls:
            return [url.rstrip("/") for url in self.rasa_urls]
        return [f"http://{self.host}:{port}" for port in self.rasa_ports]

    @property
    def rest_url(self) -> str:
        return f"http://{self.host}:{self.rasa_port}/webhooks/rest/webhook"

    @property
    def web_url(self) -> str:
        return f"http://{self.web_host}:{self.web_port}/"

    @property
    def action_url(self) -> str:
        return self.action_url_setting or f"http://{self.host}:{self.action_port}/webhook"

    def as_environment(self) -> dict:
        """These settings as the environment variables `load` reads: how a
        child process (the web front) gets the same settings."""
        env = {}
        for field, (variable, _) in VARIABLES.items():
            value = getattr(self, field)
            env[variable] = " ".join(value) if isinstance(value, tuple) else str(value)
        return env


def _parse(field: str, raw: str):
    kind = Settings.__dataclass_fields__[field].type
    if kind == "Path":
        return ROOT / raw  # relative to the project; an absolute path stays as it is
    if kind == "tuple":
        return tuple(raw.split())
    if kind in ("int", "float"):
        return {"int": int, "float": float}[kind](raw)
    return raw.upper() if field == "log_level" else raw


def load(env_file: Path | None = None) -> Settings:
    """Read `.env` (values already in the environment win) and build Settings."""
    from dotenv import load_dotenv

    load_dotenv(env_file or ROOT / ".env", override=False)
    # Rasa's telemetry and error reporting send data out; this project never does.
    os.environ["RASA_TELEMETRY_ENABLED"] = "false"
    return Settings(**{
        field: _parse(field, os.environ.get(variable, default)) for field, (variable, default) in VARIABLES.items()
    })
