"""A tracker store that keeps conversations in memory only, and forgets each
one after it has been idle for `idle_minutes` (Rasa's InMemoryTrackerStore
keeps every conversation until the process stops, and grows without bound).

Configured in the endpoints file that `bot.run` writes:

    tracker_store:
      type: bot.tracker_store.ExpiringInMemoryTrackerStore
      idle_minutes: 30
"""

from __future__ import annotations

import time
from collections import OrderedDict
from typing import Any, Callable, Iterable, Optional, Text

from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import InMemoryTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker


class ExpiringInMemoryTrackerStore(InMemoryTrackerStore):
    def __init__(
        self,
        domain: Domain,
        event_broker: Optional[EventBroker] = None,
        idle_minutes: float = 30,
        clock: Callable[[], float] = time.monotonic,
        **kwargs: Any,
    ) -> None:
        kwargs.pop("host", None)  # Rasa passes the endpoint's url; there is none
        super().__init__(domain, event_broker, **kwargs)
        self.idle_seconds = float(idle_minutes) * 60
        self._clock = clock
        # sender id -> last activity, oldest first, so expiry stops at the first live one
        self._last_seen: "OrderedDict[Text, float]" = OrderedDict()

    def _expire(self) -> None:
        cutoff = self._clock() - self.idle_seconds
        while self._last_seen:
            sender_id, seen = next(iter(self._last_seen.items()))
            if seen > cutoff:
                break
            del self._last_seen[sender_id]
            self.store.pop(sender_id, None)

    async def save(self, tracker: DialogueStateTracker) -> None:
        self._expire()
        await super().save(tracker)
        self._last_seen[tracker.sender_id] = self._clock()
        self._last_seen.move_to_end(tracker.sender_id)

    async def retrieve(self, sender_id: Text) -> Optional[DialogueStateTracker]:
        self._expire()
        return await super().retrieve(sender_id)

    async def retrieve_full_tracker(self, sender_id: Text) -> Optional[DialogueStateTracker]:
        self._expire()
        return await super().retrieve_full_tracker(sender_id)

    async def keys(self) -> Iterable[Text]:
        self._expire()
        return await super().keys()
