"""A figure in a question or an exclamation is no side of a conflict (issue 7 point 4: the
Timeline17 H1N1_bbc conflict '15 people' vs '8 people', a reader's comment against a report).
Sentences copied from two BBC pages of 2009-04-30 (Timeline17 H1N1_bbc)."""

from __future__ import annotations

import datetime as dt

from conftest import fact_inputs
from newsfuse.fusion import facts

REPORT = (
    "Two more people in England have been confirmed as having swine flu. They are being"
    " treated at their homes and are among eight people in the UK known to have caught the"
    " H1N1 virus."
)
# (the reader's sentence is "The gist of what you have been reporting in the last week is
# “15 people ...”!": its quoted exclamation alone, which the reading of the values otherwise
# takes as asserted)
COMMENT = (
    "Two more people in England have been confirmed as having swine flu. “15 people caught the"
    " flu in the UK and they are now recovering from it”!"
)


def _conflicts(comment: str) -> tuple:
    _, found = facts.facts(*fact_inputs({"a": REPORT, "b": comment}, dt.date(2009, 4, 30)))
    return found


def test_an_exclamation_is_no_side_of_a_conflict():
    assert _conflicts(COMMENT) == ()


def test_the_same_figure_asserted_is_a_side():
    asserted = COMMENT.replace("“", "").replace("”!", ".")
    found = _conflicts(asserted)
    assert [sorted(v.value for v in c.values) for c in found] == [["15 people", "8 people"]]
