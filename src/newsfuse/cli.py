"""The ``newsfuse`` command line: ``newsfuse brief PATH...``."""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import re
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import fields
from enum import StrEnum
from pathlib import Path
from typing import Any, NoReturn

import typer
from typer.core import TyperArgument, TyperCommand

import newsfuse
from newsfuse.fusion.pipeline import DEFAULT_WORDS
from newsfuse.models import AddReport, Article, Brief, EventSummary, Skipped
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


class _Command(TyperCommand):
    """A command whose help reads as a person writes it: ``PATH...`` and ``[PATH...]`` in the
    usage line, and arguments without typer's ``<list[str]>`` type labels (their metavar and
    help say what they take)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for param in self.params:
            if isinstance(param, TyperArgument):
                param.display_type_rich = _no_type_label  # type: ignore[method-assign]

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if isinstance(param, TyperArgument):
                name = param.metavar or param.name or ""
                pieces.append(name if param.required else f"[{name}]")
        return pieces


def _no_type_label(ctx: Any) -> None:
    return None


#: The store used when neither --db nor NEWSFUSE_DB names one.
DEFAULT_DB = "newsfuse.db"

_DB_OPTION = typer.Option(
    DEFAULT_DB,
    "--db",
    envvar="NEWSFUSE_DB",
    metavar="PATH|URL",
    help="The store: a SQLite file, or postgresql://user@host/database.",
)


class Format(StrEnum):
    markdown = "markdown"
    json = "json"
    html = "html"


def _choice(kind: type[StrEnum], value: str) -> str:
    """``value`` as one of ``kind``'s values (any case), or a one-line usage error: "'xml' is
    not one of markdown, json, html" (typer's own says "Value error, 'xml' is not ...")."""
    for member in kind:
        if value.casefold() == member.value:
            return member.value
    raise typer.BadParameter(f"{value!r} is not one of {', '.join(m.value for m in kind)}")


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


@app.command(cls=_Command, short_help="Fuse the articles at PATH... into one cited brief.")
def brief(
    paths: list[str] | None = typer.Argument(
        None,
        metavar="PATH...",
        show_default=False,
        help="Articles to fuse: .txt, .html/.htm or .jsonl files, folders (read recursively), "
        'http(s):// pages, RSS/Atom feeds, or - for stdin (JSONL, one {"id", "text"} object '
        "per line, or one plain-text article). Several events in them get a brief each.",
    ),
    words: int = typer.Option(
        DEFAULT_WORDS, "--words", "-w", min=1, metavar="N", help="Word budget of the summary."
    ),
    output_format: str = typer.Option(
        Format.markdown.value,
        "--format",
        "-f",
        callback=lambda value: _choice(Format, value),
        metavar="[markdown|json|html]",
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
    event: str | None = typer.Option(
        None, "--event", "-e", metavar="ID", help="Print the stored brief of event ID (see events)."
    ),
    db: str = _DB_OPTION,
    largest: bool = typer.Option(
        False, "--largest", help="When PATH... holds several events, brief only the largest."
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
        False,
        "--quiet",
        "-q",
        help="No progress bar, and one count on stderr instead of a line per skipped input "
        "and warning (the brief still lists them). Errors are still said.",
    ),
) -> None:
    """Read the articles at PATH... and print one brief: a cited summary, its sources and
    which of them are copies of one another.

    With --event ID, print the brief the store (--db) keeps for that event instead.

    Inputs that cannot be used are listed on stderr as 'skipped: <input>: <reason>', inputs
    read with a change as 'warning: <input>: <what>' (with --quiet, only counted). With
    several events, each brief notes the warnings about its own articles; the skipped inputs
    and other warnings are the run's, said once (in Markdown and HTML, after the last brief).
    Exit code 0 if a summary was made, 2 if nothing could be summarised (no usable input, or
    no sentence fits in the budget).
    """
    if output is not None:
        _check_writable(output)
    if event is None and not paths:
        typer.echo(
            "Usage: newsfuse brief [OPTIONS] [PATH...]\nTry 'newsfuse brief --help' for help.\n\n"
            "Error: Missing argument 'PATH...' (or --event ID).",
            err=True,
        )
        raise typer.Exit(2)
    if event is not None and paths:
        raise typer.BadParameter("give PATH... to fuse, or --event ID, not both")
    show_progress = not quiet and sys.stderr.isatty()
    try:
        with _stdout_to_stderr(), _ProgressBar(show_progress) as bar:
            if event is not None:
                results, warnings = [_stored_brief(db, event, words)], list[str]()
                run_skipped, run_warnings = list[Skipped](), list[str]()
            else:
                run_skipped, run_warnings, results, warnings = _brief_each_event(
                    paths or [], words, largest, show_progress, bar.update, quiet
                )
    except KeyboardInterrupt:
        typer.echo("interrupted", err=True)
        raise typer.Exit(130)
    # A run of one event: its brief holds the run's skips and warnings. Of several: each
    # brief holds the warnings about its own articles; the rest belong to the run, once.
    run = _merged_skips(results, run_skipped)
    if quiet:
        _report_count(len(run), len(warnings))
    else:
        _report_skipped(run)
        for w in warnings:
            typer.echo(f"warning: {w}", err=True)
    if not any(r.articles for r in results):
        typer.echo("nothing to summarise: no usable article", err=True)
        raise typer.Exit(EXIT_NOTHING_USABLE)
    limits = _limits(max_items)
    text = _render_all(results, Format(output_format), limits, run_skipped, run_warnings)
    if output is not None:
        try:
            output.write_text(text, encoding="utf-8")
        except OSError as e:
            typer.echo(f"error: cannot write --output {output}: {_os_reason(e)}", err=True)
            raise typer.Exit(1)
        if not quiet:
            typer.echo(f"wrote {output}", err=True)
    elif output_format == Format.markdown and _is_terminal():
        from rich.console import Console
        from rich.markdown import Markdown

        Console().print(Markdown(text))
    else:
        # Raw text (no rich markup) so the output pipes into jq, a file or another tool.
        typer.echo(text, nl=not text.endswith("\n"))
    if not any(r.summary for r in results):
        # The brief (facts, timeline...) is still written; the exit code says the summary
        # is empty, as the README promises, and the brief's own note says why.
        why = next((r.summary_note for r in results if r.summary_note), None)
        typer.echo(f"nothing summarised: {why or 'no sentence fits in the budget'}", err=True)
        raise typer.Exit(EXIT_NOTHING_USABLE)


def _limits(max_items: int | None) -> RenderSettings:
    """The section caps: the defaults, or ``max_items`` for every section."""
    if max_items is None:
        return DEFAULT.render
    return RenderSettings(**{f.name: max_items for f in fields(RenderSettings)})


def _with_warnings(result: Brief, warnings: list[str]) -> Brief:
    """``result`` with the reader's warnings added to its notes."""
    if not warnings:
        return result
    return result.model_copy(update={"notes": (*result.notes, *warnings)})


def _about(warning: str, brief: Brief, origins: dict[str, str]) -> bool:
    """Whether a reader's warning ("INPUT: what") is about one of ``brief``'s articles (the
    readers open each warning with the article's input: its file and line, URL or id)."""
    for a in brief.articles:
        for name in (origins.get(a.id), a.id):
            if name and warning.startswith(f"{name}: "):
                return True
    return False


class _ProgressBar:
    """A progress bar on stderr of work reported as ``update(stage, done, total)`` (fuse's
    stages, add's articles and briefs), shown only once a run has taken
    :data:`PROGRESS_AFTER_SECONDS` (a quick run should not flash a bar)."""

    def __init__(
        self,
        enabled: bool,
        title: str = "Briefing",
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.enabled = enabled
        self.title = title
        self.clock = clock  # its own, so a test's clock is not rich's refresh thread's too
        self.started = clock()
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
            if self.clock() - self.started < PROGRESS_AFTER_SECONDS:
                return
            from rich.console import Console
            from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

            self._bar = Progress(
                TextColumn("{task.description:<22}"),
                BarColumn(),
                TextColumn("{task.completed}/{task.total}"),
                TimeElapsedColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self._bar.start()
            self._task = self._bar.add_task("", total=total)
        self._bar.update(
            self._task, completed=done, total=total, description=f"{self.title}: {stage}"
        )


def _is_terminal() -> bool:
    # Rendered Markdown is for a person at a terminal; a pipe or file gets the raw Markdown.
    return sys.stdout.isatty()


def _report_skipped(skipped: list[Skipped]) -> None:
    # Plain echo, not rich: paths and reasons may contain [brackets] rich would read as markup.
    for s in skipped:
        typer.echo(f"skipped: {s.input}: {s.reason}", err=True)
    if skipped:
        n = len(skipped)
        typer.echo(f"{n} input{'s' if n != 1 else ''} skipped", err=True)


def _report_count(skipped: int, warnings: int) -> None:
    """What --quiet leaves of the per-input lines: one count, if there is anything to count
    (the brief, or add's report, lists them)."""
    said = []
    if skipped:
        said.append(f"{skipped} input{'s' if skipped != 1 else ''} skipped")
    if warnings:
        said.append(f"{warnings} warning{'s' if warnings != 1 else ''}")
    if said:
        typer.echo(f"{', '.join(said)} (run without --quiet to list them)", err=True)


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
        there = parent.exists() or parent.is_symlink()
        _cannot_write(
            output, f"{parent} is not a folder" if there else f"folder {parent} does not exist"
        )
    if not os.access(output if exists else parent, os.W_OK):
        _cannot_write(output, "permission denied")


def _cannot_write(output: Path, reason: str) -> NoReturn:
    typer.echo(f"error: cannot write --output {output}: {reason}", err=True)
    raise typer.Exit(EXIT_USAGE)


def _one_of_each_text(articles: list[Article]) -> tuple[list[Article], list[Skipped]]:
    """``articles`` (cleaned) with each text once: the same report read twice (a data set's
    folder of files beside its JSONL of the same articles) is one witness, not two, and would
    double the run. The others are skipped, naming the one kept."""
    from newsfuse.sources import text_hash

    first: dict[str, Article] = {}
    kept: list[Article] = []
    copies: list[Skipped] = []
    for a in articles:
        same = first.setdefault(text_hash(a.body), a)
        if same is a:
            kept.append(a)
        else:
            reason = f"same text as {same.origin or same.id}: read once"
            copies.append(Skipped(input=a.origin or a.id, reason=reason))
    return kept, copies


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


# --- the stream: add, events, brief --event, several events in brief PATH... ---------------


class EventsFormat(StrEnum):
    table = "table"
    json = "json"


@app.command(cls=_Command, short_help="Add articles to the store, each assigned to an event.")
def add(
    sources: list[str] = typer.Argument(
        ...,
        metavar="SOURCE...",
        show_default=False,
        help="What brief reads (files, folders, .jsonl, -), http(s):// pages and RSS/Atom "
        "feeds (by URL, or .rss/.atom/.xml files; in a folder, its .rss and .atom files).",
    ),
    db: str = _DB_OPTION,
    progress: bool = typer.Option(
        True, "--progress/--no-progress", help="Progress bar on stderr (only at a terminal)."
    ),
    listing: bool = typer.Option(
        False, "--list", "-l", help="One line per new article on stdout: its id and event."
    ),
    quiet: bool = typer.Option(
        False,
        "--quiet",
        "-q",
        help="No progress bar, and one count on stderr instead of a line per skipped input, "
        "duplicate and warning. Errors are still said.",
    ),
) -> None:
    """Read every SOURCE, store each article once (a URL or text already stored is a
    duplicate), assign it to an existing event or a new one, and refresh the briefs of the
    events that got articles. Running the same add again adds nothing.

    Skipped inputs, duplicates and warnings are listed on stderr (with --quiet, only counted);
    a summary goes to stdout. Exit code 0, or 2 if no input could be read at all.
    """
    store = _open_store(db, create=True)
    try:
        with (
            _database_errors(store.location, "every finished batch is stored; run add again"),
            _stdout_to_stderr(),
            _ProgressBar(progress and not quiet and sys.stderr.isatty(), "Adding") as bar,
        ):
            report = store.add(sources, progress=bar.update)
    except KeyboardInterrupt:
        typer.echo("interrupted: every finished batch is stored; run add again to go on", err=True)
        raise typer.Exit(130)
    finally:
        store.close()
    _report_add(report, listing, quiet)
    typer.echo(_add_summary(report, store.location))
    if report.articles and all(a.status == "skipped" for a in report.articles):
        raise typer.Exit(EXIT_NOTHING_USABLE)


@app.command(cls=_Command, short_help="List the events in the store, newest first.")
def events(
    db: str = _DB_OPTION,
    since: str | None = typer.Option(
        None, "--since", metavar="DATE", help="Only events dated on or after DATE (YYYY-MM-DD)."
    ),
    output_format: str = typer.Option(
        EventsFormat.table.value,
        "--format",
        "-f",
        callback=lambda value: _choice(EventsFormat, value),
        metavar="[table|json]",
        help="A table for a person, or JSON for a program.",
    ),
) -> None:
    """The events of the store: id, date, place, articles, independent sources, conflicts,
    last update and title. --format json prints a list of {"id", "title", "date", "where",
    "articles", "independent_sources", "conflicts", "updated"}."""
    day = _parse_day(since) if since else None
    store = _open_store(db, create=False)
    try:
        with _database_errors(store.location):
            listed = store.events(since=day)
    finally:
        store.close()
    if output_format == EventsFormat.json:
        typer.echo(json.dumps([_event_json(e) for e in listed], indent=2, ensure_ascii=False))
        return
    typer.echo(_events_table(listed, store.location))


def _open_store(db: str, *, create: bool) -> newsfuse.Store:
    from newsfuse.store import StoreError

    try:
        return newsfuse.Store(db, create=create)
    except StoreError as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(1)


@contextmanager
def _database_errors(location: str, after: str = "") -> Iterator[None]:
    """A database failing under a command (a store another program damaged, a server gone
    mid-run) is one line naming the store and the database's reason, not a traceback."""
    import sqlalchemy as sa

    try:
        yield
    except sa.exc.SQLAlchemyError as e:
        reason = " ".join(str(getattr(e, "orig", None) or e).split())[:300]
        typer.echo(
            f"error: the store {location}: {reason}{'; ' + after if after else ''}", err=True
        )
        raise typer.Exit(1)


def _stored_brief(db: str, event_id: str, words: int) -> Brief:
    from newsfuse.store import UnknownEvent

    store = _open_store(db, create=False)
    try:
        with _database_errors(store.location):
            return store.brief(event_id, words=words)
    except UnknownEvent as e:
        typer.echo(f"error: {e} (newsfuse events lists them)", err=True)
        raise typer.Exit(1)
    finally:
        store.close()


def _brief_each_event(
    paths: list[str],
    words: int,
    largest: bool,
    show_progress: bool,
    progress: Callable[[str, int, int], None],
    quiet: bool = False,
) -> tuple[list[Skipped], list[str], list[Brief], list[str]]:
    """One brief per event found in ``paths`` (only the largest with ``largest``), each with
    the readers' warnings about its articles in its notes; then the run's own skips and
    warnings (with several events: those about no one brief; with one, its brief holds all
    and these are empty). Returned as (run skips, run warnings, briefs, every warning once,
    for stderr)."""
    from newsfuse.events import group
    from newsfuse.fusion import clean, dates, screen
    from newsfuse.models import Articles
    from newsfuse.sources import length_warning, read_sources

    max_words = DEFAULT.clean.max_words  # fuse reads with the default settings
    articles = read_sources(paths, progress=show_progress)
    skipped = list(articles.skipped)
    groups = [list(articles)]
    if len(articles) > 1:
        # Grouping reads clean text, and only of articles fuse can use (the others would
        # open events of their own); each group then gets its articles as read, in input
        # order, and fuse cleans them itself.
        cleaned = [dates.with_publication_date(clean.clean(a)) for a in articles]
        usable, rejected = screen.screen(cleaned)
        skipped += rejected
        usable, copies = _one_of_each_text(usable)
        skipped += copies
        order = {a.id: i for i, a in enumerate(articles)}
        found = [sorted(g, key=lambda a: order[a.id]) for g in group(usable, newsfuse.Settings())]
        groups = sorted(
            ([articles[order[a.id]] for a in g] for g in found), key=lambda g: order[g[0].id]
        )
    several = len(groups) > 1
    if several:
        n = len(groups)
        if largest:
            groups = [max(groups, key=len)]  # max keeps the first of equal sizes
            found_line = f"found {n} events; briefing the largest ({len(groups[0])} articles)"
        else:
            found_line = f"found {n} events"
        if not quiet:
            typer.echo(found_line, err=True)
    briefs = [
        newsfuse.fuse(
            Articles(g, skipped=[] if several else skipped), words=words, progress=progress
        )
        for g in groups or [[]]
    ]
    read_skips = {(s.input, s.reason) for s in articles.skipped}
    origins = {a.id: a.origin for a in articles if a.origin}
    briefs = [_inputs_named(b, read_skips, origins) for b in briefs]
    out: list[Brief] = []
    placed: set[str] = set()
    every = list(articles.warnings)  # for stderr: each once
    for b in briefs:
        cut = [
            said
            for a in b.articles
            if (said := length_warning(a.removed_lines, origins.get(a.id, a.id), max_words))
        ]
        own = [w for w in articles.warnings if not several or _about(w, b, origins)]
        placed.update(own)
        out.append(_with_warnings(b, [*own, *cut]))
        every += [w for w in cut if w not in every]
    run_warnings = [w for w in articles.warnings if w not in placed]
    run_skipped = _inputs_named_all(skipped, read_skips, origins) if several else []
    if len(out) == 1 and (run_skipped or run_warnings):
        # --largest: one brief is all the run prints, so it says what the run could not use
        one = out[0]
        out = [
            _with_warnings(one, run_warnings).model_copy(
                update={"skipped": (*one.skipped, *run_skipped)}
            )
        ]
        run_skipped, run_warnings = [], []
    return run_skipped, run_warnings, out, every


def _inputs_named_all(
    skipped: list[Skipped], read_skips: set[tuple[str, str]], origins: dict[str, str]
) -> list[Skipped]:
    """The skips as :func:`_inputs_named` names them."""
    return [
        s
        if (s.input, s.reason) in read_skips
        else s.model_copy(update={"input": origins.get(s.input, s.input)})
        for s in skipped
    ]


def _inputs_named(
    result: Brief, read_skips: set[tuple[str, str]], origins: dict[str, str]
) -> Brief:
    """Screening names an article it rejects by its id; name the input it was read from (the
    file and line, the URL), as the reader's own skips and ``newsfuse add`` do."""
    skipped = tuple(_inputs_named_all(list(result.skipped), read_skips, origins))
    return result.model_copy(update={"skipped": skipped})


def _render_all(
    results: list[Brief],
    output_format: Format,
    limits: RenderSettings,
    run_skipped: list[Skipped] = [],  # noqa: B006 (read only)
    run_warnings: list[str] = [],  # noqa: B006 (read only)
) -> str:
    """One brief as before; several, never merged: a JSON list, Markdown sections, one page,
    the last two closed by the run's skipped inputs and warnings, once (JSON: stderr only)."""
    from newsfuse.render.markdown import markdown_to_html, run_markdown

    run = run_markdown(run_skipped, run_warnings, limits)
    if len(results) == 1:
        text = render(results[0], output_format.value, limits)
        return text + "\n" if output_format is Format.json else text
    if output_format is Format.json:
        return "[\n" + ",\n".join(r.to_json() for r in results) + "\n]\n"
    if output_format is Format.html:
        pages = [render(r, "html", limits) for r in results]
        bodies = [p.split("<main>\n", 1)[1].split("</main>", 1)[0] for p in pages]
        if run:
            bodies.append(markdown_to_html(run))
        head, _, _ = pages[0].partition("<main>\n")
        # The page holds every event: its title must not be the first event's alone.
        head = re.sub(r"<title>.*?</title>", f"<title>{len(results)} events</title>", head, count=1)
        return head + "<main>\n" + "<hr>\n".join(bodies) + "</main>\n</body>\n</html>\n"
    parts = [render(r, "markdown", limits).rstrip("\n") for r in results]
    return "\n\n---\n\n".join([*parts, *([run.rstrip("\n")] if run else [])]) + "\n"


def _merged_skips(results: list[Brief], run_skipped: list[Skipped]) -> list[Skipped]:
    """Every skip of the run and of ``results``, once each."""
    seen: dict[tuple[str, str], Skipped] = {}
    for s in [*run_skipped, *(s for r in results for s in r.skipped)]:
        seen.setdefault((s.input, s.reason), s)
    return list(seen.values())


def _report_add(report: AddReport, listing: bool, quiet: bool = False) -> None:
    # Plain echo, not rich: inputs and reasons may contain [brackets] rich would read as markup.
    if quiet:
        _report_count(report.count("skipped"), len(report.warnings))
    for a in report.articles:
        if quiet and a.status != "new":
            continue
        if a.status == "skipped":
            typer.echo(f"skipped: {a.input}: {a.reason}", err=True)
        elif a.status == "duplicate":
            typer.echo(f"duplicate: {a.input}: {a.reason}", err=True)
        elif listing:
            kind = "new event" if a.new_event else "event"
            typer.echo(f"added: {a.id} -> {kind} {a.event_id}")
    for w in [] if quiet else report.warnings:
        typer.echo(f"warning: {w}", err=True)


def _add_summary(report: AddReport, location: str) -> str:
    new = report.count("new")
    opened = len(report.new_events)
    parts = [
        f"added {new} article{'s' if new != 1 else ''} ({opened} to new events, "
        f"{new - opened} to existing ones)",
        f"{report.count('duplicate')} duplicate{'s' if report.count('duplicate') != 1 else ''}",
        f"{report.count('skipped')} skipped",
        f"{len(report.refreshed)} brief{'s' if len(report.refreshed) != 1 else ''} refreshed",
    ]
    return ", ".join(parts) + f"; store: {location}"


def _event_json(e: EventSummary) -> dict[str, object]:
    # The model's own JSON, as GET /api/v1/events gives it: one shape for both.
    return e.model_dump(mode="json")


def _events_table(listed: list[EventSummary], location: str) -> str:
    n = len(listed)
    lines = [f"store: {location} ({n} event{'s' if n != 1 else ''})"]
    if not listed:
        return lines[0]
    header = ("id", "date", "where", "articles", "sources", "conflicts", "updated", "title")
    rows = [
        (
            e.id,
            e.date.isoformat() if e.date else "-",
            _cut(e.where or "-", 20),
            str(len(e.articles)),
            "-" if e.independent_sources is None else str(e.independent_sources),
            "-" if e.conflicts is None else str(e.conflicts),
            e.updated.strftime("%Y-%m-%d %H:%M"),
            _cut(e.title or "(brief not made yet)", 70),
        )
        for e in listed
    ]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header) - 1)]
    for r in [header, *rows]:
        cells = [
            c.ljust(w) if i in (0, 2) else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths))
        ]
        lines.append("  ".join([*cells, r[-1]]).rstrip())
    return "\n".join(lines)


def _cut(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _parse_day(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)", param_hint="'--since'")


# --- the web app -------------------------------------------------------------------------


def _loopback(host: str) -> bool:
    """Whether only this machine reaches ``host`` (127.0.0.0/8, ::1, localhost): the app
    may listen there without a token."""
    import ipaddress

    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@app.command(cls=_Command, short_help="Serve the web app and REST API over the store.")
def serve(
    db: str = _DB_OPTION,
    host: str = typer.Option(
        "127.0.0.1",
        "--host",
        metavar="HOST",
        help="Address to listen on (one beyond loopback needs NEWSFUSE_TOKEN).",
    ),
    port: int = typer.Option(
        8000, "--port", min=0, max=65535, metavar="PORT", help="Port to listen on."
    ),
    allow_private: bool = typer.Option(
        False,
        "--allow-private",
        help="Let URLs added through the app point at private, loopback or link-local "
        "addresses (off: the server refuses them, against request forgery).",
    ),
    workers: int | None = typer.Option(
        None,
        "--workers",
        min=1,
        metavar="N",
        help="Server processes, each with its own connections and page cache "
        "(default WebSettings.workers: one per CPU, at most 2).",
    ),
) -> None:
    """Serve the events, their briefs and articles as web pages (http://HOST:PORT/) and the
    REST API under /api/v1 (documented at /docs), over the store --db.

    Adding articles (the add form, POST /api/v1/articles) needs the token in NEWSFUSE_TOKEN
    when it is set; on a host beyond loopback (127.0.0.0/8, ::1, localhost) it must be set.
    """
    token = os.environ.get("NEWSFUSE_TOKEN") or None
    if not _loopback(host) and token is None:
        typer.echo(
            f"error: --host {host} reaches beyond this machine: set NEWSFUSE_TOKEN (the token "
            "adding articles will need), or serve on 127.0.0.1",
            err=True,
        )
        raise typer.Exit(EXIT_USAGE)
    import uvicorn

    from newsfuse.store import Store, StoreError
    from newsfuse.web.app import FACTORY, ServeConfig, create_app

    settings = DEFAULT.web
    count = workers or settings.workers or min(2, os.cpu_count() or 1)
    try:
        # Opened (created, migrated) here once, not by each server process at the same time.
        with Store(db) as store:
            location = store.location
        web = create_app(db, token=token, allow_private=allow_private) if count == 1 else None
    except StoreError as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(1)
    shown = f"[{host}]" if ":" in host else host
    problem = _cannot_listen(host, port)
    if problem:
        typer.echo(f"error: cannot listen on {shown}:{port}: {problem}", err=True)
        raise typer.Exit(1)
    many = f", {count} processes" if count > 1 else ""
    typer.echo(f"serving {location} at http://{shown}:{port}/{many}", err=True)
    options: dict[str, Any] = {
        "host": host,
        "port": port,
        "log_level": "warning",
        "timeout_keep_alive": settings.keep_alive_seconds,
    }
    if web is not None:
        uvicorn.run(web, **options)
        return
    os.environ.update(ServeConfig(db, token, allow_private).environ())
    _serve_processes(uvicorn.Config(FACTORY, factory=True, workers=count, **options))


def _cannot_listen(host: str, port: int) -> str | None:
    """Why the server could not listen on ``host``:``port`` (a port in use, a name that does
    not resolve), found before it says it is serving; None if it can."""
    import socket

    try:
        family, kind, proto, _, address = socket.getaddrinfo(
            host.strip("[]"), port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )[0]
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds
            probe.bind(address)
    except OSError as e:  # socket.gaierror included
        return e.strerror.lower() if e.strerror else str(e)
    return None


def _serve_processes(config: Any) -> None:
    """What ``uvicorn.run`` does for several workers, with TCP_NODELAY on the listening socket
    (accepted connections inherit it on Linux). uvicorn binds it with protocol 0, which its
    worker processes keep, and asyncio sets TCP_NODELAY only on sockets of protocol TCP:
    without it Nagle's algorithm and the client's delayed ACK put 40 ms on every answer of a
    kept-alive connection (measured: 44 ms p50 for a kept page, 0.8 ms in one process)."""
    import socket

    from uvicorn.supervisors import Multiprocess

    sock = config.bind_socket()
    if sock.family in (socket.AF_INET, socket.AF_INET6):
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    # Listening now, not when the first worker has loaded the app (uvicorn's workers call
    # listen() once started: 15 s after "serving ..." on a busy machine, every connection
    # meanwhile refused); a connection made before then waits in the backlog instead.
    sock.listen(config.backlog)
    Multiprocess(config, sockets=[sock]).run()
