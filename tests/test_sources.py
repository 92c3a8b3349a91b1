"""Issue 7, exact source sets: every article stating a fact (in other words, units or forms)
is a source of it, and no article that only shares words with it; names the reports write
alike are facts of their own. Real sentences in ``tests/fixtures/facts/sources.json``."""

import json
from pathlib import Path

import pytest

from newsfuse.fusion import clean, dates, event, facts, names, segment, syndication, values
from newsfuse.fusion.text import inverse_frequency
from newsfuse.models import Article, Entity

CASES = json.loads(
    (Path(__file__).parent / "fixtures" / "facts" / "sources.json").read_text(encoding="utf-8")
)


def _facts(texts):
    arts = [
        dates.with_publication_date(clean.clean(Article(id=k, text=v))) for k, v in texts.items()
    ]
    sents = {a.id: segment.sentences(a) for a in arts}
    fams = syndication.families(arts)
    ev = event.infer(arts, sents, fams)
    dated = dates.in_articles(arts, sents, ev.date)
    found, _ = facts.facts(arts, sents, fams, dated, ev)
    return found


@pytest.mark.parametrize("case", CASES["same_value"], ids=lambda c: c["name"])
def test_every_article_stating_the_value_in_another_form_is_a_source(case):
    found = _facts(case["articles"])
    assert (
        sorted({a for f in found if f.value == case["value"] for a in f.sources}) == case["sources"]
    ), [(f.value, f.sources) for f in found]


@pytest.mark.parametrize("case", CASES["not_source"], ids=lambda c: c["name"])
def test_an_article_sharing_words_but_not_the_value_is_no_source(case):
    found = _facts(case["articles"])
    # (one value may be two facts of one thing, each with every source)
    assert {tuple(sorted(f.sources)) for f in found if f.value == case["value"]} == {
        tuple(case["sources"])
    }


def _sentences(texts):
    arts = [clean.clean(Article(id=k, text=v)) for k, v in texts.items()]
    return {a.id: segment.sentences(a) for a in arts}


def _entity(name, sources):
    return Entity(
        name=name,
        type="organisation",
        sources=tuple(sources),
        independent_sources=len(sources),
        mentions=len(sources),
    )


@pytest.mark.parametrize("case", CASES["names"], ids=lambda c: c["name"])
def test_a_name_two_families_write_is_a_fact_of_exactly_the_articles_naming_it(case):
    sents = _sentences({**case["articles"], "context": " ".join(case.get("context", ()))})
    weights = inverse_frequency(s.text for ss in sents.values() for s in ss)
    family_of = {a: n for n, a in enumerate(sents)}
    found = names.name_facts([_entity(case["entity"], case["sources"])], sents, family_of, weights)
    # (names the test gives no entity for are found too: "nurse Jacintha Saldanha")
    (fact,) = [f for f in found if f.value == case["entity"]]
    assert fact.kind == "name"
    assert sorted(fact.sources) == case["sources"]
    assert fact.independent_sources == len(case["sources"])
    assert case["entity"] in fact.text and case["entity"] in fact.about


def test_a_name_that_is_mostly_part_of_a_longer_one_is_no_fact():
    # Multi-News 1d233653 p1, p3: "Kansas City" inside an outlet's and a police report's name
    sents = _sentences(
        {
            "a": "Police say the shooting may be connected to an armed robbery hours earlier of "
            "a man answering a Craigslist ad for an Xbox, the Kansas City Star reported.",
            "b": "The father and teen test drove the vehicle with a suspect who called himself "
            '"AJ," according to a Kansas City Police Department report.',
        }
    )
    weights = inverse_frequency(s.text for ss in sents.values() for s in ss)
    found = names.name_facts([_entity("Kansas City", "ab")], sents, {"a": 0, "b": 1}, weights)
    assert found == []


def test_one_family_naming_a_thing_twice_is_no_fact():
    sents = _sentences({k: v for k, v in CASES["names"][0]["articles"].items() if k in "ab"})
    weights = inverse_frequency(s.text for ss in sents.values() for s in ss)
    entity = _entity(CASES["names"][0]["entity"], "ab")
    assert names.name_facts([entity], sents, {"a": 0, "b": 0}, weights) == []


@pytest.mark.parametrize(
    ("sentence", "low", "high", "shown"),
    [
        ("He was sentenced to nine to 33 years.", 9, 33, "9 to 33 years"),
        ("somewhere between 2,500 and 5,000 tonnes of nerve agents", 2500, 5000, "2500 to 5000"),
        ("distant enough to take 10,000 to 20,000 years", 10000, 20000, "10000 to 20000 years"),
    ],
)
def test_a_range_is_one_interval_from_its_lower_to_its_upper_end(sentence, low, high, shown):
    (q,) = values.find(sentence, [], 2017)
    days = 365.25 if q.unit == "duration" else 1.0  # spans of time are compared in days
    assert q.low == pytest.approx(low * days) and q.high == pytest.approx(high * days, rel=0.02)
    assert q.shown.startswith(shown) and not q.exact  # a range never contradicts


def test_two_alternative_figures_are_no_range():
    # rival reports ("8 or 10 arrested") must stay two figures for the conflicts
    (q,) = values.find("8 or 10 people were arrested", [], 2017)
    assert q.low == pytest.approx(9.9) and q.shown == "10 people"


def test_spans_of_time_agree_across_units():
    year = 2016
    (months,) = values.find("an 85-month prison stint", [], year)
    (spelled,) = values.find("to serve 7 years, 1 month in prison", [], year)[:1]
    (supervised,) = values.find("three years of supervised release", [], year)
    assert months.agrees(spelled) and not months.agrees(supervised)
    (minimum,) = values.find("sentenced to a minimum of nine years in 2008", [], year)
    assert not minimum.referring and minimum.shown == "a minimum of 9 years"


def test_a_web_address_two_families_write_in_any_case_is_a_name_fact():
    # Multi-News 37c63596 p1, p2, p3: the site of the decoy ad, twice in lower case
    sents = _sentences(
        {
            "a": "Authorities had placed an escort ad on backpage.com and two detectives were "
            "posing as prostitutes at the hotel, the affidavit said.",
            "b": "As part of an undercover sting, Broward sheriff's detectives placed an escort ad"
            ' on Backpage.com offering a "two-girl special."',
            "c": "On Friday, Johnson used his cellphone to call a number he’d found on the escort"
            " section of backpage.com, the affidavit said.",
            "d": "Write to the tips desk at tips@backpage.com for more.",  # an e-mail address
            # (the rest of the story: a name in most sentences is a main actor, no fact)
            "e": " ".join(f"Johnson was fired on day {n} of the inquiry." for n in range(12)),
        }
    )
    weights = inverse_frequency(s.text for ss in sents.values() for s in ss)
    (fact,) = names.name_facts([], sents, {"a": 0, "b": 1, "c": 2, "d": 3, "e": 4}, weights)
    assert (fact.kind, fact.value, fact.sources) == ("name", "backpage.com", ("a", "b", "c"))
    assert names.name_facts([], sents, {"a": 0, "b": 0, "c": 0, "d": 0, "e": 0}, weights) == []


def test_a_thing_named_by_a_word_and_a_number_is_a_name_fact_in_any_case():
    # Multi-News 37c63596 p2, p3: the hotel room, capitalised in one report only
    sents = _sentences(
        {
            "a": "Johnson went to the hotel and knocked on the door of Room 423, the report said.",
            "b": "He knocked on the door of room 423 at the Dania Beach hotel.",
            "c": "The sting was set for July 23 and ran for 30 days.",  # a day, a count
            "d": "The sting ran until July 23, the sheriff said.",
            "e": " ".join(f"Johnson was fired on day {n} of the inquiry." for n in range(12)),
        }
    )
    weights = inverse_frequency(s.text for ss in sents.values() for s in ss)
    found = names.name_facts([], sents, {k: n for n, k in enumerate("abcde")}, weights)
    assert [(f.value, f.sources) for f in found] == [("Room 423", ("a", "b"))]


def _name_facts_of(sents) -> list[tuple[str, tuple[str, ...]]]:
    """The name facts of ``sents`` (each article a family of its own): value and sources."""
    weights = inverse_frequency(s.text for ss in sents.values() for s in ss)
    family_of = {k: n for n, k in enumerate(sents)}
    return [(f.value, f.sources) for f in names.name_facts([], sents, family_of, weights)]


def test_a_thing_named_by_a_word_and_a_number_word_is_one_name_with_its_digits():
    # Multi-News 8b4c90da p1, p2, p3: the proposed planet, in words and in digits
    sents = _sentences(
        {
            "a": "Mike Brown points to the gold ring showing the orbital path of Planet Nine.",
            "b": 'They are calling it "Planet Nine."',
            "c": "This Planet 9, as the two Caltech researchers call it, hasn't been spotted yet.",
            "d": "Astronomers found nine objects, and Planet nine is no name here.",
            "e": " ".join(f"The planet was seen on night {n} of the survey." for n in range(12)),
        }
    )
    assert _name_facts_of(sents) == [("Planet Nine", ("a", "b", "c"))]


def test_a_model_named_by_its_code_in_several_forms_is_one_name_fact():
    # Multi-News 60e83cb1 p1, p2, p3: the aircraft, with and without its letter and series
    sents = _sentences(
        {
            "a": "Indonesia AirAsia flew on a Sunday, the day the Airbus A320-200 plunged into the"
            " Java Sea.",
            "b": "AirAsia’s Airbus 320 disappeared around 40 minutes after taking off.",
            "c": "The Airbus A320 crashed Dec. 28, halfway into a two-hour flight.",
            "e": " ".join(f"Rescuers searched on day {n} of the operation." for n in range(12)),
        }
    )
    assert _name_facts_of(sents) == [("Airbus A320-200", ("a", "b", "c"))]


def test_a_contracted_name_is_shown_with_the_long_name_the_cluster_writes():
    # Multi-News 8b4c90da p1, p2: "Caltech" and "the California Institute of Technology"
    runs = {"California Institute of Technology", "Mike Brown", "Eleanor Holmes Norton"}
    assert names._contracted("Caltech", runs) == "California Institute of Technology"
    assert names._contracted("Eleanor", runs) is None  # a first name, no contraction
    assert names._contracted("Mideast", {"Middle East"}) == "Middle East"
    assert names._contracted("Clinic", {"Clive Nicholls"}) is None  # too short to tell
    sents = _sentences(
        {
            "a": "Mike Brown is an astronomer at Caltech who has found dwarf planets.",
            "b": "Astronomers at the California Institute of Technology announced Wednesday"
            " that they had evidence of a giant planet, said Caltech.",
            "e": " ".join(f"The planet was seen on night {n} of the survey." for n in range(12)),
        }
    )
    weights = inverse_frequency(s.text for ss in sents.values() for s in ss)
    (fact,) = names.name_facts(
        [_entity("Caltech", "ab")], sents, {k: n for n, k in enumerate("abe")}, weights
    )
    assert fact.value == "Caltech (California Institute of Technology)"
    assert fact.sources == ("a", "b")


# other sentences of a story, so that the names above are no main actors of it
_CONTEXT = (
    "The judge approved the plea agreement on Wednesday. He was arrested in March. The deal"
    " also resolved several pending charges. Prosecutors said he would leave within weeks."
    " The defense asked for a transfer. He agreed to the sentence in February. Officials"
    " declined to comment. The hearing lasted an hour."
)


def test_a_name_the_name_finder_missed_is_a_fact_when_two_families_write_it():
    # Multi-News 8d81e972 p2, p3: no entity for the prison; an acronym before it is aside
    sents = _sentences(
        {
            "p2": "The most recent such statement was in a motion Monday asking the judge to"
            " recommend that Durst serve his time at Terminal Island, California, about 30 miles"
            " from downtown Los Angeles.",
            "p3": "His attorneys cited his poor health in their request for him to be housed at"
            " FCI Terminal Island, a federal prison with medical facilities near Los Angeles.",
            "context": _CONTEXT,
        }
    )
    family_of = {"p2": 0, "p3": 1, "context": 2}
    weights = inverse_frequency(s.text for ss in sents.values() for s in ss)
    found = names.name_facts([_entity("Los Angeles", ["p2", "p3"])], sents, family_of, weights)
    assert [(f.value, f.sources) for f in found] == [
        ("Los Angeles", ("p2", "p3")),
        ("Terminal Island", ("p2", "p3")),
    ]
    # one family's is none
    assert names.name_facts([], sents, dict.fromkeys(family_of, 0), weights) == []


def test_a_name_holding_a_known_one_is_no_missed_name():
    # "North Korean" holds the entity "North Korea": a word for its people, not a name
    sents = _sentences(
        {
            "a": "Leaflets critical of North Korean leader Kim Jong Un were sent.",
            "b": "The leaflets angered the North Korean leader, officials said.",
            "context": _CONTEXT,
        }
    )
    weights = inverse_frequency(s.text for ss in sents.values() for s in ss)
    family_of = {"a": 0, "b": 1, "context": 2}
    assert names.name_facts([_entity("North Korea", "ab")], sents, family_of, weights) == []
