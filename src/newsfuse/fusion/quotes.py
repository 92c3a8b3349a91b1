"""Direct quotes, with who said them, matched across the articles that carry them.

A quote repeated by several independent outlets is among the most checkable things a brief
can report, but outlets translate and trim it: "tragically ruined with a terrific explosion"
and "the liaison office was tragically destroyed in a shocking explosion" are one KCNA line.
So quotes are matched on shared content stems (:func:`newsfuse.text.content_stems`), with the
speaker as a second witness: agreeing speakers let a short fragment join its full wording,
two different named speakers keep even similar words apart. A quote's sources are then only
the articles whose wording holds its words (:func:`holds`): a paraphrase that shares words
with it ("A promise kept for 67 years is worth something" for "67 years of a promise kept
should be recognized") is a quote of its own, with its own sources.

All quoted fragments of one sentence form one mention ("`useless` ... `completely collapse`"):
they are one utterance cut up by the reporter. A mention becomes a quote only if some wording
of it has at least :data:`MIN_STEMS` content words, so scare quotes ("enemy", "human scum")
are not reported as statements.
"""

from __future__ import annotations

import functools
import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain

from newsfuse.fusion.attribution import (
    Cited,
    SpeakerId,
    cite,
    full_name,
    is_person,
    mask_quotes,
    named,
    people,
    quote_spans,
    same_speaker,
)
from newsfuse.fusion.spelling import fold
from newsfuse.fusion.text import NUMBER_WORDS, STOPWORDS, content_stems, stem, words
from newsfuse.models import Article, Family, Quote, Sentence
from newsfuse.settings import DEFAULT, QuoteSettings

MIN_STEMS = 3  # content words a quote needs to stand on its own
MIN_SHARED = 2  # content stems two wordings must share to be one quote
MIN_OVERLAP = 0.5  # shared stems / stems of the shorter wording, with agreeing speakers
MIN_OVERLAP_UNKNOWN = 0.6  # ... when the speakers cannot be compared
CLASH_SHARED, CLASH_OVERLAP = 4, 0.8  # near-identical words overrule two different speakers
_DIRECT_PAIRS = 300  # mentions up to which all pairs sharing a stem are tried directly
LOOK_BACK = 2  # sentences searched for the person a "she said" points to

_FRAGMENT_JOIN = " … "


@dataclass(frozen=True)
class _Mention:
    """The quoted words of one sentence (or of sentences a quote runs across)."""

    article: int  # position of the article in the input
    sentence: int
    text: str
    stems: frozenset[str]
    speaker: str | None
    ambiguous: bool = False  # a surname two people of the cluster share: compared with no one


def quotes(
    articles: Sequence[Article],
    sentences: Mapping[str, Sequence[Sentence]],
    families: Sequence[Family],
    settings: QuoteSettings = DEFAULT.quotes,
) -> tuple[Quote, ...]:
    """The direct quotes of the cluster, one per utterance, most independently carried first."""
    cast = _Cast.of(a.body for a in articles)
    mentions = [
        m
        for pos, article in enumerate(articles)
        for m in _mentions(pos, article, sentences.get(article.id, ()), cast)
    ]
    groups = [held for group in _cluster(mentions) for held in _held(group, settings)]
    family_of = {member: f.id for f in families for member in f.members}
    made: list[tuple[tuple[int, int, int], Quote]] = []
    for group in groups:
        if max(len(m.stems) for m in group) < MIN_STEMS:
            continue
        quote = _quote(group, articles, family_of)
        first = min((m.article, m.sentence) for m in group)
        made.append(((-quote.independent_sources, *first), quote))
    made.sort(key=lambda pair: pair[0])
    return tuple(q for _, q in made)


# --- mentions -----------------------------------------------------------------------------------


# Words before a name that tell whether the person is a man or a woman ("Ms Jackson", "his
# sister LaToya"): the cluster's own evidence for which of two people a "she said" points to.
_MALE = frozenset(
    """mr sir mister lord king prince brother father son husband nephew uncle grandfather
    boyfriend widower actor spokesman chairman businessman congressman""".split()
)
_FEMALE = frozenset(
    """mrs ms miss madam lady dame queen princess sister mother daughter wife niece aunt
    grandmother girlfriend widow actress spokeswoman chairwoman businesswoman congresswoman""".split()
)
# "Ms Jackson" is left out: a title stands before a surname, which a whole family shares.
_SEX_CUES = (_MALE | _FEMALE) - {"mr", "mrs", "ms", "miss", "sir", "dame", "lady"}
_SEX_FORMS = tuple(form for cue in sorted(_SEX_CUES) for form in (cue, cue.capitalize()))
_NAME_BY_NAME = 30  # texts up to which a name's sex is looked up name by name, not all at once
# Runs of capitalised words ("LaToya Jackson", "Sister Mary"): the one pattern read over the
# cluster, cheap because it can only start on a capital.
_RUN = re.compile(r"[A-Z][a-z][\w'’-]*(?:[ \t]+(?:[A-Z]\.[ \t]+)?[A-Z][a-z][\w'’-]*){0,3}")
_LISTENER = re.compile(r"\b(?:told|tells|telling|to|with|by|interviewed|asked)\s+(?:the\s+)?$")
_TITLE = re.compile(r"\b(Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lady)\.?\s+$")
_POSSESSOR = re.compile(r"['’]s?\s")
_POSSESSIVE_END = re.compile(r"['’]s?$")
_APOSTROPHE = re.compile(r"[’']")


def _occurrences(name: str, text: str) -> Iterator[int]:
    """Where ``name`` starts in ``text`` (plain search: names vary, patterns would not cache)."""
    at = text.find(name)
    while at != -1:
        yield at
        at = text.find(name, at + 1)


_PERSON_PRONOUNS = {"he": "m", "his": "m", "him": "m", "she": "f", "her": "f"}


class _Cast:
    """The people a cluster names: full names by surname and by first name, and what the text
    says of their sex ("his sister LaToya", "brother Jermaine"). Read only when a quote needs
    it, and the sex of a name only for the names a pronoun is tried on."""

    def __init__(self, texts: Iterable[str] = ()) -> None:
        self._texts = tuple(texts)
        self._by_part: dict[str, frozenset[str]] | None = None
        self._sex: dict[str, str | None] = {}
        self._votes: dict[str, Counter[str]] | None = None
        self._fulls: dict[str, list[str]] = {}

    @classmethod
    def of(cls, texts: Iterable[str]) -> _Cast:
        return cls(texts)

    @property
    def by_part(self) -> Mapping[str, frozenset[str]]:
        """ "jackson" -> {"LaToya Jackson", "Michael Jackson"}: full names by first, last word."""
        if self._by_part is None:
            self._by_part = _full_names(self._texts)
        return self._by_part

    def sex_of(self, name: str) -> str | None:
        """ "m" or "f" if the cluster says so of ``name`` or of its first word, else None."""
        return self._sex_of(name) or (self._sex_of(name.split()[0]) if " " in name else None)

    def _sex_of(self, name: str) -> str | None:
        if len(self._texts) > _NAME_BY_NAME:
            if self._votes is None:
                self._votes = _sex_votes(self._texts)
            votes = self._votes.get(name)
            return votes.most_common(1)[0][0] if votes and _clear(votes) else None
        if name not in self._sex:
            votes = Counter()
            for text in self._texts:
                for at in _occurrences(name, text):
                    if text[at + len(name) : at + len(name) + 1].isalnum():
                        continue  # "Michael" in "Michaels"
                    before = text[max(0, at - 16) : at].split()
                    cue = before[-1].rstrip(".").lower() if before else ""
                    if cue in _SEX_CUES:
                        votes["m" if cue in _MALE else "f"] += 1
            # A clear majority: "his sister LaToya" now and then misparsed does not flip her.
            self._sex[name] = votes.most_common(1)[0][0] if votes and _clear(votes) else None
        return self._sex[name]

    def compatible(self, name: str, pronoun: str) -> bool:
        want = _PERSON_PRONOUNS.get(pronoun)
        have = self.sex_of(name)
        return want is None or have is None or have == want

    def resolve(self, speaker: str, context: str) -> tuple[str, bool]:
        """``speaker`` with a bare surname or first name ("Jackson", "Jermaine") replaced by
        the one full name of the cluster that has it, and whether it stays ambiguous (two or
        more people have it). "Ms Jackson" keeps its title when it stays ambiguous."""
        bare = _POSSESSIVE_END.sub("", speaker)
        if " " in bare or not bare[:1].isupper() or bare.isupper():
            return speaker, False
        if bare not in self._fulls:
            found = self.by_part.get(bare.lower(), frozenset()) - {bare}
            # "End Quote Kathy Jorrie" is "Kathy Jorrie" with a glued headline: one person
            self._fulls[bare] = sorted(
                f for f in found if not any(g != f and f.endswith(" " + g) for g in found)
            )
        fulls = self._fulls[bare]
        if len(fulls) == 1:
            return fulls[0], False
        if not fulls:
            return speaker, False
        title = next(
            (t for at in _occurrences(bare, context) if (t := _TITLE.search(context, 0, at))),
            None,
        )
        if title:
            cue = title.group(1).lower()
            want = "m" if cue in _MALE else "f" if cue in _FEMALE else None
            fitting = [f for f in fulls if self.sex_of(f) in (want, None)]
            if want and len(fitting) == 1 and all(self.sex_of(f) for f in fulls):
                return fitting[0], False
            return f"{title.group(1)} {bare}", True
        return speaker, True


def _sex_votes(texts: Sequence[str]) -> dict[str, Counter[str]]:
    """Votes for every name a cue word stands before, in one pass: for a long story, where
    looking each name up in every text would grow with the square of its length."""
    votes: dict[str, Counter[str]] = {}
    for text in texts:
        for cue in _SEX_FORMS:
            at = text.find(cue)
            while at != -1:
                end = at + len(cue)
                m = _RUN.match(text, end + 1) if text[end : end + 1] == " " else None
                if m and (at == 0 or not text[at - 1].isalnum()):
                    name = m.group()  # "sister LaToya", "his wife Katherine Jackson"
                    for key in {name, name.split()[0]}:
                        votes.setdefault(key, Counter())["m" if cue.lower() in _MALE else "f"] += 1
                at = text.find(cue, end)
    return votes


def _full_names(texts: Sequence[str]) -> dict[str, frozenset[str]]:
    by_part: dict[str, set[str]] = {}
    for found in {run for text in texts for run in _RUN.findall(text) if " " in run}:
        if (full := full_name(found)) is not None:
            parts = full.split()
            for part in (parts[0], parts[-1]):
                by_part.setdefault(part.lower(), set()).add(full)
    return {k: frozenset(v) for k, v in by_part.items()}


def _clear(votes: Counter[str]) -> bool:
    (_, top), *rest = votes.most_common()
    return not rest or top >= 3 * rest[0][1]


def _mentions(
    pos: int, article: Article, sents: Sequence[Sentence], cast: _Cast | None = None
) -> list[_Mention]:
    body = article.body
    if not sents or not body:
        return []
    starts = [sent.start for sent in sents]
    ends = [sent.end for sent in sents]
    # Each quote's sentences, by span overlap; quotes sharing a sentence become one mention.
    groups: list[tuple[int, int, list[tuple[int, int]]]] = []
    for s, e in quote_spans(body):
        first, last = bisect_right(ends, s), bisect_left(starts, e) - 1
        if first > last:
            continue
        if groups and first <= groups[-1][1]:
            groups[-1] = (groups[-1][0], max(last, groups[-1][1]), [*groups[-1][2], (s, e)])
        else:
            groups.append((first, last, [(s, e)]))
    out: list[_Mention] = []
    said: dict[int, str] = {}  # sentence position -> speaker found for its quote
    cast = cast or _Cast()
    for first, last, parts in groups:
        text = _FRAGMENT_JOIN.join(_tidy(body[s:e]) for s, e in parts)
        start, end = sents[first].start, sents[last].end
        context = mask_quotes(body[start:end], [(s - start, e - start) for s, e in parts])
        who = _speaker(cite(context), context, sents, first, said, cast)
        ambiguous = False
        if who:
            who, ambiguous = cast.resolve(who, context)
            said[last] = who
        stems = frozenset(st for st in content_stems(text) if len(st) > 1 or st.isdigit())
        if stems:
            out.append(_Mention(pos, sents[first].index, text, stems, who, ambiguous))
    return out


def _tidy(quoted: str) -> str:
    # Marks sit inside the reporter's punctuation: '... would be seen," she said' gives a
    # trailing comma that is not part of the quote.
    return " ".join(quoted.split()).strip(" ,;:-–—")


def _speaker(
    found: Cited | None,
    context: str,
    sents: Sequence[Sentence],
    index: int,
    said: Mapping[int, str],
    cast: _Cast,
) -> str | None:
    """The speaker of a quote: named in its sentence, or the one a pronoun points back to, or,
    for a sentence that is nothing but a quote, whoever spoke in the sentence before (news
    writing runs a speaker's quotes on without repeating "she said")."""
    if found is not None and (found.speaker or not found.pronoun):
        return found.speaker
    if found is None:
        if words(context.replace("…", "")) or index == 0:
            return None
        return said.get(index - 1) or _cited(sents[index - 1].text)
    pronoun = found.pronoun or ""
    person = pronoun in _PERSON_PRONOUNS
    if person and (names := _candidates(context, pronoun, cast)):
        return names[0]  # "Sullivan said about 6:30 p.m. "We ...," he said."
    for back in range(index - 1, max(-1, index - 1 - LOOK_BACK), -1):
        prev = said.get(back) or _cited(sents[back].text)
        if not person:
            if prev:
                return prev
        elif prev and is_person(prev) and cast.compatible(prev, pronoun):
            return prev
        elif names := _candidates(sents[back].text, pronoun, cast):
            # "state media reported that Kim Yo Jong ... had ordered" -> Kim Yo Jong
            return names[0]
    return None


def _candidates(sentence: str, pronoun: str, cast: _Cast) -> list[str]:
    """The people of ``sentence`` whom ``pronoun`` may point to: those the text says are of
    the pronoun's sex first, then those it says nothing of, each in order (subject first).
    Never a listener ("she told Vanity Fair", "asked Murray") nor a possessor ("Dr Murray's
    spokeswoman Miranda Sevcik": she is the spokeswoman)."""
    fit = [
        name
        for name in people(sentence)
        if cast.compatible(name, pronoun)
        and not any(
            _LISTENER.search(sentence, max(0, at - 20), at)
            or _POSSESSOR.match(sentence, at + len(name))
            for at in _occurrences(name, sentence)
        )
    ]
    return sorted(fit, key=lambda name: cast.sex_of(name) is None)


def _cited(sentence: str) -> str | None:
    found = cite(sentence)
    return found.speaker if found else None


# --- matching -----------------------------------------------------------------------------------


def _match(a: _Mention, b: _Mention, agree: bool | None) -> tuple[float, bool] | None:
    """(strength, near-identical) if ``a`` and ``b`` are one quote, else None. ``agree`` is
    :func:`~newsfuse.attribution.same_speaker` of their speakers."""
    shared = len(a.stems & b.stems)
    smaller = min(len(a.stems), len(b.stems))
    overlap = shared / smaller
    near_identical = shared >= CLASH_SHARED and overlap >= CLASH_OVERLAP
    if agree is False:
        ok = near_identical
    elif smaller < MIN_STEMS:
        # A one- or two-word fragment ("collapse") joins only a wording of the same speaker
        # that contains all of it: on words alone it could be anyone's.
        ok = agree is True and shared == smaller
    elif agree is True:
        ok = shared >= MIN_SHARED and overlap >= MIN_OVERLAP
    else:
        ok = shared >= MIN_SHARED + 1 and overlap >= MIN_OVERLAP_UNKNOWN
    return (overlap + 0.01 * shared, near_identical) if ok else None


def _cluster(mentions: Sequence[_Mention]) -> list[list[_Mention]]:
    """Groups of mentions of one quote: strongest matches first, and never two groups whose
    named speakers clash (so "A" ~ "B" ~ "C" cannot chain Kim's words to KCNA's)."""
    ids: dict[str, SpeakerId] = {}
    relation: dict[tuple[str, str], bool | None] = {}

    def agree(x: str | None, y: str | None) -> bool | None:
        # Speakers compared once per pair of names, and only for pairs that are looked at.
        if not x or not y:
            return None
        if (x, y) not in relation:
            ix = ids.get(x) or ids.setdefault(x, SpeakerId.of(x))
            iy = ids.get(y) or ids.setdefault(y, SpeakerId.of(y))
            relation[x, y] = relation[y, x] = same_speaker(ix, iy)
        return relation[x, y]

    def agree_mentions(a: _Mention, b: _Mention) -> bool | None:
        if (a.ambiguous or b.ambiguous) and a.speaker != b.speaker:
            return None  # "Ms Jackson" may be LaToya or Janet: neither agrees nor clashes
        return agree(a.speaker, b.speaker)

    pairs: list[tuple[float, int, int, bool]] = []
    for i, j in _candidate_pairs(mentions):
        a, b = mentions[i], mentions[j]
        if (found := _match(a, b, agree_mentions(a, b))) is not None:
            pairs.append((found[0], i, j, found[1]))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    group_of = list(range(len(mentions)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(mentions))}
    # The distinct speakers of each group: clashes are checked between names, not mentions.
    speakers: dict[int, set[str]] = {
        i: {m.speaker} if m.speaker and not m.ambiguous else set() for i, m in enumerate(mentions)
    }
    for _, i, j, near_identical in pairs:
        gi, gj = group_of[i], group_of[j]
        if gi == gj:
            continue
        if not near_identical and any(
            agree(x, y) is False for x in speakers[gi] for y in speakers[gj]
        ):
            continue
        if len(members[gi]) < len(members[gj]):
            gi, gj = gj, gi  # relabel the smaller group: linear-logarithmic overall
        for k in members[gj]:
            group_of[k] = gi
        members[gi].extend(members.pop(gj))
        speakers[gi] |= speakers.pop(gj)
    return [
        sorted((mentions[k] for k in ks), key=lambda m: (m.article, m.sentence))
        for _, ks in sorted(members.items(), key=lambda item: min(item[1]))
    ]


def _candidate_pairs(mentions: Sequence[_Mention]) -> list[tuple[int, int]]:
    """Every pair (i < j) that :func:`_match` could accept, without trying all pairs.

    A match needs the two wordings to share at least ``max(MIN_SHARED, ceil(MIN_OVERLAP * n))``
    of the smaller one's ``n`` stems. So, with stems ordered rarest first, the smaller
    wording's first ``n - that + MIN_SHARED`` stems (its prefix) hold MIN_SHARED of the other
    wording: indexing prefixes only, and probing them with whole wordings, finds every such
    pair (the prefix filter of set-similarity joins). Prefixes hold rare stems, so their
    postings stay short as a story grows: near-linear, where all pairs of a long story's
    thousands of quotes were quadratic. A fragment of fewer than :data:`MIN_STEMS` stems only
    joins a wording that holds all of it, so it is looked up by its rarest stem. A cluster of a
    few hundred quotes is cheaper to pair directly.
    """
    if len(mentions) <= _DIRECT_PAIRS:
        return [
            (i, j)
            for i, a in enumerate(mentions)
            for j in range(i + 1, len(mentions))
            if not a.stems.isdisjoint(mentions[j].stems)
        ]
    frequency: Counter[str] = Counter(st for m in mentions for st in m.stems)
    prefix_of: dict[str, list[int]] = {}
    rarest: dict[int, str] = {}  # fragment (with a speaker: it needs one) -> its rarest stem
    for i, m in enumerate(mentions):
        n = len(m.stems)
        if n < MIN_STEMS:
            if m.speaker:
                rarest[i] = min(m.stems, key=lambda st: (frequency[st], st))
            continue
        need = max(MIN_SHARED, math.ceil(MIN_OVERLAP * n))
        ordered = sorted(m.stems, key=lambda st: (frequency[st], st))
        for st in ordered[: n - need + MIN_SHARED]:
            prefix_of.setdefault(st, []).append(i)
    out: set[tuple[int, int]] = set()
    for i, m in enumerate(mentions):
        size = len(m.stems)
        if size < MIN_STEMS:
            continue
        hits = Counter(chain.from_iterable(prefix_of.get(st, ()) for st in m.stems))
        for j, count in hits.items():
            # two stems of j's prefix in i: enough when j is the smaller (ties: probed both ways)
            if count >= MIN_SHARED and j != i and len(mentions[j].stems) <= size:
                out.add((i, j) if i < j else (j, i))
    wanted = frozenset(rarest.values())
    holding: dict[str, list[int]] = {}
    for i, m in enumerate(mentions):
        if m.speaker:
            for st in m.stems & wanted:
                holding.setdefault(st, []).append(i)
    for j, st in rarest.items():
        stems = mentions[j].stems
        for i in holding.get(st, ()):
            if i != j and stems <= mentions[i].stems:
                out.add((i, j) if i < j else (j, i))
    return sorted(out)


# --- output -------------------------------------------------------------------------------------


def _quote(
    group: Sequence[_Mention], articles: Sequence[Article], family_of: Mapping[str, int]
) -> Quote:
    full = _fullest(group)
    seen = {_key(full.text)}
    variants: list[str] = []
    for m in group:
        if (key := _key(m.text)) not in seen:
            seen.add(key)
            variants.append(m.text)
    ids = list(dict.fromkeys(articles[p].id for p in sorted({m.article for m in group})))
    independent = len({family_of.get(i, f"article:{i}") for i in ids})
    return Quote(
        speaker=_group_speaker(group),
        text=full.text,
        variants=tuple(variants),
        sources=tuple(ids),
        independent_sources=independent,
    )


def _key(text: str) -> str:
    return " ".join(words(text))


# --- holding a wording ----------------------------------------------------------------------

# A wording is a source of a quote's text only if it holds that text: the same words in the
# same order, allowing for punctuation, quote marks, case, spacing, British or American
# spelling, word endings, contractions ("I'm", "I am"), figures or words ("seven", "7"), a
# trimmed start or end, an ellipsis, a bracketed insertion and a slip or two of the
# transcriber (``QuoteSettings.held`` of the shorter wording's words in order), but never a
# denial dropped ("fight back" is not held by "we will not fight back"). Or if it renders the
# same sentence word for word (another translation: "tragically ruined with a terrific
# explosion" for "tragically destroyed in a shocking explosion"), where the words two wordings
# share stand at the same places and the others are replaced one for one
# (``QuoteSettings.rendered``). A paraphrase, which rewords and reorders ("A promise kept for
# 67 years is worth something" for "67 years of a promise kept should be recognized"), holds
# neither.
_STOP_STEMS = frozenset(stem(w.replace("’", "'")) for w in STOPWORDS)
_ELLIPSIS = re.compile(r"…|\.\s*\.\s*\.")
_INSERTION = re.compile(r"\[[^\]]*\]")  # "[It was] the worst", "giving [them] the love"


def _plain(word: str) -> str:
    """A lower-case word (:func:`_spelled_out`) as the figure of a number word ("seven" is
    "7"), or its American spelling (:func:`newsfuse.fusion.spelling.fold`) stemmed."""
    return _FIGURES.get(word) or stem(fold(word))


# "one" and "zero" too: a pronoun "one" is read alike in both wordings compared.
_FIGURES = {w: str(n) for w, n in {**NUMBER_WORDS, "zero": 0, "one": 1}.items() if " " not in w}


@functools.lru_cache(maxsize=1 << 12)
def _pieces(text: str) -> tuple[tuple[str, ...], ...]:
    """The words of ``text`` (:func:`_plain`) in its fragments between ellipses."""
    out = []
    for piece in _ELLIPSIS.split(_INSERTION.sub(" ", text)):
        if found := tuple(_plain(part) for w in words(piece) for part in _spelled_out(w)):
            out.append(found)
    return tuple(out)


@functools.lru_cache(maxsize=1 << 12)
def _tokens(text: str) -> tuple[str, ...]:
    return tuple(w for piece in _pieces(text) for w in piece)


# "I'm" is "I am", "didn't" is "did not": transcribers write either.
_CONTRACTED = {"'m": "am", "'re": "are", "'ve": "have", "'ll": "will", "'d": "would"}
_NOT_BASES = {"wo": "will", "ca": "can", "sha": "shall", "ai": "is"}


def _spelled_out(word: str) -> tuple[str, ...]:
    """``word`` lower-cased, its apostrophes straight, a contraction as its words."""
    w = word.lower().replace("’", "'")
    if w.endswith("n't") and len(w) > 3:
        base = w[:-3]
        return (_NOT_BASES.get(base, base), "not")
    if w == "cannot":
        return ("can", "not")
    for end, full in _CONTRACTED.items():
        if w.endswith(end) and len(w) > len(end):
            return (w[: -len(end)], full)
    return (w,)


def _in_order(a: Sequence[str], b: Sequence[str]) -> int:
    """The number of words ``a`` and ``b`` have in the same order (longest common subsequence)."""
    if len(a) > len(b):
        a, b = b, a
    prev = [0] * (len(a) + 1)
    for y in b:
        cur = [0]
        for i, x in enumerate(a):
            cur.append(prev[i] + 1 if x == y else max(prev[i + 1], cur[i]))
        prev = cur
    return prev[-1]


def _in_place(a: Sequence[str], b: Sequence[str]) -> tuple[int, int]:
    """(words, content words) of the shorter of ``a``, ``b`` that stand at the same places in
    the longer, at the best offset where both its first and its last word do: a rendering
    word for word, from end to end (a phrase in common is not one)."""
    if len(a) > len(b):
        a, b = b, a
    best = (0, 0)
    for d in range(len(b) - len(a) + 1):
        if b[d] != a[0] or b[d + len(a) - 1] != a[-1]:
            continue
        same = [x for k, x in enumerate(a) if b[d + k] == x]
        best = max(best, (len(same), sum(x not in _STOP_STEMS for x in same)))
    return best


def holds(wording: str, quote: str, settings: QuoteSettings = DEFAULT.quotes) -> bool:
    """Whether ``wording`` (the quoted words of one article) is a source of ``quote``: it holds
    ``quote`` or a part of it, or ``quote`` holds it, or it renders it word for word (see
    :class:`~newsfuse.settings.QuoteSettings`). A paraphrase does not."""
    a, b = _tokens(wording), _tokens(quote)
    if not a or not b:
        return False
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    if _denies_other(small, large):
        return False  # "we will fight back" is not held by "we will not fight back"
    if f" {' '.join(small)} " in f" {' '.join(large)} ":
        return True  # (the common case, a copy or a trimmed copy: no alignment needed)
    # (words in common, with repeats, bound both alignments: most pairs stop here)
    if (Counter(small) & Counter(large)).total() < settings.rendered_words:
        return False
    # The shorter wording's fragments, but a short one beside a longer (a title, a term: "A
    # Current Affair … a tragic turn of events") need not be in the other.
    fragments = _pieces(wording if small is a else quote)
    pieces = [p for p in fragments if _content(p) >= MIN_STEMS] or list(fragments)
    size = sum(len(p) for p in pieces)
    if sum(_in_order(p, large) for p in pieces) >= settings.held * size:
        return True
    same, content = _in_place(small, large)
    return (
        same >= settings.rendered * len(small)
        and same >= settings.rendered_words
        and content >= settings.rendered_content
    )


def _content(tokens: Sequence[str]) -> int:
    return sum(t not in _STOP_STEMS for t in tokens)


def _held(group: Sequence[_Mention], settings: QuoteSettings) -> list[list[_Mention]]:
    """``group`` split into quotes whose every wording holds the fullest one (:func:`holds`):
    a paraphrase matched on its words becomes a quote of its own, with its own sources."""
    out: list[list[_Mention]] = []
    rest = list(group)
    while rest:
        full = _fullest(rest)
        kept = [m for m in rest if m is full or holds(m.text, full.text, settings)]
        out.append(kept)
        placed = {id(k) for k in kept}
        rest = [m for m in rest if id(m) not in placed]
    return out


_NEGATORS = frozenset({"not", "no", "never", "nobodi", "noth", "none", "neither", "nor"})


def _negated(tokens: Sequence[str]) -> set[str]:
    """The words of ``tokens`` right after a denial ("not", "never", "won't", ...)."""
    return {tokens[k + 1] for k, t in enumerate(tokens[:-1]) if t in _NEGATORS}


def _denies_other(a: Sequence[str], b: Sequence[str]) -> bool:
    """Whether one wording denies a word the other has without the denial: "not guilty"
    against "guilty". A denial in a part the other wording leaves out does not count."""
    na, nb = _negated(a), _negated(b)
    return any(w in b for w in na - nb) or any(w in a for w in nb - na)


def _fullest(group: Sequence[_Mention]) -> _Mention:
    return max(group, key=lambda m: (len(m.stems), len(m.text), -m.article, -m.sentence))


def _group_speaker(group: Sequence[_Mention]) -> str | None:
    """The most used wording of the speaker (named ones first), the shortest on a tie."""
    spoken = [m.speaker for m in group if m.speaker]
    if not spoken:
        return None
    sure = [m.speaker for m in group if m.speaker and not m.ambiguous]
    pool = [s for s in sure if named(s)] or [s for s in spoken if named(s)] or spoken
    plain = [_APOSTROPHE.sub("'", s) for s in pool]  # "Kim’s" and "Kim's" count as one
    counts = Counter(plain)
    best = min(counts, key=lambda s: (-counts[s], len(s), s))
    return pool[plain.index(best)]


# --- public names for other modules (fusion.rivals reads a cluster's quotes again) -----------

Mention = _Mention
Cast = _Cast
article_mentions = _mentions
same_quote = _match
