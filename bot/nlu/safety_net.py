"""A pipeline component that tells danger now from a mention of danger, so
that suicidal crisis and acute overdose are always answered and a question
that only mentions them is still answered.

It sits after the intent classifier and before FallbackClassifier:
- danger now (the lexicon in a present clause, or the classifier sure of a
  safety intent): the safety intent with confidence 1.0, so the fallback
  cannot hide it, and the crisis or overdose answer takes over;
- a mention (the lexicon only in clauses about the past, someone else or the
  rules) or an unsure safety guess: the best other intent and the entity
  `safety_line`, so the dialogue puts one line with the emergency numbers
  before the answer to what was asked (data/rules/variants.yml).
Because it is part of the trained model, every channel and `rasa shell` get it.
"""

from __future__ import annotations

import re
from typing import Any, Dict, List, Optional, Text, Tuple

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.normalize import fold
from bot.nlu.safety_lexicon import CRISIS, MENTION, OVERDOSE, OVERDOSE_AS_PLAN, PRESENT_TURN
from bot.nlu.words import add_entities, whole_message_entity

CRISIS_INTENT = "crisis_suicidal"
OVERDOSE_INTENT = "emergency_overdose"
SAFETY_INTENTS = (CRISIS_INTENT, OVERDOSE_INTENT)
# Marks a forced prediction in the parse result, for evaluation and debugging.
FORCED_KEY = "safety_net"
# The entity that asks the dialogue for the safety line before the answer
# (slot `safety_line`, data/rules/variants.yml).
SAFETY_LINE_ENTITY = "safety_line"
# Below this, a safety intent from the classifier alone (no lexicon hit) is a
# guess: the safety line and the best other answer, not the takeover. The dev
# set could not tell thresholds apart; why 0.8: docs/nlu-pipeline.md.
UNSURE_BELOW = 0.8
# A safety intent second in the ranking with at least this much: a guess too,
# so the safety line goes before the answer.
SECOND_GUESS = 0.15
CLAUSE = re.compile(r"[.!?,;:\n]+")


def detect(text: str) -> Optional[str]:
    """The safety intent the text expresses, or None.

    When both match ("tok alle pillene, vil dø"), the overdose answer wins:
    it starts with 113 and first aid, which an ongoing poisoning needs first,
    and the crisis lines follow it. Only a plan ("vil ta en overdose") is the
    crisis answer.
    """
    folded = fold(text)
    if OVERDOSE_AS_PLAN.search(folded):
        return CRISIS_INTENT
    if any(p.search(folded) for p in OVERDOSE):
        return OVERDOSE_INTENT
    if any(p.search(folded) for p in CRISIS):
        return CRISIS_INTENT
    return None


def read(text: str) -> Tuple[Optional[str], bool]:
    """(danger now, mention): the safety intent the present clauses express,
    and whether the lexicon sees danger only in clauses that tell of the past,
    of someone else's history, or ask about the rules ("broren min havnet på
    sykehus etter en overdose i vår …", "blir man anmeldt hvis man ringer
    113?"). "… i fjor, og nå vil jeg dø" splits at "nå": danger now."""
    clauses = [c for part in CLAUSE.split(text) for c in PRESENT_TURN.split(fold(part)) if c.strip()]
    now = detect(" . ".join(c for c in clauses if not MENTION.search(c)))
    return now, now is None and detect(text) is not None


def _best_other(message: Message) -> Optional[Dict[Text, Any]]:
    ranking = message.get(INTENT_RANKING_KEY) or []
    return next((r for r in ranking if r.get("name") not in SAFETY_INTENTS), None)


def _safety_second(message: Message) -> bool:
    ranking = message.get(INTENT_RANKING_KEY) or []
    return len(ranking) > 1 and ranking[1].get("name") in SAFETY_INTENTS and ranking[1].get("confidence", 0.0) >= SECOND_GUESS


def _add_safety_line(message: Message, reason: Text) -> Optional[str]:
    """Answer the question asked, with one safety line before it: the best
    intent that is not a safety intent, and the entity `safety_line`."""
    other = _best_other(message)
    if other is None:
        return None
    message.set(INTENT, other, add_to_output=True)
    ranking = message.get(INTENT_RANKING_KEY) or []
    message.set(INTENT_RANKING_KEY, [other] + [r for r in ranking if r is not other], add_to_output=True)
    add_entities(message, [whole_message_entity(SAFETY_LINE_ENTITY, "yes", message.get(TEXT) or "", "SafetyNet")])
    message.set(FORCED_KEY, {"safety_line": reason}, add_to_output=True)
    return SAFETY_LINE_ENTITY


def _no_safety_line(message: Message) -> None:
    """Say "no" on every other typed message, so the slot never carries an
    earlier message's line into this turn."""
    add_entities(message, [whole_message_entity(SAFETY_LINE_ENTITY, "no", message.get(TEXT) or "", "SafetyNet")])


def apply(message: Message, unsure_below: float = UNSURE_BELOW) -> Optional[str]:
    """Decide between the safety answer (takeover), a safety line before the
    answer to the question asked, and nothing. Returns the forced intent,
    "safety_line", or None.

    - The lexicon sees present danger, or the classifier is sure of a safety
      intent: the safety answer. Pills taken and a wish to die: the overdose
      answer first (facts.md).
    - The lexicon sees danger only in a mention, or the classifier guesses a
      safety intent without confidence: the safety line and the best other
      answer, so the emergency numbers are shown without taking over.
    """
    current = message.get(INTENT) or {}
    predicted = current.get("name")
    confidence = current.get("confidence", 0.0)
    text = message.get(TEXT) or ""
    lexicon, mention = read(text)
    if mention:
        return _add_safety_line(message, "mention") or _force(message, detect(text), current)
    if predicted == CRISIS_INTENT and lexicon == OVERDOSE_INTENT:
        return _force(message, OVERDOSE_INTENT, current)
    if lexicon is not None and predicted not in SAFETY_INTENTS:
        return _force(message, lexicon, current)
    if predicted not in SAFETY_INTENTS and _safety_second(message):
        return _add_safety_line(message, "second guess")
    if predicted in SAFETY_INTENTS:
        if lexicon is None and confidence < unsure_below:
            return _add_safety_line(message, "unsure") or _force(message, predicted, current)
        if confidence >= 1.0:
            return None
        # Sure enough, or the lexicon agrees: certain, so the fallback can
        # never hide the emergency numbers.
        return _force(message, predicted, current)
    return None


def _force(message: Message, forced: Text, current: Dict[Text, Any]) -> Text:
    top = {"name": forced, "confidence": 1.0}
    ranking = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get("name") != forced]
    message.set(INTENT, top, add_to_output=True)
    message.set(INTENT_RANKING_KEY, [top] + ranking, add_to_output=True)
    message.set(
        FORCED_KEY, {"from": current.get("name"), "confidence": current.get("confidence")}, add_to_output=True
    )
    return forced


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False
)
class SafetyNet(GraphComponent, IntentClassifier):
    """Lexicon override for the two safety-critical intents."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {}

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "SafetyNet":
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            if apply(message) != SAFETY_LINE_ENTITY:
                _no_safety_line(message)
        return messages
