"""Settings: one table of (name, default, help), read into one frozen object.

Every coding entry point takes a ``Settings`` instead of a growing list of keyword flags (the lesson of
trafilatura's 25-flag ``extract()``). Values come from the defaults below, then ``EVENTWIRE_<NAME>``
environment variables, then explicit overrides (the CLI's options).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from typing import Any

from .errors import ConfigError


def _flag(raw: str) -> bool:
    if raw.lower() not in ("1", "0", "true", "false", "yes", "no"):
        raise ValueError(raw)
    return raw.lower() in ("1", "true", "yes")


def _count(raw: str) -> int:
    if int(raw) < 1:
        raise ValueError(raw)
    return int(raw)


def _paths(raw: str) -> tuple[str, ...]:
    return tuple(p for p in raw.split(os.pathsep) if p)


@dataclass(frozen=True, slots=True)
class Setting:
    """One documented setting, and how its EVENTWIRE_<NAME> environment value is read."""

    name: str
    default: Any
    help: str
    parse: Callable[[str], Any] = str


#: The one table of settings; the ``Settings`` fields below must match it (a test checks).
SETTINGS: tuple[Setting, ...] = (
    Setting("model", None, "Installed spaCy pipeline to load (default: en_core_web_sm, else its re-package)."),
    Setting("keep_statements", False, "Keep bare 'make statement' (010) events, dropped by default.", _flag),
    Setting("keep_unknown_actors", False, "Also code events whose agent is no known actor (source '---').", _flag),
    Setting("actor_files", (), "Extra actor dictionaries (YAML/TSV or PETRARCH .actors) over the built-in ones.",
            _paths),
    Setting("max_bytes", 10 * 1024 * 1024, "Refuse a single input larger than this many bytes.", _count),
    Setting("batch_size", 64, "Documents per spaCy nlp.pipe batch.", _count),
    Setting("explain", False, "Record why each trigger candidate was kept or dropped (code --why, explain).", _flag),
    Setting("wordnet", False, "Also read verbs the lexicon does not list as their WordNet neighbour (less precise).",
            _flag),
    Setting("workers", None, "Worker processes (local) or Ray actors coding in parallel; default: usable CPUs.",
            _count),
)


@dataclass(frozen=True, slots=True)
class Settings:
    """How eventwire reads and codes: see ``SETTINGS`` for what each field means."""

    model: str | None = None
    keep_statements: bool = False
    keep_unknown_actors: bool = False
    actor_files: tuple[str, ...] = ()
    max_bytes: int = 10 * 1024 * 1024
    batch_size: int = 64
    explain: bool = False
    wordnet: bool = False
    workers: int | None = None

    def with_(self, **overrides: Any) -> Settings:
        """A copy with the given fields changed; None values are ignored (an option not given)."""
        known = {f.name for f in fields(self)}
        unknown = set(overrides) - known
        if unknown:
            raise ConfigError(f"unknown setting(s) {sorted(unknown)}: known are {sorted(known)}")
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})


def settings_from_env(environ: dict[str, str] | None = None, **overrides: Any) -> Settings:
    """Defaults, then EVENTWIRE_<NAME> environment variables, then explicit overrides."""
    env = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    for s in SETTINGS:
        raw = env.get(f"EVENTWIRE_{s.name.upper()}")
        if raw is None:
            continue
        values[s.name] = _convert(s, raw)
    return Settings().with_(**values).with_(**overrides)


def _convert(setting: Setting, raw: str) -> Any:
    try:
        return setting.parse(raw)
    except ValueError:
        raise ConfigError(
            f"EVENTWIRE_{setting.name.upper()}={raw!r} is not a valid value for {setting.name}: {setting.help}"
        ) from None
