"""The copy-BART model: training lowers the loss; save → AutoModel load → generate round-trips."""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import torch
from transformers import AutoModelForSeq2SeqLM, AutoTokenizer, BertTokenizerFast

import yxsumm  # noqa: F401 - registers copy_bart with the Auto classes
from yxsumm.corpus import Pair
from yxsumm.generation import generate_texts
from yxsumm.modeling_copybart import SHARED_SOURCE_SDPA, CopyBartForConditionalGeneration, shared_source_sdpa
from yxsumm.training import TrainConfig, train
from yxsumm.training.data import supported_targets

from .conftest import TINY_PAIRS


def _write_corpus(root: Path) -> None:
    for split in ("train", "dev"):
        (root / split).mkdir(parents=True)
        with gzip.open(root / split / "xwlb_items.jsonl.gz", "wt", encoding="utf-8") as handle:
            for text, summary in TINY_PAIRS * (8 if split == "train" else 1):
                handle.write(json.dumps({"text": text, "summary": summary, "task": "article-headline"}) + "\n")


def test_training_lowers_loss_and_round_trips(tmp_path: Path) -> None:
    _write_corpus(tmp_path / "data")
    config = TrainConfig(
        data_dir=str(tmp_path / "data"),
        output_dir=str(tmp_path / "run"),
        max_minutes=5,
        batch_size=8,
        learning_rate=3e-3,
        warmup_steps=5,
        d_model=32,
        encoder_layers=1,
        decoder_layers=1,
        attention_heads=2,
        ffn_dim=64,
        eval_every_minutes=100,
        checkpoint_every_minutes=100,
        bf16=False,
        max_steps=60,
        log_every=10,
    )
    state = train(config)
    assert state.step == 60
    losses = [h["loss"] for h in state.history if "loss" in h]
    assert losses[-1] < losses[0] * 0.7, losses
    probes = [h for h in state.history if "dev_rougeL" in h]
    assert probes and all(0 <= v <= 100 for v in probes[-1]["dev_invented_number_or_latin"].values())

    best = tmp_path / "run" / "best"
    model = AutoModelForSeq2SeqLM.from_pretrained(best)
    tokenizer = AutoTokenizer.from_pretrained(best)
    assert isinstance(model, CopyBartForConditionalGeneration)
    outputs = generate_texts(model, tokenizer, [t for t, _ in TINY_PAIRS[:3]], num_beams=3, max_length=16)
    assert len(outputs) == 3
    for output in outputs:
        assert output and " " not in output and "[UNK]" not in output

    # Resuming continues from the saved step instead of starting again.
    resumed = train(TrainConfig(**{**config.__dict__, "max_steps": 70}))
    assert resumed.step == 70


def test_copy_mixture_is_a_distribution(tiny_copybart_dir: Path) -> None:
    model = AutoModelForSeq2SeqLM.from_pretrained(tiny_copybart_dir).eval()
    tokenizer = AutoTokenizer.from_pretrained(tiny_copybart_dir)
    batch = tokenizer(["[ART] 市政府今天宣布", "[ART] 大桥通车"], return_tensors="pt", padding=True)
    batch.pop("token_type_ids", None)
    with torch.no_grad():
        out = model(**batch, decoder_input_ids=torch.full((2, 3), tokenizer.cls_token_id))
    total = out.logits.exp().sum(-1)
    assert torch.allclose(total, torch.ones_like(total), atol=1e-3)


def test_beam_search_and_no_repeat_work_with_copy_head(tiny_copybart_dir: Path) -> None:
    model = AutoModelForSeq2SeqLM.from_pretrained(tiny_copybart_dir).eval()
    tokenizer = AutoTokenizer.from_pretrained(tiny_copybart_dir)
    texts = [t for t, _ in TINY_PAIRS]
    greedy = generate_texts(model, tokenizer, texts, num_beams=1, max_length=12)
    beams = generate_texts(model, tokenizer, texts, num_beams=4, no_repeat_ngram_size=2, max_length=12, batch_size=2)
    assert len(greedy) == len(beams) == len(texts)


def test_beams_sharing_source_states_give_the_same_output_as_stock_attention(tiny_copybart_dir: Path) -> None:
    """The fast path (one copy of the encoder states per source, cache reordered in part) decodes like the
    reference: stock eager attention without any cache."""
    fast = AutoModelForSeq2SeqLM.from_pretrained(tiny_copybart_dir).eval()
    stock = AutoModelForSeq2SeqLM.from_pretrained(tiny_copybart_dir, attn_implementation="eager").eval()
    torch.manual_seed(1)
    with torch.no_grad():  # large random weights, so that the attention visibly shapes the output
        for parameter in fast.parameters():
            parameter.normal_(0.0, 0.3)
    stock.load_state_dict(fast.state_dict())
    assert fast.config._attn_implementation == SHARED_SOURCE_SDPA
    assert stock.config._attn_implementation == "eager"
    tokenizer = AutoTokenizer.from_pretrained(tiny_copybart_dir)
    texts = ["[ART] " + t for t, _ in TINY_PAIRS[:4]]  # different lengths: the padding mask matters
    batch = tokenizer(texts, return_tensors="pt", padding=True)
    batch.pop("token_type_ids", None)
    options = {"num_beams": 3, "num_return_sequences": 2, "max_length": 12, "min_length": 6}
    options |= {"return_dict_in_generate": True, "output_scores": True}
    with torch.inference_mode():
        ours = fast.generate(**batch, **options)
        theirs = stock.generate(**batch, **options, use_cache=False)  # no cache to reorder: the reference
    assert ours.sequences.shape[0] == 8
    assert torch.equal(ours.sequences, theirs.sequences)
    assert torch.allclose(ours.sequences_scores, theirs.sequences_scores, atol=1e-4)


def test_shared_source_attention_equals_attention_over_copied_states() -> None:
    torch.manual_seed(0)
    sources, beams, heads, dim, length = 3, 4, 2, 8, 7
    query = torch.randn(sources * beams, heads, 1, dim)
    key, value = torch.randn(sources, heads, length, dim), torch.randn(sources, heads, length, dim)
    mask = torch.ones(sources, 1, 1, length, dtype=torch.bool)
    mask[0, ..., 5:] = False  # a padded source
    module = torch.nn.Module()
    module.is_causal = False
    ours, _ = shared_source_sdpa(module, query, key, value, mask, scaling=dim**-0.5)
    copied = [t.repeat_interleave(beams, dim=0) for t in (key, value, mask)]
    expected = torch.nn.functional.scaled_dot_product_attention(query, *copied[:2], attn_mask=copied[2])
    assert ours.shape == (sources * beams, 1, heads, dim)
    assert torch.allclose(ours, expected.transpose(1, 2), atol=1e-6)


def test_weights_saved_before_the_task_params_entry_get_it_when_saved_or_exported(
    tiny_copybart_dir: Path, tmp_path: Path
) -> None:
    from yxsumm.training import export_model, save_model

    old = tmp_path / "old"
    shutil.copytree(tiny_copybart_dir, old)
    config = json.loads((old / "config.json").read_text(encoding="utf-8"))
    config.pop("task_specific_params")
    (old / "config.json").write_text(json.dumps(config), encoding="utf-8")
    exported = export_model(old, tmp_path / "exported")
    model = CopyBartForConditionalGeneration.from_pretrained(old)
    save_model(model, BertTokenizerFast.from_pretrained(old), tmp_path / "saved")
    for folder in (exported, tmp_path / "saved"):
        params = json.loads((folder / "config.json").read_text(encoding="utf-8"))["task_specific_params"]["yxsumm"]
        assert params == {"task_tokens": {"headline": "[ART]", "heading": "[SEC]"}, "max_source_chars": 192}


def test_grown_model_computes_the_same_and_its_added_layers_learn(tiny_copybart_dir: Path) -> None:
    from yxsumm.training.modeling import grow_layers, layer_plan

    model = AutoModelForSeq2SeqLM.from_pretrained(tiny_copybart_dir).float().eval()
    torch.manual_seed(1)
    with torch.no_grad():  # layer norms with gains and biases far from 1 and 0, as after training
        for name, parameter in model.named_parameters():
            if "layer_norm" in name:
                parameter.add_(torch.randn_like(parameter) * 0.5)
    tokenizer = AutoTokenizer.from_pretrained(tiny_copybart_dir)
    batch = tokenizer([t for t, _ in TINY_PAIRS[:2]], return_tensors="pt", padding=True)
    labels = tokenizer([s for _, s in TINY_PAIRS[:2]], return_tensors="pt", padding=True).input_ids

    grown = grow_layers(model, encoder_layers=3, decoder_layers=2).eval()
    assert (len(grown.model.encoder.layers), len(grown.model.decoder.layers)) == (3, 2)
    assert layer_plan(1, 3) == [0, 0, 0]
    with torch.no_grad():
        before = model(**batch, labels=labels).logits
        after = grown(**batch, labels=labels).logits
    torch.testing.assert_close(after, before, atol=1e-4, rtol=1e-4)

    grown.train()
    grown(**batch, labels=labels).loss.backward()
    added = grown.model.decoder.layers[1]
    assert added.fc2.weight.grad is not None and added.fc2.weight.grad.abs().sum() > 0
    assert added.self_attn.out_proj.weight.grad.abs().sum() > 0


def _short_run_from(weights: Path, tmp_path: Path, **settings: object) -> TrainConfig:
    """A few steps of training on a written corpus, starting from ``weights``."""
    _write_corpus(tmp_path / "data")
    return TrainConfig(
        data_dir=str(tmp_path / "data"),
        output_dir=str(tmp_path / "run"),
        init_from=str(weights),
        batch_size=8,
        eval_every_minutes=100,
        checkpoint_every_minutes=100,
        dropout=0.0,
        **settings,
    )


def test_a_run_can_start_deeper_from_trained_weights(tmp_path: Path, tiny_copybart_dir: Path) -> None:
    config = _short_run_from(
        tiny_copybart_dir, tmp_path, grow_layers=True, encoder_layers=2, decoder_layers=3, max_steps=3
    )
    state = train(config)
    assert state.step == 3
    grown = AutoModelForSeq2SeqLM.from_pretrained(tmp_path / "run" / "best")
    assert (grown.config.encoder_layers, grown.config.decoder_layers) == (2, 3)
    assert (
        AutoTokenizer.from_pretrained(tmp_path / "run" / "best").vocab
        == AutoTokenizer.from_pretrained(tiny_copybart_dir).vocab
    )


def test_extended_positions_compute_the_same_and_read_longer_inputs(tiny_copybart_dir: Path) -> None:
    from yxsumm.training.modeling import extend_positions

    model = AutoModelForSeq2SeqLM.from_pretrained(tiny_copybart_dir).float().eval()
    tokenizer = AutoTokenizer.from_pretrained(tiny_copybart_dir)
    batch = tokenizer([t for t, _ in TINY_PAIRS[:2]], return_tensors="pt", padding=True)
    batch.pop("token_type_ids", None)
    labels = tokenizer([s for _, s in TINY_PAIRS[:2]], return_tensors="pt", padding=True).input_ids
    old = model.config.max_position_embeddings
    longer = extend_positions(model, old + 100).eval()
    assert longer.config.max_position_embeddings == old + 100
    old_rows = model.model.encoder.embed_positions.weight
    new_rows = longer.model.encoder.embed_positions.weight
    assert new_rows.shape[0] == old_rows.shape[0] + 100
    torch.testing.assert_close(new_rows[: old_rows.shape[0]], old_rows)
    with torch.no_grad():
        torch.testing.assert_close(longer(**batch, labels=labels).logits, model(**batch, labels=labels).logits)
        long_ids = batch["input_ids"][:1, :1].repeat(1, old + 50)
        assert longer(input_ids=long_ids, labels=labels[:1]).logits.shape[1] == labels.shape[1]


def test_a_run_on_longer_inputs_extends_the_positions_it_starts_from(tmp_path: Path, tiny_copybart_dir: Path) -> None:
    config = _short_run_from(tiny_copybart_dir, tmp_path, max_source_chars=300, max_steps=2)
    assert train(config).step == 2
    saved = json.loads((tmp_path / "run" / "best" / "config.json").read_text(encoding="utf-8"))
    assert saved["max_position_embeddings"] >= 310
    assert saved["task_specific_params"]["yxsumm"]["max_source_chars"] == 300


def test_growing_layers_without_trained_weights_is_refused_before_any_work(tmp_path: Path) -> None:
    from yxsumm.errors import InputError

    config = TrainConfig(data_dir=str(tmp_path / "missing"), output_dir=str(tmp_path / "run"), grow_layers=True)
    with pytest.raises(InputError, match="--init-from"):
        train(config)
    assert not (tmp_path / "run").exists()


def test_faithful_targets_drop_pairs_whose_figures_the_model_cannot_read() -> None:
    text = (
        "欧盟宣布向乌克兰提供100万欧元人道援助。"
        + "援助将用于修复学校和医院。" * 20
        + "另有5000万元贷款由世界银行提供。"
    )
    pairs = [
        Pair(text, "欧盟向乌克兰提供100万欧元援助", "headline", "xwlb_items"),
        Pair(text, "欧盟向乌克兰提供1000万欧元援助", "headline", "xwlb_items"),  # a figure the text lacks
        Pair(text, "世界银行提供5000万元贷款", "headline", "xwlb_items"),  # only after the cut
        Pair(text, "IMF提供援助", "headline", "xwlb_items"),  # a Latin word the text lacks
    ]
    assert [p.summary for p in supported_targets(pairs, 192)] == ["欧盟向乌克兰提供100万欧元援助"]
    assert len(supported_targets(pairs, len(text))) == 2  # the whole text read: the loan is supported


def test_the_gpu_launcher_trains_without_the_inference_libraries(tmp_path: Path) -> None:
    # bench/gpu_train.py runs the training loop on machines that have only torch and transformers
    _write_corpus(tmp_path / "data")
    blocked = "import sys; sys.modules.update(dict.fromkeys(['opencc', 'jieba', 'charset_normalizer']))"
    launcher = Path(__file__).resolve().parents[1] / "bench" / "gpu_train.py"
    settings = {
        "data_dir": tmp_path / "data", "output_dir": tmp_path / "run", "device": "cpu", "bf16": "false",
        "max_steps": 3, "batch_size": 4, "d_model": 32, "encoder_layers": 1, "decoder_layers": 1,
        "attention_heads": 2, "ffn_dim": 64, "vocab_size": 200,
    }  # fmt: skip
    arguments = [f"--set={name}={value}" for name, value in settings.items()]
    code = f"{blocked}; sys.argv = ['gpu_train.py', *{arguments!r}, '--export={tmp_path / 'export'}']; "
    code += f"import runpy; runpy.run_path({str(launcher)!r}, run_name='__main__')"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert (tmp_path / "export" / "model.safetensors").exists()
    assert "dev_rougeL" in (tmp_path / "run" / "history.jsonl").read_text(encoding="utf-8")


def test_yxsumm_train_shows_its_progress_without_asking(tmp_path: Path) -> None:
    # a run takes hours: its steps and dev scores are printed by default, not only with -v
    _write_corpus(tmp_path / "data")
    settings = {
        "data-dir": tmp_path / "data", "output-dir": tmp_path / "run", "max-steps": 3, "batch-size": 4,
        "d-model": 32, "encoder-layers": 1, "decoder-layers": 1, "attention-heads": 2, "ffn-dim": 64,
        "vocab-size": 200, "log-every": 1, "bf16": "false",
    }  # fmt: skip
    arguments = [f"--{name}={value}" for name, value in settings.items()]
    done = subprocess.run(
        [sys.executable, "-m", "yxsumm.cli", "train", *arguments], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "reading training data" in done.stderr and "step" in done.stderr, done.stderr[-2000:]


def test_the_probe_scores_finished_model_folders_as_training_does(tmp_path: Path, tiny_copybart_dir: Path) -> None:
    # bench/probe_model.py: the training loop's greedy dev probe for folders already trained (GPU exports, averages)
    _write_corpus(tmp_path / "data")
    script = Path(__file__).resolve().parents[1] / "bench" / "probe_model.py"
    done = subprocess.run(
        [sys.executable, str(script), "--data-dir", str(tmp_path / "data"), str(tiny_copybart_dir)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    folder, mean, scores, invented = done.stdout.strip().split("\t")
    assert folder == str(tiny_copybart_dir) and 0.0 <= float(mean) <= 100.0
    assert "xwlb_items" in scores and invented.startswith("invented %")
