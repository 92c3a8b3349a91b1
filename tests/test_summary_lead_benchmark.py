"""The held-out-openings benchmark draws its Timeline17 days with a fixed seed, or takes all of
them (``--timeline-days 0``): one day's held-out opening moves the 40 days' mean by tenths."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import benchmark_script


@pytest.fixture(scope="module")
def summary_lead():
    yield from benchmark_script("summary_lead.py")


@pytest.fixture
def data(tmp_path: Path) -> Path:
    # Three days with 5 reports, one with 4 (too few to hold one out and still compare).
    for topic, day, reports in (
        ("bpoil_bbc", "2010-06-03", 5),
        ("bpoil_bbc", "2010-06-04", 6),
        ("H1N1_bbc", "2009-04-28", 5),
        ("H1N1_bbc", "2009-04-29", 4),
    ):
        folder = tmp_path / "timeline17" / topic / "InputDocs" / day
        folder.mkdir(parents=True)
        for i in range(reports):
            (folder / f"{i}.txt").write_text("BP's chief executive met the president.\n")
    return tmp_path


def test_timeline_days_drawn_or_all(summary_lead, data: Path) -> None:
    every = summary_lead.timeline_clusters(data, 0)
    assert len(every) == 3
    assert all(len(articles) >= 5 for _, articles in every)
    assert all(a.published is not None for _, articles in every for a in articles)
    two = summary_lead.timeline_clusters(data, 2)
    assert [name for name, _ in two] == [name for name, _ in every][:2]  # the same seeded draw
