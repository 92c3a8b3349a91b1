"""Street addresses as a slot of the incident (GroupingSettings.address_clash), on real
excerpts: ECB+ topic 16, two killings of sheriff's deputies in Los Angeles County."""

import json
from pathlib import Path

import pytest

from newsfuse.events import EventGrouper, features
from newsfuse.events.extract import blocks
from newsfuse.events.grouper import _addresses_clash
from newsfuse.fusion.clean import clean
from newsfuse.models import Article
from newsfuse.settings import GroupingSettings

FIXTURES = Path(__file__).parent / "fixtures" / "events"


def _deputies() -> list[Article]:
    rows = [json.loads(x) for x in (FIXTURES / "ecb_16_deputies_addresses.jsonl").open()]
    return [clean(Article(id=r["id"], text=r["text"])) for r in rows]


def test_addresses_are_read_as_block_and_street():
    assert [features(a)["blocks"] for a in _deputies()] == [
        ["3400 thorpe"],
        ["12000 east", "22000 joliet"],
        ["12500 east"],
    ]
    # A direction written short is the same street word as written out.
    assert blocks("shot in the 1500 block of W. Jackson Blvd.") == ["1500 west"]
    assert blocks("shot on West Jackson, in the 1500 block of West Jackson") == ["1500 west"]
    assert blocks("a block of flats") == []


@pytest.mark.parametrize(
    ("ours", "theirs", "clash"),
    [
        (["3400 thorpe"], ["12000 east", "22000 joliet"], True),  # Escalante vs Ortiz
        (["12500 east"], ["12000 east", "22000 joliet"], False),  # "12000" rounds 12500
        (["2700 stanton"], ["2800 stanton"], False),  # one block apart
        (["2700 stanton"], ["2900 stanton"], True),
        (["3400 thorpe"], [], False),  # one side gives no address: nothing to contradict
    ],
)
def test_addresses_clash_only_when_both_give_one_and_none_agree(ours, theirs, clash):
    assert _addresses_clash(ours, theirs) is clash


def test_a_clash_keeps_two_killings_apart_in_the_stream_and_the_second_pass():
    articles = _deputies()

    def groups(**changes) -> list[list[str]]:
        g = EventGrouper(GroupingSettings(**changes))
        for a in articles:
            g.add(a.id, g.features(a), a.published)
        g.merge_small_events()
        return g.groups_

    # Cosine 0.07-0.09 between the Escalante report and the Ortiz ones, 0.54 between those:
    # at a threshold of 0.05 the text alone joins all three, the addresses keep Escalante out.
    low = {"threshold": 0.05, "second_pass": 0.0}
    assert groups(**low, address_clash=1.0) == [["16_1ecb", "16_1ecbplus", "16_9ecbplus"]]
    assert groups(**low) == [["16_1ecb"], ["16_1ecbplus", "16_9ecbplus"]]
    # Every article alone, then a second pass that would move at a mean cosine of 0.05.
    alone = {"threshold": 0.99, "second_pass": 0.05}
    assert len(groups(**alone, address_clash=1.0)) == 1
    assert sorted(map(sorted, groups(**alone))) == [["16_1ecb"], ["16_1ecbplus", "16_9ecbplus"]]


def test_addresses_survive_the_state_and_restore():
    articles = _deputies()
    g = EventGrouper(GroupingSettings(threshold=0.05, second_pass=0.0))
    rows = []
    for a in articles:
        f = json.loads(json.dumps(g.features(a)))
        rows.append((a.id, f, a.published, g.add(a.id, f, a.published).event_id))
    assert [e.blocks for e in g.events_.values()] == [
        ["3400 thorpe"],
        ["12000 east", "12500 east", "22000 joliet"],
    ]
    restored = EventGrouper(g.settings).restore(rows)
    assert vars(restored) == vars(g)
    assert vars(EventGrouper(g.settings).load_state(json.loads(json.dumps(g.state())))) == vars(g)
    # Features of version 3 (no addresses) restore as well: those events give no address.
    old = [(i, {k: v for k, v in f.items() if k != "blocks"}, p, e) for i, f, p, e in rows]
    assert [e.blocks for e in EventGrouper(g.settings).restore(old).events_.values()] == [[], []]
