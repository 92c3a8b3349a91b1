"""The cleaner on real text from every data set: what it removes, what it restores, what leaks.

    python benchmarks/cleaning_sets.py --data ../shared/data [--show 15] [--limit N]

For each set (the bundled Kaesong example, DUC 2004, Multi-News, ECB+, Timeline17, GVA) runs
:func:`newsfuse.fusion.clean.clean` and the publication-date reader on every article and prints
one table: articles, tokenised articles restored, lines removed, % of words kept, ms per article,
publication dates read from the text, and *leaks left*: lines of the clean text that still hold
something the cleaner exists to remove (Penn Treebank tokens, a split clitic, a spaced URL, a
comment-policy line, a "Last updated ... Help" strip, a "PLACE | date" strip, a wire dateline).
Then, per set, the lines removed by rule, and every removed line that looks like a sentence (12+
words ending in a full stop), so a person can read them for lost text. Writes
``benchmarks/results/cleaning_sets.json`` only after a complete run.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import newsfuse
from newsfuse.eval.results import require_path, write_results
from newsfuse.fusion.clean import clean, is_tokenised
from newsfuse.fusion.dates import with_publication_date
from newsfuse.models import Article

ROOT = Path(__file__).resolve().parents[1]
_PASSAGE = re.compile(r"(?m)^Passage \d+:\n")
_WORD = re.compile(r"[A-Za-z0-9]+")

# What must not be left in clean text, by name: each is a leak the cleaner is meant to remove.
LEAKS = {
    "PTB bracket": re.compile(r"-[LR][RSC]B-"),
    "PTB quote": re.compile(r"``|(?<= )''(?= |$)"),
    "split clitic": re.compile(r"\w (?:n't|'s|'re|'ve|'ll|'m|'d)\b"),
    "spaced URL": re.compile(r"https? : / /|\bwww \. \w"),
    "comment policy": re.compile(r"^We welcome comments\b", re.IGNORECASE),
    "last updated strip": re.compile(r"\bLast updated at \d{1,2}:\d{2}\b.{0,8}\bHelp\b"),
    "PLACE | date strip": re.compile(
        r"^[^|]{1,80}\| ?(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\w* [A-Z][a-z]{2,8}\.? \d{1,2} ?,? \d{4}"
    ),
    "wire dateline": re.compile(
        r"^[A-Z][A-Z/ ,.'-]{2,40}(?:\(|-LRB- )(?:Reuters|AP|AFP)(?:\)| -RRB-) ?[-—–_]"
    ),
}


def multi_news(data: Path) -> Iterator[Article]:
    with open(data / "multi_news" / "multi_news_dev.jsonl", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            passages = [p for p in _PASSAGE.split(row["context"]) if p.strip()]
            for i, p in enumerate(passages, 1):
                yield Article(id=f"{row['_id'][:8]}-p{i}", text=p)


def duc(data: Path) -> Iterator[Article]:
    with open(data / "duc2004" / "duc2004_task2.jsonl", encoding="utf-8") as fh:
        for line in fh:
            for doc in json.loads(line)["documents"]:
                yield Article(id=doc["docno"], text=doc["text"])


def ecbplus(data: Path) -> Iterator[Article]:
    with open(data / "ecbplus" / "ecbplus_dev_topics_1-25.jsonl", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            yield Article(id=row["doc_name"], text=row["text"])


def timeline17(data: Path) -> Iterator[Article]:
    for path in sorted((data / "timeline17").glob("*/InputDocs/*/*.txt")):
        topic = path.parts[-4]
        yield Article(id=f"{topic}/{path.parent.name}/{path.name}", text=path.read_text("utf-8"))


def gva(data: Path) -> Iterator[Article]:
    # Read without its metadata date, to see what the text alone gives.
    with open(data / "gva" / "gva_2013-2015.jsonl", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            yield Article(id=row["id"], text=row["text"])


def kaesong(_: Path) -> Iterator[Article]:
    yield from newsfuse.read([ROOT / "examples" / "kaesong"])


SETS = {
    "Kaesong example": kaesong,
    "DUC 2004": duc,
    "Multi-News dev": multi_news,
    "ECB+ topics 1-25": ecbplus,
    "Timeline17 InputDocs": timeline17,
    "GVA 2013-2015": gva,
}


def _sentence_like(text: str) -> bool:
    return len(text.split()) >= 12 and text.rstrip("\"'”’)").endswith(".")


def measure(articles: list[Article]) -> dict[str, object]:
    start = time.perf_counter()
    cleaned = [with_publication_date(clean(a)) for a in articles]
    seconds = time.perf_counter() - start
    rules: Counter[str] = Counter()
    leaks: Counter[str] = Counter()
    leak_examples: dict[str, str] = {}
    suspects = []
    words_in = words_out = 0
    for before, after in zip(articles, cleaned):
        words_in += len(_WORD.findall(before.text.replace("NEWLINE_CHAR", " ")))
        words_out += len(_WORD.findall(after.body))
        for r in after.removed_lines:
            rules[r.reason] += 1
            if _sentence_like(r.text):
                suspects.append({"article": after.id, "rule": r.reason, "text": r.text})
        for line in after.body.split("\n"):
            for name, pattern in LEAKS.items():
                if pattern.search(line):
                    leaks[name] += 1
                    leak_examples.setdefault(name, f"{after.id}: {line[:160]}")
    return {
        "articles": len(articles),
        "tokenised": sum(is_tokenised(a.text) for a in articles),
        "removed_lines": sum(rules.values()),
        "by_rule": dict(rules.most_common()),
        "words_in": words_in,
        "words_out": words_out,
        "words_kept_pct": round(100 * words_out / max(1, words_in), 1),
        "ms_per_article": round(1000 * seconds / max(1, len(articles)), 2),
        "dated_from_text": sum(a.published is not None for a in cleaned),
        "leaks_left": dict(leaks.most_common()),
        "leak_examples": leak_examples,
        "sentence_like_removed": suspects,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument(
        "--show", type=int, default=15, help="sentence-like removals printed per set"
    )
    parser.add_argument("--limit", type=int, default=0, help="articles per set (0: all)")
    parser.add_argument(
        "--out", type=Path, default=ROOT / "benchmarks" / "results" / "cleaning_sets.json"
    )
    args = parser.parse_args()
    require_path(args.data, "the benchmark data (--data)", kind="dir")
    results: dict[str, dict[str, object]] = {}
    for name, reader in SETS.items():
        articles = list(reader(args.data))
        if args.limit:
            articles = articles[: args.limit]
        results[name] = measure(articles)
        print(f"... {name}: {len(articles)} articles", file=sys.stderr)

    print(
        "| set | articles | tokenised | lines removed | words kept | ms/article "
        "| dated from text | leaks left |"
    )
    print("| --- | --: | --: | --: | --: | --: | --: | --: |")
    for name, r in results.items():
        leaks = r["leaks_left"]
        assert isinstance(leaks, dict)
        print(
            f"| {name} | {r['articles']} | {r['tokenised']} | {r['removed_lines']} "
            f"| {r['words_kept_pct']}% | {r['ms_per_article']} | {r['dated_from_text']} "
            f"| {sum(leaks.values())} |"
        )
    for name, r in results.items():
        print(f"\n## {name}\n")
        by_rule = r["by_rule"]
        assert isinstance(by_rule, dict)
        print("lines removed by rule: " + ", ".join(f"{k} {v}" for k, v in by_rule.items()))
        leaks = r["leaks_left"]
        examples = r["leak_examples"]
        assert isinstance(leaks, dict) and isinstance(examples, dict)
        if leaks:
            print("leaks left: " + ", ".join(f"{k} {v}" for k, v in leaks.items()))
            for k, example in examples.items():
                print(f"  e.g. {k}: {example}")
        suspects = r["sentence_like_removed"]
        assert isinstance(suspects, list)
        print(f"{len(suspects)} removed lines look like sentences; the first {args.show}:")
        for s in suspects[: args.show]:
            print(f"  [{s['rule']}] {s['article']}: {s['text'][:200]}")
    if not args.limit:  # only a complete run is a result
        write_results(args.out, _counts_only(results))
        print(f"\nwritten {args.out}", file=sys.stderr)


def _counts_only(results: dict[str, dict[str, object]]) -> dict[str, dict[str, object]]:
    """The results without the articles' own text (leak examples, removed sentences): the data
    sets' texts may not be published with the project, so they are printed to be read, and only
    counted in the file."""
    out: dict[str, dict[str, object]] = {}
    for name, r in results.items():
        kept = {k: v for k, v in r.items() if k not in ("leak_examples", "sentence_like_removed")}
        suspects = r["sentence_like_removed"]
        kept["sentence_like_removed"] = len(suspects) if isinstance(suspects, list) else 0
        out[name] = kept
    return out


if __name__ == "__main__":
    main()
