"""Which languages the assistant answers in, and how a conversation's
`language` slot maps to the wording tables of our actions.

Norwegian (bokmål, nynorsk) and English are answered in full. Every other
language in data/languages/ gets the safety answers and a short honest reply
in its own words; actions, which such a conversation rarely reaches, answer
those in English (the reply told the person they may write English)."""

from __future__ import annotations

from typing import Optional

NORWEGIAN = ("nb", "nn")
ANSWERED = NORWEGIAN + ("en",)


def answer_form(slot_value: Optional[str]) -> str:
    """nb, nn or en: the wording an action uses for this conversation."""
    if slot_value in ANSWERED:
        return slot_value
    return "en" if slot_value else "nb"
