"""`python -m timeline` runs the command line."""

from .cli import app

app(prog_name="timeline")
