"""Placeholder: the cleaning stage is being written (keeps text as is)."""

from newsfuse.models import Article


def clean(article: Article) -> Article:
    return article.model_copy(update={"clean_text": article.text})
