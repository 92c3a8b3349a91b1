"""The single-event stages: articles of one event in, one :class:`~newsfuse.models.Brief` out.

Pure functions over :mod:`newsfuse.models`, no I/O. :func:`fuse` (in ``pipeline.py``) calls
them in order; read it top to bottom to know what newsfuse does with one event.
"""

from newsfuse.fusion.pipeline import DEFAULT_WORDS, fuse

__all__ = ["DEFAULT_WORDS", "fuse"]
