"""Bad questions get a clear error in the asker's language."""

from __future__ import annotations

from assistant.answer.templates import t


class QuestionError(ValueError):
    def __init__(self, code: str, lang: str = "en", **kw: object) -> None:
        self.code = code
        self.messages = {lang_: t(code, lang_, **kw) for lang_ in ("vi", "zh", "en")}
        self.lang = lang
        super().__init__(self.messages["en"])

    def message(self, lang: str | None = None) -> str:
        return self.messages.get(lang or self.lang, self.messages["en"])
