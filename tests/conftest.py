"""Shared fixtures. The trained model is loaded once per test session: it takes
about half a minute, and `make test` trains it (once) before pytest runs. A
real action server (rasa-sdk, loopback) runs beside it; `actions_down`
points the assistant at a closed port instead."""

from __future__ import annotations

import asyncio
import itertools
import logging
import os
import subprocess
import sys
from pathlib import Path
from typing import Optional, Callable, List

import pytest

from bot import settings as settings_module
from bot.run import wait_until_up
from helpers import free_port

os.environ["RASA_TELEMETRY_ENABLED"] = "false"
ROOT = settings_module.ROOT
HOLDOUT = ROOT / "tests" / "nlu" / "holdout.yml"
# Nothing listens here: what the safety answers must survive.
UNREACHABLE_ACTION_SERVER = "http://127.0.0.1:9/webhook"



@pytest.fixture(scope="session")
def action_server_url():
    port = free_port()
    env = {**os.environ, "SANIC_HOST": "127.0.0.1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "rasa_sdk", "--actions", "actions", "--port", str(port), "--quiet"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        wait_until_up(f"http://127.0.0.1:{port}/health", proc, timeout=60)
    except (RuntimeError, TimeoutError) as error:
        proc.kill()
        pytest.fail(f"the action server did not start: {error}")
    yield f"http://127.0.0.1:{port}/webhook"
    proc.terminate()
    proc.wait(timeout=10)


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
def agent(model_path, event_loop_session, action_server_url):
    from rasa.core.agent import Agent
    from rasa.utils.endpoints import EndpointConfig
    from rasa.utils.log_utils import configure_structlog

    # Unconfigured, Rasa's structlog prints every parsed message at debug level.
    configure_structlog(logging.WARNING)

    return Agent.load(str(model_path), action_endpoint=EndpointConfig(action_server_url))


@pytest.fixture
def actions_down(agent):
    """The assistant, for one test, with its action server unreachable."""
    from rasa.utils.endpoints import EndpointConfig

    working = agent.processor.action_endpoint
    agent.processor.action_endpoint = EndpointConfig(UNREACHABLE_ACTION_SERVER)
    yield
    agent.processor.action_endpoint = working


_senders = itertools.count()


@pytest.fixture
def conversation(agent, event_loop_session) -> Callable[[str], List[str]]:
    """A fresh conversation: call it with a user message, get the bot's texts."""
    sender = f"test-{next(_senders)}"

    def send(text: str) -> List[str]:
        return [r.get("text", "") for r in send.raw(text)]

    def raw(text: str, lang: Optional[str] = None) -> List[dict]:
        """The bot's messages as dicts (text, buttons). `lang`: the language the
        chat page sends with the message (the conversation's, as it knows it)."""
        from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

        output = CollectingOutputChannel()
        message = UserMessage(text, output, sender, metadata={"lang": lang} if lang else None)
        event_loop_session.run_until_complete(agent.handle_message(message))
        return output.messages

    send.raw = raw
    return send


@pytest.fixture
def parse(agent, event_loop_session) -> Callable[[str], dict]:
    def _parse(text: str) -> dict:
        return event_loop_session.run_until_complete(agent.parse_message(text))

    return _parse
