"""Named things as facts: what the reports name alike, without a figure or a role.

"Their findings have been published in the Journal of Forensic Sciences", "poisoned at the
airport in Kuala Lumpur", "her apartment in the Dakota building": many facts of an event are a
place, an institution, a hospital, a website or a person the reports name, and no figure. A
name two independent sources write is such a fact; its sources are every article writing one
of its spellings (a name is a surface form no paraphrase of another topic shares, so the source
set stays exact), and it is shown with the sentence whose words the other articles' mentions
share most: what the reports say about it alike.

The story's main actors (named in a large share of the sentences) are what every fact is
about, not facts themselves; names with a role are :mod:`newsfuse.fusion.roles`' facts.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence

from newsfuse.fusion import phrases
from newsfuse.fusion.text import content_stems, overlap
from newsfuse.models import Entity, Fact, Sentence
from newsfuse.settings import DEFAULT, FactSettings


def name_facts(
    entities: Sequence[Entity],
    sentences: Mapping[str, Sequence[Sentence]],
    family_of: Mapping[str, int],
    weights: Mapping[str, float],
    taken: Sequence[str] = (),
    settings: FactSettings = DEFAULT.facts,
) -> list[Fact]:
    """One fact per name written by two or more families, other than the story's main actors
    and the names in ``taken`` (those of the role facts), most independent sources first."""
    total = sum(len(ss) for ss in sentences.values()) or 1
    out: list[tuple[tuple[int, int], Fact]] = []
    taken_keys = {t.lower() for t in taken}
    for e in entities:
        if e.independent_sources < 2 or e.name.lower() in taken_keys:
            continue
        if len(e.name) < settings.name_min_chars:
            continue  # "U.S.", "AP": too short to be a fact of its own
        spellings = sorted({e.name, *e.variants}, key=len, reverse=True)
        name = re.compile(
            r"(?<![\w-])(?:" + "|".join(re.escape(s) for s in spellings) + r")(?![\w-])"
        )
        hits = [(s, m) for ss in sentences.values() for s in ss for m in [name.search(s.text)] if m]
        if len(hits) > settings.name_max_share * total:
            continue  # a main actor of the story
        sources = [a for a in sentences if any(s.article_id == a for s, _ in hits)]
        families = {family_of.get(a, 0) for a in sources}
        if len(families) < 2:
            continue
        rep, match = _representative(hits, weights)
        about = phrases.nearby(rep.text, match.start(), match.end())
        fact = Fact(
            about=about,
            kind="name",
            value=e.name,
            text=rep.text,
            sources=tuple(sources),
            independent_sources=len(families),
            status="corroborated",
        )
        out.append(((-len(families), -len(sources)), fact))
    out.sort(key=lambda item: item[0])
    return [f for _, f in out[: settings.max_name_facts]]


def _representative(
    hits: Sequence[tuple[Sentence, re.Match[str]]], weights: Mapping[str, float]
) -> tuple[Sentence, re.Match[str]]:
    """The mention whose sentence shares most words with the other articles' mentions (then
    the earliest): what the reports say about the name alike."""
    stems = [frozenset(content_stems(s.text)) for s, _ in hits]

    def shared(k: int) -> tuple[float, int]:
        s = hits[k][0]
        score = math.fsum(
            overlap(stems[k], stems[j], weights)
            for j, (o, _) in enumerate(hits)
            if o.article_id != s.article_id
        )
        return score, -s.index

    return hits[max(range(len(hits)), key=shared)]
