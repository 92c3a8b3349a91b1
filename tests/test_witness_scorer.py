"""The facts scorer's word matching: a noun and its verb meet, a name is not respelled.

The sentences are from a Multi-News report of the Boston Marathon bombing (heldout2 gold,
cluster 2a72476f), where "Martin's mother and sister were injured" was missed although the
brief's fact said "a head injury" and "a serious leg injury".
"""

from __future__ import annotations

from newsfuse.eval.facts import bag, coverage, fold, units

BRIEF = (
    "His mother Denise reportedly sustained a head injury and his 7-year-old sister has a "
    "serious leg injury."
)


def test_injured_and_injury_are_one_word() -> None:
    assert coverage("mother and sister were injured", bag(BRIEF)) == 1.0
    assert [u.joined for u in units("injured injury injuries")] == ["injur"]
    # the same holds for every noun in -y whose verb ends in -e or -er
    assert [u.joined for u in units("the recovery; it was recovered")] == ["recov"]


def test_no_other_words_are_joined_by_it() -> None:
    # short stems keep their y: "study" is not "stud", "party" is not "part"
    assert len(units("study stud")) == 2
    assert len(units("party part")) == 2
    assert len(units("injured shooting")) == 2


def test_spelling_fold_leaves_names_alone() -> None:
    assert fold("denise") == "denise"
    assert fold("louise") == "louise"
    assert fold("seymour") == "seymour"
    assert fold("macabre") == "macabre"
    # what the fold is for still folds
    assert fold("realised") == "realized"
    assert fold("organisation") == "organization"
    assert fold("colour") == "color"
    assert fold("centre") == "center"
    assert fold("neighbours") == "neighbors"
    assert coverage("Denise was hurt", bag("His mother Denize was hurt")) < 1.0
