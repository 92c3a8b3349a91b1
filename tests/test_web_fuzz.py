"""Fuzzing (hypothesis) of what strangers send: POST /api/v1/articles bodies, as bytes and as
JSON, and the readers on files of arbitrary bytes. Never a 500, never a traceback; every error
is JSON with one line. Nothing leaves the machine: the app's and the readers' network is a
mock transport (and private addresses are refused before any connection)."""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import in_process
from newsfuse.models import Articles
from newsfuse.sources import read_sources
from newsfuse.web import create_app

# Modest and reproducible in the suite; NEWSFUSE_FUZZ_EXAMPLES=2000 explores further (random).
_EXAMPLES = int(os.environ.get("NEWSFUSE_FUZZ_EXAMPLES", "0"))
FUZZ = settings(
    max_examples=_EXAMPLES or 40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=not _EXAMPLES,
)


def _offline(request: httpx.Request) -> httpx.Response:
    return httpx.Response(404, text="not here")


@pytest.fixture(scope="module")
def client(web_db, tmp_path_factory):
    target = tmp_path_factory.mktemp("fuzz") / "store.db"
    with sqlite3.connect(web_db) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    with TestClient(create_app(target, in_process(), transport=httpx.MockTransport(_offline))) as c:
        yield c


def _check(r: httpx.Response) -> None:
    assert r.status_code in (200, 201, 400, 403, 413, 422), r.text
    body = r.json()
    if r.status_code >= 400:
        assert set(body) == {"error"}
        assert isinstance(body["error"], str) and "\n" not in body["error"]
        assert "Traceback" not in body["error"]
    else:
        assert {"articles", "refreshing", "warnings"} == set(body)


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=10,
)
URLS = st.sampled_from(
    ["http://127.0.0.1:9/x", "https://93.184.215.14/a", "ftp://x", "javascript:alert(1)", ""]
)
TEXTS = st.text(max_size=200) | st.sampled_from(
    [
        "North Korea blew up an inter-Korean liaison office in its border city of Kaesong on "
        "Tuesday, days after threatening to cut ties with the South.",
        "   ",
        "\x00\x01\x02",
    ]
)
ARTICLE = st.fixed_dictionaries(
    {},
    optional={
        "id": st.text(max_size=20) | JSON,
        "text": TEXTS | JSON,
        "title": st.text(max_size=40) | JSON,
        "url": URLS | JSON,
        "source": st.text(max_size=20) | JSON,
        "published": st.sampled_from(["2020-06-16", "yesterday", "2020-13-45T99"]) | JSON,
    },
)
BODIES = ARTICLE | st.fixed_dictionaries({"articles": st.lists(ARTICLE, max_size=3) | JSON}) | JSON


@FUZZ
@given(body=st.binary(max_size=300))
def test_post_of_arbitrary_bytes_never_fails(client, body):
    _check(client.post("/api/v1/articles", content=body))


@FUZZ
@given(body=BODIES)
def test_post_of_arbitrary_json_never_fails(client, body):
    _check(client.post("/api/v1/articles", content=json.dumps(body).encode()))


@FUZZ
@given(text=TEXTS, url=URLS | st.text(max_size=20), title=st.text(max_size=20))
def test_the_add_form_never_fails(client, text, url, title):
    r = client.post("/add", data={"text": text, "url": url, "title": title})
    assert r.status_code in (200, 400, 422), r.text
    assert "Traceback" not in r.text


@FUZZ
@given(
    q=st.text(max_size=30),
    since=st.text(max_size=12) | st.dates().map(str),
    page=st.text(max_size=5) | st.integers(-3, 5).map(str),
)
def test_the_events_page_and_api_never_fail_on_parameters(client, q, since, page):
    r = client.get("/", params={"q": q, "since": since, "page": page})
    assert r.status_code in (200, 422)
    r = client.get("/api/v1/events", params={"q": q, "until": since, "offset": page})
    assert (r.status_code in (200, 422) and "error" in r.json()) or "events" in r.json()


JSONL = st.lists(JSON.map(lambda v: json.dumps(v).encode()) | st.binary(max_size=60), max_size=5)


@FUZZ
@given(
    data=st.binary(max_size=400) | JSONL.map(b"\n".join),
    suffix=st.sampled_from([".txt", ".html", ".jsonl", ".xml", ".rss", ".htm"]),
)
def test_the_readers_never_raise_on_arbitrary_bytes(data, suffix):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        got = read_sources([path], transport=httpx.MockTransport(_offline))
    assert isinstance(got, Articles)
    for a in got:
        assert a.text.strip()
    for s in got.skipped:
        assert s.reason and "\n" not in s.reason
