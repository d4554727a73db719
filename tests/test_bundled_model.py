"""The model shipped in models/: loads offline like any checkpoint and writes clean headlines."""

from __future__ import annotations

import json
import re

import pytest
from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

import yxsumm
from yxsumm.modeling_copybart import CopyBartForConditionalGeneration

from .conftest import BUNDLED_MODEL

STUTTER = re.compile(r"([\u4e00-\u9fff])\1\1")
CJK_SPACE = re.compile(r"[\u4e00-\u9fff] [\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def bundled() -> yxsumm.Summarizer:
    return yxsumm.Summarizer()


def test_bundled_model_files() -> None:
    assert (BUNDLED_MODEL / "model.safetensors").is_file()
    assert not list(BUNDLED_MODEL.glob("*.bin")) and not list(BUNDLED_MODEL.glob("*.pt"))
    config = json.loads((BUNDLED_MODEL / "config.json").read_text())
    assert config["model_type"] == "copy_bart"
    generation = json.loads((BUNDLED_MODEL / "generation_config.json").read_text())
    assert generation["num_beams"] > 1 and generation["no_repeat_ngram_size"] > 0
    assert (BUNDLED_MODEL / "README.md").is_file()
    size = sum(f.stat().st_size for f in BUNDLED_MODEL.iterdir())
    assert size < 150 * 1024 * 1024


def test_loads_through_auto_classes() -> None:
    model = AutoModelForSeq2SeqLM.from_pretrained(BUNDLED_MODEL)
    tokenizer = AutoTokenizer.from_pretrained(BUNDLED_MODEL)
    assert isinstance(model, CopyBartForConditionalGeneration)
    assert tokenizer.convert_tokens_to_ids("[ART]") != tokenizer.unk_token_id


def test_the_plain_transformers_call_of_the_card_reproduces_yxsumm(example_text: str) -> None:
    # The model card's snippet: the folder says which task token to put first and how much text to give.
    tokenizer = AutoTokenizer.from_pretrained(BUNDLED_MODEL)
    model = AutoModelForSeq2SeqLM.from_pretrained(BUNDLED_MODEL)
    params = model.config.task_specific_params["yxsumm"]
    section = yxsumm.parse_article(example_text).sections[1].text
    text = params["task_tokens"]["heading"] + " " + section[: params["max_source_chars"]]
    ids = model.generate(**tokenizer(text, return_tensors="pt", return_token_type_ids=False))
    plain = tokenizer.decode(ids[0], skip_special_tokens=True).replace(" ", "")
    ours = yxsumm.Summarizer(guard=False).headlines([section], task="heading")[0]
    assert plain == ours and len(plain) >= 4


def test_default_summarizer_uses_the_bundled_model(bundled: yxsumm.Summarizer) -> None:
    assert bundled.model_name is not None and bundled.model_name.endswith("yxsumm-copybart-small")


def test_example_article_headlines_are_clean(bundled: yxsumm.Summarizer, example_text: str) -> None:
    result = bundled.summarize(example_text)
    outputs = [result.headline] + [s.summary or "" for s in result.sections]
    for text in outputs:
        assert 2 <= len(text) <= 40, text
        assert "[UNK]" not in text and "##" not in text
        # A space between Han characters only where the article has it (a copied headline pair).
        assert all(m.group() in example_text for m in CJK_SPACE.finditer(text)), text
        assert not STUTTER.search(text), text
        assert not re.search(r"[\u4e00-\u9fff][,:;?!]", text), text
    # The headline is written from this article: most of its characters come from the article.
    han = [c for c in result.headline if "\u4e00" <= c <= "\u9fff"]
    assert han and sum(c in example_text for c in han) >= 0.8 * len(han), result.headline


def test_headline_is_conditioned_on_the_input(bundled: yxsumm.Summarizer) -> None:
    first = bundled.headline("气象台今天发布暴雨黄色预警，预计今晚到明天本市有大到暴雨，请市民注意防范。")
    second = bundled.headline("国家统计局今天公布数据，一季度国内生产总值同比增长百分之五点三。")
    assert first != second
    assert "暴雨" in first or "预警" in first or "气象" in first


def test_half_precision_weights_compute_in_float32_on_cpu(bundled: yxsumm.Summarizer) -> None:
    import torch

    assert bundled.model.dtype == torch.float32
    assert bundled.model.copy_head.query.weight.dtype == torch.float32


def test_int8_backend_quantises_per_channel_at_the_output_and_keeps_the_copy_head(
    bundled: yxsumm.Summarizer, example_text: str
) -> None:
    import torch

    summarizer = yxsumm.Summarizer(backend="torch-int8")
    result = summarizer.summarize(example_text)
    assert result.headline and len(result.sections) == 5
    model = summarizer.model
    assert type(model.model.encoder.layers[0].fc1).__name__ == "Linear"
    assert type(model.model.encoder.layers[0].fc1).__module__.startswith("torch.ao.nn.quantized")
    assert type(model.lm_head).__module__.startswith("torch.ao.nn.quantized")
    assert model.lm_head.weight().qscheme() == torch.per_channel_affine  # one scale per vocabulary row
    assert type(model.copy_head.query) is torch.nn.Linear
    # Quantisation changes a few words, not the sections: their headings and count are those of float32.
    reference = bundled.summarize(example_text)
    assert [s.heading for s in result.sections] == [s.heading for s in reference.sections]
