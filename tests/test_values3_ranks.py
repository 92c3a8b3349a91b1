"""A place on a list is a value (issue 7; heldout3 cause 4): "was No. 2 on the Simon
Wiesenthal Center's list of most wanted Nazi war criminals" (p2) and "The second most wanted
man on the Simon Wiesenthal Centre's list" (p3) are one rank, a fact of both reports; "No. 4
on the most-wanted list in 2012" (p2) is another year's list, no rival of it. Real text:
Multi-News 88631c80 (held-out gold 3)."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import fact_inputs
from newsfuse.fusion import facts, values

KATRIUK = json.loads(
    (Path(__file__).parent / "fixtures" / "values3" / "heldout3.json").read_text()
)["katriuk"]
P2_LATER = "In an interview with The Canadian Press (he was No. 4 on the most-wanted list in 2012), Katriuk paused."


def _ranks(sentence: str) -> list[str]:
    return [q.shown for q in values.find(sentence, []) if q.unit == values.LIST_RANK]


def test_a_numbered_and_a_worded_place_on_a_list():
    assert _ranks(KATRIUK["p2"].split("\n\n")[0]) == ["No. 2"]
    assert _ranks(KATRIUK["p3"].split("\n\n")[0]) == ["No. 2"]
    assert _ranks(P2_LATER) == ["No. 4"]
    # no list: a number after "No." names a thing, an ordinal ranks its noun
    assert _ranks("Room No. 5 was empty.") == []
    assert _ranks("It is the second largest city in the country.") == []


def test_the_rank_two_reports_give_is_a_fact_and_no_conflict():
    texts = {"p2": KATRIUK["p2"] + "\n\n" + P2_LATER, "p3": KATRIUK["p3"]}
    found, conflicts = facts.facts(*fact_inputs(texts))
    ranks = {f.value: f.sources for f in found if f.kind == "ordinal"}
    assert ranks == {"No. 2": ("p2", "p3")}
    assert not [c for c in conflicts if any("No." in v.value for v in c.values)]
