"""The web UI in real headless Chromium (Debian's package, driven by Playwright): ask in Vietnamese,
see the answer and its sources, switch the interface to Chinese, run a calculator and see the chart.
Screenshots land in ``artifacts/screenshots`` for people to look at."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


def test_vietnamese_question_gets_answer_and_sources(page, shots: Path) -> None:  # type: ignore[no-untyped-def]
    page.fill("#question textarea", "Khi nào doanh nghiệp phải đặt mục tiêu phạm vi 3?")
    page.click("#send")
    page.wait_for_selector("#sources blockquote", timeout=60_000)
    page.wait_for_timeout(500)
    bot = page.locator("#chatbot .message.bot, #chatbot [data-testid='bot']").last
    answer = bot.inner_text()
    assert "Theo các tài liệu" in answer and "[1]" in answer
    sources = page.locator("#sources").inner_text()
    assert "004_3e93d633cc5b91bd.txt" in sources  # the SBTi guidance answers it (in Chinese)
    page.screenshot(path=str(shots / "ui_chat_vi.png"), full_page=True)


def test_switch_interface_to_chinese(page, shots: Path) -> None:  # type: ignore[no-untyped-def]
    page.click("#ui-lang label:has-text('中文')")
    page.wait_for_selector("#send:has-text('发送')", timeout=20_000)
    # tab labels are relabelled in the same update as the button, but may render a moment later
    page.get_by_role("tab", name="计算器").wait_for(state="visible", timeout=20_000)
    assert "您的问题" in page.locator("#question").inner_text()
    page.screenshot(path=str(shots / "ui_zh.png"), full_page=True)


def test_calculator_result_and_pathway_chart(page, shots: Path) -> None:  # type: ignore[no-untyped-def]
    page.get_by_role("tab", name="计算器").click()
    page.fill("#absolute_contraction-base_emissions input", "5000")
    page.click("#run-absolute_contraction")
    page.wait_for_selector("#result-absolute_contraction :text('42%')", timeout=30_000)
    result = page.locator("#result-absolute_contraction").inner_text()
    assert "2900" in result  # 5000 × (1 − 42%)
    assert "004_3e93d633cc5b91bd.txt" in result  # the rule's source
    chart = page.locator("#chart-absolute_contraction")
    chart.locator("canvas, svg").first.wait_for(timeout=30_000)
    page.screenshot(path=str(shots / "ui_calculator_zh.png"), full_page=True)


def test_glossary_search(page, shots: Path) -> None:  # type: ignore[no-untyped-def]
    page.get_by_role("tab", name="术语表").click()
    page.fill("#glossary-search textarea, #glossary-search input", "phạm vi 3")
    page.wait_for_timeout(1500)
    table = page.locator("#glossary-table").inner_text()
    assert "范围三" in table and "scope 3" in table
    page.screenshot(path=str(shots / "ui_glossary.png"), full_page=True)
