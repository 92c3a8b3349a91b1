"""Timeline metrics: date F1 and date-sensitive ROUGE-1 (Martschat & Markert 2017, 2018).

A timeline here is a mapping of dates to sentences. The metrics, per timeline:

* :func:`date_scores`: system dates against gold dates, as sets (precision, recall, F1);
* ROUGE-1 in the date-sensitive variants: ``agreement`` (unigram overlap counted only between
  the system and the gold summary of the *same* date; precision over all system tokens, recall
  over all gold tokens), ``concat`` (whole timeline against whole timeline) and ``align_m1``
  ("align+ m:1": each system date aligned to its best gold date by date distance and content,
  overlap discounted by 1/(days apart + 1); the variant news-tls reports).

Two ROUGE implementations, chosen by :func:`timeline_rouge`:

* :class:`TilseRouge`, Martschat's own toolkit (tilse 0.2.1, optional: ``pip install --no-deps
  tilse==0.2.1``), with its Python ROUGE (``rouge_computation="reimpl"``: lowercased,
  ROUGE-1.5.5's stopword list removed, Porter stemmer); all three variants;
* :class:`OwnRouge`, used when tilse is not installed: agreement and concat only, with
  ``rouge-score``'s tokenizer and Porter stemmer and no stopword removal (so higher figures).

Both see the sentences tokenised alike first (:func:`tokenized`: lowercased runs of [a-z0-9],
as ROUGE-1.5.5 compares). Averages over timelines follow news-tls (:func:`average`): mean
precision and mean recall, F1 of the means, and the mean of the F1s beside it.
:func:`check_metrics` verifies on real gold that gold scores 1 against itself and an empty
timeline 0, so a broken scorer is caught before anything is reported.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from newsfuse.eval.scores import PRF, prf

__all__ = [
    "OwnRouge",
    "TilseRouge",
    "Timeline",
    "TimelineAverage",
    "TimelineRouge",
    "average",
    "check_metrics",
    "date_scores",
    "score_timeline",
    "timeline_rouge",
    "tokenized",
]

Timeline = Mapping[dt.date, Sequence[str]]
"""Dates to the sentences given for them (system) or written for them (gold)."""

_TOKEN = re.compile(r"[a-z0-9]+")


def tokenized(sentence: str) -> str:
    """What ROUGE-1.5.5 compares: lowercase alphanumeric runs, joined by spaces."""
    return " ".join(_TOKEN.findall(sentence.lower()))


def date_scores(pred: Timeline, gold: Timeline) -> PRF:
    """Date precision, recall and F1: the system's dates against the gold's, as sets."""
    shared = len(set(pred) & set(gold))
    return prf(shared / len(pred) if pred else 0.0, shared / len(gold) if gold else 0.0)


class TimelineRouge(Protocol):
    """A date-sensitive ROUGE-1 implementation."""

    name: str
    variants: tuple[str, ...]

    def score(self, pred: Timeline, gold: Timeline) -> dict[str, PRF]: ...


class TilseRouge:
    """ROUGE-1 of tilse's ``TimelineRougeEvaluator`` (its Python reimplementation of ROUGE).

    Raises ``ImportError`` when tilse is not installed.
    """

    name = (
        "tilse 0.2.1 TimelineRougeEvaluator, rouge_computation='reimpl' "
        "(ROUGE-1.5.5 stopwords removed, Porter stemmer)"
    )
    variants: tuple[str, ...] = ("agreement", "concat", "align_m1")

    def __init__(self) -> None:
        from tilse.data.timelines import GroundTruth
        from tilse.data.timelines import Timeline as TilseTimeline
        from tilse.evaluation import rouge

        self._timeline: Any = TilseTimeline
        self._truth: Any = GroundTruth
        self._evaluator: Any = rouge.TimelineRougeEvaluator(
            measures={"rouge_1"}, rouge_computation="reimpl"
        )

    def score(self, pred: Timeline, gold: Timeline) -> dict[str, PRF]:
        tokens = {d: [tokenized(s) for s in ss] for d, ss in pred.items() if ss}
        if not tokens or not any(any(s) for s in tokens.values()):
            # tilse divides by zero on an empty timeline; nothing predicted scores 0.
            return {v: prf(0.0, 0.0) for v in self.variants}
        system = self._timeline(tokens)
        reference = {d: [tokenized(s) for s in ss] for d, ss in gold.items()}
        truth = self._truth([self._timeline(reference)])
        e = self._evaluator
        out = {}
        for variant, method in (
            ("agreement", e.evaluate_agreement),
            ("concat", e.evaluate_concat),
            ("align_m1", e.evaluate_align_date_content_costs_many_to_one),
        ):
            r1 = method(system, truth)["rouge_1"]
            out[variant] = prf(float(r1["precision"]), float(r1["recall"]))
        return out


class OwnRouge:
    """Agreement and concat ROUGE-1 with ``rouge-score``'s tokenizer and Porter stemmer."""

    name = (
        "own agreement/concat ROUGE-1 "
        "(rouge_score 0.1.2 tokenizer + Porter stemmer, no stopword removal)"
    )
    variants: tuple[str, ...] = ("agreement", "concat")

    def __init__(self) -> None:
        from rouge_score import tokenizers

        self._tokenizer: Any = tokenizers.DefaultTokenizer(use_stemmer=True)

    def _counts(self, sentences: Sequence[str]) -> Counter[str]:
        return Counter(t for s in sentences for t in self._tokenizer.tokenize(tokenized(s)))

    def score(self, pred: Timeline, gold: Timeline) -> dict[str, PRF]:
        p = {d: self._counts(ss) for d, ss in pred.items()}
        g = {d: self._counts(ss) for d, ss in gold.items()}
        p_len = sum(c.total() for c in p.values())
        g_len = sum(c.total() for c in g.values())

        def ratio(hits: int, total: int) -> float:
            return hits / total if total else 0.0

        agree = sum((p[d] & g[d]).total() for d in p.keys() & g.keys())
        concat = (sum(p.values(), Counter[str]()) & sum(g.values(), Counter[str]())).total()
        return {
            "agreement": prf(ratio(agree, p_len), ratio(agree, g_len)),
            "concat": prf(ratio(concat, p_len), ratio(concat, g_len)),
        }


def timeline_rouge() -> TimelineRouge:
    """tilse's ROUGE when tilse is installed, else :class:`OwnRouge`."""
    try:
        return TilseRouge()
    except ImportError:
        return OwnRouge()


def score_timeline(rouge: TimelineRouge, pred: Timeline, gold: Timeline) -> dict[str, PRF]:
    """``{"date": ..., "agreement": ..., "concat": ..., ["align_m1": ...]}`` of one timeline."""
    return {"date": date_scores(pred, gold), **rouge.score(pred, gold)}


def check_metrics(rouge: TimelineRouge, golds: Mapping[str, Timeline]) -> None:
    """Raise ``AssertionError`` unless every gold scores 1 against itself and ``{}`` scores 0."""
    bad = []
    for name, gold in golds.items():
        itself = score_timeline(rouge, {d: list(s) for d, s in gold.items()}, gold)
        empty = score_timeline(rouge, {}, gold)
        for case, scores, want in (("gold-vs-gold", itself, 1.0), ("empty", empty, 0.0)):
            for metric, v in scores.items():
                for k, got in v.as_dict().items():
                    if abs(got - want) > 1e-9:
                        bad.append(f"{name} {case} {metric} {k}={got:.4f}")
    if bad:
        raise AssertionError("metric sanity check failed: " + "; ".join(bad))


@dataclass(frozen=True)
class TimelineAverage:
    """A metric averaged over timelines: mean P, mean R, F1 of those, and the mean F1."""

    precision: float
    recall: float
    f1: float
    mean_f1: float

    def as_dict(self, digits: int | None = None) -> dict[str, float]:
        values = {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "mean_f1": self.mean_f1,
        }
        return values if digits is None else {k: round(v, digits) for k, v in values.items()}


def average(per_timeline: Sequence[Mapping[str, PRF]]) -> dict[str, TimelineAverage]:
    """news-tls's averaging over timelines, metric by metric (the metrics of the first)."""
    if not per_timeline:
        raise ValueError("average() of no timelines")
    n = len(per_timeline)
    out = {}
    for metric in per_timeline[0]:
        p = sum(s[metric].precision for s in per_timeline) / n
        r = sum(s[metric].recall for s in per_timeline) / n
        both = prf(p, r)
        out[metric] = TimelineAverage(p, r, both.f1, sum(s[metric].f1 for s in per_timeline) / n)
    return out
