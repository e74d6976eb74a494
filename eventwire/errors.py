"""Every error eventwire raises on purpose, in one tree.

    EventwireError                 root: the CLI catches it, prints one line, exits 1
    ├── InputError                 an input cannot be read or is not a story (names the input)
    │   └── InputTooLargeError     an input is over the size limit (names the limit)
    ├── ModelError                 no usable spaCy pipeline is installed, or --model names a bad one
    ├── KnowledgeError             a knowledge file (CAMEO table, lexicon, actor dictionary) is malformed
    ├── ConfigError                a setting or option has a bad value
    └── StoreError                 the event store cannot be opened or written

Messages say which input was wrong, what was wrong with it, and how to fix it.
"""

from __future__ import annotations


class EventwireError(Exception):
    """Root of all errors eventwire raises deliberately."""


class InputError(EventwireError):
    """An input cannot be read or does not hold a story."""

    def __init__(self, source: str, problem: str) -> None:
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: {problem}")


class InputTooLargeError(InputError):
    """An input is larger than the configured limit."""


class ModelError(EventwireError):
    """No usable spaCy pipeline could be loaded."""


class KnowledgeError(EventwireError):
    """A knowledge data file is missing or malformed."""


class ConfigError(EventwireError):
    """A setting has an unusable value."""


class StoreError(EventwireError):
    """The event store cannot be opened or written."""
