"""The REST API under /api/v1: events, one event with its brief, articles, and POST of
articles (JSON as in JSONL input, or a URL to fetch) answering where each went."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from newsfuse.models import AddedArticle, Article, Brief, EventSummary
from newsfuse.sources import RecordError, is_url, published_warning, record_article
from newsfuse.web.views import check_write, current, keep, kept_of_event, pasted_id, store_of

router = APIRouter(prefix="/api/v1", tags=["api"])


class ErrorBody(BaseModel):
    error: str = Field(description="one line saying what is wrong")


class EventList(BaseModel):
    events: list[EventSummary]
    total: int = Field(description="events matching the filters, all pages together")


class EventWithBrief(BaseModel):
    event: EventSummary
    brief: Brief | None = Field(description="the stored brief; null until the first is made")


class ArticleList(BaseModel):
    articles: list[Article]


class StoredArticle(Article):
    event_id: str = Field(description="the event the article is in")


class ArticleIn(BaseModel):
    """One article as in JSONL input; without ``text``, ``url`` is fetched (a page or feed)."""

    id: str | None = Field(default=None, description="default: from the URL or the text")
    text: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = Field(default=None, description="YYYY-MM-DD (or an ISO date-time)")


class AddedList(BaseModel):
    articles: list[AddedArticle] = Field(description="per input article: new/duplicate/skipped")
    refreshing: list[str] = Field(
        description="events whose brief is being recomputed, after this answer: until it "
        "is stored, the event shows its previous brief"
    )
    warnings: list[str] = Field(
        description="what was read with a change: a published value that is not a date, a "
        "renamed id, a feed read as far as it parses"
    )


ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody, "description": why}
    for code, why in [
        (400, "the body is not JSON"),
        (401, "no token"),
        (403, "wrong token, or a request from another site"),
        (404, "no such event or article"),
        (413, "body too large"),
        (422, "invalid parameter or article"),
    ]
}


JSON = "application/json"


def _json(text: str, status: int = 200) -> Response:
    return Response(text, status_code=status, media_type=JSON)


def day(value: str | None, name: str) -> dt.date | None:
    """A YYYY-MM-DD query parameter; empty is none; anything else is a 422."""
    if value is None or not value.strip():
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise HTTPException(422, f"{name}: {value[:40]!r} is not a date (YYYY-MM-DD)")


def search(request: Request, q: str | None) -> str | None:
    if q is None or not q.strip():
        return None
    most = request.app.state.settings.web.max_query_chars
    if len(q) > most:
        raise HTTPException(422, f"q: a search is at most {most} characters")
    return q.strip()


@router.get(
    "/events",
    response_model=EventList,
    responses=ERRORS,
    summary="List or search events, newest first",
)
def list_events(
    request: Request,
    q: str | None = Query(None, description="words that must all be in the title or place"),
    since: str | None = Query(None, description="events dated on or after (YYYY-MM-DD)"),
    until: str | None = Query(None, description="events dated on or before (YYYY-MM-DD)"),
    limit: int = Query(50, ge=0, description="events per answer (at most WebSettings.max_limit)"),
    offset: int = Query(0, ge=0),
) -> Response:
    most = request.app.state.settings.web.max_limit
    if limit > most:
        raise HTTPException(422, f"limit: at most {most}")
    first, last, words = day(since, "since"), day(until, "until"), search(request, q)
    store = store_of(request)
    generation = store.generation()  # a list changes with any commit: kept for one
    version = ("events", generation)
    found = current(request, version, generation)
    if found is not None:
        return found
    listed = store.events(first, last, words, limit=limit, offset=offset)
    total = store.count_events(first, last, words)
    events = ",".join(e.model_dump_json() for e in listed)
    return keep(
        request,
        (version, generation),
        f'{{"events":[{events}],"total":{total}}}'.encode(),
        JSON,
        None,
    )


@router.get(
    "/events/{event_id}",
    response_model=EventWithBrief,
    responses=ERRORS,
    summary="One event with its brief",
)
def get_event(request: Request, event_id: str) -> Response:
    found, kept = kept_of_event(request, event_id)
    if found is not None:
        return found
    store = store_of(request)
    event = store.event(event_id)
    shown = store.stored_brief_json(event_id) or "null"  # as stored: no parse, no dump
    body = f'{{"event":{event.model_dump_json()},"brief":{shown}}}'.encode()
    return keep(request, kept, body, JSON, event_id)


@router.get(
    "/events/{event_id}/articles",
    response_model=ArticleList,
    responses=ERRORS,
    summary="The articles of one event, in the order added",
)
def event_articles(request: Request, event_id: str) -> Response:
    store = store_of(request)
    store.event(event_id)  # 404 for an unknown event, not an empty list
    articles = ",".join(a.model_dump_json() for a in store.articles(event_id))
    return _json(f'{{"articles":[{articles}]}}')


@router.get(
    "/articles/{article_id:path}",
    response_model=StoredArticle,
    responses=ERRORS,
    summary="One article, with its clean text, removed lines and event",
)
def get_article(request: Request, article_id: str) -> Response:
    article, event_id = store_of(request).article(article_id)
    shown = StoredArticle(**article.model_dump(), event_id=event_id)
    return _json(shown.model_dump_json())


@router.post(
    "/articles",
    response_model=AddedList,
    status_code=201,
    responses={
        **ERRORS,
        200: {"model": AddedList, "description": "nothing new (duplicates, skips)"},
    },
    summary="Add articles: JSON as in JSONL input, or a URL to fetch",
    description='One article `{"id"?, "text", "title"?, "url"?, "source"?, "published"?}`, '
    '`{"url": "https://..."}` alone (the page or feed is fetched), or `{"articles": [...]}`. '
    "Each goes to an existing event or a new one; 201 when any article is new. Needs the "
    "token (Authorization: Bearer) when the server has one.",
    # The body is parsed by hand (400 for what is not JSON, 422 for JSON that is not
    # articles), so its schema is given here, inline: nothing else puts it in the components.
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {
                    "schema": {
                        "anyOf": [
                            ArticleIn.model_json_schema(),
                            {
                                "type": "object",
                                "title": "ArticlesIn",
                                "properties": {
                                    "articles": {
                                        "type": "array",
                                        "items": ArticleIn.model_json_schema(),
                                    }
                                },
                                "required": ["articles"],
                            },
                        ]
                    }
                }
            },
        }
    },
)
async def post_articles(request: Request) -> Response:
    check_write(request, None)
    raw = await request.body()
    warnings: list[str] = []
    sources = parse_articles(raw, warnings)
    report = await request.app.state.writer.add(sources, request.app.state.transport)
    status = 201 if report.count("new") else 200
    added = ",".join(a.model_dump_json() for a in report.articles)
    refreshing = sorted({a.event_id for a in report.articles if a.status == "new" and a.event_id})
    said = json.dumps([*warnings, *report.warnings], ensure_ascii=False)
    return _json(
        f'{{"articles":[{added}],"refreshing":{json.dumps(refreshing)},"warnings":{said}}}',
        status,
    )


def parse_articles(raw: bytes, warnings: list[str] | None = None) -> list[Article | str]:
    """The body of POST /api/v1/articles as what Store.add takes: Articles and URLs.
    Raises 400 for a body that is not JSON, 422 for JSON that is not articles; what is read
    with a change (a "published" that is not a date) is added to ``warnings``."""
    if not raw.strip():
        raise HTTPException(400, 'empty body: send {"text": ...} or {"url": ...} as JSON')
    try:
        data = json.loads(raw)
    except UnicodeDecodeError:
        raise HTTPException(400, "body is not UTF-8 JSON")
    except json.JSONDecodeError as e:
        raise HTTPException(400, f"body is not JSON: {e.msg} (line {e.lineno}, column {e.colno})")
    except (ValueError, RecursionError) as e:  # huge integers, deep nesting
        raise HTTPException(400, f"body is not usable JSON: {type(e).__name__}")
    if isinstance(data, dict) and "articles" in data:
        items = data["articles"]
        if not isinstance(items, list):
            raise HTTPException(422, '"articles" must be a list of articles')
        if not items:
            raise HTTPException(422, '"articles" is empty')
        where = [f"articles[{i}]" for i in range(len(items))]
    else:
        items, where = [data], ["body"]
    out: list[Article | str] = []
    for item, name in zip(items, where):
        if not isinstance(item, dict):
            raise HTTPException(422, f'{name}: not a JSON object: expected {{"text": ...}}')
        if "text" not in item and "url" in item:
            url = item["url"]
            if not isinstance(url, str) or not is_url(url):
                raise HTTPException(422, f"{name}: url must be an http:// or https:// address")
            out.append(url.strip())
            continue
        text = item.get("text")
        default = pasted_id(text) if isinstance(text, str) else None
        try:
            out.append(record_article(item, f"api:{name}", default_id=default))
        except RecordError as e:
            raise HTTPException(422, f"{name}: {e}")
        if warnings is not None and (said := published_warning(item, f"api:{name}")):
            warnings.append(said)
    return out
