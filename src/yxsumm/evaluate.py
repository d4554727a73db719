"""``yxsumm eval``: character ROUGE of a model (or an extractive method) against lead-1 on a corpus file.

Besides ROUGE, every output is checked the way the output guard checks candidates
(:mod:`yxsumm.faithfulness`), and so are the gold headlines, for comparison:

* **invented-fact rate** — share of lines with a number, Latin token or name the source lacks
  (and the same for numbers and Latin tokens only);
* **unattested-trigram rate** — share of lines with a character trigram found neither in the source
  nor in the guard's background list of training headlines;
* **dangling rate** — share of lines that end where headlines almost never end (``贯彻党的十九大``,
  the guard's endings list), and **scattered rate** — share of lines with 3 or more characters in a
  row never side by side in the source (a made-up or spelled-together phrase);
* **origins** — share of lines produced each way (``model``, ``model-reranked``, ``extractive-span``…).
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .corpus import read_pairs
from .faithfulness import (
    TrigramBackground,
    scattered_run,
    states_number_or_latin,
    unattested_trigrams,
    unsupported_facts,
)
from .headline_endings import HeadlineEndings
from .rouge import RougeScores, rouge_corpus
from .sentences import lead_sentence
from .structure import prepare_text
from .summarizer import Summarizer


@dataclass(frozen=True)
class FaithfulnessRates:
    """Shares (in %) of lines with an unsupported fact, an unattested trigram, a dangling end, a scattered run."""

    invented: float
    invented_number_or_latin: float
    unattested: float
    dangling: float | None = None  # None without an endings list
    scattered: float = 0.0


def faithfulness_rates(
    lines: list[str],
    sources: list[str],
    background: TrigramBackground | None,
    endings: HeadlineEndings | None = None,
) -> FaithfulnessRates:
    """The rates of :class:`FaithfulnessRates` for ``lines`` against their ``sources``."""
    counts: Counter[str] = Counter()
    for line, source in zip(lines, sources, strict=True):
        facts = unsupported_facts(line, source)
        counts["invented"] += bool(facts)
        counts["number_or_latin"] += states_number_or_latin(facts)
        counts["unattested"] += bool(unattested_trigrams(line, source, background))
        counts["dangling"] += endings is not None and bool(endings.dangling_end(line))
        counts["scattered"] += scattered_run(line, source) >= 3
    n = max(1, len(lines))

    def share(key: str) -> float:
        return round(100 * counts[key] / n, 1)

    return FaithfulnessRates(
        share("invented"),
        share("number_or_latin"),
        share("unattested"),
        share("dangling") if endings is not None else None,
        share("scattered"),
    )


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
    faithfulness: FaithfulnessRates | None = None
    gold_faithfulness: FaithfulnessRates | None = None
    origins: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict:
        """JSON-serialisable form."""
        return asdict(self)

    def line(self) -> str:
        """A one-line report."""
        text = (
            f"{Path(self.file).name}: n={self.pairs} ROUGE-1/2/L {self.system.rouge1:.1f}/{self.system.rouge2:.1f}/"
            f"{self.system.rougeL:.1f} (lead-1 {self.lead1.rouge1:.1f}/{self.lead1.rouge2:.1f}/{self.lead1.rougeL:.1f})"
            f" length {self.mean_length:.1f} chars, {1000 * self.seconds_per_item:.0f} ms/item"
        )
        if self.faithfulness and self.gold_faithfulness:
            ours, gold = self.faithfulness, self.gold_faithfulness
            text += (
                f"; invented {ours.invented:.1f}% (gold {gold.invented:.1f}%),"
                f" numbers/Latin {ours.invented_number_or_latin:.1f}% (gold {gold.invented_number_or_latin:.1f}%),"
                f" unattested {ours.unattested:.1f}% (gold {gold.unattested:.1f}%),"
                f" scattered {ours.scattered:.1f}% (gold {gold.scattered:.1f}%)"
            )
            if ours.dangling is not None and gold.dangling is not None:
                text += f", dangling {ours.dangling:.1f}% (gold {gold.dangling:.1f}%)"
        if self.origins:
            text += "; " + ", ".join(f"{k} {v:.0f}%" for k, v in sorted(self.origins.items()))
        return text


def evaluate_file(
    summarizer: Summarizer,
    path: str | Path,
    limit: int | None = None,
    background: TrigramBackground | None = None,
    endings: HeadlineEndings | None = None,
    as_articles: bool = False,
) -> EvalResult:
    """Score ``summarizer`` and the lead-1 baseline on the first ``limit`` pairs of ``path``.

    ``background`` is the trigram list for the unattested rate and ``endings`` the endings list for
    the dangling rate (the summarizer's guard lists when None).  Each text is headlined as it is
    (:meth:`Summarizer.headline_lines`); with ``as_articles``, a file of article headlines is headlined
    the way :meth:`Summarizer.summarize` does it: the article structured first (title, abstract,
    sections; captions, bylines and tails removed), then its headline generated.
    """
    pairs = read_pairs(path, limit=limit)
    if not pairs:
        raise ValueError(f"{path} has no pairs")
    texts = [p.text for p in pairs]
    references = [p.summary for p in pairs]
    start = time.perf_counter()
    if as_articles and pairs[0].task == "headline":
        lines = [(result.headline, result.headline_origin) for result in summarizer.summarize_many(texts)]
    else:
        lines = summarizer.headline_lines(texts, task=pairs[0].task)
    elapsed = time.perf_counter() - start
    hypotheses = [line for line, _ in lines]
    leads = [lead_sentence(t) for t in texts]
    if background is None and summarizer.guard_assets is not None:
        background = summarizer.guard_assets.background
    if endings is None and summarizer.guard_assets is not None:
        endings = summarizer.guard_assets.endings
    sources = [prepare_text(t)[0] for t in texts]
    origins = Counter(origin for _, origin in lines)
    return EvalResult(
        file=str(path),
        pairs=len(pairs),
        system=rouge_corpus(hypotheses, references),
        lead1=rouge_corpus(leads, references),
        mean_length=sum(len(h) for h in hypotheses) / len(hypotheses),
        seconds_per_item=elapsed / len(pairs),
        examples=[{"reference": r, "output": h} for r, h in list(zip(references, hypotheses, strict=True))[:5]],
        faithfulness=faithfulness_rates(hypotheses, sources, background, endings),
        gold_faithfulness=faithfulness_rates(references, sources, background, endings),
        origins={k: round(100 * v / len(lines), 1) for k, v in origins.items()},
    )
