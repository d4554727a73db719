"""The settings of a training run and the progress a resumed run continues from."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..task_params import DEFAULT_SOURCE_CHARS

#: Dev files scored during training: (file stem, number of pairs).
DEV_SETS = (("xwlb_items", 150), ("hkcnews_articles", 150), ("hkcnews_sections", 150))


@dataclass
class TrainConfig:
    """Every setting of a training run (saved beside the checkpoints; ``yxsumm train`` has a flag for each)."""

    data_dir: str = "../shared/data"
    output_dir: str = "runs/copybart"
    max_minutes: float = 100.0
    batch_size: int = 48
    learning_rate: float = 1e-3
    warmup_steps: int = 300
    weight_decay: float = 0.01
    max_source_chars: int = DEFAULT_SOURCE_CHARS
    max_target_tokens: int = 48
    d_model: int = 256
    encoder_layers: int = 4
    decoder_layers: int = 2
    attention_heads: int = 4
    ffn_dim: int = 1024
    vocab_size: int = 6000
    dropout: float = 0.1
    seed: int = 13
    eval_every_minutes: float = 10.0
    checkpoint_every_minutes: float = 5.0
    device: str = "cpu"
    bf16: bool = False  # bf16 autocast was 140x slower than fp32 on a 2-core EPYC without AVX-512 (profiled)
    threads: int = 0
    limit_pairs: int = 0  # for tests: use only this many training pairs
    log_every: int = 50
    max_steps: int = 0  # stop after this many optimiser steps (0 = only the time budget)
    max_pairs_per_source: int = 50000  # cap the large xwlb set so the HK corpora weigh more
    faithful_targets: bool = False  # drop pairs whose target has a number or Latin word the model input lacks
    sources: list[str] = field(default_factory=list)  # corpus stems; empty = all training corpora
    init_from: str = ""  # start a new run from this model folder's weights and tokenizer (e.g. the shipped model)
    grow_layers: bool = False  # with init_from: add identity layers up to encoder_layers / decoder_layers


@dataclass
class TrainState:
    """Progress that a resumed run continues from."""

    step: int = 0
    epoch: int = 0
    batch_in_epoch: int = 0
    elapsed_seconds: float = 0.0
    pairs_seen: int = 0
    best_dev_rouge_l: float = -1.0
    history: list[dict] = field(default_factory=list)
