"""The tool loop with LangChain's fake chat model, scripted like a small local model."""

from __future__ import annotations

from typing import Any

from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage

from assistant.llm.agent import run_agent
from assistant.llm.tool_binding import calculator_tools
from tools.registry import get_calculator


class ScriptedModel(GenericFakeChatModel):
    def bind_tools(self, tools: Any, **kwargs: Any) -> ScriptedModel:
        return self


def _run(name: str, args: dict[str, Any]) -> dict[str, Any]:
    return get_calculator(name)(**args).model_dump()


def test_model_calls_a_tool_then_answers() -> None:
    model = ScriptedModel(
        messages=iter(
            [
                AIMessage(
                    content="",
                    tool_calls=[{"name": "geva", "args": {"base_year": 2015, "target_year": 2030}, "id": "c1"}],
                ),
                AIMessage(content="Cường độ giảm 66,33% [1]."),
            ]
        )
    )
    turn = run_agent(model, "system", "question", calculator_tools(), _run)
    assert turn.tool_calls[0][0] == "geva"
    assert round(turn.tool_calls[0][2]["outputs"]["intensity_change_percent"], 2) == -66.33
    assert turn.text.startswith("Cường độ")


def test_tool_call_written_as_json_text_is_recognised() -> None:
    model = ScriptedModel(
        messages=iter(
            [
                AIMessage(
                    content='{"name": "scope3_required", "arguments": {"scope1": 50, "scope2": 10, "scope3": 40}}'
                ),
                AIMessage(content="A scope 3 target is required."),
            ]
        )
    )
    turn = run_agent(model, "system", "question", calculator_tools(), _run)
    assert turn.tool_calls and turn.tool_calls[0][2]["verdict"] == "required"
    assert turn.text == "A scope 3 target is required."
