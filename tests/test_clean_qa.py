"""A page's title, time stamp or caption glued onto the first sentence of its text (the scrape
lost the line break) is cut off and recorded, and the sentence kept (branch qa)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsfuse.fusion.clean import clean
from newsfuse.models import Article
from newsfuse.settings import CleanSettings

FIXTURES = Path(__file__).parent / "fixtures" / "clean"
# (the cut is off by default: CleanSettings.cut_glued_headings says why)
CUTTING = CleanSettings(cut_glued_headings=True)


def _clean(name: str, **fields: str) -> Article:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    return clean(Article(id="a", text=text, **fields), CUTTING)


def test_the_cut_is_off_by_default():
    text = (FIXTURES / "timeline17_wapo_glued_title.txt").read_text(encoding="utf-8")
    assert clean(Article(id="a", text=text)).body != _clean("timeline17_wapo_glued_title.txt").body


def test_glued_title_is_cut_recorded_and_becomes_the_title():
    # Timeline17, Washington Post: "Cleaning up the BP spill While the technology ..."
    got = _clean("timeline17_wapo_glued_title.txt")
    assert got.body.startswith("While the technology required to drill an oil well")
    assert got.title == "Cleaning up the BP spill"
    assert ("headline", "Cleaning up the BP spill") in [
        (r.reason, r.text) for r in got.removed_lines
    ]
    # Timeline17, BBC: a title holding "BP", then "On 20 April 2010 ..."
    got = _clean("timeline17_bbc_glued_case_study.txt")
    assert got.body.startswith("On 20 April 2010 a deepwater oil well exploded")
    assert got.title == "Case study: Gulf of Mexico oil spill and BP"


def test_glued_time_stamp_is_a_date_line_not_a_title():
    got = _clean("timeline17_wapo_glued_stamp.txt")
    assert got.body.startswith("A massive crude oil spill from last week's offshore rig")
    assert got.title is None
    assert [(r.reason, r.text) for r in got.removed_lines][:1] == [
        ("date line", "Thursday, April 29, 2010; 4:49 PM")
    ]


def test_glued_heading_when_the_page_has_its_title_is_recorded_as_such():
    got = _clean("timeline17_wapo_glued_title.txt", title="BP oil spill: the clean-up")
    assert got.title == "BP oil spill: the clean-up"
    assert got.removed_lines[0].reason == "caption or heading"
    assert got.body.startswith("While the technology")


def test_title_written_twice_before_the_text():
    # GVA (WAAY): "Woman Living With Dead Husband Woman Living With Dead Husband A heartbreaking
    # story ..."
    got = _clean("gva_title_twice.txt")
    assert got.body.startswith("A heartbreaking story in North Alabama.")
    assert "Woman Living With Dead Husband Woman Living With Dead Husband" in [
        r.text for r in got.removed_lines
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        # a capitalised "The" of a name, after a verb
        "He joined The Washington Post as a reporter in 2001 and covered the oil spill for it.",
        # a Title Case headline's function words, then more Title Case
        "North Korea Blows up Liaison Office on Its Side of Border With South Korea on Tuesday.",
        # a function word before the capital: no seam
        "Officials said on Tuesday that The spill had reached the coast of Louisiana overnight.",
        # an all-capitals label before the seam is text of the report (DUC 2004, NYT)
        "Following are excerpts from the final report issued by the commission on Thursday: "
        "PRIMARY FINDING On the basis of the evidence available to it, the commission found.",
    ],
)
def test_sentences_with_capitalised_function_words_are_kept_whole(sentence):
    got = clean(Article(id="a", text=sentence), CUTTING)
    assert got.body == sentence


def test_a_long_standfirst_before_the_seam_is_left_as_text():
    # Timeline17, BBC: a 12-word caption sentence glued on: past _SEAM_MAX_BEFORE words it
    # is not taken for a title (cutting such openings cost the timeline benchmark content)
    got = _clean("timeline17_bbc_glued_standfirst.txt")
    assert got.body.startswith("Experts suspect swine flu has killed more than 100 people")
    assert got.title is None
