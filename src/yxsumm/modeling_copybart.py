"""A BART encoder-decoder with a pointer-generator copy head.

The model is a plain :class:`~transformers.BartForConditionalGeneration` whose output distribution
is mixed with a copy distribution over the source tokens (See et al., 2017):

    p(w) = p_gen * softmax(lm_head(h_dec))[w] + (1 - p_gen) * sum_{i: x_i = w} a_i

where ``a`` is a small single-head attention of the decoder state over the encoder states and
``p_gen`` is a learned gate.  ``forward`` returns ``log p`` in ``logits`` so that the standard
``generate()`` (beam search, ``no_repeat_ngram_size``, length penalty) works unchanged: a
log-softmax over log-probabilities is the identity.

Beam search is made cheaper for this model without changing its results: the beams of one source
share a single copy of its encoder states (the ``copy_bart_sdpa`` attention folds them into the query
axis), the copy head's key projection of the source is computed once per ``generate`` call, and the
cross-attention cache is never reordered.  Loading with ``attn_implementation="eager"`` turns the
sharing off.

Importing :mod:`yxsumm` registers the config and the model with the ``Auto`` classes, so
``AutoModelForSeq2SeqLM.from_pretrained(folder)`` loads a saved copy-BART like any checkpoint.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from typing import Any

import torch
from torch import nn
from transformers import (
    AttentionInterface,
    AutoConfig,
    AutoModelForSeq2SeqLM,
    BartConfig,
    BartForConditionalGeneration,
)
from transformers.cache_utils import EncoderDecoderCache
from transformers.integrations.sdpa_attention import sdpa_attention_forward
from transformers.masking_utils import AttentionMaskInterface, sdpa_mask
from transformers.modeling_outputs import BaseModelOutput, Seq2SeqLMOutput
from transformers.models.bart.modeling_bart import shift_tokens_right

_LOG_EPS = 1e-9
#: Attention implementation name: SDPA that lets all beams of a source share one copy of its encoder states.
SHARED_SOURCE_SDPA = "copy_bart_sdpa"


def shared_source_sdpa(
    module: nn.Module,
    query: torch.Tensor,
    key: torch.Tensor,
    value: torch.Tensor,
    attention_mask: torch.Tensor | None,
    **kwargs: Any,
) -> tuple[torch.Tensor, None]:
    """SDPA where ``query`` may hold ``r`` rows (beams) per row of ``key``/``value`` (cross-attention).

    Beam search normally copies every source's encoder states once per beam and re-reads all copies at
    each step.  Here the beams of one source are folded into the query-length axis, so each source's
    keys and values are stored and read once.  With equal row counts this is plain SDPA.
    """
    rows, kv_rows = query.shape[0], key.shape[0]
    if rows == kv_rows:
        return sdpa_attention_forward(module, query, key, value, attention_mask, **kwargs)
    if rows % kv_rows:
        raise ValueError(f"{rows} query rows cannot share {kv_rows} key/value rows")
    beams, heads, length, dim = rows // kv_rows, query.shape[1], query.shape[2], query.shape[3]
    folded = query.view(kv_rows, beams, heads, length, dim).transpose(1, 2).reshape(kv_rows, heads, -1, dim)
    if attention_mask is not None:  # a cross-attention mask is the same for every query position
        attention_mask = attention_mask[:, :, :1, :]
    kwargs["is_causal"] = False
    output, _ = sdpa_attention_forward(module, folded, key, value, attention_mask, **kwargs)
    # output: [kv_rows, beams * length, heads, dim] -> [rows, length, heads, dim]
    return output.reshape(rows, length, heads, dim), None


AttentionInterface.register(SHARED_SOURCE_SDPA, shared_source_sdpa)
AttentionMaskInterface.register(SHARED_SOURCE_SDPA, sdpa_mask)


class CopyBartConfig(BartConfig):
    """Configuration of :class:`CopyBartForConditionalGeneration` (a BART config plus the copy head size)."""

    model_type = "copy_bart"

    def __init__(self, copy_attention_dim: int = 128, **kwargs: Any) -> None:
        self.copy_attention_dim = copy_attention_dim
        super().__init__(**kwargs)


@dataclass
class CopyEncoderOutput(BaseModelOutput):
    """Encoder output that also carries the source token ids the copy head scatters onto."""

    source_ids: torch.LongTensor | None = None
    copy_keys: torch.Tensor | None = None


class CopyHead(nn.Module):
    """Single-head attention of decoder states over encoder states, plus the generation gate."""

    def __init__(self, d_model: int, attention_dim: int) -> None:
        super().__init__()
        self.query = nn.Linear(d_model, attention_dim, bias=False)
        self.key = nn.Linear(d_model, attention_dim, bias=False)
        self.gate = nn.Linear(2 * d_model, 1)
        self.scale = attention_dim**-0.5

    def forward(
        self,
        decoder_states: torch.Tensor,
        encoder_states: torch.Tensor,
        encoder_mask: torch.Tensor | None,
        keys: torch.Tensor | None = None,
    ) -> tuple[torch.Tensor, torch.Tensor]:
        """Return (copy attention ``[B, T, S]``, p_gen ``[B, T, 1]``).

        ``keys`` are ``self.key(encoder_states)`` when the caller has them already (generation computes
        them once per source instead of once per decoding step).
        """
        if keys is None:
            keys = self.key(encoder_states)
        scores = torch.matmul(self.query(decoder_states), keys.transpose(1, 2))
        scores = scores * self.scale
        if encoder_mask is not None:
            scores = scores.masked_fill(encoder_mask[:, None, :] == 0, torch.finfo(scores.dtype).min)
        attention = scores.softmax(dim=-1)
        context = torch.matmul(attention, encoder_states)
        p_gen = torch.sigmoid(self.gate(torch.cat([decoder_states, context], dim=-1)))
        return attention, p_gen


class CopyBartForConditionalGeneration(BartForConditionalGeneration):
    """BART with a pointer-generator copy head; ``logits`` are log-probabilities of the mixture."""

    config_class = CopyBartConfig

    def __init__(self, config: CopyBartConfig) -> None:
        super().__init__(config)
        self.copy_head = CopyHead(config.d_model, config.copy_attention_dim)
        self.post_init()

    def get_correct_attn_implementation(self, requested_attention: str | None, is_init_check: bool = False) -> str:
        """Use the beam-sharing SDPA wherever plain SDPA would be used (the default)."""
        chosen = super().get_correct_attn_implementation(requested_attention, is_init_check)
        return SHARED_SOURCE_SDPA if chosen == "sdpa" else chosen

    def _shares_source_across_beams(self) -> bool:
        return self.config._attn_implementation == SHARED_SOURCE_SDPA

    def _expand_inputs_for_generation(  # type: ignore[override]
        self,
        expand_size: int = 1,
        is_encoder_decoder: bool = False,
        input_ids: torch.LongTensor | None = None,
        **model_kwargs: Any,
    ) -> tuple[torch.LongTensor | None, dict[str, Any]]:
        """Expand the decoder inputs per beam but keep one copy of each source's encoder states and mask."""
        if expand_size == 1 or not self._shares_source_across_beams():
            return super()._expand_inputs_for_generation(expand_size, is_encoder_decoder, input_ids, **model_kwargs)
        shared = {key: model_kwargs.pop(key) for key in ("encoder_outputs", "attention_mask") if key in model_kwargs}
        input_ids, model_kwargs = super()._expand_inputs_for_generation(expand_size, False, input_ids, **model_kwargs)
        model_kwargs.update(shared)
        return input_ids, model_kwargs

    def _prepare_text_encoder_decoder_kwargs_for_generation(  # type: ignore[override]
        self,
        inputs_tensor: torch.Tensor,
        model_kwargs: dict[str, Any],
        model_input_name: str | None,
        generation_config: Any,
    ) -> dict[str, Any]:
        """Run the encoder once for ``generate`` and keep the source ids beside its states."""
        model_kwargs = super()._prepare_text_encoder_decoder_kwargs_for_generation(
            inputs_tensor, model_kwargs, model_input_name, generation_config
        )
        encoded = model_kwargs["encoder_outputs"]
        model_kwargs["encoder_outputs"] = CopyEncoderOutput(
            last_hidden_state=encoded.last_hidden_state,
            hidden_states=encoded.hidden_states,
            attentions=encoded.attentions,
            source_ids=inputs_tensor,
            copy_keys=self.copy_head.key(encoded.last_hidden_state),
        )
        return model_kwargs

    def _reorder_cache(self, cache: Any, beam_idx: torch.LongTensor) -> Any:
        """Reorder the cache between beam-search steps, leaving the cross-attention part alone.

        All beams of one source share the same encoder states, so the cross-attention keys and values are
        identical across the rows ``beam_idx`` picks from; copying them every step is wasted time.
        """
        if isinstance(cache, EncoderDecoderCache):
            cache.self_attention_cache.reorder_cache(beam_idx)
        else:
            cache.reorder_cache(beam_idx)
        return cache

    @staticmethod
    def _copy_nll(
        vocab_logits: torch.Tensor,
        attention: torch.Tensor,
        p_gen: torch.Tensor,
        source_ids: torch.Tensor,
        labels: torch.Tensor,
    ) -> torch.Tensor:
        """Mean NLL of the gold tokens under the mixture, without materialising it over the vocabulary."""
        mask = labels != -100
        safe_labels = labels.masked_fill(~mask, 0)
        vocab_log_probs = -nn.functional.cross_entropy(
            vocab_logits.float().transpose(1, 2), safe_labels, reduction="none"
        )
        copy_prob = (attention.float() * (source_ids[:, None, :] == safe_labels[:, :, None])).sum(-1)
        gold = p_gen.squeeze(-1) * vocab_log_probs.exp() + (1.0 - p_gen.squeeze(-1)) * copy_prob
        nll = -torch.log(gold + _LOG_EPS)
        return (nll * mask).sum() / mask.sum().clamp(min=1)

    def forward(  # type: ignore[override]
        self,
        input_ids: torch.LongTensor | None = None,
        attention_mask: torch.Tensor | None = None,
        decoder_input_ids: torch.LongTensor | None = None,
        decoder_attention_mask: torch.LongTensor | None = None,
        encoder_outputs: Any = None,
        cache: Any = None,
        inputs_embeds: torch.Tensor | None = None,
        decoder_inputs_embeds: torch.Tensor | None = None,
        labels: torch.LongTensor | None = None,
        use_cache: bool | None = None,
        **kwargs: Any,
    ) -> Seq2SeqLMOutput:
        """Compute log-probabilities of the vocabulary/copy mixture (and the NLL loss given ``labels``)."""
        source_ids = input_ids
        if source_ids is None and encoder_outputs is not None:
            source_ids = getattr(encoder_outputs, "source_ids", None)
        if source_ids is None:
            raise ValueError("CopyBart needs the source token ids (input_ids) to compute its copy distribution.")
        if labels is not None:
            use_cache = False
            if decoder_input_ids is None and decoder_inputs_embeds is None:
                decoder_input_ids = shift_tokens_right(
                    labels, self.config.pad_token_id, self.config.decoder_start_token_id
                )
        outputs = self.model(
            input_ids,
            attention_mask=attention_mask,
            decoder_input_ids=decoder_input_ids,
            encoder_outputs=encoder_outputs,
            decoder_attention_mask=decoder_attention_mask,
            cache=cache,
            inputs_embeds=inputs_embeds,
            decoder_inputs_embeds=decoder_inputs_embeds,
            use_cache=use_cache,
            **kwargs,
        )
        decoder_states = outputs.last_hidden_state
        encoder_states = outputs.encoder_last_hidden_state
        rows, steps = decoder_states.shape[:2]
        sources = encoder_states.shape[0]
        if rows != sources:  # beams share their source's encoder states: fold them into the time axis
            decoder_states = decoder_states.reshape(sources, -1, decoder_states.shape[-1])
        vocab_logits = self.lm_head(decoder_states) + self.final_logits_bias.to(decoder_states.device)
        copy_keys = getattr(encoder_outputs, "copy_keys", None)
        attention, p_gen = self.copy_head(decoder_states, encoder_states, attention_mask, copy_keys)
        p_gen = p_gen.float()

        loss = None
        log_probs = None
        if labels is not None:
            loss = self._copy_nll(vocab_logits, attention, p_gen, source_ids, labels)
        if labels is None or not self.training:
            # Full mixture over the vocabulary (cheap at generation time: one position per step).
            vocab_probs = vocab_logits.float().softmax(dim=-1)
            copy_index = source_ids[:, None, :].expand(-1, decoder_states.shape[1], -1)
            copy_probs = torch.zeros_like(vocab_probs).scatter_add_(-1, copy_index, attention.float())
            if torch.is_grad_enabled():
                log_probs = torch.log(p_gen * vocab_probs + (1.0 - p_gen) * copy_probs + _LOG_EPS)
            else:  # the same operations in place: four vocabulary-wide temporaries fewer a step
                log_probs = vocab_probs.mul_(p_gen).add_(copy_probs.mul_(1.0 - p_gen)).add_(_LOG_EPS).log_()
            log_probs = log_probs.reshape(rows, steps, -1)
        return Seq2SeqLMOutput(
            loss=loss,
            logits=log_probs,
            cache=outputs.cache,
            decoder_hidden_states=outputs.decoder_hidden_states,
            decoder_attentions=outputs.decoder_attentions,
            cross_attentions=outputs.cross_attentions,
            encoder_last_hidden_state=outputs.encoder_last_hidden_state,
            encoder_hidden_states=outputs.encoder_hidden_states,
            encoder_attentions=outputs.encoder_attentions,
        )


def register_auto_classes() -> None:
    """Register ``copy_bart`` with ``AutoConfig`` and ``AutoModelForSeq2SeqLM`` (idempotent)."""
    with contextlib.suppress(ValueError):  # already registered
        AutoConfig.register(CopyBartConfig.model_type, CopyBartConfig)
    with contextlib.suppress(ValueError):
        AutoModelForSeq2SeqLM.register(CopyBartConfig, CopyBartForConditionalGeneration)
