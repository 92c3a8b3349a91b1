"""Accessibility basics of every page, in the browser: axe-core (shipped inside the PyPI
package axe-playwright-python, run offline in the page) for labels, contrast, landmarks and
heading order, plus direct checks of heading levels and of a visible keyboard focus."""

from __future__ import annotations

import itertools

import pytest

pytestmark = pytest.mark.browser

# WCAG 2.x A and AA, and axe's best practices (heading order, one h1, landmarks).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
WIDTHS = {"desktop": 1280, "phone": 390}


def _urls(store_path) -> dict[str, str]:
    """One URL of each kind of page: the largest event's brief and one article it cites."""
    from newsfuse.store import Store

    with Store(store_path) as store:
        event = max(store.events(), key=lambda e: len(e.articles))
    return {
        "events": "/",
        "brief": f"/events/{event.id}",
        "article": f"/articles/{event.articles[0]}",
        "add": "/add",
    }


@pytest.fixture(params=list(WIDTHS), ids=list(WIDTHS))
def sized_page(request, page):
    page.set_viewport_size({"width": WIDTHS[request.param], "height": 900})
    return page


@pytest.mark.parametrize("kind", ["events", "brief", "article", "add"])
def test_axe_finds_no_violation(sized_page, browser_store, kind):
    from axe_playwright_python.sync_playwright import Axe

    sized_page.goto(_urls(browser_store)[kind])
    results = Axe().run(sized_page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    violations = [
        f"{v['id']} ({v['impact']}): {v['help']}: "
        + "; ".join(
            n["target"][0] + " " + n.get("failureSummary", "")[:160] for n in v["nodes"][:3]
        )
        for v in results.response["violations"]
    ]
    assert not violations, "\n".join(violations)


_HEADINGS = "els => els.map(e => Number(e.tagName[1]))"


@pytest.mark.parametrize("kind", ["events", "brief", "article", "add"])
def test_one_h1_and_headings_never_skip_a_level(page, browser_store, kind):
    page.goto(_urls(browser_store)[kind])
    levels = page.locator("h1, h2, h3, h4, h5, h6").evaluate_all(_HEADINGS)
    assert levels and levels[0] == 1 and levels.count(1) == 1, levels
    for before, after in itertools.pairwise(levels):
        assert after <= before + 1, levels


@pytest.mark.parametrize("kind", ["events", "brief", "article", "add"])
def test_every_form_field_has_a_label(page, browser_store, kind):
    page.goto(_urls(browser_store)[kind])
    fields = page.locator("input:not([type=hidden]):not([type=submit]), select, textarea")
    for i in range(fields.count()):
        field = fields.nth(i)
        name = field.evaluate(
            "el => (el.labels && [...el.labels].map(l => l.innerText).join(' ').trim())"
            " || el.getAttribute('aria-label') || ''"
        )
        assert name.strip(), field.evaluate("el => el.outerHTML")


# The focused element's look against its look unfocused: an outline or a ring must show.
_FOCUS_RING = """
el => {
  const s = getComputedStyle(el);
  const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1;
  return {outline, shadow: s.boxShadow !== 'none', focusVisible: el.matches(':focus-visible'),
          tag: el.tagName, html: el.outerHTML.slice(0, 120)};
}
"""


@pytest.mark.parametrize("kind", ["events", "brief", "article", "add"])
def test_keyboard_focus_is_visible(page, browser_store, kind):
    page.goto(_urls(browser_store)[kind])
    seen: list[str] = []
    for _ in range(10):
        page.keyboard.press("Tab")
        ring = page.evaluate(
            f"() => document.activeElement === document.body ? null : ({_FOCUS_RING})"
            "(document.activeElement)"
        )
        # Tab also steps through the parts of one field (a date's day, month, year): the
        # field is checked when the focus reaches it.
        if ring is None or (seen and seen[-1] == ring["html"]):
            continue
        seen.append(ring["html"])
        assert ring["focusVisible"], ring["html"]
        assert ring["outline"] or ring["shadow"], ring["html"]
    assert len(seen) >= 3  # every page has navigation and more to reach
