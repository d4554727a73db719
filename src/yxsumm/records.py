"""One record per input file: what both batch engines (local processes and Ray) compute.

A record is :func:`~yxsumm.results.result_record`: the file's ``source`` path (relative to the input folder,
valid UTF-8), the summary's fields and ``error`` (None on success).  A file that cannot be read or
structured gets an error record; the others of its chunk are still summarised.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .deadline import time_limit as stop_after
from .errors import YxsummError
from .results import result_record
from .structure import Article
from .summarizer import Summarizer
from .textio import read_text_file

logger = logging.getLogger(__name__)

#: Files summarised per model call in one process (sections of all of them share batches).
FILES_PER_CALL = 32
#: Files handed to one worker process or Ray actor at a time.
FILES_PER_WORKER_TASK = 16
#: Seconds one file may take by default (``yxsumm batch --time-limit``); past it the file gets an
#: error record and the run goes on.
DEFAULT_FILE_TIME_LIMIT = 300.0


def record_path(path: Path, root: Path) -> str:
    """The ``source`` field of a file's record: relative to ``root``, always valid UTF-8.

    A file name that is not valid UTF-8 (common in zips made on Windows) is written with its odd bytes
    escaped (``\\xb2``), the same way on every run, so resume recognises it.
    """
    name = str(path.relative_to(root)) if path.is_relative_to(root) else str(path)
    return os.fsencode(name).decode("utf-8", errors="backslashreplace")


def _error_record(name: str, error: Exception, doing: str) -> dict[str, Any]:
    """The record of a file that failed: yxsumm's own message, or the exception's type and message (logged)."""
    if isinstance(error, YxsummError):
        return result_record(name, None, str(error))
    logger.exception("failed to %s %s", doing, name)
    return result_record(name, None, f"{type(error).__name__}: {error}")


def summarize_paths(
    summarizer: Summarizer,
    paths: list[Path],
    root: Path,
    chunk_size: int = FILES_PER_CALL,
    time_limit: float | None = DEFAULT_FILE_TIME_LIMIT,
) -> Iterator[dict[str, Any]]:
    """Yield one record per path, summarising ``chunk_size`` files at a time (errors per file).

    ``time_limit`` is seconds per file (None: no limit).  A chunk gets the sum of its files' limits;
    when it fails (or runs out of time), its files are summarised one by one, each within its own limit,
    so one hostile file ends as an error record and the others still get their summaries.
    """
    for start in range(0, len(paths), chunk_size):
        parsed = []
        for path in paths[start : start + chunk_size]:
            name = record_path(path, root)
            try:
                with stop_after(time_limit):
                    parsed.append((name, summarizer.parse(read_text_file(path))))
            except Exception as error:
                yield _error_record(name, error, "read")
        if not parsed:
            continue
        try:
            with stop_after(time_limit * len(parsed) if time_limit else None):
                summaries = summarizer.summarize_articles([article for _, article in parsed])
        except Exception:  # one article broke (or slowed) the shared batch: summarise them one by one
            yield from _one_by_one(summarizer, parsed, time_limit)
            continue
        for (name, _), summary in zip(parsed, summaries, strict=True):
            yield result_record(name, summary)


def _one_by_one(
    summarizer: Summarizer, parsed: list[tuple[str, Article]], time_limit: float | None
) -> Iterator[dict[str, Any]]:
    for name, article in parsed:
        try:
            with stop_after(time_limit):
                yield result_record(name, summarizer.summarize_articles([article])[0])
        except Exception as error:
            yield _error_record(name, error, "summarise")
