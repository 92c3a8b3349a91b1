"""The command line as a new user meets it (branch qa): help that reads naturally, --quiet
the same in brief and add, and a run of several events whose skipped inputs and warnings are
said once, to the run, each warning in the brief of the article it is about."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsfuse.cli import app

TESTS = Path(__file__).parent
ARTICLES = TESTS / "fixtures" / "stream" / "articles.jsonl"
KAESONG = TESTS.parent / "examples" / "kaesong"


@pytest.fixture
def runner():
    return CliRunner()


@pytest.mark.parametrize("command", ["brief", "add", "events", "serve"])
def test_help_has_no_type_labels_and_click_style_usage(runner, command):
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    text = result.stdout
    assert "<list" not in text and "<str" not in text  # typer's "PATH <list[str]>"
    usage = text.splitlines()[0]
    assert "{" not in usage  # typer's "{SOURCE}..." for a required argument
    if command == "brief":
        assert usage.endswith(" brief [OPTIONS] [PATH...]")
        assert "-f, --format [markdown|json|html]" in text
    elif command == "add":
        assert usage.endswith(" add [OPTIONS] SOURCE...")
        assert "\n  SOURCE...  " in text


def _two_events(tmp_path: Path) -> Path:
    """Two DUC 2004 events (Hurricane Mitch, Pinochet's arrest), one article of each with a
    "published" value that is not a date, and an empty file beside them."""
    rows = [json.loads(line) for line in ARTICLES.read_text().splitlines()]
    rows = [r for r in rows if r["gold"] in ("d30002t", "d30003t")]
    firsts = {}
    for r in rows:
        if r["gold"] not in firsts:
            firsts[r["gold"]] = r["id"]
            r["published"] = f"not a date {r['gold']}"
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "two.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    (folder / "empty.txt").write_text("")
    return folder


def test_several_events_say_skips_and_warnings_once(runner, tmp_path):
    folder = _two_events(tmp_path)
    out = runner.invoke(app, ["brief", str(folder), "-f", "json"])
    assert out.exit_code == 0, out.output
    briefs = json.loads(out.stdout)
    assert len(briefs) >= 2
    for b in briefs:
        ids = {a["id"] for a in b["articles"]}
        line_of = {
            i + 1: json.loads(x)["id"]
            for i, x in enumerate((folder / "two.jsonl").read_text().splitlines())
        }
        for note in b["notes"]:
            if '"published" is not a date' in note:
                # the note names the line of one of this brief's own articles
                line = int(note.split(":")[1])
                assert line_of[line] in ids, note
        assert b["skipped"] == []  # the empty file is no event's
    warned = [n for b in briefs for n in b["notes"] if "is not a date" in n]
    assert len(warned) == 2 == len(set(warned))
    lines = out.stderr.splitlines()
    assert lines.count(f"skipped: {folder / 'empty.txt'}: empty file") == 1
    assert sum("is not a date" in line for line in lines) == 2

    md = runner.invoke(app, ["brief", str(folder)]).stdout
    assert md.count("# Inputs of this run") == 1 and md.count("## Skipped (1)") == 1
    assert md.index("# Inputs of this run") > md.rindex("## Sources")
    assert md.count("is not a date") == 2  # each in its own event's brief, once
    page = runner.invoke(app, ["brief", str(folder), "-f", "html"]).stdout
    assert page.count("Inputs of this run") == 1 and page.count("<html") == 1


def test_one_event_keeps_its_skips_and_warnings_in_its_brief(runner, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for path in sorted(KAESONG.glob("*.txt"))[:3]:
        (folder / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "empty.txt").write_text("")
    out = runner.invoke(app, ["brief", str(folder), "-f", "json"])
    assert out.exit_code == 0, out.output
    brief = json.loads(out.stdout)
    assert [s["reason"] for s in brief["skipped"]] == ["empty file"]
    md = runner.invoke(app, ["brief", str(folder)]).stdout
    assert "Inputs of this run" not in md and md.count("## Skipped (1)") == 1


def test_quiet_counts_instead_of_listing_in_brief_and_add(runner, tmp_path):
    folder = _two_events(tmp_path)
    out = runner.invoke(app, ["brief", str(folder), "-f", "json", "-q"])
    assert out.exit_code == 0, out.output
    assert out.stderr.splitlines() == [
        "1 input skipped, 2 warnings (run without --quiet to list them)"
    ]
    # the brief still holds them
    assert any("is not a date" in n for b in json.loads(out.stdout) for n in b["notes"])

    db = str(tmp_path / "s.db")
    added = runner.invoke(app, ["add", str(folder), "--db", db, "-q"])
    assert added.exit_code == 0, added.output
    assert added.stderr.splitlines() == [
        "1 input skipped, 2 warnings (run without --quiet to list them)"
    ]
    assert added.stdout.startswith("added 8 articles")
    again = runner.invoke(app, ["add", str(folder), "--db", db, "--quiet"])
    assert "duplicate:" not in again.stderr and " 8 duplicates" in again.stdout

    # an error is still said under --quiet
    none = runner.invoke(app, ["brief", str(folder / "empty.txt"), "-q"])
    assert none.exit_code == 2
    assert none.stderr.splitlines() == [
        "1 input skipped (run without --quiet to list them)",
        "nothing to summarise: no usable article",
    ]


def test_a_refused_private_address_names_it_once():
    from newsfuse.sources import FetchError, check_public

    with pytest.raises(FetchError) as e:
        check_public("http://127.0.0.1:8765/page.html")
    assert str(e.value).startswith(
        "refused: 127.0.0.1 is a private, loopback or link-local address; only public"
    )
    with pytest.raises(FetchError) as e:
        check_public("http://[::1]/")
    assert str(e.value).startswith("refused: ::1 is a private")


def test_an_unknown_format_is_one_plain_usage_line(runner):
    result = runner.invoke(app, ["brief", str(KAESONG), "-f", "xml"])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        "Error: Invalid value for '--format' / '-f': 'xml' is not one of markdown, json, html"
    )
    result = runner.invoke(app, ["events", "--format", "csv"])
    assert result.stderr.splitlines()[-1].endswith("'csv' is not one of table, json")
    # any case is taken
    assert runner.invoke(app, ["brief", str(KAESONG), "-f", "JSON"]).stdout.startswith("{")


def test_a_broken_link_in_a_folder_is_one_lower_case_reason(runner, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "gone.txt").symlink_to(folder / "nowhere.txt")
    result = runner.invoke(app, ["brief", str(folder)])
    assert result.exit_code == 2
    reason = f"broken symbolic link: {folder / 'nowhere.txt'} does not exist"
    assert f"skipped: {folder / 'gone.txt'}: {reason}" in result.stderr.splitlines()


def test_a_jsonl_line_without_id_says_which_fields_it_has(runner, tmp_path):
    # an ECB+ line: {"doc_name", "topic", "text", ...}, as its data set writes it
    path = tmp_path / "ecb.jsonl"
    path.write_text(
        json.dumps(
            {
                "doc_name": "1_10ecb.xml",
                "topic": 1,
                "text": "Perennial party girl Tara Reid checked herself into Promises Treatment "
                "Center , her rep told People.com in a statement Tuesday .",
            }
        )
        + "\n"
    )
    result = runner.invoke(app, ["brief", str(path)])
    assert result.stderr.splitlines()[0] == (
        f'skipped: {path}:1: no "id" field (it has "doc_name", "topic": name one of them "id")'
    )


def test_the_largest_event_alone_holds_the_runs_skips(runner, tmp_path):
    folder = _two_events(tmp_path)
    out = runner.invoke(app, ["brief", str(folder), "-f", "json", "--largest"])
    assert out.exit_code == 0, out.output
    brief = json.loads(out.stdout)
    assert [s["reason"] for s in brief["skipped"]] == ["empty file"]
    md = runner.invoke(app, ["brief", str(folder), "--largest"]).stdout
    assert md.count("## Skipped (1)") == 1 and "Inputs of this run" not in md
