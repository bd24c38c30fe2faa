"""Ingest progress: log lines (percent, documents, chunks, rate) when the output is not a terminal, a tqdm
bar when it is, nothing when disabled."""

from __future__ import annotations

import io
import re
from pathlib import Path

import numpy as np

from assistant.corpus.progress import EMBED_BATCH, IngestProgress, work_estimate

LINE = re.compile(r"^ingest: (\d+)% \(documents (\d+)/(\d+), chunks (\d+), ([\d.]+) chunks/s, (\d+) s\)")


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _fake_embed(texts: list[str]) -> np.ndarray:
    return np.ones((len(texts), 4), dtype=np.float32)


def _run(progress: IngestProgress, chunks_per_doc: list[int]) -> None:
    files = [Path(f"doc{i}.txt") for i in range(len(chunks_per_doc))]
    for path, n in zip(progress.each(files), chunks_per_doc, strict=True):
        vectors = progress.embed(_fake_embed, [f"{path.name} {j}" for j in range(n)])
        assert vectors.shape == (n, 4)
    progress.close()


def test_lines_when_not_a_terminal_rise_to_100_percent() -> None:
    out = io.StringIO()
    progress = IngestProgress.for_output([1.0, 1.0, 1.0], True, out)
    assert progress.mode == "lines"
    progress.every_s = 0.0  # every step, so the test sees the percent move
    _run(progress, [EMBED_BATCH * 2 + 5, 0, 3])
    found = [LINE.match(line) for line in out.getvalue().splitlines()]
    assert found and all(found), out.getvalue()
    percents = [int(m.group(1)) for m in found if m]
    assert percents == sorted(percents), percents
    assert percents[0] == 0 and percents[-1] == 100
    assert any(0 < p < 33 for p in percents)  # inside the first document, by its embedded share
    last = found[-1]
    assert last and last.group(2) == last.group(3) == "3" and last.group(4) == str(EMBED_BATCH * 2 + 8)
    assert out.getvalue().count("ingest: 100%") == 1  # close() does not repeat the last document's line


def test_lines_are_throttled() -> None:
    out = io.StringIO()
    _run(IngestProgress([1.0, 1.0], "lines", out, every_s=3600.0), [EMBED_BATCH * 3, EMBED_BATCH])
    assert len(out.getvalue().splitlines()) == 2  # the first and the last


def test_bar_on_a_terminal_and_nothing_when_disabled() -> None:
    tty = _Terminal()
    progress = IngestProgress.for_output([1.0, 1.0], True, tty)
    assert progress.mode == "bar"
    _run(progress, [3, 4])
    assert "ingest: 100%" in tty.getvalue() and "2/2" in tty.getvalue() and "(documents" not in tty.getvalue()
    quiet = io.StringIO()
    off = IngestProgress.for_output([1.0, 1.0], False, quiet)
    _run(off, [3, 4])
    assert off.mode == "off" and quiet.getvalue() == ""


def test_percent_weighs_documents_by_their_work(tmp_path: Path) -> None:
    small, large = tmp_path / "a.txt", tmp_path / "b.txt"
    small.write_text("x" * 100)
    large.write_text("y" * 100)
    (tmp_path / "translations").mkdir()
    (tmp_path / "translations" / "b.vi.jsonl").write_text("z" * 200)  # b's translation is work too
    weights = [work_estimate(p, [tmp_path / "translations"]) for p in (small, large)]
    assert weights == [100.0, 300.0]
    progress = IngestProgress(weights, "lines", io.StringIO(), every_s=0.0)
    seen = []
    for _path in progress.each([small, large]):
        seen.append(progress.line())
    assert seen[1].startswith("ingest: 25% (documents 1/2")  # a quarter of the work, not half the documents
