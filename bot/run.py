"""Start the action server and Rasa on loopback and the public web front,
wait until all answer, print where to chat, keep them running (a process that
dies is started again: bot.scale.supervisor) and stop them all on Ctrl-C.
With RASA_PROCESSES=N (N>1), N Rasa processes keep their conversations in
Redis (REDIS_URL, or a local redis-server started here): docs/scaling.md.
With --shell, start the action server and chat in the terminal (rasa shell).

Used by `make run` and `make shell`; `python -m bot.run --help` lists the options.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any, Optional, Tuple

from bot import settings as settings_module
from bot.scale import redis_conn
from bot.scale.supervisor import Child, Supervisor

ACTIONS = """action_endpoint:
  url: {url}
"""
IN_MEMORY = """tracker_store:
  type: bot.tracker_store.ExpiringInMemoryTrackerStore
  idle_minutes: {idle_minutes}
"""
BROKER = """event_broker:
  type: bot.stats.broker.CountingEventBroker
  path: {stats_path}
  idle_minutes: {idle_minutes}
  once_per_conversation: {memory}
"""


def wait_until_up(url: str, proc: subprocess.Popen, timeout: float) -> None:
    """Poll url until it answers; raise if proc exits first or time runs out."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{url} exited with code {proc.returncode} before it was up")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.5)
    raise TimeoutError(f"{url} did not answer within {timeout:.0f} s")


def write_endpoints(path: Path, settings: settings_module.Settings) -> Path:
    """Rasa's endpoints file. In Redis mode it holds Redis's address but not its
    password (an environment variable Rasa substitutes)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    stores = (redis_conn.endpoints_yaml(settings.redis_url, settings.idle_minutes) if settings.uses_redis
              else IN_MEMORY.format(idle_minutes=settings.idle_minutes))
    path.write_text(ACTIONS.format(url=settings.action_url) + stores + BROKER.format(
        stats_path=settings.stats_path, idle_minutes=settings.idle_minutes,
        memory="redis" if settings.uses_redis else "process"))
    return path


# Threads per process of TensorFlow and of the e5 engine (OpenMP).
THREAD_VARIABLES = ("OMP_NUM_THREADS", "TF_INTRA_OP_PARALLELISM_THREADS", "TF_INTER_OP_PARALLELISM_THREADS")


def child_environment(settings: settings_module.Settings) -> dict:
    env = {**os.environ, "SANIC_HOST": settings.host, "RASA_TELEMETRY_ENABLED": "false"}
    if settings.uses_redis:  # the broker reads REDIS_URL; Rasa's stores the password variable
        env.update({**settings.as_environment(), **redis_conn.environment(settings.redis_url)})
    if settings.rasa_processes > 1:
        # By default each process starts a thread per core; N processes then spin against
        # each other on the same cores (measured on 2 cores: 2 processes answered 7.0 a second,
        # fewer than one's 11.8). A fair share each: 16.4 a second.
        share = str(max(1, (os.cpu_count() or 1) // settings.rasa_processes))
        for variable in THREAD_VARIABLES:
            env.setdefault(variable, share)
    return env


def _quiet(settings: settings_module.Settings) -> list[str]:
    return [] if settings.log_level in ("INFO", "DEBUG") else ["--quiet"]


def _spawn(command: list[str], url: str, timeout: float, env: dict, **popen: Any) -> subprocess.Popen:
    """Start a server process; return it once url answers, or stop it and raise."""
    proc = subprocess.Popen(command, cwd=settings_module.ROOT, env=env, **popen)
    try:
        wait_until_up(url, proc, timeout)
    except Exception:
        stop([proc])
        raise
    return proc


def actions_command(settings: settings_module.Settings, venv_bin: Path) -> list:
    return [str(venv_bin / "python"), "-m", "rasa_sdk", "--actions", "actions",
            "--port", str(settings.action_port), *_quiet(settings)]


def rasa_command(settings: settings_module.Settings, venv_bin: Path, endpoints: Path, port: int) -> list:
    """`rasa run` through bot.rasa_cli (log guards)."""
    return [str(venv_bin / "python"), "-m", "bot.rasa_cli", "run", "--model", str(settings.model_path),
            "--interface", settings.host, "--port", str(port), "--endpoints", str(endpoints), *_quiet(settings)]


def web_command(venv_bin: Path) -> list:
    return [str(venv_bin / "python"), "-m", "bot.web"]


def web_environment(settings: settings_module.Settings) -> dict:
    return {**child_environment(settings), **settings.as_environment()}


def start_actions(settings: settings_module.Settings, venv_bin: Path, **popen: Any) -> subprocess.Popen:
    return _spawn(actions_command(settings, venv_bin), f"http://{settings.host}:{settings.action_port}/health", 60,
                  child_environment(settings), **popen)


def start_rasa(
    settings: settings_module.Settings, venv_bin: Path, endpoints: Path, **popen: Any
) -> subprocess.Popen:
    """One Rasa process on settings.rasa_port; returns once it answers."""
    return _spawn(rasa_command(settings, venv_bin, endpoints, settings.rasa_port),
                  f"http://{settings.host}:{settings.rasa_port}/", 180, child_environment(settings), **popen)


def start_web(settings: settings_module.Settings, venv_bin: Path, **popen: Any) -> subprocess.Popen:
    """The public web front (bot.web), given these settings; returns once it answers."""
    return _spawn(web_command(venv_bin), settings.web_url, 30, web_environment(settings), **popen)


def _child(name: str, command: list, env: dict, **popen: Any) -> Child:
    return Child(name, lambda: subprocess.Popen(command, cwd=settings_module.ROOT, env=env, **popen))


def _start_local_redis(supervisor: Supervisor, **popen: Any) -> str:
    """A redis-server on loopback, watched like the others; returns its URL."""
    from bot.scale.local_redis import LocalRedis

    local = supervisor.local_redis = LocalRedis(free_port())
    quiet = {"stdout": subprocess.DEVNULL, **popen}  # its start-up banner; RedisWatch reports its state
    supervisor.add(Child("Redis (local)", lambda: local.launch(**quiet))).start(time.monotonic())
    local.wait_until_up()
    return local.url


def start(
    settings: settings_module.Settings, venv_bin: Path, work: Optional[Path] = None, **popen: Any
) -> Tuple[Supervisor, settings_module.Settings]:
    """Start (Redis,) the action server, every Rasa process and the web front,
    each watched by a Supervisor; returns once all answer, with the settings
    as started (REDIS_URL filled in when a local Redis was started)."""
    supervisor = Supervisor()
    try:
        if settings.uses_redis and not settings.redis_url:
            settings = dataclasses.replace(settings, redis_url=_start_local_redis(supervisor, **popen))
        env = child_environment(settings)
        actions = supervisor.add(_child(f"The action server (port {settings.action_port})",
                                        actions_command(settings, venv_bin), env, **popen))
        actions.start(time.monotonic())
        wait_until_up(f"http://{settings.host}:{settings.action_port}/health", actions.proc, 60)
        endpoints = write_endpoints((work or settings_module.ROOT / "var") / "endpoints.yml", settings)
        rasas = [supervisor.add(_child(f"Rasa {i + 1} (port {port})",
                                       rasa_command(settings, venv_bin, endpoints, port), env, **popen))
                 for i, port in enumerate(settings.rasa_ports)]
        for rasa in rasas:  # they load their models side by side
            rasa.start(time.monotonic())
        for rasa, port in zip(rasas, settings.rasa_ports):
            wait_until_up(f"http://{settings.host}:{port}/", rasa.proc, 300)
        web = supervisor.add(_child(f"The web front (port {settings.web_port})", web_command(venv_bin),
                                    web_environment(settings), **popen))
        web.start(time.monotonic())
        wait_until_up(settings.web_url, web.proc, 30)
    except BaseException:
        supervisor.stop()
        raise
    return supervisor, settings


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def stop(procs: list[subprocess.Popen]) -> None:
    for proc in procs:
        if proc.poll() is None:
            proc.send_signal(signal.SIGINT)
    for proc in procs:
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shell", action="store_true", help="chat in the terminal instead of serving REST")
    args = parser.parse_args(argv)
    settings = settings_module.load()
    if not settings.model_path.exists():
        print(f"No trained model at {settings.model_path}: run `make train` first.", file=sys.stderr)
        return 1
    if args.shell:  # one conversation in the terminal: one process, in memory
        return shell(dataclasses.replace(settings, rasa_processes=1, redis_url=""), Path(sys.executable).parent)
    # SIGTERM (docker stop, kill) and SIGINT stop everything the same way, even where a
    # shell started us in the background with SIGINT ignored.
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, _interrupt)
    if settings.redis_url:
        try:
            redis_conn.parse(settings.redis_url)
        except ValueError as error:
            print(error, file=sys.stderr)
            return 1
    where = (f"{settings.rasa_processes} Rasa processes, conversations in Redis" if settings.uses_redis
             else "Rasa, conversations in memory")
    print(f"Starting the action server, {where} and the web front (loading the model takes about half a minute)…")
    try:
        supervisor, settings = start(settings, Path(sys.executable).parent)
    except KeyboardInterrupt:
        return 130
    print(f"\nSpør trygt is up: open {settings.web_url}")
    print(f"  Operators: {settings.web_url}operator" + ("" if settings.operator_token else
          " (off until OPERATOR_TOKEN is set in .env)"))
    print(f"  Rasa's REST channel (loopback only): {settings.rest_url}"
          + (f" and {len(settings.rasa_ports) - 1} more port(s) after it" if len(settings.rasa_ports) > 1 else ""))
    if settings.uses_redis:
        print(f"  Conversations: Redis at {redis_conn.parse(settings.redis_url).safe}"
              + (" (started here, nothing saved to disk)" if supervisor.local_redis else "")
              + f", forgotten after {settings.idle_minutes:g} idle minutes.")
    print(f"  Weekly anonymous counts: {settings.stats_path} (`make report` shows them).")
    print(f"  Try: curl -s -X POST {settings.web_url}webhooks/rest/webhook -H 'Content-Type: application/json' "
          "-d '{\"sender\": \"test\", \"message\": \"hei\"}'")
    print("  Ctrl-C stops everything (then `make shell` chats in the terminal).\n")
    watch = RedisWatch(settings.redis_url) if settings.uses_redis else None
    try:
        while True:
            supervisor.check()
            if watch:
                watch.check()
            time.sleep(0.5)
    except KeyboardInterrupt:
        print("\nStopping…")
        return 0
    finally:
        supervisor.stop()


def _interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


class RedisWatch:
    """Says on the console when Redis stops and starts answering (every 2 s)."""

    def __init__(self, url: str, every: float = 2.0) -> None:
        self.client = redis_conn.client(url)
        self.where = redis_conn.parse(url).safe
        self.every = every
        self.next_check = 0.0
        self.up = True

    def check(self) -> None:
        if time.monotonic() < self.next_check:
            return
        self.next_check = time.monotonic() + self.every
        try:
            up = bool(self.client.ping())
        except Exception:  # noqa: BLE001 - any failure means: not answering
            up = False
        if up != self.up:
            print(f"Redis at {self.where} answers again: the chat is answering." if up else
                  f"Redis at {self.where} is not answering: the chat tells people to try again later "
                  "(with 113 for emergencies) until it is back.", file=sys.stderr, flush=True)
        self.up = up


def shell(settings: settings_module.Settings, venv_bin: Path) -> int:
    """rasa shell, with the action server running beside it."""
    actions = start_actions(settings, venv_bin)
    endpoints = write_endpoints(settings_module.ROOT / "var" / "endpoints.yml", settings)
    try:
        return subprocess.call(
            [str(venv_bin / "python"), "-m", "bot.rasa_cli", "shell", "--model", str(settings.model_path),
             "--interface", settings.host, "--port", str(settings.rasa_port),
             "--endpoints", str(endpoints), *_quiet(settings)],
            cwd=settings_module.ROOT, env=child_environment(settings),
        )
    except KeyboardInterrupt:
        return 0
    finally:
        stop([actions])


if __name__ == "__main__":
    sys.exit(main())
