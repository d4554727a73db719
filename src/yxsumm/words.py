"""jieba, imported once and quiet (its own logger prints dictionary loading to stderr otherwise)."""

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
