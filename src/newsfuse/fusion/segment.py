"""Sentence segmentation of an article's clean text, with character spans.

sentencex does the splitting (rule-based, ~1000x faster than pysbd on news text and as good on
"p.m.", "U.S.", "Mr."); this module only adds the spans and splits on line breaks first,
because a line break in cleaned news text is a paragraph or headline boundary the splitter
should never join across.
"""

from __future__ import annotations

import re

import sentencex

from newsfuse.models import Article, Sentence

_LINE = re.compile(r"[^\n]+")


def sentences(article: Article) -> list[Sentence]:
    """Split ``article.body`` into sentences, each with its span in that text."""
    text = article.body
    out: list[Sentence] = []
    for line in _LINE.finditer(text):
        pos = line.start()
        for piece in sentencex.segment("en", line.group()):
            stripped = piece.strip()
            if not stripped:
                continue
            start = text.find(stripped, pos)
            end = start + len(stripped)
            pos = end
            out.append(
                Sentence(article_id=article.id, index=len(out), text=stripped, start=start, end=end)
            )
    return out
