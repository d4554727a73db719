"""jieba, imported once and quiet (its own logger prints dictionary loading to stderr otherwise), and the verb test
the span rules share."""

from __future__ import annotations

import logging
from functools import lru_cache
from types import ModuleType


@lru_cache(maxsize=1)
def jieba() -> ModuleType:
    """The ``jieba`` module with its log level set to WARNING."""
    import jieba as module

    module.setLogLevel(logging.WARNING)
    return module


@lru_cache(maxsize=1)
def posseg() -> ModuleType:
    """The ``jieba.posseg`` module (part-of-speech tagging)."""
    jieba()
    import jieba.posseg as module

    return module


def has_a_verb(text: str, min_chars: int = 1) -> bool:
    """Whether jieba (without its HMM) tags a word of ``text`` of at least ``min_chars`` characters a verb."""
    return any(word.flag.startswith("v") and len(word.word) >= min_chars for word in posseg().lcut(text, HMM=False))
