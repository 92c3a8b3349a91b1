"""Score newsfuse's facts, conflicts and source counting against hand-made gold files.

Run from the repository root::

    .venv/bin/python benchmarks/facts.py --gold ../shared/data/facts_gold \\
        --gold ../shared/examples/kaesong/gold.json [--data ../shared/data] \\
        [--out benchmarks/results/facts.json]

With ``--unlabeled``, it also fuses the clusters without gold (the 50 DUC 2004 clusters,
publication dates and outlets from their docnos, and the Multi-News dev clusters that no
``--gold`` file covers: 88 of 100 with ``facts_gold/``) and lists
every conflict reported, with its values, sources and sentences, for a person to read (issue 7:
at most 1 in 10 may be wrong); they are written under ``unlabeled`` in the results.

With ``--timeline17 N``, it also fuses the first N reports (in date order, as the folders sort)
of each Timeline17 topic (``DATA/timeline17/TOPIC/InputDocs/DATE/*.txt``, published on DATE,
ids ``DATE/FILE``): long stories of many days, where values of reports weeks apart are updates,
not conflicts. Every conflict reported is listed with its values, sources and each source's
publication date, under ``timeline17`` in the results.

Each ``--gold`` is a gold JSON file or a folder of them (every ``*.json`` in it). A gold file
with a ``cluster_id`` is a Multi-News cluster: its articles are split from the ``context`` of
``DATA/multi_news/multi_news_dev.jsonl`` as ``DATA/README.md`` says (``NEWLINE_CHAR`` to a
newline, the leading ``Passage 1:`` removed, split at ``Passage N:``; ids ``p1``, ``p2``, ...).
Any other gold file's articles are the article files beside it (``*.txt``, ``*.html``,
``*.htm``, ``*.jsonl``; ids are the file stems). Every cluster is fused with ``newsfuse.fuse``
and scored by :mod:`newsfuse.eval.facts` (the matching rules are documented there). Prints one
row per cluster and a pooled row, then each cluster's misses.

A missing gold file, data file or cluster stops the run with exit code 1 before anything is
measured; a cluster that fails to fuse is reported and the results file is left untouched
(``newsfuse.eval.results.finish_run``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import shlex
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))  # run from a checkout without installing

import newsfuse  # noqa: E402
from newsfuse.eval import facts as score  # noqa: E402
from newsfuse.eval.results import finish_run, require_path  # noqa: E402

Json = dict[str, Any]
DEFAULT_OUT = REPO / "benchmarks" / "results" / "facts.json"
ARTICLE_SUFFIXES = (".txt", ".html", ".htm", ".jsonl")
PASSAGE = re.compile(r"\nPassage \d+:\n")
FIRST_PASSAGE = re.compile(r"^\s*Passage 1:\n")


def gold_files(paths: Sequence[Path]) -> list[Path]:
    """The gold files named: files as given, folders expanded to their ``*.json``."""
    out: list[Path] = []
    for p in paths:
        require_path(p, "gold file or folder")
        if p.is_dir():
            found = sorted(p.glob("*.json"))
            if not found:
                raise SystemExit(f"error: no gold *.json files in {p}")
            out += found
        else:
            out.append(p)
    return out


def multi_news_articles(context: str) -> list[newsfuse.Article]:
    """A Multi-News cluster's articles, split as the data README says."""
    text = FIRST_PASSAGE.sub("", context.replace("NEWLINE_CHAR", "\n"), count=1)
    return [
        newsfuse.Article(id=f"p{i}", text=part)
        for i, part in enumerate(PASSAGE.split(text), 1)
        if part.strip()
    ]


class MultiNews:
    """Multi-News rows by ``_id``, read once when first needed."""

    def __init__(self, data: Path) -> None:
        self.path = data / "multi_news" / "multi_news_dev.jsonl"
        self._rows: dict[str, str] | None = None

    def context(self, cluster_id: str) -> str:
        if self._rows is None:
            require_path(self.path, "Multi-News data", kind="file")
            with self.path.open(encoding="utf-8") as fh:
                rows = (json.loads(line) for line in fh if line.strip())
                self._rows = {r["_id"]: r["context"] for r in rows}
        if cluster_id not in self._rows:
            raise SystemExit(f"error: cluster {cluster_id} not found in {self.path}")
        return self._rows[cluster_id]


def cluster_articles(gold_path: Path, gold: Json, multi_news: MultiNews) -> list[newsfuse.Article]:
    if gold.get("cluster_id"):
        articles = multi_news_articles(multi_news.context(str(gold["cluster_id"])))
    else:
        files = sorted(
            p
            for p in gold_path.parent.iterdir()
            if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES
        )
        articles = list(newsfuse.read([str(p) for p in files]))
    if not articles:
        raise SystemExit(f"error: no articles for gold file {gold_path}")
    return articles


DOCNO = re.compile(r"^([A-Z]+)(\d{4})(\d{2})(\d{2})\.\d+$")


def unlabeled_clusters(
    data: Path, gold_ids: frozenset[str] = frozenset()
) -> list[tuple[str, list[newsfuse.Article]]]:
    """The 50 DUC 2004 clusters (outlet and date from the docno) and the Multi-News dev ones
    whose ``_id`` is not in ``gold_ids`` (those are scored against their gold already)."""
    duc = data / "duc2004" / "duc2004_task2.jsonl"
    news = data / "multi_news" / "multi_news_dev.jsonl"
    require_path(duc, "DUC 2004 data", kind="file")
    require_path(news, "Multi-News data", kind="file")
    out: list[tuple[str, list[newsfuse.Article]]] = []
    for line in duc.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        articles = []
        for d in record["documents"]:
            m = DOCNO.match(d["docno"])
            articles.append(
                newsfuse.Article(
                    id=d["docno"],
                    text=d["text"],
                    source=m.group(1) if m else None,
                    published=dt.date(int(m.group(2)), int(m.group(3)), int(m.group(4)))
                    if m
                    else None,
                )
            )
        out.append((record["cluster_id"], articles))
    for line in news.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            if record["_id"] not in gold_ids:
                out.append((record["_id"][:8], multi_news_articles(record["context"])))
    return out


def unlabeled_conflicts(clusters: Sequence[tuple[str, list[newsfuse.Article]]]) -> list[Json]:
    """Every conflict newsfuse reports on the clusters without gold, printed for reading."""
    found: list[Json] = []
    for name, articles in clusters:
        brief = json.loads(newsfuse.fuse(articles).to_json())
        for conflict in brief.get("conflicts") or []:
            found.append({"cluster": name, **conflict})
            print(f"\n[{name}] {conflict['about']}")
            for v in conflict["values"]:
                who = f" (attributed to {v['attributed_to']})" if v.get("attributed_to") else ""
                print(f"  {v['value']} {v['sources']}{who}: {v['text'][:200]}")
    print(f"\n{len(found)} conflicts reported on the clusters without gold")
    return found


def timeline17_topics(data: Path, n: int) -> list[tuple[str, list[newsfuse.Article]]]:
    """Each Timeline17 topic's first ``n`` reports, dated by their folders."""
    root = data / "timeline17"
    require_path(root, "Timeline17 data")
    out = []
    for topic in sorted(p for p in root.iterdir() if p.is_dir()):
        files = sorted((topic / "InputDocs").glob("*/*.txt"))[:n]
        if not files:
            raise SystemExit(f"error: no reports in {topic / 'InputDocs'}")
        articles = [
            newsfuse.Article(
                id=f"{f.parent.name}/{f.name}",
                text=f.read_text(encoding="utf-8", errors="replace"),
                published=dt.date.fromisoformat(f.parent.name),
            )
            for f in files
        ]
        out.append((topic.name, articles))
    return out


def timeline17_conflicts(topics: Sequence[tuple[str, list[newsfuse.Article]]]) -> list[Json]:
    """Every conflict newsfuse reports on the Timeline17 topics' reports, with each source's
    publication date, printed for reading."""
    found: list[Json] = []
    for name, articles in topics:
        published = {a.id: a.published.isoformat() if a.published else None for a in articles}
        brief = json.loads(newsfuse.fuse(articles).to_json())
        for conflict in brief.get("conflicts") or []:
            for v in conflict["values"]:
                v["published"] = [published.get(s) for s in v["sources"]]
            found.append({"topic": name, **conflict})
            print(f"\n[{name}] {conflict['about']}")
            for v in conflict["values"]:
                days = sorted({d for d in v["published"] if d})
                when = days[0] if len(days) == 1 else f"{days[0]}..{days[-1]}" if days else "?"
                print(f"  {v['value']} ({len(v['sources'])} sources, {when}): {v['text'][:200]}")
    n = max((len(articles) for _, articles in topics), default=0)
    print(
        f"\n{len(found)} conflicts reported on {len(topics)} Timeline17 topics ({n} reports each)"
    )
    return found


def cluster_name(gold_path: Path, gold: Json) -> str:
    return str(gold["cluster_id"])[:8] if gold.get("cluster_id") else gold_path.parent.name


def load_gold(path: Path) -> Json:
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise SystemExit(f"error: gold file {path} unreadable: {e}")
    if not isinstance(gold, dict) or not isinstance(gold.get("facts"), list):
        raise SystemExit(f"error: gold file {path} has no 'facts' list")
    return gold


# ------------------------------------------------------------------------------------------
# Output
# ------------------------------------------------------------------------------------------


def _f(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.2f}"


def _frac(x: float | None, a: int, b: int) -> str:
    return f"{_f(x)} ({a}/{b})"


HEADERS = [
    "cluster",
    "facts R",
    "all P",
    "src exact",
    "indep exact",
    "confl R",
    "confl P",
    "must_not viol.",
]
TARGET_ROW = ["target", ">= 0.85", "", ">= 0.80", ">= 0.90", ">= 0.80", ">= 0.80", "0"]


def table_row(name: str, c: Json) -> list[str]:
    fc, cc, mn, f = c["fact_counts"], c["conflict_counts"], c["must_not"], c["facts"]
    return [
        name,
        _frac(f["recall"], fc["gold_matched"], fc["gold_facts"]),
        _frac(f["precision_all"], fc["brief_matched"], fc["brief_facts"]),
        _frac(f["sources_exact"], fc["sources_exact"], fc["best_matches"]),
        _frac(f["independent_exact"], fc["independent_exact"], fc["best_matches"]),
        _frac(c["conflicts"]["recall"], cc["gold_found"], cc["gold_conflicts"]),
        _frac(c["conflicts"]["precision"], cc["brief_matched"], cc["brief_conflicts"]),
        f"{mn['violations']} ({mn['checkable']}/{mn['lines']} checkable)",
    ]


def print_report(clusters: list[Json], total: Json) -> None:
    rows = [table_row(c["name"], c) for c in clusters]
    rows.append(table_row("pooled", total))
    rows.append(TARGET_ROW)
    widths = [max(len(r[i]) for r in [HEADERS, *rows]) for i in range(len(HEADERS))]
    print("| " + " | ".join(h.ljust(w) for h, w in zip(HEADERS, widths)) + " |")
    print(
        "|"
        + "|".join("-" * (w + 1) + ":" if i else "-" * (w + 2) for i, w in enumerate(widths))
        + "|"
    )
    for r in rows:
        print("| " + " | ".join(v.ljust(w) for v, w in zip(r, widths)) + " |")
    for c in clusters:
        missed = [f"{r['slot']} = {r['value']}" for r in c["gold_facts"] if not r["matched"]]
        wrong_sources = [
            f"{r['slot']} (brief {sorted(r['best']['sources'])}, gold {sorted(r['sources'])})"
            for r in c["gold_facts"]
            if r["best"] and not r["best"]["sources_exact"]
        ]
        wrong_indep = [
            f"{r['slot']} (brief {r['best']['independent_sources']}, gold {r['independent']})"
            for r in c["gold_facts"]
            if r["best"] and not r["best"]["independent_exact"]
        ]
        missed_conflicts = [r["slot"] for r in c["gold_conflicts"] if not r["found"]]
        matched_conflicts = {r["brief_index"] for r in c["gold_conflicts"] if r["found"]}
        false_conflicts = [
            f"{b.get('about')}: " + " / ".join(str(v.get("value")) for v in b.get("values") or [])
            for i, b in enumerate(c["brief_conflicts"])
            if i not in matched_conflicts
        ]
        violated = [r["text"] for r in c["must_not"]["details"] if r["violated"]]
        for label, items in (
            ("gold facts missed", missed),
            ("source set differs", wrong_sources),
            ("independent count wrong", wrong_indep),
            ("gold conflicts missed", missed_conflicts),
            ("brief conflicts not in gold", false_conflicts),
            ("must_not VIOLATED", violated),
        ):
            if items:
                print(f"[{c['name']}] {label}: " + "; ".join(items))


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument(
        "--gold",
        action="append",
        type=Path,
        required=True,
        help="a gold JSON file or a folder of them (repeatable)",
    )
    parser.add_argument(
        "--data", type=Path, default=REPO.parent / "shared" / "data", help="data folder"
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="JSON output file")
    parser.add_argument(
        "--unlabeled",
        action="store_true",
        help="also list every conflict on the DUC 2004 + Multi-News clusters without gold",
    )
    parser.add_argument(
        "--timeline17",
        type=int,
        metavar="N",
        help="also list every conflict on the first N reports of each Timeline17 topic",
    )
    args = parser.parse_args(argv)
    if args.timeline17 is not None and args.timeline17 < 1:
        parser.error("--timeline17 needs a positive number of reports")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    paths = gold_files(args.gold)
    multi_news = MultiNews(args.data)
    inputs = []
    for path in paths:  # every input is checked before anything is measured
        gold = load_gold(path)
        inputs.append((path, gold, cluster_articles(path, gold, multi_news)))
    topics = timeline17_topics(args.data, args.timeline17) if args.timeline17 else None
    clusters: list[Json] = []
    problems: list[str] = []
    for path, gold, articles in inputs:
        name = cluster_name(path, gold)
        start = time.perf_counter()
        try:
            brief = json.loads(newsfuse.fuse(articles).to_json())
        except Exception as e:  # reported, and the results file is then left as it was
            problems.append(f"{name}: fuse failed: {type(e).__name__}: {e}")
            continue
        seconds = time.perf_counter() - start
        result = score.score_cluster(gold, brief, [a.id for a in articles])
        result.update(
            {
                "name": name,
                "gold": str(path),
                "seconds": round(seconds, 3),
                "brief_conflicts": brief.get("conflicts") or [],
            }
        )
        clusters.append(result)
    total = score.overall(clusters)
    if clusters:
        print_report(clusters, total)
    gold_ids = frozenset(str(g["cluster_id"]) for _, g, _ in inputs if g.get("cluster_id"))
    without_gold = unlabeled_clusters(args.data, gold_ids) if args.unlabeled else []
    unlabeled = unlabeled_conflicts(without_gold) if args.unlabeled else None
    timeline = timeline17_conflicts(topics) if topics is not None else None
    report: Json = {
        "command": shlex.join([Path(sys.executable).name, *sys.argv]),
        "date": dt.datetime.now().isoformat(timespec="seconds"),
        "pooled": total,
        "clusters": clusters,
    }
    if unlabeled is not None:
        report["unlabeled"] = {
            "clusters": len(without_gold),
            "conflicts": len(unlabeled),
            "listed": unlabeled,
        }
    if timeline is not None:
        report["timeline17"] = {
            "reports_per_topic": args.timeline17,
            "conflicts": len(timeline),
            "listed": timeline,
        }
    return finish_run(args.out, report, problems)


if __name__ == "__main__":
    raise SystemExit(main())
