"""Speed of yxsumm against the naive way and extractive peers, on 2 CPU cores.

    python bench/bench_speed.py [--model models/yxsumm-copybart-small] [--articles 200] [--backend torch]

Measures, in one run:
* the example article end to end (warm): p50/p95 latency;
* N test articles (hkcnews + xwlb test splits) with yxsumm's batched path: articles/s, p50/p95 of
  per-article latency when run one at a time, and the same articles the naive way — one
  ``model.generate`` per section and per headline, fp32, no batching — as a ratio;
* extractive peers on the same texts: ``textrank4zh`` and ``snownlp`` (when installed);
* peak resident memory (RSS).
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import time
from pathlib import Path

import torch

from yxsumm import Summarizer, parse_article
from yxsumm.corpus import read_pairs
from yxsumm.generation import generate_texts

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "test"


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def test_articles(count: int) -> list[str]:
    half = count // 2
    texts = [p.text for p in read_pairs(DATA / "hkcnews_articles.jsonl.gz", limit=half)]
    texts += [p.text for p in read_pairs(DATA / "xwlb_items.jsonl.gz", limit=count - len(texts))]
    return texts


def naive_summarize(summarizer: Summarizer, text: str) -> None:
    """One generate call per section and one for the headline, no batching, no cache."""
    article = parse_article(text)
    for section in article.sections[: summarizer.max_sections]:
        generate_texts(
            summarizer.model,
            summarizer.tokenizer,
            [section.text or section.heading or ""],
            task="heading",
            max_source_chars=summarizer.max_source_chars,
            batch_size=1,
            **summarizer.generate_kwargs,
        )
    generate_texts(
        summarizer.model,
        summarizer.tokenizer,
        [article.body[: summarizer.max_source_chars]],
        task="headline",
        max_source_chars=summarizer.max_source_chars,
        batch_size=1,
        **summarizer.generate_kwargs,
    )


def timed(function, *args) -> float:
    start = time.perf_counter()
    function(*args)
    return time.perf_counter() - start


def peers(texts: list[str]) -> dict[str, float]:
    results: dict[str, float] = {}
    try:
        from textrank4zh import TextRank4Sentence

        ranker = TextRank4Sentence()

        def textrank4zh_one(text: str) -> None:
            ranker.analyze(text=text, lower=True, source="all_filters")
            ranker.get_key_sentences(num=1)

        start = time.perf_counter()
        for text in texts:
            textrank4zh_one(text)
        results["textrank4zh articles/s"] = len(texts) / (time.perf_counter() - start)
    except Exception as error:
        results["textrank4zh error"] = str(error)[:100]  # type: ignore[assignment]
    try:
        from snownlp import SnowNLP

        start = time.perf_counter()
        for text in texts:
            SnowNLP(text).summary(1)
        results["snownlp articles/s"] = len(texts) / (time.perf_counter() - start)
    except Exception as error:
        results["snownlp error"] = str(error)[:100]  # type: ignore[assignment]
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", default=None)
    parser.add_argument("--backend", default="torch")
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--naive-articles", type=int, default=40, help="naive way is slow: time this many")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--json", help="write the numbers to this file")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    report: dict[str, object] = {"threads": args.threads, "backend": args.backend}

    start = time.perf_counter()
    summarizer = Summarizer(args.model, backend=args.backend, cache_size=0)
    report["load_seconds"] = round(time.perf_counter() - start, 2)

    example = (ROOT / "examples" / "yangxi.txt").read_text(encoding="utf-8")
    summarizer.summarize(example)  # warm-up
    example_times = [timed(summarizer.summarize, example) for _ in range(10)]
    report["example_p50_s"] = round(statistics.median(example_times), 3)
    report["example_p95_s"] = round(percentile(example_times, 0.95), 3)

    texts = test_articles(args.articles)
    start = time.perf_counter()
    for i in range(0, len(texts), 16):
        summarizer.summarize_many(texts[i : i + 16])
    batched_seconds = time.perf_counter() - start
    report["articles"] = len(texts)
    report["batched_articles_per_s"] = round(len(texts) / batched_seconds, 2)

    single = [timed(summarizer.summarize, t) for t in texts[: args.naive_articles]]
    report["single_p50_s"] = round(statistics.median(single), 3)
    report["single_p95_s"] = round(percentile(single, 0.95), 3)

    naive_texts = texts[: args.naive_articles]
    naive_seconds = sum(timed(naive_summarize, summarizer, t) for t in naive_texts)
    report["naive_articles_per_s"] = round(len(naive_texts) / naive_seconds, 2)
    report["speedup_vs_naive"] = round(report["batched_articles_per_s"] / report["naive_articles_per_s"], 1)

    report.update({k: (round(v, 2) if isinstance(v, float) else v) for k, v in peers(texts).items()})
    report["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    print(json.dumps(report, indent=1, ensure_ascii=False))
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
