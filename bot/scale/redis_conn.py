"""REDIS_URL, read one way for everything that talks to Redis: Rasa's tracker
and lock stores (through the endpoints file bot.run writes), the counting
broker's once-per-conversation memory and the front's health check.

The password never goes into a file: the endpoints file names the environment
variable PASSWORD_VARIABLE, which Rasa substitutes when it reads the file."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional
from urllib.parse import unquote, urlsplit

# Rasa requires an alphanumeric key prefix (any other is dropped with a warning);
# the local server's user may touch only keys that start with it.
KEY_PREFIX = "sportrygt"
PASSWORD_VARIABLE = "SPOR_TRYGT_REDIS_PASSWORD"
TRACKER_DB = 0  # conversations
LOCK_DB = 1  # Rasa's per-conversation ticket locks
TRACKER_STORE = "bot.scale.tracker_store.ConversationRedisTrackerStore"
SOCKET_TIMEOUT = 5.0  # seconds: a hung Redis is an error, not a hung answer


@dataclass(frozen=True)
class RedisTarget:
    host: str
    port: int
    username: Optional[str]
    password: Optional[str]
    ssl: bool

    @property
    def safe(self) -> str:
        """The address without credentials, for the console."""
        return f"{'rediss' if self.ssl else 'redis'}://{self.host}:{self.port}"


def parse(url: str) -> RedisTarget:
    parts = urlsplit(url)
    if parts.scheme not in ("redis", "rediss") or not parts.hostname:
        raise ValueError("REDIS_URL must look like redis://[user:password@]host[:port]")
    return RedisTarget(
        host=parts.hostname,
        port=parts.port or 6379,
        username=unquote(parts.username) if parts.username else None,
        password=unquote(parts.password) if parts.password else None,
        ssl=parts.scheme == "rediss",
    )


def client(url: str, db: int = TRACKER_DB, **kwargs):
    """A synchronous client (redis-py) with timeouts."""
    import redis

    target = parse(url)
    return redis.Redis(host=target.host, port=target.port, db=db, username=target.username,
                       password=target.password, ssl=target.ssl, socket_timeout=SOCKET_TIMEOUT,
                       socket_connect_timeout=SOCKET_TIMEOUT, **kwargs)


def async_client(url: str, db: int = TRACKER_DB):
    import redis.asyncio

    target = parse(url)
    return redis.asyncio.Redis(host=target.host, port=target.port, db=db, username=target.username,
                               password=target.password, ssl=target.ssl, socket_timeout=2,
                               socket_connect_timeout=2)


def endpoints_yaml(url: str, idle_minutes: float) -> str:
    """The tracker_store and lock_store parts of Rasa's endpoints file: Rasa's
    own Redis stores (the tracker store without its merge re-read:
    bot/scale/tracker_store.py). `record_exp` is the idle expiry (Redis's EX
    needs whole seconds); the password is `${…}`, substituted by Rasa from the
    environment."""
    target = parse(url)
    lines = []
    for section, kind, kind_extra in (
        ("tracker_store", TRACKER_STORE, [f"  db: {TRACKER_DB}", f"  record_exp: {max(1, round(idle_minutes * 60))}"]),
        ("lock_store", "redis", [f"  db: {LOCK_DB}", f"  socket_timeout: {SOCKET_TIMEOUT}"]),
    ):
        lines += [f"{section}:", f"  type: {kind}", f"  url: {target.host}", f"  port: {target.port}",
                  f"  key_prefix: {KEY_PREFIX}", *kind_extra]
        if target.username:
            lines.append(f"  username: {target.username}")
        if target.password:
            lines.append(f"  password: ${{{PASSWORD_VARIABLE}}}")
        if target.ssl:
            lines.append("  use_ssl: true")
    return "\n".join(lines) + "\n"


def environment(url: str) -> dict:
    """What a Rasa process needs in its environment for endpoints_yaml's file."""
    password = parse(url).password
    return {PASSWORD_VARIABLE: password} if password else {}
