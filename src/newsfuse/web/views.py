"""What the pages and the API share: the templates, the write guard (token, same origin), and
plain functions from a stored Brief or Article to what a page shows."""

from __future__ import annotations

import hashlib
import hmac
import re
import threading
import time
from collections import OrderedDict, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import jinja2
from fastapi import HTTPException, Request
from fastapi.responses import Response
from fastapi.templating import Jinja2Templates

from newsfuse.models import Article, Brief, SummarySentence
from newsfuse.render.markdown import shorten_ids, timeline_when
from newsfuse.store import Store

HERE = Path(__file__).parent


def store_of(request: Request) -> Store:
    """The app's store (``create_app`` puts it on ``app.state``)."""
    store: Store = request.app.state.store
    return store


def article_href(article_id: str, index: int | None = None) -> str:
    """The article page of ``article_id`` (ids may hold "/", kept; "#", "?" are escaped),
    at sentence ``index`` when given."""
    path = "/articles/" + quote(article_id, safe="/~:@!$&'()*+,;=")
    return path if index is None else f"{path}#s{index}"


def is_http(url: str | None) -> bool:
    """Whether ``url`` may be a link: http(s) only, never ``javascript:`` or ``data:``."""
    return bool(url) and str(url).lower().startswith(("http://", "https://"))


def clip(text: str, limit: int) -> tuple[str, str]:
    """``text`` cut at the last space within ``limit`` characters: (shown, the rest); the
    rest is empty when it all fits or ``limit`` is 0."""
    if limit <= 0 or len(text) <= limit:
        return text, ""
    cut = text.rfind(" ", 0, limit + 1)
    if cut < limit // 2:  # one long word (a URL): cut inside it rather than show a stub
        cut = limit
    return text[:cut].rstrip(), text[cut:].strip()


def event_href(event_id: str) -> str:
    return "/events/" + quote(event_id, safe="")


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,  # every title, text and URL from an article is escaped
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        article_href=article_href, event_href=event_href, is_http=is_http, when=timeline_when
    )
    # The brief page's ``short`` (full id -> the short id the brief cites it by) names the
    # articles; a page without one shows full ids.
    env.filters["short_id"] = jinja2.pass_context(
        lambda ctx, article_id: ctx.get("short", {}).get(article_id, article_id)
    )
    env.filters["shorten"] = jinja2.pass_context(
        lambda ctx, text: shorten_ids(text, ctx.get("short", {}))
    )
    env.filters["clip"] = clip
    env.filters["plural"] = lambda n, one, many=None: one if n == 1 else (many or one + "s")
    return env


templates = Jinja2Templates(env=_environment())


def render_page(name: str, context: dict[str, Any]) -> str:
    return templates.env.get_template(name).render(context)


@dataclass
class Kept:
    """A rendered answer: its body and media type; what it shows, ``version`` of the event
    ``event`` (None: of the whole store, a list); the store generation at which that was
    last known current, and when it was rendered (monotonic seconds)."""

    version: tuple[Any, ...]
    generation: str
    body: bytes
    media_type: str
    event: str | None
    rendered: float


class PageCache:
    """Rendered answers by request target (path and query), the least recently used dropped
    past ``limit`` bytes; thread-safe (sync endpoints run in a thread pool).

    A kept answer is current while the store's generation is the one it was kept at (nothing
    committed since), or, once that moved, while its event's version is unchanged (one
    indexed query: a write re-renders only what it changed); :class:`KeptPages` serves it
    then, without the app. A list (of the whole store) changes with about any commit: it is
    served for ``list_seconds`` after it was rendered, then rendered again."""

    def __init__(self, limit: int, list_seconds: float) -> None:
        self.limit = limit
        self.list_seconds = list_seconds
        self.size = 0
        self._pages: OrderedDict[str, Kept] = OrderedDict()
        self._lock = threading.Lock()

    def valid(self, target: str, store: Store) -> Kept | None:
        """The kept answer of ``target`` if it is current, by the rules above."""
        with self._lock:
            kept = self._pages.get(target)
            if kept is None:
                return None
            self._pages.move_to_end(target)
        generation = store.generation()  # before the version: what is read after is as new
        if kept.generation == generation:
            return kept
        if kept.event is None:
            return kept if time.monotonic() - kept.rendered < self.list_seconds else None
        if store.version(kept.event) != kept.version:
            return None
        kept.generation = generation
        return kept

    def current(self, target: str, version: tuple[Any, ...], generation: str) -> Kept | None:
        """The kept answer of ``target`` if it shows ``version``, now dated ``generation``
        (read before ``version``)."""
        with self._lock:
            kept = self._pages.get(target)
            if kept is None or kept.version != version:
                return None
            kept.generation = generation
            self._pages.move_to_end(target)
            return kept

    def drop_lists(self) -> None:
        """Forget the kept lists: this process added articles, and shows them at once."""
        with self._lock:
            for target in [t for t, k in self._pages.items() if k.event is None]:
                self.size -= len(self._pages.pop(target).body)

    def put(self, target: str, kept: Kept) -> None:
        if len(kept.body) > self.limit:
            return
        with self._lock:
            old = self._pages.pop(target, None)
            if old is not None:
                self.size -= len(old.body)
            self._pages[target] = kept
            self.size += len(kept.body)
            while self.size > self.limit:
                _, dropped = self._pages.popitem(last=False)
                self.size -= len(dropped.body)


def current(request: Request, version: tuple[Any, ...], generation: str) -> Response | None:
    """The kept answer of this request if it still shows ``version``."""
    pages: PageCache = request.app.state.pages
    kept = pages.current(target_of(request.scope), version, generation)
    return None if kept is None else Response(kept.body, media_type=kept.media_type)


def kept_of_event(
    request: Request, event_id: str
) -> tuple[Response | None, tuple[tuple[Any, ...], str]]:
    """The kept answer of this request about ``event_id`` if it is still current, and the
    (version, generation) a new answer is kept under."""
    store = store_of(request)
    # The generation first, then the version: what is read after them is at least as new.
    generation = store.generation()
    version = store.version(event_id)
    return current(request, version, generation), (version, generation)


def keep(
    request: Request,
    kept: tuple[tuple[Any, ...], str],
    body: bytes,
    media_type: str,
    event: str | None,
) -> Response:
    """``body``, the answer of this request, kept under (version, generation): the version
    of ``event``, or None for a list of the whole store."""
    version, generation = kept
    pages: PageCache = request.app.state.pages
    made = Kept(version, generation, body, media_type, event, time.monotonic())
    pages.put(target_of(request.scope), made)
    return Response(body, media_type=media_type)


def target_of(scope: Any) -> str:
    """The key of a request's answer: its path and query, as sent."""
    query: bytes = scope.get("query_string", b"")
    path: str = scope.get("path", "")
    return f"{path}?{query.decode('latin-1')}" if query else path


# --- writes: token and origin ------------------------------------------------------------


def check_write(request: Request, given: str | None) -> None:
    """Refuse a write: 403 from another site's page (a browser names it in Origin), 401
    without the app's token, 403 with a wrong one. ``given`` is the token from a form field;
    the API sends it as ``Authorization: Bearer TOKEN``."""
    origin = request.headers.get("origin")
    if origin and origin != "null":
        host = request.headers.get("host", "")
        if urlsplit(origin).netloc.lower() != host.lower():
            raise HTTPException(403, f"cross-site request refused (origin {origin})")
    token: str | None = request.app.state.token
    if token is None:
        return
    if given is None:
        auth = request.headers.get("authorization", "")
        scheme, _, value = auth.partition(" ")
        if scheme.lower() == "bearer" and value.strip():
            given = value.strip()
    if not given:
        raise HTTPException(401, "a token is required to add articles (Authorization: Bearer)")
    if not hmac.compare_digest(given.encode(), token.encode()):
        raise HTTPException(403, "wrong token")


def pasted_id(text: str) -> str:
    """The id of an article pasted or posted without one: stable for the same text."""
    return "pasted-" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]


# --- the brief page -----------------------------------------------------------------------


@dataclass(frozen=True)
class Cite:
    article_id: str
    href: str
    sentence: str | None  # the source sentence the citation stands on, when the brief says


def citations(sentence: SummarySentence) -> list[Cite]:
    """One link per cited article, to the sentence it stands on when the brief records it
    (``SummarySentence.evidence``), else to the article."""
    evidence = {e.article_id: e for e in sentence.evidence}
    out = []
    for article_id in sentence.sources:
        e = evidence.get(article_id)
        if e is None:
            out.append(Cite(article_id, article_href(article_id), None))
        else:
            out.append(Cite(article_id, article_href(article_id, e.index), e.text))
    return out


@dataclass(frozen=True)
class SourceRow:
    id: str
    title: str | None
    source: str | None
    published: str | None
    family: int
    words: int
    removed: int
    adds: list[str]  # what only this article's family brings, one phrase each


def source_rows(brief: Brief) -> list[SourceRow]:
    """The brief's articles, each with what its family alone brings (facts, quotes, summary
    sentences no other independent source carries): a copy adds nothing of its own."""
    family_of = {a.id: a.family for a in brief.articles}

    def only(sources: Sequence[str]) -> int | None:
        families = {family_of.get(s) for s in sources}
        return families.pop() if len(families) == 1 else None

    facts: dict[int | None, list[str]] = defaultdict(list)
    for f in brief.facts:
        facts[only(f.sources)].append(f.value)
    quotes: dict[int | None, int] = defaultdict(int)
    for q in brief.quotes:
        quotes[only(q.sources)] += 1
    said: dict[int | None, int] = defaultdict(int)
    for s in brief.summary:
        said[only(s.sources)] += 1
    first_of_family: dict[int, str] = {}
    for a in brief.articles:
        first_of_family.setdefault(a.family, a.id)
    rows = []
    for a in brief.articles:
        adds: list[str] = []
        if first_of_family[a.family] == a.id:
            own = facts.get(a.family, [])
            if own:
                shown = ", ".join(own[:3]) + (f" and {len(own) - 3} more" if len(own) > 3 else "")
                adds.append(f"{len(own)} fact{'s' if len(own) != 1 else ''} only it has ({shown})")
            if quotes.get(a.family):
                n = quotes[a.family]
                adds.append(f"{n} quote{'s' if n != 1 else ''} only it carries")
            if said.get(a.family):
                n = said[a.family]
                adds.append(f"{n} summary sentence{'s' if n != 1 else ''} only it states")
        else:
            adds.append(f"same family as {first_of_family[a.family]}: nothing of its own")
        rows.append(
            SourceRow(
                a.id,
                a.title,
                a.source,
                a.published.isoformat() if a.published else None,
                a.family,
                a.words,
                len(a.removed_lines),
                adds,
            )
        )
    return rows


def capped(items: Sequence[Any], limit: int) -> tuple[Sequence[Any], int]:
    """The first ``limit`` items (all for 0) and how many were left out."""
    if limit <= 0 or len(items) <= limit:
        return items, 0
    return items[:limit], len(items) - limit


# --- the article page ---------------------------------------------------------------------


@dataclass(frozen=True)
class Shown:
    index: int
    text: str
    used: bool


_SPACE = re.compile(r"\s+")


def used_sentences(article: Article, brief: Brief | None, sentences: Sequence[Any]) -> set[int]:
    """Indices of ``article``'s sentences the brief's summary stands on: from the evidence
    the brief records, else (older briefs) the sentences holding a summary sentence's text."""
    if brief is None:
        return set()
    used: set[int] = set()
    unmatched: list[str] = []
    for s in brief.summary:
        if article.id not in s.sources:
            continue
        found = [e for e in s.evidence if e.article_id == article.id]
        if found:
            used.update(e.index for e in found)
        else:
            unmatched.append(_SPACE.sub(" ", s.text).strip().lower().rstrip("."))
    for text in unmatched:
        for sentence in sentences:
            own = _SPACE.sub(" ", sentence.text).strip().lower()
            if text and (text in own or own.rstrip(".") in text):
                used.add(sentence.index)
                break
    return used


def paragraphs(article: Article, used: set[int], sentences: Sequence[Any]) -> list[list[Shown]]:
    """The clean text's lines, each the list of its sentences (a line break in clean text is
    a paragraph or headline boundary: segmentation never joins across one)."""
    text = article.body
    out: list[list[Shown]] = []
    line_start = 0
    current: list[Shown] = []
    for s in sentences:
        if current and "\n" in text[line_start : s.start]:
            out.append(current)
            current = []
        current.append(Shown(s.index, s.text, s.index in used))
        line_start = s.end
    if current:
        out.append(current)
    return out
