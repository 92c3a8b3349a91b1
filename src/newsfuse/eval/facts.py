"""Scoring a brief's facts, conflicts and source counting against hand-made gold.

The scorer behind ``benchmarks/facts.py``, importable and unit-tested (``tests/test_eval_facts.py``).
:func:`score_cluster` takes one gold file (parsed JSON), one brief (``Brief.to_json()`` parsed)
and the ids of the articles read, and returns every figure for that cluster;
:func:`overall` pools the counts of several clusters (micro-average). Nothing here knows about a
particular cluster: the gold file is the only input that names things, and matching is by
meaning (the slot's words and the value's quantities), never by ids or positions of facts.

Gold file shape: ``facts: [{slot, value, sources, independent?, note?}]`` (``independent``
missing = the number of gold ``families`` among the sources; an article in no family is a family
of its own), ``conflicts: [{slot, values: [{value, sources, attributed_to}]}]``, ``must_not:
[free text]``, ``event: {what, where, date}``, ``families: [[ids]]``, ``publication_dates: {id:
"YYYY-MM-DD" | "not YYYY-MM-DD..."}``. Ids in a gold file may be prefixes ("001") of the
article ids; a prefix naming exactly one article is resolved to it.

Normalising values ("quantities")
---------------------------------
From a text we take typed quantities:

* numbers: digits with ``,`` thousands separators or a decimal point/comma ("54,000" = 54000,
  "8,6" = 8.6: a comma followed by exactly three digits separates thousands, otherwise it is a
  decimal comma), number words ("four" = 4, "twenty-five" = 25, "dozen" = 12), scale words
  (thousand, million, billion, trillion, bn, mn; "m"/"k" only after a currency), a currency
  before or after ("US$", "$", "€", "£", "¥", "₩", ISO codes, "won", "dollars", "euros", "yen",
  ...; "$" = USD) or a percent sign ("%", "per cent", "percent"). "9.78 billion won" is
  9780000000 KRW. Two numbers agree if their currencies/percent agree (or one has none) and
  either rounds to the other at its written precision (|a-b| <= half the larger last-digit
  unit: "8.64 million" = "8.6 million", "124" != "125").
* dates: ISO ("2020-06-16", "2020-06"), "June 16[, 2020]", "16 June [2020]", "September
  2018", a month name alone (capitalised; "May" and abbreviations only with a day or year), a
  bare year 1800-2100. A gold date is found in a brief date if no part both state differs and
  the brief states every part the gold states, except that a missing year is forgiven when the
  gold date has a month (articles omit the current year). A bare integer and a bare year with
  the same value agree.
* times of day: "2:50 p.m." = 14:50, "9 am", "14:50", "noon"/"midday" = 12:00, "midnight" =
  00:00; equal minutes only.
* weekdays ("Monday"): found as the same weekday or a full date falling on it.

A gold value may give the same thing several ways: it is split into *alternatives* at " = " and
at parentheses ("9.78 billion won = about US$8.6 million", "noon (12:00)", "on Monday
(2020-06-15)"). The value *agrees* if every quantity of at least one alternative is found.

Text overlap
------------
Words are lower-cased, stop words (``newsfuse.text.STOPWORDS``) dropped, British spellings
folded to American as the quote matcher folds them (``newsfuse.fusion.spelling``: -ise/-yse ->
-ize/-yze, -our -> -or in words of 6+ letters, -tre/-bre -> -ter/-ber, storey -> story, defence
-> defense, travelled, grey, programme, ...; a suffix rule only where its result is an English
word, so names stay: "Denise", "Seymour") and the rest stemmed with ``newsfuse.text.stem`` (a
noun's y kept as "i" is dropped: "injury" and "injured" both give 'injur'). A hyphenated word
is one unit that is present if its joined form ("reenter") or all of its parts ("yo" + "jong")
are present, so "Kim Yo-jong" = "Kim Yo Jong" and "re-enter" = "reenter". Digits, number, scale and currency words, month and
weekday names and single letters are left out: the value check handles them ("May" stays: it is
also a verb). **Coverage** = the share of the gold units (of ``slot + value``) present among the
brief fact's ``about + value + text`` plus words for its ``kind`` (date: date, day; time: time, hour; money: cost, money, amount, price, spend, fund,
worth, value; percent: percent, rate, share; count: number, count, total; quote: quote, say,
statement), so a gold "date of X" finds a brief fact of kind date.

1. Facts
--------
A brief fact *matches* a gold fact when it shares at least one source with it and

* the gold value has quantities: the value agrees (quantities looked for in the brief fact's
  ``value`` and ``text``), the brief ``value`` does not contradict it (if the brief value states
  quantities, at least one agrees, in either direction, with some gold quantity: a fact whose
  value is 2020-06-16 is not saved by "on Monday" in its text), and coverage >= 0.25 (one gold
  word in four: the slot names the thing, the number pins it);
* the gold value has none ("quote", "announced the same day"): coverage >= 0.5;
* and the brief fact is not plainly about another gold fact: its coverage of this gold fact is
  at most 0.3 below the highest coverage it reaches on any gold fact it shares a source with.
  So a fact whose words are those of gold fact A ("Moon urged ...", coverage 1.0) but whose
  value happens to equal gold fact B's ("date of the explosion", coverage 0.5 through the kind
  word "date") is a wrong value for A, not a match for B. (0.3: a gold slot of two words, one
  of them the kind word, is covered 0.5 by a right fact, and a fact of another gold fact
  typically covers that one >= 0.8.)

Limitation: for a gold value without quantities nothing checks the value itself, only the
words of slot + value, so a brief fact with the right words and a wrong description still
matches; keep such gold values descriptive ("warning issued the weekend before").

Match score = coverage + value bonus + 0.5 x source-set Jaccard, where the value bonus is 1.0 if
the quantities were found in the brief ``value`` itself, 0.5 if only in its ``text`` and 0 for a
gold value without quantities. For each gold fact the best brief match is the highest score,
ties broken by source-set Jaccard, then brief order. (Jaccard is in the score so that, of a
fused fact and a single-source copy of it whose wording happens to be closer to the slot, the
fused one is judged; the per-fact details list every other match.)

* recall = gold facts with a match / gold facts; also for the corroborated gold facts
  (independent >= 2);
* precision = brief facts matching some gold fact / brief facts, over the brief's corroborated
  facts (``status == "corroborated"`` or ``independent_sources >= 2``): the headline, because
  the gold lists every corroborated fact but not every single-source number; also over all
  brief facts (informative);
* over the best matches: source-set exact-match rate, mean source-set Jaccard, and
  independent-count exactness (brief ``independent_sources`` == gold independent).

2. Conflicts
------------
A brief conflict value matches a gold conflict value if they share a source and the gold
value's quantities (some alternative) are found in the brief value's ``value`` field (in its
``text`` only when ``value`` has no quantity: a conflict's text may quote the other side), or,
for a gold value without quantities, coverage of it by the brief value (value + text +
attributed_to) >= 0.5. A gold conflict is *found* if one brief conflict matches at least two of
its values with two different brief values (maximum bipartite matching). Recall = gold conflicts
found / gold conflicts; precision = brief conflicts that find some gold conflict / brief
conflicts.

3. must_not
-----------
Free text, so only recognised patterns are checked; every other line is reported as "not
checkable", never passed:

* "report a conflict between X and Y" (X, Y quoted, else the phrases around "between ... and"):
  violated if one brief conflict has two different values, one matching X and one matching Y.
  A phrase with quantities matches by the conflict-value rule above (without the source
  condition); a phrase naming only a currency ("the won", "the dollar figures") matches a value
  whose ``value`` has an amount in that currency; any other phrase needs coverage >= 0.5.
* "'X' (p1) vs 'Y' (p2) [vs 'Z' (p3)]: why": violated if one brief conflict opposes a value
  matching one side to a value matching another (sharing a source with the articles the side
  names). A pair of sides that the same gold file lists as two values of one of its conflicts
  is not checked ("'nearly a week' (p3) vs 'seventh day' (p1) vs 'sixth day' (p2): ... the
  sixth/seventh clash itself is listed as a conflict"): the line only rules out the others.
* "date the event or any article in/on WHEN" (WHEN: a year, month or day): violated if a date
  falls in WHEN: ``event.date`` and every timeline ``date``/``until`` if the line names the
  event, every article's ``published`` if it names articles (all three if it names neither).
* "count/treat A, B and C as N independent confirmations|sources|..." (ids or id prefixes):
  violated if the brief's families split those articles into more families than the gold
  families do, or a brief fact whose sources are exactly those articles has
  ``independent_sources`` above that gold count.

4. Also
-------
Event date correct (gold ``event.date`` == brief ``event.date``); family agreement (brief vs gold
families as partitions of all the ids either names, unlisted ids as singletons: exact yes/no
and pairwise F1 over same-family pairs, 1.0 when neither has a pair); publication dates (gold
``publication_dates``: an ISO date must equal the brief article's ``published``; "not DATE" must
differ; other entries not checkable).

Targets printed beside the figures: facts recall >= 0.8, corroborated precision >= 0.9,
conflicts recall >= 0.8, zero must_not violations, independent counts exact for >= 90% of the
matched facts. The overall row sums the counts over the gold files (micro-average).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import Any

from newsfuse.fusion.spelling import fold
from newsfuse.fusion.text import STOPWORDS, stem

# Matching thresholds (see the module docstring for why).
COVERAGE_WITH_VALUE = 0.25  # gold value has quantities and they agree
COVERAGE_NO_VALUE = 0.5  # gold value has no quantity: the words must carry the match
COVERAGE_PHRASE = 0.5  # conflict values and must_not phrases without quantities
TOPIC_MARGIN = 0.3  # a fact covering another gold fact this much better is about that one
BONUS_IN_VALUE = 1.0  # quantities found in the brief fact's value field
BONUS_IN_TEXT = 0.5  # ... found only in its text
JACCARD_WEIGHT = 0.5  # source-set agreement in the match score

TARGETS = {
    "recall": 0.8,
    "precision_corroborated": 0.9,
    "conflict_recall": 0.8,
    "must_not_violations": 0,
    "independent_exact": 0.9,
}

Json = dict[str, Any]


# ============================================================================================
# Quantities: numbers, money, percents, dates, times, weekdays
# ============================================================================================


@dataclass(frozen=True)
class Num:
    value: float
    unit: str | None  # ISO currency code, "%" or None
    gran: float  # the unit of the last written digit, e.g. 0.1e6 for "8.6 million"


@dataclass(frozen=True)
class Date:
    year: int | None
    month: int | None
    day: int | None


@dataclass(frozen=True)
class Time:
    minutes: int


@dataclass(frozen=True)
class Weekday:
    day: int  # Monday = 0


Quantity = Num | Date | Time | Weekday

_NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
        " fifteen sixteen seventeen eighteen nineteen".split()
    )
}
_TENS = {
    w: 10 * i
    for i, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split())
    if i >= 2
}
_NUMBER_WORD_RE = re.compile(
    r"\b(?:(?P<tens>" + "|".join(_TENS) + r")"
    r"(?:[- ](?P<unit>" + "|".join(list(_NUMBER_WORDS)[1:10]) + r"))?"
    r"|(?P<small>" + "|".join(_NUMBER_WORDS) + r")|(?P<dozen>(?:a )?dozen))\b",
    re.I,
)
_SCALES = {
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "bn": 1e9,
    "mn": 1e6,
    "m": 1e6,
    "k": 1e3,
}
_CURRENCY_PREFIX = {
    "us$": "USD",
    "u.s.$": "USD",
    "$": "USD",
    "hk$": "HKD",
    "a$": "AUD",
    "au$": "AUD",
    "c$": "CAD",
    "ca$": "CAD",
    "s$": "SGD",
    "nz$": "NZD",
    "r$": "BRL",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₩": "KRW",
    "₹": "INR",
}
_CURRENCY_WORDS = {
    "won": "KRW",
    "dollar": "USD",
    "dollars": "USD",
    "us dollars": "USD",
    "euro": "EUR",
    "euros": "EUR",
    "pound": "GBP",
    "pounds": "GBP",
    "pounds sterling": "GBP",
    "sterling": "GBP",
    "yen": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "rmb": "CNY",
    "rupee": "INR",
    "rupees": "INR",
    "rouble": "RUB",
    "roubles": "RUB",
    "ruble": "RUB",
    "rubles": "RUB",
    "franc": "CHF",
    "francs": "CHF",
}
_CURRENCY_CODES = "USD EUR GBP JPY KRW CNY INR CHF RUB AUD CAD HKD SGD NZD BRL".split()
_PREFIX_RE = "|".join(re.escape(p) for p in sorted(_CURRENCY_PREFIX, key=len, reverse=True))
_NUMBER_RE = re.compile(
    r"(?<![\w.,$€£¥₩₹])"
    r"(?:(?P<pre>" + _PREFIX_RE + r"|" + "|".join(_CURRENCY_CODES) + r")\s?)?"
    r"(?P<int>\d{1,3}(?:,\d{3})+|\d+)(?:(?P<sep>[.,])(?P<frac>\d+))?(?:st|nd|rd|th)?"
    r"(?:\s?(?P<scale>hundred|thousand|million|billion|trillion|bn|mn|m|k)(?![a-z]))?"
    r"(?:\s?(?P<post>us dollars|pounds sterling|"
    + "|".join(sorted((w for w in _CURRENCY_WORDS if " " not in w), key=len, reverse=True))
    + "|"
    + "|".join(_CURRENCY_CODES)
    + r")(?![a-z]))?"
    r"(?:\s?(?P<pct>%|per\s?cent|percent|pct)(?![a-z]))?"
    r"(?![\w])",
    re.I,
)
_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = (
    r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)(?![a-z])\.?"
)
_ISO_RE = re.compile(r"(?<!\d)(?P<y>1[89]\d\d|20\d\d)-(?P<m>[01]\d)(?:-(?P<d>[0-3]\d))?(?!\d)")
_MONTH_DAY_RE = re.compile(
    r"\b" + _MONTH + r"\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)(?:,?\s+(?P<year>\d{4})(?!\d))?"
)
_DAY_MONTH_RE = re.compile(
    r"(?<!\d)(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?"
    + _MONTH
    + r"(?:,?\s+(?P<year>\d{4})(?!\d))?"
)
_MONTH_YEAR_RE = re.compile(r"\b" + _MONTH + r"(?:,?\s+(?P<year>\d{4})(?!\d))?")
_TIME_AMPM_RE = re.compile(
    r"(?<![\d:.])(?P<h>[01]?\d)(?:[:.](?P<min>[0-5]\d))?\s?(?P<ap>[ap])\.?\s?m\b\.?", re.I
)
_TIME_24_RE = re.compile(r"(?<![\d:.])(?P<h>[01]?\d|2[0-3]):(?P<min>[0-5]\d)(?![\d:])")
_TIME_WORD_RE = re.compile(r"\b(?P<w>noon|midday|midnight)\b", re.I)
_WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
_WEEKDAY_RE = re.compile(r"\b(?P<w>" + "|".join(_WEEKDAYS) + r")s?\b", re.I)


def _mask(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


def _number_words_to_digits(text: str) -> str:
    def repl(m: re.Match[str]) -> str:
        if m.group("tens"):
            value = _TENS[m.group("tens").lower()]
            if m.group("unit"):
                value += _NUMBER_WORDS[m.group("unit").lower()]
            return str(value)
        if m.group("dozen"):
            return "12"
        return str(_NUMBER_WORDS[m.group("small").lower()])

    return _NUMBER_WORD_RE.sub(repl, text)


def _date(year: str | None, month: str | None, day: str | None) -> Date | None:
    y = int(year) if year else None
    m = (
        _MONTHS[month[:3].lower()]
        if month and not month.isdigit()
        else (int(month) if month else None)
    )
    d = int(day) if day else None
    if (m is not None and not 1 <= m <= 12) or (d is not None and not 1 <= d <= 31):
        return None
    if y is not None and not 1800 <= y <= 2100:
        return None
    return Date(y, m, d)


def quantities(text: str) -> list[Quantity]:
    """The typed quantities written in ``text`` (see the module docstring)."""
    text = text.replace("\u00a0", " ").replace("\u2009", " ").replace("’", "'")
    found: list[Quantity] = []

    def take(regex: re.Pattern[str], make: Callable[[re.Match[str]], Quantity | None]) -> None:
        nonlocal text
        for m in list(regex.finditer(text)):
            q = make(m)
            if q is not None:
                found.append(q)
                text = _mask(text, m.start(), m.end())

    def ampm(m: re.Match[str]) -> Time | None:
        h, mins = int(m.group("h")), int(m.group("min") or 0)
        if not 1 <= h <= 12:
            return None
        h = h % 12 + (12 if m.group("ap").lower() == "p" else 0)
        return Time(h * 60 + mins)

    take(_TIME_AMPM_RE, ampm)
    take(_TIME_24_RE, lambda m: Time(int(m.group("h")) * 60 + int(m.group("min"))))
    take(_TIME_WORD_RE, lambda m: Time(0 if m.group("w").lower() == "midnight" else 720))
    take(_ISO_RE, lambda m: _date(m.group("y"), m.group("m"), m.group("d")))
    take(_MONTH_DAY_RE, lambda m: _date(m.group("year"), m.group("month"), m.group("day")))
    take(_DAY_MONTH_RE, lambda m: _date(m.group("year"), m.group("month"), m.group("day")))

    def month_year(m: re.Match[str]) -> Date | None:
        name = m.group("month")
        bare = m.group("year") is None
        if bare and (
            name == "May" or (len(name.rstrip(".")) <= 4 and name not in ("June", "July"))
        ):
            return None  # "May" (the verb) and abbreviations need a year to be a date
        return _date(m.group("year"), name, None)

    take(_MONTH_YEAR_RE, month_year)
    take(_WEEKDAY_RE, lambda m: Weekday(_WEEKDAYS.index(m.group("w").lower())))
    text = _number_words_to_digits(text)
    take(_NUMBER_RE, _number)
    return found


def _number(m: re.Match[str]) -> Num | Date | None:
    # "54,000" is matched whole by the int group, so a comma left in sep is a decimal comma.
    whole, frac = m.group("int"), m.group("frac")
    pre, post, pct = m.group("pre"), m.group("post"), m.group("pct")
    scale_word = (m.group("scale") or "").lower()
    unit: str | None = None
    if pre:
        p = pre.strip().lower()
        unit = _CURRENCY_PREFIX.get(p, p.upper())
    if post:
        p = post.lower()
        unit = _CURRENCY_WORDS.get(p) or p.upper()
    if pct:
        unit = "%"
    if scale_word in ("m", "k") and not (pre or post):
        scale_word = ""  # "100m" may be metres: only after a currency is "m" a million
    scale = _SCALES.get(scale_word, 1.0)
    digits = whole.replace(",", "")
    value = float(digits + ("." + frac if frac else ""))
    plain = not (frac or scale_word or unit or "," in whole)
    if plain and len(digits) == 4 and 1800 <= int(digits) <= 2100:
        return Date(int(digits), None, None)
    gran = (10.0 ** -len(frac) if frac else 1.0) * scale
    return Num(value * scale, unit, gran)


def _num_agrees(g: Num, b: Num) -> bool:
    if g.unit and b.unit and g.unit != b.unit:
        return False
    tolerance = max(g.gran, b.gran) / 2
    return abs(g.value - b.value) <= tolerance * (1 + 1e-9) + 1e-9


def _date_found(g: Date, b: Date) -> bool:
    for gp, bp in ((g.year, b.year), (g.month, b.month), (g.day, b.day)):
        if gp is not None and bp is not None and gp != bp:
            return False
    if (g.day is not None and b.day is None) or (g.month is not None and b.month is None):
        return False
    # a bare gold year needs the year
    return not (g.year is not None and b.year is None and g.month is None)


def quantity_found(g: Quantity, pool: Iterable[Quantity]) -> bool:
    """Whether the gold quantity ``g`` is stated by some quantity of ``pool``."""
    for b in pool:
        if isinstance(g, Num):
            if isinstance(b, Num) and _num_agrees(g, b):
                return True
            if isinstance(b, Date) and b.month is None and g.unit is None and g.value == b.year:
                return True
        elif isinstance(g, Date):
            if isinstance(b, Date) and _date_found(g, b):
                return True
            if (
                isinstance(b, Num)
                and b.unit is None
                and g.month is None
                and g.year is not None
                and b.value == g.year
            ):
                return True
        elif isinstance(g, Time):
            if isinstance(b, Time) and b.minutes == g.minutes:
                return True
        elif isinstance(g, Weekday):
            if isinstance(b, Weekday) and b.day == g.day:
                return True
            if isinstance(b, Date) and None not in (b.year, b.month, b.day):
                try:
                    if dt.date(b.year, b.month, b.day).weekday() == g.day:  # type: ignore[arg-type]
                        return True
                except ValueError:
                    pass
    return False


def alternatives(value: str) -> list[str]:
    """The ways a gold value states one thing: split at " = " and at parentheses."""
    parts: list[str] = []
    for piece in re.split(r"\s=\s", value):
        inner = re.findall(r"\(([^()]*)\)", piece)
        outer = re.sub(r"\([^()]*\)", " ", piece).strip()
        parts += [p.strip() for p in [outer, *inner] if p.strip()]
    return parts or [value]


def value_quantities(value: str) -> list[list[Quantity]]:
    """Quantities of each alternative of a gold value that has any."""
    return [qs for alt in alternatives(value) if (qs := quantities(alt))]


def value_agrees(gold_alts: list[list[Quantity]], pool: Sequence[Quantity]) -> bool:
    """Every quantity of at least one alternative is found in ``pool``."""
    return any(all(quantity_found(q, pool) for q in alt) for alt in gold_alts)


def contradicts(brief_value: Sequence[Quantity], gold_alts: list[list[Quantity]]) -> bool:
    """The brief value states quantities and none of them agrees with any gold quantity."""
    gold = [q for alt in gold_alts for q in alt]
    return bool(brief_value) and not any(
        quantity_found(g, [b]) or quantity_found(b, [g]) for b in brief_value for g in gold
    )


def currencies_named(text: str) -> set[str]:
    """Currencies a phrase names without an amount ("the won", "dollar figures")."""
    out = set()
    low = text.lower()
    for word, code in _CURRENCY_WORDS.items():
        if re.search(r"\b" + re.escape(word) + r"\b", low):
            out.add(code)
    for code in _CURRENCY_CODES:
        if re.search(r"\b" + code + r"\b", text):
            out.add(code)
    return out


# ============================================================================================
# Text overlap
# ============================================================================================

_TOKEN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*(?:'[a-z]+)?")
_SKIP_WORDS = (
    set(_NUMBER_WORDS)
    | set(_TENS)
    | set(_SCALES)
    | {"dozen", "per", "cent", "percent", "pct"}
    | {w for phrase in _CURRENCY_WORDS for w in phrase.split()}
    | {c.lower() for c in _CURRENCY_CODES}
    | {"am", "pm", "noon", "midday", "midnight"}
    | set(_WEEKDAYS)
    | {
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "august",
        "september",
        "sept",
        "october",
        "november",
        "december",
    }
)
_KIND_WORDS = {
    "date": "date day",
    "time": "time hour",
    "money": "cost money amount price spend fund worth value",
    "percent": "percent rate share",
    "count": "number count total",
    "quote": "quote say statement",
}


def _word_stem(word: str) -> str | None:
    if word in STOPWORDS or word in _SKIP_WORDS or len(word) < 2 or any(c.isdigit() for c in word):
        return None
    stemmed = stem(fold(word))
    # The stemmer keeps the y of a noun as "i" ("injury" -> 'injuri', "recovery" ->
    # 'recoveri') but drops the e of its verb ("injured" -> 'injur', "recovered" -> 'recov'):
    # the noun's stem without that "i", stemmed again, is the verb's.
    if len(stemmed) >= 6 and stemmed.endswith("i") and word.endswith(("y", "ies", "ied")):
        stemmed = stem(stemmed[:-1])
    return stemmed


@dataclass(frozen=True)
class Unit:
    """A content word; a hyphenated word is present if its joined form or all its parts are."""

    joined: str
    parts: tuple[str, ...]


def units(text: str) -> list[Unit]:
    """The content units of ``text``, each once, in order."""
    low = text.lower().replace("’", "'").replace("‐", "-").replace("–", " ").replace("—", " ")
    seen: dict[str, Unit] = {}
    for token in _TOKEN.findall(low):
        token = re.sub(r"'s$", "", token)
        raw_parts = token.split("-")
        parts = tuple(p for p in (_word_stem(w) for w in raw_parts) if p)
        if not parts:
            continue
        joined = stem(fold("".join(raw_parts))) if len(raw_parts) > 1 else parts[0]
        if any(c.isdigit() for c in joined):
            joined = parts[0] if len(parts) == 1 else "-".join(parts)
        seen.setdefault(joined, Unit(joined, parts))
    return list(seen.values())


def bag(text: str) -> set[str]:
    """Every joined form and every part of the units of ``text``."""
    out: set[str] = set()
    for u in units(text):
        out.add(u.joined)
        out.update(u.parts)
    return out


def coverage(gold_text: str, brief_bag: set[str]) -> float:
    """Share of the gold text's units present in ``brief_bag`` (0 if the gold has none)."""
    gold_units = units(gold_text)
    if not gold_units:
        return 0.0
    present = sum(u.joined in brief_bag or all(p in brief_bag for p in u.parts) for u in gold_units)
    return present / len(gold_units)


# ============================================================================================
# Ids and families
# ============================================================================================


class Ids:
    """Resolves gold ids, which may be prefixes ("001"), to the article ids of the cluster."""

    def __init__(self, known: Iterable[str]) -> None:
        self.known = sorted(set(known))

    def resolve(self, token: str) -> str:
        token = token.strip()
        if token in self.known:
            return token
        hits = [k for k in self.known if k.startswith(token)]
        return hits[0] if len(hits) == 1 else token

    def resolves(self, token: str) -> bool:
        return self.resolve(token) in self.known

    def all(self, tokens: Iterable[str]) -> list[str]:
        return [self.resolve(t) for t in tokens]


def family_count(sources: Iterable[str], families: Sequence[Sequence[str]]) -> int:
    """Number of families among ``sources``; an article in no family is a family of its own."""
    of = {m: i for i, fam in enumerate(families) for m in fam}
    return len({of.get(s, f"single:{s}") for s in set(sources)})


def jaccard(a: Iterable[str], b: Iterable[str]) -> float:
    a, b = set(a), set(b)
    return len(a & b) / len(a | b) if a | b else 1.0


# ============================================================================================
# 1. Facts
# ============================================================================================


@dataclass
class GoldFact:
    slot: str
    value: str
    sources: list[str]
    independent: int
    alts: list[list[Quantity]] = field(default_factory=list)

    @property
    def corroborated(self) -> bool:
        return self.independent >= 2


@dataclass
class FactMatch:
    brief_index: int
    coverage: float
    value_in: str | None  # "value", "text" or None (gold value without quantities)
    score: float
    jaccard: float


def brief_fact_bag(fact: Json) -> set[str]:
    words = " ".join(str(fact.get(k) or "") for k in ("about", "value", "text"))
    return bag(words + " " + _KIND_WORDS.get(str(fact.get("kind") or ""), ""))


def is_corroborated(fact: Json) -> bool:
    return fact.get("status") == "corroborated" or int(fact.get("independent_sources") or 0) >= 2


def match_fact(
    gold: GoldFact, fact: Json, index: int, cov: float, topic_cov: float
) -> FactMatch | None:
    """The match of one brief fact to one gold fact, or None (rules in the module docstring).

    ``cov`` is the coverage of this gold fact by the brief fact, ``topic_cov`` the highest
    coverage the brief fact reaches on any gold fact it shares a source with.
    """
    sources = [str(s) for s in fact.get("sources") or []]
    if not set(sources) & set(gold.sources) or cov < topic_cov - TOPIC_MARGIN:
        return None
    value_in: str | None = None
    bonus = 0.0
    if gold.alts:
        in_value = quantities(str(fact.get("value") or ""))
        if contradicts(in_value, gold.alts):
            return None
        if value_agrees(gold.alts, in_value):
            value_in, bonus = "value", BONUS_IN_VALUE
        elif value_agrees(gold.alts, in_value + quantities(str(fact.get("text") or ""))):
            value_in, bonus = "text", BONUS_IN_TEXT
        else:
            return None
        if cov < COVERAGE_WITH_VALUE:
            return None
    elif cov < COVERAGE_NO_VALUE:
        return None
    jac = jaccard(sources, gold.sources)
    return FactMatch(index, cov, value_in, cov + bonus + JACCARD_WEIGHT * jac, jac)


def score_facts(golds: list[GoldFact], facts: list[Json]) -> tuple[Json, list[Json], list[Json]]:
    """Recall, precision and source figures; per-gold-fact and per-brief-fact details."""
    bags = [brief_fact_bag(f) for f in facts]
    covs = [[coverage(f"{g.slot} {g.value}", b) for b in bags] for g in golds]
    topic = [
        max(
            (
                covs[gi][i]
                for gi, g in enumerate(golds)
                if set(g.sources) & set(f.get("sources") or [])
            ),
            default=0.0,
        )
        for i, f in enumerate(facts)
    ]
    matched_by: dict[int, list[int]] = {i: [] for i in range(len(facts))}
    gold_rows: list[Json] = []
    best: list[tuple[GoldFact, FactMatch]] = []
    for gi, gold in enumerate(golds):
        matches = [
            m for i, f in enumerate(facts) if (m := match_fact(gold, f, i, covs[gi][i], topic[i]))
        ]
        for m in matches:
            matched_by[m.brief_index].append(gi)
        matches.sort(key=lambda m: (-m.score, -m.jaccard, m.brief_index))
        row: Json = {
            "slot": gold.slot,
            "value": gold.value,
            "sources": gold.sources,
            "independent": gold.independent,
            "matched": bool(matches),
            "best": None,
            "other_matches": [m.brief_index for m in matches[1:]],
        }
        if matches:
            m = matches[0]
            f = facts[m.brief_index]
            best.append((gold, m))
            row["best"] = {
                "brief_index": m.brief_index,
                "about": f.get("about"),
                "value": f.get("value"),
                "text": f.get("text"),
                "sources": f.get("sources"),
                "independent_sources": f.get("independent_sources"),
                "status": f.get("status"),
                "score": round(m.score, 3),
                "coverage": round(m.coverage, 3),
                "value_found_in": m.value_in,
                "jaccard": round(m.jaccard, 3),
                "sources_exact": set(f.get("sources") or []) == set(gold.sources),
                "independent_exact": f.get("independent_sources") == gold.independent,
            }
        gold_rows.append(row)
    brief_rows = [
        {
            "index": i,
            "about": f.get("about"),
            "value": f.get("value"),
            "sources": f.get("sources"),
            "independent_sources": f.get("independent_sources"),
            "status": f.get("status"),
            "corroborated": is_corroborated(f),
            "matches_gold": [golds[g].slot for g in matched_by[i]],
        }
        for i, f in enumerate(facts)
    ]
    corr = [r for r in brief_rows if r["corroborated"]]
    counts = {
        "gold_facts": len(golds),
        "gold_matched": sum(r["matched"] for r in gold_rows),
        "gold_corroborated": sum(g.corroborated for g in golds),
        "gold_corroborated_matched": sum(
            r["matched"] for g, r in zip(golds, gold_rows, strict=False) if g.corroborated
        ),
        "brief_facts": len(facts),
        "brief_matched": sum(bool(r["matches_gold"]) for r in brief_rows),
        "brief_corroborated": len(corr),
        "brief_corroborated_matched": sum(bool(r["matches_gold"]) for r in corr),
        "best_matches": len(best),
        "sources_exact": sum(
            set(facts[m.brief_index].get("sources") or []) == set(g.sources) for g, m in best
        ),
        "jaccard_sum": sum(m.jaccard for _, m in best),
        "independent_exact": sum(
            facts[m.brief_index].get("independent_sources") == g.independent for g, m in best
        ),
    }
    return counts, gold_rows, brief_rows


def fact_metrics(c: Json) -> Json:
    """Rates from the counts of :func:`score_facts` (also used for the overall row)."""
    return {
        "recall": ratio(c["gold_matched"], c["gold_facts"]),
        "recall_corroborated": ratio(c["gold_corroborated_matched"], c["gold_corroborated"]),
        "precision_corroborated": ratio(c["brief_corroborated_matched"], c["brief_corroborated"]),
        "precision_all": ratio(c["brief_matched"], c["brief_facts"]),
        "sources_exact": ratio(c["sources_exact"], c["best_matches"]),
        "mean_jaccard": ratio(c["jaccard_sum"], c["best_matches"]),
        "independent_exact": ratio(c["independent_exact"], c["best_matches"]),
    }


def ratio(a: float, b: float) -> float | None:
    return a / b if b else None


# ============================================================================================
# 2. Conflicts
# ============================================================================================


def conflict_value_quantities(value: Json) -> list[Quantity]:
    """A conflict value's quantities: its ``value`` field's, else its ``text``'s."""
    return quantities(str(value.get("value") or "")) or quantities(str(value.get("text") or ""))


def phrase_matches_value(phrase: str, value: Json, *, currency_only: bool = True) -> bool:
    """Whether a gold/must_not phrase states what a brief conflict value states (no sources)."""
    alts = value_quantities(phrase)
    if alts:
        return value_agrees(alts, conflict_value_quantities(value))
    named = currencies_named(phrase) if currency_only else set()
    if named:
        own = [q for q in quantities(str(value.get("value") or "")) if isinstance(q, Num)]
        if not own:
            own = [q for q in quantities(str(value.get("text") or "")) if isinstance(q, Num)]
        return any(q.unit in named for q in own)
    words = " ".join(str(value.get(k) or "") for k in ("value", "text", "attributed_to"))
    return coverage(phrase, bag(words)) >= COVERAGE_PHRASE


def max_bipartite(edges: dict[int, list[int]]) -> dict[int, int]:
    """Maximum matching of left nodes to right nodes (Kuhn's algorithm): {left: right}."""
    match_right: dict[int, int] = {}

    def augment(left: int, seen: set[int]) -> bool:
        for right in edges.get(left, []):
            if right in seen:
                continue
            seen.add(right)
            if right not in match_right or augment(match_right[right], seen):
                match_right[right] = left
                return True
        return False

    for left in edges:
        augment(left, set())
    return {left: right for right, left in match_right.items()}


def conflict_pairing(gold: Json, brief: Json, ids: Ids) -> dict[int, int]:
    """Gold value index -> brief value index, for the values that match (sources shared)."""
    edges: dict[int, list[int]] = {}
    for gi, gv in enumerate(gold.get("values") or []):
        g_sources = set(ids.all(gv.get("sources") or []))
        edges[gi] = [
            bi
            for bi, bv in enumerate(brief.get("values") or [])
            if g_sources & set(bv.get("sources") or [])
            and phrase_matches_value(str(gv.get("value") or ""), bv, currency_only=False)
        ]
    return max_bipartite(edges)


def score_conflicts(
    gold_conflicts: list[Json], brief_conflicts: list[Json], ids: Ids
) -> tuple[Json, list[Json]]:
    """Which gold conflicts the brief reports (see the module docstring), and the counts."""
    rows: list[Json] = []
    brief_hits: set[int] = set()
    for g in gold_conflicts:
        best: tuple[int, dict[int, int]] | None = None
        for bi, b in enumerate(brief_conflicts):
            pairing = conflict_pairing(g, b, ids)
            if len(pairing) >= 2:
                brief_hits.add(bi)
                if best is None or len(pairing) > len(best[1]):
                    best = (bi, pairing)
        rows.append(
            {
                "slot": g.get("slot"),
                "values": [v.get("value") for v in g.get("values") or []],
                "found": best is not None,
                "brief_index": best[0] if best else None,
                "brief_about": brief_conflicts[best[0]].get("about") if best else None,
                "pairs": {str(k): v for k, v in best[1].items()} if best else {},
            }
        )
    counts = {
        "gold_conflicts": len(gold_conflicts),
        "gold_found": sum(r["found"] for r in rows),
        "brief_conflicts": len(brief_conflicts),
        "brief_matched": len(brief_hits),
    }
    return counts, rows


# ============================================================================================
# 3. must_not
# ============================================================================================

_QUOTED = r"(?:'([^']+)'|\"([^\"]+)\"|“([^”]+)”|‘([^’]+)’|`([^`]+)`)"
_CONFLICT_RULE = re.compile(r"\bconflicts?\b.*?\bbetween\s+(?P<rest>.+)$", re.I)
_DATE_RULE = re.compile(r"\bdate\b(?P<what>.*?)\b(?:in|on|as|to)\s+(?P<when>[^,;]+?)\s*\.?$", re.I)
_COUNT_RULE = re.compile(
    r"\b(?:count|treat|report)\s+(?P<ids>.+?)\s+as\s+(?P<n>\w+)\s+(?:independent|separate|distinct)"
    r"\s+(?:confirmations?|sources?|witnesses|reports?|accounts?)\b",
    re.I,
)


def _two_phrases(rest: str) -> tuple[str, str] | None:
    quoted = re.match(r"\s*" + _QUOTED + r"\s+and\s+" + _QUOTED, rest)
    if quoted:
        groups = [g for g in quoted.groups() if g is not None]
        return groups[0], groups[1]
    m = re.match(r"(?P<x>.+?)\s+and\s+(?P<y>.+?)\s*\.?$", rest)
    return (m.group("x"), m.group("y")) if m else None


def check_conflict_rule(x: str, y: str, brief: Json) -> Json:
    """Violated if one brief conflict has two different values matching X and Y."""
    hits = []
    for ci, conflict in enumerate(brief.get("conflicts") or []):
        values = conflict.get("values") or []
        edges = {
            0: [i for i, v in enumerate(values) if phrase_matches_value(x, v)],
            1: [i for i, v in enumerate(values) if phrase_matches_value(y, v)],
        }
        if len(max_bipartite(edges)) == 2:
            hits.append(
                {
                    "conflict": ci,
                    "about": conflict.get("about"),
                    "values": [v.get("value") for v in values],
                }
            )
    checkable = bool(value_quantities(x) or currencies_named(x) or units(x)) and bool(
        value_quantities(y) or currencies_named(y) or units(y)
    )
    return {
        "pattern": "conflict between",
        "x": x,
        "y": y,
        "checkable": checkable,
        "violated": bool(hits) if checkable else None,
        "evidence": hits,
    }


def check_date_rule(what: str, when: Date, brief: Json) -> Json:
    """Violated if a date the line names falls within ``when``."""
    low = what.lower()
    event_named = "event" in low or "timeline" in low
    articles_named = "article" in low or "publication" in low or "published" in low
    if not (event_named or articles_named):
        event_named = articles_named = True
    dates: list[tuple[str, str]] = []
    if event_named:
        event = brief.get("event") or {}
        if event.get("date"):
            dates.append(("event.date", str(event["date"])))
        for i, entry in enumerate(brief.get("timeline") or []):
            for key in ("date", "until"):
                if entry.get(key):
                    dates.append((f"timeline[{i}].{key}", str(entry[key])))
    if articles_named:
        for a in brief.get("articles") or []:
            if a.get("published"):
                dates.append((f"article {a.get('id')} published", str(a["published"])))
    hits = []
    for where, iso in dates:
        parsed = [q for q in quantities(iso) if isinstance(q, Date)]
        if parsed and _date_found(when, parsed[0]):
            hits.append({"where": where, "date": iso})
    return {
        "pattern": "date in",
        "when": when.__dict__,
        "checkable": True,
        "violated": bool(hits),
        "evidence": hits,
    }


def check_count_rule(id_tokens: list[str], n: int, brief: Json, gold: Json, ids: Ids) -> Json:
    """Violated if the brief counts these articles as more independent than the gold does."""
    members = ids.all(id_tokens)
    gold_k = family_count(members, [ids.all(f) for f in gold.get("families") or []])
    brief_families = [list(f.get("members") or []) for f in brief.get("families") or []]
    brief_k = family_count(members, brief_families)
    evidence: list[Json] = []
    if brief_k > gold_k:
        evidence.append({"brief_families_spanned": brief_k, "gold_families_spanned": gold_k})
    for i, fact in enumerate(brief.get("facts") or []):
        exactly_these = set(fact.get("sources") or []) == set(members)
        if exactly_these and int(fact.get("independent_sources") or 0) > gold_k:
            evidence.append(
                {
                    "fact": i,
                    "about": fact.get("about"),
                    "independent_sources": fact.get("independent_sources"),
                }
            )
    return {
        "pattern": "count as independent",
        "articles": members,
        "n": n,
        "gold_families": gold_k,
        "checkable": True,
        "violated": bool(evidence),
        "evidence": evidence,
    }


# A quoted phrase: the opening quote follows no word character and the closing one precedes
# none, so apostrophes inside ("wife's") neither open nor close it.
_SIDE_QUOTE = re.compile(r"(?<![\w])(?:'(.+?)'|\"(.+?)\"|“(.+?)”|‘(.+?)’)(?![\w])")
_VS = re.compile(r"\s+vs\.?\s+")
_PARENS = re.compile(r"\(([^()]*)\)")


@dataclass(frozen=True)
class Side:
    """One side of a "X (p1) vs Y (p2): reason" line: its phrases and the articles it names."""

    phrases: tuple[str, ...]
    sources: frozenset[str]


def vs_sides(line: str, ids: Ids) -> list[Side]:
    """The sides of a "'X' (p1) vs 'Y' (p2, p3): why" line; [] when it has no " vs "."""
    parts = _VS.split(line)
    if len(parts) < 2:
        return []
    parts[-1] = parts[-1].split(": ", 1)[0]  # what follows the colon is the annotator's reason
    sides = []
    for part in parts:
        quoted = tuple(
            q.strip() for m in _SIDE_QUOTE.finditer(part) for q in m.groups() if q and q.strip()
        )
        named = {
            ids.resolve(t)
            for inner in _PARENS.findall(part)
            for t in re.split(r"[,;/]|\band\b", inner)
            if t.strip() and ids.resolves(t)
        }
        bare = _PARENS.sub(" ", part).strip(" .,;")
        phrases = quoted or ((bare,) if bare else ())
        if phrases:
            sides.append(Side(phrases, frozenset(named)))
    return sides if len(sides) >= 2 else []


def _side_matches(side: Side, value: Json) -> bool:
    if side.sources and not side.sources & set(value.get("sources") or []):
        return False
    return any(phrase_matches_value(p, value, currency_only=False) for p in side.phrases)


def _side_checkable(side: Side) -> bool:
    return any(value_quantities(p) or units(p) for p in side.phrases)


def _gold_opposes(a: Side, b: Side, gold: Json, ids: Ids) -> bool:
    """Whether the gold lists sides ``a`` and ``b`` as two values of one of its conflicts."""
    for conflict in gold.get("conflicts") or []:
        values = [
            {"value": str(v.get("value") or ""), "sources": ids.all(v.get("sources") or [])}
            for v in conflict.get("values") or []
        ]
        of_a = {i for i, v in enumerate(values) if _side_matches(a, v)}
        of_b = {i for i, v in enumerate(values) if _side_matches(b, v)}
        if of_a and of_b and len(of_a | of_b) >= 2:
            return True
    return False


def gold_opposed(sides: list[Side], gold: Json, ids: Ids) -> set[tuple[int, int]]:
    """The pairs of sides (by index) that the gold's own conflicts oppose.

    Why such a pair is not checked: a gold file that lists two values as one of its conflicts
    cannot also forbid opposing them, so a ``vs`` line naming both means the *other* pairs
    (the one gold line of this shape says so: "'nearly a week' (p3) vs 'seventh day' (p1) vs
    'sixth day' (p2): ... the sixth/seventh clash itself is listed as a conflict"). Checking the
    pair would make the file unsatisfiable: finding the gold conflict would violate its
    ``must_not``. Only pairs the conflicts oppose are skipped; every other pair of the line is
    still checked.
    """
    return {
        (a, b)
        for a in range(len(sides))
        for b in range(a + 1, len(sides))
        if _gold_opposes(sides[a], sides[b], gold, ids)
    }


def check_vs_rule(
    sides: list[Side], brief: Json, opposed: AbstractSet[tuple[int, int]] = frozenset()
) -> Json:
    """Violated if one brief conflict opposes a value of one side to a value of another.

    A value matches a side when it shares a source with the articles the side names (if it
    names any) and states one of its phrases (quantities agree, or the words cover half of a
    phrase without quantities): the line says these sides agree or are different things,
    but for two sides the gold's own conflicts oppose (see the module docstring).
    """
    hits = []
    for ci, conflict in enumerate(brief.get("conflicts") or []):
        values = conflict.get("values") or []
        matched = [{i for i, v in enumerate(values) if _side_matches(s, v)} for s in sides]
        pair = next(
            (
                (a, b)
                for a in range(len(sides))
                for b in range(a + 1, len(sides))
                if len(matched[a] | matched[b]) >= 2
                and matched[a]
                and matched[b]
                and (a, b) not in opposed
            ),
            None,
        )
        if pair:
            hits.append(
                {
                    "conflict": ci,
                    "about": conflict.get("about"),
                    "values": [v.get("value") for v in values],
                    "sides": [list(sides[pair[0]].phrases), list(sides[pair[1]].phrases)],
                }
            )
    checkable = sum(_side_checkable(s) for s in sides) >= 2
    return {
        "pattern": "X vs Y",
        "sides": [{"phrases": list(s.phrases), "sources": sorted(s.sources)} for s in sides],
        "checkable": checkable,
        "violated": bool(hits) if checkable else None,
        "evidence": hits,
    }


def check_must_not(line: str, brief: Json, gold: Json, ids: Ids) -> Json:
    """Check one must_not line if it follows a recognised pattern."""
    result: Json | None = None
    if sides := vs_sides(line, ids):
        result = check_vs_rule(sides, brief, gold_opposed(sides, gold, ids))
    elif m := _CONFLICT_RULE.search(line):
        if phrases := _two_phrases(m.group("rest")):
            result = check_conflict_rule(*phrases, brief)
    elif m := _COUNT_RULE.search(line):
        tokens = [t for t in re.split(r"\s*,\s*|\s+and\s+", m.group("ids")) if t]
        n_text = _number_words_to_digits(m.group("n"))
        if tokens and all(ids.resolves(t) for t in tokens) and n_text.isdigit():
            result = check_count_rule(tokens, int(n_text), brief, gold, ids)
    elif m := _DATE_RULE.search(line):
        whens = [q for q in quantities(m.group("when")) if isinstance(q, Date)]
        if len(whens) == 1:
            result = check_date_rule(m.group("what"), whens[0], brief)
    if result is None or not result["checkable"]:
        result = {"pattern": None, "checkable": False, "violated": None, "evidence": []}
    return {"text": line, **result}


# ============================================================================================
# 4. Event date, families, publication dates
# ============================================================================================


def score_event(gold: Json, brief: Json) -> Json:
    gold_date = (gold.get("event") or {}).get("date")
    brief_date = (brief.get("event") or {}).get("date")
    return {
        "gold": gold_date,
        "brief": brief_date,
        "correct": None if not gold_date else str(brief_date) == str(gold_date),
    }


def _pairs(families: Sequence[Sequence[str]]) -> set[frozenset[str]]:
    return {frozenset((a, b)) for fam in families for a in fam for b in fam if a < b}


def score_families(gold: Json, brief: Json, ids: Ids) -> Json:
    gold_fams = [sorted(set(ids.all(f))) for f in gold.get("families") or []]
    brief_fams = [sorted(set(f.get("members") or [])) for f in brief.get("families") or []]
    everyone = {m for f in gold_fams + brief_fams for m in f} | {
        a.get("id") for a in brief.get("articles") or [] if a.get("id")
    }

    def partition(fams: list[list[str]]) -> set[frozenset[str]]:
        part = {frozenset(f) for f in fams if f}
        listed = {m for f in fams for m in f}
        return part | {frozenset([m]) for m in everyone - listed}

    gp, bp = _pairs(gold_fams), _pairs(brief_fams)
    if not gp and not bp:
        f1 = 1.0
    else:
        common = len(gp & bp)
        p, r = ratio(common, len(bp)) or 0.0, ratio(common, len(gp)) or 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "exact": partition(gold_fams) == partition(brief_fams) if gold_fams else None,
        "pairwise_f1": f1,
        "gold": gold_fams,
        "brief": brief_fams,
    }


def score_publication_dates(gold: Json, brief: Json, ids: Ids) -> Json:
    published = {a.get("id"): a.get("published") for a in brief.get("articles") or []}
    rows = []
    for token, expected in (gold.get("publication_dates") or {}).items():
        art = ids.resolve(token)
        got = published.get(art)
        text = str(expected).strip()
        m = re.match(r"^(not\s+)?(\d{4}-\d{2}-\d{2})\b", text)
        if not m:
            rows.append(
                {"article": art, "gold": text, "brief": got, "checkable": False, "correct": None}
            )
            continue
        ok = (str(got) != m.group(2)) if m.group(1) else (str(got) == m.group(2))
        rows.append({"article": art, "gold": text, "brief": got, "checkable": True, "correct": ok})
    checked = [r for r in rows if r["checkable"]]
    return {"checked": len(checked), "correct": sum(r["correct"] for r in checked), "rows": rows}


# ============================================================================================
# Running
# ============================================================================================


def load_gold_facts(gold: Json, ids: Ids) -> list[GoldFact]:
    families = [ids.all(f) for f in gold.get("families") or []]
    out = []
    for f in gold.get("facts") or []:
        sources = ids.all(f.get("sources") or [])
        independent = f.get("independent")
        if independent is None:
            independent = family_count(sources, families)
        value = str(f.get("value") or "")
        out.append(
            GoldFact(
                str(f.get("slot") or ""), value, sources, int(independent), value_quantities(value)
            )
        )
    return out


def known_ids(brief: Json, read_ids: Iterable[str]) -> set[str]:
    ids = set(read_ids)
    ids |= {a.get("id") for a in brief.get("articles") or [] if a.get("id")}
    ids |= {m for f in brief.get("families") or [] for m in f.get("members") or []}
    ids |= {s for f in brief.get("facts") or [] for s in f.get("sources") or []}
    return ids


def conflict_metrics(c: Json) -> Json:
    return {
        "recall": ratio(c["gold_found"], c["gold_conflicts"]),
        "precision": ratio(c["brief_matched"], c["brief_conflicts"]),
    }


def overall(clusters: list[Json]) -> Json:
    """Micro-averaged figures over the clusters that were scored."""
    ok = [c for c in clusters if "error" not in c]
    fc = {k: sum(c["fact_counts"][k] for c in ok) for k in (ok[0]["fact_counts"] if ok else {})}
    cc = {
        k: sum(c["conflict_counts"][k] for c in ok)
        for k in (ok[0]["conflict_counts"] if ok else {})
    }
    events = [c["event_date"]["correct"] for c in ok if c["event_date"]["correct"] is not None]
    return {
        "clusters": len(clusters),
        "scored": len(ok),
        "fact_counts": fc,
        "facts": fact_metrics(fc) if fc else {},
        "conflict_counts": cc,
        "conflicts": conflict_metrics(cc) if cc else {},
        "must_not": {
            k: sum(c["must_not"][k] for c in ok) for k in ("lines", "checkable", "violations")
        },
        "event_date_correct": {"correct": sum(events), "of": len(events)},
        "families": {
            "exact": sum(bool(c["families"]["exact"]) for c in ok),
            "of": sum(c["families"]["exact"] is not None for c in ok),
            "mean_pairwise_f1": ratio(sum(c["families"]["pairwise_f1"] for c in ok), len(ok)),
        },
        "publication_dates": {
            k: sum(c["publication_dates"][k] for c in ok) for k in ("checked", "correct")
        },
    }


def score_cluster(gold: Json, brief: Json, read_ids: Iterable[str] = ()) -> Json:
    """Every figure for one cluster: ``gold`` (a parsed gold file), ``brief`` (a parsed brief
    JSON) and the ids of the articles that were fused (ids the brief names are added)."""
    ids = Ids(known_ids(brief, read_ids))
    golds = load_gold_facts(gold, ids)
    facts = list(brief.get("facts") or [])
    fact_counts, gold_rows, brief_rows = score_facts(golds, facts)
    conflict_counts, conflict_rows = score_conflicts(
        list(gold.get("conflicts") or []), list(brief.get("conflicts") or []), ids
    )
    must_not = [check_must_not(str(line), brief, gold, ids) for line in gold.get("must_not") or []]
    return {
        "articles": sorted(ids.known),
        "fact_counts": fact_counts,
        "facts": fact_metrics(fact_counts),
        "conflict_counts": conflict_counts,
        "conflicts": conflict_metrics(conflict_counts),
        "must_not": {
            "lines": len(must_not),
            "checkable": sum(bool(r["checkable"]) for r in must_not),
            "violations": sum(bool(r["violated"]) for r in must_not),
            "details": must_not,
        },
        "event_date": score_event(gold, brief),
        "families": score_families(gold, brief, ids),
        "publication_dates": score_publication_dates(gold, brief, ids),
        "gold_facts": gold_rows,
        "brief_facts": brief_rows,
        "gold_conflicts": conflict_rows,
    }
