"""Evaluate a trained model's intent classification on a held-out NLU file.

    python -m bot.nlu_eval [--model models/spor-trygt.tar.gz] [--data tests/nlu/holdout.yml]

A prediction of `nlu_fallback` counts as wrong: for a person, "I did not
understand" is not the answer to their question. Metrics are computed here
(no scikit-learn) so that the numbers in tests and docs mean one thing.
"""

from __future__ import annotations

import argparse
import asyncio
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

SAFETY_INTENTS = ("crisis_suicidal", "emergency_overdose")


@dataclass
class Report:
    examples: list[tuple[str, str, str]]  # (text, gold, predicted)
    per_intent: dict[str, dict[str, float]] = field(default_factory=dict)
    # Per example, when the classifier gives a full parse: the three likeliest
    # intents, and whether the emergency numbers are shown (a safety answer or
    # the safety line before another answer).
    top3: list[tuple[str, ...]] = field(default_factory=list)
    numbers_shown: list[bool] = field(default_factory=list)

    def __post_init__(self) -> None:
        gold = Counter(g for _, g, _ in self.examples)
        pred = Counter(p for _, _, p in self.examples)
        hits = Counter(g for _, g, p in self.examples if g == p)
        for intent in sorted(gold):
            precision = hits[intent] / pred[intent] if pred[intent] else 0.0
            recall = hits[intent] / gold[intent]
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
            self.per_intent[intent] = {
                "precision": precision, "recall": recall, "f1": f1, "support": gold[intent]
            }

    @property
    def accuracy(self) -> float:
        return sum(g == p for _, g, p in self.examples) / len(self.examples)

    @property
    def macro_f1(self) -> float:
        return sum(m["f1"] for m in self.per_intent.values()) / len(self.per_intent)

    def recall(self, intent: str) -> float:
        return self.per_intent[intent]["recall"]

    @property
    def top3_accuracy(self) -> float:
        """The right topic answered or offered among the three likeliest."""
        return sum(g in top for (_, g, _), top in zip(self.examples, self.top3)) / len(self.examples)

    def safety_shown(self) -> float:
        """Of the safety examples, the share that get the emergency numbers."""
        shown = [s for (_, g, _), s in zip(self.examples, self.numbers_shown) if g in SAFETY_INTENTS]
        return sum(shown) / len(shown) if shown else 1.0

    def takeovers(self) -> list[tuple[str, str, str]]:
        """Non-emergency examples answered with the crisis or overdose answer."""
        return [e for e in self.examples if e[1] not in SAFETY_INTENTS and e[2] in SAFETY_INTENTS]

    @property
    def takeover_rate(self) -> float:
        others = [e for e in self.examples if e[1] not in SAFETY_INTENTS]
        return len(self.takeovers()) / len(others) if others else 0.0

    def errors(self) -> list[tuple[str, str, str]]:
        return [e for e in self.examples if e[1] != e[2]]

    def summary(self) -> dict:
        return {
            "examples": len(self.examples),
            "accuracy": round(self.accuracy, 4),
            "macro_f1": round(self.macro_f1, 4),
            **{f"recall_{i}": round(self.recall(i), 4) for i in SAFETY_INTENTS if i in self.per_intent},
            **({"top3": round(self.top3_accuracy, 4), "safety_numbers_shown": round(self.safety_shown(), 4),
                "takeovers": round(self.takeover_rate, 4)} if self.top3 else {}),
            "worst": sorted(
                ((i, round(m["f1"], 3)) for i, m in self.per_intent.items()), key=lambda x: x[1]
            )[:5],
        }


def load_examples(path: Path) -> list[tuple[str, str]]:
    """(text, intent) pairs from a Rasa YAML NLU file."""
    from rasa.shared.nlu.training_data.loading import load_data

    data = load_data(str(path))
    return [(m.get("text"), m.get("intent")) for m in data.intent_examples]


def evaluate(classify: Callable[[str], str], examples: Iterable[tuple[str, str]]) -> Report:
    return Report([(text, gold, classify(text)) for text, gold in examples])


def evaluate_parses(parse: Callable[[str], dict], examples: Iterable[tuple[str, str]]) -> Report:
    """Like `evaluate`, from full parse results: adds top-3, whether the
    emergency numbers are shown, and takeovers."""
    rows, top3, shown = [], [], []
    for text, gold in examples:
        result = parse(text)
        predicted = result["intent"]["name"]
        rows.append((text, gold, predicted))
        top3.append(tuple(r["name"] for r in (result.get("intent_ranking") or [result["intent"]])[:3]))
        line = any(e.get("entity") == "safety_line" and e.get("value") == "yes" for e in result.get("entities", []))
        shown.append(predicted in SAFETY_INTENTS or line)
    return Report(rows, top3=top3, numbers_shown=shown)


def agent_parser(agent) -> Callable[[str], dict]:
    """The full parse result from a loaded Rasa Agent, synchronously."""
    loop = asyncio.new_event_loop()

    def parse(text: str) -> dict:
        return loop.run_until_complete(agent.parse_message(text))

    return parse


def agent_classifier(agent) -> Callable[[str], str]:
    """Top intent from a loaded Rasa Agent, synchronously."""
    loop = asyncio.new_event_loop()

    def classify(text: str) -> str:
        return loop.run_until_complete(agent.parse_message(text))["intent"]["name"]

    return classify


def main(argv: list[str] | None = None) -> int:
    import logging

    from rasa.core.agent import Agent
    from rasa.utils.log_utils import configure_structlog

    configure_structlog(logging.WARNING)  # else every parsed text is printed
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", default="models/spor-trygt.tar.gz")
    parser.add_argument("--data", default="tests/nlu/holdout.yml")
    parser.add_argument("--json", help="also write the summary and errors to this file")
    args = parser.parse_args(argv)

    agent = Agent.load(args.model)
    report = evaluate_parses(agent_parser(agent), load_examples(Path(args.data)))
    print(json.dumps(report.summary(), ensure_ascii=False, indent=1))
    for text, gold, pred in report.errors():
        print(f"  {gold:>24} -> {pred:<24} {text}")
    if args.json:
        Path(args.json).write_text(
            json.dumps({**report.summary(), "errors": report.errors()}, ensure_ascii=False, indent=1)
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
