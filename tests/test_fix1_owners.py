"""Whose an age is (facts._Owners), read lazily (fix1): a report is read only when an age asks
about it, through an index of name words, and tells the same as counting every full name in
every sentence. Real text: Multi-News 88631c80 (held-out gold 3, tests/fixtures/values3)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import sentences_of
from newsfuse.fusion import facts
from newsfuse.models import Entity

FIXTURE = json.loads((Path(__file__).parent / "fixtures" / "values3" / "heldout3.json").read_text())
PEOPLE = [
    Entity(
        name="Vladimir Katriuk",
        type="person",
        variants=("Katriuk",),
        sources=("p2", "p3", "p5"),
        independent_sources=3,
        mentions=9,
    ),
    Entity(
        name="Gerhard Sommer",
        type="person",
        sources=("p4",),
        independent_sources=1,
        mentions=2,
    ),
]


def test_reports_are_read_when_asked_and_tell_whom_they_are_about():
    sentences = sentences_of(FIXTURE["katriuk"])
    owners = facts._Owners(PEOPLE, sentences, 1)
    assert owners.read == {}  # nothing read before an age asks
    katriuk = owners.person_of["katriuk"]
    assert katriuk >= {"vladimir", "katriuk"}
    assert owners.main("p5") == katriuk
    assert "katriuk" not in owners.named_in("p4")
    assert set(owners.read) == {"p4", "p5"}
    # the same as counting, sentence by sentence, each full name's words
    for article, ss in sentences.items():
        counts = [
            sum(
                any(w.lower() in {"vladimir", "katriuk"} for w in re.findall(r"\w+", s.text))
                for s in ss
            ),
            sum(
                any(w.lower() in {"gerhard", "sommer"} for w in re.findall(r"\w+", s.text))
                for s in ss
            ),
        ]
        if max(counts) >= 1:
            expected = owners.full[counts.index(max(counts))]
            assert owners.main(article) == expected, article
    assert owners.main("no such report") == frozenset()
