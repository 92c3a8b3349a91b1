"""ROUGE for summaries, as the DUC and Multi-News protocols use it, on top of ``rouge-score``.

``rouge-score`` (Google's reimplementation of ROUGE-1.5.5) does the n-gram and LCS counting;
this module adds what the protocols need around it:

* **truncation**: a summary is cut to its first ``words`` whitespace-separated words before it
  is scored (DUC 2004: 100 words), so a longer summary gains nothing in recall; line breaks
  inside the kept words are preserved (ROUGE-Lsum needs them);
* **several references**: each reference is scored on its own and the scores are averaged
  (ROUGE-1.5.5's ``-f A``, the figure DUC papers report), or the best one taken (``"max"``);
* **ROUGE-Lsum**: summary-level LCS over sentences, which ``rouge-score`` reads as one sentence
  per line; its own splitter (``split_summaries=True``) needs NLTK data that is not installed,
  so the sentences are put on separate lines here with sentencex, line breaks kept;
* scores as :class:`~newsfuse.eval.scores.PRF` in [0, 1] (benchmarks print x100).

``rouge-score`` is in the ``bench`` and ``test`` extras, not a runtime dependency: it is
imported when a :class:`Rouge` is built.

>>> scorer = Rouge(("rouge1",), words=100)  # doctest: +SKIP
>>> scorer.score("the cat sat on the mat", ["a cat sat on a mat"])["rouge1"].recall  # doctest: +SKIP
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal

from newsfuse.eval.scores import PRF, mean_prf

__all__ = ["Rouge", "mean_rouge", "rouge", "sentence_lines", "truncate_words"]

MultiRef = Literal["mean", "max"]
_ROUGE_TYPE = re.compile(r"^rouge(?:[1-9]|L|Lsum)$")
_WORD = re.compile(r"\S+")
_LINE = re.compile(r"[^\n]+")


def truncate_words(text: str, words: int | None) -> str:
    """The first ``words`` whitespace-separated words of ``text`` (all of it if ``None``).

    Whitespace between the kept words is kept as it was (so a line break still ends a sentence
    for ROUGE-Lsum); leading and trailing whitespace is dropped.
    """
    if words is None:
        return text.strip()
    if words < 0:
        raise ValueError(f"words must be >= 0, not {words}")
    if words == 0:
        return ""
    matches = list(_WORD.finditer(text))
    if not matches:
        return ""
    last = matches[min(words, len(matches)) - 1]
    return text[matches[0].start() : last.end()]


def sentence_lines(text: str) -> str:
    """``text`` with one sentence per line (sentencex, English), for ROUGE-Lsum.

    An existing line break always ends a sentence; sentences are never joined across one.
    """
    import sentencex

    lines: list[str] = []
    for line in _LINE.findall(text):
        lines.extend(s.strip() for s in sentencex.segment("en", line) if s.strip())
    return "\n".join(lines)


class Rouge:
    """A ROUGE scorer: build once (it loads the stemmer), score many summaries.

    ``metrics`` are ``rouge-score`` names: ``rouge1`` ... ``rouge9``, ``rougeL`` (LCS over the
    whole text) and ``rougeLsum`` (LCS per sentence, sentences found by
    :func:`sentence_lines`). ``words`` truncates every summary (never the references) before
    scoring; ``stemmer`` is the Porter stemmer (on in both protocols); ``multi_ref`` says how
    the scores against several references are combined.
    """

    def __init__(
        self,
        metrics: Sequence[str] = ("rouge1", "rouge2", "rougeL"),
        *,
        words: int | None = None,
        stemmer: bool = True,
        multi_ref: MultiRef = "mean",
    ) -> None:
        bad = [m for m in metrics if not _ROUGE_TYPE.match(m)]
        if bad or not metrics:
            raise ValueError(f"unknown ROUGE metric(s) {bad or list(metrics)}")
        if multi_ref not in ("mean", "max"):
            raise ValueError(f"multi_ref must be 'mean' or 'max', not {multi_ref!r}")
        if words is not None and words < 0:
            raise ValueError(f"words must be >= 0, not {words}")
        from rouge_score import rouge_scorer

        self.metrics = tuple(dict.fromkeys(metrics))
        self.words = words
        self.multi_ref = multi_ref
        self._split = "rougeLsum" in self.metrics
        self._scorer: Any = rouge_scorer.RougeScorer(list(self.metrics), use_stemmer=stemmer)

    def prepare(self, summary: str | Sequence[str]) -> str:
        """The text that is scored: sentences joined by line breaks, cut to ``words``."""
        text = summary if isinstance(summary, str) else "\n".join(summary)
        text = truncate_words(text, self.words)
        return sentence_lines(text) if self._split else text

    def score(self, summary: str | Sequence[str], references: Sequence[str]) -> dict[str, PRF]:
        """Scores of one ``summary`` (a text, or its sentences) against its ``references``.

        An empty summary scores 0. Raises ``ValueError`` when there is no reference (a cluster
        without gold cannot be scored, and must not silently count as 0 or 1).
        """
        if isinstance(references, str):
            raise TypeError("references must be a sequence of texts, not one string")
        if not references:
            raise ValueError("no reference summary to score against")
        candidate = self.prepare(summary)
        per_ref = [
            self._scorer.score(sentence_lines(r) if self._split else r, candidate)
            for r in references
        ]
        out: dict[str, PRF] = {}
        for m in self.metrics:
            scores = [PRF(s[m].precision, s[m].recall, s[m].fmeasure) for s in per_ref]
            if self.multi_ref == "mean":
                out[m] = mean_prf(scores)
            else:
                out[m] = max(scores, key=lambda s: s.f1)
        return out


def rouge(
    summary: str | Sequence[str],
    references: Sequence[str],
    metrics: Sequence[str] = ("rouge1", "rouge2", "rougeL"),
    *,
    words: int | None = None,
    stemmer: bool = True,
    multi_ref: MultiRef = "mean",
) -> dict[str, PRF]:
    """One-off :meth:`Rouge.score` (builds a scorer each call; use :class:`Rouge` in loops)."""
    scorer = Rouge(metrics, words=words, stemmer=stemmer, multi_ref=multi_ref)
    return scorer.score(summary, references)


def mean_rouge(per_summary: Iterable[Mapping[str, PRF]]) -> dict[str, PRF]:
    """Average over summaries (clusters) of :meth:`Rouge.score` results, metric by metric."""
    items = list(per_summary)
    if not items:
        raise ValueError("mean_rouge() of no scores")
    return {m: mean_prf(s[m] for s in items) for m in items[0]}
