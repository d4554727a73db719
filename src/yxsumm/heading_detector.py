"""A learnt section-heading detector: per-line features → boosted trees (or a small MLP) → "is this a heading?".

Trained by ``yxsumm train-headings`` on the heading lines of ``../shared/data`` (the ``headings`` field of
``hkcnews_articles`` and ``oped2_articles``, and the xwlb sub-headings; see :mod:`yxsumm.train_headings`).
Inference is numpy only (a forest walked level by level, or two small matrix products), so structuring
stays fast and does not need torch or LightGBM.  The shipped detector lives in ``models/yxsumm-structure``; without it
:func:`yxsumm.structure.parse_article` falls back to the hand-written rules.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import numpy as np

from .bundled import bundled_path
from .errors import ModelLoadError
from .heading_features import FEATURE_NAMES
from .tree_ensemble import TreeEnsemble

logger = logging.getLogger(__name__)

#: Folder name of the structure model in ``models/``.
DEFAULT_STRUCTURE_NAME = "yxsumm-structure"
WEIGHTS_FILE = "heading_detector.safetensors"
CONFIG_FILE = "heading_detector.json"
TREES_FILE = "heading_detector_trees.safetensors"


@dataclass(frozen=True)
class HeadingDetector:
    """Heading probability of each candidate line, from its features.

    Either a forest of boosted trees on the raw features (``trees``; its leaves sum to a log-odds), or
    standardised features → ReLU layer (or none: logistic regression) → a logit (``layers``).
    """

    mean: np.ndarray
    scale: np.ndarray
    layers: tuple[tuple[np.ndarray, np.ndarray], ...]
    threshold: float = 0.5
    trees: TreeEnsemble | None = None

    @classmethod
    def from_trees(cls, trees: TreeEnsemble, threshold: float = 0.5) -> HeadingDetector:
        """A detector whose log-odds are the sum of ``trees``' leaves."""
        width = len(FEATURE_NAMES)
        return cls(np.zeros(width, np.float32), np.ones(width, np.float32), (), threshold, trees)

    def with_threshold(self, threshold: float) -> HeadingDetector:
        """The same detector deciding at ``threshold``."""
        return replace(self, threshold=threshold)

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        """The heading probability of each row of ``features`` (shape ``(n, len(FEATURE_NAMES))``)."""
        if self.trees is not None:
            return 1.0 / (1.0 + np.exp(-np.clip(self.trees.predict(features), -30, 30)))
        hidden = (features - self.mean) / self.scale
        for index, (weight, bias) in enumerate(self.layers):
            hidden = hidden @ weight.T + bias
            if index + 1 < len(self.layers):
                hidden = np.maximum(hidden, 0.0)
        return 1.0 / (1.0 + np.exp(-np.clip(hidden[:, 0], -30, 30)))

    def save(self, folder: str | Path, **card: object) -> None:
        """Write the weights (safetensors) and the config (features, threshold, ``card``) to ``folder``."""
        from safetensors.numpy import save_file

        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        config: dict[str, object] = {"features": list(FEATURE_NAMES), "threshold": self.threshold}
        if self.trees is not None:
            self.trees.save(folder / TREES_FILE)
            config["model"] = "trees"
        else:
            tensors = {"mean": self.mean, "scale": self.scale}
            for index, (weight, bias) in enumerate(self.layers):
                tensors[f"layer{index}.weight"] = np.ascontiguousarray(weight, dtype=np.float32)
                tensors[f"layer{index}.bias"] = np.ascontiguousarray(bias, dtype=np.float32)
            save_file(tensors, str(folder / WEIGHTS_FILE))
            config |= {"model": "mlp", "layers": len(self.layers)}
        config |= card
        (folder / CONFIG_FILE).write_text(json.dumps(config, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, folder: str | Path) -> HeadingDetector:
        """Load a detector written by :meth:`save`; :class:`ModelLoadError` when it is missing or stale."""
        from safetensors.numpy import load_file

        folder = Path(folder)
        try:
            config = json.loads((folder / CONFIG_FILE).read_text(encoding="utf-8"))
            if tuple(config["features"]) != FEATURE_NAMES:
                raise ValueError("the features it was trained on differ from this version's")
            if config.get("model", "mlp") == "trees":
                return cls.from_trees(TreeEnsemble.load(folder / TREES_FILE), float(config["threshold"]))
            tensors = load_file(str(folder / WEIGHTS_FILE))
            layers = tuple(
                (tensors[f"layer{i}.weight"], tensors[f"layer{i}.bias"]) for i in range(int(config["layers"]))
            )
            return cls(tensors["mean"], tensors["scale"], layers, float(config["threshold"]))
        except (OSError, KeyError, ValueError) as error:
            raise ModelLoadError(f"could not load the heading detector in {folder}: {error}") from error


def select_headings(probabilities: Sequence[float], threshold: float) -> list[int]:
    """Indices of the candidates that become headings.

    A candidate becomes a heading when its probability reaches ``threshold`` and a body candidate
    follows it.  Of several sure candidates in a row only the first is a heading (the next ones are a
    subtitle or a list and stay in the body): a merged section reads better than an empty one.
    """
    chosen: list[int] = []
    count = len(probabilities)
    index = 0
    while index < count:
        if probabilities[index] < threshold:
            index += 1
            continue
        following = index + 1
        while following < count and probabilities[following] >= threshold:
            following += 1
        if following < count:
            chosen.append(index)
        index = following
    return chosen


def default_structure_path() -> Path:
    """``$YXSUMM_STRUCTURE`` if set, else the shipped ``models/yxsumm-structure``."""
    return bundled_path(DEFAULT_STRUCTURE_NAME, "YXSUMM_STRUCTURE")


@lru_cache(maxsize=1)
def default_heading_detector() -> HeadingDetector | None:
    """The shipped detector, loaded once; ``None`` (rules are used) when its files are missing."""
    folder = default_structure_path()
    if not (folder / CONFIG_FILE).is_file():
        logger.warning("no heading detector at %s: headings are found by the hand-written rules", folder)
        return None
    return HeadingDetector.load(folder)
