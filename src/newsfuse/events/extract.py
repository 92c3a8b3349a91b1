"""What the grouper keeps of one article: content terms with counts, and which are names.

Features depend on the article alone (never on what else is in the store), so they can be
computed once, stored beside the article and fed back to :meth:`EventGrouper.restore`.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from typing import Any

import wordfreq

from newsfuse.fusion.text import STOPWORDS, stem, words
from newsfuse.models import Article

#: Bumped when the feature layout changes, so a store can tell stale features apart.
FEATURES_VERSION = 1

Features = dict[str, Any]

# A sentence ends at . ! ? (optionally followed by a closing quote) before a space; good enough
# to know which capitalised word only opens a sentence.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+")
_TOKEN = re.compile(r"[A-Za-z][\w'’.-]*[\w]|[A-Za-z]|\d[\d,.:]*\d|\d")
# Lower-case words that may sit inside a name ("Bank of America", "Charles de Gaulle").
_NAME_JOINERS = frozenset({"of", "de", "la", "del", "van", "von", "bin", "al", "le", "da"})
# Capitalised words that open sentences or headlines without naming anything.
_NOT_NAMES = STOPWORDS | {"mr.", "mrs.", "ms.", "dr.", "st.", "but", "and", "or", "if", "so"}


def _is_cap(token: str) -> bool:
    return token[0].isupper()


def _names(text: str) -> tuple[Counter[str], set[str]]:
    """Multi-word names ("tara reid") with counts, and the stems of every word met capitalised
    inside a sentence (a word that only opens sentences is not taken for a name)."""
    phrases: Counter[str] = Counter()
    proper: set[str] = set()
    for line in text.splitlines():
        # A headline in capitals or Title Case says nothing about which words are names.
        letters = [c for c in line if c.isalpha()]
        if letters and sum(c.isupper() for c in letters) > 0.7 * len(letters):
            continue
        long_words = [w for w in line.split() if len(w) > 3 and w[0].isalpha()]
        if len(long_words) >= 3 and sum(w[0].isupper() for w in long_words) > 0.6 * len(long_words):
            continue
        for sentence in _SENTENCE_END.split(line):
            tokens = _TOKEN.findall(sentence)
            run: list[str] = []
            for i, tok in enumerate([*tokens, "."]):
                if _is_cap(tok) and not (i == 0 and tok.lower() in _NOT_NAMES):
                    run.append(tok)
                    continue
                if run and tok in _NAME_JOINERS and i + 1 < len(tokens) and _is_cap(tokens[i + 1]):
                    run.append(tok)
                    continue
                _close_run(run, phrases)
                for word in run:
                    low = word.lower()
                    if low not in _NOT_NAMES and low not in _NAME_JOINERS:
                        proper.add(stem(low.strip(".")))
                run = []
    return phrases, proper


def _close_run(run: list[str], out: Counter[str]) -> None:
    words = [w.lower().strip(".") for w in run]
    while words and words[0] in _NOT_NAMES:
        words.pop(0)
    while words and words[-1] in _NAME_JOINERS:
        words.pop()
    if len(words) >= 2:
        out[" ".join(words)] += 1


@functools.lru_cache(maxsize=1)
def _background() -> dict[str, float]:
    """Word frequencies of general English (wordfreq's shipped list; no download)."""
    frequencies: dict[str, float] = wordfreq.get_frequency_dict("en", wordlist="best")
    return frequencies


def _zipf(frequency: float) -> float:
    return round(math.log10(frequency) + 9, 2) if frequency > 0 else 0.0


def features(article: Article) -> Features:
    """The grouping features of one cleaned article (``article.clean_text`` set).

    ``terms`` maps content stems (numbers included) and ``@``-prefixed multi-word names to their
    counts; ``proper`` lists the stems met as names; ``zipf`` gives each term's frequency in general English (Zipf scale, 0 when unknown),
    a prior for how common it is before the stream has shown it. JSON-serialisable.
    """
    background = _background()
    body = article.body
    title = article.title or ""
    text = body if not title or title in body[: len(title) + 200] else f"{title}\n{body}"
    stems: list[str] = []
    frequency: dict[str, float] = {}
    for word in words(text):
        if word in STOPWORDS:
            continue
        term = stem(word)
        stems.append(term)
        frequency[term] = max(frequency.get(term, 0.0), background.get(word, 0.0))
    terms: Counter[str] = Counter(stems)
    phrases, proper = _names(text)
    for phrase, count in phrases.items():
        terms["@" + phrase] += count
        # A name of several words is at most as common as its rarest word.
        frequency["@" + phrase] = min(background.get(w, 0.0) for w in phrase.split()) / 10
    return {
        "v": FEATURES_VERSION,
        "terms": dict(sorted(terms.items())),
        "proper": sorted(proper & terms.keys()),
        "zipf": {t: _zipf(frequency.get(t, 0.0)) for t in sorted(terms)},
    }
