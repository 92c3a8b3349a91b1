"""Families: wire copies and rewrites of one text are one independent source."""

from newsfuse import read
from newsfuse.fusion import clean
from newsfuse.fusion.syndication import containment, families, shingles
from newsfuse.models import Article

REUTERS = (
    "North Korea blew up an office set up to foster better ties with South Korea in its border "
    "town of Kaesong on Tuesday after it threatened to take action if North Korean defectors went "
    "ahead with a campaign to send propaganda leaflets into the North. North Korea's KCNA state "
    "news said the liaison office, which had been closed since January over fears of the novel "
    'coronavirus, was "tragically ruined with a terrific explosion". South Korea also said the '
    "office had been blown up."
)
VIETNAMESE_TRANSLATION = (
    "The joint liaison office between South Korea and North Korea in Kaesong, North Korea, was "
    "blown up on June 16. This is the first fixed communication center between the two Korean "
    "peninsulas, with a practical role like an embassy. South Korean officials worked on the "
    "second floor, while North Korean representatives were arranged on the top floor."
)


def _family_sets(articles):
    return {frozenset(f.members) for f in families(articles)}


def test_kaesong_reuters_copies_and_rewrite_are_one_family(kaesong_dir):
    articles = [clean.clean(a) for a in read([kaesong_dir])]
    assert _family_sets(articles) == {
        frozenset({"001_8fa23842f85e5271", "002_24046019265150bb", "004_287fbccee5e1a2b4"}),
        frozenset({"000_a9149104c1ca651c"}),
        frozenset({"003_e677b8c53843b8f0"}),
    }


def test_family_ids_follow_input_order(kaesong_dir):
    articles = [clean.clean(a) for a in read([kaesong_dir])]
    found = families(articles)
    assert [f.id for f in found] == [1, 2, 3]
    assert found[0].members == ("000_a9149104c1ca651c",)


def test_copy_with_extra_paragraphs_joins_its_source():
    extended = REUTERS + " A South Korean military source told Reuters that there had been signs."
    articles = [Article(id="wire", text=REUTERS), Article(id="site", text=extended)]
    assert _family_sets(articles) == {frozenset({"wire", "site"})}


def test_reports_of_one_event_in_other_words_stay_independent():
    articles = [Article(id="reuters", text=REUTERS), Article(id="vn", text=VIETNAMESE_TRANSLATION)]
    assert _family_sets(articles) == {frozenset({"reuters"}), frozenset({"vn"})}


def test_containment_is_share_of_the_smaller_text():
    small, large = shingles(" ".join(REUTERS.split()[:50])), shingles(REUTERS)
    assert containment(small, large) == 1.0
    assert containment(large, small) == 1.0
    assert containment(frozenset(), large) == 0.0


# --- issue 7: no chains through a long story, outlets count once, and the brief says why ------

import datetime as dt  # noqa: E402
import json  # noqa: E402
from pathlib import Path  # noqa: E402

from newsfuse.fusion.syndication import independent, outlet, outlet_keys  # noqa: E402

STORY = json.loads(
    (Path(__file__).parent / "fixtures" / "facts" / "long_story.json").read_text(encoding="utf-8")
)
P = STORY["paragraphs"]


def _day(text: str, day: str, name: str, **meta: str) -> Article:
    return Article(id=name, text=text, published=dt.date.fromisoformat(day), **meta)


def test_follow_ups_of_a_long_story_do_not_chain_into_one_family():
    # each report repeats a paragraph of the one before, weeks apart: follow-ups, not copies
    articles = [
        _day(P["fitch"] + " " + P["rig"], "2010-04-30", "apr30"),
        _day(P["rig"] + " " + P["plumber"], "2010-06-09", "jun09"),
        _day(P["plumber"] + " " + P["trial"], "2010-10-06", "oct06"),
    ]
    assert _family_sets(articles) == {frozenset({a.id}) for a in articles}


def test_a_copy_the_same_day_joins_its_source_and_says_why():
    source = _day(P["fitch"] + " " + P["rig"], "2010-04-30", "wire")
    copy = _day(P["rig"], "2010-04-30", "site")
    (family,) = families([source, copy])
    assert family.members == ("wire", "site")
    assert family.why[0].startswith("site: copies wire (")


def test_no_hub_chains_unrelated_reports():
    # b copies a, c copies b's other half: c does not copy a, so a star around the longest
    # text holds at most what copies it directly
    a = _day(P["fitch"], "2010-04-30", "a")
    b = _day(P["fitch"] + " " + P["rig"] + " " + P["trial"], "2010-04-30", "b")
    c = _day(P["trial"], "2010-04-30", "c")
    d = _day(P["plumber"], "2010-04-30", "d")
    found = _family_sets([a, b, c, d])
    assert frozenset({"d"}) in found
    assert frozenset({"a", "b", "c"}) in found


def test_articles_of_one_outlet_count_once_with_the_reason():
    wire = STORY["dateline"]["reuters"]
    articles = [
        Article(id="r1", text=wire + P["fitch"]),
        Article(id="r2", text=wire + P["plumber"]),
        Article(id="ap", text=STORY["dateline"]["ap"] + P["trial"]),
        Article(id="bbc1", text=P["rig"], url="https://www.bbc.co.uk/news/world-1"),
        Article(
            id="bbc2",
            text="Oil reached the coast of Louisiana on Friday as crews worked through the night.",
            url="http://bbc.co.uk/news/world-2",
        ),
    ]
    witnesses = independent(articles, families(articles))
    sets = {frozenset(f.members) for f in witnesses}
    assert sets == {frozenset({"r1", "r2"}), frozenset({"ap"}), frozenset({"bbc1", "bbc2"})}
    reasons = [w for f in witnesses for w in f.why]
    assert "r2: same outlet as r1 (Reuters, from its dateline credit)" in reasons
    assert "bbc2: same outlet as bbc1 (bbc.co.uk, from its URL)" in reasons


def test_outlet_from_metadata_credit_and_a_report_of_a_report():
    assert outlet(Article(id="x", text="...", source="BBC News")) == ("BBC News", "its metadata")
    made_for = (
        "(Photo by Patrick T. Fallon for The Washington Post)\n\nMike Brown is an astronomer."
    )
    assert outlet(Article(id="y", text=made_for)) == (
        "The Washington Post",
        "a credit for work made for it",
    )
    photo = "(AP Photo/John Doe)\n\nA storm hit the coast."
    assert outlet(Article(id="z", text=photo)) is None  # a wire photo names no outlet
    assert "nydailynews" in outlet_keys("The New York Daily News")
    daily = Article(id="dn", text=P["fitch"] + "\n\nbross@nydailynews.com")
    aggregator = Article(
        id="agg", text="The New York Daily News reports that " + P["plumber"].lower()
    )
    (family,) = independent([daily, aggregator], families([daily, aggregator]))
    assert family.members == ("dn", "agg")
    assert family.why == ("agg: reports what nydailynews.com reported (dn)",)


# --- issue 7: quoting one speaker is not copying ----------------------------------------------

from newsfuse.fusion.syndication import MIN_CONTAINMENT, outside_quotes, quoted_shingles  # noqa: E402

QUOTES = json.loads(
    (Path(__file__).parent / "fixtures" / "syndication" / "shared_quotes.json").read_text(
        encoding="utf-8"
    )
)


def test_two_outlets_quoting_one_father_and_spokesman_are_not_copies():
    # 17% of the shorter report's 5-grams are shared, all but one inside the quotes of the
    # father and the wildlife spokesman that both print; the rest each wrote itself
    leopard = QUOTES["leopard"]
    a = Article(id="kampala", text=leopard["kampala_post"])
    b = Article(id="other", text=leopard["usa_today"])
    assert containment(shingles(a.body), shingles(b.body)) > MIN_CONTAINMENT
    assert _family_sets([a, b]) == {frozenset({"kampala"}), frozenset({"other"})}


def test_a_report_quoting_a_statement_in_the_cluster_quotes_it_and_is_no_copy():
    # the blog post says it in its own words, the report quotes it at length and writes the
    # rest itself: two witnesses, the report's quoting noted (what it takes counts once, fact
    # by fact: tests/test_witness_quoting.py)
    tesla = QUOTES["tesla"]
    blog, report = Article(id="blog", text=tesla["blog"]), Article(id="news", text=tesla["report"])
    found = families([blog, report])
    assert [f.members for f in found] == [("blog",), ("news",)]
    assert found[1].quoting == (("news", "blog"),)


def test_a_rewrite_sharing_narrative_and_quotes_stays_a_copy():
    # a copy keeps the source's quotes and its narrative: the narrative alone is enough
    source = QUOTES["leopard"]["kampala_post"]
    lines = source.split("\n")
    lead = "A leopard killed a toddler in a Ugandan national park, his father said on Monday."
    rewrite = "\n".join([lead, *lines[1:7]])
    (family,) = families([Article(id="src", text=source), Article(id="copy", text=rewrite)])
    assert family.members == ("src", "copy")
    assert family.why[0].startswith("copies src", len("copy: "))
    assert "quotations both make aside" in family.why[0]


def _own_lines(text: str) -> list[str]:
    return [ln.strip() for part in outside_quotes(text) for ln in part.split("\n") if ln.strip()]


def test_outside_quotes_pairs_straight_curly_and_mixed_marks():
    text = (
        '"He was seated with the maid," SSP Nabugyere told Kampala Post.\n'
        "“We have an arrangement for our staff,” Hangi said.\n"
        '"It is not good to keep it there,” he said in a message.\n'
        "Hangi said the child’s nanny heard the kid’s scream."
    )
    assert _own_lines(text) == [
        "SSP Nabugyere told Kampala Post.",
        "Hangi said.",
        "he said in a message.",
        "Hangi said the child’s nanny heard the kid’s scream.",  # apostrophes quote nothing
    ]


def test_a_quote_of_several_paragraphs_runs_on_but_a_stray_mark_does_not():
    # news convention: each paragraph of a long quote opens a quote, only the last closes it
    long_quote = (
        '"The maid was not aware the child followed her.\n'
        '"She heard the kid scream for help," he said.\nThe hunt is on.'
    )
    assert _own_lines(long_quote) == [
        "he said.",
        "The hunt is on.",
    ]
    # one stray mark in a paragraph far longer than any quote leaves the rest the text's own
    stray = 'Hangi said " the leopard ' + "was seen near the lodge again " * 40
    assert "was seen near the lodge" in outside_quotes(stray)[-1]


def test_single_curly_quotes_open_at_a_word_start_only():
    text = "The father said ‘UWA gave us the coffin’ and the players’ union said nothing."
    assert "UWA" not in " ".join(outside_quotes(text))
    assert "union said nothing" in outside_quotes(text)[-1]


def test_quoted_shingles_are_those_in_or_across_a_quotation():
    text = 'Hangi told the Post that "the leopard had vanished into the bush" on Friday night.'
    quoted = quoted_shingles(text)
    assert shingles("the leopard had vanished into") <= quoted
    assert shingles("Hangi told the Post that") <= shingles(text) - quoted
    assert quoted_shingles("No quotation in this sentence at all.") == frozenset()
