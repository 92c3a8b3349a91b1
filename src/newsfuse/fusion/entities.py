"""People, organisations and places the articles talk about, with their spellings merged.

spaCy's NER costs ~65 us per token on a small CPU: over a whole 2000-word cluster it would take
longer than the rest of the brief together. But a brief only needs the names a cluster keeps
repeating, and in edited English names are cheap to find: they are capitalised. So:

1. Candidates are runs of capitalised words ("Kim Jong-un", "Workers' Party of Korea", with
   particles like "of"/"de" inside), found by one regex that skips lower-case words. A word
   capitalised only because it opens a sentence ("Tensions", "Citing") is dropped when the
   cluster never capitalises it mid-sentence and writes it in lower case or it looks like a
   participle or adverb. Leading titles go too: "President Moon Jae-in" is "Moon Jae-in".
2. Spellings are grouped under a key that ignores case, hyphens, spaces, apostrophes and
   accents ("Kim Yo Jong" = "Kim Yo-jong"); an acronym joins the one longer candidate whose
   initials it spells; demonyms of another candidate ("North Korean") are dropped. Groups are
   ranked by independent sources, then articles, then mentions.
3. spaCy's ``ner`` pipe alone reads a tiny window (the candidate and one word either side,
   within its sentence) around one mention of each of the ``limit`` top candidates, the windows
   chosen so that one covers as many candidates as it can; every mention inside a window votes.
   On the bundled example and three Multi-News clusters this typed names about as well as ±8
   words did, for a quarter of the tokens (~130 for a 2000-word cluster, ~10 ms). NER gives each
   candidate a type, trims titles ("President Moon" -> "Moon"), splits runs holding two names
   ("Rodong Sinmun of North Korea") and drops what is not a name (dates, currencies, demonyms,
   sentence openers that step 1 let through). A candidate NER is silent about is kept, as
   "other", only if two independent sources capitalise it mid-sentence ("KCNA").
4. Last, forms no key can join: a one-word name merges into the one longer person name that
   contains it ("Moon" -> "Moon Jae-in"), an acronym into the one longer name whose initials it
   spells. This needs no NER reading of the short form, so it also applies to one-word names
   ranked below ``limit``. When two longer names qualify ("Kim"), nothing is merged: a wrong
   merge would misstate who said or did what.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newsfuse.fusion import nlp
from newsfuse.fusion.attribution import full_name
from newsfuse.fusion.clean import PHOTO_AGENCIES
from newsfuse.fusion.roles import ROLE_WORDS
from newsfuse.fusion.text import NAME_PARTICLES, PERSON_TITLES, STOPWORDS, UNAMBIGUOUS_TITLES
from newsfuse.models import Article, Entity, EntityType, Family

if TYPE_CHECKING:
    from spacy.tokens import Doc

# A capitalised word: letters/digits with inner apostrophes and hyphens ("Jong-un", "O'Brien",
# "Korea's"), a plural possessive ("Workers'"), or dotted initials ("U.S."). ``re`` has no
# upper-case class, so this admits any letter but a-z and the caller checks ``isupper``. Never
# inside a word ("NEWLINE_CHAR"); after a hyphen it may be ("anti-Wall Street").
_CAP_WORD = re.compile(
    r"(?<![\w'’])(?:"
    r"[^\W\d_a-z]\.(?:[^\W\d_]\.)+"
    r"|[^\W\d_a-z](?:[^\W_]|['’](?=[^\W\d_])|[-‐‑](?=[^\W_]))*(?:(?<=s)['’](?![^\W_]))?)"
)
_LOWER_WORD = re.compile(r"(?<![\w'’‐‑-])[a-z][\w'’‐‑-]*")
_LINE = re.compile(r"[^\n]+")
_NONSPACE = re.compile(r"\S+")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+|\n")
_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$")
_POSSESSIVE_ENDINGS = ("'s", "’s", "s'", "s’")
_SPLIT = re.compile(r"[\s\-‐‑]+")
_SPACES = re.compile(r"\s+")
_NOT_ALNUM = re.compile(r"[\W_]+")
_MIDDLE_INITIAL = re.compile(r"(?<=\w)\s+[^\W\d_]\.?(?=\s+\w)")
_EDGE_PUNCTUATION = frozenset(",;:.!?\"'“”‘’`()[]{}$€£¥₩")
_CURRENCY_SIGNS = frozenset("$€£¥₩")
_AMOUNT = re.compile(r"[\d.,]*\d|million|billion|trillion|thousand|hundred", re.I)
_TWO_LETTERS = re.compile(r"[^\W\d_].*[^\W\d_]", re.S)
# What may precede the first word of a sentence (after spaces): end punctuation, an opening
# quote or bracket, a dash. A hyphen or apostrophe only after a space: "anti-Wall Street" and
# "Workers' Party" open nothing.
_OPENERS = frozenset('.!?:;"“”`([{—–…')
_OPENERS_AFTER_SPACE = frozenset("-'‘’")

# Lower-case words that sit inside names: "Workers' Party of Korea", "Charles de Gaulle".
_PARTICLES = NAME_PARTICLES
_PARTICLE_GAP = re.compile(r"[ \t]+(?:(?:{})[ \t]+){{1,3}}".format("|".join(sorted(_PARTICLES))))
# Possessives inside a name rather than between two: "Korean People's Army", "Workers' Party"
# (while "South Korea's President" is two names).
_NAME_POSSESSIVES = frozenset(
    {"people's", "people’s", "children's", "children’s", "women's", "women’s", "men's", "men’s"}
)
# Abbreviations whose dot does not end a name: "Cathedral of St. John", "Gen. Mark Milley".
_ABBREVIATIONS = frozenset(
    "St Mt Ft Dr Gen Lt Col Sgt Capt Maj Cmdr Gov Sen Rep Rev Prof Jr Sr".split()
)
# Titles before a name: only those that never open another name (see UNAMBIGUOUS_TITLES).
_TITLES = UNAMBIGUOUS_TITLES
_MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
# Capitalised words that never name anything themselves: the shared stop words, weekdays and
# frequent sentence openers. A fixed list, so results do not depend on the cluster.
_STOP = STOPWORDS | frozenset(
    """monday tuesday wednesday thursday friday saturday sunday however meanwhile although
    though despite also yet still instead indeed perhaps thus hence moreover furthermore
    besides according several many much every another such last next earlier later today
    yesterday tomorrow tonight now since while unlike like among amid via per whether either
    neither even just already usually often sometimes""".split()
)
# "the North", "the West": a region that only the context resolves, not a name.
_VAGUE = frozenset("north south east west northeast northwest southeast southwest".split())
# Endings that turn a place into its demonym: Korea -> Korean(s), Iran -> Iranian, Iraq -> Iraqi.
_DEMONYM_ENDINGS = ("n", "ns", "an", "ans", "ian", "ians", "ese", "i", "is", "ish")
_DEMONYM_LIKE = re.compile(r"(?:an|ans|ese|ish|i|is|-born)$")  # "Canadian-born" too
# Lines mostly in capitals ("NORTH KOREA BLOWS UP OFFICE") or in title case without a final stop
# (headlines, bylines): their capitals say nothing, and their names recur in the running text.
_HEADLINE_WORDS = 4
_HEADLINE_SHARE = 0.7
_SENTENCE_CLOSE = tuple(".!?…\"'”’)")
_MAX_ACRONYM = 6  # longer all-caps words are shouting, not acronyms

_LABELS: dict[str, EntityType] = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "EVENT": "other",
    "LAW": "other",
    "PRODUCT": "other",
    "WORK_OF_ART": "other",
    "NORP": "other",  # a group ("Yonhap" is read so), unless it looks like a demonym: see _kind
}  # the rest (DATE, MONEY, CARDINAL, LANGUAGE...) is not an entity here

# NER time is proportional to the tokens it reads (~65 us each on the 2-core reference box, plus
# ~40 us a window), so these and ``limit`` (candidates read) set the cost of a call.
_BEFORE, _AFTER = 1, 1  # words of context: "in Kaesong", "President Moon", "Reuters reported"
_TRIES = 3  # mentions of a candidate tried when choosing its window
# A name NER does not recognise is kept (as "other") when this many independent sources
# capitalise it mid-sentence: the small model misses "KCNA" in "North Korea's KCNA state news".
_UNRECOGNISED_MIN_SOURCES = 2
_EVIDENCE_MENTIONS = 60  # mentions of a name whose context is read to check its type

_Kind = EntityType | None  # None: NER was silent about it


@dataclass(frozen=True, slots=True)
class _Mention:
    article: int
    start: int
    end: int
    text: str
    initial: bool  # opens a sentence, where capitals prove nothing
    key: str  # _key(text)


@dataclass(frozen=True, slots=True)
class _Reading:
    """What NER made of a mention: the names in it, with their types.

    ``whole``: one name spanning the whole mention, so each spelling stands for itself. A
    ``None`` type means NER was silent (as opposed to reading a date, a number, a demonym).
    """

    parts: tuple[tuple[str, _Kind], ...] = ()
    whole: bool = False

    def signature(self) -> tuple[object, ...]:
        return (self.whole, tuple((_key(t), k) for t, k in self.parts))


@dataclass(slots=True)
class _Tally:
    """What the cluster says of one entity key, while counting."""

    spellings: Counter[str] = field(default_factory=Counter)
    articles: set[int] = field(default_factory=set)
    mentions: int = 0
    kinds: Counter[_Kind] = field(default_factory=Counter)
    vouched: set[object] = field(default_factory=set)  # families capitalising it mid-sentence
    at: list[tuple[int, int, int]] = field(default_factory=list)  # (article, start, end), a few

    def add(self, spelling: str, mention: _Mention, kind: _Kind, family: object) -> None:
        if len(self.at) < _EVIDENCE_MENTIONS:
            self.at.append((mention.article, mention.start, mention.end))
        self.spellings[spelling] += 1
        self.articles.add(mention.article)
        self.mentions += 1
        self.kinds[kind] += 1
        if not mention.initial:
            self.vouched.add(family)

    @property
    def name(self) -> str:
        return self.spellings.most_common(1)[0][0]

    @property
    def kind(self) -> _Kind:
        """The type most mentions got; None only if NER never recognised it."""
        known = [(n, k) for k, n in self.kinds.items() if k is not None]
        return max(known, key=lambda nk: nk[0])[1] if known else None


def entities(
    articles: Sequence[Article], families: Sequence[Family], *, limit: int = 25
) -> tuple[Entity, ...]:
    """The people, organisations and places ``articles`` mention, most-cited first.

    Ranked by independent sources (families; an article in no family counts as its own), then
    articles, then mentions; at most ``limit``. Reads each article's ``body``.
    """
    if limit <= 0 or not articles:
        return ()
    texts = [a.body for a in articles]
    family_of = {m: f.id for f in families for m in f.members}
    fams: list[object] = [family_of.get(a.id, a.id) for a in articles]

    found, lower = _candidates(texts)
    groups = _groups(found)
    if not groups:
        return ()  # nothing name-like: do not pay for loading the model
    ranked = sorted(groups.values(), key=lambda ms: _rank(ms, fams))

    # Only ``limit`` candidates are read: NER is the cost, and the cheap filters above leave it
    # few top candidates to drop, so slightly fewer than ``limit`` entities may come back.
    tallies: dict[str, _Tally] = {}
    for mentions, reading in zip(ranked, _read(texts, ranked[:limit]), strict=False):
        for m in mentions:
            for text, kind in reading.parts:
                spelling, key = (m.text, m.key) if reading.whole else (text, _key(text))
                tally = tallies.setdefault(key, _Tally())
                tally.add(spelling, m, kind, fams[m.article])

    unread: list[_Tally] = []  # one-word names below the cut, which may still join a full name
    for mentions in ranked[limit:]:
        if " " not in mentions[0].text and any(not m.initial for m in mentions):
            unread.append(_Tally())
            for m in mentions:
                unread[-1].add(m.text, m, None, fams[m.article])

    def used_as_place(tally: _Tally) -> bool:
        seen = _contexts(texts, tally, lower)
        return bool(seen.in_place or seen.credit or seen.outlet)

    kept = [
        (target, merged)
        for target, merged in _merge(tallies, unread, used_as_place)
        if target.kind is not None or len(target.vouched) >= _UNRECOGNISED_MIN_SOURCES
    ]
    seen = {id(t): _contexts(texts, t, lower) for t, _ in kept}
    # a name read only in pictures' credits ("AP Photo/Richard Vogel") is no one of the event
    kept = [
        (t, m) for t, m in kept if not (seen[id(t)].photo and seen[id(t)].photo == seen[id(t)].read)
    ]
    # words that name a place or an organisation of their own here ("Indonesia" AirAsia)
    # (and by which: those of names other than the one typed, "Matteo" is no place of its own)
    surnames = _surnames(texts, groups.values(), [t for t, _ in kept if t.kind == "person"])
    taken_by: dict[str, set[int]] = {}
    for t, _ in kept:
        # (a surname NER read as an organisation, "Unruh", takes no word of "Heather Unruh")
        if t.kind in ("place", "organisation") and _key(t.name) not in surnames:
            for w in t.name.lower().split():
                taken_by.setdefault(w, set()).add(id(t))

    people = {w for t, _ in kept if t.kind == "person" for w in t.name.lower().split()}

    def others(target: _Tally) -> set[str]:
        return {w for w, ids in taken_by.items() if ids - {id(target)}}

    out = [
        _entity(
            target,
            merged,
            articles,
            fams,
            _retype(
                target,
                seen[id(target)],
                # the name's own words are no other name's ("Kenji Yaguchi" read as an org)
                others(target) if seen[id(target)].person else frozenset(),
                others(target) if seen[id(target)].role else frozenset(),
                people,
                surnames,
            ),
        )
        for target, merged in kept
    ]
    out = _unambiguous(out)
    out.sort(key=lambda e: (-e.independent_sources, -len(e.sources), -e.mentions))
    return tuple(out[:limit])


def _unambiguous(out: list[Entity]) -> list[Entity]:
    """``out`` without a one-word place that ends two or more longer places and has fewer
    independent sources than each: "Korea" beside "North Korea" and "South Korea" stands for
    one of them (a translation's "managed by Korea and North Korea"), and listed on its own it
    reads as a third place. Used by as many sources as they are, it is a subject of its own.

    Nor a plural that names two of them together: "the two Koreas" beside "North Korea" and
    "South Korea" (the Carolinas, the Dakotas) is no place of its own; they are listed."""
    places = [e for e in out if e.type == "place"]
    drop = set()
    for e in places:
        if " " in e.name:
            continue
        longer = [o for o in places if o.name.endswith(" " + e.name)]
        if len(longer) >= 2 and all(o.independent_sources > e.independent_sources for o in longer):
            drop.add(id(e))
        if e.name.endswith("s") and len(e.name) > 3:
            parts = [o for o in places if o.name.endswith(" " + e.name[:-1])]
            if len(parts) >= 2:
                drop.add(id(e))
    return [e for e in out if id(e) not in drop]


def _key(name: str) -> str:
    """What spellings of one name share: letters and digits, case-folded, accents dropped,
    middle initials dropped ("Donald J. Trump" = "Donald Trump")."""
    name = _MIDDLE_INITIAL.sub(" ", name)
    return _NOT_ALNUM.sub("", unicodedata.normalize("NFKD", name).casefold())


def _rank(mentions: list[_Mention], fams: list[object]) -> tuple[int, ...]:
    return (
        -len({fams[m.article] for m in mentions}),
        -len({m.article for m in mentions}),
        -len(mentions),
        mentions[0].article,
        mentions[0].start,
    )


# --- 1. candidates -----------------------------------------------------------------------------

# A capitalised word as (start, end, text, opens a sentence).
_Word = tuple[int, int, str, bool]


def _candidates(texts: Sequence[str]) -> tuple[list[_Mention], Counter[str]]:
    """Every run of capitalised words in ``texts`` that may be a name, in text order; and how
    often the cluster writes each word in lower case."""
    lower: Counter[str] = Counter()  # words the cluster writes in lower case
    for text in texts:
        lower.update(_LOWER_WORD.findall(text))
    named: set[str] = set()  # capitalised words seen mid-sentence
    keys: dict[str, str] = {}  # most names recur: normalise each spelling once
    # Only a run opening a sentence waits for the whole cluster (whether its first word is a
    # common word needs all of ``named``); the others become mentions at once, so the
    # cluster's runs are never all held (at 800 reports, collecting them cost more than
    # finding them).
    found: list[_Mention | tuple[int, list[_Word]]] = []
    for article, text in enumerate(texts):
        for line in _LINE.finditer(text):
            runs, caps = _runs(text, line.start(), line.end(), named)
            if _headline(line.group(), caps):
                continue
            for run in runs:
                if run[0][3]:
                    found.append((article, run))
                elif mention := _mention(text, article, run, keys):
                    found.append(mention)

    out: list[_Mention] = []
    for item in found:
        if isinstance(item, _Mention):
            out.append(item)
            continue
        article, run = item
        if _common(run[0], lower, named):
            run = run[1:]
        if mention := _mention(texts[article], article, run, keys):
            out.append(mention)
    return out, lower


def _mention(text: str, article: int, run: list[_Word], keys: dict[str, str]) -> _Mention | None:
    """The mention a run of capitalised words makes in ``text``, if it may be a name; ``keys``
    caches :func:`_key` by spelling."""
    while len(run) > 1 and run[0][2].lower() in _TITLES:
        run = run[1:]  # "President Moon Jae-in" is "Moon Jae-in": one spelling, one NER read
    if not run or (run[0][2].lower() in _MONTHS and all(w[2].lower() in _MONTHS for w in run)):
        return None
    if len(run) == 1 and run[0][2].lower() in _TITLES:
        return None  # a title whose name is not capitalised after it: "Lt." alone names no one
    start, end = run[0][0], run[-1][1]
    if run[-1][2].endswith(_POSSESSIVE_ENDINGS):
        end -= 1 if run[-1][2][-1] in "'’" else 2
    name = text[start:end]
    if len(run) == 1 and name.isupper() and _unit(text, start, end):
        return None
    if not _TWO_LETTERS.search(name) or all(w in _VAGUE for w in _SPLIT.split(name.lower())):
        return None  # "the North", and "North-South" ties, "East-West" talks: no place named
    key = keys.get(name) or keys.setdefault(name, _key(name))
    return _Mention(article, start, end, name, run[0][3], key)


def _unit(text: str, start: int, end: int) -> bool:
    """Whether the all-caps word at ``start:end`` is a currency or unit: "US$8.6", "8.6 million
    USD". NER would drop it too; this saves it a window."""
    if not text[start:end].isupper():
        return False
    if text[end : end + 1] in _CURRENCY_SIGNS or text[end : end + 1].isdigit():
        return True
    before = text[max(start - 16, 0) : start].split()
    return bool(before) and bool(_AMOUNT.fullmatch(before[-1]))


def _headline(line: str, caps: int) -> bool:
    """Whether a line's capitals are typography (headline, byline, shouting), not names."""
    words = line.split()
    if len(words) < _HEADLINE_WORDS or caps < _HEADLINE_SHARE * len(words):
        return False
    shouting = sum(1 for w in words if w.isupper()) >= _HEADLINE_SHARE * len(words)
    return shouting or not line.rstrip().endswith(_SENTENCE_CLOSE)


def _common(word: _Word, lower: Counter[str], named: set[str]) -> bool:
    """Whether a capitalised word is only a common word opening a sentence ("Tensions",
    "Citing"): never capitalised mid-sentence, and written in lower case elsewhere or shaped
    like a participle or adverb. A sentence-initial "North" is not: "North" occurs mid-sentence."""
    text = word[2]
    if not word[3] or text in named:
        return False
    low = text.lower()
    return (
        low in lower
        or low + "s" in lower
        or low + "es" in lower
        or (low.endswith("s") and low[:-1] in lower)
        or low.endswith(("ing", "ly"))
    )


def _runs(text: str, start: int, end: int, named: set[str]) -> tuple[list[list[_Word]], int]:
    """Maximal runs of capitalised words in ``text[start:end]`` (one line) joined by spaces or
    particles, and the number of capitalised words; adds those seen mid-sentence to ``named``.

    Only capitalised words are visited (the regex skips the rest): this is the hot loop.
    """
    runs: list[list[_Word]] = []
    run: list[_Word] = []
    caps = 0
    for m in _CAP_WORD.finditer(text, start, end):
        word = m.group()
        if not word[0].isupper():
            continue  # a non-ASCII lower-case letter got past the regex: the gap will show it
        caps += 1
        at = before = m.start()
        while before > start and text[before - 1] in " \t":
            before -= 1
        mark = text[before - 1] if before > start else ""
        initial = (
            not mark
            or mark in _OPENERS
            or (
                mark in _OPENERS_AFTER_SPACE and (before - 1 == start or text[before - 2].isspace())
            )
        )
        if not initial:
            named.add(word)
        shouting = len(word) > _MAX_ACRONYM and word.isupper()
        low = word.lower().replace("’", "'")  # "I’m" is "I'm"
        if shouting or (low in _STOP and not (len(word) > 1 and word.isupper())):
            if run:  # "The", "However", "Tuesday" (but "US", "IT" are acronyms)
                runs.append(run)
                run = []
            continue
        if run and word.lower() in _TITLES:
            # "Vallejo police Lt. Kenny Park", "Los Angeles Mayor Antonio Villaraigosa": a
            # title inside a run opens the name after it; what came before is another name
            runs.append(run)
            run = []
        if run:
            gap = text[run[-1][1] : at]
            # "Donald J. Trump", "St. Louis": an initial or abbreviation and its dot do not end
            # a name.
            initial_dot = (
                gap[:1] == "."
                and gap[1:].isspace()
                # "ST. LOUIS" in a dateline too
                and (len(run[-1][2]) == 1 or run[-1][2].capitalize() in _ABBREVIATIONS)
            )
            if not (gap.isspace() or initial_dot or _PARTICLE_GAP.fullmatch(gap)):
                runs.append(run)
                run = []
        run.append((at, m.end(), word, initial))
        if word.endswith(_POSSESSIVE_ENDINGS) and not (
            word.endswith(("s'", "s’")) or word.lower() in _NAME_POSSESSIVES
        ):
            runs.append(run)  # "South Korea's | President Moon"
            run = []
    if run:
        runs.append(run)
    return runs, caps


def _groups(mentions: list[_Mention]) -> dict[str, list[_Mention]]:
    """Mentions grouped by spelling key; acronyms joined to their expansion, demonyms dropped."""
    groups: dict[str, list[_Mention]] = {}
    for m in mentions:
        groups.setdefault(m.key, []).append(m)
    demonyms = [
        k for k in groups if any(k.endswith(e) and k[: -len(e)] in groups for e in _DEMONYM_ENDINGS)
    ]
    for key in demonyms:
        del groups[key]

    acronyms = {key: a for key, ms in groups.items() if (a := _acronym(ms[0].text))}
    if acronyms:
        wanted = set(acronyms.values())
        expansions: dict[str, list[str]] = {}
        for key, ms in groups.items():
            for initials in _initials({m.text for m in ms}) & wanted:
                expansions.setdefault(initials, []).append(key)
        for key, acronym in acronyms.items():
            targets = expansions.get(acronym, [])
            if len(targets) == 1 and targets[0] in groups:
                groups[targets[0]] += groups.pop(key)
    return groups


def _acronym(name: str) -> str | None:
    letters = name.replace(".", "")
    if letters.isalpha() and letters.isupper() and 2 <= len(letters) <= _MAX_ACRONYM:
        return letters
    return None


def _initials(spellings: Iterable[str]) -> set[str]:
    """Acronyms a multi-word name may go by: "Workers' Party of Korea" -> WPK, WPOK."""
    out: set[str] = set()
    for spelling in spellings:
        for words in (spelling.split(), _SPLIT.split(spelling)):
            if len(words) > 1:
                out.add("".join(w[0] for w in words if w not in _PARTICLES).upper())
                out.add("".join(w[0] for w in words).upper())
    return out


# --- 2. NER over tiny windows ------------------------------------------------------------------


def _read(texts: Sequence[str], candidates: list[list[_Mention]]) -> list[_Reading]:
    """NER's reading of each candidate (given as its mentions), from a few tiny windows.

    Windows are chosen greedily, best candidate first: among a candidate's first mentions, the
    one whose window also holds the most candidates not read yet. Every mention of a candidate
    inside a window votes for its reading.
    """
    index: dict[int, list[tuple[int, int, int]]] = {}  # article -> (start, end, candidate)
    for c, mentions in enumerate(candidates):
        for m in mentions:
            index.setdefault(m.article, []).append((m.start, m.end, c))
    for entries in index.values():
        entries.sort()

    def inside(article: int, start: int, end: int) -> list[tuple[int, int, int]]:
        entries = index[article]
        lo = bisect.bisect_left(entries, (start,))
        hi = bisect.bisect_left(entries, (end,))
        return [e for e in entries[lo:hi] if e[1] <= end]

    covered = [False] * len(candidates)
    windows: list[tuple[int, int, int]] = []
    for c, mentions in enumerate(candidates):
        if covered[c]:
            continue
        best = (-1, 0, 0, 0)  # gain, article, start, end
        # NER reads capitals as shouting ("ST. LOUIS (KMOX) -" came back as "ST." and
        # "LOUIS"): a mention in running text is tried first.
        tries = [m for m in mentions if not m.text.isupper()][:_TRIES] or mentions[:_TRIES]
        for m in tries:
            start, end = _window(texts[m.article], m)
            gain = len({e[2] for e in inside(m.article, start, end) if not covered[e[2]]})
            if gain > best[0]:
                best = (gain, m.article, start, end)
        _, article, start, end = best
        windows.append((article, start, end))
        for e in inside(article, start, end):
            covered[e[2]] = True

    votes: list[Counter[tuple[object, ...]]] = [Counter() for _ in candidates]
    readings: dict[tuple[object, ...], _Reading] = {}
    docs = nlp.pipe([texts[a][s:e] for a, s, e in windows], nlp.NER_ONLY, batch_size=256)
    for (article, start, end), doc in zip(windows, docs, strict=False):
        for m_start, m_end, c in inside(article, start, end):
            reading = _reading(doc, m_start - start, m_end - start)
            signature = reading.signature()
            votes[c][signature] += 1
            readings.setdefault(signature, reading)
    return [readings[vote.most_common(1)[0][0]] for vote in votes]


def _window(text: str, m: _Mention) -> tuple[int, int]:
    """A few words around ``m``, within its sentence, as a span of ``text``."""
    before = [w.start() for w in _NONSPACE.finditer(text, max(m.start - 40, 0), m.start)]
    after = [w.end() for w in _NONSPACE.finditer(text, m.end, m.end + 40)]
    start = before[-min(_BEFORE, len(before))] if _BEFORE and before else m.start
    end = after[min(_AFTER, len(after)) - 1] if _AFTER and after else m.end
    for stop in _SENTENCE_END.finditer(text, start, m.start):
        start = stop.end()
    last = _SENTENCE_END.search(text, m.end, end)
    if last:
        end = last.start()
    # Punctuation at the edges is a token NER pays for and learns little from.
    while start < m.start and text[start] in _EDGE_PUNCTUATION:
        start += 1
    while end > m.end and text[end - 1] in _EDGE_PUNCTUATION:
        end -= 1
    return start, end


def _reading(doc: Doc, start: int, end: int) -> _Reading:
    """The names NER found within characters ``start:end`` of ``doc``, cut to that span and
    widened to whole words (the model may stop at "Moon Jae" in "Moon Jae-in")."""
    text = doc.text
    parts: list[tuple[str, _Kind]] = []
    seen = False
    for ent in doc.ents:
        if ent.end_char <= start or ent.start_char >= end:
            continue
        seen = True
        s, e = max(ent.start_char, start), min(ent.end_char, end)
        while s > start and not text[s - 1].isspace():
            s -= 1
        while e < end and not text[e].isspace():
            e += 1
        part = _tidy(text[s:e])
        kind = _kind(ent.label_, part)
        if part and kind:
            parts.append((part, kind))
    if not seen:
        return _Reading(((text[start:end], None),), whole=True)
    whole = len(parts) == 1 and _key(parts[0][0]) == _key(text[start:end])
    return _Reading(tuple(dict.fromkeys(parts)), whole)


def _kind(label: str, name: str) -> EntityType | None:
    if label == "NORP" and _DEMONYM_LIKE.search(name.lower()):
        return None  # "North Korean", "inter-Korean": they describe, they do not name
    return _LABELS.get(label)


def _tidy(name: str) -> str:
    """``name`` without edge punctuation, a leading "the" or a possessive; "" if no name left."""
    name = _SPACES.sub(" ", name.strip(" \t,;:!?\"“”‘’'`()[]{}"))
    if name[:4].lower() == "the ":
        name = name[4:]
    name = _POSSESSIVE.sub("", name).rstrip(" ,;:")
    return name if _TWO_LETTERS.search(name) else ""


# --- 3. what the cluster's own sentences say of a name -----------------------------------------

# Words that end the name of an outlet, a news agency or a paper: "Rodong Sinmun", "Washington
# Post", "Yonhap News Agency", "Press TV". A word of the name itself, so it holds for outlets no
# list could hold.
_OUTLET_WORDS = frozenset(
    """agency news times post sinmun ilbo shimbun daily tribune network broadcaster broadcasting
    herald journal gazette telegraph radio television tv magazine press media channel
    chronicle wire newspaper weekly mail observer monitor examiner inquirer""".split()
)
# How the text uses an outlet: its credit after a dateline ("SEOUL (Reuters) -"), what it
# reported, who told it: "told Reuters.", "reported by Yonhap", "KCNA reported".
_CREDIT_BEFORE = re.compile(r"(?:^|[A-Z]{2,}[^\n(]{0,30}|[.\n]\s*)\(\s*$")
_CREDIT_AFTER = re.compile(r"\s*\)\s*[-–—:]")
_OUTLET_BEFORE = re.compile(
    r"(?:\btold|\breported\s+by|\bquoted\s+by|\binterview\s+with|\baccording\s+to)"
    r"(?:\s+the)?\s+$"
)
_OUTLET_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:reported|reports|correspondent|reporter|website|broadcast|aired"
    r"|published)\b"
)
# "KCNA state news said", "Yonhap news agency": an outlet word right after the name (not after
# a place: "North Korea state media" is the place's media).
_OUTLET_NOUN_AFTER = re.compile(
    r"\s+(?:state\s+)?(?:news\s+agency|news|newspaper|broadcaster|tv|television)\b"
)
_PERSON_AFTER = re.compile(r"\s+(?:said|says|told|added|explained|wrote|insisted)\b")
_TOLD_AFTER = re.compile(r"\s*(?:[.,:;\"“”'’]|$|\s+(?:that|in|on|last|this|earlier)\b)")
# "Vallejo police", "Oakland residents": what a town has, in lower case after its name.
_TOWN_NOUN_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:police|residents?|city\s+(?:council|hall|officials?)|mayor|sheriff"
    r"|fire\s+(?:department|chief|officials?)|neighbou?rhood)\b"
)
# The last word of a street's, a road's, a sea's or a river's name: "Humboldt Street", "Evelyn
# Circle", "Java Sea".
_STREET_WORDS = frozenset(
    """street st avenue ave road rd boulevard blvd drive lane ln circle plaza highway freeway
    parkway terrace sea ocean river lake bay gulf strait peninsula island islands mountains
    valley desert canyon""".split()
)
# Where a thing is, in the strict sense: "in Jackson", "near Vallejo" (not "to Goldman", "from
# Simpson", which people are too).
_IN_PLACE_BEFORE = re.compile(
    r"\b(?:in|near|outside|inside|throughout|across)(?:\s+the)?\s+$", re.IGNORECASE
)
# "in Kaesong", "from Seoul", "near the border with China": a place is where things happen.
_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|at|from|to|near|into|across|outside|inside|toward|towards|via|around|throughout"
    r"|through|between|off|across|visit|visited|reached|left)(?:\s+the)?\s+$",
    re.IGNORECASE,
)


# What a team has, after its name: "Jets cheerleaders", "Real Madrid striker", "Saints coach".
_TEAM_NOUN_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:head\s+)?(?:coach|quarterback|linebacker|cornerback|receiver|striker"
    r"|midfielder|defender|goalkeeper|pitcher|outfielder|shortstop|cheerleaders?|roster"
    r"|franchise|locker\s+room|jerseys?|fans|players|teammates?)\b"
)
# Sport around a name: what tells the Sixers, the Bears, the Saints (teams) from the Oscars or
# "Mean Girls" (an award, a film), read within _SPORT_REACH characters either side.
_SPORT = re.compile(
    r"\b(?:seasons?|games?|coach(?:es|ed|ing)?|played|playoffs?|championships?|league|NBA|NFL"
    r"|MLB|NHL|MLS|quarterback|touchdowns?|innings|pitchers?|roster|wins?|won|beat|defeated"
    r"|lost\s+to|victory|drafted|signed\s+with|traded|teams?|teammates?|fans|stadium"
    r"|franchise|basketball|football|baseball|hockey|soccer|offense|defense)\b"
)
_SPORT_REACH = 80
# A person's role in lower case right before the name: "running back Julius Jones", "widow
# Courtney Love", "anthropologist Matteo Borrini".
_POSITIONS = frozenset(
    """back quarterback linebacker cornerback receiver striker midfielder defender goalkeeper
    pitcher outfielder shortstop player rapper musician comedian model journalist reporter
    photographer activist officer deputy trooper firefighter gunman shooter""".split()
)
_ROLES = ROLE_WORDS | _POSITIONS
_LAST_WORD = re.compile(r"(?<![\w'’-])([a-z][\w'’-]*)\s+$")
# A team's or a club's name: a plural ("Jets", "New York Jets", "the Saints"), or a club word
# ("Real Madrid", "FC Barcelona", "Manchester United"). Plurals that name places are not teams.
_CLUB_FIRST = frozenset("fc ac afc real inter atletico atlético sporting dynamo olympique".split())
_CLUB_LAST = frozenset("fc afc united rovers wanderers hotspur albion".split())
_PLACE_PLURALS = frozenset(
    """states islands isles emirates hills heights springs falls keys lakes plains rapids woods
    gardens philippines netherlands bahamas maldives seychelles alps rockies andes everglades
    hamptons americas koreas territories provinces highlands lowlands midlands glades shores
    sands palms pines oaks ages wars times years days games olympics""".split()
)
# A picture's credit around a name: "AP Photo/Richard Vogel", "Reuters/Kim Hong-Ji", "Cliff
# Owen/AP". Who took the picture is no actor of the event.
_PHOTO_BEFORE = re.compile(
    rf"(?:\b(?:photo|photograph|image|picture|credit)s?\s*[/:]|\b{PHOTO_AGENCIES}\s*/)"
    r"\s*(?:courtesy of\s+)?$",
    re.IGNORECASE,
)
_PHOTO_AFTER = re.compile(rf"\s*/\s*{PHOTO_AGENCIES}\b")


def _team_shaped(words: list[str]) -> bool:
    """Whether a name's words (lower case) end on a plural that could name a team."""
    last = words[-1]
    return (
        len(last) > 3
        and last.endswith("s")
        and not last.endswith(("ss", "us", "is", "ians", "ans", "ese"))
        and last not in _PLACE_PLURALS
        and last not in _STREET_WORDS
        and last not in _OUTLET_WORDS  # "News", "Times"
    )


@dataclass(slots=True)
class _Seen:
    """Counts of the contexts a name occurs in across the cluster."""

    capitalised: int = 0
    lower: int = 0  # the name written as a common word: "propofol"
    lower_first: int = 0  # its first word so: "plan" of "Plan B"
    credit: int = 0
    outlet: int = 0
    person: int = 0
    locative: int = 0
    town: int = 0  # "X police", "X residents"
    in_place: int = 0  # "in X", "near X": the strict part of ``locative``
    read: int = 0  # mentions read (``at``: the first few)
    team: int = 0  # "X coach", "X cheerleaders"
    sport: int = 0  # among sport words: "coach the Sixers", "the Bears' season"
    photo: int = 0  # inside a picture's credit: "AP Photo/X", "X/Reuters"
    role: int = 0  # after a role in lower case: "running back X", "widow X"


def _contexts(texts: Sequence[str], target: _Tally, lower: Counter[str]) -> _Seen:
    """How the cluster uses ``target``: read around the first of its mentions (enough to tell,
    and a bounded cost however long the story)."""
    seen = _Seen(capitalised=target.mentions)
    if " " not in target.name:
        seen.lower = lower[target.name.lower()]
    seen.lower_first = lower[target.name.split()[0].lower()]
    photo_named = target.name.lower().endswith(("photo", "photos", "images"))  # "AP Photo/X"
    plural = _team_shaped(target.name.lower().replace("-", " ").split())
    for article, start, end in target.at:
        text = texts[article]
        before = text[max(0, start - 40) : start]
        after = text[end : end + 30]
        if _CREDIT_BEFORE.search(before) and _CREDIT_AFTER.match(after):
            seen.credit += 1
        if _OUTLET_BEFORE.search(before) and (
            not before.rstrip().endswith("told") or _TOLD_AFTER.match(after)
        ):
            seen.outlet += 1
        if _OUTLET_AFTER.match(after):
            seen.outlet += 1
        if target.kind != "place" and _OUTLET_NOUN_AFTER.match(after):
            seen.outlet += 1
        if _PERSON_AFTER.match(after):
            seen.person += 1
        if _LOCATIVE_BEFORE.search(before):
            seen.locative += 1
            if _IN_PLACE_BEFORE.search(before):
                seen.in_place += 1
        if _TOWN_NOUN_AFTER.match(after):
            seen.town += 1
        if _TEAM_NOUN_AFTER.match(after):
            seen.team += 1
        if plural and _SPORT.search(text, max(0, start - _SPORT_REACH), end + _SPORT_REACH):
            seen.sport += 1
        if (
            (("/" in before[-30:] or ":" in before[-30:]) and _PHOTO_BEFORE.search(before))
            or _PHOTO_AFTER.match(after)
            or (photo_named and after.lstrip().startswith("/"))
        ):
            seen.photo += 1
        if (last := _LAST_WORD.search(before, len(before) - 30)) and last.group(1) in _ROLES:
            seen.role += 1
        seen.read += 1
    return seen


_TITLE_BEFORE = re.compile(
    r"(?<![\w'’-])({})\.?,?\s+$".format(
        "|".join(sorted(PERSON_TITLES | _ROLES, key=len, reverse=True))
    ),
    re.IGNORECASE,
)


def _surnames(
    texts: Sequence[str], groups: Iterable[list[_Mention]], persons: Iterable[_Tally]
) -> set[str]:
    """Keys of the last words of the persons' full names the cluster writes: those NER read
    as persons, and any two-to-four-word name written after a person's title or role ("Mayor
    Antonio Villaraigosa", "police chief Charlie Beck") or holding one, read or not."""
    out = {_key(t.name.split()[-1]) for t in persons if " " in t.name}
    for mentions in groups:
        name = mentions[0].text
        full = full_name(name) if " " in name else None
        if full is None:
            continue
        if (
            full != name
            or any(  # "Prince Norodom Ranariddh": the title is in the name
                _TITLE_BEFORE.search(texts[m.article], max(0, m.start - 30), m.start)
                for m in mentions[:_TRIES]
            )
        ):
            out.add(_key(full.split()[-1]))
    return out


def _retype(
    target: _Tally,
    seen: _Seen,
    taken: frozenset[str] | set[str] = frozenset(),
    others: frozenset[str] | set[str] = frozenset(),
    people: frozenset[str] | set[str] = frozenset(),
    surnames: frozenset[str] | set[str] = frozenset(),
) -> EntityType:
    """The type NER gave, corrected by what the cluster's sentences say of the name.

    * An outlet is an organisation: its name ends on an outlet word, or the text credits it
      after a dateline, or uses it as outlets are used ("told Reuters.", "Yonhap reported",
      "reported by Bloomberg", "KCNA state news") more than as a place ("in X"), or, against
      NER's person, twice and more than as a person ("X said").
    * A person is who speaks: a name NER did not read as a person, shaped as a person's full
      name (two to four capitalised words, no organisation or place word), that "said" or
      "told" and is never used as an outlet or a place, is a person; so is such a name, of
      any type NER gave, right after a role in lower case ("anthropologist Matteo Borrini").
    * A surname is a person's: a one-word name the cluster also writes as a person's full name
      (after a title or a role: "Mayor Antonio Villaraigosa", "police chief Charlie Beck"; or
      read so by NER) is one, unless it is used as an outlet or a place. So is a given name with an
      initial ("Krystal C."), its first word never written in lower case.
    * A team is an organisation: a plural name ("Jets", "New York Jets", "the Saints") the
      text gives a coach, fans or players ("Jets cheerleaders"), or, NER silent about it
      (not "the Kennedys", not "Arkansas"), mostly writes among sport words ("coach the Sixers"); and a club's name ("Real Madrid", "Manchester
      United"). Not when the text puts things in it ("in Woodland Hills").
    * A name the cluster mostly writes in lower case ("propofol") is a common word: not a
      person, not a place.
    * A town is a place: a one-word name NER read as an organisation (from "Vallejo
      police") that the text also puts things in ("in Vallejo") and never uses as an outlet;
      and a name ending on a street word ("Evelyn Circle") is a place, not a person.
    * A place is somewhere: a name NER typed as a place in under two thirds of its readings,
      that is never "in X", "from X", "to X" in the whole cluster (a drug, a product, a
      team), is not one. A place NER is sure of stays one: "Pyongyang said" is an actor.
    """
    kind: EntityType = target.kind or "other"
    words = target.name.lower().replace("-", " ").split()
    generic = len(words) == 1 and words[0] in _OUTLET_WORDS  # "TV", "News" alone name no one
    if (
        kind != "organisation"
        and not generic
        and (
            (len(words) > 1 and words[-1] in _OUTLET_WORDS)
            # "SEOUL (Reuters) -"; but "POLITICO (Washington) -" credits a place
            or (seen.credit > 0 and (kind != "place" or seen.credit > seen.locative))
            # people "say", outlets "report": NER's person needs more than one outlet use
            or (kind == "person" and seen.outlet >= 2 and seen.outlet > seen.person)
            or (kind != "person" and seen.outlet > seen.locative)
        )
    ):
        return "organisation"
    club = len(words) > 1 and (words[0] in _CLUB_FIRST or words[-1] in _CLUB_LAST)
    if (
        kind in ("place", "person", "other")
        and (club or _team_shaped(words))
        and seen.in_place * 4 < seen.read  # "in the Saints' locker room" now and then
        # a team has coaches and fans; a club's name says it is one; a plural name NER did
        # not read as a person ("the Kennedys" are people) that sport words surround
        and (
            seen.team
            or (kind != "person" and club)
            or (
                kind == "other"  # NER's place ("Arkansas", "Dallas") is one
                and seen.sport * 2 > seen.read
                and not any(w in people for w in words)  # "Mo Cheeks" is Maurice Cheeks
            )
        )
    ):
        return "organisation"  # "the Jets", "New York Jets cheerleaders", "Real Madrid"
    if kind in ("person", "other") and len(words) > 1 and words[-1].rstrip(".") in _STREET_WORDS:
        return "place"  # "Evelyn Circle", "Java Sea": a street or a sea is no one's name
    if (
        kind == "organisation"
        and len(words) == 1
        and seen.town
        and seen.locative
        and not (seen.outlet or seen.credit)
    ):
        return "place"  # "a home in Vallejo", "Vallejo police": NER read the town's police
    if (
        kind != "person"
        and seen.role
        and len(words) > 1
        and not (seen.outlet or seen.locative or seen.credit)
        and full_name(target.name) == target.name
        and len(words) <= 3
        and not any(w in others or w in _OUTLET_WORDS for w in words)
    ):
        return "person"  # "forensic anthropologist Matteo Borrini", "running back Julius Jones"
    if (
        kind != "person"
        and seen.person
        and not (seen.outlet or seen.locative or seen.credit)
        and full_name(target.name) == target.name
        and len(words) <= 3
        and not any(w in taken or w.endswith(("ish", "ese")) for w in words)  # "Jewish Affairs"
    ):
        return "person"  # "Tawni Cranz said": a two-word name without an organisation word
    if (
        kind != "person"
        and len(words) == 1
        and _key(target.name) in surnames
        and not (seen.outlet or seen.credit or seen.town)
        and seen.in_place * 4 < seen.read  # "in Kabila's Congo" now and then
    ):
        return "person"  # "Smith said" where the text names "Cmdr. Andy Smith"
    if (
        kind != "person"
        and len(words) > 2
        and (full := full_name(target.name)) is not None
        and full != target.name
        and not (seen.outlet or seen.credit or seen.in_place)
    ):
        return "person"  # "Prince Norodom Ranariddh": a title, then a person's full name
    if (
        kind != "person"
        and len(words) == 2
        and len(words[1].rstrip(".")) == 1
        and words[0].isalpha()
        and len(words[0]) > 2
        and not seen.lower_first
        and not (seen.outlet or seen.credit or seen.in_place)
    ):
        return "person"  # "Krystal C.": a given name and an initial, as courts name plaintiffs
    if kind == "person" and any(ch.isdigit() for ch in target.name):
        return "other"  # "H1N1", "H5N1": no one's name has digits
    common = len(words) == 1 and not target.name.isupper()  # "US" is not "us"
    if kind in ("person", "place") and common and seen.lower >= seen.capitalised > 0:
        return "other"
    typed = sum(n for k, n in target.kinds.items() if k is not None)
    if kind == "place" and not seen.locative and target.kinds["place"] * 3 < typed * 2:
        return "other"  # NER hesitated, and the text never puts anything in it
    return kind


# --- 4. merging forms --------------------------------------------------------------------------


def _merge(
    read: dict[str, _Tally],
    unread: list[_Tally],
    used_as_place: Callable[[_Tally], bool] = lambda tally: False,
) -> list[tuple[_Tally, list[_Tally]]]:
    """Each entity NER read, with the tallies merged into it: one-word names and acronyms.

    ``unread`` are one-word candidates beyond ``limit``: they may join a name ("President Moon
    urged" in a single article), since that takes no reading of their own, but never stand alone.
    """
    longer = [t for t in read.values() if " " in t.name and t.kind is not None]
    persons = [t for t in longer if t.kind == "person"]
    words = [{_key(w) for s in t.spellings for w in s.split()} for t in persons]
    initials: list[set[str]] = []  # of ``longer``, computed on the first acronym
    merged: dict[int, list[_Tally]] = {}  # id(target) -> tallies merged into it
    kept: list[_Tally] = []
    candidates = [(t, True) for t in read.values()] + [(t, False) for t in unread]
    for tally, is_read in candidates:
        name = tally.name
        matches: list[_Tally] = []
        if " " not in name:
            acronym = _acronym(name)
            if acronym:
                initials = initials or [_initials(t.spellings) for t in longer]
                matches = [t for t, i in zip(longer, initials, strict=False) if acronym in i]
            elif tally.kind in ("person", None):
                # "Vallejo", read as the town's police, is no part of "Vallejo Lt." Kenny Park
                key = _key(name)
                matches = [t for t, w in zip(persons, words, strict=False) if key in w]
            elif not used_as_place(tally):
                # "Villaraigosa", "Gianforte", "Tester" that NER read as an organisation or a
                # place alone are the surname of the one person of that name the cluster
                # names in full, unless the text puts things in them ("in Jackson")
                key = _key(name)
                matches = [t for t in persons if _key(t.name.split()[-1]) == key]
        if len(matches) == 1:
            merged.setdefault(id(matches[0]), []).append(tally)
        elif is_read:
            kept.append(tally)
    return [(t, merged.get(id(t), [])) for t in kept]


def _entity(
    target: _Tally,
    merged: list[_Tally],
    articles: Sequence[Article],
    fams: list[object],
    kind: EntityType,
) -> Entity:
    spellings = Counter(target.spellings)
    indices = set(target.articles)
    mentions = target.mentions
    for tally in merged:
        spellings.update(tally.spellings)
        indices |= tally.articles
        mentions += tally.mentions
    name = target.name  # the most used full spelling: never a short form or an acronym
    return Entity(
        name=name,
        type=kind,  # full names are typed more reliably than short forms
        variants=tuple(s for s, _ in spellings.most_common() if s != name),
        sources=tuple(articles[i].id for i in sorted(indices)),
        independent_sources=len({fams[i] for i in indices}),
        mentions=mentions,
    )
