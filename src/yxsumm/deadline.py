"""A time limit that stops the work, not only the wait for it.

``with time_limit(30): summarizer.summarize(text)`` sets a deadline for the code inside (per thread
and per asyncio task: a context variable).  The pipeline checks it between stages and before every
generation batch (:func:`check_time`), so work past its limit stops within one batch and raises
:class:`~yxsumm.TimeLimitError`; the web form and the batch command use it per request and per file.
Nested limits keep the earliest deadline.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from .errors import TimeLimitError

#: (deadline on the monotonic clock, the limit in seconds) of the innermost active limit.
_DEADLINE: ContextVar[tuple[float, float] | None] = ContextVar("yxsumm_deadline", default=None)


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Stop the work inside the block once ``seconds`` have passed (None or 0: no limit)."""
    if not seconds or seconds <= 0:
        yield
        return
    deadline = time.monotonic() + seconds
    outer = _DEADLINE.get()
    token = _DEADLINE.set(outer if outer is not None and outer[0] <= deadline else (deadline, seconds))
    try:
        yield
    finally:
        _DEADLINE.reset(token)


def check_time() -> None:
    """Raise :class:`~yxsumm.TimeLimitError` when the current time limit has passed."""
    limit = _DEADLINE.get()
    if limit is not None and time.monotonic() > limit[0]:
        raise TimeLimitError(f"stopped after the time limit of {limit[1]:g} s")
