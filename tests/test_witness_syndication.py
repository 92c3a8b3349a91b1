"""A credited rewrite is a copy: "WSVN.com reported" and WSVN's own report are one witness.

Excerpts of a Multi-News cluster (tests/fixtures/witness/ring.json, heldout2 e67008dd): p1
(Fox News) rewrites WSVN's report (p2, "PLANTATION, Fla. (WSVN) --") and credits it; most of
what they share is quotations, so as copies they stayed apart. p3 credits Fox News, WPLG and
others, but no article of the cluster names its outlet as Fox News.
"""

from __future__ import annotations

import json
from pathlib import Path

from newsfuse.fusion.syndication import families, independent, outlet
from newsfuse.models import Article
from newsfuse.settings import SyndicationSettings

RING = json.loads(
    (Path(__file__).parent / "fixtures" / "witness" / "ring.json").read_text(encoding="utf-8")
)


def _articles(**replace: str) -> list[Article]:
    out = []
    for k, v in RING.items():
        if not k.startswith("_"):
            text = replace.get(k, v)
            out.append(Article(id=k, text=text, clean_text=text))
    return out


def _independent(articles: list[Article]):
    return independent(articles, families(articles))


def test_a_station_dateline_names_the_outlet() -> None:
    p2 = _articles()[1]
    assert outlet(p2) == ("WSVN", "its dateline credit")
    assert outlet(Article(id="x", text="LOS ANGELES (KABC) -- A man was hurt.")) == (
        "KABC",
        "its dateline credit",
    )
    assert outlet(Article(id="y", text="NEW YORK (VIDEO) -- A man was hurt.")) is None


def test_a_credited_rewrite_is_one_witness_with_its_source() -> None:
    assert all(len(f.members) == 1 for f in families(_articles()))  # as copies: apart
    found = _independent(_articles())
    assert [f.members for f in found] == [("p1", "p2"), ("p3",)]
    (why,) = found[0].why
    assert why.startswith("p1: credits WSVN.com, the outlet of p2, and shares its text")


def test_a_credit_alone_or_shared_text_alone_changes_nothing() -> None:
    # the same credit, but p1's text replaced by one that shares nothing with p2
    own = "A Florida police officer bought a ring for a woman in hospital, WSVN.com reported."
    found = _independent(_articles(p1=own))
    assert [f.members for f in found] == [("p1",), ("p2",), ("p3",)]
    # the same shared text, but no credit: the rewrite stays its own witness
    uncredited = RING["p1"].replace(", WSVN.com reported", "").replace("WSVN.com", "a reporter")
    found = _independent(_articles(p1=uncredited))
    assert [f.members for f in found] == [("p1",), ("p2",), ("p3",)]


def test_a_credit_of_an_outlet_outside_the_cluster_changes_nothing() -> None:
    # p3 credits Fox News, WPLG, WOGX and WOFL: none is an article's outlet here
    p3 = RING["p3"] + "\n\nThe Miami Herald reported the theft, according to WPLG."
    found = _independent(_articles(p3=p3))
    assert ("p3",) in [f.members for f in found]


def test_two_rewrites_crediting_one_wire_are_not_joined_by_the_credit() -> None:
    # both credit the AP, whose own article is not in the cluster: two witnesses still
    a = RING["p1"].replace("WSVN.com reported", "according to the Associated Press")
    b = RING["p3"] + "\n\nThe officer was not named, the Associated Press reported."
    found = _independent([Article(id="a", text=a), Article(id="b", text=b)])
    assert [f.members for f in found] == [("a",), ("b",)]


def test_the_text_a_credit_needs_is_a_setting() -> None:
    (why,) = _independent(_articles())[0].why
    share = float(why.split("(")[1].split("%")[0]) / 100  # "shares its text (N% of 5-grams"
    articles = _articles()
    stricter = SyndicationSettings(credited_share=share + 0.02)
    found = independent(articles, families(articles), stricter)
    assert [f.members for f in found] == [("p1",), ("p2",), ("p3",)]
