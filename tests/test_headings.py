"""The learnt heading detector: the shipped one on the example and markup, training it, fallbacks."""

from __future__ import annotations

import random

import numpy as np
import pytest

from yxsumm import parse_article
from yxsumm.heading_detector import HeadingDetector, default_heading_detector, select_headings
from yxsumm.heading_features import FEATURE_NAMES, candidate_features, group_candidates
from yxsumm.train_headings import (
    GoldArticle,
    HeadingScore,
    fit_detector,
    fit_tree_detector,
    is_real_heading,
    label_articles,
)

from .conftest import ROOT

EXAMPLE_HEADINGS = [
    None,
    "突出政治引领，精准把握基层党建方向",
    "突出好干部标准，强化干部队伍建设",
    "突出标准化建设，提升基层党组织综合能力",
    "突出项目建设 人才强县战略 取得新突破",
]
BODY = [
    "市政府今天召开新闻发布会，介绍了全市交通建设的最新进展和下一步的工作安排。",
    "据介绍，今年以来全市新建道路一百二十公里，改造老旧路口三十多处，市民出行更加方便。",
    "负责人表示，明年将继续推进地铁三号线建设，并在城东新区增设公交线路，缓解早晚高峰的拥堵。",
    "有市民表示，家门口的道路修好以后，上下班的时间缩短了将近一半，希望其他片区也能尽快改善。",
]


def test_shipped_detector_is_bundled_and_used_by_default(example_text: str) -> None:
    detector = default_heading_detector()
    assert detector is not None and 0.0 < detector.threshold < 1.0
    assert (ROOT / "models" / "yxsumm-structure" / "README.md").is_file()
    for mode in ("auto", "model", "rules"):
        article = parse_article(example_text, headings=mode)
        assert [s.heading for s in article.sections] == EXAMPLE_HEADINGS, mode


def test_markdown_headings_are_found_and_their_markup_dropped() -> None:
    text = "\n".join([BODY[0], "## 交通建设提速", BODY[1], "**地铁三号线明年开工**", BODY[2], BODY[3]])
    article = parse_article(text)
    assert [s.heading for s in article.sections] == [None, "交通建设提速", "地铁三号线明年开工"]
    assert article.sections[2].text == BODY[2] + "\n" + BODY[3]
    assert text[article.sections[1].start :].startswith("交通建设提速")


def test_html_heading_elements_are_headings() -> None:
    html = (
        "<html><body><p>" + BODY[0] + "</p><h2>道路改造成效明显</h2><p>" + BODY[1] + "</p><p>" + BODY[2] + "</p>"
        "<h3>市民出行更方便</h3><p>" + BODY[3] + "</p></body></html>"
    )
    headings = [s.heading for s in parse_article(html).sections]
    assert headings == [None, "道路改造成效明显", "市民出行更方便"]


def test_select_headings_keeps_the_first_of_a_sure_run_and_needs_a_body_after() -> None:
    assert select_headings([0.9, 0.1, 0.1, 0.8, 0.2], 0.5) == [0, 3]
    assert select_headings([0.9, 0.95, 0.1, 0.1], 0.5) == [0]  # heading + subtitle: one heading
    assert select_headings([0.1, 0.1, 0.9], 0.5) == []  # nothing follows the last line
    assert select_headings([0.4, 0.45], 0.5) == []


def test_short_lines_set_as_one_heading_become_one_candidate() -> None:
    texts = [BODY[0], "突出", "项目建设", "取得新突破", BODY[1]]
    candidates = group_candidates(texts, [False] * len(texts))
    assert [c.text for c in candidates] == [BODY[0], "突出 项目建设 取得新突破", BODY[1]]
    assert candidates[1].lines == (1, 2, 3)
    # A list of short items with nothing longer after it stays separate lines.
    items = group_candidates(["苹果", "香蕉", "梨子", "葡萄"], [False] * 4)
    assert len(items) == 4
    assert candidate_features(candidates).shape == (3, len(FEATURE_NAMES))


def test_a_numbered_label_with_its_heading_on_the_next_short_lines_is_one_heading() -> None:
    text = "\n".join(
        [
            "寻乌的脐橙",
            BODY[0],
            "一、治病：",
            "从源头",
            "斩断病害",
            BODY[1],
            "二、提质：果子卖出好价钱",
            BODY[2],
            "三、拓市：电商让脐橙走得更远",
            BODY[3],
        ]
    )
    sections = parse_article(text).sections
    assert [section.heading for section in sections] == [
        None,
        "一、治病：从源头 斩断病害",
        "二、提质：果子卖出好价钱",
        "三、拓市：电商让脐橙走得更远",
    ]
    assert sections[1].text == BODY[1]
    # A colon that introduces what follows, without a number, still does not join.
    labels = group_candidates([BODY[0], "记者：", "张三", "李四", BODY[1]], [False] * 5)
    assert [c.text for c in labels][:2] == [BODY[0], "记者："]


def test_a_counted_label_over_three_short_lines_is_one_heading() -> None:
    from pathlib import Path

    article = Path(__file__).parents[1] / "bench" / "unseen" / "league_review.txt"
    sections = parse_article(article.read_text(encoding="utf-8")).sections
    assert [section.heading for section in sections] == [
        None,
        "转折一：换帅之后的七连胜",
        "转折二：德比战的一粒进球",
        "转折三：伤病潮中的年轻人",  # 转折三： / 伤病潮中的 / 年轻人, joined without a space after 的
    ]
    assert sections[2].text.endswith("成为队内本土球员中的最佳射手。")  # the heading is not left in the body


def test_a_line_that_introduces_what_someone_said_is_no_heading() -> None:
    quote = (
        "“举报中心在配合国家网信办工作中的作用，可以用‘耳目’和‘前台’来形容。一方面，举报中心会对举报的数据进行分析”。"
    )
    lines = ["净网运动", BODY[0] * 3, "“网络维稳市场化”", BODY[1] * 3, "“举报中心” 是净网运动的“耳目”", BODY[2] * 3]
    text = "\n".join([*lines, "据张成刚介绍：", quote, BODY[3] * 2])
    headings = [section.heading for section in parse_article(text).sections]
    assert "“举报中心” 是净网运动的“耳目”" in headings
    assert "据张成刚介绍：" not in headings


def _synthetic_article(rng: random.Random, with_headings: bool) -> tuple[str, set[str]]:
    """An article of generated paragraphs, with headings of a made-up but consistent style."""
    words = ["发展", "建设", "改革", "服务", "创新", "治理", "保障", "提升", "推进", "完善"]
    lines: list[str] = []
    headings: set[str] = set()
    for section in range(rng.randint(2, 4)):
        if with_headings and section:
            heading = "".join(rng.choice(words) for _ in range(rng.randint(2, 5)))
            if heading not in headings:
                headings.add(heading)
                lines.append(heading)
        for _ in range(rng.randint(1, 3)):
            clauses = ["".join(rng.choice(words) for _ in range(rng.randint(3, 8))) for _ in range(rng.randint(2, 4))]
            lines.append("，".join(clauses) + "。")
    return "\n".join(lines), headings


def test_a_detector_trained_on_labelled_articles_finds_their_headings() -> None:
    rng = random.Random(0)
    articles = []
    for index in range(240):
        text, headings = _synthetic_article(rng, with_headings=index % 3 != 0)
        articles.append(GoldArticle(text, frozenset(headings), frozenset()))
    labelled = label_articles(articles[:200])
    detector = fit_detector(labelled, hidden=8, epochs=20)
    detector = HeadingDetector(detector.mean, detector.scale, detector.layers, 0.5)
    score = HeadingScore()
    for article in articles[200:]:
        parsed = parse_article(article.text, headings=detector)
        score.add({s.heading for s in parsed.sections if s.heading}, article)
    assert score.tp > 20 and score.f1 >= 0.9, score


def test_a_tree_detector_finds_the_headings_and_round_trips(tmp_path) -> None:
    pytest.importorskip("lightgbm")
    rng = random.Random(1)
    articles = []
    for index in range(240):
        text, headings = _synthetic_article(rng, with_headings=index % 3 != 0)
        articles.append(GoldArticle(text, frozenset(headings), frozenset()))
    detector = fit_tree_detector(label_articles(articles[:200]), trees=60).with_threshold(0.5)
    score = HeadingScore()
    for article in articles[200:]:
        parsed = parse_article(article.text, headings=detector)
        score.add({s.heading for s in parsed.sections if s.heading}, article)
    assert score.tp > 20 and score.f1 >= 0.9, score
    detector.save(tmp_path)
    loaded = HeadingDetector.load(tmp_path)
    assert loaded.trees is not None and loaded.threshold == 0.5
    features = label_articles(articles[200:210])[0].features
    np.testing.assert_allclose(loaded.probabilities(features), detector.probabilities(features))


def test_detector_round_trip(tmp_path) -> None:
    rng = np.random.default_rng(0)
    width = len(FEATURE_NAMES)
    layers = ((rng.normal(size=(4, width)).astype(np.float32), np.zeros(4, np.float32)),)
    layers += ((rng.normal(size=(1, 4)).astype(np.float32), np.zeros(1, np.float32)),)
    detector = HeadingDetector(np.zeros(width, np.float32), np.ones(width, np.float32), layers, 0.6)
    detector.save(tmp_path)
    loaded = HeadingDetector.load(tmp_path)
    features = rng.normal(size=(5, width)).astype(np.float32)
    assert loaded.threshold == 0.6
    np.testing.assert_allclose(loaded.probabilities(features), detector.probabilities(features), rtol=1e-6)


def test_missing_or_stale_detector_files(tmp_path, monkeypatch: pytest.MonkeyPatch, example_text: str) -> None:
    from yxsumm.errors import ModelLoadError

    (tmp_path / "heading_detector.json").write_text('{"features": ["length"], "layers": 1, "threshold": 0.5}')
    with pytest.raises(ModelLoadError, match="features"):
        HeadingDetector.load(tmp_path)
    monkeypatch.setenv("YXSUMM_STRUCTURE", str(tmp_path / "absent"))
    default_heading_detector.cache_clear()
    try:
        assert default_heading_detector() is None
        # The rules take over and the example keeps its structure.
        assert [s.heading for s in parse_article(example_text).sections] == EXAMPLE_HEADINGS
        with pytest.raises(ModelLoadError, match=r"heading detector files in .*absent"):
            parse_article(example_text, headings="model")
    finally:
        monkeypatch.delenv("YXSUMM_STRUCTURE")
        default_heading_detector.cache_clear()


def test_a_very_long_section_is_split_at_paragraphs_and_keeps_its_heading() -> None:
    long_paragraphs = [(BODY[k % 4] * 5) for k in range(12)]  # 12 paragraphs of ~220 characters
    text = "\n".join([BODY[0], "## 交通建设提速", *long_paragraphs, "## 市民出行更方便", BODY[3], BODY[2]])
    sections = parse_article(text).sections
    headings = [s.heading for s in sections]
    assert headings[:2] == [None, "交通建设提速"] and headings[-1] == "市民出行更方便"
    middle = sections[1:-1]
    assert len(middle) >= 3 and all(s.heading is None for s in middle[1:])
    assert "\n".join(s.text for s in middle) == "\n".join(long_paragraphs)
    assert all(len(s.text) <= 600 for s in middle)


def test_page_furniture_in_the_gold_field_is_not_a_heading() -> None:
    assert is_real_heading("突出政治引领，精准把握基层党建方向")
    for furniture in ("共享此文章：", "赞过：", "相关", "Related"):
        assert not is_real_heading(furniture)
    assert not is_real_heading("这是一个完整的句子。")


def test_a_bold_block_in_the_gold_field_is_not_scored_but_lone_headings_are(tmp_path) -> None:
    import gzip
    import json

    from yxsumm.train_headings import marked_blocks, read_gold

    lyrics = ["今天鸡蛋撞石墙 不怕壮烈下场", "决不退让", "否则俯首做白羊 一世困在牧场"]
    lines = [BODY[0], "交通建设提速", BODY[1], *lyrics, BODY[2], "市民出行更方便", BODY[3]]
    marked = {"交通建设提速", "市民出行更方便", *lyrics}
    assert marked_blocks(lines, marked) == set(lyrics)
    assert marked_blocks(lines, marked - {lyrics[1]}) == set()  # two marked lines apart are no block

    path = tmp_path / "articles.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write(json.dumps({"text": "\n".join(lines), "headings": sorted(marked), "summary": "x"}) + "\n")
    (cleaned,) = read_gold(path)
    assert cleaned.real == {"交通建设提速", "市民出行更方便"} and set(lyrics) <= cleaned.other
    (raw,) = read_gold(path, list_runs_as_other=False)
    assert raw.real == marked
    # Lines the gold does not score are negatives when training: a lyric line is no place to cut a section.
    (labelled,) = label_articles([cleaned])
    positives = {t for t, label in zip(labelled.texts, labelled.labels, strict=True) if label}
    assert positives == {"交通建设提速", "市民出行更方便"}


def test_a_title_outside_the_gold_counts_unless_asked_not_to() -> None:
    from yxsumm.train_headings import score_parser

    text = "\n".join(["阳西推进基层党建", BODY[0], BODY[1], "## 交通建设提速", BODY[2], BODY[3]])
    article = GoldArticle(text, frozenset({"交通建设提速"}), frozenset())
    assert parse_article(text).title == "阳西推进基层党建"
    counted = score_parser([article])
    assert (counted.tp, counted.fp, counted.fn) == (1, 1, 0)  # the title is an extra heading
    sections_only = score_parser([article], count_title=False)
    assert (sections_only.tp, sections_only.fp, sections_only.fn) == (1, 0, 0)
