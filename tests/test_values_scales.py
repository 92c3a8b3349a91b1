"""Counts written with scale words: read as the figure the sentence states, never another."""

from newsfuse.fusion import values


def _counts(sentence: str) -> list[tuple[float, float, str]]:
    return [(q.low, q.high, q.shown) for q in values.find(sentence, []) if q.kind == "count"]


def test_a_vague_multiple_of_hundred_is_an_interval_not_one_hundred():
    # Multi-News dev e45abfcb p1 (held-out set 3): had been read as '100 people'
    sentence = "On the west side of City Hall, several hundred people gathered"
    assert _counts(sentence) == [(300.0, 900.0, "several hundred people")]
    assert _counts("A few hundred people gathered.") == [(200.0, 500.0, "a few hundred people")]


def test_a_number_word_before_hundred_is_one_figure():
    # had been two counts, "2 people" and "100 people"
    assert _counts("Two hundred people gathered.") == [(200.0, 200.0, "200 people")]
    assert _counts("Five hundred thousand people marched.") == [
        (500000.0, 500000.0, "500000 people")
    ]
    assert _counts("A hundred people gathered.") == [(100.0, 100.0, "100 people")]


def test_a_cubic_or_square_unit_is_no_length():
    # Multi-News dev f525eb46 p2 (held-out set 3): had been 'distance of ocean = 20 million km'
    found = values.find("the ocean held 20 million cubic kilometres of water", [])
    assert [(q.unit, q.shown) for q in found] == [("cubic kilometr", "20 million cubic kilometres")]
    assert [q.unit for q in values.find("He ran 5 kilometres.", [])] == ["length"]
