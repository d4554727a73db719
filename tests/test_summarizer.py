"""The Python API with tiny models (ours, a plain BART, a T5) and the extractive methods."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import yxsumm
from yxsumm import ArticleSummary, InputError, ModelLoadError, Summarizer
from yxsumm.repeated_lines import repeats, without_its_sentence

CJK_SPACE = re.compile(r"[\u4e00-\u9fff] [\u4e00-\u9fff]")


def _check_clean(text: str, source: str = "") -> None:
    """No special tokens, and no space between Chinese characters unless the source has that very space."""
    assert "[UNK]" not in text and "[SEP]" not in text and "[PAD]" not in text
    assert all(match.group(0) in source for match in CJK_SPACE.finditer(text))


def test_summarize_example_with_tiny_model(tiny_summarizer: Summarizer, example_text: str) -> None:
    result = tiny_summarizer.summarize(example_text)
    assert isinstance(result, ArticleSummary)
    assert result.title == "阳西：党建引领聚合力 打造发展新引擎"
    assert [s.heading for s in result.sections][1] == "突出政治引领，精准把握基层党建方向"
    assert len(result.sections) == 5
    assert all(isinstance(s.summary, str) for s in result.sections)
    _check_clean(result.headline, example_text)
    for section in result.sections:
        _check_clean(section.summary or "", example_text)
        assert "撰文" not in section.text and "新闻推荐" not in section.text
    data = json.loads(json.dumps(result.to_dict(), ensure_ascii=False))
    assert data["sections"][4]["heading"] == "突出项目建设 人才强县战略 取得新突破"
    markdown = result.to_markdown()
    assert markdown.startswith("# ") and "原小标题：突出好干部标准，强化干部队伍建设" in markdown


def _count_generate_calls(summarizer: Summarizer, monkeypatch) -> list[int]:
    """The batch size of every ``model.generate`` call from now on (the list fills as calls are made)."""
    calls: list[int] = []
    original = summarizer.model.generate

    def counting(*args, **kwargs):
        calls.append(kwargs["input_ids"].shape[0])
        return original(*args, **kwargs)

    monkeypatch.setattr(summarizer.model, "generate", counting)
    return calls


def test_sections_are_generated_in_batches(tiny_summarizer: Summarizer, example_text: str, monkeypatch) -> None:
    calls = _count_generate_calls(tiny_summarizer, monkeypatch)
    fresh = tiny_summarizer.with_options(num_beams=3)  # other options: not served from the cache
    fresh.summarize_many([example_text, example_text.replace("阳西", "阳东")])
    # 10 sections and 2 headlines share one batch (batch size 16) instead of 12 calls; a line that repeats
    # its article's headline is made again by the span selector, with no second generation.
    assert calls == [12]

    calls.clear()
    sentence = "本市今天召开第{}次工作会议，部署重点项目建设，会议要求各部门加强协作。"
    paragraphs = [sentence.format(i) * 4 for i in range(6)]
    headingless = fresh.summarize("\n".join(paragraphs))
    # Without headings too: the headline is generated from the abstract and body, with the sections.
    assert len(headingless.sections) > 1 and all(s.heading is None for s in headingless.sections)
    assert calls == [len(headingless.sections) + 1]


def test_a_news_item_is_summarised_by_its_headline(tiny_summarizer: Summarizer, monkeypatch) -> None:
    calls = _count_generate_calls(tiny_summarizer, monkeypatch)
    fresh = tiny_summarizer.with_options(num_beams=2)
    item = "国家统计局今天发布数据，十月份全国规模以上工业增加值同比增长。社会消费品零售总额继续增长。"
    result = fresh.summarize(item)
    # One section without a heading: the section says what the headline says, generated once.
    assert len(result.sections) == 1 and result.sections[0].heading is None
    assert (result.sections[0].summary, result.sections[0].origin) == (result.headline, result.headline_origin)
    assert calls == [1]


def test_a_headline_sized_text_is_its_own_headline(tiny_summarizer: Summarizer, monkeypatch) -> None:
    monkeypatch.setattr(tiny_summarizer.model, "generate", lambda *a, **k: pytest.fail("nothing to generate"))
    fresh = tiny_summarizer.with_options(num_beams=2)
    result = fresh.summarize("香港今日天气晴朗。")
    assert (result.headline, result.headline_origin) == ("香港今日天气晴朗", "extractive-span")
    assert fresh.headlines(["  本市读书节昨日开幕 ", "今天天气好"]) == ["本市读书节昨日开幕", "今天天气好"]


def test_cache_avoids_recomputation(tiny_summarizer: Summarizer, monkeypatch) -> None:
    text = "本市第三届读书节昨日开幕，活动将持续一个月。"
    first = tiny_summarizer.headline(text)
    monkeypatch.setattr(tiny_summarizer.model, "generate", lambda *a, **k: pytest.fail("not cached"))
    assert tiny_summarizer.headline(text) == first


def test_headlines_keep_order(tiny_summarizer: Summarizer) -> None:
    texts = ["短文本。", "这是一段稍微长一点的文本，用来测试批量生成时的顺序是否保持不变。", "中等长度的文本内容。"]
    batch = tiny_summarizer.headlines(texts, batch_size=2)
    assert batch == [tiny_summarizer.headline(t) for t in texts]


def test_traditional_article_gets_traditional_output(tiny_summarizer: Summarizer) -> None:
    from yxsumm.script import to_simplified

    text = "香港特區政府今日宣佈，將於下月起放寬入境檢疫措施。這項決定獲得商界歡迎，預計旅客人數會增加。"
    result = tiny_summarizer.summarize(text)
    assert result.script == "traditional"
    # What the model wrote (in Simplified) is converted back: converting again changes nothing.
    simplified_out = tiny_summarizer.with_options().summarize(to_simplified(text)).headline
    assert to_simplified(result.headline) == to_simplified(simplified_out)


def test_a_line_copied_from_a_traditional_text_keeps_its_characters() -> None:
    from yxsumm.script import to_traditional, to_traditional_like

    original = "香港的外匯儲備資產為4,286億美元，較9月底增加52億美元。"
    line = "香港的外汇储备资产为4,286亿美元"
    assert to_traditional(line) != "香港的外匯儲備資產為4,286億美元"  # OpenCC s2t writes 爲
    assert to_traditional_like(line, original) == "香港的外匯儲備資產為4,286億美元"
    assert to_traditional_like("外汇储备增加为", original) == "外匯儲備增加爲"  # a lone 为: converted


@pytest.mark.parametrize("fixture", ["tiny_bart_dir", "tiny_t5_dir"])
def test_foreign_checkpoints_work_through_the_same_path(fixture: str, request, example_text: str) -> None:
    folder: Path = request.getfixturevalue(fixture)
    summarizer = Summarizer(folder, num_beams=2, max_length=8)
    result = summarizer.summarize(example_text)
    assert len(result.sections) == 5
    assert isinstance(result.headline, str)
    assert len(summarizer.headlines(["第一篇。", "第二篇文章。"])) == 2


@pytest.mark.parametrize("method", ["lead", "textrank"])
def test_extractive_methods_need_no_model(method: str, example_text: str) -> None:
    result = yxsumm.summarize(example_text, method=method)
    assert result.headline and len(result.headline) <= 30
    assert result.headline in result.sections[0].text or method == "textrank"
    assert all(s.summary and len(s.summary) <= 30 for s in result.sections)
    body = "".join(s.text for s in result.sections)
    assert all(s.summary.replace("…", "") in body for s in result.sections)


def test_lead_headline_is_the_first_sentence() -> None:
    result = yxsumm.summarize("市政府今天宣布新政策。其他内容在后面。", method="lead")
    assert result.headline == "市政府宣布新政策"  # in headline style: the day between actor and verb goes


def test_a_text_headlined_as_a_whole_loses_its_bylines_and_appeals_first() -> None:
    summarizer = Summarizer(method="lead")
    text = "【撰文：张三】\n市政府今天宣布新政策。其他内容在后面。\n请加入成为众新闻的月费订户，长期支持我们的工作。"
    assert summarizer.headline(text) == "市政府宣布新政策"
    assert summarizer.headline(text.split("\n")[-1]).startswith("请加入")  # all noise: the text is all there is


def test_missing_model_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ModelLoadError, match="does not exist"):
        Summarizer(tmp_path / "nope")


def test_pickle_only_model_folder_is_refused(tmp_path: Path, tiny_bart_dir: Path) -> None:
    folder = tmp_path / "pickled"
    folder.mkdir()
    (folder / "config.json").write_text((tiny_bart_dir / "config.json").read_text())
    (folder / "pytorch_model.bin").write_bytes(b"not loaded")
    with pytest.raises(ModelLoadError, match="safetensors"):
        Summarizer(folder)


def test_corrupt_weights_name_the_folder(tmp_path: Path, tiny_bart_dir: Path) -> None:
    folder = tmp_path / "corrupt"
    folder.mkdir()
    for file in tiny_bart_dir.iterdir():
        (folder / file.name).write_bytes(file.read_bytes())
    (folder / "model.safetensors").write_bytes(b"\x00garbage")
    with pytest.raises(ModelLoadError, match=str(folder)):
        Summarizer(folder)


@pytest.mark.parametrize("bad", ["", "   \n", None, b"bytes", "。。。", "——"])
def test_bad_input_is_an_input_error(bad, tiny_summarizer: Summarizer) -> None:
    with pytest.raises(InputError):
        tiny_summarizer.summarize(bad)
    with pytest.raises(InputError):
        tiny_summarizer.headline(bad)


def test_section_limit_adds_a_note(tiny_copybart_dir: Path) -> None:
    summarizer = Summarizer(tiny_copybart_dir, max_sections=2, max_length=6, num_beams=1)
    text = "\n".join("这是很长的一段话，用来凑够字数，让文章被分成很多节。" * 8 for _ in range(6))
    result = summarizer.summarize(text)
    assert len(result.sections) > 2
    assert [s.summary is None for s in result.sections][2:] == [True] * (len(result.sections) - 2)
    assert result.notes and "2" in result.notes[0]


def test_unknown_options_are_rejected() -> None:
    with pytest.raises(ValueError):
        Summarizer(method="magic")
    with pytest.raises(ValueError):
        Summarizer(method="lead", backend="gpu-magic")


def test_sections_past_the_generation_budget_get_extracted_lines(tiny_copybart_dir) -> None:
    text = "\n".join(f"{i}. 第{i}项工作\n本市部署第{i}项重点工作，要求各部门抓好落实。" for i in range(1, 7))
    summarizer = Summarizer(tiny_copybart_dir, num_beams=1, max_length=8, max_generated_sections=2, guard=False)
    result = summarizer.summarize(text)
    assert len(result.sections) >= 5
    origins = [section.origin for section in result.sections]
    assert origins[:2] == ["model", "model"] and set(origins[2:]) == {"lead"}  # no span selector without guard
    assert all(section.summary and section.summary in section.text for section in result.sections[2:])


def test_the_unguarded_line_can_come_from_the_guards_constrained_decoding(tiny_copybart_dir) -> None:
    from yxsumm.faithfulness import unsupported_facts
    from yxsumm.generation import generate_candidates

    texts = ["欧盟今天宣布向该项目提供100万欧元，第二十届峰会在布鲁塞尔举行，iPhone销量增长3%。"] * 2
    summarizer = Summarizer(tiny_copybart_dir, num_beams=2, max_length=12, guard=False, copy_constraints=True)
    lines = summarizer.headlines(texts[:1])
    nbest = generate_candidates(summarizer.model, summarizer.tokenizer, texts[:1], num_beams=2, max_length=12)
    assert lines[0] and nbest[0] and lines[0] == nbest[0][0][0].strip()
    assert not [f for f in unsupported_facts(lines[0], texts[0]) if f.kind != "name"]


def test_threads_bound_numpy_blas_as_well_as_torch() -> None:
    # numpy's BLAS threads spin beside beam search; a summariser's thread count applies to both pools.
    import numpy as np  # noqa: F401  (loads the BLAS library threadpoolctl looks for)
    import torch
    from threadpoolctl import threadpool_info, threadpool_limits

    before = torch.get_num_threads()
    try:
        with threadpool_limits(limits=2, user_api="blas"):  # put back as it was afterwards
            Summarizer(method="lead", threads=1)
            blas = [info["num_threads"] for info in threadpool_info() if info["user_api"] == "blas"]
            assert blas and set(blas) == {1}
            assert torch.get_num_threads() == 1
    finally:
        torch.set_num_threads(before)


def test_a_section_line_does_not_repeat_the_article_headline(example_text: str) -> None:
    result = yxsumm.summarize(example_text, method="lead")
    first = result.sections[0]
    assert result.headline == "阳西县全面贯彻党的十九大精神"  # the lead section's first sentence
    assert first.summary and first.summary.startswith("如今")  # what else the lead section tells
    assert first.summary.rstrip("…") in first.text


def test_a_section_line_does_not_repeat_an_earlier_sections_line() -> None:
    text = (
        "共享充电宝的生意经\n\n"
        "共享充电宝比共享单车问世更早，近年来各地的商场、餐厅和车站都能见到它的身影。"
        "行业经历了多轮洗牌，几家头部企业占据了大部分市场份额，新入局者越来越少。\n\n"
        "一、选址的学问\n共享充电宝的生意靠的是人流。商家扮演着场地提供者的角色，分成比例往往高达五成以上，"
        "企业的利润空间因此被不断压缩。\n\n"
        "二、踩过的坑\n共享充电宝的生意靠的是人流。一些企业早年盲目扩张，在人流稀少的地方铺设大量机柜，"
        "结果设备闲置、损耗严重，最终被迫收缩。\n"
    )
    result = yxsumm.summarize(text, method="lead")
    lines = [section.summary for section in result.sections]
    assert [section.heading for section in result.sections] == [None, "一、选址的学问", "二、踩过的坑"]
    assert lines[1] == "共享充电宝的生意靠的是人流"  # the first section to say it keeps it
    assert lines[2] and lines[2].startswith("一些企业早年盲目扩张")  # what else the later section tells


def test_repeats_and_the_sentence_a_line_came_from() -> None:
    assert repeats("阳西县全面贯彻党的十九大精神", "2018年，阳西县全面贯彻党的十九大精神")
    assert repeats("2025年我国人工智能核心产业规模预计突破9000亿元", "我国人工智能产业规模突破9000亿元")
    assert not repeats("阳西县", "阳西县全面贯彻党的十九大精神")  # a shared subject is no repeat
    # a line that is a stretch of a much longer headline says nothing it does not
    long_headline = "内地28岁的李女士怀疑医院向她洗脑，哄骗她在没有医疗需要情况下接受切胃手术"
    assert repeats("内地28岁的李女士怀疑医院向她洗脑", long_headline)
    assert not repeats("李女士怀疑医院骗医保", long_headline)
    assert not repeats("阳西县深入实施人才强县发展带动战略", "阳西县全面贯彻党的十九大精神")
    text = "市政府今天宣布新政策。新政策明年一月起实施，全市所有中小企业的税费都将减免，企业可在网上申请办理。"
    assert without_its_sentence(text, "市政府宣布新政策") == text[len("市政府今天宣布新政策。") :]
    assert without_its_sentence("市政府今天宣布新政策。详情另行公布。", "市政府宣布新政策") is None  # little else
    assert without_its_sentence("市政府今天宣布新政策。", "市政府宣布新政策") is None  # nothing else


def test_a_line_that_ran_to_the_length_cap_is_no_candidate_of_the_guard(tiny_copybart_dir) -> None:
    import torch

    from yxsumm.generation import generate_candidates, ran_to_the_cap

    # decoder start 2, end 3, pad 0; a cap of 6 positions: the first line ended on its own, the second was cut
    sequences = torch.tensor([[2, 7, 8, 3, 0, 0], [2, 7, 8, 9, 10, 3]])
    assert ran_to_the_cap(sequences, 3, 6) == [False, True]
    assert ran_to_the_cap(sequences, [3, 4], None) == [False, False]  # no cap known
    summarizer = Summarizer(tiny_copybart_dir, num_beams=2, max_length=6)
    text = "欧盟今天宣布向该项目提供100万欧元。第二十届峰会在布鲁塞尔举行。各国代表出席会议并讨论了能源问题。"
    capped: list[set[str]] = []
    lines = generate_candidates(
        summarizer.model, summarizer.tokenizer, [text], num_beams=2, max_length=6, capped_out=capped
    )
    # the untrained model never ends a line on its own: every line runs to the cap, and the guard prints a span
    assert lines[0] and capped == [{line for line, _ in lines[0]}]
    result = summarizer.summarize_many([text])[0]
    assert result.headline_origin.startswith("extractive") and result.headline in text


def test_a_line_cut_by_the_length_cap_is_carried_on_along_its_text_to_the_clause_end() -> None:
    from yxsumm.generation import completed_along_its_source, finished_lines

    text = (
        "电视专题片《开启新航程——系列活动纪实》今晚播出。党组书记李强主持召开国务院党组会议，"
        "学习贯彻习近平总书记在二十届中央纪委五次全会上的重要讲话和全会精神。"
    )
    cut = "李强主持召开国务院党组会议学习贯彻习近平总书记在二十届中央纪委五次全会上的重"
    whole = cut + "要讲话和全会精神"
    assert completed_along_its_source(cut, text) == whole
    assert completed_along_its_source("电视专题片《开启新航程——系列活动纪实》今", text) == (
        "电视专题片《开启新航程——系列活动纪实》今晚播出"
    )
    stray = "召开国务院党组会议学习贯彻习近平总书记在二十届中央纪委五次全会上强"  # its end is not the text's
    assert completed_along_its_source(stray, text) is None
    dated = "中共全国政协党组1月14日召开会议，传达学习贯彻习近平总书记在二十届中央纪委五次全会上的重要讲话和全会精神。"
    assert completed_along_its_source(
        "全国政协党组召开会议传达学习贯彻习近平总书记在二十届中央纪委五次全会上的重要", dated
    ) == (
        "全国政协党组召开会议传达学习贯彻习近平总书记在二十届中央纪委五次全会上的重要讲话和全会精神"
    )  # the day of the month a headline leaves out
    nbest = [(cut, -0.1), ("国务院党组会议", -0.3)]
    assert finished_lines(nbest, {cut}, text) == [(whole, -0.1), ("国务院党组会议", -0.3)]
    assert finished_lines(nbest, {cut}) == nbest[1:]  # no text given: every capped line goes
