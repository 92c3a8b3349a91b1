"""The web app's guards: escaping, headers, the token, the cross-site check, the server-side
request forgery guard (in the fetch layer, shared with the CLI), and serve's refusal to listen
beyond loopback without a token."""

from __future__ import annotations

import json
import re
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from conftest import XSS_TITLE, in_process
from newsfuse.settings import FetchSettings, WebSettings
from newsfuse.sources import FetchError, check_public
from newsfuse.sources.url import get, make_client
from newsfuse.web import create_app

PAGE = (Path(__file__).parent / "fixtures" / "ingest" / "liaison_office.html").read_bytes()
STREAM = Path(__file__).parent / "fixtures" / "stream" / "articles.jsonl"
RECORDS = {r["id"]: r for r in map(json.loads, STREAM.read_text().splitlines())}
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"


@pytest.fixture(scope="module")
def client(web_db):
    with TestClient(create_app(web_db)) as c:
        yield c


def _hostile_event(client) -> dict:
    return next(
        e for e in client.get("/api/v1/events").json()["events"] if "20_1ecb" in e["articles"]
    )


def test_a_script_in_a_title_is_shown_as_text_everywhere(client):
    event = _hostile_event(client)
    pages = [
        client.get("/").text,
        client.get(f"/events/{event['id']}").text,
        client.get("/articles/20_1ecb").text,
        client.get("/", params={"q": XSS_TITLE}).text,
    ]
    for html in pages:
        assert XSS_TITLE not in html
        assert "<script" not in html  # the pages have no script at all
    assert ESCAPED in pages[0] and ESCAPED in pages[2]
    # Its javascript: URL is shown, never linked.
    assert 'href="javascript:' not in pages[2] and "javascript:alert(1)" in pages[2]


def test_every_response_has_csp_and_nosniff_and_pages_need_nothing_inline(client):
    event = _hostile_event(client)
    for path in (
        "/",
        f"/events/{event['id']}",
        "/articles/20_1ecb",
        "/add",
        "/docs",
        "/api/v1/events",
        "/static/style.css",
        "/nope",
        "/api/v1/events/nope",
    ):
        r = client.get(path)
        csp = r.headers["content-security-policy"]
        assert "default-src 'self'" in csp and "unsafe-inline" not in csp
        assert "script-src 'none'" in csp  # the README: there is no script at all
        assert r.headers["x-content-type-options"] == "nosniff"
        if r.headers["content-type"].startswith("text/html"):
            assert " style=" not in r.text and "<script" not in r.text
            assert re.search(r'<link rel="stylesheet" href="/static/style.css">', r.text)


def test_links_to_sources_open_without_opener_or_referrer(web_db_copy):
    with TestClient(create_app(web_db_copy, in_process())) as c:
        record = RECORDS["18_2ecb"]
        url = "https://news.example/vancouver-shooting"
        c.post("/api/v1/articles", json={"id": "vancouver", "text": record["text"], "url": url})
        html = c.get("/articles/vancouver").text
    links = re.findall(r"<a [^>]*href=\"https://news.example[^>]*>", html)
    assert links and all('rel="noopener noreferrer"' in link for link in links)


def test_writes_need_the_token_when_the_app_has_one(web_db_copy):
    body = {"id": "vancouver", "text": RECORDS["18_2ecb"]["text"]}
    with TestClient(create_app(web_db_copy, in_process(), token="s3cret")) as c:
        r = c.post("/api/v1/articles", json=body)
        assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"
        assert r.json()["error"]
        wrong = c.post("/api/v1/articles", json=body, headers={"Authorization": "Bearer nope"})
        assert wrong.status_code == 403
        assert c.get("/api/v1/events/x/articles").status_code == 404  # reads need none
        form = c.get("/add").text
        assert '<label for="token">' in form and 'name="token"' in form
        assert c.post("/add", data={"text": body["text"]}).status_code == 401
        assert c.post("/add", data={"text": body["text"], "token": "x"}).status_code == 403
        assert "vancouver" not in c.get("/api/v1/events").text
        ok = c.post("/api/v1/articles", json=body, headers={"Authorization": "Bearer s3cret"})
        assert ok.status_code == 201
        added = c.post("/add", data={"text": RECORDS["18_1ecb"]["text"], "token": "s3cret"})
        assert added.status_code == 200 and "status-new" in added.text


def test_a_post_from_another_sites_page_is_refused(web_db_copy):
    with TestClient(create_app(web_db_copy, in_process())) as c:
        evil = {"Origin": "https://evil.example"}
        r = c.post("/add", data={"text": RECORDS["18_2ecb"]["text"]}, headers=evil)
        assert r.status_code == 403
        assert c.post("/api/v1/articles", json={"text": "x"}, headers=evil).status_code == 403
        same = {"Origin": "http://testserver"}
        assert (
            c.post("/add", data={"text": RECORDS["18_2ecb"]["text"]}, headers=same).status_code
            == 200
        )


# --- server-side request forgery -----------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:9/",
        "http://localhost:9/",
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://10.1.2.3/",
        "http://192.168.0.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://0.0.0.0/",
        "http://[fe80::1]/",
    ],
)
def test_private_loopback_and_link_local_addresses_are_refused(url):
    with pytest.raises(FetchError, match="refused"):
        check_public(url)


def test_a_public_address_passes_the_check():
    check_public("http://93.184.215.14/page.html")  # an IP literal: no name lookup


def test_a_public_page_redirecting_to_loopback_is_refused_before_it_is_followed(httpserver):
    httpserver.expect_request("/inside").respond_with_data(PAGE, content_type="text/html")
    inside = httpserver.url_for("/inside")
    asked: list[str] = []

    def public_site(request: httpx.Request) -> httpx.Response:
        asked.append(str(request.url))
        return httpx.Response(302, headers={"Location": inside})

    settings = FetchSettings(allow_private=False, timeout=2)
    with (
        make_client(settings, httpx.MockTransport(public_site)) as client,
        pytest.raises(FetchError, match="refused"),
    ):
        get("http://93.184.215.14/story", client, settings)
    assert asked == ["http://93.184.215.14/story"]
    assert httpserver.log == []


def test_the_web_app_refuses_a_local_url_and_allow_private_lets_it_through(web_db_copy, httpserver):
    httpserver.expect_request("/world/kaesong.html").respond_with_data(
        PAGE, content_type="text/html; charset=utf-8"
    )
    url = httpserver.url_for("/world/kaesong.html")
    with TestClient(create_app(web_db_copy, in_process())) as c:
        for r in (
            c.post("/api/v1/articles", json={"url": url}),
            c.post("/add", data={"url": url}),
        ):
            assert r.status_code == 200
            assert "refused" in r.text and "--allow-private" in r.text
    assert httpserver.log == []  # never contacted
    with TestClient(create_app(web_db_copy, in_process(), allow_private=True)) as c:
        r = c.post("/api/v1/articles", json={"url": url})
        assert r.status_code == 201
        (added,) = r.json()["articles"]
        assert added["status"] == "new" and added["id"] == "127.0.0.1/kaesong"


def test_the_web_app_refuses_a_redirect_to_loopback(web_db_copy, httpserver):
    inside = httpserver.url_for("/admin")

    def public_site(request: httpx.Request) -> httpx.Response:
        return httpx.Response(301, headers={"Location": inside})

    app = create_app(web_db_copy, in_process(), transport=httpx.MockTransport(public_site))
    with TestClient(app) as c:
        r = c.post("/api/v1/articles", json={"url": "https://93.184.215.14/news"})
    (skipped,) = r.json()["articles"]
    assert skipped["status"] == "skipped" and "refused" in skipped["reason"]
    assert httpserver.log == []


def test_the_cli_still_fetches_local_urls_by_default():
    assert FetchSettings().allow_private  # `newsfuse add http://127.0.0.1/...` as before


# --- serve ---------------------------------------------------------------------------------


def test_serve_refuses_a_public_host_without_a_token(tmp_path, monkeypatch):
    import uvicorn

    from newsfuse import cli
    from newsfuse.cli import app
    from newsfuse.web.app import FACTORY, ServeConfig, app_from_env

    for name in (ServeConfig.STORE, ServeConfig.PRIVATE):  # what serve sets, undone after
        monkeypatch.setenv(name, "")

    started: list[dict] = []
    monkeypatch.setattr(uvicorn, "run", lambda web, **kw: started.append({"app": web, **kw}))
    monkeypatch.setattr(
        cli,
        "_serve_processes",
        lambda c: started.append(
            {"app": c.app, "factory": c.factory, "workers": c.workers, "host": c.host}
        ),
    )
    monkeypatch.delenv("NEWSFUSE_TOKEN", raising=False)
    monkeypatch.setattr(cli, "_cannot_listen", lambda host, port: None)  # 8000 may be in use
    db = str(tmp_path / "s.db")
    runner = CliRunner()
    for host in ("0.0.0.0", "192.168.1.20", "::", "example.org"):
        refused = runner.invoke(app, ["serve", "--db", db, "--host", host])
        assert refused.exit_code == 2 and "NEWSFUSE_TOKEN" in refused.output
    assert not started
    for host in ("localhost", "127.0.0.2", "::1"):
        assert runner.invoke(app, ["serve", "--db", db, "--host", host]).exit_code == 0
        assert started.pop()["host"] == host
    ok = runner.invoke(app, ["serve", "--db", db, "--workers", "1"])
    assert ok.exit_code == 0, ok.output
    assert started[-1]["host"] == "127.0.0.1" and started[-1]["port"] == 8000
    # Longer than uvicorn's 5 s, so a slow moment does not drop readers' connections.
    assert started[-1]["timeout_keep_alive"] == WebSettings().keep_alive_seconds > 5
    assert started[-1]["app"].state.token is None
    assert not started[-1]["app"].state.settings.fetch.allow_private
    monkeypatch.setenv("NEWSFUSE_TOKEN", "s3cret")
    ok = runner.invoke(
        app, ["serve", "--db", db, "--host", "0.0.0.0", "--allow-private", "--workers", "1"]
    )
    assert ok.exit_code == 0, ok.output
    assert started[-1]["app"].state.token == "s3cret"
    assert started[-1]["app"].state.settings.fetch.allow_private
    # Several processes: each makes its app from the environment, with the same guards.
    ok = runner.invoke(app, ["serve", "--db", db, "--host", "0.0.0.0", "--workers", "2"])
    assert ok.exit_code == 0, ok.output
    run = started[-1]
    assert run["app"] == FACTORY and run["factory"] and run["workers"] == 2
    made = app_from_env()
    assert made.state.token == "s3cret" and not made.state.settings.fetch.allow_private
    assert made.state.store.location == str(tmp_path / "s.db")


def test_serve_on_a_port_in_use_is_one_line_before_it_says_serving(tmp_path, monkeypatch):
    import socket

    import uvicorn

    from newsfuse import cli
    from newsfuse.cli import app

    monkeypatch.setattr(uvicorn, "run", lambda *a, **kw: pytest.fail("started"))
    monkeypatch.setattr(cli, "_serve_processes", lambda c: pytest.fail("started"))
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        result = CliRunner().invoke(
            app, ["serve", "--db", str(tmp_path / "s.db"), "--port", str(port)]
        )
    assert result.exit_code == 1
    assert result.stderr == f"error: cannot listen on 127.0.0.1:{port}: address already in use\n"


def test_several_server_processes_listen_from_the_start_not_once_a_worker_runs(monkeypatch):
    """What ``serve --workers 2`` prints as serving must take connections at once: they
    wait for the first worker, rather than be refused while it loads the app."""
    import socket

    import uvicorn
    import uvicorn.supervisors

    from newsfuse import cli

    seen: list[bool] = []

    class Workers:  # in place of uvicorn's supervisor: is the socket taking connections?
        def __init__(self, config, sockets):
            self.sock = sockets[0]

        def run(self):
            with socket.create_connection(self.sock.getsockname()[:2], timeout=5):
                seen.append(True)  # connected, though nothing has accepted yet

    monkeypatch.setattr(uvicorn.supervisors, "Multiprocess", Workers)
    config = uvicorn.Config("newsfuse.web.app:app_from_env", host="127.0.0.1", port=0, workers=2)
    cli._serve_processes(config)
    assert seen == [True]


def test_serve_help_names_the_worker_processes():
    from newsfuse.cli import app

    shown = CliRunner().invoke(app, ["serve", "--help"], env={"COLUMNS": "200"})
    assert shown.exit_code == 0 and "--workers" in shown.output
    assert "Server processes" in shown.output
    # values named for a person, not by their Python type ("<int range>", "<str>")
    for option in ("--host HOST", "--port PORT", "--workers N", "--db PATH|URL"):
        assert option in shown.output
    assert "<int" not in shown.output and "<str>" not in shown.output
