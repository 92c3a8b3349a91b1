"""Counts read from heldout2 sentences (branch values2): ranges written with a hyphen are
intervals, a street's block is a value of the place, and words that are no counted noun (a
page label, a ratio's adjective, a singular noun, a preposition) make no count."""

import pytest

from newsfuse.fusion import values
from newsfuse.fusion.dates import mentions


def counts(sentence: str) -> list[values.Quantity]:
    return [q for q in values.find(sentence, mentions(sentence, None)) if q.kind == "count"]


def test_a_hyphenated_range_is_an_interval_not_its_first_number():
    q, _ = counts(
        "Mrs Wilson, had apparently fallen 20-30 feet down a vertical cliff, then tumbled about 150 metres down"
    )
    assert q.shown == "20 to 30 feet" and not q.exact
    (thirty,) = counts("Mrs Wilson fell 30ft (9m) down a vertical cliff.")
    (ft,) = counts("Detective Bird said Mrs Wilson had fallen 20-30ft down a vertical cliff.")
    assert ft.shown == "20 to 30 ft" and ft.agrees(q)
    assert thirty.unit == q.unit == "length" and q.agrees(thirty)  # one fall, two wordings
    (times,) = counts('Walter complained "7-10 times the car would swivel toward that barrier."')
    assert (times.low, times.shown) == (7.0, "7 to 10 times")
    # a score is no range
    assert [q.shown for q in counts("They won 3-2 goals in extra time.")] != ["3 to 2 goals"]


def test_a_ratio_is_no_count_of_times():
    (safer,) = counts("We expect autonomous cars to be 10 times safer than non-autonomous cars.")
    (complained,) = counts("Walter had complained seven to 10 times about the car.")
    assert safer.unit == "fold" and not safer.agrees(complained)


def test_the_block_of_a_street_is_an_address_value():
    (p2,) = counts("Officers were called to a home on the 900 block of Buffalo Springs Drive.")
    (p3,) = counts(
        "Police are investigating the double murder in the 800 block of Buffalo Springs Drive."
    )
    assert (p2.shown, p2.unit, p2.exact) == ("900 block", "address block", True)
    assert p2.unit == p3.unit and not p2.agrees(p3)
    (walk,) = counts("He walked two blocks to the store.")
    assert walk.unit != p2.unit  # a count of blocks is no address


@pytest.mark.parametrize(
    "sentence",
    [
        "7 PHOTOS Police officer replaces old woman's stolen ring See Gallery",
        "He showed the SUV to his friends; we spoke with two outside Electronic Arts on Wednesday.",
        "Lighthizer has jurisdiction over the U.S.’s 301 investigation that sparked the tariffs.",
    ],
)
def test_a_word_that_is_no_counted_noun_makes_no_count(sentence):
    assert counts(sentence) == []


def test_a_phrase_ends_at_its_comma():
    shown = [
        q.shown
        for q in counts(
            "Trade war between the world’s two largest economies, two people familiar with it said."
        )
    ]
    assert "2 two" not in shown and "2 people" in shown


def test_some_of_a_set_counts_them_but_contradicts_no_total():
    (q,) = counts("A man is in custody after two of his neighbors were found fatally shot.")
    (people,) = counts("Two people were found shot to death early Sunday.")
    assert q.shown == "2 neighbors" and q.agrees(people) and values.same_counted(q, people)
    (charges,) = counts("He already went before the board on five of his charges.")
    assert not charges.exact
