"""Sources of a fact: every article stating its value of the same thing (issue 7)."""

from __future__ import annotations

import datetime as dt

from newsfuse.fusion import clean, dates, event, facts, segment
from newsfuse.models import Article, Family

# Three Multi-News reports of one Craigslist robbery (cluster 1d233653), shortened: each
# writes the car's model year before its name, in other clauses.
CAR = (
    "Police said that after the father and son finished test driving a 2007 Hyundai Sonata "
    "with a third suspect, the gunmen appeared and demanded money.",
    "A Liberty couple and their teenage son had gone there to look at a 2007 Hyundai Sonata "
    "advertised for sale on Craigslist.",
    "According to police, the family came to look at a white 2007 four-door Hyundai Sonesta "
    "they had spotted online.",
)
# A year after a preposition is when something happened, whatever name follows.
WHEN = (
    "In 2015 Shell lost $5.2 billion as the price of oil fell.",
    "In 2015 Shell paid its chief executive a bonus, the report said.",
)


def _facts(texts: tuple[str, ...], day: dt.date | None = dt.date(2016, 4, 15)) -> tuple:
    arts = [clean.clean(Article(id=f"p{i}", text=t, published=day)) for i, t in enumerate(texts)]
    families = [Family(id=i, members=(a.id,)) for i, a in enumerate(arts)]
    sents = {a.id: segment.sentences(a) for a in arts}
    ev = event.infer(arts, sents, families)
    dated = dates.in_articles(arts, sents, ev.date)
    found, _conflicts = facts.facts(arts, sents, families, dated, ev)
    return found


def test_a_year_written_before_the_same_name_is_one_fact_of_every_report():
    years = [f for f in _facts(CAR) if f.kind == "date" and "2007" in f.value]
    assert years
    assert {tuple(sorted(f.sources)) for f in years} == {("p0", "p1", "p2")}
    assert all(f.independent_sources == 3 for f in years)


def test_a_year_after_a_preposition_is_not_tied_by_the_name_after_it():
    years = [f for f in _facts(WHEN) if f.kind == "date" and "2015" in f.value]
    assert years
    assert all(len(f.sources) == 1 for f in years)


# Multi-News 1d233653 p1, p3: one moment, the day beside the same clock time, in sentences
# about other things (the father's wounds, the place).
MOMENT = (
    "The 53-year-old father suffered four wounds to his chest, stomach and legs when he tried"
    " to shield his wife after two men pulled guns about 7:30 p.m. Wednesday.",
    "The incident was reported about 7:30 p.m. Wednesday in the area of East 84th Terrace and"
    " Drury Circle, located west of Interstate 435.",
)


def _undated_facts(texts: tuple[str, ...]) -> tuple:
    return _facts(texts, day=None)


def test_a_day_beside_the_same_clock_time_is_one_moment_of_both_reports():
    days = [f for f in _undated_facts(MOMENT) if f.value == "Wednesday"]
    assert days and all(sorted(f.sources) == ["p0", "p1"] for f in days)
    # the day at another time is no source
    other = (MOMENT[0], MOMENT[1].replace("7:30", "9:15"))
    days = [f for f in _undated_facts(other) if f.value == "Wednesday"]
    assert days and all(len(f.sources) == 1 for f in days)
