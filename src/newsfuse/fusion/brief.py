"""Assemble the :class:`~newsfuse.models.Brief` from what the stages produced."""

from __future__ import annotations

from collections.abc import Sequence

from newsfuse.fusion.text import word_count
from newsfuse.models import (
    Article,
    ArticleReport,
    Brief,
    Conflict,
    Entity,
    Event,
    Fact,
    Family,
    Quote,
    Skipped,
    SummarySentence,
    TimelineEntry,
)


def assemble(
    articles: Sequence[Article],
    families: Sequence[Family],
    summary: Sequence[SummarySentence],
    skipped: Sequence[Skipped],
    words: int,
    event: Event | None = None,
    facts: Sequence[Fact] = (),
    conflicts: Sequence[Conflict] = (),
    timeline: Sequence[TimelineEntry] = (),
    entities: Sequence[Entity] = (),
    quotes: Sequence[Quote] = (),
) -> Brief:
    family_of = {m: f.id for f in families for m in f.members}
    notes = []
    if len(articles) == 1:
        notes.append("only one article was usable: nothing in this brief is corroborated")
    elif len(families) == 1 and articles:
        notes.append("all articles derive from one text: they count as one independent source")
    if articles and (event is None or event.date is None):
        notes.append("the date of the event could not be determined: no report dates it")
    summary_note = getattr(summary, "note", None) if articles and not summary else None
    if summary_note:
        notes.append(summary_note)
    if len(families) >= 2 and not any(f.status == "corroborated" for f in facts):
        notes.append("no fact is confirmed by two independent sources")
    return Brief(
        title=_title(articles, families),
        words=words,
        event=event,
        summary=tuple(summary),
        summary_note=summary_note,
        facts=tuple(facts),
        conflicts=tuple(conflicts),
        timeline=tuple(timeline),
        entities=tuple(entities),
        quotes=tuple(quotes),
        articles=tuple(
            ArticleReport(
                id=a.id,
                title=a.title,
                source=a.source,
                published=a.published,
                family=family_of[a.id],
                words=word_count(a.body),
                removed_lines=a.removed_lines,
            )
            for a in articles
        ),
        families=tuple(families),
        independent_sources=len(families),
        skipped=tuple(skipped),
        notes=tuple(notes),
    )


def _title(articles: Sequence[Article], families: Sequence[Family]) -> str | None:
    """The headline of the largest family's first titled article: the most-carried framing."""
    titles = {a.id: a.title for a in articles if a.title}
    for family in sorted(families, key=lambda f: -len(f.members)):
        for member in family.members:
            if member in titles:
                return titles[member]
    return None
