"""What happened, where and when: the event the articles report, inferred across them.

The date is the day most independent sources give in their opening sentences (where a report
says when its news happened), among days no later than the report itself and at most
``EventSettings.recent_days`` before it: older dates in a lead are background ("opened in September
2018"). An article without a publication date reads its relative dates ("Tuesday") against
the publication dates of the others in this pass, and against the event date afterwards.
A report that is not about the event (:func:`off_topic`: another article's teaser, a product
page) dates nothing, nor lends its date to the others.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence

from newsfuse.fusion import dates
from newsfuse.models import Article, BaseFrom, DateMention, Entity, Event, Family, Sentence
from newsfuse.settings import DEFAULT, EventSettings

_SIX_DAYS = dt.timedelta(days=6)  # a weekday so far back from a picture's day: ambiguous


def infer(
    articles: Sequence[Article],
    sentences: Mapping[str, Sequence[Sentence]],
    families: Sequence[Family],
    entities: Sequence[Entity] = (),
    settings: EventSettings = DEFAULT.event,
    aside: frozenset[str] | None = None,
) -> Event:
    """The event of the cluster; fields it cannot determine are left empty. ``aside``: the
    reports off its topic, when the caller has them (:func:`off_topic`)."""
    if aside is None:
        aside = off_topic(articles, entities, settings)
    if aside:
        articles = [a for a in articles if a.id not in aside]
        sentences = {i: ss for i, ss in sentences.items() if i not in aside}
    family_of = {m: f.id for f in families for m in f.members}
    known = sorted(a.published for a in articles if a.published)
    reference = known[len(known) // 2] if known else None

    # date -> article id -> (mention, sentence) of its first lead mention of that date
    support: dict[dt.date, dict[str, tuple[DateMention, str]]] = defaultdict(dict)
    # the same of pictures' dates (dates.pictured): a caption's day is the photo's, which may
    # be the day after the event; it dates the event only when no lead's own words do
    pictures: dict[dt.date, dict[str, tuple[DateMention, str]]] = defaultdict(dict)
    shown, own = _shown(articles, sentences) if reference is None else ({}, set())
    for a in articles:
        base = a.published or reference or shown.get(a.id)
        base_from: BaseFrom = "publication" if a.published else "cluster"
        for text in _lead(a, sentences, settings):
            spans = dates.pictured(text)
            for m in dates.mentions(text, base, base_from):
                if m.precision != "day" or not _recent(m.date, base, settings):
                    continue
                if a.id in shown and _week_before_picture(m):
                    continue
                pictured = any(lo <= m.start < hi for lo, hi in spans)
                by_id = (pictures if pictured else support)[m.date]
                if a.id not in by_id or (by_id[a.id][0].relative and not m.relative):
                    by_id[a.id] = (m, text)  # the first, or the first absolute, mention
    if not support:
        support = pictures
    if reference is None and support:
        # No report is dated: a lead's day years before the latest date the reports mention
        # is background ("acquitted on Oct. 3, 1995" in a story of 2017), not the event.
        # (a year two reports mention, so one report's "by 2030" does not count)
        years: dict[int, set[str]] = defaultdict(set)
        for article_id, ss in sentences.items():
            for s in ss:
                for m in dates.mentions(s.text):
                    if m.precision in ("day", "month", "year"):
                        years[m.until.year].add(article_id)
        shared = [y for y, ids in years.items() if len(ids) >= 2]
        latest = dt.date(max(shared), 1, 1) if shared else max(support)
        support = defaultdict(
            dict,
            {d: v for d, v in support.items() if (latest - d).days <= settings.background_days},
        )
    if settings.anchor_undated and not support and reference is None and not shown:
        anchored = _anchor(articles, sentences, family_of, settings)
        if anchored is not None:
            day, named, evidence = anchored
            backers = [a.id for a in articles if a.id in named]
            leads = [t for a in articles if a.id in named for t in _lead(a, sentences, settings)]
            return Event(
                what=_what(articles, sentences, families, backers),
                where=_where([named[i] for i in backers], leads, entities),
                date=day,
                precision="day",
                evidence=evidence,
                sources=tuple(backers),
            )
    if not support:
        # undated, the where is still the leads' (one report of Kaesong's blast, no date)
        leads = [text for a in articles for text in _lead(a, sentences, settings)]
        return Event(
            what=_what(articles, sentences, families, ()), where=_where((), leads, entities)
        )

    def strength(day: dt.date) -> tuple[object, ...]:
        ids = support[day]
        return (len({family_of.get(i, i) for i in ids}), len(ids), -day.toordinal())

    day = max(support, key=strength)
    backers = [a.id for a in articles if a.id in support[day]]
    evidence = tuple(_explain(support[day][i][0], i, shown, own) for i in backers)
    dating = [support[day][i][1] for i in backers]
    article_of = {a.id: a for a in articles}
    leads = [text for i in backers for text in _lead(article_of[i], sentences, settings)]
    return Event(
        what=_what(articles, sentences, families, backers),
        where=_where(dating, leads, entities),
        date=day,
        precision="day",
        evidence=evidence,
        sources=tuple(backers),
    )


def off_topic(
    articles: Sequence[Article],
    entities: Sequence[Entity],
    settings: EventSettings = DEFAULT.event,
) -> frozenset[str]:
    """The reports that are not about the cluster's event: those naming no person,
    organisation or place another report names, where two or more reports do share one.
    Such a page is another story's teaser ("September 5, 2014: Maintaining strong
    relationships with customers ..."), a product page or an error page pasted into the
    cluster: its dates are no days of the event, and a relative date of the others read
    against them would be wrong."""
    need = settings.off_topic_sharing
    linked = {i for e in entities if len(set(e.sources)) >= need for i in e.sources}
    if len(linked) < need:
        return frozenset()  # no subject the reports share: nothing to be off
    return frozenset(a.id for a in articles if a.id not in linked)


def _lead(
    article: Article, sentences: Mapping[str, Sequence[Sentence]], settings: EventSettings
) -> list[str]:
    """The title and the opening sentences of ``article``: where it says when its news was."""
    lead = sentences.get(article.id, ())[: settings.lead_sentences]
    return [article.title or ""] + [s.text for s in lead]


def _week_before_picture(mention: DateMention) -> bool:
    """Whether ``mention``, read against the day of the picture its report shows, is the
    weekday after the picture's, a week back: the report may be of that day (a photo of the
    day before) or of the picture's day (that weekday a week back). Either is a guess."""
    return (
        mention.base is not None
        and mention.base - mention.date == _SIX_DAYS
        and dates.names_weekday(mention.text)
    )


def _anchor(
    articles: Sequence[Article],
    sentences: Mapping[str, Sequence[Sentence]],
    family_of: Mapping[str, int],
    settings: EventSettings,
) -> tuple[dt.date, dict[str, str], tuple[str, ...]] | None:
    """When no report is dated and none shows a picture's day: the day of the weekday the
    leads name ("protest against BP on Thursday"), if a date the reports give for what was
    planned falls on it ("pay was going to a non-binding shareholder vote on April 14": 2016's
    April 14 is a Thursday), or one written with that weekday's name ("Judge Kurt Engelhardt
    on Wednesday, April 27, 2016, approved a plea", in a caption the cleaner took out: a
    file photo's date never counts). Returns the day, the lead sentence naming the weekday by
    article, and the evidence; None unless two independent reports name the weekday most
    name.

    The date must be of the latest year the reports mention, and a date without a year is
    put in it: news looks back, so the story's year is the latest they mention (a year after
    a plan's cue, "due to be put forward again in 2017", does not count). Of several such
    dates on that weekday the latest is taken. A past day is no anchor: Lauren Bacall "died
    Aug. 12" and her will was "filed Friday", and 2011, the latest year one excerpt names,
    has a Friday Aug. 12.
    """
    named: dict[int, dict[str, str]] = defaultdict(dict)  # weekday -> article -> lead sentence
    for a in articles:
        for text in _lead(a, sentences, settings):
            for start, _, unit, value, _ in dates.partial_dates(text):
                if unit == "weekday" and not dates.indefinite(text, start):
                    named[value].setdefault(a.id, text)
    if not named:
        return None
    count = {
        w: len({family_of.get(i, -1 - n) for n, i in enumerate(ids)}) for w, ids in named.items()
    }
    ranked = sorted(count.values(), reverse=True)
    weekday = max(count, key=lambda w: count[w])
    if ranked[0] < 2 or (len(ranked) > 1 and ranked[1] == ranked[0]):
        return None
    texts = {
        a.id: [s.text for s in sentences.get(a.id, ())]
        + [r.text for r in a.removed_lines if r.reason == "photo caption"]
        for a in articles
    }
    years: dict[int, set[str]] = defaultdict(set)
    # (day, text of the mention, article id)
    absolute: list[tuple[dt.date, str, str]] = []
    undated: list[tuple[int, int, str, str]] = []  # (month, day, text, article id)
    for article_id, lines in texts.items():
        for text in lines:
            files = [hi for _, hi, kind in dates.picture_spans(text) if kind == "file"]
            for m in dates.mentions(text):
                if m.precision not in ("day", "month", "year") or any(m.start < hi for hi in files):
                    continue
                if not dates.planned(text, m.start):
                    years[m.until.year].add(article_id)
                if m.precision == "day" and (
                    dates.planned(text, m.start) or _spelt_weekday(text, m.start, weekday)
                ):
                    absolute.append((m.date, m.text, article_id))
            for start, _, unit, value, shown in dates.partial_dates(text):
                if unit == "monthday" and dates.planned(text, start):
                    undated.append((value // 100, value % 100, shown, article_id))
    if not years:
        return None
    year = max(years)
    found = [x for x in absolute if x[0].year == year and x[0].weekday() == weekday]
    for month, day_of_month, shown, article_id in undated:
        with contextlib.suppress(ValueError):  # February 29
            day = dt.date(year, month, day_of_month)
            if day.weekday() == weekday:
                found.append((day, shown, article_id))
    if not found:
        return None
    day, shown, anchor_id = max(found)
    name = day.strftime("%A")
    evidence = tuple(
        f"'{name}' in {i} -> {day.isoformat()} (no report is dated: the {name} of '{shown}'"
        f" in {anchor_id}, in {day.year}, a year the reports mention)"
        for i in named[weekday]
    )
    return day, named[weekday], evidence


def _spelt_weekday(text: str, start: int, weekday: int) -> bool:
    """Whether the date at ``start`` has ``weekday``'s name just before it ("on Wednesday,
    April 27, 2016")."""
    name = dt.date(2024, 1, 1 + weekday).strftime("%A")  # 2024-01-01 was a Monday
    return re.search(rf"\b{name},?\s+$", text[max(0, start - 12) : start]) is not None


def _shown(
    articles: Sequence[Article], sentences: Mapping[str, Sequence[Sentence]]
) -> tuple[dict[str, dt.date], set[str]]:
    """For reports without a date, when none is dated: the latest day each shows a picture
    or a post of (:func:`dates.shown_days`), the report being of that day or later; a report
    showing none takes the middle one of the others'. Their relative days ("found ... on
    Saturday") are read against it as against a publication date: a photo or post of the
    event is of its day or later (Lancaster: "— Leanne Suter (@abc7leanne) August 12, 2018"
    and "(Published Saturday, Aug. 11, 2018)" put "on Saturday" on 2018-08-11). Also returns
    the reports that show one themselves."""
    latest: dict[str, dt.date] = {}
    for a in articles:
        days = [d for s in sentences.get(a.id, ()) for d in dates.shown_days(s.text)]
        if days:
            latest[a.id] = max(days)
    if not latest:
        return latest, set()
    middle = sorted(latest.values())[len(latest) // 2]
    return {a.id: latest.get(a.id, middle) for a in articles}, set(latest)


def _explain(
    mention: DateMention, article_id: str, shown: Mapping[str, dt.date], own: set[str]
) -> str:
    """:func:`dates.explain`, saying so when the base was a picture's or a post's day."""
    if mention.base is None or mention.base != shown.get(article_id):
        return dates.explain(mention, article_id)
    whose = "it shows" if article_id in own else "the other reports show"
    return dates.explain(
        mention, article_id, base_is=f"the day of the latest picture or post {whose}"
    )


def _recent(day: dt.date, base: dt.date | None, settings: EventSettings) -> bool:
    if base is None:
        return True  # an absolute date with its year, and nothing to compare it with
    return base - dt.timedelta(days=settings.recent_days) <= day <= base + dt.timedelta(days=1)


def _what(
    articles: Sequence[Article],
    sentences: Mapping[str, Sequence[Sentence]],
    families: Sequence[Family],
    backers: Sequence[str],
) -> str | None:
    """The opening sentence of the largest family's first article that dates the event (the
    most-carried account of it), else of the largest family."""
    by_id = {a.id: a for a in articles}
    for family in sorted(families, key=lambda f: -len(f.members)):
        for member in family.members:
            if (not backers or member in backers) and sentences.get(member) and member in by_id:
                return sentences[member][0].text
    return None


def _where(dating: Sequence[str], leads: Sequence[str], entities: Sequence[Entity]) -> str | None:
    """Where the event happened: a place the dating sentences put it in ("in Vallejo", "in its
    border town of Kaesong"), else the one place they name most (a tie says nothing: "North
    Korea blew up an office set up to foster ties with South Korea"); failing both, the same
    two reads of the reports' leads.

    When the entities hold no place the sentences put the event in, a place they name by its
    kind ("in its border town of Kaesong": a town, though one report alone did not make
    Kaesong an entity) is taken, if they name one only.

    A name counts where it is written whole ("the two Koreas" does not name "Korea"), and a
    street or a building is not a where: "800 block of Humboldt Street" places the scene
    within the town, which is what a reader needs first.
    """
    places = [e for e in entities if e.type == "place" and not _detail(e.name)]
    patterns = [_named([e.name, *e.variants]) for e in places]
    # where each place is written in each sentence, but inside another's name ("Korea" of
    # "in South Korea" is South Korea's)
    spans: dict[str, list[list[tuple[int, int]]]] = {}
    for text in {*dating, *leads}:
        found = [[m.span() for m in named.finditer(text)] for named in patterns]
        every = [span for place in found for span in place]
        spans[text] = [
            [
                (a, b)
                for a, b in place
                if not any(c <= a and b <= d and (c, d) != (a, b) for c, d in every)
            ]
            for place in found
        ]
    for sentences, locative in ((dating, True), (dating, False), (leads, True), (leads, False)):
        scored: list[tuple[tuple[int, int, int], str]] = []
        for k, e in enumerate(places):
            hits = sum(1 for s in sentences if _names(spans[s][k], s, locative))
            if hits:
                scored.append(((hits, len(e.sources), -e.mentions), e.name))
        if not scored:
            kinds = _kind_of_places(sentences) if locative else []
            if len(set(kinds)) == 1:
                return kinds[0]  # "in its border town of Kaesong", the town no entity
            continue
        scored.sort(reverse=True)
        if locative:
            # among equals the less mentioned, the more specific: "Kaesong" over "North Korea"
            return scored[0][1]
        if len(scored) == 1 or scored[0][0][:2] != scored[1][0][:2]:
            return scored[0][1]
    return None


# "in Vallejo", "near north St. Louis", "in its border town of Kaesong", "at the city of X".
_LOCATIVE = re.compile(
    r"\b(?:in|at|near|outside|inside|throughout)\s+(?:(?:the|its|a|their)\s+)?"
    r"(?:(?:[\w-]+\s+)?(?:town|city|village|county|province|region|suburb|capital)\s+of\s+)?"
    r"(?:(?:north|south|east|west|northern|southern|eastern|western|downtown)\s+)?$",
    re.IGNORECASE,
)


# "in its border town of Kaesong", "in the North Korean border city of Kaesong", "near the
# Syrian capital of Damascus": the name after a place's kind, capitalised words.
_KIND_OF = re.compile(
    r"\b(?:in|at|near|outside|inside)\s+(?:the|its|a|their)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:town|city|village|county|province|region|suburb|capital)\s+of\s+"
    r"(?P<name>(?-i:[A-Z][\w'’-]+)(?:\s+(?-i:[A-Z][\w'’-]+)){0,2})",
    re.IGNORECASE,
)


def _kind_of_places(sentences: Sequence[str]) -> list[str]:
    """The places ``sentences`` name after their kind (:data:`_KIND_OF`), in order."""
    return [m["name"] for s in sentences for m in _KIND_OF.finditer(s)]


def _names(found: Sequence[tuple[int, int]], sentence: str, locative: bool) -> bool:
    """Whether one of the spans ``found`` of a place's name in ``sentence`` is there, after a
    locative ("in", "near the town of") if ``locative``."""
    for start, _ in found:
        if not locative or _LOCATIVE.search(sentence, max(0, start - _LOCATIVE_REACH), start):
            return True
    return False


_LOCATIVE_REACH = 40  # characters: "near the northern suburb of " and more


# The last word of the name of a street ("Humboldt Street", "West Florissant Avenue") or of a
# building or grounds ("Steinbeck Elementary School", "Lake Shore Apartments"): the scene
# within a town, a detail of the where.
_DETAIL_WORDS = frozenset(
    """street st avenue ave road rd drive dr boulevard blvd lane ln way court ct place pl
    highway hwy parkway pkwy terrace circle trail alley block freeway expressway
    school apartments park mall hospital center centre church hotel motel restaurant station
    complex""".split()
)


def _detail(name: str) -> bool:
    return name.rstrip(".").rsplit(None, 1)[-1].lower() in _DETAIL_WORDS


def _named(spellings: Sequence[str]) -> re.Pattern[str]:
    """Matches any of ``spellings`` as whole words, however spaced or hyphenated."""
    return _named_pattern(tuple(spellings))  # (a brief compiled one per place: cached)


# (a brief's places are mostly the last brief's and the next one's: "North Korea", a town)
@functools.lru_cache(maxsize=1 << 12)
def _named_pattern(spellings: tuple[str, ...]) -> re.Pattern[str]:
    forms = [r"[\s\-‐‑]+".join(map(re.escape, s.split())) for s in spellings if s.split()]
    return re.compile(r"(?<!\w)(?:{})(?!\w)".format("|".join(forms)), re.IGNORECASE)
