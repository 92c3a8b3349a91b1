"""A wire photo's caption is not a summary sentence; a report's sentence dated the same way is.

Excerpts: Multi-News dev (the Gerry Adams release cluster: AP captions inside the text),
Timeline17 (a Washington Post page of the BP oil spill, 2010-07-19) and ECB+.
"""

from __future__ import annotations

import pytest

from newsfuse.fusion import summarize
from newsfuse.settings import SummarySettings as Settings


@pytest.mark.parametrize(
    ("sentence", "candidate"),
    [
        (
            "Author and IRA expert Ed Moloney talks to reporters at his home in New York, "
            "Thursday, May 1, 2014.",
            False,
        ),
        (
            "Northern Ireland Minister of Justice David Ford speaks to the media outside Antrim "
            "Police station, Northern Ireland, Friday, May, 2 2014.",
            False,
        ),
        (
            "Oil cleanup workers continue their efforts on the beach in Grand Isle, La., "
            "Monday, July 19, 2010.",
            False,
        ),
        # A report's own sentence writes "on" before the day (ECB+ 1_ecb): it stays.
        ("Reid checked herself in on Tuesday, December 9, 2008.", True),
        (
            "Sinn Fein leader Gerry Adams has criticised the timing of his arrest over the IRA "
            "murder of Jean McConville.",
            True,
        ),
    ],
)
def test_a_photo_caption_dated_by_its_weekday_is_not_a_candidate(sentence, candidate):
    assert summarize._is_candidate(sentence, Settings()) is candidate
