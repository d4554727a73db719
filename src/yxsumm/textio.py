"""Reading article files: encoding detection, binary rejection, size limits."""

from __future__ import annotations

import codecs
from pathlib import Path

from charset_normalizer import from_bytes

from .chinese import han_share
from .errors import InputError

#: Largest file yxsumm reads (bytes); larger inputs are rejected with a clear error.
MAX_FILE_BYTES = 5 * 1024 * 1024
SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".text")

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Chinese encodings tried, in order, when the bytes are not UTF-8.
_CHINESE_ENCODINGS = ("gb18030", "big5")


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return control > len(sample) * 0.05


def decode_bytes(data: bytes, name: str = "input") -> str:
    """Decode article bytes: BOMs first, then UTF-8, then a detector (charset-normalizer) and GB18030/Big5.

    Raises :class:`InputError` for empty, binary or undecodable data.
    """
    if not data:
        raise InputError(f"{name}: the file is empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as error:
                raise InputError(f"{name}: starts with a {encoding} byte-order mark but does not decode") from error
    if _looks_binary(data):
        raise InputError(f"{name}: looks like a binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    candidates: list[tuple[float, str]] = []
    best = from_bytes(data[:200_000]).best()
    encodings = ([best.encoding] if best is not None else []) + list(_CHINESE_ENCODINGS)
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        candidates.append((han_share(text), text))
    if not candidates:
        raise InputError(f"{name}: could not detect the text encoding (tried UTF-8, GB18030, Big5)")
    return max(candidates, key=lambda c: c[0])[1]


def read_text_file(path: str | Path, max_bytes: int = MAX_FILE_BYTES) -> str:
    """Read and decode one article file (see :func:`decode_bytes`)."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    size = path.stat().st_size
    if size > max_bytes:
        raise InputError(f"{path}: {size:,} bytes is over the {max_bytes:,}-byte limit")
    return decode_bytes(path.read_bytes(), str(path))
