"""Features of a candidate heading line, the cues a person uses to see a heading.

A *candidate* is one body line of an article, or a run of 2–3 very short lines that together look
like one heading set over several lines (the example article's ``突出`` / ``政治`` / ``标准``).  Each
candidate is described by its own shape (length, end punctuation, numbering, script mix, the
hand-written rules' verdict), its neighbours (length and punctuation of the lines before and after), its
position, and patterns it shares with other short lines of the same article (parallel headings such as
``突出…`` / ``突出…``).  Heading markup (Markdown ``#``/bold, HTML h1–h6) is not a feature: no
training corpus has it, and the structure layer takes marked lines as headings outright.  Everything
is computed per line in one pass, so 1 MB of text costs milliseconds.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .chinese import CLOSING, HAN, HAN_RANGES, SENTENCE_END

_NUMERAL = "一二三四五六七八九十百零〇两"
NUMBERED_HEADING = re.compile(
    rf"^(?:[{_NUMERAL}]+[、.．]|[（(][{_NUMERAL}\d]+[）)]|\d{{1,2}}[、.．](?!\d)|第[{_NUMERAL}\d]+[部分章节篇]|"
    r"[①②③④⑤⑥⑦⑧⑨⑩]|【[^】]{1,28}】$)"
)
_LIST_ITEM = re.compile(r"^(?:\d{1,2}[.．、)）]|[（(]\d{1,2}[）)])")
_HAN = HAN
_LATIN = re.compile(r"[A-Za-z]")
_DIGIT = re.compile(r"\d")
_INNER_PUNCT = re.compile(r"[，。；！？,;!?]")
_WORD_CHAR = re.compile(rf"[\w{HAN_RANGES}]")
_SPEAKER = re.compile(r"^[^，。「“]{1,8}[：:]\s*[「“]")
_NUMBERING_ONLY = re.compile(rf"^[（(]?[{_NUMERAL}\d]+[）)、.．]?$")
#: Numbering with its numeral captured, by style (``numbered_sequence_apart``).
_NUMBERING = re.compile(
    rf"^(?:(?P<han>[{_NUMERAL}]{{1,3}})、|[（(](?P<bracket>[{_NUMERAL}\d]{{1,3}})[）)]|(?P<digit>\d{{1,2}})[、.．](?!\d)|"
    rf"第(?P<part>[{_NUMERAL}\d]{{1,3}})[部分章节篇])"
)
_NUMBER_VALUE = {c: i for i, c in enumerate("零一二三四五六七八九十")}
_URL = re.compile(r"(?:https?://|www\.|\.com|@\w+\.)")
#: Lines at most this long, 2–3 in a row, may be one heading set over several lines.
SHORT_LINE_CHARS = 7


@dataclass(frozen=True)
class Candidate:
    """A possible heading: its text and the line indices (into the article's lines) it covers."""

    text: str
    lines: tuple[int, ...]
    marked: bool = False  # Markdown ``#``/bold or an HTML heading element
    rule_heading: bool = False  # the hand-written rules of the structure layer call it a heading


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends with sentence-final punctuation (before any closing quotes)."""
    stripped = text.rstrip(CLOSING) or text
    return bool(stripped) and stripped[-1] in SENTENCE_END


def is_list_item(text: str) -> bool:
    """Whether ``text`` starts like an item of a numbered list (``1.``, ``2、``, ``(3)``)."""
    return bool(_LIST_ITEM.match(text))


def _short_fragment(text: str) -> bool:
    return 0 < len(text) <= SHORT_LINE_CHARS and not ends_sentence(text) and text[-1] not in "，,、：:"


#: A short label that counts the parts of an article, before a colon: ``转折三：``, ``问题二：``, ``关键词1：``.
_COUNTED_LABEL = re.compile(rf"^[\u4e00-\u9fff]{{1,4}}[{_NUMERAL}\d]{{1,2}}[：:]$")


def _opens_a_split_heading(text: str) -> bool:
    """Whether ``text`` may be the first line of a heading set over several lines: a short fragment, or a
    short numbered label that ends with a colon (``一、治病：`` above ``从源头`` and ``斩断病害``, ``转折三：`` above
    ``伤病潮中的`` and ``年轻人``)."""
    if _short_fragment(text):
        return True
    if len(text) > 2 * SHORT_LINE_CHARS or text[-1] not in "：:":
        return False
    return bool(NUMBERED_HEADING.match(text) or _COUNTED_LABEL.match(text))


def join_heading_lines(lines: Sequence[str]) -> str:
    """The lines of a heading set over several lines as one heading: a space between them, none after a
    full-width colon (``一、治病：从源头 斩断病害``) or after a 的 whose noun is on the next line
    (``转折三：伤病潮中的年轻人``)."""
    joined = ""
    for line in lines:
        joined += line if not joined or joined.endswith(("：", "的")) else " " + line
    return joined


def group_candidates(
    texts: Sequence[str],
    marked: Sequence[bool],
    rule_heading: Sequence[bool] | None = None,
    line_numbers: Sequence[int] | None = None,
) -> list[Candidate]:
    """One candidate per line, except that runs of 2–3 short fragments become one joined candidate.

    ``marked`` and ``rule_heading`` flag lines with heading markup and lines the rules call headings;
    ``line_numbers`` (the lines' places in the article) keeps a run from joining lines that were not
    adjacent (a byline between them was taken out).
    """
    rules = rule_heading if rule_heading is not None else [False] * len(texts)
    numbers = line_numbers if line_numbers is not None else range(len(texts))
    candidates: list[Candidate] = []
    i = 0
    while i < len(texts):
        run = [i]
        while (
            len(run) < 3
            and run[-1] + 1 < len(texts)
            and numbers[run[-1] + 1] == numbers[run[-1]] + 1
            and _opens_a_split_heading(texts[i])
            and _short_fragment(texts[run[-1] + 1])
        ):
            run.append(run[-1] + 1)
        # A joined run must be followed by something longer (the body), or it is a list of short items.
        if len(run) > 1 and (run[-1] + 1 >= len(texts) or len(texts[run[-1] + 1]) <= SHORT_LINE_CHARS):
            run = [i]
        text = join_heading_lines([texts[j] for j in run])
        candidates.append(Candidate(text, tuple(run), any(marked[j] for j in run), any(rules[j] for j in run)))
        i = run[-1] + 1
    return candidates


def _heading_shape(text: str) -> bool:
    """The hand-written rule's notion of a heading-shaped line (one cue among many here)."""
    if NUMBERED_HEADING.match(text):
        return len(text) <= 40 and not ends_sentence(text)
    if len(text) > 30 or len(text) < 2 or ends_sentence(text):
        return False
    return text[-1] not in "，,、（(“「《" and text[0] not in "（(*#|-"


FEATURE_NAMES: tuple[str, ...] = (
    "length_scaled",
    "log_length",
    "length_le_7",
    "length_le_15",
    "length_le_30",
    "length_gt_40",
    "ends_sentence",
    "ends_comma",
    "ends_colon",
    "ends_question",
    "ends_closing",
    "inner_punctuation",
    "has_colon_inside",
    "numbered",
    "list_item",
    "bracket_tag",
    "starts_quote",
    "starts_bracket",
    "han_share",
    "latin_share",
    "digit_share",
    "space_count",
    "url",
    "rule_shape",
    "rule_heading",
    "relative_position",
    "is_first",
    "is_last",
    "previous_log_length",
    "previous_ends_sentence",
    "previous_rule_shape",
    "next_log_length",
    "next_ends_sentence",
    "next_rule_shape",
    "next_to_own_length",
    "second_next_rule_shape",
    "same_first_char_short_lines",
    "same_first_two_chars_short_lines",
    "numbered_lines_in_article",
    "short_line_share",
    "log_candidates",
    "bracketed",
    "numbering_only",
    "word_char_share",
    "has_quote_inside",
    "speaker_colon",
    "short_lines_nearby",
    "log_distance_previous_short",
    "log_distance_next_short",
    "log_chars_to_next_short",
    "log_index",
    "numbered_sequence_apart",
)


#: Character shares are taken over at most this many leading characters (a paragraph's first 200
#: characters tell as much as all of it, and 1 MB of text stays fast).
_SHARE_PREFIX = 200


def _share(pattern: re.Pattern[str], text: str) -> float:
    prefix = text[:_SHARE_PREFIX]
    return len(pattern.findall(prefix)) / max(len(prefix), 1)


def _log_length(text: str | None) -> float:
    return math.log1p(len(text)) if text is not None else 0.0


def _distances(flags: Sequence[bool], count: int, *, forward: bool) -> list[int]:
    """For each position, how many steps to the nearest flagged position before (or after) it; ``count`` if none."""
    distances = [count] * count
    last: int | None = None
    order = range(count - 1, -1, -1) if forward else range(count)
    for i in order:
        if last is not None:
            distances[i] = abs(last - i)
        if flags[i]:
            last = i
    return distances


def _number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    if len(text) == 1:
        return _NUMBER_VALUE.get(text)
    if len(text) == 2 and text[0] == "十":
        return 10 + _NUMBER_VALUE.get(text[1], -100)
    if len(text) == 2 and text[1] == "十":
        return 10 * _NUMBER_VALUE.get(text[0], -100)
    if len(text) == 3 and text[1] == "十":
        return 10 * _NUMBER_VALUE.get(text[0], -100) + _NUMBER_VALUE.get(text[2], -100)
    return None


def numbered_sequence_apart(texts: Sequence[str]) -> list[bool]:
    """Lines numbered in sequence with another line of the same style, with body lines between them.

    ``一、…`` … ``二、…`` with paragraphs between are section headings; ``1.`` ``2.`` on consecutive lines
    are a list.  A sequence runs within one style (``一、``, ``（一）``, ``1.``, ``第一部分``) or within one
    family of numerals (``一、`` ``二、`` ``（三）``).
    """
    flags = [False] * len(texts)
    last: dict[str, tuple[int, int]] = {}
    for index, text in enumerate(texts):
        match = _NUMBERING.match(text)
        if not match:
            continue
        style = next(name for name, value in match.groupdict().items() if value)
        numeral = match.group(style)
        value = _number(numeral)
        if value is None:
            continue
        family = "digit" if numeral.isdigit() else "han"
        for key in (style + family, family):
            previous = last.get(key)
            if previous is not None and previous[1] == value - 1 and index - previous[0] >= 2:
                flags[index] = flags[previous[0]] = True
            last[key] = (index, value)
    return flags


def candidate_features(candidates: Sequence[Candidate]) -> np.ndarray:
    """A ``(len(candidates), len(FEATURE_NAMES))`` float32 matrix, in :data:`FEATURE_NAMES` order."""
    count = len(candidates)
    # A heading set over several short lines is described as the one line it stands for.
    texts = [c.text.replace(" ", "") if len(c.lines) > 1 else c.text for c in candidates]
    shapes = [_heading_shape(t) for t in texts]
    short = [len(t) <= 30 and not ends_sentence(t) for t in texts]
    first_chars = Counter(t[0] for t, s in zip(texts, short, strict=True) if s and t)
    first_two = Counter(t[:2] for t, s in zip(texts, short, strict=True) if s and len(t) >= 2)
    numbered_total = sum(bool(NUMBERED_HEADING.match(t)) for t in texts)
    short_share = sum(short) / max(count, 1)
    previous_short = _distances(short, count, forward=False)
    next_short = _distances(short, count, forward=True)
    prefix_chars = np.cumsum([0] + [len(t) for t in texts])
    in_sequence = numbered_sequence_apart(texts)
    rows = np.zeros((count, len(FEATURE_NAMES)), dtype=np.float32)
    for i, (candidate, text) in enumerate(zip(candidates, texts, strict=True)):
        previous = texts[i - 1] if i > 0 else None
        following = texts[i + 1] if i + 1 < count else None
        length = len(text)
        last = text[-1] if text else ""
        own_short = short[i]
        rows[i] = (
            min(length, 60) / 60,
            math.log1p(length),
            length <= 7,
            length <= 15,
            length <= 30,
            length > 40,
            ends_sentence(text),
            last in "，,、",
            last in "：:",
            last in "？?",
            last in CLOSING,
            min(len(_INNER_PUNCT.findall(text[:-1])), 3) / 3,
            "：" in text[:-1] or ":" in text[:-1],
            bool(NUMBERED_HEADING.match(text)),
            is_list_item(text),
            text.startswith("【") and "】" in text,
            text[:1] in "「“‘『",
            text[:1] in "（(",
            _share(_HAN, text),
            _share(_LATIN, text),
            _share(_DIGIT, text),
            min(text.count(" "), 4) / 4,
            bool(_URL.search(text)),
            shapes[i],
            candidate.rule_heading,
            i / max(count - 1, 1),
            i == 0,
            i == count - 1,
            _log_length(previous),
            previous is not None and ends_sentence(previous),
            i > 0 and shapes[i - 1],
            _log_length(following),
            following is not None and ends_sentence(following),
            i + 1 < count and shapes[i + 1],
            math.log1p(len(following)) - math.log1p(length) if following is not None else 0.0,
            i + 2 < count and shapes[i + 2],
            min(first_chars[text[0]] - 1, 5) / 5 if own_short and text else 0.0,
            min(first_two[text[:2]] - 1, 5) / 5 if own_short and len(text) >= 2 else 0.0,
            min(numbered_total, 10) / 10,
            short_share,
            math.log1p(count),
            text[:1] in "（(【[" and text[-1:] in "）)】]",
            bool(_NUMBERING_ONLY.match(text)),
            _share(_WORD_CHAR, text),
            any(q in text[1:] for q in "「“『"),
            bool(_SPEAKER.match(text)),
            sum(short[max(0, i - 2) : i + 3]) - own_short,
            math.log1p(previous_short[i]),
            math.log1p(next_short[i]),
            math.log1p(prefix_chars[min(i + next_short[i], count)] - prefix_chars[i + 1]),
            math.log1p(i),
            in_sequence[i],
        )
    return rows
