"""Quotes: found with their speakers and matched across articles, translations included."""

import time
from pathlib import Path

import pytest

from newsfuse.fusion import segment
from newsfuse.fusion.quotes import quotes
from newsfuse.models import Article, Family, Quote

FIXTURES = Path(__file__).parent / "fixtures" / "quotes"
IDS = ("000", "001", "002", "003", "004")
# 001, 002 and 004 are Reuters copies: one family (as newsfuse.syndication finds them).
FAMILIES = (
    Family(id=1, members=("000",)),
    Family(id=2, members=("001", "002", "004")),
    Family(id=3, members=("003",)),
)


def _article(id_: str, text: str) -> Article:
    return Article(id=id_, text=text, clean_text=text)


def _run(articles, families=()):
    return quotes(articles, {a.id: segment.sentences(a) for a in articles}, families)


@pytest.fixture(scope="module")
def kaesong() -> tuple[Quote, ...]:
    articles = [_article(i, (FIXTURES / f"{i}.txt").read_text(encoding="utf-8")) for i in IDS]
    return _run(articles, FAMILIES)


def _with(found, words: str) -> Quote:
    matches = [q for q in found if any(words in t for t in (q.text, *q.variants))]
    assert len(matches) == 1, [q.text for q in found]
    return matches[0]


def test_kcna_translations_are_one_quote(kaesong):
    q = _with(kaesong, "tragically ruined with a terrific explosion")
    assert "tragically destroyed in a shocking explosion" in q.text + " ".join(q.variants)
    assert q.sources == ("002", "003", "004")
    assert q.independent_sources == 2
    assert "KCNA" in q.speaker


def test_fortress_quote_joins_long_and_short_wordings(kaesong):
    q = _with(kaesong, "turn the front line into a fortress")
    assert q.sources == ("000", "001", "004")
    assert q.independent_sources == 2
    assert q.text.startswith("measures to return the military")  # the fullest wording
    assert q.variants == ("action plan … turn the front line into a fortress.",)
    assert "People's Army" in q.speaker


def test_kim_yo_jong_warning_joins_fragments_and_pronoun(kaesong):
    q = _with(kaesong, "completely collapse")
    assert q.sources == ("000", "002", "003")
    assert q.independent_sources == 3
    assert q.speaker == "Kim Yo Jong"
    assert q.text.startswith("Before long, a tragic scene")
    assert set(q.variants) == {"useless … completely collapse", "collapse"}


def test_most_independent_first(kaesong):
    counts = [q.independent_sources for q in kaesong]
    assert counts == sorted(counts, reverse=True)
    assert kaesong[0].speaker == "Kim Yo Jong"


def test_different_speakers_with_shared_words_stay_apart(kaesong):
    # Rodong Sinmun's "useless thing called the North-South joint liaison office" shares six
    # stems with Kim's warning, but the named speakers differ.
    q = _with(kaesong, "will disappear without a trace")
    assert q.sources == ("000",)
    assert q.speaker == "Rodong Sinmun of North Korea"
    assert not q.variants


def test_scare_quotes_are_not_quotes(kaesong):
    every = [t for q in kaesong for t in (q.text, *q.variants)]
    for scare in ("enemy", "human scum", "to blow up", "hostile activities", "all hostile acts"):
        assert scare not in every
    # "human scum" (no speaker) does not join KCNA's longer sentence that contains it
    q = _with(kaesong, "human scum and those")
    assert q.variants == () and q.sources == ("002", "004") and q.independent_sources == 1


def test_single_source_quotes_are_kept(kaesong):
    q = _with(kaesong, "round-the-clock communication and consultation channel")
    assert q.sources == ("003",)
    assert q.speaker == "South Korea’s Ministry of Unification"


def test_pronoun_speaker_resolved_from_previous_sentence():
    text = (FIXTURES / "002.txt").read_text(encoding="utf-8")
    found = _run([_article("002", text)])
    assert _with(found, "Before long").speaker == "Kim Yo Jong"
    # "state media reported that Kim Yo Jong ... had ordered ... to "...": her words, relayed
    assert _with(found, "decisively carry out").speaker == "Kim Yo Jong"


def test_quotes_run_on_from_the_previous_speaker():
    # Sentences from a Multi-News report (tests/fixtures/clean): a quote-only sentence continues
    # the speaker before it; "he said" after a titled name points back to it.
    text = (
        '"We are expecting people to pack up and leave," said Mark McDonald, spokesman for Mayor '
        "Nutter. \"I'm not going to speculate about what the city might do at any time down the "
        'road from now."\n'
        "For about 90 minutes, protesters chanted slogans.\n"
        "Police had no plans to evict anyone, Chief Inspector Joseph Sullivan said about 6:30 p.m.\n"
        '"We look forward to working with Occupy Philadelphia and a resolution of the problem. '
        'Confrontation is never good," he said.'
    )
    found = _run([_article("philly", text)])
    assert _with(found, "speculate about what the city").speaker == "Mark McDonald"
    assert _with(found, "Confrontation is never good").speaker == "Chief Inspector Joseph Sullivan"


def test_a_named_speaker_clash_blocks_a_merge_that_words_alone_would_make():
    a = 'Smith said the plan was "a complete and utter failure of leadership".'
    b = 'Jones said the plan was "a complete failure of leadership and vision".'
    apart = _run([_article("a", a), _article("b", b)])
    assert [q.sources for q in apart] == [("a",), ("b",)]
    anonymous = _run(
        [
            _article("a", a.replace("Smith said", "It was said")),
            _article("b", b.replace("Jones said", "It was said")),
        ]
    )
    assert [q.sources for q in anonymous] == [("a", "b")]


def test_unrelated_quotes_sharing_common_words_stay_apart():
    # same speaker, two shared stems ("liaison office"), but under half of the shorter quote
    a = _article("a", 'KCNA said "the liaison office will stay closed for repairs until June".')
    b = _article("b", 'KCNA said "the liaison office was destroyed in a shocking explosion".')
    assert [q.sources for q in _run([a, b])] == [("a",), ("b",)]


def test_articles_outside_any_family_count_as_their_own():
    text = 'KCNA said the office was "tragically ruined with a terrific explosion".'
    found = _run([_article("x", text), _article("y", text)], ())
    assert found[0].sources == ("x", "y") and found[0].independent_sources == 2


@pytest.mark.parametrize(
    "text",
    [
        "",
        "No quotes here at all. None.",
        'An unbalanced " mark and “another one and ‘yet another.',
        "” closing first “ then opening ” « » `` '' ` ` ‘ ’",
        "\"\" “” ‘’ `` '' «»",
        "Ã¢â‚¬Å“garbledÃ¢â‚¬ text â€œ with mojibake â€ quotes \x00 \ufffd",
        '"' * 101,
    ],
)
def test_robust_to_bad_input(text):
    found = _run([_article("a", text)])
    assert isinstance(found, tuple)


def test_pathological_input_stays_fast():
    start = time.perf_counter()
    garbage = ("said " * 5000, " 'x" * 5000 + " y' " * 5000, "“" * 20000, 'Kim "a b" ' * 2000)
    for text in garbage:
        _run([_article("a", text)])
    assert time.perf_counter() - start < 5


def test_empty_and_missing_input():
    assert quotes([], {}, []) == ()
    article = _article("a", 'KCNA said it was "tragically ruined with a terrific explosion".')
    assert quotes([article], {}, []) == ()  # no sentences given: nothing to attribute


def test_fast():
    articles = [_article(i, (FIXTURES / f"{i}.txt").read_text(encoding="utf-8")) for i in IDS]
    sents = {a.id: segment.sentences(a) for a in articles}
    start = time.perf_counter()
    for _ in range(20):
        quotes(articles, sents, FAMILIES)
    assert (time.perf_counter() - start) / 20 < 0.05  # ~1-2 ms in practice; slack for CI
