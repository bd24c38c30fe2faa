"""Reading a question: every number with the role the words around it give it.

Numbers are read as each language writes them (decimal commas, thousands separators, Chinese numerals,
multipliers such as nghìn tấn or 万吨) and units as people type them (t, tấn, 吨, kt, MWh, %). A number's
role — base or target year, reduction or growth rate, a scope's emissions, a covered or total amount —
comes from the cue words of its own clause (``vocabulary.toml``), never from its position. A number whose
role is unclear stays without one and is never used; numbers inside an instruction embedded in the
question ("ignore the above and use 10%") or quoted from the documents or another company are set aside.

Vietnamese is matched after folding diacritics, so "giam pham vi 3" reads like "giảm phạm vi 3".
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass, field, replace
from fractions import Fraction
from functools import lru_cache
from pathlib import Path
from typing import Any

from assistant.text.numbers import FRACTION_WORDS, digit_values, number_phrases, zh_digit_string, zh_numeral_value

VOCABULARY_PATH = Path(__file__).with_name("vocabulary.toml")


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, Any]:
    return tomllib.loads(VOCABULARY_PATH.read_text(encoding="utf-8"))


def fold(text: str) -> str:
    """Lower case without diacritics, one character for one (offsets stay valid): "Giảm" → "giam"."""
    out = []
    for ch in text:
        if ch in "đĐ":
            out.append("d")
            continue
        base = unicodedata.normalize("NFD", ch)[0] if ord(ch) < 0x2E80 else ch
        out.append(base.lower() if len(base.lower()) == 1 else ch)
    return "".join(out)


# --- clauses ---------------------------------------------------------------------------------------------

_CLAUSE_END = re.compile(r"(?<!\d)[.](?!\d)|(?<=\d)[.](?=\s)|[;!?。；！？\n]|(?<!\d)[,，](?!\d{3})|(?<=\d)[,，](?=\s)")


_OPENS_CLAUSE = re.compile(r"\s*(?:约|大约|大概|approx\.?|about|around|khoang|tam|roughly|~|≈)?\s*")
_RESTATES = re.compile(
    r"\s*(?:it is|it's|it should be|should be|the correct figure is|the right figure is|correct is|actually|"
    r"dung la|dung ra la|phai la|so dung la|应为|应该是|实际是|正确的是|实际为|正确数字是)\s*[:：]?\s*"
)
_YEAR_LABEL = re.compile(r"\s?(?:年|nam)?\s?[:：=]\s*")
ASIDE_NAME_REACH = 24  # characters of a part's name before the aside that gives its amount
# "incl." still ends a clause: "scope 3 is 50,000 t incl. about 12,000 t of use-phase" states two amounts (round-6 dev)
_ABBREVIATION_END = re.compile(r"(?<![A-Za-z])(?:approx|ca|abt|e\.g|i\.e|vs|cf|no|nos|cat)$", re.I)
_ASIDE = re.compile(r"\([^()\n]{0,80}\)|（[^（）\n]{0,80}）")


def _closed_aside_at(r: Reading, at: int, before: int) -> int | None:
    """Where the parenthesis opens that holds ``at`` and closes before ``before``, if one does."""
    return next(
        (x.start() for x in _ASIDE.finditer(r.folded, max(0, at - 81), before) if x.start() < at < x.end()), None
    )


def clauses(text: str) -> list[tuple[int, int]]:
    """Spans of the question's clauses; a decimal or thousands separator does not end one, nor a comma in
    an aside ("phạm vi 3 (nguyên liệu mua vào, vận chuyển) là 6.000 tấn")."""
    asides = [m.span() for m in _ASIDE.finditer(text)]
    spans, start = [], 0
    for m in _CLAUSE_END.finditer(text):
        if any(a < m.start() < b for a, b in asides):
            continue
        if m.group() == "." and _ABBREVIATION_END.search(text, 0, m.start()):
            continue  # "comes to approx. 21,000 t", "e.g. yarn": no clause ends (round-3 dev e-mail)
        if m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans or [(0, len(text))]


# --- numbers with units ----------------------------------------------------------------------------------

# a comma before a year is a list's, never a decimal one: "范围1和2,2022年为基准年" (round-21 calc, dev since)
_NUM = r"\d{1,3}(?:[.,\u00a0\u202f ]\d{3})+(?:[.,]\d+)?|\d+(?:[.,](?!(?:19|20)\d\d(?!\d))\d+)?"
_UNIT = (
    r"%|％|phần trăm|phan tram|percent|per cent|pct(?![a-z])|个百分点"
    r"|t\s?co2e?|t\s?co₂e?|tấn\s?co2e?|tan\s?co2e?|tấn|tan(?![a-z])|tonnes?|tons?|吨二氧化碳当量|吨\s?co2e?|吨|t(?![a-zà-ỹ])"
    r"|kt\s?co2e?|kt|mt|mwh|gwh|kwh|兆瓦时|千瓦时|万千瓦时|度电"
    # kilograms of CO2e are an amount ("18.500.000 kg CO2e"; round-26 calc, dev since), per unit an intensity
    r"|kg\s?co2e?(?!\s?(?:/|per\b|tren\b|moi\b|每|一))"
)
_MULT = r"nghìn|ngàn|nghin|ngan|triệu|trieu|thousand|million|k|万|千|百万"
# a comma right before a figure ends a clause when no digit precedes it ("这一类,3.3万吨"; round-10 dev calc)
_QUANTITY = re.compile(
    rf"(?<![A-Za-z0-9.])(?<!\d,)(?P<num>{_NUM})\s?(?P<mult>{_MULT})?\s?(?P<unit>{_UNIT})?(?![A-Za-z0-9])", re.IGNORECASE
)
# "scope 1 300 t", "phạm vi 1 850 tấn": the scope's number and then the amount, never "1 300" written with a space
# between thousands (round-5 and round-19 dev e-mails); the space is scanned as a thin one, which joins no figure
_SCOPE_NUMBER_SPACE = re.compile(r"((?<![a-z])(?:scope|pham vi|范围)\s?[123])[ \u00a0\u202f](?=\d{3}(?!\d))")
_PERCENT_ZH = re.compile(r"百分之(?P<num>[\d.]+|[零〇一二两三四五六七八九十百]+)")
# 三成 = 30%; 两成五 = 25% (a digit after 成 is the next tenth; round-9 dev data: "减排行动两成五" read as 20%)
_CHENG = re.compile(
    r"(?P<num>[一二两三四五六七八九十])成(?P<tenth>[一二三四五六七八九](?![十百千万成年个月天周倍次家名位项]))?"
)
# full marks and half, written as words: the share of a CATI dimension's points ("满分", "一半"); "一半以上" is
# "more than half", not a figure
_ZH_WHOLE_OR_HALF = re.compile(r"满分(?=[,，、;；。\s)）]|$)|一半(?!以上|多)")
# a share written as a fraction: "giảm 1/3", "cut a third", "một phần ba", "三分之二" — a percentage of what the
# sentence names (folded text; the words are assistant/text/numbers.py's, Chinese numerals through zh_numeral_value)
_FRACTION_SHARES = {fold(words): value for words, value in FRACTION_WORDS.items()}
_FRACTION = re.compile(
    r"(?<![\d/.,])(?P<num>[1-9])\s?/\s?(?P<den>[2-9])(?![\d/]|[.,]\d)"
    # "half" of a year is a date ("the first half of 2025", "a half-year"), no share
    r"|(?<![a-z])(?<!first )(?<!second )(?<!1st )(?<!2nd )(?P<words>"
    + "|".join(re.escape(w) for w in sorted(_FRACTION_SHARES, key=len, reverse=True))
    + r")(?![a-z])(?![\s-]+(?:of\s+(?:the\s+)?)?(?:year|20\d\d))"
    r"|(?P<zh>[一二两三四五十]分之[一二三四五六七八九])"
)
_ZH_AMOUNT = re.compile(
    r"(?:(?<=范围)[一二三](?=[零〇一二两三四五六七八九十百千万]{2}))?"  # "范围三两万吨": scope 3's name, then 两万吨
    r"(?P<num>[零〇一二两三四五六七八九十百千万]{2,})\s?(?P<unit>吨|公吨|兆瓦时|MWh|mwh|万千瓦时|千瓦时|度电)"
)  # 两万吨, 三千五百吨, 一万二千兆瓦时, 九千MWh
# the unit after a number spelled out in words (folded text): only such a phrase is read as an amount
_WORD_AMOUNT_UNIT = re.compile(
    r"\s?(?:(?P<t>tan|tons?|tonnes?|tco2e?|t)(?:\s?co2e?)?|(?P<mwh>[mg]wh)|(?P<percent>phan tram|percent|per cent|pct|%))"
    r"(?![a-z0-9])"
)
_WORD_PERCENT = re.compile(r"\s?(?:phan tram|percent|per cent|pct)(?![a-z0-9])")
_YEAR = re.compile(
    # "范围1和2,2022年为基准年": a year with 年 after a list comma is still a year (round-21 calc, dev since)
    r"(?<![A-Za-z0-9.])(?:(?<!\d,)|(?=(?:19|20)\d\d\s?年))(?:FY\s?|năm\s|nam\s)?(?P<year>19[89]\d|20\d\d|2100)(?![\d%])",
    re.IGNORECASE,
)
_ZH_YEAR, _SHORT_YEAR = (
    re.compile(r"([〇零一二三四五六七八九]{4})年"),
    re.compile(r"(?<![\w'’])['’]([0-9]{2})(?![\d'’%])"),
)
# a two-digit year named as the base or target year in Chinese: "23年做基准年", "基准年是22年" ("10年" alone is a
# span of ten years; round-22 dev calc)
_ZH_SHORT_YEAR = re.compile(
    r"(?<![\d.,])([0-9]{2})年(?=\s?(?:做|为|作为|当|是)?\s?(?:基准|基线|目标)年)"
    r"|(?:基准|基线|目标)年\s?(?:是|为|定在|定为|:|:)?\s?([0-9]{2})年(?![\d])"
)
_DATE = re.compile(
    r"(?P<iso>(?:19|20)\d\d-\d{1,2}-\d{1,2})"
    r"|(?P<dmy>\d{1,2}/\d{1,2}/(?:19|20)\d\d)"
    r"|(?P<zh>(?:19|20)\d\d年\d{1,2}月(?:\d{1,2}日)?)"
    r"|(?:tháng|thang|month)\s?(?P<vm>\d{1,2})\s?(?:/|năm|nam|,)\s?(?P<vy>(?:19|20)\d\d)"
    r"|\b(?P<em>jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(?P<ey>(?:19|20)\d\d)\b"
    # a quarter, read as its first day: "Q3 2025", "Q3/2025", "quý 3/2025", "2025 Q3", "2025年第三季度" (a date the
    # year alone would put on 1 January; round-24 e-mails, dev since)
    r"|(?<![A-Za-z])(?:q|quý|quy)\s?(?P<qn>[1-4])\s?(?:/|-|,|of|năm|nam)?\s?(?P<qy>(?:19|20)\d\d)\b"
    r"|\b(?P<qy2>(?:19|20)\d\d)\s?[-/]?\s?q(?P<qn2>[1-4])\b"
    r"|(?P<zqy>(?:19|20)\d\d)年(?:第)?(?P<zqn>[1-4一二三四])季度",
    re.IGNORECASE,
)
_QUARTER_NUMBERS = {"一": 1, "二": 2, "三": 3, "四": 4}
_MONTHS = {
    m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)
}
# telephone numbers are no figures ("客服电话400-820-1234", "+1 415 555 0199")
_PHONE = re.compile(
    r"\+\d{1,3}(?:[ -]\d{2,4}){2,4}(?![\d.,])|(?<!\d)\d{3,4}-\d{3,4}-\d{3,4}(?!\d)|\(\d{2,4}\)\s?\d{3,4}[ -]?\d{3,4}"
)
_CATI_ID = re.compile(r"(?<![\d.])([1-5]\.[1-5]\.\d{1,2})(?!\d|\.\d)")  # "… and 5.4.5." ends a sentence
_MULTIPLIER = {"nghìn": 1e3, "ngàn": 1e3, "nghin": 1e3, "ngan": 1e3, "thousand": 1e3, "k": 1e3, "千": 1e3,
               "万": 1e4, "triệu": 1e6, "trieu": 1e6, "million": 1e6, "百万": 1e6}  # fmt: skip
_UNIT_SCALE = {"kgco2e": ("t", 1e-3), "kgco2": ("t", 1e-3), "kt": ("t", 1e3), "ktco2": ("t", 1e3), "ktco2e": ("t", 1e3), "mt": ("t", 1e6), "gwh": ("mwh", 1e3), "kwh": ("mwh", 1e-3),
               "千瓦时": ("mwh", 1e-3), "万千瓦时": ("mwh", 10.0), "度电": ("mwh", 1e-3)}  # fmt: skip

AMBITIONS: dict[str, re.Pattern[str]] = {
    "wb2c": re.compile(
        r"well[-\s]?below\s?2|wb2c?|thap hon nhieu so voi 2|duoi muc 2|duoi 2\s?(?:do|°)|远低于\s?2", re.IGNORECASE
    ),
    "1.5C": re.compile(
        # a comma before it separates a list ("1.85万吨,1.5°C"), unless a digit precedes it ("21,5°C")
        r"(?<![\d.])(?<!\d,)1[.,]5\s?(?:°\s?c|do\s?c?|degrees?(?:\s?c(?:elsius)?)?|c\b|度|摄氏度|℃|-?aligned)",
        re.IGNORECASE,
    ),
    "2c": re.compile(
        r"(?<![\d.])(?<!\d,)2\s?(?:°\s?c|do\s?c\b|do\b|degrees?(?:\s?c(?:elsius)?)?|c\b|度|摄氏度|℃)", re.IGNORECASE
    ),
}
SCOPES: dict[str, re.Pattern[str]] = {
    "s12": re.compile(
        r"(?<![a-z])(?:scopes?|scop|pham vi|s)\s?1\s?(?:\+|&|and|plus|va|cong|,|/|-)\s?(?:scope\s?|scop\s?|pham vi\s?|s\s?)?2(?!\d)|范围\s?[一1]\s?(?:(?:\+|&|和|及|、|与|加)\s?(?:范围)?\s?(?:二|2(?![\d.,万千]))|范围\s?(?:二|2(?![\d.,万千]))|二)"
    ),
    "s3": re.compile(r"(?<![a-z])(?:scope|scop|pham vi|s)\s?3(?!\d)|范围\s?[三3]"),
    "s1": re.compile(
        r"(?<![a-z])(?:scope|scop|pham vi|s)\s?1(?!\d)(?!\s?(?:\+|&|and|plus|va|cong|,|/|-)\s?(?:scope\s?|scop\s?|pham vi\s?|s\s?)?2)|范围\s?(?:一(?![二和及、+&与加])(?!2(?![\d.,万千]))|1(?![\d二2和及、+&与加]))"
    ),
    "s2": re.compile(
        # a comma before the word is a list's ("…0.8万吨,scope 2 是2.2万吨"; round-8 dev calc), before a bare "s" a pair's
        r"(?<![1+&]\s)(?<![1+&/-])(?<![a-z])(?:scope|scop|pham vi)\s?2(?!\d)"
        r"|(?<![1+&]\s)(?<![1+&,/-])(?<![a-z])s\s?2(?!\d)|(?<![一1和及+&与加])范围\s?(?:二|2(?!\d))"
    ),  # "范围一和范围二" is s12, matched first
}
RULE_SETS: dict[str, re.Pattern[str]] = {
    # the rules named as today's: a time word beside a word for rules. A bare "latest", "now", "hiện tại",
    # "目前" dates the asker's figures ("our latest inventory is 2024", "目前范围三目标只覆盖…"), not the rules:
    # all 31 such hits in the dev calculation and e-mail sets were the asker's own (round-18 dev calc)
    "sbti-current-floor": re.compile(
        r"(?:current|today'?s?|latest|newest|new|now)\s+(?:sbti\s+)?(?:rules?|criteria|standards?|requirements?|version|guidance)"
        r"|(?:rules?|criteria|standards?|requirements?)\s+(?:today|now|in force)"
        r"|hien hanh|(?:quy dinh|quy tac|tieu chi|tieu chuan|yeu cau)(?: cua sbti)? (?:hien nay|hien tai|moi nhat|moi)"
        r"|现行|(?:目前|当前|最新|现在)的?(?:sbti)?(?:规则|标准|要求|准则|规定)"
    ),
    "sbti-apparel-2019": re.compile(
        r"v4(?:\.0)?\b|version 4|criteria 4|4\.0\s?版|phien ban 4|2019\s?(?:rules|criteria|guidance)|2019年版|ban 2019"
    ),
}
TOPICS: dict[str, tuple[str, ...]] = {
    "geva": ("geva", "value added", "value-added", "gia tri gia tang", "增值", "增加值"),
    "intensity": ("intensity", "per pair", "per unit", "per-unit", "per product", "per tonne of", "cuong do", "moi doi",
                  "moi san pham", "tren san pham", "强度", "每双", "单位产品",
                  # emissions per item made (round-12 dev calc: "per-piece emissions fall 20%")
                  "per piece", "per-piece", "per garment", "per metre", "per meter", "per-pair", "moi chiec",
                  "tren moi san pham", "单件", "每件", "单位产量", "per kg", "per kilogram", "moi kg", "每公斤", "每千克",
                  # "giảm 20% phát thải trên mỗi áo sơ mi" (round-21 calc, dev since)
                  "tren moi", "per each"),
    "renewable": ("renewable", "tai tao", "可再生", "绿电", "re100", "green electricity", "green power", "dien xanh",
                  "re threshold", "re target", "re share",
                  # the share of one's own solar ("the 15% solar share", "tỷ lệ điện mặt trời", "光伏占比")
                  "solar share", "share of solar", "solar electricity share", "ty le dien mat troi", "光伏占比",
                  "光伏比例"),
    "supplier": ("supplier engagement", "engagement target", "gan ket nha cung cap", "thu hut nha cung cap",
                 "供应商参与", "suppliers to set", "nha cung cap dat", "推动供应商", "suppliers", "supplier",
                 "nha cung cap", "供应商"),
    "coverage": ("cover", "covers", "covered", "covering", "coverage", "bao phu", "覆盖", "涵盖", "覆盖率",
                 # "phủ" alone ("mục tiêu … phủ ba phần năm tổng scope 3"; round-25 calc, dev since)
                 "phu ba phan", "phu mot", "phu hai", "phu tong", "can phu", "chi phu", "inside the boundary", "within the boundary",
                 "dua vao ranh gioi", "trong ranh gioi", "纳入目标边界", "纳入边界"),
    "exclusion": ("exclude", "excluded", "excluding", "exclusion", "left out", "leave out", "out of the target boundary", "out of the boundary",
                  "outside the boundary", "outside the target boundary", "omit", "loai tru", "loai bo", "khong tinh",
                  "ngoai ranh gioi", "loai khoi", "bo khoi", "dua ra khoi", "ra khoi ranh gioi", "bo ra ngoai", "ra ngoai",
                  "排除", "不纳入", "剔除", "不计入", "不算进", "不算入", "不算在", "没算进", "未纳入", "没有纳入", "没纳入",
                  "不放进", "不放入", "不列入", "outside the target boundary",
                  # "we left the dormitory … out of our scope 1+2 target boundary" (round-13 dev calc)
                  "out of our boundary", "out of our target boundary", "out of our scope 1", "out of the scope 1"),
    "submission": ("submit", "submits", "submitting", "submitted", "submission", "nop", "de trinh", "提交", "申报"),
    "timeframe": ("timeframe", "time frame", "window", "year window", "valid", "khung thoi gian", "thoi han", "hop le", "期限",
                  "时间框架", "有效", "可行", "how long", "years ahead", "bao nhieu nam",
                  # "在SBTi允许的时间范围内吗?" (round-13 dev e-mail)
                  "时间范围", "time range", "allowed window", "pham vi thoi gian"),
    "use_phase": ("use phase", "use-phase", "giai doan su dung", "使用阶段"),
    "mcap": ("mcap checklist", "mcap elements", "where do we stand", "cac yeu to mcap", "mcap要素", "bốn yếu tố",
             "four elements", "4 elements"),
    "cati": ("cati",),
}  # fmt: skip


@dataclass
class Mention:
    value: float
    unit: str  # "year" | "percent" | "t" | "mwh" | "date" | "number"
    start: int
    end: int
    text: str
    clause: int
    role: str | None = None
    per_year: bool = False
    trusted: bool = True
    date: str | None = None  # ISO date for "date" mentions
    cue: str | None = None  # the word that gave the role
    carried: bool = False  # stated before the question (an earlier question, an e-mail's facts), not in it


@dataclass
class Reading:
    text: str
    folded: str
    lang: str
    mentions: list[Mention] = field(default_factory=list)
    ambitions: list[str] = field(default_factory=list)
    scopes: list[str] = field(default_factory=list)
    rule_set: str | None = None
    cati_ids: list[str] = field(default_factory=list)
    topics: set[str] = field(default_factory=set)
    intent: set[str] = field(default_factory=set)  # calculate, check, meaning, own, need, points, weight
    set_aside: list[Mention] = field(default_factory=list)  # instructions, quoted figures

    def role(self, name: str) -> list[Mention]:
        return [m for m in self.mentions if m.role == name and m.trusted]

    def one(self, name: str) -> Mention | None:
        """The one value of a role ("by 2028 … emit in 2028" is one target year, said twice)."""
        found = self.role(name)
        return found[0] if found and len({m.value for m in found}) == 1 else None

    def ambiguous(self, name: str) -> bool:
        return len({m.value for m in self.role(name)}) > 1

    @property
    def ambition(self) -> str | None:
        return self.ambitions[0] if len(self.ambitions) == 1 else None


def _value(raw: str, lang: str) -> float | None:
    """A digit string as the asker's language writes it: vi ``12.500`` is 12500 and ``4,2`` is 4.2;
    zh/en ``12,500`` is 12500 and ``4.2`` is 4.2."""
    raw = raw.replace("\u00a0", " ").replace("\u202f", " ").strip()
    if " " in raw:
        raw = raw.replace(" ", "")
    values, kind = digit_values(raw)
    if kind == "id" or not values:
        return None
    if len(values) == 1:
        return float(next(iter(values)))
    thousands = float(max(values))
    decimal = float(min(values))
    sep = "." if "." in raw else ","
    if lang == "vi":
        return thousands if sep == "." else decimal
    return thousands if sep == "," else decimal


value_as_written = _value  # public: a table cell is read as the question's numbers are


@lru_cache(maxsize=4096)
def cue_pattern(w: str) -> re.Pattern[str]:
    """How a cue is found: Chinese (or a sign) anywhere; a Latin cue bounded by Latin letters and digits
    only, so "MCAP的联系方式" names MCAP."""
    if re.search(r"[\u3400-\u9fff]", w) or not re.match(r"\w", w):
        return re.compile(re.escape(w))
    return re.compile(rf"(?<![A-Za-z0-9]){re.escape(w)}(?![A-Za-z0-9])")


def _has(words: tuple[str, ...] | list[str], text: str) -> str | None:
    """The first cue of ``words`` found in ``text`` (word boundaries for Latin cues)."""
    for w in sorted(words, key=len, reverse=True):
        if w and cue_pattern(w).search(text):
            return w
    return None


def _nearest_left(words: list[str], text: str, end: int, start: int) -> tuple[str, int] | None:
    """The cue of ``words`` closest before ``end`` within ``text[start:end]``: (cue, distance)."""
    best: tuple[str, int] | None = None
    window = text[start:end]
    for w in words:
        if not w:
            continue
        cjk = bool(re.search(r"[\u3400-\u9fff]", w)) or not re.match(r"\w", w)
        # a Latin cue is bounded by Latin letters and digits only: "我们的baseline是2022年" names the base year
        # (round-25 calc, dev since)
        pattern = re.escape(w) if cjk else rf"(?<![A-Za-z0-9_]){re.escape(w)}(?![A-Za-z0-9_])"
        for m in re.finditer(pattern, window):
            distance = len(window) - m.end()
            if best is None or distance < best[1]:
                best = (w, distance)
    return best


# "is … at least …", "…最起码…", "ít nhất … không": a question that judges a figure against an ambition
_JUDGED = re.compile(r"^(?:is|are|does|do)\s|\bat least\b|\bco dat\b|\bit nhat\b|吗|够不够|达不达|是否")


def _lone_cut_checked(r: Reading) -> None:
    """ "And is Golden Step's 15% at least well-below 2°C?": the one percentage of a question that judges it
    against a named ambition, with no topic that gives percentages another meaning (a share of renewables, a
    coverage), is the cut proposed (round-19 dev e-mail)."""
    percents = [m for m in r.mentions if m.unit == "percent" and m.trusted]
    if len(percents) != 1 or percents[0].role is not None or not r.ambitions or r.topics or len(r.ambitions) > 1:
        return
    if _JUDGED.search(re.sub(r"^(?:and|so|but)\s+", "", r.folded.strip())):
        percents[0].role = "reduction"
        r.intent.add("check")


def read_question(text: str, lang: str) -> Reading:
    """Every number of the question with its role; ambitions, scopes, topics and what is asked."""
    text = unicodedata.normalize("NFC", text)
    folded = fold(text)
    r = Reading(text=text, folded=folded, lang=lang)
    voc = vocabulary()
    spans = clauses(text)

    def clause_of(pos: int) -> int:
        return next((i for i, (a, b) in enumerate(spans) if a <= pos < b), len(spans) - 1)

    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return not any(a < y and b > x for x, y in taken)

    # ambitions and scope names carry numbers that are names, not figures
    named_at: dict[str, int] = {}
    for patterns, found in ((AMBITIONS, r.ambitions), (SCOPES, r.scopes)):
        for name, pat in patterns.items():
            for m in pat.finditer(folded):
                if patterns is AMBITIONS and r.lang != "vi" and re.search(r"do\s?c?$", m.group(0)):
                    continue  # "độ" only in Vietnamese: "scope 1+2 do we need…" names no 2°C (round-9 dev e-mail)
                if free(m.start(), m.end()):
                    taken.append(m.span())
                    three = _AND_THREE.match(folded, m.end()) if name == "s12" else None
                    if three:
                        taken.append(three.span())  # "phạm vi 1, 2 và 3": the 3 names scope 3, it is no figure
                    if name not in found:
                        found.append(name)
                        named_at[name] = m.start()
    if not r.scopes and _CATEGORY.search(folded):
        # "只覆盖外购商品和服务这一类", "cat. 1": a scope 3 category names scope 3 (round-12 dev e-mail)
        r.scopes.append("s3")
    # ambitions in the order the asker names them: "is that 1.5 aligned or only well below 2" is asked of 1.5°C
    # first, "does it meet well-below 2°C? And 1.5°C?" of well-below 2°C first (round-19 dev calc)
    r.ambitions.sort(key=lambda name: named_at[name])
    for m in re.finditer(r"\b[cr]\d{1,2}(?:\.\d)?\b", folded):
        taken.append(m.span())
    for m in re.finditer(r"(?<=cati)\s?\d\.\d\b", folded):
        taken.append(m.span())  # "CATI 2.0" names the index's version: no figure, no premise (round-18 e-mail)
    for m in _CATI_ID.finditer(folded):
        taken.append(m.span())
        r.cati_ids.append(m.group(1))
    r.cati_ids = list(dict.fromkeys(r.cati_ids))
    for m in _PHONE.finditer(text):
        taken.append(m.span())
    for m in _DATE.finditer(text):
        if not free(m.start(), m.end()):
            continue
        iso = None
        if m.group("iso"):
            y, mo, d = m.group("iso").split("-")
            iso = f"{y}-{int(mo):02d}-{int(d):02d}"
        elif m.group("dmy"):
            d, mo, y = m.group("dmy").split("/")
            iso = f"{y}-{int(mo):02d}-{int(d):02d}"
        elif m.group("zh"):
            nums = [int(x) for x in re.findall(r"\d+", m.group("zh"))]
            iso = f"{nums[0]}-{nums[1]:02d}-{(nums[2] if len(nums) > 2 else 1):02d}"
        elif m.group("vm"):
            iso = f"{m.group('vy')}-{int(m.group('vm')):02d}-01"
        elif m.group("em"):
            iso = f"{m.group('ey')}-{_MONTHS[m.group('em').lower()[:3]]:02d}-01"
        elif m.group("qn") or m.group("qn2") or m.group("zqn"):
            quarter = m.group("qn") or m.group("qn2") or m.group("zqn")
            q = _QUARTER_NUMBERS.get(quarter) or int(quarter)
            iso = f"{m.group('qy') or m.group('qy2') or m.group('zqy')}-{3 * (q - 1) + 1:02d}-01"
        if iso and 1 <= int(iso[5:7]) <= 12:
            taken.append(m.span())
            year = float(iso[:4])
            r.mentions.append(Mention(year, "date", m.start(), m.end(), m.group(), clause_of(m.start()), date=iso))
    for m in _PERCENT_ZH.finditer(text):
        raw = m.group("num")
        v = _value(raw, lang) if raw[0].isdigit() else zh_numeral_value(raw)
        if v is not None and free(m.start(), m.end()):
            taken.append(m.span())
            r.mentions.append(Mention(float(v), "percent", m.start(), m.end(), m.group(), clause_of(m.start())))
    for m in _ZH_WHOLE_OR_HALF.finditer(text):  # "治理机制满分, 碳目标设定一半" (round-11 dev calc)
        if free(m.start(), m.end()):
            taken.append(m.span())
            whole = 100.0 if m.group() == "满分" else 50.0
            r.mentions.append(Mention(whole, "percent", m.start(), m.end(), m.group(), clause_of(m.start())))
    for m in _CHENG.finditer(text):
        v = zh_numeral_value(m.group("num"))
        tenth = zh_numeral_value(m.group("tenth")) if m.group("tenth") else 0
        if v is not None and tenth is not None and free(m.start(), m.end()):
            taken.append(m.span())
            tenths = float(v) * 10 + float(tenth)
            r.mentions.append(Mention(tenths, "percent", m.start(), m.end(), m.group(), clause_of(m.start())))
    for m in _ZH_AMOUNT.finditer(text):
        v = zh_numeral_value(m.group("num"))
        start = m.start("num")
        if v is not None and v >= 10 and free(start, m.end()):
            taken.append((start, m.end()))
            unit, scale = _UNIT_SCALE.get(m.group("unit").lower(), ("t", 1.0))
            if m.group("unit").lower() in ("兆瓦时", "mwh"):
                unit = "mwh"
            r.mentions.append(Mention(float(v) * scale, unit, start, m.end(), text[start : m.end()], clause_of(start)))
    for m in _FRACTION.finditer(folded):
        if free(m.start(), m.end()):
            share = _fraction_share(m)
            if share is not None:
                taken.append(m.span())
                r.mentions.append(
                    Mention(share, "percent", m.start(), m.end(), text[m.start() : m.end()], clause_of(m.start()))
                )
    # "twenty thousand tonnes", "bốn mươi lăm nghìn tấn"; one word only before a percent ("thirty percent")
    spelled_out = number_phrases(folded) + [
        p for p in number_phrases(folded, min_words=1) if _WORD_PERCENT.match(folded, p[1])
    ]
    for start, end, spelled in spelled_out:
        unit_hit = _WORD_AMOUNT_UNIT.match(folded, end)
        if unit_hit and free(start, unit_hit.end()):
            unit = next(name for name, got in unit_hit.groupdict().items() if got)
            amount = float(spelled) * (1000.0 if (unit_hit.group("mwh") or "").startswith("g") else 1.0)  # GWh
            taken.append((start, unit_hit.end()))
            r.mentions.append(
                Mention(amount, unit, start, unit_hit.end(), text[start : unit_hit.end()], clause_of(start))
            )
    for m in _QUANTITY.finditer(_SCOPE_NUMBER_SPACE.sub("\\1\u2009", folded)):
        if not free(m.start(), m.end()):
            continue
        value = _value(text[m.start("num") : m.end("num")], lang)
        if value is None:
            continue
        unit_raw = (m.group("unit") or "").lower().replace(" ", "")
        mult = _MULTIPLIER.get((m.group("mult") or "").lower(), 1.0)
        if unit_raw in ("%", "％", "个百分点") or unit_raw.startswith(("phan", "percent", "per", "pct")):
            unit = "percent"
        elif unit_raw.startswith(("mwh", "gwh", "kwh")) or unit_raw in ("兆瓦时", "千瓦时", "万千瓦时", "度电"):
            unit, scale = _UNIT_SCALE.get(unit_raw, ("mwh", 1.0))
            value *= scale
        elif unit_raw:
            unit, scale = _UNIT_SCALE.get(unit_raw, ("t", 1.0))
            value *= scale
        else:
            unit = "number"
        if unit == "percent" and m.group("mult"):
            continue
        value *= mult if unit != "percent" else 1.0
        separated = bool(re.search(r"[.,\s]", m.group("num").strip()))  # "2,000" is an amount, never a year
        if unit == "number" and value.is_integer() and 1980 <= value <= 2100 and not m.group("mult") and not separated:
            unit = "year"
        if unit in ("t", "mwh") and re.search(
            r"(?:^|[^A-Za-z0-9.,-])[-−–]\s?$", folded[max(0, m.start() - 3) : m.start()]
        ):
            value = -value  # "范围二-3000吨", "baseline is -4,500 t": a negative amount, for the calculator to refuse
        taken.append((m.start(), m.end()))
        r.mentions.append(
            Mention(value, unit, m.start(), m.end(), text[m.start() : m.end()].strip(), clause_of(m.start()))
        )
    # FY2030 / năm 2030 style years the quantity regex skipped (they sit behind a letter)
    for m in _YEAR.finditer(text):
        if free(m.start("year"), m.end("year")):
            taken.append(m.span("year"))
            r.mentions.append(
                Mention(
                    float(m.group("year")),
                    "year",
                    m.start("year"),
                    m.end("year"),
                    m.group("year"),
                    clause_of(m.start()),
                )
            )
    # years in Chinese numerals ("二〇二二年") and two-digit years ("from '21 to '30")
    for m in _ZH_YEAR.finditer(text):
        if free(m.start(1), m.end(1)):
            value = float(zh_digit_string(m.group(1)) or 0)
            if 1980 <= value <= 2100:
                taken.append(m.span(1))
                r.mentions.append(Mention(value, "year", m.start(1), m.end(1), m.group(1), clause_of(m.start())))
    short_years = [(m.start(1), m.group(1)) for m in _SHORT_YEAR.finditer(text)] + [
        (m.start(1), m.group(1)) if m.group(1) else (m.start(2), m.group(2)) for m in _ZH_SHORT_YEAR.finditer(text)
    ]
    for start, digits in short_years:
        for number in r.mentions:
            if number.start == start and number.unit == "number":
                number.unit, number.value = "year", 2000.0 + int(digits)
    r.mentions.sort(key=lambda x: x.start)
    # years written with 年 after them stay years; a "year" with a percent sign is not one
    _set_aside(r, spans, voc)
    for category in _CATEGORY.finditer(r.folded):  # "cat. 1", "第4类": an index, never a figure (round-12 dev e-mail)
        if category.group("goods") is None:
            for number in r.mentions:
                if number.unit == "number" and category.start() <= number.start < category.end():
                    number.trusted = False
    corrections = _corrections(r, voc["corrections"]["cues"])
    _topics_and_intent(r, voc)
    _year_roles(r, spans, voc)
    _percent_roles(r, spans, voc)
    _amount_roles(r, spans, voc)
    _year_of_stated_amount(r, spans, voc["years"])
    _end_values(r, voc["amounts"]["down_to"])
    _year_labelled_amounts(r)
    _monthly_amounts(r, spans, voc["amounts"]["monthly"])
    _production_growth(r, voc["amounts"])
    _cati_dimension_rates(r, voc)
    _withdraw(r, corrections)
    _lone_cut_checked(r)
    checked = [m for m in r.mentions if m.trusted and m.role]
    if "check" in r.intent and not r.ambitions and checked and all(m.role == "target_year" for m in checked):
        r.topics.add("timeframe")  # "target year 2029 合不合规?": a target year alone, checked
    if "check" in r.intent and r.role("inventory_year") and r.role("target_year") and not r.role("reduction"):
        r.topics.add("timeframe")  # "target year 2042 and inventory 2024 is ok or not?" (round-18 e-mail)
    named = [name for name, pat in RULE_SETS.items() if pat.search(folded)]
    if len(named) == 1:
        r.rule_set = named[0]
    return r


def _fraction_share(m: re.Match[str]) -> float | None:
    """The percentage a fraction stands for: "1/3", "two thirds", "một phần ba", "三分之二" → 33.33…, 66.66…"""
    if m.group("num"):
        value: Fraction | None = Fraction(int(m.group("num")), int(m.group("den")))
    elif m.group("zh"):
        value = zh_numeral_value(m.group("zh"))
    else:
        value = _FRACTION_SHARES[m.group("words")]
    return float(value) * 100 if value is not None and 0 < value < 1 else None


def _year_of_stated_amount(r: Reading, spans: list[tuple[int, int]], ys: dict[str, Any]) -> None:
    """The one year without a role in the clause where the asker states what they emitted ("2019年排放5万吨",
    "we emitted 22,000 t in 2020") is the year of their figures: the base year, when none is named and no
    target year precedes it. The e-mail reading does the same across sentences (``year_of_figures``)."""
    if r.role("base_year"):
        return
    unroled = [m for m in r.mentions if m.trusted and m.unit == "year" and m.role is None]
    if len({m.value for m in unroled}) != 1:
        return
    year = unroled[0]
    a, b = spans[year.clause]
    clause = r.folded[a:b]
    stated = any(m.trusted and m.unit == "t" and m.clause == year.clause for m in r.mentions)
    if not stated or not _has(ys["emitted"], clause) or _has(ys["not_emitted"], clause):
        return
    if any(m.role == "target_year" and m.value <= year.value for m in r.mentions if m.trusted):
        return
    for m in unroled:
        m.role = "base_year"


# a joining word between two figures' parts; "scope 1 and 2", "phạm vi 1 và 2" join two scopes, not two parts
_JOINING_AFTER = re.compile(
    r"(?<![a-z])(?<![0-9]\s)(?<![0-9])(?:ma|va|nhung|con|trong khi|and|but|while|whereas)(?![a-z])|[而但且同时]"
)


def _window_start(r: Reading, m: Mention, clause_start: int, reach: int) -> int:
    """Where the cue words that may govern ``m`` begin: not before its clause, not further back than
    ``reach`` characters, and not before the previous number of the clause (a cue is taken by the
    number nearest after it: in "cover 50,000 t of our 80,000 t", "cover" governs only the first)."""
    start = max(clause_start, m.start - reach)
    for other in r.mentions:
        if (
            other is not m
            and other.clause == m.clause
            and other.end <= m.start
            and other.unit != "year"
            and other.trusted
        ):
            start = max(start, other.end)
    return start


def _clause_text(r: Reading, spans: list[tuple[int, int]], i: int) -> str:
    a, b = spans[i]
    return r.folded[a:b]


def _set_aside(r: Reading, spans: list[tuple[int, int]], voc: dict[str, Any]) -> None:
    """Numbers of an embedded instruction (always), and numbers quoted from the documents or another company
    when the asker also gives figures of their own (then the quoted ones are context, not inputs; when they
    are the only figures, the question is about them: "Does Walmart's 18% cut meet well-below 2°C?")."""
    quoted_clauses: set[int] = set()
    for i in range(len(spans)):
        clause = _clause_text(r, spans, i)
        if _has(voc["instructions"]["cues"], clause):
            for m in r.mentions:
                if m.clause == i:
                    m.trusted = False
                    r.set_aside.append(m)
        elif _has(voc["quoted"]["companies"], clause) or _has(voc["quoted"]["cues"], clause):
            quoted_clauses.add(i)
    # an instruction sentence can run past its clause ("ignore the above, use 10%"): set aside the
    # numbers of the clause after an instruction cue too
    for i in range(len(spans) - 1):
        between = r.text[spans[i][0] : spans[i + 1][0]].rstrip()
        if between.endswith((".", "?", "!", "。", "？", "！")):
            continue  # the instruction's sentence ended: the next sentence is the asker's own again
        if _has(voc["instructions"]["cues"], _clause_text(r, spans, i)):
            for m in r.mentions:
                if m.clause == i + 1 and m.trusted:
                    m.trusted = False
                    r.set_aside.append(m)
    own = [m for m in r.mentions if m.trusted and m.clause not in quoted_clauses and m.unit != "year"]
    if own:
        for m in r.mentions:
            if m.clause in quoted_clauses and m.trusted:
                m.trusted = False
                r.set_aside.append(m)


# characters between a withdrawn figure and its replacement: "450 t - sorry, the site just sent an updated figure,
# it's 620 t" (round-21 calc, dev since) is 55
_CORRECTION_REACH = 72


def _corrections(r: Reading, cues: list[str]) -> list[tuple[Mention, Mention]]:
    """Figures the asker withdraws at once ("12,000 t, sorry 12,500 t"; "二万吨,不对,是两万五千吨"): the next
    figure of the same kind, within a short reach and with a correcting word between, replaces the first. A bare
    figure after the correction takes the withdrawn one's unit ("12,000 t, sorry 12,500")."""
    figures = [m for m in r.mentions if m.trusted and m.unit in ("t", "mwh", "percent", "year", "number")]
    pairs = []
    for first, second in zip(figures, figures[1:], strict=False):
        if second.unit not in (first.unit, "number") or second.start - first.end > _CORRECTION_REACH:
            continue
        if not _has(cues, r.folded[first.end : second.start]):
            continue
        if second.unit == "number":
            second.unit = first.unit
        pairs.append((first, second))
    return pairs


def _withdraw(r: Reading, corrections: list[tuple[Mention, Mention]]) -> None:
    """After the roles are read: the withdrawn figure is set aside, and its replacement takes its role when
    the words that named it stand before the withdrawn one ("phát thải năm gốc 42 nghìn tấn, à không, 45")."""
    for first, second in corrections:
        if second.role is None or second.role == first.role:
            second.role, second.cue = first.role, first.cue
        first.trusted = False
        r.set_aside.append(first)


# "Supplier A", "nhà cung cấp B", "供应商C": one of the asker's suppliers named by its code (a brand's e-mail
# about its suppliers' own targets; round-8 dev data), not the supplier-engagement rule
_SUPPLIER_LABEL = re.compile(r"(?:[Ss]upplier|[Vv]endor|[Nn]hà cung cấp|[Nn]ha cung cap|NCC|供应商)\s?[A-Z0-9](?![\w])")


# "We're a tier-1 denim supplier", "bên mình là nhà cung cấp cấp 1", "我们是一家鞋类供应商": who the asker is, not a
# supplier-engagement target (round-9 dev data), read on folded text
_SELF_SUPPLIER = re.compile(
    r"(?:we are|we're|we’re|i am|as an?)\s+(?:an?\s+)?(?:[\w-]+\s+){0,3}(?:supplier|vendor)"
    r"|(?:chung toi|ben minh|ben em|cong ty (?:minh|em|toi)|minh) la (?:mot )?(?:\w+ ){0,3}nha cung cap"
    r"|我们是(?:一家|一个)?[^,，。?？]{0,8}供应商"
)


_SUPPLIER_SPECIFIC = ["supplier engagement", "engagement target", "gan ket nha cung cap", "thu hut nha cung cap",
                      "供应商参与", "suppliers to set", "nha cung cap dat", "推动供应商", "muc tieu nha cung cap",
                      "supplier target", "供应商目标"]  # fmt: skip
# a share of the suppliers, the measure of an engagement target: "70% of our suppliers by spend", "75% of
# suppliers", "占采购支出八成的供应商", "70% nhà cung cấp" (folded)
_SUPPLIER_SHARE = re.compile(
    r"\d+\s?%\s*(?:of\s+)?(?:our\s+|their\s+|the\s+|its\s+)?(?:tier[- ]?\d\s+)?(?:key\s+)?suppliers"
    r"|suppliers?\s*[(,]?\s*(?:by|based on)\s+(?:spend|emissions)"
    r"|(?:\d+\s?%|[一二三四五六七八九]成)[^,，。]{0,4}的?供应商|占[^,，。]{0,10}供应商"
    r"|\d+\s?%\s*(?:so\s+)?nha cung cap"
)


def states_supplier_share(folded: str) -> bool:
    """A share of the suppliers is stated: the target is one of supplier engagement, not a supplier's own target
    that a brand or consultant asks about ("our supplier wants a 1.5°C target"; round-18 calc)."""
    return bool(_SUPPLIER_SHARE.search(folded))


def _topics_and_intent(r: Reading, voc: dict[str, Any]) -> None:
    folded = r.folded
    spans = [m.span() for m in _SUPPLIER_LABEL.finditer(r.text)] + [m.span() for m in _SELF_SUPPLIER.finditer(folded)]
    for start, end in spans:
        folded = folded[:start] + " " * (end - start) + folded[end:]
    for topic, words in TOPICS.items():
        if _has(list(words), folded):
            r.topics.add(topic)
    if "supplier" in r.topics and not _has(_SUPPLIER_SPECIFIC, folded) and not states_supplier_share(folded):
        # "we have 350 suppliers", "a note from our supplier portal": suppliers named, no target of theirs asked
        # about (round-12/13 dev calc ran the supplier-engagement check on them)
        r.topics.discard("supplier")
    if any(m.unit == "mwh" and m.trusted for m in r.mentions):
        r.topics.add("renewable")  # electricity in MWh: the only rule about electricity is the renewable share
    for name, words in voc["intent"].items():
        if _has(words, r.folded):
            r.intent.add(name)


def _follows(cues: list[str], after: str) -> bool:
    """A role cue right after the year ("2019年为基准年", "2020 as base year", "2030 la nam muc tieu"), not
    one further on that belongs to the next year ("2027年,以2019年为基准")."""
    head = after.lstrip()
    heads = [head]
    for unit in ("年", "nam ", "ok ", "okay ", "fine ", "duoc ", "co duoc "):
        # "is 2038 ok as target year?": a judgement word between the year and its cue (round-22 dev calc)
        if head.startswith(unit):
            heads.append(head[len(unit) :].lstrip())
    return any(h.startswith(c) for c in cues for h in heads)


def _right_after(cues: list[str], before: str) -> bool:
    """``before`` (the clause up to a figure) ends with one of ``cues``, a colon at most between."""
    tail = re.sub(r"[\s:：]+$", "", before)
    tail = re.sub(r"[\s:：]*(?<![a-z])fy$", "", tail)  # "target FY2030 = 12,000 t" (round-26 calc, dev since)
    return any(tail.endswith(c) and not re.match(r"[a-z]", tail[-len(c) - 1 : -len(c)] or " ") for c in cues)


def _starts_range(after: str, ys: dict[str, Any]) -> bool:
    """The text after a year leads on to another year ("2022年到2030年", "2020 to 2030", "2020–2030")."""
    head = re.sub(r"^\s*(?:年|nam)?\s*", "", after)
    words = "|".join(re.escape(w) for w in sorted([*ys["range_words"], "->"], key=len, reverse=True))
    return bool(re.match(rf"(?:{words})\s?(?:nam\s?)?\d", head))


# Vietnamese words that fold to a year cue but, written with their diacritics, are another word: "tôi" (I) is not
# "tới" (to, by; round-13 dev calc); "tự"/"tư" in "tương tự" (similar), "tư vấn" are not "từ" (from; round-19 dev
# e-mail: "Câu hỏi tương tự cho nhà máy Đức Hòa: năm 2030…" read 2030 as the base year)
_NOT_THE_CUE = {"toi": ("tôi",), "tu": ("tự", "tư", "tử", "tụ", "tú", "tù")}


def _pronoun_toi(r: Reading, start: int, cue: str) -> bool:
    """The cue found at ``start`` is, as written, another Vietnamese word (``_NOT_THE_CUE``)."""
    head = cue.split(" ")[0]
    written = r.text[start : start + len(head)].lower()
    return written in _NOT_THE_CUE.get(head, ())


_RANGE_GAP = re.compile(r"\s*(?:到|至|den|toi|to|until|through|-|–|~)\s*(?:nam\s*)?$")


def _year_roles(r: Reading, spans: list[tuple[int, int]], voc: dict[str, Any]) -> None:
    ys = voc["years"]
    years = [m for m in r.mentions if m.unit in ("year", "date") and m.trusted]
    for m in years:
        a = spans[m.clause][0]
        after = r.folded[m.end : m.end + 24]
        if _follows(ys["founded_after"], after) or _nearest_left(ys["founded"], r.folded, m.start, m.start - 14):
            m.trusted = False  # "公司1998年成立", "founded in 1998": the company's history, no target's year
            continue
        if _follows(ys["base_after"], after):
            m.role = "base_year"
            continue
        if _follows(ys["target_after"], after):
            m.role = "target_year"
            continue
        if _has(ys["submission_after"], re.split(r"\d", after[:12])[0]):  # "目标:2025年提交" is a submission
            m.role = "submission"
            continue
        if _right_after(ys["target_right_before"], r.folded[a : m.start]) and not _starts_range(after, ys):
            m.role, m.cue = "target_year", "target"
            continue
        head = _YEAR_LABEL.match(after)
        if head and any(o.unit == "t" and o.start == m.end + head.end() for o in r.mentions):
            # "Scope 1+2 in 2024: 7,600 tCO2e", "2024年：7,600吨": the year that heads an amount dates it, the base
            # year's figures (round-19 dev e-mail: read as a target year "in 2024")
            m.role, m.cue = "base_year", "dated"
            continue
        if _has(ys["submission_after"], re.split(r"\d", after[:12])[0]):  # "2025年向SBTi提交目标"
            m.role = "submission"
            continue
        left = {
            role: _nearest_left(ys[key], r.folded, m.start, max(a, m.start - 40))
            for role, key in (
                ("base_year", "base"),
                ("target_year", "target"),
                ("submission", "submission"),
                ("inventory_year", "inventory"),
            )
        }
        # a cue with another year between it and this one, or right after another year ("2018年(基准年)到2030年",
        # "từ năm cơ sở 2019 đến 2029"), is that year's
        others = [(o.start, o.end) for o in years if o is not m and o.clause == m.clause]
        found = [
            (dist, role, cue)
            for role, hit in left.items()
            if hit
            for cue, dist in [hit]
            if (
                cue in ys["compared_with"]
                or not any(m.start - dist - len(cue) - 4 <= end and start < m.start for start, end in others)
            )
            and not _pronoun_toi(r, m.start - dist - len(cue), cue)
        ]
        # "基准年到2035年", "from the base year to 2035", "từ năm cơ sở đến 2035": the base year's name opens a range
        # this year ends (round-22 dev e-mail: 2035 read as the base year)
        found = [f for f in found if not (f[1] == "base_year" and _RANGE_GAP.match(r.folded[m.start - f[0] : m.start]))]
        if left["submission"] and left["target_year"] and left["target_year"][0] not in ys["target_specific"]:
            # "nộp mục tiêu năm 2024", "submit the target in 2024": the target is what is submitted
            found = [f for f in found if f[1] != "target_year"]
        if found:
            # a specific cue ("base year", "目标年") beats a preposition ("from", "to"), then the nearest
            found.sort(key=lambda x: (x[2] in _PREPOSITIONS, x[0]))
            m.role, m.cue = found[0][1], found[0][2]
        if m.unit == "date" and m.role in (None, "submission"):
            m.role = "submission_date"
    # a range "2020 – 2030", "từ 2022 đến 2030", "2020年到2030年": first is the base, second the target
    plain = [m for m in years if m.unit == "year"]
    for x, y in zip(plain, plain[1:], strict=False):
        between = r.folded[x.end : y.start].strip()
        between = re.sub(r"^(?:年|nam)\s*", "", between).strip()
        is_range = between in ys["range_words"] or re.fullmatch(
            r"(?:den|toi|to|until|through|到|至|-|–|—|~)\s?(?:nam)?", between
        )
        loose = (None, *_PREPOSITIONS)  # a role from a preposition yields to the range
        if is_range and x.value < y.value and x.cue in loose and y.cue in loose and x.role != "submission":
            x.role, y.role = "base_year", "target_year"

    # one target and one other year before it: that year is the base (and the other way round)
    def distinct(items: list[Mention]) -> list[Mention]:
        seen: dict[float, Mention] = {}
        for item in items:
            seen.setdefault(item.value, item)
        return list(seen.values())

    targets = distinct([m for m in plain if m.role == "target_year"])
    bases = distinct([m for m in plain if m.role == "base_year"])
    if not bases and len(targets) == 2 and min(targets, key=lambda t: t.value).cue in _PREPOSITIONS:
        # "we emitted 50,000 t in 2020 … well below 2°C by 2028": of two years with only a preposition
        # ("in", "by") for a role, the earlier one is the year the figures are from, the base
        earlier = min(targets, key=lambda t: t.value)
        for m in plain:
            if m.value == earlier.value:
                m.role = "base_year"
        targets = [t for t in targets if t is not earlier]
        bases = [earlier]
    taken_values = {m.value for m in targets + bases}
    unroled = distinct([m for m in plain if m.role is None and m.value not in taken_values])
    if len(targets) == 1 and not bases and len(unroled) == 1 and unroled[0].value < targets[0].value:
        unroled[0].role = "base_year"
    elif len(bases) == 1 and not targets and len(unroled) == 1 and unroled[0].value > bases[0].value:
        unroled[0].role = "target_year"
    elif (
        not targets
        and len(unroled) == 1
        and any(m.role in ("submission", "submission_date") and unroled[0].value > m.value for m in years)
    ):
        unroled[0].role = "target_year"  # "we submit in 2026 … a supplier engagement target for 2032"
    elif not targets and not bases and len(unroled) == 2 and unroled[0].value < unroled[1].value:
        if r.topics & {"supplier", "submission"} and not (r.topics & {"geva", "intensity"}):
            unroled[0].role, unroled[1].role = "submission", "target_year"
        else:
            unroled[0].role, unroled[1].role = "base_year", "target_year"
    elif not targets and not bases and len(unroled) == 1 and (r.topics & {"renewable"}):
        unroled[0].role = "year"


def _percent_roles(r: Reading, spans: list[tuple[int, int]], voc: dict[str, Any]) -> None:
    ps = voc["percents"]
    for m in r.mentions:
        if m.unit != "percent" or not m.trusted:
            continue
        a, b = spans[m.clause]
        clause = r.folded[a:b]
        next_start = min((o.start for o in r.mentions if o.clause == m.clause and o.start > m.start), default=b)
        after = r.folded[m.end : min(b, next_start, m.end + 28)]
        m.per_year = bool(_has(ps["per_year"], r.folded[m.end : m.end + 16])) or bool(
            _PER_YEAR_BEFORE.search(r.folded[max(a, m.start - 12) : m.start])
        )
        # "the 80% renewable threshold": one word may stand between the figure and the threshold's name (round-11 dev
        # calc), within the clause
        beside = r.folded[max(a, m.start - 12) : m.start] + " " + r.folded[m.end : min(b, m.end + 22)]
        if _has(ps["threshold"], beside):
            m.role = "threshold"  # the rule's number, quoted: never the asker's share or cut
            continue
        left = {
            role: _nearest_left(ps[role], r.folded, m.start, _window_start(r, m, a, 30))
            for role in ("reduction", "growth", "coverage", "exclusion", "share")
        }
        # "giảm cường độ … 35% mà sản lượng tăng 1/3": a cue after a joining word governs the next part, not this
        # figure (round-22 dev calc)
        joined = _JOINING_AFTER.search(after)
        if joined:
            after = after[: joined.start()]
        right = {role: _has(ps[role], after) for role in ("reduction", "growth", "coverage", "exclusion", "share")}
        hits = sorted((dist, role) for role, hit in left.items() if hit for _, dist in [hit])
        role = hits[0][1] if hits else next((k for k, v in right.items() if v), None)
        if role is None and re.search(r"(?<![a-z])by\s*$", r.folded[a : m.start]):
            # "cut emissions per pair of shoes by 27%": "by" binds the figure to the verb of its clause, however
            # long the object between them (round-10 dev calc)
            far = {role: _nearest_left(ps[role], r.folded, m.start, a) for role in ("reduction", "growth")}
            found = sorted((hit[1], role) for role, hit in far.items() if hit)
            role = found[0][1] if found else None
        if role is None:
            # "giảm cường độ phát thải trên mỗi sản phẩm 25%": the verb of its clause binds the figure however long
            # the object, when no other figure stands between them (round-18 calc)
            far = {k: _nearest_left(ps[k], r.folded, m.start, a) for k in ("reduction", "growth")}
            found = sorted((hit[1], k) for k, hit in far.items() if hit)
            if found:
                cue_at = m.start - found[0][0]
                if not any(cue_at <= o.start < m.start for o in r.mentions if o is not m):
                    role = found[0][1]
        if role is None:  # "-46% by 2030", "production +30%": the sign says which way
            sign, before = r.text[max(0, m.start - 1) : m.start], r.text[max(0, m.start - 2) : max(0, m.start - 1)]
            if sign in ("-", "−", "–") and not before.isdigit():
                role = "reduction"
            elif sign == "+" and not before.isdigit():
                role = "growth"
        if role is None and "renewable" in r.topics and _has(voc["amounts"]["renewable"], clause):
            m.role = "renewable_share"  # "our renewable share is 75%": the percent of a renewable clause
            continue
        if role is None:
            continue
        if role == "growth" and "intensity" in r.topics and _rising_emissions(r, m, a, voc):
            # "absolute scope 3 will still go up about 8%": the absolute change beside an intensity target, not the
            # growth of production (round-25 calc, dev since)
            m.role = "absolute_change"
            continue
        if role == "reduction" and _falling_output(r, m, a, voc):
            # "output is expected to fall 20%", "sản lượng năm mục tiêu giảm 10%": production that falls grows by a
            # negative rate (round-25 calc, dev since)
            m.role, m.value = "growth", -m.value
            continue
        if (
            _has(voc["amounts"]["renewable"], clause)
            and role in ("share", "coverage", "reduction", "growth")
            and role != "reduction"
        ):
            m.role = "renewable_share"
        elif role == "reduction" and "intensity" in r.topics and _has(list(TOPICS["intensity"]), clause):
            m.role = "intensity_reduction"
        elif role == "growth" and "geva" in r.topics and _has(list(TOPICS["geva"]), clause):
            m.role = "value_added_growth"
        elif role == "share" and "s3" in r.scopes:
            m.role = "scope3_share"
        else:
            m.role = role


def _falling_output(r: Reading, m: Mention, clause_start: int, voc: dict[str, Any]) -> bool:
    """The thing that falls by ``m`` is production: a production word stands before the figure in its clause, with
    no word for emissions or intensity between them."""
    start = _window_start(r, m, clause_start, 40)
    hit = _nearest_left(voc["amounts"]["production"], r.folded, m.start, start)
    if hit is None:
        return False
    between = r.folded[m.start - hit[1] : m.start]
    return not _has(voc["percents"]["emission_subjects"], between)


def _rising_emissions(r: Reading, m: Mention, clause_start: int, voc: dict[str, Any]) -> bool:
    """What grows by ``m`` is absolute emissions: an absolute or emissions word before the figure in its clause, with
    no production word between them."""
    start = _window_start(r, m, clause_start, 40)
    hit = _nearest_left(voc["percents"]["absolute_subjects"], r.folded, m.start, start)
    if hit is None:
        return False
    return not _has(voc["amounts"]["production"], r.folded[m.start - hit[1] : m.start])


# a yearly rate written before its figure: "每年减2%", "mỗi năm giảm 2%", "annually by 2%" (round-11 dev calc)
# "每年至少线性减排4.2%": Chinese puts up to six characters between 每年 and its figure (round-22 dev calc)
_PER_YEAR_BEFORE = re.compile(r"(?:每年|年均|moi nam|hang nam|each year|every year|annually|per year)\s?\S{0,6}\s?$")


_PREPOSITIONS = frozenset(
    {"from", "to", "by", "in", "since", "between", "until", "till", "through", "against", "tu", "den", "toi", "vao", "so voi",
     "以", "从", "到", "至", "在", "自", "比", "于", "相比"}
)  # fmt: skip
_SCOPE_ROLE = {"s12": "s12", "s3": "s3", "s1": "s1", "s2": "s2"}
# scope 3 named right after "scope 1 and 2": the amount is of all three scopes (round-10/11 dev calc)
_AND_THREE = re.compile(r"\s?(?:[、,，和及与+&]|and|va|,)?\s?(?:范围|scope|pham vi)?\s?(?:三|3)(?![\d.,万千])")


def _amount_roles(r: Reading, spans: list[tuple[int, int]], voc: dict[str, Any]) -> None:
    am = voc["amounts"]
    ends: dict[int, str] = {}
    for name, pat in SCOPES.items():  # s12 first: "范围一、范围二" ends where its "范围二" does, and is s12
        for sm in pat.finditer(r.folded):
            ends.setdefault(sm.end(), _SCOPE_ROLE[name])
    scope_marks = sorted(ends.items())
    for m in r.mentions:
        if not m.trusted:
            continue
        a, b = spans[m.clause]
        # an aside between the scope and its amount does not put them apart: "scope 3 (mostly purchased fabric)
        # comes to approx. 21,000 t" (round-3 dev e-mail)
        aside = sum(x.end() - x.start() for x in _ASIDE.finditer(r.folded, a, m.start))
        # an amount in an aside follows the name of what it measures: "covers cat. 1 purchased goods & services
        # (150,000 t)" (round-12 dev e-mail)
        named_before = (
            ASIDE_NAME_REACH if any(x.start() < m.start < x.end() for x in _ASIDE.finditer(r.folded, a)) else 0
        )
        window_start = _window_start(r, m, a, 40 + aside + named_before)
        if m.unit == "mwh":
            # words right after the figure, up to the next figure or clause mark, name it first:
            # "12,600 MWh of electricity and 11,200 MWh of it was renewable"
            nxt = min((o.start for o in r.mentions if o.start > m.end), default=len(r.folded))
            after = re.split(r"[,，;；。、\n]|\.\s", r.folded[m.end : min(nxt, m.end + 40)] + " ")[0]
            # "total electricity use was 5,000 MWh and renewable electricity was 6,200 MWh": what follows a joining
            # word names the next figure (round-11 dev calc)
            joined = _JOINING_AFTER.search(after)
            after = after[: joined.start()] if joined else after
            # "7.650 MWh trên tổng 8.500 MWh", "9,000 MWh out of a total 12,000 MWh": a total word that leads
            # straight to the next figure names that one — an amount of electricity, not "2,600 MWh total in 2025"
            nxt_mwh = any(o.start == nxt and o.unit == "mwh" for o in r.mentions)
            leads_on = nxt_mwh and nxt <= m.end + 40 and len(after) >= nxt - m.end and bool(_has(am["total"], after))
            if _has(am["renewable"], after):
                m.role = "renewable_mwh"
                continue
            if _has(am["electricity_total"] + am["total"], after) and not leads_on:
                m.role = "total_mwh"
                continue
            ren = _nearest_left(am["renewable"], r.folded, m.start, window_start)
            tot = _nearest_left(am["total"] + am["electricity_total"], r.folded, m.start, window_start)
            # "可再生电力7,600,000 kWh": the electricity word is part of "renewable electricity"
            # … as is "renewable electricity 18,000 MWh": the electricity word right after the renewable one
            if ren and (not tot or ren[1] < tot[1] or ren[1] - tot[1] <= 4 or ren[1] - tot[1] - len(tot[0]) <= 1):
                m.role = "renewable_mwh"
            elif tot:
                m.role = "total_mwh"
            elif _has(am["renewable"], r.folded[m.end : b][:20]):
                m.role = "renewable_mwh"
            elif not _has(am["renewable"], r.folded[a:b]):
                m.role = "total_mwh"
            continue
        if m.unit != "t":
            continue
        qualifier = None
        for role, key in (
            ("covered", "covered"),
            ("excluded", "excluded"),
            ("use_phase", "use_phase"),
            ("base_emissions", "base_emissions"),
            ("total", "total"),
        ):
            reach = 48 if role == "use_phase" else 16  # "8.000 tấn là phát thải gián tiếp giai đoạn sử dụng"
            hit = _nearest_left(am[key], r.folded, m.start, window_start)
            opens = _closed_aside_at(r, m.start - hit[1] - len(hit[0]), m.start) if hit else None
            if hit and opens is not None and role in ("covered", "excluded"):
                # "Tổng phát thải phạm vi 1+2 (bao gồm cả lò hơi …): 6.000 tCO2e": a word inside an aside that closes
                # before the figure describes the total, it does not qualify the figure (round-25 calc, dev since)
                hit = _nearest_left(am[key], r.folded, opens, window_start) if opens > window_start else None
            hit = hit or ((role, 0) if _governs_after(r, m, am[key], min(b, m.end + reach)) else None)
            if hit:
                qualifier = role
                break
        scope = None
        marks = [(end, s) for end, s in scope_marks if window_start <= end <= m.start]
        if marks:
            end, scope = max(marks, key=lambda x: x[0])
            asides = [x.span() for x in _ASIDE.finditer(r.folded, end, m.start)]
            if any(
                end <= c.start() < m.start and not any(a <= c.start() < b for a, b in asides)
                for c in _CATEGORY.finditer(r.folded)
            ):
                # "phạm vi 3 thì Category 1 (…) là 30.000 t": a category's amount (round-1 dev e-mail); "scope 3 (cat 1 +
                # cat 4) 13,500 t" names the categories scope 3 is made of
                scope = None
            if scope == "s12" and _AND_THREE.match(r.folded[end : end + 10]):
                scope = "s123"  # "范围一二三合计5万吨", "phạm vi 1, 2 và 3 là 100.000 t": all three scopes
        else:
            after_marks = [(end, s) for end, s in scope_marks if m.end <= end <= min(b, m.end + 24)]
            if after_marks:
                scope = min(after_marks, key=lambda x: x[0])[1]
        # "1,900吨没有纳入目标边界": a covering word under a negation ("没有纳入", "không đưa vào") excludes
        negated = [e for e in am["excluded"] if any(c in e for c in am["covered"] if c != e)]
        if qualifier == "covered" and (
            _nearest_left(negated, r.folded, m.start, window_start) or _governs_after(r, m, negated, min(b, m.end + 16))
        ):
            qualifier = "excluded"
        if qualifier is None and _excluded_in_sentence(r, m, am["excluded"]):
            qualifier = "excluded"
        if qualifier is None and scope is None and m.clause > 0 and _RESTATES.fullmatch(r.folded[a : m.start]):
            # "the scope 2 figure was wrong, it is 4,100 t", "phạm vi 2 bị sai, đúng là 4.100 tấn": the amount of the
            # scope the clause before names (round-22 brief: follow-ups correcting a figure)
            pa, pb = spans[m.clause - 1]
            before = [(end, s) for end, s in scope_marks if pa <= end <= pb]
            if before:
                scope = max(before, key=lambda x: x[0])[1]
        if qualifier is None and scope is None and m.clause > 0 and _OPENS_CLAUSE.fullmatch(r.folded[a : m.start]):
            # "只覆盖外购商品和服务这一类,约 5.5 万吨": an amount that opens its clause measures what the clause
            # before it covers (round-12 dev e-mail)
            pa, pb = spans[m.clause - 1]
            if _nearest_left(am["covered"], r.folded, pb, pa) and not _nearest_left(negated, r.folded, pb, pa):
                qualifier = "covered"
        if qualifier in ("covered", "excluded", "use_phase"):
            m.role = qualifier
        elif qualifier == "total":
            m.role = f"total_{scope}" if scope else "total"
        elif scope == "s123":
            m.role = "total_s123"  # all scopes: neither scope 1+2 nor scope 3
        elif scope:
            m.role = scope
        elif qualifier == "base_emissions":
            m.role = "base_emissions"
    _listed_parts(r, am, [end for end, _ in scope_marks])
    _parallel_asides(r)
    _part_of_total(r)
    _covered_category(r, am)


# a scope 3 category by its number or its name (folded): "第1类", "cat 1", "category 4", "nhóm 1", "外购商品和服务"
_CATEGORY = re.compile(
    r"第\s?(?P<zh>\d{1,2})\s?类|(?<![a-z])cat(?:egory)?\.?\s?(?P<en>\d{1,2})(?!\d)"
    r"|(?:nhom|danh muc|hang muc|loai)\s(?P<vi>\d{1,2})(?!\d)"
    r"|(?P<goods>外购商品和服务|外购商品与服务|purchased goods(?: and services)?|hang hoa (?:va dich vu )?mua vao)"
)


_AND = re.compile(r"^\)?\s*(?:,|，|、|and\s|va\s|和|及|与|plus\s)")


PARALLEL_PART_CHARS = 60  # "and upstream transport (cat. 4) at ": the next part's name between two amounts


def _parallel_asides(r: Reading) -> None:
    """ "covers cat. 1 purchased goods (150,000 t) and cat. 4 upstream transport (12,000 t)", "… at 58,000 t and
    upstream transport (cat. 4) at 9,000 t": an amount after "and" and the next part's name takes the role of the
    covered or excluded amount before it (round-12 and round-13 dev e-mails)."""
    amounts = [m for m in r.mentions if m.unit == "t" and m.trusted]
    for first, second in zip(amounts, amounts[1:], strict=False):
        if first.role not in ("covered", "excluded") or second.role is not None or first.clause != second.clause:
            continue
        between = r.folded[first.end : second.start]
        if len(between) <= PARALLEL_PART_CHARS and _AND.match(between.lstrip(" )")):
            second.role = first.role


def _covered_category(r: Reading, am: dict[str, Any]) -> None:
    """ "范围三45万吨,其中第1类31.5万吨,第4类4.5万吨。我们的目标只覆盖第1类": the amount stated for the category
    the target is said to cover is the covered amount (round-8 and round-10 dev calc)."""
    if r.role("covered"):
        return
    stated: dict[str, Mention] = {}
    refs = list(_CATEGORY.finditer(r.folded))
    for i, ref in enumerate(refs):
        key = next(v for v in ref.groupdict().values() if v)
        key = "1" if not key.isdigit() else key  # purchased goods and services is category 1
        nxt = refs[i + 1].start() if i + 1 < len(refs) else len(r.folded)
        amount = next(
            (m for m in r.mentions if m.trusted and m.unit == "t" and ref.end() <= m.start < min(nxt, ref.end() + 24)),
            None,
        )
        if amount is not None:
            stated.setdefault(key, amount)
        elif key in stated and _nearest_left(am["covered"], r.folded, ref.start(), max(0, ref.start() - 12)):
            stated[key].role = "covered"
            return


_RANGE_TO = re.compile(r"\s*(?:to|->|→|–|-|len|den|toi|到|增加到|增长到|增至|提高到|至)\s*")


_OF_TOTAL = re.compile(
    r"\s*(?:t|tco2e|tan|吨|mwh)?\s*(?:of|out of)\s+(?:the|our|a total of|total|tong)?\s*"
    r"|\s*(?:t|tan|mwh)?\s*(?:tren tong(?: so)?|tren|/)\s*"
)


def _part_of_total(r: Reading) -> None:
    """ "21,000 t of the 31,000 t", "9.000 tấn trên tổng 12.000 tấn", "we're at 14,000 of 20,000 MWh": the second
    amount is the whole the first is part of (a bare first figure takes the whole's unit), and a covering or
    excluding word said of either is said of the part (round-14 dev e-mail). Of electricity, the part is the
    renewable share when the question is about renewables (round-1 and round-12 dev calc)."""
    figures = [m for m in r.mentions if m.unit in ("t", "mwh", "number") and m.trusted]
    for part, whole in zip(figures, figures[1:], strict=False):
        if whole.unit == "number" or part.unit not in (whole.unit, "number"):
            continue
        if not _OF_TOTAL.fullmatch(r.folded[part.end : whole.start]):
            continue
        if part.unit == "number" and not 0 < part.value <= whole.value:
            continue
        part.unit = whole.unit
        if whole.unit == "mwh":
            if "renewable" in r.topics:
                part.role, whole.role = "renewable_mwh", "total_mwh"
            continue
        qualifier = next((m.role for m in (part, whole) if m.role in ("covered", "excluded")), None)
        if qualifier:
            part.role = qualifier
        whole.role = "total"


def _production_growth(r: Reading, am: dict[str, Any]) -> None:
    """Two production volumes ("sản lượng 5 triệu sản phẩm … 2030 dự kiến 7,5 triệu"; "产量从800万件增加到1200万件")
    make the activity growth, as a percentage the question did not write but states (round-6 dev calc); and a
    tonnage after an emissions word in the base year's sentence is the base-year emissions."""
    if not r.role("growth"):
        _doubling(r, am)
    if not r.role("growth"):
        # a category's number is no volume: "(范围三第1类)设定每双鞋…" (round-19 dev e-mail: growth 4.5 million → 1)
        indexes = [c.span() for c in _CATEGORY.finditer(r.folded) if c.group("goods") is None]
        volumes = [
            m
            for m in r.mentions
            if m.unit == "number"
            and m.role is None
            and m.value > 0
            and not any(a <= m.start < b for a, b in indexes)
            and (
                _has(am["units_produced"], r.folded[m.end : m.end + 10])
                or _nearest_left(am["production"], r.folded, m.start, max(0, m.start - 24))
            )
        ]
        if len(volumes) == 1 and (scale := re.search(r"[^\d\s.,]+$", volumes[0].text)):
            # "sản lượng 2023 là 2 triệu sản phẩm, 2030 dự kiến 2,6 triệu": the other figure in the same scale
            volumes += [
                m
                for m in r.mentions
                if m.unit == "number" and m.role is None and m is not volumes[0] and m.text.endswith(scale.group())
            ]
            volumes.sort(key=lambda m: m.start)
        if len(volumes) == 1:
            # "output goes from 2,000,000 to 2,600,000 pieces": the figure the range starts from (round-13 dev calc)
            one = volumes[0]
            volumes += [
                m
                for m in r.mentions
                if m.unit == "number"
                and m.role is None
                and m.end < one.start
                and _RANGE_TO.fullmatch(r.folded[m.end : one.start])
            ]
            volumes.sort(key=lambda m: m.start)
        if len(volumes) == 2 and volumes[0].clause <= volumes[1].clause:
            a, b = volumes
            for v in volumes:
                v.role = "production"
            r.mentions.append(
                Mention(
                    value=round((b.value / a.value - 1) * 100, 4),
                    unit="percent",
                    start=a.start,
                    end=b.end,
                    text=f"{a.text} → {b.text}",
                    clause=a.clause,
                    role="growth",
                    cue="production",
                )
            )
    base = r.one("base_year")
    if base is None or r.role("base_emissions"):
        return
    for m in r.mentions:
        if m.unit != "t" or m.role is not None or not m.trusted:
            continue
        start = max((e.end() for e in _SENTENCE_END.finditer(r.folded, 0, m.start)), default=0)
        if start <= base.start < m.start and _nearest_left(
            am["emissions"], r.folded, m.start, max(start, m.start - 16)
        ):
            m.role = "base_emissions"  # "基准年2022排放1.2万吨", "baseline 2021 phát thải 20.000 tấn"
            return


# what may stand between a year and the amount it labels: "2019: 21.300 tấn", "FY2020 41.2 kt", "2023年实际是3.05万吨"
_LABEL_GAP = re.compile(r"[^\d。;；!?！？\n]{0,12}")


def _year_labelled_amounts(r: Reading) -> None:
    """Several years each labelling an amount ("2019: 21.300 tấn / 2021: 18.500 tấn / 2024: 16.950 tấn", "FY2020
    41.2 kt, FY2023 38.5 kt") beside one declared base year: the base year's amount is the base emissions, the
    other years and their amounts are the record around it, never inputs (round-25 calc, dev since)."""
    pairs: list[tuple[Mention, Mention]] = []
    for i, year in enumerate(r.mentions[:-1]):
        amount = r.mentions[i + 1]
        if year.unit != "year" or amount.unit != "t" or not (year.trusted and amount.trusted):
            continue
        if year.role == "target_year" or amount.role == "target_emissions":
            continue  # "đến năm 2030 xuống còn 8.400 t": the target's year and amount, not the record
        if _LABEL_GAP.fullmatch(r.folded[year.end : amount.start]):
            pairs.append((year, amount))
    if len(pairs) < 2 or len({y.value for y, _ in pairs}) < len(pairs):
        return
    labels = {id(y) for y, _ in pairs}
    declared = {m.value for m in r.mentions if m.role == "base_year" and id(m) not in labels and m.trusted}
    if not declared:
        declared = {y.value for y, _ in pairs if y.role == "base_year"}
    if len(declared) != 1 or next(iter(declared)) not in {y.value for y, _ in pairs}:
        return
    for year, amount in pairs:
        if year.value in declared:
            year.role = "base_year"
            continue
        year.role, year.trusted = None, False
        amount.role, amount.trusted = None, False


END_VALUE_REACH = 48  # characters between the base amount and its end value ("…, kế hoạch đến năm 2030 xuống còn")
_FROM_TO = re.compile(
    r"^\s*(?:t|tons?|tonnes?|tco2e?|tan|吨)?\s*(?:(?:in|nam)?\s*(?:19|20)\d\d\s*年?)?\s*,?\s*(?:to|den|toi|到|至)\s*$"
)


def _end_values(r: Reading, cues: list[str]) -> None:
    """A plan given as end values ("12.000 t … xuống còn 8.400 t", "从1.5万吨降到1.1万吨", "from 9,800 t to
    6,500 t"): the smaller amount after a word for "down to" is the target year's emissions (round-26 calc, dev
    since)."""
    amounts = [m for m in r.mentions if m.unit == "t" and m.trusted]
    for before, after in zip(amounts, amounts[1:], strict=False):
        between = r.folded[before.end : after.start]
        if after.value >= before.value or len(between) > END_VALUE_REACH:
            continue
        if _has(cues, between) or (
            _FROM_TO.match(between) and re.search(r"(?:from|tu|从|由)\s*$", r.folded[: before.start])
        ):
            after.role, after.cue = "target_emissions", None


_ONE_MONTH = re.compile(r"(?<![a-z])thang \d{1,2}(?!\s?[/\-.]\s?\d)|(?<!\d)\d{1,2}月份")


def _monthly_amounts(r: Reading, spans: list[tuple[int, int]], cues: list[str]) -> None:
    """An amount of one month ("hóa đơn điện tháng 6 là 1.050 MWh", "about 1,350 tCO2e a month") is no year's
    figure: it is never an input, whatever its role (round-25 calc, dev since)."""
    for m in r.mentions:
        if m.unit not in ("t", "mwh") or not m.trusted:
            continue
        a, b = spans[m.clause]
        near = r.folded[max(a, m.start - 30) : min(b, m.end + 20)]
        if _has(cues, near) or _ONE_MONTH.search(near):
            m.role, m.trusted = None, False


def _doubling(r: Reading, am: dict[str, Any]) -> None:
    """ "Output will double", "sản lượng tăng gấp đôi", "产量翻一番": production grows by 100%, when a production word
    is within 40 characters of the doubling word."""
    for cue in am["doubling"]:
        hit = cue_pattern(cue).search(r.folded)
        if hit is None:
            continue
        near = r.folded[max(0, hit.start() - 40) : hit.end() + 40]
        if not _has(am["production"] + am["units_produced"], near):
            continue
        clause = min(r.mentions, key=lambda m: abs(m.start - hit.start())).clause if r.mentions else 0
        r.mentions.append(
            Mention(100.0, "percent", hit.start(), hit.end(), _original(r, hit), clause, role="growth", cue=cue)
        )
        return


def _original(r: Reading, hit: re.Match[str]) -> str:
    """The question's own words at a match in its folded form (same length unless folding changed it)."""
    return r.text[hit.start() : hit.end()] if len(r.text) == len(r.folded) else hit.group()


_LIST_SEPARATOR = re.compile(r"[、,，;；+]|(?<![a-z])(?:and|va|cung|cong|plus)(?![a-z])|和|及|以及|与")


def _listed_parts(r: Reading, am: dict[str, Any], scope_ends: list[int]) -> None:
    """A tonnage listed right after a covered or excluded one takes its role: "覆盖外购商品和服务3.3万吨、上游运输
    与配送0.5万吨" covers both (round-6 dev calc). Only across a list separator and a label, with no total
    or scope word between."""
    tonnages = [m for m in r.mentions if m.unit == "t" and m.trusted]
    pairs = list(zip(tonnages, tonnages[1:], strict=False))
    for prev, m in pairs:
        # a scope named only after the list ("…和上游运输(2000吨)设范围三目标") is what the parts belong to
        if (m.role is not None and m.role not in ("s1", "s2", "s3", "s12")) or prev.role not in ("covered", "excluded"):
            continue
        if _same_list(r, prev, m, am["total"], scope_ends):
            m.role = prev.role
    # … and the other way: "leave the canteen (2,100 t) and the company cars (900 t) out of the boundary" — the
    # words after the list govern every part of it (round-11 dev calc)
    for prev, m in reversed(pairs):
        barriers = am["total"] + am["covered"] + am["excluded"]
        if prev.role is None and m.role in ("covered", "excluded") and _same_list(r, prev, m, barriers, scope_ends):
            prev.role = m.role


def _same_list(r: Reading, a: Mention, b: Mention, barriers: list[str], scope_ends: list[int]) -> bool:
    """Two amounts are parts of one list: a list separator and a short label between them, no sentence end, no
    scope's name and no word of ``barriers`` (a total, or a covering word that governs only one of them)."""
    between = r.folded[a.end : b.start]
    return not (
        len(between) > 40
        or not _LIST_SEPARATOR.search(between)
        or _SENTENCE_END.search(between)
        or _has(barriers, between)
        or any(a.end <= end <= b.start for end in scope_ends)
    )


def _governs_after(r: Reading, m: Mention, cues: list[str], until: int) -> bool:
    """A qualifier right after an amount names it ("8.000 tấn là phát thải giai đoạn sử dụng"), unless a
    tonnage follows the word: that one is its object ("scope 1 is 42,000 t and we exclude 2,900 t")."""
    for cue in cues:
        hit = cue_pattern(cue).search(r.folded, m.end, until)
        if hit and not any(o.unit == "t" and hit.end() <= o.start <= hit.end() + 24 for o in r.mentions):
            return True
    return False


_SENTENCE_END = re.compile(r"(?<!\b\w)[.?!;](?=\s|$)|[。？！；\n]")  # "e.g." ends no sentence
_IN_PARENTHESES = re.compile(r"[(（][^()（）]*$")


def _excluded_in_sentence(r: Reading, m: Mention, cues: list[str]) -> bool:
    """An amount the sentence's exclusion words govern from afar: "leave the canteen LPG, forklifts and genset
    out of the boundary, roughly 2,900 t of scope 1"; "loại lò hơi (khoảng 1.400 tấn, thuộc scope 1) ra khỏi
    ranh giới" (round-6 dev e-mails). Only the one tonnage between the words and the amount."""
    start = max((e.end() for e in _SENTENCE_END.finditer(r.folded, 0, m.start)), default=0)
    end = next((e.start() for e in _SENTENCE_END.finditer(r.folded, m.end)), len(r.folded))
    tonnages = [o for o in r.mentions if o.unit == "t" and start <= o.start < end and o is not m]
    aside = bool(_IN_PARENTHESES.search(r.folded[start : m.start]))  # "(khoảng 1.400 tấn, …) ra khỏi"
    for cue in cues:
        for hit in cue_pattern(cue).finditer(r.folded, start, end):
            # the words' object is the next figure, of any kind ("… 32.000 tấn, loại trừ 4%"): none may follow
            governs_nothing_after = not any(
                o.start >= hit.end() and o.unit in ("t", "percent", "number") and o.trusted
                for o in r.mentions
                if o.start < end
            )
            if hit.start() > m.start and not aside and not governs_nothing_after:
                continue  # "scope 1 is 42,000 t and we exclude 2,900 t": the words govern what follows them
            # "…大概 2,000 吨,不想纳入目标边界": words after the last tonnage of the sentence are said of it
            lo, hi = sorted((hit.start(), m.start))
            if not any(lo <= o.start <= hi for o in tonnages):
                return True
    return False


_FOLLOW_UP = re.compile(
    r"(?i)^\s*(and|(?:also |so )?(?:what|how) (?:about|abt)|what if|same for|in that case|then|by then|con|the con|"
    r"vay con|neu|nhu vay|"
    r"vay thi|vay|khi do|luc do)\b|^\s*(那|还有|如果|那么|这样|这样的话|届时|到时|那时)|"
    # "金边制衣呢?", "Giày Hưng Thịnh thì sao?": the same again about what it names (round-19 dev e-mails)
    r"呢\s*[?？]?\s*$|(?<![a-z])thi sao\s*\??\s*$"
)


# "Same question for Plant No. 5.", "Câu hỏi tương tự cho nhà máy Đức Hòa: …", "平阳厂同样的问题,…" ask the question before
# again about another site, wherever the words stand (round-19 dev e-mails)
_SAME_QUESTION = re.compile(
    r"(?<![a-z])(?:(?:the )?same (?:question|check|calculation)|same for|cau hoi tuong tu|tuong tu cho|hoi tuong tu)"
    r"(?![a-z])|同样的问题|同样问题|同样的计算|一样的问题|同一个问题"
)
MAX_FOLLOW_UP_CHARS = 80
MAX_SAME_QUESTION_CHARS = 120


def asks_the_same_again(text: str) -> bool:
    return len(text) <= MAX_SAME_QUESTION_CHARS and bool(_SAME_QUESTION.search(fold(text)))


def is_follow_up(text: str) -> bool:
    """Short questions that lean on the previous one ("and for scope 3?", "còn 2°C thì sao?", "那范围三呢？")."""
    return (len(text) <= MAX_FOLLOW_UP_CHARS and bool(_FOLLOW_UP.search(fold(text)))) or asks_the_same_again(text)


def merge_follow_up(previous: Reading, current: Reading) -> Reading:
    """The previous question's figures, with whatever the follow-up states taking precedence."""
    years = [m for m in current.mentions if m.trusted and m.unit == "year" and m.role is None]
    if len({m.value for m in years}) == 1 and previous.role("target_year"):
        # "如果改成2030年呢?", "what about 2035?": the year that changes is the target year
        current = replace(
            current, mentions=[replace(m, role="target_year") if m in years else m for m in current.mentions]
        )
    roles_now = {m.role for m in current.mentions if m.role and m.trusted}
    kept = [_carried(m) for m in previous.mentions if m.trusted and m.role and m.role not in roles_now]
    if not any(m.unit == "year" and m.trusted for m in current.mentions):
        # "想按1.5度定目标，2030年要降到多少吨？" then "那WB2C呢": the year before, whose role the e-mail's base year
        # decides (complete_with), is this question's too
        kept += [_carried(m) for m in previous.mentions if m.trusted and m.unit == "year" and m.role is None]
    merged = Reading(
        text=f"{previous.text} {current.text}",
        folded=f"{previous.folded} {current.folded}",
        lang=current.lang,
        mentions=kept + current.mentions,
        ambitions=current.ambitions or previous.ambitions,
        scopes=current.scopes or previous.scopes,
        rule_set=current.rule_set or previous.rule_set,
        cati_ids=current.cati_ids or previous.cati_ids,
        topics=current.topics | previous.topics,
        # "vậy tối thiểu phải giảm bao nhiêu?" asks anew; "còn nhà máy A thì sao?" ("own" only) asks the same again
        intent=current.intent if current.intent - {"own"} else previous.intent | current.intent,
        set_aside=current.set_aside,
    )
    return merged


# a part of the emissions the question names by the words the facts list it under: at least this many
# letters shared (a Chinese category name is short: 外购商品和服务); round-5 dev e-mails
MIN_LABEL_CHARS = {"cjk": 4, "latin": 10}
_GENERIC_LABEL = re.compile(
    r"scope|pham vi|范围|emission|phat thai|排放|target|muc tieu|目标|total|tong|总|[\d\s.,:;()=+-]"
)


def _shared_pairs(window: str, question: str) -> int:
    """Letters of the words in adjacent word pairs that both texts have: "ký túc xá công nhân và nhà ăn" and
    "loại ký túc xá và nhà ăn" share "ky tuc", "tuc xa", "nha an" (round-19 dev e-mail), where the longest common
    run is only "ky tuc xa"."""

    def pairs(text: str) -> set[tuple[str, str]]:
        words = re.findall(r"[a-z]+", text)
        return set(zip(words, words[1:], strict=False))

    shared = {
        pair
        for pair in pairs(window) & pairs(question)
        if _GENERIC_LABEL.sub("", " ".join(pair)) and pair[0] != pair[1]
    }
    return sum(len(w) for w in {w for pair in shared for w in pair})


def named_amount(question: Reading, facts: Reading) -> Mention | None:
    """The tonnes the facts list under words the question repeats: the e-mail's "purchased goods and
    services (fabric, trims) is 15,100 t" for "if the target only covers purchased goods and services".
    Only an amount with no role of its own (not scope 1, 2 or 3 themselves); none when two match equally."""
    from difflib import SequenceMatcher

    best: list[tuple[int, Mention]] = []
    previous_end = 0
    for m in sorted(facts.mentions, key=lambda m: m.start):
        if m.unit != "t":
            continue
        window_start, previous_end = max(previous_end, m.start - 60), m.end
        if m.role is not None or not m.trusted:
            continue
        window = facts.folded[window_start : m.start]
        match = SequenceMatcher(None, window, question.folded, autojunk=False).find_longest_match()
        label = window[match.a : match.a + match.size]
        size = len(label.strip()) if _GENERIC_LABEL.sub("", label) else 0
        cjk = bool(re.search(r"[\u4e00-\u9fff]", label))
        size = max(size, 0 if cjk else _shared_pairs(window, question.folded))
        if size >= MIN_LABEL_CHARS["cjk" if cjk else "latin"]:
            best.append((size, m))
    best.sort(key=lambda x: x[0], reverse=True)
    if not best or (len(best) > 1 and best[0][0] == best[1][0]):
        return None
    return best[0][1]


MAX_CATEGORY_LABEL_CHARS = 60  # how far before its amount a category's number may be named


def _category_pattern() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in sorted(vocabulary()["scope3_categories"]["words"], key=len, reverse=True))
    return re.compile(rf"(?<![a-z])(?:{words})\s*(\d{{1,2}})(?!\d)(?!\s*(?:%|t\b|tan|吨))")


def scope3_categories(folded: str) -> list[int]:
    """The scope 3 categories a text names by number ("nhom 1 va nhom 4" → [1, 4]; "cat. 1" → [1])."""
    found = [int(m.group(1)) for m in _category_pattern().finditer(folded)]
    found += [int(n) for n in re.findall(r"第\s*(\d{1,2})\s*类", folded)]
    return sorted({n for n in found if 1 <= n <= 15})


def category_amount(question: Reading, facts: Reading) -> Mention | None:
    """The tonnes the facts state for the scope 3 categories the question names: "trong đó nhóm 1 (hàng hóa và dịch
    vụ mua vào) là 112.000 tấn" for "mục tiêu hiện chỉ bao gồm nhóm 1"; the sum when it names several, each stated
    (an amount's category is the last one named before it, since the amount before). None unless each is found."""
    wanted = scope3_categories(question.folded)
    if not wanted:
        return None
    by_category: dict[int, Mention] = {}
    previous_end = 0
    for m in sorted(facts.mentions, key=lambda m: m.start):
        if m.unit != "t":
            continue  # the number of "nhóm 1" itself is no bound of the label before an amount
        window_start, previous_end = max(previous_end, m.start - MAX_CATEGORY_LABEL_CHARS), m.end
        if not m.trusted or m.role not in (None, "covered"):
            continue
        named = scope3_categories(facts.folded[window_start : m.start])
        if len(named) == 1 and named[0] in wanted:
            by_category.setdefault(named[0], m)
    if set(by_category) != set(wanted):
        return None
    parts = [by_category[n] for n in wanted]
    if len(parts) == 1:
        return parts[0]
    return replace(parts[0], value=sum(p.value for p in parts), text=" + ".join(p.text for p in parts))


# the share of a CATI dimension's points a company reached: "治理机制80%", "Quan tri dat 80% so diem"
CATI_DIMENSION_REACH = 40  # characters between a dimension's name and its percentage
MIN_CATI_DIMENSIONS = 3  # named with a rate each, when "CATI" itself is not named


# a connecting word is needed: "quản trị 70% đo lường 60%" names each dimension before its figure
_DIMENSION_AFTER = re.compile(
    r"\s*(?:(?:so diem|diem|of the points (?:in|on|of)|of the|of|on|in|cho|o)\s+(?:(?:phan|hang muc|linh vuc)\s+)?"
    r"|(?:phan|hang muc|linh vuc|khia canh|的)\s*)"
)


def _dimension_at(names: dict[str, list[str]], folded: str, at: int) -> str | None:
    """The CATI dimension whose name starts at ``at`` (the longest name that does)."""
    best: tuple[int, str] | None = None
    for dim, cues in names.items():
        for cue in cues:
            hit = cue_pattern(cue).match(folded, at)
            if hit and (best is None or len(cue) > best[0]):
                best = (len(cue), dim)
    return best[1] if best else None


def _cati_dimension_rates(r: Reading, voc: dict[str, Any]) -> None:
    """Percentages that follow a CATI dimension's name take the role ``cati_dim_<n>``, when the question
    names CATI or at least ``MIN_CATI_DIMENSIONS`` dimensions with a rate ("Hành động giảm phát thải 30%"
    is then a dimension's score rate, not a cut). A bare number right after a name is a rate too
    ("碳目标设定0", "performance: 0")."""
    names: dict[str, list[str]] = voc["cati_dimensions"]
    found: list[tuple[Mention, str]] = []
    previous = 0
    worded = _worded_rates(r, voc["cati_word_rates"])
    for m in sorted([*r.mentions, *worded], key=lambda x: x.start):
        window = r.folded[max(previous, m.start - CATI_DIMENSION_REACH) : m.start]
        previous = m.end
        # a figure without a percent sign, or a share in words, is a dimension's only right beside its name:
        # "治理机制这一块能拿几分?满分多少?" asks the full marks (round-22 dev calc)
        bare = (m.unit == "number" and 0 <= m.value <= 100) or m in worded
        if not m.trusted or not (m.unit == "percent" or bare):
            continue
        if _has(voc["intent"]["weight"], r.folded[max(0, m.start - 8) : m.start]):
            continue  # "减排行动权重才30%吧": a dimension's weight, as the asker believes it, is no score rate (round-25)
        # "80% số điểm phần Quản trị, 50% phần Đo lường…", "70% of the Measurement & Disclosure points": a name
        # right after the figure and a connecting word is its dimension (round-18 calc)
        after = _DIMENSION_AFTER.match(r.folded, m.end)
        if after and m.unit == "percent":
            following = _dimension_at(names, r.folded, after.end())
            if following is not None:
                found.append((m, following))
                continue
        best: tuple[int, int, str] | None = None  # (end of the name, its length, dimension)
        for dim, cues in names.items():
            for cue in cues:
                for hit in cue_pattern(cue).finditer(window):
                    key = (hit.end(), hit.end() - hit.start(), dim)
                    if best is None or key[:2] > best[:2]:
                        best = key
        if best is None or (bare and window[best[0] :].strip(" :：=")):
            continue
        found.append((m, best[2]))
    if len({d for _, d in found}) >= MIN_CATI_DIMENSIONS or (found and "cati" in r.folded):
        for m, dim in found:
            m.role, m.cue, m.unit = f"cati_dim_{dim}", None, "percent"
            if m in worded:
                r.mentions.append(m)
        r.mentions.sort(key=lambda x: x.start)


_ASKED_AFTER = re.compile(r"\s?(?:是|为|la|is|are)?\s?(?:多少|几|bao nhieu|how many|how much|what|\?|？)")


def _worded_rates(r: Reading, words: dict[str, list[str]]) -> list[Mention]:
    """Shares said in words ("full marks", "全拿", "nothing") where no figure stands, as percent mentions; they
    join the reading only when a CATI dimension's name stands beside them."""
    out: list[Mention] = []
    for value, cues in words.items():
        for cue in cues:
            for hit in cue_pattern(cue).finditer(r.folded):
                if any(m.start < hit.end() and hit.start() < m.end for m in [*r.mentions, *out]):
                    continue
                if _ASKED_AFTER.match(r.folded, hit.end()):
                    continue  # "治理机制满分是多少?" asks the full marks (round-5 dev calc)
                clause = next(
                    (m.clause for m in r.mentions if m.start >= hit.start()), r.mentions[-1].clause if r.mentions else 0
                )
                out.append(
                    Mention(float(value), "percent", hit.start(), hit.end(), r.text[hit.start() : hit.end()], clause)
                )
    return out


def _carried(m: Mention) -> Mention:
    """A figure stated before the question: no clause of the question's own."""
    return replace(m, clause=-1, carried=True)


def year_of_figures(facts: Reading, question: Reading, roles_now: set[str]) -> Reading:
    """Stated facts with one year and no base year ("Phát thải scope 3 năm 2022 … là 35.000 tấn", "our 2022
    emissions were …"): that year is the year of the figures, so the base of a question that names a later
    target year and no base (round-8 dev e-mail: asked back for a base year the e-mail gave)."""
    if "base_year" in roles_now or any(m.role == "base_year" for m in facts.mentions):
        return facts
    years = {m.value for m in facts.mentions if m.trusted and m.unit == "year" and m.role is None}
    amounts = any(m.trusted and m.unit == "t" and m.role for m in facts.mentions)
    targets = [m.value for m in question.mentions + facts.mentions if m.trusted and m.role == "target_year"]
    if not years and amounts and targets:
        # "Kết quả kiểm kê năm 2022: phạm vi 1 là 3.000 tấn…": the inventory whose figures the e-mail gives is
        # their year, the base, for a question that names a later target year (round-22 brief: facts restated as
        # "our 2022 inventory … the base year mentioned above")
        inventories = [m for m in facts.mentions if m.trusted and m.role == "inventory_year"]
        dated = [
            m for m in inventories if any(a.unit == "t" and a.role and a.clause == m.clause for a in facts.mentions)
        ]
        if len({m.value for m in dated}) == 1 and min(targets) > dated[0].value:
            return replace(facts, mentions=[*facts.mentions, replace(dated[0], role="base_year")])
    if len(years) != 1 or not amounts or not targets or min(targets) <= min(years):
        return facts
    mentions = [replace(m, role="base_year") if m.unit == "year" and m.role is None else m for m in facts.mentions]
    return replace(facts, mentions=mentions)


def complete_with(question: Reading, facts: Reading) -> Reading:
    """The question as asked, its missing figures taken from the facts stated around it (an e-mail's
    "our base year is 2022, scope 1+2 were 12.500 tấn"). The question's own words decide what is asked
    (topics, scopes, intent); the facts only fill roles the question leaves empty, and an ambition when
    the question names none. The asker stated those facts about themselves, so the question is about
    their own figures."""
    roles_now = {m.role for m in question.mentions if m.role and m.trusted}
    facts = year_of_figures(facts, question, roles_now)
    kept = [_carried(m) for m in facts.mentions if m.trusted and m.role and m.role not in roles_now]
    if "coverage" in question.topics and "covered" not in roles_now:
        named = category_amount(question, facts) or named_amount(question, facts)
        if named is not None:  # "if the scope 3 target only covers purchased goods and services…"
            kept = [m for m in kept if m.role != "covered"] + [_carried(replace(named, role="covered"))]
    elif "exclusion" in question.topics and "excluded" not in roles_now:
        named = named_amount(question, facts)
        if (
            named is not None
        ):  # "leave the dormitory boiler out" after "(this includes the dormitory boiler, approx. 450 t)"
            kept = [m for m in kept if m.role != "excluded"] + [_carried(replace(named, role="excluded"))]
    bases = {m.value for m in kept if m.role == "base_year"}
    years = [m for m in question.mentions if m.trusted and m.unit == "year" and m.role is None]
    # "… năm 2030 tối đa được phát thải bao nhiêu?" after "năm cơ sở 2021": the year asked about is the target
    one_year = len({m.value for m in years}) == 1
    if len(bases) == 1 and "target_year" not in roles_now and one_year and years[0].value > next(iter(bases)):
        years = [replace(m, role="target_year") for m in years]
        kept = [m for m in kept if m.role != "target_year"]
    own = [next((y for y in years if y.start == m.start), m) for m in question.mentions]
    return replace(
        question,
        mentions=kept + own,
        ambitions=question.ambitions or facts.ambitions,
        rule_set=question.rule_set or facts.rule_set,
        # the indicators a company meets, listed before "how many points is that?" (round-19 dev e-mail)
        cati_ids=question.cati_ids or (facts.cati_ids if "points" in question.intent else []),
        intent=question.intent | ({"own"} if kept else set()),
    )
