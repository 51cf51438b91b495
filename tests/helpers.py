"""Small helpers shared by the tests."""

import re
from pathlib import Path

# Where a services answer turns from the topic's own places to the 24/7 lines.
_AROUND_THE_CLOCK = re.compile(r"\n(?:Ingen av|Jeg vet ikke sikkert|Eg veit ikkje sikkert)")


def topic_part(text: str) -> str:
    """The part of a services answer before the around-the-clock lines."""
    return _AROUND_THE_CLOCK.split(text)[0]


FIXTURES = Path(__file__).parent / "fixtures"
