"""Structured output: the model fills a calculator's arguments as JSON that follows the calculator's schema.

The schema is the calculator's own (``tools.schema.CalculatorSpec``: names, types, descriptions from its typed
signature), with every argument made optional so that the model can leave out what the question does not
state instead of inventing it. What it returns is validated by that schema here and checked against the
question by ``assistant.answer.understanding.argument_check`` before anything runs."""

from __future__ import annotations

import inspect
from functools import cache
from typing import Any, Literal, Optional

from langchain_core.language_models.chat_models import BaseChatModel
from langchain_core.messages import HumanMessage, SystemMessage
from pydantic import BaseModel, Field, create_model

from assistant.llm.errors import LLMOutputError
from tools.schema import CalculatorSpec

StructuredMethod = Literal["json_schema", "function_calling"]


@cache
def fill_schema(spec: CalculatorSpec) -> type[BaseModel]:
    """The calculator's argument model with every field optional (``None``: not stated in the question).

    Descriptions, types and enums stay the calculator's; only defaults change, because a default the model
    copies is a value the asker never gave."""
    fields: dict[str, Any] = {}
    for name, info in spec.arguments.model_fields.items():
        annotation = info.annotation
        fields[name] = (Optional[annotation], Field(default=None, description=info.description))  # noqa: UP045
    return create_model(spec.name, __doc__=spec.description, __module__=__name__, **fields)


def _structured(
    model: BaseChatModel, schema: type[BaseModel], system: str, user: str, method: StructuredMethod
) -> BaseModel:
    """One structured-output call: the reply validated by ``schema``, or ``LLMOutputError``."""
    # ``method`` is ChatOpenAI's; LangChain's base implementation (a forced tool call) takes no such argument
    options: dict[str, Any] = (
        {"method": method} if "method" in inspect.signature(model.with_structured_output).parameters else {}
    )
    try:
        structured = model.with_structured_output(schema, **options)
    except NotImplementedError as err:
        raise LLMOutputError(f"the model cannot give structured output: {err}") from err
    reply = structured.invoke([SystemMessage(system), HumanMessage(user)])
    if reply is None:
        raise LLMOutputError(f"the model gave no {schema.__name__}")
    return reply if isinstance(reply, BaseModel) else schema.model_validate(reply)


def fill_arguments(
    model: BaseChatModel, spec: CalculatorSpec, system: str, user: str, method: StructuredMethod = "json_schema"
) -> dict[str, Any]:
    """The arguments the model reads from ``user``, validated by the calculator's optional-field schema; the
    ones it left empty are dropped. A reply that does not fit the schema raises ``LLMOutputError``."""
    parsed = _structured(model, fill_schema(spec), system, user, method)
    return {k: v for k, v in parsed.model_dump().items() if v is not None}


NO_CALCULATOR = "none"


@cache
def choice_schema(names: tuple[str, ...]) -> type[BaseModel]:
    """``{"calculator": <one of names> | "none"}``: which calculator a question asks for, if any."""
    choice = Literal[(*names, NO_CALCULATOR)]  # type: ignore[valid-type]
    return create_model(
        "choose_calculator",
        __doc__="The calculator whose result the question asks for, or none when it asks what a rule says.",
        __module__=__name__,
        calculator=(choice, Field(description="a calculator name, or none")),
    )


def choose_calculator(
    model: BaseChatModel, names: tuple[str, ...], system: str, user: str, method: StructuredMethod = "json_schema"
) -> str | None:
    """The calculator the model says the question asks for; ``None`` for none."""
    parsed = _structured(model, choice_schema(names), system, user, method)
    name = str(getattr(parsed, "calculator", NO_CALCULATOR))
    return None if name == NO_CALCULATOR else name
