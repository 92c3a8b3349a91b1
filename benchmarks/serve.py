"""Load on the web app: 50 concurrent readers while one writer posts 500 articles.

    .venv/bin/python benchmarks/serve.py --data ../shared/data [--store PATH]

Every article of the shared data (read as ``benchmarks/ingest.py`` reads it, shuffled with
the same seed) goes into a SQLite store with all its events' briefs, except the last 500:
those are held out, to be posted (``--posts N``: the first N of them; the few that the store
has anyway, a DUC document filed in two clusters, must be answered "duplicate"). Building
takes several minutes (a brief per event); ``--store PATH`` keeps the built store at PATH and
reuses it on the next run. The run itself is always on a copy, served by ``newsfuse serve`` in a subprocess on 127.0.0.1.

Two phases, each a bounded number of requests by ``--readers`` (50) asynchronous httpx
clients, each with one request in flight and no pause between them (a saturating load: what
is measured is the latency at the app's full throughput on this machine):

1. readers only, ``--baseline-reads`` requests each: the baseline of the same run;
2. the readers again, while one writer POSTs the held-out articles to ``/api/v1/articles``,
   one by one or ``--batch N`` a request (``{"articles": [...]}``); the readers stop when
   the writer is done (or after ``--max-reads`` each). Each POST waits for the briefs it
   makes stale, and a held-out Timeline17 article usually joins an event of hundreds of
   articles whose brief takes seconds to fuse again: one by one, 500 posts take over an hour
   on this shared machine, hence ``--batch``.

A reader's request is, by turns drawn with a fixed seed: a brief page ``/events/{id}`` (the
event drawn uniformly), an events page ``/?page=N``, an article page, the API's
``/api/v1/events/{id}`` or ``/api/v1/events?offset=N``. Reported per route kind and phase:
requests, errors (a status other than 2xx, a timeout, a refused connection), p50/p95/p99
latency in ms measured by the client; requests/s per phase. Then the store copy is read back
with the Python API: every article the writer posted must be stored exactly once (the same
text once), the ones answered "new" under the id they were given.

Targets (issue 10, on this 2-core machine): p95 <= 100 ms for the brief page, zero errors,
zero lost articles. The load generator shares the 2 cores with the app.

Prints a table; writes ``benchmarks/results/serve.json`` (numbers only, no article text) after
a complete run with the default sizes (``--out`` to write elsewhere).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from ingest import load
from newsfuse.eval.results import finish_run, require_path
from webapp import running_app

RESULTS = Path(__file__).parent / "results" / "serve.json"
KINDS = ("brief page", "events page", "article page", "api event", "api events")
WEIGHTS = (4, 2, 1, 2, 1)
TARGET_BRIEF_P95_MS = 100.0
HELD_OUT = 500  # articles kept out of the store; --posts posts the first N of them


@dataclass
class Samples:
    """Latencies (ms) and errors per route kind."""

    ms: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: Counter[str] = field(default_factory=Counter)
    error_kinds: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0


def split(data: Path, posts: int) -> tuple[list[dict[str, Any]], list[dict[str, Any]], set[str]]:
    """The store's articles, the held-out ones (the same for every run), and the ids of the
    held-out ones that the store has all the same (a DUC document in two clusters): posting
    one of those again must answer "duplicate" and store nothing."""
    rows = load(data)
    random.Random(0).shuffle(rows)
    stored, held_out = rows[:-posts], rows[-posts:]
    return stored, held_out, {r["id"] for r in stored} & {r["id"] for r in held_out}


def build(rows: list[dict[str, Any]], path: Path) -> None:
    from newsfuse.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "store.jsonl"
        src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
        started = time.perf_counter()
        with Store(path) as store:
            store.add([src])
        print(f"built {path} in {time.perf_counter() - started:.0f} s", file=sys.stderr)


def copy_store(src: Path, dst: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{src}{suffix}").exists():
            shutil.copyfile(f"{src}{suffix}", f"{dst}{suffix}")


def pools(store: Path) -> dict[str, list[str]]:
    """The URLs of each route kind a reader draws from."""
    from newsfuse.store import Store

    with Store(store) as s:
        events = s.events()
    ids = [e.id for e in events]
    articles = [a for e in events for a in e.articles[:1]]
    pages = max(1, min(20, len(ids) // 20))
    return {
        "brief page": [f"/events/{i}" for i in ids],
        "events page": [f"/?page={n}" for n in range(1, pages + 1)],
        "article page": [f"/articles/{a}" for a in articles],
        "api event": [f"/api/v1/events/{i}" for i in ids],
        "api events": [f"/api/v1/events?limit=50&offset={50 * n}" for n in range(pages)],
    }


async def reader(
    client: httpx.AsyncClient,
    urls: dict[str, list[str]],
    seed: int,
    count: int,
    samples: Samples,
    stop: asyncio.Event | None,
) -> None:
    rng = random.Random(seed)
    for _ in range(count):
        if stop is not None and stop.is_set():
            return
        kind = rng.choices(KINDS, WEIGHTS)[0]
        url = rng.choice(urls[kind])
        t = time.perf_counter()
        try:
            r = await client.get(url)
            ok = r.status_code == 200 and len(r.content) > 0
            why = "" if ok else f"HTTP {r.status_code}"
        except httpx.HTTPError as e:
            ok, why = False, type(e).__name__
        samples.ms[kind].append(1000 * (time.perf_counter() - t))
        if not ok:
            samples.errors[kind] += 1
            samples.error_kinds[f"{kind}: {why}"] += 1


async def writer(
    client: httpx.AsyncClient, rows: list[dict[str, Any]], batch: int, samples: Samples
) -> list[dict[str, Any] | None]:
    """POST the rows, ``batch`` a request (1: each alone, else ``{"articles": [...]}``); the
    AddedArticle the app answered for each row (None: no answer)."""
    answers: list[dict[str, Any] | None] = []
    for start in range(0, len(rows), batch):
        chunk = [{k: v for k, v in row.items() if v is not None} for row in rows[start:][:batch]]
        body = chunk[0] if batch == 1 else {"articles": chunk}
        t = time.perf_counter()
        got: list[dict[str, Any] | None] = [None] * len(chunk)
        try:
            r = await client.post("/api/v1/articles", json=body, timeout=600)
            ok = r.status_code in (200, 201)
            why = f"HTTP {r.status_code}"
            if ok:
                added = r.json().get("articles") or []
                ok = len(added) == len(chunk)  # one answer per article, in order
                got = list(added) if ok else got
        except httpx.HTTPError as e:
            ok, why = False, type(e).__name__
        samples.ms["post articles"].append(1000 * (time.perf_counter() - t))
        print(f"posted {start + len(chunk)} of {len(rows)}", file=sys.stderr, flush=True)
        if not ok:
            samples.errors["post articles"] += 1
            samples.error_kinds[f"post articles: {why}"] += 1
        answers.extend(got)
    return answers


async def run_phase(
    base: str,
    urls: dict[str, list[str]],
    readers: int,
    reads: int,
    posts: list[dict[str, Any]] | None,
    batch: int,
    seed: int,
) -> tuple[Samples, list[dict[str, Any] | None]]:
    samples = Samples()
    limits = httpx.Limits(max_connections=readers + 1, max_keepalive_connections=readers + 1)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:
        stop = asyncio.Event() if posts is not None else None
        started = time.perf_counter()
        tasks = [
            asyncio.create_task(reader(client, urls, seed * 1000 + i, reads, samples, stop))
            for i in range(readers)
        ]
        answers: list[dict[str, Any] | None] = []
        if posts is not None and stop is not None:
            answers = await writer(client, posts, batch, samples)
            stop.set()
        await asyncio.gather(*tasks)
        samples.seconds = time.perf_counter() - started
    return samples, answers


def pct(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    if len(values) == 1:
        return round(values[0], 1)
    return round(statistics.quantiles(values, n=100, method="inclusive")[q - 1], 1)


def summary(samples: Samples) -> dict[str, Any]:
    kinds = {}
    for kind, ms in sorted(samples.ms.items(), key=lambda kv: [*KINDS, kv[0]].index(kv[0])):
        kinds[kind] = {
            "requests": len(ms),
            "errors": samples.errors[kind],
            "p50_ms": pct(ms, 50),
            "p95_ms": pct(ms, 95),
            "p99_ms": pct(ms, 99),
            "max_ms": round(max(ms), 1) if ms else 0.0,
        }
    reads = sum(len(v) for k, v in samples.ms.items() if k != "post articles")
    return {
        "seconds": round(samples.seconds, 2),
        "read_requests": reads,
        "reads_per_second": round(reads / samples.seconds, 1) if samples.seconds else 0.0,
        "errors": sum(samples.errors.values()),
        "routes": kinds,
    }


def verify(
    store: Path,
    posts: list[dict[str, Any]],
    answers: list[dict[str, Any] | None],
    again: set[str],
) -> dict[str, int]:
    """How the posted articles ended up in the store: counts only.

    An article answered "new" must be stored once under the id it was given, with its text;
    one answered "duplicate" names the stored article it repeats, which must exist once. No
    text (compared with whitespace collapsed: the reader normalises line ends) may be
    stored twice.
    """
    from newsfuse.store import Store

    def norm(text: str) -> str:
        return " ".join(text.split())

    with Store(store) as s:
        stored = s.articles()
    ids = Counter(a.id for a in stored)
    by_id = {a.id: norm(a.text) for a in stored}
    texts = Counter(norm(a.text) for a in stored)
    status = Counter((a or {}).get("status", "no answer") for a in answers)
    lost = twice = wrong_text = again_not_duplicate = 0
    for row, answer in zip(posts, answers):
        if answer is None or answer.get("status") == "skipped":
            continue
        if ids[answer.get("id")] != 1:
            lost += 1
        elif answer.get("status") == "new" and by_id[answer["id"]] != norm(row["text"]):
            wrong_text += 1
        if texts[norm(row["text"])] > 1:
            twice += 1
        if row["id"] in again and answer.get("status") != "duplicate":
            again_not_duplicate += 1
    return {
        "posted": len(posts),
        "answered_new": status["new"],
        "answered_duplicate": status["duplicate"],
        "answered_skipped": status["skipped"],
        "not_answered": status["no answer"],
        "lost": lost,
        "stored_twice": twice,
        "new_with_other_text": wrong_text,
        "posted_again": len(again),
        "posted_again_not_duplicate": again_not_duplicate,
        "store_articles_after": len(stored),
    }


def print_table(report: dict[str, Any]) -> None:
    header = f"{'route':<14} {'phase':<16} {'requests':>8} {'errors':>6} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}"
    print(header)
    print("-" * len(header))
    for phase, name in (("baseline", "readers only"), ("with_writer", "readers + writer")):
        for kind, r in report[phase]["routes"].items():
            print(
                f"{kind:<14} {name:<16} {r['requests']:>8} {r['errors']:>6} "
                f"{r['p50_ms']:>8} {r['p95_ms']:>8} {r['p99_ms']:>8}"
            )
    for phase, name in (("baseline", "readers only"), ("with_writer", "readers + writer")):
        p = report[phase]
        print(
            f"{name}: {p['read_requests']} reads in {p['seconds']} s = {p['reads_per_second']} "
            f"reads/s, {p['errors']} errors"
        )
    v = report["articles"]
    print(
        f"posted {v['posted']}: new {v['answered_new']}, duplicate {v['answered_duplicate']}, "
        f"skipped {v['answered_skipped']}, no answer {v['not_answered']}; lost {v['lost']}, "
        f"stored twice {v['stored_twice']}, new with another text {v['new_with_other_text']}; "
        f"{v['posted_again']} already stored, answered other than duplicate: "
        f"{v['posted_again_not_duplicate']}"
    )
    s = report["store"]
    print(
        f"store: {s['articles']} articles, {s['events']} events; {report['readers']} readers; "
        f"load average {report['load_average_1min']} on {report['cpus']} cpus"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--store", type=Path, help="keep the built store here; reuse it if there")
    parser.add_argument("--readers", type=int, default=50)
    parser.add_argument("--posts", type=int, default=500)
    parser.add_argument("--batch", type=int, default=1, help="articles per POST (1: each alone)")
    parser.add_argument("--baseline-reads", type=int, default=40, help="per reader, phase 1")
    parser.add_argument("--max-reads", type=int, default=2000, help="per reader, phase 2 cap")
    parser.add_argument("--out", type=Path, help=f"results file (default {RESULTS})")
    args = parser.parse_args()
    require_path(args.data, "benchmark data folder (--data)", kind="dir")
    # The articles per POST are part of the report: any batch size is a complete run.
    defaults = (args.readers, args.posts, args.baseline_reads) == (50, 500, 40)
    out = args.out or (RESULTS if defaults else None)

    from newsfuse.store import Store

    if not 0 < args.posts <= HELD_OUT:
        raise SystemExit(f"error: --posts must be 1 to {HELD_OUT}")
    rows, held_out, again = split(args.data, HELD_OUT)
    with tempfile.TemporaryDirectory() as tmp:
        built = args.store or Path(tmp) / "built.db"
        if not built.exists():
            build(rows, built)
        db = Path(tmp) / "serve.db"
        copy_store(built, db)
        with Store(db) as s:
            events = s.events()
            stored = s.articles()
        known = {a.id for a in stored}
        if any(r["id"] in known and r["id"] not in again for r in held_out):
            raise SystemExit(f"error: {built} holds held-out articles: not built by this script")
        held_out = held_out[: args.posts]
        again = {r["id"] for r in held_out} & again
        urls = pools(db)
        load_before = os.getloadavg()[0]
        with running_app(db) as base:
            baseline, _ = asyncio.run(
                run_phase(base, urls, args.readers, args.baseline_reads, None, 1, seed=1)
            )
            loaded, answers = asyncio.run(
                run_phase(base, urls, args.readers, args.max_reads, held_out, args.batch, seed=2)
            )
        report: dict[str, Any] = {
            "readers": args.readers,
            "articles_per_post": args.batch,
            "store": {"articles": len(stored), "events": len(events)},
            "baseline": summary(baseline),
            "with_writer": summary(loaded),
            "articles": verify(db, held_out, answers, again),
            "targets": {"brief_page_p95_ms": TARGET_BRIEF_P95_MS, "errors": 0, "lost": 0},
            "load_average_1min": [round(load_before, 2), round(os.getloadavg()[0], 2)],
            "cpus": os.cpu_count(),
        }
    print_table(report)
    errors = baseline.error_kinds + loaded.error_kinds
    if errors:
        print("errors: " + "; ".join(f"{k} x{n}" for k, n in errors.most_common(5)))
    if out is None:
        return 0
    return finish_run(out, report)


if __name__ == "__main__":
    sys.exit(main())
