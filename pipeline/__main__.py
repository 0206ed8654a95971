"""``python -m pipeline``: the command line."""

from .cli import app

app(prog_name="pipeline")
