from __future__ import annotations

from pathlib import Path

from assistant.answer.models import Answer, Citation
from assistant.llm.tool_binding import tool_schemas
from assistant.messages import catalog
from assistant.ui.app import FeedbackLog, conversation_markdown, sources_markdown
from assistant.ui.calculator_forms import render_result, to_arguments
from assistant.ui.pathway_chart import pathway_rows
from tools.pathways import absolute_contraction, check_absolute_target


def test_every_calculator_field_has_a_label() -> None:
    for schema in tool_schemas().values():
        for name in schema["properties"]:
            if name != "rule_set":
                assert catalog().has(f"ui.field.{name}"), name


def test_form_values_become_typed_arguments() -> None:
    schema = tool_schemas()["cati_score"]
    assert to_arguments(schema, ["1.1.1， 2.1.1", None]) == {"indicator_ids": ["1.1.1", "2.1.1"]}
    schema = tool_schemas()["absolute_contraction"]
    args = to_arguments(schema, [2020.0, 2030.0, "1.5C", "s1+s2", None, "sbti-apparel-2019"])
    assert args["base_year"] == 2020 and isinstance(args["base_year"], int) and "base_emissions" not in args


def test_pathway_chart_lines_come_from_the_calculators() -> None:
    result = check_absolute_target(2020, 2030, 30, base_emissions=1000)
    rows = pathway_rows(result, "en", "Target")
    by_series: dict[str, list[float]] = {}
    for r in rows:
        by_series.setdefault(r["series"], []).append(r["emissions"])
    assert by_series["Target"][0] == 1000 and by_series["Target"][-1] == 700
    assert by_series["1.5°C"][-1] == 580  # 4.2 %/yr × 10, linear
    assert by_series["well-below 2°C"][-1] == 750
    assert pathway_rows(absolute_contraction(2020, 2030), "vi", "Mục tiêu")[0]["emissions"] == 100  # indexed


def test_result_and_sources_rendering(tmp_path: Path) -> None:
    text = render_result(absolute_contraction(2020, 2030, base_emissions=5000), "zh")
    assert "2900" in text and "§3.2" in text and "结果" in text
    answer = Answer(
        question="q",
        language="vi",
        answer="Trả lời [1]",
        refused=False,
        citations=[Citation(id=1, doc="004.txt", title="T", locator="p. 24, C16", quote="范围三")],
    )
    md = sources_markdown(answer, "vi")
    assert "p. 24, C16" in md and "> 范围三" in md
    history = [{"role": "user", "content": "q"}, {"role": "assistant", "content": "Trả lời [1]"}]
    exported = conversation_markdown(history, [answer.model_dump()], "vi")
    assert "**Bạn:** q" in exported and "004.txt" in exported
    log = FeedbackLog(tmp_path / "fb" / "f.jsonl")
    log.add({"liked": True, "question": "q"})
    assert '"liked": true' in (tmp_path / "fb" / "f.jsonl").read_text(encoding="utf-8")
