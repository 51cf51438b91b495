"""action_ask_back: when the assistant is unsure what a message is about, it
offers the likeliest topics as buttons ("Mente du …?") instead of a wrong
answer or a bare "I didn't understand".

It reads the intent ranking the classifier gave before FallbackClassifier
turned the message into nlu_fallback. Greetings, yes/no, feedback and the
safety intents are never offered: the safety net answers danger itself.
"""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.languages import answer_form
from bot.topics import LABELS, payload

MAX_CHOICES = 3
# Below this, a topic is too unlikely to offer.
MIN_CONFIDENCE = 0.05
NOT_OFFERED = {"crisis_suicidal", "emergency_overdose"}
QUESTION = {
    "nb": "Jeg er ikke sikker på at jeg forsto deg. Mente du noe av dette? Du kan også skrive det på en annen måte. Er det akutt, ring 113.",
    "nn": "Eg er ikkje sikker på at eg forstod deg. Meinte du noko av dette? Du kan også skrive det på ein annan måte. Er det akutt, ring 113.",
    "en": "I'm not sure I understood you. Did you mean one of these? You can also put it another way. If it is urgent, call 113.",
}


def choices(ranking: List[Dict[Text, Any]]) -> List[Text]:
    """The likeliest topics worth offering, best first. None when the best
    guess is that the message is about nothing we answer (gibberish, the
    weather): then the default answer, which says what this chat does."""
    guesses = [r for r in ranking if r.get("name") != "nlu_fallback"]
    if guesses and guesses[0].get("name") == "out_of_scope":
        return []
    offered = [r["name"] for r in ranking
               if r.get("name") in LABELS and r["name"] not in NOT_OFFERED
               and r.get("confidence", 0.0) >= MIN_CONFIDENCE]
    return offered[:MAX_CHOICES]


class ActionAskBack(Action):
    def name(self) -> Text:
        return "action_ask_back"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict]:
        topics = choices(tracker.latest_message.get("intent_ranking") or [])
        if not topics:
            dispatcher.utter_message(response="utter_default")
            return []
        form = answer_form(tracker.get_slot("language"))
        buttons = [{"title": LABELS[t][form], "payload": payload(t)} for t in topics]
        dispatcher.utter_message(text=QUESTION[form], buttons=buttons)
        return []
