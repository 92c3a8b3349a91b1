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
    assert "skipped: german: not English (detected: de)" in result.stderr
    assert "skipped: vietnamese: not English (detected: vi)" in result.stderr


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
