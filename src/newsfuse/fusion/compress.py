"""Shorter versions of a source sentence that are still a grammatical part of it.

A summary sentence may be shortened by taking out a part the dependency parse shows to be
optional: an attribution (", police said", "according to X", "X said"), a parenthetical, an
appositive ("Kim Yo-jong, the leader's sister, said" -> "Kim Yo-jong said"), a non-restrictive
relative clause (", which ..."), a trailing participial clause (", saying ..."), a trailing
subordinate clause ("... after it threatened ...") or the main verb's last conjunct (", and a
top official said ...": not after "but" or "or", which qualify what comes before). Each
removal is a whole subtree of the parse (every removed word's head is inside the removed part,
except the part's own head, which attaches to a word that stays), so what is left keeps its
words, in their order, and its grammar. Nothing is ever added or reworded.

Parsing costs ~2.5 ms a sentence, so only the few sentences that may enter a summary are
parsed (spaCy's small English model, parser only), and only those whose surface shows
something removable.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from newsfuse.fusion import nlp

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Verbs of saying whose clause can stand without them: "..., police said."
_SAYING = frozenset(
    "said says say reported reports added adds told tells announced announces stated states "
    "explained explains noted notes wrote writes confirmed confirms according".split()
)
# Subordinators of a trailing clause that adds circumstance, not the main claim.
_TRAILING_MARKS = frozenset("after as while because although though whereas".split())
# Any of these in a sentence means something may be removable: cheaper than parsing to see.
_MAYBE = re.compile(
    r"\(|, (?:who|which|saying|adding|citing|according)\b|\b(?:said|says|reported|told|added|"
    r"according|announced|stated|after|as|while|because|although|though|when|whereas)\b|, [a-z]",
)
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:!?)\]”’'])")
_DOUBLE_COMMA = re.compile(r",\s*,")
_QUOTES = frozenset("\"“”``''")
# At most this many optional parts per sentence are combined (2^n versions).
_MAX_REMOVALS = 5
# Modifiers that may open a sentence before its subject and go with their comma:
# "In a statement on Tuesday, ...", "Speaking to reporters, ...", "Meanwhile in Gaza, ...".
_OPENING_DEPS = frozenset("prep advcl advmod npadvmod".split())
# Parts that commas set off are optional: an appositive ("Kim Yo-jong, his sister, said").
_COMMA_SET = frozenset(("appos",))
# Dependents only a verb takes: a conjunct with one is a second predicate, not a noun the
# parser hung on the verb (it runs without the tagger, so there are no parts of speech).
_VERB_DEPENDENTS = frozenset(
    "nsubj nsubjpass aux auxpass dobj dative xcomp ccomp acomp attr prt neg agent advcl".split()
)


def maybe_compressible(text: str) -> bool:
    return bool(_MAYBE.search(text))


def shortened(texts: Sequence[str]) -> list[list[str]]:
    """For each sentence, its shorter grammatical versions (shortest last; none: ``[]``)."""
    out: list[list[str]] = [[] for _ in texts]
    todo = [i for i, t in enumerate(texts) if maybe_compressible(t)]
    if not todo:
        return out
    for i, doc in zip(todo, nlp.docs([texts[i] for i in todo], nlp.PARSER_ONLY), strict=True):
        out[i] = _variants(doc)
    return out


def _variants(doc: Doc) -> list[str]:
    if len(list(doc.sents)) > 1:
        return []  # the parser disagrees with the splitter: leave it whole
    removals = list(dict.fromkeys(r for r in _removals(doc) if r))[:_MAX_REMOVALS]
    original = _render(doc, frozenset())
    # Every combination of the optional parts: the summarizer picks the one that pays.
    texts = [
        _render(doc, frozenset().union(*combo))
        for k in range(1, len(removals) + 1)
        for combo in itertools.combinations(removals, k)
    ]
    seen = {original}
    out = []
    for t in sorted(texts, key=len, reverse=True):
        if t and t not in seen and _ends_well(t):
            seen.add(t)
            out.append(t)
    return out


def _removals(doc: Doc) -> Iterable[frozenset[int]]:
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None:
        return
    end = _end(doc)
    attributions = [r for r in _attribution(doc, root, end) if r]
    yield from attributions
    # A clause may also end where a trailing attribution begins ("... after X, Reuters said").
    ends = {end} | {min(r) for r in attributions if min(r) > 0}
    yield _opening_phrase(doc, root)
    for t in doc:
        if t.text == "(":
            yield _paren(doc, t)
        elif t.dep_ in _COMMA_SET or (t.dep_ == "relcl" and _starts_wh(t)):
            yield _commas_around(doc, t, end)
        elif t.dep_ == "advcl":
            yield _trailing_clause(doc, t, ends)
        elif t.dep_ == "conj" and t.head == root:
            yield _trailing_conjunct(doc, t, ends)


def _end(doc: Doc) -> int:
    """Index one past the last word (before the final punctuation and closing quotes)."""
    end = len(doc)
    while end > 0 and (doc[end - 1].is_punct or doc[end - 1].text in _QUOTES):
        end -= 1
    return end


def _span(t: Token) -> tuple[int, int]:
    return t.left_edge.i, t.right_edge.i + 1


def _is_subtree(doc: Doc, lo: int, hi: int) -> bool:
    """Every word in [lo, hi) but one hangs off a word inside; that one attaches outside."""
    outside = [t for t in doc[lo:hi] if not lo <= t.head.i < hi or t.head == t]
    return len([t for t in outside if not t.is_punct]) <= 1


def _has_quote(doc: Doc, lo: int, hi: int) -> bool:
    return any(t.text in _QUOTES for t in doc[lo:hi])


def _attribution(doc: Doc, root: Token, end: int) -> Iterable[frozenset[int]]:
    """The saying verb and its speaker around a reported clause, leaving the clause."""
    if root.lower_ not in _SAYING:
        for child in root.children:
            # "[clause], according to X." / "According to X, [clause]."
            if child.lower_ == "according" and child.dep_ == "prep":
                lo, hi = _span(child)
                if hi >= end:
                    lo = lo - 1 if lo > 0 and doc[lo - 1].text == "," else lo
                    yield frozenset(range(lo, end))
                elif lo == 0 and hi < len(doc) and doc[hi].text == ",":
                    yield frozenset(range(0, hi + 1))
        return
    clause = next((c for c in root.children if c.dep_ == "ccomp"), None)
    if clause is None:
        return
    lo, hi = _span(clause)
    if _has_quote(doc, 0, len(doc)):
        return  # a quote without its speaker is a claim nobody makes
    if hi <= root.i and lo == 0:
        # "[clause], X said (on Tuesday)." The speaker must go with the verb: a parse that
        # hangs it inside the clause ("... in North Korea, a U.N. representative said", the
        # speaker an appositive of Korea) would leave it behind without its verb.
        speakers = [c.i for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
        if speakers and all(hi <= i < end for i in speakers):
            yield frozenset(range(hi, end))
    elif lo > root.i and hi >= end:
        # "X said (that) [clause]."
        first = lo + 1 if doc[lo].lower_ == "that" else lo
        if first < len(doc) and doc[first].is_alpha:
            yield frozenset(range(0, first))


def _opening_phrase(doc: Doc, root: Token) -> frozenset[int]:
    """A modifier of the main verb that opens the sentence, with its comma, when a subject
    follows it: what is left starts on the clause itself."""
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return frozenset()  # what opens the sentence may be its subject, misparsed
    for child in root.children:
        if child.dep_ not in _OPENING_DEPS or child.i > subject.i:
            continue
        lo, hi = _span(child)
        # A clause with a subject of its own must open on its subordinator ("After police
        # arrived, ..."): without one it may be the sentence's real subject, misparsed.
        own_subject = any(t.dep_ in ("nsubj", "nsubjpass") for t in doc[lo:hi])
        marked = any(c.dep_ == "mark" and c.i == lo for c in child.children)
        if (
            lo == 0
            and hi < subject.left_edge.i
            and doc[hi].text == ","
            and (marked or not own_subject)
            and not _has_quote(doc, lo, hi)
        ):
            return frozenset(range(0, hi + 1))
    return frozenset()


def _paren(doc: Doc, opening: Token) -> frozenset[int]:
    depth, i = 0, opening.i
    for i in range(opening.i, len(doc)):
        depth += (doc[i].text == "(") - (doc[i].text == ")")
        if depth == 0:
            break
    if depth or not _is_subtree(doc, opening.i + 1, i):
        return frozenset()
    return frozenset(range(opening.i, i + 1))


def _starts_wh(t: Token) -> bool:
    return t.left_edge.lower_ in ("who", "which", "whose", "whom")


def _commas_around(doc: Doc, t: Token, end: int) -> frozenset[int]:
    """``t``'s subtree with its commas, if commas set it off (non-restrictive)."""
    lo, hi = _span(t)
    if lo == 0 or doc[lo - 1].text != "," or _has_quote(doc, lo, hi):
        return frozenset()
    if hi < len(doc) and doc[hi].text == ",":
        return frozenset(range(lo - 1, hi + 1)) if hi + 1 < end else frozenset(range(lo - 1, hi))
    if hi >= end:
        return frozenset(range(lo - 1, end))
    return frozenset()


def _trailing_clause(doc: Doc, t: Token, ends: set[int]) -> frozenset[int]:
    """A clause at the end of the sentence: ", saying ..." or "after ...", "as ..."."""
    lo, hi = _span(t)
    if hi not in ends or lo <= t.head.i or _has_quote(doc, lo, hi):
        return frozenset()
    if t.head.dep_ == "advmod":
        return frozenset()  # "as long as ...", "as soon as ...": the head needs its clause
    first = doc[lo]
    comma = lo > 0 and doc[lo - 1].text == ","
    if comma and _completes_opening_clause(doc, lo - 1):
        return frozenset()
    if first.lower_ in _TRAILING_MARKS or (comma and first.lower_.endswith("ing")):
        return frozenset(range(lo - 1 if comma else lo, hi))
    return frozenset()


def _completes_opening_clause(doc: Doc, comma: int) -> bool:
    """Whether the words before ``comma`` are an opening subordinate clause ("While the
    technology can be mind-boggling, [cleaning up oil requires labour]."): what follows the
    comma is then the main clause, whatever the parse says (the small model hangs it on the
    subordinate verb as a participle clause). The subordinator is capitalised: it opened the
    sentence, or a page title glued before it ("Cleaning up the BP spill While ...")."""
    for t in reversed(doc[:comma]):
        if t.text == ",":
            return False
        if t.dep_ == "mark" and t.text in _OPENING_MARKS:
            return True
    return False


_OPENING_MARKS = frozenset(
    "While Although Though Whereas Because If When Since As After Before Unless Once".split()
)


def _trailing_conjunct(doc: Doc, t: Token, ends: set[int]) -> frozenset[int]:
    """The last of the main verb's conjuncts, with its conjunction (and comma): "The storm
    killed 32 people[, and it destroyed thousands of homes]." What is left is the first claim,
    as the source words it."""
    lo, hi = _span(t)
    hi = min(hi, max(ends))  # the final full stop may hang off the conjunct
    if hi not in ends or lo < 2 or doc[lo - 1].lower_ != "and" or doc[lo - 1].head != t.head:
        return frozenset()  # "or" and "but" qualify the first claim: it does not stand alone
    if not any(c.dep_ in _VERB_DEPENDENTS for c in t.children):
        return frozenset()  # a noun misparsed as the verb's conjunct ("for new moms and dads")
    start = lo - 2 if doc[lo - 2].text == "," else lo - 1
    if _has_quote(doc, start, hi):
        return frozenset()
    return frozenset(range(start, hi))


def _render(doc: Doc, removed: frozenset[int]) -> str:
    pieces = []
    for t in doc:
        if t.i in removed:
            continue
        pieces.append(t.text)
        # A word whose follower was removed loses its space if it had none ("jong" before ",").
        gap = t.whitespace_ or (t.i + 1 < len(doc) and t.i + 1 in removed)
        pieces.append(" " if gap else "")
    text = "".join(pieces).strip()
    text = _DOUBLE_COMMA.sub(",", text)
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", text)
    text = re.sub(r"[,;:]\s*([.!?])$", r"\1", text)
    text = re.sub(r"^[,;:\s]+", "", text)
    if not text:
        return ""
    if text[-1].isalnum():
        text += "."
    # An abbreviation left last keeps its own full stop: "Microsoft Corp.", not "Corp..".
    text = re.sub(r"(?<=\w\.)\.$", "", text)
    return text[0].upper() + text[1:]


def _ends_well(text: str) -> bool:
    return text.rstrip("\"'”’)»").endswith((".", "!"))
