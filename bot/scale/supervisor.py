"""Keeps the servers `make run` starts running: a process that dies is started
again after a back-off (1 s, doubling to a minute; reset once it has run a
minute), while the others go on answering. Rasa's own SANIC_WORKERS never
restarts a dead worker, which is why the processes are ours to watch.

The console gets one line per event, with the process's name and port, never
anything from a conversation."""

from __future__ import annotations

import subprocess
import sys
import time
from dataclasses import dataclass, field
from typing import Any, Callable, List, Optional

FIRST_BACKOFF = 1.0
MAX_BACKOFF = 60.0
STABLE_SECONDS = 60.0  # a process that ran this long before dying starts again at once


def say(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


@dataclass
class Child:
    name: str
    launch: Callable[[], subprocess.Popen]  # starts the process, does not wait for it
    proc: Optional[subprocess.Popen] = None
    started_at: float = 0.0
    backoff: float = FIRST_BACKOFF
    restart_at: Optional[float] = None  # when a dead one is due to start again
    restarts: int = 0

    def start(self, now: float) -> None:
        self.proc = self.launch()
        self.started_at = now
        self.restart_at = None


@dataclass
class Supervisor:
    children: List[Child] = field(default_factory=list)
    clock: Callable[[], float] = time.monotonic
    say: Callable[[str], None] = say
    local_redis: Optional[Any] = None  # bot.scale.local_redis.LocalRedis, when started here

    def add(self, child: Child) -> Child:
        self.children.append(child)
        return child

    def check(self) -> None:
        """One round: notice deaths, start the ones whose back-off is over."""
        now = self.clock()
        for child in self.children:
            if child.proc is None:
                continue
            if child.restart_at is None and child.proc.poll() is not None:
                if now - child.started_at >= STABLE_SECONDS:
                    child.backoff = FIRST_BACKOFF
                child.restart_at = now + child.backoff
                self.say(f"{child.name} stopped (exit code {child.proc.returncode}); "
                         f"starting it again in {child.backoff:.0f} s. The others keep answering.")
                child.backoff = min(child.backoff * 2, MAX_BACKOFF)
            elif child.restart_at is not None and now >= child.restart_at:
                child.restarts += 1
                try:
                    child.start(now)
                except OSError as error:
                    child.restart_at = now + child.backoff
                    self.say(f"{child.name} could not be started ({type(error).__name__}); trying again.")

    def stop(self) -> None:
        from bot.run import stop

        stop([c.proc for c in self.children if c.proc is not None])
        if self.local_redis is not None:
            self.local_redis.remove_folder()
