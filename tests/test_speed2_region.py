"""names._region: a place written as a state or country ("Houston, Texas", "the state of New
Jersey", "New Jersey Gov. Chris Christie"), searched from its commas (speed2)."""

from newsfuse.fusion.names import _region

# (the first sentence from DUC 2004, APW19981005.1072; the others written for the test;
# joined by lines as name_facts joins a brief's sentences)
TEXT = "\n".join(
    [
        "Holbrooke and the U.S. ambassador to Macedonia, Christopher Hill, discussed with "
        "Milosevic a political document drawn up by the State Department.",
        "Ethnic Albanians in PRISTINA, Yugoslavia were told to stay home.",
        "The bombing of Belgrade, Serbia began at night.",
        "Officials from the state of New Jersey said so, and New Jersey Gov. Chris Christie agreed.",
    ]
)


def test_region_after_a_town_and_comma():
    assert _region("Serbia", TEXT)  # "Belgrade, Serbia"
    assert not _region("Macedonia", TEXT)  # "to Macedonia, Christopher": the place comes first
    assert not _region("Yugoslavia", TEXT)  # "PRISTINA, Yugoslavia": no capitalised word


def test_region_called_so():
    assert _region("New Jersey", TEXT)
    assert not _region("Milosevic", TEXT)


def test_region_comma_across_lines_and_word_edges():
    assert _region("Texas", "He lives in Houston,\nTexas now.")
    assert not _region("Texas", "in Houston, Texasville")  # not the whole name
    assert not _region("Texas", "in xHouston, Texas")  # "Houston" not a word of its own
    assert not _region("Texas", "in Houston , Texas")  # no letters right before the comma
