"""With the undated reports' weekday anchored (EventSettings.anchor_undated, now on), the facts
stage keeps what it kept without: a date group restating the event's day that is a side of a
conflict stays one, a date is not dated by the other years of its sentence, and an age's
sentence's years excuse the difference only if the age grows with them. Also "Today" inside a
sentence is a title, and a month a plan points to lies ahead. Text copied from Multi-News
clusters b52067a7 (BP's pay vote) and 8d81e972 (Robert Durst's sentencing)."""

from __future__ import annotations

import datetime as dt

import newsfuse
from newsfuse.fusion import dates
from newsfuse.models import Article
from newsfuse.settings import DEFAULT

BP = {
    "p1": (
        "BP faces opposition from some shareholders for handing Chief Executive Bob Dudley a 20"
        " percent increase in his total remuneration package for 2015 to $19.6 million.\n\n"
        "Dudley, whose pay was going to a non-binding shareholder vote on April 14, has done"
        " what was needed of him."
    ),
    "p2": (
        "Last month, BP announced that Chief Executive Bob Dudley would receive a 20% bump in"
        " his total compensation package in 2015.\n\n"
        "Since the start of 2016 it has announced plans to cut 7,000 jobs and has slashed"
        " spending to help manage the slump.\n\n"
        "BP's shareholders will vote on the matter this year at the company's annual general"
        " meeting in London on April 16, along with a host of other issues."
    ),
    "p3": (
        "Angry shareholders mounted an unprecedented protest against BP on Thursday, rebelling"
        " against a 20 per cent pay rise for chief executive Bob Dudley despite the oil group"
        " making its worst ever loss.\n\nIt was last set in 2014, meaning new proposals are due"
        " to be put forward for shareholder approval again in 2017."
    ),
    "p5": (
        "A majority of BP PLC’s shareholders voted against the company’s executive pay policy, a"
        " stinging — though nonbinding — rebuke to Chief Executive Bob Dudley and his board.\n\n"
        "At the company's annual meeting Thursday, the oil giant said preliminary results"
        " showed 59% of investors voting by proxy rejected the company's executive"
        " compensation decisions for 2015."
    ),
}

DURST = {
    "p1": (
        "A New Orleans judge on Wednesday sentenced real estate scion Robert Durst to seven"
        " years in prison for a federal gun crime.\n\n"
        "The 73-year-old, who entered and left the courtroom in a wheelchair, had pleaded guilty"
        " to the gun charge in February."
    ),
    "p2": (
        "New Orleans Federal Judge Kurt Engelhardt on Wednesday, April 27, 2016, approved a plea"
        " agreement for Robert Durst to serve 7 years, 1 month in prison on a weapons charge.\n\n"
        "The 72-year-old Durst agreed to the sentence as part of a guilty plea in February."
    ),
    "p3": (
        "Robert Durst was sentenced on Wednesday to seven years in prison on a weapons"
        " charge.\n\n"
        "U.S. District Judge Kurt Engelhardt sentenced the ailing Durst, 73, to an agreed-upon"
        " 85-month prison term on a federal gun count resulting from a search of his room last"
        " year at the JW Marriott hotel in downtown New Orleans."
    ),
}


def _brief(texts: dict[str, str]) -> dict:
    return newsfuse.fuse([Article(id=i, text=t) for i, t in texts.items()]).model_dump(mode="json")


def test_anchoring_is_on():
    assert DEFAULT.event.anchor_undated


def test_the_restated_event_day_stays_a_side_of_its_conflict():
    brief = _brief(BP)
    # "Thursday" (p3, p5) is the Thursday of p1's planned "April 14" in 2016
    assert brief["event"]["date"] == "2016-04-14"
    (conflict,) = [c for c in brief["conflicts"] if any("04-16" in v["value"] for v in c["values"])]
    sides = {v["value"]: v["sources"] for v in conflict["values"]}
    assert sides["2016-04-16"] == ["p2"]
    assert "p1" in sides["2016-04-14"] and "p2" not in sides["2016-04-14"]


def test_an_age_a_year_older_a_year_earlier_is_still_a_conflict():
    brief = _brief(DURST)
    assert brief["event"]["date"] == "2016-04-27"
    ages = [c for c in brief["conflicts"] if any("age" in v["value"] for v in c["values"])]
    assert len(ages) == 1
    assert {v["value"] for v in ages[0]["values"]} == {"age 72", "age 73"}


def test_today_inside_a_sentence_is_a_title():
    base = dt.date(2016, 4, 14)
    said = "She told the BBC's Today programme that shareholders could vote down the deal."
    assert dates.mentions(said, base) == []
    (today,) = dates.mentions("Today, shareholders vote on the deal.", base)
    assert today.date == base


def test_a_month_a_plan_points_to_lies_ahead():
    base = dt.date(2016, 4, 27)
    (m,) = dates.mentions("Attorneys said Durst would be in Los Angeles by mid-August.", base)
    assert (m.date, m.until) == (dt.date(2016, 8, 1), dt.date(2016, 8, 31))
    # told of the past, the month is the last such one
    (m,) = dates.mentions("He was arrested in August.", base)
    assert m.date == dt.date(2015, 8, 1)


def test_years_ago_this_month_is_that_month_years_back():
    # Timeline17 MJ_bbc (2009-08-25): not this August, which made it a rival date of Michael
    # Jackson's death "in June 2009"
    said = (
        "Hoffnung, who died 50 years ago this month, was a cartoonist and wit whose mocking of"
        " the solemn rituals of classical music created a sensation in the Fifties."
    )
    (m,) = dates.mentions(said, dt.date(2009, 8, 25))
    assert m.text == "50 years ago this month"
    assert (m.date, m.until, m.precision) == (dt.date(1959, 8, 1), dt.date(1959, 8, 31), "month")
