"""qa2: pictures' credits inside kept lines, widget headings ending on "More>>", and the reason
screening gives for a text the cleaner emptied (real text from tests/fixtures/qa2)."""

from __future__ import annotations

from pathlib import Path

from newsfuse.fusion.clean import clean
from newsfuse.fusion.screen import screen
from newsfuse.models import Article

FIXTURES = Path(__file__).parent / "fixtures" / "qa2"


def cleaned(name: str, title: str | None = None) -> Article:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    return clean(Article(id=name, text=text, title=title))


def removed(article: Article) -> list[tuple[str, str]]:
    return [(r.text, r.reason) for r in article.removed_lines]


def test_agency_photo_credit_after_a_caption_is_cut_and_recorded():
    article = cleaned("multinews_ap_photo_credit.txt")
    assert "Richard Vogel" not in article.body
    assert ("AP Photo/Richard Vogel", "photo credit") in removed(article)
    # the caption's sentence before it stays: only the credit goes
    assert "died at the scene." in article.body.split("\n")[0]


def test_photo_credit_with_nested_parentheses_is_cut_mid_line():
    article = cleaned("gva_photo_credit_nested.txt")
    credit = "(Photo: T. J. Healy II, The (Wilmington, Del.) News Journal)"
    assert (credit, "photo credit") in removed(article)
    assert "Healy" not in article.body
    assert "Courthouse. Story Highlights" in article.body  # the text on both sides stays


def test_a_dateline_credit_of_the_text_is_no_photo_credit():
    article = cleaned("gva_cbs_ap_dateline.txt")
    assert all(reason != "photo credit" for _, reason in removed(article))


def test_widget_heading_ending_on_more_link_is_not_the_title():
    article = cleaned("gva_more_widget.txt")
    assert ("Most Popular Stories Most Popular Stories More>>", "related link") in removed(article)
    assert "More>>" not in (article.title or "")
    assert "Decatur police say" in article.body


def test_inline_credits_keep_other_slashes():
    text = (
        "The mayor said the AP/NORC poll and the CBS/New York Times survey showed support, "
        "officials said on Monday.\nSmoke rises over Kaesong on Tuesday. Reuters/Kim Hong-Ji"
    )
    article = clean(Article(id="x", text=text))
    assert "AP/NORC poll and the CBS/New York Times survey" in article.body
    assert ("Reuters/Kim Hong-Ji", "photo credit") in removed(article)


def test_one_line_text_dropped_as_a_fragment_says_so():
    article = clean(Article(id="one", text="Most Popular Stories"))
    usable, rejected = screen([article])
    assert usable == []
    assert [s.reason for s in rejected] == [
        "no text left after cleaning: its one line was removed as a short fragment"
    ]


def test_text_emptied_by_several_rules_counts_them():
    article = clean(Article(id="chrome", text="Home | World | Sport\nSubscribe now"))
    _, rejected = screen([article])
    assert rejected[0].reason == (
        "no text left after cleaning: everything was removed (1 page chrome, 1 subscribe prompt)"
    )
