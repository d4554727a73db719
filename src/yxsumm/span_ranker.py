"""Features of candidate headline spans, for the learnt span ranker of :mod:`yxsumm.span_selector`.

Each allowed span of a text's first characters (:func:`yxsumm.spans.allowed_spans`) is described by
what a person would look at: where it sits (sentence, clause, offset), how long it is, whether it is
a whole clause or sentence, whether its words come back later in the article (centrality), what kind
of words it starts and ends with, whether it has names, numbers, quotes or boilerplate, how much
of the article's keywords it holds (TF-IDF with jieba's IDF table), and whether it says something whole:
how much of its clause it leaves out, whether the next clause carries on its sentence, whether it
opens with a preposition or a dependent-clause word or ends in a scene-setting ``在…中``.
"""

from __future__ import annotations

import importlib.util
import math
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

import numpy as np

from .chinese import FULL_STOPS, HAN
from .spans import (
    CLAUSE_ENDS,
    LOCATIVE_END,
    MAX_SPAN_CHARS,
    PHRASE_BREAKS,
    SPAN_WINDOW_CHARS,
    SUBORDINATE_OPENERS,
    span_window,
    trim_span,
    without_tables,
)
from .words import jieba, posseg

_SENTENCE_END = set(FULL_STOPS + "\n")
#: Word classes that open a clause continuing the one before (its verb, an adverb, a preposition, a
#: conjunction): ``一大批干部通过岗位锻炼，进一步拓宽了视野``.
_CONTINUING_FLAGS = ("v", "d", "p", "c")
#: ``在…中/时/后``: a scene-setting phrase waiting for its verb.
_SETTING_END = re.compile("在.*" + LOCATIVE_END.pattern)
_WEAK_START = set("但而并和与及也还就又所以因为如果虽然这那他她它其此该")
_NAME_FLAGS = ("nr", "ns", "nt", "nz")
FEATURE_NAMES = (
    "start",
    "end",
    "length",
    "length_squared",
    "sentence_index",
    "first_sentence",
    "starts_sentence",
    "ends_sentence",
    "clause_index",
    "clauses",
    "central_bigrams",
    "mean_bigram_log_count",
    "names",
    "verbs",
    "nouns",
    "starts_with_verb",
    "starts_with_noun",
    "weak_start",
    "ends_with_particle",
    "has_number",
    "has_latin",
    "has_quote",
    "trimmed_share",
    "task_heading",
    "keyword_cover",
    "top_keyword",
    "text_length",
    "ends_clause",
    "clause_rest",
    "next_clause_continues",
    "starts_with_preposition",
    "dependent_opener",
    "ends_with_verb",
    "ends_with_noun",
    "setting_end",
    "bias",
)
#: How many of the article's highest-TF-IDF words count as its keywords, and how far they are read.
KEYWORDS = 10
KEYWORD_CHARS = 3000


def _bigrams(text: str) -> list[str]:
    return [text[i : i + 2] for i in range(len(text) - 1)]


@lru_cache(maxsize=1)
def _idf_table() -> tuple[dict[str, float], float]:
    """jieba's IDF table and its median, read from the file ``jieba.analyse`` reads.

    Importing ``jieba.analyse`` builds a table of its own (``default_tfidf``), and a ``TFIDF()`` a second
    one: 38 MB each.  Reading the file once keeps one.  ``jieba.analyse``'s stop words are English words,
    which the keyword count leaves out anyway (a keyword has a Chinese character).
    """
    spec = importlib.util.find_spec("jieba")
    assert spec is not None and spec.origin is not None
    path = Path(spec.origin).parent / "analyse" / "idf.txt"
    idf: dict[str, float] = {}
    for line in path.read_bytes().decode("utf-8").splitlines():
        word, value = line.strip().split(" ")
        idf[word] = float(value)
    return idf, sorted(idf.values())[len(idf) // 2]


def keywords(text: str, count: int = KEYWORDS) -> list[tuple[str, float]]:
    """The ``count`` words of ``text`` with the highest TF-IDF (jieba's IDF table), with their weights."""
    idf, median = _idf_table()
    words = jieba().lcut(text[:KEYWORD_CHARS], HMM=False)
    counts = Counter(w for w in words if len(w) >= 2 and HAN.search(w))
    weighted = sorted(((n * idf.get(w, median), w) for w, n in counts.items()), key=lambda x: (-x[0], x[1]))
    return [(word, weight) for weight, word in weighted[:count]]


def span_features(text: str, spans: list[tuple[int, int]], task: str) -> np.ndarray:
    """A ``[len(spans), len(FEATURE_NAMES)]`` float32 matrix describing each span of ``text``'s window."""
    prose = without_tables(text)  # what the window is cut from (span_window drops table lines first)
    window = span_window(prose)
    top = keywords(text)
    top_total = sum(weight for _, weight in top) or 1.0
    counts = Counter(_bigrams(window + prose[len(window) : 4000]))  # the window as spans see it, then the rest
    is_end = np.array([c in _SENTENCE_END for c in window], dtype=bool)
    sentence_at = np.concatenate([[0], np.cumsum(is_end)])  # sentence ends before each offset
    clause_at = np.concatenate([[0], np.cumsum([c in PHRASE_BREAKS for c in window])])
    offsets = np.arange(len(window) + 1)
    after_end = np.concatenate([[0], np.where(is_end, offsets[1:], 0)])
    sentence_start = np.maximum.accumulate(after_end)  # where the sentence holding each offset starts
    words = [(w.word, w.flag) for w in posseg().lcut(window, HMM=False)]  # the HMM doubled the cost of a summary
    word_start: dict[int, tuple[str, str]] = {}
    word_end: dict[int, tuple[str, str]] = {}
    increments = np.zeros((len(window) + 1, 3))  # names, verbs, nouns ending at each offset
    position = 0
    for word, flag in words:
        word_start[position] = (word, flag)
        position += len(word)
        word_end[position] = (word, flag)
        increments[min(position, len(window))] += [
            flag.startswith(_NAME_FLAGS),
            flag.startswith("v"),
            flag.startswith("n"),
        ]
    flags = np.cumsum(increments, axis=0)
    clause_end_at = np.full(len(window) + 1, len(window))  # where the clause holding each offset ends
    for index in range(len(window) - 1, -1, -1):
        clause_end_at[index] = index if window[index] in CLAUSE_ENDS else clause_end_at[index + 1]
    rows = []
    for start, end in spans:
        span = window[start:end]
        grams = _bigrams(span)
        central = sum(counts[g] >= 2 for g in grams) / max(1, len(grams))
        mean_log = sum(math.log(counts[g]) for g in grams) / max(1, len(grams))
        first_word, first_flag = word_start.get(start, ("", ""))
        _, last_flag = word_end.get(end, ("", ""))
        clause_end = int(clause_end_at[end])
        _, next_flag = word_start.get(clause_end + 1, ("", ""))
        continues = clause_end < len(window) and window[clause_end] not in _SENTENCE_END
        inside = flags[end] - flags[start]
        trimmed = trim_span(span)
        rows.append(
            [
                start / SPAN_WINDOW_CHARS,
                end / SPAN_WINDOW_CHARS,
                (end - start) / MAX_SPAN_CHARS,
                ((end - start) / MAX_SPAN_CHARS) ** 2,
                min(int(sentence_at[start]), 5) / 5,
                float(sentence_at[start] == 0),
                float(start == 0 or window[start - 1] in _SENTENCE_END),
                float(end >= len(window) or window[end] in _SENTENCE_END),
                min(int(clause_at[start] - clause_at[sentence_start[start]]), 5) / 5,
                min(int(clause_at[end] - clause_at[start]), 5) / 5,
                central,
                mean_log / 3,
                min(inside[0], 4) / 4,
                min(inside[1], 6) / 6,
                min(inside[2], 8) / 8,
                float(first_flag.startswith("v")),
                float(first_flag.startswith("n")),
                float(bool(first_word) and first_word[0] in _WEAK_START),
                float(last_flag in ("u", "y", "uj", "ul", "uz", "p", "c")),
                float(any(c.isdigit() for c in span)),
                float(any(c.isascii() and c.isalpha() for c in span)),
                float(any(c in '“”《》「」"' for c in span)),
                1 - len(trimmed) / max(1, len(span)),
                float(task == "heading"),
                sum(weight for word, weight in top if word in span) / top_total,
                float(bool(top) and top[0][0] in span),
                math.log1p(len(text)) / 10,
                float(clause_end == end),
                min(clause_end - end, MAX_SPAN_CHARS) / MAX_SPAN_CHARS,
                float(continues and next_flag.startswith(_CONTINUING_FLAGS)),
                float(first_flag == "p"),
                float(first_word in SUBORDINATE_OPENERS),
                float(last_flag.startswith("v")),
                float(last_flag.startswith("n")),
                float(bool(_SETTING_END.search(span))),
                1.0,
            ]
        )
    return np.asarray(rows, dtype=np.float32).reshape(len(spans), len(FEATURE_NAMES))
