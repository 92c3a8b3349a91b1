"""A time "N years ago" is a point in the past, not a span (issue 7; heldout3 cause 1a). Real
text: Multi-News f525eb46 (held-out gold 3), p1 "early Mars (4.5 billion years ago)" and p3
"covered ... the Martian surface four billion years ago": two epochs, comparable and
different; p2's span "had standing water for 1.5 billion years" is no epoch; "more than 10
days ago" (Multi-News cef9105b) is an epoch too imprecise to contradict (each report counts
back from its own day)."""

from __future__ import annotations

import json
from pathlib import Path

from newsfuse.fusion import values

MARS = json.loads((Path(__file__).parent / "fixtures" / "values3" / "heldout3.json").read_text())[
    "mars"
]


def _one(sentence: str, unit: str) -> values.Quantity:
    found = [q for q in values.find(sentence, []) if q.unit == unit]
    assert len(found) == 1, found
    return found[0]


def test_epochs_are_points_in_the_past_and_compare():
    p1 = _one(MARS["epoch_p1"], "ago")
    p3 = _one(MARS["epoch_p3"], "ago")
    assert (p1.shown, p3.shown) == ("4.5 billion years ago", "4 billion years ago")
    assert p1.text == "4.5 billion years ago" and p3.text == "four billion years ago"
    assert p1.comparable(p3) and not p1.agrees(p3)  # 4.5 vs 4 billion years ago: a dispute


def test_a_span_is_no_epoch():
    span = _one(MARS["span_p2"], "duration")
    epoch = _one(MARS["epoch_p1"], "ago")
    assert span.shown == "1.5 billion years"
    assert not span.comparable(epoch) and not span.agrees(epoch)


def test_short_epochs_agree_but_never_contradict():
    ten = _one("the attack more than 10 days ago", "ago")
    two = _one("It happened two days ago in the capital.", "ago")
    assert not ten.exact and not two.exact
    years = _one("Ten years ago, the story was different.", "ago")
    assert years.exact and years.shown == "10 years ago"
    # months and years agree in one unit, as spans do ("24 months ago" / "two years ago")
    assert _one("two years ago", "ago").agrees(_one("24 months ago", "ago"))
