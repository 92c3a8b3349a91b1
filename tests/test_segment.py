"""Sentences of an article's text."""

from newsfuse.fusion import segment
from newsfuse.models import Article


def _texts(text: str) -> list[str]:
    return [s.text for s in segment.sentences(Article(id="a", text=text))]


def test_a_clock_time_and_the_day_after_it_are_one_sentence():
    # Multi-News 1d233653 p1: sentencex ends a sentence at "p.m." before a capital
    text = (
        "The 53-year-old father suffered four wounds to his chest, stomach and legs when he"
        " tried to shield his wife after two men pulled guns about 7:30 p.m. Wednesday. One"
        " bullet shattered his 55-year-old wife's upper-right arm, KCTV reported."
    )
    assert len(_texts(text)) == 2 and _texts(text)[0].endswith("7:30 p.m. Wednesday.")
    assert _texts("It happened at 5 p.m. EST on Monday.") == [
        "It happened at 5 p.m. EST on Monday."
    ]
    assert _texts("It ended at 5 p.m. He went home.") == ["It ended at 5 p.m.", "He went home."]
