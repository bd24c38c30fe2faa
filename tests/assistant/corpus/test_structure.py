from __future__ import annotations

from assistant.corpus.structure import find_units, running_header_pages
from tests.conftest import CORPUS

HEADER = "服装鞋类行业科学碳目标设定指南"


def test_running_header_page_numbers_glued_to_text() -> None:
    # page 2, then page 3 whose text starts with "1.4" (glued: "31.4"), then page 4
    text = f"{HEADER}封面。{HEADER}2第二页。{HEADER}31.4第三页。{HEADER}4第四页。"
    skips, pages = running_header_pages(text, HEADER)
    assert [p.page for p in pages] == [1, 2, 3, 4]
    third = text[pages[2].start : pages[2].end]
    assert third.startswith("1.4第三页")
    assert all(HEADER in text[s.start : s.end] for s in skips)


def test_004_pages_are_sequential() -> None:
    raw = (CORPUS / "004_3e93d633cc5b91bd.txt").read_text(encoding="utf-8")
    _, pages = running_header_pages(raw, HEADER)
    numbers = [p.page for p in pages]
    assert numbers == list(range(1, len(numbers) + 1))
    assert len(numbers) >= 40
    c16 = raw.find("■C16-")
    page = next(p.page for p in pages if p.start <= c16 < p.end)
    assert page == 24  # C16 sits in section 4.1 on page 24 of the guide


def test_clause_ids_caps_headings_and_table_cells() -> None:
    text = (
        "CÁC YẾU TỐ CHÍNH CỦA KHUNG CHƯƠNG \nTRÌNH MCAP\n\nNội dung.\n"
        "\t1.1 政策宣示(5)\t1.1.1 已做出气候行动的承诺\t1\n"
        "前文。■C16-要求设定范围三目标:如果……■R9-建议。"
    )
    units = find_units(text, [])
    labels = [(u.kind, u.label) for u in units if u.kind != "text"]
    assert ("heading", "CÁC YẾU TỐ CHÍNH CỦA KHUNG CHƯƠNG TRÌNH MCAP") in labels
    assert ("heading", "1.1 政策宣示(5)") in labels
    assert ("clause", "1.1.1") in labels
    assert ("clause", "C16") in labels
    assert ("clause", "R9") in labels
