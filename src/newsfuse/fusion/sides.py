"""What the two-sided conflicts share (:mod:`polarity`: granted / denied; :mod:`trades`:
sold / bought): finding the cues worth parsing, and showing one side of a conflict.

A side is any record with ``article``, ``sentence``, ``verb`` (token position) and ``shown``
(the words that say the side), which is all the shared code reads (:mod:`likeness`'s
findings, alike / unlike, are shown the same way).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Protocol, TypeVar

from newsfuse.fusion.attribution import attribution
from newsfuse.fusion.text import content_stems
from newsfuse.models import Conflict, ConflictValue, Sentence

# article, sentence, the cue's span in it
Cue = tuple[str, Sentence, int, int]


class Shown(Protocol):
    @property
    def article(self) -> str: ...
    @property
    def sentence(self) -> Sentence: ...
    @property
    def shown(self) -> str: ...


class Side(Shown, Protocol):
    @property
    def verb(self) -> int: ...


_S = TypeVar("_S", bound=Shown)


def cued(
    sentences: Mapping[str, Sequence[Sentence]],
    family_of: Mapping[str, int],
    cue: re.Pattern[str],
    first: str,
) -> list[Cue]:
    """The cues worth parsing: a match of ``cue`` whose group ``first`` is one side and any
    other match the other, with one same word among the words after them (group ``after``),
    the two sides from two families or more. Cues are indexed by those words, so a long
    story's thousand cues are not compared pairwise."""
    by_word: dict[str, tuple[list[Cue], list[Cue]]] = {}
    for article in sorted(sentences):
        for s in sentences[article]:
            for m in cue.finditer(s.text):
                side = 0 if m.group(first) is not None else 1
                found = (article, s, m.start(), m.end())
                for w in sorted(set(content_stems(m.group("after")))):
                    by_word.setdefault(w, ([], []))[side].append(found)
    keep: dict[tuple[str, int, int], Cue] = {}
    for one, other in by_word.values():
        families = {family_of.get(c[0], 0) for c in (*one, *other)}
        if one and other and len(families) >= 2:
            for c in (*one, *other):
                keep[(c[0], c[1].index, c[2])] = c
    return [keep[k] for k in sorted(keep)]


def order(a: Side) -> tuple[str, int, int]:
    """Sides in reading order: by article, sentence, verb."""
    return (a.article, a.sentence.index, a.verb)


def conflict(about: str, sides: Iterable[Iterable[Side]]) -> Conflict:
    """A conflict over ``about`` with one value per side, each side in reading order."""
    return Conflict(
        about=about, values=tuple(conflict_value(sorted(side, key=order)) for side in sides)
    )


def shared_family(sides: Sequence[Iterable[Side]], family_of: Mapping[str, int]) -> bool:
    """Whether one family gives two of the sides (a move, a correction: no conflict)."""
    families = [{family_of.get(x.article, 0) for x in side} for side in sides]
    return any(families[i] & families[j] for i in range(len(families)) for j in range(i))


def conflict_value(side: Sequence[_S]) -> ConflictValue:
    """One side of a conflict: shown as its first member says it, with every article saying
    it and the first attribution any of them gives."""
    first = side[0]
    return ConflictValue(
        value=first.shown,
        text=first.sentence.text,
        sources=tuple(dict.fromkeys(a.article for a in side)),
        attributed_to=next((x for x in (attribution(a.sentence.text) for a in side) if x), None),
    )
