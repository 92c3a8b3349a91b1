"""RSS and Atom feeds in, articles out (feedparser).

A feed item whose own content is the full article (``content:encoded`` on many sites) is used
as it is; an item with only a teaser is fetched from its link like any URL. A malformed feed,
an item with neither link nor text, or an item whose page cannot be fetched is a
:class:`~newsfuse.models.Skipped` naming the feed or item URL, and the other items go on.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from newsfuse.models import Article, Skipped
from newsfuse.settings import DEFAULT, FetchSettings

#: Local files read as feeds (a URL is recognised as a feed by what it returns).
FEED_SUFFIXES = (".rss", ".atom", ".xml")
#: The feed files read inside a folder: there ``.xml`` is too often something else (annotation
#: files, NewsML exports) to be read as a feed, each one a skip line.
FOLDER_FEED_SUFFIXES = (".rss", ".atom")

_BLOCK_END = re.compile(r"</(?:p|div|h[1-6]|li|blockquote|tr)>|<br\s*/?>", re.I)
_WORD = re.compile(r"\w+")


def feed_articles(
    data: bytes,
    feed: str,
    fetch_item: Callable[[str], Article | Skipped],
    settings: FetchSettings = DEFAULT.fetch,
    warn: Callable[[str], None] | None = None,
) -> list[Article | Skipped]:
    """The articles of the feed ``data`` (read from ``feed``), in the feed's order.

    ``fetch_item(url)`` fetches an item's page when the item carries only a teaser.
    ``warn(line)`` hears what was read with a change (a feed recovered from its errors, items
    past ``max_feed_items`` left out): not a skipped input, since its items are read.
    """
    warn = warn or (lambda line: None)
    import feedparser

    try:
        parsed = feedparser.parse(data)
    except Exception as e:  # a third-party parser on untrusted input
        return [Skipped(input=feed, reason=f"malformed feed ({type(e).__name__})")]
    entries: list[Any] = list(parsed.get("entries") or [])
    out: list[Article | Skipped] = []
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if problem is not None and not isinstance(problem, feedparser.CharacterEncodingOverride):
        why = " ".join(str(problem).split()) or type(problem).__name__
        # expat's "<unknown>:2:0: syntax error": the feed has no name inside the parser
        why = re.sub(r"^<unknown>:(\d+):(\d+):\s*", r"line \1, column \2: ", why)
        if not entries:
            return [Skipped(input=feed, reason=f"malformed feed: {why}")]
        # feedparser recovers what it can: say so, and go on with the items it read.
        n = len(entries)
        warn(f"{feed}: malformed feed: {why} (read the {n} item{'s' * (n != 1)} recovered)")
    if not entries:
        if not parsed.get("version"):
            return [Skipped(input=feed, reason="not an RSS or Atom feed")]
        return [Skipped(input=feed, reason="feed has no items")]
    if len(entries) > settings.max_feed_items:
        warn(
            f"{feed}: only the first {settings.max_feed_items} of {len(entries)} items read "
            "(FetchSettings.max_feed_items)"
        )
        entries = entries[: settings.max_feed_items]
    channel = parsed.get("feed") or {}
    source = _str(channel.get("title"))
    for n, entry in enumerate(entries, start=1):
        out.append(_item(entry, n, feed, source, fetch_item, settings))
    return out


def _item(
    entry: Any,
    n: int,
    feed: str,
    source: str | None,
    fetch_item: Callable[[str], Article | Skipped],
    settings: FetchSettings,
) -> Article | Skipped:
    from newsfuse.sources.url import normalise_url, url_id

    link = _str(entry.get("link"))
    link = (
        normalise_url(link) if link and link.lower().startswith(("http://", "https://")) else None
    )
    where = link or f"{feed} item {n}"
    title = _str(entry.get("title"))
    published = _published(entry)
    content = _content(entry)
    text = html_text(content) if content else ""
    if len(_WORD.findall(text)) >= settings.feed_full_text_words:
        item_id = url_id(link) if link else f"{_feed_id(feed)}-{n}"
        return Article(
            id=item_id,
            text=text,
            title=title,
            url=link,
            source=source,
            published=published,
            published_from="metadata" if published else None,
            origin=where,
        )
    if link is None:
        return Skipped(input=where, reason="feed item has neither a link nor its full text")
    got = fetch_item(link)
    if isinstance(got, Skipped):
        return got
    # The feed's own metadata is better than what the page's markup gave, when the page gave none.
    update: dict[str, Any] = {"origin": where}
    if got.title is None and title:
        update["title"] = title
    if got.published is None and published:
        update["published"], update["published_from"] = published, "metadata"
    if source and (got.source is None or got.source == _host(link)):
        update["source"] = source
    return got.model_copy(update=update)


def _content(entry: Any) -> str:
    """The fullest text an item carries: its content, else its summary."""
    best = ""
    for c in entry.get("content") or []:
        value = c.get("value") if isinstance(c, dict) else None
        if isinstance(value, str) and len(value) > len(best):
            best = value
    summary = entry.get("summary")
    if isinstance(summary, str) and len(summary) > len(best):
        best = summary
    return best


def html_text(fragment: str) -> str:
    """Plain text of an HTML fragment (feedparser has already sanitised it), a line per block."""
    if "<" not in fragment:
        return fragment.strip()
    import lxml.html

    try:
        root = lxml.html.fromstring(_BLOCK_END.sub(lambda m: m.group() + "\n", fragment))
    except Exception:  # lxml raises on fragments it cannot parse at all (e.g. only a comment)
        return ""
    text: str = root.text_content()
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def _published(entry: Any) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed"):
        value = entry.get(key)
        if value:
            try:
                return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
            except (AttributeError, ValueError):
                continue
    return None


def _feed_id(feed: str) -> str:
    from newsfuse.sources.url import is_url, url_id

    if is_url(feed):
        return url_id(feed)
    return re.sub(r"\.[A-Za-z]+$", "", feed.replace("\\", "/").rsplit("/", 1)[-1]) or "feed"


def _host(url: str) -> str:
    from newsfuse.sources.url import url_id

    return url_id(url).split("/", 1)[0]


def _str(value: object) -> str | None:
    return " ".join(value.split()) if isinstance(value, str) and value.strip() else None
