"""Answer wording in Vietnamese, Chinese and English (no-LLM mode and fallbacks)."""

from __future__ import annotations

LANG_NAMES = {
    "vi": {"vi": "tiếng Việt", "zh": "tiếng Trung", "en": "tiếng Anh"},
    "zh": {"vi": "越南语", "zh": "中文", "en": "英文"},
    "en": {"vi": "Vietnamese", "zh": "Chinese", "en": "English"},
}

T: dict[str, dict[str, str]] = {
    "fact_intro": {
        "vi": "Theo các tài liệu hướng dẫn, những đoạn sau trả lời câu hỏi của bạn:",
        "zh": "根据指南文件，以下段落回答了您的问题：",
        "en": "According to the guidance documents, these passages answer your question:",
    },
    "quoted_in": {
        "vi": "trích nguyên văn bằng {language}",
        "zh": "原文为{language}",
        "en": "quoted in {language}",
    },
    "terms": {
        "vi": "Thuật ngữ trong trích dẫn",
        "zh": "引文中的术语",
        "en": "Terms in the quotes",
    },
    "refusal": {
        "vi": (
            "Các tài liệu hiện có không đề cập đến câu hỏi này, nên tôi không thể trả lời dựa trên tài liệu "
            "và sẽ không đưa ra con số nào."
        ),
        "zh": "现有文件没有涉及这个问题，因此我无法根据文件作答，也不会给出任何数字。",
        "en": "The documents I have do not cover this question, so I cannot answer it from them and will not give a figure.",
    },
    "refusal_where": {
        "vi": (
            "Về MCAP, bạn có thể liên hệ Cascale qua mcap@cascale.org; về tiêu chí SBTi hiện hành, "
            "hãy xem trang web của Science Based Targets initiative."
        ),
        "zh": "关于 MCAP，可联系 Cascale：mcap@cascale.org；关于现行 SBTi 标准，请查阅科学碳目标倡议（SBTi）官网。",
        "en": (
            "For MCAP, contact Cascale at mcap@cascale.org; for the SBTi criteria in force today, see the "
            "Science Based Targets initiative's website."
        ),
    },
    "closest": {
        "vi": "Đoạn gần nhất tìm được (không trả lời trực tiếp):",
        "zh": "找到的最接近的段落（并未直接回答）：",
        "en": "The closest passage found (it does not answer the question directly):",
    },
    "calc_intro": {
        "vi": "Kết quả tính toán (bằng công cụ tính, không ước lượng):",
        "zh": "计算结果（由计算工具得出，非估算）：",
        "en": "Calculation (done by the calculator, not estimated):",
    },
    "rule_source": {
        "vi": "Quy tắc áp dụng",
        "zh": "适用规则",
        "en": "Rule applied",
    },
    "warnings": {
        "vi": "Lưu ý",
        "zh": "注意",
        "en": "Note",
    },
    "sources_for_rule": {
        "vi": "Nguồn trong tài liệu:",
        "zh": "文件出处：",
        "en": "Where the documents say so:",
    },
    "calc_error": {
        "vi": "Không tính được với dữ liệu đã cho: {message}",
        "zh": "无法用所给数据计算：{message}",
        "en": "Cannot calculate with the figures given: {message}",
    },
    "other_rule_set": {
        "vi": "Theo {name} thì khác",
        "zh": "按{name}则不同",
        "en": "Under {name} it differs",
    },
    "current_rules_differ": {
        "vi": (
            "Lưu ý: tài liệu là tiêu chí SBTi phiên bản 4.0 (2019). Tiêu chí SBTi hiện hành khác: mục tiêu phạm vi 1+2 phải "
            "theo 1,5°C ({s12}%/năm), phạm vi 3 tối thiểu thấp hơn nhiều so với 2°C ({s3}%/năm), khung thời gian {lo}–{hi} năm, "
            "năm cơ sở không trước {by}."
        ),
        "zh": (
            "注意：文件为SBTi 4.0版标准（2019年）。现行SBTi标准不同：范围一+二目标须符合1.5°C（每年{s12}%），范围三至少远低于2°C"
            "（每年{s3}%），期限{lo}–{hi}年，基准年不早于{by}年。"
        ),
        "en": (
            "Note: the document states SBTi criteria v4.0 (2019). Current SBTi criteria differ: scope 1+2 targets must be 1.5°C "
            "({s12}%/yr), scope 3 at least well-below 2°C ({s3}%/yr), a {lo}–{hi} year timeframe, and a base year no earlier than {by}."
        ),
    },
    "request_too_large": {
        "vi": "Yêu cầu quá lớn (tối đa {limit} byte).",
        "zh": "请求过大（最多{limit}字节）。",
        "en": "The request is too large (at most {limit} bytes).",
    },
    "invalid_request": {
        "vi": "Dữ liệu gửi lên không hợp lệ: {detail}",
        "zh": "请求数据无效：{detail}",
        "en": "The request is not valid: {detail}",
    },
    "no_user_message": {
        "vi": "Không có tin nhắn nào của người dùng để trả lời.",
        "zh": "没有可回答的用户消息。",
        "en": "There is no user message to answer.",
    },
    "sources": {"vi": "Nguồn", "zh": "来源", "en": "Sources"},
    "not_in_documents": {
        "vi": "Các tài liệu không dùng đến những từ khóa này trong câu hỏi: {words}.",
        "zh": "文件中没有出现问题中的这些关键词：{words}。",
        "en": "The documents never use these words of your question: {words}.",
    },
    "empty_question": {
        "vi": "Câu hỏi trống. Hãy nhập câu hỏi của bạn.",
        "zh": "问题为空，请输入您的问题。",
        "en": "The question is empty. Please type your question.",
    },
    "question_too_long": {
        "vi": "Câu hỏi quá dài (tối đa {limit} ký tự). Hãy rút gọn câu hỏi.",
        "zh": "问题过长（最多 {limit} 个字符），请缩短后再问。",
        "en": "The question is too long (at most {limit} characters). Please shorten it.",
    },
    "llm_fallback": {
        "vi": "Mô hình ngôn ngữ không phản hồi đúng; câu trả lời dưới đây được soạn trực tiếp từ tài liệu.",
        "zh": "语言模型未能正常响应；以下回答直接由文件内容生成。",
        "en": "The language model did not respond properly; this answer was composed directly from the documents.",
    },
    "numbers_removed": {
        "vi": "Một số con số không có trong tài liệu hay kết quả tính đã bị lược bỏ.",
        "zh": "已删除无法在文件或计算结果中找到依据的数字。",
        "en": "Figures not found in the documents or calculator results were removed.",
    },
}


def t(key: str, lang: str, **kw: object) -> str:
    table = T[key]
    text = table.get(lang) or table["en"]
    return text.format(**kw) if kw else text


def lang_name(of: str, in_lang: str) -> str:
    return LANG_NAMES.get(in_lang, LANG_NAMES["en"]).get(of, of)
