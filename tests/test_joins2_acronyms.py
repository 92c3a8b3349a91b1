"""An acronym one report writes and the name another spells out are one name when facts are
joined: "the IAU" / "the International Astronomical Union" (issue 7, point 4)."""

from __future__ import annotations

import datetime as dt

from conftest import facts_of
from newsfuse.fusion import facts
from newsfuse.models import Sentence

# Multi-News 8b4c90da p1 and p4 (Planet Nine): the year Pluto's status was decided, once with
# the union's name, once with its acronym.
NAME = (
    'But that ended in 2006 when the International Astronomical Union voted to define "planet"'
    " officially for the first time."
)
ACRONYM = (
    "The IAU was forced to decide in 2006 whether it would admit Eris and other small worlds"
    " like Ceres, or boot out Pluto."
)
# BBC Have Your Say comments (Timeline17 H1N1_bbc): a name of stop words only.
STOPPED = "Have Your Say: readers wrote to the HYS page about the flu."


def _sentences(*texts: str) -> dict[str, list[Sentence]]:
    return {
        f"p{i}": [Sentence(article_id=f"p{i}", index=0, text=t, start=0, end=len(t))]
        for i, t in enumerate(texts)
    }


def test_an_acronym_another_report_spells_out_reads_as_its_name():
    spelled = facts._spelled_out(_sentences(NAME, ACRONYM))
    assert spelled == {"iau": frozenset({"internat", "astronom", "union"})}


def test_a_name_of_stop_words_is_no_spelling():
    # ("Have Your Say" has no content word: it would be in every context)
    assert facts._spelled_out(_sentences(STOPPED)) == {}


def test_the_year_of_the_acronym_and_of_the_name_is_one_fact_of_both():
    years = [
        f
        for f in facts_of({"p1": NAME, "p4": ACRONYM}, dt.date(2016, 1, 20))
        if f.kind == "date" and f.value == "2006"
    ]
    assert len(years) == 1
    assert sorted(years[0].sources) == ["p1", "p4"]
    assert years[0].independent_sources == 2
