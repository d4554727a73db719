"""Headline-like spans of the source: candidate boundaries, boilerplate trimming, the ROUGE-L oracle.

A good headline is very often a span of the article itself, and a span never invents anything.
Spans start and end at jieba word boundaries, never cross a sentence end, and lose leading
news boilerplate (``新华社北京3月5日电``, ``2018年，``, ``记者 … 报道``) and clause punctuation at
their edges, so that they read as phrases.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np

from .chinese import ASCII_FULL_STOP, CLOSING, FULL_STOPS, HAN
from .faithfulness import last_clause, longest_in_source
from .postprocess import LEADING_LIST_MARKER, MAX_LINE_CHARS, QUESTION_MARKS, TRAILING_FOOTNOTE
from .words import has_a_verb, jieba, posseg

#: Spans are looked for in the first ``SPAN_WINDOW_CHARS`` characters of a text.
SPAN_WINDOW_CHARS = 240
#: Longest span, in characters.
MAX_SPAN_CHARS = 40
MIN_SPAN_CHARS = 4
#: A printable line has at least this many characters that are neither digits nor punctuation
#: (``2018年`` or ``全面建设`` says nothing about a section; :func:`word_characters`).
MIN_WORD_CHARS = 5
#: A span one word character shorter is printed when it scores above every printable line (the guard's choice).
MIN_SHORT_SPAN_CHARS = MIN_WORD_CHARS - 1
#: What is not a word character: digits, punctuation, spaces.
_NOT_WORD = re.compile(r"[\W\d_]+")


def word_characters(text: str) -> int:
    """How many characters of ``text`` are neither digits nor punctuation (``享年86岁``: 3)."""
    return len(_NOT_WORD.sub("", text))


_SENTENCE_END = set(FULL_STOPS + "\n")
_EDGE_PUNCT = "，,；;：:、 　·—…▐▌█■□▪◆◇★☆►▶"  # marks, and bullets no span starts or ends with
_OPEN_MARKS = "“‘「『《（(【〈〔"
_CLOSE_MARKS = "”’」』》）)】〉〕"
_NO_EDGE = set(_EDGE_PUNCT + "。！？!?")
_BOILERPLATE = [
    # agency datelines: 新华社北京3月5日电（记者 张三）, 本报讯, 央视网消息（新闻联播）：
    re.compile(
        r"^(?:新华社|中新社|中新网|央视网|人民网|新华网|本报|本台|据|记者)[^，。：]{0,24}?(?:电|讯|消息|报道|获悉)(?:（[^）]{0,30}）)?[，,：:\s]*"
    ),
    # a dateline in square brackets: 【本报讯】, 【大公报讯】, 【新华社电】
    re.compile(r"^[【\[][^】\]]{0,12}?(?:讯|电|消息)[】\]]\s*"),
    # a credit in brackets: （记者 张三）, （泡泡特约撰稿）
    re.compile(r"^[（(][^）)]{0,20}(?:记者|通讯员|新闻联播|特约|撰稿|供稿|来稿)[^）)]{0,20}[）)][，,：:\s]*"),
    # leading dates and time words: 2018年，/ 3月5日，/ 今天，/ 近日，
    re.compile(r"^(?:\d{4}年)?(?:\d{1,2}月)?(?:\d{1,2}日)?(?:[上下]午|晚间?|早间?)?[，,]\s*"),
    re.compile(r"^(?:今天|昨天|今年|去年|日前|近日|近期|当天|当日|目前|此前|今日|昨日)[，,]\s*"),
    re.compile(r"^记者[^，。]{0,16}?(?:报道|获悉|了解到|看到)[，,：:]?"),
    # the part labels of a structured abstract: 目的 观察…, 【结果】…, 结论：…, and 目的观察… (no space, but
    # a verb of study after it: 目的是… and 结果显示… are sentences)
    re.compile(r"^[【\[]?(?:背景|目的|目标|方法|结果|结论|摘要)(?:[】\]]|[:：]|\s)\s*"),
    re.compile(r"^(?:目的|方法)(?=观察|探讨|分析|研究|评价|了解|比较|探索|建立|检测|调查|总结|评估|确定)"),
    # a talker's interjection set off at either end: ``…“引流”团伙 哎`` (of ``…团伙 哎，这个段子…``), ``哎，…``
    re.compile(r"\s+[哎唉嗯哦噢诶欸呃]+$"),
    re.compile(r"^[哎唉嗯哦噢诶欸呃]+[，,！!\s]+"),
    TRAILING_FOOTNOTE,  # ``…9亿元的「补水」 【注1】``
]


_ASCII_SENTENCE_END = re.compile(ASCII_FULL_STOP)


#: Two letters in a row (Han or Latin): a span without them is a date, a number or a rule (``| --- |``).
_TWO_LETTERS = re.compile(r"[\u4e00-\u9fffA-Za-z]{2}")


#: A line of a Markdown table: it opens or closes with a pipe (``| 官员 | 正评（％） |``, ``| --- |``; a
#: cell spread over two lines opens one line and closes the next).
_TABLE_LINE = re.compile(r"^[ \t\u3000]*\|.*$|^.*\|[ \t\u3000]*$", re.MULTILINE)


def without_tables(text: str) -> str:
    """``text`` without its Markdown table lines, when it says something besides them; a text that is all
    table gives its cells, one a line (``| 调查日期 | 3-6/6/2010 |`` is not a line to print).

    Spans and the lead sentence are taken from what this returns, so no ``|`` reaches a printed line.
    """
    if "|" not in text:
        return text
    prose = "\n".join(line for line in _TABLE_LINE.sub("", text).splitlines() if line.strip())
    if _TWO_LETTERS.search(prose):
        return prose
    cells = (cell.strip() for cell in re.split(r"[|\n]", text))
    return "\n".join(cell for cell in cells if _TWO_LETTERS.search(cell))


def _inside_a_number(text: str, at: int) -> bool:
    """Whether ``at`` falls inside a number written with a thousands separator or a decimal point: next to the
    ``,`` or ``.`` of ``2,000`` or ``3.5`` (a window cut there would offer ``as many as 2`` as a span)."""
    return (text[at] in ",." and text[at - 1].isdigit() and text[at + 1 : at + 2].isdigit()) or (
        at > 1 and text[at - 1] in ",." and text[at - 2].isdigit() and text[at].isdigit()
    )


def span_window(text: str) -> str:
    """The first :data:`SPAN_WINDOW_CHARS` characters of ``text`` (:func:`without_tables`), never ending
    inside a clause (when a clause break comes before) or a Latin word or number (``2,000`` and ``3.5`` whole).

    (A window cut through ``OFDM`` would offer the span ``…自适应OF``.)  An ASCII ``.`` that ends a Chinese
    sentence becomes ``。`` (same length, so offsets stay), so that no span runs across it.
    """
    text = without_tables(text)
    end = min(len(text), SPAN_WINDOW_CHARS)
    if end < len(text) and text[end] not in _CLAUSE_BREAK and text[end - 1] not in _CLAUSE_BREAK:
        # The cut falls inside a clause (``…打造阳`` before ``西特色…``): end the window where that clause
        # starts, so that no span ends where the window, not the text, stops.
        clause_start = max(text.rfind(mark, 0, end) for mark in _CLAUSE_BREAK)
        if clause_start >= MIN_SPAN_CHARS:
            end = clause_start
    while 0 < end < len(text) and (
        all(c.isascii() and c.isalnum() for c in (text[end - 1], text[end])) or _inside_a_number(text, end)
    ):
        end -= 1
    return _ASCII_SENTENCE_END.sub("。", text[:end])


#: A printable line of a Chinese text has at least this many Han characters.  The generator wrote bare
#: brand names as section lines (``YouTube``, ``Facebook``, ``ChatGPT``: 11 of the 5,317 dev and test lines
#: printed before); a line of an English text is not held to it.
MIN_HAN_CHARS = 2


def foreign_line(text: str, source: str) -> bool:
    """Whether ``text`` has fewer than :data:`MIN_HAN_CHARS` Han characters while most letters of
    ``source`` (its first 2,000 characters) are Han: the guard refuses such a line."""
    if len(HAN.findall(text)) >= MIN_HAN_CHARS:
        return False
    head = source[:2000]
    return len(HAN.findall(head)) > len(_LATIN_LETTER.findall(head))


#: Emoji and pictographs at a span's edge (``…蛛丝马迹钓大鱼 🤔``): a blogger's aside, not the headline's words.
#: Not the symbols of a unit or a figure (``℃``, ``%``), which lie outside these blocks.
_EMOJI = r"[\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F\u200D\s]+"
_EDGE_EMOJI = re.compile(rf"^{_EMOJI}|{_EMOJI}$")


def trim_span(span: str) -> str:
    """Remove leading news boilerplate, emoji and clause punctuation at both ends; balance quote marks."""
    span = span.strip()
    changed = True
    while changed:
        changed = False
        for pattern in _BOILERPLATE:
            trimmed = pattern.sub("", span, count=1)
            if trimmed != span and len(trimmed) >= MIN_SPAN_CHARS:
                span, changed = trimmed, True
        stripped = _EDGE_EMOJI.sub("", span.strip(_EDGE_PUNCT).rstrip("。！？!?"))
        if stripped != span:
            span, changed = stripped, True
    for opener, closer in zip(_OPEN_MARKS, _CLOSE_MARKS, strict=True):
        if span.startswith(opener) and closer not in span:
            span = span[1:]
        if span.endswith(closer) and opener not in span:
            span = span[:-1]
    return span.strip(_EDGE_PUNCT)


#: Connectives that open many clauses of the training texts and almost no headline (under 5 % of the
#: headlines expected from their clause share; conjunctions and discourse adverbs only, none that
#: changes the claim of the clause, as 几乎, 大约, 不少 or 必须 would).
LEADING_CONNECTIVES = frozenset(
    [
        "也",
        "亦",
        "即",
        "亦即",
        "也即",
        "但",
        "但是",
        "惟",  # ``惟中立评价占比开始减少``: Hong Kong's written "but" (2 of 185,533 training lines open with it)
        "不过",
        "便",
        "则",
        "却",
        "及",
        "以及",
        "并",
        "并且",
        "而",
        "而且",
        "而是",
        "从而",
        "以便",
        "其后",
        "此后",
        "此外",
        "此时",
        "随后",
        "然而",  # since the fifty-eighth session (``然而旅游市场热度不减``; 11 of 185,533 training lines open with it)
        "随即",
        "然后",
        "于是",  # since the sixty-ninth session (``于是信息传递路线是可以被追踪的``)
        "遂",  # since the seventy-third session (``遂要求控方披露撤控理由``; no training line opens with it)
        "同时",
        "与此同时",
        "另一方面",
        "因此",
        "因而",
        "所以",
        "由此",
        "对此",
        "因为",
        "是因为",
        "由于",
        "当然",
        "毕竟",
        "实际上",
        "就是",
        "正是",
        "更是",
        "甚至",
        "尤其",
        "最终",
        "目前",
        "其中",
        "据悉",
        "其实",
        "那么",
        "嗯",
    ]
)


#: The number a list item opens with: ``一是…``, ``其二，…``, ``第三，…``, ``首先，…``, ``其次…``.
_LIST_ITEM_OPENER = re.compile(
    r"^(?:[一二三四五六七八九十]是|其[一二三四五六七八九十]|第[一二三四五六七八九十]+(?=[，,、：:])|首先|其次)[，,、：:]?"
)


#: Words jieba's dictionary lacks whose first character is a connective, as jieba cuts them into two words:
#: Cantonese ``而家`` ("now"; ``而家直情系…`` lost its ``而`` and was printed as ``家直情系…``), not ``而`` before
#: ``家中``.
_WORDS_JIEBA_SPLITS = ("而家",)
#: The adverbs a "but" may come before, each dropped after it: ``但却…``, ``而也…``.
_BUT_ADVERBS = ("却", "也", "亦")
#: "Or else" at a span's start (``又或在报道时泄露国家秘密``, printed for a dev section): jieba cuts it into ``又`` and
#: ``或``/``或者``, neither of them a connective alone.  No training line opens with it.
_OR_ELSE = re.compile(r"(?:又或者|又或是|又或|抑或是|抑或)")
#: 而 before ``今次``/``今届``… (this time, this term), which jieba joins into ``而今``.
_ER_BEFORE_THIS_TIME = re.compile(r"而(?=今(?:次|届|期|轮|回))")


def drop_leading_connective(span: str) -> str:
    """``span`` without a leading connective (``并准备提交众议会审议`` → ``准备提交众议会审议``), the number of
    the list item it opens (``一是免除公办幼儿园大班幼儿保育教育费`` → ``免除…``, ``一、查找…`` → ``查找…``: a
    headline is not the first point), an "or else" (:data:`_OR_ELSE`: ``又或在报道时…`` → ``在报道时…``), a host's
    turn to the next item of a programme (``看看湖南郴州官场`` →
    ``湖南郴州官场``, :data:`SHOW_TRANSITION`) or a verb that says what the clause before means
    (:data:`SIGNIFYING_OPENER`).

    Only a whole jieba word of :data:`LEADING_CONNECTIVES` is dropped (``而立之年`` keeps its ``而``), an
    ordinal only before a mark (``第一，`` but not ``第一批``), and only when :data:`MIN_SPAN_CHARS` characters are
    left.  A first clause that is only a :data:`BARE_FRAME` is dropped too (``正如前文所述，具公信力的独立调查…``).
    """
    if item := _LIST_ITEM_OPENER.match(span) or LEADING_LIST_MARKER.match(span):
        rest = span[item.end() :].lstrip(_EDGE_PUNCT)
        return rest if len(rest) >= MIN_SPAN_CHARS else span
    turn = (
        SHOW_TRANSITION.match(span)
        or SIGNIFYING_OPENER.match(span)
        or _LEADING_BARE_FRAME.match(span)
        or _OR_ELSE.match(span)
    )
    if turn:
        rest = span[turn.end() :].lstrip(_EDGE_PUNCT)
        return rest if len(rest) >= MIN_SPAN_CHARS else span
    once = _without_connective(span)
    # "but" and its adverb in a row: ``但却缺少实用性`` (not ``也就是IP地址``, ``但就是这一份清单``: what 就是 names)
    twice = _without_connective(once) if once is not span and once.startswith(_BUT_ADVERBS) else once
    return next((rest for rest in (twice, once) if len(rest) >= MIN_SPAN_CHARS), span)


def _without_connective(span: str) -> str:
    """``span`` without the word of :data:`LEADING_CONNECTIVES` it opens with; ``span`` itself when it opens with
    none."""
    # ``而今次政府决定…``: jieba reads ``而今`` (now), the text ``而`` + ``今次`` (this time)
    words = ["而"] if _ER_BEFORE_THIS_TIME.match(span) else jieba().lcut(span[:8], HMM=False)
    if not words or words[0] not in LEADING_CONNECTIVES or "".join(words[:2]) in _WORDS_JIEBA_SPLITS:
        return span
    rest = span[len(words[0]) :].lstrip(_EDGE_PUNCT)
    return span if words[0] == "而是" and _completes_its_shi(rest) else rest


def _completes_its_shi(rest: str) -> bool:
    """Whether ``rest``, what follows a leading 而是, is the complement of its 是, so that 而是 stays: a noun phrase
    with no verb (``而是整个服装电商行业``, what the clause before is not) or a first clause that is a 的 phrase
    (``而是独立的，可以…``, a dev hkcnews section of the eighty-second session)."""
    if not any(word.flag[:1] == "v" and word.flag != "vn" for word in posseg().lcut(rest, HMM=False)):
        return True
    return re.split(r"[，,；;：:]", rest, maxsplit=1)[0].endswith("的")


#: A verb that says what the clause before means, opening a span that then says it: ``标志着2025年汛期调水调沙开始
#: 实施`` (of ``…联合调度，标志着…``) is told as ``2025年汛期调水调沙开始实施``.  No training headline opens with one.
#: (Judging such a span unfit lost that dev line; 成为, which opens a predicate of the subject before, is left alone:
#: ``成为国内首个基本实现分质供水的百万人口城市`` is a test lcsts item's best line.)
SIGNIFYING_OPENER = re.compile(r"(?:标志|意味|预示)[着著]")  # 著: Hong Kong's spelling (``意味著``)
#: A programme host's turn to the next item, before the item's topic: ``看看``, ``关注一下``, ``再聊聊``, ``看一组``,
#: ``顺着中亚看看`` (19 of the lines printed on the dev and test caches opened so, all bedtime_sections; 15 of
#: 185,533 training headlines and headings, 11 of them two recurring programme titles, ``说说咱心中的国``).
SHOW_TRANSITION = re.compile(
    # since the seventieth session also after ``接下来``/``下面`` and with ``看一眼``, ``看两位…``, ``再介绍一位…``
    # (``接下来看两位在海外犯事的中国富豪``, ``最后看一眼足球``: test bedtime_sections lines)
    r"(?:接下来|下面)?(?:继续|先|再|接着|最后|然后){0,2}(?:浅|来|简单)?"
    r"(?:看一下|看一看|看一眼(?![就便都也])|看看|关注一下|聊聊|聊一聊|说说|说一说"
    r"|(?:看|介绍)(?=[一二两三四五六七八九十几]+[组轮起个条则件位名家]))"
    r"|顺着[^，,。；;]{1,10}看看"
    # and since the same session a viewer's request and a look back (``…观众私信问能不能谈谈…``, ``继续关注…``,
    # ``回望一眼…``: 5 printed bedtime_sections lines, 1 training line)
    r"|(?:继续|再)关注(?:一下)?|[^，,。；;]{0,16}?能不能(?:谈谈|聊聊|讲讲|说说)|回望一眼|回顾一下"
)


#: Word classes of a last clause that only leads in to what was cut off: conjunctions, adverbs, time words,
#: pronouns (``但现在``, ``而此时``, ``然而这``).
_LEAD_IN_FLAGS = ("c", "d", "t", "r")
#: A last clause longer than this is no bare lead-in.
_MAX_LEAD_IN_CHARS = 6
#: A last clause that only says how the next one is to be taken: ``不幸的是``, ``值得注意的是``, ``目的是``, or how
#: sure it is (``…，那么毫无疑问`` before ``，寡头统治者会确保…``).
_EVALUATIVE_LEAD_IN = re.compile(
    r".{1,4}的是|(?:那么|所以|因此|但|而|但是)?(?:毫无疑问|毋庸置疑|无可否认|不可否认|不言而喻|显而易见|众所周知|可以说|可以肯定)"
)  # matched on the text after the last clause mark


_BARE_MONTH_OR_DAY = re.compile(r"\s*(?:\d{2,4}\s*年\s*)?(?:\d{1,2}\s*月\s*)?(?:\d{1,2}\s*[日号])?\s*")


def dash_lead_in(span: str) -> bool:
    """Whether ``span`` ends on what a dash opens and its clause mark then cuts: a frame or another dependent
    clause (``…南苏丹队——面对对手的三分雨和冲击力`` before ``，中国男篮无奈以69-89告负``) or a date alone
    (``…美国就业市场状况良好——10 月`` before ``，企业新增岗位…``).  What comes after the dash is the opening of the
    next statement, not part of the span's."""
    at = span.rfind("——")
    tail = span[at + 2 :].strip()
    if at < MIN_SPAN_CHARS or not tail or any(mark in tail for mark in CLAUSE_ENDS):
        return False
    return opens_a_dependent_clause(tail) or ends_on_time_word(tail) or bool(_BARE_MONTH_OR_DAY.fullmatch(tail))


def drop_trailing_lead_in(span: str) -> str:
    """``span`` without a last clause that only leads in to the clause it was cut before
    (``“互联网主权”不是个新鲜概念，但现在`` → ``“互联网主权”不是个新鲜概念``): at most :data:`_MAX_LEAD_IN_CHARS`
    characters of conjunctions, adverbs, time words and pronouns, one of them a conjunction or a
    :data:`LEADING_CONNECTIVES` word, or a clause that says how the next is to be taken
    (:data:`_EVALUATIVE_LEAD_IN`: ``…行政长官的政治空间，不幸的是``).  Kept when fewer than
    :data:`MIN_SPAN_CHARS` characters would be left.  What a dash opens and the span then cuts is dropped
    with the dash (:func:`dash_lead_in`).
    """
    if dash_lead_in(span):
        return span[: span.rfind("——")].rstrip(_EDGE_PUNCT)
    cut = max(span.rfind(mark) for mark in "，,；;：:、")
    tail = span[cut + 1 :]
    if cut < MIN_SPAN_CHARS or not 0 < len(tail) <= _MAX_LEAD_IN_CHARS:
        return span
    if _EVALUATIVE_LEAD_IN.fullmatch(tail):
        return span[:cut].rstrip(_EDGE_PUNCT)
    words = [(pair.word, pair.flag) for pair in posseg().lcut(tail, HMM=False)]
    leads_in = all(flag.startswith(_LEAD_IN_FLAGS) for _, flag in words) and any(
        flag.startswith("c") or word in LEADING_CONNECTIVES for word, flag in words
    )
    return span[:cut].rstrip(_EDGE_PUNCT) if leads_in else span


#: Verbs that present a topic: the noun phrase they open on is what a paper or a speech is about, and a headline
#: names it without the verb (``综述了…研究进展`` → ``…研究进展``, ``介绍了…有关情况``).  Other verbs are kept: their
#: object is part of the fact (``打击了乌克兰军工联合体企业`` is not ``乌克兰军工联合体企业``, ``建立了北京国际大数据
#: 交易所``, ``逮捕了一对中国籍夫妇``), and what someone said or found is not a fact either (``提到了拜登会延续…``).
_TOPIC_VERBS = frozenset(
    ["综述", "介绍", "分析", "研究", "考察", "论述", "阐述", "讨论", "探讨", "回顾", "记述", "讲述", "描述", "概述",
     "总结", "评述", "梳理", "解读", "剖析", "比较", "测量", "测定", "设计", "提出", "给出", "构建", "建立", "探索",
     "制备", "合成", "反思", "获得", "得到", "阐明", "揭示", "说明", "进行", "归纳", "概括", "提炼", "揭露", "构成",
     "报道", "报告"]
)  # fmt: skip
_NOUN_FLAGS = ("n", "vn", "nr", "ns", "nt", "nz", "ng")


def drop_leading_done_verb(span: str) -> str:
    """``span`` without an opening ``verb + 了`` whose object is a noun phrase: the topic, as a headline
    states it (``综述了国内外湿地N2O排放的研究现状`` → ``国内外湿地N2O排放的研究现状``,
    ``介绍了首个全国科普月活动有关情况`` → ``首个全国科普月活动有关情况``).

    A span that opens so has its subject in the clause before it: 2 of 5,317 dev and test gold headlines
    open with a verb and 了, 22 of 37,489 training headlines, but 1.2–1.8 % of the lines printed on them did.  The
    object must end in a noun, start with no pronoun (``启蒙了他关心…``: he is not the topic) and hold no
    clause mark, nor a verb that no later ``的`` turns into a modifier; only :data:`_TOPIC_VERBS` go.
    Only :data:`MIN_SPAN_CHARS` characters or more are returned.
    """
    words = posseg().lcut(span, HMM=False)
    if len(words) < 3 or not words[0].flag.startswith("v") or words[1].word != "了":
        return span
    if words[0].word not in _TOPIC_VERBS or words[2].flag.startswith("r") or not words[-1].flag.startswith(_NOUN_FLAGS):
        return span
    rest = words[2:]
    last_de = _last_de(rest)
    for index, word in enumerate(rest):
        is_verb = word.flag.startswith("v") and not word.flag.startswith("vn")
        if word.word in CLAUSE_ENDS or (is_verb and index > last_de):
            return span
    object_ = "".join(word.word for word in rest).strip()
    return object_ if len(object_) >= MIN_SPAN_CHARS else span


#: Words that, as the last word of a span, make it only say who said or reported something
#: (``美国媒体报道称``, ``冷先锋说``, ``日方发布的《外交蓝皮书》显示``), or who judged what follows
#: (``国家防灾减灾救灾委员会日前研判``; no training headline ends on ``研判``, ``预判`` or ``测算``): under 0.1 % of
#: the training headlines end with any of them.  Hong Kong's ``指`` ("said":
#: ``台湾国防部在报告书评估解放军对台战力时指``, printed for a dev section), ``坦言``, ``直言``, ``声称`` and ``指称``
#: end none of 185,533 training lines.  Since the seventy-first session also who remembers or recounts (``SK犹记得``,
#: printed for a dev section; 3 training lines end on ``记得``, none on Hong Kong's ``忆述``).
SPEECH_ENDINGS = frozenset(
    ["报道", "报导", "表示", "说", "称", "指出", "强调", "认为", "透露", "获悉", "了解到", "显示", "写道", "发文",
     "宣布", "证实", "提到", "问道", "介绍", "研判", "预判", "测算", "指", "坦言", "直言", "声称", "指称",
     "记得", "忆述"]
)  # fmt: skip
#: Verbs of proposing that introduce what is proposed after a noun (``《方案》在发展“大胆资本”方面提出`` before
#: ``，优化…``, a dev section line of the eighty-first session), not after an adverb or the copula (``“大胆资本”是国内
#: 首次提出``: it was proposed).  2 of 185,533 training lines end on 提出.
_PROPOSING_ENDINGS = frozenset(["提出"])
_ATTRIBUTION_START = re.compile(r"^(?:另|又|此前|同时|而)?据")
#: A last clause that only names whose account the sentence follows (``根据乌干达高级安全官员的说法``).
_ACCOUNT_CLAUSE = re.compile(
    r"(?:^|[，,；;：:]\s*)(?:文章|本文|作者|报告|研究|他们|我们|他|她)?(?:根据|按照|依据|依照)[^，,；;：:]{1,30}?的?"
    r"(?:说法|报道|报导|消息|介绍|数据|统计|估计|估算|调查|研究|分析|资料|记录|观点|看法|报告|规定|要求)$"
)


#: A clause that only names the outlet a report comes from (``国家卫健委网站消息``; no training line ends so).
_SOURCE_NOTICE = re.compile(r"(?:网站|官网|网|公众号|微博|客户端|官方)消息$")


#: ``听取`` and a name at the end of a line: what is heard is a report (``听取李家超述职``), not a person.
_HEARD_AT_END = re.compile(r"听取了?([\u4e00-\u9fff·]{2,10})$")


def hears_a_person(line: str) -> bool:
    """Whether ``line`` ends with ``听取`` and a person's name, the report heard left out: ``习近平听取李家超`` of
    ``…听取李家超对香港当前形势和特别行政区政府工作情况的汇报``.  None of 185,533 training lines ends so."""
    heard = _HEARD_AT_END.search(line)
    if heard is None:
        return False
    name = heard.group(1)
    words = posseg().lcut(name)
    # a name alone: jieba cuts 李家超 as 李家/超, but keeps 述职报告 of 林郑月娥述职报告 whole
    return (
        len(name) <= 4 and bool(words) and words[0].flag.startswith("nr") and all(len(w.word) == 1 for w in words[1:])
    )


#: A verb of thinking or saying at a line's end, with at most a pronoun after it: what was thought is left out
#: (``Facebook CEO：我觉得自己``).  6 of 185,533 training lines end so, mostly ``相信自己``, which is let pass.
_THOUGHT_LEFT_OUT = re.compile(r"(?:觉得|认为|表示|指出|强调|以为)(?:自己|他们|她们|我们|他|她|我|它)?$")


def leaves_out_what_is_thought(line: str) -> bool:
    """Whether ``line`` ends on a verb of thinking or saying (and maybe a pronoun): ``我觉得自己``, ``…强调``."""
    return _THOUGHT_LEFT_OUT.search(line) is not None


def reads_as_attribution(span: str) -> bool:
    """Whether ``span`` only tells who said or reported something, not what happened.

    True when it opens with ``据`` (``据以色列媒体25日报道``: what is left after the boilerplate trim; also after the
    label of a turn, ``私隐专员：据公署向政府了解``, :data:`_TURN_LABEL`), its last
    clause only names whose account it follows (``根据乌干达高级安全官员的说法``) or the outlet it comes from
    (``国家卫健委网站消息``), or its last jieba word introduces
    speech (``美国媒体报道称``, ``李先生又表示``); ``网络小说`` (last word ``小说``) is not.
    """
    return (
        bool(_ATTRIBUTION_START.match(_TURN_LABEL.sub("", span, count=1)))
        or _ACCOUNT_CLAUSE.search(span) is not None
        or _SOURCE_NOTICE.search(span) is not None
        or _last_word(span) in SPEECH_ENDINGS
        or _asks(span)
        or _introduces_a_proposal(span)
    )


def _introduces_a_proposal(span: str) -> bool:
    """Whether ``span`` ends on a verb of proposing (:data:`_PROPOSING_ENDINGS`) right after a noun, a locative or a
    pronoun, not in a passive clause (``由港府提出``): what is proposed follows (``…方面提出``, ``报告提出``)."""
    if not span.endswith(tuple(_PROPOSING_ENDINGS)):
        return False
    words = posseg().lcut(last_clause(span), HMM=False)
    if any(word.word in ("由", "被") for word in words):
        return False  # ``由港府提出``: by whom it was proposed
    return len(words) >= 2 and words[-1].word in _PROPOSING_ENDINGS and words[-2].flag.startswith(("n", "f", "r"))


#: Who speaks a turn of a written exchange, before what they say: ``私隐专员：`` (since the seventy-second session).
_TURN_LABEL = re.compile(r"^[^，,。；;：:\s]{1,12}[：:]\s*")
#: Verbs of asking that end a span which only says who asked (``卡帕罗斯问``, ``他又问``): the question follows.
_ASKING = frozenset(["问", "再问", "又问", "反问", "追问"])


def _asks(span: str) -> bool:
    """Whether ``span`` ends on a verb of asking (:data:`_ASKING`) and is no answer to questions (``…答记者问``)
    nor a question named (``生命之问``, ``中国经济十问``): 21 of 184,206 training headlines and headings end on a
    bare ``问``, all of them so.  Being asked is asking too (``张仁良被问到``)."""
    if span.endswith(("被问到", "被问及", "获问及")):
        return True
    if not span.endswith("问") or "答" in span or span[-2:-1] in "之0123456789一二三四五六七八九十":
        return False
    return _last_word(span) in _ASKING


def _last_word(text: str) -> str:
    """The last jieba word of ``text`` (``""`` for an empty text)."""
    words = jieba().lcut(text, HMM=False)
    return words[-1] if words else ""


def _first_word(text: str) -> str:
    """The first jieba word of ``text`` (``""`` for an empty text)."""
    words = jieba().lcut(text, HMM=False)
    return words[0] if words else ""


#: Words that date an event relative to the report (``今天``, ``当天``, ``周四``): a span that ends with one
#: stops before what happened (``…公明党今天（1月15日）``); 0.04 % of the training headlines end so.
TIME_WORDS = frozenset(
    ["今天", "昨天", "前天", "今日", "昨日", "当天", "当日", "今晚", "昨晚", "当晚", "日前", "近日", "此前", "去年",
     "今年", "前年", "当年", "上午", "下午", "凌晨", "早上", "晚上", "周一", "周二", "周三", "周四", "周五", "周六",
     "周日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日", "不久前", "早前",
     # a period that opens the next clause (``除了疫苗接种率低的问题外，近年来``): 5 of 185,533 training lines end so
     "近年来", "近年", "近来", "最近", "目前", "如今", "当前", "现在", "明年", "后来", "此后"]
)  # fmt: skip
_TRAILING_BRACKET = re.compile(r"[（(][^（()）]*[）)]$")


#: Clock references that open a time phrase (``当地时间周四``); jieba cuts them in two (``当地`` ``时间``).
CLOCK_TIMES = ("当地时间", "北京时间", "香港时间", "美东时间", "格林尼治时间", "莫斯科时间")


#: A clause that is only a date (``1 月 29 日``, ``2019年1月1日晚``): after a clause mark it opens the next clause.
_DATE_ONLY_CLAUSE = re.compile(
    r"(?:^|[，,；;：:])\s*(?:(?:\d{2,4}\s*年\s*)?(?:\d{1,2}\s*月\s*)?\d{1,2}\s*[日号]"
    r"(?:上午|下午|晚上|晚|凌晨|早上|中午)?"
    # a stretch of time before now, after a clause mark (``…作出以下呼吁：过去几天``)
    r"|(?<=[，,；;：:])\s*(?:过去|最近|近|这|前|在过去)的?(?:几|两|三|四|五|数|十几|\d{1,3})\s*(?:个)?(?:天|日|周|星期|个月|月|年)"
    r"(?:来|以来|里|中|内|间)?"
    # a stretch of time that passed before the next clause says what happened (``继中国大陆16日申请加入…，不足一星期``
    # before ``，台湾昨亦宣布…``); none of the 185,533 training lines ends so
    r"|(?<=[，,；;：:])\s*(?:不足|不到|短短|仅仅|仅|未满|相隔|时隔|事隔|历时)?"
    r"(?:[一二两三四五六七八九十半几数]|十几|\d{1,3})\s*个?多?(?:天|日|周|星期|个月|年|小时)(?:多|后|之后|以后|内|之内|间)?)$"
)


def ends_on_time_word(span: str) -> bool:
    """Whether ``span``'s last jieba word (a bracketed date after it aside) is one of :data:`TIME_WORDS`,
    it ends with one of :data:`CLOCK_TIMES` (``美国太空探索技术公司（SpaceX）当地时间``) or an hour
    (:data:`_CLOCK_HOUR`) or a part of a month or year (:data:`_PART_OF_A_PERIOD`) or its last clause is a holiday
    (:data:`_HOLIDAY_ONLY`) or
    a date or a stretch of time alone (``香港口罩荒持续多日之后，1 月 29 日``, ``…，不足一星期``)."""
    bare = _TRAILING_BRACKET.sub("", span).rstrip(_EDGE_PUNCT)
    if bare.endswith(CLOCK_TIMES) or _CLOCK_HOUR.search(bare) or _PART_OF_A_PERIOD.search(bare):
        return True
    if _HOLIDAY_ONLY.search(bare) or _DATE_OF_WHAT_WILL_BE.search(bare) or _ends_on_the_day_of_a_doer(bare):
        return True
    return _last_word(bare) in TIME_WORDS or bool(_DATE_ONLY_CLAUSE.search(bare))


#: A day of the month alone at the end, not the end of a whole date (``12月3日``).
_BARE_DAY_AT_END = re.compile(r"(?<![\d月年至到])\d{1,2}\s*日$")


def _ends_on_the_day_of_a_doer(span: str) -> bool:
    """Whether ``span`` ends on a day of the month right after who or what did something, its deed cut off
    (``以色列新任国家安全部部长伊塔马·本-格维尔3日``, printed as a dev headline of ``…3日在警方陪同下进入…圣殿山``);
    not a stretch of days after a verb (``隔离14日``, ``相差15日``: the 15 training lines that end on a bare day
    all end so)."""
    day = _BARE_DAY_AT_END.search(span)
    if day is None:
        return False
    tagged = posseg().lcut(span[: day.start()].rstrip(), HMM=False)
    if not tagged:
        return False
    word, flag = tagged[-1].word, tagged[-1].flag
    return flag in _DATELINE_DOER_FLAGS or (flag == "n" and len(word) >= 2)


#: jieba's tags of names and Latin words: who or what a dateline's day follows.
_DATELINE_DOER_FLAGS = frozenset(["nr", "nrt", "nrfg", "ns", "nt", "nz", "j", "eng"])


#: A date a modal's 于 or 在 sets at the end, its verb cut off: ``…庆祝大会将于9月`` (of ``将于9月25日上午10时30分在…
#: 隆重举行``, printed as a dev headline; since the seventy-first session), ``…已于2025年3月``.  Not a verb's
#: 于 (``成立于1949年`` says when it was founded).
_DATE_OF_WHAT_WILL_BE = re.compile(
    r"(?:将|定|拟|预计|计划|预定|原定|即将|已|曾|均|并)[于在]\s*"
    r"(?=[\d今明本下])(?:\d{2,4}\s*年|今年|明年|本月|下月)?\s*(?:\d{1,2}\s*月)?\s*(?:\d{1,2}\s*[日号])?"
    r"\s*(?:上午|下午|晚上|晚间|中午|凌晨|早上)?$"
)


#: A clause that is only a holiday: ``国庆中秋假期`` (printed as a dev xwlb item's headline, before ``，文旅市场繁荣``).
_HOLIDAY_ONLY = re.compile(
    r"(?:^|[，,；;：:])\s*(?:今年|去年|\d{4}\s*年)?(?:国庆|中秋|春节|元旦|清明|五一|劳动节|端午|新年|圣诞)+"
    r"(?:假期|长假|小长假|黄金周|假日|期间|前夕)$"
)
#: A part of a month or a year at the end, not as what a verb runs to (``延长至7月底``, ``延续至2023年底``: 17 of
#: 185,533 training lines): ``保险公司友邦香港（AIA）今年1月底`` (before ``向保单持有人发信…``).
_PART_OF_A_PERIOD = re.compile(
    r"(?<![至到])(?:(?:今年|去年|明年|\d{2,4}\s*年)?\s*\d{1,2}\s*月|本月|上月|下月|今年|去年|明年|\d{2,4}\s*年)"
    r"(?:底|初|末|上旬|中旬|下旬)$"
)
#: An hour of a day at the end: ``…在美国时间周五上午约9时`` (before ``，在其Twitter贴上…``); 2 of 185,533 training
#: lines end so, time stamps (``晚上约11时02分``).
_CLOCK_HOUR = re.compile(
    r"(?:上午|下午|晚上|凌晨|中午|早上|傍晚|晚|早|周[一二三四五六日]|星期[一二三四五六日天])约?\d{1,2}\s*时(?:\d{1,2}分)?(?:许|左右)?$"
)


#: Marks that end a clause inside a sentence.
CLAUSE_MARKS = "，,；;：:"
#: Marks that end a clause, a sentence's last one included (the enumeration comma ``、`` does not end one).
CLAUSE_ENDS = CLAUSE_MARKS + "。！？!?\n"

#: Words that open a dependent clause (``当…``, ``如果…``, ``虽然…``, ``随着…``, ``对于…``): a span that opens
#: with one and stops at the clause's end is the half of a sentence that leads up to what it says
#: (``当全城高唱《愿荣光归香港》时``, ``如果警队积极回应独立调查的诉求``, ``继去年底被曝出两位企业主负债跑路半年后``).
#: 随著 is Hong Kong's spelling of 随着 (``随著《港区国安法》的实施``).
SUBORDINATE_OPENERS = frozenset(
    ["当", "每当", "自从", "继", "随着", "随著", "除了", "如果", "假如", "若", "一旦", "只要", "虽然", "尽管", "即使",
     "即便", "哪怕", "因为", "由于", "既然", "不管", "无论", "对于", "至于", "要么", "也许", "或许"]
)  # fmt: skip


#: Words that open a clause giving the grounds of the main clause after it (``针对美方…发出威胁性言论，``
#: ``鉴于…，``, ``就美国方面威胁再次袭击伊朗，``): a span that is that clause says what the sentence answers, not
#: what happened.  Not part of :data:`SUBORDINATE_OPENERS`, which the span ranker reads as a feature.  ``就``
#: alone (jieba keeps ``就业``, ``就此``, ``就是`` whole); as an adverb (``就能…``) it opens no headline either.
GROUNDS_OPENERS = frozenset(["针对", "鉴于", "就"])
#: More words that open a condition or a concession (``假若林郑希望寻求连任``, ``纵然有万分被捕的心理准备``,
#: ``不论性质或强度如何``),
#: found after the span ranker was trained: not part of :data:`SUBORDINATE_OPENERS`, which it reads as a
#: feature.  Not ``万一`` or ``假设``, which are as often a number or a verb.
CONDITION_OPENERS = frozenset(
    ["假若", "倘若", "假使", "如若", "要是", "纵然", "纵使", "就算", "即或", "若然", "除非", "不论",
     "如果说", "假如说", "要是说", "虽说",  # jieba's words for "if one says", "though it is said"
     "若果",  # Hong Kong's "if" (``若果真的订立甚么辱警罪的话``, printed alone for a test hkcnews article)
     "要不是"]  # "if not for" (``要不是Teemo陷狱``, a dev section line of the seventy-sixth session)
)  # fmt: skip
#: A purpose told before the clause it is the purpose of (``为了进一步揭示地形对暴雨的影响，…``): it opens a
#: dependent clause, but after its main clause it ends one well (:func:`opens_a_purpose_clause`), so it is no
#: :data:`CLAUSE_LEADING_WORDS` word.
LEADING_PURPOSE_OPENERS = frozenset(["为了"])
#: Words that open a clause giving the role in which the main clause's subject acts or what it faces
#: (``作为一种免疫细胞，…``, ``身为球迷，…``, ``面对全球威权化浪潮，…``, since the sixty-eighth session
#: ``面向“十五五”，…``, printed alone for a test xwlb section): found after the span ranker was trained, like
#: :data:`CONDITION_OPENERS`.
#: 73 of 185,533 training lines open with one, nearly all with the main clause after it.
FRAME_OPENERS = frozenset(["作为", "做为", "身为", "面对", "面向"])
#: Words that open a comparison's standard (``相比起主角一家毫无感恩之心``): a one-clause span opening so
#: leads up to what is compared.  Not :data:`CLAUSE_LEADING_WORDS`: a last clause may carry its result
#: (``…：比起英国更易融入当地``).  6 of 185,533 training lines open a clause with one.  Since the sixty-ninth
#: session also what it differs from (``有别于一般仲裁有三名仲裁员``; 2 training lines open with it).
COMPARISON_OPENERS = frozenset(["相比", "比起", "相较", "相较于", "相对于", "有别于", "不同于"])
#: A cause told before its result with the bare 因 (``因谁都知一带一路倡议背后的最大金主是中国``, printed alone for a
#: dev hkcnews article): 50 of 185,533 training lines open with it, all but headings with their result after it
#: (``因移民政策分歧 荷兰联合政府集体辞职``).  Not :data:`CLAUSE_LEADING_WORDS`: after its result it ends one well.
CAUSE_OPENERS = frozenset(["因"])
_DEPENDENT_OPENERS = (
    SUBORDINATE_OPENERS
    | CONDITION_OPENERS
    | LEADING_PURPOSE_OPENERS
    | FRAME_OPENERS
    | COMPARISON_OPENERS
    | CAUSE_OPENERS
)


#: Variants of openers that jieba cuts in two: ``做为`` (of 作为, 做 / 为), ``随著`` (Hong Kong's 随着, 随 / 著).
_OPENERS_JIEBA_SPLITS = ("做为", "随著")


def _opening_word(clause: str) -> str:
    """The first jieba word of ``clause``, or one of :data:`_OPENERS_JIEBA_SPLITS` whole."""
    return next((opener for opener in _OPENERS_JIEBA_SPLITS if clause.startswith(opener)), None) or _first_word(clause)


def opens_a_dependent_clause(span: str) -> bool:
    """Whether ``span``'s first jieba word is one of :data:`SUBORDINATE_OPENERS`, :data:`CONDITION_OPENERS`,
    :data:`LEADING_PURPOSE_OPENERS`, :data:`FRAME_OPENERS`, :data:`COMPARISON_OPENERS` or :data:`GROUNDS_OPENERS`,
    alone or glued to the 是 after it (jieba's ``无论是``, ``即使是``: ``无论是咄咄逼人的老罗``), or after a sentence
    adverb (``显然对于西方``, ``正因为…``)."""
    first = _opening_word(span)
    stem = first.removesuffix("是") if len(first) > 2 else first
    if first in _DEPENDENT_OPENERS or first in GROUNDS_OPENERS or stem in _DEPENDENT_OPENERS:
        return True
    if not any(opener in span[:8] for opener in _LONG_DEPENDENT_OPENERS):
        return False  # no opener for a sentence adverb to stand before: no need to tag the span
    words = posseg().lcut(span[:8], HMM=False)
    return (
        len(words) >= 2
        and words[0].flag in ("d", "ad")
        and not words[0].word.startswith(_NEGATIONS)
        and len(words[1].word) >= 2
        and words[1].word in _DEPENDENT_OPENERS
    )


#: The openers of two characters or more, the only ones looked for after a sentence adverb.
_LONG_DEPENDENT_OPENERS = tuple(opener for opener in _DEPENDENT_OPENERS if len(opener) >= 2)
#: How adverbs of negation start; they make the opener after them a verb (``不能不面对…``).
_NEGATIONS = ("不", "没", "未", "无", "别", "非")


#: Verbs that say by what means the subject does what the next clause says (``…研究团队利用“中国天眼”FAST，
#: 首次在银河系外探测到…``).
MEANS_VERBS = frozenset(["利用", "借助", "依托", "凭借", "运用", "依靠", "使用"])
#: Nouns of a process that end a ``通过…`` clause and make it a means (``通过…的方式``; ``通过`` before a
#: verb or ``对`` is a means too), not a passage (``三读通过《刑法》部分条文``, ``通过霍尔木兹海峡``).
_MEANS_PROCESS_END = re.compile(r"(?:分析|计算|研究|调查|方式|方法|手段|渠道|途径|解析|比较|试验|实验|交易|程序|流程)$")
#: A procedure or channel named by a noun, whose verbs before it are not the clause's (``优先审评审批程序``).
_PROCEDURE_END = re.compile(r"(?:程序|流程|方式|方法|手段|渠道|途径|机制)$")
#: What a body passes (``常委会通过决定``), which jieba may tag as a verb.
_PASSED_THINGS = frozenset(["决定", "决议", "议案", "法案", "审议", "表决", "修订", "修改"])
_SUBJECT_FLAGS = ("n", "r", "j", "s", "eng")


def says_only_the_means(span: str, rest: str) -> bool:
    """Whether ``span``, one clause followed in its sentence by ``rest`` (what comes after the clause mark),
    says only by what means its subject acts, and the next clause, which has no subject of its own, what
    it did: ``…研究团队利用“中国天眼”FAST`` before ``首次在银河系外探测到一例罕见的快速射电暴重复源``, ``…科研团队
    通过分析祝融号火星车此前获取的数据`` before ``发现火星表层…仍存在显著水体活动``.  The means verb is the
    clause's first verb (``定量评估太湖流域土地利用变化`` evaluates; it uses nothing)."""
    return means_verb_at(span, rest) >= 0


#: A character of a Chinese name: Han, but none of the function characters that follow an office in a
#: phrase (``总统的政策``, ``校长及高层``, ``老师们手里``).
_NAME_CHAR = "[^\\W\\d_A-Za-z的及和与们里在了着过是有之其等所被把将对向从为于以而且或也都就还上下中内外这那每各]"
#: Offices and trades a person is named after (``协会主席邬满海``, ``教授凌永顺``).
_NAMING_OFFICES = (
    "主席|教授|议员|司长|局长|部长|署长|处长|主任|总裁|董事长|会长|校长|院长|律师|医生|测量师|画家|作家|导演|"
    "发言人|总统|总理|首相|市长|省长|书记|委员|法官|创办人|创始人|负责人|研究员|专家|学者|老师|主持人|行政长官|记者(?!会)|"
    # since the seventy-first session: ``…高级助理法律顾问曹志远`` before ``，向保安局作出查询``
    "顾问(?!公司|委员会|团|组|机构|小组|服务)|"
    # since the seventy-fifth session: ``…特区总检察长施瓦尔布4日宣布``
    "检察长|"
    # since the seventy-sixth session: ``被美国总统特朗普解职的国务卿蒂勒森`` before ``，周四向国务院同僚道别``
    "国务卿"
)
#: What may follow a name: ``王丙乾同志`` (of an obituary's ``…副委员长王丙乾同志，因病…逝世``), ``…先生``.
_HONORIFICS = "同志|先生|女士"
#: A person named after their office or trade at the end of a span.
_TITLED_NAME = re.compile(
    rf"(?:{_NAMING_OFFICES})(?:{_NAME_CHAR}{{2,4}}?|{_NAME_CHAR}{{1,6}}·{_NAME_CHAR}{{1,6}})(?:{_HONORIFICS})?$"
)


def names_only_the_doer(span: str, rest: str) -> bool:
    """Whether ``span``, one clause followed in its sentence by ``rest``, only names a person (it ends with a
    name, :func:`_names_a_person`, and every verb in it modifies a noun) whose deed the next clause, without a
    doer of its own, says:
    ``房屋协会主席邬满海`` before ``，将在下月6日卸任``, ``港大建筑系毕业的测量师黎照昌`` before ``，早前提出…``."""
    if not _names_a_person(span) or not _leads_into_a_subjectless_clause(span, rest):
        return False
    span = _INNER_ASIDE.sub("", span)  # ``…副书记（主持工作）李腾``: the aside says nothing of the person
    return not says_what_was_done(span) or _opens_with_its_modifier(span)


#: A bracketed aside inside a clause (``（主持工作）``).
_INNER_ASIDE = re.compile(r"[（(][^（()）]{1,20}[）)]")


def named_after_an_office(span: str) -> str:
    """The name (with the honorific after it) that ``span`` ends with after an office (:data:`_TITLED_NAME`):
    ``王丙乾同志`` of ``…常务委员会副委员长王丙乾同志``; ``""`` when it ends otherwise.  A doer too long to tell with
    the deed is told by it (since the seventy-second session)."""
    if _TITLED_NAME.search(span) is None:
        return ""
    honorific = _HONORIFIC_AT_END.search(span)
    bare = span[: honorific.start()] if honorific else span
    # jieba with its HMM finds where the name starts (``副委员长/王丙乾``), which the office alternatives cannot:
    # ``委员`` + ``长王丙乾`` matches them too
    # and the name may come in pieces (``施瓦尔/布``): the run of names at the end is told whole
    words = posseg().lcut(bare, HMM=True)
    names = list(itertools.takewhile(lambda word: word.flag.startswith("nr"), reversed(words)))
    if not names:
        return ""
    return "".join(word.word for word in reversed(names)) + (honorific.group() if honorific else "")


_HONORIFIC_AT_END = re.compile(rf"(?:{_HONORIFICS})$")


def _opens_with_its_modifier(span: str) -> bool:
    """Whether ``span`` opens with a verb and is a noun phrase: its verbs are all before its last 的, which modifies
    the person it names (``流亡英国的立法会前议员许智峰``; jieba finds 流亡 a main verb, its object after it).  A
    year or a day before the verb is looked past, and the name after the 的 is read as jieba guesses it too
    (``2014年占领行动袭警罪成的社福界选委曾健超``: 曾/健/超 an adverb, an adjective and a verb without guessing;
    since the eightieth session)."""
    words = list(itertools.dropwhile(lambda word: word.flag in _DATE_FLAGS, posseg().lcut(span, HMM=False)))
    if not words or words[0].flag != "v" or _last_de(words) <= 0:
        return False
    return not _says_something_after_last_de(words) or not _says_something_after_last_de(posseg().lcut(span, HMM=True))


#: jieba's tags of the words of a year or a day (``2014``/eng ``年``/m, ``去年``/t).
_DATE_FLAGS = frozenset(["m", "t", "eng", "mq"])


#: A person's age in brackets after the name (``曾荫权（72岁）``).
_AGE_AFTER_NAME = re.compile(r"\s*[（(]\d{1,3}岁[）)]$")


#: Offices and trades a line may name a person by alone (those of :data:`_TITLED_NAME` and more).
_PERSON_TITLES = (
    _NAMING_OFFICES
    + "|院士|议长|国王|女王|外长|防长|大使|委员长|总督|州长|秘书长|经理|行长|社长|团长|厅长|县长|镇长|组长|"
    "队长|首席执行官|CEO|总经理|实际控制人|法定代表人|法人代表|控股股东|"
    # trades a column or an obituary names someone by (``资深传媒人、影评人仰止``; since the seventy-second session)
    "传媒人|影评人|评论员|演员|歌手|专员"
)
#: An office and a name after it anywhere in a clause (``时事评论员练乙铮记得``, ``丹麦首相弗雷泽里克森：``).
_OFFICE_AND_NAME = re.compile(rf"(?:{_PERSON_TITLES})(?:{_NAME_CHAR}{{2,}}|{_NAME_CHAR}{{1,6}}·)")


#: An office that ends a clause, without the name after it (``中共中央政治局常委``).
_OFFICE_AT_END = re.compile(rf"(?:{_PERSON_TITLES}|常委|总书记)$")


def ends_on_a_listed_office(span: str) -> bool:
    """Whether ``span``'s last clause is only an office, no verb and no name after it: where a 、 follows, it is the
    first of the offices listed before a person (``应…邀请，中共中央政治局常委`` before ``、中央纪委书记李希将于…``, a
    dev headline that printed ``…常委等``; since the seventy-fifth session).  Verbs before the office's 的 describe
    the person (``率中央代表团出席…庆祝活动的中共中央总书记`` before ``、国家主席、…习近平，24日听取…``)."""
    clause = last_clause(span)
    if _OFFICE_AT_END.search(clause) is None or _MEETING_WORDS.search(clause) is not None:
        return False  # ``会见美国总统`` (jieba's 会见 a noun) names the first guest of a list
    return not has_a_verb(clause.rsplit("的", 1)[-1])


#: Words that join the places of a list (``在美国纽约、洛杉矶``).
_PLACE_JOINERS = frozenset(["、", "和", "及", "与"])
#: What may stand before a 在 that places a subject: a noun, a time word or numeral (``18日``), a pronoun, or the
#: mark that closes a title or a gloss (``电影《731》在…``).
_PLACED_AFTER_FLAGS = ("n", "t", "r", "m")


def cuts_a_list_of_places(span: str, rest: str) -> bool:
    """Whether ``span``'s last clause places its subject with 在 and names only places after it, more than one
    (``…的电影《731》18日在美国纽约、洛杉矶``) or one that a list after the span goes on from (``…在美国纽约`` before
    ``、洛杉矶``; ``rest`` is the text after the span): the verb that says what happened there comes after the
    list (``…等地上映``, a dev headline of the eighty-first session).  Of 185,533 training lines, 17 end on 在 and one
    place, none on a list of them."""
    clause = last_clause(span)
    if "在" not in clause:
        return False
    words = posseg().lcut(clause, HMM=False)
    at = max((index for index, word in enumerate(words) if word.word == "在" and word.flag == "p"), default=0)
    places = words[at + 1 :]
    if not at or not places or not all(w.flag.startswith(("ns", "nz")) or w.word in _PLACE_JOINERS for w in places):
        return False  # jieba tags some places nz (``美国纽约``)
    before = words[at - 1]
    if not before.flag.startswith(_PLACED_AFTER_FLAGS) and before.word not in CLOSING:
        return False
    if any(word.word in _PLACE_JOINERS for word in places) and any(word.flag.startswith("ns") for word in places):
        return True
    goes_on = re.match(r"\s*[、，,]\s*", rest)
    following = posseg().lcut(rest[goes_on.end() : goes_on.end() + 8], HMM=False) if goes_on else []
    return bool(following) and following[0].flag.startswith("ns")


def mentions_a_person(clause: str) -> bool:
    """Whether ``clause`` names a person: a name jieba knows (``nr``) or one after an office
    (:data:`_OFFICE_AND_NAME`, for names jieba does not know: ``时事评论员练乙铮``)."""
    if _OFFICE_AND_NAME.search(clause):
        return True
    return any(word.flag.startswith("nr") for word in posseg().lcut(clause, HMM=False))


#: A line's end that names a person: an office, and maybe a name after it (``…总统呼日勒苏赫``, ``…总统``).
_PERSON_AT_END = re.compile(
    rf"(?:{_PERSON_TITLES})(?P<name>{_NAME_CHAR}{{1,6}}?(?:[·•\-]{_NAME_CHAR}{{1,6}}){{0,2}})?"
    rf"(?:{_HONORIFICS})?$"
)
#: Verbs whose object is a person or a party received: who was met, welcomed, visited.
_MEETING_VERBS = re.compile(r"会见|会晤|接见|看望|欢迎|慰问|宴请")
#: Verbs of meeting, those and talks, calls and letters, that jieba tags as nouns (``韩正会见缅甸代总统敏昂莱`` says who
#: met whom).
_MEETING_WORDS = re.compile(_MEETING_VERBS.pattern + r"|会谈|致电|致信|通电话|见")
#: Word classes of a noun phrase that names a person (names, nouns, places, numbers, locatives like ``前``).
_PERSON_PHRASE_FLAGS = ("n", "j", "f", "m", "q", "b", "s", "t", "eng")
#: Marks a list of people or a bracketed place may carry (``中国工程院士、国防科技大学教授``, ``刚果（布）``).
_PERSON_PHRASE_MARKS = frozenset("、（）()《》“”「」 ")


def names_only_a_person(line: str) -> bool:
    """Whether ``line`` only names a person or people by office, with or without a name, and says nothing of
    them: ``观察员国蒙古国总统呼日勒苏赫`` (one guest of a list of forty), ``刚果（布）总统``,
    ``原省委书记孙志刚``.  Every word before the office is a noun, a place, a number or a list mark, and the name
    after it can be a person's (:func:`_reads_as_a_name`).  Of 185,533 training headlines and headings 43 are taken
    for such lines, about half short section tags (``柳州书记``, ``民建联主席李慧琼``), the others verbs jieba tags
    as nouns or names (``财政局长跑路``); a meeting (``…会见越南国家主席``, jieba tags 会见 a noun) says who met
    whom."""
    line = _AGE_AFTER_NAME.sub("", line.strip())
    if not line or _MEETING_WORDS.search(line):
        return False
    identified = _IDENTIFIED_AS.fullmatch(_BRACKETED.sub("", line))
    if identified is not None:  # ``樊强，系贵州…有限责任公司（下称：坤灵汽车公司）法定代表人等``
        named = posseg().lcut(identified.group("name"), HMM=True)
        return all(word.flag.startswith("nr") for word in named) and names_only_a_person(identified.group("office"))
    return all(_names_one_person(item) for item in line.split("、"))


#: A person and what they are, in a court's or a police report's written style: ``樊强，系…公司法定代表人等``.
_IDENTIFIED_AS = re.compile(r"(?P<name>[^，,；;：:\s]{2,8})[，,]\s*系(?P<office>[^，,；;]{2,60}?)等?")


def names_only_a_speaker(line: str, source: str) -> bool:
    """Whether ``line`` is only who speaks in ``source``: the source has it right before a word of speech
    (:data:`_BEFORE_SPEECH`), maybe with a bracketed short name and a day between (``美国供应管理学会`` of
    ``美国供应管理学会 (ISM) 表示，1 月非制造业指数…``) and ends on a noun.  The line names the speaker and leaves
    out what was said."""
    line = line.strip()
    if len(line) < 2 or any(mark in line for mark in CLAUSE_MARKS):
        return False
    return re.search(re.escape(line) + _BEFORE_SPEECH, source) is not None and ends_on_a_name(line)


def stops_before_its_speech(span: str, rest: str) -> bool:
    """Whether the last clause of ``span`` only names who speaks and ``rest``, what follows it in its clause, opens
    with the word of speech (:data:`_BEFORE_SPEECH`): ``一贯主张降息的…行长古尔斯比6日`` before ``表示，由于…，他对
    进一步降息持谨慎态度`` (a dev section line of the seventy-sixth session) says who and not what."""
    last = CLAUSE_SPLIT.split(span)[-1].strip()
    return len(last) >= 2 and re.match(_BEFORE_SPEECH, rest) is not None and ends_on_a_name(last)


#: A time word that closes a clause saying when the next one happens, right before the clause's mark (``后，``).
_TIME_WORD_BEFORE_MARK = re.compile(r"\s*(?:之后|以后|过后|后|之前|以前|前|之时|时)\s*[，,]")


def stops_before_its_time_word(span: str, rest: str) -> bool:
    """Whether ``span`` stops right before the time word that closes its last clause (:data:`_TIME_WORD_BEFORE_MARK`
    opens ``rest``, what follows it) and that clause has a verb: ``郑老板经营甜品店「甜一刻」知道强制用「安心出行」``
    before ``后，他和员工投票决定不用`` (a dev hkcnews section of the eighty-second session) tells as done what only
    says when the deed after it was done."""
    if _TIME_WORD_BEFORE_MARK.match(rest) is None:
        return False
    last = CLAUSE_SPLIT.split(span)[-1].strip()
    return any(word.flag.startswith("v") for word in posseg().lcut(last, HMM=False))


def ends_on_a_name(line: str) -> bool:
    """Whether ``line``, a day or a time of day it ends on left out (``…古尔斯比6日``), ends on a noun, as a
    name does (``彭珮云同志逝世`` of ``…逝世表示哀悼`` ends on a verb)."""
    words = posseg().lcut(_SPEAKING_DAY_AT_END.sub("", line), HMM=True)
    if len(words) >= 2 and words[-2].flag == "nr" and len(words[-1].word) == 1:
        return True  # a name jieba cuts before its last character (``古尔斯/比``)
    if len(words) >= 2 and words[-2].flag == "nr" and len(words[-2].word) == 1 and len(words[-1].word) == 2:
        return True  # a surname, and a given name jieba knows as a word (``蔡/浩然``)
    return bool(words) and words[-1].flag.startswith(("n", "j", "eng"))


#: The words of speech a speaker's clause ends with most often; :data:`_QUOTED_SPEECH` adds announcements.
_SPEECH_WORDS = ("表示", "说", "称", "指出", "强调", "认为", "透露")
#: What may stand between a speaker and the word of speech (a bracketed short name, a day, a time of day), and
#: the words of speech a speaker's clause ends with.
_SPEAKING_DAY = r"(?:\d{1,2}日|当天|当日|今天|昨天)?(?:上午|下午|晚间|晚上)?"
_BEFORE_SPEECH = r"\s*(?:[（(][^）)]{1,20}[)）])?\s*" + _SPEAKING_DAY + r"\s*(?:" + "|".join(_SPEECH_WORDS) + ")"
#: A day or a time of day a speaker's clause ends on (``…古尔斯比6日``).
_SPEAKING_DAY_AT_END = re.compile(_SPEAKING_DAY + r"\s*$")


#: A company's name: words that end on its kind (``…有限责任公司``, ``…集团``).
_COMPANY_BEFORE_OFFICE = re.compile(r"[^，,；;：:]{2,30}(?:公司|集团|银行|企业|工厂|厂)")


def _names_one_person(item: str) -> bool:
    """Whether ``item`` (one of a list) names a person by office (:func:`names_only_a_person`)."""
    found = _PERSON_AT_END.search(item)
    if found is None:
        return False
    name = found.group("name") or ""
    if name and not _reads_as_a_name(name):
        return False
    office = item[: found.start("name")] if name else item
    words = posseg().lcut(office, HMM=False)
    if not all(word.flag.startswith(_PERSON_PHRASE_FLAGS) or word.word in _PERSON_PHRASE_MARKS for word in words):
        # a company named before the office (``兴仁市天睿投资管理有限责任公司实际控制人``): its verbal nouns too
        return _COMPANY_BEFORE_OFFICE.fullmatch(item[: found.start()]) is not None and all(
            word.flag.startswith(_PERSON_PHRASE_FLAGS) or word.flag in ("vn", "l")
            for word in posseg().lcut(item[: found.start()], HMM=False)
        )
    return True


def _reads_as_a_name(name: str) -> bool:
    """Whether ``name``, what follows an office, can be a person's name: every word of two or more characters
    jieba (without its HMM, which would read unknown words as names) finds in it is a name, a place or another
    proper noun (``李家`` of ``李家超``, ``威尼斯`` of ``麦克·麦克威尼斯``), not a word such as ``访华``, ``名单`` or
    ``新年``, and no single character is a preposition, an adverb or a particle (``因`` of ``…主持人因性侵罪获刑``).
    A name of five or six characters without a dot is one jieba with its HMM reads as names alone (``呼日勒苏赫``;
    not ``走难葡萄牙`` of ``香港医生走难葡萄牙``).  ``某``/``某某`` after a surname is a name."""
    bare = re.sub(r"[·•\-]|某+$", "", name)
    if len(name) > 4 and bare == name:
        return all(word.flag.startswith("nr") for word in posseg().lcut(name, HMM=True))
    return all(
        word.flag.startswith(_NAME_WORD_FLAGS)
        if len(word.word) >= 2
        else not word.flag.startswith(("p", "d", "u", "c"))
        for word in posseg().lcut(bare, HMM=False)
    )


#: Word classes of the words of two or more characters a name may be cut into: names, places, proper nouns.
_NAME_WORD_FLAGS = ("nr", "ns", "nz")
#: Word classes of a single character that is no part of a name: prepositions, adverbs, particles, conjunctions.
_NOT_A_NAME_CHAR = ("p", "d", "u", "c")


def _names_a_person(span: str) -> bool:
    """Whether ``span`` ends with a person's name (and maybe the age after it): after a title (:data:`_TITLED_NAME`,
    ``房屋协会主席邬满海``) or after a 的 modifier (``…袭警罪成的社福界选委曾健超``, ``首名被定罪的前行政长官曾荫权
    （72岁）``)."""
    span = _AGE_AFTER_NAME.sub("", span)
    if _TITLED_NAME.search(span):
        return True
    if "的" not in span:
        return False
    words = posseg().lcut(span, HMM=True)  # unknown names as one word
    return len(words[-1].word) >= 2 and words[-1].flag.startswith("nr")


#: The end of a clause that only names a court case: ``…解除合约并索赔500万元一案``.
_CASE_END = re.compile(r"(?:一案|案件)$")
#: What a court did with a case (jieba tags ``宣判`` and ``审结`` as nouns).
_CASE_FATE = re.compile(r"宣判|判决|审结|开庭|审理|结案|驳回|裁定|撤诉|和解|调解")


def names_only_a_case(span: str, rest: str) -> bool:
    """Whether ``span``, one clause followed in its sentence by ``rest``, only names a court case
    (``网红主播李某起诉某直播平台解除合约并索赔500万元一案``) whose fate the next clause, without a subject of
    its own, tells (``，近日一审宣判``): the span says who sued whom, not what came of it."""
    if not _CASE_END.search(span) or not _leads_into_a_subjectless_clause(span, rest):
        return False
    return bool(_CASE_FATE.search(rest[1 : clause_end(rest, 1)]))


#: Marks around a title or a quoted name, which a noun phrase may end with.
_TITLE_MARKS = frozenset("《》「」“”『』")
#: Nouns of time: a ``…的艰难时刻`` that opens a sentence sets when, it is no subject.
_TIME_NOUNS = re.compile(r"(?:时刻|时候|时期|期间|之际|阶段|年代|时代|时间|当天|当日|当晚|前夕)$")
#: Words that open the second predicate of a subject that already has one (``…转型不利，却给了…``).
_SECOND_PREDICATE = ("也", "却", "并", "还", "又", "都", "亦", "但", "而")


#: The copula with the adverbs jieba joins to it as one word (``就是``, ``也是``): what a subject is.
COPULA_WORDS = frozenset(["是", "就是", "便是", "即是", "乃是", "正是", "也是", "都是", "才是"])
#: Words that say what a subject is (jieba tags ``就是`` an adverb): a clause with one before its 的 is no noun
#: phrase.
_WHAT_IT_IS = COPULA_WORDS | {"算是", "成为"}


#: A deed named as a matter, the topic of what the next clause says (``驱逐泛民议员一事``).
_A_MATTER = re.compile(r"[\u4e00-\u9fff]{2}一事$")


def names_only_a_subject(span: str, rest: str) -> bool:
    """Whether ``span``, one clause followed in its sentence by ``rest``, is only a noun phrase ``…的…`` whose
    words after the 的 are all nouns (not a time, :data:`_TIME_NOUNS`), with no verb of its own, that the next
    clause, without a subject of its own, says something of: ``日本首相高市早苗的错误言论`` before
    ``，反映出日本企图重走军国主义老路的危险动向``, ``习近平主席发表的二〇二六年新年贺词`` before
    ``，鼓舞广大干部群众…``, ``司法部原部长傅政华名下一套被罚没的房产`` before ``，将于7月27日…进行公开拍卖``
    (jieba tags 房产 as an abbreviation, ``j``, which counts as a noun here).
    Read alone, the span names a topic and leaves out what the text says of it.  Without a 的 jieba's tags
    are too unsure to tell a noun phrase (``霍尔木兹海峡目前无法通行`` is tagged as nouns alone), and a next
    clause that opens with ``也``, ``却``, ``并``… is a second predicate of a subject that has one.  Since the
    seventy-first session also a deed named as a matter, ``…一事`` (``驱逐泛民议员一事`` before
    ``，令西方社会认定…``), and since the seventy-sixth a thing counted with its measure word and no verb
    (:data:`_COUNTED_THING`: ``乌克兰航空公司一架波音737－800客机`` before ``，周三上午在伊朗德黑兰…坠毁``)."""
    matter = _A_MATTER.search(span) is not None
    counted = _COUNTED_THING.search(span) is not None and _only_names_and_counts(span)
    if not (matter or counted) and ("的" not in span or _TIME_NOUNS.search(span)):
        return False
    if not _leads_into_a_subjectless_clause(span, rest):
        return False
    nxt = rest[1 : clause_end(rest, 1)].lstrip()
    if nxt.startswith(_SECOND_PREDICATE):
        return False
    if matter or counted:
        return says_what_was_done(nxt)
    words = _with_split_compounds_joined(posseg().lcut(span, HMM=False))
    de = _last_de(words)
    if any(word.word in _WHAT_IT_IS and not words[i + 1].flag.startswith("p") for i, word in enumerate(words[:de])):
        return False  # ``那就是一场自我推销的机会`` says what something is (``就是把…`` leads to a verb to come)
    if any(_says_what_or_did(words, i) for i in range(1, de)):
        return False
    tail = [word for word in words[de + 1 :] if word.word not in _TITLE_MARKS]  # ``…执导的《逆流大叔》``
    if (
        de < 0
        or not tail
        or not all(word.flag.startswith(("n", "m", "t", "q", "j")) or word.flag == "vn" for word in tail)
    ):
        return False
    if not tail[-1].flag.startswith(("n", "j", "vn")) or tail[-1].flag == "nr":  # the head: a noun, not a name
        return False
    noun_phrase = lacks_a_predicate(span) and not says_what_was_done(span)
    return (noun_phrase or _names_what_has(words, de)) and says_what_was_done(nxt)


def _says_what_or_did(words: Sequence[Any], index: int) -> bool:
    """Whether jieba's word at ``index`` makes its clause a statement, not a noun phrase: 为 ("is") right after a
    noun or a closing bracket (``芙蓉鲤鲫(原名芙蓉鲫)为湖南省水产科学研究所选育的水产新品种``, test csl #42: what the
    fish is), or 了 after a verb (``本文分析了理工科大学生文化素质的现状``, test csl #187: what was done)."""
    word, before = words[index], words[index - 1]
    if word.word == "为":
        return before.flag.startswith(("n", "r", "j")) or before.word in CLOSING
    return word.word == "了" and before.flag.startswith("v")


def _names_what_has(words: Sequence[Any], de: int) -> bool:
    """Whether jieba's ``words``, whose last 的 is at ``de`` and only nouns after it, open with 有 and have no other
    verb than those of that 有 phrase: ``有法定带薪病假政策的州`` ("the states that have…") is a noun phrase, as the
    subject of ``，可让流感疫情的传播减少 40%`` after it (printed as ``美国的一项研究发现，有法定带薪病假政策的州`` for
    a dev oped2 section of the eighty-second session)."""
    return de > 1 and words[0].word == "有" and not any(word.word in _WHAT_IT_IS for word in words[1:de])


#: A thing counted with its measure word that ends a clause (``…一架波音737－800客机``, ``两名男子``), or named in
#: quotation marks after what it is (``菲律宾海军旗舰「德尔皮拉尔号」``): a noun phrase even without a 的.
_COUNTED_THING = re.compile(
    r"(?:[一二两三四五六七八九十百千\d]+|数|多)(?:架|艘|辆|名|位|个|家|批|只|头|条|座|所|列|枚)[^，,。；;！？]{1,20}$"
    # or named in quotation marks after what it is (``菲律宾海军旗舰「德尔皮拉尔号」``)
    r"|[\u4e00-\u9fff]{2,}[「“『][^「」“”『』，,]{1,12}[」”』]$"
)


def _only_names_and_counts(span: str) -> bool:
    """Whether every word of ``span`` is a noun, a name, a number, a measure word, a pronoun, a distinguishing word,
    a place or a locative (jieba): ``另一个金砖成员埃塞俄比亚``, not ``当今的盒子市场如同一个硬币的两面`` (如同, an
    adverb to jieba) nor ``为纪念一位德国医师``."""
    words = posseg().lcut(span, HMM=False)
    return all(word.flag.startswith(_NAMES_AND_COUNTS_FLAGS) or not word.word.strip() for word in words)


#: Word classes :func:`_only_names_and_counts` allows (``x`` for marks inside a model's name: ``737－800``).
_NAMES_AND_COUNTS_FLAGS = ("n", "m", "q", "r", "b", "s", "f", "j", "eng", "x")


def lists_titles_before(prefix: str) -> bool:
    """Whether ``prefix``, the start of a clause before a span, is only items of a list that the span ends
    (it ends on 、 and has no verb): the offices listed before a person's name, ``正部级“老虎”、全国政协社会和法制
    委员会原副主任、`` before ``司法部原部长傅政华名下一套被罚没的房产``.  Leaving them out keeps the clause's
    subject."""
    if not prefix.endswith("、"):
        return False
    return not any(word.flag.startswith(("v", "p")) for word in posseg().lcut(prefix, HMM=False))


def placed_doer(span: str, rest: str) -> str:
    """The doer of ``span`` when the span only names a doer and where it acts, and the next clause of its
    sentence, without a doer of its own, says what was done: ``考古工作者`` of ``考古工作者在河南安阳殷墟遗址宫殿
    宗庙区以西约800米处`` before ``，新发现一处商代晚期大型夯土建筑基址``; ``""`` otherwise.  The doer is the words
    before 在 (nouns, pronouns, time words); nothing after 在 may close its phrase (a verb, an adjective, 的),
    and the phrase ends on a place (a locative, a place name or word, ``…处``, ``…海域``): ``公司计划明年`` is not
    the doer of ``公司计划明年在得克萨斯州工厂量产Cybercab无人驾驶出租车`` (jieba tags 计划 and 量产 as nouns), and
    the next clause, ``初期年产能约为20万辆``, is not what the company did."""
    if not _leads_into_a_subjectless_clause(span, rest):
        return ""
    words = posseg().lcut(span, HMM=False)
    at = next((i for i, word in enumerate(words) if word.word == "在" and word.flag == "p"), 0)
    if not at or not all(word.flag.startswith(("n", "r", "t")) for word in words[:at]):
        return ""
    if any(word.flag.startswith(_CLOSING_FLAGS) for word in words[at + 1 :]):
        return ""
    last = words[-1]
    if not (last.flag in _PLACE_END_FLAGS or last.word.endswith(_PLACE_WORD_ENDS)):
        return ""
    return "".join(word.word for word in words[:at])


#: Word classes that end a ``在…`` phrase of place: locatives, place words and place names.
_PLACE_END_FLAGS = ("f", "s", "ns")
#: How a word that names a place ends (``…以西约800米处``, ``海域``, ``会场``, ``市区``, ``前线``, ``基层``).
_PLACE_WORD_ENDS = tuple("处区域地场馆站港口岸边内外中上下里旁间市县省镇村乡州国园所院厂楼室心线层")


#: Word classes of a place or a distance after 在 (``在福建平潭东北约18海里处海域``, ``在会上``): nouns, locatives,
#: place and time words, numerals and measure words.
_PLACE_PHRASE_FLAGS = ("n", "f", "s", "t", "m", "q", "eng")


def without_its_place(rest: str) -> str:
    """``rest`` (the rest of a clause after its subject) without the ``在…`` phrase of place it opens with, when a
    verb follows that phrase: ``进水沉没`` of ``在福建平潭东北约18海里处海域进水沉没``; ``rest`` itself otherwise.
    Leaving out where something happened keeps what the clause says true, and may let it fit in a headline."""
    words = posseg().lcut(rest, HMM=False)
    if len(words) < 3 or words[0].word != "在" or words[0].flag != "p":
        return rest
    for index, word in enumerate(words[1:], start=1):
        if word.flag.startswith(("v", "i", "l")):  # a verb, or an idiom or set phrase (``举行会谈``)
            return "".join(w.word for w in words[index:]) if index > 1 else rest
        if not (word.flag.startswith(_PLACE_PHRASE_FLAGS) or word.word == "约"):
            return rest
    return rest


#: A channel a report was made through, between who made it and the verb of reporting: ``通过微信公众号“文明西宁”``
#: of ``西宁市文明办通过微信公众号“文明西宁”发布…``.
_REPORTED_THROUGH = re.compile(
    r"通过(?:其|该|官方)?[^，。；：、\s]{0,12}?"
    r"(?:公众号|微信|微博|官网|网站|客户端|社交媒体|社交平台|账号|帐号|新闻稿|Facebook|Twitter|X平台)"
    r"(?:“[^”]{1,16}”|「[^」]{1,16}」)?"
    r"(?=发布|宣布|公布|发出|发表|披露|通报|回应|推出|致歉|道歉)"
)


def without_its_channel(clause: str) -> str:
    """``clause`` without the channel its report was made through (:data:`_REPORTED_THROUGH`): ``西宁市文明办发布…``
    of ``西宁市文明办通过微信公众号“文明西宁”发布…``; ``clause`` itself when it names none.  Who reported and what
    stay, so the clause stays true and may fit in a headline (since the seventy-first session)."""
    return _REPORTED_THROUGH.sub("", clause, count=1)


#: Who went along with the doer, between the doer and the verb: ``在警方陪同下`` of ``…本-格维尔在警方陪同下进入…``.
_IN_THE_COMPANY_OF = re.compile(r"在[^，,。；;：:在]{1,12}?的?(?:陪同|陪伴|护送|带领|率领|引领|簇拥|护卫)下")
#: A bracketed aside that closes a clause: ``（穆斯林称“尊贵禁地”）`` of ``…进入耶路撒冷老城的圣殿山（穆斯林称…）``.
_CLOSING_ASIDE = re.compile(r"[（(][^（()）]{4,30}[）)]$")


def without_its_company(clause: str) -> str:
    """``clause`` without who went along with its doer (:data:`_IN_THE_COMPANY_OF`) and without a bracketed aside of
    four or more characters it closes with (:data:`_CLOSING_ASIDE`; ``刚果（布）`` keeps its bracket):
    ``以色列新任国家安全部部长伊塔马·本-格维尔进入耶路撒冷老城的圣殿山`` of ``…本-格维尔在警方陪同下进入…圣殿山
    （穆斯林称“尊贵禁地”）`` (a dev headline, since the seventy-second session).  Deletions only: who did what
    stays true."""
    return _CLOSING_ASIDE.sub("", _IN_THE_COMPANY_OF.sub("", clause, count=1)).strip()


#: A short name a text gives what it just named by, in brackets: ``（以下简称《办法》）``, ``（下称辽宁资产）``.
_ALIAS_ASIDE = re.compile(r"[（(](?:以下|下文)?(?:简称|下称|称)[:：]?[^（()）]{1,16}[）)]")


def without_its_aliases(clause: str) -> str:
    """``clause`` without the bracketed short names it gives what it names (:data:`_ALIAS_ASIDE`):
    ``市场监管总局修订的《食品召回管理办法（征求意见稿）》26日起公开征求意见`` of ``…》（以下简称《办法》）26日起…``
    (since the seventy-second session).  Deletions only."""
    return _ALIAS_ASIDE.sub("", clause)


def without_inner_place(clause: str) -> str:
    """``clause`` without a ``在…上`` phrase of place (closed by a locative) right before its verb:
    ``将于7月27日进行公开拍卖`` of ``将于7月27日在京东网络司法拍卖平台上进行公开拍卖``; ``clause`` itself when it has
    none.  The locative closes the phrase: jieba tags 拍卖 of ``…司法拍卖平台`` as a verb.  Unlike
    :func:`without_its_place`, the phrase may open inside the clause, and it must end on a locative."""
    words = posseg().lcut(clause, HMM=False)
    opened = next((i for i, word in enumerate(words) if word.word == "在" and word.flag == "p"), -1)
    if opened < 0:
        return clause
    for index in range(opened + 1, len(words) - 1):
        if words[index].flag == "f":
            if not words[index + 1].flag.startswith("v"):
                return clause
            return "".join(w.word for w in words[:opened] + words[index + 1 :])
    return clause


_LATIN_LETTER = re.compile(r"[A-Za-z]")
#: Word classes that make a clause say something of its subject: verbs, adjectives, idioms and set phrases, and
#: adverbs and prepositions, which open a predicate.  Until the fifty-sixth session a second binding of this name
#: (now ``_PREDICATE_OPENING_FLAGS``) replaced it with the last two and verbs alone; adjectives, idioms and set
#: phrases were added back then, the adverbs and prepositions kept (without them a conference's name,
#: ``…大会暨"全球化与中国美学"学术研讨会``, was judged a subject only and gave way).
_PREDICATE_FLAGS = ("v", "a", "i", "l", "d", "p")


def _last_de(words: Sequence[Any]) -> int:
    """The index of the last of jieba's ``words`` that is the particle 的, -1 when none is."""
    return max((index for index, word in enumerate(words) if word.word == "的"), default=-1)


def lacks_a_predicate(span: str) -> bool:
    """Whether ``span`` is only a noun phrase: it opens with a noun, numeral or pronoun (or is a passive
    modifier, ``被…的…``, or one of where, ``近日发生在…的…``: :func:`_opens_a_placed_modifier`), has something
    after its last 的 and no verb, adjective, idiom, adverb or preposition there (a verb before it modifies the noun:
    ``一艘载有12名船员的巴拿马籍货船“海丰7号”``).  Stopping inside its clause, such a span names the subject of a
    predicate it leaves out (``在福建平潭东北…进水沉没``).  Lines with Latin letters are not judged (jieba tags
    English words alike)."""
    if _LATIN_LETTER.search(span):
        return False
    words = posseg().lcut(span, HMM=False)
    if not words:
        return False
    if not (words[0].flag.startswith(_NOUN_PHRASE_OPENING_FLAGS) or _opens_a_passive_modifier(words)):
        lead = next((index for index, word in enumerate(words) if not word.flag.startswith("t")), 0)
        if not _opens_a_placed_modifier(words, lead):  # ``近日发生在…的…冲突``
            return False
    words = _with_split_compounds_joined(words)
    return _last_de(words) < len(words) - 1 and not _says_something_after_last_de(words)


#: Word classes a noun phrase opens with: nouns and names, numerals, pronouns (not abbreviations: jieba tags
#: ``俄`` and ``韩`` of ``俄组建…``, ``韩正会见…`` so).
_NOUN_PHRASE_OPENING_FLAGS = ("n", "m", "r")


def _opens_a_passive_modifier(words: Sequence[Any]) -> bool:
    """Whether jieba's ``words`` open with 被 and have a 的 later: a passive clause that modifies the noun after
    its 的 (``被美国总统特朗普解职的国务卿蒂勒森``); or with what was planned (``原定于12月6日至7日举行的…考试``)."""
    return words[0].word in MODIFIER_OPENERS and _last_de(words) > 0


#: Words that open a clause modifying the noun after its 的: the passive 被, and what was planned (原定, 原计划).
MODIFIER_OPENERS = frozenset(["被", "原定", "原计划", "预定"])


def _with_split_compounds_joined(words: Sequence[Any]) -> list[Any]:
    """jieba's ``words`` with a one-character verb right after the last 的 and the one-character noun after it
    read as one noun: jieba (without its HMM) cuts a compound it does not know, ``堕楼`` of ``林唯麒的堕楼位置``, into
    ``堕 v`` and ``楼 n``, and the noun phrase would read as saying something."""
    de = _last_de(words)
    if de < 0 or len(words) < de + 3:
        return list(words)
    verb, noun = words[de + 1], words[de + 2]
    if not (len(verb.word) == len(noun.word) == 1 and verb.flag == "v" and noun.flag == "n"):
        return list(words)
    return [*words[: de + 1], posseg().pair(verb.word + noun.word, "n"), *words[de + 3 :]]


def _says_something_after_last_de(words: Sequence[Any]) -> bool:
    """Whether a verb, adjective, idiom, adverb or preposition (:data:`_PREDICATE_FLAGS`) follows the last 的 of
    ``words`` (jieba's tagged words; all of them when there is no 的); a verbal noun (``vn``) that ends them is the
    head of a noun phrase (``…举行的普通高中学业水平合格性考试``), not a predicate, and one before another word
    after a 的 modifies it (``…承诺的优惠电价``; since the seventy-fifth session)."""
    de = _last_de(words)
    after = words[de + 1 :]
    modifying = "vn" if de >= 0 else ""  # without a 的 jieba's tags are too unsure to tell a noun phrase
    return any(word.flag.startswith(_PREDICATE_FLAGS) and word.flag != modifying for word in after[:-1]) or (
        bool(after) and after[-1].flag.startswith(_PREDICATE_FLAGS) and after[-1].flag != "vn"
    )


def means_verb_at(span: str, rest: str) -> int:
    """Where in ``span`` the means verb of :func:`says_only_the_means` starts, -1 when it does not say only
    the means; what comes before it is the doer (``中国科学院国家天文台研究团队``, or nothing)."""
    if not _leads_into_a_subjectless_clause(span, rest):
        return -1
    words = list(posseg().cut(span, HMM=False))
    offset = 0
    for index, word in enumerate(words):
        if word.word in MEANS_VERBS:
            return -1 if _has_main_verb(words[index + 1 :]) else offset
        if word.word == "通过":
            after = words[index + 1] if index + 1 < len(words) else None
            by_doing = after is not None and after.flag.startswith("v") and after.word not in _PASSED_THINGS
            by_means = by_doing or (after is not None and after.word == "对") or _MEANS_PROCESS_END.search(span)
            # ``通过优先审评审批程序``: the verbs of a procedure named at the clause's end are not its own, nor those of
            # a list of means that ends with 等 (``通过推出精品演出剧目、举办艺术活动等``).
            own_verb = _has_main_verb(words[index + 2 :]) and not _PROCEDURE_END.search(span) and span[-1:] != "等"
            return -1 if not by_means or own_verb else offset
        if word.flag == "v":
            return -1
        offset += len(word.word)
    return -1


#: Words that open a clause without saying what was done: a conjunction's (``因为…``, ``然后…``) or another
#: means or frame (``结合小室实验``, ``为了提高…``).
_NOT_A_DEED = frozenset(["结合", "采用", "基于", "根据", "按照", "为了", "为", "以", *MEANS_VERBS, "通过"])


def _leads_into_a_subjectless_clause(span: str, rest: str) -> bool:
    """Whether ``span`` is one clause and ``rest``, what follows it in its sentence, goes on after a comma
    with a clause that has no doer of its own (:func:`_subjectless_predicate`)."""
    if any(mark in span for mark in CLAUSE_ENDS) or not rest or rest[0] not in "，,":
        return False
    return _subjectless_predicate(rest[1:].lstrip())


#: Tags of the words of a clause that only names: places, bodies, persons, other names and nouns, and what joins them.
_NAMING_FLAGS = ("ns", "nt", "nr", "nz", "n", "j", "c")


def names_only_its_subjects(span: str, rest: str) -> bool:
    """Whether ``span``'s last clause only names places, bodies or persons (jieba: at least one ``ns``, ``nt`` or
    ``nr``, the rest nouns, joined by a conjunction) and the sentence goes on after a comma with a clause
    that has no doer of its own (:func:`_leads_into_a_subjectless_clause`): the names are its subject, what is
    said of them left out (``香港会面对一个怎样局面，中国以至香港特区政府`` before ``，是否作好预计和准备``, a dev
    hkcnews article line of the eighty-first session; ``金正恩和北韩官员`` before ``，…``).  One noun phrase without a
    conjunction is left alone: as a section's line it names its topic well (``中环爱丁堡广场造势大会`` before
    ``，也是…``, ``山西汾阳圣母庙圣母殿壁画``; made to stop short, both read worse, ``runs/*_81h.lines``)."""
    last = last_clause(span)
    if not _leads_into_a_subjectless_clause(last, rest):
        return False
    words = posseg().lcut(last, HMM=False)
    named = any(word.flag.startswith(("ns", "nt", "nr")) for word in words)
    joined = any(word.flag == "c" for word in words)  # a list of them: one noun phrase heads a section well
    return named and joined and all(word.flag.startswith(_NAMING_FLAGS) for word in words)


#: The day a clause opens with (``26日``, ``当地时间26日``, ``12月3日``).
_LEADING_DAY = re.compile(
    r"^(?:当地时间|北京时间)?(?:\d{1,2}月)?\d{1,2}日(?:[上下]午|晚间?|凌晨|早上|中午)?(?=[\u4e00-\u9fffA-Za-z])"
)


#: Words for "then" that jieba tags as pronouns (``彼时``), looked past like a day.
_THEN_WORDS = frozenset(["彼时", "此时", "当时", "届时", "那时", "这时"])


def _subjectless_predicate(clause: str) -> bool:
    """Whether ``clause`` opens with what was done, without a doer of its own: a verb, adverb, numeral
    (``首次…``) or preposition, not a noun or pronoun (``研究人员…``), a conjunction or another means.  A day it
    opens with is looked past (``26日在北京…``: jieba tags ``26`` a Latin word), and so, since the seventy-fifth
    session, is a "then" jieba tags a pronoun (``彼时在实际落地过程中仍存在一些问题``, :data:`_THEN_WORDS`).  A time
    word (``t``) is no doer already."""
    clause = _LEADING_DAY.sub("", clause, count=1) or clause
    first = list(itertools.islice(posseg().cut(clause, HMM=False), 3))
    if len(first) > 1 and first[0].word in _THEN_WORDS:
        first = first[1:]  # ``彼时在实际落地过程中仍存在…``: the time, then what was done
    if not first or first[0].flag.startswith(_SUBJECT_FLAGS) or first[0].flag.startswith("c"):
        return False
    if first[0].word in _NOT_A_DEED:
        return False
    return not (first[0].flag == "vn" and len(first) > 1 and first[1].flag.startswith("n"))  # ``研究人员…``


def says_what_was_done(clause: str) -> bool:
    """Whether ``clause`` has a verb of its own (:func:`_has_main_verb`): ``早前提出填平…的方案`` does,
    ``于2023年7月2日因病医治无效`` (its verb, ``逝世``, is in the next clause) does not, nor does
    ``林唯麒的堕楼位置`` (a compound jieba cuts, :func:`_with_split_compounds_joined`)."""
    return _has_main_verb(_with_split_compounds_joined(list(posseg().cut(clause, HMM=False))))


def _has_main_verb(words: list[Any]) -> bool:
    """Whether a verb among ``words`` (what follows a means verb) is a clause's own verb, not one that
    modifies a noun (``此前获取的数据``: the verb right before 的, 了 or 过 between), nor the last word after 的,
    the noun a verb makes (``通过对社交网络的观察``), nor ``包括…在内`` (``使用包括“匕首”高超音速导弹在内的高精度武器``,
    since the seventy-first session)."""
    inside_including = _inside_including(words)
    for index, word in enumerate(words):
        if word.flag != "v" or index in inside_including or _opens_a_placed_modifier(words, index):
            continue
        if index == len(words) - 1 and index > 0 and words[index - 1].word == "的":
            continue
        following = [one.word for one in words[index + 1 : index + 3]]
        if following[:1] == ["的"] or following[:2] in (["了", "的"], ["过", "的"]):
            continue
        return True
    return False


#: Verbs that say where something is or happened, with 在 or 于 after them (``发生在…``, ``位于…``).
_SITED_VERBS = frozenset(
    ["发生", "位于", "地处", "坐落", "爆发", "生活", "居住", "出生", "分布", "驻扎", "部署", "停泊"]
)


def _opens_a_placed_modifier(words: list[Any], index: int) -> bool:
    """Whether ``words[index]`` is a verb of where (:data:`_SITED_VERBS`) that opens its clause (only a time before
    it), with 在 or 于 after it and a 的 later: it modifies the noun after the 的 (``近日发生在阿富汗与伊朗交界地带的
    一轮边境武装冲突`` before ``，已趋停止``, a dev headline of the eighty-first session that printed the noun phrase
    alone), where ``冲突发生在边境的小镇`` has a subject and says where it happened."""
    if words[index].word not in _SITED_VERBS or any(not word.flag.startswith("t") for word in words[:index]):
        return False
    return (
        words[index + 1 : index + 2] != []
        and words[index + 1].word in ("在", "于")
        and any(word.word == "的" for word in words[index + 2 :])
    )


def _inside_including(words: list[Any]) -> set[int]:
    """Indices of jieba's ``words`` from a ``包括`` to the ``在内`` that closes it: a modifier of the noun after."""
    inside: set[int] = set()
    start = next((index for index, word in enumerate(words) if word.word == "包括"), -1)
    end = next((index for index, word in enumerate(words) if word.word == "在内" and index > start), -1)
    if start >= 0 and end > start:
        inside.update(range(start, end + 1))
    return inside


#: Where a ``在…`` phrase of place or time ends: ``在电视辩论中``, ``在离开新疆时``, ``在设置两步验证之后``,
#: ``在…光伏发电项目施工现场``.
LOCATIVE_END = re.compile(r"(?:中|上|里|内|下|现场|期间|之际|之时|(?<!小)时|时候|前|后|之前|之后|以来|方面)$")
#: "During this time", which closes a ``在…`` phrase as a locative does (``Teemo在狱中这段时间``; not one of
#: :data:`LOCATIVE_END`, which the span ranker reads as a feature), and "between" (``在「电光石火」之间``).
#: So does a stretch of an era or a year (``阿斯在反修例运动的头半年`` before ``，也曾多次走在冲突现场``; since the
#: eightieth session), and a named period (``民主派在补选前的空窗期``).
_THIS_PERIOD_END = re.compile(
    r"[这那]段(?:时间|日子|期间)$|(?<=[」”》\w])之间$|(?:初期|早期|晚期|末期|之初|头半年|上半年|下半年|年代)$"
    r"|(?:空窗|过渡|关键|窗口|高峰|敏感|冷静|观察)期$"
)
#: The stretch of time after a deed, as a time phrase (``Tina退休的8年间``): it sets the time of a clause to come.
_STRETCH_AFTER_A_DEED = re.compile(r"的[\d一二两三四五六七八九十几数]+个?多?(?:年|月|天|日|周|星期)(?:间|里|中)$")


#: A locative that closes a ``在…`` phrase, at the start of what follows a span.
_LOCATIVE_NEXT = re.compile(
    r"^(?:之际|之时|期间|现场|以来|之前|之后|中|上|里|内|下|时|前|后"
    # what a setting is under, a verb jieba will not take for a noun before 下 (``…旧业主立案法团`` + ``管理下``;
    # since the seventy-second session)
    r"|的?(?:管理|领导|带领|率领|指导|主持|支持|帮助|协助|推动|努力|影响|压力|控制|统治|监督|安排)下)"
)


def cuts_its_setting(span: str, rest: str) -> bool:
    """Whether ``span``, followed in its text by ``rest``, stops inside a ``在…`` phrase whose locative comes
    next: ``住房和城乡建设部部长倪虹在近日召开的企业座谈会`` before ``上说，…``, ``…麦卡锡在国会众议长竞选第六轮的投票``
    before ``中以201票…再次落败``, or after a few nouns (``习近平总书记在纪念…胜利80周年`` before ``大会上发表的…``), a
    bracketed gloss between looked past (``在鲍伯・班福德…所著的《人生下半场》`` before ``（Halftime: …）中``).
    A span without 在 in its last clause, or one reporting a meeting, may stop before 时 (``…在人民大会堂会见…通伦``
    before ``时表示``).  A last clause that opens with 在 and stops anywhere inside a clause that is all a setting
    (``在中国申奥的成功、…以及中国医疗制度`` of ``…的改革这一利好的局面下，…``) is cut too (since the eightieth
    session)."""
    last_clause = CLAUSE_SPLIT.split(span)[-1]
    if "在" not in last_clause or _MEETING_VERBS.search(last_clause):
        return False  # ``丁薛祥在人民大会堂会见…国家主席通伦`` before ``时表示`` says what happened
    whole_clause = last_clause + rest[: clause_end(rest, 0)]
    if last_clause.lstrip().startswith("在") and not ends_in_a_setting(span) and ends_in_a_setting(whole_clause):
        return True  # ``在中国申奥的成功、…以及中国医疗制度`` of ``在…的改革这一利好的局面下，``: the whole clause sets
    # a bracketed gloss before the locative (``…《人生下半场》`` + ``（Halftime: …）中``) stands aside
    rest = _LEADING_ASIDE.sub("", rest, count=1)
    locative = _LOCATIVE_NEXT.match(rest)
    closing = locative.group(0) if locative else _nouns_to_locative(rest)
    return bool(closing) and not ends_in_a_setting(span) and ends_in_a_setting(span + closing)


#: A bracketed gloss a text goes on with: ``（Halftime: Changing Your Game Plan…）``.
_LEADING_ASIDE = re.compile(r"^\s*[（(][^（()）]{1,120}[）)]")
#: The most characters of nouns between a span's end and the locative that closes its ``在…`` phrase.
_MAX_NOUNS_TO_LOCATIVE = 8
#: Word classes of the nouns that may stand between (``大会`` of ``…80周年`` + ``大会上``).
_NOUNS_BEFORE_LOCATIVE = ("n", "m", "q", "t", "j", "eng")


def _nouns_to_locative(rest: str) -> str:
    """What ``rest`` opens with up to and with the locative that closes a ``在…`` phrase, when only nouns (at
    most :data:`_MAX_NOUNS_TO_LOCATIVE` characters) stand before it: ``大会上`` of ``大会上发表的重要讲话``; ``""``
    otherwise."""
    told = ""
    for word in posseg().cut(rest[: _MAX_NOUNS_TO_LOCATIVE + 2], HMM=False):
        if _LOCATIVE_NEXT.fullmatch(word.word) and told:
            return told + word.word
        if not word.flag.startswith(_NOUNS_BEFORE_LOCATIVE) or len(told) + len(word.word) > _MAX_NOUNS_TO_LOCATIVE:
            return ""
        told += word.word
    return ""


#: A stretch of time since something was done, at the end (``…整治行动实施两年来``; 9 of the 185,533 training
#: headlines end so, 8 of them the series label ``全面深化改革一年来``).
_STRETCH_SINCE = re.compile(
    r"(?<=[\u4e00-\u9fff])[\d一二两三四五六七八九十几数半]+个?多?(?:年|个月|月|天|日|周|星期)来$"
)
#: A length of time counted after ``后`` (``…通过后两天``, ``…之后3个月``, ``…后不久``).
_DURATION_AFTER = re.compile(
    r"(?<=后)(?:[\d一二三两四五六七八九十几数半]+(?:天|日|年|个月|周|个星期|星期|小时|分钟)|不久|没多久|不到一年)$"
)


#: A last clause ``X一出``, ``X一到``…: "as soon as X came out", leading up to what happened then (none of the
#: 185,533 training headlines ends so; 4 have it before a comma, ``文革热身招一出，妈记爆红全球！``).
_AS_SOON_AS = re.compile(r"一(?:出|到|来|开|响|公布|推出|出台|宣布|落地)$")


def _ends_as_soon_as(span: str) -> bool:
    """Whether ``span`` ends ``X一出`` as :data:`_AS_SOON_AS` (jieba's ``一出`` or ``一`` and the verb, after a word
    that is no ``这``/``那``: not ``这一出``, ``统一/出``)."""
    if not _AS_SOON_AS.search(span):
        return False
    words = jieba().lcut(span[-10:], HMM=False)
    if len(words) >= 2 and words[-1] == "一出":
        before = words[-2]
    elif len(words) >= 3 and words[-2] == "一":
        before = words[-3]
    else:
        return False
    return before not in ("这", "那", "第") and before[-1:] not in _CLAUSE_BREAK


#: Word classes of a noun phrase a bare setting is made of (``「管制即弃胶餐具计划」第二阶段中``).
_BARE_SETTING_TAGS = ("n", "vn", "t", "m", "q", "j", "b", "x", "uj", "r", "f")
#: A quoted or titled name inside a bare setting: one noun, whatever jieba makes of its words.
_QUOTED_NAME = re.compile(r"「[^」]*」|“[^”]*”|《[^》]*》")


#: The locatives a bare setting ends on (not 里 alone: ``公里``).
_BARE_SETTING_ENDS = ("中", "期间", "里面", "之中", "当中")
#: A circumstance a clause ends under, "in the … of": ``…的环境下``, ``…的领导之下`` (since the eightieth session;
#: 8 of 185,533 training headlines end on a 的 and a 下, each but one inside 在…).
_UNDER_A_CIRCUMSTANCE = re.compile(
    r"的(?:情况|情形|环境|背景|前提|条件|压力|影响|帮助|推动|带领|领导|支持|努力|号召|指导|主持|阴影|局面|形势|"
    r"氛围|体制|制度|框架|机制|政策|规定|要求|安排|关心|关怀|见证|陪同|陪伴|监督|监管|监视|威胁|冲击|打击|引领|"
    r"驱动|作用|刺激|主导|庇护|保护|笼罩|控制|管治|统治|带动|鼓励|督促|协助|配合)之?下$"
)
#: Words that join the nouns of a noun phrase, which jieba tags prepositions (``名称与名称的关系``).
_NOUN_LINKS = frozenset(["与", "和", "及", "同"])


def _ends_in_a_bare_setting(span: str) -> bool:
    """Whether ``span``'s last clause is a noun phrase and the 中, 期间 or 里面 after it, with no 在 before (a scene for
    the main clause the span leaves out, or the object of a verb before it): ``「管制即弃胶餐具计划」第二阶段中``
    before ``，将全面禁止…``, ``传统的「观看/画家」与「被观看/模特儿」的关系里面`` after ``重新纳入…``; likewise a
    clause ending under a circumstance, with no 在 in it (:data:`_UNDER_A_CIRCUMSTANCE`: ``…的环境下``)."""
    last = _QUOTED_NAME.sub("名称", CLAUSE_SPLIT.split(span)[-1].strip())
    if _UNDER_A_CIRCUMSTANCE.search(last) and "在" not in last:
        return True  # ``人口密度如此高的环境下`` (before ``，近几届政府都强调要觅地建屋``)
    if not last.endswith(_BARE_SETTING_ENDS):
        return False
    words = posseg().lcut(last, HMM=False)
    return (
        len(words) >= 3  # ``市场中`` alone is no scene
        and words[-1].word in _BARE_SETTING_ENDS
        and any(word.flag.startswith(("n", "vn", "t", "j")) for word in words[:-1])
        and all(word.flag.startswith(_BARE_SETTING_TAGS) or word.word in _NOUN_LINKS for word in words[:-1])
    )


def ends_in_a_setting(span: str) -> bool:
    """Whether ``span`` ends in a ``在…中/时/后`` phrase that sets the scene for a verb it lacks: 在 opens the
    span or follows a noun, pronoun, time word or conjunction (``特首候选人林郑月娥日前在电视辩论中``,
    ``…的报导，而在影片网站Bilibili上``); ``把论文写在大地上``
    and ``欧盟还在梦中`` (在 after a verb or an adverb) say something whole, unless a 在 before it opens the span
    (``在维基解密最近在此转发的…军事手册中``: the later 在 is a relative clause's).  Without 在, a last clause that is
    a verb phrase followed by 时 sets the time for a main clause the span lacks (``彭定康离开香港时``,
    ``…申请贷款购买商品住房时``); ``3个多小时``, ``同时``, ``17岁时`` (no verb) are not such a clause; nor is one that
    ends with ``后`` or ``以来`` (``警务处处长今早视察检疫中心后``, ``今年情人节过后``), with or without a length of
    time after it (``《港区国安法》法例通过后两天``), a whole statement.  A last clause ending ``…的同时`` (``白思豪今次
    宣布改革的同时``; no training headline ends so) sets the time likewise, and so does one that says what
    happened at once after (``禁蒙面法一出``, ``时候一到``: :data:`_AS_SOON_AS`), and a noun phrase and its 中
    without the 在 (:func:`_ends_in_a_bare_setting`: ``「管制即弃胶餐具计划」第二阶段中``)."""
    if span.rstrip("，,。；;：: ").endswith("的同时") or _ends_as_soon_as(span) or _ends_in_a_bare_setting(span):
        return True
    if _STRETCH_AFTER_A_DEED.search(span):
        return True  # ``Tina退休的8年间``
    span = _DURATION_AFTER.sub("", span)  # ``…法例通过后两天``: two days after it, a time
    span = _STRETCH_SINCE.sub("以来", span)  # ``…整治行动实施两年来``: since then, as ``…实施以来``
    if not LOCATIVE_END.search(span) and not _THIS_PERIOD_END.search(span):
        return False
    words = [(word.word, word.flag) for word in posseg().cut(span, HMM=False)]
    if span[-1] in "上下" and words[-1][1][:1] in ("v", "l", "i", "a"):
        return False  # the locative is part of the last verb (``AI在司法部门也用得上``), no frame of one
    inner = False  # a 在 after an adverb or a verb: a complement, or a relative clause's (``…最近在此转发的…``)
    for index in range(len(words) - 1, -1, -1):
        word, _ = words[index]
        if word in CLAUSE_MARKS or _parts_clauses(words, index):
            break
        if word == "在":  # opening the span or a clause of it, after its subject or a conjunction (``而在…上``)
            before = words[index - 1] if index else ("，", "x")
            if before[0] in CLAUSE_MARKS or before[1][:1] in ("n", "t", "r", "c") or before[1] == "eng":
                return True  # a Latin name is a subject too (``…女记者Veby Indah在湾仔采访时``)
            if before[0] in ("）", ")", "」", "》", "”"):
                return True  # a subject glossed in brackets (``…广州BRT（快速公交系统）在…的冲击之下``)
            if before[0] in ("日", "号") and before[1] == "m":
                return True  # a date jieba cuts into numerals (``5月18日在…论坛上``)
            opener = words[index - 2] if index >= 2 else ("，", "x")  # what stands before 抢/赶: a subject or nothing
            if before[0] in _BEAT_TO and (opener[0] in CLAUSE_MARKS or opener[1][:1] in ("n", "t", "r")):
                return True  # ``抢在吹哨人公开真正的泄漏文件之前``: "before …", whoever beats it to it
            inner = True
    timed = _ends_in_a_time_clause(words)
    if timed and words[-1][0] in _AFTER_WORDS:
        return True  # ``…在…烧腊店购买饭盒后`` says when, whatever 在 belongs to (jieba's ``朱/生`` a verb before it)
    return not inner and (timed or _ends_in_a_noun_setting(words))


#: Verbs that make a 在 phrase after them a time to beat, ``抢在…之前``, ``赶在…前`` (since the eightieth session).
_BEAT_TO = frozenset(["抢", "赶"])


def _parts_clauses(words: Sequence[tuple[str, str]], index: int) -> bool:
    """Whether ``words[index]`` (jieba's, with tags) is a space between two Chinese words, which parts a headline's
    clauses (``…时强调 学习英雄事迹``); not one around a Latin word (``在 Facebook 算法工厂里``)."""
    if not words[index][0].isspace() or index == 0 or index + 1 >= len(words):
        return False
    return bool(HAN.match(words[index - 1][0][-1:])) and bool(HAN.match(words[index + 1][0][:1]))


#: Word classes that may stand between a relative clause's verb and its 的 as the verb's object or the
#: locative that closes its 在 phrase: nouns, numerals, measure words (``购买首套住房的家庭``), locatives
#: (``在…疫情打击下的香港``); not an adjective, 了 or a figure (``举办了盛大的庆典``, ``削减4%的航班数量`` say
#: what was done).
_OBJECT_FLAGS = ("n", "m", "q", "f")
#: Word classes of a place after 在: nouns (names of places among them), locatives and place words
#: (``在上水``); not numerals, which make a rank of it (``在河北省倒数第一``).
_PLACE_FLAGS = ("n", "f", "s")


def names_only_a_placed_topic(span: str) -> bool:
    """Whether ``span``'s last clause is only a ``在…`` phrase of place: the place alone
    (``在河南省兰考县仪封乡卫生院``, before ``72岁的村民张桂兰说``), the place with what is there
    (``在甘肃中东部的丘陵山区``) or the people a rule is about (``在深圳市购买首套住房的家庭``,
    ``在上水工作的陈先生``): the setting or topic of a sentence whose comment follows.  Without 的 every
    word after 在 is a noun or locative; with it the words after the last 的 are nouns, and
    before it there is no verb, or one right before 的 or before its object (nouns, numerals) or the
    locative that closes its 在 phrase (``在新型冠状病毒疫情打击下的香港``, :data:`_OBJECT_FLAGS`);
    ``在北京举办了盛大的庆典`` says what was done, and an adverb (``在犯案之前就要问清…``) belongs to a
    predicate.  18 of the 185,533 training headlines and headings have such a last clause with 的
    (feature titles such as ``在非洲坚忍的女性``), none of the 5,317 gold lines of the dev and test caches."""
    words = posseg().lcut(CLAUSE_SPLIT.split(span)[-1].strip(), HMM=False)
    if len(words) < 2 or words[0].word != "在" or words[0].flag != "p":
        return False
    de = _last_de(words)
    if de < 0:  # places listed with 、 are one place (``在叙利亚、黎巴嫩地区``)
        return all(word.flag.startswith(_PLACE_FLAGS) or word.word == "、" for word in words[1:])
    if de < 2 or de == len(words) - 1 or not all(word.flag.startswith("n") for word in words[de + 1 :]):
        return False
    if any(word.flag.startswith("d") for word in words[1:de]):
        return False  # an adverb belongs to a predicate: ``…之前就要问清…``
    verbs = [i for i in range(1, de) if words[i].flag.startswith("v")]
    if not verbs:
        return True
    return all(word.flag.startswith(_OBJECT_FLAGS) for word in words[verbs[-1] + 1 : de])


#: Words that end a clause saying after what the main clause happens (``…视察骏洋邨检疫中心后``).
_AFTER_WORDS = frozenset(["后", "之后", "以后", "过后", "以来", "前后"])  # ``…武汉市宣布「封城」前后``: around then


#: Locatives that close a setting told as a noun phrase, its 在 left out (``修订《标准》的过程中``,
#: ``彦霖遗体的胃部内``).
_NOUN_SETTING_ENDS = frozenset(["中", "当中", "之中", "期间", "内", "里"])
#: Word classes of the noun phrase between its 的 and the locative: nouns, numerals, measure words, pronouns.
_SETTING_NOUN_FLAGS = ("n", "m", "q", "r", "b", "f")


def _ends_in_a_noun_setting(words: list[tuple[str, str]]) -> bool:
    """Whether the tagged ``words`` end in a ``…的`` noun phrase and a locative, the setting of a verb left
    out with its 在: ``修订《标准》的过程中``, ``中国现行实施的各种水质标准中``; not ``…修订正在低调进行中``, where 中
    follows a verb (in progress), nor a noun and 中 without 的 (``市场中``)."""
    if len(words) < 4 or words[-1][0] not in _NOUN_SETTING_ENDS or not words[-2][1].startswith("n"):
        return False
    for word, flag in reversed(words[:-1]):
        if word == "的":
            return True
        if not (flag.startswith(_SETTING_NOUN_FLAGS) or word in "《》"):
            return False
    return False


def _ends_in_a_time_clause(words: list[tuple[str, str]]) -> bool:
    """Whether the last clause of these jieba words ends with 时 as a word of its own after a verb (or
    ``的时候``, Cantonese ``嘅时候``: ``近排可能你地落区探街坊送口罩嘅时候``; 12 of 185,533 training lines end so), or
    with ``后``, ``之后``, ``过后``, ``以来`` after anything (``今年情人节过后``, ``…发表对中国政策后``): 23 of the
    5,317 lines printed on the dev and test caches did, 4 gold headlines there."""
    clause = list(itertools.takewhile(lambda word: word[0] not in CLAUSE_MARKS, reversed(words)))
    if len(clause) < 2:
        return False
    when = clause[0][0] == "时" or (clause[0][0] == "时候" and clause[1][0] in ("的", "嘅"))
    when = when or _before_a_deed(clause)
    return clause[0][0] in _AFTER_WORDS or (when and any(flag.startswith("v") for _, flag in clause[1:]))


#: Words of a clause that ends with 前 where 前 is a place or a standard, not a time: ``走在前``, ``低于疫情前``.
_BEFORE_AS_A_PLACE_OR_STANDARD = frozenset(
    ["在", "于", "低于", "高于", "逊", "超过", "回到", "恢复", "不及", "好于", "优于"]
)


def _before_a_deed(clause: list[tuple[str, str]]) -> bool:
    """Whether ``clause`` (jieba words, last first) ends with 前/之前/以前 after a deed's object or verb, not a
    number or a time (``十年前``) and not a place or a standard (:data:`_BEFORE_AS_A_PLACE_OR_STANDARD`):
    ``蔡浩然被暂停主持职务前``, before ``，于9月3日主持Backchat``, says when.  Of the 185,533 training headlines 3
    end so (``回台湾以前``), and none printed on the dev and test caches."""
    if len(clause) < 3 or clause[0][0] not in ("前", "之前", "以前") or clause[1][1][:1] in ("m", "q", "t", "d", "a"):
        return False
    return not any(word in _BEFORE_AS_A_PLACE_OR_STANDARD for word, _ in clause)


#: Words that, opening a span's last clause, make it lead up to a clause the span does not have
#: (``进入2026年，随着科技不断赋能…``, ``…表示，针对美国总统特朗普近期宣布计划恢复核试验一事``): the
#: :data:`SUBORDINATE_OPENERS` of conditions, concessions and circumstances, and the grounds 鉴于/针对.  Not
#: the openers that also end a sentence well after its main clause: a reason (``因为``, ``由于``), a guess
#: (``也许``), a topic with its own verb (``对于…早有听闻``), 要么, 除了.
_ALSO_AFTER_THE_MAIN_CLAUSE = frozenset(["因为", "由于", "也许", "或许", "对于", "要么", "除了"])
CLAUSE_LEADING_WORDS = (
    (SUBORDINATE_OPENERS - _ALSO_AFTER_THE_MAIN_CLAUSE) | CONDITION_OPENERS | FRAME_OPENERS | {"鉴于", "针对"}
)
#: Where a span's clauses part.
CLAUSE_SPLIT = re.compile(f"[{CLAUSE_MARKS}]")


#: A clause that only names what guides the next one: ``以习近平新时代中国特色社会主义思想为指导``,
#: ``以战略性新兴产业为抓手``.
GUIDING_FRAME = re.compile(
    r"^(?:在[^以，,]{1,12}?)?以.{2,}为(?:指导|引领|统领|主线|抓手|契机|重点|核心|目标|导向|依托|载体|基础|中心|方向|宗旨"
    r"|遵循|根本|主题|突破口|切入点|着力点|出发点|落脚点)$"
)  # also after a setting: ``在记者会上以「不想香港人再移民」为主题``


#: Words that open a concession (``尽管非政府组织，…``).
_CONCESSION_OPENERS = ("尽管", "虽然", "虽", "即使", "即便", "哪怕")
#: Words that open the main clause after a concession (``尽管…，但…``, ``…，仍…``).
_AFTER_A_CONCESSION = ("但", "却", "也", "还", "仍", "依然", "依旧", "可", "然而", "不过")


def _concession_goes_on(first: str, second: str) -> bool:
    """Whether ``second`` goes on with the concession ``first`` opens: it opens with an adverb or the copula (no
    subject of its own; jieba tags many nouns verbs, ``虽然下雨，比赛…``) that does not open the main clause
    (:data:`_AFTER_A_CONCESSION`): ``尽管非政府组织，通常是半官方的``."""
    if not first.startswith(_CONCESSION_OPENERS) or second.startswith(_AFTER_A_CONCESSION):
        return False
    words = posseg().lcut(second, HMM=False)
    return bool(words) and (words[0].flag == "d" or words[0].word == "是")


def has_only_dependent_clauses(span: str) -> bool:
    """Whether every clause of ``span`` opens a dependent clause (:func:`opens_a_dependent_clause`): one alone
    (``当我在去年12月初听闻中文大学的 「中国研究服务中心」``, a dev headline the span selector found nothing better
    than) or only such clauses (``如果不是升级它的话；因为这是…``), or only what something is done for
    (:func:`opens_a_purpose_clause`: ``以核实其拍摄地点``, a section line of a dev oped2 article).  What they lead up
    to is left out.  A dependent clause that only names its subject goes on in the clause after it
    (``尽管非政府组织，通常是半官方的``, before ``，从80年代中期开始发展，但…``), and so does one a conjunction adds
    to it (``如果…，而且…``, :data:`_ADDING_OPENERS`)."""
    clauses = [clause for clause in (one.strip() for one in CLAUSE_SPLIT.split(span)) if clause]
    if len(clauses) > 1 and _concession_goes_on(clauses[0], clauses[1]):
        clauses = [clauses[0] + clauses[1], *clauses[2:]]
    if not clauses or not _is_dependent(clauses[0]):
        return False
    return all(_is_dependent(one) or _first_word(one) in _ADDING_OPENERS for one in clauses[1:])


def _is_dependent(clause: str) -> bool:
    """Whether ``clause`` opens a dependent clause or only says what something is done for."""
    return opens_a_dependent_clause(clause) or opens_a_purpose_clause(clause)


#: Conjunctions that open a clause adding to the one before it and sharing its standing: ``如果无法对共变关系进行
#: 系统分析，而且似乎同时存在着几种可能的因果解释`` (before ``，那么…``, a dev section's line of the eighty-first
#: session) is all a condition.
_ADDING_OPENERS = frozenset(["而且", "并且", "或者", "甚至", "以及"])


def ends_on_a_dependent_clause(span: str) -> bool:
    """Whether ``span`` has more than one clause and its last one opens with one of
    :data:`CLAUSE_LEADING_WORDS` or is a :data:`GUIDING_FRAME`: it stops before the clause that says what
    happened (``无论是…`` too); or its last one only says what the one before is done for
    (:func:`opens_a_purpose_clause`: ``全长约4.5公里，以配合新田科技城及沙头角一带的发展``); or a reason opens
    what is said after a verb of saying (``他感慨，由于中国社会有「仇官心态」``)."""
    clauses = CLAUSE_SPLIT.split(span)
    if len(clauses) < 2:
        return False
    last = clauses[-1].strip()
    first = _opening_word(last)
    stem = first.removesuffix("是") if len(first) > 2 else first  # ``无论是一审判12年``
    if stem in _ALSO_AFTER_THE_MAIN_CLAUSE and _ends_on_a_verb_of_saying(clauses[-2]):
        return True  # ``他感慨，由于中国社会有「仇官心态」``: what he said opens with its reason
    if first == "还是" and _WHATEVER.match(clauses[-2].strip()):
        return True  # ``无论是一审判12年，还是二审判10年半``: both halves of "whatever", no main clause
    return (
        first in CLAUSE_LEADING_WORDS
        or stem in CLAUSE_LEADING_WORDS
        or bool(GUIDING_FRAME.match(last))
        or guides_named_doers(last)
        or (opens_a_purpose_clause(last))
    )


def guides_named_doers(clause: str) -> bool:
    """Whether ``clause`` is a :data:`GUIDING_FRAME` after who is guided, names alone (``天津、河北以进一步全面深化
    改革为抓手`` before ``，…``; not ``北约依然以遏制俄罗斯为目标``, where an adverb makes it a statement)."""
    at = clause.find("以")
    if at < 2 or GUIDING_FRAME.match(clause[at:]) is None:
        return False
    return all(
        word.flag.startswith(("ns", "nr", "nt", "j")) or word.word == "、" for word in posseg().lcut(clause[:at])
    )


def ends_on_a_when_clause(span: str) -> bool:
    """Whether ``span``'s last clause is a time clause that ends with 时 as a word of its own, before what
    happened then: ``会见白俄罗斯总统卢卡申科时`` (of ``…时，李希表示…``; jieba tags 会见 a noun there).  Not a
    clock time (``下午3时``, ``十时``), not a word that ends with 时 (``同时``, ``及时``, ``小时``), not ``进行时``
    (``整改进行时``, a headline's "now under way") and not a clause that says when it is (``正是…之时``).
    ``当…时`` is left to :data:`CLAUSE_LEADING_WORDS` (a heading may ask ``当它出错时``).  Of 185,533 training
    headlines and headings 32 end so, literary ones (``新闻灭声时``)."""
    last = last_clause(span)
    if not last.endswith("时") or last.endswith("进行时") or last.startswith("当"):
        return False
    words = posseg().lcut(last, HMM=False)
    if len(words) < 2 or words[-1].word != "时" or words[-2].flag.startswith("m") or words[-2].word[-1].isdigit():
        return False
    return not any(word.word in ("是", "正是", "到了", "又到") for word in words[:-1])  # ``正是…之时`` says when it is


#: A clause that opens "whatever …" (``无论是一审判12年``), whose other half opens with 还是.
_WHATEVER = re.compile(r"无论|不论|不管")
#: Verbs of saying that end the clause before what is said (``他感慨，…``, ``…表示，…``).
_SAYING_ENDS = re.compile(r"(?:表示|指出|认为|感慨|形容|强调|透露|坦言|直言|解释|说|称|指|道)$")


def _ends_on_a_verb_of_saying(clause: str) -> bool:
    """Whether ``clause`` ends on a verb of saying (:data:`_SAYING_ENDS`): what follows is what was said."""
    return _SAYING_ENDS.search(clause.strip()) is not None


#: Words that make a clause a concession or a condition wherever they stand in it (``…的手法虽然备受争议``,
#: ``公路隧道内一旦发生火灾事故``): the main clause follows.
_CONCESSION_OR_CONDITION = frozenset(
    ["虽然", "尽管", "一旦", "如果", "假如", "倘若", "即使", "即便", "哪怕", "只要", "要是", "虽", "虽说", "若果"]
)
#: First characters of the adverbs and conjunctions that open the main clause inside the same one (``只要以色列占领
#: 持续 绝不会…``, ``即使属实亦不意外``, ``他虽然年轻但很能干``).
_MAIN_CLAUSE_ADVERBS = frozenset("就便也都才则还亦绝但却")


#: Words that give a cause inside a clause, after its subject (``…许家印因涉嫌违法犯罪``).
_CAUSE_INSIDE = frozenset(["因", "因为", "由于", "因涉嫌"])  # jieba's dictionary has 因涉嫌 as one word


#: A next clause that tells what befell the subject for that cause: ``，已被依法采取强制措施``, ``，遭警方拘捕``.
_BEFELL = re.compile(
    r"[，,]\s*(?:(?:昨|今|前|周|星期|当|本|上|下|\d)[^，,。；：\s]{0,4}?)?(?:已经|已|随即|遂|旋即|并|而)?(?:被|遭到|遭)"
)
#: The rest of a list a span stops inside (``、贿赂及逃税`` after ``…李明博因涉嫌贪污``), up to its clause's end.
_LIST_GOING_ON = re.compile(r"^、[^，,。；;：:！？\n]*")


def ends_on_a_cause(span: str, rest: str) -> bool:
    """Whether ``span``'s last clause gives a cause after its subject (:data:`_CAUSE_INSIDE`) and ``rest``, what
    follows it in its sentence, goes on with what befell the subject for it (:data:`_BEFELL`):
    ``董事会主席许家印因涉嫌违法犯罪`` before ``，已被依法采取强制措施`` (printed for a test bedtime section), past the
    day it befell and the rest of a list of causes (``南韩前总统李明博因涉嫌贪污`` before ``、贿赂及逃税，周四晚被捕``).
    The span leaves out what happened.  (A cause with its result in the clause, ``他因病去世``, may go on with
    anything but that; when the next clause opens otherwise, whether the cause is all the clause says is not
    told.)"""
    if _BEFELL.match(_LIST_GOING_ON.sub("", rest, count=1)) is None:
        return False
    words = jieba().lcut(last_clause(span), HMM=False)
    return any(word in _CAUSE_INSIDE for word in words[1:])


def ends_on_a_concession_or_condition(span: str) -> bool:
    """Whether ``span``'s last clause has its subject first and then a concession or condition
    (:data:`_CONCESSION_OR_CONDITION`) that nothing answers in it: ``香港警队处理近期示威的手法虽然备受争议``,
    ``称如果民主联盟愿意和“够了”党组阁``, or on a subject's 若 (:func:`_ends_on_a_subjects_if`: ``美若向乌提供“战斧”``).
    Of the 5,317 dev and test cache items 4 printed spans end so (all cut before
    their main clause), of 184,206 training headlines and headings under 64.  A concession set off by a dash comes
    after its main clause (``对冲基金则证明了自己——尽管只是在一定程度上``).  Not ``之所以``: ``中国共产党之所以能够在
    105年奋斗中不断铸就辉煌`` reads as a line (tried: its one cache line lost to an exhortation)."""
    around = _around_the_first_of(_CONCESSION_OR_CONDITION, span)
    # an adverb right after the opener is the concession's own (``百步亭虽然也是企业管社区``), no answer to it
    if around is not None and not _answered(around[1][1:], _MAIN_CLAUSE_ADVERBS):
        return True
    return _ends_on_a_subjects_if(span)


#: First characters of the words that answer a condition told with 若 (``…若退出中导条约 将予以回应``).
_IF_ANSWERS = _MAIN_CLAUSE_ADVERBS | frozenset("将必会要应即可需须")


def _ends_on_a_subjects_if(span: str) -> bool:
    """Whether ``span``'s last clause (after its last clause mark or space) has a subject, then 若 as a word of
    its own and a verb, adverb or preposition after it, and nothing that answers it: ``俄外长：美若向乌提供“战斧”``
    (of ``…将对俄美关系…造成巨大损害``).  Not 若 inside a name (``蔡若莲``, ``若开邦``: jieba with its HMM keeps them
    whole or tags what follows otherwise).  Of 185,533 training lines none ends so.  Also a 若 right after a verb of
    saying (``称若民众愿意到山东济宁接种疫苗``), and 如 before a negation or another word of :data:`_IF_AFTER_RU`
    (``表明如没有人与梁振英竞逐``, before ``，他愿意亲自挂帅``)."""
    last = last_clause(span)
    if not ("若" in last or "如" in last) or "—" in last:
        return False
    words = posseg().lcut(last, HMM=True)
    at = next((index for index, word in enumerate(words) if word.word in _IF_WORDS), None)
    if at is None or at == 0 or at == len(words) - 1:
        return False
    if words[at].word == "如" and words[at + 1].word not in _IF_AFTER_RU:
        return False  # ``如苹果、谷歌``: 如 as "such as"
    if words[at - 1].word in _SAYING_BEFORE_IF:  # ``称若民众愿意到山东济宁接种疫苗``: what was said is a condition
        return not any(word.word[0] in _IF_ANSWERS for word in words[at + 1 :])
    # 美方 (jieba: q), 选举主任 (主任: b)
    subject = words[at - 1].flag.startswith(("n", "j", "r", "b")) or words[at - 1].word.endswith("方")
    if not subject or not (words[at + 1].flag.startswith(_AFTER_IF_FLAGS) or _tagged_a_verb(words[at + 1].word)):
        return False
    return not any(word.word[0] in _IF_ANSWERS for word in words[at + 1 :])


#: Verbs of saying whose clause may go on with 若 (``称若…``).
_SAYING_BEFORE_IF = frozenset(["称", "表示", "指", "说", "认为", "强调", "警告", "指出", "相信", "表明"])
#: Words that set a condition after a subject or a verb of saying: 若, and 如 before one of :data:`_IF_AFTER_RU`.
_IF_WORDS = frozenset(["若", "如"])
#: What follows 如 when it means "if" (``表明如没有人与梁振英竞逐``), not "such as" or "like".
_IF_AFTER_RU = frozenset(["没有", "不", "无", "未", "有", "再", "能", "要", "遇", "发现", "出现", "需要", "属实"])
#: Word classes after a subject's 若: a verb, a preposition, an adverb, an adjective.
_AFTER_IF_FLAGS = ("v", "p", "d", "a")


def _tagged_a_verb(word: str) -> bool:
    """Whether jieba without its HMM tags ``word`` a verb, or tags a word of two characters or more a person's
    name: jieba's dictionary has ``容纳`` (of ``政府若容纳民意``) as one, and a name split at a 若 of its own
    (``张/若/昀``) leaves a single character after it."""
    tags = posseg().lcut(word, HMM=False)[:1]
    return any(one.flag.startswith("v") or (one.flag == "nr" and len(one.word) >= 2) for one in tags)


def _around_the_first_of(openers: frozenset[str], span: str) -> tuple[list[str], list[str]] | None:
    """The jieba words of ``span``'s last clause before and after the first of ``openers`` in it, or ``None`` when
    it has none of them as a word or has a dash (what a dash sets off is an afterthought to its main clause)."""
    last = CLAUSE_SPLIT.split(span)[-1].strip()
    if "—" in last or not any(opener in last for opener in openers):  # jieba only for a clause that may have one
        return None
    words = jieba().lcut(last, HMM=False)
    at = next((index for index, word in enumerate(words) if word in openers), None)
    return None if at is None else (words[:at], words[at + 1 :])


def _answered(after: list[str], answer_first_chars: frozenset[str]) -> bool:
    """Whether one of the words ``after`` an opener opens with one of ``answer_first_chars`` (``就``, ``也``, ``还``):
    the clause says what the opener leads up to."""
    return any(word[0] in answer_first_chars for word in after)


#: Words that open the first half of a "not only … but also" pair (``不仅…还…``).
_NOT_ONLY = frozenset(["不仅", "不但", "不只", "不光", "不单", "不仅仅"])
#: First characters of the words that answer it in the same clause (``而且``, ``也``, ``还``, ``更``…).
_BUT_ALSO_FIRST_CHARS = frozenset("而也还更又并亦且")
#: Words after ``不仅`` that make it "not just" (``不仅仅是隐私问题``, ``不仅限于美国``): no pair follows.
_NOT_JUST = frozenset(["是", "仅是", "限于", "在", "有", "为", "于"])


def ends_on_the_first_half_of_a_pair(span: str) -> bool:
    """Whether ``span``'s last clause says what something does "not only" (:data:`_NOT_ONLY` before a verb) and
    stops before the "but also" (``香港的行动者不仅讲明了``, ``公民调查人员不仅应该知道该如何寻找和整合证据``).  Not
    "not just" (``不仅仅是隐私问题``), and not a pair answered in the clause (``他不仅会唱歌也会跳舞``).  Of 185,533
    training headlines and headings 7 end so (``冲突热点不仅一般经济问题``).  A last clause that opens one side of
    a pair (:data:`_ON_ONE_SIDE`: ``一边是值班越来越多``) stops before the other."""
    if _ON_ONE_SIDE.match(CLAUSE_SPLIT.split(span)[-1].strip()) and len(_ON_ONE_SIDE.findall(span)) == 1:
        return True  # ``一边是值班越来越多`` before ``，一边是补偿机制长期空缺``
    around = _around_the_first_of(_NOT_ONLY, span)
    if around is None or not around[1] or around[1][0] in _NOT_JUST or around[1][0].startswith("是"):
        return False
    return not _answered(around[1], _BUT_ALSO_FIRST_CHARS)


#: The "but also" that opens the clause after a "not only" one (``，而且…``, ``，也…``, ``，更…``).
_BUT_ALSO_NEXT = re.compile(r"\s*[，,；;]\s*(?:而且|并且|也|还|更|亦|同时)")


def stops_before_its_but_also(span: str, rest: str) -> bool:
    """Whether ``span``'s last clause opens a "not only" pair of any kind (:data:`_NOT_ONLY`, "not just" included)
    that it does not answer, and ``rest``, what follows it, opens the answering clause (:data:`_BUT_ALSO_NEXT`):
    ``新的开始不仅是可取的和可能的`` before ``，而且与每个人呼吸的空气一样必要`` (a dev oped2 line of the eighty-second
    session) stops before what the sentence says.  A last clause ending on "not just" alone
    (``监听你的不仅是手机``, 5 of 185,533 training headlines) is left to the text after it."""
    around = _around_the_first_of(_NOT_ONLY, span)
    if around is None or _answered(around[1], _BUT_ALSO_FIRST_CHARS):
        return False
    return _BUT_ALSO_NEXT.match(rest) is not None


#: A last clause that is the first side of "on one side …, on the other …": 1 of 185,533 training headlines ends
#: on one (``一方面支持抗战，一方面坚守自由``, the other side told before it; since the eightieth session).  Since the
#: eighty-second also "one is …" after a colon (``可以分两个层面：一个是生存技能`` before ``，一个是职业发展技能``).
_ON_ONE_SIDE = re.compile(r"(?:^|(?<=[，,；;：:]))\s*(?:一方面|一边是|一面是|一个是)")


def ends_on_a_person_introduced(span: str) -> bool:
    """Whether ``span`` has more than one clause and its last one only names a person with a title (nouns, a
    person's name last): ``武汉不明肺炎全球关注，食物及卫生局副局长徐德义`` stops before what he said.  Of 185,533
    training headlines and headings 8 end so by this test, mostly where jieba reads a name into other words
    (``官心何太忍``, ``断臂明志``)."""
    clauses = re.split("[，,；;]", span)  # not after a colon: ``新闻人物：新加坡建国总理李光耀`` is a headline
    if len(clauses) < 2:
        return False
    words = posseg().lcut(clauses[-1].strip())  # with HMM: it joins names jieba's dictionary lacks
    return (
        len(words) >= 2
        and any(word.flag == "nr" for word in words[-2:])  # ``林郑`` + ``月娥``: a name HMM leaves in two
        and all(
            word.flag.startswith(("n", "j", "m")) or word.word in "及和与" or word.word in _PERSON_PHRASE_MARKS
            for word in words
        )  # ``男子链球香港纪录保持者、「链球一哥」林玮``: a list of titles, a nickname in quotes
        and not words[0].flag.startswith(("nr", "m"))  # a title first
    )


#: Verbs that need what follows them: ``Onionshare 的优势在于`` (before ``：``), ``…旨在``; 54 of 184,206 training
#: headlines and headings have ``在于``, none ends with it.  Also jieba's words that hold one (``选举呈请的关键在于``, a
#: dev section line of the eighty-first session).
_VERBS_WAITING_FOR_AN_OBJECT = frozenset(
    ["在于", "旨在", "源于", "取决于", "归因于", "归咎于", "得益于", "有赖于", "着眼于",
     "关键在于", "来源于", "起源于"]
)  # fmt: skip


#: Adverbs that stand before the verb they modify and never end a headline (none of 185,533 training lines ends
#: on one as a jieba word): a span that ends on one is cut before its verb (``…研究工作小组终于``).
_ADVERBS_BEFORE_A_VERB = frozenset(
    ["终于", "已经", "正在", "仍然", "一直", "曾经", "将要", "即将", "竟然", "居然", "随即", "立即", "马上", "纷纷",
     "逐渐", "相继", "陆续", "再次", "尚未", "并未", "从未", "已然", "都将", "也将", "还将", "将会", "或将", "正式",
     "进一步"]
)  # fmt: skip


def ends_on_an_adverb(span: str) -> bool:
    """Whether ``span``'s last jieba word is one of :data:`_ADVERBS_BEFORE_A_VERB`: it stops before its verb."""
    return span.rstrip().endswith(tuple(_ADVERBS_BEFORE_A_VERB)) and _last_word(span.rstrip()) in _ADVERBS_BEFORE_A_VERB


#: Quantifiers that wait for the noun they count: ``…兴建整车试验场等一系列`` (before ``配套工程``).  Of 185,533
#: training headlines none ends on one but ``多一些`` (more of it), whose 一些 follows a comparative.
_QUANTIFIERS_BEFORE_A_NOUN = frozenset(
    ["一系列", "一批", "一些", "若干", "诸多", "众多", "各种", "各类", "一大批", "一揽子", "一众", "大批", "大量"]
)
#: "There is a" or "is a" with the measure word and no noun after it: ``有个``, ``是一种``.
_HAS_A_AT_END = re.compile(r"(?:有|是)一?[个种位名家项条]$")
#: Words after which 一些 says "a little more" and ends a clause: ``每天害你多一些``.
_COMPARATIVES = frozenset(["多", "少", "好", "快", "慢", "高", "低", "大", "小", "早", "晚"])


def ends_on_a_quantifier(span: str) -> bool:
    """Whether ``span``'s last jieba word is a quantifier that waits for the noun it counts
    (:data:`_QUANTIFIERS_BEFORE_A_NOUN`: ``…兴建整车试验场等一系列``, a test lcsts line of the eightieth session), not
    after a comparative (``多一些``); or "there is a" or "is a" before the noun (:data:`_HAS_A_AT_END`: ``《…》有个``
    before ``细节是…``, a dev section headline of the eighty-first session; none of 185,533 training lines ends so)."""
    if _HAS_A_AT_END.search(span.rstrip()):
        words = jieba().lcut(span.rstrip()[-6:], HMM=False)  # ``有/个``, ``是/一种``; not ``有名`` (famous)
        return (
            len(words) >= 2 and words[-2] in ("有", "是") and _HAS_A_AT_END.fullmatch(words[-2] + words[-1]) is not None
        )
    if not span.rstrip().endswith(tuple(_QUANTIFIERS_BEFORE_A_NOUN)):
        return False
    words = jieba().lcut(span.rstrip(), HMM=False)
    return words[-1] in _QUANTIFIERS_BEFORE_A_NOUN and not (len(words) > 1 and words[-2] in _COMPARATIVES)


def ends_on_a_verb_waiting_for_its_object(span: str) -> bool:
    """Whether ``span``'s last jieba word is one of :data:`_VERBS_WAITING_FOR_AN_OBJECT`."""
    return span.endswith(("于", "在")) and _last_word(span) in _VERBS_WAITING_FOR_AN_OBJECT


#: Tags of the words a comparison's standard is made of (nouns, times, pronouns): ``比煤炭``, ``比去年``.
_STANDARD_OF_COMPARISON_TAGS = ("n", "t", "r", "s")


def ends_on_a_comparison_without_its_result(span: str) -> bool:
    """Whether ``span``'s last clause compares a noun with another (``比`` as a preposition after a noun) and
    stops at the standard: ``中国的资源禀赋比煤炭`` (before ``，铜矿，铁矿更差``), ``今年的收入比去年``.  Not a
    transliterated name (``曼比季``), ``自比``, ``堪比`` or ``不比`` (the word before is then no common noun).  Of
    184,206 training headlines and headings 3 end so (``农民的事情比天大``, jieba's ``天大`` a noun).  Or its last
    clause is only the standard (``…，与原始图像相比``, :data:`COMPARISON_ONLY`)."""
    if "比" not in span:  # jieba only for a span that may compare
        return False
    last = CLAUSE_SPLIT.split(span)[-1].strip()
    if COMPARISON_ONLY.fullmatch(last) is not None:
        return True
    words = posseg().lcut(last, HMM=False)
    at = max((index for index, word in enumerate(words) if word.word == "比" and word.flag == "p"), default=0)
    compared = words[at - 1] if at else None
    if (
        compared is None
        or len(compared.word) < 2
        or not compared.flag.startswith(("n", "v"))
        or compared.flag.startswith("nr")
    ):
        return False
    standard = words[at + 1 :]
    return bool(standard) and all(word.flag.startswith(_STANDARD_OF_COMPARISON_TAGS) for word in standard)


#: A simile that ends its clause (``像坏了的人肉录音机般``), bracketed asides after it left out: it says how the deed
#: after it is done.  Not 一般 (ordinary), 这般/那般, 百般, 万般, 诸般.  Of 185,533 training headlines and headings
#: one ends on 般, and that is 一般.
_SIMILE_END = re.compile(r"(?<![一这那百万诸])般$")


def ends_on_a_simile(span: str) -> bool:
    """Whether ``span``'s last clause ends on a simile's 般 (:data:`_SIMILE_END`), a trailing aside in brackets
    left out: ``韩国瑜却像坏了的人肉录音机般（台湾网友称之为「跳针」）`` before ``，只是不断重复…``."""
    return _SIMILE_END.search(_TRAILING_BRACKET.sub("", span.rstrip()).rstrip()) is not None


#: Tags of what may stand between a disposal's 将/把 and the verb it waits for: nouns, pronouns, numerals,
#: measure words, times, places, 的, adjectives and four-character phrases (``各区空气污染指数``).
_DISPOSED_OBJECT_TAGS = ("n", "r", "m", "q", "t", "s", "f", "uj", "u", "a", "b", "i", "l")


def ends_on_a_disposal_without_its_verb(span: str) -> bool:
    """Whether ``span``'s last clause puts its object first with 将 or 把 and stops before the verb that says what
    was done with it: ``该团体将各区空气污染指数`` (before ``，比对各区的生活水平``).  The words after 将/把 are all
    nouns or what a noun phrase holds (:data:`_DISPOSED_OBJECT_TAGS`), the last a common noun; 将 as "will" is
    followed by its verb (``公司将上市``, ``将于明年``), unless jieba tags that verb a noun (``…明天将步入另一阶段``,
    also flagged).  On the re-spanned caches (``runs/*_74c.lines``) two dev lines change, that one for the better.
    Or it names only what its deed is about, after 围绕 (around):
    ``市场监管总局围绕新材料、新能源汽车、机器人等重点行业`` before ``，发布相关国家标准4000余项``, or only what it is
    far from, after 离: ``中国离「强起来」的阶段`` before ``，仍有颇大距离`` (a quoted phrase read as one noun).
    Since the seventy-fifth session also whom a cause makes do what the next clause says, after 令, 使 or 让, a
    clause that modifies them before its 的 allowed: ``这次访谈令一贯认为自己一无是处的案主`` before
    ``，难得的看到个人优势``."""
    return _ends_on_the_object_of(span, ("将", "把", "围绕", "离")) or _ends_on_the_object_of(
        span, _CAUSATIVES, modified=True
    )


#: Verbs that make someone do what follows them (``令…的案主，难得的看到…``).
_CAUSATIVES = ("令", "使", "让", "使得")


def _ends_on_the_object_of(span: str, openers: tuple[str, ...], *, modified: bool = False) -> bool:
    """Whether the last of ``openers`` in ``span``'s last clause is followed by a noun phrase only, to its end;
    with ``modified``, what comes before a 的 after the opener modifies the noun after it and is not looked at."""
    if not any(opener in span for opener in openers):  # jieba only for a span that may
        return False
    words = posseg().lcut(_QUOTED_NAME.sub("名称", CLAUSE_SPLIT.split(span)[-1].strip()), HMM=False)
    at = max((index for index, word in enumerate(words) if word.word in openers), default=-1)
    if at < 0:
        return False
    if modified:
        # a noun before the first verb after the opener is whom it makes do that verb (``让协和学制进入…的视野``);
        # without one, what comes before the 的 modifies the noun after it (``令一贯认为自己一无是处的案主``)
        verb = next((i for i in range(at + 1, len(words)) if words[i].flag.startswith("v")), None)
        if words[at].flag != "v" or at == 0 or len(words[at - 1].word) < 2:
            return False  # ``限芯令``: a decree, cut by jieba
        if verb is not None:
            if any(word.flag.startswith(_NOUN_FLAGS) for word in words[at + 1 : verb]):
                return False
            at = max(at, _last_de(words))
    disposed = [word for word in words[at + 1 :] if word.word != "、"]
    # a noun jieba cuts into two characters ends it too (``案/主``, ``n`` and ``b``)
    cut_noun = len(disposed) >= 2 and len(disposed[-1].word) == len(disposed[-2].word) == 1 and disposed[-2].flag == "n"
    return (
        bool(disposed)
        and (disposed[-1].flag == "n" or cut_noun)
        and all(word.flag.startswith(_DISPOSED_OBJECT_TAGS) for word in disposed)
    )


def sets_time_and_reason(span: str) -> bool:
    """Whether ``span``'s last two clauses are a time clause and then a reason opened with 因
    (``一架…航班在起飞约20分钟后，因右侧发动机出现故障指示``): where its sentence goes on, both wait for what
    happened (``机组按程序返航…``); where it ends there, the reason holds it (``他回国后，因病去世``)."""
    clauses = CLAUSE_SPLIT.split(span)
    return len(clauses) >= 2 and _first_word(clauses[-1].strip()) == "因" and ends_in_a_setting(clauses[-2].strip())


#: Verbs of a purpose a clause may end on (``「萝卜」为庆祝阿儿生日`` before ``，打算给她一个惊喜``).
_PURPOSE_VERBS = (
    "庆祝|纪念|应对|配合|迎接|确保|保障|防止|避免|落实|推动|促进|加强|提高|满足|解决|方便|减少|支持|帮助|维持|"
    "维护|争取|实现|打击|遏制|改善|保护|防范|降低|抗击|筹备|筹集|吸引|回应|抗议|悼念|声援|宣传|推广|表彰|感谢|答谢|"
    "完成|达到|达成|应付|赚取|节省"  # ``北京海淀的环卫工为了完成垃圾清运指标`` before ``，将成捆的白菜…``
)
#: 为 and a verb of purpose, where a clause ends on one (:func:`ends_on_a_purpose`) or opens with it
#: (:func:`_only_a_purpose`).
_PURPOSE_PHRASE = re.compile(rf"为了?(?:{_PURPOSE_VERBS})")
#: Characters before 为 that make it part of another word (``成为``, ``作为``, ``认为``) or make the purpose the
#: clause's predicate (``是为``, ``只为``).
_NOT_A_PURPOSE_BEFORE = "成作认以因称视行变改转更分有是只而就乃实"


def ends_on_a_purpose(span: str) -> bool:
    """Whether ``span``'s last clause ends on what its subject does something for, with no verb after it
    (``「萝卜」为庆祝阿儿生日``): where its sentence goes on (``，打算给她一个惊喜``), the clause waits for what was
    done.  Of 185,533 training headlines and headings 20 end on such a verb after 为, most of them with what
    was done after it in a word jieba does not tag a verb (``…为实现中华民族伟大复兴贡献力量``) or saying that
    purpose is the point (``政府：实名制为打击罪行``)."""
    last = CLAUSE_SPLIT.split(span)[-1].strip()
    purposes = list(_PURPOSE_PHRASE.finditer(last))
    if not purposes or purposes[-1].start() == 0:
        return False  # a clause that opens with its purpose is :data:`LEADING_PURPOSE_OPENERS`'s
    purpose = purposes[-1]
    if last[purpose.start() - 1] in _NOT_A_PURPOSE_BEFORE:
        return False
    return not any(word.flag == "v" for word in posseg().lcut(last[purpose.end() :], HMM=False))


def leads_up_to_a_clause(span: str) -> bool:
    """Whether ``span`` is the part of a sentence that leads up to what it says: it opens a dependent
    clause (:func:`opens_a_dependent_clause`), ends in a scene-setting phrase (:func:`ends_in_a_setting`) or is
    only a frame (:func:`is_only_a_frame`)."""
    return opens_a_dependent_clause(span) or ends_in_a_setting(span) or is_only_a_frame(span)


def is_only_a_frame(span: str) -> bool:
    """Whether ``span`` only frames what its sentence goes on to say: a prepositional phrase alone
    (:func:`is_only_a_prepositional_phrase`: ``在科技日报创刊40周年之际``, ``在特首林郑月娥的母校…书院``), a
    :data:`BARE_FRAME` (``到目前为止``, ``正如抗议者所言``) or a :data:`GUIDING_FRAME` (``在记者会上以「…」为主题``;
    none of 185,533 training lines is one)."""
    if BARE_FRAME.fullmatch(span) is not None or GUIDING_FRAME.match(span) is not None:
        return True
    return is_only_a_prepositional_phrase(span) or _is_only_a_time_of_event(span)


#: Locatives that make the event before them a time frame (``…西班牙大流感中``, ``…访问期间``).
_EVENT_TIME_LOCATIVES = frozenset(["中", "当中", "期间", "之际", "前夕"])


def _is_only_a_time_of_event(span: str) -> bool:
    """Whether ``span`` is one clause without a verb that ends on a locative of time after an event
    (:data:`_EVENT_TIME_LOCATIVES`): ``1918 年的西班牙大流感中`` (before ``，公布的全球死亡人数…``, printed for a
    dev section; since the seventy-first session) sets when, without 在, and says nothing."""
    if len(span) < 4 or any(mark in span for mark in CLAUSE_MARKS) or not span.endswith(tuple(_EVENT_TIME_LOCATIVES)):
        return False
    words = posseg().lcut(span, HMM=False)
    last = words[-1].word
    if len(words) < 2 or not (last in _EVENT_TIME_LOCATIVES or (len(last) > 2 and last.endswith(("期间", "之际")))):
        return False  # ``华中``, ``初中``: a word of its own
    # where someone is (``他在家中``) or what is under way (``情报组织目前正在重新定义过程中``, an adverb) is a
    # statement, and a 在 phrase alone is judged elsewhere
    return not any(word.flag.startswith(("v", "i", "l")) or word.word in _UNDER_WAY for word in words[:-1])


#: 在 and the words that say a thing is under way (jieba tags 正在 a time word).
_UNDER_WAY = frozenset(["在", "正在", "正", "仍在", "还在", "一直", "处于"])


#: Prepositions whose phrase waits for its verb: ``…3日在警方`` (``陪同下进入圣殿山``), ``客服却对多家媒体``.
#: Not 为/于/至/与/和/同, which end a headline well (``规模为33222亿美元``, ``提高至64岁``) or join two
#: nouns, nor 自 (``自重构算法``).
OPEN_PREPOSITIONS = frozenset(
    ["对", "向", "在", "把", "将", "被", "针对", "给", "从", "朝", "往", "以", "跟",
     "根据", "按照", "依据", "依照", "遵照",
     "借着", "凭着", "沿着",  # by means of, along (``不排除当局藉著一些事件``, before ``，打压…``)
     "凭", "凭借"]  # relying on (``韩国瑜凭「打造高雄，全台首富」的竞选主轴`` before ``，打赢对手…``)
)  # fmt: skip
#: Hong Kong's and the literary spellings of 借着 (by means of), which jieba cuts into pieces: read as 借着.
_BY_MEANS_OF = re.compile(r"[借藉][着著]")
#: Marks that open and close a book title or a quotation (curly double quotes, which open and close with different
#: characters; straight ones do not tell which they do).
_OPENING_QUOTES = frozenset("《「『“")
_CLOSING_QUOTES = frozenset("》」』”")
#: Marks between clauses or the items of a list (the enumeration comma included).
PHRASE_BREAKS = frozenset(CLAUSE_ENDS + "、")


#: Word classes after a preposition that close its phrase: a verb, an adjective (``在西方大热``), an idiom or
#: set phrase (``同…举行会谈``), and 的, which makes the phrase part of a noun (``俄罗斯在欧盟的资产``).
_CLOSING_FLAGS = ("v", "a", "i", "l", "uj")


def _after_verb_or_de(word: Any) -> bool:
    """A preposition after a verb is its complement (``降落在…``), after 的 part of a noun (``的对台政策``); not after
    a modal verb, which the phrase leads to its verb from (``市民可向食物环境卫生署`` before ``投诉``; since the
    seventy-second session)."""
    return (word.flag[:1] == "v" and word.word not in _MODAL_VERBS) or word.flag == "uj"


#: Modal verbs, before a prepositional phrase that still waits for its verb (``可向…``, ``能在…``, ``应对…``).
_MODAL_VERBS = frozenset(
    ["可", "能", "会", "要", "应", "须", "需", "可以", "能够", "应该", "应当", "必须", "需要", "愿", "愿意", "拟",
     "将要"]
)  # fmt: skip


#: A span that ends by saying whom someone warned or urged, the warning left for what follows:
#: ``省教育考试院提醒考生`` before ``，已领取的准考证继续有效``; since the eighty-first session also a government
#: urged (``组织促请香港政府`` before ``，撤销…``, a dev section line).
_TELLS_WHOM = re.compile(
    r"(?:提醒|呼吁|告诫|叮嘱|敦促|号召|提示|劝告|警告|促请|吁请|敦请)(?:广大|各位|全体|全市|全省|全国)?"
    r"(?:考生|市民|群众|公众|民众|游客|旅客|乘客|居民|家长|消费者|网友|投资者|患者|读者|大家|公民|学生|师生|司机|驾驶员|"
    r"驾驶人|用户|村民|农户|企业|商家|社会各界|各方|国际社会|有关方面|记者|我们?|你们?|他们?|她们?|"
    r"(?:香港|特区|中国|美国|各国)?政府|当局|港府)?$"
)


def tells_whom_not_what(span: str, rest: str) -> bool:
    """Whether ``span`` ends with a verb of warning or urging (and whom), or, since the seventy-sixth session, of an
    answer to a news outlet (``…再次回应红星新闻``), and ``rest``, what follows it in the text, then says what:
    ``省教育考试院提醒考生`` before ``，已领取的准考证继续有效``.  The line says that someone was warned, not of
    what."""
    told = _TELLS_WHOM.search(span) or _TOLD_SOMEONE.search(span) or _ANSWERED_A_MEDIUM.search(span)
    return bool(told) and rest[:1] in ("，", ",", "：", ":", "说", "称")


#: ``告诉`` and whom, any one or none (``…告诉主板``, an outlet named in translation): what follows is what was told.
_TOLD_SOMEONE = re.compile(r"告诉[^，,。：:；;、]{0,8}$")
#: An answer given to a news outlet, the answer left for what follows: ``该景区客服人员再次回应红星新闻`` before
#: ``，这是因为信息误差…`` (a dev headline of the seventy-sixth session).
_ANSWERED_A_MEDIUM = re.compile(
    r"(?:回应|回复|答复|告知)[^，,。：:；;、]{0,10}(?:新闻|日报|晚报|时报|报|网|社|记者|媒体|传媒|电视台)$"
)


def leaves_a_phrase_open(span: str) -> bool:
    """Whether ``span``'s last clause has one of :data:`OPEN_PREPOSITIONS` (tagged as a preposition, not
    right after a verb or 的: :func:`_after_verb_or_de`) with words after it but none that closes the phrase: the
    span stops before the verb the phrase leads to (``…3日在警方``, ``却对红星新闻等多家媒体``,
    ``某汽车公司根据《缺陷汽车产品召回管理条例》``, ``韩国瑜凭「打造高雄，全台首富」的竞选主轴``, and a ``已就…`` of
    :func:`_leaves_its_matter_open`).  Words inside a title or quotation close nothing."""
    open_at: int | None = None
    words = posseg().lcut(_BY_MEANS_OF.sub("借着", span), HMM=False)
    titled = 0  # how many titles or quotations are open: a verb or comma inside one (``《缺陷汽车产品召回管理条例》``,
    # ``「打造高雄，全台首富」``) closes nothing
    for index, word in enumerate(words):
        titled += (word.word in _OPENING_QUOTES) - (word.word in _CLOSING_QUOTES)
        if titled > 0:
            continue
        if word.word in PHRASE_BREAKS or word.flag.startswith(_CLOSING_FLAGS):
            opened_by = words[open_at].word if open_at is not None else ""
            opens_its_clause = open_at == 0 or (open_at is not None and words[open_at - 1].word in PHRASE_BREAKS)
            frame = opened_by in _NOT_CLOSED_BY_DE or (opened_by == "在" and opens_its_clause)
            after_de = word.flag == "vn" and index > 0 and words[index - 1].flag == "uj"  # ``…的竞选主轴``
            if not ((word.flag == "uj" or after_de) and frame):
                open_at = None
        elif open_at is not None and words[open_at].word == "以" and word.word in ("为", "作为"):
            open_at = None  # ``以…为…``: the frame is whole
        elif word.flag == "p" and word.word in OPEN_PREPOSITIONS:
            after_a_verb = index and _after_verb_or_de(words[index - 1])
            open_at = None if after_a_verb and word.word not in _FRAMES_AFTER_A_VERB else index
    if words and _ends_on_a_bare_preposition(words):
        return True  # ``…国际共产集团内被分配为``, ``…保安局向``: the phrase has not begun
    return (open_at is not None and open_at < len(words) - 1) or _leaves_its_matter_open(words)


def leaves_its_means_open(span: str) -> bool:
    """Whether ``span``'s last clause (quotations kept whole) names a doer's means (凭, 凭借 and 凭着 among them, or
    :data:`_BY_MEANS_OF`) and stops before the deed (:func:`leaves_a_phrase_open`): ``韩国瑜凭「打造高雄，全台首富」
    的竞选主轴`` before ``，打赢对手陈其迈，当选为高雄市长``."""
    last = _last_clause_outside_quotes(span)
    return ("凭" in last or _BY_MEANS_OF.search(last) is not None) and leaves_a_phrase_open(last)


def _last_clause_outside_quotes(span: str) -> str:
    """The last clause of ``span``, a clause mark inside a title or quotation no end of one."""
    depth = 0
    start = 0
    for at, char in enumerate(span):
        depth += (char in _OPENING_QUOTES) - (char in _CLOSING_QUOTES)
        if depth <= 0 and char in CLAUSE_ENDS and at < len(span) - 1:
            start = at + 1
    return span[start:]


#: Adverbs before a 就 that is a preposition ("on the matter of"): ``已就…达成一致``, ``将就…举行会谈``.
_BEFORE_MATTER_JIU = frozenset(
    ["已", "已经", "将", "正", "正在", "曾", "均", "并", "拟", "愿", "也", "再", "又", "共同"]
)


def _leaves_its_matter_open(words: Sequence[Any]) -> bool:
    """Whether the words end inside a ``就…`` phrase of the matter something is done about (its 就 after one of
    :data:`_BEFORE_MATTER_JIU`), no verb, adjective or set phrase after it: ``以色列和…哈马斯已就加沙地带停火协议第一
    阶段`` before ``达成一致`` (a dev headline; since the seventy-second session).  jieba tags 就 an adverb, and
    ``停火协议`` an idiom, so only verbs, adjectives and set phrases close the phrase."""
    at = next(
        (i for i in range(len(words) - 1, 0, -1) if words[i].word == "就" and words[i - 1].word in _BEFORE_MATTER_JIU),
        None,
    )
    if at is None or at >= len(words) - 1:
        return False
    return not any(word.flag.startswith(("v", "a", "l")) or word.word in PHRASE_BREAKS for word in words[at + 1 :])


#: Prepositions that open a range, "from … to …" (``由…到…``, ``从…至…``).
_RANGE_OPENERS = frozenset(["由", "从", "自"])
#: What closes a range: its "to".
_RANGE_CLOSERS = frozenset(["到", "至"])
#: Word classes that say something after the end of a range (``从北京到上海只需4小时``, ``从小学到大学都免费``):
#: adverbs, conjunctions, particles (了, 的), prepositions.
_AFTER_A_RANGE_FLAGS = ("d", "c", "u", "p")
#: How many words the end of a range may have.
_MAX_RANGE_END_WORDS = 6


def says_only_a_range(span: str) -> bool:
    """Whether ``span``'s last clause is only a range, "from … to …", with nothing said of it:
    ``由儿子堕楼到接到校方通知`` (before ``，中间相差了2个半小时有多``), ``从3.5寸到4寸``, ``由白思豪至众议院至参议院``
    (printed for dev and test sections; since the seventy-fifth session).  The range sets the span of time or
    place the next clause says something of.  Not ``从北京到上海只需4小时`` (an adverb after the range's end
    says it), nor an idiom jieba reads as one word (``从无到有``)."""
    words = posseg().lcut(last_clause(span), HMM=False)
    if len(words) < 4 or words[0].word not in _RANGE_OPENERS or words[0].flag != "p":
        return False
    to = max((i for i, word in enumerate(words) if word.word in _RANGE_CLOSERS), default=-1)
    after = words[to + 1 :]
    if to < 2 or not 0 < len(after) <= _MAX_RANGE_END_WORDS:
        return False
    return not any(word.flag.startswith(_AFTER_A_RANGE_FLAGS) or word.word == "是" for word in after)


def leaves_its_from_open(span: str, rest: str) -> bool:
    """Whether ``span``'s last clause opens a ``从…`` phrase (a preposition, not after a verb) that no verb follows
    in it, and ``rest``, what its sentence goes on with after a comma, opens with the verb it leads to:
    ``曾经肥沃的鱼米之乡——长江三角洲和珠江三角洲从传统的粮食主产区`` before ``，蜕变成了现代的工业城`` (a dev headline;
    since the seventy-second session), or ``由`` (``长者占总人口将由2016年的17%`` before ``，升至…``); or ``rest`` opens
    with the end of the stretch the phrase starts (``从 1 月 20 日疫情的消息正式放开`` before ``，到 2 月 6 日…``), or
    the phrase ends on the view it takes (:data:`_VIEWPOINT_END`: ``从「保障人权」的观点`` before ``，全面地分析…``), or
    a 由 phrase names what something is made up of before the comma its 组成 comes after (``该组织由一群世居香港``
    before ``，热爱香港的…人士组成``).
    Unlike :func:`leaves_a_phrase_open`, for a whole clause: the next clause says the phrase is open, so a verb jieba
    tags as a noun cannot make the clause look whole."""
    clause = _last_clause_outside_quotes(span)  # typesetting spaces part nothing here (``从 1 月 20 日…``)
    if not rest or rest[0] not in "，," or not any(word in clause for word in STRETCH_START):
        return False
    words = posseg().lcut(clause, HMM=False)
    opened = [i for i, word in enumerate(words) if word.word in STRETCH_START and word.flag == "p"]
    if opened and words[opened[-1]].word == "由" and _MADE_UP_OF.search(rest[: sentence_end_in(rest)]):
        return True  # ``该组织由一群世居香港`` before ``，热爱香港的…人士组成``: of whom, its 组成 still to come
    if not opened or (opened[-1] and _after_verb_or_de(words[opened[-1] - 1])):
        return False
    if STRETCH_END.match(rest[1:].lstrip()):
        return True  # ``从 1 月 20 日疫情的消息正式放开`` before ``，到 2 月 6 日…``: a stretch told by half
    if _VIEWPOINT_END.search(clause):
        return True  # ``法庭不是从「保障人权」的观点`` before ``，全面地分析…``: from which view, not what was seen
    if any(word.flag.startswith("v") for word in words[opened[-1] + 1 :]):
        return False
    following = posseg().lcut(rest[1:].lstrip()[:8], HMM=False)
    return bool(following) and following[0].flag.startswith("v")


#: The view a ``从…`` phrase takes, ending it without the 看 or 出发 it leads to (``从「保障人权」的观点``; since the
#: eightieth session).
_VIEWPOINT_END = re.compile(r"(?:观点|角度|立场|层面|视角|高度|眼光|观念)$")
#: What a 由… phrase leads up to when it names what something is made up of (``由…人士组成``).
_MADE_UP_OF = re.compile(r"组成|构成|组建|所组成")


def sentence_end_in(text: str) -> int:
    """Where the first sentence of ``text`` ends (after its first full stop, or ``len(text)``)."""
    return next((at + 1 for at, char in enumerate(text) if char in _SENTENCE_END), len(text))


#: Prepositions that open where a change or a stretch starts (``从…``, ``由2016年的17%`` before ``，升至…``).
STRETCH_START = ("从", "由")
#: What opens the end of a stretch after its start's clause (``，到 2 月 6 日…``, ``，至…``): not 到底, 到处, 至少,
#: 至今, 至于.
STRETCH_END = re.compile(r"(?:一直)?(?:到|至)(?![底处少今于])")


#: One-character prepositions a clause cannot stop on: their object is still to come (``…被分配为``, ``…保安局向``).
#: Not 在 or 对, which end clauses as verbs or counters (``一直都在``, ``12.5对``), but 在 after a date or an hour.
_BARE_PREPOSITIONS = frozenset("为向把被给从将跟于以")


def _ends_on_a_bare_preposition(words: Sequence[Any]) -> bool:
    """Whether jieba's ``words`` end on one of :data:`_BARE_PREPOSITIONS` tagged a preposition, not after 所
    (``所为``, what someone did)."""
    last = words[-1]
    after_suo = len(words) >= 2 and words[-2].word == "所"
    if last.flag == "p" and last.word == "在" and len(words) >= 2 and _TIME_BEFORE_AT.search(words[-2].word):
        return True  # ``…将于9月25日上午10时30分在``: a date, then the place that is cut off
    return last.flag == "p" and last.word in _BARE_PREPOSITIONS and not after_suo


#: The end of a date or an hour, before a 在 that then opens where (since the seventy-first session).
_TIME_BEFORE_AT = re.compile(r"(?:\d|[年月日时分]|上午|下午|晚上|晚间|中午|凌晨|早上|今天|明天|昨天|当天|今日|明日)$")


#: Prepositions whose phrase 的 does not close (``从传统的粮食主产区`` before ``，蜕变成了…``): what follows is still
#: the noun the phrase starts from or takes as its frame.  Nor does it close a 在 that opens its clause
#: (``在鲍伯・班福德…所著的《人生下半场》`` before ``…中，``; since the seventy-fourth session), only one inside a
#: noun phrase (``俄罗斯在欧盟的资产``).
_NOT_CLOSED_BY_DE = frozenset(["从", "以", "凭", "凭借", "凭着"])
#: Prepositions that open a frame after a verb as well (``建立以1967年`` before ``边界为基础…``), not its complement.
_FRAMES_AFTER_A_VERB = frozenset(["以"])


#: A span that is all one bracketed aside: a byline (``(萧柱石博士 - 香港临床心理学博士协会主席)``), an
#: editor's note, a column tag (``【内容更新】``), or one book title (``《 有策略地升级：不要爱上战术 》``: it names
#: a work, it says nothing of it).
_WHOLLY_BRACKETED = re.compile(r"^(?:[（(][^（()）]*[）)]|【[^【】]*】|\[[^\[\]]*\]|《[^《》]*》)$")


#: A cause and nothing else: ``受台风“桦加沙”影响``, ``受较强冷空气影响`` (none of 44,066 training headlines of
#: xwlb_items, hkcnews_articles and bedtime_daily is one).  What it caused comes after it, often
#: after more framing (``…，从昨天（1月9日）到今天，内蒙古中西部…``), so the span gives way instead of going on.
CAUSE_FRAME = re.compile(r"受[^，,。；;：:]{1,25}(?:影响|冲击|拖累|带动|推动|波及|制约)")

#: A time frame opened with 自/从 (``自12月5日起``, ``从今年以来``) and what closes it.
_TIME_FRAME_OPENER = re.compile(
    r"(?:^|[，,：:；;\s])[自从](?:今年|明年|去年|本月|下月|即日|今天|明天|\d{1,4}年|\d{1,2}月|\d{1,2}日)"
)
_TIME_FRAME_CLOSER = re.compile(r"起|以来|开始|至|到|后")


def unclosed_time_frame(line: str) -> str:
    """The opening of a ``自/从``-time frame that ``line`` never closes (``自12月`` in
    ``自12月金融机构存款准备金率0.5个百分点``, a generated line that lost ``5日起下调``), or ``""``.  Of 184,206
    training headlines 8 open such a frame and 7 of them close it."""
    for opener in _TIME_FRAME_OPENER.finditer(line):
        if not _TIME_FRAME_CLOSER.search(line, opener.end()):
            return opener.group().lstrip("，,：:；; \t\n")
    return ""


#: A clause that is only a past time (``过去，``): what follows held then, not now.
_PAST_FRAME = re.compile(r"(?:过去|以前|从前|曾经|原来|早年|当年|昔日|以往|往年|过去几年|多年前)")
#: A clause that ends with a verb of worry, doubt or complaint (``有家长担心，``, ``以方担心，``): what
#: follows is someone's fear or claim, not a fact.  Not the nouns (``引发…的担忧，``, ``表示担忧，``,
#: ``质疑和批评，``), which are followed by a clause of its own.
_DOUBT_FRAME = re.compile(
    r"(?<![的示发达在和与])(?:担心|擔心|担忧|擔憂|忧虑|憂慮|质疑|質疑|怀疑|懷疑|猜测|猜測|声称|聲稱|传言|傳言"
    r"|谣传|謠傳|误以为|誤以為|以为|以為|不满|不滿|抱怨)$"
)


def frames_what_follows(clause: str) -> bool:
    """Whether ``clause`` (the clause before a span, without its mark) makes the next one a past state
    (``过去``) or someone's worry or claim (``有家长担心``): a span that leaves it out turns
    ``过去，安吉农民砍竹子卖原竹`` into the present and ``有关注团体担心，业主…会把成本转嫁租户`` into a fact."""
    clause = clause.strip()
    return bool(_PAST_FRAME.fullmatch(clause) or _DOUBT_FRAME.search(clause))


#: What the span selector adds to a span that stops where its list goes on (``…戴维·米勒等``).
PARTIAL_LIST_MARK = "等"


#: Words that open a clause saying what follows if the clause before it does not hold (``否则``, ``不然``).
CONSEQUENCE_OPENERS = ("否则", "要不然", "不然")
#: Words that say what the clause before was done for (``香港移民潮以父母居多，为的是下一代在公义国家长大``): a span
#: that opens with one is told with that clause where it fits (no training headline opens so).  So too for what it
#: is for (``…获国家药监局批准，用于成人重度斑秃的系统性治疗``: 6 of the 185,533 training headlines open with one,
#: each a noun phrase, ``用于暗网洋葱站点的分析工具``).
PURPOSE_OF_WHAT_CAME_BEFORE = (
    "为的是",
    "为的就是",
    "目的是",
    "目的在于",
    "目的就是",
    "用于",
    "用以",
    "用来",
    "旨在",
    "以便",
    "以期",
)


def speaker_of_subjectless(clause: str, span: str) -> bool:
    """Whether ``clause`` (the clause before ``span``, without its mark) says who announced what ``span``
    will do, and ``span`` has no subject of its own (it opens with ``将``): ``瑞士联邦委员会20日发表声明说，``
    before ``将暂停向美国出口战争物资``.  Of 5,317 dev and test gold headlines 3 open with ``将`` (how-to
    steps), of the spans printed there 17."""
    return span.startswith("将") and reads_as_attribution(clause.strip())


#: Word classes of a named subject: a place, an organisation, a person, another proper name, an abbreviation.
_NAMED_FLAGS = ("ns", "nt", "nr", "nz", "j")
#: Word classes a predicate without its subject opens with: a verb, an adverb, a preposition.
_PREDICATE_OPENING_FLAGS = ("v", "d", "p", "ad")
#: A first clause that only gives the year or the time of the report (``2018年，``, ``近年来，``).
_TIME_CLAUSE = re.compile(r"\d{4}年|今年|去年|近年来|目前|当前")
#: A word of a date jieba splits off (``12``, ``月``, ``3``, ``日``), or a day word (``今天``, ``当天``).
_DATE_WORD = re.compile(r"\d+|[年月日号]|[今昨前明当同次]天|[今昨明前次当]日|当地时间|北京时间")
#: Words of a clause that reports speech: its subject is the speaker.  Not the 称 of a name
#: (``以下简称《工作办法》``, ``号称``, ``堪称``, ``称为``).
_SAYS = re.compile(
    r"表示|指出|认为|强调|说|(?<![简号堪统昵俗自])称(?![为作号])|宣布|透露|介绍|报道|告诉|获悉|了解到|消息"
)


#: How the name of a body ends: ``应急管理部``, ``国家统计局``, ``省发展改革委``, ``市人民政府``.
_BODY_NAME_END = re.compile(r"(?:部|局|委|厅|署|办|院|会|政府|集团|公司|银行|中心|协会|法院|检察院)$")
#: Word classes of the words a body's name is made of (jieba tags ``应急/管理部`` as vn + n, ``生态环境/部`` as l + n).
_BODY_NAME_FLAGS = ("n", "vn", "j", "l")


def ends_as_a_body(name: str) -> bool:
    """Whether ``name`` ends as the name of a body does (:data:`_BODY_NAME_END`: ``…自治政府``, ``…发展改革委``),
    so that the verbs jieba finds inside it (``自治``, ``发展``) are part of the name."""
    return bool(_BODY_NAME_END.search(name))


def _named_opening(words: list[Any]) -> list[Any]:
    """The words a clause opens with that name someone: names (:data:`_NAMED_FLAGS`), a country's side
    (:data:`_STATE_SIDE`: ``中方``), or else nouns that make a body's name (:data:`_BODY_NAME_END`: ``应急/管理部``,
    which jieba does not tag as a name)."""
    named = list(itertools.takewhile(lambda word: word.flag.startswith(_NAMED_FLAGS), words))
    if named:
        return named + (_posted_abroad(words[len(named) :]) or _office_and_name(words[len(named) :]))
    if words and (_STATE_SIDE.fullmatch(words[0].word) or words[0].word in SIDE_SPEAKERS):
        return words[:1]  # ``中方``, ``美方``: a country's side, which jieba tags a locative; ``警方``, ``校方``
    nouns = list(itertools.takewhile(lambda word: word.flag.startswith(_BODY_NAME_FLAGS), words[:5]))
    for count in range(len(nouns), 1, -1):
        if _BODY_NAME_END.search("".join(word.word for word in nouns[:count])):
            return nouns[:count]
    return []


#: The word that posts a body or person abroad (``中国驻埃塞俄比亚使馆``, ``俄罗斯常驻联合国代表``), a verb to
#: jieba.
_POSTED = frozenset(["驻", "常驻"])
#: Word classes of the post that follows it: places, bodies, nouns, and 副 of ``副代表``.
_POST_FLAGS = ("n", "j", "b")


def _office_and_name(words: list[Any]) -> list[Any]:
    """The office and the person's name that go on a place's name (``总统 / 拉玛福萨`` after ``南非``), or ``[]``: the
    person does what the clause says.  jieba cuts a foreign name it does not know into pieces (``拉玛 / 福 / 萨``,
    tagged ``nrt``, ``ns``, ``nr``): a one-character place after a name piece is taken as part of it."""
    if len(words) < 2 or not re.fullmatch(_PERSON_TITLES, words[0].word) or not words[1].flag.startswith("nr"):
        return []
    pieces = itertools.takewhile(
        lambda word: word.flag.startswith("nr") or (word.flag == "ns" and len(word.word) == 1), words[2:]
    )
    return words[:2] + list(pieces)


def _posted_abroad(words: list[Any]) -> list[Any]:
    """The words that go on a name with where it is posted (:data:`_POSTED`: ``驻 / 埃塞俄比亚 / 使馆`` after
    ``中国``), or ``[]``: the embassy does what the clause says, not its country."""
    if not words or words[0].word not in _POSTED:
        return []
    post = list(itertools.takewhile(lambda word: word.flag.startswith(_POST_FLAGS), words[1:6]))
    return words[: 1 + len(post)] if post else []


#: A country's side, as statements name it (``中方在冲突问题上始终坚持客观公正立场，从未…``).
_STATE_SIDE = re.compile(r"[中美俄日韩英法德欧印朝伊乌以巴澳加菲越泰土]方")


def _doer_and_what_follows(words: list[Any]) -> tuple[list[Any], list[Any]]:
    """The words a clause opens with that name its doer (:func:`_named_opening`) and the words after them, its
    date words left out: in ``日本央行12月3日结束…`` the date between the doer and its verb is no word of the
    clause's own, nor is the 于 or 至 of a date (``朝鲜于21日至23日进行…``)."""
    named = _named_opening(words)
    after = words[len(named) :]
    return named, [
        word
        for k, word in enumerate(after)
        if not _DATE_WORD.fullmatch(word.word)
        and not (word.word in _DATE_LINKS and k + 1 < len(after) and _DATE_WORD.fullmatch(after[k + 1].word))
    ]


def doer_before_its_verb(clause: str) -> str:
    """The named doer ``clause`` opens with (:func:`_named_opening`) when, its date, time words and adverbs looked
    past, a verb follows it: ``特朗普`` of ``特朗普25日还呼吁参与斡旋美伊谈判的沙特`` (what follows the verb is its
    object), ``市场监督管理总局`` of ``市场监督管理总局日前发布…``; ``""`` otherwise.  Unlike
    :func:`_opens_with_its_own_doer`, the verb must come first after them, and a verbal noun is none: it names the
    doer's trade (``美国保守派活动人士``)."""
    named, rest = _doer_and_what_follows(posseg().lcut(clause, HMM=False))
    after_adverbs = list(itertools.dropwhile(lambda word: word.flag.startswith(("d", "t")), rest))  # ``日前``
    acts = bool(after_adverbs) and after_adverbs[0].flag in ("v", "vd", "vi", "vg")
    return "".join(word.word for word in named) if acts else ""


#: Words that put a date after a doer or join two (``朝鲜于21日至23日进行…``).
_DATE_LINKS = frozenset(["于", "至", "到", "—", "-", "～", "~"])


#: A clause that says when the next one happens (``唐纳德·特朗普当选美国总统两天后``).  Narrower than
#: :data:`_WHEN_CLAUSE_END` (the one clause before a span): not ``以来`` or ``期间``, since ``海南自贸港封关运作以来``
#: names what the clauses after it tell of.
_WHEN_CLAUSE = re.compile(r"(?:之后|以后|后|之前|以前|之时|时)$")


def _when_for_another(clauses: list[str], index: int) -> bool:
    """Whether ``clauses[index]`` only says when the next clause happens (:data:`_WHEN_CLAUSE`) and the next clause
    names its own doer: ``唐纳德·特朗普当选美国总统两天后，玛莎·葛森…发表文章`` (not Trump's article); after
    ``美国副总统彭斯继去年…演说后，`` a clause without a doer of its own is still Pence's."""
    if not _WHEN_CLAUSE.search(clauses[index]) or index + 1 >= len(clauses):
        return False
    return bool(_named_opening(posseg().lcut(clauses[index + 1], HMM=False)))


#: A clause that only says at whose invitation the sentence's doer acts: ``应朝鲜劳动党中央委员会和…政府邀请``.
_AT_THE_INVITATION = re.compile(r"应[^，,。；;]{2,60}邀请")


def sentence_subject(window: str, start: int) -> str:
    """The named subject a span starting at ``start`` inside a sentence leaves behind, or ``""``.

    The span starts after a clause mark (not at the sentence's start), opens with a verb, adverb or
    preposition (a predicate), and the sentence's first clause that is not only a date opens with named
    words (a place, organisation or person, :data:`_NAMED_FLAGS`) with a verb in the next three words:
    ``阳西县`` for ``深入贯彻习近平总书记重要讲话精神`` in ``2018年，阳西县全面贯彻党的十九大精神，以…为指导，
    深入贯彻…``.  A clause that reports speech (``…表示，``) is not taken: its subject is the speaker, not
    the doer.  Of 5,317 dev and test items, 9 printed article headlines change for it (5 read better,
    2 worse; ROUGE-L level).  A first clause that describes its doer without naming it (:data:`_SOMEONE`,
    :data:`_CROWD`: ``大批美国民众``)
    has that description up to its verb as the subject: ``一名49岁的前银行客户经理`` for ``挪用12名客户合共约860万元
    存款`` in ``一名49岁的前银行客户经理涉嫌利用职务之便，挪用…``.  A first clause that opens with a research
    group named by its institution has that group as the subject (:func:`is_research_group`; ``首次``,
    ``成功`` and a verb with its result, ``培育出``, open a predicate too), and after ``记者从…获悉，`` the next
    clause's ``该所`` is that institution.  A first clause that opens with a titled document (``政府提出的
    《简朴房规管条例草案》今年较早时获立法会通过``) has that title as the subject.  A clause that only says whose
    report it is (``据@光明日报消息``) is looked past, and a clause that only names a person by office
    (:func:`names_only_a_person`) has that person, the last of a list, as the subject: ``国防科技大学教授凌永顺`` for
    ``在北京逝世，享年86岁``.  A clause that only says when the next one, with a doer of its own, happens
    (``唐纳德·特朗普当选美国总统两天后``, :func:`_when_for_another`) is looked past like a date, and so is a setting
    (``在故宫博物院建院100周年之际``, :func:`ends_in_a_setting`).  A person named by office before a day and what
    they did (:func:`_titled_person_before_a_deed`) is the subject: ``习近平`` of ``…中央军委主席习近平27日上午前往
    故宫博物院，参观…``, also of a span that says what they said or announced in the statement the clause reports
    (``拜登`` for ``宣布美国已安全销毁…`` in ``美国总统拜登7日发表声明，宣布…``).  After a clause that
    names a speaker and ends on the word of speech (:func:`speaker_of_clause`) the clauses of what was said are
    looked at: ``美国`` (and so the span ``美国总统特朗普签署总统备忘录``) for ``指示美国退出…`` in ``美国白宫7日发表
    声明说，美国总统特朗普当天签署总统备忘录，指示…``.  A named doer whose clause only says by what means it acts
    (:func:`_doer_acting_by_means`) is the subject too: ``阿里巴巴集团`` for ``出售了…`` in ``阿里巴巴集团于2月10日
    通过大宗交易的方式，出售了…``.
    """
    if not _predicate_inside_a_sentence(window, start):
        return ""
    source_of_news = ""
    clauses = [part.strip() for part in CLAUSE_SPLIT.split(window[sentence_start(window, start) : start - 1])]
    for index, clause in enumerate(clauses):
        if _DATE_CLAUSE.fullmatch(clause) or _TIME_CLAUSE.fullmatch(clause) or _when_for_another(clauses, index):
            continue
        if clause.startswith("在") and ends_in_a_setting(clause):
            continue  # ``在故宫博物院建院100周年之际，``: when, like a date
        if _AT_THE_INVITATION.fullmatch(clause):
            continue  # ``应朝鲜劳动党中央委员会…邀请，``: at whose invitation, not who went (since the 82nd session)
        if not source_of_news and (told := _TOLD_BY.fullmatch(clause)):
            source_of_news = told.group("source")
            continue
        if source_of_news:
            clause = _SELF_REFERENCE.sub(source_of_news, clause, count=1)
        if _ATTRIBUTION_START.match(clause):
            continue  # ``据@光明日报消息，``: whose report it is, not who did it
        if speaker_of_clause(clause) is not None:
            continue  # ``美国白宫7日发表声明说，``: what follows is what was said, with its own doer
        if reads_as_attribution(clause) or _SAYS.search(clause):
            # ``美国总统拜登7日发表声明，宣布…``: who made the statement is who announces in it
            return _titled_person_before_a_deed(clause) if _SAYS.match(window, start) else ""
        if names_only_a_person(clause):
            # ``中国工程院院士、国防科技大学教授凌永顺，于…在北京逝世``: the person the clauses after it tell of
            return clause.rsplit("、", 1)[-1]
        if person := _titled_person_before_a_deed(clause):
            return person  # ``中共中央总书记、国家主席、中央军委主席习近平27日上午前往故宫博物院，``: 习近平
        words = posseg().lcut(clause, HMM=False)
        if words and words[0].flag.startswith(_NAMED_FLAGS) and (group := _RESEARCH_GROUP.match(clause)):
            return group.group()
        if (titled := _TITLED_SUBJECT.match(clause)) and any(
            word.flag.startswith("v") for word in posseg().lcut(clause[titled.end() :], HMM=False)[:6]
        ):
            return titled.group("title")
        if _SOMEONE.match(clause) or _CROWD.match(clause):
            # up to its verb, or the preposition of a setting (``大批美国民众在…芝加哥市中心游行抗议``)
            described = list(itertools.takewhile(lambda word: not word.flag.startswith(("v", "p")), words))
            subject = "".join(word.word for word in described)
            return subject if len(described) < len(words) and len(subject) >= 4 else ""
        named, rest = _doer_and_what_follows(words)
        if not named and (described := described_doer(clause)):
            return described  # ``一贯行事低调…的路易斯安那州联邦众议员约翰逊（Mike Johnson）终于获得…``: 约翰逊
        if named and (by_means := _doer_acting_by_means(named, rest)):
            return _last_doer_named(clauses[index + 1 :], by_means)  # ``阿里巴巴集团于2月10日通过…的方式，出售了…``
        if named and (
            any(word.flag.startswith("v") or word.word in _PREDICATE_OPENERS for word in rest[:3])
            or _opens_with_a_phrase_before_its_verb(rest)  # ``俄军在苏梅、哈尔科夫…等多个方向发动攻势``
        ):
            # the doer of a later clause, when one has its own (``立法会财委会日前通过…基金，民间记者会今早举行记者会，
            # 批评…``: the criticism is the press conference's)
            return _last_doer_named(clauses[index + 1 :], "".join(w.word for w in named))
        # a first clause that names no doer: a later one may (``民间人权阵线原计划发起…游行，…，惟警方仅就…，但反对…``)
        return _last_doer_named(clauses[index + 1 :], "")
    return ""


#: Word classes of the noun phrase a described doer is: names, nouns, abbreviations.
_DESCRIBED_DOER_FLAGS = ("n", "j")


def described_doer(clause: str) -> str:
    """The person a clause names after the words that describe them, up to 的, when a verb follows within three
    words: ``路易斯安那州联邦众议员约翰逊`` of ``一贯行事低调、与…特朗普立场相近的路易斯安那州联邦众议员约翰逊（Mike
    Johnson）终于获得…一致支持`` (a Latin gloss left out); ``""`` when no 的 opens such a name or it is no person's
    (jieba ``nr``, the phrase's last word)."""
    words = posseg().lcut(drop_latin_glosses(clause), HMM=True)  # unknown names as one word
    for at in (i for i, word in enumerate(words) if word.word == "的"):
        after = words[at + 1 :]
        head = list(itertools.takewhile(lambda word: word.flag.startswith(_DESCRIBED_DOER_FLAGS), after))
        if len(head) >= 2 and head[-1].flag.startswith("nr"):
            acts = any(word.flag.startswith("v") for word in after[len(head) : len(head) + 3])
            return "".join(word.word for word in head) if acts else ""
    return ""


#: A person named by office, then the day, then what they did: ``…中央军委主席习近平27日上午前往故宫博物院``.
_TITLED_PERSON_AND_DAY = re.compile(r"(?P<who>[^，,；;]{3,60}?)(?:\d{1,2}日|[今昨前]天|当天|近日|日前)(?P<deed>.*)")


def _titled_person_before_a_deed(clause: str) -> str:
    """The name of the person ``clause`` names by office (:func:`names_only_a_person`, :data:`_PERSON_AT_END`)
    before a day and what they did that day (a verb or set phrase, ``发表声明``, or a word jieba tags otherwise,
    :data:`_PREDICATE_OPENERS`, among its first three words, or after a 在 phrase of where: ``国家主席习近平4日上午在
    人民大会堂北大厅举行仪式``); ``""`` otherwise.  jieba takes the offices for the clause's doer (``中共中央``) and
    tags ``前往`` a time word."""
    found = _TITLED_PERSON_AND_DAY.fullmatch(clause)
    if found is None or not names_only_a_person(found.group("who")):
        return ""
    person = _PERSON_AT_END.search(found.group("who"))
    if person is None or not person.group("name"):
        return ""
    deed = [w for w in posseg().lcut(found.group("deed"), HMM=False) if w.flag != "t" or w.word in _PREDICATE_OPENERS]
    acts = any(word.flag.startswith(("v", "l")) or word.word in _PREDICATE_OPENERS for word in deed[:3])
    # where the deed was done first (``上午在人民大会堂北大厅举行仪式``; since the eightieth session)
    placed = bool(deed) and deed[0].word in ("在", "于") and any(_says_a_deed(word) for word in deed[1:])
    return person.group("name") if acts or placed else ""


def _says_a_deed(word: Any) -> bool:
    """Whether a jieba word is a verb or a set phrase, or a verb and its object jieba takes for one noun
    (``举行仪式``: its first two characters a verb)."""
    if word.flag.startswith(("v", "l")):
        return True
    return len(word.word) >= 4 and has_a_verb(word.word[:2], min_chars=2)


def _last_doer_named(clauses: Sequence[str], first: str) -> str:
    """Who does what a span right after ``clauses`` says, ``first`` named by the sentence's first clause: the doer
    the last of ``clauses`` names when it opens with a named doer and its verb (a leading connective looked past:
    ``…，惟警方仅就维园集会发出不反对通知书，但反对游行…``: 警方; ``…，民间记者会今早举行记者会，批评…``); ``""`` when
    that clause opens with 有 and someone, who has no name to print, or when another of ``clauses`` has a doer of its
    own (whose the span's deed is, is unsure); ``first`` otherwise."""
    bare = [drop_leading_connective(clause) for clause in clauses]
    doers = [_opens_with_its_own_doer(clause) for clause in bare]
    if doers and doers[-1]:
        named, _ = _doer_and_what_follows(posseg().lcut(bare[-1], HMM=False))
        return "".join(word.word for word in named)
    return "" if any(doers) else first


def _opens_with_its_own_doer(clause: str) -> bool:
    """Whether ``clause`` opens with 有 and someone (``有家属批评…``) or with a named doer and a verb within its next
    three words (:func:`_doer_and_what_follows`)."""
    if _opens_with_you(clause):
        return True
    named, rest = _doer_and_what_follows(posseg().lcut(clause, HMM=False))
    return bool(named) and any(word.flag.startswith("v") for word in rest[:3])


#: The end of a clause that says when (``…袭港后那天``, ``…期间``), not who.
_WHEN_CLAUSE_END = re.compile(r"(?:后|前|时|之际|期间|以来|那天|当天|之日|那年|当年)$")
#: A bracketed aside such as a date: ``国务院新闻办公室今天（1月12日）举行…``.
_BRACKETED = re.compile(r"[（(][^（()）]{0,16}[）)]")
#: Verbs whose subject is described, not doing anything: ``智慧是…的热门课题之一``.
_COPULAS = frozenset(["是", "为", "有", "成为", "属于", "系"])


def doer_of_the_next_clause(window: str, start: int) -> str:
    """The named doer of the one clause before ``start`` in its sentence (after a clause that only dates
    it), when that clause is the doer, a date at most, and a verb of its own: ``日本央行`` for
    ``日本央行12月3日结束为期两天的货币政策会议，`` before ``宣布将…``; the next clause, without a subject, is
    what the same doer did.  ``""`` when the doer is described (``中国证监会主席接受…``: the chairman, not the
    commission), only said to be something (``智慧是…``), or the clause reports speech."""
    clauses = _undated_clauses_before(window, start)
    return _doer_of_clause(clauses[0]) if len(clauses) == 1 else ""


def _undated_clauses_before(window: str, start: int) -> list[str]:
    """The clauses of ``start``'s sentence before it, without the clauses that only date it at its start."""
    clauses = [
        clause.strip()
        for clause in CLAUSE_SPLIT.split(window[sentence_start(window, start) : start].rstrip("，,；; "))
        if clause.strip()
    ]
    while clauses and (_DATE_CLAUSE.fullmatch(clauses[0]) or _TIME_CLAUSE.fullmatch(clauses[0])):
        clauses.pop(0)
    return clauses


def _doer_of_clause(clause: str) -> str:
    """The named doer ``clause`` opens with, a date at most and a verb of its own after it (not a copula), or only the
    means it acts by (:func:`_doer_acting_by_means`); ``""``
    when it reports speech or says when (``台风山竹袭港后那天``: when something happened, not who does the next
    clause)."""
    if reads_as_attribution(clause) or _SAYS.search(clause) or _WHEN_CLAUSE_END.search(clause):
        return ""
    named, rest = _doer_and_what_follows(posseg().lcut(_BRACKETED.sub("", clause), HMM=False))
    if named and (by_means := _doer_acting_by_means(named, rest)):
        return by_means  # ``阿里巴巴集团于2月10日通过大宗交易的方式``, then its deed
    if not named or not rest or rest[0].flag != "v" or rest[0].word in _COPULAS:
        return ""
    return "".join(word.word for word in named)


def _doer_acting_by_means(named: Sequence[Any], rest: Sequence[Any]) -> str:
    """The doer a clause names (jieba's ``named`` words and the nouns right after them, ``阿里巴巴`` + ``集团``) when
    the ``rest`` of it only says, after a date at most, by what means the doer does what the next clause says: 通过
    and a noun of a process at the clause's end (:data:`_MEANS_PROCESS_END`: ``阿里巴巴集团于2月10日通过大宗交易的
    方式，出售了…``, whose deed was printed without its doer for a dev bedtime item of the seventy-eighth session);
    ``""`` otherwise."""
    head = list(itertools.takewhile(lambda word: word.flag in ("n", "nt", "nz", "j"), rest))
    words = [word for word in rest[len(head) :] if word.word != "于" and not word.flag.startswith(("m", "t"))]
    if not words or words[0].word != "通过" or _MEANS_PROCESS_END.search(words[-1].word) is None:
        return ""
    return "".join(word.word for word in (*named, *head))


def doer_two_clauses_back(window: str, start: int) -> str:
    """The doer of :func:`doer_of_the_next_clause` when one clause stands between it and ``start``, a predicate with
    no doer of its own (a verb first): ``朝鲜`` of ``朝鲜于21日至23日进行一系列军事训练活动，包括新型水下攻击武器系统
    试验，`` before ``动用了名为“海啸”的核无人潜水攻击艇``; the span is a second deed of the same doer.  ``""``
    otherwise."""
    clauses = _undated_clauses_before(window, start)
    if len(clauses) != 2 or reads_as_attribution(clauses[1]) or _SAYS.search(clauses[1]):
        return ""
    between = posseg().lcut(clauses[1], HMM=False)
    if not between or not between[0].flag.startswith("v") or _opens_with_its_own_doer(clauses[1]):
        return ""
    return _doer_of_clause(clauses[0])


#: Words of speech whose clause names a speaker a headline may quote: not a medium's report (``报道``), what
#: figures show (``显示``) or what a reporter learnt (``获悉``).
_QUOTED_SPEECH = frozenset([*_SPEECH_WORDS, "宣布", "证实", "介绍", "呼吁"])
#: Words after which a clause hands over to what was said, shown or found: a span whose last clause ends
#: with one, where its sentence goes on, stops before what it is about (``纵然有万分被捕的心理准备，但阿晞感叹``).
_HANDS_OVER = _QUOTED_SPEECH | frozenset(
    ["感叹", "坦言", "直言", "说道", "写道", "显示", "表明", "发现", "相信", "提到", "回应", "呼吁", "坦承", "承认",
     "报道", "获悉", "了解到", "看来", "回忆", "回忆道", "回忆说", "忆述", "笑说", "补充说", "解释说", "写",
     "反馈", "反映", "形容", "描述", "供称", "辩称", "声称", "宣称", "指称", "直指", "重申"]
)  # fmt: skip


#: Words that hand over to the clause they are about as verbs (``都决心``, ``，他们的国家将捍卫…``); as the object of
#: a verb or after 了 or 的 they are nouns and end a clause (``表明了决心``, ``带来希望``).
#: Knowing what follows hands over likewise (``了解中南海运作的人都知道`` before ``，一个缺乏…的政党其实非常
#: 脆弱``; since the eightieth session).
_HANDS_OVER_AS_A_VERB = frozenset(
    ["决心", "坚信", "确信", "深信", "预计", "估计", "担心", "担忧", "希望",
     "知道", "明白", "晓得", "懂得", "深知", "意识到", "认识到"]
)  # fmt: skip
#: Verbs of criticism that hand over to what was said only right after who said it (``许智峰批评``); after a verb or
#: a conjunction they are nouns (``…引发质疑和批评``).
_CRITICISM = frozenset(["批评", "质疑", "抨击"])
#: Words that make the subject of a clause what a verb after them is done to (``被发现``, ``遭多方质疑``).
_PASSIVE_MARKERS = frozenset(["被", "所", "遭", "受", "受到", "遭到"])


def ends_before_what_is_said(span: str) -> bool:
    """Whether ``span``'s last jieba word is a word of :data:`_HANDS_OVER` (``…但阿晞感叹``, ``数据显示``) or, not
    after a verb or particle, of :data:`_HANDS_OVER_AS_A_VERB` (``美国和中国领导人都决心``): it stops where what
    was said or found begins; so does a law's ``规定`` (:data:`_LAW_STIPULATES`: ``《私隐条例》规定``).  Not after
    被, 所 or 遭 (:data:`_PASSIVE_MARKERS`, one word between at most: ``美国间谍网络在中国被发现``,
    ``…再度遭多方质疑``)."""
    words = posseg().lcut(span, HMM=False)
    # what was said or found is the subject: ``美国间谍网络在中国被发现``, ``…再度遭多方质疑``
    passive = any(word.word in _PASSIVE_MARKERS for word in words[-3:-1])
    if len(words) >= 2 and words[-1].word in _CRITICISM and words[-2].flag.startswith(("nr", "r")):
        return not passive  # ``许智峰批评``, not the noun of ``…引发质疑和批评``
    if words and words[-1].word in _HANDS_OVER_AS_A_VERB:  # ``美国和中国领导人都决心``, not ``表明了决心``
        after_a_verb = len(words) >= 2 and words[-2].flag.startswith(("v", "u"))
        return not passive and not after_a_verb
    if _LAW_STIPULATES.search(span):  # ``《私隐条例》规定`` before ``，保留资料的期限不得超过…``
        return True
    if words and words[-1].word == "回应" and any(word.word in _MATTER_RESPONDED_TO for word in words[:-1]):
        return False  # ``中大就移走雕像发声明回应``: to what is said, that there was a response is the news
    return bool(words) and words[-1].word in _HANDS_OVER and not passive


#: A law, a rule or an agreement and the verb that hands over to what it lays down: ``《私隐条例》规定``,
#: ``…保障资料第2原则规定``; 1 of 185,533 training lines ends so (``需遵从本地私隐条例规定``, a noun there), and a span
#: stops short on one only where its sentence goes on (since the seventy-second session).  Since the eighty-second
#: also a government or an authority (``有的地方政府规定`` before ``，因犯罪受刑事处罚人员不得…``).
_LAW_STIPULATES = re.compile(
    r"(?:》|条例|法|法案|法例|规则|守则|章程|办法|公约|协议|合约|原则|条文|条款|政府|当局|部门|机关)(?:第[^，。]{1,12}?条)?(?:中|内)?"
    r"(?:亦|也|并|则|明确|清楚|已)?(?:规定|订明|列明|写明|指明|注明)$"
)
#: Prepositions that say what a response is about (``就移走雕像``, ``对外界质疑``).
_MATTER_RESPONDED_TO = frozenset(["就", "对", "针对"])


#: A speaker as a headline names one: a name or a title with a name, no clause.
#: The most characters of a speaker a headline names whole.
_MAX_SPEAKER_CHARS = 16
_SPEAKER = re.compile(rf"[\u4e00-\u9fffA-Za-z·]{{2,{_MAX_SPEAKER_CHARS}}}")
#: What is no speaker to quote: a pronoun (``他``, ``该公司``), ``有…``, ``据…``, a medium (``美国媒体报道``).
_NOT_A_SPEAKER = re.compile(r"^[他她其该这那此有据]|媒体|报道|[报社台网]$")
#: Word classes no speaker's name opens with (``不少网友``: a number word; ``有专家``: a verb).
_NOT_A_SPEAKER_OPENING = ("v", "d", "p", "c", "m", "r", "u")
#: Place names jieba tags as another word class (``也门`` an adverb): a speaker may open with one
#: (``也门胡塞武装7日称，…``).
_NAMES_TAGGED_OTHERWISE = frozenset(["也门"])


def quoted_speaker(window: str, start: int) -> tuple[str, str] | None:
    """Who says what a span starting at ``start`` says, and with which word, when the span is the predicate
    right after the clause of its sentence that names the speaker: ``("委内瑞拉代总统罗德里格斯", "称")`` for
    ``将努力促成…`` in ``委内瑞拉代总统罗德里格斯10日发表讲话称，将努力促成…``.

    The span starts after a clause mark and opens with a verb, adverb or preposition; the sentence's only
    clause before it (a date clause passed over) ends with a word of speech (:data:`_QUOTED_SPEECH`), and
    the speaker is that clause up to its day, adverb or verb (``…领导人9日发表联合声明指出``), a name of 2–16
    characters that is no pronoun or medium.  ``None`` otherwise: the span is its own statement, or what it
    says may be another clause's subject's (``X表示，A…，将…``)."""
    if not _predicate_inside_a_sentence(window, start):
        return None
    clauses = [clause.strip() for clause in CLAUSE_SPLIT.split(window[sentence_start(window, start) : start - 1])]
    said = [c for c in clauses if c and not (_DATE_CLAUSE.fullmatch(c) or _TIME_CLAUSE.fullmatch(c))]
    if len(said) != 1:
        return None
    # a long speaker is told by name before an adverb or a preposition (``已就…提起诉讼``), not before a verb, which
    # may open a noun phrase (``侦查记者的重要使命``, ``涉嫌枪杀…的嫌疑人已被捕``)
    first = posseg().lcut(window[start : start + 4], HMM=False)[0]
    return speaker_of_clause(said[0], by_name=first.flag.startswith(("d", "p")))


def _without_someone(speaker: str) -> str:
    """``speaker`` without the 有 that introduces who speaks (``有投资人`` → ``投资人``: an investor; not ``有关部门``),
    when what it introduces is a noun of two characters or more."""
    if not speaker.startswith("有") or len(speaker) < 3:
        return speaker
    words = posseg().lcut(speaker, HMM=False)
    someone = words[0].word == "有" and words[1].flag.startswith("n") and speaker[1:] not in _HEARSAY
    return speaker[1:] if someone else speaker


#: What 有 introduces that is no one (``有消息称``, ``有传言说``): hearsay, not a speaker.
_HEARSAY = frozenset(["消息", "传言", "传闻", "说法", "报道", "报导", "分析", "观点", "评论", "声音"])


def speaker_of_clause(clause: str, *, by_name: bool = False) -> tuple[str, str] | None:
    """Who speaks in ``clause``, and with which word, when it ends with a word of speech
    (:data:`_QUOTED_SPEECH`): the clause up to its day, adverb or verb (``…领导人9日发表联合声明指出``), a name of
    2–16 characters that is no pronoun or medium; ``None`` otherwise.  With ``by_name``, a longer one is told by
    the person's name after their office (:func:`named_after_an_office`: ``施瓦尔布`` of ``美国首都华盛顿哥伦比亚特区
    总检察长施瓦尔布4日宣布``): a predicate without its subject needs one (:func:`quoted_speaker`), while a
    statement with its own reads no better with a name put before it (``帕特尔证实涉嫌枪杀…的嫌疑人已被捕``)."""
    words = posseg().lcut(clause, HMM=False)
    if len(words) < 2 or words[-1].word not in _QUOTED_SPEECH:
        return None
    after = _SPEAKER_ENDS.search(clause, 2)
    speaker = _without_someone(_without_addressee(clause[: after.start()] if after else ""))
    if by_name and len(speaker) > _MAX_SPEAKER_CHARS:
        # told by name after a long office (``美国首都华盛顿哥伦比亚特区总检察长施瓦尔布`` → ``施瓦尔布``)
        speaker = named_after_an_office(speaker) or speaker
    if not _SPEAKER.fullmatch(speaker) or _NOT_A_SPEAKER.search(speaker):
        return None
    first = posseg().lcut(speaker, HMM=False)[0]
    if first.flag.startswith(_NOT_A_SPEAKER_OPENING) and first.word not in _NAMES_TAGGED_OTHERWISE:
        return None
    return speaker, words[-1].word


#: Prepositions that name whom a speaker addresses (``特朗普向普京表示``, ``…毛宁对记者表示``, ``李强跟记者说``).
_ADDRESSEE_PREPOSITIONS = ("向", "对", "跟")


def _without_addressee(speaker: str) -> str:
    """``speaker`` without whom it speaks to (``特朗普`` of ``特朗普向普京``, ``外交部发言人`` of
    ``外交部发言人对此``): cut at the first word (jieba, no HMM) from its third character on that opens with
    :data:`_ADDRESSEE_PREPOSITIONS`.  Not inside a word (``中国人民对外友好协会``, ``向华强``)."""
    if not any(preposition in speaker for preposition in _ADDRESSEE_PREPOSITIONS):
        return speaker  # jieba only for a speaker that may name whom it addresses
    at = 0
    for word in posseg().lcut(speaker, HMM=False):
        if at >= 2 and word.word.startswith(_ADDRESSEE_PREPOSITIONS):
            return speaker[:at]
        at += len(word.word)
    return speaker


#: Words a predicate opens with that jieba tags as something else (``首次`` m, ``成功`` a, a meeting's ``部署`` n,
#: ``通报`` n).
_PREDICATE_OPENERS = frozenset(["首次", "首度", "成功", "部署", "审议", "听取", "传达", "通报", "参观", "前往"])
#: Prepositions a doer's predicate may open with before its verb (``俄军在…发动攻势``, ``美方向…提出``).
_PREDICATE_PREPOSITIONS = frozenset(["在", "于", "向", "对", "从", "与", "同", "和", "跟", "就", "为"])


def _opens_with_a_phrase_before_its_verb(words: Sequence[Any]) -> bool:
    """Whether ``words`` (a clause after its doer) open with a preposition (:data:`_PREDICATE_PREPOSITIONS`) and a
    verb follows later in the clause: a predicate, however long its place or partner (``在苏梅、哈尔科夫、顿涅茨克
    等多个方向发动攻势``)."""
    return (
        bool(words)
        and words[0].flag.startswith("p")
        and words[0].word in _PREDICATE_PREPOSITIONS
        and any(word.flag.startswith("v") for word in words[1:])
    )


#: A verb with its result, which jieba may tag as a noun (``培育出``, ``观察到``).
_RESULTATIVE_VERB = re.compile(r"[\u4e00-\u9fff]{1,3}[出到]")


def _predicate_inside_a_sentence(window: str, start: int) -> bool:
    """Whether a span starting at ``start`` starts after a clause mark (not at its sentence's start) and opens
    with a verb, adverb or preposition (:func:`_opens_a_predicate`): a predicate whose subject, if any, came
    before it."""
    if start == 0 or window[start - 1] not in CLAUSE_MARKS:
        return False
    first_words = posseg().lcut(window[start : start + 10], HMM=False)
    if len(first_words) > 1 and first_words[0].word in _DAY_WORDS:
        first_words = first_words[1:]  # ``当天打击了…``: the day, then the verb
    if len(first_words) > 1 and first_words[0].word in _BUT:
        first_words = first_words[1:]  # ``但反对游行…``: "but", which the span drops, then the verb
    if len(first_words) > 1 and first_words[1].word == "了" and first_words[0].flag in ("n", "vn"):
        return True  # ``动用了…``: jieba tags 动用 a noun; with 了 after it, it is the verb
    return bool(first_words) and _opens_a_predicate(first_words[0])


#: Words for "but" a predicate may open with before its verb, which say the subject is the same (not 从而, 因此…).
_BUT = frozenset(["但", "但是", "却", "惟", "不过"])
#: Days a predicate may open with before its verb (``以色列国防军同一天称，当天打击了…``).
_DAY_WORDS = frozenset(["当天", "当日", "同日", "同一天", "次日", "随后", "此前", "今天", "今日", "昨天", "昨日"])


def _opens_a_predicate(word: Any) -> bool:
    """Whether ``word``, the first of a span, opens a predicate: a verb, adverb or preposition."""
    return (
        word.flag.startswith(_PREDICATE_OPENING_FLAGS)
        or word.word in _PREDICATE_OPENERS
        or bool(_RESULTATIVE_VERB.fullmatch(word.word))
    )


#: A doer that is a research group named by its institution: ``中国科学院国家天文台研究团队``, ``南京大学研究团队``.
_RESEARCH_GROUP = re.compile(
    r"[^，。；：\s]{2,20}?(?:研究团队|科研团队|联合团队|团队|课题组|研究小组|研究人员|科研人员|科学家)"
)
#: A first clause that says where the reporter learnt the news (``记者从中国科学院…研究所获悉``): the next
#: clause's ``该所`` is that institution.
_TOLD_BY = re.compile(r"记者(?:近日|日前|今天|今日|昨天|昨日)?从(?P<source>[^，。；：\s]{2,24}?)(?:获悉|了解到)")
#: How the next clause refers back to the institution the reporter learnt from.
_SELF_REFERENCE = re.compile(r"^该(?:所|院|校|中心|实验室|公司|医院|大学)")


def is_research_group(subject: str) -> bool:
    """Whether ``subject`` (of :func:`sentence_subject`) is a research group named by its institution
    (``南京大学研究团队``): what such a group found is told as its own, the clause between left out."""
    return bool(_RESEARCH_GROUP.fullmatch(subject))


#: What a research group's span says it found or achieved: ``首次在银河系外探测到…``, ``培育出一种…``.  Not what the
#: thing it made can do (``有望应用于…``), whose subject is the thing.
_FINDING = re.compile(
    r"(?:首次|首度|成功|率先|发现|揭示|证实|实现|解析|绘制|破解|构建|建立|提出|测得|"
    r"[\u4e00-\u9fff]{1,2}[出到](?!了?[，。]))"
)


def tells_a_finding(span: str) -> bool:
    """Whether ``span`` opens with what a research group found or achieved (:data:`_FINDING`)."""
    return bool(_FINDING.match(span))


#: A first clause whose subject is a titled document, maybe with what it is said of before it:
#: ``政府提出的《简朴房规管条例草案》`` in ``…《简朴房规管条例草案》今年较早时获立法会通过，将于明年3月1日起…``.
_TITLED_SUBJECT = re.compile(r"(?:[^，,。；;：:《》]{0,12}的)?(?P<title>《[^《》]{2,40}》)")
#: A subject the text does not name but describes: ``一名49岁的前银行客户经理``, ``一辆满载乘客的旅游大巴``.
_SOMEONE = re.compile(r"一(?:名|位|个|家|辆|艘|架|对|批|群|男|女)")
#: A crowd the text describes by its size: ``大批美国民众`` (of ``…在…芝加哥市中心游行抗议，反对…``), ``数千名示威者``.
_CROWD = re.compile(r"(?:大批|大量|众多|成千上万|数以[千万]计|数[十百千万]+名|上[百千万]+名)(?:的)?[\u4e00-\u9fff]")


#: Words of a company's own report: a ``公司`` in the sentence that reports it, or in the next one, is that company
#: (``比亚迪公布的数据显示，公司10月份…``).
_COMPANY_REPORT = re.compile(r"公告|财报|年报|季报|半年报|业绩|声明|公布的数据|挂牌上市|股东大会|发布会")
#: A company's name at the start of the sentence that reports it (after a label such as ``人工智能企业``), up to its
#: stock code, the report's day or verb, or the office of the one who speaks for it:
#: ``宁德时代（300750）12月1日晚间发布公告称``, ``英伟达（NVIDIA）当地时间19日公布…财报``, ``中国平安公告称``,
#: ``特斯拉首席执行官马斯克周四在股东大会上表示``.
_REPORTING_COMPANY = re.compile(
    r"(?:[\u4e00-\u9fff]{2,8}?(?:企业|厂商|巨头|独角兽))?(?P<name>[\u4e00-\u9fffA-Za-z·]{2,12}?)"
    r"(?=（|\(|当地时间|北京时间|(?:\d{1,2}月)?\d{1,2}日|今日|昨日|今天|昨天|日前|近日|晚间|早间|周[一二三四五六日]|在|发布|公布|披露|宣布|公告"
    r"|首席执行官|董事长|总裁|总经理|创始人|发言人|CEO)"
)
#: How a company's report refers to the company, at the start of a span, after ``公告显示，`` and the like.
OWN_COMPANY_REFERENCE = re.compile(
    r"(?:(?:公告|财报|年报|业绩报告|声明)(?:显示|称|指出|表示)，)?(?:该公司|本公司|公司)"
)
#: Words that are no company's name.
_NOT_A_COMPANY = frozenset(["公司", "该公司", "本公司", "记者", "本报", "据悉", "今年", "去年"])


def company_of_its_report(window: str, start: int) -> str:
    """The company a ``公司`` at ``start`` of ``window`` stands for, when the sentence it is in reports that
    company's announcement, accounts or statement (``宁德时代（300750）12月1日晚间发布公告称，公司拟…``), or
    that sentence only says what the report shows and the one before reports it (``英伟达（NVIDIA）…公布…
    财报。财报显示，公司当季营收为570亿美元``); ``""`` otherwise.  The name is what opens the reporting sentence
    (after a clause that only dates it) up to its stock code, day or reporting verb."""
    begin = sentence_start(window, start)
    before = window[begin:start].strip()
    company = _reporting_company(before)
    shows_the_report = bool(_COMPANY_REPORT.search(before)) and reads_as_attribution(before.rstrip(CLAUSE_MARKS))
    if company or (before and not shows_the_report):
        return company
    previous = sentence_start(window, begin - 1)
    return _reporting_company(window[previous : max(begin - 1, previous)].strip())


def _reporting_company(reporting: str) -> str:
    """The company whose report ``reporting`` (a sentence or the start of one) tells of, or ``""``."""
    if not _COMPANY_REPORT.search(reporting):
        return ""
    first_clause = CLAUSE_SPLIT.split(reporting, maxsplit=1)
    if len(first_clause) > 1 and (_DATE_CLAUSE.fullmatch(first_clause[0]) or _TIME_CLAUSE.fullmatch(first_clause[0])):
        reporting = first_clause[1]
    match = _REPORTING_COMPANY.match(reporting)
    if match is None or match.group("name") in _NOT_A_COMPANY:
        return ""
    return match.group("name")


#: Words after a company's own ``公司`` that say what it means to do (``公司拟与…签署合作协议``): kept with the
#: company's name when the next clause, without a subject, says more of the same plan.
_COMPANY_INTENT = re.compile(r"(?:拟|将|计划|准备|有意|正筹划|预计将?)")


def company_clause_doer(window: str, start: int) -> str:
    """The company, with its word of intent, that a subjectless span starting at ``start`` goes on about, when
    the one clause before it in its sentence opens with the company's own ``公司`` (:data:`OWN_COMPANY_REFERENCE`)
    and names that company (:func:`company_of_its_report`): ``宁德时代拟`` for ``投资73.4亿欧元建设…项目`` in
    ``宁德时代（300750）…发布公告称，公司拟与…签署合作协议，投资73.4亿欧元…``.  ``""`` otherwise, and when the
    span opens with a word of intent of its own (``将为宝马…供货``)."""
    if not _predicate_inside_a_sentence(window, start) or _COMPANY_INTENT.match(window, start):
        return ""
    begin = clause_start(window, start - 1)
    reference = OWN_COMPANY_REFERENCE.match(window, begin)
    company = company_of_its_report(window, begin) if reference else ""
    if reference is None or not company:
        return ""
    intent = _COMPANY_INTENT.match(window, reference.end())
    return company + (intent.group() if intent else "")


#: A span that opens by pointing back at a place or an office named before it: ``该省``, ``该市``, ``该局``,
#: or at the whole of a place: ``全省`` (group ``whole``); since the sixty-second session also ``该国``.
BACK_REFERENCE = re.compile(r"该(?P<kind>[国省市县区州局署厅委院])|全(?P<whole>[省市县区州])")
#: Word classes of the words a named place or office is made of (``美国/运输/安全/管理局``, ``瓦/莱州``).
_NAME_PART_FLAGS = ("n", "j", "vn", "an")
#: Words that end like a place or an office and name none: ``城市``, ``全省``, ``局长``.
_NOT_A_REFERENT = frozenset(
    [
        "外国",
        "大国",
        "王国",
        "城市",
        "都市",
        "超市",
        "股市",
        "楼市",
        "车市",
        "全省",
        "全市",
        "全县",
        "全区",
        "本省",
        "本市",
        "我省",
        "我市",
        "各省",
        "各市",
        "外省",
        "市区",
        "城区",
        "地区",
        "社区",
        "园区",
        "郊区",
        "辖区",
        "景区",
        "小区",
        "学院",
        "法院",
        "医院",
        "剧院",
        "影院",
        "当局",
        "格局",
        "布局",
        "结局",
        "大局",
        "全局",
        "开局",
        "赛季",
    ]
)


def named_referent(window: str, start: int, kind: str) -> str:
    """The place or office a ``该省`` (``kind`` ``省``) at ``start`` points back to, or ``""``.

    It is the last name before ``start``, in its sentence or the one before, whose last word ends with
    ``kind``, with the name words before it: ``广东省`` for ``记者从广东省发展改革委获悉，该省将于…``,
    ``美国运输安全管理局`` for ``…的美国运输安全管理局代理局长麦克尼尔…说，…该局可能…``.  A place must be
    named as one (jieba's ``ns``); an office by at least four characters (``管理局`` alone names none)."""
    begin = sentence_start(window, max(0, sentence_start(window, start) - 1))
    words = posseg().lcut(window[begin:start], HMM=False)
    is_place = kind in "国省市县区州"
    for last in range(len(words) - 1, -1, -1):
        word = words[last]
        if not word.word.endswith(kind) or len(word.word) < 2 or word.word in _NOT_A_REFERENT:
            continue
        first = last
        while first > 0 and words[first - 1].flag.startswith(_NAME_PART_FLAGS + _NAMED_FLAGS):
            first -= 1
        parts = words[first : last + 1]
        name = "".join(part.word for part in parts)
        if len(name) > 14 or name.startswith("该"):
            return ""
        if is_place and not any(part.flag.startswith("ns") for part in parts):
            return ""
        return name if is_place or len(name) >= 4 else ""
    return ""


#: A span that opens with a word of speech, after ``又``, ``并``… or not, says what someone said without who:
#: ``指摘中国过去几年来经常无视国际法…``, ``又说香港对国家安全带来风险``.  Not ``说到`` (speaking of…), and only a
#: whole jieba word (not the ``指`` of ``指数``).  Since the sixty-first session also ``提到``, ``提及``, ``声称``,
#: ``宣称`` (``提到拜登会延续特朗普的外交路线``), and since the sixty-second session after an adverb of how it was
#: said (``公开承认乌军已展开反攻``, ``再次强调…``).
SPEECH_OPENING = re.compile(
    r"(?:又|并|亦|还|也|更|同时)?(?:公开|首次|再次|一再|多次|正式|亲口|当面|坦白)?(?:指出|表示|强调|透露|认为|指责|指摘|批评|质疑|直言|坦言|承认|提到|提及|声称|宣称|称|指|说)(?!到)"
)
#: A span that opens with a pronoun standing for who the sentence (or the one before) names: ``他``, ``她``
#: (a person) or ``其`` (a person or a body, ``美国财政部表示，其外国资产控制办公室将…``).
PRONOUN_REFERENCE = re.compile(r"(?P<pronoun>[他她其])")
#: What follows a doer's name in a clause that says what it did or said: its day, an adverb or the verb.
_AFTER_A_DOER = re.compile(
    r"(?:当地时间|北京时间)?(?:\d{1,2}月)?\d{1,2}日|周[一二三四五六日]|[今昨前]天|当天|当日|同日|同一天|次日|[今昨]日|日前|近日|于|已|在|也|还|又|被|"
    r"(?<![冷忘退])却|"  # since the seventy-sixth session: ``…的客服人员却对红星新闻等多家媒体表示``
    r"表示|说|称|指出|披露|宣布|发表|告诉|致函|致信|强调|认为|警告|呼吁|透露|介绍|回应|"
    r"(?:\d{1,3}|[一二两三四五六七八九十几多]+)年(?:前|后)"  # since the sixty-second session: ``…11年前采访…``
)
#: What ends a speaker's name in its clause (:func:`quoted_speaker`): a year before the day
#: (``美国总统特朗普2025年12月31日发文称``), whose clock the day is (``德国总理默茨当地时间2日表示``), ``发文``, or
#: what follows a doer (:data:`_AFTER_A_DOER`).
_SPEAKER_ENDS = re.compile(r"\d{4}年|当地时间|北京时间|发文|" + _AFTER_A_DOER.pattern)
#: Word classes that end a doer's name: verbs, adverbs, prepositions, time and number words, conjunctions,
#: particles, pronouns (a Latin title such as ``CEO`` is part of it, a run of digits is not).
_NOT_IN_A_NAME = ("v", "d", "p", "t", "m", "c", "u", "r", "f", "q")
#: The longest doer a pronoun is replaced with.
MAX_REFERENT_CHARS = 14
#: The longest speaker put before a clause that opens with a word of speech.
MAX_SPEAKER_CHARS = 16


def _names_a_person_or_body(named: list[Any], after: str = "") -> bool:
    """Whether the words of a doer end in a person's name (one jieba finds only by guessing too, given what
    follows the doer in its clause: :func:`_ends_in_an_unknown_name`), make a body's (``中国国务院港澳办``) or are a
    side that speaks as one (:data:`SIDE_SPEAKERS`: ``警方``); not a surname jieba cut from its given name
    (``孟/醒``), nor a handle (``@AFU阿芙``)."""
    doer = "".join(word.word for word in named)
    if doer.startswith("@"):
        return False
    person = (named[-1].flag.startswith("nr") and len(named[-1].word) >= 2) or _surname_and_name(named[-2:])
    body = (bool(_BODY_NAME_END.search(doer)) and len(doer) >= 4) or doer in SIDE_SPEAKERS
    return person or body or _ends_in_an_unknown_name(doer, after)


#: A side that speaks as one (``李某雪所在地的警方发布通报，称…``: ``警方称…``).
SIDE_SPEAKERS = frozenset(["警方", "校方", "院方", "军方", "检方", "控方", "辩方", "官方", "资方", "劳方"])


def _ends_in_an_unknown_name(doer: str, after: str) -> bool:
    """Whether ``doer``, followed by ``after`` in its clause, ends in a person's name of two characters or more
    that jieba knows only when it guesses unknown words (HMM): ``伊朗外交部长阿拉格齐`` (then ``22日``) is
    ``阿拉/格/齐`` without, ``阿拉/格齐`` (a name) with.  The name must end where the doer does: ``政府化验师卫永``
    before ``刚博士作供`` is ``卫永刚`` cut short."""
    position = 0
    for word in posseg().lcut(doer + after[:3], HMM=True):
        position += len(word.word)
        if position >= len(doer):
            return position == len(doer) and word.flag.startswith("nr") and len(word.word) >= 2
    return False


#: Word classes of a clause that only says when: times, numbers, measures, prepositions, locatives, pronouns
#: (``在这之前``, ``2015年到2021年``), with ``到``, ``至``, ``起`` (jieba tags ``到`` a verb) and digits (``eng``).
_WHEN_FLAGS = ("t", "m", "q", "p", "f", "r")
_WHEN_WORDS = frozenset(["到", "至", "起"])
#: A day of a week jieba tags a noun: ``上周日``, ``本星期三``.
_WEEKDAY = re.compile(r"(?:上|下|本|这|同)?个?(?:周|星期|礼拜)[一二三四五六日天末]")


def says_only_when(clause: str) -> bool:
    """Whether ``clause`` only says when: ``2015年到2021年``, ``在这之前``, ``上周日``, ``去年``; not ``他们``."""

    def is_time(word: Any) -> bool:
        return word.flag.startswith(("t", "m", "f")) or word.word in TIME_WORDS or bool(_WEEKDAY.fullmatch(word.word))

    words = posseg().lcut(clause.strip(), HMM=False)
    return (
        bool(words)
        and all(
            is_time(word) or word.flag.startswith(_WHEN_FLAGS) or word.word in _WHEN_WORDS or word.word.isdigit()
            for word in words
        )
        and any(is_time(word) for word in words)
    )


def pronoun_referent(window: str, start: int, pronoun: str, *, speaker: bool = False) -> str:
    """Who a ``他``/``她``/``其`` at ``start`` of ``window`` stands for, or ``""``.

    It is the doer the first clause of the pronoun's sentence opens with (a clause that only dates it, says
    when the next clause, with a doer of its own, happened, :func:`_when_for_another`, or says a medium
    reported it, passed over), or that of the sentence before when the pronoun opens its sentence: the words
    up to the doer's day, adverb or verb (:data:`_AFTER_A_DOER`), after a ``…的`` that describes it (not one
    later in the clause of a doer it opens with: since the sixty-second session), ending
    in a person's name (jieba ``nr``) or, for ``其``, also in a body's (``…部``, ``…司令部``):
    ``乌克兰总统泽连斯基`` for ``他表示，…`` after ``乌克兰总统泽连斯基25日说，…。``,
    ``美国财政部`` for ``美国财政部表示，其外国资产控制办公室…``.  A name jieba cuts short
    (``古尔斯/比6日``) is followed by none of those words and gives ``""``.

    ``speaker=True`` finds who says what a clause at ``start`` that opens with a word of speech says
    (:data:`SPEECH_OPENING`): a person or a body of up to :data:`MAX_SPEAKER_CHARS` characters, followed by
    anything (``美国副总统彭斯继去年…再度对北京出招，…指摘…``, ``苏享茂哥哥苏享龙发布微博，称…``) or by nothing
    (``中国国务院港澳办，今日…，称…``)."""
    begin = sentence_start(window, start)
    clauses = CLAUSE_SPLIT.split(window[begin:start])
    if all(says_only_when(clause) for clause in clauses if clause.strip()):  # none, or only when (``上周日，她…``)
        begin = sentence_start(window, max(0, begin - 1))
        clauses = CLAUSE_SPLIT.split(window[begin:start].rstrip("。！？!?\n "))
    clauses = [part.strip() for part in clauses]
    for index, clause in enumerate(clauses):
        if not clause or _DATE_CLAUSE.fullmatch(clause) or _TIME_CLAUSE.fullmatch(clause):
            continue
        if _when_for_another(clauses, index):
            continue
        if _ATTRIBUTION_START.match(clause) or (reads_as_attribution(clause) and "媒体" in clause):
            continue
        if not speaker and pronoun in ("他", "她") and clause.startswith(pronoun) and not clause.startswith("他们"):
            # the same pronoun opens the sentence (``他接受…专访时承认，…，他多番…``): who that one is
            at = window.find(clause, begin)
            return pronoun_referent(window, at, pronoun) if 0 <= at < start else ""
        doer = _doer_named(clause, pronoun, speaker=speaker)
        if "的" in clause[:24] and (not doer or clause[len(doer) :].startswith("的")):
            # a ``…的`` that describes the doer (``参加会议的乌克兰总统…``), not one later in the clause of a doer
            # it opens with (``乌克兰总统泽连斯基在与来访的加拿大总理特鲁多举行记者会时``)
            doer = _doer_named(clause.rsplit("的", 1)[-1], pronoun, speaker=speaker)
        return "" if speaker and _another_doer_between(clauses[index + 1 :], doer) else doer
    return ""


def _opens_with_you(clause: str) -> bool:
    """Whether ``clause`` opens with 有 as a word of its own, before whom it introduces (``有家属批评…``; not
    ``有关``)."""
    return clause.startswith("有") and _first_word(clause) == "有"


def _another_doer_between(clauses: Sequence[str], doer: str) -> bool:
    """Whether one of ``clauses`` (those between the doer's and the word of speech's) opens with a doer of its
    own, or with 有 and one (``有家属批评…``): then who speaks is no longer plain (``深圳盐田法院…开庭…，有家属批评
    法院…，官派律师亦拒绝…，认为…``: the families think so, not the court).  Not for a pronoun, which a text uses
    for its main person across the side clauses of the sentence before (``周竖峰表示，…以及案中被告谭文豪落泪自辩，
    …均令他思考去留。他并于…``)."""
    for clause in clauses:
        if not clause:
            continue
        if _opens_with_you(clause):
            return True
        other = _doer_named(clause, "其", speaker=True) or _role_that_speaks(clause)
        if other and other != doer and not doer.endswith(other):
            return True
    return False


#: Who speaks in a court report or a hearing by role alone (``法官斥责，指…``).
_SPEAKING_ROLES = ("法官", "裁判官", "官", "主控", "检控官", "律师", "辩方", "控方", "被告", "证人", "主席")


def _role_that_speaks(clause: str) -> str:
    """The role ``clause`` opens with (:data:`_SPEAKING_ROLES`) when a word of speech follows it (``法官斥责``,
    ``官指``), else ``""``: a speaker of its own between the sentence's doer and a later word of speech
    (``控方考虑后建议…，法官斥责，指…，批评控方用「花巧方法」…``: the judge criticised, printed as ``控方批评控方…`` for
    a dev hkcnews article of the eighty-second session)."""
    role = next((role for role in _SPEAKING_ROLES if clause.startswith(role)), "")
    rest = clause[len(role) :]
    if not role or not (SPEECH_OPENING.match(rest) or rest.startswith(("斥责", "裁定", "判", "反驳", "回应"))):
        return ""
    return role


def _surname_and_name(words: list[Any]) -> bool:
    """Whether two words are a surname and a given name jieba does not know as one (``王/志民``)."""
    return len(words) == 2 and words[0].flag.startswith("nr") and len(words[0].word) == 1 and len(words[1].word) <= 2


def _doer_named(clause: str, pronoun: str, *, speaker: bool = False) -> str:
    """The doer ``clause`` opens with as :func:`pronoun_referent` takes it, or ``""``."""
    words = posseg().lcut(clause, HMM=False)
    named = list(
        itertools.takewhile(lambda word: not word.flag.startswith(_NOT_IN_A_NAME) and not word.word.isdigit(), words)
    )
    doer = "".join(word.word for word in named)
    after = clause[len(doer) :]
    if speaker:
        fits = bool(named) and len(doer) <= MAX_SPEAKER_CHARS
        return doer if fits and _names_a_person_or_body(named, after) else ""
    # for a pronoun, also the first of two who met or spoke (``布林肯与美国国防部长奥斯汀…举行了新闻发布会，…他称…``);
    # not for a speaker, whose name may hold 与 (``戈登与贝蒂·摩尔基金会…宣布``)
    if not named or len(doer) > MAX_REFERENT_CHARS or not (_AFTER_A_DOER.match(after) or after.startswith("与")):
        return ""
    if named[-1].flag.startswith("nr") or _surname_and_name(named[-2:]) or _ends_in_an_unknown_name(doer, after):
        return doer
    return doer if pronoun == "其" and _BODY_NAME_END.search(doer) and len(doer) >= 4 else ""


#: An event's curtain and nothing more: ``2025年ATP年终总决赛在意大利都灵落幕``, ``…小组赛第五轮展开角逐``,
#: ``…男子单打决赛在南巴黎体育馆进行`` say that it ended, began or was held, not who won
#: (:func:`match_result_headline` tells the result that follows).
CURTAIN_ENDING = re.compile(
    r"(?:落下帷幕|落幕|战罢|展开角逐|展开争夺|决赛[^，。；！？]{0,16}?(?:举行|进行|打响|上演))$"
)
#: Who beat whom, with the score: ``以7比6、6比3战胜``, ``以108比95战胜``, ``以6比0、6比0横扫``.
_BEAT = re.compile(r"(?:以(?P<score>\d+(?:比|:|：)\d+(?:、\d+(?:比|:|：)\d+)*))?(?P<verb>战胜|击败|力克|横扫|淘汰)")
#: A player's or team member's label before the name: ``西班牙选手``, ``中国名将``.
_PLAYER_LABEL = re.compile(r"^[\u4e00-\u9fff]{1,5}(?:选手|名将|小将|队员)(?=[\u4e00-\u9fff])")
#: Where the match was, between the winner and the score: ``在决赛中``, ``在半决赛中``.
_IN_THE_MATCH = re.compile(r"在[^，。、]{0,12}?(?:决赛|比赛|赛)中")
#: A clause that says what the win brought: a title, a place, a run of wins.
_WHAT_IT_WON = re.compile(r"夺得|获得|赢得|夺冠|卫冕|晋级|锁定|连胜")
#: A winner or loser as a headline names one: words and names, no clause (``了所有人的预期`` is none).
_SIDE = re.compile(r"(?!了)[\u4e00-\u9fffA-Za-z·]{2,14}")


def result_told_after(text: str, end: int) -> str | None:
    """The result (:func:`match_result_headline`) of the clauses after position ``end`` of ``text`` up to the
    sentence's end, when a clause or sentence mark is at ``end``; ``None`` otherwise."""
    if end >= len(text) or text[end] not in "，,。":
        return None
    rest = text[end + 1 :]
    return match_result_headline(rest[: next((i for i, c in enumerate(rest) if c in "。！？\n"), len(rest))])


def result_left_out(line: str, source: str) -> str:
    """The result a ``line`` that only says a contest ended or began (:data:`CURTAIN_ENDING`) leaves out,
    when ``source`` tells it right after its own curtain within :data:`SPAN_WINDOW_CHARS` characters
    (``2026年WTA总决赛落幕`` of ``…落下帷幕。中国选手郑钦文…战胜…``: ``郑钦文战胜萨巴伦卡，…``); ``""`` otherwise."""
    if not CURTAIN_ENDING.search(line):
        return ""
    window = source[:SPAN_WINDOW_CHARS]
    for curtain in _CURTAIN_IN_TEXT.finditer(window):
        result = result_told_after(window, curtain.end())
        if result:
            return result
    return ""


_CURTAIN_IN_TEXT = re.compile(CURTAIN_ENDING.pattern.removesuffix("$"))


def match_result_headline(sentence: str) -> str | None:
    """The result ``sentence`` reports, told as a headline by deletions only: ``中国选手郑钦文在决赛中以6比4、
    3比6、7比5战胜白俄罗斯选手萨巴伦卡，首次夺得年终总决赛冠军，获得480万美元奖金`` →
    ``郑钦文战胜萨巴伦卡，首次夺得年终总决赛冠军``.  The players' labels, where the match was and a score of sets
    go (one score, ``以108比95``, stays); the clause after the result stays when it says what the win brought.
    ``None`` when the first clause says no one beat anyone, a side is no name, or the line is longer than
    :data:`MAX_SPAN_CHARS`."""
    clauses = [clause.strip() for clause in re.split(r"[，,；;]", sentence.strip().rstrip("。！!"))]
    beat = _BEAT.search(clauses[0])
    if beat is None:
        return _winner_with_a_mark(clauses[0]) or _draw(clauses)
    winner = _named_side(_IN_THE_MATCH.sub("", clauses[0][: beat.start()]))
    loser = _named_side(clauses[0][beat.end() :])
    if winner is None or loser is None:
        return None
    score = beat.group("score") or ""
    line = winner + (f"以{score}" if score and "、" not in score else "") + beat.group("verb") + loser
    if len(clauses) > 1 and _WHAT_IT_WON.search(clauses[1]) and len(line) + 1 + len(clauses[1]) <= MAX_SPAN_CHARS:
        line += "，" + clauses[1]
    return line if len(line) <= MAX_SPAN_CHARS else None


#: A draw in one clause: ``上海申花客场1比1战平成都蓉城``.
_DRAW = re.compile(
    r"(?P<home>[^，。]{2,16}?)(?P<venue>客场|主场)?(?:以)?(?P<score>\d+(?:比|:|：)\d+)(?P<verb>战平|逼平|打平|踢平)"
    r"(?P<away>[^，。]{2,16})"
)
#: Who met whom, before the clause that says they drew: ``上海申花客场挑战成都蓉城``.
_MET = re.compile(r"(?P<home>[^，。]{2,16}?)(?P<venue>客场|主场)?(?:挑战|迎战|对阵|迎来)(?P<away>[^，。]{2,16})")
#: That they drew, told after who met whom: ``双方1比1战平``, ``两队以0比0打平`` (the verb is kept, so a line
#: says nothing the text does not: ``握手言和`` gives no headline).
_DREW = re.compile(r"(?:双方|两队|比赛最终|最终)?(?:以)?(?P<score>\d+(?:比|:|：)\d+)(?P<verb>战平|打平|踢平)")


def _draw(clauses: list[str]) -> str | None:
    """A draw told as a headline: ``上海申花客场1比1战平成都蓉城`` of ``上海申花客场挑战成都蓉城，双方1比1战平`` or of
    its one-clause form; ``None`` when the clauses tell none or a side is no name."""
    if (one := _DRAW.fullmatch(clauses[0])) is not None:
        home, venue, score, verb, away = one.group("home", "venue", "score", "verb", "away")
    elif len(clauses) > 1 and (met := _MET.fullmatch(clauses[0])) and (drew := _DREW.fullmatch(clauses[1])):
        home, venue, away = met.group("home", "venue", "away")
        score, verb = drew.group("score", "verb")
    else:
        return None
    home_side, away_side = _named_side(home), _named_side(away)
    if home_side is None or away_side is None:
        return None
    line = f"{home_side}{venue or ''}{score}{verb}{away_side}"
    return line if len(line) <= MAX_SPAN_CHARS else None


#: A win told by the winner's mark, without a loser: ``广东队选手陈佳鹏以10秒04的成绩夺得金牌``.
_WON_WITH_A_MARK = re.compile(
    r"(?P<winner>[^，。]{2,20}?)以(?P<mark>[^，。的]{1,12})的成绩(?P<won>(?:夺得|获得|摘得|夺取)[^，。]{0,12}?(?:冠军|金牌|桂冠)|夺冠|摘金)"
)


def _winner_with_a_mark(clause: str) -> str | None:
    """``clause`` told as a headline when it says who won with what mark (:data:`_WON_WITH_A_MARK`), the
    winner's label and ``的成绩`` left out: ``陈佳鹏以10秒04夺得金牌``; ``None`` otherwise."""
    match = _WON_WITH_A_MARK.fullmatch(clause)
    winner = _named_side(match.group("winner")) if match else None
    return f"{winner}以{match.group('mark')}{match.group('won')}" if match and winner else None


def _named_side(text: str) -> str | None:
    """``text`` without a player's label (:data:`_PLAYER_LABEL`) when it names a side as a headline does
    (:data:`_SIDE`, no 的), else ``None``."""
    side = _PLAYER_LABEL.sub("", text)
    return side if _SIDE.fullmatch(side) and "的" not in side else None


#: ``的`` then a superlative adjective at a line's end (``…当前局势的最严峻``): the noun it modifies is missing.
_SUPERLATIVE_END = re.compile(r"的最[\u4e00-\u9fff]{1,2}$")


def superlative_without_its_noun(line: str) -> str:
    """``的最`` and the adjective that ends ``line`` when jieba tags that last word as an adjective (``…局势的最严峻``
    of ``…最严峻的挑战``), else ``""``: ``…的最高奖`` and ``欧洲的最西端`` end on nouns.  Of 184,206 training headlines
    and headings none ends so; of the dev and test cache lines, one first beam
    (``中联办官员：通报中央关于稳定香港当前局势的最严峻``)."""
    found = _SUPERLATIVE_END.search(line)
    if found is None:
        return ""
    words = posseg().lcut(line[found.start() + 1 :], HMM=False)
    return found.group(0) if words and words[-1].flag in ("a", "ad") else ""


def unfinished_disposal(line: str) -> str:
    """The ``把`` phrase that ``line``'s last clause opens and never finishes (``把生态保护`` in
    ``安吉始终把生态保护``, a generated line that lost ``放在首位``): after 把 and its object comes at most one
    verb, and nothing after it (a 把 phrase needs a complement: ``把…放在首位``, ``把…抓实抓好``).  ``""``
    otherwise.  Of 5,317 dev and test gold headlines, 2 end so (``…不肯把工钱给农民工``), and none of the
    model's first lines there."""
    clauses = [clause for clause in re.split(f"[{CLAUSE_ENDS}]", line) if clause.strip()]
    if not clauses or "把" not in clauses[-1]:
        return ""  # the usual case: no need to tag the clause
    words = posseg().lcut(clauses[-1], HMM=False)
    opens = [
        i for i, word in enumerate(words) if word.word == "把" and word.flag == "p" and i and words[i - 1].flag != "m"
    ]
    if not opens:
        return ""
    after = words[opens[-1] + 1 :]
    if len(after) < 2 or any(word.flag.startswith("v") for word in after[:-1]):
        return ""
    return "".join(word.word for word in words[opens[-1] :]) if after[-1].flag[:1] in ("n", "v", "j") else ""


_BOOK_TITLE = re.compile(r"《([^《》]{2,80})》")
_TITLE_LINE_NOISE = re.compile(r"[《》\s]")
#: What a line may say of a title before it without saying what was done with it (``新修订的《…网络安全法》``).
_TITLE_MODIFIER = re.compile(r"^(?:新|最新|新版|最新版|新修订|新修改|修订后|修改后|新出台|新发布)的?(?=《)")


def bare_title(line: str, source: str) -> str:
    """The document title of ``source`` that ``line`` only names, without saying what was done with it
    (``中小学人工智能通识教育指南（2025年版）`` for ``教育部近日印发《中小学人工智能通识教育指南（2025年版）》``,
    ``簡樸房規管條例`` of ``《簡樸房規管條例草案》``, ``新修订的《中华人民共和国网络安全法》``), or ``""``: a line
    whose characters, but for a word that only says the title is new (``新修订的``), all lie inside one ``《…》``
    of the source, in its order (a generated line may drop some: ``…指南（2025年）``).  Of 5,317 dev and test
    gold headlines, 14 are so (``《逃犯条例》``, ``医保`` of a longer title), of the model's first lines there 41;
    none of either opens with such a word (``张闻天在延安时写的《论待人接物问题》`` is no such line)."""
    if "《" not in source:
        return ""  # the usual case
    bare = _TITLE_LINE_NOISE.sub("", _TITLE_MODIFIER.sub("", line, count=1))
    if len(bare) < 2:
        return ""
    for title in _BOOK_TITLE.findall(source):
        remaining = iter(_TITLE_LINE_NOISE.sub("", title))
        if all(char in remaining for char in bare):  # each character found after the one before
            return title
    return ""


#: What follows, in the source, a stretch that only describes the guest: ``的`` (``…80周年活动的亚美尼亚总理``).
_BEFORE_THE_GUEST = re.compile(r"[^，。；：！？,;:!?\n]*?的")


#: A Latin name's gloss in brackets after the Chinese name it glosses (``美国太空探索技术公司（SpaceX）``).
_LATIN_GLOSS = re.compile(r"(?<=[\u4e00-\u9fff])[（(][A-Za-z][A-Za-z0-9 .&'·-]*[）)]")


def drop_latin_glosses(text: str) -> str:
    """``text`` without the bracketed Latin glosses of the Chinese names it gives (``英伟达（NVIDIA）`` →
    ``英伟达``): the name is said already, in the words of the line."""
    return _LATIN_GLOSS.sub("", text)


#: A copied line that starts at most this many characters into its source clause copies that clause's opening.
CLAUSE_OPENING_CHARS = 12
#: What a copied line may stop before without stopping inside its clause: a clause mark, a space, an aside.
_NOT_GOING_ON = CLAUSE_ENDS + " 　" + "（(—-"
_WORDS_OF_TIME = ("时间", "时代", "时期", "时速", "时任", "时尚")
#: Places of a line in its source looked at, at most (a megabyte of one repeated clause stays cheap).
_MOST_PLACES_LOOKED_AT = 100


#: A space before a Latin word or a number: typesetting inside a clause (``占自身 GDP 比重``), not a break.
_SPACED_LATIN = re.compile(r"[ 　]+[A-Za-z0-9]")
#: Marks that open a quotation (a line copied whole from inside one says all of it).
_OPEN_QUOTES = '“「‘『"'


def stops_inside_its_clause(line: str, source: str) -> str:
    """What ``source`` goes on with when ``line`` copies the opening of a source clause word for word and
    stops while that clause goes on, else ``""``: the subject without what it did
    (``美国太空探索技术公司（SpaceX）`` of ``…（SpaceX）当地时间周四…进行了…飞行测试``), a verb without its object or
    its outcome (``陈达连续七个月求职`` of ``…求职未果``, ``八宝山殡仪馆暂停焚烧死者`` of ``…死者生前衣物的通知``), a
    modifier without its noun (``我国已提前完成“十四五”期间规划`` of ``…规划的1.65万公里油气管道建设目标``).

    Every place the source has ``line`` (a line it says more than 100 times is its running topic, and
    is let be) must be so: it starts at most :data:`CLAUSE_OPENING_CHARS`
    characters after a clause mark (or the text's start) and the next character after it (closing marks
    aside) is neither a clause mark, the opening of an aside (``（以下简称…）``, ``——``) nor the ``时`` of what
    was said then (``李强会见马丁时说``); or it opens a quotation and stops before the quotation ends, however far
    that is from the clause's start (``一场意识形态`` of ``…称为「一场意识形态之争，…」``).  A section
    heading may name its topic so (``微信聊天记录``), an article headline says what happened; the guard weighs it
    for both (``guard_config.json``).

    A line that puts a speaker before a colon (``海外华侨华人：习近平主席在纪念…胜利80周年`` of
    ``海外华侨华人表示，习近平主席在纪念…胜利80周年大会上的重要讲话…``) is judged by what it says after the
    colon; one item of what was said (``天津：加快建设现代化产业体系`` of ``…加快建设现代化产业体系、一体推进…``) or
    a whole quotation may stand alone.
    """
    said = line not in source and "：" in line
    if said:
        line = line.split("：", 1)[1]
    if len(line) < 2:
        return ""
    if line not in source and (opening := _opening_of_a_dropped_quotation(line, source)):
        return opening

    def went_on(start: int) -> str:
        end = start + len(line)
        while end < len(source) and source[end] in _CLOSE_MARKS:
            end += 1
        if latin := _SPACED_LATIN.match(source, end):
            end = latin.end() - 1  # ``石油收入占自身`` of ``…占自身 GDP 比重``: a Latin word set off by spaces goes on
        if end >= len(source) or source[end] in _NOT_GOING_ON or (said and source[end] == "、"):
            return ""
        if said and end > start + len(line) and start > 0 and source[start - 1] in _OPEN_QUOTES:
            return ""  # 贵州：坚持以高质量发展统揽全局 of 围绕“坚持以高质量发展统揽全局”这条主线: a quotation whole
        if source[end] == "时" and not source.startswith(_WORDS_OF_TIME, end):
            return ""  # 李强会见马丁时说: the line is what happened, what follows what was said then
        if start > 0 and source[start - 1] in _OPEN_QUOTES and end == start + len(line) and source[end] != '"':
            return source[end : end + 6]  # 一场意识形态 of 「一场意识形态之争，…」: the quotation's opening, cut
        before = source[max(0, start - CLAUSE_OPENING_CHARS - 1) : start]  # a bounded look back, however long the text
        if start > CLAUSE_OPENING_CHARS and not any(mark in before for mark in CLAUSE_ENDS):
            return ""
        return source[end : end + 6]

    return _found_at_every_place(line, source, went_on)


#: Quotation marks a line may drop from the words it copies, and the most quoted characters a line may keep of a
#: quotation whose marks it dropped and still stop inside it unnoticed (``高温`` of ``"高温部件实验室"``).
_QUOTE_MARKS = '"“”「」『』'
MAX_DROPPED_QUOTE_OPENING = 2


def _opening_of_a_dropped_quotation(line: str, source: str) -> str:
    """What the quotation goes on with when ``line`` copies the text with its quotation marks dropped and stops after
    the first one or two characters of a quotation that opens inside it (``国家能源部高温`` of ``国家能源部"高温部件实验
    室"``: a word cut from a name), else ``""``.  A line that keeps more of the quotation says a phrase of it
    (``浙江：锚定高质量发展建设共同富裕示范区``), and one that ends where the quotation closes says all of it
    (``多地取消公摊`` of ``多地“取消公摊”逐步落地``); both were measured and read well."""
    if any(mark in line for mark in _QUOTE_MARKS) or len(line) > MAX_LINE_CHARS:
        return ""
    marks = f"[{re.escape(_QUOTE_MARKS)}]?"
    found = re.search(marks.join(re.escape(char) for char in line), source)
    if found is None:
        return ""
    copied = found.group()
    opening = max(copied.rfind(mark) for mark in _QUOTE_MARKS)
    if (
        opening <= 0
        or copied[opening] not in _OPEN_QUOTES
        or not 1 <= len(copied) - opening - 1 <= MAX_DROPPED_QUOTE_OPENING
    ):
        return ""
    rest = source[found.end() : found.end() + 6]
    return rest if rest and rest[0] not in _QUOTE_MARKS and rest[0] not in CLAUSE_ENDS else ""


def _found_at_every_place(line: str, source: str, find: Callable[[int], str]) -> str:
    """``find(start)`` at the first place ``source`` has ``line`` when ``find`` finds something (not ``""``) at
    every place, else ``""``; ``""`` too for a line the text says more than :data:`_MOST_PLACES_LOOKED_AT` times
    (its running topic, and a bound on the work for a megabyte of one repeated clause)."""
    start = source.find(line)
    first = ""
    for _ in range(_MOST_PLACES_LOOKED_AT):
        if start < 0:
            return first
        found = find(start)
        if not found:
            return ""
        first = first or found
        start = source.find(line, start + 1)
    return ""


def starts_inside_its_clause(line: str, source: str) -> str:
    """What the source's clause says before ``line`` when ``line`` copies the end of that clause word for word
    from a verb on, while the clause's subject (2 characters or more) stands before it, else ``""``: the
    predicate without who (``迈上新台阶`` of ``推动干部队伍建设迈上新台阶。``, ``设置养老金计划`` of
    ``我们设置养老金计划``).  Every place the source has ``line`` must be so (at most
    :data:`_MOST_PLACES_LOOKED_AT`).  Of the 2,840 test cache items 2 gold lines and 8 first beams of the
    generator bundled since the fiftieth session are so."""
    if len(line) < 3 or re.search(r"\s", line):
        return ""
    words = posseg().lcut(line, HMM=False)
    if not words or not words[0].flag.startswith("v"):
        return ""

    def said_before(start: int) -> str:
        end = start + len(line)
        if end < len(source) and source[end] not in CLAUSE_ENDS:
            return ""
        clause = re.split(f"[{re.escape(CLAUSE_ENDS)}]", source[max(0, start - 40) : start])[-1].strip()
        return clause if len(clause) >= 2 else ""

    return _found_at_every_place(line, source, said_before)


#: Words that begin with 的 but do not attach what comes before them to a noun after them.
_NOT_A_MODIFIER = ("的确", "的话", "的士")


#: A count after 的, what a verb's object ends on: ``的第37天``, ``的3.5%``, ``的两倍``.
_COUNTED_NOUN_AFTER_DE = re.compile(r"的(?:第|\d|[一二两三四五六七八九十几数百千万])")
#: The fewest characters of a generated line's last piece of the source that :func:`ends_before_its_noun` judges.
MIN_NOUN_CUT_PIECE = 5


def ends_before_its_noun(line: str, source: str) -> str:
    """What ``source`` goes on with (``的…``) when ``line`` is not the source's word for word but ends with a piece of
    it (:data:`MIN_NOUN_CUT_PIECE` characters or more) that every place the source has it modifies a count after its
    的 (:data:`_COUNTED_NOUN_AFTER_DE`): ``美联邦政府“停摆”进入创纪录`` of ``…“停摆”进入创纪录的第37天`` (a generated
    dev headline; since the seventy-second session), else ``""``.  Any noun after the 的 was measured too: it also
    took ``特朗普称不排除与伊朗进行对话`` (of ``…对话的可能``) and ``第十二批30位在韩志愿军烈士遗骸回国`` (of ``…回国的
    仪式``) for cut lines, which they are not.  :func:`stops_inside_its_clause` judges lines the source has whole."""
    if line in source:
        return ""
    piece = longest_in_source(line, source, from_end=True)
    if len(piece) < MIN_NOUN_CUT_PIECE:
        return ""

    def modifies(start: int) -> str:
        end = start + len(piece)
        went_on = source[end : end + 6]
        return went_on if _COUNTED_NOUN_AFTER_DE.match(went_on) else ""

    return _found_at_every_place(piece, source, modifies)


def goes_on_as_its_noun(went_on: str) -> bool:
    """Whether what a source goes on with after a line (:func:`stops_inside_its_clause`) makes the line a
    modifier of the noun that follows: it starts with 的 (``美国和伊朗达成最终协议`` of ``…最终协议的60天窗口期已过``,
    which states what the source does not)."""
    return went_on.startswith("的") and not went_on.startswith(_NOT_A_MODIFIER)


#: Verbs that say what the host and the partner did together (``…同…会谈``, ``…与…举行会晤``, ``…通电话``).
_TALKS_DONE = re.compile(r"会谈|会晤|会见|举行|通话|通电话|交谈|磋商|签署|共同")


def talks_without_their_verb(line: str, source: str) -> str:
    """What ``line`` says after its host's ``同``/``与`` when the text's first clause reports talks
    (:func:`meeting_parts`) and the line, opening with the host and that word, never says the talks were held:
    ``赵乐际同纪念中国人民抗日战争暨世界反法西斯战争胜利80周年活动`` where the text says ``赵乐际…同出席纪念…活动并
    访华的东帝汶国民议会议长费尔南达举行会谈`` (the host "with" an anniversary); ``""`` otherwise."""
    parts = meeting_parts(source)
    if parts is None or parts[3] != "会谈":
        return ""
    opening = parts[0] + parts[1]
    if not line.startswith(opening) or _TALKS_DONE.search(line, len(opening)):
        return ""
    return line[len(opening) :]


def headless_guest(line: str, source: str) -> str:
    """The end of ``line`` when it meets or welcomes a description of its guest and not the guest:
    ``韩正会见中国人民抗日战争暨世界反法西斯战争胜利80周年`` where the source says ``会见来华出席纪念…80周年
    活动的亚美尼亚总理`` (a leader met an anniversary).  The line's last stretch of the source (4 characters
    or more) is, wherever the source has it, followed by ``的``: it is a modifier whose noun was left out.
    Of the 5,317 dev and test lines printed (twenty-fifth session) 9 were so, all such meetings, and no
    gold headline.  Also the guest of a line that meets another guest than the one the text's first
    clause meets (:func:`meeting_parts`: ``李希会见中国人民抗日战争胜利80周年代表`` where the text says
    ``…会见…的马尔代夫总统穆伊兹``); else ``""``."""
    verbs = list(_MEETING_VERBS.finditer(line))
    if not verbs:
        return ""
    guest = re.sub(r"\s", "", line[verbs[-1].end() :])
    named = re.split(r"\s", line[verbs[-1].end() :], maxsplit=1)[0].rsplit("的", 1)[-1]
    met = meeting_parts(source)
    before = line[: verbs[-1].start()]
    # 特朗普与泽连斯基会晤取得进展, 美乌总统称会晤取得进展: the meeting takes no guest after it (a 会见 does:
    # 习近平和彭丽媛会见… names two hosts, not a partner)
    partner = verbs[-1].group(0).endswith("会晤") and _WITH_PARTNER.search(before)
    no_guest = partner or before.endswith(_MEETING_NAMED)
    met_guest = met[2].split("并", 1)[0] if met is not None else ""  # …刘强东并共进午餐
    if (
        met_guest
        and named
        and not no_guest
        and not named.startswith(met_guest[:2])
        and met_guest[-2:] not in named  # the guest's name without the titles before it: 刘强东 of 京东集团创始人刘强东
        and len(set(named) & set(met_guest)) < len(set(named)) / 2
    ):
        return named  # another guest than the one the text's first clause meets (most characters differ)
    start = len(guest)
    while start > 0 and guest[start - 1 :] in source:
        start -= 1
    stretch = guest[start:]
    if len(stretch) < 4:
        return ""
    after = [source[m.end() : m.end() + 80] for m in re.finditer(re.escape(stretch), source)]
    return stretch if all(_BEFORE_THE_GUEST.match(text) for text in after) else ""


#: A partner before the meeting verb (``…与乌克兰总统泽连斯基会晤``): the verb takes no guest after it.
_WITH_PARTNER = re.compile(r"[与同和][^，。；：\s]{2,}$")
#: Verbs of a meeting whose headline is ``<host><verb><guest>`` (``韩正会见亚美尼亚总理帕希尼扬``).
_MEETING = re.compile(r"(?:分别|集体|共同)?(?:会见|会晤|接见)")
_FIRST_CLAUSE_END = re.compile(r"[，。；！？,;!?\n]")
#: A first clause that only dates the report (``9月3日，``, ``当地时间12日下午，``): the meeting is in the next one.
_DATE_CLAUSE = re.compile(
    # the place of the local time too (``华盛顿当地时间10月25日下午``)
    r"(?:[\u4e00-\u9fff·]{0,10}当地时间|北京时间)?(?:\d{4}年)?(?:\d{1,2}月)?\d{1,2}日(?:[上下]午|晚间?|凌晨|早上|中午|夜间)?"
)
#: What makes the meeting word a noun: ``举行会晤``, ``进行会见``, ``此次会见``.
_MEETING_AS_NOUN = ("举行", "进行", "的", "次", "这")
#: Words after which the meeting word in a line names the meeting (``称会晤取得进展``, ``此次会见``).
_MEETING_NAMED = (*_MEETING_AS_NOUN, "称", "表示", "此")
#: A guest as a headline names one: words and names, no brackets of a quoted line (``会晤 〉全文如下``).
_GUEST = re.compile(r"[\u4e00-\u9fffA-Za-z0-9（）()、·•“”]{2,}")
#: Words between two hosts of one meeting (``习近平和夫人彭丽媛``).
_BETWEEN_HOSTS = frozenset(["和", "与", "、", "夫人", "同"])
#: Talks that close the clause: ``…同来华进行正式访问的爱尔兰总理马丁举行会谈`` (not ``…会谈时表示``).
_TALKS = re.compile(r"(?P<with>同|与)(?P<partner>[^同与举]+?)(?:举行)?(?:闭门)?会谈$")
#: Where the talks took place, after the partner: ``…内塔尼亚胡在华盛顿``.
_TRAILING_PLACE = re.compile(r"在[^的、]{1,10}$")
#: Words after which a name is the place of the meeting, not its host (``在白宫``).
_BEFORE_A_PLACE = frozenset(["在", "于", "赴", "到"])
#: Longest meeting headline made (characters); a longer one keeps the span.
_MEETING_LINE_CHARS = 30


#: A paper's announcement of the editorial or commentary it prints: ``明天（10月29日）出版的《人民日报》将发表评论员
#: 文章，题目是《保障和改善民生，推动全体人民共同富裕迈出坚实步伐——论学习贯彻党的二十届四中全会精神》``, ``本台消息：
#: 明天出版的《人民日报》将刊发评论员文章《…》``, ``…将发表《…》的评论员文章``.
_ANNOUNCED_BY = r"\s*(?:(?:本台消息|[^：:，,。\n]{2,12}消息)[^：:，,。\n]{0,14}[：:，,]\s*)?"
_ANNOUNCED_ON = (
    r"(?:明天|明日|今天|今日)?(?:\d{4}年)?(?:\d{1,2}月)?(?:\d{1,2}[日号])?(?:（[^）]{1,12}）|\([^)]{1,12}\))?"
)
_ANNOUNCED_IN = r"出版的《(?P<paper>[^《》]{2,12})》将?(?:发表|刊发|刊登)"
_ARTICLE_KIND = (
    r"(?P<kind>社论|本报评论员文章|评论员文章|署名文章|评论文章|长篇述评|述评文章|述评|长篇通讯|任仲平文章|文章"
    r"|署名为“(?P<pen>[^“”]{1,6})”的文章)"
)
ANNOUNCED_ARTICLE = re.compile(
    _ANNOUNCED_BY
    + _ANNOUNCED_ON
    + _ANNOUNCED_IN
    + rf"(?:{_ARTICLE_KIND}[，,]?\s*(?:(?:题目|题为|标题)[是为]?[：:]?)?《(?P<title>[^《》]{{2,80}})》"
    + r"|《(?P<title_first>[^《》]{2,80})》的(?P<kind_after>社论|评论员文章|署名文章|文章))"
)
#: How a headline names the kind of article the announcement gives (``署名为“国纪平”的文章`` → ``署名文章``).
_HEADLINE_KIND = {"述评文章": "述评", "本报评论员文章": "评论员文章"}


def announced_article_headline(text: str) -> str | None:
    """The headline of a paper's announcement of the editorial it prints (:data:`ANNOUNCED_ARTICLE`), as the
    ``xwlb_items`` that open so have it: the paper, the kind of article and its title
    (``人民日报评论员文章：保障和改善民生，推动全体人民共同富裕迈出坚实步伐``), the title's subtitle after ``——``
    left out when the line would be longer than :data:`MAX_SPAN_CHARS`.  ``None`` for any other text, or when the
    title alone is still too long.  Of the 152 training, dev and test items it gives a line for, the lines score
    80.9 ROUGE-L against their headlines, which mostly keep the subtitle."""
    announced = announced_article(text)
    return announced.text if announced is not None else None


def announced_article(text: str) -> Span | None:
    """:func:`announced_article_headline` as a span of ``text``: from its start to the end of the announcement."""
    found = ANNOUNCED_ARTICLE.match(text)
    if found is None:
        return None
    kind = "署名文章" if found.group("pen") else found.group("kind") or found.group("kind_after")
    title = found.group("title") or found.group("title_first")
    label = f"{found.group('paper')}{_HEADLINE_KIND.get(kind, kind)}："
    line = label + title
    if len(line) > MAX_SPAN_CHARS:
        line = label + title.split("——")[0].strip()
    return Span(0, found.end(), line) if len(line) <= MAX_SPAN_CHARS else None


def meeting_headline(text: str) -> str | None:
    """The headline of a meeting reported by the first clause of ``text``: the host, the verb, the guest.

    ``国家副主席韩正在北京会见来华出席纪念…80周年活动的亚美尼亚总理帕希尼扬`` →
    ``韩正会见亚美尼亚总理帕希尼扬``, as news headlines write it: the host's titles, the time, the place
    and what the guest came for (everything up to the object's last ``的``) are left out; talks likewise
    (``国务院总理李强…在京同来华进行正式访问的爱尔兰总理马丁举行会谈`` → ``李强同爱尔兰总理马丁会谈``).
    Only deletions: every word printed is the text's.  The host is the last person name (jieba ``nr``)
    before the verb, with a second one joined by ``和``/``与``/``、`` (``习近平和夫人彭丽媛`` → ``习近平和彭丽媛``).
    ``None`` when the clause has no meeting (``举行会晤``, ``会晤的计划`` name one), no host, a guest that is no
    name (``会晤 〉全文如下``), or the line would be longer than 30 characters."""
    parts = meeting_parts(text)
    if parts is None:
        return None
    line = "".join(parts)
    return line if len(line) <= _MEETING_LINE_CHARS else None


@lru_cache(maxsize=64)
def meeting_parts(text: str) -> tuple[str, str, str, str] | None:
    """Host, verb, guest and ending (``会谈`` or ``""``) of the meeting the first clause of ``text`` reports
    (:func:`meeting_headline`; after a clause that only dates the report, the next one), or ``None``.
    Cached: the guard asks it of one source for each of its candidate lines that names a meeting
    (:func:`headless_guest`)."""
    clause, *rest = _FIRST_CLAUSE_END.split(text, 2)[:2]
    if _DATE_CLAUSE.fullmatch(clause.strip()) and rest:  # 9月3日，国家副主席韩正在北京会见…
        clause = rest[0]
    verb = _MEETING.search(clause)
    if verb is not None:
        if clause[: verb.start()].endswith(_MEETING_AS_NOUN) or clause[verb.end() :].startswith("的"):
            return None  # 举行会晤, 会晤的计划: a noun, not who met whom
        before, joined, guest = clause[: verb.start()], verb.group(0), clause[verb.end() :]
    else:
        talks = _TALKS.search(clause)
        if talks is None:
            return None
        before, joined, guest = clause[: talks.start()], talks.group("with"), talks.group("partner")
        guest = _TRAILING_PLACE.sub("", guest)
    host = _host(before)
    guest = guest.rsplit("的", 1)[-1].removeprefix("了")
    if host is None or not _GUEST.fullmatch(guest) or _no_guest(guest):
        return None
    return host, joined, guest, "会谈" if verb is None else ""


#: Word classes no guest opens with: a locative or time word, an adverb, a preposition, a conjunction, a particle
#: (``…与乌克兰总统泽连斯基在海湖庄园会晤后均表示``: they met each other, and ``后均表示`` is no one).
_NOT_A_GUEST_OPENING = ("f", "t", "d", "p", "c", "u")


def _no_guest(guest: str) -> bool:
    """Whether what follows the meeting verb names no guest: it opens with a word no name opens with
    (:data:`_NOT_A_GUEST_OPENING`)."""
    return posseg().lcut(guest, HMM=False)[0].flag.startswith(_NOT_A_GUEST_OPENING)


def _host(before: str) -> str | None:
    """Who hosts the meeting: the last person name of ``before``, with a second one joined to it.  Where
    the meeting took place is left out first: jieba reads ``韩正在北京`` as ``韩`` + ``正在`` + ``北京``."""
    before = _TRAILING_PLACE.sub("", before)
    words = [(w.word, w.flag) for w in posseg().lcut(before)]
    names = [
        i
        for i, (word, flag) in enumerate(words)
        if flag.startswith("nr")
        and len(word) >= 2
        and not (i and (words[i - 1][0] in _BEFORE_A_PLACE or words[i - 1][1].startswith("ns")))
    ]  # jieba tags some places as names: 在白宫, 德国柏林
    if not names:
        return None
    hosts = [words[names[-1]][0]]
    index = names[-1] - 1
    while index >= 0 and words[index][0] in _BETWEEN_HOSTS:
        index -= 1
    if 0 <= index < names[-1] - 1 and words[index][1].startswith("nr"):  # 习近平和夫人彭丽媛: both host
        hosts.insert(0, words[index][0])
    after = before[before.rfind(hosts[-1]) + len(hosts[-1]) :]
    if after.startswith(("·", "•", "・")):  # jieba cut a transcribed name (艾尔肯·吐尼亚孜) at its dot
        dotted = _DOTTED_NAME_REST.fullmatch(after)
        if dotted is None or _has_a_word_of_its_own(dotted.group(1)):
            return None  # ``·吐尼亚孜亲切``: where the name ends is not known
        hosts[-1] += "·" + dotted.group(1)
    return "和".join(hosts)


def _has_a_word_of_its_own(name: str) -> bool:
    """Whether the would-be rest of a transcribed name has a word of two characters or more that is no name's:
    an adverb, adjective, verb or preposition (``亲切`` of ``吐尼亚孜亲切``)."""
    return any(len(w.word) > 1 and w.flag[:1] in ("d", "a", "v", "p") for w in posseg().lcut(name, HMM=False))


#: The rest of a transcribed name after its first part (``·吐尼亚孜`` of ``艾尔肯·吐尼亚孜``), when only the day of
#: the meeting follows it (``日前``, ``12日上午``).
_DOTTED_NAME_REST = re.compile(
    r"[·•・]([\u4e00-\u9fff]{1,10}?)(?:日前|近日|今天|昨天|当天|今日|昨日|\d{1,2}日)?(?:上午|下午|晚上|晚间)?"
)


#: An office that ends an item of a list of someone's titles (``中共中央政治局常委、国务院总理李强``): a span
#: may start after it, leaving the higher titles out as headlines do.
_TITLE_ITEM = re.compile(
    r"(?:常委|委员|主席|总理|书记|部长|局长|司长|厅长|主任|院士|教授|会长|理事长|董事长|总裁|首席执行官|发言人|大使"
    r"|省长|市长|县长|州长|议员|总统|首相|国务委员|秘书长|秘书|校长|院长|创始人|司令|参谋长|负责人|特使|署长|主编|总经理)$"
)


def list_start(window: str, start: int) -> int | None:
    """Where the list starts when a span starting at ``start`` starts after one of its items
    (``西南地区雨雪频繁`` of ``我国西北地区东部、西南地区雨雪频繁``: the span prints part of the list as the
    whole), else ``None``.  Not after an office in a chain of someone's titles (``…政治局常委、国务院总理李强``)."""
    if start == 0 or window[start - 1] != "、":
        return None
    begin = clause_start(window, start - 1)
    item_start = max(begin, window.rfind("、", 0, start - 1) + 1)
    return None if _TITLE_ITEM.search(window[item_start : start - 1]) else begin


def clause_end(window: str, start: int) -> int:
    """Where the clause of ``window`` that runs on from position ``start`` ends: at the next clause or
    sentence mark, or at the window's end when there is none."""
    return next((i for i in range(start, len(window)) if window[i] in CLAUSE_ENDS), len(window))


def closes_its_marks(text: str) -> bool:
    """Whether every quote mark and bracket ``text`` opens it also closes (:func:`balanced_marks`), the
    straight ASCII ``"`` included (an even number of them: ``提出了"台湾`` does not)."""
    return balanced_marks(text) and text.count('"') % 2 == 0


def sentence_start(window: str, position: int) -> int:
    """Where the sentence of ``window`` that holds ``position`` starts: after the last sentence mark or line
    break before it and the closing quotes or brackets that end that sentence with it (``…过正。”张国焘认为…``
    starts at ``张``), or 0 when there is none."""
    begin = max(window.rfind(mark, 0, position) for mark in _SENTENCE_END) + 1
    while begin < position and window[begin] in CLOSING:
        begin += 1
    return begin


def clause_start(window: str, mark_at: int) -> int:
    """Where the clause of ``window`` that runs up to position ``mark_at`` starts: after the last clause or
    sentence mark before it, leading whitespace skipped."""
    begin = max(window.rfind(mark, 0, mark_at) for mark in CLAUSE_ENDS) + 1
    while begin < mark_at and window[begin].isspace():
        begin += 1
    return begin


#: A feature's opening scene: ``深秋时节，走进浙江省湖州市安吉县``, and what the visitor sees there
#: (``…，满眼青翠``): the reader is walked into a place and told nothing about it.  A span that opens so is
#: passed over; none of the printed dev and test spans does.
SCENE_OPENING = re.compile(
    r"(?:[^，,。]{0,6}(?:时节|时分|清晨|傍晚|黄昏|午后|夜晚|深夜|之际)[，,])?"
    r"(?:走进|走入|来到|踏入|步入|漫步|行走在|驱车|置身)[^，,。；;：:]{1,20}(?:[，,]|$)"
)


#: A programme's greeting: ``大家好，2020年11月8日星期日，欢迎收看191期睡前消息`` (2 of 185,533 training
#: headlines and headings, both the greeting section of a transcript; ``大家好似…`` is no greeting), and since
#: the fifty-third session a writer's to the reader (``嗨，朋友``, a section line of a dev opinion piece).
PROGRAMME_GREETING = re.compile(
    r"(?:^|[，,。\s])(?:大家好|嗨|哈[喽啰]|你们?好|您好|各位好)[，,！!。\s]|欢迎(?:收看|收听|来到第)"
    r"|^(?:首先)?祝(?:各位|大家|你们|您|全体|广大)"  # a wish to the readers (``祝各位跑友身体健康``)
    r"|(?:节目|本期|今天|今日)到此结束|下期(?:再)?见"  # and its sign-off (``541期节目到此结束``)
)

#: Adverbs that lean on a subject said before them (``还要给捐赠者家属10万元的“肝源费”``, ``都在不断地加大…投入``):
#: a span that opens with one as a whole jieba word is headless.  Not ``就``: as the preposition "about"
#: (``就卡塔尔多哈遭空袭表示谴责``) the spans found in its place read worse; not ``又``, which opens headlines
#: as "yet another" (``又一位券商固收高管被卷入“债市打黑”风暴``).  Since the fifty-second session also ``就是`` and
#: ``便是``, which restate what the clause before named (``也就是IP地址`` of ``每台电子设备都有自己的指纹，
#: 也就是IP地址``); ``即`` is dropped instead (:data:`LEADING_CONNECTIVES`: ``即差不多每五名港人当中就有一位是长者``).
#: Since the fifty-eighth session ``包括``, which goes on with a list named before (``包括立陶宛、拉脱维亚与爱沙尼亚``;
#: 2 of 185,533 training headlines open with it), unless it opens ``包括…在内的…`` (:data:`_INCLUDING`).
#: Since the sixty-second session the adverbs that turn against or beyond what the clause before said:
#: ``却是``, ``竟是``, ``竟然``, ``居然``, ``反而``, ``倒是`` (``却是"你在北方裹着袄，我在南方露着腰"`` of
#: ``本该秋高气爽的时节，却是…``; 4 of 185,533 training headlines open with one of them), and the causatives that
#: say what the clause before brought about: ``使``, ``使得``, ``致使``, ``导致``, ``令`` as words of their own
#: (``使公司必须急遽扩增先进封装相关产能因应``; 1 training headline opens with one, ``使用``/``令人`` are other words).
HEADLESS_OPENERS = frozenset(
    ["都", "还", "才", "还有", "还要", "还是", "就是", "也就是", "便是", "包括",
     "却是", "竟是", "竟然", "居然", "反而", "倒是",  # turning against the clause before
     "使", "使得", "致使", "导致", "令",  # causatives
     # what the clause before went as far as, or led to (``以至视自己为「香港人」还是…``; since the seventy-first
     # session: none of 185,533 training lines opens with one)
     "以至", "以至于", "以致", "以致于"]
)  # fmt: skip
#: "Let alone", "all the more so": a span that opens so adds to a claim the clause before makes (``更遑论那些向往
#: 自由…的「新」移民``).  None of 185,533 training headlines and headings opens so.
LET_ALONE = re.compile(r"(?:更|又)?(?:遑论|何况|不用说|况且)")
#: A clause that says what the thing named before it involves (``涉及开支总额约8,300亿元`` of ``…通过《2025年拨款条例
#: 草案》，涉及…``); not ``涉及…的`` + noun, a subject of its own (``涉及欧盟和北约的条款需要…``).  2 of 185,533
#: training headlines open with ``涉及``, both as a topic (``涉及领土争议 黎以边境发生冲突``).
INVOLVING_CLAUSE = re.compile(r"涉及[^，,。；;的]*(?:[，,。；;]|$)")
#: A span that only says from which side the next clause is told: ``从技术上讲``, ``总的来说``, ``简单地说``.
DISCOURSE_FRAME = re.compile(
    r"(?:我们|我|他们|他|她|人们)?"  # who tells it (``我们从历史经验来看``)
    r"(?:从[^，,。；;]{0,10}?(?:讲|说|来说|来讲|来看|看来|而言)|总的来说|一般来说|总体来看|简单地说|换句话说|具体来说|具体而言)"
)
#: A last clause that only names what the next one is about (``至于个人数据`` before ``，要界定产权很难``,
#: ``韩国是民主国家，但关于其司法``, ``说到科技巨头和美国政府的关系``) or the example it is told by (``比如IYP的网站``
#: before ``，从表面上看…``): a topic, not what is said of it.
TOPIC_FRAME = re.compile(
    rf"(?:^|[{CLAUSE_MARKS}])(?:但|而|那么)?(?:至于|比如|例如|譬如|比方说|说到|谈到|讲到|说起|谈起|具体到)"
    rf"(?P<topic>[^{CLAUSE_MARKS}。]{{1,24}})$"
    # 关于 only after a clause: a whole span of it is a title (``关于做好春节期间工作的通知``)
    rf"|[{CLAUSE_MARKS}](?:但|而|那么)?关于(?P<about>[^{CLAUSE_MARKS}。]{{1,24}})$"
)


def names_only_a_topic_or_example(span: str) -> bool:
    """Whether ``span``'s last clause opens with 至于 or 比如 (:data:`TOPIC_FRAME`) and names a thing without saying
    anything of it (no verb, adjective or idiom after its last 的): ``至于个人数据``, ``比如IYP的网站``; an example
    told whole is a statement (``例如上届法国总统选举就有十名候选人之多``)."""
    found = TOPIC_FRAME.search(span)
    if found is None:
        return False
    return not _says_something_after_last_de(posseg().lcut(found.group("topic") or found.group("about"), HMM=False))


#: A noun phrase that opens with what it includes: ``包括海豹突击队在内的数百名美军特种作战部队人员已抵达中东``.
_INCLUDING = re.compile(rf"包括[^{CLAUSE_MARKS}。]*在内")
_HEADLESS_FIRST_CHARS = frozenset(word[0] for word in HEADLESS_OPENERS)  # jieba only for spans that may open so


def opens_with_the_copula(span: str) -> bool:
    """Whether ``span`` opens with 是 as a word of its own (not ``是否``, ``是次``), or with 在于 ("lies in"): its
    subject is in the clause before (``是 DNC 网络`` of ``…，然后是 DNC 网络``; ``在于2015年的「换柱风波」`` of
    ``对朱立伦最大的冲击，在于…``, a dev section line of the eighty-first session)."""
    if span.startswith("在于"):
        return _first_word(span) == "在于"
    return span.startswith("是") and not span.startswith("是次") and _first_word(span) == "是"


def opens_the_second_half_of_a_correlative(span: str) -> bool:
    """Whether ``span`` opens with the 越 of "the more …, the more …" (jieba's word ``越`` or ``越是``) and has no
    other 越 of its own: it is the half that says how much, leaning on the half before it (``越是个不完全契约`` of
    ``越往下，越是个不完全契约``, printed for a dev section of the seventy-eighth session).  The 19 training
    headlines opening with ``越`` or ``越是`` hold both halves (``越禁蒙面越暴越乱``); ``越南``, ``越来越``, ``越过``
    are other words."""
    return span.startswith("越") and _first_word(span) in ("越", "越是") and "越" not in span[1:]


#: Words that open a clause saying what the clause before it is done for (``以便…``, ``以免…``).
PURPOSE_OPENERS = frozenset(["以便", "以免", "以期", "以防"])
#: A clause that says only what the next one is done for: ``为进一步配合“新十条”及本市细化防疫措施``, before
#: ``…，自12月…``.  Of 185,533 training lines none is one (``为推动构建…而不懈努力`` goes on with 而).  Carried on
#: to the next clause it still is one (``…，便利市民群众就医出行等需求``), so such a span gives way.
PURPOSE_FRAME = re.compile(rf"为了?(?:进一步|更好地?)[^{CLAUSE_MARKS}。而]+")
#: Verbs of saying after 以, which there is Israel (``以称已深入加沙城作战``), not "so as to".
_SAID_BY_ISRAEL = frozenset(["称", "说", "表示", "宣布", "指", "指责", "否认"])


#: A quotation or a bracketed aside, whose words are not the clause's own.
_QUOTED = re.compile(r"「[^「」]*」|“[^“”]*”|『[^『』]*』|（[^（）]*）|\([^()]*\)")
#: Prepositions that bring a verb's object or partner before it (``对广告商施压``, ``向市民推广``).
_OBJECT_PREPOSITIONS = frozenset(["对", "向", "把", "将", "与", "和", "跟", "给", "替"])


def _only_a_purpose(span: str) -> bool:
    """Whether ``span`` is one clause that opens with 为 and a verb of purpose (:data:`_PURPOSE_VERBS`) and has no
    other verb after it: ``为避免“再入世”的窘境``, what something is done for without what is done.  The 13 of
    185,533 training headlines and headings that open so go on with it (``为减少碳排放，法国禁飞…``,
    ``为实现中国梦奋发成才``)."""
    opening = _PURPOSE_PHRASE.match(span)
    if opening is None or CLAUSE_SPLIT.search(span):
        return False
    return not any(word.flag.startswith("v") for word in posseg().lcut(span[opening.end() :], HMM=False))


def opens_a_purpose_clause(span: str) -> bool:
    """Whether ``span`` only says what the clause before it is done for: it opens with one of
    :data:`PURPOSE_OPENERS`, or with 以 and a verb (``以配合新田科技城及沙头角一带的发展``, ``以帮助他们对美国人
    进行“刑事调查”``, ``以“重新创造”调查线索``; or its object brought first, ``以对广告商施压``), not a verb of
    saying (``以称…``: Israel) nor ``以…为…`` (``以增加网络生命期为目的设计…``); or with 以 and a preposition
    before a verb (``以从各种数字平台上确定和收集…``).  6 of the 5,317 dev and test
    lines printed before did so, 0 gold headlines.  Or it is a :data:`PURPOSE_FRAME` or a purpose
    (:func:`_only_a_purpose`: ``为避免“再入世”的窘境``) alone, or opens with 旨在
    (``旨在缓和局势并为美伊恢复谈判创造条件``; 1 of 185,533 training headlines and headings does, a noun phrase)."""
    if PURPOSE_FRAME.fullmatch(span) or span.startswith("旨在") or _only_a_purpose(span):
        return True
    if not span.startswith("以"):
        return False
    words = [word for word in posseg().lcut(span[:12], HMM=False) if word.word not in "“”「」‘’\"'"]
    if words[0].word in PURPOSE_OPENERS:
        return True
    if words[0].word != "以" or len(words) < 2 or "为" in _QUOTED.sub("", span[1:]):
        return False  # ``以…为…``; a 为 inside a quotation is not the frame's (``以表彰其「…为基本人权…」``)
    if words[1].word in _OBJECT_PREPOSITIONS or words[1].flag == "p":  # ``以对广告商施压``, ``以从各种平台上确定…``
        return any(word.flag == "v" for word in words[2:])
    quoted = span[1:2] in "“「‘\"'"  # ``以“重新创造”调查线索``: a quoted verb phrase, its adverb first
    at = 2 if quoted and words[1].flag in ("a", "d") and len(words) > 2 else 1
    verb = words[at]
    takes_its = at + 1 < len(words) and words[at + 1].word == "其"  # ``以核实其拍摄地点``: jieba's 核实 a noun
    return (verb.flag == "v" or takes_its) and verb.word not in _SAID_BY_ISRAEL


#: A change against an earlier period, said of a figure named before it (``同比增长18%，净利润为309亿美元`` of
#: ``…营收为778亿美元，同比增长18%…``): a span that opens so does not say what grew.  None of the 185,533
#: training headlines and headings opens so.
COMPARISON_OPENING = re.compile(r"(?:同比|环比|(?:比|较|与)(?:上年|去年|上月|上季度?|前一年|上一年)(?:同期)?(?:相比)?)")


def unfit_for_headline(span: str) -> bool:
    """Whether ``span`` says only who reported (:func:`reads_as_attribution`), stops at a time word
    (:func:`ends_on_time_word`), is only a cause (:data:`CAUSE_FRAME`) or an opening scene
    (:data:`SCENE_OPENING`), opens with the copula whose subject is in the clause before (``是 DNC 网络``
    of ``…，然后是 DNC 网络``; not ``是否``, ``是次``; also after an adverb, :data:`LEANING_COPULA`; and the written
    系 of ``樊强，系…公司法定代表人``, 2 of 185,533 training headlines and headings in Cantonese) or with the
    particle 的 (``的石香姑`` of ``十九世纪的石香姑``; not ``的士``), is one bracketed aside or book title, a row of a
    Markdown table (``| 11.07.17 | …``), greets the audience (:data:`PROGRAMME_GREETING`), opens with an adverb that
    leans on a subject said before (:data:`HEADLESS_OPENERS`), with the second half of "the more …, the more …"
    (:func:`opens_the_second_half_of_a_correlative`) or with a change against an earlier period
    (:data:`COMPARISON_OPENING`), stops before what it lists or shows (:func:`ends_before_its_content`), only says
    what the thing before it involves (:data:`INVOLVING_CLAUSE`), from
    which side the next clause is told (:data:`DISCOURSE_FRAME`), by which example (:data:`EXAMPLE_FRAME`) or of
    which topic (:func:`names_only_a_topic_or_example`), stops before the noun of its last 的
    (:func:`ends_as_a_modifier`), is a labelled turn of an interview (:data:`INTERVIEW_TURN`), a question asked
    and not its answer (:data:`ASKED_ONLY`) or a question word
    alone (:data:`BARE_QUESTION`), says only what the clause before is done for (:func:`opens_a_purpose_clause`),
    opens with the second half of an alternative (:func:`opens_with_an_alternative`), is only a quantity
    (:data:`QUANTITY_ONLY`), is an English fragment (:func:`is_an_english_fragment`), only says who chaired a
    routine briefing (:data:`ROUTINE_BRIEFING`), only announces what is told next (:data:`ANNOUNCEMENT_ONLY`), only
    gives what the thing before is called (:data:`ALIAS_ONLY`), by whom it was made (:data:`AGENT_ONLY`) or what
    the next clause is measured against (:data:`COMPARISON_ONLY`), is one of the kinds the clause before counts
    (:data:`ONE_OF_THE_KINDS`: ``一种是市场化的方法``), lists only people (:func:`lists_only_people`), adds to the
    clause before (:data:`LET_ALONE`), or has no two
    letters in a row: the span
    selector passes over such spans.  A list number it opens with (``一、``), which the printed line drops, is
    looked past."""
    span = LEADING_LIST_MARKER.sub("", span, count=1) or span
    return (
        "|" in span
        or CAUSE_FRAME.fullmatch(span) is not None
        or SCENE_OPENING.match(span) is not None
        or PROGRAMME_GREETING.search(span) is not None
        or (span[:1] in _HEADLESS_FIRST_CHARS and _first_word(span) in HEADLESS_OPENERS and not _INCLUDING.match(span))
        or opens_the_second_half_of_a_correlative(span)
        or COMPARISON_OPENING.match(span) is not None
        or INVOLVING_CLAUSE.match(span) is not None
        or DISCOURSE_FRAME.fullmatch(span) is not None
        or opens_with_the_copula(span)
        or (span.startswith("系") and _first_word(span) == "系")  # ``系贵州…公司法定代表人``
        or LEANING_COPULA.match(span) is not None
        or (span.startswith("的") and _first_word(span) == "的")
        or not _TWO_LETTERS.search(span)
        or bool(_WHOLLY_BRACKETED.match(span))
        or reads_as_attribution(span)
        or ends_on_time_word(span)
        or INTERVIEW_TURN.match(span) is not None
        or ASKED_ONLY.fullmatch(span) is not None
        or BARE_QUESTION.fullmatch(span) is not None
        or opens_a_purpose_clause(span)
        or EXAMPLE_FRAME.search(span) is not None
        or names_only_a_topic_or_example(span)
        or ends_as_a_modifier(span)
        or opens_with_an_alternative(span)
        or QUANTITY_ONLY.fullmatch(span.strip()) is not None
        or is_an_english_fragment(span)
        or ROUTINE_BRIEFING.search(span) is not None
        or ANNOUNCEMENT_ONLY.fullmatch(span) is not None
        or ALIAS_ONLY.match(span) is not None
        or AGENT_ONLY.fullmatch(span) is not None
        or COMPARISON_ONLY.fullmatch(span) is not None
        or ends_before_its_content(span)
        or ONE_OF_THE_KINDS.match(span) is not None
        or lists_only_people(span)
        or LET_ALONE.match(span) is not None
    )


def lists_only_people(span: str) -> bool:
    """Whether ``span`` has two clauses or more and each names only a person by office (:func:`names_only_a_person`):
    ``国务委员谌贻琴，全国政协副主席王东峰`` of a list of who flew in together, which says nothing of them."""
    clauses = [clause.strip() for clause in CLAUSE_SPLIT.split(span) if clause.strip()]
    return len(clauses) >= 2 and all(names_only_a_person(clause) for clause in clauses)


#: Verbs that open what they list or show, and stop a span that ends on them before it: ``急性器官衰竭包括`` (before
#: ``：…``), ``调查显示``.  Of 185,533 training headlines and headings 2 end so (``展品包括``, ``篡改来电显示``).
_CONTENT_VERBS = frozenset(["包括", "包含", "显示", "表明", "例如", "比如", "诸如", "譬如"])


def ends_before_its_content(span: str) -> bool:
    """Whether ``span``'s last jieba word is a verb of :data:`_CONTENT_VERBS`: it stops before what it lists or
    shows."""
    if not span.endswith(tuple(verb[-1] for verb in _CONTENT_VERBS)):
        return False  # jieba only for a span that may end so
    words = posseg().lcut(span[-8:], HMM=False)
    return bool(words) and words[-1].word in _CONTENT_VERBS and words[-1].flag in ("v", "c")


#: A clause that only gives the short name of what the clause before names (``简称“哈军工”``), or, since the
#: seventy-sixth session, what it is called (``被称为"逆向转学"``, ``称作简单邮件传输协议``; not with a 的 after it,
#: where it modifies a noun: ``被称为“小托福”的…考试“落地”江城``): of 185,533 training headlines and headings one
#: opens so.
ALIAS_ONLY = re.compile(
    r"(?:以下简称|英文简称|简称|又称|俗称|也称|亦称|通称|统称|别称|下称|全称|被?(?:称为|称作|称之为|叫做)(?=[^的]*$)|被誉为(?=[^的]*$))"
)


#: Only by whom something named elsewhere was made or run (``由国家前副主席曾庆红侄女曾宝宝创办`` of
#: ``…创办、位列全国房企百强的花样年控股…``): none of 185,533 training headlines and headings is one.
AGENT_ONLY = re.compile(
    r"由[^，,。；;、]{1,30}(?:创办|创立|主办|举办|牵头|发起|组织|承办|负责|出品|执导|设计|建造|投资|经营|运营|管理|"
    r"开发|研发|成立|领导|主持|编写|撰写|拍摄|制作|"
    # since the seventy-second session (``由内地字幕组提供``, a dev section line; no training line is only so)
    r"提供|翻译|赞助|资助|出版|生产|印制|配音)"
)


#: One item of the kinds or ways the clause before counts (``一种是市场化的方法`` of ``解决爆雷问题也有两种方法，一种
#: 是…，一种是…``): no training headline or heading opens so, and 4 spans printed on the dev and test caches did
#: (since the seventy-fifth session).
ONE_OF_THE_KINDS = re.compile(r"(?:另|其中)?一(?:种|个|类|方面|点)(?:就是|是)")
#: Only what the clause after it is measured against (``与原始图像相比`` of ``…，与原始图像相比，它们的质量也通常会
#: 明显降低``): 3 of 185,533 training headlines and headings are one, section headings that name a comparison
#: (``跟其他颜色革命比较``); not one that names it as a noun (``与其他工具的比较``).
COMPARISON_ONLY = re.compile(
    rf"(?:与|和|跟|同|较之?)[^{CLAUSE_MARKS}]{{1,20}}(?:相比较?|(?<!的)比较|比起来?|相较)(?:而言|之下|来说|起来)?"
)


#: Who chaired a routine press briefing (``外交部发言人毛宁12月3日主持例行记者会``): the setting of what was said
#: there, never the news; none of the 44 training and dev texts that open so has it for its headline.
ROUTINE_BRIEFING = re.compile(r"主持了?例行(?:记者会|新闻发布会)$")


#: A clause that opens with what the clause before caused (``引发巴勒斯坦等多国谴责`` of ``…进入圣殿山，引发…``): its
#: subject is that clause, which the span leaves out, so the span selector takes one only when no other span of
#: its best reads whole.  6 of 185,533 training headlines and headings open so, 2 with 掀起, 引爆 (``掀起口罩抢购潮``
#: of ``武汉肺炎袭港，掀起…``) and its kin; 9 with 助力, 带动 or 拉动 (what the clause before helps along:
#: ``助力经济高质量发展`` of ``吉林省新型能源体系加速构建，助力…``); none with a change it pushes
#: (``推动国债收益率上升`` of ``…预期日本央行将持续加息…，推动…``; not 推动 of a policy's aim, which 39 open with).
EFFECT_OF_WHAT_CAME_BEFORE = re.compile(
    r"(?:从而|进而|因而|并|也|还)?(?:引发|导致|造成|致使|引起|酿成|掀起|触发|激起|引爆|招致|引来|助力|带动|拉动"
    r"|推高|推升|推低|推动(?=[^，,。；;]{1,15}(?:上升|下降|上涨|下跌|走高|走低|回落|攀升)$))"
)


#: A clause that only announces what the speaker goes on to tell (``分享一件事情``, ``跟大家讲一个故事``): a lead-in,
#: never the news.
ANNOUNCEMENT_ONLY = re.compile(
    r"(?:我们?|先|想|要|来|再|在此|跟大家|和大家|同大家|向大家|给大家)*"
    r"(?:分享|讲讲?|说说?|谈谈?|聊聊?|告诉你们?|告诉大家|介绍|补充)(?:一下)?"
    r"(?:一件事情?|一个(?:小|好|真实的)?故事|一个(?:小|好)?消息|几句话?|[两几三]件事情?|一些(?:事情|想法|看法)|个故事)"
)


#: English words a line does not stop on: they wait for what follows (articles, prepositions, conjunctions,
#: auxiliaries, pronouns).
ENGLISH_WAITING_WORDS = frozenset(
    ["a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "from", "with", "into", "about", "over", "and",
     "or", "but", "nor", "so", "that", "which", "who", "whom", "whose", "is", "are", "was", "were", "be", "been",
     "being", "am", "has", "have", "had", "do", "does", "did", "will", "would", "shall", "can", "could", "should",
     "may", "might", "must", "as", "than", "if", "because", "while", "when", "where", "i", "we", "you", "they",
     "he", "she", "it", "this", "these", "those", "my", "our", "your", "their", "his", "her", "its", "not", "very"]
)  # fmt: skip


def is_an_english_fragment(span: str) -> bool:
    """Whether ``span`` is English (Latin words, no Chinese character) cut out of its sentence: it stops on a word
    that waits for more (``The ruling Chinese Communist Party is``, ``…has made it clear that``) or opens in the middle
    of a sentence, with a lower-case word (``to kill the cynical``, ``the new wave of political arrests``; not a
    brand such as ``iPhone``).  The span selector reads a window by characters, so an English sentence rarely fits
    whole in a span.  A bracketed aside is looked past (``Priscilla Leung (梁美芬） was``)."""
    span = _BRACKETED.sub("", span)
    if HAN.search(span):
        return False
    words = re.findall(r"[A-Za-z][A-Za-z'’]*", span)
    if len(words) < 2:
        return False
    first = words[0]
    return words[-1].lower() in ENGLISH_WAITING_WORDS or (first[0].islower() and first[1:].islower())


#: The copula after an adverb that ties it to the clause before: ``也是每一个使用…的人的一个主要隐私问题``
#: of ``…，但也是…``, ``更不是一个“Dragonfly”的问题，而是…``.  2 of 185,533 training headlines open so
#: (``也是抽查。``); not ``又是``, which opens a season's headline (``又是一年春光好``).
LEANING_COPULA = re.compile(r"[也更而亦]不?是")


#: A line that is only a quantity (``约37.1万元``, ``逾2000人``), maybe after what it measures (``全长约4.5公里``,
#: ``总投资约180亿元``: no training headline is one); not a month or a year, which a heading may be.
QUANTITY_ONLY = re.compile(
    r"(?:(?:全长|全程|总长|总面积|面积|总投资|总额|总计|合计|共计|累计|规模)(?:为|约为)?)?"
    r"(?:约|近|逾|超过|超|达|共|合共|总共|仅|只有)?[\d.,，]+(?:多|余)?[万亿千百]*(?![年月日号])[\u4e00-\u9fff]{0,2}"
)


#: Words that only link what comes before them to what follows: a span ending on one stops mid-sentence
#: (``…阿马蒂亚·森（Amartya Sen）因`` before ``其数十年来…的研究而…``).  Of 185,533 training headlines and
#: headings 25 end on one as a jieba word, mostly as part of a word jieba cuts (``主因``, ``祸因``, looked past);
#: not 和 (``碳中和``, ``云和``) nor 即 (``开幕在即``).
_LINKING_ENDINGS = frozenset(
    ["因", "因为", "由于", "而", "而且", "并", "并且", "且", "但", "但是", "或", "或者", "以及", "及", "甚至",
     "就是", "不仅", "不但", "与"]
)  # fmt: skip


def ends_on_a_linking_word(span: str) -> bool:
    """Whether ``span`` ends on a word of :data:`_LINKING_ENDINGS` or on ``的是`` (``…，或者最糟糕的是``,
    ``行政长官的政治空间不幸的是``; 2 of 185,533 training lines, one of them ``…的人多的是``, "there are plenty",
    which is let pass): what it leads to is cut off."""
    if span.endswith("的是"):
        return not span.endswith(_PLENTY)
    if span.endswith("因") and span[-2:-1] in _CAUSE_NOUN_HEADS:
        return False
    return span[-1:] in _LINKING_LAST_CHARS and _last_word(span) in _LINKING_ENDINGS


_LINKING_LAST_CHARS = frozenset(word[-1] for word in _LINKING_ENDINGS)
#: ``…多的是`` and ``…有的是`` say "there are plenty": a whole statement (``像保欣叔的政界人物多的是``).
_PLENTY = ("多的是", "有的是")
#: Characters that make a noun of a closing 因, which jieba leaves as a word of its own (``或为主因``, ``是祸因``,
#: ``失败有因``, ``…的前因``).
_CAUSE_NOUN_HEADS = frozenset("主祸远前近病死成原诱基起有是肇内外善恶业归")


def opens_with_an_alternative(span: str) -> bool:
    """Whether ``span`` opens with ``或者``, or with ``或`` before a noun or pronoun: it is the other half of an
    alternative whose first half is in the clause before (``或他们通过封闭私密的网络接收到的内容``,
    ``或CBRN过滤器``).  Not ``或`` as "may" before a verb (``或被追讨巨额议员薪津``, ``或将加息``)."""
    if span.startswith("或者"):
        return True
    if not span.startswith("或"):
        return False
    words = posseg().lcut(span[:12], HMM=False)
    return words[0].word == "或" and len(words) > 1 and words[1].flag.startswith(("n", "r", "eng", "m"))


#: A last clause that names only what is set apart from what its sentence says (``除了看颜值和性能之外``,
#: ``…除了是一个古典钢琴家之外``): ``除``/``除了`` as a word of its own (not ``排除在外``), the clause ending in 外.
_EXCEPTION_OPENERS = frozenset(["除", "除了", "除开", "除去"])


def ends_on_an_exception(span: str) -> bool:
    """Whether ``span``'s last clause is an exception frame (:data:`_EXCEPTION_OPENERS` … ``外``/``之外``/
    ``以外``): the main clause it is set against follows.  2 of 185,533 training lines end so (``除了写咨询文件外``).
    So does a clause whose subject comes before ``除了`` with no ``还``/``也``/``更``… after it
    (``台湾除了对外分享防疫策略及经验``, before ``，还…``); 1 of the training lines does, after a dash."""
    last = CLAUSE_SPLIT.split(span)[-1]
    if "除" not in last:  # jieba only for a clause that may have one
        return False
    if last.endswith("外"):
        return any(word in _EXCEPTION_OPENERS for word in jieba().lcut(last, HMM=False))
    around = _around_the_first_of(_BESIDES, span)
    return around is not None and bool(around[0]) and not _answered(around[1], _ALSO_FIRST_CHARS)


#: ``除了`` with its subject before it: what holds besides follows (``台湾除了对外分享防疫策略及经验``, ``，还…``).
_BESIDES = frozenset(["除了"])
#: First characters of the words that say what holds besides the exception (``还``, ``也``, ``更``, ``仍``…).
_ALSO_FIRST_CHARS = frozenset("还也更仍亦都又并")


#: A clause that only frames what follows: how far it goes (``到目前为止``, ``迄今为止``), whose words it echoes
#: (``正如抗议者所言``), what it is likened to (``正如…一样``) or for whom it holds (``对一些患过动症的长者而言``;
#: none of the 185,533 training lines is one).
_HOW_FAR = r"(?:到|截至|截止|迄今|至今|直到)(?:目前|现在|今天|今日|此时)?为止"
#: "Besides," alone before its comma (``另外，还有经常扬威海外的港台节目``; 4 of 185,533 training lines open so, all
#: section leads); not ``另外两案…`` ("the other two cases").
_BESIDES_ALONE = r"另外|除此之外|除此以外"
_WHOSE_WORDS = rf"(?:正如|就像|如同|诚如)[^{CLAUSE_MARKS}。]{{1,20}}所(?:言|说|述|指出|预料|预言|担心|料)"
BARE_FRAME = re.compile(
    rf"{_HOW_FAR}|{_WHOSE_WORDS}"
    rf"|正如[^{CLAUSE_MARKS}。]{{2,40}}一样"  # ``正如算法[可以]被训练来预测谁会点击什么广告一样``
    # for whom it holds, its subject maybe first: ``消息人士对新闻界而言``
    rf"|[^{CLAUSE_MARKS}。]{{0,12}}?(?:对于|对)[^{CLAUSE_MARKS}。]{{1,30}}(?:而言|来说|来讲)"
    # with whom, and not what: ``中方愿同东帝汶一道`` (before ``，推动…``); not ``与香港在一起``, ``站在一起``
    rf"|[^{CLAUSE_MARKS}。]{{0,12}}?(?:同|与|和|跟)[^{CLAUSE_MARKS}。]{{1,20}}(?<![在站连])(?:一道|一同|一起)"
    # at whose invitation, and not who comes: ``应新西兰议会议长布朗利、…和众议长迪克邀请`` (73 training headlines open
    # with such a frame, ``应习近平邀请 波兰总统将访华``; none is only one)
    rf"|应[^{CLAUSE_MARKS}。]{{1,40}}(?:的)?邀请"
)
#: A first clause that is only such a frame, before its mark (``正如前文所述，``, ``到目前为止，``), which
#: :func:`drop_leading_connective` drops.
_LEADING_BARE_FRAME = re.compile(rf"(?:{_HOW_FAR}|{_WHOSE_WORDS}|{_BESIDES_ALONE})[，,]")

#: Prepositions whose phrase is a place, a means or a basis, and no headline alone: ``在特首林郑月娥的母校…书院``,
#: ``透过公告的语理``.
_SETTING_PREPOSITIONS = frozenset(
    ["在", "由", "透过", "通过", "按照", "依照", "根据", "从", "向", "随着", "随著", "经过", "凭借", "沿着", "沿著",
     "围绕", "针对"]
)  # fmt: skip
_SETTING_PREPOSITION_OPENINGS = tuple(_SETTING_PREPOSITIONS)  # jieba only for a span that may open with one
#: An adverb that says "only" before a setting's preposition (``仅在塞尔维亚``, before ``，中国的…项目就…``).
_ONLY = re.compile(rf"^(?:仅仅|仅|只|单单?|光)(?={'|'.join(sorted(_SETTING_PREPOSITIONS, key=len, reverse=True))})")
#: Word classes of a preposition's object: nouns, places, times, numbers, measure words, 的, pronouns, marks, and
#: Latin words and digits (jieba without its HMM tags ``40`` of ``创刊40周年`` so).
_PREPOSITION_OBJECT_FLAGS = ("n", "s", "f", "t", "m", "q", "uj", "r", "x", "b", "j", "eng", "vn")
#: Conjunctions that join the nouns of one object, and the 等 that ends their list (``从 Twitter 和 Instagram 等``).
_JOINING_NOUNS = frozenset(["和", "与", "及", "以及", "或", "或者", "跟", "同", "等", "等等"])
#: A day a clause may open with before its setting: ``6月4日``, ``2019年6月4日``, ``昨日``.
_OPENING_DAY = re.compile(r"^(?:(?:\d{4}年)?\d{1,2}月\d{1,2}日|[今昨前]天|[今昨]日|当天|当日|日前|近日)")


def is_only_a_prepositional_phrase(span: str) -> bool:
    """Whether ``span`` is one clause that is only a preposition of :data:`_SETTING_PREPOSITIONS` and its
    object, with no verb, adjective or adverb anywhere (``透过公告的语理``, ``在医院``; ``由拯救人的角色`` is not
    judged: its verb may be the clause's), or only a document it names (``根据《…防控方案（第九版）》``).  jieba
    tags ``透过`` and ``通过`` verbs too, as they may be.  Of 185,533 training lines 28 are one, most of them
    section headings (``在医院``, ``在人权方面``).  A day it opens with is looked past
    (``6月4日透过律政司内部电邮系统``), and so is an adverb that says "only" (``仅在塞尔维亚``), and a verbal noun
    inside the object is a noun (``电邮``)."""
    span = _ONLY.sub("", _OPENING_DAY.sub("", span, count=1), count=1)
    if not span.startswith(_SETTING_PREPOSITION_OPENINGS) or any(mark in span for mark in CLAUSE_MARKS):
        return False
    # with HMM, which joins names jieba's dictionary lacks; a second 在 that jieba without it reads as a preposition
    # opens the clause's own setting (``由…主办的第十届香港道教节在香港伊利沙伯体育馆隆重开幕``: with the HMM
    # ``节在`` is a time word and ``隆重开幕`` a name)
    if span.find("在", 1) > 0:
        words = posseg().lcut(span, HMM=False)[1:]
        if any(word.word == "在" and word.flag == "p" for word in words):
            return False
    return _only_a_phrase(posseg().lcut(span))


def _only_a_phrase(words: Sequence[Any]) -> bool:
    """:func:`is_only_a_prepositional_phrase` of one jieba reading of the span."""
    if len(words) < 2 or words[0].word not in _SETTING_PREPOSITIONS or words[0].flag not in ("p", "v"):
        return False
    rest = words[1:]
    if rest[0].word == "《" and rest[-1].word == "》" and "》" not in "".join(w.word for w in rest[:-1]):
        return True  # ``根据《新型冠状病毒肺炎防控方案（第九版）》``: a document, whatever its title's words
    last = len(rest) - 1
    while last > 0 and (rest[last].word in ("等", "等等") or not rest[last].word.strip()):
        last -= 1  # ``从 Twitter 和 Instagram 等``: the list's last noun
    if words[0].word == "在" and _only_a_modified_place(rest):
        return True  # ``在智能手机市场增长最快的印度``: a verb inside the modifier, none outside it
    return (rest[last].flag.startswith(("n", "s", "f", "eng")) or _counted_verb(rest, last)) and all(
        word.flag.startswith(_PREPOSITION_OBJECT_FLAGS)
        or word.word in _JOINING_NOUNS
        or _counted_verb(rest, index)
        or _modifying_adjective(rest, index)
        for index, word in enumerate(rest)
    )


#: Word classes of the words after a 在 phrase's modifier: nouns, ending on a place (``…的印度``, ``…的会场上``).
_MODIFIED_PLACE_FLAGS = ("n", "s", "f", "j")
_MODIFIED_PLACE_END_FLAGS = ("ns", "s", "f")


def _only_a_modified_place(words: Sequence[Any]) -> bool:
    """Whether jieba's ``words`` (a 在 phrase's object) are a modifier without a locative, 的, and nouns that end
    on a place: whatever verbs the modifier has (``智能手机市场增长最快的印度``), the phrase still waits for its
    clause.  Not a place named before a verb phrase (``在 Twitter 上搜索…的内容``) nor another noun (``在中国
    做生意的第一课``, a heading's topic)."""
    de = max((index for index, word in enumerate(words) if word.word == "的"), default=-1)
    tail = words[de + 1 :]
    if de <= 0 or not tail or any(word.flag == "f" for word in words[:de]):
        return False
    nouns = all(word.flag.startswith(_MODIFIED_PLACE_FLAGS) for word in tail)
    return nouns and tail[-1].flag in _MODIFIED_PLACE_END_FLAGS


def _modifying_adjective(words: Sequence[Any], index: int) -> bool:
    """Whether jieba's ``words[index]`` is an adjective that modifies the noun after its 的 (``严格`` of
    ``在一个严格的隐私法时代``)."""
    return words[index].flag.startswith("a") and index + 1 < len(words) and words[index + 1].word == "的"


#: Measure words that count events: a verb counted by one names an event (``下一次补选``).
_EVENT_MEASURES = ("次", "场", "届", "轮")


def _counted_verb(words: Sequence[Any], index: int) -> bool:
    """Whether jieba's ``words[index]`` is a verb counted by a measure of :data:`_EVENT_MEASURES` right before
    it, and so names an event (``补选`` of ``在下一次补选``; not ``连降`` of ``在园人数三连降``)."""
    if index == 0 or words[index].flag != "v":
        return False
    before = words[index - 1]
    return before.flag.startswith(("m", "q")) and before.word.endswith(_EVENT_MEASURES)


def ends_as_a_modifier(span: str) -> bool:
    """Whether ``span`` ends with the particle 的 and has no copula 是 before it: it is a modifier whose noun
    it stops before (``明确表示「不招待普通话人士」的`` of ``…的，所思所感到底是什么？``, ``直接受到迁都计划影响的``),
    not a ``是…的`` sentence (``这些审查是在加拿大的技术帮助下实现的``).  80 of 184,206 training headlines and
    headings end so."""
    return span.endswith("的") and "是" not in span.replace("是否", "") and _last_word(span) == "的"


#: A last clause that only names the example the next one is told by (``他以消防类综艺节目为例``): 8 of 185,533
#: training lines end so, section headings that label an example (``以 Chimera 为例``).
EXAMPLE_FRAME = re.compile(rf"以[^{CLAUSE_MARKS}]{{1,30}}为例$")  # searched: the last clause, no mark after its 以


#: A turn of an interview, labelled by who speaks (``记者：今年以来就业形势总体如何``, ``答：…``): a question
#: is no headline, and an answer's words are spans of their own after the label.
_REPORTER_WITH_OUTLET = r"(?:[\u4e00-\u9fff]{1,6}?)?记者"  # with the outlet before it: ``财新记者：…``
INTERVIEW_TURN = re.compile(rf"^(?:{_REPORTER_WITH_OUTLET}|问|答|主持人|嘉宾)\s*[:：]")
#: The label of an interviewer's turn: what follows on that line is a question.
_INTERVIEWER_LABEL = re.compile(rf"(?:{_REPORTER_WITH_OUTLET}|问|主持人)\s*[:：]")
#: What someone was asked, without the answer: ``被问到政府会否实施强制措施暂停场所运作`` (the 31 training
#: headlines that open so, 30 give the answer after a space: ``被问会否做足5年　袁国强：…``).
ASKED_ONLY = re.compile(rf"(?:被|获)问(?![题责卷])(?:到|及)?[^{CLAUSE_MARKS}\s]+")
#: A question word alone (``为什么呢``, ``怎么办``): the span asks what the next sentence answers.
BARE_QUESTION = re.compile(
    r"(?:那么|那|但)?(?:为什么|为何|怎么办|怎么样|怎么回事|如何|什么|是什么|为啥)(?:呢|吗|啊)?[？?]?"
)


#: A reporter's question told in a sentence (``有记者问，…？``, ``一名外国记者提问：…？``).
_REPORTER_ASKED = re.compile(r"(?:有|一名|一位)?(?:外国|外媒)?记者(?:提问|问道|问)[，,：:]")


def asks_in_an_interview(window: str, start: int, end: int) -> bool:
    """Whether the span ``window[start:end]`` is an interviewer's question: it is on a line that opens with an
    interviewer's label, or in a sentence that opens with a reporter asking (``有记者问，``), and stops at the
    question mark (``今年以来就业形势总体如何`` of ``记者：今年以来就业形势总体如何？``, ``…中方对此有何回应`` of
    ``有记者问，有西方媒体报道称…，中方对此有何回应？``).  The question's other clauses may carry the news
    (``问：据报道，一名亚投行的加拿大籍员工辞职，…？``)."""
    if window[end : end + 1] not in QUESTION_MARKS:
        return False
    line_start = window.rfind("\n", 0, start) + 1
    if _INTERVIEWER_LABEL.match(window, line_start) is not None:
        return True
    return _REPORTER_ASKED.match(window, sentence_start(window, start)) is not None


#: Words that make a sentence a question, asked or doubted (``…众多传媒为何整日不停、煞有介事，讲「投票率」高？``).
_QUESTION_WORD = re.compile(r"为何|为什么|为啥|怎么|怎会|难道|何必|何以|岂|凭什么|是否|有没有|有无|会否|能否|可否")


def drops_its_question(window: str, start: int, end: int) -> bool:
    """Whether the span ``window[start:end]`` stops at a question mark and leaves out the question word that
    comes before it in its sentence: ``讲「投票率」高`` of ``…众多传媒为何整日不停、煞有介事，讲「投票率」高？``
    tells as fact what the writer doubts."""
    if window[end : end + 1] not in QUESTION_MARKS or _QUESTION_WORD.search(window, start, end) is not None:
        return False
    return _QUESTION_WORD.search(window, sentence_start(window, start), start) is not None


#: Words that open a sentence about how things were before (``以往双程证人士及难民因没有身份证，未被纳入…``).
_FORMERLY = re.compile(r"\s*(?:以往|过去|以前|原本|原先|从前|昔日|往日)(?!的|几|[一二三四五六七八九十两数\d])")


def drops_its_past(window: str, start: int, end: int) -> bool:
    """Whether the span ``window[start:end]`` comes after the opening clause of a sentence about how things were
    before and leaves that word out: ``未被纳入疫苗接种计划`` of ``以往双程证人士及难民因没有身份证，未被纳入疫苗接种
    计划。``, in a report that they now are, tells the former state as the present one."""
    begin = sentence_start(window, start)
    return begin < start and _FORMERLY.match(window, begin) is not None


_CLAUSE_BREAK = set(_EDGE_PUNCT + "。！？!?；;\n") - set(" 　·—")


_NUMBER_WORD = re.compile(r"[\d.．,]*\d")
#: What may follow a number inside one quantity: more digits, a unit or measure word (any Han
#: character: ``亿美元``, ``万台``, ``年``, ``例``), a percent sign, a range dash, a ratio colon.
_NUMBER_GOES_ON = re.compile(r"[\d.．%％\u3400-\u9fff—–\-~～∶]")
#: A unit written after a space: ``1921 年``, ``1.00 mL``, ``5 %``.
_UNIT_AFTER_SPACE = re.compile(r"[\u3400-\u9fffA-Za-z%％]")


def cuts_a_number(word: str, following: str) -> bool:
    """Whether a span ending with ``word`` would cut a quantity short: ``…超过1300`` before ``亿美元``,
    ``…禁赛8`` before ``年``, ``…1921`` before `` 年`` or ``1.00`` before `` mL`` (a space between number and
    unit); ``following`` is the text after ``word`` (its first two characters are looked at)."""
    if not _NUMBER_WORD.fullmatch(word):
        return False
    if following[:1] == " ":
        return bool(_UNIT_AFTER_SPACE.match(following[1:2]))
    if following[:1] in ":：" and following[1:2].isdigit():
        return True  # a ratio or a time (``74:1``, ``10：30``)
    return bool(_NUMBER_GOES_ON.match(following[:1]))


@lru_cache(maxsize=256)
def word_boundaries(window: str, mode: str = "clause") -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Character offsets where a span may start and end.

    ``mode="word"``: any jieba word start/end.  ``mode="clause"``: spans start where a clause starts
    (after ``，；：。`` … and the closing marks right after them: ``…努力。”中国经济…`` starts at ``中``) and end
    where a clause ends, or at a word end inside a clause too long to fit;
    never between a number and its unit (:func:`cuts_a_number`), nor at a comma that groups a number's
    digits (``23,500``) or a ratio's colon (``74:1``), nor at a hyphen inside a name (:func:`_at_a_joining_hyphen`).
    """
    starts: list[int] = []
    ends: list[int] = []
    position = 0
    clause_start = 0
    grouping = _marks_inside_numbers(window)
    for word in jieba().lcut(window, HMM=True):
        at_clause_start = all(c in _CLAUSE_BREAK or c.isspace() for c in window[clause_start:position])
        if at_clause_start and word and all(c in CLOSING for c in word):
            # ``…努力。”中国经济…``: the quotation the last sentence closed; the next clause starts after it
            position += len(word)
            clause_start = position
            continue
        after_grouping = position - 1 in grouping
        if (
            word
            and word[0] not in _NO_EDGE
            and not word.isspace()
            and (mode == "word" or at_clause_start)
            and not after_grouping
        ):
            starts.append(position)
        position += len(word)
        next_char = window[position] if position < len(window) else "\n"
        clause_end = next_char in _CLAUSE_BREAK and position not in grouping
        long_clause = position - clause_start > MAX_SPAN_CHARS // 2
        if (
            word
            and word[-1] not in _NO_EDGE
            and not word.isspace()
            and (mode == "word" or clause_end or long_clause)
            and not cuts_a_number(word, window[position : position + 2])
            and not _at_a_joining_hyphen(window, position)
        ):
            ends.append(position)
        if word and word[-1] in _CLAUSE_BREAK and position - 1 not in grouping:
            clause_start = position
    return tuple(starts), tuple(ends)


#: Hyphens that join the parts of one name (``戈尔诺－巴达赫尚自治州``, ``Rolls-Royce``).
_JOINING_HYPHENS = "-－‐‑"


def _at_a_joining_hyphen(window: str, position: int) -> bool:
    """Whether ``position`` lies just before or after a single hyphen between two letters or Han characters:
    a span that ended there would print part of a name (``…赴塔吉克斯坦戈尔诺`` of ``戈尔诺－巴达赫尚自治州``)."""
    for hyphen in (position, position - 1):
        if 0 < hyphen < len(window) - 1 and window[hyphen] in _JOINING_HYPHENS:
            before, after = window[hyphen - 1], window[hyphen + 1]
            if before.isalpha() and after.isalpha():
                return True
    return False


def _marks_inside_numbers(window: str) -> frozenset[int]:
    """Positions of commas that group a number's digits (``23,500``) and of colons inside a ratio or a time
    (``74:1``, ``10：30``): no clause ends there, and no span starts after one (``500个螺丝头…`` of
    ``23,500个螺丝头…`` states another number; ``…之比约74`` of ``…之比约74:1``, a dev section's line of the
    eighty-first session, another ratio)."""
    return frozenset(match.start() for match in re.finditer(r"(?<=\d)(?:[,，](?=\d{3}(?!\d))|[:：∶](?=\d))", window))


@dataclass(frozen=True)
class Span:
    """A span ``[start, end)`` of a text window, its trimmed text, and (for the oracle) its ROUGE-L F1."""

    start: int
    end: int
    text: str
    score: float = 0.0


def span_allowed(window: str, start: int, end: int) -> bool:
    """Whether ``window[start:end]`` may be a headline span: length limits, no sentence end inside."""
    if not MIN_SPAN_CHARS <= end - start <= MAX_SPAN_CHARS:
        return False
    return not any(c in _SENTENCE_END for c in window[start:end])


_PAIRS = dict(zip(_OPEN_MARKS, _CLOSE_MARKS, strict=True))


def balanced_marks(text: str, pairs: Mapping[str, str] = _PAIRS) -> bool:
    """Whether the marks of ``pairs`` (opener → closer; default: all quote marks and brackets) open and
    close inside ``text`` (``“示范带动`` does not)."""
    closers = set(pairs.values())
    stack: list[str] = []
    for char in text:
        if char in pairs:
            stack.append(pairs[char])
        elif char in closers and (not stack or stack.pop() != char):
            return False
    return not stack


#: A title in ASCII angle brackets, as abstracts write them (``布哈林文集<社会主义之路>``): Han text inside, no
#: ``=``, clause mark or bracket (not ``P<0.05),…>``).
_ANGLE_TITLE = re.compile(r"<(?=[^<>]*[\u4e00-\u9fff])[^<>=，,；;。()（）]{1,30}>")


def allowed_spans(window: str, mode: str = "clause") -> list[tuple[int, int]]:
    """Every ``(start, end)`` a headline span of ``window`` may have.

    Boundaries from :func:`word_boundaries`, 4–40 characters, no sentence end inside, and quote marks
    and brackets balanced (a span never cuts a quotation or a book title in half), the straight ASCII
    ``"`` included (an even number of them: ``提出了"台湾`` is not a span), and no span starts or ends inside a
    title in ASCII angle brackets (:data:`_ANGLE_TITLE`).
    """
    starts, ends = word_boundaries(window, mode)
    titles = [(title.start(), title.end()) for title in _ANGLE_TITLE.finditer(window)]
    end_set = {end for end in ends if not any(opens < end < closes for opens, closes in titles)}
    spans = []
    for start in starts:
        if any(c in _SENTENCE_END for c in window[start : start + MIN_SPAN_CHARS - 1]):
            continue  # a sentence ends within the shortest span from here
        if any(opens < start < closes for opens, closes in titles):
            continue  # inside a title in angle brackets
        for end in range(start + MIN_SPAN_CHARS, min(len(window), start + MAX_SPAN_CHARS) + 1):
            if window[end - 1] in _SENTENCE_END:
                break
            if end in end_set and closes_its_marks(window[start:end]):
                spans.append((start, end))
    return spans


def span_f1(window: str, reference: str, spans: list[tuple[int, int]]) -> np.ndarray:
    """Character ROUGE-L F1 of each span of ``window`` against ``reference`` (spaces ignored).

    The LCS is computed for all span starts at once and extended one character at a time, so all spans
    cost ``O(MAX_SPAN_CHARS)`` vector steps for a reference of up to 64 characters (bit-parallel LCS,
    :func:`_lcs_by_length_bits`) and ``O(MAX_SPAN_CHARS × len(reference))`` for a longer one.
    """
    ref = [c for c in reference if not c.isspace()]
    if not spans or not ref:
        return np.zeros(len(spans))
    starts = np.array(sorted({s for s, _ in spans}))
    row_of = {int(s): i for i, s in enumerate(starts)}
    longest = max(e - s for s, e in spans)
    padded = window + "\0" * (longest + 1)
    if len(ref) <= _BIT_PARALLEL_CHARS:
        lcs_by_length = _lcs_by_length_bits(padded, ref, starts, longest)
    else:
        lcs_by_length = _lcs_by_length_table(padded, ref, starts, longest)
    lcs = np.array([lcs_by_length[row_of[s], e - s] for s, e in spans])
    lengths = np.array([e - s for s, e in spans])
    return 2.0 * lcs / (lengths + len(ref))


#: References up to this long fit one machine word per span start (:func:`_lcs_by_length_bits`).
_BIT_PARALLEL_CHARS = 64


def _lcs_by_length_bits(window: str, ref: list[str], starts: np.ndarray, longest: int) -> np.ndarray:
    """LCS of ``ref`` with ``window[start : start + k]`` for every start and k ≤ ``longest`` (Hyyrö's
    bit-parallel LCS: one bit per reference character, all starts side by side in uint64 words)."""
    match: dict[str, int] = {}
    for position, char in enumerate(ref):
        match[char] = match.get(char, 0) | (1 << position)
    masks = np.array([match.get(char, 0) for char in window], dtype=np.uint64)
    full = np.uint64((1 << len(ref)) - 1)
    v = np.full(len(starts), full, dtype=np.uint64)
    lcs_by_length = np.zeros((len(starts), longest + 1), dtype=np.int32)
    for k in range(1, longest + 1):
        u = v & masks[starts + k - 1]
        v = ((v + u) | (v - u)) & full  # uint64 arithmetic wraps: the carry out of the top bit is dropped
        lcs_by_length[:, k] = len(ref) - np.bitwise_count(v)
    return lcs_by_length


def _lcs_by_length_table(window: str, ref: list[str], starts: np.ndarray, longest: int) -> np.ndarray:
    """:func:`_lcs_by_length_bits` for any reference length, by the dynamic-programming table."""
    codes = np.array([ord(c) for c in window])
    ref_codes = np.array([ord(c) for c in ref])
    m = len(ref_codes)
    lcs_by_length = np.zeros((len(starts), longest + 1), dtype=np.int32)
    previous = np.zeros((len(starts), m + 1), dtype=np.int32)
    for k in range(1, longest + 1):
        chars = codes[starts + k - 1]
        current = np.zeros_like(previous)
        for j in range(1, m + 1):
            hit = chars == ref_codes[j - 1]
            current[:, j] = np.where(hit, previous[:, j - 1] + 1, np.maximum(previous[:, j], current[:, j - 1]))
        previous = current
        lcs_by_length[:, k] = current[:, m]
    return lcs_by_length


def oracle_span(text: str, reference: str, mode: str = "clause") -> Span | None:
    """The allowed span of the first :data:`SPAN_WINDOW_CHARS` characters with the best ROUGE-L F1."""
    window = span_window(text)
    spans = allowed_spans(window, mode)
    if not spans or not reference.strip():
        return None
    scores = span_f1(window, reference, spans)
    best = int(scores.argmax())
    start, end = spans[best]
    return Span(start, end, trim_span(window[start:end]), float(scores[best]))
