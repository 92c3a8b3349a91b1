"""Is the summary ever below lead where the first sentences already summarise?

    .venv/bin/python benchmarks/summary_lead.py --data ../shared/data

Wire and wiki-news style clusters (several reports of one happening, each opening on what
happened) are where lead is hardest to beat, and the data holds no reference summaries of
them. So each cluster's own reports stand in: the first report (in the data's order) is held
out, its opening sentences (up to 40 words: the journalist's own summary of the event) are the
reference, and the other reports are summarised by ``newsfuse.fuse`` and by lead (the first
sentence of each report, oldest first, then the second of each, ... as
``benchmarks/summaries.py`` does, on the sentences newsfuse segments) at a short and a
medium budget. Scored with ROUGE-1/2 F1 (``newsfuse.eval.Rouge``, stemmed, cut to the budget).

Clusters: every ECB+ event cluster (``ecbplus/``) with 4+ reports, and 40 Timeline17 days
(``timeline17/<topic>/InputDocs/<day>/``) with 5+ reports (up to 10 each), drawn with a fixed
seed; ``--timeline-days 0`` takes all 102 such days (one held-out opening per day makes a
day's score swing by 30 points, so the 40 days' mean moves by tenths with a single day). Writes ``benchmarks/results/summary_lead.json`` (``--out``) after a complete run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import statistics
import sys
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

import newsfuse
from newsfuse.eval import Rouge
from newsfuse.eval.results import finish_run, require_path
from newsfuse.fusion import clean, dates, screen, segment
from newsfuse.models import Article

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data"
DEFAULT_OUT = ROOT / "benchmarks" / "results" / "summary_lead.json"
BUDGETS = (40, 100)
REFERENCE_WORDS = 40
TIMELINE_DAYS = 40
SEED = 7

Cluster = tuple[str, list[Article]]


def ecb_clusters(data: Path) -> list[Cluster]:
    path = require_path(
        data / "ecbplus" / "ecbplus_dev_topics_1-25.jsonl", "ECB+ data", kind="file"
    )
    groups: dict[str, list[Article]] = defaultdict(list)
    with path.open(encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            groups[r["event_cluster"]].append(Article(id=r["doc_name"], text=r["text"]))
    return [(f"ecb+ {k}", v) for k, v in groups.items() if len(v) >= 4]


def timeline_clusters(data: Path, count: int = TIMELINE_DAYS) -> list[Cluster]:
    """Timeline17 days with 5+ reports, ``count`` of them drawn with a fixed seed (0: all)."""
    folder = require_path(data / "timeline17", "Timeline17 data", kind="dir")
    days: list[Cluster] = []
    for day in sorted(folder.glob("*/InputDocs/*")):
        files = sorted(day.glob("*.txt"))[:10]
        if len(files) >= 5:
            published = dt.date.fromisoformat(day.name)
            articles = [
                Article(
                    id=f.stem,
                    text=f.read_text(encoding="utf-8", errors="replace"),
                    published=published,
                )
                for f in files
            ]
            days.append((f"timeline17 {day.parent.parent.name} {day.name}", articles))
    random.Random(SEED).shuffle(days)
    return days[:count] if count else days


def reference_and_rest(articles: Sequence[Article]) -> tuple[str, list[Article]] | None:
    """The held-out report's opening (as newsfuse reads it) and the other reports."""
    cleaned = [dates.with_publication_date(clean.clean(a)) for a in articles]
    usable, _ = screen.screen(cleaned)
    if len(usable) < 4:
        return None
    opening, count = [], 0
    for s in segment.sentences(usable[0]):
        if count >= REFERENCE_WORDS:
            break
        opening.append(s.text)
        count += len(s.text.split())
    held_out = usable[0].id
    return " ".join(opening), [a for a in articles if a.id != held_out]


def lead(articles: Sequence[Article], words: int) -> str:
    """First sentences of each report in turn, oldest first, on newsfuse's segmentation."""
    cleaned = [dates.with_publication_date(clean.clean(a)) for a in articles]
    usable, _ = screen.screen(cleaned)
    usable.sort(key=lambda a: a.published or dt.date.max)
    sentences = [[s.text for s in segment.sentences(a)] for a in usable]
    picked: list[str] = []
    count = 0
    for rank in range(max((len(s) for s in sentences), default=0)):
        for ss in sentences:
            if count >= words:
                return " ".join(picked)
            if rank < len(ss):
                picked.append(ss[rank])
                count += len(ss[rank].split())
    return " ".join(picked)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument(
        "--timeline-days", type=int, default=TIMELINE_DAYS, help="Timeline17 days (0: all)"
    )
    args = parser.parse_args(argv)
    sets = {
        "ECB+": ecb_clusters(args.data),
        "Timeline17 days": timeline_clusters(args.data, args.timeline_days),
    }
    report: dict[str, object] = {"command": " ".join(sys.argv), "date": dt.date.today().isoformat()}
    rows = []
    for name, clusters in sets.items():
        prepared = [p for _, c in clusters if (p := reference_and_rest(c)) is not None]
        for budget in BUDGETS:
            scorer = Rouge(("rouge1", "rouge2"), words=budget)
            scores: dict[str, list[tuple[float, float]]] = {"newsfuse": [], "lead": []}
            for reference, rest in prepared:
                summary = " ".join(s.text for s in newsfuse.fuse(rest, words=budget).summary)
                for system, text in (("newsfuse", summary), ("lead", lead(rest, budget))):
                    r = scorer.score(text, [reference])
                    scores[system].append((r["rouge1"].f1, r["rouge2"].f1))
            row = {"set": name, "clusters": len(prepared), "budget": budget}
            for system, values in scores.items():
                row[f"{system} R1 F1"] = round(100 * statistics.fmean(v[0] for v in values), 2)
                row[f"{system} R2 F1"] = round(100 * statistics.fmean(v[1] for v in values), 2)
            rows.append(row)
            print(
                f"{name:16} {len(prepared):3} clusters, {budget:3} words: newsfuse R1/R2 F1 "
                f"{row['newsfuse R1 F1']:.2f} / {row['newsfuse R2 F1']:.2f}, lead "
                f"{row['lead R1 F1']:.2f} / {row['lead R2 F1']:.2f}",
                flush=True,
            )
    report["rows"] = rows
    return finish_run(args.out, report)


if __name__ == "__main__":
    sys.exit(main())
