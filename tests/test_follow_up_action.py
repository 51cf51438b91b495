"""action_follow_up with trackers from JSON fixtures (rasa-action-examples' harness)."""

import copy
import json

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.follow_up import ActionFollowUp
from bot.domain import load as load_domain

from helpers import FIXTURES

DOMAIN = load_domain()
LAR = json.loads((FIXTURES / "trackers" / "follow_up_lar.json").read_text())


def run(state):
    dispatcher = CollectingDispatcher()
    events = ActionFollowUp().run(dispatcher, Tracker.from_dict(state), DOMAIN)
    return dispatcher.messages, events


def test_a_follow_up_button_gets_its_answer():
    messages, events = run(LAR)
    assert [m["response"] for m in messages] == ["utter_followup_lar_drivers"]
    assert events == []


@pytest.mark.parametrize("value", ["../../etc", "Ola_Nordmann", "", None])
def test_a_forged_or_missing_key_gets_the_default_answer(value):
    state = copy.deepcopy(LAR)
    state["latest_message"]["entities"] = [] if value is None else [{"entity": "followup", "value": value}]
    messages, _ = run(state)
    assert [m["response"] for m in messages] == ["utter_default"]


def test_a_typed_psychologist_question_after_confidentiality_stays_on_confidentiality():
    state = copy.deepcopy(LAR)
    state["events"][0]["parse_data"]["intent"]["name"] = "ask_confidentiality"
    state["latest_message"]["entities"] = [{"entity": "followup", "value": "treatment_duty"}]
    state["events"][1]["parse_data"]["entities"] = state["latest_message"]["entities"]
    messages, _ = run(state)
    assert [m["response"] for m in messages] == ["utter_confidentiality"]
