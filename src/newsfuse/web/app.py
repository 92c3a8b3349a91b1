"""The app factory: one Store and the settings on ``app.state``, the pages, the API, and the
guards every response goes through (body size limit, security headers, errors as JSON or an
error page, never a traceback)."""

from __future__ import annotations

import dataclasses
import json
import logging
import os
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping, MutableMapping
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsfuse.settings import DEFAULT, Settings
from newsfuse.store import Store, StoreError, UnknownArticle, UnknownEvent
from newsfuse.web import api, pages
from newsfuse.web.views import PageCache, target_of, templates
from newsfuse.web.writes import Writer

if TYPE_CHECKING:
    import httpx

log = logging.getLogger(__name__)

HERE = Path(__file__).parent

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


def create_app(
    store: str | Path,
    settings: Settings = DEFAULT,
    *,
    token: str | None = None,
    allow_private: bool = False,
    transport: httpx.BaseTransport | None = None,
) -> FastAPI:
    """The web app and REST API over the store at ``store`` (a SQLite path or a
    postgresql:// URL; created if missing).

    ``token``: when given, the write endpoints (POST /api/v1/articles, POST /add) need it.
    ``allow_private``: let URLs to add point at private, loopback or link-local addresses
    (off: no server-side request forgery). ``transport`` is the network of URL fetches
    (tests pass an ``httpx.MockTransport``).
    """
    settings = dataclasses.replace(
        settings, fetch=dataclasses.replace(settings.fetch, allow_private=allow_private)
    )
    opened = Store(store, settings=settings)
    pages_cache = PageCache(settings.web.page_cache_mb * 1_000_000, settings.web.list_fresh_seconds)
    writer = Writer(opened, store, pages_cache, in_worker=settings.web.refresh_in_worker)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        # Briefs a killed process left stale (their articles are stored) are made now.
        if await run_in_threadpool(opened.stale):
            writer.refresh()
        yield
        await writer.close()
        opened.close()

    app = FastAPI(
        title="newsfuse",
        summary="Events, their cited briefs and their articles, from the newsfuse store.",
        version=_version(),
        docs_url=None,  # Swagger UI comes from a CDN with inline script: /docs is ours
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.store = opened
    app.state.settings = settings
    app.state.token = token or None
    app.state.transport = transport
    app.state.pages = pages_cache
    app.state.writer = writer
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    _errors(app)
    # Outermost last: headers go on every response, the 413 included. Kept pages are
    # answered inside them, before the app's routing and thread pool.
    app.add_middleware(KeptPages, pages=pages_cache, store=opened)
    app.add_middleware(HeadAsGet)
    app.add_middleware(BodyLimit, limit=settings.web.max_body_bytes)
    app.add_middleware(SecurityHeaders, csp=settings.web.csp)
    return app


@dataclass(frozen=True)
class ServeConfig:
    """What ``newsfuse serve`` gives each of its server processes: uvicorn starts them fresh
    (an import string and a factory, :func:`app_from_env`), so it goes through their
    environment. The token travels in ``NEWSFUSE_TOKEN``, as the user gives it."""

    store: str
    token: str | None = None
    allow_private: bool = False

    STORE = "NEWSFUSE_SERVE_DB"
    TOKEN = "NEWSFUSE_TOKEN"
    PRIVATE = "NEWSFUSE_SERVE_ALLOW_PRIVATE"

    def environ(self) -> dict[str, str]:
        env = {self.STORE: self.store, self.PRIVATE: "1" if self.allow_private else "0"}
        return env | ({self.TOKEN: self.token} if self.token else {})

    @classmethod
    def from_environ(cls, env: Mapping[str, str]) -> ServeConfig:
        if not env.get(cls.STORE):
            raise StoreError(f"{cls.STORE} is not set: no store to serve")
        return cls(
            store=env[cls.STORE],
            token=env.get(cls.TOKEN) or None,
            allow_private=env.get(cls.PRIVATE) == "1",
        )


#: The factory uvicorn's server processes call (``factory=True``).
FACTORY = "newsfuse.web.app:app_from_env"


def app_from_env() -> FastAPI:
    """The app of a server process ``newsfuse serve --workers N`` started (see ServeConfig)."""
    config = ServeConfig.from_environ(os.environ)
    return create_app(config.store, token=config.token, allow_private=config.allow_private)


def _version() -> str:
    import newsfuse

    return newsfuse.__version__


# --- errors: JSON under /api, a page elsewhere; the right status, one line, no traceback ----


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def error_response(request: Request, status: int, message: str) -> Response:
    """The error answer of ``request``: ``{"error": message}`` for the API, a page otherwise."""
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    if _is_api(request) or request.url.path in ("/openapi.json",):
        return JSONResponse({"error": message}, status_code=status, headers=headers)
    return templates.TemplateResponse(
        request,
        "error.html",
        {"status": status, "message": message},
        status_code=status,
        headers=headers,
    )


def _errors(app: FastAPI) -> None:
    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        message = exc.detail if isinstance(exc.detail, str) else json.dumps(exc.detail)
        return error_response(request, exc.status_code, message)

    async def invalid(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        return error_response(request, 422, validation_message(exc.errors()))

    async def unknown(request: Request, exc: Exception) -> Response:
        return error_response(request, 404, str(exc))

    async def store_error(request: Request, exc: Exception) -> Response:
        log.error("store error on %s: %s", request.url.path, exc)
        return error_response(request, 503, f"the store is not available: {exc}")

    async def crashed(request: Request, exc: Exception) -> Response:
        log.exception("error on %s %s", request.method, request.url.path)
        return error_response(request, 500, "internal error (logged on the server)")

    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(RequestValidationError, invalid)
    app.add_exception_handler(UnknownEvent, unknown)
    app.add_exception_handler(UnknownArticle, unknown)
    app.add_exception_handler(StoreError, store_error)
    app.add_exception_handler(Exception, crashed)


def validation_message(errors: Any) -> str:
    """The first of pydantic's validation errors as one line: ``query.limit: ...``."""
    for e in errors or ():
        where = ".".join(str(p) for p in e.get("loc", ()))
        return f"{where}: {e.get('msg', 'invalid')}" if where else str(e.get("msg", "invalid"))
    return "invalid request"


# --- middleware (pure ASGI: they also guard what FastAPI's own handlers answer) -------------


class SecurityHeaders:
    """CSP, nosniff, no framing and no referrer on every response."""

    def __init__(self, app: ASGIApp, csp: str) -> None:
        self.app = app
        self.headers = [
            (b"content-security-policy", csp.encode()),
            (b"x-content-type-options", b"nosniff"),
            (b"x-frame-options", b"DENY"),
            (b"referrer-policy", b"no-referrer"),
        ]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in self.headers if k not in names]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, send_with_headers)


class KeptPages:
    """Answer a GET whose rendered answer is kept and current (:meth:`PageCache.valid`: the
    store's generation, microseconds, and after a commit its event's version) with its
    bytes, in the event loop: no routing, no thread, no template. Anything else goes to the
    app, whose endpoints keep what they render."""

    def __init__(self, app: ASGIApp, pages: PageCache, store: Store) -> None:
        self.app = app
        self.pages = pages
        self.store = store

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "GET":
            try:
                kept = self.pages.valid(target_of(scope), self.store)
            except Exception:  # the store is away: the app answers (and says why)
                kept = None
            if kept is not None:
                headers = [
                    (b"content-type", kept.media_type.encode()),
                    (b"content-length", str(len(kept.body)).encode()),
                ]
                await send({"type": "http.response.start", "status": 200, "headers": headers})
                await send({"type": "http.response.body", "body": kept.body})
                return
        await self.app(scope, receive, send)


class HeadAsGet:
    """Answer HEAD as the GET of the same target without its body (RFC 9110 9.3.2): link
    checkers and monitors ask HEAD, and FastAPI's routes answer only the methods they name.
    The headers, Content-Length included, are the GET's."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                if not message.get("more_body"):
                    await send({"type": "http.response.body", "body": b""})
                return
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, headers_only)


class BodyLimit:
    """Refuse (413) a request body over ``limit`` bytes, by its Content-Length or, for a
    chunked one, while it streams in: the app never sees (or parses) an oversized body."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers", [])).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.limit:
            await self._too_large(scope, send)
            return
        if scope.get("method") not in ("POST", "PUT", "PATCH"):
            await self.app(scope, receive, send)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body = message.get("body", b"")
            size += len(body)
            if size > self.limit:
                await self._too_large(scope, send)
                return
            chunks.append(body)
            if not message.get("more_body"):
                break
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": b"".join(chunks), "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _too_large(self, scope: Scope, send: Send) -> None:
        limit = self.limit
        body = json.dumps(
            {"error": f"request body too large: the limit is {limit:,} bytes"}
        ).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                    (b"connection", b"close"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})
