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
    tracker = Tracker.from_dict(json.loads((FIXTURES / fixture).read_text()))
    dispatcher = CollectingDispatcher()
    action = ActionOfferServices()
    action.clock = lambda: when
    events = action.run(dispatcher, tracker, {})
    return dispatcher.messages, {e["name"]: e["value"] for e in events if e["event"] == "slot"}


def test_yes_after_a_fear_topic_shows_services_for_that_topic():
    messages, slots = run("fear_police_then_yes.json")
    text = messages[0]["text"]
    assert text.index("RUSinfo") < text.index("Gatejuristen")  # anonymous first
    assert "sist kontrollert 24.11.2026" in text
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
    assert messages[1]["response"] == "utter_youth_confidentiality"
    assert "Jeg er under 18" not in [b["title"] for b in messages[0]["buttons"]]


@pytest.mark.parametrize("fixture", ["fear_police_then_yes.json", "show_more.json", "under_18.json"])
def test_never_more_than_three_services_before_the_24_7_lines(fixture):
    messages, _ = run(fixture)
    listed = topic_part(messages[0]["text"])
    assert listed.count("• ") <= 3
