"""``yxsumm eval``: character ROUGE of a model (or an extractive method) against lead-1 on a corpus file."""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass
from pathlib import Path

from .corpus import read_pairs
from .rouge import RougeScores, rouge_corpus
from .sentences import lead_sentence
from .summarizer import Summarizer


@dataclass(frozen=True)
class EvalResult:
    """Scores of one corpus file."""

    file: str
    pairs: int
    system: RougeScores
    lead1: RougeScores
    mean_length: float
    seconds_per_item: float
    examples: list[dict[str, str]]

    def to_dict(self) -> dict:
        """JSON-serialisable form."""
        return asdict(self)

    def line(self) -> str:
        """A one-line report."""
        return (
            f"{Path(self.file).name}: n={self.pairs} ROUGE-1/2/L {self.system.rouge1:.1f}/{self.system.rouge2:.1f}/"
            f"{self.system.rougeL:.1f} (lead-1 {self.lead1.rouge1:.1f}/{self.lead1.rouge2:.1f}/{self.lead1.rougeL:.1f})"
            f" length {self.mean_length:.1f} chars, {1000 * self.seconds_per_item:.0f} ms/item"
        )


def evaluate_file(summarizer: Summarizer, path: str | Path, limit: int | None = None) -> EvalResult:
    """Score ``summarizer`` and the lead-1 baseline on the first ``limit`` pairs of ``path``."""
    pairs = read_pairs(path, limit=limit)
    if not pairs:
        raise ValueError(f"{path} has no pairs")
    texts = [p.text for p in pairs]
    references = [p.summary for p in pairs]
    start = time.perf_counter()
    hypotheses = summarizer.headlines(texts, task=pairs[0].task)
    elapsed = time.perf_counter() - start
    leads = [lead_sentence(t) for t in texts]
    return EvalResult(
        file=str(path),
        pairs=len(pairs),
        system=rouge_corpus(hypotheses, references),
        lead1=rouge_corpus(leads, references),
        mean_length=sum(len(h) for h in hypotheses) / len(hypotheses),
        seconds_per_item=elapsed / len(pairs),
        examples=[{"reference": r, "output": h} for r, h in list(zip(references, hypotheses, strict=True))[:5]],
    )
