"""The calculators of ``tools/`` as LangChain tools: schema and description come from each typed
function (its annotations and docstring), nothing is restated here."""

from __future__ import annotations

from typing import Any

from langchain_core.tools import StructuredTool

from tools.registry import CALCULATORS


def calculator_tools() -> list[StructuredTool]:
    out = []
    for name, func in CALCULATORS.items():
        doc = (func.__doc__ or name).strip()
        out.append(StructuredTool.from_function(func=func, name=name, description=doc.split("\n\n")[0]))
    return out


def tool_schemas() -> dict[str, dict[str, Any]]:
    """JSON schema of every calculator's arguments (for the HTTP API and the UI forms)."""
    return {t.name: dict(t.get_input_schema().model_json_schema()) for t in calculator_tools()}  # type: ignore[union-attr]
