"""action_follow_up: the follow-up answer a button asked for.

A button under a topic answer sends `/affirm{"followup":"<key>"}`; this
action gives the response `utter_followup_<key>` from domain/follow_ups.yml,
rendered by Rasa in the person's målform. Keys come only from the domain, so
a forged payload gets the ordinary "not sure I understood" answer.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

PREFIX = "utter_followup_"


def response_for(key: Optional[Text], domain: Dict[Text, Any]) -> Text:
    """The response that answers follow-up `key`, or the default answer."""
    name = f"{PREFIX}{key}"
    return name if key and name in (domain.get("responses") or {}) else "utter_default"


class ActionFollowUp(Action):
    def name(self) -> Text:
        return "action_follow_up"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict]:
        key = next(tracker.get_latest_entity_values("followup"), None)
        dispatcher.utter_message(response=response_for(key, domain))
        return []
