from __future__ import annotations

from assistant.llm.tool_binding import calculator_tools, tool_schemas


def test_every_calculator_is_a_langchain_tool_with_a_schema_from_its_signature() -> None:
    tools = {t.name: t for t in calculator_tools()}
    assert len(tools) == 14
    schema = tool_schemas()["absolute_contraction"]
    assert {"base_year", "target_year", "ambition"} <= set(schema["properties"])
    assert "description" in schema["properties"]["base_year"]
    result = tools["geva"].invoke({"base_year": 2015, "target_year": 2030})
    assert round(result.outputs["intensity_change_percent"], 1) == -66.3
