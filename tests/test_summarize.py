"""The summarizer on real news: budget, redundancy, citations, wire copies, determinism.

Two inputs: the bundled Kaesong example (five scraped reports, three of them copies of one
Reuters text) through the whole pipeline, and short excerpts of four AP reports of the 1998
Jerusalem market bombing (tests/fixtures/summarize/) fed straight to the summarizer, so those
tests do not depend on the cleaner.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import newsfuse
from newsfuse.fusion import segment, summarize, syndication
from newsfuse.fusion.text import content_stems
from newsfuse.models import Article
from newsfuse.settings import SummarySettings as Settings

ROOT = Path(__file__).parents[1]
KAESONG = ROOT / "examples" / "kaesong"
FIXTURES = Path(__file__).parent / "fixtures" / "summarize"
REUTERS = ("001", "002", "004")  # the three copies of the Reuters text in the example
BOMBING = ("APW19981106.0274", "APW19981106.0275", "APW19981106.0276")
HAR_HOMA = "APW19981107.0744"  # a fourth report, on a point none of the other three makes


@pytest.fixture(scope="module")
def kaesong():
    return newsfuse.read([KAESONG])


def _fixture(article_id: str, copy: int | None = None) -> Article:
    text = (FIXTURES / f"{article_id}.txt").read_text(encoding="utf-8")
    return Article(id=article_id if copy is None else f"{article_id}-copy{copy}", text=text)


def _flat(text: str) -> str:
    """``text`` with its whitespace normalised, as the cleaner leaves it."""
    return " ".join(text.split())


def _summarize(articles: list[Article], words: int):
    sentences = {a.id: segment.sentences(a) for a in articles}
    return summarize.summarize(articles, sentences, syndication.families(articles), words=words)


# --- budget and redundancy --------------------------------------------------------------------


@pytest.mark.parametrize("words", [25, 60, 120, 250])
def test_summary_fits_the_word_budget(kaesong, words):
    brief = newsfuse.fuse(kaesong, words=words)
    assert brief.summary
    assert sum(len(s.text.split()) for s in brief.summary) <= words


def test_no_two_summary_sentences_say_the_same_thing(kaesong):
    summary = newsfuse.fuse(kaesong, words=250).summary
    stems = [set(content_stems(s.text)) for s in summary]
    assert len({s.text for s in summary}) == len(summary)
    for i, a in enumerate(stems):
        for b in stems[i + 1 :]:
            assert len(a & b) < 0.5 * min(len(a), len(b)), (a, b)


def test_summary_sentences_are_source_sentences_that_stand_alone(kaesong):
    bodies = " ".join(_flat(a.text) for a in kaesong)
    for s in newsfuse.fuse(kaesong, words=250).summary:
        # Words in source order, nothing added; only the first letter may have been capitalised
        # again after a leading connective was taken off.
        assert s.text[1:] in bodies
        first = s.text.split()[0].lower()
        assert first not in {"he", "she", "they", "it", "this", "these", "but", "however"}


# --- citations --------------------------------------------------------------------------------


def test_every_sentence_cites_its_own_article_and_every_article_that_carries_it(kaesong):
    brief = newsfuse.fuse(kaesong, words=250)
    texts = {a.id: _flat(a.text) for a in kaesong}
    for s in brief.summary:
        carriers = {i for i, body in texts.items() if s.text[1:] in body}
        assert carriers, s.text
        assert carriers <= set(s.sources), (s.text, s.sources)
    # The Reuters lead is in all three copies, and cited by all three.
    lead = [s for s in brief.summary if s.text.startswith("North Korea blew up an office")]
    assert lead
    assert {i[:3] for i in lead[0].sources} == set(REUTERS)


# --- wire copies are one witness ---------------------------------------------------------------


def test_content_of_several_independent_reports_wins_over_one_report():
    articles = [_fixture(i) for i in (*BOMBING, HAR_HOMA)]
    (chosen,) = _summarize(articles, words=40)
    assert HAR_HOMA not in chosen.sources
    assert "blew up" in chosen.text


def test_copying_one_report_many_times_does_not_change_the_summary():
    independent = [_fixture(i) for i in (*BOMBING, HAR_HOMA)]
    copies = [_fixture(HAR_HOMA, copy=n) for n in range(8)]
    assert len(syndication.families(independent + copies)) == 4  # the copies are one family
    for words in (40, 80):
        alone = _summarize(independent, words)
        with_copies = _summarize(independent + copies, words)
        assert [s.text for s in with_copies] == [s.text for s in alone]
    # and the copies are all cited where the original is
    for s in _summarize(independent + copies, 120):
        if HAR_HOMA in s.sources:
            assert sum(i.startswith(HAR_HOMA) for i in s.sources) == 9


# --- determinism and edits --------------------------------------------------------------------


def test_output_is_deterministic(kaesong):
    first = newsfuse.fuse(kaesong, words=120).summary
    for _ in range(2):
        assert newsfuse.fuse(kaesong, words=120).summary == first
    articles = [_fixture(i) for i in (*BOMBING, HAR_HOMA)]
    assert _summarize(articles, 80) == _summarize(articles, 80)


@pytest.mark.parametrize(
    ("sentence", "trimmed"),
    [
        ("However, the Cabinet put off the vote.", "The Cabinet put off the vote."),
        ("Meanwhile, police said two people died.", "Police said two people died."),
        ("But for the rain, the race had started.", "But for the rain, the race had started."),
        ("Still the talks went on.", "Still the talks went on."),
        ("Police said nobody was hurt.", "Police said nobody was hurt."),
    ],
)
def test_only_a_leading_connective_is_taken_off(sentence, trimmed):
    assert summarize._trim(sentence) == trimmed


@pytest.mark.parametrize(
    ("sentence", "candidate"),
    [
        ("He'll again have to send technicians to his machines.", False),
        ("Others think the tax is regressive and unfair to families.", False),
        ("The Cabinet said it would not resume its debate on the accord.", True),
    ],
)
def test_sentences_pointing_back_are_not_candidates(sentence, candidate):
    assert summarize._is_candidate(sentence, Settings()) is candidate
