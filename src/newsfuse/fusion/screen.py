"""Screening: keep only the cleaned articles the later stages can use, and say why of the rest."""

from __future__ import annotations

import re
from collections import Counter

from newsfuse.fusion.clean import is_tokenised
from newsfuse.fusion.text import word_count
from newsfuse.models import Article, Skipped

#: Fewer words than this is a caption or a stub, not a report to summarise.
MIN_WORDS = 15
#: Languages the summariser handles (its sentence splitter, stemmer and stop words are English).
LANGUAGES = frozenset({"en"})
# Language identification looks at the start only: it is settled well within 1000 characters,
# and its cost grows with the text.
_LANGUAGE_SAMPLE = 1000
# Below this many characters a language guess on raw text is noise (a menu, a caption).
_MIN_LANGUAGE_CHARS = 100
# ...but a Chinese, Japanese or Korean character carries about a word: 20 of them are a
# sentence, enough to name the language (a 59-character Chinese report was "no text left").
_MIN_LANGUAGE_CJK = 20
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


def screen(articles: list[Article]) -> tuple[list[Article], list[Skipped]]:
    """Split cleaned articles into usable ones (with ``language`` set) and rejected ones.

    Rejected: no text left after cleaning, fewer than :data:`MIN_WORDS` words, not English,
    or an id already taken by an earlier article.
    """
    usable: list[Article] = []
    rejected: list[Skipped] = []
    ids: set[str] = set()
    for article in articles:
        reason, language = _problem(article, ids)
        if reason:
            rejected.append(Skipped(input=article.id, reason=reason))
            continue
        ids.add(article.id)
        usable.append(article.model_copy(update={"language": language}))
    return usable, rejected


def _problem(article: Article, ids: set[str]) -> tuple[str | None, str | None]:
    """Why ``article`` cannot be used (or None), and its language."""
    if article.id in ids:
        return f"duplicate id: another article already has the id '{article.id}'", None
    body = article.body
    n = word_count(body) if body.strip() else 0
    if n < MIN_WORDS:
        # The cleaner's line rules are made for English: text in a script without spaces
        # (Chinese, Japanese) can lose every line. Say what the input is, not what was left.
        raw = article.text
        if _long_enough_to_guess(raw) and (language := detect_language(raw)) not in LANGUAGES:
            return f"not English (detected: {language})", language
        if not body.strip():
            return _nothing_left(article), None
        return f"too short to summarise ({n} words; at least {MIN_WORDS} needed)", None
    language = detect_language(body)
    if language not in LANGUAGES:
        return f"not English (detected: {language})", language
    return None, language


def _nothing_left(article: Article) -> str:
    """ "no text left after cleaning", and what the cleaner took out: a one-line text dropped
    as a short fragment says so ("...: its one line was removed as a short fragment")."""
    reasons = Counter(r.reason for r in article.removed_lines)
    if not reasons:
        return "no text left after cleaning"
    if len(article.removed_lines) == 1:
        said = f"its one line was removed as {_a(article.removed_lines[0].reason)}"
    else:  # one line may lose several pieces (a glued title, a credit): count the pieces
        parts = ", ".join(f"{n} {reason}" for reason, n in reasons.most_common())
        said = f"everything was removed ({parts})"
    return f"no text left after cleaning: {said}"


def _a(reason: str) -> str:
    return f"{'an' if reason[:1] in 'aeiou' else 'a'} {reason}"


def _long_enough_to_guess(raw: str) -> bool:
    if len(raw.strip()) >= _MIN_LANGUAGE_CHARS:
        return True
    return len(_CJK.findall(raw, 0, _MIN_LANGUAGE_CHARS * 4)) >= _MIN_LANGUAGE_CJK


# Words that make up an eighth or more of any English text (a fifth of most) and a few
# percent at most of any other language's: when they do, the text is English and the
# classifier need not run (it costs ~1 ms a call, and 20 ms on a busy machine: most of
# screening on a large batch; its model takes 0.4 s to load). Only words no other major
# language writes commonly (not "a", "in", "on", "die", "will", "we", "over"): German,
# French, Spanish, Italian, Dutch, Portuguese, Swedish and Indonesian news text has at most
# 4% of them; a terse wire report (names, figures, datelines) has 15% to 20%.
_ENGLISH = frozenset(
    """the of and to that was is for with said were has have by from this his which at it
    are be he she they their had but its been who not after an would also about when more
    than into up out there you could can before against between during while where other
    all new last""".split()
)
_ENGLISH_SHARE = 0.12
_ENGLISH_SAMPLE_WORDS = 200
_WORD = re.compile(r"[^\W\d_]+")


def detect_language(text: str) -> str:
    """ISO 639-1 code of the language ``text`` is written in, e.g. ``"en"``."""
    sample = [
        w.lower()
        for w in _WORD.findall(
            text[: _LANGUAGE_SAMPLE * 2],
        )[:_ENGLISH_SAMPLE_WORDS]
    ]
    if len(sample) >= MIN_WORDS and sum(w in _ENGLISH for w in sample) >= _ENGLISH_SHARE * len(
        sample
    ):
        return "en"
    import py3langid  # loads its model on first use (~0.6 s), then caches it for the process

    language: str = py3langid.classify(text[:_LANGUAGE_SAMPLE])[0]
    return language


# Spacing no typist or newsroom system produces: a word standing apart from its comma or full
# stop ("Responding to  Yonhap , the"), or two spaces inside a line. Text pasted from a
# machine translator or from a page whose links were stripped has them.
_LOOSE_PUNCT = re.compile(r"\w[ \u00a0]+[,.;:](?=\s)")
_DOUBLE_SPACE = re.compile(r"\S[ \u00a0]{2,}(?=\S)")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*(?:\s|$)")


def paste_artifacts(text: str) -> float:
    """Spacing faults (see above) per sentence of ``text`` as read; 0 for text a word
    tokenizer wrote out (where a comma standing apart is the format, not a fault)."""
    if is_tokenised(text):
        return 0.0
    faults = len(_LOOSE_PUNCT.findall(text)) + len(_DOUBLE_SPACE.findall(text))
    return faults / max(1, len(_SENTENCE_END.findall(text)))
