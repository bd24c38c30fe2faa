"""Every word the web UI shows, in Vietnamese, Chinese and English."""

from __future__ import annotations

from tools import rules

LANG_CHOICES: list[tuple[str, str]] = [("Tiếng Việt", "vi"), ("中文", "zh"), ("English", "en")]

UI: dict[str, dict[str, str]] = {
    "title": {
        "vi": "# Trợ lý mục tiêu khí hậu dựa trên khoa học\nNgành may mặc và giày dép · MCAP · SBTi · CATI",
        "zh": "# 科学碳目标助手\n服装鞋类行业 · MCAP · SBTi · CATI",
        "en": "# Science-based climate target assistant\nApparel and footwear · MCAP · SBTi · CATI",
    },
    "interface_language": {"vi": "Ngôn ngữ giao diện", "zh": "界面语言", "en": "Interface language"},
    "tab_chat": {"vi": "Hỏi đáp", "zh": "问答", "en": "Chat"},
    "tab_calculators": {"vi": "Công cụ tính", "zh": "计算器", "en": "Calculators"},
    "tab_glossary": {"vi": "Thuật ngữ", "zh": "术语表", "en": "Glossary"},
    "chat": {"vi": "Cuộc trò chuyện", "zh": "对话", "en": "Conversation"},
    "question": {"vi": "Câu hỏi của bạn", "zh": "您的问题", "en": "Your question"},
    "question_placeholder": {
        "vi": "Hỏi bằng tiếng Việt, tiếng Trung hoặc tiếng Anh…",
        "zh": "可用中文、越南语或英语提问……",
        "en": "Ask in English, Vietnamese or Chinese…",
    },
    "send": {"vi": "Gửi", "zh": "发送", "en": "Send"},
    "clear": {"vi": "Cuộc trò chuyện mới", "zh": "新对话", "en": "New conversation"},
    "export": {"vi": "Xuất Markdown", "zh": "导出 Markdown", "en": "Export as Markdown"},
    "export_file": {"vi": "Tệp xuất", "zh": "导出文件", "en": "Exported file"},
    "examples": {"vi": "Câu hỏi mẫu", "zh": "示例问题", "en": "Example questions"},
    "sources": {"vi": "Nguồn và các bước tính", "zh": "来源与计算步骤", "en": "Sources and calculation steps"},
    "sources_empty": {
        "vi": "_Nguồn của câu trả lời sẽ hiện ở đây._",
        "zh": "_回答的来源将显示在这里。_",
        "en": "_The sources of each answer appear here._",
    },
    "quote": {"vi": "Trích dẫn", "zh": "引文", "en": "Quote"},
    "calculation": {"vi": "Công cụ tính", "zh": "计算器", "en": "Calculator"},
    "inputs": {"vi": "Đầu vào", "zh": "输入", "en": "Inputs"},
    "result": {"vi": "Kết quả", "zh": "结果", "en": "Result"},
    "rules": {"vi": "Quy tắc áp dụng", "zh": "适用规则", "en": "Rules applied"},
    "warnings": {"vi": "Lưu ý", "zh": "注意", "en": "Warnings"},
    "verdict": {"vi": "Kết luận", "zh": "结论", "en": "Verdict"},
    "run": {"vi": "Tính", "zh": "计算", "en": "Calculate"},
    "chart": {"vi": "Lộ trình phát thải", "zh": "排放路径", "en": "Emissions pathway"},
    "search": {"vi": "Tìm thuật ngữ", "zh": "搜索术语", "en": "Search terms"},
    "glossary_intro": {
        "vi": "Bảng thuật ngữ ba ngôn ngữ, mỗi thuật ngữ đều có trong tài liệu.",
        "zh": "三语术语表，每个术语都出自文件原文。",
        "en": "The trilingual glossary; every term is found in the documents.",
    },
    # helpdesk and advisory tabs
    "tab_helpdesk": {"vi": "Soạn thư trả lời", "zh": "起草回复", "en": "Helpdesk (draft replies)"},
    "tab_advisory": {"vi": "Buổi tư vấn", "zh": "咨询会议", "en": "Advisory sessions"},
    "api_key": {"vi": "Khóa API của bạn", "zh": "您的API密钥", "en": "Your API key"},
    "hd_message": {
        "vi": "Thư của nhà sản xuất (dán nguyên văn)",
        "zh": "制造商来信（原文粘贴）",
        "en": "The manufacturer's message (paste as received)",
    },
    "hd_staff_lang": {"vi": "Ngôn ngữ ghi chú nội bộ", "zh": "内部备注语言", "en": "Language of the internal note"},
    "hd_draft": {"vi": "Soạn thư trả lời", "zh": "起草回复", "en": "Draft a reply"},
    "hd_reply": {
        "vi": "Thư trả lời (sửa được trước khi duyệt)",
        "zh": "回复（审批前可编辑）",
        "en": "Reply (edit before approving)",
    },
    "hd_approve": {"vi": "Duyệt thư trả lời", "zh": "审批回复", "en": "Approve reply"},
    "hd_approved": {
        "vi": "Đã duyệt bản nháp #{id}; câu hỏi tương tự sẽ dùng lại câu trả lời này.",
        "zh": "草稿 #{id} 已审批；类似问题将沿用此回答。",
        "en": "Draft #{id} approved; similar questions will reuse this answer.",
    },
    "hd_drafted": {"vi": "Bản nháp #{id} đã lưu.", "zh": "草稿 #{id} 已保存。", "en": "Draft #{id} saved."},
    "hd_match": {
        "vi": "Câu trả lời đã duyệt tương tự (#{id}, {language}, độ tương đồng {similarity})",
        "zh": "相似的已审批回答（#{id}，{language}，相似度{similarity}）",
        "en": "Similar approved answer (#{id}, {language}, similarity {similarity})",
    },
    "hd_no_draft": {
        "vi": "Chưa có bản nháp để duyệt.",
        "zh": "还没有可审批的草稿。",
        "en": "There is no draft to approve yet.",
    },
    "adv_manufacturer": {"vi": "Nhà sản xuất", "zh": "制造商", "en": "Manufacturer"},
    "adv_load": {"vi": "Tải danh sách", "zh": "加载列表", "en": "Load list"},
    "adv_new": {"vi": "Thêm nhà sản xuất", "zh": "新增制造商", "en": "Add a manufacturer"},
    "adv_name": {"vi": "Tên", "zh": "名称", "en": "Name"},
    "adv_country": {"vi": "Quốc gia", "zh": "国家", "en": "Country"},
    "adv_contact_lang": {"vi": "Ngôn ngữ liên hệ", "zh": "联系语言", "en": "Contact language"},
    "adv_add": {"vi": "Thêm", "zh": "添加", "en": "Add"},
    "adv_allowance": {"vi": "Hạn mức năm nay", "zh": "今年额度", "en": "This year's allowance"},
    "adv_date": {"vi": "Ngày (YYYY-MM-DD)", "zh": "日期（YYYY-MM-DD）", "en": "Date (YYYY-MM-DD)"},
    "adv_hours": {"vi": "Thời lượng (giờ)", "zh": "时长（小时）", "en": "Duration (hours)"},
    "adv_advisor": {"vi": "Chuyên gia tư vấn", "zh": "顾问", "en": "Advisor"},
    "adv_topics": {
        "vi": "Chủ đề (cách nhau bởi dấu phẩy)",
        "zh": "主题（用逗号分隔）",
        "en": "Topics (comma-separated)",
    },
    "adv_questions": {
        "vi": "Câu hỏi trong buổi (mỗi dòng một câu; trợ lý sẽ trả lời)",
        "zh": "会议中的问题（每行一个；助手将回答）",
        "en": "Questions asked (one per line; the assistant answers them)",
    },
    "adv_notes": {"vi": "Ghi chú", "zh": "备注", "en": "Notes"},
    "adv_confirm": {
        "vi": "Vẫn ghi nhận nếu vượt hạn mức",
        "zh": "超出额度仍然记录",
        "en": "Log it even past the allowance",
    },
    "adv_log": {"vi": "Ghi nhận buổi tư vấn", "zh": "记录咨询会议", "en": "Log the session"},
    "adv_logged": {
        "vi": "Đã ghi nhận buổi tư vấn #{id}.",
        "zh": "已记录咨询会议 #{id}。",
        "en": "Session #{id} logged.",
    },
    "adv_sessions": {"vi": "Các buổi tư vấn", "zh": "咨询会议列表", "en": "Sessions"},
    "adv_export_md": {"vi": "Xuất tóm tắt (Markdown)", "zh": "导出纪要（Markdown）", "en": "Export summary (Markdown)"},
    "adv_export_html": {
        "vi": "Xuất tóm tắt (HTML để in)",
        "zh": "导出纪要（可打印HTML）",
        "en": "Export summary (printable HTML)",
    },
    "adv_pick": {"vi": "Hãy chọn nhà sản xuất.", "zh": "请选择制造商。", "en": "Choose a manufacturer."},
    "adv_pick_session": {"vi": "Hãy chọn một buổi tư vấn.", "zh": "请选择一次咨询会议。", "en": "Choose a session."},
    "adv_bad_date": {
        "vi": "Ngày không hợp lệ: dùng dạng YYYY-MM-DD.",
        "zh": "日期无效：请使用 YYYY-MM-DD 格式。",
        "en": "Not a valid date: use YYYY-MM-DD.",
    },
    "thanks": {"vi": "Cảm ơn phản hồi của bạn.", "zh": "感谢您的反馈。", "en": "Thank you for your feedback."},
    "error": {"vi": "Lỗi", "zh": "错误", "en": "Error"},
    "series_target": {"vi": "Mục tiêu", "zh": "目标", "en": "Target"},
    "year": {"vi": "Năm", "zh": "年份", "en": "Year"},
    "emissions": {"vi": "Phát thải (tCO2e)", "zh": "排放量（tCO2e）", "en": "Emissions (tCO2e)"},
    "you": {"vi": "Bạn", "zh": "您", "en": "You"},
    "assistant": {"vi": "Trợ lý", "zh": "助手", "en": "Assistant"},
}

EXAMPLES: dict[str, list[str]] = {
    "vi": [
        "MCAP yêu cầu nhà sản xuất những gì?",
        "Giảm 30% phát thải phạm vi 1 và 2 từ 2020 đến 2030 có đạt mức 1,5°C không?",
        "Khi nào doanh nghiệp phải đặt mục tiêu phạm vi 3?",
    ],
    "zh": [
        "基准年2019年、目标年2029年，1.5°C情景下范围一和范围二需要减排多少？",
        "CATI指数中碳目标设定的权重是多少？",
        "可再生电力采购的阈值是什么？",
    ],
    "en": [
        "What does MCAP ask of manufacturers?",
        "How much must scope 1+2 emissions fall from 2020 to 2030 for 1.5°C?",
        "Can carbon offsets count toward a science-based target?",
    ],
}

# Calculator argument names → labels (the typed functions' own names stay the API).
FIELDS: dict[str, dict[str, str]] = {
    "base_year": {"vi": "Năm cơ sở", "zh": "基准年", "en": "Base year"},
    "target_year": {"vi": "Năm mục tiêu", "zh": "目标年", "en": "Target year"},
    "ambition": {"vi": "Mức tham vọng", "zh": "温控力度", "en": "Ambition"},
    "scope": {"vi": "Phạm vi", "zh": "范围", "en": "Scope"},
    "base_emissions": {
        "vi": "Phát thải năm cơ sở (tCO2e)",
        "zh": "基准年排放量（tCO2e）",
        "en": "Base-year emissions (tCO2e)",
    },
    "rule_set": {"vi": "Bộ quy tắc", "zh": "规则集", "en": "Rule set"},
    "reduction_percent": {"vi": "Mức giảm đề xuất (%)", "zh": "拟减排比例（%）", "en": "Proposed reduction (%)"},
    "intensity_reduction_percent": {
        "vi": "Mức giảm cường độ (%)",
        "zh": "强度降低比例（%）",
        "en": "Intensity reduction (%)",
    },
    "activity_growth_percent": {
        "vi": "Tăng trưởng hoạt động (%)",
        "zh": "活动量增长（%）",
        "en": "Activity growth (%)",
    },
    "growth_is_annual": {"vi": "Tăng trưởng theo năm", "zh": "按年增长", "en": "Growth is per year"},
    "absolute_emissions_change_percent": {
        "vi": "Thay đổi phát thải tuyệt đối (%)",
        "zh": "绝对排放变化（%）",
        "en": "Absolute emissions change (%)",
    },
    "value_added_growth_percent": {
        "vi": "Tăng trưởng giá trị gia tăng (%/năm)",
        "zh": "增加值年增长（%）",
        "en": "Value-added growth (%/yr)",
    },
    "scope1": {"vi": "Phạm vi 1 (tCO2e)", "zh": "范围一（tCO2e）", "en": "Scope 1 (tCO2e)"},
    "scope2": {"vi": "Phạm vi 2 (tCO2e)", "zh": "范围二（tCO2e）", "en": "Scope 2 (tCO2e)"},
    "scope3": {"vi": "Phạm vi 3 (tCO2e)", "zh": "范围三（tCO2e）", "en": "Scope 3 (tCO2e)"},
    "indirect_use_phase": {
        "vi": "Phát thải gián tiếp giai đoạn sử dụng",
        "zh": "间接使用阶段排放",
        "en": "Indirect use-phase emissions",
    },
    "remove_indirect_use_phase": {
        "vi": "Loại bỏ giai đoạn sử dụng gián tiếp",
        "zh": "扣除间接使用阶段排放",
        "en": "Remove indirect use phase",
    },
    "scope3_total": {"vi": "Tổng phạm vi 3", "zh": "范围三总量", "en": "Scope 3 total"},
    "covered": {"vi": "Phần được bao phủ", "zh": "已覆盖部分", "en": "Covered"},
    "scope12_total": {"vi": "Tổng phạm vi 1+2", "zh": "范围一+二总量", "en": "Scope 1+2 total"},
    "excluded": {"vi": "Phần bị loại trừ", "zh": "排除部分", "en": "Excluded"},
    "submission_date": {
        "vi": "Ngày nộp (YYYY-MM-DD)",
        "zh": "提交日期（YYYY-MM-DD）",
        "en": "Submission date (YYYY-MM-DD)",
    },
    "latest_inventory_year": {"vi": "Năm kiểm kê gần nhất", "zh": "最近清单年份", "en": "Latest inventory year"},
    "total_electricity_mwh": {"vi": "Tổng điện năng (MWh)", "zh": "总用电量（MWh）", "en": "Total electricity (MWh)"},
    "renewable_mwh": {"vi": "Điện tái tạo (MWh)", "zh": "可再生电力（MWh）", "en": "Renewable electricity (MWh)"},
    "year": {"vi": "Năm", "zh": "年份", "en": "Year"},
    "submission_year": {"vi": "Năm nộp", "zh": "提交年份", "en": "Submission year"},
    "coverage_percent": {"vi": "Mức bao phủ (%)", "zh": "覆盖比例（%）", "en": "Coverage (%)"},
    "coverage_basis": {"vi": "Cơ sở bao phủ", "zh": "覆盖依据", "en": "Coverage basis"},
    "indicator_ids": {
        "vi": "Mã chỉ số CATI (cách nhau bởi dấu phẩy)",
        "zh": "CATI指标编号（逗号分隔）",
        "en": "CATI indicator ids (comma-separated)",
    },
    "industry": {"vi": "Ngành", "zh": "行业", "en": "Industry"},
    "targets_committed": {"vi": "Đã cam kết mục tiêu", "zh": "已承诺目标", "en": "Targets committed"},
    "climate_risk_assessed": {
        "vi": "Đã đánh giá rủi ro khí hậu",
        "zh": "已评估气候风险",
        "en": "Climate risk assessed",
    },
    "decarbonisation_plan": {"vi": "Có kế hoạch khử carbon", "zh": "已有脱碳计划", "en": "Decarbonisation plan"},
    "annual_progress_reported": {
        "vi": "Đã báo cáo tiến độ hằng năm",
        "zh": "已年度披露进展",
        "en": "Annual progress reported",
    },
}

CALCULATOR_NAMES: dict[str, dict[str, str]] = {
    "absolute_contraction": {"vi": "Giảm tuyệt đối", "zh": "绝对收缩", "en": "Absolute contraction"},
    "check_absolute_target": {
        "vi": "Kiểm tra mục tiêu tuyệt đối",
        "zh": "检查绝对目标",
        "en": "Check an absolute target",
    },
    "intensity_to_absolute": {"vi": "Cường độ → tuyệt đối", "zh": "强度→绝对", "en": "Intensity → absolute"},
    "required_intensity_reduction": {
        "vi": "Mức giảm cường độ cần thiết",
        "zh": "所需强度降幅",
        "en": "Required intensity cut",
    },
    "physical_intensity_rate": {"vi": "Tốc độ cường độ vật lý", "zh": "物理强度速率", "en": "Physical intensity rate"},
    "geva": {"vi": "GEVA", "zh": "GEVA", "en": "GEVA"},
    "scope3_required": {"vi": "Có cần mục tiêu phạm vi 3?", "zh": "是否需要范围三目标", "en": "Scope 3 target needed?"},
    "scope3_coverage": {"vi": "Bao phủ phạm vi 3", "zh": "范围三覆盖", "en": "Scope 3 coverage"},
    "scope12_coverage": {"vi": "Bao phủ phạm vi 1+2", "zh": "范围一+二覆盖", "en": "Scope 1+2 coverage"},
    "target_timeframe": {"vi": "Khung thời gian mục tiêu", "zh": "目标期限", "en": "Target timeframe"},
    "renewable_electricity": {"vi": "Điện tái tạo", "zh": "可再生电力", "en": "Renewable electricity"},
    "supplier_engagement": {"vi": "Gắn kết nhà cung cấp", "zh": "供应商参与", "en": "Supplier engagement"},
    "cati_score": {"vi": "Điểm CATI", "zh": "CATI得分", "en": "CATI score"},
    "mcap_checklist": {"vi": "Danh mục MCAP", "zh": "MCAP清单", "en": "MCAP checklist"},
}

# Choices for string arguments the typed functions accept as free text (aliases are normalised there).
CHOICES: dict[str, list[str]] = {
    "ambition": ["1.5C", "WB2C", "2C"],
    "scope": ["s1+s2", "s3"],
    "industry": sorted(rules.cati()["industries"]),
}


def ui(key: str, lang: str) -> str:
    table = UI[key]
    return table.get(lang) or table["en"]


def field_label(name: str, lang: str, fallback: str) -> str:
    return FIELDS.get(name, {}).get(lang, fallback)
