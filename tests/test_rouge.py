"""Our character ROUGE gives the numbers of the ``rouge`` package on space-joined characters."""

from __future__ import annotations

import pytest
from rouge import Rouge

from yxsumm.rouge import rouge_corpus, rouge_pair

PAIRS = [
    ("全市公交明年全部电动化", "全市公交车明年起全部改用电力驱动"),
    ("气象台发布暴雨预警", "气象台发布暴雨黄色预警"),
    ("读书节开幕", "第三届读书节昨日开幕"),
    ("习近平主持会议并发表重要讲话", "习近平主持上海合作组织成员国元首理事会会议并讲话"),
    ("完全不同", "毫无关系的句子"),
    ("增长3.5%的经济.数据", "经济增长3.5%，数据好于预期"),
    ("哈哈哈哈笑笑", "笑哈哈"),
]


@pytest.mark.parametrize(("hyp", "ref"), PAIRS)
def test_matches_rouge_package(hyp: str, ref: str) -> None:
    ours = rouge_pair(hyp, ref)
    theirs = Rouge().get_scores(" ".join(hyp), " ".join(ref))[0]
    assert ours.rouge1 == pytest.approx(100 * theirs["rouge-1"]["f"], abs=1e-4)
    assert ours.rouge2 == pytest.approx(100 * theirs["rouge-2"]["f"], abs=1e-4)
    assert ours.rougeL == pytest.approx(100 * theirs["rouge-l"]["f"], abs=1e-4)


def test_matches_rouge_package_on_random_texts() -> None:
    import random

    rng = random.Random(3)
    alphabet = "新闻发布会议经济增长市场中国香港政府.3"
    for _ in range(200):
        hyp = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 25)))
        ref = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 25)))
        if not hyp.strip(".") or not ref.strip("."):
            continue
        ours = rouge_pair(hyp, ref)
        theirs = Rouge().get_scores(" ".join(hyp), " ".join(ref))[0]
        assert ours.rougeL == pytest.approx(100 * theirs["rouge-l"]["f"], abs=1e-4), (hyp, ref)
        assert ours.rouge2 == pytest.approx(100 * theirs["rouge-2"]["f"], abs=1e-4), (hyp, ref)


def test_corpus_average_and_identity() -> None:
    assert rouge_corpus(["相同的句子"], ["相同的句子"]).rougeL == pytest.approx(100)
    assert rouge_corpus(["甲"], ["乙"]).rouge1 == 0
