"""The event stage's settings, its explanations and its where (review of dates/event).
Sentences copied from the Kaesong example (Reuters, June 2020) and Multi-News b52067a7."""

from __future__ import annotations

import dataclasses
import datetime as dt

from newsfuse.fusion import clean, dates, event, segment
from newsfuse.fusion.event import _where
from newsfuse.models import Article, DateMention, Entity, Family
from newsfuse.settings import DEFAULT
from test_dates3_anchor import BP


def _place(name: str, mentions: int = 1) -> Entity:
    return Entity(
        name=name, type="place", sources=("a0",), independent_sources=1, mentions=mentions
    )


def test_a_place_inside_another_places_name_is_not_written_there():
    # Kaesong 000 (one report: its entities kept "Korea" beside North and South Korea). The
    # "Korea" of "in North Korea" is North Korea's, though "in north X" is a locative.
    lead = (
        "Citing several military sources, Yonhap said there was black smoke and a loud bang"
        " from the Kaesong town area in North Korea, near the inter-Korean border, at noon."
    )
    places = [_place("Korea"), _place("North Korea", mentions=5), _place("South Korea", 5)]
    assert _where([], [lead], places) == "North Korea"


def test_an_undated_event_still_has_its_where():
    texts = {
        "p1": "Yonhap said there was black smoke and a loud bang in the inter-Korean industrial"
        " park in Kaesong on June 16 when Pyongyang destroyed its liaison office with South Korea."
    }
    arts = [clean.clean(Article(id=i, text=t)) for i, t in texts.items()]
    sents = {a.id: segment.sentences(a) for a in arts}
    places = [_place("Kaesong")]
    ev = event.infer(arts, sents, [Family(id=0, members=("p1",))], places)
    assert ev.date is None and ev.where == "Kaesong"


def test_the_lead_length_is_a_setting():
    arts = [clean.clean(Article(id=i, text=t)) for i, t in BP.items()]
    families = [Family(id=n, members=(a.id,)) for n, a in enumerate(arts)]
    sents = {a.id: segment.sentences(a) for a in arts}
    anchoring = dataclasses.replace(DEFAULT.event, anchor_undated=True)
    assert event.infer(arts, sents, families, settings=anchoring).date == dt.date(2016, 4, 14)
    titles_only = dataclasses.replace(anchoring, lead_sentences=0)
    assert event.infer(arts, sents, families, settings=titles_only).date is None
    assert DEFAULT.event.recent_days == 10 and DEFAULT.event.background_days == 366


def test_explain_says_what_the_base_day_is():
    m = DateMention(
        text="on Saturday",
        start=0,
        end=11,
        date=dt.date(2018, 8, 11),
        until=dt.date(2018, 8, 11),
        precision="day",
        base=dt.date(2018, 8, 12),
        base_from="cluster",
    )
    assert dates.explain(m, "p2") == (
        "'on Saturday' in p2 -> 2018-08-11 (relative to the other reports' publication date"
        " 2018-08-12)"
    )
    assert dates.explain(m, "p2", base_is="the day of the latest picture it shows") == (
        "'on Saturday' in p2 -> 2018-08-11 (relative to 2018-08-12, the day of the latest"
        " picture it shows)"
    )


def test_one_weekday_test_and_the_picture_kinds():
    assert dates.names_weekday("last Tuesday") and not dates.names_weekday("last week")
    filed = "FILE - In this Aug. 15, 2014 file photo, Robert Durst leaves a Houston courtroom."
    assert [kind for _, _, kind in dates.picture_spans(filed)] == ["file"]
    assert dates.shown_days(filed) == ()
    (stamp,) = dates.picture_spans("(Published Saturday, Aug. 11, 2018)")
    assert stamp[2] == "stamp"


def test_a_weekday_ahead_of_its_cue_and_back_after_a_past_form():
    base = dt.date(2017, 7, 17)  # a Monday
    (ahead,) = dates.mentions("On Thursday, Simpson will appear before a Nevada judge.", base)
    assert ahead.date == dt.date(2017, 7, 20)
    (back,) = dates.mentions("On Thursday, Simpson, who was paroled, will leave.", base)
    assert back.date == dt.date(2017, 7, 13)
    (plan,) = dates.mentions("Simpson will appear before a Nevada judge on Thursday.", base)
    assert plan.date == dt.date(2017, 7, 20)
    (past,) = dates.mentions("He had a hearing scheduled for Thursday.", base)
    assert past.date == dt.date(2017, 7, 13)


def test_a_town_named_by_its_kind_is_the_where_when_no_entity_is():
    # Kaesong 004 alone: its entities are North and South Korea, not Kaesong
    lead = (
        "North Korea blew up an office set up to foster better ties with South Korea in its"
        " border town of Kaesong yesterday after it threatened to take action."
    )
    places = [_place("North Korea", mentions=7), _place("South Korea", mentions=6)]
    assert _where([lead], [], places) == "Kaesong"
    # two such towns: it says nothing of which
    other = "Troops were sent to the border city of Paju."
    assert _where([lead, other.replace("to the", "in the")], [], places) is None
