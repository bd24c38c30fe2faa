"""LLM mode with LangChain's fake chat model scripted to behave well and badly."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage

from assistant.answer.service import AnswerService
from assistant.config import Settings

CALC_VI = "Giảm 30% từ 2020 đến 2030 có đủ không?"

# these tests script the phrasing turn; the model's calculator arguments are tested in test_llm_arguments.py
PHRASING_ONLY = {"llm_arguments": False}


class ScriptedModel(GenericFakeChatModel):
    def bind_tools(self, tools: Any, **kwargs: Any) -> ScriptedModel:
        return self


class BrokenModel(ScriptedModel):
    def _generate(self, *args: Any, **kwargs: Any) -> Any:
        raise TimeoutError("model server timed out")


def _service(settings: Settings, replies: list[AIMessage]) -> AnswerService:
    messages: Iterator[AIMessage] = iter(replies)
    return AnswerService(settings.model_copy(update=PHRASING_ONLY), chat_model=ScriptedModel(messages=messages))


def test_model_answers_with_the_calculators_numbers(corpus_settings: Settings) -> None:
    svc = _service(
        corpus_settings, [AIMessage(content="Giảm 30% tương đương 3%/năm, đạt mức thấp hơn nhiều so với 2°C [1].")]
    )
    a = svc.ask(CALC_VI)
    assert a.mode.startswith("llm:") and a.language == "vi"
    assert a.grounding and a.grounding.passed and not a.grounding.repaired
    assert a.tool_calls[0].name == "check_absolute_target"
    assert [c.id for c in a.citations] == [1]


def test_model_calls_a_tool_itself(corpus_settings: Settings) -> None:
    svc = _service(
        corpus_settings,
        [
            AIMessage(
                content="", tool_calls=[{"name": "geva", "args": {"base_year": 2015, "target_year": 2030}, "id": "t1"}]
            ),
            AIMessage(content="GEVA: cường độ giảm 66,33% sau 15 năm [1]."),
        ],
    )
    a = svc.ask("GEVA giảm cường độ bao nhiêu từ 2015 đến 2030?")
    assert any(tc.name == "geva" for tc in a.tool_calls)
    assert a.grounding and a.grounding.passed


def test_invented_number_is_caught_and_removed(corpus_settings: Settings) -> None:
    invented = AIMessage(content="Giảm 30% là 3%/năm, nhưng mức 1,5°C yêu cầu 5,7%/năm [1].")
    svc = _service(corpus_settings, [invented, invented])
    a = svc.ask(CALC_VI)
    assert a.grounding and a.grounding.repaired
    assert "5,7" not in a.answer and "5.7" not in a.answer
    assert any("unsupported numbers" in n for n in a.notes)


def test_wrong_language_falls_back_to_the_checked_answer(corpus_settings: Settings) -> None:
    english = AIMessage(content="A 30% cut is 3% per year, which meets well-below 2°C [1].")
    svc = _service(corpus_settings, [english, english])
    a = svc.ask(CALC_VI)
    assert a.mode == "no-llm" and a.language == "vi"
    assert a.verdict == "yes" and a.answer.startswith("**Có.**") and "3%/năm" in a.answer


def test_model_failure_never_becomes_an_error(corpus_settings: Settings) -> None:
    svc = AnswerService(corpus_settings.model_copy(update=PHRASING_ONLY), chat_model=BrokenModel(messages=iter([])))
    a = svc.ask("Cascale hỗ trợ tư vấn bao nhiêu giờ mỗi năm?")
    assert a.mode == "no-llm" and a.notes and "ngôn ngữ" in a.notes[0]


def test_model_says_not_covered(corpus_settings: Settings) -> None:
    svc = _service(corpus_settings, [AIMessage(content="NOT_COVERED")])
    a = svc.ask("MCAP 的验证机构是谁？")
    assert a.refused and "现有文件" in a.answer


@pytest.mark.parametrize("follow_up", ["Còn phạm vi 3 thì sao?", "那范围三呢？"])
def test_follow_up_reuses_the_previous_figures(corpus_settings: Settings, follow_up: str) -> None:
    svc = AnswerService(corpus_settings)
    first = svc.ask("Nhà máy phát thải 12.000 tCO2e năm 2020, cần giảm bao nhiêu đến 2030 theo 1,5°C?", session_id="s1")
    assert first.tool_calls[0].arguments["scope"] == "s1+s2"
    second = svc.ask(follow_up, session_id="s1")
    args = second.tool_calls[0].arguments
    assert (args["scope"], args["base_year"], args["target_year"]) == ("s3", 2020, 2030)
    # the 12,000 t were the factory's scope 1+2 emissions: never reused as scope 3's
    assert "base_emissions" not in args


def test_json_dump_instead_of_an_answer_falls_back(corpus_settings: Settings) -> None:
    """Seen with the real 0.5B model: it echoed a tool call as its 'answer'."""
    dump = AIMessage(content='{"result": {"outputs": {"required_reduction_percent": 42.0}, "verdict": "meets"}}')
    svc = _service(corpus_settings, [dump, dump])
    a = svc.ask(CALC_VI)
    assert a.mode == "no-llm" and a.answer.startswith("**Có.**")
    assert any("returned data" in n for n in a.notes)


def test_echo_of_the_question_is_not_an_answer(corpus_settings: Settings) -> None:
    """Seen with the real 0.5B model: it repeated the question; a calculation answer must state the result."""
    echo = AIMessage(content=CALC_VI)
    svc = _service(corpus_settings, [echo, AIMessage(content="Đây là kết quả tính toán của bạn [1].")])
    a = svc.ask(CALC_VI)
    assert a.mode == "no-llm" and a.answer.startswith("**Có.**") and "3%/năm" in a.answer


class BuggyModel(ScriptedModel):
    def _generate(self, *args: Any, **kwargs: Any) -> Any:
        raise KeyError("a bug in our own code, not the model failing")


def test_a_programming_error_is_not_reported_as_the_llm_failing(corpus_settings: Settings) -> None:
    """Only transport, timeout and validation failures fall back; a bug surfaces as itself."""
    with pytest.raises(KeyError):
        AnswerService(corpus_settings.model_copy(update=PHRASING_ONLY), chat_model=BuggyModel(messages=iter([]))).ask(
            CALC_VI
        )


def test_a_timeout_falls_back_with_its_traceback_logged(
    corpus_settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level("WARNING"):
        a = AnswerService(
            corpus_settings.model_copy(update=PHRASING_ONLY), chat_model=BrokenModel(messages=iter([]))
        ).ask(CALC_VI)
    assert a.mode == "no-llm" and a.answer.startswith("**Có.**")
    failed = [r for r in caplog.records if "LLM failed" in r.getMessage()]
    assert failed and failed[0].exc_info is not None and failed[0].exc_info[0] is TimeoutError
