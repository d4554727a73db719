"""A learnt extractive headline: pick the best span of the source with start/end heads on an encoder.

The selector is a BART encoder (initialised from the bundled generator's encoder) with a linear
start/end head, trained on the ROUGE-L oracle spans of :mod:`yxsumm.spans`.  One encoder pass per
input, no decoding; the span it returns never invents anything.  It lives in its own model folder
(``models/yxsumm-span-small``), so it serves as the fallback for any generator.
"""

from __future__ import annotations

import json
import logging
import math
import random
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np
import torch
from torch import nn
from transformers import BartConfig, BertTokenizerFast, PreTrainedModel
from transformers.models.bart.modeling_bart import BartEncoder

from .corpus import Pair, read_pairs
from .errors import ModelLoadError
from .rouge import rouge_corpus
from .spans import MAX_SPAN_CHARS, MIN_SPAN_CHARS, SPAN_WINDOW_CHARS, Span, oracle_span, trim_span, word_boundaries
from .tokenization import TASK_TOKENS

logger = logging.getLogger(__name__)

#: Folder name of the bundled span selector in ``models/``.
DEFAULT_SPAN_MODEL_NAME = "yxsumm-span-small"
_SENTENCE_END = set("。！？!?；;\n")


class SpanSelectorConfig(BartConfig):
    """A BART config for the span selector's encoder."""

    model_type = "yxsumm_span"


class SpanSelectorModel(PreTrainedModel):
    """BART encoder plus a linear head giving a start and an end logit per token."""

    config_class = SpanSelectorConfig
    base_model_prefix = "span"

    def __init__(self, config: SpanSelectorConfig) -> None:
        super().__init__(config)
        self.encoder = BartEncoder(config)
        self.span_head = nn.Linear(config.d_model, 2)
        self.post_init()

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        """Start and end logits, ``[batch, tokens, 2]``."""
        states = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
        return self.span_head(states)


@dataclass
class _Encoded:
    """Tokenised inputs with, per token, the character offsets and the allowed start/end flags."""

    input_ids: torch.Tensor
    attention_mask: torch.Tensor
    offsets: list[list[tuple[int, int]]]
    start_ok: torch.Tensor
    end_ok: torch.Tensor
    windows: list[str]


def _encode(tokenizer: BertTokenizerFast, texts: Sequence[str], tasks: Sequence[str]) -> _Encoded:
    windows = [text[:SPAN_WINDOW_CHARS] for text in texts]
    prefixes = [TASK_TOKENS[task] + " " if TASK_TOKENS[task] in tokenizer.get_vocab() else "" for task in tasks]
    encoded = tokenizer(
        [p + w for p, w in zip(prefixes, windows, strict=True)],
        return_offsets_mapping=True,
        padding=True,
        truncation=True,
        max_length=SPAN_WINDOW_CHARS + 16,
        return_tensors="pt",
    )
    rows, columns = encoded["input_ids"].shape
    start_ok = torch.zeros(rows, columns, dtype=torch.bool)
    end_ok = torch.zeros(rows, columns, dtype=torch.bool)
    offsets: list[list[tuple[int, int]]] = []
    for row, (prefix, window) in enumerate(zip(prefixes, windows, strict=True)):
        starts, ends = word_boundaries(window)
        starts_set, ends_set = set(starts), set(ends)
        row_offsets = []
        for column, (a, b) in enumerate(encoded["offset_mapping"][row].tolist()):
            a, b = a - len(prefix), b - len(prefix)
            row_offsets.append((a, b))
            if a < 0 or b <= a:
                continue
            start_ok[row, column] = a in starts_set
            end_ok[row, column] = b in ends_set
        offsets.append(row_offsets)
    return _Encoded(encoded["input_ids"], encoded["attention_mask"], offsets, start_ok, end_ok, windows)


def _best_span(window: str, offsets: list[tuple[int, int]], start: np.ndarray, end: np.ndarray) -> Span | None:
    """The allowed span with the highest start + end logit (no sentence end inside, 4–40 characters)."""
    best: tuple[float, int, int] | None = None
    starts = [i for i in range(len(offsets)) if np.isfinite(start[i])]
    for i in starts:
        a = offsets[i][0]
        for j in range(i, min(len(offsets), i + MAX_SPAN_CHARS + 1)):
            b = offsets[j][1]
            if b - a > MAX_SPAN_CHARS:
                break
            if offsets[j][0] >= 0 and window[offsets[j][0]] in _SENTENCE_END:
                break
            if b - a < MIN_SPAN_CHARS or not np.isfinite(end[j]):
                continue
            score = float(start[i] + end[j])
            if best is None or score > best[0]:
                best = (score, a, b)
    if best is None:
        return None
    score, a, b = best
    return Span(a, b, trim_span(window[a:b]), score)


class SpanSelector:
    """Loads a span selector folder and picks one headline span per text."""

    def __init__(self, model: SpanSelectorModel, tokenizer: BertTokenizerFast) -> None:
        self.model = model.eval()
        self.tokenizer = tokenizer

    @classmethod
    def load(cls, folder: str | Path) -> SpanSelector:
        """Load from a folder written by :func:`train_span_selector` (safetensors weights)."""
        folder = Path(folder)
        if not (folder / "model.safetensors").is_file():
            raise ModelLoadError(f"span selector folder {folder} has no model.safetensors")
        try:
            tokenizer = BertTokenizerFast.from_pretrained(str(folder))
            model = SpanSelectorModel.from_pretrained(str(folder), dtype=torch.float32).float()
        except Exception as error:
            raise ModelLoadError(f"could not load span selector {folder}: {type(error).__name__}: {error}") from error
        return cls(model, tokenizer)

    @torch.inference_mode()
    def select(
        self, texts: Sequence[str], task: str | Sequence[str] = "headline", batch_size: int = 32
    ) -> list[Span | None]:
        """The best span of each text's first :data:`~yxsumm.spans.SPAN_WINDOW_CHARS` characters."""
        tasks = [task] * len(texts) if isinstance(task, str) else list(task)
        results: list[Span | None] = []
        for begin in range(0, len(texts), batch_size):
            encoded = _encode(self.tokenizer, texts[begin : begin + batch_size], tasks[begin : begin + batch_size])
            logits = self.model(encoded.input_ids, encoded.attention_mask).float()
            start = logits[..., 0].masked_fill(~encoded.start_ok, -math.inf).numpy()
            end = logits[..., 1].masked_fill(~encoded.end_ok, -math.inf).numpy()
            for row, window in enumerate(encoded.windows):
                results.append(_best_span(window, encoded.offsets[row], start[row], end[row]))
        return results


# -- training ---------------------------------------------------------------------------------

#: Training corpora of the span selector and how many pairs each contributes at most.
SPAN_TRAIN_SOURCES = (
    "xwlb_items",
    "hkcnews_articles",
    "bedtime_daily",
    "oped2_articles",
    "hkcnews_sections",
    "xwlb_sections",
    "bedtime_sections",
    "oped2_sections",
)
SPAN_DEV_SETS = SPAN_TRAIN_SOURCES


@dataclass
class SpanTrainConfig:
    """Settings of a span selector training run."""

    data_dir: str = "../shared/data"
    output_dir: str = "runs/span"
    init_from: str = "models/yxsumm-copybart-small"
    pairs_per_source: int = 6000
    min_oracle_f1: float = 0.15
    max_minutes: float = 40.0
    batch_size: int = 32
    learning_rate: float = 3e-4
    warmup_steps: int = 100
    dev_pairs: int = 150
    threads: int = 0
    seed: int = 13
    sources: list[str] = field(default_factory=lambda: list(SPAN_TRAIN_SOURCES))


def _oracle_examples(pairs: Sequence[Pair], min_f1: float) -> list[dict]:
    examples = []
    for pair in pairs:
        span = oracle_span(pair.text, pair.summary)
        if span is not None and span.score >= min_f1:
            examples.append(
                {"text": pair.text[:SPAN_WINDOW_CHARS], "task": pair.task, "start": span.start, "end": span.end}
            )
    return examples


def build_oracle_data(config: SpanTrainConfig) -> list[dict]:
    """Oracle spans of the training pairs (cached as ``oracle.jsonl`` in the output folder)."""
    cache = Path(config.output_dir) / "oracle.jsonl"
    if cache.exists():
        return [json.loads(line) for line in cache.read_text(encoding="utf-8").splitlines()]
    examples: list[dict] = []
    for source in config.sources:
        path = Path(config.data_dir) / "train" / f"{source}.jsonl.gz"
        if not path.exists():
            continue
        pairs = read_pairs(path)
        random.Random(config.seed).shuffle(pairs)
        found = _oracle_examples(pairs[: config.pairs_per_source], config.min_oracle_f1)
        logger.info("%s: %d oracle spans", source, len(found))
        examples.extend(found)
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in examples), encoding="utf-8")
    return examples


def _targets(encoded: _Encoded, examples: Sequence[dict]) -> tuple[torch.Tensor, torch.Tensor]:
    starts, ends = [], []
    for row, example in enumerate(examples):
        offsets = encoded.offsets[row]
        starts.append(next((i for i, (a, _) in enumerate(offsets) if a == example["start"]), -100))
        ends.append(next((i for i, (_, b) in enumerate(offsets) if b == example["end"] and b > 0), -100))
    return torch.tensor(starts), torch.tensor(ends)


def new_span_model(init_from: str | Path) -> tuple[SpanSelectorModel, BertTokenizerFast]:
    """A span selector whose encoder is copied from a copy-BART/BART model folder."""
    from transformers import AutoModelForSeq2SeqLM

    tokenizer = BertTokenizerFast.from_pretrained(str(init_from))
    generator = AutoModelForSeq2SeqLM.from_pretrained(str(init_from), dtype=torch.float32).float()
    values = {k: v for k, v in generator.config.to_dict().items() if k not in ("model_type", "architectures")}
    values["dropout"] = 0.1
    config = SpanSelectorConfig(**values)
    model = SpanSelectorModel(config)
    model.encoder.load_state_dict(generator.get_encoder().state_dict())
    return model, tokenizer


def evaluate_span_selector(selector: SpanSelector, data_dir: str, limit: int) -> dict[str, float]:
    """ROUGE-L of the selected spans on the first ``limit`` pairs of each dev set."""
    scores = {}
    for name in SPAN_DEV_SETS:
        path = Path(data_dir) / "dev" / f"{name}.jsonl.gz"
        if not path.exists():
            continue
        pairs = read_pairs(path, limit=limit)
        spans = selector.select([p.text for p in pairs], pairs[0].task)
        hyps = [s.text if s else "" for s in spans]
        scores[name] = round(rouge_corpus(hyps, [p.summary for p in pairs]).rougeL, 2)
    return scores


def train_span_selector(config: SpanTrainConfig) -> dict[str, float]:
    """Train the span selector on oracle spans; save it to ``OUTPUT/model``; return its dev ROUGE-L."""
    random.seed(config.seed)
    torch.manual_seed(config.seed)
    if config.threads:
        torch.set_num_threads(config.threads)
    output = Path(config.output_dir)
    output.mkdir(parents=True, exist_ok=True)
    (output / "train_config.json").write_text(json.dumps(asdict(config), indent=1), encoding="utf-8")
    examples = build_oracle_data(config)
    model, tokenizer = new_span_model(config.init_from)
    optimizer = torch.optim.AdamW(model.parameters(), lr=config.learning_rate, weight_decay=0.01)
    budget = config.max_minutes * 60
    start_time = time.monotonic()
    step, seen, running = 0, 0, 0.0
    model.train()
    rng = random.Random(config.seed)
    while time.monotonic() - start_time < budget:
        rng.shuffle(examples)
        for begin in range(0, len(examples), config.batch_size):
            elapsed = time.monotonic() - start_time
            if elapsed >= budget:
                break
            batch = examples[begin : begin + config.batch_size]
            encoded = _encode(tokenizer, [e["text"] for e in batch], [e["task"] for e in batch])
            start_target, end_target = _targets(encoded, batch)
            logits = model(encoded.input_ids, encoded.attention_mask)
            start_logits = logits[..., 0].masked_fill(~encoded.start_ok, -1e4)
            end_logits = logits[..., 1].masked_fill(~encoded.end_ok, -1e4)
            loss = nn.functional.cross_entropy(start_logits, start_target, ignore_index=-100)
            loss = loss + nn.functional.cross_entropy(end_logits, end_target, ignore_index=-100)
            warm = min(1.0, (step + 1) / config.warmup_steps)
            for group in optimizer.param_groups:
                group["lr"] = config.learning_rate * warm * max(0.05, 1 - elapsed / budget)
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            step += 1
            seen += len(batch)
            running += loss.item()
            if step % 50 == 0:
                logger.info("step %d loss %.3f %.1f pairs/s %.1f min", step, running / 50, seen / elapsed, elapsed / 60)
                running = 0.0
    model.eval()
    folder = output / "model"
    model.save_pretrained(str(folder), safe_serialization=True)
    tokenizer.save_pretrained(str(folder))
    scores = evaluate_span_selector(SpanSelector(model, tokenizer), config.data_dir, config.dev_pairs)
    record = {"steps": step, "pairs_seen": seen, "examples": len(examples), "dev_rougeL": scores}
    (output / "result.json").write_text(json.dumps(record, indent=1), encoding="utf-8")
    logger.info("span selector dev ROUGE-L %s", scores)
    return scores
