"""Review fixes (fix1): a relative day opening the text after a dateline is a day, not a
title ("WASHINGTON (AP) Today ..."); an address's number is no place on a list ("No. 10
Downing Street ... a list")."""

from __future__ import annotations

import datetime as dt

from newsfuse.fusion import dates, values

BASE = dt.date(2014, 5, 8)


def test_today_after_a_dateline_is_the_reports_day():
    found = dates.mentions("WASHINGTON (AP) Today the Senate voted 52-48 on the bill.", BASE)
    assert [(m.text, m.date) for m in found] == [("Today", BASE)]
    # a programme's name inside a sentence stays a title
    assert dates.mentions("She told the BBC's Today programme she would stay.", BASE) == []


def test_an_address_number_is_no_rank_on_a_list():
    def ranks(sentence: str) -> list[str]:
        return [q.shown for q in values.find(sentence, []) if q.unit == values.LIST_RANK]

    assert ranks("Officials at No. 10 Downing Street put the names in a list on Friday.") == []
    katriuk = "he was No. 4 on the most-wanted list in 2012"
    assert ranks(f"In an interview ({katriuk}), Katriuk paused.") == ["No. 4"]
