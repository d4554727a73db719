"""Chinese sentence splitting that keeps closing quotes and brackets with their sentence."""

from __future__ import annotations

import re

from .chinese import ASCII_FULL_STOP, CLOSING, SENTENCE_END

_ENDERS = SENTENCE_END
_CLOSERS = CLOSING + "\"'"
# A sentence: anything up to the first run of enders (…… counts once), an ASCII ellipsis or an ASCII
# full stop ending a Chinese sentence, followed by any closing marks.
_SENTENCE = re.compile(
    rf"[^{_ENDERS}]*?(?:[{_ENDERS}]+|\.{{3,}}|{ASCII_FULL_STOP})[{re.escape(_CLOSERS)}]*|[^{_ENDERS}]+$"
)

_FINAL_ASCII_STOP = re.compile(ASCII_FULL_STOP + "$")


def split_sentences(text: str) -> list[str]:
    """Split ``text`` into sentences; concatenating the result gives ``text`` back exactly.

    Handles ``。！？；…`` and their ASCII forms (an ASCII ``.`` only where it ends a Chinese sentence:
    ``…多样性.结合…``, never in ``3258.4``), keeps closing quotes/brackets (``。”``) with the sentence
    they close, and treats paragraph breaks as sentence ends.
    """
    sentences: list[str] = []
    for paragraph in re.split(r"(?<=\n)", text):
        sentences.extend(match.group(0) for match in _SENTENCE.finditer(paragraph) if match.group(0))
    return sentences


def lead_sentence(text: str) -> str:
    """The first non-empty sentence of ``text`` without its final punctuation (the lead-1 baseline)."""
    for sentence in split_sentences(text):
        stripped = _FINAL_ASCII_STOP.sub("", sentence.strip()).rstrip(_ENDERS + "。")
        if stripped:
            return stripped
    return text.strip()
