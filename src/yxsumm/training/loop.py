"""The training loop: AdamW, warm-up then cosine decay over the time budget, checkpoints, dev scores."""

from __future__ import annotations

import json
import logging
import math
import random
import time
from dataclasses import asdict
from pathlib import Path

import torch

from ..errors import InputError
from .checkpoints import evaluate_and_keep_best, save_checkpoint
from .config import TrainConfig, TrainState
from .data import batches_for_epoch, collate, encode_pairs, read_dev_pairs, read_training_pairs
from .modeling import load_for_run

logger = logging.getLogger(__name__)


def learning_rate(config: TrainConfig, state: TrainState) -> float:
    """Linear warm-up over ``warmup_steps``, then cosine decay to 10 % over the time budget."""
    warm = min(1.0, (state.step + 1) / config.warmup_steps)
    progress = min(1.0, state.elapsed_seconds / (config.max_minutes * 60))
    return config.learning_rate * warm * (0.1 + 0.9 * 0.5 * (1 + math.cos(math.pi * progress)))


class _LossLog:
    """The mean training loss since the last log line."""

    def __init__(self) -> None:
        self.total, self.count = 0.0, 0

    def add(self, loss: float) -> None:
        self.total += loss
        self.count += 1

    def take(self) -> float:
        mean = self.total / max(1, self.count)
        self.total, self.count = 0.0, 0
        return mean


def train(config: TrainConfig) -> TrainState:
    """Train (or resume) a model as ``config`` says; returns the final progress state.

    Raises :class:`~yxsumm.errors.InputError` for settings that cannot work together, before any data is read.
    """
    if config.grow_layers and not config.init_from:
        raise InputError("--grow-layers adds layers to trained weights: give them with --init-from")
    random.seed(config.seed)
    torch.manual_seed(config.seed)
    if config.threads:
        torch.set_num_threads(config.threads)
    output = Path(config.output_dir)
    output.mkdir(parents=True, exist_ok=True)
    (output / "train_config.json").write_text(json.dumps(asdict(config), indent=1), encoding="utf-8")
    logger.info("reading training data from %s", config.data_dir)
    pairs = read_training_pairs(config)
    dev_pairs = read_dev_pairs(config)
    model, tokenizer, state = load_for_run(config, pairs, output)
    model.to(config.device)
    logger.info("model: %.1f M parameters, vocabulary %d", model.num_parameters() / 1e6, len(tokenizer))
    sources, targets = encode_pairs(pairs, tokenizer, config)
    lengths = [len(s) for s in sources]
    optimizer = torch.optim.AdamW(
        model.parameters(), lr=config.learning_rate, weight_decay=config.weight_decay, betas=(0.9, 0.98)
    )
    last = output / "last"
    if (last / "optimizer.pt").exists():
        optimizer.load_state_dict(torch.load(last / "optimizer.pt", weights_only=True))

    model.train()
    start = time.monotonic() - state.elapsed_seconds
    last_checkpoint = last_eval = time.monotonic()
    losses = _LossLog()
    autocast = torch.autocast(config.device.split(":")[0], dtype=torch.bfloat16, enabled=config.bf16)
    budget = config.max_minutes * 60

    def running() -> bool:
        return state.elapsed_seconds < budget and (not config.max_steps or state.step < config.max_steps)

    while running():
        batches = batches_for_epoch(lengths, config.batch_size, config.seed + state.epoch)
        while state.batch_in_epoch < len(batches) and running():
            index = batches[state.batch_in_epoch]
            batch = {
                k: v.to(config.device) for k, v in collate(index, sources, targets, tokenizer.pad_token_id).items()
            }
            for group in optimizer.param_groups:
                group["lr"] = learning_rate(config, state)
            with autocast:
                loss = model(**batch).loss
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            state.step += 1
            state.batch_in_epoch += 1
            state.pairs_seen += len(index)
            state.elapsed_seconds = time.monotonic() - start
            losses.add(loss.item())
            if state.step % config.log_every == 0:
                _log_progress(state, losses.take(), optimizer.param_groups[0]["lr"])
            now = time.monotonic()
            if now - last_eval >= config.eval_every_minutes * 60 or not running():
                evaluate_and_keep_best(model, tokenizer, dev_pairs, config, state, output)
                last_eval = now = time.monotonic()
            if now - last_checkpoint >= config.checkpoint_every_minutes * 60:
                save_checkpoint(last, model, tokenizer, optimizer, state)
                last_checkpoint = time.monotonic()
        if state.batch_in_epoch >= len(batches):
            state.epoch += 1
            state.batch_in_epoch = 0
    evaluated = [h for h in state.history if "dev_rougeL" in h]
    if not evaluated or evaluated[-1]["step"] != state.step:
        evaluate_and_keep_best(model, tokenizer, dev_pairs, config, state, output)
    save_checkpoint(last, model, tokenizer, optimizer, state)
    logger.info(
        "finished: step %d, %d pairs seen, best dev ROUGE-L %.2f", state.step, state.pairs_seen, state.best_dev_rouge_l
    )
    return state


def _log_progress(state: TrainState, loss: float, lr: float) -> None:
    state.history.append({"step": state.step, "loss": round(loss, 4)})
    logger.info(
        "step %d epoch %d loss %.3f lr %.2e %.1f pairs/s %.1f min",
        state.step,
        state.epoch,
        loss,
        lr,
        state.pairs_seen / max(state.elapsed_seconds, 1e-9),
        state.elapsed_seconds / 60,
    )
