"""Who did it, and when: a line that gives a source clause's action to another name or another time.

The copy head can paste a whole predicate from one clause after a name from another one.  For
``德国总理默茨…表示，欧盟将在明年初推出新一轮对乌克兰援助计划`` it writes ``德国将推出新一轮对乌克兰援助计划``:
every word is in the article, no fact check objects, yet the line says Germany will do what the EU will do.

:func:`transplanted_predicates` finds such lines.  In the line, a name (jieba ``nr``/``ns``/``nt``, or a
run of names such as ``王沪宁蔡奇``) in subject position (not after a verb or preposition) is followed,
after at most a few auxiliary words (``将``, ``已``, ``也`` …), by a verb, adverb or preposition; the longest
piece of the source that the line goes on with from there (at least :data:`MIN_PREDICATE` characters)
is its predicate.  Wherever the source has that predicate (its first :data:`~yxsumm.faithfulness.MAX_OCCURRENCES`
occurrences), the clause before it (back to the last
``，。；：！？``) is its subject.  The predicate is *transplanted* when every such clause names someone else
(a name, an abbreviation such as ``欧盟``, or an organisation such as ``市政府``, ``警方``) and none of the
line's names.  A clause without a subject of its own (``…表示，将推出…``), or one that names the line's
subject under another form sharing a character (``中方`` for ``中国``), supports the line.

:func:`transplanted_times` does the same for time phrases (``前三季度``, ``去年``, ``10月``): in
``今年以来，…全市规模以上工业增加值同比增长8.2%。…今年前三季度，清远市新签约…`` the line
``前三季度工业增加值同比增长8.2%`` dates a fact by another one's period.  A time phrase usually opens its
sentence, so the sentence before the fact is looked at, not only its clause.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from .faithfulness import (
    MAX_OCCURRENCES,
    ORGANISATION_ENDINGS,
    fact_normalise,
    is_name,
    longest_in_source,
    source_pieces,
    tagged_words,
    whole_figure,
)

#: A line's predicate must run on for this many characters in the source to be checked.
MIN_PREDICATE = 4
#: Words that may stand between a subject and its verb without being the predicate the source copied.
AUXILIARIES = frozenset(
    ("将", "已", "也", "再", "又", "正", "拟", "仍", "还", "均", "都", "已经", "正在", "即将", "首次", "再次",
     "将于", "正式", "今年", "明年", "今天", "今日", "昨天", "昨日")
)  # fmt: skip
_CLAUSE_BREAK = re.compile(r"[，,。；;：:！!？?\n]")
#: POS flags of a word that opens a predicate: verbs, adverbs, prepositions (``在…举行``).
_PREDICATE_FLAGS = ("v", "d", "p")


def _is_subject_word(word: str, flag: str) -> bool:
    """A word that can be a clause's subject: a name, an abbreviation (``欧盟``), an organisation (``警方``)."""
    if len(word) < 2:
        return False
    if is_name(word, flag) or flag == "j":
        return True
    return flag in ("n", "nz") and word.endswith((*ORGANISATION_ENDINGS, "方"))


#: How far back a clause or sentence is looked for (a source can be megabytes long).
_LOOK_BACK = 600


def _text_before(source: str, start: int, breaks: re.Pattern[str]) -> str:
    """The text of ``source`` before position ``start`` back to the last of ``breaks`` (at most
    :data:`_LOOK_BACK` characters)."""
    window = max(0, start - _LOOK_BACK)
    begin = max((m.end() for m in breaks.finditer(source, window, start)), default=window)
    return source[begin:start]


def _supported(predicate: str, group: list[str], source: str) -> tuple[bool, set[str]]:
    """Whether some clause of ``source`` with ``predicate`` has one of ``group`` or no other subject."""
    others: set[str] = set()
    for match in itertools.islice(re.finditer(re.escape(predicate), source), MAX_OCCURRENCES):
        before = _text_before(source, match.start(), _CLAUSE_BREAK)
        if any(name in before for name in group):
            return True, others
        subjects = [
            word
            for word, flag in tagged_words(before)
            if _is_subject_word(word, flag) and not any(set(word) & set(name) for name in group)
        ] + [
            person.group()
            for person in _NAMED_OFFICE.finditer(before)
            if not any(set(person.group("name")) & set(name) for name in group)
        ]
        if not subjects:
            return True, others
        others.update(subjects)
    return False, others


#: A person named before an office (``周恩来总理率团``, whose name jieba tags a time word): a subject whatever the tags;
#: not a body before its office (``国务院总理``, ``外交部发言人``).
_NAMED_OFFICE = re.compile(
    r"(?P<name>[\u4e00-\u9fff]{1,2}[^\W\d_院部国省市委会府局厅署党团])"
    r"(?:总理|总统|主席|首相|国王|女王|部长|外长|书记|市长|省长|州长|大使|发言人)"
)


#: Words of speech after which a line's predicate without a subject is the speaker's (``伊朗称将…``).
SPEECH_VERBS = frozenset(("称", "表示", "说", "指出", "强调", "宣布", "声称"))


def _after_auxiliaries(words: Sequence[tuple[Any, ...]], index: int) -> int:
    """The index of the first of ``words`` from ``index`` on that is none of :data:`AUXILIARIES`."""
    while index < len(words) and words[index][0] in AUXILIARIES:
        index += 1
    return index


def transplanted_predicates(candidate: str, source: str) -> list[str]:
    """``name→other:predicate`` for each predicate of ``candidate`` that the source gives to someone else.

    ``德国将推出新一轮对乌克兰援助计划`` against ``…德国总理默茨…表示，欧盟将在明年初推出新一轮对乌克兰援助计划``
    gives ``["德国→欧盟:推出新一轮对乌克兰援助计划"]``; ``德总理称欧盟将推出新一轮对乌克兰援助`` gives none.
    """
    cand = fact_normalise(candidate)
    src = fact_normalise(source)
    words: list[tuple[str, str, int]] = []
    position = 0
    for word, flag in tagged_words(cand):
        words.append((word, flag, position))
        position += len(word)
    found: list[str] = []
    for index, (word, flag, _) in enumerate(words):
        if not is_name(word, flag) or word not in src:
            continue
        if index + 1 < len(words) and is_name(*words[index + 1][:2]):
            continue  # not the last name of a run: the run's last name stands before the predicate
        first = index
        while first > 0 and is_name(*words[first - 1][:2]):
            first -= 1
        if first > 0 and words[first - 1][1].startswith(("v", "p")):
            continue  # an object (``赴俄罗斯举行…``) or a place (``在佛州举行…``), not a subject
        group = [w for w, _, _ in words[first : index + 1]]
        verb = _after_auxiliaries(words, index + 1)
        if verb < len(words) and words[verb][0] in SPEECH_VERBS:
            # ``伊朗称将持续袭击黎巴嫩加沙地带``: what a speaker says it will do, without a subject, is its own.
            verb = _after_auxiliaries(words, verb + 1)
        if verb >= len(words) or not words[verb][1].startswith(_PREDICATE_FLAGS):
            continue
        clause = _CLAUSE_BREAK.split(cand[words[verb][2] :], maxsplit=1)[0]
        predicate = longest_in_source(clause, src, from_end=False)
        if len(predicate) < MIN_PREDICATE:
            continue
        supported, others = _supported(predicate, group, src)
        if not supported:
            found.append(f"{word}→{'/'.join(sorted(others))}:{predicate}")
    return found


#: A head noun that measures something of a name (``黄金期货价格``, ``股价``, ``客流量``): a line that gives the
#: measure's change to the name itself says something else.  Not the bodies and offices a name stands for
#: (``广州市``, ``以色列军方``, ``习近平主席``).
_MEASURE_NOUN = re.compile(
    r"(?:价格|价|指数|产量|销量|收入|营收|利润|金额|人数|数量|规模|增速|增长率|余额|总额|市值|汇率|票房|成交额|成交量"
    r"|客流量?|利率|税收|债务|赤字|份额|占比|比重|估值|库存|储备)$"
)
#: Word classes of what may stand between a subject's name and the head noun it modifies (``纽约商品交易所 / 黄金 /
#: 期货 / 价格``): nouns, names, abbreviations, distinguishing words.
_MODIFIER_NOUN_FLAGS = ("n", "j", "b")


def beheaded_subjects(candidate: str, source: str) -> list[str]:
    """``name→subject`` when ``candidate`` opens with a name and a predicate copied from the source, while every
    clause of the source with that predicate has the name only as a modifier of a common noun that is the real
    subject: ``纽约商品交易所再创历史新高`` of ``美国纽约商品交易所黄金期货价格21日再创历史新高`` (the gold price set
    the record, not the exchange).  The words between the name and the predicate, dates and auxiliaries left out,
    are nouns only (:data:`_MODIFIER_NOUN_FLAGS`) and end on a common noun (jieba ``n``); a person's name after an
    office (``美国总统特朗普``), a place or a preposition between them (``在北京``) leave the name the subject."""
    cand = fact_normalise(candidate)
    words = tagged_words(cand)
    count = next((k for k, (word, flag) in enumerate(words) if not is_name(word, flag)), len(words))
    if count == 0 or count == len(words):
        return []
    name = "".join(word for word, _ in words[:count])
    verb = _after_auxiliaries(words, count)
    if verb >= len(words) or not words[verb][1].startswith(_PREDICATE_FLAGS):
        return []
    start = sum(len(word) for word, _ in words[:verb])
    src = fact_normalise(source)
    predicate = longest_in_source(_CLAUSE_BREAK.split(cand[start:], maxsplit=1)[0], src, from_end=False)
    if len(predicate) < MIN_PREDICATE:
        return []
    subjects: set[str] = set()
    for match in itertools.islice(re.finditer(re.escape(predicate), src), MAX_OCCURRENCES):
        before = _text_before(src, match.start(), _CLAUSE_BREAK)
        if name not in before:
            continue
        gap = before[before.rindex(name) + len(name) :]
        head = _head_noun_after(gap)
        if not head:
            return []  # a clause where the name is the subject
        subjects.add(name + head)
    return [f"{name}→{'/'.join(sorted(subjects))}"] if subjects else []


def _head_noun_after(gap: str) -> str:
    """The nouns of ``gap`` (the words between a name and its predicate, dates and auxiliaries left out) when they are
    nouns only and end on a common noun; ``""`` otherwise."""
    words = [
        (word, flag)
        for word, flag in tagged_words(TIME_PHRASE.sub("", gap))
        if word not in AUXILIARIES and not word.isspace()
    ]
    if not words or words[-1][1] != "n" or not all(flag.startswith(_MODIFIER_NOUN_FLAGS) for _, flag in words):
        return ""
    if not _MEASURE_NOUN.search(words[-1][0]):
        return ""  # ``广州市``, ``以色列军方``, ``习近平主席``: the name stands for its body or person
    return "".join(word for word, _ in words)


#: A time phrase of a line or a source sentence: a quarter or half year, a relative day, month or year,
#: a date.
TIME_PHRASE = re.compile(
    r"(?:今年|去年|明年|前年|本年|当年|同年)?(?:前|上|下|第)?[一二三四1-4两]?个?(?:季度|半年)"
    r"|今年|去年|明年|前年|本月|上月|下月|本周|上周|下周|当天|今天|昨天|昨日|今日|明天|近日|日前"
    r"|\d{1,4}年(?:\d{1,2}月)?(?:\d{1,2}日)?|\d{1,2}月份?(?:\d{1,2}日)?|\d{1,2}日|[一二三四五六七八九十]{1,3}月份?"
)
#: The fact a time phrase dates must run on for this many characters in the source to be checked.
MIN_DATED_FACT = 6
_SENTENCE_BREAK = re.compile(r"[。！？!?\n]")
_PIECE_BREAK = re.compile(r"[，,。；;：:！!？?\s]")


def transplanted_times(candidate: str, source: str) -> list[str]:
    """``time→other:fact`` for each fact of ``candidate`` that the source dates by another time phrase.

    A time phrase of the line (:data:`TIME_PHRASE`, one the source has) is followed by the longest piece
    of the source the line goes on with (at least :data:`MIN_DATED_FACT` characters).  It is
    transplanted when every source sentence with that piece has, before it, another time phrase and not
    this one; a sentence without a time phrase supports it.  ``去年`` for a fact of ``2022年`` counts as
    another time, so this is a penalty, not a refusal.
    """
    cand = fact_normalise(candidate)
    src = _listed_times_spelt_out(fact_normalise(source))
    found: list[str] = []
    for match in TIME_PHRASE.finditer(cand):
        time = match.group(0)
        if time not in src:
            continue  # a time the source lacks is the fact check's business
        fact = longest_in_source(_PIECE_BREAK.split(cand[match.end() :], maxsplit=1)[0], src, from_end=False)
        if len(fact) < MIN_DATED_FACT:
            continue
        others: set[str] = set()
        for occurrence in itertools.islice(re.finditer(re.escape(fact), src), MAX_OCCURRENCES):
            before = _text_before(src, occurrence.start(), _SENTENCE_BREAK)
            if time in before:
                break
            # A more general time than the line's (``今年`` for ``今年前三季度``) does not date the fact by it.
            times = {t.group(0) for t in TIME_PHRASE.finditer(before) if time not in t.group(0)}
            if not times:
                break
            others |= times
        else:
            found.append(f"{time}→{'/'.join(sorted(others))}:{fact}")
    return found


#: Quarters or months listed before the one unit they share (``一、二季度``, ``1、2月``).
_LISTED_TIMES = re.compile(r"(?<![\d一二三四五六七八九十])((?:[一二三四1-9]、)+[一二三四1-9])(季度|月)")


def _listed_times_spelt_out(text: str) -> str:
    """``text`` with each list of quarters or months that shares its unit written out item by item (``一、二季度`` →
    ``一季度、二季度``), so that each is a time phrase of its own: a line that dates the third quarter's figure by
    ``一季度`` takes that time from such a list."""
    return _LISTED_TIMES.sub(lambda m: "、".join(item + m.group(2) for item in m.group(1).split("、")), text)


#: A year the line writes alone (not ``2025年12月``, nor ``2025年末``, which is ``12月末``).
_BARE_YEAR = re.compile(r"(?<!\d)\d{4}年(?![\d末底初])")
#: A quantity measured over a period: a rate, a share, an index value, an amount (``0.8%``, ``117.9``,
#: ``4.2亿``); a plain count (``3265家``) is left alone.
_PERIOD_QUANTITY = re.compile(r"\d+(?:\.\d+)?(?:%|‰|个百分点|万亿|亿|万)|\d+\.\d+")


def generalised_periods(candidate: str, source: str) -> list[str]:
    """``year→period:quantity`` for each quantity that ``candidate`` gives a whole year and the source only
    a part of it: ``2025年居民消费价格指数同比上涨0.8%`` where the 0.8 % is ``2025年12月``'s (the year's own CPI
    was level with the year before), ``2025年中国大宗商品价格指数为117.9点`` for December's index.

    Every source sentence with the quantity dates it by a time phrase that starts with the line's year
    and goes on to a month or day, and none by the year alone.  Of 5,317 dev and test gold headlines
    none is so; of the model's first lines there 2, both wrong.
    """
    cand = fact_normalise(candidate)
    src = fact_normalise(source)
    found: list[str] = []
    source_sentences: list[str] | None = None  # split once, and only for a line with a bare year
    for year_match in _BARE_YEAR.finditer(cand):
        year = year_match.group(0)
        for quantity in _PERIOD_QUANTITY.findall(cand[year_match.end() :]):
            source_sentences = source_sentences if source_sentences is not None else _SENTENCE_BREAK.split(src)
            sentences = [s for s in source_sentences if quantity in s]
            narrower: set[str] = set()
            for sentence in sentences[:MAX_OCCURRENCES]:
                times = [t.group(0) for t in TIME_PHRASE.finditer(sentence[: sentence.find(quantity)])]
                longer = {t for t in times if t.startswith(year) and t != year}
                if year in times or not longer:
                    break
                narrower |= longer
            else:
                if narrower:
                    found.append(f"{year}→{'/'.join(sorted(narrower))}:{quantity}")
    return found


#: Words before a document that the source only cites as the ground of an action (``根据《…条例》``).
GROUND_WORDS = ("根据", "按照", "依据", "依照", "遵照")
_OPENING_TITLE = re.compile(r"《[^《》]{2,40}》")


def cited_documents_as_actors(candidate: str, source: str) -> list[str]:
    """``document→ground word`` when ``candidate`` opens with a document's title and goes on with what it
    did, while the source only cites that document as the ground of someone's action:
    ``《缺陷汽车产品召回管理条例》召回`` of ``某汽车公司根据《缺陷汽车产品召回管理条例》和…的要求，…召回…``
    makes the regulation recall the cars.  Every source occurrence of the title (its first
    :data:`~yxsumm.faithfulness.MAX_OCCURRENCES`) has one of :data:`GROUND_WORDS` before it in its clause.
    A line that only names the document is :func:`~yxsumm.spans.bare_title`'s business.
    """
    cand = fact_normalise(candidate)
    title = _OPENING_TITLE.match(cand)
    if title is None or title.end() == len(cand):
        return []
    src = fact_normalise(source)
    grounds: set[str] = set()
    for occurrence in itertools.islice(re.finditer(re.escape(title.group(0)), src), MAX_OCCURRENCES):
        before = _text_before(src, occurrence.start(), _CLAUSE_BREAK)
        ground = next((word for word in GROUND_WORDS if word in before), "")
        if not ground:
            return []
        grounds.add(ground)
    return [f"{title.group(0)}→{'/'.join(sorted(grounds))}"] if grounds else []


#: What may stand between a verb and the title it takes as object without making the title its own subject: a
#: relative clause's 的 (``他执导的电影《…》``), a list's link (``《A》和《B》``).
_MODIFIER_LINKS = ("的", "之", "、", "和", "与", "及")


def titles_taken_as_doers(candidate: str, source: str) -> list[str]:
    """``title→verb`` when ``candidate`` opens with a title and goes on with a verb copied from after it, while the
    source has that title there only as the object of someone's verb, whose doer the copied verb goes on with:
    ``《大鸣大放》担任主持`` of ``民建联主席李慧琼传加入Now新闻台政论节目《大鸣大放》担任其中一名主持`` makes the
    show the host.  The clause before every occurrence of the title followed by that verb (of its first
    :data:`~yxsumm.faithfulness.MAX_OCCURRENCES`) has a verb (jieba ``v``) with no 的 or list link after it
    (:data:`_MODIFIER_LINKS`: ``他执导的电影《…》获奖`` has the film as its subject).  A title the line gives a verb
    of its own (``《…方案》发布`` of ``…联合发布《…方案》。``), or one whose word after the title ends the clause
    there (``《第一财经日报》专访：…`` of ``…接受《第一财经日报》专访，``), is no business of this check."""
    cand = fact_normalise(candidate)
    title = _OPENING_TITLE.match(cand)
    if title is None or title.end() == len(cand):
        return []
    deed = tagged_words(cand[title.end() :])
    if not deed or not deed[0][1].startswith("v") or len(deed[0][0]) < 2:
        return []
    src = fact_normalise(source)
    verbs: set[str] = set()
    for occurrence in itertools.islice(re.finditer(re.escape(title.group(0)), src), MAX_OCCURRENCES):
        after = occurrence.end() + len(deed[0][0])
        if not src.startswith(deed[0][0], occurrence.end()) or _CLAUSE_BREAK.match(src, after):
            continue  # not where the line's deed was copied from, or a noun there (``接受《…日报》专访，``)
        if not (verb := _governing_verb(_text_before(src, occurrence.start(), _CLAUSE_BREAK))):
            return []
        verbs.add(verb)
    return [f"{title.group(0)}→{'/'.join(sorted(verbs))}"] if verbs else []


def _governing_verb(before: str) -> str:
    """The last verb of ``before`` (the clause up to a title) when nothing after it makes the title the head of a
    modifier or a list item (:data:`_MODIFIER_LINKS`); ``""`` otherwise."""
    words = tagged_words(before)
    at = next((k for k in range(len(words) - 1, -1, -1) if words[k][1].startswith("v")), None)
    if at is None or any(word in _MODIFIER_LINKS for word, _ in words[at + 1 :]):
        return ""
    return words[at][0]


#: A record told without its frame: ``创新高``, ``创历史新高``, ``再创新高`` (not ``创新高地``, ``创新高质量…``).
_BARE_RECORD = re.compile(r"创(?:历史)?新[高低](?![质地效端水速峰])")
#: A record the source frames by a period or a kind: ``创今年以来新高``, ``创出年内新高``, ``创下月度新高``,
#: ``创近十年新低``.
_FRAMED_RECORD = re.compile(r"创(?!历史新|新)[^，,。；;：:！!？?\n]{1,12}?新[高低]")


def unframed_records(candidate: str, source: str) -> list[str]:
    """``record→frame`` when ``candidate`` says a new high or low was set (``创新高``) where the source
    only says one within a period or of a kind (``创今年以来新高``, ``创出年内新高``, ``创下月度新高``), and never a
    new high as such: ``人民币对美元汇率中间价创新高`` of ``…连续第五个交易日上调，创今年以来新高`` makes a
    year's high a record.  On the dev and test caches 3 first model lines (``韩国1月进出口降幅创新高`` of
    ``…创下月度新高``) and 1 gold headline do so."""
    cand = fact_normalise(candidate)
    record = _BARE_RECORD.search(cand)
    if record is None:
        return []
    src = fact_normalise(source)
    if _BARE_RECORD.search(src):
        return []
    frames = sorted({match.group(0) for match in itertools.islice(_FRAMED_RECORD.finditer(src), MAX_OCCURRENCES)})
    return [f"{record.group(0)}→{'/'.join(frames)}"] if frames else []


#: Words that tell a deed is a first or a repeat, each with the forms the source may give it in.
_ORDINAL_ADVERBS = (("首次", "首度", "第一次", "头一次"), ("再次", "再度", "再一次", "又一次"), ("率先",))
_SAME_ORDINAL = {word: forms for forms in _ORDINAL_ADVERBS for word in forms}
_ORDINAL = re.compile("|".join(sorted(_SAME_ORDINAL, key=len, reverse=True)))
#: A line's deed after ``首次`` must run on for this many characters in the source to be checked.
MIN_ORDINAL_DEED = 2


def moved_ordinals(candidate: str, source: str) -> list[str]:
    """``adverb→deed`` when ``candidate`` makes a deed a first (``首次``) or a repeat (``再次``) that the source
    says of another deed: ``苹果公司首次发布iOS 27测试版`` of ``苹果公司周二发布iOS 27测试版，首次在中国大陆地区推出
    Apple Intelligence功能`` makes the beta the first, where the first is the feature's launch in mainland China.

    The deed is the longest piece of the source that the line goes on with after the adverb (at least
    :data:`MIN_ORDINAL_DEED` characters).  It is supported when the source puts the adverb, in any of its forms
    (``再一次`` for ``再次``), right before the deed's first two characters, or before the deed in the same
    sentence.  Of the 5,317 gold lines of the dev and test caches one headline is flagged (``国家首次明确政府投资
    基金布局和投向`` of ``首次在国家层面对…作出系统规范``) and two multi-sentence episode summaries, of the forty-ninth
    session's candidate generator's first lines two, both wrong (``英国下周二表决首次否决…`` of a second defeat)."""
    cand = fact_normalise(candidate)
    src = fact_normalise(source)
    found: list[str] = []
    for match in _ORDINAL.finditer(cand):
        forms = _SAME_ORDINAL[match.group(0)]
        if not any(form in src for form in forms):
            continue  # an adverb the source lacks is not this check's business
        deed = longest_in_source(_PIECE_BREAK.split(cand[match.end() :], maxsplit=1)[0], src, from_end=False)
        if len(deed) < MIN_ORDINAL_DEED or any(form + deed[:2] in src for form in forms):
            continue
        occurrences = itertools.islice(re.finditer(re.escape(deed), src), MAX_OCCURRENCES)
        if not any(any(form in _text_before(src, o.start(), _SENTENCE_BREAK) for form in forms) for o in occurrences):
            found.append(f"{match.group(0)}→{deed}")
    return found


#: POS flags of the words a line's object may be made of after its verb (nouns, abbreviations, verbal and
#: adjectival nouns, numerals, measure words, 的, distinguishing words, adjectives); the object ends at any other.
_OBJECT_FLAGS = ("n", "j", "vn", "an", "m", "q", "uj", "b", "a")
#: Flags of an object's head noun: the last of these in the object.  Person names are left out (jieba cuts
#: an unknown name into pieces it tags ``nr``, and a person met is rarely another verb's object).
_HEAD_FLAGS = ("n", "ns", "nt", "nz", "nl", "ng", "j", "vn", "an")
#: A verb and an object head must have this many characters each to be checked (``是``, ``有`` are not).
MIN_VERB_OBJECT_CHARS = 2


def _object_head(words: tuple[tuple[str, str], ...], verb_index: int) -> str:
    """The head noun of the object that follows the verb at ``verb_index`` of the tagged ``words``, when the
    object runs on to the end of the line or of its segment (a mark or a space) and ends in a noun: the run of
    object words (:data:`_OBJECT_FLAGS`) after the verb.  Empty otherwise: an object that another word cuts
    short (``整治`` tagged a noun before ``为基层减负``) is one jieba may have parsed wrong."""
    run = []
    for word, flag in words[verb_index + 1 :]:
        if not any(ch.isalnum() for ch in word) or (flag == "l" and run):
            break  # a set phrase after the object is its own predicate (阳性率|持续上升)
        if not flag.startswith(_OBJECT_FLAGS):
            return ""
        run.append((word, flag))
    return run[-1][0] if run and run[-1][1] in _HEAD_FLAGS else ""


#: Single characters that complete a verb before its object (``遏制住``, ``拿到``, ``建成``): jieba cuts them off.
_VERB_COMPLEMENTS = frozenset("住到完好掉出起成")


def moved_objects(candidate: str, source: str) -> list[str]:
    """``verb…head`` for each verb of ``candidate`` that the line gives an object the source never gives it:
    the verb and the object's head noun are both the source's words, but no clause of the source has both.
    The copy head pastes a verb from one clause before the object of another:
    ``坚定不移推进党的十九大精神`` of ``全面贯彻党的十九大精神，…坚定不移推进全面从严治党`` (``推进…精神``),
    ``教育部要求各地开展人工智能通识教育指南`` of ``印发《…通识教育指南》，要求各地…开展人工智能教育`` (``开展…指南``),
    ``我国进入流感病毒检测阳性率持续上升`` of ``我国已进入流感高发季节，…阳性率持续上升`` (``进入…阳性率``),
    ``坚决遏制住废物综合治理体系`` of ``坚决遏制住固废增长势头，构建固体废物综合治理体系`` (``遏制…废物``, past the
    complement 住 jieba cuts off).

    Only an object that runs on to the end of the line or of its segment is read (:func:`_object_head`), and a
    clause with both words in either order supports it (``对美方目标发动袭击`` for ``袭击美方目标``).  Of the
    5,317 dev and test cache items 180 gold headlines are flagged (mostly where jieba tags a noun a verb,
    ``执法机构``, or the headline rewords its clause) and 221 of the generator's first lines, mostly
    spliced (``广州港完成货物吞吐量突破2800万标准箱`` where 2800万 counts the containers, ``打造宜居宜业城市更新``),
    so this is a penalty on generated lines, not a hard rule."""
    src = fact_normalise(source)
    words = tagged_words(fact_normalise(candidate))
    clauses = _source_clauses(src)
    found: list[str] = []
    for index, (verb, flag) in enumerate(words):
        if flag != "v" or len(verb) < MIN_VERB_OBJECT_CHARS or verb not in src:
            continue
        complement = index + 1 < len(words) and words[index + 1][0] in _VERB_COMPLEMENTS
        head = _object_head(words, index + 1 if complement else index)  # ``遏制|住|废物…``
        if len(head) < MIN_VERB_OBJECT_CHARS or head not in src:
            continue
        if not any(verb in clause and head in clause for clause in clauses):
            found.append(f"{verb}…{head}")
    return found


@lru_cache(maxsize=64)
def _source_clauses(normalised_source: str) -> tuple[str, ...]:
    """The clauses of a normalised source, split at ``，。；：！？`` and line ends."""
    return tuple(clause for clause in _CLAUSE_BREAK.split(normalised_source) if clause)


#: Verbs of a change up and down, as figures are reported (``同比增长2.3%``, ``同比减少3.4%``, ``降幅收窄``).
_UP = "增长|上涨|上升|提高|增加|攀升|回升|扩大|走高|增|涨|升"
_DOWN = "下降|下跌|减少|回落|降低|下滑|收窄|缩小|走低|减|跌|降"
_CHANGE_VERB = re.compile(rf"{_UP}|{_DOWN}")
_CHANGE = re.compile(
    rf"(?P<verb>{_UP}|{_DOWN})了?(?:约|近|超过|逾)?(?P<figure>(?<![\d.])\d+(?:\.\d+)?(?:%|个百分点|倍)?)(?![\d.])"
)
_UP_WORDS = frozenset(_UP.split("|"))
#: How far before a figure the source's verb of change is looked for (``同比下降2.1%``, ``下降了约2.1%``).
_VERB_REACH = 6


def reversed_changes(candidate: str, source: str) -> list[str]:
    """``verb figure→source verb`` for each figure ``candidate`` gives a change up (or down) while the source
    gives that figure only a change the other way: ``韩国11月出口额…同比增长3.4%`` where ``…同比减少3.4%``.
    A figure the source also states without a verb, or with the same direction, is let be."""
    cand = fact_normalise(candidate)
    src = fact_normalise(source)
    found: list[str] = []
    for change in _CHANGE.finditer(cand):
        up = change.group("verb") in _UP_WORDS
        figure = change.group("figure")
        verbs = [
            _verb_before(src, match.start())
            for match in itertools.islice(whole_figure(figure).finditer(src), MAX_OCCURRENCES)
        ]
        if verbs and all(verb and (verb in _UP_WORDS) != up for verb in verbs):
            found.append(f"{change.group('verb')}{figure}→{verbs[0]}")
    return found


#: A record or a trend a line may state without a figure (``高考报名人数创新高``), up and down.
_TREND_UP = r"创历史新高|创新高|新高|增长|上涨|上升|提高|增加|攀升|回升|走高"
_TREND_DOWN = r"创历史新低|创新低|新低|下降|下跌|减少|回落|降低|下滑|走低|萎缩|少了"
_TREND = re.compile(rf"(?P<up>{_TREND_UP})|(?P<down>{_TREND_DOWN})")
_SENTENCE = re.compile(r"[^。！？!?\n]+")
#: A trend's subject must be this long, found in the source, to be looked up there.
MIN_TREND_SUBJECT = 4


def reversed_trend(candidate: str, source: str) -> str:
    """``subject trend→source sentence`` when ``candidate`` (without a figure, which :func:`reversed_changes`
    judges) ends its statement with a trend of a subject (``高考报名人数创新高``) and the first sentence of the source
    that names that subject (its last :data:`MIN_TREND_SUBJECT` characters or more) and a trend after it gives only
    the other way (``今年高考报名人数1335万，比去年少了7万，2017年以来首次减少``: the record was last year's); ``""``
    otherwise.  Of the 5,317 dev and test cache items no gold headline and one line of the generator's n-best do so."""
    cand = fact_normalise(candidate).split("：")[-1]
    trends = list(_TREND.finditer(cand))
    if not trends or re.search(r"\d", cand):
        return ""
    trend = trends[-1]
    head = cand[: trend.start()]
    src = fact_normalise(source)
    subject = next((head[i:] for i in range(len(head) - MIN_TREND_SUBJECT + 1) if head[i:] in src), "")
    if not subject:
        return ""
    for sentence in itertools.islice((m.group() for m in _SENTENCE.finditer(src) if subject in m.group()), 20):
        said = {"up" if m.group("up") else "down" for m in _TREND.finditer(sentence, sentence.index(subject))}
        if said:
            other = "down" if trend.group("up") else "up"
            return f"{subject}{trend.group()}→{sentence[:40]}" if said == {other} else ""
    return ""


def _verb_before(source: str, at: int) -> str:
    """The verb of change nearest before position ``at`` of ``source`` (within :data:`_VERB_REACH`
    characters, not across a clause mark), or ``""``."""
    before = _text_before(source, at, _CLAUSE_BREAK)[-_VERB_REACH:]
    verbs = list(_CHANGE_VERB.finditer(before))
    return verbs[-1].group(0) if verbs else ""


#: Words that say how far a figure or an event reaches: ``全国``, ``全省``, ``全球``.
_SCOPE = re.compile(r"全(?:国|球|世界|省|市|县|区|州|港|澳|台|网|军)")


def changed_scopes(candidate: str, source: str) -> list[str]:
    """``line scope→source scope`` for each scope word (:data:`_SCOPE`) of ``candidate`` that ``source``
    lacks while it has another: ``1至10月全国外游客同比增长8.5%`` for a province's report that says ``全省累计
    接待国内外游客…``.  A line may say ``全国`` of a text that names no scope (``全国启动就业政策宣传月``)."""
    src = fact_normalise(source)
    told = [match.group() for match in _SCOPE.finditer(src)]
    if not told:
        return []
    return [
        f"{scope}→{told[0]}" for scope in dict.fromkeys(_SCOPE.findall(fact_normalise(candidate))) if scope not in src
    ]


#: ``X之一的Y``: Y is one of the kind X (``全国骨干水网工程之一的引大济岷工程``).
_ONE_OF_A_KIND = re.compile(r"(?P<kind>[\u4e00-\u9fff“”]{4,16})之一的(?P<item>[\u4e00-\u9fff“”]{2,16})")


def kinds_for_their_one(candidate: str, source: str) -> list[str]:
    """``kind→item`` for each kind the source names only as what one of its members belongs to (``全国骨干水网工程之一
    的引大济岷工程…启动建设``) that ``candidate`` names without that member, so that it tells of the whole kind what
    the source tells of one (``全国骨干水网工程启动建设``, generated for a dev xwlb item; since the seventy-first
    session).  The kind is taken from its longest end the candidate has (``骨干水网工程``)."""
    cand = fact_normalise(candidate)
    src = fact_normalise(source)
    moved: list[str] = []
    for found in _ONE_OF_A_KIND.finditer(src):
        kind, item = found.group("kind"), found.group("item")
        named = next((kind[i:] for i in range(len(kind) - 3) if kind[i:] in cand), "")
        if not named or item[:2] in cand or src.count(named) > src.count(named + "之一"):
            continue
        if named + "之一" not in cand:
            moved.append(f"{named}→{item}")
    return moved


#: A number as a list of them gives it (``6.4%``, ``1.8万亿元``, ``2165亿件``).
_LISTED_NUMBER = r"\d+(?:\.\d+)?[%％]?[\u4e00-\u9fff]{0,3}?"
#: ``分别`` and the numbers it pairs with the items listed before it: ``分别完成1.8万亿元和2165亿件``.
_RESPECTIVELY = re.compile(
    rf"分别[\u4e00-\u9fff]{{0,6}}?(?P<numbers>{_LISTED_NUMBER}(?:[、和及与]{_LISTED_NUMBER})+)(?=[，。；,;]|$)"
)
_NUMBER_AT_START = re.compile(r"\d+(?:\.\d+)?[%％]?")


def mispaired_numbers(candidate: str, source: str) -> list[str]:
    """``number→item`` for each number ``candidate`` gives to an item of a list the source pairs with another
    number by ``分别`` (``邮政快递业务量同比增长6.4%`` of ``…业务收入和行业寄递业务量分别完成1.8万亿元和2165亿件，
    同比分别增长6.4%和11.5%``, where 6.4% is the revenue's; generated for a test xwlb item; since the seventy-first
    session).  The items are the last clause before a sentence's first 分别, split at 和、及与, when they are as
    many as the numbers; an item is told by its last two characters, and the candidate must name another item and
    not its own."""
    cand = fact_normalise(candidate)
    moved: list[str] = []
    for sentence in re.split(r"[。！？；]", fact_normalise(source)):
        first = sentence.find("分别")
        if first < 0:
            continue
        items = re.split(r"[和、及与]", re.split(r"[，,：:]", sentence[:first])[-1])
        keys = [item.strip()[-2:] for item in items]
        if len(keys) < 2 or any(len(key) < 2 for key in keys) or len(set(keys)) < len(keys):
            continue
        for found in _RESPECTIVELY.finditer(sentence):
            listed = re.split(r"[、和及与]", found.group("numbers"))
            numbers = [match.group() for match in map(_NUMBER_AT_START.match, listed) if match]
            if len(numbers) != len(keys):
                continue
            for index, number in enumerate(numbers):
                if not whole_figure(number).search(cand) or keys[index] in cand:
                    continue
                moved += [f"{number}→{key}" for other, key in enumerate(keys) if other != index and key in cand]
    return moved


#: A claim of a line told after its speaker must run on for this many characters in the source to be checked.
MIN_CLAIM = 6
#: The words with which a source gives a claim to whoever it names before them.
_CLAIM_VERBS = re.compile(r"指出|表示|称|说|强调|声明|宣布|认为")


#: A name, a verb of one or two characters and a quotation (``韩国瑜祭「国民党别笑！」``).
_QUOTED_BY = re.compile(r"(?P<speaker>[^「“:，,]{2,12})[\u4e00-\u9fff]{1,2}[「“](?P<claim>[^「」“”]+)[」”]")


def misattributed_claims(candidate: str, source: str) -> list[str]:
    """``speaker：claim`` where ``candidate`` (``speaker：claim``) gives a claim to a speaker the source names, but
    the source's sentence with that claim and the one before it say it is someone else's and never name that
    speaker: ``台湾陆委会：台湾同胞急切期盼使用大陆疫苗`` of ``中国国台办…发表声明指出「广大台湾同胞急切期盼使用
    大陆疫苗…」。此作法…，台湾陆委会随即回应…``.  The speaker is named when one of its pairs of characters (not
    one the claim has) is written there.  Of the 5,317 dev and test cache items this flags 3 of the generator's
    first lines (all three give a claim to who answered it: ``大陆官媒：中国愿意在尊重网络主权``, where Xi said it)
    and 2 gold headlines (one whose speaker the text names three sentences earlier), so it is a penalty.  Since the
    seventy-seventh session a name, a verb and a quotation count as ``speaker：claim`` too, the marks standing for a
    verb of saying (``韩国瑜祭「国民党别笑！」``, of a slogan the text gives to protesters who mock him: one more first
    line of those items, that one)."""
    cand = fact_normalise(candidate)
    src = fact_normalise(source)
    speaker, colon, claim = cand.partition(":")
    quoted = None if colon else _QUOTED_BY.fullmatch(cand)
    if quoted is not None:  # ``韩国瑜祭「国民党别笑！」``: the quotation marks say whose words they are
        speaker, claim = quoted.group("speaker"), quoted.group("claim")
    elif not colon:
        return []
    if not 2 <= len(speaker) <= 12 or speaker not in src:
        return []
    piece = longest_in_source(claim, src, from_end=False)
    pairs = {speaker[i : i + 2] for i in range(len(speaker) - 1)} - {claim[i : i + 2] for i in range(len(claim) - 1)}
    pairs = {pair for pair in pairs if all("\u4e00" <= char <= "\u9fff" for char in pair)}
    if len(piece) < MIN_CLAIM or not pairs:
        return []
    sentences = [(found.start(), found.end()) for found in _SENTENCE.finditer(src)]
    at = src.find(piece)
    for _ in range(MAX_OCCURRENCES):
        if at < 0:
            break
        index = next((i for i, (start, end) in enumerate(sentences) if start <= at < end), None)
        if index is None:
            return []  # a piece that opens on a sentence mark
        told = src[sentences[max(0, index - 1)][0] : sentences[index][1]]
        if any(pair in told for pair in pairs):
            return []
        if quoted is None and _CLAIM_VERBS.search(src, sentences[max(0, index - 1)][0], at) is None:
            return []
        at = src.find(piece, at + 1)
    return [f"{speaker}：{piece}"]


#: Words that liken what comes before them to what follows (``类似于中国体育媒体转播世界杯``).
_LIKENING = re.compile(r"类似于|类似|就像是|就像|好比|如同|犹如|仿佛|好像|好似|正如|恰如|宛如")
#: The shortest longest piece of a line that :func:`likenesses_told_as_facts` looks up.
MIN_LIKENED = 4
#: Marks that open the clause a likeness word stands in.
_LIKENESS_CLAUSE_MARKS = "，,。；;！？!?\n：:"


def likenesses_told_as_facts(candidate: str, source: str) -> list[str]:
    """The longest source piece of ``candidate`` (at least :data:`MIN_LIKENED` characters and half the line) when
    the source has it only after a likening word of its clause (:data:`_LIKENING`) and the line has none:
    ``中国媒体转播世界杯`` of ``每次美国大选，都是中国媒体的一次狂欢节，类似于中国体育媒体转播世界杯`` (generated for a
    dev bedtime section of the eighty-second session) tells as news what the text only compares it to.  Of the
    5,317 dev and test cache items it flags 2 of the generator's first lines and 3 gold headlines, a slogan or a
    title told in quotation marks (``“小官巨贪”``), so it is a penalty."""
    line = fact_normalise(candidate)
    src = fact_normalise(source)
    if _LIKENING.search(line):
        return []
    pieces = sorted(source_pieces(line, src), key=len, reverse=True)
    if not pieces or len(pieces[0]) < MIN_LIKENED or 2 * len(pieces[0]) < len(line):
        return []
    piece = pieces[0]
    at = src.find(piece)
    while at >= 0:
        begin = max(src.rfind(mark, 0, at) for mark in _LIKENESS_CLAUSE_MARKS) + 1
        if _LIKENING.search(src, begin, at) is None:
            return []
        at = src.find(piece, at + 1)
    return [piece]
