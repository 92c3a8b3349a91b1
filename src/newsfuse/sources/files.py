"""Readers: files, folders and JSONL streams in, :class:`~newsfuse.models.Articles` out.

Bad input never raises and never stops the batch: each unusable input becomes a
:class:`~newsfuse.models.Skipped` with a one-line reason, carried on ``Articles.skipped``.
"""

from __future__ import annotations

import codecs
import datetime as dt
import errno
import io
import itertools
import json
import logging
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from newsfuse.models import Article, Articles, RemovedLine, Skipped
from newsfuse.sources.feeds import FOLDER_FEED_SUFFIXES

log = logging.getLogger(__name__)

#: Largest article text accepted, in bytes of UTF-8 (about 800,000 words: no news report is
#: near it; anything bigger is a dump or a wrong file, and would only slow every stage).
MAX_TEXT_BYTES = 5_000_000
#: Largest HTML page accepted: markup, scripts and styles make a page several times its text.
MAX_HTML_BYTES = 4 * MAX_TEXT_BYTES
#: Largest JSONL line: JSON may escape non-ASCII text as \uXXXX, 6 bytes a character.
MAX_JSONL_LINE_BYTES = 6 * MAX_TEXT_BYTES
#: Show a progress bar (when asked to) only for this many files or more.
PROGRESS_MIN_FILES = 50

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl",)
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES
_SUPPORTED = ", ".join(SUPPORTED_SUFFIXES[:-1]) + " or " + SUPPORTED_SUFFIXES[-1]

STDIN = "-"
_STDIN_NAME = "<stdin>"

# Control characters that never occur in text (tab, newline, carriage return, form feed and
# vertical tab do).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_OTHER_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")  # an address, not a path
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


class _Skip(Exception):
    """Raised inside a reader to turn an input into a Skipped; never leaves this module."""


@dataclass(frozen=True)
class _Warning:
    """A reader's note about an input it did read; collected into ``Articles.warnings``."""

    text: str


@dataclass
class _Job:
    """One input to read: a file (with how it was named) or stdin."""

    path: Path | None  # None for stdin
    shown: str  # how the input is named in origins and skip reasons


#: Reads one feed file into its articles and skips (``read_sources`` gives one).
FeedReader = Callable[[Path], Iterable["Article | Skipped"]]


def read(
    paths: str | Path | Iterable[str | Path],
    *,
    progress: bool = False,
    unique_ids: bool = True,
    feeds: FeedReader | None = None,
) -> Articles:
    """Read articles from files, folders, JSONL files and ``-`` (stdin: JSONL, or else the
    whole of it as one plain-text article).

    Folders are read recursively (supported files only, sorted). Every article gets a unique
    id: a later article whose id is taken is renamed ``id~2``, ``id~3``, ..., and a line in
    ``warnings`` says so. ``unique_ids=False`` leaves the ids as read, for a caller that
    renames against ids of its own (the store, which also skips duplicates first). With
    ``feeds``, a folder's ``.rss`` and ``.atom`` files are read by it.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    out = Articles()
    # Skips found while expanding stay in place, so reasons come in the order inputs were given.
    jobs = _expand(paths, FOLDER_FEED_SUFFIXES if feeds is not None else ())
    ids: set[str] = set()

    def add(article: Article) -> None:
        if _SURROGATE.search(article.id + (article.origin or "")):
            update = {"id": printable(article.id), "origin": printable(article.origin or "")}
            article = article.model_copy(update=update)
        if unique_ids and article.id in ids:
            renamed = free_id(article.id, ids.__contains__)
            out.warnings.append(renamed_warning(article.origin or article.id, article.id, renamed))
            article = article.model_copy(update={"id": renamed})
        ids.add(article.id)
        out.append(article)

    for job in _progress(jobs, enabled=progress):
        if isinstance(job, Skipped):
            out.skipped.append(job)
            continue
        try:
            for item in _read_job(job, feeds):
                if isinstance(item, Skipped):
                    out.skipped.append(item)
                elif isinstance(item, _Warning):
                    out.warnings.append(item.text)
                else:
                    add(item)
        except _Skip as e:
            out.skipped.append(Skipped(input=job.shown, reason=str(e)))
        except OSError as e:
            out.skipped.append(Skipped(input=job.shown, reason=f"cannot read: {_os_error(e)}"))
    out.skipped = [
        s.model_copy(update={"input": printable(s.input)}) if _SURROGATE.search(s.input) else s
        for s in out.skipped
    ]
    out.warnings = [printable(w) for w in out.warnings]
    log.info("read: %d articles, %d inputs skipped", len(out), len(out.skipped))
    return out


def free_id(wanted: str, taken: Callable[[str], bool]) -> str:
    """``wanted``, or else the first of ``wanted~2``, ``wanted~3``... not ``taken``."""
    if not taken(wanted):
        return wanted
    n = 2
    while taken(f"{wanted}~{n}"):
        n += 1
    return f"{wanted}~{n}"


def renamed_warning(shown: str, wanted: str, renamed: str) -> str:
    """The warning line of an article stored under another id than its own."""
    return f"{shown}: id '{wanted}' is already taken by another article; renamed '{renamed}'"


def printable(name: str) -> str:
    """A name from the file system as text every output can encode: the bytes of a file name
    that are not UTF-8 (which Python holds as lone surrogates) written as \\xNN."""
    if not _SURROGATE.search(name):
        return name
    try:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate no file name gives
        return _SURROGATE.sub("\ufffd", name)


# --- expanding the inputs into files -------------------------------------------------------


def _expand(paths: Iterable[str | Path], feeds: tuple[str, ...] = ()) -> list[_Job | Skipped]:
    """The files to read, in order (a folder's files sorted, ``feeds`` suffixes among them),
    and the inputs that cannot be read."""
    jobs: list[_Job | Skipped] = []
    seen: set[Path | str] = set()

    def add_file(path: Path) -> None:
        try:
            key = path.resolve()
        except (OSError, RuntimeError):  # Python 3.11 raises RuntimeError on a symlink loop
            key = path.absolute()
        if key in seen:
            jobs.append(Skipped(input=str(path), reason="same file given twice"))
            return
        seen.add(key)
        jobs.append(_Job(path, str(path)))

    for raw in paths:
        if str(raw) == STDIN:
            if STDIN in seen:
                jobs.append(Skipped(input=_STDIN_NAME, reason="stdin given twice"))
            else:
                seen.add(STDIN)
                jobs.append(_Job(None, _STDIN_NAME))
            continue
        path = Path(raw)
        try:
            is_dir, is_file = path.is_dir(), path.is_file()
        except OSError as e:
            jobs.append(Skipped(input=str(path), reason=f"cannot read: {_os_error(e)}"))
            continue
        if is_dir:
            files, ignored, unreadable = _folder_files(path, feeds)
            jobs += unreadable
            if not files:
                reason = f"folder has no {_SUPPORTED} files"
                if ignored:
                    reason += f" (found {_describe_ignored(ignored)})"
                if not any(u.input == str(path) for u in unreadable):
                    jobs.append(Skipped(input=str(path), reason=reason))
                continue
            if ignored:
                jobs.append(
                    Skipped(input=str(path), reason=f"ignored {_describe_ignored(ignored)}")
                )
            for f in files:
                if f.is_symlink() and not f.exists():
                    jobs.append(Skipped(input=str(f), reason=_broken_link(f)))
                    continue
                if f.exists() and not f.is_file():  # a pipe or a device: never opened
                    jobs.append(Skipped(input=str(f), reason="not a regular file"))
                    continue
                add_file(f)
        elif is_file:
            if path.suffix.lower() not in SUPPORTED_SUFFIXES:
                kind = f"'{path.suffix}'" if path.suffix else "(no extension)"
                jobs.append(
                    Skipped(
                        input=str(path), reason=f"unsupported file type {kind}: use {_SUPPORTED}"
                    )
                )
                continue
            add_file(path)
        elif path.exists():
            jobs.append(Skipped(input=str(path), reason="not a regular file or folder"))
        elif path.is_symlink():
            jobs.append(Skipped(input=str(path), reason=_broken_link(path)))
        elif _OTHER_SCHEME.match(str(raw)):  # ftp://..., file://...: not a path either
            reason = "not a file, and only http:// and https:// addresses are fetched"
            jobs.append(Skipped(input=str(raw), reason=reason))
        else:
            jobs.append(Skipped(input=str(path), reason="no such file or folder"))
    return jobs


def _broken_link(path: Path) -> str:
    """Why a symbolic link that leads to no file cannot be read: its target is missing, or it
    points back at itself."""
    try:
        path.stat()
    except OSError as e:
        if e.errno == errno.ENOENT:
            return f"broken symbolic link: {os.readlink(path)} does not exist"
        return f"cannot read: {_os_error(e)}"
    return "not a regular file"


def _folder_files(
    folder: Path, feeds: tuple[str, ...] = ()
) -> tuple[list[Path], list[Path], list[Skipped]]:
    """Supported (``feeds`` suffixes too) and unsupported files under ``folder``, hidden
    files and folders left out, and the folders that could not be listed."""
    files: list[Path] = []
    ignored: list[Path] = []
    unreadable: list[Skipped] = []

    def cannot_list(e: OSError) -> None:
        where = str(e.filename) if e.filename else str(folder)
        unreadable.append(Skipped(input=where, reason=f"cannot read folder: {_os_error(e)}"))

    # os.walk does not follow symlinked folders, so a link loop cannot hang the walk.
    for root, dirs, names in os.walk(folder, onerror=cannot_list):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in names:
            if name.startswith("."):
                continue
            p = Path(root, name)
            suffix = p.suffix.lower()
            (files if suffix in SUPPORTED_SUFFIXES or suffix in feeds else ignored).append(p)
    return sorted(files), sorted(ignored), unreadable


def _describe_ignored(ignored: list[Path]) -> str:
    kinds = sorted({p.suffix.lower() or "no extension" for p in ignored})
    n = len(ignored)
    return f"{n} file{'s' if n != 1 else ''} of unsupported type: {', '.join(kinds)}"


def _progress(jobs: list[_Job | Skipped], *, enabled: bool) -> Iterable[_Job | Skipped]:
    if not enabled or len(jobs) < PROGRESS_MIN_FILES:
        return jobs
    from rich.console import Console
    from rich.progress import track

    return track(jobs, description="Reading", console=Console(stderr=True), transient=True)


# --- readers -------------------------------------------------------------------------------


def _read_job(job: _Job, feeds: FeedReader | None = None) -> Iterator[Article | Skipped | _Warning]:
    if job.path is None:
        yield from _read_stdin(job)
        return
    suffix = job.path.suffix.lower()
    if feeds is not None and suffix in FOLDER_FEED_SUFFIXES:
        yield from feeds(job.path)
    elif suffix in TEXT_SUFFIXES:
        yield _read_txt(job)
    elif suffix in HTML_SUFFIXES:
        yield _read_html(job)
    else:
        yield from _read_jsonl_file(job)


def _read_stdin(job: _Job) -> Iterator[Article | Skipped | _Warning]:
    """JSONL when the first line is a JSON object; anything else is one plain-text article
    (``echo "..." | newsfuse brief -``), not one "not valid JSON" per line."""
    buffer: IO[bytes] | None = getattr(sys.stdin, "buffer", None)
    stream: IO[bytes] | Iterator[bytes]
    if buffer is None:  # a text-only stdin (some test harnesses): re-encode its lines
        stream = (_encode(line) for line in sys.stdin)
    else:
        stream = buffer
    head: list[bytes] = []  # the lines read to decide, given back to the JSONL reader
    for line in _lines(stream):
        if line is None:  # a first line over the JSONL limit: no JSONL, and too big as text
            raise _Skip(_too_large(None, MAX_TEXT_BYTES, "of text on stdin"))
        head.append(line)
        if line.strip(b" \t\r\n" + codecs.BOM_UTF8):
            break
    first = b"".join(head).lstrip(b" \t\r\n").removeprefix(codecs.BOM_UTF8).lstrip()
    if _starts_a_document(first):
        # Read whole (as plain text would be) to tell a document over many lines from JSONL
        # whose first line is broken; JSONL is then read from what was read.
        rest = buffer.read(MAX_JSONL_LINE_BYTES + 1) if buffer is not None else b"".join(stream)
        data = b"".join(head) + rest
        if len(data) <= MAX_JSONL_LINE_BYTES:
            _check_not_one_document(data)
        yield from _read_jsonl_lines(io.BytesIO(data), job.shown)
        return
    if not first or first.startswith(b"{") or (first.startswith(b"[") and _is_json(first)):
        yield from _read_jsonl_lines(stream, job.shown, head=head)
        return
    rest = buffer.read(MAX_TEXT_BYTES + 1) if buffer is not None else b"".join(stream)
    data = b"".join(head) + rest
    if len(data) > MAX_TEXT_BYTES:
        raise _Skip(_too_large(None, MAX_TEXT_BYTES, "of text on stdin"))
    _check_binary(data)
    text = _normalise(_decode(data))
    _check_text(text, empty="no input on stdin")
    yield Article(id="stdin", text=text, origin=job.shown)
    yield _Warning(
        f"{job.shown}: not JSONL (its first line is not a JSON object); read as one plain-text article 'stdin'"
    )


def _read_txt(job: _Job) -> Article:
    assert job.path is not None
    text = _normalise(_decode(_read_bytes(job.path, MAX_TEXT_BYTES)))
    _check_text(text)
    return Article(id=job.path.stem, text=text, origin=job.shown)


def _read_html(job: _Job) -> Article:
    assert job.path is not None
    data = _read_bytes(job.path, MAX_HTML_BYTES)
    html = _decode(data, charset=_declared_charset(data))
    _check_text(html)
    import trafilatura
    from trafilatura.settings import set_date_params

    # Dates from the page's metadata and markup only: a date found by searching the page's
    # text is as likely a sidebar's or a footer's as the article's.
    try:
        doc = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            date_extraction_params=set_date_params(False),
        )
    except Exception as e:  # a third-party parser on untrusted input: no failure may escape
        raise _Skip(f"could not extract text from the HTML page ({type(e).__name__})") from None
    text = _normalise(getattr(doc, "text", None) or "") if doc is not None else ""
    if not text.strip():
        raise _Skip("no article text found in the HTML page")
    if len(text.encode("utf-8")) > MAX_TEXT_BYTES:
        raise _Skip(_too_large(len(text.encode("utf-8")), MAX_TEXT_BYTES, "of article text"))
    published = _parse_date(getattr(doc, "date", None))
    return Article(
        id=job.path.stem,
        text=text,
        title=_str_or_none(getattr(doc, "title", None)),
        url=_str_or_none(getattr(doc, "url", None)),
        source=_str_or_none(getattr(doc, "sitename", None)),
        published=published,
        published_from="metadata" if published else None,
        origin=job.shown,
    )


def _read_jsonl_file(job: _Job) -> Iterator[Article | Skipped | _Warning]:
    assert job.path is not None
    with open(job.path, "rb") as f:
        head = f.read(8192)
        if not head:
            raise _Skip("empty file")
        _check_binary(head)
        f.seek(0)
        first = b""
        while not first.strip(b" \t\r\n" + codecs.BOM_UTF8):
            if not (line := f.readline(MAX_JSONL_LINE_BYTES + 1)):
                break
            first = line
        if _starts_a_document(first) and job.path.stat().st_size <= MAX_JSONL_LINE_BYTES:
            f.seek(0)
            _check_not_one_document(f.read())
        f.seek(0)
        yield from _read_jsonl_lines(f, job.shown)


def _starts_a_document(first: bytes) -> bool:
    """Whether the first line opens JSON that it does not close: a pretty-printed object or
    an array over several lines, rather than an article per line."""
    first = first.strip(b" \t\r\n" + codecs.BOM_UTF8)
    return first.startswith((b"{", b"[")) and not _is_json(first)


def _is_json(line: bytes) -> bool:
    try:
        json.loads(line)
    except (ValueError, RecursionError):
        return False
    return True


def _check_not_one_document(data: bytes) -> None:
    """One line for JSON that is a whole document over many lines (a pretty-printed object,
    an array of articles), not one "not valid JSON" per line of it."""
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (ValueError, RecursionError):  # UnicodeDecodeError included: then read line by line
        return
    kind, fix = ("array", "jq -c '.[]'") if isinstance(document, list) else ("document", "jq -c .")
    n = data.count(b"\n") + (not data.endswith(b"\n"))
    raise _Skip(
        f"not JSONL: one JSON {kind} over {n} lines; give one article per line ({fix} writes it)"
    )


def _read_jsonl_lines(
    stream: IO[bytes] | Iterable[bytes], shown: str, head: Iterable[bytes] = ()
) -> Iterator[Article | Skipped | _Warning]:
    any_line = False
    lines = itertools.chain(head, _lines(stream))
    for number, raw in enumerate(lines, start=1):
        where = f"{shown}:{number}"
        if raw is None:
            yield Skipped(input=where, reason=_too_large(None, MAX_JSONL_LINE_BYTES, "on one line"))
            continue
        if number == 1:
            raw = raw.removeprefix(codecs.BOM_UTF8)
        if not raw.strip():
            continue
        any_line = True
        try:
            article = _jsonl_article(raw, where)
        except _Skip as e:
            yield Skipped(input=where, reason=str(e))
            continue
        yield article
        if article.published is None and (said := published_warning(json.loads(raw), where)):
            yield _Warning(said)
    if not any_line:
        raise _Skip("empty file" if shown != _STDIN_NAME else "no input on stdin")


def _lines(stream: IO[bytes] | Iterable[bytes]) -> Iterator[bytes | None]:
    """Lines of ``stream``; ``None`` for a line over the limit, which is skipped unread."""
    readline = getattr(stream, "readline", None)
    if readline is None:
        for line in stream:
            yield line if len(line) <= MAX_JSONL_LINE_BYTES else None
        return
    while True:
        line = readline(MAX_JSONL_LINE_BYTES + 1)
        if not line:
            return
        if len(line) > MAX_JSONL_LINE_BYTES and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):  # drain the rest of the long line
                line = readline(1 << 20)
            yield None
            continue
        yield line


def _jsonl_article(raw: bytes, where: str) -> Article:
    try:
        line = raw.decode("utf-8").rstrip("\r\n")
    except UnicodeDecodeError as e:
        raise _Skip(f"not valid UTF-8 (byte 0x{raw[e.start]:02x} at offset {e.start} in the line)")
    try:
        record = json.loads(line)
    except json.JSONDecodeError as e:
        raise _Skip(f"not valid JSON: {e.msg} (column {e.colno})")
    except ValueError as e:  # e.g. an integer of more digits than Python converts
        raise _Skip(f"not valid JSON: {e}")
    except RecursionError:
        raise _Skip("not valid JSON: nested too deeply")
    try:
        return record_article(record, where)
    except RecordError as e:
        raise _Skip(str(e))


class RecordError(ValueError):
    """A JSON article record that cannot be used; ``str(error)`` is the one-line reason."""


def record_article(record: Any, where: str, *, default_id: str | None = None) -> Article:
    """The article of one JSON object as in JSONL input (``{"id", "text", "title"?, "url"?,
    "source"?, "published"?}``), read from ``where``; ``default_id`` stands in for a missing
    ``"id"``. Raises :class:`RecordError` with the reason when it cannot be used."""
    if not isinstance(record, dict):
        raise RecordError(
            f'not a JSON object (got {_json_type(record)}): expected {{"id": ..., "text": ...}}'
        )
    if "text" not in record:
        raise RecordError('no "text" field')
    text = record["text"]
    if not isinstance(text, str):
        raise RecordError(f'"text" is {_json_type(text)}, not a string')
    text = _normalise(_no_surrogates(text))
    try:
        _check_text(text, empty='"text" is empty')
    except _Skip as e:
        raise RecordError(str(e))
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_TEXT_BYTES:
        raise RecordError(_too_large(size, MAX_TEXT_BYTES, "of text"))
    if "id" not in record and default_id is None:
        others = [k for k in record if k != "text"]
        if not others:
            raise RecordError('no "id" field')
        # "doc_name", "docno", "_id": say what the line has, so the user can map it
        fields = ", ".join(json.dumps(k, ensure_ascii=False) for k in others[:6])
        more = ", ..." if len(others) > 6 else ""
        raise RecordError(f'no "id" field (it has {fields}{more}: name one of them "id")')
    raw_id = record.get("id", default_id)
    if isinstance(raw_id, bool) or not isinstance(raw_id, (str, int)):
        raise RecordError(f'"id" is {_json_type(raw_id)}, not a string')
    article_id = _no_surrogates(str(raw_id)).strip()
    if not article_id:
        raise RecordError('"id" is empty')
    published = _parse_date(record.get("published"))
    return Article(
        id=article_id,
        text=text,
        title=_str_or_none(record.get("title")),
        url=_str_or_none(record.get("url")),
        source=_str_or_none(record.get("source")),
        published=published,
        published_from="metadata" if published else None,
        origin=where,
    )


# --- checks and helpers --------------------------------------------------------------------


def _read_bytes(path: Path, limit: int) -> bytes:
    # Check the size before reading: a huge file is refused without loading it.
    size = path.stat().st_size
    if size == 0:
        raise _Skip("empty file")
    if size > limit:
        raise _Skip(_too_large(size, limit, "per file"))
    with open(path, "rb") as f:
        data = f.read(limit + 1)
    if len(data) > limit:  # it grew while we looked (or stat lied: a pipe, a /proc file)
        raise _Skip(_too_large(None, limit, "per file"))
    if not data:
        raise _Skip("empty file")
    _check_binary(data)
    return data


def _check_binary(data: bytes) -> None:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise _Skip("text is encoded as UTF-16: save it as UTF-8")
    if b"\x00" in data:
        raise _Skip("binary file (contains NUL bytes), not text")


def _decode(data: bytes, charset: str | None = None) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        error = e
    if charset:  # an HTML page that declares another encoding
        try:
            return data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    raise _Skip(
        f"not valid UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start}): save it as UTF-8"
    )


def _declared_charset(data: bytes) -> str | None:
    m = _CHARSET.search(data[:4096])
    return m.group(1).decode("ascii") if m else None


def _check_text(text: str, empty: str = "empty file") -> None:
    if not text.strip():
        raise _Skip(empty if not text else f"{empty} (only whitespace)")
    sample = text[:10_000]
    if len(_CONTROL.findall(sample)) > 0.1 * len(sample):
        raise _Skip("binary file (mostly control characters), not text")


def _normalise(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def published_warning(record: Any, where: str) -> str | None:
    """The warning for an article record (read from ``where``) whose "published" value is
    given but is not a date (:func:`record_article` leaves such a date out); None if its
    value is a date, empty or missing."""
    value = record.get("published") if isinstance(record, dict) else None
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if _parse_date(value) is not None:
        return None
    given = value if isinstance(value, str) else json.dumps(value)
    return (
        f'{where}: "published" is not a date ({given[:40]!r}); '
        "the publication date is read from the text, if it gives one"
    )


#: The reason ``fusion.clean.clean`` gives the one removed line that stands for the rest of
#: an article longer than ``CleanSettings.max_words``.
LENGTH_LIMIT_REASON = "over the length limit"
_UNREAD = re.compile(r"\((\d+) lines, (\d+) words not read\)$")


def length_warning(removed: Iterable[RemovedLine], where: str, max_words: int) -> str | None:
    """The warning for a cleaned article (read from ``where``, its ``removed_lines``
    ``removed``) that was read only up to ``max_words``; None if it was read whole. A brief
    of the first part of a long dump must not pass for a brief of all of it."""
    for line in removed:
        if line.reason == LENGTH_LIMIT_REASON:
            m = _UNREAD.search(line.text)
            rest = f"{int(m.group(2)):,} more words" if m else "the rest"
            return (
                f"{where}: over {max_words:,} words: read up to that length, {rest} not read "
                "(CleanSettings.max_words)"
            )
    return None


def _parse_date(value: Any) -> dt.date | None:
    """An ISO date or date-time string as a date; anything else as None."""
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    try:
        return dt.datetime.fromisoformat(value).date()
    except ValueError:
        pass
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _str_or_none(value: Any) -> str | None:
    if isinstance(value, str) and value.strip():
        return _no_surrogates(value.strip())
    return None


def _no_surrogates(text: str) -> str:
    # JSON's "\ud800" escapes decode to lone surrogates, which no output can encode; its
    # "\u0000" to a NUL, which PostgreSQL cannot store (the store writes U+FFFD for it too).
    return _SURROGATE.sub("\ufffd", text).replace("\x00", "\ufffd")


def _encode(line: str) -> bytes:
    try:
        return line.encode("utf-8", "surrogateescape")  # gives back the bytes stdin had
    except UnicodeEncodeError:
        return line.encode("utf-8", "surrogatepass")  # invalid UTF-8: the line is skipped


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return "a string"


def _too_large(size: int | None, limit: int, unit: str) -> str:
    got = f" ({size / 1e6:.1f} MB)" if size is not None else ""
    return f"too large{got}: the limit is {limit / 1e6:g} MB {unit}"


def _os_error(e: OSError) -> str:
    """An OSError as the other reasons read: "permission denied", not "Permission denied"."""
    reason = e.strerror or str(e)
    return reason[:1].lower() + reason[1:]
