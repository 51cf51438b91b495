"""Who is asking, from the person's own words: a young person ("jeg er 15",
"16 år", "(gutt 17)", "går i tiende") or a relative ("sønnen min", "mamma",
"kjæresten min"). Adds the entity `audience` (youth / relatives), which fills
the slot of the same name, so the youth rules and the relatives' services
follow without a button. No entity when the words don't tell.
"""

from __future__ import annotations

import re
from typing import List, Set, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.normalize import fold
from bot.nlu.words import WordsExtractor

ENTITY = "audience"
_I = r"(?:jeg|jg|eg|e|ae|je|i)"
_AGE = r"(?:1[0-7]|[89])"  # under 18
# Someone else's age: "sønnen min på 16", "broren min (17)" is not the writer's.
_OTHER = (r"(?:sonn?en|sonnen|dattera|datteren|dotter|dottera|barnet|ungen|gutten|jenta|broren|bror|"
          r"sosteren|syster|systera|lillebror|lillesoster|venn|vennen|venninna|venninnen|kompis|kompisen|"
          r"kjaeresten|eldste|yngste|nevo|niesa|nevoen)")
YOUTH = [
    re.compile(rf"\b{_I}\s+(?:er|e|ae|har blitt|fyller)\s+(?:bare\s+|snart\s+|nettopp\s+)?{_AGE}\b"),
    re.compile(rf"^(?:hei\s+)?(?:gutt|jente|g|j|k|m)\s*{_AGE}\b|\b(?:gutt|jente)\s+{_AGE}\b$|\b(?:gutt|jente)\s+{_AGE}\s*$"),
    re.compile(rf"\b{_I}\s+(?:er|e)\s+under\s+(?:18|atten)\b|\bgar pa ungdomsskolen\b|\b(?:gar|gaar) i (?:8|9|10|attende|niende|tiende)\b"),
    re.compile(r"\bforeldrene mine\b|\bforeldra mine\b|\bmamma og pappa\b.{0,30}\b(?:far vite|faar vite|finner ut|oppdager)\b"),
]
# "16 år" is the writer's age unless it is a duration ("i 10 år", "for 15 år
# siden") or someone else's ("sønnen min på 16 år").
AGE_YEARS = re.compile(rf"\b{_AGE}\s+(?:ar|aar)\b(?!\s+(?:siden|sida|til|fram))")
NOT_MINE = re.compile(rf"(?:\b{_OTHER}\b.{{0,20}}|\b(?:i|for|pa|pa over|over|etter|pa snart|med)\s+)$")
RELATIVES = re.compile(
    r"\b(?:sonnen|sonen|dattera|datteren|dottera|barnet|ungen|gutten|jenta|"
    # "lillebroren", "storesøstera", "bestevenninna", "veslebror min"
    r"(?:lille|store|vesle|beste|halv)?(?:broren|bror|sosteren|soster|systera|syster|venninna|venninnen|vennen|"
    r"kompisen|kameraten)|"
    r"kjaeresten|samboeren|sambuaren|mannen|kona|kona mi|partneren|"
    r"mora|moren|faren|foreldrene|foreldra|stefaren|stemora)\s+(?:min|mi|mitt|mine|vaar|var)\b"
    r"|\b(?:en|ein|ei)\s+(?:god\s+|naer\s+)?(?:venn|ven|venninne|kompis|kamerat)\s+(?:av|til)\s+(?:meg|mae)\b"
    # A parent is the one it is about only when the message says what they do
    # ("mamma drikker"); "får mamma vite det?" is a young person asking.
    r"|\b(?:mamma|pappa|mor mi|far min)\b.{0,25}\b(?:drikker|drikk|ruser|rusar|bruker|brukar|roker|royker|royk|"
    r"tar piller|spiller|spelar|er full|er rusa|er alkoholiker|er avhengig|har et rusproblem|har eit rusproblem)"
    r"|\bparorende\b|\bparorande\b"
)


def detect(text: str) -> Set[str]:
    folded = fold(text)
    found = set()
    own_age = any(not NOT_MINE.search(folded[: m.start()]) for m in AGE_YEARS.finditer(folded))
    if own_age or any(p.search(folded) for p in YOUTH):
        found.add("youth")
    if RELATIVES.search(folded):
        found.add("relatives")
    return found


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False)
class AudienceDetector(WordsExtractor):
    def read(self, text: Text, message: Message) -> List[tuple]:
        return [(ENTITY, who) for who in sorted(detect(text))]
