"""A summary sentence is cited to every article that states it, in its own words or others,
and to none that only shares words with it (real sentences of the Kaesong example's reports,
tests/fixtures/summary_citations/)."""

from __future__ import annotations

from pathlib import Path

from newsfuse.fusion import segment, summarize
from newsfuse.fusion.text import content_stems
from newsfuse.models import Article
from newsfuse.settings import SummarySettings

FIXTURES = Path(__file__).parent / "fixtures" / "summary_citations"
ARTICLES = [
    Article(id=p.stem, text=p.read_text(encoding="utf-8")) for p in sorted(FIXTURES.glob("*.txt"))
]
SENTENCES = {a.id: segment.sentences(a) for a in ARTICLES}


def _cited(text: str, own: str) -> set[str]:
    """The articles a summary sentence taken from article ``own`` is cited to."""
    (sentence,) = [s for s in SENTENCES[own] if s.text == text]
    plain = {s: s.text for ss in SENTENCES.values() for s in ss}
    stated = summarize._Statements(
        SENTENCES, plain, {a.id: None for a in ARTICLES}, SummarySettings()
    )
    (key,) = summarize._keys([text], [frozenset()])
    return {s.article_id for s in stated.supporting(sentence, frozenset(content_stems(text)), key)}


SMOKE = (
    "South Korean media reported that an explosion was heard and smoke could be seen over "
    "Kaesong, and the South's Unification Ministry said the liaison office had been destroyed."
)


def test_a_restatement_in_two_sentences_naming_the_ministry_otherwise_is_cited():
    # 002: "South Korea also said the office had been blown up. Its media reported that an
    # explosion was heard and smoke could be seen rising over Kaesong." (no "Unification
    # Ministry": the names count whole, so a two-word name missing is one name, not two).
    assert "002" in _cited(SMOKE, "001")


def test_a_paraphrase_of_the_second_claim_of_a_sentence_is_cited():
    # 000: "Yonhap said there was black smoke and a loud bang ... in Kaesong ..." and "the
    # Unification Ministry of South Korea confirmed ... that North Korea had exploded an
    # inter-Korean liaison office": "destroyed" is the verb of what the ministry said.
    assert "000" in _cited(SMOKE, "001")


def test_an_article_that_only_shares_words_is_not_cited():
    # 003 tells the office's destruction ("was blown up on June 16", "destroyed in a shocking
    # explosion") in many of the same words, but neither the smoke nor what Seoul said.
    assert _cited(SMOKE, "001") == {"000", "001", "002"}


def test_a_sentence_split_in_two_with_its_year_is_cited():
    # 001's copy of the Reuters text was split by its page: "The inter-Korean liaison office
    # was established in 2018." / "As part of a series of projects ...". The year pins it;
    # 003's account of the office is of its destruction, and 000's "opened in 2018" is not
    # said the same way.
    text = (
        "The first diplomatic mission of its kind, the inter-Korean liaison office was "
        "established in 2018 as part of a series of projects aimed at reducing tensions "
        "between the two Koreas."
    )
    cited = _cited(text, "002")
    assert "001" in cited
    assert "003" not in cited


def test_an_article_telling_a_meeting_to_come_is_not_cited_for_the_meeting_held():
    # DUC 2004 d30015t (AP, 5 October 1998): the envoy "met with" Milosevic on Monday night;
    # a report of that morning has him "en route to Belgrade for a meeting with Milosevic".
    met = (
        "The American envoy Richard Holbrooke met with President Slobodan Milosevic of "
        "Yugoslavia Monday night."
    )
    planned = (
        "The United States and Russia are ratcheting up the pressure on President Slobodan "
        "Milosevic, warning that NATO airstrikes are inevitable. In Brussels, Belgium, however, "
        "U.S. special envoy Richard Holbrooke told reporters Monday that the situation in "
        "Kosovo is as bad now as two weeks ago. Holbrooke is en route to Belgrade for a "
        "meeting with Milosevic. \u201cWe hope to make clear to president Milosevic and the "
        "people of Yugoslavia the extreme gravity of the situation.\u201d"
    )
    articles = [Article(id="met", text=met), Article(id="planned", text=planned)]
    sentences = {a.id: segment.sentences(a) for a in articles}
    plain = {s: s.text for ss in sentences.values() for s in ss}
    stated = summarize._Statements(
        sentences, plain, {a.id: None for a in articles}, SummarySettings()
    )
    (key,) = summarize._keys([met], [frozenset()])
    own = sentences["met"][0]
    cited = stated.supporting(own, frozenset(content_stems(met)), key)
    assert [s.article_id for s in cited] == ["met"]


def test_a_paraphrase_with_another_verb_of_the_same_happening_is_cited():
    # 003 translates KCNA's words otherwise: "the liaison office was tragically destroyed in
    # a shocking explosion", North Korean (the country's people's word) state news agency
    # KCNA reported; 000 and 001 tell no KCNA report.
    text = (
        "North Korea’s KCNA state news said the liaison office, which had been closed since "
        "January over fears of the novel coronavirus, was “tragically ruined with a terrific "
        "explosion”."
    )
    assert _cited(text, "002") == {"002", "003"}


def test_a_name_written_with_a_full_stop_is_found_in_a_paraphrase():
    # DUC 2004 d30011t (AP, 8 October 1998): "Sept." was read as the name "sept." with its
    # full stop, which no sentence's words hold, so no paraphrase named it.
    told = "Anwar was arrested Sept. 20 under the Internal Security Act."
    other = (
        "The arrest of former Malaysian Deputy Prime Minister Anwar Ibrahim won't lead to "
        "massive social unrest or frighten away investors, Malaysia's trade minister said "
        "Thursday. Anwar was fired by Prime Minister Mahathir Mohamad on Sept. 2 after the two "
        "differed on economic policy. He then began speaking out against Mahathir and was "
        "arrested Sept. 20. Rafidah said there have only been a few demonstrations in Malaysia "
        "over Anwar's arrest, all of them \u201corchestrated.\u201d"
    )
    # An EU statement of the same days shares the act and "detained", not Anwar's arrest.
    eu = (
        "\u201cThe EU expresses hope that the other political demonstrators still detained under "
        "the Internal Security Act will also be released soon,\u201d the statement said."
    )
    articles = [Article(id=i, text=t) for i, t in (("told", told), ("other", other), ("eu", eu))]
    sentences = {a.id: segment.sentences(a) for a in articles}
    plain = {s: s.text for ss in sentences.values() for s in ss}
    stated = summarize._Statements(
        sentences, plain, {a.id: None for a in articles}, SummarySettings()
    )
    (key,) = summarize._keys([told], [frozenset()])
    cited = stated.supporting(sentences["told"][0], frozenset(content_stems(told)), key)
    assert [s.article_id for s in cited] == ["told", "other"]
    assert "arrested Sept. 20" in cited[1].text
