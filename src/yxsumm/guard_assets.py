"""The files the output guard uses, shipped together in ``models/yxsumm-guard``.

* ``span_ranker.json`` and its ranker (``span_ranker_trees.safetensors``, or an MLP's
  ``span_ranker.safetensors``): the span selector (:mod:`yxsumm.span_selector`);
* ``headline_trigrams.bin``: the background list of attested headline trigrams (``yxsumm build-trigrams``);
* ``headline_endings.json``: the words headlines almost never end with (``yxsumm build-endings``);
* ``guard_config.json``: the score weights chosen on dev (``bench/tune_guard.py``).

Every part is optional: without the span selector the fallback is the trimmed lead clause, without the
trigram list only the source attests trigrams, without the config the default weights apply.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field, fields
from pathlib import Path

from .bundled import bundled_path
from .errors import ModelLoadError
from .faithfulness import TrigramBackground
from .guard import GuardWeights
from .headline_endings import ENDINGS_FILE, HeadlineEndings
from .span_selector import CONFIG_FILE as RANKER_CONFIG_FILE
from .span_selector import SpanSelector

logger = logging.getLogger(__name__)

#: Folder name of the guard files in ``models/``.
DEFAULT_GUARD_NAME = "yxsumm-guard"
TRIGRAM_FILE = "headline_trigrams.bin"
GUARD_CONFIG_FILE = "guard_config.json"


@dataclass
class GuardAssets:
    """The loaded guard files (each may be missing)."""

    selector: SpanSelector | None = None
    background: TrigramBackground | None = None
    weights: GuardWeights = field(default_factory=GuardWeights)
    folder: Path | None = None
    endings: HeadlineEndings | None = None


def default_guard_path() -> Path:
    """``$YXSUMM_GUARD`` if set, else ``models/yxsumm-guard`` of the project."""
    return bundled_path(DEFAULT_GUARD_NAME, "YXSUMM_GUARD")


def load_guard_weights(folder: Path) -> GuardWeights:
    """The weights in ``folder/guard_config.json`` (defaults for any weight it does not name)."""
    path = folder / GUARD_CONFIG_FILE
    if not path.is_file():
        return GuardWeights()
    values = json.loads(path.read_text(encoding="utf-8")).get("weights", {})
    known = {f.name for f in fields(GuardWeights)}
    return GuardWeights(**{k: v for k, v in values.items() if k in known})


def load_guard_assets(folder: str | Path | None = None) -> GuardAssets:
    """Load the guard files from ``folder`` (the bundled folder by default).

    A folder that was asked for and does not exist raises :class:`ModelLoadError`; a missing bundled
    folder only means a guard without span selector and trigram list.
    """
    path = Path(folder) if folder is not None else default_guard_path()
    if not path.is_dir():
        if folder is not None:
            raise ModelLoadError(f"guard folder {path} does not exist")
        logger.warning("no guard files at %s: the guard runs without span selector and trigram list", path)
        return GuardAssets()
    selector = SpanSelector.load(path) if (path / RANKER_CONFIG_FILE).is_file() else None
    background = TrigramBackground.load(path / TRIGRAM_FILE) if (path / TRIGRAM_FILE).is_file() else None
    endings = HeadlineEndings.load(path / ENDINGS_FILE) if (path / ENDINGS_FILE).is_file() else None
    return GuardAssets(selector, background, load_guard_weights(path), path, endings)
