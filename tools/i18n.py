"""Explanations, warnings and errors in Vietnamese, Chinese and English (templates, no model)."""

from __future__ import annotations

LANGS = ("vi", "zh", "en")

AMBITION_NAMES = {
    "1.5C": {"vi": "1,5°C", "zh": "1.5°C", "en": "1.5°C"},
    "wb2c": {"vi": "thấp hơn nhiều so với 2°C", "zh": "远低于2°C", "en": "well-below 2°C"},
    "2c": {"vi": "2°C", "zh": "2°C", "en": "2°C"},
}

ERRORS: dict[str, dict[str, str]] = {
    "target_before_base": {
        "vi": "Năm mục tiêu ({target_year}) phải sau năm cơ sở ({base_year}).",
        "zh": "目标年（{target_year}）必须晚于基准年（{base_year}）。",
        "en": "The target year ({target_year}) must be after the base year ({base_year}).",
    },
    "year_out_of_range": {
        "vi": "Năm {value} nằm ngoài khoảng hợp lệ ({low}–{high}) cho trường {field}.",
        "zh": "{field} 的年份 {value} 超出有效范围（{low}–{high}）。",
        "en": "The year {value} for {field} is outside the valid range ({low}–{high}).",
    },
    "negative": {
        "vi": "Giá trị của {field} không được âm (nhận được {value}).",
        "zh": "{field} 不能为负数（输入为 {value}）。",
        "en": "{field} cannot be negative (got {value}).",
    },
    "not_positive": {
        "vi": "Giá trị của {field} phải lớn hơn 0 (nhận được {value}).",
        "zh": "{field} 必须大于 0（输入为 {value}）。",
        "en": "{field} must be greater than 0 (got {value}).",
    },
    "share_out_of_range": {
        "vi": "Tỷ lệ {field} phải từ 0 đến 100% (nhận được {value}).",
        "zh": "{field} 的比例必须在 0 到 100% 之间（输入为 {value}）。",
        "en": "The share {field} must be between 0 and 100% (got {value}).",
    },
    "part_exceeds_total": {
        "vi": "{field} ({value}) không thể lớn hơn tổng ({total}).",
        "zh": "{field}（{value}）不能大于总量（{total}）。",
        "en": "{field} ({value}) cannot exceed the total ({total}).",
    },
    "unknown_ambition": {
        "vi": "Không rõ mức tham vọng '{value}': dùng 1.5C, wb2c (thấp hơn nhiều so với 2°C) hoặc 2c.",
        "zh": "无法识别的力度水平“{value}”：请使用 1.5C、wb2c（远低于2°C）或 2c。",
        "en": "Unknown ambition '{value}': use 1.5C, wb2c (well-below 2°C) or 2c.",
    },
    "unknown_scope": {
        "vi": "Không rõ phạm vi '{value}': dùng s1+s2 hoặc s3.",
        "zh": "无法识别的范围“{value}”：请使用 s1+s2 或 s3。",
        "en": "Unknown scope '{value}': use s1+s2 or s3.",
    },
    "unknown_rule_set": {
        "vi": "Không rõ bộ quy tắc '{value}': dùng sbti-apparel-2019 hoặc sbti-current-floor.",
        "zh": "无法识别的规则集“{value}”：请使用 sbti-apparel-2019 或 sbti-current-floor。",
        "en": "Unknown rule set '{value}': use sbti-apparel-2019 or sbti-current-floor.",
    },
    "unknown_industry": {
        "vi": "Không rõ ngành '{value}' trong bảng trọng số CATI.",
        "zh": "CATI 权重表中没有行业“{value}”。",
        "en": "Unknown industry '{value}' in the CATI weighting table.",
    },
    "unknown_indicator": {
        "vi": "Không có chỉ tiêu CATI '{value}' (ví dụ hợp lệ: 1.1.1, 5.4.5).",
        "zh": "没有 CATI 指标“{value}”（有效示例：1.1.1、5.4.5）。",
        "en": "There is no CATI indicator '{value}' (valid examples: 1.1.1, 5.4.5).",
    },
    "unknown_element": {
        "vi": "Không có yếu tố MCAP '{value}'.",
        "zh": "没有 MCAP 要素“{value}”。",
        "en": "There is no MCAP element '{value}'.",
    },
    "growth_too_low": {
        "vi": "Mức tăng {field} phải lớn hơn -100% (nhận được {value}).",
        "zh": "{field} 的增长率必须大于 -100%（输入为 {value}）。",
        "en": "The growth {field} must be above -100% (got {value}).",
    },
    "bad_date": {
        "vi": "Ngày '{value}' không hợp lệ; dùng định dạng YYYY-MM-DD.",
        "zh": "日期“{value}”无效；请使用 YYYY-MM-DD 格式。",
        "en": "The date '{value}' is not valid; use YYYY-MM-DD.",
    },
}


def error_text(code: str, lang: str, **values: object) -> str:
    table = ERRORS.get(code) or {"en": code}
    return (table.get(lang) or table["en"]).format(**values)


def ambition_name(ambition: str, lang: str) -> str:
    return AMBITION_NAMES.get(ambition, {}).get(lang, ambition)


def fmt(x: float, lang: str, digits: int = 2) -> str:
    """A number as the reader writes it: Vietnamese uses a decimal comma."""
    s = f"{round(float(x), digits):.{digits}f}".rstrip("0").rstrip(".")
    if s in ("-0", ""):
        s = "0"
    return s.replace(".", ",") if lang == "vi" else s


def render(templates: dict[str, str], **values: object) -> dict[str, str]:
    """Fill one template per language; numbers given as floats are formatted per language."""
    out: dict[str, str] = {}
    for lang in LANGS:
        filled = {k: (fmt(v, lang) if isinstance(v, float) else v) for k, v in values.items()}
        out[lang] = templates[lang].format(**filled)
    return out
