"""Small helpers shared by the tests."""

import re
import socket
from pathlib import Path

# Where a services answer turns from the topic's own places to the 24/7 lines.
_AROUND_THE_CLOCK = re.compile(r"\n(?:Ingen av|Jeg vet ikke sikkert|Eg veit ikkje sikkert|None of|I don't know for sure)")


def topic_part(text: str) -> str:
    """The part of a services answer before the around-the-clock lines."""
    return _AROUND_THE_CLOCK.split(text)[0]


FIXTURES = Path(__file__).parent / "fixtures"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class FakeClock:
    """A monotonic clock the test moves by hand."""

    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now
