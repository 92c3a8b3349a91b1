"""The plain data that flows between the pipeline stages.

Every stage takes and returns these types; none keeps state of its own. Models are frozen:
a stage that changes an article returns a copy (``article.model_copy(update=...)``), so what
an earlier stage produced can always be inspected as it was.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class Skipped(_Frozen):
    """An input that could not be used, and why. Nothing is dropped without one of these."""

    input: str = Field(description="file path, 'path:line' for a JSONL line, or an article id")
    reason: str = Field(description="one line a user can act on")


class RemovedLine(_Frozen):
    """A line taken out of an article's text by the cleaner, kept so removal can be audited."""

    text: str
    reason: str = Field(description="which rule removed it, e.g. 'page chrome', 'duplicate line'")


DateSource = Literal["metadata", "text"]


class Article(_Frozen):
    """One news report.

    ``text`` is the text as read; ``clean_text`` is filled by :func:`newsfuse.clean.clean`
    and is what every later stage reads.
    """

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = Field(default=None, description="outlet name, e.g. 'Reuters'")
    published: dt.date | None = None
    published_from: DateSource | None = Field(
        default=None, description="where the publication date was found"
    )
    origin: str | None = Field(default=None, description="the file (and line) it was read from")
    clean_text: str | None = None
    removed_lines: tuple[RemovedLine, ...] = ()
    language: str | None = None

    @property
    def body(self) -> str:
        """The text later stages should read: the cleaned text once cleaning has run."""
        return self.clean_text if self.clean_text is not None else self.text


class Sentence(_Frozen):
    """A sentence of an article's clean text, with its character span in that text."""

    article_id: str
    index: int = Field(description="position of the sentence in its article, from 0")
    text: str
    start: int
    end: int


class Family(_Frozen):
    """Articles that count as one witness: copies of one text (wire copies, near-duplicates,
    light rewrites) and articles of one outlet.

    A family is one independent witness: the number of families, not of articles, is the
    number of independent sources.
    """

    id: int = Field(description="1-based, in order of the families' earliest article")
    members: tuple[str, ...]
    why: tuple[str, ...] = Field(
        default=(),
        description="for each member after the first, why it counts with the others, e.g. "
        "'004: copies 002 (61% of 5-grams shared)' or '007: same outlet as 002 (Reuters, from "
        "its dateline credit)'",
    )
    retold: tuple[str, ...] = Field(
        default=(),
        description="the members that copy or retell another member's text, and the texts they "
        "copy (the others count with the family only as reports of the same outlet)",
    )
    quoting: tuple[tuple[str, str], ...] = Field(
        default=(),
        description="(member, article of another family) pairs: the member quotes that article "
        "at length and writes the rest itself, so a fact it states only in the words it quotes "
        "counts the two once, and its other facts on their own",
    )


class Evidence(_Frozen):
    """The sentence of one cited article that a summary sentence stands on."""

    article_id: str
    index: int = Field(description="the sentence's position in the article (Sentence.index)")
    text: str


class SummarySentence(_Frozen):
    text: str
    sources: tuple[str, ...] = Field(
        description="every article that states this content, not only the one it was taken from"
    )
    evidence: tuple[Evidence, ...] = Field(
        default=(), description="per source, in the same order, the sentence it stands on"
    )


class Summary(list[SummarySentence]):
    """The summary's sentences, and why there are none when nothing could be summarised
    (e.g. "the word budget 3 is too small for any sentence (shortest candidate: 8 words)")."""

    def __init__(self, items: Iterable[SummarySentence] = (), note: str | None = None) -> None:
        super().__init__(items)
        self.note = note


DatePrecision = Literal["day", "weekend", "week", "month", "year", "decade"]
BaseFrom = Literal["publication", "event", "cluster"]


class DateMention(_Frozen):
    """A date as written in a sentence, resolved to the days it covers.

    "on Tuesday" in an article published on 2020-06-17 is ``date=until=2020-06-16`` with
    ``precision="day"``, ``base=2020-06-17`` and ``base_from="publication"``; "in 2018" covers
    2018-01-01 to 2018-12-31 with ``precision="year"`` and no base (it needed none).
    """

    text: str = Field(description="the words as written, e.g. 'on Tuesday'")
    start: int = Field(description="character offset in the sentence")
    end: int
    date: dt.date = Field(description="first day covered")
    until: dt.date = Field(description="last day covered (inclusive)")
    precision: DatePrecision
    base: dt.date | None = Field(
        default=None, description="the date a relative mention was resolved against"
    )
    base_from: BaseFrom | None = None

    @property
    def relative(self) -> bool:
        return self.base is not None


class Event(_Frozen):
    """What happened, where and when, inferred across the articles."""

    what: str | None = None
    where: str | None = None
    date: dt.date | None = None
    precision: DatePrecision | None = None
    evidence: tuple[str, ...] = Field(
        default=(), description="how the date was found, one line per article that dates it"
    )
    sources: tuple[str, ...] = Field(default=(), description="articles that date the event so")


FactStatus = Literal["corroborated", "single-source", "conflict"]
FactKind = Literal[
    "date",
    "time",
    "money",
    "percent",
    "count",
    "ordinal",
    "frequency",
    "quote",
    "name",
    "statement",
]


class StatedValue(_Frozen):
    """One wording of a fact's value and the articles that give it ("2018": 000, 002)."""

    value: str
    sources: tuple[str, ...]


class Fact(_Frozen):
    """A checkable statement and every article that makes it, in its own words or others'."""

    about: str = Field(description="what the value is about, e.g. 'renovate the building'")
    kind: FactKind
    value: str = Field(
        description="the normalised value, e.g. 'KRW 9.78 billion = USD 8.6 million'"
    )
    text: str = Field(description="the wording of one source, the clearest")
    sources: tuple[str, ...]
    independent_sources: int = Field(description="families among the sources")
    status: FactStatus
    stated: tuple[StatedValue, ...] = Field(
        default=(),
        description="when sources give the value at different precision ('2018' / 'September "
        "2018'), each wording with the articles that give it, most precise first",
    )


class ConflictValue(_Frozen):
    value: str
    text: str
    sources: tuple[str, ...]
    attributed_to: str | None = Field(default=None, description="whom the articles cite for it")


class Conflict(_Frozen):
    """Incompatible values for one thing, side by side, each with who says it."""

    about: str
    values: tuple[ConflictValue, ...]


class TimelineEntry(_Frozen):
    date: dt.date
    until: dt.date | None = Field(default=None, description="last day, for a span")
    precision: DatePrecision
    what: str = Field(description="a source sentence that reports it")
    sources: tuple[str, ...]
    resolution: tuple[str, ...] = Field(
        default=(),
        description="how each relative date was resolved, e.g. \"'Tuesday' in 001 -> ...\"",
    )
    background: bool = Field(
        default=False,
        description="a date the reports mention as background (the start of a state, or well "
        "before the story's first report), not a day of the story",
    )


EntityType = Literal["person", "organisation", "place", "other"]


class Entity(_Frozen):
    """A person, organisation or place, with the spellings merged into it."""

    name: str = Field(description="the most used full spelling")
    type: EntityType
    variants: tuple[str, ...] = Field(default=(), description="other spellings merged into it")
    sources: tuple[str, ...]
    independent_sources: int
    mentions: int


class Quote(_Frozen):
    """What someone said, matched across the articles that carry it (translations included)."""

    speaker: str | None = None
    text: str = Field(description="the wording of the article that carries it most fully")
    variants: tuple[str, ...] = Field(default=(), description="other wordings of the same quote")
    sources: tuple[str, ...]
    independent_sources: int


class ArticleReport(_Frozen):
    """What the brief says about one input article."""

    id: str
    title: str | None = None
    source: str | None = None
    published: dt.date | None = None
    family: int
    words: int = Field(description="words of clean text")
    removed_lines: tuple[RemovedLine, ...] = ()


class Brief(_Frozen):
    """The fused account of one event. Render it with ``to_markdown``, ``to_html`` or ``to_json``."""

    title: str | None = None
    words: int = Field(description="the word budget the summary was made for")
    event: Event | None = None
    summary: tuple[SummarySentence, ...] = ()
    summary_note: str | None = Field(
        default=None,
        description="why the summary is empty (a budget too small for any sentence, no "
        "sentence that stands alone); None when it has sentences",
    )
    facts: tuple[Fact, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    articles: tuple[ArticleReport, ...] = ()
    families: tuple[Family, ...] = ()
    independent_sources: int = 0
    skipped: tuple[Skipped, ...] = ()
    notes: tuple[str, ...] = Field(default=(), description="what the brief could not determine")

    def to_json(self, indent: int | None = 2) -> str:
        return self.model_dump_json(indent=indent)

    # The renderers live in newsfuse.render (which imports this module), so these helpers
    # import it when called: models stays importable without the rendering stack.
    def to_markdown(self) -> str:
        from newsfuse.render import render

        return render(self, "markdown")

    def to_html(self) -> str:
        from newsfuse.render import render

        return render(self, "html")


class Articles(list[Article]):
    """A list of articles that also carries the inputs that could not be read.

    :func:`newsfuse.read` returns one, and :func:`newsfuse.fuse` reports its ``skipped`` in the
    brief, so an unreadable file given to ``read`` still shows up in the final brief.
    ``warnings`` has one line for each input that was read, but not quite as given (an id
    renamed because another article had it, a ``published`` value that is not a date).
    """

    def __init__(
        self,
        items: Iterable[Article] = (),
        skipped: Iterable[Skipped] = (),
        warnings: Iterable[str] = (),
    ) -> None:
        super().__init__(items)
        self.skipped: list[Skipped] = list(skipped)
        self.warnings: list[str] = list(warnings)


# --- the store: what ``Store.add`` did and what ``Store.events`` lists ---------------------

AddStatus = Literal["new", "duplicate", "skipped"]


class AddedArticle(_Frozen):
    """What :meth:`newsfuse.Store.add` did with one input article."""

    input: str = Field(description="where it came from: a file (and line), a URL")
    id: str | None = Field(
        default=None, description="its id in the store (for a duplicate: the one it duplicates)"
    )
    status: AddStatus
    event_id: str | None = None
    new_event: bool = Field(default=False, description="the article opened a new event")
    reason: str | None = Field(default=None, description="why it was a duplicate or skipped")


class AddReport(_Frozen):
    """Per input article: new, duplicate or skipped, and the event it went to."""

    articles: tuple[AddedArticle, ...] = ()
    refreshed: tuple[str, ...] = Field(default=(), description="events whose brief was recomputed")
    warnings: tuple[str, ...] = Field(
        default=(), description="inputs read with a change, as Articles.warnings has them"
    )

    def count(self, status: AddStatus) -> int:
        return sum(a.status == status for a in self.articles)

    @property
    def new_events(self) -> tuple[str, ...]:
        return tuple(a.event_id for a in self.articles if a.new_event and a.event_id)


class EventSummary(_Frozen):
    """One event of the store, as ``newsfuse events`` lists it."""

    id: str
    title: str | None = None
    date: dt.date | None = None
    where: str | None = None
    articles: tuple[str, ...] = Field(default=(), description="article ids, in the order added")
    independent_sources: int | None = Field(default=None, description="None until briefed")
    conflicts: int | None = None
    updated: dt.datetime
