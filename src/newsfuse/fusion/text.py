"""Word-level text helpers shared by the stages that compare sentences.

One tokenizer and one stemmer for the whole product, so that "the same content" means the same
thing to syndication detection, summarisation and source attribution.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet

import numpy as np
import Stemmer  # PyStemmer: the Snowball stemmers compiled to C

_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
_STEMMER = Stemmer.Stemmer("english")

# Lower-case words inside a person's or place's name ("Charles de Gaulle", "Osama bin Laden").
NAME_PARTICLES = frozenset(
    "of de del della da di du des la le van von der den bin ibn al el".split()
)

# Function words: they carry no content of their own, so two sentences sharing only these
# share nothing. A fixed list, not learnt, so results do not depend on the cluster.
STOPWORDS = frozenset(
    """a about above after again against all also am an and any are aren't as at be because
    been before being below between both but by can can't cannot could couldn't did didn't do
    does doesn't doing don't down during each few for from further had hadn't has hasn't have
    haven't having he he'd he'll he's her here here's hers herself him himself his how how's i
    i'd i'll i'm i've if in into is isn't it it's its itself let's me more most mustn't my
    myself no nor not of off on once only or other ought our ours ourselves out over own same
    shan't she she'd she'll she's should shouldn't so some such than that that's the their
    theirs them themselves then there there's these they they'd they'll they're they've this
    those through to too under until up very was wasn't we we'd we'll we're we've were weren't
    what what's when when's where where's which while who who's whom why why's with won't would
    wouldn't you you'd you'll you're you've your yours yourself yourselves said says say told
    would will one two mr mrs ms s t""".split()
)


# Words of a title that stands before a person's name, lower case without the dot ("Prime
# Minister Shinzo Abe", "Cmdr. Andy Smith", "Dr Murray"): the one list every stage that strips
# or recognises titles reads. Not "lord", "lady", "sister", "father": they open names too
# ("Lady Gaga", "Sister Sledge").
HONORIFICS = frozenset("mr mrs ms miss mx dr prof sir dame".split())  # before any name
PERSON_TITLES = HONORIFICS | frozenset(
    """professor rev reverend fr pope pastor president pres
    prime minister premier chancellor secretary governor gov mayor senator sen representative
    rep ambassador king queen prince princess leader chairman chairwoman judge justice
    commissioner sheriff general gen lt lieutenant col colonel maj major capt captain sgt
    sergeant cmdr commander adm admiral officer det detective inspector superintendent supt
    chief deputy vice cpl corporal trooper agent coach spokesman spokeswoman director""".split()
)
# The titles that never open the name of a thing: "General Motors", "King's College", "Queen
# Mary University", "Chief Keef" are names, so only these are cut from a name before NER reads it.
UNAMBIGUOUS_TITLES = frozenset(
    "president mayor governor senator judge chancellor pope sheriff "
    "dr prof gen lt col sgt capt cmdr gov sen rep rev".split()
)
assert UNAMBIGUOUS_TITLES <= PERSON_TITLES


# An English month name or its abbreviation ("Sept.", "June"), as a regex fragment for the
# stages that find dates in text (datelines, publication dates).
MONTH_PATTERN = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)


def words(text: str) -> list[str]:
    """Lower-cased word tokens (letters and digits, with an apostrophe suffix kept)."""
    # What ``_WORD.findall`` finds, at half its cost: every character it cannot match
    # (anything but ASCII letters, digits and the apostrophe) becomes a space, by one byte
    # table (non-ASCII first becomes "?", itself a space then), so the runs left are what it
    # reads one at a time; only a run holding an apostrophe needs the pattern.
    runs = (
        text.lower()
        .replace("’", "'")
        .encode("ascii", "replace")
        .translate(_WORD_BYTES)
        .decode("ascii")
    )
    if "'" not in runs:
        return runs.split()
    out: list[str] = []
    for run in runs.split():
        if "'" in run:
            out += _WORD.findall(run)
        else:
            out.append(run)
    return out


# Each byte that ``_WORD`` may match (of lower-cased text) kept, every other one a space.
_WORD_BYTES = bytes(
    c if chr(c) in "abcdefghijklmnopqrstuvwxyz0123456789'" else 32 for c in range(256)
)


def stem(word: str) -> str:
    # (a word of the brief's text was stemmed by :func:`stems` already: its answer kept)
    stemmed: str | None = _STEM_OF.get(word)
    if stemmed is None:
        stemmed = _STEMMER.stemWord(word)
    return stemmed


def stems(tokens: list[str]) -> list[str]:
    """:func:`stem` of each token, in one call (a big story has a million tokens)."""
    # Most words were stemmed before in the brief: a dictionary answers them for half
    # of PyStemmer's own cached call; a list holding a new word is stemmed whole.
    try:
        return [_STEM_OF[w] for w in tokens]
    except KeyError:
        out: list[str] = _STEMMER.stemWords(tokens)
        if len(_STEM_OF) > _STEMS_KEPT:
            _STEM_OF.clear()
        _STEM_OF.update(zip(tokens, out, strict=True))
        return out


_STEM_OF: dict[str, str] = {}
_STEMS_KEPT = 1 << 16  # words (~200 bytes each, with its stem)


def content_stems(text: str) -> list[str]:
    """Stems of the words of ``text`` that are not stop words, in order."""
    return list(_content_stems(text))


@functools.lru_cache(maxsize=1 << 16)
def _content_stems(text: str) -> tuple[str, ...]:
    # Cached: every stage compares the same sentences (summary, facts, timeline, event).
    tokens, stemmed = word_stems(text)
    return tuple([st for w, st in zip(tokens, stemmed, strict=True) if w not in STOPWORDS])


@functools.lru_cache(maxsize=1 << 16)
def word_stems(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """:func:`words` of ``text`` and the :func:`stem` of each (cached: the summary's concepts
    and every stage's content stems read the same sentences; stemmed in one call, as a call
    per word costs more than the stemming)."""
    tokens = words(text)
    return tuple(tokens), tuple(stems(tokens))


def word_count(text: str) -> int:
    return len(text.split())


def inverse_frequency(texts: Iterable[str]) -> dict[str, float]:
    """``log((n + 1) / df)`` of each content stem over ``texts`` (the sentences of a cluster):
    words every sentence has (the country, the main actors) say little about what a sentence
    is about, rarer ones say more."""
    df: Counter[str] = Counter()
    n = 0
    for t in texts:
        df.update(set(content_stems(t)))
        n += 1
    return {w: math.log((n + 1) / c) for w, c in df.items()}


def overlap(
    a: Collection[str],
    b: Collection[str],
    weights: Mapping[str, float],
    totals: tuple[float, float] | None = None,
) -> float:
    """Weighted overlap coefficient of two stem sets: the weight of what they share over the
    weight of the lighter one, so a short sentence inside a long one scores 1. ``totals``, if
    given, are :func:`mass` of ``a`` and of ``b``: a caller comparing each set with many others
    weighs it once."""
    if not a or not b:
        return 0.0
    get = weights.get
    # (the callers compare frozensets in their hot loops: no copies of those)
    both = (a if isinstance(a, AbstractSet) else set(a)) & (
        b if isinstance(b, AbstractSet) else set(b)
    )
    if not both:
        return 0.0  # (nothing shared: 0 over any weight, which is then not summed)
    # fsum: exactly rounded, so the score does not depend on the sets' iteration order
    # (which PYTHONHASHSEED changes) and ties break the same way in every run
    shared = math.fsum([get(w, 1.0) for w in both])
    lighter = min(totals) if totals is not None else min(mass(a, weights), mass(b, weights))
    return shared / lighter if lighter else 0.0


def mass(stems: Iterable[str], weights: Mapping[str, float]) -> float:
    """The weight of ``stems`` as :func:`overlap` counts it (1 for a stem without one)."""
    get = weights.get
    return math.fsum([get(w, 1.0) for w in stems])


def pairs_sharing(sets: Sequence[AbstractSet[str]], least: int) -> list[tuple[int, int]]:
    """The pairs ``(i, j)``, ``i < j``, of ``sets`` with at least ``least`` (>= 1) members in
    common, in order: one sparse product counts what every pair shares, where trying each
    pair in Python costs a microsecond a pair (a cluster has ~10^5 pairs of claims)."""
    if len(sets) <= _FEW_SETS:  # (the sparse matrices' own cost is more than a few pairs')
        n = len(sets)
        return [
            (i, j) for i in range(n) for j in range(i + 1, n) if len(sets[i] & sets[j]) >= least
        ]
    from scipy.sparse import csr_array

    # The rows built in CSR form directly, and the upper triangle read off the product's
    # coordinates: a third cheaper than building from (row, col) pairs and cutting with triu.
    vocab: dict[str, int] = {}
    cols: list[int] = []
    ends = [0]
    for members in sets:
        cols += [vocab.setdefault(w, len(vocab)) for w in members]
        ends.append(len(cols))
    if not vocab:
        return []
    m = csr_array(
        (np.ones(len(cols), dtype=np.int32), np.asarray(cols, dtype=np.int32), ends),
        shape=(len(sets), len(vocab)),
    )
    shared = (m @ m.T).tocoo()
    keep = (shared.row < shared.col) & (shared.data >= least)
    return sorted(zip(shared.row[keep].tolist(), shared.col[keep].tolist(), strict=True))


_FEW_SETS = 16  # up to this many sets, :func:`pairs_sharing` compares each pair in Python


#: Number words as news writes them ("two", "a dozen"), shared by date and value reading.
#: "one", "a" and "an" are left out: they are more often a pronoun or an article than a count.
NUMBER_WORDS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "a dozen": 12,
    "a hundred": 100,
    "a thousand": 1000,
}
