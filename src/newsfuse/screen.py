"""Placeholder: screening (empty, non-English, duplicates) is being written."""

from newsfuse.models import Article, Skipped


def screen(articles: list[Article]) -> tuple[list[Article], list[Skipped]]:
    usable = [a for a in articles if a.body.strip()]
    rejected = [Skipped(input=a.id, reason="no text left after cleaning") for a in articles if not a.body.strip()]
    return usable, rejected
