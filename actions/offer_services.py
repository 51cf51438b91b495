"""action_offer_services: the right places to ask, for this topic and this
person, open ones first, three at a time, with follow-up buttons.

Buttons send existing intents with an entity, so no new intent is needed:
`/affirm{"more":"yes"}` (vis flere), `/affirm{"audience":"relatives"}`,
`/affirm{"audience":"youth"}`.
"""

from __future__ import annotations

from typing import Any, Callable, Dict, List, Set, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.languages import answer_form
from bot.services import directory, opening, selection, wording

# Answers to a follow-up, not topics of their own.
FOLLOW_UPS = {"affirm", "deny", "nlu_fallback"}
DEFAULT_TOPIC = "ask_anonymous_services"
BUTTONS = {
    "nb": {"more": "Vis flere", "relatives": "Jeg er pårørende", "youth": "Jeg er under 18"},
    "nn": {"more": "Vis fleire", "relatives": "Eg er pårørande", "youth": "Eg er under 18"},
    "en": {"more": "Show more", "relatives": "I'm a relative or friend", "youth": "I'm under 18"},
}


def topic_of(tracker: Tracker) -> Text:
    """The last thing the person asked about: their latest intent that is not
    a yes, a no or a fallback (a button press keeps the topic it follows)."""
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            name = ((event.get("parse_data") or {}).get("intent") or {}).get("name")
            if name and name not in FOLLOW_UPS:
                return name
    latest = (tracker.latest_message.get("intent") or {}).get("name")
    return latest if latest and latest not in FOLLOW_UPS else DEFAULT_TOPIC


def audience_of(tracker: Tracker) -> Set[Text]:
    """Who is asking, from everything they said or pressed in this
    conversation ("jeg er 15", "sønnen min", a button), and the slot."""
    audience = set(tracker.get_slot("audience") or [])
    for event in tracker.events:
        if event.get("event") == "user":
            audience |= {e.get("value") for e in (event.get("parse_data") or {}).get("entities", [])
                         if e.get("entity") == "audience" and e.get("value") in ("relatives", "youth")}
    return audience


def _told(tracker: Tracker, response: Text) -> bool:
    return any((e.get("metadata") or {}).get("utter_action") == response or e.get("name") == response
               for e in tracker.events if e.get("event") in ("bot", "action"))


def _entities(tracker: Tracker) -> Dict[Text, Text]:
    return {e.get("entity"): e.get("value") for e in tracker.latest_message.get("entities", [])}


class ActionOfferServices(Action):
    # The clock is a class attribute so tests can fix the time.
    clock: Callable = staticmethod(opening.now_in_oslo)

    def name(self) -> Text:
        return "action_offer_services"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict]:
        entities = _entities(tracker)
        topic = topic_of(tracker)
        audience = audience_of(tracker)
        if topic == "worried_about_other":
            audience.add("relatives")
        offset = 0
        if entities.get("more"):
            offset = int(tracker.get_slot("services_offset") or 0) + selection.PAGE_SIZE
        form = answer_form(tracker.get_slot("language"))

        now = self.clock()
        page = selection.choose(
            directory.load(), topic,
            selection.asker(relative="relatives" in audience, youth="youth" in audience),
            now, offset=offset, people_only=topic == "talk_to_human",
        )
        labels = BUTTONS[form]
        buttons = []
        if page.has_more:
            buttons.append({"title": labels["more"], "payload": '/affirm{"more":"yes"}'})
        for who in ("relatives", "youth"):
            if who not in audience:
                buttons.append({"title": labels[who], "payload": f'/affirm{{"audience":"{who}"}}'})
        dispatcher.utter_message(text=wording.page_text(page, now, form, first_page=offset == 0), buttons=buttons)
        if "youth" in audience and not _told(tracker, "utter_followup_under_18"):
            dispatcher.utter_message(response="utter_followup_under_18")  # the 16-year rule, once
        return [
            SlotSet("audience", sorted(audience)),
            SlotSet("services_offset", float(offset)),
            # Read only by the statistics (bot.stats), which count each id once a conversation.
            SlotSet("services_shown", page.shown),
        ]
