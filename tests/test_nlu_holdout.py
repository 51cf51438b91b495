"""The trained model on the held-out NLU sets (never trained on). A fallback
counts as wrong. The summary and every error of each set are written to
results/nlu_<set>.json for reading after a run.

- holdout.yml: short messages; accuracy and macro-F1 ≥ 0.95.
- real_register.yml: long stories as people write on anonymous question pages,
  by an author who never saw the training data; floors below, figures in
  docs/nlu-pipeline.md.
- english.yml: English, every intent, by an author who never saw the English
  training data; accuracy ≥ 0.90.
In all: the emergency numbers are shown for every safety example (the
crisis or overdose answer, or the safety line), and at most 3 % of the other
messages are taken over by a safety answer.
"""

import json

import pytest

from bot.domain import load as load_domain
from bot.nlu_eval import SAFETY_INTENTS, agent_parser, evaluate_parses, load_examples
from bot.settings import ROOT

from conftest import HOLDOUT

REAL_REGISTER = ROOT / "tests" / "nlu" / "real_register.yml"
ENGLISH = ROOT / "tests" / "nlu" / "english.yml"
MAX_TAKEOVERS = 0.03


def _report(agent, path, name):
    report = evaluate_parses(agent_parser(agent), load_examples(path))
    out = ROOT / "results" / f"nlu_{name}.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps({**report.summary(), "errors": report.errors(), "takeovers": report.takeovers()},
                              ensure_ascii=False, indent=1))
    print(f"\n{name} NLU:", json.dumps(report.summary(), ensure_ascii=False))
    return report


@pytest.fixture(scope="module")
def report(agent):
    return _report(agent, HOLDOUT, "holdout")


@pytest.fixture(scope="module")
def real(agent):
    return _report(agent, REAL_REGISTER, "real_register")


@pytest.fixture(scope="module")
def english(agent):
    return _report(agent, ENGLISH, "english")


def test_every_intent_is_in_the_held_out_sets(report, real, english):
    domain_intents = set(load_domain()["intents"])
    assert set(report.per_intent) == domain_intents
    assert min(m["support"] for m in report.per_intent.values()) >= 8
    assert set(real.per_intent) == domain_intents
    assert set(english.per_intent) == domain_intents
    assert min(m["support"] for m in english.per_intent.values()) >= 8


def test_english_accuracy(english):
    assert english.accuracy >= 0.90, english.errors()


def test_accuracy(report):
    assert report.accuracy >= 0.95, report.errors()


def test_macro_f1(report):
    assert report.macro_f1 >= 0.95, report.summary()["worst"]


def test_real_register_accuracy(real):
    assert real.accuracy >= 0.85, real.errors()


def test_real_register_right_topic_among_the_three_likeliest(real):
    assert real.top3_accuracy >= 0.95, real.summary()


@pytest.mark.parametrize("which", ["report", "real", "english"])
def test_every_safety_example_gets_the_emergency_numbers(which, request):
    held_out = request.getfixturevalue(which)
    missed = [t for (t, g, _), shown in zip(held_out.examples, held_out.numbers_shown)
              if g in SAFETY_INTENTS and not shown]
    assert missed == []


@pytest.mark.parametrize("which", ["report", "real", "english"])
def test_few_other_messages_are_taken_over_by_a_safety_answer(which, request):
    held_out = request.getfixturevalue(which)
    assert held_out.takeover_rate <= MAX_TAKEOVERS, held_out.takeovers()
