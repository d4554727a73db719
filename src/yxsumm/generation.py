"""Batched headline generation with any Hugging Face seq2seq model and tokenizer."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import torch
from transformers import PreTrainedModel, PreTrainedTokenizerBase

from .tokenization import TASK_TOKENS, clean_generated, join_wordpiece_tokens


def uses_task_tokens(tokenizer: PreTrainedTokenizerBase) -> bool:
    """Whether the tokenizer knows yxsumm's task control tokens (``[ART]``/``[SEC]``)."""
    vocab = tokenizer.get_vocab()
    return all(token in vocab for token in TASK_TOKENS.values())


def model_inputs(
    texts: Sequence[str], task: str | Sequence[str], tokenizer: PreTrainedTokenizerBase, max_chars: int
) -> list[str]:
    """The strings fed to the encoder: task token (for yxsumm models) and the truncated text.

    ``task`` is one task for all texts or one per text (``"headline"`` or ``"heading"``).
    """
    tasks = [task] * len(texts) if isinstance(task, str) else list(task)
    if len(tasks) != len(texts):
        raise ValueError(f"{len(tasks)} tasks for {len(texts)} texts")
    if not uses_task_tokens(tokenizer):
        return [text[:max_chars] for text in texts]
    return [TASK_TOKENS[t] + " " + text[:max_chars] for t, text in zip(tasks, texts, strict=True)]


def decode(tokenizer: PreTrainedTokenizerBase, ids: torch.Tensor) -> list[str]:
    """Decode generated ids to clean text (character-vocabulary WordPiece joined without spaces)."""
    results: list[str] = []
    is_wordpiece = type(tokenizer).__name__.startswith("Bert")
    special = set(tokenizer.all_special_ids)
    for row in ids.tolist():
        if is_wordpiece:
            tokens = tokenizer.convert_ids_to_tokens([i for i in row if i not in special])
            text = join_wordpiece_tokens(tokens)
        else:
            text = tokenizer.decode(row, skip_special_tokens=True, clean_up_tokenization_spaces=True)
        results.append(clean_generated(text))
    return results


@torch.inference_mode()
def generate_texts(
    model: PreTrainedModel,
    tokenizer: PreTrainedTokenizerBase,
    texts: Sequence[str],
    *,
    task: str | Sequence[str] = "headline",
    max_source_chars: int = 192,
    batch_size: int = 32,
    **generate_kwargs: Any,
) -> list[str]:
    """Generate one output per text, in batches sorted by length (results in input order).

    ``task`` is one task for all texts or one per text, so section headings and article headlines can
    share batches.
    """
    inputs = model_inputs(texts, task, tokenizer, max_source_chars)
    order = sorted(range(len(inputs)), key=lambda i: len(inputs[i]), reverse=True)
    outputs: list[str] = [""] * len(inputs)
    device = next(model.parameters()).device
    for start in range(0, len(order), batch_size):
        chunk = order[start : start + batch_size]
        encoded = tokenizer(
            [inputs[i] for i in chunk],
            return_tensors="pt",
            padding=True,
            truncation=True,
            max_length=max_source_chars + 8,
        ).to(device)
        encoded.pop("token_type_ids", None)
        generated = model.generate(**encoded, **generate_kwargs)
        for index, text in zip(chunk, decode(tokenizer, generated), strict=True):
            outputs[index] = text
    return outputs
