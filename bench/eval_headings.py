"""Heading detection scored against gold headings: the rules vs the learnt detector, across sources.

Gold is the ``headings`` field of hkcnews/oped2 articles (only its real headings, ≤ 30 characters
without sentence-final punctuation; a predicted line the field marks otherwise is not counted) and,
for xwlb items, the lines that ``xwlb_sections`` names as headings (see ``yxsumm.train_headings``).
The title counts as a predicted heading.  ``--findable`` also drops gold headings that are not a line
of the text (the corpora cut texts at 6,000 characters, which loses the later headings).  Marked lines
in blocks of three or more consecutive marked lines (lyrics, table rows, a quoted chat) are not scored
(``yxsumm.train_headings.marked_blocks``); ``--raw-gold`` scores them as headings, as before.
``--marked-only`` scores only the hkcnews/oped2 articles whose field marks at least one real heading:
a page may set its headings in a way the field does not record (111 of the 267 oped2 dev articles mark
none, and many of them have heading-like lines such as ``封闭带来了什么``), so there every predicted
heading counts as a false positive.  xwlb items keep their items without sub-headings (their gold is
complete by construction).

    python bench/eval_headings.py                      # rules and the shipped detector
    python bench/eval_headings.py --cross [--model mlp [--hidden 0]] # train on some sources, test on the others
    python bench/eval_headings.py --show 20 --set "oped2 dev"
    python bench/eval_headings.py --kinds --set "oped2 dev"   # missed and extra headings by kind
"""

from __future__ import annotations

import argparse
import collections
import json
import logging
import re
from pathlib import Path

from common import DATA_DIR
from yxsumm.heading_detector import HeadingDetector
from yxsumm.heading_features import NUMBERED_HEADING, ends_sentence
from yxsumm.structure import HeadingMode, parse_article, prepare_text
from yxsumm.train_headings import DETECTOR_KINDS, predicted_headings, read_source, score_parser, train_heading_detector

DATA = DATA_DIR
#: Whether the lines of bold blocks are left unscored (``--raw-gold`` scores them as headings).
BLOCKS_UNSCORED = True
EVAL_SETS = {
    "hkcnews test": ("hkcnews_articles", "test"),
    "hkcnews dev": ("hkcnews_articles", "dev"),
    "oped2 dev": ("oped2_articles", "dev"),
    "xwlb test": ("xwlb_items", "test"),
}
#: Training sources → the evaluation sets reported for them (the sources' own dev picks the threshold).
CROSS = {
    ("hkcnews_articles",): ("hkcnews test", "oped2 dev", "xwlb test"),
    ("oped2_articles",): ("hkcnews test", "xwlb test"),
    ("hkcnews_articles", "oped2_articles"): ("hkcnews test", "oped2 dev", "xwlb test"),
    ("hkcnews_articles", "oped2_articles", "xwlb_items"): ("hkcnews test", "oped2 dev", "xwlb test"),
}


def show_errors(set_name: str, headings: HeadingMode, count: int) -> None:
    """Print up to ``count`` articles with false positives or negatives."""
    shown = 0
    source, split = EVAL_SETS[set_name]
    for article in read_source(DATA, split, source, list_runs_as_other=BLOCKS_UNSCORED):
        predicted = predicted_headings(parse_article(article.text, headings=headings)) - article.other
        if predicted ^ article.real and shown < count:
            shown += 1
            print("FP", sorted(predicted - article.real), "FN", sorted(article.real - predicted))


def error_kind(line: str, lines: list[str]) -> str:
    """A rough kind for a missed or extra heading, from the line and its neighbours."""
    if line not in lines:
        return "not a line of the text"
    index = lines.index(line)
    before = lines[index - 1] if index else ""
    after = lines[index + 1] if index + 1 < len(lines) else ""
    if line.endswith(("：", ":")):
        return "label ending in a colon"
    if NUMBERED_HEADING.match(line):
        return "numbered line"
    if re.match(r"^[^，。「“]{1,8}[：:]", line):
        return "speaker or field (X：…)"
    if all(0 < len(x) <= 30 and not ends_sentence(x) for x in (before, after)):
        return "inside a run of short lines (verse, lyrics, lists)"
    if not re.search(r"[\u4e00-\u9fff]", line):
        return "no Chinese"
    return "heading-like line"


def count_error_kinds(set_name: str) -> None:
    """Print the missed and extra headings of the shipped detector on one set, by kind."""
    missed: collections.Counter[str] = collections.Counter()
    extra: collections.Counter[str] = collections.Counter()
    source, split = EVAL_SETS[set_name]
    for article in read_source(DATA, split, source, list_runs_as_other=BLOCKS_UNSCORED):
        parsed = parse_article(article.text)
        lines = prepare_text(article.text)[0].split("\n")
        predicted = predicted_headings(parsed) - article.other
        missed.update(error_kind(h, lines) for h in article.real - predicted)
        extra.update("title" if h == parsed.title else error_kind(h, lines) for h in predicted - article.real)
    print(f"{set_name}: missed {missed.total()} {missed.most_common()}")
    print(f"{set_name}: extra {extra.total()} {extra.most_common()}")


def main() -> None:
    """Print the P/R/F1 table."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cross", action="store_true", help="train per source and test across sources")
    parser.add_argument("--model", choices=DETECTOR_KINDS, default="trees", help="--cross: the detector trained")
    parser.add_argument("--trees", type=int, default=800, help="boosted trees (--model trees)")
    parser.add_argument("--hidden", type=int, default=32, help="hidden units of the MLP (0: logistic regression)")
    parser.add_argument("--epochs", type=int, default=30)
    parser.add_argument("--findable", action="store_true", help="gold = real headings that are lines of the text")
    parser.add_argument("--show", type=int, default=0, help="print errors of up to N articles of --set")
    parser.add_argument("--set", default="hkcnews test", choices=list(EVAL_SETS))
    parser.add_argument("--kinds", action="store_true", help="count the errors of --set by kind")
    parser.add_argument("--json", type=Path, help="also write the table here")
    parser.add_argument("--raw-gold", action="store_true", help="score the lines of bold blocks as headings too")
    parser.add_argument("--no-title", action="store_true", help="do not score a title that is not a gold heading")
    parser.add_argument(
        "--marked-only",
        action="store_true",
        help="score only hkcnews/oped2 articles whose gold field marks a real heading (xwlb: all items)",
    )
    args = parser.parse_args()
    global BLOCKS_UNSCORED
    BLOCKS_UNSCORED = not args.raw_gold
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")

    if args.show:
        show_errors(args.set, "auto", args.show)
        return
    if args.kinds:
        count_error_kinds(args.set)
        return
    detectors: dict[str, tuple[HeadingMode, tuple[str, ...]]] = {"rules": ("rules", tuple(EVAL_SETS))}
    if args.cross:
        for sources, eval_sets in CROSS.items():
            name = "trained on " + " + ".join(s.split("_")[0] for s in sources)
            trained = train_heading_detector(
                DATA, None, sources=sources, kind=args.model, trees=args.trees, hidden=args.hidden, epochs=args.epochs
            )
            detectors[name] = (trained, eval_sets)
    else:
        detectors["shipped detector"] = ("model", tuple(EVAL_SETS))
    table: dict[str, dict[str, dict[str, float]]] = {}
    for name, (detector, eval_sets) in detectors.items():
        for set_name in eval_sets:
            source, split = EVAL_SETS[set_name]
            gold = read_source(DATA, split, source, findable_only=args.findable, list_runs_as_other=BLOCKS_UNSCORED)
            if args.marked_only and source != "xwlb_items":
                gold = (article for article in gold if article.real)
            score = score_parser(gold, detector, count_title=not args.no_title)
            threshold = f" (threshold {detector.threshold})" if isinstance(detector, HeadingDetector) else ""
            print(f"{name:<36} {set_name:<13} {score}{threshold}", flush=True)
            scores = {"precision": score.precision, "recall": score.recall, "f1": score.f1}
            table.setdefault(name, {})[set_name] = scores
    if args.json:
        args.json.write_text(json.dumps(table, indent=1) + "\n")


if __name__ == "__main__":
    main()
