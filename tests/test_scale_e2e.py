"""Scale-out, for real: `bot.run.start` with RASA_PROCESSES=2 on a real
redis-server (configured as `make run` configures its own), behind the front,
and a second "machine" (its own folder, front, action server, Rasa process and
statistics file) on the same Redis. The tests run in file order: the later
ones stop Redis and read what the earlier ones left on disk.

About two Rasa model loads per machine: a few minutes in all."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from bot import run as run_module
from bot import settings as settings_module
from bot.scale.local_redis import LocalRedis
from bot.scale.redis_conn import KEY_PREFIX, client as redis_client
from bot.stats.redis_memory import RedisMemory
from bot.stats.store import MergedStores, StatsStore
from bot.stats.weeks import now as oslo_now, week_of
from bot.web.routing import Backends
from helpers import free_port
from test_privacy_audit import _hits, _messages, _personal_data, _written_since

ROOT = settings_module.ROOT
VENV_BIN = Path(sys.executable).parent
IDLE_SECONDS = 15  # CONVERSATION_IDLE_MINUTES=0.25: short enough to watch a conversation expire
STARTED = time.time() - 1

pytestmark = pytest.mark.skipif(not Path("/usr/bin/redis-server").exists(),
                                reason="needs Debian's redis-server (make test installs it)")


def _two_free_ports() -> int:
    while True:
        port = free_port()
        try:
            import socket

            with socket.socket() as sock:
                sock.bind(("127.0.0.1", port + 1))
            return port
        except OSError:
            continue


def send(machine, sender: str, text: str, timeout: float = 120):
    """(status, body) from the machine's front, as the chat page would post it."""
    request = urllib.request.Request(
        machine.settings.web_url + "webhooks/rest/webhook",
        data=json.dumps({"sender": sender, "message": text}).encode(), headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as error:
        return error.code, json.load(error)


def texts(body) -> str:
    return "\n".join(m.get("text", "") for m in body)


@dataclasses.dataclass
class Machine:
    settings: settings_module.Settings
    supervisor: object
    work: Path
    stop_watching: threading.Event
    said: list  # what the supervisor said on the console

    def counts(self) -> dict:
        return StatsStore(self.settings.stats_path).read([week_of(oslo_now())])

    def rasa(self, url: str):
        port = int(url.rsplit(":", 1)[1])
        return next(c for c in self.supervisor.children if c.name.startswith("Rasa") and f"port {port}" in c.name)


def start_machine(name: str, processes: int, redis_url: str, tmp_path_factory) -> Machine:
    work = tmp_path_factory.mktemp(name)
    settings = dataclasses.replace(
        settings_module.load(), rasa_processes=processes, redis_url=redis_url, rasa_urls=(),
        idle_minutes=IDLE_SECONDS / 60, rasa_port=_two_free_ports(), action_port=free_port(), web_port=free_port(),
        stats_path=work / "stats.sqlite3", log_level="WARNING", rate_limit_per_minute=100_000, operator_token="")
    log = open(work / "console.log", "w")
    supervisor, settings = run_module.start(settings, VENV_BIN, work=work, stdout=log, stderr=log)
    said: list = []
    supervisor.say = said.append
    stop = threading.Event()

    def watch():  # what bot.run's main loop does
        while not stop.is_set():
            supervisor.check()
            time.sleep(0.5)

    threading.Thread(target=watch, daemon=True).start()
    return Machine(settings, supervisor, work, stop, said)


def stop_machine(machine: Machine) -> None:
    machine.stop_watching.set()
    machine.supervisor.stop()


@pytest.fixture(scope="module")
def redis(tmp_path_factory):
    """A Redis configured as `make run` configures its own; the tests stop and restart it."""
    server = LocalRedis(free_port(), folder=tmp_path_factory.mktemp("redis-folder"))
    server.start(stdout=subprocess.DEVNULL)
    yield server
    server.stop()


@pytest.fixture(scope="module")
def machine_a(model_path, redis, tmp_path_factory):
    machine = start_machine("machine-a", 2, redis.url, tmp_path_factory)
    yield machine
    stop_machine(machine)


@pytest.fixture(scope="module")
def machine_b(model_path, redis, machine_a, tmp_path_factory):
    machine = start_machine("machine-b", 1, redis.url, tmp_path_factory)
    yield machine
    stop_machine(machine)


@pytest.fixture(scope="module")
def record():
    """What the tests sent, for the audit at the end."""
    return {"people": [], "killed": None}


def test_conversations_with_personal_data_are_answered(machine_a, record):
    for person in (_personal_data() for _ in range(4)):
        record["people"].append(person)
        for text in _messages(person):
            status, body = send(machine_a, person["sender"], text)
            assert status == 200
            if "ikke leve lenger" in text:
                assert "116 123" in texts(body)


def test_fifty_parallel_conversations_over_two_processes_are_counted_exactly(machine_a):
    week = week_of(oslo_now())
    before = machine_a.counts()

    def one(i):
        sender = f"parallel-{uuid.uuid4().hex}"
        assert send(machine_a, sender, "hei")[0] == 200
        assert send(machine_a, sender, "hei igjen")[0] == 200  # greet again: counted once
        assert send(machine_a, sender, "mister jeg lappen hvis jeg sier til legen at jeg drikker?")[0] == 200

    with ThreadPoolExecutor(max_workers=50) as pool:
        list(pool.map(one, range(50)))
    deadline = time.monotonic() + 20
    while machine_a.counts().get((week, "conversations", ""), 0) < before.get((week, "conversations", ""), 0) + 50:
        assert time.monotonic() < deadline, "the counts were not written"
        time.sleep(0.2)
    time.sleep(1)  # anything extra would have arrived by now
    after = machine_a.counts()
    delta = {k[1:]: after.get(k, 0) - before.get(k, 0) for k in after}
    assert delta[("conversations", "")] == 50
    assert delta[("intent", "greet")] == 50


def test_a_conversation_goes_on_with_its_context_after_its_process_is_killed(machine_a, record):
    sender = f"killed-{uuid.uuid4().hex}"
    backends = Backends(machine_a.settings.backend_urls)
    its_process = machine_a.rasa(backends.order(backends.conversation(sender))[0])
    status, body = send(machine_a, sender, "mister jeg lappen hvis jeg sier til legen at jeg drikker?")
    assert status == 200 and "førerkort" in texts(body).lower()
    its_process.proc.kill()  # SIGKILL
    its_process.proc.wait()
    record["killed"] = its_process
    status, body = send(machine_a, sender, "og hvis jeg går på LAR?")
    assert status == 200
    assert "LAR" in texts(body) and "gruppe 1" in texts(body)  # the follow-up inside the licence topic


def test_an_idle_conversation_expires_from_redis(machine_a, redis):
    sender = f"idle-{uuid.uuid4().hex}"
    assert send(machine_a, sender, "hei")[0] == 200
    red = redis_client(redis.url)
    tracker_key, counted_key = f"{KEY_PREFIX}:tracker:{sender}", RedisMemory(red, IDLE_SECONDS).key(sender)
    assert 0 < red.ttl(tracker_key) <= IDLE_SECONDS and 0 < red.ttl(counted_key) <= IDLE_SECONDS
    time.sleep(IDLE_SECONDS + 1)
    assert not red.exists(tracker_key) and not red.exists(counted_key)
    status, body = send(machine_a, sender, "hei")
    assert status == 200 and "Velkommen" in texts(body)  # a new conversation: nothing was kept


def test_a_conversation_that_moves_to_another_machine_is_counted_once_in_the_merged_report(
        machine_a, machine_b):
    week = week_of(oslo_now())
    merged = MergedStores([machine_a.settings.stats_path, machine_b.settings.stats_path])
    before, before_b = merged.read([week]), machine_b.counts()
    for i in range(10):
        sender = f"moving-{uuid.uuid4().hex}"
        assert send(machine_a, sender, "hei")[0] == 200
        status, body = send(machine_b, sender, "hei igjen")  # same conversation, other machine
        assert status == 200 and "Velkommen" not in texts(body)  # it goes on: no new welcome
        assert send(machine_b, sender, "kan barnevernet ta barna mine hvis jeg ber om hjelp?")[0] == 200
    time.sleep(3)  # both brokers have written
    after, after_b = merged.read([week]), machine_b.counts()

    def delta(new, old, cell):
        return new.get((week, *cell), 0) - old.get((week, *cell), 0)

    assert delta(after, before, ("conversations", "")) == 10
    assert delta(after, before, ("intent", "greet")) == 10
    assert delta(after_b, before_b, ("intent", "greet")) == 0  # already counted on machine A
    assert delta(after, before, ("intent", "fear_child_welfare")) == 10


def test_redis_down_gives_a_clear_503_with_113_and_answering_resumes_when_it_is_back(machine_a, redis):
    redis.stop()
    try:
        status, body = send(machine_a, f"r-{uuid.uuid4().hex}", "hei")
        assert status == 503 and "113" in body["error"] and "Prøv igjen" in body["error"]
    finally:
        redis.start(stdout=subprocess.DEVNULL)  # same port and user: what a restarted Redis looks like
    deadline = time.monotonic() + 30
    while True:
        status, body = send(machine_a, f"r-{uuid.uuid4().hex}", "hei")
        if status == 200:
            break
        assert time.monotonic() < deadline, f"still {status} after Redis came back"
        time.sleep(1)
    assert "Velkommen" in texts(body)


def test_the_killed_process_is_started_again(machine_a, record):
    killed = record["killed"]
    assert killed is not None, "runs after the kill test"
    port = int(killed.name.split("port ")[1].rstrip(")"))
    deadline = time.monotonic() + 300
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2):
                break
        except OSError:
            assert time.monotonic() < deadline, "the supervisor did not bring it back"
            time.sleep(1)
    assert killed.restarts >= 1
    assert any(line.startswith(killed.name + " stopped (exit code -9); starting it again") for line in machine_a.said)


def test_nothing_anyone_wrote_is_on_disk_and_redis_keeps_no_files(machine_a, machine_b, redis, record):
    assert record["people"], "runs after the conversations"
    stop_machine(machine_b)
    stop_machine(machine_a)  # logs flushed, statistics written
    needles = {f"{key} of person {i}": value for i, person in enumerate(record["people"])
               for key, value in person.items()}
    roots = [ROOT, Path(tempfile.gettempdir()), Path.home() / ".config" / "rasa", redis.folder]
    files = _written_since(STARTED, [r for r in roots if r.exists()])
    assert any(f.name == "console.log" for f in files) and any(f.name == "stats.sqlite3" for f in files)
    assert _hits(files, needles) == []
    assert list(redis.folder.iterdir()) == []  # no snapshot, no append-only file
    # The search is not blind: a file written now, holding one of them, is found.
    canary = Path(tempfile.gettempdir()) / f"scale-canary-{uuid.uuid4().hex}.txt"
    canary.write_text(json.dumps({"n": record["people"][0]["name"]}))
    try:
        assert _hits([canary], needles) == [(str(canary), "name of person 0")]
    finally:
        canary.unlink()
