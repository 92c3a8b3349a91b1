"""Rivals without a figure (issue 7, heldout3 causes 1b and 1c): two regions for one person's
home ("lived in Quebec" / "lived with his French-born wife in Ontario"), and two surnames for
the speaker of one quote ("Delynn" / "Swonger"). Real text: Multi-News 88631c80 and b614820b
(held-out gold 3), in tests/fixtures/facts4/rivals.json."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import sentences_of
from newsfuse.fusion import clean, facts, names, quotes, rivals
from newsfuse.models import Article, Family

FIXTURE = json.loads((Path(__file__).parent / "fixtures" / "facts4" / "rivals.json").read_text())
HOMES = FIXTURE["homes"]
NAMES = FIXTURE["names"]
KATRIUK = ["Vladimir Katriuk", "Rudzik"]


def _homes(texts: dict[str, str], family_of: dict[str, int] | None = None) -> list:
    family_of = family_of or {k: n for n, k in enumerate(sorted(texts))}
    return rivals.home_conflicts(sentences_of(texts), family_of, KATRIUK)


def _names(texts: dict[str, str], family_of: dict[str, int] | None = None) -> list:
    family_of = family_of or {k: n for n, k in enumerate(sorted(texts), 1)}
    sentences = sentences_of(texts)
    articles = [clean.clean(Article(id=k, text=v)) for k, v in texts.items()]
    ids = sorted(set(family_of.values()))
    families = [Family(id=n, members=tuple(k for k in texts if family_of[k] == n)) for n in ids]
    said = quotes.quotes(articles, sentences, families)
    lower = names.lower_words(sentences)
    return rivals.name_rivals(articles, sentences, family_of, said, lower)


def test_two_provinces_for_one_persons_home_conflict():
    found = _homes(HOMES)
    assert [c.about for c in found] == ["where Vladimir Katriuk lives"]
    # "He later became ...": the last person named before; "lived in Paris before moving to
    # Canada" is a move, no home
    assert {v.value: v.sources for v in found[0].values} == {
        "Ontario": ("p3",),
        "Quebec": ("p5",),
    }


def test_a_town_and_its_region_agree():
    texts = {
        "p3": HOMES["p5"].replace("who lived in Quebec", "who lived in Ormstown, Que.,"),
        "p5": HOMES["p5"],
    }
    assert _homes(texts) == []
    # and "Ormstown, Que." against Ontario is Quebec against Ontario
    texts = {"p3": HOMES["p3"], "p5": texts["p3"]}
    found = _homes(texts)
    assert {v.value for c in found for v in c.values} == {"Ontario", "Ormstown, Que."}


def test_one_family_giving_both_a_move_or_someone_elses_home_is_no_conflict():
    assert _homes(HOMES, {"p2": 0, "p3": 1, "p5": 1}) == []
    moved = HOMES["p3"].replace("and lived with", "and, before moving, lived with")
    assert _homes({"p3": moved, "p5": HOMES["p5"]}) == []
    wife = HOMES["p3"].replace("and lived with his French-born wife in", "and his wife lived in")
    assert _homes({"p3": wife, "p5": HOMES["p5"]}) == []


def test_one_quote_two_surnames_for_its_speaker_conflict():
    found = _names(NAMES)
    assert [c.about for c in found] == ["surname of Dallas (Delynn or Swonger)"]
    sides = {v.value: v.sources for v in found[0].values}
    # p2 writes both (its update line corrects its text); p3 only Swonger
    assert sides == {"Dallas Delynn": ("p2",), "Dallas Swonger": ("p2", "p3")}


def test_one_family_a_spelling_or_another_speaker_is_no_name_conflict():
    assert _names(NAMES, {"p2": 1, "p3": 1}) == []
    spelt = dict(NAMES, p3=NAMES["p3"].replace("Swonger", "Delyn"))
    assert _names(spelt) == []
    other = dict(NAMES, p3=NAMES["p3"].replace("Dallas Swonger", "Shane Swonger"))
    assert _names(other) == []


def test_one_state_written_two_ways_is_one_state_for_towns():
    p3 = (
        "Connor Cummings, 20, of Rockaway, NJ, slipped 25 feet, past the ladder he used to"
        " access the catwalk before landing hard on the hotel’s roof around 10:40 p.m. on"
        " Wednesday, the sources said."
    )
    texts = {"p3": p3, "p4": p3.replace("Rockaway, NJ", "Dover, New Jersey")}
    found = facts.place_conflicts(sentences_of(texts), {"p3": 0, "p4": 1})
    assert [c.about for c in found] == ["where Connor Cummings is from"]


def test_one_first_name_of_one_age_with_two_surnames_conflict():
    # (p2's and p3's sentences about the citations, with the age p2 and p3 give elsewhere)
    p2 = "Dallas Delynn, 18, and two friends were given written citations for trespassing."
    # (one thing told of both: five words in a row, "and two friends were given"; fix1)
    p3 = "Dallas Swonger, 18, and two friends were given citations for trespassing."
    found = _names({"p2": p2, "p3": p3})
    assert {v.value: v.sources for c in found for v in c.values} == {
        "Dallas Delynn": ("p2",),
        "Dallas Swonger": ("p3",),
    }
    assert _names({"p2": p2, "p3": p3.replace("18", "19")}) == []  # two people, it may be
    whole = "Dallas Delynn Swonger, 18, has granted his first interview."
    assert _names({"p2": p2, "p3": p3, "p4": whole}) == []  # one written with both
