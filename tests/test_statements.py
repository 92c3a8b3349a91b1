"""Statements (fusion.statements), and how a value fact reads its figure (window, currencies).

Sentences are real, from Multi-News (dev) reports of one shooting and one parole hearing."""

from newsfuse.fusion import facts, statements
from newsfuse.fusion.text import content_stems, inverse_frequency, mass, overlap
from newsfuse.models import Sentence
from newsfuse.settings import DEFAULT


def _sentences(texts: dict[str, list[str]]) -> dict[str, list[Sentence]]:
    out = {}
    for a, ts in texts.items():
        out[a] = [
            Sentence(article_id=a, index=i, text=t, start=0, end=len(t)) for i, t in enumerate(ts)
        ]
    return out


SHOOTING = {
    "p1": [
        "One bullet shattered his 55-year-old wife's upper-right arm, KCTV reported.",
        "Police say the shooting may be connected to an armed robbery hours earlier.",
    ],
    "p2": [
        'The woman\'s right upper arm was "shattered" by one shot, according to reports.',
        "The robberies occurred within two miles of each other.",
    ],
    "p3": [
        "The 55-year-old woman's right upper arm shattered when she was struck by a single bullet.",
        "Two men then approached armed with black handguns.",
    ],
}


def _statements(texts, family_of, covered=None):
    sents = _sentences(texts)
    weights = inverse_frequency(s.text for ss in sents.values() for s in ss)
    return statements.statement_facts(sents, family_of, weights, DEFAULT.facts, covered or {})


def test_a_clause_other_families_state_alike_is_one_statement_with_their_articles():
    found = _statements(SHOOTING, {"p1": 1, "p2": 2, "p3": 3})
    arm = [f for f in found if "arm" in f.value]
    assert len(arm) == 1
    # (p2's "by one shot, according to reports" shares less than half of its weight here, in
    # six sentences; in the whole cluster's word weights it is a source too)
    assert arm[0].kind == "statement" and {"p1", "p3"} <= set(arm[0].sources)
    assert arm[0].independent_sources == len(arm[0].sources)
    assert arm[0].about in arm[0].text  # one piece of the sentence, as written


def test_copies_of_one_family_are_one_witness_and_no_statement():
    assert _statements(SHOOTING, {"p1": 1, "p2": 1, "p3": 1}) == []


def test_a_statement_a_value_fact_already_sources_adds_nothing():
    sents = _sentences(SHOOTING)
    everyone = frozenset({"p1", "p2", "p3"})
    covered = {s: [everyone] for ss in sents.values() for s in ss}
    found = _statements(SHOOTING, {"p1": 1, "p2": 2, "p3": 3}, covered)
    # no clause statement of the age sentences ("The 55-year-old woman's right upper arm
    # shattered ..."); the phrase all three write is left, shown where no figure is
    assert [f.text for f in found] == [SHOOTING["p2"][0]]
    # written with a figure by every member, it is the value fact's: nothing is left
    ages = {a: [ts[0]] for a, ts in SHOOTING.items() if a != "p2"}
    covered = {s: [everyone] for ss in _sentences(ages).values() for s in ss}
    assert _statements(ages, {"p1": 1, "p3": 3}, covered) == []


def test_number_words_are_not_part_of_what_a_figure_is_about():
    # "nine" belongs to "a nine- to 33-year sentence", not to "the 12 convictions"
    text = (
        "Simpson is serving a nine- to 33-year sentence for the 12 convictions — including"
        " kidnapping and armed robbery — related to the incident."
    )
    from newsfuse.fusion import values

    found = values.find(text, [], 2017, referring=True)
    (twelve,) = [
        q for q in found if q.low <= 12 <= q.high and q.kind == "count" and q.unit != "duration"
    ]
    window = facts._window(text, twelve, found, DEFAULT.facts.conflict_window)
    assert "nine" not in window


def test_a_sum_reported_in_two_currencies_shows_both():
    # Multi-News b52067a7: "$19.6 million" (p1), "almost £14m" and "£14m" (p4), one fact
    from newsfuse.fusion import values

    texts = {
        "p1": "BP faces opposition for handing Chief Executive Bob Dudley a 20 percent increase"
        " in his total remuneration package for 2015 to $19.6 million.",
        "p4": "No use crying now, the formula that spat out £14m for Bob Dudley was approved"
        " in 2014 by 96% of shareholders.",
    }
    group = []
    for n, (a, t) in enumerate(texts.items()):
        s = Sentence(article_id=a, index=0, text=t, start=0, end=len(t))
        for q in values.find(t, [], 2016):
            if q.kind == "money":
                group.append(facts.Claim(a, n, s, q, frozenset(), 2016, ()))
    shown = facts._shown(group)
    assert "USD 19.6 million" in shown and "GBP 14 million" in shown and " = " in shown


# Real sentences of two Multi-News reports of Kim Jong-nam's killing (dev cluster cef9105b)
# and of one shooting (2ef0d1f9).
KILLING = {
    "p2": [
        "He had a seizure and died on the way to hospital.",
        "Who was Kim Jong-nam",
        "Four people are in custody, including one North Korean and the two women.",
    ],
    "p3": [
        "He sought help from airport staff but he fell into convulsions and died on the way"
        " to the hospital within two hours of the attack, police said.",
        "But in a case filled with odd plot twists, North Korea still would not acknowledge"
        " that the man killed was indeed Kim Jong-nam.",
        "Police previously said the airport had not been decontaminated.",
    ],
}


def test_a_short_clause_said_in_full_confirms_a_longer_one():
    found = _statements(KILLING, {"p2": 1, "p3": 2})
    died = [f for f in found if "convulsions" in f.value]
    assert len(died) == 1 and set(died[0].sources) == {"p2", "p3"}
    assert died[0].independent_sources == 2


def test_a_heading_confirms_nothing_and_short_clauses_seed_nothing():
    found = _statements(KILLING, {"p2": 1, "p3": 2})
    # "Who was Kim Jong-nam" is a heading, not a statement (and its names are no shared
    # lower-case words: "Jong-nam" is capitalised)
    assert not [f for f in found if "acknowledge" in f.value]
    # two short clauses alike do not make a statement of their own
    short = {
        "p1": ["People are being asked to avoid the area."],
        "p2": ["People were asked to avoid the area."],
    }
    assert _statements(short, {"p1": 1, "p2": 2}) == []


SHOOTER = {
    "p1": [
        "The suspect used a 9 mm Glock pistol and brought several magazines for the gun,"
        " Gahler said at a news conference.",
        "She was identified by the sheriff's office as Snochia Moseley, 26, from Baltimore County.",
    ],
    "p2": [
        "The gun used in the shooting, a 9 mm Glock handgun, was registered and owned by"
        " Moseley, he said.",
        "Employees were shot both inside and outside the distribution center, Gahler said.",
    ],
    "p3": [
        "The shooter used a single handgun registered to her and multiple magazines, Gahler said.",
        "The facility has been closed and we are assessing when it will be reopened.",
    ],
}


def test_a_clause_the_members_state_together_is_a_source_too():
    # (every word weighs one here) p3 holds 3 of its 8 words in common with p1 and with p2,
    # but 5 with the two together: the magazines and Gahler of p1, the handgun registered of p2
    def found(texts, family_of):
        sents = _sentences(texts)
        return statements.statement_facts(sents, family_of, {}, DEFAULT.facts, {})

    gun = [f for f in found(SHOOTER, {"p1": 1, "p2": 2, "p3": 3}) if "Glock" in f.value]
    assert len(gun) == 1 and set(gun[0].sources) == {"p1", "p2", "p3"}
    assert gun[0].independent_sources == 3
    # with one member only, p3 does not say what it says
    alone = {k: SHOOTER[k] for k in ("p1", "p3")}
    assert found(alone, {"p1": 1, "p3": 3}) == []


def test_a_statement_is_shown_in_the_wording_that_says_most_of_it():
    # (every word weighs one) both share "shooting ... robbery ... hours earlier"; p1 says
    # whose robbery it was, so p1's wording is shown, whichever clause seeded it
    texts = {
        "p1": [
            "Police later found the abandoned Hyundai and purse, minus the cash.",  # (first)
            "Police say the shooting may be connected to an armed robbery hours earlier of a"
            " man answering a Craigslist ad for an Xbox, the Kansas City Star reported.",
        ],
        "p2": [
            "The robbery and shooting of two people in southeast Kansas City on Wednesday"
            " night may be related to another robbery a few hours earlier.",
        ],
    }
    sents = _sentences(texts)
    (found,) = statements.statement_facts(sents, {"p1": 1, "p2": 2}, {}, DEFAULT.facts, {})
    assert found.value.startswith("Police say") and set(found.sources) == {"p1", "p2"}
    assert found.about in found.value


def _uniform(texts, family_of):
    """Statements with every word weighing one."""
    return statements.statement_facts(_sentences(texts), family_of, {}, DEFAULT.facts, {})


def test_a_short_clause_saying_no_or_another_figure_confirms_nothing():
    # DUC 2004: the seed says Milosevic issued a statement; "no statement" is not it
    meeting = {
        "a": [
            "Shortly after Holbrooke's meeting with Milosevic, the Yugoslav leader issued a"
            " defiant statement on Serbian television.",
        ],
        "b": ["Holbrooke issued no statement after the meeting."],
    }
    assert _uniform(meeting, {"a": 1, "b": 2}) == []
    # Multi-News (O.J. Simpson's parole): "nine to 33 years" confirms "a nine- to 33-year
    # sentence", not "a minimum of nine years in 2008" (no 33 there)
    serving = "Simpson is serving a nine- to 33-year sentence for the 12 convictions."
    minimum = "he was sentenced to a minimum of nine years in 2008."
    short = "He was sentenced to nine to 33 years."
    (found,) = _uniform({"p1": [short], "p4": [serving]}, {"p1": 1, "p4": 4})
    assert set(found.sources) == {"p1", "p4"}
    assert _uniform({"p1": [short], "p2": [minimum]}, {"p1": 1, "p2": 2}) == []


def test_a_long_storys_cap_counts_the_clauses_that_may_seed_only():
    from dataclasses import replace

    sents = _sentences(KILLING)
    few = replace(DEFAULT.facts, statement_max_sentences=2)
    pool = statements._pool(sents, few)
    seeding = [u for u in pool if len(u.stems) >= few.statement_min_stems]
    assert len(seeding) == 2  # the opening sentences' long clauses
    # p2's short opening clause comes too: it does not take a long clause's place
    assert any(u.text.startswith("He had a seizure") for u in pool)


# Multi-News (Kim Jong-nam's killing, the BP pay vote, the Miami Gardens police chief): the
# rest of the clauses differs, the phrase is written alike
POISON = {
    "p2": [
        "Malaysian toxicology reports indicate he was attacked using VX nerve agent, which is"
        " classified as a weapon of mass destruction by the United Nations.",
    ],
    "p3": [
        "The banned chemical weapon VX nerve agent was used to kill Kim Jong Nam, the North"
        " Korean ruler's outcast half brother who was poisoned last week at the airport in"
        " Kuala Lumpur, police said Friday.",
    ],
}


def test_a_phrase_two_families_write_alike_is_a_statement_of_that_phrase():
    (found,) = _statements(POISON, {"p2": 2, "p3": 3})
    assert found.kind == "statement" and set(found.sources) == {"p2", "p3"}
    assert found.independent_sources == 2
    assert found.value == "VX nerve agent was used"  # what both say, as one writes it
    assert found.value in found.text and found.about in found.text
    # one family writing it twice is one witness
    assert _statements(POISON, {"p2": 1, "p3": 1}) == []


def _runs_one_by_one(sequence, marks, gap):
    # _runs by its definition: from each word of marks, on while the run holds <= gap others
    at = [n for n, w in enumerate(sequence) if w in marks]
    out = []
    for start in range(len(at)):
        end = start
        for nxt in range(start + 1, len(at)):
            if at[nxt] - at[start] + 1 - (nxt - start + 1) > gap:
                break
            end = nxt
        out.append((frozenset(sequence[n] for n in at[start : end + 1]), (at[start], at[end])))
    return out


def test_the_runs_of_a_phrase_are_those_of_their_definition():
    texts = [t for ts in (*POISON.values(), *SHOOTING.values()) for t in ts]
    sequences = [content_stems(t) for t in texts]
    marks = frozenset(sequences[0]) & frozenset(sequences[1])
    assert {"vx", "nerv", "agent"} <= marks
    for sequence in sequences:
        for gap in range(4):
            assert statements._runs(sequence, marks, gap) == _runs_one_by_one(sequence, marks, gap)
    found = statements._alike(sequences[0], sequences[1], marks, 2)
    assert found is not None and {"vx", "nerv", "agent"} <= found[0]


def test_the_clauses_phrase_statements_show_are_parsed_in_one_batch(monkeypatch):
    calls = []
    docs = statements.nlp.docs

    def recording(texts, disable):
        calls.append(list(texts))
        return docs(texts, disable)

    monkeypatch.setattr(statements.nlp, "docs", recording)
    (found,) = _statements(POISON, {"p2": 2, "p3": 3})
    assert found.value == "VX nerve agent was used"
    batched = next(n for n, c in enumerate(calls) if found.text in c)
    # the clause read after (from the cache): the batch came first
    assert calls[batched + 1 :] and all(c == [found.text] for c in calls[batched + 1 :])


def test_a_phrase_with_other_figures_or_non_before_a_word_is_not_written_alike():
    pay = {
        "p1": [
            "Johnson had called the number on the ad and arranged to pay $100 for 30 minutes"
            " with two prostitutes, the report said."
        ],
        "p2": ["Johnson was told he could pay $80 for a 30-minute session, the sheriff's report."],
    }
    assert _statements(pay, {"p1": 1, "p2": 2}) == []
    vote = {
        "p1": [
            "Dudley, whose pay was going to a non-binding shareholder vote on April 14, has done"
            " what was needed of him."
        ],
        "p4": ["BP's pay policy is subject to a binding shareholder vote every three years."],
    }
    assert _statements(vote, {"p1": 1, "p4": 4}) == []
    # "non-binding" and "nonbinding" are one word
    (joined,) = statements._pool(
        _sentences({"p5": ["It was a nonbinding shareholder vote."]}), DEFAULT.facts
    )
    (hyphen,) = statements._pool(
        _sentences({"p5": ["It was a non-binding shareholder vote."]}), DEFAULT.facts
    )
    assert joined.sequence == hyphen.sequence


def test_a_phrase_a_statement_made_before_says_by_its_articles_adds_nothing():
    # Multi-News (the Rite Aid shooting): how the shooter died is a death fact already
    died = {
        "p2": [
            "Police identified the Rite Aid shooter as Snochia Moseley, 26, who lived in the"
            " White Marsh neighborhood of Baltimore County, and said she died in an area hospital"
            " where she had been taken."
        ],
        "p3": [
            "The shooter was found with a self-inflicted gunshot wound and died at an area"
            " hospital."
        ],
    }
    (phrase,) = _statements(died, {"p2": 2, "p3": 3})
    assert "died" in phrase.value and "area hospital" in phrase.value
    death = phrase.model_copy(update={"text": died["p3"][0], "sources": ("p1", "p2", "p3")})
    sents = _sentences(died)
    weights = inverse_frequency(s.text for ss in sents.values() for s in ss)
    made = statements.statement_facts(
        sents, {"p2": 2, "p3": 3}, weights, DEFAULT.facts, {}, [death]
    )
    assert made == []


def test_overlap_with_the_sets_weights_given_is_overlap():
    # _links and the facts' grouping weigh each clause once and pass the weights to overlap.
    texts = [
        "North Korea blew up the inter-Korean liaison office in Kaesong on Tuesday.",
        "The liaison office in the border town of Kaesong was blown up on Tuesday afternoon.",
        "Seoul said it would respond strongly if the North took further action.",
    ]
    weights = inverse_frequency(texts)
    sets = [frozenset(content_stems(t)) for t in texts]
    for a in sets:
        for b in sets:
            given = (mass(a, weights), mass(b, weights))
            assert overlap(a, b, weights, given) == overlap(a, b, weights)
    assert 0.0 < overlap(sets[0], sets[1], weights) < 1.0


def _read(text, phrase):
    start = text.index(phrase)
    return statements._readable(
        text, (start, start + len(phrase)), DEFAULT.facts.statement_about_words
    )


def test_a_phrase_statement_starts_and_ends_on_a_content_word_and_says_what_it_is_about():
    katriuk = (
        "There have been recent reports that the Russian Federation has requested that Canada"
        " extradite Vladimir Katriuk, a Quebec resident originally from Ukraine, to be tried for"
        " war crimes he allegedly committed while serving in the Waffen SS."
    )
    value, about = _read(katriuk, "tried for war crimes he allegedly")
    assert value == "tried for war crimes"
    assert about and about != value and about in katriuk
    egypt = (
        "Egyptians returned to the polls in the final phase of the first parliamentary elections"
        " since the ouster of former president Hosni Mubarak."
    )
    assert _read(egypt, "parliamentary elections since")[0] == "parliamentary elections"


def test_a_fragment_of_two_pieces_or_missing_its_object_is_no_phrase_statement():
    board = (
        "The board has met several times over the last week and is taking the appropriate next"
        " steps to evaluate this."
    )
    assert _read(board, "last week and is taking") is None
    quoted = (
        "But the violations by the guerrillas were on a “lesser scale” than the government"
        " abuses, the author of the report, Fred Abrahams, concluded."
    )
    # a quote is closed by the word or two beside it, or the phrase is none
    assert _read(quoted, "scale” than the government abuses")[0] == (
        "“lesser scale” than the government abuses"
    )
    hunter = (
        "“If he rules in our favor, I think it emboldens the spirit and the resolve of the"
        " players,” said Billy Hunter, union executive director."
    )
    value, about = _read(hunter, "emboldens the spirit and the resolve of the players,” said")
    assert value == "emboldens the spirit and the resolve of the players"  # ("said" trimmed)
    assert about == "Billy Hunter, union executive director"


def test_a_phrase_takes_the_figure_its_first_word_is_hyphened_to():
    text = "Police said a 4-year-old boy was found alive in the rubble on Tuesday."
    assert _read(text, "year-old boy")[0] == "4-year-old boy"
    lost = "His voice was halting as he struggled to get his words out after seeing a dead year-old boy."
    assert _read(lost, "year-old boy") is None  # the source lost the age


def test_a_phrase_is_about_its_subject_not_a_verb_of_no_content():
    # Multi-News dev e5a4b2ff: "Vogelsang", not "Vogelsang is"
    text = "Vogelsang is also a former sports anchor and news director at CKY-TV, now CTV Winnipeg."
    value, about = _read(text, "sports anchor and news director at CKY-TV")
    assert value == "sports anchor and news director at CKY-TV"
    assert about == "Vogelsang"
