"""A character vocabulary read back as text, for logits processors that check the line written so far.

The bundled tokenizer writes one character per token (Chinese characters, punctuation, ``x``/``##x``
pieces of ASCII words).  :class:`CharacterTokens` gives each token the character the fact check
(:func:`yxsumm.faithfulness.fact_normalise`) would compare: full-width digits as ASCII, Traditional
characters as Simplified.
"""

from __future__ import annotations

import unicodedata
import weakref
from dataclasses import dataclass

import torch
from transformers import PreTrainedTokenizerBase

from .script import to_simplified

#: What special tokens and tokens of more than one character read as: a boundary no fact crosses.
BREAK = "\n"


def _token_char(token: str) -> str:
    """The one character a vocabulary token writes, as the fact check compares it ('' if not one)."""
    text = token[2:] if token.startswith("##") and len(token) > 2 else token
    if len(text) != 1:
        return ""
    folded = unicodedata.normalize("NFKC", text)
    if len(folded) == 1 and folded.isdigit():
        return folded
    simplified = to_simplified(text)
    return simplified if len(simplified) == 1 else text


def is_ascii_alnum(char: str) -> bool:
    """Whether ``char`` is an ASCII letter or digit (a piece of an ASCII word)."""
    return char.isascii() and char.isalnum()


@dataclass(frozen=True)
class CharacterTokens:
    """Each token id's character (``chars``) and whether it starts a word (not a ``##`` piece)."""

    size: int
    chars: list[str]
    starts_word: list[bool]
    by_char: dict[str, list[int]]  # the token ids that write each character

    def ids_of(self, characters: str) -> list[int]:
        """The token ids that write one of ``characters``, in id order."""
        return sorted(token for char in set(characters) for token in self.by_char.get(char, []))

    def read(self, ids: list[int]) -> str:
        """The text of ``ids``, with a space between two ASCII words (``100 200`` stays two numbers)."""
        out: list[str] = []
        for token in ids:
            known = 0 <= token < self.size
            char = self.chars[token] if known else BREAK
            if known and self.starts_word[token] and is_ascii_alnum(char) and out and is_ascii_alnum(out[-1]):
                out.append(" ")
            out.append(char)
        return "".join(out)

    def joined(self, text: str, token: int) -> str:
        """What ``token`` adds after ``text``: its character, after a space when it starts a new ASCII word."""
        char = self.chars[token]
        if self.starts_word[token] and is_ascii_alnum(char) and text and is_ascii_alnum(text[-1]):
            return " " + char
        return char


_TABLES: weakref.WeakKeyDictionary[PreTrainedTokenizerBase, CharacterTokens] = weakref.WeakKeyDictionary()


def character_tokens(tokenizer: PreTrainedTokenizerBase) -> CharacterTokens:
    """The :class:`CharacterTokens` of ``tokenizer`` (built once per tokenizer object)."""
    if tokenizer not in _TABLES:
        vocab = tokenizer.get_vocab()
        size = max(len(tokenizer), max(vocab.values()) + 1)
        chars = [BREAK] * size
        starts_word = [True] * size
        special = set(tokenizer.all_special_ids)
        for token, index in vocab.items():
            if index not in special:
                chars[index] = _token_char(token) or BREAK
                starts_word[index] = not token.startswith("##")
        by_char: dict[str, list[int]] = {}
        for index, char in enumerate(chars):
            by_char.setdefault(char, []).append(index)
        _TABLES[tokenizer] = CharacterTokens(size, chars, starts_word, by_char)
    return _TABLES[tokenizer]


def source_of_rows(rows: int, sources: int) -> torch.Tensor:
    """Which source each decoder row belongs to: rows are sources × beams, in order (one index per row)."""
    per_source = max(1, rows // max(1, sources))
    return (torch.arange(rows) // per_source).clamp(max=max(0, sources - 1))
