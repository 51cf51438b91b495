"""/operator: the statistics report for service operators, behind a token.

Off unless OPERATOR_TOKEN is set. The login form sets the only cookie this
site ever sets: a random session id, HttpOnly, SameSite=Strict, limited to
/operator. Tokens are compared in constant time; attempts are rate limited."""

from __future__ import annotations

import base64
import hashlib
import hmac
import html
import secrets
import time
from typing import Dict

from aiohttp import web

from bot.report import render
from bot.report.collect import make_report
from bot.services import check, directory
from bot.settings import Settings
from bot.stats import weeks as weeks_module
from bot.stats.store import StatsStore
from bot.web import headers
from bot.web.ratelimit import RateLimiter

COOKIE = "operator"
SESSION_SECONDS = 8 * 3600
REPORT_WEEKS = 12
OFF = "Operatørsiden er slått av: sett OPERATOR_TOKEN i .env for å slå den på."

LOGIN_PAGE = """<!doctype html>
<html lang="nb"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Spør trygt – for operatører</title><link rel="stylesheet" href="/static/widget.css"></head>
<body><div class="app"><header class="top"><h1>Spør trygt – for operatører</h1></header>
<main><form method="post" action="/operator/login" class="composer">
<label for="token">Tilgangsnøkkel</label>
<input id="token" name="token" type="password" autocomplete="current-password" required>
<button type="submit">Logg inn</button></form>{message}</main></div></body></html>
"""


class Sessions:
    def __init__(self) -> None:
        self._expiry: Dict[str, float] = {}

    def new(self) -> str:
        now = time.monotonic()
        self._expiry = {k: t for k, t in self._expiry.items() if t > now}
        session = secrets.token_urlsafe(32)
        self._expiry[session] = now + SESSION_SECONDS
        return session

    def valid(self, session: str) -> bool:
        return self._expiry.get(session, 0) > time.monotonic()

    def end(self, session: str) -> None:
        self._expiry.pop(session, None)


def _style_hash() -> str:
    digest = hashlib.sha256(render.STYLE.encode()).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def add_routes(app: web.Application, settings: Settings) -> None:
    sessions = Sessions()
    attempts = RateLimiter(10, 60)
    token = settings.operator_token
    report_csp = headers.csp((), _style_hash())  # never framed; inline style by hash only

    def login_page(message: str = "", status: int = 200) -> web.Response:
        note = f'<p class="msg error" role="alert">{html.escape(message)}</p>' if message else ""
        return web.Response(text=LOGIN_PAGE.format(message=note), status=status, content_type="text/html")

    def signed_in(request: web.Request) -> bool:
        return sessions.valid(request.cookies.get(COOKIE, ""))

    def report(weeks: int):
        store = StatsStore(settings.stats_path)
        return make_report(store, weeks_module.complete_weeks(weeks_module.now(), weeks), settings.report_threshold)

    async def page(request: web.Request) -> web.Response:
        if not token:
            raise web.HTTPNotFound(text=OFF)
        if not signed_in(request):
            return login_page()
        links = (
            '<p class="links"><a href="/operator/report.csv">Last ned CSV</a> · '
            '<a href="/operator/logout">Logg ut</a> · Skriv ut (Ctrl+P) gir A4 for et styremøte</p>'
        )
        today = weeks_module.now().date()
        items = check.recheck(directory.load_directory(), today)
        recheck = render.recheck_section(items, today)
        response = web.Response(text=render.html_page(report(REPORT_WEEKS), extra=links, after=recheck,
                                                      recheck_count=len(items)),
                                content_type="text/html")
        response.headers["Content-Security-Policy"] = report_csp
        return response

    async def login(request: web.Request) -> web.Response:
        if not token:
            raise web.HTTPNotFound(text=OFF)
        if not attempts.allow(request.remote or ""):
            return login_page("For mange forsøk. Vent et minutt.", status=429)
        given = str((await request.post()).get("token", ""))
        if not hmac.compare_digest(given.encode(), token.encode()):
            return login_page("Feil tilgangsnøkkel.", status=403)
        response = web.HTTPSeeOther("/operator")
        response.set_cookie(COOKIE, sessions.new(), max_age=SESSION_SECONDS, path="/operator",
                            httponly=True, samesite="Strict", secure=request.secure)
        raise response

    async def logout(request: web.Request) -> web.Response:
        sessions.end(request.cookies.get(COOKIE, ""))
        response = web.HTTPSeeOther("/operator")
        response.del_cookie(COOKIE, path="/operator")
        raise response

    async def csv_download(request: web.Request) -> web.Response:
        if not token:
            raise web.HTTPNotFound(text=OFF)
        if not signed_in(request):
            raise web.HTTPSeeOther("/operator")
        return web.Response(
            text=render.csv_text(report(REPORT_WEEKS)), content_type="text/csv",
            headers={"Content-Disposition": 'attachment; filename="spor-trygt-ukestall.csv"'},
        )

    app.router.add_get("/operator", page)
    app.router.add_post("/operator/login", login)
    app.router.add_get("/operator/logout", logout)
    app.router.add_get("/operator/report.csv", csv_download)
