"""The LLM path with scripted models: what the model writes is checked, and only the model's own failures
fall back to the no-LLM answer."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import httpx2
import openai
import pytest
from langchain_core.messages import AIMessage

from assistant.answer.service import AnswerService
from assistant.config import Settings
from tests.assistant.answer.test_llm_mode import ScriptedModel

INVENTED = {
    "vi": ("Giảm 30% từ 2020 đến 2030 có đủ không?", "Vào năm 2099, phải cắt giảm hơn 1234 tCO2e trong 88 năm [1]."),
    "zh": ("2020年到2030年减排30%够吗？", "到2099年，必须减少1234吨二氧化碳当量，为期88年[1]。"),
    "en": (
        "Is a 30% cut from 2020 to 2030 enough?",
        "In the year 2099, over 1234 tCO2e must be cut, for 88 years [1].",
    ),
}

# these tests script the phrasing turn; the model's calculator arguments are tested in test_llm_arguments.py
PHRASING_ONLY = {"llm_arguments": False}


def _service(settings: Settings, replies: list[AIMessage]) -> AnswerService:
    messages: Iterator[AIMessage] = iter(replies)
    return AnswerService(settings.model_copy(update=PHRASING_ONLY), chat_model=ScriptedModel(messages=messages))


@pytest.mark.parametrize("lang", ["vi", "zh", "en"])
def test_invented_numbers_never_reach_the_answer(corpus_settings: Settings, lang: str) -> None:
    question, reply = INVENTED[lang]
    answer = _service(corpus_settings, [AIMessage(content=reply), AIMessage(content=reply)]).ask(question)
    for number in ("2099", "1234", "88"):
        assert number not in answer.answer, answer.answer
    assert answer.language == lang


class _Raising(ScriptedModel):
    error: Any = None

    def _generate(self, *args: Any, **kwargs: Any) -> Any:
        raise self.error


def test_a_server_failure_falls_back_and_logs_the_traceback(
    corpus_settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    down = openai.APIConnectionError(request=httpx2.Request("POST", "http://127.0.0.1:9/v1/chat/completions"))
    service = AnswerService(
        corpus_settings.model_copy(update=PHRASING_ONLY), chat_model=_Raising(messages=iter([]), error=down)
    )
    with caplog.at_level(logging.WARNING):
        answer = service.ask(INVENTED["en"][0])
    assert answer.mode == "no-llm" and answer.notes
    assert any(r.exc_info for r in caplog.records if "LLM failed" in r.getMessage())


def test_a_programming_error_is_not_called_an_llm_failure(corpus_settings: Settings) -> None:
    service = AnswerService(
        corpus_settings.model_copy(update=PHRASING_ONLY), chat_model=_Raising(messages=iter([]), error=KeyError("bug"))
    )
    with pytest.raises(KeyError):
        service.ask(INVENTED["en"][0])
