"""Facts about Chinese text that several modules need, written once: character ranges and punctuation.

Regular-expression ranges are strings (``f"[{HAN_RANGES}]"``); punctuation classes are strings of
characters (``text[-1] in SENTENCE_END``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

#: Han characters: the basic block, extension A, compatibility ideographs and extensions B–G.
HAN_RANGES = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
#: Han characters and the full-width punctuation, quotes, ellipsis and dash written between them:
#: where ASCII ``,:;?!`` stand for their full-width forms and spaces are not part of the text.
CJK_CONTEXT_RANGES = HAN_RANGES + r"\u3000-\u303f\uff00-\uffef\u2018-\u201d\u2026\u2014"
HAN = re.compile(f"[{HAN_RANGES}]")

#: Marks that always end a sentence (the semicolon ends a headline-sized unit as well).
FULL_STOPS = "。！？!?；;"
#: An ASCII full stop used as a Chinese sentence end (abstracts typed with half-width punctuation:
#: ``…多样性.结合2005年…``): after a Han character, a closing bracket or a percent sign (``…63.00%.分析比较…``),
#: before Han, a digit (``…指标改善.8月在全厂推广``: a decimal has a digit before its point), an opening mark, a
#: space or the end.  Decimals (``3258.4``), Latin abbreviations and names that open with a dot (``基于.NET``) are
#: not touched.
ASCII_FULL_STOP = r"(?<=[\u4e00-\u9fff）)”」』》%％])\.(?=[\u4e00-\u9fff（(“「《\s\d]|$)"
#: Marks that end a sentence, the ellipses included.
SENTENCE_END = FULL_STOPS + "…⋯"
#: Closing quotes and brackets that may follow the sentence-final mark (``。”``).
CLOSING = "”’」』》〉）)】"
#: Emoji and pictographs, with the variation selector that follows many (for character classes: ``[{EMOJI_RANGES}]``).
EMOJI_RANGES = "\u2600-\u27bf\U0001f300-\U0001faff\ufe0f"
#: ASCII punctuation and the full-width form it takes in Chinese text.
FULL_WIDTH = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！"}


def han_share(text: str) -> float:
    """The share of Han characters in ``text`` (0 for empty text)."""
    return len(HAN.findall(text)) / len(text) if text else 0.0


def greedy_cover(text: str, source: str) -> Iterator[str]:
    """The pieces of ``text`` in a greedy longest-match cover by substrings of ``source``: from each
    position, the longest piece ``source`` has (one character when it has none)."""
    i = 0
    while i < len(text):
        length = 1
        while i + length < len(text) and text[i : i + length + 1] in source:
            length += 1
        yield text[i : i + length]
        i += length
