"""Training yxsumm's copy-BART headline model on the corpora in ``shared/data``.

Resumable: a checkpoint (weights, optimiser, data position, elapsed time) is written to
``OUTPUT/last`` every few minutes and the best model on the dev sets to ``OUTPUT/best``; running
the same command again continues where it stopped.  The learning rate follows warm-up then a cosine
decay over the *time* budget (``--max-minutes``, counted across resumes).

* :mod:`.config` — :class:`TrainConfig` (every setting; the CLI flags are built from it) and :class:`TrainState`;
* :mod:`.data` — training and dev pairs, length-bucketed batches;
* :mod:`.modeling` — a fresh model, loading for a run, saving and exporting for shipping;
* :mod:`.checkpoints` — resumable checkpoints and keeping the best model on dev;
* :mod:`.loop` — :func:`train`.
"""

from .config import TrainConfig, TrainState
from .loop import train
from .modeling import build_model, export_model, save_model

__all__ = ["TrainConfig", "TrainState", "build_model", "export_model", "save_model", "train"]
