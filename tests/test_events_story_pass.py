"""The second pass's story size (GroupingSettings.second_pass_story_size), on real excerpts: a
lone report weeks before a developing story's many reports joins it; beside few reports it
keeps the pass's short half-life."""

from dataclasses import replace

from newsfuse.events import EventGrouper
from newsfuse.models import Article
from newsfuse.settings import DEFAULT
from test_events_split import _fixture


def _passed(articles: list[Article], **changes) -> list[list[str]]:
    g = EventGrouper(replace(DEFAULT.grouping, **changes))
    for a in articles:
        g.add(a.id, g.features(a), a.published)
    g.merge_small_events()
    return sorted(g.groups_, key=len)


def test_a_lone_report_weeks_away_joins_a_story_of_many_reports():
    # DUC 2004 cluster d31001: South Africa's Truth and Reconciliation Commission, nine reports
    # of its final report (26 October - 9 November 1998), and an expert's call for counselling
    # the torturers and bombers it heard, 18 days before them (8 October). add() leaves that
    # report alone; the pass's 3-day half-life would leave it alone too, but an event of
    # second_pass_story_size reports or more is a story that runs for weeks: there the pass's
    # dates decay as add()'s do (date_half_life).
    articles, _ = _fixture("duc_truth_commission.jsonl")
    lone, *story = articles
    assert _passed(articles, second_pass_story_size=0) == [[lone.id], [a.id for a in story]]
    joined = _passed(articles)
    assert len(joined) == 1 and sorted(joined[0]) == sorted(a.id for a in articles)
    # Beside five of those reports (a small event: an incident and its first follow-ups),
    # the pass keeps its 3-day half-life, and the report stays alone.
    few = [lone, *story[:5]]
    assert _passed(few) == [[lone.id], [a.id for a in story[:5]]]
    assert len(_passed(few, second_pass_story_size=5)) == 1
