"""Extractive, cited summary of a cluster: which sentences, in what order, from whom.

The method is concept coverage (Gillick & Favre 2009). A *concept* is a pair of adjacent word
stems, not both function words. Its weight sums, over independent sources (families, so wire
copies count once), how prominently each source states it:

* position: a bonus for appearing early in an article, where news puts what matters, halving
  every few sentences;
* repetition: a log bonus for the number of *distinct* sentences of the family that state it, so
  a source that keeps coming back to a point weighs it more, while identical copies of one
  sentence (wire copies) still count once.

Concepts stated by too few families are dropped (Boudin et al. 2015's concept pruning). An integer
program (HiGHS, via scipy's milp) picks the sentences that cover the most concept weight within
the word budget; covering a concept twice earns nothing, so most redundancy is avoided by
construction. What word pairs miss (one fact worded two ways) two constraints catch: two chosen
sentences may not share more than half of their content words (unless one gives the lead a
year it lacks: its background), nor report the same day's happening in shared words. A
sentence of an article pasted from a machine translator (spacing faults no newsroom makes)
costs half the weight it carries, so a fluent report's sentence on the same point wins.

Candidates are source sentences, whole or shortened by :mod:`newsfuse.fusion.compress` (an
attribution, appositive, parenthetical or trailing clause taken out, as the parse allows), so
every summary sentence is a grammatical part of a source sentence, and the program chooses
between the versions of one sentence. A leading discourse connective ("However,") is taken
off; sentences that open by pointing at what the reader has not seen ("He", "The same day",
"Earlier,") cannot stand alone and are not candidates.

The summary opens with the event: the lead sentence most carried by the sources' own leads
(shortened to fit when the budget is small), fixed in the program before the rest is chosen.
The others follow in an order a reader can follow: news before background (sentences about
dates well before their report's), oldest report first, then article order. Each sentence is
attributed to every article that states its content, not only the one it was taken from.
"""

from __future__ import annotations

import datetime as dt
import functools
import heapq
import itertools
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import coo_array, csr_array, triu

from newsfuse.fusion import compress, nlp, screen
from newsfuse.fusion import dates as dating
from newsfuse.fusion.text import (
    NAME_PARTICLES,
    PERSON_TITLES,
    STOPWORDS,
    content_stems,
    stem,
    stems,
    word_count,
    word_stems,
    words,
)
from newsfuse.models import Article, Evidence, Family, Sentence, Summary, SummarySentence
from newsfuse.settings import DEFAULT, SummarySettings

if TYPE_CHECKING:
    from spacy.tokens import Token

Concept = tuple[str, str]


_QUOTE_OPENERS = ('"', "“", "``", "'", "‘", "`")
# Openers that refer back to a sentence the reader of a summary has not seen.
_DANGLING = frozenset(
    "that this these those it he she they his her their its him them but and or also however "
    "meanwhile still yet instead so then there here such both others some another earlier later "
    "afterwards afterward subsequently previously thereafter besides otherwise".split()
)
# Longer openers that point elsewhere: "A day later", "At the time", "The move", "The same".
_DANGLING_OPENER = re.compile(
    r"(?:a|one|two|three|several|hours|days|weeks|minutes|months|years)\s+(?:\w+\s+)?"
    r"(?:later|earlier|before|after)\b"
    r"|(?:at|by|since|until|before|after)\s+(?:that|this|then)\b"
    r"|the\s+(?:move|decision|incident|announcement|statement|remarks|comments|step|report|"
    r"latest|former|latter|two|three|four|pair|couple)\b"
    r"|the\s+same\b(?!-)",  # "The same is true of ...", not "The same-sex ..."
    re.IGNORECASE,
)
# Anywhere in a sentence, a time only an earlier sentence fixes: "on the same day", "the
# following week", "has since made".
_DANGLING_TIME = re.compile(
    r"\b(?:the\s+)?(?:same|next|following|previous|preceding)\s+"
    r"(?:day|night|morning|afternoon|evening|week|month|year|time|date)\b"
    r"|\b(?:that|this)\s+(?:day|night|morning|afternoon|evening)\b(?!\s+of\b)"
    r"|\b(?:have|has|had)\s+since\b",
    re.IGNORECASE,
)
# A title standing for a person never named in the sentence: "... and the President."
_BARE_TITLE = re.compile(
    r"\bthe\s+(?:President|Prime\s+Minister|Premier|Chancellor|Minister|Secretary|Governor|"
    r"Mayor|King|Queen|Emperor|Pope|Chairman|Leader)\b(?!\s+(?:of\b|[A-Z]))"
)
# Leading connectives that only relate a sentence to the one before it in its article: taking
# them off leaves the claim as it was. Only with their comma ("But for the rain, ..." stays).
_CONNECTIVE = re.compile(
    r"(?:however|meanwhile|still|indeed|instead|also|moreover|furthermore|in addition|"
    r"additionally|nevertheless|nonetheless|but|and|besides|likewise|similarly|in fact|so),\s+"
    r"(?=[A-Za-z])",
    re.IGNORECASE,
)
# A dash opening a sentence marks an item of a list in wire copy ("— Finally, ..."), not words.
_LEADING_DASH = re.compile(r"^(?:[—–•]|--)\s+")
# A live blog stamps each entry with its clock time: "1:18 A.M. U.S. Secretary of State ...".
_CLOCK_STAMP = re.compile(r"^\d{1,2}:\d\d\s*[AP]\.?M\.?\s+(?=[A-Z])", re.IGNORECASE)
# A transcript's speaker label ("TRUMP: ...", "LIASSON: ..."): what follows is a quote.
_SPEAKER_LABEL = re.compile(r"^[A-Z][A-Z.'\- ]{1,30}:\s")
# A name may open on a particle in lower case ("de Klerk has said ..."): that opens a sentence.
# (A name's particles, but "of", which opens no name, and "al"/"el", which open clauses too.)
_NAME_PARTICLE = re.compile(
    r"^(?:{})\s+[A-Z]".format("|".join(sorted(NAME_PARTICLES - {"of", "al", "el"})))
)
# A when: what a lead sentence says to date its news ("on Tuesday", "yesterday", "June 16").
_WHEN = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tonight|"
    r"overnight|this (?:morning|afternoon|evening|week)|last (?:night|week)|earlier this \w+|"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2})\b"
)


@dataclass(frozen=True)
class _Option:
    """One way a source sentence can enter the summary: whole, or shortened (``compress``)."""

    sentence: Sentence
    text: str

    @property
    def words(self) -> int:
        return word_count(self.text)


def summarize(
    articles: Sequence[Article],
    sentences: Mapping[str, Sequence[Sentence]],
    families: Sequence[Family],
    words: int,
    settings: SummarySettings | None = None,
) -> Summary:
    """Choose, shorten and order summary sentences within ``words`` words, each with its
    sources. The result is empty, with a ``note`` saying why, when nothing fits."""
    settings = settings or DEFAULT.summary
    family_of = {m: f.id for f in families for m in f.members}
    text = {s: _trim(s.text) for ss in sentences.values() for s in ss}
    by_text: dict[str, frozenset[Concept]] = {}  # wire copies repeat sentences verbatim
    concepts = {s: by_text.get(t) or by_text.setdefault(t, _concepts(t)) for s, t in text.items()}
    weights = _concept_weights(sentences, concepts, family_of, len(families), settings)
    candidates = _candidates(articles, sentences, text, concepts, settings)
    if not candidates:
        return Summary((), note="no sentence of the articles can stand alone in a summary")
    leads = _lead_sentences(candidates, family_of, concepts, weights, settings)
    base = _bases(articles)
    stated = _Statements(sentences, text, base, settings)
    garbled = {a.id for a in articles if screen.paste_artifacts(a.text) >= settings.garbled_share}
    content: dict[_Option, frozenset[str]] = {}

    def cited(o: _Option) -> tuple[str, ...]:
        return tuple(s.article_id for s in stated.supporting(o.sentence, content[o]))

    # The pool of the densest candidates mostly fills the budget. On a big story it can be
    # all short restatements of its most common concept ("the Gulf of Mexico"), which the
    # program may not combine: then the pool is chosen again with each concept discounted for
    # the pool sentences already holding it (``pool_repeat``; 800 BP oil spill reports gave 122
    # words of 250 before).
    for repeat in (1.0, settings.pool_repeat):
        pool = _densest(candidates, text, concepts, weights, words, settings, repeat)
        options = _options(list(dict.fromkeys([*leads, *pool])), text, settings)
        fitting = [o for o in options if o.words <= words]
        if not fitting:
            shortest = min(o.words for o in options)
            return Summary(
                (),
                note=f"the word budget {words} is too small for any sentence "
                f"(shortest candidate: {shortest} words)",
            )
        option_concepts = {o: _concepts(o.text) for o in fitting}
        content.update((o, frozenset(content_stems(o.text))) for o in fitting)
        lead = _lead(fitting, leads, cited, family_of, words, settings)
        anchors = _anchors(fitting, articles)
        chosen = _select(
            fitting, lead, option_concepts, content, anchors, weights, words, settings, garbled
        )
        filled = sum(o.words for o in chosen) >= settings.pool_min_fill * words
        if filled or len(pool) == len(candidates):
            break
    ordered = _order(chosen, lead, articles, sentences)
    # Paraphrases are looked for only for what is kept: it takes a parse of the sentence.
    keys = _keys(
        [o.text for o in ordered], [_days(o.text, base[o.sentence.article_id]) for o in ordered]
    )
    return Summary(
        _summary_sentence(o.text, stated.supporting(o.sentence, content[o], k))
        for o, k in zip(ordered, keys, strict=True)
    )


def _bases(articles: Sequence[Article]) -> dict[str, dt.date | None]:
    """The date each article's relative dates are read against: its publication date, or the
    reports' median one."""
    known = sorted(a.published for a in articles if a.published)
    reference = known[len(known) // 2] if known else None
    return {a.id: a.published or reference for a in articles}


def _summary_sentence(text: str, evidence: Sequence[Sentence]) -> SummarySentence:
    return SummarySentence(
        text=text,
        sources=tuple(s.article_id for s in evidence),
        evidence=tuple(
            Evidence(article_id=s.article_id, index=s.index, text=s.text) for s in evidence
        ),
    )


def _trim(text: str) -> str:
    """``text`` without a leading discourse connective, capitalised again."""
    text = _CLOCK_STAMP.sub("", _LEADING_DASH.sub("", text))
    m = _CONNECTIVE.match(text)
    if not m:
        return text
    rest = text[m.end() :]
    return rest[0].upper() + rest[1:]


@functools.lru_cache(maxsize=1 << 16)
def _concepts(text: str) -> frozenset[Concept]:
    """Adjacent stem pairs, not both function words (cached: a sentence's whole version is
    read as a sentence and as a candidate)."""
    tokens, stemmed = word_stems(text)
    stop = [t in STOPWORDS for t in tokens]
    return frozenset(
        (stemmed[i], stemmed[i + 1])
        for i in range(len(tokens) - 1)
        if not (stop[i] and stop[i + 1])
    )


def _concept_weights(
    sentences: Mapping[str, Sequence[Sentence]],
    concepts: Mapping[Sentence, frozenset[Concept]],
    family_of: Mapping[str, int],
    n_families: int,
    settings: SummarySettings,
) -> dict[Concept, float]:
    # Per family: the best position any member states a concept at, and how many distinct
    # sentences state it (a wire copy repeats sentences verbatim, so it adds none).
    position: dict[Concept, dict[int, float]] = {}
    repeats: dict[Concept, dict[int, int]] = {}
    seen: set[tuple[int, str]] = set()
    for article_id, ss in sentences.items():
        fam = family_of[article_id]
        for s in ss:
            pos = 1.0 + settings.position_bonus * 0.5 ** (s.index / settings.position_decay)
            new = (fam, s.text) not in seen
            seen.add((fam, s.text))
            for c in concepts[s]:
                per_family = position.setdefault(c, {})
                if pos > per_family.get(fam, 0.0):
                    per_family[fam] = pos
                if new:
                    count = repeats.setdefault(c, {})
                    count[fam] = count.get(fam, 0) + 1
    min_families = max(1, min(3, round(settings.min_sources_share * n_families)))
    return {
        c: sum(p + settings.repeat_bonus * math.log(repeats[c][f]) for f, p in per_family.items())
        for c, per_family in position.items()
        if len(per_family) >= min_families
    }


def _candidates(
    articles: Sequence[Article],
    sentences: Mapping[str, Sequence[Sentence]],
    text: Mapping[Sentence, str],
    concepts: Mapping[Sentence, frozenset[Concept]],
    settings: SummarySettings,
) -> list[Sentence]:
    """Sentences fit to stand in a summary, one per distinct text (the oldest report's copy)."""
    rank = {a.id: (a.published or dt.date.max, i) for i, a in enumerate(articles)}
    best: dict[str, Sentence] = {}
    for ss in sentences.values():
        for k, s in enumerate(ss):
            t = text[s]
            if not concepts[s] or not _is_candidate(t, settings):
                continue
            # A sentence cut at a title ("... under way, with Rep."), or the rest after such a
            # cut ("Bob Livingston conducting ..."), is half of one.
            if _cut_at_title(s.text) or (k and _cut_at_title(ss[k - 1].text)):
                continue
            kept = best.get(t)
            if kept is None or (rank[s.article_id], s.index) < (rank[kept.article_id], kept.index):
                best[t] = s
    return sorted(best.values(), key=lambda s: (rank[s.article_id], s.index))


# Titles that stand before a name and never end a sentence.
_TITLES = frozenset(
    "Rep Reps Sen Sens Gov Gen Gens Dr Mr Mrs Ms Messrs Lt Col Sgt Capt Adm Rev Prof Maj "
    "Cmdr Atty Supt".split()
)


def _cut_at_title(text: str) -> bool:
    """Whether ``text`` ends on a title's abbreviation ("... with Rep.", "said Ms."): the
    splitter took the title's full stop for the sentence's, and the name opens the next one.
    ("... led by Hun Sen." ends on a name.)"""
    if not text.endswith("."):
        return False
    parts = text[:-1].split()
    if not parts:
        return False
    last = parts[-1].lstrip('-–—("“')
    if last not in _TITLES:
        return False
    before = parts[-2] if len(parts) > 1 and parts[-1] == last else ""
    return not before[:1].isupper()


def _is_candidate(text: str, settings: SummarySettings) -> bool:
    n = word_count(text)
    if not settings.min_words <= n <= settings.max_words:
        return False
    if text.endswith("?") or text.startswith(_QUOTE_OPENERS):
        return False
    # The rest of a sentence the splitter cut ("determination that the release of the Memorandum
    # would serve ...": a PDF's lines; "eBay" opens a sentence), a transcript's line, a
    # broadcast script in capitals.
    first = text.split()[0]
    if (first.islower() and not _NAME_PARTICLE.match(text)) or _SPEAKER_LABEL.match(text):
        return False
    if _shouted(text):
        return False
    if settings.skip_dangling and _dangles(text):
        return False
    if settings.skip_asides and _is_aside(text):
        return False
    # A sentence must end like one: headlines and cut-off captions do not.
    return _ends_like_a_sentence(text)


# What a page carries beside its story: a photo credit, a phone number to call.
_PAGE_CHROME = re.compile(
    r"\b(?:Getty Images|AP Photo|Photo:|Image:|Credit:|File photo)"
    r"|\(\d{3}\)\s*\d{3}-\d{4}|\b\d{3}-\d{3}-\d{4}\b",
    re.IGNORECASE,
)


# A wire photo's caption ends on the day it was taken, weekday first, without the "on" a
# report's sentence would write: "... speaks to the media outside Antrim Police station,
# Northern Ireland, Friday, May, 2 2014."
_CAPTION_DATE = re.compile(
    r"(?<!\bon)(?<!\bOn), (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),? "
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?,? \d{1,2},? \d{4}\.?$"
)


def _is_aside(text: str) -> bool:
    """Whether ``text`` is not the story's own statement: an aside in brackets, whole ("(See
    the top 10 ...)") or cut by the splitter ("(As Fortune reported at the time, ..."), a
    photo credit, a wire photo's caption or a phone number. A bracketed dateline ("(CNN) --
    ...") opens many a lead, and a Reuters ticker ("BP Plc (BP.L)") splits one: those stay."""
    if text.startswith("("):
        close = text.find(")")
        if close < 0 or close >= len(text.rstrip(".!\"'”’")) - 1:
            return True
    return bool(_PAGE_CHROME.search(text) or _CAPTION_DATE.search(text))


_ASCII_UPPER = bytes(range(ord("A"), ord("Z") + 1))
_ASCII_LOWER = bytes(range(ord("a"), ord("z") + 1))


def _shouted(text: str) -> bool:
    """Whether ``text`` is nearly all capitals (a quoted slogan in capitals is not)."""
    if text.isascii():
        # The same counts by bytes.translate, in C (a character loop cost ~4 ms a brief).
        raw = text.encode("ascii")
        upper = len(raw) - len(raw.translate(None, _ASCII_UPPER))
        lower = len(raw) - len(raw.translate(None, _ASCII_LOWER))
        return upper > 0.8 * (upper + lower)
    letters = [c for c in text if c.isalpha()]
    return sum(c.isupper() for c in letters) > 0.8 * len(letters)


def _ends_like_a_sentence(text: str) -> bool:
    # A teaser cut off mid-sentence ("... the Sinn Fein leader Gerry...") ends on an ellipsis.
    end = text.rstrip("\"'”’)»")
    return end.endswith((".", "!")) and not end.endswith(("...", "…"))


def _dangles(text: str) -> bool:
    """Whether ``text`` opens on (or names) something only an earlier sentence identifies."""
    tokens = word_stems(text)[0]  # (cached: the candidate's concepts read the same text)
    # The first word without its clitic: "He'll" opens on "he".
    if not tokens or tokens[0].split("'")[0] in _DANGLING:
        return True
    return bool(
        _DANGLING_OPENER.match(text) or _DANGLING_TIME.search(text) or _BARE_TITLE.search(text)
    )


def _densest(
    candidates: Sequence[Sentence],
    text: Mapping[Sentence, str],
    concepts: Mapping[Sentence, frozenset[Concept]],
    weights: Mapping[Concept, float],
    budget: int,
    settings: SummarySettings,
    repeat: float = 1.0,
) -> list[Sentence]:
    """The candidates with the most concept weight per word, up to the pool's size in words.

    With ``repeat`` below 1, a concept's weight counts ``repeat`` times less for each
    sentence already in the pool that holds it (greedy, lazily re-scored: a sentence's
    density only falls as the pool grows), so the pool covers more of the story."""
    limit = max(settings.pool_min_words, settings.pool_budgets * budget)
    held: Counter[Concept] = Counter()

    def density(s: Sentence) -> float:
        total = math.fsum(weights.get(c, 0.0) * repeat ** held[c] for c in sorted(concepts[s]))
        return total / word_count(text[s])

    heap = [(-density(s), i, s) for i, s in enumerate(candidates)]
    heapq.heapify(heap)
    pool: list[Sentence] = []
    size = 0
    while heap and size < limit:
        _, i, s = heapq.heappop(heap)
        if repeat < 1.0:
            fresh = density(s)
            if heap and fresh < -heap[0][0]:
                heapq.heappush(heap, (-fresh, i, s))
                continue
            held.update(concepts[s])
        pool.append(s)
        size += word_count(text[s])
    return pool


def _lead_sentences(
    candidates: Sequence[Sentence],
    family_of: Mapping[str, int],
    concepts: Mapping[Sentence, frozenset[Concept]],
    weights: Mapping[Concept, float],
    settings: SummarySettings,
) -> list[Sentence]:
    """The openings of the articles that most restate the other sources' openings, best first:
    the account of the event most sources lead with."""
    opening = [s for s in candidates if s.index < settings.lead_sentences]
    carried: dict[Concept, set[int]] = {}
    for s in opening:
        for c in concepts[s]:
            carried.setdefault(c, set()).add(family_of[s.article_id])

    def score(s: Sentence) -> float:
        return sum(weights.get(c, 0.0) * len(carried[c]) for c in concepts[s]) / math.sqrt(
            max(1, len(concepts[s]))
        )

    return sorted(opening, key=lambda s: (-score(s), s.index))[: settings.lead_pool]


def _options(
    sentences: Sequence[Sentence], text: Mapping[Sentence, str], settings: SummarySettings
) -> list[_Option]:
    """Every sentence whole, and its shortened versions when compression is on."""
    out = [_Option(s, text[s]) for s in sentences]
    if not settings.compress:
        return out
    # Parsing is the costly step: only the first ``parse_max`` sentences (the leads, then the
    # densest) are offered shortened.
    parsed = sentences[: settings.parse_max]
    shorter = compress.shortened([text[s] for s in parsed])
    for s, versions in zip(parsed, shorter, strict=True):
        for v in versions:
            if word_count(v) >= settings.min_words and not _dangles(v):
                out.append(_Option(s, v))
    return out


def _lead(
    options: Sequence[_Option],
    leads: Sequence[Sentence],
    cited: Callable[[_Option], tuple[str, ...]],
    family_of: Mapping[str, int],
    budget: int,
    settings: SummarySettings,
) -> _Option | None:
    """The first sentence: of the best-carried openings, the one that says when and that most
    sources state, in its longest version that leaves room for more (a short budget takes a
    shortened version). The opening must say when, not each version of it: a version may
    leave out the day an attribution gives ("..., officials said Saturday")."""
    rank = {s: i for i, s in enumerate(leads)}
    room = max(settings.lead_min_room, round(settings.lead_share * budget))
    # The best-carried lead wins over a less carried one that is shorter: it may take up to
    # lead_max_share of the budget (at least 1.5 rooms) in its shortest version when no
    # version fits the room.
    cap = min(
        budget, max(round(1.5 * settings.lead_min_room), round(settings.lead_max_share * budget))
    )
    fitting = [o for o in options if o.sentence in rank and o.words <= cap]
    if not fitting:
        fitting = [o for o in options if o.sentence in rank]
    if not fitting:
        return None

    def key(o: _Option) -> tuple[object, ...]:
        roomy = o.words <= room
        return (
            not _WHEN.search(o.sentence.text),
            rank[o.sentence],
            not roomy,
            -o.words if roomy else o.words,
        )

    ranked = sorted(fitting, key=key)
    # A lead must be a clause: a page's title repeated by many reports ("The impact of the
    # 2010 oil spill in the Gulf of Mexico.") is carried best and tells nothing. Checked in
    # rank order, so mostly one parse, of a sentence compression parsed already.
    checked: dict[Sentence, bool] = {}
    for o in ranked:
        if o.sentence not in checked:
            checked[o.sentence] = _has_subject(o.sentence.text)
        if checked[o.sentence]:
            return o
    return ranked[0]


_SUBJECTS = frozenset("nsubj nsubjpass csubj csubjpass expl".split())


def _has_subject(text: str) -> bool:
    """Whether the parse of ``text`` finds a subject in it (a clause, not a title). Anywhere:
    the small model often hangs the subject on the wrong verb ("a U.N. representative said")."""
    return any(t.dep_ in _SUBJECTS for t in nlp.docs([text], nlp.PARSER_ONLY)[0])


def _anchors(options: Sequence[_Option], articles: Sequence[Article]) -> dict[_Option, set[object]]:
    """What pins each option to one happening: the days it dates something to (relative dates
    read against its report's publication date, or the reports' median one) and the figures it
    gives ("9.78 billion"; not years, which dates cover, nor small counts)."""
    published = {a.id: a.published for a in articles}
    known = sorted(d for d in published.values() if d)
    reference = known[len(known) // 2] if known else None
    return {
        o: {
            m.date
            for m in dating.mentions(o.text, published.get(o.sentence.article_id) or reference)
            if m.precision == "day"
        }
        | {_rounded(n) for n in _FIGURE.findall(o.text) if not _YEAR.fullmatch(n)}
        for o in options
    }


def _rounded(figure: str) -> str:
    """A figure to two significant digits, so "8.64 million" and "nearly 8.6 million" are one
    figure (an anchor only: the constraint still needs shared words too)."""
    try:
        value = float(figure.replace(",", ""))
    except ValueError:
        return figure
    return f"{value:.2g}"


_FIGURE = re.compile(r"\d[\d,.]*\d|[1-9]\d")
_YEAR = re.compile(r"(?:1[89]|20)\d\d")


def _select(
    options: Sequence[_Option],
    lead: _Option | None,
    concepts: Mapping[_Option, frozenset[Concept]],
    content: Mapping[_Option, frozenset[str]],
    anchors: Mapping[_Option, set[object]],
    weights: Mapping[Concept, float],
    budget: int,
    settings: SummarySettings,
    garbled: frozenset[str] | set[str] = frozenset(),
) -> list[_Option]:
    """Maximise covered concept weight subject to the word budget (an exact ILP via HiGHS),
    with the lead fixed in. A sentence of a ``garbled`` article (see
    :func:`newsfuse.fusion.screen.paste_artifacts`) costs a share of the weight it carries: a
    fluent sentence stating the same is chosen over it, and it still enters when none does."""
    fitting = list(options)
    # Concepts in a fixed order (not the sets' seed-dependent one): the solver then picks the
    # same one of equally good selections in every run.
    ordered = dict.fromkeys(c for o in fitting for c in sorted(concepts[o]) if c in weights)
    if not ordered:
        return _lead_fallback(fitting, lead, budget)
    # A concept is covered when one of the options holding it is chosen, so concepts held by
    # the same options are one covering variable (their weights summed), and one held by a
    # single option is paid through that option's own variable: the same program, with a
    # tenth of the variables (the solver's time grows with them).
    holders: dict[Concept, list[int]] = {}
    for j, o in enumerate(fitting):
        for c in sorted(concepts[o]):
            if c in ordered:
                holders.setdefault(c, []).append(j)
    by_holders: dict[tuple[int, ...], list[float]] = {}
    for c in ordered:
        by_holders.setdefault(tuple(holders[c]), []).append(weights[c])
    n_s = len(fitting)
    own: list[list[float]] = [[] for _ in range(n_s)]
    shared: list[tuple[tuple[int, ...], float]] = []
    for held, ws in by_holders.items():
        if len(held) == 1:
            own[held[0]] += ws
        else:
            shared.append((held, math.fsum(ws)))
    n_c = len(shared)
    lengths = np.array([o.words for o in fitting], dtype=float)
    # A tiny preference for earlier sentences breaks ties between equal coverings.
    tie = [1e-3 / (1 + o.sentence.index) for o in fitting]
    # A garbled article's sentence pays back part of what it covers: a fluent one saying the
    # same wins, and it still enters where no fluent report says it.
    cost = [
        settings.garbled_cost * math.fsum(weights.get(c, 0.0) for c in sorted(concepts[o]))
        if o.sentence.article_id in garbled
        else 0.0
        for o in fitting
    ]
    objective = -np.array(
        [math.fsum([t, -k, *ws]) for t, k, ws in zip(tie, cost, own, strict=True)]
        + [w for _, w in shared]
    )
    rows = [i for i, (held, _) in enumerate(shared) for _ in held]
    cols = [j for held, _ in shared for j in held]
    # z_c <= sum of y_s over sentences s containing c
    cover = coo_array(
        (
            np.concatenate([-np.ones(len(rows)), np.ones(n_c)]),
            (
                np.concatenate([rows, np.arange(n_c)]).astype(int),
                np.concatenate([cols, n_s + np.arange(n_c)]).astype(int),
            ),
        ),
        shape=(n_c, n_s + n_c),
    )
    length = coo_array((lengths, (np.zeros(n_s, dtype=int), np.arange(n_s))), shape=(1, n_s + n_c))
    constraints = [LinearConstraint(length, 0, budget)]
    if n_c:
        constraints.append(LinearConstraint(cover, -np.inf, 0))
    pairs = _restating_pairs([content[o] for o in fitting], settings.max_overlap)
    if lead is not None and lead in fitting and len(pairs):
        # Against the lead, a sentence naming its subject again to give a year the lead lacks
        # ("The office was established in 2018.") tells something new: its background. (Any
        # new figure, not only a year, let too many restatements in: -0.2 R1 on DUC 2004.)
        j = fitting.index(lead)
        known = frozenset(_YEAR.findall(lead.text))
        new = [
            bool(frozenset(_YEAR.findall(fitting[b if a == j else a].text)) - known)
            if j in (a, b)
            else False
            for a, b in pairs.tolist()
        ]
        pairs = pairs[~np.array(new, dtype=bool)]
    same_day = _same_anchor_pairs(fitting, content, anchors, settings.same_anchor_overlap)
    if len(same_day):
        pairs = np.unique(np.concatenate([pairs.reshape(-1, 2), same_day]), axis=0)
    if len(pairs):
        k = len(pairs)
        at_most_one = coo_array(
            (np.ones(2 * k), (np.repeat(np.arange(k), 2), pairs.ravel())), shape=(k, n_s + n_c)
        )
        constraints.append(LinearConstraint(at_most_one, 0, 1))
    lower = np.zeros(n_s + n_c)
    if lead is not None and lead in fitting:
        lower[fitting.index(lead)] = 1
    result = milp(
        objective,
        constraints=constraints,
        # Only sentences need be integral: with them fixed, the best z_c is min(1, covers) anyway.
        integrality=np.concatenate([np.ones(n_s), np.zeros(n_c)]),
        bounds=Bounds(lower, 1),
        options={"time_limit": settings.solver_seconds},
    )
    if result.x is None:
        return _lead_fallback(fitting, lead, budget)
    return [o for j, o in enumerate(fitting) if result.x[j] > 0.5]


def _restating_pairs(content: Sequence[frozenset[str]], max_overlap: float) -> np.ndarray:
    """Pairs (i, j) of sentences sharing ``max_overlap`` or more of the smaller one's content."""
    vocab: dict[str, int] = {}
    rows, cols = [], []
    for i, c in enumerate(content):
        for w in c:
            rows.append(i)
            cols.append(vocab.setdefault(w, len(vocab)))
    m = csr_array((np.ones(len(rows)), (rows, cols)), shape=(len(content), max(1, len(vocab))))
    shared = triu(m @ m.T, k=1).tocoo()
    sizes = np.array([len(c) for c in content])
    smaller = np.minimum(sizes[shared.row], sizes[shared.col])
    keep = shared.data >= max_overlap * smaller
    return np.stack([shared.row[keep], shared.col[keep]], axis=1)


def _same_anchor_pairs(
    options: Sequence[_Option],
    content: Mapping[_Option, frozenset[str]],
    anchors: Mapping[_Option, set[object]],
    min_overlap: float,
) -> np.ndarray:
    """Pairs that date something to the same day, or give the same figure, in partly the same
    words: two accounts of one happening ("blew up the office on Tuesday" / "a loud bang in
    Kaesong on June 16"; "used 9.78 billion won to renovate" / "spent 9.78 billion won")."""
    by_day: dict[object, list[int]] = {}
    for i, o in enumerate(options):
        for d in anchors[o]:
            by_day.setdefault(d, []).append(i)
    found = set()
    for members in by_day.values():
        for i, j in itertools.combinations(members, 2):
            a, b = content[options[i]], content[options[j]]
            if a and b and len(a & b) >= min_overlap * min(len(a), len(b)):
                found.add((i, j))
    return np.array(sorted(found), dtype=int).reshape(-1, 2)


def _lead_fallback(options: Sequence[_Option], lead: _Option | None, budget: int) -> list[_Option]:
    """Nothing is shared between sources: the lead, then each article's opening in turn."""
    out, used, taken = [], 0, set()
    first = [lead] if lead is not None else []
    for o in [*first, *sorted(options, key=lambda o: (o.sentence.index, -o.words))]:
        if o.sentence not in taken and used + o.words <= budget:
            out.append(o)
            used += o.words
            taken.add(o.sentence)
    return out


def _order(
    chosen: Sequence[_Option],
    lead: _Option | None,
    articles: Sequence[Article],
    sentences: Mapping[str, Sequence[Sentence]],
) -> list[_Option]:
    """The lead first, then news before background, each oldest report first."""
    background = _background(chosen, articles)
    key = _reading_order(articles, sentences)
    rest = sorted(
        (o for o in chosen if o != lead), key=lambda o: (o in background, key(o.sentence))
    )
    return ([lead] if lead is not None and lead in chosen else []) + rest


def _background(chosen: Iterable[_Option], articles: Sequence[Article]) -> set[_Option]:
    """Sentences all of whose dates are well before their report's: what led up to the news."""
    published = {a.id: a.published for a in articles}
    known = sorted(d for d in published.values() if d)
    reference = known[len(known) // 2] if known else None
    out = set()
    for o in chosen:
        base = published.get(o.sentence.article_id) or reference
        found = dating.mentions(o.text, base)
        if found and base and all(m.until < base - dt.timedelta(days=30) for m in found):
            out.add(o)
    return out


def _reading_order(
    articles: Sequence[Article], sentences: Mapping[str, Sequence[Sentence]]
) -> Callable[[Sentence], tuple[object, ...]]:
    """Older reports first (what happened before what followed), then position in the article."""
    published = {a.id: a.published or dt.date.max for a in articles}
    input_rank = {a.id: i for i, a in enumerate(articles)}
    sizes = {k: max(1, len(v)) for k, v in sentences.items()}

    def key(s: Sentence) -> tuple[object, ...]:
        return (
            published[s.article_id],
            math.floor(4 * s.index / sizes[s.article_id]),
            input_rank[s.article_id],
            s.index,
        )

    return key


@dataclass(frozen=True)
class _Key:
    """What a summary sentence says, in the words a paraphrase keeps: its names, figures and
    days (which no rewording changes) and its main verbs (one of which a restatement uses,
    in any form: "blew up" / "was blown up")."""

    names: frozenset[str]  # stems of its proper nouns
    figures: frozenset[str]  # rounded, as _anchors gives them
    days: frozenset[dt.date]
    # Its names whole, a run of proper nouns each, titles left out ("Unification Ministry",
    # "Rafik Hariri"): a paraphrase must hold a share of these (see _Statements._named).
    spans: frozenset[tuple[str, ...]]
    years: frozenset[str]  # the years it gives, when it dates nothing to a day
    predicates: frozenset[str]  # stems of the lemmas of its main verbs
    arguments: frozenset[str]  # stems of their subjects' and objects' head nouns (half needed)
    negated: bool
    happened: bool  # its verb tells what was done ("met"), not what is to be ("will meet")
    lemmas: Mapping[str, str]  # content stem -> stem of its lemma ("blew" -> "blow")

    @property
    def anchored(self) -> bool:
        # A verb with a named subject or object, pinned by two names, figures or days: less
        # ("Holbrooke said he planned ...") matches sentences that only share words.
        pinned = len(self.names) + len(self.figures) + len(self.days) + len(self.years) >= 2
        return pinned and bool(self.predicates) and bool(self.arguments)


# Words that turn a statement around: "refused to rule out" is not "ruled out".
_NEGATION = frozenset(
    "not never no nobody nothing none neither nor refuse refused refuses deny denied denies "
    "fail failed fails".split()
)


def _negated(tokens: Iterable[str]) -> bool:
    return any(t in _NEGATION or t.endswith("n't") for t in tokens)


_DAY_NAMES = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december".split()
)


def _keys(texts: Sequence[str], days: Sequence[frozenset[dt.date]]) -> list[_Key]:
    """The :class:`_Key` of each text, from its parse (tagger, parser and lemmatizer)."""
    out = []
    for doc, on in zip(nlp.docs(texts, nlp.NO_NER), days, strict=True):
        root = next((t for t in doc if t.dep_ == "ROOT"), None)
        main = _main_verbs(root) if root is not None else []
        spans: list[tuple[str, ...]] = []
        run: list[str] = []
        for t in [*doc, None]:
            if t is not None and t.pos_ == "PROPN" and t.lower_ not in _DAY_NAMES:
                if t.lower_.rstrip(".") not in _NAME_TITLES:
                    run += stems(words(t.lower_))  # as a window's words read it: "U.S." is u, s
            elif t is None or not (t.is_punct and t.text in "-–" and run):
                if run:
                    spans.append(tuple(dict.fromkeys(run)))
                run = []
        out.append(
            _Key(
                names=frozenset(w for n in spans for w in n),
                figures=frozenset(
                    _rounded(n) for n in _FIGURE.findall(doc.text) if not _YEAR.fullmatch(n)
                ),
                days=on,
                spans=frozenset(spans),
                years=frozenset() if on else frozenset(_YEAR_WORD.findall(doc.text)),
                predicates=frozenset(
                    kin
                    for t in main
                    if t.pos_ in _PREDICATE and t.lemma_.lower() not in _LIGHT_VERBS
                    for kin in _kin(stem(t.lemma_.lower()))
                ),
                arguments=frozenset(
                    stem(c.lemma_.lower())
                    for t in main
                    for c in t.children
                    if c.dep_ in _ARGUMENTS and c.pos_ in ("NOUN", "PROPN")
                ),
                negated=_negated(t.lower_ for t in doc),
                happened=any(
                    t.tag_ == "VBD"
                    and not any(c.lower_ in _INTENT_WORDS for c in t.children if c.dep_ == "aux")
                    for t in main
                ),
                lemmas={
                    stem(t.lower_): stem(t.lemma_.lower())
                    for t in doc
                    if t.is_alpha and t.lower_ not in STOPWORDS
                },
            )
        )
    return out


def _main_verbs(root: Token) -> list[Token]:
    """The verbs of what a sentence states: its root and the verbs joined to it by "and", and
    of each that says ("X said [clause]", "... and the ministry said [clause]") the clause's
    verb with its own conjuncts in its place."""
    out: list[Token] = []
    for verb in [root, *(c for c in root.children if c.dep_ == "conj" and c.pos_ == "VERB")]:
        said = next((c for c in verb.children if c.dep_ == "ccomp"), None)
        head = said if verb.lemma_ in _SAYING_LEMMAS and said is not None else verb
        # "X is believed to be living in ...": what is believed is the statement.
        if head.lemma_ in _RAISING_LEMMAS:
            head = next((c for c in head.children if c.dep_ == "xcomp"), head)
        for t in [head, *(c for c in head.children if c.dep_ == "conj" and c.pos_ == "VERB")]:
            if t not in out:
                out.append(t)
    return out


# Words of a title before a name, which a later mention leaves out ("Prime Minister Rafik
# Hariri" is "Hariri").
_NAME_TITLES = PERSON_TITLES | {"foreign"}  # "Foreign Minister X"
_YEAR_WORD = re.compile(rf"\b{_YEAR.pattern}\b")


# Verbs that say little of what happened: "The stakes are high for BP" is not matched by
# every sentence that "is" about BP.
_LIGHT_VERBS = frozenset("be have do get make take go come give put keep seem become".split())
_ARGUMENTS = frozenset("nsubj nsubjpass dobj attr".split())
# A place named by its people's adjective: "North Korean state news" names North Korea.
_DEMONYM_ENDINGS = ("n", "an", "ian", "i", "ish")
# Verbs news reports use for one another's (a paraphrase's main verb may be any of a group):
# single words only, each group one kind of happening.
_VERB_KIN_GROUPS = (
    "destroy ruin demolish wreck raze",
    "kill slay",
    "die perish",
    "injur wound hurt",
    "arrest detain",
    "spend use",
    "rise escal mount intensifi",
    "resign quit",
    "sack dismiss oust",
    "win defeat",
    "condemn denounc",
    "reject rebuff",
    "start begin",
)
_VERB_KIN = {w: frozenset(g.split()) for g in _VERB_KIN_GROUPS for w in g.split()}


def _kin(verb: str) -> frozenset[str]:
    """A verb's stem with the stems of the verbs told the same way (``_VERB_KIN_GROUPS``)."""
    return _VERB_KIN.get(verb, frozenset((verb,)))


# What puts a verb in the future or in a plan: "to meet", "will meet", "plans to".
_INTENT_WORDS = frozenset("to will would shall could might may".split())
_RAISING_LEMMAS = frozenset("believe think expect seem appear say report".split())
_SAYING_LEMMAS = frozenset("say tell report announce state add confirm note write".split())
_PREDICATE = frozenset(("VERB", "AUX", "NOUN", "ADJ"))  # "was blown up", "is dead", "a blast"


def _verb_forms() -> Mapping[str, str]:
    """Irregular verb forms to their lemma ("blew", "blown" -> "blow"), from the model's own
    lemmatizer tables: regular forms the stemmer already joins."""
    table = nlp.model().get_pipe("lemmatizer").lookups.get_table("lemma_exc")  # type: ignore[attr-defined]
    return {form: lemmas[0] for form, lemmas in table["verb"].items() if lemmas}


class _Statements:
    """Which articles state a summary sentence, through an index from each word to the
    sentences holding it: checking every sentence for each summary sentence is quadratic on a
    big story.

    An article states it when one of its sentences holds most of its content words, or, for
    a paraphrase, when one sentence or two adjacent ones carry its :class:`_Key`: every figure
    and day, most names, one of its main verbs in any form (not "be" or "have") with half the
    head nouns of its subjects and objects, and a fair share of its content words, the story's rare
    ones weighing more (so an article that only shares words with it is not cited)."""

    def __init__(
        self,
        sentences: Mapping[str, Sequence[Sentence]],
        text: Mapping[Sentence, str],
        base: Mapping[str, dt.date | None],
        settings: SummarySettings,
    ):
        self.order = list(sentences)
        self.settings = settings
        self.text = text
        self.base = base
        self.sentence: list[Sentence] = []
        self.stems: list[frozenset[str]] = []
        self.postings: dict[str, list[int]] = {}
        for ss in sentences.values():
            for s in ss:
                i = len(self.sentence)
                self.sentence.append(s)
                own = frozenset(content_stems(text[s]))
                self.stems.append(own)
                for w in own:
                    self.postings.setdefault(w, []).append(i)
        self._article_stems: dict[str, frozenset[str]] = {}
        self._spans: dict[str, tuple[int, int]] = {}  # each article's sentences, in order
        start = 0
        for article_id, ss in sentences.items():
            self._spans[article_id] = (start, start + len(ss))
            start += len(ss)
        self._forms: Mapping[str, str] | None = None
        self._words: dict[int, frozenset[str]] = {}
        self._days: dict[int, frozenset[dt.date]] = {}

    def supporting(
        self, own: Sentence, target: frozenset[str], key: _Key | None = None
    ) -> list[Sentence]:
        """``own``, and for every other article the sentence of it that states ``target``
        (content stems; or ``key``, see the class), in the articles' order."""
        counts: Counter[int] = Counter()
        for w in target:
            counts.update(self.postings.get(w, ()))
        need = self.settings.support_coverage * len(target)
        best: dict[str, tuple[int, Sentence]] = {own.article_id: (len(target) + 1, own)}
        for i, n in counts.items():
            s = self.sentence[i]
            if n >= need and n > best.get(s.article_id, (-1, s))[0]:
                best[s.article_id] = (n, s)
        if key is not None and key.anchored and target:
            for article_id, s in self._paraphrases(target, key, counts, set(best)).items():
                best[article_id] = (0, s)
        return [best[a][1] for a in self.order if a in best]

    def _paraphrases(
        self, target: frozenset[str], key: _Key, counts: Counter[int], done: set[str]
    ) -> dict[str, Sentence]:
        """Per article not in ``done``, the sentence of the first window (one sentence or
        two adjacent ones, most content words first) that carries ``key``; only an article's
        first few windows are tried (on a big story a name is in thousands of sentences)."""
        floor = self.settings.paraphrase_floor * len(target)
        windows: list[tuple[int, tuple[int, ...]]] = []
        for i in counts:
            article_id = self.sentence[i].article_id
            if article_id in done:
                continue
            pair: tuple[tuple[int, ...], ...] = ((i,), (i, i + 1))
            for w in pair:
                if w[-1] >= len(self.sentence) or self.sentence[w[-1]].article_id != article_id:
                    continue
                covered = len(target & (self.stems[w[0]] | self.stems[w[-1]]))
                if covered >= floor:
                    windows.append((covered, w))
        found: dict[str, Sentence] = {}
        tried: Counter[str] = Counter()
        for _, w in sorted(windows, key=lambda p: (-p[0], len(p[1]), p[1])):
            article_id = self.sentence[w[0]].article_id
            if article_id in found or tried[article_id] >= self.settings.paraphrase_windows:
                continue
            tried[article_id] += 1
            evidence = self._carries(w, target, key)
            if evidence is not None:
                found[article_id] = self.sentence[evidence]
        return found

    def _carries(self, window: tuple[int, ...], target: frozenset[str], key: _Key) -> int | None:
        """The sentence of ``window`` that states ``key`` (the one with its verb, said the same
        way round), or ``None``."""
        plain = self.stems[window[0]] | self.stems[window[-1]]
        article_id = self.sentence[window[0]].article_id
        need = self.settings.paraphrase_names * len(key.spans)
        if sum(self._named(n, plain, article_id) for n in key.spans) < need:
            return None  # the cheap test first: most windows fail it
        have = frozenset().union(*(self._word_keys(j) for j in window))
        if not (
            key.figures <= have
            and self._same_years(key.years, have, window)
            and 2 * len(key.arguments & have) >= len(key.arguments)
            and sum(self._named(n, have, article_id) for n in key.spans) >= need
        ):
            return None
        verb = [j for j in window if key.predicates & self._word_keys(j)]
        verb = [j for j in verb if _negated(words(self.text[self.sentence[j]])) == key.negated]
        if key.happened:
            verb = [j for j in verb if not self._intended(j, key.predicates)]
        if not verb:
            return None
        # Most of what the sentence says, rare words weighing more than the story's
        # everyday ones (the country, the company), a verb in any of its forms.
        weight = {w: self._idf(w) for w in target}
        held = sum(x for w, x in weight.items() if w in have or key.lemmas.get(w, w) in have)
        if held < self.settings.paraphrase_coverage * sum(weight.values()):
            return None
        # Reading dates is the costly check: last.
        if not key.days <= frozenset().union(*(self._day_set(j) for j in window)):
            return None
        return verb[0]

    def _intended(self, i: int, predicates: frozenset[str]) -> bool:
        """Whether sentence ``i`` holds ``predicates`` only as what is to be done ("en route
        ... to meet with", "for a meeting with", "will meet"), not as done."""
        tokens = words(self.text[self.sentence[i]])
        forms = self._forms or {}
        at = [
            k
            for k, (t, st) in enumerate(zip(tokens, stems(tokens), strict=True))
            if st in predicates or stem(forms.get(t, t)) in predicates
        ]
        return bool(at) and all(
            k
            and (
                tokens[k - 1] in _INTENT_WORDS
                or tokens[k - 2 : k] in (["for", "a"], ["for", "the"])
            )
            for k in at
        )

    def _same_years(
        self, years: frozenset[str], have: frozenset[str], window: tuple[int, ...]
    ) -> bool:
        """Whether a window gives a year of ``years``, or none at all (a later mention leaves
        the year out: "a friend's 2000 death" is "the death" again)."""
        if not years or years & have:
            return True
        return not any(_YEAR_WORD.search(self.text[self.sentence[j]]) for j in window)

    def _named(self, name: tuple[str, ...], have: frozenset[str], article_id: str) -> float:
        """Whether a window holding ``have`` names ``name``: all of it, or its last word where
        the article names it whole elsewhere ("Hariri" after "Rafik Hariri")."""
        held = [w in have or any(w + e in have for e in _DEMONYM_ENDINGS) for w in name]
        if not held[-1]:
            return sum(held) / len(name)  # "the Saints" for "New Orleans Saints": a part
        if all(held):
            return True
        if article_id not in self._article_stems:  # read only for a name held in part
            first, end = self._spans[article_id]
            self._article_stems[article_id] = frozenset().union(*self.stems[first:end])
        if name[0] in self._article_stems[article_id]:  # "Bettie Page" for Bettie Mae Page
            return True
        return sum(held) / len(name)

    def _idf(self, w: str) -> float:
        return math.log((len(self.sentence) + 1) / (len(self.postings.get(w, ())) + 1)) + 0.1

    def _word_keys(self, i: int) -> frozenset[str]:
        """Stems of a sentence's words and of the lemmas of its irregular verb forms, and its
        figures rounded as in the key."""
        if i not in self._words:
            if self._forms is None:
                self._forms = _verb_forms()
            text = self.text[self.sentence[i]]
            tokens = words(text)
            self._words[i] = (
                frozenset(stems(tokens))
                | frozenset(stems([self._forms[t] for t in tokens if t in self._forms]))
                | frozenset(tokens)
                | {_rounded(n) for n in _FIGURE.findall(text)}
            )
        return self._words[i]

    def _day_set(self, i: int) -> frozenset[dt.date]:
        if i not in self._days:
            s = self.sentence[i]
            self._days[i] = _days(self.text[s], self.base.get(s.article_id))
        return self._days[i]


def _days(text: str, base: dt.date | None) -> frozenset[dt.date]:
    return frozenset(m.date for m in dating.mentions(text, base) if m.precision == "day")
