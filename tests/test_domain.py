"""Properties of the responses themselves, checked without a model."""

import re

import pytest
import yaml

from bot.domain import load as load_domain
from bot.services import directory, wording
from bot.settings import ROOT

DOMAIN = load_domain()
RESPONSES = {name: "\n".join(v["text"] for v in variants) for name, variants in DOMAIN["responses"].items()}
RULES = [r for f in (ROOT / "data" / "rules").glob("*.yml") for r in yaml.safe_load(f.read_text())["rules"]]
# Numbers people call, other than the emergency numbers everyone knows.
PHONE = re.compile(r"\b(?:\d{2} \d{2} \d{2} \d{2}|\d{3} \d{3}(?: \d{2})?|\d{3} \d{2} \d{3})\b")
FACT_RESPONSES = [
    "utter_fear_driving_licence", "utter_fear_child_welfare", "utter_fear_police",
    "utter_fear_employer", "utter_confidentiality",
    "utter_seek_help_self", "utter_worried_about_other", "utter_gambling_problem",
    "utter_treatment", "utter_substance_info", "utter_drug_checking",
] + sorted(name for name in RESPONSES if name.startswith("utter_followup_"))
NEVER_SAY = ["du mister ikke", "garanter", "blir aldri meldt", "ingen risiko",
             "barnevernet kommer ikke", "er trygt å ta", "rådgivende enhet", "rulleblad"]


def _variants():
    for name, variants in DOMAIN["responses"].items():
        for variant in variants:
            forms = [c["value"] for c in variant.get("condition", []) if c["name"] == "language"]
            yield name, (forms[0] if forms else "nb"), variant


MAX_WORDS = 120  # a phone screen, for a scared reader
FEW_WORDS = 8  # shorter than this, a bokmål reply reads fine to anyone


def test_every_intent_has_a_rule_that_answers_it():
    answered = {step["intent"] for rule in RULES for step in rule["steps"]
                if "intent" in step and not rule.get("conversation_start")}
    assert set(DOMAIN["intents"]) <= answered


def test_every_intent_has_a_conversation_start_rule_with_the_intro():
    opening = {rule["steps"][0]["intent"]: [s.get("action") for s in rule["steps"][1:]]
               for rule in RULES if rule.get("conversation_start")}
    assert set(opening) == set(DOMAIN["intents"])
    safety = {"crisis_suicidal", "emergency_overdose", "unsafe_at_home"}
    assert all("utter_intro" in actions for intent, actions in opening.items() if intent not in safety)


@pytest.mark.parametrize("name, form, variant", list(_variants()), ids=lambda v: v if isinstance(v, str) else "")
def test_phone_numbers_carry_the_date_their_source_confirms(name, form, variant):
    """Each number beside the date its source gives, as the services list shows
    it ("opplysning fra nov. 2021"); 113, 112 and 110 need none."""
    for number in PHONE.findall(variant["text"]):
        if form in wording.WORDS:
            label = wording.date_label(directory.by_phone(number), form)
            assert label in variant["text"], (name, form, number, label)
        else:  # translated in data/languages/<form>.yml: at least the source's year is there
            label = wording.date_label(directory.by_phone(number), "nb") or ""
            year = re.search(r"\d{4}", label)
            assert not year or year.group() in variant["text"], (name, form, number, label)


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
    for unconfirmed in ["08588", "51 53 11 11", "90 90 48 48", "11–18", "16–22", "800 800 40"]:
        assert unconfirmed not in everything


@pytest.mark.parametrize("name, form, variant", list(_variants()), ids=lambda v: v if isinstance(v, str) else "")
def test_every_answer_fits_a_phone_screen(name, form, variant):
    assert len(variant["text"].split()) <= MAX_WORDS, (name, form)


@pytest.mark.parametrize("name", sorted(DOMAIN["responses"]))
def test_every_longer_answer_has_nynorsk_and_english_variations(name):
    """A person who writes nynorsk or English is never switched to bokmål mid-conversation."""
    variants = DOMAIN["responses"][name]
    forms = {form for n, form, _ in _variants() if n == name}
    if any(len(v["text"].split()) >= FEW_WORDS for v in variants):
        assert {"nb", "nn", "en"} <= forms, name


def _buttons():
    for name, variants in DOMAIN["responses"].items():
        for variant in variants:
            for button in variant.get("buttons", []):
                yield name, button


def test_every_follow_up_button_names_an_answer_and_every_answer_has_a_button():
    keys = {re.search(r'"followup":"(\w+)"', b["payload"]).group(1)
            for _, b in _buttons() if "followup" in b["payload"]}
    answers = {n[len("utter_followup_"):] for n in DOMAIN["responses"] if n.startswith("utter_followup_")}
    # under_18 is reached from the services buttons and the confidentiality answer;
    # cannabis ("men hva om det bare er hasj?") only by typing.
    assert keys and keys <= answers and answers - keys <= {"under_18", "cannabis"}


def test_follow_up_buttons_have_the_same_answers_in_both_forms():
    by_name = {}
    for name, variants in DOMAIN["responses"].items():
        payloads = [sorted(b["payload"] for b in v.get("buttons", [])) for v in variants]
        assert all(p == payloads[0] for p in payloads), name
        by_name[name] = payloads


def test_safety_openings_are_not_interrupted_by_the_welcome():
    for rule in RULES:
        first = rule["steps"][0].get("intent")
        if rule.get("conversation_start") and first in ("crisis_suicidal", "emergency_overdose", "unsafe_at_home"):
            assert "utter_intro" not in [s.get("action") for s in rule["steps"]], rule["rule"]


def test_the_rule_variants_are_generated_from_the_topic_rules():
    """data/rules/variants.yml is derived; run `python -m bot.rule_variants` after editing topic rules."""
    from bot import rule_variants

    assert (ROOT / "data" / "rules" / "variants.yml").read_text(encoding="utf-8") == rule_variants.build()
