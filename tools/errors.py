"""Typed input errors with a clear message in Vietnamese, Chinese and English."""

from __future__ import annotations

from tools.i18n import error_text


class CalculatorInputError(ValueError):
    """Raised for any input a calculator cannot accept; ``str(err)`` is the English message."""

    def __init__(self, code: str, field: str, **values: object) -> None:
        self.code = code
        self.field = field
        self.values = values
        self.messages: dict[str, str] = {
            lang: error_text(code, lang, field=field, **values) for lang in ("vi", "zh", "en")
        }
        super().__init__(self.messages["en"])

    def message(self, lang: str = "en") -> str:
        return self.messages.get(lang, self.messages["en"])
