"""What the statistics count, derived from Rasa's events. Pure (no I/O) but for
the once-per-conversation memory it is given: in-process, or Redis.

An event becomes at most a few (metric, key) pairs; the text, the sender and
the time of the event are never part of one. Keys come only from fixed lists
(the domain's intents, the directory's service ids), so nothing a person
types can become a key, not even an intent name sent as "/name".
"""

from __future__ import annotations

import time
from collections import OrderedDict
from typing import Any, Callable, Collection, Dict, Iterable, List, Set, Tuple

Increment = Tuple[str, str]  # (metric, key)

# metric -> counted once per conversation per key (True) or every time (False)
METRICS: Dict[str, bool] = {
    "conversations": False,  # key ""
    "intent": True,  # key: intent name
    "service_shown": True,  # key: service id
    "crisis_answer": False,  # key ""
    "overdose_answer": False,  # key ""
    "fallback": False,  # key "nlu" (message not understood) or "dialogue" (no next step)
    "feedback": False,  # key "positive" or "negative"
}

ANSWER_METRICS = {"utter_crisis": "crisis_answer", "utter_overdose": "overdose_answer"}
FEEDBACK = {"feedback_positive": "positive", "feedback_negative": "negative"}
SERVICES_SLOT = "services_shown"


def increments(event: Dict[str, Any], intents: Collection[str], service_ids: Collection[str]) -> List[Increment]:
    """The counts one event adds, before de-duplication within the conversation."""
    kind = event.get("event")
    if kind == "session_started":
        return [("conversations", "")]
    if kind == "user":
        name = ((event.get("parse_data") or {}).get("intent") or {}).get("name")
        if name == "nlu_fallback":
            return [("fallback", "nlu")]
        if name not in intents:
            return []
        found = [("intent", name)]
        if name in FEEDBACK:
            found.append(("feedback", FEEDBACK[name]))
        return found
    if kind == "action":
        name = event.get("name")
        if name in ANSWER_METRICS:
            return [(ANSWER_METRICS[name], "")]
        if name == "action_default_fallback":
            return [("fallback", "dialogue")]
        return []
    if kind == "slot" and event.get("name") == SERVICES_SLOT:
        value = event.get("value")
        shown = value if isinstance(value, list) else []
        return [("service_shown", s) for s in shown if isinstance(s, str) and s in service_ids]
    return []


class ProcessMemory:
    """Which once-per-conversation keys each live conversation has had counted,
    in this process's memory: right while a conversation stays in one process.
    Forgets a conversation after the idle time (or beyond max_conversations)."""

    def __init__(self, idle_seconds: float, clock: Callable[[], float] = time.monotonic,
                 max_conversations: int = 100_000) -> None:
        self.idle_seconds = idle_seconds
        self.max_conversations = max_conversations
        self._clock = clock
        # sender id -> (last activity, keys counted), oldest first
        self._seen: "OrderedDict[str, Tuple[float, Set[Increment]]]" = OrderedDict()

    def __len__(self) -> int:
        return len(self._seen)

    def _expire(self, now: float) -> None:
        while self._seen:
            sender, (seen_at, _) = next(iter(self._seen.items()))
            if seen_at > now - self.idle_seconds and len(self._seen) <= self.max_conversations:
                break
            del self._seen[sender]

    def first_times(self, sender: str, candidates: List[Increment], new_session: bool) -> Set[Increment]:
        """The candidates not counted before in this conversation (now remembered)."""
        now = self._clock()
        self._expire(now)
        if new_session:
            self._seen.pop(sender, None)
        _, counted = self._seen.pop(sender, (now, set()))
        self._seen[sender] = (now, counted)
        fresh = set(candidates) - counted
        counted.update(fresh)
        return fresh


class ConversationCounts:
    """Turns each conversation's events into increments, counting the
    once-per-conversation metrics once. What was counted lives in `memory`:
    this process's (ProcessMemory), or Redis (bot.stats.redis_memory) when a
    conversation can move between processes and machines."""

    def __init__(
        self,
        intents: Iterable[str],
        service_ids: Iterable[str],
        idle_seconds: float,
        clock: Callable[[], float] = time.monotonic,
        max_conversations: int = 100_000,
        memory: Any = None,
    ) -> None:
        self.intents = frozenset(intents)
        self.service_ids = frozenset(service_ids)
        self.memory = memory if memory is not None else ProcessMemory(idle_seconds, clock, max_conversations)

    def __len__(self) -> int:
        return len(self.memory)

    def count(self, event: Dict[str, Any]) -> List[Increment]:
        found = increments(event, self.intents, self.service_ids)
        new_session = event.get("event") == "session_started"
        once = [inc for inc in found if METRICS[inc[0]]]
        # Only events with something to de-duplicate ask the memory (in Redis: a round trip).
        fresh = self.memory.first_times(event.get("sender_id") or "", once, new_session) if (
            once or new_session) else set()
        counted, taken = [], set()
        for inc in found:
            if METRICS[inc[0]]:
                if inc not in fresh or inc in taken:  # counted before, or twice in this event
                    continue
                taken.add(inc)
            counted.append(inc)
        return counted
