"""Two source words glued by a shared character: the copy head's overlap splice.

The generator copies a word of the source, then goes on with another word that starts with the
character it has just written: ``专项`` + ``项目`` gives ``…修复专项目启动`` (the source says
``专项基金…启动``), ``平安`` + ``安全`` gives ``建设平安全体系``, ``协会`` + ``会长`` gives ``友好协会长``.
The result reads as a typo or as nonsense, and no other measure of the guard sees it: each piece is a
source word and each character pair is the source's.
"""

from __future__ import annotations

from functools import lru_cache

from .chinese import HAN
from .faithfulness import fact_normalise, search_tokens, text_segments
from .words import dictionary_frequencies

#: Words of the source are looked for up to this many characters long on each side of the shared one.
_MAX_WORD = 6
#: A unit whose name ends in one of these is followed by its head or committee sharing that character, as
#: Chinese writes it: ``万年县委书记`` (万年县 + 县委), ``律政司长`` (律政司 + 司长), ``国防部长``.
_UNITS = frozenset("县市省区州镇乡村司局处部厅院署所校科")
_HEADS = frozenset("长委")


@lru_cache(maxsize=64)
def _source_words(source: str) -> frozenset[str]:
    # search mode adds the sub-words of long words (专项基金 → 专项, 基金), so a copied sub-word counts
    return frozenset(w for w, _, _ in search_tokens(source) if len(w) >= 2)


def _in_dictionary(segment: str, first: int, last: int) -> bool:
    """Whether a jieba dictionary word of ``segment`` covers positions ``first``..``last`` (``最优化``)."""
    words = dictionary_frequencies()
    for start in range(max(0, last - _MAX_WORD), first + 1):
        for end in range(last + 1, min(len(segment), start + _MAX_WORD) + 1):
            if words.get(segment[start:end]):
                return True
    return False


def _stands_apart(word: str, source: str, neighbour: str, *, before: bool) -> bool:
    """Whether ``source`` writes ``word`` somewhere without ``neighbour`` right after it (``before``) or right
    before it: search mode's sub-word ``严治`` of ``从严治党`` is always followed by ``党``, so it is no word that
    a line could end on before ``党员``."""
    start = source.find(word)
    while start >= 0:
        end = start + len(word)
        beside = source[end : end + 1] if before else source[start - 1 : start] if start else ""
        if beside != neighbour:
            return True
        start = source.find(word, start + 1)
    return False


def _overlap_at(segment: str, i: int, words: frozenset[str], source: str) -> bool:
    """Whether ``segment[i]`` ends one source word and starts another, with no clean cut on either side."""
    n = len(segment)
    if segment[i] in _UNITS and i + 1 < n and segment[i + 1] in _HEADS:
        return False
    ends_here = any(segment[j : i + 1] in words for j in range(max(0, i - _MAX_WORD), i))
    starts_here = any(segment[i:k] in words for k in range(i + 2, min(n, i + _MAX_WORD) + 1))
    if not (ends_here and starts_here):
        return False
    # a word that ends just before the shared character, or one that starts just after it, makes a clean cut
    shared = segment[i]
    clean_before = i == 1 or any(
        segment[j:i] in words and _stands_apart(segment[j:i], source, shared, before=True)
        for j in range(max(0, i - _MAX_WORD), i - 1)
    )
    clean_after = any(
        segment[i + 1 : k] in words and _stands_apart(segment[i + 1 : k], source, shared, before=False)
        for k in range(i + 3, min(n, i + 1 + _MAX_WORD) + 1)
    )
    return not (clean_before or clean_after)


def overlapping_words(candidate: str, source: str) -> list[str]:
    """The places where ``candidate`` glues two source words by a character they share (``修复专项目启动``).

    A place counts when the three Han characters around the shared one are never side by side in the
    source, the shared character ends a source word (jieba, search mode) and starts another, neither side
    can be cut cleanly instead (no source word ends just before it or starts just after it), and no
    dictionary word covers the three (``最优化`` of ``最优`` + ``优化``).  Each place is returned with two
    characters of context on each side.  Of the 2,477 dev cache items, 6 printed lines had one before
    the guard knew of it (all garbled: ``渤海和黄海域…``, ``中国水口岸…``), 45 first beams, 7 gold headlines
    (``俄称打击俄军事装备``, ``美国和中国会在西太平洋…``, ``德性伦理论要`` among them).  A word that makes a
    clean cut must stand apart from the shared character somewhere in the source (:func:`_stands_apart`),
    and a unit followed by its head or committee (``万年县委``, ``律政司长``) is no splice: on the 5,317 dev and
    test cache items this finds 2 printed lines (``格陵兰岛是自治领土完整``, ``…中国工程院士大会``), 18 more
    first beams (``联合国内瓦``, ``巴基斯里兰卡``, ``美中央司令部队``; 93 → 111) and 1 more gold headline (11 → 12).
    The shared character may be the last but one of the line (``扩大内需求``, ``…会晤期间确立场``): on those items
    that finds 33 more first beams (98 → 131, ``…继续进行新一轮会谈判``, ``习近平审阅职报告并发表重要求``) and 2 more
    gold headlines (12 → 14).
    """
    src = fact_normalise(source)
    words = _source_words(src)
    found = []
    for segment in text_segments(fact_normalise(candidate)):
        for i in range(1, len(segment) - 1):
            three = segment[i - 1 : i + 2]
            if not all(HAN.fullmatch(ch) for ch in three) or three in src or not _overlap_at(segment, i, words, src):
                continue
            if not _in_dictionary(segment, i - 1, i + 1):
                found.append(segment[max(0, i - 2) : i + 3])
    return found
