"""Exceptions raised by yxsumm's public entry points."""

from __future__ import annotations


class YxsummError(Exception):
    """Base class of every error yxsumm raises on purpose."""


class InputError(YxsummError, ValueError):
    """The input text or file cannot be summarised (empty, binary, undecodable, too large, …)."""


class ModelLoadError(YxsummError, OSError):
    """A model folder or hub id could not be loaded (missing, corrupt, unsupported)."""


class MissingExtraError(YxsummError, ImportError):
    """A feature needs an optional extra that is not installed (``pip install "yxsumm[ray]"``)."""


class TimeLimitError(YxsummError, TimeoutError):
    """The work passed its time limit and was stopped (see :func:`yxsumm.time_limit`)."""
