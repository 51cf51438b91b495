"""The stats store and the event broker that feeds it: exact under
concurrency (threads and processes), one narrow table, counts that survive,
and a database that is locked, corrupt or gone never stops an answer."""

import datetime as dt
import json
import logging
import multiprocessing
import sqlite3
import threading
import time

import pytest
import sqlite_utils

from bot.stats.broker import CountingEventBroker
from bot.stats.store import StatsStore
from bot.stats.weeks import OSLO, complete_weeks, week_of
from helpers import FIXTURES

EVENTS = json.loads((FIXTURES / "events" / "conversation.json").read_text(encoding="utf-8"))
TUESDAY = dt.datetime(2026, 11, 24, 15, 0, tzinfo=OSLO)  # ISO week 48


def conversation(broker, sender):
    for event in EVENTS:
        broker.publish({"sender_id": sender, **event})


@pytest.fixture
def broker(tmp_path):
    broker = CountingEventBroker.for_file(tmp_path / "var" / "stats.sqlite3", clock=lambda: TUESDAY, retry_seconds=0.05)
    yield broker
    import asyncio

    asyncio.run(broker.close())


def test_the_table_holds_week_metric_key_and_count_only_in_wal_mode(broker):
    conversation(broker, "kari")
    assert broker.flush()
    db = sqlite_utils.Database(broker.store.path)
    assert db.journal_mode == "wal"
    assert db.table_names() == ["counts"]
    assert [c.name for c in db["counts"].columns] == ["week", "metric", "key", "n"]
    rows = list(db["counts"].rows)
    assert {r["week"] for r in rows} == {"2026-W48"}
    assert {"week": "2026-W48", "metric": "crisis_answer", "key": "", "n": 2} in rows


def test_weeks_are_iso_weeks_in_oslo_time():
    sunday_night = dt.datetime(2026, 11, 29, 23, 30, tzinfo=OSLO)
    assert week_of(sunday_night) == "2026-W48"
    assert week_of(sunday_night.astimezone(dt.timezone.utc) + dt.timedelta(hours=1)) == "2026-W49"
    assert week_of(dt.datetime(2027, 1, 1, 12, tzinfo=OSLO)) == "2026-W53"
    assert complete_weeks(TUESDAY, 3) == ["2026-W45", "2026-W46", "2026-W47"]


def test_fifty_conversations_in_parallel_lose_no_update(broker):
    threads = [threading.Thread(target=conversation, args=(broker, f"s{i}")) for i in range(50)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert broker.flush()
    counts = broker.store.read(["2026-W48"])
    assert counts[("2026-W48", "conversations", "")] == 50
    assert counts[("2026-W48", "intent", "affirm")] == 50
    assert counts[("2026-W48", "fallback", "nlu")] == 100


def _hammer(path, n):
    store = StatsStore(path)
    for _ in range(n):
        store.add({("2026-W48", "conversations", ""): 1})


def test_two_processes_writing_the_same_file_lose_no_update(tmp_path):
    path = tmp_path / "stats.sqlite3"
    StatsStore(path).add({("2026-W48", "conversations", ""): 0})
    procs = [multiprocessing.get_context("spawn").Process(target=_hammer, args=(path, 300)) for _ in range(2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
    assert [p.exitcode for p in procs] == [0, 0]
    assert StatsStore(path).read(["2026-W48"])[("2026-W48", "conversations", "")] == 600


def test_counts_survive_a_restart(tmp_path):
    import asyncio

    for _ in range(2):
        broker = CountingEventBroker.for_file(tmp_path / "stats.sqlite3", clock=lambda: TUESDAY)
        conversation(broker, "kari")
        asyncio.run(broker.close())  # what Rasa calls when it stops
    assert StatsStore(tmp_path / "stats.sqlite3").read(["2026-W48"])[("2026-W48", "conversations", "")] == 2


def test_a_locked_database_does_not_hold_up_answers_and_counts_arrive_later(broker, caplog):
    broker.store.check()
    holder = sqlite3.connect(broker.store.path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    broker.store.busy_timeout = 0.1
    started = time.monotonic()
    conversation(broker, "kari")
    assert time.monotonic() - started < 0.5  # publish never waits for the database
    assert not broker.flush(timeout=0.5)
    holder.execute("ROLLBACK")
    holder.close()
    assert broker.flush(timeout=5)
    assert broker.store.read(["2026-W48"])[("2026-W48", "conversations", "")] == 1
    assert "database is locked" in caplog.text
    assert "Kari" not in caplog.text and "lappen" not in caplog.text


def test_a_corrupt_database_is_reported_at_start_and_the_assistant_keeps_going(tmp_path, capsys, caplog):
    import asyncio

    path = tmp_path / "stats.sqlite3"
    path.write_bytes(b"this is not a database, Kari Nordmann" * 100)
    broker = CountingEventBroker.for_file(path, clock=lambda: TUESDAY, retry_seconds=0.05)
    assert "cannot be written" in capsys.readouterr().err
    conversation(broker, "kari")  # does not raise
    assert not broker.flush(timeout=0.3)
    assert "file is not a database" in caplog.text
    assert "lappen" not in caplog.text
    path.unlink()  # the operator removes the broken file: counting resumes
    assert broker.flush(timeout=5)
    assert StatsStore(path).read(["2026-W48"])[("2026-W48", "conversations", "")] == 1
    asyncio.run(broker.close())


def test_a_missing_folder_is_created(tmp_path):
    store = StatsStore(tmp_path / "a" / "b" / "stats.sqlite3")
    assert store.check() is None
    assert store.path.exists()


def test_a_failure_inside_counting_is_logged_without_content(broker, caplog):
    with caplog.at_level(logging.ERROR):
        broker.publish({"sender_id": "kari", "event": "user", "parse_data": "Kari Nordmann 12345678901"})
    assert "could not count" in caplog.text and "Kari" not in caplog.text
