"""Print what yxsumm makes of short news items no corpus has, to be read (there is no gold to score).

    python bench/read_unseen.py                          # Markdown table: item, headline (and section lines), origin
    python bench/read_unseen.py --json runs/unseen.json  # also keep the lines
    python bench/read_unseen.py --compare runs/unseen.json  # only the items whose lines changed since then
    python bench/read_unseen.py --lines runs/new.json --compare runs/old.json  # two saved runs, nothing generated

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


def rows(name: str, record: dict[str, object]) -> list[tuple[str, str, str]]:
    """The item's printed lines as (label, line, origin): its headline, then, for an item of more than
    one section, each section's line under its heading (``↳ 课程怎么上``; ``↳ (lead)`` without one)."""
    found = [(name, str(record["headline"]), str(record["origin"]))]
    sections = record.get("sections") or []
    if len(sections) > 1:
        found += [(f"↳ {heading or '(lead)'}", summary, origin) for heading, summary, origin in sections]
    return found


def main() -> None:
    """Print the table (or the changes against ``--compare``)."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", help="model folder (default: the bundled model)")
    parser.add_argument("--guard", help="output guard folder (default: the bundled guard)")
    parser.add_argument("--json", type=Path, help="also write the lines here")
    parser.add_argument("--compare", type=Path, help="show only the items whose lines differ from this file's")
    parser.add_argument("--lines", type=Path, help="take the lines from an earlier --json file, not summarising")
    args = parser.parse_args()
    if args.lines and (args.model or args.guard):
        parser.error("--lines reads saved lines: --model and --guard would not be used")
    if args.lines:
        lines = json.loads(args.lines.read_text(encoding="utf-8"))
    else:
        lines = summaries(Summarizer(args.model, guard_model=args.guard))
    before = json.loads(args.compare.read_text(encoding="utf-8")) if args.compare else None
    print("| item | headline | origin |" if before is None else "| item | before | after |")
    print("|---|---|---|")
    changed = 0
    for name, now in lines.items():
        if before is None:
            for label, line, origin in rows(name, now):
                print(f"| {label} | {line} | {origin} |")
            continue
        then = rows(name, before[name]) if name in before else [(name, "(new)", "")]
        for index, (label, line, _) in enumerate(rows(name, now)):
            old = then[index][1] if index < len(then) else "(new)"
            if old != line:
                changed += 1
                print(f"| {label} | {old} | {line} |")
    if before is not None:
        print(f"\n{changed} lines differ")
    if args.json:
        args.json.write_text(json.dumps(lines, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
