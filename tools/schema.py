"""Argument schemas of the calculators, derived once from their typed signatures.

Each calculator in ``tools.registry.CALCULATORS`` is a plain function whose parameters carry
``Annotated[type, Field(description=...)]`` and whose docstring's first paragraph says what it does.
``calculator_specs()`` turns each into a ``CalculatorSpec``: a pydantic model of its arguments (the
same names, types, defaults and descriptions) and a description. The HTTP routes, the UI forms and
the LLM tools all use these specs; nothing is restated by hand. Pure: no I/O, no LLM library.
"""

from __future__ import annotations

import inspect
import typing
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from pydantic import BaseModel, create_model

from tools.registry import CALCULATORS
from tools.result import CalcResult


@dataclass(frozen=True)
class CalculatorSpec:
    """One calculator: its name, what it does, the model of its arguments and the function itself."""

    name: str
    description: str
    arguments: type[BaseModel]
    function: Callable[..., CalcResult]

    def json_schema(self) -> dict[str, Any]:
        """JSON schema of the arguments (properties in signature order, ``required``, defaults)."""
        return dict(self.arguments.model_json_schema())


def first_paragraph(doc: str | None, fallback: str) -> str:
    """The docstring's first paragraph on one line."""
    text = inspect.cleandoc(doc or "").split("\n\n")[0]
    return " ".join(text.split()) or fallback


def spec_for(name: str, function: Callable[..., CalcResult]) -> CalculatorSpec:
    """A ``CalculatorSpec`` from the function's signature, annotations and docstring.

    Every parameter becomes a field of the same name, with the annotation (``Annotated[..., Field]``
    metadata included) as its type and the signature's default, if any. Parameters that cannot be
    passed by keyword (``*args``, ``**kwargs``, positional-only) are not allowed in a calculator."""
    hints = typing.get_type_hints(function, include_extras=True)
    fields: dict[str, Any] = {}
    for param in inspect.signature(function).parameters.values():
        if param.kind not in (param.POSITIONAL_OR_KEYWORD, param.KEYWORD_ONLY):
            raise TypeError(f"calculator {name!r}: parameter {param.name!r} cannot be passed by keyword")
        annotation = hints.get(param.name, Any)
        default = ... if param.default is inspect.Parameter.empty else param.default
        fields[param.name] = (annotation, default)
    description = first_paragraph(function.__doc__, name)
    model = create_model(name, __doc__=description, __module__=__name__, **fields)
    return CalculatorSpec(name=name, description=description, arguments=model, function=function)


@cache
def calculator_specs() -> dict[str, CalculatorSpec]:
    """Every calculator's spec by name, in the registry's order (built once; do not mutate)."""
    return {name: spec_for(name, function) for name, function in CALCULATORS.items()}
