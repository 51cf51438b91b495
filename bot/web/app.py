"""The web front's routes. One public address; Rasa stays on loopback.

- GET /                       the chat page
- GET /static/…               the widget's files (widget.js, widget.css, embed.js)
- POST /webhooks/rest/webhook the same JSON contract as Rasa's REST channel,
                              forwarded to it after a length and rate check
- /operator…                  the report, behind a token (bot.web.operator)

No access log: aiohttp's would hold client addresses. Nothing here logs a
message, a sender id or an address.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Optional

import aiohttp
from aiohttp import web

from bot.settings import Settings
from bot.web import headers, operator, page, reply_language
from bot.web.ratelimit import RateLimiter

logger = logging.getLogger(__name__)
STATIC = Path(__file__).parent / "static"
SETTINGS = web.AppKey("settings", Settings)
LIMITER = web.AppKey("limiter", RateLimiter)
SESSION = web.AppKey("session", aiohttp.ClientSession)
PAGE = web.AppKey("page", str)
REPLY_LANGUAGES = web.AppKey("reply_languages", dict)

# The page's own messages, in the two languages the page speaks (English for
# every other language: the honest reply tells people they may write English).
TOO_LONG = {"nb": "Meldingen er for lang. Skriv gjerne kortere, eller del den i flere meldinger.",
            "en": "The message is too long. Please write less, or split it into several messages."}
TOO_MANY = {"nb": "Du har sendt mange meldinger på kort tid. Vent litt og prøv igjen.",
            "en": "You have sent many messages in a short time. Please wait a little and try again."}
RASA_DOWN = {"nb": "Assistenten svarer ikke akkurat nå. Prøv igjen om litt. Haster det: ring 113.",
             "en": "The assistant is not answering right now. Please try again soon. If it is urgent: call 113."}
BAD_REQUEST = {"nb": "Ugyldig forespørsel.", "en": "Invalid request."}


def _error(status: int, message: Dict[str, str], lang: Optional[str] = None, **extra_headers: str) -> web.Response:
    form = "nb" if lang in (None, "nb", "nn") else "en"
    return web.json_response({"error": message[form], "lang": form}, status=status, headers=extra_headers)


async def chat_page(request: web.Request) -> web.Response:
    return web.Response(text=request.app[PAGE], content_type="text/html", charset="utf-8")


async def forward(request: web.Request) -> web.Response:
    settings = request.app[SETTINGS]
    limiter = request.app[LIMITER]
    lang = None  # known once the body is read
    if not limiter.allow(request.remote or ""):
        return _error(429, TOO_MANY, lang, **{"Retry-After": str(limiter.retry_after())})
    try:
        body = await request.json()
    except web.HTTPRequestEntityTooLarge:  # far over the limit: refused before it is read
        return _error(413, TOO_LONG, lang)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return _error(400, BAD_REQUEST, lang)
    if not isinstance(body, dict) or not isinstance(body.get("message"), str) or not isinstance(
        body.get("sender", ""), str
    ):
        return _error(400, BAD_REQUEST, lang)
    lang = reply_language.page_language(body.get("metadata")) or lang
    if len(body["message"]) > settings.max_message_chars:
        return _error(413, TOO_LONG, lang)
    payload = {"sender": body.get("sender") or "default", "message": body["message"]}
    if isinstance(body.get("metadata"), dict):
        payload["metadata"] = body["metadata"]
    try:
        async with request.app[SESSION].post(settings.rest_url, json=payload) as response:
            data = await response.read()
            if response.status != 200:
                return web.Response(body=data, status=response.status, content_type="application/json")
    except (aiohttp.ClientError, TimeoutError) as error:
        logger.error("Rasa did not answer (%s).", type(error).__name__)
        return _error(502, RASA_DOWN, lang)
    try:
        answers = json.loads(data)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return web.Response(body=data, status=200, content_type="application/json")
    if not isinstance(answers, list):
        return web.json_response(answers)
    return web.json_response(reply_language.mark(answers, request.app[REPLY_LANGUAGES], lang))


async def _session(app: web.Application):
    app[SESSION] = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=60))
    yield
    await app[SESSION].close()


def make_app(settings: Settings, directory_path: Optional[Path] = None) -> web.Application:
    # Requests larger than this are refused before they are read (the length check is on characters).
    app = web.Application(
        middlewares=[headers.middleware(settings.embed_origins)],
        client_max_size=max(16_384, settings.max_message_chars * 8),
    )
    app[SETTINGS] = settings
    app[LIMITER] = RateLimiter(settings.rate_limit_per_minute, 60)
    app[PAGE] = page.render(settings, directory_path)
    app[REPLY_LANGUAGES] = reply_language.table()
    app.cleanup_ctx.append(_session)
    app.router.add_get("/", chat_page)
    app.router.add_get("/favicon.ico", lambda request: web.Response(status=204))
    app.router.add_static("/static/", STATIC, append_version=False)
    app.router.add_post("/webhooks/rest/webhook", forward)
    operator.add_routes(app, settings)
    return app
