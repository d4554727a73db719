"""What the guard prints for every item of a ``bench/tune_guard.py`` cache, line by line.

Writes one JSON line per item (set, gold, raw model line, whole-word top line, printed line, its origin
and the ROUGE-L of each against the gold), so that two guards or two models can be compared item by item
and the changed lines read:

    python bench/guard_lines.py runs/dev.json --out runs/dev_lines.jsonl
    python bench/guard_lines.py runs/dev.json --out runs/new_lines.jsonl --compare runs/dev_lines.jsonl

``--compare`` prints every item whose printed line differs from the earlier dump, with both scores, and
the per-set ROUGE-L of both.  Without it, the table also gives the share of raw lines (plain beam search)
and of first beams (the guard's constrained decoding) that state a number or Latin word the text lacks
(:func:`~yxsumm.faithfulness.invents_number_or_latin`): what a model comparison needs beside ROUGE-L.
"""

from __future__ import annotations

import argparse
import json
import statistics
from pathlib import Path

from common import ROOT, cached_candidates
from yxsumm.faithfulness import invents_number_or_latin
from yxsumm.guard import assess_candidate, choose_assessed
from yxsumm.guard_assets import load_guard_assets
from yxsumm.postprocess import finish_line
from yxsumm.rouge import rouge_corpus, rouge_pair

GUARD = ROOT / "models" / "yxsumm-guard"


def printed_lines(cache: dict, guard: Path) -> list[dict]:
    """One record per cached item: the lines a reader would see from each way of producing one."""
    assets = load_guard_assets(guard)
    records = []
    for name, items in cache.items():
        for index, item in enumerate(items):
            source = item["text"]
            candidates, fallback = cached_candidates(item)
            assessed = [(c, assess_candidate(c, source, assets.background, endings=assets.endings)) for c in candidates]
            choice = choose_assessed(assessed, assets.weights.for_task(item["task"]), fallback, source)
            lines = {
                "raw": finish_line(item["raw"], source),
                "top": candidates[0].text if item["nbest"] else "",
                "printed": choice.text,
            }
            record = {"set": name, "index": index, "gold": item["gold"], **lines, "origin": choice.origin}
            record["invented_raw"] = invents_number_or_latin(lines["raw"], source)
            record["invented_top"] = invents_number_or_latin(lines["top"], source)
            record.update({f"r_{k}": round(rouge_pair(v, item["gold"]).rougeL, 1) for k, v in lines.items()})
            records.append(record)
    return records


def by_set(records: list[dict]) -> dict[str, list[dict]]:
    """The records of each set, in order."""
    sets: dict[str, list[dict]] = {}
    for record in records:
        sets.setdefault(record["set"], []).append(record)
    return sets


def set_scores(records: list[dict], key: str) -> dict[str, float]:
    """Corpus ROUGE-L of one column per set."""
    return {
        name: rouge_corpus([r[key] for r in rows], [r["gold"] for r in rows]).rougeL
        for name, rows in by_set(records).items()
    }


def set_rates(records: list[dict], key: str) -> dict[str, float]:
    """Share (%) of the records of each set whose ``key`` is true."""
    return {name: 100 * sum(r[key] for r in rows) / len(rows) for name, rows in by_set(records).items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("cache", help="a bench/tune_guard.py cache (JSON)")
    parser.add_argument("--guard", default=str(GUARD), help="guard folder (weights, trigrams, endings)")
    parser.add_argument("--out", required=True, help="JSON lines to write")
    parser.add_argument("--compare", help="an earlier dump: print the items whose printed line changed")
    args = parser.parse_args()
    records = printed_lines(json.loads(Path(args.cache).read_text(encoding="utf-8")), Path(args.guard))
    Path(args.out).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    new = set_scores(records, "printed")
    raw = set_scores(records, "raw")
    if not args.compare:
        columns = {"raw": raw, "guard": new}
        columns["raw invented %"] = set_rates(records, "invented_raw")
        columns["first beam invented %"] = set_rates(records, "invented_top")
        print("| set | " + " | ".join(columns) + " |\n" + "|---" * (len(columns) + 1) + "|")
        for name in new:
            print(f"| {name} | " + " | ".join(f"{column[name]:.2f}" for column in columns.values()) + " |")
        means = [statistics.mean(column.values()) for column in columns.values()]
        print("| mean | " + " | ".join(f"{value:.2f}" for value in means) + " |")
        return
    old_records = [json.loads(line) for line in Path(args.compare).read_text(encoding="utf-8").splitlines()]
    old = set_scores(old_records, "printed")
    better = worse = 0
    for before, after in zip(old_records, records, strict=True):
        if before["printed"] == after["printed"]:
            continue
        better += after["r_printed"] > before["r_printed"]
        worse += after["r_printed"] < before["r_printed"]
        print(f"{after['set']}#{after['index']}  gold {after['gold']}")
        print(f"   before {before['r_printed']:5.1f} {before['origin']:<20} {before['printed']}")
        print(f"   after  {after['r_printed']:5.1f} {after['origin']:<20} {after['printed']}")
    print(f"\nchanged lines: {better} better, {worse} worse")
    print("| set | before | after |\n|---|---|---|")
    for name in new:
        print(f"| {name} | {old.get(name, float('nan')):.2f} | {new[name]:.2f} |")
    print(f"| mean | {statistics.mean(old.values()):.2f} | {statistics.mean(new.values()):.2f} |")


if __name__ == "__main__":
    main()
