"""Supervised concept weights for the summary (Li, Qian & Liu 2013), measured cross-set.

Each concept (word-stem pair) the summary's integer program may cover gets the features of
``FEATURES`` (families stating it, its best position, share of families stating it in a lead
sentence, distinct sentences, general-English frequency of its words, figure, function word,
the unsupervised weight); the target is the share of the cluster's references that contain it.
A logistic model (scikit-learn, a bench dependency) is fit on one set and its probability used
as the concept weights on the other, the same concepts kept (Li, Qian & Liu 2013):

* train on DUC 2004, score Multi-News; train on Multi-News, score DUC 2004;

beside the current (unsupervised) weights on the same inputs, with the benchmark's own ROUGE
(``benchmarks/summaries.py``: DUC 2004 100 words, Multi-News 250). The model trained on both
sets is printed as its coefficients. The rows "trained on itself" are not held out: they show
whether the features can carry a set's own references at all. Nothing of it is shipped: the learned weights lost on both
held-out sets (README, "Quality and speed"), so the features and the weighting live here, put in
place of ``summarize._concept_weights`` while this script scores.

Usage: python benchmarks/train_concepts.py --data /work/shared/data [--limit N]
"""

from __future__ import annotations

import argparse
import functools
import math
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from newsfuse import Article
from newsfuse.eval.results import require_path
from newsfuse.fusion import clean, dates, screen, segment, summarize, syndication
from newsfuse.fusion.text import STOPWORDS
from newsfuse.settings import DEFAULT
from summaries import SETS, load_duc, load_multi_news, make_scorer, score_summary


def prepare(cluster):
    """The summary's inputs for one cluster, as ``fuse`` builds them."""
    articles = [
        Article(id=d.id, text=d.text, source=d.source, published=d.published) for d in cluster.docs
    ]
    cleaned = [dates.with_publication_date(clean.clean(a, DEFAULT.clean)) for a in articles]
    usable, _ = screen.screen(cleaned)
    sentences = {a.id: segment.sentences(a) for a in usable}
    copies = syndication.families(usable)
    return usable, sentences, copies


#: What a concept's learned weight is read from.
FEATURES = (
    "bias",
    "log families",
    "share of families",
    "best position",
    "share of families in a lead",
    "log distinct sentences",
    "rarer word's frequency",
    "commoner word's frequency",
    "figure",
    "function word",
    "log unsupervised weight",
)


def concept_features(sentences, concepts, family_of, n_families, weights, settings):
    """(concepts, one row of :data:`FEATURES` each) for the concepts ``weights`` kept."""
    position: dict = {}
    repeats: dict = {}
    seen: set = set()
    for article_id, ss in sentences.items():
        fam = family_of[article_id]
        for s in ss:
            pos = 0.5 ** (s.index / settings.position_decay)
            new = (fam, s.text) not in seen
            seen.add((fam, s.text))
            for c in concepts[s]:
                per_family = position.setdefault(c, {})
                per_family[fam] = max(pos, per_family.get(fam, 0.0))
                if new:
                    count = repeats.setdefault(c, {})
                    count[fam] = count.get(fam, 0) + 1
    lead_pos = 0.5 ** ((settings.lead_sentences - 1) / settings.position_decay)
    kept = list(weights)
    rows = []
    for c in kept:
        per_family = position[c]
        n = len(per_family)
        z1, z2 = _zipf(c[0]), _zipf(c[1])
        rows.append(
            (
                1.0,
                math.log(n),
                n / max(1, n_families),
                max(per_family.values()),
                sum(1 for p in per_family.values() if p >= lead_pos - 1e-9) / n,
                math.log(sum(repeats[c].values())),
                min(z1, z2) / 8.0,
                max(z1, z2) / 8.0,
                float(any(ch.isdigit() for ch in c[0] + c[1])),
                float(c[0] in STOPWORDS or c[1] in STOPWORDS),
                math.log(weights[c]),
            )
        )
    return kept, np.asarray(rows, dtype=float).reshape(len(rows), len(FEATURES))


@functools.lru_cache(maxsize=1 << 16)
def _zipf(stemmed: str) -> float:
    """General-English frequency (Zipf scale, 0-8) of a stem, read as a word."""
    from wordfreq import zipf_frequency

    return float(zipf_frequency(stemmed, "en"))


_UNSUPERVISED = summarize._concept_weights


def learned(coef):
    """A stand-in for ``summarize._concept_weights``: the same concepts, weighted by the
    logistic model ``coef`` (empty: the unsupervised weights)."""

    def weigh(sentences, concepts, family_of, n_families, settings):
        weights = _UNSUPERVISED(sentences, concepts, family_of, n_families, settings)
        if not coef or not weights:
            return weights
        kept, x = concept_features(sentences, concepts, family_of, n_families, weights, settings)
        p = 1.0 / (1.0 + np.exp(-(x @ np.asarray(coef, dtype=float))))
        return dict(zip(kept, p.tolist(), strict=True))

    return weigh


def features(prepared, references):
    """(X, y) of one cluster: the features of each kept concept, the share of references
    holding it."""
    _, sentences, copies = prepared
    settings = DEFAULT.summary
    family_of = {m: f.id for f in copies for m in f.members}
    concepts = {
        s: summarize._concepts(summarize._trim(s.text)) for ss in sentences.values() for s in ss
    }
    weights = _UNSUPERVISED(sentences, concepts, family_of, len(copies), settings)
    if not weights:
        return np.zeros((0, len(FEATURES))), np.zeros(0)
    kept, x = concept_features(sentences, concepts, family_of, len(copies), weights, settings)
    ref_concepts = [summarize._concepts(r) for r in references]
    y = np.array([sum(c in rc for rc in ref_concepts) / len(ref_concepts) for c in kept])
    return x, y


def fit(x, y, w, c=1.0):
    """Logistic regression on soft targets: each row twice, weighted w y and w (1 - y)."""
    from sklearn.linear_model import LogisticRegression

    xx = np.vstack([x[:, 1:], x[:, 1:]])
    yy = np.concatenate([np.ones(len(y)), np.zeros(len(y))])
    ww = np.concatenate([w * y, w * (1.0 - y)])
    keep = ww > 0
    model = LogisticRegression(C=c, max_iter=2000)
    model.fit(xx[keep], yy[keep], sample_weight=ww[keep])
    return (float(model.intercept_[0]), *(float(v) for v in model.coef_[0]))


def score(bench, clusters, prepared, coef):
    """Mean ROUGE of the summaries with concept weights ``coef`` (empty: the current ones),
    and the summary stage's CPU seconds per cluster."""
    scorer = make_scorer(bench)
    per = []
    summarize._concept_weights = learned(coef)
    try:
        usable, sentences, copies = prepared[0]  # warm up (the first parse loads spaCy's model)
        summarize.summarize(usable, sentences, copies, words=bench.budget)
        t0 = time.process_time()
        for cluster, (usable, sentences, copies) in zip(clusters, prepared, strict=True):
            s = summarize.summarize(usable, sentences, copies, words=bench.budget)
            text = " ".join(x.text for x in s)
            per.append(score_summary(scorer, text, cluster.references, bench))
        cpu = (time.process_time() - t0) / len(clusters)
    finally:
        summarize._concept_weights = _UNSUPERVISED
    return {m: statistics.fmean(p[m] for p in per) for m in bench.metrics}, cpu


def _fmt(result: dict[str, float]) -> str:
    return " ".join(f"{m} {v:.2f}" for m, v in result.items())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--limit", type=int)
    parser.add_argument("--c", type=float, default=1.0, help="inverse regularisation")
    parser.add_argument(
        "--balance", action="store_true", help="every cluster weighs the same in the fit"
    )
    args = parser.parse_args()
    require_path(args.data, "benchmark data folder (--data)", kind="dir")
    for bench in SETS.values():
        for file in bench.files:
            require_path(args.data / file, f"{bench.label} data")
    sets = {
        "duc2004": load_duc(args.data, args.limit),
        "multi_news": load_multi_news(args.data, args.limit),
    }
    prepared = {name: [prepare(c) for c in cs] for name, cs in sets.items()}
    data = {}
    for name, cs in sets.items():
        xs, ys = zip(*(features(p, c.references) for p, c in zip(prepared[name], cs, strict=True)))
        # --balance: each cluster's concepts weigh as much in all as another cluster's
        weight = [np.full(len(y), (1.0 / max(1, len(y))) if args.balance else 1.0) for y in ys]
        w = np.concatenate(weight)
        data[name] = (np.vstack(xs), np.concatenate(ys), w * len(w) / w.sum())
        print(f"{name}: {len(data[name][1])} concepts, mean target {data[name][1].mean():.3f}")
    models = {
        "duc2004": fit(*data["duc2004"], c=args.c),
        "multi_news": fit(*data["multi_news"], c=args.c),
    }
    both = fit(
        np.vstack([data["duc2004"][0], data["multi_news"][0]]),
        np.concatenate([data["duc2004"][1], data["multi_news"][1]]),
        np.concatenate([data["duc2004"][2], data["multi_news"][2]]),
        c=args.c,
    )
    print("\n| scored on | weights | ROUGE | CPU s/cluster (summary) |")
    print("|---|---|---|--:|")
    for name, other in (("multi_news", "duc2004"), ("duc2004", "multi_news")):
        bench = SETS[name]
        base, base_cpu = score(bench, sets[name], prepared[name], ())
        cross, cross_cpu = score(bench, sets[name], prepared[name], models[other])
        print(f"| {bench.label} | unsupervised (current) | {_fmt(base)} | {base_cpu:.3f} |")
        print(
            f"| {bench.label} | trained on {SETS[other].label} | {_fmt(cross)} | {cross_cpu:.3f} |"
        )
        # Not a held-out figure: whether the features can carry the set's own references.
        own, own_cpu = score(bench, sets[name], prepared[name], models[name])
        print(f"| {bench.label} | trained on itself (not held out) | {_fmt(own)} | {own_cpu:.3f} |")
    print("\nfeatures:", ", ".join(FEATURES))
    for name, coef in (*models.items(), ("both", both)):
        print(f"concept_model ({name}) = ({', '.join(f'{v:.4f}' for v in coef)})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
