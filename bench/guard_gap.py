"""Where the guard's printed lines lose to the model's first beam, and why, set by set.

For every item of a ``bench/tune_guard.py`` cache, the guard's constrained first beam is compared with the printed
line (ROUGE-L against the gold), and the difference is put down to what made the first beam lose:

* ``refused`` — the hard rule refused it (an unsupported fact, a cut word, a splice across a sentence…);
* ``penalised`` — it passed, and the guard's penalties lowered it below the line printed; the penalties it
  carried are named, after ``lp low:`` when its log-probability alone was already below the best other line;
* ``threshold`` — it passed without a penalty and scored below the span's threshold.

    python bench/guard_gap.py runs/test.json
    python bench/guard_gap.py runs/test.json --sets test/xwlb_items --examples 20

Prints one table row per set (ROUGE-L of the first beams, of the printed lines, and the points lost in each
category per item of the set), then, per set, the penalty combinations that cost most, with ``--examples`` of
their lines (ROUGE-L difference, first beam, printed line).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
from collections import Counter, defaultdict
from pathlib import Path

from common import ROOT, cached_candidates
from yxsumm.guard import Assessment, Candidate, GuardWeights, assess_candidate, choose_assessed, guard_score
from yxsumm.guard_assets import GuardAssets, load_guard_assets
from yxsumm.rouge import rouge_pair

GUARD = ROOT / "models" / "yxsumm-guard"


def penalties(candidate: Candidate, assessment: Assessment, weights: GuardWeights) -> list[str]:
    """The weights of :func:`~yxsumm.guard.guard_score` that lower ``candidate``'s score: each one whose removal
    alone raises it (read from the score itself, so the list follows the guard as it changes)."""
    score = guard_score(candidate, assessment, weights)
    named = []
    for field in dataclasses.fields(weights):
        value = getattr(weights, field.name)
        if (
            isinstance(value, float)
            and value
            and guard_score(candidate, assessment, dataclasses.replace(weights, **{field.name: 0.0})) > score
        ):
            named.append(field.name)
    return named


def item_gap(item: dict, assets: GuardAssets) -> tuple[str, str, float, float, tuple[str, str]]:
    """For one cache item: its category, the penalties the first beam carried (``lp low:`` when its
    log-probability alone was already below the printed line's score), the ROUGE-L of the first beam and of the
    printed line, and both lines."""
    source, gold = item["text"], item["gold"]
    candidates, fallback = cached_candidates(item)
    weights = assets.weights.for_task(item["task"])
    assessed = [(c, assess_candidate(c, source, assets.background, endings=assets.endings)) for c in candidates]
    choice = choose_assessed(assessed, weights, fallback, source)
    if not item["nbest"]:
        return "no beam", "", 0.0, rouge_pair(choice.text, gold).rougeL, ("", choice.text)
    first, first_assessment = assessed[0]
    scores = (rouge_pair(first.text, gold).rougeL, rouge_pair(choice.text, gold).rougeL)
    lines = (first.text, choice.text)
    if choice.text == first.text or choice.origin == "model":
        return "printed", "", *scores, lines
    if not first_assessment.acceptable:
        return "refused", "", *scores, lines
    named = penalties(first, first_assessment, weights)
    if not named:
        return "threshold", "", *scores, lines
    others = [guard_score(c, a, weights) for c, a in assessed[1:] if a.acceptable]
    decided = first.log_prob > max(others, default=float("-inf"))
    return "penalised", ("" if decided else "lp low: ") + "+".join(named), *scores, lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("cache", help="a bench/tune_guard.py cache (JSON)")
    parser.add_argument("--guard", default=str(GUARD), help="guard folder (weights, trigrams, endings)")
    parser.add_argument("--sets", nargs="*", help="the sets to look at (default: all of the cache)")
    parser.add_argument("--examples", type=int, default=0, help="lines to show per penalty combination")
    parser.add_argument("--top", type=int, default=6, help="penalty combinations to show per set")
    args = parser.parse_args()
    cache = json.loads(Path(args.cache).read_text(encoding="utf-8"))
    assets = load_guard_assets(Path(args.guard))
    categories = ("refused", "penalised", "threshold")
    print("| set | items | first beam | printed | " + " | ".join(f"lost: {c}" for c in categories) + " |")
    print("|---" * (4 + len(categories)) + "|")
    details = {}
    for name in args.sets or list(cache):
        items = cache[name]
        lost: Counter[str] = Counter()
        by_penalty: dict[str, list[tuple[float, str, str]]] = defaultdict(list)
        first_total = printed_total = 0.0
        for item in items:
            category, named, first, printed, (first_line, printed_line) = item_gap(item, assets)
            first_total += first
            printed_total += printed
            lost[category] += first - printed
            if category == "penalised":
                by_penalty[named].append((first - printed, first_line, printed_line))
        n = len(items)
        cells = " | ".join(f"{lost[c] / n:.2f}" for c in categories)
        print(f"| {name} | {n} | {first_total / n:.2f} | {printed_total / n:.2f} | {cells} |")
        details[name] = (n, by_penalty)
    for name, (n, by_penalty) in details.items():
        print(f"\n{name}: penalties on first beams that lost (points per item, items)")
        ranked = sorted(by_penalty.items(), key=lambda kv: -sum(d for d, _, _ in kv[1]))
        for named, rows in ranked[: args.top]:
            print(f"  {sum(d for d, _, _ in rows) / n:6.2f} {len(rows):4d}  {named}")
            for difference, first_line, printed_line in rows[: args.examples]:
                print(f"         {difference:+6.1f}  {first_line}  ->  {printed_line}")


if __name__ == "__main__":
    main()
