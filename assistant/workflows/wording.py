"""Wording of drafted replies, internal notes, session summaries and workflow errors in
Vietnamese, Chinese and English."""

from __future__ import annotations

W: dict[str, dict[str, str]] = {
    "greeting": {
        "vi": "Kính gửi Quý công ty,\n\nCảm ơn Quý công ty đã liên hệ với chương trình MCAP. Dưới đây là câu trả lời dựa trên các tài liệu hướng dẫn.",
        "zh": "尊敬的贵公司：\n\n感谢您联系MCAP项目。以下回答依据相关指南文件。",
        "en": "Dear colleague,\n\nThank you for contacting the MCAP programme. Below is our answer, based on the guidance documents.",
    },
    "sources": {"vi": "Nguồn", "zh": "来源", "en": "Sources"},
    "next_steps": {"vi": "Các bước tiếp theo", "zh": "后续步骤", "en": "Next steps"},
    "step_advisory": {
        "vi": "Nếu muốn trao đổi chi tiết, Quý công ty có thể dùng giờ tư vấn MCAP ({hours} giờ mỗi năm).",
        "zh": "如需进一步讨论，贵公司可使用MCAP咨询时间（每年{hours}小时）。",
        "en": "To go through this in detail, you can use your MCAP advisory hours ({hours} hours a year).",
    },
    "step_check_figures": {
        "vi": "Vui lòng đối chiếu các con số với bảng kê khí nhà kính của Quý công ty trước khi nộp mục tiêu.",
        "zh": "提交目标前，请用贵公司的温室气体清单核对上述数字。",
        "en": "Please check the figures against your own greenhouse gas inventory before submitting a target.",
    },
    "step_human": {
        "vi": "Một phần câu hỏi không có trong tài liệu; nhân viên MCAP sẽ trả lời phần đó riêng.",
        "zh": "部分问题文件中没有涉及，MCAP工作人员将另行答复。",
        "en": "Part of your question is not covered by the documents; MCAP staff will answer that part separately.",
    },
    "contact": {
        "vi": "Mọi thắc mắc xin gửi về {contact}.",
        "zh": "如有疑问，请联系 {contact}。",
        "en": "For any further questions, write to {contact}.",
    },
    "sign_off": {
        "vi": "Trân trọng,\nNhóm hỗ trợ MCAP",
        "zh": "此致\nMCAP支持团队",
        "en": "Kind regards,\nThe MCAP helpdesk",
    },
    "note_title": {
        "vi": "Ghi chú nội bộ (không gửi cho nhà sản xuất)",
        "zh": "内部备注（不发送给制造商）",
        "en": "Internal note (not for the manufacturer)",
    },
    "note_language": {
        "vi": "Thư viết bằng {language}; {n} câu hỏi được trả lời.",
        "zh": "来信语言：{language}；回答了{n}个问题。",
        "en": "Message written in {language}; {n} question(s) answered.",
    },
    "note_rests_on": {"vi": "Câu trả lời dựa trên", "zh": "回答依据", "en": "The answer rests on"},
    "note_no_sources": {
        "vi": "Không có đoạn tài liệu nào được trích.",
        "zh": "未引用任何文件段落。",
        "en": "No document passage was cited.",
    },
    "note_calc": {"vi": "Các bước tính", "zh": "计算步骤", "en": "Calculator steps"},
    "note_human": {"vi": "Cần người xem xét", "zh": "需要人工处理", "en": "Needs a human"},
    "note_not_covered": {
        "vi": "Tài liệu không đề cập câu hỏi: «{question}»",
        "zh": "文件未涉及以下问题：「{question}」",
        "en": "The documents do not cover: “{question}”",
    },
    "note_grounding": {
        "vi": "Có con số không tìm thấy nguồn trong câu trả lời cho «{question}»; hãy kiểm tra.",
        "zh": "「{question}」的回答中有数字找不到出处，请核对。",
        "en": "Some figures in the answer to “{question}” could not be traced to a source; check them.",
    },
    "note_mode": {
        "vi": "Chế độ trả lời: {mode}.",
        "zh": "回答模式：{mode}。",
        "en": "Answer mode: {mode}.",
    },
    "note_nothing": {
        "vi": "Không có điểm nào cần người xem xét ngoài việc đọc lại trước khi gửi.",
        "zh": "除发送前审阅外，无需人工处理。",
        "en": "Nothing beyond a read-through before sending.",
    },
    "note_reused": {
        "vi": "Dùng lại câu trả lời đã duyệt #{id} ({language}, độ tương đồng {similarity}), do {by} duyệt.",
        "zh": "沿用已审批回答 #{id}（{language}，相似度{similarity}），审批人：{by}。",
        "en": "Reused approved answer #{id} ({language}, similarity {similarity}), approved by {by}.",
    },
    "note_reuse_other_lang": {
        "vi": "Đã có câu trả lời được duyệt #{id} bằng {language} cho câu hỏi tương tự (độ tương đồng {similarity}); hãy so sánh trước khi gửi.",
        "zh": "类似问题已有经审批的{language}回答 #{id}（相似度{similarity}），发送前请对照。",
        "en": "An approved answer #{id} in {language} exists for a similar question (similarity {similarity}); compare before sending.",
    },
    # session summary
    "summary_title": {
        "vi": "Tóm tắt buổi tư vấn MCAP",
        "zh": "MCAP咨询会议纪要",
        "en": "MCAP advisory session summary",
    },
    "summary_manufacturer": {"vi": "Nhà sản xuất", "zh": "制造商", "en": "Manufacturer"},
    "summary_date": {"vi": "Ngày", "zh": "日期", "en": "Date"},
    "summary_duration": {"vi": "Thời lượng", "zh": "时长", "en": "Duration"},
    "summary_hours": {"vi": "{hours} giờ", "zh": "{hours}小时", "en": "{hours} hours"},
    "summary_advisor": {"vi": "Chuyên gia tư vấn", "zh": "顾问", "en": "Advisor"},
    "summary_topics": {"vi": "Chủ đề", "zh": "主题", "en": "Topics"},
    "summary_allowance": {"vi": "Hạn mức tư vấn", "zh": "咨询额度", "en": "Advisory allowance"},
    "summary_qa": {"vi": "Câu hỏi và trả lời", "zh": "问答", "en": "Questions and answers"},
    "summary_notes": {"vi": "Ghi chú", "zh": "备注", "en": "Notes"},
    "summary_question": {"vi": "Câu hỏi", "zh": "问题", "en": "Question"},
    "summary_over": {
        "vi": "Buổi này vượt hạn mức giờ tư vấn của năm.",
        "zh": "本次会议超出了年度咨询额度。",
        "en": "This session went past the year's advisory allowance.",
    },
    # errors
    "auth_required": {
        "vi": "Cần khóa API (tiêu đề Authorization: Bearer …) để dùng chức năng này.",
        "zh": "此功能需要API密钥（请求头 Authorization: Bearer …）。",
        "en": "This needs an API key (header Authorization: Bearer …).",
    },
    "forbidden": {
        "vi": "Khóa API này không có quyền thực hiện thao tác này.",
        "zh": "此API密钥无权执行该操作。",
        "en": "This API key is not allowed to do that.",
    },
    "not_found": {
        "vi": "Không tìm thấy {what} #{id}.",
        "zh": "未找到{what} #{id}。",
        "en": "No {what} #{id}.",
    },
    "over_allowance": {
        "vi": "{warning} Gửi lại với confirm_over_allowance=true nếu vẫn muốn ghi nhận buổi này.",
        "zh": "{warning} 如仍要记录本次会议，请以 confirm_over_allowance=true 重新提交。",
        "en": "{warning} Send again with confirm_over_allowance=true to log the session anyway.",
    },
    "already_approved": {
        "vi": "Bản nháp #{id} đã được duyệt; hãy tạo bản nháp mới để thay đổi.",
        "zh": "草稿 #{id} 已审批；如需修改请新建草稿。",
        "en": "Draft #{id} is already approved; make a new draft to change it.",
    },
    "invalid_key_request": {
        "vi": "Không tạo được khóa: {detail}",
        "zh": "无法创建密钥：{detail}",
        "en": "Cannot create the key: {detail}",
    },
    "bad_file_name": {
        "vi": "Tên tệp không hợp lệ: chỉ dùng tên tệp, không có thư mục, «..» hay ký tự điều khiển.",
        "zh": "文件名无效：只能是文件名本身，不能包含目录、“..”或控制字符。",
        "en": "Not an acceptable file name: a plain file name only, no folders, “..” or control characters.",
    },
    "unsupported_upload": {
        "vi": "Chỉ nhận tệp .txt, .md hoặc .pdf.",
        "zh": "仅接受 .txt、.md 或 .pdf 文件。",
        "en": "Only .txt, .md or .pdf files are accepted.",
    },
    "upload_too_large": {
        "vi": "Tệp quá lớn (tối đa {limit} byte).",
        "zh": "文件过大（最多 {limit} 字节）。",
        "en": "The file is too large (at most {limit} bytes).",
    },
    "document_exists": {
        "vi": "Đã có tài liệu tên {name} từ nguồn khác; hãy đổi tên tệp.",
        "zh": "已有来自其他来源的同名文档 {name}，请重命名文件。",
        "en": "A document named {name} already comes from another source; rename the file.",
    },
    "document_rejected": {
        "vi": "Không nạp được tài liệu; chỉ mục hiện có không thay đổi. {detail}",
        "zh": "文档未能导入，现有索引未改变。{detail}",
        "en": "The document was not ingested; the existing index is unchanged. {detail}",
    },
    "message_empty": {
        "vi": "Thư trống: hãy dán nội dung thư của nhà sản xuất.",
        "zh": "邮件为空：请粘贴制造商的来信内容。",
        "en": "The message is empty: paste the manufacturer's message.",
    },
}


def w(key: str, lang: str, **kw: object) -> str:
    table = W[key]
    text = table.get(lang) or table["en"]
    return text.format(**kw) if kw else text
