"""Answers only what was understood, in the language it was written in.

After the classifier and the Norwegian safety net, before the fallback:
- a message in a language we do not answer in full (data/languages/ has its
  safety texts) gets the crisis or overdose intent when that language's
  patterns see danger, and otherwise `out_of_scope`, whose answer in that
  language is the honest reply (what this chat does, the emergency numbers,
  "write in English"). Never a Norwegian topic answer guessed from words the
  classifier never learned.
- A message in Latin letters that the identifier could not place (Arabizi,
  Roman Urdu, Finglish) but that another language's patterns see danger in
  gets the safety answer in that language.
- English: the English patterns back up the classifier, as the Norwegian
  lexicon does for Norwegian, and an overdose they see beats a crisis verdict.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import ENTITIES, INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.languages import ANSWERED, NORWEGIAN
from bot.nlu import language, multilingual_safety
from bot.nlu.normalize import fold
from bot.nlu import safety_net
from bot.nlu.safety_net import SAFETY_INTENTS, _force
from bot.nlu.words import whole_message_entity

OUT_OF_SCOPE = "out_of_scope"
# Norwegian's neighbours: the Norwegian safety lexicon reads them well enough
# that its takeover is kept.
SCANDINAVIAN = {"sv", "da"}


def _language(message: Message) -> Optional[str]:
    return next((e["value"] for e in message.get(ENTITIES) or [] if e.get("entity") == language.ENTITY), None)


def _set_language(message: Message, code: str) -> None:
    entities = [e for e in message.get(ENTITIES) or [] if e.get("entity") != language.ENTITY]
    entities.append(whole_message_entity(language.ENTITY, code, message.get(TEXT) or "", "LanguageGate"))
    message.set(ENTITIES, entities, add_to_output=True)


def _reads_scandinavian(text: str) -> bool:
    ranked = language.confidences(text)
    return bool(ranked) and ranked[0][0] in SCANDINAVIAN


def _safety_line(message: Message) -> bool:
    """The Norwegian safety net already saw danger mentioned (not now)."""
    return any(e.get("entity") == "safety_line" and e.get("value") == "yes" for e in message.get(ENTITIES) or [])


def apply(message: Message) -> Optional[str]:
    """The intent forced on the message, or None."""
    text = message.get(TEXT) or ""
    if not text or text.startswith("/"):
        return None
    code = _language(message)
    intent = (message.get(INTENT) or {}).get("name")
    if code in ANSWERED or code is None:
        if intent in SAFETY_INTENTS:
            # "I took 30 pills and I want to die": the overdose answer comes first, as in
            # Norwegian (facts.md, Clarifications). The Norwegian safety net decides for nb/nn.
            hit = multilingual_safety.match(text, ["en"]) if code == "en" and intent != "emergency_overdose" else None
            if hit and hit[1] == "emergency_overdose":
                return _force(message, hit[1], message.get(INTENT) or {})
            return None
        if code == "en":
            hit = multilingual_safety.match(text, ["en"])
        else:
            norwegian_words = set(fold(text).split()) & language.NORWEGIAN_ONLY
            others = [c for c in multilingual_safety.lexicons() if c not in ANSWERED and c not in SCANDINAVIAN]
            hit = None if norwegian_words else multilingual_safety.match(text, others)
            if hit:
                _set_language(message, hit[0])
            elif not _safety_line(message) and _reads_scandinavian(text):
                # Danish or Swedish kept as Norwegian (it shares Norwegian's words): their
                # patterns catch what the Norwegian lexicon has no words for ("vil springe").
                hit = multilingual_safety.match(text, sorted(SCANDINAVIAN))
        return _force(message, hit[1], message.get(INTENT) or {}) if hit else None
    hit = multilingual_safety.match(text, [code]) or multilingual_safety.match(text)
    if hit:
        return _force(message, hit[1], message.get(INTENT) or {})
    if intent in SAFETY_INTENTS and code in SCANDINAVIAN and safety_net.read(text)[0]:
        return None  # the Norwegian lexicon reads Danish and Swedish danger too
    return _force(message, OUT_OF_SCOPE, message.get(INTENT) or {})


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class LanguageGate(GraphComponent, IntentClassifier):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {}

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "LanguageGate":
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            apply(message)
        return messages
