"""A ``《…》`` title is decoded only as a stretch of the source (``yxsumm.title_copy``)."""

from __future__ import annotations

import pytest
import torch

from yxsumm.faithfulness import unsupported_facts
from yxsumm.title_copy import TitleCopyProcessor

SOURCE = "国务院法制办公布《公共场所控制吸烟条例》送审稿，征求意见。"


@pytest.fixture(scope="module")
def char_tokenizer(tmp_path_factory: pytest.TempPathFactory):
    from yxsumm.tokenization import build_vocabulary, make_tokenizer

    texts = [SOURCE, "《公共场所吸烟例》目录 國務院", "电视专题片《一步不停歇 半步不退让》今晚播出"]
    return make_tokenizer(build_vocabulary(texts, min_count=1), tmp_path_factory.mktemp("chars"))


def _best_title(tokenizer, source: str, preferred: str) -> str:
    """Greedy decoding after ``《`` of scores that prefer the characters of ``preferred`` in order."""
    processor = TitleCopyProcessor(tokenizer, tokenizer([source], return_tensors="pt")["input_ids"])
    ids = [tokenizer.cls_token_id, *tokenizer.convert_tokens_to_ids(["《"])]
    for step in range(20):
        scores = torch.zeros(1, len(tokenizer))
        for rank, char in enumerate(preferred[step:]):
            scores[0, tokenizer.convert_tokens_to_ids(char)] += 10.0 / (rank + 1)
        scores = processor(torch.tensor([ids]), scores)
        ids.append(int(scores[0].argmax()))
        if tokenizer.convert_ids_to_tokens(ids[-1]) == "》":
            break
    return "".join(tokenizer.convert_ids_to_tokens(ids[1:]))


def test_a_title_is_a_stretch_of_the_source(char_tokenizer) -> None:
    wanted = "《公共场所吸烟例》"  # the model's garbled name of the source's document
    assert unsupported_facts(wanted, SOURCE)  # the guard would refuse it
    title = _best_title(char_tokenizer, SOURCE, wanted[1:])
    assert title.startswith("《公共场所") and title.endswith("》")
    assert not unsupported_facts(title, SOURCE)


def test_titles_are_compared_in_simplified_script(char_tokenizer) -> None:
    processor = TitleCopyProcessor(char_tokenizer, char_tokenizer(["《國務院》"], return_tensors="pt")["input_ids"])
    ids = [char_tokenizer.cls_token_id, *char_tokenizer.convert_tokens_to_ids(["《", "国"])]
    scores = processor(torch.tensor([ids]), torch.zeros(1, len(char_tokenizer)))
    allowed = char_tokenizer.convert_ids_to_tokens(torch.isfinite(scores[0]).nonzero().flatten().tolist())
    assert set(allowed) >= {"务", "務"} and "目" not in allowed


def test_a_title_is_not_closed_before_the_sources_title_ends(char_tokenizer) -> None:
    source = "电视专题片《一步不停歇 半步不退让》今晚播出"
    processor = TitleCopyProcessor(char_tokenizer, char_tokenizer([source], return_tensors="pt")["input_ids"])

    def allowed_after(written: list[str]) -> set[str]:
        ids = [char_tokenizer.cls_token_id, *char_tokenizer.convert_tokens_to_ids(["《", *written])]
        scores = processor(torch.tensor([ids]), torch.zeros(1, len(char_tokenizer)))
        return set(char_tokenizer.convert_ids_to_tokens(torch.isfinite(scores[0]).nonzero().flatten().tolist()))

    assert allowed_after(["一", "步"]) == {"不"}  # 《一步》 would be a title cut short
    assert "》" not in allowed_after(list("半步不退让"))  # the end of the source's title, but only part of it
    assert "》" in allowed_after(list("一步不停歇半步不退让"))
    assert "》" in allowed_after(["今", "晚"])  # words the source writes outside a title
