"""What summarising an article gives back, and its one dict form and one Markdown form.

:meth:`ArticleSummary.to_dict` is the only serialiser: batch records and the web form's JSON wrap it
with :func:`result_record` (the input's ``source`` and an ``error``), with the same keys on success and
on error.  (The key is not ``path``: Gradio's API client takes any dict with a ``path`` for a file.)
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from .decoding import DecodingOptions
from .guard import Origin
from .script import Script
from .structure import Removed


@dataclass(frozen=True)
class SectionSummary:
    """One section of the article with its generated headline-style summary."""

    heading: str | None
    summary: str | None
    text: str
    #: How the summary was produced (:data:`~yxsumm.guard.Origin`); None when the section was not summarised.
    origin: Origin | None = None


@dataclass(frozen=True)
class ArticleSummary:
    """The result of summarising one article."""

    headline: str
    title: str | None
    abstract: str | None
    sections: list[SectionSummary]
    removed: list[Removed] = field(default_factory=list)
    script: Script = "simplified"
    notes: list[str] = field(default_factory=list)
    #: How the headline was produced (:data:`~yxsumm.guard.Origin`).
    headline_origin: Origin = "model"
    #: The decoding options the lines were generated with (None for the extractive methods).
    decoding: DecodingOptions | None = None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-serialisable dict (removed parts as ``{"reason", "text"}``)."""
        return asdict(self)

    def to_markdown(self) -> str:
        """The summary as a Markdown document: headline, then one part per section."""
        lines = [f"# {self.headline}", ""]
        if self.title:
            lines += [f"*原标题：{self.title}*", ""]
        if self.abstract:
            lines += [f"> {self.abstract}", ""]
        for number, section in enumerate(self.sections, 1):
            lines.append(f"## {number}. {section.summary or '（未生成）'}")
            if section.heading:
                lines.append(f"*原小标题：{section.heading}*")
            lines += ["", section.text, ""]
        for note in self.notes:
            lines.append(f"> 注：{note}")
        return "\n".join(lines).rstrip() + "\n"


#: The keys of :meth:`ArticleSummary.to_dict`, with the values an error record has.
_EMPTY_RESULT: dict[str, Any] = {
    "headline": None,
    "title": None,
    "abstract": None,
    "sections": [],
    "removed": [],
    "script": None,
    "notes": [],
    "headline_origin": None,
    "decoding": None,
}


def result_record(source: str, summary: ArticleSummary | None, error: str | None = None) -> dict[str, Any]:
    """The record of one input: ``source`` (file name, or ``""`` for pasted text), the summary's
    :meth:`~ArticleSummary.to_dict` keys, ``error``.

    Without a summary the same keys are there, empty, and ``error`` says what went wrong.
    """
    data = summary.to_dict() if summary is not None else dict(_EMPTY_RESULT)
    return {"source": source, **data, "error": error}
