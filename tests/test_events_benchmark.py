"""benchmarks/events.py scores a second row over the articles a store would group: what
``screen()`` lets through, each text once (real Multi-News and DUC 2004 excerpts)."""

from __future__ import annotations

import pytest

from conftest import benchmark_script
from newsfuse.fusion.clean import clean
from newsfuse.models import Article

# A Multi-News passage that is page furniture alone: nothing is left after cleaning.
CHROME = (
    "Tweet with a location \n \n You can add location information to your Tweets, such as your "
    "city or precise location, from the web and via third-party applications. You always have "
    "the option to delete your Tweet location history. Learn more"
)
# DUC 2004 APW19981004.0281 (its first three sentences), which the set files under two
# clusters: the same text twice.
REPORT = (
    "Indonesian President B.J. Habibie finds attending a summit of Asia-Pacific leaders "
    "``difficult'' because of his concerns about the arrest of Malaysia's former deputy prime "
    "minister, a Thai newspaper reported Sunday. Asia-Pacific leaders are scheduled to meet "
    "next month in Malaysia for an annual economics meeting. Last week, Philippine President "
    "Joseph Estrada said he was considering not going to the Asia-Pacific Economic Cooperation "
    "forum because of Anwar Ibrahim's arrest."
)


@pytest.fixture(scope="module")
def bench():
    yield from benchmark_script("events.py")


def test_store_kept_drops_furniture_and_second_copies(bench) -> None:
    articles = [
        clean(Article(id="mn:p1", text=CHROME)),
        clean(Article(id="d30008t/APW19981004.0281", text=REPORT)),
        clean(Article(id="d30011t/APW19981004.0281", text=REPORT)),
    ]
    assert articles[0].body.strip() == ""  # the reason it goes: no text left
    kept = bench.store_kept(articles)
    assert [a.id for a in kept] == ["d30008t/APW19981004.0281"]


def test_store_kept_keeps_two_wordings_of_one_report(bench) -> None:
    # DUC 2004 APW19981005.0236 and APW19981005.0457, first sentences: one wire story filed
    # twice with a word changed is two texts to the store (its copies are exact ones).
    first = (
        "Iran has offered to mediate between Syria and Turkey in the deepening dispute over "
        "Kurdish rebel bases and plans to dispatch envoys to the two countries, the Tehran "
        "Times reported Monday."
    )
    second = first.replace("plans to dispatch", "will dispatch")
    articles = [
        clean(Article(id="APW19981005.0236", text=first)),
        clean(Article(id="APW19981005.0457", text=second)),
    ]
    assert [a.id for a in bench.store_kept(articles)] == ["APW19981005.0236", "APW19981005.0457"]
