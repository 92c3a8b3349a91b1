"""Conflicts of sides: one report says someone sold a thing, another that the same one bought
it ("the victim told police that he had gone to that location to sell an Xbox" / "a robbery
hours earlier of a man answering a Craigslist ad for an Xbox").

A verb of selling (sell, advertise) or of buying (buy, purchase, answer or respond to an ad
for), read off the parse, says which side of a sale its agent was on, about its object (the
thing sold, "Xbox"). Two reports conflict when they put the agent on the two sides of the
same thing, their agents are not two different ones ("the suspects sold the car" / "the
couple bought the car" are the two sides of one sale, both true), their sentences share other
words of the happening, and no family tells of both sides of that thing (a report of the
sale names the seller and the buyer).

Only sentences with both kinds of verb before one same word, in two families, are parsed:
most clusters parse none.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsfuse.fusion import phrases
from newsfuse.fusion.sides import conflict, cued
from newsfuse.fusion.text import content_stems
from newsfuse.models import Conflict, Sentence
from newsfuse.settings import DEFAULT, FactSettings

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_SELLING = frozenset("sell advertise".split())
_BUYING = frozenset("buy purchase".split())
_ANSWERING = frozenset("answer respond".split())  # ... an ad for the thing
_ADS = frozenset("ad advert advertisement listing".split())
# A verb that says its complement was not done ("refused to sell", "denied buying"): no side.
_REFUSING = frozenset("deny refuse reject decline".split())
# The cue finds the sentences worth parsing; it must spell the verbs of the lemma sets above.
_CUE = re.compile(
    r"\b(?:(?P<sell>sell(?:s|ing)?|sold|advertis(?:e|es|ed|ing))|"
    r"(?P<buy>buy(?:s|ing)?|bought|purchas(?:e|es|ed|ing)|"
    r"(?:answer(?:s|ed|ing)?|respond(?:s|ed|ing)?\s+to)\s+(?:\w+\s+){0,2}"
    r"(?:ad|advert|advertisement|listing)\s+for))\b(?P<after>(?:\W+\w+){0,3})",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Side:
    article: str
    family: int
    sentence: Sentence
    verb: int  # the verb's token position in the sentence
    selling: bool
    thing: str  # lemma of what is sold or bought, lower case
    named: str  # ... as written ("Xbox")
    agent: frozenset[str]  # stems of the agent's words ("the suspects"), empty if unknown
    shown: str  # "sell an Xbox", "answering a Craigslist ad for an Xbox"


def trade_conflicts(
    sentences: Mapping[str, Sequence[Sentence]],
    family_of: Mapping[str, int],
    settings: FactSettings = DEFAULT.facts,
) -> list[Conflict]:
    """Seller and buyer of one thing said of one agent by independent reports, one conflict
    per thing."""
    cues = cued(sentences, family_of, _CUE, "sell")
    if not cues:
        return []
    phrases.prime((s.text, start, end) for _, s, start, end in cues)
    found: dict[tuple[object, ...], _Side] = {}
    for article, s, start, end in cues:
        text, at, _ = phrases.clause(s.text, start, end)
        doc = phrases.parse(text)
        offset = start - at  # where the clause starts in the sentence
        for side in _sides(article, family_of.get(article, 0), s, doc):
            # keyed by the verb's place in the sentence: two clauses of one sentence parse
            # apart, and their token numbers coincide
            key = (side.article, side.sentence.index, offset + doc[side.verb].idx)
            found.setdefault(key, side)
    sides = list(found.values())
    out = []
    for thing in sorted({a.thing for a in sides}):
        about = [a for a in sides if a.thing == thing]
        selling = [a for a in about if a.selling]
        buying = [a for a in about if not a.selling]
        if {a.family for a in selling} & {a.family for a in buying}:
            continue  # one family tells of both sides: the sale itself
        pairs = [(x, y) for x in selling for y in buying if _one_agent(x, y, settings)]
        if not pairs:
            continue
        out.append(
            conflict(
                f"side in the sale of the {about[0].named} (seller or buyer)",
                ({x for x, _ in pairs}, {y for _, y in pairs}),
            )
        )
    return out


def _thing(verb: Token, lemma: str) -> Token | None:
    """What the verb sells or buys: its object; for "answering an ad for an Xbox" the noun
    after "for", on the verb or on the ad."""
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")]
    if lemma not in _ANSWERING:
        return objects[0] if objects else None
    ad = next((o for o in objects if o.lemma_.lower() in _ADS), None)
    if lemma == "respond":
        ad = next(
            (
                g
                for p in verb.children
                if p.dep_ == "prep" and p.lower_ == "to"
                for g in p.children
                if g.dep_ == "pobj" and g.lemma_.lower() in _ADS
            ),
            None,
        )
    if ad is None:
        return None
    for head in (verb, ad):
        for p in head.children:
            if p.dep_ == "prep" and p.lower_ == "for":
                noun = next((g for g in p.children if g.dep_ == "pobj"), None)
                if noun is not None and noun.pos_ in ("NOUN", "PROPN"):
                    return noun
    return None


def _agent(verb: Token) -> frozenset[str]:
    """Stems of who sells or buys: the verb's subject, the noun a participle describes ("a
    man answering"), or the subject of the verb it completes ("he had gone to ... sell");
    empty for a pronoun or none."""
    tok: Token | None = verb
    while tok is not None:
        subject = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            if subject.pos_ == "PRON":
                return frozenset()
            return frozenset(content_stems(" ".join(t.text for t in subject.subtree)))
        if tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN"):
            return frozenset(content_stems(tok.head.text))
        tok = tok.head if tok.dep_ in ("xcomp", "advcl", "conj") and tok.head is not tok else None
    return frozenset()


def _sides(article: str, family: int, s: Sentence, doc: Doc) -> list[_Side]:
    out = []
    for tok in doc:
        lemma = tok.lemma_.lower()
        if tok.pos_ != "VERB" or lemma not in _SELLING | _BUYING | _ANSWERING:
            continue
        if _undone(tok):
            continue  # "did not sell", "refused to sell": no side said
        thing = _thing(tok, lemma)
        if thing is None or thing.tag_ in ("NNS", "NNPS"):
            continue  # (goods in the plural, "sold shares", change hands both ways daily)
        words = doc[tok.i : thing.i + 1] if thing.i > tok.i else doc[tok.i : tok.i + 1]
        out.append(
            _Side(
                article=article,
                family=family,
                sentence=s,
                verb=tok.i,
                selling=lemma in _SELLING,
                thing=thing.lemma_.lower(),
                named=thing.text,
                agent=_agent(tok),
                shown=" ".join(t.text for t in words),
            )
        )
    return out


def _undone(verb: Token) -> bool:
    """Whether the verb is negated, or completes a negated verb or one of refusal ("did not
    want to sell", "refused to sell", "denied buying")."""
    tok = verb
    while True:
        if any(c.dep_ == "neg" for c in tok.children):
            return True
        if tok is not verb and tok.lemma_.lower() in _REFUSING:
            return True
        if tok.dep_ != "xcomp" or tok.head is tok:
            return False
        tok = tok.head


def _one_agent(a: _Side, b: _Side, settings: FactSettings) -> bool:
    """The two sides are said of one agent in one happening: not two agents, and the
    sentences share words besides the thing and the verbs."""
    if a.agent and b.agent and not (a.agent <= b.agent or b.agent <= a.agent):
        return False  # "the suspects sold" / "the couple bought": the two sides of one sale
    skip = set(content_stems(f"{a.thing} {a.shown.split()[0]} {b.shown.split()[0]}"))
    shared = set(content_stems(a.sentence.text)) & set(content_stems(b.sentence.text))
    return len(shared - skip) >= settings.conflict_shared_stems
