"""The summaries benchmark's speed section shows the per-cluster cost with and without the
first cluster (which also loads the model), and holds the target to the mean with it."""

from __future__ import annotations

import pytest

from conftest import benchmark_script


@pytest.fixture(scope="module")
def summaries():
    yield from benchmark_script("summaries.py")


def test_warm_ratio_leaves_out_the_first_cluster(summaries) -> None:
    nf = {"sets": {"duc2004": [{"seconds": s} for s in (1.3, 0.2, 0.3)]}, "peak_rss_mb": {}}
    cold = {"seconds": 1.5, "import_seconds": 0.7, "runs": [1.5]}
    speed = summaries.speed_section(nf, {"duc2004": [0.5, 0.5, 0.5]}, cold)
    s = speed["per_set"]["duc2004"]
    assert s["ratio"] == pytest.approx(0.6 / 0.5)
    assert not s["ratio_met"]  # the target keeps the first cluster in
    assert s["newsfuse_warm_s_per_cluster"] == pytest.approx(0.25)
    assert s["warm_ratio"] == pytest.approx(0.5)
    assert "without the first cluster" in summaries._speed_lines(speed)


def test_one_cluster_has_no_warm_figure(summaries) -> None:
    nf = {"sets": {"duc2004": [{"seconds": 0.4}]}, "peak_rss_mb": {}}
    speed = summaries.speed_section(nf, {"duc2004": [0.5]}, {"error": ["x"]})
    assert speed["per_set"]["duc2004"]["warm_ratio"] is None
    assert "without the first cluster" not in summaries._speed_lines(speed)
