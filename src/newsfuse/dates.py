"""Placeholder: publication-date detection is being written."""

from newsfuse.models import Article


def with_publication_date(article: Article) -> Article:
    return article
