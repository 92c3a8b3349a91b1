"""B-cubed and pairwise scores on small cases worked out by hand."""

import pytest

from newsfuse.eval.clustering import bcubed, from_groups, pairwise

GOLD = {"a": "G1", "b": "G1", "c": "G1", "d": "G2", "e": "G2"}


def test_perfect_clustering_scores_one_whatever_the_labels():
    predicted = {"a": 7, "b": 7, "c": 7, "d": 3, "e": 3}
    assert bcubed(predicted, GOLD).f1 == pytest.approx(1.0)
    assert pairwise(predicted, GOLD).f1 == pytest.approx(1.0)


def test_one_article_misplaced():
    # {a,b} {c,d,e}: per item precision 1, 1, 1/3, 2/3, 2/3; recall 2/3, 2/3, 1/3, 1, 1.
    predicted = from_groups([["a", "b"], ["c", "d", "e"]])
    b3 = bcubed(predicted, GOLD)
    assert b3.precision == pytest.approx(11 / 15)
    assert b3.recall == pytest.approx(11 / 15)
    assert b3.f1 == pytest.approx(11 / 15)
    # 4 predicted pairs (ab, cd, ce, de), 4 gold pairs (ab, ac, bc, de), 2 shared (ab, de).
    pw = pairwise(predicted, GOLD)
    assert (pw.precision, pw.recall, pw.f1) == pytest.approx((0.5, 0.5, 0.5))


def test_everything_in_one_cluster_has_full_recall_and_low_precision():
    predicted = dict.fromkeys(GOLD, 0)
    b3 = bcubed(predicted, GOLD)
    assert b3.recall == pytest.approx(1.0)
    assert b3.precision == pytest.approx((3 * 3 / 5 + 2 * 2 / 5) / 5)
    pw = pairwise(predicted, GOLD)
    assert pw.precision == pytest.approx(4 / 10)
    assert pw.recall == pytest.approx(1.0)


def test_every_item_alone():
    predicted = {i: i for i in GOLD}
    b3 = bcubed(predicted, GOLD)
    assert b3.precision == pytest.approx(1.0)
    assert b3.recall == pytest.approx((3 * 1 / 3 + 2 * 1 / 2) / 5)
    assert pairwise(predicted, GOLD).f1 == 0.0


def test_a_wrong_clustering_scores_low():
    # Every predicted pair crosses two gold events.
    predicted = from_groups([["a", "d"], ["b", "e"], ["c"]])
    b3 = bcubed(predicted, GOLD)
    assert b3.precision == pytest.approx(0.6)
    assert b3.recall == pytest.approx(0.4)
    assert b3.f1 == pytest.approx(0.48)
    assert pairwise(predicted, GOLD).f1 == 0.0


def test_items_must_match():
    with pytest.raises(ValueError, match="1 missing"):
        bcubed({"a": 1}, {"a": 1, "b": 2})
