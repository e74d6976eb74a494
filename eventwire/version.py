"""Version strings: the package, and the coder (bumped when coding output changes)."""

__version__ = "0.1.0"
#: Part of every event_id: a changed coder yields new ids rather than silently different old ones.
# ew-coder-2 (2026-12-06): unresolved targets and organisation agents, conjuncts, embedded-clause modality.
CODER_VERSION = "ew-coder-2"
