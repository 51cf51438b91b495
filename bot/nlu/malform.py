"""Tell nynorsk from bokmål by the person's own words, so that the core
answers come back in their målform. Adds an entity `malform` (nb or nn)
that fills the slot of the same name; no entity when the words don't tell.
"""

from __future__ import annotations

from typing import List, Optional, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.normalize import fold
from bot.nlu.words import WordsExtractor

ENTITY = "language"
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
class MalformDetector(WordsExtractor):
    def read(self, text: Text, message: Message) -> List[tuple]:
        form = detect(text)
        return [(ENTITY, form)] if form else []
