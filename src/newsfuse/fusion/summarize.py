"""Extractive, cited summary of a cluster: which sentences, in what order, from whom.

The method is concept coverage (Gillick & Favre 2009). A *concept* is a pair of adjacent word
stems, not both function words. Its weight sums, over independent sources (families, so wire
copies count once), how prominently each source states it:

* position: a bonus for appearing early in an article, where news puts what matters, halving
  every few sentences;
* repetition: a log bonus for the number of *distinct* sentences of the family that state it, so
  a source that keeps coming back to a point weighs it more, while identical copies of one
  sentence (wire copies) still count once.

Concepts stated by too few families are dropped (Boudin et al. 2015's concept pruning). An integer
program (HiGHS, via scipy's milp) picks the sentences that cover the most concept weight within
the word budget; covering a concept twice earns nothing, so most redundancy is avoided by
construction. What word pairs miss (one fact worded two ways) a constraint catches: two chosen
sentences may not share more than half of their content words. Identical candidates (wire copies
of one sentence) enter the program once, which keeps it small.

Candidates are whole source sentences, so every sentence is faithful. The only edit is taking off
a leading discourse connective ("However," "Meanwhile,"), which points at text the reader of
the summary has not seen and does not change what the sentence claims. Sentences that still
open by pointing elsewhere ("He", "They", "Others") cannot stand alone and are not candidates.

Chosen sentences are read oldest report first, then in article order, and each is attributed to
every article that states the same content, not only the one it was taken from.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import re
from collections.abc import Callable, Mapping, Sequence

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import coo_array, csr_array, triu

from newsfuse.fusion.text import STOPWORDS, content_stems, stem, word_count, words
from newsfuse.models import Article, Family, Sentence, SummarySentence
from newsfuse.settings import DEFAULT, SummarySettings

Concept = tuple[str, str]


_QUOTE_OPENERS = ('"', "“", "``", "'", "‘", "`")
# Openers that refer back to a sentence the reader of a summary has not seen.
_DANGLING = frozenset(
    "that this these those it he she they his her their its him them but and or also however "
    "meanwhile still yet instead so then there here such both others some another".split()
)
# Leading connectives that only relate a sentence to the one before it in its article: taking
# them off leaves the claim as it was. Only with their comma ("But for the rain, ..." stays).
_CONNECTIVE = re.compile(
    r"(?:however|meanwhile|still|indeed|instead|also|moreover|furthermore|in addition|"
    r"additionally|nevertheless|nonetheless|but|and|besides|likewise|similarly|in fact|so),\s+"
    r"(?=[A-Za-z])",
    re.IGNORECASE,
)


def summarize(
    articles: Sequence[Article],
    sentences: Mapping[str, Sequence[Sentence]],
    families: Sequence[Family],
    words: int,
    settings: SummarySettings | None = None,
) -> list[SummarySentence]:
    """Choose and order summary sentences within ``words`` words, each with its sources."""
    settings = settings or DEFAULT.summary
    family_of = {m: f.id for f in families for m in f.members}
    text = {s: _trim(s.text) for ss in sentences.values() for s in ss}
    concepts = {s: _concepts(t) for s, t in text.items()}
    weights = _concept_weights(sentences, concepts, family_of, len(families), settings)
    content = {s: frozenset(content_stems(t)) for s, t in text.items()}
    candidates = _candidates(articles, sentences, text, concepts, settings)
    pool = _densest(candidates, text, concepts, weights, words, settings)
    chosen = _select(pool, text, concepts, content, weights, words, settings)
    ordered = sorted(chosen, key=_reading_order(articles, sentences))
    return [
        SummarySentence(text=text[s], sources=_supporting_articles(s, sentences, content, settings))
        for s in ordered
    ]


def _trim(text: str) -> str:
    """``text`` without a leading discourse connective, capitalised again."""
    m = _CONNECTIVE.match(text)
    if not m:
        return text
    rest = text[m.end() :]
    return rest[0].upper() + rest[1:]


def _concepts(text: str) -> frozenset[Concept]:
    toks = [(w, stem(w)) for w in words(text)]
    return frozenset(
        (sa, sb)
        for (a, sa), (b, sb) in itertools.pairwise(toks)
        if not (a in STOPWORDS and b in STOPWORDS)
    )


def _concept_weights(
    sentences: Mapping[str, Sequence[Sentence]],
    concepts: Mapping[Sentence, frozenset[Concept]],
    family_of: Mapping[str, int],
    n_families: int,
    settings: SummarySettings,
) -> dict[Concept, float]:
    # Per family: the best position any member states a concept at, and how many distinct
    # sentences state it (a wire copy repeats sentences verbatim, so it adds none).
    position: dict[Concept, dict[int, float]] = {}
    repeats: dict[Concept, dict[int, int]] = {}
    seen: set[tuple[int, str]] = set()
    for article_id, ss in sentences.items():
        fam = family_of[article_id]
        for s in ss:
            pos = 1.0 + settings.position_bonus * 0.5 ** (s.index / settings.position_decay)
            new = (fam, s.text) not in seen
            seen.add((fam, s.text))
            for c in concepts[s]:
                per_family = position.setdefault(c, {})
                if pos > per_family.get(fam, 0.0):
                    per_family[fam] = pos
                if new:
                    count = repeats.setdefault(c, {})
                    count[fam] = count.get(fam, 0) + 1
    min_families = max(1, min(3, round(settings.min_sources_share * n_families)))
    return {
        c: sum(p + settings.repeat_bonus * math.log(repeats[c][f]) for f, p in per_family.items())
        for c, per_family in position.items()
        if len(per_family) >= min_families
    }


def _candidates(
    articles: Sequence[Article],
    sentences: Mapping[str, Sequence[Sentence]],
    text: Mapping[Sentence, str],
    concepts: Mapping[Sentence, frozenset[Concept]],
    settings: SummarySettings,
) -> list[Sentence]:
    """Sentences fit to stand in a summary, one per distinct text (the oldest report's copy)."""
    rank = {a.id: (a.published or dt.date.max, i) for i, a in enumerate(articles)}
    best: dict[str, Sentence] = {}
    for ss in sentences.values():
        for s in ss:
            t = text[s]
            if not concepts[s] or not _is_candidate(t, settings):
                continue
            kept = best.get(t)
            if kept is None or (rank[s.article_id], s.index) < (rank[kept.article_id], kept.index):
                best[t] = s
    return sorted(best.values(), key=lambda s: (rank[s.article_id], s.index))


def _is_candidate(text: str, settings: SummarySettings) -> bool:
    n = word_count(text)
    if not settings.min_words <= n <= settings.max_words:
        return False
    if text.endswith("?") or text.startswith(_QUOTE_OPENERS):
        return False
    # The first word without its clitic: "He'll" opens on "he".
    if settings.skip_dangling and words(text)[0].split("'")[0] in _DANGLING:
        return False
    # A sentence must end like one: headlines and cut-off captions do not.
    return text.rstrip("\"'”’)»").endswith((".", "!"))


def _densest(
    candidates: Sequence[Sentence],
    text: Mapping[Sentence, str],
    concepts: Mapping[Sentence, frozenset[Concept]],
    weights: Mapping[Concept, float],
    budget: int,
    settings: SummarySettings,
) -> list[Sentence]:
    """The candidates with the most concept weight per word, up to the pool's size in words."""

    def density(s: Sentence) -> float:
        return sum(weights.get(c, 0.0) for c in concepts[s]) / word_count(text[s])

    limit = max(settings.pool_min_words, settings.pool_budgets * budget)
    pool, size = [], 0
    for s in sorted(candidates, key=density, reverse=True):
        if size >= limit:
            break
        pool.append(s)
        size += word_count(text[s])
    return pool


def _select(
    candidates: Sequence[Sentence],
    text: Mapping[Sentence, str],
    concepts: Mapping[Sentence, frozenset[Concept]],
    content: Mapping[Sentence, frozenset[str]],
    weights: Mapping[Concept, float],
    budget: int,
    settings: SummarySettings,
) -> list[Sentence]:
    """Maximise covered concept weight subject to the word budget (an exact ILP via HiGHS)."""
    fitting = [s for s in candidates if word_count(text[s]) <= budget]
    index = {c: i for i, c in enumerate({c for s in fitting for c in concepts[s] if c in weights})}
    if not fitting or not index:
        return _lead_fallback(candidates, text, budget)
    n_s, n_c = len(fitting), len(index)
    concept_w = np.zeros(n_c)
    for c, i in index.items():
        concept_w[i] = weights[c]
    lengths = np.array([word_count(text[s]) for s in fitting], dtype=float)
    # A tiny preference for earlier sentences breaks ties between equal coverings.
    tie = np.array([1e-3 / (1 + s.index) for s in fitting])
    objective = -np.concatenate([tie, concept_w])

    rows, cols = [], []
    for j, s in enumerate(fitting):
        for c in concepts[s]:
            if c in index:
                rows.append(index[c])
                cols.append(j)
    # z_c <= sum of y_s over sentences s containing c
    cover = coo_array(
        (
            np.concatenate([-np.ones(len(rows)), np.ones(n_c)]),
            (np.concatenate([rows, np.arange(n_c)]), np.concatenate([cols, n_s + np.arange(n_c)])),
        ),
        shape=(n_c, n_s + n_c),
    )
    length = coo_array((lengths, (np.zeros(n_s, dtype=int), np.arange(n_s))), shape=(1, n_s + n_c))
    constraints = [LinearConstraint(cover, -np.inf, 0), LinearConstraint(length, 0, budget)]
    pairs = _restating_pairs([content[s] for s in fitting], settings.max_overlap)
    if len(pairs):
        k = len(pairs)
        at_most_one = coo_array(
            (np.ones(2 * k), (np.repeat(np.arange(k), 2), pairs.ravel())), shape=(k, n_s + n_c)
        )
        constraints.append(LinearConstraint(at_most_one, 0, 1))
    result = milp(
        objective,
        constraints=constraints,
        # Only sentences need be integral: with them fixed, the best z_c is min(1, covers) anyway.
        integrality=np.concatenate([np.ones(n_s), np.zeros(n_c)]),
        bounds=Bounds(0, 1),
        options={"time_limit": settings.solver_seconds},
    )
    if result.x is None:
        return _lead_fallback(fitting, text, budget)
    return [s for j, s in enumerate(fitting) if result.x[j] > 0.5]


def _restating_pairs(content: Sequence[frozenset[str]], max_overlap: float) -> np.ndarray:
    """Pairs (i, j) of sentences sharing ``max_overlap`` or more of the smaller one's content."""
    vocab: dict[str, int] = {}
    rows, cols = [], []
    for i, c in enumerate(content):
        for w in c:
            rows.append(i)
            cols.append(vocab.setdefault(w, len(vocab)))
    m = csr_array((np.ones(len(rows)), (rows, cols)), shape=(len(content), max(1, len(vocab))))
    shared = triu(m @ m.T, k=1).tocoo()
    sizes = np.array([len(c) for c in content])
    smaller = np.minimum(sizes[shared.row], sizes[shared.col])
    keep = shared.data >= max_overlap * smaller
    return np.stack([shared.row[keep], shared.col[keep]], axis=1)


def _lead_fallback(
    candidates: Sequence[Sentence], text: Mapping[Sentence, str], budget: int
) -> list[Sentence]:
    """Nothing is shared between sources: take each article's opening in turn."""
    out, used = [], 0
    for s in sorted(candidates, key=lambda s: s.index):
        n = word_count(text[s])
        if used + n <= budget:
            out.append(s)
            used += n
    return out


def _reading_order(
    articles: Sequence[Article], sentences: Mapping[str, Sequence[Sentence]]
) -> Callable[[Sentence], tuple[object, ...]]:
    """Older reports first (what happened before what followed), then position in the article."""
    published = {a.id: a.published or dt.date.max for a in articles}
    input_rank = {a.id: i for i, a in enumerate(articles)}
    sizes = {k: max(1, len(v)) for k, v in sentences.items()}

    def key(s: Sentence) -> tuple[object, ...]:
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
    settings: SummarySettings,
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
