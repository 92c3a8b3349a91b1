"""One US/UK spelling fold for the quote matcher and the fact scorer (newsfuse.fusion.spelling).

The wording is Timeline17 MJ_bbc's (Dr Murray "could lose his licence to practice medicine"),
the American spelling as US outlets print it. What the fold folds and leaves:
tests/test_witness_scorer.py.
"""

from __future__ import annotations

from newsfuse.eval import facts as scorer
from newsfuse.fusion.quotes import holds
from newsfuse.fusion.spelling import fold


def test_the_quote_matcher_and_the_scorer_fold_alike() -> None:
    assert scorer.fold is fold
    uk = "could lose his licence to practice medicine"
    us = "could lose his license to practice medicine"
    assert scorer.coverage(uk, scorer.bag(us)) == 1.0
    # (short enough that one word missed would be too many: 2 of 3 held)
    assert holds("could lose his licence", "lose his license")
