"""First half of the answer dev set ``evals/questions.jsonl`` (ids ``q-…``; contract format).

Fact and cross-lingual items reuse the hand-checked facts of the retrieval set (same gold quotes,
one question per language) with the language-neutral strings a correct answer must contain.
Calculation items name the calculator and take ``expected_value`` from running it, so the file
cannot drift from the rule table; refusals are questions the five documents do not answer.

    .venv/bin/python scripts/build_dev_set.py   (writes both halves)
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from retrieval_questions_src import FACTS  # noqa: E402

from tools.registry import get_calculator  # noqa: E402

DOC_LANGS = {"000": {"vi"}, "001": {"zh"}, "002": {"vi"}, "003": {"zh", "en"}, "004": {"zh"}}
FIVE_YEARS = ["五年", "5年", "five years", "5 years", "5 năm", "năm năm"]

# any_of groups per fact (index into FACTS): what a correct answer shows, in any language or script.
FACT_MATCH: dict[int, dict[str, Any]] = {
    0: {"any_of": [["40%"]]},
    1: {"any_of": [["三分之二", "two thirds", "two-thirds", "2/3", "hai phần ba", "67%"]]},
    2: {"any_of": [["5年", "5 năm", "5 years", "five years", "5–15", "5-15"], ["15年", "15 năm", "15 years"]]},
    3: {"any_of": [["5%"]]},
    4: {"any_of": [["4.2%", "4,2%"]]},
    5: {"any_of": [["80%"], ["100%"], ["2025"], ["2030"]]},
    6: {"any_of": [["不算", "do not count", "does not count", "not counted", "không được tính", "không tính"]]},
    7: {"any_of": [FIVE_YEARS]},
    8: {"any_of": [["两年", "2年", "two years", "2 years", "2 năm", "hai năm"]]},
    9: {"any_of": [["7%"]]},
    10: {"any_of": [FIVE_YEARS]},
    11: {"any_of": [["60"]]},
    12: {"any_of": [["范围一", "scope 1", "phạm vi 1"]]},
    13: {"any_of": [["90%"]]},
    14: {"any_of": [["2.31", "2,31"]]},
    15: {"any_of": [["14%"]]},
    16: {"any_of": [["20%:80%", "20/80"]]},
    17: {"any_of": [["排放量5", "emissiondata5", "5分", "5 điểm", "5 points"]]},
    18: {"any_of": [["1.2.3"]]},
    19: {"any_of": [["mười giờ", "10 giờ", "ten hours", "10 hours", "10小时", "十小时"]]},
    20: {"must_include": ["mcap@cascale.org"]},
    21: {"any_of": [["rủi ro khí hậu", "nguy cơ khí hậu", "气候风险", "climate risk"]]},
    22: {"any_of": [["Nike"], ["Target"]]},
    23: {"any_of": [["bên thứ ba", "third-party", "third party", "第三方"]]},
    24: {"any_of": [["Green ID", "GreenID"], ["WWF"]]},
    25: {"any_of": [["05 chương trình", "5 chương trình", "five action", "5 action", "五个", "5个"]]},
    26: {"any_of": [["200"]]},
}

# (kind, calculator, arguments, output key, {lang: question}, extra matching)
CALCS: list[tuple[str, str, dict[str, Any], str, dict[str, str], dict[str, Any]]] = [
    (
        "calc",
        "absolute_contraction",
        {"base_year": 2020, "target_year": 2030, "ambition": "1.5C"},
        "required_reduction_percent",
        {
            "vi": "Theo mức 1,5°C, phát thải phạm vi 1 và 2 phải giảm bao nhiêu phần trăm từ 2020 đến 2030?",
            "zh": "按1.5°C情景，范围一和范围二排放从2020年到2030年需要减少多少？",
            "en": "How much must scope 1 and 2 emissions fall from 2020 to 2030 under a 1.5°C target?",
        },
        {"any_of": [["42%"]], "must_not_include": ["34.9", "34,9"]},  # compounding 4.2 %/yr gives 34.9 %
    ),
    (
        "calc",
        "absolute_contraction",
        {"base_year": 2019, "target_year": 2029, "ambition": "WB2C"},
        "required_reduction_percent",
        {
            "vi": "Năm cơ sở 2019, năm mục tiêu 2029, mức thấp hơn nhiều so với 2°C thì cần giảm bao nhiêu?",
            "zh": "基准年2019年、目标年2029年，远低于2°C情景需要减排多少？",
            "en": "Base year 2019, target year 2029, well-below 2°C: what total reduction is required?",
        },
        {"any_of": [["25%"]], "must_not_include": ["22.4", "22,4"]},
    ),
    (
        "criteria",
        "check_absolute_target",
        {"base_year": 2020, "target_year": 2030, "reduction_percent": 30, "ambition": "1.5C"},
        "shortfall_points",
        {
            "vi": "Giảm 30% phát thải từ 2020 đến 2030 có đủ cho mức 1,5°C không?",
            "zh": "从2020年到2030年减排30%是否满足1.5°C的要求？",
            "en": "Is a 30% cut in emissions from 2020 to 2030 enough for 1.5°C?",
        },
        {"any_of": [["42%"], ["12"]]},
    ),
    (
        "calc",
        "geva",
        {"base_year": 2015, "target_year": 2030},
        "intensity_change_percent",
        {
            "vi": "Với phương pháp GEVA, cường độ phát thải trên giá trị gia tăng phải giảm bao nhiêu từ 2015 đến 2030?",
            "zh": "按GEVA方法，2015年到2030年单位增加值排放强度需要下降多少？",
            "en": "Under GEVA, by how much must emissions per unit of value added fall from 2015 to 2030?",
        },
        {
            "any_of": [["66.3", "66,3"]],
            "must_not_include": ["-105%的", "is -105%", "là -105%"],
        },  # 7 %/yr is compound, not 7 × 15
    ),
    (
        "calc",
        "geva",
        {"base_year": 2015, "target_year": 2030, "value_added_growth_percent": 9},
        "absolute_change_percent",
        {
            "vi": "Theo GEVA từ 2015 đến 2030, nếu giá trị gia tăng tăng 9% mỗi năm thì phát thải tuyệt đối thay đổi bao nhiêu?",
            "zh": "GEVA目标下，2015年至2030年增加值每年增长9%，绝对排放量变化多少？",
            "en": "With a GEVA target from 2015 to 2030 and value added growing 9% per year, how do absolute emissions change?",
        },
        {"any_of": [["22.6", "22,6"]]},
    ),
    (
        "calc",
        "physical_intensity_rate",
        {"base_year": 2017, "target_year": 2030, "intensity_reduction_percent": 30},
        "annual_linear_rate_percent",
        {
            "vi": "Giảm 30% cường độ phát thải trên mỗi đôi giày từ 2017 đến 2030 tương đương mức giảm tuyến tính bao nhiêu mỗi năm?",
            "zh": "每双鞋的排放强度从2017年到2030年降低30%，相当于每年线性降低多少？",
            "en": "A 30% cut in emissions per pair of shoes from 2017 to 2030 is what linear annual intensity reduction?",
        },
        {"any_of": [["2.31", "2,31"]]},
    ),
    (
        "criteria",
        "scope3_required",
        {"scope1": 55, "scope2": 0, "scope3": 45},
        "scope3_share_percent",
        {
            "vi": "Phạm vi 3 chiếm 45% tổng phát thải của chúng tôi. Có bắt buộc đặt mục tiêu phạm vi 3 không?",
            "zh": "我们的范围三排放占总排放的45%，是否必须设定范围三目标？",
            "en": "Scope 3 is 45% of our total emissions. Do we need a scope 3 target?",
        },
        {"any_of": [["40%"]]},
    ),
    (
        "calc",
        "required_intensity_reduction",
        {"base_year": 2020, "target_year": 2030, "activity_growth_percent": 30, "ambition": "1.5C"},
        "required_intensity_reduction_percent",
        {
            "vi": "Sản lượng tăng 30% từ 2020 đến 2030, cường độ phát thải phải giảm bao nhiêu để đạt mức 1,5°C?",
            "zh": "2020年到2030年产量增长30%，要达到1.5°C，排放强度需要降低多少？",
            "en": "If production grows 30% from 2020 to 2030, what intensity reduction matches a 1.5°C pathway?",
        },
        {"any_of": [["55.4", "55,4", "55.38", "55,38"]]},
    ),
]

REFUSALS: dict[str, list[str]] = {
    "vi": [
        "Thuế carbon ở Việt Nam hiện nay là bao nhiêu đồng mỗi tấn CO2?",
        "Phí thẩm định mục tiêu của SBTi năm 2026 là bao nhiêu?",
        "Cơ chế CBAM của EU áp dụng cho hàng dệt may từ năm nào?",
        "Giá chứng chỉ năng lượng tái tạo (I-REC) ở Việt Nam là bao nhiêu?",
        "Lương tối thiểu vùng của công nhân may ở Bình Dương là bao nhiêu?",
        "Ngày mai thời tiết ở Hà Nội thế nào?",
    ],
    "zh": [
        "越南的碳税税率是多少？",
        "2025年有多少家工厂加入了MCAP？",
        "中国绿电证书现在的价格是多少？",
        "欧盟CBAM对纺织品的碳价是多少？",
        "SBTi审核一个目标收费多少钱？",
        "明天上海会下雨吗？",
    ],
    "en": [
        "What is Vietnam's carbon tax rate per tonne of CO2?",
        "How much does SBTi charge to validate a target in 2026?",
        "When does the EU CBAM start applying to textiles?",
        "How many factories joined MCAP in 2025?",
        "What is the price of renewable energy certificates in China?",
        "Who won the football World Cup in 2022?",
    ],
}


def _value(result: Any, key: str) -> float:
    value = result.outputs[key]
    return round(float(value), 4)


def build() -> list[dict[str, Any]]:
    corpus = {p.name: p.read_text(encoding="utf-8") for p in (ROOT / "corpus").glob("*.txt")}
    rows: dict[str, list[dict[str, Any]]] = {"vi": [], "zh": [], "en": []}
    for i, (doc, quote, questions) in enumerate(FACTS):
        first_quote = quote.split("|")[0]
        alt = quote.split("|")[1:]
        for q in [first_quote, *alt]:
            assert q in corpus[doc], (doc, q)
        match = FACT_MATCH[i]
        for lang, text in questions.items():
            kind = "fact" if lang in DOC_LANGS[doc[:3]] else "crosslingual"
            rows[lang].append(
                {
                    "lang": lang,
                    "question": text,
                    "kind": kind,
                    "must_include": match.get("must_include", []),
                    "any_of": match.get("any_of", []),
                    "must_not_include": [],
                    "expect_refusal": False,
                    "source_doc": doc,
                    "source_quote": first_quote,
                    "alt_quotes": alt,
                    "expected_tool": None,
                    "expected_value": None,
                }
            )
    for kind, tool, args, key, questions, match in CALCS:
        value = _value(get_calculator(tool)(**args), key)
        for lang, text in questions.items():
            rows[lang].append(
                {
                    "lang": lang,
                    "question": text,
                    "kind": kind,
                    "must_include": [],
                    "any_of": match.get("any_of", []),
                    "must_not_include": match.get("must_not_include", []),
                    "expect_refusal": False,
                    "source_doc": None,
                    "source_quote": None,
                    "expected_tool": tool,
                    "expected_value": value,
                    "tool_arguments": args,
                }
            )
    for lang, questions in REFUSALS.items():
        for text in questions:
            rows[lang].append(
                {
                    "lang": lang,
                    "question": text,
                    "kind": "refusal",
                    "must_include": [],
                    "any_of": [],
                    "must_not_include": [],
                    "expect_refusal": True,
                    "source_doc": None,
                    "source_quote": None,
                    "expected_tool": None,
                    "expected_value": None,
                }
            )
    out: list[dict[str, Any]] = []
    for lang in ("vi", "zh", "en"):
        for n, row in enumerate(rows[lang], 1):
            out.append({"id": f"q-{lang}-{n:03d}", **row})
    return out


if __name__ == "__main__":
    print(len(build()), "questions valid; scripts/build_dev_set.py writes evals/questions.jsonl")
