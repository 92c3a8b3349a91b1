"""A report quoting another at length keeps its own family; what it quotes counts once.

Excerpts of real Multi-News reports (tests/fixtures/witness/quoting.json, heldout3): the EPA's
settlement page and a report quoting it at length (dbe413a6); Ars Technica's block quote of a
complaint and Courthouse News quoting the same complaint (88292edc).
"""

from __future__ import annotations

import json
from pathlib import Path

import newsfuse
from newsfuse.fusion.syndication import Takes, families, independent, quotations
from newsfuse.models import Article
from newsfuse.settings import SyndicationSettings

FIX = json.loads(
    (Path(__file__).parent / "fixtures" / "witness" / "quoting.json").read_text(encoding="utf-8")
)


def _article(key: str) -> Article:
    return Article(id=key, text=FIX[key], clean_text=FIX[key])


def _takes() -> Takes:
    articles = [_article("epa"), _article("report")]
    return Takes(articles, independent(articles, families(articles)))


def test_a_report_quoting_a_page_at_length_is_not_its_copy() -> None:
    found = families([_article("epa"), _article("report")])
    assert [f.members for f in found] == [("epa",), ("report",)]
    assert found[1].quoting == (("report", "epa"),)  # it quotes the page, and says so


def test_a_fact_worded_in_what_it_quotes_counts_once() -> None:
    takes = _takes()
    assert takes
    page = "EPA’s review of information it obtained with Magnolia’s cooperation found evidence of noncompliance at renovations of 33 properties."
    quoting = "A review of information “obtained with Magnolia’s cooperation” found “evidence of noncompliance at renovations of 33 properties.”"
    assert quoting in FIX["report"]
    assert takes.independent(["epa", "report"], page, {"report": [quoting]}) == 1
    # quotes interleaved with its own words ("the agency writes"): still what it takes
    steps = next(s for s in FIX["report"].split("\n") if "immediate steps" in s)
    assert takes.independent(["epa", "report"], page, {"report": [steps]}) == 1


def test_a_fact_in_its_own_words_counts_twice() -> None:
    own = "Also, the couple has agreed to spend $160,000 on a lead-abatement project in their hometown of Waco, Texas."
    assert _takes().independent(["epa", "report"], own, {"report": [own]}) == 2
    # the page's sentence as the fact's wording, the report's own one as its words
    page = "Magnolia has committed to spend $160,000 on the SEP."
    assert _takes().independent(["epa", "report"], page, {"report": [own]}) == 2


def test_the_share_of_taken_words_is_a_setting() -> None:
    steps = next(s for s in FIX["report"].split("\n") if "immediate steps" in s)
    articles = [_article("epa"), _article("report")]
    strict = Takes(articles, families(articles), SyndicationSettings(taken_share=0.95))
    assert strict.independent(["epa", "report"], steps, {"report": [steps]}) == 2


def test_the_brief_counts_quoted_facts_once_and_own_ones_twice() -> None:
    brief = newsfuse.fuse([_article("epa"), _article("report")])
    assert [f.members for f in brief.families] == [("epa",), ("report",)]
    by_value = {f.value: f for f in brief.facts}
    properties = next(f for v, f in by_value.items() if "33 properties" in v)
    assert set(properties.sources) == {"epa", "report"}
    assert properties.independent_sources == 1  # "found “evidence of ... 33 properties.”"
    assert properties.status == "single-source"
    # only in the words it quotes: "... messages to his Twitter followers ...”"
    assert by_value["Twitter"].independent_sources == 1
    # in its own words: "have agreed to pay a $40,000 fine", "pointing out a March 21, 2018
    # Fixer Upper episode" (a sentence otherwise quoted), "Chip Gaines to produce and release"
    assert by_value["USD 40,000"].independent_sources == 2
    assert by_value["2018-03-21"].independent_sources == 2
    assert by_value["Chip Gaines"].independent_sources == 2


def test_a_paragraph_a_colon_introduces_is_a_block_quote() -> None:
    text = FIX["ars"]
    ((start, end),) = quotations(text)
    assert text[start:].startswith("After researching the app")
    assert text[:start].rstrip().endswith("in Kern County Superior Court:")
    assert "\n" not in text[start:end]
    # a label is no introduction
    assert quotations("Related:\nA man was hurt in Waco.") == []
    # nor is a list
    assert quotations("It did not comply with the following rules:\nPost signs.") == []


def test_two_reports_quoting_one_complaint_are_two_witnesses() -> None:
    # Ars sets the complaint off as a block, Courthouse News in quotation marks: both quote it
    found = families([_article("ars"), _article("courthouse")])
    assert [f.members for f in found] == [("ars",), ("courthouse",)]
    assert all(not f.quoting for f in found)


def test_a_story_made_of_two_agencies_sentences_is_no_copy_of_either() -> None:
    # the Guardian reuses Canadian Press sentences and Globe and Mail ones, which share
    # nothing with each other, and adds its own reporting: its own witness, taking from both
    found = families([_article("cp"), _article("guardian"), _article("globe")])
    assert [f.members for f in found] == [("cp",), ("guardian",), ("globe",)]
    assert found[1].quoting == (("guardian", "cp"), ("guardian", "globe"))
    takes = Takes([_article(k) for k in ("cp", "guardian", "globe")], found)
    # the study's words (a quote both print, with the Canadian Press attribution): once
    study = next(s for s in FIX["guardian"].split("\n") if "Per Anders Rudling says" in s)
    assert takes.independent(["cp", "guardian"], study, {"guardian": [study.strip()]}) == 1
    # its own: "Russia charged Katriuk with genocide" is in neither other report
    own = next(s for s in FIX["guardian"].split(". ") if "genocide" in s)
    assert takes.independent(["cp", "guardian", "globe"], own, {"guardian": [own]}) == 3


def test_two_copies_of_one_source_are_copies_of_it() -> None:
    # each copy also shares text with the other copy: no compilation of two independent
    # reports, so both join their source, as before
    found = families(
        [
            _article("epa"),
            Article(id="c1", text=FIX["epa"][:2000]),
            Article(id="c2", text=FIX["epa"][1000:]),
        ]
    )
    assert [f.members for f in found] == [("epa", "c1", "c2")]
