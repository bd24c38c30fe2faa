"""The project's translations of the corpus: the shipped files are complete, current and pass the checks
(the alignment claim ingest relies on is re-verified with the bundled embedder), and ingest serves no row
of a stale file or a row that fails a check, and says what it left out."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

import numpy as np
import pytest
from typer.testing import CliRunner, Result

from assistant.cli import app as cli_app
from assistant.config import Settings, get_settings
from assistant.corpus.glossary import Glossary, load_glossary
from assistant.corpus.ingest import IngestReport, collect_files, ingest, open_store
from assistant.corpus.manifest import load_manifest
from assistant.corpus.pipeline import read_structure
from assistant.corpus.segments import SEGMENTER_VERSION, Segment, segment_document
from assistant.corpus.translation_checks import check_translation
from assistant.corpus.translations import (
    ALIGNMENT_MARGIN,
    file_sha256,
    load_translations,
    read_translation_file,
    write_translation_file,
)
from assistant.index.embedders import get_embedder
from assistant.index.vector_store import StoredChunk
from assistant.retrieval.retriever import HybridRetriever, Passage
from assistant.text.language import detect_language
from tests.conftest import CORPUS
from tools.i18n import LANGS, as_lang

SHIPPED = CORPUS / "translations"

# Rows of the shipped files that fail check_translation on purpose, and why. Ingest does not serve them.
ALLOWED_FAILURES = {
    ("003_05076a27b7f6b8f4.vi.jsonl", "5709-5811"): "OCR slip in the source: '(4270)' is rendered as meant, '(42%)'",
    ("003_05076a27b7f6b8f4.zh.jsonl", "5709-5811"): "OCR slip in the source: '(4270)' is rendered as meant, '(42%)'",
}


@dataclass
class TranslationFile:
    path: Path
    lang: str
    meta: dict[str, Any]
    rows: list[dict[str, Any]]


@dataclass
class ShippedDoc:
    path: Path
    segments: list[Segment]
    files: dict[str, TranslationFile]  # target language -> file

    @property
    def wanted_languages(self) -> set[str]:
        """Every language some non-neutral segment is not written in."""
        return {lang for s in self.segments if s.kind != "neutral" for lang in LANGS if lang != s.lang}


def _segments(path: Path) -> list[Segment]:
    st = read_structure(path, load_manifest(path.parent).get(path.name))
    return segment_document(st.raw, st.units, st.skips, [as_lang(x) for x in st.languages], st.glued)


@pytest.fixture(scope="module")
def shipped() -> list[ShippedDoc]:
    docs, failed = collect_files([CORPUS])
    assert docs and not failed
    out: list[ShippedDoc] = []
    for path in docs:
        files: dict[str, TranslationFile] = {}
        for lang in LANGS:
            candidate = SHIPPED / f"{path.stem}.{lang}.jsonl"
            if candidate.is_file():
                meta, rows = read_translation_file(candidate)
                files[lang] = TranslationFile(candidate, lang, meta, rows)
        out.append(ShippedDoc(path, _segments(path), files))
    return out


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return load_glossary(CORPUS / "glossary.csv")


def _all_files(shipped: list[ShippedDoc]) -> list[tuple[ShippedDoc, TranslationFile]]:
    return [(doc, f) for doc in shipped for f in doc.files.values()]


# --- a. the shipped files ---------------------------------------------------------------------------------


def test_every_document_has_a_file_per_language_it_is_not_written_in(shipped: list[ShippedDoc]) -> None:
    for doc in shipped:
        assert set(doc.files) == doc.wanted_languages, doc.path.name
    bilingual = next(d for d in shipped if d.path.name.startswith("003_"))
    assert {s.lang for s in bilingual.segments if s.kind != "neutral"} == {"zh", "en"}
    assert set(bilingual.files) == {"vi", "zh", "en"}
    # no file translates a document that is not in the corpus
    stems = {d.path.stem for d in shipped}
    assert {p.name.split(".")[0] for p in SHIPPED.glob("*.jsonl")} <= stems


def test_shipped_files_match_their_source_hash(shipped: list[ShippedDoc]) -> None:
    for doc, f in _all_files(shipped):
        assert f.meta.get("source_sha256") == file_sha256(doc.path), f.path.name
        assert f.meta.get("source") == doc.path.name and f.meta.get("lang") == f.lang, f.path.name


def test_shipped_files_carry_their_provenance(shipped: list[ShippedDoc]) -> None:
    for _, f in _all_files(shipped):
        meta = f.meta
        assert meta.get("method") in ("human", "machine"), f.path.name
        assert str(meta.get("translator", "")).strip(), f.path.name
        dt.date.fromisoformat(str(meta.get("date")))
        assert meta.get("segmenter") == SEGMENTER_VERSION, f.path.name  # ids are offsets of this segmenter
        assert meta.get("segments") in (None, len(f.rows)), f.path.name


def test_every_segment_that_needs_a_translation_has_one(shipped: list[ShippedDoc]) -> None:
    """Every non-neutral segment has a row in each language it is not written in (003: its Chinese
    segments in vi and en, its English ones in vi and zh)."""
    missing: list[str] = []
    for doc in shipped:
        for lang, f in doc.files.items():
            have = {str(r.get("id")) for r in f.rows}
            missing += [
                f"{f.path.name} {s.id}"
                for s in doc.segments
                if s.kind != "neutral" and s.lang != lang and s.id not in have
            ]
    assert missing == []
    bilingual = next(d for d in shipped if d.path.name.startswith("003_"))
    zh_seg = next(s for s in bilingual.segments if s.lang == "zh" and s.kind != "neutral")
    en_seg = next(s for s in bilingual.segments if s.lang == "en" and s.kind != "neutral")
    assert zh_seg.id in {r["id"] for r in bilingual.files["en"].rows}
    assert en_seg.id in {r["id"] for r in bilingual.files["zh"].rows}


def test_every_row_belongs_to_a_current_segment(shipped: list[ShippedDoc]) -> None:
    bad: list[str] = []
    for doc in shipped:
        by_id = {s.id: s for s in doc.segments}
        for lang, f in doc.files.items():
            ids = [str(r.get("id")) for r in f.rows]
            assert len(ids) == len(set(ids)), f"{f.path.name}: duplicate rows"
            for row in f.rows:
                seg = by_id.get(str(row.get("id")))
                ok = (
                    seg is not None
                    and row.get("digest") == seg.digest
                    and (row.get("start"), row.get("end")) == (seg.start, seg.end)
                    and row.get("source_lang") == seg.lang != lang
                    and str(row.get("text", "")).strip()
                )
                if not ok:
                    bad.append(f"{f.path.name} {row.get('id')}")
    assert bad == []


def test_every_row_passes_the_checks_but_the_allowed_ones(shipped: list[ShippedDoc], glossary: Glossary) -> None:
    failing: dict[tuple[str, str], tuple[str, ...]] = {}
    for doc in shipped:
        by_id = {s.id: s for s in doc.segments}
        for lang, f in doc.files.items():
            for row in f.rows:
                seg = by_id[str(row["id"])]
                result = check_translation(seg.text, seg.lang, str(row["text"]), lang, glossary)
                if not result.passed:
                    failing[(f.path.name, seg.id)] = result.problems
    # exactly the allow-list: a new failure fails here, and so does a fixed row still on the list
    assert set(failing) == set(ALLOWED_FAILURES), failing
    for key in ALLOWED_FAILURES:
        assert failing[key] == ("numbers missing: 4270",)


def _margins(sources: np.ndarray, translations: np.ndarray) -> np.ndarray:
    """Per row: similarity to its own source minus the best neighbour's (what ``misaligned`` compares)."""
    own = (sources * translations).sum(axis=1)
    prev = np.r_[-1.0, (sources[1:] * translations[:-1]).sum(axis=1)]
    nxt = np.r_[(sources[:-1] * translations[1:]).sum(axis=1), -1.0]
    return np.asarray(own - np.maximum(prev, nxt))


@pytest.mark.slow
def test_shipped_files_are_aligned_by_the_bundled_embedder(shipped: list[ShippedDoc], glossary: Glossary) -> None:
    """Ingest skips the alignment check for files whose meta says they were checked with the embedder in
    use; this runs it again (as ingest would without that note) so the claim is verified in CI."""
    embedder = get_embedder("bundled")
    cache: dict[str, np.ndarray] = {}  # a document's sources are embedded once, not once per language
    calls: list[np.ndarray] = []  # what the check embedded for the current document, in order

    def embed(texts: list[str]) -> np.ndarray:
        new = [t for t in dict.fromkeys(texts) if t not in cache]
        if new:
            cache.update(zip(new, embedder.embed_passages(new), strict=True))
        calls.append(np.stack([cache[t] for t in texts]))
        return calls[-1]

    misaligned: list[str] = []
    for doc in shipped:
        calls.clear()
        # no embedder name: the check runs even though the files say they were checked
        _, report = load_translations(doc.path, doc.segments, [SHIPPED], glossary, embed=embed, embedder_name="")
        misaligned += [f"{lang} {seg}" for lang, seg, why in report.failed if "misaligned" in why]
        assert len(calls) == 2 * len(doc.files), doc.path.name  # sources and translations, per language
        for (lang, f), i in zip(sorted(doc.files.items()), range(0, len(calls), 2), strict=True):
            assert f.meta.get("alignment_checked_with") == embedder.name, f.path.name
            assert f.meta.get("alignment_margin") == ALIGNMENT_MARGIN, f.path.name
            # the rows that were compared: those that passed the other checks, in file order
            left_out = {seg for lg, seg, why in report.failed if lg == lang and "misaligned" not in why}
            ids = [str(r["id"]) for r in f.rows if str(r["id"]) not in left_out]
            margins = _margins(calls[i], calls[i + 1])
            assert len(margins) == len(ids), f.path.name
            reviewed = {str(r["id"]) for r in f.rows if r.get("reviewed")}
            below = [ids[j] for j in np.flatnonzero(margins < ALIGNMENT_MARGIN)]
            print(
                f"{f.path.name}: smallest margin {margins.min():+.4f} ({ids[int(margins.argmin())]}) over "
                f"{len(ids)} rows; below {ALIGNMENT_MARGIN}: {', '.join(below) or 'none'}"
                f"{' (all reviewed)' if below else ''}"
            )
            assert set(below) <= reviewed, f.path.name
    assert misaligned == []


# --- ingest of a small real document ----------------------------------------------------------------------

DOC = "000_0879da0e186f5247.txt"
BAD_ROW = "3656-3717"  # "Hỗ trợ kỹ thuật cho quy trình MCAP, thời lượng 10 giờ đồng hồ"
QUESTION_EN = "How many hours of technical support for the MCAP process?"
QUESTION_ZH = "MCAP流程的技术支持有多少小时？"
QUESTION_VI = "Hỗ trợ kỹ thuật cho quy trình MCAP kéo dài bao nhiêu giờ?"


def _copy_corpus(root: Path) -> Path:
    """A corpus folder with one shipped document, its translations, the manifest and the glossary."""
    corpus = root / "corpus"
    (corpus / "translations").mkdir(parents=True)
    for name in (DOC, "manifest.json", "glossary.csv"):
        shutil.copy(CORPUS / name, corpus / name)
    for f in SHIPPED.glob(f"{Path(DOC).stem}.*.jsonl"):
        shutil.copy(f, corpus / "translations" / f.name)
    return corpus


def _records(settings: Settings) -> list[StoredChunk]:
    store = open_store(settings, get_embedder(settings.embeddings))
    generation = store.active_generation()
    assert generation
    return store.all_chunks(generation)


def _cli(args: list[str], settings: Settings) -> Result:
    """The ``assistant`` command in this process, pointed at the settings' folders."""
    env = {"ASSISTANT_DATA_DIR": str(settings.data_dir), "ASSISTANT_CORPUS_DIR": str(settings.corpus_dir)}
    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(cli_app, args, env=env)
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 0, (result.output, result.exception)
    return result


def _hits_on(passages: list[Passage], segment_id: str) -> list[Passage]:
    start, end = (int(x) for x in segment_id.split("-"))
    return [p for p in passages if p.doc == DOC and p.start < end and p.end > start]


def test_a_changed_source_uses_none_of_its_translations(tmp_path: Path) -> None:
    corpus = _copy_corpus(tmp_path)
    settings = Settings(data_dir=tmp_path / "data", corpus_dir=corpus)
    first = ingest(settings, progress=False)
    assert first.translations[DOC].served > 0 and not first.translations[DOC].stale
    assert any(r.meta.get("of") for r in _records(settings))

    source = corpus / DOC
    text = source.read_text(encoding="utf-8")
    assert "thời lượng 10 giờ" in text
    source.write_text(text.replace("thời lượng 10 giờ", "thời lượng 12 giờ"), encoding="utf-8")

    report = ingest(settings, progress=False)
    tr = report.translations[DOC]
    stem = Path(DOC).stem
    assert sorted(tr.stale) == [f"{stem}.en.jsonl", f"{stem}.zh.jsonl"]
    assert tr.served == 0 and tr.languages == [] and tr.failed == []
    assert report.updated == [DOC]
    assert not [r.chunk_id for r in _records(settings) if r.meta.get("of")]  # the old translations are gone
    passages = HybridRetriever(settings).retrieve(QUESTION_EN, k=5, lang="en")
    assert passages and all(p.translation is None for p in passages)
    assert all(s.translation is None for p in passages for s in p.segments)

    out = _cli(["ingest", "-q"], settings).stdout
    said = [line for line in out.splitlines() if "do not match the source" in line]
    assert len(said) == 1, out
    assert DOC in said[0] and f"{stem}.en.jsonl" in said[0] and f"{stem}.zh.jsonl" in said[0]
    assert not [line for line in out.splitlines() if line.startswith(f"{DOC}: ")]  # nothing said to be served


def test_an_unchanged_document_is_not_read_again_and_its_translation_report_stays(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = _copy_corpus(tmp_path)
    settings = Settings(data_dir=tmp_path / "data", corpus_dir=corpus)
    first = ingest(settings, progress=False)

    def must_not_run(*args: object, **kwargs: object) -> NoReturn:
        raise AssertionError("an unchanged document was prepared again")

    monkeypatch.setattr("assistant.corpus.ingest.prepare_document", must_not_run)
    again = ingest(settings, progress=False)
    assert sorted(again.unchanged) == sorted(first.translations) and again.chunks_written == 0
    assert again.translations[DOC] == first.translations[DOC]  # what ingest says stays the same

    monkeypatch.undo()  # a changed translation file: read again
    path = corpus / "translations" / f"{Path(DOC).stem}.en.jsonl"
    meta, rows = read_translation_file(path)
    rows[0]["text"] = rows[0]["text"] + " "
    write_translation_file(path, meta, rows)
    assert DOC in ingest(settings, progress=False).updated


@dataclass
class Ingested:
    settings: Settings
    report: IngestReport


@pytest.fixture(scope="module")
def one_bad_row(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Ingested]:
    """000 with its English row ``BAD_ROW`` saying 12 hours where the source says 10, ingested."""
    root = tmp_path_factory.mktemp("bad-row")
    corpus = _copy_corpus(root)
    path = corpus / "translations" / f"{Path(DOC).stem}.en.jsonl"
    meta, rows = read_translation_file(path)
    row = next(r for r in rows if r["id"] == BAD_ROW)
    assert row["text"] == "Technical support for the MCAP process, lasting 10 hours"
    row["text"] = row["text"].replace("10 hours", "12 hours")
    write_translation_file(path, meta, rows)
    settings = Settings(data_dir=root / "data", corpus_dir=corpus)
    report = ingest(settings, progress=False)
    assert not report.failed
    yield Ingested(settings, report)


def test_a_row_that_fails_a_check_is_never_served(one_bad_row: Ingested) -> None:
    settings, report = one_bad_row.settings, one_bad_row.report
    tr = report.translations[DOC]
    assert tr.failed == [("en", BAD_ROW, "numbers missing: 10; numbers not in the source: 12")]
    assert tr.stale == [] and tr.languages == ["en", "zh"] and tr.served > 0

    # nowhere in the index
    for record in _records(settings):
        assert "12 hours" not in record.text and "12 hours" not in str(record.meta.get("segs"))

    retriever = HybridRetriever(settings)
    hits = _hits_on(retriever.retrieve(QUESTION_EN, k=10, lang="en"), BAD_ROW)
    assert hits, "the passage with the segment is among the hits"
    for p in hits:
        assert p.translation_lang == "en" and p.translation is not None
        assert "12 hours" not in p.translation
        seg = next(s for s in p.segments if s.id == BAD_ROW)
        assert seg.translation is None and "10 giờ" in seg.text  # the original words stay
        assert all(s.translation is not None for s in p.segments if s.id != BAD_ROW)  # the rest is served

    # the same segment's Chinese row is fine and served
    zh_hits = _hits_on(retriever.retrieve(QUESTION_ZH, k=10, lang="zh"), BAD_ROW)
    assert zh_hits
    for p in zh_hits:
        seg = next(s for s in p.segments if s.id == BAD_ROW)
        assert seg.translation is not None and "10" in seg.translation

    out = _cli(["ingest", "-q"], settings).stdout
    assert f"  - en {BAD_ROW}: numbers missing: 10; numbers not in the source: 12" in out.splitlines(), out
    assert f"{DOC}: translations en, zh: {tr.served} segments served, 1 left out" in out


def test_retrieve_json_carries_the_translation_only_across_languages(one_bad_row: Ingested) -> None:
    settings = one_bad_row.settings
    records = {r.chunk_id: r for r in _records(settings)}

    cross = json.loads(_cli(["retrieve", QUESTION_EN, "--k", "4", "--json"], settings).stdout)
    assert len(cross) == 4
    for item in cross:
        original = records[item["chunk_id"]]
        assert not original.meta.get("of")  # a hit names the source passage, not a language version
        assert item["text"] == original.text and detect_language(item["text"]) == "vi"
        assert item["translation_lang"] == "en"
        assert item["translation"] == records[f"{item['chunk_id']}~en"].text != item["text"]
        start, end = (int(x) for x in BAD_ROW.split("-"))
        if not (item["start"] < end and item["end"] > start):  # the left-out row stays in Vietnamese
            assert detect_language(item["translation"]) == "en"

    same = json.loads(_cli(["retrieve", QUESTION_VI, "--k", "4", "--json"], settings).stdout)
    assert len(same) == 4
    for item in same:
        assert item["text"] == records[item["chunk_id"]].text
        assert "translation" not in item and "translation_lang" not in item
