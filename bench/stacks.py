"""Start the assistants the speed runs measure: ours exactly as a user starts
it (`make run`), and the stock `rasa init` assistant with `rasa run`; find
their processes and read their memory."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

from bot.settings import ROOT

# RASA_PORT last: with RASA_PROCESSES=N our Rasa processes take N ports from it.
PORTS = {"PORT": 8411, "ACTION_PORT": 8413, "RASA_PORT": 8421}
STOCK_PORT = 8414
ROLES = {"rasa_sdk": "action server", "bot.rasa_cli": "rasa", "bot.web": "web front", "rasa run": "rasa"}


def _children(pid: int) -> list[int]:
    """Every descendant of pid, from /proc."""
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except OSError:
                continue
            parents.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        for child in parents.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def memory_mb(pid: int) -> dict:
    """Resident memory now and at its peak (VmRSS, VmHWM), in MB."""
    status = dict(line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines() if ":" in line)
    return {"rss_mb": int(status["VmRSS"].split()[0]) / 1024, "peak_mb": int(status["VmHWM"].split()[0]) / 1024}


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2):
            return True
    except OSError:
        return False


def _first_answer(url: str, text: str) -> bool:
    request = urllib.request.Request(url, data=json.dumps({"sender": "bench-start", "message": text}).encode(),
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return bool(json.loads(response.read()))
    except (OSError, ValueError):
        return False


@dataclass
class Stack:
    proc: subprocess.Popen
    urls: dict[str, str]
    timeline: dict[str, float] = field(default_factory=dict)

    def processes(self) -> dict[str, dict]:
        found = {}
        for pid in _children(self.proc.pid) + [self.proc.pid]:
            try:
                cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
            except OSError:
                continue
            role = next((r for marker, r in ROLES.items() if marker in cmdline), None)
            if role and role not in found:
                found[role] = {"pid": pid, **memory_mb(pid)}
        return found

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGINT)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()


def _popen_logged(command: list[str], log_path: Path, **popen) -> subprocess.Popen:
    """Start command in its own process group, its output into log_path."""
    with log_path.open("w") as log:  # the child keeps its own copy of the file
        return subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, start_new_session=True, **popen)


def _watch(
    proc: subprocess.Popen, checks: dict[str, Callable[[], bool]], timeout: float, log_path: Path
) -> dict[str, float]:
    """Seconds from now until each check first passes; raises if proc dies or time runs out."""
    started, seen = time.perf_counter(), {}
    while len(seen) < len(checks):
        if proc.poll() is not None:
            raise RuntimeError(f"stopped with code {proc.returncode} before it answered; see {log_path}")
        if time.perf_counter() - started > timeout:
            raise TimeoutError(f"no answer within {timeout:.0f} s; see {log_path}")
        for name, check in checks.items():
            if name not in seen and check():
                seen[name] = time.perf_counter() - started
        time.sleep(0.1)
    return seen


def start_ours(model: Path, work: Path, settings: Optional[dict] = None) -> Stack:
    """`make run` with the benchmark's model, ports and a throw-away statistics
    file; `settings` adds to the environment (e.g. RASA_PROCESSES)."""
    work.mkdir(parents=True, exist_ok=True)
    os.utime(model)  # newer than the data: `make run` must not start a training
    stats = work / "stats.sqlite3"
    stats.unlink(missing_ok=True)
    env = {**os.environ, **{k: str(v) for k, v in PORTS.items()}, "MODEL_PATH": str(model),
           "STATS_DB": str(stats), "LOG_LEVEL": "WARNING", "OPERATOR_TOKEN": "",
           # every benchmark client comes from 127.0.0.1: the per-client limit would refuse them
           "RATE_LIMIT_PER_MINUTE": "100000000", "RASA_PROCESSES": "1", "REDIS_URL": "", **(settings or {})}
    ports = [PORTS["RASA_PORT"] + i for i in range(int(env["RASA_PROCESSES"]))]
    base = "http://127.0.0.1"
    urls = {"front": f"{base}:{PORTS['PORT']}/webhooks/rest/webhook",
            "direct": f"{base}:{PORTS['RASA_PORT']}/webhooks/rest/webhook"}
    log_path = work / "make-run.log"
    proc = _popen_logged(["make", "--no-print-directory", "run", f"MODEL={model}"], log_path, cwd=ROOT, env=env)
    stack = Stack(proc, urls)
    try:
        stack.timeline = _watch(proc, {
            "action server up": lambda: _answers(f"{base}:{PORTS['ACTION_PORT']}/health"),
            "rasa up": lambda: all(_answers(f"{base}:{port}/") for port in ports),
            "first answer": lambda: _first_answer(urls["front"], "hei"),
        }, 300, log_path)
    except Exception:
        stack.stop()
        raise
    return stack


def stock_bot_trainer(out: Path) -> Path:
    """`rasa init`'s project, copied and trained as it comes."""
    from rasa.model_training import train

    from bench.understanding import stock_project

    project = out / "project"
    shutil.copytree(stock_project(), project, ignore=shutil.ignore_patterns("__pycache__"))
    result = train(str(project / "domain.yml"), str(project / "config.yml"), [str(project / "data")],
                   str(out), force_training=True, fixed_model_name="stock-bot")
    return Path(result.model)


def start_stock(model: Path, work: Path) -> Stack:
    """`rasa run` on the stock bot, REST channel only, as quiet as ours."""
    from bench.understanding import stock_project

    work.mkdir(parents=True, exist_ok=True)
    log_path = work / "stock-run.log"
    command = [str(Path(sys.executable).parent / "rasa"), "run", "--model", str(model), "--port", str(STOCK_PORT),
               "--interface", "127.0.0.1", "--credentials", str(stock_project() / "credentials.yml"), "--quiet"]
    proc = _popen_logged(command, log_path, cwd=work, env={**os.environ, "RASA_TELEMETRY_ENABLED": "false"})
    url = f"http://127.0.0.1:{STOCK_PORT}/webhooks/rest/webhook"
    stack = Stack(proc, {"direct": url})
    try:
        stack.timeline = _watch(proc, {"rasa up": lambda: _answers(f"http://127.0.0.1:{STOCK_PORT}/"),
                                       "first answer": lambda: _first_answer(url, "hello")}, 300, log_path)
    except Exception:
        stack.stop()
        raise
    return stack
