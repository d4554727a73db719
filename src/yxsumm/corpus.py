"""Reading the training/evaluation corpora (gzipped JSON Lines of ``{"text", "summary", "task"}``)."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

#: Corpus files used for training, with the model task each one teaches.
TRAIN_FILES: dict[str, str] = {
    "xwlb_items": "headline",
    "hkcnews_articles": "headline",
    "bedtime_daily": "headline",
    "oped2_articles": "headline",
    "hkcnews_sections": "heading",
    "xwlb_sections": "heading",
    "bedtime_sections": "heading",
    "oped2_sections": "heading",
}

#: Corpus task names mapped to the model task (control token) used to summarise them.
CORPUS_TASK_TO_MODEL_TASK: dict[str, str] = {
    "article-headline": "headline",
    "section-heading": "heading",
    "weibo-summary": "headline",
    "abstract-title": "headline",
    "document-summary": "headline",
}


@dataclass(frozen=True)
class Pair:
    """One (text, reference summary) pair of a corpus."""

    text: str
    summary: str
    task: str  # model task: "headline" or "heading"
    source: str  # corpus file stem


def read_jsonl(path: str | Path) -> Iterator[dict]:
    """Yield the JSON objects of a ``.jsonl`` or ``.jsonl.gz`` file."""
    path = Path(path)
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            line = line.strip()
            if line:
                yield json.loads(line)


def corpus_stem(path: str | Path) -> str:
    """``dev/xwlb_items.jsonl.gz`` → ``xwlb_items``."""
    name = Path(path).name
    for suffix in (".gz", ".jsonl", ".json"):
        name = name.removesuffix(suffix)
    return name


def read_pairs(path: str | Path, limit: int | None = None) -> list[Pair]:
    """Read up to ``limit`` pairs of one corpus file, mapping its task to the model's task."""
    stem = corpus_stem(path)
    pairs: list[Pair] = []
    for record in read_jsonl(path):
        task = CORPUS_TASK_TO_MODEL_TASK.get(record.get("task", ""), TRAIN_FILES.get(stem, "headline"))
        text, summary = record.get("text", ""), record.get("summary", "")
        if text and summary:
            pairs.append(Pair(text=text, summary=summary, task=task, source=stem))
        if limit is not None and len(pairs) >= limit:
            break
    return pairs


def read_split(data_dir: str | Path, split: str, names: list[str] | None = None) -> list[Pair]:
    """Read the pairs of every training corpus (or ``names``) in ``data_dir/split``."""
    pairs: list[Pair] = []
    for name in names or list(TRAIN_FILES):
        path = Path(data_dir) / split / f"{name}.jsonl.gz"
        if path.exists():
            pairs.extend(read_pairs(path))
    return pairs
