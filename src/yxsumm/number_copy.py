"""Numbers can only be written as the source writes them: the same digits, and the same unit.

:class:`~yxsumm.copy_constraint.WholeWordCopyProcessor` makes every ASCII word of a line a word of the
source, but a number is more than its digit words: the model still wrote ``518亿元`` for ``518.32亿元``
(stopping at the decimal point), ``6700万`` for ``6700万元`` written as ``6700元``, ``10日`` where the
source has ``10`` only as a month, and Chinese numerals it never copied (``二十四届`` for ``二十届``,
``十五`` for ``十五五``).  The output guard refuses such lines (:func:`yxsumm.faithfulness.unsupported_facts`),
so beam search spent its beams on lines that can never be printed.

:class:`NumberCopyProcessor` is a ``transformers`` logits processor that applies the guard's number
rule while decoding, one token at a time:

* an Arabic number (``518.32``, ``1,000``) goes on only along a number of the source and ends only
  where one ends;
* a run of Chinese numerals that is a fact (two or more numerals, or after ``第``) goes on only along
  such a run of the source and ends only where one ends;
* a unit right after a number (``亿``, ``年``, ``届``, ``%``: :data:`~yxsumm.faithfulness.NUMBER_UNITS`)
  is allowed only when the source writes that number with that unit.

It works on character vocabularies whose digits and numerals are single tokens (the bundled model's);
the decision reads the text of the line so far, so it costs a few microseconds for the rows that are
inside a number and nothing for the others.
"""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass

import torch
from transformers import LogitsProcessor, PreTrainedTokenizerBase

from .character_tokens import character_tokens
from .faithfulness import CHINESE_DIGITS, DIGIT_GROUP_COMMA, NUMBER_UNITS, fact_normalise, source_numbers

#: Arabic number as the processor reads it: digits, with ``.`` or ``,`` between digit groups.
_ARABIC_RUN = re.compile(r"\d+(?:[.,]\d+)*")
_ARABIC_TAIL = re.compile(r"(?<![A-Za-z\d])\d+(?:[.,]\d+)*[.,]?$")
_CHINESE_TAIL = re.compile(rf"(第?)([{CHINESE_DIGITS}]+)$")
_CHINESE_RUN = re.compile(rf"(?<!\d)(第?)([{CHINESE_DIGITS}]+)")
#: Tokens of the line read back for the state (a number longer than this is not checked further).
_TAIL_TOKENS = 24
_SEPARATORS = ".,"


@dataclass(frozen=True)
class _NumberTokens:
    """The tokens the rule decides one by one, and the last tokens after which it looks at the line."""

    numberish: list[int]  # digits, separators, numerals, units and 第
    numeric_mask: torch.Tensor  # digits, separators, numerals and 第: rows ending in one are checked


_NUMBER_TOKENS: weakref.WeakKeyDictionary[PreTrainedTokenizerBase, _NumberTokens] = weakref.WeakKeyDictionary()


def _number_tokens(tokenizer: PreTrainedTokenizerBase) -> _NumberTokens:
    if tokenizer not in _NUMBER_TOKENS:
        tokens = character_tokens(tokenizer)
        numeric = torch.zeros(tokens.size, dtype=torch.bool)
        numeric[tokens.ids_of("0123456789" + _SEPARATORS + CHINESE_DIGITS + "第")] = True
        numberish = tokens.ids_of("0123456789" + _SEPARATORS + CHINESE_DIGITS + "第" + "".join(NUMBER_UNITS))
        _NUMBER_TOKENS[tokenizer] = _NumberTokens(numberish, numeric)
    return _NUMBER_TOKENS[tokenizer]


@dataclass(frozen=True)
class SourceNumbers:
    """What a line may write of one source's numbers.

    ``arabic``: every Arabic number of the source as written, ``arabic_prefixes`` their prefixes;
    ``chinese_prefixes``: the prefixes of its numeral runs that are facts; ``with_unit``: the
    ``(number, unit)`` pairs of the fact check; ``bare``: the numbers it accepts without a unit.
    """

    arabic: frozenset[str]
    arabic_prefixes: frozenset[str]
    chinese_prefixes: frozenset[str]
    with_unit: frozenset[tuple[str, str]]
    bare: frozenset[str]

    @classmethod
    def of(cls, source: str) -> SourceNumbers:
        """The numbers of ``source`` (text as the tokens read it)."""
        arabic = frozenset(m.group(0) for m in _ARABIC_RUN.finditer(source) if not _after_letter(source, m.start()))
        chinese = frozenset(
            m.group(2)
            for m in _CHINESE_RUN.finditer(source)
            if len(m.group(2)) >= 2 or m.group(1) or _unit_after(source, m.end())
        )
        with_unit, bare = source_numbers(fact_normalise(source))
        return cls(arabic, _prefixes(arabic), _prefixes(chinese), with_unit, bare)


def _after_letter(text: str, position: int) -> bool:
    return position > 0 and text[position - 1].isascii() and text[position - 1].isalpha()


def _unit_after(text: str, position: int) -> bool:
    return position < len(text) and text[position] in NUMBER_UNITS


def _prefixes(words: frozenset[str]) -> frozenset[str]:
    return frozenset(word[:end] for word in words for end in range(1, len(word) + 1))


class NumberCopyProcessor(LogitsProcessor):
    """Masks every token that would write a number, or a number's unit, that the source does not have.

    ``source_ids`` are the encoder input ids of the batch, one row per source; rows of the decoder
    (sources × beams) map to sources in order.
    """

    def __init__(self, tokenizer: PreTrainedTokenizerBase, source_ids: torch.Tensor) -> None:
        self.tokens = character_tokens(tokenizer)
        self.number_tokens = _number_tokens(tokenizer)
        self.sources = [SourceNumbers.of(self.tokens.read(row)) for row in source_ids.tolist()]
        self._after_tail: dict[tuple[int, str], torch.Tensor] = {}
        # Outside a number, a digit may start one only if some number of the source starts with it.
        tokens = self.tokens
        self.no_start = torch.zeros((len(self.sources), tokens.size), dtype=torch.bool)
        digit_starts = [token for token in tokens.ids_of("0123456789") if tokens.starts_word[token]]
        for row, source in enumerate(self.sources):
            for token in digit_starts:
                self.no_start[row, token] = tokens.chars[token] not in source.arabic_prefixes

    def __call__(self, input_ids: torch.LongTensor, scores: torch.FloatTensor) -> torch.FloatTensor:
        """Set the scores of forbidden tokens to ``-inf``."""
        size = self.tokens.size
        rows = input_ids.shape[0]
        per_source = max(1, rows // max(1, len(self.sources)))
        sources = (torch.arange(rows) // per_source).clamp(max=len(self.sources) - 1)
        width = min(scores.shape[-1], size)
        forbidden = torch.zeros(scores.shape, dtype=torch.bool)
        forbidden[:, :width] = self.no_start[sources, :width]
        last = input_ids[:, -1].cpu().clamp(min=0, max=size - 1)
        for row in self.number_tokens.numeric_mask[last].nonzero().flatten().tolist():
            index = int(sources[row])
            tail = self.tokens.read(input_ids[row, -_TAIL_TOKENS:].tolist())
            if (index, tail) not in self._after_tail:  # beams of one source often share their tail
                self._after_tail[index, tail] = self._forbidden_after(tail, self.sources[index])
            forbidden[row, :width] = self._after_tail[index, tail][:width]
        # A row left without any finite score is a beam that cannot go on without inventing: it ends here.
        return scores.masked_fill(forbidden.to(scores.device), -float("inf"))

    def _forbidden_after(self, tail: str, source: SourceNumbers) -> torch.Tensor:
        """The tokens that may not follow ``tail``, a line that ends in a digit, numeral or ``第``."""
        forbidden = torch.zeros(self.tokens.size, dtype=torch.bool)
        if not _may_follow(tail, "", source):  # the number so far may not end here
            forbidden[:] = True
        for token in self.number_tokens.numberish:
            forbidden[token] = not _may_follow(tail, self.tokens.joined(tail, token), source)
        return forbidden


@dataclass(frozen=True)
class _NumberAtEnd:
    """The number a text ends in: ``arabic`` (as written) or a ``chinese`` numeral run, and where it starts."""

    kind: str
    text: str
    start: int
    ordinal: bool = False


def _number_at_end(text: str) -> _NumberAtEnd | None:
    arabic = _ARABIC_TAIL.search(text)
    if arabic:
        return _NumberAtEnd("arabic", arabic.group(0), arabic.start())
    chinese = _CHINESE_TAIL.search(text)
    if not chinese:
        return None
    begin = chinese.start(2)
    if begin > 0 and text[begin - 1].isdigit():
        return None  # the magnitude of an Arabic number (100万): part of that number
    return _NumberAtEnd("chinese", chinese.group(2), begin, bool(chinese.group(1)))


def _may_follow(tail: str, addition: str, source: SourceNumbers) -> bool:
    """Whether ``tail + addition`` writes its numbers as the source does, as far as it goes.

    ``addition`` is what a digit, separator, numeral or unit token adds, or ``""`` for anything else
    (another character, the end of the line).  A number that ``addition`` ends must be a whole number
    of the source, with ``addition`` as its unit when it is one; a number still being written must be
    on the way to one.
    """
    before = _number_at_end(tail)
    after = _number_at_end(tail + addition) if addition else None
    if before and not (after and (after.kind, after.start) == (before.kind, before.start)):
        unit = addition if addition in NUMBER_UNITS else ""
        if not _may_end(before, unit, source):
            return False
    if after is None:
        return True
    if after.kind == "arabic":
        return after.text in source.arabic_prefixes
    return (len(after.text) == 1 and not after.ordinal) or after.text in source.chinese_prefixes


def _may_end(number: _NumberAtEnd, unit: str, source: SourceNumbers) -> bool:
    """Whether ``number`` may end here, followed by ``unit`` (``""``: by no unit)."""
    if number.kind == "arabic":
        if number.text[-1] in _SEPARATORS or number.text not in source.arabic:
            return False
        return not unit or (DIGIT_GROUP_COMMA.sub("", number.text), unit) in source.with_unit
    if unit:
        return (number.text, unit) in source.with_unit
    return (len(number.text) == 1 and not number.ordinal) or number.text in source.bare
