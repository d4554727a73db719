"""Quality of the fast CPU path: dev ROUGE-L of ``torch-int8`` against ``torch`` on every dev set.

    python bench/compare_backends.py [--limit 300] [--model DIR] [--json out.json]

Prints one Markdown row per dev set (ROUGE-L of each backend, the difference and ms/item), then the
largest drop and the largest absolute difference; exits with status 1 when int8 is worse than float32
by more than ``--tolerance`` (0.5 ROUGE-L) on any set.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from yxsumm import Summarizer
from yxsumm.evaluate import evaluate_file

DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "dev"


def main() -> int:
    """Evaluate both backends on each dev file and print the comparison table."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", default=None)
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--tolerance", type=float, default=0.5)
    parser.add_argument("--data", default=str(DEV))
    parser.add_argument("--json", help="also write the numbers to this file")
    args = parser.parse_args()
    reference = Summarizer(args.model, backend="torch", cache_size=0)
    fast = Summarizer(args.model, backend="torch-int8", cache_size=0)
    rows, worst_drop, largest = [], 0.0, 0.0
    print("| dev set | pairs | torch ROUGE-L | torch-int8 ROUGE-L | difference | ms/item torch → int8 |")
    print("|---|---:|---:|---:|---:|---:|")
    for path in sorted(Path(args.data).glob("*.jsonl.gz")):
        base, quick = evaluate_file(reference, path, args.limit), evaluate_file(fast, path, args.limit)
        difference = quick.system.rougeL - base.system.rougeL
        worst_drop, largest = max(worst_drop, -difference), max(largest, abs(difference))
        name = path.name.removesuffix(".jsonl.gz")
        rows.append({"set": name, "pairs": base.pairs, "torch": base.system.rougeL, "int8": quick.system.rougeL})
        print(
            f"| {name} | {base.pairs} | {base.system.rougeL:.2f} | {quick.system.rougeL:.2f} | {difference:+.2f} | "
            f"{1000 * base.seconds_per_item:.0f} → {1000 * quick.seconds_per_item:.0f} |",
            flush=True,
        )
    print(f"largest drop {worst_drop:.2f}, largest absolute difference {largest:.2f} ROUGE-L")
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=1), encoding="utf-8")
    return 0 if worst_drop <= args.tolerance else 1


if __name__ == "__main__":
    sys.exit(main())
