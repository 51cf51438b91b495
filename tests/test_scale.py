"""Scale-out parts without a model or a Redis server (fakeredis, fake Rasas):
Rasa's endpoints in Redis mode, the counting memory shared by processes,
routing and one message in flight, the supervisor's restarts, and what the
front says when Redis is down. The real thing: tests/test_scale_e2e.py."""

from __future__ import annotations

import asyncio
import dataclasses
import os
import subprocess
from contextlib import asynccontextmanager

import fakeredis
import pytest
import yaml
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from bot import run as run_module
from bot import settings as settings_module
from bot.scale import redis_conn
from bot.scale.local_redis import config as redis_config
from bot.scale.supervisor import Child, Supervisor
from bot.scale.tracker_store import ConversationRedisTrackerStore
from bot.stats.counting import ConversationCounts
from bot.stats.redis_memory import RedisMemory
from bot.web.app import IN_FLIGHT, make_app
from bot.web.routing import Backends, InFlight
from helpers import FakeClock
from test_web_front import sync

URL = "redis://sportrygt:s3cret-pa55@10.0.0.7:6380"
KEY = redis_conn.KEY_PREFIX


def run_async(coro):
    return asyncio.new_event_loop().run_until_complete(coro)


@pytest.fixture
def settings(tmp_path):
    return dataclasses.replace(settings_module.load(), stats_path=tmp_path / "stats.sqlite3", operator_token="",
                               rasa_processes=2, redis_url=URL, idle_minutes=30, rasa_urls=(),
                               rate_limit_per_minute=1000)


# --- settings and Rasa's endpoints ---------------------------------------------------------------

def test_the_default_is_one_process_with_conversations_in_memory(tmp_path, monkeypatch):
    for variable in ("RASA_PROCESSES", "REDIS_URL", "RASA_URLS"):
        monkeypatch.delenv(variable, raising=False)
    settings = settings_module.load(tmp_path / "no.env")
    assert settings.rasa_processes == 1 and not settings.uses_redis
    text = run_module.write_endpoints(tmp_path / "endpoints.yml", settings).read_text()
    assert "ExpiringInMemoryTrackerStore" in text and "redis" not in text
    assert settings.backend_urls == [f"http://{settings.host}:{settings.rasa_port}"]


def test_n_processes_listen_on_consecutive_loopback_ports(settings):
    settings = dataclasses.replace(settings, rasa_port=5005, rasa_processes=3)
    assert settings.backend_urls == ["http://127.0.0.1:5005", "http://127.0.0.1:5006", "http://127.0.0.1:5007"]


def test_rasa_reads_its_redis_stores_from_the_endpoints_file_without_the_password_in_it(settings, tmp_path,
                                                                                         monkeypatch):
    from rasa.core.lock_store import LockStore, RedisLockStore
    from rasa.core.tracker_store import RedisTrackerStore, TrackerStore
    from rasa.shared.core.domain import Domain
    from rasa.utils.endpoints import read_endpoint_config

    path = run_module.write_endpoints(tmp_path / "endpoints.yml", dataclasses.replace(settings, idle_minutes=0.25))
    text = path.read_text()
    assert "s3cret" not in text
    for variable, value in redis_conn.environment(URL).items():
        monkeypatch.setenv(variable, value)
    tracker = TrackerStore.create(read_endpoint_config(str(path), "tracker_store"), Domain.empty())
    locks = LockStore.create(read_endpoint_config(str(path), "lock_store"))
    assert isinstance(tracker, ConversationRedisTrackerStore) and isinstance(tracker, RedisTrackerStore)
    assert isinstance(locks, RedisLockStore)
    kwargs = tracker.red.connection_pool.connection_kwargs
    assert (kwargs["host"], kwargs["port"], kwargs["password"], kwargs["db"]) == ("10.0.0.7", 6380, "s3cret-pa55", 0)
    assert locks.red.connection_pool.connection_kwargs["db"] == 1
    # Redis's EX takes whole seconds: 0.25 minutes is 15, an int (15.0 would be refused)
    assert tracker.record_exp == 15 and isinstance(tracker.record_exp, int)
    # Rasa drops a non-alphanumeric prefix with a warning: ours is kept
    assert tracker.key_prefix == "sportrygt:tracker:" and locks.key_prefix == "sportrygt:lock:"
    assert yaml.safe_load(text)["event_broker"]["once_per_conversation"] == "redis"


def test_a_malformed_redis_url_is_refused_with_its_form():
    with pytest.raises(ValueError, match="redis://"):
        redis_conn.parse("localhost:6379")
    assert redis_conn.parse("rediss://h").safe == "rediss://h:6379"


def test_the_local_redis_keeps_nothing_on_disk_and_its_user_cannot_save_configure_or_flush(tmp_path):
    text = redis_config(6390, "pw", tmp_path)
    assert 'save ""' in text and "appendonly no" in text and "maxmemory-policy noeviction" in text
    assert "user default off" in text
    user = next(line for line in text.splitlines() if line.startswith("user sportrygt"))
    assert "~sportrygt:*" in user and "-@admin" in user and "-@dangerous" in user


def test_the_tracker_store_saves_what_the_process_holds_with_the_idle_expiry_and_streams_only_new_events():
    from rasa.core.brokers.broker import EventBroker
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import ActionExecuted, SessionStarted, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    class Broker(EventBroker):
        def __init__(self):
            self.got = []

        def publish(self, event):
            self.got.append(event["event"])

    broker = Broker()
    store = ConversationRedisTrackerStore(Domain.empty(), event_broker=broker, record_exp=900, key_prefix=KEY)
    store.red = fakeredis.FakeRedis(decode_responses=True)
    tracker = DialogueStateTracker.from_events("s1", [ActionExecuted("action_session_start"), SessionStarted(),
                                                      ActionExecuted("action_listen"), UserUttered("hei")])
    run_async(store.save(tracker))
    tracker.update(ActionExecuted("utter_greet"))
    run_async(store.save(tracker))
    again = run_async(store.retrieve("s1"))
    assert [e.as_dict()["event"] for e in again.events][-2:] == ["user", "action"]
    assert 890 < store.red.ttl(f"{KEY}:tracker:s1") <= 900
    assert broker.got == ["action", "session_started", "action", "user", "action"]  # each event once


# --- counting once per conversation, in Redis ------------------------------------------------------

def _counts(client, idle_seconds=1800):
    return ConversationCounts(["greet", "ask_driving_licence"], [], idle_seconds=idle_seconds,
                              memory=RedisMemory(client, idle_seconds))


def _user(sender, intent):
    return {"event": "user", "sender_id": sender, "parse_data": {"intent": {"name": intent}}}


def test_a_conversation_that_moves_between_processes_is_counted_once():
    server = fakeredis.FakeServer()
    machine_a, machine_b = _counts(fakeredis.FakeRedis(server=server)), _counts(fakeredis.FakeRedis(server=server))
    counted = machine_a.count({"event": "session_started", "sender_id": "s1"})
    counted += machine_a.count(_user("s1", "greet"))
    counted += machine_b.count(_user("s1", "greet"))  # the same conversation, on another process
    counted += machine_b.count(_user("s1", "ask_driving_licence"))
    counted += machine_a.count(_user("s1", "ask_driving_licence"))
    counted += machine_b.count(_user("s2", "greet"))  # another conversation
    assert sorted(counted) == [("conversations", ""), ("intent", "ask_driving_licence"), ("intent", "greet"),
                               ("intent", "greet")]


def test_a_new_session_counts_afresh_and_the_memory_expires_with_the_conversation():
    client = fakeredis.FakeRedis()
    counts = _counts(client, idle_seconds=900)
    assert counts.count(_user("s1", "greet")) == [("intent", "greet")]
    key = RedisMemory(client, 900).key("s1")
    assert 890 < client.ttl(key) <= 900
    assert "s1" not in key  # a hash of the sender id, not the id
    assert counts.count({"event": "session_started", "sender_id": "s1"}) == [("conversations", "")]
    assert counts.count(_user("s1", "greet")) == [("intent", "greet")]


# --- routing and one message in flight ----------------------------------------------------------------

def test_each_conversation_stays_on_one_process_and_only_a_dead_ones_move():
    clock = FakeClock()
    urls = ["http://127.0.0.1:5005", "http://127.0.0.1:5006"]
    backends = Backends(urls, down_seconds=2, clock=clock)
    conversations = [backends.conversation(f"sender-{i}") for i in range(400)]
    first = {c: backends.order(c)[0] for c in conversations}
    assert all(backends.order(c)[0] == first[c] for c in conversations)  # stable
    share = sum(url == urls[0] for url in first.values()) / len(first)
    assert 0.4 < share < 0.6  # spread over both
    backends.mark_down(urls[0])
    assert all(backends.order(c)[0] == urls[1] for c in conversations)
    clock.now += 3  # no longer marked down: they go back
    assert all(backends.order(c)[0] == first[c] for c in conversations)
    another_front = Backends(urls)  # a second front (another machine) agrees
    assert all(another_front.order(another_front.conversation(f"sender-{i}"))[0] == first[conversations[i]]
               for i in range(400))


@sync
async def test_a_second_message_of_a_conversation_waits_for_the_first_then_is_refused():
    in_flight = InFlight(wait_seconds=0.2)
    a, b = b"a" * 16, b"b" * 16
    assert await in_flight.acquire(a)
    assert await in_flight.acquire(b)  # other conversations are not held up
    assert not await in_flight.acquire(a)
    waiting = asyncio.create_task(in_flight.acquire(a))
    await asyncio.sleep(0.05)
    in_flight.release(a)
    assert await waiting
    in_flight.release(a)
    in_flight.release(b)
    assert len(in_flight) == 0  # nothing kept once idle


# --- the supervisor ---------------------------------------------------------------------------------------

class FakeProcess:
    def __init__(self):
        self.returncode = None

    def poll(self):
        return self.returncode


def test_a_dead_process_is_started_again_with_a_growing_back_off():
    clock, lines, launched = FakeClock(), [], []

    def launch():
        launched.append(FakeProcess())
        return launched[-1]

    supervisor = Supervisor(clock=clock, say=lines.append)
    child = supervisor.add(Child("Rasa 2 (port 5006)", launch))
    child.start(clock.now)
    launched[-1].returncode = -9
    supervisor.check()
    assert "Rasa 2 (port 5006) stopped (exit code -9); starting it again in 1 s" in lines[0]
    clock.now += 1
    supervisor.check()
    assert len(launched) == 2
    launched[-1].returncode = 1  # dies at once again: the back-off doubles
    supervisor.check()
    clock.now += 1.5
    supervisor.check()
    assert len(launched) == 2 and "in 2 s" in lines[-1]
    clock.now += 1
    supervisor.check()
    assert len(launched) == 3
    clock.now += 120  # ran for two minutes: the next death restarts after 1 s again
    launched[-1].returncode = 1
    supervisor.check()
    assert "in 1 s" in lines[-1]


# --- the front in Redis mode ------------------------------------------------------------------------------

class FakeRasas:
    """Two Rasa REST channels that record who got which conversation."""

    def __init__(self):
        self.got = {0: [], 1: []}
        self.answer_empty = False
        self.delay = 0.0
        self.busy = self.peak = 0  # messages being answered at once, and the most seen

    def app(self, index):
        async def handle(request):
            body = await request.json()
            self.got[index].append(body["sender"])
            self.busy += 1
            self.peak = max(self.peak, self.busy)
            await asyncio.sleep(self.delay)
            self.busy -= 1
            if self.answer_empty:  # what Rasa answers when its tracker store fails
                return web.json_response([])
            return web.json_response([{"recipient_id": body["sender"], "text": f"svar fra {index}"}])

        app = web.Application()
        app.router.add_post("/webhooks/rest/webhook", handle)
        return app


class FakeRedisPing:
    def __init__(self):
        self.up = True

    async def ping(self):
        if not self.up:
            raise ConnectionError("down")
        return True

    async def close(self):
        pass


@asynccontextmanager
async def front(settings, monkeypatch, redis=None):
    rasas = FakeRasas()
    servers = [TestServer(rasas.app(i), host="127.0.0.1") for i in range(2)]
    for server in servers:
        await server.start_server()
    settings = dataclasses.replace(settings, rasa_urls=tuple(f"http://127.0.0.1:{s.port}" for s in servers))
    if redis is not None:
        monkeypatch.setattr(redis_conn, "async_client", lambda url: redis)
    client = TestClient(TestServer(make_app(settings), host="127.0.0.1"))
    await client.start_server()
    try:
        yield client, rasas, servers
    finally:
        await client.close()
        for server in servers:
            await server.close()


async def post(client, sender, message="hei"):
    response = await client.post("/webhooks/rest/webhook", json={"sender": sender, "message": message})
    return response.status, await response.json()


@sync
async def test_the_front_keeps_each_conversation_on_one_process_and_moves_it_when_that_one_is_down(
        settings, monkeypatch):
    async with front(settings, monkeypatch, FakeRedisPing()) as (client, rasas, servers):
        for i in range(20):
            for _ in range(3):
                assert (await post(client, f"person-{i}"))[0] == 200
        assert rasas.got[0] and rasas.got[1]
        assert not set(rasas.got[0]) & set(rasas.got[1])  # no conversation on both
        on_first = rasas.got[0][0]
        await servers[0].close()  # that process dies
        status, body = await post(client, on_first)
    assert status == 200 and body[0]["text"] == "svar fra 1"


@sync
async def test_a_second_message_while_the_first_is_answered_waits_its_turn(settings, monkeypatch):
    async with front(settings, monkeypatch, FakeRedisPing()) as (client, rasas, _):
        rasas.delay = 0.1
        results = await asyncio.gather(*(post(client, "same-person") for _ in range(3)))
        assert [status for status, _ in results] == [200, 200, 200]
        assert rasas.peak == 1  # one after the other
        await asyncio.gather(*(post(client, f"person-{i}") for i in range(6)))
        assert rasas.peak > 1  # other conversations are not held up


@sync
async def test_a_message_that_waits_too_long_for_the_one_before_gets_429(settings, monkeypatch):
    async with front(settings, monkeypatch, FakeRedisPing()) as (client, rasas, _):
        client.server.app[IN_FLIGHT].wait_seconds = 0.1
        rasas.delay = 0.5
        results = sorted(await asyncio.gather(post(client, "p"), post(client, "p")), key=lambda r: r[0])
    (answered, _), (refused, body) = results  # whichever got there first is answered
    assert answered == 200 and refused == 429 and "Vent på svaret" in body["error"]


@sync
async def test_redis_down_gives_503_in_norwegian_with_113_and_answering_resumes_when_it_is_back(
        settings, monkeypatch):
    redis = FakeRedisPing()
    async with front(settings, monkeypatch, redis) as (client, rasas, _):
        redis.up = False
        rasas.answer_empty = True
        status, body = await post(client, "p1")
        assert status == 503 and "113" in body["error"] and "utilgjengelig" in body["error"]
        await asyncio.sleep(1.2)  # the watch has seen it down: refused without asking Rasa
        asked = len(rasas.got[0]) + len(rasas.got[1])
        assert (await post(client, "p1"))[0] == 503
        assert len(rasas.got[0]) + len(rasas.got[1]) == asked
        redis.up, rasas.answer_empty = True, False
        await asyncio.sleep(1.2)
        status, body = await post(client, "p1")
    assert status == 200 and body[0]["text"].startswith("svar")


def test_the_endpoints_and_children_get_the_password_only_through_the_environment(settings, tmp_path):
    env = run_module.child_environment(settings)
    assert env[redis_conn.PASSWORD_VARIABLE] == "s3cret-pa55" and env["REDIS_URL"] == URL
    text = run_module.write_endpoints(tmp_path / "e.yml", settings).read_text()
    assert "pa55" not in text and "${" + redis_conn.PASSWORD_VARIABLE + "}" in text


def test_the_console_says_when_redis_stops_and_starts_answering(capsys):
    class Client:
        up = True

        def ping(self):
            if not self.up:
                raise ConnectionError("refused")
            return True

    watch = run_module.RedisWatch(URL, every=0)
    watch.client = Client()
    watch.check()
    assert capsys.readouterr().err == ""  # up, as it was: nothing to say
    watch.client.up = False
    watch.check()
    watch.check()
    said = capsys.readouterr().err
    assert said.count("is not answering") == 1 and "redis://10.0.0.7:6380" in said and "s3cret" not in said
    watch.client.up = True
    watch.check()
    assert "answers again" in capsys.readouterr().err


def test_several_processes_share_the_cores_instead_of_each_taking_all(settings, monkeypatch):
    for variable in run_module.THREAD_VARIABLES:
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: 8)
    env = run_module.child_environment(dataclasses.replace(settings, rasa_processes=4))
    assert all(env[v] == "2" for v in run_module.THREAD_VARIABLES)
    one = run_module.child_environment(dataclasses.replace(settings, rasa_processes=1, redis_url=""))
    assert not any(v in one for v in run_module.THREAD_VARIABLES)  # one process: as before


@sync
async def test_each_process_gets_a_few_messages_at_a_time_and_the_rest_wait_in_line(settings, monkeypatch):
    from bot.web.routing import PER_PROCESS

    async with front(settings, monkeypatch, FakeRedisPing()) as (client, rasas, _):
        rasas.delay = 0.1
        results = await asyncio.gather(*(post(client, f"person-{i}") for i in range(20)))
    assert all(status == 200 for status, _ in results)
    assert 1 < rasas.peak <= 2 * PER_PROCESS  # two processes, each with at most PER_PROCESS inside


def test_a_service_shown_twice_in_one_event_is_counted_once():
    counts = ConversationCounts([], ["rusinfo"], idle_seconds=60, memory=RedisMemory(fakeredis.FakeRedis(), 60))
    event = {"event": "slot", "name": "services_shown", "value": ["rusinfo", "rusinfo"], "sender_id": "s"}
    assert counts.count(event) == [("service_shown", "rusinfo")]
    assert counts.count(event) == []
