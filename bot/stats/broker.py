"""CountingEventBroker: Rasa's event broker, used as the one place that counts.

Why an event broker and not the tracker store: it is Rasa's hook for
analytics, it gets each new event once whichever tracker store is in use
(the in-memory one now, Redis later), and it keeps counting apart from
keeping conversations. `publish` turns an event into (metric, key) pairs
(bot.stats.counting) and drops the event; a background thread writes the
pairs, with the week, to the stats store. A slow, locked, missing or corrupt
database therefore never holds up an answer: the increments wait in memory
(a handful of counters, not events) and are retried.

Configured in the endpoints file that `bot.run` writes:

    event_broker:
      type: bot.stats.broker.CountingEventBroker
      path: var/stats.sqlite3
      idle_minutes: 30
      once_per_conversation: process   # or redis (REDIS_URL): conversations move between processes
"""

from __future__ import annotations

import logging
import queue
import sys
import threading
from collections import Counter
from pathlib import Path
from typing import Any, Callable, Dict, Optional

from rasa.core.brokers.broker import EventBroker

from bot.stats import weeks
from bot.stats.counting import ConversationCounts
from bot.stats.store import Cell, StatsStore

logger = logging.getLogger(__name__)

_STOP = object()


class _Writer(threading.Thread):
    """Drains the queue into the store, batching what arrived meanwhile."""

    def __init__(self, store: StatsStore, retry_seconds: float) -> None:
        super().__init__(name="stats-writer", daemon=True)
        self.store = store
        self.retry_seconds = retry_seconds
        self.queue: "queue.SimpleQueue[Any]" = queue.SimpleQueue()
        self.pending: Counter = Counter()
        self.failing = False
        # increments published but not yet written, to wait on in flush()
        self.unwritten = 0
        self.written = threading.Condition()

    def put(self, cell: Cell) -> None:
        with self.written:
            self.unwritten += 1
        self.queue.put(cell)

    def wait_written(self, timeout: float) -> bool:
        with self.written:
            return self.written.wait_for(lambda: self.unwritten == 0, timeout)

    def _take(self, item: Any) -> bool:
        if item is _STOP:
            return False
        self.pending[item] += 1
        return True

    def _flush(self) -> None:
        if not self.pending:
            return
        try:
            self.store.add(self.pending)
        except Exception as error:  # noqa: BLE001 - counting must never stop the assistant
            if not self.failing:
                # sqlite's messages ("database is locked", "file is not a database")
                # hold no content; the counters themselves are not logged.
                logger.error(
                    "Statistics: cannot write to %s (%s: %s). The assistant keeps answering; "
                    "the counts wait in memory and are retried.",
                    self.store.path, type(error).__name__, error,
                )
                self.failing = True
            return
        if self.failing:
            logger.warning("Statistics: writing to %s again.", self.store.path)
            self.failing = False
        with self.written:
            self.unwritten -= sum(self.pending.values())
            self.written.notify_all()
        self.pending.clear()

    def run(self) -> None:
        running = True
        while running:
            timeout = self.retry_seconds if self.pending else None
            try:
                running = self._take(self.queue.get(timeout=timeout))
            except queue.Empty:
                pass
            while running:
                try:
                    running = self._take(self.queue.get_nowait())
                except queue.Empty:
                    break
            self._flush()


class CountingEventBroker(EventBroker):
    def __init__(
        self,
        store: StatsStore,
        counts: ConversationCounts,
        clock: Callable = weeks.now,
        retry_seconds: float = 5.0,
    ) -> None:
        self.store = store
        self.counts = counts
        self._clock = clock
        self._writer = _Writer(store, retry_seconds)
        self._writer.start()

    @classmethod
    def for_file(
        cls, path: Path, idle_minutes: float = 30, clock: Callable = weeks.now, retry_seconds: float = 5.0,
        memory: Any = None,
    ) -> "CountingEventBroker":
        from bot.services import directory
        from bot.stats.keys import domain_intents

        counts = ConversationCounts(
            domain_intents(), [s.id for s in directory.load()], idle_seconds=float(idle_minutes) * 60, memory=memory
        )
        broker = cls(StatsStore(Path(path)), counts, clock=clock, retry_seconds=retry_seconds)
        problem = broker.store.check()
        if problem:
            print(
                f"WARNING: the statistics file {broker.store.path} cannot be written ({problem}).\n"
                "The assistant answers as usual; weekly counts are held in memory and written "
                "when the file works again. Fix or remove the file to resume counting.",
                file=sys.stderr, flush=True,
            )
        return broker

    @classmethod
    async def from_endpoint_config(cls, broker_config: Any, event_loop: Any = None) -> Optional["CountingEventBroker"]:
        from bot import settings as settings_module

        kwargs = broker_config.kwargs
        path = Path(kwargs.get("path") or settings_module.load().stats_path)
        if not path.is_absolute():
            path = settings_module.ROOT / path
        idle_minutes = float(kwargs.get("idle_minutes", 30))
        memory = None
        if kwargs.get("once_per_conversation") == "redis":
            from bot.scale.redis_conn import client
            from bot.stats.redis_memory import RedisMemory

            memory = RedisMemory(client(settings_module.load().redis_url), idle_minutes * 60)
        return cls.for_file(path, idle_minutes=idle_minutes, memory=memory)

    def publish(self, event: Dict[str, Any]) -> None:
        try:
            found = self.counts.count(event)
            if found:
                week = weeks.week_of(self._clock())
                for metric, key in found:
                    self._writer.put((week, metric, key))
        except Exception as error:  # noqa: BLE001 - never break a conversation
            logger.error("Statistics: could not count an event (%s).", type(error).__name__)

    def flush(self, timeout: float = 10.0) -> bool:
        """Wait until everything published so far is written; False on timeout."""
        return self._writer.wait_written(timeout)

    async def close(self) -> None:
        self._writer.queue.put(_STOP)
        self._writer.join(timeout=10)
