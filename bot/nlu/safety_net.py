"""A pipeline component that makes sure suicidal crisis and acute overdose are
recognised even when the statistical classifier misses them.

It sits after the intent classifier and before FallbackClassifier. When the
message matches the safety lexicon but the classifier chose another intent,
or when the classifier chose a safety intent without confidence, the safety
intent is set with confidence 1.0, so the fallback cannot hide it.
Because it is part of the trained model, every channel and `rasa shell` get it.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.normalize import fold
from bot.nlu.safety_lexicon import CRISIS, OVERDOSE, OVERDOSE_AS_PLAN

CRISIS_INTENT = "crisis_suicidal"
OVERDOSE_INTENT = "emergency_overdose"
SAFETY_INTENTS = (CRISIS_INTENT, OVERDOSE_INTENT)
# Marks a forced prediction in the parse result, for evaluation and debugging.
FORCED_KEY = "safety_net"


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


def apply(message: Message) -> Optional[str]:
    """Force the safety intent on a parsed message when the classifier missed
    it, chose it without confidence, or chose crisis where the lexicon sees an
    overdose already taken; returns the forced intent or None."""
    current = message.get(INTENT) or {}
    predicted = current.get("name")
    lexicon = detect(message.get(TEXT) or "")
    if predicted == CRISIS_INTENT and lexicon == OVERDOSE_INTENT:
        # Pills taken and a wish to die: 113 and first aid first (facts.md).
        forced = OVERDOSE_INTENT
    elif predicted in SAFETY_INTENTS:
        if current.get("confidence", 0.0) >= 1.0:
            return None
        # The classifier's best guess is a safety intent but it is unsure:
        # keep it certain, so the fallback can never hide the emergency numbers.
        forced = predicted
    elif lexicon is not None:
        forced = lexicon
    else:
        return None
    top = {"name": forced, "confidence": 1.0}
    ranking = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get("name") != forced]
    message.set(INTENT, top, add_to_output=True)
    message.set(INTENT_RANKING_KEY, [top] + ranking, add_to_output=True)
    message.set(
        FORCED_KEY, {"from": predicted, "confidence": current.get("confidence")}, add_to_output=True
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
            apply(message)
        return messages
