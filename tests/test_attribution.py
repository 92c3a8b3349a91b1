"""Attribution: whom a sentence cites, on real sentences of the Kaesong reports."""

import pytest

from newsfuse.fusion.attribution import (
    attribution,
    cite,
    people,
    quote_spans,
    same_speaker,
    speaker,
)

# Sentences copied from examples/kaesong (cleaned text).
YONHAP = (
    "Citing several military sources, Yonhap said there was black smoke and a loud bang from the "
    "Kaesong town area in North Korea, near the inter-Korean border, at noon."
)
KCNA_TRAILING = (
    "`At 2:50 p.m., the liaison office was tragically destroyed in a shocking explosion,` North "
    "Korean state news agency KCNA reported."
)
KCNA_STATE_NEWS = (
    "North Korea’s KCNA state news said the liaison office, which had been closed since January "
    "over fears of the novel coronavirus, was “tragically ruined with a terrific explosion”."
)
NK_NEWS = (
    "According to NK News , South Korea spent nearly 8.6 million USD to renovate inter-Korean "
    "liaison office."
)
NO_SOURCE = "The office has been closed since January over coronavirus fears."
SHE = (
    "“Before long, a tragic scene of the useless north-south joint liaison office completely "
    "collapsed would be seen,” she was reported as saying."
)
KIM_APPOSITIVE = (
    "Last weekend, Kim Yo-jong, the North Korean leader’s sister, warned that the `useless` "
    "liaison office would soon `completely collapse`, and said she had ordered the military to "
    "prepare for further action."
)
STATE_MEDIA_QUOTED = (
    "Earlier yesterday, North Korean state media quoted the military as saying it has been "
    'studying an "action plan" to re-enter zones that had been demilitarized under a 2018 '
    'inter-Korean pact and "turn the front line into a fortress".'
)
KPA_QUOTED = (
    'The Korean People\'s Army (KPA) was quoted saying it has been studying an "action plan" to '
    'reenter zones that had been demilitarised since the 1950s and quote "turn the front line '
    'into a fortress."'
)
HEADQUARTERS = (
    "The North Korean People's Army's headquarters on the same day said it was studying \"measures "
    "to return the military to demilitarized areas under an agreement between the two regions, "
    'turning the front line into a fortress and raising the scene." military sentiment towards '
    "Korea ”."
)
STATE_MEDIA_REPORTED = (
    "On Saturday, North Korean state media reported that Kim Yo Jong, the sister of the North "
    "Korean leader, who serves as a senior official of the ruling Workers’ Party, had ordered the "
    "department in charge of inter-Korean affairs to “decisively carry out the next action”."
)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (YONHAP, "Yonhap, citing several military sources"),
        (KCNA_TRAILING, "North Korean state news agency KCNA"),
        (KCNA_STATE_NEWS, "North Korea’s KCNA state news"),
        (NK_NEWS, "NK News"),
        (NO_SOURCE, None),
    ],
)
def test_kaesong_examples(sentence, expected):
    assert attribution(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("North Korea blew up an office in Kaesong on Tuesday, Reuters reported.", "Reuters"),
        (
            "A South Korean military source told Reuters that there had been signs North Korea "
            "was going ahead with the demolition earlier in the day.",
            "a South Korean military source",
        ),
        (
            "Responding to Yonhap , the Unification Ministry of South Korea confirmed on June 16 "
            "that North Korea had exploded an inter-Korean liaison office.",
            "Unification Ministry of South Korea",
        ),
        (
            "South Korea’s Ministry of Unification then announced that the office would become a "
            "`round-the-clock communication and consultation channel`, aiming to promote "
            "inter-Korean relations.",
            "South Korea’s Ministry of Unification",
        ),
        (HEADQUARTERS, "North Korean People's Army's headquarters"),
        (KPA_QUOTED, "Korean People's Army (KPA)"),
        (STATE_MEDIA_QUOTED, "military, quoted by North Korean state media"),
        (KIM_APPOSITIVE, "Kim Yo-jong"),
        (
            'Over the weekend, Kim Yo Jong warned the building in Kaesong would soon "collapse".',
            "Kim Yo Jong",
        ),
        ('"We will not back down," said John Smith, the mayor.', "John Smith"),
        (
            "The blast killed three people, the ministry said, citing local officials.",
            "ministry, citing local officials",
        ),
        ("Mr. Smith, who declined to be named, said the plan had failed.", "Mr. Smith"),
        (
            "A spokesman for the Ministry of Foreign Affairs said on Tuesday that talks would resume.",
            "a spokesman for the Ministry of Foreign Affairs",
        ),
        # a closing attribution wins over an earlier verb
        (
            "The Islamic militant group Hamas, which has tried to stop the peace agreement, claimed "
            "responsibility, police said.",
            "police",
        ),
        (
            "Kim Jong-nam, the half-brother of North Korea's leader, was killed by a highly toxic "
            "nerve agent, says Malaysia.",
            "Malaysia",
        ),
        (
            "Officials in Central America estimated Tuesday that about 7,000 people have died.",
            "Officials in Central America",
        ),
        (
            "Francis Manana Nabugyere, the boy's father, said they buried his son's remains.",
            "Francis Manana Nabugyere",
        ),
    ],
)
def test_common_news_patterns(sentence, expected):
    assert attribution(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # "according to" an agreement is not a source
        "The Inter-Korean Joint Liaison Office opened in the North Korean border city of Kaesong in "
        "September 2018, to serve the purpose of exchange and cooperation, according to an "
        "agreement between North Korean leader Kim Jong-un and the President.",
        # a verb of stance without a quote or a "that" clause cites no one
        "North Korea had earlier warned it would close its inter-Korean liaison office in Kaesong.",
        "North Korea refers to defectors as “human scum”.",
        # a reporting verb inside the quotation is not the sentence's attribution
        'The office was "what officials said would be a channel for peace".',
        "",
        "said said said",
        "Malaysian toxicology reports indicate he was attacked using VX nerve agent.",
        "Two people were killed in the attack for which the group Hamas claimed responsibility.",
        '!!! ??? "" ’’ ‘ «',
    ],
)
def test_no_attribution(sentence):
    assert attribution(sentence) is None


def test_pronoun_names_no_one_but_is_reported():
    assert attribution(SHE) is None
    assert speaker(SHE) is None
    found = cite(SHE)
    assert found is not None and found.pronoun == "she"
    assert cite("Its media reported that an explosion was heard.").pronoun == "its"


def test_speaker_is_the_source_not_the_relay():
    assert speaker(STATE_MEDIA_QUOTED) == "military"
    assert speaker(YONHAP) == "Yonhap"
    found = cite(YONHAP)
    assert (found.via, found.how) == ("several military sources", "citing")


def test_quote_spans_respect_apostrophes():
    def quoted(text):
        return [text[s:e] for s, e in quote_spans(text)]

    assert quoted(KIM_APPOSITIVE) == ["useless", "completely collapse"]
    assert quoted(STATE_MEDIA_REPORTED) == ["decisively carry out the next action"]
    assert quoted("Korea's leader met the Workers’ Party in the ’90s.") == []
    assert quoted("He said 'the Workers' Party is strong'.") == ["the Workers' Party is strong"]
    assert quoted('both sides\' militaries vowed to cease "all hostile acts"') == [
        "all hostile acts"
    ]
    assert quoted("He said ``this'' and «that».") == ["this", "that"]
    # the stray closing mark after the quote is ignored
    assert quoted(HEADQUARTERS)[0].startswith("measures to return the military")
    assert len(quoted(HEADQUARTERS)) == 1
    # spaced marks in garbled translation still pair
    assert quoted('for the " hostile activities "of Korea.') == [" hostile activities "]
    # an unclosed mark inside a line is stray; at a paragraph start it opens a running quote
    assert quoted('an unclosed " quote') == []
    assert quoted('"We will fight on\nHe said.') == ["We will fight on"]


def test_same_speaker():
    assert same_speaker("North Korea’s KCNA state news", "North Korean state news agency KCNA")
    assert same_speaker("KCNA", "North Korea's KCNA state news")
    assert same_speaker("Kim Yo Jong", "Kim Yo-jong")
    assert same_speaker("Korean People's Army (KPA)", "North Korean People's Army's headquarters")
    assert same_speaker("Kim Yo Jong", "Kim Jong Un") is False
    assert same_speaker("Rodong Sinmun of North Korea", "Kim Yo Jong") is False
    assert same_speaker("military", "Korean People's Army (KPA)") is None
    assert same_speaker(None, "KCNA") is None
    assert same_speaker("Officials", "Police") is None  # capitalised only by position


def test_people_finds_whom_she_points_to():
    assert people(STATE_MEDIA_REPORTED) == ["Kim Yo Jong"]
    assert people("South Korea's President Moon Jae-in urged Pyongyang.") == ["Moon Jae-in"]
    assert people(NO_SOURCE) == []


def test_a_two_letter_outlet_name_at_the_start_does_not_crash():
    # From DUC 2004 (d30003t): a short capitalised word before the verb once raised IndexError.
    assert "Mundo" in (
        attribution(
            "El Mundo said its reporter accompanied Chilean politicians seeking his release."
        )
        or ""
    )


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        # the quote is in a clause the outer verb reports, with a verb and a named subject
        (
            'State media reported that Kim Yo Jong ordered the army to "decisively carry out" it.',
            "Kim Yo Jong",
        ),
        ('Yonhap said Kim warned that the building would soon "collapse".', "Kim"),
        # ... not when the clause's subject is only described, or the quote sits in a relative
        # clause of its own (Multi-News: the app's description, not Stubits' words)
        (
            'Police said the man told officers "I did it".',
            "police",
        ),  # described: as it reads mid-sentence
        (
            "But everything changed in April 2014, when Arias claims Stubits told her to download an "
            'app that "contained a global positioning system function".',
            "Arias",
        ),
        # a comma-set sentence adverb between subject and verb (Multi-News)
        (
            'Hamas spokesman Fawzi Barhoum, meanwhile, said "Netanyahu is leading his army".',
            "Hamas spokesman Fawzi Barhoum",
        ),
        # "his sister LaToya" names LaToya; "his spokesman" names no one
        ("Michael was murdered for money, according to his sister LaToya.", "sister LaToya"),
    ],
)
def test_the_speaker_is_the_person_quoted(sentence, speaker):
    assert cite(sentence).speaker == speaker


def test_a_possessive_before_a_description_is_a_pronoun():
    found = cite('His spokesman said "it was murder".')
    assert found.speaker is None and found.pronoun == "his"


def test_a_name_after_a_preposition_is_not_who_reports():
    # Real sentences (Multi-News dev 183d3bfe p2, 3b5368b3 p2, 309b6732): the name ending the
    # verb's left context sits inside a prepositional phrase, so it is not the subject
    from newsfuse.fusion.attribution import attribution

    assert (
        attribution(
            "On Saturday afternoon, the manager of the store on the 700 block of West Avenue K "
            "reported a strong smell from the column."
        )
        is None
    )
    assert (
        attribution(
            "Harry Dreyfuss: The son of Oscar-winning actor Richard Dreyfuss wrote a first-person "
            "column in BuzzFeed on Nov."
        )
        is None
    )
    # a source noun's own phrase is kept whole
    assert attribution("Police in Fort Worth said the man fled.") == "Police in Fort Worth"
    assert (
        attribution("A spokesman for the Ministry of Defence said the plane crashed.")
        == "a spokesman for the Ministry of Defence"
    )
