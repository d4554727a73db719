"""Heading detection of ``parse_article`` scored against the ``headings`` field of hkcnews articles.

The field comes from bold lines of the source and also marks pull quotes and captions, so only its
real headings (≤ 30 characters, no sentence-final punctuation) are gold, and a predicted line that
the field marks otherwise is not counted.

    python bench/eval_headings.py ../shared/data/test/hkcnews_articles.jsonl.gz [--show N]
"""

from __future__ import annotations

import argparse

from yxsumm.corpus import read_jsonl
from yxsumm.normalize import normalize_text
from yxsumm.structure import parse_article

_SENTENCE_END = "。！？!?；;…"


def is_real_heading(text: str) -> bool:
    """The measure's notion of a real heading."""
    return 0 < len(text) <= 30 and text[-1] not in _SENTENCE_END


def main() -> None:
    """Print precision, recall and F1 of heading detection on one corpus file."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("path")
    parser.add_argument("--show", type=int, default=0, help="print up to N false positives/negatives")
    args = parser.parse_args()
    tp = fp = fn = 0
    shown = 0
    for record in read_jsonl(args.path):
        headings = [normalize_text(h) for h in record.get("headings") or []]
        gold = {h for h in headings if is_real_heading(h)}
        other = {h for h in headings if not is_real_heading(h)}
        article = parse_article(record["text"])
        predicted = {s.heading for s in article.sections if s.heading}
        if article.title:
            predicted.add(article.title)
        predicted -= other
        tp += len(predicted & gold)
        fp += len(predicted - gold)
        fn += len(gold - predicted)
        if shown < args.show and (predicted ^ gold):
            shown += 1
            print("FP", sorted(predicted - gold), "FN", sorted(gold - predicted))
    precision = tp / max(tp + fp, 1)
    recall = tp / max(tp + fn, 1)
    f1 = 2 * precision * recall / max(precision + recall, 1e-9)
    print(f"{args.path}: precision {precision:.3f} recall {recall:.3f} F1 {f1:.3f} (tp {tp} fp {fp} fn {fn})")


if __name__ == "__main__":
    main()
