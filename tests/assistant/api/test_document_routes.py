"""Admin document upload: only admins; names that could leave the upload folder, wrong types,
oversized, broken, encrypted and decompression-bomb PDFs get a clear error in the asker's language,
and the index keeps every document it had."""

from __future__ import annotations

import zlib
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from assistant.api.document_routes import safe_file_name
from tests.assistant.api.upload_app import upload_client
from tests.conftest import write_pdf
from tools.errors import LocalizedError

if TYPE_CHECKING:
    import httpx2  # what Starlette's TestClient answers with when it is installed (openai 3 needs it)

ADMIN = {"Authorization": "Bearer admin-upload-key"}


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    return upload_client(tmp_path_factory.mktemp("upload"), "admin-upload-key", max_upload_bytes=400_000)


def _app(client: TestClient) -> FastAPI:
    assert isinstance(client.app, FastAPI)
    return client.app


def _docs(client: TestClient) -> set[str]:
    store = _app(client).state.retriever.store
    return set(store.doc_records(store.active_generation()))


def _upload(
    client: TestClient, name: str, data: bytes, headers: dict[str, str] | None = None, lang: str = "en"
) -> httpx2.Response:
    return client.post(
        "/v1/documents",
        files={"file": (name, data, "application/octet-stream")},
        headers={**ADMIN, **(headers or {}), "Accept-Language": lang},
    )


def test_a_pdf_is_ingested_and_found(client: TestClient, tmp_path: Path) -> None:
    pdf = write_pdf(tmp_path / "g.pdf", [("vi", "Năm cơ sở không được sớm hơn năm 2015.\nMục tiêu phạm vi 1 và 2.")])
    res = _upload(client, "hướng dẫn năm cơ sở.pdf", pdf.read_bytes())
    assert res.status_code == 200, res.text
    assert res.json()["added"] == ["hướng dẫn năm cơ sở.pdf"] and res.json()["chunks_written"] >= 1
    hits = client.get("/v1/retrieve", params={"q": "năm cơ sở 2015", "k": 3}).json()
    assert hits[0]["doc"] == "hướng dẫn năm cơ sở.pdf"


def test_only_admins_upload(client: TestClient) -> None:
    res = client.post("/v1/documents", files={"file": ("a.txt", b"hello", "text/plain")})
    assert res.status_code == 401


@pytest.mark.parametrize(
    "name", ["../../etc/cron.d/x.txt", "..\\..\\x.md", "/etc/passwd.txt", "a/b.md", ".hidden.md", "C:x.md"]
)
def test_path_traversal_names_are_refused(client: TestClient, name: str) -> None:
    before = _docs(client)
    res = _upload(client, name, b"some text about scope 3", lang="vi")
    assert res.status_code == 422, res.text
    assert "Tên tệp không hợp lệ" in res.json()["message"]
    assert _docs(client) == before


def test_wrong_type_and_size(client: TestClient) -> None:
    assert _upload(client, "tool.exe", b"MZ...").status_code == 415
    res = _upload(client, "big.txt", b"a" * 600_000, lang="zh")
    assert res.status_code == 413 and "过大" in res.json()["message"]


def _bomb_pdf() -> bytes:
    """One page whose content stream inflates from ~100 kB to 100 MB."""
    payload = zlib.compress(b" " * 100_000_000, 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(payload) + payload + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def test_broken_encrypted_and_bomb_pdfs_change_nothing(client: TestClient, tmp_path: Path) -> None:
    before = _docs(client)
    broken = _upload(client, "broken.pdf", b"%PDF-1.4\n" + bytes(range(256)) * 50, lang="vi")
    assert broken.status_code == 422 and "chỉ mục hiện có không thay đổi" in broken.json()["message"]
    locked = write_pdf(tmp_path / "locked.pdf", [("vi", "bí mật")], encrypt="secret")
    enc = _upload(client, "locked.pdf", locked.read_bytes())
    assert enc.status_code == 422 and "password" in enc.json()["message"].lower()
    bomb = _upload(client, "bomb.pdf", _bomb_pdf())
    assert bomb.status_code == 422, bomb.text
    assert _docs(client) == before
    uploads = _app(client).state.settings.data_dir / "uploads"
    assert not any(p.name in ("broken.pdf", "locked.pdf", "bomb.pdf") for p in uploads.iterdir())


def test_a_name_taken_by_another_source_is_refused(client: TestClient) -> None:
    res = _upload(client, "guide.md", b"# Replaced\n\nsomething else entirely")
    assert res.status_code == 409
    hits = client.get("/v1/retrieve", params={"q": "two-thirds of scope 3", "k": 3}).json()
    assert any("two-thirds" in h["text"] and h["doc"] == "guide.md" for h in hits)


@pytest.mark.parametrize("name", ["x\x00.txt", "a\nb.md", "", "   ", "x" * 300 + ".txt", "notes..md"])
def test_control_characters_and_odd_names(name: str) -> None:
    with pytest.raises(LocalizedError) as err:
        safe_file_name(name, "zh")
    assert err.value.status == 422 and "文件名无效" in err.value.message()


def test_delete_a_document(client: TestClient) -> None:
    assert _upload(client, "temporary.md", b"# Temp\n\nThe zebra rule applies to striped factories.").status_code == 200
    assert "temporary.md" in _docs(client)
    assert client.delete("/v1/documents/temporary.md").status_code == 401
    res = client.delete("/v1/documents/temporary.md", headers=ADMIN)
    assert res.status_code == 200
    assert "temporary.md" not in _docs(client)
    hits = client.get("/v1/retrieve", params={"q": "zebra rule striped factories", "k": 5}).json()
    assert all(h["doc"] != "temporary.md" for h in hits)
    assert client.delete("/v1/documents/temporary.md", headers={**ADMIN, "Accept-Language": "vi"}).status_code == 404
    assert client.delete("/v1/documents/..%2F..%2Fetc%2Fpasswd.txt", headers=ADMIN).status_code in (404, 422)
