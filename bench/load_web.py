"""Load test of the web form: N concurrent gradio_client requests on loopback.

    python bench/load_web.py [--requests 20] [--method model] [--model FOLDER]

Starts the app on 127.0.0.1 (a free port) in this process, sends the example article N times at
once from N threads, and reports errors and latencies.  It only ever talks to 127.0.0.1 and stops
by itself.
"""

from __future__ import annotations

import argparse
import socket
import statistics
import time
from concurrent.futures import ThreadPoolExecutor

from common import example_text
from yxsumm import Summarizer
from yxsumm.webapp import build_app


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--method", default="model", choices=["model", "lead", "textrank"])
    parser.add_argument("--model", default=None)
    args = parser.parse_args()

    from gradio_client import Client

    model = Summarizer(args.model)
    app = build_app(model, {"lead": Summarizer(method="lead"), "textrank": Summarizer(method="textrank")})
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    app.launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, quiet=True)
    url = f"http://127.0.0.1:{port}/"
    example = example_text()

    def one(index: int) -> tuple[float, str | None]:
        start = time.perf_counter()
        try:
            # Vary the text a little so that the cache does not answer every request.
            text = example.replace("2018年", f"{2000 + index}年", 1)
            _, data, _, _ = Client(url, verbose=False).predict(
                text, None, args.method, 4, 40, 600, api_name="/summarize"
            )
            assert data["sections"], "no sections"
            return time.perf_counter() - start, None
        except Exception as error:
            return time.perf_counter() - start, f"{type(error).__name__}: {error}"

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=args.requests) as pool:
        results = list(pool.map(one, range(args.requests)))
    wall = time.perf_counter() - start
    app.close()
    latencies = sorted(t for t, _ in results)
    errors = [e for _, e in results if e]
    print(
        f"{args.requests} concurrent requests ({args.method}): {len(errors)} errors, wall {wall:.1f} s, "
        f"latency p50 {statistics.median(latencies):.2f} s, max {latencies[-1]:.2f} s"
    )
    for error in errors[:5]:
        print("  ", error)
    raise SystemExit(1 if errors else 0)


if __name__ == "__main__":
    main()
