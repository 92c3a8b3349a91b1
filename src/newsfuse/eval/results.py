"""Writing benchmark results safely, and refusing to run without data.

A results file in ``benchmarks/results/`` is committed: it is the project's record of what a
benchmark measured. A failed, interrupted or partial run must never replace it, so:

* :func:`write_results` serialises the whole report first, writes it to a temporary file in the
  target folder and atomically replaces the target only once that file is complete (a crash at
  any point leaves the old file as it was);
* :func:`finish_run` is what a runner calls at its end: it writes the report only if the run
  reported no problems, and otherwise leaves the old file and returns a non-zero exit code with
  a one-line message;
* :func:`require_path` makes a runner exit non-zero, with one line naming the missing input,
  before it measures anything.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, TextIO

__all__ = ["finish_run", "require_path", "write_results"]


def require_path(path: Path, what: str, *, kind: str = "any") -> Path:
    """``path`` if it exists (``kind``: "any", "file" or "dir"); else exit with one line.

    Raises ``SystemExit`` with the message (exit code 1), so a runner stops before it writes
    anything and the user sees what is missing, not a traceback.
    """
    ok = {"any": path.exists, "file": path.is_file, "dir": path.is_dir}[kind]()
    if not ok:
        expected = {"any": "", "file": " (a file)", "dir": " (a folder)"}[kind]
        raise SystemExit(f"error: {what} not found{expected}: {path}")
    return path


def write_results(path: Path, report: Mapping[str, Any]) -> Path:
    """Write ``report`` as indented UTF-8 JSON to ``path``, atomically; return ``path``.

    The JSON is built in memory first (a value that cannot be serialised raises before any
    file is touched), then written to a temporary file beside ``path``, flushed to disk and
    moved over ``path`` with ``os.replace`` (atomic on POSIX and Windows). On any error the
    temporary file is removed and ``path`` is unchanged.
    """
    text = json.dumps(report, indent=2, ensure_ascii=False) + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        # mkstemp makes the file private (0600); a results file is read like any other.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


def finish_run(
    path: Path,
    report: Mapping[str, Any],
    problems: Sequence[str] = (),
    *,
    stream: TextIO | None = None,
) -> int:
    """End a benchmark run: the exit code for ``sys.exit``.

    With no ``problems`` the report is written (:func:`write_results`) and 0 returned. With
    any (a system that raised, a set left out, a cut-short run), ``path`` is left untouched,
    one line naming the first problem and the count goes to ``stream`` (stderr) and 1 is
    returned: a partial run must not replace the committed figures.
    """
    out = sys.stderr if stream is None else stream
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        print(f"error: {path} not written: {problems[0]}{more}", file=out)
        return 1
    write_results(path, report)
    print(f"Wrote {path}.", file=out)
    return 0
