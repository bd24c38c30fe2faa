"""Admin upload of guidance documents: checked name, type and size, ingested like the CLI does;
a file that cannot be ingested is removed again and the index keeps what it had."""

import re
import threading
import unicodedata
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, UploadFile

from assistant.access.keys import Principal
from assistant.api.auth import require
from assistant.api.errors import request_language
from assistant.config import Settings
from assistant.corpus.errors import DocumentError
from assistant.corpus.ingest import IngestReport, ingest
from assistant.corpus.machine_translation import translate_document
from assistant.messages import texts
from tools.errors import LocalizedError

router = APIRouter(tags=["admin"])
ALLOWED_SUFFIXES = (".txt", ".md", ".pdf")
_UNSAFE = re.compile(r"[\x00-\x1f\x7f/\\:]")
_ingest_lock = threading.Lock()


def safe_file_name(raw: str | None, lang: str) -> str:
    """The name as given if it is a plain file name; anything that could leave the upload folder
    is refused rather than rewritten, so the uploader knows what was stored."""
    name = unicodedata.normalize("NFC", (raw or "").strip())
    if not name or len(name) > 200 or _UNSAFE.search(name) or name.startswith(".") or ".." in name:
        raise LocalizedError("bad_file_name", lang=lang, status=422)
    if Path(name).suffix.lower() not in ALLOWED_SUFFIXES:
        raise LocalizedError("unsupported_upload", lang=lang, status=415)
    return name


@router.post("/v1/documents")
def upload_document(
    file: UploadFile,
    request: Request,
    _: Annotated[Principal, Depends(require("documents.ingest"))],
    translate: Annotated[
        bool, Query(description="Machine-translate it first with the configured LLM (cached, checked)")
    ] = False,
) -> dict[str, Any]:
    """Add or update one document (.txt, .md, .pdf) in the index."""
    settings: Settings = request.app.state.settings
    lang = request_language(request)
    name = safe_file_name(file.filename, lang)
    data = file.file.read(settings.max_upload_bytes + 1)
    if len(data) > settings.max_upload_bytes:
        raise LocalizedError("upload_too_large", lang=lang, status=413, limit=settings.max_upload_bytes)
    folder = settings.data_dir / "uploads"
    target = folder / name
    retriever = request.app.state.retriever
    with _ingest_lock:
        active = retriever.store.active_generation()
        records = retriever.store.doc_records(active) if active else {}
        existing = records.get(name)
        if existing and Path(str(existing.get("source_path", ""))).resolve() != target.resolve():
            raise LocalizedError("document_exists", lang=lang, status=409, name=name)
        folder.mkdir(parents=True, exist_ok=True)
        previous = target.read_bytes() if target.is_file() else None
        partial = folder / f".{name}.part"
        partial.write_bytes(data)
        partial.replace(target)
        translation = machine_translate(request, target) if translate else None
        report = ingest(settings, [target], progress=False)
        if report.failed:
            # put back what was there (or nothing), so the folder matches the index
            if previous is None:
                target.unlink(missing_ok=True)
            else:
                target.write_bytes(previous)
            failure = report.failed[0][1]
            raise LocalizedError("document_rejected", lang=lang, status=422, detail=failure.message(lang))
        retriever.refresh(max_age_s=0)
    return {
        "doc": name,
        "added": report.added,
        "updated": report.updated,
        "unchanged": report.unchanged,
        "chunks_written": report.chunks_written,
        "total_documents": report.total_documents,
        "translation": translation,
        "translations_served": _served(report, name),
    }


def machine_translate(request: Request, target: Path) -> dict[str, Any]:
    """The uploaded file's segments translated by the configured LLM (the answer service's model), or why not.
    An unreadable file is left to ingest, which rejects it as before."""
    model = request.app.state.service.chat_model
    if model is None:
        return {"skipped": "no_llm"}
    try:
        report = translate_document(target, request.app.state.settings, model, request.app.state.retriever.glossary)
    except DocumentError:
        return {"skipped": "unreadable"}
    return report.as_json()


def _served(report: IngestReport, name: str) -> dict[str, Any]:
    """What ingest serves of the document's translations: languages, segments, segments left out."""
    tr = report.translations.get(name)
    return {"languages": tr.languages, "segments": tr.served, "left_out": len(tr.failed)} if tr else {}


@router.delete("/v1/documents/{name}")
def delete_document(
    name: str, request: Request, _: Annotated[Principal, Depends(require("documents.ingest"))]
) -> dict[str, Any]:
    """Take a document out of the index (and an uploaded file out of the upload folder). A document
    of the corpus folder comes back at the next ``assistant ingest`` of that folder."""
    settings: Settings = request.app.state.settings
    lang = request_language(request)
    name = safe_file_name(name, lang)
    retriever = request.app.state.retriever
    with _ingest_lock:
        store = retriever.store
        active = store.active_generation()
        if not active or name not in store.doc_records(active):
            raise LocalizedError("not_found", lang=lang, status=404, what=texts("workflow.record.document"), id=name)
        store.delete_doc(active, name)
        store.activate(active)  # a new stamp: other workers reload the index
        (settings.data_dir / "uploads" / name).unlink(missing_ok=True)
        retriever.refresh(max_age_s=0)
    return {"doc": name, "deleted": True}
