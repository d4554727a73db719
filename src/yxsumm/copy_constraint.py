"""Latin words and Arabic numbers can only be copied whole from the source while decoding.

With a character vocabulary, ``Android`` is the pieces ``A ##n ##d ##r ##o ##i ##d``; a copy head that
assembles them one at a time spells nonsense (``Hondind``) and rewrites numbers (``1000万`` for
``100万``).  :class:`WholeWordCopyProcessor` is a ``transformers`` logits processor that makes this
impossible: an ASCII word may start only with the first piece of a word of the source, continue only
along a word of the source, and end only where a word of the source ends.  It applies to tokenizers
whose vocabulary marks word continuations with ``##`` (WordPiece, like the bundled model's); other
tokenizers are left to the output guard (:mod:`yxsumm.guard`).
"""

from __future__ import annotations

import weakref
from collections.abc import Sequence

import torch
from transformers import LogitsProcessor, PreTrainedTokenizerBase

from .character_tokens import source_of_rows
from .score_masks import NEG_INF, RowMasks, forbid

_Trie = dict[int, "_Trie"]
_END = -1  # key marking "a source word ends here" in a trie node


def _is_ascii_alnum(text: str) -> bool:
    return bool(text) and text.isascii() and text.isalnum()


class _Vocabulary:
    """Which token ids start an ASCII word and which continue one (``##x``)."""

    def __init__(self, tokenizer: PreTrainedTokenizerBase) -> None:
        vocab = tokenizer.get_vocab()
        self.size = max(len(tokenizer), max(vocab.values()) + 1)
        self.starts = {i for t, i in vocab.items() if _is_ascii_alnum(t)}
        self.continues = {i for t, i in vocab.items() if t.startswith("##") and _is_ascii_alnum(t[2:])}
        self.start_mask = torch.zeros(self.size, dtype=torch.bool)
        self.start_mask[list(self.starts)] = True
        self.continue_mask = torch.zeros(self.size, dtype=torch.bool)
        self.continue_mask[list(self.continues)] = True


#: Built once per tokenizer object; a weak key, so a new tokenizer never finds a dead one's table by its id.
_VOCABULARIES: weakref.WeakKeyDictionary[PreTrainedTokenizerBase, _Vocabulary] = weakref.WeakKeyDictionary()


def supports_whole_word_copy(tokenizer: PreTrainedTokenizerBase) -> bool:
    """Whether the tokenizer spells ASCII words as a start piece plus ``##`` continuations."""
    vocabulary = _vocabulary(tokenizer)
    return bool(vocabulary.starts) and bool(vocabulary.continues)


def _vocabulary(tokenizer: PreTrainedTokenizerBase) -> _Vocabulary:
    if tokenizer not in _VOCABULARIES:
        _VOCABULARIES[tokenizer] = _Vocabulary(tokenizer)
    return _VOCABULARIES[tokenizer]


def _source_trie(ids: Sequence[int], vocabulary: _Vocabulary) -> _Trie:
    """A trie of the ASCII words (start piece + ``##`` pieces) in one source's token ids."""
    root: _Trie = {}
    node: _Trie | None = None
    for token in [*ids, -2]:
        if token in vocabulary.continues and node is not None:
            node = node.setdefault(token, {})
            continue
        if node is not None:
            node[_END] = {}
            node = None
        if token in vocabulary.starts:
            node = root.setdefault(token, {})
    return root


class WholeWordCopyProcessor(LogitsProcessor):
    """Masks every token that would make an ASCII word the source does not contain.

    ``source_ids`` are the encoder input ids of the batch, one row per source; rows of the decoder
    (sources × beams) map to sources in order.
    """

    def __init__(self, tokenizer: PreTrainedTokenizerBase, source_ids: torch.Tensor) -> None:
        self.vocabulary = _vocabulary(tokenizer)
        self.tries = [_source_trie(row, self.vocabulary) for row in source_ids.tolist()]
        self.first_pieces = [[t for t in trie if t != _END] for trie in self.tries]
        # Outside a word every ASCII piece is forbidden but the first pieces of the source's words.
        outside = (self.vocabulary.start_mask | self.vocabulary.continue_mask).repeat(len(self.tries), 1)
        for source, first in enumerate(self.first_pieces):
            outside[source, first] = False
        self._outside = RowMasks(outside)

    def _node(self, trie: _Trie, generated: list[int]) -> _Trie | None:
        """The trie node of the ASCII word being written at the end of ``generated`` (None: not in one)."""
        begin = len(generated)
        while begin > 0 and generated[begin - 1] in self.vocabulary.continues:
            begin -= 1
        if begin == 0 or generated[begin - 1] not in self.vocabulary.starts:
            return None
        node: _Trie | None = trie
        for token in generated[begin - 1 :]:
            node = node.get(token) if node is not None else None
        return node  # None also when the word so far is not on the trie (then nothing is constrained)

    def __call__(self, input_ids: torch.LongTensor, scores: torch.FloatTensor) -> torch.FloatTensor:
        """Set the scores of forbidden tokens to ``-inf``."""
        rows = input_ids.shape[0]
        width = min(scores.shape[-1], self.vocabulary.size)
        outside = self._outside(rows, scores.shape[-1])  # what rows outside a word (most rows) may not write
        last = input_ids[:, -1].cpu().clamp(min=0, max=self.vocabulary.size - 1)
        in_word = self.vocabulary.start_mask[last] | self.vocabulary.continue_mask[last]
        rows_in_word = in_word.nonzero().flatten().tolist()
        if not rows_in_word:  # the usual step: the mask is the same as the last time, not copied again
            return forbid(scores, outside)
        forbidden = outside.clone()
        sources = source_of_rows(rows, len(self.tries))
        for row, generated in zip(rows_in_word, input_ids[rows_in_word].tolist(), strict=True):
            source = int(sources[row])
            node = self._node(self.tries[source], generated)
            if node is None:
                continue  # a word the trie does not know: constrained as outside a word
            if _END in node:
                # At the end of a source word: a new source word may start, or this one go on.
                allowed = self.first_pieces[source] + [t for t in node if t != _END]
            else:
                # Inside a word: only the continuations that stay on a source word.
                forbidden[row, :width] = NEG_INF
                allowed = [t for t in node if t != _END]
            if allowed:
                forbidden[row, allowed] = 0.0
        # A row left without any finite score (the only way on repeats a trigram, say) is a beam that
        # ends here: beam search drops it rather than let it spell a word the source does not have.
        return forbid(scores, forbidden)
