"""yxsumm: offline Chinese news headline and section summarisation."""

from .errors import InputError, ModelLoadError, YxsummError
from .modeling_copybart import (
    CopyBartConfig,
    CopyBartForConditionalGeneration,
    register_auto_classes,
)
from .sentences import split_sentences
from .structure import Article, Section, parse_article
from .summarizer import ArticleSummary, SectionSummary, Summarizer, summarize

register_auto_classes()

__version__ = "0.1.0"

__all__ = [
    "Article",
    "ArticleSummary",
    "CopyBartConfig",
    "CopyBartForConditionalGeneration",
    "InputError",
    "ModelLoadError",
    "Section",
    "SectionSummary",
    "Summarizer",
    "YxsummError",
    "parse_article",
    "split_sentences",
    "summarize",
]
