"""Statements: a clause two or more families state alike, as a fact of its own.

Most of what reports agree on carries no figure ("a bullet shattered his wife's upper-right
arm", "the gun was registered to her"), so no value fact holds it, and a value fact of the same
sentence ("age 55") is sourced for its value only. A statement is a clause (a sentence cut at
";", ", but", ", which", " — " ...) and the clauses of *other families* holding most of its
weighty words (weighted overlap coefficient, some of them words written in lower case: sharing
only names is the same people, not the same statement); its sources are their articles. A
clause seeds one statement at most, seeds with most families first, and every member must
resemble the seed itself, so a long story's reports do not chain into one statement through a
shared word or two.

A short clause (statement_member_min_stems to statement_min_stems content words: "He had a
seizure and died on the way to hospital.") confirms a longer one holding
statement_short_shared_stems of them and most of its weight (statement_short_similarity),
never seeds a statement, and only when said in full (ending with a full stop: no heading "Who
was Kim Jong-nam", no aside cut at a dash), negated where the longer one is ("Holbrooke issued
no statement after the meeting" is not "issued a defiant statement") and writing no figure the
longer one does not ("30 p.m. Wednesday." is not "4:20 p.m. Wednesday").

A clause of another family close to the seed (statement_close_similarity) is a member too
when the members together hold statement_similarity of its weight: one report says one half
of it, another the other ("used a 9 mm Glock pistol and brought several magazines" / "a 9 mm
Glock handgun, was registered and owned by Moseley" / "used a single handgun registered to
her and multiple magazines").

A statement is shown in the wording of the member holding most of what the others say, then
saying most ("Police say the shooting may be connected to an armed robbery hours earlier of a
man answering a Craigslist ad for an Xbox" rather than "... may be related to another robbery
a few hours earlier").
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from newsfuse.fusion.text import content_stems, mass, overlap, pairs_sharing, stem, words
from newsfuse.models import Fact, Sentence
from newsfuse.settings import DEFAULT, FactSettings

_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]*")
# the end of a clause that is said in full: a full stop, maybe inside a closing quote (a "!"
# or "?" cuts a clause: see _CLAUSE)
_TOLD = re.compile(r"\.[\"'”’)]*$")
# a clause saying something is not so, and the figures a clause writes
_NEGATION = re.compile(
    r"\b(?:no|not|never|none|nobody|nothing|neither|nor|without)\b|n['’]t\b", re.I
)
_FIGURE = re.compile(r"\d+")
# where a sentence's clauses meet
_CLAUSE = re.compile(r"[;:!?]|,\s+(?:while|but|whereas|who|which|and)\b|\s[—–]\s")
_WORD = re.compile(r"[\w'’-]+")


@dataclass(frozen=True)
class _Unit:
    """One clause of a sentence: what a statement is made of."""

    sentence: Sentence
    text: str
    stems: frozenset[str]
    plain: frozenset[str]  # stems of the words written in lower case: what is said, not who
    told: bool  # the clause ends its sentence with a full stop: said, not a heading or an aside
    negated: bool  # it holds a negation ("Holbrooke issued no statement after the meeting")
    figures: frozenset[str]  # the numbers written in digits ("30 p.m. Wednesday": 30)


def statement_facts(
    sentences: Mapping[str, Sequence[Sentence]],
    family_of: Mapping[str, int],
    weights: Mapping[str, float],
    settings: FactSettings = DEFAULT.facts,
    covered: Mapping[Sentence, Sequence[frozenset[str]]] = {},
) -> list[Fact]:
    """The statements of the cluster stated by two or more families, most families first.

    ``covered`` gives, for a sentence holding a value fact's claim, that fact's sources: a
    statement whose articles one of its sentences' value facts already has adds nothing (the
    "85-month prison term" sentence is the fact "85 months", sourced wider by its figure).
    """
    if settings.max_statement_facts <= 0:
        return []
    pool = _pool(sentences, settings)
    if len({family_of.get(u.sentence.article_id, 0) for u in pool}) < 2:
        return []
    family = [family_of.get(u.sentence.article_id, 0) for u in pool]
    short = [len(u.stems) < settings.statement_min_stems for u in pool]
    near, close = _links(pool, family, short, weights, settings)

    def families(i: int) -> int:
        return len({family[k] for k in (i, *near[i])})

    seeds = sorted(
        (i for i in near if near[i] and not short[i]),
        key=lambda i: (-families(i), -len(near[i]), pool[i].sentence.index, i),
    )
    used: set[int] = set()
    out: list[Fact] = []
    for i in seeds:
        if len(out) >= settings.max_statement_facts:
            break
        if i in used:
            continue
        # a clause seeds one statement at most, but it may confirm several (a sentence of
        # one report holds what two sentences of another say)
        members = [i, *near[i]]
        # ... and a clause of another family close to the seed that the members say together
        # ("The shooter used a single handgun registered to her and multiple magazines" /
        # "used a 9 mm Glock pistol and brought several magazines" + "a 9 mm Glock handgun,
        # was registered and owned by Moseley")
        together = frozenset().union(*(pool[k].stems for k in members))
        told_by = {family[k] for k in members}
        for k in close[i]:
            if family[k] not in told_by and _says(pool[k].stems, together, weights, settings):
                members.append(k)
        articles = frozenset(pool[k].sentence.article_id for k in members)
        independent = len({family[k] for k in members})
        if independent < 2:
            continue
        if any(articles <= known for k in members for known in covered.get(pool[k].sentence, ())):
            continue
        used.update(members)
        shown = _clearest(pool, members, family, weights)
        seed = pool[shown]
        shared = frozenset().union(*(pool[k].stems & seed.stems for k in members if k != shown))
        out.append(
            Fact(
                about=_shared_words(seed.text, shared, settings.statement_about_words),
                kind="statement",
                value=seed.text,
                text=seed.sentence.text,
                sources=tuple(a for a in sentences if a in articles),
                independent_sources=independent,
                status="corroborated",
            )
        )
    return out


def _links(
    pool: Sequence[_Unit],
    family: Sequence[int],
    short: Sequence[bool],
    weights: Mapping[str, float],
    settings: FactSettings,
) -> tuple[dict[int, list[int]], dict[int, list[int]]]:
    """For each clause of ``pool``, the clauses of other families saying what it says (the
    members of the statement it seeds) and those only close to it (members when the
    statement's members together say them)."""
    # a short clause ("He had a seizure and died on the way to hospital.") confirms what a
    # longer one says when it is said in full: no heading ("Who was Kim Jong-nam"), no aside
    # ("While the plane's black boxes —")
    told = [u.told or not s for u, s in zip(pool, short, strict=True)]
    least = min(settings.statement_shared_stems, settings.statement_short_shared_stems)
    near: dict[int, list[int]] = {i: [] for i in range(len(pool))}
    close: dict[int, list[int]] = {i: [] for i in range(len(pool))}
    masses: dict[int, float] = {}  # each clause's weight, once (it is in many pairs)
    for i, j in pairs_sharing([u.stems for u in pool], least):
        if family[i] == family[j]:
            continue  # one family saying it twice is one witness
        if (short[i] and short[j]) or not (told[i] and told[j]):
            continue  # a short clause confirms a longer one, said in full
        if len(pool[i].plain & pool[j].plain) < settings.statement_shared_plain:
            continue  # the same names ("Rhys Holleran ... 2Day FM"), not the same statement
        for k in (i, j):
            if k not in masses:
                masses[k] = mass(pool[k].stems, weights)
        similarity = overlap(pool[i].stems, pool[j].stems, weights, (masses[i], masses[j]))
        shared = len(pool[i].stems & pool[j].stems)
        if short[i] or short[j]:
            # a short clause holds few words: it must hold most of its weight in the longer
            # one, say "no" where that says "no", and write no figure that one does not
            brief, full = (pool[i], pool[j]) if short[i] else (pool[j], pool[i])
            if (
                shared >= settings.statement_short_shared_stems
                and similarity >= settings.statement_short_similarity
                and brief.negated == full.negated
                and brief.figures <= full.figures
            ):
                near[i].append(j)
                near[j].append(i)
            continue
        if similarity >= settings.statement_similarity and (
            shared >= settings.statement_shared_stems
        ):
            near[i].append(j)
            near[j].append(i)
        elif similarity >= settings.statement_close_similarity:
            # (sharing statement_short_shared_stems may do here: _says asks for more of the
            # members together)
            close[i].append(j)
            close[j].append(i)
    return near, close


def _clearest(
    pool: Sequence[_Unit],
    members: Sequence[int],
    family: Sequence[int],
    weights: Mapping[str, float],
) -> int:
    """The member shown: the clause holding most (by weight) of the words the other families'
    members use, then the one saying most, then the seed (the first)."""
    saying: dict[str, set[int]] = {}  # the families using each word
    for k in members:
        for w in pool[k].stems:
            saying.setdefault(w, set()).add(family[k])

    def rank(n: int) -> tuple[float, float, int]:
        k = members[n]
        stems = pool[k].stems
        shared = math.fsum(weights.get(w, 1.0) for w in stems if saying[w] - {family[k]})
        return shared, math.fsum(weights.get(w, 1.0) for w in stems), -n

    return members[max(range(len(members)), key=rank)]


def _says(
    stems: frozenset[str],
    together: frozenset[str],
    weights: Mapping[str, float],
    settings: FactSettings,
) -> bool:
    """Whether a clause's words are mostly those of a statement's members together."""
    return len(stems & together) >= settings.statement_shared_stems and (
        overlap(stems, together, weights) >= settings.statement_similarity
    )


def _pool(sentences: Mapping[str, Sequence[Sentence]], settings: FactSettings) -> list[_Unit]:
    """The clauses long enough to state something; for a long story (more than
    statement_max_sentences clauses that may seed), those of the articles' opening sentences,
    where reports say what happened, so pairing stays bounded: the first clauses that may
    seed, by sentence index, and the short clauses of the sentences before the last of those
    sentences."""
    every = [
        _Unit(
            sentence=s,
            text=part,
            stems=stems,
            plain=_plain(part, stems),
            told=_TOLD.search(part) is not None,
            negated=_NEGATION.search(part) is not None,
            figures=frozenset(_FIGURE.findall(part)),
        )
        for ss in sentences.values()
        for s in ss
        for part in _clauses(s.text)
        if settings.statement_member_min_stems
        <= len(stems := frozenset(content_stems(part)))
        <= settings.statement_max_stems
    ]
    long = [k for k, u in enumerate(every) if len(u.stems) >= settings.statement_min_stems]
    if len(long) <= settings.statement_max_sentences:
        return every
    # the clauses that may seed count, the short ones of the same opening sentences come too
    ranked = sorted(long, key=lambda k: (every[k].sentence.index, k))
    kept = ranked[: settings.statement_max_sentences]
    last = every[kept[-1]].sentence.index
    short = [
        k
        for k, u in enumerate(every)
        if len(u.stems) < settings.statement_min_stems and u.sentence.index < last
    ]
    return [every[k] for k in sorted((*kept, *short))]


def _shared_words(text: str, shared: frozenset[str], most: int) -> str:
    """What the statement is about, as written: the run of at most ``most`` words of the
    clause from the first word the other reports write too to the last such word in reach
    ("Unification Ministry of South Korea confirmed"), one piece of the sentence."""
    spans = list(_WORD.finditer(text))
    hits = [n for n, m in enumerate(spans) if shared & set(content_stems(m.group()))]
    if not hits:
        return text
    last = max(n for n in hits if n < hits[0] + most)
    return text[spans[hits[0]].start() : spans[last].end()]


def _plain(text: str, stems: frozenset[str]) -> frozenset[str]:
    """The stems of ``text`` not written capitalised anywhere in it (cheaper than stemming
    the lower-case words again: capitalised words are few)."""
    named = {stem(w) for name in _CAPITALISED.findall(text) for w in words(name)}
    return stems - named


def _clauses(text: str) -> list[str]:
    """The clauses of a sentence, as written."""
    return [p.strip(" ,;:—–") for p in _CLAUSE.split(text) if p and p.strip(" ,;:—–")]
