"""The event grouper's per-article feature limits live in the one settings tree
(``Settings.features``), and every path that makes features reads them from there (branch qa)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from newsfuse.events import EventGrouper, group
from newsfuse.events.extract import features
from newsfuse.fusion.clean import clean
from newsfuse.models import Article
from newsfuse.settings import DEFAULT, FeatureSettings, Settings

ARTICLES = Path(__file__).parent / "fixtures" / "stream" / "articles.jsonl"


def _articles() -> list[Article]:
    rows = [json.loads(line) for line in ARTICLES.read_text().splitlines()]
    keep = ("id", "text", "title", "url", "source", "published")
    return [clean(Article(**{k: r[k] for k in keep if k in r})) for r in rows]


def test_defaults_are_the_settings_tree_and_give_the_same_features():
    assert Settings().features == DEFAULT.features == FeatureSettings()
    article = _articles()[0]
    assert features(article) == features(article, FeatureSettings())
    assert EventGrouper().features(article) == features(article)


def test_max_terms_and_site_words_are_read_from_the_settings():
    articles = _articles()
    article = max(articles, key=lambda a: len(a.body))
    few = features(article, FeatureSettings(max_terms=10))
    assert len(few["terms"]) == 10 < len(features(article)["terms"])
    grouper = EventGrouper(DEFAULT.grouping, FeatureSettings(max_terms=10))
    assert grouper.features(article) == few
    # a word of the outlet's host name is left out of its reports' terms when it has at
    # least site_min_chars letters ("ksla" of ksla.com)
    stem, word = "hurrican", "hurricane"  # Hurricane Mitch, DUC 2004 d30002t
    mitch = next(a for a in articles if word in a.body.lower())
    sited = mitch.model_copy(update={"source": f"{word}watch.com"})
    assert stem in features(sited, FeatureSettings(site_min_chars=len(word) + 5))["terms"]
    assert stem not in features(sited, FeatureSettings(site_min_chars=len(word)))["terms"]


def test_group_reads_the_feature_settings_it_is_given():
    articles = _articles()
    default = group(articles)
    assert group(articles, Settings()) == default
    tiny = replace(Settings(), features=FeatureSettings(max_terms=1))
    assert group(articles, tiny) != default  # one term an article cannot tell the events apart
