"""Values that are no facts of the event (issue 7; heldout3 cause 6): a chemical formula's
subscript ("H 2 O"), a small figure of another thing joined to a fact on its number alone
("two hydrogen atoms" / "comes in two varieties"), a place inside an institution's name
("the Centre for Israel and Jewish Affairs"). Real text: Multi-News f525eb46 and 88631c80
(held-out gold 3)."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import fact_inputs
from newsfuse.fusion import facts, names, values

FIXTURE = json.loads((Path(__file__).parent / "fixtures" / "values3" / "heldout3.json").read_text())
MARS = FIXTURE["mars"]


def test_a_formula_subscript_is_no_count():
    assert not [q for q in values.find(MARS["formula_p1"], []) if q.kind == "count"]
    # a figure after a capitalised word that is no formula is still read
    assert [q.shown for q in values.find("Group B 3 teams advanced.", [])] == ["3 teams"]


def test_two_of_another_thing_is_another_fact():
    texts = {"p2": MARS["atoms_p2"], "p3": MARS["varieties_p3"]}
    found, _ = facts.facts(*fact_inputs(texts))
    twos = {f.value: f.sources for f in found if f.value.startswith("2 ")}
    assert twos == {"2 atoms": ("p2",), "2 varieties": ("p3",)}


def test_a_place_inside_an_institutions_name():
    said = FIXTURE["katriuk"]["p3"].split("\n\n")[1]
    for place in ("Israel", "Jewish Affairs"):
        at = said.index(place)
        assert names._in_longer(said, at, at + len(place))
    # a place beside names, not inside one, stays a name of its own
    listed = "Relations between Russia and Ukraine worsened."
    assert not names._in_longer(listed, listed.index("Ukraine"), listed.index("Ukraine") + 7)
    moved = "He moved to Canada in 1951."
    assert not names._in_longer(moved, 12, 18)
