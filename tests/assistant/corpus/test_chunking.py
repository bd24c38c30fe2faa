from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from assistant.corpus.chunking import chunk_units
from assistant.corpus.cleaning import clean_text, remove_spans
from assistant.corpus.structure import find_units, running_header_pages
from assistant.index.embedders import get_embedder
from tests.conftest import CORPUS

DOCS = sorted(p.name for p in CORPUS.glob("*.txt"))


@pytest.fixture(scope="module")
def count_tokens() -> Callable[[str], int]:
    return get_embedder("bundled").count_tokens


@pytest.mark.parametrize("name", DOCS)
def test_chunks_are_bounded_traceable_and_cover_the_text(name: str, count_tokens: Callable[[str], int]) -> None:
    raw = (CORPUS / name).read_text(encoding="utf-8")
    header = "服装鞋类行业科学碳目标设定指南" if name.startswith("004") else ""
    skips, pages = running_header_pages(raw, header)
    units = find_units(raw, skips)
    chunks = chunk_units(name, raw, units, skips, pages, count_tokens, max_tokens=160, overlap_tokens=40)
    assert chunks
    for c in chunks:
        # bounded in the embedder's tokens (a little slack for the joins cleaning adds)
        assert count_tokens(c.text) <= 160 + 16, (c.locator, c.text[:80])
        # offsets lead back to the source
        assert c.text == clean_text(remove_spans(raw[c.start : c.end], c.start, skips), glued=False) or name.startswith(
            "004"
        )
        assert c.locator
    # every word of the source is in some chunk (running headers excepted)
    covered = "".join(re.sub(r"\s+", "", c.text) for c in chunks)
    for unit in units[:: max(1, len(units) // 25)]:
        piece = re.sub(r"\s+", "", clean_text(raw[unit.start : unit.end]))[:20]
        assert piece in covered or name.startswith("004")
    assert len({c.chunk_id for c in chunks}) == len(chunks)


def test_004_chunks_start_at_clauses_and_cite_pages(count_tokens: Callable[[str], int]) -> None:
    name = "004_3e93d633cc5b91bd.txt"
    raw = (CORPUS / name).read_text(encoding="utf-8")
    skips, pages = running_header_pages(raw, "服装鞋类行业科学碳目标设定指南")
    chunks = chunk_units(name, raw, find_units(raw, skips), skips, pages, count_tokens, glued=True)
    c16 = [c for c in chunks if c.clause == "C16"]
    assert c16 and c16[0].text.startswith("■C16")
    assert c16[0].locator == "p. 24, C16"
    assert all("服装鞋类行业科学碳目标设定指南2" not in c.text for c in chunks)
    assert any("Levi Strauss" in c.text for c in chunks)  # glued words split again
