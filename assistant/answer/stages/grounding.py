"""Numeric grounding: every number in an answer must come from a tool result, a cited passage or
the question itself. Numbers are compared as values, so ``37,8 %``, ``37.8%`` and ``37.80`` agree,
and ``12.000`` (Vietnamese thousands) agrees with ``12000``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

# A number: digits with optional thousands groups and one decimal part, either separator.
_NUMBER = re.compile(
    r"(?<![A-Za-z0-9.,])[-−]?\d{1,3}(?:[.,\u00a0 ]\d{3})+(?:[.,]\d+)?(?!\d)"
    r"|(?<![A-Za-z0-9.,])[-−]?\d+(?:[.,]\d+)?"
)
# Markers, list numbers and similar that are not claims: [1], "1." at a line start, scope names.
_CITATION = re.compile(r"\[\d+\]")
_LIST_ITEM = re.compile(r"(?m)^\s*\d+[.)]\s")
_SCOPE_WORDS = re.compile(
    # names that carry a number but claim no figure: scope 3, phạm vi 1, 范围3, tier 2, category 11,
    # clause ids (C16, R9: upper case and standalone, so "year 2099" is never read as "r 2099"), 1.5°C
    r"(?<![\w])(?i:scope|phạm vi|category|loại|tier|cấp)\s?\d+(?:\.\d+)?"
    r"|(?:范围|类别|层级)\s?\d+(?:\.\d+)?"
    r"|(?<![A-Za-z0-9])[CR]\d{1,2}(?:\.\d{1,2})?(?![\d.,])"
    r"|\d+(?:[.,]\d)?\s?°\s?(?i:c)"
)


@dataclass
class GroundingReport:
    passed: bool
    numbers: list[str] = field(default_factory=list)
    unsupported: list[str] = field(default_factory=list)
    repaired: bool = False


def _values(raw: str) -> set[float]:
    """The values a written number may stand for (``1.234`` is 1.234 or 1234)."""
    s = raw.replace("−", "-").replace(" ", "").replace("\u00a0", "")
    out: set[float] = set()
    candidates = {s.replace(",", "."), s.replace(",", ""), s.replace(".", "").replace(",", ".")}
    if re.fullmatch(r"-?\d{1,3}([.,]\d{3})+", s):
        candidates.add(re.sub(r"[.,]", "", s))
    for c in candidates:
        try:
            out.add(round(float(c), 6))
        except ValueError:
            continue
    return out


def numbers_in(text: str) -> list[str]:
    text = _CITATION.sub(" ", text)
    text = _LIST_ITEM.sub(" ", text)
    text = _SCOPE_WORDS.sub(" ", text)
    return [m.group().strip() for m in _NUMBER.finditer(text)]


def _known_values(sources: Iterable[str], extra: Iterable[float]) -> set[float]:
    known: set[float] = set()
    for s in sources:
        for n in numbers_in(s) + [m.group() for m in _NUMBER.finditer(s)]:
            known |= _values(n)
    for v in extra:
        known.add(round(float(v), 6))
    return known


def _supported(value_set: set[float], known: set[float]) -> bool:
    # equal, or the same figure rounded for display (42.0 vs 42, 55.38 vs 55.4); a change of -66.33% may be
    # written "falls 66.33%", so the sign is not compared
    return any(abs(abs(v) - abs(k)) <= 0.05 + 1e-9 for v in value_set for k in known)


# A percentage must be backed by a percentage: "10%" is not grounded by "10 years".
_PERCENT_SIGN = re.compile(r"\s?(?:%|％|percent|per cent|phần trăm)", re.IGNORECASE)
_PERCENT_KEY = re.compile(r'"[a-z0-9_]*(?:percent|rate|share|threshold)[a-z0-9_]*":\s*(-?\d+(?:\.\d+)?)')


def percents_in(text: str) -> list[str]:
    text = _CITATION.sub(" ", text)
    return [m.group().strip() for m in _NUMBER.finditer(text) if _PERCENT_SIGN.match(text, m.end())]


def _known_percents(sources: Iterable[str]) -> set[float]:
    known: set[float] = set()
    for s in sources:
        for n in percents_in(s):
            known |= _values(n)
        for m in _PERCENT_KEY.finditer(s):
            known.add(round(float(m.group(1)), 6))
    return known


def check_numbers(answer: str, sources: Iterable[str], extra_values: Iterable[float] = ()) -> GroundingReport:
    """Which numbers of ``answer`` appear in no source (tool results, passages, the question)."""
    sources = list(sources)
    found = numbers_in(answer)
    known = _known_values(sources, extra_values)
    # small counting words are not claims ("3 sources", "step 2")
    unsupported = [n for n in found if not _supported(_values(n), known) and not _is_trivial(n)]
    known_pct = _known_percents(sources) | {abs(v) for v in _known_percents(sources)}
    for n in percents_in(answer):
        if n not in unsupported and not _supported({abs(v) for v in _values(n)}, known_pct):
            unsupported.append(n)
    return GroundingReport(passed=not unsupported, numbers=found, unsupported=unsupported)


def _is_trivial(raw: str) -> bool:
    return bool(re.fullmatch(r"[0-9]", raw.strip()))


def strip_numbers(answer: str, unsupported: Iterable[str]) -> str:
    """Repair: replace unsupported figures with an ellipsis rather than let them stand."""
    out = answer
    for n in sorted(set(unsupported), key=len, reverse=True):
        out = re.sub(rf"(?<![A-Za-z0-9.,]){re.escape(n)}(?!\d)\s?%?", "…", out)
    return out
