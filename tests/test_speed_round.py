"""The speed round of 2026-12-07: the fast paths give what the slow paths give, on real text
(the Kaesong example): a brief's word caches let go before the collector's threshold is
restored, one word stemmed from the words remembered, the attribute ruler reading its tokens
from the Doc's arrays."""

from __future__ import annotations

import gc
import math
from pathlib import Path

import pytest

import newsfuse
from newsfuse.fusion import nlp, pipeline, segment
from newsfuse.fusion import text as wording

KAESONG = Path(__file__).parents[1] / "examples" / "kaesong"


@pytest.fixture(scope="module")
def kaesong_sentences() -> list[str]:
    articles = newsfuse.read([KAESONG])
    return [s.text for a in articles for s in segment.sentences(a)][:60]


def test_a_briefs_word_caches_are_empty_when_the_collector_is_set_back(monkeypatch):
    """The collector's next young collection after a brief scans what is still alive: the
    brief's tokenised sentences are let go first (and the brief is the same brief)."""
    articles = newsfuse.read([KAESONG])
    first = newsfuse.fuse(articles, words=40)
    assert all(cache.cache_info().currsize == 0 for cache in pipeline._PER_BRIEF)
    seen: list[int] = []
    during: list[int] = []
    set_threshold = gc.set_threshold

    def spy(*threshold: int) -> None:
        seen.append(sum(_sizes()))
        set_threshold(*threshold)

    monkeypatch.setattr(gc, "set_threshold", spy)
    young = gc.get_threshold()
    try:
        set_threshold(700, *young[1:])  # below the brief's: it is raised, then set back
        again = newsfuse.fuse(articles, words=40, progress=lambda *_: during.append(sum(_sizes())))
    finally:
        set_threshold(*young)
    assert len(seen) == 2 and seen[-1] == 0 and max(during) > 0
    assert again.to_json() == first.to_json()


def _sizes() -> list[int]:
    return [cache.cache_info().currsize for cache in pipeline._PER_BRIEF]


def test_a_word_stemmed_from_the_words_remembered_is_the_stemmers_own(kaesong_sentences):
    tokens = [w for t in kaesong_sentences for w in wording.words(t)]
    wording.stems(tokens)  # remembered
    assert set(tokens) <= set(wording._STEM_OF)
    for w in [*tokens, "zyxtings", "unremembered"]:
        assert wording.stem(w) == wording._STEMMER.stemWord(w), w


def test_the_ruler_reading_token_arrays_sets_what_spacys_ruler_sets(kaesong_sentences):
    """Tags, parts of speech, morphology and lemmas after the ruler keyed by the Doc's arrays
    are those of spaCy's own ruler (its Matcher and annotations) on the same parses; the
    texts include the ruler's two-token rules ("gonna", "there are")."""
    model = nlp.model()
    ruler = model.get_pipe("attribute_ruler")
    texts = [*kaesong_sentences, "We're gonna win, and there are two of them.", "Let's go."]
    before = ("attribute_ruler", "lemmatizer", "ner")
    ours = [ruler(d) for d in nlp.pipe(texts, before)]
    match, annotate = vars(ruler)["match"], vars(ruler)["set_annotations"]
    del ruler.match, ruler.set_annotations  # spaCy's own
    try:
        plain = [ruler(d) for d in nlp.pipe(texts, before)]
    finally:
        ruler.match, ruler.set_annotations = match, annotate

    def read(doc):
        return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]

    assert [read(d) for d in ours] == [read(d) for d in plain]
    assert any(t.lemma_ == "go" and t.text == "gon" for d in ours for t in d)


def test_overlaps_without_shared_stems_are_zero_and_others_the_weighted_share(
    kaesong_sentences,
):
    """Sentences sharing no content stem score 0 without their weights summed; the others
    score the weight they share over the lighter one's."""
    sets = [frozenset(wording.content_stems(t)) for t in kaesong_sentences]
    weights = wording.inverse_frequency(kaesong_sentences)
    pairs = [(a, b) for a in sets for b in sets if a and b]
    assert any(not a & b for a, b in pairs) and any(a & b for a, b in pairs)
    for a, b in pairs:
        expected = math.fsum(weights.get(w, 1.0) for w in a & b) / min(
            wording.mass(a, weights), wording.mass(b, weights)
        )
        assert wording.overlap(a, b, weights) == expected
