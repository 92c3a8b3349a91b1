"""A count of storeys and a length are not one measure (issue 7; heldout cause 1b): "nine
stories" (p1, p2) and "slipped 25 feet" (p3) of Connor Cummings' fall neither join nor
conflict, whatever the gold's reading of them. Real text: Multi-News 6ed6a5b5 (held-out
gold 1)."""

from __future__ import annotations

from conftest import fact_inputs
from newsfuse.fusion import facts, values

FALL = {
    "p1": "Cummings dropped nine stories in the pouring rain, landing on one of the hotel's "
    "lower rooftops.",
    "p2": "He fell nine stories down the interior shaft of the Four Seasons hotel.",
    "p3": "Connor Cummings, 20, of Rockaway, NJ, slipped 25 feet, past the ladder he used to "
    "access the catwalk.",
}


def test_storeys_and_feet_are_other_units():
    (storeys,) = values.find(FALL["p2"], [])
    feet = next(q for q in values.find(FALL["p3"], []) if q.unit == "length")
    assert storeys.unit == "storey" and storeys.shown == "9 stories"
    assert not storeys.comparable(feet) and not storeys.agrees(feet)


def test_no_fact_or_conflict_pairs_them():
    found, conflicts = facts.facts(*fact_inputs(FALL))
    assert not conflicts
    storeys = [f for f in found if "stories" in f.value]
    feet = [f for f in found if "feet" in f.value]
    assert storeys and feet
    assert all("p3" not in f.sources for f in storeys)
    assert all(f.sources == ("p3",) for f in feet)
