"""Quotes with their speakers, and entity types, on real clusters; and what they cost at scale.

```
.venv/bin/python benchmarks/attribution.py --data ../shared/data
.venv/bin/python benchmarks/attribution.py --data ../shared/data --scale 800
```

Sets: the 100 Multi-News dev clusters (the 12 ``facts_gold`` clusters among them), the Kaesong
example, and Timeline17's ``MJ_bbc`` (142 BBC pages about Michael Jackson's death, many of his
family quoted). Every cluster goes through the pipeline's own stages up to families (clean,
publication date, screen, segment, syndication), then ``entities`` and ``quotes``.

Prints, per set: clusters, quotes, the share with a speaker, the speaker kinds (person-like,
organisation-like, described: "officials"), entity counts per type, seconds spent in entities
and quotes; then a seeded random sample of attributions (speaker, quote, the sentence it came
from) and of entity typings, for a person to read and judge. The gold files hold no speaker
information (their quote facts, if any, have no speaker field), so nothing is scored
automatically here; the hand-read error rates are in the report that goes with a change.

``--scale N`` instead times the two stages (wall and CPU seconds, the model loaded first) on the
first N articles of the Timeline17 ``bpoil_*`` topics (five outlets' coverage of one long
story), to check the cost grows about linearly with N; ``--profile`` adds cProfile's top
functions. Otherwise writes ``results/attribution.json``.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import random
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from newsfuse import read
from newsfuse.fusion import clean, dates, entities, quotes, screen, segment, syndication
from newsfuse.fusion.attribution import is_person, named
from newsfuse.models import Article, Entity, Family, Quote, Sentence
from summaries import load_multi_news
from timeline import detokenize

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Prepared:
    name: str
    articles: list[Article]
    sentences: dict[str, tuple[Sentence, ...]]
    families: tuple[Family, ...]


def prepare(name: str, raw: Sequence[Article]) -> Prepared:
    cleaned = [dates.with_publication_date(clean.clean(a)) for a in raw]
    usable, _ = screen.screen(cleaned)
    sents = {a.id: tuple(segment.sentences(a)) for a in usable}
    return Prepared(name, list(usable), sents, tuple(syndication.families(usable)))


def multi_news(data: Path, limit: int | None) -> list[tuple[str, list[Article]]]:
    return [
        (c.id, [Article(id=d.id, text=d.plain) for d in c.docs])
        for c in load_multi_news(data, limit)
    ]


def timeline_topic(data: Path, topic: str, limit: int | None = None) -> list[Article]:
    import datetime as dt

    folder = data / "timeline17" / topic / "InputDocs"
    out: list[Article] = []
    for day in sorted(p for p in folder.iterdir() if p.is_dir()):
        for path in sorted(day.glob("*.txt")):
            raw = path.read_text(encoding="utf-8", errors="replace")
            lines = [line.strip() for line in raw.splitlines() if line.strip()]
            out.append(
                Article(
                    id=f"{topic}/{day.name}/{path.name}",
                    text=detokenize("\n".join(lines)),
                    published=dt.date.fromisoformat(day.name),
                    published_from="metadata",
                )
            )
            if limit and len(out) >= limit:
                return out
    return out


def kaesong() -> list[Article]:
    folder = ROOT / "examples" / "kaesong"
    return list(read([folder]))


def speaker_kind(speaker: str | None) -> str:
    if not speaker:
        return "none"
    if is_person(speaker):
        return "person"
    return "named" if named(speaker) else "described"


def run_set(name: str, clusters: list[Prepared]) -> dict[str, object]:
    n_quotes = with_speaker = 0
    kinds: Counter[str] = Counter()
    types: Counter[str] = Counter()
    t_ent = t_quo = 0.0
    sample_q: list[tuple[str, Quote]] = []
    sample_e: list[tuple[str, Entity]] = []
    for p in clusters:
        t0 = time.perf_counter()
        found = entities.entities(p.articles, p.families)
        t1 = time.perf_counter()
        said = quotes.quotes(p.articles, p.sentences, p.families)
        t2 = time.perf_counter()
        t_ent += t1 - t0
        t_quo += t2 - t1
        n_quotes += len(said)
        with_speaker += sum(1 for q in said if q.speaker)
        kinds.update(speaker_kind(q.speaker) for q in said)
        types.update(e.type for e in found)
        sample_q += [(p.name, q) for q in said]
        sample_e += [(p.name, e) for e in found]
    return {
        "set": name,
        "clusters": len(clusters),
        "quotes": n_quotes,
        "with_speaker": with_speaker,
        "speaker_share": round(with_speaker / n_quotes, 3) if n_quotes else None,
        "speaker_kinds": dict(kinds),
        "entity_types": dict(types),
        "seconds_entities": round(t_ent, 3),
        "seconds_quotes": round(t_quo, 3),
        "_quotes": sample_q,
        "_entities": sample_e,
    }


def source_sentence(p: Prepared, q: Quote) -> str:
    """The sentence of the first source article holding the quote's opening words."""
    probe = q.text.split(" … ")[0][:40]
    for sent in p.sentences.get(q.sources[0], ()):
        if probe and probe in " ".join(sent.text.split()):
            return " ".join(sent.text.split())
    return ""


def scale(data: Path, n: int, profile: bool = False) -> dict[str, object]:
    topics = sorted(p.name for p in (data / "timeline17").iterdir() if p.name.startswith("bpoil"))
    raw: list[Article] = []
    for topic in topics:
        raw += timeline_topic(data, topic, limit=n - len(raw))
        if len(raw) >= n:
            break
    p = prepare(f"bpoil x{len(raw)}", raw)
    entities.entities(p.articles[:1], p.families)  # load the model outside the timing
    t0 = time.perf_counter(), time.process_time()
    found = entities.entities(p.articles, p.families)
    t1 = time.perf_counter(), time.process_time()
    said = quotes.quotes(p.articles, p.sentences, p.families)
    t2 = time.perf_counter(), time.process_time()
    if profile:
        prof = cProfile.Profile()
        prof.enable()
        entities.entities(p.articles, p.families)
        quotes.quotes(p.articles, p.sentences, p.families)
        prof.disable()
        out = io.StringIO()
        pstats.Stats(prof, stream=out).sort_stats("cumulative").print_stats(25)
        print(out.getvalue())
    return {
        "articles": len(p.articles),
        "sentences": sum(len(s) for s in p.sentences.values()),
        "seconds_entities": round(t1[0] - t0[0], 2),
        "seconds_quotes": round(t2[0] - t1[0], 2),
        "cpu_seconds_entities": round(t1[1] - t0[1], 2),
        "cpu_seconds_quotes": round(t2[1] - t1[1], 2),
        "entities": len(found),
        "quotes": len(said),
    }


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--limit", type=int, default=None, help="Multi-News clusters (default all)")
    ap.add_argument("--sample", type=int, default=40, help="attributions and typings to print")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--scale", type=int, default=0, help="time N bpoil articles instead")
    ap.add_argument("--profile", action="store_true", help="with --scale: cProfile's top 25")
    ap.add_argument(
        "--out", type=Path, default=ROOT / "benchmarks" / "results" / "attribution.json"
    )
    args = ap.parse_args(argv)
    if not (args.data / "multi_news").is_dir():
        print(f"{args.data}: no multi_news folder (give --data the shared data folder)")
        return 2

    if args.scale:
        result = scale(args.data, args.scale, args.profile)
        print(json.dumps(result, indent=1))
        return 0

    gold_ids = {
        json.loads(f.read_text())["cluster_id"] for f in (args.data / "facts_gold").glob("*.json")
    }
    mn = [prepare(cid, arts) for cid, arts in multi_news(args.data, args.limit)]
    sets = {
        "multi_news": mn,
        "facts_gold": [p for p in mn if p.name in gold_ids],
        "kaesong": [prepare("kaesong", kaesong())],
        "MJ_bbc": [prepare("MJ_bbc", timeline_topic(args.data, "MJ_bbc"))],
    }
    by_name = {p.name: p for ps in sets.values() for p in ps}
    rows = [run_set(name, ps) for name, ps in sets.items()]
    print(f"{'set':<11} {'clusters':>8} {'quotes':>7} {'speaker':>8}  kinds / entity types / s")
    for r in rows:
        print(
            f"{r['set']:<11} {r['clusters']:>8} {r['quotes']:>7} {r['speaker_share']!s:>8}  "
            f"{r['speaker_kinds']}  {r['entity_types']}  "
            f"ent {r['seconds_entities']} s, quotes {r['seconds_quotes']} s"
        )
    rng = random.Random(args.seed)
    pool_q = [x for r in rows if r["set"] != "facts_gold" for x in r["_quotes"]]  # type: ignore[union-attr]
    pool_e = [x for r in rows if r["set"] != "facts_gold" for x in r["_entities"]]  # type: ignore[union-attr]
    print(f"\n--- {args.sample} attributions (seed {args.seed}) ---")
    for i, (name, q) in enumerate(rng.sample(pool_q, min(args.sample, len(pool_q))), 1):
        sent = source_sentence(by_name[name], q)
        print(f"{i:>2}. [{name[:8]}] speaker={q.speaker!r}\n    quote: {q.text[:140]}")
        print(f"    sent:  {sent[:300]}")
    print(f"\n--- {args.sample} entity typings (seed {args.seed}) ---")
    for i, (name, e) in enumerate(rng.sample(pool_e, min(args.sample, len(pool_e))), 1):
        print(f"{i:>2}. [{name[:8]}] {e.type:<12} {e.name!r}  variants={list(e.variants)[:3]}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(
        json.dumps(
            {
                "command": " ".join(sys.argv),
                "sets": [{k: v for k, v in r.items() if not k.startswith("_")} for r in rows],
            },
            indent=1,
        )
        + "\n"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
