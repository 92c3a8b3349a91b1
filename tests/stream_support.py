"""Shared by the stream tests: a stand-in grouper (used only while newsfuse.events is absent),
a runner for the CLI in a subprocess, and a dump of a store's content for comparisons."""

from __future__ import annotations

import datetime as dt
import importlib.util
import re
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

HAVE_EVENTS = importlib.util.find_spec("newsfuse.events") is not None

_WORD = re.compile(r"[a-z]{4,}")


@dataclass(frozen=True)
class _Assignment:
    event_id: str
    new: bool


class StandInGrouper:
    """Deterministic word-overlap grouping: enough to exercise the store, nothing more."""

    def __init__(self, settings: Any = None) -> None:
        self.events_: dict[str, set[str]] = {}

    def features(self, article: Any) -> dict[str, Any]:
        counts = Counter(_WORD.findall(article.body.lower()))
        return {"terms": sorted(w for w, _ in counts.most_common(40))}

    def add(self, article_id: str, feats: dict[str, Any], published: dt.date | None) -> _Assignment:
        terms = set(feats["terms"])
        best, score = None, 0.0
        for event_id, seen in self.events_.items():
            s = len(terms & seen) / max(1, len(terms | seen))
            if s > score:
                best, score = event_id, s
        if best is not None and score >= 0.2:
            self.events_[best] |= terms
            return _Assignment(best, False)
        event_id = f"e{len(self.events_) + 1:04d}"
        self.events_[event_id] = terms
        return _Assignment(event_id, True)

    state_key = "stand-in"

    def state(self) -> dict[str, Any]:
        return {"events": {e: sorted(terms) for e, terms in self.events_.items()}}

    def load_state(self, state: dict[str, Any]) -> None:
        self.events_ = {e: set(terms) for e, terms in state["events"].items()}

    def restore(self, rows: Iterable[tuple[str, dict[str, Any], dt.date | None, str]]) -> None:
        for _, feats, _, event_id in rows:
            self.events_.setdefault(event_id, set()).update(feats["terms"])

    def settle(self, article_ids: Iterable[str], load: Any) -> dict[str, str]:
        return {}  # a single pass: nothing to revisit


def grouper_factory() -> Any:
    """What a test passes as Store(grouper=...): None (the real one) when it exists."""
    return None if HAVE_EVENTS else StandInGrouper


def run_cli(argv: list[str]) -> None:
    """Entry point of ``python tests/stream_support.py ARGS``: the CLI, stand-in if needed."""
    if not HAVE_EVENTS:
        import newsfuse.store.store as store_module

        store_module.default_grouper = StandInGrouper  # type: ignore[assignment]
    from newsfuse.cli import app

    sys.argv = ["newsfuse", *argv]
    app()


def dump(location: str) -> dict[str, Any]:
    """Everything a store holds, minus the clock: what a clean run and a resumed one share."""
    import json

    import sqlalchemy as sa

    from newsfuse.store import Store
    from newsfuse.store.schema import articles, briefs, event_redirects, events

    with Store(location, create=False, grouper=grouper_factory()) as store, store._read() as conn:
        arts = [
            {k: v for k, v in r._mapping.items() if k not in ("seq", "added")}
            for r in conn.execute(sa.select(articles).order_by(articles.c.seq))
        ]
        evs = [
            {k: v for k, v in r._mapping.items() if k not in ("created", "updated")}
            for r in conn.execute(sa.select(events).order_by(events.c.id))
        ]
        brs = [
            {"event_id": r.event_id, "brief": json.loads(r.brief), "n": r.n_articles}
            for r in conn.execute(sa.select(briefs).order_by(briefs.c.event_id))
        ]
        redirects = [tuple(r) for r in conn.execute(sa.select(event_redirects).order_by("old_id"))]
    return {"articles": arts, "events": evs, "briefs": brs, "redirects": redirects}


if __name__ == "__main__":
    run_cli(sys.argv[1:])
