"""Small helpers shared by the tests."""

import re
from pathlib import Path

from bot.run import free_port  # noqa: F401 - the tests' import of it

# Where a services answer turns from the topic's own places to the 24/7 lines.
_AROUND_THE_CLOCK = re.compile(r"\n(?:Ingen av|Jeg vet ikke sikkert|Eg veit ikkje sikkert|None of|I don't know for sure)")


def topic_part(text: str) -> str:
    """The part of a services answer before the around-the-clock lines."""
    return _AROUND_THE_CLOCK.split(text)[0]


FIXTURES = Path(__file__).parent / "fixtures"




class FakeClock:
    """A monotonic clock the test moves by hand."""

    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now
