"""The timeline: what the articles say happened on which day.

Every sentence that mentions a date (resolved per article by :mod:`newsfuse.dates`) is a
candidate entry for that date; so are a report's opening sentences that give no date of their
own, for the day before its publication and that day (daily news opens on the news of the
day). A vaguer mention that restates a finer one ("in 2018" / "in September 2018", "over the
weekend" / "on Saturday") is folded into the finer date. Dates are ranked by how many
independent sources mention them; on each date the candidates are grouped into happenings
(sentences restating one another are one happening, with all their sources) and each
happening is told by the sentence the others restate most, a report published a week or
more after the day counting double there: a day the story remembers is told in a sentence
that says what happened on it ("On April 20, an explosion killed 11 workers"), where the
day's own reports tell details. Those later reports weigh in the ranking of dates too (the
reference-date counting of Tran et al. 2013): a day independent sources still name a week on
is a day of the story. A date mentioned only as the start of a state ("demilitarised since
the 1950s") or well before the story's first report is background: kept apart from the
story's days, after them; a background sentence that restates a row of the story's days
("the agreements he reached with Kim in 2018" beside "Moon urged North Korea on Monday to
keep peace agreements") is one more source of that row, not a row of its own. In a story
nothing dates (no event date, no publication date), a year only one family names is
background, and a timeline of background alone is empty.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from scipy.sparse import csr_array

from newsfuse.fusion import dates as dating
from newsfuse.fusion.text import content_stems, inverse_frequency
from newsfuse.models import Article, DateMention, DatePrecision, Family, Sentence, TimelineEntry
from newsfuse.settings import DEFAULT, TimelineSettings

_Key = tuple[dt.date, dt.date, DatePrecision]


@dataclass(frozen=True)
class _Candidate:
    article: str
    family: int
    sentence: Sentence
    mention: DateMention | None  # None: an opening dated by its report's publication
    stems: frozenset[str]
    background: bool = False
    state: bool = False  # the date is the start of a state ("since the 1950s")
    # Its report names the date a week or more after it (``TimelineSettings.remembered_days``):
    # the story's memory of a day (of a day of the story: background is mentioned long after
    # by definition).
    remembers: bool = False


# "since the 1950s": the start of a state the sentence describes, not when its news happened.
_SINCE = re.compile(r"\b(?:since|until|till|as of|from)\s+(?:the\s+)?$", re.IGNORECASE)
# A year written before a name it modifies ("a black 2008 Porsche 911 Carrera", "a white 2007
# four-door Hyundai Sonesta", "the 2016 Rio Olympics"): the year of a model or of a named
# thing, not a day of the story. A few lower-case words may come between; nothing else.
_MODEL_YEAR = re.compile(r"\s+(?:[a-z][\w-]*\s+){0,2}?[A-Z][a-z]")
_PRECISION_RANK = {"day": 0, "weekend": 1, "week": 2, "month": 3, "year": 4, "decade": 5}


def timeline(
    articles: Sequence[Article],
    sentences: Mapping[str, Sequence[Sentence]],
    families: Sequence[Family],
    event_date: dt.date | None = None,
    *,
    dated: Mapping[str, Sequence[Sequence[DateMention]]] | None = None,
    max_dates: int | None = None,
    per_date: int = 1,
    day_only: bool = False,
    settings: TimelineSettings = DEFAULT.timeline,
) -> tuple[TimelineEntry, ...]:
    """Dated entries in date order.

    ``dated`` is :func:`newsfuse.dates.in_articles` if already computed. ``max_dates`` keeps
    the dates with most independent sources (default: as many as fit ``max_entries``);
    ``per_date`` is the most entries one date may have; ``day_only`` drops weeks, months and
    years (a timeline of days, as benchmarks score it).
    """
    if dated is None:
        dated = dating.in_articles(articles, sentences, event_date)
    family_of = {m: f.id for f in families for m in f.members}
    weights = inverse_frequency(s.text for ss in sentences.values() for s in ss)

    known = sorted(a.published for a in articles if a.published)
    story_start = event_date or (known[0] if known else None)
    by_date: dict[_Key, list[_Candidate]] = defaultdict(list)
    for a in articles:
        fam = family_of.get(a.id, 0)
        for s, mentions in zip(sentences.get(a.id, ()), dated.get(a.id, ()), strict=False):
            if len(s.text.split()) < settings.min_words:
                continue
            stems = frozenset(content_stems(s.text))
            for m in mentions:
                if day_only and m.precision != "day":
                    continue
                if m.precision == "year" and _MODEL_YEAR.match(s.text, m.end):
                    continue  # "his black 2008 Porsche": the car's year, nothing that happened
                key = (m.date, m.until, m.precision)
                state = bool(_SINCE.search(s.text[: m.start]))
                background = state or (
                    story_start is not None
                    and m.until < story_start - dt.timedelta(days=settings.background_days)
                )
                remembers = (
                    not background
                    and a.published is not None
                    and (a.published - m.date).days >= settings.remembered_days
                )
                by_date[key].append(
                    _Candidate(a.id, fam, s, m, stems, background, state, remembers)
                )
            if not mentions and a.published and s.index < settings.lead_sentences:
                for day in (a.published - dt.timedelta(days=1), a.published):
                    by_date[(day, day, "day")].append(_Candidate(a.id, fam, s, None, stems))

    if story_start is None:
        # Nothing dates the story (no event date, no report's publication date): a year one
        # family alone names ("graduated from Medford High School in 2001", "in the second half
        # of 2018") is background, as no day of the story is known to set it against; and a
        # timeline of background alone shows nothing (below), not a year as the story's day.
        for key in [k for k in by_date if _PRECISION_RANK[k[2]] >= _PRECISION_RANK["year"]]:
            if len({c.family for c in by_date[key]}) < 2:
                by_date[key] = [dataclasses.replace(c, background=True) for c in by_date[key]]
    rows = _Rows((c for found in by_date.values() for c in found), weights, settings.dense_pairs)
    _fold_into_finer(by_date, rows, settings)
    # Only the reports' own openings: a day nothing mentions is no day of the story.
    for key in [k for k, found in by_date.items() if all(c.mention is None for c in found)]:
        del by_date[key]

    def support(key: _Key) -> tuple[int, ...]:
        # The openings filed under a day count too: reports of that day's news. Independent
        # sources that still name the day a week on count again: the story remembers it.
        found = by_date[key]
        story = [c for c in found if not c.background]
        precise = key[2] == "day"
        return (
            bool(story),
            len({c.family for c in story or found}) + len({c.family for c in found if c.remembers}),
            precise,
            len({c.article for c in found}),
        )

    ranked = sorted(by_date, key=support, reverse=True)
    if max_dates is not None:
        ranked = ranked[:max_dates]
    picks: dict[_Key, list[tuple[_Candidate, list[_Candidate]]]] = {}
    told: list[list[_Candidate]] = []  # the story rows' candidates, for background to join
    total = 0
    for key in ranked:
        if max_dates is None and total >= settings.max_entries:
            break
        # The story's days rank before any background, so every story row is here when a
        # background row might join one: a row that joins counts to no budget.
        found = _join_restated(
            _entries_for(by_date[key], rows, per_date, settings), told, rows, settings
        )
        told += [reporters for _, reporters in found if not _is_background(reporters)]
        if found:
            picks[key] = found
            total += len(found)

    if story_start is None and all(
        _is_background(reporters) for found in picks.values() for _, reporters in found
    ):
        return ()  # an undated story's background alone: no day of the story to show it by
    entries: list[TimelineEntry] = []
    for key in sorted(picks):
        for pick, reporters in picks[key]:
            mentioned = [c for c in reporters if c.mention is not None]
            entries.append(
                TimelineEntry(
                    date=key[0],
                    until=key[1] if key[1] != key[0] else None,
                    precision=key[2],
                    what=pick.sentence.text,
                    sources=tuple(a.id for a in articles if a.id in {c.article for c in reporters}),
                    resolution=tuple(
                        dict.fromkeys(
                            dating.explain(c.mention, c.article)
                            for c in mentioned
                            if c.mention is not None and c.mention.relative
                        )
                    ),
                    background=_is_background(reporters),
                )
            )
    # The story's days in date order, then its background in date order.
    return tuple(sorted(entries, key=lambda e: e.background))


def _is_background(reporters: Sequence[_Candidate]) -> bool:
    mentioned = [c for c in reporters if c.mention is not None]
    return bool(mentioned) and all(c.background for c in mentioned)


def _join_restated(
    found: list[tuple[_Candidate, list[_Candidate]]],
    told: Sequence[list[_Candidate]],
    rows: _Rows,
    settings: TimelineSettings,
) -> list[tuple[_Candidate, list[_Candidate]]]:
    """``found`` without its background rows whose sentence restates one of a row of the
    story's days (``told``) and names its date as no start of a state: "urged Pyongyang to keep to peace agreements he reached with Kim
    in 2018" / "urged North Korea on Monday to keep peace agreements" is one happening, told
    with a date it only mentions. Its candidates join that row (their sources with it). One
    row per happening."""
    targets = [(home, c) for home in told for c in home if not c.background]
    if not targets:
        return found
    kept: list[tuple[_Candidate, list[_Candidate]]] = []
    others = [c for _, c in targets]
    wb = np.array(_row_sums([rows._row(c.stems) for c in others]))
    for pick, reporters in found:
        # A start of a state is background in its own right ("zones demilitarised since the
        # 1950s": the state is the row's news, whoever states it and when).
        if not _is_background(reporters) or pick.state:
            kept.append((pick, reporters))
            continue
        # Restated both ways (what they share against the heavier sentence): a short
        # background sentence all of whose words a long one holds ("The liaison office was
        # established in 2018.") is not the long one's happening.
        near = _overlaps([pick], others, rows)[0]
        wa = _row_sums([rows._row(pick.stems)])[0]
        with np.errstate(divide="ignore", invalid="ignore"):
            both = np.nan_to_num(near * np.minimum(wa, wb) / np.maximum(wa, wb), nan=0.0)
        best = int(np.argmax(both))
        if both[best] < settings.same_report:
            kept.append((pick, reporters))
            continue
        home = targets[best][0]
        there = {(c.article, c.sentence.index) for c in home}
        home.extend(c for c in reporters if (c.article, c.sentence.index) not in there)
    return kept


def _fold_into_finer(
    by_date: dict[_Key, list[_Candidate]], rows: _Rows, settings: TimelineSettings
) -> None:
    """Move a vaguer mention ("over the weekend", "in 2018") to a finer date it covers ("on
    Saturday", "in September 2018") when another article reports the same thing there: a
    refinement, so one entry. Vaguest first, so a year can land on a month, then a day."""
    for key in sorted(by_date, key=lambda k: -_PRECISION_RANK[k[2]]):
        if key[2] == "day" or key not in by_date:
            continue
        finer_keys = sorted(
            (
                d
                for d in by_date
                if _PRECISION_RANK[d[2]] < _PRECISION_RANK[key[2]]
                and key[0] <= d[0] <= d[1] <= key[1]
            ),
            key=lambda d: _PRECISION_RANK[d[2]],  # the finest first
        )
        # Repeated while something moves: a candidate folded into a finer date may be what
        # another vague one restates ("established in 2018" -> September 2018, then "the
        # first mission of its kind, established in 2018" after it).
        keep = list(by_date[key])
        moved = True
        while moved and keep:
            finer = [(d, o) for d in finer_keys for o in by_date[d] if o.mention is not None]
            if not finer:
                break
            near = _overlaps(keep, [o for _, o in finer], rows) >= settings.same_report
            rest: list[_Candidate] = []
            for c, row in zip(keep, near, strict=True):
                hits = np.flatnonzero(row)
                (by_date[finer[hits[0]][0]] if len(hits) else rest).append(c)
            moved = len(rest) < len(keep)
            keep = rest
        if keep:
            by_date[key] = keep
        else:
            del by_date[key]


class _Rows:
    """The candidates' stems as rows of sparse matrices over the story's vocabulary, each
    row built once: a vague date's candidates are matched against the finer dates' again
    and again (:func:`_fold_into_finer`), and a big story has tens of thousands."""

    def __init__(
        self, candidates: Iterable[_Candidate], weights: Mapping[str, float], dense: int = 0
    ) -> None:
        # Stems in sorted order, not the sets' (seed-dependent) order: float sums then add up
        # in the same order in every run and ties break alike.
        words = sorted({w for c in candidates for w in c.stems})
        self.vocab = {w: k for k, w in enumerate(words)}
        self.weights = weights
        self.dense = dense  # pairs up to which overlaps are summed in Python (_overlaps)
        self.memo: dict[int, tuple[list[int], list[float]]] = {}

    def _row(self, stems: frozenset[str]) -> tuple[list[int], list[float]]:
        found = self.memo.get(id(stems))  # (the candidates hold their sets: ids stay theirs)
        if found is None:
            ordered = sorted(stems)
            found = ([self.vocab[w] for w in ordered], [self.weights.get(w, 1.0) for w in ordered])
            self.memo[id(stems)] = found
        return found

    def matrix(self, cs: Sequence[_Candidate]) -> csr_array:
        cols: list[int] = []
        vals: list[float] = []
        ends = [0]
        for c in cs:
            row_cols, row_vals = self._row(c.stems)
            cols += row_cols
            vals += row_vals
            ends.append(len(cols))
        return csr_array(
            (np.asarray(vals, dtype=float), np.asarray(cols, dtype=np.int32), ends),
            shape=(len(cs), max(1, len(self.vocab))),
        )


def _overlaps(a: Sequence[_Candidate], b: Sequence[_Candidate], rows: _Rows) -> np.ndarray:
    """:func:`newsfuse.fusion.text.overlap` of every candidate of ``a`` with every one of
    ``b``, as one sparse product: pairwise calls are quadratic in Python on a big story.
    Up to ``rows.dense`` pairs, summed in Python instead (a date has a few candidates, and the
    sparse matrices cost ~0.3 ms however small), in the product's order: bit for bit the same."""
    if len(a) * len(b) <= rows.dense:
        return _few_overlaps(a, b, rows)
    ma = rows.matrix(a)
    mb = ma if b is a else rows.matrix(b)  # (a date's candidates against themselves: built once)
    # ``mb > 0`` as a matrix of its own structure, without the sparse comparison's cost: a
    # weight not above 0 is an explicit 0 there, which adds nothing to a product's sum.
    held = csr_array(((mb.data > 0).astype(float), mb.indices, mb.indptr), shape=mb.shape)
    shared = (ma @ held.T).toarray()
    wa = np.asarray(ma.sum(axis=1)).ravel()
    wb = wa if mb is ma else np.asarray(mb.sum(axis=1)).ravel()
    lighter = np.minimum.outer(wa, wb)
    with np.errstate(divide="ignore", invalid="ignore"):
        out = np.where(lighter > 0, shared / lighter, 0.0)
    return np.asarray(out)


def _few_overlaps(a: Sequence[_Candidate], b: Sequence[_Candidate], rows: _Rows) -> np.ndarray:
    """:func:`_overlaps` pair by pair: the same sums of the same weights in the same order
    (what two rows share in vocabulary order, added one by one from 0 as scipy's product adds
    it; a row's weight as scipy's row sum adds it), so the same floats."""
    ra = [rows._row(c.stems) for c in a]
    rb = ra if b is a else [rows._row(c.stems) for c in b]
    wa = _row_sums(ra)
    wb = wa if rb is ra else _row_sums(rb)
    held = [{k for k, v in zip(cols, vals, strict=True) if v > 0} for cols, vals in rb]
    out = np.zeros((len(a), len(b)))
    for i, (cols, vals) in enumerate(ra):
        for j, cols_b in enumerate(held):
            lighter = min(wa[i], wb[j])
            if lighter > 0:
                shared = _added([v for k, v in zip(cols, vals, strict=True) if k in cols_b])
                out[i, j] = shared / lighter
    return out


def _row_sums(rows: Sequence[tuple[list[int], list[float]]]) -> list[float]:
    """Each row's weights summed as scipy sums a sparse matrix's rows (``np.add.reduceat``
    over the row's stretch of its data: numpy's pairwise sum, not one by one)."""
    lengths = np.array([len(vals) for _, vals in rows], dtype=np.int64)
    out = np.zeros(len(rows))
    if lengths.any():
        data = np.asarray([v for _, vals in rows for v in vals], dtype=float)
        starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
        out[lengths > 0] = np.add.reduceat(data, starts[lengths > 0])
    return [float(w) for w in out]


def _added(values: Iterable[float]) -> float:
    """``values`` added one by one from 0, as scipy's sparse product adds them (not ``sum``,
    which compensates from Python 3.12)."""
    total = 0.0
    for v in values:
        total += v
    return total


def _entries_for(
    candidates: Sequence[_Candidate],
    rows: _Rows,
    per_date: int,
    settings: TimelineSettings,
) -> list[tuple[_Candidate, list[_Candidate]]]:
    """The best-reported happenings of one date, each told by its most restated sentence and
    with every candidate that reports it (paraphrases included)."""
    unique = list({(c.article, c.sentence.index): c for c in candidates}.values())
    near = _overlaps(unique, unique, rows)
    np.fill_diagonal(near, 0.0)
    # How much of the day the others restate, each pair's shared weight over the geometric
    # mean of the two sentences' (a cosine): ``near`` divides by the lighter one, so a short
    # fragment whose few words every report holds would restate everything. A later report's
    # look back at the day restates it best (what happened, in one sentence): it counts double.
    weight = np.array(_row_sums([rows._row(c.stems) for c in unique]))
    with np.errstate(divide="ignore", invalid="ignore"):
        cosine = np.nan_to_num(
            near * np.minimum.outer(weight, weight) / np.sqrt(np.outer(weight, weight))
        )
    restated = cosine.sum(axis=1) * np.array([1.0 + c.remembers for c in unique])
    order = sorted(range(len(unique)), key=lambda i: (-restated[i], unique[i].sentence.index))
    # Most restated first, each sentence joins the first happening whose sentences it overlaps
    # on average by ``same_happening`` (average link: not through one member's words, which
    # chains the blast to the threat made before it; not only through the first one's, which
    # splits the blast's paraphrases around a long first telling).
    groups: list[list[int]] = []
    sums = np.zeros((len(unique), len(unique)))  # sums[g, i]: i's overlaps with group g
    sizes = np.zeros(len(unique))
    for i in order:
        n = len(groups)
        fits = np.flatnonzero(sums[:n, i] >= settings.same_happening * sizes[:n])
        g = int(fits[0]) if len(fits) else n
        if g == n:
            groups.append([])
        groups[g].append(i)
        sums[g] += near[i]  # (symmetric)
        sizes[g] += 1
    # A happening only openings filed by publication tell is kept when a sentence of it names
    # the day; an opening may head it (openings tell the day's news most plainly).
    kept = [[unique[i] for i in g] for g in groups]
    kept = [g for g in kept if any(c.mention is not None for c in g)]
    kept.sort(key=lambda g: (-len({c.family for c in g}), -len(g)))
    return [(g[0], g) for g in kept[:per_date]]
