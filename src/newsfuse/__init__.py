"""newsfuse: many news reports of one event in, one trustworthy cited brief out.

>>> import newsfuse
>>> articles = newsfuse.read(["examples/kaesong"])
>>> brief = newsfuse.fuse(articles, words=120)
>>> print(brief.to_markdown())
"""

from newsfuse.ingest import read
from newsfuse.models import Article, Articles, Brief, Family, Skipped, SummarySentence
from newsfuse.pipeline import DEFAULT_WORDS, fuse

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Articles",
    "Brief",
    "DEFAULT_WORDS",
    "Family",
    "Skipped",
    "SummarySentence",
    "fuse",
    "read",
]
