"""How a model folder says it is called: its task tokens and its input limit.

yxsumm models write both into ``config.json`` under ``task_specific_params["yxsumm"]``
(``{"task_tokens": {"headline": "[ART]", "heading": "[SEC]"}, "max_source_chars": 192}``), so
training and inference share one definition.  Other checkpoints have no such entry: they get no task
token and an input limit derived from their position embeddings.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from transformers import PreTrainedModel, PreTrainedTokenizerBase

#: The key under ``config.task_specific_params``.
PARAMS_KEY = "yxsumm"
#: Control tokens put at the start of the input to select the task (the bundled model's).
TASK_TOKENS = {"headline": "[ART]", "heading": "[SEC]"}
#: Input limit (characters) of yxsumm's models, and of a model that states none and has no position size.
DEFAULT_SOURCE_CHARS = 192
#: Longest input given to any model, in characters.
MAX_SOURCE_CHARS = 480


def yxsumm_params(task_tokens: dict[str, str], max_source_chars: int) -> dict[str, Any]:
    """The ``task_specific_params`` entry a yxsumm model is saved with."""
    return {PARAMS_KEY: {"task_tokens": dict(task_tokens), "max_source_chars": max_source_chars}}


def _params(model: PreTrainedModel | None) -> dict[str, Any]:
    params = getattr(getattr(model, "config", None), "task_specific_params", None) or {}
    entry = params.get(PARAMS_KEY) if isinstance(params, dict) else None
    return entry if isinstance(entry, dict) else {}


def task_tokens(model: PreTrainedModel | None, tokenizer: PreTrainedTokenizerBase) -> dict[str, str] | None:
    """The task control tokens of ``model``, or None when its inputs carry no task token.

    Read from the model's configuration; a model saved before the configuration said so is
    recognised by its tokenizer knowing yxsumm's tokens.  Tokens the tokenizer lacks are never used.
    """
    tokens = _params(model).get("task_tokens")
    if not isinstance(tokens, dict):
        tokens = TASK_TOKENS
    return dict(tokens) if _knows_tokens(tokenizer, tokens) else None


def source_char_limit(model: PreTrainedModel, tokenizer: PreTrainedTokenizerBase | None = None) -> int:
    """How many characters of a text the model reads.

    The configuration's value; for a yxsumm model saved before the configuration said so (its tokenizer
    knows yxsumm's task tokens), :data:`DEFAULT_SOURCE_CHARS`; otherwise derived from the position
    embeddings.
    """
    stated = _params(model).get("max_source_chars")
    if isinstance(stated, int) and stated > 0:
        return stated
    if tokenizer is not None and _knows_tokens(tokenizer, TASK_TOKENS):
        return DEFAULT_SOURCE_CHARS
    positions = getattr(model.config, "max_position_embeddings", None)
    if not positions:
        return DEFAULT_SOURCE_CHARS
    return min(positions - 16, MAX_SOURCE_CHARS)


def _knows_tokens(tokenizer: PreTrainedTokenizerBase, tokens: dict[str, str]) -> bool:
    backend = getattr(tokenizer, "backend_tokenizer", None) if getattr(tokenizer, "is_fast", False) else None
    if backend is not None:  # a lookup per token instead of a copy of the vocabulary per call
        return all(backend.token_to_id(token) is not None for token in tokens.values())
    vocab = tokenizer.get_vocab()
    return all(token in vocab for token in tokens.values())
