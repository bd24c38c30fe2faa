"""The calculators of ``tools/`` as LangChain tools.

Each ``StructuredTool`` is built from the calculator's ``tools.schema.CalculatorSpec``: its argument
model is the tool's ``args_schema`` and its description the tool's, so the LLM sees exactly the schema
the HTTP API and the UI forms use. LangChain stays in ``assistant/llm/``; run a tool with
``tool.invoke(arguments)`` (see ``assistant.llm.agent.invoke_tool``)."""

from __future__ import annotations

from functools import cache
from typing import Any

from langchain_core.tools import StructuredTool

from tools.schema import CalculatorSpec, calculator_specs


def _tool(spec: CalculatorSpec) -> StructuredTool:
    return StructuredTool.from_function(
        func=spec.function, name=spec.name, description=spec.description, args_schema=spec.arguments
    )


@cache
def _tools() -> dict[str, StructuredTool]:
    return {name: _tool(spec) for name, spec in calculator_specs().items()}


def calculator_tools() -> list[StructuredTool]:
    """One LangChain tool per calculator, in the registry's order (built once)."""
    return list(_tools().values())


def tool_schemas() -> dict[str, dict[str, Any]]:
    """JSON schema of every calculator's arguments: ``tools.schema``'s, kept here for existing callers.
    New code should use ``tools.schema.calculator_specs()`` directly (no LangChain needed)."""
    return {name: spec.json_schema() for name, spec in calculator_specs().items()}
