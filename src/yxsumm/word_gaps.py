"""Part of a source word left out between two copied pieces: the copy head's skip.

The generator copies a stretch of the source, skips a character or two and goes on copying; where the
skipped characters are part of a word, what is left reads as a typo or changes the word:
``…部署今冬春森林草原防灭火工作`` of ``部署今冬明春…``, ``中国与其金砖成员国`` of ``其他``, ``印尼哇省`` of
``印尼西爪哇省``, ``哈马斯与以色列在埃及举行接谈判`` of ``间接谈判``.  Each piece is the source's, so the fact
checks pass, and a trigram across the skip may even be attested elsewhere.  Headlines compress by
leaving out whole words (``应急管理部部署…`` of ``应急管理部12月2日召开视频会议，部署…``), which this
does not count; they sometimes shorten a two-character word to the character that carries it
(``超5亿件`` of ``超过``, ``升至252人`` of ``上升至``), which it lets pass for the few words headlines shorten so
(:data:`HEADLINE_SHORT_FORMS`); others it counts (``必胜利`` of ``必将胜利`` reads as a slip), so it is a weight
of the guard's score and not a refusal.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

from .chinese import HAN, greedy_cover
from .faithfulness import (
    MAX_OCCURRENCES,
    _edges_near,
    _word_edges,
    copy_seams,
    fact_normalise,
    jieba,
    search_tokens,
    text_segments,
)
from .spans import CLAUSE_ENDS

#: The most characters a skip may leave out to count here; longer gaps are compressions or splices.
MAX_GAP = 2
#: Words that headlines shorten to the one character that carries them (``超5亿件`` of ``超过5亿件``,
#: ``升至252人`` of ``上升至``): keeping that character is style, not a skip.  (Not
#: :data:`yxsumm.faithfulness.SHORT_FORMS`, the one-character country names the hard rule accepts.)
HEADLINE_SHORT_FORMS = {
    "超过": "超",
    "上升": "升",
    "下降": "降",
    "突破": "破",
    "达到": "达",
    "增长": "增",
    "即将": "将",
    "已经": "已",
    "作为": "为",
    "比较": "较",
    # a country or its side by its first character, as headlines name them (``美若向乌提供…`` of ``美方若…``)
    "美方": "美",
    "美国": "美",
    "俄方": "俄",
    "俄罗斯": "俄",
    "乌方": "乌",
    "乌克兰": "乌",
    # and its army so (``乌称击退俄进攻`` of ``乌军…击退俄军进攻``), since the sixty-ninth session
    "俄军": "俄",
    "乌军": "乌",
    "美军": "美",
    "以军": "以",
    "以色列": "以",
}


def skipped_word_parts(candidate: str, source: str) -> list[str]:
    """``left|gap|right`` for each two pieces of ``candidate`` (the greedy cover by source substrings, two
    characters or more each) that the source has only with one or two Han characters between them, where
    those characters are not whole words there (jieba, search mode): the line left out part of a word.

    The shortest gap the source has between the two pieces decides; when one of its occurrences is a
    whole word (``黄河宁夏段|河道|治理``), nothing is counted.  Of the 2,477 dev cache items 22 gold headlines
    and 115 first beams of the bundled generator have one (133 of the forty-seventh session's candidate); of
    the 2,840 test cache items 68 gold headlines and 153 first beams.
    """
    src = fact_normalise(source)
    words = _whole_words(src)
    found: list[str] = []
    for left, right in copy_seams(candidate, src):
        gap = _gap_inside_words(left, right, src, words)
        if gap and not _shortened(left, gap, right):
            found.append(f"{left}|{gap}|{right}")
    return found


#: An ordinal's 第 before its number, which headlines leave out (``民建十二届四中全会`` of ``第十二届``).
_ORDINAL_PREFIX = re.compile(r"第[0-9一二三四五六七八九十百]")


def _shortened(left: str, gap: str, right: str) -> bool:
    """Whether the gap is the dropped half of a word headlines shorten (:data:`HEADLINE_SHORT_FORMS`) or
    an ordinal's 第."""
    forms = HEADLINE_SHORT_FORMS
    if _ORDINAL_PREFIX.match(gap + right[0]):
        return True
    return forms.get(left[-1] + gap) == left[-1] or forms.get(gap + right[0]) == right[0]


@lru_cache(maxsize=64)
def _whole_words(source: str) -> tuple[frozenset[int], frozenset[tuple[int, int]]]:
    """The cuts between jieba's words of ``source`` and the start and end of each of its search-mode words.

    A stretch is a whole word when it is a search-mode word (``河道`` of ``河道治理``) or lies between two
    cuts; the edges of overlapping search-mode words are no cut: ``水生生物资源`` has the sub-words ``生物`` and
    ``物资``, and the second ``生`` between them is no word (``水生物资源`` leaves it out)."""
    cuts = {0, len(source)}
    for _, start, end in jieba().tokenize(source, HMM=False):
        cuts.update((start, end))
    return frozenset(cuts), frozenset((start, end) for _, start, end in search_tokens(source))


def _is_whole_word(start: int, end: int, words: tuple[frozenset[int], frozenset[tuple[int, int]]]) -> bool:
    cuts, spans = words
    return (start, end) in spans or (start in cuts and end in cuts)


def _gap_inside_words(
    left: str, right: str, source: str, words: tuple[frozenset[int], frozenset[tuple[int, int]]]
) -> str:
    """The characters the source has between ``left`` and ``right`` when each occurrence of the shortest
    such gap cuts a word, and no other split of the line there leaves out whole words; ``""`` otherwise.

    The greedy cover splits where its longest match ends, not where the words do: ``习近平主持…`` of
    ``习近平主席主持…`` is covered as ``习近平主`` + ``持…`` (a gap ``席主``), and split as ``习近平`` + ``主持…``
    it leaves out the word ``主席``."""
    for shift in range(1, MAX_GAP + 1):
        if len(left) - shift >= 2 and _whole_words_left_out(left[:-shift], left[-shift:] + right, source, words):
            return ""
        if len(right) - shift >= 2 and _whole_words_left_out(left + right[:shift], right[shift:], source, words):
            return ""
    for width in range(1, MAX_GAP + 1):
        gaps = _gaps(left, right, width, source)
        if not gaps:
            continue
        if any(_is_whole_word(start, end, words) for start, end in gaps):
            return ""
        start, end = gaps[0]
        text = source[start:end]
        return text if all(HAN.fullmatch(ch) for ch in text) else ""
    return ""


def _whole_words_left_out(
    left: str, right: str, source: str, words: tuple[frozenset[int], frozenset[tuple[int, int]]]
) -> bool:
    """Whether the source has ``left``, then one or two whole words, then ``right``."""
    return any(
        _is_whole_word(start, end, words)
        for width in range(1, MAX_GAP + 1)
        for start, end in _gaps(left, right, width, source)
    )


def _gaps(left: str, right: str, width: int, source: str) -> list[tuple[int, int]]:
    """Start and end of each gap of ``width`` characters the source has between ``left`` and ``right``."""
    found = []
    position = source.find(left)
    while position >= 0:
        start = position + len(left)
        if source.startswith(right, start + width):
            found.append((start, start + width))
        position = source.find(left, position + 1)
    return found


#: The fewest characters the line copies before a last character the source does not write after them.
MIN_COPY_BEFORE_CHANGED_END = 4


def changed_last_character(candidate: str, source: str) -> str:
    """``copied|last`` when ``candidate`` ends by copying at least :data:`MIN_COPY_BEFORE_CHANGED_END`
    characters of the source and then one Han character of its own, where the source, wherever it has those
    characters, goes on inside the same word (jieba, search mode) with another Han character: the copy head
    copied a phrase and changed the end of its last word (``挨家挨户排查病|毒`` of ``…排查病树``,
    ``前资深侦查记者蔡传|媒`` of ``蔡传威``, ``中超联赛冠|权`` of ``冠名权``); else ``""``.  A line that ends on a
    word of its own after a whole source word is not counted (``习近平签署国家主席令`` of ``国家主席习近平签署…``).
    Headlines do end so too (``撤|军`` of ``撤离``, ``烟花棒引|燃`` of ``引起``), less often: of the 2,840 test
    cache items 6 gold headlines and 20 first beams of the forty-ninth session's candidate generator (of the
    2,477 dev items 5 and 19), most of those 20 garbled when read (``汇聚地球化学块链``, ``温家宝访华``), so it
    counts with the word gaps, a weight of the guard's score and not a refusal."""
    return _changed_word_end(*_own_last_character(candidate, source))


def last_character_slips(candidate: str, source: str) -> tuple[str, ...]:
    """What :func:`changed_last_character` and :func:`character_after_clause_end` find in ``candidate``, or else
    what :func:`character_glued_onto_a_word` or else :func:`stray_last_character` finds (one slip is counted
    once), its last piece covered once for all four (the guard assesses every candidate line so)."""
    copy = _last_copy(candidate, source)
    ending = _with_its_ends(*copy)
    slips = tuple(filter(None, (_changed_word_end(*ending), _run_past_clause_end(*ending))))
    return slips or tuple(filter(None, (_glued_onto_a_word(*copy) or _stray_after_a_word(*copy),)))


def character_glued_onto_a_word(candidate: str, source: str) -> str:
    """``copied|last (word)`` when ``candidate``'s last segment ends with a piece copied from the source (two
    characters or more) that ends a word wherever the source has it, then one Han character of its own that
    jieba reads with the end of that word as a new word the source never writes (``…清楚知道业主|义 (主义)`` of
    ``…知道业主在收取…``, ``财报|告`` of ``财报``, ``心情|绪``, ``银河系|统``): the copy head tore a whole word
    apart to make another; else ``""``.  A new word that starts where the source's word does is a compound
    headlines make (``民主|派``, ``青少年足球|赛``), not counted.  Of the 2,477 dev and 2,840 test cache items 2
    gold headlines end so (``更大力|量``, ``阴雨天|气``) and 54 first beams, nearly all garbled when read
    (``中国海康威视|角``, ``香港经济宏图的浩博|弈``, ``「版主|义」``), so it counts with the word gaps."""
    return _glued_onto_a_word(*_last_copy(candidate, source))


def _glued_onto_a_word(src: str, copied: str, last: str) -> str:
    """:func:`character_glued_onto_a_word` of the line's last copied piece and the character after it."""
    if len(copied) < 2:
        return ""
    word = jieba().lcut(copied + last)[-1]
    torn = len(word) - 1  # the characters of the new word that end the copied piece
    if torn < 1 or torn >= len(copied) or word in src:
        return ""
    ends = [found.end() for found in itertools.islice(re.finditer(re.escape(copied), src), MAX_OCCURRENCES)]
    for end in ends:
        edges = _edges_near(src, end, whole_words=True)
        if end not in edges or end - torn in edges:
            return ""
    return f"{copied}|{last} ({word})" if ends else ""


def stray_last_character(candidate: str, source: str) -> str:
    """``copied|last`` when ``candidate``'s last segment ends with a piece copied from the source (two characters
    or more, not ending on a digit) that ends a word wherever the source has it, then one Han character of its own
    that the source writes only inside longer words: a piece of a word torn off and left at the line's end
    (``「团结香港基金」旁白|担`` of ``…担任旁白``, ``美国又向加勒比地区增派特种作战|机``, ``北京建筑大学术不端
    自查和挂名|象``); else ``""``.  Particles, ``案`` and the short forms of :data:`HEADLINE_SHORT_FORMS` are let
    pass, and so are suffixes headlines coin words with (:data:`_WORD_SUFFIXES`: ``国家主席|令``, ``本土|化``).  Of the
    2,477 dev and 2,840 test cache items 21 gold headlines end so and 138 first beams (30 and 145 without the
    suffixes let pass), most of them garbled, so it counts with the word gaps."""
    return _stray_after_a_word(*_last_copy(candidate, source))


#: Suffixes headlines put after a word to coin another (``国家主席令``, ``本土化``, ``感染性``, ``支持者``), which
#: :func:`stray_last_character` lets pass: 9 of the 30 gold headlines it found end so, 7 of 145 first beams.
_WORD_SUFFIXES = frozenset("化性者学业令员率罪")


def _stray_after_a_word(src: str, copied: str, last: str) -> str:
    """:func:`stray_last_character` of the line's last copied piece and the character after it."""
    if len(copied) < 2 or copied[-1].isdigit() or last in _ENDINGS_AFTER_A_CLAUSE or last in _WORD_SUFFIXES:
        return ""
    ends = [found.end() for found in itertools.islice(re.finditer(re.escape(copied), src), MAX_OCCURRENCES)]
    if not ends or any(end not in _edges_near(src, end, whole_words=True) for end in ends):
        return ""  # the copied piece ends inside a word somewhere: what the other slips look at
    starts = [found.start() for found in itertools.islice(re.finditer(re.escape(last), src), MAX_OCCURRENCES)]
    for start in starts:
        edges = _edges_near(src, start, whole_words=True)
        if start in edges and start + 1 in edges:
            return ""  # a word of its own there
    return f"{copied}|{last}" if starts else ""


def _changed_word_end(src: str, copied: str, last: str, ends: list[int]) -> str:
    if not ends or not all(HAN.fullmatch(src[end : end + 1]) for end in ends):
        return ""
    edges = _word_edges(src)
    return "" if any(end in edges for end in ends) else f"{copied}|{last}"


def _own_last_character(candidate: str, source: str) -> tuple[str, str, str, list[int]]:
    """The normalised source, the piece of at least :data:`MIN_COPY_BEFORE_CHANGED_END` characters that
    ``candidate``'s last segment copies before a last Han character of its own, that character, and where the
    source's occurrences of the piece end; empty strings and no ends when the line does not end so."""
    return _with_its_ends(*_last_copy(candidate, source))


def _last_copy(candidate: str, source: str) -> tuple[str, str, str]:
    """The normalised source, the piece of the source ``candidate``'s last segment copies before a last Han
    character of its own (its greedy cover's last two pieces), and that character; empty strings when the line
    does not end so."""
    src = fact_normalise(source)
    segments = text_segments(fact_normalise(candidate))
    pieces = list(greedy_cover(segments[-1], src)) if segments else []
    if len(pieces) < 2 or len(pieces[-1]) != 1 or not HAN.fullmatch(pieces[-1]):
        return src, "", ""
    return src, pieces[-2], pieces[-1]


def _with_its_ends(src: str, copied: str, last: str) -> tuple[str, str, str, list[int]]:
    """:func:`_last_copy` with where the source's occurrences of the copied piece end, for a piece of at least
    :data:`MIN_COPY_BEFORE_CHANGED_END` characters; empty strings and no ends for a shorter one."""
    if len(copied) < MIN_COPY_BEFORE_CHANGED_END:
        return src, "", "", []
    return src, copied, last, [found.end() for found in re.finditer(re.escape(copied), src)]


#: Marks after which a clause of the source, or a quoted phrase in it (``「过于整齐划一」``), has ended.
_CLAUSE_END_MARKS = frozenset(CLAUSE_ENDS + "」』”’》）)")
#: One character a headline may put after a clause it copies whole: a particle (``…终于减少调休了``,
#: ``…支付所有旅行费用吗``), a case (``毛奇性侵案``), or the character that carries a word headlines shorten
#: (``基层健康风险增``, :data:`HEADLINE_SHORT_FORMS`).
_ENDINGS_AFTER_A_CLAUSE = frozenset("了吗呢吧啦案") | frozenset(HEADLINE_SHORT_FORMS.values())


def character_after_clause_end(candidate: str, source: str) -> str:
    """``copied|last`` when ``candidate`` ends by copying at least :data:`MIN_COPY_BEFORE_CHANGED_END`
    characters that end a clause or a quoted phrase wherever the source has them, then one Han character of
    its own that the source never writes after the copied one: the copy head ran on past the clause's end and
    made another word of its last one (``3条战线下工夫|妇`` of ``…就要在3条战线下工夫。``,
    ``…大会在天安门广场隆重举行|习``, ``《标准》整齐划一切`` of ``「过于整齐划一」``); else ``""``.  Particles,
    ``案`` and the short forms of :data:`HEADLINE_SHORT_FORMS` are let pass (:data:`_ENDINGS_AFTER_A_CLAUSE`).
    Of the 2,477 dev cache items 2 gold headlines and 16 first beams end so, of the 2,840 test items none and
    15: the first beams nearly all garbled (``雅虎发布2014年第四季度财报|告``, ``控方拒梁国雄保释申请|辞``),
    so it counts with the word gaps."""
    return _run_past_clause_end(*_own_last_character(candidate, source))


def _run_past_clause_end(src: str, copied: str, last: str, ends: list[int]) -> str:
    if not ends or last in _ENDINGS_AFTER_A_CLAUSE or copied[-1] + last in src:
        return ""
    if not all(src[end : end + 1] in _CLAUSE_END_MARKS for end in ends):
        return ""
    return f"{copied}|{last}"
