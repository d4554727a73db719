"""The model of a training run: built fresh, loaded to start or resume, saved, exported for shipping."""

from __future__ import annotations

import copy
import json
import logging
from pathlib import Path

import torch
from torch import nn
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
        if config.grow_layers:
            model = grow_layers(model, config.encoder_layers, config.decoder_layers)
        if config.max_source_chars + 10 > model.config.max_position_embeddings:
            model = extend_positions(model, config.max_source_chars + 10)
        model.config.task_specific_params = yxsumm_params(TASK_TOKENS, config.max_source_chars)
        return model, tokenizer, TrainState()
    texts = (p.text[: config.max_source_chars] + p.summary for p in pairs)
    tokenizer = make_tokenizer(build_vocabulary(texts, max_size=config.vocab_size), output / "tokenizer")
    return build_model(config, tokenizer), tokenizer, TrainState()


def layer_plan(old: int, new: int) -> list[int]:
    """Which old layer each of ``new`` layers copies: the old ones in order, the extra ones spread among them.

    >>> layer_plan(2, 4)
    [0, 0, 1, 1]
    >>> layer_plan(4, 6)
    [0, 1, 1, 2, 3, 3]
    """
    if new < old:
        raise ValueError(f"cannot grow {old} layers into {new}")
    return [i * old // new for i in range(new)]


def grow_layers(
    model: CopyBartForConditionalGeneration, encoder_layers: int, decoder_layers: int
) -> CopyBartForConditionalGeneration:
    """A deeper copy of ``model`` that computes exactly the same function, to be trained on.

    Each added layer follows a copy of the layer it is planned after (:func:`layer_plan`). Its
    attention and feed-forward outputs are zero, so its residual path carries its input through.
    BART's layers normalise *after* the residual sum, so the layer before it hands over its normalised
    output (layer-norm gain 1, bias 0) and the added layer's last layer norm takes over the gain and
    bias: the pair computes what the single layer did, and training moves the added weights away from zero.
    """
    config = copy.deepcopy(model.config)
    config.encoder_layers, config.decoder_layers = encoder_layers, decoder_layers
    grown = CopyBartForConditionalGeneration(config)
    outside_layers = {k: v for k, v in model.state_dict().items() if ".layers." not in k}
    missing, unexpected = grown.load_state_dict(outside_layers, strict=False)
    if unexpected or any(".layers." not in k for k in missing):
        raise ValueError(f"weights outside the layers do not match: {missing or unexpected}")
    for part, count in (("encoder", encoder_layers), ("decoder", decoder_layers)):
        old_layers = getattr(model.model, part).layers
        new_layers = getattr(grown.model, part).layers
        previous = -1
        for index, source in enumerate(layer_plan(len(old_layers), count)):
            new_layers[index].load_state_dict(old_layers[source].state_dict())
            if source == previous:
                _make_identity(new_layers[index], handing_over=new_layers[index - 1])
            previous = source
    logger.info(
        "grown to %d encoder and %d decoder layers (%.1f M parameters)",
        encoder_layers,
        decoder_layers,
        grown.num_parameters() / 1e6,
    )
    return grown


def extend_positions(model: CopyBartForConditionalGeneration, positions: int) -> CopyBartForConditionalGeneration:
    """A copy of ``model`` that reads inputs of up to ``positions`` tokens, to be trained on longer texts.

    BART's position embeddings are learnt rows, one per position. The added rows repeat the learnt ones
    in order (position ``p`` starts as position ``p`` modulo the old size), as Longformer extended
    RoBERTa's: each added row is a trained one, and training tells the repeats apart. Positions below
    the old size compute what they did.
    """
    config = copy.deepcopy(model.config)
    old = config.max_position_embeddings
    config.max_position_embeddings = positions
    longer = CopyBartForConditionalGeneration(config)
    state = {k: v for k, v in model.state_dict().items() if "embed_positions" not in k}
    missing, unexpected = longer.load_state_dict(state, strict=False)
    if unexpected or any("embed_positions" not in k for k in missing):
        raise ValueError(f"weights other than the positions do not match: {missing or unexpected}")
    for part in ("encoder", "decoder"):
        old_rows = getattr(model.model, part).embed_positions.weight.data
        new_rows = getattr(longer.model, part).embed_positions.weight.data
        offset = old_rows.shape[0] - old  # BART keeps 2 rows before position 0
        new_rows[:offset] = old_rows[:offset]
        for position in range(positions):
            new_rows[offset + position] = old_rows[offset + position % old]
    logger.info("position embeddings extended from %d to %d", old, positions)
    return longer


def _make_identity(layer: nn.Module, handing_over: nn.Module) -> None:
    """Turn ``layer`` (a copy of ``handing_over``) into the identity after ``handing_over``'s normalised output."""
    with torch.no_grad():
        layer.final_layer_norm.load_state_dict(handing_over.final_layer_norm.state_dict())
        nn.init.ones_(handing_over.final_layer_norm.weight)
        nn.init.zeros_(handing_over.final_layer_norm.bias)
        for norm_name in ("self_attn_layer_norm", "encoder_attn_layer_norm"):
            if hasattr(layer, norm_name):
                nn.init.ones_(getattr(layer, norm_name).weight)
                nn.init.zeros_(getattr(layer, norm_name).bias)
        outputs = [layer.self_attn.out_proj, layer.fc2]
        if hasattr(layer, "encoder_attn"):
            outputs.append(layer.encoder_attn.out_proj)
        for linear in outputs:
            nn.init.zeros_(linear.weight)
            nn.init.zeros_(linear.bias)


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
