"""Extractive headlines without a model: lead sentence or TextRank over jieba words."""

from __future__ import annotations

import logging
import math
import re
from collections import Counter

from .postprocess import drop_markup, headline_style_for, shorten
from .sentences import lead_sentence, split_sentences
from .spans import drop_leading_connective, trim_span, without_tables
from .words import jieba

logger = logging.getLogger(__name__)

_STOP = set("的了在是和与及或也而就都被把对从向为以于之其这那有个上中下等")


def _words(sentence: str) -> list[str]:
    return [w for w in jieba().lcut(sentence) if w.strip() and w not in _STOP and re.search(r"\w", w)]


def textrank_sentence(text: str, iterations: int = 30, damping: float = 0.85) -> str:
    """The most central sentence of ``text`` by TextRank (word-overlap similarity, jieba words)."""
    sentences = [s.strip() for s in split_sentences(text) if len(s.strip()) >= 4][:200]
    if len(sentences) <= 2:
        return lead_sentence(text)
    bags = [Counter(_words(s)) for s in sentences]
    n = len(sentences)
    weights = [[0.0] * n for _ in range(n)]
    for i in range(n):
        for j in range(i + 1, n):
            overlap = sum((bags[i] & bags[j]).values())
            if overlap:
                norm = math.log(len(bags[i]) + 1) + math.log(len(bags[j]) + 1)
                weights[i][j] = weights[j][i] = overlap / max(norm, 1e-9)
    totals = [sum(row) or 1.0 for row in weights]
    scores = [1.0] * n
    for _ in range(iterations):
        scores = [
            (1 - damping) + damping * sum(weights[j][i] / totals[j] * scores[j] for j in range(n)) for i in range(n)
        ]
    # A small bonus for early sentences: news puts the key fact first.
    best = max(range(n), key=lambda i: scores[i] * (1.0 + 0.3 / (1 + i)))
    return sentences[best]


def extractive_headline(text: str, method: str = "lead") -> str:
    """A headline by extraction: ``"lead"`` (first sentence) or ``"textrank"`` (central sentence), shortened.

    The lead sentence loses its news boilerplate first (``新华社北京3月5日电``, ``2018年，``: see
    :func:`yxsumm.spans.trim_span`), as extracted spans do; both methods read the text without its
    Markdown tables (:func:`yxsumm.spans.without_tables`) and print no Markdown emphasis, bullets or
    edge dashes (:func:`yxsumm.postprocess.drop_markup`); the lead loses the day between its actor and
    its verb and the 了 after a verb, as guarded lines do (:func:`yxsumm.postprocess.headline_style`).
    """
    text = without_tables(text)
    if method == "lead":
        lead = lead_sentence(text)
        return shorten(headline_style_for(drop_markup(drop_leading_connective(trim_span(lead)) or lead), text))
    if method == "textrank":
        return shorten(drop_markup(textrank_sentence(text)))
    raise ValueError(f"unknown extractive method {method!r} (use 'lead' or 'textrank')")
