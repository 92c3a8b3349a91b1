"""A day of the event told by several reports in other words is one fact of all of them
(issue 7 point 4: sources exact), and so is one person's age (point 7: fewer facts)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from conftest import facts_of

# Real reports, copied: Multi-News 6ed6a5b5 (held-out gold), the three undated reports of a
# fall, p2 and p3 telling its day in sentences about other moments of it ("plunged to his
# death late Wednesday" / "landing hard on the hotel's roof around 10:40 p.m. on
# Wednesday"); b52067a7 (development gold) p3, p4, p5 up to the paragraph telling the day of
# BP's annual meeting, of the protest, of an interview and of the vote.
FIXTURE = json.loads((Path(__file__).parent / "fixtures" / "facts" / "days.json").read_text())


def _facts(name: str, day: dt.date | None = None) -> tuple:
    return facts_of(FIXTURE[name]["articles"], day)


def _days(found: tuple, name: str) -> list:
    return [f for f in found if f.kind == "date" and name in f.value]


def test_the_day_of_the_fall_is_one_fact_of_the_three_reports():
    days = _days(_facts("fall"), "Wednesday")
    assert len(days) == 1
    assert sorted(days[0].sources) == ["p1", "p2", "p3"]
    assert days[0].independent_sources == 3


def test_the_day_of_the_meeting_is_one_fact_shown_in_the_event_s_words():
    days = _days(_facts("meeting"), "Thursday")
    assert len(days) == 1
    assert sorted(days[0].sources) == ["p3", "p4", "p5"]


# Multi-News 3b5368b3 (held-out gold), the four reports up to the paragraph giving the
# hairdresser's age: "Canadian-born Fabio Sementilli, 49, died at the scene", "Sementilli, who
# was 49 years old at the time of his death", "Fabio Sementilli, 49, was found dead", "the
# 49-year-old Sementilli".
AGES = json.loads((Path(__file__).parent / "fixtures" / "facts" / "ages.json").read_text())


def test_one_persons_age_told_by_the_same_reports_is_one_fact():
    ages = [f for f in facts_of(AGES["articles"]) if f.value == "age 49"]
    assert len(ages) == 1
    assert ages[0].sources == ("p1", "p2", "p3", "p4") and ages[0].independent_sources == 4
