"""The report for some weeks, read from the stats store, with a row for every
intent in domain.yml (under its Norwegian name) and every service in
data/services.yml (under its name in the directory)."""

from __future__ import annotations

from typing import List

from bot.report.labels import intent_label
from bot.report.table import Report, build
from bot.services import directory
from bot.stats.keys import domain_intents
from bot.stats.store import MergedStores, StatsStore


def make_report(store: "StatsStore | MergedStores", weeks: List[str], threshold: int) -> Report:
    intents = [(name, intent_label(name)) for name in domain_intents()]
    services = [(s.id, s.name) for s in directory.load()]
    return build(store.read(weeks), weeks, intents, services, threshold)
