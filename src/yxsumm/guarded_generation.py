"""Generation with the output guard: n-best lines and a span per input, one trustworthy line chosen."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from contextvars import copy_context
from typing import Any

import numpy as np
from transformers import PreTrainedModel, PreTrainedTokenizerBase

from .decoding import DEFAULT_BATCH_SIZE
from .english_lead import english_lead, is_english
from .extractive import extractive_headline
from .faithfulness import unsupported_facts
from .generation import finished_lines, generate_candidates, score_candidates
from .guard import Candidate, choose
from .guard_assets import GuardAssets
from .postprocess import finish_line
from .span_selector import TextSpanFeatures


def extractive_fallback(text: str) -> str:
    """The line printed when nothing else is acceptable and there is no span: the trimmed lead sentence, or for
    an English text its first sentence of prose cut where no word waits for more
    (:func:`~yxsumm.english_lead.english_lead`; the lead cut ``Priscilla Leung (梁美芬） was``)."""
    if is_english(text) and (lead := english_lead(text[:ENGLISH_LEAD_CHARS])) is not None:
        return lead.text
    return extractive_headline(text, "lead")


#: How much of an English text its fallback line is looked for in: a few sentences.
ENGLISH_LEAD_CHARS = 1000


#: A text of at most this many characters (spaces aside), one sentence, is a headline already.
HEADLINE_SIZED_CHARS = 16
_SENTENCE_BREAK = re.compile(r"[。！？!?；;\n]")


def is_headline_sized(text: str) -> bool:
    """Whether ``text`` is one sentence of at most :data:`HEADLINE_SIZED_CHARS` characters (spaces aside)."""
    body = re.sub(r"\s", "", text)
    return 0 < len(body) <= HEADLINE_SIZED_CHARS and not _SENTENCE_BREAK.search(text.strip().rstrip("。！？!?；;"))


def faithful_finish(line: str, context: str) -> str:
    """``line``, a span or lead of ``context``, as :func:`~yxsumm.postprocess.finish_line` prints it, unless the
    finished line states a fact ``context`` does not support (a markup mark it drops lets a number read as a count:
    ``302 *种子养土豆`` → ``302 种子…``, ``302种``): then ``line`` as it is.  The fallback is printed unjudged."""
    finished = finish_line(line, context)
    return finished if finished == line or not unsupported_facts(finished, context) else line


def span_hints(nbest: Sequence[Sequence[tuple[str, float]]], contexts: Sequence[str]) -> list[str | None]:
    """The span selector's hint for each text: the generator's first line as it would be printed
    (:func:`~yxsumm.postprocess.finish_line`), or None when there is none.  An invented column tag left in
    (``【在习近平新时代中国特色社会主义思想指引下——育新机开新局】全面从严治党锻造``) would steer the span to
    the clauses that share the tag's words (``深入贯彻习近平总书记重要讲话精神…`` for the example article, where the
    printed line is ``阳西县全面贯彻党的十九大精神``)."""
    return [finish_line(lines[0][0], ctx) if lines else None for lines, ctx in zip(nbest, contexts, strict=True)]


def selected_spans(
    assets: GuardAssets | None,
    texts: Sequence[str],
    task: str | Sequence[str],
    hints: Sequence[str | None] | None = None,
    matrices: Sequence[TextSpanFeatures] | None = None,
    ranker_scores: Sequence[np.ndarray | None] | None = None,
) -> list[str | None]:
    """The span selector's span of each text, or None (no selector, or no span of at least 2 characters).

    ``hints`` (the generator's first line of each text) steer the choice by the guard's ``span_hint``
    weight for the text's task; ``matrices`` and ``ranker_scores``: the selector's feature matrices of
    ``texts`` and its ranker's scores of their spans when computed already
    (:meth:`~yxsumm.span_selector.SpanSelector.features_and_scores`).
    """
    selector = assets.selector if assets is not None else None
    if selector is None or not texts:
        return [None] * len(texts)
    tasks = [task] * len(texts) if isinstance(task, str) else list(task)
    hint_weights = [assets.weights.for_task(one).span_hint for one in tasks]
    spans = selector.select(
        texts,
        tasks,
        endings=assets.endings,
        hints=hints,
        hint_weight=hint_weights,
        matrices=matrices,
        ranker_scores=ranker_scores,
    )
    return [span.text if span is not None and len(span.text) >= 2 else None for span in spans]


def guarded_lines(
    model: PreTrainedModel,
    tokenizer: PreTrainedTokenizerBase,
    assets: GuardAssets,
    jobs: Sequence[tuple[str, str, str]],
    *,
    max_source_chars: int = 192,
    batch_size: int = DEFAULT_BATCH_SIZE,
    **generate_kwargs: Any,
) -> list[tuple[str, str]]:
    """``(line, origin)`` for each ``(task, model input, fact context)`` job.

    The model's n-best lines (whole-word copy on) and the span selector's span are scored on one scale
    (the generator's mean log-probability per token) and handed to :func:`yxsumm.guard.choose`.  A text
    that is already headline-sized (:func:`is_headline_sized`) is its own line: rewriting it can only
    garble it (``香港今日天气晴朗`` came back as ``香港日气晴朗``).
    """
    sized = [is_headline_sized(text) for _, text, _ in jobs]
    to_generate = [job for job, short in zip(jobs, sized, strict=True) if not short]
    options = {"max_source_chars": max_source_chars, "batch_size": batch_size, **generate_kwargs}
    generated = iter(_chosen_lines(model, tokenizer, assets, to_generate, **options) if to_generate else [])
    return [
        (finish_line(text, context), "extractive-span") if short else next(generated)
        for (_, text, context), short in zip(jobs, sized, strict=True)
    ]


def _chosen_lines(
    model: PreTrainedModel,
    tokenizer: PreTrainedTokenizerBase,
    assets: GuardAssets,
    jobs: Sequence[tuple[str, str, str]],
    *,
    max_source_chars: int,
    batch_size: int,
    **generate_kwargs: Any,
) -> list[tuple[str, str]]:
    """:func:`guarded_lines` for jobs that need generating: n-best lines and a span, one chosen."""
    tasks = [task for task, _, _ in jobs]
    texts = [text for _, text, _ in jobs]
    with ThreadPoolExecutor(max_workers=1) as pool:
        # The span features and the ranker's scores do not depend on the generated lines: computed
        # meanwhile, on a second thread.
        features = (
            pool.submit(copy_context().run, assets.selector.features_and_scores, texts, tasks)
            if assets.selector is not None
            else None
        )
        capped: list[set[str]] = []
        nbest = generate_candidates(
            model,
            tokenizer,
            texts,
            task=tasks,
            max_source_chars=max_source_chars,
            batch_size=batch_size,
            capped_out=capped,
            **generate_kwargs,
        )
        matrices, ranker_scores = features.result() if features is not None else (None, None)
    hints = span_hints(nbest, [context for _, _, context in jobs])
    spans = selected_spans(assets, texts, tasks, hints, matrices, ranker_scores)
    extra = [[span] if span else [] for span in spans]
    unscored = [[line for line, score in lines if not math.isfinite(score)] for lines in nbest]
    # The generator scores a span only when the guard's score uses that (span_log_prob ≠ 0).
    span_scored = assets.weights.span_log_prob != 0
    to_score = [(e if span_scored else []) + u for e, u in zip(extra, unscored, strict=True)]
    scored = score_candidates(model, tokenizer, texts, to_score, task=tasks, max_source_chars=max_source_chars)
    results: list[tuple[str, str]] = []
    rows = zip(jobs, nbest, capped, extra, to_score, scored, strict=True)
    for (task, text, context), lines, cut, span, rescored, scores in rows:
        by_text = dict(zip(rescored, scores, strict=True))
        # The guard judges each line exactly as it would be printed (tag dropped, length capped); a line cut
        # by the generator's length cap is none (it gave the span selector its hint all the same).
        finished = finished_lines(lines, cut, text)
        candidates = [
            Candidate(finish_line(line, context), "model", score if math.isfinite(score) else by_text[line], rank)
            for rank, (line, score) in enumerate(finished)
        ]
        candidates += [Candidate(finish_line(s, context), "span", by_text.get(s, 0.0)) for s in span]
        fallback = faithful_finish(span[0] if span else extractive_fallback(text), context)
        choice = choose(
            candidates, context, assets.background, assets.weights.for_task(task), fallback, endings=assets.endings
        )
        results.append((choice.text, choice.origin))
    return results
