"""Shared fixtures: the example article and tiny models the tests build themselves."""

from __future__ import annotations

import socket
import string
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import torch

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "yangxi.txt"
BUNDLED_MODEL = ROOT / "models" / "yxsumm-copybart-small"


@contextmanager
def served(app: Any) -> Iterator[str]:
    """Launch a Gradio app on a free loopback port; yields its URL and closes the app afterwards."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    app.launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, quiet=True)
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        app.close()


# Short texts written for the tests (no corpus text).
TINY_PAIRS = [
    ("市政府今天宣布，全市公交车明年起全部改用电力驱动，以减少空气污染。", "全市公交明年全部电动化"),
    ("气象台发布暴雨黄色预警，预计今晚到明天本市有大到暴雨，请市民注意防范。", "气象台发布暴雨黄色预警"),
    ("本市第三届读书节昨日开幕，活动将持续一个月，举办讲座和图书交换等活动。", "第三届读书节开幕"),
    ("新建的跨江大桥今日正式通车，两岸通行时间由四十分钟缩短到十分钟。", "跨江大桥今日通车"),
    ("学校食堂推出健康午餐，每份午餐都标明热量和营养成分，受到学生欢迎。", "食堂推出健康午餐"),
    ("农业部门表示，今年小麦丰收，总产量比去年增长百分之五。", "今年小麦丰收 产量增长百分之五"),
]


def _vocabulary_texts() -> list[str]:
    texts = [a + b for a, b in TINY_PAIRS]
    if EXAMPLE.exists():
        texts.append(EXAMPLE.read_text(encoding="utf-8"))
    return texts


@pytest.fixture(scope="session")
def example_text() -> str:
    return EXAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def tiny_copybart_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A randomly initialised, very small copy-BART saved like the bundled model."""
    from yxsumm.tokenization import build_vocabulary, make_tokenizer
    from yxsumm.training import TrainConfig, build_model, save_model

    folder = tmp_path_factory.mktemp("tiny-copybart")
    tokenizer = make_tokenizer(build_vocabulary(_vocabulary_texts(), min_count=1), folder)
    config = TrainConfig(d_model=32, encoder_layers=1, decoder_layers=1, attention_heads=2, ffn_dim=64)
    torch.manual_seed(0)
    model = build_model(config, tokenizer)
    model.generation_config.max_length = 12
    save_model(model, tokenizer, folder)
    model.generation_config.max_length = 12
    model.generation_config.save_pretrained(folder)
    return folder


@pytest.fixture(scope="session")
def tiny_bart_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A plain Hugging Face BART with a BERT (WordPiece) tokenizer, as a foreign checkpoint."""
    from transformers import BartConfig, BartForConditionalGeneration, BertTokenizerFast

    folder = tmp_path_factory.mktemp("tiny-bart")
    chars = sorted({c for t in _vocabulary_texts() for c in t if not c.isspace()} | set(string.ascii_letters))
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *chars]
    tokenizer = BertTokenizerFast(vocab={t: i for i, t in enumerate(vocab)}, do_lower_case=False)
    config = BartConfig(
        vocab_size=len(vocab),
        d_model=32,
        encoder_layers=1,
        decoder_layers=1,
        encoder_attention_heads=2,
        decoder_attention_heads=2,
        encoder_ffn_dim=64,
        decoder_ffn_dim=64,
        max_position_embeddings=128,
        pad_token_id=0,
        bos_token_id=2,
        eos_token_id=3,
        decoder_start_token_id=2,
        forced_eos_token_id=3,
    )
    torch.manual_seed(0)
    model = BartForConditionalGeneration(config)
    model.generation_config.max_length = 10
    model.save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return folder


@pytest.fixture(scope="session")
def tiny_t5_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A T5 with a Unigram (SentencePiece-style) tokenizer trained by the test."""
    from tokenizers import Tokenizer, models, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast, T5Config, T5ForConditionalGeneration

    folder = tmp_path_factory.mktemp("tiny-t5")
    raw = Tokenizer(models.Unigram())
    raw.pre_tokenizer = pre_tokenizers.Metaspace()
    trainer = trainers.UnigramTrainer(vocab_size=1500, special_tokens=["<pad>", "</s>", "<unk>"], unk_token="<unk>")
    raw.train_from_iterator(_vocabulary_texts(), trainer=trainer)
    tokenizer = PreTrainedTokenizerFast(tokenizer_object=raw, pad_token="<pad>", eos_token="</s>", unk_token="<unk>")
    config = T5Config(
        vocab_size=raw.get_vocab_size(),
        d_model=32,
        d_kv=8,
        d_ff=64,
        num_layers=1,
        num_decoder_layers=1,
        num_heads=2,
        pad_token_id=0,
        eos_token_id=1,
        decoder_start_token_id=0,
    )
    torch.manual_seed(0)
    model = T5ForConditionalGeneration(config)
    model.generation_config.max_length = 10
    model.save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return folder


@pytest.fixture(scope="session")
def tiny_summarizer(tiny_copybart_dir: Path):
    from yxsumm import Summarizer

    return Summarizer(tiny_copybart_dir, num_beams=2, max_length=12)
