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
from newsfuse.fusion.text import STOPWORDS, content_stems
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
    every = [s for ss in sentences.values() for s in ss]
    lowered = [s.text.lower() for s in every]
    total = len(every) or 1
    # words the reports also write in lower case: "Court", "Office", "Street" are common
    # nouns (the rest of a longer name), not names of their own
    lower = {w for ss in sentences.values() for s in ss for w in _LOWER_WORD.findall(s.text)}
    found: list[tuple[tuple[int, int], str, list[tuple[Sentence, re.Match[str]]], list[str], int]]
    found = []
    taken_keys = {t.lower() for t in taken}
    for e in entities:
        if e.independent_sources < 2 or e.name.lower() in taken_keys:
            continue
        if len(e.name) < settings.name_min_chars:
            continue  # "U.S.", "AP": too short to be a fact of its own
        spellings = sorted({e.name, *e.variants}, key=len, reverse=True)
        # a name of several words is that name in any case ("King Edward VII hospital");
        # one word only as written ("Liberty", not "liberty")
        several = " " in e.name
        name = re.compile(
            r"(?<![\w-])(?:" + "|".join(re.escape(s) for s in spellings) + r")(?![\w-])",
            re.IGNORECASE if several else 0,
        )
        firsts = {sp.split()[0].lower() if several else sp for sp in spellings}
        if " " not in e.name and e.name.lower() in lower:
            continue
        hits = [
            (s, m)
            for s, low in zip(every, lowered, strict=True)
            if any(w in (low if several else s.text) for w in firsts)  # (the cheap test first)
            and (m := name.search(s.text)) is not None
        ]
        if len(hits) > settings.name_max_share * total:
            continue  # a main actor of the story
        inside = sum(_in_longer(s.text, m.start(), m.end()) for s, m in hits)
        if 2 * inside > len(hits):
            continue  # mostly part of a longer name ("Kansas City" of "the Kansas City Star")
        sources = [a for a in sentences if any(s.article_id == a for s, _ in hits)]
        families = {family_of.get(a, 0) for a in sources}
        if len(families) < 2:
            continue
        found.append(((-len(families), -len(sources)), e.name, hits, sources, len(families)))
    found.sort(key=lambda item: item[0])
    out = []
    for _, value, hits, sources, independent in found[: settings.max_name_facts]:
        rep, match = _representative(hits, weights)
        out.append(
            Fact(
                about=phrases.nearby(rep.text, match.start(), match.end()),
                kind="name",
                value=value,
                text=rep.text,
                sources=tuple(sources),
                independent_sources=independent,
                status="corroborated",
            )
        )
    return out


_LOWER_WORD = re.compile(r"(?<=\s)[a-z]+\b")
_CAPITALISED_AFTER = re.compile(r"\s+(?:of\s+)?([A-Z][\w.'’-]*)")
_CAPITALISED_BEFORE = re.compile(r"([A-Z][\w.'’-]*)\s+$")


def _in_longer(text: str, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]`` is part of a longer one: a capitalised word
    right after or before it that is no sentence opener ("The", "But")."""
    after = _CAPITALISED_AFTER.match(text, end)
    before = _CAPITALISED_BEFORE.search(text, 0, start)
    return any(m is not None and m.group(1).lower() not in STOPWORDS for m in (after, before))


def _representative(
    hits: Sequence[tuple[Sentence, re.Match[str]]], weights: Mapping[str, float]
) -> tuple[Sentence, re.Match[str]]:
    """The mention whose sentence holds most (by weight) of the words the other articles'
    mentions use, then the earliest: what the reports say about the name alike."""
    stems = [frozenset(content_stems(s.text)) for s, _ in hits]
    by_article: dict[str, set[str]] = {}
    for (s, _), found in zip(hits, stems, strict=True):
        by_article.setdefault(s.article_id, set()).update(found)

    def shared(k: int) -> tuple[float, int]:
        s = hits[k][0]
        others = set().union(*(ws for a, ws in by_article.items() if a != s.article_id))
        return math.fsum(weights.get(w, 1.0) for w in stems[k] & others), -s.index

    return hits[max(range(len(hits)), key=shared)]
