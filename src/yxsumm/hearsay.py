"""Claims a text passes on and then calls false: never print them as news.

A report that debunks a rumour quotes the rumour first: ``近日，有网民在社交平台发帖称，某市自来水中检出致癌物质，
提醒市民不要直接饮用。…网传“自来水检出致癌物”的说法不实。``  Its words are the source's own, so no fact check
objects to a line that copies them, and the span selector finds them where a lead usually is; printed as a
headline they state the opposite of the article.  The same holds for a report a spokesperson denies
(``有记者问，有西方媒体报道称中国向冲突一方提供了武器装备…？``, then ``有关报道纯属捏造``).

Where a text has a word that calls something false (:data:`REFUTATION`), every stretch from a phrase that
passes a claim on without vouching for it (:data:`HEARSAY`) to the end of its sentence is a *refuted
claim*.  A span that takes :data:`MIN_CLAIM_CHARS` characters of one, or a generated line that much of whose
words the source has only inside them, repeats it, unless the line itself says it is false.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .faithfulness import fact_normalise, longest_in_source, source_pieces, whole_figure
from .spans import CLAUSE_ENDS, clause_start
from .words import has_a_verb, posseg

#: Phrases that pass a claim on without vouching for it: ``网传`` (not of ``互联网传递``), ``有网民在社交平台发帖称``,
#: ``有西方媒体报道称``, ``传言称`` (not ``有人称赞``).
HEARSAY = re.compile(
    r"(?<!联)网传|网上流传|谣传|传言称|传闻称|网帖称|"
    r"有(?:网民|网友|人|消息|媒体|外媒|西方媒体|境外媒体|个别媒体)[^，,。；;！!？?\n]{0,14}?"
    r"(?:声称|报道称|称(?![赞号为道])|说(?![明服法]))"
)
#: Words with which a text says that a claim is false.
REFUTATION = re.compile(r"不实|谣言|辟谣|捏造|虚假信息|假消息|不属实|子虚乌有|造谣|无中生有|谬论|谎言")
#: A label that calls what follows it false: ``谬论四：动态清零政策失败。``, ``谣言：…``, ``误区一：…``.
LABELLED_FALSEHOOD = re.compile(r"(?:谬论|谣言|谎言|误区|传言)[一二三四五六七八九十\d]{0,3}\s*[:：]\s*")
_SENTENCE_END = re.compile(r"[。！!？?\n]")
#: How many characters of a refuted claim a span or a generated line must take to repeat it.
MIN_CLAIM_CHARS = 5
#: The share of a generated line that must come from refuted claims alone for it to repeat one.
MIN_CLAIM_SHARE = 0.4


@lru_cache(maxsize=64)
def refuted_claims(text: str) -> tuple[tuple[int, int], ...]:
    """The ``(start, end)`` of each claim ``text`` passes on (after a :data:`HEARSAY` phrase, to the end of its
    sentence) when the text calls something false (:data:`REFUTATION`), and of each claim it labels false
    (after a :data:`LABELLED_FALSEHOOD`); ``()`` when it does neither."""
    if not REFUTATION.search(text) and not LABELLED_FALSEHOOD.search(text):
        return ()
    claims = []
    for hearsay in (*HEARSAY.finditer(text), *LABELLED_FALSEHOOD.finditer(text)):
        end = _SENTENCE_END.search(text, hearsay.end())
        claims.append((hearsay.end(), end.start() if end else len(text)))
    return tuple(sorted(claims))


def passes_on_a_refuted_claim(text: str, start: int, end: int) -> bool:
    """Whether the span ``text[start:end]`` takes at least :data:`MIN_CLAIM_CHARS` characters of a claim the
    text calls false (:func:`refuted_claims`), with or without who passed it on (``有网民在社交平台发帖称，
    某市自来水中检出致癌物质``), and does not itself say that it is false (``网传“…”的说法不实``)."""
    if REFUTATION.search(text, start, end):
        return False
    return any(min(end, stop) - max(start, begin) >= MIN_CLAIM_CHARS for begin, stop in refuted_claims(text))


def repeated_refuted_claim(line: str, source: str) -> str:
    """The pieces of ``source`` that ``line`` copies (two characters or more each, :data:`MIN_CLAIM_CHARS` in
    all and at least :data:`MIN_CLAIM_SHARE` of the line) that the source has only inside claims it calls
    false (:func:`refuted_claims`), joined by ``/``; ``""`` when there are not so many:
    ``某市自来水/检出致癌物`` of a report that the rumour is false, ``向冲突/武器装备`` of ``外交部：中方向冲突方
    提供武器装备`` where a spokesperson called that report a fabrication.  A line that says the claim is false
    (``网传…不实``) repeats nothing."""
    cand = fact_normalise(line)
    if REFUTATION.search(cand):
        return ""
    src = fact_normalise(source)
    claims = refuted_claims(src)
    if not claims:
        return ""
    held = [piece for piece in source_pieces(line, source) if len(piece) >= 2 and _only_inside(piece, src, claims)]
    copied = sum(map(len, held))
    if copied < MIN_CLAIM_CHARS or copied < MIN_CLAIM_SHARE * len(cand):
        return ""
    return "/".join(held)


def _only_inside(piece: str, source: str, claims: tuple[tuple[int, int], ...]) -> bool:
    """Whether ``source`` has ``piece`` and every occurrence lies inside one of ``claims``."""
    places = [match.start() for match in re.finditer(re.escape(piece), source)]
    return bool(places) and all(any(begin <= at and at + len(piece) <= stop for begin, stop in claims) for at in places)


#: A figure a text corrects, and says is wrong: ``应为3.1%，而非此前公布的1.3%``, ``由1.3%更正为3.1%``,
#: ``误写为1.3%``.  The figure is the group ``wrong``.
_FIGURE = r"\d+(?:\.\d+)?(?:%|‰|个百分点)?"
CORRECTED_FIGURE = re.compile(
    rf"(?:而非|并非|而不是)(?:此前|之前|原先|原来|先前|早前)?(?:公布|发布|报道|刊发|披露|所称)?的?(?P<wrong>{_FIGURE})"
    rf"|(?:由|从)(?P<was>{_FIGURE})(?:更正|修正|修订|调整)为"
    rf"|误(?:写|报|作|发|录|植|记)?为(?P<slip>{_FIGURE})"
)


def repeated_corrected_figure(line: str, source: str) -> str:
    """A figure of ``line`` that ``source`` gives only as one it corrects (:data:`CORRECTED_FIGURE`), or ``""``:
    ``2025年全国规模以上工业企业利润同比增长1.3%`` of a notice that says the figure ``应为3.1%，而非此前公布的1.3%``.
    A figure the source also gives elsewhere, or a line that says it was corrected, is let be."""
    cand = fact_normalise(line)
    if re.search(r"更正|有误|而非|误为", cand):
        return ""
    src = fact_normalise(source)
    wrong: dict[str, list[tuple[int, int]]] = {}
    for match in CORRECTED_FIGURE.finditer(src):
        group = next(name for name in ("wrong", "was", "slip") if match.group(name))
        wrong.setdefault(match.group(group), []).append(match.span(group))
    for figure, places in wrong.items():
        alone = whole_figure(figure)
        if alone.search(cand) and all(match.span() in places for match in alone.finditer(src)):
            return figure
    return ""


#: What a text calls only possible, considered or rumoured: ``讨论重启对伊朗军事行动的可能性``.  (``…的说法``,
#: ``…的请求`` are left out: headlines report what was denied or asked with them, ``伊朗再次否认美伊正在谈判``.)
POSSIBILITY = re.compile(r"的(?:可能性|可能|选项|设想|传闻|猜测)")
#: Words with which a line keeps it a possibility: ``讨论``, ``考虑``, ``或将``, ``拟``…
_KEPT_OPEN = re.compile(r"可能|讨论|考虑|研究|商讨|探讨|选项|或将|或|拟|计划|设想|传闻|猜测|是否|未|不")
#: How long a piece of the line must be to state what the source frames.
MIN_FRAMED_CHARS = 4


def stated_possibility(line: str, source: str) -> str:
    """The end of ``line`` (the longest the source has, :data:`MIN_FRAMED_CHARS` characters or more) when the
    source has it only before ``的可能性``, ``的选项``, ``的传闻``… (:data:`POSSIBILITY`) and the line has no word
    that keeps it open (:data:`_KEPT_OPEN`); ``""`` otherwise.  ``特朗普与以色列总理启动对伊朗军事行动`` of ``…通电话，
    讨论重启对伊朗军事行动的可能性`` states as done what was discussed as possible.  Of 5,317 dev and test cache items
    no gold headline and one first beam (that one) do so."""
    piece, src = _source_end(line, source, _KEPT_OPEN, MIN_FRAMED_CHARS)
    if not piece:
        return ""
    places = [match.end() for match in re.finditer(re.escape(piece), src)]
    return piece if places and all(POSSIBILITY.match(src, at) for at in places) else ""


_WISH_WORDS = r"希望|想要|试图|企图|寻求|渴望|盼望|期望|期待|力争|争取"
#: Words of a wish or an attempt just before what was wished or tried (``马克龙希望受邀参加…``, ``力争实现…``).
WISHED = re.compile(rf"(?:{_WISH_WORDS})$")
#: Words with which a line keeps it a wish or a plan.
_KEPT_WISHED = re.compile(rf"{_WISH_WORDS}|拟|计划|欲|望")


def stated_wish(line: str, source: str) -> str:
    """The end of ``line`` (the longest the source has, :data:`MIN_FRAMED_CHARS` characters or more, with a verb of
    its own) when the source has it only right after a word of wish or attempt (:data:`WISHED`) and the line keeps
    none (:data:`_KEPT_WISHED`): ``法国总统受邀参加金砖国家领导人峰会`` of ``马克龙希望受邀参加…峰会的消息``,
    ``巴基斯坦总理：美国和伊朗继续遵守停火协议`` of ``…希望美国和伊朗继续遵守停火协议``.  Of 5,317 dev and test
    cache items no gold headline and 3 first beams (those) do so."""
    piece, src = _source_end(line, source, _KEPT_WISHED, MIN_FRAMED_CHARS)
    if not piece or not has_a_verb(piece, min_chars=2):
        return ""
    places = [match.start() for match in re.finditer(re.escape(piece), src)]
    return piece if places and all(WISHED.search(src[max(0, at - 4) : at]) for at in places) else ""


def _source_end(line: str, source: str, kept_open: re.Pattern[str], min_chars: int) -> tuple[str, str]:
    """The end of ``line`` the normalised source has (the longest, ``min_chars`` characters or more; ``""`` when it
    is shorter or the line has a word of ``kept_open``) and the normalised source: what a line may state that the
    source only frames (:func:`stated_possibility`, :func:`stated_condition`)."""
    cand = fact_normalise(line).rstrip("。！？!? ")
    if kept_open.search(cand):
        return "", ""
    src = fact_normalise(source)
    piece = longest_in_source(cand, src, from_end=True)
    return (piece if len(piece) >= min_chars else ""), src


#: Words that open a condition: what follows them in their clause is supposed, not reported (not 若干, 若开邦).
CONDITION_OPENER = re.compile(r"如果|假如|倘若|假若|假使|一旦|要是|若(?![干开])")
#: Words with which a line keeps a supposition one: a condition of its own, an intent, a threat.
_KEPT_SUPPOSED = re.compile(_KEPT_OPEN.pattern + r"|如果|假如|倘若|一旦|要是|若|企图|意图|威胁|打算|警告")
#: How long a piece of the line must be, with a verb of two or more characters in it, to state a supposition.
MIN_SUPPOSED_CHARS = 6


def stated_condition(line: str, source: str) -> str:
    """The end of ``line`` (the longest the source has, :data:`MIN_SUPPOSED_CHARS` characters or more, with a verb
    of its own) when the source has it only inside a condition (after ``如果``, ``若``, ``一旦``… in the same clause,
    :data:`CONDITION_OPENER`) and the line keeps nothing open (:data:`_KEPT_SUPPOSED`); ``""`` otherwise.
    ``特朗普拒绝开放霍尔木兹海峡`` of ``特朗普…威胁称，如果伊朗在48小时内拒绝开放霍尔木兹海峡，美国将…`` states as done
    what was a threat's condition, and gives it to the wrong side.  Of 5,317 dev and test cache items no gold
    headline and 6 first beams do so."""
    piece, src = _source_end(line, source, _KEPT_SUPPOSED, MIN_SUPPOSED_CHARS)
    if not piece or not has_a_verb(piece, min_chars=2):
        return ""
    places = [match.start() for match in re.finditer(re.escape(piece), src)]
    return piece if places and all(_is_supposed(src, at) for at in places) else ""


#: Words that make a clause ask whether something is or will be done (``…已就是否向乌克兰提供“战斧”导弹作出…决定``).
WHETHER = re.compile(r"是否|能否|会否|可否|要否|是不是|会不会|要不要|能不能|有没有")
#: Words with which a line keeps it open whether something is done.
_KEPT_ASKED = re.compile(_KEPT_SUPPOSED.pattern + "|" + WHETHER.pattern + r"|[？?]|决定|考虑")


def stated_decision(line: str, source: str) -> str:
    """The end of ``line`` (the longest the source has, :data:`MIN_SUPPOSED_CHARS` characters or more, with a verb
    of its own) when the source has it only where its clause asks whether it is done (after ``是否``, ``会否``… in
    the same clause, :data:`WHETHER`) or supposes it (:func:`stated_condition`), at least once the former, and the
    line keeps it open nowhere (:data:`_KEPT_ASKED`): ``特朗普称将向乌提供“战斧”`` of ``特朗普…称已就是否向乌克兰
    提供“战斧”导弹作出“某种决定”…如果有关方面向乌克兰提供“战斧”导弹，…`` states as decided what he kept open.  A
    line that is a question itself (``…呢？``) asks it too.  Of 5,317 dev and test cache items one first beam (that one)
    and one gold headline do so (``列宁解散立宪会议``, whose source says it once as ``列宁就解散…`` and once asks
    ``是否应该认为列宁解散立宪会议是夺权``), so the guard counts it as a penalty, not a refusal."""
    if fact_normalise(line).rstrip().endswith(("?", "？", "吗", "呢")):
        return ""
    piece, src = _source_end(line, source, _KEPT_ASKED, MIN_SUPPOSED_CHARS)
    if not piece or not has_a_verb(piece, min_chars=2):
        return ""
    places = [match.start() for match in re.finditer(re.escape(piece), src)]
    asked = [_is_asked(src, at) for at in places]
    if not places or not any(asked):
        return ""
    return piece if all(one or _is_supposed(src, at) for one, at in zip(asked, places, strict=True)) else ""


#: Words that tell how something turned out, each with the words that tell the same outcome: a line may say one
#: only where its source says one of its group.  A word marked ``~`` only attests its group (``结束`` ends more
#: than contests, ``释放`` of ``释放…活力`` sets nothing free).
_OUTCOME_GROUPS = (
    "成功 圆满 顺利 告捷",
    "失败 失利 落败 告负 ~未能 ~未获",
    "获胜 胜出 夺冠 夺金 战胜 赢得 夺得 折桂 ~击败",
    "逝世 去世 病逝 辞世 离世 过世 病故 身故",
    "身亡 遇难 丧生 罹难 殉职 死亡 丧命 毙命 殒命 ~死",
    "当选 胜选 连任 ~选为",
    "落幕 闭幕 谢幕 ~结束 ~落下帷幕 ~收官",
    "开幕 揭幕 ~启幕 ~拉开帷幕 ~揭开帷幕",
    "告破 破获 侦破 落网 被捕 抓获 逮捕 拘捕 刑拘 归案 ~拘留",
    "获批 获准 核准 ~批准",
    "坠毁 坠机 ~坠落 ~失事",
    "通车 开通 通航 首航",
    "竣工 完工 落成 ~建成",
    "获释 出狱 ~释放",
    "宣判 获刑 被判 ~判处 ~判决",
)
#: Each outcome word a line is checked for (in the order above), with the words of its group that attest it.
_OUTCOME_GROUP_OF: dict[str, frozenset[str]] = {
    word: frozenset(other.lstrip("~") for other in group.split())
    for group in _OUTCOME_GROUPS
    for word in group.split()
    if not word.startswith("~")
}


def stated_outcome(line: str, source: str) -> str:
    """A word of ``line`` (a jieba word) that tells how something turned out (:data:`_OUTCOME_GROUPS`) when ``source``
    says no word of its group: ``神舟二十一号载人飞船发射成功`` of a press conference the day before the launch
    (``…计划于10月31日23时44分发射``), ``…谭蕙芸用中大病逝世`` of an article on no death.  Of 5,317 dev and test
    cache items 3 first beams and 21 gold headlines do so, the gold ones mostly inferences a reader can check
    (``…成功吊装`` of ``完成吊装``); a line the guard refuses for it leaves a copied span."""
    said = fact_normalise(source)
    for token in posseg().lcut(fact_normalise(line), HMM=False):
        # a jieba word that is, opens with or ends in an outcome word (jieba's ``发射成功`` is one word)
        for word, group in _OUTCOME_GROUP_OF.items():
            opens_or_ends = token.word.startswith(word) or token.word.endswith(word)
            if opens_or_ends and not any(other in said for other in group):
                return word
    return ""


def _is_asked(text: str, at: int) -> bool:
    """Whether the clause of ``text`` that holds position ``at`` asks whether (:data:`WHETHER`) before it."""
    return WHETHER.search(text, clause_start(text, at), at) is not None


def _is_supposed(text: str, at: int) -> bool:
    """Whether the clause of ``text`` that holds position ``at`` has a condition opener before it, or is the main
    clause right after a clause that opens with one (``如果伊朗…，美军将…轰炸…``: what follows if it holds).  A
    condition whose subject is the reader (``如果你想编程，可以试用…``) makes advice, not a supposition."""
    start = max(text.rfind(mark, 0, at) for mark in CLAUSE_ENDS) + 1
    found = CONDITION_OPENER.search(text, start, at)
    if found is not None and found.group() == "若" and _inside_a_name(text[start:at], found.start() - start):
        found = None  # ``律政司司长郑若骅将会迁入…``: the 若 of a name
    if found is None and start >= 2 and text[start - 1] in "，,；;":
        found = CONDITION_OPENER.match(text, clause_start(text, start - 1), start - 1)
    return found is not None and READERS.match(text, found.end()) is None


def _inside_a_name(clause: str, at: int) -> bool:
    """Whether the 若 at ``at`` of ``clause`` is part of a longer word for jieba with its HMM (a name: ``郑若骅``)."""
    position = 0
    for word in posseg().lcut(clause, HMM=True):
        if position <= at < position + len(word.word):
            return len(word.word) > 1
        position += len(word.word)
    return False


#: The reader, or all of us, as a condition's subject (``如果你想编程``, ``若您有…``).
READERS = re.compile(r"\s*(?:你|您|我们|大家|读者)")
