"""The stream from the command line: add, events, brief --event, several events in brief,
and the reliability promises (SIGKILL mid-run, two writers on one SQLite file)."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsfuse.cli import app
from newsfuse.settings import Settings, StoreSettings
from newsfuse.store import Store
from stream_support import dump, grouper_factory

TESTS = Path(__file__).parent
ARTICLES = TESTS / "fixtures" / "stream" / "articles.jsonl"
RUNNER = [sys.executable, str(TESTS / "stream_support.py")]


@pytest.fixture
def runner():
    return CliRunner()


def _rows() -> list[dict]:
    return [json.loads(line) for line in ARTICLES.read_text().splitlines()]


def _jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


def test_add_events_and_brief_event(runner, tmp_path, kaesong_dir):
    db = tmp_path / "news.db"
    added = runner.invoke(app, ["add", str(kaesong_dir), "--db", str(db), "--no-progress"])
    assert added.exit_code == 0, added.output
    assert added.stdout.startswith("added 5 articles (")
    assert f"store: {db}" in added.stdout

    again = runner.invoke(app, ["add", str(kaesong_dir), "--db", str(db)])
    assert again.exit_code == 0
    assert "added 0 articles" in again.stdout and "5 duplicates" in again.stdout
    assert again.stderr.count("duplicate: ") == 5

    table = runner.invoke(app, ["events", "--db", str(db)])
    assert table.exit_code == 0
    assert table.stdout.splitlines()[0].startswith(f"store: {db} (")

    listed = json.loads(runner.invoke(app, ["events", "--db", str(db), "-f", "json"]).stdout)
    assert set(listed[0]) == {
        "id", "title", "date", "where", "articles", "independent_sources", "conflicts", "updated",
    }  # fmt: skip
    ids = sorted(a for e in listed for a in e["articles"])
    assert ids == sorted(p.stem for p in kaesong_dir.glob("*.txt"))  # ids as `read` gives them

    biggest = max(listed, key=lambda e: len(e["articles"]))
    for fmt, check in (
        ("json", lambda out: sorted(a["id"] for a in json.loads(out)["articles"])),
        ("markdown", lambda out: out.startswith("# ")),
        ("html", lambda out: out.startswith("<!DOCTYPE html>")),
    ):
        out = runner.invoke(app, ["brief", "--event", biggest["id"], "--db", str(db), "-f", fmt])
        assert out.exit_code == 0, out.output
        got = check(out.stdout)
        assert got == sorted(biggest["articles"]) if fmt == "json" else got

    # Another budget than the stored briefs' fuses the stored articles again at that budget.
    short = runner.invoke(
        app, ["brief", "--event", biggest["id"], "--db", str(db), "-f", "json", "-w", "30"]
    )
    assert short.exit_code == 0, short.output
    made = json.loads(short.stdout)
    assert made["words"] == 30
    assert 0 < sum(len(s["text"].split()) for s in made["summary"]) <= 30


def test_db_from_the_environment_and_one_line_errors(runner, tmp_path, kaesong_dir, monkeypatch):
    db = tmp_path / "env.db"
    monkeypatch.setenv("NEWSFUSE_DB", str(db))
    assert runner.invoke(app, ["add", str(kaesong_dir / "000_a9149104c1ca651c.txt")]).exit_code == 0
    assert db.is_file()
    assert json.loads(runner.invoke(app, ["events", "-f", "json"]).stdout)

    missing = runner.invoke(app, ["events", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 1
    assert (
        missing.stderr == f"error: no store at {tmp_path / 'none.db'} (newsfuse add creates one)\n"
    )
    unknown = runner.invoke(app, ["brief", "--event", "nope"])
    assert unknown.exit_code == 1
    assert unknown.stderr.startswith("error: no event 'nope' in ")
    assert len(unknown.stderr.splitlines()) == 1
    bad_date = runner.invoke(app, ["events", "--since", "yesterday"])
    assert bad_date.exit_code == 2 and "is not a date" in bad_date.stderr


def test_brief_on_several_events_never_mixes_them(runner, tmp_path):
    rows = [r for r in _rows() if r["gold"] in ("d30002t", "d30003t")]  # Mitch, Pinochet
    src = _jsonl(tmp_path / "two.jsonl", rows)
    out = runner.invoke(app, ["brief", str(src), "-f", "json"])
    assert out.exit_code == 0, out.output
    first = out.stderr.splitlines()[0]
    assert first.startswith("found ") and first.endswith(" events")
    briefs = json.loads(out.stdout)
    assert isinstance(briefs, list) and len(briefs) == int(first.split()[1])
    gold = {r["id"]: r["gold"] for r in rows}
    seen: list[str] = []
    for b in briefs:
        members = [a["id"] for a in b["articles"]]
        seen += members
        # a brief's facts and summary cite only its own articles
        cited = {s for x in b["summary"] + b["facts"] for s in x["sources"]}
        assert cited <= set(members)
    assert sorted(seen) == sorted(gold)  # every article in exactly one brief
    page = runner.invoke(app, ["brief", str(src), "-f", "html"]).stdout
    # one page holding every brief, titled as such (not after its first event)
    assert page.count("<h1>") == len(briefs) and page.count("<html") == 1
    assert f"<title>{len(briefs)} events</title>" in page
    one = runner.invoke(app, ["brief", str(src), "-f", "json", "--largest"])
    assert isinstance(json.loads(one.stdout), dict)
    assert "briefing the largest" in one.stderr


_SMALL_BATCHES = Settings(store=StoreSettings(batch_size=4))
_KILLABLE = """
import sys, time
sys.path.insert(0, {tests!r})
import stream_support
from newsfuse.settings import Settings, StoreSettings
from newsfuse.store import Store
db, src, stop = sys.argv[1:]
def progress(stage, done, total):
    line = " ".join(map(str, (stage, done, total)))
    print(line, flush=True)
    if line.startswith(stop):
        time.sleep(30)  # the test kills us here, at a known point
settings = Settings(store=StoreSettings(batch_size=4))
with Store(db, settings=settings, grouper=stream_support.grouper_factory()) as store:
    store.add([src], progress=progress)
"""


def _run_until(db: Path, src: Path, stop: str | None) -> None:
    """Run an add in a subprocess; SIGKILL it right after it prints ``stop``."""
    code = _KILLABLE.format(tests=str(TESTS))
    proc = subprocess.Popen(
        [sys.executable, "-c", code, str(db), str(src), stop or "-"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    for line in proc.stdout:
        if stop and line.startswith(stop):
            os.kill(proc.pid, signal.SIGKILL)
            break
    proc.wait(timeout=120)
    if stop:
        assert proc.returncode == -signal.SIGKILL, f"not killed at {stop!r}"
    else:
        assert proc.returncode == 0, proc.stderr.read() if proc.stderr else ""


def test_sigkill_mid_run_then_rerun_gives_the_clean_run_store(tmp_path):
    rows = _rows()[:10]
    src = _jsonl(tmp_path / "a.jsonl", rows)
    clean, killed = tmp_path / "clean.db", tmp_path / "killed.db"
    with Store(clean, settings=_SMALL_BATCHES, grouper=grouper_factory()) as store:
        store.add([src])
    _run_until(killed, src, "adding 8 10")  # two batches of four committed, then killed
    partial = sqlite3.connect(killed).execute("select count(*) from articles").fetchone()[0]
    assert partial == 8
    _run_until(killed, src, "briefing 1")  # killed again while refreshing briefs
    _run_until(killed, src, None)
    assert dump(str(killed)) == dump(str(clean))


def test_two_add_processes_on_one_store(tmp_path, store_location):
    rows = _rows()[:12]
    a = _jsonl(tmp_path / "a.jsonl", rows[:8])
    b = _jsonl(tmp_path / "b.jsonl", rows[4:])  # four articles given to both
    procs = [
        subprocess.Popen(
            [*RUNNER, "add", str(src), "--db", store_location, "--no-progress"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for src in (a, b)
    ]
    outs = [p.communicate(timeout=180) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    if "://" not in store_location:
        con = sqlite3.connect(store_location)
        assert con.execute("pragma integrity_check").fetchone() == ("ok",)
    state = dump(store_location)
    ids = [r["id"] for r in state["articles"]]
    assert sorted(ids) == sorted(r["id"] for r in rows)  # each once
    counts = Counter(r["event_id"] for r in state["articles"])
    assert counts == {e["id"]: e["n_articles"] for e in state["events"]}
    assert not [e for e in state["events"] if e["dirty"]]
    assert {b["event_id"] for b in state["briefs"]} == set(counts)
    duplicates = sum(o.count("duplicate: ") for _, o in outs)
    assert duplicates == 4


def test_add_reports_what_it_read_with_a_change_as_brief_does(runner, tmp_path):
    """An id another article has (renamed id~2) and a "published" that is not a date are
    warning lines of add as of brief, and in the report."""
    first, second = _rows()[:2]
    path = _jsonl(
        tmp_path / "wire.jsonl",
        [dict(first, id="w1"), dict(second, id="w1", published="last Tuesday")],
    )
    db = tmp_path / "s.db"
    result = runner.invoke(app, ["add", str(path), "--db", str(db), "--list"])
    assert result.exit_code == 0, result.output
    renamed = f"{path}:2: id 'w1' is already taken by another article; renamed 'w1~2'"
    undated = (
        f"{path}:2: \"published\" is not a date ('last Tuesday'); the publication date is read "
        "from the text, if it gives one"
    )
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning: ")]
    assert sorted(warnings) == sorted([f"warning: {renamed}", f"warning: {undated}"])
    assert "added: w1~2 -> " in result.stdout
    with Store(db, grouper=grouper_factory()) as store:
        again = store.add(path, refresh=False)
    # a re-run stores nothing, so renames nothing: only what is still true of the input
    assert again.count("duplicate") == 2 and again.warnings == (undated,)


def test_a_damaged_store_is_one_line_not_a_traceback(runner, tmp_path, kaesong_dir):
    db = tmp_path / "s.db"
    with Store(db, grouper=grouper_factory()) as store:
        store.add(kaesong_dir, refresh=False)
    with sqlite3.connect(db) as conn:  # another program drops the store's tables
        conn.execute("DROP TABLE events")
        conn.execute("DROP TABLE articles")
    row = json.dumps(_rows()[0]) + "\n"
    for argv, after in (
        (["events"], ""),
        (["brief", "--event", "e1"], ""),
        (["add", "-"], "; every finished batch is stored; run add again"),
    ):
        result = runner.invoke(app, [*argv, "--db", str(db)], input=row)
        assert result.exit_code == 1, result.output
        assert result.stderr.splitlines()[-1].startswith(f"error: the store {db}: no such table")
        assert result.stderr.endswith(after + "\n") and "Traceback" not in result.output
