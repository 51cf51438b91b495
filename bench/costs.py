"""What each of our additions costs per message, measured where it runs:
the e5 featurizer and the safety net inside our loaded NLU pipeline, the
counting broker's publish() on Rasa's event loop (and its writer thread's
database work). The front's cost comes from the speed runs (paired round trips)."""

from __future__ import annotations

import asyncio
import contextlib
import copy
import json
import time
import uuid
from collections import defaultdict
from pathlib import Path
from typing import Iterator

from bot.settings import ROOT


@contextlib.contextmanager
def timed(cls, method: str, into: dict[str, float]) -> Iterator[None]:
    """Add the seconds spent in cls.method to into[cls.__name__] (patch before loading the model)."""
    original = getattr(cls, method)

    def wrapper(self, *args, **kwargs):
        started = time.perf_counter()
        try:
            return original(self, *args, **kwargs)
        finally:
            into[cls.__name__] += time.perf_counter() - started

    setattr(cls, method, wrapper)
    try:
        yield
    finally:
        setattr(cls, method, original)


def pipeline_components(model: Path, texts: list[str]) -> dict:
    """Mean milliseconds per message: whole NLU parse, e5 featurizer, safety
    net, language identification (identifier + gate)."""
    from bot.nlu.e5_featurizer import E5Featurizer
    from bot.nlu.language import LanguageDetector
    from bot.nlu.language_gate import LanguageGate
    from bot.nlu.safety_net import SafetyNet
    from bench.understanding import load_agent

    spent: dict[str, float] = defaultdict(float)
    with timed(E5Featurizer, "process", spent), timed(SafetyNet, "process", spent), \
            timed(LanguageDetector, "process", spent), timed(LanguageGate, "process", spent):
        agent = load_agent(model)
        loop = asyncio.new_event_loop()
        for text in texts[:20]:  # warm-up
            loop.run_until_complete(agent.parse_message(text))
        spent.clear()
        started = time.perf_counter()
        for text in texts:
            loop.run_until_complete(agent.parse_message(text))
        total = time.perf_counter() - started
        loop.close()
    per = lambda seconds: seconds * 1000 / len(texts)  # noqa: E731
    return {"messages": len(texts), "nlu_parse_ms": per(total),
            "e5_featurizer_ms": per(spent["E5Featurizer"]), "safety_net_ms": per(spent["SafetyNet"]),
            "language_id_ms": per(spent["LanguageDetector"] + spent["LanguageGate"])}


def counting(work: Path, conversations: int = 2000) -> dict:
    """The broker on a real statistics file, fed a recorded conversation's events."""
    from bot.stats.broker import CountingEventBroker

    events = json.loads((ROOT / "tests" / "fixtures" / "events" / "conversation.json").read_text())
    messages_per_conversation = sum(e["event"] == "user" for e in events)
    path = work / "counting.sqlite3"
    path.unlink(missing_ok=True)
    broker = CountingEventBroker.for_file(path)
    feed = []
    for _ in range(conversations):
        sender = uuid.uuid4().hex
        feed.extend({**copy.deepcopy(e), "sender_id": sender} for e in events)
    started = time.perf_counter()
    for event in feed:
        broker.publish(event)
    publish = time.perf_counter() - started
    broker.flush(timeout=120)
    total = time.perf_counter() - started
    asyncio.run(broker.close())
    messages = conversations * messages_per_conversation
    return {"messages": messages, "events": len(feed), "publish_ms_per_message": publish * 1000 / messages,
            "with_writes_ms_per_message": total * 1000 / messages}


def load_seconds(model: Path) -> float:
    """Agent.load in this (already warm) process: the model alone, without imports."""
    from bench.understanding import load_agent

    started = time.perf_counter()
    load_agent(model)
    return time.perf_counter() - started
