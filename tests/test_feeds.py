"""RSS and Atom feeds, served by a local HTTP server on 127.0.0.1 (or read from a file)."""

from __future__ import annotations

from html import escape
from pathlib import Path

import httpx

from newsfuse.sources import read_sources

FIXTURES = Path(__file__).parent / "fixtures" / "stream"
PAGE = (Path(__file__).parent / "fixtures" / "ingest" / "liaison_office.html").read_bytes()
KAESONG = Path(__file__).resolve().parents[1] / "examples" / "kaesong"
FULL = (KAESONG / "002_24046019265150bb.txt").read_text()


def _rss(items: list[str], title: str = "Harbour Daily: World") -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>{title}</title><link>https://harbourdaily.example/</link>"
        + "".join(items)
        + "</channel></rss>"
    ).encode()


def _item(title: str, link: str | None, summary: str = "", content: str = "") -> str:
    parts = [
        f"<title>{escape(title)}</title>",
        "<pubDate>Tue, 16 Jun 2020 09:30:00 +0900</pubDate>",
    ]
    if link:
        parts.append(f"<link>{link}</link>")
    if summary:
        parts.append(f"<description>{escape(summary)}</description>")
    if content:
        paragraphs = "".join(f"<p>{escape(p)}</p>" for p in content.split("\n") if p.strip())
        parts.append(f"<content:encoded><![CDATA[{paragraphs}]]></content:encoded>")
    return "<item>" + "".join(parts) + "</item>"


def test_full_text_items_are_used_without_fetching():
    feed = _rss(
        [_item("Liaison office destroyed", "https://harbourdaily.example/a1", content=FULL)]
    )
    calls = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(str(request.url))
        if str(request.url).endswith("/feed.xml"):
            return httpx.Response(
                200, content=feed, headers={"content-type": "application/rss+xml"}
            )
        return httpx.Response(404)

    got = read_sources(
        ["https://harbourdaily.example/feed.xml"], transport=httpx.MockTransport(handler)
    )
    assert calls == ["https://harbourdaily.example/feed.xml"]  # the item itself is not fetched
    (article,) = got
    assert article.id == "harbourdaily.example/a1"
    assert article.url == "https://harbourdaily.example/a1"
    assert article.title == "Liaison office destroyed"
    assert article.source == "Harbour Daily: World"
    assert str(article.published) == "2020-06-16"
    assert "liaison office" in article.text and "<p>" not in article.text


def test_teaser_items_are_fetched_and_failures_are_one_line_each(httpserver):
    ok = httpserver.url_for("/world/kaesong.html")
    gone = httpserver.url_for("/world/gone.html")
    feed = _rss(
        [
            _item("Office blown up", ok, summary="North Korea blew up the office."),
            _item("Gone", gone, summary="A teaser."),
            _item("No link", None, summary="A teaser without a link."),
        ]
    )
    httpserver.expect_request("/feed").respond_with_data(feed, content_type="text/xml")
    httpserver.expect_request("/world/kaesong.html").respond_with_data(
        PAGE, content_type="text/html"
    )
    httpserver.expect_request("/world/gone.html").respond_with_data("", status=404)
    feed_url = httpserver.url_for("/feed")
    got = read_sources([feed_url])
    (article,) = got
    assert article.url == ok and article.origin == ok
    assert article.title == "North Korea blows up liaison office in Kaesong"  # the page's
    assert [(s.input, s.reason) for s in got.skipped] == [
        (gone, "HTTP 404 NOT FOUND"),
        (f"{feed_url} item 3", "feed item has neither a link nor its full text"),
    ]


def test_atom_feed_from_a_file(tmp_path):
    atom = (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>'
        "<entry><title>Liaison office destroyed</title>"
        '<link href="https://wire.example/kaesong-office"/>'
        "<updated>2020-06-16T07:00:00Z</updated>"
        f'<content type="html">{escape(FULL)}</content></entry></feed>'
    )
    path = tmp_path / "wire.atom"
    path.write_text(atom)
    got = read_sources([path])
    (article,) = got
    assert article.id == "wire.example/kaesong-office" and article.source == "Wire"
    assert not got.skipped


def test_feed_files_in_a_folder_are_read_with_its_articles(httpserver, tmp_path):
    """A folder of saved feeds (.rss, .atom) is read as its text files are, teaser items
    fetched; an .xml there is only counted as ignored (annotation or NewsML files are .xml
    too): a feed by that name is read when given itself."""
    ok = httpserver.url_for("/world/kaesong.html")
    httpserver.expect_request("/world/kaesong.html").respond_with_data(
        PAGE, content_type="text/html"
    )
    folder = tmp_path / "saved"
    (folder / "wires").mkdir(parents=True)
    (folder / "001.txt").write_text((KAESONG / "001_8fa23842f85e5271.txt").read_text())
    full = _item("Liaison office destroyed", "https://harbourdaily.example/a1", content=FULL)
    (folder / "wires" / "world.rss").write_bytes(_rss([full]))
    teaser = _item("Office blown up", ok, summary="North Korea blew up the office.")
    (folder / "wires" / "teasers.atom.rss").write_bytes(_rss([teaser]))
    (folder / "annotations.xml").write_bytes(_rss([full]))
    got = read_sources([folder])
    ids = [a.id for a in got]
    assert ids == ["001", "127.0.0.1/kaesong", "harbourdaily.example/a1"]  # files sorted
    assert [(s.input, s.reason) for s in got.skipped] == [
        (str(folder), "ignored 1 file of unsupported type: .xml")
    ]


def test_malformed_and_empty_feeds(httpserver, tmp_path):
    httpserver.expect_request("/broken.rss").respond_with_data(
        b"<?xml version='1.0'?><rss version='2.0'><channel><title>x</title><item><title>a",
        content_type="application/rss+xml",
    )
    httpserver.expect_request("/empty.rss").respond_with_data(
        _rss([]), content_type="application/rss+xml"
    )
    broken, empty = httpserver.url_for("/broken.rss"), httpserver.url_for("/empty.rss")
    local = tmp_path / "junk.xml"
    local.write_text("<html><body>not a feed</body></html>")
    got = read_sources([broken, empty, local])
    assert not got
    reasons = {}
    for s in got.skipped:
        reasons.setdefault(s.input, s.reason)
    # feedparser recovered its one item (no link, no text): that item is the skip, and the
    # feed's fault a warning
    assert reasons == {
        f"{broken} item 1": "feed item has neither a link nor its full text",
        empty: "feed has no items",
        str(local): "not an RSS or Atom feed",
    }
    (warning,) = got.warnings
    assert warning.startswith(f"{broken}: malformed feed: ") and "\n" not in warning


def test_a_recovered_feed_is_read_and_a_warning_not_a_skip(httpserver, tmp_path):
    """A feed cut off after its first item (a truncated download): feedparser recovers the
    item, whose page is read; the feed is not counted as skipped. The store and the CLI say
    the same as a warning."""
    from typer.testing import CliRunner

    from newsfuse.cli import app

    page = httpserver.url_for("/world/kaesong.html")
    httpserver.expect_request("/world/kaesong.html").respond_with_data(
        PAGE, content_type="text/html"
    )
    whole = _rss([_item("Liaison office destroyed", page, summary="Teaser.")])
    cut = whole[: whole.index(b"</item>") + len(b"</item>")]  # no </channel></rss>
    httpserver.expect_request("/feed").respond_with_data(cut, content_type="application/rss+xml")
    feed = httpserver.url_for("/feed")
    got = read_sources([feed])
    assert [a.url for a in got] == [page] and not got.skipped
    (warning,) = got.warnings
    assert warning.startswith(f"{feed}: malformed feed: ") and warning.endswith(
        "(read the 1 item recovered)"
    )
    result = CliRunner().invoke(app, ["add", "--db", str(tmp_path / "s.db"), feed])
    assert result.exit_code == 0, result.output
    assert f"warning: {warning}" in result.stderr
    assert "skipped:" not in result.stderr and ", 0 skipped," in result.stdout


def test_known_urls_are_not_fetched_again(httpserver):
    ok = httpserver.url_for("/world/kaesong.html")
    httpserver.expect_request("/feed").respond_with_data(
        _rss([_item("Office", ok, summary="Teaser.")]), content_type="application/rss+xml"
    )
    got = read_sources([httpserver.url_for("/feed")], known_url=lambda url: url == ok)
    assert not got and not got.skipped
    assert [r.path for r, _ in httpserver.log] == ["/feed"]


def test_a_store_rerun_on_a_feed_fetches_only_the_feed(httpserver, tmp_path):
    from newsfuse.store import Store
    from stream_support import grouper_factory

    ok = httpserver.url_for("/world/kaesong.html")
    httpserver.expect_request("/feed").respond_with_data(
        _rss([_item("Office", ok, summary="Teaser.")]), content_type="application/rss+xml"
    )
    httpserver.expect_request("/world/kaesong.html").respond_with_data(
        PAGE, content_type="text/html"
    )
    with Store(tmp_path / "s.db", grouper=grouper_factory()) as store:
        first = store.add([httpserver.url_for("/feed")], refresh=False)
        assert [a.status for a in first.articles] == ["new"]
        second = store.add([httpserver.url_for("/feed")], refresh=False)
    assert [(a.status, a.reason) for a in second.articles] == [
        ("duplicate", f"duplicate of {first.articles[0].id} (same URL)")
    ]
    assert [r.path for r, _ in httpserver.log] == ["/feed", "/world/kaesong.html", "/feed"]


def test_feed_files_binary_utf16_and_a_parse_error_said_plainly(tmp_path):
    full = _rss([_item("Liaison office destroyed", "https://wire.example/k", content=FULL)])
    utf16 = tmp_path / "wire16.rss"  # valid XML in UTF-16 (NUL bytes, and a BOM)
    utf16.write_bytes(
        full.decode().replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16")
    )
    binary = tmp_path / "photo.rss"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    junk = tmp_path / "notes.xml"
    junk.write_text("garbage <<<\n")
    got = read_sources([utf16, binary, junk])
    assert [a.url for a in got] == ["https://wire.example/k"]
    assert [(s.input, s.reason) for s in got.skipped] == [
        (str(binary), "binary file (contains NUL bytes), not a feed"),
        (str(junk), "malformed feed: line 2, column 0: syntax error"),
    ]
