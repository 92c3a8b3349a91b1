"""Who ranks where (issue 7, heldout2 cause 1b): "Martin Richard was the second of the three
people killed in the explosions to have been identified" (p2) against "Krystle Campbell, 29,
was the second fatality identified" (p3) is one rank of one deed given to two people. Real
text: Multi-News 2a72476f (held-out gold 2), p2 and p3."""

from __future__ import annotations

import json
from pathlib import Path

from newsfuse.fusion import facts
from newsfuse.models import Sentence

FIXTURE = json.loads((Path(__file__).parent / "fixtures" / "facts3" / "ranks.json").read_text())


def _sentences(texts: dict[str, str]) -> dict[str, list[Sentence]]:
    from conftest import sentences_of

    return sentences_of(texts)


def _ranks(texts: dict[str, str], family_of: dict[str, int] | None = None) -> list:
    family_of = family_of or {k: n for n, k in enumerate(sorted(texts))}
    return facts.rank_conflicts(_sentences(texts), family_of)


def test_two_people_named_second_identified_conflict():
    found = _ranks(FIXTURE["ranks"]["articles"])
    assert [c.about for c in found] == ["who was the second identified"]
    sides = {v.value: v.sources for v in found[0].values}
    assert sides == {"Martin Richard": ("p2",), "Krystle Campbell": ("p3",)}
    assert all(v.text.endswith("identified.") for v in found[0].values)


def test_one_family_naming_both_is_no_conflict():
    texts = FIXTURE["ranks"]["articles"]
    assert _ranks(texts, {"p2": 0, "p3": 0}) == []


def test_the_same_person_or_another_deed_is_no_conflict():
    texts = dict(FIXTURE["ranks"]["articles"])
    same = dict(texts, p2=texts["p2"].replace("Eight-year-old Martin Richard", "Krystle Campbell"))
    assert _ranks(same) == []
    other = dict(texts, p2=texts["p2"].replace("to have been identified", "to have been buried"))
    assert _ranks(other) == []
