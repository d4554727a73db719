"""The public API: :class:`Summarizer` and :func:`summarize` (result types in :mod:`yxsumm.results`)."""

from __future__ import annotations

import copy
import logging
import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal, get_args

import torch
from threadpoolctl import threadpool_limits

from .article_inputs import fact_context, headline_source, plain_text_input, section_input, simplified_article
from .chinese import HAN, han_share
from .deadline import check_time
from .decoding import DEFAULT_BATCH_SIZE, DecodingOptions
from .extractive import extractive_headline
from .guard import Origin
from .guard_assets import GuardAssets, load_guard_assets
from .line_cache import LRUCache
from .memory import cap_heap_growth
from .postprocess import finish_line, headline_style_for
from .repeated_lines import repeats, without_its_sentence
from .results import ArticleSummary, SectionSummary
from .script import to_traditional_like
from .structure import MAX_SECTION_CHARS, Article, HeadingMode, parse_article
from .task_params import DEFAULT_SOURCE_CHARS, source_char_limit

logger = logging.getLogger(__name__)


def threads_beside_span_features() -> int:
    """Torch threads for generation while the span selector's features are computed on a second thread:
    half the CPUs this process may use (at least one), and never more than torch uses already (a batch
    worker's single thread stays one).  On 2 cores, one each: the example article's p50 0.81 → 0.64 s with
    ``torch-int8`` and 0.75 → 0.70 s with ``torch``, batched throughput the same (forty-fifth session,
    alternating runs in one process)."""
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(torch.get_num_threads(), cpus // 2))


def set_process_threads(threads: int) -> None:
    """Give torch's intra-op pool and numpy's BLAS library ``threads`` threads each, for the process.

    numpy's OpenBLAS keeps a thread per core whose idle threads spin for a while after each product.
    Beside beam search they took the core it needed: on 2 cores the span encoder's stage (its pooling is
    a numpy product) used 556 ms of CPU for 339 ms of wall time, and limiting the BLAS to torch's one
    thread brought the example's p50 from 638 to 577 ms with ``torch-int8`` and its CPU time from 1.18 to
    0.99 s (forty-sixth session, alternating in one process).  Set through ``threadpoolctl``, which finds
    whichever BLAS numpy loaded.
    """
    torch.set_num_threads(threads)
    threadpool_limits(limits=threads, user_api="blas")


#: How lines are made: by the model, or extracted (no model loaded).
Method = Literal["model", "lead", "textrank"]
#: How the model runs: float32 torch, or torch with dynamic int8 quantisation (CPU).
Backend = Literal["torch", "torch-int8"]
Task = Literal["headline", "heading"]
METHODS: tuple[str, ...] = get_args(Method)
BACKENDS: tuple[str, ...] = get_args(Backend)
#: Below this share of Han characters a text gets a note that it is not Chinese (an English article with a Chinese
#: byline: 0.3 %; Chinese news with English names and figures: 60 % or more).
MIN_CHINESE_SHARE = 0.2
#: Sections summarised per article; the rest are kept with ``summary=None`` and a note.
DEFAULT_MAX_SECTIONS = 64
#: Sections per article whose summary the model writes; later ones get an extracted line (the guard's
#: span, or the lead clause), which costs one encoder-free pass instead of a beam search.  Bounds the
#: cost of a long document (bench/bench_worst_case.py, 200,000 characters of HTML: 15.5 s with 64
#: generated sections, 3.0 s with 24, on 2 cores shared with a training run).
DEFAULT_MAX_GENERATED_SECTIONS = 24

#: A generation job: (task, model input, the text whose facts the output must stay within).
Job = tuple[str, str, str]
#: A printed line and how it was produced.
Line = tuple[str, Origin]


class Summarizer:
    """Headline and section summaries for Chinese articles.

    ``model`` is a local folder (the bundled model by default, or any Hugging Face seq2seq checkpoint:
    BART/T5/mT5/Pegasus with a BERT or SentencePiece tokenizer) or a hub id.  With
    ``method="lead"`` or ``"textrank"`` no model is loaded at all (extractive headlines).

    Decoding options (``num_beams``, ``max_length``, ``no_repeat_ngram_size``, ``length_penalty``) are
    given as keywords or as ``decoding=DecodingOptions(...)``; unset ones come from the model folder's
    ``generation_config.json``.  ``max_section_chars`` and ``headings`` are handed to
    :func:`~yxsumm.parse_article`.  Of the first ``max_sections`` sections of an article, the model
    writes the summaries of the first ``max_generated_sections``; later ones get an extracted line.

    ``guard=True`` (the default) puts the output guard of :mod:`yxsumm.guard` between the model and
    the user: the n-best lines and an extracted span are assessed, no line with a number, Latin word
    or name the source lacks is printed, and garbled lines lose to better ones.  ``guard_model`` is the
    folder with the span selector and the trigram list (the bundled ``models/yxsumm-guard`` by default).
    With ``guard=False`` the model's first beam is printed: of plain ``generate``, or, with
    ``copy_constraints=True``, of the decoding the guard chooses from (Latin words, numbers with their
    units and ``《…》`` titles copied only as the source writes them, :mod:`yxsumm.number_copy`).

    Loading a model also fixes glibc's mmap threshold for the process (:mod:`yxsumm.memory`), so that
    large freed buffers go back to the system; ``YXSUMM_MMAP_THRESHOLD=0`` leaves glibc as it is.

    ``threads`` sets torch's intra-op threads and numpy's BLAS threads for the process
    (:func:`set_process_threads`).  Left at ``None`` with the guard's span
    selector, which computes its features on a second thread while the model generates, each of the two
    stages gets half the CPUs the process may use (:func:`threads_beside_span_features`; never more threads
    than torch has already), so that their thread pools do not fight over the cores.
    """

    def __init__(
        self,
        model: str | Path | None = None,
        *,
        device: str = "cpu",
        method: Method = "model",
        backend: Backend = "torch",
        decoding: DecodingOptions | None = None,
        max_source_chars: int | None = None,
        max_section_chars: int = MAX_SECTION_CHARS,
        headings: HeadingMode = "auto",
        batch_size: int = DEFAULT_BATCH_SIZE,
        max_sections: int = DEFAULT_MAX_SECTIONS,
        max_generated_sections: int = DEFAULT_MAX_GENERATED_SECTIONS,
        cache_size: int = 4096,
        threads: int | None = None,
        allow_remote_code: bool = False,
        guard: bool = True,
        guard_model: str | Path | None = None,
        copy_constraints: bool = False,
        **decoding_options: Any,
    ) -> None:
        """Load the model (unless ``method`` is extractive) and keep the settings."""
        if method not in METHODS:
            raise ValueError(f"method must be one of {METHODS}, not {method!r}")
        if backend not in BACKENDS:
            raise ValueError(f"backend must be one of {BACKENDS}, not {backend!r}")
        requested = {**(decoding.to_dict() if decoding else {}), **decoding_options}
        DecodingOptions().replace(**requested)  # bad options fail before a model is loaded
        self.method = method
        self.backend = backend
        self.batch_size = max(1, batch_size)
        self.max_sections = max(1, max_sections)
        self.max_generated_sections = max(0, max_generated_sections)
        self.max_section_chars = max_section_chars
        self.headings = headings
        self.guard = guard
        self.copy_constraints = copy_constraints
        self._cache: LRUCache[Line] = LRUCache(cache_size)
        self._lock = threading.Lock()
        self.model = self.tokenizer = None
        self.model_name: str | None = None
        self.guard_assets: GuardAssets | None = None
        #: The decoding options in use (None for the extractive methods).
        self.decoding: DecodingOptions | None = None
        if threads:
            set_process_threads(threads)
        self.max_source_chars = max_source_chars or DEFAULT_SOURCE_CHARS
        if method == "model":
            cap_heap_growth()  # large freed buffers go back to the system (yxsumm.memory)
            self._load_model(model, device, backend, allow_remote_code)
            self.decoding = DecodingOptions.from_model(self.model).replace(**requested)
            self.max_source_chars = max_source_chars or source_char_limit(self.model, self.tokenizer)
            if guard:
                self.guard_assets = load_guard_assets(guard_model)
                if not threads and self.guard_assets.selector is not None:
                    set_process_threads(threads_beside_span_features())

    def _load_model(self, model: str | Path | None, device: str, backend: Backend, allow_remote_code: bool) -> None:
        from .model_loading import load_model, quantize_dynamic_int8

        self.model, self.tokenizer, self.model_name = load_model(model, device, allow_remote_code=allow_remote_code)
        if backend == "torch-int8":
            if device != "cpu":
                raise ValueError("the torch-int8 backend runs on the CPU only")
            self.model = quantize_dynamic_int8(self.model)

    def with_options(self, **options: Any) -> Summarizer:
        """A summariser sharing this one's model, cache and lock, with other settings.

        Accepts the decoding options (``num_beams``, ``max_length``, ``no_repeat_ngram_size``,
        ``length_penalty``) and ``max_section_chars``; ``None`` keeps the current value.
        """
        section_chars = options.pop("max_section_chars", None)
        decoding = (self.decoding or DecodingOptions()).replace(**options)
        clone = copy.copy(self)
        if self.decoding is not None:
            clone.decoding = decoding
        if section_chars is not None:
            clone.max_section_chars = int(section_chars)
        return clone

    # -- generation --------------------------------------------------------------------------

    def _generate_jobs(self, jobs: Sequence[Job], batch_size: int | None = None) -> list[Line]:
        """One printed line per job; all jobs share batches (cached per job and decoding options)."""
        if self.method != "model":
            return [self._extracted(text) for _, text, _ in jobs]
        settings = (self.decoding, self.max_source_chars, self.guard, self.copy_constraints)
        results: list[Line | None] = [self._cache.get((settings, *job)) for job in jobs]
        missing = sorted({job for job, result in zip(jobs, results, strict=True) if result is None})
        if missing:
            with self._lock:
                produced = dict(zip(missing, self._lines_for(missing, batch_size or self.batch_size), strict=True))
            for job, line in produced.items():
                self._cache.put((settings, *job), line)
            results = [r if r is not None else produced[job] for job, r in zip(jobs, results, strict=True)]
        return results  # type: ignore[return-value]

    def _extracted(self, text: str) -> Line:
        check_time()
        return extractive_headline(text, self.method), self.method  # type: ignore[return-value]

    def _lines_for(self, jobs: Sequence[Job], batch_size: int) -> list[Line]:
        """Generate (and, with the guard, choose) the line of each job."""
        from .generation import generate_candidates, generate_texts
        from .guarded_generation import guarded_lines

        assert self.decoding is not None
        options = self.decoding.generate_kwargs()
        if self.guard and self.guard_assets is not None:
            return guarded_lines(
                self.model,
                self.tokenizer,
                self.guard_assets,
                jobs,
                max_source_chars=self.max_source_chars,
                batch_size=batch_size,
                **options,
            )
        texts = [text for _, text, _ in jobs]
        tasks = [task for task, _, _ in jobs]
        arguments = (self.model, self.tokenizer, texts)
        settings = {"task": tasks, "max_source_chars": self.max_source_chars, "batch_size": batch_size, **options}
        if self.copy_constraints:  # the first of the n-best lines the guard would choose from
            outputs = [lines[0][0] if lines else "" for lines in generate_candidates(*arguments, **settings)]
        else:
            outputs = generate_texts(*arguments, **settings)
        return [(finish_line(output, context), "model") for output, (_, _, context) in zip(outputs, jobs, strict=True)]

    def headlines(self, texts: Sequence[str], batch_size: int | None = None, *, task: Task = "headline") -> list[str]:
        """One headline per text (no sectioning); texts are generated in batches of ``batch_size``.

        ``task="heading"`` asks the bundled model for a section heading instead of an article headline.
        """
        return [line for line, _ in self.headline_lines(texts, batch_size, task=task)]

    def headline_lines(
        self, texts: Sequence[str], batch_size: int | None = None, *, task: Task = "headline"
    ) -> list[Line]:
        """Like :meth:`headlines`, with how each line was produced (``(line, origin)``)."""
        prepared = [plain_text_input(t) for t in texts]
        lines = self._generate_jobs([(task, text, text) for text, _ in prepared], batch_size)
        return [
            (to_traditional_like(line, original) if traditional else line, origin)
            for (line, origin), (_, traditional), original in zip(lines, prepared, texts, strict=True)
        ]

    def headline(self, text: str) -> str:
        """One headline for ``text`` (no sectioning)."""
        return self.headlines([text])[0]

    # -- whole articles ----------------------------------------------------------------------

    def parse(self, text: str) -> Article:
        """Structure ``text`` with this summariser's structure settings (see :func:`~yxsumm.parse_article`)."""
        return parse_article(text, max_section_chars=self.max_section_chars, headings=self.headings)

    def summarize(self, text: str) -> ArticleSummary:
        """Structure ``text`` and summarise it: article headline plus one summary per section."""
        return self.summarize_many([text])[0]

    def summarize_many(self, texts: Sequence[str]) -> list[ArticleSummary]:
        """Summarise many articles; all their sections (then all headlines) are generated in batches."""
        return self.summarize_articles([self.parse(text) for text in texts])

    def summarize_articles(self, articles: Sequence[Article]) -> list[ArticleSummary]:
        """Summarise already structured articles (see :meth:`parse`)."""
        inputs = [simplified_article(article) for article in articles]
        sections = [
            (a, s) for a, article in enumerate(inputs) for s in range(min(len(article.sections), self.max_sections))
        ]
        summaries, headlines = self._summaries_and_headlines(inputs, sections)
        return [self._result(article, summaries, headlines[a], a) for a, article in enumerate(articles)]

    def _result(
        self, article: Article, summaries: dict[tuple[int, int], Line], headline: Line, index: int
    ) -> ArticleSummary:
        """The summary of ``article`` (original script) from its generated lines (Simplified)."""
        traditional = article.script == "traditional"
        original = "\n".join([article.title or "", article.abstract or "", article.body]) if traditional else ""

        def convert(line: str) -> str:
            return to_traditional_like(line, original) if traditional else line

        sections = []
        for s, section in enumerate(article.sections):
            line = summaries.get((index, s))
            sections.append(
                SectionSummary(
                    heading=section.heading,
                    summary=convert(line[0]) if line else None,
                    text=section.text,
                    origin=line[1] if line else None,
                )
            )
        return ArticleSummary(
            headline=convert(headline[0]),
            headline_origin=headline[1],
            title=article.title,
            abstract=article.abstract,
            sections=sections,
            removed=list(article.removed),
            script=article.script,
            notes=self._notes(article),
            decoding=self.decoding,
        )

    def _notes(self, article: Article) -> list[str]:
        """What a reader should know about this result: a text that is not (mostly) Chinese, sections left out."""
        notes = []
        text = article.body + (article.title or "")
        if not HAN.search(text):
            notes.append("the text contains no Chinese characters; yxsumm is made for Chinese news")
        elif (share := han_share(text)) < MIN_CHINESE_SHARE:
            notes.append(
                f"only {share:.1%} of the text is Chinese characters; yxsumm is made for Chinese news, and for text"
                " in another language it prints a sentence or a piece of that text, not a summary"
            )
        if len(article.sections) > self.max_sections:
            notes.append(f"only the first {self.max_sections} of {len(article.sections)} sections were summarised")
        return notes

    def _summaries_and_headlines(
        self, articles: Sequence[Article], sections: list[tuple[int, int]]
    ) -> tuple[dict[tuple[int, int], Line], list[Line]]:
        """Section summaries (keyed by article and section) and one headline per article, generated in one
        pass: every section heading and every headline share the same batches."""
        extractive = self.method != "model"
        # An article that is one section without a heading of its own has one thing to say: its headline.
        lone = {a for a, article in enumerate(articles) if lone_section(article)}
        sections = [(a, s) for a, s in sections if a not in lone]
        generated = [(a, s) for a, s in sections if extractive or s < self.max_generated_sections]
        extracted = [(a, s) for a, s in sections if not extractive and s >= self.max_generated_sections]
        section_jobs: list[Job] = [
            ("heading", text, text) for text in (section_input(articles[a], s) for a, s in generated)
        ]
        outputs = self._generate_jobs(section_jobs + [self._headline_job(article) for article in articles])
        summaries = dict(zip(generated, outputs[: len(generated)], strict=True))
        extracted_lines = self._spans([section_input(articles[a], s) for a, s in extracted])
        summaries.update(zip(extracted, extracted_lines, strict=True))
        headlines = list(outputs[len(generated) :])
        summaries.update(self._told_apart(articles, summaries, headlines))
        summaries.update(((a, 0), headlines[a]) for a in lone)
        return summaries, headlines

    def _told_apart(
        self, articles: Sequence[Article], summaries: dict[tuple[int, int], Line], headlines: list[Line]
    ) -> dict[tuple[int, int], Line]:
        """New lines for the sections whose line repeats their article's headline or an earlier section's line
        (:func:`~yxsumm.repeated_lines.repeats`; ``共享充电宝`` for two sections in a row): each is summarised
        again without the sentence its line came from (:func:`~yxsumm.repeated_lines.without_its_sentence`), by
        the span selector (:meth:`_spans`; no second generation pass) or the extractive method, up to
        :data:`RETELLINGS` times while the new line repeats one of them too.  A section with nothing else to
        tell keeps its line."""
        told: dict[tuple[int, int], Line] = {}
        taken: dict[tuple[int, int], tuple[str, ...]] = {}  # the lines a section's line must not repeat
        told_so_far: dict[int, tuple[str, ...]] = {}  # per article: its headline, then its sections' lines in order
        for key in sorted(summaries):  # by article, then section
            taken[key] = told_so_far.get(key[0], (headlines[key[0]][0],))
            told_so_far[key[0]] = (*taken[key], summaries[key][0])
        pending = {
            key: line for key, (line, _) in summaries.items() if any(repeats(line, other) for other in taken[key])
        }
        texts = {key: section_input(articles[key[0]], key[1]) for key in pending}
        for _ in range(RETELLINGS):
            again = {key: without_its_sentence(texts[key], line) for key, line in pending.items()}
            again = {key: rest for key, rest in again.items() if rest is not None}
            if not again:
                break
            lines = self._retold(list(again.values()))
            pending = {}
            for key, line in zip(again, lines, strict=True):
                texts[key] = again[key]
                if any(repeats(line[0], other) for other in taken[key]):
                    pending[key] = line[0]
                else:
                    told[key] = line
        return told

    def _retold(self, texts: list[str]) -> list[Line]:
        """One section line for each of ``texts``: the span selector's with the model, else the extractive one."""
        if self.method == "model":
            return self._spans(texts)
        return self._generate_jobs([("heading", text, text) for text in texts])

    def _spans(self, texts: list[str]) -> list[Line]:
        """Extracted lines for sections past :attr:`max_generated_sections`: the guard's span, else the lead."""
        from .guarded_generation import extractive_fallback, selected_spans

        lines: list[Line] = []
        for text, span in zip(texts, selected_spans(self.guard_assets, texts, "heading"), strict=True):
            check_time()
            # extractive_fallback is the lead, which is already told in headline style
            lines.append(
                (headline_style_for(finish_line(span, text), text), "extractive-span")
                if span
                else (extractive_fallback(text), "lead")
            )
        return lines

    def _headline_job(self, article: Article) -> Job:
        """The headline's job: the abstract and body for the model (:func:`headline_source`), the whole body
        for extraction."""
        if self.method == "model":
            text = headline_source(article, self.max_source_chars)
        else:
            text = article.body or article.title or ""
        return ("headline", text, fact_context(article))


#: How many times a section whose line repeats its article's headline is retold without one more sentence.
RETELLINGS = 3


def lone_section(article: Article) -> bool:
    """Whether ``article`` is a single section without a heading of its own (a news item, a short text):
    its section summary is its headline, not a second line generated from the same text."""
    return len(article.sections) == 1 and not article.sections[0].heading


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
