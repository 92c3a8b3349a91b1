"""Render a :class:`~newsfuse.models.Brief` for a person: Markdown or a standalone HTML page.

Each format is a list of section functions, one per part of the brief, run in order; a new
part of the brief is one new function added to each list.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from html import escape

from newsfuse.models import Brief

DEFAULT_TITLE = "Brief"


@dataclass(frozen=True)
class _Ids:
    """How each article is named in citations (short) and linked to in HTML (anchor)."""

    short: dict[str, str]
    anchor: dict[str, str]

    def cite(self, article_id: str) -> str:
        return self.short.get(article_id, article_id)


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


def _ids(brief: Brief) -> _Ids:
    order = [a.id for a in brief.articles]
    order += [s for sentence in brief.summary for s in sentence.sources]
    order += [m for f in brief.families for m in f.members]
    short = short_ids(order)
    return _Ids(short=short, anchor={i: f"src-{n}" for n, i in enumerate(short, start=1)})


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
    groups = [(f.id, [ids.cite(m) for m in f.members]) for f in brief.families if len(f.members) > 1]
    singles = any(len(f.members) == 1 for f in brief.families)
    return groups, singles


def _and(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _notes(brief: Brief) -> tuple[str, ...]:
    return tuple(getattr(brief, "notes", ()) or ())


# --- Markdown ------------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")


def _md(text: str | None) -> str:
    """``text`` as literal Markdown inline text, on one line."""
    if not text:
        return ""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _code(text: str) -> str:
    """``text`` as a Markdown code span: ids and paths stay as typed, with no escapes."""
    text = " ".join(text.split())
    fence = "``" if "`" in text else "`"
    pad = " " if fence == "``" else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _md_title(brief: Brief, ids: _Ids) -> str:
    return f"# {_md(brief.title) or DEFAULT_TITLE}\n\n{_counts(brief)}"


def _md_notes(brief: Brief, ids: _Ids) -> str:
    return "\n".join(f"> **Note:** {_md(n)}" for n in _notes(brief))


def _md_summary(brief: Brief, ids: _Ids) -> str:
    if not brief.summary:
        return "## Summary\n\n*No summary: no article could be used.*"
    parts = []
    for s in brief.summary:
        cite = f" [{', '.join(_md(ids.cite(i)) for i in s.sources)}]" if s.sources else ""
        parts.append(_md(s.text) + cite)
    return "## Summary\n\n" + " ".join(parts)


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
    for a in brief.articles:
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
    return "## Sources\n\n" + "\n".join(rows)


def _md_families(brief: Brief, ids: _Ids) -> str:
    if not brief.families:
        return ""
    groups, singles = _copies(brief, ids)
    if not groups:
        return "**Families:** no article is a copy of another."
    parts = [f"{_and([_md(m) for m in members])} are copies of one text (family {fid})" for fid, members in groups]
    line = "**Families:** " + "; ".join(parts)
    if singles:
        line += "; every other article is its own family"
    return line + "."


def _md_skipped(brief: Brief, ids: _Ids) -> str:
    if not brief.skipped:
        return ""
    items = "\n".join(f"- {_code(s.input)}: {_md(s.reason)}" for s in brief.skipped)
    return f"## Skipped ({len(brief.skipped)})\n\n{items}"


MARKDOWN_SECTIONS: list[Callable[[Brief, _Ids], str]] = [
    _md_title,
    _md_notes,
    _md_summary,
    _md_sources,
    _md_families,
    _md_skipped,
]


def to_markdown(brief: Brief) -> str:
    """The brief as a Markdown document."""
    ids = _ids(brief)
    sections = (section(brief, ids) for section in MARKDOWN_SECTIONS)
    return "\n\n".join(s for s in sections if s) + "\n"


# --- HTML ----------------------------------------------------------------------------------

_CSS = """
body{font:16px/1.55 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d1d1f;background:#fff;
max-width:54rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.6rem;line-height:1.25;margin-bottom:.3rem}h2{font-size:1.15rem;margin-top:2rem}
.counts{color:#555;margin-top:0}.note{background:#fff7e0;border-left:4px solid #e0a800;
padding:.4rem .8rem;margin:.5rem 0}sup.cite{font-size:.7em;color:#555}sup.cite a{color:#0b5cad;
text-decoration:none}table{border-collapse:collapse;width:100%;font-size:.88rem}
th,td{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}
td.num,th.num{text-align:right}tr:target{background:#fff7e0}code{font-size:.9em}
""".strip()


def _h(text: str | None) -> str:
    return escape(text or "")


def _html_title(brief: Brief, ids: _Ids) -> str:
    return f"<h1>{_h(brief.title or DEFAULT_TITLE)}</h1>\n<p class=\"counts\">{_h(_counts(brief))}</p>"


def _html_notes(brief: Brief, ids: _Ids) -> str:
    return "\n".join(f'<p class="note"><strong>Note:</strong> {_h(n)}</p>' for n in _notes(brief))


def _html_cite(ids: _Ids, article_id: str) -> str:
    anchor = ids.anchor.get(article_id)
    label = _h(ids.cite(article_id))
    if anchor is None:
        return label
    return f'<a href="#{anchor}" title="{_h(article_id)}">{label}</a>'


def _html_summary(brief: Brief, ids: _Ids) -> str:
    if not brief.summary:
        return "<h2>Summary</h2>\n<p><em>No summary: no article could be used.</em></p>"
    parts = []
    for s in brief.summary:
        cite = ""
        if s.sources:
            cite = '<sup class="cite">[' + ", ".join(_html_cite(ids, i) for i in s.sources) + "]</sup>"
        parts.append(_h(s.text) + cite)
    return "<h2>Summary</h2>\n<p>" + "\n".join(parts) + "</p>"


def _html_sources(brief: Brief, ids: _Ids) -> str:
    if not brief.articles:
        return ""
    shortened = any(ids.cite(a.id) != a.id for a in brief.articles)
    full_head = "<th>full id</th>" if shortened else ""
    head = (
        f"<tr><th>id</th>{full_head}<th>title</th><th>source</th><th>published</th>"
        '<th class="num">family</th><th class="num">words</th><th class="num">lines removed</th></tr>'
    )
    rows = []
    for a in brief.articles:
        published = a.published.isoformat() if a.published else "–"
        full = f"<td><code>{_h(a.id)}</code></td>" if shortened else ""
        rows.append(
            f'<tr id="{ids.anchor[a.id]}"><td><code>{_h(ids.cite(a.id))}</code></td>{full}'
            f"<td>{_h(a.title) or '–'}</td><td>{_h(a.source) or '–'}</td><td>{published}</td>"
            f'<td class="num">{a.family}</td><td class="num">{a.words}</td>'
            f'<td class="num">{len(a.removed_lines)}</td></tr>'
        )
    return (
        "<h2>Sources</h2>\n<table>\n<thead>" + head + "</thead>\n<tbody>\n"
        + "\n".join(rows)
        + "\n</tbody>\n</table>"
    )


def _html_families(brief: Brief, ids: _Ids) -> str:
    if not brief.families:
        return ""
    groups, singles = _copies(brief, ids)
    if not groups:
        return "<p><strong>Families:</strong> no article is a copy of another.</p>"
    parts = [f"{_h(_and(members))} are copies of one text (family {fid})" for fid, members in groups]
    line = "; ".join(parts)
    if singles:
        line += "; every other article is its own family"
    return f"<p><strong>Families:</strong> {line}.</p>"


def _html_skipped(brief: Brief, ids: _Ids) -> str:
    if not brief.skipped:
        return ""
    items = "\n".join(f"<li><code>{_h(s.input)}</code>: {_h(s.reason)}</li>" for s in brief.skipped)
    return f"<h2>Skipped ({len(brief.skipped)})</h2>\n<ul>\n{items}\n</ul>"


HTML_SECTIONS: list[Callable[[Brief, _Ids], str]] = [
    _html_title,
    _html_notes,
    _html_summary,
    _html_sources,
    _html_families,
    _html_skipped,
]


def to_html(brief: Brief) -> str:
    """The brief as a complete standalone HTML5 page."""
    ids = _ids(brief)
    body = "\n".join(s for s in (section(brief, ids) for section in HTML_SECTIONS) if s)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_h(brief.title or DEFAULT_TITLE)}</title>\n<style>\n{_CSS}\n</style>\n"
        f"</head>\n<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n"
    )
