"""OpenAI-compatible ``/v1/chat/completions`` so existing chat clients work unchanged.

The last user message is the question; earlier turns are the conversation (for follow-ups). The
answer is checked (grounding, language) before any of it is sent, so streaming sends the checked
answer in pieces rather than raw model tokens: a client never shows a number that is then retracted.
Citations are appended to the message text and also returned as structured extra fields.
"""

import json
import time
import uuid
from collections.abc import Iterator
from typing import Any, Literal

from pydantic import BaseModel, Field

from assistant.answer.models import Answer
from assistant.messages import t
from tools.errors import LocalizedError


class ChatMessage(BaseModel):
    role: Literal["system", "user", "assistant", "tool", "developer"]
    content: str | list[dict[str, Any]] | None = None


class ChatRequest(BaseModel):
    model: str | None = None
    messages: list[ChatMessage] = Field(min_length=1, max_length=200)
    stream: bool = False
    lang: Literal["vi", "zh", "en"] | None = Field(default=None, description="Extension: answer language")
    # Accepted for compatibility and ignored: the assistant's answers are deterministic.
    temperature: float | None = None
    max_tokens: int | None = None
    user: str | None = None


def message_text(m: ChatMessage) -> str:
    if isinstance(m.content, str):
        return m.content
    if isinstance(m.content, list):
        return " ".join(str(p.get("text", "")) for p in m.content if p.get("type", "text") == "text")
    return ""


def split_conversation(messages: list[ChatMessage], lang: str) -> tuple[str, list[tuple[str, str]]]:
    """The question (last user message) and the earlier (question, answer) pairs."""
    users = [i for i, m in enumerate(messages) if m.role == "user" and message_text(m).strip()]
    if not users:
        raise LocalizedError("no_user_message", lang=lang, status=422)
    last = users[-1]
    history: list[tuple[str, str]] = []
    pending: str | None = None
    for m in messages[:last]:
        if m.role == "user":
            pending = message_text(m)
        elif m.role == "assistant" and pending is not None:
            history.append((pending, message_text(m)))
            pending = None
    return message_text(messages[last]), history


def render_message(answer: Answer) -> str:
    """The answer with its sources listed, for clients that only show text."""
    if not answer.citations:
        return answer.answer
    lines = [answer.answer, "", f"**{t('answer.sources', answer.language)}**"]
    lines += [f"[{c.id}] {c.title} ({c.doc}), {c.locator}" for c in answer.citations]
    return "\n".join(lines)


def _extras(answer: Answer) -> dict[str, Any]:
    return {"citations": [c.model_dump() for c in answer.citations], "assistant": answer.model_dump()}


def completion(answer: Answer, model: str) -> dict[str, Any]:
    text = render_message(answer)
    return {
        "id": f"chatcmpl-{uuid.uuid4().hex[:24]}",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0},
        **_extras(answer),
    }


def pieces(text: str, size: int = 48) -> Iterator[str]:
    """Line by line, long lines in slices, so clients render progressively."""
    for line in text.splitlines(keepends=True):
        for i in range(0, len(line), size):
            yield line[i : i + size]


def stream_chunks(answer: Answer, model: str) -> Iterator[str]:
    """Server-sent events in the chat.completion.chunk format, ending with ``[DONE]``."""
    cid = f"chatcmpl-{uuid.uuid4().hex[:24]}"
    created = int(time.time())

    def event(delta: dict[str, Any], finish: str | None = None, extra: dict[str, Any] | None = None) -> str:
        chunk = {
            "id": cid,
            "object": "chat.completion.chunk",
            "created": created,
            "model": model,
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
            **(extra or {}),
        }
        return f"data: {json.dumps(chunk, ensure_ascii=False)}\n\n"

    yield event({"role": "assistant", "content": ""})
    for piece in pieces(render_message(answer)):
        yield event({"content": piece})
    yield event({}, "stop", _extras(answer))
    yield "data: [DONE]\n\n"
