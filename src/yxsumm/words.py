"""jieba, imported once and quiet (its own logger prints dictionary loading to stderr otherwise), and the verb test
the span rules share."""

from __future__ import annotations

import logging
from functools import lru_cache
from types import ModuleType


@lru_cache(maxsize=1)
def jieba() -> ModuleType:
    """The ``jieba`` module with its log level set to WARNING."""
    import jieba as module

    module.setLogLevel(logging.WARNING)
    return module


@lru_cache(maxsize=1)
def dictionary_frequencies() -> dict[str, int]:
    """jieba's dictionary, word to frequency (loaded once): a word with a frequency above 0 is a word of its own."""
    module = jieba()
    module.initialize()
    return module.dt.FREQ


#: Verbs jieba's dictionary tags a person's name (``杜绝 593 nr``, ``祝贺 264 nr``): tagged so, ``以杜绝寻租经济``
#: did not read as a purpose clause, and a generated ``荣获`` or ``晋级`` the text lacks counted as an invented name.
#: Only common verbs of news text whose dictionary entry is ``nr`` (of its 741 two-character ``nr`` entries above a
#: frequency of 150, read one by one); words that are also names or nouns (``高明``, ``许可``, ``张扬``) are left.
VERBS_JIEBA_TAGS_AS_NAMES = frozenset([
    "杜绝", "封锁", "寻思", "冷笑", "康复", "周转", "修正", "凌辱", "陈述", "荣获", "呼唤", "陈列",
    "布满", "安抚", "原谅", "容纳", "晋升", "祝贺", "张开", "弘扬", "查明", "张贴", "周旋", "加薪",
    "立功", "拓宽", "扬言", "张罗", "敬畏", "卫冕", "陶醉", "滑雪", "高喊", "麻醉", "越冬", "道谢",
    "张望", "从政", "许诺", "晋级", "涂抹", "巴结", "寒暄", "权衡", "从军", "苏醒", "滑冰", "敬献",
    "爱戴", "通晓", "归顺", "侍奉", "屠宰", "矫正", "敬礼", "盖章", "解密", "关怀", "祝福", "练兵",
    "谢谢", "比武",
])  # fmt: skip


#: The modal verb 可以, which jieba's dictionary tags a conjunction (``可以 c``): ``…，可以更简单地对这些弊端加以分析``
#: opened with a conjunction and so had a doer of its own.
MODAL_JIEBA_TAGS_AS_A_CONJUNCTION = "可以"


#: Nouns jieba's dictionary tags verbs: Hong Kong's ``私隐`` (privacy; ``私隐 v``), so that ``私隐专员`` names an
#: office, not a deed (a dev section line that printed the office alone; since the seventy-second session), and
#: ``位置`` (``林唯麒的堕楼位置``, a place; since the seventy-fifth session) and Hong Kong's ``浸会`` (of
#: ``浸会大学学生会会长方仲贤``, a dev headline that printed the person alone; since the seventy-sixth session) and
#: ``排档`` (a food stall: ``在深水埗鸭寮街一带排档`` says where, not what was done).
NOUNS_JIEBA_TAGS_AS_VERBS = frozenset(["私隐", "位置", "浸会", "排档"])


@lru_cache(maxsize=1)
def posseg() -> ModuleType:
    """The ``jieba.posseg`` module (part-of-speech tagging), with :data:`VERBS_JIEBA_TAGS_AS_NAMES` and
    :data:`MODAL_JIEBA_TAGS_AS_A_CONJUNCTION` tagged verbs and :data:`NOUNS_JIEBA_TAGS_AS_VERBS` nouns (the tags
    only: how jieba cuts a text is unchanged)."""
    jieba()
    import jieba.posseg as module

    module.dt.word_tag_tab.update(dict.fromkeys([*VERBS_JIEBA_TAGS_AS_NAMES, MODAL_JIEBA_TAGS_AS_A_CONJUNCTION], "v"))
    module.dt.word_tag_tab.update(dict.fromkeys(NOUNS_JIEBA_TAGS_AS_VERBS, "n"))
    return module


def has_a_verb(text: str, min_chars: int = 1) -> bool:
    """Whether jieba (without its HMM) tags a word of ``text`` of at least ``min_chars`` characters a verb."""
    return any(word.flag.startswith("v") and len(word.word) >= min_chars for word in posseg().lcut(text, HMM=False))
