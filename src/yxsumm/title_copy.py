"""A ``《…》`` title can only be written as a stretch of the source, character for character.

The model names works and documents the source never names: ``《国家基本医疗保险生育保险和伤险目录》``
for ``…工伤保险…``, ``《公共场所吸烟例》`` for ``…控制吸烟条例》`` — 1.5–6 % of its first lines on the
test sets.  The output guard refuses them (a title must occur in the source word for word,
:func:`yxsumm.faithfulness.unsupported_facts`); :class:`TitleCopyProcessor` keeps beam search from
writing them: after ``《`` every character must continue a stretch of the source (spaces aside), and
``》`` may close it where the source would support it (:func:`~yxsumm.faithfulness.title_supported`:
a whole title of the source, or words the source writes outside its titles — never a title cut short,
``《一步》`` for ``《一步不停歇 半步不退让》``).
"""

from __future__ import annotations

import re

import torch
from transformers import LogitsProcessor, PreTrainedTokenizerBase

from .character_tokens import character_tokens, source_of_rows
from .faithfulness import title_supported

_SPACES = re.compile(r"\s")


def next_characters(source: str, written: str) -> set[str]:
    """The characters that follow ``written`` wherever it occurs in ``source``."""
    found: set[str] = set()
    start = source.find(written)
    while start != -1 and start + len(written) < len(source):
        found.add(source[start + len(written)])
        start = source.find(written, start + 1)
    return found


class TitleCopyProcessor(LogitsProcessor):
    """Inside an open ``《``, masks every token that would leave the stretches of the source.

    ``source_ids`` are the encoder input ids of the batch, one row per source; rows of the decoder
    (sources × beams) map to sources in order.
    """

    def __init__(self, tokenizer: PreTrainedTokenizerBase, source_ids: torch.Tensor) -> None:
        self.tokens = character_tokens(tokenizer)
        self.sources = [_SPACES.sub("", self.tokens.read(row)) for row in source_ids.tolist()]
        self.opens = torch.tensor(self.tokens.ids_of("《"), dtype=torch.long)
        self.closes = torch.tensor(self.tokens.ids_of("》"), dtype=torch.long)
        self._allowed: dict[tuple[int, str], list[int]] = {}

    def __call__(self, input_ids: torch.LongTensor, scores: torch.FloatTensor) -> torch.FloatTensor:
        """Set the scores of forbidden tokens to ``-inf``."""
        if not len(self.opens):
            return scores
        ids = input_ids.cpu()
        opened = torch.isin(ids, self.opens)
        if not opened.any():  # the usual step: no line has opened a title
            return scores
        positions = torch.arange(ids.shape[1]).expand_as(ids)
        last_open = torch.where(opened, positions, -1).amax(dim=1)
        last_close = torch.where(torch.isin(ids, self.closes), positions, -1).amax(dim=1)
        rows = input_ids.shape[0]
        sources = source_of_rows(rows, len(self.sources))
        for row in (last_open > last_close).nonzero().flatten().tolist():
            index = int(sources[row])
            written = _SPACES.sub("", self.tokens.read(ids[row, int(last_open[row]) + 1 :].tolist()))
            if (index, written) not in self._allowed:
                self._allowed[index, written] = self._allowed_after(self.sources[index], written)
            allowed = self._allowed[index, written]
            keep = scores[row, allowed].clone()
            scores[row] = -float("inf")  # a beam with no way on inside the title ends here
            scores[row, allowed] = keep
        return scores

    def _allowed_after(self, source: str, written: str) -> list[int]:
        """The tokens that keep ``written`` (the title so far) a stretch of ``source``, and ``》`` where it may end."""
        # 《 and 》 never continue a title: the title's end is decided below, not by the source's next character.
        following = next_characters(source, written) - {"《", "》"}
        allowed = [token for char in following for token in self.tokens.by_char.get(char, [])]
        if written and title_supported(written, source):
            allowed.extend(self.closes.tolist())
        return allowed
