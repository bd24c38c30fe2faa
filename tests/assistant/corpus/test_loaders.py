from __future__ import annotations

from pathlib import Path

import pytest

from assistant.corpus.errors import (
    CorruptDocumentError,
    EmptyDocumentError,
    EncryptedPdfError,
    UnsupportedFileError,
)
from assistant.corpus.loaders import load_file
from tests.conftest import DEJAVU, write_pdf


def test_pdf_pages_are_kept_with_vietnamese_and_chinese_text(tmp_path: Path) -> None:
    if not DEJAVU.is_file():
        pytest.skip("DejaVu font (fonts-dejavu-core) not installed")
    pdf = write_pdf(
        tmp_path / "guide.pdf",
        [
            ("vi", "Mục tiêu phạm vi 3 phải bao phủ hai phần ba phát thải."),
            ("zh", "范围三目标必须覆盖范围三排放总量的三分之二。"),
        ],
    )
    loaded = load_file(pdf)
    assert loaded.kind == "pdf"
    assert [p.page for p in loaded.pages] == [1, 2]
    first = loaded.text[loaded.pages[0].start : loaded.pages[0].end]
    second = loaded.text[loaded.pages[1].start : loaded.pages[1].end]
    assert "phạm vi 3" in first
    assert "三分之二" in second


def test_encrypted_pdf_is_refused_with_messages_in_three_languages(tmp_path: Path) -> None:
    pdf = write_pdf(tmp_path / "secret.pdf", [("zh", "机密文件")], encrypt="s3cret")
    with pytest.raises(EncryptedPdfError) as info:
        load_file(pdf)
    assert set(info.value.messages) == {"vi", "zh", "en"}
    assert "mật khẩu" in info.value.message("vi")


def test_corrupt_pdf_gives_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage" + bytes(range(256)))
    with pytest.raises(CorruptDocumentError):
        load_file(bad)


def test_truncated_pdf_gives_a_clear_error(tmp_path: Path) -> None:
    good = write_pdf(tmp_path / "good.pdf", [("zh", "基准年")])
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(good.read_bytes()[:300])
    with pytest.raises((CorruptDocumentError, EmptyDocumentError)):
        load_file(cut)


def test_text_encodings_and_unsupported_files(tmp_path: Path) -> None:
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes("范围三目标".encode("gb18030"))
    assert load_file(gbk).text == "范围三目标"
    md = tmp_path / "note.md"
    md.write_text("# Tiêu đề\n\nNội dung", encoding="utf-8")
    assert load_file(md).kind == "md"
    with pytest.raises(UnsupportedFileError):
        load_file(tmp_path / "sheet.xlsx")
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    with pytest.raises(EmptyDocumentError):
        load_file(empty)
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    with pytest.raises(CorruptDocumentError):
        load_file(binary)
