"""Placeholder: the readers are being written (reads .txt files and folders only)."""

from pathlib import Path

from newsfuse.models import Article, Articles


def read(paths) -> Articles:
    out = Articles()
    for p in map(Path, [paths] if isinstance(paths, (str, Path)) else paths):
        files = sorted(p.glob("*.txt")) if p.is_dir() else [p]
        out.extend(Article(id=f.stem, text=f.read_text(), origin=str(f)) for f in files)
    return out
