"""The fixed keys a counter can have, read from the files that define them.
The report lists every one of them, so which rows appear never depends on
the data."""

from __future__ import annotations

from functools import lru_cache
from typing import Tuple

import yaml

from bot.settings import ROOT


@lru_cache(maxsize=1)  # read once per process: the operator page asks on every view
def domain_intents() -> Tuple[str, ...]:
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    return tuple(i if isinstance(i, str) else next(iter(i)) for i in domain["intents"])
