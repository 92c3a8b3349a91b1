"""Causes and places of death as facts (fusion/deaths.py), on real report sentences."""

from __future__ import annotations

from newsfuse.fusion import clean, deaths, segment
from newsfuse.models import Article


def _sentences(texts: dict[str, str]):
    arts = [clean.clean(Article(id=k, text=v)) for k, v in texts.items()]
    return {a.id: segment.sentences(a) for a in arts}


def _facts(texts: dict[str, str]):
    sents = _sentences(texts)
    return deaths.death_facts(sents, {k: n for n, k in enumerate(texts)})


# Multi-News f51e1e41 p1, p2, p3 (Lauren Bacall's will): one cause of death in two wordings,
# and two cancers that are two other people's deaths.
BACALL = {
    "p1": "The New York Daily News reports that Bacall, who died at her Manhattan home after "
    "suffering a stroke, specified in her 2013 will that her son would care for the pooch. "
    "A British preacher's son who died from breast cancer in 2009 left money to his cat.",
    "p2": "After Bogart's death from esophagal cancer, Bacall had a relationship with another "
    "legend, crooner Frank Sinatra, but he broke it off.",
    "p3": "Bacall, born Betty Joan Perske in The Bronx, died this month from a stroke at the age "
    "of 89.",
}


def test_a_cause_of_death_in_two_wordings_is_one_fact():
    found = _facts(BACALL)
    causes = [(f.about, f.sources) for f in found if f.about == "cause of death"]
    assert causes == [("cause of death", ("p1", "p3"))], [(f.value, f.sources) for f in found]
    (stroke,) = [f for f in found if f.about == "cause of death"]
    assert "stroke" in stroke.value and stroke.kind == "statement"


def test_two_different_cancers_and_an_age_are_no_cause_of_death():
    found = _facts(BACALL)
    assert not any("cancer" in f.value or "age" in f.value for f in found)


# Multi-News 2ef0d1f9 p1, p2, p3 (the Rite Aid shooter) and cef9105b p2, p3 (Kim Jong Nam).
def test_a_place_of_death_in_other_words_is_one_fact():
    found = _facts(
        {
            "p1": "The woman died at a nearby hospital after shooting herself in the head, he "
            "said.",
            "p2": "Police said she died in an area hospital where she had been taken.",
            "p3": "The shooter was found with a self-inflicted gunshot wound and died at an area "
            "hospital.",
        }
    )
    assert [(f.about, f.sources) for f in found] == [("place of death", ("p1", "p2", "p3"))]
    found = _facts(
        {
            "p2": "He had a seizure and died on the way to hospital.",
            "p3": "He sought help from airport staff but he fell into convulsions and died on "
            "the way to the hospital within two hours of the attack, police said.",
        }
    )
    assert [(f.value, f.sources) for f in found] == [("on the way to the hospital", ("p2", "p3"))]


# DUC 2004 d30002t, d30044t and Multi-News 88631c80: "death" of other things.
def test_a_death_toll_a_death_penalty_or_a_later_event_is_no_death_fact():
    found = _facts(
        {
            "a": "Officials lowered the confirmed death toll from Hurricane Mitch from 7,000 to "
            "about 6,100. Ocalan faces the death penalty in Turkey.",
            "b": "The death toll from Hurricane Mitch rose again. He faces the death penalty in "
            "Turkey if extradited.",
            "c": "News of Katriuk's death emerged just several hours after the Centre for Israel "
            "and Jewish Affairs said Ottawa should act.",
            "d": "Katriuk's death emerged hours after the Centre said so.",
        }
    )
    assert found == []


# Two wordings of Pelé's death (reports of 29 December 2022): a place written with letters
# beyond ASCII is one word each, not cut at the "ã" ("in São" was the place).
def test_a_place_of_death_in_letters_beyond_ascii_is_read_whole():
    found = _facts(
        {
            "a": "Pelé died in São Paulo on Thursday after a long battle with colon cancer.",
            "b": "Pelé, who died in São Paulo at 82, was mourned worldwide.",
        }
    )
    assert [(f.about, f.value, f.sources) for f in found] == [
        ("place of death", "in São Paulo", ("a", "b"))
    ]


# Sentences saying nobody died there, or that it is not known how someone died: no cause or
# place of death, however many reports write them.
def test_a_death_denied_or_only_possible_is_no_death_fact():
    found = _facts(
        {
            "a": "No one died at the scene, police said. He may have died of a heart attack.",
            "b": "Nobody died at the scene. It is unclear whether he died of a heart attack.",
            "c": "None of them died at the scene. He couldn't have died of a heart attack.",
        }
    )
    assert found == [], [(f.value, f.sources) for f in found]
    found = _facts(
        {
            "a": "The man, who died at the scene, was 49.",
            "b": "He died at the scene, police said.",
        }
    )
    assert [(f.about, f.sources) for f in found] == [("place of death", ("a", "b"))]
