"""The command line: thin shells over the library; data to stdout, messages to stderr.

Commands live in modules by what they work on; importing them registers them on the group.
"""

from . import coding, serving, storage  # noqa: F401  (registers the commands)
from .app import cli, main

__all__ = ["cli", "main"]
