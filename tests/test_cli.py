import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import newsfuse
from newsfuse.cli import app

KAESONG = Path(__file__).parents[1] / "examples" / "kaesong"
FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="module")
def kaesong_json() -> dict:
    result = CliRunner().invoke(app, ["brief", str(KAESONG), "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_json_output_parses_and_has_every_article(kaesong_json):
    assert len(kaesong_json["articles"]) == 5
    assert kaesong_json["words"] == 120
    assert kaesong_json["summary"], "a brief of five articles has a summary"
    ids = {a["id"] for a in kaesong_json["articles"]}
    for sentence in kaesong_json["summary"]:
        assert set(sentence["sources"]) <= ids


def test_default_output_is_markdown(runner):
    result = runner.invoke(app, ["brief", str(KAESONG)])
    assert result.exit_code == 0
    assert result.stdout.startswith("# ")
    assert "5 articles, " in result.stdout
    assert "## Sources" in result.stdout
    assert result.stderr == ""


def test_words_option_is_passed_on(runner):
    result = runner.invoke(app, ["brief", str(KAESONG), "-f", "json", "--words", "40"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["words"] == 40


def test_output_file_gets_the_raw_format(runner, tmp_path):
    out = tmp_path / "brief.html"
    result = runner.invoke(app, ["brief", str(KAESONG), "--format", "html", "-o", str(out)])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == f"wrote {out}\n"
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and html.rstrip().endswith("</html>")


def test_output_into_a_missing_folder_is_a_usage_error(runner, tmp_path):
    result = runner.invoke(app, ["brief", str(KAESONG), "-o", str(tmp_path / "no" / "brief.md")])
    assert result.exit_code == 2
    assert "does not exist" in result.stderr
    assert "Traceback" not in result.output


def test_missing_path_among_good_ones_is_skipped_not_fatal(runner, tmp_path):
    missing = tmp_path / "missing.txt"
    result = runner.invoke(app, ["brief", str(KAESONG), str(missing), "-f", "json"])
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)["articles"]) == 5
    assert result.stderr.splitlines() == [
        f"skipped: {missing}: no such file or folder",
        "1 input skipped",
    ]


def test_only_bad_inputs_exit_2_with_the_reasons_on_stderr(runner, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "data.txt"
    binary.write_bytes(b"\x00\x01\x02binary")
    missing = tmp_path / "missing"
    result = runner.invoke(app, ["brief", str(empty), str(binary), str(missing), "-f", "json"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"skipped: {empty}: empty file",
        f"skipped: {binary}: binary file (contains NUL bytes), not text",
        f"skipped: {missing}: no such file or folder",
        "3 inputs skipped",
        "nothing to summarise: no usable article",
    ]
    assert "Traceback" not in result.output


def test_articles_rejected_by_screening_count_as_unusable(runner):
    result = runner.invoke(
        app, ["brief", str(FIXTURES / "german.txt"), str(FIXTURES / "vietnamese.txt")]
    )
    assert result.exit_code == 2
    # named by the file, as every skip is (screening knows the article by its id)
    german, vietnamese = FIXTURES / "german.txt", FIXTURES / "vietnamese.txt"
    assert f"skipped: {german}: not English (detected: de)" in result.stderr
    assert f"skipped: {vietnamese}: not English (detected: vi)" in result.stderr


def test_one_article_only(runner):
    result = runner.invoke(app, ["brief", str(FIXTURES / "english.txt"), "-f", "json"])
    assert result.exit_code == 0
    brief = json.loads(result.stdout)
    assert [a["id"] for a in brief["articles"]] == ["english"]
    assert brief["independent_sources"] == 1


def test_stdin_dash(runner):
    lines = [
        json.dumps(
            {"id": f"k{i}", "text": path.read_text(encoding="utf-8"), "source": f"Outlet {i}"}
        )
        for i, path in enumerate(sorted(KAESONG.glob("*.txt")))
    ]
    result = runner.invoke(
        app, ["brief", "-", "--format", "json"], input="\n".join(lines) + "\nnot json\n"
    )
    assert result.exit_code == 0
    brief = json.loads(result.stdout)
    assert [a["id"] for a in brief["articles"]] == ["k0", "k1", "k2", "k3", "k4"]
    assert next(a["source"] for a in brief["articles"]) == "Outlet 0"
    assert "skipped: <stdin>:6: not valid JSON: Expecting value (column 1)" in result.stderr


def test_version(runner):
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout == f"newsfuse {newsfuse.__version__}\n"


def test_python_dash_m_runs_the_command():
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "newsfuse", "--version"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0
    assert done.stdout == f"newsfuse {newsfuse.__version__}\n"


def test_help_describes_the_command_and_options(runner):
    result = runner.invoke(app, ["brief", "--help"])
    assert result.exit_code == 0
    for text in (
        "--words",
        "--format",
        "--output",
        "markdown",
        "json",
        "html",
        "stdin",
        "Exit code",
    ):
        assert text in result.stdout


def test_bad_format_is_a_usage_error_without_traceback(runner):
    result = runner.invoke(app, ["brief", str(KAESONG), "--format", "pdf"])
    assert result.exit_code == 2
    assert "'pdf' is not one of" in result.stderr
    assert "Traceback" not in result.output


def test_no_path_is_a_usage_error(runner):
    result = runner.invoke(app, ["brief"])
    assert result.exit_code == 2
    assert "Missing argument" in result.stderr


def test_markdown_is_rendered_with_rich_at_a_terminal(runner, monkeypatch):
    monkeypatch.setattr("newsfuse.cli._is_terminal", lambda: True)
    result = runner.invoke(app, ["brief", str(KAESONG)])
    assert result.exit_code == 0
    assert "Sources" in result.stdout and "Families:" in result.stdout
    # rendered, not raw: no Markdown heading or table syntax left
    assert "## Sources" not in result.stdout and "|---" not in result.stdout


# --- papercuts: each a one-line, correct reason ---------------------------------------------


def test_output_into_an_unreadable_folder_is_one_line(runner, tmp_path, monkeypatch):
    # Path.is_dir raises PermissionError inside a folder one may not enter (as root the
    # permission bits do not apply, so the refusal is simulated where it happens).
    locked = tmp_path / "locked"
    real_is_dir = Path.is_dir

    def is_dir(self):
        if locked in (self, *self.parents):
            raise PermissionError(13, "Permission denied", str(self))
        return real_is_dir(self)

    monkeypatch.setattr(Path, "is_dir", is_dir)
    result = runner.invoke(app, ["brief", str(KAESONG), "-o", str(locked / "brief.md")])
    assert result.exit_code == 2
    assert (
        result.stderr == f"error: cannot write --output {locked / 'brief.md'}: permission denied\n"
    )
    assert result.stdout == ""


def test_output_into_a_folder_without_write_permission_is_one_line(runner, tmp_path, monkeypatch):
    monkeypatch.setattr("newsfuse.cli.os.access", lambda path, mode: False)
    result = runner.invoke(app, ["brief", str(KAESONG), "-o", str(tmp_path / "brief.md")])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"error: cannot write --output {tmp_path / 'brief.md'}: permission denied"
    ]


def test_chinese_article_is_skipped_as_not_english(runner):
    result = runner.invoke(
        app, ["brief", str(FIXTURES / "chinese.txt"), str(FIXTURES / "english.txt")]
    )
    assert result.exit_code == 0
    chinese = FIXTURES / "chinese.txt"
    assert f"skipped: {chinese}: not English (detected: zh)" in result.stderr.splitlines()


def test_duplicate_id_is_renamed_with_a_warning_and_a_note(runner, tmp_path):
    text = (FIXTURES / "english.txt").read_text(encoding="utf-8")
    path = tmp_path / "two.jsonl"
    path.write_text(
        json.dumps({"id": "ok1", "text": text})
        + "\n"
        + json.dumps({"id": "ok1", "text": text.replace("Tuesday", "Wednesday")})
        + "\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["brief", str(path), "-f", "json"])
    warning = f"{path}:2: id 'ok1' is already taken by another article; renamed 'ok1~2'"
    assert f"warning: {warning}" in result.stderr.splitlines()
    brief = json.loads(result.stdout)
    assert [a["id"] for a in brief["articles"]] == ["ok1", "ok1~2"]
    assert warning in brief["notes"]


def test_published_that_is_not_a_date_gets_a_warning(runner, tmp_path):
    text = (FIXTURES / "english.txt").read_text(encoding="utf-8")
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps({"id": "a", "text": text, "published": "not a date"}) + "\n")
    result = runner.invoke(app, ["brief", str(path), "-f", "json"])
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        f"warning: {path}:1: \"published\" is not a date ('not a date'); the publication date"
        " is read from the text, if it gives one"
    ]


def test_plain_text_on_stdin_is_one_article(runner):
    text = (FIXTURES / "english.txt").read_text(encoding="utf-8")
    result = runner.invoke(app, ["brief", "-", "-f", "json"], input=text)
    assert result.exit_code == 0
    brief = json.loads(result.stdout)
    assert [a["id"] for a in brief["articles"]] == ["stdin"]
    assert result.stderr.splitlines() == [
        "warning: <stdin>: not JSONL (its first line is not a JSON object); read as one"
        " plain-text article 'stdin'"
    ]


def test_budget_too_small_for_any_sentence_exits_2_with_a_message(runner):
    result = runner.invoke(app, ["brief", str(KAESONG), "--words", "1"])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        "nothing summarised: the word budget 1 is too small for any sentence (shortest"
        " candidate: 8 words)"
    )
    assert (
        "*No summary: the word budget 1 is too small for any sentence (shortest candidate: 8 words).*"
        in result.stdout
    )


def test_max_items_cuts_the_sections_and_says_where_the_rest_is(runner):
    capped = runner.invoke(app, ["brief", str(KAESONG), "--max-items", "2"]).stdout
    assert "more facts in the JSON brief (`--format json`).*" in capped
    assert "more sources in the JSON brief" in capped
    everything = runner.invoke(app, ["brief", str(KAESONG), "--max-items", "0"]).stdout
    assert "in the JSON brief" not in everything
    assert len(everything) > len(capped)


def test_progress_bar_appears_only_after_two_seconds_and_never_when_disabled():
    from newsfuse import cli

    clock = iter([0.0, 0.5, 3.0])
    with cli._ProgressBar(enabled=True, clock=lambda: next(clock)) as bar:
        bar.update("clean", 0, 9)
        assert bar._bar is None  # 0.5 s in: no bar yet
        bar.update("facts", 7, 9)
        assert bar._bar is not None
        assert bar._bar.tasks[0].completed == 7
    quiet = cli._ProgressBar(enabled=False)
    quiet.update("facts", 7, 9)
    assert quiet._bar is None


def test_fuse_reports_every_stage_to_the_progress_callback():
    seen = []
    newsfuse.fuse(newsfuse.read([KAESONG]), progress=lambda *a: seen.append(a))
    from newsfuse.fusion.pipeline import STAGES

    assert [s for s, _, _ in seen] == list(STAGES)
    assert [n for _, n, _ in seen] == list(range(len(STAGES)))


def test_a_jsonl_line_screening_rejects_is_named_by_its_file_and_line(runner, tmp_path):
    english = (FIXTURES / "english.txt").read_text(encoding="utf-8")
    path = tmp_path / "wire.jsonl"
    rows = [
        {"id": "ok", "text": english},
        {"id": "caption", "text": "Smoke rises in Kaesong on Tuesday."},
        {"id": "zh", "text": (FIXTURES / "chinese.txt").read_text(encoding="utf-8")},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    result = runner.invoke(app, ["brief", str(path), "-f", "json"])
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert f"skipped: {path}:2: too short to summarise (6 words; at least 15 needed)" in lines
    assert f"skipped: {path}:3: not English (detected: zh)" in lines
    skipped = {s["input"] for s in json.loads(result.stdout)["skipped"]}
    assert skipped == {f"{path}:2", f"{path}:3"}
    # one article alone is screened by fuse itself: named the same
    result = runner.invoke(app, ["brief", "-"], input=json.dumps(rows[1]) + "\n")
    assert result.exit_code == 2
    assert "skipped: <stdin>:1: too short to summarise (6 words; at least 15 needed)" in (
        result.stderr.splitlines()
    )


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
def test_output_that_fails_while_written_is_one_line_naming_the_option(runner):
    # /dev/full passes every check before the work and fails the write itself
    result = runner.invoke(app, ["brief", str(KAESONG), "-q", "-o", "/dev/full"])
    assert result.exit_code == 1
    assert result.stderr == "error: cannot write --output /dev/full: no space left on device\n"


def test_an_empty_summary_says_the_briefs_own_reason(runner):
    # A JSON array on stdin is not one plain-text article (it was, and its summary was
    # empty "as no sentence fits in 120 words"); a text with no sentence that stands alone
    # says that, not that the budget is small.
    rows = [{"id": "a", "text": (FIXTURES / "english.txt").read_text(encoding="utf-8")}]
    result = runner.invoke(app, ["brief", "-"], input=json.dumps(rows) + "\n")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == (
        'skipped: <stdin>:1: not a JSON object (got a list): expected {"id": ..., "text": ...}'
    )
    # Kaesong sentences opening on a reference they do not carry ("He", "She"): no budget
    # would help, and the message says so
    pointing = (
        "He said North Korea blew up the liaison office in the border town of Kaesong on "
        "Tuesday, officials in Seoul said.\n\nShe added that the four-storey building had been "
        "empty since January because of the coronavirus pandemic.\n"
    )
    result = runner.invoke(app, ["brief", "-", "-f", "json", "-q"], input=pointing)
    assert result.exit_code == 2 and json.loads(result.stdout)["summary"] == []
    assert result.stderr.splitlines()[-1] == (
        "nothing summarised: no sentence of the articles can stand alone in a summary"
    )


def test_a_pretty_printed_json_file_or_array_is_one_line_not_one_per_line(runner, tmp_path):
    text = (FIXTURES / "english.txt").read_text(encoding="utf-8")
    pretty = tmp_path / "pretty.jsonl"
    pretty.write_text(json.dumps({"id": "a", "text": text}, indent=2) + "\n")
    array = tmp_path / "array.jsonl"
    array.write_text(json.dumps([{"id": "a", "text": text}, {"id": "b", "text": text}], indent=1))
    for path, kind, lines, fix in (
        (pretty, "document", 4, "jq -c ."),
        (array, "array", 10, "jq -c '.[]'"),
    ):
        result = runner.invoke(app, ["brief", str(path)])
        reason = f"not JSONL: one JSON {kind} over {lines} lines; give one article per line ({fix} writes it)"
        assert result.exit_code == 2
        assert result.stderr.splitlines()[:2] == [f"skipped: {path}: {reason}", "1 input skipped"]
        piped = runner.invoke(app, ["brief", "-"], input=path.read_text())
        assert piped.stderr.splitlines()[0] == f"skipped: <stdin>: {reason}"
    # JSONL whose first line is broken is still read line by line
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"id": "x", "text": "cut\n' + json.dumps({"id": "a", "text": text}) + "\n")
    result = runner.invoke(app, ["brief", str(broken), "-f", "json"])
    assert result.exit_code == 0
    assert [a["id"] for a in json.loads(result.stdout)["articles"]] == ["a"]
    assert result.stderr.startswith(f"skipped: {broken}:1: not valid JSON")


def test_an_article_cut_at_the_length_limit_is_a_warning_line_and_a_note(runner, tmp_path):
    """A dump over CleanSettings.max_words is briefed from its first part only: stderr and
    the brief say so, as for any input read with a change."""
    sentence = (KAESONG / "001_8fa23842f85e5271.txt").read_text(encoding="utf-8")
    path = tmp_path / "dump.txt"
    copies = 20_500 // len(sentence.split()) + 1
    path.write_text("\n\n".join([sentence] * copies), encoding="utf-8")
    unread = copies * len(sentence.split()) - 20_000
    result = runner.invoke(app, ["brief", str(path), "-f", "json", "-w", "20"])
    assert result.exit_code == 0, result.output
    [said] = [line for line in result.stderr.splitlines() if line.startswith("warning: ")]
    assert said.startswith(f"warning: {path}: over 20,000 words: read up to that length, ")
    # the count is the cleaner's (lines split differently), close to what was left over
    more = int(said.split("length, ")[1].split(" more")[0].replace(",", ""))
    assert abs(more - unread) < 0.05 * unread
    assert said.removeprefix("warning: ") in json.loads(result.stdout)["notes"]
