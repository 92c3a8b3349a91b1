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
    b = 'Jones said the plan was "a complete and utter failure".'
    apart = _run([_article("a", a), _article("b", b)])
    assert [q.sources for q in apart] == [("a",), ("b",)]
    anonymous = _run(
        [
            _article("a", a.replace("Smith said", "It was said")),
            _article("b", b.replace("Jones said", "It was said")),
        ]
    )
    assert [q.sources for q in anonymous] == [("a", "b")]
    # words alone join other wordings too, but neither holds the other: two quotes
    other = 'It was said the plan was "a complete failure of leadership and vision".'
    reworded = _run([_article("a", a.replace("Smith said", "It was said")), _article("b", other)])
    assert [q.sources for q in reworded] == [("a",), ("b",)]


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


# --- who speaks: the person quoted, never the subject of the sentence nor the outlet ------------


def _fixture(name: str) -> tuple[Quote, ...]:
    text = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")
    return _run([_article(name, text)])


def test_she_said_is_the_sister_not_the_brother_the_page_is_about():
    # Timeline17 BBC page: "Michael Jackson was murdered ..., according to his sister LaToya".
    # Before, "She said: "He was murdered ..."" went to Michael Jackson, the first name around.
    found = _fixture("mj_latoya")
    for words in ("He was murdered for his catalogue", "worth so much more dead"):
        speaker = _with(found, words).speaker or ""
        assert "LaToya" in speaker and "Michael" not in speaker, speaker
    # a first name alone resolves when one person of the cluster has it
    assert _with(found, "no words to describe").speaker == "Jermaine Jackson"


def test_a_surname_several_people_share_stays_ambiguous():
    # "Ms Jackson said": Janet, LaToya, Katherine are all women named Jackson on this page;
    # the quote keeps the title and surname rather than picking one of them.
    q = _with(_fixture("mj_janet"), "too difficult for me")
    assert q.speaker == "Ms Jackson"


def test_a_surname_resolves_only_when_one_person_has_it():
    text = (
        "Defence lawyer Ed Chernoff spoke to reporters outside the court.\n"
        'Mr Chernoff said: "He just happened to find him in his bed, and he wasn\'t breathing."'
    )
    assert _run([_article("a", text)])[0].speaker == "Ed Chernoff"
    two = text + "\nHis brother Tom Chernoff was not in court."
    assert _run([_article("a", two)])[0].speaker == "Mr Chernoff"


def test_a_reported_clause_quotes_its_own_subject():
    # "state media reported that Kim ordered ... "...": Kim's words, state media relays them
    text = (
        "North Korean state media reported on Saturday that Kim Yo Jong had ordered the army "
        "to “decisively carry out the next action” against the South."
    )
    assert _run([_article("a", text)])[0].speaker == "Kim Yo Jong"
    # ... but the reporter's own verb keeps the quote when the clause has none
    own = 'KCNA said the office was "tragically ruined with a terrific explosion".'
    assert _run([_article("a", own)])[0].speaker == "KCNA"


def test_a_sentence_adverb_does_not_hide_the_speaker():
    # Multi-News: "Hamas spokesman Fawzi Barhoum, meanwhile, said "..."" had no speaker
    q = _with(_fixture("multinews_hamas"), "leading his army into the unknown")
    assert q.speaker == "Hamas spokesman Fawzi Barhoum"


def test_the_outlet_told_is_not_the_speaker():
    # Multi-News: "..., she told Vanity Fair" then "..., she told the magazine": the speaker is
    # Bacall (named here by her birth name), never the magazine.
    found = _fixture("multinews_bacall")
    for words in ("My obit is going to be full", "never know if that"):
        assert _with(found, words).speaker == "Betty Joan Perske"


def test_candidate_pairs_miss_no_pair_that_matches(monkeypatch):
    # The prefix filter must be exact: every pair all-pairs matching would accept is proposed.
    from newsfuse.fusion import quotes as q
    from newsfuse.fusion.attribution import same_speaker

    names = [*IDS, "mj_latoya", "mj_janet", "multinews_hamas", "multinews_bacall"]
    articles = [_article(n, (FIXTURES / f"{n}.txt").read_text(encoding="utf-8")) for n in names]
    # every article twice, trimmed differently, so that copies, fragments and rewrites abound
    articles += [_article(a.id + "-copy", a.body.replace("the ", "")) for a in articles]
    cast = q._Cast.of(a.body for a in articles)
    mentions = [
        m for pos, a in enumerate(articles) for m in q._mentions(pos, a, segment.sentences(a), cast)
    ]
    monkeypatch.setattr(q, "_DIRECT_PAIRS", 0)  # the filter, not the small-cluster shortcut
    proposed = set(q._candidate_pairs(mentions))
    assert len(proposed) < len(mentions) * (len(mentions) - 1) / 10  # and it does filter
    for i, a in enumerate(mentions):
        for j in range(i + 1, len(mentions)):
            b = mentions[j]
            agree = None if a.ambiguous or b.ambiguous else same_speaker(a.speaker, b.speaker)
            if q._match(a, b, agree) is not None:
                assert (i, j) in proposed, (a.text, b.text, agree)
