"""The fixed keys a counter can have, read from the files that define them.
The report lists every one of them, so which rows appear never depends on
the data."""

from __future__ import annotations

from typing import List

import yaml

from bot.settings import ROOT


def domain_intents() -> List[str]:
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    return [i if isinstance(i, str) else next(iter(i)) for i in domain["intents"]]
