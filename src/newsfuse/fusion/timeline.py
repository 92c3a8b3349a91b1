"""The timeline: what the articles say happened on which day.

Every sentence that mentions a date (resolved per article by :mod:`newsfuse.dates`) is a
candidate entry for that date. Dates are ranked by how many independent sources mention them;
for each date the entry is the sentence the others restate most (its content is what the
sources share about that day), and a second entry is added only when another sentence says
something else. Each entry lists the articles that report it and how relative dates were read.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from newsfuse.fusion import dates as dating
from newsfuse.fusion.text import content_stems, inverse_frequency, overlap
from newsfuse.models import Article, DateMention, DatePrecision, Family, Sentence, TimelineEntry
from newsfuse.settings import DEFAULT, TimelineSettings

_Key = tuple[dt.date, dt.date, DatePrecision]


@dataclass(frozen=True)
class _Candidate:
    article: str
    family: int
    sentence: Sentence
    mention: DateMention
    stems: frozenset[str]


def timeline(
    articles: Sequence[Article],
    sentences: Mapping[str, Sequence[Sentence]],
    families: Sequence[Family],
    event_date: dt.date | None = None,
    *,
    dated: Mapping[str, Sequence[Sequence[DateMention]]] | None = None,
    max_dates: int | None = None,
    per_date: int = 1,
    day_only: bool = False,
    settings: TimelineSettings = DEFAULT.timeline,
) -> tuple[TimelineEntry, ...]:
    """Dated entries in date order.

    ``dated`` is :func:`newsfuse.dates.in_articles` if already computed. ``max_dates`` keeps
    the dates with most independent sources (default: as many as fit ``max_entries``);
    ``per_date`` is the most entries one date may have; ``day_only`` drops weeks, months and
    years (a timeline of days, as benchmarks score it).
    """
    if dated is None:
        dated = dating.in_articles(articles, sentences, event_date)
    family_of = {m: f.id for f in families for m in f.members}
    weights = inverse_frequency(s.text for ss in sentences.values() for s in ss)

    by_date: dict[_Key, list[_Candidate]] = defaultdict(list)
    for a in articles:
        for s, mentions in zip(sentences.get(a.id, ()), dated.get(a.id, ()), strict=False):
            if len(s.text.split()) < settings.min_words:
                continue
            stems = frozenset(content_stems(s.text))
            for m in mentions:
                if day_only and m.precision != "day":
                    continue
                key = (m.date, m.until, m.precision)
                by_date[key].append(_Candidate(a.id, family_of.get(a.id, 0), s, m, stems))

    _fold_into_days(by_date, weights, settings)

    def support(key: _Key) -> tuple[int, ...]:
        found = by_date[key]
        precise = key[2] == "day"
        return (len({c.family for c in found}), precise, len({c.article for c in found}))

    ranked = sorted(by_date, key=support, reverse=True)
    if max_dates is not None:
        ranked = ranked[:max_dates]
    picks: dict[_Key, list[tuple[_Candidate, list[_Candidate]]]] = {}
    total = 0
    for key in ranked:
        if max_dates is None and total >= settings.max_entries:
            break
        picks[key] = _entries_for(by_date[key], weights, per_date, settings)
        total += len(picks[key])

    entries: list[TimelineEntry] = []
    for key in sorted(picks):
        for pick, reporters in picks[key]:
            entries.append(
                TimelineEntry(
                    date=key[0],
                    until=key[1] if key[1] != key[0] else None,
                    precision=key[2],
                    what=pick.sentence.text,
                    sources=tuple(a.id for a in articles if a.id in {c.article for c in reporters}),
                    resolution=tuple(
                        dict.fromkeys(
                            dating.explain(c.mention, c.article)
                            for c in reporters
                            if c.mention.relative
                        )
                    ),
                )
            )
    return tuple(entries)


def _fold_into_days(
    by_date: dict[_Key, list[_Candidate]], weights: Mapping[str, float], settings: TimelineSettings
) -> None:
    """Move a vaguer mention ("over the weekend") to a day it covers when another article
    reports the same thing on that day ("on Saturday"): a refinement, so one entry."""
    days = [k for k in by_date if k[2] == "day"]
    for key in [k for k in by_date if k[2] in ("weekend", "week")]:
        inside = [d for d in days if key[0] <= d[0] <= key[1]]
        keep: list[_Candidate] = []
        for c in by_date[key]:
            target = next(
                (
                    d
                    for d in inside
                    if any(
                        overlap(c.stems, o.stems, weights) >= settings.same_report
                        for o in by_date[d]
                    )
                ),
                None,
            )
            (by_date[target] if target else keep).append(c)
        if keep:
            by_date[key] = keep
        else:
            del by_date[key]


def _entries_for(
    candidates: Sequence[_Candidate],
    weights: Mapping[str, float],
    per_date: int,
    settings: TimelineSettings,
) -> list[tuple[_Candidate, list[_Candidate]]]:
    """The most restated sentences for one date, each with the candidates reporting it."""
    unique = list({(c.article, c.sentence.index): c for c in candidates}.values())

    def reporters(c: _Candidate) -> list[_Candidate]:
        return [
            o
            for o in unique
            if o is c or overlap(c.stems, o.stems, weights) >= settings.same_report
        ]

    scored = sorted(
        unique,
        key=lambda c: (
            -len({o.family for o in reporters(c)}),
            -sum(overlap(c.stems, o.stems, weights) for o in unique if o is not c),
            c.sentence.index,
        ),
    )
    picked: list[tuple[_Candidate, list[_Candidate]]] = []
    for c in scored:
        if len(picked) >= per_date:
            break
        mine = reporters(c)
        if any(
            overlap(c.stems, p.stems, weights) >= settings.distinct
            or {o.article for o in mine} <= {o.article for o in theirs}
            for p, theirs in picked
        ):
            continue  # the same report again, or nothing a source adds beyond the first
        picked.append((c, mine))
    return picked
