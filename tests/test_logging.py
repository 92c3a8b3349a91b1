"""The package logs through the standard logging module and stays silent unless asked."""

import logging

from typer.testing import CliRunner

import newsfuse
from newsfuse.cli import app


def test_the_package_logger_has_a_null_handler_as_libraries_do():
    handlers = logging.getLogger("newsfuse").handlers
    assert any(isinstance(h, logging.NullHandler) for h in handlers)
    assert newsfuse.__version__


def test_verbose_sends_the_logger_to_stderr(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(
        "North Korea blew up an inter-Korean liaison office in its border town of Kaesong on "
        "Tuesday, three days after Kim Yo Jong warned of action against the South.\n",
        encoding="utf-8",
    )
    logger = logging.getLogger("newsfuse")
    before = list(logger.handlers)
    try:
        result = CliRunner().invoke(app, ["-v", "brief", str(article), "--format", "json"])
        added = [h for h in logger.handlers if h not in before]
        assert result.exit_code == 0, result.output
        assert any(isinstance(h, logging.StreamHandler) for h in added)
        assert logger.level == logging.INFO
        # Each stage's time is logged, so a long run shows where it is.
        assert "newsfuse.fusion.pipeline: fuse: summary took" in result.stderr
        assert "newsfuse.sources.files: read: 1 articles, 0 inputs skipped" in result.stderr
    finally:
        for h in list(logger.handlers):
            if h not in before:
                logger.removeHandler(h)
        logger.setLevel(logging.NOTSET)
