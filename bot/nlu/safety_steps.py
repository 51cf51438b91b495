"""What a message says during an open crisis, overdose or unsafe-at-home
conversation: the step it asks about ("she is breathing", "I won't call",
"what do I do") and who it is about. One list of patterns per language, in
data/languages/<code>.yml under `steps:`, matched on the lower-cased message
and on the same without diacritics (multilingual_safety.variants).

Steps are checked in STEPS order and the first hit wins: "not breathing"
must never read as "breathing", and "I won't call, what do I do" is a refusal."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Dict, FrozenSet, Iterable, List, Optional, Pattern

from bot import languages, multilingual_domain
from bot.nlu.multilingual_safety import variants

SOURCE = languages.FILES
# The step a message asks about, most urgent first.
STEPS = ("not_breathing", "no_naloxone", "breathing", "refuse_call", "what_now",
         "plan", "alone", "dont_tell", "afraid", "thanks")
# Facts about the conversation rather than a step: who it is about.
FACTS = ("someone_else", "self_taken")
KINDS = STEPS + FACTS


@lru_cache(maxsize=4)
def patterns(folder: Path = SOURCE) -> Dict[str, Dict[str, List[Pattern]]]:
    """code → kind → compiled patterns. Read once, when first needed."""
    out: Dict[str, Dict[str, List[Pattern]]] = {}
    for code, data in multilingual_domain.load_languages(folder).items():
        steps = data.get("steps") or {}
        unknown = set(steps) - set(KINDS)
        if unknown:
            raise ValueError(f"{code}.yml: unknown steps {sorted(unknown)}")
        out[code] = {kind: [re.compile(p, re.IGNORECASE) for p in steps.get(kind) or []] for kind in KINDS}
    return out


def _codes(codes: Iterable[Optional[str]]) -> List[str]:
    seen: List[str] = []
    for code in codes:
        if code and code not in seen:
            seen.append(code)
    return seen


def _hits(kind: str, forms, codes: List[str]) -> bool:
    table = patterns()
    return any(p.search(form) for code in codes for p in table.get(code, {}).get(kind, []) for form in forms)


def step(text: str, codes: Iterable[Optional[str]]) -> Optional[str]:
    """The most urgent step the message asks about, in any of these languages."""
    forms = variants(text)
    order = _codes(codes)
    return next((kind for kind in STEPS if _hits(kind, forms, order)), None)


def facts(text: str, codes: Iterable[Optional[str]]) -> FrozenSet[str]:
    """Which FACTS the message states (someone_else, self_taken)."""
    forms = variants(text)
    order = _codes(codes)
    return frozenset(kind for kind in FACTS if _hits(kind, forms, order))
