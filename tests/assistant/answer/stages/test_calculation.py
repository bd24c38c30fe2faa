from __future__ import annotations

from typing import Any

from assistant.answer.stages.calculation import Calculation
from assistant.answer.understanding.planning import Plan
from assistant.retrieval.retriever import Passage


class _Quotes:
    """Finds every rule quote, as the index would."""

    def __init__(self) -> None:
        self.asked: list[tuple[str, str, Any]] = []

    def find_quote(self, doc: str, quote: str, lang: str | None = None) -> Passage:
        self.asked.append((doc, quote, lang))
        return Passage(doc=doc, chunk_id=f"{doc}:{len(self.asked)}", locator="p. 3", text=quote, score=1.0)


def test_a_result_with_the_passages_its_rules_quote() -> None:
    quotes = _Quotes()
    outcome = Calculation(quotes).run(  # type: ignore[arg-type]
        Plan("calculation", "absolute_contraction", {"base_year": 2020, "target_year": 2030}), "vi"
    )
    assert outcome.result is not None and outcome.error is None
    assert outcome.result.outputs["required_reduction_percent"] == 42
    assert outcome.rule_passages and all(lang == "vi" for _, _, lang in quotes.asked)


def test_bad_input_is_an_outcome_not_an_exception() -> None:
    outcome = Calculation(_Quotes()).run(  # type: ignore[arg-type]
        Plan("calculation", "absolute_contraction", {"base_year": 2030, "target_year": 2020})
    )
    assert outcome.result is None and outcome.error is not None
    assert outcome.call.result["error"] == "target_before_base"
