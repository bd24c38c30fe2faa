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


def fill_arguments(
    model: BaseChatModel, spec: CalculatorSpec, system: str, user: str, method: StructuredMethod = "json_schema"
) -> dict[str, Any]:
    """The arguments the model reads from ``user``, validated by the calculator's optional-field schema; the
    ones it left empty are dropped. A reply that does not fit the schema raises ``LLMOutputError``."""
    schema = fill_schema(spec)
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
        raise LLMOutputError("the model filled no arguments")
    parsed = reply if isinstance(reply, BaseModel) else schema.model_validate(reply)
    return {k: v for k, v in parsed.model_dump().items() if v is not None}
