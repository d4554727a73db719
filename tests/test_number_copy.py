"""Numbers are decoded only as the source writes them (``yxsumm.number_copy``)."""

from __future__ import annotations

import random

import pytest
import torch

from yxsumm.copy_constraint import WholeWordCopyProcessor
from yxsumm.faithfulness import NUMBER_UNITS, unsupported_facts
from yxsumm.number_copy import NumberCopyProcessor
from yxsumm.tokenization import join_wordpiece_tokens

SOURCE = "第二十届影展票房518.32亿元，欧盟提供100万欧元，三个城市参加。"
NUMBERISH = set("0123456789.,〇零一二三四五六七八九十百千万亿两第") | NUMBER_UNITS


@pytest.fixture(scope="module")
def char_tokenizer(tmp_path_factory: pytest.TempPathFactory):
    from yxsumm.tokenization import build_vocabulary, make_tokenizer

    texts = [SOURCE, "第二十屆 二十四 四萬 1000万年月日号 五六七八九 2026年 .,", "0123456789 分红2.55万亿元"]
    return make_tokenizer(build_vocabulary(texts, min_count=1), tmp_path_factory.mktemp("chars"))


def _allowed_numberish(tokenizer, source: str, generated: list[str]) -> set[str]:
    """The digits, numerals, separators and units the processor lets follow ``generated``."""
    processor = NumberCopyProcessor(tokenizer, tokenizer([source], return_tensors="pt")["input_ids"])
    ids = [tokenizer.cls_token_id, *tokenizer.convert_tokens_to_ids(generated)]
    scores = processor(torch.tensor([ids]), torch.zeros(1, len(tokenizer)))
    allowed = tokenizer.convert_ids_to_tokens(torch.isfinite(scores[0]).nonzero().flatten().tolist())
    return {t.removeprefix("##") for t in allowed if t.removeprefix("##") in NUMBERISH}


def test_a_number_goes_on_to_its_decimals_and_takes_only_its_own_unit(char_tokenizer) -> None:
    # 518 is not a number of the source: it must go on to 518.32, whose unit is 亿.
    assert _allowed_numberish(char_tokenizer, SOURCE, ["5", "##1", "##8"]) == {"."}
    after_decimals = _allowed_numberish(char_tokenizer, SOURCE, ["5", "##1", "##8", ".", "3", "##2"])
    assert "亿" in after_decimals and "万" not in after_decimals and "元" not in after_decimals
    # 100 is written with 万 in the source: 100亿 or 100元 would be an invented amount.
    after_hundred = _allowed_numberish(char_tokenizer, SOURCE, ["1", "##0", "##0"])
    assert "万" in after_hundred and "亿" not in after_hundred and "元" not in after_hundred


def test_a_magnitude_is_written_whole(char_tokenizer) -> None:
    source = "上市公司分红2.55万亿元，欧盟提供100万欧元。"
    after_wan = _allowed_numberish(char_tokenizer, source, ["2", ".", "5", "##5", "万"])
    assert "亿" in after_wan and "元" not in after_wan  # 2.55万元 would shrink 2.55万亿元 ten thousand times
    assert "元" in _allowed_numberish(char_tokenizer, source, ["2", ".", "5", "##5", "万", "亿"])
    assert "元" not in _allowed_numberish(char_tokenizer, source, ["1", "##0", "##0", "万"])  # euros, not yuan


def test_chinese_numerals_follow_a_run_of_the_source(char_tokenizer) -> None:
    after_twenty = _allowed_numberish(char_tokenizer, SOURCE, ["二", "十"])
    assert "届" in after_twenty and "四" not in after_twenty  # 二十四届 is not the source's 二十届
    after_ordinal = _allowed_numberish(char_tokenizer, SOURCE, ["第"])
    assert "二" in after_ordinal and "五" not in after_ordinal  # the source has no 第五…
    after_three = _allowed_numberish(char_tokenizer, SOURCE, ["三"])
    assert "个" in after_three and "年" not in after_three  # 三个 is in the source, 三年 is not
    assert "届" in _allowed_numberish(char_tokenizer, "第二十屆影展", ["二", "十"])  # Traditional 屆 = 届


def _decode_randomly(tokenizer, processors: list, rng: random.Random) -> str | None:
    """Greedy decoding of random scores that favour number tokens, through ``processors``.

    The line ends when the end token wins (None if it never does within 30 tokens).
    """
    vocabulary = tokenizer.get_vocab()
    favoured = [i for t, i in vocabulary.items() if t.removeprefix("##") in NUMBERISH]
    end = tokenizer.sep_token_id
    ids = [tokenizer.cls_token_id]
    for _ in range(30):
        scores = torch.tensor([[rng.gauss(0, 1) for _ in range(len(tokenizer))]])
        scores[0, favoured] += 2.0
        scores[0, [i for i in tokenizer.all_special_ids if i != end]] = -float("inf")
        scores[0, end] += 3.5
        for processor in processors:
            scores = processor(torch.tensor([ids]), scores)
        ids.append(int(scores[0].argmax()))
        if ids[-1] == end:
            return join_wordpiece_tokens(tokenizer.convert_ids_to_tokens(ids[1:-1]))
    return None


def test_no_decoded_number_is_missing_from_the_source(char_tokenizer) -> None:
    source_ids = char_tokenizer([SOURCE], return_tensors="pt")["input_ids"]
    rng = random.Random(0)

    def invented(processors: list) -> int:
        lines = [_decode_randomly(char_tokenizer, processors, rng) for _ in range(200)]
        ended = [line for line in lines if line is not None]
        assert len(ended) > 100
        return sum(any(f.kind == "number" for f in unsupported_facts(line, SOURCE)) for line in ended)

    assert invented([]) > 50  # without the rule, random number tokens make unsupported numbers
    constrained = [WholeWordCopyProcessor(char_tokenizer, source_ids), NumberCopyProcessor(char_tokenizer, source_ids)]
    assert invented(constrained) == 0
