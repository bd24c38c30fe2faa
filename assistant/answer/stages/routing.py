"""Routing: a calculation (every input known), a clarifying question (an input missing or unclear), or
the documents (a rule, a weight, a meaning, a fact)."""

from __future__ import annotations

from assistant.answer.stages.analysis import Analysis
from assistant.answer.understanding.planning import Plan, plan_question


class Routing:
    def run(self, analysis: Analysis) -> Plan:
        return plan_question(analysis.reading)
