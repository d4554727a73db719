"""yxsumm: offline Chinese news headline and section summarisation."""

from .deadline import time_limit
from .decoding import DecodingOptions
from .errors import InputError, MissingExtraError, ModelLoadError, TimeLimitError, YxsummError
from .modeling_copybart import (
    CopyBartConfig,
    CopyBartForConditionalGeneration,
    register_auto_classes,
)
from .results import ArticleSummary, SectionSummary
from .sentences import split_sentences
from .structure import Article, Section, parse_article
from .summarizer import Summarizer, summarize

register_auto_classes()

__version__ = "0.1.0"

__all__ = [
    "Article",
    "ArticleSummary",
    "CopyBartConfig",
    "CopyBartForConditionalGeneration",
    "DecodingOptions",
    "InputError",
    "MissingExtraError",
    "ModelLoadError",
    "Section",
    "SectionSummary",
    "Summarizer",
    "TimeLimitError",
    "YxsummError",
    "parse_article",
    "split_sentences",
    "summarize",
    "time_limit",
]
