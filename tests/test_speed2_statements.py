"""statements._told: the clause ends on a full stop (closing quotes or brackets after it), as
the pattern it replaces finds it (speed2)."""

import re

from newsfuse.fusion.statements import _told

# the pattern _told replaced, kept here as the reference it must agree with
_TOLD = re.compile(r"\.[\"'”’)]*$")

# (DUC 2004 APW19981005.1072 and clause ends written for the test)
CASES = [
    "Holbrooke and the U.S. ambassador to Macedonia, Christopher Hill, discussed with "
    "Milosevic a political document drawn up by the State Department.",
    "“We are not going to wait,” he said.”",
    "the talks went on (until late.)",
    "the talks went on until late",
    "the ambassador said so.\n",
    "U.S. officials",
    "",
]


def test_told_as_the_pattern():
    for text in CASES:
        assert _told(text) == (_TOLD.search(text) is not None), text
    assert _told(CASES[0]) and _told(CASES[4]) and not _told(CASES[3]) and not _told(CASES[5])
