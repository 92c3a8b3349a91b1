"""What happened, where and when: the event the articles report, inferred across them.

The date is the day most independent sources give in their opening sentences (where a report
says when its news happened), among days no later than the report itself and at most
:data:`RECENT_DAYS` before it: older dates in a lead are background ("opened in September
2018"). An article without a publication date reads its relative dates ("Tuesday") against
the publication dates of the others in this pass, and against the event date afterwards.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping, Sequence

from newsfuse.fusion import dates
from newsfuse.fusion.text import content_stems
from newsfuse.models import Article, BaseFrom, DateMention, Entity, Event, Family, Sentence

LEAD_SENTENCES = 5
RECENT_DAYS = 10
BACKGROUND_DAYS = 366  # undated reports: a lead day this far before their latest year is past


def infer(
    articles: Sequence[Article],
    sentences: Mapping[str, Sequence[Sentence]],
    families: Sequence[Family],
    entities: Sequence[Entity] = (),
) -> Event:
    """The event of the cluster; fields it cannot determine are left empty."""
    family_of = {m: f.id for f in families for m in f.members}
    known = sorted(a.published for a in articles if a.published)
    reference = known[len(known) // 2] if known else None

    # date -> article id -> (mention, sentence) of its first lead mention of that date
    support: dict[dt.date, dict[str, tuple[DateMention, str]]] = defaultdict(dict)
    for a in articles:
        base = a.published or reference
        base_from: BaseFrom = "publication" if a.published else "cluster"
        lead = [a.title or ""] + [s.text for s in sentences.get(a.id, ())[:LEAD_SENTENCES]]
        for text in lead:
            for m in dates.mentions(text, base, base_from):
                if m.precision != "day" or not _recent(m.date, base):
                    continue
                support[m.date].setdefault(a.id, (m, text))
    if reference is None and support:
        # No report is dated: a lead's day years before the latest date the reports mention
        # is background ("acquitted on Oct. 3, 1995" in a story of 2017), not the event.
        # (a year two reports mention, so one report's "by 2030" does not count)
        years: dict[int, set[str]] = defaultdict(set)
        for article_id, ss in sentences.items():
            for s in ss:
                for m in dates.mentions(s.text):
                    if m.precision in ("day", "month", "year"):
                        years[m.until.year].add(article_id)
        shared = [y for y, ids in years.items() if len(ids) >= 2]
        latest = dt.date(max(shared), 1, 1) if shared else max(support)
        support = defaultdict(
            dict, {d: v for d, v in support.items() if (latest - d).days <= BACKGROUND_DAYS}
        )
    if not support:
        return Event(what=_what(articles, sentences, families, ()), where=None)

    def strength(day: dt.date) -> tuple[object, ...]:
        ids = support[day]
        return (len({family_of.get(i, i) for i in ids}), len(ids), -day.toordinal())

    day = max(support, key=strength)
    backers = [a.id for a in articles if a.id in support[day]]
    evidence = tuple(dates.explain(support[day][i][0], i) for i in backers)
    lead_sentences = [support[day][i][1] for i in backers]
    return Event(
        what=_what(articles, sentences, families, backers),
        where=_where(lead_sentences, entities),
        date=day,
        precision="day",
        evidence=evidence,
        sources=tuple(backers),
    )


def _recent(day: dt.date, base: dt.date | None) -> bool:
    if base is None:
        return True  # an absolute date with its year, and nothing to compare it with
    return base - dt.timedelta(days=RECENT_DAYS) <= day <= base + dt.timedelta(days=1)


def _what(
    articles: Sequence[Article],
    sentences: Mapping[str, Sequence[Sentence]],
    families: Sequence[Family],
    backers: Sequence[str],
) -> str | None:
    """The opening sentence of the largest family's first article that dates the event (the
    most-carried account of it), else of the largest family."""
    by_id = {a.id: a for a in articles}
    for family in sorted(families, key=lambda f: -len(f.members)):
        for member in family.members:
            if (not backers or member in backers) and sentences.get(member) and member in by_id:
                return sentences[member][0].text
    return None


def _where(lead_sentences: Sequence[str], entities: Sequence[Entity]) -> str | None:
    """The place named in the most dating sentences by the most articles; among equals the
    less mentioned one, which is the more specific ("Kaesong" over "North Korea")."""
    stems = [set(content_stems(s)) for s in lead_sentences]
    best: tuple[tuple[int, int, int], str] | None = None
    for e in entities:
        if e.type != "place":
            continue
        spellings = [e.name, *e.variants]
        hits = sum(
            any(set(content_stems(v)) <= s for v in spellings if content_stems(v)) for s in stems
        )
        if hits == 0:
            continue
        key = (hits, len(e.sources), -e.mentions)
        if best is None or key > best[0]:
            best = (key, e.name)
    return best[1] if best else None
