"""The web app's pages and REST API, through FastAPI's TestClient, on a store of real excerpts
(the Kaesong example, DUC 2004 and ECB+ reports: see conftest.web_db)."""

from __future__ import annotations

import json
import re
import threading
from html import unescape
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from fastapi.testclient import TestClient

from conftest import in_process
from newsfuse.models import Article, Brief
from newsfuse.render.markdown import brief_short_ids, shorten_ids
from newsfuse.store import Store
from newsfuse.web import create_app

FIXTURES = Path(__file__).parent / "fixtures"
STREAM = FIXTURES / "stream" / "articles.jsonl"
RECORDS = {r["id"]: r for r in map(json.loads, STREAM.read_text().splitlines())}


@pytest.fixture(scope="module")
def client(web_db):
    with TestClient(create_app(web_db)) as c:
        yield c


@pytest.fixture
def writable(web_db_copy):
    with TestClient(create_app(web_db_copy, in_process())) as c:
        yield c


@pytest.fixture
def with_worker(web_db_copy):
    """An app as `newsfuse serve` runs it: briefs fused in a worker process."""
    with TestClient(create_app(web_db_copy)) as c:
        yield c


def _refreshed(client: TestClient) -> None:
    """Wait, in the app's own event loop, for its background refresh of stale briefs."""
    client.portal.call(client.app.state.writer.idle)


def _briefed(client: TestClient, event_id: str) -> dict:
    """The event's brief once the refresh the last add started is stored."""
    _refreshed(client)
    return client.get(f"/api/v1/events/{event_id}").json()["brief"]


def _kaesong(client) -> dict:
    listed = client.get("/api/v1/events", params={"q": "Kaesong"}).json()["events"]
    assert len(listed) == 1
    return listed[0]


def _links(html: str, cls: str) -> list[str]:
    return [unescape(h) for h in re.findall(rf'<a class="{cls}" href="([^"]+)"', html)]


# --- pages ---------------------------------------------------------------------------------


def test_events_page_lists_every_event_newest_first_with_counts_and_badge(client):
    page = client.get("/")
    assert page.status_code == 200
    html = page.text
    assert '<html lang="en">' in html and html.count("<h1>") == 1
    total = client.get("/api/v1/events").json()["total"]
    assert html.count('<li class="event">') == total >= 3
    assert '<form id="filter"' in html
    for name in ("q", "since", "until"):
        assert f'<label for="{name}">' in html and f'name="{name}"' in html
    kaesong = _kaesong(client)
    assert (
        f'href="/events/{kaesong["id"]}">N.Korea blows up inter-Korean liaison office</a>' in html
    )
    row = html[html.index(f"/events/{kaesong['id']}") :].split("</li>", 1)[0]
    assert "2020-06-16" in row and "Kaesong" in row and "5 articles" in row
    assert f"{kaesong['independent_sources']} independent sources" in row
    assert kaesong["conflicts"] >= 1 and 'class="badge-conflicts"' in row
    dates = re.findall(r'<time datetime="([\d-]+)"', html)
    assert dates == sorted(dates, reverse=True)  # newest first


def test_events_page_search_date_filter_and_paging(web_db):
    small = in_process(page_size=2)
    with TestClient(create_app(web_db, small)) as c:
        total = c.get("/api/v1/events").json()["total"]
        first = c.get("/")
        assert first.text.count('<li class="event">') == 2
        assert 'rel="next" href="/?page=2"' in first.text and 'rel="prev"' not in first.text
        seen = []
        page = 1
        while True:
            html = c.get("/", params={"page": page}).text
            seen += _links(html, "event-link")
            if 'rel="next"' not in html:
                break
            page += 1
        assert len(seen) == len(set(seen)) == total
        assert 'rel="prev" href="/' in html
        found = c.get("/", params={"q": "liaison"}).text
        assert len(_links(found, "event-link")) == 1
        assert 'value="liaison"' in found  # the form keeps what was asked
        dated = c.get("/", params={"since": "2020-01-01", "until": "2020-12-31"}).text
        assert _links(dated, "event-link") == [f"/events/{_kaesong(c)['id']}"]
        assert "No event matches" in c.get("/", params={"q": "zzzz-nothing"}).text
        # The form sends empty fields: they mean no filter.
        assert c.get("/", params={"q": "", "since": "", "until": "", "page": ""}).status_code == 200
        for bad in ({"since": "June"}, {"page": "x"}, {"page": "0"}):
            assert c.get("/", params=bad).status_code == 422


def test_brief_page_has_every_section_and_citations_link_to_article_sentences(client):
    event = _kaesong(client)
    page = client.get(f"/events/{event['id']}")
    assert page.status_code == 200
    html = page.text
    for section in ("summary", "facts", "conflicts", "timeline", "entities", "quotes", "sources"):
        assert f'<section id="{section}"' in html
    for fmt in ("md", "html", "json"):
        assert f'href="/events/{event["id"]}/brief.{fmt}"' in html
    brief = client.get(f"/api/v1/events/{event['id']}").json()["brief"]
    cites = re.findall(r'<a class="cite" href="([^"]+)"([^>]*)>(.*?)</a>', html)
    assert len(cites) == sum(len(s["sources"]) for s in brief["summary"]) > 0
    for href, attrs, content in cites:
        path, _, anchor = unescape(href).partition("#")
        # The text holds the full id (its tail not shown: see the short-id test).
        assert unquote(path) == f"/articles/{re.sub('<[^>]+>', '', content)}"
        article = client.get(path)
        assert article.status_code == 200
        # The sentence the citation stands on: highlighted in the article page.
        assert re.fullmatch(r"s\d+", anchor)
        assert f'<mark class="sentence used" id="{anchor}">' in article.text
        tip = re.search(r'title="([^"]*)" data-source-sentence="([^"]*)"', attrs)
        assert tip and tip.group(1) == tip.group(2)
        said = re.search(rf'id="{anchor}">([^<]*)<', article.text)
        assert said and unescape(said.group(1)) == unescape(tip.group(1))
    # Conflicts side by side, each value with who says it.
    conflict = brief["conflicts"][0]
    block = html[html.index('<section id="conflicts"') :].split("</section>", 1)[0]
    assert block.count('class="side"') >= 2
    for v in conflict["values"]:
        assert v["value"] in unescape(block)
        if v["attributed_to"]:
            assert f"per {v['attributed_to']}" in unescape(block)
    # Facts with their independent-source counts; sources with their families and why.
    facts = html[html.index('<section id="facts"') :].split("</section>", 1)[0]
    counts = re.findall(r'<span class="independent-count">(\d+)</span>', facts)
    assert (
        counts[: len(brief["facts"])]
        == [str(f["independent_sources"]) for f in brief["facts"]][: len(counts)]
    )
    sources = unescape(html[html.index('<section id="sources"') :].split("</section>", 1)[0])
    short = brief_short_ids(Brief.model_validate(brief))
    for family in brief["families"]:
        for why in family["why"]:
            assert shorten_ids(why, short) in sources  # the ids as the Markdown brief cites them
    assert "What it adds" in sources and "only it" in sources


def test_article_page_shows_clean_text_sentences_highlights_and_removed_chrome(client):
    event = _kaesong(client)
    articles = client.get(f"/api/v1/events/{event['id']}/articles").json()["articles"]
    with_chrome = next(a for a in articles if a["removed_lines"])
    html = client.get(f"/articles/{with_chrome['id']}").text
    ids = [int(n) for n in re.findall(r'class="sentence(?: used)?" id="s(\d+)"', html)]
    assert ids == list(range(len(ids))) and len(ids) > 5
    removed = html[html.index('<section id="removed"') :].split("</section>", 1)[0]
    first = with_chrome["removed_lines"][0]
    assert unescape(first["reason"]) in unescape(removed)
    assert f'href="/events/{event["id"]}"' in html
    # Some article of the event has a highlighted sentence the summary stands on.
    marked = [
        a["id"]
        for a in articles
        if '<mark class="sentence used"' in client.get(f"/articles/{a['id']}").text
    ]
    assert marked


def test_downloads_are_the_cli_renderings_as_attachments(client):
    from newsfuse.models import Brief
    from newsfuse.render import render

    event = _kaesong(client)
    stored = Brief.model_validate(client.get(f"/api/v1/events/{event['id']}").json()["brief"])
    for fmt, name in (("md", "markdown"), ("html", "html"), ("json", "json")):
        r = client.get(f"/events/{event['id']}/brief.{fmt}")
        assert r.status_code == 200
        assert r.headers["content-disposition"].startswith("attachment; filename=")
        assert r.text == render(stored, name)
    assert client.get(f"/events/{event['id']}/brief.pdf").status_code == 404


def test_add_form_adds_pasted_text_and_says_where_it_went(with_worker):
    writable = with_worker
    form = writable.get("/add").text
    assert '<form id="add-form"' in form
    for name in ("url", "title", "text"):
        assert f'<label for="{name}">' in form
    assert 'name="token"' not in form  # no token on this app
    record = RECORDS["20_2ecb"]
    done = writable.post("/add", data={"text": record["text"], "title": "Quake on Qeshm"})
    assert done.status_code == 200
    result = re.search(r'<li class="add-result status-new">(.*?)</li>', done.text, re.S)
    assert result, done.text
    (link,) = _links(result.group(1), "event-link")
    event = writable.get(link)
    assert event.status_code == 200
    event_id = link.rsplit("/", 1)[1]
    ids = [a["id"] for a in writable.get(f"/api/v1/events/{event_id}/articles").json()["articles"]]
    assert any(i.startswith("pasted-") for i in ids)
    again = writable.post("/add", data={"text": record["text"]})
    dup = re.search(r'<li class="add-result status-duplicate">(.*?)</li>', again.text, re.S)
    assert dup, again.text
    assert _links(dup.group(1), "event-link") == [link]  # where the stored copy is
    assert writable.post("/add", data={"url": "", "text": " "}).status_code == 422
    assert writable.post("/add", data={"url": "ftp://x"}).status_code == 422


# --- the API -------------------------------------------------------------------------------


def test_api_events_event_articles_and_article_shapes(client):
    listed = client.get("/api/v1/events").json()
    assert set(listed) == {"events", "total"} and listed["total"] == len(listed["events"])
    one = listed["events"][0]
    assert {"id", "title", "date", "where", "articles", "independent_sources", "conflicts"} <= set(
        one
    )
    page = client.get("/api/v1/events", params={"limit": 1, "offset": 1}).json()
    assert page["events"] == listed["events"][1:2] and page["total"] == listed["total"]
    event = client.get(f"/api/v1/events/{one['id']}").json()
    assert set(event) == {"event", "brief"} and event["event"] == one
    assert event["brief"]["summary"] and "facts" in event["brief"]
    articles = client.get(f"/api/v1/events/{one['id']}/articles").json()["articles"]
    assert [a["id"] for a in articles] == one["articles"]
    article = client.get(f"/api/v1/articles/{articles[0]['id']}").json()
    assert article["clean_text"] and "removed_lines" in article
    assert article["event_id"] == one["id"]
    spec = client.get("/openapi.json").json()
    assert spec["paths"]["/api/v1/events"]
    refs = re.findall(r'"\$ref": "#/components/schemas/([^"]+)"', json.dumps(spec))
    assert refs and set(refs) <= set(spec["components"]["schemas"])  # every $ref resolves
    body = spec["paths"]["/api/v1/articles"]["post"]["requestBody"]["content"]
    assert "text" in json.dumps(body["application/json"]["schema"])
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/api/v1/articles" in docs.text


def test_api_post_articles_returns_the_event_assignment(writable):
    before = writable.get("/api/v1/events").json()["total"]
    record = RECORDS["18_1ecb"]
    body = {k: record[k] for k in ("id", "text", "title", "url", "source", "published")}
    r = writable.post("/api/v1/articles", json=body)
    assert r.status_code == 201
    (added,) = r.json()["articles"]
    assert added["status"] == "new" and added["id"] == "18_1ecb" and added["new_event"]
    # Answered once stored in its event; its brief is made after the answer.
    assert r.json()["refreshing"] == [added["event_id"]]
    assert writable.get("/api/v1/events").json()["total"] == before + 1
    assert "18_1ecb" in {a["id"] for a in _briefed(writable, added["event_id"])["articles"]}
    # The pair's other report goes to the same event; the same one again is a duplicate.
    other = RECORDS["18_2ecb"]
    r = writable.post("/api/v1/articles", json={"articles": [{"text": other["text"]}, body]}).json()
    statuses = {a["status"]: a for a in r["articles"]}
    assert statuses["new"]["event_id"] == added["event_id"]
    assert statuses["duplicate"]["id"] == "18_1ecb"
    assert statuses["duplicate"]["event_id"] == added["event_id"]
    assert writable.post("/api/v1/articles", json=body).status_code == 200
    assert r["warnings"] == []


def test_api_post_says_what_it_read_with_a_change(writable):
    # As brief and add say it for a JSONL line: the date is left out, and the answer says so.
    record = RECORDS["18_2ecb"]
    r = writable.post(
        "/api/v1/articles",
        json={"articles": [{"text": record["text"], "id": "w", "published": "last Tuesday"}]},
    )
    assert r.status_code == 201
    assert r.json()["warnings"] == [
        "api:articles[0]: \"published\" is not a date ('last Tuesday'); the publication date is"
        " read from the text, if it gives one"
    ]


@pytest.mark.parametrize(
    ("body", "status"),
    [
        (b"", 400),
        (b"{not json", 400),
        (b"\xff\xfe", 400),
        (b"[1, 2]", 422),
        (b'{"title": "no text"}', 422),
        (b'{"text": 5}', 422),
        (b'{"text": "   "}', 422),
        (b'{"articles": {}}', 422),
        (b'{"articles": []}', 422),
        (b'{"articles": [1]}', 422),
        (b'{"url": "file:///etc/passwd"}', 422),
        (b'{"id": [], "text": "North Korea blew up the liaison office on Tuesday."}', 422),
    ],
)
def test_api_bad_bodies_are_json_errors_with_the_right_status(writable, body, status):
    r = writable.post(
        "/api/v1/articles", content=body, headers={"content-type": "application/json"}
    )
    assert r.status_code == status
    assert set(r.json()) == {"error"} and "\n" not in r.json()["error"]


def test_api_unknown_ids_and_bad_parameters(client):
    for path in ("/api/v1/events/nope", "/api/v1/events/nope/articles", "/api/v1/articles/a/b"):
        r = client.get(path)
        assert r.status_code == 404
        assert ("nope" in r.json()["error"]) != ("a/b" in r.json()["error"])
    assert client.get("/events/nope").status_code == 404
    assert client.get("/articles/nope").status_code == 404
    for params in ({"since": "yesterday"}, {"limit": "-1"}, {"limit": "x"}, {"limit": 10**6}):
        r = client.get("/api/v1/events", params=params)
        assert r.status_code == 422 and r.json()["error"]
    assert client.get("/api/v1/events", params={"q": "x" * 500}).status_code == 422


def test_body_over_the_limit_is_413(web_db_copy):
    tiny = in_process(max_body_bytes=1000)
    with TestClient(create_app(web_db_copy, tiny)) as c:
        r = c.post("/api/v1/articles", json={"text": "word " * 500})
        assert r.status_code == 413 and "limit" in r.json()["error"]
        assert "content-security-policy" in r.headers

        def chunks():  # no Content-Length: counted while it streams in
            for _ in range(10):
                yield b"x" * 200

        r = c.post("/api/v1/articles", content=chunks())
        assert r.status_code == 413
        assert c.post("/add", data={"text": "word " * 500}).status_code == 413


# --- the store under the app: other writers, concurrent readers ----------------------------


def test_articles_another_writer_adds_show_without_a_restart(web_db_copy):
    # Lists current at every request (by default a kept list may be a second old).
    with TestClient(create_app(web_db_copy, in_process(list_fresh_seconds=0))) as writable:
        _another_writer_adds(writable, web_db_copy)


def _another_writer_adds(writable: TestClient, web_db_copy: Path) -> None:
    before = writable.get("/api/v1/events").json()["total"]
    record = RECORDS["APW19981027.0241"]  # Hurricane Mitch: no other report of it there
    from newsfuse.models import Article

    with Store(web_db_copy) as other:  # as `newsfuse add` in another process would
        other.add([Article(id="mitch", text=record["text"])])
    listed = writable.get("/api/v1/events").json()
    assert listed["total"] == before + 1
    assert any("mitch" in e["articles"] for e in listed["events"])
    assert writable.get("/articles/mitch").status_code == 200


def test_readers_keep_reading_while_a_writer_adds(with_worker):
    writable = with_worker
    event = _kaesong(writable)
    errors: list[str] = []
    stop = threading.Event()

    def read() -> None:
        while not stop.is_set():
            for path in ("/", f"/events/{event['id']}", "/api/v1/events"):
                r = writable.get(path)
                if r.status_code != 200:
                    errors.append(f"{path}: {r.status_code}")

    readers = [threading.Thread(target=read) for _ in range(3)]
    for t in readers:
        t.start()
    try:
        bodies = [{"id": i, "text": RECORDS[i]["text"]} for i in ("18_1ecbplus", "18_2ecbplus")]
        results = [writable.post("/api/v1/articles", json=b) for b in bodies]
    finally:
        stop.set()
        for t in readers:
            t.join()
    assert not errors
    assert [r.json()["articles"][0]["status"] for r in results] == ["new", "new"]
    # The worker process fuses the briefs the adds touched after they answered.
    for r in results:
        assert r.json()["refreshing"] == [r.json()["articles"][0]["event_id"]]
    _refreshed(writable)
    page = writable.get(f"/events/{results[1].json()['articles'][0]['event_id']}").text
    assert '<section id="summary"' in page and 'href="/articles/18_2ecbplus"' in page
    stored = [
        a for a in writable.get("/api/v1/events").json()["events"] if "18_1ecbplus" in a["articles"]
    ]
    assert len(stored) == 1


def _section(html: str, name: str) -> str:
    return html[html.index(f'<section id="{name}"') :].split("</section>", 1)[0]


def test_citations_show_the_short_ids_of_the_markdown_brief_with_the_full_id_as_name(client):
    event = _kaesong(client)
    html = client.get(f"/events/{event['id']}").text
    brief = Brief.model_validate(client.get(f"/api/v1/events/{event['id']}").json()["brief"])
    short = brief_short_ids(brief)
    assert short["001_8fa23842f85e5271"] == "001"  # as the Markdown brief cites it
    summary = _section(html, "summary")
    cites = re.findall(r'<a class="cite" href="([^"]+)"([^>]*)>(.*?)</a>', summary)
    assert cites
    for href, attrs, content in cites:
        full = unquote(unescape(href).removeprefix("/articles/").partition("#")[0])
        # Shown: the short id; the rest of the full id is in the text, hidden by the CSS.
        assert content == f'{short[full]}<span class="id-rest">{full[len(short[full]) :]}</span>'
        said = dict(re.findall(r'([\w-]+)="([^"]*)"', attrs))
        assert said["title"] == said["data-source-sentence"]  # the tooltip: the sentence
        assert unescape(said["aria-label"]) == f"source {full}: {unescape(said['title'])}"
    # The facts' sources too, and the ids inside a date's resolution text.
    facts = _section(html, "facts")
    links = re.findall(
        r'<a class="src" href="[^"]+" title="([^"]+)" aria-label="article \1">([^<]+)<', facts
    )
    assert links and all(shown == short[full] for full, shown in links)
    text = " ".join(
        unescape(re.sub("<[^>]+>", " ", facts.replace('<span class="id-rest">', "<"))).split()
    )
    assert "'Tuesday' in 001 -> 2020-06-16" in text
    css = client.get("/static/style.css").text
    assert re.search(r"\.cite[^{]*\{ white-space: nowrap; \}", css)
    assert re.search(r"\.id-rest \{[^}]*clip-path", css)


def test_a_fact_wording_is_cut_with_the_rest_folded(web_db):
    with TestClient(create_app(web_db, in_process(fact_text_chars=160))) as c:
        event = _kaesong(c)
        brief = c.get(f"/api/v1/events/{event['id']}").json()["brief"]
        facts = _section(c.get(f"/events/{event['id']}").text, "facts")
    dated = next(f for f in brief["facts"] if f["about"] == "date of the event")
    assert len(dated["text"]) > 300  # how each report's date was read
    rows = re.findall(r'<td data-label="About">(.*?)</td>', facts, re.S)
    assert rows
    folded = 0
    for row in rows:
        shown = unescape(re.search(r'<div class="quote-text">(.*?)</div>', row).group(1))
        assert len(shown) <= 161  # 160 and the ellipsis
        rest = re.search(
            r'<details class="rest"><summary>[^<]+</summary><div class="quote-text">…(.*?)</div>',
            row,
        )
        if rest:
            folded += 1
            assert shown.endswith("…")
    assert folded >= 1
    date_row = next(r for r in rows if r.startswith("date of the event"))
    whole = " ".join(unescape(re.sub("<[^>]+>", " ", date_row)).split())
    # Nothing lost: the end of the wording is in the fold.
    assert whole.endswith(
        "'yesterday' in 004 -> 2020-06-16 (relative to its publication date 2020-06-17)"
    )
    with TestClient(create_app(web_db, in_process(fact_text_chars=0))) as c:  # 0: never cut
        assert '<details class="rest">' not in c.get(f"/events/{event['id']}").text


def test_clip_cuts_at_a_space_and_keeps_every_character():
    from newsfuse.web.views import clip

    text = "'June 16' in 000 -> 2020-06-16 (relative to the other reports' publication date)"
    assert clip(text, 200) == (text, "")
    assert clip(text, 0) == (text, "")
    shown, rest = clip(text, 40)
    assert shown == "'June 16' in 000 -> 2020-06-16 (relative" and len(shown) <= 40
    assert f"{shown} {rest}" == text
    url = "https://example.com/" + "a" * 100
    assert clip(url, 40) == (url[:40], url[40:])  # one long word: cut inside it


def test_timeline_dates_read_as_precise_as_given_and_phone_cards_pair_short_cells(client):
    event = _kaesong(client)
    brief = client.get(f"/api/v1/events/{event['id']}").json()["brief"]
    timeline = _section(client.get(f"/events/{event['id']}").text, "timeline")
    shown = re.findall(r'<time datetime="([^"]+)">([^<]+)</time>', timeline)
    by_precision = {t["precision"]: t for t in brief["timeline"]}
    decade = by_precision["decade"]  # "demilitarised since the 1950s"
    assert (decade["date"], f"{decade['date'][:4]}s") in shown
    assert "1950-01-01 to 1959-12-31" not in timeline
    month = by_precision["month"]
    assert (month["date"], month["date"][:7]) in shown
    css = client.get("/static/style.css").text
    phone = css[css.index("@media (max-width: 40rem)") :]
    assert "grid-template-columns: 1fr 1fr" in phone and 'td[data-label="About"]' in phone


def test_an_ecb_article_under_its_spaced_url_is_titled_by_its_headline(writable):
    # ECB+ 12_11ecbplus (CC BY 3.0), its tokenised text joined back in part: the URL of the
    # page on the first line, still spaced out, then the headline.
    text = (FIXTURES / "clean" / "ecbplus_sukanya_spaced_url.txt").read_text(encoding="utf-8")
    assert text.startswith("http: / / www. indianexpress. com / news")
    r = writable.post("/api/v1/articles", json={"id": "ecb-12_11ecbplus", "text": text})
    assert r.status_code == 201
    event_id = r.json()["articles"][0]["event_id"]
    _refreshed(writable)  # the title is the brief's
    event = writable.get(f"/api/v1/events/{event_id}").json()["event"]
    assert event["title"] == "INS Sukanya foils piracy attempt in Gulf of Eden"
    article = writable.get("/api/v1/articles/ecb-12_11ecbplus").json()
    assert article["title"] == "INS Sukanya foils piracy attempt in Gulf of Eden"
    assert not article["clean_text"].startswith("http")
    assert {"text": text.splitlines()[0], "reason": "link"} in article["removed_lines"]
    html = writable.get(f"/events/{event_id}").text
    assert "<h1>INS Sukanya foils piracy attempt in Gulf of Eden</h1>" in html


def test_path_of_an_id_with_a_slash(writable):
    r = writable.post(
        "/api/v1/articles",
        json={"id": "example.com/kaesong#1?x", "text": RECORDS["20_2ecbplus"]["text"]},
    )
    assert r.status_code == 201
    _refreshed(writable)
    html = writable.get(f"/events/{r.json()['articles'][0]['event_id']}").text
    hrefs = [h for h in re.findall(r'href="(/articles/[^"]+)"', html) if "kaesong" in h]
    assert hrefs
    path = urlsplit(unescape(hrefs[0])).path
    assert unquote(path) == "/articles/example.com/kaesong#1?x"
    assert writable.get(path).status_code == 200


def test_without_evidence_citations_link_to_the_article_and_its_sentence_is_found_by_text():
    from newsfuse.fusion.segment import sentences
    from newsfuse.models import Article, Brief, SummarySentence
    from newsfuse.web.views import citations, used_sentences

    article = Article(
        id="a/1",
        text="North Korea blew up the liaison office on Tuesday. "
        "The office had been closed since January.",
    )
    old = SummarySentence(text="The office had been closed since January.", sources=("a/1", "b"))
    (first, second) = citations(old)
    assert (first.href, first.sentence) == ("/articles/a/1", None)
    assert second.href == "/articles/b"
    brief = Brief(words=120, summary=(old,))
    assert used_sentences(article, brief, sentences(article)) == {1}
    assert used_sentences(article, None, sentences(article)) == set()


def test_the_app_over_sqlite_and_postgresql(store_location, kaesong_dir):
    """The same pages and API over either database (PostgreSQL when a server answers)."""
    with Store(store_location) as store:
        store.add([kaesong_dir])
    with TestClient(create_app(store_location, in_process())) as c:
        (event,) = c.get("/api/v1/events").json()["events"]
        assert event["where"] == "Kaesong" and len(event["articles"]) == 5
        assert (
            c.get("/", params={"q": "kaesong", "since": "2020-06-01"}).text.count('class="event"')
            == 1
        )
        html = c.get(f"/events/{event['id']}").text
        assert '<a class="cite" href="/articles/' in html
        r = c.post("/api/v1/articles", json={"text": RECORDS["18_1ecb"]["text"], "id": "v"})
        assert r.status_code == 201 and r.json()["articles"][0]["new_event"]
        assert c.get("/api/v1/events").json()["total"] == 2
        assert c.get("/articles/v").status_code == 200
        # What a stranger types is an answer, never a 500: a NUL (PostgreSQL refuses one in
        # text) and numbers past 64 bits (neither database takes one).
        for path in ("/events/a%00b", "/articles/a%00b", "/api/v1/articles/%00"):
            assert c.get(path).status_code == 404, path
        assert c.get("/api/v1/events", params={"q": "\x00"}).json() == {"events": [], "total": 0}
        assert c.get("/", params={"q": "Kaesong\x00"}).status_code == 200
        huge = {"offset": 10**30}
        assert c.get("/api/v1/events", params=huge).json() == {"events": [], "total": 2}
        assert c.get("/", params={"page": 10**20}).status_code == 200


def test_a_kept_page_is_rendered_again_once_its_event_changes(writable, web_db_copy, kaesong_dir):
    from newsfuse.models import Article

    event = _kaesong(writable)
    first = writable.get(f"/events/{event['id']}").text
    assert writable.get(f"/events/{event['id']}").text == first  # kept
    assert "5 articles" in first
    text = next(iter(sorted(kaesong_dir.glob("*.txt")))).read_text()
    with Store(web_db_copy) as other:  # another process adds a rewrite of one report
        report = other.add([Article(id="rewrite", text=text + "\nSeoul said it would respond.")])
    assert report.articles[0].event_id == event["id"]
    again = writable.get(f"/events/{event['id']}").text
    assert "6 articles" in again and 'href="/articles/rewrite"' in again


def test_a_dead_refresh_worker_does_not_lose_an_add(with_worker):
    import os
    import signal

    first = with_worker.post(
        "/api/v1/articles", json={"id": "a", "text": RECORDS["18_1ecb"]["text"]}
    )
    assert first.status_code == 201 and first.json()["refreshing"]
    _refreshed(with_worker)
    pool = with_worker.app.state.writer._pool
    for pid in list(pool._processes):  # the worker is killed (out of memory, by hand...)
        os.kill(pid, signal.SIGKILL)
    second = with_worker.post(
        "/api/v1/articles", json={"id": "b", "text": RECORDS["18_2ecb"]["text"]}
    )
    assert second.status_code == 201
    (added,) = second.json()["articles"]
    assert added["status"] == "new" and added["event_id"] in second.json()["refreshing"]
    assert "b" in with_worker.get(f"/api/v1/events/{added['event_id']}").json()["event"]["articles"]
    # The refresh falls back to the server process; the brief lands all the same.
    assert "b" in {a["id"] for a in _briefed(with_worker, added["event_id"])["articles"]}


# --- the read path: kept answers, other processes, background refresh ----------------------


def test_a_kept_page_is_served_without_the_app_until_the_store_changes(writable, monkeypatch):
    event = _kaesong(writable)
    path = f"/events/{event['id']}"
    first = writable.get(path)
    api = writable.get(f"/api/v1/events/{event['id']}")
    store = writable.app.state.store

    def refused(*_: object) -> None:
        raise AssertionError("a kept answer read the store again")

    monkeypatch.setattr(store, "stored_brief", refused)
    monkeypatch.setattr(store, "stored_brief_json", refused)
    monkeypatch.setattr(store, "event", refused)
    again = writable.get(path)  # the kept bytes, with every response's headers
    assert again.text == first.text and again.headers["content-type"].startswith("text/html")
    assert again.headers["content-security-policy"] == first.headers["content-security-policy"]
    assert writable.get(f"/api/v1/events/{event['id']}").content == api.content


def test_a_kept_page_follows_a_write_of_another_process(writable, web_db_copy, kaesong_dir):
    """`newsfuse add` in another process: the kept brief page shows its article next time."""
    import subprocess
    import sys

    event = _kaesong(writable)
    path = f"/events/{event['id']}"
    assert "5 articles" in writable.get(path).text  # rendered and kept
    text = next(iter(sorted(kaesong_dir.glob("*.txt")))).read_text()
    source = web_db_copy.with_name("rewrite.jsonl")
    record = {"id": "rewrite", "text": text + "\nSeoul said it would respond."}
    source.write_text(json.dumps(record) + "\n")
    exe = Path(sys.executable).with_name("newsfuse")
    done = subprocess.run(
        [str(exe), "add", str(source), "--db", str(web_db_copy)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    again = writable.get(path).text
    assert "6 articles" in again and 'href="/articles/rewrite"' in again


def test_a_post_answers_before_the_refresh_and_the_brief_follows(
    writable, monkeypatch, kaesong_dir
):
    event = _kaesong(writable)
    store = writable.app.state.store
    gate = threading.Event()
    refresh = store.refresh_stale

    def held() -> list[str]:
        assert gate.wait(120), "the test never opened the gate"
        return refresh()

    monkeypatch.setattr(store, "refresh_stale", held)
    text = next(iter(sorted(kaesong_dir.glob("*.txt")))).read_text()  # a rewrite: joins it
    try:
        r = writable.post(
            "/api/v1/articles", json={"id": "late", "text": text + "\nSeoul said it would respond."}
        )
        assert r.status_code == 201  # answered while the refresh waits at the gate
        (added,) = r.json()["articles"]
        assert added["event_id"] == event["id"] and r.json()["refreshing"] == [event["id"]]
        shown = writable.get(f"/api/v1/events/{event['id']}").json()
        assert "late" in shown["event"]["articles"]  # stored in its event at once
        assert "late" not in {a["id"] for a in shown["brief"]["articles"]}  # previous brief
        assert store.stale() == {event["id"]}
    finally:
        gate.set()
    assert "late" in {a["id"] for a in _briefed(writable, event["id"])["articles"]}
    assert not store.stale()
    assert 'href="/articles/late"' in writable.get(f"/events/{event['id']}").text


def test_briefs_a_killed_process_left_stale_are_made_when_the_app_starts(web_db_copy):
    with Store(web_db_copy) as other:  # stored, never briefed: as if killed before refresh
        report = other.add(
            [Article(id="mitch", text=RECORDS["APW19981027.0241"]["text"])], refresh=False
        )
        assert other.stale() == {report.articles[0].event_id}
    with TestClient(create_app(web_db_copy, in_process())) as c:
        _refreshed(c)
        assert not c.app.state.store.stale()
        brief = c.get(f"/api/v1/events/{report.articles[0].event_id}").json()["brief"]
        assert [a["id"] for a in brief["articles"]] == ["mitch"]


def test_a_kept_list_may_be_a_second_old_but_not_after_this_apps_own_add(web_db_copy):
    settings = in_process(list_fresh_seconds=3600)  # a long window: no timing in the test
    with TestClient(create_app(web_db_copy, settings)) as c:
        before = c.get("/api/v1/events").json()["total"]
        with Store(web_db_copy) as other:
            other.add([Article(id="mitch", text=RECORDS["APW19981027.0241"]["text"])])
        assert c.get("/api/v1/events").json()["total"] == before  # kept, within its window
        assert c.get("/articles/mitch").status_code == 200  # one article's page: current
        r = c.post("/api/v1/articles", json={"id": "q", "text": RECORDS["18_1ecb"]["text"]})
        assert r.status_code == 201
        assert c.get("/api/v1/events").json()["total"] == before + 2  # its own add: at once


@pytest.mark.parametrize("target", ["/", "/api/v1/events", "/static/style.css"])
def test_head_answers_the_get_headers_without_a_body(client, target):
    got = client.get(target)
    head = client.head(target)
    assert got.status_code == head.status_code == 200
    assert head.content == b""
    assert head.headers["content-type"] == got.headers["content-type"]
    assert head.headers["content-length"] == str(len(got.content))


def test_head_of_an_unknown_event_is_404_without_a_body(client):
    head = client.head("/events/no-such-event")
    assert head.status_code == 404
    assert head.content == b""


def test_cli_events_json_is_the_apis_list_of_events(client, web_db):
    """The README: GET /api/v1/events gives its events "as newsfuse events --format json"."""
    from typer.testing import CliRunner

    from newsfuse.cli import app

    cli = CliRunner().invoke(app, ["events", "--db", str(web_db), "--format", "json"])
    assert cli.exit_code == 0, cli.output
    listed = client.get("/api/v1/events", params={"limit": 500}).json()["events"]
    assert json.loads(cli.stdout) == listed and len(listed) >= 3


def test_the_add_form_and_api_say_a_feed_was_read_as_far_as_it_parses(
    web_db_copy, httpserver, kaesong_dir
):
    # A feed cut off after its first item, a full Kaesong report (no page to fetch).
    from html import escape

    full = (kaesong_dir / "002_24046019265150bb.txt").read_text(encoding="utf-8")
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in full.split("\n") if p.strip())
    feed = (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Wire</title>'
        "<item><title>Liaison office destroyed</title><link>https://wire.example/k</link>"
        f"<content:encoded><![CDATA[{paragraphs}]]></content:encoded></item>"
    )
    httpserver.expect_request("/feed").respond_with_data(feed, content_type="application/rss+xml")
    url = httpserver.url_for("/feed")
    with TestClient(create_app(web_db_copy, in_process(), allow_private=True)) as c:
        page = c.post("/add", data={"url": url})
        assert page.status_code == 200
        notes = re.findall(r'<p class="add-note">Read with a change: (.*?)</p>', page.text)
        assert len(notes) == 1 and unescape(notes[0]).startswith(f"{url}: malformed feed: ")
        again = c.post("/api/v1/articles", json={"url": url}).json()
        assert [a["status"] for a in again["articles"]] == ["duplicate"]
        assert again["warnings"] == [unescape(notes[0])]
