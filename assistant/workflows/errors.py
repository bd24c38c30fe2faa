"""A workflow error carries its HTTP status and a message in the asker's language."""

from __future__ import annotations

from assistant.workflows.wording import w

_WHAT = {
    "draft": {"vi": "bản nháp", "zh": "草稿", "en": "draft"},
    "manufacturer": {"vi": "nhà sản xuất", "zh": "制造商", "en": "manufacturer"},
    "session": {"vi": "buổi tư vấn", "zh": "咨询会议", "en": "advisory session"},
    "feedback": {"vi": "phản hồi", "zh": "反馈", "en": "feedback"},
    "key": {"vi": "khóa API", "zh": "API密钥", "en": "API key"},
    "document": {"vi": "tài liệu", "zh": "文档", "en": "document"},
}


class WorkflowError(Exception):
    def __init__(self, status: int, code: str, lang: str = "en", **values: object) -> None:
        self.status = status
        self.code = code
        self.lang = lang if lang in ("vi", "zh", "en") else "en"
        self.messages = {x: w(code, x, **_localised(values, x)) for x in ("vi", "zh", "en")}
        self.values = values
        super().__init__(self.messages["en"])

    def message(self, lang: str | None = None) -> str:
        return self.messages.get(lang or self.lang, self.messages["en"])


def _localised(values: dict[str, object], lang: str) -> dict[str, object]:
    what = values.get("what")
    if isinstance(what, str) and what in _WHAT:
        return {**values, "what": _WHAT[what][lang]}
    return values
