"""Check that every evidence quote in the held-out gold is an exact substring of its article.

Run from the repository root (the articles are split exactly as ``benchmarks/facts.py`` does)::

    .venv/bin/python benchmarks/gold/heldout/check_quotes.py [FOLDER ...] [--data ../shared/data]

``FOLDER`` is a folder of gold files (default: this script's folder, ``benchmarks/gold/heldout``),
e.g. ``benchmarks/gold/heldout2``.

Exit code 1 when a quote is not found, an article id is unknown or the evidence does not
quote every source of its fact. The data is not part of the project, so this is a script, not
a unit test (``tests/test_heldout_gold.py`` checks the files' structure).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))  # benchmarks/, for facts.py

from facts import MultiNews, multi_news_articles  # noqa: E402


def problems(gold_path: Path, multi_news: MultiNews) -> list[str]:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    texts = {a.id: a.text for a in multi_news_articles(multi_news.context(gold["cluster_id"]))}
    out = []
    if sorted(gold["articles"]) != sorted(texts):
        out.append(f"articles {gold['articles']} but the cluster has {sorted(texts)}")
    claims = [(f["slot"], f) for f in gold["facts"]] + [
        (f"{c['slot']} / {v['value']}", v) for c in gold["conflicts"] for v in c["values"]
    ]
    for where, claim in claims:
        if sorted(claim["evidence"]) != sorted(claim["sources"]):
            out.append(f"{where}: evidence {sorted(claim['evidence'])} != {claim['sources']}")
        for article, quote in claim["evidence"].items():
            if quote not in texts.get(article, ""):
                out.append(f"{where}: not in {article}: {quote!r}")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "folders", nargs="*", type=Path, default=[HERE], help="folders of gold *.json files"
    )
    parser.add_argument("--data", type=Path, default=HERE.parents[2].parent / "shared" / "data")
    args = parser.parse_args()
    multi_news = MultiNews(args.data)
    bad = 0
    paths = [p for folder in args.folders for p in sorted(folder.glob("*.json"))]
    if not paths:
        print(f"no gold *.json files in {', '.join(map(str, args.folders))}")
        return 1
    for path in paths:
        found = problems(path, multi_news)
        bad += len(found)
        print(f"{path.stem[:8]}: {'ok' if not found else f'{len(found)} problems'}")
        for line in found:
            print("  " + line)
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
