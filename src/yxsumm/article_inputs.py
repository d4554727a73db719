"""What the generator is given for an article: Simplified text, section inputs, the headline input.

The model reads Simplified Chinese.  A Traditional article is converted once, here
(:func:`simplified_article`); its printed lines are converted back by the summariser.
"""

from __future__ import annotations

import dataclasses

from .errors import InputError
from .script import detect_script, to_simplified
from .structure import Article, prepare_text, require_words, without_noise


def simplified_article(article: Article) -> Article:
    """``article`` with its title, abstract, headings and section texts in Simplified script.

    A Simplified article is returned as it is; the ``script`` field keeps the original script.
    """
    if article.script != "traditional":
        return article
    convert = to_simplified
    sections = [
        dataclasses.replace(s, heading=convert(s.heading) if s.heading else s.heading, text=convert(s.text))
        for s in article.sections
    ]
    return dataclasses.replace(
        article,
        title=convert(article.title) if article.title else article.title,
        abstract=convert(article.abstract) if article.abstract else article.abstract,
        sections=sections,
    )


def plain_text_input(text: str) -> tuple[str, bool]:
    """A text headlined without sectioning: (normalised Simplified text, whether it was Traditional).  Bylines,
    captions, boilerplate and a teaser tail are left out (:func:`~yxsumm.structure.without_noise`): they never
    reach a line, here as in a summary of the whole article.

    Raises :class:`~yxsumm.InputError` for a non-string, a text with nothing left once normalised, or one
    without a letter or digit.
    """
    if not isinstance(text, str):
        raise InputError(f"expected text (str), got {type(text).__name__}")
    normalised, _ = prepare_text(text)
    if not normalised:
        raise InputError("the text is empty")
    require_words(normalised)
    normalised = without_noise(normalised)
    traditional = detect_script(normalised) == "traditional"
    return (to_simplified(normalised) if traditional else normalised), traditional


def section_input(article: Article, index: int) -> str:
    """What section ``index`` is summarised from: its text, or its heading when it has no text."""
    section = article.sections[index]
    return section.text or section.heading or ""


#: Longest headline input, in characters: the span selector reads the first 240, the model its first
#: ``max_source_chars`` (192 by default); the rest of a long body is never read, so it is not passed on.
HEADLINE_SOURCE_CHARS = 2000


def headline_source(article: Article, budget: int = 0) -> str:
    """Input for the article headline: the abstract, then the body (headings, captions, bylines and tails
    left out), at most :data:`HEADLINE_SOURCE_CHARS` characters (or ``budget``, when it is longer).

    This is the text the generator was trained on (an article's start → its headline).  Until the
    twenty-first session the input was the lead cut to 65 % of the model's budget followed by the later
    sections' headings or generated summaries; with those, article headlines scored 1.5–2 ROUGE-L lower
    on hkcnews and oped2 articles, and the span selector picked a later section's line as the headline
    of the whole article.  An article with nothing but its title (and bylines or tails) is headlined from its
    title, not from nothing (``廖启智（1954-2021）`` over ``(原刊 作者Facebook ）``).
    """
    text = "。".join(part for part in (article.abstract, article.body) if part) or (article.title or "")
    return text[: max(HEADLINE_SOURCE_CHARS, budget)]


def fact_context(article: Article) -> str:
    """The text an article headline's facts are checked against: title, abstract and body."""
    return "\n".join(part for part in (article.title, article.abstract, article.body) if part)
