"""The fixed keys a counter can have, read from the files that define them.
The report lists every one of them, so which rows appear never depends on
the data."""

from __future__ import annotations

from functools import lru_cache
from typing import Tuple

from bot.domain import load as load_domain


@lru_cache(maxsize=1)  # read once per process: the operator page asks on every view
def domain_intents() -> Tuple[str, ...]:
    domain = load_domain()
    return tuple(i if isinstance(i, str) else next(iter(i)) for i in domain["intents"])
