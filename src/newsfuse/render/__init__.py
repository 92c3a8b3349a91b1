"""Renderers of a :class:`~newsfuse.models.Brief`, registered by format name.

``RENDERERS[name](brief, limits) -> str``; the CLI, the web app and ``Brief.to_*`` all go through
:func:`render`, so a new format is one entry here.
"""

from __future__ import annotations

from collections.abc import Callable

from newsfuse.models import Brief
from newsfuse.render.markdown import to_html, to_markdown
from newsfuse.settings import DEFAULT, RenderSettings


def to_json(brief: Brief, limits: RenderSettings = DEFAULT.render) -> str:
    """The brief as indented JSON: every field, nothing capped (``limits`` is not used)."""
    return brief.model_dump_json(indent=2)


RENDERERS: dict[str, Callable[[Brief, RenderSettings], str]] = {
    "markdown": to_markdown,
    "html": to_html,
    "json": to_json,
}


def render(brief: Brief, fmt: str, limits: RenderSettings = DEFAULT.render) -> str:
    """``brief`` in format ``fmt`` (one of :data:`RENDERERS`), sections cut to ``limits``."""
    try:
        renderer = RENDERERS[fmt]
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(RENDERERS)}") from None
    return renderer(brief, limits)


__all__ = ["RENDERERS", "render", "to_html", "to_json", "to_markdown"]
