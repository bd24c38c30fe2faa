"""The calculators' argument schemas come from their typed signatures, once, with no LLM library."""

from __future__ import annotations

import ast
import dataclasses
import inspect
import typing
from pathlib import Path
from typing import Annotated, Any

import pytest
from pydantic import Field, ValidationError
from pydantic.fields import FieldInfo

from tools.errors import CalculatorInputError
from tools.registry import CALCULATORS
from tools.schema import CalculatorSpec, calculator_specs, first_paragraph, spec_for

TOOLS = Path(__file__).resolve().parents[2] / "tools"

# The smallest valid call of each calculator (a new calculator needs a line here).
EXAMPLES: dict[str, dict[str, Any]] = {
    "absolute_contraction": {"base_year": 2020, "target_year": 2030},
    "check_absolute_target": {"base_year": 2020, "target_year": 2030, "reduction_percent": 42},
    "intensity_to_absolute": {
        "base_year": 2020,
        "target_year": 2030,
        "intensity_reduction_percent": 30,
        "activity_growth_percent": 20,
    },
    "required_intensity_reduction": {"base_year": 2020, "target_year": 2030, "activity_growth_percent": 20},
    "physical_intensity_rate": {"base_year": 2020, "target_year": 2030, "intensity_reduction_percent": 30},
    "geva": {"base_year": 2015, "target_year": 2030},
    "scope3_required": {"scope1": 20, "scope2": 30, "scope3": 50},
    "scope3_coverage": {"scope3_total": 100, "covered": 70},
    "scope12_coverage": {"scope12_total": 100, "excluded": 4},
    "target_timeframe": {"submission_date": "2026-06-30", "target_year": 2035},
    "renewable_electricity": {"total_electricity_mwh": 1000, "renewable_mwh": 600, "year": 2025},
    "supplier_engagement": {"submission_year": 2026, "target_year": 2030},
    "cati_score": {"indicator_ids": ["1.1.1", "2.1.1"]},
    "cati_weighted_score": {
        "governance_percent": 80,
        "measurement_disclosure_percent": 60,
        "targets_setting_percent": 50,
        "performance_percent": 25,
        "climate_action_percent": 30,
    },
    "mcap_checklist": {},
}


def _field_info(func: Any, name: str) -> FieldInfo:
    """The ``Field(...)`` in the parameter's ``Annotated[...]`` annotation."""
    hint = typing.get_type_hints(func, include_extras=True)[name]
    return next(m for m in typing.get_args(hint)[1:] if isinstance(m, FieldInfo))


def _is_numeric_or_list(annotation: Any) -> bool:
    """int, float or list[...] (optionally ``| None``): types the calculators themselves check."""
    args = [a for a in typing.get_args(annotation) if a is not type(None)] or [annotation]
    return all(a in (int, float) or typing.get_origin(a) is list for a in args)


def test_every_calculator_has_a_spec_built_once() -> None:
    specs = calculator_specs()
    assert list(specs) == list(CALCULATORS) == list(EXAMPLES)
    for name, spec in specs.items():
        assert isinstance(spec, CalculatorSpec)
        assert spec.name == name and spec.function is CALCULATORS[name]
        assert spec.arguments.__name__ == name  # the OpenAPI component and the JSON-schema title
    assert calculator_specs() is specs
    with pytest.raises(dataclasses.FrozenInstanceError):
        specs["geva"].name = "other"  # type: ignore[misc]


@pytest.mark.parametrize("name", list(CALCULATORS))
def test_required_fields_and_defaults_match_the_signature(name: str) -> None:
    spec = calculator_specs()[name]
    params = inspect.signature(spec.function).parameters
    fields = spec.arguments.model_fields
    assert list(fields) == list(params)
    required = [p for p, param in params.items() if param.default is inspect.Parameter.empty]
    assert [f for f, info in fields.items() if info.is_required()] == required
    assert spec.json_schema().get("required", []) == required
    for p, param in params.items():
        if param.default is not inspect.Parameter.empty:
            assert fields[p].default == param.default, p
            if param.default is not None:
                assert spec.json_schema()["properties"][p]["default"] == param.default, p


@pytest.mark.parametrize("name", list(CALCULATORS))
def test_descriptions_come_from_the_field_annotations_and_the_docstring(name: str) -> None:
    spec = calculator_specs()[name]
    schema = spec.json_schema()
    for p, prop in schema["properties"].items():
        assert prop["description"] == _field_info(spec.function, p).description, p
    assert spec.description == " ".join(inspect.cleandoc(spec.function.__doc__ or "").split("\n\n")[0].split())
    assert schema["description"] == spec.description and schema["title"] == name


@pytest.mark.parametrize("name", list(CALCULATORS))
def test_the_model_accepts_what_the_function_accepts(name: str) -> None:
    spec = calculator_specs()[name]
    args = EXAMPLES[name]
    validated = spec.arguments.model_validate(args).model_dump(exclude_unset=True)
    assert validated == args  # only what was given: the function's defaults still apply
    assert spec.function(**validated).model_dump() == spec.function(**args).model_dump()


@pytest.mark.parametrize("name", list(CALCULATORS))
def test_the_model_rejects_what_the_function_rejects(name: str) -> None:
    spec = calculator_specs()[name]
    signature = inspect.signature(spec.function)
    for p, info in spec.arguments.model_fields.items():
        if info.is_required():  # a missing argument
            missing = {k: v for k, v in EXAMPLES[name].items() if k != p}
            with pytest.raises(TypeError):
                signature.bind(**missing)
            with pytest.raises(ValidationError):
                spec.arguments.model_validate(missing)
        if _is_numeric_or_list(info.annotation):  # a value of the wrong type
            wrong = {**EXAMPLES[name], p: {"not": "a number"}}
            with pytest.raises((CalculatorInputError, TypeError, ValueError)):
                spec.function(**wrong)
            with pytest.raises(ValidationError):
                spec.arguments.model_validate(wrong)


def test_literal_arguments_are_checked_by_the_model() -> None:
    spec = calculator_specs()["absolute_contraction"]
    with pytest.raises(CalculatorInputError):
        spec.function(2020, 2030, rule_set="no-such-rules")
    with pytest.raises(ValidationError):
        spec.arguments.model_validate({"base_year": 2020, "target_year": 2030, "rule_set": "no-such-rules"})
    # Values a calculator normalises itself ("1.5°C") pass the model and are decided by the function.
    ok = spec.arguments.model_validate({"base_year": 2020, "target_year": 2030, "ambition": "1.5°C"})
    assert spec.function(**ok.model_dump(exclude_unset=True)).inputs["ambition"] == "1.5C"


def test_the_model_coerces_json_numbers_the_way_the_api_did() -> None:
    args = calculator_specs()["geva"].arguments.model_validate({"base_year": "2015", "target_year": 2030.0})
    assert args.model_dump(exclude_unset=True) == {"base_year": 2015, "target_year": 2030}
    # Unknown keys are ignored by the model (HTTP bodies behave as before); the LLM tool path refuses them.
    extra = calculator_specs()["geva"].arguments.model_validate({"base_year": 2015, "target_year": 2030, "x": 1})
    assert "x" not in extra.model_dump()


def test_spec_for_reads_any_typed_function() -> None:
    def demo(
        a: Annotated[int, Field(description="First")],
        b: Annotated[float | None, Field(description="Second")] = None,
    ) -> Any:
        """Add things.

        Longer explanation that is not part of the description."""

    spec = spec_for("demo", demo)
    assert spec.description == "Add things."
    assert spec.json_schema()["required"] == ["a"]
    assert spec.json_schema()["properties"]["b"]["description"] == "Second"

    def variadic(*values: int) -> Any:
        """No keywords."""

    with pytest.raises(TypeError):
        spec_for("variadic", variadic)
    assert first_paragraph(None, "fallback") == "fallback"
    assert first_paragraph("  One\n  line.\n\n  Two.", "x") == "One line."


def test_tools_imports_nothing_from_the_assistant_or_an_llm_library() -> None:
    for path in TOOLS.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                modules = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                modules = [node.module or ""]
            else:
                continue
            for module in modules:
                root = module.split(".")[0]
                assert root not in {"assistant", "langchain", "langchain_core", "langchain_openai", "openai"}, (
                    path.name,
                    module,
                )
