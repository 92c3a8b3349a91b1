"""Clustering scores against gold classes: B-cubed and pairwise precision, recall and F1.

Both take two mappings from item to label, ``predicted`` (cluster ids) and ``gold`` (class
ids), over the same items. Labels only name groups: renaming the clusters changes nothing.

- **B-cubed** (Bagga & Baldwin 1998; Amigó et al. 2009): for each item, precision is the share
  of its predicted cluster that shares its gold class, recall the share of its gold class that
  is in its predicted cluster (the item itself included); both are averaged over items and F1
  is taken of the two averages. Every item alone scores precision 1.
- **Pairwise**: over unordered pairs of distinct items, precision is the share of pairs put in
  one cluster that are in one gold class, recall the share of gold pairs put in one cluster.
  With no pairs on a side the matching score is defined as 1 when both sides have none (nothing
  to get wrong), else 0.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class PRF:
    """Precision, recall and their harmonic mean."""

    precision: float
    recall: float
    f1: float


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _check(predicted: Mapping[Hashable, Hashable], gold: Mapping[Hashable, Hashable]) -> None:
    if predicted.keys() != gold.keys():
        missing = len(gold.keys() - predicted.keys())
        extra = len(predicted.keys() - gold.keys())
        raise ValueError(
            f"predicted and gold cover different items ({missing} missing, {extra} extra)"
        )


def bcubed(predicted: Mapping[Hashable, Hashable], gold: Mapping[Hashable, Hashable]) -> PRF:
    """B-cubed precision, recall and F1 of ``predicted`` against ``gold``."""
    _check(predicted, gold)
    if not gold:
        return PRF(1.0, 1.0, 1.0)
    cluster_size = Counter(predicted.values())
    class_size = Counter(gold.values())
    both = Counter((predicted[i], gold[i]) for i in gold)
    p = sum(both[(predicted[i], gold[i])] / cluster_size[predicted[i]] for i in gold) / len(gold)
    r = sum(both[(predicted[i], gold[i])] / class_size[gold[i]] for i in gold) / len(gold)
    return PRF(p, r, _f1(p, r))


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def pairwise(predicted: Mapping[Hashable, Hashable], gold: Mapping[Hashable, Hashable]) -> PRF:
    """Pairwise precision, recall and F1 of ``predicted`` against ``gold``."""
    _check(predicted, gold)
    predicted_pairs = sum(_pairs(n) for n in Counter(predicted.values()).values())
    gold_pairs = sum(_pairs(n) for n in Counter(gold.values()).values())
    shared = sum(_pairs(n) for n in Counter((predicted[i], gold[i]) for i in gold).values())
    if predicted_pairs == 0 and gold_pairs == 0:
        return PRF(1.0, 1.0, 1.0)
    p = shared / predicted_pairs if predicted_pairs else 0.0
    r = shared / gold_pairs if gold_pairs else 0.0
    return PRF(p, r, _f1(p, r))


def from_groups(groups: list[list[Hashable]]) -> dict[Hashable, int]:
    """``{item: group index}`` for a list of groups (e.g. the output of ``events.group``)."""
    return {item: k for k, members in enumerate(groups) for item in members}
