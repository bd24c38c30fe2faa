"""Second half of the answer dev set ``evals/questions.jsonl`` (ids ``t-…``): questions written
independently of the retrieval facts, with the documents' traps (contract format, "Question files").

Written as data: fact / cross-lingual items (F), calculator items (C: ``expected_value`` is taken by
running the named calculator, never typed in) and refusals (R). Running it writes the JSONL file and
fails loudly when

* a ``source_quote`` is not an exact substring of its document in ``corpus/`` (or is not 10–60 chars);
* a calculator item's own explanation, in the question's language, would not pass the item's
  ``must_include`` / ``any_of`` / ``must_not_include`` under the contract's matching rules (so the
  matching strings are fair to a correct, calculator-backed answer);
* a document-backed item could not be passed by quoting the passage around its gold quote, or a
  ``must_not_include`` string occurs there (so quoting the document is never penalised);
* a language has fewer than 40 questions or 6 refusals.

Traps covered on purpose: absolute contraction is LINEAR (4.2 %/yr x 10 = 42 %, never the compounded
34.9 %); GEVA is COMPOUND (7 %/yr over 15 years = -66.3 %, not the linear -105 %); the corpus holds
SBTi criteria v4.0 (2019: 5-15 years, scope 1+2 at least well-below 2 degC, scope 3 at least 2 degC)
while today's rules are stricter (5-10 years, scope 1+2 at 1.5 degC); doc 004's Table 5 header says
2015-2020 where 2015-2030 is meant, and C19's Chinese says intensity must not "increase by at least 2%"
where a reduction of at least 2 %/yr is meant.

    .venv/bin/python scripts/build_dev_set.py   (writes both halves)
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from evals.matching import contains, match_answer  # noqa: E402
from tools.registry import get_calculator  # noqa: E402

D0 = "000_0879da0e186f5247.txt"  # vi  MCAP brochure
D1 = "001_b6ed0f8b189bdceb.txt"  # zh  Cascale news
D2 = "002_08dc8465030f2692.txt"  # vi  VCCA
D3 = "003_05076a27b7f6b8f4.txt"  # zh+en CATI 2.0
D4 = "004_3e93d633cc5b91bd.txt"  # zh  SBTi apparel & footwear guidance (criteria v4.0, 2019)
DOC_LANGS = {D0: {"vi"}, D1: {"zh"}, D2: {"vi"}, D3: {"zh", "en"}, D4: {"zh"}}

# Reusable matching groups (any spelling, any of the three languages; matching folds case and spaces).
FIVE_YEARS = ["五年", "5年", "5 năm", "năm năm", "five years", "5 years", "5-year", "five-year"]
TWO_THIRDS = ["三分之二", "hai phần ba", "2/3", "two thirds", "two-thirds", "66.67", "66.7", "66,7"]
TWO_PCT_YR = [
    "最低2%",
    "降低2%",
    "2%的年度",
    "2%/yr",
    "2% a year",
    "2% per year",
    "2%/năm",
    "2% mỗi năm",
    "ít nhất 2%",
    "tối thiểu 2%",
    "at least 2%",
]
NOT_COUNTED = ["不算", "không được tính", "không tính", "not count", "not be counted", "don't count", "doesn't count"]

# Quotes the calculator items rest on (exact text of 004; the extraction removed spaces).
Q_15C = "1.5°C(最低年度线性减排4.2%)"
Q_WB2C = "远低于2°C(最低年度线性减排2.5%)"
Q_2C = "2°C以内(最低年度线性减排1.23%)"
Q_GEVA = "使单位增值排放量同比每年至少减少7%"
Q_PHYS = "并以最低2%的年度线性减排降低物理强度"
Q_CONVERT = "转换为减排绝对值时,与绝对收缩法一致"
Q_S3_TRIGGER = "范围三排放量占范围一、二和三排放总量的40%或更多"
Q_S3_COVER = "这些目标至少涵盖范围三排放总量的三分之二"
Q_S12_EXCL = "公司最高可从排放清单和目标边界中一共排除5%的范围一和范围二排放量"
Q_RE = "将到2025年80%可再生能源电力采购和到2030年100%可再生能源采购定为阈值"
Q_SUPPLIER = "公司参与目标的最长期限为五年"
Q_TIMEFRAME = "科学碳目标的设定最短期限为5年,最长为15年"
Q_TABLE5 = "2015年-2020年单位增值(美元)二氧化碳当量排放量(吨)(GEVA)变化"

ITEMS: list[dict[str, Any]] = []


def F(
    lang: str,
    question: str,
    doc: str,
    quote: str,
    any_of: list[list[str]] | None = None,
    must: list[str] | None = None,
    must_not: list[str] | None = None,
    kind: str | None = None,
    **extra: Any,
) -> None:
    """A question the documents answer (fact, cross-lingual, or a criteria check read off a clause)."""
    ITEMS.append(
        {
            "lang": lang,
            "question": question,
            "kind": kind or ("fact" if lang in DOC_LANGS[doc] else "crosslingual"),
            "must_include": must or [],
            "any_of": any_of or [],
            "must_not_include": must_not or [],
            "expect_refusal": False,
            "source_doc": doc,
            "source_quote": quote,
            "expected_tool": None,
            "expected_value": None,
            **extra,
        }
    )


def C(
    lang: str,
    kind: str,
    question: str,
    tool: str,
    args: dict[str, Any],
    key: str,
    doc: str,
    quote: str,
    any_of: list[list[str]] | None = None,
    must: list[str] | None = None,
    must_not: list[str] | None = None,
) -> None:
    """A calculation or a criteria check a calculator answers; expected_value = outputs[key] of a real run."""
    ITEMS.append(
        {
            "lang": lang,
            "question": question,
            "kind": kind,
            "must_include": must or [],
            "any_of": any_of or [],
            "must_not_include": must_not or [],
            "expect_refusal": False,
            "source_doc": doc,
            "source_quote": quote,
            "expected_tool": tool,
            "expected_value": None,  # filled in by build()
            "tool_arguments": args,
            "_key": key,
        }
    )


def R(lang: str, question: str) -> None:
    """A question the five documents do not answer."""
    ITEMS.append(
        {
            "lang": lang,
            "question": question,
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


# =============================================================================================== vi
# --- fact (000 MCAP brochure, 002 VCCA)
F(
    "vi",
    "Mỗi năm Cascale dành bao nhiêu giờ tư vấn cho các nhà sản xuất tham gia MCAP?",
    D0,
    "mười giờ hỗ trợ",
    any_of=[["mười giờ", "10 giờ", "ten hours", "10 hours", "10小时", "十小时"]],
)
F(
    "vi",
    "Khung chương trình MCAP gồm những yếu tố chính nào?",
    D0,
    "CÔNG BỐ TIẾN ĐỘ HÀNG NĂM",
    any_of=[
        ["nguy cơ khí hậu", "rủi ro khí hậu", "气候风险", "climate risk"],
        ["khử carbon", "khử cacbon", "脱碳", "decarboni"],
        ["tiến độ hàng năm", "每年", "annual progress"],
    ],
)
F(
    "vi",
    "Thương hiệu và nhà bán lẻ có thể tham gia MCAP không, hay chương trình chỉ dành cho nhà sản xuất?",
    D0,
    "MCAP chỉ dành riêng cho các nhà",
    any_of=[
        [
            "chỉ dành riêng",
            "chỉ dành cho nhà sản xuất",
            "chỉ dành cho các nhà sản xuất",
            "仅面向制造商",
            "仅限制造商",
            "only for manufacturers",
            "manufacturers only",
        ]
    ],
)
F(
    "vi",
    "Muốn hỏi thêm về chương trình MCAP thì gửi email tới địa chỉ nào?",
    D0,
    "mcap@cascale.org",
    must=["mcap@cascale.org"],
)
F(
    "vi",
    "Ai thẩm định mục tiêu của nhà sản xuất trong MCAP, và Cascale giữ vai trò gì trong việc đó?",
    D0,
    "đóng vai trò giám sát để đảm bảo tính nhất quán",
    any_of=[["bên thứ ba", "第三方", "third-party", "third party"], ["giám sát", "监督", "oversee", "oversight"]],
)
F(
    "vi",
    "MCAP hướng tới nhà sản xuất trong những lĩnh vực nào?",
    D0,
    "giày dép, nội thất gia đình, sản phẩm thể thao và ngoài trời",
    any_of=[["giày dép", "鞋", "footwear"], ["dệt may", "纺织", "textile"]],
)
F(
    "vi",
    "Nhóm nòng cốt của Liên minh VCCA có nhiệm kỳ bao lâu và phải có tối thiểu bao nhiêu phần trăm thành viên mới?",
    D2,
    "nhiệm kỳ 2 năm tại Hội nghị thường niên",
    any_of=[["2 năm", "hai năm", "两年", "2年", "two years", "2 years", "two-year"], ["20%"]],
)
F(
    "vi",
    "Chương trình Triệu Ngôi Nhà Xanh của VCCA đặt mục tiêu gì cho năm 2030?",
    D2,
    "vào năm 2030 đạt một triệu ngôi nhà",
    any_of=[
        ["một triệu", "1 triệu", "一百万", "100万", "one million", "1 million"],
        ["điện mặt trời", "太阳能", "solar"],
    ],
)
F(
    "vi",
    "Một thành viên của VCCA cần hoạt động bao lâu thì có thể trở thành thành viên nhóm nòng cốt?",
    D2,
    "sau một năm tích cực hoạt động cùng Liên minh",
    any_of=[["một năm", "1 năm", "一年", "one year", "1 year"]],
)
# --- cross-lingual (004 zh guidance, 003 CATI, 001 news)
F(
    "vi",
    "Doanh nghiệp có được dùng tín chỉ bù trừ carbon để tính là đã giảm phát thải theo mục tiêu dựa trên khoa học không?",
    D4,
    "碳抵消不算作对公司科学碳目标进展的减排贡献",
    any_of=[NOT_COUNTED],
)
F(
    "vi",
    "Theo tiêu chí C6, năm kiểm kê khí nhà kính gần nhất được phép sớm hơn năm nộp mục tiêu tối đa bao nhiêu năm?",
    D4,
    "最近完成温室气体排放清单核算的年份不得早于目标提交年份前两年",
    any_of=[["两年", "2年", "hai năm", "2 năm", "two years", "2 years"]],
)
F(
    "vi",
    "Doanh nghiệp đã có mục tiêu được phê duyệt phải rà soát lại mục tiêu với tần suất nào?",
    D4,
    "至少须每五年审查一次目标",
    any_of=[FIVE_YEARS],
)
F(
    "vi",
    "Theo tiêu chí C22, năm muộn nhất mà công ty có mục tiêu đã được duyệt phải thẩm định lại là năm nào?",
    D4,
    "必须重新审核目标的最近年份是2025年",
    any_of=[["2025"]],
)
F(
    "vi",
    "Bản tiếng Trung của hướng dẫn SBTi cho ngành may mặc và giày dép do tổ chức nào dịch?",
    D4,
    "本手册由WWF中国翻译制作",
    any_of=[["WWF"]],
)
F(
    "vi",
    "Trong quá trình soạn hướng dẫn, WRI đã chia sẻ bản thảo với các bên liên quan ở Việt Nam vào lúc nào và ở đâu?",
    D4,
    "2018年9月,在越南胡志明市",
    any_of=[["2018"], ["胡志明", "Hồ Chí Minh", "Ho Chi Minh"]],
)
F(
    "vi",
    "Theo hướng dẫn, năm 2016 ngành may mặc giày dép mang về cho Việt Nam bao nhiêu tiền xuất khẩu?",
    D4,
    "是越南第二大外汇收入来源,2016年出口额为270亿美元",
    any_of=[["270亿", "27 tỷ", "27 billion", "27 tỉ"]],
)
F(
    "vi",
    "Với mục tiêu tuyệt đối cho phạm vi 3, hướng dẫn đặt mức tham vọng tối thiểu là gì, tương ứng giảm tuyến tính bao nhiêu mỗi năm?",
    D4,
    Q_2C,
    any_of=[["1.23", "1,23"]],
)
F(
    "vi",
    "Theo C19 và phần tóm tắt, mục tiêu cường độ vật lý cho phạm vi 3 phải giảm tối thiểu bao nhiêu phần trăm mỗi năm?",
    D4,
    Q_PHYS,
    any_of=[TWO_PCT_YR],
)  # C19's Chinese says "增加2%" (translation slip): the answer is a REDUCTION of 2 %/yr
F(
    "vi",
    "Trong chỉ số CATI 2.0, nhóm chỉ tiêu Hành động giảm phát thải chiếm trọng số bao nhiêu?",
    D3,
    "碳目标绩效(17%)、减排行动(42%)",
    any_of=[["42%"]],
)
F(
    "vi",
    "Diễn đàn nhà sản xuất của Cascale tại Thượng Hải được tổ chức vào ngày nào?",
    D1,
    "上海制造商论坛于 2024 年 6 月 28 日举行",
    any_of=[["6月28日", "28/6", "28 tháng 6", "28-6", "June 28", "28 June"], ["2024"]],
)
# --- calc
C(
    "vi",
    "calc",
    "Theo lộ trình giảm tuyệt đối 1,5°C, phát thải phạm vi 1+2 phải giảm bao nhiêu phần trăm từ năm 2020 đến năm 2030?",
    "absolute_contraction",
    {"base_year": 2020, "target_year": 2030, "ambition": "1.5C"},
    "required_reduction_percent",
    D4,
    Q_15C,
    any_of=[["42%"]],
    must_not=["34.9", "34,9", "34.88", "34,88"],
)  # compounded 4.2 %/yr
C(
    "vi",
    "calc",
    "Năm cơ sở 2020, phát thải phạm vi 1 và 2 là 50.000 tấn CO2e. Theo lộ trình 1,5°C, đến năm 2030 phát thải còn lại tối đa bao nhiêu tấn?",
    "absolute_contraction",
    {"base_year": 2020, "target_year": 2030, "ambition": "1.5C", "base_emissions": 50000},
    "target_emissions_tco2e",
    D4,
    Q_15C,
    any_of=[["29000", "29.000", "29,000"]],
    must_not=["32556", "32.556", "32,556", "32560", "32.560"],
)  # 50 000 x 0.958^10 (compounded)
C(
    "vi",
    "calc",
    "Mục tiêu phạm vi 3 tuyệt đối ở mức 2°C từ năm 2020 đến năm 2030 phải giảm tối thiểu bao nhiêu phần trăm?",
    "absolute_contraction",
    {"base_year": 2020, "target_year": 2030, "ambition": "2c", "scope": "s3"},
    "required_reduction_percent",
    D4,
    Q_2C,
    any_of=[["12.3", "12,3"]],
    must_not=["11.64", "11,64"],
)
C(
    "vi",
    "calc",
    "Với mục tiêu GEVA từ năm 2015 đến năm 2030, cường độ phát thải trên giá trị gia tăng phải giảm tổng cộng bao nhiêu?",
    "geva",
    {"base_year": 2015, "target_year": 2030},
    "intensity_change_percent",
    D4,
    Q_GEVA,
    any_of=[["66.3", "66,3"]],
    must_not=["là -105%", "là 105%", "giảm 105%", "= -105%", "=-105%"],
)  # 7 %/yr is compound
C(
    "vi",
    "calc",
    "Theo GEVA giai đoạn 2015–2030, nếu giá trị gia tăng tăng 6% mỗi năm thì phát thải tuyệt đối thay đổi bao nhiêu?",
    "geva",
    {"base_year": 2015, "target_year": 2030, "value_added_growth_percent": 6},
    "absolute_change_percent",
    D4,
    Q_GEVA,
    any_of=[["19.3", "19,3"]],
)  # = Table 5's -19.31 %
C(
    "vi",
    "calc",
    "Giảm 25% phát thải trên mỗi sản phẩm từ năm 2020 đến năm 2030 tương ứng mức giảm cường độ tuyến tính bao nhiêu mỗi năm?",
    "physical_intensity_rate",
    {"base_year": 2020, "target_year": 2030, "intensity_reduction_percent": 25},
    "annual_linear_rate_percent",
    D4,
    Q_PHYS,
    any_of=[["2,5%/năm", "2.5%/năm", "2,5% mỗi năm", "2.5%/yr", "2.5% a year", "每年线性2.5%", "每年2.5%"]],
)
C(
    "vi",
    "calc",
    "Sản lượng dự kiến tăng 20% từ năm 2021 đến năm 2030. Để phù hợp mức thấp hơn nhiều so với 2°C, cường độ phát thải phải giảm bao nhiêu?",
    "required_intensity_reduction",
    {"base_year": 2021, "target_year": 2030, "activity_growth_percent": 20, "ambition": "wb2c"},
    "required_intensity_reduction_percent",
    D4,
    Q_CONVERT,
    any_of=[["35.4", "35,4"]],
)
C(
    "vi",
    "calc",
    "Một doanh nghiệp dệt may đạt các chỉ tiêu CATI 2.1.1, 3.1.1 và 5.4.5 thì được tổng cộng bao nhiêu điểm thô?",
    "cati_score",
    {"indicator_ids": ["2.1.1", "3.1.1", "5.4.5"]},
    "total_points",
    D3,
    "2.1.1 测算并披露范围 1&2 排放量",
    any_of=[["12/100", "12 điểm", "12分", "12 points"]],
)
# --- criteria
C(
    "vi",
    "criteria",
    "Công ty đặt mục tiêu giảm 30% phát thải phạm vi 1 và 2 từ năm 2022 đến năm 2030. Theo quy tắc SBTi hiện hành, mục tiêu này có đủ không?",
    "check_absolute_target",
    {"base_year": 2022, "target_year": 2030, "reduction_percent": 30, "rule_set": "sbti-current-floor"},
    "required_reduction_percent",
    D4,
    Q_15C,
    any_of=[["33.6", "33,6"]],
)  # 2019 rules (WB2C) would accept it
C(
    "vi",
    "criteria",
    "Walmart cam kết giảm 18% phát thải phạm vi 1 và 2 từ năm 2015 đến năm 2025. Mức này có đạt ngưỡng thấp hơn nhiều so với 2°C của tiêu chí trong tài liệu không?",
    "check_absolute_target",
    {"base_year": 2015, "target_year": 2025, "reduction_percent": 18, "ambition": "wb2c"},
    "implied_annual_rate_percent",
    D4,
    "范围一和范围二绝对排放量到2025年减少18%",
    any_of=[["1.8", "1,8"], ["25%", "2.5%", "2,5%"]],
)  # Table 3 example was approved under older criteria
C(
    "vi",
    "criteria",
    "Phát thải phạm vi 1 là 2.000 tấn CO2e, phạm vi 2 là 3.000 tấn CO2e và phạm vi 3 là 6.000 tấn CO2e. Doanh nghiệp có bắt buộc phải đặt mục tiêu phạm vi 3 không?",
    "scope3_required",
    {"scope1": 2000, "scope2": 3000, "scope3": 6000},
    "scope3_share_percent",
    D4,
    Q_S3_TRIGGER,
    any_of=[["54.5", "54,5"], ["40%"]],
)
C(
    "vi",
    "criteria",
    "Các mục tiêu phạm vi 3 của chúng tôi bao phủ 60% tổng phát thải phạm vi 3. Như vậy đã đạt yêu cầu chưa?",
    "scope3_coverage",
    {"scope3_total": 100.0, "covered": 60},
    "minimum_percent",
    D4,
    Q_S3_COVER,
    any_of=[TWO_THIRDS],
)
C(
    "vi",
    "criteria",
    "Năm 2025 tỷ lệ điện tái tạo của nhà máy chúng tôi là 75%. Tỷ lệ này có đạt ngưỡng mà SBTi chấp nhận thay cho mục tiêu phạm vi 2 không?",
    "renewable_electricity",
    {"total_electricity_mwh": 100.0, "renewable_mwh": 75, "year": 2025},
    "applicable_threshold_percent",
    D4,
    Q_RE,
    any_of=[["80%"]],
)
C(
    "vi",
    "criteria",
    "Chúng tôi nộp mục tiêu năm 2024 và muốn đặt mục tiêu gắn kết nhà cung cấp đến năm 2030. Thời hạn đó có được chấp nhận không?",
    "supplier_engagement",
    {"submission_year": 2024, "target_year": 2030},
    "years_from_submission",
    D4,
    Q_SUPPLIER,
    any_of=[FIVE_YEARS],
)
C(
    "vi",
    "criteria",
    "Chúng tôi muốn loại trừ 7% phát thải phạm vi 1 và 2 khỏi ranh giới mục tiêu. Có được phép không?",
    "scope12_coverage",
    {"scope12_total": 100.0, "excluded": 7},
    "maximum_percent",
    D4,
    Q_S12_EXCL,
    any_of=[["5%"]],
)
F(
    "vi",
    "Nếu nộp mục tiêu cho SBTi vào năm 2024 với năm mục tiêu 2041, khung thời gian đó có hợp lệ theo tiêu chí trong tài liệu không?",
    D4,
    Q_TIMEFRAME,
    any_of=[["15年", "15 năm", "15 years"]],
    kind="criteria",
    tool_hint="target_timeframe",
)  # 17 years > 15: no; the no-LLM router has no timeframe route
# --- refusal
R("vi", "Mức thuế carbon mà Việt Nam dự kiến áp cho doanh nghiệp dệt may là bao nhiêu đồng mỗi tấn CO2?")
R("vi", "Năm 2026 SBTi thu phí bao nhiêu đô la để thẩm định một mục tiêu ngắn hạn?")
R(
    "vi",
    "Cơ chế điều chỉnh biên giới carbon (CBAM) của EU có áp dụng cho quần áo xuất khẩu từ Việt Nam không, và từ năm nào?",
)
R("vi", "Trong năm 2025 có bao nhiêu nhà máy ở Việt Nam đã đăng ký tham gia MCAP?")
R("vi", "Giá mua điện mặt trời áp mái hiện nay ở Việt Nam là bao nhiêu đồng mỗi kWh?")
R("vi", "Cuối tuần này thời tiết ở TP. Hồ Chí Minh có mưa không?")
R("vi", "Hạn ngạch phát thải trên sàn giao dịch carbon trong nước sẽ được phân bổ cho ngành dệt may như thế nào?")

# =============================================================================================== zh
# --- fact (004 guidance, 001 news, 003 CATI)
F("zh", "按照指南，范围三绝对减排目标的最低力度是什么？每年至少线性减排多少？", D4, Q_2C, any_of=[["1.23"]])
F("zh", "C14对可再生能源电力采购设定了怎样的阈值？", D4, Q_RE, any_of=[["80%"], ["100%"]])
F(
    "zh",
    "避免排放可以算作科学碳目标进展中的减排量吗？",
    D4,
    "避免排放隶属于与企业排放清单核算无关的一种独立核算体系",
    any_of=[["不算", "不能算", "不计入"]],
)
F(
    "zh",
    "目标获批后，公司必须在多长时间内在SBTi网站上公布其目标？",
    D4,
    "拥有获准目标的公司必须在批准日期后六个月内在SBTi网站上公布其目标",
    any_of=[["六个月", "6个月", "半年"]],
)
F(
    "zh",
    "2019年上半年提交正式审核的目标，有效目标年是哪些年份？",
    D4,
    "对于2019年上半年提交正式审核的目标,有效目标年为2023年至2033年(含)",
    any_of=[["2023"], ["2033"]],
)
F(
    "zh",
    "2019年提交审核的目标，最新排放清单数据最早可以是哪一年的？",
    D4,
    "最新排放清单数据的最早核算年份须为2016年",
    any_of=[["2016"]],
)  # endnote 20 (3 years) vs C6 (2 years)
F(
    "zh",
    "判断是否达到范围三的40%阈值时，间接使用阶段排放可以从基线中扣除吗？请举例。",
    D4,
    "则可以从基线删除这40个单位(排放总量变成60个单位)",
    any_of=[["60"]],
)
F(
    "zh",
    "李维斯估计其价值链温室气体足迹中来自消费者使用的比例是多少？",
    D4,
    "其34%的价值链温室气体足迹来自消费者使用",
    any_of=[["34%"]],
)
F(
    "zh",
    "服装行业哪些环节的碳排放最密集？占生命周期排放的多少？",
    D4,
    "染色和整理、纱线制备和纤维生产",
    any_of=[["50%"]],
)
F("zh", "GEVA方法最初是谁在哪一年提出的？", D4, "最初由JorgenRanders于2012年提出", any_of=[["Randers"], ["2012"]])
F(
    "zh",
    "表5标题写着“2015年-2020年”的GEVA变化为-66%，这个-66%实际对应哪一段时期？",
    D4,
    Q_TABLE5,
    any_of=[["2030"], ["66"]],
    must_not=["30.4", "30,4"],
)  # header slip: 2015-2030 (15 years), not 5 years (-30.4 %)
F(
    "zh",
    "Cascale上海制造商论坛有多少位行业演讲者？",
    D1,
    "200 多位与会者和 25 位行业演讲者",
    any_of=[["25 位", "25名", "25 speakers"]],
)
F(
    "zh",
    "永续成衣联盟深圳制造商论坛有多少名与会者？是在中断多久之后重新举办的？",
    D1,
    "在中断四年之后,永续成衣联盟在中国深圳举办了",
    any_of=[["180"], ["四年", "4年"]],
)
F(
    "zh",
    "CATI指数一共评价了多少个行业的权重参考值？",
    D3,
    "CATI指数评价的 30 余个行业权重参考值如下",
    any_of=[["30 余", "30多", "三十多", "more than 30"]],
)
F(
    "zh",
    "CATI中关于推动在华供应商设定减排目标的指标，举例要求推动多少家供应商或多大采购支出比例？",
    D3,
    "占采购支出 80%的在华供应商设定减排目标",
    any_of=[["100"], ["80%"]],
)
# --- cross-lingual (000, 002)
F(
    "zh",
    "加入MCAP的制造商每年能得到多少小时的技术咨询支持？",
    D0,
    "thời lượng 10 giờ đồng hồ",
    any_of=[["10小时", "十小时", "10 giờ", "mười giờ", "10 hours", "ten hours"]],
)
F(
    "zh",
    "2023年初Cascale与哪两家品牌合作探讨供应商的气候行动方法？",
    D0,
    "Cascale hợp tác với Nike và Target",
    any_of=[["Nike", "耐克"], ["Target", "塔吉特"]],
)
F(
    "zh",
    "越南气候行动联盟（VCCA）的核心价值包括哪些？",
    D2,
    "Giá trị cốt lõi của Liên minh",
    any_of=[["minh bạch", "透明"], ["tôn trọng", "尊重"]],
)
F(
    "zh",
    "VCCA的总体目标是支持越南在哪一年前履行《巴黎协定》承诺？",
    D2,
    "thực hiện cam kết thỏa thuận Paris vào năm 2030",
    any_of=[["2030"]],
)
# --- calc
C(
    "zh",
    "calc",
    "按1.5°C情景，范围一和范围二排放从2022年到2030年需要绝对减少多少？",
    "absolute_contraction",
    {"base_year": 2022, "target_year": 2030, "ambition": "1.5C"},
    "required_reduction_percent",
    D4,
    Q_15C,
    any_of=[["33.6"]],
    must_not=["29.05", "29.1%"],
)  # compounded: 1 - 0.958^8 = 29.05 %
C(
    "zh",
    "calc",
    "基准年2020年、目标年2035年，按远低于2°C情景范围一和范围二绝对排放需要减少多少？",
    "absolute_contraction",
    {"base_year": 2020, "target_year": 2035, "ambition": "wb2c"},
    "required_reduction_percent",
    D4,
    Q_WB2C,
    any_of=[["37.5"]],
    must_not=["31.6"],
)  # compounded: 1 - 0.975^15 = 31.6 %
C(
    "zh",
    "calc",
    "基准年2021年范围一和范围二排放为8万吨二氧化碳当量，按1.5°C情景到2030年排放应降至多少吨？",
    "absolute_contraction",
    {"base_year": 2021, "target_year": 2030, "ambition": "1.5C", "base_emissions": 80000},
    "target_emissions_tco2e",
    D4,
    Q_15C,
    any_of=[["49760", "49,760", "4.976万", "4.98万"]],
)
C(
    "zh",
    "calc",
    "按GEVA方法，2020年到2030年单位增值排放强度一共需要下降多少？",
    "geva",
    {"base_year": 2020, "target_year": 2030},
    "intensity_change_percent",
    D4,
    Q_GEVA,
    any_of=[["51.6"]],
    must_not=["减少70%", "降低70%", "下降70%", "是-70%", "为-70%"],
)  # compound, not 7 x 10
C(
    "zh",
    "calc",
    "GEVA目标期为2015年至2030年，若增值每年增长9%，范围三绝对排放量会如何变化？",
    "geva",
    {"base_year": 2015, "target_year": 2030, "value_added_growth_percent": 9},
    "absolute_change_percent",
    D4,
    Q_GEVA,
    any_of=[["22.6", "23%"]],
)  # Table 5: +23 %
C(
    "zh",
    "calc",
    "2020年到2030年单位产品排放强度降低40%，同期产量增长25%，绝对排放量变化多少？",
    "intensity_to_absolute",
    {"base_year": 2020, "target_year": 2030, "intensity_reduction_percent": 40, "activity_growth_percent": 25},
    "absolute_change_percent",
    D4,
    Q_CONVERT,
    any_of=[["-25%", "减少25%", "下降25%", "降低25%", "减排25%"]],
    must_not=["-15%", "减少15%", "下降15%"],
)
C(
    "zh",
    "calc",
    "每双鞋的排放强度从2018年到2030年降低30%，相当于每年线性降低多少？",
    "physical_intensity_rate",
    {"base_year": 2018, "target_year": 2030, "intensity_reduction_percent": 30},
    "annual_linear_rate_percent",
    D4,
    Q_PHYS,
    any_of=[["每年线性2.5%", "每年2.5%", "每年线性降低2.5%", "2.5%/年", "2.5%/yr", "2.5% a year", "2,5%/năm"]],
)
C(
    "zh",
    "calc",
    "2020年到2030年产量预计增长50%，若要符合1.5°C情景，排放强度需要降低多少？",
    "required_intensity_reduction",
    {"base_year": 2020, "target_year": 2030, "activity_growth_percent": 50, "ambition": "1.5C"},
    "required_intensity_reduction_percent",
    D4,
    Q_CONVERT,
    any_of=[["61.3"]],
)
# --- criteria
C(
    "zh",
    "criteria",
    "我们计划从2021年到2030年将范围一和范围二排放减少35%，是否满足1.5°C的要求？",
    "check_absolute_target",
    {"base_year": 2021, "target_year": 2030, "reduction_percent": 35, "ambition": "1.5C"},
    "required_reduction_percent",
    D4,
    Q_15C,
    any_of=[["37.8"]],
)
C(
    "zh",
    "criteria",
    "范围三绝对减排目标：2020年至2030年减少15%，是否达到指南规定的最低力度？",
    "check_absolute_target",
    {"base_year": 2020, "target_year": 2030, "reduction_percent": 15, "scope": "s3"},
    "required_reduction_percent",
    D4,
    Q_2C,
    any_of=[["1.5%"], ["12.3", "1.23"]],
)
C(
    "zh",
    "criteria",
    "李维斯承诺2016年至2025年范围一和范围二绝对排放减少90%，这是否达到1.5°C水平？",
    "check_absolute_target",
    {"base_year": 2016, "target_year": 2025, "reduction_percent": 90, "ambition": "1.5C"},
    "implied_annual_rate_percent",
    D4,
    "范围一和范围二温室气体绝对排放量到2025减少90%",
    any_of=[["10%"]],
)
C(
    "zh",
    "criteria",
    "范围三排放占我们总排放的35%，还需要设定范围三目标吗？",
    "scope3_required",
    {"scope1": 65.0, "scope2": 0.0, "scope3": 35},
    "scope3_share_percent",
    D4,
    Q_S3_TRIGGER,
    any_of=[["40%"]],
)
C(
    "zh",
    "criteria",
    "我们的范围三目标覆盖了范围三排放的70%，是否满足边界要求？",
    "scope3_coverage",
    {"scope3_total": 100.0, "covered": 70},
    "minimum_percent",
    D4,
    Q_S3_COVER,
    any_of=[TWO_THIRDS],
)
C(
    "zh",
    "criteria",
    "2030年我们的可再生能源电力占比预计为90%，能否用它替代范围二目标？",
    "renewable_electricity",
    {"total_electricity_mwh": 100.0, "renewable_mwh": 90, "year": 2030},
    "applicable_threshold_percent",
    D4,
    Q_RE,
    any_of=[["100%"]],
)
C(
    "zh",
    "criteria",
    "我们2025年提交目标，供应商参与目标是到2030年让80%的供应商（按支出计）设定科学碳目标，这个期限可以吗？",
    "supplier_engagement",
    {"submission_year": 2025, "target_year": 2030, "coverage_percent": 80},
    "years_from_submission",
    D4,
    Q_SUPPLIER,
    any_of=[FIVE_YEARS],
)
F(
    "zh",
    "2024年提交、目标年为2036年的近期目标，按文件中的4.0版标准期限是否可行？按现行SBTi规则呢？",
    D4,
    Q_TIMEFRAME,
    any_of=[["15年", "15 年"]],
    kind="criteria",
    tool_hint="target_timeframe",
)  # 12 years: 2019 yes (<=15), today no (<=10)
# --- refusal
R("zh", "越南对纺织企业征收的碳税是每吨多少美元？")
R("zh", "2026年SBTi审核一个近期目标要收多少费用？")
R("zh", "欧盟碳边境调节机制（CBAM）什么时候开始覆盖纺织品和服装？")
R("zh", "2025年全年共有多少家工厂加入了MCAP？")
R("zh", "在中国购买一张绿证（可再生能源证书）现在要多少钱？")
R("zh", "下周深圳的天气怎么样？")
R("zh", "全国碳市场的碳价现在是每吨多少元？")

# =============================================================================================== en
# --- fact (003 CATI, English half)
F(
    "en",
    "What weight does the Climate Action dimension carry in CATI 2.0?",
    D3,
    "Climate Action (42%)",
    any_of=[["42%"]],
)
F(
    "en",
    "What default weighting factor does CATI assign to the iron and steel industry?",
    D3,
    "Iron & Steel\tScope 1&2 vs. Upstream Scope 3 = 80%:20%",
    any_of=[["80%:20%", "80:20", "80/20"]],
)
F(
    "en",
    "How many greenhouse gases does the CATI definition of GHG cover?",
    D3,
    "GHGs are the seven gases covered by the United Nations",
    any_of=[["seven", "七种", "7 gases", "7 greenhouse"]],
)
F(
    "en",
    "Which language version of the CATI document is the official one?",
    D3,
    "which is the official version of the document",
    any_of=[["Chinese", "中文"]],
)
F(
    "en",
    "How does CATI define a direct supplier?",
    D3,
    "directly signed a procurement contract with a brand",
    any_of=[["procurement contract", "采购合同"]],
)
F(
    "en",
    "What example does CATI give of a specific objective for pushing suppliers to set emission reduction targets?",
    D3,
    "push 100 suppliers or 80% of the suppliers",
    any_of=[["100"], ["80%"]],
)
# --- cross-lingual (004, 000, 002, 001)
F(
    "en",
    "Which five apparel and footwear companies had approved science-based targets as of June 2019?",
    D4,
    "截至2019年6月,五家服装鞋业公司的科学碳目标已获得批准",
    any_of=[["ASICS", "亚瑟士"], ["H&M"], ["Kering", "开云"], ["Levi", "李维斯"], ["Skunkfunk", "诗可凡"]],
)
F(
    "en",
    "What absolute scope 1 and 2 reduction did ASICS commit to, and against which base year?",
    D4,
    "范围一和范围二温室气体绝对排放量到2030年减少33%",
    any_of=[["33%"], ["2015"]],
)
F(
    "en",
    "What share of its suppliers did Target Corporation commit would set science-based targets, and by when?",
    D4,
    "80%的供应商(涵盖所有外购商品和服务,按支出计)将设定范围一和范围二科学碳目标",
    any_of=[["80%"], ["2023"]],
)
F(
    "en",
    "Do purchased carbon offsets count as reductions toward an SBTi target under the apparel guidance?",
    D4,
    "碳抵消不算作对公司科学碳目标进展的减排贡献",
    any_of=[NOT_COUNTED],
)
F(
    "en",
    "How often must a company publicly report its emissions inventory and progress against its target?",
    D4,
    "公司应每年公开报告其全公司核算的温室气体排放清单",
    any_of=[["每年", "annually", "every year", "each year", "yearly", "hằng năm"]],
)
F(
    "en",
    "In the guidance's GEVA example, a company's gross profit grows 6% a year over 2015 to 2030: what absolute scope 3 change results?",
    D4,
    "范围三排放部分需要绝对减少19.3%",
    any_of=[["19.3"]],
)
F(
    "en",
    "Table 5 of the guidance labels its -66% GEVA change '2015-2020'. Over which period does that -66% actually apply?",
    D4,
    Q_TABLE5,
    any_of=[["2030"], ["66"]],
    must_not=["30.4", "30,4"],
)  # header slip; 5-year compound = -30.4 %
F(
    "en",
    "How often must a company with an approved target review it, and what is the latest year by which it must be revalidated?",
    D4,
    "必须重新审核目标的最近年份是2025年",
    any_of=[FIVE_YEARS, ["2025"]],
)
F(
    "en",
    "How many years from submission may a supplier or customer engagement target run?",
    D4,
    Q_SUPPLIER,
    any_of=[FIVE_YEARS],
)
F(
    "en",
    "Who reviews each manufacturer's target in MCAP?",
    D0,
    "Mỗi mục tiêu của MCAP sẽ được một trong số họ xem xét",
    any_of=[["third-party", "third party", "bên thứ ba", "第三方"]],
)
F(
    "en",
    "What tiers make up the structure of the Vietnam Climate Action Alliance (VCCA)?",
    D2,
    "Nhóm nòng cốt: các tổ chức, đơn vị có tư cách pháp nhân",
    any_of=[["nòng cốt", "core group", "核心"], ["thành viên", "member", "成员"]],
)
F(
    "en",
    "Which VCCA action programme is a WWF initiative aimed at cities?",
    D2,
    "Chương trình thành phố xanh: một sáng kiến của WWF",
    any_of=[["thành phố xanh", "green cit", "绿色城市"]],
)
F(
    "en",
    "After the Shenzhen event, when and where was the next SAC manufacturer forum to be held?",
    D1,
    "SAC 的下一届制造商论坛将于今年 12 月 4 日在印度班加罗尔举行",
    any_of=[["班加罗尔", "Bangalore", "Bengaluru"], ["12月4日", "4 December", "December 4"]],
)
# --- calc
C(
    "en",
    "calc",
    "Under a 1.5°C absolute contraction pathway, how much must scope 1 and 2 emissions fall from 2019 to 2030?",
    "absolute_contraction",
    {"base_year": 2019, "target_year": 2030, "ambition": "1.5C"},
    "required_reduction_percent",
    D4,
    Q_15C,
    any_of=[["46.2"]],
    must_not=["37.6"],
)  # compounded: 1 - 0.958^11 = 37.6 %
C(
    "en",
    "calc",
    "What total reduction does a well-below 2°C absolute target require from 2021 to 2031?",
    "absolute_contraction",
    {"base_year": 2021, "target_year": 2031, "ambition": "wb2c"},
    "required_reduction_percent",
    D4,
    Q_WB2C,
    any_of=[["25%"]],
    must_not=["22.4"],
)  # compounded: 1 - 0.975^10 = 22.4 %
C(
    "en",
    "calc",
    "A scope 3 absolute target aligned with 2°C has base year 2018 and target year 2033. What minimum reduction does it need?",
    "absolute_contraction",
    {"base_year": 2018, "target_year": 2033, "ambition": "2c", "scope": "s3"},
    "required_reduction_percent",
    D4,
    Q_2C,
    any_of=[["18.45", "18.5"]],
)
C(
    "en",
    "calc",
    "With a GEVA target running from 2018 to 2030, what total cut in emissions per dollar of value added is required?",
    "geva",
    {"base_year": 2018, "target_year": 2030},
    "intensity_change_percent",
    D4,
    Q_GEVA,
    any_of=[["58.1"]],
    must_not=["is -84%", "is 84%", "fall 84%", "by 84%", "= -84%", "=-84%"],
)  # compound, not 7 x 12
C(
    "en",
    "calc",
    "Under GEVA from 2015 to 2030, if value added grows 7.5% a year, what happens to absolute emissions?",
    "geva",
    {"base_year": 2015, "target_year": 2030, "value_added_growth_percent": 7.5},
    "absolute_change_percent",
    D4,
    Q_GEVA,
    any_of=[["0.37", "0%"]],
)  # Table 5: 0 %
C(
    "en",
    "calc",
    "If our emissions intensity per unit falls 40% from 2020 to 2030 while production grows 5% per year, how do absolute emissions change?",
    "intensity_to_absolute",
    {
        "base_year": 2020,
        "target_year": 2030,
        "intensity_reduction_percent": 40,
        "activity_growth_percent": 5,
        "growth_is_annual": True,
    },
    "absolute_change_percent",
    D4,
    Q_CONVERT,
    any_of=[["2.27", "2.3%"]],
    must_not=["-35%", "fall 35%", "by 35%"],
)
C(
    "en",
    "calc",
    "Production is expected to grow 30% between 2022 and 2030. What cut in emissions intensity keeps scope 1 and 2 on a 1.5°C pathway?",
    "required_intensity_reduction",
    {"base_year": 2022, "target_year": 2030, "activity_growth_percent": 30, "ambition": "1.5C"},
    "required_intensity_reduction_percent",
    D4,
    Q_CONVERT,
    any_of=[["48.9"]],
)
C(
    "en",
    "calc",
    "What raw CATI score does a company get for meeting indicators 1.1.1, 1.2.3 and 2.2.1?",
    "cati_score",
    {"indicator_ids": ["1.1.1", "1.2.3", "2.2.1"]},
    "total_points",
    D3,
    "1.2.3 Company employs Blue EcoChain",
    any_of=[["6/100", "6 points"]],
)
# --- criteria
C(
    "en",
    "criteria",
    "Is a 50% absolute cut in scope 1 and 2 emissions from 2020 to 2030 consistent with 1.5°C?",
    "check_absolute_target",
    {"base_year": 2020, "target_year": 2030, "reduction_percent": 50, "ambition": "1.5C"},
    "implied_annual_rate_percent",
    D4,
    Q_15C,
    any_of=[["5%/yr", "5% a year", "5% per year", "5% annually", "5% each year", "每年5%"], ["42%", "4.2%"]],
)
C(
    "en",
    "criteria",
    "Under the SBTi rules in force today, is a 25% scope 1 and 2 reduction from 2019 to 2029 enough?",
    "check_absolute_target",
    {"base_year": 2019, "target_year": 2029, "reduction_percent": 25, "rule_set": "sbti-current-floor"},
    "required_reduction_percent",
    D4,
    Q_WB2C,
    any_of=[["42%"]],
)  # the corpus' 2019 rules would accept it (WB2C)
C(
    "en",
    "criteria",
    "H&M targets a 40% absolute scope 1 and 2 cut from 2017 to 2030. Does that meet the minimum ambition in the guidance?",
    "check_absolute_target",
    {"base_year": 2017, "target_year": 2030, "reduction_percent": 40},
    "implied_annual_rate_percent",
    D4,
    "范围一和范围二温室气体绝对排放量到2030年减少40%",
    any_of=[["3.08", "3.1%"]],
)
C(
    "en",
    "criteria",
    "We plan to leave 4% of our scope 1 and 2 emissions out of the target boundary. Is that allowed?",
    "scope12_coverage",
    {"scope12_total": 100.0, "excluded": 4},
    "maximum_percent",
    D4,
    Q_S12_EXCL,
    any_of=[["5%"]],
)
C(
    "en",
    "criteria",
    "Our scope 3 targets cover 65% of scope 3 emissions. Is that enough?",
    "scope3_coverage",
    {"scope3_total": 100.0, "covered": 65},
    "minimum_percent",
    D4,
    Q_S3_COVER,
    any_of=[TWO_THIRDS],
)
C(
    "en",
    "criteria",
    "In 2025 our factories used 12,000 MWh of electricity, 10,000 MWh of it renewable. Does that meet SBTi's renewable electricity threshold?",
    "renewable_electricity",
    {"total_electricity_mwh": 12000, "renewable_mwh": 10000, "year": 2025},
    "renewable_share_percent",
    D4,
    Q_RE,
    any_of=[["83.3"], ["80%"]],
)
C(
    "en",
    "criteria",
    "We submit our target in 2026 and set a supplier engagement target for 2032. Is that timeframe acceptable?",
    "supplier_engagement",
    {"submission_year": 2026, "target_year": 2032},
    "years_from_submission",
    D4,
    Q_SUPPLIER,
    any_of=[FIVE_YEARS],
)
C(
    "en",
    "criteria",
    "Our scope 3 intensity target is a 15% cut per product from 2020 to 2030. Does it meet the minimum physical intensity improvement?",
    "physical_intensity_rate",
    {"base_year": 2020, "target_year": 2030, "intensity_reduction_percent": 15},
    "annual_linear_rate_percent",
    D4,
    Q_PHYS,
    any_of=[["1.5%"], TWO_PCT_YR],
)
C(
    "en",
    "criteria",
    "Our scope 1 is 30 tCO2e, scope 2 is 20 tCO2e and scope 3 is 50 tCO2e, of which 20 tCO2e are indirect use-phase emissions we remove from the baseline. Is a scope 3 target required?",
    "scope3_required",
    {"scope1": 30, "scope2": 20, "scope3": 50, "indirect_use_phase": 20, "remove_indirect_use_phase": True},
    "scope3_share_percent",
    D4,
    "则可以从基线删除这40个单位(排放总量变成60个单位)",
    any_of=[["37.5"], ["40%"]],
    must_not=["50%ofscopes", "is 50%"],
)  # without the removal: 50 % (required)
F(
    "en",
    "We will submit our target in 2025 with a target year of 2045. Does that fit the target timeframe in the guidance?",
    D4,
    "自目标提交之日起期限超过15年的目标,为长期目标",
    any_of=[["15年", "15 years", "15-year", "fifteen years", "15 năm"]],
    kind="criteria",
    tool_hint="target_timeframe",
)  # 20 years > 15: a long-term target, not a near-term SBT
# --- refusal
R("en", "What carbon tax does Vietnam levy per tonne of CO2 on garment factories?")
R("en", "What fee does SBTi charge in 2026 to validate a near-term target?")
R("en", "Which textile products fall under the EU CBAM, and from what date?")
R("en", "How many manufacturers signed up for MCAP during 2025?")
R("en", "How much does an I-REC renewable energy certificate cost in China today?")
R("en", "What is the weather forecast for Hanoi tomorrow?")
R("en", "What is the current minimum wage for garment workers in Bangladesh?")


# =============================================================================================== build
def _window(text: str, quote: str, width: int = 600) -> str:
    i = text.index(quote)
    return text[max(0, i - width) : i + len(quote) + width]


def build() -> list[dict[str, Any]]:
    corpus = {p.name: p.read_text(encoding="utf-8") for p in (ROOT / "corpus").glob("*.txt")}
    problems: list[str] = []
    out: list[dict[str, Any]] = []
    counters: dict[str, int] = {}
    for item in ITEMS:
        row = dict(item)
        lang = row["lang"]
        counters[lang] = counters.get(lang, 0) + 1
        rid = f"q-{lang}-{counters[lang]:03d}"
        tag = f"{rid} ({row['question'][:50]})"
        assert row["kind"] in {"fact", "crosslingual", "calc", "criteria", "refusal"}, tag
        doc, quote = row["source_doc"], row["source_quote"]
        if row["expect_refusal"]:
            if doc or quote or row["expected_tool"]:
                problems.append(f"{tag}: a refusal carries no source or tool")
        else:
            if doc not in corpus:
                problems.append(f"{tag}: unknown document {doc!r}")
                continue
            if quote not in corpus[doc]:
                problems.append(f"{tag}: quote not in {doc}: {quote!r}")
                continue
            if not 10 <= len(quote) <= 60:
                problems.append(f"{tag}: quote has {len(quote)} characters (10–60 wanted)")
        if row["expected_tool"]:
            result = get_calculator(row["expected_tool"])(**row["tool_arguments"])
            row["expected_value"] = round(float(result.outputs[row.pop("_key")]), 4)
            # The calculator's own explanation in the question's language must pass the item.
            text = result.explanation[lang] if isinstance(result.explanation, dict) else str(result.explanation)
            text += " " + quote
            m = match_answer(text, row["must_include"], row["any_of"], row["must_not_include"])
            if not m.passed:
                problems.append(f"{tag}: calculator text fails its own matching: {m} :: {text}")
        elif not row["expect_refusal"]:
            # Quoting the passage around the gold quote must be able to pass the item.
            window = _window(corpus[doc], quote)
            for group in row["any_of"]:
                if not any(contains(window, s) for s in group):
                    problems.append(f"{tag}: no variant of {group} near the quote")
            for s in row["must_include"]:
                if not contains(window, s):
                    problems.append(f"{tag}: {s!r} not near the quote")
            for s in row["must_not_include"]:
                if contains(window, s):
                    problems.append(f"{tag}: forbidden {s!r} occurs near the quote")
        out.append({"id": rid, **row})
    by_lang: dict[str, int] = {}
    refusals: dict[str, int] = {}
    for r in out:
        by_lang[r["lang"]] = by_lang.get(r["lang"], 0) + 1
        refusals[r["lang"]] = refusals.get(r["lang"], 0) + int(r["expect_refusal"])
    for lang in ("vi", "zh", "en"):
        if by_lang.get(lang, 0) < 40:
            problems.append(f"{lang}: only {by_lang.get(lang, 0)} questions (40 wanted)")
        if refusals.get(lang, 0) < 6:
            problems.append(f"{lang}: only {refusals.get(lang, 0)} refusals (6 wanted)")
    if len({r["question"] for r in out}) != len(out):
        problems.append("duplicate question text")
    if problems:
        raise SystemExit("questions_src.py: FAILED\n  " + "\n  ".join(problems))
    return out


if __name__ == "__main__":
    print(len(build()), "questions valid; scripts/build_dev_set.py writes evals/questions.jsonl")
