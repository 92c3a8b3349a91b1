"""The web app as a person uses it, in a real headless chromium (Debian's, via Playwright).

The pages are checked against the store they serve (read with the Python API), not against
numbers written here: open the events page, open a brief, follow a citation to its article and
find the sentence it stands on highlighted, hover or focus a citation and see that sentence,
paste an article into the add form and find it in its event.
"""

from __future__ import annotations

import re

import pytest

from web_support import HELD_OUT_ID, held_out, watched_page

pytestmark = pytest.mark.browser


def _events(store_path):
    from newsfuse.store import Store

    with Store(store_path) as store:
        return store.events()


def _kaesong(store_path):
    (event,) = (e for e in _events(store_path) if "000_a9149104c1ca651c" in e.articles)
    return event


def _words(text: str) -> str:
    return " ".join(text.split())


def test_events_page_lists_every_event_with_its_counts(page, browser_store):
    response = page.goto("/")
    assert response is not None and response.ok
    csp = response.headers.get("content-security-policy", "")
    assert "default-src 'self'" in csp
    assert response.headers.get("x-content-type-options") == "nosniff"
    assert page.locator("html").get_attribute("lang") == "en"

    events = _events(browser_store)
    rows = page.locator(".event")
    assert rows.count() == len(events)
    for event in events:
        row = rows.filter(has=page.locator(f'a.event-link[href="/events/{event.id}"]'))
        assert row.count() == 1, event.id
        link = row.locator("a.event-link")
        assert _words(link.inner_text()) == _words(event.title or "")
        text = row.inner_text()
        assert str(len(event.articles)) in text
        assert str(event.independent_sources) in text
        assert row.locator(".badge-conflicts").count() == (1 if event.conflicts else 0)


def test_text_search_filters_the_events(page, browser_store):
    page.goto("/")
    page.locator("#filter").get_by_label(re.compile("search|text|q", re.I)).fill("Waitrose")
    page.locator("#filter").locator("button, input[type=submit]").first.click()
    page.wait_for_load_state()
    titles = [_words(t) for t in page.locator(".event a.event-link").all_inner_texts()]
    assert titles and all("Waitrose" in t for t in titles), titles
    assert "q=Waitrose" in page.url


def test_a_citation_leads_to_its_sentence_highlighted_in_the_article(page, browser_store):
    kaesong = _kaesong(browser_store)
    page.goto("/")
    page.locator(f'a.event-link[href="/events/{kaesong.id}"]').click()
    page.wait_for_url(f"**/events/{kaesong.id}")
    for section in ("summary", "facts", "conflicts", "timeline", "entities", "quotes", "sources"):
        assert page.locator(f"section#{section}").count() == 1, section
    cites = page.locator("#summary a.cite")
    assert cites.count() >= len(kaesong.articles) // 2

    cite = cites.first
    href = cite.get_attribute("href") or ""
    match = re.fullmatch(r"/articles/(.+)#s(\d+)", href)
    assert match, href
    article_id, index = match.group(1), int(match.group(2))
    # The link shows a short name of the article; its accessible name gives the whole id.
    assert article_id in (cite.get_attribute("aria-label") or _words(cite.inner_text()))
    assert article_id in kaesong.articles
    source_sentence = cite.get_attribute("data-source-sentence") or ""
    assert source_sentence and cite.get_attribute("title") == source_sentence

    cite.click()
    page.wait_for_url(f"**/articles/{article_id}#s{index}")
    target = page.locator(f"#s{index}")
    assert "used" in (target.get_attribute("class") or "").split()
    assert "sentence" in (target.get_attribute("class") or "").split()
    assert _words(target.inner_text()) == _words(source_sentence)
    assert target.evaluate("el => el.matches(':target')")
    assert target.is_visible() and target.evaluate(
        "el => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight }"
    )
    # Every sentence the brief cites from this article is highlighted, and only those.
    page.go_back()
    cited = {
        int(h.rsplit("#s", 1)[1])
        for h in page.locator("a.cite").evaluate_all("els => els.map(e => e.getAttribute('href'))")
        if h.startswith(f"/articles/{article_id}#s")
    }
    page.go_forward()
    used = {
        int(i[1:]) for i in page.locator(".sentence.used").evaluate_all("els => els.map(e => e.id)")
    }
    assert cited <= used
    # The way back to the event.
    assert page.locator(f'a[href="/events/{kaesong.id}"]').count() >= 1


# How many places show the source sentence: a visible pseudo-element of the citation (a CSS
# tooltip from its data attribute), plus the deepest visible elements whose text holds it.
_SHOWN_AT = """
(el, sentence) => {
  const norm = s => s.replace(/\\s+/g, ' ').trim();
  const want = norm(sentence).slice(0, 60);
  let n = 0;
  for (const pseudo of ['::after', '::before']) {
    const style = getComputedStyle(el, pseudo);
    if (style.content.includes(want) && style.display !== 'none'
        && style.visibility !== 'hidden' && style.opacity !== '0') n += 1;
  }
  const holds = node => norm(node.textContent).includes(want);
  for (const node of document.querySelectorAll('body *')) {
    if (holds(node) && ![...node.children].some(holds)
        && node.checkVisibility({opacityProperty: true, visibilityProperty: true})) n += 1;
  }
  return n;
}
"""


def _shown_at(cite, sentence: str) -> int:
    return int(cite.evaluate(_SHOWN_AT, sentence))


@pytest.mark.parametrize("how", ["hover", "focus"])
def test_hovering_or_focusing_a_citation_shows_its_source_sentence(page, browser_store, how):
    kaesong = _kaesong(browser_store)
    page.goto(f"/events/{kaesong.id}")
    cite = page.locator("#summary a.cite").first
    sentence = cite.get_attribute("data-source-sentence") or ""
    assert sentence
    before = _shown_at(cite, sentence)
    if how == "hover":
        cite.hover()
    else:  # by keyboard: Tab until the first citation has the focus
        for _ in range(200):
            page.keyboard.press("Tab")
            if cite.evaluate("el => el === document.activeElement"):
                break
        assert cite.evaluate("el => el === document.activeElement")
    page.wait_for_timeout(300)  # a CSS transition
    assert _shown_at(cite, sentence) > before


def test_an_article_pasted_into_the_add_form_lands_in_its_event(
    browser, live_server, browser_store
):
    row = held_out()
    waitrose = next(e for e in _events(browser_store) if "14_1ecbplus" in e.articles)
    assert HELD_OUT_ID not in waitrose.articles
    with watched_page(browser, live_server) as page:
        page.goto("/")
        page.locator('a[href="/add"]').first.click()
        page.wait_for_url("**/add")
        form = page.locator("#add-form")
        # The contract's field names (their labels are the accessibility test's business).
        form.locator("[name=title]").fill(row["title"])
        form.locator("[name=text]").fill(row["text"])
        form.locator("button, input[type=submit]").first.click()
        page.wait_for_load_state()
        result = page.locator(".add-result")
        assert result.count() == 1
        assert "new" in result.inner_text().lower()
        link = result.locator("a.event-link")
        assert link.get_attribute("href") == f"/events/{waitrose.id}"
        link.click()
        page.wait_for_url(f"**/events/{waitrose.id}")
        # The event has it at once; its brief follows, made after the answer: reload for it.
        count = len(waitrose.articles) + 1
        assert f"{count} articles" in page.locator(".meta").inner_text()

        def in_brief() -> bool:
            sources = page.locator("section#sources")
            return sources.count() == 1 and (
                row["title"] in _words(sources.inner_text())
                or sources.locator('a[href^="/articles/"]').count() == count
            )

        for _ in range(600):  # a bound, not a timing claim
            if in_brief():
                break
            page.wait_for_timeout(200)
            page.reload()
        assert in_brief()
        # The events page counts it without a restart.
        page.goto("/")
        event_row = page.locator(".event").filter(
            has=page.locator(f'a.event-link[href="/events/{waitrose.id}"]')
        )
        assert str(len(waitrose.articles) + 1) in event_row.inner_text()


def test_the_pages_work_with_javascript_off(browser, live_server, browser_store):
    kaesong = _kaesong(browser_store)
    with watched_page(browser, live_server, java_script_enabled=False) as page:
        page.goto("/")
        page.locator(f'a.event-link[href="/events/{kaesong.id}"]').click()
        page.wait_for_url(f"**/events/{kaesong.id}")
        cite = page.locator("#summary a.cite").first
        assert cite.get_attribute("title")
        cite.click()
        page.wait_for_url("**/articles/**")
        assert page.locator(".sentence.used").count() >= 1
        for fmt in ("md", "html", "json"):
            assert page.request.get(f"/events/{kaesong.id}/brief.{fmt}").ok
