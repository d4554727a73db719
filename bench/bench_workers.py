"""How batch throughput grows with workers: ``yxsumm batch`` on N test articles, local and Ray engines.

    python bench/bench_workers.py [--articles 200] [--workers 1,2] [--engines local,ray] [--backend torch-int8]

Each run summarises the same folder of article files into a fresh JSON Lines file; the time includes
starting the workers (process pool or a local Ray) and loading one model per worker.  Local with one
worker runs in this process with all cores' threads; more workers are processes (or Ray actors) with
one thread each.
"""

from __future__ import annotations

import argparse
import functools
import json
import tempfile
import time
from pathlib import Path

from bench_speed import test_articles
from yxsumm import Summarizer
from yxsumm.batch import run_batch


def main() -> None:
    """Time the batch command for each engine and worker count; print a JSON table."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--engines", default="local,ray")
    parser.add_argument("--backend", default="torch-int8")
    parser.add_argument("--json", help="also write the numbers to this file")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        inputs = Path(folder) / "articles"
        inputs.mkdir()
        for number, text in enumerate(test_articles(args.articles)):
            (inputs / f"{number:04d}.txt").write_text(text, encoding="utf-8")
        factory = functools.partial(Summarizer, backend=args.backend)
        for engine in args.engines.split(","):
            for workers in [int(w) for w in args.workers.split(",")]:
                output = Path(folder) / f"{engine}-{workers}.jsonl"
                start = time.perf_counter()
                stats = run_batch(factory, inputs, output, workers=workers, engine=engine, progress=False)
                seconds = time.perf_counter() - start
                rows.append(
                    {
                        "engine": engine,
                        "workers": workers,
                        "articles": stats.done,
                        "failed": stats.failed,
                        "seconds": round(seconds, 1),
                        "articles_per_s": round(stats.done / seconds, 2),
                    }
                )
                print(json.dumps(rows[-1]), flush=True)
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
