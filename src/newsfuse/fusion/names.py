"""Names: what the reports name alike as facts, and rival spellings of one name as conflicts.

Names as facts, without a figure or a role: "Their findings have been published in the Journal of Forensic Sciences", "poisoned at the
airport in Kuala Lumpur", "her apartment in the Dakota building": many facts of an event are a
place, an institution, a hospital, a website or a person the reports name, and no figure. A
name two independent sources write is such a fact; its sources are every article writing one
of its spellings (a name is a surface form no paraphrase of another topic shares, so the source
set stays exact), and it is shown with the sentence whose words the other articles' mentions
share most: what the reports say about it alike.

The story's main actors (named in a large share of the sentences) are what every fact is
about, not facts themselves; names with a role are :mod:`newsfuse.fusion.roles`' facts.

Conflicts of names: one person's full name spelled with one other word by independent
reports ("born Betty Jane Perske" / "born Betty Joan Perske").

A full name here is a run of three or more capitalised words. Two full names are rival
spellings of one name when they have the same first and last word and differ in exactly one
word between, and that word is a whole word in both (not an initial, not one the beginning of
the other: "Jon" / "Jonathan" is a nickname, not a disagreement). Each spelling must come from
families that never write the other one: a family writing both names two people ("John Paul
Smith and his brother John Mark Smith"). No word of the name may be one the cluster also
writes in lower case ("New York State" / "New Mexico State" are two things, not one name).
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence

from newsfuse.fusion import phrases
from newsfuse.fusion.attribution import attribution
from newsfuse.fusion.text import NUMBER_WORDS, PERSON_TITLES, STOPWORDS, content_stems
from newsfuse.models import Conflict, ConflictValue, Entity, Fact, Sentence
from newsfuse.settings import DEFAULT, FactSettings

_CAPITALISED = re.compile(r"\b[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?\b")
# words the cluster writes in lower case: common nouns, never names of their own
_WORD = re.compile(r"\b[a-z][a-z'’-]*\b")


def name_facts(
    entities: Sequence[Entity],
    sentences: Mapping[str, Sequence[Sentence]],
    family_of: Mapping[str, int],
    weights: Mapping[str, float],
    taken: Sequence[str] = (),
    settings: FactSettings = DEFAULT.facts,
    lower: frozenset[str] | None = None,
) -> list[Fact]:
    """One fact per name written by two or more families, other than the story's main actors
    and the names in ``taken`` (those of the role facts), most independent sources first.
    ``lower``: :func:`lower_words` of ``sentences``, if the caller has it already."""
    every = [s for ss in sentences.values() for s in ss]
    as_written = _Lines([s.text for s in every])
    lowered = _Lines([s.text.lower() for s in every])
    total = len(every) or 1
    # words the reports also write in lower case: "Court", "Office", "Street" are common
    # nouns (the rest of a longer name), not names of their own
    lower = lower_words(sentences) if lower is None else lower
    found: list[_Found]
    found = []
    places: set[str] = set()  # values that may name a place (their words may say what it is)
    types: dict[str, str] = {}  # each entity value's type
    taken_keys = {t.lower() for t in taken}
    runs = {m.group() for s in every for m in _RUN.finditer(s.text)}
    for e in entities:
        if e.independent_sources < 2 or e.name.lower() in taken_keys:
            continue
        if len(e.name) < settings.name_min_chars:
            continue  # "U.S.", "AP": too short to be a fact of its own
        spellings = sorted({e.name, *e.variants}, key=len, reverse=True)
        # a name of several words is that name in any case ("King Edward VII hospital");
        # one word only as written ("Liberty", not "liberty")
        several = " " in e.name
        value = e.name
        if not several and (long := _contracted(e.name, runs)) is not None:
            spellings.append(long)  # "Caltech" is also "California Institute of Technology"
            value = f"{e.name} ({long})"
        if " " not in e.name and e.name.lower() in lower:
            continue
        name = re.compile(
            r"(?<![\w-])(?:" + "|".join(re.escape(s) for s in spellings) + r")(?![\w-])",
            re.IGNORECASE if several else 0,
        )
        firsts = {sp.split()[0].lower() if several else sp for sp in spellings}
        # (the cheap test first: the sentences holding a first word of the name)
        holding = set().union(*((lowered if several else as_written).holding(w) for w in firsts))
        hits = [
            (every[k], m) for k in sorted(holding) if (m := name.search(every[k].text)) is not None
        ]
        if len(hits) > settings.name_max_share * total:
            continue  # a main actor of the story
        inside = sum(_in_longer(s.text, m.start(), m.end()) for s, m in hits)
        if 2 * inside > len(hits):
            continue  # mostly part of a longer name ("Kansas City" of "the Kansas City Star")
        cited = {s.article_id for s, _ in hits}
        sources = [a for a in sentences if a in cited]
        families = {family_of.get(a, 0) for a in sources}
        if len(families) < 2:
            continue
        found.append(((-len(families), -len(sources)), value, hits, sources, len(families)))
        types[value] = e.type
        if e.type not in ("person", "organisation"):
            places.add(value)  # (the name finder types many a small town "other")
    found = _shorter_joined(found, types, sentences, family_of)
    named = {value.lower() for _, value, _, _, _ in found} | taken_keys
    addresses = {**_web_addresses(every), **_numbered(every)}
    # (and the names the name finder missed: "at FCI Terminal Island" / "at Terminal Island")
    known = [sp.lower() for e in entities for sp in (e.name, *e.variants)]
    addresses.update(_missed_names(every, known, lower))
    for value, hits in addresses.items():
        if value.lower() in named or len(hits) > settings.name_max_share * total:
            continue
        cited = {s.article_id for s, _ in hits}
        sources = [a for a in sentences if a in cited]
        families = {family_of.get(a, 0) for a in sources}
        if len(families) >= 2:
            found.append(((-len(families), -len(sources)), value, hits, sources, len(families)))
    found.sort(key=lambda item: item[0])
    out = []
    whole = "\n".join(s.text for s in every)
    shown = [
        (value, _representative(hits, weights), sources, independent)
        for _, value, hits, sources, independent in found[: settings.max_name_facts]
    ]
    # (the clauses parsed in one batch: about half the cost of one parse each)
    phrases.prime((rep.text, m.start(), m.end()) for _, (rep, m), _, _ in shown)
    for value, (rep, match), sources, independent in shown:
        out.append(
            Fact(
                about=(
                    value in places
                    and _place_role(rep.text, match.start(), match.end(), _region(value, whole))
                )
                or _readable(phrases.named(rep.text, match.start(), match.end()))
                or phrases.nearby(rep.text, match.start(), match.end()),
                kind="name",
                value=value,
                text=rep.text,
                sources=tuple(sources),
                independent_sources=independent,
                status="corroborated",
            )
        )
    return out


_Found = tuple[tuple[int, int], str, list[tuple[Sentence, re.Match[str]]], list[str], int]
# Last words of a name that say what kind of thing the rest names ("WinCo Foods", "Salt Lake
# City", "Lovelock Correctional Center"): the rest alone names the same thing.
_DESIGNATORS = frozenset(
    """foods stores inc corp corporation company co ltd llc plc group city county center
    centre hotel airport university college hospital""".split()
)


def _shorter_joined(
    found: list[_Found],
    types: Mapping[str, str],
    sentences: Mapping[str, Sequence[Sentence]],
    family_of: Mapping[str, int],
) -> list[_Found]:
    """A name that is the first words of exactly one longer name of the same thing ("WinCo"
    of "WinCo Foods": "a WinCo supermarket" / "a WinCo Foods store") is that name, one fact of
    the reports writing either; the longer is the value. Of the same thing: the longer ends
    in a word saying what kind of thing the name is (_DESIGNATORS: "Foods", "City",
    "Correctional Center"), not in what belongs to it ("Tesla Model X", "Pacific Crest Trail
    Association", "French Open", "Kansas City Star"), and both are of one type, or one of
    them of no type the name finder knows ("other")."""

    def alike(a: str, b: str) -> bool:
        if words[b][-1].strip(".") not in _DESIGNATORS:
            return False
        return types[a] == types[b] or "other" in (types[a], types[b])

    words = {value: value.lower().split() for _, value, _, _, _ in found}
    into: dict[str, str] = {}
    for _, short, _, _, _ in found:
        n = len(words[short])
        longer = [
            value
            for _, value, _, _, _ in found
            if len(words[value]) > n and words[value][:n] == words[short] and alike(short, value)
        ]
        if len(longer) == 1 and longer[0] not in into:
            into[short] = longer[0]
    if not into:
        return found
    gained: dict[str, set[str]] = {}
    for _, value, _, sources, _ in found:
        if value in into:
            gained.setdefault(into[value], set()).update(sources)
    out = []
    for key, value, hits, sources, independent in found:
        if value in into:
            continue
        if value in gained:
            # (shown with a sentence of the longer name: the hits stay its own)
            cited = gained[value].union(sources)
            sources = [a for a in sentences if a in cited]
            independent = len({family_of.get(a, 0) for a in sources})
            key = (-independent, -len(sources))
        out.append((key, value, hits, sources, independent))
    return out


# What a place is to the story, from the words beside it: where someone went ("about to
# flee to Cuba", "a flight bound for Beijing": a destination) or where people are from ("A
# Liberty couple", "the Kansas City man": their home town). The verbs of going, each with
# the noun of the journey it makes.
_GOING = {
    verb: noun
    for noun, verbs in (
        ("flight", "flee fled flees fleeing fly flew flies flying flown"),
        ("journey", "bound head heads headed heading travel travels travelled traveled"),
        ("voyage", "sail sails sailed sailing"),
    )
    for verb in verbs.split()
}
_TO = re.compile(r"\b(?P<verb>[a-z]+)\s+(?:back\s+)?(?:to|for)\s+(?:the\s+)?$", re.I)
# Nouns of people a place name before them says the home of ("a Liberty couple").
_PEOPLE = frozenset(
    """couple family man woman men women boy girl teen teenager resident residents native
    student mother father husband wife son daughter""".split()
)
# (not a possessive: "the Buffalo women's clinic" is a clinic's place)
_PEOPLE_AFTER = re.compile(r"\s+(?P<noun>[a-z]+)\b(?!['’])")


def _place_role(text: str, start: int, end: int, region: bool = False) -> str:
    """What the place at ``text[start:end]`` is, when its neighbours say it: "destination
    of the flight" after a verb of going and "to" / "for" ("Fled to Cuba"), "home town of the
    couple" before a noun of people that is no part of a longer noun ("The Paris student
    protests" are no student's), "home region of the man" for a ``region`` (a state or a
    country: "A Texas man"); else ""."""
    going = _TO.search(text, max(0, start - 40), start)
    if going and going.group("verb").lower() in _GOING:
        return f"destination of the {_GOING[going.group('verb').lower()]}"
    people = _PEOPLE_AFTER.match(text, end)
    if people and people.group("noun") in _PEOPLE and not _compound(text, people.start("noun")):
        return f"home {'region' if region else 'town'} of the {people.group('noun')}"
    return ""


def _compound(text: str, at: int) -> bool:
    """Whether the word at ``text[at:]`` is part of a longer noun ("student protests")."""
    word = next((t for t in phrases.parse(text) if t.idx == at), None)
    return word is not None and word.dep_ == "compound" and word.head.i > word.i


def _region(place: str, text: str) -> bool:
    """Whether ``text`` writes ``place`` as a state or a country, not a town: the region of
    another place ("Houston, Texas", "Paris, France"), or called so ("the state of New
    Jersey", "New Jersey Gov. Chris Christie")."""
    # Each way is searched at each place the name is written (a search of the whole text
    # from every capital letter was most of this function's time).
    name = re.escape(place)
    before = re.compile(rf"\b[A-Z][a-z]+,\s+{name}\b|\b(?:state|country|governor) of {name}\b")
    after = re.compile(rf"\b{name}(?:'s)? (?:state|Gov\.|Governor|governor)\b")
    at = text.find(place)
    while at >= 0:
        if after.match(text, at):
            return True
        # "Houston, Texas": the capitalised word before the comma (the spaces between may
        # be many, so found backwards); "state of Texas" starts 9 to 12 characters before
        comma = at
        while comma > 0 and text[comma - 1].isspace():
            comma -= 1
        if comma < at and comma > 0 and text[comma - 1] == ",":
            k = comma - 1
            while k > 0 and "a" <= text[k - 1] <= "z":
                k -= 1
            if k < comma - 1 and k > 0 and before.match(text, k - 1):
                return True
        if any(before.match(text, at - n) for n in (9, 11, 12) if at >= n):
            return True
        at = text.find(place, at + 1)
    return False


# A run of capitalised words, with the particles of a name between ("California Institute
# of Technology"), for the long forms of contracted names.
_RUN = re.compile(r"\b[A-Z][a-z]+(?:\s+(?:(?:of|for|and|the)\s+)*[A-Z][a-z]+)+")


def _contracted(name: str, runs: set[str]) -> str | None:
    """The one longer name the cluster writes that ``name`` contracts: the start of its first
    word and the start of its last ("Caltech": "California Institute of Technology", "Mideast":
    "Middle East"), each part 3 and 4 letters at least and the name no start of the first word
    ("Eleanor" of "Eleanor Holmes Norton" is her first name). None when none or several do."""
    short = name.lower()
    if not short.isalpha() or len(short) < 7:
        return None
    found = set()
    for run in runs:
        words = [w.lower() for w in run.split() if w[0].isupper()]
        first, last = words[0], words[-1]
        if first.startswith(short[:3]) and not first.startswith(short):
            for i in range(3, len(short) - 3):
                if first.startswith(short[:i]) and last.startswith(short[i:]):
                    found.add(run)
                    break
    return found.pop() if len(found) == 1 else None


# A web address ("backpage.com", "Backpage.com", "www.gofundme.com"): a name the reports
# write in lower case as often as not, so no capitalised run finds it. Not an e-mail address.
_WEB = re.compile(
    r"(?<![\w@./-])(?:www\.)?(?P<name>[a-z0-9][a-z0-9-]{2,}\.(?:com|org|net|gov|edu|co\.uk|org\.uk"
    r"|io|tv|info))(?![\w@-]|\.\w)",
    re.IGNORECASE,
)

# The ending every match of _WEB holds, searched for first.
_DOMAIN_END = re.compile(r"\.(?:com|org|net|gov|edu|co\.uk|org\.uk|io|tv|info)", re.IGNORECASE)


def _web_addresses(every: Sequence[Sentence]) -> dict[str, list[tuple[Sentence, re.Match[str]]]]:
    """The web addresses the sentences write, in any case, each under its most written form,
    with every sentence writing it."""
    hits: dict[str, list[tuple[Sentence, re.Match[str]]]] = {}
    for s in every:
        if not _DOMAIN_END.search(s.text):
            continue  # (every address holds one: a search from a literal dot is cheap)
        for m in _WEB.finditer(s.text):
            hits.setdefault(m.group("name").lower(), []).append((s, m))
    out = {}
    for found in hits.values():
        # (one mention a sentence: the representative is chosen among sentences)
        by_sentence = list({id(s): (s, m) for s, m in found}.values())
        written = Counter(m.group("name") for _, m in found).most_common(1)[0][0]
        out[written] = by_sentence
    return out


# A thing named by a word and a number ("Room 423", "Flight 8501", "Highway 20"): the values
# module reads no count there (a capitalised word before a number names something), and no
# capitalised run holds the number. The word capitalised inside a sentence in one report at
# least; another may write it in lower case ("room 423"). Not a month or weekday with its
# day, not a year ("Week 1998"), nor a time or a share after it.
_NUMBERED = re.compile(
    r"(?<=[\w,;] )(?P<word>[A-Za-z][a-z]{2,})\s+(?:No\.\s*)?"
    # a number or a model's code ("Airbus A320-200", "Airbus 320": one name, by its number)
    r"(?P<n>(?P<code>[A-Z]{0,2})(?P<core>\d{1,5})[A-Z]?(?:-\d{1,4})?)\b"
    r"(?![.,:]\d|-|\s*(?:%|percent|per cent|[ap]\.?m\b))"  # ("Serbs 9-to-1": a ratio)
)
_DIGIT = re.compile(r"\d")  # (the class of _NUMBERED's \d)
_NOT_NUMBERED = frozenset(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
    saturday sunday""".split()
)


# ... or by a capitalised word and a capitalised number word ("Planet Nine", one thing with
# "Planet 9"): both capitalised, so "found nine" or "Planet nine" is no name.
_WORDED = {w.capitalize(): n for w, n in NUMBER_WORDS.items() if 2 <= n <= 20 and " " not in w}
_NUMBER_NAMED = re.compile(
    r"(?P<word>[A-Z][a-z]{2,})\s+(?P<n>" + "|".join(sorted(_WORDED, key=len, reverse=True)) + r")\b"
    r"(?![\w-])"
)


def _numbered(every: Sequence[Sentence]) -> dict[str, list[tuple[Sentence, re.Match[str]]]]:
    """The things named by a word and a number (:data:`_NUMBERED`), in any case, each under
    its capitalised form, with every sentence writing it."""
    hits: dict[tuple[str, str], list[tuple[Sentence, re.Match[str]]]] = {}
    for s in every:
        for m in _NUMBER_NAMED.finditer(s.text):
            if m.group("word").lower() not in STOPWORDS | _NOT_NUMBERED:
                core = str(_WORDED[m.group("n")])
                hits.setdefault((m.group("word").lower(), core), []).append((s, m))
        if not _DIGIT.search(s.text):
            continue  # (every match holds a digit: most sentences need no long search)
        for m in _NUMBERED.finditer(s.text):
            word, n = m.group("word"), m.group("n")
            if word.lower() in _NOT_NUMBERED or re.fullmatch(r"(?:19|20)\d\d", n):
                continue
            hits.setdefault((word.lower(), m.group("core")), []).append((s, m))
    out = {}
    for found in hits.values():
        named = Counter(
            f"{m.group('word')} {m.group('n')}" for _, m in found if m.group("word")[0].isupper()
        )
        if not named:
            continue  # "won 64", "than 20": a word before a figure, no name
        by_sentence = list({id(s): (s, m) for s, m in found}.values())
        # shown as most written, then in its fullest form ("Airbus A320-200")
        out[max(named, key=lambda k: (named[k], len(k)))] = by_sentence
    return out


# Two to four capitalised words inside a sentence, after a word in lower case or a comma,
# an acronym before them aside ("housed at FCI Terminal Island"), no capitalised word after.
_MIDDLE_RUN = re.compile(
    r"(?<=[a-z,;] )(?:[A-Z]{2,5} )?(?P<name>[A-Z][a-z]+(?: [A-Z][a-z]+){1,3})\b(?! [A-Z])"
)


def _missed_names(
    every: Sequence[Sentence], known: Sequence[str], lower: frozenset[str]
) -> dict[str, list[tuple[Sentence, re.Match[str]]]]:
    """Names of two to four capitalised words (:data:`_MIDDLE_RUN`) that the name finder did
    not find: no entity's spelling (``known``, lower case) holds one or is held by one. None of
    their words one the cluster writes in lower case (``lower``: "Police Department") or a
    function word, month, weekday or title; each with every sentence writing it."""
    hits: dict[str, list[tuple[Sentence, re.Match[str]]]] = {}
    joined = "\n".join(known)  # (a long story names thousands: one text to search)
    missed: dict[str, bool] = {}  # each distinct name is checked once
    for s in every:
        for m in _MIDDLE_RUN.finditer(s.text):
            name = m.group("name")
            before = s.text[: m.start()].split()
            if not before or before[-1][0].isupper():
                continue  # part of a longer run ("Church Creek Elementary School")
            ws = name.lower().split()
            if any(w in lower or w in STOPWORDS or w in _NOT_NUMBERED or w in _TITLES for w in ws):
                continue
            low = name.lower()
            if low not in missed:
                # not a known name's part, nor holding one ("North Korean" holds "North Korea")
                missed[low] = low not in joined and not any(k in low for k in known)
            if not missed[low]:
                continue
            hits.setdefault(name, []).append((s, m))
    return {k: list({id(s): (s, m) for s, m in v}.values()) for k, v in hits.items()}


class _Lines:
    """Texts joined one a line, to find the texts holding a word by scanning the whole once
    (a big story has tens of thousands of sentences, and names to look for in all)."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.texts = texts
        self.joined = "\n".join(texts)
        self.starts = list(itertools.accumulate((len(t) + 1 for t in texts), initial=0))

    def holding(self, word: str) -> set[int]:
        """The indices of the texts with ``word`` in them (as ``word in text``)."""
        if not word:
            return set(range(len(self.texts)))
        out = set()
        at = self.joined.find(word)
        while at >= 0:
            k = bisect.bisect_right(self.starts, at) - 1
            if at + len(word) <= self.starts[k] + len(self.texts[k]):  # not across a break
                out.add(k)
                at = self.joined.find(word, self.starts[k + 1])  # the next text on
            else:
                at = self.joined.find(word, at + 1)
        return out


_CAPITALISED_AFTER = re.compile(r"\s+(?:of\s+)?([A-Z][\w.'’-]*)")
_CAPITALISED_BEFORE = re.compile(r"([A-Z][\w.'’-]*)\s+$")
# a name that follows "Centre for", "University of" (past more names and links): inside the
# institution's name ("Israel", "Jewish Affairs" of "the Centre for Israel and Jewish Affairs").
# Only words that head an institution's name: "Critics of Obama" leaves Obama a name.
_INSTITUTION_HEADS = (
    "Academy|Agency|Alliance|Association|Authority|Bank|Board|Bureau|Center|Centre|Church"
    "|Coalition|College|Commission|Committee|Council|Court|Department|Federation|Foundation"
    "|Fund|Hospital|Institute|League|Ministry|Museum|Office|Organisation|Organization|Party"
    "|School|Service|Society|Union|University"
)
_INSTITUTION_BEFORE = re.compile(
    rf"\b((?:{_INSTITUTION_HEADS})s?)\s+(?:of|for)\s+(?:the\s+)?"
    r"(?:[A-Z][\w.'’-]*\s+(?:(?:and|&|of|for|the)\s+)?)*$"
)


def _readable(phrase: str) -> str:
    """``phrase`` if it says what a name is in two words or more, else ""."""
    return phrase if phrases.readable(phrase) else ""


def _in_longer(text: str, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]`` is part of a longer one: a capitalised word
    right after or before it that is no sentence opener ("The", "But")."""
    after = _CAPITALISED_AFTER.match(text, end)
    before = _CAPITALISED_BEFORE.search(text, 0, start)
    within = _INSTITUTION_BEFORE.search(text, max(0, start - 80), start)
    return any(
        m is not None and m.group(1).lower() not in STOPWORDS for m in (after, before, within)
    )


def _representative(
    hits: Sequence[tuple[Sentence, re.Match[str]]], weights: Mapping[str, float]
) -> tuple[Sentence, re.Match[str]]:
    """The mention whose sentence holds most (by weight) of the words the other articles'
    mentions use, then the earliest: what the reports say about the name alike."""
    stems = [frozenset(content_stems(s.text)) for s, _ in hits]
    by_article: dict[str, set[str]] = {}
    for (s, _), found in zip(hits, stems, strict=True):
        by_article.setdefault(s.article_id, set()).update(found)

    # A stem of a mention is in another article's mentions iff two or more articles use it
    # (its own article always does): counted once, not a union of the others per mention.
    spread = Counter(w for ws in by_article.values() for w in ws)

    def shared(k: int) -> tuple[float, int]:
        s = hits[k][0]
        return math.fsum(weights.get(w, 1.0) for w in stems[k] if spread[w] >= 2), -s.index

    return hits[max(range(len(hits)), key=shared)]


def name_conflicts(
    sentences: Mapping[str, Sequence[Sentence]],
    family_of: Mapping[str, int],
    settings: FactSettings = DEFAULT.facts,
    lower: frozenset[str] | None = None,
) -> list[Conflict]:
    """The rival spellings of full names between independent reports, one conflict a name
    (``lower`` as for :func:`name_facts`)."""
    lower = lower_words(sentences) if lower is None else lower
    # each full name: the families writing it, and its sentences by article
    writers: dict[tuple[str, ...], set[int]] = {}
    said: dict[tuple[str, ...], dict[str, Sentence]] = {}
    for article in sorted(sentences):
        for s in sentences[article]:
            for run in _runs(s.text.replace("’", "'")):
                for name in _names(run, settings.name_max_words):
                    writers.setdefault(name, set()).add(family_of.get(article, 0))
                    said.setdefault(name, {}).setdefault(article, s)
    rivals: dict[tuple[str, str, int], list[tuple[str, ...]]] = {}
    for name in sorted(said):
        if any(w.lower() in lower for w in name):
            continue
        for i in range(1, len(name) - 1):
            if len(name[i]) >= settings.name_min_letters:
                rivals.setdefault((name[0], name[-1], len(name)), []).append(name)
    out = []
    for key in sorted(rivals):
        spellings = sorted(set(rivals[key]))
        pairs = [
            (a, b)
            for n, a in enumerate(spellings)
            for b in spellings[n + 1 :]
            if _rival(a, b, settings) and writers[a].isdisjoint(writers[b])
        ]
        if not pairs:
            continue
        named = sorted({n for pair in pairs for n in pair})
        out.append(
            Conflict(
                about=f"full name ({key[0]} … {key[1]})",
                values=tuple(_value(n, said[n]) for n in named),
            )
        )
    return out


def lower_words(sentences: Mapping[str, Sequence[Sentence]]) -> frozenset[str]:
    """The words the sentences write in lower case (the name facts and the name conflicts of
    a brief both need them: :func:`newsfuse.fusion.facts.facts` reads them once for both)."""
    return frozenset(w for ss in sentences.values() for s in ss for w in _WORD.findall(s.text))


def _runs(text: str) -> list[list[str]]:
    """Runs of capitalised words next to each other (one space between)."""
    runs: list[list[str]] = []
    end = -2
    for m in _CAPITALISED.finditer(text):
        if runs and text[end : m.start()] == " ":
            runs[-1].append(m.group())
        else:
            runs.append([m.group()])
        end = m.end()
    return [r for r in runs if len(r) >= 3]


def _names(run: Sequence[str], most: int) -> list[tuple[str, ...]]:
    """Every stretch of three to ``most`` words of a run: "Born Betty Jane Perske" holds
    "Betty Jane Perske" (a sentence's first word is capitalised too)."""
    return [
        tuple(run[i : i + n])
        for n in range(3, min(most, len(run)) + 1)
        for i in range(len(run) - n + 1)
    ]


# Titles written before a name: the word after one is the given name, not a middle name.
_TITLES = PERSON_TITLES


def _rival(a: tuple[str, ...], b: tuple[str, ...], settings: FactSettings) -> bool:
    """One word between the first and the last differs, a whole word in both."""
    differ = [i for i in range(len(a)) if a[i] != b[i]]
    # (after a title the given name comes first: "Dr Duncan Wood" and "Dr John Wood" are two)
    first = 1 if a[0].lower().rstrip(".") in _TITLES else 0
    if len(differ) != 1 or differ[0] <= first or differ[0] == len(a) - 1:
        return False
    x, y = a[differ[0]].lower(), b[differ[0]].lower()
    if min(len(x), len(y)) < settings.name_min_letters:
        return False
    if x.startswith(y) or y.startswith(x):
        return False  # a short form ("Jon" / "Jonathan"), not another name
    return not transliterated(x, y)


_SOUNDS = (
    ("ee", "i"),
    ("ea", "i"),
    ("oo", "u"),
    ("ou", "u"),
    ("ck", "k"),
    ("q", "k"),
    ("ph", "f"),
    ("y", "i"),
)
_VOWELS = frozenset("aeiou")


def transliterated(x: str, y: str) -> bool:
    """Two spellings of one name written from another script ("Abdallah" / "Abdullah",
    "Saddiq" / "Sadeek"): equal once doubled letters and spellings of one sound are
    evened out, or differing in vowels only, letter for letter. "Jane" / "Joan" differ in
    more than the vowels' letters: two names."""
    x, y = _even(x), _even(y)
    if len(x) != len(y):
        return False
    return all(p == q or (p in _VOWELS and q in _VOWELS) for p, q in zip(x, y, strict=True))


def _even(word: str) -> str:
    out = re.sub(r"(.)\1+", r"\1", word)
    for written, sound in _SOUNDS:
        out = out.replace(written, sound)
    return out


def _value(name: tuple[str, ...], by_article: Mapping[str, Sentence]) -> ConflictValue:
    articles = sorted(by_article)
    text = by_article[articles[0]].text
    return ConflictValue(
        value=" ".join(name),
        text=text,
        sources=tuple(articles),
        attributed_to=next(
            (a for a in (attribution(by_article[x].text) for x in articles) if a), None
        ),
    )
