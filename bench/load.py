"""A bounded request loop: N concurrent clients post chat messages to a REST
webhook (Rasa's, or the front's copy of it) until a fixed number of answers
has come back; every round trip is timed."""

from __future__ import annotations

import asyncio
import itertools
import math
import time
import uuid
from dataclasses import dataclass

CONVERSATION_LENGTH = 5  # messages per sender id, then a new conversation


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of a non-empty list."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)]


@dataclass
class LoadResult:
    clients: int
    latencies_ms: list[float]  # every round trip answered with 200, silent answers too
    wall_seconds: float
    errors: int  # not 200: not timed
    silent: int = 0  # 200 with no message: the bot chose to say nothing (timed, counted here)

    def summary(self) -> dict:
        lat = self.latencies_ms
        return {
            "clients": self.clients, "requests": len(lat), "errors": self.errors, "silent": self.silent,
            "p50_ms": percentile(lat, 50), "p95_ms": percentile(lat, 95), "p99_ms": percentile(lat, 99),
            "throughput_rps": len(lat) / self.wall_seconds,
        }


async def _client(session, url: str, messages, remaining: list[int], latencies: list[float], counts: dict):
    sender, sent = uuid.uuid4().hex, 0
    while remaining[0] > 0:
        remaining[0] -= 1
        if sent == CONVERSATION_LENGTH:
            sender, sent = uuid.uuid4().hex, 0
        started = time.perf_counter()
        async with session.post(url, json={"sender": sender, "message": next(messages)}) as response:
            body = await response.json(content_type=None)
        elapsed = (time.perf_counter() - started) * 1000
        sent += 1
        if response.status == 200:
            latencies.append(elapsed)
            counts["silent"] += not body
        else:
            counts["errors"] += 1


async def _run(url: str, messages: list[str], clients: int, requests: int) -> LoadResult:
    import aiohttp

    cycle = itertools.cycle(messages)
    latencies: list[float] = []
    counts, remaining = {"errors": 0, "silent": 0}, [requests]
    connector = aiohttp.TCPConnector(limit=clients)
    async with aiohttp.ClientSession(connector=connector, timeout=aiohttp.ClientTimeout(total=60)) as session:
        started = time.perf_counter()
        await asyncio.gather(*(_client(session, url, cycle, remaining, latencies, counts) for _ in range(clients)))
        wall = time.perf_counter() - started
    return LoadResult(clients, latencies, wall, counts["errors"], counts["silent"])


def drive(url: str, messages: list[str], clients: int, requests: int) -> LoadResult:
    """`requests` messages from `clients` concurrent conversations, in total."""
    return asyncio.run(_run(url, messages, clients, requests))


async def _paired(url_a: str, url_b: str, messages: list[str], pairs: int) -> tuple[list[float], list[float]]:
    import aiohttp

    times: dict[str, list[float]] = {url_a: [], url_b: []}
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=60)) as session:
        for i in range(pairs):
            if i % CONVERSATION_LENGTH == 0:
                senders = {url_a: uuid.uuid4().hex, url_b: uuid.uuid4().hex}
            order = (url_a, url_b) if i % 2 == 0 else (url_b, url_a)  # neither always goes first
            for url in order:
                started = time.perf_counter()
                async with session.post(url, json={"sender": senders[url], "message": messages[i % len(messages)]}) as r:
                    await r.read()
                times[url].append((time.perf_counter() - started) * 1000)
    return times[url_a], times[url_b]


def paired(url_a: str, url_b: str, messages: list[str], pairs: int) -> dict:
    """One client sends each message to both URLs, back to back, each in its own
    conversation with the same history: the difference is what A adds over B,
    with the machine's drift cancelled out."""
    import statistics

    a, b = asyncio.run(_paired(url_a, url_b, messages, pairs))
    return {"pairs": pairs, "p50_a_ms": percentile(a, 50), "p50_b_ms": percentile(b, 50),
            "median_difference_ms": statistics.median(x - y for x, y in zip(a, b))}
