"""Translations of a source document, segment by segment, and which of them may be served.

A translation file ``<stem>.<lang>.jsonl`` sits in a ``translations/`` folder beside the documents (ours,
written by the project and marked "unofficial translation"), or in ``$ASSISTANT_DATA_DIR/translations``
(machine translations of documents a user added, ``ingest --translate``). Its first line is
``{"meta": {...}}`` with the source file's SHA-256; each further line is one segment:
``{"id", "start", "end", "source_lang", "digest", "source", "text"}``.

The original stays the source of truth. A file whose source hash no longer matches is not used at all
(``ingest`` says so); a row whose segment no longer exists, or that fails a machine check (numbers, ids,
links, glossary terms; alignment with its neighbours by the embedder), is never served.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from assistant.corpus.glossary import Glossary
from assistant.corpus.segments import Segment
from assistant.corpus.translation_checks import check_translation
from tools.i18n import LANGS

# A translation is misaligned when it is closer to a neighbouring source segment than to its own by more
# than this (cosine, embedder's passage vectors). Relative, so no absolute floor tied to one embedder's
# range of scores. Calibrated with the bundled e5-small on the 2,380 shipped translations against the same
# translations shifted by one segment: at -0.02, 88% of shifted rows are caught and 4 aligned rows are
# flagged (table rows and short list items that read alike; each carries a ``reviewed`` note saying why
# the alarm is false, which is the only way past this check).
ALIGNMENT_MARGIN = -0.02

Embed = Callable[[list[str]], np.ndarray]


@dataclass(frozen=True)
class TranslatedSegment:
    segment: Segment
    lang: str
    text: str
    method: str  # "human" (this project) | "machine" (an LLM, ingest --translate)


@dataclass
class TranslationReport:
    """What ingest says about one document's translations."""

    languages: list[str] = field(default_factory=list)
    served: int = 0
    missing: int = 0
    failed: list[tuple[str, str, str]] = field(default_factory=list)  # (lang, segment id, problem)
    stale: list[str] = field(default_factory=list)  # files whose source hash does not match

    def to_json(self) -> str:
        return json.dumps(self.__dict__, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> TranslationReport:
        """The report stored with a document's record (what ingest said when it last read the document)."""
        d = json.loads(text)
        return cls(
            languages=list(d.get("languages", [])),
            served=int(d.get("served", 0)),
            missing=int(d.get("missing", 0)),
            failed=[(str(a), str(b), str(c)) for a, b, c in d.get("failed", [])],
            stale=[str(x) for x in d.get("stale", [])],
        )

    def merge(self, other: TranslationReport) -> None:
        self.languages = sorted(set(self.languages) | set(other.languages))
        self.served += other.served
        self.missing += other.missing
        self.failed += other.failed
        self.stale += other.stale


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def translation_files(source: Path, folders: Iterable[Path]) -> dict[str, Path]:
    """The translation file per target language, the first folder that has one winning."""
    found: dict[str, Path] = {}
    for folder in folders:
        for lang in LANGS:
            candidate = folder / f"{source.stem}.{lang}.jsonl"
            if lang not in found and candidate.is_file():
                found[lang] = candidate
    return found


def read_translation_file(path: Path) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if not lines:
        return {}, []
    first = json.loads(lines[0])
    meta = first.get("meta", {}) if isinstance(first, dict) else {}
    return meta, [json.loads(line) for line in lines[1:]]


def write_translation_file(path: Path, meta: dict[str, Any], rows: list[dict[str, Any]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    body = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    path.write_text(json.dumps({"meta": meta}, ensure_ascii=False) + "\n" + body, encoding="utf-8")


def misaligned(
    sources: list[str], translations: list[str], embed: Embed, margin: float = ALIGNMENT_MARGIN
) -> list[int]:
    """Indexes of translations closer to a neighbouring source segment than to their own."""
    if len(sources) < 2:
        return []
    s = embed(sources)
    t = embed(translations)
    own = (s * t).sum(axis=1)
    prev = np.r_[-1.0, (s[1:] * t[:-1]).sum(axis=1)]
    nxt = np.r_[(s[:-1] * t[1:]).sum(axis=1), -1.0]
    return [i for i in range(len(own)) if own[i] - max(prev[i], nxt[i]) < margin]


def load_translations(
    source: Path,
    segments: list[Segment],
    folders: Iterable[Path],
    glossary: Glossary | None,
    embed: Embed | None = None,
    embedder_name: str = "",
) -> tuple[list[TranslatedSegment], TranslationReport]:
    """The translated segments of ``source`` that may be served, and what was left out and why.

    ``embed`` runs the alignment check. A file whose meta says it was checked with the embedder in use
    (``alignment_checked_with``; the test suite checks the shipped files again) is not embedded twice."""
    report = TranslationReport()
    files = translation_files(source, folders)
    if not files:
        return [], report
    digest = file_sha256(source)
    by_id = {s.id: s for s in segments}
    served: list[TranslatedSegment] = []
    for lang, path in sorted(files.items()):
        meta, rows = read_translation_file(path)
        if meta.get("source_sha256") != digest:
            report.stale.append(path.name)
            continue
        method = str(meta.get("method", "human"))
        candidates: list[tuple[Segment, str]] = []
        for row in rows:
            seg = by_id.get(str(row.get("id")))
            text = str(row.get("text", "")).strip()
            if seg is None or row.get("digest") != seg.digest or seg.lang == lang:
                report.failed.append((lang, str(row.get("id")), "no such segment in the source"))
                continue
            result = check_translation(seg.text, seg.lang, text, lang, glossary)
            if not result.passed:
                report.failed.append((lang, seg.id, "; ".join(result.problems)))
                continue
            candidates.append((seg, text))
        checked = bool(embedder_name) and meta.get("alignment_checked_with") == embedder_name
        if embed is not None and candidates and not checked:
            reviewed = {str(r.get("id")) for r in rows if r.get("reviewed")}
            found = misaligned([s.text for s, _ in candidates], [t for _, t in candidates], embed)
            bad = {i for i in found if candidates[i][0].id not in reviewed}
            for i in sorted(bad):
                report.failed.append((lang, candidates[i][0].id, "closer to a neighbouring segment (misaligned)"))
            candidates = [c for i, c in enumerate(candidates) if i not in bad]
        wanted = [s for s in segments if s.kind != "neutral" and s.lang != lang]
        report.missing += max(0, len(wanted) - len(candidates) - sum(1 for f in report.failed if f[0] == lang))
        served += [TranslatedSegment(seg, lang, text, method) for seg, text in candidates]
        report.languages.append(lang)
    report.served = len(served)
    return served, report
