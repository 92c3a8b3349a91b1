"""newsfuse: many news reports of one event in, one trustworthy cited brief out.

>>> import newsfuse
>>> articles = newsfuse.read(["examples/kaesong"])
>>> brief = newsfuse.fuse(articles, words=120)
>>> print(brief.to_markdown())

newsfuse logs what a long run is doing through the standard ``logging`` module, under the
``newsfuse`` logger; as a library it only adds a ``NullHandler``: the application (or
``newsfuse --verbose``) decides where the records go.
"""

import logging
from typing import TYPE_CHECKING, Any

from newsfuse.fusion import DEFAULT_WORDS, fuse
from newsfuse.models import Article, Articles, Brief, Evidence, Family, Skipped, SummarySentence
from newsfuse.settings import Settings
from newsfuse.sources import read

__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())

if TYPE_CHECKING:
    from newsfuse.store import Store


def __getattr__(name: str) -> Any:
    # The store pulls in SQLAlchemy (~0.3 s): loaded when first used, not by `import newsfuse`.
    if name == "Store":
        from newsfuse.store import Store

        return Store
    raise AttributeError(f"module 'newsfuse' has no attribute {name!r}")


__all__ = [
    "DEFAULT_WORDS",
    "Article",
    "Articles",
    "Brief",
    "Evidence",
    "Family",
    "Settings",
    "Skipped",
    "Store",
    "SummarySentence",
    "fuse",
    "read",
]
