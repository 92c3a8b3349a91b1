"""One US/UK spelling fold for the quote matcher and the fact scorer (newsfuse.fusion.spelling).

The wording is Timeline17 MJ_bbc's (Dr Murray "could lose his licence to practice medicine"),
the American spelling as US outlets print it.
"""

from __future__ import annotations

from newsfuse.eval import facts as scorer
from newsfuse.fusion.quotes import holds
from newsfuse.fusion.spelling import fold


def test_suffix_rules_fold_only_into_english_words() -> None:
    assert fold("organisation") == "organization"
    assert fold("neighbours") == "neighbors"
    assert fold("centre") == "center"
    # names stay: no common English word is what a rule would make of them
    assert fold("denise") == "denise"
    assert fold("seymour") == "seymour"


def test_the_quote_matcher_and_the_scorer_fold_alike() -> None:
    assert scorer.fold is fold
    uk = "could lose his licence to practice medicine"
    us = "could lose his license to practice medicine"
    assert scorer.coverage(uk, scorer.bag(us)) == 1.0
    # (short enough that one word missed would be too many: 2 of 3 held)
    assert holds("could lose his licence", "lose his license")
