"""Conflicts the value readings make possible, on three held-out Multi-News clusters (the
articles copied whole into tests/fixtures/heldout; see docs/heldout-facts.md): rival clock
times, two parts of one day, and two moments that are no conflict."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import newsfuse
from newsfuse.models import Article, Brief

HELDOUT = Path(__file__).parent / "fixtures" / "heldout"


@cache
def _brief(cluster: str) -> Brief:
    articles = [
        Article(id=p.stem.split("_")[1], text=p.read_text(encoding="utf-8"))
        for p in sorted(HELDOUT.glob(f"{cluster}_p*.txt"))
    ]
    return newsfuse.fuse(articles)


def _conflicts(cluster: str) -> list[list[str]]:
    return [sorted(v.value for v in c.values) for c in _brief(cluster).conflicts]


def test_rival_hedged_times_of_one_fall_conflict():
    # 6ed6a5b5: "at about 11:15 p.m. when Cummings fell" (p1) / "around 10:40 p.m." (p3)
    assert ["about 23:15", "around 22:40"] in _conflicts("6ed6a5b5")


def test_morning_and_afternoon_of_one_day_conflict():
    # 183d3bfe: "complained about a strong smell Saturday morning" (p3) / "On Saturday
    # afternoon, the manager ... reported a strong smell" (p2)
    found = _conflicts("183d3bfe")
    assert any(any("afternoon" in v for v in c) and any("morning" in v for v in c) for c in found)


def test_a_call_and_an_arrest_an_hour_apart_are_two_facts_and_no_conflict():
    # 86cc5c31: "called 911 around 4 a.m." (p2, p3) / "was arrested around 5 a.m." (p2)
    brief = _brief("86cc5c31")
    assert not brief.conflicts
    call = [f for f in brief.facts if f.value == "around 04:00"]
    assert call and set(call[0].sources) >= {"p2", "p3"}
    # the 911 line is no count
    assert not [f for f in brief.facts if f.value.startswith("911 ")]
