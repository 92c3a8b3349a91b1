"""The HTML pages: events, an event's brief (and its downloads), an article, the add form,
and the API's documentation. Rendered on the server; they work with JavaScript off."""

from __future__ import annotations

import math
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from newsfuse.fusion.segment import sentences
from newsfuse.models import Article, Brief
from newsfuse.render import render
from newsfuse.render.markdown import brief_short_ids
from newsfuse.settings import Settings
from newsfuse.sources import RecordError, is_url, record_article
from newsfuse.web.api import day, search
from newsfuse.web.views import (
    capped,
    check_write,
    citations,
    current,
    keep,
    kept_of_event,
    paragraphs,
    pasted_id,
    render_page,
    source_rows,
    store_of,
    templates,
    used_sentences,
)

router = APIRouter(include_in_schema=False)

DOWNLOADS = {
    "md": ("markdown", "text/markdown"),
    "html": ("html", "text/html"),
    "json": ("json", "application/json"),
}


def _settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def _page(request: Request, name: str, context: dict[str, Any], status: int = 200) -> Response:
    return templates.TemplateResponse(request, name, context, status_code=status)


@router.get("/")
def events_page(
    request: Request,
    q: str | None = None,
    since: str | None = None,
    until: str | None = None,
    page: str | None = None,
) -> Response:
    first, last, words = day(since, "since"), day(until, "until"), search(request, q)
    try:
        number = int(page) if page and page.strip() else 1
    except ValueError:
        raise HTTPException(422, f"page: {(page or '')[:20]!r} is not a number")
    if number < 1:
        raise HTTPException(422, "page: pages start at 1")
    size = max(1, _settings(request).web.page_size)
    store = store_of(request)
    # What the list shows changes with any commit: it is kept for one generation.
    generation = store.generation()
    version = ("events", generation)
    found = current(request, version, generation)
    if found is not None:
        return found
    total = store.count_events(first, last, words)
    listed = store.events(first, last, words, limit=size, offset=(number - 1) * size)
    pages = max(1, math.ceil(total / size))
    kept = {k: v for k, v in {"q": words, "since": since, "until": until}.items() if v}

    def link(n: int) -> str:
        return "/?" + urlencode({**kept, "page": n}) if n > 1 or kept else "/"

    return _keep(
        request,
        (version, generation),
        None,
        "events.html",
        {
            "events": listed,
            "total": total,
            "page": number,
            "pages": pages,
            "prev": link(number - 1) if number > 1 else None,
            "next": link(number + 1) if number < pages else None,
            "q": words or "",
            "since": first.isoformat() if first else "",
            "until": last.isoformat() if last else "",
            "filtered": bool(kept),
            "store": store.location,
        },
    )


HTML = "text/html; charset=utf-8"


def _keep(
    request: Request,
    kept: tuple[tuple[Any, ...], str],
    event: str | None,
    name: str,
    context: dict[str, Any],
) -> Response:
    """The page ``name`` rendered, kept under ``kept`` (its version and generation) of
    ``event`` (None: of the whole store)."""
    return keep(request, kept, render_page(name, context).encode(), HTML, event)


@router.get("/events/{event_id}")
def event_page(request: Request, event_id: str) -> Response:
    found, kept = kept_of_event(request, event_id)
    if found is not None:
        return found
    store = store_of(request)
    event = store.event(event_id)
    if event.id != event_id:
        # A settling pass merged this event into another: a kept link goes on working.
        return RedirectResponse(request.url_for("event_page", event_id=event.id), 301)
    brief = store.stored_brief(event_id)
    context: dict[str, Any] = {"event": event, "brief": brief}
    if brief is not None:
        limits = _settings(request).render
        facts, more_facts = capped(brief.facts, limits.max_facts)
        quotes, more_quotes = capped(brief.quotes, limits.max_quotes)
        timeline, more_timeline = capped(brief.timeline, limits.max_timeline)
        kinds = {
            "person": "People",
            "organisation": "Organisations",
            "place": "Places",
            "other": "Other names",
        }
        entities = []
        for kind, heading in kinds.items():
            of_kind = [e for e in brief.entities if e.type == kind]
            shown, more = capped(of_kind, limits.max_entities)
            if shown:
                entities.append((heading, shown, more))
        context |= {
            "summary": [(s, citations(s)) for s in brief.summary],
            "facts": facts,
            "more_facts": more_facts,
            "quotes": quotes,
            "more_quotes": more_quotes,
            "timeline": timeline,
            "more_timeline": more_timeline,
            "entities": entities,
            "source_rows": source_rows(brief),
            "families": [f for f in brief.families if len(f.members) > 1],
            "short": brief_short_ids(brief),
            "fact_chars": _settings(request).web.fact_text_chars,
        }
    return _keep(request, kept, event_id, "event.html", context)


@router.get("/events/{event_id}/brief.{fmt}")
def download(request: Request, event_id: str, fmt: str) -> Response:
    if fmt not in DOWNLOADS:
        raise HTTPException(404, f"no brief.{fmt[:10]}: brief.md, brief.html or brief.json")
    store = store_of(request)
    brief: Brief | None = store.stored_brief(event_id)
    if brief is None:  # not made yet: make it now (a download may wait; a page does not)
        brief = store.brief(event_id)
    name, media = DOWNLOADS[fmt]
    text = render(brief, name, _settings(request).render)
    filename = f"brief-{''.join(c if c.isalnum() or c in '-_' else '_' for c in event_id)}.{fmt}"
    return Response(
        text,
        media_type=f"{media}; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@router.get("/articles/{article_id:path}")
def article_page(request: Request, article_id: str) -> Response:
    store = store_of(request)
    generation = store.generation()
    article, event_id = store.article(article_id)
    version = store.version(event_id)
    found = current(request, version, generation)
    if found is not None:
        return found
    brief = store.stored_brief(event_id)
    split = sentences(article)
    used = used_sentences(article, brief, split)
    return _keep(
        request,
        (version, generation),
        event_id,
        "article.html",
        {
            "article": article,
            "event_id": event_id,
            "event_title": (brief.title if brief else None) or event_id,
            "paragraphs": paragraphs(article, used, split),
            "used": len(used),
        },
    )


@router.get("/add")
def add_form(request: Request) -> Response:
    return _add_page(request, {})


def _add_page(request: Request, context: dict[str, Any], status: int = 200) -> Response:
    base = {
        "needs_token": request.app.state.token is not None,
        "form": {"url": "", "title": "", "text": ""},
        "error": None,
        "report": None,
    }
    return _page(request, "add.html", base | context, status)


@router.post("/add")
async def add_post(request: Request) -> Response:
    try:
        form = await request.form()
    except Exception:  # a malformed multipart body: the user's input, not our failure
        raise HTTPException(400, "the form could not be read")
    fields = {k: v if isinstance(v, str) else "" for k, v in form.items()}
    url = fields.get("url", "").strip()
    title = fields.get("title", "").strip()
    text = fields.get("text", "")
    shown = {"url": url, "title": title, "text": text}
    try:
        check_write(request, fields.get("token") or None)
    except HTTPException as e:
        return _add_page(request, {"form": shown, "error": e.detail}, e.status_code)
    source: Article | str
    if text.strip():
        record = {"id": pasted_id(text), "text": text, "title": title or None, "url": url or None}
        try:
            source = record_article(record, "pasted text")
        except RecordError as e:
            return _add_page(request, {"form": shown, "error": str(e)}, 422)
    elif url:
        if not is_url(url):
            error = "the URL must start with http:// or https://"
            return _add_page(request, {"form": shown, "error": error}, 422)
        source = url
    else:
        error = "give a URL (a page or a feed) or paste an article's text"
        return _add_page(request, {"form": shown, "error": error}, 422)
    report = await request.app.state.writer.add([source], request.app.state.transport)
    return _add_page(request, {"report": report})


@router.get("/docs")
def api_docs(request: Request) -> Response:
    """The API's reference, from the generated OpenAPI schema (/openapi.json)."""
    spec = request.app.openapi()
    operations = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            operations.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": op.get("summary", ""),
                    "description": op.get("description", ""),
                    "parameters": op.get("parameters", []),
                    "responses": sorted(op.get("responses", {}).items()),
                }
            )
    return _page(
        request, "docs.html", {"operations": operations, "version": spec["info"]["version"]}
    )
