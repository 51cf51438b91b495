"""The running stack, audited: conversations full of personal data go through
two Rasa processes (sharing one statistics file) and the action server, at
the log level we run; afterwards no file written during the run (statistics,
logs, anything under the project, the temp folder, Rasa's config folder)
contains any of it. The same run checks exact counts under 50 parallel
conversations and that counts survive a restart.

Each run makes up its own personal data, so old files can't match by chance."""

from __future__ import annotations

import dataclasses
import json
import os
import random
import sys
import tempfile
import threading
import time
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from bot import run as run_module
from bot import settings as settings_module
from bot.stats.store import StatsStore
from bot.stats.weeks import now as oslo_now, week_of
from helpers import free_port

ROOT = settings_module.ROOT
VENV_BIN = Path(sys.executable).parent


def _personal_data() -> dict:
    r = random.Random()
    digits = lambda n: "".join(r.choice("0123456789") for _ in range(n))  # noqa: E731
    surname = "Fjellstad" + "".join(r.choice("bcdfghk") for _ in range(4))
    phone = "4" + digits(7)
    fnr = "0101" + digits(7)
    return {
        "name": f"Kari {surname}",
        "phone": phone,
        "phone spaced": f"{phone[:3]} {phone[3:5]} {phone[5:]}",
        "fødselsnummer": fnr,
        "email": f"kari.{surname.lower()}@eksempel.no",
        "address": f"Gråbergveien {digits(3)}",
        "sender": f"sender-{uuid.uuid4().hex}",
    }


def _messages(p: dict) -> list:
    return [
        f"hei, jeg heter {p['name']} og bor i {p['address']}",
        f"mister jeg førerkortet? ring meg på {p['phone spaced']} eller {p['email']}",
        "ja",
        f"fødselsnummeret mitt er {p['fødselsnummer']}, får politiet vite?",
        f"/{p['name'].replace(' ', '_')}",  # an intent shortcut that isn't one
        f"/affirm{{\"audience\": \"{p['email']}\"}}",  # an entity that isn't one
        f"/affirm{{not json {p['phone']}}}",
        f"/ {p['fødselsnummer']} {{",
        f"jeg vil ikke leve lenger, {p['name']}",
        f"kompisen min {p['name']} har tatt en overdose i {p['address']}",
        f"takk, det hjalp. {p['email']}",
    ]


def _send(url: str, sender: str, text: str) -> list:
    request = urllib.request.Request(
        url, data=json.dumps({"sender": sender, "message": text}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.load(response)


def _written_since(since: float, roots) -> list:
    files = []
    for root in roots:
        for dirpath, _, names in os.walk(root):
            for name in names:
                path = Path(dirpath) / name
                try:
                    stat = path.stat()
                except OSError:
                    continue
                if stat.st_mtime >= since and path.is_file() and stat.st_size < 200_000_000:
                    files.append(path)
    return files


def _forms(needle: str) -> set:
    """The ways a text could be stored: as is, JSON-escaped, lower case."""
    escaped = json.dumps(needle)[1:-1]
    return {needle.lower(), escaped.lower(), needle.encode("unicode_escape").decode().lower()}


def _hits(files, needles: dict) -> list:
    found = []
    for path in files:
        try:
            content = path.read_bytes().decode("utf-8", errors="replace").lower()
        except OSError:
            continue
        for label, needle in needles.items():
            if any(form in content for form in _forms(needle)):
                found.append((str(path), label))  # the label, never the data itself
    return found


def _counts(store: StatsStore) -> dict:
    return store.read([week_of(oslo_now())])


def _wait_for(store, cell, expected, timeout=20):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if _counts(store).get(cell, 0) >= expected:
            break
        time.sleep(0.2)
    return _counts(store).get(cell, 0)


@pytest.fixture(scope="module")
def audit(model_path, tmp_path_factory):
    """Run the whole scenario once; the tests below read what it recorded."""
    since = time.time() - 1
    work = tmp_path_factory.mktemp("audit")
    base = dataclasses.replace(
        settings_module.load(), stats_path=work / "stats.sqlite3", action_port=free_port(), log_level="WARNING"
    )
    ports = [free_port(), free_port()]
    endpoints = run_module.write_endpoints(work / "endpoints.yml", base)
    logs = [open(work / name, "w") for name in ("actions.log", "rasa-1.log", "rasa-2.log", "rasa-1b.log")]
    record = {"logs": [Path(f.name) for f in logs], "db": base.stats_path}
    procs = []
    rasas = {}  # index into ports -> its Rasa process

    def start_rasa(i, log):
        rasas[i] = run_module.start_rasa(dataclasses.replace(base, rasa_port=ports[i]), VENV_BIN, endpoints,
                                         stdout=log, stderr=log)

    try:
        procs.append(run_module.start_actions(base, VENV_BIN, stdout=logs[0], stderr=logs[0]))
        starters = [threading.Thread(target=start_rasa, args=(i, logs[i + 1])) for i in range(2)]
        for t in starters:
            t.start()
        for t in starters:
            t.join()
        assert len(rasas) == 2, "a Rasa process did not start; see " + str(work)
        urls = [f"http://127.0.0.1:{port}/webhooks/rest/webhook" for port in ports]
        store = StatsStore(base.stats_path)

        # 1. Conversations full of personal data, on both processes.
        people = [_personal_data() for _ in range(4)]
        record["people"] = people
        record["replies"] = []
        for i, person in enumerate(people):
            for text in _messages(person):
                record["replies"].append(_send(urls[i % 2], person["sender"], text))
        week = week_of(oslo_now())
        conversations = (week, "conversations", "")
        record["after_personal"] = _wait_for(store, conversations, 4)

        # 2. Fifty conversations at once, split over the two processes.
        greet = (week, "intent", "greet")
        record["greet_before"] = _counts(store).get(greet, 0)

        def one(i):
            sender = f"parallel-{uuid.uuid4().hex}"
            _send(urls[i % 2], sender, "hei")
            _send(urls[i % 2], sender, "hva kan du hjelpe med?")

        with ThreadPoolExecutor(max_workers=50) as pool:
            list(pool.map(one, range(50)))
        record["after_parallel"] = _wait_for(store, conversations, record["after_personal"] + 50)
        record["greet_after_parallel"] = _wait_for(store, greet, record["greet_before"] + 50)

        # 3. Restart one process: the counts are still there, and grow from there.
        run_module.stop([rasas[0]])
        record["after_stop"] = _counts(store).get(conversations, 0)
        start_rasa(0, logs[3])
        _send(urls[0], f"after-restart-{uuid.uuid4().hex}", "hei")
        record["after_restart"] = _wait_for(store, conversations, record["after_stop"] + 1)
        record["keys"] = {(m, k) for (_, m, k) in _counts(store)}
    finally:
        run_module.stop(procs + list(rasas.values()))
        for f in logs:
            f.close()

    canary = Path(tempfile.gettempdir()) / f"audit-canary-{uuid.uuid4().hex}.txt"
    canary.write_text(json.dumps({"probe": "Kånari Probe-" + uuid.uuid4().hex[:6]}))
    roots = [ROOT, Path(tempfile.gettempdir()), Path.home() / ".config" / "rasa"]
    record["files"] = _written_since(since, [r for r in roots if r.exists()])
    record["canary"] = canary
    yield record
    canary.unlink(missing_ok=True)


def test_the_stack_answered_the_personal_conversations(audit):
    texts = [m.get("text", "") for reply in audit["replies"] for m in reply]
    assert any("113" in t for t in texts)  # the crisis and overdose answers came
    assert all(reply for reply in audit["replies"])


def test_no_file_written_during_the_run_holds_personal_data(audit):
    needles = {f"person {i} {label}": value for i, p in enumerate(audit["people"]) for label, value in p.items()}
    assert audit["db"] in audit["files"] and all(log in audit["files"] for log in audit["logs"])
    assert _hits(audit["files"], needles) == []


def test_the_audit_would_find_data_if_it_were_there(audit):
    probe = json.loads(audit["canary"].read_text())["probe"]
    assert _hits(audit["files"], {"canary": probe}) == [(str(audit["canary"]), "canary")]


def test_the_logs_have_no_access_lines(audit):
    for log in audit["logs"]:
        assert "/webhooks/rest/webhook" not in log.read_text(errors="replace")


def test_fifty_parallel_conversations_over_two_processes_are_counted_exactly(audit):
    assert audit["after_personal"] == 4
    assert audit["after_parallel"] == 54
    assert audit["greet_after_parallel"] == audit["greet_before"] + 50


def test_counts_survive_a_restart(audit):
    assert audit["after_stop"] == 54
    assert audit["after_restart"] == 55


def test_the_statistics_hold_only_known_keys(audit):
    from bot.services import directory
    from bot.stats.keys import domain_intents

    allowed = set(domain_intents()) | {s.id for s in directory.load()} | {"", "nlu", "dialogue", "positive", "negative"}
    assert {key for _, key in audit["keys"]} <= allowed
