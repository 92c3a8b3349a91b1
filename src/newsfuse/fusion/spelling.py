"""British and American spellings of one word made one: "realised" / "realized", "colour" /
"color", "centre" / "center", "storey" / "story".

Reports of one event come from both sides of the Atlantic, and a quote or a fact told in
either spelling is the same words. :func:`fold` maps a lower-case word to its American
spelling; both sides of a comparison are folded, so a slip is harmless as long as it is the
same slip. The suffix rules fold only into an English word about as common as the word folded
(wordfreq), so names stay ("Denise" is not "denize", "Seymour" not "seymor"). Used by the
quote matcher (:mod:`newsfuse.fusion.quotes`) and the fact scorer (:mod:`newsfuse.eval.facts`),
which must fold alike: it is a fact of English, not a setting.
"""

from __future__ import annotations

import functools
import re

# Words whose British spelling no suffix rule reaches.
_SPELLING = {
    "storey": "story",
    "storeys": "stories",
    "defence": "defense",
    "offence": "offense",
    "licence": "license",
    "pretence": "pretense",
    "grey": "gray",
    "programme": "program",
    "programmes": "programs",
    "travelled": "traveled",
    "travelling": "traveling",
    "cancelled": "canceled",
    "cancelling": "canceling",
    "labelled": "labeled",
    "modelled": "modeled",
    "fuelled": "fueled",
    "signalled": "signaled",
    "levelled": "leveled",
    "channelled": "channeled",
    "totalled": "totaled",
    "counselled": "counseled",
    "jewellery": "jewelry",
    "tyre": "tire",
    "tyres": "tires",
    "kerb": "curb",
    "aeroplane": "airplane",
    "aluminium": "aluminum",
    "cheque": "check",
    "plough": "plow",
    "mould": "mold",
    "manoeuvre": "maneuver",
    "manoeuvres": "maneuvers",
    "judgement": "judgment",
    "ageing": "aging",
    "enrol": "enroll",
    "fulfil": "fulfill",
    "sceptical": "skeptical",
}
# -ise/-yse -> -ize/-yze and -our -> -or in words of 6+ letters, -tre/-bre -> -ter/-ber in 5+.
_ISE = re.compile(r"^(\w{3,})(is|ys)(e|ed|es|ing|ation|ations|er|ers)$")
_OUR = re.compile(r"^(\w{3,})our(s|ed|ing|ite|ites|able)?$")
_TRE = re.compile(r"^(\w+)(t|b)re(s|d)?$")


def fold(word: str) -> str:
    """The American spelling of a lower-case ``word``, or ``word`` itself.

    A suffix rule folds only into an English word (:func:`_is_american`): "realise" ->
    "realize", but "Denise", "Louise", "Seymour", "detour" and "macabre" stay as they are."""
    if word in _SPELLING:
        return _SPELLING[word]
    folded = word
    if len(word) >= 6 and (m := _ISE.match(word)):
        folded = m.group(1) + ("iz" if m.group(2) == "is" else "yz") + m.group(3)
    elif len(word) >= 6 and (m := _OUR.match(word)):
        folded = m.group(1) + "or" + (m.group(2) or "")
    elif len(word) >= 5 and (m := _TRE.match(word)):
        folded = m.group(1) + m.group(2) + "er" + (m.group(3) or "")
    return folded if folded != word and _is_american(word, folded) else word


# A suffix rule's result must be an English word about as common as the word it replaces
# (wordfreq's Zipf scale: 3 is once per million words): "realize" 4.8 for "realise" 4.3,
# "glamor" 2.3 for "glamour" 3.5; not "denize" (0) for "Denise" nor "elize" 1.4 for "Elise".
_MIN_ZIPF = 1.5
_MAX_ZIPF_DROP = 1.25


@functools.lru_cache(maxsize=1 << 14)
def _is_american(word: str, folded: str) -> bool:
    # (imported here: wordfreq loads its word list, a fraction of a second, on first use)
    from wordfreq import zipf_frequency

    common = zipf_frequency(folded, "en")
    return common >= _MIN_ZIPF and common >= zipf_frequency(word, "en") - _MAX_ZIPF_DROP
