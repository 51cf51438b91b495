"""Which Rasa process answers a conversation, and one message at a time.

- Each conversation goes to one process, chosen by rendezvous hashing of a
  hash of its sender id: the same process every time while it is up, and
  when it is down only its conversations move (to their next choice), to come
  back when it returns. The hash is the same in every front, so several fronts
  (deploy/) send a conversation to the same process. Rasa's Redis lock store hands out tickets
  non-atomically, so keeping a conversation on one process is what keeps two
  of its messages from being handled at once in two places.
- At most one message per conversation is in flight: a second waits for the
  first (up to `wait_seconds`), then is refused (the caller answers 429).
- At most PER_PROCESS messages are inside one Rasa process at once; the rest
  wait here, first come first served. Inside Rasa, a message that awaits the
  action server goes to the back of the event loop's queue, behind every other
  message's CPU-bound parsing, again and again: with 16 messages inside a
  process, those messages made the slowest 5 %. Measured at 32 clients on 2
  cores (make bench): one process, p95 10.6 s with no limit, 3.4 s with 3 and
  3.9 s with 6; two processes, 7.0 s / 4.1 s / 3.4 s, answering 17.3 / 14.5 /
  16.4 messages a second (3 left the CPU idle while all three awaited actions).

Only hashes of sender ids are held, in memory, and nothing is logged.
"""

from __future__ import annotations

import asyncio
import hashlib
import time
from dataclasses import dataclass, field
from typing import Callable, Dict, List, Optional

REST_PATH = "/webhooks/rest/webhook"
ROUTING_KEY = b"spor-trygt/route"  # not a secret: it only makes the hash ours
PER_PROCESS = 6  # messages inside one Rasa process at once: one parsing, the others awaiting actions


class Backends:
    def __init__(self, urls: List[str], down_seconds: float = 2.0, key: Optional[bytes] = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        if not urls:
            raise ValueError("no Rasa process to send conversations to")
        self.urls = list(urls)
        self.down_seconds = down_seconds
        self._key = key or ROUTING_KEY
        self._clock = clock
        self._down_until: Dict[str, float] = {}
        self._room: Dict[str, asyncio.Semaphore] = {}  # made in the event loop that uses them

    def room(self, url: str) -> asyncio.Semaphore:
        """Held while a message is inside that process (PER_PROCESS at once, FIFO)."""
        if url not in self._room:
            self._room[url] = asyncio.Semaphore(PER_PROCESS)
        return self._room[url]

    def conversation(self, sender: str) -> bytes:
        """The hash that stands for a sender id from here on."""
        return hashlib.blake2b(sender.encode(), key=self._key, digest_size=16).digest()

    def order(self, conversation: bytes) -> List[str]:
        """The processes to try for this conversation, best first; those seen
        down in the last `down_seconds` go last (they may be back)."""
        def weight(url: str) -> bytes:
            return hashlib.blake2b(conversation + url.encode(), digest_size=8).digest()

        now = self._clock()
        ranked = sorted(self.urls, key=weight, reverse=True)
        return sorted(ranked, key=lambda url: self._down_until.get(url, 0) > now)  # stable: keeps the ranking

    def mark_down(self, url: str) -> None:
        self._down_until[url] = self._clock() + self.down_seconds

    def mark_up(self, url: str) -> None:
        self._down_until.pop(url, None)


@dataclass
class _Slot:
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    users: int = 0  # holding or waiting: the slot is dropped at 0


class InFlight:
    def __init__(self, wait_seconds: float = 10.0) -> None:
        self.wait_seconds = wait_seconds
        self._slots: Dict[bytes, _Slot] = {}

    def __len__(self) -> int:
        return len(self._slots)

    async def acquire(self, conversation: bytes) -> bool:
        slot = self._slots.setdefault(conversation, _Slot())
        slot.users += 1
        try:
            await asyncio.wait_for(slot.lock.acquire(), self.wait_seconds)
            return True
        except asyncio.TimeoutError:
            self._leave(conversation, slot)
            return False

    def release(self, conversation: bytes) -> None:
        slot = self._slots[conversation]
        slot.lock.release()
        self._leave(conversation, slot)

    def _leave(self, conversation: bytes, slot: _Slot) -> None:
        slot.users -= 1
        if slot.users == 0:
            del self._slots[conversation]
