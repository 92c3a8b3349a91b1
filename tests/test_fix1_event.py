"""The reports off the event's topic are found once and passed on (fix1), with how many
reports must share a subject as a setting. Text: Multi-News 88292edc (Myrna Arias's suit
against Intermex; p3 is another article's teaser), as in test_dates4_whose."""

from __future__ import annotations

import dataclasses

from newsfuse.fusion import clean, entities, event, segment, syndication
from newsfuse.models import Article
from newsfuse.settings import DEFAULT
from test_dates4_whose import ARIAS


def test_off_topic_sharing_is_a_setting_and_infer_takes_the_reports_aside():
    arts = [clean.clean(Article(id=i, text=t)) for i, t in ARIAS.items()]
    sentences = {a.id: segment.sentences(a) for a in arts}
    families = syndication.independent(arts, syndication.families(arts))
    named = entities.entities(arts, families)
    aside = event.off_topic(arts, named)
    assert aside == {"p3"}
    # Arias and Intermex are named by two reports only: with three needed, none is linked
    three = dataclasses.replace(DEFAULT.event, off_topic_sharing=3)
    assert event.off_topic(arts, named, three) == frozenset()
    # given the reports aside, infer reads the same event as when it finds them itself
    found = event.infer(arts, sentences, families, named)
    assert event.infer(arts, sentences, families, named, aside=aside) == found
