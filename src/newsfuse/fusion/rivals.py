"""Rival values without a figure (issue 7, held-out causes "rival places" and "rival names").

Where a person lives: "Vladimir Katriuk, ... who lived in Quebec" against "He ... lived with
his French-born wife in Ontario". Two first-level regions (a state, province or territory)
for one person's home, from two families, are rivals; a town written beside its region
("Ormstown, Que.") is that region, so the town and its region agree, and so do a region and a
town in it. A family giving two regions for one person is telling a move, and a sentence that
tells one ("before moving to", "grew up") is no home now: neither is a side.

What a person is called: the same words quoted from "Dallas Delynn" in one report and from
"Dallas Swonger" in another are one person given two surnames. Two full names with the same
first name whose surnames are neither one spelling of the other nor written together, each
the speaker of the same near-identical quote in reports of two families, are rivals; so are
two such names given the same age ("Dallas Delynn, 18," / "Dallas Swonger, 18,") by two
families.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from newsfuse.fusion import names as names_mod
from newsfuse.fusion import quotes as quotes_mod
from newsfuse.fusion import sides as sides_mod
from newsfuse.models import Article, Conflict, Quote, Sentence
from newsfuse.settings import DEFAULT, FactSettings

# --- the first-level regions news writes after a town ("Ormstown, Que.", "Medford, Mass.") -----

# name: (country, other ways of writing it: AP abbreviation, postal code, accented form)
_REGIONS: dict[str, tuple[str, tuple[str, ...]]] = {
    "Alabama": ("US", ("Ala.", "AL")),
    "Alaska": ("US", ("AK",)),
    "Arizona": ("US", ("Ariz.", "AZ")),
    "Arkansas": ("US", ("Ark.", "AR")),
    "California": ("US", ("Calif.", "CA")),
    "Colorado": ("US", ("Colo.", "CO")),
    "Connecticut": ("US", ("Conn.", "CT")),
    "Delaware": ("US", ("Del.", "DE")),
    "Florida": ("US", ("Fla.", "FL")),
    "Georgia": ("US", ("Ga.", "GA")),
    "Hawaii": ("US", ("HI",)),
    "Idaho": ("US", ("ID",)),
    "Illinois": ("US", ("Ill.", "IL")),
    "Indiana": ("US", ("Ind.", "IN")),
    "Iowa": ("US", ("IA",)),
    "Kansas": ("US", ("Kan.", "Kans.", "KS")),
    "Kentucky": ("US", ("Ky.", "KY")),
    "Louisiana": ("US", ("La.", "LA")),
    "Maine": ("US", ("ME",)),
    "Maryland": ("US", ("Md.", "MD")),
    "Massachusetts": ("US", ("Mass.", "MA")),
    "Michigan": ("US", ("Mich.", "MI")),
    "Minnesota": ("US", ("Minn.", "MN")),
    "Mississippi": ("US", ("Miss.", "MS")),
    "Missouri": ("US", ("Mo.", "MO")),
    "Montana": ("US", ("Mont.", "MT")),
    "Nebraska": ("US", ("Neb.", "NE")),
    "Nevada": ("US", ("Nev.", "NV")),
    "New Hampshire": ("US", ("N.H.", "NH")),
    "New Jersey": ("US", ("N.J.", "NJ")),
    "New Mexico": ("US", ("N.M.", "NM")),
    "New York": ("US", ("N.Y.", "NY")),
    "North Carolina": ("US", ("N.C.", "NC")),
    "North Dakota": ("US", ("N.D.", "ND")),
    "Ohio": ("US", ("OH",)),
    "Oklahoma": ("US", ("Okla.", "OK")),
    "Oregon": ("US", ("Ore.", "Oreg.", "OR")),
    "Pennsylvania": ("US", ("Pa.", "Penn.", "PA")),
    "Rhode Island": ("US", ("R.I.", "RI")),
    "South Carolina": ("US", ("S.C.", "SC")),
    "South Dakota": ("US", ("S.D.", "SD")),
    "Tennessee": ("US", ("Tenn.", "TN")),
    "Texas": ("US", ("Tex.", "TX")),
    "Utah": ("US", ("UT",)),
    "Vermont": ("US", ("Vt.", "VT")),
    "Virginia": ("US", ("Va.", "VA")),
    # (plain "Washington" is as often the capital: only its abbreviations name the state)
    "Washington State": ("US", ("Wash.", "WA")),
    "West Virginia": ("US", ("W.Va.", "W. Va.", "WV")),
    "Wisconsin": ("US", ("Wis.", "Wisc.", "WI")),
    "Wyoming": ("US", ("Wyo.", "WY")),
    "Alberta": ("CA", ("Alta.", "AB")),
    "British Columbia": ("CA", ("B.C.", "BC")),
    "Manitoba": ("CA", ("Man.", "MB")),
    "New Brunswick": ("CA", ("N.B.",)),
    "Newfoundland": ("CA", ("Nfld.", "NL", "Newfoundland and Labrador")),
    "Nova Scotia": ("CA", ("N.S.",)),
    "Ontario": ("CA", ("Ont.", "ON")),
    "Prince Edward Island": ("CA", ("P.E.I.", "PEI")),
    "Quebec": ("CA", ("Que.", "Qué.", "Québec", "QC")),
    "Saskatchewan": ("CA", ("Sask.", "SK")),
    "New South Wales": ("AU", ("N.S.W.", "NSW")),
    "Queensland": ("AU", ("Qld", "Qld.")),
    "South Australia": ("AU", ()),
    "Western Australia": ("AU", ()),
    "Tasmania": ("AU", ("Tas.",)),
}
# every way of writing a region -> its name; postal codes only after a town ("Dover, NJ")
_REGION_OF = {w: name for name, (_, ws) in _REGIONS.items() for w in (name, *ws)}


def region_of(written: str) -> str | None:
    """The region a way of writing it names ("Mass." -> "Massachusetts"), else None."""
    return _REGION_OF.get(written)


# the first words of every way of writing a region: a sentence with none of them is skipped
# before the patterns are tried (one set look-up a capitalised word)
_REGION_FIRSTS = frozenset(w.split()[0] for w in _REGION_OF)
_CAPITAL_WORD = re.compile(r"[A-Z][\w.]*")
_CODES = frozenset(w for w in _REGION_OF if re.fullmatch(r"[A-Z]{2,3}", w))
_ALT = "|".join(re.escape(w) for w in sorted(_REGION_OF, key=len, reverse=True))
_PLACE = (
    r"(?:(?P<town>[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+){0,2}), )?(?P<region>" + _ALT + r")"
    r"(?![\w-])"
)
# where someone lives: "lived with his French-born wife in Ontario", "who lives in Dover, NJ",
# "a Quebec resident", "a resident of Medford, Mass."
_LIVES = re.compile(
    r"\b(?P<cue>(?:lived|lives|living|resided|resides|residing)\b(?:\s[\w'’-]+){0,5}? in"
    r"|residents? of)\s(?:the )?(?:(?:state|province) of )?" + _PLACE
)
_RESIDENT = re.compile(r"\b(?:an?|the) " + _PLACE + r",? resident\b")
# "Krystle Campbell, 29, of Medford, Mass.": a town and its region right after a name
_OF_TOWN = re.compile(
    r"(?:, (?:an? |the )?[\w -]{1,30},)? (?:of|from) (?P<town>[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+)"
    r"{0,2}), (?P<region>" + _ALT + r")(?![\w-])"
)
# words between a person and the home that make it someone else's or hearsay about another
# ("Smith said his brother lived in Ohio")
_SOMEONE_ELSE = re.compile(
    r"\b(?:his|her|their|whose|said|says|told|according|family|wife|husband|son|daughter"
    r"|mother|father|parents|brother|sister)\b",
    re.I,
)
# a home told as moved from or to, or long gone: no home now
_MOVED = re.compile(
    r"(?<![\w-])(?:before|after|until|till|moved|moving|moves|grew up|born|raised in|formerly"
    r"|previously|once|former|used to|had lived|had been living|never|not)\b",
    re.I,
)
# the people a side can be about: a capitalised run, or a pronoun subject
_CAPITALISED = re.compile(r"(?<![\w'’-])[A-Z][a-z'’]+(?:[ -][A-Z][a-z'’]+){0,3}(?![\w'’])")
_PRONOUN = re.compile(r"\b(?:He|he|She|she)\b")


@dataclass(frozen=True)
class _Home:
    article: str
    sentence: Sentence
    person: str
    region: str
    shown: str
    verb: int  # (the match's start: reading order, as :mod:`sides` wants)


class _People:
    """The cluster's people by each way a sentence writes them: a full name, or a surname
    (or one-word name) only one of them has."""

    def __init__(self, people: Iterable[str]) -> None:
        full = sorted({p for p in people if p[:1].isupper()})
        parts: dict[str, set[str]] = {}
        longer: dict[str, list[str]] = {}  # last word -> the longer names ending with it
        for p in full:
            for w in {p, p.split()[-1]}:
                parts.setdefault(w, set()).add(p)
            if " " in p:
                longer.setdefault(p.split()[-1], []).append(p)
        # a one-word name inside one longer name is that person ("Katriuk")
        self.of = {w: next(iter(ps)) for w, ps in parts.items() if len(ps) == 1}
        for p in full:
            if " " not in p and len(longer.get(p, ())) == 1:
                self.of[p] = longer[p][0]

    def named_in(self, text: str, end: int | None = None) -> Iterator[tuple[int, int, str]]:
        """Where each person named before ``end`` starts and ends, and who."""
        end = len(text) if end is None else end
        for m in _CAPITALISED.finditer(text, 0, end):
            run = m.group().split()
            for n in range(len(run)):  # "Alleged Nazi war criminal Vladimir Katriuk"
                who = self.of.get(" ".join(run[n:]))
                if who is not None:
                    yield m.start(), m.end(), who
                    break

    def last_in(self, text: str, end: int | None = None) -> tuple[int, int, str | None]:
        """Where the last person or subject pronoun before ``end`` starts and ends, and who
        (None for a pronoun)."""
        end = len(text) if end is None else end
        named = list(self.named_in(text, end))
        best: tuple[int, int, str | None] = named[-1] if named else (-1, -1, None)
        for m in _PRONOUN.finditer(text, 0, end):
            if m.start() > best[0]:
                best = (m.start(), m.end(), None)
        return best


def _homes(article: str, ss: Sequence[Sentence], people: _People, look_back: int) -> list[_Home]:
    out = []
    for k, s in enumerate(ss):
        text = s.text
        # (a region ending the sentence is found with its full stop: "lives in Texas.")
        capitals = _CAPITAL_WORD.findall(text)
        if not any(w in _REGION_FIRSTS or w.rstrip(".") in _REGION_FIRSTS for w in capitals):
            continue
        found = [*_LIVES.finditer(text), *_RESIDENT.finditer(text), *_OF_TOWN.finditer(text)]
        if not found or _MOVED.search(text):
            continue
        for m in found:
            written = m.group("region")
            if written in _CODES and m.group("town") is None:
                continue  # "ON", "IN", "OR" alone are words
            at, ends, who = people.last_in(text, m.start())
            if at < 0 or _SOMEONE_ELSE.search(text, ends, m.start()):
                continue
            if m.re is _OF_TOWN and (who is None or ends != m.start()):
                continue  # "of Medford, Mass." right after the person's name only
            if who is None:  # "He ... lived in": the one person named in the sentences before
                named = {x for _, _, x in people.named_in(text, at)}
                for b in range(k - 1, max(-1, k - 1 - look_back), -1):
                    named.update(x for _, _, x in people.named_in(ss[b].text))
                if len(named) != 1:
                    continue  # two people named: "she" may be either
                who = named.pop()
            town = m.group("town")
            shown = written if town is None else f"{town}, {written}"
            out.append(_Home(article, s, who, _REGION_OF[written], shown, m.start()))
    return out


def home_conflicts(
    sentences: Mapping[str, Sequence[Sentence]],
    family_of: Mapping[str, int],
    people: Iterable[str],
    settings: FactSettings = DEFAULT.facts,
) -> list[Conflict]:
    """Two regions for one person's home, from two families, no family giving both (see the
    module docstring); ``people``: the cluster's person names (:mod:`entities`)."""
    cast = _People(people)
    if not cast.of:
        return []
    found = [
        h
        for a in sorted(sentences)
        for h in _homes(a, sentences[a], cast, settings.rival_look_back)
    ]
    by_person: dict[str, dict[str, list[_Home]]] = {}
    for h in found:
        by_person.setdefault(h.person, {}).setdefault(h.region, []).append(h)
    out = []
    for person, sides in sorted(by_person.items()):
        if len(sides) < 2:
            continue
        if sides_mod.shared_family(list(sides.values()), family_of):
            continue  # one family giving two homes: a move, or two homes
        out.append(sides_mod.conflict(f"where {person} lives", sides.values()))
    return out


# --- one person, two surnames ------------------------------------------------------------------

_AGE_AFTER = re.compile(r", (\d{1,3}),")  # "Dallas Swonger, 18,"
_FULL = re.compile(r"(?<![\w'’-])([A-Z][a-z'’]+) ([A-Z][a-z'’]+)(?![\w'’-])")


@dataclass(frozen=True)
class _Named:
    article: str
    sentence: Sentence
    shown: str
    verb: int


def _surname_rivals(a: str, b: str, settings: FactSettings) -> bool:
    """Two full names of one first name and two surnames that are not one spelling
    ("Wereley" / "Werely", "Olivares" / "Oliveras" are one)."""
    x, y = a.split(), b.split()
    if len(x) < 2 or len(y) < 2 or x[0] != y[0] or x[-1] == y[-1]:
        return False
    p, q = x[-1].lower(), y[-1].lower()
    alike = Levenshtein.normalized_similarity(p, q) >= settings.rival_spelling
    return not alike and not names_mod.transliterated(p, q)


def _quoted_rivals(
    articles: Sequence[Article],
    sentences: Mapping[str, Sequence[Sentence]],
    family_of: Mapping[str, int],
    said_by: Sequence[Quote],
    full_of: Mapping[str, set[str]],
    surnames_of: Mapping[str, set[str]],
    settings: FactSettings,
) -> set[tuple[str, str]]:
    """The pairs of full names that two families give as the speaker of one near-identical
    quote (a surname alone is the one full name of the cluster ending with it: "Swonger")."""
    # only a quote two families carry can have two speakers; read again, for its speaker in
    # each article, where one of them gives it a named speaker
    shared = [q for q in said_by if q.independent_sources >= 2 and q.speaker]
    speakers = {q.speaker.split()[-1] for q in shared if q.speaker}
    carriers = {a for q in shared for a in q.sources}
    rival_firsts = {
        first for first, lasts in surnames_of.items() if len(lasts) >= 2 and lasts & speakers
    }
    if not rival_firsts:
        return set()
    wanted = {last for first in rival_firsts for last in surnames_of[first]}
    cast = quotes_mod.Cast.of(a.body for a in articles)
    # the quotes of those people, by first name (only they can be compared)
    said: dict[str, dict[str, list[tuple[str, quotes_mod.Mention]]]] = {}
    for pos, article in enumerate(articles):
        if article.id not in carriers or not any(last in article.body for last in wanted):
            continue
        before: tuple[int, str | None] = (-2, None)
        for mention in quotes_mod.article_mentions(
            pos, article, sentences.get(article.id, ()), cast
        ):
            # quotes run on: an unattributed one just after another is that speaker's
            near = mention.sentence - before[0] <= settings.rival_run_on
            who = mention.speaker or (before[1] if near else None)
            before = (mention.sentence, who)
            if not who:
                continue
            fulls = full_of.get(who.split()[-1], set())
            full = " ".join(who.split()[-2:]) if " " in who else next(iter(fulls), "")
            if (" " in who or len(fulls) == 1) and full.split()[0] in rival_firsts:
                by_speaker = said.setdefault(full.split()[0], {})
                by_speaker.setdefault(full, []).append((article.id, mention))
    pairs: set[tuple[str, str]] = set()
    for by_speaker in said.values():
        speakers_of = sorted(by_speaker)
        for n, speaker_x in enumerate(speakers_of):
            for speaker_y in speakers_of[n + 1 :]:
                if _surname_rivals(speaker_x, speaker_y, settings) and _one_quote(
                    by_speaker[speaker_x], by_speaker[speaker_y], family_of
                ):
                    pairs.add((speaker_x, speaker_y))
    return pairs


def _one_quote(
    xs: Sequence[tuple[str, quotes_mod.Mention]],
    ys: Sequence[tuple[str, quotes_mod.Mention]],
    family_of: Mapping[str, int],
) -> bool:
    """Whether two families give one near-identical quote to ``xs``'s and to ``ys``'s speaker.
    Only quotes sharing enough stems to be near-identical are compared (a stem index, not
    all pairs)."""
    holding: dict[str, list[int]] = {}
    for j, (_, my) in enumerate(ys):
        for st in my.stems:
            holding.setdefault(st, []).append(j)
    for x, mx in xs:
        shared = Counter(j for st in mx.stems for j in holding.get(st, ()))
        for j, count in shared.items():
            y, my = ys[j]
            if count < quotes_mod.CLASH_SHARED or family_of.get(x, 0) == family_of.get(y, 0):
                continue
            if quotes_mod.same_quote(mx, my, False) is not None:  # near-identical words
                return True
    return False


def _grams(text: str, n: int = 5) -> set[tuple[str, ...]]:
    words = re.findall(r"[\w'’]+", text.lower())
    return {tuple(words[k : k + n]) for k in range(len(words) - n + 1)}


def _told_alike(xs: Sequence[tuple[int, str]], ys: Sequence[tuple[int, str]]) -> bool:
    """Whether two families write a sentence about each name sharing five words in a row
    (the name and its age left out)."""
    of_x: dict[tuple[str, ...], set[int]] = {}
    for family, text in xs:
        for gram in _grams(text):
            of_x.setdefault(gram, set()).add(family)
    return any(of_x.get(gram, set()) - {family} for family, text in ys for gram in _grams(text))


def name_rivals(
    articles: Sequence[Article],
    sentences: Mapping[str, Sequence[Sentence]],
    family_of: Mapping[str, int],
    said_by: Sequence[Quote],
    lower: frozenset[str],
    settings: FactSettings = DEFAULT.facts,
) -> list[Conflict]:
    """Two surnames for one person (see the module docstring); ``said_by``: the cluster's
    quotes (:mod:`quotes`), ``lower``: the words the cluster writes in lower case
    (:func:`names.lower_words`: "As Swonger" is no name)."""
    full_of: dict[str, set[str]] = {}  # surname -> the full names ending with it
    surnames_of: dict[str, set[str]] = {}  # first name -> its surnames
    aged: dict[tuple[str, str], dict[str, set[int]]] = {}  # (first, age) -> surname -> families
    # full name -> (family, the words of a sentence naming it, the name and age left out)
    told: dict[str, list[tuple[int, str]]] = {}
    for article, ss in sentences.items():
        for s in ss:
            for found in _FULL.finditer(s.text):
                first, last = found.groups()
                if first.lower() in lower or last.lower() in lower:
                    continue
                full_of.setdefault(last, set()).add(f"{first} {last}")
                surnames_of.setdefault(first, set()).add(last)
                family = family_of.get(article, 0)
                end = found.end()
                if age := _AGE_AFTER.match(s.text, found.end()):
                    aged.setdefault((first, age.group(1)), {}).setdefault(last, set()).add(family)
                    end = age.end()
                rest = s.text[: found.start()] + " " + s.text[end:]
                told.setdefault(f"{first} {last}", []).append((family, rest))
    if not any(len(lasts) >= 2 for lasts in surnames_of.values()):
        return []
    pairs = _quoted_rivals(articles, sentences, family_of, said_by, full_of, surnames_of, settings)
    # "Dallas Delynn, 18," / "Dallas Swonger, 18,": one first name of one age, two families,
    # telling one thing about them (a first name and an age alone are two people as often)
    for (first, _), by_last in aged.items():
        lasts = sorted(by_last)
        for n, one in enumerate(lasts):
            for other in lasts[n + 1 :]:
                x, y = f"{first} {one}", f"{first} {other}"
                apart = by_last[one] != by_last[other]
                if apart and _surname_rivals(x, y, settings) and _told_alike(told[x], told[y]):
                    pairs.add((x, y))
    everything = [(article_id, s) for article_id, ss in sentences.items() for s in ss]
    out = []
    for one, other in sorted(pairs):
        one_last, other_last = one.split()[-1], other.split()[-1]
        x_, y_ = re.escape(one_last), re.escape(other_last)
        together = re.compile(rf"\b(?:{x_}\W+{y_}|{y_}\W+{x_})\b")
        if any(together.search(s.text) for _, s in everything):
            continue  # written side by side: a double surname, or two people
        sides: list[list[_Named]] = []
        for name, last in ((one, one_last), (other, other_last)):
            word = re.compile(rf"(?<![\w'’-]){re.escape(last)}(?![\w'’-])")
            side = []
            for article_id, s in everything:
                if (at := word.search(s.text)) is not None:
                    side.append(_Named(article_id, s, name, at.start()))
            sides.append(side)
        mine, theirs = ({family_of.get(x.article, 0) for x in side} for side in sides)
        if not any(f != g and (f not in theirs or g not in mine) for f in mine for g in theirs):
            continue  # every family writes both: a family correcting itself
        out.append(
            sides_mod.conflict(f"surname of {one.split()[0]} ({one_last} or {other_last})", sides)
        )
    return out
