"""``python -m newsfuse ...``: the ``newsfuse`` command, for where its script is not on PATH."""

from newsfuse.cli import app

app(prog_name="newsfuse")
