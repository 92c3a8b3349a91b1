import datetime as dt
import io
import json
import os
import shutil
import sys
from pathlib import Path

import pytest

from newsfuse import read
from newsfuse.models import Articles
from newsfuse.sources import files as ingest

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
ENGLISH = (FIXTURES / "english.txt").read_text(encoding="utf-8")


def reasons(articles: Articles) -> dict[str, str]:
    return {s.input: s.reason for s in articles.skipped}


def write(path: Path, data: str | bytes) -> Path:
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


# --- good inputs ---------------------------------------------------------------------------


def test_txt_file_is_one_article_named_after_the_file():
    articles = read(FIXTURES / "english.txt")
    assert isinstance(articles, Articles)
    assert [a.id for a in articles] == ["english"]
    article = articles[0]
    assert article.text.startswith("North Korea blew up a liaison office")
    assert article.origin == str(FIXTURES / "english.txt")
    assert article.title is None and article.published is None
    assert articles.skipped == []


def test_txt_line_endings_are_normalised(tmp_path):
    path = write(tmp_path / "crlf.txt", "First line of the report.\r\nSecond line.\rThird.\r\n")
    assert read(path)[0].text == "First line of the report.\nSecond line.\nThird.\n"


def test_txt_with_utf8_bom_is_read_without_it(tmp_path):
    path = write(tmp_path / "bom.txt", b"\xef\xbb\xbfSeoul said the office was destroyed.")
    assert read(path)[0].text == "Seoul said the office was destroyed."


def test_html_page_gives_main_text_and_metadata_without_chrome():
    [article] = read(FIXTURES / "liaison_office.html")
    assert article.id == "liaison_office"
    assert article.title == "North Korea blows up liaison office in Kaesong"
    assert article.source == "Harbour Daily"
    assert article.url == "https://harbourdaily.example/world/2020/06/16/kaesong-liaison-office"
    assert article.published == dt.date(2020, 6, 16)
    assert article.published_from == "metadata"
    assert "loud explosion was heard across the border" in article.text
    assert "tragically ruined with a terrific explosion" in article.text
    # navigation, the header's "today" date, the sidebar and the footer are page chrome
    for chrome in (
        "Subscribe",
        "March 28, 2024",
        "Most read",
        "Ten recipes",
        "All rights reserved",
        "Privacy",
    ):
        assert chrome not in article.text


def test_html_in_a_declared_legacy_encoding_is_decoded(tmp_path):
    page = (
        '<html><head><meta charset="windows-1252"><title>Caf\xe9 report</title></head><body>'
        "<article><p>The caf\xe9 near the border closed on Tuesday after the explosion, its owner "
        "said, and customers were told to stay away from the area until further notice.</p>"
        "<p>Police said nobody was hurt in the blast, which shook windows across the town.</p>"
        "</article></body></html>"
    ).encode("cp1252")
    [article] = read(write(tmp_path / "legacy.html", page))
    assert "The café near the border closed" in article.text


def test_html_page_without_article_text_is_skipped(tmp_path):
    path = write(tmp_path / "blank.html", "<html><head><title>x</title></head><body></body></html>")
    articles = read(path)
    assert list(articles) == []
    assert reasons(articles) == {str(path): "no article text found in the HTML page"}


def test_jsonl_reads_metadata_and_records_the_line():
    articles = read(FIXTURES / "wire.jsonl")
    assert [a.id for a in articles] == ["yonhap-1", "ap-1", "blog-1"]
    yonhap, ap, blog = articles
    assert yonhap.title == "N. Korea blows up liaison office"
    assert yonhap.url == "https://wire.example/1"
    assert yonhap.source == "Yonhap"
    assert yonhap.published == dt.date(2020, 6, 16)
    assert yonhap.published_from == "metadata"
    assert yonhap.origin == f"{FIXTURES / 'wire.jsonl'}:1"
    assert "\n" in yonhap.text
    # a date-time with a zone is a date too
    assert ap.published == dt.date(2020, 6, 16) and ap.url is None
    # an unparseable date is ignored, not an error
    assert blog.published is None and blog.published_from is None
    assert articles.skipped == []


def test_stdin_dash_reads_jsonl(monkeypatch):
    lines = [
        json.dumps({"id": "s1", "text": "Seoul said the liaison office was destroyed on Tuesday."}),
        "",
        json.dumps({"id": "s2", "text": "Smoke rose over Kaesong.", "source": "Reuters"}),
        "{oops",
    ]
    stdin = io.TextIOWrapper(io.BytesIO("\n".join(lines).encode("utf-8")), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    articles = read("-")
    assert [a.id for a in articles] == ["s1", "s2"]
    assert articles[1].source == "Reuters"
    assert articles[0].origin == "<stdin>:1"
    assert reasons(articles) == {
        "<stdin>:4": "not valid JSON: Expecting property name enclosed in double quotes (column 2)"
    }


def test_empty_stdin_is_skipped(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b""), encoding="utf-8"))
    articles = read(["-"])
    assert list(articles) == []
    assert reasons(articles) == {"<stdin>": "no input on stdin"}


def test_folder_is_read_recursively_in_sorted_order(tmp_path):
    write(tmp_path / "b.txt", "Second report of the explosion.")
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub" / "c.txt", "Third report of the explosion.")
    write(tmp_path / "a.txt", "First report of the explosion.")
    (tmp_path / ".cache").mkdir()
    write(tmp_path / ".cache" / "hidden.txt", "Not an article.")
    articles = read(tmp_path)
    assert [a.id for a in articles] == ["a", "b", "c"]
    assert articles.skipped == []


def test_unsupported_files_in_a_folder_are_reported_in_one_line(tmp_path):
    write(tmp_path / "a.txt", "First report of the explosion.")
    write(tmp_path / "photo.jpg", b"\xff\xd8\xff")
    write(tmp_path / "notes.md", "# notes")
    articles = read(tmp_path)
    assert [a.id for a in articles] == ["a"]
    assert reasons(articles) == {str(tmp_path): "ignored 2 files of unsupported type: .jpg, .md"}


def test_mixed_inputs_in_one_call(tmp_path):
    shutil.copy(FIXTURES / "english.txt", tmp_path / "one.txt")
    articles = read(
        [tmp_path / "one.txt", str(FIXTURES / "wire.jsonl"), FIXTURES / "liaison_office.html"]
    )
    assert [a.id for a in articles] == ["one", "yonhap-1", "ap-1", "blog-1", "liaison_office"]


def test_progress_bar_reads_many_files(tmp_path, capsys):
    for i in range(ingest.PROGRESS_MIN_FILES + 5):
        write(tmp_path / f"{i:03d}.txt", f"Report number {i} on the explosion.")
    articles = read(tmp_path, progress=True)
    assert len(articles) == ingest.PROGRESS_MIN_FILES + 5
    assert capsys.readouterr().out == ""  # the bar goes to stderr, never into the output


# --- ids -----------------------------------------------------------------------------------


def test_same_stem_in_two_folders_keeps_both_with_unique_ids(tmp_path):
    (tmp_path / "x").mkdir()
    (tmp_path / "y").mkdir()
    write(tmp_path / "x" / "report.txt", "The first report.")
    write(tmp_path / "y" / "report.txt", "The second report.")
    write(tmp_path / "y" / "report.html", "<html><body><p>" + ENGLISH + "</p></body></html>")
    articles = read(tmp_path)
    by_origin = {Path(a.origin).relative_to(tmp_path).as_posix(): a.id for a in articles}
    assert by_origin == {
        "x/report.txt": "report",
        "y/report.html": "report~2",
        "y/report.txt": "report~3",
    }
    assert articles[2].text == "The second report."
    assert articles.skipped == []


def test_renamed_id_does_not_collide_with_an_existing_one(tmp_path):
    lines = [
        {"id": "a", "text": "One."},
        {"id": "a~2", "text": "Two."},
        {"id": "a", "text": "Three."},
    ]
    path = write(tmp_path / "ids.jsonl", "\n".join(json.dumps(x) for x in lines))
    assert [a.id for a in read(path)] == ["a", "a~2", "a~3"]


def test_numeric_jsonl_id_becomes_a_string(tmp_path):
    path = write(tmp_path / "n.jsonl", json.dumps({"id": 42, "text": "The report."}))
    assert read(path)[0].id == "42"


# --- bad inputs: each is skipped with a reason, and the batch goes on ----------------------


def test_bad_inputs_never_stop_the_batch(tmp_path):
    good = write(tmp_path / "good.txt", ENGLISH)
    write(tmp_path / "empty.txt", "")
    write(tmp_path / "binary.txt", b"PK\x03\x04\x00\x00binary")
    articles = read([tmp_path, tmp_path / "missing.txt"])
    assert [a.id for a in articles] == ["good"]
    assert articles[0].origin == str(good)
    assert len(articles.skipped) == 3


def test_empty_file(tmp_path):
    path = write(tmp_path / "empty.txt", "")
    assert reasons(read(path)) == {str(path): "empty file"}


def test_whitespace_only_file(tmp_path):
    path = write(tmp_path / "blank.txt", "  \n\n\t\n")
    assert reasons(read(path)) == {str(path): "empty file (only whitespace)"}


def test_binary_file_with_nul_bytes(tmp_path):
    path = write(tmp_path / "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert reasons(read(path)) == {str(path): "binary file (contains NUL bytes), not text"}


def test_binary_file_of_control_characters(tmp_path):
    path = write(tmp_path / "noise.txt", bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16]) * 50 + b"abc")
    assert reasons(read(path)) == {str(path): "binary file (mostly control characters), not text"}


def test_utf16_file_says_how_to_fix_it(tmp_path):
    path = write(tmp_path / "utf16.txt", "The office was destroyed.".encode("utf-16"))
    assert reasons(read(path)) == {str(path): "text is encoded as UTF-16: save it as UTF-8"}


def test_non_utf8_bytes_name_the_byte_and_offset(tmp_path):
    path = write(tmp_path / "latin1.txt", "Le café a fermé.".encode("latin-1"))
    assert reasons(read(path)) == {
        str(path): "not valid UTF-8 (byte 0xe9 at offset 6): save it as UTF-8"
    }


def test_20_mb_file_is_skipped_without_reading_it(tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as f:
        for _ in range(20):
            f.write(b"The office was destroyed. " * 40_330)  # ~1 MB of real text
    assert path.stat().st_size > 20_000_000

    def no_open(*args, **kwargs):
        raise AssertionError("a file over the limit must not be opened")

    monkeypatch.setattr(ingest, "open", no_open, raising=False)
    articles = read(path)
    assert list(articles) == []
    reason = reasons(articles)[str(path)]
    assert reason.startswith("too large (21.0 MB)")
    assert "5 MB" in reason


def test_file_just_under_the_limit_is_read(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest, "MAX_TEXT_BYTES", 1000)
    path = write(tmp_path / "ok.txt", "word " * 199)
    assert len(read(path)) == 1
    path = write(tmp_path / "big.txt", "word " * 201)
    assert reasons(read(path))[str(path)].startswith("too large")


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("this is not json", "not valid JSON: Expecting value (column 1)"),
        (
            '{"id": "a", "text": "unterminated}',
            "not valid JSON: Unterminated string starting at (column 21)",
        ),
        ('{"id": "a", "title": "no text"}', 'no "text" field'),
        ('{"id": "a", "text": 12}', '"text" is a number, not a string'),
        ('{"id": "a", "text": null}', '"text" is null, not a string'),
        ('{"id": "a", "text": ["a", "b"]}', '"text" is a list, not a string'),
        ('{"id": "a", "text": "   "}', '"text" is empty (only whitespace)'),
        ('{"text": "No id here."}', 'no "id" field'),
        ('{"id": {"x": 1}, "text": "Bad id."}', '"id" is an object, not a string'),
        ('{"id": "  ", "text": "Blank id."}', '"id" is empty'),
        ('["id", "text"]', 'not a JSON object (got a list): expected {"id": ..., "text": ...}'),
        ('"just a string"', 'not a JSON object (got a string): expected {"id": ..., "text": ...}'),
    ],
)
def test_bad_jsonl_line_is_skipped_and_the_rest_is_read(tmp_path, line, reason):
    good = json.dumps({"id": "good", "text": "Seoul said the office was destroyed."})
    path = write(tmp_path / "mixed.jsonl", f"{good}\n{line}\n{good.replace('good', 'also')}\n")
    articles = read(path)
    assert [a.id for a in articles] == ["good", "also"]
    assert reasons(articles) == {f"{path}:2": reason}


def test_non_utf8_jsonl_line_is_skipped_alone(tmp_path):
    good = json.dumps({"id": "good", "text": "Seoul said the office was destroyed."}).encode()
    bad = b'{"id": "bad", "text": "caf\xe9"}'
    path = write(tmp_path / "bytes.jsonl", good + b"\n" + bad + b"\n")
    articles = read(path)
    assert [a.id for a in articles] == ["good"]
    assert reasons(articles) == {
        f"{path}:2": "not valid UTF-8 (byte 0xe9 at offset 26 in the line)"
    }


def test_jsonl_line_over_the_limit_is_skipped(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest, "MAX_JSONL_LINE_BYTES", 200)
    big = json.dumps({"id": "big", "text": "word " * 100})
    small = json.dumps({"id": "small", "text": "The report."})
    path = write(tmp_path / "big.jsonl", f"{big}\n{small}\n")
    articles = read(path)
    assert [a.id for a in articles] == ["small"]
    assert reasons(articles)[f"{path}:1"].startswith("too large")


def test_empty_jsonl_file(tmp_path):
    path = write(tmp_path / "empty.jsonl", "")
    blank = write(tmp_path / "blank.jsonl", "\n\n  \n")
    assert reasons(read([path, blank])) == {str(path): "empty file", str(blank): "empty file"}


def test_folder_with_no_supported_files(tmp_path):
    folder = tmp_path / "photos"
    folder.mkdir()
    write(folder / "a.jpg", b"\xff\xd8\xff")
    empty = tmp_path / "nothing"
    empty.mkdir()
    articles = read([folder, empty])
    assert list(articles) == []
    assert reasons(articles) == {
        str(
            folder
        ): "folder has no .txt, .html, .htm or .jsonl files (found 1 file of unsupported type: .jpg)",
        str(empty): "folder has no .txt, .html, .htm or .jsonl files",
    }


def test_missing_path(tmp_path):
    missing = tmp_path / "nope.txt"
    assert reasons(read(missing)) == {str(missing): "no such file or folder"}


def test_unsupported_extension(tmp_path):
    pdf = write(tmp_path / "report.pdf", b"%PDF-1.4")
    bare = write(tmp_path / "README", "text")
    assert reasons(read([pdf, bare])) == {
        str(pdf): "unsupported file type '.pdf': use .txt, .html, .htm or .jsonl",
        str(bare): "unsupported file type (no extension): use .txt, .html, .htm or .jsonl",
    }


def test_extension_is_case_insensitive(tmp_path):
    path = write(tmp_path / "SHOUT.TXT", "The office was destroyed.")
    assert [a.id for a in read(path)] == ["SHOUT"]


def test_same_file_twice_is_read_once(tmp_path, monkeypatch):
    path = write(tmp_path / "one.txt", ENGLISH)
    monkeypatch.chdir(tmp_path)
    # the same file by another name: relative, absolute, and through its folder
    articles = read(["one.txt", path, tmp_path])
    assert [a.id for a in articles] == ["one"]
    assert reasons(articles) == {str(path): "same file given twice"}
    assert [s.input for s in articles.skipped] == [str(path), str(path)]


def test_stdin_twice(monkeypatch):
    line = json.dumps({"id": "s1", "text": "Seoul said the office was destroyed."})
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(line.encode()), encoding="utf-8"))
    articles = read(["-", "-"])
    assert [a.id for a in articles] == ["s1"]
    assert reasons(articles) == {"<stdin>": "stdin given twice"}


def test_every_reason_is_one_line(tmp_path):
    write(tmp_path / "empty.txt", "")
    write(tmp_path / "bad.jsonl", "nope\n{}\n[]\n")
    write(tmp_path / "latin.txt", "é".encode("latin-1"))
    articles = read([tmp_path, tmp_path / "x.doc", tmp_path / "gone"])
    assert len(articles.skipped) == 7
    for s in articles.skipped:
        assert s.reason and "\n" not in s.reason


def test_reasons_come_in_the_order_inputs_were_given(tmp_path):
    empty = write(tmp_path / "empty.txt", "")
    good = write(tmp_path / "good.txt", ENGLISH)
    missing = tmp_path / "missing.txt"
    binary = write(tmp_path / "binary.txt", b"\x00\x01")
    articles = read([empty, missing, good, good, binary])
    assert [s.input for s in articles.skipped] == [str(empty), str(missing), str(good), str(binary)]


def test_html_parser_failure_is_a_skip_not_a_crash(tmp_path, monkeypatch):
    import trafilatura

    def broken(*args, **kwargs):
        raise ValueError("parser exploded")

    monkeypatch.setattr(trafilatura, "bare_extraction", broken)
    path = write(tmp_path / "page.html", "<html><body><p>" + ENGLISH + "</p></body></html>")
    assert reasons(read(path)) == {
        str(path): "could not extract text from the HTML page (ValueError)"
    }


def test_text_only_stdin_is_read(monkeypatch):
    line = json.dumps({"id": "t1", "text": "Seoul said the office was destroyed."})
    monkeypatch.setattr(sys, "stdin", io.StringIO(line + "\n"))  # no .buffer, as in some harnesses
    assert [a.id for a in read("-")] == ["t1"]


def test_jsonl_lone_surrogates_are_replaced_so_output_can_be_encoded(tmp_path):
    path = write(
        tmp_path / "s.jsonl",
        '{"id": "s\\ud800", "text": "Broken \\udc00 escape.", "title": "T\\ud801"}',
    )
    [article] = read(path)
    assert (
        article.id == "s\ufffd"
        and article.text == "Broken \ufffd escape."
        and article.title == "T\ufffd"
    )
    article.model_dump_json()  # would raise on a lone surrogate


def test_jsonl_number_too_long_to_convert_is_skipped(tmp_path):
    path = write(tmp_path / "n.jsonl", '{"id": ' + "1" * 5000 + ', "text": "The report."}')
    reason = reasons(read(path))[f"{path}:1"]
    assert reason.startswith("not valid JSON: Exceeds the limit")


def test_unreadable_subfolder_is_listed_in_skipped(tmp_path, monkeypatch):
    # os.walk skips a folder it cannot list unless asked; as root nothing is unreadable, so
    # the refusal is made where os.walk meets it.
    write(tmp_path / "a.txt", ENGLISH)
    (tmp_path / "locked").mkdir()
    write(tmp_path / "locked" / "b.txt", ENGLISH)
    real_scandir = os.scandir

    def scandir(path="."):
        if Path(path) == tmp_path / "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    articles = read(tmp_path)
    assert [a.id for a in articles] == ["a"]
    assert reasons(articles) == {str(tmp_path / "locked"): "cannot read folder: permission denied"}


def test_plain_text_stdin_is_one_article(monkeypatch):
    stdin = io.TextIOWrapper(io.BytesIO(ENGLISH.encode("utf-8")), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    articles = read("-")
    assert [(a.id, a.origin) for a in articles] == [("stdin", "<stdin>")]
    assert articles[0].text == ENGLISH
    assert articles.skipped == []
    assert articles.warnings == [
        "<stdin>: not JSONL (its first line is not a JSON object); read as one plain-text"
        " article 'stdin'"
    ]


def test_jsonl_on_stdin_after_blank_lines_is_still_jsonl(monkeypatch):
    line = json.dumps({"id": "s1", "text": ENGLISH})
    stdin = io.TextIOWrapper(io.BytesIO(f"\n\n{line}\n".encode()), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    articles = read("-")
    assert [(a.id, a.origin) for a in articles] == [("s1", "<stdin>:3")]
    assert articles.warnings == []


def test_renamed_id_and_bad_published_are_warnings(tmp_path):
    path = write(
        tmp_path / "w.jsonl",
        "\n".join(
            [
                json.dumps({"id": "x", "text": ENGLISH, "published": "2020-06-16"}),
                json.dumps({"id": "x", "text": ENGLISH, "published": "not a date"}),
            ]
        ),
    )
    articles = read(path)
    assert [a.id for a in articles] == ["x", "x~2"]
    assert articles.warnings == [
        f"{path}:2: id 'x' is already taken by another article; renamed 'x~2'",
        f"{path}:2: \"published\" is not a date ('not a date'); the publication date is read"
        " from the text, if it gives one",
    ]
