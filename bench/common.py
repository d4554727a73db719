"""What the benchmark scripts share: where the project, the corpora and the example are; timing; the guard's
candidates of a ``tune_guard.py`` cache item."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from yxsumm.guard import Candidate

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


def cached_candidates(item: dict, use_span: bool = True) -> tuple[list[Candidate], str]:
    """The guard's candidates of one ``bench/tune_guard.py`` cache item, as they would be printed (the
    n-best lines, then the span unless ``use_span`` is false), and the line printed when none passes."""
    from yxsumm.generation import finished_lines
    from yxsumm.guard import Candidate  # imported here: the other scripts need no guard
    from yxsumm.guarded_generation import extractive_fallback
    from yxsumm.postprocess import finish_line

    source = item["text"]
    finished = finished_lines(item["nbest"], item.get("capped", ()), source)  # cut by the length cap: none
    candidates = [Candidate(finish_line(t, source), "model", s, rank) for rank, (t, s) in enumerate(finished)]
    if use_span and item["span"]:
        candidates.append(Candidate(finish_line(item["span"][0], source), "span", item["span"][1]))
    fallback = finish_line(item["span"][0] if item["span"] else extractive_fallback(source), source)
    return candidates, fallback
