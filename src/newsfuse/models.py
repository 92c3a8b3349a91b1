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
    """Articles that derive from one text (wire copies, near-duplicates, light rewrites).

    A family is one independent witness: the number of families, not of articles, is the
    number of independent sources.
    """

    id: int = Field(description="1-based, in order of the families' earliest article")
    members: tuple[str, ...]


class SummarySentence(_Frozen):
    text: str
    sources: tuple[str, ...] = Field(
        description="every article that states this content, not only the one it was taken from"
    )


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
    summary: tuple[SummarySentence, ...] = ()
    articles: tuple[ArticleReport, ...] = ()
    families: tuple[Family, ...] = ()
    independent_sources: int = 0
    skipped: tuple[Skipped, ...] = ()
    notes: tuple[str, ...] = Field(default=(), description="what the brief could not determine")

    def to_json(self, indent: int | None = 2) -> str:
        return self.model_dump_json(indent=indent)

    def to_markdown(self) -> str:
        from newsfuse.render import to_markdown

        return to_markdown(self)

    def to_html(self) -> str:
        from newsfuse.render import to_html

        return to_html(self)


class Articles(list[Article]):
    """A list of articles that also carries the inputs that could not be read.

    :func:`newsfuse.read` returns one, and :func:`newsfuse.fuse` reports its ``skipped`` in the
    brief, so an unreadable file given to ``read`` still shows up in the final brief.
    """

    def __init__(self, items: Iterable[Article] = (), skipped: Iterable[Skipped] = ()) -> None:
        super().__init__(items)
        self.skipped: list[Skipped] = list(skipped)
