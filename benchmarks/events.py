"""Event grouping benchmark: newsfuse.events against gold events and two TF-IDF baselines.

Each set is fed to one EventGrouper as a stream, in publication order (file order where there
are no dates), with the default settings (the same for every set). Printed per set: B-cubed
P/R/F1, pairwise F1 and the number of clusters for

- newsfuse, fed in order (document frequencies learned as the stream goes);
- newsfuse, the whole set at once (document frequencies of the whole set known in advance,
  then the same single pass): the stream must score within 0.01 of it;
- both again followed by the second pass and the split (``EventGrouper.merge_small_events``
  then ``EventGrouper.split_events``, as ``group()`` runs them, and the store at the end of each add);
- the same fed in order, over the articles a store groups: those that pass ``screen()``
  (not empty after cleaning, 15 words or more, English; ``newsfuse brief`` groups only
  those too), each text once
  (the store's ``text_hash``: a second copy is a duplicate), scored over those articles (the
  store also dates an undated article from its text, which this row does not). The
  rows above feed every article, as the gold lists them: Multi-News has 21 passages that
  are page furniture alone ("Tweet with a location ..."), empty after cleaning, which gold
  files under their cluster and no text can place; DUC files 11 documents under two clusters;
- TF-IDF cosine with average-linkage agglomerative clustering, at its best threshold on that
  set (an upper bound for that method: the threshold is chosen on the gold);
- single-pass TF-IDF clustering (each article joins the most similar centroid over a
  threshold), also at its best threshold;
- every article alone.

And the cost of features() and add() per article, on the first and last tenth of each stream.

    .venv/bin/python benchmarks/events.py --data ../shared/data [--sets ecbplus,gva] [--limit N]
        [--grouping KEY=VALUE ...]

``--grouping`` runs newsfuse with GroupingSettings fields changed (a Python literal each, e.g.
``--grouping threshold=0.2 --grouping date_half_life=30.0``), to measure a variant against
the same baselines. Results go to ``--out`` (default benchmarks/results/events.json), only after a complete run
(all sets, no limit, default settings).
"""

from __future__ import annotations

import argparse
import ast
import datetime as dt
import json
import re
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform
from sklearn.feature_extraction.text import TfidfVectorizer

from newsfuse.eval.clustering import PRF, bcubed, from_groups, pairwise
from newsfuse.eval.results import require_path
from newsfuse.events import EventGrouper, features, feed_order
from newsfuse.fusion.clean import clean
from newsfuse.fusion.screen import screen
from newsfuse.models import Article
from newsfuse.settings import DEFAULT, GroupingSettings
from newsfuse.store import text_hash

SETS = ("ecbplus", "gva", "duc2004", "multi_news")
RESULTS = Path(__file__).parent / "results" / "events.json"
THRESHOLDS = [round(0.02 * k, 2) for k in range(1, 50)]


@dataclass
class Labelled:
    articles: list[Article]  # in file order
    gold: dict[str, str]


def load_ecbplus(data: Path) -> Labelled:
    rows = [json.loads(x) for x in (data / "ecbplus" / "ecbplus_dev_topics_1-25.jsonl").open()]
    arts = [Article(id=r["doc_name"], text=r["text"]) for r in rows]
    return Labelled(arts, {r["doc_name"]: r["event_cluster"] for r in rows})


def load_gva(data: Path) -> Labelled:
    rows = [json.loads(x) for x in (data / "gva" / "gva_2013-2015.jsonl").open()]
    arts = [
        Article(
            id=r["id"],
            text=r["text"],
            title=r.get("title"),
            url=r.get("url"),
            source=r.get("source"),
            published=dt.date.fromisoformat(r["published"]) if r.get("published") else None,
        )
        for r in rows
    ]
    return Labelled(arts, {r["id"]: r["event"] for r in rows})


def load_duc(data: Path) -> Labelled:
    arts, gold = [], {}
    for line in (data / "duc2004" / "duc2004_task2.jsonl").open():
        cluster = json.loads(line)
        for doc in cluster["documents"]:
            docno = doc["docno"]
            date = dt.datetime.strptime(re.search(r"\d{8}", docno).group(), "%Y%m%d").date()
            # 11 documents sit in two clusters: one copy per cluster, named by both.
            aid = f"{cluster['cluster_id']}/{docno}"
            arts.append(Article(id=aid, text=doc["text"], published=date))
            gold[aid] = cluster["cluster_id"]
    return Labelled(arts, gold)


_PASSAGE = re.compile(r"\nPassage \d+:\n")


def load_multi_news(data: Path) -> Labelled:
    arts, gold = [], {}
    for line in (data / "multi_news" / "multi_news_dev.jsonl").open():
        row = json.loads(line)
        context = row["context"].replace("NEWLINE_CHAR", "\n")
        context = re.sub(r"^Passage 1:\n", "", context)
        for k, text in enumerate(_PASSAGE.split(context), start=1):
            aid = f"{row['_id']}:p{k}"
            arts.append(Article(id=aid, text=text))
            gold[aid] = row["_id"]
    return Labelled(arts, gold)


LOADERS = {
    "ecbplus": load_ecbplus,
    "gva": load_gva,
    "duc2004": load_duc,
    "multi_news": load_multi_news,
}


@dataclass
class Row:
    system: str
    bcubed: PRF
    pairwise: PRF
    clusters: int
    note: str = ""


@dataclass
class SetResult:
    name: str
    articles: int
    events: int
    rows: list[Row] = field(default_factory=list)
    ms_features: float = 0.0
    ms_add_first: float = 0.0
    ms_add_last: float = 0.0
    ms_clean: float = 0.0
    # B-cubed F1 of each baseline at every threshold tried: for the one-threshold comparison.
    agglomerative_curve: dict[float, float] = field(default_factory=dict)
    single_pass_curve: dict[float, float] = field(default_factory=dict)


def score(name: str, predicted: dict[str, int], gold: dict[str, str], note: str = "") -> Row:
    return Row(
        name, bcubed(predicted, gold), pairwise(predicted, gold), len(set(predicted.values())), note
    )


def exhaustive(settings: GroupingSettings) -> GroupingSettings:
    """The index bounds off: every event holding any of the article's terms is scored."""
    return replace(settings, candidate_terms=10**9, max_postings=10**9, max_candidates=10**9)


def grouping_settings(overrides: list[str]) -> GroupingSettings:
    """DEFAULT.grouping with ``KEY=VALUE`` overrides (values are Python literals)."""
    known = {f.name for f in fields(GroupingSettings)}
    changes = {}
    for item in overrides:
        key, sep, value = item.partition("=")
        if not sep or key not in known:
            sys.exit(f"--grouping: expected KEY=VALUE with KEY one of {', '.join(sorted(known))}")
        try:
            changes[key] = ast.literal_eval(value)
        except (ValueError, SyntaxError):
            sys.exit(f"--grouping: {key}: not a Python literal: {value!r}")
    return replace(DEFAULT.grouping, **changes)


def run_newsfuse(
    ordered: list[Article],
    feats: dict[str, dict],
    at_once: bool,
    settings=DEFAULT.grouping,
    second_pass: bool = False,
) -> tuple[dict[str, int], list[float]]:
    grouper = EventGrouper(settings)
    if at_once:
        grouper.prime(feats[a.id] for a in ordered)
    times = []
    for a in ordered:
        t0 = time.perf_counter()
        grouper.add(a.id, feats[a.id], a.published)
        times.append(time.perf_counter() - t0)
    if second_pass:
        grouper.merge_small_events()
        grouper.split_events(feats, {a.id: a.published for a in ordered})
    return from_groups(grouper.groups_), times


def store_kept(ordered: list[Article]) -> list[Article]:
    """The articles a store would group, in order: those ``screen()`` lets through (the store
    and ``newsfuse brief`` skip the rest with a reason), the first of each text only."""
    usable, _ = screen(ordered)
    seen: set[str] = set()
    kept = []
    for a in usable:
        key = text_hash(a.body)
        if key not in seen:
            seen.add(key)
            kept.append(a)
    return kept


def tfidf_similarity(ordered: list[Article]) -> np.ndarray:
    vec = TfidfVectorizer(sublinear_tf=True, stop_words="english")
    x = vec.fit_transform([a.body for a in ordered])
    return (x @ x.T).toarray()


def best_agglomerative(
    sim: np.ndarray, ids: list[str], gold: dict[str, str], curve: dict[float, float]
) -> Row:
    dist = np.clip(1.0 - sim, 0.0, None)
    np.fill_diagonal(dist, 0.0)
    tree = linkage(squareform(dist, checks=False), method="average")

    def at(t: float) -> dict[str, int]:
        labels = fcluster(tree, t=1.0 - t, criterion="distance")
        return {i: int(k) for i, k in zip(ids, labels)}

    return _best_threshold("TF-IDF + average-linkage (best threshold)", at, gold, curve)


def _best_threshold(
    name: str,
    labels_at: Callable[[float], dict[str, int]],
    gold: dict[str, str],
    curve: dict[float, float],
) -> Row:
    """The best-scoring row over THRESHOLDS (a baseline at its best), recording the curve."""
    best: Row | None = None
    for t in THRESHOLDS:
        row = score(name, labels_at(t), gold, note=f"cosine >= {t}")
        curve[t] = row.bcubed.f1
        if best is None or row.bcubed.f1 > best.bcubed.f1:
            best = row
    assert best is not None
    return best


def single_pass(sim: np.ndarray, threshold: float) -> list[int]:
    n = len(sim)
    dots = np.zeros((n, n))  # dots[i, k]: article i . (sum of cluster k's vectors)
    norm2 = np.zeros(n)
    labels: list[int] = []
    k = 0
    for i in range(n):
        best = -1
        if k:
            s = dots[i, :k] / np.sqrt(np.maximum(norm2[:k], 1e-12))
            j = int(np.argmax(s))
            if s[j] >= threshold:
                best = j
        if best < 0:
            best, k = k, k + 1
        norm2[best] += 2 * dots[i, best] + sim[i, i]
        dots[:, best] += sim[:, i]
        labels.append(best)
    return labels


def best_single_pass(
    sim: np.ndarray, ids: list[str], gold: dict[str, str], curve: dict[float, float]
) -> Row:
    return _best_threshold(
        "single-pass TF-IDF (best threshold)",
        lambda t: dict(zip(ids, single_pass(sim, t))),
        gold,
        curve,
    )


def run_set(
    name: str, data: Path, limit: int | None, settings: GroupingSettings = DEFAULT.grouping
) -> SetResult:
    labelled = LOADERS[name](data)
    t0 = time.perf_counter()
    cleaned = [clean(a) for a in labelled.articles]
    ms_clean = (time.perf_counter() - t0) * 1000 / len(cleaned)
    ordered = feed_order(cleaned)[:limit]
    gold = {a.id: labelled.gold[a.id] for a in ordered}
    t0 = time.perf_counter()
    feats = {a.id: features(a) for a in ordered}
    ms_features = (time.perf_counter() - t0) * 1000 / len(ordered)

    result = SetResult(name, len(ordered), len(set(gold.values())), ms_clean=ms_clean)
    result.ms_features = ms_features
    stream, times = run_newsfuse(ordered, feats, at_once=False, settings=settings)
    tenth = max(1, len(times) // 10)
    result.ms_add_first = 1000 * statistics.mean(times[:tenth])
    result.ms_add_last = 1000 * statistics.mean(times[-tenth:])
    result.rows.append(score("newsfuse, fed in order", stream, gold))
    at_once, _ = run_newsfuse(ordered, feats, at_once=True, settings=settings)
    result.rows.append(score("newsfuse, whole set at once", at_once, gold))
    # The second pass and the split (merge_small_events, split_events), as group() runs them.
    for once in (False, True):
        merged, _ = run_newsfuse(ordered, feats, once, settings, second_pass=True)
        label = "whole set at once" if once else "fed in order"
        result.rows.append(score(f"newsfuse + second pass, {label}", merged, gold))
    kept = store_kept(ordered)
    stored, _ = run_newsfuse(kept, feats, False, settings, second_pass=True)
    result.rows.append(
        score(
            "newsfuse + second pass, in order, screened",
            stored,
            {a.id: gold[a.id] for a in kept},
            note=f"{len(ordered) - len(kept)} screened out or a copy",
        )
    )
    unbounded, ex_times = run_newsfuse(ordered, feats, at_once=False, settings=exhaustive(settings))
    result.rows.append(
        score(
            "newsfuse, no index bounds (every event)",
            unbounded,
            gold,
            note=f"add {1000 * statistics.mean(ex_times[-tenth:]):.2f} ms (last tenth)",
        )
    )
    ids = [a.id for a in ordered]
    sim = tfidf_similarity(ordered)
    result.rows.append(best_agglomerative(sim, ids, gold, result.agglomerative_curve))
    result.rows.append(best_single_pass(sim, ids, gold, result.single_pass_curve))
    result.rows.append(score("every article alone", {i: k for k, i in enumerate(ids)}, gold))
    return result


@dataclass
class Growth:
    articles: int
    ms_per_article_first_1k: float  # clean + features + add
    ms_per_article_last_1k: float
    ms_add_first_1k: float
    ms_add_last_1k: float
    restore_s: float
    b3_f1: float


def run_growth(data: Path) -> Growth:
    """Every set in one stream (dated sets by date, then the undated ones): cost per article
    as the index grows, and restore() of the whole state."""
    arts: list[Article] = []
    gold: dict[str, str] = {}
    for name in SETS:
        labelled = LOADERS[name](data)
        for a in labelled.articles:
            aid = f"{name}:{a.id}"
            arts.append(a.model_copy(update={"id": aid}))
            gold[aid] = f"{name}:{labelled.gold[a.id]}"
    grouper = EventGrouper(DEFAULT.grouping)
    total, adds, rows = [], [], []
    for a in feed_order(arts):
        t0 = time.perf_counter()
        c = clean(a)
        f = grouper.features(c)
        t1 = time.perf_counter()
        asg = grouper.add(c.id, f, c.published)
        t2 = time.perf_counter()
        total.append(t2 - t0)
        adds.append(t2 - t1)
        rows.append((c.id, json.loads(json.dumps(f)), c.published, asg.event_id))
    t0 = time.perf_counter()
    restored = EventGrouper(DEFAULT.grouping).restore(rows)
    restore_s = time.perf_counter() - t0
    assert restored.groups_ == grouper.groups_
    k = min(1000, len(total) // 2)
    return Growth(
        len(total),
        1000 * statistics.mean(total[:k]),
        1000 * statistics.mean(total[-k:]),
        1000 * statistics.mean(adds[:k]),
        1000 * statistics.mean(adds[-k:]),
        restore_s,
        bcubed(from_groups(grouper.groups_), gold).f1,
    )


def print_set(r: SetResult) -> None:
    print(f"\n## {r.name}: {r.articles} articles, {r.events} gold events")
    print(f"{'system':45} {'B3 P':>6} {'B3 R':>6} {'B3 F1':>6} {'pw F1':>6} {'clusters':>8}  note")
    for row in r.rows:
        print(
            f"{row.system:45} {row.bcubed.precision:6.3f} {row.bcubed.recall:6.3f} "
            f"{row.bcubed.f1:6.3f} {row.pairwise.f1:6.3f} {row.clusters:8d}  {row.note}"
        )
    print(
        f"cost per article: clean {r.ms_clean:.2f} ms, features {r.ms_features:.2f} ms, "
        f"add {r.ms_add_first:.2f} ms (first tenth) / {r.ms_add_last:.2f} ms (last tenth)"
    )


def shared_threshold(results: list[SetResult], attr: str) -> tuple[float, dict[str, float]]:
    """The one threshold that maximises a baseline's mean B-cubed F1 over the sets (newsfuse
    also runs with one setting for every set), and the F1 it gives on each."""
    curves = [getattr(r, attr) for r in results]
    best = max(curves[0], key=lambda t: sum(c[t] for c in curves))
    return best, {r.name: getattr(r, attr)[best] for r in results}


def print_shared(results: list[SetResult]) -> dict[str, object]:
    agg_t, agg = shared_threshold(results, "agglomerative_curve")
    sp_t, sp = shared_threshold(results, "single_pass_curve")
    print("\n## one setting for every set (B-cubed F1)")
    print(f"{'set':12} {'newsfuse':>9} {'agglom.':>8} {'1-pass':>8}")
    ours = {r.name: r.rows[0].bcubed.f1 for r in results}
    for r in results:
        print(f"{r.name:12} {ours[r.name]:9.3f} {agg[r.name]:8.3f} {sp[r.name]:8.3f}")
    n = len(results)
    print(
        f"{'mean':12} {sum(ours.values()) / n:9.3f} {sum(agg.values()) / n:8.3f} "
        f"{sum(sp.values()) / n:8.3f}   (baselines at cosine >= {agg_t} and >= {sp_t})"
    )
    return {
        "agglomerative": {"threshold": agg_t, "b3_f1": agg},
        "single_pass": {"threshold": sp_t, "b3_f1": sp},
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=Path("../shared/data"))
    ap.add_argument("--sets", default=",".join(SETS))
    ap.add_argument("--limit", type=int, default=None, help="first N articles of each stream")
    ap.add_argument(
        "--grouping",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="run newsfuse with this GroupingSettings field changed (repeatable)",
    )
    ap.add_argument("--out", type=Path, default=RESULTS, help=f"results JSON (default {RESULTS})")
    args = ap.parse_args()
    settings = grouping_settings(args.grouping)
    if args.grouping:
        print(f"grouping settings changed: {', '.join(args.grouping)}")
    require_path(args.data, "benchmark data folder (--data)", kind="dir")
    names = [s for s in args.sets.split(",") if s]
    for s in names:
        if s not in LOADERS:
            sys.exit(f"--sets: unknown set {s!r} (known: {', '.join(SETS)})")
    results = []
    for s in names:
        r = run_set(s, args.data, args.limit, settings)
        print_set(r)
        results.append(r)
    shared = print_shared(results) if len(results) > 1 else {}
    if args.limit is None and tuple(names) == SETS and not args.grouping:
        growth = run_growth(args.data)
        print(
            f"\n## all sets as one stream: {growth.articles} articles, B3 F1 {growth.b3_f1:.3f}\n"
            f"clean+features+add per article: {growth.ms_per_article_first_1k:.2f} ms (first 1k)"
            f" / {growth.ms_per_article_last_1k:.2f} ms (last 1k); add alone "
            f"{growth.ms_add_first_1k:.2f} / {growth.ms_add_last_1k:.2f} ms; "
            f"restore() of all {growth.articles}: {growth.restore_s:.2f} s"
        )
        args.out.parent.mkdir(parents=True, exist_ok=True)
        out = {
            "command": "benchmarks/events.py --data ../shared/data",
            "settings": asdict(DEFAULT.grouping),
            "sets": [asdict(r) for r in results],
            "baselines_one_threshold": shared,
            "one_stream": asdict(growth),
        }
        args.out.write_text(json.dumps(out, indent=2) + "\n")
        print(f"\nwrote {args.out}")


if __name__ == "__main__":
    main()
