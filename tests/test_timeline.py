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
    # "zones demilitarised since the 1950s" is a June 2020 statement, not a 1950s event.
    fifties = [e for e in entries if e.precision == "decade"]
    assert fifties and all(e.background for e in fifties)
    assert all(e.background for e in entries if e.date.year < 2020)


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
    articles = [Article(id=k, text=v) for k, v in texts.items()]
    sentences = {a.id: segment.sentences(a) for a in articles}
    families = syndication.independent(articles, syndication.families(articles))
    years = {e.date.year for e in timeline.timeline(articles, sentences, families)}
    assert 2008 not in years and 2007 in years
