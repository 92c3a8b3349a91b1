"""Facts: the checkable values of the cluster, aligned across articles, with who confirms them
and where the articles contradict each other.

1. Every value a sentence states (:mod:`newsfuse.values`) is a *claim*, with the sentence's
   other content words as its context: what the value is about.
2. Claims are grouped into facts: same kind of value, values that agree (their intervals meet,
   through a currency equivalent if need be) and contexts that share weighty words. Agreement
   is checked against every member, so "2018" never chains to "2019" through a third claim.
3. Two facts are a conflict when their values cannot both be true, they are about the same
   thing (their contexts are close, or both are the clock time of the event itself), and no
   family of articles states both: one outlet revising itself is an update, not a conflict.
   So is a later report with a new figure.
4. A fact's sources are the articles with a claim in it, plus those restating one of its
   sentences without the figure ("Moon urged Pyongyang to..." confirms "Moon urged Pyongyang
   on Monday to..."). Its independent sources are the families among them.

Quotes carried by two or more families become facts too (:mod:`newsfuse.quotes` matches
them across translations).
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from newsfuse.fusion import (
    deaths,
    likeness,
    names,
    phrases,
    polarity,
    rivals,
    roles,
    statements,
    syndication,
    trades,
    values,
)
from newsfuse.fusion import sides as sides_mod
from newsfuse.fusion.attribution import attribution
from newsfuse.fusion.text import (
    NUMBER_WORDS,
    STOPWORDS,
    content_stems,
    inverse_frequency,
    mass,
    overlap,
    pairs_sharing,
    stem,
    words,
)
from newsfuse.models import (
    Article,
    Conflict,
    ConflictValue,
    DateMention,
    Entity,
    Event,
    Fact,
    Family,
    Quote,
    Sentence,
    StatedValue,
)
from newsfuse.settings import DEFAULT, FactSettings, SyndicationSettings

_RECURRING = re.compile(r"\b(?:a day|a week|daily|every|each day|per day|twice|times a)\b", re.I)


@dataclass(frozen=True)
class Claim:
    """One value stated in one sentence, with what it is about."""

    article: str
    family: int
    sentence: Sentence
    value: values.Quantity
    context: frozenset[str]
    year: int | None
    other_dates: tuple[DateMention, ...]  # the sentence's date mentions besides this value
    window: frozenset[str] = frozenset()  # content stems near the value: its own clause's words


def facts(
    articles: Sequence[Article],
    sentences: Mapping[str, Sequence[Sentence]],
    families: Sequence[Family],
    dated: Mapping[str, Sequence[Sequence[DateMention]]],
    event: Event,
    quotes: Sequence[Quote] = (),
    settings: FactSettings = DEFAULT.facts,
    entities: Sequence[Entity] = (),
    witnesses: SyndicationSettings = DEFAULT.syndication,
) -> tuple[tuple[Fact, ...], tuple[Conflict, ...]]:
    """The cluster's facts (corroborated first) and its conflicts; ``entities`` give the
    who-is-who facts (:mod:`newsfuse.fusion.roles`); ``witnesses``: when a report quoting
    another is its witness (:class:`newsfuse.fusion.syndication.Takes`)."""
    family_of = {m: f.id for f in families for m in f.members}
    weights = inverse_frequency(s.text for ss in sentences.values() for s in ss)
    found_claims = claims(articles, sentences, family_of, dated, event, settings)
    # figures named again ("the 162 passengers") only confirm the facts others state
    all_claims = [c for c in found_claims if not c.value.referring]
    if len(all_claims) > settings.max_claims:
        # A long story (hundreds of reports): the values of the articles' opening sentences,
        # where reports state what happened, so grouping (pairs of claims) stays bounded;
        # ranks ("its sixth day") and how often things happen ("daily") last, not to crowd
        # out the figures of the event.
        aside = ("ordinal", "frequency")
        ranked = sorted(
            range(len(all_claims)),
            key=lambda k: (all_claims[k].value.kind in aside, all_claims[k].sentence.index),
        )
        all_claims = [all_claims[k] for k in sorted(ranked[: settings.max_claims])]
    groups = _group(all_claims, weights, settings)
    event_terms = _event_terms(articles, sentences, families, weights, settings)
    restating: list[str] = []
    if event.date is not None:
        # The event date is one fact, built from the event inference: drop the groups that
        # only restate it, and count as its sources the articles that give that day in the
        # event's own words ("was arrested Friday"). A group that is a side of a conflict
        # among the dates stays: the day one report gives for what another puts on another
        # day ("a vote on April 14" / "on April 16") is disputed, whichever the event's day.
        day = event.date.toordinal()

        def restates(g: list[Claim]) -> bool:
            value = _value(g)
            # (a part of that day, "Saturday morning", says more than the day: kept)
            same = not value.unit and not value.noun and value.low == day == value.high
            return g[0].value.kind == "date" and same

        again = [g for g in groups if restates(g)]
        disputed: set[int] = set()
        if again:
            of_dates = [g for g in groups if g[0].value.kind == "date"]
            pairs = _conflicts(of_dates, weights, event, event_terms, articles, settings)
            sided = {id(c) for pair in pairs for side in pair for c in side}
            disputed = {id(g) for g in again if any(id(c) in sided for c in g)}
        for g in again:
            if id(g) not in disputed:
                restating += [
                    c.article
                    for c in g
                    if len(c.context & event_terms) >= settings.event_time_terms
                ]
        dropped = {id(g) for g in again} - disputed
        groups = [g for g in groups if id(g) not in dropped]
    conflicting = _slots(_conflicts(groups, weights, event, event_terms, articles, settings))
    sided = {id(c) for slot in conflicting for side in slot for g in side for c in g}
    in_conflict = {id(g) for g in groups if any(id(c) in sided for c in g)}
    stems = {s: frozenset(content_stems(s.text)) for ss in sentences.values() for s in ss}
    postings: dict[str, list[Sentence]] = {}
    for sentence, found in stems.items():
        for w in found:
            postings.setdefault(w, []).append(sentence)
    stated: dict[Sentence, list[values.Quantity]] = {}
    for c in all_claims:
        stated.setdefault(c.sentence, []).append(c.value)
    stated_alike = _Stated((*all_claims, *(c for c in found_claims if c.value.referring)))
    covering = _Covering(stems, postings, stated, settings)
    owners = _Owners(entities, sentences, settings.owner_min_sentences)
    made: list[tuple[tuple[object, ...], Fact, list[Claim] | None]] = []
    rep_of: dict[int, Claim] = {}  # each group's representative, by the group's id
    if event.date is not None and event.sources:
        made.append(((0,), _event_fact(event, family_of, restating), None))
    joined = _join_days(groups, in_conflict, event_terms, weights, settings)
    joined |= _weekdays_dated(groups, in_conflict, joined)
    for g in groups:
        if id(g) in joined:
            continue  # now part of the fact of its day (_join_days)
        listed = g[0].value.unit == values.LIST_RANK and len({c.article for c in g}) >= 2
        if g[0].value.kind == "ordinal" and id(g) not in in_conflict and not listed:
            # a rank is a fact only where reports dispute it ("its sixth day" / "the seventh
            # day"): most are names and asides ("the ninth planet", "the 19th century"); or a
            # place on a list two reports give ("No. 2 on the ... list of most wanted")
            continue
        sources = _sources(g, sentences, covering)
        sources = _same_value_sources(g, sources, stated_alike, weights, settings, owners)
        independent = len({family_of[s] for s in sources})
        status = (
            "conflict"
            if id(g) in in_conflict
            else ("corroborated" if independent >= 2 else "single-source")
        )
        rep = rep_of[id(g)] = _representative(g, weights, event_terms)
        fact = Fact(
            about="",
            kind=g[0].value.kind,
            value=_shown(g),
            text=rep.sentence.text,
            sources=sources,
            independent_sources=independent,
            status=status,
            stated=_stated(g),
        )
        first = min((c.sentence.index for c in g), default=0)
        rank = {"corroborated": 1, "conflict": 2, "single-source": 3}[status]
        # facts of the event first: those whose sentence uses the event's own words
        eventful = -len(rep.context & event_terms)
        made.append(((rank, -independent, -len(sources), eventful, first), fact, g))
    made = _ages_joined(made, in_conflict)
    for q in quotes:
        if q.independent_sources >= 2:
            made.append(((1, -q.independent_sources, -len(q.sources), 0, 0), _quote_fact(q), None))
    role_made = roles.role_facts(entities, sentences, family_of, settings, event_terms)
    for f in role_made:
        made.append(((1, -f.independent_sources, -len(f.sources), 0, 0), f, None))
    taken = [f.value for f in role_made]  # (their role fact says who they are)
    # people one family alone names in a role ("A foreign ministry spokesman, Geng Shuang,
    # said"): one source, after the single-source values
    # (those two families name went through role_facts above: a role of either is there;
    # and only where the brief has room: these rank last, so the facts so far would keep
    # them out)
    named_once = (
        frozenset(e.name for e in entities if e.independent_sources < 2 and e.name not in taken)
        if len(made) < settings.max_facts
        else frozenset()
    )
    alone_roles = (
        roles.role_facts(entities, sentences, family_of, settings, event_terms, 1, named_once)
        if named_once
        else []
    )
    for n, f in enumerate(alone_roles):
        if f.independent_sources == 1:
            made.append(
                (
                    (5, 0, -len(f.sources), 0, n),
                    f.model_copy(update={"status": "single-source"}),
                    None,
                )
            )
            taken.append(f.value)
    lower = names.lower_words(sentences)  # (for the name facts and the name conflicts)
    for n, f in enumerate(
        names.name_facts(entities, sentences, family_of, weights, taken, settings, lower)
    ):
        # after the corroborated value facts: a name is what a fact is about
        made.append(((1, 0, 0, 0, n), f, None))
    died = deaths.death_facts(sentences, family_of, settings)
    for n, f in enumerate(died):
        # how and where someone died ("from a stroke"): after the names, before statements
        made.append(((1, 0, 0, 1, n), f, None))
    covered = _covered((f, g) for _, f, g in made)
    found_statements = statements.statement_facts(
        sentences, family_of, weights, settings, covered, died
    )
    for n, f in enumerate(found_statements):
        # after the facts of values and names: what the reports say alike without a figure
        made.append(((4, -f.independent_sources, -len(f.sources), 0, n), f, None))
    # (only where the brief has room for them: they rank last)
    room = settings.max_facts - len(made)
    alone = (
        _family_facts(
            entities,
            sentences,
            family_of,
            families,
            weights,
            settings,
            event_terms,
            covered,
            [f for _, f, _ in made],
        )[:room]
        if room > 0
        else []
    )
    for n, f in enumerate(alone):
        # what one family's reports say alike, in a cluster of few families: after the rest
        made.append(((5, 0, -len(f.sources), 0, n), f, None))
    # a report quoting another at length is its own witness, but not of what it quotes
    takes = syndication.Takes(articles, families, witnesses)
    if takes:
        made = [(key, _recounted(f, g, takes, sentences), g) for key, f, g in made]
    made.sort(key=lambda item: item[0])
    shown = [(f, g) for _, f, g in made if f.status != "single-source"]
    singles = [(f, g) for _, f, g in made if f.status == "single-source"]
    kept = shown + singles[: max(0, settings.max_facts - len(shown))]
    # The clauses of the value facts a reader sees first, parsed in one batch (the first
    # value facts, however many statements rank before the single-source ones).
    firsts = [g for _, g in kept if g is not None][: settings.parsed_facts]
    reps = [rep_of[id(g)] for g in firsts]
    phrases.prime((c.sentence.text, c.value.start, c.value.end) for c in reps)
    parsed = {id(g) for g in firsts}
    out = []
    for fact, members in kept:
        if members is not None:
            parse = id(members) in parsed
            about = _about(members, weights, parse=parse, rep=rep_of[id(members)])
            fact = fact.model_copy(update={"about": about})
        out.append(fact)
    found_conflicts = [_conflict(slot, weights) for slot in conflicting]
    found_conflicts += polarity.polarity_conflicts(sentences, family_of, settings)
    found_conflicts += names.name_conflicts(sentences, family_of, settings, lower)
    found_conflicts += likeness.likeness_conflicts(sentences, family_of)
    found_conflicts += trades.trade_conflicts(sentences, family_of, settings)
    found_conflicts += rank_conflicts(sentences, family_of)
    found_conflicts += place_conflicts(sentences, family_of)
    people = [n for e in entities if e.type == "person" for n in (e.name, *e.variants)]
    found_conflicts += rivals.home_conflicts(sentences, family_of, people, settings)
    found_conflicts += rivals.name_rivals(articles, sentences, family_of, quotes, lower, settings)
    return tuple(out), tuple(found_conflicts)


def _recounted(
    fact: Fact,
    claims: list[Claim] | None,
    takes: syndication.Takes,
    sentences: Mapping[str, Sequence[Sentence]],
) -> Fact:
    """``fact`` with its independent sources counted claim by claim (:class:`syndication.Takes`).
    A quoting report's own wording of the fact: the words around its value where its claims
    are known ("..., the EPA notes, pointing out a March 21, 2018 Fixer Upper episode" is its
    own, though the sentence is mostly a quote), else its sentences sharing the fact's words."""
    said: dict[str, list[str]] = {}
    for c in claims or ():
        if c.article in takes.quoting:
            t, v = c.sentence.text, c.value
            near = [*t[: v.start].split()[-_NEAR:], t[v.start : v.end], *t[v.end :].split()[:_NEAR]]
            said.setdefault(c.article, []).append(" ".join(near))
    for a in takes.quoting.intersection(fact.sources).difference(said):
        said[a] = takes.wording(fact.value, fact.text, (s.text for s in sentences.get(a, ())))
    n = takes.independent(fact.sources, fact.text, said)
    if n == fact.independent_sources:
        return fact
    status = fact.status
    if status != "conflict":
        status = "corroborated" if n >= 2 else "single-source"
    return fact.model_copy(update={"independent_sources": n, "status": status})


# Words either side of a value that say where it came from (5-grams across it: 4 suffice).
_NEAR = 6


def _family_facts(
    entities: Sequence[Entity],
    sentences: Mapping[str, Sequence[Sentence]],
    family_of: Mapping[str, int],
    families: Sequence[Family],
    weights: Mapping[str, float],
    settings: FactSettings,
    event_terms: frozenset[str],
    covered: Mapping[Sentence, Sequence[frozenset[str]]],
    made: Sequence[Fact],
) -> list[Fact]:
    """The claims of one family, in a cluster of few families (at most
    ``settings.family_facts_families``): who is who, the names and the statements its own reports
    write alike, read as the cluster's are, each report of the family a witness. One source
    each, for they are one family's ("The coroner recorded a conclusion of accidental death."
    in three copies of one inquest report; "Autopilot was engaged" of a company's statement
    and the report quoting it): where the whole cluster is one family, nothing else is said
    without a figure. A claim a fact made already says (its value, or its sentence as a
    statement) is left out."""
    if not 0 < len(families) <= settings.family_facts_families:
        return []
    known_values = {f.value.lower() for f in made}
    stated = [f for f in made if f.kind == "statement"]
    known_texts = {f.text for f in stated}
    taken = [f.value for f in made if f.kind == "name"]
    out: list[Fact] = []
    for family in families:
        # the reports of the family that copy or retell another's text (not those only of
        # the same outlet, each a story of its own): what two of them keep is the text's
        members = [a for a in sentences if a in family.retold]
        if len(members) < 2:
            continue
        # (a long family, many reports of one outlet: their opening sentences, where reports
        # say what happened, so the reading stays bounded)
        lead = max(1, settings.family_facts_sentences // len(members))
        own = {a: sentences[a][:lead] for a in members}
        witness = {a: n for n, a in enumerate(members)}
        inside = set(members)
        seen = [
            e.model_copy(
                update={
                    "sources": tuple(a for a in e.sources if a in inside),
                    "independent_sources": len(inside.intersection(e.sources)),
                }
            )
            for e in entities
            if inside.intersection(e.sources)
        ]
        # (who is who of one family is read for the whole cluster: facts, roles least=1)
        found = names.name_facts(
            seen, own, witness, weights, taken, settings, names.lower_words(own)
        )
        found += statements.statement_facts(own, witness, weights, settings, covered, stated)
        for f in found:
            if f.value.lower() in known_values or f.text in known_texts:
                continue
            known_values.add(f.value.lower())
            if f.kind == "statement":
                known_texts.add(f.text)
            out.append(f.model_copy(update={"independent_sources": 1, "status": "single-source"}))
    return out


def _join_days(
    groups: Sequence[list[Claim]],
    in_conflict: set[int],
    event_terms: frozenset[str],
    weights: Mapping[str, float],
    settings: FactSettings,
) -> set[int]:
    """One report's own fact of a day that a fact of more families also gives, both in the
    event's words ("plunged to his death late Wednesday" / "landing hard on the hotel's roof
    around 10:40 p.m. on Wednesday"; "At the company's annual meeting Thursday" / "mounted an
    unprecedented protest against BP on Thursday"): that report is a source of the larger
    fact, not a fact of its own. Their sentences may share few words (each tells another
    moment of the day), so the groups were not joined by context. The report's claims are
    added to the larger group (in place: its shown sentence may be the report's); returns
    the ids of the groups so joined. A day of the event
    that two facts of several families give (the killing and a traffic stop, both "Sunday")
    stays two facts: only a single report's group is joined, to the fact of most families
    (then of the closest words) on that day that has no claim of that report already."""

    def eventful(g: Sequence[Claim]) -> bool:
        return any(len(c.context & event_terms) >= settings.event_time_terms for c in g)

    days = [g for g in groups if _one_day(g[0].value) and id(g) not in in_conflict and eventful(g)]
    joined: set[int] = set()
    # (the facts of several families, each value and words read once: a long story has many
    # single reports' days and few such facts)
    targets = [
        (o, _value(o), frozenset().union(*(c.context for c in o)), n, {c.article for c in o})
        for o in days
        if (n := len({c.family for c in o})) >= 2
    ]
    if not targets:
        return joined
    for g in days:
        if len({c.article for c in g}) != 1:
            continue
        value = _value(g)
        context = frozenset().union(*(c.context for c in g))
        best: tuple[int, float] | None = None
        target = None
        for o, day, words_o, n, articles in targets:
            # (a report already stating the fact in a sentence of its own tells another
            # thing of that day in this one: "warned North Korean envoy Kang Chol on Friday")
            if g[0].article in articles:
                continue
            if not (_same_day(value, day) and _mergeable(value, day, g[0].year)):
                continue
            rank = (n, overlap(context, words_o, weights))
            if best is None or rank > best:
                best, target = rank, o
        if target is not None:
            joined.add(id(g))
            target.extend(g)
    return joined


# between a weekday and the date it is ("Friday, March 23rd", "March 23, Friday")
_BESIDE = re.compile(r",?\s*(?:the\s+)?")


def _weekdays_dated(
    groups: Sequence[list[Claim]], in_conflict: set[int], joined: set[int]
) -> set[int]:
    """A weekday written beside its date ("at 9:27 a.m. on Friday, March 23rd") is that day,
    one fact: a weekday's group whose every claim is so written joins the group of those
    dates (in place, after its claims: the date stays the value shown; both wordings are
    stated). Returns the ids of the weekday groups joined. Groups in a conflict stay apart."""
    group_of: dict[int, list[Claim]] = {}
    by_sentence: dict[int, list[Claim]] = {}
    for g in groups:
        if id(g) in joined or id(g) in in_conflict or g[0].value.kind != "date":
            continue
        for c in g:
            group_of[id(c)] = g
            by_sentence.setdefault(id(c.sentence), []).append(c)
    out: set[int] = set()
    for g in groups:
        if group_of.get(id(g[0])) is not g or g[0].value.unit != "weekday":
            continue
        targets = []
        for c in g:
            text = c.sentence.text
            beside = next(
                (
                    d
                    for d in by_sentence.get(id(c.sentence), ())
                    if d.value.unit != "weekday"
                    and _one_day(d.value)
                    and (
                        _BESIDE.fullmatch(text, c.value.end, d.value.start)
                        or _BESIDE.fullmatch(text, d.value.end, c.value.start)
                    )
                ),
                None,
            )
            if beside is None:
                break
            targets.append(group_of[id(beside)])
        else:
            if targets and all(t is targets[0] for t in targets) and targets[0] is not g:
                targets[0].extend(g)
                out.add(id(g))
    return out


def _ages_joined(
    made: list[tuple[tuple[object, ...], Fact, list[Claim] | None]], in_conflict: set[int]
) -> list[tuple[tuple[object, ...], Fact, list[Claim] | None]]:
    """One fact per age told by the same reports: "Canadian-born Fabio Sementilli, 49, died
    at the scene", "the 49-year-old Sementilli", "Sementilli, who was 49 years old" are one
    person's age in sentences too unlike to be grouped, each sourced to every report giving
    it (:func:`_same_value_sources`), so each was a fact of its own. The age's noun is not
    asked (one person is "Sementilli", "the 18-year-old friend" and "his 18-year-old buddy",
    and "The 49-year-old suffered" reads "suffered"): two people of one age told by exactly
    the same reports are rare. The group of most claims (then the first) is kept, with the
    others' claims (their sentences then seed no statement either)."""
    by_age: dict[tuple[object, ...], list[int]] = {}
    for n, (_, fact, g) in enumerate(made):
        if g is None or id(g) in in_conflict or g[0].value.unit != "age":
            continue
        # (whoever the age is of: "Sementilli", "friend", "buddy", or misread, "suffered")
        q = _value(g)
        key = (q.low, q.high, frozenset(fact.sources))
        by_age.setdefault(key, []).append(n)
    dropped: set[int] = set()
    for same in by_age.values():
        if len(same) < 2:
            continue
        keep = max(same, key=lambda n: (len(made[n][2] or ()), -n))
        kept_group = made[keep][2]
        assert kept_group is not None
        for n in same:
            if n != keep:
                kept_group.extend(made[n][2] or ())
                dropped.add(n)
    return [m for n, m in enumerate(made) if n not in dropped]


def _covered(
    made: Iterable[tuple[Fact, Sequence[Claim] | None]],
) -> dict[Sentence, list[frozenset[str]]]:
    """For each sentence holding a value fact's claim, the sources of those facts: what a
    statement of that sentence would add nothing to (:mod:`newsfuse.fusion.statements`)."""
    out: dict[Sentence, list[frozenset[str]]] = {}
    for fact, members in made:
        for c in members or ():
            out.setdefault(c.sentence, []).append(frozenset(fact.sources))
    return out


def _stated(group: Sequence[Claim]) -> tuple[StatedValue, ...]:
    """Who says which wording of the value, when the group's members differ in precision
    ("2018" / "September 2018"): each shown value with its articles, most precise first."""
    if group[0].value.kind != "date":
        return ()  # other values differ in wording ("nearly", "storey"), not in precision
    by_value: dict[str, list[str]] = {}
    for c in sorted(group, key=lambda c: (c.value.high - c.value.low, not c.value.exact)):
        by_value.setdefault(c.value.shown, [])
        if c.article not in by_value[c.value.shown]:
            by_value[c.value.shown].append(c.article)
    if len(by_value) < 2:
        return ()
    return tuple(StatedValue(value=v, sources=tuple(s)) for v, s in by_value.items())


def claims(
    articles: Sequence[Article],
    sentences: Mapping[str, Sequence[Sentence]],
    family_of: Mapping[str, int],
    dated: Mapping[str, Sequence[Sequence[DateMention]]],
    event: Event,
    settings: FactSettings = DEFAULT.facts,
) -> list[Claim]:
    """Every value of every sentence, as a claim with its context (figures named again,
    "the 162 passengers", too: their ``value.referring`` says so)."""
    out: list[Claim] = []
    # What a sentence's claims hold besides the sentence, by its text, year and date mentions
    # (the dates stage's own objects: ids): wire copies repeat sentences verbatim (~1 in 8 of
    # a DUC cluster's), and reading values is most of this function's cost.
    read: dict[tuple[object, ...], list[_Read]] = {}
    spelled = _spelled_out(sentences)
    for a in articles:
        year = (a.published or event.date or dt.date.today()).year
        for s, mentions in zip(sentences.get(a.id, ()), dated.get(a.id, ()), strict=False):
            key = (s.text, year, *map(id, mentions))
            parts = read.get(key)
            if parts is None:
                parts = read[key] = _expanded(
                    _read_claims(s.text, mentions, year, settings), spelled
                )
            for q, context, others, window in parts:
                out.append(Claim(a.id, family_of.get(a.id, 0), s, q, context, year, others, window))
    return out


# A value of a sentence, the sentence's context, its other date mentions, the value's window.
_Read = tuple[values.Quantity, frozenset[str], tuple[DateMention, ...], frozenset[str]]


def _read_claims(
    text: str, mentions: Sequence[DateMention], year: int, settings: FactSettings
) -> list[_Read]:
    """The values of one sentence, each with the sentence's context, its other date mentions
    and its window (:func:`claims`)."""
    # Parts of the day ("in the morning") are too vague to align or contradict.
    found = [
        q
        for q in values.find(text, list(mentions), year, referring=True)
        if not (
            q.kind == "time" and not re.search(r"\d|\b(?:noon|midday|midnight)\b", q.text, re.I)
        )
        and not _page_stamp(text, q)
    ]
    found += values.sums(text, found)
    if not found:
        return []
    blanked = _blanked(text, found)  # (the same for the context and every value's window)
    context = _context(text, found, blanked)
    return [
        (
            q,
            context,
            tuple(m for m in mentions if (m.start, m.end) != (q.start, q.end)),
            _window(text, q, found, settings.conflict_window, blanked),
        )
        for q in found
    ]


# An acronym ("IAU") and a run of capitalised words whose initials spell it ("International
# Astronomical Union"), with the small words a name holds between them ("of", "for").
_ACRONYM = re.compile(r"\b[A-Z]{3,6}\b")
_NAME_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_NAME_JOINERS = frozenset("of for and the on de".split())


def _spelled_out(sentences: Mapping[str, Sequence[Sentence]]) -> dict[str, frozenset[str]]:
    """The acronyms some report of the cluster spells out, each (its stem) to the stems of its
    one name: "the IAU was forced to decide in 2006" is told of what another report's "the
    International Astronomical Union voted ... in 2006" is (an acronym spelled two ways, or
    never, is left alone)."""
    texts = [s.text for ss in sentences.values() for s in ss]
    acronyms = {m.group() for t in texts for m in _ACRONYM.finditer(t)}
    if not acronyms:
        return {}
    longest = max(map(len, acronyms))
    names: dict[str, set[tuple[str, ...]]] = {}
    for t in texts:
        found = [m.group() for m in _NAME_WORD.finditer(t)]
        for i, w in enumerate(found):
            if not w[0].isupper() or w.isupper():
                continue
            initials, spelling = "", []
            for v in found[i:]:
                if v in _NAME_JOINERS:
                    spelling.append(v)
                    continue
                if not v[0].isupper() or v.isupper() or len(initials) == longest:
                    break
                initials += v[0]
                spelling.append(v)
                if initials in acronyms:
                    names.setdefault(initials, set()).add(tuple(n.lower() for n in spelling))
    out: dict[str, frozenset[str]] = {}
    for acronym, spellings in names.items():
        key = content_stems(acronym)  # (none for a word in capitals: "THE", "AND")
        if len(spellings) != 1 or not key:
            continue
        (written,) = spellings
        name = frozenset(content_stems(" ".join(written)))
        if len(name) >= 2:  # (a name of stop words, "Have Your Say", is in every context)
            out[key[0]] = name
    return out


def _expanded(parts: list[_Read], spelled: Mapping[str, frozenset[str]]) -> list[_Read]:
    """The claims of one sentence with each spelled-out acronym of their context and window
    read as its name's words too, and each such name as its acronym (:func:`_spelled_out`);
    the claims keep sharing one context (pairs are scored once per pair of contexts)."""
    if not spelled or not parts:
        return parts

    def grown(found: frozenset[str]) -> frozenset[str]:
        # (both ways: the acronym's words and its name's are one set, whichever is written)
        extra = [
            name | {acronym}
            for acronym, name in spelled.items()
            if acronym in found or name <= found
        ]
        return found.union(*extra) if extra else found

    context = grown(parts[0][1])
    return [(q, context, others, grown(window)) for q, _, others, window in parts]


def _blanked(text: str, found: Sequence[values.Quantity]) -> str:
    """``text`` with the words of every value in ``found`` turned into spaces."""
    chars = list(text)
    for q in found:
        chars[q.start : q.end] = " " * (q.end - q.start)
    return "".join(chars)


_CLAUSE_BREAK = re.compile(
    r"[;:!?]|,\s+(?:while|but|whereas|and\s+(?:the|a|an|his|her|its))\b|\s[—–]\s"
)


def _window(
    text: str,
    q: values.Quantity,
    found: Sequence[values.Quantity],
    size: int,
    blanked: str | None = None,
) -> frozenset[str]:
    """Content stems of the words near the value, within its clause, other values blanked:
    what this number or date is about, not what the rest of the sentence says. ``blanked`` is
    ``_blanked(text, found)``, if the caller has it."""
    if blanked is None:
        blanked = _blanked(text, found)
    start = max((m.end() for m in _CLAUSE_BREAK.finditer(blanked, 0, q.start)), default=0)
    end = next((m.start() for m in _CLAUSE_BREAK.finditer(blanked, q.end)), len(blanked))
    before = [w for w in words(blanked[start : q.start]) if w not in STOPWORDS][-size:]
    after = [w for w in words(blanked[q.end : end]) if w not in STOPWORDS][:size]
    # (number words are another figure's, "a nine- to 33-year sentence for the 12 counts")
    near = {stem(w) for w in before + after if not w.isdigit() and w not in NUMBER_WORDS}
    if q.kind in ("count", "ordinal"):
        near.add(q.unit)  # the counted thing is part of what the number is about
    return frozenset(near)


# "Last updated at 14:07 GMT", "Posted: Tuesday, June 16", "By Jane Doe, 9:41 AM", "This
# article was amended on 8 May 2010": the page's own times and dates, not the event's.
_STAMP = re.compile(
    r"\b(?:(?:last\s+)?(?:updated|modified|posted|published|reviewed)|first published|"
    r"updated on|timestamp)\b[\s:|,-]*(?:(?:at|on)\b)?[\s\w,:.|/-]{0,30}$"
    r"|^\s*(?:by\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}\s*[|,•·-]\s*)"
    # the page's note of its own correction: "This article was amended on 8 May 2010"
    r"|\bthis\s+(?:article|story|report|post|page)\s+(?:was|has\s+been)\s+(?:amended|corrected"
    r"|updated|changed)\s+(?:on|at)?[\s\w,:.|/-]{0,30}$"
    # a correction's note: "The following correction was printed in the Observer's For the
    # record column, Sunday 20 June 2010"
    r"|\bcorrection\s+was\s+printed\b[\s\w,:.|/'’-]{0,80}$"
    # the print edition's note: "A version appeared on p6 of the Main section ... on Friday"
    r"|\bappeared\s+on\s+p(?:age)?\s*\d+\s+of\s+the\b[\s\w,:.|/-]{0,100}$"
    # an embedded post's credit and date: "— Harford Sheriff (@Harford_Sheriff) September 20,"
    r"|\(@\w{1,30}\)\s*$",
    re.IGNORECASE,
)
_MONTH = (
    r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?|January|February|March|April|May"
    r"|June|July|August|September|October|November|December"
)
_CLOCK = r"\d{1,2}[.:]\d{2}\s*(?i:[ap]\.?m\.?)?\s*(?:BST|GMT|UTC|[ECMP][SD]?T)?"
_DAY_MONTH = rf"(?:\b\d{{1,2}}\s+(?:{_MONTH})|\b(?:{_MONTH})\s+\d{{1,2}})"
_WITH_YEAR = rf"(?:\b\d{{1,2}}\s+(?:{_MONTH}),?\s+\d{{4}}|\b(?:{_MONTH})\s+\d{{1,2}},?\s+\d{{4}})"
# The page's own dates and times, not the report's (group 1, else the whole match, is the
# stamp): a dateline, a date with its year and straight after it a clock time ("Thursday,
# April 29, 2010; 4:49 PM", "Tuesday 5 May 2009 14.37 BST"), which prose does not write so
# ("on Thursday at 4:49 p.m."); a live page's entry times, a clock time opening a sentence with
# a colon ("12.11 pm: More on the blame game"); the headings of a page's list of stories or
# photos, a date with its year and a colon ("7 May 2009: Government response to ...") or a
# date opening a sentence so ("April 26: Weathered oil is seen ..."); a photo's date ("In this
# April 27, 2010 file photo", and a caption's weekday, date and year after a comma, "in the
# Rose Garden at the White House, Tuesday, May 25, 2010, in Washington": prose says "on
# Tuesday" or "May 25").
_DATELINE = re.compile(
    rf"(?:\b[A-Z][a-z]+day,?\s+)?{_WITH_YEAR}\s*[;,]?\s*{_CLOCK}"
    rf"|(?:^|(?<=[.!?]))\s*(?=({_CLOCK}|{_DAY_MONTH}(?:,?\s+\d{{4}})?)\s*:)"
    rf"|(?=({_WITH_YEAR})\s*:)"
    rf"|(?=({_WITH_YEAR}),?\s+(?:file\s+)?photo\b)"
    rf"|(?<=, )(?=((?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,\s+{_WITH_YEAR}))"
)


def _page_stamp(text: str, q: values.Quantity) -> bool:
    """A time or date the page stamps itself with (an "updated" line, a byline), not one the
    report states."""
    if q.kind not in ("time", "date"):
        return False
    if _STAMP.search(text[: q.start]):
        return True
    return any(start <= q.start and q.end <= end for start, end in _datelines(text))


@functools.lru_cache(maxsize=1 << 12)
def _datelines(text: str) -> tuple[tuple[int, int], ...]:
    """The spans of the page's own dates and times in ``text`` (:data:`_DATELINE`), read
    once per sentence, not once per date or time it states (cached)."""
    out = []
    for m in _DATELINE.finditer(text):
        stamp = next((k for k in (1, 2, 3, 4) if m.group(k)), 0)
        out.append(m.span(stamp))
    return tuple(out)


def _context(
    text: str, found: Sequence[values.Quantity], blanked: str | None = None
) -> frozenset[str]:
    """Content stems of the sentence with every value's words blanked out (``blanked``, if
    the caller has it)."""
    return frozenset(content_stems(_blanked(text, found) if blanked is None else blanked))


def _group(
    claims: Sequence[Claim], weights: Mapping[str, float], settings: FactSettings
) -> list[list[Claim]]:
    """Claims into facts: agglomerate while two groups agree on every value and have a pair of
    claims close enough in context. How close depends on how common the value is: a figure
    few sentences share ("January 2020", "9.78 billion won") is itself evidence of one fact,
    a common one ("2018") needs its context to match."""
    keys = [_value_key(c.value) for c in claims]
    crowd = _crowd(claims, keys)
    articles = len({c.article for c in claims})

    def need(a: Claim, b: Claim) -> float:
        if a.value.kind in ("count", "ordinal") and not values.same_counted(a.value, b.value):
            return math.inf
        if _lives(a) != _lives(b):
            # where someone lives is not where something happened: "Heath lives in the 900
            # block of Buffalo Springs" / "officers were called to a home on the 900 block"
            return math.inf
        if _same_day(a.value, b.value):
            weekday = "weekday" in (a.value.unit, b.value.unit)
            if weekday and a.article != b.article and not _told_alike(a, b):
                # a weekday is named for many things of one week: "warned Wednesday it will
                # retaliate" is not "set to kick in as soon as Wednesday" (one report's own
                # days of one name are its one day: the fact of that day holds them)
                return math.inf
            # one day, named by two reports of one event with some words in common: mostly
            # one thing that happened then, however common the day is in the cluster
            return settings.merge_distinctive
        distinctive = max(crowd[id(a)], crowd[id(b)]) < articles
        return settings.merge_distinctive if distinctive else settings.merge_similarity

    similarity = _similarities(weights)
    # Candidate links, closest first; a link joins two groups only if every value agrees.
    links = []
    by_kind: dict[str, list[int]] = {}
    for i, c in enumerate(claims):
        by_kind.setdefault(c.value.kind, []).append(i)
    for indices in by_kind.values():
        # only pairs sharing two context words can be similar (_claim_similarity): found in
        # one sparse product, not by trying every pair
        for n, m in pairs_sharing([claims[i].context for i in indices], 2):
            i, j = indices[n], indices[m]
            x, y = claims[i], claims[j]
            sim = similarity(x, y)
            if sim > 0 and sim >= need(x, y):
                links.append((sim, i, j))
    links.sort(reverse=True)
    group_of = list(range(len(claims)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(claims))}
    # Whether two values may share a fact depends on the values (and the year) alone: asked
    # once per pair of distinct values, as groups grow and are compared again.
    known: dict[tuple[tuple[object, ...], int | None, tuple[object, ...]], bool] = {}

    def mergeable(x: int, y: int) -> bool:
        pair = (keys[x], claims[x].year, keys[y])
        answer = known.get(pair)
        if answer is None:
            answer = known[pair] = _mergeable(claims[x].value, claims[y].value, claims[x].year)
        return answer

    for _, i, j in links:
        gi, gj = group_of[i], group_of[j]
        if gi == gj:
            continue
        if not all(mergeable(x, y) for x in members[gi] for y in members[gj]):
            continue
        for k in members[gj]:
            group_of[k] = gi
        members[gi] += members.pop(gj)
    return [[claims[k] for k in sorted(ms)] for _, ms in sorted(members.items())]


# a verb of dwelling before an address in its clause: the address is where someone lives
_LIVES = re.compile(r"\b(?:liv(?:e|es|ed|ing)|resid(?:e|es|ed|ing|ents?|ence))\b", re.I)


def _lives(c: Claim) -> bool:
    """Whether a street address is told as where someone lives ("Records show Heath lives in
    the 900 block"), not where something happened: two slots, whatever their values."""
    if c.value.unit != "address block":
        return False
    text = c.sentence.text
    start = max((m.end() for m in _CLAUSE_BREAK.finditer(text, 0, c.value.start)), default=0)
    return _LIVES.search(text, start, c.value.start) is not None


_STREET = re.compile(r"\s+of\s+((?:[A-Z\d][\w.'’-]*\s*)+)")
_STREET_KINDS = frozenset(
    """street st avenue ave road rd drive dr boulevard blvd lane ln way court ct place pl
    parkway pkwy highway hwy terrace circle trail""".split()
)


def _street(c: Claim) -> frozenset[str]:
    """The street of an address block, without its kind ("Buffalo Springs" of "the 900
    block of Buffalo Springs Drive" and of "... of Buffalo Springs."): lower-case words."""
    m = _STREET.match(c.sentence.text, c.value.end)
    if m is None:
        return frozenset()
    found = re.findall(r"[\w'’-]+", m.group(1).lower())
    return frozenset(w for w in found if w not in _STREET_KINDS)


def _value_key(q: values.Quantity) -> tuple[object, ...]:
    """What :meth:`values.Quantity.agrees` reads of a value: equal keys agree alike."""
    return (
        q.kind,
        q.low,
        q.high,
        q.unit,
        q.noun,
        tuple((e.kind, e.low, e.high, e.unit, e.noun) for e in q.equivalents),
    )


def _crowd(claims: Sequence[Claim], keys: Sequence[tuple[object, ...]]) -> dict[int, int]:
    """For each claim (by id), how many claims of other sentences agree with its value. Many
    claims state one value ("Tuesday", "two people"), so agreement is asked once per pair of
    distinct values, not per pair of claims; ``keys`` are the claims' :func:`_value_key`."""
    by_key: dict[tuple[object, ...], list[Claim]] = {}
    for c, k in zip(claims, keys, strict=True):
        by_key.setdefault(k, []).append(c)
    of_kind: dict[str, list[tuple[object, ...]]] = {}
    for key in by_key:
        of_kind.setdefault(str(key[0]), []).append(key)
    in_sentence: dict[int, Counter[tuple[object, ...]]] = {}
    for c, k in zip(claims, keys, strict=True):
        in_sentence.setdefault(id(c.sentence), Counter())[k] += 1
    agree: dict[tuple[tuple[object, ...], int | None, tuple[object, ...]], bool] = {}

    def agrees(c: Claim, mine: tuple[object, ...], key: tuple[object, ...]) -> bool:
        known = agree.get((mine, c.year, key))
        if known is None:
            known = agree[(mine, c.year, key)] = c.value.agrees(by_key[key][0].value, c.year)
        return known

    # The claims agreeing with a value (and year) are counted once per value; a claim's
    # count is that less the agreeing claims of its own sentence (a few): the same integers.
    everywhere: dict[tuple[tuple[object, ...], int | None], int] = {}
    out = {}
    for c, mine in zip(claims, keys, strict=True):
        reach = everywhere.get((mine, c.year))
        if reach is None:
            reach = everywhere[(mine, c.year)] = sum(
                len(by_key[key]) for key in of_kind[c.value.kind] if agrees(c, mine, key)
            )
        own = in_sentence[id(c.sentence)]
        out[id(c)] = reach - sum(
            n for key, n in own.items() if key[0] == c.value.kind and agrees(c, mine, key)
        )
    return out


def _one_day(q: values.Quantity) -> bool:
    """A date naming one day: a calendar day, a weekday or a month and day."""
    if q.kind != "date":
        return False
    return q.unit in ("weekday", "monthday") or (not q.unit and q.low == q.high)


def _mergeable(a: values.Quantity, b: values.Quantity, year: int | None) -> bool:
    """Values one fact can hold: they agree, and neither is a weekday that the other does
    not name (:func:`_weekday_unsaid`)."""
    return not _weekday_unsaid(a, b) and a.agrees(b, year)


def _weekday_unsaid(a: values.Quantity, b: values.Quantity) -> bool:
    """One is a weekday its report did not place ("on Thursday"), the other a month-day or a
    month ("April 14") or a date of more than a week ("in 2014", "July 2013"). Both may be
    true (some Thursday falls in any year), but nothing says they are the same day, and each
    source of a fact states it: a report stating only the year does not state the weekday."""
    if a.kind != "date" or "weekday" not in (a.unit, b.unit) or a.unit == b.unit:
        return False
    other = b if a.unit == "weekday" else a
    if other.unit:  # a month-day or a month
        return True
    return b.kind == "date" and other.high - other.low >= 7


def _told_alike(a: Claim, b: Claim) -> bool:
    """Whether the words right by one claim's day (in its clause, not the day's part:
    "night") tell something the other's sentence says too: one happening on that day, not
    "warned Wednesday it will retaliate" and "set to kick in as soon as Wednesday"."""
    return bool(_by_day(a) & b.context or _by_day(b) & a.context)


_BY_DAY = 3  # content words on either side of a day that tell what happened on it


def _by_day(c: Claim) -> frozenset[str]:
    return _by_day_in(c.sentence.text, c.value)


@functools.lru_cache(maxsize=1 << 12)
def _by_day_in(text: str, q: values.Quantity) -> frozenset[str]:
    return _window(text, q, (q,), _BY_DAY) - _DAY_PARTS


def _same_day(a: values.Quantity, b: values.Quantity) -> bool:
    """Both name one day and it is the same one (a weekday or month-day of a calendar day
    counts; a weekday and a month-day cannot be told apart, so they do not)."""
    if not (_one_day(a) and _one_day(b)):
        return False
    if a.unit == b.unit:
        return a.low == b.low
    return (not a.unit or not b.unit) and a.agrees(b)


def _claim_similarity(
    a: Claim, b: Claim, weights: Mapping[str, float], masses: dict[int, float]
) -> float:
    if a.sentence is b.sentence:  # (one object per sentence; pydantic equality is slow)
        return 0.0  # two values of one sentence are two facts
    if len(a.context & b.context) < 2:
        return 0.0
    # each context's weight once, by context object (it is in many pairs): ``masses``
    for c in (a.context, b.context):
        if id(c) not in masses:
            masses[id(c)] = mass(c, weights)
    return overlap(a.context, b.context, weights, (masses[id(a.context)], masses[id(b.context)]))


def _similarities(weights: Mapping[str, float]) -> Callable[[Claim, Claim], float]:
    """:func:`_claim_similarity`, remembered per pair of contexts: the claims of one sentence
    share its context (one object), so a pair of sentences stating several values is scored
    once."""
    memo: dict[tuple[int, int], float] = {}
    masses: dict[int, float] = {}

    def similarity(a: Claim, b: Claim) -> float:
        if a.sentence is b.sentence:
            return 0.0  # two values of one sentence are two facts
        key = (id(a.context), id(b.context))
        found = memo.get(key)
        if found is None:
            found = memo[key] = _claim_similarity(a, b, weights, masses)
        return found

    return similarity


def _value(group: Sequence[Claim]) -> values.Quantity:
    """The most precise statement of the group's value (a stated equivalent counts as extra
    precision: "9.78 billion won (US$8.6 million)" says more than "8.6 million USD")."""
    return min(
        (c.value for c in group),
        key=lambda q: (not q.exact, -len(q.equivalents), (q.high - q.low) / max(abs(q.high), 1)),
    )


def _shown(group: Sequence[Claim]) -> str:
    """The group's value as shown: its most precise statement, and for a sum reports give in
    several currencies ("$19.6 million" / "almost £14m"), the most precise in each other
    currency too ("GBP 14 million = USD 19.6 million"), so each report's figure is on show."""
    main = _value(group)
    if main.kind != "money":
        return main.shown
    given = {main.unit, *(e.unit for e in main.equivalents)}
    others: dict[str, list[Claim]] = {}
    for c in group:
        if c.value.unit not in given:
            others.setdefault(str(c.value.unit), []).append(c)
    return " = ".join([main.shown, *(_value(cs).shown for _, cs in sorted(others.items()))])


def _representative(
    group: Sequence[Claim],
    weights: Mapping[str, float],
    event_terms: frozenset[str] = frozenset(),
) -> Claim:
    """The member closest to all the others: the wording the group shares most; for a
    frequency, of those stating it exactly if any do (a bound, "did not have a permit to fly
    on Sundays", shows no schedule; a hedged figure of another kind still shows its value);
    for a weekday, of those writing most of ``event_terms`` (:func:`_event_terms`) in lower
    case."""
    if len(group) == 1:
        return group[0]
    precise = list(group)
    if group[0].value.kind == "frequency":
        precise = [c for c in group if c.value.exact] or precise
    # Each pair's overlap once (it is symmetric, and claims of one sentence share a context):
    # the sums still add the same terms in the same order.
    memo: dict[tuple[int, int], float] = {}

    def similar(a: frozenset[str], b: frozenset[str]) -> float:
        key = (id(a), id(b)) if id(a) <= id(b) else (id(b), id(a))
        found = memo.get(key)
        if found is None:
            found = memo[key] = overlap(a, b, weights)
        return found

    # A weekday dates many things of a story's day ("Asked Friday in a text message", "said
    # on Friday that the presence of the nerve agent ..."): shown with the member telling the
    # event in its own words, those written in lower case (what happened, not who or where:
    # "his parole hearing on Thursday", not "released from the Lovelock Correctional Center").
    weekday = group[0].value.kind == "date" and group[0].value.unit == "weekday"
    return max(
        precise,
        key=lambda c: (
            len(phrases.lower_stems(c.sentence.text) & event_terms) if weekday else 0,
            sum(similar(c.context, o.context) for o in group if o is not c),
            -len(c.sentence.text),
        ),
    )


def _about(
    group: Sequence[Claim],
    weights: Mapping[str, float],
    parse: bool = True,
    rep: Claim | None = None,
) -> str:
    """What the value is about: a phrase from the parse of the representative sentence
    ("people arrested", "age of Durst"); without the parse, or when it gives nothing a person
    can read, the words of the sentence around the value, as written. ``rep`` is the group's
    :func:`_representative`, if the caller has it."""
    if rep is None:
        rep = _representative(group, weights)
    if rep.value.kind == "date" and (
        spanned := phrases.since(rep.sentence.text, rep.value.start, rep.value.end)
    ):
        return spanned  # the start of a time, not the date of a deed
    phrase = _slot_of(rep).phrase if parse else ""
    if phrases.readable(phrase):
        return phrase
    return phrases.nearby(rep.sentence.text, rep.value.start, rep.value.end) or phrase


class _Covering:
    """The sentences restating a sentence, found once per sentence: many groups hold the
    same sentence (one per value it states), and a long story's postings are long."""

    def __init__(
        self,
        stems: Mapping[Sentence, frozenset[str]],
        postings: Mapping[str, Sequence[Sentence]],
        stated: Mapping[Sentence, Sequence[values.Quantity]],
        settings: FactSettings,
    ) -> None:
        self.stems = {id(s): ws for s, ws in stems.items()}  # (pydantic hashing is slow)
        self.postings = postings
        self.stated = {id(s): tuple(qs) for s, qs in stated.items()}
        self.settings = settings
        self.memo: dict[int, list[tuple[str, tuple[values.Quantity, ...]]]] = {}

    def of(self, target_sentence: Sentence) -> list[tuple[str, tuple[values.Quantity, ...]]]:
        """(article, values stated) of each sentence holding ``restate_coverage`` of the
        target's stems. A restating sentence holds most of the target's stems, so it holds
        one of its rarest few: only sentences in those stems' postings are looked at."""
        key = id(target_sentence)
        found = self.memo.get(key)
        if found is not None:
            return found
        found = self.memo[key] = []
        target = self.stems[key]
        coverage = self.settings.restate_coverage
        if len(target) < self.settings.restate_min_stems:
            return found
        # a sentence missing all of the k rarest stems holds at most len - k of them
        k = len(target) - math.ceil(coverage * len(target)) + 1
        rarest = sorted(target, key=lambda w: len(self.postings.get(w, ())))[:k]
        seen: set[int] = set()
        for w in rarest:
            for s in self.postings.get(w, ()):
                if id(s) in seen:
                    continue
                seen.add(id(s))
                if len(target & self.stems[id(s)]) >= coverage * len(target):
                    found.append((s.article_id, self.stated.get(id(s), ())))
        return found


def _sources(
    group: Sequence[Claim],
    sentences: Mapping[str, Sequence[Sentence]],
    covering: _Covering,
) -> tuple[str, ...]:
    """Articles with a claim in the group, and those restating one of its sentences without
    a value that contradicts it; of a date, only those stating the date too (a copy of "On
    May 8, the Investigative Committee ... called on Canada" without "On May 8" does not
    say when)."""
    value = _value(group)
    year = group[0].year
    ids = {c.article for c in group}
    for c in group:
        for article, stated in covering.of(c.sentence):
            if article in ids or any(_contradicts(q, value, year) for q in stated):
                continue
            if value.kind == "date" and not any(_mergeable(q, value, year) for q in stated):
                continue
            ids.add(article)
    return tuple(a for a in sentences if a in ids)


def _specific(q: values.Quantity) -> bool:
    """A value precise enough to tie two reports: an exact or round figure, a hedged figure
    ("about 40 minutes", "more than $26 million", "just over 59%", "about 6:20 p.m.": the
    number is still stated), a single day; not a vague span ("in the morning", "several")."""
    if q.exact or q.round:
        return True
    if q.kind == "time":  # "about 6:20 p.m.", not "in the evening"
        return q.high - q.low <= 60 and bool(re.search(r"\d", q.text))
    if q.kind not in ("count", "money", "percent"):
        return False
    middle = abs(q.low + q.high) / 2
    return middle > 0 and (q.high - q.low) / middle <= 0.35


class _Stated:
    """The specific claims (:func:`_specific`) of each kind of value, bucketed by value and
    year, and each sentence's clock times: built once for :func:`_same_value_sources`, which
    every fact asks. A claim's value and year decide most of its tests, so a bucket whose
    value cannot be the fact's is passed over whole instead of claim by claim."""

    def __init__(self, claims: Iterable[Claim]) -> None:
        self.buckets: dict[str, dict[tuple[object, ...], list[Claim]]] = {}
        times = []
        for c in claims:
            if c.value.kind == "time":
                times.append(c)
            if _specific(c.value):
                kind = self.buckets.setdefault(c.value.kind, {})
                kind.setdefault((_value_key(c.value), c.year), []).append(c)
        self.clocks = _clocks(times)


class _Owners:
    """Whose an age is, as far as the reports tell: the person its wording names ("Katriuk,
    93", "the 73-year-old Durst"), else the person its report is about. Two men of one age in
    one cluster ("his client ... at the age of 93" of Katriuk; "a 93-year-old former SS
    officer" in a report on Gerhard Sommer) are two facts, not one fact of two sources.
    People are the brief's person entities, as the sets of lower-case words of their
    spellings; a report is about the one it names most by a full name, in ``least``
    sentences or more."""

    def __init__(
        self,
        entities: Sequence[Entity],
        sentences: Mapping[str, Sequence[Sentence]],
        least: int,
    ) -> None:
        people = [e for e in entities if e.type == "person"]
        self.person_of: dict[str, frozenset[str]] = {}  # a name word: the person's words
        # (the words of each person's spellings) for full names, and the full names by each
        # word of their name
        self.full: list[frozenset[str]] = []
        self.full_by_word: dict[str, list[int]] = {}
        for e in people:
            spelled = frozenset(
                w for n in (e.name, *e.variants) for w in words(n) if w not in STOPWORDS
            )
            for w in spelled:
                self.person_of[w] = self.person_of.get(w, frozenset()) | spelled
            if len(words(e.name)) >= 2:
                for w in frozenset(words(e.name)) & spelled:
                    self.full_by_word.setdefault(w, []).append(len(self.full))
                self.full.append(spelled)
        self.sentences = sentences
        self.least = least
        # read per report when an age needs it (most clusters have none)
        self.read: dict[str, tuple[frozenset[str], frozenset[str] | None]] = {}
        self.last: tuple[tuple[Claim, ...], tuple[frozenset[str], ...]] | None = None

    def _report(self, article: str) -> tuple[frozenset[str], frozenset[str] | None]:
        """The name words report ``article`` writes, and the person it is about (if any)."""
        if article not in self.read:
            named_in: set[str] = set()
            told = [0] * len(self.full)  # sentences naming each full name
            for s in self.sentences.get(article, ()):
                named = {w.lower() for w in _CAPITALISED.findall(s.text)} & self.person_of.keys()
                named_in |= named
                for k in {k for w in named for k in self.full_by_word.get(w, ())}:
                    told[k] += 1
            most = max(told, default=0)
            top = self.full[told.index(most)] if self.full else frozenset()
            self.read[article] = (frozenset(named_in), top if most >= self.least else None)
        return self.read[article]

    def named_in(self, article: str) -> frozenset[str]:
        return self._report(article)[0] if article in self.sentences else frozenset()

    def main(self, article: str) -> frozenset[str]:
        return (
            (self._report(article)[1] or frozenset()) if article in self.sentences else frozenset()
        )

    def named(self, c: Claim) -> frozenset[str]:
        """The person the age's own wording names ("Katriuk" of "Mr. Katriuk, 93"), or none
        ("a 93-year-old former SS officer", "at the age of 93")."""
        found: frozenset[str] = frozenset()
        for w in _CAPITALISED.findall(c.value.noun):
            found |= self.person_of.get(w.lower(), frozenset())
        return found

    def who(self, c: Claim) -> frozenset[str]:
        """The person the age is of: the one its wording names, else the one its report
        names most (none when neither is known)."""
        return self.named(c) or self.main(c.article)

    def fits(self, c: Claim, group: Sequence[Claim]) -> bool:
        """Whether claim ``c``'s age can be of the person of the fact ``group``: when both
        name someone, the same person; else each side's person is named in the other side's
        reports (a report on Gerhard Sommer never names Katriuk, whose lawyer spoke of "his
        client ... at the age of 93"; a report on the victim names the suspect whose age it
        gives unnamed, "a 30-year-old man")."""
        key = tuple(group)
        last = self.last
        if (
            last is None
            or len(last[0]) != len(key)
            or any(x is not y for x, y in zip(last[0], key))
        ):
            # (once per group, not per claim compared with it)
            theirs = frozenset().union(*(self.named(g) for g in group))
            named_there = frozenset().union(*(self.named_in(g.article) for g in group))
            people = frozenset().union(*(self.who(g) for g in group))
            last = self.last = (key, (theirs, named_there, people))
        theirs, named_there, people = last[1]
        own = self.named(c)
        if own and theirs:
            return bool(own & theirs)
        person = self.who(c)
        if person and not named_there & person:
            return False
        return not people or bool(self.named_in(c.article) & people)


def _same_value_sources(
    group: Sequence[Claim],
    sources: tuple[str, ...],
    stated: _Stated,
    weights: Mapping[str, float],
    settings: FactSettings,
    owners: _Owners | None = None,
) -> tuple[str, ...]:
    """Also every article stating the same value next to words of the fact ("four times" in
    "shot four times in the chest" / "suffered four wounds to his chest"), though its claim
    went to another fact: a source of the value, whatever fact its sentence is grouped in.
    The more the value could be said of other things, the more words it must share: the
    same figure of another counted noun ("12 charges" / "12 counts") or a year needs more
    than a day, a month or a count of the same noun. An age is someone's: with ``owners``,
    only a claim whose age can be of the fact's person (:meth:`_Owners.fits`) is a source."""
    value = _value(group)
    ends = _range_ends(value)
    if not _specific(value) and not ends:
        return sources  # vague values say too little to tie two reports
    near = frozenset().union(*(c.window for c in group))
    # (the same for every claim compared below; a day's own part of it is no word of what
    # happened then: "a vigil Tuesday night" / "the Associated Press reported Tuesday night")
    ignored = {value.unit} | (_DAY_PARTS if value.kind in ("date", "time") else set())
    near_other = near - ignored
    heads: frozenset[str] | None = None  # the group's _modified names: for years only, late
    clocks = stated.clocks
    at = [t for c in group for t in _clock_beside(c, clocks)] if _one_day(value) else []
    ids = set(sources)
    lives = _lives(group[0])  # (one slot per group: where someone lives is another, _group)
    whose = owners if value.unit == "age" else None
    for members in stated.buckets.get(value.kind, {}).values():
        # (the claims of a bucket share a value and a year: what decides ``same``)
        same = _same_value(members[0], value, ends)
        if same is None and not at:
            continue
        for c in members:
            if c.article in ids or _lives(c) != lives:
                continue
            if whose is not None and not whose.fits(c, group):
                continue  # the same age of someone else ("a 93-year-old former SS officer")
            if at and any(t.agrees(o) for t in _clock_beside(c, clocks) for o in at):
                # one day at one clock time ("about 7:30 p.m. Wednesday" in both): one moment
                ids.add(c.article)
                continue
            if same is None:
                continue
            score = overlap(c.window - ignored, near_other, weights)
            if not same:  # the same figure of another noun: only in the same words
                # (and a figure telling enough to tie two reports: "12 charges" / "12 counts";
                # two of another thing is another thing, "two hydrogen atoms" / "comes in two
                # varieties")
                telling = value.high >= settings.same_value_min_count
                if telling and score >= settings.same_value_other_noun:
                    ids.add(c.article)
                continue
            # (a measure's number is in its dimension's unit, days or metres: not a small
            # count)
            measure = value.unit in values.DIMENSIONS
            small = value.kind == "ordinal" or (
                value.kind == "count" and not measure and value.high < settings.same_value_min_count
            )
            if (
                value.kind == "date"
                and max(value.high - value.low, c.value.high - c.value.low) > 31
            ):
                need = settings.same_value_other_noun  # a year is said of many things
                if heads is None:
                    heads = frozenset().union(*(_modified(m) for m in group))
                if (
                    _modified(c) & heads
                    and min(value.high - value.low, c.value.high - c.value.low) > 31
                ):
                    # ... unless both write it before one name ("a 2007 Hyundai Sonata" / "a
                    # white 2007 four-door Hyundai Sonesta"): the year of that thing
                    ids.add(c.article)
                    continue
            elif value.kind == "date" and _calendar_day(value) and _calendar_day(c.value):
                # a calendar day ("Feb. 13", "13 February") is named for few things in one
                # story, unlike a weekday ("said Friday"): a word of the fact in common will do
                need = settings.same_calendar_day_overlap
            elif value.kind == "date":
                # one day is named for many things ("a June 15 article", "Moon urged on
                # Monday"): a date needs words of the fact besides
                need = settings.same_day_overlap
            else:
                need = settings.same_value_overlap
            if score >= need and (score > 0 or not small):
                ids.add(c.article)
    return tuple(dict.fromkeys(a for a in (*sources, *sorted(ids - set(sources)))))


# the parts of a day, as stems: written with a day, not what happened on it
_DAY_PARTS = frozenset(
    content_stems("morning afternoon evening night noon midnight dawn dusk overnight")
)


def _same_value(c: Claim, value: values.Quantity, ends: tuple[float, ...]) -> bool | None:
    """What the value (and year) of claim ``c`` may be to the fact's ``value`` in
    :func:`_same_value_sources`: the same value (True), the same figure of another counted
    noun (False), or neither (None)."""
    if ends and not any(c.value.low <= end <= c.value.high for end in ends):
        return None  # of a range ("nine to 33 years"), only its ends are stated alike
    if value.kind == "count" and not values.same_counted(c.value, value):
        # the same figure of another noun ("12 charges" / "12 counts"): never an age or a
        # measure
        if {"age", *values.DIMENSIONS} & {c.value.unit, value.unit}:
            return None
        if not (c.value.low <= value.high and value.low <= c.value.high):
            return None
        return False
    same_unit = c.value.unit == value.unit or value.kind in ("count", "money")
    if not (same_unit and _mergeable(c.value, value, c.year)):
        return None
    return True


def _clocks(times: Iterable[Claim]) -> dict[int, list[values.Quantity]]:
    """The clock times of each sentence (by id) written with their figure ("7:30 p.m.",
    "about 7:30 p.m.", not "in the evening")."""
    out: dict[int, list[values.Quantity]] = {}
    for t in times:
        if _specific(t.value):
            out.setdefault(id(t.sentence), []).append(t.value)
    return out


# What may stand between a day and its clock time: "7:30 p.m. Wednesday", "Wednesday at
# about 7:30 p.m.", "Friday, around 9 a.m.".
_DAY_AND_TIME = re.compile(r"[\s,]*(?:(?:at|about|around|shortly|just|before|after)\s+)*")


def _clock_beside(
    c: Claim, clocks: Mapping[int, Sequence[values.Quantity]]
) -> list[values.Quantity]:
    """The clock times written right beside the day of claim ``c``."""
    text = c.sentence.text
    out = []
    for t in clocks.get(id(c.sentence), ()):
        between = (
            text[t.end : c.value.start] if t.end <= c.value.start else text[c.value.end : t.start]
        )
        if _DAY_AND_TIME.fullmatch(between):
            out.append(t)
    return out


# A capitalised word (with a lower-case letter: not "BP") after at most two lower-case ones.
_NAME_AFTER = re.compile(r"\s+(?:[a-z][\w-]*\s+){0,2}?([A-Z][\w'’-]*[a-z][\w'’-]*)")
_ADVERBIAL = frozenset(
    "in since by until till from on during before after through to of for between and or than"
    " at as around about".split()
)


def _modified(c: Claim) -> frozenset[str]:
    """The name a year is written before, as its modifier ("2007 Hyundai", "2007 four-door
    Hyundai", "the 2016 Rio Olympics"): the stem of the first capitalised word
    within the next three words, if nothing but lower-case words comes between; none when the
    value ends its clause, or follows a preposition ("In 2015 Shell lost ...": then the name
    is what the sentence is about, not the year's)."""
    before = words(c.sentence.text[max(0, c.value.start - 20) : c.value.start])
    if before and before[-1] in _ADVERBIAL:
        return frozenset()
    m = _NAME_AFTER.match(c.sentence.text, c.value.end)
    if m is None:
        return frozenset()
    word = m.group(1).lower().replace("’", "'")
    return frozenset() if word in STOPWORDS else frozenset({stem(word)})


def _range_ends(q: values.Quantity) -> tuple[float, ...]:
    """The two ends of a count written as a range ("nine to 33 years", shown "9 to 33
    years"), or none: another report may state the range or one of its ends ("a minimum of
    nine years"), not any figure in between."""
    if q.kind != "count" or " to " not in q.shown:
        return ()
    return (q.low, q.high)


def _calendar_day(q: values.Quantity) -> bool:
    """A day written as a day of the calendar ("Feb. 13", "2017-02-13"): not a weekday, not
    even one resolved to its date ("on Monday")."""
    one_day = q.unit == "monthday" or (not q.unit and q.low == q.high)
    return q.kind == "date" and one_day and bool(re.search(r"\d", q.text))


def _contradicts(q: values.Quantity, value: values.Quantity, year: int | None) -> bool:
    """Whether ``q`` gives another value for the same kind of thing. Dates only contradict at
    the same precision: a sentence dated "on Monday" may also mention "the 2018 agreements"."""
    if q.kind != value.kind or q.agrees(value, year):
        return False
    if q.kind == "date":
        return (q.high - q.low) == (value.high - value.low) == 0
    return True


def _event_terms(
    articles: Sequence[Article],
    sentences: Mapping[str, Sequence[Sentence]],
    families: Sequence[Family],
    weights: Mapping[str, float],
    settings: FactSettings,
) -> frozenset[str]:
    """Words of the titles and opening sentences used by two or more families (all of them if
    there is one), minus those in more than 40% of all sentences: what and where, not who."""
    by_family: dict[int, set[str]] = {}
    family_of = {m: f.id for f in families for m in f.members}
    for a in articles:
        lead = [a.title or ""] + [
            s.text for s in sentences.get(a.id, ())[: settings.lead_sentences]
        ]
        by_family.setdefault(family_of.get(a.id, 0), set()).update(content_stems(" ".join(lead)))
    need = 2 if len(by_family) >= 2 else 1
    counts = Counter(w for ws in by_family.values() for w in ws)
    # "in at most 40% of the sentences", read off the inverse frequencies: log((n+1)/df)
    n = sum(len(ss) for ss in sentences.values()) or 1
    rare_enough = math.log((n + 1) / (0.4 * n))
    return frozenset(
        w for w, c in counts.items() if c >= need and weights.get(w, math.inf) >= rare_enough
    )


def _is_event_time(c: Claim, event: Event, terms: frozenset[str], settings: FactSettings) -> bool:
    """A clock time stated for the event itself: precise, not a recurring time, on no other
    day than the event's, in a sentence using the event's own words."""
    if c.value.kind != "time" or not c.value.exact or _RECURRING.search(c.sentence.text):
        return False
    if event.date is None:
        # undated reports (no day to pin it to): a time of a sentence naming no other date
        if c.other_dates:
            return False
    elif any(not (m.date <= event.date <= m.until) for m in c.other_dates):
        return False  # the sentence is about another day
    return len(c.context & terms) >= settings.event_time_terms


def _conflicts(
    groups: Sequence[list[Claim]],
    weights: Mapping[str, float],
    event: Event,
    event_terms: frozenset[str],
    articles: Sequence[Article],
    settings: FactSettings,
) -> list[tuple[list[Claim], list[Claim]]]:
    published = {a.id: a.published for a in articles}
    everything = [c for g in groups for c in g]
    candidates: list[tuple[list[Claim], list[Claim], bool]] = []
    # Every pair of facts asks whether their values agree, and values repeat ("Tuesday"):
    # asked once per pair of distinct values (equal keys agree alike). Each distinct key is
    # numbered, as a 1-tuple: equal keys get one number, and the pairs asked about hash two
    # numbers, not two nested tuples of the values' fields.
    number: dict[tuple[object, ...], tuple[object, ...]] = {}
    key = {id(c): number.setdefault(_value_key(c.value), (len(number),)) for c in everything}
    known: dict[tuple[tuple[object, ...], int | None, tuple[object, ...]], bool] = {}

    def agree(c: Claim, o: Claim) -> bool:
        pair = (key[id(c)], c.year, key[id(o)])
        answer = known.get(pair)
        if answer is None:
            answer = known[pair] = c.value.agrees(o.value, c.year)
        return answer

    # Which families state a value anywhere depends on the value alone: asked once per value.
    stated: dict[tuple[object, ...], set[int]] = {}

    def stated_by(c: Claim) -> set[int]:
        k = (*key[id(c)], c.value.exact)
        if k not in stated:
            stated[k] = _stated_by(everything, c)
        return stated[k]

    # A fact's claims as the other side of a pair sees them: one per distinct value (most
    # claims of a fact state the same one; agreement and precision depend on the value only).
    values_of = [_Sides.peers({key[id(c)]: c for c in g}.values()) for g in groups]
    sides = [_Sides(g, key) for g in groups]
    # Only facts of one kind are compared: each fact with the later ones of its kind, in order.
    of_kind: dict[str, list[int]] = {}
    for i, g in enumerate(groups):
        of_kind.setdefault(g[0].value.kind, []).append(i)
    rank = {i: n for indices in of_kind.values() for n, i in enumerate(indices)}
    for i, a in enumerate(groups):
        for j in of_kind[a[0].value.kind][rank[i] + 1 :]:
            b = groups[j]
            # Only the claims that contradict the other fact take sides: "in 2014" agrees
            # with both "May 2014" and "April 2014", and is no side; nor does it keep "April"
            # from contradicting "May 2014" (a claim is weighed against those as precise).
            exact_a = sides[i].against(values_of[j], agree)
            if not exact_a:
                continue
            exact_b = sides[j].against(values_of[i], agree)
            if not exact_b or not exact_a[0].value.comparable(exact_b[0].value):
                continue
            if len(exact_a) < len(_as_precise(a, exact_a)) / 2:
                continue  # most of the fact agrees with the other one
            if len(exact_b) < len(_as_precise(b, exact_b)) / 2:
                continue
            # From here on the sides are the claims taking them; ``a`` stays the whole fact, for
            # the next ``b`` (it was rebound here, so later pairs met a trimmed ``a``).
            if {c.family for c in exact_a} & {c.family for c in exact_b}:
                continue  # one family saying both: a correction or an update
            if _is_update(exact_a, exact_b, published):
                continue
            if exact_a[0].value.kind == "date" and not _comparable_dates(
                exact_a, exact_b, published
            ):
                continue
            if exact_a[0].value.kind == "date" and _news_of_their_days(exact_a, exact_b, published):
                continue
            if exact_a[0].value.kind == "time" and not _of_one_day(exact_a, exact_b, published):
                continue
            if not _rivals(exact_a[0].value, exact_b[0].value, settings):
                continue
            if _other_periods(exact_a, exact_b):
                continue
            if _unasserted(exact_a) or _unasserted(exact_b):
                continue
            both = stated_by(exact_a[0]) & stated_by(exact_b[0])
            if both and not _told_apart(both, exact_a, exact_b, everything, settings):
                continue  # a family giving both figures somewhere: two things, not a dispute
            event_time = all(
                _is_event_time(c, event, event_terms, settings) for c in exact_a + exact_b
            )
            if event_time and event.date is None:
                # no event day: only times near each other are rival times of one moment
                # ("about 11:15 p.m." / "around 10:40 p.m."), not a 4 a.m. deadline and a 5 p.m.
                event_time = values.near_times(exact_a[0].value, exact_b[0].value)
            candidates.append((exact_a, exact_b, event_time))
    # Last, as it may parse the sentences (the costly test; the cheap ones go first): the
    # clauses of every candidate in one batch.
    phrases.prime(
        (c.sentence.text, c.value.start, c.value.end)
        for a, b, event_time in candidates
        if not event_time
        for c in (*a, *b)
        if c.value.unit != "age"
    )
    # (reports of one day of publication, or none known: see _same_slot's calendar days; of the
    # whole brief, as a long story's reports of many days name many days for many things,
    # even two reports of one of its days: "arrived in Brownsville on 4 April" / "went to the
    # hospital in Oaxaca on 8 April")
    one_day = len(set(published.values())) == 1
    return [
        (a, b)
        for a, b, event_time in candidates
        if event_time or _same_slot(a, b, weights, settings, one_day)
    ]


_MULTIPLIERS = frozenset({"time", "fold"})
# a sentence asking or exclaiming, maybe inside a closing quote: "... caught the flu in the UK
# and they are now recovering from it”!"
_UNASSERTED = re.compile(r"[!?][\"'”’)]*\s*$")


def _unasserted(side: Sequence[Claim]) -> bool:
    """Every claim of a side is in a question or an exclamation (a reader's comment: "The
    gist of what you have been reporting in the last week is '15 people caught the flu'!"):
    no figure a report asserts, so no side of a dispute."""
    return all(_UNASSERTED.search(c.sentence.text) for c in side)


def _other_periods(a: Sequence[Claim], b: Sequence[Claim]) -> bool:
    """The figures are dated to different years by their own sentences ("24.2 million euros
    in 2014" / "5.6 million euros last year"): values of different periods. A date is its own
    period: the years its sentence names besides ("rejected the compensation decisions for
    2015" of a vote "Thursday") do not date it."""
    if a[0].value.kind == "date":
        return False
    years_a = {y for c in a for m in c.other_dates for y in range(m.date.year, m.until.year + 1)}
    years_b = {y for c in b for m in c.other_dates for y in range(m.date.year, m.until.year + 1)}
    if not (years_a and years_b and years_a.isdisjoint(years_b)):
        return False
    if a[0].value.unit == "age" and b[0].value.unit == "age":
        # one grows a year older a year on: "73" in a sentence of last year and "72" in one of
        # this February cannot both be right, whatever else the years date
        grown = b[0].value.low - a[0].value.low
        return any(abs(grown - (yb - ya)) <= 1 for ya in years_a for yb in years_b)
    return True


def _day_told(c: Claim, published: Mapping[str, dt.date | None]) -> dt.date | None:
    """The day a clock time is of: the one day its sentence names, else its report's day."""
    days = {m.date for m in c.other_dates if m.precision == "day" and m.date == m.until}
    return next(iter(days)) if len(days) == 1 else published.get(c.article)


def _of_one_day(
    a: Sequence[Claim], b: Sequence[Claim], published: Mapping[str, dt.date | None]
) -> bool:
    """Whether clock times can be of one moment: all of one day, by their sentences or their
    reports' days ("at 4pm today" on May 11 and "at 10pm" on May 14 are other moments; on a
    long story's reports of many days, "at 4pm" is many things)."""
    days = {_day_told(c, published) for c in (*a, *b)} - {None}
    return len(days) <= 1


# How far a report's own news day may lie from its publication: "yesterday", "on Monday" in
# Wednesday's paper, "today" in a paper dated by another time zone, a photo of the weekend in
# Tuesday's gallery.
_NEWS_DAY = (-3, 1)


def _news_of_their_days(
    a: Sequence[Claim], b: Sequence[Claim], published: Mapping[str, dt.date | None]
) -> bool:
    """Days that are each side's own news day, told by reports days apart, the later reports
    giving the later day: the story moving on ("confirmed today" on May 11, "by yesterday" on
    May 4), not a dispute. A fixed past moment ("the April 20 explosion") told weeks later is
    no report's news day, and stays comparable."""

    def days(side: Sequence[Claim]) -> tuple[list[int], list[int]] | None:
        told, filed = [], []
        for c in side:
            day = published.get(c.article)
            if day is None or c.value.unit or c.value.low != c.value.high:
                return None  # (weekdays and month-days: _comparable_dates and years decide)
            offset = int(c.value.low) - day.toordinal()
            if not _NEWS_DAY[0] <= offset <= _NEWS_DAY[1]:
                return None
            told.append(int(c.value.low))
            filed.append(day.toordinal())
        return told, filed

    da, db = days(a), days(b)
    if da is None or db is None:
        return False
    (told_a, filed_a), (told_b, filed_b) = sorted((da, db), key=lambda d: min(d[1]))
    return max(filed_a) < min(filed_b) and max(told_a) < min(told_b)


def _rival_dates(a: values.Quantity, b: values.Quantity, settings: FactSettings) -> bool:
    """Rival dates of one thing are days, weekdays or months close to each other (April 14 or
    16, Tuesday or Wednesday, April or May 2014); years and dates far apart are other things
    (the 2010 spill, the 2015 loss)."""
    if a.unit != b.unit:
        return False
    if a.unit == "weekday":
        return min((a.low - b.low) % 7, (b.low - a.low) % 7) <= 1
    if a.unit == "monthday":
        return (
            int(a.low) // 100 == int(b.low) // 100
            and abs(a.low - b.low) <= settings.conflict_max_days
        )
    if a.unit == "month":
        return abs(a.low - b.low) <= 1
    span_a, span_b = a.high - a.low, b.high - b.low
    if span_a == span_b == 0:
        return abs(a.low - b.low) <= settings.conflict_max_days
    if 27 <= span_a <= 31 and 27 <= span_b <= 31:
        return abs(a.low - b.low) <= 62  # neighbouring months
    return False


def _stated_by(claims: Sequence[Claim], c: Claim) -> set[int]:
    """Families stating a value equal to ``c``'s (same kind and unit) anywhere."""
    lives = _lives(c)
    return {
        o.family
        for o in claims
        if o.value.kind == c.value.kind
        and o.value.exact
        and _lives(o) == lives  # (where someone lives is another slot: _group)
        and o.value.comparable(c.value)
        and (c.value.kind != "date" or _width(o) <= _width(c))  # "2014" is not "May 2014"
        and o.value.agrees(c.value, o.year)
    }


_CALENDAR_NAMES = frozenset(
    stem(w)
    for w in """monday tuesday wednesday thursday friday saturday sunday january february march
    april may june july august september october november december""".split()
)


def _names_near(c: Claim, size: int) -> frozenset[str]:
    """Stems of the capitalised words near the value, within its clause (not the sentence's
    first word, nor a day or month): the place or firm a figure is told of."""
    text = c.sentence.text
    start = max((m.end() for m in _CLAUSE_BREAK.finditer(text, 0, c.value.start)), default=0)
    end = next((m.start() for m in _CLAUSE_BREAK.finditer(text, c.value.end)), len(text))
    before = list(_WORD.finditer(text, start, c.value.start))[-size:]
    after = list(_WORD.finditer(text, c.value.end, end))[:size]
    first = _WORD.search(text)
    return (
        frozenset(
            stem(m.group().lower())
            for m in before + after
            if _CAPITALISED.fullmatch(m.group())
            and m.group().lower() not in STOPWORDS
            and (first is None or m.start() != first.start())
        )
        - _CALENDAR_NAMES
    )


_WORD = re.compile(r"[\w'’-]+")
_CAPITALISED = re.compile(r"[A-Z][a-z][\w'’-]*")


def _told_apart(
    families: set[int],
    a: Sequence[Claim],
    b: Sequence[Claim],
    everything: Sequence[Claim],
    settings: FactSettings,
) -> bool:
    """Whether the families giving both counts give one of them of another named thing: the
    two sides tell of one place ("in Middleton, Wisconsin, left three people hurt" / "four
    people were shot at a software company ... in Middleton"), and each of those families
    states the other side's figure only of other names ("a gunman wounded four people at the
    Masontown Borough Municipal Center"). A figure told of no name may be of the same thing:
    it keeps the family's two figures from being a dispute."""
    if a[0].value.kind != "count":
        return False  # (days and times: a long story names many for many things)
    size = settings.conflict_window
    names_a = frozenset().union(*(_names_near(c, size) for c in a))
    names_b = frozenset().union(*(_names_near(c, size) for c in b))
    shared = names_a & names_b
    if not shared:
        return False

    def of_it(side: Sequence[Claim], family: int) -> bool:
        # the family states this side's figure of the shared name, or of no name at all
        value = side[0].value
        return any(
            o.family == family
            and o.value.kind == value.kind
            and o.value.exact
            and o.value.comparable(value)
            and o.value.agrees(value, o.year)
            and (not (near := _names_near(o, size)) or bool(near & shared))
            for o in everything
        )

    return not any(of_it(a, f) and of_it(b, f) for f in families)


def _width(c: Claim) -> float:
    """How coarse a claim is: for dates its grain (a day, a month, a year, longer), as months
    differ in length; for other values the interval's width."""
    width = c.value.high - c.value.low
    if c.value.kind != "date":
        return width
    # (asked for every pair of claims in the conflict search: plain comparisons, no generator)
    return 0 if width <= 0 else 1 if width <= 31 else 2 if width <= 366 else 3


class _Sides:
    """The exact claims of one fact, for asking which of them another fact contradicts, in
    every pair of facts of the conflict search. Whether a claim takes sides depends on its
    value and year alone (equal :func:`_value_key`s agree alike): decided once per distinct
    one, and each claim's precision read once, not once per claim compared with it."""

    def __init__(self, group: Sequence[Claim], key: Mapping[int, tuple[object, ...]]) -> None:
        self.exact = [(c, (key[id(c)], c.year), _width(c)) for c in group if c.value.exact]

    @staticmethod
    def peers(claims: Iterable[Claim]) -> list[tuple[Claim, float]]:
        """The other side's claims (one per distinct value), each with its :func:`_width`."""
        return [(o, _width(o)) for o in claims]

    def against(
        self, other: Sequence[tuple[Claim, float]], agree: Callable[[Claim, Claim], bool]
    ) -> list[Claim]:
        """The exact claims that ``other`` (:meth:`peers`) contradicts: some claim of
        ``other`` as precise disagrees and none as precise agrees (a coarser "2014" agrees
        with any month of it and says nothing for or against "May 2014")."""
        out = []
        taking: dict[tuple[object, ...], bool] = {}
        for c, value, width in self.exact:
            verdict = taking.get(value)
            if verdict is None:
                # (of dates only: a hedged or round figure agreeing with a figure still keeps
                # it out)
                if c.value.kind == "date":
                    peers = [o for o, w in other if w <= width]
                else:
                    peers = [o for o, _ in other]
                verdict = bool(peers)
                for o in peers:  # (a loop, not any() over a generator: asked ~3,000 times)
                    if agree(c, o):
                        verdict = False
                        break
                taking[value] = verdict
            if verdict:
                out.append(c)
        return out


def _as_precise(group: Sequence[Claim], sides: Sequence[Claim]) -> list[Claim]:
    """The exact claims of ``group`` as precise as the coarsest of ``sides``."""
    widest = max(_width(c) for c in sides)
    return [c for c in group if c.value.exact and (c.value.kind != "date" or _width(c) <= widest)]


def _rivals(a: values.Quantity, b: values.Quantity, settings: FactSettings) -> bool:
    """Whether two disagreeing figures can be rival reports of one figure: reports that
    disagree on a figure give neighbouring values (8 or 10 arrested, 72 or 73 years old, $8.6
    or $9 million); a figure several times another is another quantity (a bonus beside the
    total pay, one charge count beside all of them)."""
    if a.kind == "date":
        return _rival_dates(a, b, settings)
    if a.kind not in ("count", "ordinal", "money", "percent"):
        return True
    if a.kind == "count" and a.unit in _MULTIPLIERS:
        return False  # "six times that", "seven times as high": ratios to different things
    size_a, size_b = abs(a.low + a.high) / 2, abs(b.low + b.high) / 2
    if a.unit != b.unit:
        if a.kind != "money":
            return True
        usd_a, usd_b = values.in_usd(a), values.in_usd(b)
        if usd_a is None or usd_b is None:
            return True
        size_a, size_b = usd_a, usd_b
    low, high = sorted((size_a, size_b))
    return low > 0 and high / low <= settings.conflict_max_ratio


def _comparable_dates(
    a: Sequence[Claim], b: Sequence[Claim], published: Mapping[str, dt.date | None]
) -> bool:
    """Dates contradict only at one precision (a day against a day: "the 1964 charter" is no
    rival to "on Thursday"), and not when both are weekday-style dates resolved against
    different publication days, where one slip of the resolution would make a conflict."""
    span = {_width(c) for c in (*a, *b)}  # (months of 30 and 31 days are one precision)
    if len(span) != 1:
        return False
    relative = not any(re.search(r"\d{4}", c.value.text) for c in (*a, *b))
    days = {published.get(c.article) for c in (*a, *b)}
    if relative and len(days) > 1:
        # ... unless both sides name one day, in other parts ("Saturday morning" / "Saturday
        # afternoon"): a slip of the resolution would move both
        return all(values.parts_of_one_day(x.value, y.value) for x in a for y in b)
    return True


def _same_slot(
    a: Sequence[Claim],
    b: Sequence[Claim],
    weights: Mapping[str, float],
    settings: FactSettings,
    one_day: bool = False,
) -> bool:
    """Whether two facts give a value for one thing: the words next to the values say the
    same ("people in custody" / "in custody"), or, for ages, they are the same person's.
    With ``one_day`` (reports of one day, or undated), two calendar days the parse hangs on
    other words may still be one thing (below)."""
    for x in a:
        for y in b:
            if x.value.unit == "age" == y.value.unit:
                # one person's age: only when both name them ("a 30-year-old man" and "Kifah
                # Rafati, 40" are two people)
                if _whose(x.value.noun, y.value.noun):
                    return True
                continue
            if x.value.kind == "count" and (_other_status(x, y) or _added(x) != _added(y)):
                continue
            if _expected(x) != _expected(y):
                continue
            if x.value.unit == "address block" == y.value.unit:
                # blocks of one street, neither told as where someone lives: the place of
                # the event ("called to a home on the 900 block of Buffalo Springs Drive" /
                # "the double murder in the 800 block of Buffalo Springs Drive"), whatever
                # verb the parse hangs each on
                if not (_lives(x) or _lives(y)) and _street(x) == _street(y) != frozenset():
                    return True
                continue
            if x.value.kind == "frequency":
                # how often one thing is done: the same verb on the same object ("fly that
                # route on Mondays, ..." / "fly the route daily")
                done_x, done_y = _done(x), _done(y)
                if done_x is None or done_y is None or done_x[1] != done_y[1]:
                    continue
                if not _same_deed(done_x[0], done_y[0]):
                    continue
                if done_x[1] or len(x.window & y.window) >= settings.conflict_shared_stems:
                    return True
                continue
            same = _same_structure(x, y)
            if same is not None:
                if same:
                    return True
                # Two calendar days the parse hangs on other words ("a shareholder vote on
                # April 14" / "shareholders will vote at the meeting on April 16") are one
                # thing if the words around them share enough: a calendar day is named for
                # few things in a report of one day (as for its sources), however common the
                # words; a long story's reports of many days name many days for many things.
                calendar = one_day and _calendar_day(x.value) and _calendar_day(y.value)
                # so are two parts of one day ("Saturday morning" / "On Saturday afternoon")
                # (of reports of any days: each names the same day)
                calendar = calendar or values.parts_of_one_day(x.value, y.value)
                if calendar and len(x.window & y.window) >= settings.conflict_shared_stems:
                    return True
                continue
            if x.value.kind == "ordinal":
                return True  # "its sixth day" / "the seventh day": the noun ranked is the slot
            shared = x.window & y.window
            if (
                len(shared) >= settings.conflict_shared_stems
                and overlap(x.window, y.window, weights) >= settings.conflict_similarity
            ):
                return True
    return False


_SUSPECTED = re.compile(
    r"\b(?:suspect\w*|possible|probable|presumed|potential|under investigation|being tested)\b",
    re.I,
)
_CONFIRMED = re.compile(r"\bconfirm\w*", re.I)


def _status(c: Claim) -> str | None:
    """Whether a count's clause counts confirmed or suspected cases ("236 confirmed cases" /
    "230 possible other cases under investigation"); None if it says neither, or both."""
    text = phrases.clause(c.sentence.text, c.value.start, c.value.end)[0]
    suspected, confirmed = bool(_SUSPECTED.search(text)), bool(_CONFIRMED.search(text))
    return None if suspected == confirmed else "suspected" if suspected else "confirmed"


_ADDED_BEFORE = re.compile(r"\b(?:another|an\s+additional|a\s+further)\s+$", re.I)
_ADDED_IN = re.compile(r"\b(?:more|new|additional|further)\b", re.I)


def _added(c: Claim) -> bool:
    """Whether a count is of more of them, added to a total ("another 48 people have died",
    "61 new cases", "three more deaths"): an increment, no rival of the total ("45 people
    have died there")."""
    before = c.sentence.text[max(0, c.value.start - 20) : c.value.start]
    return bool(_ADDED_BEFORE.search(before) or _ADDED_IN.search(c.value.text))


_EXPECTED = re.compile(
    r"\b(?:is|are|was|were|been)\s+(?:expected|forecast|projected|predicted|due|set)\s+to\b", re.I
)


def _expected(c: Claim) -> bool:
    """Whether the value's clause tells what is expected ("the operation is expected to take
    more than two days"): a forecast, no rival of what came about ("it has taken troops three
    days")."""
    return bool(_EXPECTED.search(phrases.clause(c.sentence.text, c.value.start, c.value.end)[0]))


def _other_status(x: Claim, y: Claim) -> bool:
    """Counts of cases confirmed and of cases suspected are two counts, not rival ones."""
    sx, sy = _status(x), _status(y)
    return sx is not None and sy is not None and sx != sy


_LIGHT = frozenset({"be", "have", "do", "say", "tell", "report", "make", "get"})


def _done(c: Claim) -> tuple[str, str] | None:
    """What a frequency says is done so often: the lemmas of the verb it hangs on (through
    the noun or preposition between: "flights on Mondays" hangs on "permitted") and of that
    verb's object ("" if none); None when the parse gives no verb of content."""
    return _done_in(c.sentence.text, c.value.start, c.value.end)


@functools.lru_cache(maxsize=1 << 12)
def _done_in(sentence: str, start: int, end: int) -> tuple[str, str] | None:
    # (cached: the conflict search asks it of a claim once per pair of facts it is in)
    span = phrases.span_of(sentence, start, end)
    if span is None:
        return None
    verb = span.root
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:  # (up to the root)
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() in _LIGHT:
        return None
    obj = next((t for t in verb.children if t.dep_ in ("dobj", "obj")), None)
    return verb.lemma_.lower(), obj.lemma_.lower() if obj is not None else ""


def _slot_of(c: Claim) -> phrases.Slot:
    return phrases.slot(c.sentence.text, c.value.start, c.value.end, c.value.kind, c.value.unit)


def _same_structure(x: Claim, y: Claim) -> bool | None:
    """Whether the parse says the two values attach to one word ("arrested", "detected"):
    True or False when both attach to a word of content, None when the parse cannot tell."""
    if x.value.unit == "age":
        return None  # every age attaches to "old": whose it is decides (see _same_slot)
    sx, sy = _slot_of(x), _slot_of(y)
    light = {"", "be", "have", "do", "say", "tell", "report"}
    if sx.governor in light or sy.governor in light:
        return None
    counts = x.value.kind in ("count", "ordinal")
    different_things = counts and sx.thing and sy.thing and sx.thing != sy.thing
    if different_things and not values.same_counted(x.value, y.value):
        return False
    if sx.qualifiers and sy.qualifiers and sx.qualifiers != sy.qualifiers:
        return False  # "two robbery charges" / "three charges of disobeying an order"
    deed_x, deed_y = _left(x, sx.governor), _left(y, sy.governor)
    return _same_deed(deed_x, deed_y) or _shot_as_hurt(x, y, deed_x, deed_y)


_DEATH = re.compile(r"\b(?:kill\w*|dead|deaths?|died|dies|dying|fatal\w*|slain)\b", re.I)


def _shot_as_hurt(x: Claim, y: Claim, deed_x: str, deed_y: str) -> bool:
    """People shot and people hurt are one count ("four people were shot at a software
    company" / "left three people hurt") where neither clause tells of a death: those shot
    dead are shot, not hurt ("shot five people, killing two" against "three wounded")."""
    deeds = {deed_x, deed_y}
    if "shoot" not in deeds or not deeds - {"shoot"} <= _DEEDS[1] or len(deeds) != 2:
        return False
    return not any(
        _DEATH.search(phrases.clause(c.sentence.text, c.value.start, c.value.end)[0])
        for c in (x, y)
    )


def _left(c: Claim, governor: str) -> str:
    """The deed of a count an event "left" in some state: "left three people hurt" is three
    people hurt, as "left 12 dead" is 12 killed (the verb's complement); other governors as
    they are."""
    state = _left_in(c) if governor == "leave" else None
    return governor if state is None else _STATES.get(state, state)


def _left_in(c: Claim) -> str | None:
    """The state "left" puts the counted noun in ("hurt" of "left three people hurt"), the
    lemma as written; None if the count is no object of "left" with a state."""
    span = phrases.span_of(c.sentence.text, c.value.start, c.value.end)
    if span is None:
        return None
    noun = span.root.head if span.root.dep_ == "nummod" else span.root
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lemma_.lower() != "leave":
        return None  # ("left 12 dead and 40 injured": the 40 is no object of "left")
    state = next((t for t in verb.children if t.dep_ in ("xcomp", "oprd", "acomp")), None)
    return None if state is None else state.lemma_.lower()


# A state an event leaves people in, as the deed that put them there.
_STATES = {"dead": "kill", "injured": "injure", "wounded": "wound", "hurt": "hurt"}


# Verbs that report one deed in other words ("was named chief" / "was hired"; "three people
# hurt" / "injured"; "found" / "detected"): a value attached to either is a value of one
# thing. Lemmas, as the parse gives them; a small thesaurus of the deeds news figures count.
_DEEDS = (
    frozenset("name appoint hire elect install nominate promote swear select tap".split()),
    frozenset("injure wound hurt".split()),
    frozenset("find detect locate discover spot".split()),
    frozenset("arrest detain apprehend capture".split()),
    frozenset("kill slay murder".split()),
)


def _same_deed(a: str, b: str) -> bool:
    """Whether two governing lemmas name one deed: the same word or words of one class."""
    return a == b or any(a in deed and b in deed for deed in _DEEDS)


def _whose(a: str, b: str) -> bool | None:
    """Whether two ages are of one person by the names given ("Durst" / "the ailing Durst"),
    None when one of them names nobody."""
    if not a or not b:
        return None
    wa, wb = set(words(a)), set(words(b))
    return bool(wa & wb) or values.one_child(a, b)


def _slots(
    pairs: Sequence[tuple[list[Claim], list[Claim]]],
) -> list[list[list[list[Claim]]]]:
    """Conflicting pairs as slots: the claims connected by conflicts, in sides of claims whose
    values agree. One conflict per slot lists every value, however many there are."""
    parent: dict[int, int] = {}
    claim_of: dict[int, Claim] = {}

    for a, b in pairs:
        for c in (*a, *b):
            claim_of.setdefault(id(c), c)
            parent.setdefault(id(c), id(c))
        first = syndication.union_root(parent, id(a[0]))
        for c in (*a, *b):
            r = syndication.union_root(parent, id(c))
            if r != first:
                parent[r] = first
    components: dict[int, list[Claim]] = {}
    for k, c in claim_of.items():
        components.setdefault(syndication.union_root(parent, k), []).append(c)
    out = []
    for members in components.values():
        sides: list[list[Claim]] = []
        for c in sorted(members, key=lambda c: (not c.value.exact, c.article, c.sentence.index)):
            side = next(
                (side for side in sides if all(c.value.agrees(o.value, c.year) for o in side)),
                None,
            )
            if side is None:
                sides.append([c])
            else:
                side.append(c)
        if len(sides) >= 2:
            sides.sort(key=lambda side: -len({c.family for c in side}))
            out.append([[side] for side in sides])
    return out


def _is_update(
    a: Sequence[Claim], b: Sequence[Claim], published: Mapping[str, dt.date | None]
) -> bool:
    """Figures from reports of different days: a count that grew (a toll, a total) is news
    moving on, not a contradiction."""
    days_a = {published.get(c.article) for c in a}
    days_b = {published.get(c.article) for c in b}
    if None in days_a or None in days_b:
        return False
    growing = ("count", "ordinal", "money", "percent")  # (an ordinal: "its sixth day")
    return a[0].value.kind in growing and days_a.isdisjoint(days_b)


def _phrase_of(c: Claim) -> str:
    """The parse's phrase for what the value is about, "people hurt" for "left three people
    hurt" (not "people left": the state is what is counted)."""
    slot = _slot_of(c)
    state = _left_in(c) if slot.governor == "leave" else None
    if state is not None and slot.phrase.endswith(" left"):
        return f"{slot.phrase[: -len(' left')]} {state}"
    return slot.phrase


def _conflict(slot: Sequence[Sequence[list[Claim]]], weights: Mapping[str, float]) -> Conflict:
    first = [c for g in slot[0] for c in g]
    if first[0].value.kind == "time":
        about = "time of the event"
    else:  # the fullest phrase any side's wording gives ("people in custody")
        phrases_ = [
            _phrase_of(_representative([c for g in side for c in g], weights)) for side in slot
        ]
        best = max(phrases_, key=len)
        about = best if phrases.readable(best) else _about(first, weights)
    sides = []
    for side in slot:
        group = [c for g in side for c in g]
        rep = _representative(group, weights)
        cited = [attribution(c.sentence.text) for c in group]
        sides.append(
            ConflictValue(
                value=_value(group).shown,
                text=rep.sentence.text,
                sources=tuple(dict.fromkeys(c.article for c in group)),
                attributed_to=next((x for x in cited if x), None),
            )
        )
    return Conflict(about=about, values=tuple(sides))


def _event_fact(event: Event, family_of: Mapping[str, int], restating: Sequence[str]) -> Fact:
    sources = tuple(dict.fromkeys((*event.sources, *sorted(restating))))
    independent = len({family_of.get(s, 0) for s in sources})
    return Fact(
        about="date of the event",
        kind="date",
        value=event.date.isoformat() if event.date else "",
        text="; ".join(event.evidence),
        sources=sources,
        independent_sources=independent,
        status="corroborated" if independent >= 2 else "single-source",
    )


def _quote_fact(q: Quote) -> Fact:
    return Fact(
        about=f"{q.speaker or 'unattributed'} said",
        kind="quote",
        value=q.text,
        text=" / ".join((q.text, *q.variants)),
        sources=q.sources,
        independent_sources=q.independent_sources,
        status="corroborated",
    )


# --- who ranks where: "Krystle Campbell, 29, was the second fatality identified" -------------

_ORDINALS = {
    w: n
    for n, ws in enumerate(
        (
            ("first", "1st"),
            ("second", "2nd"),
            ("third", "3rd"),
            ("fourth", "4th"),
            ("fifth", "5th"),
            ("sixth", "6th"),
            ("seventh", "7th"),
            ("eighth", "8th"),
            ("ninth", "9th"),
            ("tenth", "10th"),
        ),
        start=1,
    )
    for w in ws
}
_ORDINAL = "|".join(sorted(_ORDINALS, key=len, reverse=True))
# a full name: two to four capitalised words ("Martin Richard", not "Campbell" nor "He")
_FULL_NAME = r"(?P<name>(?<![\w'’-])[A-Z][a-z'’]+(?: [A-Z][a-z'’]+){1,3})"
# "NAME(, 29,) was the second (fatality) (of the three people killed ...) (to have been)
# identified": the name, the rank, the rest of its clause
_NAME_RANKED = re.compile(
    _FULL_NAME + r"(?:, [^,;:]{1,40},)? (?:was|is|became) the (?P<rank>" + _ORDINAL + r")\b"
    r"(?P<rest>[^,;:.!?]*)"
)
# "The second victim was identified as NAME"
_RANKED_NAME = re.compile(
    r"\b(?P<rank>" + _ORDINAL + r") (?P<rest>(?:[a-z]+ ){0,3}?(?:was|has been) [a-z]+(?:ed|en)"
    r" as) " + _FULL_NAME,
    re.I,
)
# the deed ranked, passive: "to have been identified", "to be named", or a participle right
# after the ranked noun ("the second fatality identified", "the first person killed")
_RANK_DEED = re.compile(r"\bto (?:be|have been) (?P<deed>[a-z]+(?:ed|en))\b")
_RANK_DEED_AFTER = re.compile(r"\s*(?:[a-z]+ ){0,2}?(?P<deed>[a-z]+(?:ed|en))\b")
_RANK_DEED_AS = re.compile(r"\b(?:was|has been) (?P<deed>[a-z]+(?:ed|en)) as$")
_NOT_DEEDS = frozenset({"been", "seen", "often", "even", "open", "when", "then", "ten"})


def _person(name: str) -> str:
    """A full name without the sentence's opening words the match took ("On Monday Martin
    Richard" is Martin Richard); "" if fewer than two words are left."""
    found = name.split()
    while found and (found[0].lower() in STOPWORDS or stem(found[0].lower()) in _CALENDAR_NAMES):
        found.pop(0)
    return " ".join(found) if len(found) >= 2 else ""


@dataclass(frozen=True)
class _Ranked:
    article: str
    sentence: Sentence
    rank: int
    deed: str
    name: str
    shown: str
    verb: int  # (the match's start: reading order, as :mod:`sides` wants)


def _ranked(article: str, s: Sentence) -> list[_Ranked]:
    """Who a sentence says was the n-th one a thing was done to ("Eight-year-old Martin
    Richard was the second of the three people killed in the explosions to have been
    identified"): the rank, the deed (a passive participle) and the person's full name."""
    text = s.text
    if _UNASSERTED.search(text):
        return []
    out = []
    for m in _NAME_RANKED.finditer(text):
        rest = m.group("rest")
        found = _RANK_DEED.search(rest) or _RANK_DEED_AFTER.match(rest)
        name = _person(m.group("name"))
        if found is None or found.group("deed").lower() in _NOT_DEEDS or not name:
            continue
        rank, deed = _ORDINALS[m.group("rank").lower()], found.group("deed").lower()
        out.append(_Ranked(article, s, rank, deed, name, name, m.start()))
    for m in _RANKED_NAME.finditer(text):
        found = _RANK_DEED_AS.search(m.group("rest"))
        name = _person(m.group("name"))
        if found is None or found.group("deed").lower() in _NOT_DEEDS or not name:
            continue
        rank, deed = _ORDINALS[m.group("rank").lower()], found.group("deed").lower()
        out.append(_Ranked(article, s, rank, deed, name, name, m.start()))
    return out


def _one_person(a: str, b: str) -> bool:
    """Two full names of one person: a word in common ("Martin Richard" / "Martin")."""
    return bool(set(a.lower().split()) & set(b.lower().split()))


def rank_conflicts(
    sentences: Mapping[str, Sequence[Sentence]], family_of: Mapping[str, int]
) -> list[Conflict]:
    """Reports naming different people as the n-th one a deed was done to (who was "the
    second fatality identified": Martin Richard in one report, Krystle Campbell in another):
    one rank of one deed, full names with no word in common, from two families, each of which
    names one person only for it (a family naming two is correcting itself)."""
    by_slot: dict[tuple[int, str], list[_Ranked]] = {}
    for article in sorted(sentences):
        for s in sentences[article]:
            if " the " not in s.text and " as " not in s.text:
                continue
            for r in _ranked(article, s):
                by_slot.setdefault((r.rank, r.deed), []).append(r)
    out = []
    for (rank, deed), found in by_slot.items():
        sides: list[list[_Ranked]] = []
        for r in found:
            side = next((x for x in sides if _one_person(x[0].name, r.name)), None)
            if side is None:
                sides.append([r])
            else:
                side.append(r)
        if len(sides) < 2:
            continue
        if sides_mod.shared_family(sides, family_of):
            continue  # one family naming two people for the rank
        ordinal = next(w for w, n in _ORDINALS.items() if n == rank)
        out.append(sides_mod.conflict(f"who was the {ordinal} {deed}", sides))
    return out


# --- where a person is from: "Krystle Campbell, 29, of Medford, Mass." -------------------------

# "NAME(, 29,) of|from TOWN, STATE": a person, and the town and its state (or county, country)
_FROM = re.compile(
    _FULL_NAME + r"(?:, (?:an? |the )?[\w -]{1,30},)? (?:of|from) (?:the )?"
    r"(?P<town>[A-Z][a-z'’]+(?: [A-Z][a-z'’]+){0,2}), (?P<within>[A-Z][\w.]*(?: [A-Z][\w.]*)?)"
    r"(?=[,;.]|\s[a-z])"
)
_WITHIN_NOT = frozenset({"the", "a", "an", "he", "she", "they", "who", "police", "and"})


@dataclass(frozen=True)
class _From:
    article: str
    sentence: Sentence
    name: str
    town: str
    within: str
    shown: str
    verb: int


def _froms(article: str, s: Sentence) -> list[_From]:
    out = []
    for m in _FROM.finditer(s.text):
        # (one state however written: "Medford, Mass." and "Arlington, Massachusetts")
        within = (rivals.region_of(m.group("within")) or m.group("within").replace(".", "")).lower()
        name, town = _person(m.group("name")), m.group("town")
        if within in _WITHIN_NOT or not name or name.split()[-1] == town:
            continue
        shown = f"{town}, {m.group('within')}"
        out.append(_From(article, s, name, town, within, shown, m.start()))
    return out


def _one_named(a: str, b: str) -> bool:
    """Two full names of one person: the same surname and first name."""
    x, y = a.split(), b.split()
    return x[-1] == y[-1] and x[0] == y[0]


def place_conflicts(
    sentences: Mapping[str, Sequence[Sentence]], family_of: Mapping[str, int]
) -> list[Conflict]:
    """Reports placing one person's home in two towns of one state ("Krystle Campbell, 29, of
    Medford, Mass." / "... of Arlington, Mass."): towns written beside the same state are
    places of one level, neither a part of the other, unless some sentence of the cluster
    writes them together ("Dorchester, Boston", "Boston's Dorchester"). One full name in
    both, from two families, each giving one town."""
    found: list[_From] = []
    for article in sorted(sentences):
        for s in sentences[article]:
            if " of " in s.text or " from " in s.text:
                found += _froms(article, s)
    if len(found) < 2:
        return []
    everything = [s.text for ss in sentences.values() for s in ss]
    out = []
    seen: set[tuple[str, str]] = set()
    for i, a in enumerate(found):
        for b in found[i + 1 :]:
            if not _one_named(a.name, b.name) or a.within != b.within or a.town == b.town:
                continue
            if family_of.get(a.article, 0) == family_of.get(b.article, 0):
                continue
            key = (a.name, a.within)
            if key in seen:
                continue
            seen.add(key)  # (what follows depends on the key alone: decided once)
            mine = [f for f in found if _one_named(f.name, a.name) and f.within == a.within]
            sides: dict[str, list[_From]] = {}
            for f in mine:
                sides.setdefault(f.town, []).append(f)
            families = [{family_of.get(f.article, 0) for f in side} for side in sides.values()]
            if len(sides) != 2 or families[0] & families[1]:
                continue  # a family giving both towns, or three towns: no plain dispute
            towns = list(sides)
            together = re.compile(
                rf"\b{re.escape(towns[0])}\W+(?:\w+\W+){{0,4}}?{re.escape(towns[1])}\b"
                rf"|\b{re.escape(towns[1])}\W+(?:\w+\W+){{0,4}}?{re.escape(towns[0])}\b"
            )
            if any(together.search(t) for t in everything):
                continue  # written together somewhere: maybe one within the other
            out.append(sides_mod.conflict(f"where {a.name} is from", sides.values()))
    return out
