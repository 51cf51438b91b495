"""Which language a message is written in, before anything is answered.

`identify(text)` gives nb, nn, en, a code from data/languages/ (pl, uk, ar,
ti, …), or None when the message does not tell ("ok", "ja", "hei", a number):
then the conversation keeps its language (the `language` slot keeps its last
value; it starts as nb).

The identifier is lingua (lingua-language-detector), restricted to the
languages we have texts for; docs/languages.md has the comparison behind the
choice and the thresholds. Norwegian is protected on purpose: a Norwegian
message taken for Danish or Swedish would get a reply in the wrong language
from a service that speaks Norwegian, so Danish and Swedish need a confident
identifier and none of Norwegian's own words."""

from __future__ import annotations

import re
import threading
import unicodedata
from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.training_data.message import Message

from bot import languages
from bot.nlu import malform
from bot.nlu.normalize import fold
from bot.nlu.words import WordsExtractor

ENTITY = "language"

# ISO 639-1 code → lingua's name; Tigrinya is not in lingua (script rule below).
LINGUA_NAMES: Dict[str, str] = {
    "nb": "BOKMAL", "nn": "NYNORSK", "en": "ENGLISH", "pl": "POLISH", "lt": "LITHUANIAN",
    "uk": "UKRAINIAN", "ru": "RUSSIAN", "ar": "ARABIC", "so": "SOMALI", "fa": "PERSIAN",
    "ur": "URDU", "tr": "TURKISH", "ro": "ROMANIAN", "sv": "SWEDISH", "da": "DANISH",
    "de": "GERMAN", "es": "SPANISH",
}
SCANDINAVIAN = {"sv", "da"}

# Below this many words a Latin-script message is too short to tell
# ("ok", "ja takk", "hei hei"): it follows the conversation.
MIN_WORDS = 3
# How sure lingua must be before a Latin-script message leaves Norwegian.
MIN_CONFIDENCE = 0.5
# …or this sure, when the message holds no Norwegian word at all.
MIN_CONFIDENCE_UNMARKED = 0.3
# Danish and Swedish are Norwegian's neighbours: stricter, measured in docs/languages.md.
MIN_CONFIDENCE_SCANDINAVIAN = 0.8
# Words Norwegians write and Danes and Swedes don't (folded): one is enough to stay Norwegian.
NORWEGIAN_ONLY = {fold(word) for word in (
    "ikkje", "eg", "kva", "korleis", "hva", "hvordan", "noe", "noen", "veldig", "mye", "bare",
    "ble", "blir", "kjæreste", "kjæresten", "lappen", "førerkort", "førerkortet", "barnevernet",
    "fastlegen", "fastlege", "hjelp", "redd", "sjølv", "gutt", "jente", "dokker", "ka", "åssen",
    "kordan", "dere", "deg", "meg", "viss", "sånn", "fordi", "sykehus", "sjukehus", "politiet",
    "legen", "piller", "pillene", "skjer", "hjelpe", "trenger", "treng", "hei", "heisann", "nei", "takk",
    "jada", "neida", "tusen",
)}
# Words (folded) only Swedes or Danes write, which let lingua's Swedish or
# Danish stand below the stricter confidence (when no Norwegian word is there).
SCANDINAVIAN_ONLY = {
    "sv": {fold(w) for w in ("jag", "inte", "och", "är", "vad", "hur", "någon", "något", "nåt", "mycket", "kompis",
                              "också", "läpparna", "andas", "själv", "hjälp", "sömntabletter", "ikväll", "inatt")},
    "da": {fold(w) for w in ("mig", "dig", "sig", "hvad", "lige", "noget", "meget", "hende", "hendes", "ihjel",
                              "vejret", "undskyld", "lidt", "rigtig", "hjælp", "kørekort", "springe", "læber", "mere", "af",
                              "grin")},
}
# English set phrases: English even when shorter than MIN_WORDS.
ENGLISH_SHORT = {
    "hello", "hi there", "hey there", "thank you", "thanks", "thank you so much", "yes please",
    "no thanks", "no thank you", "good morning", "good evening", "good night", "bye", "goodbye",
    "help me", "please help", "i need help", "can you help me", "who are you", "what can you do",
    "are you a bot", "are you human", "is this anonymous",
}

# English words no Norwegian word is spelled like (not "i", "to", "for", "have";
# "dos" is "does" after fold()): English with Norwegian institutions in it
# ("will barnevernet take my kids") reads as Norwegian to lingua.
ENGLISH_WORDS = {
    "the", "my", "will", "what", "does", "dos", "are", "can", "if", "has", "of", "and", "take", "you", "is",
    "your", "about", "how", "who", "when", "where", "why", "would", "should", "could", "am", "im",
    "dont", "it", "this", "that", "with", "from", "after", "get", "got", "need", "want", "help",
    "scared", "afraid", "report", "doctor", "doctors", "police", "lose", "job", "licence", "license",
    "drinking", "drugs", "she", "he", "they", "our", "his", "been", "was", "legal", "free", "allowed",
}
MIN_ENGLISH_WORDS = 2

_GEEZ = re.compile(r"[\u1200-\u137F]")
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]")
_LETTER_WORD = re.compile(r"[^\W\d_]{2,}", re.UNICODE)
_URL = re.compile(r"https?://\S+|www\.\S+")

_detector = None
_lock = threading.Lock()


def _lingua():
    """Built when the model loads (LanguageDetector.create) or on first use,
    never at import: about 430 MB and 6 s for the 17 languages."""
    global _detector
    with _lock:
        if _detector is None:
            from lingua import Language, LanguageDetectorBuilder

            languages = [getattr(Language, name) for name in LINGUA_NAMES.values()]
            _detector = LanguageDetectorBuilder.from_languages(*languages).build()
        return _detector


def _code(language) -> str:
    name = language.name
    return next(code for code, lingua_name in LINGUA_NAMES.items() if lingua_name == name)


def confidences(text: str) -> List[tuple]:
    """(code, confidence) best first, from lingua over our languages."""
    return [(_code(c.language), c.value) for c in _lingua().compute_language_confidence_values(text)]


def identify(text: Text) -> Optional[str]:
    text = _URL.sub(" ", unicodedata.normalize("NFC", text or ""))
    words = _LETTER_WORD.findall(text)
    if not words:
        return None
    if _GEEZ.search(text):
        return "ti"
    non_latin = bool(_CYRILLIC.search(text) or _ARABIC.search(text))
    folded = fold(text)
    if not non_latin:
        if folded in ENGLISH_SHORT or " ".join(w.lower() for w in words) in ENGLISH_SHORT:
            return "en"
        if len(words) < MIN_WORDS:
            return malform.detect(text)
        english = sum(w in ENGLISH_WORDS for w in folded.split())
        if english >= MIN_ENGLISH_WORDS and english >= 0.25 * len(words) and not malform.detect(text):
            return "en"
    ranked = confidences(text)
    if not ranked:
        return None
    code, confidence = ranked[0]
    if code in ("nb", "nn"):
        # Bokmål or nynorsk by the person's own words only: lingua's guess between the
        # two is weak on short messages ("mamma slår meg"), so without such words the
        # conversation keeps its written standard.
        return malform.detect(text)
    if non_latin:
        return code
    if set(folded.split()) & NORWEGIAN_ONLY and code in SCANDINAVIAN:
        return malform.detect(text)
    needed = MIN_CONFIDENCE_SCANDINAVIAN if code in SCANDINAVIAN else MIN_CONFIDENCE
    if confidence >= needed:
        return code
    if code in SCANDINAVIAN and set(folded.split()) & SCANDINAVIAN_ONLY[code]:
        return code
    # Unsure between languages: Norwegian words decide; with none at all, lingua's
    # guess is a better answer than Norwegian (docs/languages.md, thresholds).
    form = malform.detect(text)
    if form or code in SCANDINAVIAN or set(folded.split()) & NORWEGIAN_ONLY:
        return form
    return code if confidence >= MIN_CONFIDENCE_UNMARKED else None


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False)
class LanguageDetector(WordsExtractor):
    """Adds the entity `language`, which fills the slot of the same name: the
    answers' language (nb/nn/en) or the code whose safety texts are used."""

    @classmethod
    def create(
        cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
        execution_context: ExecutionContext,
    ) -> "LanguageDetector":
        # Build lingua's models when the model loads (about 6 s), not on the first person's message.
        _lingua()
        return cls()

    def read(self, text: Text, message: Message) -> List[tuple]:
        code = identify(text) or page_language(message)
        return [(ENTITY, code)] if code else []


def page_language(message: Message) -> Optional[str]:
    """The conversation's language as the chat page knows it (the language of
    the last answer, or the person's Norsk/English choice), sent as message
    metadata; for messages too short to tell."""
    value = (message.get("metadata") or {}).get("lang")
    return value if isinstance(value, str) and value in languages.codes() else None
