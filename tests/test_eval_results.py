"""The results writer: a failed or partial run never replaces committed figures."""

import io
import json
import os
from pathlib import Path

import pytest

from newsfuse.eval import results
from newsfuse.eval.results import finish_run, require_path, write_results


def test_write_results_writes_json_and_leaves_no_temp_file(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "r.json"  # missing folder is created
    assert write_results(path, {"score": 0.5, "name": "Gießen"}) == path
    assert json.loads(path.read_text(encoding="utf-8")) == {"score": 0.5, "name": "Gießen"}
    assert path.read_text(encoding="utf-8").endswith("\n")
    assert os.listdir(path.parent) == ["r.json"]
    # readable by others as any file the user writes (mkstemp alone would make it 0600)
    umask = os.umask(0)
    os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask


def test_unserialisable_report_leaves_old_file_untouched(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    path.write_text('{"old": 1}\n')
    with pytest.raises(TypeError):
        write_results(path, {"bad": object()})
    assert path.read_text() == '{"old": 1}\n'
    assert os.listdir(tmp_path) == ["r.json"]


def test_crash_while_replacing_leaves_old_file_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "r.json"
    path.write_text('{"old": 1}\n')

    def boom(src: object, dst: object) -> None:
        raise OSError("disk gone")

    monkeypatch.setattr(results.os, "replace", boom)
    with pytest.raises(OSError, match="disk gone"):
        write_results(path, {"new": 2})
    assert path.read_text() == '{"old": 1}\n'
    assert os.listdir(tmp_path) == ["r.json"]


def test_finish_run_with_problems_keeps_old_file_and_fails(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    path.write_text('{"old": 1}\n')
    err = io.StringIO()
    code = finish_run(path, {"new": 2}, ["newsfuse raised on d30001t", "x"], stream=err)
    assert code == 1
    assert path.read_text() == '{"old": 1}\n'
    line = err.getvalue()
    assert line.count("\n") == 1  # one line
    assert "not written" in line and "d30001t" in line and "1 more" in line


def test_finish_run_without_problems_writes_and_succeeds(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    path.write_text('{"old": 1}\n')
    err = io.StringIO()
    assert finish_run(path, {"new": 2}, [], stream=err) == 0
    assert json.loads(path.read_text()) == {"new": 2}


def test_require_path_exits_non_zero_with_one_line(tmp_path: Path) -> None:
    missing = tmp_path / "nope" / "duc2004_task2.jsonl"
    with pytest.raises(SystemExit) as exc:
        require_path(missing, "DUC 2004 data")
    message = str(exc.value.code)
    assert exc.value.code != 0  # a string code exits with status 1
    assert "DUC 2004 data" in message and str(missing) in message and "\n" not in message


def test_require_path_checks_the_kind(tmp_path: Path) -> None:
    file = tmp_path / "f.txt"
    file.write_text("x")
    assert require_path(file, "gold", kind="file") == file
    assert require_path(tmp_path, "data", kind="dir") == tmp_path
    with pytest.raises(SystemExit):
        require_path(file, "data", kind="dir")
    with pytest.raises(SystemExit):
        require_path(tmp_path, "gold", kind="file")
