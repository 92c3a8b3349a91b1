"""A new user's mistakes and odd inputs (branch qa3): each is one line naming the input and
the reason, no traceback, the rest still briefed; and page chrome of real pages read as such."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from newsfuse.cli import app
from newsfuse.fusion.clean import clean
from newsfuse.fusion.dates import with_publication_date
from newsfuse.models import Article

KAESONG = Path(__file__).parent.parent / "examples" / "kaesong"
FIRST = sorted(KAESONG.glob("*.txt"))[0]


def test_a_symlink_loop_in_a_folder_is_one_skipped_line_and_the_rest_is_briefed(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "report.txt").write_text(FIRST.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "loop.txt").symlink_to("loop.txt")  # points at itself
    result = CliRunner().invoke(app, ["brief", str(folder), "-f", "json"])
    assert result.exit_code == 0, result.stderr
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.startswith("skipped:")]
    assert lines == [
        f"skipped: {folder / 'loop.txt'}: cannot read: too many levels of symbolic links"
    ]
    assert '"report"' in result.stdout


def test_a_broken_symlink_given_or_in_a_folder_says_its_target_is_missing(tmp_path):
    (tmp_path / "gone.txt").symlink_to(tmp_path / "moved-away.txt")
    result = CliRunner().invoke(app, ["brief", str(tmp_path / "gone.txt"), str(FIRST)])
    assert result.exit_code == 0
    reason = f"broken symbolic link: {tmp_path / 'moved-away.txt'} does not exist"
    assert f"skipped: {tmp_path / 'gone.txt'}: {reason}" in result.stderr.splitlines()
    folder = CliRunner().invoke(app, ["brief", str(tmp_path), "-f", "json"])
    assert folder.exit_code == 2  # nothing else in it
    assert f"skipped: {tmp_path / 'gone.txt'}: {reason}" in folder.stderr.splitlines()


def test_the_same_report_read_twice_is_briefed_once_and_says_so(tmp_path):
    # a data set's folder beside its JSONL of the same articles (Timeline17 topics): one witness
    import json

    text = FIRST.read_text(encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "k0.txt").write_text(text, encoding="utf-8")
    second = sorted(KAESONG.glob("*.txt"))[2].read_text(encoding="utf-8")
    (tmp_path / "docs" / "k2.txt").write_text(second, encoding="utf-8")
    (tmp_path / "articles.jsonl").write_text(
        json.dumps({"id": "0", "text": text}) + "\n", encoding="utf-8"
    )
    result = CliRunner().invoke(app, ["brief", str(tmp_path), "-f", "json"])
    assert result.exit_code == 0, result.stderr
    brief = json.loads(result.stdout)
    assert [a["id"] for a in brief["articles"]] == ["0", "k2"]  # the JSONL line comes first
    reason = f"same text as {tmp_path / 'articles.jsonl'}:1: read once"
    assert f"skipped: {tmp_path / 'docs' / 'k0.txt'}: {reason}" in result.stderr.splitlines()
    assert [s["reason"] for s in brief["skipped"]] == [reason]


def test_output_under_a_file_says_it_is_not_a_folder(tmp_path):
    a_file = tmp_path / "brief.md"
    a_file.write_text("x")
    result = CliRunner().invoke(app, ["brief", str(FIRST), "-o", str(a_file / "out.md")])
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"error: cannot write --output {a_file / 'out.md'}: {a_file} is not a folder"
    )


# The opening line of a BBC page in Timeline17 (MJ_bbc, 2011-09-27/782.htm.txt), tokenised as
# the data set gives it: the page's time stamp and a failed server-side include, then the text.
BBC_STAMP = (
    "Page last updated at 05:27 GMT , Tuesday , 27 September 2011 06:27 UK -LRB- an error "
    "occurred while processing this directive -RRB- The Black Eyed Peas have joined the line-up "
    "of the Michael Jackson tribute concert in Cardiff . \n"
    "Promoters said the US group will perform at the Michael Forever tribute on 8 October . \n"
    "Other stars booked to appear are Christina Aguilera and Cee Lo Green . \n"
)


def test_a_page_last_updated_stamp_is_removed_and_dates_the_page():
    article = with_publication_date(clean(Article(id="782", text=BBC_STAMP)))
    text = article.clean_text or ""
    assert text.startswith("The Black Eyed Peas have joined the line-up")
    assert "error occurred" not in text and "last updated" not in text
    removed = {r.text: r.reason for r in article.removed_lines}
    stamp = (
        "Page last updated at 05:27 GMT, Tuesday, 27 September 2011 06:27 UK "
        "(an error occurred while processing this directive)"
    )
    assert removed[stamp] == "dateline"
    assert str(article.published) == "2011-09-27"
    assert article.published_from == "text"
