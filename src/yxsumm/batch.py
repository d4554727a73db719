"""Summarising a folder of articles into JSON Lines (or CSV/Markdown), resumably.

Each finished file is appended to the output as one whole line with a single ``write`` on a file
opened for appending, then flushed and fsync'ed, so a run killed at any moment loses nothing it
already wrote; a torn last line (power loss) is cut off when the run resumes.  Re-running skips the
files already in the output.  A file that fails is recorded with its error and the run goes on.
"""

from __future__ import annotations

import csv
import ctypes
import io
import json
import logging
import os
import shutil
import signal
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, get_args

from .errors import InputError
from .ray_engine import ray_records
from .records import DEFAULT_FILE_TIME_LIMIT, FILES_PER_WORKER_TASK, record_path, summarize_paths
from .summarizer import Summarizer, set_process_threads
from .textio import SUPPORTED_SUFFIXES

logger = logging.getLogger(__name__)

#: Output formats and batch engines.
Format = Literal["jsonl", "csv", "markdown"]
Engine = Literal["local", "ray"]
FORMATS: tuple[str, ...] = get_args(Format)
ENGINES: tuple[str, ...] = get_args(Engine)
_CSV_FIELDS = ["source", "headline", "title", "section_summaries", "section_headings", "error"]
_MIN_FREE_BYTES = 1 << 20


def find_inputs(
    input_dir: str | Path, pattern: str = "**/*", *, exclude: Path | None = None, follow_links: bool = False
) -> list[Path]:
    """Article files under ``input_dir`` matching ``pattern`` with a supported suffix, sorted.

    Symbolic links that lead out of ``input_dir`` are skipped unless ``follow_links`` (a link to
    ``/etc/passwd`` must not be copied into the output); ``exclude`` (the output file) is never an input.
    """
    root = Path(input_dir)
    if not root.is_dir():
        raise InputError(f"{root} is not a folder")
    real_root = root.resolve()
    excluded = exclude.resolve() if exclude is not None else None
    found = []
    for path in root.glob(pattern):
        if not path.is_file() or path.suffix.lower() not in SUPPORTED_SUFFIXES:
            continue
        real = path.resolve()
        if excluded is not None and real == excluded:
            continue
        if not follow_links and not real.is_relative_to(real_root):
            logger.warning("skipping %s: it links outside %s", path, root)
            continue
        found.append(path)
    return sorted(found)


def format_record(record: dict[str, Any], fmt: Format) -> str:
    """One record as the text appended to the output (always ends with a newline)."""
    if fmt == "jsonl":
        return json.dumps(record, ensure_ascii=False) + "\n"
    if fmt == "csv":
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\n").writerow(
            [
                record["source"],
                record["headline"] or "",
                record["title"] or "",
                " | ".join(s["summary"] or "" for s in record["sections"]),
                " | ".join(s["heading"] or "" for s in record["sections"]),
                record["error"] or "",
            ]
        )
        return buffer.getvalue()
    if fmt == "markdown":
        body = f"<!-- yxsumm: {json.dumps(record['source'], ensure_ascii=False)} -->\n"
        if record["error"]:
            return body + f"## {record['source']}\n\n错误：{record['error']}\n\n"
        body += f"## {record['headline']}\n\n*{record['source']}*\n\n"
        for section in record["sections"]:
            heading = f"（{section['heading']}）" if section["heading"] else ""
            body += f"- **{section['summary'] or ''}** {heading}\n"
        return body + "\n"
    raise ValueError(f"unknown output format {fmt!r}; use one of {FORMATS}")


def record_source(record: dict[str, Any]) -> str:
    """The input a JSON record is about (``path`` in outputs written before yxsumm 0.2)."""
    return record["source"] if "source" in record else record["path"]


def _drop_duplicate_records(output: Path, lines: list[str]) -> bool:
    """Rewrite a JSON Lines output keeping the first record of each input (left by overlapping runs)."""
    seen: set[str] = set()
    kept: list[str] = []
    for line in lines:
        try:
            path = record_source(json.loads(line))
        except (ValueError, KeyError, TypeError):
            kept.append(line)
            continue
        if path not in seen:
            seen.add(path)
            kept.append(line)
    if len(kept) == len(lines):
        return False
    logger.warning("dropping %d duplicate records from %s", len(lines) - len(kept), output)
    temporary = output.with_name(output.name + ".dedup")
    temporary.write_text("".join(line + "\n" for line in kept), encoding="utf-8")
    os.replace(temporary, output)
    return True


def _repair_and_read_done(output: Path, fmt: Format) -> tuple[set[str], bool]:
    """Paths already in ``output``, and whether the file was replaced (duplicate records dropped).

    A torn last line (no newline) is cut off first.
    """
    if not output.exists() or output.stat().st_size == 0:
        return set(), False
    data = output.read_bytes()
    if not data.endswith(b"\n"):
        keep = data.rfind(b"\n") + 1
        logger.warning("cutting a partial last line off %s", output)
        with open(output, "r+b") as handle:
            handle.truncate(keep)
        data = data[:keep]
    text = data.decode("utf-8", errors="replace")
    done: set[str] = set()
    replaced = False
    if fmt == "jsonl":
        replaced = _drop_duplicate_records(output, text.splitlines())
        for line in text.splitlines():
            try:
                done.add(record_source(json.loads(line)))
            except (ValueError, KeyError, TypeError):
                logger.warning("ignoring an unreadable line in %s", output)
    elif fmt == "csv":
        for row in csv.reader(io.StringIO(text)):
            if row and row[0] not in ("source", "path"):
                done.add(row[0])
    else:
        for line in text.splitlines():
            if line.startswith("<!-- yxsumm: ") and line.endswith(" -->"):
                done.add(json.loads(line[len("<!-- yxsumm: ") : -len(" -->")]))
    return done, replaced


def check_output_writable(output: Path) -> None:
    """Fail early, with a clear message, when the output cannot be written."""
    folder = output.parent if str(output.parent) else Path(".")
    if output.is_dir():
        raise InputError(f"output {output} is a folder; give a file name (e.g. {output / 'summaries.jsonl'})")
    if output.exists() and not output.is_file():
        raise InputError(f"output {output} is not a regular file (a device or a pipe cannot be resumed)")
    if not folder.is_dir():
        raise InputError(f"output folder {folder} does not exist")
    if output.exists() and not os.access(output, os.W_OK):
        raise InputError(f"output file {output} is not writable")
    if not output.exists() and not os.access(folder, os.W_OK):
        raise InputError(f"output folder {folder} is not writable")
    if shutil.disk_usage(folder).free < _MIN_FREE_BYTES:
        raise InputError(f"output folder {folder} is full (less than 1 MiB free)")


class AppendOnlyWriter:
    """Appends whole records to a file: one ``os.write`` per record, then fsync.

    The file is locked (``flock``) for as long as the writer is open, so a second batch run on the same
    output is refused instead of writing the same files twice.
    """

    def __init__(self, path: Path) -> None:
        self.fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            import fcntl

            fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(self.fd)
            raise InputError(f"another yxsumm batch is writing {path}; wait for it or choose another output") from None
        except ImportError:  # no flock on this platform: no protection against a second run
            pass

    def write(self, text: str) -> None:
        """Append ``text`` in one write call and make it durable."""
        data = text.encode("utf-8")
        written = os.write(self.fd, data)
        while written < len(data):  # short writes are rare on regular files; finish the record
            written += os.write(self.fd, data[written:])
        os.fsync(self.fd)

    def close(self) -> None:
        """Close the file."""
        os.close(self.fd)


@dataclass
class BatchStats:
    """What a batch run did."""

    total: int = 0
    skipped: int = 0
    done: int = 0
    failed: int = 0


def run_batch(
    summarizer_factory: Any,
    input_dir: str | Path,
    output: str | Path,
    *,
    pattern: str = "**/*",
    fmt: Format = "jsonl",
    workers: int = 1,
    progress: bool = True,
    engine: Engine = "local",
    address: str | None = None,
    follow_links: bool = False,
    time_limit: float | None = DEFAULT_FILE_TIME_LIMIT,
) -> BatchStats:
    """Summarise every article file under ``input_dir`` into ``output`` (resumable).

    ``summarizer_factory`` is a zero-argument callable returning a :class:`Summarizer`; it is called
    once per worker process (or Ray actor).  ``engine="ray"`` runs the work on Ray Data (a local Ray
    is started unless ``address`` names a cluster); records are written the same way either way.
    ``follow_links`` also reads files that symbolic links outside ``input_dir`` point to.
    ``time_limit`` is seconds per file: a file past it is stopped and recorded with that error.
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; use one of {ENGINES}")
    if fmt not in FORMATS:
        raise ValueError(f"unknown output format {fmt!r}; use one of {FORMATS}")
    root = Path(input_dir)
    output = Path(output)
    check_output_writable(output)
    paths = find_inputs(root, pattern, exclude=output, follow_links=follow_links)
    writer = AppendOnlyWriter(output)  # locks the output before reading what is done
    try:
        done, replaced = _repair_and_read_done(output, fmt)
    except BaseException:
        writer.close()
        raise
    if replaced:  # the old file (and its lock) is gone: append to, and lock, the new one
        writer.close()
        writer = AppendOnlyWriter(output)
    stats = BatchStats(total=len(paths))
    todo = [p for p in paths if record_path(p, root) not in done]
    stats.skipped = len(paths) - len(todo)
    logger.info("%d files, %d already done, %d to do", len(paths), stats.skipped, len(todo))
    if fmt == "csv" and output.stat().st_size == 0:
        writer.write(",".join(_CSV_FIELDS) + "\n")
    from tqdm import tqdm

    bar = tqdm(total=len(todo), unit="article", disable=not progress, dynamic_ncols=True)
    try:
        if engine == "ray":
            records = ray_records(summarizer_factory, todo, root, workers, address, time_limit)
        else:
            records = _records(summarizer_factory, todo, root, workers, time_limit)
        for record in records:
            writer.write(format_record(record, fmt))
            stats.done += 1
            stats.failed += record["error"] is not None
            bar.update(1)
    finally:
        bar.close()
        writer.close()
    return stats


def _records(
    factory: Any, paths: list[Path], root: Path, workers: int, time_limit: float | None
) -> Iterable[dict[str, Any]]:
    if workers <= 1 or len(paths) <= 1:
        yield from summarize_paths(factory(), paths, root, time_limit=time_limit)
        return
    from concurrent.futures import ProcessPoolExecutor

    step = FILES_PER_WORKER_TASK
    groups = [paths[i : i + step] for i in range(0, len(paths), step)]
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(factory,)) as pool:
        for records in pool.map(_work, groups, [root] * len(groups), [time_limit] * len(groups)):
            yield from records


_worker_summarizer: Summarizer | None = None


def _die_with_parent() -> None:
    """Ask Linux to kill this worker when its parent dies (even by SIGKILL), so no idle worker is left."""
    if sys.platform.startswith("linux"):
        pr_set_pdeathsig = 1
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(pr_set_pdeathsig, signal.SIGKILL)


def _init_worker(factory: Any) -> None:
    global _worker_summarizer
    _die_with_parent()
    set_process_threads(1)  # one process per core: one torch thread, one BLAS thread
    _worker_summarizer = factory()


def _work(paths: list[Path], root: Path, time_limit: float | None) -> list[dict[str, Any]]:
    assert _worker_summarizer is not None
    return list(summarize_paths(_worker_summarizer, paths, root, time_limit=time_limit))
