"""action_ask_back: "Mente du …?" with the likeliest topics as buttons."""

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.ask_back import ActionAskBack


def run(ranking, language=None):
    tracker = Tracker.from_dict({
        "sender_id": "fixture", "slots": {"language": language}, "events": [], "paused": False,
        "followup_action": None, "active_loop": {}, "latest_action_name": "action_listen",
        "latest_message": {"text": "noe uklart", "intent": {"name": "nlu_fallback", "confidence": 0.3},
                           "intent_ranking": ranking, "entities": []},
    })
    dispatcher = CollectingDispatcher()
    ActionAskBack().run(dispatcher, tracker, {})
    return dispatcher.messages


def test_offers_the_likeliest_topics_as_buttons_in_order():
    messages = run([{"name": "nlu_fallback", "confidence": 0.3},
                    {"name": "fear_police", "confidence": 0.18}, {"name": "greet", "confidence": 0.15},
                    {"name": "fear_driving_licence", "confidence": 0.12}, {"name": "fear_employer", "confidence": 0.1},
                    {"name": "ask_treatment", "confidence": 0.09}])
    assert [b["payload"].split("{")[0] for b in messages[0]["buttons"]] == ["/fear_police", "/fear_driving_licence", "/fear_employer"]
    assert [b["title"] for b in messages[0]["buttons"]] == ["Politi og straff", "Førerkort", "Jobben"]
    assert "Mente du" in messages[0]["text"] and "113" in messages[0]["text"]


def test_never_offers_a_safety_answer_as_a_guess_and_speaks_nynorsk():
    messages = run([{"name": "crisis_suicidal", "confidence": 0.3}, {"name": "fear_police", "confidence": 0.2}], "nn")
    assert [b["payload"].split("{")[0] for b in messages[0]["buttons"]] == ["/fear_police"]
    assert messages[0]["text"].startswith("Eg er ikkje sikker")


def test_nothing_likely_enough_gets_the_plain_default_answer():
    messages = run([{"name": "nlu_fallback", "confidence": 1.0}, {"name": "greet", "confidence": 0.5}])
    assert [m["response"] for m in messages] == ["utter_default"]


def test_when_the_best_guess_is_out_of_scope_the_default_answer_says_what_the_chat_does():
    messages = run([{"name": "nlu_fallback", "confidence": 0.2}, {"name": "out_of_scope", "confidence": 0.19},
                    {"name": "fear_driving_licence", "confidence": 0.08}])
    assert [m.get("response") for m in messages] == ["utter_default"]
