"""Speed without other results: the model's matrix products run through numpy's BLAS on one
thread (``Settings.nlp.numpy_matmul``), the parses those of thinc's own BLIS products and the
thread limit lifted after each parse; the names' lower-case words read once per brief."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsfuse
from newsfuse.fusion import nlp, segment
from newsfuse.settings import DEFAULT

KAESONG = Path(__file__).parents[1] / "examples" / "kaesong"


def _annotations(doc) -> list[tuple[object, ...]]:
    return [
        (t.text, t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_, t.ent_iob_, t.ent_type_) for t in doc
    ]


def _sentences() -> list[str]:
    found = [s.text for a in newsfuse.read([KAESONG]) for s in segment.sentences(a)]
    return list(dict.fromkeys(found))[:60]


def test_networks_multiply_with_numpy() -> None:
    assert DEFAULT.nlp.numpy_matmul
    for _, component in nlp.model().pipeline:
        network = getattr(component, "model", None)
        for node in network.walk() if network is not None else ():
            assert getattr(node.ops, "use_blis", False) is False


def test_parses_match_thincs_own_products() -> None:
    import spacy

    texts = _sentences()
    assert len(texts) >= 40
    plain = spacy.load(nlp.MODEL)  # BLIS products, no newsfuse caches
    ours = [_annotations(d) for d in nlp.pipe(texts, ())]
    theirs = [_annotations(d) for d in plain.pipe(texts)]
    assert ours == theirs
    # The parser-only parses (compression) and the completed ones (summary keys) too.
    parsed = [_annotations(d) for d in nlp.docs(texts[:20], nlp.PARSER_ONLY)]
    keys = [_annotations(d) for d in nlp.docs(texts[:20], nlp.NO_NER)]
    alone = list(plain.pipe(texts[:20], disable=["ner"]))
    assert keys == [_annotations(d) for d in alone]
    assert [[a[:5:3] for a in p] for p in parsed] == [[a[:5:3] for a in k] for k in keys]


def testone_blas_thread_while_parsing_then_restored() -> None:
    blas = nlp._blas()
    if blas is None:
        pytest.skip("no BLAS library that threadpoolctl can limit")

    def threads() -> list[int]:
        return [c.num_threads for c in blas.lib_controllers]

    before = threads()
    seen: list[list[int]] = []
    with nlp.one_blas_thread():
        seen.append(threads())
    assert seen == [[1] * len(before)]
    assert threads() == before
    # While the Docs of a pipe are read, and after it.
    for _ in nlp.pipe(["North Korea blew up the liaison office."], nlp.NER_ONLY):
        seen.append(threads())
    assert seen[-1] == [1] * len(before)
    assert threads() == before
    nlp.docs(["Seoul said the office was destroyed on Tuesday afternoon."], nlp.NO_NER)
    assert threads() == before


def test_lower_case_words_are_read_from_every_sentence() -> None:
    """The words a brief's sentences write in lower case, read once by the facts stage for the
    name facts and the name conflicts."""
    from newsfuse.fusion import names, segment

    texts = ("The Court said it would rule.", "A court in Seoul ruled on Kim’s case.")
    sentences = {
        str(n): segment.sentences(newsfuse.Article(id=str(n), text=t)) for n, t in enumerate(texts)
    }
    expected = {"said", "it", "would", "rule", "court", "in", "ruled", "on", "s", "case"}
    assert names.lower_words(sentences) == expected
