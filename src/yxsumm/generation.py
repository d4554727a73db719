"""Batched headline generation with any Hugging Face seq2seq model and tokenizer."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from typing import Any

import torch
from transformers import PreTrainedModel, PreTrainedTokenizerBase
from transformers.modeling_outputs import BaseModelOutput

from .beam_rules import take_over_beam_rules
from .copy_constraint import WholeWordCopyProcessor, supports_whole_word_copy
from .deadline import check_time
from .decoding import DEFAULT_BATCH_SIZE
from .number_copy import NumberCopyProcessor
from .postprocess import MAX_LINE_CHARS, clean_generated
from .repeat_constraint import TandemRepeatProcessor
from .spans import CLAUSE_ENDS
from .task_params import task_tokens
from .title_copy import TitleCopyProcessor
from .tokenization import join_wordpiece_tokens


def model_inputs(
    texts: Sequence[str],
    task: str | Sequence[str],
    tokenizer: PreTrainedTokenizerBase,
    max_chars: int,
    model: PreTrainedModel | None = None,
) -> list[str]:
    """The strings fed to the encoder: the task token the model asks for, then the truncated text.

    ``task`` is one task for all texts or one per text (``"headline"`` or ``"heading"``).  The task
    tokens come from ``model``'s configuration (:func:`~yxsumm.task_params.task_tokens`); without a
    model, from the tokenizer knowing yxsumm's tokens.
    """
    tasks = [task] * len(texts) if isinstance(task, str) else list(task)
    if len(tasks) != len(texts):
        raise ValueError(f"{len(tasks)} tasks for {len(texts)} texts")
    tokens = task_tokens(model, tokenizer)
    if tokens is None:
        return [text[:max_chars] for text in texts]
    return [tokens[t] + " " + text[:max_chars] for t, text in zip(tasks, texts, strict=True)]


def decode(tokenizer: PreTrainedTokenizerBase, ids: torch.Tensor) -> list[str]:
    """Decode generated ids to clean text (character-vocabulary WordPiece joined without spaces)."""
    results: list[str] = []
    is_wordpiece = type(tokenizer).__name__.startswith("Bert")
    special = set(tokenizer.all_special_ids)
    for row in ids.tolist():
        if is_wordpiece:
            tokens = tokenizer.convert_ids_to_tokens([i for i in row if i not in special])
            text = join_wordpiece_tokens(tokens)
        else:
            text = tokenizer.decode(row, skip_special_tokens=True, clean_up_tokenization_spaces=True)
        results.append(clean_generated(text))
    return results


@torch.inference_mode()
def generate_texts(
    model: PreTrainedModel,
    tokenizer: PreTrainedTokenizerBase,
    texts: Sequence[str],
    *,
    task: str | Sequence[str] = "headline",
    max_source_chars: int = 192,
    batch_size: int = DEFAULT_BATCH_SIZE,
    **generate_kwargs: Any,
) -> list[str]:
    """Generate one output per text, in batches sorted by length (results in input order).

    ``task`` is one task for all texts or one per text, so section headings and article headlines can
    share batches.
    """
    inputs = model_inputs(texts, task, tokenizer, max_source_chars, model)
    order = sorted(range(len(inputs)), key=lambda i: len(inputs[i]), reverse=True)
    outputs: list[str] = [""] * len(inputs)
    device = next(model.parameters()).device
    for start in range(0, len(order), batch_size):
        check_time()
        chunk = order[start : start + batch_size]
        encoded = tokenizer(
            [inputs[i] for i in chunk],
            return_tensors="pt",
            padding=True,
            truncation=True,
            max_length=max_source_chars + 8,
        ).to(device)
        encoded.pop("token_type_ids", None)
        generated = model.generate(**encoded, **generate_kwargs)
        for index, text in zip(chunk, decode(tokenizer, generated), strict=True):
            outputs[index] = text
    return outputs


def _encode_sources(
    tokenizer: PreTrainedTokenizerBase, inputs: Sequence[str], max_source_chars: int, device: torch.device
) -> dict[str, torch.Tensor]:
    encoded = tokenizer(
        list(inputs), return_tensors="pt", padding=True, truncation=True, max_length=max_source_chars + 8
    ).to(device)
    encoded.pop("token_type_ids", None)
    return dict(encoded)


@torch.inference_mode()
def generate_candidates(
    model: PreTrainedModel,
    tokenizer: PreTrainedTokenizerBase,
    texts: Sequence[str],
    *,
    task: str | Sequence[str] = "headline",
    max_source_chars: int = 192,
    batch_size: int = DEFAULT_BATCH_SIZE,
    whole_word_copy: bool = True,
    no_stutter: bool = True,
    capped_out: list[set[str]] | None = None,
    **generate_kwargs: Any,
) -> list[list[tuple[str, float]]]:
    """The n-best outputs of beam search for each text: ``(text, score)``, best first, cleaned, no duplicates.

    ``num_beams`` outputs are returned per text (one with greedy decoding).  The score is the beam's
    length-normalised log-probability (``nan`` with greedy decoding).  With ``whole_word_copy``
    and a WordPiece vocabulary, Latin words and Arabic numbers can only be copied whole from the source
    (:class:`~yxsumm.copy_constraint.WholeWordCopyProcessor`), a number only with a unit the source
    gives it (:class:`~yxsumm.number_copy.NumberCopyProcessor`), and a ``《…》`` title only as a stretch
    of the source (:class:`~yxsumm.title_copy.TitleCopyProcessor`).  With ``no_stutter``, no line repeats the
    same 2–4 tokens twice in a row (:class:`~yxsumm.repeat_constraint.TandemRepeatProcessor`).  The model's
    ``no_repeat_ngram_size`` and ``min_length`` rules are applied by :mod:`yxsumm.beam_rules` where that gives
    the same scores.  Given ``capped_out`` (an empty list), it is filled with the lines of each text that ran to
    the length cap (no end token before the last position :func:`length_cap` allows): they stop wherever the cap
    fell (``…专题研讨班开班式上强``), and the guard does not print them.
    """
    inputs = model_inputs(texts, task, tokenizer, max_source_chars, model)
    order = sorted(range(len(inputs)), key=lambda i: len(inputs[i]), reverse=True)
    outputs: list[list[tuple[str, float]]] = [[] for _ in inputs]
    device = next(model.parameters()).device
    beams = int(generate_kwargs.get("num_beams") or getattr(model.generation_config, "num_beams", 1) or 1)
    constrain = whole_word_copy and supports_whole_word_copy(tokenizer)
    # transformers' no-repeat and minimum-length rules, setting only what they forbid (yxsumm.beam_rules).
    rules, rule_options = take_over_beam_rules(model, generate_kwargs)
    cap = length_cap(model, generate_kwargs) if capped_out is not None else None
    cut_lines: list[set[str]] = [set() for _ in inputs]
    for start in range(0, len(order), batch_size):
        check_time()
        chunk = order[start : start + batch_size]
        encoded = _encode_sources(tokenizer, [inputs[i] for i in chunk], max_source_chars, device)
        extra: dict[str, Any] = {"num_return_sequences": beams, "return_dict_in_generate": True}
        extra["output_scores"] = beams > 1
        processors: list[Any] = list(rules)
        if no_stutter:
            processors.append(TandemRepeatProcessor())
        if constrain:
            processors.append(WholeWordCopyProcessor(tokenizer, encoded["input_ids"]))
            processors.append(NumberCopyProcessor(tokenizer, encoded["input_ids"]))
            processors.append(TitleCopyProcessor(tokenizer, encoded["input_ids"]))
        if processors:
            extra["logits_processor"] = processors
        generated = model.generate(**encoded, **{**generate_kwargs, **rule_options}, **extra)
        texts_out = decode(tokenizer, generated.sequences)
        sequence_scores = getattr(generated, "sequences_scores", None)
        scores = sequence_scores.tolist() if sequence_scores is not None else [float("nan")] * len(texts_out)
        capped = ran_to_the_cap(generated.sequences, model.generation_config.eos_token_id, cap)
        for position, index in enumerate(chunk):
            rows = slice(position * beams, (position + 1) * beams)
            best: dict[str, float] = {}
            for text, score, cut in zip(texts_out[rows], scores[rows], capped[rows], strict=True):
                if text and text not in best:
                    best[text] = score
                if text and cut:
                    cut_lines[index].add(text)
            outputs[index] = list(best.items())
    if capped_out is not None:
        capped_out.extend(cut_lines)
    return outputs


def length_cap(model: PreTrainedModel, generate_kwargs: dict[str, Any]) -> int | None:
    """How many decoder positions a generated line may fill (the start token and the end token included):
    ``max_new_tokens`` + 1 when given, else ``max_length`` (given, or the model's generation config)."""
    if generate_kwargs.get("max_new_tokens"):
        return int(generate_kwargs["max_new_tokens"]) + 1
    cap = generate_kwargs.get("max_length") or getattr(model.generation_config, "max_length", None)
    return int(cap) if cap else None


def finished_lines(
    nbest: Sequence[tuple[str, float]], capped: Collection[str], source: str | None = None
) -> list[tuple[str, float]]:
    """The n-best ``(line, score)`` pairs of one text without the lines that ran to the length cap (``capped``, as
    :func:`generate_candidates` reports them): the guard's candidates.  Given the ``source`` the model read, a line
    that ran to the cap inside a stretch it copies is carried on to where that clause ends
    (:func:`completed_along_its_source`), when that is near; only a line it cannot complete goes."""
    finished: dict[str, float] = {}
    for line, score in nbest:
        done: str | None = line
        if line in capped:
            done = completed_along_its_source(line, source) if source else None
        if done and done not in finished:
            finished[done] = score
    return list(finished.items())


#: Where a clause ends (:data:`~yxsumm.spans.CLAUSE_ENDS`).
_CLAUSE_END = re.compile(f"[{re.escape(CLAUSE_ENDS)}]")
#: Punctuation and spaces, which a line that copies a stretch of its text may leave out (``…党组会议学习贯彻…``).
_PUNCTUATION = re.compile(r"[\s，,、；;：:。！？!?“”\"'‘’「」『』（）()《》〈〉—\-…·]")
#: A day of the month, which a headline leaves out (``中共全国政协党组1月14日召开会议`` → ``全国政协党组召开会议``).
_DAY_OF_MONTH = re.compile(r"(?:\d{1,2}月)?\d{1,2}日")


def _as_one_stretch(text: str) -> str:
    """``text`` without punctuation, spaces and days of the month: what a line copied from one stretch keeps."""
    return _PUNCTUATION.sub("", _DAY_OF_MONTH.sub("", text))


#: How many of a line's last characters must be found in its source (once) to carry the line on.
_LINE_END_CHARS = 6
#: How many characters of its source a line cut by the length cap may be carried on by.
MAX_COMPLETION_CHARS = 20


def completed_along_its_source(line: str, source: str) -> str | None:
    """``line``, which ran to the generator's length cap, carried on along ``source`` to the end of the clause it was
    copying: the line is one stretch of the source (punctuation and days of the month aside), its last
    :data:`_LINE_END_CHARS` characters are found once there, and the clause ends at most :data:`MAX_COMPLETION_CHARS`
    characters later, within :data:`~yxsumm.postprocess.MAX_LINE_CHARS` in all (``…在二十届中央纪委五次全会上的重`` +
    ``要讲话和全会精神``).  None when it cannot be: the line is cut wherever the
    cap fell (``…专题研讨班开班式上强``) and is no candidate.  Only the text's own words are added."""
    tail = line[-_LINE_END_CHARS:]
    start = source.find(tail)
    if len(tail) < _LINE_END_CHARS or start < 0 or source.find(tail, start + 1) >= 0:
        return None
    if _as_one_stretch(line) not in _as_one_stretch(source):
        return None  # not one stretch of the text: a line that leaves words out is not carried on
    end = start + len(tail)
    clause_end = _CLAUSE_END.search(source, end)
    rest = source[end : clause_end.start() if clause_end else len(source)]
    if len(rest) > MAX_COMPLETION_CHARS or len(line) + len(rest) > MAX_LINE_CHARS:
        return None
    return line + rest


def ran_to_the_cap(sequences: torch.Tensor, eos_token_id: int | list[int] | None, cap: int | None) -> list[bool]:
    """Whether each generated sequence (decoder start token first) ran to the length cap: it has no end token
    before the last position ``cap`` allows, where the end is forced or the line simply stops."""
    if cap is None or eos_token_id is None or sequences.shape[1] < cap:
        return [False] * sequences.shape[0]
    ends = torch.tensor([eos_token_id] if isinstance(eos_token_id, int) else list(eos_token_id))
    before_the_last = sequences[:, 1 : cap - 1]
    return (~torch.isin(before_the_last, ends.to(sequences.device)).any(dim=1)).tolist()


def _label_ids(tokenizer: PreTrainedTokenizerBase, texts: Sequence[str], start_id: int | None) -> list[list[int]]:
    """Token ids a model would be trained to produce for ``texts`` (leading decoder-start token dropped)."""
    rows = tokenizer(list(texts), truncation=True, max_length=64)["input_ids"]
    return [row[1:] if row and row[0] == start_id else row for row in rows]


@torch.inference_mode()
def score_candidates(
    model: PreTrainedModel,
    tokenizer: PreTrainedTokenizerBase,
    texts: Sequence[str],
    candidates: Sequence[Sequence[str]],
    *,
    task: str | Sequence[str] = "headline",
    max_source_chars: int = 192,
    batch_size: int = 64,
) -> list[list[float]]:
    """Mean log-probability per token of each candidate given its text (teacher forcing).

    Puts beam outputs and extracted spans on one scale.  Works for any seq2seq model whose ``logits``
    are (log-)scores over the vocabulary.
    """
    inputs = model_inputs(texts, task, tokenizer, max_source_chars, model)
    device = next(model.parameters()).device
    start_id = model.config.decoder_start_token_id
    pad_id = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else 0
    results: list[list[float]] = [[] for _ in inputs]
    sources_per_batch = max(1, batch_size // max(1, max((len(g) for g in candidates), default=1)))
    for begin in range(0, len(inputs), sources_per_batch):
        check_time()
        sources = [i for i in range(begin, min(len(inputs), begin + sources_per_batch)) if candidates[i]]
        if not sources:
            continue
        encoded = _encode_sources(tokenizer, [inputs[i] for i in sources], max_source_chars, device)
        states = model.get_encoder()(input_ids=encoded["input_ids"], attention_mask=encoded["attention_mask"])
        rows = [(n, c) for n, i in enumerate(sources) for c in candidates[i]]
        index = torch.tensor([n for n, _ in rows], device=device)
        labels = _padded_labels(_label_ids(tokenizer, [c for _, c in rows], start_id))
        decoder_input_ids = torch.full_like(labels, pad_id)
        decoder_input_ids[:, 0] = start_id
        decoder_input_ids[:, 1:] = labels[:, :-1].masked_fill(labels[:, :-1] == -100, pad_id)
        out = model(
            input_ids=encoded["input_ids"][index],
            attention_mask=encoded["attention_mask"][index],
            encoder_outputs=BaseModelOutput(last_hidden_state=states.last_hidden_state[index]),
            decoder_input_ids=decoder_input_ids.to(device),
        )
        log_probs = out.logits.float().log_softmax(-1)
        mask = labels != -100
        gathered = log_probs.gather(-1, labels.clamp(min=0).to(device)[..., None]).squeeze(-1).cpu()
        totals = ((gathered * mask).sum(-1) / mask.sum(-1).clamp(min=1)).tolist()
        for (n, _), value in zip(rows, totals, strict=True):
            results[sources[n]].append(value)
    return results


def _padded_labels(rows: Sequence[Sequence[int]]) -> torch.Tensor:
    labels = torch.full((len(rows), max(1, *(len(r) for r in rows))), -100, dtype=torch.long)
    for r, ids in enumerate(rows):
        labels[r, : len(ids)] = torch.tensor(list(ids), dtype=torch.long)
    return labels
