"""Shared fixtures. The trained model is loaded once per test session: it takes
about half a minute, and `make test` trains it (once) before pytest runs."""

from __future__ import annotations

import asyncio
import itertools
import logging
import os
from pathlib import Path
from typing import Callable, List

import pytest

from bot import settings as settings_module

os.environ["RASA_TELEMETRY_ENABLED"] = "false"
ROOT = settings_module.ROOT
HOLDOUT = ROOT / "tests" / "nlu" / "holdout.yml"
# Nothing listens here: every test conversation runs with the action server
# down, which is what the safety answers must survive.
UNREACHABLE_ACTION_SERVER = "http://127.0.0.1:9/webhook"


@pytest.fixture(scope="session")
def model_path() -> Path:
    path = settings_module.load().model_path
    if not path.exists():
        pytest.fail(f"No trained model at {path}; `make test` trains it, or run `make train`.")
    return path


@pytest.fixture(scope="session")
def event_loop_session():
    loop = asyncio.new_event_loop()
    yield loop
    loop.close()


@pytest.fixture(scope="session")
def agent(model_path, event_loop_session):
    from rasa.core.agent import Agent
    from rasa.utils.endpoints import EndpointConfig
    from rasa.utils.log_utils import configure_structlog

    # Unconfigured, Rasa's structlog prints every parsed message at debug level.
    configure_structlog(logging.WARNING)

    return Agent.load(str(model_path), action_endpoint=EndpointConfig(UNREACHABLE_ACTION_SERVER))


_senders = itertools.count()


@pytest.fixture
def conversation(agent, event_loop_session) -> Callable[[str], List[str]]:
    """A fresh conversation: call it with a user message, get the bot's texts."""
    sender = f"test-{next(_senders)}"

    def send(text: str) -> List[str]:
        replies = event_loop_session.run_until_complete(agent.handle_text(text, sender_id=sender))
        return [r.get("text", "") for r in replies or []]

    return send


@pytest.fixture
def parse(agent, event_loop_session) -> Callable[[str], dict]:
    def _parse(text: str) -> dict:
        return event_loop_session.run_until_complete(agent.parse_message(text))

    return _parse
