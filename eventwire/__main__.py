"""python -m eventwire → the CLI."""

from .cli import main

main()
