"""A quote's sources hold its words: a paraphrase matched on shared words is not a source.

Excerpts of a Multi-News cluster (tests/fixtures/witness/ring.json, heldout2 e67008dd): p3
prints the officer's note, "It's not much, it's not the same. But 67 years of a promise kept
should be recognized."; p1 and p2 have another line, "A promise kept for 67 years is worth
something". The brief cited the note to all three.
"""

from __future__ import annotations

import json
from pathlib import Path

from newsfuse.fusion import segment
from newsfuse.fusion.quotes import holds, quotes
from newsfuse.models import Article, Family
from newsfuse.settings import QuoteSettings

FIXTURES = Path(__file__).parent / "fixtures"
RING = json.loads((FIXTURES / "witness" / "ring.json").read_text(encoding="utf-8"))
NOTE = "It's not much, it's not the same. But 67 years of a promise kept should be recognized."


def _run(texts: dict[str, str], families: tuple[Family, ...] = ()):
    articles = [Article(id=k, text=v, clean_text=v) for k, v in texts.items()]
    return quotes(articles, {a.id: segment.sentences(a) for a in articles}, families)


def _ring():
    return _run({k: v for k, v in RING.items() if not k.startswith("_")})


def test_a_paraphrase_is_not_a_source_of_the_quote() -> None:
    found = _ring()
    (note,) = [q for q in found if "should be recognized" in q.text]
    assert note.sources == ("p3",)
    assert note.independent_sources == 1
    assert not any("worth something" in v for v in note.variants)
    # the paraphrase is a quote of its own, with the articles that print it
    (line,) = [q for q in found if "worth something" in q.text]
    assert line.sources == ("p1", "p2")


def test_wordings_that_hold_the_quote_stay_its_sources() -> None:
    found = _ring()
    # p2's "shinning armor" and its longer ending are still the same words
    (knight,) = [q for q in found if "knight in" in q.text and "p1" in q.sources]
    assert knight.sources == ("p1", "p2")
    (ring,) = [q for q in found if "the ring is gone" in q.text]
    assert ring.sources == ("p1", "p2")


def test_what_holding_allows() -> None:
    assert holds("“A promise kept for 67 YEARS is worth something”", NOTE.lower()) is False
    assert holds("67 years of a promise kept", NOTE)  # trimmed at both ends
    assert holds("it's not much … a promise kept should be recognised", NOTE)  # ellipsis, UK
    assert holds("It’s not much, it’s not the same", NOTE)  # curly apostrophes
    assert holds("seven to 10 times the car would swivel", "7-10 times the car would swivel")
    assert holds("giving [them] the love and support they need", "giving the love and support")
    assert not holds("A promise kept for 67 years is worth something", NOTE)


def test_another_translation_stays_a_source() -> None:
    # tests/fixtures/quotes: two translations of one KCNA line, word for word
    assert holds(
        "tragically ruined with a terrific explosion",
        "At 2:50 p.m., the liaison office was tragically destroyed in a shocking explosion",
    )
    ids = ("000", "001", "002", "003", "004")
    texts = {i: (FIXTURES / "quotes" / f"{i}.txt").read_text(encoding="utf-8") for i in ids}
    families = (
        Family(id=1, members=("000",)),
        Family(id=2, members=("001", "002", "004")),
        Family(id=3, members=("003",)),
    )
    found = _run(texts, families)
    (kcna,) = [q for q in found if "explosion" in q.text]
    assert kcna.sources == ("002", "003", "004")
    assert kcna.independent_sources == 2
    (kim,) = [q for q in found if "completely collapsed" in q.text]
    assert kim.sources == ("000", "002", "003")


def test_the_rendering_share_is_a_setting() -> None:
    # the KCNA translations have 3 of the shorter's 6 words in place: held at 0.5, not at 0.6
    ruined = "tragically ruined with a terrific explosion"
    destroyed = "At 2:50 p.m., the liaison office was tragically destroyed in a shocking explosion"
    assert holds(ruined, destroyed, QuoteSettings())
    assert not holds(ruined, destroyed, QuoteSettings(rendered=0.6))


def test_a_dropped_denial_is_not_held() -> None:
    assert not holds("we will fight back", "we will not fight back")
    assert not holds("fight back", "we will not fight back")  # trimmed just after "not"
    assert not holds("I am guilty of murdering Susan Berman", "I am not guilty of murdering")
    assert holds("we will not fight back", "We will not fight back, whatever they do")
    # a denial in a part the trimmed wording leaves out is no matter
    assert holds(
        "seven to 10 times the car would swivel toward that same exact barrier",
        "7-10 times the car would swivel toward that same exact barrier during Autopilot. "
        "Walter took it into dealership addressing the issue, but they couldn't duplicate it.",
    )


def test_contractions_are_the_words_spelled_out() -> None:
    # two reports of BP's chief executive (Timeline17 bpoil): "I'm" and "I am"
    full = (
        "The fire and explosion on the Deepwater Horizon never should have happened and I'm "
        "deeply sorry that it did."
    )
    assert holds("never should have happened -- and I am deeply sorry that they did", full)
    assert not holds("we will fight back", "we won't fight back")


def test_a_phrase_in_common_is_no_rendering_and_a_term_beside_a_quote_is_no_matter() -> None:
    # Timeline17 bpoil: two different lines that share "the Oil Pollution Act"
    assert not holds(
        "Under the Oil Pollution Act, BP pays for all this",
        "No drilling contractor has ever been held liable for discharges from a well under the "
        "Oil Pollution Act of 1990",
    )
    assert not holds(
        "We will make BP pay for the damage", "BP is going to be paying for the damage"
    )
    # Kaesong (tests/fixtures/quotes): a quoted term joined to the quote by an ellipsis
    assert holds(
        "action plan … turn the front line into a fortress.",
        "measures to return the military to demilitarized areas under an agreement between the "
        "two regions, turning the front line into a fortress and raising the scene.",
    )
