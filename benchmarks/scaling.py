"""How the whole brief's cost grows with the number of articles, beside sumy LexRank.

    python benchmarks/scaling.py --data ../shared/data [--sizes 25,50,100,200,400,800]

The articles are Timeline17's BP oil spill reports (every ``bpoil_*/InputDocs`` file, five
outlets, one story), shuffled once with a fixed seed; a size of N takes the first N. Each size
runs in a fresh Python process, so its peak RSS is its own: the whole ``newsfuse.fuse``
(cleaning, summary, facts, timeline, entities, quotes) at a 250-word budget, timed from the
articles in memory to the Brief, with each stage's seconds; then sumy's LexRank (summary only)
on the same texts in another process, stopped after ``--lexrank-timeout`` seconds. Last, one
article of ``--big-mb`` MB (the reader's size limit) is briefed from its file by the CLI.

Targets (issue 9): at most 2.3x time per doubling, 800 articles in <= 30 s, peak RSS <= 1 GB,
a 5 MB article in <= 15 s. Prints one Markdown table; writes ``benchmarks/results/scaling.json``
only after a complete run.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from newsfuse.eval.results import require_path

ROOT = Path(__file__).resolve().parents[1]
SEED = 0
WORDS = 250
TARGET_DOUBLING = 2.3
TARGET_800_SECONDS = 30.0
TARGET_RSS_MB = 1024
TARGET_BIG_SECONDS = 15.0
_CLI = ("--words", str(WORDS), "--format", "json", "--quiet")
_WORD = re.compile(r"[A-Za-z0-9]+(?:'[a-z]+)?")


def story_files(data: Path) -> list[Path]:
    files = sorted((data / "timeline17").glob("bpoil_*/InputDocs/*/*.txt"))
    random.Random(SEED).shuffle(files)
    return files


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux


# --- the child processes -------------------------------------------------------------------


def child_newsfuse(data: Path, n: int) -> dict[str, object]:
    start = time.perf_counter()
    import newsfuse
    from newsfuse.models import Article

    imported = time.perf_counter() - start
    files = story_files(data)[:n]
    articles = [
        Article(id=f"{p.parts[-4]}/{p.parent.name}/{p.stem}", text=p.read_text("utf-8"))
        for p in files
    ]
    stages: list[tuple[str, float]] = []
    start = time.perf_counter()
    brief = newsfuse.fuse(
        articles,
        words=WORDS,
        progress=lambda stage, *_: stages.append((stage, time.perf_counter())),
    )
    end = time.perf_counter()
    marks = [t for _, t in stages] + [end]
    return {
        "articles": len(articles),
        "words_in": sum(len(a.text.split()) for a in articles),
        "seconds": round(end - start, 2),
        "import_seconds": round(imported, 2),
        "stages": {s: round(b - a, 2) for (s, a), b in zip(stages, marks[1:])},
        "peak_rss_mb": round(_peak_rss_mb()),
        "summary_words": sum(len(s.text.split()) for s in brief.summary),
        "usable": len(brief.articles),
    }


class _Tokenizer:
    """sumy's tokenizer interface without NLTK data (its punkt model cannot load offline)."""

    language = "english"

    def to_sentences(self, text: str) -> tuple[str, ...]:
        import sentencex

        return tuple(s.strip() for s in sentencex.segment("en", text) if s.strip())

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(_WORD.findall(sentence))


def child_lexrank(data: Path, n: int) -> dict[str, object]:
    from sumy.nlp.stemmers import Stemmer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.utils import get_stop_words

    texts = [p.read_text("utf-8") for p in story_files(data)[:n]]
    start = time.perf_counter()
    summarizer = LexRankSummarizer(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    parser = PlaintextParser.from_string("\n\n".join(texts), _Tokenizer())
    picked = summarizer(parser.document, 12)  # about 250 words of news sentences
    return {
        "seconds": round(time.perf_counter() - start, 2),
        "peak_rss_mb": round(_peak_rss_mb()),
        "sentences": len(parser.document.sentences),
        "summary_words": sum(len(str(s).split()) for s in picked),
    }


def child_big(path: Path) -> dict[str, object]:
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", "from newsfuse.cli import app; app()", "brief", str(path), *_CLI],
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    brief = json.loads(done.stdout) if done.returncode in (0, 2) and done.stdout else {}
    articles = brief.get("articles", [])
    return {
        "bytes": path.stat().st_size,
        "seconds": round(seconds, 2),
        "peak_rss_mb": round(peak),
        "exit_code": done.returncode,
        "words_read": articles[0]["words"] if articles else 0,
        "cut": [
            r["text"]
            for r in (articles[0]["removed_lines"] if articles else [])
            if r["reason"] == "over the length limit"
        ],
    }


# --- the parent ----------------------------------------------------------------------------


def _run(args: list[str], timeout: float, data: Path) -> dict[str, object] | None:
    """Run this script as a child with ``args``; its JSON answer, or None on a timeout."""
    try:
        done = subprocess.run(
            [sys.executable, __file__, "--data", str(data), *args],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return None
    if done.returncode != 0:
        raise SystemExit(f"child {args} failed:\n{done.stderr[-2000:]}")
    answer: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return answer


def big_article(data: Path, megabytes: float, folder: Path) -> Path:
    """One article of ``megabytes`` MB: the story's reports end to end, cut to the size."""
    limit = int(megabytes * 1_000_000) - 10_000
    parts: list[str] = []
    size = 0
    for p in story_files(data):
        text = p.read_text("utf-8")
        parts.append(text)
        size += len(text.encode()) + 1
        if size >= limit:
            break
    path = folder / "one_big_article.txt"
    path.write_text("\n".join(parts).encode()[:limit].decode("utf-8", "ignore"), "utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--sizes", default="25,50,100,200,400,800")
    parser.add_argument("--lexrank-timeout", type=float, default=120.0)
    parser.add_argument("--newsfuse-timeout", type=float, default=1800.0)
    parser.add_argument("--big-mb", type=float, default=5.0)
    parser.add_argument("--child", nargs=2, metavar=("KIND", "N"), help=argparse.SUPPRESS)
    parser.add_argument(
        "--out", type=Path, default=ROOT / "benchmarks" / "results" / "scaling.json"
    )
    args = parser.parse_args()
    require_path(args.data, "benchmark data folder (--data)", kind="dir")
    data = args.data.resolve()
    if args.child:
        kind, n = args.child
        if kind == "lexrank":
            # A dense similarity matrix of tens of thousands of sentences: stop it at 4 GB
            # rather than take the machine's memory.
            resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))
        answer = {
            "newsfuse": lambda: child_newsfuse(data, int(n)),
            "lexrank": lambda: child_lexrank(data, int(n)),
            "big": lambda: child_big(Path(n)),
        }[kind]()
        print(json.dumps(answer))
        return

    sizes = [int(s) for s in args.sizes.split(",")]
    available = len(story_files(data))
    rows: list[dict[str, object]] = []
    lexrank_gave_up = False
    for n in sizes:
        if n > available:
            raise SystemExit(f"only {available} articles in the story, asked for {n}")
        print(f"... {n} articles: newsfuse", file=sys.stderr)
        ours = _run(["--child", "newsfuse", str(n)], args.newsfuse_timeout, data) or {
            "seconds": None,
            "failed": f"over {args.newsfuse_timeout:g} s (stopped)",
        }
        theirs: dict[str, object] | None
        if lexrank_gave_up:  # it only gets slower with more input: not run again
            theirs = {
                "seconds": None,
                "failed": f"not run (over {args.lexrank_timeout:g} s already)",
            }
        else:
            print(f"... {n} articles: LexRank", file=sys.stderr)
            try:
                theirs = _run(["--child", "lexrank", str(n)], args.lexrank_timeout, data)
            except SystemExit:  # out of memory under the 4 GB cap
                theirs = {"seconds": None, "failed": "out of memory (4 GB cap)"}
            if theirs is None:
                theirs = {"seconds": None, "failed": f"over {args.lexrank_timeout:g} s (stopped)"}
            lexrank_gave_up = theirs.get("seconds") is None
        rows.append({"articles": n, "newsfuse": ours, "lexrank": theirs})
        print(f"    {json.dumps(rows[-1])}", file=sys.stderr)
    with tempfile.TemporaryDirectory() as tmp:
        path = big_article(data, args.big_mb, Path(tmp))
        print(f"... one article of {path.stat().st_size / 1e6:.1f} MB", file=sys.stderr)
        big = _run(["--child", "big", str(path)], args.newsfuse_timeout, data)

    print(table(rows, big))
    # A complete run is every size tried (a size over --newsfuse-timeout is a result too).
    if args.sizes == parser.get_default("sizes"):
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps({"rows": rows, "big_article": big}, indent=1) + "\n")
        print(f"written {args.out}", file=sys.stderr)


def table(rows: list[dict[str, object]], big: dict[str, object] | None) -> str:
    out = [
        "| articles | words in | newsfuse s | x per doubling | peak RSS MB | slowest stages "
        "| LexRank s (summary only) |",
        "| --: | --: | --: | --: | --: | --- | --: |",
    ]
    previous: float | None = None
    for r in rows:
        ours = r["newsfuse"]
        theirs = r["lexrank"]
        assert isinstance(ours, dict)
        if ours.get("seconds") is None:
            out.append(f"| {r['articles']} | | {ours['failed']} | | | | |")
            previous = None
            continue
        seconds = float(ours["seconds"])  # type: ignore[arg-type]
        ratio = f"{seconds / previous:.2f}" if previous else ""
        previous = seconds
        stages = ours["stages"]
        assert isinstance(stages, dict)
        slowest = ", ".join(
            f"{s} {t}" for s, t in sorted(stages.items(), key=lambda kv: -kv[1])[:3]
        )
        assert isinstance(theirs, dict)
        lex = str(theirs["seconds"] if theirs.get("seconds") is not None else theirs["failed"])
        out.append(
            f"| {r['articles']} | {ours['words_in']} | {seconds} | {ratio} | {ours['peak_rss_mb']} "
            f"| {slowest} | {lex} |"
        )
    if big is not None:
        out.append(
            f"\none article of {int(big['bytes']) / 1e6:.1f} MB, the CLI from "  # type: ignore[call-overload]
            f"start to JSON: {big['seconds']} s, peak RSS {big['peak_rss_mb']} MB, "
            f"{big['words_read']} words read, exit {big['exit_code']}"
        )
    return "\n".join(out)


if __name__ == "__main__":
    main()
