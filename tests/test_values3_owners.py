"""An age is someone's (issue 7; heldout3 cause 2): two men of one age in one cluster are two
facts. Real text: Multi-News 88631c80 (held-out gold 3). p2, p3 and p5 give Vladimir
Katriuk's age, 93 ("his client ... at the age of 93", "has died at 93", "Mr. Katriuk, 93");
p4, an AP report on another man, gives "a 93-year-old former SS officer" (Gerhard Sommer) and
never names Katriuk. p4 must be no source of Katriuk's age, and Katriuk's reports none of
the officer's."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import fact_inputs
from newsfuse.fusion import facts, values
from newsfuse.models import Entity

FIXTURE = json.loads((Path(__file__).parent / "fixtures" / "values3" / "heldout3.json").read_text())
KATRIUK = Entity(
    name="Vladimir Katriuk",
    type="person",
    variants=("Katriuk",),
    sources=("p2", "p3", "p5"),
    independent_sources=3,
    mentions=9,
)


def _ages(texts: dict[str, str], entities: list[Entity]) -> list:
    found, _ = facts.facts(*fact_inputs(texts), entities=entities)
    return [f for f in found if f.value == "age 93"]


def test_another_mans_age_is_no_source():
    ages = _ages(FIXTURE["katriuk"], [KATRIUK])
    by_sources = sorted(f.sources for f in ages)
    # Katriuk's age from the three reports on him; the officer's from p4 alone
    assert by_sources == [("p2", "p3", "p5"), ("p4",)]


def test_without_the_people_known_the_age_joins_on_its_value():
    # (nobody known: nothing tells the owners apart, the old join on the value stands)
    ages = _ages(FIXTURE["katriuk"], [])
    assert any(set(f.sources) >= {"p2", "p4", "p5"} for f in ages)


def test_a_name_of_one_word_does_not_say_whom_a_report_is_about():
    # "Ferrellgas" (a firm the name finder typed a person) named twice in one report does not
    # make that report about someone the other report never names: the son's age joins
    texts = {
        "p1": "Gunmen shot a Kansas City couple looking to buy their teenage son a car. Their "
        "16-year-old son witnessed the attack but as not hurt.",
        "p3": "The 16-year-old boy was badly shaken up but he was not hit by the barrage of "
        "bullets. Ferrellgas offered a reward. A Ferrellgas spokesman said the company was "
        "shocked by the shooting of the couple.",
    }
    firm = Entity(
        name="Ferrellgas", type="person", sources=("p3",), independent_sources=1, mentions=2
    )
    found, _ = facts.facts(*fact_inputs(texts), entities=[firm])
    assert [f.sources for f in found if f.value == "age 16"] == [("p1", "p3")]


def test_died_at_an_age():
    said = "The second most wanted man on the list has died at 93 after a long illness."
    assert [q.shown for q in values.find(said, []) if q.unit == "age"] == ["age 93"]
    # a clock time after "died at" is no age
    assert not [q for q in values.find("He died at 4 a.m. on Sunday.", []) if q.unit == "age"]
    assert not [q for q in values.find("She died at 10:40 p.m.", []) if q.unit == "age"]
