from __future__ import annotations

from assistant.llm.tool_binding import calculator_tools, tool_schemas
from tools.registry import CALCULATORS


def test_every_calculator_is_a_langchain_tool_with_a_schema_from_its_signature() -> None:
    tools = {t.name: t for t in calculator_tools()}
    assert list(tools) == list(CALCULATORS)  # every calculator, the new CATI weighted score too
    schema = tool_schemas()["absolute_contraction"]
    assert {"base_year", "target_year", "ambition"} <= set(schema["properties"])
    assert "description" in schema["properties"]["base_year"]
    result = tools["geva"].invoke({"base_year": 2015, "target_year": 2030})
    assert round(result.outputs["intensity_change_percent"], 1) == -66.3
    rates = {
        "governance_percent": 80,
        "measurement_disclosure_percent": 60,
        "targets_setting_percent": 50,
        "performance_percent": 25,
        "climate_action_percent": 30,
    }
    assert tools["cati_weighted_score"].invoke(rates).outputs["weighted_score"] == 42.05
