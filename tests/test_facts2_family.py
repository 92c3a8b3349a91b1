"""What one family's reports write alike is a fact of one source when the cluster has few
families (issue 7, held-out cause 2): three copies of one inquest report otherwise give
figures only."""

from __future__ import annotations

import json
from pathlib import Path

from newsfuse.fusion import clean, dates, entities, event, facts, segment, syndication
from newsfuse.models import Article, Family

# Multi-News fe6c1484 (held-out gold 2): three rewrites of one inquest report.
FIXTURE = json.loads((Path(__file__).parent / "fixtures" / "facts2_family.json").read_text())


def _facts(groups: list[tuple[str, ...]] | None = None, why: tuple[str, ...] = ()) -> tuple:
    """The facts, with the families syndication finds (``groups`` None), or these."""
    arts = [clean.clean(Article(id=i, text=t)) for i, t in FIXTURE["articles"].items()]
    if groups is None:
        families = syndication.independent(arts, syndication.families(arts))
    else:
        families = [Family(id=n, members=g, why=why) for n, g in enumerate(groups)]
    sents = {a.id: segment.sentences(a) for a in arts}
    ev = event.infer(arts, sents, families)
    dated = dates.in_articles(arts, sents, ev.date)
    found_entities = entities.entities(arts, families)
    found, _ = facts.facts(arts, sents, families, dated, ev, entities=found_entities)
    return found


def test_one_familys_claims_without_a_figure_are_facts_of_one_source():
    found = _facts()  # (syndication: p2 and p3 copy p1)
    outcome = [
        f for f in found if f.value == "The coroner recorded a conclusion of accidental death."
    ]
    assert len(outcome) == 1
    assert sorted(outcome[0].sources) == ["p1", "p2", "p3"]
    assert outcome[0].independent_sources == 1
    assert outcome[0].status == "single-source"
    team = [f for f in found if f.value == "Ogwen Valley Mountain Rescue Team"]
    assert len(team) == 1 and sorted(team[0].sources) == ["p1", "p3"]
    # every fact of the cluster is one family's: none says two
    assert all(f.independent_sources == 1 for f in found)


def test_the_claims_of_many_families_are_not_read_family_by_family():
    # three families: the same sentence is a corroborated statement, once
    found = _facts([("p1",), ("p2",), ("p3",)])
    outcome = [f for f in found if "accidental death" in f.value and f.kind == "statement"]
    assert len(outcome) == 1
    assert outcome[0].independent_sources == 3


def test_one_outlets_reports_are_not_read_as_copies():
    # a family of one outlet's reports (syndication's reason), not of reused text
    outlet = tuple(f"{a}: same outlet as p1 (BBC, from its metadata)" for a in ("p2", "p3"))
    found = _facts([("p1", "p2", "p3")], outlet)
    assert not [f for f in found if f.kind == "statement"]
