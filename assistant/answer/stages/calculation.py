"""Calculation: run the routed calculator and find, in the index, the passages its rules quote.

Numbers in a calculation answer come only from here: the result, or the calculator's error in the
asker's language."""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.answer.models import ToolCall
from assistant.answer.understanding.planning import Plan
from assistant.retrieval.retriever import HybridRetriever, Passage
from tools.errors import CalculatorInputError
from tools.registry import get_calculator
from tools.result import CalcResult, RuleRef


@dataclass
class CalcOutcome:
    call: ToolCall
    result: CalcResult | None = None
    error: CalculatorInputError | None = None
    rule_passages: list[tuple[RuleRef, Passage]] = field(default_factory=list)


class Calculation:
    def __init__(self, retriever: HybridRetriever) -> None:
        self.retriever = retriever

    def run(self, plan: Plan, lang: str | None = None) -> CalcOutcome:
        """Run the planned calculator; ``lang`` is the asker's, for the translations of rule quotes."""
        assert plan.calculator is not None
        name = plan.calculator
        try:
            result = get_calculator(name)(**plan.arguments)
        except CalculatorInputError as err:
            call = ToolCall(name=name, arguments=plan.arguments, result={"error": err.code, "message": err.messages})
            return CalcOutcome(call, error=err)
        found: list[tuple[RuleRef, Passage]] = []
        for ref in result.rules:
            if not ref.document or not ref.quote:
                continue
            passage = self.retriever.find_quote(ref.document, ref.quote, lang)
            if passage is not None:
                found.append((ref, passage))
        call = ToolCall(name=name, arguments=plan.arguments, result=result.model_dump())
        return CalcOutcome(call, result=result, rule_passages=found)
