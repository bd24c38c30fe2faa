"""Machine checks of one translated segment against its source segment.

A translation we serve must carry every figure and identifier of its source: numbers (as values, so
``4,2%`` matches ``4.2%`` and ``三分之二`` matches ``2/3`` or ``two thirds``), clause and indicator ids,
URLs and e-mail addresses; it must add no digit-written figure of its own; and it must render the
glossary's terms of art with their preferred equivalents. A segment that fails any check is not served.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache

from assistant.corpus.glossary import Glossary
from assistant.text.numbers import WrittenNumber, read_numbers

_URL = re.compile(r"https?://[^\s\u3000-\u9fff\uff00-\uffef，。、（）]+")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_CLAUSE_ID = re.compile(r"(?<![A-Za-z0-9])[CR]\d{1,2}(?:\.\d{1,2})?(?![0-9])")
_INDICATOR_ID = re.compile(r"(?<![\d.])\d\.\d{1,2}\.\d{1,2}(?![\d])")


@dataclass(frozen=True)
class CheckResult:
    problems: tuple[str, ...]

    @property
    def passed(self) -> bool:
        return not self.problems


@lru_cache(maxsize=1 << 16)
def _fold(text: str) -> str:
    """Without white space, case-folded; cached, as every segment's check folds every glossary form."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", text)).casefold()


def _literals(text: str) -> list[str]:
    urls = [u.split("..")[0].rstrip(".,;:)?") for u in _URL.findall(text)]
    found = urls + _EMAIL.findall(text) + _CLAUSE_ID.findall(text) + _INDICATOR_ID.findall(text)
    return list(dict.fromkeys(x for x in found if x))


def _value_set(numbers: list[WrittenNumber]) -> set[Fraction]:
    return {v for n in numbers for v in n.values}


def _concatenations(numbers: list[WrittenNumber]) -> set[str]:
    """Digit strings of two numbers joined: a page number glued to a year in the source (``122019``) may
    come out as "[12] … 2019" with the month in between."""
    digits = [n.digits for n in numbers if n.kind in ("digits", "id") and n.digits]
    return {a + b for i, a in enumerate(digits) for b in digits[i + 1 :]}


def _close(a: Fraction, b: Fraction) -> bool:
    return a == b or (b != 0 and abs(float(a / b) - 1) < 0.006 and a.denominator > 1)


def _has_value(values: frozenset[Fraction], pool: set[Fraction]) -> bool:
    return any(_close(v, p) or _close(p, v) for v in values for p in pool)


def missing_numbers(source: str, translation: str) -> list[str]:
    """Source numbers no number of the translation stands for (unambiguous ones only)."""
    src = read_numbers(source)
    tgt = read_numbers(translation, lenient_zh=True)
    pool = _value_set(tgt)
    glued = _concatenations(tgt)
    tgt_ids = {n.text for n in tgt if n.kind == "id"}
    missing: list[str] = []
    for n in src:
        if n.ambiguous:
            continue
        if n.kind == "id":
            if n.text not in tgt_ids and n.text not in translation:
                missing.append(n.text)
            continue
        if _has_value(n.values, pool) or (n.kind == "digits" and n.digits in glued):
            continue
        missing.append(n.text)
    return missing


def extra_numbers(source: str, translation: str) -> list[str]:
    """Digit-written numbers of the translation that the source does not have (typos, inventions)."""
    src = read_numbers(source, lenient_zh=True)
    pool = _value_set(src)
    src_digits = "".join(n.digits for n in src)
    extra: list[str] = []
    for n in read_numbers(translation, words=False):
        if n.kind == "zh":
            continue
        if n.kind == "id":
            if n.text not in source:
                extra.append(n.text)
            continue
        if _has_value(n.values, pool) or (n.digits and n.digits in src_digits):
            continue
        extra.append(n.text)
    return extra


def missing_literals(source: str, translation: str) -> list[str]:
    folded = _fold(translation)
    return [x for x in _literals(source) if _fold(x) not in folded]


def _source_terms(folded: str, source_lang: str, glossary: Glossary) -> list[tuple[str, str]]:
    """Glossary terms in the source, leftmost-longest: ``范围一和范围二`` is scope 1 and 2 (not also scope 2),
    ``科学碳目标设定`` is science-based target setting (not CATI's ``碳目标设定``)."""
    found: list[tuple[int, int, str, bool]] = []
    for entry in glossary.entries:
        forms = entry.terms.get(source_lang, ())
        for i, form in enumerate(forms):
            key = _fold(form)
            if len(key) < 2:
                continue
            start = folded.find(key)
            while start >= 0:
                found.append((start, start + len(key), entry.id, i == 0))
                start = folded.find(key, start + 1)
    found.sort(key=lambda m: (m[0], -(m[1] - m[0])))
    kept: list[tuple[str, str]] = []
    end = -1
    for a, b, entry_id, preferred in found:
        if a >= end:
            if preferred:
                kept.append((entry_id, folded[a:b]))
            end = b
    return kept


def glossary_misses(source: str, source_lang: str, translation: str, target_lang: str, glossary: Glossary) -> list[str]:
    """Enforced glossary terms of the source whose preferred equivalent (or an accepted alias) is missing."""
    folded_tgt = _fold(translation)
    by_id = {e.id: e for e in glossary.entries}
    misses: list[str] = []
    for entry_id, form in dict(_source_terms(_fold(source), source_lang, glossary)).items():
        entry = by_id[entry_id]
        accepted = entry.terms.get(target_lang, ())
        if entry.enforce and accepted and not any(_fold(f) in folded_tgt for f in accepted):
            misses.append(f"{form} → {accepted[0]}")
    return misses


def check_translation(
    source: str, source_lang: str, translation: str, target_lang: str, glossary: Glossary | None = None
) -> CheckResult:
    """All checks of one segment; each problem is a short English line for the ingest report."""
    problems: list[str] = []
    if not translation.strip():
        return CheckResult(("empty translation",))
    # superscripts, subscripts and full-width digits read as digits (``²⁰⁰⁹``, ``CO₂``, ``２０３０``)
    source, translation = unicodedata.normalize("NFKC", source), unicodedata.normalize("NFKC", translation)
    if miss := missing_numbers(source, translation):
        problems.append(f"numbers missing: {', '.join(miss)}")
    if extra := extra_numbers(source, translation):
        problems.append(f"numbers not in the source: {', '.join(extra)}")
    if lits := missing_literals(source, translation):
        problems.append(f"ids/links missing: {', '.join(lits)}")
    if glossary is not None and (terms := glossary_misses(source, source_lang, translation, target_lang, glossary)):
        problems.append(f"glossary terms not rendered: {'; '.join(terms)}")
    return CheckResult(tuple(problems))
