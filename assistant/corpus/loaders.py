"""Read .txt, .md and .pdf files into text with page spans.

PDF pages are joined with a blank line and their character spans kept, so a chunk can cite the
page it came from.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass, field
from pathlib import Path

from assistant.corpus.errors import (
    CorruptDocumentError,
    EmptyDocumentError,
    EncryptedPdfError,
    FileTooLargeError,
    UnsupportedFileError,
)

SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".pdf")
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_PDF_PAGES = 2000
MAX_TEXT_CHARS = 5_000_000

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PageSpan:
    page: int
    start: int
    end: int


@dataclass
class LoadedText:
    text: str
    kind: str  # "txt" | "md" | "pdf"
    pages: list[PageSpan] = field(default_factory=list)
    pdf_title: str | None = None


def load_file(path: Path) -> LoadedText:
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise UnsupportedFileError(path)
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise FileTooLargeError(path, f"{size} bytes > {MAX_FILE_BYTES}")
    data = path.read_bytes()
    if suffix == ".pdf":
        return load_pdf_bytes(data, path)
    return LoadedText(text=_decode_text(data, path), kind="md" if suffix != ".txt" else "txt")


def _decode_text(data: bytes, path: Path) -> str:
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise CorruptDocumentError(path, "binary content")
    encodings = ("utf-16",) if data.startswith((b"\xff\xfe", b"\xfe\xff")) else ("utf-8-sig", "gb18030")
    for encoding in encodings:
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise CorruptDocumentError(path, "unknown text encoding")
    if not text.strip():
        raise EmptyDocumentError(path)
    return text


def load_pdf_bytes(data: bytes, path: Path) -> LoadedText:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            # An empty user password still opens some "encrypted" PDFs; anything else is refused.
            try:
                ok = reader.decrypt("")
            except Exception as exc:
                raise EncryptedPdfError(path) from exc
            if not ok:
                raise EncryptedPdfError(path)
        n_pages = len(reader.pages)
    except EncryptedPdfError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise CorruptDocumentError(path, type(exc).__name__) from exc
    if n_pages > MAX_PDF_PAGES:
        raise FileTooLargeError(path, f"{n_pages} pages > {MAX_PDF_PAGES}")

    parts: list[str] = []
    pages: list[PageSpan] = []
    offset = 0
    for number, page in enumerate(reader.pages, start=1):
        try:
            page_text = page.extract_text() or ""
        except Exception as exc:  # pypdf raises many kinds on damaged content streams
            log.warning("page %s of %s unreadable: %s", number, path.name, exc)
            page_text = ""
        page_text = page_text.strip()
        if offset + len(page_text) > MAX_TEXT_CHARS:
            raise FileTooLargeError(path, "extracted text too long")
        pages.append(PageSpan(number, offset, offset + len(page_text)))
        parts.append(page_text)
        offset += len(page_text) + 2
    text = "\n\n".join(parts)
    if not text.strip():
        raise EmptyDocumentError(path)
    title = None
    try:
        meta = reader.metadata
        title = str(meta.title) if meta and meta.title else None
    except Exception:
        title = None
    return LoadedText(text=text, kind="pdf", pages=pages, pdf_title=title)
