"""The parse cache's size comes from ``Settings.nlp`` and bounds memory only: a text parsed
again after it was dropped gets the parse it had."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

import newsfuse
from newsfuse.fusion import nlp, pipeline, segment
from newsfuse.settings import DEFAULT, NlpSettings

KAESONG = Path(__file__).parents[1] / "examples" / "kaesong"


def _annotations(doc) -> list[tuple[object, ...]]:
    return [(t.text, t.tag_, t.dep_, t.head.i, t.lemma_) for t in doc]


def test_parse_cache_keeps_at_most_cache_texts(monkeypatch: pytest.MonkeyPatch) -> None:
    sentences = [s.text for a in newsfuse.read([KAESONG]) for s in segment.sentences(a)]
    texts = list(dict.fromkeys(t for t in sentences if len(t.split()) >= 8))[:6]
    assert len(texts) == 6
    first = [_annotations(d) for d in nlp.docs(texts, nlp.NO_NER)]
    small = dataclasses.replace(DEFAULT, nlp=NlpSettings(cache_texts=3))
    monkeypatch.setattr(nlp, "DEFAULT", small)
    monkeypatch.setattr(nlp, "_DOCS", {})
    again = [_annotations(nlp.docs([t], nlp.NO_NER)[0]) for t in texts]
    assert len(nlp._DOCS) == 3
    assert list(nlp._DOCS) == texts[3:]  # the oldest went first
    assert again == first
    # A dropped text is parsed again, with the same result.
    assert _annotations(nlp.docs([texts[0]], nlp.NO_NER)[0]) == first[0]
    assert texts[0] in nlp._DOCS and texts[3] not in nlp._DOCS


def test_default_cache_sizes() -> None:
    assert DEFAULT.nlp == NlpSettings()
    assert DEFAULT.nlp.cache_texts >= 1000  # a big story's parsed clauses and sentences


def test_blas_limit_held_for_the_whole_brief(monkeypatch: pytest.MonkeyPatch) -> None:
    """fuse holds the BLAS at one thread from start to end (between parses too, where lifting
    and setting it again cost CPU), and gives it its threads back after."""
    blas = nlp._blas() if DEFAULT.nlp.numpy_matmul else None
    if blas is None:
        pytest.skip("no BLAS that threadpoolctl can limit")

    def threads() -> list[int]:
        return [lib.num_threads for lib in blas.lib_controllers]

    seen: list[list[int]] = []
    families = pipeline.syndication.families  # a stage that parses nothing, after a parse

    def watched(*args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(threads())
        return families(*args, **kwargs)

    monkeypatch.setattr(pipeline.syndication, "families", watched)
    before = threads()
    text = "A fire destroyed a warehouse in the port of Tema on Monday, police said. "
    newsfuse.fuse([newsfuse.Article(id=i, text=text * 3) for i in "ab"], words=40)
    assert seen and set(seen[0]) == {1}
    assert threads() == before
    with nlp.one_blas_thread():
        with nlp.one_blas_thread():  # a stage's parse inside the brief's hold
            pass
        assert set(threads()) == {1}  # not lifted by the inner exit
    assert threads() == before
