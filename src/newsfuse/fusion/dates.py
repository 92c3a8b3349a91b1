"""Publication dates found in an article's text, when its metadata gave none.

Only a date the page itself calls the publication date is taken: one after "Published",
"Posted", "Updated"... or in a wire dateline that carries a year. A date alone on a line at the
top of a page is usually the site's today-date, and a wrong date is worse than none, so it is
never taken.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Collection, Mapping, Sequence
from typing import Literal

from newsfuse.fusion import phrases
from newsfuse.fusion.clean import is_headline, split_lines, time_stamp
from newsfuse.fusion.text import MONTH_PATTERN, NUMBER_WORDS
from newsfuse.models import Article, BaseFrom, DateMention, DatePrecision, Sentence

_MONTH = MONTH_PATTERN
_WEEKDAY = r"(?:Mon|Tue(?:s)?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?"
_ZONE = r"(?:[ECMP][SD]?T|GMT|UTC|BST|CES?T|IST|JST|KST|HKT|AEST|AEDT)"
_TIME = rf"\d{{1,2}}(?:[:.]\d{{2}}(?:\s*[ap]\.?m\.?)?|\s*[ap]\.?m\.?)(?:\s+{_ZONE})?"
_ORD = r"(?:st|nd|rd|th)?"
# A full date with a year; the day matters: "June 2020" is not a publication date.
_DATE = (
    rf"(?P<date>{_MONTH}\s+\d{{1,2}}{_ORD},?\s+\d{{4}}"
    rf"|\d{{1,2}}{_ORD}\s+{_MONTH},?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2}"
    r"|(?P<numeric>\d{1,2}[/.]\d{1,2}[/.]\d{4}))"
)
# What may stand between a cue and its date: "on", "at", a weekday, a time.
_BETWEEN = rf"(?:(?:on|at|{_WEEKDAY}|{_TIME})[\s,]*){{0,4}}"

_PUBLISHED = (
    r"(?:first |originally )?(?:published|posted)(?: date)?|publication date|date published"
)
_UPDATED = r"(?:last )?(?:updated|modified)"
# The cue must open the line or follow a separator ("By Jane Doe | Published ..."), or be a
# capitalised label with its colon ("... theft at hospital Posted: Monday, June 23, 2014 11:03
# PM EDT Updated: ...": a headline and the page's stamps run into one line): inside a sentence
# or a caption's "(Published ...)" it dates something else.
_LABEL = r"(?<=\s)(?=(?-i:Published|Posted|Updated|Last updated|Modified|Last modified):)"
_CUE = re.compile(
    rf"(?:^|[|•·]\s*|{_LABEL})(?:(?P<published>{_PUBLISHED})|{_UPDATED})\b[\s:-]*{_BETWEEN}"
    rf"{_DATE}",
    re.IGNORECASE,
)
# Every cue holds one of these: a cheap test before _CUE runs on a line.
_CUE_HINT = re.compile(r"publi|posted|updated|modified", re.IGNORECASE)
# "SEOUL, June 17, 2020 (Reuters) -": a dateline is the wire's own date, but only with a year.
_DATELINE = re.compile(
    rf"^[A-Z][A-Z.'’ -]+(?:, [A-Z][A-Za-z.'’ -]*)?, {_DATE}\s*(?:\([A-Z][\w.&' -]{{0,30}}\))?"
    r"\s*(?:--|[-—–_])"
)
_DATELINE_LINES = 5
# A publication cue is at the top or the foot of the article, not 200 KB into a dump.
_PUBLICATION_CHARS = 200_000
# A line that is only a date, straight under the headline, is the article's date ("Lindsay
# Lohan checks into Betty Ford Center" / "May 03, 2013"). Above the headline it is the site's
# today-date, and is ignored.
_DATE_ONLY = re.compile(rf"^(?:{_WEEKDAY},?\s+)?{_DATE}(?:,?\s+(?:at\s+)?{_TIME})?$")


def with_publication_date(article: Article) -> Article:
    """Return ``article`` with ``published`` set from its text, if it had none and the text
    states one; otherwise ``article`` unchanged."""
    if article.published is not None:
        return article
    found = publication_date(article.text)
    if found is None:
        return article
    return article.model_copy(update={"published": found, "published_from": "text"})


def publication_date(text: str) -> dt.date | None:
    """The publication date ``text`` states, or None. "Published"/"Posted" and datelines win
    over "Updated"; among equals, the first in the text."""
    updated: dt.date | None = None
    lines = split_lines(text[:_PUBLICATION_CHARS])
    for i, line in enumerate(lines):
        if 0 < i < _DATELINE_LINES and (m := _DATE_ONLY.match(line)) and is_headline(lines[i - 1]):
            found = _parse(m)
            if found:
                return found
            continue
        m = _CUE.search(line) if _CUE_HINT.search(line) else None
        if m:
            found = _parse(m)
            if found and m.group("published"):
                return found
            updated = updated or found
        elif i < _DATELINE_LINES and (m := _DATELINE.match(line) or time_stamp(line)):
            # a wire dateline with a year, or the page's own time stamp ("HOUSTON | Thu May
            # 27, 2010 7:23 pm EDT", "8 November 2011 Last updated at 14:07 GMT")
            found = _parse(m)
            if found:
                return found
    return updated


def _parse(m: re.Match[str]) -> dt.date | None:
    """The date of a matched span. The patterns admit only a few fixed forms ("May 24, 2010",
    "24 May 2010", "2010-05-24", "24/05/2010"), so they are read by hand: dateparser cost ~5 ms
    a date, which on a large batch was most of the time spent reading publication dates."""
    span = m.group("date")
    numbers = [int(x) for x in re.findall(r"\d+", span)]
    try:
        if m.re.groupindex.get("numeric") and m.group("numeric"):
            first, second, year = numbers[:3]
            if first <= 12 and second <= 12 and first != second:
                return None  # 06/07/2020: June 7 or 6 July? Leave it empty rather than guess.
            day = dt.date(year, *((second, first) if first > 12 else (first, second)))
        elif len(numbers) == 3:  # ISO
            day = dt.date(numbers[0], numbers[1], numbers[2])
        else:
            month = _MONTHS[re.search(r"[A-Za-z]{3,}", span).group().lower()[:3]]  # type: ignore[union-attr]
            day_of_month, year = (numbers[0], numbers[1]) if numbers[1] > 31 else numbers[::-1]
            day = dt.date(year, month, day_of_month)
    except (ValueError, KeyError, IndexError):  # "February 30", "Sept" spelt oddly
        return None
    if not dt.date(1900, 1, 1) <= day <= dt.date.today() + dt.timedelta(days=1):
        return None
    return day


# --- Dates mentioned in sentences -------------------------------------------------------------
#
# Mentions are found with one regex and resolved with date arithmetic, not with dateparser: the
# forms news uses are few ("on Tuesday", "June 16", "last weekend", "February last year"), the
# arithmetic is exact, and a cluster has dozens of mentions where dateparser costs ~0.5 ms each
# and has no answer for "last weekend" or "February last year".

_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for m in names
}
_WEEKDAYS = {
    d: i
    for i, d in enumerate(
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    )
}
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, **NUMBER_WORDS}
# Month names must be capitalised ("may", "march" are also words); the rest is case-blind.
_M = r"(?P<{}>(?-i:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?|(?-i:January|February|March|April|June|July|August|September|October|November|December))"
_D = r"(?P<{}>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_Y = r"(?P<{}>(?:19|20)\d\d)"
_WD = r"(?P<{}>(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))"
_UNIT = r"(?P<{}>day|week|weekend|month|year)"
# Every mention starts with a digit, or at a word's start with one of these letters (of the
# month and weekday names and the words that open a mention): the lookahead lets the scan skip
# the other places at one test each instead of trying every alternative there (~2x faster).
_MENTION_START = r"(?=\d|\b[abdefijlmnopstuwy])"
_MENTION = re.compile(
    _MENTION_START
    + "(?:"
    + "|".join(
        [
            r"\b(?P<iy>(?:19|20)\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d)\b",
            rf"\b{_M.format('m1')}\s+{_D.format('d1')},?\s+{_Y.format('y1')}\b",
            rf"\b{_D.format('d2')}\s+(?:of\s+)?{_M.format('m2')},?\s+{_Y.format('y2')}\b",
            rf"\b{_M.format('m3')}\s+{_D.format('d3')}\b(?![,.]?\d)",
            rf"\b{_D.format('d4')}\s+(?:of\s+)?{_M.format('m4')}(?!\w)",
            rf"\b{_M.format('m5')},?\s+(?:of\s+)?{_Y.format('y5')}\b",
            rf"\b{_M.format('m6')}\s+(?P<rel6>last|this|next)\s+year\b",
            rf"\b(?P<pre7>in|since|until|till|by|from|on|of|early|late|mid|mid-|last|this|next"
            rf"|end of|beginning of|start of)(?:\s+|(?<=mid-)){_M.format('m7')}(?!\w)"
            # the month must stand alone: "in September 2018", "on June 16" are read above
            # ("on Feb. 13": the abbreviation's dot does not make "Feb" a month alone)
            r"(?!\.?\s*,?\s*(?:of\s+)?\d|\s+(?:last|this|next)\s+year)",
            r"\b(?P<decade>(?:19|20)\d0)s\b",
            rf"(?<![\d$£€¥₩.,/-]){_Y.format('y8')}(?![\d%]|,\d|\.\d|-\d|\s*(?:percent|per cent))",
            rf"\b(?:(?P<rel9>last|this|next|past)\s+)?{_WD.format('wd')}\b",
            r"\b(?P<word>yesterday|today|tonight|tomorrow|last night)\b",
            rf"\b(?P<rel10>last|this|next|past|previous|earlier this|later this|over the|at the"
            rf"|on the)\s+{_UNIT.format('unit10')}\b",
            rf"\b(?P<n11>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
            rf"\s+{_UNIT.format('unit11')}s?\s+ago\b",
        ]
    )
    + ")",
    re.IGNORECASE,
)


# Every mention contains one of these; testing for them first is ~10x cheaper than _MENTION.
# Read in the lower-cased sentence: the same test as ignoring case, 3.5x faster (half of
# the sentences have none, and a case-blind alternation tries each word at every letter).
_MAYBE_DATE = re.compile(
    r"\d|day|night|week|month|year|tomorrow|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
)


def mentions(
    sentence: str, base: dt.date | None = None, base_from: BaseFrom = "publication"
) -> list[DateMention]:
    """The dates ``sentence`` mentions, resolved to the days they cover.

    Relative mentions ("Tuesday", "yesterday", "last week", "June 16" without a year) are
    resolved against ``base``, the article's publication date, or the event date when the
    article has none (say which with ``base_from``); without a base they are left out, since a
    guess would put a wrong date in the brief.
    """
    return list(_mentions(sentence, base, base_from))


# Cached, like the scan below: the event, the dates, the facts, the summary and the timeline
# read the same sentences' dates (frozen models, so sharing them is safe).
@functools.lru_cache(maxsize=1 << 16)
def _mentions(sentence: str, base: dt.date | None, base_from: BaseFrom) -> tuple[DateMention, ...]:
    found: list[DateMention] = []
    scanned = _scan(sentence)
    joined = -1  # the mention read with the one before it
    around = base_from == "event"
    for k, m in enumerate(scanned):
        if k == joined:
            continue
        if m.group("wd") and k + 1 < len(scanned) and _dated_weekday(m, scanned[k + 1]):
            continue  # "on Friday, March 23rd": the date says which Friday
        span = _resolve(m, base, around=around)
        if span is None:
            continue
        end = m.end()
        years = _years_before(m, scanned[k + 1]) if k + 1 < len(scanned) else 0
        if years and (later := _resolve(scanned[k + 1], base, around)) is not None:
            # "who died 50 years ago this month": that month, 50 years back
            span = (_years_back(later[0], years), _years_back(later[1], years), *later[2:])
            end, joined = scanned[k + 1].end(), k + 1
        first, last, precision, relative = span
        found.append(
            DateMention(
                text=sentence[m.start() : end],
                start=m.start(),
                end=end,
                date=first,
                until=last,
                precision=precision,
                base=base if relative else None,
                base_from=base_from if relative else None,
            )
        )
    return tuple(found)


def _years_before(ago: re.Match[str], after: re.Match[str]) -> int:
    """How many years back ``ago`` ("50 years ago") puts the mention straight after it, when
    that is the base's own month, week or day ("this month", "this week", "today"); else 0."""
    g, h = ago.groupdict(), after.groupdict()
    if (g["unit11"] or "").lower() != "year" or ago.string[ago.end() : after.start()].strip():
        return 0
    this = (h["rel10"] or "").lower() == "this" and h["unit10"].lower() in ("month", "week")
    if not (this or (h["word"] or "").lower() == "today"):
        return 0
    n = g["n11"].lower()
    return int(n) if n.isdigit() else _NUMBER_WORDS[n]


def _years_back(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # February 29
        return day.replace(year=day.year - years, day=28)


def _dated_weekday(weekday: re.Match[str], after: re.Match[str]) -> bool:
    """Whether the mention ``after`` is the calendar day of ``weekday``, written straight
    after it ("Friday, March 23rd", "Monday evening January 23, 2017")."""
    gap = weekday.string[weekday.end() : after.start()]
    if not _WEEKDAY_GAP.fullmatch(gap):
        return False
    g = after.groupdict()
    return any(g[k] for k in ("iy", "m1", "m2", "m3", "m4"))


_WEEKDAY_GAP = re.compile(
    r"[\s,]*(?:(?:early|late)\s+)?(?:(?:morning|afternoon|evening|night)[\s,]+)?"
)


@functools.lru_cache(maxsize=1 << 16)
def _scan(sentence: str) -> tuple[re.Match[str], ...]:
    """The matches of :data:`_MENTION` in ``sentence``, but those of a stamp
    (:data:`_STAMPED`): :func:`mentions` and :func:`partial_dates` both read them."""
    if not _MAYBE_DATE.search(sentence.lower()):
        return ()  # most sentences name no date: skip the long pattern
    found = tuple(_MENTION.finditer(sentence))
    stamps = _stamps(sentence) if found else ()
    if not stamps:
        return found
    return tuple(m for m in found if not any(a <= m.start() < b for a, b in stamps))


# Dates an embedded post is stamped with, not dates the report tells: its signature line
# ("— Leanne Suter (@abc7leanne) August 12, 2018") gives the day it was posted, often the day
# after the event. (A photo caption's "on Tuesday, Jan. 24, 2017" is read, but see
# :func:`pictured`.)
_STAMPED = re.compile(rf"\(@\w{{1,30}}\)\s*(?:{_MONTH}\s+\d{{1,2}},\s+(?:19|20)\d\d\b)?")


def _stamps(sentence: str) -> tuple[tuple[int, int], ...]:
    """The spans of ``sentence`` that are stamps (:data:`_STAMPED`)."""
    if "(@" not in sentence:
        return ()  # (most sentences: the pattern need not run)
    return tuple(m.span() for m in _STAMPED.finditer(sentence))


# The dates of a picture, not of the story: a caption's weekday, date and year ("An unknown
# visitor arrives at a gated house in Woodland Hills on Tuesday, Jan. 24, 2017."; prose says
# "on Tuesday" or "Jan. 24") when the verb it goes with is in the present tense, the tense of a
# caption (the caption's next sentence, "Judge Kurt Engelhardt on Wednesday, April 27, 2016,
# approved a plea", and "who died suddenly Monday evening January 23, 2017" tell the story);
# a file photo's ("FILE - In this Tuesday, Dec. 31, 2013 file photo"); a video's page stamp
# ("(Published Saturday, Aug. 11, 2018)"). The report is on or after such a day, which is all
# it says: the picture may be the day's, the day after or years old.
_PICTURE_DATE = re.compile(
    r"\b(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+"
    rf"{_MONTH},?\s+\d{{1,2}},?\s+(?:19|20)\d\d\b"  # (also "Friday, May, 2 2014")
)
_FILE_PHOTO = re.compile(
    r"^\W*FILE\b[^.]{0,80}?\b(?:photo|image|picture)\b"
    # "In this Monday, May 31, 1999 file photo", "In this undated photo": only a date between
    rf"|\b[Ii]n (?:this|an?) (?:(?:{_WEEKDAY}|{_MONTH}|\d{{1,4}}|undated|file|handout),?\s+){{0,5}}"
    r"(?:photo|image|picture|video)\b"
    r"|\b(?i:file) (?:photo|image|picture)\b"
)
_PAGE_STAMP = re.compile(r"\((?:Published|Updated|Posted) [^()]{6,60}\)")
_MAYBE_PICTURE = re.compile(r"day,? |FILE|[Pp]hoto|image|picture|video|\((?:Pub|Up|Po)")
_PRESENT = frozenset({"VBZ", "VBP"})


PictureKind = Literal["stamp", "file", "caption"]


@functools.lru_cache(maxsize=1 << 12)
def picture_spans(sentence: str) -> tuple[tuple[int, int, PictureKind], ...]:
    """The spans of ``sentence`` whose dates are a picture's (:data:`_PICTURE_DATE`), with
    what each is: a video's page stamp, a file photo's opening, or a caption's date."""
    if not _MAYBE_PICTURE.search(sentence):
        return ()  # (most sentences: the patterns need not run)
    spans: list[tuple[int, int, PictureKind]] = [
        (*m.span(), "stamp") for m in _PAGE_STAMP.finditer(sentence)
    ]
    spans += [(0, m.end(), "file") for m in _FILE_PHOTO.finditer(sentence)]
    for m in _PICTURE_DATE.finditer(sentence):
        if not any(a <= m.start() < b for a, b, _ in spans) and _caption_tense(sentence, m.start()):
            spans.append((*m.span(), "caption"))
    return tuple(spans)


@functools.lru_cache(maxsize=1 << 12)
def pictured(sentence: str) -> tuple[tuple[int, int], ...]:
    """The spans of ``sentence`` whose dates are a picture's (:func:`picture_spans`), not the
    story's: they date no event and make no timeline entry."""
    return tuple((a, b) for a, b, _ in picture_spans(sentence))


_UPDATE = re.compile(r"\b(?:updated|modified)\W*$", re.IGNORECASE)


@functools.lru_cache(maxsize=1 << 12)
def shown_days(sentence: str) -> tuple[dt.date, ...]:
    """The days ``sentence`` shows a picture or a post was taken, posted or published on: a
    caption's date, a video's "(Published ...)" stamp, an embedded post's signature date ("—
    Leanne Suter (@abc7leanne) August 12, 2018"), never a file photo's. A report is on or
    after each of them, and so, mostly, close to the latest."""
    out: list[dt.date] = []
    spans = [(a, b) for a, b, kind in picture_spans(sentence) if kind != "file"]
    for lo, hi in spans + list(_stamps(sentence)):
        if _UPDATE.search(sentence, max(0, lo - 12), lo):
            continue  # "Updated: Monday, August 18, 2014": a later version's day
        for m in _MENTION.finditer(sentence, lo, hi):
            span = _resolve(m, None)
            if span is not None and span[2] == "day":
                out.append(span[0])
    return tuple(out)


def _caption_tense(sentence: str, at: int) -> bool:
    """Whether the verb the date at ``at`` goes with is in the present tense ("arrives",
    "is wheeled into"), or there is none (a caption's fragment), by the parse."""
    doc = phrases.parse(sentence)
    token = next((t for t in doc if t.idx >= at), None)
    seen = 0
    while token is not None and seen < 12:
        seen += 1
        if token.pos_ in ("VERB", "AUX"):
            if token.tag_ in _PRESENT:
                return True
            helpers = [c.tag_ for c in token.children if c.dep_ in ("aux", "auxpass")]
            if any(h in _PRESENT for h in helpers):
                return True
            if token.tag_ in ("VBD", "MD") or helpers:
                return False  # "approved", "died", "will be"
            # a participle or infinitive without a helper: the verb it hangs on says
        if token.head is token:
            return True  # no verb: a fragment ("Gerry Adams, Tuesday, Dec. 31, 2013.")
        token = token.head
    return False


# A date that cannot be put on the calendar without a base day: a weekday, a month and day
# without a year, a month alone. Facts can still compare them ("Tuesday" vs "Wednesday", "April
# 14" vs "April 16"); the timeline cannot place them, so they are no DateMention.
PartialUnit = Literal["weekday", "monthday", "month"]
_MAYBE_PARTIAL = re.compile(
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov"
    r"|Dec)"
)


def partial_dates(sentence: str) -> list[tuple[int, int, PartialUnit, int, str]]:
    """``(start, end, unit, value, shown)`` for each mention of ``sentence`` that needs a base
    day to resolve: weekdays (value 0 = Monday), month-days (value month * 100 + day) and
    months alone. Mentions with a year are not partial: :func:`mentions` resolves them."""
    out: list[tuple[int, int, PartialUnit, int, str]] = []
    if not _MAYBE_PARTIAL.search(sentence):
        return out  # no weekday or month name: the long pattern need not run
    names = list(_WEEKDAYS)
    months = "January February March April May June July August September October November December"
    spans = pictured(sentence)
    for m in _scan(sentence):
        if spans and any(a <= m.start() < b for a, b in spans):
            continue  # a picture's date (the weekday of "on Tuesday, Jan. 24, 2017")
        g = m.groupdict()
        try:
            for k in "34":
                if g["m" + k]:
                    month, day = _month(g["m" + k]), int(g["d" + k])
                    dt.date(2000, month, day)  # leap year: Feb 29 is a real date
                    shown = f"{months.split()[month - 1]} {day}"
                    out.append((m.start(), m.end(), "monthday", month * 100 + day, shown))
        except ValueError:
            continue
        if g["m7"] and g["pre7"].lower() not in ("last", "this", "next"):
            month = _month(g["m7"])
            out.append((m.start(), m.end(), "month", month, months.split()[month - 1]))
        elif g["wd"] and not _RECURRING.search(sentence, max(0, m.start() - _CUE_REACH), m.start()):
            day = _WEEKDAYS[g["wd"].lower()]
            out.append((m.start("wd"), m.end("wd"), "weekday", day, names[day].capitalize()))
    return out


_Span = tuple[dt.date, dt.date, DatePrecision, bool]
# Before a weekday: it names no one day ("by flying on a Sunday", "every Sunday", "any
# Monday"; "in a Sunday crash" is one Sunday's). A weekday after "on a" still says which
# weekday a thing was on (partial_dates); one after "every", "each", "any" says nothing of
# one occasion.
# _RECURRING is the words of them that say which weekday a thing is on of no one occasion;
# _INDEFINITE adds those saying which weekday, of no known week. Either stands in the
# _CUE_REACH characters before the weekday ("on an " and its space are 6).
_RECURRING_WORDS = r"every|each|any"
_RECURRING = re.compile(rf"\b(?:{_RECURRING_WORDS})\s+$", re.IGNORECASE)
_INDEFINITE = re.compile(rf"\b(?:on\s+an?|another|{_RECURRING_WORDS})\s+$", re.IGNORECASE)
_CUE_REACH = 10


def names_weekday(text: str) -> bool:
    """Whether ``text`` (a mention's) names a weekday ("Tuesday", "last Friday")."""
    lowered = text.lower()
    return any(name in lowered for name in _WEEKDAYS)


def indefinite(sentence: str, start: int) -> bool:
    """Whether the weekday at ``start`` names no one day ("on a Sunday", "every Sunday")."""
    return _INDEFINITE.search(sentence, max(0, start - _CUE_REACH), start) is not None


def planned(sentence: str, start: int) -> bool:
    """Whether the date at ``start`` is one a plan or a deadline points to ("due to be put
    forward again in 2017", "by 2030", "was going to a shareholder vote on April 14"): a cue
    of :data:`_AHEAD` or "going to" before it in the sentence, with no past form or verb of
    saying between, or "by", "until" straight before it."""
    before = sentence[:start]
    return bool(_DEADLINE.search(before)) or any(
        not _BACK_CUE.search(before, c.end()) for c in _PLANNED.finditer(before)
    )


_DEADLINE = re.compile(r"\b(?:by|until|till|before|through)\s+(?:the\s+end\s+of\s+)?$", re.I)


def _resolve(m: re.Match[str], base: dt.date | None, around: bool = False) -> _Span | None:
    """The span of a mention; ``around`` says ``base`` is the event's day, not the report's
    (see :func:`_weekday`)."""
    g = m.groupdict()
    try:
        if g["iy"]:
            return _day(dt.date(int(g["iy"]), int(g["im"]), int(g["id"])), False)
        for k in "12":
            if g["m" + k]:
                return _day(dt.date(int(g["y" + k]), _month(g["m" + k]), int(g["d" + k])), False)
        for k in "34":
            if g["m" + k]:
                return _month_day(_month(g["m" + k]), int(g["d" + k]), base)
        if g["m5"]:
            return _whole_month(int(g["y5"]), _month(g["m5"]), False)
        if g["m6"]:
            if base is None:
                return None
            shift = {"last": -1, "this": 0, "next": 1}[g["rel6"].lower()]
            return _whole_month(base.year + shift, _month(g["m6"]), True)
        if g["m7"]:
            prefix = g["pre7"].lower()
            if prefix not in ("last", "this", "next", "since") and planned(m.string, m.start()):
                prefix = "coming"  # "would be in Los Angeles by mid-August": a deadline
            return _month_alone(_month(g["m7"]), prefix, base)
    except ValueError:  # "February 30"
        return None
    if g["decade"]:
        start = int(g["decade"])
        return dt.date(start, 1, 1), dt.date(start + 9, 12, 31), "decade", False
    if g["y8"]:
        year = int(g["y8"])
        return dt.date(year, 1, 1), dt.date(year, 12, 31), "year", False
    if base is None:
        return None
    if g["wd"]:
        if indefinite(m.string, m.start()):
            return None  # "on a Sunday", "every Sunday": no one day
        relation = (g["rel9"] or "").lower()
        if not relation and _ahead(m):
            relation = "coming"
        return _weekday(_WEEKDAYS[g["wd"].lower()], relation, base, around)
    if g["word"]:
        if g["word"].isupper() or _titled(m):
            return None  # "TODAY" in capitals: "USA TODAY", NBC's show, a heading
        day_shift = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1, "last night": -1}
        return _day(base + dt.timedelta(days=day_shift[g["word"].lower()]), True)
    if g["unit10"]:
        return _relative_unit(g["unit10"].lower(), g["rel10"].lower(), base)
    if g["unit11"]:
        n = g["n11"].lower()
        count = int(n) if n.isdigit() else _NUMBER_WORDS[n]
        return _ago(count, g["unit11"].lower(), base)
    return None


# What may stand before a word opening a sentence or a clause: "Today, ...", "“Tomorrow".
# (and a dateline's close: "WASHINGTON (AP) Today ...")
_OPENS = re.compile(r"(?:^|[.!?:;()\[\]\"'“‘—–-])\W*$")


def _titled(m: re.Match[str]) -> bool:
    """Whether the relative day ``m`` ("today", "tomorrow") is capitalised inside a sentence:
    a title, not a day ("the BBC's Today programme", "Good Morning America and Today")."""
    word = m.group("word")
    return word[0].isupper() and not _OPENS.search(m.string, 0, m.start())


def _month(name: str) -> int:
    return _MONTHS[name.lower().rstrip(".")]


def _day(day: dt.date, relative: bool) -> _Span:
    return day, day, "day", relative


def _whole_month(year: int, month: int, relative: bool) -> _Span:
    first = dt.date(year, month, 1)
    last = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    return first, last, "month", relative


def _month_day(month: int, day: int, base: dt.date | None) -> _Span | None:
    """ "June 16" with no year: the June 16 nearest the base, a little in its past preferred."""
    if base is None:
        return None
    candidates = []
    for year in (base.year - 1, base.year, base.year + 1):
        try:
            candidates.append(dt.date(year, month, day))
        except ValueError:
            continue
    if not candidates:
        return None
    # News reports look back more than ahead: a future date counts double its distance.
    best = min(candidates, key=lambda d: abs((d - base).days) * (2 if d > base else 1))
    return _day(best, True)


def _month_alone(month: int, prefix: str, base: dt.date | None) -> _Span | None:
    """ "since January", "last March", "next May": the month of that name nearest in the
    direction the words point, in the past by default; "coming" (a plan's or a deadline's
    month) is the such month from the base's on."""
    if base is None:
        return None
    if prefix == "coming":
        year = base.year if month >= base.month else base.year + 1
    elif prefix == "next":
        year = base.year if month > base.month else base.year + 1
    elif prefix == "last":
        year = base.year if month < base.month else base.year - 1
    elif prefix == "this":
        year = base.year
    else:
        year = base.year if month <= base.month else base.year - 1
    return _whole_month(year, month, True)


# A weekday the clause puts ahead: "Simpson will appear before a Nevada judge on Thursday",
# "had a preliminary hearing scheduled for Wednesday", "is set to be sentenced Monday": the
# such day on or after the base, not the latest before it. The cue stands in the
# _AHEAD_REACH characters before the weekday, with no verb of saying or past form after it
# ("will be missed, died Monday" is rare; "said Tuesday he will resign" has the cue after the
# weekday). "By" is no cue: a deadline ("By Sunday, the box ... could be capturing") is read
# as any weekday is, the latest such day up to the base.
_AHEAD = re.compile(
    r"\b(?:will|won't|shall|scheduled|slated|set\s+(?:for|to)|due\s+(?:to|in\s+court)"
    r"|expected\s+to|plans?\s+to|planning\s+to|(?:is|are)\s+to)\b",
    re.IGNORECASE,
)
_AHEAD_REACH = 40
# between the cue and the weekday: a past form or a verb of saying dates the weekday back
_BACK_CUE = re.compile(
    r"[.;:!?]|\b(?:said|says|told|announced|reported|ago|was|were|did|last)\b"
    r"|(?<!\bbe\s)(?<!\bbeen\s)\b\w+ed\s+(?:on\s+)?$",
    re.IGNORECASE,
)
# a helper just before the cue (in the _HELPER_REACH characters) makes it a plan of the past
_PAST_PLAN = re.compile(r"\b(?:had|was|were|would)\b", re.IGNORECASE)
_HELPER_REACH = 30
# a weekday opening the sentence, its clause then put ahead: "On Thursday, Simpson will appear"
# (the cue within _AHEAD_REACH characters after the weekday)
_OPENING = re.compile(r"\W*(?:on\s+)?", re.IGNORECASE)
_AHEAD_AFTER = re.compile(
    rf"[\s,]+[^.;:!?]{{0,{_AHEAD_REACH}}}?\b(?P<cue>will|is\s+to|are\s+to|plans?\s+to)\b"
)
# (a plan then, "was going to a vote on April 14", is a plan all the same for planned())
_PLANNED = re.compile(_AHEAD.pattern + r"|\bgoing\s+to\b", re.IGNORECASE)


def _ahead(m: re.Match[str]) -> bool:
    """Whether the clause of the weekday ``m`` puts it ahead (:data:`_AHEAD`)."""
    text = m.string
    if _OPENING.fullmatch(text, 0, m.start()):
        hit = _AHEAD_AFTER.match(text, m.end())
        # no past form or verb of saying between the weekday and the cue
        return hit is not None and not _BACK_CUE.search(text, m.end(), hit.start("cue"))
    start = max(0, m.start() - _AHEAD_REACH)
    cues = list(_AHEAD.finditer(text, start, m.start()))
    if not cues or _BACK_CUE.search(text, cues[-1].end(), m.start()):
        return False
    # "had a preliminary hearing scheduled for Wednesday": planned then, maybe past now
    helper_from = max(start, cues[-1].start() - _HELPER_REACH)
    return not _PAST_PLAN.search(text, helper_from, cues[-1].start())


def _weekday(weekday: int, relation: str, base: dt.date, around: bool = False) -> _Span:
    """A weekday named in a report is the latest such day up to the report's date ("on
    Tuesday" in a Wednesday paper is yesterday), unless "next" points forward. Read against
    the event's day (``around``: the report has no date of its own, and was written on that
    day or after it), it is the such day nearest the event, up to three days either way: a
    report of a Saturday's event may tell what was done "Monday" after it ("His boss told
    ABC11 Monday ..."), or what led to it "Thursday"."""
    back = (base.weekday() - weekday) % 7
    if relation == "coming":
        return _day(base + dt.timedelta(days=(weekday - base.weekday()) % 7), True)
    if around and not relation:
        return _day(base + dt.timedelta(days=-back if back <= 3 else 7 - back), True)
    if relation == "next":
        return _day(base + dt.timedelta(days=(weekday - base.weekday()) % 7 or 7), True)
    if relation in ("last", "past") and back == 0:
        back = 7
    return _day(base - dt.timedelta(days=back), True)


def _relative_unit(unit: str, relation: str, base: dt.date) -> _Span | None:
    step = {"last": -1, "past": -1, "previous": -1, "next": 1}.get(relation, 0)
    if unit == "day":
        return None  # "the past day", "this day": too vague to date
    if unit == "weekend":
        # The weekend a report refers to is the latest one that has begun by its date.
        saturday = base - dt.timedelta(days=(base.weekday() - 5) % 7)
        saturday += dt.timedelta(weeks=max(step, 0))
        return saturday, saturday + dt.timedelta(days=1), "weekend", True
    if unit == "week":
        monday = base - dt.timedelta(days=base.weekday()) + dt.timedelta(weeks=step)
        return monday, monday + dt.timedelta(days=6), "week", True
    if unit == "month":
        month_index = base.year * 12 + base.month - 1 + step
        return _whole_month(month_index // 12, month_index % 12 + 1, True)
    year = base.year + step
    return dt.date(year, 1, 1), dt.date(year, 12, 31), "year", True


def _ago(count: int, unit: str, base: dt.date) -> _Span | None:
    if unit == "day":
        return _day(base - dt.timedelta(days=count), True)
    if unit == "week":
        day = base - dt.timedelta(weeks=count)
        monday = day - dt.timedelta(days=day.weekday())
        return monday, monday + dt.timedelta(days=6), "week", True
    if unit == "month":
        month_index = base.year * 12 + base.month - 1 - count
        return _whole_month(month_index // 12, month_index % 12 + 1, True)
    if unit == "year":
        return dt.date(base.year - count, 1, 1), dt.date(base.year - count, 12, 31), "year", True
    return None


def in_articles(
    articles: Sequence[Article],
    sentences: Mapping[str, Sequence[Sentence]],
    event_date: dt.date | None,
    aside: Collection[str] = frozenset(),
) -> dict[str, list[list[DateMention]]]:
    """The date mentions of every sentence of every article, by article id then sentence.

    Relative dates are resolved against the article's publication date, or, for an article
    without one, against the event date the other articles agree on: a report with no date of
    its own is about that event, so its "Tuesday" is the Tuesday of that week. The articles
    ``aside`` are not about the event (:func:`newsfuse.fusion.event.off_topic`): they mention
    no day of it.
    """
    out: dict[str, list[list[DateMention]]] = {}
    for a in articles:
        if a.id in aside:
            out[a.id] = [[] for _ in sentences.get(a.id, ())]
            continue
        base = a.published or event_date
        base_from: BaseFrom = "publication" if a.published else "event"
        out[a.id] = [
            _of_story(s.text, mentions(s.text, base, base_from)) for s in sentences.get(a.id, ())
        ]
    return out


def _of_story(sentence: str, found: list[DateMention]) -> list[DateMention]:
    """``found`` without the mentions of a picture's date (:func:`pictured`)."""
    if not found:
        return found
    spans = pictured(sentence)
    if not spans:
        return found
    return [m for m in found if not any(a <= m.start < b for a, b in spans)]


def explain(mention: DateMention, article_id: str, base_is: str | None = None) -> str:
    """One line saying how a relative date was read, e.g. "'Tuesday' in 001 -> 2020-06-16
    (relative to its publication date 2020-06-17)". ``base_is`` says what the base day is
    when not one of ``mention.base_from``'s: "'on Saturday' in p2 -> 2018-08-11 (relative to
    2018-08-11, the day of the latest picture or post it shows)"."""
    span = mention.date.isoformat()
    if mention.until != mention.date:
        span += f" to {mention.until.isoformat()}"
    if mention.base is None:
        return f"'{mention.text}' in {article_id} -> {span}"
    if base_is is not None:
        return f"'{mention.text}' in {article_id} -> {span} (relative to {mention.base}, {base_is})"
    whose = {
        "publication": "its publication date",
        "event": "the event date",
        "cluster": "the other reports' publication date",
    }[mention.base_from or "publication"]
    return f"'{mention.text}' in {article_id} -> {span} (relative to {whose} {mention.base})"
