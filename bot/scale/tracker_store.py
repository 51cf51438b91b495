"""Rasa's RedisTrackerStore, minus one re-read per message.

On every save, Rasa's store reads the conversation back from Redis, rebuilds
it and replays its events, to merge in earlier sessions: its `retrieve` returns
only the latest session, and a save must not drop the others. Here there are
no others to keep: a conversation's key expires after CONVERSATION_IDLE_MINUTES
idle, and the front has one process handle a conversation at a time, so a
save replaces the key with what that process holds. Less kept, and measured in
`make bench` (docs/scaling.md): about a third of Redis's cost per message.
Everything else (keys, expiry, serialisation, the event broker) is Rasa's."""

from __future__ import annotations

from typing import Optional

from rasa.core.tracker_store import RedisTrackerStore
from rasa.shared.core.trackers import DialogueStateTracker


class ConversationRedisTrackerStore(RedisTrackerStore):
    async def save(self, tracker: DialogueStateTracker, timeout: Optional[float] = None) -> None:
        await self.stream_events(tracker)
        self.red.set(self.key_prefix + tracker.sender_id, self.serialise_tracker(tracker),
                     ex=timeout or self.record_exp)
