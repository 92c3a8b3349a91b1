"""Dates of undated stories (branch values2): an incidental year is no timeline row of a story
nothing dates, and a page's "Posted:" stamp run into the headline's line is its publication
date, never a row."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import newsfuse
from newsfuse.fusion.dates import publication_date
from newsfuse.models import Article

FIXTURES = Path(__file__).parent / "fixtures" / "values2"


def _article(name: str, ident: str, published: dt.date | None = None) -> Article:
    return Article(id=ident, text=(FIXTURES / name).read_text(), published=published)


def test_a_year_one_report_names_in_an_undated_story_is_no_timeline_row():
    # Both reports tell the story in weekdays ("finish line Monday", "a vigil Tuesday night");
    # nothing gives the story's day. "graduated from Medford High School in 2001" must not be
    # the timeline's (only) row, standing as the story's day.
    brief = newsfuse.fuse([_article("richard_p1.txt", "p1"), _article("campbell_p2.txt", "p2")])
    assert all(e.date.year != 2001 for e in brief.timeline), brief.timeline
    assert brief.event.date is None or brief.event.date.year != 2001


def test_the_same_year_is_a_row_once_the_story_is_dated():
    # With a publication date the story has days, and a year long before them is background:
    # kept, apart, as before.
    brief = newsfuse.fuse(
        [
            _article("richard_p1.txt", "p1", dt.date(2013, 4, 17)),
            _article("campbell_p2.txt", "p2", dt.date(2013, 4, 17)),
        ]
    )
    years = [e for e in brief.timeline if e.date.year == 2001]
    assert years and all(e.background for e in years)
    assert any(e.date == dt.date(2013, 4, 16) and not e.background for e in brief.timeline)


def test_a_posted_label_after_the_headline_on_its_line_is_the_publication_date():
    line = (
        "Officer replaces elderly woman's engagement ring after theft at hospital Posted: Monday,"
        " June 23, 2014 11:03 PM EDT Updated: Monday, August 18, 2014 11:03 PM EDT \n \n"
        " PLANTATION, Fla. (WSVN) -- A police officer made a generous gesture"
    )
    assert publication_date(line) == dt.date(2014, 6, 23)  # "Posted" wins over "Updated"
    # Inside a sentence, lower case, it dates something else.
    assert publication_date("He said the video was posted: June 3, 2014, by a neighbour.") is None
