"""What a value is about, read off the sentence's own structure with spaCy's parser.

For a value in a sentence, :func:`slot` finds the words that govern it in the dependency parse
and returns a :class:`Slot`: the counted thing ("people"), the word the value attaches to (the
verb "arrested", the noun "explosion"), who it belongs to, and a readable phrase built from
them: "people arrested", "time of the explosion", "age of Robert Durst", "office opened".
Two values with the same governing words are values of one thing, which is what a conflict
needs.

The parser costs ~4 ms a sentence, so only the few sentences that carry the facts shown and
the candidate conflicts are parsed (:func:`newsfuse.fusion.nlp.docs` caches by text).
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsfuse.fusion import nlp
from newsfuse.fusion.text import stem

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


_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][\w'’-]*")


def lower_stems(text: str) -> frozenset[str]:
    """Stems of the words ``text`` writes in lower case: what happened, not who or where
    (how a weekday's fact and a role's fact choose the sentence they are shown with)."""
    return frozenset(stem(w.lower()) for w in _LOWER_WORD.findall(text))


def parse(sentence: str) -> Doc:
    """The parse of one sentence (cached: facts and conflicts ask for the same clauses)."""
    return nlp.docs([sentence], nlp.NO_NER)[0]


def prime(spans: Iterable[tuple[str, int, int]]) -> None:
    """Parse the clauses of the values at ``(sentence, start, end)`` in one batch: spaCy reads
    a batch of texts at about half the cost per text of one call each, and :func:`slot` then
    finds them parsed."""
    nlp.docs(list(dict.fromkeys(clause(*span)[0] for span in spans)), nlp.NO_NER)


def readable(phrase: str) -> bool:
    """Whether a phrase says what a value is about: two words or more, not a kind word with
    one bare word ("share: weakened", "calls")."""
    head, _, rest = phrase.rpartition(": ")
    return len((rest if head else phrase).split()) >= 2


def named(sentence: str, start: int, end: int) -> str:
    """What a name is in its sentence, from the parse: the noun it names ("border town" of
    "its border town of Kaesong", "state news agency" of "KCNA state news agency"), or what it
    did ("destroyed liaison office", "tried to stop the groups"); "" when the parse gives
    neither (the caller then shows the words beside it)."""
    text, start, end = clause(sentence, start, end)
    span = parse(text).char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return ""
    root = span.root
    head = root.head
    if root.dep_ in ("nsubj", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
        if head.lemma_.lower() in _LIGHT_VERBS:
            return ""
        obj = _object(head, span)
        what = _noun_phrase(obj) if obj is not None else _purpose(head)
        return " ".join(w for w in (_verb(head), what) if w)
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN":
        return _noun_phrase(head.head, skip=span)  # "the border town of Kaesong"
    if root.dep_ in ("compound", "appos") and head.pos_ == "NOUN" and head.i >= span.end:
        return _noun_phrase(head, skip=span)  # "KCNA state news", "Covid-19 concerns"
    return ""


_NEARBY = 4  # words either side of the value in :func:`nearby`
_EDGE = frozenset(
    """a an the and or but of in on at to for from by with as that which who than,
    while since after before is are was were be been will would has have had""".split()
)


def nearby(sentence: str, start: int, end: int) -> str:
    """A few words of the value's clause either side of it, as written: a phrase a person
    reads when the parse gives none ("two calls a day, at 9:00 a.m. and 5:00 p.m.")."""
    text, start, end = clause(sentence, start, end)
    words_before = list(re.finditer(r"\S+", text[:start]))
    words_after = list(re.finditer(r"\S+", text[end:]))
    # a multiword name at a cut edge is kept whole ("the University of Massachusetts Amherst
    # according to his Facebook page", not "Amherst according to ...")
    first = _whole_name(words_before, max(0, len(words_before) - _NEARBY), -1)
    last = _whole_name(words_after, min(_NEARBY, len(words_after)) - 1, 1)
    before = words_before[first:]
    after = words_after[: last + 1]
    while before and before[0].group().lower().strip(_MARKS) in _EDGE:
        before = before[1:]
    while after and after[-1].group().lower().strip(_MARKS) in _EDGE:
        after = after[:-1]
    left = before[0].start() if before else start
    right = end + after[-1].end() if after else end
    # quotes and commas at the cut edges go, the value is kept whole ("(US$8.6 million)")
    head = text[left:start].lstrip(_MARKS + " ")
    tail = text[end:right].rstrip(_MARKS + " ")
    return (head + text[start:end] + tail).strip()


_MARKS = ",.;:\"“”'‘’()"
_NAME_WORD = re.compile(r"[A-Z][\w'’.-]*")
_NAME_JOIN = frozenset("of at for the de".split())  # ("and" joins two names)
_LONGEST_NAME = 3  # words a name is extended by at most (an about stays short)


def _whole_name(words: Sequence[re.Match[str]], at: int, step: int) -> int:
    """The index of the cut edge ``words[at]`` moved by ``step`` (-1: to the left, 1: to the
    right) while it splits a run of capitalised words, the particles between them included;
    the last capitalised word reached, at most :data:`_LONGEST_NAME` words on."""
    if not 0 <= at < len(words) or not _NAME_WORD.fullmatch(words[at].group().strip(_MARKS)):
        return at
    edge = at
    for k in range(at + step, at + step * (_LONGEST_NAME + 1), step):
        if not 0 <= k < len(words):
            break
        raw = words[k].group()
        # punctuation between two words ends the name ("Paris, France" is two)
        inner = words[k] if step < 0 else words[k - 1]
        if inner.group()[-1] in _MARKS:
            break
        word = raw.strip(_MARKS)
        if _NAME_WORD.fullmatch(word):
            edge = k
        elif word not in _NAME_JOIN:
            break
    return edge


# "has been incarcerated at Lovelock ... since December 2008": a perfect passive, then the
# date after "since" in the same clause; not a negated one ("had not been seen since", "no
# meetings have been held since")
_PERFECT = re.compile(
    r"\b(?:has|have|had)\s+(?:(?:also|only|now|long)\s+)?been\s+"
    r"(?P<verb>[a-z]+(?:ed|en)|held|kept|left|shut|built|sent|lost|sold|caught|bound)\b"
)
_SINCE = re.compile(r"^[^;.!?]*\bsince\s+$")
_JOINS = re.compile(r",|\b(?:but|and|while|whereas|though|although|yet)\b", re.I)
_NEGATED = re.compile(r"\b(?:no|not|never|nobody|none|nothing|neither|nor)\b|n[’']t\b", re.I)


def since(sentence: str, start: int, end: int) -> str:
    """For a date after "since" that a perfect verb spans ("has been incarcerated ... since
    December 2008"), what the date starts: "time incarcerated since"; else "". The verb is
    the one nearest the date ("has not been used since 1995, but it has been renovated since
    2001": renovated), not negated in its part of the clause, and its subject counts nothing:
    "At least 300 people have been killed since March" is a running count, not a period."""
    text, start, end = clause(sentence, start, end)
    m = next(reversed(list(_PERFECT.finditer(text, 0, start))), None)  # the nearest verb
    if m is None or not _SINCE.match(text[m.end() : start]):
        return ""
    # the verb's own part of the clause: "No meetings have been held since" is negated,
    # "has not been used since 1995, but it has been renovated since 2001" is not
    own = max([0, *(b.end() for b in _JOINS.finditer(text, 0, m.start()))])
    if _NEGATED.search(text, own, start) or _counting(text, m.start("verb")):
        return ""
    return f"time {m.group('verb')} since"


def _counting(text: str, at: int) -> bool:
    """Whether the subject of the verb at ``text[at:]`` writes a figure ("300 people")."""
    verb = next((t for t in parse(text) if t.idx == at), None)
    if verb is None:
        return False
    return any(
        t.like_num
        for child in verb.children
        if child.dep_ in ("nsubj", "nsubjpass")
        for t in child.subtree
    )


_REACH = 90  # characters of the sentence either side of the value that are parsed
_BREAK = re.compile(r"[;!?]|:(?!\d)|\s[—–]\s")  # not the colon of "9:00"


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


def span_of(sentence: str, start: int, end: int) -> Span | None:
    """The parsed tokens of the value at ``sentence[start:end]``, in the parse of its
    :func:`clause`; None where the parse does not align with the value."""
    text, start, end = clause(sentence, start, end)
    span = parse(text).char_span(start, end, alignment_mode="expand")
    return None if span is None or len(span) == 0 else span


@functools.lru_cache(maxsize=1 << 14)
def _full_slot(sentence: str, start: int, end: int, kind: str, unit: str) -> Slot:
    # Cached (a Slot is immutable): the conflict search asks for the same clause's slot
    # once per pair of facts it is in, and reading the parse costs more than the lookup.
    found = _slot(sentence, start, end, kind, unit)
    doc = parse(sentence)
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0 or kind not in ("count", "ordinal", "money", "percent"):
        return found
    noun = _counted(span) if kind in ("count", "ordinal") else span.root
    return Slot(found.phrase, found.governor, found.thing, found.owner, _qualifiers(noun, span))


_SIZES = frozenset(
    """big large huge massive small tiny little giant major minor new old total more other
    several many few additional further least most""".split()
)


def _named_kind(t: Token) -> bool:
    """A word inside the value that says which kind is counted: a noun ("six test sites"), a
    name or a proper adjective ("six EU countries", "seven European countries")."""
    return t.pos_ in ("NOUN", "PROPN") or (t.pos_ == "ADJ" and t.text[:1].isupper())


def _qualifiers(noun: Token, span: Span) -> frozenset[str]:
    out = {
        c.lemma_.lower()
        for c in noun.lefts
        if c.dep_ in ("compound", "amod")
        and c.pos_ != "NUM"
        and c.lemma_.lower() not in _SIZES
        and not (span.start <= c.i < span.end and not _named_kind(c))
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
    if kind in ("count", "ordinal"):  # "the sixth day": a day, as "six days" are
        noun = _counted(span)
        governor = _governor(noun)
        thing = noun.lemma_.lower()
        phrase = _noun_phrase(noun, skip=span, counted=True)
        phrase += _prep_phrase(noun) + _participle(noun)
        dimension = _DIMENSIONS.get(unit)
        extent = _extent(span)
        if dimension and extent is not None:  # "18 metres (59 feet) long", "4 meters high"
            dimension = _EXTENTS[extent.lower_]
            governor = _governor(extent) or governor
        # "this four-story office building": the storeys of the building
        if (
            noun.dep_ in ("compound", "amod", "nmod")
            and noun.head.pos_ == "NOUN"
            and noun.head.i not in range(span.start, span.end)
        ):
            whose = _noun_phrase(noun.head, skip=span, adjectives=False)
            return Slot(f"{phrase} of the {whose}", _lemma(governor), thing, "")
        if dimension and governor is not None:
            owner = _subject(governor, noun) if governor.pos_ in ("VERB", "AUX") else ""
            content = governor.pos_ in ("NOUN", "PROPN", "VERB")
            where = f" of {owner}" if owner else (f" ({governor.text.lower()})" if content else "")
            return Slot(dimension + where, governor.lemma_.lower(), thing, owner)
        if governor is not None and governor.pos_ in ("VERB", "AUX"):
            if governor.lemma_.lower() not in _LIGHT_VERBS:
                phrase = f"{phrase} {_verb(governor)}"
            return Slot(phrase, governor.lemma_.lower(), thing, _subject(governor, noun))
        if governor is not None and governor.pos_ in ("NOUN", "PROPN"):
            # "four-storey glass structure": the storeys of the structure
            whose = _noun_phrase(governor, skip=span, adjectives=False)
            the = "the " if governor.pos_ == "NOUN" else ""
            return Slot(f"{phrase} of {the}{whose}", governor.lemma_.lower(), thing, "")
        return Slot(phrase, "", thing, "")
    governor = _governor(root)
    word = _KIND_WORD.get(kind, kind)
    if kind == "time" and governor is not None and any(c.dep_ == "nummod" for c in governor.lefts):
        governor = _governor(governor)  # "at 9:00 a.m. and 5:00 p.m.": past the other time
    if kind == "date":
        # "reported about 7:30 p.m. Wednesday", "Wednesday night": the day of what was done
        # then, not of the "p.m." or the night (past two such words at most: "p.m. ... night")
        for _ in range(2):
            if governor is None or governor.lower_ not in _CLOCK_WORDS:
                break
            governor = _governor(governor)
    if governor is None or governor.i in range(span.start, span.end):
        return Slot(word, "", "", "")
    modified = _modified(span)
    if modified is not None:  # "$1 bills", "a 2018 inter-Korean pact": what the value is of
        named = _noun_phrase(modified, skip=span)
        if kind in ("date", "time"):
            return Slot(f"{word} of the {named}", governor.lemma_.lower(), "", "")
        if governor.pos_ == "VERB" and governor.lemma_.lower() not in _LIGHT_VERBS:
            named = f"{named} {_verb(governor)}"
        return Slot(named, governor.lemma_.lower(), "", "")
    if governor.pos_ in ("NOUN", "PROPN"):
        lemma = governor.lemma_.lower()
        if lemma in _MEASURES:  # "at a cost of $8.6 million": the cost of what was done
            outer = _governor(governor)
            if outer is not None and outer.pos_ == "VERB":
                owner = _subject(outer, governor)
                what = f"{_verb(outer)} {owner}".strip() if owner else _verb(outer)
                return Slot(f"{_noun_phrase(governor)} ({what})", lemma, "", owner)
            return Slot(_noun_phrase(governor), lemma, "", "")
        return Slot(f"{word} of the {_noun_phrase(governor)}", lemma, "", "")
    owner = _subject(governor, root)
    verb = _verb(governor)
    obj = _object(governor, span)
    if governor.lemma_.lower() in _LIGHT_VERBS and obj is not None:
        if kind in ("date", "time"):
            the = "the " if obj.pos_ == "NOUN" else ""
            return Slot(f"{word} of {the}{_noun_phrase(obj)}", obj.lemma_.lower(), "", owner)
        return Slot(f"{word}: {_noun_phrase(obj)}", obj.lemma_.lower(), "", owner)
    # who did what to what: "Pyongyang severed inter-Korean hotlines", "office closed",
    # "South Korea spent to renovate the building"
    done = [owner, verb]
    if obj is not None:
        done.append(_noun_phrase(obj))
    else:
        done.append(_purpose(governor))
    phrase = " ".join(w for w in done if w)
    if not owner and obj is None and phrase == verb:
        phrase = f"{word}: {verb}"
    return Slot(phrase, governor.lemma_.lower(), "", owner)


_LARGE = frozenset("hundred thousand million billion trillion".split())


def _verb(verb: Token) -> str:
    """The verb as a phrase says it: with its negation and the auxiliaries before it when it
    has one ("did not pay", "never reopened", "not to revoke"), for a phrase that drops a
    "not" says the opposite of every source."""
    negation = [c for c in verb.children if c.dep_ == "neg"]
    if not negation:
        return verb.text.lower()
    aux = [c for c in verb.lefts if c.dep_ in ("aux", "auxpass") and c.i > negation[0].i - 2]
    return _written([*aux, *negation, verb]).lower()


def _lemma(tok: Token | None) -> str:
    return tok.lemma_.lower() if tok is not None else ""


def _object(verb: Token, span: Span) -> Token | None:
    """The verb's object, when it is a thing rather than the value or another figure."""
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "attr", "acomp")), None)
    if obj is None or obj.i in range(span.start, span.end) or obj.pos_ in ("NUM", "PRON"):
        return None
    if any(c.dep_ == "mark" for c in obj.children):
        return None  # "warned that the office ...": the subject of a clause cut off here
    if any(c.lower_ in _LARGE or c.pos_ == "SYM" for c in obj.subtree):
        return None  # "spent [9.78 billion won]": another figure, not what was done
    return obj


def _purpose(verb: Token) -> str:
    """ "spent ... to renovate the building": the infinitive saying what for."""
    for c in verb.children:
        if c.dep_ in ("xcomp", "advcl") and any(
            a.dep_ == "aux" and a.lower_ == "to" for a in c.children
        ):
            obj = next(
                (o for o in c.children if o.dep_ == "dobj" and o.pos_ in ("NOUN", "PROPN")), None
            )
            target = (
                f" the {_noun_phrase(obj)}"
                if obj is not None and obj.pos_ == "NOUN"
                else (f" {_noun_phrase(obj)}" if obj is not None else "")
            )
            negation = "not " if any(n.dep_ == "neg" for n in c.children) else ""
            return f"{negation}to {c.text.lower()}{target}"
    return ""


_TIME_NOUNS = frozenset(
    "morning afternoon evening night noon midnight day week weekend month year time".split()
)


def _modified(span: Span) -> Token | None:
    """The noun the value modifies from inside its noun phrase ("$1 bills", "a 2018 pact"),
    or None when the value stands on its own."""
    root = span.root
    head = root.head
    if (
        root.dep_ in ("nummod", "compound", "nmod", "amod")
        and head.pos_ in ("NOUN", "PROPN")
        and head.i not in range(span.start, span.end)
        and not head.like_num
        and not head.tag_.startswith("JJ")
        and head.lemma_.lower() not in _TIME_NOUNS  # "Sunday night" is the date itself
    ):
        return head
    return None


def _participle(noun: Token) -> str:
    """ "companies operating (with ...)": a participle right after the counted noun."""
    nxt = noun.i + 1
    acl = next(
        (c for c in noun.rights if c.dep_ == "acl" and c.i == nxt and c.tag_ in ("VBG", "VBN")),
        None,
    )
    return f" {acl.text.lower()}" if acl is not None else ""


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


# The words of a clock time or a part of the day, a day's neighbours but not what it dates.
_CLOCK_WORDS = frozenset(
    "p.m. a.m. pm am p.m a.m gmt bst utc et est edt pt pst pdt night morning afternoon"
    " evening noon midnight".split()
)
# Nouns of time, never whose age a figure is.
_WHEN_NOUNS = frozenset(
    "week weeks year years month months day days time night morning weekend".split()
)


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
    if person is None or person.lower_ in _WHEN_NOUNS:
        # "The actress passed away ... last week at age 89": the subject of the verb the age
        # hangs on (a week has no age)
        verb = span.root
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        aged = (
            subject is not None
            and subject.pos_ in ("PROPN", "NOUN")
            and subject.lower_ not in _WHEN_NOUNS
        )
        person = subject if aged else None
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
    subj = next(
        (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c is not exclude),
        None,
    )
    # a relative clause's subject is the noun it describes when the clause has none of its
    # own but "which"/"that" ("the office, which opened in ..."); "a year in which the
    # company lost $5.2 billion": the company lost it, not the year
    own = subj is not None and subj.pos_ != "PRON"
    if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN") and not own:
        return _noun_phrase(verb.head, adjectives=False)
    return _noun_phrase(subj, adjectives=False) if subj is not None else ""


def _noun_phrase(
    noun: Token, skip: Span | None = None, adjectives: bool = True, counted: bool = False
) -> str:
    """The noun with its compounds (and adjectives): "liaison office", "Robert Durst". The
    words of the value (``skip``) are left out; of a count's span, which holds the counted
    noun's own modifiers, only the numbers and hedges ("124 South Korean companies")."""
    deps = ("compound", "amod", "nmod") if adjectives else ("compound",)
    kept = ("PROPN", "ADJ") if counted else ()
    left = [
        c
        for c in noun.lefts
        if c.dep_ in deps
        and not (skip is not None and skip.start <= c.i < skip.end and c.pos_ not in kept)
        and c.pos_ not in ("NUM", "SYM")
        and not c.like_num
    ]
    if noun.pos_ == "PRON":
        return ""
    # each modifier with its own modifiers ("South Korean", "inter-Korean"), as written
    return _written([*(t for c in left for t in c.subtree if t.pos_ not in _OUT), noun])


_OUT = frozenset({"DET", "NUM", "SYM", "PRON", "ADP", "CCONJ", "SCONJ"})


def _written(tokens: Iterable[Token]) -> str:
    """Tokens in sentence order, spaced as the sentence spaces them ("inter-Korean")."""
    picked = sorted(set(tokens), key=lambda t: t.i)
    # a hyphen between two picked words stays ("Yo-jong")
    picked += [
        d
        for a, b in itertools.pairwise(picked)
        if b.i == a.i + 2
        and (d := a.doc[a.i + 1]).text in ("-", "–")
        and not a.whitespace_
        and not d.whitespace_
    ]
    out = ""
    prev: Token | None = None
    for tok in sorted(picked, key=lambda t: t.i):
        glued = prev is not None and prev.i == tok.i - 1 and not prev.whitespace_
        out += tok.text if glued or prev is None else " " + tok.text
        prev = tok
    return out
