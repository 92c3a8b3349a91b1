"""Where someone lives is not where something happened (issue 7, heldout2 cause 1a): p3's
"Heath lives in the 900 block" is a fact of its own, so p2's crime scene "on the 900 block of
Buffalo Springs Drive" and p3's "the double murder in the 800 block of Buffalo Springs Drive"
are rival blocks of one street. Real text: Multi-News 00b5ebc7 (held-out gold 2), p2 and p3."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from conftest import fact_inputs
from newsfuse.fusion import facts

FIXTURE = json.loads((Path(__file__).parent / "fixtures" / "facts3" / "blocks.json").read_text())


def _found(texts: dict[str, str]) -> tuple:
    return facts.facts(*fact_inputs(texts, dt.date(2016, 10, 25)))


def test_the_scene_blocks_of_one_street_conflict():
    found, conflicts = _found(FIXTURE["blocks"]["articles"])
    blocks = [c for c in conflicts if any("block" in v.value for v in c.values)]
    assert len(blocks) == 1
    sides = {v.value: v.sources for v in blocks[0].values}
    assert sides == {"900 block": ("p2",), "800 block": ("p3",)}
    # the home is a fact of p3 alone: p2's 900 block is the scene, not Heath's home
    homes = [f for f in found if f.value == "900 block" and "lives" in f.text]
    assert [f.sources for f in homes] == [("p3",)]


def test_a_home_and_a_scene_of_one_block_are_two_facts():
    texts = dict(FIXTURE["blocks"]["articles"])
    texts["p3"] = texts["p3"].replace("800 block", "900 block")
    found, conflicts = _found(texts)
    assert not [c for c in conflicts if any("block" in v.value for v in c.values)]
    nines = [f for f in found if f.value == "900 block"]
    assert len(nines) == 2  # the scene (p2, p3) and Heath's home (p3)


def test_dwelling_is_read_only_before_the_address_in_its_clause():
    texts = FIXTURE["blocks"]["articles"]
    found, _ = _found(texts)
    scene = [f for f in found if f.value == "900 block" and "called to a home" in f.text]
    assert scene and "p3" not in scene[0].sources
