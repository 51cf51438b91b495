"""Tell nynorsk from bokmål by the person's own words, so that the core
answers come back in their målform. Adds an entity `malform` (nb or nn)
that fills the slot of the same name; no entity when the words don't tell.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.normalize import fold

ENTITY = "malform"
# Folded words that belong to one written standard and not the other.
NYNORSK = {
    "eg", "ikkje", "ikkj", "kva", "korleis", "kven", "kvifor", "korfor", "noko", "nokon", "nokre",
    "berre", "meir", "heile", "kjem", "vere", "ho", "sjolv", "eit", "mykje", "difor", "dykk",
    "dei", "tenkjer", "seier", "gjere", "byrjar", "hoyrer", "treng", "veit", "vert", "mogleg",
    "leva", "medisinar", "pustar", "vaknar", "svarar", "fortelje", "forteljer", "arbeidsgjevar",
    "arbeidsgjevaren", "sjukepleiar", "helsesjukepleiar", "sjolvmord",
}
BOKMAL = {
    "jeg", "ikke", "hva", "hvordan", "hvem", "hvorfor", "noe", "noen", "bare", "mer", "hele",
    "kommer", "vaere", "hun", "selv", "et", "mye", "derfor", "dere", "tenker", "sier", "gjore",
    "begynner", "horer", "trenger", "vet", "hvis", "hvor", "puster", "vakner", "svarer",
    "arbeidsgiver", "arbeidsgiveren", "sykepleier", "helsesykepleier",
}


def detect(text: str) -> Optional[str]:
    words = fold(text).split()
    nn = sum(w in NYNORSK for w in words)
    nb = sum(w in BOKMAL for w in words)
    if nn > nb:
        return "nn"
    if nb > nn:
        return "nb"
    return None


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False)
class MalformDetector(GraphComponent, EntityExtractorMixin):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {}

    @classmethod
    def create(
        cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
        execution_context: ExecutionContext,
    ) -> "MalformDetector":
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            if text.startswith("/"):  # a button payload, not the person's words
                continue
            form = detect(text)
            if form is None:
                continue
            entity = {"entity": ENTITY, "value": form, "start": 0, "end": len(text),
                      "confidence_entity": 1.0, "extractor": "MalformDetector"}
            message.set(ENTITIES, message.get(ENTITIES, []) + [entity], add_to_output=True)
        return messages
