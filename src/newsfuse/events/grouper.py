"""Incremental event grouping: each arriving article joins an event or opens a new one.

Shaped like scikit-learn's ``Birch.partial_fit``: the parameters are given to ``__init__``
(one :class:`~newsfuse.settings.GroupingSettings`), the learned state has a trailing
underscore, and :meth:`EventGrouper.add` learns from one article at a time. Nothing here does
I/O: the store persists each article's features and event and hands them back to
:meth:`EventGrouper.restore`.

How an article is placed:

1. Its terms are weighted by TF-IDF, with document frequencies learned from the stream so far;
   names and numbers weigh more, because they tell apart two events of one kind.
2. Candidate events are those sharing one of its most distinctive terms, looked up in an
   inverted index (never a scan of every stored article).
3. Each candidate is scored by the cosine between the article and the event's centroid, times
   the agreement of their publication dates (which costs at most down to a floor when the
   article shares a name with that event alone: see ``GroupingSettings.story_floor``); the
   article joins the best event whose score reaches the threshold, else it opens a new event.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import heapq
import math
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from itertools import repeat
from pathlib import Path
from typing import Any

import numpy as np
from scipy import linalg, sparse

from newsfuse.events.extract import Features, features, person_key
from newsfuse.models import Article
from newsfuse.settings import FeatureSettings, GroupingSettings

# What a saved state (EventGrouper.state) is valid for: this module's code, with the settings.
# A state saved by other code is never loaded (the store replays the articles instead), so a
# change to how vectors or centroids are computed never meets a state computed the old way.
_CODE = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]


@dataclass(frozen=True)
class Assignment:
    """Where :meth:`EventGrouper.add` put an article: its event, and whether it opened it."""

    event_id: str
    new: bool


@dataclass
class _Event:
    id: str
    members: list[str] = field(default_factory=list)
    # Sum of the members' unit TF-IDF vectors, each weighted with the IDF of the moment it
    # joined: kept up to date in O(article) per join (rescoring every stored term each time the
    # IDF moves would cost O(event)), and replayed exactly by restore().
    centroid: dict[str, float] = field(default_factory=dict)
    norm2: float = 0.0
    # The members' publication days (proleptic ordinals), sorted: an article's distance from
    # the event is to the nearest of them, not to the range they span. An event whose
    # follow-up came years later (see story_floor) spans years, and within the range every
    # date agreed in full: the second pass then moved lone reports of other shootings of those
    # years into it (GVA 0.915 against 0.926 with the nearest day, moving lone reports at 0.12).
    days: list[int] = field(default_factory=list)
    # The street addresses its members give ("1200 west", see extract.blocks), sorted.
    blocks: list[str] = field(default_factory=list)
    # The people its members give an age for ("tyrone tomman", see extract.persons), sorted.
    persons: list[str] = field(default_factory=list)


def _dot(vector: Mapping[str, float], centroid: Mapping[str, float]) -> float:
    dot = 0.0
    get = centroid.get  # bound once: every candidate event of every article comes here
    for t, w in vector.items():
        c = get(t)
        if c is not None:
            dot += w * c
    return dot


def _accumulate(centroid: dict[str, float], vector: Mapping[str, float]) -> tuple[float, list[str]]:
    """Add unit ``vector`` to ``centroid``; return how much its squared norm grows, and the
    terms it did not hold before (one pass: restore() replays this for every stored article)."""
    dot = 0.0
    fresh: list[str] = []
    get = centroid.get
    for t, w in vector.items():
        c = get(t)
        if c is None:
            fresh.append(t)
            centroid[t] = w
        else:
            dot += c * w
            centroid[t] = c + w
    return 2 * dot + (1.0 if vector else 0.0), fresh


def _parse_blocks(blocks: Iterable[str]) -> list[tuple[int, str]]:
    parsed = []
    for block in blocks:
        number, _, street = block.partition(" ")
        parsed.append((int(number), street))
    return parsed


def _same_block(a: int, b: int) -> bool:
    """Block numbers of one place: within one block ("the 2700 block" and "the 2800 block" of
    one street in two reports of one shooting), or one the rounded form of the other ("the
    12000 block" for the 12500 block)."""
    if abs(a - b) <= 100:
        return True
    low, high = min(a, b), max(a, b)
    span = 1
    while low and low % (span * 10) == 0:
        span *= 10
    return span > 100 and high < low + span


def _addresses_clash(ours: list[str], theirs: list[str]) -> bool:
    """Both sides give street addresses and none of theirs is one of ours (same street's first
    word, same block)."""
    if not ours or not theirs:
        return False
    mine = _parse_blocks(ours)
    return not any(
        street == other and _same_block(number, n)
        for number, street in mine
        for n, other in _parse_blocks(theirs)
    )


def _pairs_z(sim: np.ndarray, a: np.ndarray, b: np.ndarray) -> float:
    """Welch's t of the cosines of pairs within a side (both sides' pairs together) against
    those of pairs across the cut: how surely the sides' pairs resemble each other more than
    pairs across do, which grows with the number of pairs that show it."""
    within = np.concatenate(
        [sim[np.ix_(side, side)][np.triu_indices(int(side.sum()), 1)] for side in (a, b)]
    )
    across = sim[np.ix_(a, b)].ravel()
    if len(within) < 2 or len(across) < 2:
        return 0.0
    spread = math.sqrt(within.var(ddof=1) / len(within) + across.var(ddof=1) / len(across))
    return float((within.mean() - across.mean()) / spread) if spread > 0 else 0.0


def _texts(sim: np.ndarray, side: np.ndarray, s: GroupingSettings) -> int:
    """How many different texts a side holds: members that are not a near-copy (cosine of
    ``split_copy`` or more) of an earlier member of the side. Two copies of one report resemble
    each other perfectly, so a side of copies would look like a story of its own and cut an
    event of two reports, each given twice, in two."""
    members = np.flatnonzero(side)
    kept: list[int] = []
    for m in members:
        if all(sim[m, k] < s.split_copy for k in kept):
            kept.append(int(m))
    return len(kept)


def _fiedler_sides(graph: np.ndarray) -> np.ndarray | None:
    """0/1 per member: the sign of the Fiedler vector of ``graph`` (normalised Laplacian);
    None when a member resembles no other (no graph to cut)."""
    degree = graph.sum(axis=1)
    if not (degree > 0).all():
        return None
    scale = 1.0 / np.sqrt(degree)
    laplacian = np.eye(len(graph)) - scale[:, None] * graph * scale[None, :]
    # Only the two smallest eigenpairs (LAPACK's evx): a third of the time of them all.
    _, eigenvectors = linalg.eigh(laplacian, subset_by_index=[0, 1], driver="evx")
    side: np.ndarray = (eigenvectors[:, 1] * scale > 0).astype(int)
    return side


def _cut_ratio(sim: np.ndarray, a: np.ndarray, b: np.ndarray) -> float:
    """Mean cosine across the cut over the lower of the two sides' own mean cosines."""
    graph = np.maximum(sim, 0.0)
    na, nb = int(a.sum()), int(b.sum())
    within_a = (graph[np.ix_(a, a)].sum() - np.trace(graph[np.ix_(a, a)])) / (na * (na - 1))
    within_b = (graph[np.ix_(b, b)].sum() - np.trace(graph[np.ix_(b, b)])) / (nb * (nb - 1))
    lower = min(within_a, within_b)
    return float(sim[np.ix_(a, b)].mean() / lower) if lower > 0 else math.inf


def _two_stories(
    vectors: list[dict[str, float]], s: GroupingSettings, days: list[int | None] | None = None
) -> np.ndarray | None:
    """The two sides (0/1 per member) of the cut along the Fiedler vector of the members'
    cosine graph (normalised Laplacian), if each side has ``split_min_size`` members and the
    mean cosine across it is below ``split_ratio`` times the lower of the two sides' own mean
    cosines, or below ``split_z_ratio`` times it with the pairs' z (:func:`_pairs_z`) at
    least ``split_z``; else, when every member has a day (``days``, ordinals), the cut of
    the graph whose cosines decay with the days between the two reports as add()'s date
    agreement does (``date_half_life``), if each side holds ``split_dated_min_size``
    different texts, and its ratio on that graph is below ``split_dated_ratio`` and on the
    plain cosines below ``split_dated_plain``; else None."""
    index: dict[str, int] = {}
    rows, cols, vals = [], [], []
    for i, vector in enumerate(vectors):
        for t, w in vector.items():
            rows.append(i)
            cols.append(index.setdefault(t, len(index)))
            vals.append(w)
    n = len(vectors)
    x = sparse.csr_matrix((vals, (rows, cols)), shape=(n, max(1, len(index))))
    sim = np.asarray((x @ x.T).todense())
    graph = np.maximum(sim, 0.0)
    np.fill_diagonal(graph, 0.0)
    side = _fiedler_sides(graph)
    if side is not None and _sides_big_enough(sim, side, s):
        a, b = side == 0, side == 1
        ratio = _cut_ratio(sim, a, b)
        if ratio < s.split_ratio:
            return side
        if s.split_z and ratio < s.split_z_ratio and _pairs_z(sim, a, b) >= s.split_z:
            return side
    if not s.split_dated_ratio or n < 2 * s.split_dated_min_size or days is None:
        return None
    known = [d for d in days if d is not None]
    if len(known) < n or max(known) - min(known) <= s.date_window:
        return None  # an undated member, or nothing the dates would decay
    # Two stories of one region told weeks apart (DUC: a market bombing, then the opening of
    # an airport; an antitrust trial's run-up, then a takeover) share so many words that
    # their plain cut reads like a drifting story's; with the cosines decayed by the days
    # between reports, the halves fall apart. A story followed up months later (an arrest, a
    # trial) falls apart so too, but its halves resemble each other on the plain cosines
    # about as much as themselves: split_dated_plain keeps it whole.
    when = np.asarray(known, dtype=float)
    gap = np.maximum(0.0, np.abs(when[:, None] - when[None, :]) - s.date_window)
    dated = sim * 0.5 ** (gap / s.date_half_life)
    dated_graph = np.maximum(dated, 0.0)
    np.fill_diagonal(dated_graph, 0.0)
    side = _fiedler_sides(dated_graph)
    if side is None or not _sides_big_enough(sim, side, s, s.split_dated_min_size):
        return None
    a, b = side == 0, side == 1
    if _cut_ratio(dated, a, b) < s.split_dated_ratio and _cut_ratio(sim, a, b) < (
        s.split_dated_plain
    ):
        return side
    return None


def _sides_big_enough(
    sim: np.ndarray, side: np.ndarray, s: GroupingSettings, least: int | None = None
) -> bool:
    """Each side holds ``least`` (default ``split_min_size``) members, different texts."""
    least = s.split_min_size if least is None else least
    a, b = side == 0, side == 1
    if min(int(a.sum()), int(b.sum())) < least:
        return False
    return min(_texts(sim, a, s), _texts(sim, b, s)) >= least


class EventGrouper:
    """Group a stream of articles into events, one article at a time.

    >>> g = EventGrouper(GroupingSettings())
    >>> a = g.add(article.id, g.features(article), article.published)  # doctest: +SKIP
    >>> a.event_id, a.new  # doctest: +SKIP
    """

    def __init__(
        self,
        settings: GroupingSettings | None = None,
        feature_settings: FeatureSettings | None = None,
    ) -> None:
        self.settings = settings or GroupingSettings()
        self.feature_settings = feature_settings or FeatureSettings()
        self.n_articles_ = 0
        self.df_: Counter[str] = Counter()
        self.events_: dict[str, _Event] = {}
        self.event_of_: dict[str, str] = {}
        # term -> ids of the events holding it, in the order they first held it.
        self.postings_: dict[str, list[str]] = {}
        # Set by prime(): document frequencies known for the whole set in advance.
        self.fixed_df_ = False
        # First words of the people the stream gave an age for (extract.persons): given names.
        self.given_: Counter[str] = Counter()

    # --- public surface -----------------------------------------------------------------------

    def features(self, article: Article) -> Features:
        """The JSON-serialisable features of one cleaned article (see :mod:`.extract`); they
        depend on the article alone, so the store can keep them for :meth:`restore`."""
        if not isinstance(article, Article):
            raise TypeError("features() takes a newsfuse Article")
        return features(article, self.feature_settings)

    def add(self, article_id: str, feats: Features, published: dt.date | None) -> Assignment:
        """Place one article: join the best event over the threshold or open a new one.

        Deterministic: the same articles added in the same order give the same assignments.
        """
        if article_id in self.event_of_:
            return Assignment(self.event_of_[article_id], new=False)
        self._count(feats)
        vector = self._vector(feats)
        story = self._story_events(feats)
        addresses: list[str] = feats.get("blocks", [])
        people: list[str] = feats.get("persons", [])
        threshold = self.settings.threshold
        people_floor = self.settings.person_floor
        best_id, best = None, 0.0
        for event_id in self._candidates(vector):
            event = self.events_[event_id]
            score = self._score(vector, story.get(event_id, 0), event, published)
            if score < threshold and people_floor:
                # A person both name: the dates set aside (see GroupingSettings.person_floor).
                undated = self._score(vector, False, event, None) * people_floor
                if (
                    undated > score
                    and undated >= threshold
                    and self._share_person(people, vector, event.persons, event.centroid)
                ):
                    score = undated
            if _addresses_clash(addresses, event.blocks):
                score *= self.settings.address_clash
            if score > best:
                best_id, best = event_id, score
        if best_id is not None and best >= threshold:
            self._join(best_id, article_id, vector, published, addresses, people)
            return Assignment(best_id, new=False)
        event_id = self._new_id(article_id)
        self._join(event_id, article_id, vector, published, addresses, people)
        return Assignment(event_id, new=True)

    def restore(self, rows: Iterable[tuple[str, Features, dt.date | None, str]]) -> EventGrouper:
        """Rebuild the state from stored ``(article_id, feats, published, event_id)`` rows, in
        the order they were added; no scoring is redone. Called again with the rows stored
        since, it goes on from there (the ids it holds are skipped). Returns ``self``."""
        for article_id, feats, published, event_id in rows:
            if article_id in self.event_of_:
                continue
            self._count(feats)
            self._join(
                event_id,
                article_id,
                self._vector(feats),
                published,
                feats.get("blocks", []),
                feats.get("persons", []),
            )
        return self

    def prime(self, all_feats: Iterable[Features]) -> EventGrouper:
        """Fix document frequencies to those of a whole set known in advance (batch use and
        the benchmark's "all at once" run); later adds then no longer update them."""
        for feats in all_feats:
            self.df_.update(feats["terms"].keys())
            self.n_articles_ += 1
        self.fixed_df_ = True
        return self

    def merge_small_events(self, only: Collection[str] | None = None) -> dict[str, str]:
        """The second pass: move each event of at most ``second_pass_size`` articles into the
        event whose members its own resemble on average (the mean cosine between the two
        events' members, times the agreement of their nearest days, reaching
        ``GroupingSettings.second_pass``). Returns ``{article_id: new event_id}`` for the
        articles moved, for the caller (a store) to record.

        Why small events only: one that few or no articles joined is mostly a report the IDF of
        its moment kept just under the threshold (a story that drifts, an early article of a
        stream); merging larger events joins the sister events of ECB+ (two fires of one kind)
        more often than it mends a split. The mean cosine, unlike the centroid's, is low for a
        loose event, so the pass does not chain.

        ``only``: consider moving these events only (the store's pass over what a batch
        touched); any event may still receive them.
        """
        s = self.settings
        if not s.second_pass:
            return {}
        moved: dict[str, str] = {}
        small = [e for e in self.events_.values() if len(e.members) <= s.second_pass_size]
        if only is not None:
            small = [e for e in small if e.id in only]
        for event in small:
            if event.id not in self.events_ or len(event.members) > s.second_pass_size:
                continue  # moved already in this pass, or grown past the size by it
            target = self._closest_event(event)
            if target is not None:
                self._absorb(target, event)
                moved.update(dict.fromkeys(event.members, target.id))
        return moved

    def split_events(
        self,
        feats: Mapping[str, Features],
        published: Mapping[str, dt.date | None],
        only: Collection[str] | None = None,
    ) -> dict[str, str]:
        """Cut in two each event that holds two stories: the members are split along the
        Fiedler vector of their cosine graph (TF-IDF of now), and the cut is kept when the mean
        cosine across it is below ``GroupingSettings.split_ratio`` times the lower of the two
        halves' own mean cosines (or below ``split_z_ratio`` times it, when the pairs within
        the halves against those across give a Welch t of ``split_z`` or more). The half
        holding the event's first article keeps its id; the other opens a new event.
        ``feats`` and ``published`` give every member's features and
        date (the grouper keeps neither). Returns ``{article_id: new event_id}`` for the
        articles moved.

        Why after the stream: a single pass decides each article once, and the first report of
        a sister event (a second fire, a second title fight of one boxer) scores against the
        event already there as high as that event's own reports do. Once both stories have
        their reports, the members fall into two groups that barely resemble each other; a
        story that drifts over weeks has no such cut.

        ``only``: cut these events only (``feats`` and ``published`` then need their members
        alone).
        """
        s = self.settings
        if not s.split_ratio:
            return {}
        moved: dict[str, str] = {}
        for event in list(self.events_.values()):
            if len(event.members) < 2 * s.split_min_size:
                continue
            if only is not None and event.id not in only:
                continue
            members = list(event.members)
            vectors = [self._vector(feats[m]) for m in members]
            days = [None if (p := published.get(m)) is None else p.toordinal() for m in members]
            side = _two_stories(vectors, s, days)
            if side is None:
                continue
            keep = side[0]  # the side of the event's first article keeps the event's id
            self._drop_postings(event)
            event.members, event.centroid, event.norm2, event.days = [], {}, 0.0, []
            event.blocks, event.persons = [], []
            new_id = self._new_id(members[int(np.flatnonzero(side != keep)[0])])
            for m, vector, k in zip(members, vectors, side, strict=True):
                target = event.id if k == keep else new_id
                self._join(
                    target,
                    m,
                    vector,
                    published.get(m),
                    feats[m].get("blocks", []),
                    feats[m].get("persons", []),
                )
                if k != keep:
                    moved[m] = new_id
        return moved

    def settle(
        self,
        article_ids: Iterable[str],
        load: Callable[[list[str]], tuple[Mapping[str, Features], Mapping[str, dt.date | None]]],
    ) -> dict[str, str]:
        """Both later passes over the events of ``article_ids`` (what a store's ``add`` just
        stored): :meth:`merge_small_events` over their small events, then
        :meth:`split_events` over their events (after the merge) large enough to cut.
        ``load(ids)`` gives those members' features and dates (the grouper keeps neither).
        Returns ``{article_id: event_id now}`` for every article moved.

        Why only the touched events: the passes then cost what the batch added, not what the
        store holds, and an event no article joined has not changed since its last pass (an
        event of ``resplit_below`` articles or more is cut only when at least
        ``resplit_share`` of its members came now).
        """
        s = self.settings
        new = Counter(self.event_of_[a] for a in article_ids if a in self.event_of_)
        moved = self.merge_small_events(only=set(new))
        new.update(moved.values())  # an event that received articles is touched too
        # Cutting an event costs its members' features and a dense eigenproblem (about 1 s
        # at 1,000): a large event is cut again only when this add brought a good share of
        # it, not at every report a feed adds to a long story.
        large = [
            e
            for e, k in sorted(new.items())
            if e in self.events_
            and (n := len(self.events_[e].members)) >= 2 * s.split_min_size
            and (n < s.resplit_below or k >= s.resplit_share * n)
        ]
        if s.split_ratio and large:
            members = [m for e in large for m in self.events_[e].members]
            feats, published = load(members)
            moved.update(self.split_events(feats, published, only=set(large)))
        return {a: self.event_of_[a] for a in moved}

    def _drop_postings(self, event: _Event) -> None:
        postings = self.postings_
        for term in event.centroid:
            holders = postings[term]
            holders.remove(event.id)
            if not holders:
                del postings[term]

    @property
    def state_key(self) -> str:
        """What a saved :meth:`state` is valid for: this code and these settings."""
        return hashlib.sha256(f"{_CODE} {self.settings!r}".encode()).hexdigest()[:32]

    def state(self) -> dict[str, Any]:
        """The learned state as JSON-serialisable data, for :meth:`load_state`: loading it
        gives this grouper exactly (JSON keeps every order, and floats to the last bit), at a
        fraction of the cost of :meth:`restore` from every article."""
        return {
            "n_articles": self.n_articles_,
            "fixed_df": self.fixed_df_,
            "df": self.df_,
            "given": self.given_,
            "events": [
                [e.id, e.members, e.centroid, e.norm2, e.days, e.blocks, e.persons]
                for e in self.events_.values()
            ],
            "postings": self.postings_,
        }

    def load_state(self, state: Mapping[str, Any]) -> EventGrouper:
        """Take a :meth:`state` saved by a grouper of the same :attr:`state_key` (then
        :meth:`restore` goes on with the articles added after it). Returns ``self``."""
        self.n_articles_ = int(state["n_articles"])
        self.fixed_df_ = bool(state["fixed_df"])
        self.df_ = Counter(state["df"])
        self.given_ = Counter(state["given"])
        self.events_, self.event_of_ = {}, {}
        for event_id, members, centroid, norm2, days, blocks, persons in state["events"]:
            self.events_[event_id] = _Event(
                event_id, members, centroid, norm2, days, blocks, persons
            )
            self.event_of_.update(dict.fromkeys(members, event_id))
        self.postings_ = dict(state["postings"])
        return self

    @property
    def groups_(self) -> list[list[str]]:
        """Article ids of each event, events in the order they were opened."""
        return [list(e.members) for e in self.events_.values()]

    # --- internals ----------------------------------------------------------------------------

    def _count(self, feats: Features) -> None:
        if self.settings.story_given:
            self.given_.update({p.split()[0] for p in feats.get("persons", ())})
        if not self.fixed_df_:
            self.df_.update(feats["terms"].keys())
            self.n_articles_ += 1

    def _vector(self, feats: Features) -> dict[str, float]:
        """Unit TF-IDF vector: sublinear term frequency, times the name/number boost, times the
        IDF of now, over the article's max_terms heaviest terms."""
        s = self.settings
        # IDF with a prior: prior_docs pseudo-documents in which a term occurs as often as in
        # general English (a report of ~prior_words words), so that early in a stream, when
        # every term is still rare, "earthquake" already weighs less than "Qeshm".
        terms: Mapping[str, int] = feats["terms"]
        if not terms:
            return {}
        keys = list(terms)
        n = len(keys)
        # Vectorised: restore() replays this for every stored article.
        counts = np.fromiter(terms.values(), dtype=float, count=n)
        df = np.fromiter(map(self.df_.get, keys, repeat(1)), dtype=float, count=n)
        zipf = np.fromiter(map(feats.get("zipf", {}).get, keys, repeat(0.0)), dtype=float, count=n)
        prior = np.where(
            zipf > 0, s.prior_docs * np.minimum(1.0, s.prior_words * 10.0 ** (zipf - 9)), 0.0
        )
        idf = math.log(self.n_articles_ + s.prior_docs + 1) - np.log(df + prior)
        weights = (1.0 + np.log(counts)) * idf
        position = {t: i for i, t in enumerate(keys)}
        for term in feats.get("names", ()):
            if term in position:
                weights[position[term]] *= s.name_boost
        for term in feats.get("numbers", ()):
            if term in position:
                weights[position[term]] *= s.number_boost
        keep = np.flatnonzero(weights > 0)
        if s.max_terms and len(keep) > s.max_terms:
            # The heaviest max_terms, ties broken by term order (a stable sort).
            order = np.argsort(-weights[keep], kind="stable")[: s.max_terms]
            keep = np.sort(keep[order])
        kept = weights[keep]
        norm = float(np.sqrt(kept @ kept))
        if norm == 0:
            return {}
        return dict(zip([keys[i] for i in keep], (kept / norm).tolist()))

    def _candidates(self, weights: Mapping[str, float]) -> list[str]:
        s = self.settings
        terms = heapq.nlargest(
            s.candidate_terms,
            (t for t in weights if t in self.postings_),
            key=lambda t: (weights[t], t),
        )
        votes: dict[str, float] = {}
        get = votes.get
        for t in terms:
            w = weights[t]
            for event_id in self.postings_[t][-s.max_postings :]:
                votes[event_id] = get(event_id, 0.0) + w
        # Hundreds of voters per article: (votes, id) pairs compare in C, a key function would
        # be a Python call each (the same order: ids are unique).
        best = heapq.nlargest(s.max_candidates, zip(votes.values(), votes))
        return [event_id for _, event_id in best]

    def _story_events(self, feats: Features) -> dict[str, int]:
        """The events that share one of the article's multi-word names with no other event,
        each with how many it shares (a name whose first word the stream has given an age,
        "tara reid" once some "Tara Lee, 22," came, counts ``story_names``)."""
        found: Counter[str] = Counter()
        need = self.settings.story_names
        given = self.given_
        for name in feats.get("names", ()):
            if name[0] == "@":
                holders = self.postings_.get(name)
                if holders is not None and len(holders) == 1:
                    key = person_key(name[1:].split()) if given else None
                    person = key is not None and given[key.split()[0]] >= self.settings.story_given
                    found[holders[0]] += need if person else 1
        return dict(found)

    def _score(
        self, vector: dict[str, float], names_story: int, event: _Event, published: dt.date | None
    ) -> float:
        if event.norm2 <= 0:
            return 0.0
        cosine = _dot(vector, event.centroid) / math.sqrt(event.norm2)
        if cosine <= 0:
            return 0.0
        day = None if published is None else published.toordinal()
        agreement = self._date_agreement(event, day, self.settings.date_half_life)
        s = self.settings
        if names_story >= s.story_names or (
            names_story and day is not None and self._gap(event, day) <= s.story_days
        ):
            agreement = max(agreement, s.story_floor)
        return cosine * agreement

    @staticmethod
    def _gap(event: _Event, day: int) -> int:
        """Days from ``day`` to the event's nearest member's day (0 for an undated event)."""
        if not event.days:
            return 0
        k = bisect.bisect_left(event.days, day)
        return min(abs(d - day) for d in event.days[max(0, k - 1) : k + 1])

    def _date_agreement(self, event: _Event, day: int | None, half_life: float) -> float:
        """1 + date_bonus within date_window days of the event's nearest member, then halving
        every half_life days; 1 when either side has no date."""
        if day is None or not event.days:
            return 1.0
        s = self.settings
        gap = max(0.0, self._gap(event, day) - s.date_window)
        return float((1.0 + s.date_bonus) * 0.5 ** (gap / half_life))

    def _join(
        self,
        event_id: str,
        article_id: str,
        vector: dict[str, float],
        published: dt.date | None,
        blocks: list[str],
        persons: list[str],
    ) -> None:
        event = self.events_.get(event_id)
        if event is None:
            event = self.events_[event_id] = _Event(event_id)
        # |c + x|^2 = |c|^2 + 2 c.x + |x|^2, and |x| = 1 (or 0 for an article with no terms).
        grown, fresh = _accumulate(event.centroid, vector)
        event.norm2 += grown
        postings = self.postings_
        for t in fresh:
            postings.setdefault(t, []).append(event_id)
        event.members.append(article_id)
        if published is not None:
            bisect.insort(event.days, published.toordinal())
        if blocks:
            event.blocks = sorted(set(event.blocks).union(blocks))
        if persons:
            event.persons = sorted(set(event.persons).union(persons))
        self.event_of_[article_id] = event_id

    def _closest_event(self, event: _Event) -> _Event | None:
        """The other event whose members ``event``'s resemble most on average, if that reaches
        the second pass's threshold (candidates from the index, as for an article)."""
        s = self.settings
        best, best_score = None, s.second_pass
        size = len(event.members)
        for event_id in self._candidates(event.centroid):
            other = self.events_[event_id]
            if other is event:
                continue
            if s.address_clash < 1 and _addresses_clash(event.blocks, other.blocks):
                continue  # another street address: another incident
            half_life = s.second_pass_half_life
            # A story of many reports runs for weeks (GroupingSettings.second_pass_story_size).
            if s.second_pass_story_size and len(other.members) >= s.second_pass_story_size:
                half_life = s.date_half_life
            agreement = max(
                (self._date_agreement(other, day, half_life) for day in event.days),
                default=1.0,
            )
            mean = _dot(event.centroid, other.centroid) / (size * len(other.members))
            if (
                agreement < s.person_floor
                and mean * s.person_floor >= best_score
                and self._share_person(event.persons, event.centroid, other.persons, other.centroid)
            ):
                agreement = s.person_floor
            if mean * agreement >= best_score:
                best, best_score = other, mean * agreement
        return best

    def _share_person(
        self,
        persons: Collection[str],
        names: Mapping[str, float],
        other_persons: Collection[str],
        other_names: Mapping[str, float],
    ) -> bool:
        """One side gives an age for a person (``"tyrone tomman"``, see extract.persons) whom
        the other names too: with an age as well, or in a name of its own ("@tyrone tomman",
        "@tyrone lee tomman"), held by no more than ``person_events`` events (a town that the
        pattern took for a person is in many). A side is an event (its persons and centroid)
        or an article being placed (its persons and vector)."""
        postings, most = self.postings_, self.settings.person_events
        for mine, their_names, theirs in (
            (persons, other_names, other_persons),
            (other_persons, names, persons),
        ):
            if not mine:
                continue
            if any(p in theirs and len(postings.get("@" + p, ())) <= most for p in mine):
                return True
            wanted = set(mine)
            for term in their_names:
                if (
                    term[0] == "@"
                    and person_key(term[1:].split()) in wanted
                    and len(postings.get(term, ())) <= most
                ):
                    return True
        return False

    def _absorb(self, target: _Event, event: _Event) -> None:
        """Move every article of ``event`` into ``target`` and drop ``event``."""
        del self.events_[event.id]
        self._drop_postings(event)
        postings = self.postings_
        # |a + b|^2 = |a|^2 + 2 a.b + |b|^2 (both sums of the members' vectors).
        target.norm2 += 2 * _dot(event.centroid, target.centroid) + event.norm2
        _, fresh = _accumulate(target.centroid, event.centroid)
        for t in fresh:
            postings.setdefault(t, []).append(target.id)
        target.members.extend(event.members)
        target.days = sorted(target.days + event.days)
        target.blocks = sorted(set(target.blocks).union(event.blocks))
        target.persons = sorted(set(target.persons).union(event.persons))
        self.event_of_.update(dict.fromkeys(event.members, target.id))

    def _new_id(self, article_id: str) -> str:
        # Named after its first article, so the same stream gives the same ids in any store.
        digest = hashlib.sha1(article_id.encode("utf-8")).hexdigest()[:12]
        event_id, n = f"e{digest}", 1
        while event_id in self.events_:
            n += 1
            event_id = f"e{digest}-{n}"
        return event_id
