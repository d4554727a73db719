"""Where the example's time goes: beam search and the span features alone, side by side, and the rest.

    python bench/profile_stages.py                       # torch-int8, the example article
    python bench/profile_stages.py --backend torch --runs 10 FILE

The guard's two big stages run on two threads at once (beam search for the n-best lines; the span
selector's features and the ranker's scores).  This prints, for one article, each stage alone on the
calling thread, both side by side as ``Summarizer`` runs them, and the whole ``summarize`` call, with the
CPU time of each next to its wall time: a stage whose CPU time exceeds its wall time is using more than
one core (as numpy's BLAS threads did before the forty-sixth session), and a side-by-side time well above
the slower stage alone means the two stages slow each other down.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import yxsumm.guarded_generation as guarded
from yxsumm import Summarizer

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "yangxi.txt"


def timed(work: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median wall time and mean CPU time (process-wide) of ``work`` over ``runs`` calls, in ms, after one warm-up."""
    work()
    walls: list[float] = []
    cpu_start = time.process_time()
    for _ in range(runs):
        start = time.perf_counter()
        work()
        walls.append(time.perf_counter() - start)
    return statistics.median(walls) * 1000, (time.process_time() - cpu_start) / runs * 1000


def captured_jobs(summarizer: Summarizer, text: str) -> dict[str, Any]:
    """The arguments ``summarize(text)`` hands to the guarded generation (jobs, model, options)."""
    seen: dict[str, Any] = {}
    original = guarded._chosen_lines

    def capture(model: Any, tokenizer: Any, assets: Any, jobs: Any, **options: Any) -> Any:
        seen.update(model=model, tokenizer=tokenizer, assets=assets, jobs=jobs, options=options)
        return original(model, tokenizer, assets, jobs, **options)

    guarded._chosen_lines = capture
    try:
        summarizer.summarize(text)
    finally:
        guarded._chosen_lines = original
    return seen


def main() -> None:
    """Print the stages' wall and CPU times for one article."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("file", nargs="?", default=str(EXAMPLE))
    parser.add_argument("--backend", default="torch-int8", choices=["torch", "torch-int8"])
    parser.add_argument("--runs", type=int, default=8)
    args = parser.parse_args()
    text = Path(args.file).read_text(encoding="utf-8")
    summarizer = Summarizer(backend=args.backend, cache_size=0)
    seen = captured_jobs(summarizer, text)
    if not seen or seen["assets"].selector is None:
        raise SystemExit("this article needs no generation, or the guard has no span selector")
    tasks = [task for task, _, _ in seen["jobs"]]
    texts = [source for _, source, _ in seen["jobs"]]
    selector = seen["assets"].selector

    def generate() -> object:
        options = {**seen["options"], "capped_out": []}
        return guarded.generate_candidates(seen["model"], seen["tokenizer"], texts, task=tasks, **options)

    def features() -> object:
        return selector.features_and_scores(texts, tasks)

    pool = ThreadPoolExecutor(max_workers=1)

    def side_by_side() -> object:
        pending = pool.submit(features)
        generate()
        return pending.result()

    stages = [
        ("beam search alone", generate),
        ("span features alone", features),
        ("both side by side", side_by_side),
        ("summarize (all of it)", lambda: summarizer.summarize(text)),
    ]
    print(f"{len(texts)} inputs, backend {args.backend}, {args.runs} runs each (wall: median; CPU: mean)")
    for name, work in stages:
        wall, cpu = timed(work, args.runs)
        print(f"{name:24s} wall {wall:7.1f} ms   CPU {cpu:7.1f} ms")
    pool.shutdown()


if __name__ == "__main__":
    main()
