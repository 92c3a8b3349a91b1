"""The summary and the quotes made in a second process (Settings.workers=2): the same
brief as made here, their errors raised as here, and a worker that dies costs only time."""

from __future__ import annotations

import dataclasses
import os
import signal
import subprocess
import sys
import time
from concurrent.futures import Future
from pathlib import Path

import pytest

import newsfuse
from newsfuse.fusion import pipeline
from newsfuse.settings import DEFAULT

HERE = dataclasses.replace(DEFAULT, workers=1)
APART = dataclasses.replace(DEFAULT, workers=2, worker_max_load=1e9)  # however busy the machine

pytestmark = pytest.mark.worker  # conftest keeps the worker off elsewhere


@pytest.fixture
def worker():
    if not pipeline._cores() > 1:
        pytest.skip("one core: no summary worker")
    assert pipeline._WORKER.ready(180), "the summary worker did not start"
    return pipeline._WORKER


@pytest.fixture
def used(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Whether each brief's stages were handed to the worker."""
    seen: list[bool] = []
    submit = pipeline._WORKER.submit

    def watched(*args, **kwargs):  # type: ignore[no-untyped-def]
        job = submit(*args, **kwargs)
        seen.append(job is not None)
        return job

    monkeypatch.setattr(pipeline._WORKER, "submit", watched)
    return seen


@pytest.mark.parametrize("words", [30, 120])
def test_same_brief_as_made_here(worker, used, kaesong_dir: Path, words: int) -> None:
    articles = newsfuse.read([kaesong_dir])
    here = newsfuse.fuse(articles, words=words, settings=HERE)
    apart = newsfuse.fuse(articles, words=words, settings=APART)
    assert used == [False, True]
    assert len(here.summary) >= 1
    assert apart.model_dump_json() == here.model_dump_json()


def test_its_error_is_the_error_made_here(worker, used) -> None:
    text = (
        "Firefighters fought for six hours to put out a blaze that destroyed a warehouse in "
        "Tema on Monday. Nobody was injured, officials said. "
    )
    articles = [newsfuse.Article(id=i, text=text * 2) for i in "ab"]
    broken = dataclasses.replace(DEFAULT.summary, max_words=None)  # compared with a number
    errors = []
    for settings in (HERE, APART):
        with pytest.raises(TypeError) as raised:
            newsfuse.fuse(
                articles, words=40, settings=dataclasses.replace(settings, summary=broken)
            )
        errors.append(str(raised.value))
    assert used == [False, True]
    assert errors[0] == errors[1] and "NoneType" in errors[0]
    assert newsfuse.fuse(articles, words=40, settings=APART).summary  # the worker goes on


def test_an_error_of_a_later_stage_made_apart(worker, used, kaesong_dir: Path) -> None:
    """The quotes are made in the worker; their error is raised at their stage, after the
    summary made there succeeded."""
    articles = newsfuse.read([kaesong_dir])
    broken = dataclasses.replace(DEFAULT.quotes, held=None)  # multiplied by a number
    errors = []
    for settings in (HERE, APART):
        with pytest.raises(TypeError) as raised:
            newsfuse.fuse(articles, settings=dataclasses.replace(settings, quotes=broken))
        errors.append(str(raised.value))
    assert used == [False, True]
    assert errors[0] == errors[1] and "NoneType" in errors[0]


def test_a_dead_worker_is_replaced_by_this_process(worker, used, kaesong_dir: Path) -> None:
    articles = newsfuse.read([kaesong_dir])
    here = newsfuse.fuse(articles, words=60, settings=HERE)
    assert worker._pool is not None
    for pid in list(worker._pool._processes):
        os.kill(pid, signal.SIGKILL)
    apart = newsfuse.fuse(articles, words=60, settings=APART)  # made here, or after it died
    assert apart.model_dump_json() == here.model_dump_json()
    assert worker.ready(180)  # a new one started
    again = newsfuse.fuse(articles, words=60, settings=APART)
    assert used[-1] is True
    assert again.model_dump_json() == here.model_dump_json()


def test_a_busy_machine_makes_it_all_here(worker, used, kaesong_dir: Path) -> None:
    busy = dataclasses.replace(APART, worker_max_load=0.0)  # any load is too much
    newsfuse.fuse(newsfuse.read([kaesong_dir]), words=60, settings=busy)
    assert used == [False]


def test_one_worker_setting_starts_none() -> None:
    fresh = pipeline._Worker()
    for _ in range(3):
        assert fresh.submit([pipeline._Stage(len, "Tema")], 4, HERE) is None
    assert fresh._pool is None


def test_a_big_brief_is_made_here(worker, used, kaesong_dir: Path) -> None:
    small = dataclasses.replace(APART, worker_max_chars=1000)  # Kaesong's reports are bigger
    newsfuse.fuse(newsfuse.read([kaesong_dir]), words=60, settings=small)
    assert used == [False]


def _alive(pid: int) -> bool:
    """Whether ``pid`` runs (a zombie waiting for init to reap it has ended)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


# a process that makes two briefs (the second starts the worker), waits for it, prints its pid
_PARENT = """
import dataclasses, sys, time
import newsfuse
from newsfuse.fusion import pipeline
from newsfuse.settings import DEFAULT
apart = dataclasses.replace(DEFAULT, workers=2, worker_max_load=1e9)
articles = newsfuse.read([sys.argv[1]])
for _ in range(2):
    newsfuse.fuse(articles, words=30, settings=apart)
assert pipeline._WORKER.ready(180)
print(*pipeline._WORKER._pool._processes, flush=True)
time.sleep(600)
"""


def test_the_worker_exits_when_its_parent_is_killed(kaesong_dir: Path) -> None:
    if not pipeline._cores() > 1:
        pytest.skip("one core: no summary worker")
    env = dict(os.environ, PYTHONPATH=str(Path(pipeline.__file__).parents[2]))
    cmd = [sys.executable, "-c", _PARENT, str(kaesong_dir)]
    with subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, env=env) as parent:
        assert parent.stdout is not None
        pids = [int(pid) for pid in parent.stdout.readline().split()]
        assert pids and all(_alive(pid) for pid in pids)
        parent.kill()  # SIGKILL: no exit handler, no shutdown of the pool
        parent.wait()
    deadline = time.monotonic() + 60  # generous: the machine is shared
    while any(_alive(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(pid) for pid in pids), "the worker outlived its parent"


def test_ctrl_c_is_left_to_the_parent(worker) -> None:
    assert worker._pool is not None
    (pid,) = worker._pool._processes
    os.kill(pid, signal.SIGINT)  # as the terminal sends it to the whole process group
    assert worker._pool.submit(pipeline._Stage(len, "Tema")).result(60) == 4
    assert _alive(pid)


def test_ctrl_c_does_not_wait_for_the_worker(monkeypatch, kaesong_dir: Path) -> None:
    """On KeyboardInterrupt the brief stops at once: the worker's summary is not waited for
    (a job that never ends stands for it)."""
    never: Future[object] = Future()
    stages = [pipeline._Apart(never, pipeline._Stage(len, "")) for _ in range(2)]
    monkeypatch.setattr(pipeline._WORKER, "submit", lambda *args, **kwargs: stages)

    def interrupted(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise KeyboardInterrupt

    monkeypatch.setattr(pipeline.entities, "entities", interrupted)
    with pytest.raises(KeyboardInterrupt):
        newsfuse.fuse(newsfuse.read([kaesong_dir]), words=30, settings=APART)
    assert not never.done()


def test_a_job_cancelled_by_close_is_made_here() -> None:
    job: Future[object] = Future()
    fresh = pipeline._Worker()
    fresh._busy, fresh._job = True, job
    job.add_done_callback(fresh._done)
    assert job.cancel()  # as close() cancels the jobs not yet taken
    assert fresh._busy is False
    assert pipeline._Apart(job, pipeline._Stage(len, "Tema"))() == 4


@pytest.mark.parametrize(
    ("text", "cores"),
    [("max 100000\n", None), ("200000 100000\n", 2), ("150000 100000\n", 1), ("50000 100000", 1)],
)
def test_a_container_quota_bounds_the_cores(tmp_path: Path, text: str, cores: int | None) -> None:
    path = tmp_path / "cpu.max"
    path.write_text(text)
    assert pipeline._cgroup_cores(str(path)) == cores
    assert pipeline._cgroup_cores(str(tmp_path / "none")) is None
