"""A redis-server on loopback for `make run` with RASA_PROCESSES>1 and no
REDIS_URL: Debian's package, started with its configuration on standard input
(nothing on disk), and a user that can only read and write our keys.

- persistence off (`save ""`, no AOF): conversations live in memory only;
- `maxmemory` with `noeviction`: when full, new writes fail loudly instead of
  Redis silently dropping someone's conversation;
- the default user off; ours (`KEY_PREFIX` keys only) cannot save, reconfigure,
  flush or shut down (`-@admin -@dangerous`); it is stopped with a signal.
"""

from __future__ import annotations

import secrets
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Optional

from bot.scale.redis_conn import KEY_PREFIX

USER = "sportrygt"
MAXMEMORY = "256mb"  # ~10 KB per conversation: room for some 20,000 at once


def config(port: int, password: str, folder: Path) -> str:
    return "\n".join([
        f"port {port}", "bind 127.0.0.1 -::1", "protected-mode yes", "daemonize no",
        'save ""', "appendonly no", f"dir {folder}",
        f"maxmemory {MAXMEMORY}", "maxmemory-policy noeviction",
        "loglevel warning", 'logfile ""',
        "user default off",
        f"user {USER} on >{password} ~{KEY_PREFIX}:* resetchannels +@all -@admin -@dangerous",
    ]) + "\n"


class LocalRedis:
    """One redis-server process; `url` carries the generated password and is
    passed to the children in their environment only."""

    def __init__(self, port: int, folder: Optional[Path] = None, password: Optional[str] = None) -> None:
        self.port = port
        self.password = password or secrets.token_urlsafe(24)
        # Its working folder: empty for as long as it runs (the privacy audit checks).
        self.folder = folder or Path(tempfile.mkdtemp(prefix="spor-trygt-redis-"))
        self.proc: Optional[subprocess.Popen] = None

    @property
    def url(self) -> str:
        return f"redis://{USER}:{self.password}@127.0.0.1:{self.port}"

    @staticmethod
    def executable() -> str:
        found = shutil.which("redis-server") or ("/usr/bin/redis-server" if Path("/usr/bin/redis-server").exists()
                                                  else None)
        if not found:
            raise FileNotFoundError("redis-server is not installed: run scripts/install-redis.sh "
                                    "(Debian's package), or set REDIS_URL to a Redis you run.")
        return found

    def launch(self, **popen) -> subprocess.Popen:
        """Start it (configuration through stdin); does not wait."""
        self.folder.mkdir(parents=True, exist_ok=True)
        self.proc = subprocess.Popen([self.executable(), "-"], stdin=subprocess.PIPE, cwd=self.folder, **popen)
        self.proc.stdin.write(config(self.port, self.password, self.folder).encode())
        self.proc.stdin.close()
        return self.proc

    def wait_until_up(self, timeout: float = 15) -> None:
        from bot.scale.redis_conn import client

        deadline = time.monotonic() + timeout
        redis = client(self.url)
        while time.monotonic() < deadline:
            if self.proc is not None and self.proc.poll() is not None:
                raise RuntimeError(f"redis-server exited with code {self.proc.returncode}")
            try:
                if redis.ping():
                    return
            except Exception:  # noqa: BLE001 - not up yet
                time.sleep(0.1)
        raise TimeoutError(f"redis-server did not answer on port {self.port} within {timeout:.0f} s")

    def start(self, **popen) -> subprocess.Popen:
        proc = self.launch(**popen)
        self.wait_until_up()
        return proc

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()

    def remove_folder(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)
