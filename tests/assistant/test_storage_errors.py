"""An unwritable data folder or a full disk: ``assistant ingest`` and ``assistant serve`` stop with one
clear line in vi / zh / en (exit 2, no traceback), the API answers 503, and nothing already indexed is
lost.

Tests run as root in CI, where ``chmod`` does not stop writes; so the unwritable folder is a path under
a regular file, and the full disk is real (RLIMIT_FSIZE: no file may grow) or an ENOSPC raised at the
store's write boundary. The chmod test runs only where the permission bits actually hold.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import socket
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from assistant.api.app import create_app
from assistant.cli import app as cli_app
from assistant.config import Settings, get_settings
from assistant.corpus.ingest import open_store
from assistant.index.embedders import get_embedder
from assistant.index.vector_store import IndexUnavailableError, IndexWriteError
from tests.conftest import REPO

WRITE = IndexWriteError("(test)").messages
BIG = 20  # sentences: one is already more than the index files can take once they may not grow


def _cli(
    args: list[str],
    data_dir: Path,
    corpus: Path,
    preexec: Callable[[], None] | None = None,
    prefix: tuple[str, ...] = (),
    **env: str,
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*prefix, sys.executable, "-m", "assistant.cli", *args],
        env={**os.environ, "ASSISTANT_DATA_DIR": str(data_dir), "ASSISTANT_CORPUS_DIR": str(corpus), **env},
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        preexec_fn=preexec,
    )


def _assert_one_clear_line(stderr: str, lang: str) -> None:
    assert "Traceback" not in stderr, stderr
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert lines[0].startswith(WRITE[lang]), lines[0]


def _summary(stdout: str) -> tuple[int, int]:
    """(documents, chunks) from the ingest summary line."""
    m = re.search(r"documents: (\d+) .*; chunks: (\d+)", stdout)
    assert m, stdout
    return int(m.group(1)), int(m.group(2))


@pytest.fixture
def small_corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "en.md").write_text("# RE\n\nSource 80% renewable electricity by 2025.\n", encoding="utf-8")
    (corpus / "zh.txt").write_text("范围三目标必须覆盖范围三排放总量的三分之二。\n", encoding="utf-8")
    return corpus


def _add_document(corpus: Path, sentences: int = 3) -> None:
    """A new document; with enough sentences, indexing it must grow the index files."""
    text = "".join(
        f"Tier {i % 4} facilities phase out coal boiler {i} before {2030 + i % 10}. " for i in range(sentences)
    )
    (corpus / "coal.md").write_text(f"# Coal\n\n{text}\n", encoding="utf-8")


@pytest.fixture
def under_a_file(tmp_path: Path) -> Path:
    """A data folder that can never be created: its parent is a regular file (unwritable even for root)."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    return blocker / "data"


@pytest.mark.parametrize("lang", ["vi", "zh", "en"])
def test_ingest_into_an_unwritable_data_dir_says_so_in_one_line(
    under_a_file: Path, small_corpus: Path, lang: str
) -> None:
    out = _cli(["ingest", "-q", "--lang", lang], under_a_file, small_corpus)
    assert out.returncode == 2, out.stderr
    _assert_one_clear_line(out.stderr, lang)
    assert str(under_a_file) in out.stderr


def test_serve_on_an_unwritable_data_dir_stops_with_one_line(under_a_file: Path, small_corpus: Path) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    out = _cli(["serve", "--port", str(port)], under_a_file, small_corpus, LC_ALL="", LANG="zh_CN.UTF-8")
    assert out.returncode == 2, out.stderr
    _assert_one_clear_line(out.stderr, "zh")


def test_api_on_an_unwritable_data_dir_is_not_ready_and_answers_503(under_a_file: Path, small_corpus: Path) -> None:
    client = TestClient(create_app(Settings(data_dir=under_a_file, corpus_dir=small_corpus, ui_enabled=False)))
    assert client.get("/healthz").status_code == 200
    assert client.get("/readyz").status_code == 503
    res = client.get("/v1/retrieve", params={"q": "Mục tiêu phạm vi 3 là gì?"})
    assert res.status_code == 503 and res.json()["message"] == IndexUnavailableError().messages["vi"]
    res = client.post("/v1/ask", json={"question": "范围三目标是什么？"})
    assert res.status_code == 503 and res.json()["message"] == IndexUnavailableError().messages["zh"]


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_FSIZE semantics are Linux's")
def test_full_disk_during_ingest_keeps_the_index(tmp_path: Path, small_corpus: Path) -> None:
    import resource
    import signal

    data = tmp_path / "data"
    first = _cli(["ingest", "-q"], data, small_corpus)
    assert first.returncode == 0, first.stderr
    docs, chunks = _summary(first.stdout)
    assert docs == 2

    # a full disk for real: no file of the child may grow past the largest index file as it stands
    limit = max(f.stat().st_size for f in data.rglob("*") if f.is_file())

    def full_disk() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG instead
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    _add_document(small_corpus, BIG)
    added = _cli(["ingest", "-q", "--lang", "vi"], data, small_corpus, preexec=full_disk)
    assert added.returncode == 2, (added.stdout, added.stderr)
    _assert_one_clear_line(added.stderr, "vi")
    rebuilt = _cli(["ingest", "-q", "--rebuild", "--lang", "en"], data, small_corpus, preexec=full_disk)
    assert rebuilt.returncode == 2, (rebuilt.stdout, rebuilt.stderr)
    _assert_one_clear_line(rebuilt.stderr, "en")

    # reading still works on the full disk
    hits = _cli(["retrieve", "renewable electricity", "--k", "1", "--json"], data, small_corpus, preexec=full_disk)
    assert hits.returncode == 0, hits.stderr
    assert '"doc": "en.md"' in hits.stdout

    # with space again and the new document gone: the same two documents, nothing half-written to redo
    (small_corpus / "coal.md").unlink()
    again = _cli(["ingest", "-q"], data, small_corpus)
    assert again.returncode == 0, again.stderr
    assert _summary(again.stdout) == (docs, chunks)
    assert "unchanged 2, removed 0" in again.stdout and "(0 written)" in again.stdout


def _index_counts(settings: Settings) -> tuple[int, int]:
    store = open_store(settings, get_embedder(settings.embeddings))
    generation = store.active_generation()
    assert generation is not None
    return len(store.doc_records(generation)), len(store.all_chunks(generation))


@pytest.fixture
def cli_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[Path, Path], None]]:
    """Point the in-process CLI at a data and corpus folder (its settings are cached per process)."""

    def point(data: Path, corpus: Path) -> None:
        monkeypatch.setenv("ASSISTANT_DATA_DIR", str(data))
        monkeypatch.setenv("ASSISTANT_CORPUS_DIR", str(corpus))
        get_settings.cache_clear()

    yield point
    get_settings.cache_clear()


@pytest.mark.parametrize("rebuild", [False, True])
def test_no_space_left_at_the_store_boundary(
    tmp_path: Path,
    small_corpus: Path,
    monkeypatch: pytest.MonkeyPatch,
    cli_env: Callable[[Path, Path], None],
    rebuild: bool,
) -> None:
    import chromadb.api.models.Collection as chroma_collection

    data = tmp_path / "data"
    cli_env(data, small_corpus)
    runner = CliRunner()
    first = runner.invoke(cli_app, ["ingest", "-q"])
    assert first.exit_code == 0, first.output
    settings = Settings(data_dir=data, corpus_dir=small_corpus)
    before = _index_counts(settings)

    def no_space(*_: Any, **__: Any) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    _add_document(small_corpus)
    with monkeypatch.context() as m:
        for method in ("add", "upsert", "update"):
            m.setattr(chroma_collection.Collection, method, no_space)
        result = runner.invoke(cli_app, ["ingest", "-q", "--lang", "zh", *(["--rebuild"] if rebuild else [])])
    assert result.exit_code == 2, (result.output, result.exception)
    assert isinstance(result.exception, SystemExit)  # typer.Exit, not a crash
    _assert_one_clear_line(result.stderr, "zh")
    assert "No space left on device" in result.stderr
    assert _index_counts(settings) == before


def _without_root_override() -> tuple[str, ...]:
    """A command prefix under which permission bits hold: as root, drop CAP_DAC_OVERRIDE (what lets root
    write into a 0o555 folder) with util-linux's setpriv; an empty prefix for anyone else."""
    if os.geteuid() != 0:
        return ()
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: chmod cannot make the data folder read-only here")
    caps = "-dac_override,-dac_read_search"
    return (setpriv, f"--inh-caps={caps}", f"--bounding-set={caps}")


@pytest.mark.slow
def test_read_only_data_dir(tmp_path: Path, small_corpus: Path) -> None:
    prefix = _without_root_override()
    data = tmp_path / "data"
    first = _cli(["ingest", "-q"], data, small_corpus)
    assert first.returncode == 0, first.stderr
    counts = _summary(first.stdout)
    paths = [data, *data.rglob("*")]
    modes = {p: stat.S_IMODE(p.stat().st_mode) for p in paths}
    for p in paths:
        p.chmod(0o555 if p.is_dir() else 0o444)
    try:
        probe = data / "index" / ".write-probe"
        code = f"open({str(probe)!r}, 'w')"
        if subprocess.run([*prefix, sys.executable, "-c", code], capture_output=True).returncode == 0:
            probe.unlink()
            pytest.skip("permission bits do not stop writes here; the tests above cover unwritable folders")
        _add_document(small_corpus)
        out = _cli(["ingest", "-q", "--lang", "vi"], data, small_corpus, prefix=prefix)
        assert out.returncode == 2, (out.stdout, out.stderr)
        _assert_one_clear_line(out.stderr, "vi")
        # chromadb cannot even open an index it may not write to: the server says so, in the locale's language
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        serve = _cli(["serve", "--port", str(port)], data, small_corpus, prefix=prefix, LC_ALL="", LANG="vi_VN.UTF-8")
        assert serve.returncode == 2, (serve.stdout, serve.stderr)
        _assert_one_clear_line(serve.stderr, "vi")
    finally:
        for p in sorted(paths, key=lambda p: len(p.parts)):
            p.chmod(modes[p])
    (small_corpus / "coal.md").unlink()
    again = _cli(["ingest", "-q"], data, small_corpus)
    assert again.returncode == 0, again.stderr
    assert _summary(again.stdout) == counts and "(0 written)" in again.stdout
