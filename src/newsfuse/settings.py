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
    # Disagreeing values conflict when the words next to them (their clause, this many words
    # either side, with the counted noun) are this similar and share this many stems.
    conflict_window: int = 12
    conflict_similarity: float = 0.25
    conflict_shared_stems: int = 2
    # Rival reports of one figure are near each other (8 vs 10, 12 vs 14, 72 vs 73); a figure
    # more than this many times another is another quantity, not a disagreement.
    conflict_max_ratio: float = 2.0
    conflict_max_days: int = 7  # rival days of one thing; months must be neighbours
    event_time_terms: int = 2  # event words a sentence needs for its clock time to be the event's
    restate_coverage: float = 0.7  # share of a sentence's words another must hold to restate it
    restate_min_stems: int = 5
    # An article stating a fact's exact value with this much of its nearby words is a source
    # of the fact even when its claim was grouped elsewhere.
    same_value_overlap: float = 0.0
    same_value_min_count: int = 4  # smaller counts ("two women") also need a word in common
    same_day_overlap: float = 0.1
    max_facts: int = 60  # in the brief's JSON; the Markdown shows the first few
    # Facts whose "about" comes from spaCy's parse (~4 ms a sentence); later ones get the
    # words their sources share, so a long cluster stays cheap.
    parsed_facts: int = 8
    # Claims grouped into facts at most (pairs are compared): beyond it, those of the
    # articles' earliest sentences. A Multi-News or DUC cluster has 100-400.
    max_claims: int = 800
    lead_sentences: int = 3  # sentences per article whose words describe the event


@dataclass(frozen=True)
class TimelineSettings:
    """How dated sentences become timeline entries."""

    max_entries: int = 15  # in a brief; the benchmark asks for as many dates as the gold has
    same_report: float = 0.4  # overlap at which two sentences report the same thing
    distinct: float = 0.5  # a second entry for a date must overlap the first less than this
    min_words: int = 6  # shorter sentences are captions and fragments, not reports


@dataclass(frozen=True)
class Settings:
    """The whole tree: ``Settings()`` is the default newsfuse runs with."""

    summary: SummarySettings = field(default_factory=SummarySettings)
    facts: FactSettings = field(default_factory=FactSettings)
    timeline: TimelineSettings = field(default_factory=TimelineSettings)


DEFAULT = Settings()
