"""The no-stutter rule of the guard's beam search: no 2–4 tokens twice in a row."""

from __future__ import annotations

import math

import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from yxsumm.repeat_constraint import TandemRepeatProcessor, stutter_token


def test_the_token_that_would_repeat_the_last_tokens_is_found() -> None:
    assert stutter_token([7, 1, 2, 1], 2) == 2  # 必胜必 → 胜 would give 必胜必胜
    assert stutter_token([1, 2, 3, 1, 2], 3) == 3
    assert stutter_token([1, 2, 3], 2) is None
    assert stutter_token([1], 2) is None


def test_stutters_are_masked_and_single_token_doubling_is_not() -> None:
    scores = torch.zeros(3, 10)
    input_ids = torch.tensor([[0, 5, 6, 5], [0, 4, 5, 6], [0, 1, 2, 4]])
    masked = TandemRepeatProcessor()(input_ids, scores.clone())
    assert masked[0, 6].item() == -math.inf  # 5 6 5 → 6 would repeat "5 6"
    assert math.isfinite(masked[0, 5].item())  # 5 6 5 5 doubles one token: allowed
    assert torch.isfinite(masked[1]).all() and torch.isfinite(masked[2]).all()


def test_a_row_is_never_left_without_a_token() -> None:
    scores = torch.full((1, 10), -math.inf)
    scores[0, 6] = 0.0
    masked = TandemRepeatProcessor()(torch.tensor([[0, 5, 6, 5]]), scores)
    assert masked[0, 6].item() == 0.0


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.integers(0, 3), min_size=8, max_size=8), min_size=1, max_size=6))
def test_the_processor_masks_exactly_what_the_rule_finds_row_by_row(rows: list[list[int]]) -> None:
    # Few distinct tokens, so that repeats of every size occur; the processor compares all rows at once.
    input_ids = torch.tensor(rows)
    masked = TandemRepeatProcessor()(input_ids, torch.zeros(len(rows), 4))
    for row, generated in enumerate(rows):
        banned = {stutter_token(generated, size) for size in (2, 3, 4)} - {None}
        assert {t for t in range(4) if masked[row, t].item() == -math.inf} == banned
