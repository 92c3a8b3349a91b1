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
    min_sources_share: float = 0.2  # a concept must be in this share of families (at most 3)
    skip_dangling: bool = True  # skip sentences opening on a word that points elsewhere
    skip_asides: bool = True  # ... and asides in brackets, photo credits, phone numbers
    support_coverage: float = 0.7  # share of a sentence's content an article must state to be cited
    # ... or, in other words, in one sentence or two adjacent ones: every figure and day of it,
    # this share of its names, one of its main verbs (not "be", "have") with its subject's and
    # object's nouns, this share of its content words weighted by rarity in the story (verbs
    # in any form), and at least paraphrase_floor of them unweighted.
    paraphrase_names: float = 0.6
    paraphrase_coverage: float = 0.35
    paraphrase_floor: float = 0.35
    paraphrase_windows: int = 4  # windows of an article tried, most content words first
    # The program only sees the candidates densest in concept weight, as many as fill this
    # many times the budget (at least pool_min_words): solving over every sentence cost 3-5x
    # the time for no measurable gain on DUC 2004 or Multi-News.
    pool_budgets: float = 2.5
    pool_min_words: int = 600
    # A selection filling less than this share of the budget is tried again on a pool where
    # a concept's weight counts pool_repeat times less for each pool sentence holding it: a
    # big story's densest sentences can all restate its commonest concept. (As the first
    # pool it costs DUC 2004 0.1-0.3 R1 and Multi-News 0.1-0.2 R2.)
    pool_min_fill: float = 0.8
    pool_repeat: float = 0.5
    solver_seconds: float = 2.0  # the program is solved in ~0.1 s; this only bounds a bad case
    # Two sentences dating something to one day (or giving one figure) and sharing this share
    # of the smaller one's content words are two accounts of one happening: one is chosen.
    same_anchor_overlap: float = 0.25
    compress: bool = True  # offer shortened versions of pool sentences (attributions out, ...)
    lead_sentences: int = 2  # an article's first sentences, where it says what happened
    parse_max: int = 16  # sentences parsed for shortening (leads first): parsing is the cost
    lead_pool: int = 6  # best-carried openings considered (and parsed) for the first sentence
    # The first sentence takes at most this share of the budget (at least lead_min_room
    # words), in the longest version of the lead that fits: a short budget gets the event
    # shortened, a long one the lead whole.
    lead_share: float = 0.25
    lead_min_room: int = 20
    lead_max_share: float = 0.33  # ... but the best-carried lead may take up to this share
    # An article with this many spacing faults per sentence (a word apart from its comma, two
    # spaces in a line: pasted from a machine translator) is garbled: a sentence of it costs
    # this share of the concept weight it carries, so a fluent one saying the same wins. No
    # article of DUC 2004 or Multi-News reaches it (their worst: 0.19).
    garbled_share: float = 0.25
    garbled_cost: float = 0.5


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
    same_calendar_day_overlap: float = 0.0  # "Feb. 13" / "13 February": any word in common
    # ... and with this much when the value could be said of more things: the same figure
    # of another counted noun ("12 charges" / "12 counts"), a month or a year.
    same_value_other_noun: float = 0.3
    # A report is about the person it names most, by a full name (one word is often a firm
    # the name finder took for a person), in this many of its sentences at least: an age it
    # gives without a name is that person's (facts._Owners).
    owner_min_sentences: int = 2
    max_facts: int = 60  # in the brief's JSON; the Markdown shows the first few
    # Facts whose "about" is read off spaCy's parse (~2 ms a clause): as many as the Markdown
    # and the web page show (RenderSettings.max_facts); the rest, in the JSON only, get the
    # words around their value.
    parsed_facts: int = 20
    # Claims grouped into facts at most (pairs are compared): beyond it, those of the
    # articles' earliest sentences. A Multi-News or DUC cluster has 100-400.
    max_claims: int = 800
    lead_sentences: int = 3  # sentences per article whose words describe the event
    # Who-is-who facts ("U.S. District Judge = Kurt Engelhardt") at most, for the people and
    # organisations named by two independent sources with a role beside them.
    max_role_facts: int = 8
    # Names two independent sources write (a journal, a hospital, a place) as facts of their
    # own, at most this many; a name in more than this share of the sentences is a main actor
    # of the story, not a fact; shorter names ("U.S.") are not facts.
    max_name_facts: int = 20
    # In a cluster of at most this many families, what one family's reports write alike
    # (statements, names, who is who) are facts too, of one source; read from the family's
    # first sentences, at most this many of them (its reports' openings).
    family_facts_families: int = 2
    family_facts_sentences: int = 60
    name_max_share: float = 0.25
    name_min_chars: int = 4
    # Causes and places of death (fusion/deaths.py): "died at her Manhattan home after
    # suffering a stroke". The phrase's preposition within this many other words of the verb,
    # and at most this many words of its noun phrase.
    death_gap_words: int = 4
    death_phrase_words: int = 3
    # Rival spellings of a full name (fusion.names): runs of up to this many capitalised
    # words, the differing word this long at least in both (shorter: an initial).
    name_max_words: int = 4
    name_min_letters: int = 3
    # Rivals without a figure (fusion.rivals): "he lived in Ontario" is about the last person
    # named up to this many sentences before; an unattributed quote this many sentences after
    # an attributed one is that speaker's (quotes run on); two surnames this alike
    # (normalised Levenshtein similarity) are one spelling, not rival names.
    rival_look_back: int = 3
    rival_run_on: int = 2
    rival_spelling: float = 0.7
    # Statements (fusion.statements): sentences of other families holding this share (by
    # weight, of the lighter one) of a sentence's words, with this many words in common, state
    # it too; sentences of so many content words; at most this many statements, from at most
    # this many sentences (a long story's: their articles' first ones).
    statement_similarity: float = 0.5
    statement_shared_stems: int = 4
    statement_shared_plain: int = 2  # ... of them written in lower case (not names only)
    statement_min_stems: int = 5
    # A shorter clause ("He had a seizure and died on the way to hospital") may confirm a
    # statement, never seed one: of so many content words, this many shared with the seed.
    statement_member_min_stems: int = 3
    statement_short_shared_stems: int = 3
    statement_short_similarity: float = 0.65  # ... holding this share of its weight
    statement_max_stems: int = 40
    # A clause this close to a statement's seed states it too when the members together
    # hold statement_similarity of it (one member says one half, another the other).
    statement_close_similarity: float = 0.3
    max_statement_facts: int = 30
    statement_max_sentences: int = 1500
    statement_about_words: int = 10  # words of a statement's "about" (those others share)
    # A phrase two families write alike ("attacked using VX nerve agent" / "VX nerve agent was
    # used to kill"), though the rest of their clauses differs: this many stems written
    # together in both, with at most statement_phrase_gap other content words among them, this
    # many of them in lower case (statement_shared_plain will do for a phrase of
    # statement_phrase_stems + 1 stems: "half brother of Kim Jong-un").
    statement_phrase_stems: int = 3
    statement_phrase_plain: int = 3
    statement_phrase_gap: int = 2


@dataclass(frozen=True)
class TimelineSettings:
    """How dated sentences become timeline entries."""

    max_entries: int = 15  # in a brief; the benchmark asks for as many dates as the gold has
    same_report: float = 0.4  # overlap at which two sentences report the same thing
    # On one date, sentences overlapping this much tell one happening (one entry, all their
    # sources): lower than same_report, since sharing the day is evidence already.
    same_happening: float = 0.25
    min_words: int = 6  # shorter sentences are captions and fragments, not reports
    # A date ending this many days before the story's first report (or the event) is
    # background, not a day of the story.
    background_days: int = 30
    lead_sentences: int = 2  # opening sentences dated by their report's publication
    # A report published this many days after a date it names looks back on it (a retrospective
    # mention, counted again when days are ranked), where the day's own reports and the next
    # days' follow it as it unfolds.
    remembered_days: int = 7
    # Pairs of candidates up to which their overlaps are summed in Python, not by a sparse
    # product (whose fixed cost is more for a few): the same numbers either way.
    dense_pairs: int = 100


@dataclass(frozen=True)
class FetchSettings:
    """How URLs and feeds are fetched (``newsfuse add https://...``)."""

    timeout: float = 20.0  # seconds per connect / read; a news page answers in well under that
    # Largest response body accepted, counted while it streams in: a news page with its markup
    # is rarely 2 MB, so 10 MB refuses only dumps, videos and runaway responses.
    max_bytes: int = 10_000_000
    max_redirects: int = 5  # more than this is a loop or a tracking chain, not a moved page
    user_agent: str = "newsfuse/0.1 (+https://pypi.org/project/newsfuse/)"
    # A feed item whose own content has at least this many words is the article itself
    # (content:encoded carries full text on many sites); shorter is a teaser: fetch its link.
    feed_full_text_words: int = 150
    max_feed_items: int = 200  # a feed is the latest items; more is an archive dump
    # Whether a URL (or a redirect) may lead to a private, loopback, link-local or otherwise
    # non-public address. The CLI fetches what its own user asks for, a local server included;
    # the web app fetches for whoever can reach it, so it turns this off (no server-side
    # request forgery) unless started with --allow-private.
    allow_private: bool = True


@dataclass(frozen=True)
class StoreSettings:
    """How the store writes and keeps briefs current."""

    # Articles written per transaction: each commits its articles with their event
    # assignments, so a crash loses at most this many, which a re-run then adds.
    batch_size: int = 50
    brief_words: int = 120  # the summary budget of the briefs the store keeps
    # A brief reads at most this many of its event's articles, the latest added: fuse is
    # made for the reports of one event (tens), and a story followed for months (hundreds
    # of articles) would take minutes per refresh. The brief's notes say when it was capped.
    brief_max_articles: int = 100
    busy_timeout: float = 120.0  # seconds a second SQLite writer waits for the first
    # Worker processes for the CPU-bound work that is independent per item: cleaning and
    # grouping features per article, one fuse per dirty event (0: one per CPU, at most 4).
    # Grouping itself and writing stay in order in the calling process. Default 1 (none):
    # on the shared 2-core test machine (load 4-6) two spawned workers made add 2x slower
    # (54 vs 109 articles/s) and briefs 2.6x slower (0.24 vs 0.09 s per event); they can pay
    # only where cores are idle.
    workers: int = 1
    # Below these sizes, starting workers (a fresh interpreter each) costs more than it saves.
    parallel_articles_from: int = 300
    parallel_briefs_from: int = 40
    # The grouper's state is saved at the end of an add once this many articles (and a quarter
    # of the store: saving costs in proportion to the store, so this keeps it a flat share of
    # each article's cost) came since it was last saved. A process opening the store loads it
    # and replays the articles after it: 0.2 s instead of 1.2 s for 5,223 articles. 0: never.
    grouping_state_every: int = 1000
    # At the end of each add, the grouper's two later passes (merge small events, then split
    # events holding two stories: GroupingSettings.second_pass, split_ratio) run over the
    # events that add touched, and the articles they move change event in the store (an
    # emptied event's id then redirects to where its articles went). Simulated in ingest's
    # order on every set: B-cubed DUC 0.815 -> 0.840, Multi-News 0.919 -> 0.946, ECB+ 0.889
    # -> 0.894, GVA 0.940 = 0.940 (per 50-article batch instead it lowered every set). False:
    # the store keeps add()'s single pass, as before.
    settle: bool = True


@dataclass(frozen=True)
class GroupingSettings:
    """How a stream of articles is grouped into events (:mod:`newsfuse.events`).

    One set of values serves every kind of stream; they were chosen on ECB+, the Gun Violence
    Archive stream, DUC 2004 and Multi-News together (``benchmarks/events.py``), keeping a
    value only when it did not cost one set much for another's gain.
    """

    # An article joins the best-scoring event when the score (cosine to the event's centroid,
    # times the date agreement) reaches this; otherwise it opens a new event. Lower merges
    # the developing stories of DUC 2004 better and the sister events of ECB+ worse.
    threshold: float = 0.22
    # Names (capitalised words and runs) and numbers tell two events of one kind apart
    # ("a shooting in Hawthorne" vs "a shooting in Compton"): their weight is multiplied.
    name_boost: float = 2.0
    number_boost: float = 1.5
    # IDF with a prior: prior_docs pseudo-documents in which each word occurs as often as in
    # general English (wordfreq), in reports of prior_words words. Early in a stream every
    # term is rare; the prior keeps "earthquake" below "Qeshm" until the stream knows better,
    # which brings the stream within 0.01 of the same method given the whole set's IDF
    # (3,000 left ECB+ 0.015 apart; 6,000 brings every set within 0.007 for 0.001-0.003 F1).
    prior_docs: float = 6000.0
    prior_words: float = 300.0
    # An article is represented by its this many heaviest terms (0: all): scoring then costs
    # the same for any length, at no loss on the benchmark sets.
    max_terms: int = 100
    # Date agreement: full within date_window days of the event's articles, then halving
    # every date_half_life days (events develop over weeks; follow-ups months later can still
    # match on strong text). Agreeing dates are evidence too: x (1 + date_bonus).
    date_window: float = 3.0
    date_half_life: float = 14.0
    date_bonus: float = 0.25
    # The story's names: when the article and the event share a multi-word name that no other
    # event holds (a victim's, a street's), the dates cost the match at most down to
    # story_floor: an arrest or a trial months after a shooting joins it when the text agrees
    # well (cosine >= threshold / story_floor), while a name the stream has seen in several
    # events (a town, a police department) leaves the dates their full weight. 0: off.
    story_floor: float = 0.6
    # ... when they share story_names such names, or one that is a person's (its first word is
    # the first name of story_given people the stream gave an age for, see person_floor), or
    # one name alone and the article is at most story_days from the event's nearest day. One
    # place or institution met in one event so far ("East Flatbush", "Hennepin County Medical
    # Center", a station's name) joined another shooting there months later: GVA 20 of the
    # floor's 117 joins were wrong, 17 of them on one name, 15 of those over 60 days away.
    story_names: int = 2
    story_given: int = 1
    story_days: float = 60.0
    # The second pass (EventGrouper.merge_small_events, run by group() after the stream and by
    # the store at the end of each add over the events it touched): an event of at most
    # second_pass_size articles moves into the
    # event whose members its own resemble on average this much (the mean cosine between the
    # two events' members, times the agreement of their nearest days). The mean, unlike the
    # centroid's cosine, is low for a loose event, so the pass does not chain. 0: off.
    second_pass: float = 0.12
    second_pass_size: int = 3
    # The pass's date agreement halves every this many days past date_window (add() uses
    # date_half_life): a mean cosine this low is weak evidence, and two shootings in one town
    # a fortnight apart resemble each other as much (GVA: 57 of the 67 lone reports it would
    # move to an event more than 3 days away belong to another incident).
    second_pass_half_life: float = 3.0
    # ... except into an event of at least second_pass_story_size articles: a developing story
    # whose reports run for weeks (DUC: a background report 9-18 days before or after its
    # cluster's reports), where the pass's dates decay as add()'s do (date_half_life). GVA's
    # incidents are mostly 1-3 reports; of its lone reports near an event of 6 or more, the
    # one this moves is its own incident's. 0: off.
    second_pass_story_size: int = 6
    # Victims' and suspects' names (extract.persons: a name the report gives an age for, "Tyrone
    # Tomman, 40,"): when one side (an article in add(), or an event in the second pass) names a
    # person the other gives an age for, and at most person_events events hold that name, their
    # dates are taken to agree at least this much (1: the dates then neither help nor cost).
    # An arrest or a trial months after a shooting names its victim; a spokesman, a street or
    # a town comes without an age. GVA: 23 of the 29 moves of events sharing such a person in
    # the second pass join one incident. 0: off.
    person_floor: float = 1.0
    person_events: int = 2
    # The split (EventGrouper.split_events, run by group() after the second pass, and by the
    # store after its own): an event of at least 2 x split_min_size articles is cut in two along
    # the Fiedler vector of its members' cosine graph, and the cut is kept when the mean cosine
    # across it is below split_ratio times the lower of the two halves' own mean cosines (two
    # stories a single pass joined: ECB+'s sister events, DUC clusters of one region). A story
    # that drifts has no such cut: its halves resemble each other about as much as themselves.
    # 0: off.
    split_ratio: float = 0.4
    split_min_size: int = 2
    # Each side must hold split_min_size different texts too: a member with a cosine of
    # split_copy or more to another of its side is a copy of it (a syndicated or re-posted
    # report), not a second report of a story of its own.
    split_copy: float = 0.9
    # A cut whose ratio is only below split_z_ratio is kept too when many pairs show it: the
    # Welch t of the cosines of pairs within a half against pairs across the cut reaches
    # split_z. Two sister stories of 8-14 reports a side (ECB+: two title fights of one boxer,
    # two fires of one chain) sit at ratios of 0.42-0.67 with t of 10-22, while the wrong cuts
    # there (a DUC story over weeks, one GVA incident's reports) have t of 2.5-6.5: the t grows
    # with the number of pairs that agree, the ratio does not. The ratio band keeps a long
    # story whole (Timeline17 topics of 100-300 reports: ratios 0.86-1.00, t 13-42). 0: off.
    split_z: float = 8.0
    split_z_ratio: float = 0.75
    # A cut the above leave whole is tried again on the cosines decayed with the days between
    # the two reports (as add() decays them: date_half_life past date_window), and kept when
    # each side holds split_dated_min_size different texts, its ratio there is below
    # split_dated_ratio and on the plain cosines below split_dated_plain: two stories of one
    # region weeks apart (DUC: a market bombing and an airport's opening; an antitrust trial's
    # run-up and a takeover, plain ratios 0.66 and 0.78, decayed 0.26 and 0.19), not one story
    # followed up months later (GVA's arrests and trials: plain ratios of 0.85 and more) nor
    # two bursts of a story (DUC, Lebanon's president elected, then its cabinet: sides of 4
    # and 3 texts). A long story covered every few days has no such cut. 0: off.
    split_dated_ratio: float = 0.3
    split_dated_plain: float = 0.8
    split_dated_min_size: int = 4
    # The store's pass (EventGrouper.settle) cuts an event of resplit_below articles or more
    # only when at least resplit_share of them came in that add: a long story that a feed
    # adds one report at a time is not re-cut (~1 s at 1,000 members) each time.
    resplit_below: int = 50
    resplit_share: float = 0.2
    # Street addresses ("the 1200 block of West Elm"): when the article and the event both give
    # some and none agree (same street, block numbers within 100), add() multiplies the score
    # by this, and the second pass never moves one into the other. Two shootings of one night in
    # one city read alike; their addresses do not. 1: off.
    address_clash: float = 0.5
    # Candidate search: events sharing one of the article's most distinctive terms, found in an
    # inverted index. Only this many terms are looked up, each in at most the most recent
    # max_postings events holding it, so the cost per article stays flat as the store grows.
    candidate_terms: int = 30
    max_postings: int = 200
    max_candidates: int = 20


@dataclass(frozen=True)
class FeatureSettings:
    """What the event grouper keeps of one article (:func:`newsfuse.events.extract.features`).

    Features depend on the article alone and the store keeps them: a store's features were
    made with the values it was filled with (``extract.FEATURES_VERSION`` says their layout,
    not these values), so a change here applies to articles added after it."""

    # Terms kept per article: enough for any news report's distinctive vocabulary, and it
    # bounds what the store keeps and what each add() and restore() costs.
    max_terms: int = 200
    # A line in capitals or Title Case up to this many characters is a headline (its
    # capitals say nothing about which words are names); a longer line is text.
    max_headline_chars: int = 200
    # Words of the outlet's host name at least this long are left out of its reports' terms
    # ("ksla" of ksla.com, "vegas" of fox5vegas.com); shorter ones are in host names by
    # chance ("new" in "news").
    site_min_chars: int = 4


@dataclass(frozen=True)
class CleanSettings:
    """How much of one article is read."""

    # No news report is near this (long features run 5,000-10,000 words); past it an input is
    # a dump or a transcript, and every later stage would spend its time there: the rest is
    # not read, and the brief's removed_lines says how much was left.
    max_words: int = 20_000
    # Cut a heading (title, stamp, byline) glued onto the first sentence ("Cleaning up the BP
    # spill While the technology ..."). Off: on Timeline17 it moved the summary below lead at
    # 40 words (benchmarks/summary_lead.py: R1 24.46 -> 22.05 against lead's 24.02), a cost
    # not yet understood; the cut is kept, tested, for when it is.
    cut_glued_headings: bool = False


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
class WebSettings:
    """Limits of the web app and REST API (``newsfuse serve``)."""

    # Largest request body: one article at the readers' 5 MB text limit, with its JSON
    # escaping and a form's overhead; a bigger body is refused (413) before it is parsed.
    max_body_bytes: int = 6_000_000
    page_size: int = 25  # events per page of the events page
    max_limit: int = 500  # largest ?limit= of GET /api/v1/events
    max_query_chars: int = 200  # a search longer than this is refused (422), not run
    # A fact's wording on the brief page is cut to this many characters, the rest folded
    # in a <details> (a date's resolution text runs to hundreds); 0 shows it all.
    fact_text_chars: int = 160
    # Megabytes of rendered pages and API answers kept per server process (a brief page is
    # 10-60 KB): while nothing was committed to the store a kept one is served as it is, and
    # after a commit it is rendered again only if its event changed (views.PageCache).
    page_cache_mb: int = 64
    # A kept list of events (the events page, GET /api/v1/events) is served for this many
    # seconds after it was rendered even if the store changed since: while briefs are being
    # refreshed (a commit every second or so) it would be rendered again for nearly every
    # request. Pages of one event are always current. 0: lists are current too.
    list_fresh_seconds: float = 1.0
    # Briefs an add makes stale are fused in a worker process, not in the server's: a fuse
    # holds the interpreter lock for up to seconds, which every reader would wait behind.
    refresh_in_worker: bool = True
    # The refresh worker's niceness (added to the server's): on a busy machine the readers'
    # requests go first and briefs land a little later.
    refresh_nice: int = 10
    # Server processes of `newsfuse serve` (0: one per CPU, at most 2), each with its own
    # store connections and page cache; one Python process serves at most one core.
    workers: int = 0
    # Seconds an idle keep-alive connection stays open (uvicorn's default is 5). Under load a
    # reader's next request can sit unread longer than 5 s, and the server then closes the
    # connection under it: the client sees a dropped connection instead of a slow answer.
    keep_alive_seconds: int = 30
    # Content-Security-Policy of every response: nothing from elsewhere, no script at all
    # (the pages have none), no inline style, no framing, forms post only here.
    csp: str = (
        "default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self' data:; "
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
    )


@dataclass(frozen=True)
class NlpSettings:
    """How the one spaCy model (:mod:`newsfuse.fusion.nlp`) runs, and the sizes of its caches.
    They are kept per process, for every brief it makes, so they are read from the default
    tree, not from the settings a brief is made with. The caches bound memory only: a result is
    the same whether it came from a cache or was computed again."""

    # Parsed texts kept (the most recent, oldest out first; a Doc of a sentence is ~20 KB).
    cache_texts: int = 4096
    # Token readings the attribute ruler keeps (which of its rules a token's features match).
    cache_tokens: int = 1 << 16
    # Token rows each embedding stage keeps (rows of 96 floats: 12.6 MB per network at most).
    cache_embeddings: int = 1 << 15
    # The networks' matrix products by numpy's BLAS on one thread instead of thinc's BLIS
    # (three times faster where BLIS does not recognise the processor). The same parses on
    # 13,364 sentences, but not the same last bits of each vector, which with numpy depend on
    # the batch: False gives every text the parse it gets alone, to the bit.
    numpy_matmul: bool = True


@dataclass(frozen=True)
class QuoteSettings:
    """When an article's wording is a source of a quote (:func:`newsfuse.fusion.quotes.holds`),
    read on the three fact golds (docs/benchmarks-facts.md, the witness branch)."""

    # Share of the shorter wording's words found in order in the other: a transcription with a
    # slip or two ("shinning armor"). 0.6 kept two different lines of one speaker (0.59, 0.64)
    # as one quote; a paraphrase is about 0.33.
    held: float = 0.8
    # Or another translation word for word: this share of the shorter wording's words at the
    # same places in the other, first and last word included (Kaesong's "tragically ruined
    # with a terrific explosion" / "tragically destroyed in a shocking explosion") ...
    rendered: float = 0.5
    # ... and at least so many words and content words in place: fewer is a phrase in common.
    rendered_words: int = 3
    rendered_content: int = 2


@dataclass(frozen=True)
class SyndicationSettings:
    """When a report that credits another outlet is that outlet's witness
    (:func:`newsfuse.fusion.syndication.independent`)."""

    # The text it must share with the credited outlet's article, quotations included (the
    # credit says where they came from): a share of the smaller's 5-grams and a count, as for
    # copies, so a credit and one phrase in common join nothing.
    credited_share: float = 0.12
    credited_shingles: int = 12
    # Characters before "reported" searched for the outlet's name ("..., the Fort Lauderdale
    # Sun-Sentinel first reported"): longer than any outlet's name, short enough that a long
    # story is not scanned again at every verb.
    credit_reach: int = 120
    # A report quoting another at length (:class:`newsfuse.fusion.syndication.Takes`) words a
    # fact in what it takes when this share of its sentence's words are in 5-grams the two
    # share: the rest its own words around the quote ("the agency writes", "Tesla said").
    taken_share: float = 0.5


@dataclass(frozen=True)
class Settings:
    """The whole tree: ``Settings()`` is the default newsfuse runs with."""

    clean: CleanSettings = field(default_factory=CleanSettings)
    summary: SummarySettings = field(default_factory=SummarySettings)
    facts: FactSettings = field(default_factory=FactSettings)
    timeline: TimelineSettings = field(default_factory=TimelineSettings)
    fetch: FetchSettings = field(default_factory=FetchSettings)
    store: StoreSettings = field(default_factory=StoreSettings)
    grouping: GroupingSettings = field(default_factory=GroupingSettings)
    render: RenderSettings = field(default_factory=RenderSettings)
    web: WebSettings = field(default_factory=WebSettings)
    nlp: NlpSettings = field(default_factory=NlpSettings)
    quotes: QuoteSettings = field(default_factory=QuoteSettings)
    syndication: SyndicationSettings = field(default_factory=SyndicationSettings)
    #: Young objects allocated before Python's collector runs while a brief is made (Python's
    #: default is 700): a brief's many long-lived small objects are otherwise rescanned again
    #: and again (about 8% of the CPU of 800 reports). It changes no output.
    young_gc_threshold: int = 50_000
    #: Processes a brief is made in: 2 makes its summary in a second process (spawned on the
    #: first brief, its model loaded once, then reused) while this one makes the rest, on a
    #: second core; 1 makes it all here. The brief is the same either way.
    workers: int = 2
    #: A brief of more characters of clean text than this is made here all: 800 BP oil
    #: reports (~4.5 MB) gave the worker 10.9 s of CPU (its model's load included) and 538 MB
    #: for 3.6 s less CPU here (28.7 -> 25.1 s; 749 -> 663 MB).
    worker_max_chars: int = 2_000_000
    #: The worker is used only while the 1-minute load average per core is below this: on a
    #: busy machine it only adds its CPU. On 2 cores 1.8: a brief's process and its worker
    #: (1 + ~0.5: the worker runs during half of a DUC brief) pass, another busy process
    #: beside them does not.
    worker_max_load: float = 0.9
    features: FeatureSettings = field(default_factory=FeatureSettings)
    event: EventSettings = field(default_factory=lambda: EventSettings())


@dataclass(frozen=True)
class EventSettings:
    """How the event's date is read (:func:`newsfuse.fusion.event.infer`)."""

    # Sentences of each report, after its title, read as its lead: where a report says when
    # its news happened.
    lead_sentences: int = 5
    # A subject (person, organisation, place) named by this many reports links them; where
    # this many reports are so linked, a report linked to none is off the event's topic.
    off_topic_sharing: int = 2
    # A lead's day dates the event when at most this many days before its report (older is
    # background: "opened in September 2018") and at most a day after it.
    recent_days: int = 10
    # No report dated: a lead's day this many days before the latest year two reports mention
    # is background ("acquitted on Oct. 3, 1995" in a story of 2017).
    background_days: int = 366
    # No report dated and no picture's day: date the weekday two or more independent leads
    # name by a planned date or one spelt with that weekday (event._anchor): dev event dates
    # 4/7 -> 7/7. (Off while the facts stage dropped a date group restating the event date
    # even as a side of a conflict, and read other years of a date's sentence as its period.)
    anchor_undated: bool = True


DEFAULT = Settings()
