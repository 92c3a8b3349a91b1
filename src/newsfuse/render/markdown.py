"""Render a :class:`~newsfuse.models.Brief` for a person: Markdown or a standalone HTML page.

Each format is a list of section functions, one per part of the brief, run in order; a new
part of the brief is one new function added to each list.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from html import escape
from typing import TypeVar

from markdown_it import MarkdownIt

from newsfuse.models import Brief, Skipped, TimelineEntry
from newsfuse.settings import DEFAULT, RenderSettings

DEFAULT_TITLE = "Brief"


@dataclass(frozen=True)
class _Ids:
    """What every section needs: how each article is named in citations (its short id), and
    how many items a section shows."""

    short: dict[str, str]
    limits: RenderSettings = DEFAULT.render

    def cite(self, article_id: str) -> str:
        return self.short.get(article_id, article_id)

    def shorten(self, text: str) -> str:
        """``text`` with every full article id in it replaced by its short id."""
        return shorten_ids(text, self.short)


def shorten_ids(text: str, short: dict[str, str]) -> str:
    """``text`` with every full article id in it replaced by its short id (from ``short``,
    as :func:`brief_short_ids` makes it); the longest ids first, so no id eats another's."""
    for full, brief_id in sorted(short.items(), key=lambda kv: -len(kv[0])):
        if full != brief_id:
            text = text.replace(full, brief_id)
    return text


def short_ids(ids: Iterable[str]) -> dict[str, str]:
    """Map each id to its prefix before the first ``_`` when no other id shares it, else itself.

    Ids like ``001_8fa23842f85e5271`` become ``001``; a prefix that is also another full id, or
    is shared by two ids, is not used.
    """
    ids = list(dict.fromkeys(ids))
    prefixes: dict[str, int] = {}
    for i in ids:
        prefix = i.split("_", 1)[0]
        prefixes[prefix] = prefixes.get(prefix, 0) + 1
    full = set(ids)
    out: dict[str, str] = {}
    for i in ids:
        prefix = i.split("_", 1)[0]
        unique = prefixes[prefix] == 1 and (prefix == i or prefix not in full)
        out[i] = prefix if prefix and unique else i
    return out


def brief_short_ids(brief: Brief) -> dict[str, str]:
    """How the brief names each of its articles in citations: :func:`short_ids` over every id
    it cites (the Markdown and HTML briefs and the web app's brief page share this)."""
    order = [a.id for a in brief.articles]
    order += [s for sentence in brief.summary for s in sentence.sources]
    order += [m for f in brief.families for m in f.members]
    return short_ids(order)


def _ids(brief: Brief, limits: RenderSettings = DEFAULT.render) -> _Ids:
    return _Ids(short=brief_short_ids(brief), limits=limits)


_T = TypeVar("_T")


def _capped(items: Sequence[_T], limit: int) -> tuple[Sequence[_T], int]:
    """The first ``limit`` items (all when ``limit`` is 0) and how many were left out."""
    if limit <= 0 or len(items) <= limit:
        return items, 0
    return items[:limit], len(items) - limit


def _more(n: int, what: str) -> str:
    """The line that says a section was cut, and where the rest is."""
    return f"*... and {n} more {what} in the JSON brief (`--format json`).*" if n else ""


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _counts(brief: Brief) -> str:
    line = (
        f"{_plural(len(brief.articles), 'article', 'articles')}, "
        f"{_plural(brief.independent_sources, 'independent source', 'independent sources')} "
        f"({'family' if brief.independent_sources == 1 else 'families'})"
    )
    if brief.skipped:
        line += f"; {_plural(len(brief.skipped), 'input', 'inputs')} skipped"
    return line


def _copies(brief: Brief, ids: _Ids) -> tuple[list[tuple[int, list[str]]], bool]:
    """Families with more than one member (as short ids), and whether any family is single."""
    groups = [
        (f.id, [ids.cite(m) for m in f.members]) for f in brief.families if len(f.members) > 1
    ]
    singles = any(len(f.members) == 1 for f in brief.families)
    return groups, singles


def _and(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _notes(brief: Brief) -> tuple[str, ...]:
    return tuple(getattr(brief, "notes", ()) or ())


# --- Markdown ------------------------------------------------------------------------------

# Only what CommonMark (with GFM tables) would read as markup is escaped, so Markdown piped to
# a file or another tool reads as plain text ("->" and "it's `so`" stay as written):
# emphasis stars, underscores at a word's edge, a backslash before punctuation, a link's "](",
# "<" opening a tag or an autolink, "~~", an entity, a table's "|", and a block marker
# (">", "#", "-", "+", "1.") opening the text. A backtick is escaped only when paired.
_MD_INLINE = re.compile(
    r"[*|]|\\(?=[!-/:-@\[-`{-~])|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])|\](?=[(\[])"
    r"|<(?=[A-Za-z/!?])|~(?=~)|&(?=#?\w+;)"
)
_MD_BLOCK_START = re.compile(r"^(?:[>#+=]|-(?=\s|$)|\d+(?=[.)](?:\s|$)))")


def _md(text: str | None, line_start: bool = False) -> str:
    """``text`` as literal Markdown inline text, on one line (``line_start``: opening one)."""
    if not text:
        return ""
    text = _MD_INLINE.sub(lambda m: "\\" + m.group(), " ".join(text.split()))
    if text.count("`") > 1:
        text = text.replace("`", "\\`")
    m = _MD_BLOCK_START.match(text) if line_start else None
    if m:
        text = text[: m.end()] + "\\" + text[m.end() :] if m.group()[0].isdigit() else "\\" + text
    return text


def _code(text: str) -> str:
    """``text`` as a Markdown code span: ids and paths stay as typed, with no escapes."""
    text = " ".join(text.split())
    fence = "``" if "`" in text else "`"
    pad = " " if fence == "``" else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _after(line: str) -> str:
    """``line`` as a paragraph of its own after a table or list, or nothing."""
    return f"\n\n{line}" if line else ""


def _md_title(brief: Brief, ids: _Ids) -> str:
    return f"# {_md(brief.title) or DEFAULT_TITLE}\n\n{_counts(brief)}"


def _md_notes(brief: Brief, ids: _Ids) -> str:
    return "\n".join(f"> **Note:** {_md(n)}" for n in _notes(brief))


def _md_summary(brief: Brief, ids: _Ids) -> str:
    if not brief.summary:
        why = brief.summary_note or (
            f"no sentence fits in the budget of {_plural(brief.words, 'word', 'words')}"
            if brief.articles
            else "no article could be used"
        )
        return f"## Summary\n\n*No summary: {_md(why)}.*"
    parts: list[str] = []
    for s in brief.summary:
        cite = f" [{', '.join(_md(ids.cite(i)) for i in s.sources)}]" if s.sources else ""
        parts.append(_md(s.text, line_start=not parts) + cite)
    return "## Summary\n\n" + " ".join(parts)


def _cites(ids: _Ids, sources: Sequence[str]) -> str:
    return ", ".join(_md(ids.cite(i)) for i in sources)


def _md_event(brief: Brief, ids: _Ids) -> str:
    e = brief.event
    if e is None or not (e.what or e.date or e.where):
        return ""
    lines = ["## What happened", ""]
    if e.what:
        lines.append(f"- **What:** {_md(e.what)}")
    lines.append(f"- **Where:** {_md(e.where) or '*not determined*'}")
    if e.date:
        lines.append(
            f"- **When:** {e.date.isoformat()} ({e.precision}), dated so by "
            f"{_plural(len(e.sources), 'article', 'articles')} [{_cites(ids, e.sources)}]"
        )
        lines += [f"  - {_md(ids.shorten(x))}" for x in e.evidence]
    else:
        lines.append("- **When:** *not determined: no report dates the event*")
    return "\n".join(lines)


def _md_facts(brief: Brief, ids: _Ids) -> str:
    if not brief.facts:
        return "## Facts\n\n*No checkable facts were found.*"
    head = "| value | about | confirmed by | sources |\n|---|---|---|---|"
    rows = []
    shown, left = _capped(brief.facts, ids.limits.max_facts)
    for f in shown:
        if f.status == "corroborated":
            confirmed = (
                f"**{_plural(f.independent_sources, 'independent source', 'independent sources')}**"
            )
        elif f.status == "conflict":
            confirmed = "*in conflict: see below*"
        else:
            confirmed = "*single source*"
        value = f.value if len(f.value) <= 80 else f.value[:77] + "..."
        sources = _cites(ids, f.sources)
        if f.stated:  # who gives which precision: "2018-09: 001; 2018: 000, 002"
            sources = "; ".join(f"{_md(v.value)}: {_cites(ids, v.sources)}" for v in f.stated)
        rows.append(f"| {_md(value)} | {_md(f.about)} | {confirmed} | {sources} |")
    return "## Facts\n\n" + head + "\n" + "\n".join(rows) + _after(_more(left, "facts"))


def _md_conflicts(brief: Brief, ids: _Ids) -> str:
    if not brief.conflicts:
        return ""
    parts = ["## Conflicts"]
    for c in brief.conflicts:
        rows = ["| value | according to | sources | wording |", "|---|---|---|---|"]
        for v in c.values:
            rows.append(
                f"| **{_md(v.value)}** | {_md(v.attributed_to) or '–'} | {_cites(ids, v.sources)} | {_md(v.text)} |"
            )
        parts.append(f"**{_md(c.about)}**\n\n" + "\n".join(rows))
    return "\n\n".join(parts)


def _md_timeline(brief: Brief, ids: _Ids) -> str:
    if not brief.timeline:
        return ""
    rows = ["| date | what | sources |", "|---|---|---|"]
    # The story's days first, then background dates that are not events of the story.
    story = [e for e in brief.timeline if not e.background]
    background = [e for e in brief.timeline if e.background]
    entries, left = _capped(story + background, ids.limits.max_timeline)
    for e in entries:
        when = e.date.isoformat() if e.precision == "day" else timeline_when(e)
        if e.background:
            when += " (background)"
        what = _md(e.what)
        rows.append(f"| {when} | {what} | {_cites(ids, e.sources)} |")
    note = _after(_more(left, "timeline entries"))
    resolved, unshown = _capped(
        list(dict.fromkeys(r for e in entries for r in e.resolution)), ids.limits.max_resolutions
    )
    if resolved:
        note += "\n\nRelative dates, as resolved:\n\n" + "\n".join(
            f"- {_md(ids.shorten(r))}" for r in resolved
        )
        note += _after(_more(unshown, "resolutions"))
    return "## Timeline\n\n" + "\n".join(rows) + note


def timeline_when(e: TimelineEntry) -> str:
    """The date of a timeline entry as precise as it was given: "2018", "2020-06", "1950s",
    a day, or a span of days."""
    if e.precision == "year":
        return str(e.date.year)
    if e.precision == "month":
        return e.date.strftime("%Y-%m")
    if e.precision == "decade":
        return f"{e.date.year}s"
    if e.until and e.until != e.date:
        return f"{e.date.isoformat()} to {e.until.isoformat()}"
    return e.date.isoformat()


def _md_entities(brief: Brief, ids: _Ids) -> str:
    if not brief.entities:
        return ""
    groups = {
        "person": "People",
        "organisation": "Organisations",
        "place": "Places",
        "other": "Other",
    }
    lines = ["## People, organisations and places", ""]
    for kind, label in groups.items():
        items, left = _capped(
            [e for e in brief.entities if e.type == kind], ids.limits.max_entities
        )
        if not items:
            continue
        shown = []
        for e in items:
            text = f"{_md(e.name)} ({_plural(len(e.sources), 'source', 'sources')})"
            if e.variants:
                text += " – also " + ", ".join(f"“{_md(v)}”" for v in e.variants)
            shown.append(text)
        more = f"; and {left} more in the JSON brief" if left else ""
        lines.append(f"- **{label}:** " + "; ".join(shown) + more)
    return "\n".join(lines)


def _md_quotes(brief: Brief, ids: _Ids) -> str:
    if not brief.quotes:
        return ""
    lines = ["## Quotes", ""]
    quotes, left = _capped(brief.quotes, ids.limits.max_quotes)
    for q in quotes:
        who = _md(q.speaker) if q.speaker else "*unattributed*"
        line = f"- {who}: “{_md(q.text)}” [{_cites(ids, q.sources)}]"
        if q.variants:
            line += " – also reported as " + "; ".join(f"“{_md(v)}”" for v in q.variants)
        lines.append(line)
    return "\n".join(lines) + _after(_more(left, "quotes"))


def _md_sources(brief: Brief, ids: _Ids) -> str:
    if not brief.articles:
        return ""
    shortened = any(ids.cite(a.id) != a.id for a in brief.articles)
    head = ["id", "title", "source", "published", "family", "words", "lines removed"]
    align = ["---", "---", "---", "---", "--:", "--:", "--:"]
    if shortened:
        head.insert(1, "full id")
        align.insert(1, "---")
    rows = ["| " + " | ".join(head) + " |", "|" + "|".join(align) + "|"]
    articles, left = _capped(brief.articles, ids.limits.max_sources)
    for a in articles:
        cells = [
            _code(ids.cite(a.id)),
            _md(a.title) or "–",
            _md(a.source) or "–",
            a.published.isoformat() if a.published else "–",
            str(a.family),
            str(a.words),
            str(len(a.removed_lines)),
        ]
        if shortened:
            cells.insert(1, _code(a.id))
        rows.append("| " + " | ".join(cells) + " |")
    return "## Sources\n\n" + "\n".join(rows) + _after(_more(left, "sources"))


def _md_families(brief: Brief, ids: _Ids) -> str:
    if not brief.families:
        return ""
    groups, singles = _copies(brief, ids)
    # A report quoting another at length keeps its own family: say so, or a reader sees two
    # witnesses where the quoted words count once (Family.quoting).
    quoting = "".join(
        f" {_md(ids.cite(a))} quotes {_md(ids.cite(b))} at length: its own witness, but what it"
        f" quotes counts once with {_md(ids.cite(b))}."
        for f in brief.families
        for a, b in f.quoting
    )
    if not groups:
        return "**Families:** no article is a copy of another." + quoting
    why = {f.id: [ids.shorten(w) for w in f.why] for f in brief.families}
    parts = [
        f"{_and([_md(m) for m in members])} count as one source (family {fid}"
        + (": " + _md("; ".join(why[fid])) if why.get(fid) else "")
        + ")"
        for fid, members in groups
    ]
    line = "**Families:** " + "; ".join(parts)
    if singles:
        line += "; every other article is its own family"
    return line + "." + quoting


def _md_skipped(brief: Brief, ids: _Ids) -> str:
    if not brief.skipped:
        return ""
    skipped, left = _capped(brief.skipped, ids.limits.max_skipped)
    items = "\n".join(f"- {_code(s.input)}: {_md(s.reason)}" for s in skipped)
    return f"## Skipped ({len(brief.skipped)})\n\n{items}" + _after(_more(left, "skipped inputs"))


MARKDOWN_SECTIONS: list[Callable[[Brief, _Ids], str]] = [
    _md_title,
    _md_notes,
    _md_event,
    _md_summary,
    _md_facts,
    _md_conflicts,
    _md_timeline,
    _md_entities,
    _md_quotes,
    _md_sources,
    _md_families,
    _md_skipped,
]


def to_markdown(brief: Brief, limits: RenderSettings = DEFAULT.render) -> str:
    """The brief as a Markdown document, each section cut to ``limits``."""
    ids = _ids(brief, limits)
    sections = (section(brief, ids) for section in MARKDOWN_SECTIONS)
    return "\n\n".join(s for s in sections if s) + "\n"


def run_markdown(
    skipped: Sequence[Skipped], notes: Sequence[str], limits: RenderSettings = DEFAULT.render
) -> str:
    """What a run of several events could not use or read with a change (skipped inputs, the
    readers' warnings about no one event's articles), once, as a closing Markdown section;
    "" if there is nothing to say."""
    if not skipped and not notes:
        return ""
    parts = ["# Inputs of this run"]
    parts += [f"> **Note:** {_md(n)}" for n in notes]
    if skipped:
        shown, left = _capped(skipped, limits.max_skipped)
        items = "\n".join(f"- {_code(s.input)}: {_md(s.reason)}" for s in shown)
        more = f"*... and {left} more skipped inputs on stderr.*" if left else ""
        parts.append(f"## Skipped ({len(skipped)})\n\n{items}" + _after(more))
    return "\n\n".join(parts) + "\n"


def markdown_to_html(text: str) -> str:
    """Markdown (as :func:`to_markdown` writes it) as the HTML of a page's body."""
    html: str = _MARKDOWN.render(text)
    return html


# --- HTML ----------------------------------------------------------------------------------
# The page is the Markdown brief rendered by markdown-it-py (raw HTML off, so all text stays
# escaped): one set of sections serves both formats.

_CSS = """
body{font:16px/1.55 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d1d1f;background:#fff;
max-width:54rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.6rem;line-height:1.25;margin-bottom:.3rem}h2{font-size:1.15rem;margin-top:2rem}
blockquote{background:#fff7e0;border-left:4px solid #e0a800;margin:.5rem 0;padding:.1rem .8rem}
table{border-collapse:collapse;width:100%;font-size:.88rem}
th,td{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}
code{font-size:.9em}
""".strip()

_MARKDOWN = MarkdownIt("js-default")  # CommonMark + tables, raw HTML disabled


def to_html(brief: Brief, limits: RenderSettings = DEFAULT.render) -> str:
    """The brief as a complete standalone HTML5 page (inline CSS, nothing to fetch)."""
    body = _MARKDOWN.render(to_markdown(brief, limits))
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(brief.title or DEFAULT_TITLE)}</title>\n<style>\n{_CSS}\n</style>\n"
        f"</head>\n<body>\n<main>\n{body}</main>\n</body>\n</html>\n"
    )
