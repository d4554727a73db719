"""Simplified/Traditional Chinese: detection and conversion through OpenCC."""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

import opencc

from .chinese import HAN

#: The script a text is written in (output is given back in the same script).
Script = Literal["simplified", "traditional"]


@lru_cache(maxsize=4)
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def to_simplified(text: str) -> str:
    """Convert Traditional Chinese text to Simplified (OpenCC ``t2s``)."""
    return _converter("t2s").convert(text)


def to_traditional(text: str) -> str:
    """Convert Simplified Chinese text to Traditional (OpenCC ``s2t``)."""
    return _converter("s2t").convert(text)


def detect_script(text: str, sample_chars: int = 4000) -> Script:
    """``"traditional"`` when converting a sample to Simplified changes ≥ 3 % of its Han characters."""
    sample = text[:sample_chars]
    han = HAN.findall(sample)
    if not han:
        return "simplified"
    converted = to_simplified("".join(han))
    changed = sum(1 for a, b in zip(han, converted, strict=False) if a != b)
    return "traditional" if changed / len(han) >= 0.03 else "simplified"
