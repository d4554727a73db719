"""Print what yxsumm makes of short news items no corpus has, to be read (there is no gold to score).

    python bench/read_unseen.py                          # Markdown table: item, headline, how it was made
    python bench/read_unseen.py --json runs/unseen.json  # also keep the lines
    python bench/read_unseen.py --compare runs/unseen.json  # only the items whose lines changed since then

``bench/unseen/`` holds news items written for this project in the style of mainland, Hong Kong (some in
Traditional script) and wire news: a rate cut, a court case, a typhoon, an exam reform, a feature with
numbered sections.  Some are modelled on real events, but names and figures were not checked against
any report, so a line can only be judged against its item.  They were written to find what the test
sets do not show (a predicate given to the wrong actor, a fact dated by another fact's time, a duration
cut short, a quoted scheme misspelt) and keep those cases in view: after a change to the model or the
guard, ``--compare`` lists what now reads differently.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from yxsumm import Summarizer

ITEMS = Path(__file__).resolve().parent / "unseen"


def summaries(summarizer: Summarizer) -> dict[str, dict[str, object]]:
    """Each item's headline, its origin and its section lines, by item name."""
    lines: dict[str, dict[str, object]] = {}
    for path in sorted(ITEMS.glob("*.txt")):
        result = summarizer.summarize(path.read_text(encoding="utf-8"))
        lines[path.stem] = {
            "headline": result.headline,
            "origin": result.headline_origin,
            "sections": [[section.heading, section.summary, section.origin] for section in result.sections],
        }
    return lines


def main() -> None:
    """Print the table (or the changes against ``--compare``)."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", help="model folder (default: the bundled model)")
    parser.add_argument("--json", type=Path, help="also write the lines here")
    parser.add_argument("--compare", type=Path, help="show only the items whose lines differ from this file's")
    args = parser.parse_args()
    lines = summaries(Summarizer(args.model))
    before = json.loads(args.compare.read_text(encoding="utf-8")) if args.compare else None
    print("| item | headline | origin |" if before is None else "| item | before | after |")
    print("|---|---|---|")
    for name, now in lines.items():
        if before is None:
            print(f"| {name} | {now['headline']} | {now['origin']} |")
        elif before.get(name) != now:
            then = before.get(name, {"headline": "(new)"})
            print(f"| {name} | {then['headline']} | {now['headline']} |")
    if args.json:
        args.json.write_text(json.dumps(lines, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
