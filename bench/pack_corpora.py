"""Pack the training corpora small enough to travel with the code to a GPU machine.

The model reads only the first ``max_source_chars`` characters of a text, so a copy of the corpora
with every text cut there (and each corpus optionally sampled down) trains exactly as the full one
does. The copy keeps the layout of ``../shared/data`` (``train/NAME.jsonl.gz``, ``dev/NAME.jsonl.gz``),
so ``yxsumm train --data-dir PACKED`` reads it unchanged. It is for a run's own scratch space
(ignored by git): the corpora must never be committed.

    python bench/pack_corpora.py --out /tmp/packed --gzip-level 0
    tar -cf - -C /tmp/packed . | xz -9 -T2 > .gpu/data.tar.xz   # all 184 k pairs: about 24 MiB
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
from pathlib import Path

from yxsumm.corpus import TRAIN_FILES, read_jsonl
from yxsumm.faithfulness import invents_number_or_latin
from yxsumm.training.config import DEV_SETS


def pack_file(
    source: Path, target: Path, chars: int, cap: int, seed: int, limit: int = 0, level: int = 9, faithful: int = 0
) -> int:
    """Copy ``source`` to ``target`` with texts cut to ``chars`` and at most ``cap`` lines; returns lines kept.

    ``faithful`` (the characters the model reads, 0 = off) keeps only the pairs whose summary states no
    number or Latin word that so much of the text lacks (as ``yxsumm train --faithful-targets true``)."""
    records = list(read_jsonl(source))
    if limit:
        records = records[:limit]
    if faithful:
        records = [r for r in records if not invents_number_or_latin(r["summary"], r["text"][:faithful])]
    if cap and len(records) > cap:
        records = random.Random(seed).sample(records, cap)
    target.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(target, "wt", encoding="utf-8", compresslevel=level) as handle:
        for record in records:
            kept = {"text": record["text"][:chars], "summary": record["summary"], "task": record.get("task", "")}
            handle.write(json.dumps(kept, ensure_ascii=False) + "\n")
    return len(records)


def parse_caps(values: list[str]) -> dict[str, int]:
    """``["xwlb_items=40000"]`` → ``{"xwlb_items": 40000}``."""
    caps: dict[str, int] = {}
    for value in values:
        name, _, number = value.partition("=")
        caps[name] = int(number)
    return caps


def main() -> None:
    """Write the packed copy and print what it holds."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", default="../shared/data")
    parser.add_argument("--out", required=True)
    parser.add_argument("--chars", type=int, default=200, help="cut every text here (the model reads 192)")
    parser.add_argument("--cap", action="append", default=[], help="NAME=N: keep N random training pairs")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--faithful-targets", type=int, default=0, metavar="CHARS",
        help="keep only training pairs whose summary states no number or Latin word the first CHARS characters lack",
    )  # fmt: skip
    parser.add_argument(
        "--gzip-level", type=int, default=9, help="0 stores the lines uncompressed, for an outer xz archive"
    )
    args = parser.parse_args()
    data, out, caps = Path(args.data_dir), Path(args.out), parse_caps(args.cap)
    total = 0
    for name in TRAIN_FILES:
        source = data / "train" / f"{name}.jsonl.gz"
        if source.exists():
            kept = pack_file(
                source,
                out / "train" / source.name,
                args.chars,
                caps.get(name, 0),
                args.seed,
                level=args.gzip_level,
                faithful=args.faithful_targets,
            )
            total += kept
            print(f"train/{name}: {kept} pairs")
    for name, limit in DEV_SETS:
        source = data / "dev" / f"{name}.jsonl.gz"
        if source.exists():
            pack_file(source, out / "dev" / source.name, args.chars, 0, args.seed, limit=limit, level=args.gzip_level)
    size = sum(p.stat().st_size for p in out.rglob("*.gz"))
    print(f"{total} training pairs, {size / 2**20:.1f} MiB")


if __name__ == "__main__":
    main()
