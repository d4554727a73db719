"""A learnt choice between the best generated line and the extracted span.

The guard's linear score (:func:`yxsumm.guard.guard_score`) ranks the generated lines well, but its
choice between the best of them and the span selector's span is one threshold on the model's
log-probability.  With the gold headlines in hand, taking the better of the two for every text would
score far higher than either alone (dev mean ROUGE-L about 30 against 25), so the choice itself is worth
learning.  :class:`LineChooser` predicts, from what the guard already measured (log-probabilities,
fragments, unattested trigrams, dangling ends, lengths, how much the n-best lines agree, how much the
line and the span overlap each other and the lead sentence), how many ROUGE-L points the generated line
is ahead of the span, and the guard prints the generated line when that is positive.

It is a small MLP (``line_chooser.safetensors`` + ``line_chooser.json`` in the guard folder), trained by
``bench/train_chooser.py`` on dev items that the dev protocol does not score.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch
from safetensors.torch import load_file, save_file
from torch import nn

from .errors import ModelLoadError
from .faithfulness import source_pieces
from .guard import Assessment, Candidate, PreferLine
from .rouge import rouge_pair
from .sentences import lead_sentence

WEIGHTS_FILE = "line_chooser.safetensors"
CONFIG_FILE = "line_chooser.json"

FEATURE_NAMES = (
    "task_heading",
    "line_log_prob",
    "line_rank",
    "passing_share",
    "line_fragments",
    "line_unattested",
    "line_dangling",
    "line_scattered",
    "line_length",
    "line_in_source",
    "beam_agreement",
    "span_log_prob",
    "span_length",
    "span_dangling",
    "span_unattested",
    "span_offset",
    "span_at_start",
    "line_span_overlap",
    "line_lead_overlap",
    "span_lead_overlap",
    "source_length",
    "log_prob_gap",
    "bias",
)


@dataclass(frozen=True)
class ChoiceInputs:
    """What the chooser looks at for one text: the best generated line, the span, their neighbours."""

    line: Candidate
    line_assessment: Assessment
    span: Candidate
    span_assessment: Assessment
    model_lines: Sequence[str]  # every generated line of the n-best list, as printed
    passing_model_lines: int
    source: str
    task: str

    @classmethod
    def from_assessed(
        cls,
        assessed: Sequence[tuple[Candidate, Assessment]],
        line: tuple[Candidate, Assessment],
        span: tuple[Candidate, Assessment],
        source: str,
        task: str,
    ) -> ChoiceInputs:
        """The inputs for the guard's candidates of one text (see :data:`yxsumm.guard.PreferLine`)."""
        model = [(c, a) for c, a in assessed if c.kind == "model"]
        passing = sum(a.acceptable for _, a in model)
        return cls(line[0], line[1], span[0], span[1], [c.text for c, _ in model], passing, source, task)


def _log_prob(value: float) -> float:
    return min(0.0, max(-5.0, value)) if math.isfinite(value) else -5.0


def _overlap(a: str, b: str) -> float:
    return rouge_pair(a, b).rougeL / 100 if a and b else 0.0


def choice_features(inputs: ChoiceInputs) -> np.ndarray:
    """The feature vector of :data:`FEATURE_NAMES` for one text (float32)."""
    line, span = inputs.line.text, inputs.span.text
    la, sa = inputs.line_assessment, inputs.span_assessment
    others = [text for text in inputs.model_lines if text != line]
    agreement = sum(_overlap(line, other) for other in others) / len(others) if others else 1.0
    lead = lead_sentence(inputs.source)[:200]
    offset = inputs.source.find(span)
    line_lp, span_lp = _log_prob(inputs.line.log_prob), _log_prob(inputs.span.log_prob)
    return np.asarray(
        [
            float(inputs.task == "heading"),
            line_lp / 5,
            min(inputs.line.rank, 8) / 8,
            inputs.passing_model_lines / max(1, len(inputs.model_lines)),
            min(len(source_pieces(line, inputs.source)), 8) / 8,
            min(la.unattested, 5) / 5,
            float(bool(la.dangling)),
            min(la.scattered, 5) / 5,
            min(len(line), 40) / 40,
            float(line in inputs.source),
            agreement,
            span_lp / 5,
            min(len(span), 40) / 40,
            float(bool(sa.dangling)),
            min(sa.unattested, 5) / 5,
            min(max(offset, 0), 600) / 600,
            float(offset == 0),
            _overlap(line, span),
            _overlap(line, lead),
            _overlap(span, lead),
            math.log1p(len(inputs.source)) / 8,
            (line_lp - span_lp) / 5,
            1.0,
        ],
        dtype=np.float32,
    )


class ChooserModel(nn.Module):
    """Feature vector → predicted ROUGE-L lead of the generated line over the span (points / 100)."""

    def __init__(self, features: int = len(FEATURE_NAMES), hidden: int = 16) -> None:
        super().__init__()
        self.net = nn.Sequential(nn.Linear(features, hidden), nn.Tanh(), nn.Linear(hidden, 1))

    def forward(self, features: torch.Tensor) -> torch.Tensor:
        """One prediction per row of ``features``."""
        return self.net(features).squeeze(-1)


def fit_chooser(
    features: np.ndarray,
    targets: np.ndarray,
    *,
    hidden: int = 16,
    weight_decay: float = 1e-2,
    epochs: int = 400,
    seed: int = 0,
) -> ChooserModel:
    """Fit a :class:`ChooserModel` by least squares (``targets``: line ROUGE-L minus span ROUGE-L, / 100)."""
    torch.manual_seed(seed)
    model = ChooserModel(features.shape[1], hidden)
    optimiser = torch.optim.AdamW(model.parameters(), lr=1e-2, weight_decay=weight_decay)
    x, y = torch.from_numpy(features), torch.from_numpy(targets.astype(np.float32))
    for _ in range(epochs):
        optimiser.zero_grad()
        loss = nn.functional.mse_loss(model(x), y)
        loss.backward()
        optimiser.step()
    return model.eval()


class LineChooser:
    """Decides between the best generated line and the span with a trained :class:`ChooserModel`."""

    def __init__(self, model: ChooserModel, margin: float = 0.0) -> None:
        self.model = model.eval()
        self.margin = margin

    def line_lead(self, inputs: ChoiceInputs) -> float:
        """Predicted ROUGE-L lead (/ 100) of the generated line over the span; positive: print the line."""
        with torch.no_grad():
            return float(self.model(torch.from_numpy(choice_features(inputs)[None]))[0]) - self.margin

    def prefer_line(self, source: str, task: str) -> PreferLine:
        """The guard's callback for one text (:func:`yxsumm.guard.choose`'s ``prefer_line``)."""

        def prefer(
            assessed: Sequence[tuple[Candidate, Assessment]],
            line: tuple[Candidate, Assessment],
            span: tuple[Candidate, Assessment],
        ) -> bool:
            return self.line_lead(ChoiceInputs.from_assessed(assessed, line, span, source, task)) > 0

        return prefer

    def save(self, folder: str | Path, note: str = "") -> None:
        """Write the weights and the config into ``folder``."""
        path = Path(folder)
        path.mkdir(parents=True, exist_ok=True)
        save_file({k: v.contiguous() for k, v in self.model.state_dict().items()}, str(path / WEIGHTS_FILE))
        hidden = self.model.net[0].out_features
        config = {"features": list(FEATURE_NAMES), "hidden": hidden, "margin": self.margin, "trained": note}
        (path / CONFIG_FILE).write_text(json.dumps(config, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, folder: str | Path) -> LineChooser:
        """Load a chooser saved by :meth:`save`; a feature list other than this version's is an error."""
        path = Path(folder)
        try:
            config = json.loads((path / CONFIG_FILE).read_text(encoding="utf-8"))
            state = load_file(str(path / WEIGHTS_FILE))
        except (OSError, ValueError) as error:
            raise ModelLoadError(f"cannot load the line chooser from {path}: {error}") from error
        if tuple(config.get("features", ())) != FEATURE_NAMES:
            raise ModelLoadError(f"the line chooser in {path} was trained on other features than this version's")
        model = ChooserModel(len(FEATURE_NAMES), int(config["hidden"]))
        model.load_state_dict(state)
        return cls(model, float(config.get("margin", 0.0)))
