"""Ingestion errors: a file that cannot be ingested, with the reason in each language (the rest of the
ingest goes on). One ``LocalizedError`` per category, so callers can tell an encrypted PDF from a
damaged one; the operator's detail (what the parser said) is appended in brackets."""

from __future__ import annotations

from pathlib import Path

from tools.errors import LocalizedError


class DocumentError(LocalizedError):
    default_status = 422
    default_code = "document_error"

    def __init__(self, path: Path | str, detail: str = "") -> None:
        self.path = Path(path)
        self.detail = detail
        super().__init__(name=self.path.name)

    @property
    def messages(self) -> dict[str, str]:
        base = super().messages
        return {lang: f"{text} ({self.detail})" if self.detail else text for lang, text in base.items()}


class EncryptedPdfError(DocumentError):
    default_code = "encrypted_pdf"


class CorruptDocumentError(DocumentError):
    default_code = "corrupt_document"


class EmptyDocumentError(DocumentError):
    default_code = "empty_document"


class UnsupportedFileError(DocumentError):
    default_code = "unsupported_file"


class FileTooLargeError(DocumentError):
    default_code = "file_too_large"
