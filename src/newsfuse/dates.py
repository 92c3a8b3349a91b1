"""Publication dates found in an article's text, when its metadata gave none.

Only a date the page itself calls the publication date is taken: one after "Published",
"Posted", "Updated"... or in a wire dateline that carries a year. A date alone on a line at the
top of a page is usually the site's today-date, and a wrong date is worse than none, so it is
never taken.
"""

from __future__ import annotations

import datetime as dt
import re

from newsfuse.clean import split_lines
from newsfuse.models import Article
from newsfuse.text import MONTH_PATTERN

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
# The cue must open the line or follow a separator ("By Jane Doe | Published ..."): inside a
# sentence or a caption's "(Published ...)" it dates something else.
_CUE = re.compile(
    rf"(?:^|[|•·]\s*)(?:(?P<published>{_PUBLISHED})|{_UPDATED})\b[\s:-]*{_BETWEEN}{_DATE}",
    re.IGNORECASE,
)
# "SEOUL, June 17, 2020 (Reuters) -": a dateline is the wire's own date, but only with a year.
_DATELINE = re.compile(
    rf"^[A-Z][A-Z.'’ -]+(?:, [A-Z][A-Za-z.'’ -]*)?, {_DATE}\s*(?:\([A-Z][\w.&' -]{{0,30}}\))?"
    r"\s*(?:--|[-—–_])"
)
_DATELINE_LINES = 5

_SETTINGS = {"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False}


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
    for i, line in enumerate(split_lines(text)):
        m = _CUE.search(line)
        if m:
            found = _parse(m)
            if found and m.group("published"):
                return found
            updated = updated or found
        elif i < _DATELINE_LINES and (m := _DATELINE.match(line)):
            found = _parse(m)
            if found:
                return found
    return updated


def _parse(m: re.Match[str]) -> dt.date | None:
    span = m.group("date")
    settings = _SETTINGS
    if m.group("numeric"):
        first, second = (int(x) for x in re.split(r"[/.]", span)[:2])
        if first <= 12 and second <= 12 and first != second:
            return None  # 06/07/2020: June 7 or 6 July? Leave it empty rather than guess.
        settings = {**_SETTINGS, "DATE_ORDER": "DMY" if first > 12 else "MDY"}
    import dateparser  # slow to import; most articles never get here

    parsed = dateparser.parse(span, languages=["en"], settings=settings)
    if parsed is None:
        return None
    day = parsed.date()
    if not dt.date(1900, 1, 1) <= day <= dt.date.today() + dt.timedelta(days=1):
        return None
    return day
