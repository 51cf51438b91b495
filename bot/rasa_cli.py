"""Rasa's command line, with log output that cannot carry what people wrote.

`python -m bot.rasa_cli run …` is `rasa run …` plus two guards, installed
before Rasa configures logging:
- Rasa's structured logs pass every event through `_anonymizer`; ours keeps
  the event's name and replaces every field value, so a warning such as
  "message.parsing.failed" (logged, with the text, when a message starts with
  "/") shows no text.
- Rasa warns with the whole message when a "/intent{…}" shortcut doesn't
  parse; those warnings are dropped.
The privacy audit (tests/test_privacy_audit.py) checks the result.
"""

from __future__ import annotations

import sys
import warnings
from typing import Any, Dict

KEEP = {"event", "log_level", "level", "logger", "timestamp"}
QUOTES_THE_MESSAGE = r"(?s).*Failed to parse arguments in line"


def redact_fields(_: Any, method: str, event_dict: Dict[str, Any]) -> Dict[str, Any]:
    """Keep the event's name; replace every value. An exception is reduced to
    its type: Rasa would render the traceback with each frame's local
    variables, which hold the message being handled."""
    redacted = {k: (v if k in KEEP else "[redacted]") for k, v in event_dict.items()}
    error = sys.exc_info()[1] if method == "exception" or event_dict.get("exc_info") else None
    if error is not None:
        redacted["error"] = type(error).__name__
    redacted["exc_info"] = False
    return redacted


def install_guards() -> None:
    import rasa.utils.common as common
    import rasa.utils.log_utils as log_utils

    log_utils._anonymizer = redact_fields  # looked up by name when Rasa configures logging

    set_filters = common._filter_warnings

    def filter_warnings(*args: Any, **kwargs: Any) -> None:
        set_filters(*args, **kwargs)  # Rasa's own filters first: ours must come before them
        warnings.filterwarnings("ignore", message=QUOTES_THE_MESSAGE)

    common._filter_warnings = filter_warnings


def main() -> None:
    install_guards()
    from rasa.__main__ import main as rasa_main

    sys.argv[0] = "rasa"
    rasa_main()


if __name__ == "__main__":
    main()
