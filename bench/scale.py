"""Scale-out: one Rasa process against two, through the front, at 1, 8 and 32
clients (docs/scaling.md). Three set-ups, each started with `make run`:

- 1 process, conversations in memory: today's default;
- 1 process, conversations in Redis: what Redis costs per message;
- 2 processes, conversations in Redis (the local redis-server `make run` starts).

Targets the table is read against (issue 15): 2 processes >= 1.8x the
throughput of 1 on 2 cores; p95 at 32 clients <= 1.5 s; Redis adds <= 3 ms per
message at p50."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Callable

from bench import stacks
from bench.cache import Trained
from bench.load import drive
from bench.speed import LEVELS, REQUESTS, WARMUP, _messages
from bench.understanding import HOLDOUT

SETUPS = {"1 process, in memory": (1, False), "1 process, Redis": (1, True), "2 processes, Redis": (2, True)}


def run(ours: Trained, work: Path, log: Callable[[str], None]) -> dict:
    from bot.run import free_port
    from bot.scale.local_redis import LocalRedis

    messages = _messages(HOLDOUT)
    results: dict = {"levels": list(LEVELS), "requests": REQUESTS, "setups": {}}
    redis = LocalRedis(free_port())  # for the one-process Redis run; two processes start their own
    redis.start(stdout=subprocess.DEVNULL)
    try:
        for name, (processes, in_redis) in SETUPS.items():
            log(f"{name}…")
            settings = {"RASA_PROCESSES": str(processes),
                        "REDIS_URL": redis.url if in_redis and processes == 1 else ""}
            stack = stacks.start_ours(ours.model, work, settings)
            try:
                drive(stack.urls["front"], messages, 1, WARMUP)
                runs = {}
                for clients in LEVELS:
                    result = drive(stack.urls["front"], messages, clients, REQUESTS[clients]).summary()
                    runs[str(clients)] = result
                    log(f"  {clients:>2} clients: p50 {result['p50_ms']:.1f} ms, p95 {result['p95_ms']:.1f} ms,"
                        f" {result['throughput_rps']:.1f} answers/s"
                        + (f", {result['errors']} errors" if result["errors"] else ""))
                results["setups"][name] = runs
            finally:
                stack.stop()
    finally:
        redis.stop()
        redis.remove_folder()
    return results


def markdown(scale: dict) -> list[str]:
    setups = scale["setups"]
    levels = [str(n) for n in scale["levels"]]
    lines = ["", "## Scale-out: one Rasa process or two (through the front)", "",
             "| set-up | " + " | ".join(f"{n} clients: p50 / p95 ms, answers/s" for n in levels) + " |",
             "|---|" + "---|" * len(levels)]
    for name, runs in setups.items():
        cells = [f"{runs[n]['p50_ms']:.0f} / {runs[n]['p95_ms']:.0f}, {runs[n]['throughput_rps']:.1f}" for n in levels]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    one, two = setups.get("1 process, in memory"), setups.get("2 processes, Redis")
    redis_one = setups.get("1 process, Redis")
    readings = []
    if one and two:
        top = levels[-1]
        ratio = two[top]["throughput_rps"] / one[top]["throughput_rps"]
        readings.append(f"2 processes give {ratio:.2f}x the throughput of 1 at {top} clients (target >= 1.8x);"
                        f" p95 at {top} clients {two[top]['p95_ms'] / 1000:.2f} s with 2 processes,"
                        f" {one[top]['p95_ms'] / 1000:.2f} s with 1 (target <= 1.5 s)")
    if one and redis_one:
        added = redis_one["1"]["p50_ms"] - one["1"]["p50_ms"]
        readings.append(f"Redis adds {added:+.1f} ms at p50 with 1 client (target <= 3 ms; the difference of two"
                        " medians measured minutes apart)")
    if readings:
        lines += ["", "Against the targets: " + "; ".join(readings) + "."]
    return lines
