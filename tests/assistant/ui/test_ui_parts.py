"""The UI's parts without a browser: labels and verdict words from the catalog, the pathway chart's lines
and figure, results and source cards in the reader's language, the helpdesk draft as a plain-text e-mail."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from assistant.answer.models import Answer, Citation, ToolCall
from assistant.corpus.manifest import load_manifest
from assistant.llm.tool_binding import tool_schemas
from assistant.messages import LANGS, catalog
from assistant.ui.app import FeedbackLog, conversation_markdown
from assistant.ui.calculator_forms import (
    EXAMPLE_VALUES,
    choice_pairs,
    form_schemas,
    render_result,
    rule_line,
    to_arguments,
)
from assistant.ui.doc_titles import DocumentTitles
from assistant.ui.email_draft import plain_text, reader_reply
from assistant.ui.labels import VERDICT_TONE, clause_text, locator_text, ui, unit_text, verdict_word
from assistant.ui.pathway_chart import pathway, pathway_figure, pathway_rows, pathway_table
from assistant.ui.source_cards import readable_inputs, source_cards, sources_markdown
from tools import rules
from tools.errors import LocalizedError
from tools.pathways import absolute_contraction, check_absolute_target
from tools.registry import get_calculator

CORPUS = Path(__file__).resolve().parents[3] / "corpus"
TITLES = DocumentTitles.from_corpus(CORPUS)
SBTI = "004_3e93d633cc5b91bd.txt"


def test_every_calculator_field_has_a_label_and_every_calculator_a_description() -> None:
    for schema in tool_schemas().values():
        for field in schema["properties"]:
            if field != "rule_set":
                assert catalog().has(f"ui.field.{field}"), field
    for name in form_schemas():
        assert catalog().has(f"ui.description.{name}"), name


def test_every_verdict_code_has_a_word_in_each_language() -> None:
    codes = {"meets", "does_not_meet", "meets_minimum", "below_minimum", "required", "not_required", "valid"}
    codes |= {"not_valid", "complete", "incomplete", "within_allowance", "exceeds_allowance"}
    assert set(VERDICT_TONE) == codes
    for code in codes:
        words = {verdict_word(code, lang) for lang in LANGS}
        assert len(words) == 3 and code not in words, code


def test_rule_table_words_in_the_readers_language() -> None:
    units = {str(r.get("unit", "")) for r in rules.all_rows() if r.get("unit")}
    for unit in units:
        assert unit_text(unit, "vi") != unit, unit  # every unit the rule table uses is in the catalog
    assert unit_text("%/yr, linear", "zh") == "%/年，线性"
    assert clause_text("Executive summary; Table 4; C19", "vi") == "Tóm tắt; Bảng 4; C19"
    assert locator_text("pp. 24–25, C17", "zh") == "第24–25页, C17" and locator_text("p. 3", "vi") == "tr. 3"


def test_choices_read_in_the_readers_language() -> None:
    spec = form_schemas()["absolute_contraction"]["properties"]
    assert choice_pairs("ambition", spec["ambition"], "zh") == [("1.5°C", "1.5C"), ("远低于2°C", "WB2C"), ("2°C", "2C")]
    assert ("phạm vi 3", "s3") in (choice_pairs("scope", spec["scope"], "vi") or [])
    industries = choice_pairs("industry", form_schemas()["cati_score"]["properties"]["industry"], "vi") or []
    assert ("Dệt may", "textile") in industries


def test_form_values_become_typed_arguments() -> None:
    schema = tool_schemas()["cati_score"]
    assert to_arguments(schema, ["1.1.1， 2.1.1", None]) == {"indicator_ids": ["1.1.1", "2.1.1"]}
    schema = tool_schemas()["absolute_contraction"]
    args = to_arguments(schema, [2020.0, 2030.0, "1.5C", "s1+s2", None, "sbti-apparel-2019"])
    assert args["base_year"] == 2020 and isinstance(args["base_year"], int) and "base_emissions" not in args


def test_pathway_lines_come_from_the_calculators() -> None:
    result = check_absolute_target(2020, 2030, 30, base_emissions=1000)
    by_series: dict[str, list[float]] = {}
    for r in pathway_rows(result, "en"):
        by_series.setdefault(r["series"], []).append(r["emissions"])
    assert by_series["Your plan"][0] == 1000 and by_series["Your plan"][-1] == 700
    assert by_series["Target"][-1] == 750  # what the rules ask: well-below 2°C, 2.5 %/yr × 10
    assert by_series["1.5°C"][-1] == 580  # 4.2 %/yr × 10, linear
    assert by_series["well-below 2°C"][-1] == 750
    indexed = pathway(absolute_contraction(2020, 2030))
    assert indexed is not None and indexed.indexed and indexed.series[0].points[0] == (2020, 100.0)


def test_pathway_figure_is_readable() -> None:
    found = pathway(check_absolute_target(2020, 2030, 30, base_emissions=1000))
    assert found is not None
    figure = json.loads(pathway_figure(found, "vi").plot)
    traces = figure["data"]
    assert sorted(t["legendrank"] for t in traces) == [1, 2, 3, 4]  # target, 1.5°C, well-below 2°C, your plan
    assert len({t["line"]["dash"] for t in traces}) == len(traces)  # coinciding lines stay apart
    assert {t["name"] for t in traces} == {"Mục tiêu", "Kế hoạch của bạn", "1,5°C", "thấp hơn nhiều so với 2°C"}
    layout = figure["layout"]
    assert layout["legend"]["orientation"] == "h" and layout["separators"] == ",."
    assert [s["x0"] for s in layout["shapes"]] == [2020, 2030]
    assert [a["text"] for a in layout["annotations"]] == ["Năm cơ sở 2020", "Năm mục tiêu 2030"]
    assert layout["xaxis"]["title"]["text"] == "Năm"
    table = pathway_table(found, "vi")
    assert list(table.columns) == ["Năm", "Mục tiêu", "1,5°C", "thấp hơn nhiều so với 2°C", "Kế hoạch của bạn"]
    assert table.iloc[1]["1,5°C"] == "958"  # 1000 − 4.2 %
    assert (
        pathway_table(pathway(check_absolute_target(2020, 2030, 33.3, base_emissions=1000)), "vi").iloc[1][
            "Kế hoạch của bạn"
        ]
        == "966,7"
    )


def test_result_in_the_readers_language() -> None:
    text = render_result(absolute_contraction(2020, 2030, base_emissions=5000), "zh", TITLES)
    visible = text.split("<details")[0]
    assert "2900" in visible and "§3.2" in visible and "结果" in visible
    assert "达到最低要求" in visible and "meets_minimum" not in visible  # the verdict as a word on a badge
    assert 'class="verdict-badge verdict-good"' in visible
    assert "%/年，线性" in visible and "%/yr" not in visible
    assert "SBTi 服装鞋类行业指南（2019）" in visible and SBTI not in visible.replace(f"({SBTI})", "")
    assert "<details" in text and "&quot;calculator&quot;" in text  # raw data folded away


def test_manifest_short_titles() -> None:
    for entry in load_manifest(CORPUS).values():
        assert set(entry.short_titles) == set(LANGS), entry.file
        assert all(entry.short_titles[lang].strip() for lang in LANGS)
    assert TITLES.short("004", "en") == TITLES.short(SBTI, "en") == "SBTi apparel and footwear guidance (2019)"
    assert TITLES.short("user-added.pdf", "vi", "A guide") == "A guide"


def _answer(doc: str = SBTI) -> Answer:
    rule_quote = "1.5°C(最低年度线性减排4.2%)"
    calc = check_absolute_target(2020, 2030, 30)
    return Answer(
        question="q",
        language="vi",
        answer="Trả lời [1]",
        refused=False,
        citations=[
            Citation(
                id=1,
                doc=doc,
                title="服装鞋类行业科学碳目标设定指南",
                locator="p. 24, C16",
                quote=rule_quote,
                language="zh",
                translation="1,5°C (mức giảm tuyến tính tối thiểu 4,2%/năm)",
                translation_lang="vi",
            )
        ],
        tool_calls=[ToolCall(name="check_absolute_target", arguments=calc.inputs, result=calc.model_dump())],
    )


def test_source_cards_translation_first_original_on_expand_each_rule_once() -> None:
    html = source_cards(_answer(), "vi", TITLES)
    card = html.split("</div>", 1)[1]
    assert card.index("1,5°C (mức giảm") < card.index("<details")  # our translation first
    assert "Bản dịch không chính thức của dự án" in html
    original = html[html.index('<details class="source-original">') :]
    assert "最低年度线性减排4.2%" in original.split("</details>")[0]  # the original one click away
    head = html.split("<blockquote")[0]
    assert "Hướng dẫn SBTi ngành may mặc và giày dép (2019)" in head and "tr. 24, C16" in head
    assert SBTI not in head.split('title="')[0]
    steps = html[html.index("**Công cụ tính") :]
    assert "trích dẫn ở nguồn [1]" in steps and steps.split("<details")[0].count("最低年度线性减排4.2%") == 0
    assert "Năm cơ sở: 2020" in steps and "Đạt" in steps
    assert "{" not in steps.split("<details")[0]  # raw JSON only behind the fold
    machine = source_cards(_answer("uploaded-guide.pdf"), "vi", TITLES)
    assert "Bản dịch máy" in machine


def test_exported_conversation(tmp_path: Path) -> None:
    answer = _answer()
    md = sources_markdown(answer, "vi", TITLES)
    assert "tr. 24, C16" in md and "> 1,5°C (mức giảm" in md and "Nguyên văn (tiếng Trung)" in md
    history: list[dict[str, Any]] = [
        {"role": "user", "content": "q"},
        {"role": "assistant", "content": [{"type": "text", "text": "Trả lời [1]"}]},
    ]
    exported = conversation_markdown(history, [answer.model_dump()], "vi", TITLES)
    assert "**Bạn:** q" in exported and "Trả lời [1]" in exported and SBTI in exported
    log = FeedbackLog(tmp_path / "fb" / "f.jsonl")
    log.add({"liked": True, "question": "q"})
    assert '"liked": true' in (tmp_path / "fb" / "f.jsonl").read_text(encoding="utf-8")


DRAFT = """Kính gửi Quý công ty,

Cảm ơn Quý công ty đã liên hệ.

> Cascale dành mười giờ hỗ trợ tư vấn mỗi năm. [1]
> _Bản dịch không chính thức của dự án. Nguyên văn (tiếng Trung): «…»_

**Nguồn**

[1] Các yếu tố chính của khung chương trình MCAP (000_0879da0e186f5247.txt), § CÔNG BỐ: “Cascale …”

**Các bước tiếp theo**

- Quý công ty có thể dùng giờ tư vấn MCAP.
- Liên hệ [mcap@cascale.org](mailto:mcap@cascale.org).

Trân trọng,
Nhóm hỗ trợ MCAP"""


def test_draft_reply_sources_at_the_end_in_the_readers_language() -> None:
    citations = [{"id": 1, "doc": "000_0879da0e186f5247.txt", "title": "x", "locator": "p. 2", "quote": "q"}]
    ready = reader_reply(DRAFT, citations, "vi", TITLES)
    assert ready.index("Nhóm hỗ trợ MCAP") < ready.index("**Nguồn**")  # moved after the sign-off
    assert ready.count("**Nguồn**") == 1 and "000_0879da0e186f5247" not in ready
    assert ready.rstrip().splitlines()[-2].startswith("[1] Các yếu tố chính của MCAP, tr. 2")
    assert reader_reply(ready, citations, "vi", TITLES) == ready  # an approved reply reused: unchanged
    signed = ready + "\n\n(Đã kiểm tra: Lan)"  # staff sign below the sources, then approve
    again = reader_reply(signed, citations, "vi", TITLES)
    assert again.endswith("(Đã kiểm tra: Lan)") and again.count("**Nguồn**") == 1


def test_plain_text_email_has_no_markdown_marks() -> None:
    email = plain_text(reader_reply(DRAFT, [], "vi", TITLES))
    assert "**" not in email and "> " not in email and "_Bản" not in email and "[mcap" not in email
    assert "    Cascale dành mười giờ" in email  # a quote indented
    assert "• Quý công ty có thể dùng giờ tư vấn MCAP." in email
    assert "Liên hệ mcap@cascale.org." in email  # a mailto link once, as its text
    assert "Trân trọng,\nNhóm hỗ trợ MCAP" in email
    assert plain_text("1. one\n2. two\n\n# Title\n\ntext `code`") == "1. one\n2. two\n\nTITLE\n\ntext code\n"


def test_optional_figures_typed_as_text() -> None:
    """An empty optional figure is left out (a Gradio Number field would send 0: "inventory year 0")."""
    schema = form_schemas()["supplier_engagement"]
    assert "coverage_percent" not in to_arguments(schema, [2026, 2030, "", "emissions", "sbti-apparel-2019"])
    assert to_arguments(schema, [2026, 2030, "67,5", "emissions", "sbti-apparel-2019"])["coverage_percent"] == 67.5
    try:
        to_arguments(schema, [2026, 2030, "abc", "emissions", "sbti-apparel-2019"])
    except LocalizedError as err:
        assert err.message("vi") == "Mức bao phủ (%): «abc» không phải là một số."
    else:
        raise AssertionError("a word in a number field is refused")


def test_every_calculator_result_renders_in_each_language() -> None:
    for name, schema in form_schemas().items():
        values = [EXAMPLE_VALUES.get(f, s.get("default")) for f, s in schema["properties"].items()]
        result = get_calculator(name)(**to_arguments(schema, values))
        for lang in LANGS:
            text = render_result(result, lang, TITLES).split("<details")[0]
            assert ui("result", lang) in text, (name, lang)
            if result.verdict:
                assert verdict_word(result.verdict, lang) in text, (name, lang)
                assert "_" not in result.verdict or result.verdict not in text, (name, lang)  # no raw code


def test_every_rule_unit_the_calculators_write_reads_in_each_language() -> None:
    # units written in the tools' code (the rule table's are checked through the calculators' results)
    from assistant.ui.labels import UNIT_KEYS

    tools_dir = Path(__file__).resolve().parents[3] / "tools"
    units = {m for f in tools_dir.glob("*.py") for m in re.findall(r'unit="([^"]+)"', f.read_text(encoding="utf-8"))}
    assert units and units <= set(UNIT_KEYS), units - set(UNIT_KEYS)
    for unit in units:
        assert unit_text(unit, "zh") != unit and unit_text(unit, "vi") != unit


def test_a_list_of_weights_reads_as_figures() -> None:
    from tools.cati import cati_weighted_score

    line = rule_line(cati_weighted_score(80, 60, 50, 25, 30).rules[0], "vi")
    assert "10 / 17 / 14 / 17 / 42% trọng số của từng chiều" in line and "[10" not in line


def test_inputs_left_out_are_not_named() -> None:
    # intensity and output changes without years: the card names the inputs given, never "None"
    args = {"base_year": None, "target_year": None, "intensity_reduction_percent": 35, "activity_growth_percent": 25}
    for lang in LANGS:
        shown = readable_inputs("intensity_to_absolute", args, lang)
        assert "None" not in shown and "35" in shown and "25" in shown
    assert "2020" in readable_inputs("intensity_to_absolute", {**args, "base_year": 2020, "target_year": 2030}, "en")
