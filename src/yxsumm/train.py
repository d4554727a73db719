"""Training yxsumm's copy-BART headline model on the corpora in ``shared/data``.

Resumable: a checkpoint (weights, optimiser, data position, elapsed time) is written to
``OUTPUT/last`` every few minutes and the best model on the dev sets to ``OUTPUT/best``; running
the same command again continues where it stopped. The learning rate follows warm-up then a cosine
decay over the *time* budget (``--max-minutes``, counted across resumes).
"""

from __future__ import annotations

import json
import logging
import math
import random
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import torch
from transformers import BertTokenizerFast, GenerationConfig

from .corpus import Pair, read_pairs, read_split
from .generation import generate_texts
from .modeling_copybart import CopyBartConfig, CopyBartForConditionalGeneration
from .rouge import rouge_corpus
from .tokenization import build_vocabulary, format_source, make_tokenizer

logger = logging.getLogger(__name__)

#: Dev files scored during training: (file stem, number of pairs).
DEV_SETS = (("xwlb_items", 150), ("hkcnews_articles", 150), ("hkcnews_sections", 150))


@dataclass
class TrainConfig:
    """Every setting of a training run (saved beside the checkpoints)."""

    data_dir: str = "../shared/data"
    output_dir: str = "runs/copybart"
    max_minutes: float = 100.0
    batch_size: int = 48
    learning_rate: float = 1e-3
    warmup_steps: int = 300
    weight_decay: float = 0.01
    max_source_chars: int = 192
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
    sources: list[str] = field(default_factory=list)  # corpus stems; empty = all training corpora
    init_from: str = ""  # start a new run from this model folder's weights and tokenizer (e.g. the shipped model)


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


def _batches_for_epoch(lengths: list[int], batch_size: int, seed: int) -> list[list[int]]:
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


def _cap_per_source(pairs: list[Pair], cap: int, seed: int) -> list[Pair]:
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


def _learning_rate(config: TrainConfig, state: TrainState) -> float:
    warm = min(1.0, (state.step + 1) / config.warmup_steps)
    progress = min(1.0, state.elapsed_seconds / (config.max_minutes * 60))
    return config.learning_rate * warm * (0.1 + 0.9 * 0.5 * (1 + math.cos(math.pi * progress)))


def default_generation_config(config: CopyBartConfig) -> GenerationConfig:
    """Decoding settings shipped with the model (beam search, no repeated trigrams)."""
    return GenerationConfig(
        decoder_start_token_id=config.decoder_start_token_id,
        bos_token_id=config.bos_token_id,
        eos_token_id=config.eos_token_id,
        pad_token_id=config.pad_token_id,
        forced_eos_token_id=config.eos_token_id,
        num_beams=4,
        no_repeat_ngram_size=3,
        length_penalty=1.0,
        max_length=40,
        min_length=4,
        early_stopping=True,
    )


def build_model(config: TrainConfig, tokenizer: BertTokenizerFast) -> CopyBartForConditionalGeneration:
    """A fresh copy-BART sized by ``config`` for ``tokenizer``'s vocabulary."""
    model_config = CopyBartConfig(
        vocab_size=len(tokenizer),
        d_model=config.d_model,
        encoder_layers=config.encoder_layers,
        decoder_layers=config.decoder_layers,
        encoder_attention_heads=config.attention_heads,
        decoder_attention_heads=config.attention_heads,
        encoder_ffn_dim=config.ffn_dim,
        decoder_ffn_dim=config.ffn_dim,
        max_position_embeddings=256,
        dropout=config.dropout,
        attention_dropout=0.0,
        activation_function="gelu",
        pad_token_id=tokenizer.pad_token_id,
        bos_token_id=tokenizer.cls_token_id,
        eos_token_id=tokenizer.sep_token_id,
        decoder_start_token_id=tokenizer.cls_token_id,
        forced_eos_token_id=tokenizer.sep_token_id,
        scale_embedding=True,
        tie_word_embeddings=True,
        copy_attention_dim=128,
    )
    return CopyBartForConditionalGeneration(model_config)


def _encode_pairs(
    pairs: list[Pair], tokenizer: BertTokenizerFast, config: TrainConfig
) -> tuple[list[list[int]], list[list[int]]]:
    sources = [format_source(p.text, p.task, config.max_source_chars) for p in pairs]
    sources_ids = tokenizer(sources, truncation=True, max_length=config.max_source_chars + 8)["input_ids"]
    targets_ids = tokenizer([p.summary for p in pairs], truncation=True, max_length=config.max_target_tokens)[
        "input_ids"
    ]
    # The decoder starts from [CLS]; labels are the summary tokens then [SEP].
    targets_ids = [ids[1:] for ids in targets_ids]
    return sources_ids, targets_ids


def _collate(
    index: list[int], sources: list[list[int]], targets: list[list[int]], pad_id: int
) -> dict[str, torch.Tensor]:
    src_len = max(len(sources[i]) for i in index)
    tgt_len = max(len(targets[i]) for i in index)
    input_ids = torch.full((len(index), src_len), pad_id, dtype=torch.long)
    labels = torch.full((len(index), tgt_len), -100, dtype=torch.long)
    for row, i in enumerate(index):
        input_ids[row, : len(sources[i])] = torch.tensor(sources[i])
        labels[row, : len(targets[i])] = torch.tensor(targets[i])
    return {"input_ids": input_ids, "attention_mask": (input_ids != pad_id).long(), "labels": labels}


def evaluate_dev(
    model: CopyBartForConditionalGeneration,
    tokenizer: BertTokenizerFast,
    dev_pairs: dict[str, list[Pair]],
    config: TrainConfig,
) -> dict[str, float]:
    """Greedy-decoded character ROUGE-L on each dev set (a quick signal, not the final numbers)."""
    model.eval()
    scores: dict[str, float] = {}
    for name, pairs in dev_pairs.items():
        if not pairs:
            continue
        hyps = generate_texts(
            model,
            tokenizer,
            [p.text for p in pairs],
            task=pairs[0].task,
            max_source_chars=config.max_source_chars,
            num_beams=1,
            no_repeat_ngram_size=3,
            max_length=40,
        )
        scores[name] = round(rouge_corpus(hyps, [p.summary for p in pairs]).rougeL, 2)
    model.train()
    return scores


def save_model(model: CopyBartForConditionalGeneration, tokenizer: BertTokenizerFast, folder: Path) -> None:
    """Save weights (safetensors), config, generation config and tokenizer into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    model.generation_config = default_generation_config(model.config)
    model.save_pretrained(str(folder), safe_serialization=True)
    tokenizer.save_pretrained(str(folder))


def export_model(source: str | Path, target: str | Path, dtype: str = "float16") -> Path:
    """Copy a trained model for shipping: weights in ``dtype`` (safetensors), config, tokenizer; no optimiser."""
    source, target = Path(source), Path(target)
    tokenizer = BertTokenizerFast.from_pretrained(str(source))
    model = CopyBartForConditionalGeneration.from_pretrained(str(source), dtype=torch.float32)
    model.to(getattr(torch, dtype))
    target.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(str(target), safe_serialization=True)
    tokenizer.save_pretrained(str(target))
    return target


def _save_checkpoint(
    folder: Path,
    model: CopyBartForConditionalGeneration,
    tokenizer: BertTokenizerFast,
    optimizer: torch.optim.Optimizer,
    state: TrainState,
) -> None:
    tmp = folder.with_name(folder.name + ".tmp")
    save_model(model, tokenizer, tmp)
    torch.save(optimizer.state_dict(), tmp / "optimizer.pt")
    (tmp / "train_state.json").write_text(json.dumps(asdict(state), indent=1), encoding="utf-8")
    if folder.exists():
        old = folder.with_name(folder.name + ".old")
        folder.rename(old)
        tmp.rename(folder)
        for child in old.iterdir():
            child.unlink()
        old.rmdir()
    else:
        tmp.rename(folder)


def train(config: TrainConfig) -> TrainState:
    """Train (or resume) a model as ``config`` says; returns the final progress state."""
    random.seed(config.seed)
    torch.manual_seed(config.seed)
    if config.threads:
        torch.set_num_threads(config.threads)
    output = Path(config.output_dir)
    output.mkdir(parents=True, exist_ok=True)
    (output / "train_config.json").write_text(json.dumps(asdict(config), indent=1), encoding="utf-8")

    logger.info("reading training data from %s", config.data_dir)
    pairs = read_split(config.data_dir, "train", config.sources or None)
    pairs = _cap_per_source(pairs, config.max_pairs_per_source, config.seed)
    if config.limit_pairs:
        pairs = pairs[: config.limit_pairs]
    if not pairs:
        raise FileNotFoundError(f"no training pairs under {config.data_dir}/train")
    dev_pairs = {
        name: read_pairs(Path(config.data_dir) / "dev" / f"{name}.jsonl.gz", limit=limit)
        for name, limit in DEV_SETS
        if (Path(config.data_dir) / "dev" / f"{name}.jsonl.gz").exists()
    }

    last = output / "last"
    state = TrainState()
    if (last / "train_state.json").exists():
        tokenizer = BertTokenizerFast.from_pretrained(str(last))
        model = CopyBartForConditionalGeneration.from_pretrained(str(last))
        state = TrainState(**json.loads((last / "train_state.json").read_text(encoding="utf-8")))
        logger.info("resuming from step %d (%.1f min)", state.step, state.elapsed_seconds / 60)
    elif config.init_from:
        tokenizer = BertTokenizerFast.from_pretrained(config.init_from)
        model = CopyBartForConditionalGeneration.from_pretrained(
            config.init_from, dtype=torch.float32, dropout=config.dropout
        ).float()
        logger.info("starting from the weights of %s", config.init_from)
    else:
        vocabulary = build_vocabulary(
            (p.text[: config.max_source_chars] + p.summary for p in pairs), max_size=config.vocab_size
        )
        tokenizer = make_tokenizer(vocabulary, output / "tokenizer")
        model = build_model(config, tokenizer)
    model.to(config.device)
    logger.info("model: %.1f M parameters, vocabulary %d", model.num_parameters() / 1e6, len(tokenizer))

    sources, targets = _encode_pairs(pairs, tokenizer, config)
    lengths = [len(s) for s in sources]
    optimizer = torch.optim.AdamW(
        model.parameters(), lr=config.learning_rate, weight_decay=config.weight_decay, betas=(0.9, 0.98)
    )
    if (last / "optimizer.pt").exists():
        optimizer.load_state_dict(torch.load(last / "optimizer.pt", weights_only=True))

    model.train()
    start = time.monotonic() - state.elapsed_seconds
    last_checkpoint = last_eval = time.monotonic()
    running_loss, running_n = 0.0, 0
    autocast = torch.autocast(config.device.split(":")[0], dtype=torch.bfloat16, enabled=config.bf16)
    budget = config.max_minutes * 60

    def running() -> bool:
        return state.elapsed_seconds < budget and (not config.max_steps or state.step < config.max_steps)

    while running():
        batches = _batches_for_epoch(lengths, config.batch_size, config.seed + state.epoch)
        while state.batch_in_epoch < len(batches) and running():
            batch = _collate(batches[state.batch_in_epoch], sources, targets, tokenizer.pad_token_id)
            batch = {k: v.to(config.device) for k, v in batch.items()}
            for group in optimizer.param_groups:
                group["lr"] = _learning_rate(config, state)
            with autocast:
                loss = model(**batch).loss
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            state.step += 1
            state.batch_in_epoch += 1
            state.pairs_seen += len(batches[state.batch_in_epoch - 1])
            state.elapsed_seconds = time.monotonic() - start
            running_loss += loss.item()
            running_n += 1
            if state.step % config.log_every == 0:
                rate = state.pairs_seen / max(state.elapsed_seconds, 1e-9)
                state.history.append({"step": state.step, "loss": round(running_loss / running_n, 4)})
                logger.info(
                    "step %d epoch %d loss %.3f lr %.2e %.1f pairs/s %.1f min",
                    state.step,
                    state.epoch,
                    running_loss / running_n,
                    optimizer.param_groups[0]["lr"],
                    rate,
                    state.elapsed_seconds / 60,
                )
                running_loss, running_n = 0.0, 0
            now = time.monotonic()
            if now - last_eval >= config.eval_every_minutes * 60 or not running():
                _evaluate_and_keep_best(model, tokenizer, dev_pairs, config, state, output)
                last_eval = now = time.monotonic()
            if now - last_checkpoint >= config.checkpoint_every_minutes * 60:
                _save_checkpoint(last, model, tokenizer, optimizer, state)
                last_checkpoint = time.monotonic()
        if state.batch_in_epoch >= len(batches):
            state.epoch += 1
            state.batch_in_epoch = 0
    evaluated = [h for h in state.history if "dev_rougeL" in h]
    if not evaluated or evaluated[-1]["step"] != state.step:
        _evaluate_and_keep_best(model, tokenizer, dev_pairs, config, state, output)
    _save_checkpoint(last, model, tokenizer, optimizer, state)
    logger.info(
        "finished: step %d, %d pairs seen, best dev ROUGE-L %.2f", state.step, state.pairs_seen, state.best_dev_rouge_l
    )
    return state


def _evaluate_and_keep_best(
    model: CopyBartForConditionalGeneration,
    tokenizer: BertTokenizerFast,
    dev_pairs: dict[str, list[Pair]],
    config: TrainConfig,
    state: TrainState,
    output: Path,
) -> None:
    scores = evaluate_dev(model, tokenizer, dev_pairs, config)
    mean = sum(scores.values()) / max(len(scores), 1)
    record = {
        "step": state.step,
        "minutes": round(state.elapsed_seconds / 60, 1),
        "pairs_seen": state.pairs_seen,
        "dev_rougeL": scores,
        "mean": round(mean, 2),
    }
    state.history.append(record)
    logger.info("dev ROUGE-L %s mean %.2f", scores, mean)
    with open(output / "history.jsonl", "a", encoding="utf-8") as handle:
        handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    if mean > state.best_dev_rouge_l:
        state.best_dev_rouge_l = mean
        save_model(model, tokenizer, output / "best")
        (output / "best" / "train_state.json").write_text(json.dumps(asdict(state), indent=1), encoding="utf-8")
        logger.info("new best model saved to %s", output / "best")
