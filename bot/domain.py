"""The domain as one dict: Rasa reads the `domain/` folder as a whole, and so
do the tests, the statistics and the report through this."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Dict

import yaml

from bot.settings import ROOT

FOLDER = ROOT / "domain"


def load(folder: Path = FOLDER) -> Dict[str, Any]:
    """Every file of the folder merged: lists joined, mappings updated."""
    merged: Dict[str, Any] = {}
    for path in sorted(folder.glob("*.yml")):
        for key, value in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).items():
            if isinstance(value, list):
                merged.setdefault(key, []).extend(value)
            elif isinstance(value, dict):
                merged.setdefault(key, {}).update(value)
            else:
                merged[key] = value
    return merged
