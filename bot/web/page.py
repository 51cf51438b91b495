"""The chat page, filled in once at start: the emergency line comes from the
services directory (a number lives there and nowhere else), so it shows even
when the assistant cannot answer."""

from __future__ import annotations

import html
from pathlib import Path
from string import Template
from typing import Optional

from bot.services import directory
from bot.settings import Settings

TEMPLATE = Path(__file__).parent / "chat.html"
# The numbers always on screen: medical emergency, the police (violence at
# home: services.md "Unsafe at home"), and two around-the-clock lines.
EMERGENCY = ("medisinsk_nodtelefon", "politi", "mental_helse", "kirkens_sos")
# The page's own words for the emergency numbers, in both of its languages (widget.js).
LABELS = {"medisinsk_nodtelefon": ("emergency", "Akutt fare"), "politi": ("police", "Politi")}


def emergency_line(directory_path: Optional[Path] = None) -> str:
    services = {s.id: s for s in (directory.load(directory_path) if directory_path else directory.load())}
    parts = []
    for sid in EMERGENCY:
        service = services[sid]
        number = service.channels["phone"]
        if sid in LABELS:
            key, words = LABELS[sid]
            label = f'<span data-i18n="{key}">{words}</span>'
        else:
            label = html.escape(service.name)
        parts.append(f'<a href="tel:{number.replace(" ", "")}">{label}: <strong>{html.escape(number)}</strong></a>')
    return " · ".join(parts)


def render(settings: Settings, directory_path: Optional[Path] = None) -> str:
    return Template(TEMPLATE.read_text(encoding="utf-8")).substitute(
        emergency=emergency_line(directory_path),
        quick_exit=html.escape(settings.quick_exit_url, quote=True),
        max_chars=settings.max_message_chars,
    )
