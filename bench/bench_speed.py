"""Speed of yxsumm against the naive way and extractive peers, on this machine's CPU.

    python bench/bench_speed.py [--model DIR] [--articles 200] [--backends torch,torch-int8] [--json out.json]

Measures, in one run and on the same texts:
* the example article end to end (warm): p50/p95 latency, per backend;
* N test articles (half ``hkcnews_articles``, half ``xwlb_items`` test splits) with yxsumm's batched
  path (``summarize_many``, 32 articles a call, as ``yxsumm batch`` does): articles/s, per backend;
  and p50/p95 latency of each article summarised on its own;
* the same articles the *naive* way: the same model, fp32, one ``model.generate`` call per section and
  one for the headline, no batching; the speed-up is batched articles/s over naive articles/s;
* extractive peers on the same texts when installed: ``textrank4zh`` (one key sentence) and
  ``snownlp`` (``summary(1)``);
* peak resident memory (RSS) of each measurement.

Each backend and the naive way are measured in a fresh process, one after the other.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import resource
import statistics
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from common import DATA_DIR, example_text, timed
from yxsumm import Summarizer, parse_article
from yxsumm.corpus import read_pairs
from yxsumm.generation import decode, model_inputs
from yxsumm.records import FILES_PER_CALL

DATA = DATA_DIR / "test"


def percentile(values: list[float], q: float) -> float:
    """The ``q`` quantile of ``values`` (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def test_articles(count: int) -> list[str]:
    """``count`` test articles: half Hong Kong news articles, half Xinwen Lianbo items."""
    half = count // 2
    texts = [p.text for p in read_pairs(DATA / "hkcnews_articles.jsonl.gz", limit=half)]
    texts += [p.text for p in read_pairs(DATA / "xwlb_items.jsonl.gz", limit=count - len(texts))]
    return texts


def naive_summarize(summarizer: Summarizer, text: str) -> list[str]:
    """The naive way: one ``model.generate`` per section and one for the headline, batch size 1."""
    model, tokenizer = summarizer.model, summarizer.tokenizer
    article = parse_article(text)
    jobs = [("heading", s.text or s.heading or "") for s in article.sections[: summarizer.max_sections]]
    jobs.append(("headline", article.body))
    outputs = []
    for task, source in jobs:
        encoded = tokenizer(model_inputs([source], task, tokenizer, summarizer.max_source_chars), return_tensors="pt")
        encoded.pop("token_type_ids", None)
        outputs += decode(tokenizer, model.generate(**encoded, **summarizer.decoding.generate_kwargs()))
    return outputs


def textrank4zh_summarizer() -> Callable[[str], object]:
    """textrank4zh 0.3's key sentence; it calls ``networkx.from_numpy_matrix``, gone in networkx 3."""
    import networkx
    import numpy
    from textrank4zh import TextRank4Sentence

    if not hasattr(networkx, "from_numpy_matrix"):  # the function was renamed: the same graph either way
        networkx.from_numpy_matrix = lambda matrix, **kw: networkx.from_numpy_array(numpy.asarray(matrix), **kw)
    ranker = TextRank4Sentence()

    def one(text: str) -> object:
        ranker.analyze(text=text, lower=True, source="all_filters")
        return ranker.get_key_sentences(num=1)

    return one


def snownlp_summarizer() -> Callable[[str], object]:
    """snownlp's TextRank summary, one sentence."""
    from snownlp import SnowNLP

    return lambda text: SnowNLP(text).summary(1)


def peers(texts: list[str]) -> dict[str, object]:
    """Articles/s of the extractive peers that are installed (errors reported, not raised)."""
    results: dict[str, object] = {}
    for name, build in (("textrank4zh", textrank4zh_summarizer), ("snownlp", snownlp_summarizer)):
        try:
            one = build()
            seconds = sum(timed(one, text)[0] for text in texts)
            results[f"{name}_articles_per_s"] = round(len(texts) / seconds, 2)
        except Exception as error:  # an optional peer that fails must not stop the benchmark
            results[f"{name}_error"] = f"{type(error).__name__}: {str(error)[:100]}"
    return results


def peak_rss_mb() -> int:
    """Peak resident memory of this process, in MB."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def bench_backend(
    model: str | None, backend: str, example: str, texts: list[str], threads: int | None
) -> dict[str, object]:
    """Example latency, batched throughput and per-article latency for one backend (``threads``: torch's
    threads, or ``None`` for the summariser's default)."""
    summarizer = Summarizer(model, backend=backend, cache_size=0, threads=threads)
    summarizer.summarize(example)  # warm-up
    example_times = [timed(summarizer.summarize, example)[0] for _ in range(20)]
    start = time.perf_counter()
    for i in range(0, len(texts), FILES_PER_CALL):
        summarizer.summarize_many(texts[i : i + FILES_PER_CALL])
    batched = len(texts) / (time.perf_counter() - start)
    single = [timed(summarizer.summarize, text)[0] for text in texts]
    return {
        "example_p50_s": round(statistics.median(example_times), 3),
        "example_p95_s": round(percentile(example_times, 0.95), 3),
        "batched_articles_per_s": round(batched, 2),
        "single_p50_s": round(statistics.median(single), 3),
        "single_p95_s": round(percentile(single, 0.95), 3),
        "peak_rss_mb": peak_rss_mb(),
    }


def bench_naive(model: str | None, example: str, texts: list[str], threads: int | None) -> dict[str, object]:
    """Articles/s of the naive way (fp32, one ``generate`` per section and headline; ``threads``: torch's
    threads, or ``None`` for torch's default)."""
    naive = Summarizer(model, backend="torch", cache_size=0, guard=False, threads=threads)
    naive_summarize(naive, example)  # warm-up
    seconds = sum(timed(naive_summarize, naive, text)[0] for text in texts)
    return {"articles_per_s": round(len(texts) / seconds, 2), "peak_rss_mb": peak_rss_mb()}


def in_fresh_process(function: Callable[..., dict[str, object]], *args: object) -> dict[str, object]:
    """Run one measurement in its own process, so that no run inherits another's memory or threads."""
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(function, *args).result()


def main() -> None:
    """Run the benchmark and print (and optionally save) the numbers as JSON."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", default=None, help="model folder (default: the bundled model)")
    parser.add_argument("--backends", default="torch,torch-int8")
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--threads", type=int, default=None, help="torch threads (default: the summariser's)")
    parser.add_argument("--no-peers", action="store_true")
    parser.add_argument("--json", help="also write the numbers to this file")
    args = parser.parse_args()
    example = example_text()
    texts = test_articles(args.articles)
    report: dict[str, object] = {"threads": args.threads, "articles": len(texts)}
    backends = args.backends.split(",")
    for backend in backends:
        report[backend] = in_fresh_process(bench_backend, args.model, backend, example, texts, args.threads)
    naive = in_fresh_process(bench_naive, args.model, example, texts, args.threads)
    report["naive_articles_per_s"] = naive["articles_per_s"]
    for backend in backends:
        ratio = report[backend]["batched_articles_per_s"] / naive["articles_per_s"]  # type: ignore[index,operator]
        report[backend]["speedup_vs_naive"] = round(ratio, 1)  # type: ignore[index]
    if not args.no_peers:
        report.update(peers(texts))
    rss = [report[b]["peak_rss_mb"] for b in backends] + [naive["peak_rss_mb"], peak_rss_mb()]  # type: ignore[index]
    report["peak_rss_mb_max"] = max(rss)  # type: ignore[type-var]
    print(json.dumps(report, indent=1, ensure_ascii=False))
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
