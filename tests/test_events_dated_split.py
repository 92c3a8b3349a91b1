"""The split's dated cut (GroupingSettings.split_dated_ratio), on real excerpts: two stories of
one field told weeks apart are cut apart, one story followed up months later and one long
story are not."""

import datetime as dt
from dataclasses import replace

from newsfuse.events import EventGrouper
from newsfuse.events.grouper import _two_stories
from newsfuse.models import Article
from newsfuse.settings import GroupingSettings
from test_events_split import _coherent, _feeds, _fixture, _one_event_vectors

# A threshold every article reaches: the stream puts everything into its first event.
ONE_EVENT = GroupingSettings(threshold=0.001, second_pass=0.0)


def _split(articles: list[Article], settings: GroupingSettings) -> list[list[str]]:
    g = EventGrouper(settings)
    for a in articles:
        g.add(a.id, g.features(a), a.published)
    assert len(g.groups_) == 1
    g.split_events(*_feeds(g, articles))
    _coherent(g)
    return g.groups_


def test_two_stories_weeks_apart_are_cut_on_their_dates():
    # DUC 2004, the leads of 20 New York Times reports: the run-up to Microsoft's antitrust
    # trial (October 1998, cluster d31033) and America Online's purchase of Netscape, which
    # Microsoft cited in court (22-25 November, d30026). Microsoft, Netscape, the Internet
    # and antitrust run through both: on the plain cosines the cut reads like one story's.
    articles, _ = _fixture("duc_microsoft_aol.jsonl")
    assert _split(articles, replace(ONE_EVENT, split_dated_ratio=0.0)) == [[a.id for a in articles]]
    # With the cosines decayed by the days between reports, the October reports (and the
    # essay of 1 November on the trial, which DUC files under the Netscape cluster) fall
    # apart from those of late November.
    november = dt.date(1998, 11, 10)
    assert _split(articles, ONE_EVENT) == [
        [a.id for a in articles if a.published < november],
        [a.id for a in articles if a.published > november],
    ]


def test_one_incident_followed_up_for_months_is_not_cut():
    # GVA incident 441724: two Marksville city marshals shoot a 6-year-old boy dead (3 November
    # 2015); their arrest, bond and indictment that autumn, their trial in 2016-17. On the
    # decayed cosines the trial's reports fall apart from the shooting's; on the plain ones
    # they resemble them nearly as much as their own (a ratio over split_dated_plain).
    articles, _ = _fixture("gva_marksville_marshals.jsonl")
    assert _split(articles, ONE_EVENT) == [[a.id for a in articles]]
    loose = replace(ONE_EVENT, split_dated_plain=10.0)
    trial = dt.date(2016, 9, 1)
    assert _split(articles, loose) == [
        [a.id for a in articles if a.published < trial],
        [a.id for a in articles if a.published > trial],
    ]


def test_a_long_story_covered_day_by_day_is_not_cut_on_its_dates():
    # The first 60 BBC reports of the BP oil spill (April-June 2010): reports every few days,
    # so no cut of the decayed graph leaves its halves apart, even without the plain guard.
    articles, _ = _fixture("timeline17_bpoil_bbc_60.jsonl")
    _, vectors = _one_event_vectors(articles)
    days = [a.published.toordinal() for a in articles]
    assert _two_stories(vectors, replace(ONE_EVENT, split_dated_plain=10.0), days) is None
    # Undated members (ECB+, Multi-News) are never cut on dates.
    assert (
        _two_stories(
            vectors, replace(ONE_EVENT, split_dated_plain=10.0, split_dated_ratio=10.0), days
        )
        is not None
    )
    assert (
        _two_stories(
            vectors, replace(ONE_EVENT, split_dated_plain=10.0, split_dated_ratio=10.0), [None] * 60
        )
        is None
    )
