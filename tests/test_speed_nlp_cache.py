"""The parse cache's size comes from ``Settings.nlp`` and bounds memory only: a text parsed
again after it was dropped gets the parse it had."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

import newsfuse
from newsfuse.fusion import nlp, segment
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
