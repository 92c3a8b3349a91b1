"""One union-find root for syndication and facts (fix1): the root of a chain, with the path
halved on the way (every element keeps its root)."""

from __future__ import annotations

from newsfuse.fusion import syndication


def test_union_root_finds_the_root_and_keeps_every_root():
    parent = {"p1": "p1", "p2": "p1", "p3": "p2", "p4": "p3", "p5": "p5"}
    assert syndication.union_root(parent, "p4") == "p1"
    assert {k: syndication.union_root(parent, k) for k in parent} == {
        "p1": "p1",
        "p2": "p1",
        "p3": "p1",
        "p4": "p1",
        "p5": "p5",
    }
    assert parent["p4"] != "p3"  # the path was shortened
