"""The web front's routes. One public address; Rasa stays on loopback.

- GET /                       the chat page
- GET /static/…               the widget's files (widget.js, widget.css, embed.js)
- POST /webhooks/rest/webhook the same JSON contract as Rasa's REST channel,
                              forwarded after a length and rate check to the
                              conversation's Rasa process (bot.web.routing)
- /operator…                  the report, behind a token (bot.web.operator)

No access log: aiohttp's would hold client addresses. Nothing here logs a
message, a sender id or an address.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from pathlib import Path
from typing import Optional

import aiohttp
from aiohttp import web

from bot.settings import Settings
from bot.web import headers, operator, page, reply_language
from bot.web.ratelimit import RateLimiter
from bot.web.routing import REST_PATH, Backends, InFlight

logger = logging.getLogger(__name__)
STATIC = Path(__file__).parent / "static"
SETTINGS = web.AppKey("settings", Settings)
LIMITER = web.AppKey("limiter", RateLimiter)
SESSION = web.AppKey("session", aiohttp.ClientSession)
PAGE = web.AppKey("page", str)
REPLY_LANGUAGES = web.AppKey("reply_languages", dict)
BACKENDS = web.AppKey("backends", Backends)
IN_FLIGHT = web.AppKey("in_flight", InFlight)
RECENTLY = 60.0  # seconds after Redis was seen down in which an empty answer is retried once
REDIS = web.AppKey("redis", object)
REDIS_UP = web.AppKey("redis_up", dict)  # {"up": bool}, kept by _redis_watch

# The page's own messages, in the two languages the page speaks (English for
# every other language: the honest reply tells people they may write English).
TOO_LONG = {"nb": "Meldingen er for lang. Skriv gjerne kortere, eller del den i flere meldinger.",
            "en": "The message is too long. Please write less, or split it into several messages."}
TOO_MANY = {"nb": "Du har sendt mange meldinger på kort tid. Vent litt og prøv igjen.",
            "en": "You have sent many messages in a short time. Please wait a little and try again."}
RASA_DOWN = {"nb": "Assistenten svarer ikke akkurat nå. Prøv igjen om litt. Haster det: ring 113.",
             "en": "The assistant is not answering right now. Please try again soon. If it is urgent: call 113."}
BAD_REQUEST = {"nb": "Ugyldig forespørsel.", "en": "Invalid request."}
ONE_AT_A_TIME = {"nb": "Vent på svaret på forrige melding, og send så denne igjen.",
                 "en": "Please wait for the answer to your last message, then send this one again."}
# Redis holds the conversations when several processes answer: without it nothing can be answered.
UNAVAILABLE = {"nb": "Assistenten er midlertidig utilgjengelig og kan ikke svare nå. Prøv igjen om litt. "
                     "Haster det: ring 113.",
               "en": "The assistant is temporarily unavailable and cannot answer now. Please try again soon. "
                     "If it is urgent: call 113."}


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
    conversation = request.app[BACKENDS].conversation(payload["sender"])
    in_flight = request.app[IN_FLIGHT]
    if not await in_flight.acquire(conversation):
        return _error(429, ONE_AT_A_TIME, lang, **{"Retry-After": "2"})
    try:
        return await _answer(request.app, payload, conversation, lang)
    finally:
        in_flight.release(conversation)


async def _post(app: web.Application, url: str, payload: dict) -> tuple:
    async with app[BACKENDS].room(url):
        async with app[SESSION].post(url + REST_PATH, json=payload) as response:
            return response.status, await response.read()


async def _answer(app: web.Application, payload: dict, conversation: bytes, lang: Optional[str]) -> web.Response:
    """The conversation's process answers; a process that is down (refused, or
    killed mid-answer) hands the message to the next. Conversations in Redis
    carry on there with their context."""
    redis_up = app.get(REDIS_UP)
    if redis_up is not None and not redis_up["up"]:
        return _error(503, UNAVAILABLE, lang, **{"Retry-After": "10"})
    backends = app[BACKENDS]
    for url in backends.order(conversation):
        try:
            status, data = await _post(app, url, payload)
            if redis_up is not None and status == 200 and data.strip() == b"[]":
                # Rasa answers [] when its stores fail. Redis down: say so. Redis back
                # after being down: Rasa's pooled connection was stale, a retry works.
                if not await _ping(app):
                    return _error(503, UNAVAILABLE, lang, **{"Retry-After": "10"})
                if time.monotonic() - redis_up["down_at"] < RECENTLY:
                    status, data = await _post(app, url, payload)
        except asyncio.TimeoutError:  # slow, not down: it may still answer, so no second process
            logger.error("A Rasa process did not answer in time.")
            return _error(502, RASA_DOWN, lang)
        except aiohttp.ClientError as error:
            logger.warning("A Rasa process is not answering (%s); trying the next.", type(error).__name__)
            backends.mark_down(url)
            continue
        backends.mark_up(url)
        if status != 200:
            return web.Response(body=data, status=status, content_type="application/json")
        try:
            answers = json.loads(data)
        except (json.JSONDecodeError, UnicodeDecodeError):
            return web.Response(body=data, status=200, content_type="application/json")
        if not isinstance(answers, list):
            return web.json_response(answers)
        return web.json_response(reply_language.mark(answers, app[REPLY_LANGUAGES], lang))
    logger.error("No Rasa process answered.")
    return _error(502, RASA_DOWN, lang)


async def _ping(app: web.Application) -> bool:
    try:
        up = bool(await app[REDIS].ping())
    except Exception:  # noqa: BLE001 - any failure means: not answering
        up = False
    app[REDIS_UP]["up"] = up
    if not up:
        app[REDIS_UP]["down_at"] = time.monotonic()
    return up


async def _redis_watch(app: web.Application):
    """In Redis mode: ping Redis every second, so that while it is down people
    get the 503 at once instead of after a failed answer."""
    settings = app[SETTINGS]
    if not settings.uses_redis or not settings.redis_url:
        yield
        return
    from bot.scale.redis_conn import async_client

    app[REDIS] = async_client(settings.redis_url)
    app[REDIS_UP] = {"up": True, "down_at": -RECENTLY}

    async def watch() -> None:
        while True:
            await _ping(app)
            await asyncio.sleep(1)

    task = asyncio.create_task(watch())
    yield
    task.cancel()
    await app[REDIS].close()


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
    app[BACKENDS] = Backends(settings.backend_urls)
    app[IN_FLIGHT] = InFlight()
    app.cleanup_ctx.append(_session)
    app.cleanup_ctx.append(_redis_watch)
    app.router.add_get("/", chat_page)
    app.router.add_get("/favicon.ico", lambda request: web.Response(status=204))
    app.router.add_static("/static/", STATIC, append_version=False)
    app.router.add_post("/webhooks/rest/webhook", forward)
    operator.add_routes(app, settings)
    return app
