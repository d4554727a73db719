"""Loading seq2seq models: the bundled default, any local Hugging Face folder, or a hub id."""

from __future__ import annotations

import logging
import warnings
from pathlib import Path
from typing import Any

import torch
from transformers import AutoModelForSeq2SeqLM, AutoTokenizer, PreTrainedModel, PreTrainedTokenizerBase

from .bundled import bundled_path
from .errors import ModelLoadError

logger = logging.getLogger(__name__)

#: Folder name of the model shipped in ``models/``.
DEFAULT_MODEL_NAME = "yxsumm-copybart-small"
_WEIGHT_FILES = ("model.safetensors", "model.safetensors.index.json")


def default_model_path() -> Path:
    """The bundled model: ``$YXSUMM_MODEL`` if set, else ``models/<DEFAULT_MODEL_NAME>`` of the project."""
    return bundled_path(DEFAULT_MODEL_NAME, "YXSUMM_MODEL")


def _looks_like_hub_id(name: str) -> bool:
    parts = name.split("/")
    return len(parts) == 2 and all(parts) and not name.startswith((".", "/", "~"))


def load_model(
    model: str | Path | None, device: str = "cpu", *, allow_remote_code: bool = False
) -> tuple[PreTrainedModel, PreTrainedTokenizerBase, str]:
    """Load (model, tokenizer, description) from a local folder or a hub id; safetensors weights only.

    Raises :class:`ModelLoadError` naming the folder when it is missing or its files are broken.
    """
    source = Path(model) if model is not None else default_model_path()
    name = str(source) if model is None or isinstance(model, Path) else str(model)
    is_local = source.exists() or not _looks_like_hub_id(name)
    if is_local:
        if not source.is_dir():
            raise ModelLoadError(f"model folder {source} does not exist")
        if not (source / "config.json").is_file():
            raise ModelLoadError(f"model folder {source} has no config.json: not a Hugging Face model folder")
        if not any((source / f).is_file() for f in _WEIGHT_FILES):
            raise ModelLoadError(
                f"model folder {source} has no safetensors weights (model.safetensors); "
                "yxsumm does not load pickled weights"
            )
        name = str(source)
    try:
        tokenizer = AutoTokenizer.from_pretrained(name, trust_remote_code=allow_remote_code)
        loaded, info = AutoModelForSeq2SeqLM.from_pretrained(
            name, use_safetensors=True, trust_remote_code=allow_remote_code, output_loading_info=True
        )
    except Exception as error:
        where = f"model folder {name}" if is_local else f"model {name!r} (hub id)"
        raise ModelLoadError(f"could not load {where}: {type(error).__name__}: {error}") from error
    problems = {kind: sorted(info.get(kind) or []) for kind in ("missing_keys", "unexpected_keys", "mismatched_keys")}
    if any(problems.values()):
        details = "; ".join(
            f"{kind.replace('_', ' ')}: {', '.join(map(str, keys[:8]))}" for kind, keys in problems.items() if keys
        )
        raise ModelLoadError(f"the weights in {name} do not fit its config ({details})")
    if device == "cpu" and loaded.dtype != torch.float32:
        loaded = loaded.float()  # the dtype argument is not always honoured for half-precision checkpoints
    if not loaded.config.is_encoder_decoder:
        raise ModelLoadError(f"{name} is not an encoder-decoder (seq2seq) model")
    loaded.to(device)
    loaded.eval()
    logger.info(
        "loaded %s (%s, %.1f M parameters) on %s", name, type(loaded).__name__, loaded.num_parameters() / 1e6, device
    )
    return loaded, tokenizer, name


def quantize_dynamic_int8(model: PreTrainedModel) -> PreTrainedModel:
    """Torch dynamic int8 quantisation of the Linear layers (CPU inference).

    The output projection gets one scale per vocabulary row (per-channel) and the small copy head stays
    in float32: of the variants measured on dev this was both the fastest and the closest to float32
    (README, "Speed").
    """
    qconfig = torch.ao.quantization.default_dynamic_qconfig
    spec: dict[str, Any] = {}
    for name, module in model.named_modules():
        if not isinstance(module, torch.nn.Linear) or name.startswith("copy_head"):
            continue
        spec[name] = torch.ao.quantization.per_channel_dynamic_qconfig if name == "lm_head" else qconfig
    with warnings.catch_warnings():  # torch 2.13 announces the deprecation of quantised tensors on every layer
        warnings.filterwarnings("ignore", message=r"torch\.quantize_per_tensor", category=UserWarning)
        return torch.ao.quantization.quantize_dynamic(model, spec, dtype=torch.qint8)
