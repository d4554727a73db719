"""parse_article on the example article, headingless, numbered, Traditional, HTML and empty input."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from yxsumm import Article, InputError, parse_article, split_sentences
from yxsumm.normalize import normalize_text
from yxsumm.structure import _MARKDOWN_HEADING, Removed, prepare_text

CAPTIONS = [
    "儒洞镇驹龙村和石楼村党支部开展“示范带动，结对共建”活动。",
    "阳西县2000名党员干部回顾改革开放40年历程，县镇村三级联动推动改革再深入。",
    "一圈一核心百里党建示范长廊示范点大泉村。",
    "党员志愿服务队义务植树。",
    "上洋镇党员志愿者上渔船服务渔民。",
    "一圈一核心百里党建示范长廊。",
]


@pytest.fixture(scope="module")
def article(example_text: str) -> Article:
    return parse_article(example_text)


def test_example_title_and_abstract(article: Article) -> None:
    assert article.title == "阳西：党建引领聚合力 打造发展新引擎"
    assert article.abstract == "党建工作越做越实 党员群众精神面貌越来越好"
    assert article.script == "simplified"


def test_example_captions_removed(article: Article) -> None:
    captions = [text for reason, text in article.removed if reason == "caption"]
    assert captions == CAPTIONS
    for section in article.sections:
        for caption in CAPTIONS:
            assert caption not in section.text


def test_captions_are_found_in_a_body_pasted_without_its_title(example_text: str) -> None:
    body = parse_article("\n".join(example_text.splitlines()[2:]))
    assert body.title is None and body.abstract is None
    captions = [part.text for part in body.removed if part.reason == "caption"]
    assert captions[0].startswith("儒洞镇驹龙村") and captions[-1] == "一圈一核心百里党建示范长廊。"
    assert len(captions) == 6 and body.sections[0].text.startswith("2018年，阳西县全面贯彻党的十九大精神")


def test_short_opening_sentences_without_a_title_stay_in_the_body() -> None:
    paragraph = "居民消费价格指数同比上涨，" * 10 + "。"
    for opening in ("大家好，欢迎收看本期节目。\n今天先说消费。\n首先看数据。", "春天来了。\n河水涨了。\n燕子回来了。"):
        article = parse_article(f"{opening}\n{paragraph}\n{paragraph}")
        greeting = [removed.text for removed in article.removed]
        if greeting:  # a show's greeting alone on its line is removed as boilerplate, not as a caption
            assert greeting == ["大家好，欢迎收看本期节目。"] and article.removed[0].reason == "boilerplate"
        first = opening.split("\n")[len(greeting)]
        assert article.sections[0].text.startswith(first)


def test_example_sections(article: Article) -> None:
    headings = [s.heading for s in article.sections]
    assert headings == [
        None,
        "突出政治引领，精准把握基层党建方向",
        "突出好干部标准，强化干部队伍建设",
        "突出标准化建设，提升基层党组织综合能力",
        "突出项目建设 人才强县战略 取得新突破",
    ]
    lead = article.sections[0].text
    assert lead.startswith("2018年，阳西县全面贯彻")
    assert lead.endswith("一批支撑经济高质量发展的重点项目在党建工作的助推下取得重大进展。")
    assert article.sections[4].text.startswith("近年来，阳西县深入实施人才强县发展带动战略")


def test_example_bylines_and_tail_removed(article: Article) -> None:
    removed = dict((text, reason) for reason, text in article.removed)
    for byline in ["策划/张宜春", "撰文/陈思捷 张文秀", "张枝首 李秋实", "摄影/阳西县委组织部提供"]:
        assert removed[byline] == "byline"
    assert removed["新闻推荐"] == "tail"
    body = "\n".join(s.text for s in article.sections)
    for leaked in ["策划", "撰文", "张枝首", "摄影/", "新闻推荐", "南方农村报讯"]:
        assert leaked not in body
    assert article.sections[-1].text.endswith("推动全县基层党组织建设全面进步、全面过硬。")


def test_a_blogs_share_box_and_related_posts_are_a_tail() -> None:
    body = "\n".join(
        f"第{i}段。网络审查的研究者认为，举报功能的用途是收集敏感现象，而不是处理违法信息本身。" for i in range(1, 5)
    )
    text = (
        f"举报功能的真实用途\n{body}\n共享此文章：\n点击以在 Twitter 上共享（在新窗口中打开）\n赞过：\n"
        "赞 正在加载……\n相关\nTagged\ncensorship\nPublished 2015年5月1日 2019年8月8日"
    )
    article = parse_article(text)
    removed = dict((text, reason) for reason, text in article.removed)
    assert removed["共享此文章："] == "tail" and removed["Tagged"] == "tail"
    assert [s.heading for s in article.sections] == [None]
    last_paragraph = "第4段。网络审查的研究者认为，举报功能的用途是收集敏感现象，而不是处理违法信息本身。"
    assert article.sections[-1].text.endswith(last_paragraph)


def test_a_paywall_notice_and_the_links_after_it_are_a_tail() -> None:
    body = "\n".join(
        f"第{i}段。对冲基金经历了糟糕的十年，明星经理曾经被认为是战无不胜的宇宙之主。" for i in range(1, 9)
    )
    for furniture in (
        "You’ve hit the wall.\n风高浪急\nRelated\n美国「社会主义」的说服力 YiMagazine\nInitium Media",
        "No More.\nMORE\nThe New York Times\nView\nThe Economist\nView\nPublished since September 1843",
    ):
        article = parse_article(f"东山再起\n{body}\n{furniture}")
        assert {reason for reason, _ in article.removed} == {"tail"}
        assert [s.heading for s in article.sections] == [None]
        assert article.sections[-1].text.endswith("战无不胜的宇宙之主。")


def test_a_bracketed_link_to_a_series_other_articles_is_a_tail() -> None:
    body = "\n".join(f"第{i}段。参选人之间没有挺中央与反中央的选择，特首选举不是建制与泛民之争。" for i in range(1, 5))
    tail = "【特首战局系列其他文章】\n请加入成为众新闻的月费订户，长期支持我们的工作。"
    article = parse_article(f"特首选举不是什么\n{body}\n{tail}")
    assert ("tail", "【特首战局系列其他文章】") in {(removed.reason, removed.text) for removed in article.removed}
    assert article.sections[-1].text.endswith("特首选举不是建制与泛民之争。")
    assert "月费订户" not in "".join(section.text for section in article.sections)


def test_a_sites_appeal_for_donations_ends_the_text_wherever_it_stands() -> None:
    body = "曾任教职17年的曾燕红今年4月离职，于上月21日成为全港首位公开出柜的中学校长后接受访问。" * 3
    appeal = [
        "众新闻众筹呼吁：",
        "如果你认为我们的内容可读，想继续看下去，请帮忙。方法如下：",
        "1. 到Fringebacker众筹平台捐款： http://hkcnews.com/supportus",
        "1. 新增Paypal帐户： paypal.hkcnews.com",
        "1. 寄支票给经营《众新闻》的「公民记者有限公司」，地址：九龙长沙湾永康街77号环荟中心1210室。",
    ]
    article = parse_article("\n".join([body, *appeal]))
    assert [r.text for r in article.removed if r.reason == "tail"] == appeal
    assert all("众筹" not in s.text and s.heading is None for s in article.sections)


@pytest.mark.parametrize(
    ("furniture", "reason"),
    [
        ("(视频编辑:苏志刚 文字编辑:温凤浩)", "byline"),
        ("（文字编辑：易佳）", "byline"),
        ("*本文原刋《都市日报》*", "boilerplate"),
        ("注：本文只代表作者个人意见，与所属机构立场无关。", "boilerplate"),
        ("请支持《众新闻》，立即按此订阅成为我们的订户", "boilerplate"),
        ("2) Paypal帐户：paypal.hkcnews.com", "boilerplate"),
        ("月费订户 网址：hkcnews.com/aboutus/#subscribe", "boilerplate"),
        ("—— 未完待续 ——", "boilerplate"),
        ("Anonymous (未验证)", "boilerplate"),
        ("林太希望和平理性非暴力，争取真普选。(何君健摄)", "caption"),
        ("台湾学生声援香港占中运动 图/法新社", "caption"),
        ("会场一角。新华社记者 李贺 摄", "caption"),
        ("現場情況 圖：美聯社", "caption"),
    ],
)
def test_credits_disclaimers_and_appeals_stay_out_of_sections(furniture: str, reason: str) -> None:
    body = "\n".join(f"第{i}段。研究者认为，举报功能的用途是收集敏感现象。" for i in range(1, 5))
    article = parse_article(f"举报功能的真实用途\n{body}\n{furniture}")
    assert (reason, normalize_text(furniture)) in [(r.reason, r.text) for r in article.removed]
    assert article.sections[-1].text.endswith("第4段。研究者认为，举报功能的用途是收集敏感现象。")


def test_a_credited_photo_caption_before_the_text_is_not_its_title() -> None:
    body = "\n".join(f"第{i}段。苹果新手机首发没有中国市场，研究者认为原因在于审批。" for i in range(1, 4))
    article = parse_article(f"中国iPhone 6首发缺席 图/法新社\n{body}")
    assert article.title is None
    assert ("caption", "中国iPhone 6首发缺席 图/法新社") in [(r.reason, r.text) for r in article.removed]


def test_short_paragraphs_before_a_subscription_notice_are_the_body_not_captions() -> None:
    text = (
        "市政府今天召开会议\n本市今天召开全市安全生产工作会议，部署下一阶段的重点工作。\n"
        "会议要求各区各部门压实责任，确保安全。\n"
        "请加入成为众新闻的月费订户，长期支持我们的工作。所有订户都可以收到我们的「每周时事」通讯 。"
    )
    article = parse_article(text)
    assert [r.reason for r in article.removed] == ["boilerplate"]
    assert "会议要求各区各部门压实责任" in article.body and "部署下一阶段" in article.body


def test_a_text_without_sectioning_loses_its_noise_lines_and_keeps_the_rest() -> None:
    from yxsumm.structure import without_noise

    text = "文/张三\n本市今天召开会议，部署工作。\n会场一角。新华社记者 李贺 摄\n会议要求压实责任。\n新闻推荐\n另一篇"
    assert without_noise(text) == "本市今天召开会议，部署工作。\n会议要求压实责任。"
    assert without_noise("责任编辑：李四") == "责任编辑：李四"


def test_a_sentence_about_taking_photos_is_not_a_caption() -> None:
    body = "\n".join(f"第{i}段。研究者认为，举报功能的用途是收集敏感现象。" for i in range(1, 4))
    article = parse_article(f"举报功能的真实用途\n{body}\n照片均由志愿者拍摄\n第4段。研究者认为，这是证据。")
    assert not article.removed
    assert "照片均由志愿者拍摄" in article.sections[-1].text


def test_spans_point_into_normalised_text(example_text: str, article: Article) -> None:
    normalised, _ = prepare_text(example_text)
    for section in article.sections:
        assert normalised[section.start : section.end].endswith(section.text.split("\n")[-1])


def test_to_dict_is_json(article: Article) -> None:
    data = json.loads(json.dumps(article.to_dict(), ensure_ascii=False))
    assert data["title"] == article.title
    assert len(data["sections"]) == 5
    assert {"reason": "byline", "text": "策划/张宜春"} in data["removed"]


def test_headingless_text_is_chunked_at_sentence_boundaries() -> None:
    sentences = [f"这是第{i}句话，用来测试没有小标题的长文章如何分节，每一句都有完整的标点符号。" for i in range(60)]
    paragraphs = ["".join(sentences[i : i + 4]) for i in range(0, 60, 4)]
    article = parse_article("\n".join(paragraphs))
    assert len(article.sections) > 3
    for section in article.sections:
        assert section.heading is None
        assert 150 <= len(section.text.replace("\n", "")) <= 600
        assert section.text.endswith("。")


def test_long_paragraph_split_only_between_sentences() -> None:
    paragraph = "".join(f"第{i}句讲的是一件事情，内容并不重要，但是长度足够。" for i in range(80))
    article = parse_article(paragraph)
    assert len(article.sections) > 1
    assert "".join(s.text for s in article.sections) == paragraph
    assert all(s.text.endswith("。") for s in article.sections)


def test_short_text_is_one_section() -> None:
    article = parse_article("今天天气很好。我们去公园散步。")
    assert len(article.sections) == 1
    assert article.sections[0].text == "今天天气很好。我们去公园散步。"


def test_numbered_headings() -> None:
    body = "会议指出，要进一步加强基层治理能力建设，推动各项工作落到实处，切实提高群众的满意度和获得感。"
    text = "\n".join(["一、总体要求", body, "二、主要任务", body * 2, "（三）保障措施", body])
    article = parse_article(text)
    assert [s.heading for s in article.sections] == ["一、总体要求", "二、主要任务", "（三）保障措施"]


def test_numbered_list_items_are_not_headings() -> None:
    intro = "报告列出了三项建议，供有关部门参考，希望能够尽快落实，改善市民的生活质量。"
    text = "\n".join([intro, "1. 增加公共交通班次", "2. 延长图书馆开放时间", "3. 增设社区诊所", intro])
    article = parse_article(text)
    assert all(s.heading is None for s in article.sections)


def test_traditional_input_is_detected() -> None:
    text = "香港特區政府今日宣佈，將於下月起放寬入境檢疫措施，旅客抵港後毋須再接受隔離。這項決定獲得商界歡迎。"
    article = parse_article(text)
    assert article.script == "traditional"
    assert "特區政府" in article.sections[0].text  # the text itself stays in its own script


def test_html_input() -> None:
    html = (
        "<html><head><title>测试标题</title><style>p{color:red}</style></head><body>"
        "<script>alert('x')</script><h2>第一部分</h2><p>这是正文的第一段，内容比较长，讲述了事情的来龙去脉&amp;经过。</p>"
        "<p>第二段继续说明，<b>加粗</b>的文字也要保留。</p></body></html>"
    )
    article = parse_article(html)
    body = article.body
    assert "alert" not in body and "color:red" not in body and "<" not in body
    assert "来龙去脉&经过" in body
    assert "加粗的文字也要保留" in body
    assert any(reason == "html" and "alert" in text for reason, text in article.removed)


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t", "\u200b\u200b", "<p> </p>"])
def test_empty_input_raises_input_error(text: str) -> None:
    with pytest.raises(InputError):
        parse_article(text)
    assert issubclass(InputError, ValueError)


def test_non_text_input_raises_input_error() -> None:
    with pytest.raises(InputError):
        parse_article(b"bytes")  # type: ignore[arg-type]


def test_normalisation() -> None:
    assert normalize_text("阳西:党建\u200b引领,聚合力") == "阳西：党建引领，聚合力"
    assert normalize_text("ＡＢＣ１２３　测试") == "ABC123 测试"
    assert normalize_text("第一行  多个   空格\r\n\r\n第二行\x07") == "第一行 多个 空格\n第二行"
    assert normalize_text("会议于9:30开始，价格3,000元。") == "会议于9:30开始，价格3,000元。"
    assert normalize_text("（一）他说：“好！”") == "（一）他说：“好！”"


def test_markdown_links_are_reduced_to_their_words() -> None:
    linked = "[[冷战物语]冷战时期的香港「送中」，有著不一样的理由](https://matters.news/@a/%25E5%2586) ------\n先说。"
    assert normalize_text(linked) == "[冷战物语]冷战时期的香港「送中」，有著不一样的理由\n先说。"
    assert normalize_text("标题 ======\n正文\n---\n更新时间") == "标题\n正文\n---\n更新时间"  # a rule alone stays
    footnote = "报道指警方拘捕两人[[1]](https://web.archive.org/web/2021/http://hk.apple.nextmedia.com/a)。"
    assert normalize_text(footnote) == "报道指警方拘捕两人。"
    assert normalize_text("图![现场](http://a.example/b.png)文") == "图文"
    assert normalize_text("比分 3 --- 2 [注](备注)") == "比分 3 --- 2 [注](备注)"  # no rule, no address
    assert normalize_text("441 *离开农村，才能保住故乡*\n{.links-list}") == "441 *离开农村，才能保住故乡*"
    assert normalize_text("集合{a}与{.b}") == "集合{a}与{.b}"  # braces inside a line are text


def test_split_sentences_keeps_closing_quotes() -> None:
    text = "他说：“我们明天出发。”大家都同意了！真的吗？是的……最后一句;end"
    parts = split_sentences(text)
    assert parts == ["他说：“我们明天出发。”", "大家都同意了！", "真的吗？", "是的……", "最后一句;", "end"]
    assert "".join(parts) == text


def test_an_ascii_full_stop_ends_a_chinese_sentence() -> None:
    from yxsumm.extractive import extractive_headline

    text = "下垫面具有双重性造成了天气变化的多样性.结合2005年的观测资料进行了模拟. 总值达3258.4亿元, 见Fig. 3"
    parts = split_sentences(text)
    assert parts == [
        "下垫面具有双重性造成了天气变化的多样性.",
        "结合2005年的观测资料进行了模拟.",
        " 总值达3258.4亿元, 见Fig. 3",
    ]
    assert "".join(parts) == text
    assert extractive_headline(text, "lead") == "下垫面具有双重性造成天气变化的多样性"  # 了 dropped as headlines do


def _chars(text: str) -> list[str]:
    return sorted(c for c in text if not c.isspace())


def _without_heading_markup(text: str) -> str:
    """``text`` with Markdown heading markup (``## …``, ``**…**``, ``__…__``) taken off, as the parser does."""
    lines = []
    for line in text.split("\n"):
        markup = _MARKDOWN_HEADING.match(line)
        content = markup and next(group for group in markup.groups() if group is not None).strip()
        lines.append(content or line)
    return "\n".join(lines)


def _accounted(article: Article) -> list[str]:
    pieces = [article.title or "", article.abstract or ""]
    pieces += [s.heading or "" for s in article.sections] + [s.text for s in article.sections]
    pieces += [text for reason, text in article.removed if reason != "html"]
    return _chars("".join(pieces))


_LINES = st.one_of(
    st.text(alphabet="阳西县党建工作的人民群众发展新闻，。！？：“”（）1234一二三、", min_size=1, max_size=80),
    st.sampled_from(
        [
            "一、总体要求",
            "（二）主要任务",
            "新闻推荐",
            "撰文/张三 李四",
            "[摘要]一句摘要",
            "图为活动现场。",
            "责任编辑：王五",
            "突出项目建设",
            "相关阅读",
        ]
    ),
    st.text(min_size=1, max_size=40),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_LINES, min_size=1, max_size=25))
@example(["__0__"])
def test_no_character_lost_or_duplicated(lines: list[str]) -> None:
    text = "\n".join(lines)
    normalised, _ = prepare_text(text)
    if not normalised.strip() or not re.search(r"[^\W_]", normalised):  # empty, or no words at all
        with pytest.raises(InputError):
            parse_article(text)
        return
    article = parse_article(text)
    assert _accounted(article) == _chars(_without_heading_markup(normalised))


def test_an_interviewers_questions_are_kept_and_never_printed_as_the_headline() -> None:
    from yxsumm.guard_assets import default_guard_path
    from yxsumm.span_selector import SpanSelector

    answer = "答：今年以来，就业形势保持总体稳定。1至10月，全国城镇新增就业1100万人，提前完成全年目标任务。"
    turns = ["记者：今年以来就业形势总体如何？", answer, "记者：下一步有哪些打算？", "答：我们将继续实施就业优先政策。"]
    text = "\n".join(turns)
    parsed = parse_article(text)
    assert not parsed.removed  # a question is the interview's text, not a byline (记者：张三)
    assert "下一步有哪些打算" in "".join(section.text for section in parsed.sections)
    assert parse_article("记者：张三\n" + answer).removed[0].reason == "byline"
    span = SpanSelector.load(default_guard_path()).select([prepare_text(text)[0]], "headline")[0]
    assert span is not None and "如何" not in span.text and "打算" not in span.text  # an answer, not a question


def test_a_byline_with_several_roles_is_removed_and_the_heading_after_it_stays() -> None:
    body = "第一次到陈坤记，想买无染上抗真菌药粉的菠菜种子，老板却说没有。" * 3
    text = "\n".join(
        [
            "【撰文、访问：钟智豪、周思中、郑家驹、刘海龙／图： Kensa Hung】",
            "引言",
            body,
            "三代人走过香港农业遽变兴衰",
            body,
        ]
    )
    parsed = parse_article(text)
    assert ("byline", "【撰文、访问：钟智豪、周思中、郑家驹、刘海龙／图： Kensa Hung】") in [
        (r.reason, r.text) for r in parsed.removed
    ]
    assert "引言" in [s.heading for s in parsed.sections]
    assert all("刘海龙" not in s.text for s in parsed.sections)


def test_a_videos_credits_are_removed_and_never_read_as_a_heading() -> None:
    body = "苹果日报员工今日一如既往返回公司上班，以出版报纸对抗政权的打压，捍卫新闻自由。" * 3
    text = "\n".join(["采访：周满铿、郑卓伶", "拍摄、剪接：黎家威", body, "早上大搜查 下午各施各法如常运作", body])
    parsed = parse_article(text)
    removed = [(r.reason, r.text) for r in parsed.removed]
    assert ("byline", "采访：周满铿、郑卓伶") in removed and ("byline", "拍摄、剪接：黎家威") in removed
    assert all("黎家威" not in s.text and s.heading != "采访：周满铿、郑卓伶" for s in parsed.sections)


def test_a_books_particulars_are_removed() -> None:
    body = "1918年的西班牙大流感中，公布的全球死亡人数一度为约2000万，实际死亡数字可能高达5000万。" * 3
    text = "\n".join(["《大流感——最致命瘟疫的史诗》", "出版社：上海科技教育出版社", "出版时间：2008 年", body])
    parsed = parse_article(text)
    removed = [(r.reason, r.text) for r in parsed.removed]
    assert ("byline", "出版社：上海科技教育出版社") in removed and ("byline", "出版时间：2008 年") in removed
    assert all("出版社" not in s.text for s in parsed.sections)


def _removed_and_kept(text: str) -> tuple[set[tuple[str, str]], str]:
    """What parsing ``text`` removed (reason and the first 12 characters) and the text its sections keep."""
    parsed = parse_article(text)
    return {(r.reason, r.text[:12]) for r in parsed.removed}, "".join(s.text for s in parsed.sections)


def test_an_author_note_a_contact_line_and_a_first_published_note_are_removed() -> None:
    body = "鱼菜共生就是将养鱼的水拿来种菜，鱼的排泄物经细菌分解后成为植物的养分，植物则替鱼净化水质。" * 2
    chat = "[email protected] < wangdachui> 是公开可追踪性的一个例子，购买域名时填写的资料都可以查到。"
    text = "\n".join(
        [
            "【撰文：孙树坤】",
            "*作者为香港珠海学院新闻及传播学系前系主任*",
            body,
            chat,
            body,
            "[[email protected]](/web/20210712013227/https://www.hkcnews.com/cdn-cgi/l/email-protection)",
            "本文首见于笔者网志： Classical Chinese Poems in English",
            "原文刊载于 作者Facebook专页",
            "英文原文刊登于 外交政策 。",
        ]
    )
    removed, kept = _removed_and_kept(text)
    assert ("byline", "*作者为香港珠海学院新闻") in removed
    assert ("byline", "[[email prot") in removed
    assert ("boilerplate", "本文首见于笔者网志： C") in removed
    assert ("boilerplate", "原文刊载于 作者Face") in removed
    assert ("boilerplate", "英文原文刊登于 外交政策") in removed
    assert chat in kept  # a quoted chat log that opens with a hidden address is the article's text


def test_a_line_asking_readers_to_follow_the_author_elsewhere_is_removed() -> None:
    body = "村上春树在书中形容跑步时心灵真空，只有身体的节奏与呼吸，思绪慢慢沉淀下来，人也变得安静。" * 2
    title = "Follow The Money: A digital Guide to Track Corruption 这是对腐败调查的一个详细指南。"
    plugs = [
        "Follow instagram.com/ innerjourney.hk",
        "Like 灵心旅程 Facebook fb.me/hk.innerjourney",
        "💛Subscribe youtube.com/c/x",
    ]
    removed, kept = _removed_and_kept("\n".join([body, title, *plugs]))
    assert ("boilerplate", "Follow insta") in removed and ("boilerplate", "Like 灵心旅程 Fa") in removed
    assert ("boilerplate", "💛Subscribe y") in removed  # after an emoji
    assert body in kept and title in kept  # a guide's title that opens with Follow is the text


def test_a_shows_greeting_and_sign_off_are_removed_and_its_talk_stays() -> None:
    talk = "4月24日，中国商飞CR929副总设计师孟庆功在上海防疫志愿者工作中劳累过度，突发心肌梗塞，不幸逝世。" * 2
    opening = "大家好，欢迎收看第14期《讲点黑话》。今天我们讲一家公司的故事，它的股权之争持续了三年。"
    text = "\n".join(
        [
            "大家好，2022年7月17日星期日，欢迎收看第459期睡前消息，请静静介绍话题。",
            talk,
            opening,
            "今天的会议到此结束。",
            "857期节目到此结束，感谢各位收看。现在距离春节还有一周时间，希望各位观众谅解。我们下期再见！",
        ]
    )
    removed, kept = _removed_and_kept(text)
    assert ("boilerplate", "大家好，2022年7月1") in removed
    assert ("boilerplate", "857期节目到此结束，感") in removed
    assert talk in kept
    assert opening in kept  # a greeting that goes on into the talk is the talk
    assert "今天的会议到此结束。" in kept  # a meeting's end is news, not a show's sign-off


def test_credits_that_open_a_paragraph_are_removed_and_its_text_stays() -> None:
    first = "六四事件25周年即将到来，中国对待此的态度可以从其对待外国记者的方式中看出一二。"
    second = "近日，内地著名作家李承鹏在微博的账号遭封锁，疑与他日前在北大演讲时呼唤言论自由有关。"
    text = "\n".join(
        [
            "六四25周年",
            f"文/Francine Stone {first}",
            "1989年6月4日，北京天安门广场上，士兵向毫无武装的民主派示威者开火，造成至少数百人死亡。" * 2,
            f"文/ 陈善恩 编辑/方钰钧 {second}",
        ]
    )
    parsed = parse_article(text)
    assert [(r.reason, r.text) for r in parsed.removed] == [
        ("byline", "文/Francine Stone"),
        ("byline", "文/ 陈善恩 编辑/方钰钧"),
    ]
    body = "\n".join(section.text for section in parsed.sections)
    assert body.startswith(first) and second in body  # the paragraph is not taken for a caption
    assert "Francine" not in body and "方钰钧" not in body
    # A short credit line stays one byline; a sentence that starts with 文 is no credit.
    assert parse_article("题目\n文/张三\n" + second * 2).removed == [Removed("byline", "文/张三")]
    assert parse_article("文化/体育 " + second * 2).removed == []
    authors = "作者：Wai Kai Hou and others （Dept of Psychological Studies, HK Institute of Education）"
    assert parse_article(authors + "\n" + second * 2).removed == []  # a list of authors


def test_links_to_other_articles_and_an_interview_legend_are_not_headings() -> None:
    body = "船湾淡水湖是香港最大的水塘之一，有人提出填平它来建新市镇，引起环保团体的反对。" * 3
    text = "\n".join(
        [
            body,
            "相关文章：水务署前署长马利德：时刻记着水",
            "问：记者　黎：黎照昌",
            body,
            "延伸阅读：《香港水塘的故事》",
            body,
        ]
    )
    parsed = parse_article(text)
    removed = [(r.reason, r.text) for r in parsed.removed]
    assert ("boilerplate", "相关文章：水务署前署长马利德：时刻记着水") in removed
    assert ("boilerplate", "问：记者 黎：黎照昌") in removed  # the ideographic space is normalised
    assert ("boilerplate", "延伸阅读：《香港水塘的故事》") in removed
    assert all(s.heading is None for s in parsed.sections)


def test_a_line_that_only_links_or_credits_a_quote_is_not_a_heading() -> None:
    body = "面部识别技术在全球迅速普及，警方和企业用它追踪人们的行踪，隐私团体对此提出了批评。" * 3
    links = ["如果您错过了《 便利的暴政 》", "推荐这份调查《 “如果你不偏执，那就是疯了” 》", "——白桦《苦恋》"]
    text = "\n".join([body, links[0], body, links[1], body, links[2], body, "—— 结论 ——", body])
    parsed = parse_article(text)
    removed = [(r.reason, r.text) for r in parsed.removed]
    assert all(("boilerplate", link) in removed for link in links), removed
    assert all(link not in section.text for link in links for section in parsed.sections)
    assert "《基因传》" not in [r.text for r in parse_article(body + "\n《基因传》\n" + body).removed]


def test_a_bracketed_note_of_where_a_piece_first_appeared_is_boilerplate_and_the_title_heads_an_empty_body() -> None:
    from yxsumm.article_inputs import headline_source

    text = "廖启智（1954-2021）\n(原刊 作者Facebook ）\n请加入成为众新闻的月费订户，长期支持我们的工作。"
    article = parse_article(text)
    assert article.title == "廖启智（1954-2021）"
    assert "原刊" not in article.body and any("原刊" in removed.text for removed in article.removed)
    assert headline_source(article) == "廖启智（1954-2021）"  # not an empty headline
    # a note that goes on with the piece's own words after its bracket is no byline
    kept = parse_article("储安平的发言\n（原载《人民日报》1957年6月2日）储安平在中央统战部座谈会上发言，批评党天下。")
    assert "储安平在中央统战部座谈会上发言" in kept.body


def test_a_text_that_is_all_noise_is_its_own_body() -> None:
    # found by the property test: ``声明`` alone is a boilerplate line, and the article had no section at all
    for text in ("声明", "请加入成为众新闻的月费订户，长期支持我们的工作。\n月费订户 网址：hkcnews.com"):
        article = parse_article(text)
        assert [section.text for section in article.sections] == [text] and article.removed == []


def test_a_contact_block_of_telephone_and_labelled_email_lines_is_left_out() -> None:
    body = "类风湿性关节炎是一种慢性自体免疫疾病，造成关节的持续性发炎，引发红肿、痛楚。" * 3
    contact = (
        "电话：2979 0380\n电邮： [[email protected]](/web/2021/https://www.hkcnews.com/cdn-cgi/l/email-protection)"
    )
    article = parse_article(f"{body}\n香港药学服务基金\n{contact}")
    text = "".join(section.text for section in article.sections)
    assert "2979" not in text and "email-protection" not in text and "类风湿性关节炎" in text
    assert "电话：我们会再打来" in "".join(s.text for s in parse_article(f"{body}\n电话：我们会再打来").sections)
    shop = parse_article(f"{body}\n地址：旺角西洋菜南街1号\n营业时间：朝十晚七")
    assert "朝十晚七" not in "".join(section.text for section in shop.sections)
