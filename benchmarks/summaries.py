"""Summary quality, speed and memory of newsfuse against published systems and baselines.

Run from the repository root::

    .venv/bin/python benchmarks/summaries.py --data ../shared/data

Options: ``--limit N`` (first N clusters of each set, for a quick run), ``--sets
duc2004,multi_news``, ``--no-speed`` (skip the speed/memory section and the cold start),
``--out PATH`` (default ``benchmarks/results/summaries.json``). The data path defaults to
``../shared/data`` next to the repository; a path given on the command line is resolved against
the current directory. Needs the ``bench`` extra (rouge-score 0.1.2, sumy 0.13.0).

The scoring is :mod:`newsfuse.eval.rouge` (tested on its own); this script loads the data, runs
the systems and prints. A missing data file stops it with one line and exit code 1 before
anything runs; the results file is replaced (atomically) only after a complete run: not when
newsfuse failed or raised on a cluster, and not for a partial run (``--limit``, ``--sets``,
``--no-speed``) unless ``--out`` names where to write it.

What it measures, every system scored by the same code in the same run:

* DUC 2004 task 2 (50 clusters of 10 AP/NYT articles, 4 human references each): summaries cut
  to 100 whitespace words; ROUGE-1/2 recall and F1 from ``rouge_score`` with the Porter
  stemmer, scored against each reference separately and averaged, then averaged over clusters
  (x100). Systems: newsfuse (``fuse(articles, words=100)``), the 13 published systems of
  SumRepo (their own output files), sumy's LexRank and Lead (first sentences of the documents
  in date order, one per document in turn) run here.
* Multi-News (100 clusters of the LongBench dev packaging, editor-written reference): summaries
  cut to 250 words; ROUGE-1/2/L F1 (x100). Systems: newsfuse (``words=250``, given the raw
  scraped text), Lead and sumy's LexRank (given the text with ``NEWLINE_CHAR`` turned into
  line breaks).
* Speed and memory (unless ``--no-speed``): seconds per cluster of the whole ``newsfuse.fuse``
  (all stages, fresh Article objects) against sumy LexRank's seconds per cluster on the same
  clusters in the same run, and their ratio; newsfuse's peak RSS (it runs in a child process,
  ``ru_maxrss`` after all DUC clusters) and its summary worker's (closed after the last set,
  then ``RUSAGE_CHILDREN``); cold start (a fresh interpreter timing ``import
  newsfuse`` plus one fuse of a tiny 2-article cluster, so lazy model loads count).

Prints one table and writes the averaged metrics, the speed section, newsfuse's per-cluster
scores, the command line, the date and the versions to the JSON file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.metadata
import json
import re
import resource
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from newsfuse.eval.results import finish_run, require_path
from newsfuse.eval.rouge import Rouge, sentence_lines

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "data"  # "../shared/data" from the repository root
DEFAULT_OUT = REPO / "benchmarks" / "results" / "summaries.json"
NEWSFUSE = "newsfuse"
LEAD = "Lead (this run)"
LEXRANK = "LexRank (sumy)"

# Targets newsfuse is held to (shown beside the figures).
TARGET_SPEED_RATIO = 0.5  # newsfuse seconds per cluster / sumy LexRank seconds per cluster
TARGET_PEAK_RSS_MB = 600.0
TARGET_COLD_START_S = 3.0


# --------------------------------------------------------------------------------------------
# Data
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Doc:
    """One input article as the data gives it, before any system sees it."""

    id: str
    text: str  # as stored: what newsfuse is given
    plain: str  # what the baselines are given (scraping tokens turned into line breaks)
    source: str | None = None
    published: dt.date | None = None


@dataclass(frozen=True)
class Cluster:
    id: str
    docs: tuple[Doc, ...]
    references: tuple[str, ...]


_DOCNO = re.compile(r"^([A-Z]+)(\d{4})(\d{2})(\d{2})\.\d+$")


def load_duc(data: Path, limit: int | None = None) -> list[Cluster]:
    """DUC 2004 task 2 clusters; the docno gives the source and the publication date."""
    clusters = []
    for record in _jsonl(data / "duc2004" / "duc2004_task2.jsonl", limit):
        docs = []
        for d in record["documents"]:
            m = _DOCNO.match(d["docno"])
            source, published = (
                (m.group(1), dt.date(int(m.group(2)), int(m.group(3)), int(m.group(4))))
                if m
                else (None, None)
            )
            docs.append(Doc(d["docno"], d["text"], d["text"], source, published))
        refs = tuple(r["summary"] for r in record["references"])
        clusters.append(Cluster(record["cluster_id"], tuple(docs), refs))
    return clusters


_PASSAGE = re.compile(r"^Passage (\d+):[ \t]*\n?", re.MULTILINE)


def load_multi_news(data: Path, limit: int | None = None) -> list[Cluster]:
    """Multi-News clusters: one Doc per ``Passage N:`` (id ``pN``), reference ``answers[0]``."""
    clusters = []
    for record in _jsonl(data / "multi_news" / "multi_news_dev.jsonl", limit):
        context = record["context"]
        marks = list(_PASSAGE.finditer(context))
        docs = []
        for mark, nxt in zip(marks, [*marks[1:], None], strict=True):
            text = context[mark.end() : nxt.start() if nxt else len(context)].strip()
            if text:
                plain = text.replace("NEWLINE_CHAR", "\n")
                docs.append(Doc(f"p{mark.group(1)}", text, plain))
        clusters.append(Cluster(record["_id"], tuple(docs), (record["answers"][0],)))
    return clusters


def load_sumrepo(data: Path, clusters: Sequence[Cluster]) -> dict[str, dict[str, str]]:
    """The SumRepo outputs as {system: {cluster id: summary}} (cluster ``d30001t`` -> ``d30001.*``)."""
    folder = data / "duc2004" / "sumrepo_system_summaries"
    systems: dict[str, dict[str, str]] = {}
    for cluster in clusters:
        for path in sorted(folder.glob(f"{cluster.id.removesuffix('t')}.*")):
            text = path.read_text(encoding="utf-8", errors="replace")
            systems.setdefault(path.suffix[1:], {})[cluster.id] = " ".join(text.split())
    return systems


def _jsonl(path: Path, limit: int | None) -> Iterable[dict]:
    with path.open(encoding="utf-8") as f:
        for i, line in enumerate(f):
            if limit is not None and i >= limit:
                break
            if line.strip():
                yield json.loads(line)


# --------------------------------------------------------------------------------------------
# The benchmark sets: one description each, one scoring path for both
# --------------------------------------------------------------------------------------------

# metric key -> (ROUGE type, PRF field)
METRICS = {
    "R1-R": ("rouge1", "recall"),
    "R1-F": ("rouge1", "f1"),
    "R2-R": ("rouge2", "recall"),
    "R2-F": ("rouge2", "f1"),
    "RL-F": ("rougeL", "f1"),
}


@dataclass(frozen=True)
class BenchSet:
    name: str
    label: str
    budget: int  # words
    metrics: tuple[str, ...]
    targets: dict[str, float]  # newsfuse must reach at least these
    load: Callable[[Path, int | None], list[Cluster]]
    published_systems: bool = False  # score the SumRepo outputs too
    files: tuple[str, ...] = ()  # what it reads under --data, checked before anything runs


SETS = {
    "duc2004": BenchSet(
        "duc2004", "DUC 2004", 100, ("R1-R", "R1-F", "R2-R", "R2-F"),
        {"R1-R": 40.0, "R2-R": 10.5}, load_duc, published_systems=True,
        files=("duc2004/duc2004_task2.jsonl", "duc2004/sumrepo_system_summaries"),
    ),
    "multi_news": BenchSet(
        "multi_news", "Multi-News", 250, ("R1-F", "R2-F", "RL-F"), {"R2-F": 16.0}, load_multi_news,
        files=("multi_news/multi_news_dev.jsonl",),
    ),
}  # fmt: skip


# --------------------------------------------------------------------------------------------
# Text helpers, ROUGE (newsfuse.eval.rouge)
# --------------------------------------------------------------------------------------------

_WORD = re.compile(r"\w+")


def cut(text: str, words: int) -> str:
    """The first ``words`` whitespace-separated words of ``text``, on one line."""
    return " ".join(text.split()[:words])


def split_sentences(text: str) -> list[str]:
    """Sentences by sentencex, never joined across a line break."""
    return [s for s in sentence_lines(text).split("\n") if s]


def make_scorer(bench: BenchSet) -> Rouge:
    """Stemmed ROUGE of the set's types; summaries cut to its budget; references averaged."""
    return Rouge(sorted({METRICS[m][0] for m in bench.metrics}), words=bench.budget)


def score_summary(
    scorer: Rouge, summary: str, references: Sequence[str], bench: BenchSet
) -> dict[str, float]:
    """ROUGE x100 of one summary (cut to the budget), averaged over its references."""
    scores = scorer.score(summary, references)
    return {m: 100 * getattr(scores[METRICS[m][0]], METRICS[m][1]) for m in bench.metrics}


def score_system(
    scorer: Rouge, summaries: dict[str, str], clusters: Sequence[Cluster], bench: BenchSet
) -> tuple[dict[str, float], list[dict[str, float]]]:
    """Mean over clusters, and the per-cluster scores (a missing summary scores as empty)."""
    per_cluster = [
        score_summary(scorer, summaries.get(c.id, ""), c.references, bench) for c in clusters
    ]
    means = {m: statistics.fmean(s[m] for s in per_cluster) for m in bench.metrics}
    return means, per_cluster


# --------------------------------------------------------------------------------------------
# Baselines
# --------------------------------------------------------------------------------------------


def lead(docs: Sequence[Doc], words: int) -> str:
    """First sentence of each document (oldest first), then the second of each, ... to ``words``."""
    order = sorted(
        enumerate(docs), key=lambda p: (p[1].published or dt.date.max, p[0])
    )  # stable: documents without dates keep their order
    sentences = [split_sentences(d.plain) for _, d in order]
    picked: list[str] = []
    count = 0
    for rank in range(max((len(s) for s in sentences), default=0)):
        for doc_sentences in sentences:
            if count >= words:
                return cut(" ".join(picked), words)
            if rank < len(doc_sentences):
                picked.append(doc_sentences[rank])
                count += len(doc_sentences[rank].split())
    return cut(" ".join(picked), words)


class SentencexTokenizer:
    """sumy's tokenizer interface without NLTK data (its punkt model cannot load offline)."""

    language = "english"

    def to_sentences(self, text: str) -> tuple[str, ...]:
        return tuple(split_sentences(text))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(_WORD.findall(sentence))


def make_lexrank():
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.utils import get_stop_words

    summarizer = LexRankSummarizer(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    return summarizer


def lexrank(summarizer, docs: Sequence[Doc], words: int) -> str:
    """sumy LexRank over the cluster (one paragraph per document), best sentences to ``words``."""
    from sumy.parsers.plaintext import PlaintextParser

    text = "\n\n".join(d.plain.strip() for d in docs)
    parser = PlaintextParser.from_string(text, SentencexTokenizer())

    def enough(ranked: list) -> list:  # sumy passes the sentences best first
        taken, count = [], 0
        for info in ranked:
            if count >= words:
                break
            taken.append(info)
            count += len(str(info.sentence).split())
        return taken

    picked = summarizer(parser.document, enough)  # back in document order
    return cut(" ".join(str(s) for s in picked), words)


def run_baselines(
    bench: BenchSet, clusters: Sequence[Cluster], advance: Callable[[], None]
) -> tuple[dict[str, dict[str, str]], list[float]]:
    """Lead and LexRank summaries of every cluster, and LexRank's seconds per cluster."""
    summarizer = make_lexrank()
    out: dict[str, dict[str, str]] = {LEAD: {}, LEXRANK: {}}
    seconds = []
    for c in clusters:
        out[LEAD][c.id] = lead(c.docs, bench.budget)
        t0 = time.perf_counter()
        out[LEXRANK][c.id] = lexrank(summarizer, c.docs, bench.budget)
        seconds.append(time.perf_counter() - t0)
        advance()
    return out, seconds


# --------------------------------------------------------------------------------------------
# newsfuse, in a child process (peak RSS of its own; a crash there cannot stop the baselines)
# --------------------------------------------------------------------------------------------


def _maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux


def child_main(args: argparse.Namespace) -> int:
    """The hidden ``--_child OUT`` mode: fuse every cluster, report progress on stdout."""
    result: dict = {"sets": {}, "peak_rss_mb": {}}
    try:
        import newsfuse
        from newsfuse import Article, fuse

        result["version"] = getattr(newsfuse, "__version__", None)
    except Exception:
        result["error"] = traceback.format_exc()
        Path(args._child).write_text(json.dumps(result))
        return 3
    for bench in selected_sets(args):
        rows = []
        for c in bench.load(args.data, args.limit):
            articles = [
                Article(id=d.id, text=d.text, source=d.source, published=d.published)
                for d in c.docs
            ]
            row: dict = {"id": c.id}
            t0 = time.perf_counter()
            try:
                brief = fuse(articles, words=bench.budget)
                row["seconds"] = time.perf_counter() - t0
                row["summary"] = " ".join(s.text for s in brief.summary)
                row["sentences"] = len(brief.summary)
            except Exception:
                row["seconds"] = time.perf_counter() - t0
                row["summary"] = ""
                row["error"] = traceback.format_exc(limit=-3)
            rows.append(row)
            print("tick", flush=True)
        result["sets"][bench.name] = rows
        result["peak_rss_mb"][bench.name] = _maxrss_mb()  # cumulative: peak so far
    # the summary worker holds a model of its own: its peak counts too (0: it never started)
    from newsfuse.fusion import pipeline

    pipeline._WORKER.close(wait=True)
    result["worker_peak_rss_mb"] = (
        resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # the worker: the only child
    )
    Path(args._child).write_text(json.dumps(result))
    return 0


def run_newsfuse(args: argparse.Namespace, advance: Callable[[], None]) -> dict:
    """Run this script as a child that fuses every cluster; its results as a dict."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "newsfuse.json"
        cmd = [
            sys.executable,
            str(Path(__file__).resolve()),
            "--_child",
            str(out),
            "--data",
            str(args.data),
        ]
        cmd += ["--sets", ",".join(b.name for b in selected_sets(args))]
        if args.limit is not None:
            cmd += ["--limit", str(args.limit)]
        with subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, cwd=REPO) as proc:
            assert proc.stdout is not None
            for line in proc.stdout:
                if line.strip() == "tick":
                    advance()
                else:
                    print(line, end="", file=sys.stderr)
        if out.exists():
            return json.loads(out.read_text())
        return {"error": f"child process exited with code {proc.returncode}", "sets": {}}


_COLD_START = """
import json, time
t0 = time.perf_counter()
import newsfuse
t1 = time.perf_counter()
articles = [
    newsfuse.Article(id="a", text="A fire destroyed a warehouse in the port of Tema on Monday, "
        "the fire service said. No one was hurt. Firefighters needed six hours to put it out."),
    newsfuse.Article(id="b", text="Firefighters fought for six hours to put out a blaze that "
        "destroyed a warehouse in Tema on Monday. Nobody was injured, officials said."),
]
newsfuse.fuse(articles, words=60)
t2 = time.perf_counter()
print(json.dumps({"import_s": t1 - t0, "total_s": t2 - t0}))
"""


def cold_start(runs: int = 3) -> dict:
    """Fresh interpreters timing ``import newsfuse`` + one tiny fuse; the median is reported."""
    measured = []
    for _ in range(runs):
        t0 = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-c", _COLD_START], capture_output=True, text=True, cwd=REPO
        )
        wall = time.perf_counter() - t0
        if proc.returncode != 0:
            return {"error": proc.stderr.strip().splitlines()[-1:] or [f"exit {proc.returncode}"]}
        run = json.loads(proc.stdout.strip().splitlines()[-1])
        run["process_wall_s"] = wall
        measured.append(run)
    return {
        "seconds": statistics.median(r["total_s"] for r in measured),
        "import_seconds": statistics.median(r["import_s"] for r in measured),
        "process_wall_seconds": statistics.median(r["process_wall_s"] for r in measured),
        "runs": measured,
        "target_seconds": TARGET_COLD_START_S,
    }


def speed_section(nf: dict, lexrank_seconds: dict[str, list[float]], cold: dict) -> dict:
    """Seconds per cluster of newsfuse and LexRank on the same clusters, peak RSS, cold start."""
    sets = {}
    for name, lr in lexrank_seconds.items():
        nf_rows = nf.get("sets", {}).get(name)
        if not nf_rows or not lr:
            continue
        nf_s = [r["seconds"] for r in nf_rows]
        ratio = statistics.fmean(nf_s) / statistics.fmean(lr)
        # The first cluster of the run also loads spaCy's model (about 1 s, once per process:
        # the cold start's row). The target ratio keeps it in; the warm figures leave out the
        # first cluster of both systems, so the reader sees what each further cluster costs.
        warm = len(nf_s) > 1 and len(lr) > 1
        warm_nf = statistics.fmean(nf_s[1:]) if warm else None
        warm_lr = statistics.fmean(lr[1:]) if warm else None
        sets[name] = {
            "clusters": len(nf_s),
            "newsfuse_s_per_cluster": statistics.fmean(nf_s),
            "newsfuse_median_s": statistics.median(nf_s),
            "newsfuse_max_s": max(nf_s),
            "lexrank_s_per_cluster": statistics.fmean(lr),
            "lexrank_median_s": statistics.median(lr),
            "ratio": ratio,  # of the means; the first cluster carries newsfuse's lazy loads
            "ratio_of_medians": statistics.median(nf_s) / statistics.median(lr),
            "newsfuse_warm_s_per_cluster": warm_nf,  # clusters 2..n (no model loading)
            "lexrank_warm_s_per_cluster": warm_lr,
            "warm_ratio": warm_nf / warm_lr if warm_nf is not None and warm_lr else None,
            "ratio_target": TARGET_SPEED_RATIO,
            "ratio_met": ratio <= TARGET_SPEED_RATIO,
        }
    rss = nf.get("peak_rss_mb", {})
    peak = rss.get("duc2004")
    return {
        "per_set": sets,
        "peak_rss_mb_after_duc": peak,
        "peak_rss_mb_by_set": rss,  # cumulative peak after each set, in the order run
        "worker_peak_rss_mb": nf.get("worker_peak_rss_mb"),  # after all sets
        "peak_rss_target_mb": TARGET_PEAK_RSS_MB,
        "peak_rss_met": None if peak is None else peak <= TARGET_PEAK_RSS_MB,
        "cold_start": cold,
        "cold_start_met": cold.get("seconds", float("inf")) <= TARGET_COLD_START_S,
    }


# --------------------------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------------------------


def _mark(ok: bool | None) -> str:
    return "[green]✓ met[/]" if ok else ("[red]✗ not met[/]" if ok is not None else "–")


def render_table(results: dict, speed: dict | None, nf_error: str | None):
    from rich.table import Table

    sets = [SETS[name] for name in results["sets"]]
    columns = [(b, m) for b in sets for m in b.metrics]
    systems: list[str] = []
    for b in sets:
        systems += [s for s in results["sets"][b.name]["systems"] if s not in systems]
    first = columns[0] if columns else None

    def sort_key(system: str) -> tuple:
        if first is None:
            return (0,)
        value = results["sets"][first[0].name]["systems"].get(system, {}).get(first[1])
        return (value is None, -(value or 0))

    n = {b.name: results["sets"][b.name]["clusters"] for b in sets}
    table = Table(
        title="Summaries: ROUGE x100 (rouge-score, stemmer; same scorer, same run)",
        caption_justify="left",
        caption_style="",
    )
    table.add_column("System")
    for b, m in columns:
        table.add_column(f"{b.label}\n{m} ({b.budget}w)", justify="right")
    for system in sorted(systems, key=sort_key):
        cells = []
        for b, m in columns:
            value = results["sets"][b.name]["systems"].get(system, {}).get(m)
            cells.append("–" if value is None else f"{value:.2f}")
        if system == NEWSFUSE:
            if nf_error:
                cells = ["failed"] * len(columns)
            table.add_row(f"▶ {NEWSFUSE} {results.get('newsfuse_version') or ''}", *cells,
                          style="bold cyan")  # fmt: skip
        else:
            table.add_row(system, *cells)
    table.add_section()
    table.add_row(
        "target (newsfuse)",
        *[f"≥ {b.targets[m]:.1f}" if m in b.targets else "" for b, m in columns],
        style="dim",
    )
    table.add_row(
        "met?",
        *[
            _mark(results["sets"][b.name]["targets_met"].get(m)) if m in b.targets else ""
            for b, m in columns
        ],
    )
    lines = ["Clusters: " + ", ".join(f"{b.label} {n[b.name]}" for b in sets) + "."]
    if "duc2004" in n:
        lines.append(
            "DUC: recall/F1 averaged over the 4 references, then over clusters; [SumRepo] rows"
            " are the published systems' own output files."
        )
    if nf_error:
        lines.append(f"[red]newsfuse failed:[/] {nf_error.strip().splitlines()[-1]}")
    failed = results.get("newsfuse_failed_clusters", {})
    for name, count in failed.items():
        if count:
            lines.append(f"[red]newsfuse raised on {count} {name} clusters (scored as empty).[/]")
    if speed:
        lines.append(_speed_lines(speed))
    table.caption = "\n".join(lines)
    return table


def _speed_lines(speed: dict) -> str:
    lines = ["Speed (s per cluster, same clusters, same run) and memory:"]
    for name, s in speed["per_set"].items():
        lines.append(
            f"  {SETS[name].label}: newsfuse {s['newsfuse_s_per_cluster']:.3f} s "
            f"(median {s['newsfuse_median_s']:.3f}), LexRank {s['lexrank_s_per_cluster']:.3f} s; "
            f"ratio {s['ratio']:.2f} (target ≤ {TARGET_SPEED_RATIO}) {_mark(s['ratio_met'])}; "
            f"ratio of medians {s['ratio_of_medians']:.2f}"
        )
        if s.get("warm_ratio") is not None:
            lines.append(
                f"    without the first cluster (its model loading): newsfuse "
                f"{s['newsfuse_warm_s_per_cluster']:.3f} s, LexRank "
                f"{s['lexrank_warm_s_per_cluster']:.3f} s; ratio {s['warm_ratio']:.2f}"
            )
    peak = speed["peak_rss_mb_after_duc"]
    if peak is not None:
        lines.append(
            f"  Peak RSS of newsfuse after all DUC clusters: {peak:.0f} MB "
            f"(target ≤ {TARGET_PEAK_RSS_MB:.0f}) {_mark(speed['peak_rss_met'])}"
            + (f" + worker {worker:.0f} MB" if (worker := speed.get("worker_peak_rss_mb")) else "")
        )
    cold = speed["cold_start"]
    if "error" in cold:
        lines.append(f"  Cold start: failed ({' '.join(cold['error'])})")
    else:
        lines.append(
            f"  Cold start (import + tiny fuse, median of {len(cold['runs'])}): "
            f"{cold['seconds']:.2f} s, of which import {cold['import_seconds']:.2f} s "
            f"(target ≤ {TARGET_COLD_START_S:.0f}) {_mark(speed['cold_start_met'])}"
        )
    return "\n".join(lines)


def _versions() -> dict[str, str | None]:
    out = {}
    for package in ("newsfuse", "rouge-score", "sumy", "sentencex"):
        try:
            out[package] = importlib.metadata.version(package)
        except importlib.metadata.PackageNotFoundError:
            out[package] = None
    return out


# --------------------------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------------------------


def selected_sets(args: argparse.Namespace) -> list[BenchSet]:
    return [SETS[name] for name in args.sets]


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--data",
        type=Path,
        default=None,
        help="benchmark data folder (default: ../shared/data from the repo root)",
    )
    parser.add_argument("--limit", type=int, default=None, help="first N clusters of each set")
    parser.add_argument(
        "--sets", default=",".join(SETS), help="comma-separated: " + ", ".join(SETS)
    )
    parser.add_argument("--no-speed", action="store_true", help="skip speed, memory, cold start")
    parser.add_argument(
        "--out", type=Path, default=None, help=f"JSON results (default {DEFAULT_OUT})"
    )
    parser.add_argument("--_child", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)  # fmt: skip
    args.data = (args.data or DEFAULT_DATA).resolve()
    args.out_given = args.out is not None
    args.out = (args.out or DEFAULT_OUT).resolve()
    args.sets = [s.strip() for s in args.sets.split(",") if s.strip()]
    unknown = [s for s in args.sets if s not in SETS]
    if unknown:
        parser.error(f"unknown set(s) {unknown}; choose from {list(SETS)}")
    require_path(args.data, "benchmark data folder (--data)", kind="dir")
    for name in args.sets:
        for file in SETS[name].files:
            require_path(args.data / file, f"{SETS[name].label} data")
    # DUC first, so the child's peak RSS after DUC is not inflated by other sets.
    args.sets.sort(key=lambda s: s != "duc2004")
    return args


def newsfuse_rows(
    nf_rows: dict[str, dict], clusters: Sequence[Cluster], scores: list[dict[str, float]]
) -> list[dict]:
    """newsfuse's per-cluster scores, with its own length, time and error for analysis."""
    rows = []
    for c, score in zip(clusters, scores, strict=True):
        run = nf_rows.get(c.id, {})
        row = {"cluster_id": c.id, **{m: round(v, 4) for m, v in score.items()}}
        row["words_before_cut"] = len(run.get("summary", "").split())
        row["sentences"] = run.get("sentences")
        row["seconds"] = round(run.get("seconds", 0.0), 4)
        if "error" in run:
            row["error"] = run["error"]
        rows.append(row)
    return rows


def evaluate_set(
    bench: BenchSet, clusters: Sequence[Cluster], nf: dict, args: argparse.Namespace, progress
) -> tuple[dict, list[dict], list[float]]:
    """Every system of one set scored alike: (set results, newsfuse per cluster, LexRank s)."""
    task = progress.add_task(f"Lead + LexRank · {bench.label}", total=len(clusters))
    summaries, lexrank_seconds = run_baselines(bench, clusters, lambda: progress.advance(task))
    if bench.published_systems:
        published = load_sumrepo(args.data, clusters)
        summaries.update({f"{s} [SumRepo]": v for s, v in published.items()})
    nf_rows = {r["id"]: r for r in nf.get("sets", {}).get(bench.name, [])}
    if not nf.get("error"):
        summaries[NEWSFUSE] = {cid: r["summary"] for cid, r in nf_rows.items()}

    task = progress.add_task(f"ROUGE · {bench.label}", total=len(summaries))
    scorer = make_scorer(bench)
    systems, per_cluster = {}, []
    for system, by_cluster in summaries.items():
        systems[system], scores = score_system(scorer, by_cluster, clusters, bench)
        if system == NEWSFUSE:
            per_cluster = newsfuse_rows(nf_rows, clusters, scores)
        progress.advance(task)

    nf_means = systems.get(NEWSFUSE, {})
    result = {
        "label": bench.label,
        "clusters": len(clusters),
        "budget_words": bench.budget,
        "metrics": {m: f"{METRICS[m][0]} {METRICS[m][1]} x100" for m in bench.metrics},
        "systems": {s: {m: round(v, 4) for m, v in ms.items()} for s, ms in systems.items()},
        "targets": bench.targets,
        "targets_met": {m: nf_means[m] >= t if m in nf_means else None
                        for m, t in bench.targets.items()},
    }  # fmt: skip
    return result, per_cluster, lexrank_seconds


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args._child:
        return child_main(args)

    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    started = time.perf_counter()
    data = {b.name: b.load(args.data, args.limit) for b in selected_sets(args)}
    results: dict = {"sets": {}}
    per_cluster: dict[str, list[dict]] = {}
    lexrank_seconds: dict[str, list[float]] = {}
    speed = None
    progress = Progress(
        TextColumn("{task.description:<34}"), BarColumn(), MofNCompleteColumn(),
        TimeElapsedColumn(), console=Console(stderr=True),
    )  # fmt: skip
    with progress:
        task = progress.add_task("newsfuse (child process)", total=sum(map(len, data.values())))
        nf = run_newsfuse(args, lambda: progress.advance(task))
        results["newsfuse_version"] = nf.get("version")
        for b in selected_sets(args):
            results["sets"][b.name], per_cluster[b.name], lexrank_seconds[b.name] = evaluate_set(
                b, data[b.name], nf, args, progress
            )
        results["newsfuse_failed_clusters"] = {
            name: sum("error" in r for r in rows) for name, rows in nf.get("sets", {}).items()
        }
        if not args.no_speed:
            task = progress.add_task("cold start (3 fresh interpreters)", total=1)
            speed = speed_section(nf, lexrank_seconds, cold_start())
            progress.advance(task)

    console = Console()
    if not console.is_terminal:  # piped or captured: do not squeeze the table into 80 columns
        console = Console(width=130)
    console.print(render_table(results, speed, nf.get("error")))
    elapsed = time.perf_counter() - started

    report = {
        "command": shlex.join(sys.orig_argv),
        "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "newsfuse_version": results.pop("newsfuse_version"),
        "versions": _versions(),
        "data": str(args.data),
        "limit": args.limit,
        "protocol": (
            "summaries cut to the budget in whitespace words; rouge_score RougeScorer with "
            "use_stemmer=True; each reference scored separately and averaged, then clusters "
            "averaged; x100"
        ),
        **results,
        "speed": speed,
        "newsfuse_error": nf.get("error"),
        "newsfuse_per_cluster": per_cluster,
        "run_seconds": round(elapsed, 1),
    }
    print(f"Finished in {elapsed:.0f} s.", file=sys.stderr)
    problems = []
    if nf.get("error"):
        problems.append(f"newsfuse failed: {nf['error'].strip().splitlines()[-1]}")
    problems += [
        f"newsfuse raised on {count} {name} clusters"
        for name, count in results["newsfuse_failed_clusters"].items()
        if count
    ]
    partial = [
        option
        for option, used in (
            ("--limit", args.limit is not None),
            ("--sets", set(args.sets) != set(SETS)),
            ("--no-speed", args.no_speed),
        )
        if used
    ]
    if partial and not args.out_given and not problems:
        # The committed file holds a full run; a partial one is shown, not written over it.
        print(
            f"{args.out} not written: partial run ({', '.join(partial)}); "
            "give --out to keep its figures",
            file=sys.stderr,
        )
        return 0
    return finish_run(args.out, report, problems)


if __name__ == "__main__":
    sys.exit(main())
