"""Every knob of newsfuse, declared once.

One frozen tree, passed down from :func:`newsfuse.fuse` (and later the store and the web app)
to each stage, which reads only its own section. Nothing in a stage module is a tunable
constant of its own: a value that changes what newsfuse outputs lives here, with a comment
saying why it has the value it has.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class SummarySettings:
    """Knobs of the method. One set of values serves every data set; only the budget varies.

    Values were chosen on DUC 2004 and Multi-News together; a value is kept only when it does not
    hurt either.
    """

    min_words: int = 8  # shorter sentences are fragments, captions or datelines
    max_words: int = 55  # longer ones are run-ons that eat the budget
    position_bonus: float = 2.0  # extra weight of a concept met in an article's first sentence
    position_decay: float = 3.0  # sentences over which that bonus halves
    repeat_bonus: float = 1.0  # extra weight per log(distinct sentences of a family stating it)
    max_overlap: float = 0.5  # two chosen sentences must share less than this of their content
    min_sources_share: float = 0.3  # a concept must be in this share of families (at most 3)
    skip_dangling: bool = True  # skip sentences opening on a word that points elsewhere
    support_coverage: float = 0.7  # share of a sentence's content an article must state to be cited
    # The program only sees the candidates densest in concept weight, as many as fill this
    # many times the budget (at least pool_min_words): solving over every sentence cost 3-5x
    # the time for no measurable gain on DUC 2004 or Multi-News.
    pool_budgets: float = 2.5
    pool_min_words: int = 600
    solver_seconds: float = 2.0  # the program is solved in ~0.1 s; this only bounds a bad case


@dataclass(frozen=True)
class FactSettings:
    """How claims are grouped into facts and when two facts conflict."""

    merge_similarity: float = 0.3  # context similarity for agreeing values to be one fact
    merge_distinctive: float = 0.12  # ... when few sentences state that value
    conflict_similarity: float = 0.6  # context similarity for disagreeing values to conflict
    conflict_shared_stems: int = 4
    event_time_terms: int = 2  # event words a sentence needs for its clock time to be the event's
    restate_coverage: float = 0.7  # share of a sentence's words another must hold to restate it
    restate_min_stems: int = 5
    max_facts: int = 40
    lead_sentences: int = 3  # sentences per article whose words describe the event


@dataclass(frozen=True)
class TimelineSettings:
    """How dated sentences become timeline entries."""

    max_entries: int = 15  # in a brief; the benchmark asks for as many dates as the gold has
    same_report: float = 0.4  # overlap at which two sentences report the same thing
    distinct: float = 0.5  # a second entry for a date must overlap the first less than this
    min_words: int = 6  # shorter sentences are captions and fragments, not reports


@dataclass(frozen=True)
class CleanSettings:
    """How much of one article is read."""

    # No news report is near this (long features run 5,000-10,000 words); past it an input is
    # a dump or a transcript, and every later stage would spend its time there: the rest is
    # not read, and the brief's removed_lines says how much was left.
    max_words: int = 20_000


@dataclass(frozen=True)
class RenderSettings:
    """How many items each section of the Markdown and HTML brief shows; 0 shows all.

    A brief of hundreds of reports holds hundreds of facts, names and sources: a reader wants
    the first screenfuls, ranked, with the count of the rest. The JSON brief keeps everything.
    """

    max_facts: int = 20  # facts are ranked by independent sources: the rest are single-source
    max_quotes: int = 10
    max_entities: int = 10  # per kind (people, organisations, places, other)
    max_timeline: int = 15
    max_resolutions: int = 10  # "Relative dates, as resolved" lines under the timeline
    max_sources: int = 50  # rows of the sources table
    max_skipped: int = 50


@dataclass(frozen=True)
class Settings:
    """The whole tree: ``Settings()`` is the default newsfuse runs with."""

    clean: CleanSettings = field(default_factory=CleanSettings)
    summary: SummarySettings = field(default_factory=SummarySettings)
    facts: FactSettings = field(default_factory=FactSettings)
    timeline: TimelineSettings = field(default_factory=TimelineSettings)
    render: RenderSettings = field(default_factory=RenderSettings)


DEFAULT = Settings()
