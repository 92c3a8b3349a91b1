"""Undated reports (no publication date, no picture's day): the weekday their leads name is
dated by a date the reports give that falls on it, in the latest year they mention
(event._anchor). Sentences copied from Multi-News clusters b52067a7 (BP's pay vote),
8d81e972 (Durst's sentencing) and f51e1e41 (Lauren Bacall's will)."""

from __future__ import annotations

import datetime as dt

from newsfuse.fusion import clean, dates, event, segment
from newsfuse.models import Article, Family
from newsfuse.settings import EventSettings

BP = {
    "p1": (
        "BP faces opposition from some shareholders for handing Chief Executive Bob Dudley a 20"
        " percent increase in his total remuneration package for 2015 to $19.6 million.\n\n"
        "Dudley, whose pay was going to a non-binding shareholder vote on April 14, has done"
        " what was needed of him."
    ),
    "p2": (
        "Since the start of 2016 it has announced plans to cut 7,000 jobs and has slashed"
        " spending to help manage the slump."
    ),
    "p3": (
        "Angry shareholders mounted an unprecedented protest against BP on Thursday, rebelling"
        " against a 20 per cent pay rise for chief executive Bob Dudley despite the oil group"
        " making its worst ever loss.\n\nIt was last set in 2014, meaning new proposals are due"
        " to be put forward for shareholder approval again in 2017."
    ),
    "p5": (
        "At the company's annual meeting Thursday, the oil giant said preliminary results"
        " showed 59% of investors voting by proxy rejected the company's executive"
        " compensation decisions for 2015."
    ),
}

DURST = {
    "p1": (
        "A New Orleans judge on Wednesday sentenced real estate scion Robert Durst to seven"
        " years in prison for a federal gun crime.\n\nDurst has been held in Louisiana since his"
        " March 2015 arrest on a charge of being a felon in possession of a firearm."
    ),
    "p2": (
        "FILE - In this Aug. 15, 2014 file photo, New York City real estate heir Robert Durst"
        " leaves a Houston courtroom. New Orleans Federal Judge Kurt Engelhardt on Wednesday,"
        " April 27, 2016, approved a plea agreement for Durst to serve 7 years, 1 month in"
        " prison on a weapons charge.\n\nA federal judge on Wednesday approved a plea agreement"
        " for Durst to serve about 7 years on a weapons charge."
    ),
}

BACALL = {
    "p1": (
        "Lauren Bacall, who died Aug. 12 at the age of 89, had an estate worth more than $26"
        " million.\n\nAccording to papers filed Friday in Manhattan Surrogate's Court, the"
        " actress set aside $10,000 for the care for her Papillon.\n\n[Related: Celebrities We"
        " Lost in 2014]"
    ),
    "p3": (
        "The estate documents, filed in a rush order at Manhattan Surrogate's Court on Friday,"
        ' evenly split her property among her children.\n\n"My obit is going to be full of'
        " Bogart, I'm sure,\" she told Vanity Fair in a 2011 interview."
    ),
}


def _event(texts: dict[str, str]):
    arts = [clean.clean(Article(id=i, text=t)) for i, t in texts.items()]
    families = [Family(id=n, members=(a.id,)) for n, a in enumerate(arts)]
    sents = {a.id: segment.sentences(a) for a in arts}
    # (the anchoring is off by default: EventSettings.anchor_undated says why)
    return event.infer(arts, sents, families, settings=EventSettings(anchor_undated=True))


def test_the_leads_weekday_is_dated_by_a_date_on_it_in_the_latest_year():
    ev = _event(BP)
    # 2016's April 14 is a Thursday; "again in 2017" is a plan's year, not the story's
    assert ev.date == dt.date(2016, 4, 14)
    assert set(ev.sources) == {"p3", "p5"}
    assert all("April 14" in e and "p1" in e for e in ev.evidence)


def test_a_caption_the_cleaner_took_out_still_dates_the_weekday():
    ev = _event(DURST)
    assert ev.date == dt.date(2016, 4, 27)  # not the file photo's Aug. 15, 2014
    assert set(ev.sources) == {"p1", "p2"}


def test_no_date_when_the_latest_year_has_no_such_weekday():
    # 2014's Aug. 12 is a Tuesday; 2011's, a Friday, is of a year before the story's
    assert _event(BACALL).date is None


def test_a_plan_or_a_deadline_year_is_no_story_year():
    text = "New proposals are due to be put forward for shareholder approval again in 2017."
    assert dates.planned(text, text.index("2017"))
    deadline = "Emissions must fall by 2030."
    assert dates.planned(deadline, deadline.index("2030"))
    past = "Lauren Bacall, who died Aug. 12 at the age of 89."
    assert not dates.planned(past, past.index("Aug"))
    vote = "Dudley, whose pay was going to a non-binding shareholder vote on April 14."
    assert dates.planned(vote, vote.index("April"))
