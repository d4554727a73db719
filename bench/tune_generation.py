"""Choose decoding settings on the dev splits (beam size, length penalty, no-repeat n-gram size).

python bench/tune_generation.py --model runs/copybart/best --limit 150
"""

from __future__ import annotations

import argparse
import itertools
import json
import time
from pathlib import Path

from yxsumm import Summarizer
from yxsumm.corpus import read_pairs
from yxsumm.rouge import rouge_corpus

DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "dev"
SETS = ("xwlb_items", "hkcnews_articles", "hkcnews_sections", "xwlb_sections", "bedtime_daily")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", required=True)
    parser.add_argument("--limit", type=int, default=150)
    parser.add_argument("--beams", default="1,4")
    parser.add_argument("--length-penalties", default="0.8,1.0,1.5")
    parser.add_argument("--no-repeat", default="2,3")
    args = parser.parse_args()
    base = Summarizer(args.model, cache_size=0)
    data = {name: read_pairs(DEV / f"{name}.jsonl.gz", limit=args.limit) for name in SETS}
    grid = itertools.product(
        [int(b) for b in args.beams.split(",")],
        [float(x) for x in args.length_penalties.split(",")],
        [int(n) for n in args.no_repeat.split(",")],
    )
    for beams, penalty, no_repeat in grid:
        if beams == 1 and penalty != 1.0:
            continue  # the length penalty only acts in beam search
        summarizer = base.with_options(num_beams=beams, length_penalty=penalty, no_repeat_ngram_size=no_repeat)
        start = time.perf_counter()
        scores = {}
        for name, pairs in data.items():
            hyps = summarizer.headlines([p.text for p in pairs], task=pairs[0].task)
            scores[name] = round(rouge_corpus(hyps, [p.summary for p in pairs]).rougeL, 2)
        mean = sum(scores.values()) / len(scores)
        print(
            json.dumps(
                {
                    "num_beams": beams,
                    "length_penalty": penalty,
                    "no_repeat_ngram_size": no_repeat,
                    "mean": round(mean, 2),
                    **scores,
                    "seconds": round(time.perf_counter() - start),
                }
            ),
            flush=True,
        )


if __name__ == "__main__":
    main()
