"""People named in a role (issue 7, held-out cause 3): a role owned before the name after
"A ...," or after "but that", a rank before the name, and a role one family alone gives (a
fact of one source). Sentences copied from Multi-News reports."""

import pytest

from newsfuse.fusion import roles
from newsfuse.models import Entity, Sentence


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        # Multi-News 517d590c p1
        (
            'A foreign ministry spokesman, Geng Shuang, said Beijing was ready for "dialogue and'
            ' consultation" to defuse the escalating dispute.',
            "Geng Shuang",
            "foreign ministry spokesman",
        ),
        # Multi-News 2a72476f p2
        (
            "The parents of Krystle Campbell, 29, were first told by doctors that she had"
            " survived, but that her friend, Karen Rand, was killed.",
            "Karen Rand",
            "friend",
        ),
        # Multi-News fe6c1484 p1: a rank before the name does not hide the apposition
        (
            "Detective Constable Tim Bird, the leader of the rescue team, told the inquest that"
            " Mrs Wilson, had apparently fallen 20-30 feet down a vertical cliff.",
            "Tim Bird",
            "leader of the rescue team",
        ),
        # Multi-News fe6c1484 p1
        (
            "In a statement, Mr Wilson described what unfolded at the inquest of his wife in"
            " Ruthin by John Gittins, the coroner for North Wales East and Central.",
            "John Gittins",
            "coroner for North Wales East and Central",
        ),
    ],
)
def test_the_role_beside_the_name_is_read(sentence: str, name: str, role: str) -> None:
    start = sentence.index(name)
    assert role in roles._roles(sentence, start, start + len(name), own=frozenset({name.lower()}))


def test_a_role_in_a_clause_is_not_owned_by_the_name_after_it() -> None:
    # "the friend" is the subject of a clause of its own, not an apposition of the name
    sentence = "He called the friend, Karen Rand said later."
    start = sentence.index("Karen Rand")
    assert roles._roles(sentence, start, start + len("Karen Rand")) == []


def _sentences(texts: dict[str, str]) -> dict[str, list[Sentence]]:
    return {
        a: [Sentence(article_id=a, index=0, text=t, start=0, end=len(t))] for a, t in texts.items()
    }


def test_a_role_one_family_gives_is_a_fact_only_when_asked_for() -> None:
    texts = {
        "p1": 'A foreign ministry spokesman, Geng Shuang, said Beijing was ready for "dialogue".',
        "p2": "China said it would retaliate against the tariffs.",
    }
    geng = Entity(
        name="Geng Shuang", type="person", sources=("p1",), independent_sources=1, mentions=1
    )
    family_of = {"p1": 1, "p2": 2}
    assert roles.role_facts([geng], _sentences(texts), family_of) == []
    (fact,) = roles.role_facts([geng], _sentences(texts), family_of, least=1)
    assert (fact.about, fact.value) == ("foreign ministry spokesman", "Geng Shuang")
    assert fact.sources == ("p1",) and fact.independent_sources == 1


def test_the_other_names_still_say_whose_a_surname_is() -> None:
    # Multi-News 2a72476f p1 and p3: "Richard" alone is Martin's, so Bill Richard is named by
    # p1 only, and his role is one family's
    texts = {
        "p1": "Martin’s father Bill Richard released a statement Tuesday afternoon saying:"
        " My dear son Martin has died from injuries sustained in the attack on Boston.",
        "p3": "Martin Richard, 8, was identified Monday. Richard lived in Dorchester.",
    }
    people = [
        Entity(name=n, type="person", sources=s, independent_sources=len(s), mentions=len(s))
        for n, s in (("Martin Richard", ("p1", "p3")), ("Bill Richard", ("p1",)))
    ]
    people.append(
        Entity(name="Richard", type="person", sources=("p3",), independent_sources=1, mentions=1)
    )
    family_of = {"p1": 1, "p3": 2}
    (fact,) = roles.role_facts(
        people, _sentences(texts), family_of, least=1, among=frozenset({"Bill Richard"})
    )
    assert (fact.about, fact.value, fact.sources) == ("father", "Bill Richard", ("p1",))
