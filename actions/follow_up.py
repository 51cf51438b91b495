"""action_follow_up: the follow-up answer a button or a typed follow-up asked for.

A button under a topic answer sends `/affirm{"followup":"<key>"}`, and a short
message that leans on the last answer ("og hvis jeg går på LAR?") gets the
same entity from bot/nlu/cues.py; this action gives the response
`utter_followup_<key>` from domain/follow_ups.yml,
rendered by Rasa in the conversation's language (its conditional variations
on the `language` slot: nb, nn, en). This action has no text of its own to
translate. Keys come only from the domain, so a forged payload gets the
ordinary "not sure I understood" answer.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

PREFIX = "utter_followup_"


# A typed cue that means something else after another topic: "gjelder det
# psykolog også?" after the confidentiality answer asks about confidentiality.
IN_CONTEXT = {("treatment_duty", "ask_confidentiality"): "utter_confidentiality"}
NOT_TOPICS = {"affirm", "deny", "nlu_fallback", "greet", "thank"}


def response_for(key: Optional[Text], domain: Dict[Text, Any], previous_topic: Optional[Text] = None) -> Text:
    """The response that answers follow-up `key` after `previous_topic`, or the default answer."""
    if (key, previous_topic) in IN_CONTEXT:
        return IN_CONTEXT[(key, previous_topic)]
    name = f"{PREFIX}{key}"
    return name if key and name in (domain.get("responses") or {}) else "utter_default"


def previous_topic(tracker: Tracker) -> Optional[Text]:
    """The topic of the person's message before this one."""
    users = [e for e in tracker.events if e.get("event") == "user"]
    for event in reversed(users[:-1]):
        name = ((event.get("parse_data") or {}).get("intent") or {}).get("name")
        if name and name not in NOT_TOPICS:
            return name
    return None


class ActionFollowUp(Action):
    def name(self) -> Text:
        return "action_follow_up"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict]:
        key = next(tracker.get_latest_entity_values("followup"), None)
        dispatcher.utter_message(response=response_for(key, domain, previous_topic(tracker)))
        return []
