"""Precision, recall and F1: the one score type every metric here returns."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["PRF", "mean_prf", "prf"]


@dataclass(frozen=True)
class PRF:
    """Precision, recall and their harmonic mean, each in [0, 1]."""

    precision: float
    recall: float
    f1: float

    def as_dict(self, digits: int | None = None) -> dict[str, float]:
        """``{"precision", "recall", "f1"}``, rounded to ``digits`` if given (for JSON)."""
        values = {"precision": self.precision, "recall": self.recall, "f1": self.f1}
        if digits is None:
            return values
        return {k: round(v, digits) for k, v in values.items()}


def prf(precision: float, recall: float) -> PRF:
    """A :class:`PRF` with F1 computed from ``precision`` and ``recall`` (0 when both are 0)."""
    total = precision + recall
    return PRF(precision, recall, 0.0 if total == 0 else 2 * precision * recall / total)


def mean_prf(scores: Iterable[PRF]) -> PRF:
    """Mean precision, mean recall and mean F1 of ``scores`` (each averaged on its own).

    This is how ROUGE figures are averaged over references and over clusters (the F1 is the
    mean of the F1s, not the F1 of the means). Raises ``ValueError`` on no scores: an average
    of nothing is a bug in the caller, not a zero.
    """
    items = list(scores)
    if not items:
        raise ValueError("mean_prf() of no scores")
    n = len(items)
    return PRF(
        sum(s.precision for s in items) / n,
        sum(s.recall for s in items) / n,
        sum(s.f1 for s in items) / n,
    )
