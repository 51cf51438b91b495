"""Which languages the assistant answers in, and how a conversation's
`language` slot maps to the wording tables of our actions.

Norwegian (bokmål, nynorsk) and English are answered in full. Every other
language in data/languages/ gets the safety answers and a short honest reply
in its own words; actions, which such a conversation rarely reaches, answer
those in English (the reply told the person they may write English)."""

from __future__ import annotations

from functools import lru_cache
from typing import FrozenSet, Optional

from bot.settings import ROOT

NORWEGIAN = ("nb", "nn")
ANSWERED = NORWEGIAN + ("en",)
FILES = ROOT / "data" / "languages"


@lru_cache(maxsize=1)
def codes() -> FrozenSet[str]:
    """Every language we have texts for: one file per language in data/languages/."""
    return frozenset(path.stem for path in FILES.glob("*.yml"))


def answer_form(slot_value: Optional[str]) -> str:
    """nb, nn or en: the wording an action uses for this conversation."""
    if slot_value in ANSWERED:
        return slot_value
    return "en" if slot_value else "nb"
