"""Extractive, cited summary of a cluster: which sentences, in what order, from whom.

The method is concept coverage (Gillick & Favre 2009): a *concept* is a pair of adjacent
content-bearing word stems; its weight is how many independent sources (families, so wire
copies count once) state it, with a bonus for appearing early in an article, where news puts
what matters. An integer program picks the sentences that cover the most concept weight within
the word budget. Covering a concept twice earns nothing, so redundancy is avoided by
construction rather than by a similarity threshold.

Every chosen sentence is then attributed to every article that states the same content, not
only the one it was taken from.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import coo_array

from newsfuse.models import Article, Family, Sentence, SummarySentence
from newsfuse.text import STOPWORDS, stem, word_count, words


@dataclass(frozen=True)
class Settings:
    """Knobs of the method. One set of values serves every data set; only the budget varies."""

    min_words: int = 8  # shorter sentences are fragments, captions or datelines
    max_words: int = 55  # longer ones are run-ons that eat the budget
    position_bonus: float = 1.0  # extra weight of a concept met in an article's first sentence
    position_decay: float = 3.0  # sentences over which that bonus halves
    min_sources_share: float = 0.3  # a concept must be in this share of families (at most 3)
    unigram_weight: float = 0.0  # weight of single content stems, relative to word pairs
    skip_dangling: bool = True  # skip sentences opening on a word that points elsewhere
    support_coverage: float = 0.7  # share of a sentence's content an article must state to be cited
    solver_seconds: float = 2.0
    weight_power: float = 1.0
    sentence_prior: float = 0.0
    prior_decay: float = 3.0


DEFAULT = Settings()

_QUOTE_OPENERS = ('"', "“", "``", "'", "‘", "`")
# Openers that refer back to a sentence the reader of a summary has not seen.
_DANGLING = frozenset(
    "that this these those it he she they his her their its but and or also however meanwhile "
    "still yet instead so then there here such both".split()
)


def summarize(
    articles: Sequence[Article],
    sentences: Mapping[str, Sequence[Sentence]],
    families: Sequence[Family],
    words: int,
    settings: Settings | None = None,
) -> list[SummarySentence]:
    """Choose and order summary sentences within ``words`` words, each with its sources."""
    settings = settings or DEFAULT
    family_of = {m: f.id for f in families for m in f.members}
    concepts = {s: _concepts(s.text, settings) for ss in sentences.values() for s in ss}
    weights = _concept_weights(sentences, concepts, family_of, len(families), settings)
    candidates = [
        s for ss in sentences.values() for s in ss if _is_candidate(s.text, settings) and concepts[s]
    ]
    chosen = _select(candidates, concepts, weights, words, settings)
    ordered = sorted(chosen, key=_reading_order(articles, sentences))
    content = {s: _content_set(s.text) for ss in sentences.values() for s in ss}
    return [
        SummarySentence(text=s.text, sources=_supporting_articles(s, sentences, content, settings))
        for s in ordered
    ]


def _concepts(text: str, settings: Settings) -> frozenset[tuple[str, ...]]:
    toks = words(text)
    pairs = {
        (stem(a), stem(b)) for a, b in zip(toks, toks[1:]) if not (a in STOPWORDS and b in STOPWORDS)
    }
    if settings.unigram_weight:
        pairs |= {(stem(w),) for w in toks if w not in STOPWORDS}
    return frozenset(pairs)


def _concept_weights(
    sentences: Mapping[str, Sequence[Sentence]],
    concepts: Mapping[Sentence, frozenset[tuple[str, str]]],
    family_of: Mapping[str, int],
    n_families: int,
    settings: Settings,
) -> dict[tuple[str, str], float]:
    # Per family, a concept counts once, at the best position any member states it.
    best: dict[tuple[str, str], dict[int, float]] = {}
    for article_id, ss in sentences.items():
        fam = family_of[article_id]
        for s in ss:
            pos = 1.0 + settings.position_bonus * 0.5 ** (s.index / settings.position_decay)
            for c in concepts[s]:
                per_family = best.setdefault(c, {})
                if pos > per_family.get(fam, 0.0):
                    per_family[fam] = pos
    min_families = max(1, min(3, round(settings.min_sources_share * n_families)))
    return {
        c: sum(per_family.values()) ** settings.weight_power * (settings.unigram_weight if len(c) == 1 else 1.0)
        for c, per_family in best.items()
        if len(per_family) >= min_families
    }


def _is_candidate(text: str, settings: Settings) -> bool:
    n = word_count(text)
    if not settings.min_words <= n <= settings.max_words:
        return False
    if text.endswith("?") or text.startswith(_QUOTE_OPENERS):
        return False
    if settings.skip_dangling and text.split(None, 1)[0].lower().strip(",") in _DANGLING:
        return False
    # A sentence must end like one: headlines and cut-off captions do not.
    return text.rstrip("\"'”’)»").endswith((".", "!"))


def _select(
    candidates: Sequence[Sentence],
    concepts: Mapping[Sentence, frozenset[tuple[str, str]]],
    weights: Mapping[tuple[str, str], float],
    budget: int,
    settings: Settings,
) -> list[Sentence]:
    """Maximise covered concept weight subject to the word budget (an exact ILP via HiGHS)."""
    fitting = [s for s in candidates if word_count(s.text) <= budget]
    index = {c: i for i, c in enumerate({c for s in fitting for c in concepts[s] if c in weights})}
    if not fitting or not index:
        return _lead_fallback(candidates, budget)
    n_s, n_c = len(fitting), len(index)
    concept_w = np.zeros(n_c)
    for c, i in index.items():
        concept_w[i] = weights[c]
    lengths = np.array([word_count(s.text) for s in fitting], dtype=float)
    # A tiny preference for earlier sentences breaks ties between equal coverings.
    tie = np.array([1e-3 / (1 + s.index) + settings.sentence_prior * 0.5 ** (s.index / settings.prior_decay) for s in fitting])
    objective = -np.concatenate([tie, concept_w])

    rows, cols = [], []
    for j, s in enumerate(fitting):
        for c in concepts[s]:
            if c in index:
                rows.append(index[c])
                cols.append(j)
    # z_c <= sum of y_s over sentences s containing c
    cover = coo_array(
        (np.concatenate([-np.ones(len(rows)), np.ones(n_c)]),
         (np.concatenate([rows, np.arange(n_c)]), np.concatenate([cols, n_s + np.arange(n_c)]))),
        shape=(n_c, n_s + n_c),
    )
    length = coo_array((lengths, (np.zeros(n_s, dtype=int), np.arange(n_s))), shape=(1, n_s + n_c))
    result = milp(
        objective,
        constraints=[LinearConstraint(cover, -np.inf, 0), LinearConstraint(length, 0, budget)],
        integrality=np.ones(n_s + n_c),
        bounds=Bounds(0, 1),
        options={"time_limit": settings.solver_seconds},
    )
    if result.x is None:
        return _lead_fallback(fitting, budget)
    return [s for j, s in enumerate(fitting) if result.x[j] > 0.5]


def _lead_fallback(candidates: Sequence[Sentence], budget: int) -> list[Sentence]:
    """Nothing is shared between sources: take each article's opening in turn."""
    out, used = [], 0
    for s in sorted(candidates, key=lambda s: s.index):
        n = word_count(s.text)
        if used + n <= budget:
            out.append(s)
            used += n
    return out


def _reading_order(articles: Sequence[Article], sentences: Mapping[str, Sequence[Sentence]]):
    """Older reports first (what happened before what followed), then position in the article."""
    published = {a.id: a.published or dt.date.max for a in articles}
    input_rank = {a.id: i for i, a in enumerate(articles)}
    sizes = {k: max(1, len(v)) for k, v in sentences.items()}

    def key(s: Sentence) -> tuple:
        return (
            published[s.article_id],
            math.floor(4 * s.index / sizes[s.article_id]),
            input_rank[s.article_id],
            s.index,
        )

    return key


def _supporting_articles(
    chosen: Sentence,
    sentences: Mapping[str, Sequence[Sentence]],
    content: Mapping[Sentence, frozenset[str]],
    settings: Settings,
) -> tuple[str, ...]:
    """Every article one of whose sentences states most of ``chosen``'s content words."""
    target = content[chosen]
    if not target:
        return (chosen.article_id,)
    out = []
    for article_id, ss in sentences.items():
        if article_id == chosen.article_id or any(
            len(target & content[s]) >= settings.support_coverage * len(target) for s in ss
        ):
            out.append(article_id)
    return tuple(out)


def _content_set(text: str) -> frozenset[str]:
    return frozenset(stem(w) for w in words(text) if w not in STOPWORDS)
