"""The shared shape of our rule-based extractors (målform, who is asking,
follow-ups and other worries): each reads the person's own words and adds
entities that cover the whole message. Button payloads ("/affirm{…}") are not
the person's words and are skipped."""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message


def whole_message_entity(name: Text, value: Text, text: Text, extractor: Text) -> Dict[Text, Any]:
    return {"entity": name, "value": value, "start": 0, "end": len(text),
            "confidence_entity": 1.0, "extractor": extractor}


def add_entities(message: Message, found: List[Dict[Text, Any]]) -> None:
    if found:
        message.set(ENTITIES, message.get(ENTITIES, []) + found, add_to_output=True)


class WordsExtractor(GraphComponent, EntityExtractorMixin):
    """Subclasses say which (entity, value) pairs a typed message holds."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {}

    @classmethod
    def create(
        cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
        execution_context: ExecutionContext,
    ) -> "WordsExtractor":
        return cls()

    def read(self, text: Text, message: Message) -> List[tuple]:
        raise NotImplementedError

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            if text.startswith("/"):  # a button payload, not the person's words
                continue
            add_entities(message, [whole_message_entity(name, value, text, type(self).__name__)
                                   for name, value in self.read(text, message)])
        return messages
