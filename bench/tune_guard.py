"""Measure what the output guard sees, and choose its weights on the dev sets.

1. For ``--limit`` pairs of every dev set (and ``test/csl_dev``, never trained on), generate the n-best
   lines (beam search, whole-word copy on), the raw top line without the whole-word constraint, and the
   span selector's span; score the span with the generator.  Cached in ``--cache``.
2. Print, for the gold headlines, the raw top line and the constrained top line: invented-fact rate,
   fragment / broken-word / unattested-trigram distributions.
3. Grid-search the guard weights for the best mean ROUGE-L over the sets (hard rule always on) and print
   the table for the chosen weights next to lead-1, the raw model and the span alone.

    python bench/tune_guard.py --limit 300 --cache runs/guard/candidates.json
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import json
import os
import statistics
import time
from pathlib import Path

import torch

from common import DATA_DIR, cached_candidates
from yxsumm.corpus import read_pairs
from yxsumm.faithfulness import TrigramBackground, scattered_run
from yxsumm.generation import generate_candidates, generate_texts, score_candidates
from yxsumm.guard import GuardWeights, assess, assess_candidate, choose_assessed
from yxsumm.guard_assets import GuardAssets, load_guard_weights
from yxsumm.guarded_generation import selected_spans, span_hints
from yxsumm.headline_endings import HeadlineEndings
from yxsumm.model_loading import load_model
from yxsumm.postprocess import finish_line
from yxsumm.rouge import rouge_corpus
from yxsumm.sentences import lead_sentence
from yxsumm.span_selector import SpanSelector
from yxsumm.structure import prepare_text
from yxsumm.task_params import DEFAULT_SOURCE_CHARS

DEV_SETS = [
    "dev/xwlb_items",
    "dev/hkcnews_articles",
    "dev/hkcnews_sections",
    "dev/xwlb_sections",
    "dev/bedtime_daily",
    "dev/bedtime_sections",
    "dev/bedtime_episodes",
    "dev/oped2_articles",
    "dev/oped2_sections",
    "test/csl_dev",
]


def collect(args: argparse.Namespace) -> dict:
    model, tokenizer, _ = load_model(args.model)
    data: dict = {}
    for name in args.sets or DEV_SETS:
        path = Path(args.data_dir) / f"{name}.jsonl.gz"
        if not path.exists():
            continue
        pairs = read_pairs(path, limit=args.offset + args.limit)[args.offset :]
        if not pairs:
            continue
        texts = [prepare_text(p.text)[0] for p in pairs]
        task = pairs[0].task
        chars = source_chars(args, task)
        start = time.perf_counter()
        raw = generate_texts(model, tokenizer, texts, task=task, num_beams=args.num_beams, max_source_chars=chars)
        capped: list[set[str]] = []
        nbest = generate_candidates(
            model, tokenizer, texts, task=task, num_beams=args.num_beams, max_source_chars=chars, capped_out=capped
        )
        data[name] = [
            {"text": text, "task": task, "gold": pair.summary, "raw": raw_line, "nbest": lines, "span": None}
            | {"capped": sorted(cut)}
            for text, pair, raw_line, lines, cut in zip(texts, pairs, raw, nbest, capped, strict=True)
        ]
        print(f"{name}: {len(pairs)} pairs, {time.perf_counter() - start:.0f} s", flush=True)
    return data


def source_chars(args: argparse.Namespace, task: str) -> int:
    """How much of a text the generator reads for ``task``: ``--heading-chars`` for section headings."""
    return args.heading_chars if task == "heading" and args.heading_chars else DEFAULT_SOURCE_CHARS


def add_spans(data: dict, args: argparse.Namespace) -> None:
    """The span selector's span of every item, scored by the generator (replaces earlier spans).

    Spans are chosen as the guard chooses them (:func:`~yxsumm.guarded_generation.selected_spans`, the
    item's first n-best line as the hint), with the hint weights of ``--weights-from``, else of the
    ``--span-model`` guard folder: spans chosen without the guard's hint would be spans it never prints.
    """
    model, tokenizer, _ = load_model(args.model)
    weights = given_weights(args, Path(args.weights_from or args.span_model))
    assets = GuardAssets(selector=SpanSelector.load(args.span_model), weights=weights, endings=ENDINGS)
    for items in data.values():
        texts = [i["text"] for i in items]
        hints = span_hints([i["nbest"] for i in items], texts)  # the first lines as printed
        spans = selected_spans(assets, texts, items[0]["task"], hints)
        span_texts = [[span] if span else [] for span in spans]
        task = items[0]["task"]
        scores = score_candidates(
            model, tokenizer, texts, span_texts, task=task, max_source_chars=source_chars(args, task)
        )
        for item, st, ss in zip(items, span_texts, scores, strict=True):
            item["span"] = [st[0], ss[0]] if st else None


def given_weights(args: argparse.Namespace, folder: Path | None) -> GuardWeights:
    """The weights of a guard folder (defaults without one), with the ``--weight NAME=VALUE`` overrides."""
    weights = load_guard_weights(folder) if folder else GuardWeights()
    for item in args.weight:
        name, value = item.split("=", 1)
        current = getattr(weights, name)
        kind = float if current is None else type(current)
        weights = dataclasses.replace(weights, **{name: kind(float(value))})
    return weights


def _rate(values: list[bool]) -> float:
    return 100.0 * sum(values) / max(1, len(values))


def describe(data: dict, background: TrigramBackground) -> None:
    print("\n## What the guard sees (per set: gold | raw top line | whole-word top line)")
    print("| set | invented facts % | ≥1 broken word % | mean fragments | mean unattested trigrams |")
    print("|---|---|---|---|---|")
    for name, items in data.items():
        rows = {"gold": [], "raw": [], "top": []}
        for item in items:
            source = item["text"]
            top = item["nbest"][0][0] if item["nbest"] else ""
            for key, line in (("gold", item["gold"]), ("raw", item["raw"]), ("top", top)):
                rows[key].append(assess(line, source, background))

        def cell(key: str, measure, rows: dict = rows) -> str:
            return " | ".join(f"{measure(rows[k]):.1f}" for k in ("gold", "raw", "top"))

        print(
            f"| {name} | {cell('', lambda a: _rate([bool(x.unsupported) for x in a]))} "
            f"| {cell('', lambda a: _rate([x.broken > 0 for x in a]))} "
            f"| {cell('', lambda a: statistics.mean(x.fragments for x in a))} "
            f"| {cell('', lambda a: statistics.mean(x.unattested for x in a))} |"
        )


_ASSESSED: dict[tuple[int, bool], list] = {}


ENDINGS: HeadlineEndings | None = None


def _assessed(item: dict, background: TrigramBackground, use_span: bool) -> tuple[list, str]:
    """The item's candidates (as printed) with their assessments, and its fallback; computed once."""
    key = (id(item), use_span)
    if key not in _ASSESSED:
        candidates, fallback = cached_candidates(item, use_span)
        _ASSESSED[key] = [
            [(c, assess_candidate(c, item["text"], background, endings=ENDINGS)) for c in candidates],
            fallback,
        ]
    return _ASSESSED[key]


def guarded_lines(items: list[dict], background: TrigramBackground, weights: GuardWeights, use_span: bool) -> list[str]:
    lines = []
    for item in items:
        assessed, fallback = _assessed(item, background, use_span)
        lines.append(choose_assessed(assessed, weights.for_task(item["task"]), fallback, item["text"]).text)
    return lines


def origin_shares(items: list[dict], background: TrigramBackground, weights: GuardWeights) -> dict[str, float]:
    counts: dict[str, int] = {}
    for item in items:
        assessed, fallback = _assessed(item, background, True)
        origin = choose_assessed(assessed, weights.for_task(item["task"]), fallback, item["text"]).origin
        counts[origin] = counts.get(origin, 0) + 1
    return {k: round(100 * v / len(items)) for k, v in sorted(counts.items())}


def tune(data: dict, background: TrigramBackground) -> GuardWeights:
    grid = {
        "fragment": [0.0],  # measured with 0.0/0.05/0.1 in earlier searches: no weight ever won
        "broken": [0.0, 0.2],
        "unattested": [0.0, 0.05],
        "span_log_prob": [0.0, 1.0],
        "span_bonus": [-2.0, -1.5, -1.2, -1.0, -0.8, -0.6, -0.4, 0.0, 0.5, 1.0, 1.5, 2.0],
        "heading_span_bonus": [None, -2.0, -1.5, -1.2, -1.0, -0.8, -0.6, -0.4, 0.0, 0.5, 1.0],
    }
    best: tuple[float, GuardWeights] | None = None
    for values in itertools.product(*grid.values()):
        weights = GuardWeights(**dict(zip(grid, values, strict=True)))
        scores = [
            rouge_corpus(guarded_lines(items, background, weights, True), [i["gold"] for i in items]).rougeL
            for items in data.values()
        ]
        mean = statistics.mean(scores)
        if best is None or mean > best[0]:
            best = (mean, weights)
    assert best is not None
    print(f"\nbest weights {best[1]} (dev mean ROUGE-L {best[0]:.2f})")
    return best[1]


def table(data: dict, background: TrigramBackground, weights: GuardWeights) -> None:
    print("\n## ROUGE-L per set")
    print("(dangling: printed lines that end where headlines almost never end; scattered: printed lines with")
    print("3 or more characters in a row that are never side by side in the text)")
    print(
        "| set | lead-1 | raw model | top line (whole-word) | guard, no span | span alone | guard | dangling % "
        "| scattered ≥ 3 % | origins (%) |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    columns: list[list[float]] = []
    for name, items in data.items():
        golds = [i["gold"] for i in items]

        def score(lines: list[str], golds: list[str] = golds) -> float:
            return rouge_corpus(lines, golds).rougeL

        printed = guarded_lines(items, background, weights, True)
        row = [
            score([lead_sentence(i["text"]) for i in items]),
            score([finish_line(i["raw"], i["text"]) for i in items]),
            score([finish_line(i["nbest"][0][0] if i["nbest"] else "", i["text"]) for i in items]),
            score(guarded_lines(items, background, weights, False)),
            score([i["span"][0] if i["span"] else "" for i in items]),
            score(printed),
            _rate([bool(ENDINGS.dangling_end(line)) for line in printed]) if ENDINGS else float("nan"),
            _rate([scattered_run(line, i["text"]) >= 3 for line, i in zip(printed, items, strict=True)]),
        ]
        columns.append(row)
        cells = " | ".join(f"{v:.1f}" for v in row)
        print(f"| {name} | {cells} | {origin_shares(items, background, weights)} |")
    means = [statistics.mean(column) for column in zip(*columns, strict=True)]
    print("| mean | " + " | ".join(f"{v:.2f}" for v in means) + " | |")


def write_whole(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file renamed over it: a reader (or a second run on the same
    cache) sees the old file or the new one, never half of one."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data-dir", default=str(DATA_DIR))
    parser.add_argument("--model")
    parser.add_argument("--span-model")
    parser.add_argument("--background", required=True, help="trigram file from yxsumm build-trigrams")
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument(
        "--sets", nargs="+", metavar="SPLIT/NAME", help="sets to collect (default: the dev protocol's ten)"
    )
    parser.add_argument("--offset", type=int, default=0, help="skip this many pairs of every set (held-out items)")
    parser.add_argument("--num-beams", type=int, default=4)
    parser.add_argument("--cache", default="runs/guard/candidates.json")
    parser.add_argument("--threads", type=int, default=0)
    parser.add_argument("--no-tune", action="store_true")
    parser.add_argument(
        "--weights-from", help="with --no-tune: the weights of this guard folder (default weights without)"
    )
    parser.add_argument("--endings", help="rare-endings file from yxsumm build-endings (the dangling-end measure)")
    parser.add_argument(
        "--weight", action="append", default=[], metavar="NAME=VALUE", help="with --no-tune: override one weight"
    )
    parser.add_argument("--collect-only", action="store_true")
    parser.add_argument(
        "--heading-chars",
        type=int,
        default=0,
        help=f"the generator reads this much of a section (default {DEFAULT_SOURCE_CHARS})",
    )
    parser.add_argument("--write-config", help="write the chosen weights to this guard folder's guard_config.json")
    args = parser.parse_args()
    global ENDINGS
    ENDINGS = HeadlineEndings.load(args.endings) if args.endings else None
    if args.threads:
        torch.set_num_threads(args.threads)
    cache = Path(args.cache)
    if cache.exists():
        data = json.loads(cache.read_text(encoding="utf-8"))
    else:
        data = collect(args)
        cache.parent.mkdir(parents=True, exist_ok=True)
        write_whole(cache, json.dumps(data, ensure_ascii=False))
    if args.span_model:
        add_spans(data, args)
        write_whole(cache, json.dumps(data, ensure_ascii=False))
    if args.collect_only:
        return
    background = TrigramBackground.load(args.background)
    describe(data, background)
    if args.no_tune:
        weights = given_weights(args, Path(args.weights_from) if args.weights_from else None)
    else:
        weights = tune(data, background)
    table(data, background, weights)
    if args.write_config:
        path = Path(args.write_config) / "guard_config.json"
        record = {
            "weights": dataclasses.asdict(weights),
            "chosen_by": f"bench/tune_guard.py --limit {args.limit} (dev mean ROUGE-L, hard rule always on)",
        }
        path.write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
