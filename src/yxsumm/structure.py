"""Article structure: title, abstract, sections with their headings, and what was removed.

``parse_article`` works on the normalised text one line (paragraph) at a time.  Every line ends up
in exactly one place: the title, the abstract, a section heading, a section body, or ``removed``
with the reason it was taken out (``caption``, ``byline``, ``tail``, ``boilerplate``, ``html``).
Headings are found by layout and wording cues, never by a list of words of one article.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from .chinese import EMOJI_RANGES
from .deadline import check_time
from .errors import InputError, ModelLoadError
from .heading_detector import HeadingDetector, default_heading_detector, default_structure_path, select_headings
from .heading_features import (
    FEATURE_NAMES,
    Candidate,
    candidate_features,
    group_candidates,
    is_list_item,
    join_heading_lines,
)
from .heading_features import NUMBERED_HEADING as _NUMBERED_HEADING
from .heading_features import ends_sentence as _ends_sentence
from .normalize import html_to_text, looks_like_html, normalize_text
from .script import Script, detect_script
from .sentences import split_sentences
from .spans import reads_as_attribution

#: Section sizes (characters) used when an article has no headings of its own.
MIN_SECTION_CHARS = 150
MAX_SECTION_CHARS = 600
#: A section of its own (after a heading, or the lead) longer than this many times MAX_SECTION_CHARS
#: is split at paragraphs like text without headings.
LONG_SECTION_FACTOR = 3

_WORD = re.compile(r"[^\W_]")
_ABSTRACT = re.compile(r"^(?:\[(?:摘要|导读|提要)\]|【(?:摘要|导读|提要)】|(?:摘要|导读|提要)[:：])\s*")
_BYLINE_ROLE = (
    r"(?:策划|撰文|文字|文|图|图文|文图|文/图|图/文|摄影|摄像|记者|本报记者|通讯员|编辑|责任编辑|责编|"
    r"校对|审核|审校|作者|美编|制图|监制|出品|统筹|视频|采写|编译|整理|主编|来源|视频编辑|文字编辑|图片编辑|网络编辑|访问|"
    # a video's credits (``采访：周满铿、郑卓伶``, ``拍摄、剪接：黎家威``; since the seventy-first session)
    r"采访|拍摄|剪接|剪辑|后期|翻译|插画|"
    # a book's particulars (``出版社：上海科技教育出版社``, printed as a headline; since the seventy-first session)
    r"出版社|出版时间|出版日期|出版年|译者)"
)
#: A byline: one role or several (``【撰文、访问：钟智豪、周思中…／图： Kensa Hung】``), then its names.
_BYLINE = re.compile(rf"^[*(（【\[]?{_BYLINE_ROLE}(?:\s*[、,，]\s*{_BYLINE_ROLE})*\s*[/／:：|｜丨]")
#: One role and its name: ``文/ 林佩怡``, ``文/Francine Stone``, ``编辑/方钰钧``.
_CREDIT = (
    rf"{_BYLINE_ROLE}\s*[/／|｜丨:：]\s*"
    r"(?:[\u4e00-\u9fff·]{2,5}|[A-Za-z][A-Za-z.\-']*(?:[ \u00a0][A-Za-z][A-Za-z.\-']*){0,3})"
)
#: Credits that open a paragraph, before its first sentence (``文/ 陈善恩 编辑/方钰钧 近日，…``).
#: The text must not go on in Latin letters: ``作者：Wai Kai Hou and others …`` is a list of authors.
_BYLINE_PREFIX = re.compile(rf"^[(（【\[]?{_CREDIT}(?:\s+{_CREDIT})*\s+(?=[^\sA-Za-z])")
#: Text that must follow such credits for them to be split off (shorter lines are bylines as a whole).
_MIN_TEXT_AFTER_CREDITS = 20
#: A contact line: an address hidden by a site's e-mail protection (``[[email protected]](…/email-protection)``,
#: however long its link), an e-mail address, a telephone number or opening hours alone, maybe after its label
#: (``电邮：``); not a
#: line that goes on after it (a chat log quoted in an article: ``[email protected] < wangdachui> 是…``).
_CONTACT = re.compile(
    r"^(?:(?:电邮|電郵|邮箱|郵箱|电子邮件|電子郵件|Email|E-mail)\s*[:：]\s*)?(?:\[?\[email[\s\u00a0]*protected\]\]?(?:\([^()\s]*\))?|[A-Za-z0-9._+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+)\s*[;；,，.。]?$"
    # a telephone or fax number on a line of its own (``电话：2979 0380``)
    r"|^(?:电话|电話|传真|傳真|热线|熱線|查询电话|Tel|Fax)\s*[:：]\s*[\d\s\-+()（）]{6,20}[;；,，.。]?$"
    # opening hours (``营业时间：朝十晚七``, printed as a section's line; 33 lines of the corpora), one short line
    r"|^(?:营业时间|營業時間|开放时间|開放時間)\s*[:：][^。！？!?]{0,60}$"
)
#: A note on who the author is, set after the byline: ``*作者为香港珠海学院新闻及传播学系前系主任*``.
_AUTHOR_NOTE = re.compile(r"^[*(（【\[]?(?:作者|笔者)(?:为|是|系|现为|现任|曾任)")
_REPORTER = re.compile(
    r"^[(（]?(?:本报|新华社|人民网|中新网|央视网)?(?:记者|通讯员|特约记者)\s*[\u4e00-\u9fff· ]{2,20}[)）]?$"
)
_BOILERPLATE = re.compile(
    r"^(?:[(（【\[]?(?:责任编辑|责编|编辑|来源|原标题|图片来源|资料图片?|图片由.{1,12}提供|本文来源|版权声明|声明)"
    r"|\*?原[刊刋载]|[(（]原[刊刋载][^()（）]*[)）]\s*$"  # ``(原刊 作者Facebook ）``, a line of its own
    r"|\*?本文(?:原载|原刊|原刋|转载|获授权|首见于|首发于|首刊于|首载于)|(?:注[:：]\s*)?本文(?:只|仅)代表"
    # where the piece first appeared (原文刊载于笔者Facebook, 英文原文刊登于…, 本文最初发表于…博客)
    r"|(?:编按[:：]\s*)?(?:英文)?原文(?:发表|刊登|刊载|首发|载)于|本文最初(?:发表|刊登|刊载)于"
    # a site's appeal for subscriptions or donations (请支持《众新闻》…, 2) Paypal帐户：…)
    r"|请支持《[^》]{1,12}》|请加入成为.{1,8}的月费订户|月费订户\s*网址|如果你认为我们的内容|\d[)）]\s*Paypal"
    r"|Anonymous\s*[(（]未验证[)）]$|[—\-－\s（(]*未完待续[—\-－\s）)]*$"
    r"|(?:点击|扫码|扫描二维码|长按|关注|分享到|返回搜狐|查看更多)|相关阅读$|相关新闻$|延伸阅读$|(?:（完）|\(完\)|【完】)$"
    # a link to another article (相关报道：…, 延伸阅读：《…》), and an interview's legend (问：记者　黎：黎照昌)
    r"|(?:相关文章|相关报道|相关新闻|相关阅读|延伸阅读|推荐阅读)\s*[:：]"
    # a line that is a link to another article (如果您错过了《…》, 不要错过《…》, or a title set off by spaces inside
    # its brackets, 推荐这份调查《 “如果你不偏执，那就是疯了” 》): of the 4,891 such lines of the oped2 training
    # articles 11 are marked as headings, of hkcnews's 4 none
    r"|(?:不要错过|如果您错过了|如果你错过了|详见|更多见|推荐报告|另见|参见)\s*[:：]?\s*《[^》]+》\s*$"
    r"|[^。！？]{0,30}《\s[^》]*\s》[^。！？《]{0,10}$"
    # who said the quote above it (——白桦《苦恋》, —— Twitter - 李南心 @linanxin1983); a framed heading
    # (—— 结论 ——) ends with its dash
    r"|——\s*(?=.*(?:《|@))[^—]{1,50}$"
    r"|问\s*[:：]\s*\S{1,12}\s+\S{1,3}\s*[:：]\s*\S{1,12}$)"
)
#: A blog's share box and likes (WordPress: 共享此文章：/ 赞过：/ Tagged) and a site's appeal for donations
#: followed by the ways to give (众新闻众筹呼吁： / 1. 到…众筹平台捐款) end the text wherever they stand; the
#: other tail markers only in the second half of the lines (a short article's box can be half of it).
_SHARE_BOX_WORDS = r"共享此文章|分享此文章?|分享这篇文章|赞过|Tagged|Share this|Like this|(?:众新闻)?众筹呼吁"
_SHARE_BOX = re.compile(rf"^(?:{_SHARE_BOX_WORDS})[:：]?$", re.IGNORECASE)
#: A reading site's paywall notice and its links to other publications (``You’ve hit the wall.`` before
#: ``风高浪急`` and ``Related``; ``No More.`` before ``MORE``, ``View``, ``Published since September 1843``) open its
#: tail too: 177 and 38 of the 4,892 oped2 training and dev articles end so.
_TAIL_MARKERS = re.compile(
    r"^(?:新闻推荐|相关推荐|推荐阅读|热点推荐|猜你喜欢|更多新闻|往期回顾|精彩推荐|相关阅读|相关新闻|延伸阅读|相关|Related"
    rf"|You[’']ve hit the wall\.?|No More\.?|{_SHARE_BOX_WORDS}"
    r"|【[^】]{0,30}(?:其他|其它|更多|相关)(?:文章|报道)】)[:：]?$",  # ``【特首战局系列其他文章】``
    re.IGNORECASE,
)


def require_words(text: str) -> None:
    """Raise :class:`~yxsumm.InputError` when ``text`` has no letter or digit (only punctuation and symbols)."""
    if not _WORD.search(text):
        raise InputError("the text has no words: only punctuation and symbols")


def is_tail_marker(line: str) -> bool:
    """Whether ``line`` opens a page's tail: ``新闻推荐``, ``相关阅读``, a blog's ``共享此文章：``, ``相关`` or a
    paywall notice (``You’ve hit the wall.``)."""
    return bool(_TAIL_MARKERS.match(line.strip()))


_CAPTION = re.compile(r"^(?:图为|▲|△|►|图\d*[:：]|\[图\]|【图】|（图|\(图|上图|下图|左图|右图|配图)")
#: A photo caption that ends in its credit: ``…(何君健摄)``, ``… 新华社记者 李贺 摄``, ``… 图/法新社``,
#: ``… 图：美联社/reporters`` (Simplified or Traditional).
_CAPTION_CREDIT = re.compile(
    r"(?:[（(]\s*(?:[^（()）]{0,20}\s)?(?:[\u4e00-\u9fff·]{2,8}|[A-Za-z][A-Za-z .]{1,30})\s*[摄攝]影?\s*[）)]"
    r"|(?:^|\s)(?:(?:新华社|新華社|中新社)?[记記]者\s*)?[\u4e00-\u9fff·]{2,8}(?<!拍)\s?[摄攝]"
    r"|(?:^|[\s（(])[图圖]片?(?:来源|來源)?\s*[/／:：]\s*[^\s。！？]{1,30}[）)]?)$"
)
#: Consecutive heading-like lines this short (e.g. a heading set over three lines) form one heading.
_JOINED_LINE_CHARS = 7
_NAMES_LINE = re.compile(r"^[\u4e00-\u9fff]{2,4}(?: [\u4e00-\u9fff]{2,4}){0,4}$")


@dataclass(frozen=True)
class Section:
    """One section: its original heading (or None), its body text, and its span in the normalised text."""

    heading: str | None
    text: str
    start: int
    end: int


#: Why a part of the input was kept out of every summary.
RemovalReason = Literal["caption", "byline", "tail", "boilerplate", "html"]


@dataclass(frozen=True)
class Removed:
    """A part of the input kept out of every summary, and why (unpacks as ``reason, text``)."""

    reason: RemovalReason
    text: str

    def __iter__(self) -> Iterator[str]:
        return iter((self.reason, self.text))


@dataclass(frozen=True)
class Article:
    """A structured article (see :func:`parse_article`)."""

    title: str | None
    abstract: str | None
    sections: list[Section]
    removed: list[Removed] = field(default_factory=list)
    script: Script = "simplified"

    def to_dict(self) -> dict[str, Any]:
        """A JSON-serialisable dict of the article (removed parts as ``{"reason", "text"}``)."""
        return asdict(self)

    @property
    def body(self) -> str:
        """All section texts joined by blank lines (no headings, captions, bylines or tails)."""
        return "\n".join(section.text for section in self.sections)


@dataclass
class _Line:
    text: str
    start: int
    end: int
    role: str = "body"  # body | title | abstract | heading | caption | byline | tail | boilerplate
    marked: bool = False  # a Markdown heading (``## …``, ``**…**``) or an HTML h1–h6 element


#: Markdown heading markup: ``## text`` (ATX) or a line that is all bold.
_MARKDOWN_HEADING = re.compile(r"^(?:#{1,6}\s+(?P<atx>.+?)(?:\s+#+)?|\*\*(?P<bold>[^*]+)\*\*|__(?P<under>[^_]+)__)$")

#: How headings are found: ``"auto"`` (the shipped detector, or the rules without it), ``"rules"``,
#: ``"model"`` (the shipped detector, an error without it) or a :class:`HeadingDetector`.
HeadingMode = Literal["auto", "rules", "model"] | HeadingDetector


def _sentence_count(text: str) -> int:
    return sum(1 for s in split_sentences(text) if s.strip())


def _is_heading_shape(text: str, max_chars: int = 30) -> bool:
    """Short, not a sentence, not an aside in brackets, not an introduction to what follows."""
    if _NUMBERED_HEADING.match(text):
        return (len(text) <= 40 and not _ends_sentence(text)) or bool(re.match(r"^【[^】]+】$", text))
    if len(text) > max_chars or len(text) < 2 or _ends_sentence(text):
        return False
    if text[-1] in "，,、（(“「《" or text[0] in "（(*#|-" or (text[-1] in "：:" and len(text) > 12):
        return False
    if text[0] in "「“" and text.rstrip("）)").endswith(("」", "”")) and re.search(r"[。！？，]", text):
        return False  # a pull quote
    if len(re.findall(r"[\w\u4e00-\u9fff]", text)) < 2 or len(re.findall(r"\d+[.．、] ?\S", text)) > 1:
        return False
    if re.search(r"(?:https?://|www\.|\.com|@\w+\.)", text):
        return False
    return not re.fullmatch(r"[\d\s.:/年月日时分-]+", text)


def _split_lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    offset = 0
    for raw in text.split("\n"):
        markup = _MARKDOWN_HEADING.match(raw)
        content = markup and next(group for group in markup.groups() if group is not None).strip()
        if content:
            start = offset + raw.index(content)
            lines.append(_Line(content, start, start + len(content), marked=True))
        else:
            lines.extend(_credits_split_off(raw, offset))
        offset += len(raw) + 1
    return [line for line in lines if line.text]


def _credits_split_off(raw: str, offset: int) -> list[_Line]:
    """The line ``raw`` (at ``offset``), as two lines when it opens with credits before its text
    (``文/Francine Stone 六四事件25周年即将到来，…``): the credits become a line of their own, which
    :func:`_mark_noise` removes as a byline, so that they never reach a summary."""
    credits = _BYLINE_PREFIX.match(raw)
    if credits is None or len(raw) - credits.end() < _MIN_TEXT_AFTER_CREDITS:
        return [_Line(raw, offset, offset + len(raw))]
    byline = raw[: credits.end()].rstrip()
    return [
        _Line(byline, offset, offset + len(byline)),
        _Line(raw[credits.end() :], offset + credits.end(), offset + len(raw)),
    ]


#: An interviewer's question (``记者：今年以来就业形势总体如何？``): text of the interview, not a byline.
_QUESTION_END = re.compile(r"[？?]\s*$")
#: Words of a line that speaks to or as a person (not a photo caption).
_PERSONAL = re.compile(r"[我你您咱]|大家")

#: A show's greeting when it is all of its line (``大家好，2022年7月17日星期日，欢迎收看第459期睡前消息，
#: 请静静介绍话题。``, ``大家好，我是小黛，欢迎来到第221期参考信息。``, ``大家好``): a transcript's furniture.
_SHOW_GREETING = re.compile(
    r"(?:[^。！!？?]{0,8}[，,]\s*)?大家好[！!。，,~～\s]*"
    r"(?:[^。！!？?]{0,40}欢迎(?:收看|收听|观看|来到|回到)[^。！!？?]{1,30}[。！!~～]?)?"
)
#: A show's sign-off, opening its line (``好，44期睡前消息到此结束，感谢各位收看，我们周五再见。``,
#: ``今天就聊到这里。…我们下期再见。``, ``好的，本期参考信息就是这些，我们下期再见。``): what follows it in the line
#: is about the show (where to follow it, when it is back), so the whole line is furniture.  The two match 83 lines
#: of the dev and test ``bedtime_sections`` (all furniture when read) and none of the other dev or test sets'.
_SHOW_SIGN_OFF = re.compile(
    r"(?:好[的了吧]?[，,！!]?\s*)?(?:感谢(?:各位|大家|您)?的?(?:收看|收听|观看|捧场)[，,！!。]\s*)?"
    r"(?:《[^》]{1,12}》)?(?:今天的?|本期|这期|第?[\d一二三四五六七八九十百千]+期)[^，,。！!？?]{0,12}?"
    r"(?:到此结束|就到这里|就聊到这里|就是这些)(?=.*(?:再见|感谢|收看|收听|观看|关注|转发|公众号|下期|节目))"
)


#: A line that asks the reader to follow the author elsewhere: ``Follow instagram.com/ innerjourney.hk``,
#: ``Like 灵心旅程 Facebook fb.me/hk.innerjourney``, ``追踪 笔者Facebook`` (the train, dev and test
#: texts, 44 lines all of one column; not ``Follow The Money: A digital Guide…``, a title).
_SOCIAL_PLUG = re.compile(
    rf"(?:[{EMOJI_RANGES}]\s*)*"  # an emoji before it: ``💛Follow instagram.com/…``
    r"(?:Follow|Like|Subscribe|追踪|关注|订阅)\s*(?:[^\s，。：:]{1,12}\s*)?"
    r"(?:Instagram|Facebook|YouTube|Twitter|IG|FB|(?:instagram|youtube|facebook|fb|shorturl)\.\S+)(?:\s+[\x21-\x7e]+)?\s*\|?",
    re.I,
)


def _credit_role(text: str) -> Literal["byline", "boilerplate"] | None:
    """``"byline"`` for a byline or reporter line, ``"boilerplate"`` for a boilerplate line, judged on the
    line's text alone (:func:`_mark_noise` marks them so), else None."""
    credited = (_BYLINE.match(text) or _AUTHOR_NOTE.match(text)) and len(text) <= 60 and not _QUESTION_END.search(text)
    if credited or _REPORTER.match(text) or _CONTACT.match(text):
        return "byline"
    if _BOILERPLATE.match(text) and len(text) <= 80:
        return "boilerplate"
    if _SHOW_GREETING.fullmatch(text) or _SHOW_SIGN_OFF.match(text) or _SOCIAL_PLUG.fullmatch(text):
        return "boilerplate"
    return None


def _body_follows(lines: list[_Line], index: int) -> bool:
    """Whether a body paragraph comes at or after ``index``, past bylines, boilerplate and teaser-tail
    markers: a block of short lines before it can be photo captions; short paragraphs followed only by a
    subscription notice are the body itself (``请加入成为众新闻的月费订户…``)."""
    return any(_credit_role(line.text) is None and not is_tail_marker(line.text) for line in lines[index:])


def _mark_front_matter(lines: list[_Line], removed: list[Removed]) -> tuple[str | None, str | None, int]:
    """Find title, abstract and the caption block before the body; return (title, abstract, first body index)."""
    title = abstract = None
    index = 0
    first = lines[0].text
    if (
        len(lines) > 1
        and len(first) <= 40
        and not _ends_sentence(first)
        and first[-1] not in "，,、：:;；"
        and not any(p.match(first) for p in (_ABSTRACT, _BYLINE, _REPORTER, _BOILERPLATE, _NUMBERED_HEADING))
        and not _CAPTION_CREDIT.search(first)
        and (len(lines[1].text) > len(first) or _ABSTRACT.match(lines[1].text))
    ):
        lines[0].role = "title"
        title = first
        index = 1
    for probe in range(index, min(index + 2, len(lines))):
        match = _ABSTRACT.match(lines[probe].text)
        if match:
            lines[probe].role = "abstract"
            abstract = lines[probe].text[match.end() :].strip() or None
            if match.group(0).strip():
                removed.append(Removed("boilerplate", match.group(0).strip()))
            index = probe + 1
            break
    # A block of short one-sentence lines right after the title/abstract and before the first
    # long paragraph: photo captions.  Without a title or abstract line (a pasted body), only a block
    # of at least 4 sentences of at most 40 characters each, none addressing the reader (captions
    # describe a photo; ``大家好，…`` opens a talk), before a paragraph of 100 or more.
    block_end = index
    while block_end < len(lines) and len(lines[block_end].text) <= 60 and _sentence_count(lines[block_end].text) <= 1:
        block_end += 1
    # Bylines among them are no captions (:func:`_mark_noise` removes them as bylines).
    block = [line for line in lines[index:block_end] if _credit_role(line.text) != "byline"]
    captions_shaped = bool(title or abstract) or (
        len(block) >= 4
        and all(
            len(line.text) <= 40 and _ends_sentence(line.text) and not _PERSONAL.search(line.text) for line in block
        )
        and block_end < len(lines)
        and len(lines[block_end].text) >= 100
    )
    if (
        captions_shaped
        and len(block) >= 2
        and _body_follows(lines, block_end)
        and not any(_NUMBERED_HEADING.match(line.text) for line in block)
        and sum(_ends_sentence(line.text) for line in block) >= len(block) / 2
    ):
        for line in block:
            line.role = "caption"
    return title, abstract, index


def _mark_noise(lines: list[_Line], start: int) -> None:
    """Mark bylines, boilerplate, captions and the teaser tail."""
    tail_from = None
    for i in range(start, len(lines)):
        line = lines[i]
        if line.role != "body":
            continue
        text = line.text
        if is_tail_marker(text) and i >= start + 1 and (i >= len(lines) * 0.5 or _SHARE_BOX.match(text)):
            tail_from = i
            break
        credit = _credit_role(text)
        if credit is not None:
            line.role = credit
        elif (_CAPTION.match(text) and len(text) <= 120) or (_CAPTION_CREDIT.search(text) and len(text) <= 150):
            line.role = "caption"
        elif (
            i > start
            and lines[i - 1].role == "byline"
            and _NAMES_LINE.match(text)
            and (" " in text or " " in lines[i - 1].text)
            and not lines[i - 1].text.rstrip().endswith(("】", "）", ")", "]"))  # a bracketed byline is whole
        ):
            line.role = "byline"  # a byline's second line of names
    if tail_from is not None:
        for line in lines[tail_from:]:
            line.role = "tail"


def _mark_headings(lines: list[_Line], start: int) -> list[tuple[int, int]]:
    """Find heading runs (1–3 short lines directly followed by body text); returns [start, end) runs."""
    runs: list[tuple[int, int]] = []
    body = [i for i in range(start, len(lines)) if lines[i].role == "body"]
    position = 0
    while position < len(body):
        i = body[position]
        if not _is_heading_shape(lines[i].text):
            position += 1
            continue
        run = [i]
        while (
            len(run) < 3
            and position + len(run) < len(body)
            and body[position + len(run)] == run[-1] + 1
            and len(lines[run[-1] + 1].text) <= _JOINED_LINE_CHARS
            and len(lines[run[0]].text) <= _JOINED_LINE_CHARS
            and _is_heading_shape(lines[run[-1] + 1].text)
        ):
            run.append(run[-1] + 1)
        following = position + len(run)
        if (
            len(run) == 1
            and following < len(body)
            and is_list_item(lines[i].text)
            and is_list_item(lines[body[following]].text)
        ):
            position += 1  # an item of a numbered list, not a heading
            continue
        if following < len(body) and _is_heading_shape(lines[body[following]].text, max_chars=40):
            after = following + 1
            if len(run) == 1 and after < len(body) and not _is_heading_shape(lines[body[after]].text, max_chars=40):
                following = after  # heading + a subtitle line: the first line is the heading
            elif len(run) > 1:
                run = run[:1]
                following = position + 1
        if following < len(body) and not _is_heading_shape(lines[body[following]].text, max_chars=40):
            follower = lines[body[following]].text
            previous_ok = position == 0 or not _is_heading_shape(lines[body[position - 1]].text)
            if (len(follower) >= 2 * len(lines[run[-1]].text) or _ends_sentence(follower)) and previous_ok:
                for index in run:
                    lines[index].role = "heading"
                runs.append((run[0], run[-1] + 1))
                position = position + len(run)
                continue
        position += 1
    return runs


def _body_candidates(lines: list[_Line], start: int) -> tuple[list[int], list[Candidate]]:
    """The body lines from ``start`` on (their indices) and the heading candidates built from them."""
    body = [i for i in range(start, len(lines)) if lines[i].role == "body"]
    # The hand-written rules' decision is one of the detector's cues (run on copies: they mark roles).
    copies = [_Line(line.text, line.start, line.end, line.role, line.marked) for line in lines]
    by_rule = {i for first, end in _mark_headings(copies, start) for i in range(first, end)}
    candidates = group_candidates(
        [lines[i].text for i in body], [lines[i].marked for i in body], [i in by_rule for i in body], body
    )
    return body, candidates


_SEQUENCE_FEATURE = FEATURE_NAMES.index("numbered_sequence_apart")


def _mark_headings_learnt(lines: list[_Line], start: int, detector: HeadingDetector) -> list[tuple[int, int]]:
    """Heading runs chosen by the learnt detector (see :func:`select_headings`); [start, end) line runs."""
    body, candidates = _body_candidates(lines, start)
    if not candidates:
        return []
    features = candidate_features(candidates)
    probabilities = detector.probabilities(features)
    in_sequence = features[:, _SEQUENCE_FEATURE] > 0
    for index, candidate in enumerate(candidates):
        # Structure the author made explicit is taken at its word, if heading-sized: Markdown or HTML
        # heading markup, and numbered lines in sequence with paragraphs between them (一、… 二、…).
        explicit = candidate.marked or (in_sequence[index] and _is_heading_shape(candidate.text))
        if explicit and len(candidate.text) <= 60 and not _ends_sentence(candidate.text):
            probabilities[index] = 1.0
        elif _introduces_speech(candidate.text):
            probabilities[index] = 0.0
    runs: list[tuple[int, int]] = []
    for index in select_headings(probabilities, detector.threshold):
        members = [body[j] for j in candidates[index].lines]
        for member in members:
            lines[member].role = "heading"
        runs.append((members[0], members[-1] + 1))
    return runs


def _introduces_speech(text: str) -> bool:
    """Whether ``text`` is a line that introduces what someone said: ``据张成刚介绍：``, ``他表示：`` (a
    colon after a verb of speech, or 据… before it), never a heading; ``控方依据：`` is a label."""
    stripped = text.rstrip()
    return stripped.endswith(("：", ":")) and reads_as_attribution(stripped[:-1].rstrip())


def _resolve_detector(headings: HeadingMode) -> HeadingDetector | None:
    if isinstance(headings, HeadingDetector):
        return headings
    if headings == "rules":
        return None
    detector = default_heading_detector()
    if detector is None and headings == "model":
        raise ModelLoadError(f"headings='model' needs the heading detector files in {default_structure_path()}")
    return detector


def _lines_with_roles(normalised: str, removed: list[Removed]) -> tuple[list[_Line], str | None, str | None, int]:
    """Lines of ``normalised`` (not empty) with front matter and noise marked: (lines, title, abstract, body start)."""
    lines = _split_lines(normalised)
    title, abstract, start = _mark_front_matter(lines, removed)
    _mark_noise(lines, start)
    if title is None and abstract is None and not any(line.role == "body" for line in lines):
        for line in lines[start:]:  # every line is noise (``声明`` alone): the text is its own body, as it is
            line.role = "body"  # for :func:`without_noise`, not an article with nothing in it
    return lines, title, abstract, start


def without_noise(normalised: str) -> str:
    """``normalised`` without its bylines, captions, boilerplate (a site's appeal for subscribers, ``责任编辑：…``)
    and teaser tail, the other lines kept as they are: what a text headlined as a whole, without sectioning, is
    read from (``请加入成为众新闻的月费订户…`` was printed as the headline of short pages that end with it).  The
    text itself when every line is noise."""
    lines = _split_lines(normalised)
    _mark_noise(lines, 0)
    kept = [line.text for line in lines if line.role == "body"]
    return "\n".join(kept) if kept else normalised


def heading_candidates(text: str) -> list[Candidate]:
    """The heading candidates of an article's body, as the detector sees them (for training and evaluation)."""
    normalised, removed = prepare_text(text)
    if not normalised:
        return []
    lines, _title, _abstract, start = _lines_with_roles(normalised, removed)
    return _body_candidates(lines, start)[1]


def _chunk_paragraphs(paragraphs: list[_Line], max_chars: int = MAX_SECTION_CHARS) -> list[list[tuple[str, int, int]]]:
    """Group paragraphs (split into sentences when too long) into chunks of about max/4 to max characters."""
    min_chars = max(1, max_chars // 4)
    units: list[tuple[str, int, int, bool]] = []  # text, start, end, starts a paragraph
    for paragraph in paragraphs:
        if len(paragraph.text) <= max_chars:
            units.append((paragraph.text, paragraph.start, paragraph.end, True))
            continue
        offset = paragraph.start
        first = True
        for sentence in split_sentences(paragraph.text):
            for piece_start in range(0, len(sentence), 4 * max_chars):
                # A "sentence" over 2,400 characters has no punctuation to split at: cut it by length.
                piece = sentence[piece_start : piece_start + 4 * max_chars]
                units.append((piece, offset, offset + len(piece), first))
                offset += len(piece)
                first = False
    chunks: list[list[tuple[str, int, int]]] = []
    current: list[tuple[str, int, int]] = []
    size = 0
    for text, start, end, _new_paragraph in units:
        if current and size >= min_chars and size + len(text) > max_chars:
            chunks.append(current)
            current, size = [], 0
        current.append((text, start, end))
        size += len(text)
    if current:
        if chunks and size < min_chars and sum(len(t) for t, _, _ in chunks[-1]) + size <= max_chars:
            chunks[-1].extend(current)
        else:
            chunks.append(current)
    return chunks


def _join_units(units: list[tuple[str, int, int]], text: str) -> str:
    """Join units: units that were one paragraph are rejoined without a break, paragraphs with \\n."""
    parts: list[str] = []
    for index, (unit, start, _end) in enumerate(units):
        if index and (start == 0 or text[start - 1] == "\n"):
            parts.append("\n")
        parts.append(unit)
    return "".join(parts)


def _build_sections(
    lines: list[_Line], runs: list[tuple[int, int]], text: str, max_chars: int = MAX_SECTION_CHARS
) -> list[Section]:
    sections: list[Section] = []
    body_lines = [i for i, line in enumerate(lines) if line.role == "body"]
    if not runs:
        paragraphs = [lines[i] for i in body_lines]
        for chunk in _chunk_paragraphs(paragraphs, max_chars):
            sections.append(Section(None, _join_units(chunk, text), chunk[0][1], chunk[-1][2]))
        return sections
    boundaries = [(None, None)] + [(a, b) for a, b in runs]
    cursor = 0  # body_lines is sorted: each section takes the next slice (linear in lines + headings)
    for k, (run_start, run_end) in enumerate(boundaries):
        begin = run_end if run_end is not None else 0
        finish = boundaries[k + 1][0] if k + 1 < len(boundaries) else len(lines)
        while cursor < len(body_lines) and body_lines[cursor] < begin:
            cursor += 1
        members = []
        while cursor < len(body_lines) and body_lines[cursor] < finish:
            members.append(lines[body_lines[cursor]])
            cursor += 1
        heading = (
            join_heading_lines([lines[i].text for i in range(run_start, run_end)]) if run_start is not None else None
        )
        if heading is None and not members:
            continue
        span_start = lines[run_start].start if run_start is not None else (members[0].start if members else 0)
        if sum(len(m.text) for m in members) > LONG_SECTION_FACTOR * max_chars:
            # A very long section (a heading missed, or none in a long stretch): split like headingless text,
            # the first part keeping the heading.
            for index, chunk in enumerate(_chunk_paragraphs(members, max_chars)):
                start = span_start if index == 0 else chunk[0][1]
                sections.append(Section(heading if index == 0 else None, _join_units(chunk, text), start, chunk[-1][2]))
            continue
        span_end = members[-1].end if members else lines[run_end - 1].end
        sections.append(Section(heading, "\n".join(m.text for m in members), span_start, span_end))
    return sections


def prepare_text(text: str) -> tuple[str, list[Removed]]:
    """Reduce HTML (if it is HTML) and normalise; returns (normalised text, removed HTML parts)."""
    if not isinstance(text, str):
        raise InputError(f"expected text (str), got {type(text).__name__}")
    removed: list[Removed] = []
    if looks_like_html(text):
        text, scripts = html_to_text(text)
        removed.extend(Removed("html", part) for part in scripts)
    return normalize_text(text), removed


def parse_article(text: str, *, max_section_chars: int = MAX_SECTION_CHARS, headings: HeadingMode = "auto") -> Article:
    """Structure a raw article (plain text or HTML, Simplified or Traditional) into an :class:`Article`.

    Text without headings of its own is cut into sections of about ``max_section_chars / 4`` to
    ``max_section_chars`` characters at paragraph, then sentence, boundaries.  ``headings`` chooses how
    section headings are found (:data:`HeadingMode`): by default the learnt detector shipped in
    ``models/yxsumm-structure``, or the hand-written rules where it is missing.

    Raises :class:`~yxsumm.InputError` when the text is empty or has no content once normalised.
    """
    normalised, removed = prepare_text(text)
    if not normalised.strip():
        raise InputError("the text is empty (nothing left after removing whitespace, markup and control characters)")
    require_words(normalised)
    check_time()
    lines, title, abstract, start = _lines_with_roles(normalised, removed)
    detector = _resolve_detector(headings)
    runs = _mark_headings_learnt(lines, start, detector) if detector else _mark_headings(lines, start)
    check_time()
    for line in lines:
        if line.role in ("caption", "byline", "tail", "boilerplate"):
            removed.append(Removed(line.role, line.text))  # type: ignore[arg-type]
    sections = _build_sections(lines, runs, normalised, max_section_chars)
    return Article(
        title=title,
        abstract=abstract,
        sections=sections,
        removed=removed,
        script=detect_script(normalised),
    )
