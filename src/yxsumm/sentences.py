"""Chinese sentence splitting that keeps closing quotes and brackets with their sentence."""

from __future__ import annotations

import re

from .chinese import CLOSING, SENTENCE_END

_ENDERS = SENTENCE_END
_CLOSERS = CLOSING + "\"'"
# A sentence: anything up to a run of enders (…… counts once) followed by any closing marks.
_SENTENCE = re.compile(rf"[^{_ENDERS}]*(?:[{_ENDERS}]+|\.{{3,}})[{re.escape(_CLOSERS)}]*|[^{_ENDERS}]+$")


def split_sentences(text: str) -> list[str]:
    """Split ``text`` into sentences; concatenating the result gives ``text`` back exactly.

    Handles ``。！？；…`` and their ASCII forms, keeps closing quotes/brackets (``。”``) with the
    sentence they close, and treats paragraph breaks as sentence ends.
    """
    sentences: list[str] = []
    for paragraph in re.split(r"(?<=\n)", text):
        sentences.extend(match.group(0) for match in _SENTENCE.finditer(paragraph) if match.group(0))
    return sentences


def lead_sentence(text: str) -> str:
    """The first non-empty sentence of ``text`` without its final punctuation (the lead-1 baseline)."""
    for sentence in split_sentences(text):
        stripped = sentence.strip().rstrip(_ENDERS + "。")
        if stripped:
            return stripped
    return text.strip()
