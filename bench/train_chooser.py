"""Train the guard's line chooser (:mod:`yxsumm.line_chooser`) and measure it on the dev protocol.

Both inputs are candidate caches of ``bench/tune_guard.py`` (n-best lines, raw line and span per item):
``--train`` one built from dev items the protocol does not score (``--offset 300``), ``--eval`` the
protocol's own (the first 300 of every set).  The chooser learns, on the train cache, the ROUGE-L lead
of the guard's best generated line over the span; the eval table compares, per set, the guard with its
linear score, the guard with the chooser, and the oracle that knows which of the two is better.

    python bench/train_chooser.py --train runs/guard/cand_small_extra.json \\
        --eval runs/guard/cand_small_dev.json --guard models/yxsumm-guard [--write]
"""

from __future__ import annotations

import argparse
import json
import statistics
from pathlib import Path

import numpy as np

import tune_guard
from yxsumm.faithfulness import TrigramBackground
from yxsumm.guard import GuardWeights, choose_assessed, guard_score
from yxsumm.guard_assets import TRIGRAM_FILE, load_guard_weights
from yxsumm.headline_endings import ENDINGS_FILE, HeadlineEndings
from yxsumm.line_chooser import ChoiceInputs, LineChooser, choice_features, fit_chooser
from yxsumm.rouge import rouge_pair


def finalists(item: dict, background: TrigramBackground, weights: GuardWeights) -> ChoiceInputs | None:
    """The chooser's inputs for an item whose best generated line and span both pass the hard rule."""
    assessed, _ = tune_guard._assessed(item, background, True)
    model = [(c, a) for c, a in assessed if c.kind == "model" and a.acceptable]
    span = [(c, a) for c, a in assessed if c.kind == "span" and a.acceptable]
    if not model or not span:
        return None
    task_weights = weights.for_task(item["task"])
    line = max(model, key=lambda pair: guard_score(pair[0], pair[1], task_weights))
    return ChoiceInputs.from_assessed(assessed, line, span[0], item["text"], item["task"])


def examples(data: dict, background: TrigramBackground, weights: GuardWeights) -> tuple[np.ndarray, np.ndarray]:
    """Features and targets (line ROUGE-L minus span ROUGE-L, / 100) of every item with both finalists."""
    rows, targets = [], []
    for items in data.values():
        for item in items:
            inputs = finalists(item, background, weights)
            if inputs is None:
                continue
            rows.append(choice_features(inputs))
            line, span = (rouge_pair(c.text, item["gold"]).rougeL for c in (inputs.line, inputs.span))
            targets.append((line - span) / 100)
    return np.stack(rows), np.asarray(targets, dtype=np.float32)


def evaluate(
    data: dict, background: TrigramBackground, weights: GuardWeights, chooser: LineChooser | None
) -> dict[str, dict[str, float]]:
    """Per set: ROUGE-L of the linear guard, the guard with ``chooser`` and the oracle; chooser's span share."""
    table: dict[str, dict[str, float]] = {}
    for name, items in data.items():
        linear, learnt, oracle, spans = [], [], [], 0
        for item in items:
            assessed, fallback = tune_guard._assessed(item, background, True)
            task_weights = weights.for_task(item["task"])
            gold = item["gold"]
            linear.append(rouge_pair(choose_assessed(assessed, task_weights, fallback).text, gold).rougeL)
            prefer = chooser.prefer_line(item["text"], item["task"]) if chooser else None
            choice = choose_assessed(assessed, task_weights, fallback, prefer)
            learnt.append(rouge_pair(choice.text, gold).rougeL)
            spans += choice.origin.startswith("extractive")
            inputs = finalists(item, background, weights)
            if inputs is None:
                oracle.append(learnt[-1])
            else:
                oracle.append(max(rouge_pair(c.text, gold).rougeL for c in (inputs.line, inputs.span)))
        table[name] = {
            "linear": statistics.mean(linear),
            "chooser": statistics.mean(learnt),
            "oracle": statistics.mean(oracle),
            "extracted %": 100 * spans / len(items),
        }
    return table


def print_table(table: dict[str, dict[str, float]]) -> None:
    """The evaluation as a Markdown table with the mean row."""
    columns = list(next(iter(table.values())))
    print("| set | " + " | ".join(columns) + " |")
    print("|---|" + "---|" * len(columns))
    for name, row in table.items():
        print(f"| {name} | " + " | ".join(f"{row[c]:.2f}" for c in columns) + " |")
    means = [statistics.mean(row[c] for row in table.values()) for c in columns]
    print("| **mean** | " + " | ".join(f"{m:.2f}" for m in means) + " |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--train", nargs="+", required=True, help="candidate caches to learn from")
    parser.add_argument("--eval", required=True, help="the dev protocol's candidate cache")
    parser.add_argument("--guard", default="models/yxsumm-guard", help="guard folder (weights, trigrams, endings)")
    parser.add_argument("--hidden", type=int, default=16)
    parser.add_argument("--weight-decay", type=float, default=1e-2)
    parser.add_argument("--epochs", type=int, default=400)
    parser.add_argument("--margin", type=float, default=0.0, help="predicted lead (/100) the line must exceed")
    parser.add_argument("--seeds", type=int, default=1, help="average the table over this many training seeds")
    parser.add_argument("--write", action="store_true", help="save the chooser (first seed) into --guard")
    args = parser.parse_args()
    guard = Path(args.guard)
    background = TrigramBackground.load(guard / TRIGRAM_FILE)
    tune_guard.ENDINGS = HeadlineEndings.load(guard / ENDINGS_FILE)
    weights = load_guard_weights(guard)
    train: dict = {}
    for path in args.train:
        for name, items in json.loads(Path(path).read_text(encoding="utf-8")).items():
            train[f"{path}:{name}"] = items
    features, targets = examples(train, background, weights)
    print(
        f"{len(targets)} training items with both a passing line and a span; line better on "
        f"{100 * (targets > 0).mean():.1f}%, span better on {100 * (targets < 0).mean():.1f}%"
    )
    dev = json.loads(Path(args.eval).read_text(encoding="utf-8"))
    first: LineChooser | None = None
    tables = []
    for seed in range(args.seeds):
        model = fit_chooser(
            features, targets, hidden=args.hidden, weight_decay=args.weight_decay, epochs=args.epochs, seed=seed
        )
        chooser = LineChooser(model, args.margin)
        first = first or chooser
        tables.append(evaluate(dev, background, weights, chooser))
    table = {name: {c: statistics.mean(t[name][c] for t in tables) for c in tables[0][name]} for name in tables[0]}
    print_table(table)
    if args.write and first is not None:
        note = (
            f"bench/train_chooser.py on {len(targets)} items of {', '.join(args.train)} "
            f"(hidden {args.hidden}, weight decay {args.weight_decay}, {args.epochs} epochs)"
        )
        first.save(guard, note)
        print(f"wrote the chooser into {guard}")


if __name__ == "__main__":
    main()
