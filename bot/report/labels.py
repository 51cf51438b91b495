"""What an operator reads for each intent: Norwegian names, not internal ones.
The topics use the same words as the chat's own buttons (bot/topics.py); the
small-talk intents get names of their own here."""

from __future__ import annotations

from typing import Dict, Tuple

from bot.topics import LABELS

# Where the operator's word differs from the button a person sees.
OPERATOR_WORDS: Dict[str, str] = {
    "ask_privacy": "Personvern i chatten",
    "ask_anonymous_services": "Hjelp uten navn",
    "seek_help_self": "Hjelp for seg selv",
    "worried_about_other": "Bekymret for en annen",
    "out_of_scope": "Utenfor det chatten kan",
}
CONVERSATION: Dict[str, str] = {
    "greet": "Hilsen",
    "goodbye": "Ha det",
    "thank": "Takk",
    "affirm": "Ja",
    "deny": "Nei",
    "bot_challenge": "Er dette en robot?",
    "ask_capabilities": "Hva kan chatten?",
    "feedback_positive": "Tilbakemelding: det hjalp",
    "feedback_negative": "Tilbakemelding: det hjalp ikke",
}
# The topics people come with: ranked in the summary. Small talk is not a topic.
TOPICS: Tuple[str, ...] = tuple(LABELS) + ("out_of_scope",)


def intent_label(intent: str) -> str:
    if intent in OPERATOR_WORDS:
        return OPERATOR_WORDS[intent]
    if intent in LABELS:
        return LABELS[intent]["nb"]
    return CONVERSATION.get(intent, intent)
