"""Training and dev pairs, encoded once, and the length-bucketed batches of each epoch."""

from __future__ import annotations

import logging
import random
from pathlib import Path

import torch
from transformers import BertTokenizerFast

from ..corpus import Pair, read_pairs, read_split
from ..tokenization import format_source
from .config import DEV_SETS, TrainConfig

logger = logging.getLogger(__name__)


def read_training_pairs(config: TrainConfig) -> list[Pair]:
    """The training pairs ``config`` asks for (corpora, per-corpus cap, limit); raises when there are none."""
    pairs = read_split(config.data_dir, "train", config.sources or None)
    if config.faithful_targets:
        kept = supported_targets(pairs, config.max_source_chars)
        logger.info("kept %d of %d pairs whose target the model input supports", len(kept), len(pairs))
        pairs = kept
    pairs = cap_per_source(pairs, config.max_pairs_per_source, config.seed)
    if config.limit_pairs:
        pairs = pairs[: config.limit_pairs]
    if not pairs:
        raise FileNotFoundError(f"no training pairs under {config.data_dir}/train")
    return pairs


def read_dev_pairs(config: TrainConfig) -> dict[str, list[Pair]]:
    """The dev pairs scored during training (:data:`~.config.DEV_SETS` that exist under the data folder)."""
    dev = Path(config.data_dir) / "dev"
    return {
        name: read_pairs(dev / f"{name}.jsonl.gz", limit=limit)
        for name, limit in DEV_SETS
        if (dev / f"{name}.jsonl.gz").exists()
    }


def supported_targets(pairs: list[Pair], max_source_chars: int) -> list[Pair]:
    """The pairs whose summary states no number or Latin word that the first ``max_source_chars`` characters lack.

    The model reads only that much of the text, so a target with a figure from further on (or from
    nowhere) teaches it to write figures it cannot see.  Needs the package's inference libraries (OpenCC,
    jieba); for a machine without them, filter when packing (``bench/pack_corpora.py --faithful-targets``).
    """
    from ..faithfulness import invents_number_or_latin

    return [p for p in pairs if not invents_number_or_latin(p.summary, p.text[:max_source_chars])]


def cap_per_source(pairs: list[Pair], cap: int, seed: int) -> list[Pair]:
    """Keep at most ``cap`` randomly chosen pairs of each corpus (0 = no cap)."""
    if cap <= 0:
        return pairs
    by_source: dict[str, list[Pair]] = {}
    for pair in pairs:
        by_source.setdefault(pair.source, []).append(pair)
    kept: list[Pair] = []
    for source in sorted(by_source):
        group = by_source[source]
        if len(group) > cap:
            group = random.Random(seed).sample(group, cap)
        kept.extend(group)
    return kept


def batches_for_epoch(lengths: list[int], batch_size: int, seed: int) -> list[list[int]]:
    """Shuffle, then sort by length inside windows of 50 batches to cut padding; shuffle the batches."""
    rng = random.Random(seed)
    order = list(range(len(lengths)))
    rng.shuffle(order)
    window = batch_size * 50
    batches: list[list[int]] = []
    for start in range(0, len(order), window):
        chunk = sorted(order[start : start + window], key=lambda i: lengths[i])
        batches.extend(chunk[i : i + batch_size] for i in range(0, len(chunk), batch_size))
    rng.shuffle(batches)
    return batches


def encode_pairs(
    pairs: list[Pair], tokenizer: BertTokenizerFast, config: TrainConfig
) -> tuple[list[list[int]], list[list[int]]]:
    """Token ids of the model inputs (task token + truncated text) and of the targets (no leading ``[CLS]``)."""
    sources = [format_source(p.text, p.task, config.max_source_chars) for p in pairs]
    sources_ids = tokenizer(sources, truncation=True, max_length=config.max_source_chars + 8)["input_ids"]
    targets_ids = tokenizer([p.summary for p in pairs], truncation=True, max_length=config.max_target_tokens)[
        "input_ids"
    ]
    # The decoder starts from [CLS]; labels are the summary tokens then [SEP].
    return sources_ids, [ids[1:] for ids in targets_ids]


def collate(
    index: list[int], sources: list[list[int]], targets: list[list[int]], pad_id: int
) -> dict[str, torch.Tensor]:
    """One padded batch: ``input_ids``, ``attention_mask`` and ``labels`` (-100 where padded)."""
    src_len = max(len(sources[i]) for i in index)
    tgt_len = max(len(targets[i]) for i in index)
    input_ids = torch.full((len(index), src_len), pad_id, dtype=torch.long)
    labels = torch.full((len(index), tgt_len), -100, dtype=torch.long)
    for row, i in enumerate(index):
        input_ids[row, : len(sources[i])] = torch.tensor(sources[i])
        labels[row, : len(targets[i])] = torch.tensor(targets[i])
    return {"input_ids": input_ids, "attention_mask": (input_ids != pad_id).long(), "labels": labels}
