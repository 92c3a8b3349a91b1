"""A name after "of"/"for" is inside a longer name only after a word heading an institution's
name (fix1): "the Centre for Israel and Jewish Affairs", not "Critics of Obama"."""

from __future__ import annotations

from newsfuse.fusion import names


def _inside(text: str, name: str) -> bool:
    at = text.index(name)
    return names._in_longer(text, at, at + len(name))


def test_a_name_inside_an_institutions_name():
    text = "said Bernie Farber of the Centre for Israel and Jewish Affairs on Friday."
    assert _inside(text, "Jewish Affairs")
    assert _inside("a professor at the University of Southern California, said", "California")


def test_a_name_after_another_capitalised_word_and_of_stays_a_name():
    text = "Critics of Obama say the deal with Iran gives away too much."
    assert not _inside(text, "Obama")
    assert not _inside("Supporters of Sanders rallied outside the hall.", "Sanders")
