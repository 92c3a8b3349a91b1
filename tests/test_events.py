"""Event grouping on real excerpts: same event together, sister events apart, and the
stream's determinism, restore and batch equivalences."""

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

import pytest

from newsfuse.events import Assignment, EventGrouper, features, feed_order, group
from newsfuse.fusion.clean import clean
from newsfuse.models import Article
from newsfuse.settings import DEFAULT, GroupingSettings

FIXTURES = Path(__file__).parent / "fixtures" / "events"


def _ecb() -> list[Article]:
    # Interleaved as in ECB+'s file order: Reid, Lohan, Reid, Lohan.
    names = ["1_10ecb", "1_10ecbplus", "1_11ecb", "1_11ecbplus"]
    return [
        clean(Article(id=n, text=(FIXTURES / f"ecb_{n}.txt").read_text(encoding="utf-8")))
        for n in names
    ]


def _fires() -> tuple[list[Article], dict[str, str]]:
    # ECB+ topic 14, interleaved: two Waitrose supermarket fires (Banstead, Surrey; Wellington,
    # Somerset), dated within days of each other so that only the text can tell them apart.
    rows = [json.loads(line) for line in (FIXTURES / "ecb_14_waitrose_fires.jsonl").open()]
    articles = [
        clean(
            Article(
                id=r["id"],
                text=r["text"],
                title=r["title"],
                source=r["source"],
                published=dt.date.fromisoformat(r["published"]),
            )
        )
        for r in rows
    ]
    return articles, {r["id"]: r["event"] for r in rows}


def _stream(articles: list[Article], grouper: EventGrouper | None = None) -> list[Assignment]:
    g = grouper or EventGrouper(DEFAULT.grouping)
    return [g.add(a.id, g.features(a), a.published) for a in articles]


def test_sister_events_of_one_kind_are_told_apart_by_names():
    ids = [[a.id for a in event] for event in group(_ecb())]
    assert sorted(ids) == [["1_10ecb", "1_11ecb"], ["1_10ecbplus", "1_11ecbplus"]]


@pytest.mark.xfail(
    strict=True,
    reason="known limit: in a stream of only these 4 excerpts the names both fires share"
    " (Waitrose, High Street) are as rare and weigh as much as the towns' (Banstead,"
    " Wellington), so the two Waitrose fires merge (with or without the dates)",
)
def test_two_fires_at_one_chain_in_one_week_are_told_apart():
    articles, gold = _fires()
    events = group(articles)
    predicted = sorted(sorted(gold[a.id] for a in event) for event in events)
    assert predicted == [["14_ecb", "14_ecb"], ["14_ecbplus", "14_ecbplus"]]


def test_features_are_json_serialisable_and_name_aware():
    a = _ecb()[0]
    feats = EventGrouper().features(a)
    assert json.loads(json.dumps(feats)) == feats
    assert "@tara reid" in feats["terms"]
    assert {"reid", "@tara reid", "@promises treatment center"} <= set(feats["names"])
    assert "actress" not in feats["names"]
    assert "33" in feats["numbers"]


def test_assignments_are_deterministic_and_event_ids_stable():
    articles, _ = _fires()
    first, second = _stream(articles), _stream(articles)
    assert first == second
    assert first[0].new


def test_adding_an_article_twice_does_not_move_it():
    a = _ecb()[0]
    g = EventGrouper()
    feats = g.features(a)
    first = g.add(a.id, feats, None)
    assert g.add(a.id, feats, None) == Assignment(first.event_id, new=False)
    assert g.groups_ == [[a.id]]


def test_restore_then_add_equals_never_stopping():
    articles = _ecb() + _fires()[0]
    whole = _stream(articles)
    g = EventGrouper()
    head = articles[:5]
    stored = [
        (a.id, g.features(a), a.published, asg.event_id)
        for a, asg in zip(head, whole[:5], strict=True)
    ]
    # Through JSON, as a store would keep the features.
    stored = [(i, json.loads(json.dumps(f)), p, e) for i, f, p, e in stored]
    restored = EventGrouper().restore(stored)
    assert _stream(articles[5:], restored) == whole[5:]


def test_a_saved_state_loads_as_the_grouper_that_saved_it():
    articles = _ecb() + _fires()[0]
    g = EventGrouper()
    _stream(articles[:5], g)
    saved = json.loads(json.dumps(g.state()))  # as the store keeps it
    loaded = EventGrouper().load_state(saved)
    # Every attribute (a new one that state() leaves out fails here), and every order.
    assert vars(loaded) == vars(g)
    assert list(loaded.events_) == list(g.events_)
    assert list(loaded.postings_.items()) == list(g.postings_.items())
    assert _stream(articles[5:], loaded) == _stream(articles[5:], g)
    # Valid for the same code and settings only.
    assert EventGrouper().state_key == g.state_key
    assert EventGrouper(GroupingSettings(threshold=0.3)).state_key != g.state_key


def test_batch_group_equals_the_stream_in_feed_order():
    articles = _fires()[0][::-1]  # input order is not feed order: group sorts by date
    ordered = feed_order(articles)
    assert [a.published for a in ordered] == sorted(a.published for a in articles)
    g = EventGrouper()
    by_event: dict[str, list[str]] = {}
    for a in ordered:
        by_event.setdefault(g.add(a.id, g.features(a), a.published).event_id, []).append(a.id)
    # group() then runs the second pass, which moves each article it reports.
    for article_id, event_id in g.merge_small_events().items():
        for members in by_event.values():
            if article_id in members:
                members.remove(article_id)
        by_event[event_id].append(article_id)
    expected = [members for members in by_event.values() if members]
    assert [[a.id for a in event] for event in group(articles)] == expected


def test_second_pass_moves_lone_articles_into_their_event_and_keeps_sisters_apart():
    # A threshold nobody reaches leaves every article alone; the second pass mends the splits
    # (mean cosine 0.57 and 0.52 to the same story's report, 0.06 at most to the other one).
    g = EventGrouper(GroupingSettings(threshold=0.99))
    placed = _stream(_ecb(), g)
    assert all(a.new for a in placed)
    moved = g.merge_small_events()
    assert moved == {"1_10ecb": placed[2].event_id, "1_10ecbplus": placed[3].event_id}
    assert g.groups_ == [["1_11ecb", "1_10ecb"], ["1_11ecbplus", "1_10ecbplus"]]
    assert {a: g.event_of_[a] for a in moved} == moved
    for event in g.events_.values():  # the norms kept up to date with the sums
        assert event.norm2 == pytest.approx(sum(w * w for w in event.centroid.values()))
    # The dropped events are gone from the index too, and the state still round-trips.
    held = {e for holders in g.postings_.values() for e in holders}
    assert held == set(g.events_)
    saved = json.loads(json.dumps(g.state()))
    assert vars(EventGrouper(g.settings).load_state(saved)) == vars(g)
    assert (
        g.merge_small_events() == {}
    )  # the two events left are far apart: a second call moves nothing
    off = EventGrouper(GroupingSettings(threshold=0.99, second_pass=0.0))
    _stream(_ecb(), off)
    assert off.merge_small_events() == {} and len(off.groups_) == 4


def test_a_threshold_of_zero_overlap_keeps_everything_alone():
    settings = GroupingSettings(threshold=1.01)
    assert all(asg.new for asg in _stream(_ecb(), EventGrouper(settings)))


@pytest.mark.parametrize("published", [None, dt.date(2013, 7, 21)])
def test_features_take_only_a_cleaned_article(published):
    with pytest.raises(TypeError):
        EventGrouper().features({"text": "x", "published": published})  # type: ignore[arg-type]


def _reid_follow_up() -> list[Article]:
    # Tara Reid's rehab (1_10ecb), Lindsay Lohan's (the two ecbplus), then a second Reid report
    # dated half a year on: the dates are invented, so the date decay alone would split Reid.
    first = dt.date(2008, 11, 21)
    days = {"1_10ecb": 0, "1_10ecbplus": 1, "1_11ecbplus": 2, "1_11ecb": 180}
    by_id = {a.id: a for a in _ecb()}
    return [
        by_id[i].model_copy(update={"published": first + dt.timedelta(days=d)})
        for i, d in days.items()
    ]


def test_a_report_months_later_that_shares_a_name_with_the_story_joins_it():
    stream = _reid_follow_up()
    ids = sorted([a.id for a in event] for event in group(stream))
    assert ids == [["1_10ecb", "1_11ecb"], ["1_10ecbplus", "1_11ecbplus"]]
    # Without the story's floor, the half year between the two Reid reports splits them.
    off = replace(DEFAULT, grouping=replace(DEFAULT.grouping, story_floor=0.0))
    apart = sorted([a.id for a in event] for event in group(stream, off))
    assert ["1_11ecb"] in apart


def test_the_story_names_are_those_only_one_event_holds():
    # Reid's and Lohan's rehab stories each hold their star's name, so a later Reid report
    # points at Reid's story; once two events hold "Tara Reid", the name points at neither.
    by_id = {a.id: a for a in _ecb()}
    g = EventGrouper(DEFAULT.grouping)
    reid = g.add("1_10ecb", g.features(by_id["1_10ecb"]), None).event_id
    g.add("1_10ecbplus", g.features(by_id["1_10ecbplus"]), None)
    late_reid = g.features(by_id["1_11ecb"])
    assert "@tara reid" in late_reid["names"]
    assert set(g._story_events(late_reid)) == {reid}
    apart = EventGrouper(GroupingSettings(threshold=1.01))  # every article its own event
    for i in ("1_10ecb", "1_10ecbplus", "1_11ecbplus"):
        apart.add(i, apart.features(by_id[i]), None)
    assert apart._story_events(late_reid) != {}
    apart.add("1_11ecb", late_reid, None)
    assert len(apart.postings_["@tara reid"]) == 2
    assert apart._story_events({"names": ["@tara reid", "@no such name"]}) == {}


def test_older_features_with_or_without_lead_names_group_and_restore_the_same():
    # Stores made before version 3 hold features with (version 2) or without (version 1) a
    # lead_names key, which grouping no longer reads: both place and restore as version 3.
    stream = _reid_follow_up()
    current = _stream(stream)
    for version, extra in ((1, {}), (2, {"lead_names": ["@tara reid", "@american pie"]})):
        g = EventGrouper(DEFAULT.grouping)
        rows = []
        for a in stream:
            feats = {**g.features(a), "v": version, **extra}
            rows.append((a.id, feats, a.published, g.add(a.id, feats, a.published).event_id))
        assert [r[3] for r in rows] == [asg.event_id for asg in current]
        assert EventGrouper(DEFAULT.grouping).restore(rows).groups_ == g.groups_


def test_one_story_name_bridges_weeks_two_names_or_a_persons_name_bridge_months():
    # A later Reid report that shares one name alone with her story (its other two names that
    # her story holds taken out): a town or a hospital named by one event so far bridges a
    # few weeks (story_days), not half a year; "tara reid" does once the stream has given an
    # age to someone called Tara (GroupingSettings.story_given).
    by_id = {a.id: a for a in _ecb()}
    first = dt.date(2008, 11, 21)
    drop = {"@american pie", "@promises treatment center"}

    def joins(days: int, keep_names: bool = False, given: tuple[str, ...] = ()) -> bool:
        g = EventGrouper(DEFAULT.grouping)
        reid = g.add("1_10ecb", g.features(by_id["1_10ecb"]), first).event_id
        g.add("1_10ecbplus", g.features(by_id["1_10ecbplus"]), first)
        g.given_.update(given)
        late = g.features(by_id["1_11ecb"])
        if not keep_names:
            late["terms"] = {t: c for t, c in late["terms"].items() if t not in drop}
            late["names"] = [n for n in late["names"] if n not in drop]
        day = first + dt.timedelta(days=days)
        return g.add("1_11ecb", late, day).event_id == reid

    assert joins(30)
    assert not joins(180)
    assert joins(180, keep_names=True)
    assert joins(180, given=("tara",))


def test_the_outlets_own_name_is_left_out_of_its_reports_terms():
    # The Banstead fire as a Surrey outlet's report: "Surrey", the outlet's own name, is in its
    # reports whatever they report, so it is no term of the report; "Banstead" still is. A word
    # shorter than 4 letters is no part of a host name by chance ("new" of "news.example").
    fire = next(a for a in _fires()[0] if a.id == "14_1ecb")
    assert "surrey" in features(fire)["terms"]
    local = features(fire.model_copy(update={"source": "www.surreylive.news"}))
    assert "surrey" not in local["terms"] and "banstead" in local["terms"]
    assert not any("surrey" in n for n in local["names"])
    text = "A new Waitrose store in New Malden was evacuated, News Shopper said."
    shop = features(clean(Article(id="x", text=text, source="newsshopper.co.uk")))
    assert "new" in shop["terms"] and "@new malden" in shop["terms"]
    assert "shopper" not in shop["terms"] and "@news shopper" not in shop["terms"]
