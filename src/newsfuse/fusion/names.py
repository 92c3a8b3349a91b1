"""Conflicts of names: one person's full name spelled with one other word by independent
reports ("born Betty Jane Perske" / "born Betty Joan Perske").

A full name here is a run of three or more capitalised words. Two full names are rival
spellings of one name when they have the same first and last word and differ in exactly one
word between, and that word is a whole word in both (not an initial, not one the beginning of
the other: "Jon" / "Jonathan" is a nickname, not a disagreement). Each spelling must come from
families that never write the other one: a family writing both names two people ("John Paul
Smith and his brother John Mark Smith"). No word of the name may be one the cluster also
writes in lower case ("New York State" / "New Mexico State" are two things, not one name).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from newsfuse.fusion.attribution import attribution
from newsfuse.models import Conflict, ConflictValue, Sentence
from newsfuse.settings import DEFAULT, FactSettings

_CAPITALISED = re.compile(r"\b[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?\b")
_WORD = re.compile(r"\b[a-z][a-z'’-]*\b")


def name_conflicts(
    sentences: Mapping[str, Sequence[Sentence]],
    family_of: Mapping[str, int],
    settings: FactSettings = DEFAULT.facts,
) -> list[Conflict]:
    """The rival spellings of full names between independent reports, one conflict a name."""
    lower = {w for ss in sentences.values() for s in ss for w in _WORD.findall(s.text)}
    # each full name: the families writing it, and its sentences by article
    writers: dict[tuple[str, ...], set[int]] = {}
    said: dict[tuple[str, ...], dict[str, Sentence]] = {}
    for article in sorted(sentences):
        for s in sentences[article]:
            for run in _runs(s.text.replace("’", "'")):
                for name in _names(run, settings.name_max_words):
                    writers.setdefault(name, set()).add(family_of.get(article, 0))
                    said.setdefault(name, {}).setdefault(article, s)
    rivals: dict[tuple[str, str, int], list[tuple[str, ...]]] = {}
    for name in sorted(said):
        if any(w.lower() in lower for w in name):
            continue
        for i in range(1, len(name) - 1):
            if len(name[i]) >= settings.name_min_letters:
                rivals.setdefault((name[0], name[-1], len(name)), []).append(name)
    out = []
    for key in sorted(rivals):
        spellings = sorted(set(rivals[key]))
        pairs = [
            (a, b)
            for n, a in enumerate(spellings)
            for b in spellings[n + 1 :]
            if _rival(a, b, settings) and writers[a].isdisjoint(writers[b])
        ]
        if not pairs:
            continue
        named = sorted({n for pair in pairs for n in pair})
        out.append(
            Conflict(
                about=f"full name ({key[0]} … {key[1]})",
                values=tuple(_value(n, said[n]) for n in named),
            )
        )
    return out


def _runs(text: str) -> list[list[str]]:
    """Runs of capitalised words next to each other (one space between)."""
    runs: list[list[str]] = []
    end = -2
    for m in _CAPITALISED.finditer(text):
        if runs and text[end : m.start()] == " ":
            runs[-1].append(m.group())
        else:
            runs.append([m.group()])
        end = m.end()
    return [r for r in runs if len(r) >= 3]


def _names(run: Sequence[str], most: int) -> list[tuple[str, ...]]:
    """Every stretch of three to ``most`` words of a run: "Born Betty Jane Perske" holds
    "Betty Jane Perske" (a sentence's first word is capitalised too)."""
    return [
        tuple(run[i : i + n])
        for n in range(3, min(most, len(run)) + 1)
        for i in range(len(run) - n + 1)
    ]


def _rival(a: tuple[str, ...], b: tuple[str, ...], settings: FactSettings) -> bool:
    """One word between the first and the last differs, a whole word in both."""
    differ = [i for i in range(len(a)) if a[i] != b[i]]
    if len(differ) != 1 or differ[0] in (0, len(a) - 1):
        return False
    x, y = a[differ[0]].lower(), b[differ[0]].lower()
    if min(len(x), len(y)) < settings.name_min_letters:
        return False
    if x.startswith(y) or y.startswith(x):
        return False  # a short form ("Jon" / "Jonathan"), not another name
    return not _transliterated(x, y)


_SOUNDS = (
    ("ee", "i"),
    ("ea", "i"),
    ("oo", "u"),
    ("ou", "u"),
    ("ck", "k"),
    ("q", "k"),
    ("ph", "f"),
    ("y", "i"),
)
_VOWELS = frozenset("aeiou")


def _transliterated(x: str, y: str) -> bool:
    """Two spellings of one name written from another script ("Abdallah" / "Abdullah",
    "Saddiq" / "Sadeek"): equal once doubled letters and spellings of one sound are
    evened out, or differing in vowels only, letter for letter. "Jane" / "Joan" differ in
    more than the vowels' letters: two names."""
    x, y = _even(x), _even(y)
    if len(x) != len(y):
        return False
    return all(p == q or (p in _VOWELS and q in _VOWELS) for p, q in zip(x, y, strict=True))


def _even(word: str) -> str:
    out = re.sub(r"(.)\1+", r"\1", word)
    for written, sound in _SOUNDS:
        out = out.replace(written, sound)
    return out


def _value(name: tuple[str, ...], by_article: Mapping[str, Sentence]) -> ConflictValue:
    articles = sorted(by_article)
    text = by_article[articles[0]].text
    return ConflictValue(
        value=" ".join(name),
        text=text,
        sources=tuple(articles),
        attributed_to=next(
            (a for a in (attribution(by_article[x].text) for x in articles) if a), None
        ),
    )
