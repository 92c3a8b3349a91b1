"""What the cleaner removes from real scraped news, and proof that it keeps the article.

    python benchmarks/cleaning.py --data ../shared/data [--sample 20]

Runs :func:`newsfuse.clean.clean` on the bundled Kaesong example and on every Multi-News
article (raw scraped text with ``NEWLINE_CHAR`` tokens and page chrome), prints the lines
removed per rule, a random sample of removed lines to read, and every removed line that looks
like an article sentence (12+ words, ending in a full stop): the suspects to read for lost
text. Writes ``benchmarks/results/cleaning.json`` (``--out``), atomically, once both sets are
done. ``--data`` defaults to ``../shared/data`` next to the repository; a missing data file
stops the script with one line and exit code 1.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path

from rich.console import Console
from rich.table import Table

import newsfuse
from newsfuse.eval.results import finish_run, require_path
from newsfuse.fusion.clean import clean
from newsfuse.models import Article

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data"  # "../shared/data" from the repository root
PASSAGE = re.compile(r"(?m)^Passage \d+:\n")


def multi_news_articles(data: Path) -> list[Article]:
    out = []
    path = require_path(data / "multi_news" / "multi_news_dev.jsonl", "Multi-News data")
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            passages = [p for p in PASSAGE.split(row["context"]) if p.strip()]
            out += [Article(id=f"{row['_id'][:8]}-p{i}", text=p) for i, p in enumerate(passages, 1)]
    return out


def run(articles: list[Article]) -> tuple[Counter, list[tuple[str, str, str]], float, int, int]:
    reasons: Counter = Counter()
    removed: list[tuple[str, str, str]] = []
    start = time.perf_counter()
    cleaned = [clean(a) for a in articles]
    seconds = time.perf_counter() - start
    words_in = words_out = 0
    for before, after in zip(articles, cleaned, strict=False):
        words_in += len(before.text.replace("NEWLINE_CHAR", " ").split())
        words_out += len(after.body.split())
        for line in after.removed_lines:
            reasons[line.reason] += 1
            removed.append((after.id, line.reason, line.text))
    return reasons, removed, seconds, words_in, words_out


def _sentence_like(text: str) -> bool:
    return len(text.split()) >= 12 and text.rstrip("\"'”’)").endswith(".")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--data", type=Path, default=DEFAULT_DATA, help="data folder (default ../shared/data)"
    )
    parser.add_argument("--sample", type=int, default=20, help="removed lines to print per set")
    parser.add_argument(
        "--out", type=Path, default=ROOT / "benchmarks" / "results" / "cleaning.json"
    )
    args = parser.parse_args()
    require_path(args.data, "benchmark data folder (--data)", kind="dir")
    console = Console() if sys.stdout.isatty() else Console(width=110)
    rng = random.Random(0)
    sets = {
        "kaesong example": list(newsfuse.read([ROOT / "examples" / "kaesong"])),
        "multi_news dev": multi_news_articles(args.data),
    }
    results = {}
    for name, articles in sets.items():
        reasons, removed, seconds, words_in, words_out = run(articles)
        console.print(
            f"[bold]{name}[/bold]: {len(articles)} articles, {len(removed)} lines removed"
        )
        table = Table()
        table.add_column("rule")
        table.add_column("lines", justify="right")
        for reason, count in reasons.most_common():
            table.add_row(reason, str(count))
        console.print(table)
        console.print(
            f"words kept {words_out}/{words_in} ({100 * words_out / max(1, words_in):.1f}%), "
            f"{1000 * seconds / max(1, len(articles)):.2f} ms per article"
        )
        sample = removed if len(removed) <= args.sample else rng.sample(removed, args.sample)
        for article_id, reason, text in sample:
            console.print(f"  [dim]{article_id}[/dim] [cyan]{reason}[/cyan]: {text[:120]!r}")
        suspects = [(a, r, t) for a, r, t in removed if _sentence_like(t)]
        console.print(f"[bold]{len(suspects)} removed lines look like sentences[/bold]")
        for article_id, reason, text in suspects[: args.sample]:
            console.print(f"  [dim]{article_id}[/dim] [red]{reason}[/red]: {text[:160]!r}")
        results[name] = {
            "articles": len(articles),
            "removed_lines": len(removed),
            "by_rule": dict(reasons.most_common()),
            "words_in": words_in,
            "words_out": words_out,
            "ms_per_article": 1000 * seconds / max(1, len(articles)),
            "sample": [{"article": a, "rule": r, "text": t} for a, r, t in sample],
            "sentence_like_removed": [{"article": a, "rule": r, "text": t} for a, r, t in suspects],
        }
    return finish_run(args.out, results)


if __name__ == "__main__":
    sys.exit(main())
