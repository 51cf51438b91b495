"""Suicidal crisis and acute overdose in the languages we do not answer in
full: one list of patterns per language, in data/languages/<code>.yml
(`safety: crisis: […], overdose: […]`), written for the project and tested
with native-like phrasings, everyday phrases that must not trigger included
(tests/languages/safety_phrases.yml). Norwegian has its own, richer lexicon
(safety_lexicon.py: danger now or a mention)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Pattern, Tuple

import yaml

from bot import languages

SOURCE = languages.FILES
KINDS = {"overdose": "emergency_overdose", "crisis": "crisis_suicidal"}
# Arabic-script marks people rarely type, and the letter forms they type either way.
_ARABIC_MARKS = re.compile(r"[\u064B-\u0652\u0670\u0640]")
_ARABIC_FORMS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه", "ک": "ك", "ی": "ي"})


def variants(text: str) -> Tuple[str, str]:
    """The message lower-cased, and the same without diacritics (ł→l too)."""
    lowered = unicodedata.normalize("NFC", text).lower()
    stripped = "".join(c for c in unicodedata.normalize("NFKD", lowered) if not unicodedata.combining(c))
    stripped = _ARABIC_MARKS.sub("", stripped.replace("ł", "l").replace("ß", "ss")).translate(_ARABIC_FORMS)
    return lowered, stripped


@lru_cache(maxsize=4)
def lexicons(folder: Path = SOURCE) -> Dict[str, Dict[str, List[Pattern]]]:
    """code → kind → compiled patterns. Read once, when first needed."""
    out: Dict[str, Dict[str, List[Pattern]]] = {}
    for path in sorted(folder.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        safety = data.get("safety") or {}
        if safety:
            out[data["code"]] = {kind: [re.compile(p, re.IGNORECASE) for p in safety.get(kind) or []]
                                 for kind in KINDS}
    return out


def match(text: str, codes: Optional[Iterable[str]] = None) -> Optional[Tuple[str, str]]:
    """(code, intent) of the first lexicon that sees danger in the text, or
    None. Overdose before crisis, as in Norwegian: 113 and first aid first."""
    forms = variants(text)
    table = lexicons()
    for code in (codes if codes is not None else table):
        for kind, intent in KINDS.items():
            for pattern in table.get(code, {}).get(kind, []):
                if any(pattern.search(form) for form in forms):
                    return code, intent
    return None
