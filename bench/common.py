"""What the benchmark scripts share: where the project, the corpora and the example are; timing."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
#: The corpora (``../shared/data`` beside the project): ``train/``, ``dev/``, ``test/``.
DATA_DIR = ROOT.parent / "shared" / "data"
EXAMPLE = ROOT / "examples" / "yangxi.txt"


def example_text() -> str:
    """The project's example article."""
    return EXAMPLE.read_text(encoding="utf-8")


def timed(function: Callable[..., Any], *args: Any) -> tuple[float, Any]:
    """Seconds one call of ``function(*args)`` takes, and what it returned (or the exception it raised)."""
    start = time.perf_counter()
    try:
        result = function(*args)
    except Exception as error:  # a refusal (InputError) is a fine answer to hostile input
        result = error
    return time.perf_counter() - start, result


def best_of(repeat: int, function: Callable[..., Any], *args: Any) -> tuple[float, Any]:
    """The fastest of ``repeat`` timed calls, and the last result."""
    runs = [timed(function, *args) for _ in range(repeat)]
    return min(seconds for seconds, _ in runs), runs[-1][1]
