"""`python -m bot.web`: serve the web front on HOST:PORT (from .env)."""

from __future__ import annotations

import logging

from aiohttp import web

from bot import settings as settings_module
from bot.web.app import make_app


def main() -> None:
    settings = settings_module.load()
    logging.basicConfig(level=settings.log_level, format="%(levelname)s %(name)s: %(message)s")
    # access_log=None: aiohttp's access log would record client addresses.
    web.run_app(make_app(settings), host=settings.web_host, port=settings.web_port,
                access_log=None, print=None, handle_signals=True)


if __name__ == "__main__":
    main()
