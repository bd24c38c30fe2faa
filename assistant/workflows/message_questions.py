"""The questions inside a manufacturer's email, with the figures they state around them.

An email carries a greeting, a few facts ("our base year is 2021") and one or more questions; each
question is answered with the statements carrying figures prepended, so a calculation sees the
numbers it needs.
"""

from __future__ import annotations

import re
import unicodedata

MAX_QUESTIONS = 4
MAX_CONTEXT_CHARS = 400

_SENTENCES = re.compile(r"[^。！？!?\n.]*(?:[。！？!?]+|\.(?=\s|$)|\n|$)")
_QUESTION_END = re.compile(r"[?？]\s*$")
# Greetings (to the first comma or line end) and sign-offs (to the end: the signature follows).
_GREETING = re.compile(
    r"^\s*(kính gửi|xin chào|chào|dear|hello|hi|good (?:morning|afternoon)|您好|你好|尊敬的)[^,，:：\n!！]*[,，:：!！\n]?",
    re.IGNORECASE,
)
_SIGN_OFF = re.compile(
    r"(?:^|(?<=[\s,，.。!！?？]))(xin cảm ơn|cảm ơn|trân trọng|best regards|kind regards|regards|thanks|thank you|sincerely|"
    r"谢谢|感谢|此致|顺祝)\b.*$",
    re.IGNORECASE | re.DOTALL,
)


def split_message(message: str) -> tuple[list[str], str]:
    """The questions (at most ``MAX_QUESTIONS``) and the stated context of an email.

    With no question mark, the whole body (courtesies removed) is one question."""
    text = unicodedata.normalize("NFC", message).replace("\r\n", "\n").strip()
    text = _SIGN_OFF.sub("", _GREETING.sub("", text, count=1)).strip() or text
    body = [s.strip() for s in _SENTENCES.findall(text) if s.strip()]
    questions = [s for s in body if _QUESTION_END.search(s)]
    if not questions:
        whole = " ".join(body).strip() or text.strip()
        return [whole], ""
    # only statements with figures (base year, emissions, shares): other context words would pull
    # retrieval towards the email's small talk
    context = " ".join(s for s in body if s not in questions and re.search(r"\d", s))
    return questions[:MAX_QUESTIONS], context[:MAX_CONTEXT_CHARS]


def with_context(question: str, context: str) -> str:
    return f"{context} {question}".strip() if context else question
