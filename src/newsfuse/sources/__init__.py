"""Things in, articles out: files, folders, JSONL and standard input (URLs and feeds to come).

Every reader returns :class:`~newsfuse.models.Article` objects and turns each input it cannot
use into a :class:`~newsfuse.models.Skipped` with a one-line reason; nothing here raises for a
user's bad input.
"""

from newsfuse.sources.files import read

__all__ = ["read"]
