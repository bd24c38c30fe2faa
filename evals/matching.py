"""The contract's matching rules, the refusal fallback and the answer-language check.

Matching folds case and removes all white space (contract). Numbers are compared under three
spellings so ``4,2%`` (Vietnamese decimal comma) matches ``4.2%`` and ``6,960`` matches ``6960``;
a hit under any spelling counts.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from assistant.text.language import detect_language

# Phrases that say "the documents do not cover this", for answers that refuse in prose
# (an LLM may refuse without setting the flag). Folded like everything else.
REFUSAL_PHRASES: dict[str, tuple[str, ...]] = {
    "vi": (
        "không đề cập",
        "không có thông tin",
        "không bao gồm",
        "không trả lời được",
        "không tìm thấy",
        "không nêu",
        "chưa đề cập",
    ),
    "zh": (
        "未涉及",
        "没有涉及",
        "未提及",
        "没有提到",
        "未找到",
        "没有找到",
        "无法回答",
        "文件中没有",
        "不包含",
        "没有说明",
        "未说明",
    ),
    "en": (
        "do not cover",
        "does not cover",
        "don't cover",
        "not covered",
        "no passage",
        "could not find",
        "do not say",
        "does not say",
        "do not mention",
        "not in the documents",
        "do not state",
        "does not state",
    ),
}

_QUOTE_LINE = re.compile(r"^\s*>.*$", re.MULTILINE)
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|「[^」]*」|『[^』]*』|«[^»]*»")
_MARKERS = re.compile(r"\[\d+\]|https?://\S+|\S+@\S+")
# a locator names where the original says it ("(§ CÔNG BỐ TIẾN ĐỘ HÀNG NĂM)", "(p. 24, C16)"): a citation
_LOCATOR = re.compile(r"[(（](?:§|p\.|tr\.|第)[^)）]*[)）]")


def fold(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", text)).casefold()


def _decimal_point(text: str) -> str:
    return re.sub(r"(?<=\d),(?=\d)", ".", text)


def _no_thousands(text: str) -> str:
    return re.sub(r"(?<=\d)[,.\u202f\u00a0](?=\d{3}(?!\d))", "", text)


def spellings(text: str) -> tuple[str, ...]:
    f = fold(text)
    return (f, _decimal_point(f), _no_thousands(f))


def contains(haystack: str, needle: str) -> bool:
    hays = spellings(haystack)
    return any(n in h for n in spellings(needle) for h in hays)


@dataclass
class MatchResult:
    passed: bool
    missing: list[str] = field(default_factory=list)
    missing_groups: list[list[str]] = field(default_factory=list)
    forbidden: list[str] = field(default_factory=list)


def match_answer(
    answer: str, must_include: Iterable[str], any_of: Iterable[Iterable[str]], must_not_include: Iterable[str]
) -> MatchResult:
    missing = [s for s in must_include if not contains(answer, s)]
    groups = [list(g) for g in any_of]
    missing_groups = [g for g in groups if g and not any(contains(answer, s) for s in g)]
    forbidden = [s for s in must_not_include if contains(answer, s)]
    return MatchResult(not (missing or missing_groups or forbidden), missing, missing_groups, forbidden)


def refuses_in_prose(answer: str, lang: str) -> bool:
    text = fold(own_words(answer))
    phrases = REFUSAL_PHRASES.get(lang, ()) + REFUSAL_PHRASES["en"]
    return any(fold(p) in text for p in phrases)


def own_words(answer: str) -> str:
    """The answer without quoted evidence, citation markers, links and addresses."""
    text = _QUOTE_LINE.sub(" ", answer)
    text = _QUOTED.sub(" ", text)
    text = _LOCATOR.sub(" ", text)
    return _MARKERS.sub(" ", text)


def answer_language(answer: str) -> str:
    return detect_language(own_words(answer))
