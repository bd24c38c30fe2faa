"""LLM mode: the model fills the calculator's arguments (structured output), scripted to agree, disagree,
resolve what the reader could not, invent, and fail; the answer follows the cross-check (issue 14, item 6)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage

from assistant.answer.service import AnswerService
from assistant.config import Settings

CHECK_VI = "Giảm 30% từ 2020 đến 2030 có đủ cho 1,5°C không?"
TWO_YEARS = "Base 2022 target 2030, 30%: enough for 1.5C?"


class ScriptedModel(GenericFakeChatModel):
    """Replies in order; a structured-output request is LangChain's forced tool call, answered by a tool call."""

    calls: int = 0

    def bind_tools(self, tools: Any, **kwargs: Any) -> ScriptedModel:
        return self

    def _generate(self, *args: Any, **kwargs: Any) -> Any:
        self.calls += 1
        return super()._generate(*args, **kwargs)


class BrokenModel(ScriptedModel):
    def _generate(self, *args: Any, **kwargs: Any) -> Any:
        raise TimeoutError("model server timed out")


def _fills(calculator: str, **arguments: Any) -> AIMessage:
    return AIMessage(content="", tool_calls=[{"name": calculator, "args": arguments, "id": "fill-1"}])


def _service(settings: Settings, replies: list[AIMessage], **options: Any) -> tuple[AnswerService, ScriptedModel]:
    messages: Iterator[AIMessage] = iter(replies)
    model = ScriptedModel(messages=messages)
    update = {"llm_phrasing": False, **options}
    return AnswerService(settings.model_copy(update=update), chat_model=model), model


def test_agreeing_model_leaves_the_calculation(corpus_settings: Settings) -> None:
    svc, model = _service(
        corpus_settings, [_fills("check_absolute_target", base_year=2020, target_year=2030, reduction_percent=30)]
    )
    a = svc.ask(CHECK_VI, explain=True)
    assert model.calls == 1 and a.mode.startswith("llm:")  # the model read the figures; the wording is the checked one
    assert a.tool_calls[0].name == "check_absolute_target" and a.verdict == "no"
    assert a.answer.startswith("**Không.**")
    stage = next(s for s in a.trace or [] if s.stage == "llm_arguments")
    assert stage.decision == "agreed"


def test_disagreeing_model_turns_the_answer_into_a_question_naming_both_readings(corpus_settings: Settings) -> None:
    question = "Năm 2023 đơn hàng tăng. Giảm 30% từ 2020 đến 2030 có đủ cho 1,5°C không?"
    svc, _ = _service(
        corpus_settings, [_fills("check_absolute_target", base_year=2023, target_year=2030, reduction_percent=30)]
    )
    assert svc.ask(question.replace("Năm 2023 đơn hàng tăng. ", "")).verdict == "no"  # 2023 unstated: kept
    svc, _ = _service(
        corpus_settings, [_fills("check_absolute_target", base_year=2023, target_year=2030, reduction_percent=30)]
    )
    a = svc.ask(question)
    assert a.clarify and not a.tool_calls and a.verdict is None
    assert "năm cơ sở là 2020 hay 2023" in a.answer.casefold()
    assert a.language == "vi" and "4,2%/năm" in a.answer  # the rule that will apply


def test_model_resolves_two_years_the_reader_could_not_tell_apart(corpus_settings: Settings) -> None:
    svc, _ = _service(corpus_settings, [_fills("absolute_contraction", base_year=2022, target_year=2030)])
    a = svc.ask(TWO_YEARS)
    assert not a.clarify
    call = a.tool_calls[0]
    assert call.name == "check_absolute_target"
    assert call.arguments["base_year"] == 2022 and call.arguments["reduction_percent"] == 30.0
    assert a.verdict == "no"


def test_resolution_the_calculator_rejects_is_asked_back_as_planned(corpus_settings: Settings) -> None:
    svc, _ = _service(corpus_settings, [_fills("absolute_contraction", base_year=2030, target_year=2022)])
    a = svc.ask(TWO_YEARS, explain=True)
    assert a.clarify and not a.tool_calls
    assert "target year" in a.answer
    assert any(s.stage == "calculation" and "set aside" in s.decision for s in a.trace or [])


def test_invented_figures_change_nothing(corpus_settings: Settings) -> None:
    svc, _ = _service(corpus_settings, [_fills("absolute_contraction", base_year=2019, target_year=2030)])
    a = svc.ask(TWO_YEARS)
    assert a.clarify and not a.tool_calls


@pytest.mark.parametrize(
    "model",
    [BrokenModel(messages=iter([])), ScriptedModel(messages=iter([AIMessage(content="base year 2020")]))],
    ids=["server down", "text instead of the schema"],
)
def test_a_failing_model_leaves_the_deterministic_plan(corpus_settings: Settings, model: ScriptedModel) -> None:
    svc = AnswerService(corpus_settings.model_copy(update={"llm_phrasing": False}), chat_model=model)
    a = svc.ask(CHECK_VI, explain=True)
    assert a.tool_calls[0].name == "check_absolute_target" and a.verdict == "no" and a.mode == "no-llm"
    stage = next(s for s in a.trace or [] if s.stage == "llm_arguments")
    assert stage.decision.startswith("failed")


def test_documents_questions_and_switched_off_mode_never_ask_the_model(corpus_settings: Settings) -> None:
    svc, model = _service(corpus_settings, [])
    a = svc.ask("Cascale hỗ trợ tư vấn bao nhiêu giờ mỗi năm?")
    assert model.calls == 0 and not a.tool_calls
    svc, model = _service(corpus_settings, [], llm_arguments=False)
    a = svc.ask(CHECK_VI)
    assert model.calls == 0 and a.tool_calls[0].name == "check_absolute_target"


SPOKEN_VI = (
    "phạm vi 1 với 2 bên em năm rồi là mười tám nghìn tấn còn phạm vi 3 thì mười lăm nghìn tấn "
    "vậy bọn em khỏi đặt mục tiêu phạm vi 3 đúng không"
)


def _chooses(calculator: str) -> AIMessage:
    return AIMessage(
        content="", tool_calls=[{"name": "choose_calculator", "args": {"calculator": calculator}, "id": "c"}]
    )


def test_model_names_the_calculator_the_reader_missed_and_the_planner_agrees(corpus_settings: Settings) -> None:
    svc, model = _service(
        corpus_settings, [_chooses("scope3_required"), _fills("scope3_required", scope1=18000, scope3=15000)]
    )
    a = svc.ask(SPOKEN_VI, explain=True)
    assert model.calls == 2
    call = a.tool_calls[0]
    assert call.name == "scope3_required"
    assert (call.arguments["scope1"], call.arguments["scope2"], call.arguments["scope3"]) == (18000.0, 0.0, 15000.0)
    assert a.verdict == "yes" and a.language == "vi"  # 15,000 of 33,000 t is over the 40% line
    stage = next(s for s in a.trace or [] if s.stage == "llm_arguments")
    assert stage.decision == "filled" and stage.detail["chosen"] == "scope3_required"


def test_model_choosing_none_or_unstated_figures_leaves_the_documents_answer(corpus_settings: Settings) -> None:
    svc, _ = _service(corpus_settings, [_chooses("none")])
    a = svc.ask(SPOKEN_VI, explain=True)
    assert not a.tool_calls and not a.clarify
    assert next(s for s in a.trace or [] if s.stage == "llm_arguments").decision == "no calculator"
    svc, _ = _service(
        corpus_settings, [_chooses("scope3_required"), _fills("scope3_required", scope1=18000, scope3=25000)]
    )
    a = svc.ask(SPOKEN_VI)
    assert not a.tool_calls  # 25,000 t is not in the question: the planner is not asked again with it


def test_a_question_about_what_a_rule_means_never_goes_to_the_model(corpus_settings: Settings) -> None:
    svc, model = _service(corpus_settings, [])
    a = svc.ask("What does the 40% scope 3 rule mean for us? We have 2 factories.")
    assert model.calls == 0 and not a.tool_calls
