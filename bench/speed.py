"""Speed: our assistant (started with `make run`) through the public front and
directly on Rasa's REST channel, and the stock `rasa init` bot on its REST
channel, each with 1, 8 and 32 concurrent clients; plus start-up and memory."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Callable

from bench import stacks
from bench.cache import Trained, fingerprint, trained_model
from bench.load import drive, paired
from bench.understanding import HOLDOUT, rasa_version, stock_project
from bot.nlu_eval import load_examples

LEVELS = (1, 8, 32)
REQUESTS = {1: 200, 8: 400, 32: 640}  # answers per run: bounded, not timed
WARMUP = 30
PAIRS = 300  # messages sent both through the front and directly, to measure what the front adds


def _messages(path: Path) -> list[str]:
    texts = [text for text, _ in load_examples(path)]
    random.Random(42).shuffle(texts)
    return texts


def train_stock_bot(fresh: bool) -> Trained:
    # The `rasa init` project ships inside Rasa, so the version names it.
    return trained_model("stock-bot", fingerprint(rasa_version(), "rasa init project"), stacks.stock_bot_trainer,
                         fresh)


def _measure(stack: stacks.Stack, messages: list[str], paths: tuple[str, ...], log: Callable[[str], None]) -> dict:
    for path in paths:
        drive(stack.urls[path], messages, 1, WARMUP)
    runs: dict = {path: {} for path in paths}
    for clients in LEVELS:
        for path in paths:  # interleaved, so a drift in the machine hits both alike
            result = drive(stack.urls[path], messages, clients, REQUESTS[clients]).summary()
            runs[path][str(clients)] = result
            log(f"  {path:<6} {clients:>2} clients: p50 {result['p50_ms']:.1f} ms, p95 {result['p95_ms']:.1f} ms,"
                f" p99 {result['p99_ms']:.1f} ms, {result['throughput_rps']:.1f} answers/s"
                + (f", {result['errors']} errors" if result["errors"] else "")
                + (f", {result['silent']} without a message" if result["silent"] else ""))
    return runs


def run(ours: Trained, work: Path, fresh: bool, log: Callable[[str], None]) -> dict:
    log("The stock `rasa init` bot…")
    stock_bot = train_stock_bot(fresh)
    log(f"  {'cached' if stock_bot.reused else 'trained'}: {stock_bot.train_seconds:.0f} s of training")
    results: dict = {"levels": list(LEVELS), "requests": REQUESTS, "warmup": WARMUP,
                     "stock_bot_train_seconds": stock_bot.train_seconds, "stock_bot_reused": stock_bot.reused}

    log("Starting our assistant with `make run`…")
    stack = stacks.start_ours(ours.model, work)
    try:
        results["ours_start"] = stack.timeline
        log("  " + ", ".join(f"{k} after {v:.1f} s" for k, v in stack.timeline.items()))
        messages = _messages(HOLDOUT)
        results["ours"] = _measure(stack, messages, ("front", "direct"), log)
        added = paired(stack.urls["front"], stack.urls["direct"], messages, PAIRS)
        results["front_added"] = added
        log(f"  the front adds {added['median_difference_ms']:.2f} ms (median of {PAIRS} paired round trips)")
        results["ours_processes"] = stack.processes()
    finally:
        stack.stop()

    log("Starting the stock bot with `rasa run`…")
    stack = stacks.start_stock(stock_bot.model, work)
    try:
        results["stock_start"] = stack.timeline
        log("  " + ", ".join(f"{k} after {v:.1f} s" for k, v in stack.timeline.items()))
        results["stock"] = _measure(stack, _messages(stock_project() / "data" / "nlu.yml"), ("direct",), log)
        results["stock_processes"] = stack.processes()
    finally:
        stack.stop()
    return results
