"""Conflicts of outcome: one report says a request or a thing was granted, another that it
was denied ("controllers granted permission to fly at 34,000 ft" / "was denied permission to
climb to a higher altitude").

A verb of consent (grant, approve, allow, ...) or of refusal (deny, refuse, reject, ...),
read off the parse with its negation ("did not approve" is a refusal), says yes or no about
its object, the thing granted ("permission", "bail", "the request"). Two reports conflict
when they say yes and no about the same object, in sentences sharing the words of one
happening (as much as two values need to be one slot, :class:`FactSettings`), their agents
are not two different ones ("Israel approved the plan" / "Hamas rejected the plan" are two
answers), and no family says both (one outlet telling of a refusal and a later approval is
a story moving on, not a dispute).

Only sentences with both kinds of verb in the cluster, from two families, near a common word,
are parsed: most clusters parse none.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsfuse.fusion import phrases
from newsfuse.fusion.sides import conflict_value, cued, order
from newsfuse.fusion.text import content_stems, overlap
from newsfuse.models import Conflict, Sentence
from newsfuse.settings import DEFAULT, FactSettings

if TYPE_CHECKING:
    from spacy.tokens import Doc

_CONSENT = frozenset("grant approve allow permit authorise authorize".split())
_REFUSAL = frozenset("deny refuse reject forbid".split())
# (each cue's first letter looked at first: the case-blind alternation tried at every
# letter of every sentence cost twice as much)
_CUE = re.compile(
    r"(?=[adfgpr])\b(?:(?P<yes>grant(?:s|ed|ing)?|approv(?:e|es|ed|ing)|allow(?:s|ed|ing)?|"
    r"permit(?:s|ted|ting)?|authori[sz](?:e|es|ed|ing))|"
    r"(?P<no>den(?:y|ies|ied|ying)|refus(?:e|es|ed|ing)|reject(?:s|ed|ing)?|"
    r"forb(?:id|ids|ade|idden|idding)))\b(?P<after>(?:\W+\w+){0,4})",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Answer:
    article: str
    family: int
    sentence: Sentence
    verb: int  # the verb's token position in the sentence
    yes: bool
    thing: str  # lemma of what is granted or denied
    agent: frozenset[str]  # stems of the active subject's words ("air traffic controllers")
    shown: str  # "granted permission", "was denied permission"
    near: frozenset[str]  # content stems of the verb's neighbourhood, without verb and thing


def polarity_conflicts(
    sentences: Mapping[str, Sequence[Sentence]],
    family_of: Mapping[str, int],
    settings: FactSettings = DEFAULT.facts,
) -> list[Conflict]:
    """Yes and no about one thing from independent reports, one conflict per thing."""
    cues = cued(sentences, family_of, _CUE, "yes")
    if not cues:
        return []
    # the cue's clause only (what phrases parses for a value, and caches): a long story's
    # long sentences cost the parser in proportion to their words
    phrases.prime((s.text, start, end) for _, s, start, end in cues)
    found: dict[tuple[object, ...], _Answer] = {}
    for article, s, start, end in cues:
        doc = phrases.parse(phrases.clause(s.text, start, end)[0])
        for a in _answers(article, family_of.get(article, 0), s, doc, settings):
            found.setdefault((a.article, a.sentence.index, a.thing, a.yes, a.shown), a)
    answers = list(found.values())
    out = []
    for thing in sorted({a.thing for a in answers}):
        about = [a for a in answers if a.thing == thing]
        yes = [a for a in about if a.yes]
        no = [a for a in about if not a.yes]
        if {a.family for a in yes} & {a.family for a in no}:
            continue  # one family says both: a refusal, then an approval, or two requests
        pairs = [(y, n) for y in yes for n in no if _one_happening(y, n, settings)]
        if not pairs:
            continue
        sides = [
            sorted({y for y, _ in pairs}, key=order),
            sorted({n for _, n in pairs}, key=order),
        ]
        out.append(
            Conflict(
                about=f"{thing} granted or denied",
                values=tuple(conflict_value(side) for side in sides),
            )
        )
    return out


def _near(doc: Doc, verb: int, thing: int, size: int) -> frozenset[str]:
    """Content stems of the words within ``size`` of the verb, but the verb's and the thing's."""
    tokens = [t for t in doc if abs(t.i - verb) <= size and t.i not in (verb, thing)]
    return frozenset(content_stems(" ".join(t.text for t in tokens)))


def _answers(
    article: str, family: int, s: Sentence, doc: Doc, settings: FactSettings
) -> list[_Answer]:
    out = []
    for tok in doc:
        lemma = tok.lemma_.lower()
        if tok.pos_ != "VERB" or lemma not in _CONSENT | _REFUSAL:
            continue
        thing = next(
            (c for c in tok.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")), None
        )
        if thing is None:  # "permission was granted": the thing is the passive subject
            thing = next(
                (c for c in tok.children if c.dep_ == "nsubjpass" and c.pos_ == "NOUN"), None
            )
        if thing is None:
            continue
        negated = any(c.dep_ == "neg" for c in tok.children)
        subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        agent = (
            frozenset(content_stems(" ".join(t.text for t in subject.subtree)))
            if subject is not None and subject.pos_ != "PRON"
            else frozenset()
        )
        words = [t.text for t in doc[tok.i : thing.i + 1]] if thing.i > tok.i else [tok.text]
        aux = [c.text for c in tok.lefts if c.dep_ in ("auxpass", "neg")]
        shown = (
            " ".join([*aux, *words])
            if thing.i > tok.i
            else f"{thing.text} {' '.join(aux)} {tok.text}"
        )
        out.append(
            _Answer(
                article=article,
                family=family,
                sentence=s,
                verb=tok.i,
                yes=(lemma in _CONSENT) != negated,
                thing=thing.lemma_.lower(),
                agent=agent,
                shown=" ".join(shown.split()),
                near=_near(doc, tok.i, thing.i, settings.conflict_window),
            )
        )
    return out


def _one_happening(a: _Answer, b: _Answer, settings: FactSettings) -> bool:
    """The two answers are about one request: not two agents, and their sentences share the
    words of one happening besides the thing and the verbs."""
    if a.agent and b.agent and not (a.agent <= b.agent or b.agent <= a.agent):
        return False  # "Ethnic Albanian leaders" / "Serbian leaders": two answers
    shared = a.near & b.near
    # unweighted: the few words of one request, not how rare they are in the cluster
    return (
        len(shared) >= settings.conflict_shared_stems
        and overlap(a.near, b.near, {}) >= settings.conflict_similarity
    )
