"""The language of each answer the assistant sends, so the chat page can mark
it (`lang`, for screen readers) and send it back as the conversation's
language with the next message. Read from the domain's variations: a text
conditioned on `language: xx` is in xx, an unconditioned one is bokmål.
Answers our actions compose are not in the domain: they follow the language
the page sent with the message."""

from __future__ import annotations

from typing import Any, Dict, Iterable, List, Optional

from bot import domain, languages


def table(responses: Optional[Dict[str, List[Dict[str, Any]]]] = None) -> Dict[str, str]:
    """Answer text → language code. nb wins where nb and nn read the same."""
    out: Dict[str, str] = {}
    for variants in (responses if responses is not None else domain.load()["responses"]).values():
        for variant in variants:
            code = next((c["value"] for c in variant.get("condition", []) if c.get("name") == "language"), "nb")
            text = variant.get("text")
            if text and (text not in out or code == "nb"):
                out[text] = code
    return out


def page_language(metadata: Any) -> Optional[str]:
    value = metadata.get("lang") if isinstance(metadata, dict) else None
    return value if value in languages.codes() else None  # the page may send only these


def mark(messages: Iterable[Dict[str, Any]], languages: Dict[str, str], fallback: Optional[str]) -> List[Dict[str, Any]]:
    """Rasa's answers with `lang` added where it is known."""
    out = []
    for message in messages:
        message = dict(message)
        code = languages.get(message.get("text", "")) or fallback
        if code:
            message["lang"] = code
        out.append(message)
    return out
