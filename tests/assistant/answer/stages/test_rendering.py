from __future__ import annotations

from assistant.answer.models import ToolCall
from assistant.answer.stages.calculation import CalcOutcome
from assistant.answer.stages.rendering import Rendering, segment_translation
from assistant.corpus.glossary import load_glossary
from tests.assistant.answer.stages.helpers import evidence, passage
from tests.conftest import CORPUS
from tools import rules
from tools.errors import CalculatorInputError

RENDER = Rendering(load_glossary(CORPUS / "glossary.csv"))
RULE_ZH = "1.5°C(最低年度线性减排4.2%)"


def test_evidence_in_the_readers_language_marked_as_ours_with_the_original() -> None:
    p = passage([(RULE_ZH, "1,5°C (mức giảm tuyến tính hằng năm tối thiểu 4,2%)")])
    text, [cite] = RENDER.fact("vi", [evidence(p, RULE_ZH, "1,5°C (mức giảm tuyến tính hằng năm tối thiểu 4,2%)")])
    opening = text.splitlines()[0]
    assert (
        opening.startswith("Theo tài liệu") and "4,2%" in opening and "最低" not in opening
    )  # reader's language first
    assert "Bản dịch không chính thức" in text and RULE_ZH in text  # marked as ours, original beside it
    assert cite.quote == RULE_ZH and cite.translation and cite.translation_lang == "vi"


def test_machine_translations_say_so() -> None:
    p = passage([("Tiêu chí A.", "Criterion A.")], language="vi", translation_lang="en", method="machine")
    text, _ = RENDER.fact("en", [evidence(p, "Tiêu chí A.", "Criterion A.")])
    assert "Machine translation" in text


def test_without_a_translation_the_original_is_quoted_and_its_language_named() -> None:
    p = passage([(RULE_ZH, None)], translation_lang=None)
    text, [cite] = RENDER.fact("en", [evidence(p, RULE_ZH, None)])
    assert text.startswith(f"According to the documents (p. 24, C16): {RULE_ZH} [1]") and cite.translation is None
    assert "> _quoted in Chinese_" in text


def test_todays_rules_note_follows_the_rules_table() -> None:
    cfg = rules.current_rules_note()
    p = passage([(RULE_ZH, None)], doc=cfg["document"], translation_lang=None)
    text, _ = RENDER.fact("en", [evidence(p, RULE_ZH, None)])
    assert "Current SBTi criteria differ" in text
    other = passage([(RULE_ZH, None)], doc="000_0879da0e186f5247.txt", translation_lang=None)
    assert "Current SBTi criteria differ" not in RENDER.fact("en", [evidence(other, RULE_ZH, None)])[0]


def test_calculator_errors_are_shown_in_the_askers_language() -> None:
    err = CalculatorInputError("target_before_base", "target_year", target_year=2020, base_year=2030)
    outcome = CalcOutcome(ToolCall(name="absolute_contraction", arguments={}, result={}), error=err)
    text, cites = RENDER.calculation("zh", outcome)
    assert "目标年（2020）必须晚于基准年（2030）" in text and cites == []


def test_the_translation_of_the_segments_holding_a_quote() -> None:
    p = passage([("甲。", "A."), ("乙丙", "B C."), ("丁。", "D.")])
    assert segment_translation(p, "丙丁") == "B C. D."
    assert segment_translation(p, "乙") == "B C."
    assert segment_translation(p, "戊") is None
