"""The one error type users see: a code, an HTTP status, the values, and the message in each language.

Every package raises ``LocalizedError`` (or a subclass naming a category callers catch); the API has
one handler for it, the CLI prints ``message(lang)``. Messages come from the catalog (``errors.<code>``
unless a ``key`` is given); values that are themselves per-language dicts are picked per language.
"""

from __future__ import annotations

from typing import ClassVar

from tools.i18n import DEFAULT_LANG, Lang, as_lang, texts


class LocalizedError(Exception):
    """``code`` names the message ``errors.<code>``; subclasses that name a category (an unavailable
    index, an unreadable document) set ``default_code`` and ``default_status``."""

    default_status: ClassVar[int] = 400
    default_code: ClassVar[str] = "error"

    def __init__(
        self,
        code: str | None = None,
        /,
        *,
        lang: str | None = None,
        status: int | None = None,
        key: str | None = None,
        **values: object,
    ) -> None:
        self.code = code or type(self).default_code
        self.key = key or f"errors.{self.code}"
        self.values = values
        self.lang: Lang = as_lang(lang)
        self.status = status if status is not None else type(self).default_status
        super().__init__(self.code)

    def __str__(self) -> str:
        return self.message(DEFAULT_LANG)

    @property
    def messages(self) -> dict[str, str]:
        return texts(self.key, **self.values)

    def message(self, lang: str | None = None) -> str:
        return self.messages[as_lang(lang, self.lang) if lang else self.lang]

    def payload(self, lang: str | None = None) -> dict[str, object]:
        """The JSON body of the API's error responses."""
        chosen = as_lang(lang, self.lang) if lang else self.lang
        return {"error": self.code, "message": self.message(chosen), "lang": chosen, "messages": self.messages}


class CalculatorInputError(LocalizedError):
    """Raised for any input a calculator cannot accept; ``str(err)`` is the English message."""

    default_status = 422

    def __init__(self, code: str, field: str, **values: object) -> None:
        self.field = field
        super().__init__(code)
        self.values = {"field": field, **values}
