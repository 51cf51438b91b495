"""The training data keeps the promises the evaluation rests on."""

import glob
from collections import Counter
from pathlib import Path

import pytest
import yaml

from bot.domain import load as load_domain
from bot.nlu.normalize import fold
from bot.nlu_eval import load_examples
from bot.settings import ROOT

from conftest import HOLDOUT

TRAINING = [e for f in sorted(glob.glob(str(ROOT / "data" / "nlu" / "**" / "*.yml"), recursive=True)) for e in load_examples(Path(f))]
INTENTS = load_domain()["intents"]


def test_intents_are_exactly_the_contract():
    contract = (ROOT.parent / "shared" / "intents.md")
    if not contract.exists():
        pytest.skip("../shared/intents.md is not beside this checkout")
    rows = [line.split("|")[1].strip() for line in contract.read_text().splitlines()
            if line.startswith("| ") and not line.startswith("| intent") and not line.startswith("|---")]
    assert sorted(rows) == sorted(INTENTS)


def test_every_intent_has_enough_varied_examples():
    counts = Counter(intent for _, intent in TRAINING)
    assert set(counts) == set(INTENTS)
    for intent in INTENTS:
        minimum = 100 if intent in ("crisis_suicidal", "emergency_overdose") else 40
        assert counts[intent] >= minimum, (intent, counts[intent])


def test_no_example_is_labelled_twice():
    labels = {}
    for text, intent in TRAINING:
        assert labels.setdefault(fold(text), intent) == intent, text


@pytest.mark.parametrize("held_out", [HOLDOUT, *(ROOT / "tests" / "nlu" / f"{name}.yml" for name in (
    "dev", "real_register", "probe_real_register", "probe_short"))])
def test_evaluation_sets_are_not_trained_on(held_out):
    """Short stock phrases ("hei", "takk") occur everywhere; anything of three
    words or more in an evaluation set must not be in the training data."""
    trained = {fold(text) for text, _ in TRAINING}
    leaked = [text for text, _ in load_examples(held_out)
              if len(fold(text).split()) >= 3 and fold(text) in trained]
    assert leaked == []
