"""Numbers can only be written as the source writes them: the same digits, magnitude and measure.

:class:`~yxsumm.copy_constraint.WholeWordCopyProcessor` makes every ASCII word of a line a word of the
source, but a number is more than its digit words: the model still wrote ``518亿元`` for ``518.32亿元``
(stopping at the decimal point), ``10日`` where the source has ``10`` only as a month, ``2.55万元`` for
``2.55万亿元``, and Chinese numerals it never copied (``二十四届`` for ``二十届``, ``十五`` for
``十五五``).  The output guard refuses such lines (:func:`yxsumm.faithfulness.unsupported_facts`), so
beam search spent its beams on lines that can never be printed.

:class:`NumberCopyProcessor` is a ``transformers`` logits processor that applies the guard's number
rule (:func:`~yxsumm.faithfulness.number_supported`) while decoding, one token at a time:

* an Arabic number (``518.32``, ``1,000``) goes on only along a number of the source and ends only
  where one ends;
* its magnitude (``万亿``) goes on only along a magnitude the source gives that number, and a measure
  (``元``, ``年``, ``%``) follows only where the source writes that number with it;
* a run of Chinese numerals that is a fact (two or more numerals, or after ``第``) goes on only along
  such a run of the source, and takes only a measure the source gives it.

It works on character vocabularies whose digits and numerals are single tokens (the bundled model's);
a token of more than one character reads as a boundary and is not constrained.  Only rows whose last
token is a digit, separator, numeral or ``第`` are read (their tails are cached per source); on the
example article it costs about 30 ms (cProfile: 34 ms of a 0.6 s summary).
"""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass

import torch
from transformers import LogitsProcessor, PreTrainedTokenizerBase

from .character_tokens import character_tokens, source_of_rows
from .faithfulness import (
    CHINESE_DIGITS,
    DIGIT_GROUP_COMMA,
    MAGNITUDES,
    MEASURES,
    NumberFact,
    fact_normalise,
    number_supported,
    source_numbers,
)
from .score_masks import RowMasks, additive, forbid

#: Arabic number as the processor reads it: digits, with ``.`` or ``,`` between digit groups.
_ARABIC_RUN = re.compile(r"\d+(?:[.,]\d+)*")
_ARABIC_TAIL = re.compile(r"(?<![A-Za-z\d])\d+(?:[.,]\d+)*[.,]?$")
_MAGNITUDE_TAIL = re.compile(rf"(?<![A-Za-z\d])(\d+(?:[.,]\d+)*) ?([{MAGNITUDES}]+)$")
_CHINESE_TAIL = re.compile(rf"(第?)([{CHINESE_DIGITS}]+)$")
#: Tokens of the line read back for the state (a number longer than this is not checked further).
_TAIL_TOKENS = 24
_SEPARATORS = ".,"


@dataclass(frozen=True)
class _NumberTokens:
    """The token ids of each kind the rule decides, with their characters."""

    digit_starts: list[tuple[int, str]]  # a digit that starts an ASCII word (after a digit: a new number)
    digit_pieces: list[tuple[int, str]]  # a ``##`` digit: goes on with the ASCII word before it
    separators: list[tuple[int, str]]
    magnitudes: list[tuple[int, str]]  # 十百千万亿: an Arabic number's magnitude, or numerals
    numerals: list[tuple[int, str]]  # the other Chinese numerals
    measures: list[tuple[int, str]]
    ordinals: list[int]  # 第
    numeric_mask: torch.Tensor  # digits, separators, numerals and 第: rows ending in one are checked


_NUMBER_TOKENS: weakref.WeakKeyDictionary[PreTrainedTokenizerBase, _NumberTokens] = weakref.WeakKeyDictionary()


def _number_tokens(tokenizer: PreTrainedTokenizerBase) -> _NumberTokens:
    if tokenizer not in _NUMBER_TOKENS:
        tokens = character_tokens(tokenizer)

        def kind(characters: str | frozenset[str]) -> list[tuple[int, str]]:
            return [(token, tokens.chars[token]) for token in tokens.ids_of("".join(characters))]

        digits = kind("0123456789")
        numeric = torch.zeros(tokens.size, dtype=torch.bool)
        numeric[tokens.ids_of("0123456789" + _SEPARATORS + CHINESE_DIGITS + "第")] = True
        _NUMBER_TOKENS[tokenizer] = _NumberTokens(
            digit_starts=[(t, c) for t, c in digits if tokens.starts_word[t]],
            digit_pieces=[(t, c) for t, c in digits if not tokens.starts_word[t]],
            separators=kind(_SEPARATORS),
            magnitudes=kind(MAGNITUDES),
            numerals=kind("".join(c for c in CHINESE_DIGITS if c not in MAGNITUDES)),
            measures=kind(MEASURES),
            ordinals=tokens.ids_of("第"),
            numeric_mask=numeric,
        )
    return _NUMBER_TOKENS[tokenizer]


@dataclass(frozen=True)
class SourceNumbers:
    """What a line may write of one source's numbers.

    ``arabic``: every Arabic number of the source as written, ``arabic_prefixes`` their prefixes;
    ``chinese_prefixes``: the prefixes of its numeral runs that are facts; ``facts``: its numbers as
    the fact check reads them (digits, magnitude, measure), ``magnitude_prefixes`` each number's
    digits with a prefix of its magnitude; ``bare``: the digits it accepts with neither.
    """

    arabic: frozenset[str]
    arabic_prefixes: frozenset[str]
    chinese_prefixes: frozenset[str]
    facts: frozenset[NumberFact]
    magnitude_prefixes: frozenset[tuple[str, str]]
    bare: frozenset[str]

    @classmethod
    def of(cls, source: str) -> SourceNumbers:
        """The numbers of ``source`` (text as the tokens read it)."""
        arabic = frozenset(m.group(0) for m in _ARABIC_RUN.finditer(source) if not _after_letter(source, m.start()))
        facts, bare = source_numbers(fact_normalise(source))
        chinese = frozenset(d for d, _, _ in facts if d[0] in CHINESE_DIGITS)  # the runs the check counts
        magnitudes = frozenset((d, m[:end]) for d, m, _ in facts for end in range(1, len(m) + 1))
        return cls(arabic, _prefixes(arabic), _prefixes(chinese), facts, magnitudes, bare)


def _after_letter(text: str, position: int) -> bool:
    return position > 0 and text[position - 1].isascii() and text[position - 1].isalpha()


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
        self._after_tail: dict[tuple[int, str], torch.Tensor] = {}  # additive masks (yxsumm.score_masks)
        # Outside a number, a digit may start one only if some number of the source starts with it.
        self.no_start = torch.zeros((len(self.sources), self.tokens.size), dtype=torch.bool)
        for row, source in enumerate(self.sources):
            for token, char in self.number_tokens.digit_starts:
                self.no_start[row, token] = char not in source.arabic_prefixes
        self._no_start_rows = RowMasks(self.no_start)

    def __call__(self, input_ids: torch.LongTensor, scores: torch.FloatTensor) -> torch.FloatTensor:
        """Set the scores of forbidden tokens to ``-inf``."""
        size = self.tokens.size
        rows = input_ids.shape[0]
        width = min(scores.shape[-1], size)
        outside = self._no_start_rows(rows, scores.shape[-1])
        last = input_ids[:, -1].cpu().clamp(min=0, max=size - 1)
        numeric_rows = self.number_tokens.numeric_mask[last].nonzero().flatten().tolist()
        if not numeric_rows:  # the usual step: no row is inside a number, the mask is the last step's
            return forbid(scores, outside)
        forbidden = outside.clone()
        sources = source_of_rows(rows, len(self.sources))
        for row in numeric_rows:
            index = int(sources[row])
            tail = self.tokens.read(input_ids[row, -_TAIL_TOKENS:].tolist())
            if (index, tail) not in self._after_tail:  # beams of one source often share their tail
                after = self._forbidden_after(tail, self.sources[index], self.no_start[index])
                self._after_tail[index, tail] = additive(after)
            forbidden[row, :width] = self._after_tail[index, tail][:width]
        # A row left without any finite score is a beam that cannot go on without inventing: it ends here.
        return forbid(scores, forbidden)

    def _forbidden_after(self, tail: str, source: SourceNumbers, no_start: torch.Tensor) -> torch.Tensor:
        """The tokens that may not follow ``tail``, a line that ends in a digit, separator, numeral or ``第``."""
        kinds = self.number_tokens
        number = _number_at_end(tail)
        if number is None:
            forbidden = no_start.clone()
            for token, char in kinds.digit_pieces:  # glued to a character that is no digit: a new number
                forbidden[token] = char not in source.arabic_prefixes
            if tail.endswith("第"):  # an ordinal is a fact: it may only start a numeral run of the source
                for token, char in kinds.numerals + kinds.magnitudes:
                    forbidden[token] = char not in source.chinese_prefixes
            return forbidden
        ends = _may_end(number, "", source)  # whether anything that is no part of the number may follow
        # Digits start a new number (unless the rules below let them go on this one); 第 starts an ordinal.
        digits = kinds.digit_starts + kinds.digit_pieces
        allowed = {token: ends and char in source.arabic_prefixes for token, char in digits}
        allowed.update({token: ends for token in kinds.ordinals})
        if number.kind == "arabic" and number.text[-1] in _SEPARATORS:
            allowed.update(self._after_separator(number, source))
            return self._row(allowed, default_allowed=False)
        if number.kind == "arabic":
            allowed.update(self._after_digits(number, source, ends))
        elif number.kind == "magnitude":
            allowed.update(self._after_magnitude(number, source, ends))
        else:
            allowed.update(self._after_numerals(number, source, ends))
        return self._row(allowed, default_allowed=ends)

    def _after_separator(self, number: _NumberAtEnd, source: SourceNumbers) -> dict[int, bool]:
        """After ``518.``: only a digit that goes on along a number of the source."""
        kinds = self.number_tokens
        return {t: number.text + c in source.arabic_prefixes for t, c in kinds.digit_starts + kinds.digit_pieces}

    def _after_digits(self, number: _NumberAtEnd, source: SourceNumbers, ends: bool) -> dict[int, bool]:
        """After ``518`` or ``518.3``: more digits, a separator, a magnitude or a measure, as the source has."""
        kinds = self.number_tokens
        digits = number.text
        value = DIGIT_GROUP_COMMA.sub("", digits)
        complete = digits in source.arabic
        allowed = {t: digits + c in source.arabic_prefixes for t, c in kinds.digit_pieces + kinds.separators}
        allowed.update({t: complete and (value, c) in source.magnitude_prefixes for t, c in kinds.magnitudes})
        allowed.update({t: ends for t, _ in kinds.numerals})
        allowed.update({t: complete and (value, "", c) in source.facts for t, c in kinds.measures})
        return allowed

    def _after_magnitude(self, number: _NumberAtEnd, source: SourceNumbers, ends: bool) -> dict[int, bool]:
        """After ``2.55万``: more of the source's magnitude for that number, or its measure."""
        kinds = self.number_tokens
        value = DIGIT_GROUP_COMMA.sub("", number.text)
        allowed = {t: ends for t, _ in kinds.separators + kinds.numerals}
        allowed.update({t: (value, number.magnitude + c) in source.magnitude_prefixes for t, c in kinds.magnitudes})
        allowed.update({t: (value, number.magnitude, c) in source.facts for t, c in kinds.measures})
        return allowed

    def _after_numerals(self, number: _NumberAtEnd, source: SourceNumbers, ends: bool) -> dict[int, bool]:
        """After ``二十``: more numerals along a run of the source, or the measure it gives that run."""
        kinds = self.number_tokens
        allowed = {t: number.text + c in source.chinese_prefixes for t, c in kinds.numerals + kinds.magnitudes}
        allowed.update({t: ends for t, _ in kinds.separators})
        allowed.update({t: (number.text, "", c) in source.facts for t, c in kinds.measures})
        return allowed

    def _row(self, allowed: dict[int, bool], *, default_allowed: bool) -> torch.Tensor:
        """A row of the mask: ``allowed`` for those tokens, ``default_allowed`` for every other."""
        forbidden = torch.full((self.tokens.size,), not default_allowed, dtype=torch.bool)
        decided = torch.tensor(list(allowed), dtype=torch.long)
        forbidden[decided] = ~torch.tensor(list(allowed.values()), dtype=torch.bool)
        return forbidden


@dataclass(frozen=True)
class _NumberAtEnd:
    """The number a text ends in.

    ``arabic``: digits as written (``518.3``); ``magnitude``: digits and the magnitude so far
    (``2.55``, ``万``); ``chinese``: a numeral run, after ``第`` or not.
    """

    kind: str
    text: str
    ordinal: bool = False
    magnitude: str = ""


def _number_at_end(text: str) -> _NumberAtEnd | None:
    arabic = _ARABIC_TAIL.search(text)
    if arabic:
        return _NumberAtEnd("arabic", arabic.group(0))
    scaled = _MAGNITUDE_TAIL.search(text)
    if scaled:
        return _NumberAtEnd("magnitude", scaled.group(1), magnitude=scaled.group(2))
    chinese = _CHINESE_TAIL.search(text)
    if not chinese or (chinese.start(2) > 0 and text[chinese.start(2) - 1].isdigit()):
        return None
    return _NumberAtEnd("chinese", chinese.group(2), bool(chinese.group(1)))


def _may_end(number: _NumberAtEnd, measure: str, source: SourceNumbers) -> bool:
    """Whether ``number`` may end here, followed by ``measure`` (``""``: by none)."""
    if number.kind == "arabic" and (number.text[-1] in _SEPARATORS or number.text not in source.arabic):
        return False
    digits = DIGIT_GROUP_COMMA.sub("", number.text) if number.kind != "chinese" else number.text
    if number.kind == "chinese" and not measure and len(digits) == 1 and not number.ordinal:
        return True  # a lone numeral in a word (统一) is no number
    return number_supported((digits, number.magnitude, measure), source.facts, source.bare)
