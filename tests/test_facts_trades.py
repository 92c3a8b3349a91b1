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


def test_two_clauses_of_one_sentence_each_give_their_side():
    # the clauses parse apart and their verbs have one token number (7): both are read
    seller = (
        "Police said the young man had earlier sold a bicycle to a neighbour; he had gone to "
        "that location to sell an Xbox he had advertised on Craigslist."
    )
    buyer = P1 + " A neighbour bought a bicycle from him, police said."
    (c,) = _conflicts({"p1": buyer, "p2": seller})
    assert [v.value for v in c.values] == ["sell an Xbox", "answering a Craigslist ad for an Xbox"]


def test_a_refused_sale_says_no_side():
    texts = {
        "a": "The owner refused to sell the house to the city in 2010, officials said.",
        "b": "The owner bought the house from the city in 2010, officials said.",
    }
    assert _conflicts(texts) == []
    texts["a"] = "The owner did not want to sell the house to the city in 2010, officials said."
    assert _conflicts(texts) == []


def test_goods_in_the_plural_are_no_one_thing():
    texts = {
        "a": "Foreign investors sold shares of Samsung on Tuesday as the Seoul market fell.",
        "b": "Foreign investors bought shares of Samsung on Tuesday as the Seoul market rose.",
    }
    assert _conflicts(texts) == []
