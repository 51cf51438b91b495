"""Weekly counts as one table per metric, with small counts hidden.

A cell below the threshold is shown as "<5" whatever its value (0 included),
every row that can exist is listed whether or not it has counts, and no
totals or differences are shown: a row or column total, or a change from
one week to the next, would let a reader subtract their way to a hidden
cell. Only weeks that have ended are reported, so two reports taken an hour
apart never differ by one person's questions. What the report shows
therefore does not change when a hidden cell does; tests/test_report.py
checks exactly that.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, List, Mapping, Optional, Sequence, Tuple

from bot.stats.store import Cell

Rows = Sequence[Tuple[str, str]]  # (key, label)


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    values: Tuple[Optional[int], ...]  # None: hidden (below the threshold)


@dataclass(frozen=True)
class MetricTable:
    metric: str
    title: str
    explanation: str
    weeks: Tuple[str, ...]
    rows: Tuple[Row, ...]


@dataclass(frozen=True)
class Report:
    weeks: Tuple[str, ...]
    threshold: int
    tables: Tuple[MetricTable, ...]

    @property
    def hidden_mark(self) -> str:
        return f"<{self.threshold}"


# metric -> (title, explanation); the order here is the report's order
METRIC_TITLES: Dict[str, Tuple[str, str]] = {
    "conversations": ("Samtaler", "Samtaler som ble startet."),
    "intent": ("Tema", "Samtaler som var innom temaet (hver samtale telles én gang per tema)."),
    "service_shown": ("Tjenester vist", "Samtaler der tjenesten ble vist (én gang per samtale)."),
    "crisis_answer": ("Krisesvar", "Ganger assistenten ga krisesvaret med nødnumrene."),
    "overdose_answer": ("Overdosesvar", "Ganger assistenten ga overdosesvaret (ring 113)."),
    "fallback": ("Ikke forstått", "Ganger assistenten ikke forsto eller ikke visste hva den skulle svare."),
    "feedback": ("Tilbakemeldinger", "Ganger noen ga tilbakemelding."),
}

FIXED_ROWS: Dict[str, Rows] = {
    "conversations": [("", "Samtaler startet")],
    "crisis_answer": [("", "Krisesvar gitt")],
    "overdose_answer": [("", "Overdosesvar gitt")],
    "fallback": [("nlu", "Forsto ikke meldingen"), ("dialogue", "Visste ikke neste steg")],
    "feedback": [("positive", "Positiv"), ("negative", "Negativ")],
}


def build(
    counts: Mapping[Cell, int],
    weeks: Sequence[str],
    intents: Rows,
    services: Rows,
    threshold: int,
) -> Report:
    rows_of: Dict[str, Rows] = {**FIXED_ROWS, "intent": intents, "service_shown": services}
    tables: List[MetricTable] = []
    for metric, (title, explanation) in METRIC_TITLES.items():
        rows = []
        for key, label in rows_of[metric]:
            values = []
            for week in weeks:
                n = counts.get((week, metric, key), 0)
                values.append(n if n >= threshold else None)
            rows.append(Row(key, label, tuple(values)))
        tables.append(MetricTable(metric, title, explanation, tuple(weeks), tuple(rows)))
    return Report(tuple(weeks), threshold, tuple(tables))
