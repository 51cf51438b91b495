"""action_offer_services with trackers from JSON fixtures and a fixed clock."""

import datetime as dt
import json
from pathlib import Path

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.offer_services import ActionOfferServices
from bot.services.opening import OSLO

from helpers import topic_part

FIXTURES = Path(__file__).parent / "fixtures" / "trackers"
SUNDAY_NIGHT = dt.datetime(2026, 11, 29, 23, 40, tzinfo=OSLO)


def run(fixture, when=SUNDAY_NIGHT):
    return run_tracker(json.loads((FIXTURES / fixture).read_text()), when)


def run_tracker(state, when=SUNDAY_NIGHT):
    tracker = Tracker.from_dict(state)
    dispatcher = CollectingDispatcher()
    action = ActionOfferServices()
    action.clock = lambda: when
    events = action.run(dispatcher, tracker, {})
    return dispatcher.messages, {e["name"]: e["value"] for e in events if e["event"] == "slot"}


def test_yes_after_a_fear_topic_shows_services_for_that_topic():
    messages, slots = run("fear_police_then_yes.json")
    text = messages[0]["text"]
    assert text.index("RUSinfo") < text.index("Gatejuristen")  # anonymous first
    assert "sist kontrollert" not in text
    assert "udatert kilde" in text  # RUSinfo's page gives no date
    assert "Juristene må vite hvem du er" in text  # why Gatejuristen is not anonymous
    assert text.index("RUSinfo") < text.index("Mental Helse")  # the topic's own before 24/7 lines
    titles = [b["title"] for b in messages[0]["buttons"]]
    assert "Jeg er pårørende" in titles and "Jeg er under 18" in titles


def test_nynorsk_asker_gets_nynorsk():
    messages, _ = run("ask_anonymous_nynorsk.json")
    assert "Her kan du ta kontakt" in messages[0]["text"]
    assert "heile døgeret" in messages[0]["text"] or "sjå opningstider" in messages[0]["text"]
    assert "Vis fleire" in [b["title"] for b in messages[0]["buttons"]]


def test_show_more_gives_the_next_three():
    first, _ = run("fear_police_then_yes.json")
    messages, slots = run("show_more.json")
    assert slots["services_offset"] == 3.0
    assert messages[0]["text"].startswith("Flere steder:")


def test_under_18_gets_youth_services_and_the_16_year_rule():
    messages, slots = run("under_18.json", when=dt.datetime(2026, 11, 24, 15, 0, tzinfo=OSLO))
    assert "youth" in slots["audience"]
    assert "Kors på halsen" in messages[0]["text"]
    assert messages[1]["response"] == "utter_followup_under_18"
    assert "Jeg er under 18" not in [b["title"] for b in messages[0]["buttons"]]


@pytest.mark.parametrize("fixture", ["fear_police_then_yes.json", "show_more.json", "under_18.json"])
def test_never_more_than_three_services_before_the_24_7_lines(fixture):
    messages, _ = run(fixture)
    listed = topic_part(messages[0]["text"])
    assert listed.count("• ") <= 3


def _asked(intent, text, audience=(), malform=None):
    """A tracker whose person asked `text` (classified as `intent`) and then said yes."""
    state = json.loads((FIXTURES / "fear_police_then_yes.json").read_text())
    state["slots"].update({"audience": list(audience), "language": malform, "services_offset": 0.0})
    state["latest_message"] = {"text": "ja", "intent": {"name": "affirm", "confidence": 1.0}, "entities": []}
    state["events"] = [
        {"event": "user", "text": text, "parse_data": {"intent": {"name": intent, "confidence": 0.95}, "entities": []}},
        {"event": "user", "text": "ja", "parse_data": {"intent": {"name": "affirm", "confidence": 0.95}, "entities": []}},
    ]
    return state


TUESDAY_2PM = dt.datetime(2026, 11, 24, 14, 0, tzinfo=OSLO)


def test_a_young_person_unsafe_at_home_gets_112_then_alarmtelefonen_with_what_it_does():
    messages, slots = run_tracker(_asked("unsafe_at_home", "pappa slår meg", audience=["youth"]), TUESDAY_2PM)
    text = messages[0]["text"]
    assert text.index("112") < text.index("116 111") < text.index("Kors på halsen")
    assert "tlf. 116 111 (åpent nå, hele døgnet) · chat https://www.116111.no (stengt nå – åpner i dag kl. 16.15)" in text
    assert "alle henvendelser registreres, og de kan melde til barnevernet eller politiet" in text
    assert "opplysning fra mars 2024" in text
    assert slots["services_shown"][:3] == ["politi", "alarmtelefonen", "kors_pa_halsen"]


def test_an_adult_unsafe_at_home_gets_112_and_dinutvei_in_nynorsk():
    messages, slots = run_tracker(_asked("unsafe_at_home", "han slår meg", malform="nn"), TUESDAY_2PM)
    text = messages[0]["text"]
    assert "tlf. 112 (ope no, heile døgeret)" in text and "https://dinutvei.no" in text
    assert "Alarmtelefonen" not in text
    assert "Politiet må vite kvar du er" in text  # the reason, in nynorsk


def test_drug_checking_is_not_said_to_be_closed():
    messages, _ = run_tracker(_asked("ask_drug_checking", "kan jeg teste pillene"), TUESDAY_2PM)
    text = messages[0]["text"]
    assert "Rusmiddelanalyse" in text and "svarer akkurat nå" not in text


def test_the_overdose_list_puts_113_first():
    messages, _ = run_tracker(_asked("emergency_overdose", "han puster ikke"), SUNDAY_NIGHT)
    text = messages[0]["text"]
    assert text.index("113") < text.index("Giftinformasjonen")
    assert "Samtalene tas opp og journalføres" in text
