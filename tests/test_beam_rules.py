"""transformers' no-repeat and minimum-length rules, set only where they forbid: the same scores."""

from __future__ import annotations

import math

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from transformers import GenerationConfig
from transformers.generation.logits_process import MinLengthLogitsProcessor, NoRepeatNGramLogitsProcessor

from yxsumm.beam_rules import MinLengthProcessor, NoRepeatNGramProcessor, take_over_beam_rules


@settings(max_examples=200, deadline=None)
@given(
    st.integers(1, 4),
    st.lists(st.lists(st.integers(0, 7), min_size=1, max_size=12), min_size=1, max_size=5),
    st.integers(6, 9),
)
def test_no_repeat_bans_exactly_what_transformers_bans(size: int, rows: list[list[int]], vocab: int) -> None:
    length = min(map(len, rows))
    input_ids = torch.tensor([row[:length] for row in rows])  # ids up to 7: some past a 6-wide vocabulary
    scores = torch.randn(len(rows), vocab, generator=torch.Generator().manual_seed(length))
    expected = NoRepeatNGramLogitsProcessor(size)(input_ids, scores.clone())
    assert torch.equal(NoRepeatNGramProcessor(size)(input_ids, scores.clone()), expected)


@pytest.mark.parametrize("length", [1, 3, 4, 6])
def test_min_length_forbids_the_end_as_transformers_does(length: int) -> None:
    input_ids = torch.zeros((2, length), dtype=torch.long)
    scores = torch.randn(2, 10)
    expected = MinLengthLogitsProcessor(4, [3, 5])(input_ids, scores.clone())
    got = MinLengthProcessor(4, [3, 5])(input_ids, scores.clone())
    assert torch.equal(got, expected)
    assert (got[:, 3].eq(-math.inf).all().item()) == (length < 4)


class _Model:
    def __init__(self, **config: object) -> None:
        self.generation_config = GenerationConfig(**config)


def test_the_rules_are_taken_over_only_where_the_result_is_the_same() -> None:
    bundled_like = {"no_repeat_ngram_size": 3, "min_length": 4, "max_length": 40, "eos_token_id": 3, "num_beams": 4}
    processors, options = take_over_beam_rules(_Model(**bundled_like), {})
    assert [type(p) for p in processors] == [NoRepeatNGramProcessor, MinLengthProcessor]
    assert options == {"no_repeat_ngram_size": 0, "min_length": 0}
    # A rule that sets scores between transformers' rules and the caller's: nothing is taken over.
    assert take_over_beam_rules(_Model(**bundled_like, forced_bos_token_id=0), {}) == ([], {})
    assert take_over_beam_rules(_Model(**bundled_like), {"renormalize_logits": True}) == ([], {})
    # The forced end (max_length - 1) would fall on a step where min_length still forbids it.
    processors, options = take_over_beam_rules(_Model(**bundled_like), {"max_length": 4})
    assert [type(p) for p in processors] == [NoRepeatNGramProcessor] and options == {"no_repeat_ngram_size": 0}
    assert take_over_beam_rules(_Model(eos_token_id=3), {}) == ([], {})  # no rule to take over
