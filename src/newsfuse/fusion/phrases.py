"""What a value is about, read off the sentence's own structure with spaCy's parser.

For a value in a sentence, :func:`slot` finds the words that govern it in the dependency parse
and returns a :class:`Slot`: the counted thing ("people"), the word the value attaches to (the
verb "arrested", the noun "explosion"), who it belongs to, and a readable phrase built from
them: "people arrested", "time of the explosion", "age of Robert Durst", "office opened".
Two values with the same governing words are values of one thing, which is what a conflict
needs.

The parser costs ~4 ms a sentence, so only the few sentences that carry the facts shown and
the candidate conflicts are parsed (:func:`parse` caches by sentence text).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsfuse.fusion import nlp

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Verbs that carry no content of their own: "was", "has", "said" tell nothing about what a
# figure is; the phrase then comes from the subject or object.
_LIGHT_VERBS = frozenset("be have do say tell report add include make get".split())
_KIND_WORD = {"date": "date", "time": "time", "money": "amount", "percent": "share"}


@dataclass(frozen=True)
class Slot:
    """What one value is about, from the parse of its sentence."""

    phrase: str  # readable: "people arrested", "time of the explosion"
    governor: str  # lemma of the word the value attaches to ("arrest", "explosion"), or ""
    thing: str  # lemma of the counted noun ("person" for people), or ""
    owner: str  # whose: "Robert Durst" for an age, the subject of the governing verb, or ""
    # lemmas that narrow down what is counted or paid: "robbery" in "two robbery charges",
    # "punitive damage" in "$25 million in punitive damages" (sizes like "big" left out)
    qualifiers: frozenset[str] = frozenset()


# Parses by text: facts and conflicts ask for the same clauses. Bounded, oldest out first.
_PARSED: dict[str, Doc] = {}
_CACHE_SIZE = 4096


def parse(sentence: str) -> Doc:
    """The parse of one sentence (cached)."""
    doc = _PARSED.get(sentence)
    if doc is None:
        doc = nlp.parse(sentence, nlp.NO_NER)
        _remember(sentence, doc)
    return doc


def prime(spans: Iterable[tuple[str, int, int]]) -> None:
    """Parse the clauses of the values at ``(sentence, start, end)`` in one batch: spaCy reads
    a batch of texts at about half the cost per text of one call each, and :func:`slot` then
    finds them parsed."""
    todo = list(dict.fromkeys(c for c in (clause(*span)[0] for span in spans) if c not in _PARSED))
    for text, doc in zip(todo, nlp.pipe(todo, nlp.NO_NER), strict=True):
        _remember(text, doc)


def _remember(text: str, doc: Doc) -> None:
    if len(_PARSED) >= _CACHE_SIZE:
        del _PARSED[next(iter(_PARSED))]
    _PARSED[text] = doc


_REACH = 90  # characters of the sentence either side of the value that are parsed
_BREAK = re.compile(r"[;:!?]|\s[—–]\s")


def slot(sentence: str, start: int, end: int, kind: str, unit: str = "") -> Slot:
    """What the value at ``sentence[start:end]`` (of ``kind``: count, money, date...) is about."""
    text, start, end = clause(sentence, start, end)
    return _full_slot(text, start, end, kind, unit)


def clause(sentence: str, start: int, end: int) -> tuple[str, int, int]:
    """The part of ``sentence`` parsed for the value at ``[start:end]``, with the value's
    offsets in it: the value's clause, at most ``_REACH`` characters either side (the words
    that govern a value are near it, and the parser's cost grows with the words it reads)."""
    left = max(0, start - _REACH)
    right = min(len(sentence), end + _REACH)
    left = max([left, *(m.end() for m in _BREAK.finditer(sentence, left, start))])
    stop = next((m.start() for m in _BREAK.finditer(sentence, end, right)), right)
    if left > 0:
        space = sentence.find(" ", left, start)
        left = space + 1 if space >= 0 else left
    if stop < len(sentence):
        space = sentence.rfind(" ", end, stop)
        stop = space if space > 0 else stop
    return sentence[left:stop], start - left, end - left


def _full_slot(sentence: str, start: int, end: int, kind: str, unit: str) -> Slot:
    found = _slot(sentence, start, end, kind, unit)
    doc = parse(sentence)
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0 or kind not in ("count", "money", "percent"):
        return found
    noun = _counted(span) if kind == "count" else span.root
    return Slot(found.phrase, found.governor, found.thing, found.owner, _qualifiers(noun, span))


_SIZES = frozenset(
    """big large huge massive small tiny little giant major minor new old total more other
    several many few additional further least most""".split()
)


def _qualifiers(noun: Token, span: Span) -> frozenset[str]:
    out = {
        c.lemma_.lower()
        for c in noun.lefts
        if c.dep_ in ("compound", "amod")
        and c.pos_ != "NUM"
        and c.lemma_.lower() not in _SIZES
        and not (span.start <= c.i < span.end and c.pos_ != "NOUN")
    }
    prep = next((c for c in noun.rights if c.dep_ == "prep"), None)
    if prep is None and span.end < len(span.doc) and span.doc[span.end].pos_ == "ADP":
        prep = span.doc[span.end]  # "to pay [$25 million] in punitive damages"
    if prep is not None:
        for obj in (c for c in prep.children if c.dep_ in ("pobj", "pcomp")):
            out.add(obj.lemma_.lower())
            out |= {
                c.lemma_.lower()
                for c in obj.lefts
                if c.dep_ in ("compound", "amod") and c.lemma_.lower() not in _SIZES
            }
    return frozenset(out)


def _slot(sentence: str, start: int, end: int, kind: str, unit: str) -> Slot:
    doc = parse(sentence)
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return Slot("", "", "", "")
    if unit == "age":
        return _age(span)
    root = span.root
    if kind == "count":
        noun = _counted(span)
        governor = _governor(noun)
        thing = noun.lemma_.lower()
        phrase = _noun_phrase(noun, skip=span) + _prep_phrase(noun)
        dimension = _DIMENSIONS.get(unit)
        extent = _extent(span)
        if dimension and extent is not None:  # "18 metres (59 feet) long", "4 meters high"
            dimension = _EXTENTS[extent.lower_]
            governor = _governor(extent) or governor
        if dimension and governor is not None:
            owner = _subject(governor, noun) if governor.pos_ in ("VERB", "AUX") else ""
            where = f" of {owner}" if owner else f" ({governor.text.lower()})"
            return Slot(dimension + where, governor.lemma_.lower(), thing, owner)
        if governor is not None and governor.pos_ in ("VERB", "AUX"):
            if governor.lemma_.lower() not in _LIGHT_VERBS:
                phrase = f"{phrase} {governor.text.lower()}"
            return Slot(phrase, governor.lemma_.lower(), thing, _subject(governor, noun))
        if governor is not None and governor.pos_ in ("NOUN", "PROPN"):
            return Slot(f"{phrase} of {_noun_phrase(governor)}", governor.lemma_.lower(), thing, "")
        return Slot(phrase, "", thing, "")
    governor = _governor(root)
    word = _KIND_WORD.get(kind, kind)
    if governor is None or governor.i in range(span.start, span.end):
        return Slot(word, "", "", "")
    if governor.pos_ in ("NOUN", "PROPN"):
        lemma = governor.lemma_.lower()
        if lemma in _MEASURES:  # "at a cost of $8.6 million": the cost of what was done
            outer = _governor(governor)
            if outer is not None and outer.pos_ == "VERB":
                owner = _subject(outer, governor)
                what = f"{outer.text.lower()} {owner}".strip() if owner else outer.text.lower()
                return Slot(f"{_noun_phrase(governor)} ({what})", lemma, "", owner)
            return Slot(_noun_phrase(governor), lemma, "", "")
        return Slot(f"{word} of the {_noun_phrase(governor)}", lemma, "", "")
    owner = _subject(governor, root)
    verb = governor.text.lower()
    if governor.lemma_.lower() in _LIGHT_VERBS:
        obj = next((c for c in governor.children if c.dep_ in ("dobj", "attr", "acomp")), None)
        if obj is not None and obj.i not in range(span.start, span.end):
            return Slot(f"{word}: {_noun_phrase(obj)}", obj.lemma_.lower(), "", owner)
    phrase = f"{owner} {verb}" if owner else f"{word}: {verb}"
    return Slot(phrase.strip(), governor.lemma_.lower(), "", owner)


_MEASURES = frozenset("cost price value amount total sum fee budget bill fine worth".split())
# Counted units that measure something: the phrase names the measure.
_DIMENSIONS = {
    "speed": "speed",  # values.py stores lengths and speeds by dimension
    "length": "distance",
    "mph": "speed",
    "kph": "speed",
    "knot": "speed",
    "mile": "distance",
    "kilomet": "distance",
    "km": "distance",
    "metr": "length",
    "meter": "length",
    "feet": "length",
    "foot": "length",
}


# "18 metres long": the adjective after a length says which extent it is.
_EXTENTS = {"long": "length", "high": "height", "tall": "height", "wide": "width", "deep": "depth"}


def _extent(span: Span) -> Token | None:
    """The extent adjective after a length, past a bracketed conversion: "long" in "18
    meters (59 feet) long"."""
    doc, i = span.doc, span.end
    if i < len(doc) and doc[i].text == "(":
        close = next((t.i for t in doc[i:] if t.text == ")"), None)
        i = close + 1 if close is not None else i
    return doc[i] if i < len(doc) and doc[i].lower_ in _EXTENTS else None


def _prep_phrase(noun: Token) -> str:
    """ "people in custody": a preposition right after the counted noun, with its object."""
    prep = next((c for c in noun.rights if c.dep_ == "prep"), None)
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None
    if prep is None or obj is None or obj.pos_ in ("NUM", "PRON"):
        return ""
    return f" {prep.text.lower()} {_noun_phrase(obj, adjectives=False)}"


def _age(span: Span) -> Slot:
    """ "the 72-year-old Durst", "Durst, 73": whose age."""
    doc = span.doc
    person = None
    for tok in span:
        if tok.text.lower() == "old" and tok.head.pos_ in ("PROPN", "NOUN"):
            person = tok.head
    if person is None:
        person = next((t for t in span if t.pos_ == "PROPN"), None)  # "Durst, 73"
    if person is None:
        before = doc[max(span.start - 1, 0)]
        while before.dep_ == "punct" and before.i > 0:
            before = doc[before.i - 1]
        if before.pos_ in ("PROPN", "NOUN") and before.i < span.start:
            person = before
    if person is None:
        return Slot("age", "age", "age", "")
    name = _noun_phrase(person, adjectives=False)
    return Slot(f"age of {name}", "age", "age", name)


def _counted(span: Span) -> Token:
    """The noun a number counts: the head of the number's ``nummod``, inside the span."""
    for tok in span:
        if tok.dep_ == "nummod" and tok.head.pos_ in ("NOUN", "PROPN"):
            return tok.head
    nouns = [t for t in span if t.pos_ in ("NOUN", "PROPN")]
    return nouns[-1] if nouns else span.root


def _governor(tok: Token) -> Token | None:
    """The word ``tok`` (or the phrase it heads) attaches to, through prepositions and
    appositions: "found [four parts]" -> found; "at [2:50 p.m.]" -> its head; "cost of [$8]"
    -> cost."""
    head = tok
    for _ in range(4):
        if head.dep_ == "ROOT":
            return head if head is not tok else None
        nxt = head.head
        if head.dep_ == "conj" and nxt.pos_ in ("VERB", "AUX"):
            return nxt  # "detecting a slick and two objects": the verb, not what governs it
        if nxt.dep_ == "prep" or nxt.pos_ == "ADP" or head.dep_ in _THROUGH:
            head = nxt
            continue
        return nxt
    return head.head


_THROUGH = ("appos", "conj", "nummod", "compound")


def _subject(verb: Token, exclude: Token) -> str:
    if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
        return _noun_phrase(verb.head, adjectives=False)  # "the office, which opened in ..."
    subj = next(
        (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c is not exclude),
        None,
    )
    return _noun_phrase(subj, adjectives=False) if subj is not None else ""


def _noun_phrase(noun: Token, skip: Span | None = None, adjectives: bool = True) -> str:
    """The noun with its compounds (and adjectives): "liaison office", "Robert Durst"."""
    deps = ("compound", "amod", "nmod") if adjectives else ("compound",)
    left = [
        c
        for c in noun.lefts
        if c.dep_ in deps
        and not (skip is not None and skip.start <= c.i < skip.end)
        and c.pos_ != "NUM"
    ]
    if noun.pos_ == "PRON":
        return ""
    return " ".join([*(c.text for c in left), noun.text])
