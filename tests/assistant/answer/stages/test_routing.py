from __future__ import annotations

from assistant.answer.stages.analysis import QuestionAnalysis
from assistant.answer.stages.routing import Routing
from assistant.answer.understanding.planning import Plan


def _route(q: str) -> Plan:
    return Routing().run(QuestionAnalysis(4000).run(q, None))


def test_a_computed_result_goes_to_a_calculator() -> None:
    decision = _route("Giảm 30% từ 2020 đến 2030 có đạt 1,5°C không?")
    assert decision.kind == "calculation"
    assert decision.calculator == "check_absolute_target" and decision.arguments["reduction_percent"] == 30


def test_a_missing_input_is_a_clarifying_question() -> None:
    decision = _route("Chúng tôi giảm 30% thì có đạt 1,5°C không?")
    assert decision.kind == "clarify" and decision.missing


def test_a_question_about_a_rule_goes_to_the_documents() -> None:
    assert _route("What does MCAP ask of manufacturers?").kind == "fact"
