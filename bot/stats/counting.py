"""What the statistics count, derived from Rasa's events. Pure: no I/O.

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


class ConversationCounts:
    """Turns each conversation's events into increments, counting the
    once-per-conversation metrics once. It remembers, per live conversation,
    only which of those keys it has counted, and forgets a conversation after
    the same idle time as the tracker store (or when a new session starts)."""

    def __init__(
        self,
        intents: Iterable[str],
        service_ids: Iterable[str],
        idle_seconds: float,
        clock: Callable[[], float] = time.monotonic,
        max_conversations: int = 100_000,
    ) -> None:
        self.intents = frozenset(intents)
        self.service_ids = frozenset(service_ids)
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

    def count(self, event: Dict[str, Any]) -> List[Increment]:
        found = increments(event, self.intents, self.service_ids)
        sender = event.get("sender_id")
        now = self._clock()
        self._expire(now)
        if event.get("event") == "session_started":
            self._seen.pop(sender, None)  # a new conversation
        _, counted = self._seen.pop(sender, (now, set()))
        self._seen[sender] = (now, counted)
        fresh = []
        for inc in found:
            if METRICS[inc[0]]:
                if inc in counted:
                    continue
                counted.add(inc)
            fresh.append(inc)
        return fresh
