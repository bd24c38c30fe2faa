"""A deterministic reader of calculation questions in Vietnamese, Chinese and English.

It pulls out years, percentages, quantities, scopes, ambitions and rule-set names, so the
calculators can run without any LLM ("giảm 30% từ 2020 đến 2030", "基准年2019年、目标年2029年",
"scope 3 is 45% of total"). Small local models choose tools badly; this reader decides instead.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

_YEAR = re.compile(r"(?<![\d.,])(19[89]\d|20[0-9]\d|2100)(?![\d%])")
_PERCENT = re.compile(r"(?<![\d.,])(\d{1,3}(?:[.,]\d+)?)\s?(?:%|％|phần trăm|percent|个百分点)")
_PERCENT_WORD_ZH = re.compile(r"百分之([\d.]+)")
_QUANTITY = re.compile(
    r"(?<![\d.,])(\d{1,3}(?:[.,\s]\d{3})+|\d+(?:[.,]\d+)?)\s?(k|nghìn|ngàn|triệu|万|千|million|thousand)?\s?"
    r"(tco2e|tco₂e|tấn\s?co2e?|吨二氧化碳当量|吨co2e?|吨|tonnes?|tons?|mwh|gwh|kwh|兆瓦时|千瓦时)",
    re.IGNORECASE,
)
_CATI_ID = re.compile(r"(?<![\d.])([1-5]\.[1-5]\.\d{1,2})(?![\d.])")
_MULTIPLIER = {"k": 1e3, "nghìn": 1e3, "ngàn": 1e3, "thousand": 1e3, "千": 1e3, "万": 1e4, "triệu": 1e6, "million": 1e6}

SCOPE_PATTERNS: dict[str, re.Pattern[str]] = {
    "s1+s2": re.compile(
        r"(?i)scopes?\s?1\s?(?:\+|&|and|và|和|及)\s?2|phạm vi 1\s?(?:\+|&|và)\s?2|范围\s?[一1]\s?(?:\+|&|和|及|、)\s?(?:范围)?\s?[二2]"
    ),
    "s3": re.compile(r"(?i)scope\s?3|phạm vi\s?3|范围\s?[三3]"),
    "s1": re.compile(r"(?i)scope\s?1(?!\s?(?:\+|&|and|và))|phạm vi\s?1(?!\s?(?:\+|&|và))|范围\s?[一1](?![+&和及、])"),
    "s2": re.compile(r"(?i)(?<![1+&] )(?<![1+&])scope\s?2|(?<!và )phạm vi\s?2|(?<![一1+&和及、])范围\s?[二2]"),
}
AMBITION_PATTERNS: dict[str, re.Pattern[str]] = {
    "wb2c": re.compile(r"(?i)well[-\s]?below\s?2|wb2|thấp hơn nhiều so với 2|dưới mức 2|远低于\s?2|远低于2"),
    "1.5C": re.compile(r"(?i)1[.,]5\s?°?\s?c|1[.,]5\s?độ|1[.,]5\s?度|1\.5°"),
    "2c": re.compile(r"(?i)(?<![\d.,])2\s?°\s?c|(?<![\d.,])2\s?độ\s?c|(?<![\d.,])2\s?°c|(?<![\d.,])2\s?度(?!的)"),
}
RULE_SET_PATTERNS: dict[str, re.Pattern[str]] = {
    "sbti-current-floor": re.compile(r"(?i)current|today|now|hiện hành|hiện nay|hiện tại|现行|目前|当前|最新"),
    "sbti-apparel-2019": re.compile(
        r"(?i)v4(?:\.0)?\b|version 4|criteria 4|4\.0\s?版|phiên bản 4|2019\s?(?:rules|criteria|guidance)|2019年版|bản 2019"
    ),
}
_GROWTH = re.compile(
    r"(?i)(?:grow(?:s|th)?|increase[sd]?|rise[sd]?|tăng(?: trưởng)?|增长|增加|提高)\D{0,25}?"
    r"(\d{1,3}(?:[.,]\d+)?)\s?%"
    r"|(\d{1,3}(?:[.,]\d+)?)\s?%\s?(?:growth|increase|tăng trưởng|增长)"
)
_Y = r"(19[89]\d|20\d\d)"
_RANGE = re.compile(
    rf"(?i)(?:from|between|từ(?: năm)?|giữa(?: năm)?|从|自)?\s?{_Y}\s?年?\s?"
    rf"(?:to|and|until|through|đến|tới|và|到|至|-|–|—|→|~)\s?(?:năm\s?)?{_Y}"
)
_BASE = re.compile(
    rf"(?i)(?:base[-\s]?year|năm cơ sở|năm gốc|基准年|基年)\D{{0,8}}{_Y}|{_Y}\s?年?\s?(?:base year|làm năm cơ sở|为基准年|基准)"
)
_TARGET = re.compile(
    rf"(?i)(?:target[-\s]?year|năm mục tiêu|目标年)\D{{0,8}}{_Y}|(?:\bby|đến năm|tới năm|vào năm|到|至)\s?{_Y}"
)
_PER_YEAR = re.compile(
    r"(?i)(?:per year|a year|annual(?:ly)?|/\s?(?:yr|year|năm|年)|mỗi năm|hằng năm|hàng năm|một năm|每年|年均|/年)"
)


@dataclass
class Quantity:
    value: float
    unit: str  # "tco2e" | "mwh"
    span: tuple[int, int]


@dataclass
class ParsedQuestion:
    text: str
    years: list[int] = field(default_factory=list)
    percents: list[tuple[float, tuple[int, int]]] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    scopes: list[str] = field(default_factory=list)
    ambition: str | None = None
    rule_set: str | None = None
    cati_ids: list[str] = field(default_factory=list)
    growth_percent: float | None = None
    growth_per_year: bool = False
    base_year: int | None = None
    target_year: int | None = None

    @property
    def percent_values(self) -> list[float]:
        return [p for p, _ in self.percents]


def _number(raw: str) -> float:
    s = raw.replace(" ", "")
    if re.fullmatch(r"\d{1,3}([.,]\d{3})+", s):
        return float(re.sub(r"[.,]", "", s))
    return float(s.replace(",", "."))


def _unit(raw: str) -> str:
    low = raw.lower().replace(" ", "")
    if "wh" in low or "瓦时" in low:
        return {"kwh": "kwh", "gwh": "gwh", "千瓦时": "kwh"}.get(low, "mwh")
    return "tco2e"


def parse_question(text: str) -> ParsedQuestion:
    text = unicodedata.normalize("NFC", text)
    p = ParsedQuestion(text=text)
    quantity_spans: list[tuple[int, int]] = []
    for m in _QUANTITY.finditer(text):
        value = _number(m.group(1)) * _MULTIPLIER.get((m.group(2) or "").lower(), 1.0)
        unit = _unit(m.group(3))
        if unit == "kwh":
            value, unit = value / 1000, "mwh"
        elif unit == "gwh":
            value, unit = value * 1000, "mwh"
        p.quantities.append(Quantity(value, unit, m.span()))
        quantity_spans.append(m.span())
    for m in _PERCENT.finditer(text):
        p.percents.append((_number(m.group(1)), m.span()))
    for m in _PERCENT_WORD_ZH.finditer(text):
        p.percents.append((_number(m.group(1)), m.span()))
    p.percents.sort(key=lambda x: x[1])
    for m in _YEAR.finditer(text):
        if not any(a <= m.start() < b for a, b in quantity_spans):
            p.years.append(int(m.group(1)))
    p.scopes = [name for name, pat in SCOPE_PATTERNS.items() if pat.search(text)]
    if "s1+s2" in p.scopes:
        p.scopes = [s for s in p.scopes if s not in ("s1", "s2")]
    for name, pat in AMBITION_PATTERNS.items():
        if pat.search(text):
            p.ambition = name
            break
    named = [name for name, pat in RULE_SET_PATTERNS.items() if pat.search(text)]
    if len(named) == 1:  # both named ("v4.0 … and today's rules?"): the default answers, the other is compared
        p.rule_set = named[0]
    p.cati_ids = list(dict.fromkeys(_CATI_ID.findall(text)))
    if span := _RANGE.search(text):
        p.base_year, p.target_year = int(span.group(1)), int(span.group(2))
    if base := _BASE.search(text):
        p.base_year = int(base.group(1) or base.group(2))
    if target := _TARGET.search(text):
        p.target_year = int(target.group(1) or target.group(2))
    if p.base_year is None and p.target_year is None and len(p.years) >= 2:
        p.base_year, p.target_year = p.years[0], p.years[-1]
    if growth := _GROWTH.search(text):
        p.growth_percent = _number(growth.group(1) or growth.group(2))
        tail = text[growth.end() : growth.end() + 30]
        p.growth_per_year = bool(_PER_YEAR.search(tail))
    return p


_FOLLOW_UP = re.compile(
    r"(?i)^\s*(and|what about|how about|what if|same for|còn|thế còn|vậy còn|nếu|那|还有|如果|那么)\b|^\s*(那|还有|如果|那么)"
)


def is_follow_up(text: str) -> bool:
    """Short questions that lean on the previous one ("and for scope 3?", "còn 2°C thì sao?", "那范围三呢？")."""
    return len(text) <= 80 and bool(_FOLLOW_UP.search(text))


def merge_follow_up(previous: ParsedQuestion, current: ParsedQuestion) -> ParsedQuestion:
    """The previous question's figures, with whatever the follow-up states taking precedence."""
    merged = ParsedQuestion(text=f"{previous.text} {current.text}")
    for name in ("years", "percents", "quantities", "scopes", "cati_ids"):
        setattr(merged, name, getattr(current, name) or getattr(previous, name))
    for name in ("ambition", "rule_set", "growth_percent", "base_year", "target_year"):
        value = getattr(current, name)
        setattr(merged, name, value if value is not None else getattr(previous, name))
    merged.growth_per_year = current.growth_per_year or previous.growth_per_year
    return merged
