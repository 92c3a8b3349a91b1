"""Fetching web pages, against a local HTTP server on 127.0.0.1 started by each test.

Each failure is one Skipped naming the URL with a one-line reason, and the rest goes on.
"""

from __future__ import annotations

import socket
from pathlib import Path

import httpx
import pytest
from werkzeug import Response

from newsfuse.settings import FetchSettings
from newsfuse.sources import read_sources
from newsfuse.sources.url import url_id

PAGE = (Path(__file__).parent / "fixtures" / "ingest" / "liaison_office.html").read_bytes()
FAST = FetchSettings(timeout=0.5, max_bytes=50_000, max_redirects=3)


def _one(url: str, settings: FetchSettings = FAST, **kw):
    got = read_sources([url], settings=settings, **kw)
    return got, got.skipped


def test_a_page_is_fetched_and_its_main_text_extracted(httpserver):
    httpserver.expect_request("/world/kaesong-liaison-office.html").respond_with_data(
        PAGE, content_type="text/html; charset=utf-8"
    )
    url = httpserver.url_for("/world/kaesong-liaison-office.html")
    (article,), skipped = _one(url)
    assert not skipped
    assert article.id == "127.0.0.1/kaesong-liaison-office"
    assert article.title == "North Korea blows up liaison office in Kaesong"
    assert "\nNorth Korea blew up an inter-Korean liaison office in the border town" in article.text
    assert "Subscribe" not in article.text  # page chrome left to trafilatura's extraction
    assert article.source == "Harbour Daily"
    assert str(article.published) == "2020-06-16"
    assert article.url == url and article.origin == url


def test_a_plain_text_response_is_the_article_as_a_txt_file_is(httpserver):
    """A report served as text/plain (a wire archive, a raw file) is read as its text, not
    refused as "not an HTML page"."""
    text = Path(__file__).parents[1] / "examples" / "kaesong" / "004_287fbccee5e1a2b4.txt"
    body = text.read_bytes()
    httpserver.expect_request("/wire/liaison.txt").respond_with_data(
        body.replace(b"\n", b"\r\n"), content_type="text/plain; charset=utf-8"
    )
    url = httpserver.url_for("/wire/liaison.txt")
    (article,), skipped = _one(url, FetchSettings(timeout=5))
    assert not skipped
    assert article.text == body.decode("utf-8")  # line ends as a file's are read
    assert (article.id, article.url, article.origin) == ("127.0.0.1/liaison.txt", url, url)
    assert article.source == "127.0.0.1"


def test_the_user_agent_is_sent(httpserver):
    httpserver.expect_request("/p", headers={"User-Agent": "test-agent/1"}).respond_with_data(
        PAGE, content_type="text/html"
    )
    got, skipped = _one(httpserver.url_for("/p"), FetchSettings(user_agent="test-agent/1"))
    assert len(got) == 1 and not skipped


def test_redirects_are_followed_to_the_final_url(httpserver):
    httpserver.expect_request("/old").respond_with_data(
        "", status=301, headers={"Location": "/new"}
    )
    httpserver.expect_request("/new").respond_with_data(PAGE, content_type="text/html")
    (article,), _ = _one(httpserver.url_for("/old"))
    assert article.url == httpserver.url_for("/new")
    assert article.origin == httpserver.url_for("/old")


@pytest.mark.parametrize(
    ("status", "reason"), [(404, "HTTP 404 NOT FOUND"), (500, "HTTP 500 INTERNAL SERVER ERROR")]
)
def test_http_errors(httpserver, status, reason):
    httpserver.expect_request("/gone").respond_with_data("no", status=status)
    url = httpserver.url_for("/gone")
    got, skipped = _one(url)
    assert not got
    assert [(s.input, s.reason.upper()) for s in skipped] == [(url, reason)]


def test_unreachable_host():
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"http://127.0.0.1:{port}/news"
    _, (skip,) = _one(url)
    assert skip.input == url
    assert skip.reason == "cannot connect: Connection refused"  # not "[Errno 111] ..."


def test_an_address_of_another_scheme_is_named_as_given(tmp_path):
    # Not a path (Path("ftp://x/y") would read "ftp:/x/y: no such file or folder")
    got = read_sources(["ftp://ftp.example.org/pub/kaesong.txt", "file:///etc/hostname"])
    assert not got
    assert [(s.input, s.reason) for s in got.skipped] == [
        (u, "not a file, and only http:// and https:// addresses are fetched")
        for u in ("ftp://ftp.example.org/pub/kaesong.txt", "file:///etc/hostname")
    ]


def test_timeout():
    # A server that accepts the connection and never answers (the kernel completes the
    # handshake for a listening socket that never calls accept).
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen(1)
        url = f"http://127.0.0.1:{s.getsockname()[1]}/slow"
        _, (skip,) = _one(url)
    assert (skip.input, skip.reason) == (url, "timed out after 0.5 s")


def test_non_html_and_binary_responses_are_refused(httpserver):
    httpserver.expect_request("/photo.png").respond_with_data(
        b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, content_type="image/png"
    )
    httpserver.expect_request("/blob").respond_with_data(
        b"<html>\x00\x01\x02</html>", content_type="text/html"
    )
    httpserver.expect_request("/doc.pdf").respond_with_data(
        b"%PDF-1.4 ...", content_type="application/pdf"
    )
    urls = [httpserver.url_for(p) for p in ("/photo.png", "/blob", "/doc.pdf")]
    got = read_sources(urls, settings=FAST)
    assert not got
    assert [(s.input, s.reason) for s in got.skipped] == [
        (urls[0], "not an HTML page or a feed (content type image/png)"),
        (urls[1], "binary content, not an HTML page or a feed"),
        (urls[2], "not an HTML page or a feed (content type application/pdf)"),
    ]


def test_oversized_bodies_are_refused_while_streaming(httpserver):
    big = b"<html><body><p>" + b"word " * 20_000 + b"</p></body></html>"
    httpserver.expect_request("/declared").respond_with_data(big, content_type="text/html")

    def chunked(_request):  # no Content-Length: the limit must be counted as bytes arrive
        return Response(
            (big[i : i + 4096] for i in range(0, len(big), 4096)), content_type="text/html"
        )

    httpserver.expect_request("/chunked").respond_with_handler(chunked)
    urls = [httpserver.url_for("/declared"), httpserver.url_for("/chunked")]
    got = read_sources(urls, settings=FAST)
    assert not got
    assert [s.reason for s in got.skipped] == [
        "response too large (0.1 MB): the limit is 0.05 MB",
        "response too large: the limit is 0.05 MB",
    ]


def test_redirect_loop_and_too_many_redirects(httpserver):
    httpserver.expect_request("/a").respond_with_data("", status=302, headers={"Location": "/b"})
    httpserver.expect_request("/b").respond_with_data("", status=302, headers={"Location": "/a"})
    for i in range(6):
        httpserver.expect_request(f"/hop{i}").respond_with_data(
            "", status=302, headers={"Location": f"/hop{i + 1}"}
        )
    a, b = httpserver.url_for("/a"), httpserver.url_for("/b")
    hop = httpserver.url_for("/hop0")
    got = read_sources([a, hop], settings=FAST)
    assert [(s.input, s.reason) for s in got.skipped] == [
        (a, f"redirect loop: {a} -> {b} -> {a}"),
        (hop, "too many redirects (more than 3)"),
    ]


def test_failures_do_not_stop_the_rest(httpserver, kaesong_dir):
    httpserver.expect_request("/ok").respond_with_data(PAGE, content_type="text/html")
    httpserver.expect_request("/missing").respond_with_data("", status=404)
    sources = [httpserver.url_for("/missing"), str(kaesong_dir), httpserver.url_for("/ok")]
    got = read_sources(sources, settings=FAST)
    assert len(got) == 6  # five files, then the page: in the order given
    assert got[-1].id == "127.0.0.1/ok"
    assert [s.input for s in got.skipped] == [sources[0]]


def test_an_injected_transport_is_the_only_network():
    seen = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append((str(request.url), request.headers["user-agent"]))
        return httpx.Response(200, content=PAGE, headers={"content-type": "text/html"})

    got = read_sources(
        ["https://news.example/2020/06/16/kaesong?ref=rss"],
        transport=httpx.MockTransport(handler),
    )
    assert len(got) == 1 and not got.skipped
    assert seen[0][0] == "https://news.example/2020/06/16/kaesong?ref=rss"
    assert seen[0][1].startswith("newsfuse/")
    assert got[0].id.startswith("news.example/kaesong-")  # the query tells pages apart


def test_url_ids():
    assert url_id("https://www.reuters.com/world/asia/nk-blows-up-office-idUSKBN23N0FK") == (
        "reuters.com/nk-blows-up-office-idUSKBN23N0FK"
    )
    assert url_id("https://example.com/news/kaesong/index.html") == "example.com/kaesong"
    assert url_id("https://example.com/") == "example.com"
