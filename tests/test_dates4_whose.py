"""Whose date is it: a page that is not about the event dates nothing (event.off_topic), and a
date fact's sources each state the date. Text copied from Multi-News clusters 88292edc (Myrna
Arias's suit against Intermex; p3 is another article's teaser) and 88631c80 (Vladimir
Katriuk's death; p3 copies p5's sentence without its date)."""

from __future__ import annotations

import datetime as dt

import newsfuse
from newsfuse.fusion import clean, dates, entities, event, segment, syndication
from newsfuse.models import Article

ARIAS = {
    "p1": (
        "A Central California woman claims she was fired after uninstalling an app that her"
        " employer required her to run constantly on her company issued iPhone—an app that"
        " tracked her every move 24 hours a day, seven days a week.\n\n"
        "Plaintiff Myrna Arias, a former Bakersfield sales executive for money transfer service"
        " Intermex, claims in a state court lawsuit that her boss, John Stubits, fired her"
        " shortly after she uninstalled the job-management Xora app that she and her colleagues"
        " were required to use.\n\n"
        "Arias, who had a brief stint with Intermex last year, is seeking damages in excess of"
        " $500,000. Stubits fired her a few weeks later, according to a Monday e-mail."
    ),
    "p3": (
        "September 5, 2014: Maintaining strong relationships with customers, not to mention"
        " delighting them, is a crucial part of your business’ success, particularly in"
        " hypercompetitive service industries. In theory, you know you need to deliver great"
        " service to keep and grow your customer base."
    ),
    "p4": (
        "'Timecard' App Tracks Workers, Woman Says BAKERSFIELD, Calif. (CN) - A money-transfer"
        " company fired an employee for refusing to install an app that would track her"
        " location even when she was off the clock, the woman claims in court.\n\n"
        "Myrna Arias sued Intermex Wire Transfer LLC in Kern County Superior Court on May 5.\n\n"
        "Arias says she worked for Intermex as a sales executive and account manager from"
        " February 2014 to May 2014. Her boss, Intermex's regional vice president of sales John"
        " Stubits, agreed to let her work for both firms."
    ),
}

KATRIUK = {
    "p3": (
        "The second most wanted man on the Simon Wiesenthal Centre’s list of Nazi war criminals"
        " has died at 93 after a long illness, his lawyer has said.\n\n"
        "The Investigative Committee of the Russian Federation, a law enforcement body that"
        " reports only to President Vladimir Putin, called on Canada to deliver Katriuk to"
        " Moscow so he could be tried for alleged war crimes."
    ),
    "p5": (
        "Alleged Nazi war criminal Vladimir Katriuk, a beekeeper of Ukrainian ancestry who lived"
        " in Quebec for more than 60 years, has died just as Moscow was preparing a criminal"
        " case against him.\n\n"
        "Mr. Katriuk was set to become a pawn in Canada-Russia relations. On May 8, the"
        " Investigative Committee of the Russian Federation, a law-enforcement body that reports"
        " only to Mr. Putin, called on Canada to deliver Mr. Katriuk to Moscow so he can be"
        " tried for alleged war crimes."
    ),
}


def _articles(texts: dict[str, str]) -> list[Article]:
    return [Article(id=i, text=t) for i, t in texts.items()]


def _brief(texts: dict[str, str]) -> dict:
    return newsfuse.fuse(_articles(texts)).model_dump(mode="json")


def test_a_teaser_of_another_article_is_off_the_event():
    arts = [clean.clean(a) for a in _articles(ARIAS)]
    sentences = {a.id: segment.sentences(a) for a in arts}
    families = syndication.independent(arts, syndication.families(arts))
    named = entities.entities(arts, families)
    assert event.off_topic(arts, named) == {"p3"}
    # its date dates nothing: no event date, and none of its mentions is read
    assert event.infer(arts, sentences, families, named).date is None
    dated = dates.in_articles(arts, sentences, None, event.off_topic(arts, named))
    assert all(not ms for ms in dated["p3"])


def test_reports_sharing_no_name_leave_nothing_off():
    arts = [clean.clean(a) for a in _articles({"p1": ARIAS["p1"], "p3": ARIAS["p3"]})]
    families = syndication.independent(arts, syndication.families(arts))
    # one report alone names Arias: no subject two reports share, so no report is off it
    assert event.off_topic(arts, entities.entities(arts, families)) == frozenset()


def test_the_teasers_date_dates_neither_the_event_nor_the_other_reports():
    brief = _brief(ARIAS)
    assert brief["event"]["date"] is None
    days = [brief["event"]["date"]] + [e["date"] for e in brief["timeline"]]
    assert "2014-09-05" not in days
    values = {f["value"] for f in brief["facts"] if f["kind"] == "date"}
    # relative dates of undated reports stay as written, not read against the teaser's day
    assert "May 5" in values
    assert not values & {"2014-09-05", "2014-05-05", "2014-09-08", "2013"}
    # p4's own months are still its dates
    assert "2014-02" in values


def test_the_teasers_date_would_be_read_against_a_related_reports_date():
    # (the same reports with p4 dated: its "on May 5" is read against its own date)
    arts = _articles(ARIAS)
    arts[2] = arts[2].model_copy(update={"published": dt.date(2015, 5, 12)})
    brief = newsfuse.fuse(arts).model_dump(mode="json")
    values = {f["value"] for f in brief["facts"] if f["kind"] == "date"}
    assert "2015-05-05" in values
    assert brief["event"]["date"] != "2014-09-05"


def test_a_copy_of_a_sentence_without_its_date_is_no_source_of_the_date():
    brief = _brief(KATRIUK)
    may8 = [f for f in brief["facts"] if f["kind"] == "date" and f["value"] == "May 8"]
    assert len(may8) == 1
    assert may8[0]["sources"] == ["p5"]
    assert may8[0]["status"] == "single-source"


# 88292edc p2: the tracking app maker's product page
PRODUCT = (
    "StreetSmart is available on over 140 different types of feature and rugged phones, smart"
    " phones, and tablets.\n\nStreetSmart is offered on a monthly basis for roughly $1 a day per"
    " user.\n\nOur support team is available to answer your questions 24×7, 365 days a year by"
    " email or phone."
)


def test_a_page_off_the_event_is_the_source_of_no_fact():
    brief = _brief({**ARIAS, "p2": PRODUCT})
    assert brief["facts"]
    assert not [f for f in brief["facts"] if {"p2", "p3"} & set(f["sources"])]
