"""Forbidden tokens added to the scores as 0 / -inf give what masked_fill_ gives."""

from __future__ import annotations

import math

import torch

from yxsumm.score_masks import additive, forbid


def test_adding_the_mask_forbids_the_same_tokens_and_keeps_the_others_exactly() -> None:
    generator = torch.Generator().manual_seed(0)
    scores = torch.randn(24, 300, generator=generator).log_softmax(-1)
    scores[3, :5] = -math.inf  # already forbidden by an earlier processor
    forbidden = torch.rand(24, 300, generator=generator) < 0.1
    expected = scores.clone().masked_fill_(forbidden, -math.inf)
    assert torch.equal(forbid(scores.clone(), additive(forbidden)), expected)


def test_the_mask_follows_the_scores_dtype() -> None:
    scores = torch.zeros(2, 3, dtype=torch.float16)
    forbidden = torch.tensor([[True, False, False], [False, False, True]])
    masked = forbid(scores, additive(forbidden))
    assert masked.dtype == torch.float16
    assert masked.isinf().tolist() == forbidden.tolist()


def test_row_masks_give_each_beam_its_source_row_and_forbid_nothing_past_it() -> None:
    from yxsumm.score_masks import RowMasks

    per_source = torch.tensor([[True, False, False], [False, True, False]])
    masks = RowMasks(per_source)
    rows = masks(4, 5)  # two sources of two beams each, scores wider than the per-source rows
    assert rows.isinf().tolist() == [[True, False, False, False, False]] * 2 + [[False, True, False, False, False]] * 2
    assert masks(4, 5) is rows  # kept: asked again at every step
