"""Errors the user can fix and the limits they meet; cheap to import (no heavy modules)."""

from __future__ import annotations

DEFAULT_MAX_BYTES = 2_000_000  # 2 MB: far above any news article, far below a dump
DEFAULT_TIMEOUT = 20.0  # seconds for a URL fetch


class TrackerError(Exception):
    """A problem the user can fix; the message is one line."""


class UnknownPersonError(TrackerError):
    """No person (or more than one) matches a name."""


class IngestError(ValueError):
    """The input cannot become an article; the message is one line for the user."""
