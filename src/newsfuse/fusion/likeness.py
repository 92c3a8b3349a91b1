"""Conflicts of likeness: one report says a thing matches another, a second report that it
does not ("The spear wound bled in a direction consistent with the Shroud image" / "A
simulated spear wound in the chest ran in completely different patterns than the one on the
shroud"). No figure says so: a finding of a test, a comparison.

A word of likeness (consistent, compatible, similar, identical, match, correspond) or of
unlikeness (inconsistent, incompatible, different, dissimilar, differ, contradict), read off
the parse with its negation ("are not consistent with" is unlike), compares a *subject* (the
clause's subject and the noun the word describes: "spear wound ... direction") with a
*comparand* (its object: "the Shroud image", "the one on the shroud"). Two reports conflict
when one says alike and the other unlike, their subjects share a word and their comparands
share a word, and no family says both of that pair (one report finding one stain consistent
and another inconsistent compares two things). A comparand that is no noun ("with each
other") names nothing another report could share.

Only sentences with both kinds of word in the cluster, from two families, before one common
word, are parsed, their clauses only: most clusters parse none.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsfuse.fusion import phrases
from newsfuse.fusion.sides import conflict_value
from newsfuse.fusion.text import content_stems, stem, words
from newsfuse.models import Conflict, Sentence

if TYPE_CHECKING:
    from spacy.tokens import Token

_ALIKE = frozenset("consistent compatible similar identical match correspond".split())
_UNLIKE = frozenset("inconsistent incompatible different dissimilar differ contradict".split())
# the words that introduce what is compared with: "consistent with", "different than/from"
_LINKS = frozenset("with to from than".split())
# (each cue's first letter looked at first: the case-blind alternation tried at every
# letter of every sentence cost twice as much)
_CUE = re.compile(
    r"(?=[cmsidf])\b(?:(?P<yes>consistent|compatible|similar|identical|match(?:es|ed|ing)?|"
    r"correspond(?:s|ed|ing)?)|"
    r"(?P<no>inconsistent|incompatible|different|dissimilar|differ(?:s|ed|ing)?|"
    r"contradict(?:s|ed|ing)?))\b(?P<after>(?:\W+\w+){0,8})",
    re.IGNORECASE,
)
# the stems every cue word holds, looked for first: most sentences hold none
_CUE_PARTS = (
    "consist",
    "compatib",
    "similar",
    "identical",
    "match",
    "correspond",
    "differ",
    "contradict",
)


@dataclass(frozen=True)
class _Finding:
    article: str
    family: int
    sentence: Sentence
    word: int  # the likeness word's token position in the parsed clause
    alike: bool
    subject: frozenset[str]  # content stems of what is compared ("spear wound direction")
    heads: frozenset[str]  # lemmas of its head nouns ("wound"): what the subject is
    comparand: frozenset[str]  # ... and of what it is compared with ("shroud image")
    shown: str  # "consistent with the Shroud image"


def likeness_conflicts(
    sentences: Mapping[str, Sequence[Sentence]], family_of: Mapping[str, int]
) -> list[Conflict]:
    """Alike and unlike, of one subject and one comparand, from independent reports."""
    cued = _cued(sentences, family_of)
    if not cued:
        return []
    phrases.prime((s.text, start, end) for _, s, start, end in cued)
    found: dict[tuple[str, int, int], _Finding] = {}
    for article, s, start, end in cued:
        text, offset, _ = phrases.clause(s.text, start, end)
        doc = phrases.parse(text)
        for tok in doc:
            if tok.idx < offset or tok.idx >= offset + (end - start):
                continue  # only the cue's own word (the clause may hold others, found apart)
            f = _finding(article, family_of.get(article, 0), s, tok)
            if f is not None:
                found.setdefault((f.article, f.sentence.index, f.word), f)
    findings = sorted(found.values(), key=lambda f: (f.article, f.sentence.index, f.word))
    pairs = [
        (a, b)
        for a in findings
        for b in findings
        if a.alike and not b.alike and a.family != b.family and _one_comparison(a, b)
    ]
    out: list[Conflict] = []
    used: set[int] = set()
    for a, b in pairs:
        if id(a) in used or id(b) in used:
            continue
        # every finding of this comparison: those comparing the same subject and comparand
        alike = [f for f in findings if f.alike and _one_comparison(f, b)]
        unlike = [f for f in findings if not f.alike and _one_comparison(a, f)]
        if {f.family for f in alike} & {f.family for f in unlike}:
            continue  # one family says both: two things compared, or a finding revised
        used.update(id(f) for f in (*alike, *unlike))
        what = _in_order(a.subject & b.subject, a.sentence.text)
        like = _in_order(a.comparand & b.comparand, a.sentence.text)
        out.append(
            Conflict(
                about=f"{what} like {like} or not",
                values=(conflict_value(alike), conflict_value(unlike)),
            )
        )
    return out


def _cued(
    sentences: Mapping[str, Sequence[Sentence]], family_of: Mapping[str, int]
) -> list[tuple[str, Sentence, int, int]]:
    """The cues worth parsing: a word of likeness and one of unlikeness from two families,
    followed by one same word (the comparand's) and preceded by one same word (the
    subject's). Cues are indexed by the words after them, as polarity's cues, so a long
    story's hundreds of cues are compared within a word's few only."""
    Cue = tuple[str, Sentence, int, int]  # article, sentence, the cue word's span
    before: dict[tuple[str, int, int], frozenset[str]] = {}
    by_word: dict[str, tuple[list[Cue], list[Cue]]] = {}
    for article in sorted(sentences):
        for s in sentences[article]:
            low = s.text.lower()
            if not any(part in low for part in _CUE_PARTS):
                continue
            for m in _CUE.finditer(s.text):
                side = 0 if m.group("yes") is not None else 1
                word = m.group("yes") or m.group("no")
                cue = (article, s, m.start(), m.start() + len(word))
                for w in sorted(set(content_stems(m.group("after")))):
                    by_word.setdefault(w, ([], []))[side].append(cue)

    def words_before(cue: Cue) -> frozenset[str]:  # (asked of the few paired cues only)
        key = (cue[0], cue[1].index, cue[2])
        if key not in before:
            before[key] = frozenset(content_stems(cue[1].text[: cue[2]]))
        return before[key]

    keep: dict[tuple[str, int, int], Cue] = {}
    for sides in by_word.values():
        if not (sides[0] and sides[1]):
            continue
        # for each side, the families using each word before its cues
        used: tuple[dict[str, set[int]], dict[str, set[int]]] = ({}, {})
        for families, cues in zip(used, sides, strict=True):
            for cue in cues:
                for w in words_before(cue):
                    families.setdefault(w, set()).add(family_of.get(cue[0], 0))
        for mine, cues in enumerate(sides):
            other = used[1 - mine]
            for cue in cues:
                family = family_of.get(cue[0], 0)
                if any(other.get(w, set()) - {family} for w in words_before(cue)):
                    keep[(cue[0], cue[1].index, cue[2])] = cue
    return [keep[k] for k in sorted(keep)]


def _finding(article: str, family: int, s: Sentence, tok: Token) -> _Finding | None:
    lemma = tok.lemma_.lower()
    if lemma not in _ALIKE | _UNLIKE or tok.pos_ not in ("ADJ", "VERB"):
        return None
    comparand = _comparand(tok)
    if comparand is None:
        return None
    subject, heads = _subject(tok)
    subject -= _stems(tok.subtree)
    if not subject or not heads:
        return None
    # "are not consistent", "did not bleed in a direction consistent with": the negation
    # sits on the clause's verb
    negated = any(c.dep_ == "neg" for c in (*tok.children, *_clause_verb(tok).children))
    end = max(t.i for t in comparand.subtree if not t.is_punct)
    start = tok.i
    while start > 0 and tok.doc[start - 1].dep_ in ("neg", "advmod"):
        start -= 1  # "not", "completely" belong to what is said
    shown = tok.doc[start : end + 1].text
    if negated and not any(t.dep_ == "neg" for t in tok.doc[start : tok.i]):
        shown = f"not {shown}"
    return _Finding(
        article=article,
        family=family,
        sentence=s,
        word=tok.i,
        alike=(lemma in _ALIKE) != negated,
        subject=subject,
        heads=heads,
        comparand=_stems(comparand.subtree),
        shown=" ".join(shown.split()),
    )


def _comparand(tok: Token) -> Token | None:
    """What ``tok`` compares with: the object of its "with"/"to"/"from"/"than" (or of the
    noun it describes: "different patterns than the one"), or a verb's direct object
    ("matched an arm"); a noun only."""
    holders = [tok]
    if tok.dep_ == "amod":
        holders.append(tok.head)
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ == "prep" and prep.lemma_.lower() in _LINKS:
                obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if obj is not None:
                    return obj if obj.pos_ in ("NOUN", "PROPN") else None
    if tok.pos_ == "VERB":
        obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
        if obj is not None and obj.pos_ in ("NOUN", "PROPN"):
            return obj
    return None


def _subject(tok: Token) -> tuple[frozenset[str], frozenset[str]]:
    """Content stems of what is compared, and the lemmas of its head nouns: the subject of
    the clause that holds the word ("the spear wound bled in a direction ..."), else the
    noun the word describes ("several reddish stains consistent with"); a relative pronoun
    stands for the noun it follows ("bloodstains that were inconsistent")."""
    out: set[str] = set()
    described: list[Token] = []
    if tok.dep_ == "amod":
        out |= _stems(t for t in tok.head.subtree if t.i < tok.i)
        described.append(tok.head)
    head = _clause_verb(tok)
    subjects: list[Token] = []
    for c in head.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            if c.tag_ in ("WDT", "WP") or c.lower_ == "that":
                if head.dep_ == "relcl":
                    subjects.append(head.head)
                    out |= _stems([head.head])
                continue
            if c.pos_ in ("NOUN", "PROPN"):
                subjects.append(c)
            out |= _stems(c.subtree)
    heads = frozenset(t.lemma_.lower() for t in subjects or described)
    return frozenset(out), heads


def _clause_verb(tok: Token) -> Token:
    """The verb of the clause holding ``tok``: itself, the "be" an adjective completes, or
    the verb a described noun hangs on ("bled in a direction consistent"), through
    prepositions."""
    head = tok.head if tok.dep_ in ("amod", "acomp") else tok
    for _ in range(4):
        if head.pos_ in ("VERB", "AUX") or head.dep_ == "ROOT":
            break
        head = head.head
    return head


def _stems(tokens: Iterable[Token]) -> frozenset[str]:
    return frozenset(content_stems(" ".join(t.text for t in tokens)))


def _in_order(stems: frozenset[str], text: str) -> str:
    """The words of ``text`` whose stems are ``stems``, once each, as written."""
    return " ".join(dict.fromkeys(w for w in words(text) if stem(w) in stems))


def _one_comparison(a: _Finding, b: _Finding) -> bool:
    """The two findings compare one thing with one other: a head noun of the subject and a
    word of the comparand in common ("symptoms similar to seasonal flu" / "swine flu is
    different from other flu" compare two things with flu)."""
    return bool(a.heads & b.heads) and bool(a.comparand & b.comparand)
