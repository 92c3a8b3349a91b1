"""Victims' and suspects' names as a slot of the incident (GroupingSettings.person_floor), on
real excerpts: ECB+ topic 16, the conviction (2007-03-20) and the sentencing (2007-05-03) of
Jose Luis Orozco for the murder of deputy Jerry Ortiz."""

import datetime as dt
import json
from pathlib import Path

from newsfuse.events import EventGrouper, features
from newsfuse.events.extract import person_key, persons
from newsfuse.fusion.clean import clean
from newsfuse.models import Article
from newsfuse.settings import GroupingSettings

FIXTURES = Path(__file__).parent / "fixtures" / "events"


def _trial() -> list[Article]:
    rows = [json.loads(x) for x in (FIXTURES / "ecb_16_orozco_trial.jsonl").open()]
    return [
        clean(Article(id=r["id"], text=r["text"], published=dt.date.fromisoformat(r["published"])))
        for r in rows
    ]


def test_persons_are_the_names_given_an_age():
    conviction, sentencing = _trial()
    # "Jose Luis Orozco, 29, guilty ..." is a person; "Sheriff Deputy Ortiz, 35," is a title
    # and one name, not a first and last name; the sentencing gives no name an age.
    assert features(conviction)["persons"] == ["jose orozco"]
    assert features(sentencing)["persons"] == []
    assert persons("Police said 40-year-old Tyrone Tomman of Penn Hills died.") == ["tyrone tomman"]
    assert persons('Tyrone "Easy" Tomman, 40, and Robert Lee Adams Jr., 29, were named.') == [
        "robert adams",
        "tyrone tomman",
    ]
    # Places and dates beside an age are not people.
    assert persons("A 34-year-old man from East Orange and a 15-year-old Far Rockaway girl") == []
    assert persons("On Saturday, July 12, a 40-year-old Catawba County man was shot.") == []
    assert person_key(["jose", "luis", "orozco"]) == "jose orozco"
    assert person_key(["deputy", "ortiz"]) is None


def test_a_person_named_by_both_joins_a_trial_to_its_shooting_weeks_apart():
    articles = _trial()

    def groups(**changes) -> list[list[str]]:
        # Each report alone after the stream; the second pass alone decides.
        g = EventGrouper(GroupingSettings(threshold=0.99, **changes))
        for a in articles:
            g.add(a.id, g.features(a), a.published)
        g.merge_small_events()
        return g.groups_

    # 44 days apart: at the pass's half-life of 3 days the dates leave nothing of the mean
    # cosine; the sentencing names "Jose Luis Orozco", whom the conviction gives an age.
    assert groups(person_floor=0.0) == [["16_2ecbplus"], ["16_10ecbplus"]]
    assert [sorted(x) for x in groups()] == [["16_10ecbplus", "16_2ecbplus"]]
    # The name must be the story's: held by more events than person_events, it says nothing.
    assert groups(person_events=0) == [["16_2ecbplus"], ["16_10ecbplus"]]


def test_persons_survive_the_state_and_restore():
    articles = _trial()
    g = EventGrouper(GroupingSettings(threshold=0.99))
    rows = []
    for a in articles:
        f = json.loads(json.dumps(g.features(a)))
        rows.append((a.id, f, a.published, g.add(a.id, f, a.published).event_id))
    assert [e.persons for e in g.events_.values()] == [["jose orozco"], []]
    assert vars(EventGrouper(g.settings).restore(rows)) == vars(g)
    assert vars(EventGrouper(g.settings).load_state(json.loads(json.dumps(g.state())))) == vars(g)
    # Features of version 4 (no persons) restore as well: those events name no one.
    old = [(i, {k: v for k, v in f.items() if k != "persons"}, p, e) for i, f, p, e in rows]
    assert [e.persons for e in EventGrouper(g.settings).restore(old).events_.values()] == [[], []]


def test_a_person_named_by_both_sets_the_dates_aside_in_add():
    articles = _trial()

    def groups(**changes) -> list[list[str]]:
        g = EventGrouper(GroupingSettings(threshold=0.4, second_pass=0.0, **changes))
        for a in articles:
            g.add(a.id, g.features(a), a.published)
        return g.groups_

    # Cosine 0.54: 44 days cost it down to the story floor (x0.6, "@jose luis orozco" is in
    # this event alone), 0.32, under a threshold of 0.4; the person both name sets the dates
    # aside (x1).
    assert groups(person_floor=0.0) == [["16_2ecbplus"], ["16_10ecbplus"]]
    assert groups() == [["16_2ecbplus", "16_10ecbplus"]]
