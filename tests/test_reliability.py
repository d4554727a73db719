"""Bad and unusual input never breaks the API: only InputError, and always a valid structure."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from yxsumm import ArticleSummary, InputError, ModelLoadError, Summarizer, parse_article

LEAD = Summarizer(method="lead")
TEXTRANK = Summarizer(method="textrank")


def _valid(result: ArticleSummary) -> None:
    assert isinstance(result.headline, str)
    assert result.sections
    for section in result.sections:
        assert isinstance(section.text, str)
        assert section.summary is None or isinstance(section.summary, str)
    result.to_dict()
    result.to_markdown()


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_any_text_gives_a_summary_or_an_input_error(text: str) -> None:
    for summarizer in (LEAD, TEXTRANK):
        try:
            result = summarizer.summarize(text)
        except InputError:
            continue
        _valid(result)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=60), min_size=1, max_size=15))
def test_any_lines_parse_or_raise_input_error(lines: list[str]) -> None:
    try:
        article = parse_article("\n".join(lines))
    except InputError:
        return
    assert article.sections or article.title or article.abstract or article.removed


@pytest.mark.parametrize(
    "text",
    [
        "今天😀天气很好🌧️，我们去公园散步。明天可能下雨☔。",
        "𠀀𠀁𪜀𫝀是扩展汉字，会议讨论了𬌗字的用法。",
        "控制\x01字符\x1b[31m混在\x7f文本里。",
        "<script>alert(1)</script><p>正文在这里。</p><style>p{}</style>",
        "无标点的超长行" * 5000,
        "Only English text here. Nothing Chinese at all.",
        "ＡＢＣ全角字母和１２３数字。",
    ],
    ids=["emoji", "cjk-ext", "control", "html-script", "long-line", "no-chinese", "fullwidth"],
)
def test_unusual_text(text: str) -> None:
    result = LEAD.summarize(text)
    _valid(result)
    assert "alert" not in result.to_markdown()
    assert "\x01" not in result.to_markdown()


def test_no_chinese_gets_a_note() -> None:
    result = LEAD.summarize("Only English text here. Nothing Chinese at all.")
    assert any("no Chinese" in note for note in result.notes)


def test_mostly_english_text_gets_a_note_and_chinese_news_none() -> None:
    english = "By 记者 Four students. Liberal Studies has attracted much controversy over the years. " * 3
    assert any("is Chinese characters" in note for note in LEAD.summarize(english).notes)
    chinese = "苹果公司（Apple Inc.）周二发布iPhone 17，售价999美元，较上一代上涨100美元。分析师称销量或受影响。"
    assert LEAD.summarize(chinese).notes == []


def test_one_megabyte_text_is_bounded(tiny_copybart_dir) -> None:
    summarizer = Summarizer(tiny_copybart_dir, max_sections=8, num_beams=1, max_length=6)
    paragraph = "阳西县全面贯彻党的十九大精神，坚定不移推进全面从严治党，不断提高党的建设质量。" * 5
    text = "\n".join([paragraph] * (1_000_000 // len(paragraph.encode()) + 1))
    result = summarizer.summarize(text)
    assert len(result.sections) > 8
    assert sum(s.summary is not None for s in result.sections) == 8
    assert result.notes


@pytest.mark.parametrize("options", [{"num_beams": 0}, {"num_beams": -1}, {"num_beams": "4"}, {"max_length": 2.5}])
def test_decoding_options_are_validated_with_one_clear_message(tiny_copybart_dir: Path, options: dict) -> None:
    name = next(iter(options))
    with pytest.raises(InputError, match=name):
        Summarizer(tiny_copybart_dir, **options)
    summarizer = Summarizer(tiny_copybart_dir, num_beams=1, guard=False)
    with pytest.raises(InputError, match=name):
        summarizer.with_options(**options)


def test_a_lone_surrogate_is_replaced_not_a_crash() -> None:
    result = Summarizer(method="lead").summarize("本市今天召开会议\ud800，部署重点工作。")
    assert "\ud800" not in result.headline
    result.to_markdown().encode("utf-8")  # writable as UTF-8


def test_text_of_punctuation_only_is_refused_with_a_clear_message() -> None:
    with pytest.raises(InputError, match="no words"):
        parse_article("。，！" * 1000 + "\n……——")
    assert parse_article("。，！本市开会。").body  # one word is enough


def test_text_nested_deeper_than_the_html_parser_goes_is_kept() -> None:
    article = parse_article("<div>" * 5000 + "本市今天召开会议，部署重点工作。" + "</div>" * 5000)
    assert article.body == "本市今天召开会议，部署重点工作。"
    assert "<" not in article.body


def test_weights_that_do_not_fit_the_config_are_refused(tmp_path: Path, tiny_bart_dir: Path) -> None:
    from safetensors.torch import save_file

    broken = tmp_path / "empty-weights"
    shutil.copytree(tiny_bart_dir, broken)
    save_file({}, str(broken / "model.safetensors"))
    with pytest.raises(ModelLoadError, match="missing keys"):
        Summarizer(broken)


_SOUP = st.lists(
    st.sampled_from(
        [
            "<p ",
            "<div>",
            "</div>",
            "<p>",
            "</p",
            "<a href='",
            "'>",
            "<br/>",
            "<!--",
            "-->",
            "<script>",
            "本市",
            "会议。",
            "&amp;",
            "<",
            ">",
        ]
    ),
    min_size=1,
    max_size=400,
)
_TAG_FRAGMENT = re.compile(r"</?[A-Za-z]")


@settings(max_examples=60, deadline=None)
@given(parts=_SOUP)
def test_tag_soup_never_leaks_markup_into_the_output(parts: list[str]) -> None:
    text = "<html><body>" + "".join(parts)
    try:
        result = LEAD.summarize(text)
    except InputError:
        return  # nothing but markup: refused as empty
    lines = [result.headline] + [s.summary or "" for s in result.sections] + [s.text for s in result.sections]
    assert not any(_TAG_FRAGMENT.search(line) for line in lines), lines


_HEAP_PROBE = """
import ctypes, sys
from yxsumm.memory import cap_heap_growth
libc = ctypes.CDLL("libc.so.6")
libc.malloc.restype = ctypes.c_void_p
libc.free.argtypes = [ctypes.c_void_p]
def rss_kb():
    return int(open("/proc/self/status").read().split("VmRSS:")[1].split()[0])
if sys.argv[1] == "capped":
    assert cap_heap_growth()
size = 8 * 1024 * 1024
libc.free(libc.malloc(size))  # glibc raises its mmap threshold to 8 MiB here unless it is fixed
before = rss_kb()
block = libc.malloc(size)
ctypes.memset(block, 1, size)
libc.free(block)
print(rss_kb() - before)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc tuning")
def test_a_large_freed_buffer_goes_back_to_the_system_once_the_summarizer_caps_heap_growth() -> None:
    def kept_kb(mode: str) -> int:
        env = {**os.environ, "YXSUMM_MMAP_THRESHOLD": ""}
        env.pop("MALLOC_MMAP_THRESHOLD_", None)
        done = subprocess.run([sys.executable, "-c", _HEAP_PROBE, mode], capture_output=True, text=True, env=env)
        assert done.returncode == 0, done.stderr
        return int(done.stdout.split()[-1])

    assert kept_kb("default") > 6 * 1024  # glibc alone keeps the freed 8 MiB block mapped
    assert kept_kb("capped") < 1024


def test_heap_growth_is_left_alone_when_the_user_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    from yxsumm.memory import cap_heap_growth

    monkeypatch.setenv("YXSUMM_MMAP_THRESHOLD", "0")
    assert not cap_heap_growth()
    monkeypatch.setenv("YXSUMM_MMAP_THRESHOLD", "lots")
    assert not cap_heap_growth()
    monkeypatch.delenv("YXSUMM_MMAP_THRESHOLD")
    monkeypatch.setenv("MALLOC_MMAP_THRESHOLD_", "131072")
    assert not cap_heap_growth()
