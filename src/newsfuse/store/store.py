"""The store: articles, their events and the events' briefs, in SQLite or PostgreSQL.

The only code that talks to the database. Every write goes through :meth:`Store._write`: one
transaction that first takes the store's write lock (``BEGIN IMMEDIATE`` on SQLite, an
advisory lock on PostgreSQL), so a second writer waits instead of interleaving. ``add`` writes
in batches; each batch commits its articles together with their event assignments (and the
grouper's features of each), so a run killed at any point leaves whole batches only, and a
re-run, which restores the grouper from the stored features, ends with the store a clean run
gives. Briefs are recomputed afterwards, only for the events a batch touched (``dirty``).
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import logging
import os
import sqlite3
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Protocol

import sqlalchemy as sa

from newsfuse.fusion import clean, dates, fuse, screen
from newsfuse.models import (
    AddedArticle,
    AddReport,
    Article,
    Articles,
    Brief,
    EventSummary,
    RemovedLine,
)
from newsfuse.settings import DEFAULT, Settings
from newsfuse.sources import free_id, length_warning, read_sources, renamed_warning, text_hash
from newsfuse.store import schema
from newsfuse.store.schema import articles as A
from newsfuse.store.schema import briefs as B
from newsfuse.store.schema import event_redirects as R
from newsfuse.store.schema import events as E
from newsfuse.store.schema import grouping_passes as P
from newsfuse.store.schema import grouping_state as G

log = logging.getLogger(__name__)
#: The largest integer SQLite and PostgreSQL (bigint) take as a parameter.
_SQL_INT_MAX = 2**63 - 1

#: ``progress(stage, done, total)``: stage is "adding" or "briefing".
Progress = Callable[[str, int, int], None]


class StoreError(Exception):
    """A store that cannot be opened or used; ``str(error)`` is a one-line reason."""


class UnknownEvent(StoreError, KeyError):
    """No event with that id in the store."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0])


class UnknownArticle(StoreError, KeyError):
    """No article with that id in the store."""

    def __str__(self) -> str:
        return str(self.args[0])


if TYPE_CHECKING:
    import httpx

# --- the grouper, as the store uses it (implemented by newsfuse.events) --------------------


class _Assigned(Protocol):
    @property
    def event_id(self) -> str: ...
    @property
    def new(self) -> bool: ...


class Grouper(Protocol):
    """The incremental event grouping the store drives (``newsfuse.events.EventGrouper``)."""

    def features(self, article: Article) -> dict[str, Any]: ...
    def add(
        self, article_id: str, feats: dict[str, Any], published: dt.date | None
    ) -> _Assigned: ...
    @property
    def state_key(self) -> str:
        """What a saved :meth:`state` is valid for (the grouper's code and settings)."""
        ...

    def state(self) -> dict[str, Any]:
        """The learned state, JSON-serialisable: what :meth:`load_state` takes back."""
        ...

    def load_state(self, state: dict[str, Any]) -> object:
        """Become the grouper that saved ``state`` (of the same :attr:`state_key`)."""
        ...

    def restore(self, rows: Iterable[tuple[str, dict[str, Any], dt.date | None, str]]) -> object:
        """Take stored ``(article_id, feats, published, event_id)`` rows into the state, in
        the order they were added: first every row of the store, later the rows another
        process added since (each row once)."""
        ...

    def settle(
        self,
        article_ids: Iterable[str],
        load: Callable[
            [list[str]], tuple[Mapping[str, dict[str, Any]], Mapping[str, dt.date | None]]
        ],
    ) -> Mapping[str, str]:
        """Revisit the events of ``article_ids`` (the articles an add stored) now that they
        are in; ``load(ids)`` gives stored articles' features and dates. Returns
        ``{article_id: event_id}`` for the articles it moved to another event."""
        ...


def default_grouper(settings: Settings) -> Grouper:
    from newsfuse.events import EventGrouper

    grouper: Grouper = EventGrouper(settings.grouping, settings.features)
    return grouper


# --- the store -----------------------------------------------------------------------------


@dataclass
class _Prepared:
    """An article cleaned, screened, hashed and featurised, ready to be written."""

    article: Article
    hash: str
    feats: dict[str, Any]
    feats_json: str


class Store:
    """Articles grouped into events, with each event's brief kept current.

    ``Store("news.db")`` opens (or creates) a SQLite file; ``Store("postgresql://host/db")``
    a PostgreSQL database, through the same code. Use it as a context manager, or call
    :meth:`close`.

    >>> with Store("newsfuse.db") as store:
    ...     report = store.add(["examples/kaesong"])
    ...     for event in store.events():
    ...         print(event.id, event.title, len(event.articles))
    ...     brief = store.brief(event.id)
    """

    def __init__(
        self,
        location: str | Path,
        *,
        settings: Settings = DEFAULT,
        create: bool = True,
        grouper: Callable[[Settings], Grouper] | None = None,
    ) -> None:
        self.settings = settings
        self._make_grouper = grouper or default_grouper
        url, self.path = _database_url(location)
        if self.path is not None and not create and not self.path.is_file():
            raise StoreError(f"no store at {self.path} (newsfuse add creates one)")
        self.dialect = url.get_backend_name()
        self._engine = _engine(url, settings.store.busy_timeout)
        self.location = str(self.path) if self.path is not None else _shown_url(url)
        # What is stored, mirrored in memory so a batch checks duplicates without a query per
        # article; re-read whenever another process has written (see _sync).
        self._seq = -1
        self._ids: set[str] = set()
        self._urls: dict[str, str] = {}
        self._hashes: dict[str, str] = {}
        self._grouper: Grouper | None = None
        self._state_seq = -1  # the articles the latest saved grouping state holds (by seq)
        self._passes = 0  # the latest settling pass that moved articles, as the grouper knows
        # One add at a time per Store object: the mirror and the grouper above are not safe
        # for two threads (the web app runs adds in a thread pool). Readers take no lock:
        # each read is its own transaction on a pooled connection.
        self._adding = threading.RLock()
        # generation(): one connection of its own (SQLite), asked under this lock.
        self._watch: Any = None
        self._watch_lock = threading.Lock()
        try:
            if not create and self.path is None:
                with self._read() as conn:
                    if not sa.inspect(conn).has_table(schema.schema_version.name):
                        raise ValueError("no newsfuse store there (newsfuse add creates one)")
            with self._write() as conn:
                schema.migrate(conn)
        except ValueError as e:
            self._engine.dispose()
            raise StoreError(f"{self.location}: {e}") from None
        except sa.exc.SQLAlchemyError as e:
            self._engine.dispose()
            why = _db_error(e)
            if self.path is not None and not os.access(self.path.parent, os.W_OK):
                # SQLite's own "unable to open database file" says nothing of the cause
                why += (
                    f" (folder {self.path.parent} is read-only: SQLite writes beside the store,"
                    " even to read it)"
                )
            raise StoreError(f"cannot open the store {self.location}: {why}") from None

    # --- lifecycle ---

    def close(self) -> None:
        with self._watch_lock:
            if self._watch is not None:
                self._watch.close()
                self._watch = None
        self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # --- adding ---

    def add(
        self,
        sources: str | Path | Article | Iterable[str | Path | Article],
        *,
        refresh: bool = True,
        progress: Progress | None = None,
        client: httpx.Client | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> AddReport:
        """Read, clean and store every article of ``sources``, each assigned to an event.

        ``sources`` is what :func:`newsfuse.sources.read_sources` reads (paths, folders,
        JSONL, ``-``, URLs, feeds) and/or :class:`~newsfuse.models.Article` objects. An
        article whose URL or text is already stored is a duplicate and is not added again.
        With ``refresh``, the briefs of the events that got articles are recomputed at the end.
        """
        with self._adding:
            return self._add(
                sources, refresh=refresh, progress=progress, client=client, transport=transport
            )

    def _add(
        self,
        sources: str | Path | Article | Iterable[str | Path | Article],
        *,
        refresh: bool,
        progress: Progress | None,
        client: httpx.Client | None,
        transport: httpx.BaseTransport | None,
    ) -> AddReport:
        if isinstance(sources, (str, Path, Article)):
            sources = [sources]
        given = list(sources)
        known: list[AddedArticle] = []
        self._sync_now()

        def known_url(url: str) -> bool:
            stored = self._urls.get(url)
            if stored is not None:
                known.append(_duplicate(url, stored, "same URL"))
            return stored is not None

        paths = [s for s in given if not isinstance(s, Article)]
        read: Articles = Articles()
        if paths:
            read = read_sources(
                paths,
                client=client,
                transport=transport,
                settings=self.settings.fetch,
                progress=progress is not None,
                known_url=known_url,
                # Renamed here against the stored ids too, and only once it is not a
                # duplicate: a warning of a rename that did not happen would mislead.
                unique_ids=False,
            )
        # Given Article objects come after what was read from paths, in the order given.
        items = [*read, *(s for s in given if isinstance(s, Article))]
        outcomes: list[AddedArticle] = [
            AddedArticle(input=s.input, status="skipped", reason=s.reason) for s in read.skipped
        ]
        outcomes += known
        warnings = list(read.warnings)
        batch = max(1, self.settings.store.batch_size)
        pool = None
        workers = _workers(self.settings.store.workers)
        jobs = [(a, self._make_grouper, self.settings) for a in items]
        prepared: Iterator[_Prepared | AddedArticle]
        if workers > 1 and len(items) >= self.settings.store.parallel_articles_from:
            # Workers clean and featurise ahead while this process groups and writes, in order.
            pool = _pool(workers)
            prepared = pool.map(_prepare, jobs, chunksize=16)
        else:
            prepared = (_prepare(job) for job in jobs)
        try:
            done = 0
            while done < len(items):
                chunk = list(itertools.islice(prepared, batch))
                outcomes += self._add_batch(chunk, warnings)
                done += len(chunk)
                log.info("add: %d of %d articles stored or checked", done, len(items))
                if progress is not None:
                    progress("adding", done, len(items))
        finally:
            if pool is not None:
                pool.shutdown(cancel_futures=True)
        if self.settings.store.settle:
            outcomes = _settled(outcomes, *self._settle())
        outcomes = self._with_duplicates_events(outcomes)
        self._save_grouping_state()
        refreshed = self.refresh(progress=progress) if refresh else []
        return AddReport(
            articles=tuple(outcomes), refreshed=tuple(refreshed), warnings=tuple(warnings)
        )

    def _with_duplicates_events(self, outcomes: list[AddedArticle]) -> list[AddedArticle]:
        """Each duplicate with the event the article it duplicates is in now: where to read
        about it (the add form and the API link to it), after this add's settling."""
        ids = sorted({o.id for o in outcomes if o.status == "duplicate" and o.id})
        if not ids:
            return outcomes
        event_of: dict[str, str] = {}
        with self._read() as conn:
            for chunk in _chunks(ids):
                for r in conn.execute(sa.select(A.c.id, A.c.event_id).where(A.c.id.in_(chunk))):
                    event_of[r.id] = r.event_id
        return [
            o.model_copy(update={"event_id": event_of[o.id]})
            if o.status == "duplicate" and o.id in event_of
            else o
            for o in outcomes
        ]

    def _add_batch(
        self, prepared: Sequence[_Prepared | AddedArticle], warnings: list[str]
    ) -> list[AddedArticle]:
        """Store the new articles of ``prepared``; one stored under another id than its own
        (taken), or read only up to the length limit, adds a line to ``warnings``."""
        out: list[AddedArticle] = []
        try:
            with self._write() as conn:
                self._sync(conn)
                grouper = self._ensure_grouper()
                now = _now()
                rows: list[dict[str, Any]] = []
                new_events: list[dict[str, Any]] = []
                grown: dict[str, int] = defaultdict(int)
                latest: dict[str, dt.date] = {}  # per event, its batch's latest publication
                urls: dict[str, str] = {}
                hashes: dict[str, str] = {}
                ids: set[str] = set()
                for p in prepared:
                    if isinstance(p, AddedArticle):
                        out.append(p)
                        continue
                    a = p.article
                    shown = a.origin or a.id
                    url = a.url
                    if url is not None and (url in self._urls or url in urls):
                        out.append(_duplicate(shown, self._urls.get(url) or urls[url], "same URL"))
                        continue
                    if p.hash in self._hashes or p.hash in hashes:
                        same = self._hashes.get(p.hash) or hashes[p.hash]
                        out.append(_duplicate(shown, same, "same text"))
                        continue
                    article_id = free_id(a.id, lambda i: i in self._ids or i in ids)
                    if article_id != a.id:
                        warnings.append(renamed_warning(shown, a.id, article_id))
                    max_words = self.settings.clean.max_words
                    if cut := length_warning(a.removed_lines, shown, max_words):
                        warnings.append(cut)
                    assigned = grouper.add(article_id, p.feats, a.published)
                    rows.append(_article_row(a, article_id, p, assigned.event_id, now))
                    ids.add(article_id)
                    hashes[p.hash] = article_id
                    if url is not None:
                        urls[url] = article_id
                    if a.origin and a.origin != url and a.origin.startswith(("http:", "https:")):
                        urls[a.origin] = article_id
                    if a.published is not None:
                        was = latest.get(assigned.event_id)
                        latest[assigned.event_id] = max(was or a.published, a.published)
                    if assigned.new:
                        new_events.append(_event_row(assigned.event_id, now))
                    else:
                        grown[assigned.event_id] += 1
                    out.append(
                        AddedArticle(
                            input=shown,
                            id=article_id,
                            status="new",
                            event_id=assigned.event_id,
                            new_event=assigned.new,
                        )
                    )
                if rows:
                    conn.execute(A.insert(), rows)
                opened = {e["id"] for e in new_events}
                for e in new_events:
                    e["n_articles"] = sum(r["event_id"] == e["id"] for r in rows)
                    e["latest"] = latest.get(e["id"])
                if new_events:
                    conn.execute(E.insert(), new_events)
                updates = [
                    {"eid": eid, "k": k, "now": now, "day": latest.get(eid)}
                    for eid, k in grown.items()
                    if eid not in opened
                ]
                if updates:
                    day = sa.bindparam("day", type_=sa.Date)
                    conn.execute(
                        E.update()
                        .where(E.c.id == sa.bindparam("eid"))
                        .values(
                            n_articles=E.c.n_articles + sa.bindparam("k"),
                            updated=sa.bindparam("now"),
                            dirty=True,
                            # NULL when the batch dates none: keeps what was there.
                            latest=sa.func.coalesce(
                                sa.case((E.c.latest < day, day), else_=E.c.latest), day
                            ),
                        ),
                        updates,
                    )
                if rows:
                    self._seq = conn.execute(sa.select(sa.func.max(A.c.seq))).scalar_one()
        except BaseException:
            # The grouper saw articles that were not committed: rebuild it from the database.
            self._forget()
            raise
        self._ids |= ids
        self._urls |= urls
        self._hashes |= hashes
        return out

    def _settle(self) -> tuple[Mapping[str, str], set[str]]:
        """The grouper's later passes over the events of the articles stored since the last
        pass (``StoreSettings.settle``), recorded in one transaction: the articles moved, the
        events recounted, the ones emptied redirected. Returns the moves and the events
        the pass opened."""
        try:
            with self._write() as conn:
                self._sync(conn)
                grouper = self._ensure_grouper()
                last = conn.execute(sa.select(sa.func.max(P.c.seq))).scalar_one()
                last = -1 if last is None else int(last)
                if self._seq <= last:
                    return {}, set()
                scope = list(
                    conn.execute(sa.select(A.c.id).where(A.c.seq > last).order_by(A.c.seq))
                    .scalars()
                    .all()
                )

                def load(
                    ids: list[str],
                ) -> tuple[dict[str, dict[str, Any]], dict[str, dt.date | None]]:
                    feats: dict[str, dict[str, Any]] = {}
                    published: dict[str, dt.date | None] = {}
                    for chunk in _chunks(ids):
                        query = sa.select(A.c.id, A.c.feats, A.c.published).where(A.c.id.in_(chunk))
                        for r in conn.execute(query):
                            feats[r.id] = json.loads(r.feats)
                            published[r.id] = r.published
                    return feats, published

                moved = dict(grouper.settle(scope, load))
                now = _now()
                opened = _record_moves(conn, moved, now) if moved else set()
                inserted = conn.execute(P.insert().values(seq=self._seq, moved=len(moved), at=now))
                pass_id = int(inserted.inserted_primary_key[0])  # type: ignore[index]
                if moved:
                    # A saved state from before the pass holds the old events: replace it in
                    # this transaction, so no process ever loads one that disagrees with the
                    # articles' events (replaying the rows would not give this grouper
                    # exactly: its centroids were summed in another order).
                    conn.execute(G.delete())
                    conn.execute(
                        G.insert().values(
                            key=grouper.state_key,
                            seq=self._seq,
                            state=json.dumps(grouper.state(), separators=(",", ":")),
                            saved=now,
                        )
                    )
        except BaseException:
            # The grouper moved articles that were not committed: rebuild it from the database.
            self._forget()
            raise
        if moved:
            self._state_seq = self._seq
            self._passes = pass_id
        return moved, opened

    def resolve(self, event_id: str) -> str:
        """The id ``event_id`` has now: itself, or, for an event a settling pass emptied, the
        event its articles went to (unknown ids come back as they are)."""
        with self._read() as conn:
            return _resolve(conn, event_id)

    # --- briefs ---

    def refresh(
        self, events: Iterable[str] | None = None, *, progress: Progress | None = None
    ) -> list[str]:
        """Recompute the brief of every event whose articles changed since its last brief
        (or only of those of ``events`` that did). Returns the events briefed."""
        with self._read() as conn:
            dirty = conn.execute(
                sa.select(E.c.id, E.c.n_articles).where(E.c.dirty).order_by(E.c.id)
            ).all()
        if events is not None:
            wanted = set(events)
            dirty = [row for row in dirty if row[0] in wanted]
        words, settings = self.settings.store.brief_words, self.settings
        cap = max(1, self.settings.store.brief_max_articles)

        def jobs() -> Iterator[tuple[str, int, _BriefJob | None]]:
            # Each event's latest articles, read when it is its turn (not all events' at once).
            for event_id, n in dirty:
                latest, total = self._latest_articles(event_id, cap)
                # An event another writer added to since it was read is left dirty (None):
                # that writer refreshes it at the end of its own batch.
                yield event_id, n, (latest, total, words, settings) if total == n else None

        def briefs() -> Iterator[tuple[str, int, Brief | None]]:
            workers = _workers(self.settings.store.workers)
            if workers <= 1 or len(dirty) < self.settings.store.parallel_briefs_from:
                for event_id, n, job in jobs():
                    yield event_id, n, None if job is None else _fuse_event(job)
                return
            todo = list(jobs())
            pool = _pool(workers)
            try:
                made = pool.map(_fuse_event, [j for _, _, j in todo if j is not None], chunksize=4)
                for event_id, n, job in todo:
                    yield event_id, n, None if job is None else next(made)
            finally:
                pool.shutdown(cancel_futures=True)

        done: list[str] = []
        for i, (event_id, n, brief) in enumerate(briefs(), start=1):
            if brief is not None and self._save_brief(event_id, n, brief):
                done.append(event_id)
            log.info("refresh: brief of %s (%d articles), %d of %d", event_id, n, i, len(dirty))
            if progress is not None:
                progress("briefing", i, len(dirty))
        return done

    def refresh_stale(self) -> list[str]:
        """Refresh every stale brief, until none is left, unless another process is at it
        (the store's refresh lock: that one then does these too). What a server runs after
        an add, and at start for briefs a killed process left stale. Returns the events
        briefed."""
        done: list[str] = []
        while True:
            seen: set[str] = set()
            with self._refresh_lock() as mine:
                if not mine:
                    return done
                while True:
                    seen = self.stale()
                    got = self.refresh(sorted(seen)) if seen else []
                    done += got
                    if not got:
                        break
            # An add whose refresher found the lock taken after this one's last look left
            # stale briefs no one else will do: look again now the lock is free.
            if not self.stale() - seen:
                return done

    def stale(self) -> set[str]:
        """The events whose brief is older than their articles (or not made yet)."""
        with self._read() as conn:
            return set(conn.execute(sa.select(E.c.id).where(E.c.dirty)).scalars())

    @contextmanager
    def _refresh_lock(self) -> Iterator[bool]:
        """The store's refresh lock if free (True), without waiting; released by the OS if
        the process dies. Apart from the write lock: refreshing takes minutes, writes not."""
        if self.path is not None:
            import fcntl

            with open(f"{self.path}.refresh-lock", "a") as f:
                try:
                    fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    yield False
                    return
                try:
                    yield True
                finally:
                    fcntl.flock(f, fcntl.LOCK_UN)
            return
        # PostgreSQL: a session advisory lock (two keys: apart from the write lock's one).
        key = "SELECT %s(hashtext(current_schema()), 1)"
        with self._engine.connect() as conn:
            got = bool(conn.exec_driver_sql(key % "pg_try_advisory_lock").scalar())
            conn.commit()
            try:
                yield got
            finally:
                if got:
                    conn.exec_driver_sql(key % "pg_advisory_unlock")
                    conn.commit()

    def _refresh_one(self, event_id: str, n_articles: int) -> bool:
        made = self._fused(event_id, self.settings.store.brief_words, n_articles)
        # None: another writer added some since; it will refresh.
        return made is not None and self._save_brief(event_id, n_articles, made)

    def _fused(self, event_id: str, words: int, n_articles: int | None = None) -> Brief | None:
        """A brief of the event's latest articles at ``words`` (None if it no longer has
        ``n_articles``)."""
        latest, total = self._latest_articles(
            event_id, max(1, self.settings.store.brief_max_articles)
        )
        if n_articles is not None and total != n_articles:
            return None
        return _fuse_event((latest, total, words, self.settings))

    def _latest_articles(self, event_id: str, cap: int) -> tuple[list[Article], int]:
        """The event's latest ``cap`` articles in the order they were added, and how many it
        has: a brief reads no more (a large event's older articles are not even loaded)."""
        with self._read() as conn:
            total = conn.execute(
                sa.select(sa.func.count()).select_from(A).where(A.c.event_id == event_id)
            ).scalar_one()
            rows = conn.execute(
                sa.select(A).where(A.c.event_id == event_id).order_by(A.c.seq.desc()).limit(cap)
            ).all()
        return [_article(r) for r in reversed(rows)], int(total)

    def _save_brief(self, event_id: str, n_articles: int, made: Brief) -> bool:
        now = _now()
        with self._write() as conn:
            # Only if no article arrived while fusing; otherwise the event stays dirty.
            current = conn.execute(
                sa.select(E.c.n_articles).where(E.c.id == event_id)
            ).scalar_one_or_none()
            if current != n_articles:
                return False
            payload = made.model_dump_json()
            version = conn.execute(
                sa.select(B.c.version).where(B.c.event_id == event_id)
            ).scalar_one_or_none()
            if version is None:
                conn.execute(
                    B.insert().values(
                        event_id=event_id,
                        brief=payload,
                        version=1,
                        n_articles=n_articles,
                        updated=now,
                    )
                )
            else:
                conn.execute(
                    B.update()
                    .where(B.c.event_id == event_id)
                    .values(brief=payload, version=version + 1, n_articles=n_articles, updated=now)
                )
            happened = made.event
            conn.execute(
                E.update()
                .where(E.c.id == event_id)
                .values(
                    # A brief of untitled articles (wire copy) is named by what happened.
                    title=made.title or (happened.what if happened else None),
                    date=happened.date if happened else None,
                    place=happened.where if happened else None,
                    independent_sources=made.independent_sources,
                    conflicts=len(made.conflicts),
                    dirty=False,
                )
            )
        return True

    def brief(self, event_id: str, words: int | None = None) -> Brief:
        """The current brief of ``event_id`` (recomputed first if articles came since).

        ``words``, if it differs from the budget of the stored briefs
        (``StoreSettings.brief_words``), fuses the event's stored articles again at that
        budget, without storing the result."""
        store = self.settings.store
        event_id = self.resolve(event_id)
        if words is not None and words != store.brief_words:
            if not self._event_exists(event_id):
                raise UnknownEvent(f"no event {event_id!r} in {self.location}")
            made = self._fused(event_id, words)
            assert made is not None
            return made
        with self._read() as conn:
            row = conn.execute(
                sa.select(E.c.dirty, E.c.n_articles).where(E.c.id == event_id)
            ).one_or_none()
            stored = conn.execute(
                sa.select(B.c.brief).where(B.c.event_id == event_id)
            ).scalar_one_or_none()
        if row is None:
            raise UnknownEvent(f"no event {event_id!r} in {self.location}")
        if row.dirty or stored is None:
            self._refresh_one(event_id, row.n_articles)
            with self._read() as conn:
                stored = conn.execute(
                    sa.select(B.c.brief).where(B.c.event_id == event_id)
                ).scalar_one_or_none()
            if stored is None:  # a writer keeps adding to it: brief what is there now
                made = self._fused(event_id, store.brief_words)
                assert made is not None
                return made
        return Brief.model_validate_json(stored)

    # --- reading ---

    def events(
        self,
        since: dt.date | None = None,
        until: dt.date | None = None,
        q: str | None = None,
        *,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[EventSummary]:
        """The events, newest first: by event date, else their latest article's date.

        ``since``/``until`` keep events dated in that span (inclusive; an undated one by the
        day it was last updated); ``q`` keeps those whose title or place contains it (any
        case). ``limit`` and ``offset`` give one page of the list; :meth:`count_events`
        gives the length of the whole.
        """
        query, when = self._events_query(since, until, q)
        # Clamped to a 64-bit integer (both databases' widest): an offset or limit past any
        # store's size means "nothing more" / "all", not an OverflowError from the driver.
        query = query.order_by(
            when.is_(None), when.desc(), E.c.updated.desc(), E.c.id.desc()
        ).offset(min(max(0, offset), _SQL_INT_MAX))
        if limit is not None:
            query = query.limit(min(max(0, limit), _SQL_INT_MAX))
        with self._read() as conn:
            rows = conn.execute(query).all()
            members = conn.execute(
                sa.select(A.c.event_id, A.c.id)
                .where(A.c.event_id.in_([r.id for r in rows]))
                .order_by(A.c.seq)
            ).all()
        ids: dict[str, list[str]] = defaultdict(list)
        for event_id, article_id in members:
            ids[event_id].append(article_id)
        return [_summary(r, ids.get(r.id, [])) for r in rows]

    def count_events(
        self, since: dt.date | None = None, until: dt.date | None = None, q: str | None = None
    ) -> int:
        """How many events :meth:`events` lists with these filters (and no limit)."""
        query, _ = self._events_query(since, until, q)
        with self._read() as conn:
            return int(
                conn.execute(sa.select(sa.func.count()).select_from(query.subquery())).scalar_one()
            )

    def _events_query(
        self, since: dt.date | None, until: dt.date | None, q: str | None
    ) -> tuple[sa.Select[Any], sa.ColumnElement[Any]]:
        when = sa.func.coalesce(E.c.date, E.c.latest, type_=sa.Date)
        query = sa.select(E, when.label("when"))
        if since is not None:
            day = dt.datetime.combine(since, dt.time())
            query = query.where(sa.or_(when >= since, sa.and_(when.is_(None), E.c.updated >= day)))
        if until is not None:
            after = dt.datetime.combine(until + dt.timedelta(days=1), dt.time())
            query = query.where(sa.or_(when <= until, sa.and_(when.is_(None), E.c.updated < after)))
        if q is not None and q.strip():
            words = q.split()
            for word in words:  # every word, in the title or the place
                query = query.where(
                    sa.or_(
                        E.c.title.icontains(word, autoescape=True),
                        E.c.place.icontains(word, autoescape=True),
                    )
                )
        return query, when

    def event(self, event_id: str) -> EventSummary:
        """One event as :meth:`events` lists it (the event it went into, for one a settling
        pass emptied); :class:`UnknownEvent` if there is none."""
        with self._read() as conn:
            event_id = _resolve(conn, event_id)
            row = conn.execute(sa.select(E).where(E.c.id == event_id)).one_or_none()
            members = conn.execute(
                sa.select(A.c.id).where(A.c.event_id == event_id).order_by(A.c.seq)
            ).scalars()
            ids = list(members)
        if row is None:
            raise UnknownEvent(f"no event {event_id!r} in {self.location}")
        return _summary(row, ids)

    def stored_brief(self, event_id: str) -> Brief | None:
        """The last brief stored for ``event_id``, even if articles came since (None before
        the first): what a reader shows without making it wait for a fuse. Raises
        :class:`UnknownEvent` for an event that is not there."""
        text = self.stored_brief_json(event_id)
        return None if text is None else Brief.model_validate_json(text)

    def stored_brief_json(self, event_id: str) -> str | None:
        """:meth:`stored_brief` as the JSON text it is stored as (no parsing)."""
        found = self._with_brief(event_id, B.c.brief)
        return None if found.brief is None else str(found.brief)

    def version(self, event_id: str) -> tuple[int, int]:
        """What changes whenever the event or its brief does: (its number of articles, its
        brief's version, 0 before the first). A reader keeps a rendering under this key and
        knows, by one small query, whether it is still current."""
        if self.path is not None:
            # On the generation's own connection: a reader checks both on every request
            # once anything was committed, and SQLAlchemy's path costs 10x the query.
            with self._watch_lock:
                found = self._watched().execute(_VERSION_SQL, (event_id,)).fetchone()
            if found is None:
                moved_to = self.resolve(event_id)
                if moved_to != event_id:
                    return self.version(moved_to)
                raise UnknownEvent(f"no event {event_id!r} in {self.location}")
            return int(found[0]), int(found[1] or 0)
        row = self._with_brief(event_id, E.c.n_articles, B.c.version)
        return int(row.n_articles), int(row.version or 0)

    def generation(self) -> str:
        """A token that changes whenever anything is committed to the store, by any process:
        a reader that kept something under one generation knows, while it is unchanged, that
        it is still current. Cheap: SQLite's ``PRAGMA data_version`` on a connection of its
        own (microseconds); on PostgreSQL one query of the current snapshot, which changes
        with every commit of the database server (of other stores too: then the reader
        checks its event's :meth:`version`)."""
        if self.path is None:
            with self._read() as conn:
                return str(conn.exec_driver_sql("SELECT pg_current_snapshot()::text").scalar())
        with self._watch_lock:
            return str(self._watched().execute("PRAGMA data_version").fetchone()[0])

    def _watched(self) -> Any:
        """The SQLite connection of generation() and version(), opened on first use (call
        under ``_watch_lock``): reads only, each statement its own transaction."""
        if self._watch is None:
            import sqlite3

            assert self.path is not None
            self._watch = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self._watch.execute(
                f"PRAGMA busy_timeout = {int(self.settings.store.busy_timeout * 1000)}"
            )
        return self._watch

    def _with_brief(self, event_id: str, *columns: sa.ColumnElement[Any]) -> sa.Row[Any]:
        """``columns`` of the event and its brief (None before the first brief);
        :class:`UnknownEvent` if there is no such event."""
        with self._read() as conn:
            found = conn.execute(
                sa.select(E.c.id, *columns)
                .select_from(E.outerjoin(B, B.c.event_id == E.c.id))
                .where(E.c.id == _resolve(conn, event_id))
            ).one_or_none()
        if found is None:
            raise UnknownEvent(f"no event {event_id!r} in {self.location}")
        return found

    def article(self, article_id: str) -> tuple[Article, str]:
        """One stored article and the id of its event; :class:`UnknownArticle` if none."""
        with self._read() as conn:
            row = conn.execute(sa.select(A).where(A.c.id == article_id)).one_or_none()
        if row is None:
            raise UnknownArticle(f"no article {article_id!r} in {self.location}")
        return _article(row), str(row.event_id)

    def _event_exists(self, event_id: str) -> bool:
        with self._read() as conn:
            found = conn.execute(sa.select(E.c.id).where(E.c.id == event_id)).first()
        return found is not None

    def articles(self, event_id: str | None = None) -> list[Article]:
        """The stored articles (of one event), in the order they were added."""
        query = sa.select(A).order_by(A.c.seq)
        with self._read() as conn:
            if event_id is not None:
                query = query.where(A.c.event_id == _resolve(conn, event_id))
            rows = conn.execute(query).all()
        return [_article(r) for r in rows]

    def __len__(self) -> int:
        with self._read() as conn:
            return int(conn.execute(sa.select(sa.func.count()).select_from(A)).scalar_one())

    # --- the database ---

    @contextmanager
    def _read(self) -> Iterator[sa.Connection]:
        with self._engine.connect() as conn, conn.begin():
            yield conn

    @contextmanager
    def _write(self) -> Iterator[sa.Connection]:
        with self._engine.connect() as conn:
            conn.execution_options(newsfuse_write=True)
            with conn.begin():
                if self.dialect == "postgresql":
                    # One writer at a time per schema, as SQLite's write lock gives.
                    conn.execute(
                        sa.text("SELECT pg_advisory_xact_lock(hashtext(current_schema()))")
                    )
                yield conn

    def _ensure_grouper(self) -> Grouper:
        if self._grouper is None:
            self._grouper = self._make_grouper(self.settings)
        return self._grouper

    def _forget(self) -> None:
        self._seq = -1
        self._grouper = None
        self._state_seq = -1
        self._passes = -1  # unknown: the next _sync reads it

    def _sync_now(self) -> None:
        with self._read() as conn:
            self._sync(conn)

    def _sync(self, conn: sa.Connection) -> None:
        """Bring the in-memory mirror (and the grouper) up to what the database holds."""
        top = conn.execute(sa.select(sa.func.max(A.c.seq))).scalar_one()
        top = -1 if top is None else int(top)
        passes = conn.execute(sa.select(sa.func.max(P.c.id)).where(P.c.moved > 0)).scalar_one()
        passes = 0 if passes is None else int(passes)
        if passes != self._passes:
            # Another process's settling pass moved articles: this grouper holds the old
            # events. Reload (the pass saved its state, so this is a load, not a replay).
            self._forget()
            self._passes = passes
        if top == self._seq and self._grouper is not None:
            return
        # Articles are only ever appended, each commit's under the write lock and after every
        # earlier one's: what another process stored since this one last looked is the rows
        # after self._seq, and replaying them onto the grouper gives what a restore of every
        # row would (a server process no longer reloads all for a POST its sibling answered).
        since = self._seq if self._grouper is not None and self._seq < top else -1
        try:
            replay_from = since
            if since < 0:
                self._ids, self._urls, self._hashes = set(), {}, {}
                self._grouper = self._make_grouper(self.settings)
                self._state_seq = replay_from = self._load_grouping_state(conn, self._grouper, top)
            grouper = self._grouper
            assert grouper is not None
            mirror = conn.execute(
                sa.select(A.c.id, A.c.url, A.c.origin, A.c.hash)
                .where(A.c.seq > since)
                .order_by(A.c.seq)
            )
            for r in mirror:
                self._ids.add(r.id)
                if r.origin and r.origin.startswith(("http:", "https:")):
                    self._urls[r.origin] = r.id
                if r.url:
                    self._urls[r.url] = r.id
                self._hashes[r.hash] = r.id
            replay = conn.execute(
                sa.select(A.c.id, A.c.feats, A.c.published, A.c.event_id)
                .where(A.c.seq > replay_from)
                .order_by(A.c.seq)
            )
            grouper.restore((r.id, json.loads(r.feats), r.published, r.event_id) for r in replay)
        except BaseException:
            self._forget()  # half replayed: start from nothing next time
            raise
        self._seq = top

    def _load_grouping_state(self, conn: sa.Connection, grouper: Grouper, top: int) -> int:
        """Load the saved grouping state into ``grouper`` if one of its kind is there; the seq
        of the last article it holds (-1: none, every article is to be replayed)."""
        saved = conn.execute(
            sa.select(G.c.seq, G.c.state).where(G.c.key == grouper.state_key, G.c.seq <= top)
        ).first()
        if saved is None:
            return -1
        grouper.load_state(json.loads(saved.state))
        return int(saved.seq)

    def _save_grouping_state(self) -> None:
        """Save the grouper's state when enough articles came since the last save
        (``StoreSettings.grouping_state_every``). In a transaction of its own: a process
        killed meanwhile leaves the previous state, which is as good (more is replayed)."""
        every = self.settings.store.grouping_state_every
        grouper = self._grouper
        since = self._seq - self._state_seq
        if not every or grouper is None or since < max(every, len(self._ids) // 4):
            return
        # The grouper holds every article up to self._seq: it was brought up to the database
        # inside the last batch's transaction, then given that batch.
        payload = json.dumps(grouper.state(), separators=(",", ":"))
        try:
            with self._write() as conn:
                newer = conn.execute(
                    sa.select(G.c.seq).where(G.c.key == grouper.state_key, G.c.seq >= self._seq)
                ).first()
                if newer is None:  # (another process may have saved a later one)
                    conn.execute(G.delete())
                    conn.execute(
                        G.insert().values(
                            key=grouper.state_key, seq=self._seq, state=payload, saved=_now()
                        )
                    )
        except sa.exc.SQLAlchemyError as e:
            # The articles are stored: only the next opening's replay is longer.
            log.warning("grouping state not saved: %s", _db_error(e))
            return
        self._state_seq = self._seq


# --- helpers -------------------------------------------------------------------------------


def _prepare(
    job: tuple[Article, Callable[[Settings], Grouper], Settings],
) -> _Prepared | AddedArticle:
    """Clean, screen, hash and featurise one article (module-level: workers run it)."""
    article, make_grouper, settings = job
    cleaned = dates.with_publication_date(clean.clean(article, settings.clean))
    usable, rejected = screen.screen([cleaned])
    if rejected:
        shown = article.origin or article.id
        return AddedArticle(input=shown, status="skipped", reason=rejected[0].reason)
    ready = usable[0]
    # The features depend on the article alone, not on the grouper's state.
    feats = make_grouper(settings).features(ready)
    feats_json = json.dumps(feats, sort_keys=True, separators=(",", ":"))
    # Round-trip the features so the grouper gets what a restore will give it.
    return _Prepared(ready, text_hash(ready.body), json.loads(feats_json), feats_json)


def _chunks(items: Sequence[str], size: int = 500) -> Iterator[Sequence[str]]:
    """``items`` in slices of ``size``: an IN list stays within every database's limits."""
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _resolve(conn: sa.Connection, event_id: str) -> str:
    """``event_id`` itself if the event exists, else where a settling pass sent it (if it
    did), else as given."""
    if conn.execute(sa.select(E.c.id).where(E.c.id == event_id)).first() is not None:
        return event_id
    found = conn.execute(sa.select(R.c.new_id).where(R.c.old_id == event_id)).scalar_one_or_none()
    return event_id if found is None else str(found)


def _record_moves(conn: sa.Connection, moved: Mapping[str, str], now: dt.datetime) -> set[str]:
    """Write a settling pass's moves (article -> its event now): the articles' events, the
    touched events' counts and latest dates (dirty, so their briefs are redone), the events
    the pass opened, and the emptied ones deleted with a redirect. Returns those opened."""
    ids = list(moved)
    before: dict[str, str] = {}
    for chunk in _chunks(ids):
        for r in conn.execute(sa.select(A.c.id, A.c.event_id).where(A.c.id.in_(chunk))):
            before[r.id] = r.event_id
    by_target: dict[str, list[str]] = defaultdict(list)
    went: dict[str, str] = {}  # each old event -> where its first moved article went
    for article_id, target in moved.items():
        by_target[target].append(article_id)
        went.setdefault(before[article_id], target)
    for target, members in by_target.items():
        for chunk in _chunks(members):
            conn.execute(A.update().where(A.c.id.in_(chunk)).values(event_id=target))
    touched = sorted(set(before.values()) | set(by_target))
    counts = {
        r.event_id: (int(r.n), r.latest)
        for chunk in _chunks(touched)
        for r in conn.execute(
            sa.select(
                A.c.event_id, sa.func.count().label("n"), sa.func.max(A.c.published).label("latest")
            )
            .where(A.c.event_id.in_(chunk))
            .group_by(A.c.event_id)
        )
    }
    existing = {
        str(e)
        for chunk in _chunks(touched)
        for e in conn.execute(sa.select(E.c.id).where(E.c.id.in_(chunk))).scalars()
    }
    opened: set[str] = set()
    for event_id in touched:
        n, latest = counts.get(event_id, (0, None))
        if n == 0:
            # Emptied (merged away, or split apart entirely): links to it follow its
            # first moved article, and links to it that earlier passes left follow on.
            conn.execute(E.delete().where(E.c.id == event_id))
            conn.execute(B.delete().where(B.c.event_id == event_id))
            conn.execute(R.delete().where(R.c.old_id == event_id))
            conn.execute(R.insert().values(old_id=event_id, new_id=went[event_id]))
            conn.execute(R.update().where(R.c.new_id == event_id).values(new_id=went[event_id]))
        elif event_id in existing:
            conn.execute(
                E.update()
                .where(E.c.id == event_id)
                .values(n_articles=n, latest=latest, updated=now, dirty=True)
            )
        else:
            conn.execute(
                E.insert().values({**_event_row(event_id, now), "n_articles": n, "latest": latest})
            )
            conn.execute(R.delete().where(R.c.old_id == event_id))  # an id in use again
            opened.add(event_id)
    return opened


def _settled(
    outcomes: list[AddedArticle], moved: Mapping[str, str], opened: set[str]
) -> list[AddedArticle]:
    """The add's report with each moved article's final event: "new event" for the first
    article of an event this add opened (by add or by the pass) that still exists."""
    if not moved:
        return outcomes
    fresh = opened | {o.event_id for o in outcomes if o.new_event and o.event_id}
    seen: set[str] = set()
    out: list[AddedArticle] = []
    for o in outcomes:
        if o.status != "new" or o.id is None or o.event_id is None:
            out.append(o)
            continue
        event_id = moved.get(o.id, o.event_id)
        first = event_id in fresh and event_id not in seen
        seen.add(event_id)
        out.append(o.model_copy(update={"event_id": event_id, "new_event": first}))
    return out


def _pool(workers: int) -> Any:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # spawn: the workers share nothing with this process (no inherited connections).
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))


#: What one brief is made from: the event's latest articles (at most the cap), how many
#: articles it has in all, the word budget and the settings.
_BriefJob = tuple[list[Article], int, int, Settings]


def _fuse_event(job: _BriefJob) -> Brief:
    """One event's brief from its latest articles (module-level: workers run it)."""
    latest, total, words, settings = job
    made = fuse(latest, words=words, settings=settings)
    if total > len(latest):
        note = f"briefed from the latest {len(latest)} of the event's {total} articles"
        made = made.model_copy(update={"notes": (*made.notes, note)})
    return made


def _workers(setting: int) -> int:
    import os

    return setting if setting > 0 else min(4, os.cpu_count() or 1)


_VERSION_SQL = (
    "SELECT e.n_articles, b.version FROM events e "
    "LEFT JOIN briefs b ON b.event_id = e.id WHERE e.id = ?"
)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _duplicate(shown: str, stored: str, why: str) -> AddedArticle:
    return AddedArticle(
        input=shown, id=stored, status="duplicate", reason=f"duplicate of {stored} ({why})"
    )


def _article_row(
    a: Article, article_id: str, p: _Prepared, event_id: str, now: dt.datetime
) -> dict[str, Any]:
    return {
        "id": article_id,
        "url": a.url,
        "origin": a.origin,
        "hash": p.hash,
        "title": a.title,
        "source": a.source,
        "published": a.published,
        "published_from": a.published_from,
        "language": a.language,
        "text": a.text,
        "clean_text": a.body,
        "removed_lines": json.dumps([r.model_dump() for r in a.removed_lines]),
        "feats": p.feats_json,
        "event_id": event_id,
        "added": now,
    }


def _event_row(event_id: str, now: dt.datetime) -> dict[str, Any]:
    return {"id": event_id, "n_articles": 1, "created": now, "updated": now, "dirty": True}


def _summary(r: sa.Row[Any], articles: list[str]) -> EventSummary:
    return EventSummary(
        id=r.id,
        title=r.title,
        date=r.date,
        where=r.place,
        articles=tuple(articles),
        independent_sources=r.independent_sources,
        conflicts=r.conflicts,
        updated=r.updated.replace(tzinfo=dt.UTC),
    )


def _article(r: sa.Row[Any]) -> Article:
    return Article(
        id=r.id,
        text=r.text,
        title=r.title,
        url=r.url,
        source=r.source,
        published=r.published,
        published_from=r.published_from,
        origin=r.origin,
        clean_text=r.clean_text,
        removed_lines=tuple(RemovedLine(**x) for x in json.loads(r.removed_lines)),
        language=r.language,
    )


def _database_url(location: str | Path) -> tuple[sa.URL, Path | None]:
    """The SQLAlchemy URL of a path or URL, and the SQLite file's path (None for a server)."""
    text = str(location)
    if not text.strip():  # Path("") is the current folder: "." is a folder, said otherwise
        raise StoreError(
            "no store given: the location is empty (a SQLite file or postgresql://...)"
        )
    if "://" not in text:
        path = Path(text).expanduser()
        if path.is_dir():
            raise StoreError(
                f"{path} is a folder: give a file for the store (e.g. {path}/newsfuse.db)"
            )
        if not path.parent.is_dir():
            raise StoreError(f"cannot create the store {path}: folder {path.parent} does not exist")
        return sa.make_url(f"sqlite:///{path.absolute()}"), path
    try:
        url = sa.make_url(text)
    except sa.exc.ArgumentError:
        raise StoreError(f"not a database URL or a path: {text}") from None
    name = url.drivername
    if name in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")  # psycopg 3, the driver we ship
    elif name == "sqlite" and url.database:
        return url, Path(url.database)
    elif not name.startswith(("postgresql", "sqlite")):
        raise StoreError(f"unsupported database {name!r}: use a SQLite path or postgresql://...")
    return url, None


def _engine(url: sa.URL, busy_timeout: float) -> sa.Engine:
    if url.get_backend_name() != "sqlite":
        return sa.create_engine(url, pool_pre_ping=True)
    engine = sa.create_engine(url, connect_args={"timeout": busy_timeout})

    @sa.event.listens_for(engine, "connect")
    def _connect(dbapi_conn: Any, _record: Any) -> None:
        # Transactions are begun by us (below), so a writer can take the lock up front.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
        # WAL: readers (a web page) read while a writer writes. synchronous=NORMAL is safe
        # against a killed process (only a power cut may lose the last commits).
        _wal(cur, busy_timeout)
        cur.execute("PRAGMA synchronous = NORMAL")
        cur.close()

    @sa.event.listens_for(engine, "begin")
    def _begin(conn: sa.Connection) -> None:
        # IMMEDIATE takes the write lock at BEGIN: a second writer waits there (busy timeout)
        # rather than failing later when a read lock cannot be upgraded.
        write = conn.get_execution_options().get("newsfuse_write")
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


def _wal(cur: Any, busy_timeout: float) -> None:
    """Put the database in WAL mode (it stays so: only a new file needs it). Switching can
    fail with "database is locked" at once, the busy timeout not applying, when two processes
    open a new store together (two ``add`` at once): retried until the timeout."""
    if str(cur.execute("PRAGMA journal_mode").fetchone()[0]).lower() == "wal":
        return
    deadline = time.monotonic() + busy_timeout
    while True:
        try:
            cur.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as e:
            if "locked" not in str(e) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _shown_url(url: sa.URL) -> str:
    return url.set(drivername=url.get_backend_name()).render_as_string(hide_password=True)


def _db_error(e: sa.exc.SQLAlchemyError) -> str:
    orig = getattr(e, "orig", None)
    return " ".join(str(orig or e).split())[:300]


__all__ = ["Grouper", "Store", "StoreError", "UnknownArticle", "UnknownEvent", "text_hash"]
