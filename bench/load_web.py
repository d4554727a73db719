"""Load test of the web form over loopback: concurrent ordinary requests, optionally behind hostile ones.

    python bench/load_web.py [--requests 20] [--method model] [--model FOLDER]
    python bench/load_web.py --hostile 6 --requests 10 --time-limit 30 [--no-size-limit]

Starts the app on 127.0.0.1 (a free port) in this process.  Without ``--hostile`` it sends the example
article N times at once from N threads and reports errors and latencies.  With ``--hostile H`` it first
sends H large, slow requests at once (150,000-character articles of 300 sections, model method), so the
queue is full of them, then N ordinary requests (the example article), one every ``--interval`` seconds,
and reports p50/p95 of the ordinary ones and what became of the hostile ones.  ``--no-size-limit``
turns the web form's large-request rule off, for comparison.  It only ever talks to 127.0.0.1.
"""

from __future__ import annotations

import argparse
import socket
import statistics
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

from common import example_text
from yxsumm import Summarizer
from yxsumm.webapp import LARGE_REQUEST_CHARS, REQUEST_TIME_LIMIT, build_app


def hostile_text(seed: int) -> str:
    """A 150,000-character article of 300 different sections (different for each ``seed``: no cache hits)."""
    parts = []
    for i in range(300):
        sentence = f"本市第{i}次会议部署了第{seed}批第{i}项重点工作，要求各部门在{i % 12 + 1}月底前抓好落实。"
        parts.append(f"{i + 1}. 第{i + 1}项工作\n" + sentence * 14)
    return "\n".join(parts)[:150_000]


def percentile(values: list[float], share: float) -> float:
    """The ``share`` percentile (nearest rank) of ``values``."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=20, help="ordinary requests")
    parser.add_argument("--method", default="model", choices=["model", "lead", "textrank"])
    parser.add_argument("--model", default=None)
    parser.add_argument("--hostile", type=int, default=0, help="large slow requests sent first, all at once")
    parser.add_argument("--interval", type=float, default=1.0, help="seconds between ordinary requests (--hostile)")
    parser.add_argument("--time-limit", type=float, default=REQUEST_TIME_LIMIT, help="the app's per-request limit")
    parser.add_argument("--no-size-limit", action="store_true", help="turn the large-request rule off")
    args = parser.parse_args()

    from gradio_client import Client

    model = Summarizer(args.model)
    app = build_app(
        model,
        {"lead": Summarizer(method="lead"), "textrank": Summarizer(method="textrank")},
        time_limit=args.time_limit,
        large_request_chars=10**9 if args.no_size_limit else LARGE_REQUEST_CHARS,
    )
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    app.launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, quiet=True)
    url = f"http://127.0.0.1:{port}/"
    example = example_text()

    def one(text: str, method: str) -> tuple[float, str | None]:
        start = time.perf_counter()
        try:
            _, data, _, _ = Client(url, verbose=False).predict(text, None, method, 4, 40, 600, api_name="/summarize")
            assert data["sections"], "no sections"
            return time.perf_counter() - start, None
        except Exception as error:
            return time.perf_counter() - start, f"{type(error).__name__}: {error}"

    def ordinary(index: int) -> tuple[float, str | None]:
        # Vary the text a little so that the cache does not answer every request.
        return one(example.replace("2018年", f"{2000 + index}年", 1), args.method)

    start = time.perf_counter()
    hostile_results: list[tuple[float, str | None]] = []
    if args.hostile:
        threads = [
            threading.Thread(target=lambda seed=seed: hostile_results.append(one(hostile_text(seed), "model")))
            for seed in range(args.hostile)
        ]
        for thread in threads:
            thread.start()
        time.sleep(1.0)
        with ThreadPoolExecutor(max_workers=args.requests) as pool:
            futures = []
            for index in range(args.requests):
                futures.append(pool.submit(ordinary, index))
                time.sleep(args.interval)
            results = [future.result() for future in futures]
        for thread in threads:
            thread.join()
    else:
        with ThreadPoolExecutor(max_workers=args.requests) as pool:
            results = list(pool.map(ordinary, range(args.requests)))
    wall = time.perf_counter() - start
    app.close()
    latencies = [t for t, _ in results]
    errors = [e for _, e in results if e]
    print(
        f"{args.requests} ordinary requests ({args.method}): {len(errors)} errors, wall {wall:.1f} s, "
        f"latency p50 {statistics.median(latencies):.2f} s, p95 {percentile(latencies, 0.95):.2f} s, "
        f"max {max(latencies):.2f} s"
    )
    if args.hostile:
        outcomes = Counter(
            "ok" if error is None else "timed out" if "超时" in error else "turned away" if "长文" in error else "error"
            for _, error in hostile_results
        )
        seconds = [t for t, _ in hostile_results]
        print(
            f"{args.hostile} hostile requests ({len(hostile_text(0)):,} characters, limit {args.time_limit:g} s, "
            f"size rule {'off' if args.no_size_limit else 'on'}): {dict(outcomes)}, "
            f"seconds p50 {statistics.median(seconds):.1f}, max {max(seconds):.1f}"
        )
    for error in errors[:5]:
        print("  ", error)
    raise SystemExit(1 if errors else 0)


if __name__ == "__main__":
    main()
