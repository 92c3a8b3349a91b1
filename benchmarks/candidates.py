"""Candidate search for EventGrouper.add(): the shipped inverted index against a scan and LSH.

An arriving article is scored only against candidate events; how they are found decides what
an add() costs as the store grows, and which event the article can join at all. Compared, each
as a subclass of EventGrouper that overrides ``_candidates`` (the product code is unchanged):

- ``index``: the inverted index as shipped (the article's ``candidate_terms`` heaviest terms,
  the last ``max_postings`` events of each, the ``max_candidates`` with most votes);
- ``index, bounds off``: the same index with its three bounds removed (every event holding any
  of the article's terms: ``events.exhaustive``, what the README compared before);
- ``scan``: every stored event scored;
- ``LSH t=...``: MinHash LSH (``datasketch.MinHashLSH``, 128 permutations, a few Jaccard
  thresholds): every added article's feature terms (``feats["terms"]``, up to 200) go in as
  one MinHash; the candidates are the events of the articles it returns for the new one. The
  second pass (``merge_small_events``) asks it with each member of the small event. ``LSH
  vector`` hashes the terms of the article's TF-IDF vector instead (its ``max_terms`` heaviest,
  weighed with the IDF of the moment it came).

Measured on each set of benchmarks/events.py (its loaders; fed in ``feed_order`` with the
default settings): B-cubed F1 after the single pass and after ``merge_small_events`` +
``split_events`` (as ``group()`` runs them), and the candidates scored per add. On all sets as
one stream (as ``events.run_growth`` builds it): ms per add() on the first and last tenth and
their ratio, candidates per add, B-cubed F1 (single pass, and with both later passes), how
close each grouping is to the scan's (B-cubed F1 of one against the other), and peak RSS: each
stream runs in a forked child, so its peak is its own (it starts from the parent's RSS with
every article's features loaded: "growth" is the child's peak minus that).

    .venv/bin/python benchmarks/candidates.py --data ../shared/data [--sets gva] [--limit N]

Writes benchmarks/results/candidates.json atomically, only after a complete run (all sets, no
limit); a partial run (``--sets``, ``--limit``, no stream) writes only where ``--out`` says.
"""

from __future__ import annotations

import argparse
import datetime as dt
import multiprocessing as mp
import statistics
import sys
import time
import traceback
from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from datasketch import MinHash, MinHashLSH

sys.path.insert(0, str(Path(__file__).resolve().parent))

from events import LOADERS, SETS, exhaustive
from newsfuse.eval.clustering import bcubed, from_groups
from newsfuse.eval.results import finish_run, require_path
from newsfuse.events import EventGrouper, features, feed_order
from newsfuse.events.extract import Features
from newsfuse.events.grouper import Assignment, _Event
from newsfuse.fusion.clean import clean
from newsfuse.models import Article
from newsfuse.settings import DEFAULT, GroupingSettings

RESULTS = Path(__file__).parent / "results" / "candidates.json"
NUM_PERM = 128
# Same-event pairs of ECB+ and DUC share 6-30% of their feature terms (Jaccard deciles), other
# pairs 1-5%: the thresholds span that range.
LSH_THRESHOLDS = (0.05, 0.1, 0.2)
# On the vectors' distinctive terms, pairs share more.
VECTOR_THRESHOLDS = (0.05, 0.1)


class Counting(EventGrouper):
    """EventGrouper that records how many candidates each add() scored (a list append per
    add: nothing next to the scoring)."""

    def __init__(self, settings: GroupingSettings) -> None:
        super().__init__(settings)
        self.n_candidates_: list[int] = []
        self._in_add = False

    def add(self, article_id: str, feats: Features, published: dt.date | None) -> Assignment:
        self._in_add = True
        try:
            return super().add(article_id, feats, published)
        finally:
            self._in_add = False

    def _candidates(self, weights: Mapping[str, float]) -> list[str]:
        found = self._find(weights)
        if self._in_add:
            self.n_candidates_.append(len(found))
        return found

    def _find(self, weights: Mapping[str, float]) -> list[str]:
        return super()._candidates(weights)


class Scan(Counting):
    """Every stored event is a candidate (an event sharing no term scores 0 and is passed by)."""

    def _find(self, weights: Mapping[str, float]) -> list[str]:
        return list(self.events_)


class LSH(Counting):
    """Candidates from MinHash LSH over the added articles' term sets: their feature terms
    (``on="features"``, up to 200 per article), or the terms of their TF-IDF vector at the
    moment they came (``on="vector"``, the ``max_terms`` heaviest: the distinctive ones)."""

    def __init__(
        self,
        settings: GroupingSettings,
        threshold: float,
        on: str = "features",
        num_perm: int = NUM_PERM,
    ) -> None:
        super().__init__(settings)
        self.num_perm, self.on = num_perm, on
        self.lsh_ = MinHashLSH(threshold=threshold, num_perm=num_perm)
        # Drawn once: MinHash(num_perm) would draw the same permutations again for each article.
        template = MinHash(num_perm=num_perm)
        self._permutations, self._scheme = template.permutations, template.scheme
        self.minhash_: dict[str, MinHash] = {}  # article id -> its MinHash (the merge pass asks)
        self.order_: dict[str, int] = {}  # article id -> position in the stream
        self._query: list[MinHash] = []
        # Seconds of each add() spent hashing, querying and inserting (the LSH's own cost).
        self.lsh_s_: list[float] = []
        self._spent = 0.0

    def _minhash(self, terms: Iterable[str]) -> MinHash:
        m = MinHash(self.num_perm, permutations=self._permutations, scheme=self._scheme)
        m.update_batch([t.encode("utf-8") for t in terms])
        return m

    def add(self, article_id: str, feats: Features, published: dt.date | None) -> Assignment:
        if article_id in self.event_of_:
            return super().add(article_id, feats, published)
        self._spent = 0.0
        if self.on == "features":
            t0 = time.perf_counter()
            self._query = [self._minhash(feats["terms"])]
            self._spent += time.perf_counter() - t0
        assignment = super().add(article_id, feats, published)
        m, self._query = self._query[0], []
        t0 = time.perf_counter()
        self.lsh_.insert(article_id, m, check_duplication=False)
        self.lsh_s_.append(self._spent + time.perf_counter() - t0)
        self.minhash_[article_id] = m
        self.order_[article_id] = len(self.order_)
        return assignment

    def _closest_event(self, event: _Event) -> _Event | None:
        # The second pass asks for the events near a small event: its members' neighbours.
        self._query = [self.minhash_[a] for a in event.members if a in self.minhash_]
        try:
            return super()._closest_event(event)
        finally:
            self._query = []

    def _find(self, weights: Mapping[str, float]) -> list[str]:
        t0 = time.perf_counter()
        if self._in_add and self.on == "vector":
            self._query = [self._minhash(weights)]  # add() passes the article's vector
        found: set[str] = set()
        for m in self._query:
            found.update(self.lsh_.query(m))
        # In stream order, so the run does not depend on the hash seed (ties keep the first).
        ordered = sorted(found, key=self.order_.__getitem__)
        if self._in_add:
            self._spent += time.perf_counter() - t0
        return list(dict.fromkeys(self.event_of_[a] for a in ordered))


def bands_rows(threshold: float) -> tuple[int, int]:
    """The bands and rows per band datasketch picks for a threshold (its default weights)."""
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    return lsh.b, lsh.r


@dataclass(frozen=True)
class Method:
    name: str
    make: Callable[[], Counting]


def methods(settings: GroupingSettings) -> list[Method]:
    return [
        Method("index (shipped)", lambda: Counting(settings)),
        Method("index, bounds off", lambda: Counting(exhaustive(settings))),
        Method("scan (every event)", lambda: Scan(settings)),
        *(
            Method(
                f"LSH {on} t={t} ({','.join(map(str, bands_rows(t)))})",
                lambda t=t, on=on: LSH(settings, t, on),
            )
            for on, thresholds in (("features", LSH_THRESHOLDS), ("vector", VECTOR_THRESHOLDS))
            for t in thresholds
        ),
    ]


@dataclass
class Prepared:
    ordered: list[Article]
    feats: dict[str, dict]
    gold: dict[str, str]


def prepare_set(name: str, data: Path, limit: int | None) -> tuple[Prepared, list[Article]]:
    """The set fed in order as events.run_set feeds it, and its cleaned articles in file order."""
    labelled = LOADERS[name](data)
    cleaned = [clean(a) for a in labelled.articles]
    ordered = feed_order(cleaned)[:limit]
    feats = {a.id: features(a) for a in ordered}
    return Prepared(ordered, feats, {a.id: labelled.gold[a.id] for a in ordered}), cleaned


def prepare_stream(data: Path, sets: dict[str, tuple[Prepared, list[Article]]]) -> Prepared:
    """Every set in one stream, ordered as events.run_growth orders it (raw articles by
    date), with the features computed for the sets (they depend on the cleaned article only)."""
    raw: list[Article] = []
    by_id: dict[str, Article] = {}
    feats: dict[str, dict] = {}
    gold: dict[str, str] = {}
    for name in SETS:
        labelled = LOADERS[name](data)
        prepared, cleaned = sets[name]
        for a, c in zip(labelled.articles, cleaned, strict=True):
            aid = f"{name}:{a.id}"
            raw.append(a.model_copy(update={"id": aid}))
            by_id[aid] = c.model_copy(update={"id": aid})
            feats[aid] = prepared.feats[a.id]
            gold[aid] = f"{name}:{labelled.gold[a.id]}"
    ordered = [by_id[a.id] for a in feed_order(raw)]
    return Prepared(ordered, feats, gold)


def run(method: Method, p: Prepared, timed: bool = False) -> dict[str, Any]:
    """Feed ``p`` to a fresh grouper, then both later passes; scores, candidates, timings."""
    grouper = method.make()
    times: list[float] = []
    for a in p.ordered:
        t0 = time.perf_counter()
        grouper.add(a.id, p.feats[a.id], a.published)
        times.append(time.perf_counter() - t0)
    single = grouper.groups_
    t0 = time.perf_counter()
    grouper.merge_small_events()
    grouper.split_events(p.feats, {a.id: a.published for a in p.ordered})
    passes_s = time.perf_counter() - t0
    out: dict[str, Any] = {
        "b3_f1_single_pass": bcubed(from_groups(single), p.gold).f1,
        "b3_f1": bcubed(from_groups(grouper.groups_), p.gold).f1,
        "events": len(grouper.events_),
        "candidates_per_add": statistics.mean(grouper.n_candidates_),
        "single_pass_groups": single,
    }
    if timed:
        tenth = max(1, len(times) // 10)
        first, last = times[:tenth], times[-tenth:]
        cands = grouper.n_candidates_
        out |= {
            "articles": len(times),
            "ms_add_first_tenth": 1000 * statistics.mean(first),
            "ms_add_last_tenth": 1000 * statistics.mean(last),
            "ms_add_median_first_tenth": 1000 * statistics.median(first),
            "ms_add_median_last_tenth": 1000 * statistics.median(last),
            "last_over_first": statistics.mean(last) / statistics.mean(first),
            "candidates_first_tenth": statistics.mean(cands[:tenth]),
            "candidates_last_tenth": statistics.mean(cands[-tenth:]),
            "later_passes_s": passes_s,
        }
        if isinstance(grouper, LSH):
            spent = grouper.lsh_s_
            out["ms_lsh_first_tenth"] = 1000 * statistics.mean(spent[:tenth])
            out["ms_lsh_last_tenth"] = 1000 * statistics.mean(spent[-tenth:])
    return out


def _rss_kb(field: str) -> int:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def _child(conn: Any, method: Method, p: Prepared) -> None:
    try:
        start = _rss_kb("VmRSS")
        result = run(method, p, timed=True)
        peak = _rss_kb("VmHWM")
        result |= {"peak_rss_mb": peak / 1024, "rss_growth_mb": (peak - start) / 1024}
        conn.send(("ok", result))
    except BaseException:
        conn.send(("error", traceback.format_exc()))
    finally:
        conn.close()


def run_in_child(method: Method, p: Prepared) -> dict[str, Any]:
    """``run(method, p, timed=True)`` in a forked child (its peak RSS is then its own; the
    children run one after another, never two at once)."""
    ctx = mp.get_context("fork")
    receive, send = ctx.Pipe(duplex=False)
    child = ctx.Process(target=_child, args=(send, method, p))
    child.start()
    send.close()
    status, result = receive.recv()
    child.join()
    if status != "ok":
        raise RuntimeError(f"{method.name}: {result}")
    return result


def print_table(names: list[str], per_set: dict[str, dict], stream: dict[str, dict]) -> None:
    sets = list(next(iter(per_set.values()))) if per_set else []
    head = " ".join(f"{s[:10]:>10}" for s in sets)
    print("\n## B-cubed F1 per set (single pass -> with both later passes), candidates per add")
    print(f"{'method':26} {head}")
    for n in names:
        cells = " ".join(
            f"{per_set[n][s]['b3_f1_single_pass']:.3f}>{per_set[n][s]['b3_f1']:.3f}" for s in sets
        )
        print(f"{n:26} {cells}")
    print(f"{'  candidates per add':26}")
    for n in names:
        print(f"{n:26} " + " ".join(f"{per_set[n][s]['candidates_per_add']:10.1f}" for s in sets))
    if not stream:
        return
    r0 = next(iter(stream.values()))
    print(
        f"\n## all sets as one stream ({r0['articles']} articles): add() ms first/last tenth, "
        "ratio, candidates per add (last tenth), B3 F1 single/with passes, B3 F1 against the "
        "scan, peak RSS MB (growth), ms of the add spent in the LSH (last tenth)"
    )
    print(
        f"{'method':26} {'first':>6} {'last':>6} {'ratio':>5} {'cands':>6} "
        f"{'F1 1p':>6} {'F1':>6} {'~scan':>6} {'peak':>6} {'grow':>5} {'lsh ms':>6}"
    )
    for n in names:
        r = stream[n]
        print(
            f"{n:26} {r['ms_add_first_tenth']:6.2f} {r['ms_add_last_tenth']:6.2f} "
            f"{r['last_over_first']:5.2f} {r['candidates_last_tenth']:6.1f} "
            f"{r['b3_f1_single_pass']:6.3f} {r['b3_f1']:6.3f} {r['b3_f1_vs_scan']:6.3f} "
            f"{r['peak_rss_mb']:6.0f} {r['rss_growth_mb']:5.0f} "
            + (f"{r['ms_lsh_last_tenth']:6.2f}" if "ms_lsh_last_tenth" in r else "")
        )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=Path("../shared/data"))
    ap.add_argument("--sets", default=",".join(SETS))
    ap.add_argument("--limit", type=int, default=None, help="first N articles of each set")
    ap.add_argument(
        "--out",
        type=Path,
        default=None,
        help=f"results JSON (default {RESULTS}, written by a complete run; a partial one writes "
        "only where --out says)",
    )
    args = ap.parse_args()
    require_path(args.data, "benchmark data folder (--data)", kind="dir")
    names = [s for s in args.sets.split(",") if s]
    for s in names:
        if s not in LOADERS:
            sys.exit(f"--sets: unknown set {s!r} (known: {', '.join(SETS)})")
    complete = args.limit is None and tuple(names) == SETS
    settings = DEFAULT.grouping
    ms = methods(settings)

    t0 = time.perf_counter()
    prepared = {s: prepare_set(s, args.data, args.limit) for s in names}
    print(
        f"cleaned and featured {sum(len(p.ordered) for p, _ in prepared.values())} articles "
        f"in {time.perf_counter() - t0:.0f} s",
        file=sys.stderr,
    )

    # The streams first, each in a child forked from this process holding only the features.
    stream: dict[str, dict] = {}
    if complete:
        p = prepare_stream(args.data, prepared)
        for m in ms:
            stream[m.name] = run_in_child(m, p)
            print(f"stream: {m.name} done", file=sys.stderr)
        scan = from_groups(stream["scan (every event)"]["single_pass_groups"])
        for r in stream.values():
            r["b3_f1_vs_scan"] = bcubed(from_groups(r.pop("single_pass_groups")), scan).f1

    per_set: dict[str, dict] = {m.name: {} for m in ms}
    for s in names:
        for m in ms:
            r = run(m, prepared[s][0])
            del r["single_pass_groups"]
            per_set[m.name][s] = r
        print(f"set {s} done", file=sys.stderr)

    print_table([m.name for m in ms], per_set, stream)
    if not complete and args.out is None:
        print("\n(a partial run: results not written; give --out to keep them)")
        return 0
    report = {
        "command": "benchmarks/candidates.py --data ../shared/data"
        + ("" if complete else f" --sets {','.join(names)} --limit {args.limit}"),
        "date": dt.date.today().isoformat(),
        "settings": asdict(settings),
        "lsh": {
            "num_perm": NUM_PERM,
            "datasketch": "2.0.0",
            # The bands and rows datasketch chose for each threshold (its default weights).
            "bands_rows": {str(t): bands_rows(t) for t in LSH_THRESHOLDS},
        },
        "sets": per_set,
        "one_stream": stream,
    }
    return finish_run(args.out or RESULTS, report)


if __name__ == "__main__":
    sys.exit(main())
