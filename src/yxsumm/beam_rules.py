"""Two of ``transformers``' beam-search rules, applied without a pass over the whole vocabulary.

``no_repeat_ngram_size`` and ``min_length`` are rules of the model's generation config (the bundled model
has 3 and 4).  ``transformers`` applies them with a mask as wide as the vocabulary at every step
(``masked_fill`` and ``clone`` of 24 × 5,838 scores, about 0.2 ms each on this CPU); here they set only
the scores they forbid, which is the same result.  :func:`take_over_beam_rules` hands them to these
processors only where that cannot change what beam search does: the processors run after ``transformers``'
own ones, so no rule that sets or renormalises scores may sit between (forced BOS, invalid-value removal,
an exponential length penalty, renormalisation, sampling, watermarking), and ``min_length`` is left alone
when the forced end of the line could fall on a step it still forbids the end.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from typing import Any

import torch
from transformers import LogitsProcessor, PreTrainedModel


class NoRepeatNGramProcessor(LogitsProcessor):
    """No line repeats an n-gram: the token that would complete one already in the line gets ``-inf``
    (``transformers``' ``NoRepeatNGramLogitsProcessor``, setting only the banned scores)."""

    def __init__(self, size: int) -> None:
        if size < 1:
            raise ValueError(f"an n-gram has at least one token, not {size}")
        self.size = size

    def __call__(self, input_ids: torch.LongTensor, scores: torch.FloatTensor) -> torch.FloatTensor:
        """Set the banned scores to ``-inf`` in place."""
        length = input_ids.shape[-1]
        if length < self.size:
            return scores
        prefix = input_ids[:, length + 1 - self.size :]
        windows = input_ids.unfold(dimension=1, size=self.size, step=1)
        rows, starts = (windows[..., :-1] == prefix.unsqueeze(1)).all(dim=-1).nonzero(as_tuple=True)
        tokens = windows[rows, starts, -1]
        inside = tokens < scores.shape[-1]  # an id past the scores cannot be generated: nothing to ban
        scores[rows[inside], tokens[inside]] = -float("inf")
        return scores


class MinLengthProcessor(LogitsProcessor):
    """No line ends before ``min_length`` tokens (the decoder start counted), as ``transformers``' rule."""

    def __init__(self, min_length: int, eos_token_ids: Sequence[int]) -> None:
        self.min_length = min_length
        self.eos_token_ids = list(eos_token_ids)

    def __call__(self, input_ids: torch.LongTensor, scores: torch.FloatTensor) -> torch.FloatTensor:
        """Set the end-of-line scores to ``-inf`` in place while the lines are too short."""
        if input_ids.shape[-1] < self.min_length:
            scores[:, [t for t in self.eos_token_ids if t < scores.shape[-1]]] = -float("inf")
        return scores


def take_over_beam_rules(
    model: PreTrainedModel, generate_kwargs: dict[str, Any]
) -> tuple[list[LogitsProcessor], dict[str, Any]]:
    """The processors that replace ``transformers``' no-repeat and minimum-length rules for this call, and
    the ``generate`` options that turn those rules off (none and no options when it cannot be the same:
    see the module's note).  The processors must come first among the caller's own."""
    config = copy.deepcopy(model.generation_config)
    config.update(**generate_kwargs)
    if (
        config.do_sample
        or config.forced_bos_token_id is not None
        or config.remove_invalid_values
        or config.exponential_decay_length_penalty is not None
        or config.renormalize_logits
        or getattr(config, "watermarking_config", None) is not None
    ):
        return [], {}
    processors: list[LogitsProcessor] = []
    options: dict[str, Any] = {}
    size = config.no_repeat_ngram_size or 0
    if size > 0:
        processors.append(NoRepeatNGramProcessor(size))
        options["no_repeat_ngram_size"] = 0
    eos = config.eos_token_id
    eos_ids = [eos] if isinstance(eos, int) else list(eos or [])
    min_length = config.min_length or 0
    forced_end_after_it = config.max_new_tokens is None and min_length < (config.max_length or 0) - 1
    if min_length > 0 and eos_ids and forced_end_after_it:
        processors.append(MinLengthProcessor(min_length, eos_ids))
        options["min_length"] = 0
    return processors, options
