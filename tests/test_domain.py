"""Properties of the responses themselves, checked without a model."""

import re

import pytest
import yaml

from bot.settings import ROOT

DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text())
RESPONSES = {name: "\n".join(v["text"] for v in variants) for name, variants in DOMAIN["responses"].items()}
RULES = [r for f in (ROOT / "data" / "rules").glob("*.yml") for r in yaml.safe_load(f.read_text())["rules"]]
# Numbers people call, other than the emergency numbers everyone knows.
PHONE = re.compile(r"\b(?:\d{2} \d{2} \d{2} \d{2}|\d{3} \d{3}(?: \d{2})?|\d{3} \d{2} \d{3})\b")
FACT_RESPONSES = [
    "utter_fear_driving_licence", "utter_fear_child_welfare", "utter_fear_police",
    "utter_fear_employer", "utter_confidentiality", "utter_youth_confidentiality",
    "utter_seek_help_self", "utter_worried_about_other", "utter_gambling_problem",
    "utter_treatment", "utter_substance_info", "utter_drug_checking",
]
NEVER_SAY = ["du mister ikke", "garanter", "blir aldri meldt", "ingen risiko",
             "barnevernet kommer ikke", "er trygt å ta", "rådgivende enhet"]


def test_every_intent_has_a_rule_that_answers_it():
    answered = {step["intent"] for rule in RULES for step in rule["steps"]
                if "intent" in step and not rule.get("conversation_start")}
    assert set(DOMAIN["intents"]) <= answered


def test_every_intent_has_a_conversation_start_rule_with_the_intro():
    opening = {rule["steps"][0]["intent"]: [s.get("action") for s in rule["steps"][1:]]
               for rule in RULES if rule.get("conversation_start")}
    assert set(opening) == set(DOMAIN["intents"])
    assert all("utter_intro" in actions for actions in opening.values())


@pytest.mark.parametrize("name", sorted(RESPONSES))
def test_phone_numbers_carry_their_checked_date(name):
    if PHONE.search(RESPONSES[name]):
        assert "sist kontrollert" in RESPONSES[name]


@pytest.mark.parametrize("name", FACT_RESPONSES)
def test_fact_answers_link_a_source(name):
    assert re.search(r"https://\S+", RESPONSES[name])


@pytest.mark.parametrize("name", sorted(RESPONSES))
def test_no_response_promises_what_nobody_can(name):
    text = RESPONSES[name].lower()
    assert not [p for p in NEVER_SAY if p in text]


def test_unconfirmed_details_are_not_stated():
    """../shared/knowledge marks RUSinfo's 08588 and hours, and which
    Pårørendesenteret number is right, as unconfirmed."""
    everything = "\n".join(RESPONSES.values())
    for unconfirmed in ["08588", "51 53 11 11", "90 90 48 48", "11–18", "16–22", "14–22"]:
        assert unconfirmed not in everything
