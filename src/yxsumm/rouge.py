"""Character-level ROUGE (F1 × 100) with the conventions of the ``rouge`` package.

Chinese papers split both texts into single characters and score them with the ``rouge`` package
(pltrdy) on space-joined characters.  That package counts *distinct* n-grams (sets), splits texts
into sentences at ``.``, and computes a summary-level ROUGE-L from the union of the LCS tokens.  This
module reproduces those numbers exactly, without the package's recursion limits on long texts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class RougeScores:
    """Average ROUGE-1/2/L F1 × 100."""

    rouge1: float
    rouge2: float
    rougeL: float  # noqa: N815 - the name every paper uses


def _sentences(text: str) -> list[list[str]]:
    # As the package does: split at ".", keep every non-empty piece (a piece of only spaces becomes
    # one empty token), then split each piece at single spaces.
    chars = " ".join(c for c in text if not c.isspace())
    return [" ".join(part.split()).split(" ") for part in chars.split(".") if len(part) > 0]


def _f1(overlap: int, hyp_total: int, ref_total: int) -> float:
    precision = overlap / hyp_total if hyp_total else 0.0
    recall = overlap / ref_total if ref_total else 0.0
    return 2.0 * precision * recall / (precision + recall + 1e-8)


def _ngram_set(words: list[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def _lcs_tokens(x: list[str], y: list[str]) -> set[str]:
    """Tokens of one LCS of x and y, reconstructed the way the ``rouge`` package does."""
    table = [[0] * (len(y) + 1) for _ in range(len(x) + 1)]
    for i in range(1, len(x) + 1):
        for j in range(1, len(y) + 1):
            if x[i - 1] == y[j - 1]:
                table[i][j] = table[i - 1][j - 1] + 1
            else:
                table[i][j] = max(table[i - 1][j], table[i][j - 1])
    tokens: set[str] = set()
    i, j = len(x), len(y)
    while i and j:
        if x[i - 1] == y[j - 1]:
            tokens.add(x[i - 1])
            i, j = i - 1, j - 1
        elif table[i - 1][j] > table[i][j - 1]:
            i -= 1
        else:
            j -= 1
    return tokens


def rouge_pair(hypothesis: str, reference: str) -> RougeScores:
    """Character ROUGE-1/2/L F1 × 100 of one hypothesis against one reference."""
    hyp_sents, ref_sents = _sentences(hypothesis), _sentences(reference)
    if not any(any(s) for s in hyp_sents) or not any(any(s) for s in ref_sents):
        return RougeScores(0.0, 0.0, 0.0)
    hyp_words = [w for s in hyp_sents for w in s]
    ref_words = [w for s in ref_sents for w in s]
    scores = []
    for n in (1, 2):
        hyp_grams, ref_grams = _ngram_set(hyp_words, n), _ngram_set(ref_words, n)
        scores.append(100 * _f1(len(hyp_grams & ref_grams), len(hyp_grams), len(ref_grams)))
    union: set[str] = set()
    for ref_sentence in ref_sents:
        for hyp_sentence in hyp_sents:
            union |= _lcs_tokens(ref_sentence, hyp_sentence)
    rouge_l = 100 * _f1(len(union), len(set(hyp_words)), len(set(ref_words)))
    return RougeScores(rouge1=scores[0], rouge2=scores[1], rougeL=rouge_l)


def rouge_corpus(hypotheses: Sequence[str], references: Sequence[str]) -> RougeScores:
    """Average character ROUGE over aligned hypothesis/reference lists."""
    if len(hypotheses) != len(references):
        raise ValueError("hypotheses and references differ in length")
    if not hypotheses:
        return RougeScores(0.0, 0.0, 0.0)
    scores = [rouge_pair(h, r) for h, r in zip(hypotheses, references, strict=True)]
    count = len(scores)
    return RougeScores(
        rouge1=sum(s.rouge1 for s in scores) / count,
        rouge2=sum(s.rouge2 for s in scores) / count,
        rougeL=sum(s.rougeL for s in scores) / count,
    )
