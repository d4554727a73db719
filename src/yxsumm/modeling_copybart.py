"""A BART encoder-decoder with a pointer-generator copy head.

The model is a plain :class:`~transformers.BartForConditionalGeneration` whose output distribution
is mixed with a copy distribution over the source tokens (See et al., 2017):

    p(w) = p_gen * softmax(lm_head(h_dec))[w] + (1 - p_gen) * sum_{i: x_i = w} a_i

where ``a`` is a small single-head attention of the decoder state over the encoder states and
``p_gen`` is a learned gate.  ``forward`` returns ``log p`` in ``logits`` so that the standard
``generate()`` (beam search, ``no_repeat_ngram_size``, length penalty) works unchanged: a
log-softmax over log-probabilities is the identity.

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
    AutoConfig,
    AutoModelForSeq2SeqLM,
    BartConfig,
    BartForConditionalGeneration,
)
from transformers.modeling_outputs import BaseModelOutput, Seq2SeqLMOutput
from transformers.models.bart.modeling_bart import shift_tokens_right

_LOG_EPS = 1e-9


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
    ) -> tuple[torch.Tensor, torch.Tensor]:
        """Return (copy attention ``[B, T, S]``, p_gen ``[B, T, 1]``)."""
        scores = torch.matmul(self.query(decoder_states), self.key(encoder_states).transpose(1, 2))
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
        )
        return model_kwargs

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
        vocab_logits = self.lm_head(decoder_states) + self.final_logits_bias.to(decoder_states.device)
        attention, p_gen = self.copy_head(decoder_states, encoder_states, attention_mask)
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
            log_probs = torch.log(p_gen * vocab_probs + (1.0 - p_gen) * copy_probs + _LOG_EPS)
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
