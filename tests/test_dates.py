import datetime as dt
from pathlib import Path

import pytest

from newsfuse.fusion.dates import mentions, publication_date, with_publication_date
from newsfuse.models import Article

HERE = Path(__file__).parent
KAESONG = HERE.parent / "examples" / "kaesong"
FIXTURES = HERE / "fixtures" / "clean"


def kaesong(prefix: str) -> Article:
    (path,) = KAESONG.glob(f"{prefix}_*.txt")
    return Article(id=path.stem, text=path.read_text(encoding="utf-8"))


def test_published_line_gives_the_date():
    article = with_publication_date(kaesong("004"))
    assert article.published == dt.date(2020, 6, 17)
    assert article.published_from == "text"


def test_todays_date_in_the_page_chrome_is_not_taken():
    # 001 opens with "Thursday, March 28, 2024": the site's date on the day it was scraped
    article = with_publication_date(kaesong("001"))
    assert article.published is None
    assert article.published_from is None


@pytest.mark.parametrize("prefix", ["000", "002", "003"])
def test_reports_without_a_stated_date_stay_undated(prefix):
    assert with_publication_date(kaesong(prefix)).published is None


def test_date_from_metadata_is_left_alone():
    article = kaesong("004").model_copy(
        update={"published": dt.date(2020, 6, 16), "published_from": "metadata"}
    )
    assert with_publication_date(article) is article


def test_posted_line_in_a_multi_news_page():
    text = (FIXTURES / "multinews_romenesko_posted.txt").read_text(encoding="utf-8")
    article = with_publication_date(Article(id="p", text=text))
    assert article.published == dt.date(2010, 11, 24)
    assert article.published_from == "text"


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Updated 9:04 PM ET Sun, 3 Sept 2017", dt.date(2017, 9, 3)),
        ("First published on Tue 17 Jun 2020 10.00 BST", dt.date(2020, 6, 17)),
        ("By Jane Doe | Updated: 2020-06-18T10:00:00Z", dt.date(2020, 6, 18)),
        ("Posted: Jan 5th, 2015 at 3pm", dt.date(2015, 1, 5)),
        ("Last updated: 17/06/2020", dt.date(2020, 6, 17)),
        (
            "SEOUL, June 17, 2020 (Reuters) - North Korea blew up a liaison office.",
            dt.date(2020, 6, 17),
        ),
    ],
)
def test_dates_with_a_publication_cue(line, expected):
    text = f"North Korea blew up a liaison office.\n{line}\nIt had been closed since January."
    assert publication_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Thursday, March 28, 2024\nN.Korea blows up liaison office\nNorth Korea blew up an office.",
        "SEOUL, June 17 (Reuters) - North Korea blew up an office.",  # a dateline without a year
        "A couple was found shot to death inside a home. (Published Sunday, Oct. 23, 2016)",
        "The study, published June 1, 2019 in Nature, found no link.",
        "Published in 2019, the study found no link.",
        "Published June 2020",  # no day: not a date to put on a report
        "Updated 06/07/2020",  # June 7 or 6 July
        "Posted 12 June 2099",  # in the future
    ],
)
def test_no_date_rather_than_a_guess(text):
    assert publication_date(text) is None


def test_published_wins_over_an_earlier_updated():
    text = "Updated June 18, 2020\nPublished June 17, 2020\nNorth Korea blew up an office."
    assert publication_date(text) == dt.date(2020, 6, 17)


def test_multi_news_newline_tokens_separate_lines():
    text = "North Korea blew up an office. NEWLINE_CHAR NEWLINE_CHAR Posted at 11:43 AM on Nov. 24, 2010"
    assert publication_date(text) == dt.date(2010, 11, 24)


# --- dates mentioned in sentences, resolved against the article's date -------------------------


WEDNESDAY = dt.date(2020, 6, 17)  # 004's publication date in the Kaesong example


@pytest.mark.parametrize(
    "sentence, first, last, precision",
    [
        (
            "North Korea blew up an office in its border town of Kaesong on Tuesday after it threatened",
            "2020-06-16",
            "2020-06-16",
            "day",
        ),
        (
            "North Korea blew up an office in its border town of Kaesong yesterday after it threatened",
            "2020-06-16",
            "2020-06-16",
            "day",
        ),
        (
            "Last weekend, Kim Yo-jong, the North Korean leader’s sister, warned",
            "2020-06-13",
            "2020-06-14",
            "weekend",
        ),
        (
            "The office has been closed since January over coronavirus fears.",
            "2020-01-01",
            "2020-01-31",
            "month",
        ),
        (
            "no meetings have taken place since February last year",
            "2019-02-01",
            "2019-02-28",
            "month",
        ),
        (
            "The Inter-Korean Joint Liaison Office opened in the North Korean border city of Kaesong in September 2018",
            "2018-09-01",
            "2018-09-30",
            "month",
        ),
        (
            "The office opened in 2018, after the inter-Korean summit.",
            "2018-01-01",
            "2018-12-31",
            "year",
        ),
        (
            "Pyongyang’s threats became reality on June 16, when the office was demolished.",
            "2020-06-16",
            "2020-06-16",
            "day",
        ),
        ("Last week Pyongyang severed inter-Korean hotlines", "2020-06-08", "2020-06-14", "week"),
        ("zones that had been demilitarised since the 1950s", "1950-01-01", "1959-12-31", "decade"),
        ("He died on June 25, 2009 at his home.", "2009-06-25", "2009-06-25", "day"),
        # Multi-News 8d81e972 p2: "mid-" written onto the month (after "by": a deadline, the
        # such month ahead)
        (
            "Attorneys said Durst would be in Los Angeles by mid-January.",
            "2021-01-01",
            "2021-01-31",
            "month",
        ),
    ],
)
def test_mentions_resolve_against_the_base(sentence, first, last, precision):
    (m,) = mentions(sentence, WEDNESDAY)
    assert (m.date.isoformat(), m.until.isoformat(), m.precision) == (first, last, precision)


def test_absolute_mentions_need_no_base_and_relative_ones_are_dropped_without_one():
    found = mentions("The office opened in September 2018 and was blown up on Tuesday.", None)
    assert [m.text for m in found] == ["September 2018"]
    assert found[0].base is None


def test_monday_in_a_wednesday_paper_is_two_days_earlier():
    (m,) = mentions(
        "South Korea's President Moon urged North Korea on Monday to keep peace agreements",
        WEDNESDAY,
    )
    assert m.date == dt.date(2020, 6, 15)
    assert m.base == WEDNESDAY and m.base_from == "publication"


def test_numbers_that_are_not_years_are_not_dates():
    assert mentions("about 2,018 people paid $2019 and 2019% more; May I go?", WEDNESDAY) == []


def test_a_weekday_read_against_the_event_day_is_the_nearest_such_day():
    # Multi-News 86cc5c31 p3, undated: the call was on Saturday 2017-01-14, the report came
    # after it. "Monday" is the Monday after, not the week before.
    saturday = dt.date(2017, 1, 14)
    text = "His boss told ABC11 Monday he's going to buy a smart phone for the team."
    (told,) = mentions(text, saturday, "event")
    assert told.date == dt.date(2017, 1, 16)
    # read against the report's own date, the latest such day up to it
    (told,) = mentions(text, saturday, "publication")
    assert told.date == dt.date(2017, 1, 9)
    # and a day a few days before the event stays before it
    (before,) = mentions("The chase began Thursday.", saturday, "event")
    assert before.date == dt.date(2017, 1, 12)


def test_an_embedded_post_signature_dates_nothing():
    # Multi-News 183d3bfe p1: the reporter's tweet, posted the day after the discovery
    line = "— Leanne Suter (@abc7leanne) August 12, 2018"
    assert mentions(line, dt.date(2018, 8, 12)) == []
    from newsfuse.fusion.dates import partial_dates

    assert partial_dates(line) == []
