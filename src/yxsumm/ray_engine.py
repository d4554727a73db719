"""Running a folder batch on Ray Data: actors that each load the model once.

Needs the optional extra: ``pip install "yxsumm[ray]"``.  Without ``address`` a local Ray is
started (and stopped) by the command; with it, the job joins an existing cluster
(``ray://host:10001`` or ``auto``).  Records come back to the driver, which appends them to the
output exactly as the local engine does, so resume and crash safety are the same.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from .errors import MissingExtraError
from .records import FILES_PER_WORKER_TASK, summarize_paths
from .summarizer import set_process_threads

logger = logging.getLogger(__name__)


class SummarizeActor:
    """A Ray Data actor: builds one summariser, then summarises batches of file paths."""

    def __init__(self, factory: Callable[[], Any], root: str, time_limit: float | None = None) -> None:
        set_process_threads(1)  # one actor per CPU: one torch thread, one BLAS thread
        self.summarizer = factory()
        self.root = Path(root)
        self.time_limit = time_limit

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[str]]:
        """Summarise the files of one batch; returns their records as JSON strings."""
        paths = [Path(str(p)) for p in batch["path"]]
        records = summarize_paths(self.summarizer, paths, self.root, chunk_size=len(paths), time_limit=self.time_limit)
        return {"record": [json.dumps(r, ensure_ascii=False) for r in records]}


def ray_records(
    factory: Callable[[], Any],
    paths: list[Path],
    root: Path,
    workers: int,
    address: str | None = None,
    time_limit: float | None = None,
) -> Iterator[dict[str, Any]]:
    """Yield one record per path, computed by ``workers`` Ray actors."""
    try:
        import ray
    except ImportError as error:
        raise MissingExtraError('the Ray engine needs the optional extra: pip install "yxsumm[ray]"') from error
    if not paths:
        return
    started_here = not ray.is_initialized()
    if started_here:
        options: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False, "ignore_reinit_error": True}
        if address:
            ray.init(address=address, **options)
        else:
            ray.init(num_cpus=max(1, workers), **options)
    try:
        context = ray.data.DataContext.get_current()
        context.enable_progress_bars = False
        dataset = ray.data.from_items([{"path": str(p)} for p in paths])
        results = dataset.map_batches(
            SummarizeActor,
            fn_constructor_args=(factory, str(root), time_limit),
            batch_size=FILES_PER_WORKER_TASK,
            batch_format="numpy",
            concurrency=max(1, workers),
            num_cpus=1,
        )
        for row in results.iter_rows():
            yield json.loads(row["record"])
    finally:
        if started_here:
            ray.shutdown()
