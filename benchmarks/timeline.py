"""Timeline quality and speed of newsfuse on Timeline17, against date-mention baselines.

Run from the repository root::

    .venv/bin/python benchmarks/timeline.py --data ../shared/data

Options: ``--topics MJ_bbc,bpoil_bbc`` (default: all nine), ``--out PATH`` (default
``benchmarks/results/timeline.json``). The data path defaults to ``../shared/data`` next to the
repository; a path given on the command line is resolved against the current directory.

Data: the nine topics of Timeline17 (Tran et al. 2013) in ``<data>/timeline17``, one
journalists' timeline each. The articles (``InputDocs/<YYYY-MM-DD>/*.txt``, filed under their
publication date) are tokenised ("Dr Murray 's home , shown in 2010"); they are lightly
detokenised ("Dr Murray's home, shown in 2010") before newsfuse or a baseline sees them. Blocks
of the gold timeline that share a date are merged.

Protocol (the standard one for this data set, as in news-tls, Gholipour Ghalandari & Ifrim
2020): only articles published between the gold timeline's first and last date are used; the
system timeline gets as many dates as the gold one has (l) and per date the gold's average
number of sentences per date, rounded (k, Python ``round`` like news-tls). A system that returns
more is cut to its first l dates and first k sentences per date.

Metrics, per topic, then averaged over topics as news-tls does (precision and recall averaged,
F1 of the averages):

* date P/R/F1: system dates against gold dates, as sets;
* ROUGE-1 with the date-sensitive variants of Martschat & Markert (2017, "Improving ROUGE for
  timeline summarization"; used again in their 2018 "A temporally sensitive submodular framework
  for timeline summarization"): "agreement" (unigram overlap counted only between the system
  and the gold summary of the same date; P over all system tokens, R over all gold tokens),
  "concat" (whole timeline against whole timeline, for context) and "align+ m:1"
  (``align_date_content_costs_many_to_one``: each date aligned to its best gold date by date
  distance and content, overlap discounted by 1/(days apart + 1); the variant news-tls reports).

ROUGE is computed by Martschat's own toolkit, tilse 0.2.1 (``tilse.evaluation.rouge.
TimelineRougeEvaluator``), with its Python ROUGE (``rouge_computation="reimpl"``: lowercased,
ROUGE-1.5.5's stopword list removed, Porter stemmer). Its default, the ROUGE-1.5.5 perl script
through the pyrouge copy it bundles, needs the perl module XML::DOM, which is not installed
here, so the published figures (perl ROUGE) and these can differ a little. tilse 0.2.1 installs
on Python 3.11 but declares heavy dependencies it does not need for evaluation (spacy, textacy,
numba, scikit-learn...); its evaluation needs only nltk, numpy and scipy, which newsfuse's
environment already has, so install it with ``.venv/bin/pip install --no-deps tilse==0.2.1``.
Without tilse the script falls back to its own agreement/concat ROUGE-1 with ``rouge_score``'s
tokenizer and Porter stemmer (no stopword removal, so higher figures; align+ m:1 is then not
reported); the JSON says which was used. Either way both timelines are tokenised alike before
scoring: lowercased runs of [a-z0-9] from the detokenised text, as ROUGE-1.5.5 does.

The metrics are checked on every run before any system is scored: each gold timeline scored
against itself gives 1 for date F1 and every ROUGE variant, an empty timeline 0.

Systems, all given the same articles (``newsfuse.clean.clean``, then
``newsfuse.segment.sentences``; that preparation is shared and timed apart, as "prep"):

* mention baseline: the l dates most mentioned within the span (every day-precision mention
  found by ``newsfuse.dates.mentions`` in every sentence, resolved against the article's
  publication date, plus each article's publication date once), ties to the earlier date; for
  each date the first k distinct sentences, in publication order, that mention it, topped up
  with the first sentences of articles published that day when fewer mention it.
* publication peaks: the l days on which most articles were published, with the first
  sentences of those articles.
* newsfuse: ``newsfuse.timeline.timeline(articles, sentences, families, max_dates=l,
  per_date=k, day_only=True)`` (``day_only`` only if the function takes it), offered through
  ``dated=`` only the date mentions within the span (``newsfuse.dates.in_articles``, filtered):
  the protocol limits every system's dates to the span, as news-tls's systems do. ``families``
  from ``newsfuse.syndication.families`` (about 1 s for 300 articles; past 10 s per topic the
  script would give one family per article instead and say so in the JSON); its time, and that
  of ``in_articles``, count to newsfuse's.
* newsfuse, dates unrestricted: the same without ``dated=``, to show what knowing the span is
  worth to it.

The newsfuse rows are skipped, with a message, while ``newsfuse.timeline`` has no
``timeline``; an exception on one topic is recorded in the JSON and leaves that row without an
average.

Gold data: MJ_bbc's timeline has a block dated "2011-04-0"; it is left out (its date is
unknown) and noted in the JSON. Two topics have short spans with nearly every day a gold date
(bpoil_foxnews: 13 gold dates in 13 days; H1N1_bbc: 7 in 8), so any in-span choice of dates
scores well there, and averages on this 9-timeline subset may run higher than on the full set.

Published context (full Timeline17, 17 timelines, perl ROUGE, so not directly comparable):
good systems reach date F1 of about 0.5 and date-sensitive ROUGE-1 F1 of about 0.08-0.12
(Martschat & Markert 2018; Gholipour Ghalandari & Ifrim 2020).

Prints a table of the averages and one per topic, and writes the averages, per-topic figures
(including each system's dates, but no text of the data set), timings, the command, the date
and the versions to the JSON file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import importlib.metadata
import inspect
import json
import re
import shlex
import sys
import time
import traceback
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "data"  # "../shared/data" from the repository root
DEFAULT_OUT = REPO / "benchmarks" / "results" / "timeline.json"
MENTIONS = "mention baseline"
PEAKS = "publication peaks"
NEWSFUSE = "newsfuse"
NEWSFUSE_FREE = "newsfuse, dates unrestricted"
SYSTEMS = (MENTIONS, PEAKS, NEWSFUSE, NEWSFUSE_FREE)
FAMILIES_SLOW_S = 10.0  # above this per topic, newsfuse gets one family per article

# A system timeline: dates (in the system's order) to sentences.
Timeline = dict[dt.date, list[str]]


# --------------------------------------------------------------------------------------------
# Data
# --------------------------------------------------------------------------------------------

_BRACKETS = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}"}
_DETOK = [
    (re.compile(r"-[LR][RSC]B-"), lambda m: _BRACKETS[m.group()]),
    (re.compile(r"\\([/*])"), r"\1"),  # "NEW YORK\/SAN FRANCISCO", "\* Obama calls"
    (re.compile(r"``\s*"), '"'),
    (re.compile(r"\s*''"), '"'),
    (re.compile(r"`\s*"), "'"),
    (re.compile(r" +([,.;:!?%)\]}])"), r"\1"),
    (re.compile(r"([(\[{$#]) +"), r"\1"),
    (re.compile(r" +(n't|'s|'re|'ve|'ll|'d|'m)\b", re.IGNORECASE), r"\1"),
    (re.compile(r" +'(?= |$)", re.MULTILINE), "'"),  # closing quote, plural possessive
    (re.compile(r"[ \t]+$", re.MULTILINE), ""),
]


def detokenize(text: str) -> str:
    """Undo the PTB tokenisation of Timeline17 ("Murray 's home , in 2010 ." -> "Murray's
    home, in 2010."); line breaks are kept."""
    for pattern, replacement in _DETOK:
        text = pattern.sub(replacement, text)
    return text


@dataclass(frozen=True)
class Doc:
    id: str  # "<date>/<file name>"
    text: str  # detokenised, one line per line of the file
    published: dt.date


@dataclass
class Topic:
    name: str
    docs: list[Doc]  # all articles, in (publication date, file name) order
    gold: dict[dt.date, list[str]]  # detokenised sentences, blocks of one date merged
    gold_file: str
    gold_notes: list[str]

    @property
    def first(self) -> dt.date:
        return min(self.gold)

    @property
    def last(self) -> dt.date:
        return max(self.gold)

    @property
    def max_dates(self) -> int:
        return len(self.gold)

    @property
    def per_date(self) -> int:
        return round(sum(map(len, self.gold.values())) / len(self.gold))

    def window(self) -> list[Doc]:
        return [d for d in self.docs if self.first <= d.published <= self.last]


_DATE_LINE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})\s*$")
_BROKEN_DATE = re.compile(r"^\s*\d{4}-\d{1,2}-?\d{0,2}\s*$")  # "2011-04-0" in MJ_bbc
_DASHES = re.compile(r"^\s*-{5,}\s*$")


def parse_timeline(text: str) -> tuple[dict[dt.date, list[str]], list[str]]:
    """Blocks of a ``YYYY-MM-DD`` line then its sentences, separated by lines of dashes; blocks
    of one date are merged. A block whose date line is broken is left out (its date is
    unknown); the notes say which."""
    out: dict[dt.date, list[str]] = {}
    notes: list[str] = []
    date: dt.date | None = None
    skipping = False
    for line in text.splitlines():
        if _DASHES.match(line):
            date, skipping = None, False
        elif m := _DATE_LINE.match(line):
            date = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            out.setdefault(date, [])
        elif date is None and _BROKEN_DATE.match(line):
            skipping = True
            notes.append(f"block dated {line.strip()!r} left out: not a date")
        elif line.strip() and not skipping:
            if date is None:
                raise ValueError(f"sentence outside a dated block: {line[:60]!r}")
            out[date].append(detokenize(line.strip()))
    return {d: s for d, s in sorted(out.items()) if s}, notes


def load_topic(root: Path, name: str) -> Topic:
    folder = root / name
    files = sorted((folder / "timelines").glob("*.txt"))
    if len(files) != 1:
        raise ValueError(f"{folder}/timelines: expected one timeline, found {len(files)}")
    gold, notes = parse_timeline(files[0].read_text(encoding="utf-8", errors="replace"))
    docs = []
    for day in sorted(p for p in (folder / "InputDocs").iterdir() if p.is_dir()):
        published = dt.date.fromisoformat(day.name)
        for path in sorted(day.glob("*.txt")):
            raw = path.read_text(encoding="utf-8", errors="replace")
            lines = [line.strip() for line in raw.splitlines() if line.strip()]
            docs.append(Doc(f"{day.name}/{path.name}", detokenize("\n".join(lines)), published))
    return Topic(name, docs, gold, files[0].name, notes)


def topic_names(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir() if (p / "InputDocs").is_dir())


# --------------------------------------------------------------------------------------------
# Metrics
# --------------------------------------------------------------------------------------------

_TOKEN = re.compile(r"[a-z0-9]+")


def tokenized(sentence: str) -> str:
    """What ROUGE-1.5.5 compares: lowercase alphanumeric runs, joined by spaces."""
    return " ".join(_TOKEN.findall(sentence.lower()))


def prf(p: float, r: float) -> dict[str, float]:
    return {"precision": p, "recall": r, "f1": 0.0 if p + r == 0 else 2 * p * r / (p + r)}


def date_scores(pred: Timeline, gold: Mapping[dt.date, Sequence[str]]) -> dict[str, float]:
    shared = len(set(pred) & set(gold))
    return prf(shared / len(pred) if pred else 0.0, shared / len(gold) if gold else 0.0)


class TilseRouge:
    """ROUGE-1 of tilse's TimelineRougeEvaluator (Python reimplementation of ROUGE)."""

    name = (
        "tilse 0.2.1 TimelineRougeEvaluator, rouge_computation='reimpl' "
        "(ROUGE-1.5.5 stopwords removed, Porter stemmer)"
    )
    variants = ("agreement", "concat", "align_m1")

    def __init__(self) -> None:
        from tilse.data.timelines import GroundTruth
        from tilse.data.timelines import Timeline as TilseTimeline
        from tilse.evaluation import rouge

        self._timeline, self._truth = TilseTimeline, GroundTruth
        self._evaluator = rouge.TimelineRougeEvaluator(
            measures={"rouge_1"}, rouge_computation="reimpl"
        )

    def score(self, pred: Timeline, gold: Mapping[dt.date, Sequence[str]]) -> dict[str, dict]:
        pred = {d: [tokenized(s) for s in ss] for d, ss in pred.items() if ss}
        if not pred or not any(pred.values()):  # tilse divides by zero on an empty timeline
            return {v: prf(0.0, 0.0) for v in self.variants}
        tl = self._timeline(pred)
        reference = {d: [tokenized(s) for s in ss] for d, ss in gold.items()}
        truth = self._truth([self._timeline(reference)])
        e = self._evaluator
        out = {}
        for variant, method in (
            ("agreement", e.evaluate_agreement),
            ("concat", e.evaluate_concat),
            ("align_m1", e.evaluate_align_date_content_costs_many_to_one),
        ):
            r1 = method(tl, truth)["rouge_1"]
            out[variant] = prf(float(r1["precision"]), float(r1["recall"]))
        return out


class OwnRouge:
    """Agreement and concat ROUGE-1 with rouge_score's tokenizer and Porter stemmer."""

    name = (
        "own agreement/concat ROUGE-1 "
        "(rouge_score 0.1.2 tokenizer + Porter stemmer, no stopword removal)"
    )
    variants = ("agreement", "concat")

    def __init__(self) -> None:
        from rouge_score import tokenizers

        self._tokenizer = tokenizers.DefaultTokenizer(use_stemmer=True)

    def _counts(self, sentences: Sequence[str]) -> Counter[str]:
        return Counter(t for s in sentences for t in self._tokenizer.tokenize(tokenized(s)))

    def score(self, pred: Timeline, gold: Mapping[dt.date, Sequence[str]]) -> dict[str, dict]:
        p = {d: self._counts(ss) for d, ss in pred.items()}
        g = {d: self._counts(ss) for d, ss in gold.items()}
        p_len = sum(c.total() for c in p.values())
        g_len = sum(c.total() for c in g.values())

        def ratio(hits: int, total: int) -> float:
            return hits / total if total else 0.0

        agree = sum((p[d] & g[d]).total() for d in p.keys() & g.keys())
        concat = (sum(p.values(), Counter()) & sum(g.values(), Counter())).total()
        return {
            "agreement": prf(ratio(agree, p_len), ratio(agree, g_len)),
            "concat": prf(ratio(concat, p_len), ratio(concat, g_len)),
        }


def make_rouge() -> TilseRouge | OwnRouge:
    try:
        return TilseRouge()
    except ImportError:
        return OwnRouge()


def score(rouge, pred: Timeline, gold: Mapping[dt.date, Sequence[str]]) -> dict[str, dict]:
    return {"date": date_scores(pred, gold), **rouge.score(pred, gold)}


def sanity_check(rouge, topics: Sequence[Topic]) -> dict:
    """Gold against itself must score 1 everywhere, an empty timeline 0; raises otherwise."""
    checks = {}
    for t in topics:
        itself = score(rouge, {d: list(s) for d, s in t.gold.items()}, t.gold)
        empty = score(rouge, {}, t.gold)
        bad = [
            f"{t.name} {case} {metric} {k}={v[k]:.4f}"
            for case, scores, want in (("gold-vs-gold", itself, 1.0), ("empty", empty, 0.0))
            for metric, v in scores.items()
            for k in ("precision", "recall", "f1")
            if abs(v[k] - want) > 1e-9
        ]
        if bad:
            raise AssertionError("metric sanity check failed: " + "; ".join(bad))
        checks[t.name] = "ok"
    return {"gold_vs_gold": 1.0, "empty": 0.0, "topics": checks}


def average(per_topic: Sequence[dict[str, dict]]) -> dict[str, dict]:
    """news-tls's averaging: mean precision and recall over topics, F1 of the means."""
    out = {}
    for metric in per_topic[0]:
        p = sum(s[metric]["precision"] for s in per_topic) / len(per_topic)
        r = sum(s[metric]["recall"] for s in per_topic) / len(per_topic)
        out[metric] = prf(p, r)
        out[metric]["mean_f1"] = sum(s[metric]["f1"] for s in per_topic) / len(per_topic)
    return out


# --------------------------------------------------------------------------------------------
# Shared preparation and the baselines
# --------------------------------------------------------------------------------------------


@dataclass
class Prepared:
    articles: list  # newsfuse Articles, cleaned, in publication order
    sentences: dict[str, list]  # article id -> newsfuse Sentences
    seconds: float


def prepare(docs: Sequence[Doc]) -> Prepared:
    from newsfuse.fusion.clean import clean
    from newsfuse.fusion.segment import sentences
    from newsfuse.models import Article

    t0 = time.perf_counter()
    articles = [
        clean(Article(id=d.id, text=d.text, published=d.published, published_from="metadata"))
        for d in docs
    ]
    sents = {a.id: sentences(a) for a in articles}
    return Prepared(articles, sents, time.perf_counter() - t0)


def _key(sentence: str) -> str:
    return tokenized(sentence)


@dataclass
class _Picker:
    """Collects up to ``k`` distinct sentences per date."""

    k: int
    out: dict[dt.date, list[str]] = field(default_factory=dict)
    seen: dict[dt.date, set[str]] = field(default_factory=lambda: defaultdict(set))

    def add(self, day: dt.date, sentence: str) -> None:
        picked = self.out.setdefault(day, [])
        key = _key(sentence)
        if len(picked) < self.k and key and key not in self.seen[day]:
            self.seen[day].add(key)
            picked.append(sentence)


def mention_baseline(prep: Prepared, first: dt.date, last: dt.date, l: int, k: int) -> Timeline:
    """The l most mentioned days in [first, last], each with the first k sentences naming it."""
    from newsfuse.fusion.dates import mentions

    counts: Counter[dt.date] = Counter()
    naming: dict[dt.date, list[str]] = defaultdict(list)  # in publication order
    leads: dict[dt.date, list[str]] = defaultdict(list)  # first sentences of that day's articles
    for a in prep.articles:
        counts[a.published] += 1
        sents = prep.sentences[a.id]
        if sents:
            leads[a.published].append(sents[0].text)
        for s in sents:
            days = [m.date for m in mentions(s.text, base=a.published) if m.precision == "day"]
            counts.update(days)
            for day in dict.fromkeys(days):
                if len(naming[day]) < 4 * k:  # enough to find k distinct ones
                    naming[day].append(s.text)
    ranked = sorted((d for d in counts if first <= d <= last), key=lambda d: (-counts[d], d))
    picker = _Picker(k)
    for day in ranked[:l]:
        for sentence in naming[day] + leads[day]:
            picker.add(day, sentence)
    return picker.out


def peaks_baseline(prep: Prepared, first: dt.date, last: dt.date, l: int, k: int) -> Timeline:
    """The l days with most articles published, with those articles' first sentences."""
    published = Counter(a.published for a in prep.articles if first <= a.published <= last)
    picker = _Picker(k)
    for day in sorted(published, key=lambda d: (-published[d], d))[:l]:
        for a in prep.articles:
            if a.published == day and prep.sentences[a.id]:
                picker.add(day, prep.sentences[a.id][0].text)
    return picker.out


# --------------------------------------------------------------------------------------------
# newsfuse
# --------------------------------------------------------------------------------------------


def newsfuse_timeline_function() -> tuple[Callable | None, str | None]:
    """``newsfuse.timeline.timeline``, or None and why it cannot be run."""
    try:
        module = importlib.import_module("newsfuse.fusion.timeline")
    except ModuleNotFoundError as e:
        if e.name == "newsfuse.timeline":
            return None, "newsfuse.timeline does not exist yet; newsfuse row skipped"
        return None, f"importing newsfuse.timeline failed: {e!r}; newsfuse row skipped"
    except Exception as e:  # the module is being edited
        return None, f"importing newsfuse.timeline failed: {e!r}; newsfuse row skipped"
    if not hasattr(module, "timeline"):
        return None, "newsfuse.timeline has no timeline() yet; newsfuse row skipped"
    return module.timeline, None


def run_newsfuse(
    function: Callable, prep: Prepared, l: int, k: int, span: tuple[dt.date, dt.date] | None
) -> tuple[Timeline, dict]:
    """newsfuse's timeline of one topic, cut to the protocol, and what happened on the way.

    With ``span``, only date mentions within it are offered (``dated=``), as the protocol limits
    every system's dates to the gold timeline's span; without, newsfuse picks from all.
    """
    from newsfuse.fusion import dates
    from newsfuse.fusion.syndication import families
    from newsfuse.models import Family

    params = inspect.signature(function).parameters
    kwargs: dict = {"max_dates": l, "per_date": k}
    if "day_only" in params:
        kwargs["day_only"] = True  # a timeline of days, as it is scored
    info: dict = {"kwargs": sorted(kwargs) + (["dated"] if span else [])}
    t0 = time.perf_counter()
    fams = families(prep.articles)
    info["families_seconds"] = time.perf_counter() - t0
    if info["families_seconds"] > FAMILIES_SLOW_S:
        # Too slow to be the setting newsfuse runs in: one family per article instead.
        fams = [Family(id=i, members=(a.id,)) for i, a in enumerate(prep.articles, start=1)]
        info["families"] = f"singletons (families() took {info['families_seconds']:.1f} s)"
    else:
        info["families"] = f"{len(fams)} from newsfuse.syndication.families"
    t1 = time.perf_counter()
    if span is not None:
        if "dated" not in params or not hasattr(dates, "in_articles"):
            raise RuntimeError("timeline() takes no dated= (or dates.in_articles is missing)")
        first, last = span
        kwargs["dated"] = {
            aid: [[m for m in ms if first <= m.date and m.until <= last] for ms in per_sentence]
            for aid, per_sentence in dates.in_articles(prep.articles, prep.sentences, None).items()
        }
    entries = list(function(prep.articles, prep.sentences, fams, None, **kwargs))
    info["timeline_seconds"] = time.perf_counter() - t1
    info["seconds"] = info["families_seconds"] + info["timeline_seconds"]
    info["entries"] = len(entries)
    info["non_day_entries"] = sum(e.precision != "day" for e in entries)
    out: Timeline = {}
    for e in entries:
        if e.date not in out and len(out) >= l:
            info["cut_dates"] = info.get("cut_dates", 0) + 1
            continue
        picked = out.setdefault(e.date, [])
        if len(picked) < k:
            picked.append(e.what)
        else:
            info["cut_sentences"] = info.get("cut_sentences", 0) + 1
    return out, info


# --------------------------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------------------------


def _f(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def render_tables(report: dict, console) -> None:
    from rich.table import Table

    averages = report["average"]
    align = "align_m1" in report["rouge_variants"]
    table = Table(
        title=f"Timeline17 ({len(report['topics'])} topics): averages over topics",
        caption_justify="left",
    )
    table.add_column("System")
    for column in (
        "date P",
        "date R",
        "date F1",
        "agree R1 P",
        "agree R1 R",
        "agree R1 F1",
        "concat R1 F1",
        *(["align+ m:1 R1 F1"] if align else []),
        "s / topic",
    ):
        table.add_column(column, justify="right")  # fmt: skip
    for system in SYSTEMS:
        avg = averages.get(system)
        if avg is None:
            status = "skipped" if report.get("newsfuse_skipped") else "failed on a topic"
            table.add_row(f"▶ {system}" if system == NEWSFUSE else system, status, style="dim")
            continue
        cells = [avg["date"]["precision"], avg["date"]["recall"], avg["date"]["f1"],
                 avg["agreement"]["precision"], avg["agreement"]["recall"], avg["agreement"]["f1"],
                 avg["concat"]["f1"], *([avg["align_m1"]["f1"]] if align else [])]  # fmt: skip
        seconds = report["seconds_per_topic"][system]
        style = "bold cyan" if system == NEWSFUSE else None
        name = f"▶ {system}" if system == NEWSFUSE else system
        table.add_row(name, *map(_f, cells), f"{seconds:.2f}", style=style)
    lines = [
        f"ROUGE: {report['rouge_implementation']}.",
        "Averages as news-tls: P and R averaged over topics, F1 of the averages. Time excludes the"
        f" shared preparation (clean + segment: {report['prep_seconds_per_topic']:.2f} s / topic).",
        "Metric sanity check (gold vs itself = 1, empty = 0): passed.",
    ]
    if report.get("newsfuse_skipped"):
        lines.append(f"[yellow]{report['newsfuse_skipped']}[/]")
    for name, t in report["topics"].items():
        for system in (NEWSFUSE, NEWSFUSE_FREE):
            error = t["systems"].get(system, {}).get("error")
            if error:
                lines.append(f"[red]{system} raised on {name}:[/] {error.strip().splitlines()[-1]}")
    table.caption = "\n".join(lines)
    console.print(table)

    per = Table(title="Per topic: date F1 · agreement ROUGE-1 F1 · seconds", caption_justify="left")
    for column in ("Topic", "l", "k", "articles"):
        per.add_column(column, justify="left" if column == "Topic" else "right")
    for system in SYSTEMS:
        per.add_column(system, justify="right")
    for name, t in report["topics"].items():
        cells = [name, str(t["gold_dates"]), str(t["per_date"]),
                 f"{t['articles_in_window']}/{t['articles_total']}"]  # fmt: skip
        for system in SYSTEMS:
            s = t["systems"].get(system)
            if s is None:
                cells.append("–")
            elif "scores" not in s:
                cells.append("[red]failed[/]")
            else:
                scores = s["scores"]
                cells.append(
                    f"{_f(scores['date']['f1'])} · {_f(scores['agreement']['f1'])}"
                    f" · {s['seconds']:.2f}"
                )
        per.add_row(*cells)
    per.caption = (
        "l = gold dates (= most system dates), k = sentences per date; articles = published "
        "within the gold timeline's span / all. newsfuse is offered only the date mentions "
        "within the span, as the protocol limits every system's dates to it; the unrestricted "
        "row shows what that costs it."
    )
    console.print(per)


def _versions() -> dict[str, str | None]:
    out = {}
    for package in ("newsfuse", "tilse", "rouge-score", "nltk", "sentencex"):
        try:
            out[package] = importlib.metadata.version(package)
        except importlib.metadata.PackageNotFoundError:
            out[package] = None
    return out


def _rounded(scores: dict) -> dict:
    return {m: {k: round(v, 4) for k, v in s.items()} for m, s in scores.items()}


# --------------------------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--data",
        type=Path,
        default=None,
        help="benchmark data folder (default: ../shared/data from the repo root)",
    )
    parser.add_argument("--topics", default=None, help="comma-separated topics (default: all)")
    parser.add_argument(
        "--out", type=Path, default=None, help=f"JSON results (default {DEFAULT_OUT})"
    )
    args = parser.parse_args(argv)  # fmt: skip
    args.data = (args.data or DEFAULT_DATA).resolve()
    args.out = (args.out or DEFAULT_OUT).resolve()
    root = args.data / "timeline17"
    if not root.is_dir():
        parser.error(f"{root} not found")
    available = topic_names(root)
    args.topics = (
        [t.strip() for t in args.topics.split(",") if t.strip()] if args.topics else available
    )
    unknown = [t for t in args.topics if t not in available]
    if unknown:
        parser.error(f"unknown topic(s) {unknown}; choose from {available}")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    started = time.perf_counter()
    root = args.data / "timeline17"
    topics = [load_topic(root, name) for name in args.topics]
    rouge = make_rouge()
    sanity = sanity_check(rouge, topics)
    nf_function, nf_skipped = newsfuse_timeline_function()

    results: dict[str, dict] = {}
    progress = Progress(
        TextColumn("{task.description:<34}"), BarColumn(), MofNCompleteColumn(),
        TimeElapsedColumn(), console=Console(stderr=True),
    )  # fmt: skip
    with progress:
        task = progress.add_task("topics", total=len(topics))
        for t in topics:
            progress.update(task, description=f"{t.name}")
            docs = t.window()
            l, k = t.max_dates, t.per_date
            prep = prepare(docs)
            row: dict = {
                "gold_file": t.gold_file,
                "gold_notes": t.gold_notes,
                "span": [t.first.isoformat(), t.last.isoformat()],
                "gold_dates": l,
                "gold_sentences": sum(map(len, t.gold.values())),
                "per_date": k,
                "articles_total": len(t.docs),
                "articles_in_window": len(docs),
                "sentences": sum(map(len, prep.sentences.values())),
                "prep_seconds": round(prep.seconds, 3),
                "systems": {},
            }
            for system, build in ((MENTIONS, mention_baseline), (PEAKS, peaks_baseline)):
                t0 = time.perf_counter()
                pred = build(prep, t.first, t.last, l, k)
                seconds = time.perf_counter() - t0
                row["systems"][system] = {
                    "scores": score(rouge, pred, t.gold),
                    "seconds": round(seconds, 3),
                    "dates": sorted(d.isoformat() for d in pred),
                }
            for system, span in ((NEWSFUSE, (t.first, t.last)), (NEWSFUSE_FREE, None)):
                if nf_function is None:
                    break
                try:
                    pred, info = run_newsfuse(nf_function, prep, l, k, span)
                    info["dates_outside_span"] = sum(not t.first <= d <= t.last for d in pred)
                    seconds = info.pop("seconds")
                    row["systems"][system] = {
                        "scores": score(rouge, pred, t.gold),
                        "seconds": round(seconds, 3),
                        **{n: round(v, 3) if isinstance(v, float) else v for n, v in info.items()},
                        "dates": sorted(d.isoformat() for d in pred),
                    }
                except Exception:
                    row["systems"][system] = {"error": traceback.format_exc(limit=-4)}
            results[t.name] = row
            progress.advance(task)

    averages, seconds = {}, {}
    for system in SYSTEMS:
        scored = [
            r["systems"][system]
            for r in results.values()
            if "scores" in r["systems"].get(system, {})
        ]
        if len(scored) == len(results):  # a system that failed on a topic gets no average
            averages[system] = _rounded(average([s["scores"] for s in scored]))
            seconds[system] = round(sum(s["seconds"] for s in scored) / len(scored), 3)
    for row in results.values():
        for s in row["systems"].values():
            if "scores" in s:
                s["scores"] = _rounded(s["scores"])

    elapsed = time.perf_counter() - started
    report = {
        "command": shlex.join(sys.orig_argv),
        "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "versions": _versions(),
        "data": str(root),
        "protocol": (
            "articles published within the gold timeline's first..last date; l = gold dates, "
            "k = round(mean gold sentences per date); system cut to l dates, k sentences each; "
            "date P/R/F1 on date sets; ROUGE-1 agreement (same-date overlap), concat, align+ m:1; "
            "averages: mean P and R over topics, F1 of the means (mean_f1 = mean of topic F1s)"
        ),
        "rouge_implementation": rouge.name,
        "rouge_variants": list(rouge.variants),
        "sanity_check": sanity,
        "average": averages,
        "seconds_per_topic": seconds,
        "prep_seconds_per_topic": round(
            sum(r["prep_seconds"] for r in results.values()) / len(results), 3
        ),
        "newsfuse_skipped": nf_skipped,
        "topics": results,
        "run_seconds": round(elapsed, 1),
    }
    console = Console()
    if not console.is_terminal:  # piped or captured: do not squeeze the tables into 80 columns
        console = Console(width=150)
    render_tables(report, console)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    print(f"Wrote {args.out} in {elapsed:.0f} s.", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
