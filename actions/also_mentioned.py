"""action_also_mentioned: after the answer to the main worry, offer the other
worries the message named as buttons ("Du nevnte også førerkortet – vil du
vite mer om det?", in English "You also mentioned your driving licence –
would you like to know more about that?"). The worries come from
bot/nlu/cues.py as `worry` entities.
"""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.languages import answer_form
from bot.topics import LABELS, payload

# "Du nevnte også …": each worry as it reads inside that sentence.
NAMED = {
    "nb": {"fear_driving_licence": "førerkortet", "fear_child_welfare": "barnevernet",
           "fear_police": "politiet", "fear_employer": "jobben", "ask_confidentiality": "taushetsplikten",
           "ask_treatment": "behandling", "gambling_problem": "pengespill",
           "unsafe_at_home": "vold eller trusler hjemme"},
    "nn": {"fear_driving_licence": "førarkortet", "fear_child_welfare": "barnevernet",
           "fear_police": "politiet", "fear_employer": "jobben", "ask_confidentiality": "teieplikta",
           "ask_treatment": "behandling", "gambling_problem": "pengespel",
           "unsafe_at_home": "vald eller truslar heime"},
    "en": {"fear_driving_licence": "your driving licence", "fear_child_welfare": "barnevernet (child welfare)",
           "fear_police": "the police", "fear_employer": "your job",
           "ask_confidentiality": "the duty of confidentiality", "ask_treatment": "treatment",
           "gambling_problem": "gambling", "unsafe_at_home": "violence or threats at home"},
}
SENTENCE = {
    "nb": "Du nevnte også {worries} – vil du vite mer om det?",
    "nn": "Du nemnde også {worries} – vil du vite meir om det?",
    "en": "You also mentioned {worries} – would you like to know more about that?",
}
AND = {"nb": "og", "nn": "og", "en": "and"}


def _join(words: List[str], form: str) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} {AND[form]} {words[-1]}"


class ActionAlsoMentioned(Action):
    def name(self) -> Text:
        return "action_also_mentioned"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict]:
        form = answer_form(tracker.get_slot("language"))
        worries = [w for w in dict.fromkeys(tracker.get_latest_entity_values("worry")) if w in NAMED[form]]
        if worries:
            dispatcher.utter_message(
                text=SENTENCE[form].format(worries=_join([NAMED[form][w] for w in worries], form)),
                buttons=[{"title": LABELS[w][form], "payload": payload(w)} for w in worries],
            )
        return []
