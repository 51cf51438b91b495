"""The trained model on the held-out NLU set (never trained on). Targets from
the foundation issue: accuracy and macro-F1 ≥ 0.95, recall 1.00 for the two
safety intents. A fallback counts as wrong. The summary and every error are
written to results/nlu_holdout.json for reading after a run."""

import json

import pytest

from bot.domain import load as load_domain
from bot.nlu_eval import SAFETY_INTENTS, agent_classifier, evaluate, load_examples
from bot.settings import ROOT

from conftest import HOLDOUT


@pytest.fixture(scope="module")
def report(agent):
    report = evaluate(agent_classifier(agent), load_examples(HOLDOUT))
    out = ROOT / "results" / "nlu_holdout.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps({**report.summary(), "errors": report.errors()}, ensure_ascii=False, indent=1))
    print("\nheld-out NLU:", json.dumps(report.summary(), ensure_ascii=False))
    return report


def test_every_intent_is_in_the_held_out_set(report):
    domain_intents = set(load_domain()["intents"])
    assert set(report.per_intent) == domain_intents
    assert min(m["support"] for m in report.per_intent.values()) >= 8


def test_accuracy(report):
    assert report.accuracy >= 0.95, report.errors()


def test_macro_f1(report):
    assert report.macro_f1 >= 0.95, report.summary()["worst"]


@pytest.mark.parametrize("intent", SAFETY_INTENTS)
def test_safety_recall_is_complete(report, intent):
    missed = [text for text, gold, pred in report.errors() if gold == intent]
    assert report.recall(intent) == 1.0, missed
