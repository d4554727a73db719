"""The one post-processing stage of generated lines: clean, drop invented tags, cap the length.

Decoded text is cleaned by :func:`clean_generated` (inside :func:`~yxsumm.generation.decode`); every
printed line, generated or extracted, then passes :func:`finish_line`.  The output guard that chooses
among candidates lives in :mod:`yxsumm.guard`.
"""

from __future__ import annotations

import re

from .extractive import shorten

#: Longest printed line, in characters (cut at the last clause boundary that fits).
MAX_LINE_CHARS = 60

_CJK = r"\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\u2018-\u201d\u2026\u2014"
_SPACE_NEAR_CJK = re.compile(rf"(?<=[{_CJK}])\s+|\s+(?=[{_CJK}])")
_HALF_TO_FULL = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！"}
_ASCII_PUNCT_NEAR_CJK = re.compile(rf"(?<=[{_CJK}])[,:;?!]|[,:;?!](?=[{_CJK}])")
_STUTTER = re.compile(r"([\u4e00-\u9fff])\1{2,}")
_LEADING_TAG = re.compile(r"^\s*【([^】]{1,60})】\s*")


def clean_generated(text: str) -> str:
    """Turn decoded model output into clean headline text.

    Removes the spaces a WordPiece decoder puts between characters, ``[UNK]`` and other bracketed
    special tokens, collapses character stutters (``经典典典`` → ``经典``) and writes ASCII ``,:;?!``
    next to Chinese characters in their full-width forms.
    """
    text = re.sub(r"\[(?:UNK|PAD|CLS|SEP|MASK|ART|SEC)\]", "", text)
    text = text.replace(" ##", "").replace("##", "")
    text = _SPACE_NEAR_CJK.sub("", text)
    text = re.sub(r"\s+", " ", text).strip()
    text = _STUTTER.sub(r"\1", text)
    text = _ASCII_PUNCT_NEAR_CJK.sub(lambda m: _HALF_TO_FULL[m.group(0)], text)
    return text.strip(" ，,；;：:、")


def drop_invented_tag(headline: str, source: str) -> str:
    """Remove a leading column tag (``【新思想引领新征程】…``) that the source text does not contain.

    News headlines in the training data often start with such a tag; the model learnt to write one even
    when the article has none, and an invented tag is not a fact from the article.  A tag whose text
    appears in the source is kept, and so is a headline that would be left with under 4 characters.
    """
    match = _LEADING_TAG.match(headline)
    if not match or match.group(1) in source or len(headline) - match.end() < 4:
        return headline
    return headline[match.end() :]


def finish_line(line: str, source: str) -> str:
    """The last step for every printed line: drop an invented column tag, cap the length."""
    return shorten(drop_invented_tag(line, source), MAX_LINE_CHARS) if line else line
