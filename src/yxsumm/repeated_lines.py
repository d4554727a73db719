"""A section line that only repeats the article's headline, and what that section is summarised from instead.

The article headline is read from the article's start, and so is its first section's line: on the example
article both came out as ``阳西县全面贯彻党的十九大精神``.  A reader learns nothing from the second one.  Such a
section is summarised again without the sentence the repeated line was taken from
(:func:`without_its_sentence`), so that its line says what else the section tells.
"""

from __future__ import annotations

from .chinese import HAN
from .sentences import split_sentences

#: A line repeats another when the longer one holds at least this share of the shorter one's letters in
#: order (``2025年我国人工智能核心产业规模预计突破9000亿元`` holds all of ``我国人工智能产业规模突破9000亿元``).
REPEATED_SHARE = 0.8
#: ... and the shorter one has at least this many letters (``阳西县`` in a longer headline is a shared subject,
#: not a repeat).
MIN_REPEATED_CHARS = 6
#: What is left of a section without the repeated sentence is summarised only when it has at least this
#: many Han characters: less is a remark, not a second thing the section tells.
MIN_REST_HAN_CHARS = 20


def _letters(text: str) -> str:
    """``text`` without punctuation and spaces (what a reader compares)."""
    return "".join(ch for ch in text if ch.isalnum())


def _common_subsequence(first: str, second: str) -> int:
    """The length of the longest common subsequence of two short strings."""
    previous = [0] * (len(second) + 1)
    for ch in first:
        current = [0]
        for j, other in enumerate(second):
            current.append(previous[j] + 1 if ch == other else max(previous[j + 1], current[j]))
        previous = current
    return previous[-1]


def repeats(line: str, headline: str) -> bool:
    """Whether ``line`` says what ``headline`` says: the same letters, or, when the shorter has at least
    :data:`MIN_REPEATED_CHARS` letters and half the longer's, the longer holds :data:`REPEATED_SHARE` of them in
    order (``阳西县全面贯彻党的十九大精神`` and ``2018年阳西县全面贯彻党的十九大精神``), or ``line`` has at least
    :data:`MIN_REPEATED_CHARS` letters and is a stretch of the headline however much longer that is
    (``内地28岁的李女士怀疑医院向她洗脑`` of ``…向她洗脑，哄骗她在没有医疗需要情况下接受切胃手术``)."""
    mine, theirs = _letters(line), _letters(headline)
    if not mine or not theirs:
        return False
    if len(mine) >= MIN_REPEATED_CHARS and mine in theirs:
        return True
    shorter, longer = sorted((mine, theirs), key=len)
    if shorter == longer:
        return True
    if len(shorter) < MIN_REPEATED_CHARS or 2 * len(shorter) < len(longer):
        return False  # a short headline's words in a long line are its topic, not a repeat
    return _common_subsequence(shorter, longer) >= REPEATED_SHARE * len(shorter)


def _shared_bigrams(line: str, sentence: str) -> int:
    """How many of ``line``'s character bigrams occur in ``sentence``."""
    return sum(1 for i in range(len(line) - 1) if line[i : i + 2] in sentence)


def without_its_sentence(text: str, line: str) -> str | None:
    """``text`` without the sentence ``line`` was taken from (the one sharing most of its character bigrams),
    or None when ``text`` is that one sentence or the rest has fewer than :data:`MIN_REST_HAN_CHARS` Han
    characters."""
    sentences = split_sentences(text)
    if len(sentences) < 2:
        return None
    source = max(range(len(sentences)), key=lambda i: _shared_bigrams(line, sentences[i]))
    rest = "".join(sentences[:source] + sentences[source + 1 :]).strip()
    return rest if len(HAN.findall(rest)) >= MIN_REST_HAN_CHARS else None
