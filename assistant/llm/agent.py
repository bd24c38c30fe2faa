"""One LLM turn with the calculators bound as tools.

The model may call tools (executed here, by code); tool calls that small local models write as
JSON text in the message are recognised too. What the model writes is checked afterwards by the
answer service (language, numbers, citations); nothing here is trusted blindly.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from langchain_core.language_models.chat_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, SystemMessage, ToolMessage
from langchain_core.tools import BaseTool
from pydantic import BaseModel, ValidationError

from tools.errors import CalculatorInputError

log = logging.getLogger(__name__)

ToolRunner = Callable[[str, dict[str, Any]], dict[str, Any]]
_JSON_CALL = re.compile(r"\{.*\}", re.DOTALL)


@dataclass
class AgentTurn:
    text: str
    tool_calls: list[tuple[str, dict[str, Any], dict[str, Any]]] = field(default_factory=list)
    messages: list[BaseMessage] = field(default_factory=list)


def _content_text(msg: AIMessage) -> str:
    content = msg.content
    if isinstance(content, str):
        return content
    parts = [p.get("text", "") if isinstance(p, dict) else str(p) for p in content]
    return "".join(parts)


def _json_tool_call(text: str, names: set[str]) -> tuple[str, dict[str, Any]] | None:
    """``{"name": "geva", "arguments": {...}}`` written as plain text by a small model."""
    m = _JSON_CALL.search(text.strip())
    if not m:
        return None
    try:
        obj = json.loads(m.group())
    except json.JSONDecodeError:
        return None
    if not isinstance(obj, dict):
        return None
    name = obj.get("name") or (obj.get("function") or {}).get("name")
    args = obj.get("arguments") or obj.get("parameters") or (obj.get("function") or {}).get("arguments") or {}
    if isinstance(args, str):
        try:
            args = json.loads(args)
        except json.JSONDecodeError:
            return None
    if name in names and isinstance(args, dict):
        return str(name), args
    return None


def invoke_tool(tools: Sequence[BaseTool], name: str, arguments: dict[str, Any]) -> dict[str, Any]:
    """Run the tool called ``name`` through ``tool.invoke(arguments)`` (its ``args_schema`` validates
    them first). What goes wrong is a result the model can read: a calculator's own input error as
    ``{"error": <code>, "message": <English>}``; an unknown tool, an unknown or missing argument or a
    value of the wrong type as ``{"error": "bad_call", "message": ...}``."""
    tool = next((t for t in tools if t.name == name), None)
    if tool is None:
        known = ", ".join(t.name for t in tools)
        return {"error": "bad_call", "message": f"unknown calculator {name!r}; known: {known}"}
    unexpected = sorted(set(arguments) - set(tool.args))
    if unexpected:
        return {"error": "bad_call", "message": f"{name}() got unexpected arguments: {', '.join(unexpected)}"}
    try:
        result = tool.invoke(dict(arguments))
    except CalculatorInputError as err:
        return {"error": err.code, "message": err.messages["en"]}
    except ValidationError as err:
        problems = "; ".join(f"{'.'.join(map(str, e['loc'])) or name}: {e['msg']}" for e in err.errors())
        return {"error": "bad_call", "message": f"{name}(): {problems}"}
    except (KeyError, TypeError) as err:
        return {"error": "bad_call", "message": str(err)}
    if isinstance(result, BaseModel):
        return result.model_dump()
    return result if isinstance(result, dict) else {"result": result}


def run_agent(
    model: BaseChatModel,
    system: str,
    user: str,
    tools: Sequence[BaseTool],
    run_tool: ToolRunner | None = None,
    history: list[BaseMessage] | None = None,
    max_rounds: int = 3,
) -> AgentTurn:
    bound: Any = model
    if tools:
        try:
            bound = model.bind_tools(tools)
        except NotImplementedError:
            bound = model
    names = {t.name for t in tools}
    runner: ToolRunner = run_tool or partial(invoke_tool, tools)
    messages: list[BaseMessage] = [SystemMessage(system), *(history or []), HumanMessage(user)]
    turn = AgentTurn(text="")
    for _ in range(max_rounds):
        ai = bound.invoke(messages)
        if not isinstance(ai, AIMessage):
            ai = AIMessage(content=str(getattr(ai, "content", ai)))
        messages.append(ai)
        calls = [
            (c["name"], dict(c.get("args") or {}), c.get("id") or f"call-{len(turn.tool_calls)}") for c in ai.tool_calls
        ]
        text = _content_text(ai)
        text_call = False
        if not calls and (parsed := _json_tool_call(text, names)):
            # A model that writes its tool call as text gets the result back as text: servers such as
            # llama.cpp reject an assistant turn with tool_calls but no content.
            calls = [(parsed[0], parsed[1], f"text-call-{len(turn.tool_calls)}")]
            text_call = True
        if not calls:
            turn.text = text
            break
        for name, args, call_id in calls:
            result = runner(name, args)
            turn.tool_calls.append((name, args, result))
            payload = json.dumps(result, ensure_ascii=False, default=str)
            if text_call:
                messages.append(HumanMessage(f"Result of {name}: {payload}"))
            else:
                messages.append(ToolMessage(content=payload, tool_call_id=call_id))
    turn.messages = messages
    return turn
