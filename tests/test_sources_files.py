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
