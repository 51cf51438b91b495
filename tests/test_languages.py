"""Languages without the trained model: which language a message is in, the
per-language safety patterns, the honest reply and the generated domain.
The same phrases through the whole assistant: test_multilingual_safety.py."""

from pathlib import Path

import pytest
import yaml
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bench.language_id import norwegian_messages
from bot import multilingual_domain
from bot.languages import ANSWERED
from bot.nlu import language_gate, multilingual_safety
from bot.nlu.language import LanguageDetector, identify
from bot.settings import ROOT

PHRASES = yaml.safe_load((ROOT / "tests" / "languages" / "safety_phrases.yml").read_text(encoding="utf-8"))
LANGUAGES = multilingual_domain.load_languages()
# The languages the issue names: safety recognised and answered in each.
REQUIRED = {"en", "pl", "lt", "uk", "ru", "ar", "so", "ti", "fa", "ur", "tr", "ro", "sv", "da", "de", "es"}
FOREIGN = sorted(REQUIRED - {"en"})
EMERGENCY = ("113", "116 123", "22 40 00 40")


# --- which language --------------------------------------------------------------


def test_norwegian_stays_norwegian():
    """At least 99.5 % of the project's Norwegian messages (training and test
    data, bokmål, nynorsk, dialect, missing æøå) are never taken for another
    language; nearly all the rest read as English ("bye", "thanks")."""
    messages = norwegian_messages()
    assert len(messages) > 4000
    lost = [(m, identify(m)) for m in messages if identify(m) not in ("nb", "nn", None)]
    assert len(lost) / len(messages) <= 0.005, lost[:20]
    assert len([m for m, code in lost if code != "en"]) <= 3, lost


@pytest.mark.parametrize("text", ["ok", "ja", "hei", "nei takk", "?", "123", "ja takk :)", "kokain"])
def test_very_short_messages_follow_the_conversation(text):
    assert identify(text) is None


@pytest.mark.parametrize("text, code", [
    ("eg veit ikkje kva eg skal gjere", "nn"),
    ("jeg vet ikke hva jeg skal gjøre", "nb"),
    ("jeg vet ikke hva jeg skal gjore med lappen", "nb"),
    ("will i lose my driving licence if i tell my doctor", "en"),
    ("hello", "en"),
    ("Czy mogę stracić prawo jazdy?", "pl"),
    ("Чи можуть забрати дитину, якщо я п'ю?", "uk"),
    ("Могут ли забрать ребёнка, если я пью?", "ru"),
    ("هل يمكن أن يأخذوا أطفالي إذا طلبت المساعدة؟", "ar"),
    ("ምን ክገብር ኣለኒ", "ti"),
    ("Jag är rädd att förlora mitt körkort om jag berättar", "sv"),
    ("Kann ich meinen Führerschein verlieren, wenn ich zum Arzt gehe?", "de"),
    ("¿Puedo perder mi licencia de conducir si hablo con el médico?", "es"),
])
def test_the_language_is_known(text, code):
    assert identify(text) == code


def _message(text, metadata=None):
    message = Message(data={TEXT: text, "metadata": metadata or {}})
    LanguageDetector().process([message])
    return message


def test_a_short_message_takes_the_language_the_page_sends():
    entities = _message("ok", {"lang": "pl"}).get(ENTITIES)
    assert [(e["entity"], e["value"]) for e in entities] == [("language", "pl")]
    assert _message("ok", {"lang": "<script>"}).get(ENTITIES) in (None, [])
    # What the person wrote wins over the page.
    assert [e["value"] for e in _message("jeg er redd for barnevernet", {"lang": "en"}).get(ENTITIES)] == ["nb"]


# --- safety patterns, per language -------------------------------------------------


def test_every_required_language_has_its_texts_and_patterns():
    names = set(LANGUAGES["nb"]["answers"])
    for code in REQUIRED:
        assert code in LANGUAGES, code
        data = LANGUAGES[code]
        if code != "en":
            assert set(data["answers"]) == names, code
        assert data["safety"]["crisis"] and data["safety"]["overdose"], code


@pytest.mark.parametrize("code", sorted(REQUIRED - {"en"}))
def test_the_safety_answers_carry_the_emergency_numbers(code):
    responses = LANGUAGES[code]["answers"]
    for name in ("utter_crisis", "utter_overdose_after", "utter_crisis_holding", "utter_out_of_scope"):
        for number in EMERGENCY if name != "utter_overdose_after" else EMERGENCY:
            assert number in responses[name], (code, name, number)
    assert "113" in responses["utter_overdose"]


def _kind(code, kind):
    return [(code, text) for text in PHRASES[code][kind]]


@pytest.mark.parametrize("code", sorted(REQUIRED))
def test_each_languages_patterns_see_most_danger_on_their_own(code):
    """The patterns alone see most of it; what they miss the trained model
    must (test_multilingual_safety.py). Here: the patterns of the language see
    at least three in four of its messages."""
    hits = [multilingual_safety.match(t, [code]) for _, t in _kind(code, "crisis") + _kind(code, "overdose")]
    assert sum(bool(h) for h in hits) / len(hits) >= 0.75, code


@pytest.mark.parametrize("code", sorted(REQUIRED))
def test_everyday_phrases_do_not_trigger(code):
    fired = [t for t in PHRASES[code]["harmless"] if multilingual_safety.match(t)]
    assert fired == []


def _gated(text, code, intent="greet"):
    message = Message(data={TEXT: text, INTENT: {"name": intent, "confidence": 0.6},
                            INTENT_RANKING_KEY: [{"name": intent, "confidence": 0.6}],
                            ENTITIES: [{"entity": "language", "value": code}] if code else []})
    language_gate.apply(message)
    return message


def test_a_message_we_do_not_answer_in_gets_the_honest_reply_not_a_guess():
    message = _gated("Czy barnevernet zabierze mi dzieci, jeśli poproszę o pomoc?", "pl", "fear_child_welfare")
    assert message.get(INTENT)["name"] == "out_of_scope"


def test_danger_in_another_language_gets_the_safety_answer():
    assert _gated("Chcę się zabić", "pl").get(INTENT)["name"] == "crisis_suicidal"
    assert _gated("мой друг не дышит", "ru").get(INTENT)["name"] == "emergency_overdose"


def test_norwegian_and_english_keep_the_classifiers_answer():
    assert _gated("kan jeg miste lappen", "nb", "fear_driving_licence").get(INTENT)["name"] == "fear_driving_licence"
    assert _gated("can i lose my licence", "en", "fear_driving_licence").get(INTENT)["name"] == "fear_driving_licence"
    assert _gated("i want to kill myself", "en", "greet").get(INTENT)["name"] == "crisis_suicidal"


# --- the generated domain --------------------------------------------------------


def test_the_generated_multilingual_domain_is_current():
    """Edit data/languages/*.yml, then run `python -m bot.multilingual_domain`."""
    assert multilingual_domain.TARGET.read_text(encoding="utf-8") == multilingual_domain.render()


def test_every_language_answers_in_its_own_variation():
    responses = yaml.safe_load(multilingual_domain.TARGET.read_text(encoding="utf-8"))["responses"]
    for name, variants in responses.items():
        codes = [c["value"] for v in variants for c in v.get("condition", [])]
        assert len(codes) == len(set(codes)), name
        assert "condition" not in variants[-1], name  # bokmål last, with no condition
        assert set(REQUIRED) <= set(codes), name
