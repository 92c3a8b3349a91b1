"""What the grouper keeps of one article: content terms with counts, and which are names.

Features depend on the article alone (never on what else is in the store), so they can be
computed once, stored beside the article and fed back to :meth:`EventGrouper.restore`.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from typing import Any

import wordfreq

from newsfuse.fusion.text import PERSON_TITLES, STOPWORDS, stem, stems, words
from newsfuse.models import Article
from newsfuse.settings import DEFAULT, FeatureSettings

#: Bumped when the feature layout changes, so a store can tell stale features apart. Version 2
#: added ``lead_names``; version 3 dropped it (the story's names are now read from ``names``,
#: see ``GroupingSettings.story_floor``). Only the article being placed ever used it: stored
#: features of any version restore to the same events and are matched as usual. Version 4 added
#: ``blocks`` (street addresses, see ``GroupingSettings.address_clash``); features without it
#: state no address and never clash. Version 5 added ``persons`` (people given an age, see
#: ``GroupingSettings.person_floor``); features without it name no one.
FEATURES_VERSION = 5

Features = dict[str, Any]

# Lower-case words that may sit inside a name ("Bank of America", "Charles de Gaulle").
_NAME_JOINERS = frozenset({"of", "de", "la", "del", "van", "von", "bin", "al", "le", "da"})
# Capitalised words that open sentences or headlines without naming anything.
_NOT_NAMES = STOPWORDS | {"mr.", "mrs.", "ms.", "dr.", "st.", "but", "and", "or", "if", "so"}


_CAP = r"(?:[A-Z][\w'’.-]*\w|[A-Z])"
# A run of capitalised words, possibly joined by "of", "de", ... ("Bank of America").
_RUN = re.compile(
    rf"(?<![\w'’-]){_CAP}(?:[ \t]+(?:(?:of|de|la|del|van|von|bin|al|le|da)[ \t]+)?{_CAP})*"
)


def _is_headline(line: str, max_chars: int = DEFAULT.features.max_headline_chars) -> bool:
    """A line in capitals or Title Case: its capitals say nothing about which words are names.
    A line over ``max_chars`` characters is text, never a headline."""
    if len(line) > max_chars:
        return False
    # map() over str methods: counted in C, a third of the cost of a generator per character.
    letters = sum(map(str.isalpha, line))
    if letters and sum(map(str.isupper, line)) > 0.7 * letters:
        return True
    long_words = [w for w in line.split() if len(w) > 3 and w[0].isalpha()]
    return len(long_words) >= 3 and sum(w[0].isupper() for w in long_words) > 0.6 * len(long_words)


def _names(
    text: str, max_headline_chars: int = DEFAULT.features.max_headline_chars
) -> tuple[Counter[str], set[str]]:
    """Multi-word names ("tara reid") with counts, and the stems of every word met capitalised
    (a capitalised function word opening a sentence is not taken for a name)."""
    phrases: Counter[str] = Counter()
    proper: set[str] = set()
    for line in text.splitlines():
        if _is_headline(line, max_headline_chars):
            continue
        for m in _RUN.finditer(line):
            run = [w.lower().strip(".") for w in m.group().split()]
            # A capitalised function word ("The", "But") opens a sentence, it names nothing.
            while run and run[0] in _NOT_NAMES:
                run.pop(0)
            while run and run[-1] in _NAME_JOINERS:
                run.pop()
            if len(run) >= 2:
                phrases[" ".join(run)] += 1
            proper.update(stem(w) for w in run if w not in _NOT_NAMES and w not in _NAME_JOINERS)
    return phrases, proper


# A street address as local crime news gives it: "the 1200 block of West Elm Street".
_BLOCK = re.compile(
    r"\b(\d{1,5})[- ]?block of (?:the )?((?:[NSEW]\.?|[NS][EW]\.?|North|South|East|West)?\s*"
    r"[A-Z][\w.]*)"
)
_DIRECTIONS = {"n": "north", "s": "south", "e": "east", "w": "west"}
_DIRECTIONS |= {"ne": "northeast", "nw": "northwest", "se": "southeast", "sw": "southwest"}


def blocks(text: str) -> list[str]:
    """The street addresses the text gives as "the 1200 block of West Elm", each as
    ``"1200 west"``: the block number and the street's first word (a direction spelled out)."""
    if "block of" not in text:
        return []
    found = set()
    for m in _BLOCK.finditer(text):
        street = m.group(2).split()[0].lower().strip(".")
        found.add(f"{int(m.group(1))} {_DIRECTIONS.get(street, street)}")
    return sorted(found)


# A person the report gives an age for, as local crime news names victims and suspects:
# "Tyrone Tomman, 40, of Penn Hills", "40-year-old Tyrone Tomman", "Omar P. Jarman, 35;". A
# spokesman, a sheriff or a street is named without an age.
_WORD = r"[A-Z][a-z'’-]+(?:[A-Z][a-z'’-]+)?"  # "McIntyre", "O'Brien" whole
_PERSON = rf"({_WORD}(?: (?:[A-Z]\.|{_WORD}|\"[A-Za-z]+\")){{1,3}})"
_AGED_AFTER = re.compile(_PERSON + r"\.?,? (\d{1,2})[,;)]")
# Not "a 15-year-old Far Rockaway girl" nor "a 34-year-old man from East Orange": places.
_AGED_BEFORE = re.compile(
    r"\b(\d{1,2})-year-old(?: (?!(?:from|in|of|at|near|on|outside)\b)[a-z]+){0,2} "
    + _PERSON
    + r"(?![\w'’-]| [a-z]+ (?:of|from)\b)"
    r"(?! (?:man|woman|boy|girl|teen|teenager|resident|native|student|child|baby)\b)"
)
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# Capitalised words that are dates or places, not names ("Saturday, July 12, ...", "Catawba
# County, 16, ...").
_NOT_PERSON = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may"
    " june july august september october november december county city park street avenue road"
    " school township borough village heights beach lake boy girl man woman mon tue wed thu fri"
    " sat sun jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
# Titles and roles before a name ("Deputy Ortiz, 35,", "Dr. Vinar"): not the person's first name.
_TITLES = PERSON_TITLES | frozenset("police juror senior junior first no pfc spc pvt".split())


def person_key(tokens: list[str]) -> str | None:
    """The lower-cased words of a name -> ``"first last"``: ``["robert", "lee", "adams",
    "jr."]`` -> ``"robert adams"``, so that a middle name, an initial or a suffix given by one
    report only does not matter; None for a title and one name ("deputy ortiz") or a date."""
    words = [w.strip(".").replace("’", "'") for w in tokens]
    words = [w for w in words if len(w) > 1 and w not in _SUFFIXES]
    while words and (words[0] in _NOT_NAMES or words[0] in _TITLES):
        words.pop(0)
    if len(words) < 2 or not _NOT_PERSON.isdisjoint(words):
        return None
    return f"{words[0]} {words[-1]}"


def _person_key(name: str) -> str | None:
    """A name as written ("Tyrone \"Easy\" Tomman") -> ``"tyrone tomman"`` (a nickname in
    quotes left out)."""
    return person_key([w.lower() for w in name.split() if w[0] != '"'])


def persons(text: str) -> list[str]:
    """The people the text gives an age for (victims, suspects), each as ``"first last"``
    (:func:`_person_key`)."""
    if not any(map(str.isdigit, text)):
        return []
    found: set[str | None] = set()
    for line in text.splitlines():
        for m in _AGED_AFTER.finditer(line):
            found.add(_person_key(m.group(1)))
        if "year-old" in line:
            for m in _AGED_BEFORE.finditer(line):
                found.add(_person_key(m.group(2)))
    return sorted(k for k in found if k is not None)


def _site(source: str | None) -> str:
    """The letters of a source's host name but its top-level domain ("chicago.cbslocal.com" ->
    "chicagocbslocal"); "" for a source that is not a host name ("Reuters")."""
    if not source or "." not in source:
        return ""
    labels = source.lower().removeprefix("www.").split(".")[:-1]
    return "".join(labels)


def _of_site(word: str, site: str, min_chars: int = DEFAULT.features.site_min_chars) -> bool:
    """A word of the outlet's host name: its name or its town, in its reports whatever they
    report ("ksla" of ksla.com, "vegas" of fox5vegas.com); a word under ``min_chars``
    characters is in host names by chance ("new" in "news")."""
    return len(word) >= min_chars and bool(site) and word in site


@functools.lru_cache(maxsize=1)
def _background() -> dict[str, float]:
    """Word frequencies of general English (wordfreq's shipped list; no download)."""
    frequencies: dict[str, float] = wordfreq.get_frequency_dict("en", wordlist="best")
    return frequencies


@functools.cache  # wordfreq's frequencies are binned: a few hundred distinct values in all
def _zipf(frequency: float) -> float:
    return round(math.log10(frequency) + 9, 2) if frequency > 0 else 0.0


def features(article: Article, settings: FeatureSettings = DEFAULT.features) -> Features:
    """The grouping features of one cleaned article (``article.clean_text`` set).

    ``terms`` maps content stems (numbers included) and ``@``-prefixed multi-word names to their
    counts, at most ``settings.max_terms`` of them, the outlet's own name left out (see
    :func:`_site`); ``names`` lists those that are names (stems met capitalised, and the
    multi-word names), ``numbers`` those with digits;
    ``zipf`` gives each term's frequency in general English (Zipf scale, 0 when unknown), a
    prior for how common it is before the stream has shown it; ``blocks`` the street addresses
    it gives (:func:`blocks`); ``persons`` the people it gives an age for (:func:`persons`).
    JSON-serialisable.
    """
    background = _background()
    body = article.body
    title = article.title or ""
    text = body if not title or title in body[: len(title) + 200] else f"{title}\n{body}"
    # The outlet's own name ("ksla" of ksla.com, "fox5" of fox5vegas.com) is in its reports
    # whatever they report: its words, and names holding them, are left out.
    site = _site(article.source)
    site_min = settings.site_min_chars
    tokens = Counter(
        w for w in words(text) if w not in STOPWORDS and not _of_site(w, site, site_min)
    )
    distinct = list(tokens)
    terms: Counter[str] = Counter()
    frequency: dict[str, float] = {}
    # Each distinct word stemmed once, in one call; a term is as common as its commonest word.
    for word, term in zip(distinct, stems(distinct), strict=True):
        terms[term] += tokens[word]
        frequency[term] = max(frequency.get(term, 0.0), background.get(word, 0.0))
    phrases, proper = _names(text, settings.max_headline_chars)
    for phrase, count in phrases.items():
        if site and any(_of_site(w, site, site_min) for w in phrase.split()):
            continue
        terms["@" + phrase] += count
        # A name of several words is at most as common as its rarest word.
        frequency["@" + phrase] = min(background.get(w, 0.0) for w in phrase.split()) / 10
    zipf = {t: _zipf(frequency.get(t, 0.0)) for t in terms}
    if len(terms) > settings.max_terms:
        # Keep the terms that weigh most before any stream is seen: frequent in the article,
        # rare in English. The rest could only add small weights to the cosine.
        ranked = sorted(terms, key=lambda t: (-(1 + math.log(terms[t])) * (8 - zipf[t]), t))
        terms = Counter({t: terms[t] for t in ranked[: settings.max_terms]})
    kept = sorted(terms)
    return {
        "v": FEATURES_VERSION,
        "terms": {t: terms[t] for t in kept},
        "names": [t for t in kept if t[0] == "@" or t in proper],
        "numbers": [t for t in kept if t[0] != "@" and any(map(str.isdigit, t))],
        "zipf": {t: zipf[t] for t in kept},
        "blocks": blocks(text),
        "persons": persons(text),
    }
