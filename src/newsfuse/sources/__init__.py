"""Things in, articles out: files, folders, JSONL, standard input, URLs and RSS/Atom feeds.

Every reader returns :class:`~newsfuse.models.Article` objects and turns each input it cannot
use into a :class:`~newsfuse.models.Skipped` with a one-line reason; nothing here raises for a
user's bad input.

- :func:`read`: files, folders, JSONL and ``-`` (``files.py``).
- :func:`read_sources`: all of those plus ``http(s)://`` pages (``url.py``) and feeds, by URL
  or as local ``.rss``/``.atom``/``.xml`` files (``feeds.py``), in the order given.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from newsfuse.models import Article, Articles, Skipped
from newsfuse.settings import DEFAULT, FetchSettings
from newsfuse.sources.feeds import FEED_SUFFIXES, feed_articles
from newsfuse.sources.files import (
    RecordError,
    free_id,
    length_warning,
    printable,
    published_warning,
    read,
    record_article,
    renamed_warning,
)
from newsfuse.sources.url import (
    FetchError,
    check_public,
    get,
    is_url,
    make_client,
    normalise_url,
    page_article,
)

if TYPE_CHECKING:
    import httpx

__all__ = [
    "FetchError",
    "RecordError",
    "check_public",
    "free_id",
    "is_url",
    "length_warning",
    "published_warning",
    "read",
    "read_sources",
    "record_article",
    "renamed_warning",
    "text_hash",
]


_WORDS = re.compile(r"\w+")


def text_hash(text: str) -> str:
    """The identity of an article's text: its words, case and spacing and punctuation aside."""
    return hashlib.sha256(" ".join(_WORDS.findall(text.lower())).encode()).hexdigest()


def read_sources(
    sources: str | Path | Iterable[str | Path],
    *,
    client: httpx.Client | None = None,
    transport: httpx.BaseTransport | None = None,
    settings: FetchSettings = DEFAULT.fetch,
    progress: bool = False,
    known_url: Callable[[str], bool] | None = None,
    unique_ids: bool = True,
) -> Articles:
    """Read every source, in order: paths as :func:`read` does, URLs fetched, feeds expanded
    (a folder's ``.rss`` and ``.atom`` files among its files).

    ``client`` (or ``transport``) is the network; by default a client with the settings'
    timeout and User-Agent. ``known_url(url)`` true means "already have it": that URL or feed
    item is not fetched again and yields nothing (the store passes its URL index and records
    the duplicates itself, so a re-run fetches nothing it has). ``unique_ids=False`` leaves
    ids as read (see :func:`read`).
    """
    if isinstance(sources, (str, Path)):
        sources = [sources]
    sources = list(sources)
    made: list[httpx.Client] = []  # the client made here on first need, closed at the end

    def network() -> httpx.Client:
        # Made only when something is fetched: a folder may hold feeds whose items link out.
        if client is not None:
            return client
        if not made:
            made.append(make_client(settings, transport))
        return made[0]

    out = Articles()
    run: list[str | Path] = []  # consecutive paths, read together so read() numbers ids once

    def feed_file(path: Path) -> list[Article | Skipped]:
        return _read_feed_file(path, fetch_page, settings, known_url, out.warnings)

    def flush() -> None:
        if run:
            got = read(run, progress=progress, unique_ids=unique_ids, feeds=feed_file)
            out.extend(got)
            out.skipped.extend(got.skipped)
            out.warnings.extend(got.warnings)
            run.clear()

    def fetch_page(url: str) -> Article | Skipped:
        try:
            fetched = get(url, network(), settings)
            if fetched.is_feed:
                raise FetchError("a feed inside a feed: not followed")
            return page_article(fetched, url)
        except FetchError as e:
            return Skipped(input=url, reason=str(e))

    try:
        for source in sources:
            if is_url(source):
                flush()
                assert isinstance(source, str)
                url = normalise_url(source)
                if known_url is not None and known_url(url):
                    continue
                items = _read_url(url, network(), settings, fetch_page, known_url, out.warnings)
            elif Path(source).suffix.lower() in FEED_SUFFIXES and Path(source).is_file():
                flush()
                items = _read_feed_file(Path(source), fetch_page, settings, known_url, out.warnings)
            else:
                run.append(source)
                continue
            for item in items:
                if isinstance(item, Skipped):
                    out.skipped.append(item)
                else:
                    out.append(item)
        flush()
    finally:
        for made_here in made:
            made_here.close()
    return _unique_ids(out, rename=unique_ids)


def _read_url(
    url: str,
    http: httpx.Client,
    settings: FetchSettings,
    fetch_page: Callable[[str], Article | Skipped],
    known_url: Callable[[str], bool] | None,
    warnings: list[str],
) -> list[Article | Skipped]:
    try:
        fetched = get(url, http, settings)
        if not fetched.is_feed:
            return [page_article(fetched, url)]
    except FetchError as e:
        return [Skipped(input=url, reason=str(e))]
    fetch = _unless_known(fetch_page, known_url)
    return feed_articles(fetched.body, url, fetch, settings, warnings.append)


def _read_feed_file(
    path: Path,
    fetch_page: Callable[[str], Article | Skipped],
    settings: FetchSettings,
    known_url: Callable[[str], bool] | None,
    warnings: list[str],
) -> list[Article | Skipped]:
    try:
        data = path.read_bytes()
    except OSError as e:
        reason = e.strerror or str(e)
        return [Skipped(input=str(path), reason=f"cannot read: {reason[:1].lower()}{reason[1:]}")]
    if not data.strip():
        return [Skipped(input=str(path), reason="empty file")]
    # As the other readers say it, not as a parse error (XML may be UTF-16, with its BOM).
    if b"\x00" in data and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return [Skipped(input=str(path), reason="binary file (contains NUL bytes), not a feed")]
    fetch = _unless_known(fetch_page, known_url)
    return feed_articles(data, str(path), fetch, settings, warnings.append)


def _unless_known(
    fetch_page: Callable[[str], Article | Skipped],
    known_url: Callable[[str], bool] | None,
) -> Callable[[str], Article | Skipped]:
    if known_url is None:
        return fetch_page

    def fetch(url: str) -> Article | Skipped:
        if known_url(url):
            return Skipped(input=url, reason=_KNOWN)
        return fetch_page(url)

    return fetch


#: The reason of a Skipped that stands for "already in the store, not fetched again"; these
#: are dropped from ``skipped`` by :func:`_unique_ids` (the caller knows them already).
_KNOWN = "already stored (not fetched again)"


def _unique_ids(articles: Articles, *, rename: bool = True) -> Articles:
    """The same renaming :func:`read` does (``id~2``...), across files and URLs together
    (with ``rename``), and names made printable."""
    ids: set[str] = set()
    out = Articles(
        # a feed file's name may hold bytes that are not UTF-8, as read()'s files may
        skipped=[
            s.model_copy(update={"input": printable(s.input)})
            for s in articles.skipped
            if s.reason != _KNOWN
        ],
        warnings=[printable(w) for w in articles.warnings],
    )
    for a in articles:
        if printable(a.id) != a.id or printable(a.origin or "") != (a.origin or ""):
            update = {"id": printable(a.id), "origin": printable(a.origin or "") or None}
            a = a.model_copy(update=update)
        if rename and a.id in ids:
            renamed = free_id(a.id, ids.__contains__)
            out.warnings.append(renamed_warning(a.origin or a.url or a.id, a.id, renamed))
            a = a.model_copy(update={"id": renamed})
        ids.add(a.id)
        out.append(a)
    return out
