"""Statements: a clause two or more families state alike, as a fact of its own.

Most of what reports agree on carries no figure ("a bullet shattered his wife's upper-right
arm", "the gun was registered to her"), so no value fact holds it, and a value fact of the same
sentence ("age 55") is sourced for its value only. A statement is a clause (a sentence cut at
";", ", but", ", which", " — " ...) and the clauses of *other families* holding most of its
weighty words (weighted overlap coefficient, some of them words written in lower case: sharing
only names is the same people, not the same statement); its sources are their articles. A
clause seeds one statement at most, seeds with most families first, and every member must
resemble the seed itself, so a long story's reports do not chain into one statement through a
shared word or two.

A short clause (statement_member_min_stems to statement_min_stems content words: "He had a
seizure and died on the way to hospital.") confirms a longer one holding
statement_short_shared_stems of them and most of its weight (statement_short_similarity),
never seeds a statement, and only when said in full (ending with a full stop: no heading "Who
was Kim Jong-nam", no aside cut at a dash), negated where the longer one is ("Holbrooke issued
no statement after the meeting" is not "issued a defiant statement") and writing no figure the
longer one does not ("30 p.m. Wednesday." is not "4:20 p.m. Wednesday").

A clause of another family close to the seed (statement_close_similarity) is a member too
when the members together hold statement_similarity of its weight: one report says one half
of it, another the other ("used a 9 mm Glock pistol and brought several magazines" / "a 9 mm
Glock handgun, was registered and owned by Moseley" / "used a single handgun registered to
her and multiple magazines").

Reports also write one phrase alike inside clauses that otherwise differ ("Malaysian
toxicology reports indicate he was attacked using VX nerve agent" / "The banned chemical weapon
VX nerve agent was used to kill Kim Jong Nam"): statement_phrase_stems stems written together
in both clauses, at most statement_phrase_gap other content words among them, not names only,
the same figures, no "non-" in one before a word of the other ("nonbinding" / "binding"), two
families at least. After the clause statements, such a phrase is a statement of its own,
its value the phrase as written, unless a statement made before says it by the same articles.
Read by the clause's parse, the phrase must read as one: from a content word to a content word,
one piece of the parse missing no object, quotes and brackets balanced; it is about the
clause's subject and verb ("Malaysian toxicology reports indicate"), never itself again.

A statement is shown in the wording of the member holding most of what the others say, then
saying most ("Police say the shooting may be connected to an armed robbery hours earlier of a
man answering a Craigslist ad for an Xbox" rather than "... may be related to another robbery
a few hours earlier").
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsfuse.fusion import nlp, phrases
from newsfuse.fusion.text import (
    NUMBER_WORDS,
    STOPWORDS,
    content_stems,
    mass,
    overlap,
    pairs_sharing,
    words,
)
from newsfuse.fusion.text import stems as stem_words
from newsfuse.models import Fact, Sentence
from newsfuse.settings import DEFAULT, FactSettings

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]*")
# the end of a clause that is said in full: a full stop, maybe inside a closing quote (a "!"
# or "?" cuts a clause: see _CLAUSE)
_CLOSING = "\"'”’)"
# a clause saying something is not so, and the figures a clause writes
_NEGATION = re.compile(
    r"\b(?:no|not|never|none|nobody|nothing|neither|nor|without)\b|n['’]t\b", re.I
)
_FIGURE = re.compile(r"\d+")
# where a sentence's clauses meet
_CLAUSE = re.compile(r"[;:!?]|,\s+(?:while|but|whereas|who|which|and)\b|\s[—–]\s")
_WORD = re.compile(r"[\w'’-]+")
# "non-binding" is one word, not "binding": joined, it is also "nonbinding"
_NON = re.compile(r"\b(non)-(?=\w)", re.I)
# what a phrase neither starts nor ends on: function words ("since", "he allegedly", "the")
_BARE = frozenset({"DET", "ADP", "ADV", "AUX", "SCONJ", "PRON", "CCONJ", "PART", "PUNCT"})
# verbs that say nothing of their own beside a subject ("Middleton was")
_LIGHT = frozenset({"be", "have", "do"})
# a word's dependents it is incomplete without ("going to see" what)
_OBJECTS = frozenset({"dobj", "pobj", "attr", "dative", "oprd", "acomp"})


@dataclass(frozen=True)
class _Unit:
    """One clause of a sentence: what a statement is made of."""

    sentence: Sentence
    text: str
    stems: frozenset[str]
    plain: frozenset[str]  # stems of the words written in lower case: what is said, not who
    told: bool  # the clause ends its sentence with a full stop: said, not a heading or an aside
    negated: bool  # it holds a negation ("Holbrooke issued no statement after the meeting")
    figures: frozenset[str]  # the numbers written in digits ("30 p.m. Wednesday": 30)
    sequence: tuple[str, ...]  # its content stems in order, "non-" joined: what phrases are of
    said: bool  # its sentence ends with a full stop: a statement, not a heading or a question


def statement_facts(
    sentences: Mapping[str, Sequence[Sentence]],
    family_of: Mapping[str, int],
    weights: Mapping[str, float],
    settings: FactSettings = DEFAULT.facts,
    covered: Mapping[Sentence, Sequence[frozenset[str]]] = {},
    made: Sequence[Fact] = (),
) -> list[Fact]:
    """The statements of the cluster stated by two or more families, most families first.

    ``covered`` gives, for a sentence holding a value fact's claim, that fact's sources: a
    statement whose articles one of its sentences' value facts already has adds nothing (the
    "85-month prison term" sentence is the fact "85 months", sourced wider by its figure).
    ``made``: statements found before (how someone died): a phrase one of them says, by its
    articles, adds nothing either ("died at an area hospital").
    """
    if settings.max_statement_facts <= 0:
        return []
    pool = _pool(sentences, settings)
    if len({family_of.get(u.sentence.article_id, 0) for u in pool}) < 2:
        return []
    family = [family_of.get(u.sentence.article_id, 0) for u in pool]
    short = [len(u.stems) < settings.statement_min_stems for u in pool]
    near, close = _links(pool, family, short, weights, settings)

    def families(i: int) -> int:
        return len({family[k] for k in (i, *near[i])})

    seeds = sorted(
        (i for i in near if near[i] and not short[i]),
        key=lambda i: (-families(i), -len(near[i]), pool[i].sentence.index, i),
    )
    used: set[int] = set()
    out: list[Fact] = []
    said: list[tuple[frozenset[str], frozenset[str]]] = []  # what each statement says, by whom
    for i in seeds:
        if len(out) >= settings.max_statement_facts:
            break
        if i in used:
            continue
        # a clause seeds one statement at most, but it may confirm several (a sentence of
        # one report holds what two sentences of another say)
        members = [i, *near[i]]
        # ... and a clause of another family close to the seed that the members say together
        # ("The shooter used a single handgun registered to her and multiple magazines" /
        # "used a 9 mm Glock pistol and brought several magazines" + "a 9 mm Glock handgun,
        # was registered and owned by Moseley")
        together = frozenset().union(*(pool[k].stems for k in members))
        told_by = {family[k] for k in members}
        for k in close[i]:
            if family[k] not in told_by and _says(pool[k].stems, together, weights, settings):
                members.append(k)
        articles = frozenset(pool[k].sentence.article_id for k in members)
        independent = len({family[k] for k in members})
        if independent < 2:
            continue
        if any(articles <= known for k in members for known in covered.get(pool[k].sentence, ())):
            continue
        used.update(members)
        shown = _clearest(pool, members, family, weights)
        seed = pool[shown]
        shared = frozenset().union(*(pool[k].stems & seed.stems for k in members if k != shown))
        said.append((frozenset(seed.sequence), articles))  # (what a reader sees said)
        out.append(
            Fact(
                about=_shared_words(seed.text, shared, settings.statement_about_words),
                kind="statement",
                value=seed.text,
                text=seed.sentence.text,
                sources=tuple(a for a in sentences if a in articles),
                independent_sources=independent,
                status="corroborated",
            )
        )
    said += [
        (frozenset(content_stems(_NON.sub(r"\1", f.text))), frozenset(f.sources)) for f in made
    ]
    room = settings.max_statement_facts - len(out)
    return out + _phrase_statements(pool, family, sentences, weights, settings, said, room, covered)


def _phrase_statements(
    pool: Sequence[_Unit],
    family: Sequence[int],
    sentences: Mapping[str, Sequence[Sentence]],
    weights: Mapping[str, float],
    settings: FactSettings,
    said: list[tuple[frozenset[str], frozenset[str]]],
    room: int,
    covered: Mapping[Sentence, Sequence[frozenset[str]]],
) -> list[Fact]:
    """Statements of a phrase other families write alike, where the rest of their clauses
    differs ("Malaysian toxicology reports indicate he was attacked using VX nerve agent" /
    "The banned chemical weapon VX nerve agent was used to kill Kim Jong Nam"): the value is
    the phrase as one member writes it, the text that member's clause (as :func:`_clearest`
    picks it, among those writing no figure if any do). Phrases with most families first; a
    phrase the statements before say already, by the same articles, adds nothing."""
    if room <= 0:
        return []
    found = _phrases(pool, family, settings)
    # each clause's phrases, and the families of the other clauses writing each
    candidates = []
    for i, mine in found.items():
        for phrase in {p for _, p in mine}:
            members = {i: phrase} | {
                j: p
                for j, p in mine
                if len(p & phrase) >= min(len(phrase), settings.statement_phrase_stems)
            }
            families = {family[k] for k in members}
            if len(families) >= 2:
                weight = math.fsum(weights.get(w, 1.0) for w in phrase)
                candidates.append((-len(families), -weight, pool[i].sentence.index, i, members))
    candidates.sort(key=lambda c: c[:4])

    def walk(
        said: list[tuple[frozenset[str], frozenset[str]]],
        read: Callable[[str, frozenset[str]], tuple[str, str] | None],
    ) -> list[Fact]:
        out: list[Fact] = []
        spent: dict[int, set[str]] = {}  # the words of each clause a phrase statement holds
        for *_, i, members in candidates:
            if len(out) >= room:
                break
            phrase = members[i]
            if any(
                len(words & spent.get(k, set())) >= settings.statement_shared_plain
                for k, words in members.items()
            ):
                continue  # a clause's statement of these words is made ("annual general meeting")
            articles = frozenset(pool[k].sentence.article_id for k in members)
            most = math.ceil(settings.statement_similarity * len(phrase))
            if any(articles <= known and len(phrase & w) > most for w, known in said):
                continue  # (most of it) said already, by these articles
            # shown where no figure is written, if it can be: a figure is a value fact's, which
            # may say it by more articles already ("an agreed-upon 85-month prison term")
            plain = [k for k in members if not _figured(pool[k].text)]
            if not plain and any(
                articles <= known for k in members for known in covered.get(pool[k].sentence, ())
            ):
                continue
            shown = _clearest(pool, plain or list(members), family, weights)
            unit = pool[shown]
            readable = read(unit.text, members[shown])
            if readable is None:
                continue  # a fragment ("last week and is taking"): no statement a person reads
            written, about = readable
            said.append((phrase, articles))
            for k, words_k in members.items():
                spent.setdefault(k, set()).update(words_k)
            out.append(
                Fact(
                    about=about,
                    kind="statement",
                    value=written,
                    text=unit.text,
                    sources=tuple(a for a in sentences if a in articles),
                    independent_sources=len({family[k] for k in members}),
                    status="corroborated",
                )
            )
        return out

    # The clauses shown parsed in one batch first (one parse each costs ~3 ms, mostly the
    # call's): those shown if every phrase reads, on a copy of what is said. A phrase that
    # does not read may have a later clause parsed alone.
    wanted: list[str] = []

    def reads(text: str, _: frozenset[str]) -> tuple[str, str]:
        wanted.append(text)
        return "", ""

    walk(list(said), reads)
    nlp.docs(wanted, nlp.NO_NER)
    return walk(
        said,
        lambda text, phrase: _readable(
            text,
            _written(text, phrase, settings.statement_phrase_gap),
            settings.statement_about_words,
        ),
    )


def _figured(text: str) -> bool:
    """Whether ``text`` writes a figure, in digits or in words."""
    return _FIGURE.search(text) is not None or not NUMBER_WORDS.keys().isdisjoint(words(text))


def _phrases(
    pool: Sequence[_Unit], family: Sequence[int], settings: FactSettings
) -> dict[int, list[tuple[int, frozenset[str]]]]:
    """For each clause, (other clause, the phrase's stems) of each clause of another family
    writing a phrase alike with it (:func:`_alike`): statement_phrase_stems stems at least,
    written together in both (no more than statement_phrase_gap other content words among
    them), not names only, said in full sentences, negated in both or neither, and with the
    same figures among them if both write figures there."""
    out: dict[int, list[tuple[int, frozenset[str]]]] = {}
    least = settings.statement_phrase_stems
    sets = [frozenset(u.sequence) for u in pool]
    for i, j in pairs_sharing(sets, least):
        a, b = pool[i], pool[j]
        if family[i] == family[j] or not (a.said and b.said) or a.negated != b.negated:
            continue
        if max(len(a.stems), len(b.stems)) < settings.statement_min_stems:
            continue  # two short clauses alike are no statement of their own, as above
        shared = frozenset(
            w for w in sets[i] & sets[j] if not w.isdigit()
        )  # (figures: value facts)
        # the phrase is some of ``shared``: too few of them (in lower case) fail the tests below
        if len(shared) < least or len(shared & a.plain & b.plain) < settings.statement_shared_plain:
            continue
        found = _alike(a.sequence, b.sequence, shared, settings.statement_phrase_gap)
        if found is None:
            continue
        phrase, span_a, span_b = found
        plain = len(phrase & a.plain & b.plain)
        if len(phrase) < least or plain < settings.statement_shared_plain:
            continue
        if plain < settings.statement_phrase_plain and len(phrase) <= least:
            continue  # three words, one a name ("chief of Malaysia's police"): too common
        in_a = frozenset(a.sequence[span_a[0] : span_a[1] + 1])
        in_b = frozenset(b.sequence[span_b[0] : span_b[1] + 1])
        if _figures(in_a) != _figures(in_b):
            continue  # "pay $80 for 30 minutes" / "pay $100 for 30 minutes"
        # a figure just before or after may be the phrase's too: "a 4-year-old boy" / "an
        # 11-year-old boy" (one report giving it and the other not is no contradiction)
        near_a = _figures(a.sequence[max(0, span_a[0] - 1) : span_a[1] + 2])
        near_b = _figures(b.sequence[max(0, span_b[0] - 1) : span_b[1] + 2])
        if near_a and near_b and near_a != near_b:
            continue
        if _denied(in_a, in_b) or _denied(in_b, in_a):
            continue  # "a binding shareholder vote" / "a nonbinding shareholder vote"
        out.setdefault(i, []).append((j, phrase))
        out.setdefault(j, []).append((i, phrase))
    return out


def _figures(stems: Iterable[str]) -> frozenset[str]:
    return frozenset(w for w in stems if w.isdigit())


def _denied(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether ``a`` writes a word of ``b`` with "non" before it ("nonbind" / "bind")."""
    return any(w.startswith("non") and w[3:] in b for w in a)


def _alike(
    a: Sequence[str], b: Sequence[str], shared: frozenset[str], gap: int
) -> tuple[frozenset[str], tuple[int, int], tuple[int, int]] | None:
    """The most stems of ``shared`` written together in both ``a`` and ``b`` (a run holding at
    most ``gap`` other stems), and the run's span in each: the runs of ``a``, each narrowed
    to what a run of ``b`` holds of it, and back, until they agree."""
    best: tuple[frozenset[str], tuple[int, int], tuple[int, int]] | None = None
    tried: set[frozenset[str]] = set()
    for run in _runs(a, shared, gap):
        words = run[0]
        # narrowing only drops words: a run no longer than the best, or tried, changes nothing
        if (best is not None and len(words) <= len(best[0])) or words in tried:
            continue
        tried.add(words)
        for _ in range(4):  # (agreement comes in a step or two)
            there = _longest(b, words, gap)
            if there is None:
                break
            back = _longest(a, there[0], gap)
            if back is None:
                break
            if back[0] == words == there[0]:
                if best is None or len(words) > len(best[0]):
                    best = (words, back[1], there[1])
                break
            words = back[0] & there[0]
    return best


def _longest(
    sequence: Sequence[str], marks: frozenset[str], gap: int
) -> tuple[frozenset[str], tuple[int, int]] | None:
    """The first of the runs of :func:`_runs` with most words of ``marks``, if any."""
    return max(_runs(sequence, marks, gap), key=lambda r: len(r[0]), default=None)


def _runs(
    sequence: Sequence[str], marks: frozenset[str], gap: int
) -> list[tuple[frozenset[str], tuple[int, int]]]:
    """The runs of ``sequence`` from one word of ``marks`` to another holding at most ``gap``
    other words, longest from each start: their words of ``marks`` and their span."""
    at = [n for n, w in enumerate(sequence) if w in marks]
    out = []
    end = 0
    # a later start holds fewer other words up to each end: the end only moves on
    for start in range(len(at)):
        end = max(end, start)
        while end + 1 < len(at) and at[end + 1] - at[start] - (end + 1 - start) <= gap:
            end += 1
        out.append((frozenset(sequence[n] for n in at[start : end + 1]), (at[start], at[end])))
    return out


def _readable(text: str, span: tuple[int, int], most: int) -> tuple[str, str] | None:
    """The phrase at ``span`` of the clause ``text`` as a person reads it, and what it is
    about, by the clause's parse: from a content word to a content word (no "since", "he
    allegedly", "the whole" at its ends), over a figure joined by a hyphen ("4-year-old"),
    quotes and brackets balanced, one piece of the parse (no "last week and is taking") and
    missing no object of its words ("children are going to see"). ``about`` is the subject and
    verb of the clause the phrase is in ("Malaysian toxicology reports indicate"), or "" when
    the clause writes none apart from the phrase (the value again would tell nothing)."""
    doc = phrases.parse(text)
    start, end = span
    tokens = [t for t in doc if t.idx >= start and t.idx + len(t) <= end]
    while tokens and _bare(tokens[0]):
        tokens.pop(0)
    while tokens and _bare(tokens[-1]):
        tokens.pop()
    # a figure joined by a hyphen is the phrase's ("4-year-old boy", not "year-old boy")
    while tokens and tokens[0].i >= 2 and doc[tokens[0].i - 1].text in "-‐–":
        joined = doc[tokens[0].i - 2]
        if joined.idx + len(joined) != doc[tokens[0].i - 1].idx or not joined.text[-1].isdigit():
            break
        tokens[:0] = [joined, doc[tokens[0].i - 1]]
    if not tokens:
        return None
    if tokens[0].lower_ in ("year", "month") and [t.lower_ for t in doc[tokens[0].i + 1 :][:2]] == [
        "-",
        "old",
    ]:
        return None  # "a dead year-old boy": the source lost the age, the phrase would too
    inside = {t.i for t in _piece(doc, tokens)}
    heads = [t for t in doc if t.i in inside and (t.head.i not in inside or t.head is t)]
    if len(heads) != 1:
        return None  # two pieces of the clause, not one phrase
    if any(
        c.i not in inside and c.dep_ in _OBJECTS for t in doc if t.i in inside for c in t.children
    ):
        return None  # "children are going to see" (what?)
    value = _closed(doc, tokens[0].i, tokens[-1].i)
    if value is None:
        return None
    return value, _subject(heads[0], inside, most) or _beside(heads[0], inside, most)


def _bare(token: Token) -> bool:
    """Whether a phrase may not start or end on ``token``: a function word (a figure in
    words, "two", is a stop word but no function word)."""
    return token.pos_ in _BARE or (token.lower_ in STOPWORDS and token.pos_ != "NUM")


def _subject(head: Token, inside: set[int], most: int) -> str:
    """The subject and verb of the nearest verb at or above ``head`` whose subject is outside
    the phrase (``inside``) and not a pronoun, as written, if at most ``most`` words."""
    for verb in (head, *head.ancestors):
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        for child in verb.children:
            if child.dep_ not in ("nsubj", "nsubjpass") or child.i in inside:
                continue
            words_of = list(child.subtree)
            if all(t.pos_ == "PRON" for t in words_of) or any(t.i in inside for t in words_of):
                continue
            low = words_of[0].i
            # (a verb of no content of its own tells nothing: "Vogelsang", not "Vogelsang is")
            said = verb.i not in inside and verb.i > low and verb.lemma_ not in _LIGHT
            high = verb.i if said else words_of[-1].i
            piece = head.doc[low : high + 1]
            if any(t.i in inside for t in piece) or len(piece) > most:
                piece = head.doc[low : words_of[-1].i + 1]
            if len(piece) <= most:
                return piece.text
    return ""


def _beside(head: Token, inside: set[int], most: int) -> str:
    """The words from the nearest verb above the phrase (``inside``) toward it (or on, when it
    is the verb's subject), at most ``most``, from and to a content word ("warned that the
    `useless` liaison office" of "Kim Yo-jong, the North Korean leader's sister"), as written;
    "" if fewer than two."""
    verb = next((t for t in head.ancestors if t.pos_ in ("VERB", "AUX")), None)
    if verb is None or verb.i in inside:
        return ""
    low, high = min(inside), max(inside)
    doc = head.doc
    if verb.i > high:  # the phrase is what the verb is said of: the verb and what it says
        tokens = list(doc[verb.i : min(verb.right_edge.i + 1, verb.i + most)])
    else:
        tokens = list(doc[verb.i : min(low, verb.i + most)])
    while tokens and _bare(tokens[0]):
        tokens.pop(0)
    while tokens and _bare(tokens[-1]):
        tokens.pop()
    if len([t for t in tokens if not t.is_punct]) < 2:
        return ""
    return doc[tokens[0].i : tokens[-1].i + 1].text


def _piece(doc: Doc, tokens: list[Token]) -> Span:
    """The tokens of ``doc`` from the first of ``tokens`` to the last."""
    return doc[tokens[0].i : tokens[-1].i + 1]


def _closed(doc: Doc, first: int, last: int, reach: int = 3) -> str | None:
    """The text of ``doc[first : last + 1]`` with its quotes and brackets closed, taking up
    to ``reach`` tokens either side ("chest pain (angina)", "“lesser scale” than the
    government abuses"); None if that does not close them."""
    for low in range(first, max(-1, first - reach - 1), -1):
        for high in range(last, min(len(doc), last + reach + 1)):
            value = doc[low : high + 1].text
            if _balanced(value):
                return value
    return None


def _balanced(value: str) -> bool:
    """Whether every bracket and double quote ``value`` opens it closes, and back."""
    for opening, closing in (("(", ")"), ("[", "]"), ("“", "”")):
        if value.count(opening) != value.count(closing):
            return False
    return value.count('"') % 2 == 0


def _written(text: str, phrase: frozenset[str], gap: int) -> tuple[int, int]:
    """The phrase as ``text`` writes it: the run of its words holding most of them (as
    :func:`_alike` finds it), from its first word to its last."""
    pieces = [(m, len(content_stems(_NON.sub(r"\1", m.group())))) for m in _WORD.finditer(text)]
    sequence = [w for m, _ in pieces for w in content_stems(_NON.sub(r"\1", m.group()))]
    run = _longest(sequence, phrase, gap)
    if run is None:
        return 0, len(text)
    low, high = run[1]
    at = 0
    first = last = None
    for m, n in pieces:
        if n and first is None and at + n > low:
            first = m
        if n and at <= high:
            last = m
        at += n
    if first is None or last is None:
        return 0, len(text)
    return first.start(), last.end()


def _links(
    pool: Sequence[_Unit],
    family: Sequence[int],
    short: Sequence[bool],
    weights: Mapping[str, float],
    settings: FactSettings,
) -> tuple[dict[int, list[int]], dict[int, list[int]]]:
    """For each clause of ``pool``, the clauses of other families saying what it says (the
    members of the statement it seeds) and those only close to it (members when the
    statement's members together say them)."""
    # a short clause ("He had a seizure and died on the way to hospital.") confirms what a
    # longer one says when it is said in full: no heading ("Who was Kim Jong-nam"), no aside
    # ("While the plane's black boxes —")
    told = [u.told or not s for u, s in zip(pool, short, strict=True)]
    least = min(settings.statement_shared_stems, settings.statement_short_shared_stems)
    near: dict[int, list[int]] = {i: [] for i in range(len(pool))}
    close: dict[int, list[int]] = {i: [] for i in range(len(pool))}
    masses: dict[int, float] = {}  # each clause's weight, once (it is in many pairs)
    for i, j in pairs_sharing([u.stems for u in pool], least):
        if family[i] == family[j]:
            continue  # one family saying it twice is one witness
        if (short[i] and short[j]) or not (told[i] and told[j]):
            continue  # a short clause confirms a longer one, said in full
        if len(pool[i].plain & pool[j].plain) < settings.statement_shared_plain:
            continue  # the same names ("Rhys Holleran ... 2Day FM"), not the same statement
        for k in (i, j):
            if k not in masses:
                masses[k] = mass(pool[k].stems, weights)
        similarity = overlap(pool[i].stems, pool[j].stems, weights, (masses[i], masses[j]))
        shared = len(pool[i].stems & pool[j].stems)
        if short[i] or short[j]:
            # a short clause holds few words: it must hold most of its weight in the longer
            # one, say "no" where that says "no", and write no figure that one does not
            brief, full = (pool[i], pool[j]) if short[i] else (pool[j], pool[i])
            if (
                shared >= settings.statement_short_shared_stems
                and similarity >= settings.statement_short_similarity
                and brief.negated == full.negated
                and brief.figures <= full.figures
            ):
                near[i].append(j)
                near[j].append(i)
            continue
        if similarity >= settings.statement_similarity and (
            shared >= settings.statement_shared_stems
        ):
            near[i].append(j)
            near[j].append(i)
        elif similarity >= settings.statement_close_similarity:
            # (sharing statement_short_shared_stems may do here: _says asks for more of the
            # members together)
            close[i].append(j)
            close[j].append(i)
    return near, close


def _clearest(
    pool: Sequence[_Unit],
    members: Sequence[int],
    family: Sequence[int],
    weights: Mapping[str, float],
) -> int:
    """The member shown: the clause holding most (by weight) of the words the other families'
    members use, then the one saying most, then the seed (the first)."""
    saying: dict[str, set[int]] = {}  # the families using each word
    for k in members:
        for w in pool[k].stems:
            saying.setdefault(w, set()).add(family[k])

    def rank(n: int) -> tuple[float, float, int]:
        k = members[n]
        stems = pool[k].stems
        shared = math.fsum(weights.get(w, 1.0) for w in stems if saying[w] - {family[k]})
        return shared, math.fsum(weights.get(w, 1.0) for w in stems), -n

    return members[max(range(len(members)), key=rank)]


def _says(
    stems: frozenset[str],
    together: frozenset[str],
    weights: Mapping[str, float],
    settings: FactSettings,
) -> bool:
    """Whether a clause's words are mostly those of a statement's members together."""
    return len(stems & together) >= settings.statement_shared_stems and (
        overlap(stems, together, weights) >= settings.statement_similarity
    )


def _pool(sentences: Mapping[str, Sequence[Sentence]], settings: FactSettings) -> list[_Unit]:
    """The clauses long enough to state something; for a long story (more than
    statement_max_sentences clauses that may seed), those of the articles' opening sentences,
    where reports say what happened, so pairing stays bounded: the first clauses that may
    seed, by sentence index, and the short clauses of the sentences before the last of those
    sentences."""
    every = [
        _Unit(
            sentence=s,
            text=part,
            stems=stems,
            plain=_plain(part, stems),
            told=_told(part),
            negated=_NEGATION.search(part) is not None,
            figures=frozenset(_FIGURE.findall(part)),
            # (_NON needs a hyphen: without one the stems are those above)
            sequence=tuple(content_stems(_NON.sub(r"\1", part)) if "-" in part else order),
            said=_told(s.text),
        )
        for ss in sentences.values()
        for s in ss
        for part in _clauses(s.text)
        if settings.statement_member_min_stems
        <= len(stems := frozenset(order := content_stems(part)))
        <= settings.statement_max_stems
    ]
    long = [k for k, u in enumerate(every) if len(u.stems) >= settings.statement_min_stems]
    if len(long) <= settings.statement_max_sentences:
        return every
    # the clauses that may seed count, the short ones of the same opening sentences come too
    ranked = sorted(long, key=lambda k: (every[k].sentence.index, k))
    kept = ranked[: settings.statement_max_sentences]
    last = every[kept[-1]].sentence.index
    short = [
        k
        for k, u in enumerate(every)
        if len(u.stems) < settings.statement_min_stems and u.sentence.index < last
    ]
    return [every[k] for k in sorted((*kept, *short))]


def _shared_words(text: str, shared: frozenset[str], most: int) -> str:
    """What the statement is about, as written: the run of at most ``most`` words of the
    clause from the first word the other reports write too to the last such word in reach
    ("Unification Ministry of South Korea confirmed"), one piece of the sentence."""
    spans = list(_WORD.finditer(text))
    hits = [n for n, m in enumerate(spans) if shared & set(content_stems(m.group()))]
    if not hits:
        return text
    last = max(n for n in hits if n < hits[0] + most)
    return text[spans[hits[0]].start() : spans[last].end()]


def _plain(text: str, stems: frozenset[str]) -> frozenset[str]:
    """The stems of ``text`` not written capitalised anywhere in it (cheaper than stemming
    the lower-case words again: capitalised words are few)."""
    # (stemmed in one call: a call per word costs more than the stemming)
    # (the names' words read in one call: a space between two names splits them as well)
    named = set(stem_words(words(" ".join(_CAPITALISED.findall(text)))))
    return stems - named


def _told(text: str) -> bool:
    """Whether ``text`` ends on a full stop, closing quotes or brackets after it (a string
    test, not a regular expression searched from every character)."""
    return text.rstrip(_CLOSING).endswith(".") or (
        text.endswith("\n") and text[:-1].rstrip(_CLOSING).endswith(".")
    )


def _clauses(text: str) -> list[str]:
    """The clauses of a sentence, as written."""
    return [p.strip(" ,;:—–") for p in _CLAUSE.split(text) if p and p.strip(" ,;:—–")]
