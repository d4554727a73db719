"""What the generator is given for an article: Simplified text, section inputs, the headline input.

The model reads Simplified Chinese.  A Traditional article is converted once, here
(:func:`simplified_article`); its printed lines are converted back by the summariser.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from .errors import InputError
from .script import detect_script, to_simplified
from .structure import Article, prepare_text


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
    """A text headlined without sectioning: (normalised Simplified text, whether it was Traditional).

    Raises :class:`~yxsumm.InputError` for a non-string or a text with nothing left once normalised.
    """
    if not isinstance(text, str):
        raise InputError(f"expected text (str), got {type(text).__name__}")
    normalised, _ = prepare_text(text)
    if not normalised:
        raise InputError("the text is empty")
    traditional = detect_script(normalised) == "traditional"
    return (to_simplified(normalised) if traditional else normalised), traditional


def section_input(article: Article, index: int) -> str:
    """What section ``index`` is summarised from: its text, or its heading when it has no text."""
    section = article.sections[index]
    return section.text or section.heading or ""


def headline_source(article: Article, section_points: Mapping[int, str], budget: int) -> str:
    """Input for the article headline: the lead, then what each later section says, in ``budget`` characters.

    A later section is represented by its own heading, else by its entry in ``section_points`` (its
    generated summary).  The lead gets at least 65 % of the budget when the points would not fit.
    """
    lead = article.sections[0].text if article.sections else ""
    if article.abstract:
        lead = article.abstract + "。" + lead
    points = []
    for index, section in enumerate(article.sections[1:], 1):
        point = section.heading or section_points.get(index)
        if point:
            points.append(point)
    if not points or len(lead) < budget * 0.6:
        return (lead + "\n" + "；".join(points))[:budget] if points else lead[:budget]
    tail = "；".join(points)[: int(budget * 0.35)]
    return lead[: budget - len(tail) - 1] + "\n" + tail


def fact_context(article: Article) -> str:
    """The text an article headline's facts are checked against: title, abstract and body."""
    return "\n".join(part for part in (article.title, article.abstract, article.body) if part)
