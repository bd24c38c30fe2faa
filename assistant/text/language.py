"""Language of a text among the three the assistant serves (vi, zh, en).

lingua decides for ordinary text; script counts break ties for short or mixed text, because a
question such as "MCAP là gì?" is mostly an English acronym but plainly Vietnamese.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Literal

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

Lang = Literal["vi", "zh", "en"]
LANGS: tuple[Lang, ...] = ("vi", "zh", "en")

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN_LETTER = re.compile(r"[A-Za-zÀ-ỹ]")
# Letters (or letters with marks) that English never uses but Vietnamese does.
_VI_MARKS = re.compile(
    r"[ăâđêôơưĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]",
    re.IGNORECASE,
)
_BY_LINGUA: dict[Language, Lang] = {
    Language.VIETNAMESE: "vi",
    Language.CHINESE: "zh",
    Language.ENGLISH: "en",
}


@lru_cache(maxsize=1)
def _detector() -> LanguageDetector:
    return LanguageDetectorBuilder.from_languages(*_BY_LINGUA).with_preloaded_language_models().build()


def script_counts(text: str) -> tuple[int, int, int]:
    """Counts of CJK characters, Vietnamese-marked letters and Latin letters."""
    text = unicodedata.normalize("NFC", text)
    return len(_CJK.findall(text)), len(_VI_MARKS.findall(text)), len(_LATIN_LETTER.findall(text))


def detect_language(text: str, default: Lang = "en") -> Lang:
    """Best guess of vi / zh / en for a question, answer or document."""
    cjk, vi_marks, latin = script_counts(text)
    if cjk == 0 and latin == 0:
        return default
    # Any real run of Chinese characters makes it a Chinese question ("scope 3 是什么").
    if cjk >= 2 and cjk >= 0.15 * latin:
        return "zh"
    if vi_marks >= 2 or (vi_marks >= 1 and latin < 30):
        return "vi"
    if cjk and not latin:
        return "zh"
    if _looks_like_unaccented_vietnamese(text):
        return "vi"
    found = _detector().detect_language_of(text)
    if found is None:
        return default
    return _BY_LINGUA[found]


# Frequent Vietnamese syllables that are not English words: people type Vietnamese without
# diacritics in chat, where lingua leans to English.
_VI_PLAIN_SYLLABLES = frozenset(
    [
        "la",
        "gi",
        "cua",
        "cho",
        "muc",
        "tieu",
        "pham",
        "nam",
        "giam",
        "tu",
        "den",
        "nhung",
        "khong",
        "duoc",
        "va",
        "cac",
        "nhu",
        "the",
        "nao",
        "bao",
        "nhieu",
        "phat",
        "thai",
        "nha",
        "may",
        "chung",
        "toi",
        "co",
        "phai",
        "can",
        "lam",
        "sao",
        "muon",
        "dat",
        "ke",
        "hoach",
        "khi",
        "hau",
        "doanh",
        "nghiep",
        "san",
        "xuat",
        "nang",
        "luong",
        "dien",
        "tai",
        "tao",
        "chuong",
        "trinh",
        "theo",
        "ve",
        "voi",
        "mot",
        "hai",
        "ba",
        "bon",
        "trong",
        "nay",
        "ai",
        "dung",
        "moi",
        "sau",
        "truoc",
        "neu",
        "thi",
        "hay",
        "hoac",
        "cung",
        # more everyday syllables (round-6 dev: "viet giup ham python doc file excel bao cao…" read as English)
        "viet",
        "giup",
        "cao",
        "thu",
        "roi",
        "bieu",
        "thang",
        "hoi",
        "em",
        "anh",
        "chi",
        "minh",
        "nhe",
        "oi",
        "dang",
        "se",
        "lai",
        "vao",
        "len",
        "xuong",
        "rat",
        "lon",
        "nho",
        "nguoi",
        "cong",
        "ty",
        "tuan",
        "ngay",
        "gio",
        "tien",
        "gia",
        "mua",
        "lieu",
        "kiem",
        "tinh",
        "toan",
        "ket",
        "tong",
        "chiem",
        "phan",
        "tram",
        "tiep",
        "nhan",
        "gui",
        "nop",
        "xin",
        "cam",
        "vui",
        "giai",
        "thich",
        "nghia",
        "quy",
        "dinh",
        "yeu",
        "cau",
        "bat",
        "buoc",
        "duoi",
        "tren",
        "giua",
        "hon",
        "nua",
        "bay",
        "hien",
        "thuc",
        "nhat",
        "dau",
        "cuoi",
        "khac",
        "nhau",
        "luon",
        "chua",
        "xong",
        "cuong",
        "ranh",
        "gioi",
        "nguong",
        "huong",
        "dan",
    ]  # fmt: skip
)


def _looks_like_unaccented_vietnamese(text: str) -> bool:
    words = re.findall(r"[a-z]+", text.lower())
    if len(words) < 3:
        return False
    hits = sum(1 for w in words if w in _VI_PLAIN_SYLLABLES)
    return hits / len(words) >= 0.5


def languages_present(text: str, min_share: float = 0.15) -> list[Lang]:
    """Languages making up a notable share of a document (CATI 2.0 is Chinese and English)."""
    cjk, vi_marks, latin = script_counts(text)
    total = cjk + latin
    if total == 0:
        return []
    found: list[Lang] = []
    if cjk / total >= min_share:
        found.append("zh")
    if latin / total >= min_share:
        found.append("vi" if vi_marks >= 0.02 * latin else "en")
    return found
