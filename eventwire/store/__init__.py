"""The embedded event store (DuckDB): Store, and the dedup rules it files events under."""

from .dedup import Anchor, event_key
from .duckdb import Store
from .schema import SCHEMA_VERSION

__all__ = ["SCHEMA_VERSION", "Anchor", "Store", "event_key"]
