"""The facts scorer on hand-checked cases: right answers score right, wrong ones wrong."""

from __future__ import annotations

from typing import Any

from newsfuse.eval import facts as score
from newsfuse.eval.facts import Date, Num, Time, Weekday, quantities

Json = dict[str, Any]


def test_quantities_read_money_scales_dates_times_and_weekdays() -> None:
    assert quantities("9.78 billion won") == [Num(9.78e9, "KRW", 0.01e9)]
    assert quantities("US$8.6 million") == [Num(8.6e6, "USD", 0.1e6)]
    assert quantities("more than 54,000 workers") == [Num(54000, None, 1)]
    assert quantities("four storeys") == [Num(4, None, 1)]
    assert quantities("September 2018") == [Date(2018, 9, None)]
    assert quantities("at 2:50 p.m.") == [Time(14 * 60 + 50)]
    assert quantities("on Tuesday") == [Weekday(1)]


def test_rounding_agrees_but_a_different_figure_does_not() -> None:
    gold = score.value_quantities("8.6 million dollars")
    assert score.value_agrees(gold, quantities("$8.64 million"))
    assert not score.value_agrees(gold, quantities("$9.6 million"))
    assert not score.value_agrees(score.value_quantities("124"), quantities("125"))
    # a refinement states the gold date; a bare year does not state the gold month
    assert score.value_agrees(score.value_quantities("2018"), quantities("September 2018"))
    assert not score.value_agrees(score.value_quantities("September 2018"), quantities("2018"))


def test_a_weekday_is_found_in_a_full_date_on_that_day() -> None:
    assert score.value_agrees(score.value_quantities("Tuesday"), quantities("2020-06-16"))
    assert not score.value_agrees(score.value_quantities("Monday"), quantities("2020-06-16"))


GOLD: Json = {
    "families": [["a1", "a2"], ["a3"]],
    "facts": [
        {"slot": "age of the father", "value": "53", "sources": ["a1", "a3"]},
        {"slot": "cash stolen", "value": "$3,000", "sources": ["a1", "a2", "a3"]},
    ],
    "conflicts": [
        {
            "slot": "number of people arrested",
            "values": [
                {"value": "8", "sources": ["a1"]},
                {"value": "10", "sources": ["a3"]},
            ],
        }
    ],
    "must_not": [
        "'about 7:30 p.m.' (a1) vs 'just before 7:30 p.m.' (a3): approximations of one time."
    ],
}


def fact(about: str, value: str, text: str, sources: list[str], independent: int) -> Json:
    return {
        "about": about,
        "kind": "count",
        "value": value,
        "text": text,
        "sources": sources,
        "independent_sources": independent,
        "status": "corroborated" if independent > 1 else "single-source",
    }


def brief(facts: list[Json], conflicts: list[Json] | None = None) -> Json:
    return {
        "facts": facts,
        "conflicts": conflicts or [],
        "families": [{"members": ["a1", "a2"]}],
        "articles": [{"id": a} for a in ("a1", "a2", "a3")],
    }


def test_right_facts_match_with_exact_sources_and_counts() -> None:
    right = brief(
        [
            fact("age of the father", "53", "The 53-year-old father was shot.", ["a1", "a3"], 2),
            fact("cash stolen", "USD 3000", "They stole $3,000.", ["a1", "a2", "a3"], 2),
        ]
    )
    result = score.score_cluster(GOLD, right)
    assert result["facts"]["recall"] == 1.0
    assert result["facts"]["sources_exact"] == 1.0
    assert result["facts"]["independent_exact"] == 1.0
    assert result["facts"]["precision_all"] == 1.0


def test_a_wrong_value_or_wrong_count_scores_as_wrong() -> None:
    wrong = brief(
        [
            fact("age of the father", "35", "The 35-year-old father was shot.", ["a1", "a3"], 2),
            # right value and sources, but the copy a2 counted as a witness of its own
            fact("cash stolen", "USD 3000", "They stole $3,000.", ["a1", "a2", "a3"], 3),
        ]
    )
    result = score.score_cluster(GOLD, wrong)
    assert result["fact_counts"]["gold_matched"] == 1  # only the cash fact
    assert result["facts"]["sources_exact"] == 1.0
    assert result["facts"]["independent_exact"] == 0.0
    missing = brief([fact("cash stolen", "USD 3000", "They stole $3,000.", ["a1", "a2"], 1)])
    result = score.score_cluster(GOLD, missing)
    assert result["facts"]["sources_exact"] == 0.0
    assert result["facts"]["independent_exact"] == 0.0


def test_a_fact_sharing_no_source_does_not_match() -> None:
    elsewhere = brief([fact("age of the father", "53", "The father, 53.", ["a2"], 1)])
    assert score.score_cluster(GOLD, elsewhere)["fact_counts"]["gold_matched"] == 0


def conflict(*values: tuple[str, list[str]]) -> Json:
    return {
        "about": "people arrested",
        "values": [
            {"value": v, "text": f"{v} people were arrested.", "sources": s, "attributed_to": None}
            for v, s in values
        ],
    }


def test_conflict_found_only_with_both_values_from_their_sources() -> None:
    found = score.score_cluster(GOLD, brief([], [conflict(("8", ["a1"]), ("10", ["a3"]))]))
    assert found["conflicts"] == {"recall": 1.0, "precision": 1.0}
    half = score.score_cluster(GOLD, brief([], [conflict(("8", ["a1"]), ("12", ["a3"]))]))
    assert half["conflicts"] == {"recall": 0.0, "precision": 0.0}
    swapped = score.score_cluster(GOLD, brief([], [conflict(("8", ["a3"]), ("10", ["a1"]))]))
    assert swapped["conflicts"]["recall"] == 0.0


def test_must_not_vs_line_is_violated_by_a_conflict_between_its_sides() -> None:
    times = {
        "about": "time of the shooting",
        "values": [
            {"value": "19:30", "text": "about 7:30 p.m.", "sources": ["a1"]},
            {"value": "19:30", "text": "just before 7:30 p.m.", "sources": ["a3"]},
        ],
    }
    bad = score.score_cluster(GOLD, brief([], [times]))
    assert bad["must_not"]["violations"] == 1
    good = score.score_cluster(GOLD, brief([]))
    assert good["must_not"] == {**good["must_not"], "checkable": 1, "violations": 0}


def test_a_vs_line_does_not_forbid_the_pair_its_gold_lists_as_a_conflict() -> None:
    # Multi-News 60e83cb1's line: the sixth/seventh clash is the gold's own conflict, only
    # "nearly a week" against either is ruled out
    gold: Json = {
        "conflicts": [
            {
                "slot": "which day of the search it was",
                "values": [
                    {"value": "seventh day", "sources": ["a1"]},
                    {"value": "sixth day", "sources": ["a3"]},
                ],
            }
        ],
        "must_not": [
            "'nearly a week of searching' (a2) vs 'seventh day' (a1) vs 'sixth day' (a3): "
            "'nearly a week' is vague and fits both; the sixth/seventh clash itself is listed"
            " as a conflict."
        ],
    }

    def days(*values: tuple[str, str, list[str]]) -> Json:
        return {
            "about": "day of the search",
            "values": [{"value": v, "text": t, "sources": s} for v, t, s in values],
        }

    clash = days(
        ("seventh day", "We're already in the seventh day.", ["a1"]),
        ("sixth day", "As the search entered its sixth day.", ["a3"]),
    )
    result = score.score_cluster(gold, brief([], [clash]))
    assert result["conflicts"]["recall"] == 1.0
    assert result["must_not"]["violations"] == 0
    vague = days(
        ("nearly a week", "after nearly a week of searching", ["a2"]),
        ("sixth day", "As the search entered its sixth day.", ["a3"]),
    )
    assert score.score_cluster(gold, brief([], [vague]))["must_not"]["violations"] == 1


def test_vs_sides_reads_quotes_with_apostrophes_and_ids() -> None:
    ids = score.Ids(["p1", "p2", "p3"])
    sides = score.vs_sides(
        "'One bullet shattered his wife's arm' (p1) vs 'shattered' by one shot (p2, p3): same.",
        ids,
    )
    assert [s.phrases for s in sides] == [("One bullet shattered his wife's arm",), ("shattered",)]
    assert [sorted(s.sources) for s in sides] == [["p1"], ["p2", "p3"]]


def test_overall_pools_counts() -> None:
    one = score.score_cluster(GOLD, brief([fact("age of the father", "53", "53", ["a1"], 1)]))
    two = score.score_cluster(GOLD, brief([]))
    total = score.overall([one, two])
    assert total["fact_counts"]["gold_facts"] == 4
    assert total["fact_counts"]["gold_matched"] == 1
    assert total["facts"]["recall"] == 0.25
