"""Start the action server and Rasa on loopback and the public web front,
wait until all answer, print where to chat, and stop them all on Ctrl-C.
With --shell, start the action server and chat in the terminal (rasa shell).

Used by `make run` and `make shell`; `python -m bot.run --help` lists the options.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

from bot import settings as settings_module

ENDPOINTS_TEMPLATE = """action_endpoint:
  url: {url}
tracker_store:
  type: bot.tracker_store.ExpiringInMemoryTrackerStore
  idle_minutes: {idle_minutes}
event_broker:
  type: bot.stats.broker.CountingEventBroker
  path: {stats_path}
  idle_minutes: {idle_minutes}
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
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(ENDPOINTS_TEMPLATE.format(
        url=settings.action_url, idle_minutes=settings.idle_minutes, stats_path=settings.stats_path))
    return path


def _env(settings: settings_module.Settings) -> dict:
    return {**os.environ, "SANIC_HOST": settings.host, "RASA_TELEMETRY_ENABLED": "false"}


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


def start_actions(settings: settings_module.Settings, venv_bin: Path, **popen: Any) -> subprocess.Popen:
    return _spawn(
        [str(venv_bin / "python"), "-m", "rasa_sdk", "--actions", "actions",
         "--port", str(settings.action_port), *_quiet(settings)],
        f"http://{settings.host}:{settings.action_port}/health", 60, _env(settings), **popen,
    )


def start_rasa(
    settings: settings_module.Settings, venv_bin: Path, endpoints: Path, **popen: Any
) -> subprocess.Popen:
    """`rasa run` through bot.rasa_cli (log guards); returns once it answers."""
    return _spawn(
        [str(venv_bin / "python"), "-m", "bot.rasa_cli", "run", "--model", str(settings.model_path),
         "--interface", settings.host, "--port", str(settings.rasa_port),
         "--endpoints", str(endpoints), *_quiet(settings)],
        f"http://{settings.host}:{settings.rasa_port}/", 180, _env(settings), **popen,
    )


def start_web(settings: settings_module.Settings, venv_bin: Path, **popen: Any) -> subprocess.Popen:
    """The public web front (bot.web), given these settings; returns once it answers."""
    return _spawn([str(venv_bin / "python"), "-m", "bot.web"], settings.web_url, 30,
                  {**_env(settings), **settings.as_environment()}, **popen)


def start(settings: settings_module.Settings, venv_bin: Path) -> list[subprocess.Popen]:
    """Start the action server, Rasa and the web front; returns once all answer."""
    procs = [start_actions(settings, venv_bin)]
    endpoints = write_endpoints(settings_module.ROOT / "var" / "endpoints.yml", settings)
    try:
        procs.append(start_rasa(settings, venv_bin, endpoints))
        procs.append(start_web(settings, venv_bin))
    except Exception:
        stop(procs)
        raise
    return procs


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
    if args.shell:
        return shell(settings, Path(sys.executable).parent)
    print("Starting the action server, Rasa and the web front (loading the model takes about half a minute)…")
    procs = start(settings, Path(sys.executable).parent)
    print(f"\nSpør trygt is up: open {settings.web_url}")
    print(f"  Operators: {settings.web_url}operator" + ("" if settings.operator_token else
          " (off until OPERATOR_TOKEN is set in .env)"))
    print(f"  Rasa's REST channel (loopback only): {settings.rest_url}")
    print(f"  Weekly anonymous counts: {settings.stats_path} (`make report` shows them).")
    print(f"  Try: curl -s -X POST {settings.web_url}webhooks/rest/webhook -H 'Content-Type: application/json' "
          "-d '{\"sender\": \"test\", \"message\": \"hei\"}'")
    print("  Ctrl-C stops everything (then `make shell` chats in the terminal).\n")
    try:
        while all(p.poll() is None for p in procs):
            time.sleep(1)
        print("A server stopped unexpectedly; stopping the others.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\nStopping…")
        return 0
    finally:
        stop(procs)


def shell(settings: settings_module.Settings, venv_bin: Path) -> int:
    """rasa shell, with the action server running beside it."""
    actions = start_actions(settings, venv_bin)
    endpoints = write_endpoints(settings_module.ROOT / "var" / "endpoints.yml", settings)
    try:
        return subprocess.call(
            [str(venv_bin / "python"), "-m", "bot.rasa_cli", "shell", "--model", str(settings.model_path),
             "--interface", settings.host, "--port", str(settings.rasa_port),
             "--endpoints", str(endpoints), *_quiet(settings)],
            cwd=settings_module.ROOT, env=_env(settings),
        )
    except KeyboardInterrupt:
        return 0
    finally:
        stop([actions])


if __name__ == "__main__":
    sys.exit(main())
