"""Load on the web app: 50 concurrent readers while one writer posts 500 articles.

    .venv/bin/python benchmarks/serve.py --data ../shared/data [--store PATH] [--old-src DIR]

Every article of the shared data (read as ``benchmarks/ingest.py`` reads it, shuffled with
the same seed) goes into a SQLite store with all its events' briefs, except the last 500:
those are held out, to be posted (``--posts N``: the first N of them; the few that the store
has anyway, a DUC document filed in two clusters, must be answered "duplicate"). Building
takes several minutes (a brief per event); ``--store PATH`` keeps the built store at PATH and
reuses it on the next run. Each server runs on its own copy, started as a user starts it
(``newsfuse serve`` in a subprocess, on 127.0.0.1).

The readers are wrk (Debian's /usr/bin/wrk, a C load generator: it takes little of the
2 cores the app shares with it), one wrk process per route kind with its share of the
``--readers`` (50) connections, each connection with one request in flight and no pause
(closed loop, no think time: what is measured is latency at the app's full throughput on
this machine). A route kind's paths are drawn uniformly with a fixed seed
(``serve_readers.lua``): a brief page ``/events/{id}`` (any event), an events page
``/?page=N``, an article page, the API's ``/api/v1/events/{id}`` and
``/api/v1/events?offset=N``, 4:2:1:2:1 of the connections. Phases:

1. readers only, on each server first ``--warm-seconds`` from its start (its page caches
   cold: a process renders a page the first time it is asked for it), then
   ``--read-seconds`` more (warm): with ``--old-src DIR`` (a newsfuse ``src`` folder, e.g.
   ``git archive main src``) first that code's app as its ``serve`` ran it (one process,
   h11), the baseline; then this code with ``--workers 1``; then with ``--workers`` (2);
2. the readers again on the last server while one writer (httpx, in this process) POSTs the
   held-out articles to ``/api/v1/articles``, ``--batch`` (10) a request; a POST answers once
   its articles are stored in their events, and the briefs they make stale are fused after,
   in the server's background refresh. The readers go on until the writer is done and every
   brief is current again (or ``--max-seconds``).

Reported per route kind and phase: requests, requests/s, errors (a connect, read, write or
timeout error, or a status of 400 or more: wrk's counts), p50/p95/p99 latency measured by
wrk; the POSTs' latency; the seconds until the last brief was stored. Then the store copy is
read back with the Python API: every article the writer posted must be stored exactly once
(the same text once), the ones answered "new" under the id they were given.

Targets (issue 10, on this 2-core machine): p95 <= 100 ms for the brief page, zero errors,
zero lost articles. The load generator and the refresh worker share the 2 cores with the app.

Prints a table; writes ``benchmarks/results/serve.json`` (numbers only, no article text) after
a complete run with the default sizes (``--out`` to write elsewhere).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

from ingest import load
from newsfuse.eval.results import finish_run, require_path
from webapp import running_app

HERE = Path(__file__).parent
RESULTS = HERE / "results" / "serve.json"
WRK = "/usr/bin/wrk"
KINDS = ("brief page", "events page", "article page", "api event", "api events")
WEIGHTS = (4, 2, 1, 2, 1)
TARGET_BRIEF_P95_MS = 100.0
HELD_OUT = 500  # articles kept out of the store; --posts posts the first N of them


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
        # A WAL left by the last server on dst must not be replayed onto the fresh copy.
        Path(f"{dst}{suffix}").unlink(missing_ok=True)
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


def shares(readers: int) -> list[int]:
    """The readers' connections per route kind, by WEIGHTS (largest remainder)."""
    exact = [readers * w / sum(WEIGHTS) for w in WEIGHTS]
    out = [int(x) for x in exact]
    for i in sorted(range(len(exact)), key=lambda i: out[i] - exact[i])[: readers - sum(out)]:
        out[i] += 1
    return out


@contextmanager
def readers(
    base: str, urls: dict[str, list[str]], count: int, seconds: float, seed: int, tmp: Path
) -> Iterator[dict[str, Any]]:
    """wrk per route kind for at most ``seconds`` (stopped early, by SIGINT, when the block
    ends); the figures, per kind, are in the yielded dict afterwards."""
    procs: list[tuple[str, int, subprocess.Popen[str]]] = []
    for i, (kind, conns) in enumerate(zip(KINDS, shares(count))):
        if conns == 0:
            continue
        paths = tmp / f"paths-{i}.txt"
        paths.write_text("\n".join(urls[kind]) + "\n")
        cmd = [
            WRK, "-t1", f"-c{conns}", f"-d{int(seconds)}s", "--timeout", "30s",
            "-s", str(HERE / "serve_readers.lua"), base, "--", str(paths), str(seed * 100 + i),
        ]  # fmt: skip
        procs.append((kind, conns, subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)))
    figures: dict[str, Any] = {}
    try:
        yield figures
    finally:
        for _, _, proc in procs:
            if proc.poll() is None:
                proc.send_signal(signal.SIGINT)  # wrk stops and reports
        for kind, conns, proc in procs:
            out, _ = proc.communicate(timeout=60)
            last = out.strip().splitlines()[-1]
            figures[kind] = {"connections": conns, **json.loads(last)}


def route_row(f: dict[str, Any]) -> dict[str, Any]:
    errors = sum(f[k] for k in ("connect", "read", "write", "status", "timeout"))
    seconds = f["duration_us"] / 1e6
    return {
        "connections": f["connections"],
        "requests": f["requests"],
        "requests_per_second": round(f["requests"] / seconds, 1) if seconds else 0.0,
        "errors": errors,
        "p50_ms": round(f["p50_us"] / 1000, 1),
        "p95_ms": round(f["p95_us"] / 1000, 1),
        "p99_ms": round(f["p99_us"] / 1000, 1),
        "max_ms": round(f["max_us"] / 1000, 1),
    }


def phase(figures: dict[str, Any]) -> dict[str, Any]:
    routes = {kind: route_row(f) for kind, f in figures.items()}
    seconds = max((f["duration_us"] / 1e6 for f in figures.values()), default=0.0)
    total = sum(r["requests"] for r in routes.values())
    return {
        "seconds": round(seconds, 1),
        "read_requests": total,
        "reads_per_second": round(sum(r["requests_per_second"] for r in routes.values()), 1),
        "errors": sum(r["errors"] for r in routes.values()),
        "routes": routes,
    }


def post_all(
    base: str, rows: list[dict[str, Any]], batch: int
) -> tuple[list[dict[str, Any] | None], list[float], Counter[str]]:
    """POST the rows, ``batch`` a request (1: each alone, else ``{"articles": [...]}``): the
    AddedArticle the app answered for each row (None: no answer), each POST's ms, errors."""
    answers: list[dict[str, Any] | None] = []
    ms: list[float] = []
    errors: Counter[str] = Counter()
    with httpx.Client(base_url=base, timeout=600) as client:
        for start in range(0, len(rows), batch):
            chunk = [{k: v for k, v in r.items() if v is not None} for r in rows[start:][:batch]]
            body = chunk[0] if batch == 1 else {"articles": chunk}
            t = time.perf_counter()
            got: list[dict[str, Any] | None] = [None] * len(chunk)
            try:
                r = client.post("/api/v1/articles", json=body)
                ok, why = r.status_code in (200, 201), f"HTTP {r.status_code}"
                if ok:
                    added = r.json().get("articles") or []
                    ok = len(added) == len(chunk)  # one answer per article, in order
                    got = list(added) if ok else got
            except httpx.HTTPError as e:
                ok, why = False, type(e).__name__
            ms.append(1000 * (time.perf_counter() - t))
            if not ok:
                errors[why] += 1
            answers.extend(got)
            print(f"posted {start + len(chunk)} of {len(rows)}", file=sys.stderr, flush=True)
    return answers, ms, errors


def wait_current(db: Path, until: float) -> float | None:
    """Seconds until no brief of the store is stale (None: still some at ``until``)."""
    from newsfuse.store import Store

    started = time.perf_counter()
    with Store(db) as store:
        while time.monotonic() < until:
            if not store.stale():
                return round(time.perf_counter() - started, 1)
            time.sleep(1.0)
    return None


def pct(values: list[float], q: int) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(q / 100 * len(ordered)))], 1)


def print_table(report: dict[str, Any]) -> None:
    header = (
        f"{'route':<14} {'phase':<34} {'conns':>5} {'requests':>8} {'req/s':>7} {'errors':>6} "
        f"{'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}"
    )
    print(header)
    print("-" * len(header))
    for name, p in report["phases"].items():
        for kind, r in p["routes"].items():
            print(
                f"{kind:<14} {name:<34} {r['connections']:>5} {r['requests']:>8} "
                f"{r['requests_per_second']:>7} {r['errors']:>6} {r['p50_ms']:>8} "
                f"{r['p95_ms']:>8} {r['p99_ms']:>8}"
            )
    for name, p in report["phases"].items():
        print(
            f"{name}: {p['read_requests']} reads in {p['seconds']} s = {p['reads_per_second']} "
            f"reads/s, {p['errors']} errors"
        )
    w = report["writer"]
    print(
        f"writer: {w['posts']} POSTs of {report['articles_per_post']}, {w['errors']} errors, "
        f"p50/p95/max {w['p50_ms']}/{w['p95_ms']}/{w['max_ms']} ms, all posted in "
        f"{w['seconds']} s; every brief current {w['briefs_current_after_s']} s after the last"
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
    parser.add_argument("--batch", type=int, default=10, help="articles per POST (1: each alone)")
    parser.add_argument("--workers", type=int, default=2, help="server processes, last phases")
    parser.add_argument("--warm-seconds", type=float, default=30, help="readers first, cold")
    parser.add_argument("--read-seconds", type=float, default=30, help="then readers, warm")
    parser.add_argument("--max-seconds", type=float, default=3600, help="the loaded phase's cap")
    parser.add_argument("--old-src", type=Path, help="a newsfuse src folder: baseline phase")
    parser.add_argument("--out", type=Path, help=f"results file (default {RESULTS})")
    args = parser.parse_args()
    require_path(args.data, "benchmark data folder (--data)", kind="dir")
    if not Path(WRK).is_file():
        raise SystemExit(f"error: {WRK} not found (apt-get install wrk)")
    # The articles per POST are part of the report: any batch size is a complete run.
    defaults = (args.readers, args.posts) == (50, 500)
    out = args.out or (RESULTS if defaults else None)

    from newsfuse.store import Store

    if not 0 < args.posts <= HELD_OUT:
        raise SystemExit(f"error: --posts must be 1 to {HELD_OUT}")
    rows, held_out, again = split(args.data, HELD_OUT)
    phases: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        built = args.store or tmp / "built.db"
        if not built.exists():
            build(rows, built)
        db = tmp / "serve.db"
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

        def read_alone(base: str, label: str) -> None:
            """Readers only: first on the server's cold page caches (each process renders
            a page the first time it is asked for it), then warm."""
            for name, seconds, seed in (
                ("cold", args.warm_seconds, 3),
                ("warm", args.read_seconds, 1),
            ):
                if seconds > 0:
                    with readers(base, urls, args.readers, seconds, seed, tmp) as got:
                        time.sleep(seconds)
                    phases[f"{label}: readers, {name}"] = phase(got)
            print(f"{label}: done", file=sys.stderr)

        runs: list[tuple[str, dict[str, Any]]] = []
        if args.old_src is not None:
            runs.append(("old code, 1 process", {"old_src": args.old_src}))
        if args.workers != 1:
            runs.append(("1 process", {"workers": 1}))
        for label, how in runs:
            copy_store(built, db)  # each server from the same store, its caches cold
            with running_app(db, **how) as base:
                read_alone(base, label)
        copy_store(built, db)
        many = f"{args.workers} process{'es' if args.workers > 1 else ''}"
        with running_app(db, workers=args.workers) as base:
            read_alone(base, many)
            until = time.monotonic() + args.max_seconds
            with readers(base, urls, args.readers, args.max_seconds, 2, tmp) as got:
                t = time.perf_counter()
                answers, post_ms, post_errors = post_all(base, held_out, args.batch)
                posted_s = round(time.perf_counter() - t, 1)
                current_s = wait_current(db, until)
            phases[f"{many}: readers + writer"] = phase(got)
        report: dict[str, Any] = {
            "readers": args.readers,
            "articles_per_post": args.batch,
            "workers": args.workers,
            "store": {"articles": len(stored), "events": len(events)},
            "phases": phases,
            "writer": {
                "posts": len(post_ms),
                "errors": sum(post_errors.values()),
                "error_kinds": dict(post_errors),
                "p50_ms": pct(post_ms, 50),
                "p95_ms": pct(post_ms, 95),
                "max_ms": round(max(post_ms), 1) if post_ms else 0.0,
                "seconds": posted_s,
                "briefs_current_after_s": current_s,
            },
            "articles": verify(db, held_out, answers, again),
            "targets": {"brief_page_p95_ms": TARGET_BRIEF_P95_MS, "errors": 0, "lost": 0},
            "load_average_1min": [round(load_before, 2), round(os.getloadavg()[0], 2)],
            "cpus": os.cpu_count(),
        }
    print_table(report)
    if out is None:
        return 0
    return finish_run(out, report)


if __name__ == "__main__":
    sys.exit(main())
