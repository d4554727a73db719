"""Article headlines as a user gets them: the whole pipeline (structure, then the headline) against gold.

``yxsumm eval`` headlines each text as it is (``Summarizer.headline_lines``); ``summarize(text).headline``
first structures the article (title, abstract, sections; captions, bylines and tails removed) and
headlines what :func:`yxsumm.article_inputs.headline_source` makes of it.  This script scores both on
the same pairs, with lead-1, so that the path users take is measured too (``yxsumm eval --as-articles``
gives the first alone, with every column of ``yxsumm eval``):

    python bench/eval_article_headlines.py --limit 400 test/hkcnews_articles dev/oped2_articles
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from common import DATA_DIR
from yxsumm import Summarizer
from yxsumm.evaluate import evaluate_file


def score_set(summarizer: Summarizer, name: str, limit: int) -> dict[str, float | int | str]:
    """ROUGE-L of the pipeline's headline, the plain-text headline and lead-1 on ``limit`` pairs of ``name``
    (:func:`yxsumm.evaluate.evaluate_file` with and without ``as_articles``)."""
    path = DATA_DIR / f"{name}.jsonl.gz"
    pipeline = evaluate_file(summarizer, path, limit=limit, as_articles=True)
    plain = evaluate_file(summarizer, path, limit=limit)
    return {
        "set": name,
        "pairs": pipeline.pairs,
        "pipeline": round(pipeline.system.rougeL, 2),
        "plain_text": round(plain.system.rougeL, 2),
        "lead_1": round(pipeline.lead1.rougeL, 2),
    }


def main() -> None:
    """Print (and optionally save) the table."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sets", nargs="+", metavar="SPLIT/NAME", help="article sets, e.g. test/hkcnews_articles")
    parser.add_argument("--limit", type=int, default=400)
    parser.add_argument("--model", default=None, help="model folder (default: the bundled model)")
    parser.add_argument("--threads", type=int, default=0)
    parser.add_argument("--json", help="also write the rows to this file")
    args = parser.parse_args()
    summarizer = Summarizer(args.model, threads=args.threads or None)
    rows = [score_set(summarizer, name, args.limit) for name in args.sets]
    print("| set | pairs | pipeline (`summarize(text).headline`) | plain text (`yxsumm eval`) | lead-1 |")
    print("|---|---:|---:|---:|---:|")
    for row in rows:
        print(f"| {row['set']} | {row['pairs']} | {row['pipeline']} | {row['plain_text']} | {row['lead_1']} |")
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
