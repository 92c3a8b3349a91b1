"""Where a person is from (issue 7, heldout2 cause 1c): two towns beside one state for one
person's home, from two families, are rivals; one town, or towns written together somewhere
(one may be within the other), are not. Real sentence: Multi-News 6ed6a5b5 (held-out gold) p3;
its rival is the same sentence with another New Jersey town."""

from __future__ import annotations

from conftest import sentences_of
from newsfuse.fusion import facts

P3 = (
    "Connor Cummings, 20, of Rockaway, NJ, slipped 25 feet, past the ladder he used to access"
    " the catwalk before landing hard on the hotel’s roof around 10:40 p.m. on Wednesday, the"
    " sources said."
)
OTHER = P3.replace("Rockaway", "Dover")


def _places(texts: dict[str, str], family_of: dict[str, int] | None = None) -> list:
    family_of = family_of or {k: n for n, k in enumerate(sorted(texts))}
    return facts.place_conflicts(sentences_of(texts), family_of)


def test_two_towns_of_one_state_for_one_person_conflict():
    found = _places({"p3": P3, "p4": OTHER})
    assert [c.about for c in found] == ["where Connor Cummings is from"]
    assert {v.value: v.sources for v in found[0].values} == {
        "Rockaway, NJ": ("p3",),
        "Dover, NJ": ("p4",),
    }


def test_one_town_one_family_or_towns_written_together_are_no_conflict():
    assert _places({"p3": P3, "p4": P3}) == []
    assert _places({"p3": P3, "p4": OTHER}, {"p3": 0, "p4": 0}) == []
    near = "The family moved from Dover to Rockaway last year."
    assert _places({"p3": P3, "p4": OTHER, "p5": near}) == []
