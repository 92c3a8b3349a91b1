import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
KAESONG = ROOT / "examples" / "kaesong"


@pytest.fixture(scope="session")
def kaesong_dir() -> Path:
    return KAESONG


@pytest.fixture(scope="session")
def kaesong_brief():
    import newsfuse

    return newsfuse.fuse(newsfuse.read([KAESONG]), words=120)


# --- stores: SQLite always, PostgreSQL when a server answers at 127.0.0.1:5432 -------------


def _postgres_base() -> tuple[str | None, str]:
    """A postgresql:// URL of the test database, or None and why not."""
    try:
        import psycopg
    except ImportError:
        return None, "psycopg is not installed"
    last = ""
    for user in ("postgres", "root"):
        try:
            with psycopg.connect(
                host="127.0.0.1", port=5432, dbname="test", user=user, connect_timeout=2
            ):
                return f"postgresql://{user}@127.0.0.1:5432/test", ""
        except Exception as e:  # any failure means: no usable server here
            last = " ".join(str(e).split())[:120]
    return None, f"no PostgreSQL at 127.0.0.1:5432 (database test): {last}"


_PG = _postgres_base()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_location(request, tmp_path):
    """Where a test's store lives: a fresh SQLite file, or a fresh PostgreSQL schema."""
    if request.param == "sqlite":
        yield str(tmp_path / "store.db")
        return
    base, why = _PG
    if base is None:
        if os.environ.get("NEWSFUSE_TEST_POSTGRES") == "required":  # CI: a skip would hide it
            pytest.fail(why)
        pytest.skip(why)
    import uuid

    import psycopg

    schema = f"nf_test_{uuid.uuid4().hex[:12]}"
    conninfo = base.replace("postgresql://", "postgresql://", 1)
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    try:
        yield f"{base}?options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(conninfo, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture(scope="session")
def httpserver_listen_address():
    """pytest-httpserver on 127.0.0.1 (any free port): no name lookup, no outside network."""
    return ("127.0.0.1", 0)


# --- the web app: one store built per session from real excerpts, copied per test ---------

STREAM = ROOT / "tests" / "fixtures" / "stream" / "articles.jsonl"
#: The title of one stored article: pages must show it as text, never run it.
XSS_TITLE = "<script>alert(1)</script>"


def in_process(**web):
    """Settings of a test app that fuses briefs in its own process: starting the refresh
    worker (a fresh interpreter loading the models) costs seconds per app; the tests of that
    path use the default."""
    import dataclasses

    from newsfuse.settings import DEFAULT

    return dataclasses.replace(
        DEFAULT, web=dataclasses.replace(DEFAULT.web, refresh_in_worker=False, **web)
    )


@pytest.fixture(scope="session")
def web_db(tmp_path_factory) -> Path:
    """A SQLite store of the Kaesong example, four DUC 2004 reports on Cambodian politics and
    one ECB+ report given a script tag for a title and a javascript: URL."""
    import json

    from newsfuse.store import Store

    folder = tmp_path_factory.mktemp("web")
    records = {r["id"]: r for r in map(json.loads, STREAM.read_text().splitlines())}
    hostile = dict(records["20_1ecb"], title=XSS_TITLE, url="javascript:alert(1)")
    chosen = [hostile] + [r for i, r in records.items() if r.get("gold") == "d30001t"]
    extra = folder / "extra.jsonl"
    extra.write_text("".join(json.dumps(r) + "\n" for r in chosen))
    path = folder / "store.db"
    with Store(path) as store:
        store.add([KAESONG, extra])
    return path


@pytest.fixture
def web_db_copy(web_db, tmp_path) -> Path:
    """A copy of ``web_db`` a test may write to."""
    import sqlite3

    target = tmp_path / "store.db"
    with sqlite3.connect(web_db) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    return target


# --- the web app in a real browser ----------------------------------------------------------
# Debian's chromium, driven by Playwright with executable_path: nothing downloads a browser.

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser_store(tmp_path_factory) -> Path:
    """A SQLite store of the Kaesong example and an ECB+ fixture event (Waitrose fires), one
    Waitrose article held out for the add form (``web_support.held_out``)."""
    from web_support import build_store

    return build_store(tmp_path_factory.mktemp("web") / "store.db")


@pytest.fixture(scope="session")
def live_server(browser_store):
    """Base URL of the app over ``browser_store``, served by uvicorn in a thread on a free port."""
    from newsfuse.web import create_app
    from web_support import serve

    with serve(create_app(browser_store)) as base:
        yield base


@pytest.fixture(scope="session")
def browser():
    """A headless chromium; skipped where there is none, a failure where CI requires one."""
    why = ""
    if not CHROMIUM.exists():
        why = f"no {CHROMIUM} (apt-get install chromium)"
    if why:
        if os.environ.get("NEWSFUSE_TEST_BROWSER") == "required":  # CI: a skip would hide it
            pytest.fail(why)
        pytest.skip(why)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, live_server):
    """A fresh page (desktop width) whose console errors and page errors fail the test."""
    from web_support import watched_page

    with watched_page(browser, live_server) as p:
        yield p


def benchmark_script(name: str):
    """Yield ``benchmarks/<name>`` imported as a module (the benchmarks are scripts, not a
    package), registered in ``sys.modules`` while in use: its dataclasses look it up."""
    import importlib.util
    import sys
    from pathlib import Path

    script = Path(__file__).parents[1] / "benchmarks" / name
    spec = importlib.util.spec_from_file_location(f"{script.stem}_bench", script)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        del sys.modules[spec.name]


# --- facts of a few real reports, each its own family -----------------------------------------


def fact_inputs(texts, day=None):
    """What ``facts.facts`` reads of the reports ``texts`` (id -> text) published ``day``, each
    report its own family: (articles, sentences, families, dated, event)."""
    from newsfuse.fusion import clean, dates, event, segment
    from newsfuse.models import Article, Family

    arts = [clean.clean(Article(id=i, text=t, published=day)) for i, t in texts.items()]
    families = [Family(id=i, members=(a.id,)) for i, a in enumerate(arts)]
    sents = {a.id: segment.sentences(a) for a in arts}
    ev = event.infer(arts, sents, families)
    return arts, sents, families, dates.in_articles(arts, sents, ev.date), ev


def facts_of(texts, day=None) -> tuple:
    """The facts newsfuse finds in ``texts`` (see :func:`fact_inputs`)."""
    from newsfuse.fusion import facts

    found, _conflicts = facts.facts(*fact_inputs(texts, day))
    return found


def sentences_of(texts):
    """The sentences of the cleaned reports ``texts`` (id -> text), by id."""
    from newsfuse.fusion import clean, segment
    from newsfuse.models import Article

    arts = [clean.clean(Article(id=k, text=v)) for k, v in texts.items()]
    return {a.id: segment.sentences(a) for a in arts}


# Other sentences of a story: a name in most sentences is a main actor, no fact.
STORY_CONTEXT = (
    "Police said the investigation was continuing. Officers searched the area overnight. "
    "A spokesman declined to comment further. The case drew wide attention. Court records "
    "were sealed on Monday. Detectives asked for help from the public."
)


def name_facts_of(texts, entities) -> list:
    """``names.name_facts`` of ``entities`` in ``texts`` (id -> text) and :data:`STORY_CONTEXT`,
    each report its own family."""
    from newsfuse.fusion import names
    from newsfuse.fusion.text import inverse_frequency

    sents = sentences_of({**texts, "context": STORY_CONTEXT})
    weights = inverse_frequency(s.text for ss in sents.values() for s in ss)
    family_of = {a: n for n, a in enumerate(sents)}
    return names.name_facts(entities, sents, family_of, weights)


def entity_of(name, kind, sources):
    """An entity of type ``kind`` named by each of ``sources`` once, each its own family."""
    from newsfuse.models import Entity

    return Entity(
        name=name,
        type=kind,
        sources=tuple(sources),
        independent_sources=len(sources),
        mentions=len(sources),
    )


# --- the summary worker: off unless a test asks for it -------------------------------------


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "worker: the test may hand stages to the summary worker (Settings.workers)"
    )


@pytest.fixture(autouse=True)
def _summary_worker(request, monkeypatch):
    """Which path a brief takes (its stages made here or in the worker) must not depend on the
    machine's load average: the worker takes none unless the test is marked ``worker``; and it
    is closed after each test, not to outlive it."""
    from newsfuse.fusion import pipeline

    if request.node.get_closest_marker("worker") is None:
        monkeypatch.setattr(pipeline._WORKER, "submit", lambda *args, **kwargs: None)
    yield
    pipeline._WORKER.close()
