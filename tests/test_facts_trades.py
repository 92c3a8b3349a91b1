"""Conflicts of sides (issue 7): one report has someone sell a thing, another has the same
one buy it. Real sentences of Multi-News 1d233653 (p1, p2), and the two sides of one sale,
which are no conflict."""

from newsfuse.fusion import clean, segment, trades
from newsfuse.models import Article

P1 = (
    "Police say the shooting may be connected to an armed robbery hours earlier of a man "
    "answering a Craigslist ad for an Xbox, the Kansas City Star reported."
)
P2 = (
    "The victim told police that he had gone to that location to sell an Xbox and "
    "accessories he had advertised on Craigslist."
)


def _conflicts(texts, family_of=None):
    arts = [clean.clean(Article(id=k, text=v)) for k, v in texts.items()]
    sents = {a.id: segment.sentences(a) for a in arts}
    return trades.trade_conflicts(sents, family_of or {k: n for n, k in enumerate(texts)})


def test_seller_and_buyer_of_one_thing_from_two_families_conflict():
    (c,) = _conflicts({"p1": P1, "p2": P2})
    assert c.about == "side in the sale of the Xbox (seller or buyer)"
    assert [(v.value, v.sources) for v in c.values] == [
        ("sell an Xbox", ("p2",)),
        ("answering a Craigslist ad for an Xbox", ("p1",)),
    ]


def test_one_family_telling_both_sides_is_no_conflict():
    assert _conflicts({"p1": P1, "p2": P2}, {"p1": 0, "p2": 0}) == []


def test_two_named_agents_are_the_two_sides_of_one_sale():
    texts = {
        "a": "Police said the suspects sold a stolen Xbox to a pawn shop in Kansas City.",
        "b": "Police said the pawn shop owner bought the stolen Xbox in Kansas City.",
    }
    assert _conflicts(texts) == []


def test_other_things_sold_and_bought_are_no_conflict():
    texts = {"a": P2, "b": "Police said the couple wanted to buy a car listed on Craigslist."}
    assert _conflicts(texts) == []
