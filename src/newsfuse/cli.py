"""The ``newsfuse`` command line: ``newsfuse brief PATH...``."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path

import typer

import newsfuse
from newsfuse.fusion.pipeline import DEFAULT_WORDS
from newsfuse.models import Brief

#: Exit code when no input could be used, so scripts can tell "nothing to say" from success.
EXIT_NOTHING_USABLE = 2

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
    verbose: int = typer.Option(
        0,
        "--verbose",
        "-v",
        count=True,
        help="Log what a run is doing to stderr (-v: steps, -vv: details).",
    ),
) -> None:
    """Turn many news reports of one event into one cited brief."""
    if verbose:
        _log_to_stderr(logging.DEBUG if verbose > 1 else logging.INFO)


def _log_to_stderr(level: int) -> None:
    """Send the ``newsfuse`` logger's records at ``level`` and above to stderr, one line each."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s: %(message)s", "%H:%M:%S"))
    logger = logging.getLogger("newsfuse")
    logger.addHandler(handler)
    logger.setLevel(level)


@app.command(short_help="Fuse the articles at PATH... into one cited brief.")
def brief(
    paths: list[str] = typer.Argument(
        ...,
        metavar="PATH",
        show_default=False,
        help="Articles to fuse: .txt, .html/.htm or .jsonl files, folders (read recursively), "
        'or - for JSONL on stdin (one {"id", "text"} object per line).',
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
) -> None:
    """Read the articles at PATH... and print one brief: a cited summary, its sources and
    which of them are copies of one another.

    Inputs that cannot be used are listed on stderr as 'skipped: <input>: <reason>'.
    Exit code 0 if a brief was made, 2 if no input could be used.
    """
    if output is not None:
        _check_writable(output)
    try:
        with _stdout_to_stderr():
            articles = newsfuse.read(paths, progress=True)
            result = newsfuse.fuse(articles, words=words)
    except KeyboardInterrupt:
        typer.echo("interrupted", err=True)
        raise typer.Exit(130)
    _report_skipped(result)
    if not result.articles:
        typer.echo("nothing to summarise: no usable article", err=True)
        raise typer.Exit(EXIT_NOTHING_USABLE)
    text = _render(result, output_format)
    if output is not None:
        try:
            output.write_text(text, encoding="utf-8")
        except OSError as e:
            typer.echo(f"error: cannot write {output}: {e.strerror or e}", err=True)
            raise typer.Exit(1)
        typer.echo(f"wrote {output}", err=True)
    elif output_format is Format.markdown and _is_terminal():
        from rich.console import Console
        from rich.markdown import Markdown

        Console().print(Markdown(text))
    else:
        # Raw text (no rich markup) so the output pipes into jq, a file or another tool.
        typer.echo(text, nl=not text.endswith("\n"))


def _is_terminal() -> bool:
    # Rendered Markdown is for a person at a terminal; a pipe or file gets the raw Markdown.
    return sys.stdout.isatty()


def _render(result: Brief, output_format: Format) -> str:
    if output_format is Format.json:
        return result.to_json() + "\n"
    if output_format is Format.html:
        return result.to_html()
    return result.to_markdown()


def _report_skipped(result: Brief) -> None:
    # Plain echo, not rich: paths and reasons may contain [brackets] rich would read as markup.
    for s in result.skipped:
        typer.echo(f"skipped: {s.input}: {s.reason}", err=True)
    if result.skipped:
        n = len(result.skipped)
        typer.echo(f"{n} input{'s' if n != 1 else ''} skipped", err=True)


def _check_writable(output: Path) -> None:
    """Fail before the work, not after it, when FILE cannot be written."""
    if output.is_dir():
        raise typer.BadParameter(f"{output} is a folder, not a file", param_hint="'--output'")
    parent = output.parent
    if not parent.is_dir():
        raise typer.BadParameter(f"folder {parent} does not exist", param_hint="'--output'")


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
