"""The timeline on the bundled Kaesong reports: one row per happening per day, with all the
articles that report it; vaguer dates folded into finer ones; background kept apart."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import newsfuse
from newsfuse.fusion import segment, syndication, timeline
from newsfuse.models import Article

KAESONG = Path(__file__).parents[1] / "examples" / "kaesong"
KAESONG_IDS = sorted(p.stem for p in KAESONG.glob("*.txt"))  # 000_..., 001_..., ... 004_...
BLAST = dt.date(2020, 6, 16)
WARNING = dt.date(2020, 6, 13)  # Kim Yo-jong's warning, "last weekend" / "on Saturday"


@pytest.fixture(scope="module")
def entries():
    return newsfuse.fuse(newsfuse.read([KAESONG])).timeline


def test_one_row_per_happening_per_day_with_all_its_sources(entries):
    blast = [e for e in entries if e.date == BLAST and e.precision == "day"]
    # The blast, told by all five reports in their own words, is one row citing all five;
    # another row that day must be another happening (the threat made that morning).
    told = [e for e in blast if "blown up" in e.what or "blew up" in e.what]
    assert len(told) == 1, [e.what for e in blast]
    assert len(told[0].sources) == 5
    warning = [e for e in entries if e.date == WARNING]
    assert len(warning) == 1, [e.what for e in warning]
    assert len(warning[0].sources) >= 3


def test_a_vaguer_date_restating_a_finer_one_is_folded_into_it(entries):
    # "established in 2018" (four reports) and "opened ... in September 2018" (one) are one
    # opening: one row, dated to the month, citing all five.
    opening = [e for e in entries if "established in 2018" in e.what or "opened" in e.what]
    assert len(opening) == 1, [(e.date, e.precision, e.what) for e in opening]
    assert (opening[0].date, opening[0].precision) == (dt.date(2018, 9, 1), "month")
    assert len(opening[0].sources) == 5


def test_background_is_kept_apart_after_the_story(entries):
    flags = [e.background for e in entries]
    assert flags == sorted(flags)  # every story day before any background
    story = [e for e in entries if not e.background]
    assert story and all(e.date >= dt.date(2020, 6, 1) for e in story)
    # "zones demilitarised since the 1950s" is a June 2020 statement, not a 1950s event: the
    # start of a state, background in its own right, though it restates Tuesday's threat.
    fifties = [e for e in entries if e.precision == "decade"]
    assert fifties and all(e.background for e in fifties)
    assert all(e.background for e in entries if e.date.year < 2020)
    threat = [e for e in entries if e.date == BLAST and "ready to take action" in e.what]
    assert len(threat) == 1 and set(threat[0].sources) == {KAESONG_IDS[1], KAESONG_IDS[4]}


def test_a_background_row_restating_a_story_row_is_one_more_source_of_it(entries):
    # 001: "Moon Jae-in has urged Pyongyang to keep to peace agreements he reached with Kim in
    # 2018"; 004: "Moon urged North Korea on Monday to keep peace agreements": one happening,
    # on Monday 15 June, not a second row under 2018.
    moon = [e for e in entries if "Moon" in e.what and "urged" in e.what]
    assert len(moon) == 1, [(e.date, e.what) for e in moon]
    assert moon[0].date == dt.date(2020, 6, 15) and not moon[0].background
    assert set(moon[0].sources) == {KAESONG_IDS[1], KAESONG_IDS[4]}


def test_paraphrases_from_separate_reports_are_merged():
    texts = {
        "a": "The joint liaison office between South Korea and North Korea in Kaesong, North "
        "Korea, was blown up on June 16.",
        "b": "North Korea blew up and destroyed an inter-Korean liaison office in its border "
        "city of Kaesong on Tuesday.",
        "c": "Seoul has tried to stop the groups in the past and vowed to take legal action "
        "against the defector groups on Tuesday.",
    }
    articles = [
        Article(id=k, text=t, published=dt.date(2020, 6, 17)) for k, t in sorted(texts.items())
    ]
    sentences = {a.id: segment.sentences(a) for a in articles}
    rows = timeline.timeline(articles, sentences, syndication.families(articles), BLAST, per_date=3)
    blast = [e for e in rows if {"a", "b"} & set(e.sources)]
    assert len(blast) == 1
    assert set(blast[0].sources) >= {"a", "b"}
    assert any(e.sources == ("c",) for e in rows)  # another happening stays its own row


def test_a_model_year_is_no_day_of_the_story():
    # Multi-News 3b5368b3 p4: the car's model year, no timeline entry for 2008
    texts = {
        "p4": "They said his black 2008 Porsche 911 Carrera was missing from the home.",
        "p1": "He joined Wella in 2007 as creative director in Canada, the company said.",
    }
    # (dated reports: in a story nothing dates, one report's year is no row at all)
    articles = [Article(id=k, text=v, published=dt.date(2017, 1, 25)) for k, v in texts.items()]
    sentences = {a.id: segment.sentences(a) for a in articles}
    families = syndication.independent(articles, syndication.families(articles))
    years = {e.date.year for e in timeline.timeline(articles, sentences, families)}
    assert 2008 not in years and 2007 in years


# Kaesong sentences, as later reports would look back on the day (the publication dates are
# the test's): a report published a week or more after a day it names remembers it.
_BLAST_DAY_REPORTS = {
    "reuters": "North Korea blew up an office set up to foster better ties with South Korea in "
    "its border town of Kaesong on Tuesday after it threatened to take action if North Korean "
    "defectors went ahead with a campaign to send propaganda leaflets into the North.",
    "yonhap": "Yonhap said there was black smoke and a loud bang in the inter-Korean industrial "
    "park in Kaesong on June 16 when Pyongyang destroyed its liaison office with South Korea.",
}
_LOOK_BACK = (
    "Pyongyang\u2019s threats became reality on June 16, when the inter-Korean joint liaison "
    "office was demolished."
)


def _rows(texts: dict[str, tuple[str, dt.date]], **kwargs):
    articles = [Article(id=k, text=t, published=p) for k, (t, p) in texts.items()]
    sentences = {a.id: segment.sentences(a) for a in articles}
    return timeline.timeline(articles, sentences, syndication.families(articles), **kwargs)


def test_a_later_report_looking_back_tells_the_day():
    day_after = dt.date(2020, 6, 17)
    texts = {k: (t, day_after) for k, t in _BLAST_DAY_REPORTS.items()}
    alone = _rows(texts, day_only=True, per_date=1)
    assert [e.date for e in alone] == [BLAST]
    assert alone[0].what != _LOOK_BACK
    # The same look back, a fortnight on: it says in one sentence what happened that day.
    texts["later"] = (_LOOK_BACK, dt.date(2020, 6, 30))
    rows = _rows(texts, day_only=True, per_date=1)
    assert [e.date for e in rows] == [BLAST]
    assert rows[0].what == _LOOK_BACK
    assert {"later", "yonhap"} <= set(rows[0].sources)  # (its paraphrase of the day)
    # Published the day after instead, it is one more report of the day, not its memory.
    texts["later"] = (_LOOK_BACK, day_after)
    assert _rows(texts, day_only=True, per_date=1)[0].what != _LOOK_BACK


@pytest.mark.parametrize("later_first", [False, True])
def test_a_day_later_reports_still_name_outranks_one_named_only_as_it_happens(later_first):
    warning = (
        "On Saturday, North Korean state media reported that Kim Yo Jong, the sister of the "
        "North Korean leader, had ordered the department in charge of inter-Korean affairs to "
        "\u201cdecisively carry out the next action\u201d."
    )
    escalation = (
        "The escalation followed a warning made in a statement on Saturday by Kim Yo Jong -- "
        "Kim Jong Un's younger sister -- for the military to make preparations for an "
        "unspecified next action."
    )
    texts = {
        "w1": (warning, dt.date(2020, 6, 14)),
        "w2": (escalation, dt.date(2020, 6, 14)),
        "b1": (_BLAST_DAY_REPORTS["reuters"], dt.date(2020, 6, 17)),
        "b2": (_LOOK_BACK, dt.date(2020, 7, 1)),
    }
    if later_first:
        texts = dict(reversed(texts.items()))
    # Two independent reports each: the warning's of its day, the blast's one of its day and
    # one a fortnight on. The day the story still names weighs more.
    assert [e.date for e in _rows(texts, day_only=True, max_dates=1)] == [BLAST]
