"""newsfuse.eval.timeline on hand-checked timelines: a right date scores, a wrong one does not.

Dates: d16 = 2020-06-16, d17 = 2020-06-17, d20 = 2020-06-20.
"""

import datetime as dt

import pytest

from newsfuse.eval import PRF
from newsfuse.eval.timeline import (
    OwnRouge,
    average,
    check_metrics,
    date_scores,
    score_timeline,
    tokenized,
)

D16, D17, D20 = dt.date(2020, 6, 16), dt.date(2020, 6, 17), dt.date(2020, 6, 20)
GOLD = {D16: ["The gunman was killed."], D17: ["Police arrived."]}


def approx(value: float) -> object:
    return pytest.approx(value, abs=1e-9)


def test_tokenized_is_lowercase_alphanumeric_runs() -> None:
    assert tokenized("Dr Murray's home, shown in 2010.") == "dr murray s home shown in 2010"


def test_date_scores_by_hand() -> None:
    # 3 system dates, 4 gold dates, 2 shared: P 2/3, R 2/4, F1 (2*1/3)/(7/6) = 4/7.
    pred = {dt.date(2020, 1, d): ["x"] for d in (1, 2, 3)}
    gold = {dt.date(2020, 1, d): ["x"] for d in (2, 3, 4, 5)}
    s = date_scores(pred, gold)
    assert (s.precision, s.recall, s.f1) == (approx(2 / 3), approx(1 / 2), approx(4 / 7))


def test_date_scores_of_wrong_and_empty_timelines_are_zero() -> None:
    assert date_scores({D20: ["x"]}, GOLD) == PRF(0.0, 0.0, 0.0)
    assert date_scores({}, GOLD) == PRF(0.0, 0.0, 0.0)


@pytest.fixture(scope="module")
def own() -> OwnRouge:
    pytest.importorskip("rouge_score")
    return OwnRouge()


def test_own_rouge_right_date_by_hand(own: OwnRouge) -> None:
    # Stemmed tokens: system police kill the gunman (4); gold d16 the gunman was kill (4),
    # d17 police arriv (2): 6 in all.
    # agreement (same date only): d16 shares the, gunman, kill = 3 -> P 3/4, R 3/6.
    # concat: police, kill, the, gunman all in the gold -> P 4/4, R 4/6.
    s = own.score({D16: ["Police killed the gunman."]}, GOLD)
    assert (s["agreement"].precision, s["agreement"].recall) == (approx(3 / 4), approx(1 / 2))
    assert (s["concat"].precision, s["concat"].recall) == (approx(1.0), approx(2 / 3))


def test_own_rouge_penalises_the_right_words_on_the_wrong_date(own: OwnRouge) -> None:
    # Same words put on d17: agreement now only shares "police" -> P 1/4, R 1/6; on a date
    # the gold lacks, nothing. concat ignores dates and stays as before.
    on_d17 = own.score({D17: ["Police killed the gunman."]}, GOLD)
    on_d20 = own.score({D20: ["Police killed the gunman."]}, GOLD)
    assert (on_d17["agreement"].precision, on_d17["agreement"].recall) == (
        approx(1 / 4),
        approx(1 / 6),
    )
    assert on_d20["agreement"] == PRF(0.0, 0.0, 0.0)
    assert on_d20["concat"].precision == approx(1.0)


def test_score_timeline_has_date_and_rouge(own: OwnRouge) -> None:
    s = score_timeline(own, {D16: ["Police killed the gunman."]}, GOLD)
    assert set(s) == {"date", "agreement", "concat"}
    assert s["date"] == PRF(1.0, 0.5, approx(2 / 3))  # type: ignore[arg-type]


def test_check_metrics_passes_a_sound_scorer_and_catches_a_broken_one(own: OwnRouge) -> None:
    check_metrics(own, {"t": GOLD})

    class Broken(OwnRouge):
        def score(self, pred, gold):  # type: ignore[no-untyped-def]
            return {"agreement": PRF(1.0, 1.0, 1.0)}  # scores even an empty timeline as 1

    with pytest.raises(AssertionError, match="empty agreement"):
        check_metrics(Broken(), {"t": GOLD})


def test_average_is_f1_of_mean_p_and_r() -> None:
    # P (1, 0) -> 0.5; R (0.5, 0.5) -> 0.5; F1 of those 0.5; mean of F1s (2/3 + 0)/2 = 1/3.
    avg = average([{"date": PRF(1.0, 0.5, 2 / 3)}, {"date": PRF(0.0, 0.5, 0.0)}])["date"]
    assert (avg.precision, avg.recall, avg.f1) == (approx(0.5), approx(0.5), approx(0.5))
    assert avg.mean_f1 == approx(1 / 3)
    with pytest.raises(ValueError):
        average([])


def test_tilse_rouge_by_hand() -> None:
    pytest.importorskip("tilse")
    from newsfuse.eval.timeline import TilseRouge

    rouge = TilseRouge()
    gold = {D16: ["gunman killed"], D17: ["police arrived"]}
    # tilse drops stopwords; tokens: system police kill gunman (3); gold d16 gunman kill,
    # d17 police arriv.
    right = rouge.score({D16: ["police killed gunman"]}, gold)
    # agreement: d16 shares gunman, kill = 2 -> P 2/3; align m:1 aligns d16 to d16 -> P 2/3.
    assert right["agreement"].precision == approx(2 / 3)
    assert right["align_m1"].precision == approx(2 / 3)
    # 4 days from d16, 3 from d17: d20 aligns to d16 with overlap 2 discounted 1/(4+1)
    # -> P 0.4/3; agreement 0.
    far = rouge.score({D20: ["police killed gunman"]}, gold)
    assert far["agreement"] == PRF(0.0, 0.0, 0.0)
    assert far["align_m1"].precision == approx(0.4 / 3)
    assert far["align_m1"].f1 < right["align_m1"].f1
    check_metrics(rouge, {"t": gold})
