"""A weekday is a source of a fact only when its clause tells the same happening (issue 7,
held-out cause 4): reports of one week name one weekday for many things. Sentences copied
from Multi-News 517d590c and 2a72476f (held-out gold 2)."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import facts_of

FIXTURE = json.loads((Path(__file__).parent / "fixtures" / "facts2_days.json").read_text())


def _facts(texts: dict[str, str]) -> tuple:
    return facts_of(texts)


def _days(found: tuple, day: str) -> list:
    return [f for f in found if f.kind == "date" and day in f.value]


def test_one_weekday_of_two_happenings_is_two_facts():
    # "China's government warned Wednesday it will retaliate" (p1) / "The next wave of U.S.
    # tariffs is set to kick in as soon as Wednesday" (p3)
    days = _days(_facts(FIXTURE["tariffs"]), "Wednesday")
    assert sorted(f.sources for f in days) == [("p1",), ("p3",)]


def test_the_part_of_the_day_is_no_word_of_what_happened():
    # "Hundreds attended a vigil Tuesday night for Martin" (p1) / "the Associated Press
    # reported Tuesday night" (p3): neither is a source of the other's Tuesday night
    nights = _days(_facts(FIXTURE["vigil"]), "Tuesday night")
    assert sorted(f.sources for f in nights) == [("p1",), ("p3",)]


def test_one_weekday_of_one_happening_is_one_fact():
    found = _facts(
        {
            "p1": "China's government warned Wednesday it will retaliate if Washington imposes"
            " new trade penalties.",
            "p2": "Beijing warned Wednesday that it would retaliate against any new tariffs.",
        }
    )
    days = _days(found, "Wednesday")
    assert [sorted(f.sources) for f in days] == [["p1", "p2"]]


def test_a_weekday_written_beside_its_date_is_that_date():
    # Multi-News a888a993 p1 (Tesla's statement) and p3, which quotes it
    sentence = (
        "In the moments before the collision, which occurred at 9:27 a.m. on Friday, March"
        " 23rd, Autopilot was engaged with the adaptive cruise control follow-distance set to"
        " minimum."
    )
    found = _facts({"p1": sentence, "p3": f'"{sentence[:-1]}," Tesla said.'})
    assert _days(found, "Friday") == []
    (day,) = _days(found, "March 23")
    assert sorted(day.sources) == ["p1", "p3"]
    assert {s.value for s in day.stated} >= {"Friday"}
