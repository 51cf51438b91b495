"""Security headers on every response: a strict Content-Security-Policy (our
own origin only), no referrer, no sniffing, framing only by the origins
configured for embedding."""

from __future__ import annotations

from typing import Awaitable, Callable, Sequence

from aiohttp import web

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def csp(embed_origins: Sequence[str], extra_style: str = "") -> str:
    ancestors = " ".join(embed_origins) if embed_origins else "'none'"
    style = f"'self' {extra_style}".strip()
    return (
        "default-src 'none'; script-src 'self'; connect-src 'self'; img-src 'self'; "
        f"style-src {style}; form-action 'self'; base-uri 'none'; frame-ancestors {ancestors}"
    )


def middleware(embed_origins: Sequence[str]):
    def apply(headers) -> None:
        headers.setdefault("Content-Security-Policy", csp(embed_origins))
        headers["Referrer-Policy"] = "no-referrer"
        headers["X-Content-Type-Options"] = "nosniff"
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()"
        if not embed_origins:
            headers["X-Frame-Options"] = "DENY"
        headers.setdefault("Cache-Control", "no-store")

    @web.middleware
    async def add_headers(request: web.Request, handler: Handler) -> web.StreamResponse:
        try:
            response = await handler(request)
        except web.HTTPException as error:
            apply(error.headers)
            raise
        apply(response.headers)
        return response

    return add_headers
