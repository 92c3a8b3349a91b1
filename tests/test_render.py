import datetime as dt
from html.parser import HTMLParser
from typing import ClassVar

import pytest

from newsfuse.models import ArticleReport, Brief, Family, RemovedLine, Skipped, SummarySentence
from newsfuse.render.markdown import short_ids, to_html, to_markdown

A, B, C = "001_8fa23842f85e5271", "002_24046019265150bb", "003_e677b8c53843b8f0"


def make_brief(**changes) -> Brief:
    fields = {
        "title": "North Korea blows up liaison office in Kaesong",
        "words": 120,
        "summary": (
            SummarySentence(
                text="North Korea blew up the inter-Korean liaison office in Kaesong on Tuesday.",
                sources=(A, B, C),
            ),
            SummarySentence(
                text="The office opened in September 2018 after a summit.", sources=(C,)
            ),
        ),
        "articles": (
            ArticleReport(
                id=A,
                title="N. Korea blows up liaison office",
                source="Yonhap",
                published=dt.date(2020, 6, 16),
                family=1,
                words=436,
                removed_lines=(RemovedLine(text="Subscribe", reason="page chrome"),),
            ),
            ArticleReport(id=B, title=None, source="Reuters", family=1, words=499),
            ArticleReport(id=C, title="Liaison office destroyed", family=2, words=430),
        ),
        "families": (Family(id=1, members=(A, B)), Family(id=2, members=(C,))),
        "independent_sources": 2,
        "skipped": (Skipped(input="notes.pdf", reason="unsupported file type '.pdf'"),),
    }
    fields.update(changes)
    return Brief(**fields)


# --- ids -----------------------------------------------------------------------------------


def test_short_ids_use_the_prefix_when_unique():
    assert short_ids([A, B, C]) == {A: "001", B: "002", C: "003"}


def test_short_ids_keep_full_ids_when_prefixes_clash_or_are_missing():
    ids = ["ap_1", "ap_2", "reuters_1", "plain", "_lead", "x"]
    assert short_ids(ids) == {
        "ap_1": "ap_1",
        "ap_2": "ap_2",
        "reuters_1": "reuters",
        "plain": "plain",
        "_lead": "_lead",
        "x": "x",
    }


def test_short_id_never_equals_another_full_id():
    assert short_ids(["ap", "ap_2"]) == {"ap": "ap", "ap_2": "ap_2"}


# --- Markdown ------------------------------------------------------------------------------


def test_markdown_has_every_section_in_order():
    md = to_markdown(make_brief())
    lines = md.splitlines()
    assert lines[0] == "# North Korea blows up liaison office in Kaesong"
    assert "3 articles, 2 independent sources (families); 1 input skipped" in lines
    positions = [
        md.index(h) for h in ("## Summary", "## Sources", "**Families:**", "## Skipped (1)")
    ]
    assert positions == sorted(positions)
    assert md.endswith("\n") and not md.endswith("\n\n")


def test_markdown_summary_cites_short_ids():
    md = to_markdown(make_brief())
    assert (
        "North Korea blew up the inter-Korean liaison office in Kaesong on Tuesday. [001, 002, 003] "
        "The office opened in September 2018 after a summit. [003]"
    ) in md


def test_markdown_sources_table():
    md = to_markdown(make_brief())
    assert "| id | full id | title | source | published | family | words | lines removed |" in md
    assert (
        f"| `001` | `{A}` | N. Korea blows up liaison office | Yonhap | 2020-06-16 | 1 | 436 | 1 |"
        in md
    )
    assert f"| `002` | `{B}` | – | Reuters | – | 1 | 499 | 0 |" in md


def test_markdown_table_without_shortened_ids_has_no_full_id_column():
    brief = make_brief(
        summary=(SummarySentence(text="Smoke rose.", sources=("ap", "afp")),),
        articles=(
            ArticleReport(id="ap", family=1, words=300),
            ArticleReport(id="afp", family=2, words=250),
        ),
        families=(Family(id=1, members=("ap",)), Family(id=2, members=("afp",))),
    )
    md = to_markdown(brief)
    assert "| id | title | source | published | family | words | lines removed |" in md
    assert "Smoke rose. [ap, afp]" in md
    assert "**Families:** no article is a copy of another." in md


def test_markdown_families_line_names_the_copies():
    md = to_markdown(make_brief())
    assert (
        "**Families:** 001 and 002 count as one source (family 1); "
        "every other article is its own family."
    ) in md


def test_markdown_families_line_says_who_quotes_whom():
    # heldout3 dbe413a6's shape: a report quoting an agency's page at length is its own family
    brief = make_brief(
        summary=(SummarySentence(text="Smoke rose.", sources=("epa", "ktvt")),),
        articles=(
            ArticleReport(id="epa", family=1, words=300),
            ArticleReport(id="ktvt", family=2, words=250),
        ),
        families=(
            Family(id=1, members=("epa",)),
            Family(id=2, members=("ktvt",), quoting=(("ktvt", "epa"),)),
        ),
    )
    md = to_markdown(brief)
    assert (
        "**Families:** no article is a copy of another. ktvt quotes epa at length: its own "
        "witness, but what it quotes counts once with epa."
    ) in md


def test_markdown_skipped_and_notes():
    brief = make_brief(
        notes=("only one article was usable: nothing in this brief is corroborated",)
    )
    md = to_markdown(brief)
    assert "> **Note:** only one article was usable: nothing in this brief is corroborated" in md
    assert "- `notes.pdf`: unsupported file type '.pdf'" in md


def test_markdown_without_title_skipped_or_summary():
    brief = Brief(words=120)
    md = to_markdown(brief)
    assert md.splitlines()[0] == "# Brief"
    assert "0 articles, 0 independent sources (families)" in md
    assert "*No summary: no article could be used.*" in md
    assert "## Skipped" not in md and "## Sources" not in md


def test_markdown_singular_counts():
    brief = make_brief(
        articles=make_brief().articles[:1],
        families=(Family(id=1, members=(A,)),),
        independent_sources=1,
        skipped=(),
    )
    assert "1 article, 1 independent source (family)\n" in to_markdown(brief)


def test_markdown_escapes_text_that_would_become_markup():
    brief = make_brief(
        title="*Breaking* [live] <b>",
        articles=(ArticleReport(id=A, title="Kim | Moon", family=1, words=10),),
    )
    md = to_markdown(brief)
    assert md.startswith(r"# \*Breaking\* [live] \<b>")
    assert r"| Kim \| Moon |" in md


def test_markdown_does_not_over_escape_plain_text():
    # Piped Markdown is read as text: "->", a lone backtick, [brackets], snake_case and a
    # full stop after a number are not markup and must stay as written.
    brief = make_brief(
        title="KCNA -> Seoul: it's `over` [sic], user_name said at 2.50",
        summary=(SummarySentence(text="> 2020. North Korea said `no`.", sources=(A,)),),
    )
    md = to_markdown(brief)
    assert md.startswith("# KCNA -> Seoul: it's \\`over\\` [sic], user_name said at 2.50\n")
    assert "## Summary\n\n\\> 2020. North Korea said \\`no\\`. [001]" in md
    html = to_html(brief)
    assert "KCNA -&gt; Seoul: it's `over` [sic], user_name said at 2.50" in html
    assert "&gt; 2020. North Korea said `no`." in html


# --- HTML ----------------------------------------------------------------------------------


class _TagChecker(HTMLParser):
    VOID: ClassVar[set[str]] = {"meta", "link", "br", "img", "hr", "input"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"unbalanced </{tag}>"
        self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def parse(html: str) -> _TagChecker:
    checker = _TagChecker()
    checker.feed(html)
    checker.close()
    assert checker.stack == []
    return checker


def test_html_is_a_complete_balanced_page():
    html = to_html(make_brief())
    assert html.startswith('<!DOCTYPE html>\n<html lang="en">')
    page = parse(html)
    assert page.tags[:3] == ["html", "head", "meta"]
    for tag in ("title", "style", "body", "h1", "h2", "table"):
        assert tag in page.tags
    assert "<script" not in html and "<link" not in html  # standalone: nothing to fetch


def test_html_has_the_same_content_as_markdown():
    text = "".join(parse(to_html(make_brief())).text)
    for expected in (
        "North Korea blows up liaison office in Kaesong",
        "3 articles, 2 independent sources (families); 1 input skipped",
        "The office opened in September 2018 after a summit.",
        "N. Korea blows up liaison office",
        "2020-06-16",
        "001 and 002 count as one source (family 1)",
        "notes.pdf",
        "unsupported file type '.pdf'",
    ):
        assert expected in text


def test_html_summary_keeps_its_citations():
    html = to_html(make_brief())
    assert "on Tuesday. [001, 002, 003]" in html


def test_html_escapes_everything():
    evil = '<script>alert("x")</script> & co'
    brief = make_brief(
        title=evil,
        summary=(SummarySentence(text=evil, sources=('"><b>',)),),
        articles=(ArticleReport(id='"><b>', title=evil, source=evil, family=1, words=5),),
        families=(Family(id=1, members=('"><b>',)),),
        skipped=(Skipped(input="<x>.txt", reason=evil),),
        notes=(evil,),
    )
    html = to_html(brief)
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co" in html
    parse(html)


def test_html_notes_are_shown():
    brief = make_brief(
        notes=("all articles derive from one text: they count as one independent source",)
    )
    assert "<strong>Note:</strong> all articles derive from one text" in to_html(brief)


@pytest.mark.parametrize("render", [to_markdown, to_html])
def test_brief_methods_use_the_renderers(render):
    brief = make_brief()
    method = brief.to_markdown if render is to_markdown else brief.to_html
    assert method() == render(brief)


def test_sections_are_capped_in_markdown_and_html_and_json_keeps_everything():
    from newsfuse.models import Entity, Fact, Quote, TimelineEntry
    from newsfuse.render import to_json
    from newsfuse.settings import RenderSettings

    n = 300
    ids = [f"{i:03d}_x" for i in range(n)]
    brief = make_brief(
        facts=tuple(
            Fact(
                about=f"thing {i}",
                kind="count",
                value=str(i),
                text=f"{i} people were there.",
                sources=(ids[i],),
                independent_sources=1,
                status="single-source",
            )
            for i in range(n)
        ),
        timeline=tuple(
            TimelineEntry(
                date=dt.date(2010, 1, 1) + dt.timedelta(days=i),
                precision="day",
                what=f"Event {i} happened.",
                sources=(ids[i],),
            )
            for i in range(n)
        ),
        entities=tuple(
            Entity(
                name=f"Person {i}",
                type="person",
                sources=(ids[i],),
                independent_sources=1,
                mentions=1,
            )
            for i in range(n)
        ),
        quotes=tuple(
            Quote(text=f"Quote {i}", sources=(ids[i],), independent_sources=1) for i in range(n)
        ),
        articles=tuple(ArticleReport(id=i, family=1, words=100) for i in ids),
    )
    md = to_markdown(brief)
    assert "*... and 280 more facts in the JSON brief (`--format json`).*" in md
    assert "*... and 285 more timeline entries in the JSON brief" in md
    assert "*... and 290 more quotes in the JSON brief" in md
    assert "; and 290 more in the JSON brief" in md  # people
    assert "*... and 250 more sources in the JSON brief" in md
    assert len(md) < 20_000  # 300 of everything, one screenful per section
    assert "and 280 more facts" in to_html(brief)
    everything = to_markdown(brief, RenderSettings(0, 0, 0, 0, 0, 0, 0))
    assert "more facts" not in everything and "Person 299" in everything
    json_brief = to_json(brief)
    assert "Person 299" in json_brief and '"value": "299"' in json_brief
