"""The store's settling pass (StoreSettings.settle): at the end of each add, the grouper's
merge of small events and its split of events holding two stories run over the events that
add touched, and the store records the moves. On the ECB+ topic 1 excerpts (Tara Reid's
rehab and Lindsay Lohan's, interleaved), on SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import replace

import pytest

from newsfuse.events import EventGrouper, group
from newsfuse.settings import GroupingSettings, Settings, StoreSettings
from newsfuse.store import Store
from newsfuse.store import store as store_module
from stream_support import dump
from test_events import _ecb

# Every article opens its own event in add(); only the merge can join them.
ALONE = Settings(grouping=GroupingSettings(threshold=0.99))
# Every article joins the first event in add(); only the split can cut it.
TOGETHER = Settings(grouping=GroupingSettings(threshold=0.001, second_pass=0.0))


def _groups(store: Store) -> list[set[str]]:
    return sorted((set(e.articles) for e in store.events()), key=sorted)


def _batch(settings: Settings) -> list[set[str]]:
    return sorted(({a.id for a in event} for event in group(_ecb(), settings)), key=sorted)


@pytest.mark.parametrize("settings", [ALONE, TOGETHER], ids=["merge", "split"])
def test_an_add_ends_with_the_events_the_batch_grouping_gives(store_location, settings):
    with Store(store_location, settings=settings) as store:
        report = store.add(_ecb(), refresh=False)
        assert _groups(store) == _batch(settings)
        assert len(_groups(store)) == 2  # Reid's and Lohan's
        # The report gives each article's final event, and each event is opened once.
        final = {a.id: a.event_id for a in report.articles}
        assert {frozenset(k for k, v in final.items() if v == e) for e in set(final.values())} == {
            frozenset(g) for g in _groups(store)
        }
        assert sorted(a.event_id for a in report.articles if a.new_event) == sorted(
            e.id for e in store.events()
        )
        for event in store.events():
            assert event.articles and store.event(event.id).articles == event.articles
        before = dump(store_location)
        again = store.add(_ecb(), refresh=False)  # nothing new: no pass, nothing moves
        assert again.count("new") == 0
    assert dump(store_location) == before


def test_an_event_merged_away_redirects_to_where_its_articles_went(store_location):
    with Store(store_location, settings=ALONE) as store:
        store.add(_ecb(), refresh=True)
        # 1_10ecb opened the first event; the merge moved it into its story's other report's.
        gone = EventGrouper(ALONE.grouping)._new_id("1_10ecb")
        assert gone not in {e.id for e in store.events()}
        now = store.resolve(gone)
        assert now != gone and "1_10ecb" in store.event(now).articles
        assert store.event(gone).id == now
        assert [a.id for a in store.articles(gone)] == [a.id for a in store.articles(now)]
        assert store.brief(gone) == store.brief(now)
        assert store.stale() == set()  # the pass's events were briefed at the end of the add


def test_a_reopened_store_or_another_store_object_sees_the_settled_grouper(store_location):
    first, second = _ecb()[:2], _ecb()[2:]
    with Store(store_location, settings=ALONE) as store:
        store.add(first, refresh=False)
        state = store._ensure_grouper().state()
        with Store(store_location, settings=ALONE) as other:
            assert other._ensure_grouper() is not None
            other._sync_now()
            assert other._grouper is not None and other._grouper.state() == state
            other.add(second, refresh=False)  # a pass by the other object...
            moved_state = other._grouper.state()
        store._sync_now()  # ...makes this one reload the grouper it saved
        assert store._grouper is not None and store._grouper.state() == moved_state
    with Store(store_location, settings=ALONE) as reopened:
        reopened._sync_now()
        assert reopened._grouper is not None and reopened._grouper.state() == moved_state
        assert _groups(reopened) == _batch(ALONE)


def test_settle_off_keeps_the_single_pass(store_location):
    off = replace(ALONE, store=StoreSettings(settle=False))
    with Store(store_location, settings=off) as store:
        store.add(_ecb(), refresh=False)
        assert len(store.events()) == 4


def test_a_failing_pass_loses_nothing_and_the_rerun_settles(store_location, tmp_path, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("disk gone")

    with monkeypatch.context() as m:
        m.setattr(store_module, "_record_moves", broken)
        with Store(store_location, settings=ALONE) as store:
            with pytest.raises(RuntimeError):
                store.add(_ecb(), refresh=False)
            assert len(store) == 4 and len(store.events()) == 4  # stored, not yet settled
    with Store(store_location, settings=ALONE) as store:
        store.add(_ecb(), refresh=True)  # nothing new; the pass covers what none covered
        resumed = dump(store_location)
    clean = str(tmp_path / "clean.db")
    with Store(clean, settings=ALONE) as store:
        store.add(_ecb(), refresh=True)
    assert dump(clean) == resumed


def test_the_page_of_an_event_merged_away_redirects_to_its_event(tmp_path):
    import dataclasses

    from fastapi.testclient import TestClient

    from conftest import in_process
    from newsfuse.web import create_app

    db = tmp_path / "store.db"
    with Store(db, settings=ALONE) as store:
        store.add(_ecb(), refresh=True)
        gone = EventGrouper(ALONE.grouping)._new_id("1_10ecb")
        now = store.resolve(gone)
    settings = dataclasses.replace(in_process(), grouping=ALONE.grouping)
    with TestClient(create_app(db, settings)) as client:
        moved = client.get(f"/events/{gone}", follow_redirects=False)
        assert moved.status_code == 301
        assert moved.headers["location"].endswith(f"/events/{now}")
        assert "Reid" in client.get(f"/events/{gone}").text
        assert client.get(f"/api/v1/events/{gone}").json()["event"]["id"] == now


def test_a_large_event_is_cut_again_only_when_the_add_brought_a_share_of_it():
    articles = _ecb()
    settings = replace(TOGETHER.grouping, resplit_below=4, resplit_share=0.5)
    g = EventGrouper(settings)
    for a in articles:
        g.add(a.id, g.features(a), a.published)

    def load(ids):
        by_id = {a.id: a for a in articles}
        return {i: g.features(by_id[i]) for i in ids}, {i: by_id[i].published for i in ids}

    assert len(g.groups_) == 1
    assert g.settle([articles[-1].id], load) == {}  # 1 of 4 new: not re-cut
    moved = g.settle([a.id for a in articles[2:]], load)  # 2 of 4: cut
    assert len(g.groups_) == 2 and set(moved) == {"1_10ecbplus", "1_11ecbplus"}
