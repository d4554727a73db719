"""Simplified/Traditional Chinese: detection and conversion through OpenCC."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from .chinese import HAN, greedy_cover

#: The script a text is written in (output is given back in the same script).
Script = Literal["simplified", "traditional"]


if TYPE_CHECKING:
    import opencc


@lru_cache(maxsize=4)
def _converter(config: str) -> opencc.OpenCC:
    # imported when first needed: the training loop reaches this module through the tokenizer helpers and
    # runs on GPU machines that have only torch and transformers (bench/gpu_train.py)
    import opencc

    return opencc.OpenCC(config)


def to_simplified(text: str) -> str:
    """Convert Traditional Chinese text to Simplified (OpenCC ``t2s``)."""
    return _converter("t2s").convert(text)


def to_traditional(text: str) -> str:
    """Convert Simplified Chinese text to Traditional (OpenCC ``s2t``)."""
    return _converter("s2t").convert(text)


@lru_cache(maxsize=4)
def _simplified_once(text: str) -> str:
    """:func:`to_simplified`, remembered: every line of an article is put back into its characters."""
    return to_simplified(text)


#: Pieces of a line at least this long are taken in the source's own characters.
_COPIED_PIECE_CHARS = 2


def to_traditional_like(line: str, original: str) -> str:
    """``line`` (Simplified) in Traditional script, in ``original``'s own characters where it copies it.

    OpenCC ``s2t`` writes some characters in a form Hong Kong and Taiwan texts do not use (``为`` → ``爲``
    where the article writes ``為``); a span of a Traditional article should read as the article does.
    Each piece of at least two characters that the Simplified form of ``original`` has is taken from
    ``original`` at the same place; the rest is converted.  Without a one-to-one conversion (the two
    forms differ in length), the whole line is converted.
    """
    converted = to_traditional(line)
    simplified = _simplified_once(original)
    if len(simplified) != len(original) or len(converted) != len(line):
        return converted
    out = list(converted)
    start = 0
    for piece in greedy_cover(line, simplified):
        position = simplified.find(piece) if len(piece) >= _COPIED_PIECE_CHARS else -1
        if position >= 0:
            out[start : start + len(piece)] = original[position : position + len(piece)]
        start += len(piece)
    return "".join(out)


def detect_script(text: str, sample_chars: int = 4000) -> Script:
    """``"traditional"`` when converting a sample to Simplified changes ≥ 3 % of its Han characters."""
    sample = text[:sample_chars]
    han = HAN.findall(sample)
    if not han:
        return "simplified"
    converted = to_simplified("".join(han))
    changed = sum(1 for a, b in zip(han, converted, strict=False) if a != b)
    return "traditional" if changed / len(han) >= 0.03 else "simplified"
