"""Requests per client per window, without keeping client addresses.

A client is known only by a keyed hash of its address; the key is random,
lives in memory, and is replaced (with every count) when the window ends,
so nothing kept can be turned back into an address, even a minute later."""

from __future__ import annotations

import hashlib
import secrets
import time
from typing import Callable, Dict


class RateLimiter:
    def __init__(self, limit: int, window_seconds: float = 60, clock: Callable[[], float] = time.monotonic) -> None:
        self.limit = limit
        self.window = window_seconds
        self._clock = clock
        self._start = clock()
        self._key = secrets.token_bytes(32)
        self._counts: Dict[bytes, int] = {}

    def __len__(self) -> int:
        return len(self._counts)

    def allow(self, address: str) -> bool:
        now = self._clock()
        if now - self._start >= self.window:
            self._start, self._key, self._counts = now, secrets.token_bytes(32), {}
        client = hashlib.blake2b(address.encode(), key=self._key, digest_size=16).digest()
        n = self._counts.get(client, 0) + 1
        self._counts[client] = n
        return n <= self.limit

    def retry_after(self) -> int:
        return max(1, int(self.window - (self._clock() - self._start)) + 1)
