"""Sources of a fact: every article stating its value of the same thing (issue 7)."""

from __future__ import annotations

import datetime as dt

from conftest import fact_inputs, facts_of
from newsfuse.fusion import facts, phrases, values
from newsfuse.settings import DEFAULT

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
    return facts_of({f"p{i}": t for i, t in enumerate(texts)}, day)


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


# Multi-News b52067a7 p2, p4 (BP's pay vote): p2 gives a year only, p4 a weekday of its own;
# "maximum ... receive ... year" in common. Some Thursday falls in 2014, but p2 says nothing
# of a Thursday, so it is no source of the day.
YEAR_ONLY = (
    "That was the maximum amount he was eligible to receive for the year and was up from "
    "$3 million in 2014.",
    "Earlier on Thursday, Ashley Hamilton Claxton, corporate governance manager at Royal "
    'London, told the BBC: "The executives received the maximum bonuses possible in a year '
    'when [BP] made a record loss."',
    "Angry shareholders mounted an unprecedented protest against BP on Thursday, rebelling "
    "against the maximum bonuses received in a year of record loss.",
)


def test_a_report_stating_only_a_year_is_no_source_of_a_weekday():
    found = _facts(YEAR_ONLY, day=None)
    days = [f for f in found if f.kind == "date" and f.value == "Thursday"]
    assert days, [(f.value, f.sources) for f in found]
    assert all("p0" not in f.sources for f in days), [(f.value, f.sources) for f in days]
    assert any(set(f.sources) == {"p1", "p2"} for f in days), [(f.value, f.sources) for f in days]


def test_a_weekday_and_a_year_or_month_agree_but_neither_states_the_other():
    wd = values.Quantity("date", 3, 3, "weekday", "Thursday", "Thursday", 0, 8)
    yr = values.Quantity("date", 735234, 735598, "", "2014", "2014", 0, 4)
    assert facts._weekday_unsaid(wd, yr) and facts._weekday_unsaid(yr, wd)
    assert wd.agrees(yr) and not facts._mergeable(wd, yr, 2014)
    day = values.Quantity("date", 735330, 735330, "", "2014-04-10", "April 10, 2014", 0, 14)
    assert not facts._weekday_unsaid(wd, wd) and not facts._weekday_unsaid(wd, day)
    assert facts._mergeable(wd, day, 2014) == wd.agrees(day, 2014)
    # a month-day may be that Thursday or not: nothing says which
    monthday = values.Quantity("date", 410, 410, "monthday", "April 10", "April 10", 0, 8)
    assert facts._weekday_unsaid(wd, monthday) and facts._weekday_unsaid(monthday, wd)


# Multi-News b52067a7 p2, p4: one total, stated once as a figure and once as a sum.
JOB_CUTS = (
    "Since the start of 2016 it has announced plans to cut 7,000 jobs and has slashed spending "
    "to help manage the slump.",
    "However, the collapse in the oil price over the past 18 months saw BP's profit tumble, "
    "and the company is axing another 3,000 jobs worldwide on top of the 4,000 cuts already "
    "announced.",
)


def test_a_total_stated_as_a_sum_is_one_fact_with_the_figure():
    found = _facts(JOB_CUTS, day=None)
    totals = [f for f in found if f.kind == "count" and "7000" in f.value]
    assert [tuple(sorted(f.sources)) for f in totals] == [("p0", "p1")], [
        (f.value, f.sources) for f in found
    ]


def test_a_sum_no_report_writes_is_no_fact():
    # the total is worked out, not written: it confirms a figure another report writes (as
    # above), but alone it is no fact, and the figures it adds are
    found = _facts(JOB_CUTS[1:], day=None)
    assert not [f for f in found if f.kind == "count" and "7000" in f.value], [
        (f.value, f.sources) for f in found
    ]
    assert [f for f in found if f.kind == "count" and "3000" in f.value]


# Multi-News cef9105b p2, p3 (shortened): the day of the police chief's announcement, written
# beside it in one report and beside a text message in the other.
ANNOUNCED = (
    "Malaysian police said on Friday that the banned chemical weapon VX nerve agent was used "
    "to kill Kim Jong Nam at the airport in Kuala Lumpur. The authorities say they intend to "
    "decontaminate the areas the suspects are known to have visited. Tens of thousands of "
    "passengers are believed to have passed through since.",
    "Police said VX nerve agent was used to kill Kim Jong Nam at the Kuala Lumpur airport. "
    "Police previously said the terminal had not been decontaminated. "
    'Asked Friday in a text message whether that was still the case, Khalid said, "We are '
    'doing it now." Details were not immediately clear.',
)


def test_a_weekday_is_shown_with_the_member_telling_the_event():
    arts, sents, families, dated, ev = fact_inputs({f"p{i}": t for i, t in enumerate(ANNOUNCED)})
    family_of = {a.id: i for i, a in enumerate(arts)}
    found = facts.claims(arts, sents, family_of, dated, ev)
    fridays = [c for c in found if c.value.unit == "weekday"]
    assert [c.article for c in fridays] == ["p0", "p1"]
    weights = facts.inverse_frequency(s.text for ss in sents.values() for s in ss)
    terms = facts._event_terms(arts, sents, families, weights, DEFAULT.facts)
    assert {"vx", "airport"} <= terms
    # the text message's day is the closest to nothing else; the announcement tells the event
    shown = facts._representative(fridays[::-1], weights, terms)
    assert shown.article == "p0"
    # without the event's words, the two are as close to each other: the shorter one
    assert facts._representative(fridays, weights).article == "p1"


# Multi-News e9aca7cf p2, p3 (Simpson's parole hearing): the event's words in a name
# ("Lovelock Correctional Center") say where, not what happened that day.
HEARING = (
    "Simpson's release from prison - his parole hearing in Nevada on Thursday is considered "
    "something of a formality.",
    "O.J. Simpson will find out on Thursday if he soon will be released from the Lovelock "
    "Correctional Center in Nevada.",
)


def test_a_weekday_is_shown_by_the_event_words_written_in_lower_case():
    assert phrases.lower_stems(HEARING[1]) >= {"releas", "find"}
    assert not phrases.lower_stems(HEARING[1]) & {"lovelock", "correct", "center", "nevada"}
    arts, sents, _families, dated, ev = fact_inputs({f"p{i}": t for i, t in enumerate(HEARING)})
    found = facts.claims(arts, sents, {"p0": 0, "p1": 1}, dated, ev)
    days = [c for c in found if c.value.unit == "weekday"]
    terms = frozenset({"parol", "hear", "releas", "lovelock", "correct", "center", "nevada"})
    weights = facts.inverse_frequency(s.text for ss in sents.values() for s in ss)
    assert facts._representative(days, weights, terms).article == "p0"
