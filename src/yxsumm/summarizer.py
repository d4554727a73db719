"""The public API: :class:`Summarizer`, :func:`summarize` and the result types."""

from __future__ import annotations

import copy
import logging
import re
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import torch

from .errors import InputError
from .extractive import extractive_headline
from .guard_assets import GuardAssets, load_guard_assets
from .normalize import CJK_CHAR
from .postprocess import finish_line
from .script import to_simplified, to_traditional
from .structure import Article, parse_article

logger = logging.getLogger(__name__)

METHODS = ("model", "lead", "textrank")
BACKENDS = ("torch", "torch-int8")
_HAN = re.compile(f"[{CJK_CHAR}]")
#: Sections summarised per article; the rest are kept with ``summary=None`` and a note.
DEFAULT_MAX_SECTIONS = 64


@dataclass(frozen=True)
class SectionSummary:
    """One section of the article with its generated headline-style summary."""

    heading: str | None
    summary: str | None
    text: str
    #: How the summary was produced: ``model``, ``model-reranked``, ``extractive-span``,
    #: ``extractive-fallback`` (see :mod:`yxsumm.guard`), ``lead`` or ``textrank``; None when not summarised.
    origin: str | None = None


@dataclass(frozen=True)
class ArticleSummary:
    """The result of summarising one article."""

    headline: str
    title: str | None
    abstract: str | None
    sections: list[SectionSummary]
    removed: list[tuple[str, str]] = field(default_factory=list)
    script: str = "simplified"
    notes: list[str] = field(default_factory=list)
    #: How the headline was produced (the values of :attr:`SectionSummary.origin`).
    headline_origin: str = "model"

    def to_dict(self) -> dict[str, Any]:
        """A JSON-serialisable dict."""
        data = asdict(self)
        data["removed"] = [{"reason": reason, "text": text} for reason, text in self.removed]
        return data

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


#: Accepted range of each decoding option: (type, lowest, highest).
DECODING_LIMITS: dict[str, tuple[type, float, float]] = {
    "num_beams": (int, 1, 16),
    "max_length": (int, 4, 256),
    "no_repeat_ngram_size": (int, 0, 16),
    "length_penalty": (float, -4.0, 4.0),
}


def checked_decoding_options(options: dict[str, Any]) -> dict[str, Any]:
    """The options that are set (not None), each checked against :data:`DECODING_LIMITS`.

    Raises :class:`InputError` naming the option and its accepted range (``num_beams=0``, ``"4"``, …).
    """
    checked: dict[str, Any] = {}
    for name, value in options.items():
        if value is None:
            continue
        kind, low, high = DECODING_LIMITS[name]
        is_number = isinstance(value, int | float) and not isinstance(value, bool)
        if not is_number or (kind is int and float(value) != int(value)) or not low <= value <= high:
            raise InputError(
                f"{name} must be {'an integer' if kind is int else 'a number'} from {low} to {high}, not {value!r}"
            )
        checked[name] = kind(value)
    return checked


#: A generation job: (task, model input, the text whose facts the output must stay within).
Job = tuple[str, str, str]
#: A printed line and how it was produced.
Line = tuple[str, str]


class _LRUCache:
    """A small thread-safe LRU cache of generated lines."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._data: OrderedDict[tuple[str, ...], Line] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple[str, ...]) -> Line | None:
        with self._lock:
            if key in self._data:
                self._data.move_to_end(key)
                return self._data[key]
            return None

    def put(self, key: tuple[str, ...], value: Line) -> None:
        if self.size <= 0:
            return
        with self._lock:
            self._data[key] = value
            self._data.move_to_end(key)
            while len(self._data) > self.size:
                self._data.popitem(last=False)


class Summarizer:
    """Headline and section summaries for Chinese articles.

    ``model`` is a local folder (the bundled model by default, or any Hugging Face seq2seq checkpoint:
    BART/T5/mT5/Pegasus with a BERT or SentencePiece tokenizer) or a hub id.  With
    ``method="lead"`` or ``"textrank"`` no model is loaded at all (extractive headlines).

    ``guard=True`` (the default) puts the output guard of :mod:`yxsumm.guard` between the model and
    the user: the n-best lines and an extracted span are assessed, no line with a number, Latin word
    or name the source lacks is printed, and garbled lines lose to better ones.  ``guard_model`` is the
    folder with the span selector and the trigram list (the bundled ``models/yxsumm-guard`` by default).
    """

    def __init__(
        self,
        model: str | Path | None = None,
        *,
        device: str = "cpu",
        method: str = "model",
        backend: str = "torch",
        num_beams: int | None = None,
        max_length: int | None = None,
        no_repeat_ngram_size: int | None = None,
        length_penalty: float | None = None,
        max_source_chars: int | None = None,
        batch_size: int = 32,
        max_sections: int = DEFAULT_MAX_SECTIONS,
        cache_size: int = 4096,
        threads: int | None = None,
        allow_remote_code: bool = False,
        guard: bool = True,
        guard_model: str | Path | None = None,
    ) -> None:
        """Load the model (unless ``method`` is extractive) and keep the decoding settings."""
        if method not in METHODS:
            raise ValueError(f"method must be one of {METHODS}, not {method!r}")
        if backend not in BACKENDS:
            raise ValueError(f"backend must be one of {BACKENDS}, not {backend!r}")
        self.method = method
        self.backend = backend
        self.batch_size = max(1, batch_size)
        self.max_sections = max(1, max_sections)
        self._cache = _LRUCache(cache_size)
        self._lock = threading.Lock()
        self.model = self.tokenizer = None
        self.model_name: str | None = None
        if threads:
            torch.set_num_threads(threads)
        self.generate_kwargs: dict[str, Any] = {}
        self.guard = guard
        self.guard_assets: GuardAssets | None = None
        if method == "model":
            from .model_loading import load_model, quantize_dynamic_int8

            self.model, self.tokenizer, self.model_name = load_model(model, device, allow_remote_code=allow_remote_code)
            if backend == "torch-int8":
                if device != "cpu":
                    raise ValueError("the torch-int8 backend runs on the CPU only")
                self.model = quantize_dynamic_int8(self.model)
            overrides = {
                "num_beams": num_beams,
                "max_length": max_length,
                "no_repeat_ngram_size": no_repeat_ngram_size,
                "length_penalty": length_penalty,
            }
            self.generate_kwargs = checked_decoding_options(overrides)
            if num_beams == 1:
                self.generate_kwargs["early_stopping"] = False
            if guard:
                self.guard_assets = load_guard_assets(guard_model)
        default_chars = 192
        if self.tokenizer is not None and getattr(self.model.config, "max_position_embeddings", None):
            default_chars = min(self.model.config.max_position_embeddings - 16, 480)
            if getattr(self.model.config, "model_type", "") == "copy_bart":
                default_chars = 192
        self.max_source_chars = max_source_chars or default_chars

    def with_options(self, **generate_overrides: Any) -> Summarizer:
        """A summariser sharing this one's model, cache and lock, with other decoding settings.

        Accepts ``num_beams``, ``max_length``, ``no_repeat_ngram_size``, ``length_penalty``; ``None`` keeps
        the current value.
        """
        allowed = {"num_beams", "max_length", "no_repeat_ngram_size", "length_penalty"}
        unknown = set(generate_overrides) - allowed
        if unknown:
            raise ValueError(f"unknown decoding options: {sorted(unknown)}")
        clone = copy.copy(self)
        clone.generate_kwargs = dict(self.generate_kwargs)
        clone.generate_kwargs.update(checked_decoding_options(generate_overrides))
        if clone.generate_kwargs.get("num_beams") == 1:
            clone.generate_kwargs["early_stopping"] = False
        return clone

    # -- generation --------------------------------------------------------------------------

    def _generate_jobs(self, jobs: Sequence[Job]) -> list[Line]:
        """One printed line per job; all jobs share batches (cached per job and decoding options)."""
        if self.method != "model":
            return [(extractive_headline(text, self.method), self.method) for _, text, _ in jobs]
        options = repr(sorted(self.generate_kwargs.items())) + f"|{self.max_source_chars}|guard={self.guard}"
        results: list[Line | None] = [self._cache.get((options, *job)) for job in jobs]
        missing = sorted({job for job, result in zip(jobs, results, strict=True) if result is None})
        if missing:
            with self._lock:
                produced = dict(zip(missing, self._lines_for(missing), strict=True))
            for job, line in produced.items():
                self._cache.put((options, *job), line)
            results = [r if r is not None else produced[job] for job, r in zip(jobs, results, strict=True)]
        return results  # type: ignore[return-value]

    def _lines_for(self, jobs: Sequence[Job]) -> list[Line]:
        """Generate (and, with the guard, choose) the line of each job."""
        from .generation import generate_texts
        from .guarded_generation import guarded_lines

        tasks = [task for task, _, _ in jobs]
        texts = [text for _, text, _ in jobs]
        if self.guard and self.guard_assets is not None:
            return guarded_lines(
                self.model,
                self.tokenizer,
                self.guard_assets,
                jobs,
                max_source_chars=self.max_source_chars,
                batch_size=self.batch_size,
                **self.generate_kwargs,
            )
        outputs = generate_texts(
            self.model,
            self.tokenizer,
            texts,
            task=tasks,
            max_source_chars=self.max_source_chars,
            batch_size=self.batch_size,
            **self.generate_kwargs,
        )
        return [(finish_line(output, context), "model") for output, (_, _, context) in zip(outputs, jobs, strict=True)]

    def headlines(self, texts: Sequence[str], batch_size: int | None = None, *, task: str = "headline") -> list[str]:
        """One headline per text (no sectioning); texts are generated in batches.

        ``task="heading"`` asks the bundled model for a section heading instead of an article headline.
        """
        return [line for line, _ in self.headline_lines(texts, batch_size, task=task)]

    def headline_lines(
        self, texts: Sequence[str], batch_size: int | None = None, *, task: str = "headline"
    ) -> list[Line]:
        """Like :meth:`headlines`, with how each line was produced (``(line, origin)``)."""
        if batch_size:
            self.batch_size = batch_size
        prepared = [self._prepare_plain(t) for t in texts]
        lines = self._generate_jobs([(task, text, text) for text, _ in prepared])
        return [
            (to_traditional(line) if traditional else line, origin)
            for (line, origin), (_, traditional) in zip(lines, prepared, strict=True)
        ]

    def headline(self, text: str) -> str:
        """One headline for ``text`` (no sectioning)."""
        return self.headlines([text])[0]

    @staticmethod
    def _prepare_plain(text: str) -> tuple[str, bool]:
        from .script import detect_script
        from .structure import prepare_text

        if not isinstance(text, str):
            raise InputError(f"expected text (str), got {type(text).__name__}")
        normalised, _ = prepare_text(text)
        if not normalised:
            raise InputError("the text is empty")
        traditional = detect_script(normalised) == "traditional"
        return (to_simplified(normalised) if traditional else normalised), traditional

    # -- whole articles ----------------------------------------------------------------------

    def summarize(self, text: str) -> ArticleSummary:
        """Structure ``text`` and summarise it: article headline plus one summary per section."""
        return self.summarize_many([text])[0]

    def summarize_many(self, texts: Sequence[str]) -> list[ArticleSummary]:
        """Summarise many articles; all their sections (then all headlines) are generated in batches."""
        articles = [parse_article(text) for text in texts]
        return self.summarize_articles(articles)

    def summarize_articles(self, articles: Sequence[Article]) -> list[ArticleSummary]:
        """Summarise already structured articles (see :func:`~yxsumm.parse_article`)."""
        jobs: list[tuple[int, int, str]] = []  # (article, section, model input)
        notes: list[list[str]] = [[] for _ in articles]
        for a, article in enumerate(articles):
            traditional = article.script == "traditional"
            if not _HAN.search(article.body + (article.title or "")):
                notes[a].append("the text contains no Chinese characters; yxsumm is made for Chinese news")
            for s, section in enumerate(article.sections):
                if s >= self.max_sections:
                    notes[a].append(
                        f"only the first {self.max_sections} of {len(article.sections)} sections were summarised"
                    )
                    break
                text = section.text or section.heading or ""
                jobs.append((a, s, to_simplified(text) if traditional else text))
        summaries, headlines = self._summaries_and_headlines(articles, jobs)
        results: list[ArticleSummary] = []
        for a, article in enumerate(articles):
            convert = to_traditional if article.script == "traditional" else (lambda x: x)
            sections = [
                SectionSummary(
                    heading=section.heading,
                    summary=convert(summaries[(a, s)][0]) if (a, s) in summaries else None,
                    text=section.text,
                    origin=summaries[(a, s)][1] if (a, s) in summaries else None,
                )
                for s, section in enumerate(article.sections)
            ]
            results.append(
                ArticleSummary(
                    headline=convert(headlines[a][0]),
                    headline_origin=headlines[a][1],
                    title=article.title,
                    abstract=article.abstract,
                    sections=sections,
                    removed=list(article.removed),
                    script=article.script,
                    notes=notes[a],
                )
            )
        return results

    def _summaries_and_headlines(
        self, articles: Sequence[Article], jobs: list[tuple[int, int, str]]
    ) -> tuple[dict[tuple[int, int], Line], list[Line]]:
        """Section summaries (keyed by article and section) and one headline per article.

        Section headings and the headlines whose input is known up front (every later section has its
        own heading) are generated in one pass, sharing batches; the other headlines are built from the
        section summaries in a second pass.
        """
        early = [a for a, article in enumerate(articles) if self._headline_needs_no_summaries(article)]
        first_pass: list[Job] = [("heading", text, text) for _, _, text in jobs]
        first_pass += [
            ("headline", self._headline_input(articles[a], {}, a), _fact_context(articles[a])) for a in early
        ]
        outputs = self._generate_jobs(first_pass)
        summaries = {(a, s): output for (a, s, _), output in zip(jobs, outputs[: len(jobs)], strict=True)}
        headlines = dict(zip(early, outputs[len(jobs) :], strict=True))
        late = [a for a in range(len(articles)) if a not in headlines]
        texts = {key: line for key, (line, _) in summaries.items()}
        second_pass: list[Job] = [
            ("headline", self._headline_input(articles[a], texts, a), _fact_context(articles[a])) for a in late
        ]
        headlines.update(zip(late, self._generate_jobs(second_pass), strict=True))
        return summaries, [headlines[a] for a in range(len(articles))]

    def _headline_needs_no_summaries(self, article: Article) -> bool:
        """Whether the headline input can be built before any section is summarised."""
        return self.method != "model" or all(section.heading for section in article.sections[1 : self.max_sections])

    def _headline_input(self, article: Article, summaries: dict[tuple[int, int], str], index: int) -> str:
        """What the headline is generated from: built from the structure for the model, the body otherwise."""
        if self.method == "model":
            return self._headline_source(article, summaries, index)
        return article.body or article.title or ""

    def _headline_source(self, article: Article, summaries: dict[tuple[int, int], str], index: int) -> str:
        """Input for the article headline: the lead, then what each later section says."""
        traditional = article.script == "traditional"
        lead = article.sections[0].text if article.sections else ""
        if article.abstract:
            lead = article.abstract + "。" + lead
        points = []
        for s, section in enumerate(article.sections[1:], 1):
            point = section.heading or summaries.get((index, s))
            if point:
                points.append(point)
        if traditional:
            lead = to_simplified(lead)
            points = [to_simplified(p) for p in points]
        budget = self.max_source_chars
        if not points or len(lead) < budget * 0.6:
            return (lead + "\n" + "；".join(points))[:budget] if points else lead[:budget]
        tail = "；".join(points)[: int(budget * 0.35)]
        return lead[: budget - len(tail) - 1] + "\n" + tail


def _fact_context(article: Article) -> str:
    """The text an article headline's facts are checked against: title, abstract and body (Simplified)."""
    text = "\n".join(part for part in (article.title, article.abstract, article.body) if part)
    return to_simplified(text) if article.script == "traditional" else text


_default: Summarizer | None = None
_default_lock = threading.Lock()


def default_summarizer() -> Summarizer:
    """The process-wide summariser with the bundled model (loaded on first use, then reused)."""
    global _default
    with _default_lock:
        if _default is None:
            _default = Summarizer()
        return _default


def summarize(text: str, **options: Any) -> ArticleSummary:
    """Summarise one article with the bundled model (loaded once per process).

    ``options`` are :class:`Summarizer` settings (``method="textrank"``, ``num_beams=…``); given any,
    a summariser with those settings is built for this call.
    """
    summarizer = Summarizer(**options) if options else default_summarizer()
    return summarizer.summarize(text)
