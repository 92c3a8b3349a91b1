"""The ``newsfuse`` command line: ``newsfuse brief PATH...``."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import fields
from enum import StrEnum
from pathlib import Path
from typing import Any, NoReturn

import typer

import newsfuse
from newsfuse.fusion.pipeline import DEFAULT_WORDS
from newsfuse.models import Brief
from newsfuse.render import render
from newsfuse.settings import DEFAULT, RenderSettings

#: Exit code when nothing could be summarised, so scripts can tell "nothing to say" from success.
EXIT_NOTHING_USABLE = 2
#: Exit code of a usage error (as click gives for a bad option).
EXIT_USAGE = 2
#: A run shows a progress bar once it has taken this long.
PROGRESS_AFTER_SECONDS = 2.0

app = typer.Typer(
    help="Turn many news reports of one event into one cited brief.",
    add_completion=False,
    no_args_is_help=True,
    # A user mistake gets a one-line message, never a traceback.
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


class Format(StrEnum):
    markdown = "markdown"
    json = "json"
    html = "html"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"newsfuse {newsfuse.__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """Turn many news reports of one event into one cited brief."""


@app.command(short_help="Fuse the articles at PATH... into one cited brief.")
def brief(
    paths: list[str] = typer.Argument(
        ...,
        metavar="PATH",
        show_default=False,
        help="Articles to fuse: .txt, .html/.htm or .jsonl files, folders (read recursively), "
        'or - for stdin (JSONL, one {"id", "text"} object per line, or one plain-text article).',
    ),
    words: int = typer.Option(
        DEFAULT_WORDS, "--words", "-w", min=1, metavar="N", help="Word budget of the summary."
    ),
    output_format: Format = typer.Option(
        Format.markdown,
        "--format",
        "-f",
        case_sensitive=False,
        help="Output format: markdown (rendered when writing to a terminal), json or html.",
    ),
    output: Path | None = typer.Option(
        None,
        "--output",
        "-o",
        metavar="FILE",
        show_default=False,
        help="Write the brief to FILE (raw, in the chosen format) instead of standard output.",
    ),
    max_items: int | None = typer.Option(
        None,
        "--max-items",
        min=0,
        metavar="N",
        show_default=False,
        help="Show at most N facts, quotes, timeline entries, names per kind, sources and "
        "skipped inputs in Markdown/HTML (0: all; default: 20 facts, 10 quotes, 15 entries, "
        "10 names per kind, 50 sources). The JSON brief always has everything.",
    ),
    quiet: bool = typer.Option(
        False, "--quiet", "-q", help="No progress bar and no warnings on stderr."
    ),
) -> None:
    """Read the articles at PATH... and print one brief: a cited summary, its sources and
    which of them are copies of one another.

    Inputs that cannot be used are listed on stderr as 'skipped: <input>: <reason>', inputs
    read with a change as 'warning: <input>: <what>'. Exit code 0 if a summary was made, 2 if
    nothing could be summarised (no usable input, or no sentence fits in the budget).
    """
    if output is not None:
        _check_writable(output)
    show_progress = not quiet and sys.stderr.isatty()
    try:
        with _stdout_to_stderr(), _ProgressBar(show_progress) as bar:
            articles = newsfuse.read(paths, progress=show_progress)
            result = newsfuse.fuse(articles, words=words, progress=bar.update)
    except KeyboardInterrupt:
        typer.echo("interrupted", err=True)
        raise typer.Exit(130)
    result = _with_warnings(result, getattr(articles, "warnings", []), quiet)
    _report_skipped(result)
    if not result.articles:
        typer.echo("nothing to summarise: no usable article", err=True)
        raise typer.Exit(EXIT_NOTHING_USABLE)
    text = render(result, output_format.value, _limits(max_items))
    if output_format is Format.json:
        text += "\n"
    if output is not None:
        try:
            output.write_text(text, encoding="utf-8")
        except OSError as e:
            typer.echo(f"error: cannot write {output}: {_os_reason(e)}", err=True)
            raise typer.Exit(1)
        typer.echo(f"wrote {output}", err=True)
    elif output_format is Format.markdown and _is_terminal():
        from rich.console import Console
        from rich.markdown import Markdown

        Console().print(Markdown(text))
    else:
        # Raw text (no rich markup) so the output pipes into jq, a file or another tool.
        typer.echo(text, nl=not text.endswith("\n"))
    if not result.summary:
        # The brief (facts, timeline...) is still written; the exit code says the summary
        # is empty, as the README promises.
        typer.echo(
            f"nothing summarised: no sentence fits in {words} word{'s' if words != 1 else ''};"
            " try --words 30 or more",
            err=True,
        )
        raise typer.Exit(EXIT_NOTHING_USABLE)


def _limits(max_items: int | None) -> RenderSettings:
    """The section caps: the defaults, or ``max_items`` for every section."""
    if max_items is None:
        return DEFAULT.render
    return RenderSettings(**{f.name: max_items for f in fields(RenderSettings)})


def _with_warnings(result: Brief, warnings: list[str], quiet: bool) -> Brief:
    """``result`` with the reader's warnings added to its notes (and printed, unless quiet)."""
    if not warnings:
        return result
    if not quiet:
        for w in warnings:
            typer.echo(f"warning: {w}", err=True)
    return result.model_copy(update={"notes": (*result.notes, *warnings)})


class _ProgressBar:
    """A progress bar of fuse's stages on stderr, shown only once a run has taken
    :data:`PROGRESS_AFTER_SECONDS` (a quick brief should not flash a bar)."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.started = time.monotonic()
        self._bar: Any = None
        self._task: Any = None

    def __enter__(self) -> _ProgressBar:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()

    def update(self, stage: str, done: int, total: int) -> None:
        if not self.enabled:
            return
        if self._bar is None:
            if time.monotonic() - self.started < PROGRESS_AFTER_SECONDS:
                return
            from rich.console import Console
            from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

            self._bar = Progress(
                TextColumn("{task.description:<22}"),
                BarColumn(),
                TextColumn("{task.completed}/{task.total} stages"),
                TimeElapsedColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self._bar.start()
            self._task = self._bar.add_task("", total=total)
        self._bar.update(self._task, completed=done, description=f"Briefing: {stage}")


def _is_terminal() -> bool:
    # Rendered Markdown is for a person at a terminal; a pipe or file gets the raw Markdown.
    return sys.stdout.isatty()


def _report_skipped(result: Brief) -> None:
    # Plain echo, not rich: paths and reasons may contain [brackets] rich would read as markup.
    for s in result.skipped:
        typer.echo(f"skipped: {s.input}: {s.reason}", err=True)
    if result.skipped:
        n = len(result.skipped)
        typer.echo(f"{n} input{'s' if n != 1 else ''} skipped", err=True)


def _check_writable(output: Path) -> None:
    """Fail before the work, not after it, when FILE cannot be written: one line, no
    traceback (Path.is_dir raises, rather than answers, in a folder one may not enter)."""
    parent = output.parent
    try:
        is_dir, parent_is_dir, exists = output.is_dir(), parent.is_dir(), output.exists()
    except OSError as e:
        _cannot_write(output, _os_reason(e))
    if is_dir:
        _cannot_write(output, "it is a folder, not a file")
    if not parent_is_dir:
        _cannot_write(output, f"folder {parent} does not exist")
    if not os.access(output if exists else parent, os.W_OK):
        _cannot_write(output, "permission denied")


def _cannot_write(output: Path, reason: str) -> NoReturn:
    typer.echo(f"error: cannot write --output {output}: {reason}", err=True)
    raise typer.Exit(EXIT_USAGE)


def _os_reason(e: OSError) -> str:
    """An OSError as a user reads it: "permission denied", not "[Errno 13] ..."."""
    return e.strerror.lower() if e.strerror else str(e)


@contextmanager
def _stdout_to_stderr() -> Iterator[None]:
    """Send whatever is written to file descriptor 1 to stderr for the duration.

    Compiled libraries (the HiGHS solver has been seen to) may print diagnostics straight to
    fd 1, which would corrupt a JSON brief piped to another program.
    """
    sys.stdout.flush()
    try:
        saved = os.dup(1)
    except OSError:  # no real fd 1 (e.g. embedded); nothing to guard
        yield
        return
    os.dup2(2, 1)
    try:
        yield
    finally:
        sys.stdout.flush()
        os.dup2(saved, 1)
        os.close(saved)
