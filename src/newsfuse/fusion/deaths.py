"""How and where someone died, as facts: "died at her Manhattan home after suffering a
stroke" / "died this month from a stroke" are one fact, cause of death = stroke, whatever the
rest of the two sentences says. Most deaths a story tells have no figure, so the value facts
miss them; their words are few and set ("died of", "died after", "died at a hospital").

A death's phrase is the preposition after the verb ("died", "dies", "passed away", "death")
within a few words of it and its noun phrase: a cause after "of", "from", "after (suffering)",
"following"; a place after "at", "in" or "on the way to". Two phrases are one fact when their
head nouns are the same word and nothing tells them apart: no two different modifiers
("esophagal cancer" / "breast cancer": two deaths), no two different names before the verb
("Bogart's death" / "Bacall, who died"). A verb after words saying nobody died or that it
is not known how ("No one died at the scene", "may have died of") tells no death. A fact
needs two families, as every fact does.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from newsfuse.fusion.text import NUMBER_WORDS, STOPWORDS, content_stems, stem
from newsfuse.models import Fact, Sentence
from newsfuse.settings import DEFAULT, FactSettings

# (the first letter looked at first: a case-blind alternation tried at every letter costs 2x)
_VERB = re.compile(r"(?=[dp])\b(?:died|dies|passed away|(?P<noun>death))\b", re.I)
# what a death's phrase starts with, and what it tells
_CAUSE = r"after\s+(?:suffering|being|having|contracting)|after|from|of|following"
_PLACE = r"on\s+(?:the\s+)?way\s+to|at|in"
_LEAD = re.compile(rf"\b(?P<cause>{_CAUSE})\b|\b(?P<place>{_PLACE})\b", re.I)
_DETERMINER = re.compile(
    r"\s*(?:(?:an?|the|his|her|their|its|complications\s+(?:of|from)|suspected|apparent)\s+)*",
    re.I,
)
# a word (of any alphabet's letters: "São Paulo", "Hôtel-Dieu") or another mark
_TOKEN = re.compile(r"[^\W\d_](?:[^\W\d_]|['’-])*|\S")
# words that end a death's phrase: it said what killed or where, the rest is another thing
_ENDS = frozenset(
    """after before while when where which who that at in on of from for with by to and or
    but as since during last this next ago early late later within without near inside
    outside around about despite because amid among under over than""".split()
)
# no cause or place: a time ("died in 2009", "in September", "at the age of 89"), a count
_NOT_HEADS = frozenset(
    """age ages year years month months week weeks day days time times hour hours minute
    minutes morning evening night afternoon weekend moment sleep own result""".split()
)
_CALENDAR_NAMES = frozenset(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday""".split()
)
# a phrase ending in one of these names no cause or place
_NO_HEADS = _NOT_HEADS | _CALENDAR_NAMES | STOPWORDS
# modifiers that say nothing of which place ("a nearby hospital", "an area hospital")
_VAGUE = frozenset("nearby local area nearest same".split())
_NAME = re.compile(r"\b[A-Z][a-z][\w'’-]*")
_POSSESSIVE = re.compile(r"['’]s$")
# right before the verb, words saying nobody died or that it is not known how: "No one died
# at the scene", "nearly died in a crash", "may have died from", "whether he died of"
_UNSAID = re.compile(
    r"(?:\b(?:no\s+one|nobody|none(?:\s+of\s+\w+)?|not|never|nearly|almost"
    r"|(?:whether|if)(?:\s+[\w'’]+){0,3}|(?:may|might|could|would)(?:\s+not)?\s+have)"
    r"|n['’]t\s+have)\s+$",
    re.I,
)


@dataclass(frozen=True)
class _Death:
    sentence: Sentence
    kind: str  # "cause" or "place"
    head: str  # the head noun's stem
    modifiers: frozenset[str]  # the other words' stems, vague ones left out
    names: frozenset[str]  # the names written just before the verb: whose death
    shown: str  # the phrase as written, from its preposition


def death_facts(
    sentences: Mapping[str, Sequence[Sentence]],
    family_of: Mapping[str, int],
    settings: FactSettings = DEFAULT.facts,
) -> list[Fact]:
    """One fact per cause or place of death two families write alike, most families first."""
    found = [d for ss in sentences.values() for s in ss for d in _deaths(s, settings)]
    groups: list[list[_Death]] = []
    for d in found:
        for g in groups:
            if all(_alike(d, o) for o in g):
                g.append(d)
                break
        else:
            groups.append([d])
    out = []
    for g in groups:
        cited = {d.sentence.article_id for d in g}
        sources = tuple(a for a in sentences if a in cited)
        families = {family_of.get(a, 0) for a in sources}
        if len(families) < 2:
            continue
        rep = _representative(g)
        out.append(
            Fact(
                about=f"{rep.kind} of death",
                kind="statement",
                value=rep.shown,
                text=rep.sentence.text,
                sources=sources,
                independent_sources=len(families),
                status="corroborated",
            )
        )
    out.sort(key=lambda f: (-f.independent_sources, -len(f.sources)))
    return out


def _representative(group: Sequence[_Death]) -> _Death:
    """The member whose sentence holds most of what the others' sentences say (the share of
    each other's content words it writes too), then the shortest."""
    said = [frozenset(content_stems(d.sentence.text)) for d in group]

    def holds(k: int) -> float:
        return sum(len(said[k] & o) / len(o) for j, o in enumerate(said) if j != k and o)

    best = max(range(len(group)), key=lambda k: (holds(k), -len(group[k].sentence.text)))
    return group[best]


def _alike(a: _Death, b: _Death) -> bool:
    """Whether two phrases tell one cause or place of one death: the same kind and head
    noun, no two different modifiers, no two different names before the verb."""
    if a.kind != b.kind or a.head != b.head:
        return False
    if a.modifiers and b.modifiers and not a.modifiers & b.modifiers:
        return False  # "esophagal cancer" / "breast cancer": two deaths
    return not (a.names and b.names and not a.names & b.names)


def _deaths(s: Sentence, settings: FactSettings) -> list[_Death]:
    """The death phrases of one sentence: after each death verb, every phrase of a cause or
    place that follows it in its clause, within a few other words ("died at her Manhattan
    home after suffering a stroke": a place and a cause)."""
    text = s.text
    out = []
    for verb in _VERB.finditer(text):
        if not verb.group("noun") and _UNSAID.search(
            text[max(0, verb.start() - 30) : verb.start()]
        ):
            continue  # no death said, or none said to be so
        after = text[verb.end() : verb.end() + 160]  # (room for the gap and two phrases)
        # the noun only right before its phrase ("death from cancer"; not "death toll from
        # Mitch", "the death penalty in Turkey", "news of his death emerged hours after")
        most = 0 if verb.group("noun") else settings.death_gap_words
        gap = 0
        at = 0
        kinds: list[str] = []
        while True:
            token = _TOKEN.search(after, at)
            if token is None:
                break
            lead = _LEAD.match(after, token.start())
            if lead is not None:
                if kinds and (lead.group().lower() == "of" or _kind(lead) in kinds):
                    break  # "died in a fire at a hotel in the town of Boraas": one of each
                found = _phrase(s, verb, after, lead, settings)
                if found is None:
                    break
                death, at = found
                out.append(death)
                kinds.append(death.kind)
                most = gap = 0  # another phrase only right after this one
                continue
            if not token.group()[0].isalpha() or gap >= most:
                break  # the clause ends, or the phrase is too far from the verb
            gap += 1
            at = token.end()
    return out


def _kind(lead: re.Match[str]) -> str:
    return "cause" if lead.group("cause") else "place"


def _phrase(
    s: Sentence, verb: re.Match[str], after: str, lead: re.Match[str], settings: FactSettings
) -> tuple[_Death, int] | None:
    """The death phrase starting at ``lead`` and where it ends in ``after``, or None."""
    kind = _kind(lead)
    if verb.group("noun") and lead.group().lower() == "of":
        return None  # "the death of Kim": whose death, not what killed him
    determiners = _DETERMINER.match(after, lead.end())  # (it matches, maybe nothing)
    start = determiners.end() if determiners else lead.end()
    taken: list[re.Match[str]] = []
    for token in _TOKEN.finditer(after, start):
        word = token.group()
        low = word.lower()
        if (
            not word[0].isalpha()
            or low in _ENDS
            or low in NUMBER_WORDS
            or len(taken) >= settings.death_phrase_words
        ):
            break
        if taken and low.endswith(("ing", "ly")):
            break  # "died at a hospital shortly after", "died in a crash killing ..."
        taken.append(token)
    if not taken:
        return None
    head = taken[-1].group()
    if head.lower() in _NO_HEADS or head.lower().endswith("ing"):
        return None  # a time, or what was done ("died after shooting herself")
    if kind == "cause" and head[0].isupper() and lead.group().lower() not in ("of", "from"):
        return None  # "died hours after the Centre said": a name is no cause
    if head[0].isupper() and after[taken[-1].end() : taken[-1].end() + 1] == ".":
        return None  # "in St. Petersburg": a name cut short
    before = s.text[max(0, verb.start() - 60) : verb.start()]  # (a name or two: whose death)
    names = frozenset(_POSSESSIVE.sub("", m.group()).lower() for m in _NAME.finditer(before))
    death = _Death(
        sentence=s,
        kind=kind,
        head=stem(head.lower()),
        modifiers=frozenset(
            stem(t.group().lower()) for t in taken[:-1] if t.group().lower() not in _VAGUE
        ),
        names=names - STOPWORDS,
        shown=after[lead.start() : taken[-1].end()],
    )
    return death, taken[-1].end()
