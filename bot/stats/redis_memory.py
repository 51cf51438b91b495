"""The counting broker's once-per-conversation memory in Redis, shared by every
process and machine, so a conversation that moves is still counted once.

Per conversation one set of counted keys (metric and key, both from fixed
lists), under a hash of the sender id, expiring with the conversation's idle
time. SADD says atomically whether a key is new, whichever process asks."""

from __future__ import annotations

import hashlib
from typing import Any, List, Set

from bot.scale.redis_conn import KEY_PREFIX
from bot.stats.counting import Increment


class RedisMemory:
    def __init__(self, client: Any, idle_seconds: float, prefix: str = KEY_PREFIX) -> None:
        self.client = client
        self.idle_seconds = max(1, round(idle_seconds))  # Redis's EXPIRE takes whole seconds
        self.prefix = prefix

    def key(self, sender: str) -> str:
        return f"{self.prefix}:counted:{hashlib.blake2b(sender.encode(), digest_size=16).hexdigest()}"

    def first_times(self, sender: str, candidates: List[Increment], new_session: bool) -> Set[Increment]:
        key = self.key(sender)
        pipe = self.client.pipeline(transaction=True)
        if new_session:
            pipe.delete(key)
        for metric, name in candidates:
            pipe.sadd(key, f"{metric}:{name}")
        pipe.expire(key, self.idle_seconds)
        added = pipe.execute()[1 if new_session else 0:][:len(candidates)]
        return {inc for inc, new in zip(candidates, added) if new}
