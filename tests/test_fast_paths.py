"""The caches and fast paths that make a brief cheap give what the slow paths give, on real
text: the shared parse cache (and a parse completed from a parser-only one), the lemmatizer's
cache, the date scan cache, the summary's smaller integer program, the claims read once per
repeated sentence, the words stemmed once per text, the pairs of few sets compared in Python
and the timeline's overlaps of a date's candidates with themselves."""

from __future__ import annotations

import itertools
import math
import re
from pathlib import Path

import numpy as np
import pytest

import newsfuse
from newsfuse.fusion import dates, facts, nlp, segment, summarize, syndication, timeline
from newsfuse.fusion import text as wording
from newsfuse.models import Article, Event, Sentence
from newsfuse.settings import DEFAULT

ROOT = Path(__file__).parents[1]
KAESONG = ROOT / "examples" / "kaesong"
FIXTURES = Path(__file__).parent / "fixtures" / "summarize"
BOMBING = ("APW19981106.0274", "APW19981106.0275", "APW19981106.0276", "APW19981107.0744")


@pytest.fixture(scope="module")
def kaesong_sentences() -> list[str]:
    articles = newsfuse.read([KAESONG])
    return [s.text for a in articles for s in segment.sentences(a)][:40]


def _annotations(doc) -> list[tuple[object, ...]]:
    return [
        (t.text, t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_, str(t.morph), t.is_sent_start)
        for t in doc
    ]


def test_cached_docs_are_what_a_fresh_parse_gives(kaesong_sentences):
    texts = kaesong_sentences
    fresh = [_annotations(d) for d in nlp.pipe(texts, nlp.NO_NER)]
    parser_only = [_annotations(d) for d in nlp.pipe(texts, nlp.PARSER_ONLY)]
    assert [_annotations(d) for d in nlp.docs(texts, nlp.PARSER_ONLY)] == parser_only
    # completed from the parser-only Docs: tagger, attribute ruler and lemmatizer run on copies
    assert [_annotations(d) for d in nlp.docs(texts, nlp.NO_NER)] == fresh
    # and the parser-only Docs are left as they were
    assert [_annotations(d) for d in nlp.docs(texts, nlp.PARSER_ONLY)] == parser_only
    again = nlp.docs(texts[:3], nlp.NO_NER)
    assert [_annotations(d) for d in again] == fresh[:3]


def test_cached_lemmas_are_the_lemmatizers_own(kaesong_sentences):
    """The lemmas of the shared model (every answer cached, its word tables as sets) are
    those of the model as spaCy loads it, read twice (the second time from the cache)."""
    import spacy

    plain = spacy.load(nlp.MODEL, exclude=["ner"])
    expected = [[t.lemma_ for t in d] for d in plain.pipe(kaesong_sentences)]
    cached = [[t.lemma_ for t in d] for d in nlp.pipe(kaesong_sentences, nlp.NO_NER)]
    cached_again = [[t.lemma_ for t in d] for d in nlp.pipe(kaesong_sentences, nlp.NO_NER)]
    assert cached == expected == cached_again
    assert any(t != t.lower() for d in expected for t in d)  # proper nouns keep their case


def test_remembered_embeddings_are_what_the_network_computes(kaesong_sentences):
    """The token vectors (tok2vec's output) and the entities of a model whose embedding stages
    remember each token's row are bit for bit those of the model as spaCy loads it: on
    sentences read for the first time, again (every row remembered), mixed with new ones, and
    on short windows (the entities' input) and an empty text. The shared model multiplies with
    numpy's BLAS, whose last bits depend on the batch: its vectors are those to float
    rounding, and its tags, parses and entities the same."""
    import spacy

    plain = spacy.load(nlp.MODEL)
    remembering = spacy.load(nlp.MODEL)
    nlp._cache_embeddings(remembering)
    names = [s[:40] for s in kaesong_sentences] + ["", "in Seoul", "Kim Yo-jong said"]
    for texts in (kaesong_sentences[:20], kaesong_sentences, ["A new word: zyxt."]):
        ours = list(remembering.pipe(texts, disable=["ner"]))
        shared = list(nlp.pipe(texts, nlp.NO_NER))
        theirs = list(plain.pipe(texts, disable=["ner"]))
        assert all(np.array_equal(a.tensor, b.tensor) for a, b in zip(ours, theirs, strict=True))
        assert all(
            np.allclose(a.tensor, b.tensor, rtol=1e-4, atol=1e-5)
            for a, b in zip(shared, theirs, strict=True)
        )
        assert [_annotations(d) for d in ours] == [_annotations(d) for d in theirs]
        assert [_annotations(d) for d in shared] == [_annotations(d) for d in theirs]
    for model in (remembering, nlp.model()):
        off = [n for n in nlp.NER_ONLY if n in model.pipe_names]
        ours = [[(e.text, e.label_) for e in d.ents] for d in model.pipe(names, disable=off)]
        theirs = [[(e.text, e.label_) for e in d.ents] for d in plain.pipe(names)]
        assert ours == theirs
        assert any(ours)


def test_indexed_attribute_rules_match_what_the_matcher_matches(kaesong_sentences):
    """The attribute ruler's indexed matcher finds the matches spaCy's Matcher finds, on real
    sentences and on the rules' rarer shapes: two-token rules ("ai n't", "let 's", "There
    is"), a regular expression ("nothin'"), a dependency label ("but" as an adverb), spaces."""
    model = nlp.model()
    ruler = model.get_pipe("attribute_ruler")
    odd = [
        "He ain't going, y'all, and there is nothin' to it.",
        "Let's go: gonna get there, c'mon, but it gets worse.",
        "It got better.\n\nThey did it , but not\tthen.",
    ]
    texts = [*kaesong_sentences, *odd]
    docs = list(nlp.pipe(texts, ("attribute_ruler", "lemmatizer", "ner")))
    assert "match" in vars(ruler)  # the indexed one, in place of the class's
    indexed = [ruler.match(d) for d in docs]
    del ruler.match  # spaCy's own: the Matcher
    try:
        plain = [sorted(set(ruler.match(d))) for d in docs]
    finally:
        nlp._index_attribute_rules(model)
    assert indexed == plain
    assert all(indexed)
    two_token = {n for n, r in enumerate(ruler.patterns) if len(r["patterns"][0]) > 1}
    assert len({m[0] for ms in indexed[-3:] for m in ms} & two_token) >= 3


def test_date_mentions_are_the_same_when_read_again(kaesong_sentences):
    base = newsfuse.read([KAESONG])[0].published
    first = [dates.mentions(t, base) for t in kaesong_sentences]
    assert any(first)
    first[0].append(first[0][0] if first[0] else None)  # a caller's list is its own
    second = [dates.mentions(t, base) for t in kaesong_sentences]
    assert second[1:] == first[1:]
    assert len(second[0]) == len(first[0]) - 1
    assert [dates.partial_dates(t) for t in kaesong_sentences] == [
        dates.partial_dates(t) for t in kaesong_sentences
    ]


def test_the_date_scan_skips_no_mention(kaesong_sentences):
    """The scan's start test (a digit, or a word opening with a letter a mention may open
    with) drops no match of the whole pattern, on real sentences and on every form."""
    forms = [
        "On 2019-05-01 and June 16, 2020, or 16 June 2020; June 16 and 16 of June.",
        "In June, 2019, March last year, since September, early May, by the end of April.",
        "The 1990s, in 2019, A2019 and $2019, last Tuesday, Friday, yesterday, last night.",
        "Over the weekend, earlier this month, three days ago, a year ago, 12 weeks ago, today.",
    ]
    whole = dates._MENTION.pattern.removeprefix(dates._MENTION_START)
    assert whole != dates._MENTION.pattern
    plain = re.compile(whole, dates._MENTION.flags)
    for text in [*kaesong_sentences, *forms]:
        found = [(m.span(), m.groupdict()) for m in dates._MENTION.finditer(text)]
        assert found == [(m.span(), m.groupdict()) for m in plain.finditer(text)]
    assert len(list(dates._MENTION.finditer(" ".join(forms)))) >= 20


def _bombing_options():
    articles = [
        Article(id=i, text=(FIXTURES / f"{i}.txt").read_text(encoding="utf-8")) for i in BOMBING
    ]
    sentences = {a.id: segment.sentences(a) for a in articles}
    families = syndication.families(articles)
    settings = DEFAULT.summary
    family_of = {m: f.id for f in families for m in f.members}
    text = {s: s.text for ss in sentences.values() for s in ss}
    concepts = {s: summarize._concepts(t) for s, t in text.items()}
    weights = summarize._concept_weights(sentences, concepts, family_of, len(families), settings)
    chosen = [s for ss in sentences.values() for s in ss[:4]][:14]
    options = [summarize._Option(s, text[s]) for s in chosen]
    option_concepts = {o: summarize._concepts(o.text) for o in options}
    content = {o: frozenset(summarize.content_stems(o.text)) for o in options}
    anchors = summarize._anchors(options, articles)
    return options, option_concepts, content, anchors, weights, settings


def test_the_smaller_program_finds_the_best_selection():
    """The program with concepts folded into the options that hold them chooses a selection
    worth what the best one is worth, found here by trying every subset."""
    options, concepts, content, anchors, weights, settings = _bombing_options()
    budget = 70
    pairs = {
        tuple(p)
        for p in np.concatenate(
            [
                summarize._restating_pairs([content[o] for o in options], settings.max_overlap),
                summarize._same_anchor_pairs(
                    options, content, anchors, settings.same_anchor_overlap
                ),
            ]
        ).tolist()
    }

    def value(chosen: tuple[int, ...]) -> float:
        covered = set().union(*(concepts[options[j]] for j in chosen)) & set(weights)
        tie = [1e-3 / (1 + options[j].sentence.index) for j in chosen]
        return math.fsum([*tie, *(weights[c] for c in covered)])

    best = 0.0
    for k in range(1, len(options) + 1):
        for chosen in itertools.combinations(range(len(options)), k):
            if sum(options[j].words for j in chosen) > budget:
                continue
            if any(p in pairs for p in itertools.combinations(chosen, 2)):
                continue
            best = max(best, value(chosen))
    picked = summarize._select(options, None, concepts, content, anchors, weights, budget, settings)
    index = {o: j for j, o in enumerate(options)}
    assert sum(o.words for o in picked) <= budget
    assert value(tuple(sorted(index[o] for o in picked))) == pytest.approx(best, rel=1e-4)


def test_a_brief_collects_young_objects_less_often_and_restores_the_setting():
    import gc

    before = gc.get_threshold()
    during: list[tuple[int, int, int]] = []
    articles = newsfuse.read([KAESONG])
    brief = newsfuse.fuse(articles, words=30, progress=lambda *_: during.append(gc.get_threshold()))
    assert gc.get_threshold() == before
    assert during and all(t[0] == DEFAULT.young_gc_threshold for t in during)
    assert brief.summary  # the same brief either way: only the collector's timing changed


def test_a_repeated_sentence_gets_the_claims_of_a_first_reading():
    """Claims of a sentence a wire copy repeats are read once and shared: each copy's claims
    are those the sentence gets alone, with its own article and sentence."""
    body = (
        "Police arrested 12 people on Tuesday after the $3 million robbery. "
        "The 45-year-old driver was held for two days."
    )
    articles = [Article(id=i, text=body) for i in ("a", "b")]
    sentences = {a.id: segment.sentences(a) for a in articles}
    dated = dates.in_articles(articles, sentences, None)
    found = facts.claims(articles, sentences, {"a": 1, "b": 2}, dated, Event())
    alone = facts.claims(articles[:1], sentences, {"a": 1}, dated, Event())
    assert len(found) == 2 * len(alone) > 0
    for c, solo in zip(found[: len(alone)], alone, strict=True):
        assert c == solo
    for c, solo in zip(found[len(alone) :], alone, strict=True):
        assert (c.article, c.family, c.sentence.article_id) == ("b", 2, "b")
        assert (c.value, c.context, c.other_dates, c.window) == (
            solo.value,
            solo.context,
            solo.other_dates,
            solo.window,
        )


def test_words_and_stems_are_read_once_alike(kaesong_sentences):
    for t in kaesong_sentences:
        tokens, stemmed = wording.word_stems(t)
        assert list(tokens) == wording.words(t)
        assert list(stemmed) == [wording.stem(w) for w in wording.words(t)]
        content = [w for w in wording.words(t) if w not in wording.STOPWORDS]
        assert wording.content_stems(t) == [wording.stem(w) for w in content]


def test_few_sets_are_paired_as_the_sparse_product_pairs_them(kaesong_sentences):
    sets = [frozenset(wording.content_stems(t)) for t in kaesong_sentences]
    assert len(sets) > wording._FEW_SETS
    for least in (1, 2, 3):
        slow = [
            (i, j)
            for i, j in itertools.combinations(range(len(sets)), 2)
            if len(sets[i] & sets[j]) >= least
        ]
        assert wording.pairs_sharing(sets, least) == slow  # the sparse product
        few = sets[: wording._FEW_SETS]
        assert wording.pairs_sharing(few, least) == [(i, j) for i, j in slow if j < len(few)]
    assert wording.pairs_sharing([frozenset(), frozenset()], 1) == []


def test_overlaps_of_candidates_with_themselves_are_those_of_a_copy(kaesong_sentences):
    """One matrix for both sides gives the overlaps two matrices give, bit for bit, and they
    are text.overlap's."""
    sentences = [
        Sentence(article_id="a", index=i, text=t, start=0, end=len(t))
        for i, t in enumerate(kaesong_sentences)
    ]
    weights = wording.inverse_frequency(kaesong_sentences)
    candidates = [
        timeline._Candidate("a", 1, s, None, frozenset(wording.content_stems(s.text)))
        for s in sentences
    ]
    rows = timeline._Rows(candidates, weights)
    same = timeline._overlaps(candidates, candidates, rows)
    assert same.tobytes() == timeline._overlaps(candidates, list(candidates), rows).tobytes()
    for i, j in [(0, 1), (2, 5), (7, 3)]:
        expected = wording.overlap(candidates[i].stems, candidates[j].stems, weights)
        assert math.isclose(same[i, j], expected, rel_tol=1e-12)


def test_few_overlaps_summed_in_python_are_the_sparse_products(kaesong_sentences):
    """Below ``TimelineSettings.dense_pairs`` the overlaps are summed pair by pair: the same
    floats, bit for bit, as the sparse product, for a date's candidates against themselves and
    against another date's, with weights of every sign."""
    sentences = [
        Sentence(article_id="a", index=i, text=t, start=0, end=len(t))
        for i, t in enumerate(kaesong_sentences)
    ]
    weights = wording.inverse_frequency(kaesong_sentences)
    some = sorted(weights)[::7]
    weights = {**weights, **dict.fromkeys(some[::2], 0.0), **dict.fromkeys(some[1::2], -0.5)}
    candidates = [
        timeline._Candidate("a", 1, s, None, frozenset(wording.content_stems(s.text)))
        for s in sentences
    ]
    candidates.append(timeline._Candidate("a", 1, sentences[0], None, frozenset()))
    sparse = timeline._Rows(candidates, weights)
    dense = timeline._Rows(candidates, weights, dense=10**6)
    assert DEFAULT.timeline.dense_pairs > 0
    for a, b in [
        (candidates[:6], candidates[:6]),
        (candidates[:5], candidates[5:12]),
        (candidates[3:4], candidates),
        (candidates[-3:], candidates[:9]),
    ]:
        slow = timeline._overlaps(a, b, sparse)
        fast = timeline._overlaps(a, b, dense)
        assert fast.shape == slow.shape and fast.dtype == slow.dtype
        assert fast.tobytes() == slow.tobytes()
    assert timeline._overlaps(candidates, candidates, dense).tobytes() == (
        timeline._overlaps(candidates, candidates, sparse).tobytes()
    )


def test_the_frequency_start_test_skips_no_match(kaesong_sentences):
    """Every match of the frequency pattern holds one of the words tested for first."""
    from newsfuse.fusion import values

    forms = [
        "It flies three times a week, twice daily, once every month and 5 days per year.",
        "Flights run on Mondays, Tuesdays and Saturdays; it is paid annually, weekly, monthly.",
        "The paper is published daily, and the magazine yearly.",
    ]
    found = 0
    for sentence in [*kaesong_sentences, *forms]:
        for m in values._FREQUENCY.finditer(sentence):
            found += 1
            assert any(w in m.group(0) for w in values._FREQUENCY_WORDS)
    assert found >= 8
    assert [q.text for q in values._frequencies(forms[0], [])]


@pytest.fixture(scope="module")
def kaesong_claims() -> list[facts.Claim]:
    from newsfuse.fusion import clean

    articles = [clean.clean(a) for a in newsfuse.read([KAESONG])]
    sentences = {a.id: segment.sentences(a) for a in articles}
    dated = dates.in_articles(articles, sentences, None)
    family_of = {a.id: n for n, a in enumerate(articles)}
    return facts.claims(articles, sentences, family_of, dated, Event())


def test_the_crowd_counted_per_value_is_the_claim_by_claim_count(kaesong_claims):
    claims = [c for c in kaesong_claims if not c.value.referring]
    crowd = facts._crowd(claims, [facts._value_key(c.value) for c in claims])
    slow = {
        id(c): sum(
            1
            for o in claims
            if o.sentence is not c.sentence
            and o.value.kind == c.value.kind
            and c.value.agrees(o.value, c.year)
        )
        for c in claims
    }
    assert crowd == slow
    assert len(claims) > 20 and max(slow.values()) >= 3


def test_sides_taken_per_distinct_value_are_those_taken_claim_by_claim(kaesong_claims):
    """The conflict search's sides (decided once per value and year) are the exact claims
    the other fact's values contradict, as a claim-by-claim reading finds them."""
    groups = facts._group(kaesong_claims, wording.inverse_frequency([]), DEFAULT.facts)
    key = {id(c): facts._value_key(c.value) for g in groups for c in g}

    def agree(c, o):
        return c.value.agrees(o.value, c.year)

    def slow(group, other):
        out = []
        for c in group:
            if not c.value.exact:
                continue
            peers = [
                o for o in other if c.value.kind != "date" or facts._width(o) <= facts._width(c)
            ]
            if peers and not any(agree(c, o) for o in peers):
                out.append(c)
        return out

    taken = 0
    for a, b in itertools.permutations(groups, 2):
        if a[0].value.kind != b[0].value.kind:
            continue
        found = facts._Sides(a, key).against(facts._Sides.peers(b), agree)
        assert found == slow(a, b)
        taken += bool(found)
    assert taken > 0


def test_same_value_sources_by_bucket_are_those_claim_by_claim(kaesong_claims):
    """Passing over a bucket of claims of one value and year whole gives the sources that
    trying its claims one at a time (one bucket per claim) gives."""
    weights = wording.inverse_frequency(c.sentence.text for c in kaesong_claims)
    groups = facts._group(kaesong_claims, weights, DEFAULT.facts)
    bucketed = facts._Stated(kaesong_claims)
    alone = facts._Stated(kaesong_claims)
    alone.buckets = {
        kind: {(n,): [c] for n, c in enumerate(c for cs in buckets.values() for c in cs)}
        for kind, buckets in bucketed.buckets.items()
    }
    assert any(len(cs) > 1 for b in bucketed.buckets.values() for cs in b.values())
    added = 0
    for g in groups:
        sources = tuple(dict.fromkeys(c.article for c in g))
        fast = facts._same_value_sources(g, sources, bucketed, weights, DEFAULT.facts)
        assert fast == facts._same_value_sources(g, sources, alone, weights, DEFAULT.facts)
        added += len(fast) - len(sources)
    assert added > 0


def _shouted_slowly(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return sum(c.isupper() for c in letters) > 0.8 * len(letters)


def test_shouted_by_bytes_counts_what_the_character_loop_counts(kaesong_sentences):
    shouts = [
        "NORTH KOREA SAYS IT WILL REOPEN KAESONG.",
        "THE U.N. SAID ON TUESDAY it would meet.",
        "AP PHOTO / KIM JAE-HWAN",
        "12345 -- ...",
    ]
    texts = [*kaesong_sentences, *shouts, *(s.upper() for s in kaesong_sentences[:20])]
    assert any(summarize._shouted(t) for t in texts)
    for t in texts:
        assert summarize._shouted(t) == _shouted_slowly(t), t


def test_words_by_byte_table_are_what_the_pattern_finds(kaesong_sentences):
    """:func:`text.words` (non-word characters made spaces by a byte table, the pattern only
    on runs with an apostrophe) finds what ``_WORD.findall`` finds on the lower-cased text:
    real sentences, and apostrophes, curly quotes, accents, non-ASCII letters and digits that
    lower-case to more than one character ("İ")."""
    odd = [
        "Kim Jong-un’s sister said: “Don't” — it's 90's rock'n'roll, 'quoted' and abc'de2f.",
        "Café naïve İstanbul, São Paulo; ﬁne ß ǅ Ⅻ ٣ 1,000.5 U.S. e-mail x\u00a0y\tz",
        "'' ' ’’ it''s ends'",
        "",
    ]
    for t in [*kaesong_sentences, *odd]:
        assert wording.words(t) == wording._WORD.findall(t.lower().replace("’", "'")), t
    assert wording.words(odd[0])[:4] == ["kim", "jong", "un's", "sister"]


def test_stems_remembered_are_the_stemmers_own(kaesong_sentences):
    """Stems answered from the words remembered are what PyStemmer gives, for lists of words
    all seen before, partly new and new; and the memory is cut when full."""
    seen = [wording.words(t) for t in kaesong_sentences]
    for tokens in [*seen, *seen, ["zyxtings", *seen[0]], []]:
        assert wording.stems(tokens) == wording._STEMMER.stemWords(tokens)
    assert wording._STEM_OF
    before = wording._STEMS_KEPT
    try:
        wording._STEMS_KEPT = 2
        assert wording.stems(["unseenwords", "stemmed"]) == ["unseenword", "stem"]
        assert len(wording._STEM_OF) == 2
    finally:
        wording._STEMS_KEPT = before


def test_lean_attribute_annotations_set_what_spacys_set(kaesong_sentences):
    """The attribute ruler setting each match's attributes on its token (no Span) gives the
    tags, parts of speech and morphology spaCy's ``set_annotations`` gives, on real sentences
    and on rules setting the second token of a match ("gon na", "let 's", "there is")."""
    model = nlp.model()
    ruler = model.get_pipe("attribute_ruler")
    texts = [*kaesong_sentences, "Let's go: there is gonna be a fight, and there are two."]
    docs = list(nlp.pipe(texts, ("attribute_ruler", "lemmatizer", "ner")))
    assert "set_annotations" in vars(ruler)
    second = {n for n, i in enumerate(ruler.indices) if i == 1}
    assert len({m[0] for m in ruler.match(docs[-1])} & second) >= 2
    lean, plain = [d.copy() for d in docs], [d.copy() for d in docs]
    for d in lean:
        ruler.set_annotations(d, ruler.match(d))
    for d in plain:
        type(ruler).set_annotations(ruler, d, ruler.match(d))
    assert [_annotations(d) for d in lean] == [_annotations(d) for d in plain]
    assert [_annotations(d) for d in lean] != [_annotations(d) for d in docs]


def test_lemmas_set_by_arrays_are_the_lemmatizers_per_token(kaesong_sentences):
    """The lemmatizer reading and writing a Doc's lemmas as arrays sets those of spaCy's
    token-by-token loop (the same answers), lemmas already set left as they are."""
    model = nlp.model()
    lemmatizer = model.get_pipe("lemmatizer")
    assert "pipe" in vars(lemmatizer)
    docs = list(nlp.pipe(kaesong_sentences, ("lemmatizer", "ner")))
    docs[0][0].lemma_ = "kept"
    ours = list(lemmatizer.pipe([d.copy() for d in docs]))
    theirs = [type(lemmatizer).__call__(lemmatizer, d.copy()) for d in docs]
    assert [_annotations(d) for d in ours] == [_annotations(d) for d in theirs]
    assert ours[0][0].lemma_ == "kept"
    assert any(t.lemma_ != t.text for d in ours for t in d)
