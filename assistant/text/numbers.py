"""Numbers as Vietnamese, Chinese and English write them, read into values.

One reader for every place that compares figures across languages (translation checks, grounding,
question analysis): ``4,2`` (Vietnamese decimal comma) and ``4.2`` agree, ``12.500`` / ``12,500`` may be
twelve thousand five hundred, ``三分之二`` is 2/3, ``二十多`` is 20, ``mười`` is 10, ``two thirds`` is 2/3.
A written number keeps every value it may stand for; callers decide how strict to be.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

# digits with optional separators; a fraction a/b; 2-part "1.1.3" ids are read as ids, not values
_DIGITS = re.compile(r"(?<!\d)(?<!\d[.,])\d+(?:[.,\u00a0\u202f]\d+)*(?:/\d+)?")
_ZH_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_ZH_UNIT = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000}
_ZH_NUMERAL = re.compile(r"[零〇一二两三四五六七八九十百千万亿]+(?:分之[零〇一二两三四五六七八九十百千]+)?")
# single Chinese digits count as numbers only before a measure word (一些, 统一 are not numbers)
_ZH_MEASURE = "年个家项类种倍成条次名位所月天周届步"

_EN_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "thousand": 1000, "dozen": 12, "million": 10**6, "billion": 10**9, "trillion": 10**12,
    # months, so "2019年4月" and "April 2019" carry the same figures
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
}  # fmt: skip
_EN_FRACTIONS = {
    "half": Fraction(1, 2), "one half": Fraction(1, 2), "one third": Fraction(1, 3), "a third": Fraction(1, 3),
    "two thirds": Fraction(2, 3), "two-thirds": Fraction(2, 3), "one quarter": Fraction(1, 4),
    "a quarter": Fraction(1, 4), "three quarters": Fraction(3, 4), "three-quarters": Fraction(3, 4),
    # fifths and tenths ("cut … by three-tenths", "ba phần năm tổng scope 3"; round-25 calc, dev since)
    "a fifth": Fraction(1, 5), "one fifth": Fraction(1, 5), "one-fifth": Fraction(1, 5), "two fifths": Fraction(2, 5),
    "two-fifths": Fraction(2, 5), "three fifths": Fraction(3, 5), "three-fifths": Fraction(3, 5),
    "four fifths": Fraction(4, 5), "four-fifths": Fraction(4, 5), "a tenth": Fraction(1, 10),
    "one tenth": Fraction(1, 10), "one-tenth": Fraction(1, 10), "three tenths": Fraction(3, 10),
    "three-tenths": Fraction(3, 10), "seven tenths": Fraction(7, 10), "seven-tenths": Fraction(7, 10),
}  # fmt: skip
_VI_WORDS = {
    "một": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "lăm": 5, "sáu": 6, "bảy": 7, "tám": 8,
    "chín": 9, "mười": 10, "mươi": 10, "trăm": 100, "nghìn": 1000, "ngàn": 1000, "triệu": 10**6, "tỷ": 10**9,
}  # fmt: skip
_VI_FRACTIONS = {
    "hai phần ba": Fraction(2, 3), "một phần ba": Fraction(1, 3), "một nửa": Fraction(1, 2),
    "một phần tư": Fraction(1, 4), "ba phần tư": Fraction(3, 4), "một phần năm": Fraction(1, 5),
    "hai phần năm": Fraction(2, 5), "ba phần năm": Fraction(3, 5), "bốn phần năm": Fraction(4, 5),
    "một phần mười": Fraction(1, 10), "ba phần mười": Fraction(3, 10),
}  # fmt: skip
FRACTION_WORDS: dict[str, Fraction] = {**_EN_FRACTIONS, **_VI_FRACTIONS}  # "two thirds", "một phần ba"
# words that are numbers only sometimes ("năm" is also "year", "một"/"one" also "a"): read, never required
AMBIGUOUS_WORDS = frozenset(
    {"năm", "một", "one", "tư", "ba", "may", "march", "hundred", "thousand", "million", "billion", "trillion"}
    | {"trăm", "nghìn", "ngàn", "triệu", "tỷ"}
)


@dataclass(frozen=True)
class WrittenNumber:
    """A number as written in a text, with every value it may stand for."""

    text: str
    start: int
    end: int
    values: frozenset[Fraction]
    kind: str  # "digits" | "id" (1.1.3) | "zh" (Chinese numerals) | "word"
    ambiguous: bool = False

    @property
    def digits(self) -> str:
        return re.sub(r"\D", "", self.text)


def _frac(text: str) -> Fraction | None:
    try:
        return Fraction(text)
    except (ValueError, ZeroDivisionError):
        return None


def digit_values(raw: str) -> tuple[frozenset[Fraction], str]:
    """Values of a digit token: ``12,500`` → {12.5, 12500}; ``4,2`` → {4.2}; ``1.1.3`` is an id."""
    s = raw.replace("\u00a0", " ").replace("\u202f", " ")
    if "/" in s:
        num, _, den = s.partition("/")
        values = {v for v in (_frac(f"{num}/{den}"),) if v is not None}
        return frozenset(values), "digits"
    parts = re.split(r"([., ])", s)
    groups, seps = parts[0::2], parts[1::2]
    if not seps:
        return frozenset({Fraction(int(s))}), "digits"
    out: set[Fraction] = set()
    thousands = all(len(g) == 3 for g in groups[1:]) and 1 <= len(groups[0]) <= 3
    if thousands and len(set(seps)) == 1:
        out.add(Fraction(int("".join(groups))))
    if len(seps) == 1 and seps[0] in ".,":
        v = _frac(f"{groups[0]}.{groups[1]}")
        if v is not None:
            out.add(v)
    elif len(set(seps)) == 2 and seps[-1] in ".," and all(x != seps[-1] for x in seps[:-1]):
        head = "".join(groups[:-1])
        tail_groups_ok = all(len(g) == 3 for g in groups[1:-1])
        if tail_groups_ok:
            v = _frac(f"{head}.{groups[-1]}")
            if v is not None:
                out.add(v)
    if not out:
        return frozenset(), "id"
    return frozenset(out), "digits"


def zh_numeral_value(text: str) -> Fraction | None:
    """``二十三`` → 23, ``两`` → 2, ``一万二千`` → 12000, ``三分之二`` → 2/3."""
    if "分之" in text:
        den, _, num = text.partition("分之")
        d, n = zh_numeral_value(den), zh_numeral_value(num)
        return n / d if d and n is not None else None
    total, section, digit = 0, 0, None
    for ch in text:
        if ch in _ZH_DIGIT:
            digit = _ZH_DIGIT[ch]
        elif ch in ("万", "亿"):
            section = (section + (digit or 0)) * _ZH_UNIT[ch]
            total += section
            section, digit = 0, None
        elif ch in _ZH_UNIT:
            section += (1 if digit is None else digit) * _ZH_UNIT[ch]
            digit = None
        else:
            return None
    return Fraction(total + section + (digit or 0))


def _zh_numbers(text: str, lenient: bool) -> list[WrittenNumber]:
    out: list[WrittenNumber] = []
    for m in _ZH_NUMERAL.finditer(text):
        token = m.group()
        nxt = text[m.end() : m.end() + 1]
        prev = text[m.start() - 1 : m.start()]
        plain_digit = len(token) == 1 and token in _ZH_DIGIT
        measured = bool(nxt) and nxt in _ZH_MEASURE  # ("" in a str is True: the end of the text is no measure word)
        if not lenient and (token == "一" or (plain_digit and not measured) or prev == "第"):
            continue
        only_units = all(ch in _ZH_UNIT for ch in token) and token not in ("十", "百万", "千万")
        if only_units or (token == "十" and not measured and not lenient):
            continue
        value = zh_numeral_value(token)
        if value is None:
            continue
        out.append(WrittenNumber(token, m.start(), m.end(), frozenset({value}), "zh", ambiguous=token == "一"))
    return out


def _word_pattern(words: dict[str, int], fractions: dict[str, Fraction]) -> re.Pattern[str]:
    keys = sorted([*fractions, *words], key=len, reverse=True)
    return re.compile(r"(?<![\wÀ-ỹ])(?:" + "|".join(re.escape(k) for k in keys) + r")(?![\wÀ-ỹ])", re.IGNORECASE)


_EN_PATTERN = _word_pattern(_EN_WORDS, _EN_FRACTIONS)
_VI_PATTERN = _word_pattern(_VI_WORDS, _VI_FRACTIONS)


def _word_numbers(text: str) -> list[WrittenNumber]:
    out: list[WrittenNumber] = []
    for pattern, words, fractions in ((_EN_PATTERN, _EN_WORDS, _EN_FRACTIONS), (_VI_PATTERN, _VI_WORDS, _VI_FRACTIONS)):
        for m in pattern.finditer(text):
            key = m.group().lower()
            value = fractions.get(key)
            if value is None:
                value = Fraction(words[key])
            out.append(WrittenNumber(m.group(), m.start(), m.end(), frozenset({value}), "word", key in AMBIGUOUS_WORDS))
    # the words of a compound are not numbers of their own: "mười lăm" is 15, not also 10 and 5
    compounds = _compound_words(text)
    inside = [(c.start, c.end) for c in compounds]
    out = [n for n in out if not any(a <= n.start and n.end <= b for a, b in inside)]
    return out + compounds


_VI_COMPOUND = re.compile(
    r"(?i)(?<![\wÀ-ỹ])(hai|ba|bốn|năm|sáu|bảy|tám|chín) mươi(?: (mốt|hai|ba|tư|bốn|lăm|năm|sáu|bảy|tám|chín))?(?![\wÀ-ỹ])"
)
_VI_TEENS = re.compile(r"(?i)(?<![\wÀ-ỹ])mười (một|hai|ba|bốn|lăm|năm|sáu|bảy|tám|chín)(?![\wÀ-ỹ])")
_EN_COMPOUND = re.compile(
    r"(?i)\b(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ](one|two|three|four|five|six|seven|eight|nine)\b"
)
_VI_UNITS = {
    "mốt": 1,
    "một": 1,
    "hai": 2,
    "ba": 3,
    "tư": 4,
    "bốn": 4,
    "lăm": 5,
    "năm": 5,
    "sáu": 6,
    "bảy": 7,
    "tám": 8,
    "chín": 9,
}


def _vi_tens(text: str, start: int, end: int, tens: int, unit: str | None) -> WrittenNumber:
    """A Vietnamese compound; one ending in "năm" may be the tens and "year(s)" ("mười năm": ten years)."""
    values = {Fraction(tens + (_VI_UNITS[unit.lower()] if unit else 0))}
    if unit and unit.lower() == "năm":
        values.add(Fraction(tens))
    return WrittenNumber(text, start, end, frozenset(values), "word")


def _compound_words(text: str) -> list[WrittenNumber]:
    out: list[WrittenNumber] = []
    for m in _VI_COMPOUND.finditer(text):
        out.append(_vi_tens(m.group(), m.start(), m.end(), _VI_UNITS[m.group(1).lower()] * 10, m.group(2)))
    for m in _VI_TEENS.finditer(text):
        out.append(_vi_tens(m.group(), m.start(), m.end(), 10, m.group(1)))
    for m in _EN_COMPOUND.finditer(text):
        v = _EN_WORDS[m.group(1).lower()] + _EN_WORDS[m.group(2).lower()]
        out.append(WrittenNumber(m.group(), m.start(), m.end(), frozenset({Fraction(v)}), "word"))
    return out


_MULTIPLIER = re.compile(
    r"\s?(万亿|万|亿|千|trillion|million|billion|thousand|nghìn tỷ|triệu|tỷ|tỉ|nghìn|ngàn)(?![A-Za-zÀ-ỹ])",
    re.IGNORECASE,
)
MULTIPLIERS: dict[str, int] = {
    "万亿": 10**12, "trillion": 10**12, "nghìn tỷ": 10**12, "万": 10_000, "亿": 100_000_000, "千": 1000, "million": 1_000_000, "billion": 1_000_000_000,
    "thousand": 1000, "triệu": 1_000_000, "tỷ": 1_000_000_000, "tỉ": 1_000_000_000, "nghìn": 1000, "ngàn": 1000,
}  # fmt: skip


def read_numbers(text: str, words: bool = True, lenient_zh: bool = False) -> list[WrittenNumber]:
    """Every number written in ``text``: digits, Chinese numerals and (with ``words``) number words.

    A multiplier after digits (``470万``, ``4.7 million``, ``4,7 triệu``) adds the multiplied value."""
    out: list[WrittenNumber] = []
    for m in _DIGITS.finditer(text):
        token = m.group().rstrip(" ")
        values, kind = digit_values(token)
        if kind == "id":
            out.append(WrittenNumber(token, m.start(), m.start() + len(token), frozenset(), "id"))
            continue
        end = m.start() + len(token)
        if mult := _MULTIPLIER.match(text, end):
            factor = MULTIPLIERS[mult.group(1).lower()]
            values = values | {v * factor for v in values}
        out.append(WrittenNumber(token, m.start(), end, values, kind))
    out += _zh_numbers(text, lenient_zh)
    if words:
        out += _word_numbers(text)
    return sorted(out, key=lambda n: (n.start, -n.end))


def zh_digit_string(digits: str) -> int | None:
    """A number written digit by digit in Chinese numerals, as years are: "二〇二二" is 2022."""
    if not digits or any(ch not in _ZH_DIGIT for ch in digits):
        return None
    return int("".join(str(_ZH_DIGIT[ch]) for ch in digits))


# --- numbers spelled out as a whole phrase ("twenty thousand", "bon muoi lam nghin") -------------------------
# Read on folded text (lower case, no diacritics: "bốn mươi lăm nghìn" is "bon muoi lam nghin"), so a question
# typed without diacritics reads the same. "năm" (five / year) and "tư" (four / from) fold to "nam" and "tu":
# "tu" and "lam" count only after the tens ("bốn mươi tư"), and two digits in a row are no number ("năm hai
# mươi …" is "year 20 …"), so a phrase is read from its longest valid end.
_PHRASE_DIGITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19,
    "mot": 1, "hai": 2, "ba": 3, "bon": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8, "chin": 9,
}  # fmt: skip
_PHRASE_AFTER_TENS = {"tu": 4, "lam": 5, "mot": 1}
_PHRASE_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
                "ninety": 90}  # fmt: skip
_PHRASE_HUNDRED = {"hundred", "tram"}
_PHRASE_LARGE = {"thousand": 1000, "nghin": 1000, "ngan": 1000, "million": 10**6, "trieu": 10**6}
_PHRASE_FILLERS = {"and", "linh", "le"}
_PHRASE_WORDS = sorted(
    {*_PHRASE_DIGITS, *_PHRASE_AFTER_TENS, *_PHRASE_TENS, *_PHRASE_HUNDRED, *_PHRASE_LARGE, *_PHRASE_FILLERS, "muoi"},
    key=len,
    reverse=True,
)
_PHRASE = re.compile(
    r"(?<![a-z0-9])(?:" + "|".join(_PHRASE_WORDS) + r")(?:[\s-]+(?:" + "|".join(_PHRASE_WORDS) + r"))*(?![a-z0-9])"
)


def _phrase_value(words: list[str]) -> int | None:
    """The value of number words in order, or None when they do not make one number."""
    total, current, last, previous = 0, 0, 0, ""
    for i, w in enumerate(words):
        if w in _PHRASE_FILLERS:
            if i == 0 or i == len(words) - 1:
                return None
            continue
        if w in _PHRASE_AFTER_TENS and previous == "tens":
            current += _PHRASE_AFTER_TENS[w]
            previous = "digit"
        elif w in _PHRASE_DIGITS and w not in ("tu", "lam"):
            if previous == "digit":
                return None
            last = _PHRASE_DIGITS[w]
            current += last
            previous = "digit"
        elif w == "muoi":  # "bốn mươi" is 40, "mười" is 10: both fold to "muoi"
            if previous == "tens":
                return None
            current += last * 9 if previous == "digit" else 10
            previous = "tens"
        elif w in _PHRASE_TENS:
            if previous in ("digit", "tens"):
                return None
            current += _PHRASE_TENS[w]
            previous = "tens"
        elif w in _PHRASE_HUNDRED:
            current = (current or 1) * 100
            previous = "hundred"
        elif w in _PHRASE_LARGE:
            if previous == "" or previous == "large":
                return None
            total += current * _PHRASE_LARGE[w]
            current, previous = 0, "large"
        else:
            return None
    value = total + current
    return value or None


def number_phrases(folded: str, min_words: int = 2) -> list[tuple[int, int, int]]:
    """Numbers spelled out in words, English or Vietnamese, in folded text: (start, end, value). Phrases of
    ``min_words`` words or more: a lone word ("one", "ba", "nam") is too often no number, unless its unit
    follows ("thirty percent"; the caller checks)."""
    out: list[tuple[int, int, int]] = []
    for m in _PHRASE.finditer(folded):
        words = [(w.group(), w.start(), w.end()) for w in re.finditer(r"[a-z]+", m.group())]
        for k in range(len(words) - min_words + 1):  # the longest valid end of the phrase
            tail = words[k:]
            value = _phrase_value([w for w, _, _ in tail])
            if value is not None:
                out.append((m.start() + tail[0][1], m.start() + tail[-1][2], value))
                break
    return out
