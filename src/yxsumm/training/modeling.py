"""The model of a training run: built fresh, loaded to start or resume, saved, exported for shipping."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import torch
from transformers import BertTokenizerFast, GenerationConfig

from ..corpus import Pair
from ..decoding import DecodingOptions
from ..modeling_copybart import CopyBartConfig, CopyBartForConditionalGeneration
from ..task_params import DEFAULT_SOURCE_CHARS, TASK_TOKENS, yxsumm_params
from ..tokenization import build_vocabulary, make_tokenizer
from .config import TrainConfig, TrainState

logger = logging.getLogger(__name__)


def default_generation_config(config: CopyBartConfig) -> GenerationConfig:
    """Decoding settings shipped with the model (:class:`~yxsumm.decoding.DecodingOptions`' defaults)."""
    return GenerationConfig(
        **DecodingOptions().generate_kwargs(),
        decoder_start_token_id=config.decoder_start_token_id,
        bos_token_id=config.bos_token_id,
        eos_token_id=config.eos_token_id,
        pad_token_id=config.pad_token_id,
        forced_eos_token_id=config.eos_token_id,
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
        task_specific_params=yxsumm_params(TASK_TOKENS, config.max_source_chars),
    )
    return CopyBartForConditionalGeneration(model_config)


def load_for_run(
    config: TrainConfig, pairs: list[Pair], output: Path
) -> tuple[CopyBartForConditionalGeneration, BertTokenizerFast, TrainState]:
    """The model, tokenizer and progress a run starts from.

    ``OUTPUT/last`` when the run is resumed, else the weights of ``config.init_from``, else a new
    model with a vocabulary built from ``pairs``.
    """
    last = output / "last"
    if (last / "train_state.json").exists():
        tokenizer = BertTokenizerFast.from_pretrained(str(last))
        model = CopyBartForConditionalGeneration.from_pretrained(str(last))
        state = TrainState(**json.loads((last / "train_state.json").read_text(encoding="utf-8")))
        logger.info("resuming from step %d (%.1f min)", state.step, state.elapsed_seconds / 60)
        return model, tokenizer, state
    if config.init_from:
        tokenizer = BertTokenizerFast.from_pretrained(config.init_from)
        model = CopyBartForConditionalGeneration.from_pretrained(
            config.init_from, dtype=torch.float32, dropout=config.dropout
        ).float()
        logger.info("starting from the weights of %s", config.init_from)
        return model, tokenizer, TrainState()
    texts = (p.text[: config.max_source_chars] + p.summary for p in pairs)
    tokenizer = make_tokenizer(build_vocabulary(texts, max_size=config.vocab_size), output / "tokenizer")
    return build_model(config, tokenizer), tokenizer, TrainState()


def save_model(model: CopyBartForConditionalGeneration, tokenizer: BertTokenizerFast, folder: Path) -> None:
    """Save weights (safetensors), config, generation config and tokenizer into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    model.generation_config = default_generation_config(model.config)
    if not getattr(model.config, "task_specific_params", None):  # weights saved before the entry existed
        model.config.task_specific_params = yxsumm_params(TASK_TOKENS, DEFAULT_SOURCE_CHARS)
    model.save_pretrained(str(folder), safe_serialization=True)
    tokenizer.save_pretrained(str(folder))


def export_model(source: str | Path, target: str | Path, dtype: str = "float16") -> Path:
    """Copy a trained model for shipping: weights in ``dtype`` (safetensors), config, tokenizer; no optimiser."""
    source, target = Path(source), Path(target)
    tokenizer = BertTokenizerFast.from_pretrained(str(source))
    model = CopyBartForConditionalGeneration.from_pretrained(str(source), dtype=torch.float32)
    model.to(getattr(torch, dtype))
    if not getattr(model.config, "task_specific_params", None):
        model.config.task_specific_params = yxsumm_params(TASK_TOKENS, DEFAULT_SOURCE_CHARS)
    target.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(str(target), safe_serialization=True)
    tokenizer.save_pretrained(str(target))
    return target
