"""Commands for analysts: serve, brief, subscribe, plot."""

from __future__ import annotations
