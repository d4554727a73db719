"""Character-level tokenizer for the bundled model, saved as a standard ``BertTokenizerFast``.

Chinese characters and punctuation are single tokens; runs of ASCII letters/digits are split by
BERT's WordPiece into ``x ##y ##z`` pieces (every character and its ``##`` form are in the
vocabulary), so any Latin word or number can be written without ``[UNK]``.
"""

from __future__ import annotations

import string
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from transformers import BertTokenizerFast

from .task_params import TASK_TOKENS

SPECIAL_TOKENS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]

_ASCII_WORD_CHARS = string.ascii_letters + string.digits


def build_vocabulary(texts: Iterable[str], max_size: int = 6000, min_count: int = 3) -> list[str]:
    """Return the token list: special tokens, task tokens, the most frequent characters, ``##`` pieces."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(text)
    chars = [c for c, n in counts.most_common() if n >= min_count and not c.isspace()]
    chars = [c for c in chars if c not in _ASCII_WORD_CHARS][: max_size - len(_ASCII_WORD_CHARS)]
    chars = sorted(set(chars) | set(_ASCII_WORD_CHARS) | set(string.punctuation))
    pieces = ["##" + c for c in _ASCII_WORD_CHARS]
    return SPECIAL_TOKENS + list(TASK_TOKENS.values()) + chars + pieces


def make_tokenizer(vocabulary: list[str], folder: str | Path) -> BertTokenizerFast:
    """Write ``vocab.txt`` into ``folder`` and return the ``BertTokenizerFast`` built on it (also saved)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    vocab_file = folder / "vocab.txt"
    vocab_file.write_text("\n".join(vocabulary) + "\n", encoding="utf-8")
    tokenizer = BertTokenizerFast(
        vocab={token: index for index, token in enumerate(vocabulary)},
        do_lower_case=False,
        strip_accents=False,
        tokenize_chinese_chars=True,
        model_max_length=512,
    )
    tokenizer.add_special_tokens({"additional_special_tokens": list(TASK_TOKENS.values())})
    tokenizer.save_pretrained(str(folder))
    return tokenizer


def format_source(text: str, task: str, max_chars: int) -> str:
    """Model input: the task's control token, then the first ``max_chars`` characters of ``text``."""
    return TASK_TOKENS[task] + " " + text[:max_chars]


def _is_ascii_word(token: str) -> bool:
    return bool(token) and token.isascii() and token.isalnum()


def join_wordpiece_tokens(tokens: list[str]) -> str:
    """Join WordPiece tokens of a character vocabulary into text (no spaces inside Chinese text).

    ``["D", "##e", "##a", "##t", "##h", "N", "##o", "##t", "##e", "在"]`` → ``"Death Note在"``.
    """
    out: list[str] = []
    previous = ""
    for token in tokens:
        if token in SPECIAL_TOKENS or token in TASK_TOKENS.values():
            continue
        if token.startswith("##") and len(token) > 2:
            out.append(token[2:])
            previous = previous + token[2:]
            continue
        if _is_ascii_word(previous) and _is_ascii_word(token):
            out.append(" ")
        out.append(token)
        previous = token
    return "".join(out)
