"""Routing: a calculation (every input known), a clarifying question (an input missing or unclear), the
documents (a rule, a weight, a meaning, a fact), or a decline (an off-topic request, or one for secrets)."""

from __future__ import annotations

from assistant.answer.stages.analysis import Analysis
from assistant.answer.stages.request_kind import RequestKind
from assistant.answer.understanding.planning import Plan, plan_question


class Routing:
    def __init__(self, request_kind: RequestKind | None = None) -> None:
        self.request_kind = request_kind

    def run(self, analysis: Analysis) -> Plan:
        plan = plan_question(analysis.reading)
        if plan.kind in ("decline", "question_back") or self.request_kind is None:
            return plan
        # the phrase lists found no decline: the nearest labelled request may still be off-topic or a secret
        # (one like the questions the documents do not answer is answerability's to decline, with related passages)
        kind = self.request_kind.run(analysis.question)
        return Plan("decline", reason=kind) if kind in ("off_topic", "secret") else plan
