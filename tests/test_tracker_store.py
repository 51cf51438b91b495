"""Conversations live in memory only and are forgotten when idle; the privacy
answer states the idle time that is configured."""

import asyncio
import re

import pytest
import yaml
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot import settings as settings_module
from bot.domain import load as load_domain
from bot.run import write_endpoints
from bot.tracker_store import ExpiringInMemoryTrackerStore
from helpers import FakeClock

ROOT = settings_module.ROOT




_LOOP = asyncio.new_event_loop()


def run(coro):
    return _LOOP.run_until_complete(coro)


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def store(clock):
    return ExpiringInMemoryTrackerStore(Domain.empty(), idle_minutes=30, clock=clock)


def tracker(sender):
    return DialogueStateTracker.from_events(sender, [UserUttered("hei", {"name": "greet"})])


def test_a_conversation_survives_while_active(store, clock):
    run(store.save(tracker("a")))
    clock.now += 29 * 60
    assert run(store.retrieve("a")) is not None
    run(store.save(tracker("a")))  # activity resets the idle time
    clock.now += 29 * 60
    assert run(store.retrieve("a")) is not None


def test_an_idle_conversation_is_forgotten(store, clock):
    run(store.save(tracker("a")))
    clock.now += 30 * 60 + 1
    assert run(store.retrieve("a")) is None
    assert list(run(store.keys())) == []
    assert store.store == {}


def test_memory_stays_bounded_with_10000_conversations_that_go_idle(store, clock):
    """A new conversation every second for 10,000 s: never more than the last
    30 minutes' worth are held, and none once they have all gone idle."""
    peak = 0
    for i in range(10_000):
        clock.now = float(i)
        run(store.save(tracker(f"c{i}")))
        peak = max(peak, len(store.store))
    assert peak <= 30 * 60 + 1
    clock.now += 30 * 60 + 1
    run(store.keys())
    assert len(store.store) == 0 and len(store._last_seen) == 0


def test_the_privacy_answer_states_the_configured_idle_time():
    minutes = settings_module.load().idle_minutes
    responses = load_domain()["responses"]["utter_privacy"]
    for variant in responses:
        stated = re.search(r"(\d+) (?:minutt|minute)", variant["text"])
        assert stated and float(stated.group(1)) == minutes


def test_make_run_configures_the_expiring_store(tmp_path):
    settings = settings_module.load()
    endpoints = yaml.safe_load(write_endpoints(tmp_path / "endpoints.yml", settings).read_text())
    assert endpoints["tracker_store"] == {
        "type": "bot.tracker_store.ExpiringInMemoryTrackerStore", "idle_minutes": settings.idle_minutes}


def test_make_run_configures_the_counting_broker(tmp_path):
    settings = settings_module.load()
    endpoints = yaml.safe_load(write_endpoints(tmp_path / "endpoints.yml", settings).read_text())
    assert endpoints["event_broker"] == {
        "type": "bot.stats.broker.CountingEventBroker",
        "path": str(settings.stats_path), "idle_minutes": settings.idle_minutes,
        # one process: the conversation never moves, so this process's memory is enough
        "once_per_conversation": "process"}


def test_settings_pass_unchanged_to_a_child_process(monkeypatch):
    settings = settings_module.load()
    for name, value in settings.as_environment().items():
        monkeypatch.setenv(name, value)
    assert settings_module.load() == settings
