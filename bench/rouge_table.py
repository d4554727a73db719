"""Turn ``yxsumm eval --json`` results into the Markdown table of the model card.

python bench/rouge_table.py eval.json [eval-more.json ...]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def main() -> None:
    print("| test set | pairs | ROUGE-1 | ROUGE-2 | ROUGE-L | lead-1 ROUGE-L | length | ms/item |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for path in sys.argv[1:]:
        for result in json.loads(Path(path).read_text(encoding="utf-8")):
            name = Path(result["file"]).name.removesuffix(".jsonl.gz")
            system, lead = result["system"], result["lead1"]
            print(
                f"| {name} | {result['pairs']} | {system['rouge1']:.1f} | {system['rouge2']:.1f} | "
                f"**{system['rougeL']:.1f}** | {lead['rougeL']:.1f} | {result['mean_length']:.1f} | "
                f"{1000 * result['seconds_per_item']:.0f} |"
            )


if __name__ == "__main__":
    main()
