"""Review fixes in fusion.rivals (fix1): a region ending its sentence ("lives in Texas."), a
pronoun's home only when the sentences before name one person, and a first name with one age
and two surnames a conflict only when the two families tell one thing of them."""

from __future__ import annotations

from conftest import sentences_of
from newsfuse.fusion import clean, names, quotes, rivals
from newsfuse.models import Article, Family


def _homes(texts: dict[str, str], people: list[str]) -> list:
    family_of = {k: n for n, k in enumerate(sorted(texts))}
    return rivals.home_conflicts(sentences_of(texts), family_of, people)


def _names(texts: dict[str, str]) -> list:
    family_of = {k: n for n, k in enumerate(sorted(texts), 1)}
    sentences = sentences_of(texts)
    articles = [clean.clean(Article(id=k, text=v)) for k, v in texts.items()]
    families = [Family(id=family_of[k], members=(k,)) for k in sorted(texts)]
    said = quotes.quotes(articles, sentences, families)
    return rivals.name_rivals(articles, sentences, family_of, said, names.lower_words(sentences))


def test_a_region_ending_its_sentence_is_read():
    texts = {
        "p1": "Jeffrey Sterling was convicted in January. Sterling, 47, lives in Missouri.",
        "p2": "Jeffrey Sterling, who was convicted in January of leaking secrets, lives in"
        " Virginia.",
    }
    found = _homes(texts, ["Jeffrey Sterling"])
    assert [c.about for c in found] == ["where Jeffrey Sterling lives"]
    assert {v.value for v in found[0].values} == {"Missouri", "Virginia"}


def test_a_pronoun_after_two_people_is_no_ones_home():
    texts = {
        "p1": "Vladimir Katriuk died on Friday. His lawyer Mary Hunt confirmed the death to"
        " reporters. She lived in Ontario for years.",
        "p2": "Mary Hunt, who lives in Quebec, said the family had no comment.",
    }
    people = ["Vladimir Katriuk", "Mary Hunt"]
    assert _homes(texts, people) == []
    # one person named before: the pronoun is theirs
    one = dict(texts, p1=texts["p1"].replace("His lawyer Mary Hunt", "Mary Hunt, his lawyer,"))
    one["p1"] = one["p1"].replace("Vladimir Katriuk died on Friday. ", "")
    found = _homes(one, people)
    assert {v.value: v.sources for c in found for v in c.values} == {
        "Ontario": ("p1",),
        "Quebec": ("p2",),
    }


def test_one_first_name_and_age_alone_are_two_people():
    p1 = "Michael Brown, 18, was shot dead by a police officer in Ferguson on Saturday."
    p2 = "Michael Jones, 18, a freshman at the university, was treated for minor injuries."
    assert _names({"p1": p1, "p2": p2}) == []
    # telling one thing of both ("was shot dead by a police officer"): one person, two surnames
    p2 = "Michael Jones, 18, was shot dead by a police officer, witnesses said."
    found = _names({"p1": p1, "p2": p2})
    assert [c.about for c in found] == ["surname of Michael (Brown or Jones)"]
