"""Tokens for BM25 and word overlap: Vietnamese typed with or without diacritics meets the documents."""

from __future__ import annotations

from assistant.text.tokenize import fold_diacritics, tokenize


def test_vietnamese_without_diacritics_gives_the_same_words() -> None:
    written = tokenize("Nhóm nòng cốt được bầu theo nhiệm kỳ 2 năm")
    typed = tokenize("nhom nong cot duoc bau theo nhiem ky 2 nam")
    assert {"nhom", "nong", "cot", "nhiem", "ky", "nam"} <= set(written) & set(typed)
    assert "nhiem_ky" in written  # syllable pairs of the documents' words are kept


def test_stop_words_chinese_and_english_are_as_before() -> None:
    assert "của" not in tokenize("mục tiêu của công ty") and "cua" not in tokenize("mục tiêu của công ty")
    assert tokenize("范围三目标") and all("范围" in t or "目标" in t or "三" in t for t in tokenize("范围三目标"))
    assert tokenize("Scope 3 targets") == ["scope", "3", "target"]


def test_fold_diacritics() -> None:
    assert fold_diacritics("Đồng Nai nhiệm kỳ") == "Dong Nai nhiem ky"


def test_a_vietnamese_question_without_diacritics_pairs_its_syllables() -> None:
    with_marks = set(tokenize("Ai là người phát biểu chính ở Thâm Quyến"))
    plain = tokenize("ai la nguoi phat bieu chinh o Tham Quyen", vietnamese=True)
    assert {"phat_bieu", "tham_quyen", "nguoi_phat"} <= set(plain) <= with_marks | {"ai"}
    assert "la" not in plain  # "là" without its mark is still a stop word
    assert "phat_bieu" not in tokenize("ai la nguoi phat bieu chinh")  # language unknown: English words
    assert {"targets", "target"} <= set(tokenize("muc tieu scope 3 targets", vietnamese=True))
