"""Question analysis: the asker's language, the question read for figures, and follow-ups joined to the
question they follow ("and for scope 3?")."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from assistant.answer.parser import ParsedQuestion, is_follow_up, merge_follow_up, parse_question
from assistant.text.language import detect_language
from tools.errors import LocalizedError
from tools.i18n import LANGS, Lang, as_lang


@dataclass(frozen=True)
class Analysis:
    question: str
    language: Lang
    parsed: ParsedQuestion
    follow_up: bool = False


class QuestionAnalysis:
    def __init__(self, max_chars: int) -> None:
        self.max_chars = max_chars

    def validate(self, question: str, lang: str | None) -> tuple[str, Lang]:
        """The cleaned question and the asker's language; an empty or over-long question is an error
        in that language (``lang`` if given, else the question's)."""
        q = unicodedata.normalize("NFC", question or "").replace("\x00", "").strip()
        guess: Lang = as_lang(lang) if lang in LANGS else (detect_language(q) if q else "en")
        if not q:
            raise LocalizedError("empty_question", lang=guess, status=422)
        if len(q) > self.max_chars:
            raise LocalizedError("question_too_long", lang=guess, status=422, limit=self.max_chars)
        return q, guess

    def run(self, question: str, lang: str | None, previous: list[str] | None = None) -> Analysis:
        q, language = self.validate(question, lang)
        parsed = parse_question(q)
        follow_up = bool(previous) and is_follow_up(q)
        if follow_up and previous:
            parsed = merge_follow_up(parse_question(previous[-1]), parsed)
        return Analysis(q, language, parsed, follow_up)
