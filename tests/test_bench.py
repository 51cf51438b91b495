"""The benchmark's own machinery (`make bench` itself is not run here: it takes
minutes and measures speed, which tests must not). What its numbers rest on:
percentiles, the model cache, the load loop, the target verdicts."""

import asyncio
import os
import subprocess
import sys
import threading
import time

import pytest
from aiohttp import web

from bench import results, stacks
from bench.cache import fingerprint, trained_model
from bench.load import drive, paired, percentile
from helpers import free_port


def test_percentile_is_nearest_rank():
    values = list(range(100, 0, -1))  # 1..100, unsorted
    assert (percentile(values, 50), percentile(values, 95), percentile(values, 99)) == (50, 95, 99)
    assert percentile([7.0], 99) == 7.0


def test_fingerprint_follows_file_contents(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "a.yml").write_text("one")
    (data / "b.yml").write_text("two")
    before = fingerprint("rasa 3.6.21", data)
    assert fingerprint("rasa 3.6.21", data) == before
    (data / "b.yml").write_text("two, changed")
    assert fingerprint("rasa 3.6.21", data) != before
    assert fingerprint("rasa 3.6.20", data) != fingerprint("rasa 3.6.21", data)


def test_model_cache_reuses_only_the_same_key(tmp_path):
    calls = []

    def train(out):
        calls.append(out)
        model = out / "model.tar.gz"
        model.write_text("weights")
        return model

    first = trained_model("m", "key1", train, cache=tmp_path)
    again = trained_model("m", "key1", train, cache=tmp_path)
    assert (first.reused, again.reused, len(calls)) == (False, True, 1)
    assert again.model == first.model and again.train_seconds == pytest.approx(first.train_seconds, abs=0.1)
    trained_model("m", "key1", train, fresh=True, cache=tmp_path)
    changed = trained_model("m", "key2", train, cache=tmp_path)
    assert (changed.reused, len(calls)) == (False, 3)
    assert [p.name for p in tmp_path.iterdir()] == ["m-key2"]  # the old entry is gone


@pytest.fixture
def echo_server():
    """A stand-in REST webhook: answers every message, except "silence" with []."""
    state = {"in_flight": 0, "most": 0, "senders": set()}

    async def webhook(request):
        body = await request.json()
        state["senders"].add(body["sender"])
        state["in_flight"] += 1
        state["most"] = max(state["most"], state["in_flight"])
        await asyncio.sleep(0.005)
        state["in_flight"] -= 1
        return web.json_response([] if body["message"] == "silence" else [{"text": "ok"}])

    async def slow(request):
        await asyncio.sleep(0.03)
        return await webhook(request)

    app = web.Application()
    app.router.add_post("/webhook", webhook)
    app.router.add_post("/slow", slow)
    port = free_port()
    runner = web.AppRunner(app)
    loop = asyncio.new_event_loop()
    loop.run_until_complete(runner.setup())
    loop.run_until_complete(web.TCPSite(runner, "127.0.0.1", port).start())
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{port}/webhook", state
    asyncio.run_coroutine_threadsafe(runner.cleanup(), loop).result(5)
    loop.call_soon_threadsafe(loop.stop)
    thread.join()


def test_load_loop_sends_exactly_the_bounded_number_concurrently(echo_server):
    url, state = echo_server
    result = drive(url, ["hei", "hallo", "silence"], clients=8, requests=60)
    assert len(result.latencies_ms) == 60 and result.errors == 0
    assert result.silent == 20  # every third message gets an empty answer: a round trip, counted apart
    assert state["most"] == 8
    assert len(state["senders"]) >= 8 * 60 // 8 // 5  # a new conversation every 5 messages
    summary = result.summary()
    assert 5 <= summary["p50_ms"] <= summary["p95_ms"] <= summary["p99_ms"]


def test_paired_round_trips_measure_what_one_route_adds(echo_server):
    url, state = echo_server
    slow = url.replace("/webhook", "/slow")
    result = paired(slow, url, ["hei", "hallo"], pairs=20)
    assert result["pairs"] == 20
    assert 15 <= result["median_difference_ms"] <= 60  # the /slow route waits 30 ms more
    assert len(state["senders"]) == 2 * 20 // 5  # each route its own conversations


def test_process_memory_is_read_for_each_descendant():
    child = subprocess.Popen([sys.executable, "-c", "import time; x = bytearray(60_000_000); time.sleep(30)"])
    try:
        for _ in range(50):
            if child.pid in stacks._children(os.getpid()) and stacks.memory_mb(child.pid)["rss_mb"] > 55:
                break
            time.sleep(0.1)
        assert child.pid in stacks._children(os.getpid())
        assert stacks.memory_mb(child.pid)["rss_mb"] > 55
    finally:
        child.kill()
        child.wait()


def _raw(ours_rps=100.0, stock_rps=100.0, front_p50=11.0, recall=1.0):
    level = lambda p50, rps: {"p50_ms": p50, "p95_ms": p50 * 2, "p99_ms": p50 * 3,  # noqa: E731
                              "throughput_rps": rps, "errors": 0}
    model = {"accuracy": 0.96, "macro_f1": 0.96, "recall_crisis_suicidal": recall,
             "recall_emergency_overdose": 1.0, "worst": [], "errors": 3}
    return {
        "understanding": {"models": {"ours": model, "stock": model, "tfidf_lr": model},
                          "crossval": {"metrics": {name: {"accuracy": {"mean": 0.9, "sd": 0.01}}
                                                   for name in ("ours", "tfidf_lr")}}},
        "speed": {"levels": [1], "ours": {"front": {"1": level(front_p50, ours_rps)},
                                          "direct": {"1": level(10.0, ours_rps)}},
                  "stock": {"direct": {"1": level(10.0, stock_rps)}}},
    }


def _verdicts(raw):
    return {row[0]: row[4] for row in results.summary_rows(raw)}


def test_targets_met_read_as_met():
    verdicts = _verdicts(_raw())
    assert verdicts["front adds at p50, 1 client"] == "yes"
    assert verdicts["throughput, 1 client, direct (answers/s)"].startswith("yes")
    assert verdicts["recall crisis_suicidal"] == "yes"


def test_missed_targets_are_marked():
    verdicts = _verdicts(_raw(ours_rps=80.0, front_p50=13.5, recall=0.95))
    assert verdicts["front adds at p50, 1 client"] == "**no**"
    assert verdicts["throughput, 1 client, direct (answers/s)"].startswith("**no**")
    assert verdicts["recall crisis_suicidal"] == "**no**"


def test_a_recorded_run_renders_to_markdown_chart_and_readme(tmp_path):
    """A real run's raw results (tests/fixtures/bench/raw.json) through every writer."""
    import json

    from helpers import FIXTURES

    raw = json.loads((FIXTURES / "bench" / "raw.json").read_text())
    page = results.markdown(raw, "results.png")
    for heading in ("## Summary", "### The safety net's contribution", "### The five weakest intents",
                    "cross-validation of our pipeline", "## Speed", "### What each addition costs", "## Cost"):
        assert heading in page
    ours = raw["understanding"]["models"]["ours"]
    assert f"| held-out accuracy | {ours['accuracy']:.3f} |" in page
    results.chart(raw, tmp_path / "chart.png")
    assert (tmp_path / "chart.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    readme = tmp_path / "README.md"
    readme.write_text(f"intro\n{results.README_START}\nold table\n{results.README_END}\noutro\n")
    assert results.update_readme(readme, raw)
    text = readme.read_text()
    assert "old table" not in text and "| held-out accuracy |" in text
    assert text.startswith("intro\n") and text.endswith("outro\n")


def test_parts_measured_on_different_days_say_so():
    import json

    from helpers import FIXTURES

    raw = json.loads((FIXTURES / "bench" / "raw.json").read_text())
    assert "Everything below was measured in that run" in results.markdown(raw, "results.png")
    raw["measured_on"] = {"speed": "2026-12-01", "understanding": "2026-12-02"}
    page = results.markdown(raw, "results.png")
    assert "in parts (understanding on 2026-12-02, speed on 2026-12-01;" in page
    assert "Everything below was measured in that run" not in page


def test_the_scale_table_reads_two_processes_against_one():
    from bench.scale import markdown

    def runs(p50, p95, rps):
        return {n: {"p50_ms": p50, "p95_ms": p95 * int(n), "throughput_rps": rps} for n in ("1", "8", "32")}

    text = "\n".join(markdown({"levels": [1, 8, 32], "setups": {
        "1 process, in memory": runs(40, 100, 20), "1 process, Redis": runs(42, 100, 19.5),
        "2 processes, Redis": runs(41, 40, 37)}}))
    assert "| 2 processes, Redis | 41 / 40, 37.0 |" in text
    assert "1.85x the throughput of 1 at 32 clients" in text
    assert "p95 at 32 clients 1.28 s with 2 processes, 3.20 s with 1" in text
    assert "Redis adds +2.0 ms at p50" in text
