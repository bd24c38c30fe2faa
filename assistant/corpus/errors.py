"""Ingestion errors with a message in each of the three languages."""

from __future__ import annotations

from pathlib import Path


class DocumentError(Exception):
    """A file that cannot be ingested; the rest of the ingest goes on."""

    code = "document_error"
    templates: dict[str, str] = {
        "en": "Cannot read {name}.",
        "vi": "Không đọc được tệp {name}.",
        "zh": "无法读取文件 {name}。",
    }

    def __init__(self, path: Path | str, detail: str = "") -> None:
        self.path = Path(path)
        self.detail = detail
        super().__init__(self.message("en"))

    def message(self, lang: str = "en") -> str:
        text = self.templates.get(lang, self.templates["en"]).format(name=self.path.name)
        return f"{text} ({self.detail})" if self.detail else text

    @property
    def messages(self) -> dict[str, str]:
        return {lang: self.message(lang) for lang in ("vi", "zh", "en")}


class EncryptedPdfError(DocumentError):
    code = "encrypted_pdf"
    templates = {
        "en": "{name} is an encrypted PDF; remove the password and ingest it again.",
        "vi": "{name} là tệp PDF có mật khẩu; hãy gỡ mật khẩu rồi nạp lại.",
        "zh": "{name} 是加密的 PDF；请先去除密码再重新导入。",
    }


class CorruptDocumentError(DocumentError):
    code = "corrupt_document"
    templates = {
        "en": "{name} is damaged or not a readable document.",
        "vi": "Tệp {name} bị hỏng hoặc không phải tài liệu đọc được.",
        "zh": "文件 {name} 已损坏或无法读取。",
    }


class EmptyDocumentError(DocumentError):
    code = "empty_document"
    templates = {
        "en": "{name} has no extractable text (a scanned PDF needs OCR first).",
        "vi": "Tệp {name} không có văn bản trích xuất được (PDF dạng ảnh cần OCR trước).",
        "zh": "文件 {name} 没有可提取的文字（扫描版 PDF 需先做 OCR）。",
    }


class UnsupportedFileError(DocumentError):
    code = "unsupported_file"
    templates = {
        "en": "{name}: only .txt, .md and .pdf files can be ingested.",
        "vi": "{name}: chỉ nạp được tệp .txt, .md và .pdf.",
        "zh": "{name}：只能导入 .txt、.md 和 .pdf 文件。",
    }


class FileTooLargeError(DocumentError):
    code = "file_too_large"
    templates = {
        "en": "{name} is larger than the ingest limit.",
        "vi": "Tệp {name} vượt quá giới hạn dung lượng cho phép.",
        "zh": "文件 {name} 超过导入大小上限。",
    }
