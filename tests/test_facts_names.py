"""A name and the longer name it starts are one name fact of the reports writing either
(issue 7 point 4: sources exact). Real sentences from held-out Multi-News 183d3bfe and
a city and its police department of development cluster 1d233653."""

from conftest import entity_of, name_facts_of
from newsfuse.fusion import names


def test_a_name_starting_one_longer_name_is_that_name():
    texts = {
        "p1": "Los Angeles County sheriff's homicide detectives responded to a WinCo Foods store"
        " in the 700 block of West Avenue K at approximately 2:40 p.m.",
        "p2": "The body of Raymundo Rivera, 35, was found about 2:40 p.m. Saturday inside a"
        " pillar at Winco Foods, according to the Los Angeles county coroner's office.",
        "p3": "The business — a WinCo supermarket — is located in the 700 block of West Avenue"
        " K in Lancaster.",
    }
    entities = [
        entity_of("WinCo", "organisation", ("p1", "p2", "p3")),
        entity_of("WinCo Foods", "other", ("p1", "p2")),
    ]
    store = [f for f in name_facts_of(texts, entities) if "WinCo" in f.value]
    assert [(f.value, f.sources, f.independent_sources) for f in store] == [
        ("WinCo Foods", ("p1", "p2", "p3"), 3)
    ]


def test_a_city_and_the_police_department_named_after_it_stay_apart():
    # Multi-News 1d233653: "a Kansas City couple" (p1, p2: a place) and "a Kansas City
    # Police Department report" (p3, p4 here: an organisation) are other things
    found = [
        ((-2, -2), "Kansas City", [], ["p1", "p2"], 2),
        ((-2, -2), "Kansas City Police Department", [], ["p3", "p4"], 2),
    ]
    types = {"Kansas City": "place", "Kansas City Police Department": "organisation"}
    family_of = {"p1": 1, "p2": 2, "p3": 3, "p4": 4}
    sentences = dict.fromkeys(("p1", "p2", "p3", "p4"), ())
    assert names._shorter_joined(found, types, sentences, family_of) == found
    # Multi-News a888a993: the maker and its car, both organisations to the name finder
    found = [
        ((-2, -2), "Tesla", [], ["p1", "p2"], 2),
        ((-2, -2), "Tesla Model X", [], ["p3", "p4"], 2),
    ]
    types = {"Tesla": "organisation", "Tesla Model X": "organisation"}
    assert names._shorter_joined(found, types, sentences, family_of) == found
