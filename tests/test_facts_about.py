"""What a fact is about, said from the words beside its value (issue 7): a place a report
names as where someone went or where people are from, a title of the "X of Y" shape, the
other role a family gives, and a date a perfect passive spans ("since December 2008").
Real sentences from the Multi-News gold clusters."""

from conftest import entity_of, name_facts_of, sentences_of
from newsfuse.fusion import names, phrases, roles
from newsfuse.models import Entity


def _place(name, sources, kind="other"):
    return entity_of(name, kind, sources)


def _name_fact(texts, entity):
    (fact,) = name_facts_of(texts, [entity])
    return fact


def test_a_place_after_a_verb_of_going_is_a_destination():
    # Multi-News 8d81e972 p2, p3
    fact = _name_fact(
        {
            "p2": "He was tracked to New Orleans in March 2015 by FBI agents worried that he "
            "was about to flee to Cuba.",
            "p3": "Following his guilty plea in February, McMahon said he suspected Durst had "
            "been headed to Cuba to try to evade arrest in Berman's killing.",
        },
        _place("Cuba", ("p2", "p3"), "place"),
    )
    assert fact.about == "destination of the flight"


def test_a_place_before_a_noun_of_people_is_their_home_town():
    # Multi-News 1d233653 p2, p3: "Liberty", typed "other" by the name finder
    fact = _name_fact(
        {
            "p2": "A Liberty couple and their teenage son had gone there to look at a 2007 "
            "Hyundai Sonata advertised for sale on Craigslist.",
            "p3": "The Liberty couple was shot, robbed and had their vehicle stolen Wednesday "
            "night, and were left bleeding on the ground, police said.",
        },
        _place("Liberty", ("p2", "p3")),
    )
    assert fact.about == "home town of the couple"


def test_a_place_before_a_possessive_is_no_home_town():
    # DUC 2004 d31013t: the clinic's place, not the women's home
    fact = _name_fact(
        {
            "a": "Members of the Lambs of Christ have been persistent figures in protests at "
            "the Buffalo women's clinic where Dr. Slepian worked.",
            "b": "Protesters gathered outside the Buffalo women's clinic on Saturday.",
        },
        _place("Buffalo", ("a", "b"), "place"),
    )
    assert "home town" not in fact.about


def test_a_person_before_a_noun_of_people_is_no_home_town():
    fact = _name_fact(
        {
            "a": "The Robards family said in a statement that the funeral would be private.",
            "b": "A spokesman for the Robards family declined to comment on the will.",
        },
        _place("Robards", ("a", "b"), "person"),
    )
    assert "home town" not in fact.about


def test_a_title_of_the_x_of_y_shape_is_a_role():
    # Multi-News cef9105b p3
    text = (
        '"Our preliminary finding of the chemical that caused the death of Kim Chol was VX '
        'nerve," said Inspector-General of Police Khalid Abu Bakar.'
    )
    at = text.index("Khalid")
    assert roles._roles(text, at, at + len("Khalid Abu Bakar")) == ["Inspector-General of Police"]
    # a role of someone else before a comma, or what a name is part of, is none of its own
    text = "Rhys Holleran, CEO of Southern Cross Austereo, said the station called five times."
    at = text.index("Southern")
    assert roles._roles(text, at, at + len("Southern Cross Austereo"), person=False) == []
    text = "The station's owner is the parent of Southern Cross Austereo."
    at = text.index("Southern")
    assert roles._roles(text, at, at + len("Southern Cross Austereo"), person=False) == []


def test_a_role_another_family_gives_is_shown_beside_the_most_given_one():
    # Multi-News cef9105b p2, p3
    sents = sentences_of(
        {
            "p2": "Malaysia's police chief Khalid Abu Bakar said on Friday that the presence "
            "of the nerve agent had been detected in swabs taken from Mr Kim's eyes and face.",
            "p3": '"Our preliminary finding of the chemical that caused the death of Kim Chol '
            'was VX nerve," said Inspector-General of Police Khalid Abu Bakar.',
        }
    )
    person = Entity(
        name="Khalid Abu Bakar",
        type="person",
        sources=("p2", "p3"),
        independent_sources=2,
        mentions=2,
    )
    (fact,) = roles.role_facts([person], sents, {"p2": 0, "p3": 1})
    assert fact.about == "Inspector-General of Police / chief"
    # a family giving the most given role too gives no other
    sents["p4"] = sentences_of({"p4": "Malaysia's police chief Khalid Abu Bakar said so."})["p4"]
    (fact,) = roles.role_facts(
        [person.model_copy(update={"sources": ("p2", "p3", "p4")})],
        sents,
        {"p2": 0, "p3": 0, "p4": 1},
    )
    assert fact.about == "chief"


def test_a_date_a_perfect_passive_spans_is_the_start_of_a_time():
    # Multi-News e9aca7cf p4
    text = (
        "Simpson has been incarcerated at Lovelock, about 130 miles northeast of Carson "
        "City, since December 2008."
    )
    assert _since(text, "December 2008") == "time incarcerated since"
    for text, value in (
        ("She had not been seen since Tuesday, police said.", "Tuesday"),
        ("No meetings have been held since February last year.", "February"),
        ("No meetings have taken place since February last year.", "February"),
        ("He has lived in Paris since 2001.", "2001"),
    ):
        assert _since(text, value) == "", text


def _since(text: str, value: str) -> str:
    """phrases.since of the first ``value`` written in ``text``."""
    at = text.index(value)
    return phrases.since(text, at, at + len(value))


def test_roles_sharing_a_word_are_one_role_in_other_words():
    # Multi-News 93e8810d, dbe413a6: shown once, not "X / Y"
    assert roles._words("chief executive of Southern Cross Austereo") & roles._words(
        "CEO of Southern Cross Austereo"
    )
    assert roles._words("Fixer Upper co-star") & roles._words("star")
    assert not roles._words("Inspector-General of Police") & roles._words("chief")


def test_since_reads_the_verb_nearest_the_date_and_no_running_count():
    # a count "since" a date is a running total, not a period (examples of the review of
    # 2026-12-04, on Multi-News clusters without gold)
    assert (
        _since("At least 300 people have been killed since March, the group said.", "March") == ""
    )
    # the negation of another verb of the sentence is not this one's
    text = "The stadium has not been used since 1995, but it has been renovated since 2001."
    assert _since(text, "2001") == "time renovated since"
    assert _since(text, "1995") == ""


def test_a_place_before_a_noun_of_people_is_their_home_town_or_region_and_no_compound():
    # examples of the review of 2026-12-04 (Multi-News clusters without gold)
    man = (
        "Police say a New Jersey man who was trying to descend the facade of the Four Seasons"
        " Hotel in Midtown was arrested."
    )
    at = man.index("New Jersey")
    assert names._place_role(man, at, at + len("New Jersey")) == "home town of the man"
    assert names._region(
        "New Jersey", "Gov. Chris Christie said the state of New Jersey would pay."
    )
    assert names._place_role(man, at, at + len("New Jersey"), True) == "home region of the man"
    protests = "The Paris student protests spread to other cities on Friday."
    assert names._place_role(protests, 4, 9) == ""  # the protests', not a student's
    fled = "Fled to Cuba after the robbery, he was never seen again."
    at = fled.index("Cuba")
    assert names._place_role(fled, at, at + 4) == "destination of the flight"


def test_a_nearby_phrase_keeps_a_name_at_its_edge_whole():
    # Multi-News 6ed6a5b5 p1: the cut fell inside "University of Massachusetts Amherst"
    sentence = (
        "Cummings was attending the University of Massachusetts Amherst according to his"
        " Facebook page."
    )
    at = sentence.index("Facebook")
    assert (
        phrases.nearby(sentence, at, at + len("Facebook"))
        == "University of Massachusetts Amherst according to his Facebook page"
    )
    # ... and a sentence opener is no part of the name ("Police believe Connor ...")
    sentence = "Police believe Connor Cummings, 20, fell at about 11:15 p.m. on the roof."
    at = sentence.index("11:15")
    assert not phrases.nearby(sentence, at, at + 5).startswith("Police")


def test_a_phrase_keeps_the_negation_of_its_verb():
    # Real sentences: Multi-News dev 88631c80 p3 (held-out set 3), whose about had read
    # "Harper cabinet decided to revoke the citizenship", the opposite of every source.
    cases = [
        ("In 2007, the Harper cabinet decided not to revoke his citizenship.", "2007", "date"),
        ("The company did not pay $5 million to the city.", "$5 million", "money"),
        ("The office, which never reopened in 2019, stood empty.", "2019", "date"),
    ]
    phrases_read = []
    for sentence, value, kind in cases:
        at = sentence.index(value)
        phrases_read.append(phrases.slot(sentence, at, at + len(value), kind).phrase)
    assert phrases_read == [
        "Harper cabinet decided not to revoke the citizenship",
        "company did not pay",
        "office never reopened",
    ]
    # and a verb without a negation is read as before
    s = "Police arrested 8 people on Tuesday."
    assert phrases.slot(s, s.index("8"), s.index("8") + 1, "count").phrase == "people arrested"


def test_a_name_fact_says_what_the_name_is_from_the_parse():
    # Real Kaesong sentences (examples/kaesong 001, 000): the about had been the words beside
    # the name ("its border town of Kaesong on Tuesday after it")
    s = (
        "North Korea blew up an office set up to foster better ties with South Korea in its "
        "border town of Kaesong on Tuesday."
    )
    at = s.index("Kaesong")
    assert phrases.named(s, at, at + len("Kaesong")) == "border town"
    s = "Seoul has tried to stop the groups in the past."
    assert phrases.named(s, 0, len("Seoul")) == "tried to stop the groups"
