"""A dialogue policy that answers from the safety conversation's state
(bot/safety_state.py): it reads the session's messages and answers from the
tracker, and predicts the next action of the answer the state machine
chooses, or nothing (all zeros) so the rules and stories answer.

Every action it predicts is a plain response, so it works with the action
server down. Its priority (7) is above RulePolicy's (6): where both are sure,
the state machine wins. It keeps the `language` slot once a safety answer has
been given (a short "добре" after a Ukrainian crisis stays Ukrainian)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Dict, List, Optional, Text

from rasa.core.policies.policy import Policy, PolicyPrediction
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SlotSet, UserUttered
from rasa.shared.core.generator import TrackerWithCachedStates
from rasa.shared.core.trackers import DialogueStateTracker

from bot import rule_variants, safety_state
from bot.safety_state import Turn

# Rasa's own bookkeeping actions are not part of an answer.
_NOT_ANSWERS = {ACTION_LISTEN_NAME, "action_session_start", "action_extract_slots", "action_unlikely_intent"}


@lru_cache(maxsize=1)
def usual_answers() -> Dict[str, List[str]]:
    """intent → its usual answer, read once from the plain rules."""
    return rule_variants.usual_answers()


def turns(tracker: DialogueStateTracker) -> List[Turn]:
    """The session's messages, each with the language it was answered in and
    the actions that answered it. The last one is being answered now."""
    found: List[dict] = []
    language = None
    for event in tracker.applied_events():
        if isinstance(event, SlotSet) and event.key == "language":
            language = event.value
        elif isinstance(event, UserUttered):
            entities: Dict[str, tuple] = {}
            for entity in event.entities or []:
                entities[entity["entity"]] = entities.get(entity["entity"], ()) + (str(entity.get("value")),)
            found.append({"intent": event.intent_name, "text": event.text or "", "entities": entities,
                          "language": None, "actions": ()})
        elif isinstance(event, ActionExecuted) and found and event.action_name not in _NOT_ANSWERS:
            if not found[-1]["actions"]:
                found[-1]["language"] = language
            found[-1]["actions"] += (event.action_name,)
    if found and not found[-1]["actions"]:
        found[-1]["language"] = tracker.get_slot("language")
    return [Turn(**turn) for turn in found]


def next_action(all_turns: List[Turn], answers: Dict[str, List[str]]) -> tuple:
    """(action or None, language to keep or None) for the last turn."""
    if not all_turns:
        return None, None
    *past, current = all_turns
    state = safety_state.fold(past)
    keep = safety_state.kept_language(state, current)
    answer = safety_state.plan(state, current, answers)
    if answer is None:
        return None, keep
    done = list(current.actions)
    if done == answer[: len(done)]:
        return (answer[len(done)] if len(done) < len(answer) else ACTION_LISTEN_NAME), keep
    return None, keep  # something else answered this turn: leave it be


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=False)
class SafetyPolicy(Policy):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"priority": 7}

    def train(self, training_trackers: List[TrackerWithCachedStates], domain: Domain, **kwargs: Any) -> Resource:
        return self._resource

    def predict_action_probabilities(
        self,
        tracker: DialogueStateTracker,
        domain: Domain,
        rule_only_data: Optional[Dict[Text, Any]] = None,
        **kwargs: Any,
    ) -> PolicyPrediction:
        action, keep = next_action(turns(tracker), usual_answers())
        probabilities = self._default_predictions(domain)
        if action is not None and action in domain.action_names_or_texts:
            probabilities[domain.index_for_action(action)] = 1.0
        events = [SlotSet("language", keep)] if keep and tracker.get_slot("language") != keep else []
        return self._prediction(probabilities, events=events)
