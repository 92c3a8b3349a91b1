"""The store on real excerpts: dedup, events, briefs kept current, restarts, schema, errors.

Every test runs on SQLite and, when a server answers at 127.0.0.1:5432, on PostgreSQL (the
``store_location`` fixture); the PostgreSQL runs are skipped with a one-line reason otherwise.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from pathlib import Path

import pytest

import newsfuse
from newsfuse.models import Article
from newsfuse.settings import GroupingSettings, Settings, StoreSettings
from newsfuse.store import Store, StoreError, UnknownEvent
from stream_support import dump, grouper_factory

FIXTURES = Path(__file__).parent / "fixtures" / "stream"
ARTICLES = FIXTURES / "articles.jsonl"


def _open(location: str, **kw) -> Store:
    return Store(location, grouper=grouper_factory(), **kw)


def _lines(n: int | None = None) -> list[dict]:
    rows = [json.loads(line) for line in ARTICLES.read_text().splitlines()]
    return rows[:n] if n is not None else rows


def _jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


def test_add_stores_each_article_once_and_a_rerun_adds_nothing(store_location, kaesong_dir):
    with _open(store_location) as store:
        report = store.add([kaesong_dir, ARTICLES], refresh=False)
        assert report.count("new") == 25
        assert report.count("duplicate") == report.count("skipped") == 0
        ids = {a.id for a in report.articles}
        assert "APW19981016.0240" in ids and "000_a9149104c1ca651c" in ids  # ids as read gives
        # every article is in an event; the first article of an event opened it
        opened = [a for a in report.articles if a.new_event]
        assert {a.event_id for a in report.articles} == {a.event_id for a in opened}
        before = dump(store_location)

        again = store.add([kaesong_dir, ARTICLES], refresh=False)
        assert again.count("new") == 0 and again.count("duplicate") == 25
        dup = next(a for a in again.articles if a.input.endswith("000_a9149104c1ca651c.txt"))
        assert dup.reason == "duplicate of 000_a9149104c1ca651c (same text)"
        # where to read about it: the event of the article it duplicates
        first = next(a for a in report.articles if a.id == "000_a9149104c1ca651c")
        assert dup.event_id == first.event_id and not dup.new_event
    assert dump(store_location) == before


def test_same_text_or_same_url_is_a_duplicate_and_a_taken_id_is_renamed(
    store_location, kaesong_dir, tmp_path
):
    copy = tmp_path / "copy"
    copy.mkdir()
    shutil.copy(kaesong_dir / "001_8fa23842f85e5271.txt", copy / "renamed.txt")
    rows = _lines(2)
    same_url = dict(
        rows[0], id="other", text=rows[1]["text"] + " Updated.", url="https://x.example/a"
    )
    first = dict(rows[0], url="https://x.example/a")
    taken_id = dict(rows[1], id=first["id"])  # another text under an id already stored
    with _open(store_location) as store:
        store.add([kaesong_dir, _jsonl(tmp_path / "a.jsonl", [first])], refresh=False)
        report = store.add(
            [copy, _jsonl(tmp_path / "b.jsonl", [same_url, taken_id])], refresh=False
        )
    by_status = {a.input.rsplit("/", 1)[-1]: a for a in report.articles}
    assert by_status["renamed.txt"].status == "duplicate"
    assert by_status["renamed.txt"].reason == "duplicate of 001_8fa23842f85e5271 (same text)"
    assert by_status["b.jsonl:1"].reason == f"duplicate of {first['id']} (same URL)"
    assert by_status["b.jsonl:2"].status == "new"
    assert by_status["b.jsonl:2"].id == f"{first['id']}~2"
    # renamed against an id stored by an earlier add: said, as a rename within one read is
    b2 = tmp_path / "b.jsonl:2"
    assert report.warnings == (
        f"{b2}: id '{first['id']}' is already taken by another article; renamed '{first['id']}~2'",
    )


def test_a_copy_under_a_taken_name_is_a_duplicate_and_not_said_renamed(
    store_location, kaesong_dir, tmp_path
):
    """A file of the same name and text in another folder is a duplicate: no line may say it
    was renamed, as nothing is stored under the new name."""
    copy = tmp_path / "copy"
    copy.mkdir()
    shutil.copy(kaesong_dir / "001_8fa23842f85e5271.txt", copy)
    with _open(store_location) as store:
        report = store.add([kaesong_dir, copy], refresh=False)
        assert len(store) == 5
    assert report.count("duplicate") == 1 and report.warnings == ()


def test_unusable_articles_are_skipped_with_the_reason(store_location, tmp_path):
    rows = [
        {"id": "short", "text": "Too short to be a report."},
        {
            "id": "de",
            "text": "Nordkorea hat am Dienstag das Verbindungsbüro in Kaesong gesprengt, "
            "teilte das Vereinigungsministerium in Seoul mit. Die Explosion war weithin zu hören.",
        },
    ]
    with _open(store_location) as store:
        report = store.add([_jsonl(tmp_path / "bad.jsonl", rows), tmp_path / "missing"])
        assert len(store) == 0
    reasons = {a.input.rsplit("/", 1)[-1]: a.reason for a in report.articles}
    assert reasons["missing"] == "no such file or folder"
    assert reasons["bad.jsonl:1"].startswith("too short")
    assert reasons["bad.jsonl:2"] == "not English (detected: de)"


def test_events_list_and_briefs_are_kept_current(store_location, tmp_path):
    rows = _lines()
    hurricane = [r for r in rows if r["gold"] == "d30002t"]
    pinochet = [r for r in rows if r["gold"] == "d30003t"]
    with _open(store_location) as store:
        store.add(_jsonl(tmp_path / "a.jsonl", hurricane[:2] + pinochet))
        listed = store.events()
        assert listed and all(e.independent_sources is not None for e in listed)
        event_of = {a: e.id for e in listed for a in e.articles}
        mitch = event_of[hurricane[0]["id"]]
        first = store.brief(mitch)
        assert {a.id for a in first.articles} == {a for a, e in event_of.items() if e == mitch}
        # the stored brief is the brief of the event's stored articles
        assert first == newsfuse.fuse(store.articles(mitch), words=120)

        report = store.add(_jsonl(tmp_path / "b.jsonl", hurricane[2:]))
        touched = {a.event_id for a in report.articles if a.status == "new"}
        assert set(report.refreshed) == touched  # only touched events are recomputed
        if mitch in touched:
            assert len(store.brief(mitch).articles) > len(first.articles)

        # newest first, and --since keeps later events only
        dates = [e.date for e in store.events() if e.date]
        assert dates == sorted(dates, reverse=True)
        assert all(
            e.date is None or e.date >= dt.date(1998, 10, 25)
            for e in store.events(since=dt.date(1998, 10, 25))
            if e.date
        )
        with pytest.raises(UnknownEvent, match="no event 'nope'"):
            store.brief("nope")


def test_a_restarted_store_continues_where_it_stopped(store_location, tmp_path):
    """Two add runs on one store (grouping restored from the stored features in between)
    give the store one run over the same articles gives."""
    rows = _lines()
    whole = tmp_path / "whole.db"
    with _open(str(whole)) as store:
        store.add(_jsonl(tmp_path / "all.jsonl", rows), refresh=False)
    for part in (rows[:9], rows[9:]):
        with _open(store_location) as store:
            store.add(_jsonl(tmp_path / "part.jsonl", part), refresh=False)
    a, b = dump(str(whole)), dump(store_location)
    for row in a["articles"] + b["articles"]:
        row["origin"] = None  # the file names differ; nothing else may
    assert a == b


def test_a_store_object_takes_in_what_another_one_added_since(store_location, tmp_path):
    """Two store objects (two server processes) adding in turn to one store: each takes in
    the other's articles on its next add, onto the grouping it holds, and the store ends as
    one run over the same articles leaves it."""
    rows = _lines()
    whole = tmp_path / "whole.db"
    with _open(str(whole)) as store:
        store.add(_jsonl(tmp_path / "all.jsonl", rows), refresh=False)
    with _open(store_location) as a, _open(store_location) as b:
        a.add(_jsonl(tmp_path / "p1.jsonl", rows[:5]), refresh=False)
        b.add(_jsonl(tmp_path / "p2.jsonl", rows[5:9]), refresh=False)
        grouping = b._grouper
        a.add(_jsonl(tmp_path / "p3.jsonl", rows[9:14]), refresh=False)
        report = b.add(_jsonl(tmp_path / "p4.jsonl", rows[:2] + rows[14:]), refresh=False)
        assert b._grouper is grouping  # went on from what it held
        # ... and knows what a stored by then: those two are duplicates
        assert [x.status for x in report.articles][:2] == ["duplicate", "duplicate"]
    a_dump, b_dump = dump(str(whole)), dump(store_location)
    for row in a_dump["articles"] + b_dump["articles"]:
        row["origin"] = None
    assert a_dump == b_dump


def test_a_store_opened_again_loads_the_saved_grouping_state_and_goes_on(store_location, tmp_path):
    """With the grouping state saved after every add, each opening loads it (replaying no
    article) and the store ends as one run leaves it; other grouping settings ignore it."""
    rows = _lines()
    whole = tmp_path / "whole.db"
    with _open(str(whole)) as store:
        store.add(_jsonl(tmp_path / "all.jsonl", rows), refresh=False)
    often = Settings(store=StoreSettings(grouping_state_every=1))
    for part in (rows[:6], rows[6:13], rows[13:]):
        with _open(store_location, settings=often) as store:
            store._sync_now()
            assert store._state_seq == store._seq or part is rows[:6]  # all from the state
            store.add(_jsonl(tmp_path / "part.jsonl", part), refresh=False)
    a, b = dump(str(whole)), dump(store_location)
    for row in a["articles"] + b["articles"]:
        row["origin"] = None
    assert a == b
    if grouper_factory() is None:  # the real grouper's key holds its settings
        other = Settings(store=often.store, grouping=GroupingSettings(threshold=0.3))
        with _open(store_location, settings=other) as store:
            store._sync_now()
            assert store._state_seq == -1 and len(store._ids) == len(rows)


def test_schema_version_and_a_newer_store_is_refused(tmp_path):
    import sqlalchemy as sa

    from newsfuse.store import schema

    path = tmp_path / "s.db"
    with _open(str(path)) as store, store._write() as conn:
        assert conn.execute(sa.select(schema.schema_version.c.version)).scalar_one() == (
            schema.VERSION
        )
        conn.execute(schema.schema_version.update().values(version=schema.VERSION + 1))
    newer, known = schema.VERSION + 1, schema.VERSION
    with pytest.raises(StoreError, match=f"version {newer}; this newsfuse knows up to {known}"):
        _open(str(path))


def test_a_version_1_store_gets_each_events_latest_publication_date(store_location, tmp_path):
    import sqlalchemy as sa

    from newsfuse.store import schema

    rows = [r for r in _lines() if r["gold"] == "d30002t"]  # Hurricane Mitch, dated reports
    with _open(store_location) as store:
        store.add(_jsonl(tmp_path / "a.jsonl", rows), refresh=False)
        expected = {e.id: e for e in store.events()}
        with store._write() as conn:  # back to version 1: no events.latest
            conn.execute(sa.text("ALTER TABLE events DROP COLUMN latest"))
            conn.execute(schema.schema_version.update().values(version=1))
    with _open(store_location) as store:
        assert [e.id for e in store.events()] == list(expected)  # same order: by latest date
        with store._read() as conn:
            got = dict(conn.execute(sa.select(schema.events.c.id, schema.events.c.latest)).all())
    published = {r["id"]: dt.date.fromisoformat(r["published"]) for r in rows}
    for event_id, event in expected.items():
        assert got[event_id] == max(published[a] for a in event.articles)


def test_sqlite_store_is_in_wal_mode(tmp_path):
    path = tmp_path / "s.db"
    with _open(str(path)) as store, store._read() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_store_errors_are_one_line(tmp_path):
    with pytest.raises(StoreError, match="no store at"):
        Store(tmp_path / "none.db", create=False)
    with pytest.raises(StoreError, match="is a folder"):
        Store(tmp_path)
    with pytest.raises(StoreError, match=r"folder .* does not exist"):
        Store(tmp_path / "no" / "s.db")
    with pytest.raises(StoreError, match="unsupported database 'mysql'"):
        Store("mysql://localhost/x")
    with pytest.raises(StoreError, match="no store given: the location is empty"):
        Store("")  # --db "" (". is a folder" before)


def test_a_store_in_a_read_only_folder_says_so(tmp_path, kaesong_dir, monkeypatch):
    # SQLite (WAL) writes beside the store even to read it; on a read-only folder its own
    # words are "unable to open database file". As root nothing is read-only: a folder where
    # its -shm file must go makes SQLite fail the same way, and os.access answers as there.
    path = tmp_path / "s.db"
    with Store(path, grouper=grouper_factory()) as store:
        store.add(kaesong_dir, refresh=False)
    (tmp_path / "s.db-shm").mkdir()
    (tmp_path / "s.db-wal").mkdir()
    real = os.access
    monkeypatch.setattr(
        "newsfuse.store.store.os.access",
        lambda p, mode: False if Path(p) == tmp_path else real(p, mode),
    )
    with pytest.raises(StoreError) as caught:
        Store(path, create=False)
    assert str(caught.value) == (
        f"cannot open the store {path}: unable to open database file (folder {tmp_path} is "
        "read-only: SQLite writes beside the store, even to read it)"
    )


def test_articles_can_be_added_as_objects_in_small_batches(store_location):
    rows = _lines(6)
    settings = Settings(store=StoreSettings(batch_size=2))
    arts = [Article(id=r["id"], text=r["text"]) for r in rows]
    with _open(store_location, settings=settings) as store:
        report = store.add(arts, refresh=False)
        assert [a.id for a in report.articles] == [r["id"] for r in rows]
        assert [a.id for a in store.articles()] == [r["id"] for r in rows]


def test_worker_processes_give_the_same_store(tmp_path):
    """Cleaning and features computed in worker processes change nothing stored (briefs in
    workers are the same module-level fuse call)."""
    rows = _lines(8)
    src = _jsonl(tmp_path / "a.jsonl", rows)
    serial = Settings(store=StoreSettings(workers=1, batch_size=3))
    parallel = Settings(
        store=StoreSettings(
            workers=2, batch_size=3, parallel_articles_from=2, parallel_briefs_from=2
        )
    )
    for name, settings in (("serial.db", serial), ("parallel.db", parallel)):
        with _open(str(tmp_path / name), settings=settings) as store:
            store.add([src])
    a, b = dump(str(tmp_path / "serial.db")), dump(str(tmp_path / "parallel.db"))
    assert a == b and a["briefs"]


def test_a_brief_reads_at_most_the_latest_articles_and_says_so(tmp_path):
    rows = [r for r in _lines() if r["gold"] == "d30002t"]  # four Hurricane Mitch reports
    settings = Settings(store=StoreSettings(brief_max_articles=2))
    arts = [Article(id=r["id"], text=r["text"]) for r in rows]
    with _open(str(tmp_path / "s.db"), settings=settings) as store:
        store.add(arts)
        event = max(store.events(), key=lambda e: len(e.articles))
        brief = store.brief(event.id)
    assert len(event.articles) > 2
    assert [a.id for a in brief.articles] == list(event.articles[-2:])
    assert brief.notes[-1] == (
        f"briefed from the latest 2 of the event's {len(event.articles)} articles"
    )


def test_events_search_span_paging_and_single_reads(store_location, tmp_path):
    """What the web app asks of the store: filters and pages in the database, one event, one
    article and the last stored brief without recomputing it."""
    from newsfuse.store import UnknownArticle

    rows = _lines()
    with _open(store_location) as store:
        store.add(_jsonl(tmp_path / "a.jsonl", rows), refresh=False)
        undated = store.events()
        assert len(undated) == store.count_events() >= 4
        some = undated[0]
        assert store.stored_brief(some.id) is None  # not briefed yet: nothing recomputed
        assert store.version(some.id) == (len(some.articles), 0)
        store.refresh()
        everything = store.events()
        assert {e.id for e in everything} == {e.id for e in undated}
        assert store.stored_brief(some.id) == store.brief(some.id)
        # newest first: by event date, undated last
        dates = [e.date for e in everything]
        dated = [d for d in dates if d is not None]
        assert dated == sorted(dated, reverse=True) and dates[: len(dated)] == dated
        # pages of the same list
        pages = [store.events(limit=3, offset=o) for o in range(0, len(everything), 3)]
        assert [e for p in pages for e in p] == everything
        assert store.events(limit=0) == [] and store.events(offset=len(everything)) == []
        # a span of dates, both ends kept
        days = sorted(set(dated))
        low, high = days[1], days[-2]
        inside = store.events(since=low, until=high)
        assert inside and all(e.date is not None and low <= e.date <= high for e in inside)
        assert {e.id for e in everything if e.date and low <= e.date <= high} == {
            e.id for e in inside
        }
        assert store.count_events(since=low, until=high) == len(inside)
        # words of the title or place, in any case, every word
        hurricane = next(e for e in everything if e.title and "Mitch" in e.title)
        found = store.events(q="mitch")
        assert hurricane in found and all("mitch" in f"{e.title} {e.where}".lower() for e in found)
        assert store.count_events(q="MITCH hurricane") >= 1
        assert store.events(q="100%_") == [] and store.count_events(q="nothing-like-this") == 0
        # one event, one article
        assert store.event(hurricane.id) == hurricane
        article, event_id = store.article(hurricane.articles[0])
        assert event_id == hurricane.id and article.clean_text
        with pytest.raises(UnknownEvent):
            store.event("nope")
        with pytest.raises(UnknownEvent):
            store.stored_brief("nope")
        with pytest.raises(UnknownArticle, match="no article 'nope'"):
            store.article("nope")
        # the version a reader keys its rendering on: it moves with articles and briefs
        n, version = store.version(hurricane.id)
        assert (n, version) == (len(hurricane.articles), 1)
        assert (
            store.stored_brief_json(hurricane.id)
            == store.stored_brief(hurricane.id).model_dump_json()
        )
        with pytest.raises(UnknownEvent):
            store.version("nope")


def test_one_store_object_takes_adds_from_several_threads(tmp_path):
    """The web app runs adds in a thread pool on one Store: each article is stored once."""
    import threading

    rows = _lines()
    articles = [Article(id=r["id"], text=r["text"]) for r in rows]
    with _open(str(tmp_path / "s.db")) as store:
        reports = []

        def add(part: list[Article]) -> None:
            reports.append(store.add(part, refresh=False))

        threads = [threading.Thread(target=add, args=(articles[i::3] * 2,)) for i in range(3)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert sum(r.count("new") for r in reports) == len(rows) == len(store)
        assert sorted(a.id for a in store.articles()) == sorted(r["id"] for r in rows)


def test_generation_moves_with_every_commit_of_any_connection(store_location, kaesong_dir):
    with Store(store_location) as reader, Store(store_location) as writer:
        first = reader.generation()
        assert reader.generation() == first  # nothing committed: the same
        report = writer.add([kaesong_dir], refresh=False)
        after_add = reader.generation()
        assert after_add != first
        (event_id,) = {a.event_id for a in report.articles}
        assert reader.version(event_id) == (5, 0) and reader.stale() == {event_id}
        assert writer.refresh_stale() == [event_id]
        assert reader.generation() != after_add
        assert reader.version(event_id) == (5, 1) and not reader.stale()
        with pytest.raises(UnknownEvent):
            reader.version("no-such-event")


def test_one_refresher_at_a_time_and_none_misses_a_stale_brief(store_location, kaesong_dir):
    with Store(store_location) as first, Store(store_location) as second:
        first.add([kaesong_dir], refresh=False)
        (event_id,) = first.stale()
        with first._refresh_lock() as mine:
            assert mine
            assert second.refresh_stale() == []  # taken: the holder will do it
            assert second.stale() == {event_id}
        assert second.refresh_stale() == [event_id]  # free again
        assert not first.stale()


def test_nul_characters_and_huge_offsets_never_reach_the_database_as_errors(
    store_location, tmp_path
):
    """PostgreSQL refuses a NUL in text (SQLite takes it) and both refuse an integer past 64
    bits: a JSONL "\\u0000" (or a URL's %00) and a page number a user types are stored,
    looked up and searched as on SQLite, never a DataError or OverflowError."""
    from newsfuse.store import UnknownArticle

    row = _lines(1)[0]
    nul = dict(
        row, id="ap\x00one", title="Storm\x00 kills", text=row["text"].replace(" ", "\x00 ", 1)
    )
    path = tmp_path / "nul.jsonl"
    path.write_text(json.dumps(nul) + "\n")  # json.dumps writes the NUL as \u0000
    assert "\\u0000" in path.read_text()
    with _open(store_location) as store:
        report = store.add(path, refresh=False)
        assert report.count("new") == 1
        article, event_id = store.article("ap\x00one")  # the id as given still finds it
        assert article.id == "ap\ufffdone" and article.title == "Storm\ufffd kills"
        assert "\x00" not in article.text and "\ufffd" in article.text
        assert store.event(event_id).articles == ("ap\ufffdone",)
        assert store.events(q="no\x00such") == [] and store.count_events(q="\x00") == 0
        with pytest.raises(UnknownArticle):
            store.article("nope\x00")
        with pytest.raises(UnknownEvent):
            store.event("e\x00")
        assert store.articles("e\x00") == []
        # an Article given as an object (the Python API) has no reader to clean it
        second = _lines(2)[1]
        given = Article(id="obj\x00", text=second["text"], title="a\x00b", source="\x00")
        assert store.add([given], refresh=False).count("new") == 1
        stored, _ = store.article("obj\ufffd")
        assert (stored.title, stored.source) == ("a\ufffdb", "\ufffd")
        everything = store.events()
        assert store.events(offset=10**30) == [] and store.events(limit=10**30) == everything
        assert store.events(limit=3, offset=2**63 - 1) == []


def test_an_article_read_only_up_to_the_length_limit_is_a_warning(store_location, kaesong_dir):
    from newsfuse.settings import CleanSettings

    settings = Settings(clean=CleanSettings(max_words=120))
    with Store(store_location, settings=settings, grouper=grouper_factory()) as store:
        report = store.add(kaesong_dir / "001_8fa23842f85e5271.txt", refresh=False)
        again = store.add(kaesong_dir / "001_8fa23842f85e5271.txt", refresh=False)
    [said] = report.warnings
    path = kaesong_dir / "001_8fa23842f85e5271.txt"
    assert said.startswith(f"{path}: over 120 words: read up to that length, ")
    assert said.endswith(" more words not read (CleanSettings.max_words)")
    assert again.count("duplicate") == 1 and again.warnings == ()  # nothing read, nothing cut
