"""Where an event happened: the place its dating sentences and leads put it in."""

from __future__ import annotations

from newsfuse.fusion.event import _where
from newsfuse.models import Entity


def _place(name: str, sources: int = 1, mentions: int = 1) -> Entity:
    ids = tuple(f"a{i}" for i in range(sources))
    return Entity(
        name=name, type="place", sources=ids, independent_sources=sources, mentions=mentions
    )


# kaesong 004 (The Daily Star, a Reuters copy), its dating sentence
KAESONG_LEAD = (
    "North Korea blew up an office set up to foster better ties with South Korea in its border "
    "town of Kaesong yesterday after it threatened to take action if North Korean defectors "
    "went ahead with a campaign to send propaganda leaflets into the North."
)


def test_the_place_the_sentence_puts_the_event_in():
    places = [_place("North Korea", mentions=7), _place("South Korea", mentions=6)]
    assert _where([KAESONG_LEAD], [], [*places, _place("Kaesong", mentions=2)]) == "Kaesong"


def test_a_plural_is_not_its_singular_and_a_tie_names_nothing():
    # "the two Koreas" (later in 004) does not name "Korea": the sentence never writes
    # "Koreas"; North and South Korea tie, so the sentence says no more than "Korea".
    # (its clause before "in its border town of Kaesong", which names the town: see
    # test_dates3_review)
    places = [_place("North Korea", mentions=7), _place("South Korea", mentions=6)]
    clause = KAESONG_LEAD[: KAESONG_LEAD.index(" in its border town")]
    assert _where([clause], [], [*places, _place("Koreas")]) is None


def test_a_street_is_not_the_where_the_town_is():
    # GVA, the Vallejo shooting of 11 February 2013 (CBS SF)
    dating = [
        "Police received reports of gunfire in the 800 block of Humboldt Street at 8:24 p.m. "
        "Monday, Vallejo police Lt. Kenny Park said."
    ]
    leads = [
        "One man was killed and four other people wounded in a shooting at a home in Vallejo "
        "on Monday night, a police lieutenant said.",
        *dating,
    ]
    places = [_place("Humboldt Street", 3, 4), _place("Vallejo", 3, 9)]
    assert _where(dating, leads, places) == "Vallejo"
    assert _where(dating, [], [_place("Humboldt Street", 3, 4)]) is None
