"""Ingest speed of the store: every article of the shared data into a fresh store.

    .venv/bin/python benchmarks/ingest.py --data ../shared/data [--limit N] [--db URL]

All articles of DUC 2004, Multi-News dev, ECB+ topics 1-25, the Gun Violence Archive set and
Timeline17 are written as one JSONL file, shuffled with a fixed seed (so the first and last
thousand are the same mix of sources and lengths: what changes between them is only the size
of the store), and added with ``Store.add`` in one call: reading, cleaning, screening,
grouping into events and writing, in batches. The briefs of all touched events are then
recomputed, timed separately because they are a different cost (one ``fuse`` per event).

Prints a table; writes ``benchmarks/results/ingest.json`` only after a complete run over all
the data (not with --limit).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).parent / "results" / "ingest.json"
GOLD = "_gold_event"  # kept out of the JSONL the store reads
SETS = {"duc": "DUC 2004", "mn": "Multi-News dev", "ecb": "ECB+ 1-25", "gva": "GVA 2013-2015"}
_PASSAGE = re.compile(r"(?:^|\n)Passage \d+:\n")


def load(data: Path) -> list[dict[str, object]]:
    """Every article of the shared data as {"id", "text", "published"?, ...}, ids unique; the
    gold event, where the set has one (not Timeline17), under ``GOLD``."""
    rows: list[dict[str, object]] = []
    with open(data / "duc2004" / "duc2004_task2.jsonl") as f:
        for line in f:
            cluster = json.loads(line)
            for d in cluster["documents"]:
                m = re.search(r"(\d{4})(\d{2})(\d{2})", d["docno"])
                day = f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else None
                rows.append(
                    {
                        "id": f"duc/{d['docno']}",
                        "text": d["text"],
                        "published": day,
                        GOLD: cluster["cluster_id"],
                    }
                )
    with open(data / "multi_news" / "multi_news_dev.jsonl") as f:
        for line in f:
            cluster = json.loads(line)
            for i, text in enumerate(p for p in _PASSAGE.split(cluster["context"]) if p.strip()):
                rows.append({"id": f"mn/{cluster['_id']}/{i}", "text": text, GOLD: cluster["_id"]})
    with open(data / "ecbplus" / "ecbplus_dev_topics_1-25.jsonl") as f:
        for line in f:
            doc = json.loads(line)
            rows.append(
                {"id": f"ecb/{doc['doc_name']}", "text": doc["text"], GOLD: doc["event_cluster"]}
            )
    with open(data / "gva" / "gva_2013-2015.jsonl") as f:
        for line in f:
            doc = json.loads(line)
            row = {k: doc.get(k) for k in ("title", "url", "source", "published")}
            rows.append({"id": f"gva/{doc['id']}", "text": doc["text"], **row, GOLD: doc["event"]})
    for path in sorted((data / "timeline17").glob("*/articles.jsonl")):
        with open(path) as f:
            for line in f:
                doc = json.loads(line)
                rows.append(
                    {
                        "id": f"t17/{path.parent.name}/{doc['id']}",
                        "text": doc["text"],
                        "published": doc.get("time"),
                    }
                )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--limit", type=int, help="only the first N articles after shuffling")
    parser.add_argument("--db", help="a store URL (default: a fresh SQLite file in a temp dir)")
    parser.add_argument("--no-briefs", action="store_true", help="skip the brief refresh")
    parser.add_argument(
        "--brief-sample",
        type=int,
        default=300,
        help="brief only this many events (seeded sample) and extrapolate; 0: all",
    )
    parser.add_argument(
        "--workers", type=int, default=1, help="worker processes (default 1: none; 0: per CPU)"
    )
    args = parser.parse_args()
    from newsfuse.eval.results import require_path

    require_path(args.data, "benchmark data folder (--data)", kind="dir")

    from dataclasses import replace

    from newsfuse.settings import DEFAULT
    from newsfuse.store import Store

    settings = replace(DEFAULT, store=replace(DEFAULT.store, workers=args.workers))

    rows = load(args.data)
    random.Random(0).shuffle(rows)
    total_available = len(rows)
    if args.limit:
        rows = rows[: args.limit]
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "all.jsonl"
        gold = {str(r["id"]): str(r[GOLD]) for r in rows if GOLD in r}
        src.write_text(
            "".join(
                json.dumps({k: v for k, v in r.items() if k != GOLD}, ensure_ascii=False) + "\n"
                for r in rows
            )
        )
        location = args.db or str(Path(tmp) / "bench.db")
        marks: list[tuple[int, float]] = []
        brief_marks: list[float] = []

        def progress(stage: str, done: int, total: int) -> None:
            if stage == "adding":
                marks.append((done, time.perf_counter()))
            else:
                brief_marks.append(time.perf_counter())

        load_before = os.getloadavg()[0]
        started = time.perf_counter()
        with Store(location, settings=settings) as store:
            report = store.add([src], refresh=False, progress=progress)
            added_at = time.perf_counter()
            listed = store.events()
            n_events = len(listed)
            quality = _quality(listed, gold)
            sample = [e.id for e in listed]
            if args.brief_sample and args.brief_sample < n_events:
                sample = random.Random(0).sample(sample, args.brief_sample)
            brief_from = time.perf_counter()
            refreshed = [] if args.no_briefs else store.refresh(sample, progress=progress)
            done_at = time.perf_counter()
            largest = max(listed, key=lambda e: len(e.articles)) if listed else None
            largest_s = 0.0
            if largest is not None and not args.no_briefs and largest.id not in sample:
                t = time.perf_counter()
                store.refresh([largest.id])
                largest_s = time.perf_counter() - t
    n = len(rows)
    add_s = added_at - started
    read_s = marks[0][1] - started if marks else 0.0
    per_article = _window_costs(marks, n)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    # Workers (cleaning/features ahead of grouping; briefs) are separate processes: the largest.
    child_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    result = {
        "articles": n,
        "new": report.count("new"),
        "duplicates": report.count("duplicate"),
        "skipped": report.count("skipped"),
        "events": n_events,
        "add_seconds": round(add_s, 2),
        "read_seconds": round(read_s, 2),
        "add_articles_per_second": round(n / add_s, 1),
        "first_1k_ms_per_article": per_article[0],
        "last_1k_ms_per_article": per_article[1],
        "last_over_first": round(per_article[1] / per_article[0], 2) if per_article[0] else None,
        "briefs_refreshed": len(refreshed),
        "brief_seconds": round(done_at - brief_from, 2),
        "brief_seconds_per_event": round((done_at - brief_from) / max(1, len(refreshed)), 3),
        "brief_seconds_all_events_estimated": round(
            (done_at - brief_from) / max(1, len(refreshed)) * n_events, 1
        ),
        "largest_event_articles": len(largest.articles) if largest else 0,
        "largest_event_brief_seconds": round(largest_s, 2),
        "total_articles_per_second_estimated": round(
            n / (add_s + (done_at - brief_from) / max(1, len(refreshed)) * n_events), 1
        ),
        "bcubed_f1_per_set": quality,
        "peak_rss_mb": round(peak_mb),
        "peak_rss_worker_mb": round(child_mb),
        "workers": _workers(args.workers),
        "store": "postgresql" if args.db and args.db.startswith("postgres") else "sqlite",
        # Other processes share this machine's 2 cores: wall-clock figures depend on them.
        "load_average_1min": [round(load_before, 2), round(os.getloadavg()[0], 2)],
        "cpus": os.cpu_count(),
    }
    _print(result)
    if not args.limit and n == total_available:
        RESULTS.parent.mkdir(exist_ok=True)
        RESULTS.write_text(json.dumps(result, indent=2) + "\n")
        print(f"wrote {RESULTS}", file=sys.stderr)


def _workers(setting: int) -> int:
    from newsfuse.store.store import _workers as workers

    return workers(setting)


def _quality(listed: list[Any], gold: dict[str, str]) -> dict[str, dict[str, float]]:
    """B-cubed precision, recall and F1 of the store's events on each set with gold events,
    over that set's stored articles (an event is cut to them: other sets' articles do not
    count as errors here; one set's articles in another set's event are split off)."""
    from newsfuse.eval.clustering import bcubed

    event_of = {a: e.id for e in listed for a in e.articles}
    out: dict[str, dict[str, float]] = {}
    for prefix, name in SETS.items():
        ids = sorted(i for i in gold if i.startswith(prefix + "/") and i in event_of)
        if not ids:
            continue
        prf = bcubed({i: event_of[i] for i in ids}, {i: gold[i] for i in ids})
        out[name] = {
            "articles": len(ids),
            "precision": round(prf.precision, 3),
            "recall": round(prf.recall, 3),
            "f1": round(prf.f1, 3),
        }
    return out


def _window_costs(marks: list[tuple[int, float]], n: int) -> tuple[float, float]:
    """ms per article over the first and the last 1,000 articles (batch boundaries)."""
    if len(marks) < 2:
        return 0.0, 0.0
    window = min(1000, n // 2)

    def cost(lo: int, hi: int) -> float:
        inside = [(d, t) for d, t in marks if lo <= d <= hi]
        (d0, t0), (d1, t1) = inside[0], inside[-1]
        return round(1000 * (t1 - t0) / max(1, d1 - d0), 2)

    return cost(0, window), cost(n - window, n)


def _print(r: dict[str, object]) -> None:
    rows = [
        (
            "articles (new / duplicate / skipped)",
            f"{r['articles']} ({r['new']} / {r['duplicates']} / {r['skipped']})",
        ),
        ("events", r["events"]),
        ("add: articles/s (read, clean, group, write)", r["add_articles_per_second"]),
        ("  of which reading the JSONL, s", r["read_seconds"]),
        ("ms per article, first 1k", r["first_1k_ms_per_article"]),
        ("ms per article, last 1k", r["last_1k_ms_per_article"]),
        ("last / first (target <= 1.5)", r["last_over_first"]),
        ("brief refresh: events (sample), s", f"{r['briefs_refreshed']}, {r['brief_seconds']}"),
        ("  s per event", r["brief_seconds_per_event"]),
        ("  all events, s (estimated)", r["brief_seconds_all_events_estimated"]),
        (
            "  largest event: articles, s",
            f"{r['largest_event_articles']}, {r['largest_event_brief_seconds']}",
        ),
        ("add + all briefs: articles/s (estimated)", r["total_articles_per_second_estimated"]),
        ("load average before / after (cpus)", f"{r['load_average_1min']} ({r['cpus']})"),
        ("peak RSS, MB (target <= 1024)", r["peak_rss_mb"]),
        (f"  largest of {r['workers']} workers, MB", r["peak_rss_worker_mb"]),
    ]
    quality = r["bcubed_f1_per_set"]
    assert isinstance(quality, dict)
    for name, q in quality.items():
        rows.append(
            (
                f"store events B-cubed P/R/F1, {name} ({q['articles']})",
                f"{q['precision']} / {q['recall']} / {q['f1']}",
            )
        )
    width = max(len(k) for k, _ in rows)
    for k, v in rows:
        print(f"{k.ljust(width)}  {v}")


if __name__ == "__main__":
    main()
