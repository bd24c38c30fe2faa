"""LLM arguments: the model fills the routed calculator's arguments; the deterministic reading checks them.

Runs in LLM mode for a plan that names a calculator (a calculation, or a clarifying question). The model sees
the question, the facts stated around it and the numbers the reader found, and answers in the calculator's
JSON schema (``assistant.llm.structured``). ``argument_check`` decides what follows: the same plan, the plan
with inputs the model resolved, or a clarifying question naming both readings where they disagree. A model
that fails or answers out of schema leaves the plan as it was."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from langchain_core.language_models.chat_models import BaseChatModel

from assistant.answer.stages.analysis import Analysis
from assistant.answer.understanding.argument_check import (
    ArgumentCheck,
    check_arguments,
    check_choice,
    open_to_reading,
    stated_mentions,
)
from assistant.answer.understanding.planning import Plan
from assistant.llm.errors import LLM_FAILURES
from assistant.llm.prompts import ARGUMENTS_PROMPT, CHOICE_PROMPT, format_calculators, format_numbers
from assistant.llm.structured import StructuredMethod, choose_calculator, fill_arguments
from tools.schema import calculator_specs

log = logging.getLogger(__name__)

_UNITS = {"t": "tCO2e", "mwh": "MWh", "percent": "%", "year": "(year)", "number": ""}


@dataclass(frozen=True)
class ArgumentsOutcome:
    plan: Plan
    proposed: dict[str, Any] | None = None  # None: the model gave nothing usable
    check: ArgumentCheck | None = None
    error: str = ""
    chosen: str | None = None  # the calculator the model chose for a documents plan ("" for none)


class LLMArguments:
    def __init__(self, model: BaseChatModel, method: StructuredMethod = "json_schema") -> None:
        self.model = model
        self.method = method

    def run(self, analysis: Analysis, plan: Plan) -> ArgumentsOutcome:
        if plan.kind == "fact" and open_to_reading(plan, analysis.reading):
            return self.choose_and_read(analysis, plan)
        if plan.kind not in ("calculation", "clarify") or not plan.calculator:
            return ArgumentsOutcome(plan)
        spec = calculator_specs()[plan.calculator]
        try:
            proposed = fill_arguments(
                self.model, spec, ARGUMENTS_PROMPT, self.message(analysis, spec.name), self.method
            )
        except LLM_FAILURES as err:
            log.warning("the model filled no arguments for %s: %s", spec.name, err)
            return ArgumentsOutcome(plan, error=f"{type(err).__name__}: {err}"[:300])
        check = check_arguments(plan, proposed, analysis.reading, spec)
        return ArgumentsOutcome(check.plan, proposed, check)

    def choose_and_read(self, analysis: Analysis, plan: Plan) -> ArgumentsOutcome:
        """A documents plan where the reader found no figure it could use although the asker wants a result:
        the model names the calculator (or none) and reads its arguments; the planner decides again."""
        specs = calculator_specs()
        described = [(name, spec.description) for name, spec in specs.items()]
        system = CHOICE_PROMPT.format(calculators=format_calculators(described))
        try:
            chosen = choose_calculator(self.model, tuple(specs), system, self.message(analysis), self.method)
            if chosen is None:
                return ArgumentsOutcome(plan, {}, chosen="")
            spec = specs[chosen]
            proposed = fill_arguments(self.model, spec, ARGUMENTS_PROMPT, self.message(analysis, chosen), self.method)
        except LLM_FAILURES as err:
            log.warning("the model chose or filled no calculator: %s", err)
            return ArgumentsOutcome(plan, error=f"{type(err).__name__}: {err}"[:300])
        check = check_choice(plan, proposed, analysis.reading, spec)
        return ArgumentsOutcome(check.plan, proposed, check, chosen=chosen)

    def message(self, analysis: Analysis, calculator: str | None = None) -> str:
        """The question, the facts around it and the numbers the reader found (with the calculator to fill)."""
        numbers = [
            (m.text, f"{m.date} (date)" if m.date else f"{m.value:.12g} {_UNITS.get(m.unit, m.unit)}".strip())
            for m in stated_mentions(analysis.reading)
        ]
        named = ""
        if calculator:
            named = f"Calculator `{calculator}`: {calculator_specs()[calculator].description}\n\n"
        facts = f"Facts stated before the question:\n{analysis.context}\n\n" if analysis.context else ""
        return f"{named}{facts}Question:\n{analysis.question}\n\n{format_numbers(numbers)}"
