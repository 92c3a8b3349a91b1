"""The file readers on inputs a user's tools produce: escapes JSON allows that no store or
output takes."""

from __future__ import annotations

import json
from pathlib import Path

import newsfuse

KAESONG = Path(__file__).parents[1] / "examples" / "kaesong"


def test_a_jsonl_nul_escape_is_read_as_the_replacement_character(tmp_path):
    # "\u0000" is valid JSON and a NUL in Python, which PostgreSQL cannot store: read as
    # U+FFFD, as a lone surrogate is, so brief, add and the API answer with the same id.
    text = (KAESONG / "001_8fa23842f85e5271.txt").read_text(encoding="utf-8")
    row = {"id": "wire\x001", "title": "Liaison\x00 office", "text": text.replace(".", ".\x00", 1)}
    path = tmp_path / "wire.jsonl"
    path.write_text(json.dumps(row) + "\n")
    (article,) = newsfuse.read([path])
    assert article.id == "wire\ufffd1" and article.title == "Liaison\ufffd office"
    assert "\x00" not in article.text and article.text.count("\ufffd") == 1


def test_a_file_name_that_is_not_utf8_is_shown_with_its_bytes_and_never_breaks_output(tmp_path):
    """A Latin-1 name from an old archive (b"caf\\xe9.txt"): Python holds its byte as a lone
    surrogate, which JSON, the store and the terminal cannot encode (brief -f json and add
    raised UnicodeEncodeError)."""
    import os

    from typer.testing import CliRunner

    from newsfuse.cli import app

    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / os.fsdecode(b"caf\xe9.txt")).write_bytes(
        (KAESONG / "003_e677b8c53843b8f0.txt").read_bytes()
    )
    (folder / os.fsdecode(b"vide\xff.txt")).write_bytes(b"")
    (folder / "wire.txt").write_bytes((KAESONG / "004_287fbccee5e1a2b4.txt").read_bytes())
    got = newsfuse.read([folder])
    assert sorted(a.id for a in got) == ["caf\\xe9", "wire"]
    assert [(s.input, s.reason) for s in got.skipped] == [(f"{folder}/vide\\xff.txt", "empty file")]
    runner = CliRunner()
    result = runner.invoke(app, ["brief", str(folder), "-f", "json", "-q"])
    assert result.exit_code == 0, result.output
    assert sorted(a["id"] for a in json.loads(result.stdout)["articles"]) == ["caf\\xe9", "wire"]
    added = runner.invoke(app, ["add", str(folder), "--db", str(tmp_path / "s.db"), "--list"])
    assert added.exit_code == 0, added.output
    assert "added: caf\\xe9 -> " in added.stdout
    assert f"skipped: {folder}/vide\\xff.txt: empty file" in added.stderr


def test_a_feed_file_name_that_is_not_utf8_is_shown_with_its_bytes(tmp_path):
    import os

    from newsfuse.sources import read_sources

    feed = tmp_path / os.fsdecode(b"fil-d'actualit\xe9.rss")
    feed.write_bytes(b"")
    got = read_sources([feed])
    assert [(s.input, s.reason) for s in got.skipped] == [
        (f"{tmp_path}/fil-d'actualit\\xe9.rss", "empty file")
    ]
    got.skipped[0].model_dump_json()  # encodable


def test_a_pipe_in_a_folder_is_skipped_as_not_a_regular_file_and_never_opened(tmp_path):
    """A named pipe among a folder's .txt files (a log tap, a half-set-up export) would block
    a read for ever if opened; it is one skip line, and the folder's articles are read."""
    import os

    import pytest

    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes on this system")
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "001.txt").write_bytes((KAESONG / "001_8fa23842f85e5271.txt").read_bytes())
    os.mkfifo(folder / "tap.txt")
    got = newsfuse.read([folder])
    assert [a.id for a in got] == ["001"]
    assert [(s.input, s.reason) for s in got.skipped] == [
        (str(folder / "tap.txt"), "not a regular file")
    ]
