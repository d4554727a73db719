"""Keep the process's peak memory near what it uses: large freed buffers go back to the system.

glibc's ``malloc`` serves a request of 128 KiB or more with its own ``mmap`` at first, but each time such
a block is freed it raises that threshold to the block's size (up to 32 MiB).  After the first few
generation steps the 1.5 MB probability tensors of beam search, the span encoder's activations and the
feature matrices all come from the heap, where freed blocks stay mapped: the peak resident memory of
``bench/bench_speed.py --backends torch-int8`` was 1.09–1.18 GB, about 300 MB of it freed heap.  A fixed
threshold of 2 MiB keeps the per-step tensors on the heap, where they are reused, and maps anything
larger on its own, so that freeing it returns it: 0.98–1.01 GB in the same benchmark, for about 2 % more
CPU time (page faults; both settings alternating in one process).  1 MiB gives 0.91 GB but maps the
per-step tensors too (4 % more CPU time in a batch).

``YXSUMM_MMAP_THRESHOLD`` (bytes) sets another threshold, ``0`` leaves glibc's own behaviour; a
``MALLOC_MMAP_THRESHOLD_`` the user set is never overridden.  Other C libraries are left alone.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import os
import sys

logger = logging.getLogger(__name__)

#: The default threshold: above the 64-row × 5,838-token probability tensors of beam search (1.5 MB).
DEFAULT_MMAP_THRESHOLD = 2 * 1024 * 1024
#: ``M_MMAP_THRESHOLD`` in glibc's ``malloc.h``.
_M_MMAP_THRESHOLD = -3
#: The environment variable that overrides :data:`DEFAULT_MMAP_THRESHOLD`.
THRESHOLD_VARIABLE = "YXSUMM_MMAP_THRESHOLD"


def cap_heap_growth() -> bool:
    """Give glibc a fixed ``mmap`` threshold (:data:`DEFAULT_MMAP_THRESHOLD`, or ``YXSUMM_MMAP_THRESHOLD``
    bytes) so that large freed buffers return to the system; ``True`` when it was set.  Nothing is done
    (``False``) off glibc Linux, when the variable is ``0`` or when the user set ``MALLOC_MMAP_THRESHOLD_``."""
    if not sys.platform.startswith("linux") or "MALLOC_MMAP_THRESHOLD_" in os.environ:
        return False
    raw = os.environ.get(THRESHOLD_VARIABLE, "").strip()
    try:
        threshold = int(raw) if raw else DEFAULT_MMAP_THRESHOLD
    except ValueError:
        logger.warning("%s=%r is not a number of bytes; glibc's malloc is left as it is", THRESHOLD_VARIABLE, raw)
        return False
    if threshold <= 0:
        return False
    libc = _glibc()
    if libc is None:
        return False
    return bool(libc.mallopt(_M_MMAP_THRESHOLD, threshold))


def _glibc() -> ctypes.CDLL | None:
    """The process's C library when it is glibc (it has ``mallopt`` and ``gnu_get_libc_version``)."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
    except OSError:
        return None
    if not hasattr(libc, "gnu_get_libc_version") or not hasattr(libc, "mallopt"):
        return None  # musl and others: no such tuning
    libc.mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    libc.mallopt.restype = ctypes.c_int
    return libc
