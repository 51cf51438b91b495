"""One Rasa process for a container (deploy/): `python -m bot.scale.serve`
writes Rasa's endpoints file from the settings (REDIS_URL, ACTION_URL,
STATS_DB, …) and becomes `rasa run` on RASA_HOST:RASA_PORT. On one machine,
`make run` does this itself for every process (bot.run)."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from bot import run as run_module
from bot import settings as settings_module


def main() -> None:
    settings = settings_module.load()
    if not settings.uses_redis:
        sys.exit("bot.scale.serve is for Rasa processes behind a front: set REDIS_URL.")
    # No secret in it (the password stays in the environment): a temp file is fine.
    endpoints = run_module.write_endpoints(Path(tempfile.mkdtemp(prefix="spor-trygt-")) / "endpoints.yml", settings)
    command = run_module.rasa_command(settings, Path(sys.executable).parent, endpoints, settings.rasa_port)
    os.environ.update(run_module.child_environment(settings))
    os.chdir(settings_module.ROOT)
    os.execv(command[0], command)


if __name__ == "__main__":
    main()
