"""Does the split cut long single stories? Events of each Timeline17 topic, split settings against
a variant.

Each Timeline17 topic is one long-running story (a pandemic, an oil spill, a trial) followed by
one outlet for months. Its first ``--first`` reports (in date order, as the folders sort,
published on their folder's date, detokenised as ``benchmarks/timeline.py`` does) are grouped
three ways, with the default ``GroupingSettings`` and with the ``--grouping KEY=VALUE`` variant
(default: the pairs' z off, ``split_z=0.0``):

- ``group()``: the stream, the second pass and one split, as a batch run does;
- the same, then the split repeated until it cuts nothing (the most a store's later passes
  could cut, one cut per event per pass);
- all the reports forced into one event (a threshold every report reaches), then one split:
  whether the split would cut the whole story, with the cut's ratio and the pairs' z.

Printed per topic: the number of events and the largest event's size for the first two, and
for the third the sizes of the two sides, the ratio, the z and whether either setting cuts.

    .venv/bin/python benchmarks/long_stories.py --data ../shared/data [--first 200]
        [--topics MJ_bbc,bpoil_bbc] [--grouping split_z=0.0]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np

from newsfuse.eval.results import require_path
from newsfuse.events import EventGrouper, features, feed_order
from newsfuse.events.grouper import _pairs_z, _two_stories
from newsfuse.fusion.clean import clean
from newsfuse.models import Article
from newsfuse.settings import DEFAULT, GroupingSettings

sys.path.insert(0, str(Path(__file__).parent))
from events import grouping_settings
from timeline import detokenize


def topic_articles(root: Path, first: int) -> list[Article]:
    files = sorted((root / "InputDocs").glob("*/*.txt"))[:first]
    return [
        clean(
            Article(
                id=f"{f.parent.name}/{f.name}",
                text=detokenize(f.read_text(encoding="utf-8", errors="replace")),
                published=dt.date.fromisoformat(f.parent.name),
            )
        )
        for f in files
    ]


def grouped(
    ordered: list[Article], feats: dict, settings: GroupingSettings, repeat: bool
) -> list[int]:
    """Event sizes after the stream, the second pass and the split (repeated while it cuts)."""
    g = EventGrouper(settings)
    for a in ordered:
        g.add(a.id, feats[a.id], a.published)
    g.merge_small_events()
    published = {a.id: a.published for a in ordered}
    while g.split_events(feats, published) and repeat:
        pass
    return sorted((len(m) for m in g.groups_), reverse=True)


def whole_story_cut(ordered: list[Article], feats: dict, both: dict[str, GroupingSettings]) -> str:
    """All the reports forced into one event: its Fiedler cut's sides, ratio and pairs' z, and
    whether each setting keeps it."""
    g = EventGrouper(replace(DEFAULT.grouping, threshold=1e-9, second_pass=0.0))
    for a in ordered:
        g.add(a.id, feats[a.id], a.published)
    vectors = [g._vector(feats[a.id]) for a in ordered]
    # The cut itself, at a ratio every cut reaches; then its figures.
    side = _two_stories(vectors, replace(DEFAULT.grouping, split_ratio=10.0, split_z=0.0))
    if side is None:
        return "no cut (a side of fewer than split_min_size, or a report like no other)"
    index: dict[str, int] = {}
    for v in vectors:
        for t in v:
            index.setdefault(t, len(index))
    x = np.zeros((len(vectors), len(index)))
    for i, v in enumerate(vectors):
        for t, w in v.items():
            x[i, index[t]] = w
    sim = x @ x.T
    off = sim - np.diag(np.diagonal(sim))
    a, b = side == 0, side == 1
    na, nb = int(a.sum()), int(b.sum())
    within = min(
        off[np.ix_(a, a)].sum() / (na * (na - 1)), off[np.ix_(b, b)].sum() / (nb * (nb - 1))
    )
    ratio = sim[np.ix_(a, b)].mean() / within
    kept = " / ".join(
        "yes" if _two_stories(vectors, s) is not None else "no" for s in both.values()
    )
    return f"{na}/{nb} ratio {ratio:.2f} z {_pairs_z(sim, a, b):.1f}, kept {kept}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument(
        "--data", type=Path, default=Path(__file__).parents[1] / ".." / "shared" / "data"
    )
    ap.add_argument("--first", type=int, default=200)
    ap.add_argument("--topics", default="")
    ap.add_argument("--grouping", action="append", default=None)
    args = ap.parse_args()
    root = args.data / "timeline17"
    require_path(root, "Timeline17 data")
    wanted = [t for t in args.topics.split(",") if t]
    topics = wanted or sorted(p.name for p in root.iterdir() if p.is_dir())
    variant = grouping_settings(args.grouping or ["split_z=0.0"])
    both = {"default": DEFAULT.grouping, "variant": variant}
    print(f"variant: {', '.join(args.grouping or ['split_z=0.0'])}; first {args.first} reports")
    print(
        f"{'topic':22} {'reports':>7} {'events (largest), default / variant':>38} "
        f"{'split repeated, default / variant':>36}  all in one event: cut, kept default / variant"
    )
    for topic in topics:
        ordered = feed_order(topic_articles(root / topic, args.first))
        feats = {a.id: features(a) for a in ordered}
        once = {k: grouped(ordered, feats, s, repeat=False) for k, s in both.items()}
        again = {k: grouped(ordered, feats, s, repeat=True) for k, s in both.items()}
        cut = whole_story_cut(ordered, feats, both)

        def fmt(sizes: dict[str, list[int]]) -> str:
            return " / ".join(f"{len(v)} ({v[0]})" for v in sizes.values())

        print(f"{topic:22} {len(ordered):7d} {fmt(once):>38} {fmt(again):>36}  {cut}")


if __name__ == "__main__":
    main()
