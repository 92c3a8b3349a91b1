"""Screenshots of the web app for the README: the events page and a brief page, at 1280 px
(desktop) and 390 px (phone) wide, in Debian's headless chromium.

    .venv/bin/python benchmarks/screenshots.py --db /tmp/shots.db \\
        --add examples/kaesong tests/fixtures/stream/articles.jsonl \\
              tests/fixtures/events/ecb_14_waitrose_fires.jsonl \\
        --data ../shared/data --ecb-topics 3,12,18 --event-of 000_a9149104c1ca651c \\
        --out docs/screenshots/

``--add`` puts inputs into the store first (``Store.add``: running it again adds nothing),
and ``--data ../shared/data --ecb-topics 3,12,18`` the ECB+ articles of those topics (lightly
de-tokenised; ECB+ is CC BY 3.0, see ``tests/fixtures/events/README.md``); without either,
``--db`` must be a store already. The brief shown is ``--event ID`` (or that of the
event holding ``--event-of ARTICLE_ID``), else the event with a conflict and the most
articles. Writes ``events-1280.png``, ``events-390.png``,
``brief-1280.png`` and ``brief-390.png`` (the top 2,400 px of each page) to ``--out``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from pathlib import Path

from newsfuse.eval.results import require_path
from webapp import CHROMIUM, CHROMIUM_ARGS, running_app

WIDTHS = (1280, 390)
MAX_HEIGHT = 2400  # CSS px: the top of a long brief is what a reader sees first
_SPACE_BEFORE = re.compile(r" (?=[.,;:!?%)]|'s\b|n't\b)")


def ecb_rows(data: Path, topics: set[str]) -> list[dict[str, str]]:
    """The ECB+ articles of ``topics``, their tokenised text joined back into prose."""
    path = require_path(data / "ecbplus" / "ecbplus_dev_topics_1-25.jsonl", "ECB+ data")
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            if doc["topic"] in topics:
                lines = doc["text"].split("\n")
                if lines and lines[0].startswith("http"):  # the page's URL, not its text
                    lines = lines[1:]
                text = "\n".join(lines).replace("``", '"').replace("''", '"').replace("( ", "(")
                text = _SPACE_BEFORE.sub("", text)
                rows.append({"id": "ecb-" + doc["doc_name"].removesuffix(".xml"), "text": text})
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, required=True, help="the store (a SQLite file)")
    parser.add_argument("--add", nargs="+", default=[], help="inputs to add to the store first")
    parser.add_argument("--data", type=Path, help="the shared data, for --ecb-topics")
    parser.add_argument("--ecb-topics", default="", help="ECB+ topics to add, e.g. 3,12,18")
    parser.add_argument("--event", help="the event whose brief is shown")
    parser.add_argument("--event-of", help="show the brief of the event holding this article")
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    args = parser.parse_args()
    require_path(CHROMIUM, "chromium (apt-get install chromium)", kind="file")

    from newsfuse.store import Store

    inputs = list(args.add)
    with tempfile.TemporaryDirectory() as tmp:
        if args.ecb_topics:
            rows = ecb_rows(args.data or Path("../shared/data"), set(args.ecb_topics.split(",")))
            ecb = Path(tmp) / "ecbplus.jsonl"
            ecb.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
            inputs.append(str(ecb))
        if not inputs:
            require_path(args.db, "the store (--db)", kind="file")
        with Store(args.db) as store:
            if inputs:
                store.add(inputs)
            events = store.events()
    if not events:
        raise SystemExit(f"error: no event in {args.db}")
    if args.event_of:
        holding = [e.id for e in events if args.event_of in e.articles]
        if not holding:
            raise SystemExit(f"error: no event holds article {args.event_of}")
        args.event = holding[0]
    event = args.event or max(events, key=lambda e: (e.conflicts > 0, len(e.articles))).id

    from playwright.sync_api import sync_playwright

    args.out.mkdir(parents=True, exist_ok=True)
    with running_app(args.db) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for width in WIDTHS:
            # A phone's pixel ratio is 3, but 2 keeps the files small and the text sharp.
            context = browser.new_context(
                viewport={"width": width, "height": 900},
                device_scale_factor=2 if width < 600 else 1,
                is_mobile=width < 600,
                has_touch=width < 600,
            )
            page = context.new_page()
            for name, path in (("events", "/"), ("brief", f"/events/{event}")):
                response = page.goto(base + path)
                if response is None or not response.ok:
                    raise SystemExit(f"error: {path} answered {response and response.status}")
                target = args.out / f"{name}-{width}.png"
                height = min(MAX_HEIGHT, page.evaluate("document.documentElement.scrollHeight"))
                clip = {"x": 0, "y": 0, "width": width, "height": height}
                page.screenshot(path=str(target), full_page=True, clip=clip)
                print(f"wrote {target}", file=sys.stderr)
            context.close()
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
