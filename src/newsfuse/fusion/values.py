"""The checkable values a sentence states: money, percentages, counts, times of day and dates.

Every value becomes a :class:`Quantity`: an interval of what the wording can mean, in one unit.
"nearly 8.6 million USD" is USD 7.3–8.6 million, "9.78 billion won (US$8.6 million)" is KRW
9.75–9.79 billion with a USD equivalent stated beside it, "2018" is every day of 2018, "at noon"
is 12:00. Agreement across articles is then one question, "do the intervals meet?", for every
kind of value: that is what makes "2018" and "September 2018", or a won figure and a dollar
figure, agree without a rule for each case.

Dates come from :func:`newsfuse.dates.mentions`; this module turns them into quantities and
finds the rest.
"""

from __future__ import annotations

import calendar
import csv
import dataclasses
import datetime as dt
import functools
import itertools
import math
import re
from dataclasses import dataclass
from importlib import resources
from typing import Literal

from price_parser import Price

from newsfuse.fusion.dates import partial_dates
from newsfuse.fusion.text import NUMBER_WORDS, stem
from newsfuse.models import DateMention

Kind = Literal["date", "time", "money", "percent", "count", "ordinal", "frequency"]

# Two amounts in different currencies agree when they are within this share of each other
# once converted with the shipped yearly rates: rates drift within a year and reports round.
RATE_TOLERANCE = 0.15

# The units measures are stored in, by dimension: metres, metres a second, days, days back.
DIMENSIONS = frozenset({"length", "speed", "duration", "ago"})


@dataclass(frozen=True)
class Quantity:
    """A value as stated in one sentence, as the interval ``[low, high]`` in ``unit``.

    ``unit`` is a currency code for money, the counted noun for counts ("compani"), a time
    zone or "" for times, "" otherwise. Dates are day ordinals, times minutes after midnight.
    ``exact`` says the wording is precise enough to contradict another value: "at 2:50 p.m."
    is, "in the afternoon" is not.
    """

    kind: Kind
    low: float
    high: float
    unit: str
    shown: str
    text: str
    start: int
    end: int
    exact: bool = True
    equivalents: tuple[Quantity, ...] = ()
    noun: str = ""
    round: bool = False  # "3,000", "$20 million": agrees, never contradicts (``exact`` False)
    # "the 162 passengers", "for the 12 convictions": a figure told before, named again; it
    # confirms a fact of that figure but makes none of its own (``find(..., referring=True)``)
    referring: bool = False

    def agrees(self, other: Quantity, year: int | None = None) -> bool:
        """Whether both can be true of the same thing: their intervals meet (after currency
        conversion for money, through a stated equivalent or the shipped rate table)."""
        if self.kind != other.kind:
            return False
        if self.kind == "date" and (self.noun or other.noun):
            parts = _parts_agree(self, other)
            if parts is not None:
                return parts
        if self.kind == "date" and self.unit != other.unit:
            return _dates_agree(self, other)
        for a in (self, *self.equivalents):
            for b in (other, *other.equivalents):
                same_unit = a.unit == b.unit or (
                    a.kind in ("count", "ordinal") and same_counted(a, b)
                )
                if same_unit or a.kind not in ("money", "count", "time", "ordinal"):
                    if a.low <= b.high and b.low <= a.high:
                        return True
                    if a.unit in DIMENSIONS and a.noun != b.noun:
                        slack = 1 + UNIT_TOLERANCE  # "12 miles (20 km)": rounded conversions
                        if a.low <= b.high * slack and b.low <= a.high * slack:
                            return True
                elif a.kind == "money" and _converted_agree(a, b, year):
                    return True
        return False

    def comparable(self, other: Quantity) -> bool:
        """Whether a disagreement between the two would be a contradiction: same kind, same
        unit (or convertible currencies), both precise."""
        if self.kind != other.kind or not (self.exact and other.exact):
            return False
        if self.kind == "money":
            return (
                _usd_rate(self.unit, 2020) is not None and _usd_rate(other.unit, 2020) is not None
            )
        if self.kind in ("count", "ordinal"):
            return same_noun(self.unit, other.unit)
        return self.unit == other.unit


def _date_field(day: dt.date, unit: str) -> int:
    if unit == "weekday":
        return day.weekday()
    return day.month * 100 + day.day if unit == "monthday" else day.month


def _dates_agree(a: Quantity, b: Quantity) -> bool:
    """Dates of different precision (one partial: "Tuesday", "April 14", "February") agree
    when one can be the other: some day of the full date's span has the partial's field, or a
    month-day falls in the month. A weekday and a month-day cannot be compared."""
    if a.unit and b.unit:
        if {a.unit, b.unit} == {"monthday", "month"}:
            md, month = (a, b) if a.unit == "monthday" else (b, a)
            return int(md.low) // 100 == int(month.low)
        return True
    full, part = (a, b) if not a.unit else (b, a)
    if full.high - full.low > 366:
        return True
    return _span_has(int(full.low), int(full.high), part.unit, int(part.low))


@functools.lru_cache(maxsize=1 << 14)
def _span_has(low: int, high: int, unit: str, value: int) -> bool:
    """Whether some day ordinal in [low, high] has ``value`` as its ``unit`` field. Cached:
    fact grouping asks the same question of every pair of claims (a year has 366 days)."""
    if unit == "weekday" and high - low >= 6:
        return True  # any seven days hold every weekday
    first = dt.date.fromordinal(low)
    return any(
        _date_field(first + dt.timedelta(days=i), unit) == value for i in range(high - low + 1)
    )


# Nouns that count people: "4 people", "four gunshot victims" and "four patients" taken to one
# hospital are one count said three ways. Stems, as the counted unit is stored.
PERSON_NOUNS = frozenset(
    stem(w)
    for w in """people persons person victims patients employees workers men women children
    passengers civilians residents students soldiers officers staff adults kids teens members
    others individuals survivors casualties neighbors neighbours friends relatives""".split()
)


def same_counted(a: Quantity, b: Quantity) -> bool:
    """Counts of the same kind of thing: the same noun, or both nouns count people."""
    return same_noun(a.unit, b.unit) or (a.unit in PERSON_NOUNS and b.unit in PERSON_NOUNS)


@functools.lru_cache(maxsize=1 << 14)
def same_noun(a: str, b: str) -> bool:
    """Counted nouns that name the same thing: equal stems, or spellings one edit apart in a
    long enough word ("storey" / "story")."""
    if a == b:
        return True
    from rapidfuzz.distance import Levenshtein

    return min(len(a), len(b)) >= 4 and Levenshtein.distance(a, b) <= 2 and a[:3] == b[:3]


# Read in the lower-cased sentence (the same test as ignoring case), with "-teen" and
# "-teenth" found at a word's end ("\Bteen\b" is "\b\w+teen\b" without trying every
# word start): 2.8x faster, most sentences have none.
_MAYBE_VALUE = re.compile(
    r"\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty"
    r"|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|dozen|noon|midday|midnight"
    r"|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
    r"|twentieth)\b|\Bteen(?:th)?\b"
)


def find(
    sentence: str, dates: list[DateMention], year: int | None = None, referring: bool = False
) -> list[Quantity]:
    """Every value ``sentence`` states, in order; ``dates`` are its date mentions and
    ``year`` the year the sentence is about, for the currency table. With ``referring``,
    also the figures it names again ("the 162 passengers"), marked ``referring``."""
    found = [_from_date(d) for d in dates]
    taken = [(d.start, d.end) for d in dates]
    for q in _later(sentence, found):
        found.append(q)
        taken.append((q.start, q.end))
    for start, end, unit, value, shown in partial_dates(sentence):
        if _free(start, end, taken):
            found.append(
                Quantity("date", value, value, unit, shown, sentence[start:end], start, end)
            )
            taken.append((start, end))
    found = _with_parts_of_day(sentence, found, taken)
    for q in _frequencies(sentence, taken):  # before the counts: "three times a week"
        found.append(q)
        taken.append((q.start, q.end))
    if not _MAYBE_VALUE.search(sentence.lower()):
        return found  # no digit, number word or named time: nothing more to find
    for finder in (_old_years, _money, _percents, _times, _ages):
        for q in finder(sentence, taken):
            found.append(q)
            taken.append((q.start, q.end))
    found += _counts(sentence, taken, referring)  # last but one: it takes what the others left
    found += _ordinals(sentence, taken)
    return sorted(found, key=lambda q: q.start)


def _free(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    return all(end <= a or start >= b for a, b in taken)


# --- dates --------------------------------------------------------------------------------


def _from_date(d: DateMention) -> Quantity:
    shown = {
        "day": d.date.isoformat(),
        "month": d.date.strftime("%Y-%m"),
        "year": str(d.date.year),
        "decade": f"{d.date.year}s",
    }.get(d.precision, f"{d.date.isoformat()}/{d.until.isoformat()}")
    return Quantity(
        kind="date",
        low=d.date.toordinal(),
        high=d.until.toordinal(),
        unit="",
        shown=shown,
        text=d.text,
        start=d.start,
        end=d.end,
        exact=True,
    )


# Parts of a day a date is told with ("Saturday morning", "late Wednesday night", "on the
# evening of Jan. 23", "Monday evening January 23, 2017"), kept as the date's ``noun``: a
# morning and an afternoon of one day are two moments, so they can contradict; a day alone
# ("Saturday") is either, a refinement, never a rival. Minutes from the day's midnight; the
# night runs into the next morning ("Saturday night" may be 1 a.m. Sunday), the evening
# shades into the afternoon and the night.
_DAY_PARTS = {
    "morning": (0, 719),
    "afternoon": (720, 1079),
    "evening": (1020, 1379),
    "night": (1200, 1740),
}
_PART = r"(?P<part>morning|afternoon|evening|night)"
_PART_AFTER = re.compile(rf",?\s+(?:(?:early|late)\s+)?{_PART}\b", re.I)
_PART_BEFORE = re.compile(
    rf"\b{_PART}(?:\s+of)?,?\s+(?:(?:on|of)\s+)?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?$",
    re.I,
)
_DAY_PART_WORDS = {"last night": "night", "tonight": "night"}


def _with_parts_of_day(
    sentence: str, found: list[Quantity], taken: list[tuple[int, int]]
) -> list[Quantity]:
    """The single days of ``found`` with the part of the day written beside them as their
    ``noun`` and in what is shown (see :data:`_DAY_PARTS`); the part's words are taken, so
    they are not read again as a vague time of day."""
    if not any(w in sentence.lower() for w in ("morning", "afternoon", "evening", "night")):
        return found
    out = []
    for q in found:
        if q.kind != "date" or q.low != q.high or q.noun:
            out.append(q)
            continue
        part = _DAY_PART_WORDS.get(q.text.lower())
        after = _PART_AFTER.match(sentence, q.end)
        before = _PART_BEFORE.search(sentence, max(0, q.start - 40), q.start)
        if part is None and after is not None:
            part = after.group("part").lower()
            taken.append(after.span())
        elif part is None and before is not None:
            part = before.group("part").lower()
            taken.append(before.span("part"))
        if part is None:
            out.append(q)
            continue
        out.append(dataclasses.replace(q, noun=part, shown=f"{q.shown} {part}"))
    return out


def _parts_agree(a: Quantity, b: Quantity) -> bool | None:
    """Whether two single days, one told with a part of the day or both, can be one moment
    (their parts' minutes meet, a night running into the next day); None when they are not
    two single days of comparable kinds (the other rules decide)."""
    if a.low != a.high or b.low != b.high:
        return None
    if a.unit == b.unit and a.unit in ("", "weekday"):
        shift = int(b.low - a.low)
        if a.unit == "weekday":
            shift = (shift + 3) % 7 - 3  # the nearest such weekday, before or after
    elif {a.unit, b.unit} == {"", "weekday"}:
        day, weekday = (a, b) if not a.unit else (b, a)
        shift = (int(weekday.low) - dt.date.fromordinal(int(day.low)).weekday() + 3) % 7 - 3
        shift = shift if weekday is b else -shift
    else:
        return None
    if abs(shift) > 1:
        return False
    first = _DAY_PARTS.get(a.noun, (0, 1439))
    second = _DAY_PARTS.get(b.noun, (0, 1439))
    return first[0] <= second[1] + 1440 * shift and second[0] + 1440 * shift <= first[1]


def parts_of_one_day(a: Quantity, b: Quantity) -> bool:
    """Whether two dates are other parts of one day ("Saturday morning" / "Saturday
    afternoon"): named for few things in one story, like a calendar day."""
    if a.kind != "date" or b.kind != "date" or not (a.noun and b.noun) or a.noun == b.noun:
        return False
    whole = (dataclasses.replace(a, noun="", shown=""), dataclasses.replace(b, noun="", shown=""))
    return _parts_agree(*whole) is True and _parts_agree(a, b) is False


# "two years later", "a month later", "the following year": a date counted on from the date
# the sentence gave before it ("acquitted Oct. 3, 1995, but was found responsible ... two
# years later" is 1997). Only from a date of the same sentence: one sentence earlier the
# date may be another thing's.
_LATER = re.compile(
    rf"\b(?:(?P<n>\d{{1,2}}|an?|one|{'|'.join(sorted(NUMBER_WORDS, key=len, reverse=True))})\s+(?P<unit>years?|months?)\s+later"
    r"|the\s+(?:following|next)\s+(?P<next>year))\b",
    re.I,
)


def _later(sentence: str, dates: list[Quantity]) -> list[Quantity]:
    """Dates counted on from an earlier date of the sentence (:data:`_LATER`), at the
    precision of the step (a year, a month) and never finer than the date counted from. Shown
    as the date they come to; they agree with that date but, being counted, never contradict
    another (``round``)."""
    out: list[Quantity] = []
    if not any(not d.unit and d.kind == "date" for d in dates):
        return out  # nothing to count from (most sentences): the pattern need not run
    for m in _LATER.finditer(sentence):
        before = [d for d in dates if d.end <= m.start() and not d.unit and d.kind == "date"]
        if not before:
            continue
        span = max(before, key=lambda d: d.end)  # the nearest date before it
        anchor = dt.date.fromordinal(int(span.low))
        word = (m.group("n") or "one").lower()
        step = int(word) if word.isdigit() else NUMBER_WORDS.get(word, 1)  # ("a", "an", "one")
        if m.group("next") or m.group("unit").lower().startswith("year"):
            if span.high - span.low > 366:
                continue  # from a decade or a span of years: no one year
            year = anchor.year + step
            if year > dt.date.today().year:
                continue
            low, high, shown = dt.date(year, 1, 1), dt.date(year, 12, 31), str(year)
        else:
            if span.high - span.low > 31:
                continue  # "in 1975 ... a month later": no month to count from
            index = anchor.year * 12 + anchor.month - 1 + step
            low = dt.date(index // 12, index % 12 + 1, 1)
            high = low.replace(day=calendar.monthrange(low.year, low.month)[1])
            shown = low.strftime("%Y-%m")
        out.append(
            Quantity(
                kind="date",
                low=low.toordinal(),
                high=high.toordinal(),
                unit="",
                shown=shown,
                text=m.group(0),
                start=m.start(),
                end=m.end(),
                exact=False,
                round=True,
            )
        )
    return out


# Years before 1800, which :mod:`newsfuse.fusion.dates` leaves out (a bare "1390" is as often
# a count): read only where the wording makes them years, with an era ("1390 CE", "AD 1260"),
# as a span of two years with nothing counted after it ("between 1260 and 1390", "from 1260
# to 1390"), or after "in"/"since"/"until" with nothing counted after it ("in 1492,").
_ERA = r"(?:A\.D\.|C\.E\.|AD|CE)(?!\w)"
_OLD_YEAR = r"[1-9]\d{2,3}"
# (not followed by a counted word, another figure or a percentage: "between 1200 and 1500
# workers", "in 1500 cases")
_NOTHING_COUNTED = r"(?!\s*(?:[a-z%$£€]|per\s?cent|[\d,.]\d))"
_OLD_YEARS = re.compile(
    rf"(?<![\w$£€¥₩.,/-])(?:"
    rf"(?:(?P<pre>(?i:between|from))\s+)?(?P<y1>{_OLD_YEAR})\s*(?:{_ERA}\s*)?(?:and|to|-|–)\s*"
    rf"(?P<y2>{_OLD_YEAR})(?:\s*(?P<era2>{_ERA})|{_NOTHING_COUNTED})"
    rf"|(?P<y3>{_OLD_YEAR})\s*{_ERA}"
    rf"|{_ERA}\s*(?P<y4>{_OLD_YEAR})\b"
    rf"|(?:(?<=\bin )|(?<=\bIn )|(?<=\bsince )|(?<=\buntil )|(?<=\btill ))(?P<y5>1[0-7]\d\d)\b{_NOTHING_COUNTED}"
    r")",
)


def _old_years(sentence: str, taken: list[tuple[int, int]]) -> list[Quantity]:
    """Years before 1800 written as years (see :data:`_OLD_YEARS`), as dates: "between 1260
    and 1390 CE" is every day from 1260 to 1390, shown "1260 to 1390"."""
    out = []
    for m in _OLD_YEARS.finditer(sentence):
        if not _free(m.start(), m.end(), taken):
            continue
        if m.group("y2"):
            first, last = int(m.group("y1")), int(m.group("y2"))
            if not first < last or (not m.group("pre") and not m.group("era2")):
                continue  # "1260-1390" alone may be a score or a serial: only with a cue
            if first >= 1800 and not m.group("era2"):
                continue  # modern years are the date mentions' ("between 2014 and 2016")
        else:
            first = last = int(m.group("y3") or m.group("y4") or m.group("y5"))
        if last > dt.date.today().year:
            continue
        shown = str(first) if first == last else f"{first} to {last}"
        out.append(
            Quantity(
                kind="date",
                low=dt.date(first, 1, 1).toordinal(),
                high=dt.date(last, 12, 31).toordinal(),
                unit="",
                shown=shown,
                text=m.group(0),
                start=m.start(),
                end=m.end(),
            )
        )
    return out


# --- numbers --------------------------------------------------------------------------------

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALES = {
    "hundred": 1e2,  # ("two hundred people" is 200, not 2 and 100)
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "mln": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
    "crore": 1e7,
    "lakh": 1e5,
}
_SCALE = r"(?:thousand|million|billion|trillion|mln|mn|bn|tn|crore|lakh|m|b|k)\b"
_WORD_NUMBERS = NUMBER_WORDS


def _scale(words: str | None) -> float:
    """The factor of a count's scale words: "thousand" 1e3, "hundred thousand" 1e5."""
    return math.prod(_SCALES[w] for w in words.lower().split()) if words else 1.0


_WORD_NUMBER = "|".join(sorted(_WORD_NUMBERS, key=len, reverse=True))

# Words before a number that widen what it can mean: (lower factor, upper factor).
_HEDGES = [
    (
        re.compile(
            r"\b(?:nearly|almost|just under|up to|less than|smaller than|under|fewer than|close to"
            r"|a maximum of)\s*$",
            re.I,
        ),
        (0.85, 1.0),
    ),
    (
        re.compile(
            r"\b(?:more than|greater than|over|at least|just over|upwards of|in excess of|exceeding"
            r"|a minimum of)\s*$",
            re.I,
        ),
        (1.0, 1.3),
    ),
    (
        re.compile(
            r"\b(?:about|around|roughly|approximately|some|an estimated|estimated|approx\.?|circa|c\.)\s*$",
            re.I,
        ),
        (0.9, 1.1),
    ),
]


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def _interval(value: float, written: str, before: str) -> tuple[float, float, bool]:
    """What a written number can mean: its rounding, widened by a hedge word before it."""
    decimals = len(written.split(".")[1]) if "." in written else 0
    half_step = 0.5 * 10 ** (-decimals) if decimals else 0.0
    # "8.6 million" covers 8.55 to 8.65 million; a whole number is taken as written, give or
    # take 1% for "$8.64 million" vs "$8.6 million" when written rounder.
    rel = max(half_step / max(_number(written), 1e-9), 0.01)
    low, high = value * (1 - rel), value * (1 + rel)
    for pattern, (down, up) in _HEDGES:
        if pattern.search(before[-25:]):
            return min(low, value * down), max(high, value * up), False
    return low, high, True


_RANGE_AFTER = re.compile(
    r"\s*(?:-|–|to|or)\s*(?:[$£€¥₩]\s?)?(?:\d|(?:" + _WORD_NUMBER + r")\b)", re.I
)
_RANGE_BEFORE = re.compile(
    r"(?:\d|\b(?:"
    + _WORD_NUMBER
    + r"))\s*(?:-|–|to|or)\s*(?:[$£€¥₩]\s?)?$|\bbetween\s+\S+\s+and\s*$",
    re.I,
)


# The lower end of a range ending at the number that follows: "nine to ", "2,500-", "between
# 1260 and ", "greater than 80° and smaller than " (two bounds; not "8 or ": two reports'
# figures, not a range).
_RANGE_START = re.compile(
    r"(?:\b(?:between|(?:more|greater) than)\s+)?(?<![\w.,])(?P<n>"
    + _NUM
    + r"|(?:"
    + _WORD_NUMBER
    + r"))(?:\s*(?P<s>million|billion|thousand))?°?"
    r"(?:-?\s*(?:–|-|to|and(?:\s+(?:less|smaller|fewer) than)?)\s*)(?:[$£€¥₩]\s?)?$",
    re.I,
)


def _range_start(before: str, scale: float) -> tuple[float, str] | None:
    """The lower end of a range written just before a number, as its value (scaled like the
    number unless it has its own scale: "2 to 3 million", "500,000 to 1 million") and as
    shown; None when there is none."""
    m = _RANGE_START.search(before[-40:])
    if m is None:
        return None
    joined = m.group(0).lower().rstrip(" $£€¥₩")
    bounds = joined.endswith("than")  # "greater than 80° and smaller than 100°"
    if bounds != joined.startswith(("more", "greater")):
        return None  # an upper bound alone is the hedge of the number, not a range
    if joined.endswith("and") and not joined.startswith("between"):
        return None  # "7 and 10 people": two counts, not a range
    word = m.group("n").lower()
    value = float(_WORD_NUMBERS[word]) if word in _WORD_NUMBERS else _number(word)
    own = m.group("s")
    value *= _SCALES[own.lower()] if own else scale
    return value, f"{_readable(value) if value >= 1e6 else f'{value:g}'}"


def _round(written: str, scale: str | None) -> bool:
    """A round figure ("3,000", "$20 million") is an approximation, precise enough to agree
    with but not to contradict "3,346" or "$19.6 million"."""
    digits = written.replace(",", "")
    if not digits.isdigit():
        return False
    if scale:
        return int(digits) % 10 == 0
    return int(digits) >= 1000 and int(digits) % 1000 == 0


def _in_range(sentence: str, start: int, end: int) -> bool:
    """Whether the number at ``sentence[start:end]`` is one end of a range."""
    return bool(
        _RANGE_AFTER.match(sentence, end)
        or _RANGE_BEFORE.search(sentence[max(0, start - 30) : start])
    )


def _hedged(shown: str, before: str) -> str:
    """ "more than 54,000 workers" stays "more than 54000 workers": the hedge is part of what
    the source says."""
    for pattern, _ in _HEDGES:
        if m := pattern.search(before[-25:]):
            return f"{m.group(0).strip().lower()} {shown}"
    return shown


# --- money --------------------------------------------------------------------------------

_SYMBOLS = {
    "us$": "USD",
    "u.s.$": "USD",
    "$": "USD",
    "usd": "USD",
    "a$": "AUD",
    "au$": "AUD",
    "c$": "CAD",
    "ca$": "CAD",
    "hk$": "HKD",
    "€": "EUR",
    "eur": "EUR",
    "£": "GBP",
    "gbp": "GBP",
    "¥": "JPY",
    "jpy": "JPY",
    "₩": "KRW",
    "krw": "KRW",
    "cny": "CNY",
    "rmb": "CNY",
    "rs": "INR",
    "rs.": "INR",
    "inr": "INR",
    "dlrs": "USD",
    "₹": "INR",
    "rub": "RUB",
    "₽": "RUB",
    "chf": "CHF",
}
_CURRENCY_WORDS = {
    "dollar": "USD",
    "us dollar": "USD",
    "u.s. dollar": "USD",
    "american dollar": "USD",
    "canadian dollar": "CAD",
    "australian dollar": "AUD",
    "hong kong dollar": "HKD",
    "euro": "EUR",
    "pound": "GBP",
    "pounds sterling": "GBP",
    "pound sterling": "GBP",
    "yen": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "won": "KRW",
    "rupee": "INR",
    "rouble": "RUB",
    "ruble": "RUB",
    "swiss franc": "CHF",
    "usd": "USD",
    "eur": "EUR",
    "gbp": "GBP",
    "jpy": "JPY",
    "krw": "KRW",
    "cny": "CNY",
    "inr": "INR",
    "rub": "RUB",
    "chf": "CHF",
    "hkd": "HKD",
    "cad": "CAD",
    "aud": "AUD",
}
_SYMBOL = r"(?:US\$|U\.S\.\s?\$|AU?\$|CA?\$|HK\$|\$|€|£|¥|₩|₹|₽|\bRs\.?|\b(?:USD|EUR|GBP|JPY|KRW|CNY|RMB|INR|RUB|CHF|dlrs))"
_CURRENCY_WORD = (
    r"(?:(?:US|U\.S\.|American|Canadian|Australian|Hong Kong)\s+dollars?|dollars?|euros?"
    r"|pounds?(?:\s+sterling)?|yen|yuan|renminbi|won|rupees?|roubles?|rubles?|Swiss\s+francs?"
    r"|USD|EUR|GBP|JPY|KRW|CNY|INR|RUB|CHF|HKD|CAD|AUD)\b"
)
_MONEY = re.compile(
    rf"(?P<sym>{_SYMBOL})\s?(?P<n1>{_NUM})(?:\s*(?P<s1>{_SCALE}))?"
    rf"|(?<![\w.,])(?P<n2>{_NUM})(?:\s*(?P<s2>{_SCALE}))?\s+(?P<word>{_CURRENCY_WORD})",
    re.IGNORECASE,
)


def _money(sentence: str, taken: list[tuple[int, int]]) -> list[Quantity]:
    out: list[Quantity] = []
    for m in _MONEY.finditer(sentence):
        if not _free(m.start(), m.end(), taken):
            continue
        written = m.group("n1") or m.group("n2")
        scale_word = (m.group("s1") or m.group("s2") or "").lower()
        if m.group("sym"):
            # price-parser reads the symbol and the figure; the scale word is ours to apply.
            price = Price.fromstring(m.group(0))
            symbol = (price.currency or m.group("sym")).lower().replace(" ", "")
            currency = _SYMBOLS.get(symbol) or _SYMBOLS.get(m.group("sym").lower().replace(" ", ""))
        else:
            word = re.sub(r"\s+", " ", m.group("word").lower()).rstrip("s")
            currency = _CURRENCY_WORDS.get(word) or _CURRENCY_WORDS.get(word + "s")
        if currency is None:
            continue
        value = _number(written) * _SCALES.get(scale_word, 1.0)
        low, high, exact = _interval(value, written, sentence[: m.start()])
        exact = exact and not _in_range(sentence, m.start(), m.end())
        rounded = exact and _round(written, scale_word)
        exact = exact and not rounded
        out.append(
            Quantity(
                kind="money",
                low=low,
                high=high,
                round=rounded,
                unit=currency,
                shown=_hedged(f"{currency} {_readable(value)}", sentence[: m.start()]),
                text=m.group(0),
                start=m.start(),
                end=m.end(),
                exact=exact,
            )
        )
    return _pair_equivalents(sentence, out)


def _pair_equivalents(sentence: str, amounts: list[Quantity]) -> list[Quantity]:
    """ "9.78 billion won (US$8.6 million)": an amount followed by another currency in
    brackets is one figure stated twice; keep the first, with the second as its equivalent."""
    out: list[Quantity] = []
    i = 0
    while i < len(amounts):
        a = amounts[i]
        if i + 1 < len(amounts):
            b = amounts[i + 1]
            between = sentence[a.end : b.start]
            if b.unit != a.unit and re.fullmatch(
                r"\s*[(\[,—–-]\s*(?:or|about|around|roughly|approximately|nearly)?\s*", between
            ):
                out.append(
                    Quantity(
                        kind="money",
                        low=a.low,
                        high=a.high,
                        unit=a.unit,
                        shown=f"{a.shown} = {b.shown}",
                        text=sentence[a.start : b.end + 1].rstrip(" ,"),
                        start=a.start,
                        end=b.end,
                        exact=a.exact,
                        equivalents=(b,),
                    )
                )
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _figure(value: float) -> str:
    """A count as shown: "7000", "2.5", "3.2 million"."""
    return _readable(value) if value >= 1e6 else f"{value:g}"


def _readable(value: float) -> str:
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if value >= scale:
            return f"{value / scale:.3g} {word}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


@functools.cache
def _rates() -> dict[str, list[tuple[int, float]]]:
    """The shipped table of yearly USD rates (read once: it is constant data)."""
    text = resources.files("newsfuse.data").joinpath("usd_rates.csv").read_text(encoding="utf-8")
    rows = list(csv.reader(line for line in text.splitlines() if not line.startswith("#")))
    years = [int(y) for y in rows[0][1:]]
    return {r[0]: list(zip(years, (float(x) for x in r[1:]), strict=False)) for r in rows[1:]}


def _usd_rate(currency: str, year: int) -> float | None:
    """Units of ``currency`` per US dollar in ``year``, interpolated in the table."""
    if currency == "USD":
        return 1.0
    points = _rates().get(currency)
    if not points:
        return None
    if year <= points[0][0]:
        return points[0][1]
    for (y0, r0), (y1, r1) in itertools.pairwise(points):
        if year <= y1:
            return r0 + (r1 - r0) * (year - y0) / (y1 - y0)
    return points[-1][1]


def in_usd(q: Quantity, year: int | None = None) -> float | None:
    """The middle of a money value in US dollars by the shipped rates, or None."""
    rate = _usd_rate(q.unit, year or dt.date.today().year)
    return None if rate is None else (q.low + q.high) / 2 / rate


def _converted_agree(a: Quantity, b: Quantity, year: int | None) -> bool:
    year = year or dt.date.today().year
    ra, rb = _usd_rate(a.unit, year), _usd_rate(b.unit, year)
    if ra is None or rb is None:
        return False
    a_low, a_high = a.low / ra, a.high / ra
    b_low, b_high = b.low / rb, b.high / rb
    return a_low <= b_high * (1 + RATE_TOLERANCE) and b_low <= a_high * (1 + RATE_TOLERANCE)


# --- percentages ---------------------------------------------------------------------------

_PERCENT = re.compile(
    rf"(?<![\w.,])(?P<n>{_NUM})\s*(?P<u>%|per\s?cent\b|percentage points?\b)", re.IGNORECASE
)


def _percents(sentence: str, taken: list[tuple[int, int]]) -> list[Quantity]:
    out = []
    for m in _PERCENT.finditer(sentence):
        if not _free(m.start(), m.end(), taken):
            continue
        value = _number(m.group("n"))
        low, high, exact = _interval(value, m.group("n"), sentence[: m.start()])
        exact = exact and not _in_range(sentence, m.start(), m.end())
        points = "point" in m.group("u").lower()
        out.append(
            Quantity(
                kind="percent",
                low=low,
                high=high,
                unit="pp" if points else "%",
                shown=_hedged(
                    f"{m.group('n')}{' percentage points' if points else '%'}",
                    sentence[: m.start()],
                ),
                text=m.group(0),
                start=m.start(),
                end=m.end(),
                exact=exact,
            )
        )
    return out


# --- times of day ----------------------------------------------------------------------------

_ZONE = r"(?:GMT|UTC|BST|[ECMP][SD]T|KST|JST|IST|CET|CEST|local time)"
_TIME = re.compile(
    rf"\b(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<m>[0-5]\d))?\s*(?P<ap>[ap])\.?\s?m\b\.?(?:\s*\(?(?P<z1>{_ZONE})\)?)?"
    rf"|\b(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)(?!\d)(?:\s*(?:hrs|hours|h)\b)?(?:\s*\(?(?P<z2>{_ZONE})\)?)?"
    r"|\b(?P<named>noon|midday|midnight)\b"
    r"|\b(?P<part>(?:early |late )?(?:morning|afternoon|evening|night))\b",
    re.IGNORECASE,
)
_BOUND = re.compile(
    r"\b(?:between|and|to|by|until|till|from|as early as|as late as|before|after)\s*(?:at\s*)?$",
    re.I,
)
_PARTS = {
    "morning": (300, 720),
    "afternoon": (720, 1080),
    "evening": (1080, 1320),
    "night": (1200, 1740),
}
_ROUGHLY = re.compile(
    r"\b(?:(?P<side>(?:shortly|just|right|soon) (?:before|after)|just past|just shy of)|about|around"
    r"|approximately|roughly|some time|sometime)\s*(?:at\s*)?$",
    re.I,
)
# How far a hedge moves a clock time, in minutes. A hedged clock time is still a moment: "about
# 11:15 p.m." is not "around 10:40 p.m.", and "around 4 a.m." (a call) is not "around 5 a.m."
# (an arrest). So "about" widens a time written to the minute by a few minutes, a whole hour
# a little more (people round to the quarter); "just before 7:30" is the minutes up to 7:30
# (and agrees with "about 7:30"), "shortly after" a little longer. Precise enough to contradict
# a time outside that reach.
TIME_ABOUT = 10
TIME_ABOUT_HOUR = 15
TIME_JUST = 10
TIME_SHORTLY = 30


def _times(sentence: str, taken: list[tuple[int, int]]) -> list[Quantity]:
    out = []
    for m in _TIME.finditer(sentence):
        if not _free(m.start(), m.end(), taken):
            continue
        exact = True
        if m.group("h"):
            minutes = int(m.group("h")) % 12 * 60 + int(m.group("m") or 0)
            minutes += 720 if m.group("ap").lower() == "p" else 0
            zone = m.group("z1") or ""
        elif m.group("h24"):
            minutes = int(m.group("h24")) * 60 + int(m.group("m24"))
            zone = m.group("z2") or ""
            # "6:45" alone may be morning or evening: only a 24-hour time or a zone is exact.
            exact = minutes >= 13 * 60 or bool(zone) or m.group("h24").startswith("0")
        elif m.group("named"):
            minutes = 0 if m.group("named").lower() == "midnight" else 720
            zone = ""
        else:
            part = m.group("part").lower().split()[-1]
            low, high = _PARTS[part]
            out.append(
                Quantity(
                    kind="time",
                    low=low,
                    high=high,
                    unit="",
                    shown=part,
                    text=m.group(0),
                    start=m.start(),
                    end=m.end(),
                    exact=False,
                )
            )
            continue
        low = high = minutes
        before = sentence[max(0, m.start() - 25) : m.start()]
        hedge = ""
        if rough := _ROUGHLY.search(before):
            hedge = rough.group(0).strip().lower() + " "
            low, high = _hedged_time(minutes, rough.group("side"), m.group("m") is not None)
        elif _BOUND.search(before):
            exact = False  # one end of a span ("between 6:45 and 7 p.m.", "by 8 p.m.")
        out.append(
            Quantity(
                kind="time",
                low=low,
                high=high,
                unit=zone.upper(),
                shown=hedge
                + f"{minutes // 60:02d}:{minutes % 60:02d}"
                + (f" {zone}" if zone else ""),
                text=m.group(0).strip(),
                start=m.start(),
                end=m.end(),
                exact=exact,
            )
        )
    return out


# Rival reports of one moment's clock time are this close (minutes): "about 11:15 p.m." and
# "around 10:40 p.m." are; sirens "just after 8 a.m." and leaflets "around midday" are two
# moments.
RIVAL_TIMES = 90


def near_times(a: Quantity, b: Quantity) -> bool:
    """Whether two clock times are near enough to be rival times of one moment
    (:data:`RIVAL_TIMES`), the gap read across midnight too."""
    gap = max(a.low - b.high, b.low - a.high, 0)
    return min(gap, 1440 - gap) <= RIVAL_TIMES


def _hedged_time(minutes: int, side: str | None, to_the_minute: bool) -> tuple[int, int]:
    """The minutes a hedged clock time can mean (see :data:`TIME_ABOUT`): ``side`` is the
    hedge when it points one way ("just before", "shortly after"), ``to_the_minute`` whether
    the minutes were written ("about 7:30" rather than "about 7")."""
    if side is None:
        spread = TIME_ABOUT if to_the_minute else TIME_ABOUT_HOUR
        return minutes - spread, minutes + spread
    side = side.lower()
    reach = TIME_SHORTLY if side.startswith(("shortly", "soon")) else TIME_JUST
    if side.endswith(("before", "shy of")):
        return minutes - reach, minutes
    return minutes, minutes + reach


# --- ages -----------------------------------------------------------------------------------

# "the 73-year-old Durst", "Durst, 73, ...", "aged 72", "at the age of 89", "a ranger's
# three-year-old son", "two and a half year old child", "who was 49 years old", "shot Markus
# Austin, 33.", "died at 93". The counted unit is "age"; ``noun`` holds whose age it is when the wording says
# ("Durst", "father").
_UNITS_WORD = "one|two|three|four|five|six|seven|eight|nine"
_AGE_WORD = (
    rf"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:{_UNITS_WORD}))?"
    rf"|eleven|twelve|(?:thir|four|fif|six|seven|eigh|nine)teen|ten|{_UNITS_WORD}"
)
_AGE_NUMBER = rf"(?P<{{}}>\d{{{{1,3}}}}|(?i:{_AGE_WORD}))(?P<{{}}>[- ]and[- ]a[- ]half)?"
_WHO = r"(?:\s+(?P<who1>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}|[a-z]+))?"
_AGE = re.compile(
    # before the person: "73-year-old Durst", "a two and a half year old child"
    rf"(?<![\w-]){_AGE_NUMBER.format('n1', 'half1')}(?:-|\s)year(?:-|\s)old\b(?!-){_WHO}"
    # after the verb: "who was 49 years old", "is now 5 years old"
    rf"|(?<![\w-]){_AGE_NUMBER.format('n5', 'half5')}(?:-|\s)years?(?:-|\s)old\b(?!-)"
    r"|(?P<who2>[A-Z][\w'’-]+),\s+(?:now\s+)?(?P<n2>\d{1,3})\s*(?:,|\)|\.?\s*$)"
    # "aged 70", "who turned 70 on July 9", "Simpson, now 70,"
    r"|\b(?:aged|age of|at age|(?:who|he|she)\s+turn(?:ed|s))\s+(?P<n3>\d{1,3})\b(?!\s*(?:%|percent))"
    r"|(?<=,)\s+now\s+(?P<n4>\d{1,3})(?=,)"  # "the former NFL hero, now 70, stands"
    # "has died at 93 after a long illness" (not a clock time: "died at 4 a.m.", "at 10:40")
    r"|\b(?:died|dies|dead)\s+at\s+(?P<n6>\d{1,3})\b"
    r"(?!\s*(?:[ap]\.?m\b|o'?clock|[:.]\d|%|percent|-|[A-Z]))",
)
_NOT_WHO = frozenset("who was is has had and but man woman boy girl".split())
_AGE_WORDS = {
    **{w: n for w, n in NUMBER_WORDS.items() if " " not in w},
    "one": 1,
    **{u: n for n, u in enumerate(_UNITS_WORD.split("|"), 1)},
}


def _age_value(written: str) -> float:
    """ "33", "three", "twenty-two", "twenty two" as a number of years."""
    if written.isdigit():
        return float(written)
    return float(sum(_AGE_WORDS[w] for w in re.split(r"[- ]", written.lower())))


# An age in whole years is any age from that birthday to the next: "a 2-year-old toddler" and
# "a two and a half year old child" are one age; "a three-year-old son" is not.
AGE_YEAR = 0.99


def _ages(sentence: str, taken: list[tuple[int, int]]) -> list[Quantity]:
    out = []
    for m in _AGE.finditer(sentence):
        key = next(k for k in ("n1", "n5", "n2", "n3", "n4", "n6") if m.group(k))
        written = m.group(key)
        start = m.start(key) if key in ("n1", "n5") else m.start()
        value = _age_value(written)
        if not _free(start, m.end(), taken) or not 1 <= value <= 120:
            continue
        if m.group("n2") and m.group("who2") in _MONTH_NAMES:
            continue  # "June 16, 2020" is no age
        who = (m.group("who1") or m.group("who2") or "").strip()
        if who.split(" ")[-1].lower() in _NOT_WHO:
            who = ""
        half = key in ("n1", "n5") and m.group("half" + key[1])
        low, high = (value + 0.5, value + 0.5) if half else (value, value + AGE_YEAR)
        figure = f"{low:g}"
        out.append(
            Quantity(
                kind="count",
                low=low,
                high=high,
                unit="age",
                shown=f"age {figure}",
                text=m.group(0).strip(" ,)."),
                start=start,
                end=m.end(),
                noun=who,
            )
        )
    return out


# Words for a young child: one child named three ways ("a ranger's three-year-old son", "a
# 2-year-old toddler", "two and a half year old child") is one person; "son" and "daughter",
# two children.
_CHILD = frozenset("child toddler baby infant kid youngster tot".split())
_CHILD_OF = frozenset("son daughter".split()) | _CHILD


def one_child(a: str, b: str) -> bool:
    """Whether two ages' nouns can name one child: a word for a child and a son, a daughter
    or another word for a child (:data:`_CHILD`)."""
    wa, wb = a.lower().split()[-1:], b.lower().split()[-1:]
    if not wa or not wb:
        return False
    x, y = wa[0], wb[0]
    return (x in _CHILD and y in _CHILD_OF) or (y in _CHILD and x in _CHILD_OF)


_MONTH_NAMES = frozenset(
    """January February March April May June July August September October November December
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec""".split()
)


# --- counts ---------------------------------------------------------------------------------

_COUNT = re.compile(
    rf"(?<![\w$£€¥₩.,:/-])(?P<n>{_NUM}|(?:{_WORD_NUMBER})\b)(?:\s*(?P<s>(?:hundred\s+)?(?:million|billion|thousand)|hundred)\b)?"
    # what follows is only looked at, so the next number in it is still found
    # (or the degree sign of an angle, "80°"; not a temperature, "30°C")
    # (or a short unit written on: "fell 30ft (9m)")
    r"(?P<sep>-|\s+|(?=°(?![CF]\b))|(?=(?:ft|km|cm|mph|kph)\b))(?=(?P<rest>[^.;:!?]{0,60}))",
    re.IGNORECASE,
)
# A number right after a capitalised word inside a sentence names something.
_IDENTIFIER = re.compile(r"(?<=[\w,;] )(?-i:[A-Z][a-z]+|No\.)\s+$")
# "a total of 12", "a minimum of nine years", "a crowd of 5,000": a new figure after "of".
_MEASURE_OF = re.compile(r"\b(?:a|an)\s+[a-z]+\s+of\s*$", re.I)
# A number after these refers back to things already counted ("the two Koreas"): no claim.
_ANAPHORIC = re.compile(
    r"\b(?:the|these|those|both|its|his|her|their|our|all|each|every|of|top|first|last|No\.?)\s*$",
    re.I,
)
_NOT_HEADS = frozenset(
    """more other new additional separate different further such few many several same
    last next first second third former current major key small large big top main
    of and or to in at on for by with from as than per a an the that who which whose were
    was is are be been had have has will would could may might must should""".split()
)
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*")


# A number between chemical symbols ("H 2 O", "(CO 2)") is a formula's subscript.
_FORMULA = re.compile(r"(?<![\w-])(?:[A-Z][a-z]?){1,3}\s?$")
_ELEMENT = re.compile(r"\s?(?:[A-Z][a-z]?(?![a-z])|\))")


# Emergency phone numbers: "911 supervisor Tim Medlin", "a 999 call" name the line. Only "911
# people" (a plural of people) would count anything.
_EMERGENCY_NUMBERS = frozenset({"911", "999", "112"})


# A figure named again must be this large to be told apart from others ("the 12
# convictions"; "the two Koreas" is any pair).
REFERRING_MIN = 10


# "20-30 feet", "7-10 times": a range written with a hyphen, read as with an en dash ("20–30
# feet", whose lower end :func:`_range_start` reads), so it is an interval, not its first
# number. Only a rising pair: "won 3-2", "24-7" are no ranges.
_HYPHEN_RANGE = re.compile(r"(?<![\w.,/-])(\d{1,4})-(?=(\d{1,4})(?![\d,.-]))")
# "the 900 block of Buffalo Springs Drive": a street address's block, a value of the place
# (one number per hundred addresses), never a count of blocks.
_BLOCK = re.compile(r"(?<![\w,.])(?P<n>\d{1,3}(?:,?\d{3})?|\d{2,5})\s+block\s+of\s+(?=[A-Z\d])")


def _rising(m: re.Match[str]) -> str:
    return m.group(1) + ("–" if int(m.group(1)) < int(m.group(2)) else "-")


def _blocks(sentence: str, taken: list[tuple[int, int]]) -> list[Quantity]:
    out = []
    for m in _BLOCK.finditer(sentence):
        if not _free(m.start(), m.end(), taken):
            continue
        value = _number(m.group("n"))
        end = m.start() + m.group(0).index("block") + len("block")
        out.append(
            Quantity(
                "count",
                value,
                value,
                "address block",
                f"{_figure(value)} block",
                sentence[m.start() : end],
                m.start(),
                end,
                noun="block",
            )
        )
    return out


def _counts(sentence: str, taken: list[tuple[int, int]], referring: bool = False) -> list[Quantity]:
    out = _blocks(sentence, taken) if "block" in sentence else []
    taken = taken + [(q.start, q.end) for q in out]
    original = sentence
    if "-" in sentence:
        sentence = _HYPHEN_RANGE.sub(_rising, sentence)  # (one character for one: same offsets)
    for m in _COUNT.finditer(sentence):
        if not _free(m.start("n"), m.end("n"), taken):
            continue
        written = m.group("n")
        word = written.lower()
        if word in _WORD_NUMBERS:
            value = float(_WORD_NUMBERS[word])
        else:
            value = _number(written)
            if re.fullmatch(r"(?:19|20)\d\d", written) and not m.group("s"):
                continue  # a year, read as a date
        value *= _scale(m.group("s"))
        if value < 2:
            continue
        again = bool(_ANAPHORIC.search(sentence[: m.start()])) and not _MEASURE_OF.search(
            sentence[: m.start()]
        )
        if again and not (referring and value >= REFERRING_MIN):
            continue
        if _FORMULA.search(sentence, 0, m.start()) and _ELEMENT.match(sentence, m.end("n")):
            continue  # "H 2 O", "CO 2": the subscript of a chemical formula, no count
        if _IDENTIFIER.search(sentence[: m.start()]) and (
            word not in _WORD_NUMBERS or written[:1].isupper()
        ):
            continue  # "Flight 8501", "Room 423", "Planet Nine": a name, not a count
        speed = re.match(r"(km/h|km/hr|kph|mph)\b", m.group("rest"), re.I)
        attached = not m.group("sep") and re.match(r"(?:ft|km|cm)\b", m.group("rest"))
        degree = m.group("rest").startswith("°")
        noun = (
            speed.group(1)
            if speed
            else "°"
            if degree
            else attached.group(0)
            if attached
            else _listed_noun(m.group("rest"))
            or _head_noun(m.group("rest"), hyphenated=m.group("sep") == "-")
        )
        if noun is None:
            continue  # a number with nothing counted: not a checkable fact
        plural = noun.lower().endswith("s") or noun.lower() in (
            "people",
            "men",
            "women",
            "children",
        )
        if written in _EMERGENCY_NUMBERS and not (plural and stem(noun.lower()) in PERSON_NOUNS):
            continue  # "a 911 dispatcher", "got a 911 call": the phone line, not a count
        if (
            not again  # ("the 500 hired": a figure named again, for sums)
            and m.group("sep") != "-"
            and noun.isalpha()
            and noun.islower()
            and not plural
            and noun not in _SINGULAR_COUNTED
            and stem(noun) not in _UNIT_WORDS
            and (stem(noun), False) not in _MEASURES
        ):
            continue  # "the U.S.'s 301 investigation", "7 PHOTOS ... officer": no plural, no count
        end = m.start("rest") + m.group("rest").find(noun) + len(noun)
        noun = "degrees" if degree else noun  # "80°" is "80 degrees"
        if not _free(m.start(), end, taken):
            continue
        if word in _WORD_NUMBERS:
            low, high, exact = value, value, not _HEDGES[2][0].search(sentence[: m.start()][-25:])
        else:
            low, high, exact = _interval(value, written, sentence[: m.start()])
        vague = _VAGUE_MULTIPLE.search(sentence, 0, m.start()) if word in _SCALE_WORDS else None
        if vague is not None:
            # "several hundred people": some hundreds, not 100 (agrees with "300", not "50")
            least, most = _VAGUE_MULTIPLES[vague.group(1).lower()]
            low, high, exact = value * least, value * most, False
        lower = _range_start(sentence[: m.start()], _scale(m.group("s")))
        if lower is not None and lower[0] < low:
            low = lower[0]  # "nine to 33 years" is 9 to 33 years, not 33
        else:
            lower = None
        if _PARTITIVE.match(m.group("rest")):
            exact = False  # "five of his charges": some of a set; agrees, contradicts no total
        if lower is not None or _in_range(sentence, m.start(), m.end("n")):
            exact = False  # one end of "7-10 times", "2,500 to 5,000 tonnes"
        rounded = _round(written, m.group("s")) and exact
        if rounded:
            exact = False  # "3,000 people", "$20 million": a round figure
        ago = _AGO.match(sentence, end)
        unit = stem(noun.lower().replace("’", "'").split("'")[0].replace("/", ""))
        unit = _UNIT_ALIASES.get(unit, unit)
        power = _POWER.search(m.group("rest"), 0, max(m.group("rest").find(noun), 0))
        if power is not None:
            # "cubic kilometres": a volume, no length
            unit, noun = f"{power.group(1).lower()} {unit}", f"{power.group(1).lower()} {noun}"
        if noun == "times" and _RATIO.match(m.group("rest")):
            unit = (
                "fold"  # "10 times safer" is 10-fold, no count of times ("complained 7-10 times")
            )
        per_hour = bool(_PER_HOUR.match(sentence, end))
        measure = _MEASURES.get((unit, per_hour)) or _MEASURES.get((unit, False))
        if measure is not None and not (per_hour and measure[0] != "length"):
            # miles, km, feet, mph: compared in one unit (metres, metres a second)
            dimension, factor = measure
            if per_hour:
                dimension, factor = "speed", factor / 3600
            if dimension == "duration" and ago is not None:
                # "four billion years ago": a point in the past (days before the report), not
                # a span, so two epochs of one thing compare and a span ("for 1.5 billion
                # years") never meets one. Counted back from each report's own day, an epoch
                # in days or weeks moves with it ("two days ago" on Tuesday is "three days
                # ago" on Wednesday): only years and longer may contradict.
                dimension = "ago"
                exact = exact and factor >= _DAYS[stem("years")]
                end = ago.end()
                noun = f"{noun} ago"
            unit, low, high = dimension, low * factor, high * factor
        out.append(
            Quantity(
                kind="count",
                low=low,
                high=high,
                unit=unit,
                shown=f"{vague.group(1).lower()} {written.lower()} {noun.lower()}"
                if vague is not None
                else _hedged(
                    (f"{lower[1]} to " if lower else "") + f"{_figure(value)} {noun.lower()}",
                    sentence[: m.start() - len(lower[1]) - 4 if lower else m.start()],
                ),
                text=original[vague.start(1) if vague is not None else m.start() : end],
                start=vague.start(1) if vague is not None else m.start(),
                end=end,
                exact=exact,
                noun=noun,
                round=rounded,
                referring=again,
            )
        )
    return out


_POWER = re.compile(r"\b(cubic|square)\b", re.IGNORECASE)
# "several hundred", "a few thousand": a vague multiple of the scale word, as an interval
_SCALE_WORDS = frozenset({"dozen", "hundred", "thousand"})
_VAGUE_MULTIPLE = re.compile(r"\b(several|a few|few|many)\s+$", re.IGNORECASE)
_VAGUE_MULTIPLES = {
    "several": (3.0, 9.0),
    "a few": (2.0, 5.0),
    "few": (2.0, 5.0),
    "many": (2.0, 99.0),
}


# "another 3,000 jobs worldwide on top of the 4,000 cuts already announced": a figure added to
# one told before, in one sentence (:func:`sums`). Not measures: two ages or lengths in a row
# add up to no age or length of anything.
_MEASURED = frozenset({"age", *DIMENSIONS, stem("degree")})
# what stands right before the first figure ...
_WORDS = re.compile(r"[^\W\d_]+")
_ADDED = re.compile(r"\b(?:another|an additional|a further)\s+$", re.I)
# ... and between the figures: a few words of the first figure's phrase, then "on top of"
_ON_TOP_OF = re.compile(
    r"(?:\s+[\w'’-]+){0,3}?\s*,?\s+(?:on top of|in addition to|besides)\s+"
    r"(?:the|its|their|his|her|an?)?\s*$",
    re.I,
)


def sums(sentence: str, found: list[Quantity]) -> list[Quantity]:
    """The totals a sentence states as a sum: "another 3,000 jobs ... on top of the 4,000 cuts
    already announced" says 7,000 in all. Each is the first figure's count, spanning both
    figures, never exact (a total worked out agrees with the same figure elsewhere, but
    contradicts nothing) and ``referring``: it confirms a fact of the figure another sentence
    writes, but makes none of its own (no report writes it)."""
    counts = sorted(
        (q for q in found if q.kind == "count" and q.unit not in _MEASURED),
        key=lambda q: q.start,
    )
    out: list[Quantity] = []
    for a, b in itertools.pairwise(counts):
        # (20 characters: room for "an additional ")
        if not _ADDED.search(sentence[max(0, a.start - 20) : a.start]):
            continue
        if not _ON_TOP_OF.fullmatch(sentence[a.end : b.start]):
            continue
        # "the 15 destroyed" counts what a participle says was done to them: a sum only when
        # it is what was done to the first figure's ("hired another 200 ... the 500 hired"),
        # not another thing ("another 40 homes were damaged, in addition to the 15 destroyed")
        if b.noun.lower().endswith("ed") and b.noun.lower() not in {
            w.lower() for w in _WORDS.findall(sentence[max(0, a.start - 40) : b.start])
        }:
            continue
        total = a.low + b.low, a.high + b.high
        figure = (a.low + a.high + b.low + b.high) / 2
        out.append(
            Quantity(
                kind="count",
                low=total[0],
                high=total[1],
                unit=a.unit,
                shown=f"{_figure(figure if figure >= 1e6 else round(figure))} {a.noun}",
                text=sentence[a.start : b.end],
                start=a.start,
                end=b.end,
                exact=False,
                noun=a.noun,
                # worked out, not written: it confirms a fact of that figure but makes none
                # ("another 12 protesters on top of the 30 charged" states no 42 arrested)
                referring=True,
            )
        )
    return out


# --- frequencies ---------------------------------------------------------------------------

# How often something happens, in times a week: "daily" is 7, "twice a month" 0.46, "on
# Mondays, Tuesdays, Thursdays and Saturdays" 4 (a schedule, "only authorised to fly that
# route on ..." / "approved to fly the route daily"). Compared like other values, the slot
# being what is done so often.
_PER_WEEK = {"day": 7.0, "week": 1.0, "month": 12 / 52, "year": 1 / 52}
_ADVERBS = {"daily": 7.0, "weekly": 1.0, "monthly": 12 / 52, "yearly": 1 / 52, "annually": 1 / 52}
_TIMES = {"once": 1, "twice": 2, "thrice": 3, **NUMBER_WORDS}
_PLURAL_DAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days"
_FREQUENCY = re.compile(
    # "three times a week", "twice daily", "five days a week", "once every two weeks"
    rf"\b(?P<n>once|twice|thrice|{_WORD_NUMBER}|\d{{1,3}})(?:\s+(?P<what>times|days))?"
    r"\s+(?:(?:a|an|per|each|every)\s+(?P<per>day|week|month|year)\b|(?P<adv>daily|weekly"
    r"|monthly|yearly|annually)\b)"
    # an adverb of its own, lower case ("Daily Mail" is a name) and not before a noun it
    # describes ("a daily newspaper", "the weekly meeting"): after a verb or its object
    rf"|(?<![\w-])(?P<alone>daily|weekly|monthly)(?=\s*(?:[.,;:)]|$|\s(?:and|or|but|from|since"
    r"|until|till|except|between|during|for|at|in|on|to|as|by)\b))"
    # a schedule of weekdays: "on Mondays, Tuesdays, Thursdays and Saturdays"
    rf"|\b(?P<days>{_PLURAL_DAY}(?:(?:,\s*|\s+and\s+|,\s*and\s+){_PLURAL_DAY})*)\b"
)
# What every match of _FREQUENCY holds (its pattern is case-sensitive): "day" (a day, Mondays),
# "daily", "week"(ly), "month"(ly), "year"(ly), "annually".
_FREQUENCY_WORDS = ("day", "daily", "week", "month", "year", "annually")
# a negation or "only" a few words before, in the same clause
_NOT_BEFORE = re.compile(r"(?:\bnot|n't|\bnever|\bno longer|\bnor)\b(?:\s+[^\s,;]+){0,6}\s*$", re.I)
_ONLY_BEFORE = re.compile(r"\bonly\b(?:\s+[^\s,;]+){0,6}\s*$", re.I)
_DETERMINERS = frozenset("the a an its their his her our this that".split())
_ROUGH_BEFORE = re.compile(
    r"\b(?:about|around|roughly|nearly|almost|up to|at least|more than|less than|as many as"
    r"|as often as|at most|some|several)\s*$",
    re.I,
)


def _frequencies(sentence: str, taken: list[tuple[int, int]]) -> list[Quantity]:
    # (most sentences have none: the long pattern need not run; every match of it ends in
    # one of these words, as written, which substring tests find cheapest)
    if not any(w in sentence for w in _FREQUENCY_WORDS):
        return []
    if not re.search(r"(?i:ly|days|twice|once|times)\b", sentence):
        return []
    out = []
    for m in _FREQUENCY.finditer(sentence):
        if not _free(m.start(), m.end(), taken):
            continue
        before = sentence[max(0, m.start() - 50) : m.start()]
        negated = bool(_NOT_BEFORE.search(before))
        text = m.group(0)
        if m.group("days"):
            days = re.findall(_PLURAL_DAY, text)
            n = float(len(days))
            if len(set(days)) != len(days):
                continue
            if negated:  # "did not have a permit to fly on Sundays": some of the other days
                low, high, exact, shown = 0.0, 7.0 - n, False, f"not on {text}"
            elif _ONLY_BEFORE.search(before):  # "was only authorised to fly that route on"
                low, high, exact, shown = n, n, True, f"{text} ({n:g} days a week)"
            else:  # "flights on Mondays": nothing said of the other days
                low, high, exact, shown = n, 7.0, False, f"on {text}"
            out.append(
                Quantity("frequency", low, high, "week", shown, text, m.start(), m.end(), exact)
            )
            continue
        if negated:
            continue  # "did not fly daily": no schedule stated
        if m.group("alone"):
            last = re.search(r"(\S+)\s+$", before)
            if last and (last.group(1)[:1].isupper() or last.group(1).lower() in _DETERMINERS):
                continue  # "told the Le Monde daily", "in An-Nahar daily": a newspaper
            value, shown = _ADVERBS[m.group("alone")], m.group("alone")
        else:
            word = m.group("n").lower()
            times = float(_TIMES[word]) if word in _TIMES else float(word)
            if m.group("what") == "days" and m.group("per") != "week":
                continue  # "five days a month": days, not times
            if m.group("what") is None and word not in ("once", "twice", "thrice"):
                continue  # "3 a day": three of something, not three times
            per = _PER_WEEK[m.group("per")] if m.group("per") else _ADVERBS[m.group("adv")]
            value, shown = times * per, text.lower()
        rough = _ROUGH_BEFORE.search(before)
        low, high = (value * 0.5, value * 1.5) if rough else (value, value)
        shown = f"{rough.group(0).strip().lower()} {shown}" if rough else shown
        out.append(
            Quantity("frequency", low, high, "week", shown, text, m.start(), m.end(), rough is None)
        )
    return out


# --- ordinals ------------------------------------------------------------------------------

# Places in a sequence ("the sixth day of the search", "its 3rd straight loss"): a value of
# its own kind, compared with the same noun only. "first" is left out: "the first time",
# "first reported" rank nothing that reports dispute.
_ORDINAL_WORDS = {
    w: n
    for n, w in enumerate(
        """_ _ second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth
        thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth
        twentieth""".split()
    )
    if n >= 2
}
_ORDINAL = re.compile(
    # lower case: "Fifth Avenue", "Second World War" name things, they rank nothing
    rf"(?<![\w$£€¥₩.,:/-])(?P<n>(?-i:{'|'.join(_ORDINAL_WORDS)})|\d{{1,3}}(?:st|nd|rd|th))"
    r"(?P<sep>-|\s+)(?=(?P<rest>[^.;:!?]{0,60}))",
    re.IGNORECASE,
)
# "a second attack" is another attack, no place in a sequence
_ANOTHER = re.compile(r"\b(?:a|an|one)\s+$", re.I)
# Parts of a year or a game ("the third quarter", "the second half"): reports name several,
# for many figures, and a report of one beside another of the next is no dispute.
_PARTS_OF = frozenset("quarter half".split())


# A place on a list ("No. 2 on the Simon Wiesenthal Center's list of most wanted", "the second
# most wanted man on the ... list"): a rank of one thing, whatever the words ranked, named
# by the list that follows in the clause.
LIST_RANK = "list rank"
_NUMBERED_RANK = re.compile(r"(?<![\w.])No\.\s?(?P<n>\d{1,3})\b(?=(?P<rest>[^.;:!?]{0,80}))")
_ON_A_LIST = re.compile(
    r"[^,;:!?()]{0,70}?\b(?:on|in|of|atop|tops?)\b[^,;:!?()]{0,50}?\blist\b", re.I
)
# "No. 10 Downing Street", "No. 1 Police Plaza": the number of an address, ranked on no list
_ADDRESS_AFTER = re.compile(
    r"\s(?:[A-Z][\w'’-]*\s){1,3}(?:Street|St\.|Road|Rd\.|Avenue|Ave\.|Boulevard|Blvd\.|Lane"
    r"|Drive|Place|Plaza|Square|Terrace|Row|Way|Court|Crescent)(?![\w-])"
)


def _list_ranks(sentence: str, taken: list[tuple[int, int]]) -> list[Quantity]:
    out = []
    for m in _NUMBERED_RANK.finditer(sentence):
        on = _ON_A_LIST.match(m.group("rest"))
        if on is None or _ADDRESS_AFTER.match(m.group("rest")):
            continue
        if not _free(m.start(), m.end("n"), taken):
            continue
        value = float(m.group("n"))
        out.append(_list_rank(sentence, m.start(), m.end("n"), value))
    return out


def _list_rank(sentence: str, start: int, end: int, value: float) -> Quantity:
    return Quantity(
        kind="ordinal",
        low=value,
        high=value,
        unit=LIST_RANK,
        shown=f"No. {value:g}",
        text=sentence[start:end],
        start=start,
        end=end,
        noun="list",
    )


def _ordinals(sentence: str, taken: list[tuple[int, int]]) -> list[Quantity]:
    out = _list_ranks(sentence, taken) if "No." in sentence else []
    taken = taken + [(q.start, q.end) for q in out]
    for m in _ORDINAL.finditer(sentence):
        written = m.group("n")
        if not _free(m.start(), m.end("n"), taken) or _ANOTHER.search(sentence[: m.start()]):
            continue
        value = _ORDINAL_WORDS.get(written.lower()) or int(re.sub(r"\D", "", written))
        if value < 2:
            continue  # "1st": as "first"
        if re.match(r"(?:most|largest|biggest|highest)\b", m.group("rest"), re.I) and (
            _ON_A_LIST.match(m.group("rest"))
        ):
            out.append(_list_rank(sentence, m.start(), m.end("n"), float(value)))
            continue  # "the second most wanted man on the ... list": No. 2 on it
        # (not as "four-storey": "second-largest city" ranks the city, as "second largest")
        noun = _head_noun(m.group("rest"), hyphenated=False)
        if noun is None or not noun.isalpha() or not noun.islower() or noun in _PARTS_OF:
            continue  # "the 14th of April", "the 50th Anniversary": no ranked thing
        end = m.start("rest") + m.group("rest").find(noun) + len(noun)
        if not _free(m.start(), end, taken):
            continue
        out.append(
            Quantity(
                kind="ordinal",
                low=float(value),
                high=float(value),
                unit=stem(noun.lower()),
                shown=sentence[m.start() : end].lower(),
                text=sentence[m.start() : end],
                start=m.start(),
                end=end,
                noun=noun,
            )
        )
    return out


# Units of length and speed, by the stem of the word counted: the dimension and its size in
# metres (metres a second). "12 miles" and "19.3 km" are one distance; "12 miles per hour" is
# a speed. Reports round conversions, so measures agree within UNIT_TOLERANCE.
_METRES = {
    "mile": 1609.344,
    "kilomet": 1000.0,
    "kilometr": 1000.0,
    "km": 1000.0,
    "metr": 1.0,
    "meter": 1.0,
    "feet": 0.3048,
    "foot": 0.3048,
    "ft": 0.3048,
    "yard": 0.9144,
    "inch": 0.0254,
    "centimet": 0.01,
    "cm": 0.01,
}
_DAYS = {
    stem("years"): 365.25,
    stem("months"): 365.25 / 12,
    stem("weeks"): 7.0,
    stem("days"): 1.0,
    stem("hours"): 1 / 24,
    stem("minutes"): 1 / 1440,
}
_MEASURES: dict[tuple[str, bool], tuple[str, float]] = {
    **{(u, False): ("length", f) for u, f in _METRES.items()},
    ("mph", False): ("speed", 0.44704),
    ("kph", False): ("speed", 1 / 3.6),
    ("kmh", False): ("speed", 1 / 3.6),
    ("kmhr", False): ("speed", 1 / 3.6),
    ("knot", False): ("speed", 0.514444),
    # spans of time, in days: "85 months" and "7 years, 1 month" are one prison term
    **{(u, False): ("duration", f) for u, f in _DAYS.items()},
}
_PER_HOUR = re.compile(r"\s*(?:per|an|a|/)\s*(?:hour|hr|h)\b", re.I)
_AGO = re.compile(r"\s*ago\b", re.I)
UNIT_TOLERANCE = 0.06


# Words that end the noun phrase after a number: adverbs and particles ("20 aircraft now
# involved", "five minutes later").
_PHRASE_ENDS = frozenset(
    """now also still just then already later earlier ago only even each apiece more less
    up down out off away back over under into onto upon about around after before but
    while because since when if so yet nor though although worldwide nationwide statewide
    countrywide overseas abroad globally outside inside near behind beside across along among
    against through toward towards within without beyond below above""".split()
)
# Units written in the singular as the first word after a number ("a 45 degree angle", "85
# month term"): the unit is what is counted, not the noun it describes.
_UNIT_WORDS = frozenset(
    stem(w)
    for w in """degree percent mile kilometre kilometer metre meter foot feet inch yard ton
    tonne pound kilogram gram acre hectare year month week day hour minute second""".split()
)
# Spellings of one unit, by stem: "tons" / "tonnes"; "nine stories", "9-storey", "nine
# floors" are one height in floors (never a length: "25 feet" is no count of floors).
_UNIT_ALIASES = {"tonn": "ton", "stori": "storey", "floor": "storey"}


def _head_noun(rest: str, hyphenated: bool) -> str | None:
    """The noun a number counts: the last word of the plain lower-case words after it, past
    capitalised modifiers and adjectives ("124 South Korean companies" -> "companies", "four
    large parts of" -> "parts", "four gunshot victims were" -> "victims"); "four-storey" ->
    "storey"."""
    rest = _CLAUSE_END.split(rest[:50], 1)[0]  # "two largest economies, two people": one phrase
    tokens: list[str] = _TOKEN.findall(rest)
    if not tokens:
        return None
    if len(tokens[0]) > 1 and tokens[0].isupper() and (len(tokens) < 2 or tokens[1][:1].isupper()):
        return None  # "7 PHOTOS Police officer replaces ...": a page's label, then a headline
    if _RATIO.match(rest):
        return "times"  # "10 times safer": a ratio (unit "fold", as "10-fold"), not 10 "safer"
    partitive = _PARTITIVE.match(rest)
    if partitive:  # "two of his neighbors were found": two neighbors ("two of the three": no)
        return _head_noun(rest[partitive.end() :], hyphenated=False)
    if hyphenated:
        head = tokens[0].split("-")[0]
        return head if head.isalpha() and head.islower() and head not in _NOT_HEADS else None
    if not rest[:1].isalpha():
        return None
    if tokens[0].islower() and stem(tokens[0]) in _UNIT_WORDS:
        return tokens[0]
    capitalised = None
    run: list[str] = []
    for token in tokens[:5]:
        low = token.lower()
        if token[0].isupper() and not run:
            capitalised = token
            continue
        if low in _MODIFIERS:
            continue  # "four large parts", "two more people": the noun comes after
        ends = low in _NOT_HEADS or low in _PHRASE_ENDS or token[0].isupper()
        # after the first word a verb form ends the phrase: "two men pulled guns"
        if run and (ends or low.endswith(("ed", "ing", "ly")) or "-" in token):
            break
        if not run and ends:
            return capitalised if capitalised and low in _LINKS else None
        run.append(token)
        if len(run) == 3:
            break
    people = [t for t in run if stem(t.lower()) in PERSON_NOUNS]
    if people:
        return people[0]  # "three people hurt": the people, not what happened to them
    if run:
        return run[-1]
    return capitalised


# "1,000 full-time, 300 temporary and 30 part-time employees": figures of one noun, each with
# its own modifier, the noun written once at the end.
_LISTED = re.compile(
    rf"(?P<mod>[a-z]+-[a-z]+|[a-z]+(?:ary|al|ive|ic|ous|ian))(?:,\s*(?:{_NUM})\s+[a-z][\w-]*)*"
    rf",?\s+(?:and|or)\s+(?:{_NUM}|(?:{_WORD_NUMBER})\b)\s+(?P<last>.*)",
    re.I,
)


def _listed_noun(rest: str) -> str | None:
    """The noun of a figure whose next word is a modifier ("full-time", "temporary": an
    adjective's ending or a hyphenated compound) in a list of figures ending in one noun
    (:data:`_LISTED`): the noun counted by the list's last figure. None for anything else
    ("two cars and three trucks" count two things)."""
    m = _LISTED.match(rest)
    if m is None or not m.group("mod").islower():
        return None
    noun = _head_noun(m.group("last"), hyphenated=False)
    return noun if noun is not None and noun.islower() and "-" not in noun else None


# Nouns that count in the singular form: no "-s" plural, or a unit ("a 45 degree angle").
_SINGULAR_COUNTED = frozenset(
    """police staff personnel crew aircraft cattle sheep deer fish feet teeth geese mice
    dozen hundred thousand million billion trillion percent times km cm ft kg lb mph kph
    hp mm mg ml""".split()
)
_CLAUSE_END = re.compile(r"\s*[,()\[\]\"“”—–]|\s-\s")
_RATIO = re.compile(
    r"\s*times\s+(?:as|more|less|fewer|(?!(?:over|after|under|never|ever|per)\b)[a-z]{2,}er)\b",
    re.I,
)
_PARTITIVE = re.compile(
    r"\s*of\s+(?:the|his|her|their|its|our|my|your|those|these)\s+(?=[a-z])(?!(?:"
    + _WORD_NUMBER
    + r")\b)",
    re.I,
)
_MODIFIERS = frozenset(
    """more other new additional separate different further such few many several same
    former current major key small large big huge massive main""".split()
)
_LINKS = frozenset(
    "of and to in at on for by with from as than per who which were was is are".split()
)
