"""Resumable checkpoints (``OUTPUT/last``) and the best model on the dev sets (``OUTPUT/best``)."""

from __future__ import annotations

import json
import logging
from dataclasses import asdict
from pathlib import Path

import torch
from transformers import BertTokenizerFast

from ..corpus import Pair
from ..decoding import DecodingOptions
from ..generation import generate_texts
from ..modeling_copybart import CopyBartForConditionalGeneration
from ..rouge import rouge_corpus
from .config import TrainConfig, TrainState
from .modeling import save_model

logger = logging.getLogger(__name__)


def save_checkpoint(
    folder: Path,
    model: CopyBartForConditionalGeneration,
    tokenizer: BertTokenizerFast,
    optimizer: torch.optim.Optimizer,
    state: TrainState,
) -> None:
    """Write weights, optimiser and progress to ``folder``, replacing the old checkpoint only once complete."""
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


def evaluate_dev(
    model: CopyBartForConditionalGeneration,
    tokenizer: BertTokenizerFast,
    dev_pairs: dict[str, list[Pair]],
    config: TrainConfig,
) -> tuple[dict[str, float], dict[str, float]]:
    """Greedy-decoded character ROUGE-L on each dev set (a quick signal, not the final numbers), and the
    share (%) of those lines with a number or Latin word that the model input lacks (where the inference
    libraries are installed)."""
    try:  # the fact check needs OpenCC and jieba, which a GPU machine may lack (bench/gpu_train.py): ROUGE only
        import jieba  # noqa: F401
        import opencc  # noqa: F401

        from ..faithfulness import invents_number_or_latin
    except ImportError:
        invents_number_or_latin = None
    model.eval()
    scores: dict[str, float] = {}
    invented: dict[str, float] = {}
    for name, pairs in dev_pairs.items():
        if not pairs:
            continue
        hyps = generate_texts(
            model,
            tokenizer,
            [p.text for p in pairs],
            task=pairs[0].task,
            max_source_chars=config.max_source_chars,
            **DecodingOptions(num_beams=1).generate_kwargs(),
        )
        scores[name] = round(rouge_corpus(hyps, [p.summary for p in pairs]).rougeL, 2)
        if invents_number_or_latin is not None:
            sources = [p.text[: config.max_source_chars] for p in pairs]
            invented[name] = round(100 * sum(map(invents_number_or_latin, hyps, sources)) / len(pairs), 1)
    model.train()
    return scores, invented


def evaluate_and_keep_best(
    model: CopyBartForConditionalGeneration,
    tokenizer: BertTokenizerFast,
    dev_pairs: dict[str, list[Pair]],
    config: TrainConfig,
    state: TrainState,
    output: Path,
) -> None:
    """Score the model on dev, log it to ``OUTPUT/history.jsonl``, and save it to ``OUTPUT/best`` if best so far."""
    scores, invented = evaluate_dev(model, tokenizer, dev_pairs, config)
    mean = sum(scores.values()) / max(len(scores), 1)
    record = {
        "step": state.step,
        "minutes": round(state.elapsed_seconds / 60, 1),
        "pairs_seen": state.pairs_seen,
        "dev_rougeL": scores,
        "mean": round(mean, 2),
        "dev_invented_number_or_latin": invented,
    }
    state.history.append(record)
    logger.info("dev ROUGE-L %s mean %.2f; numbers/Latin not in the input %s %%", scores, mean, invented)
    with open(output / "history.jsonl", "a", encoding="utf-8") as handle:
        handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    if mean > state.best_dev_rouge_l:
        state.best_dev_rouge_l = mean
        save_model(model, tokenizer, output / "best")
        (output / "best" / "train_state.json").write_text(json.dumps(asdict(state), indent=1), encoding="utf-8")
        logger.info("new best model saved to %s", output / "best")
