"""Machine translation of documents a user adds (``assistant ingest --translate``, ``POST /v1/documents
?translate=true``), into ``$ASSISTANT_DATA_DIR/translations/<stem>.<lang>.jsonl``, where ingest loads it.

The segments are ingest's own (``document_segments``), so the rows line up with what ingest serves. The
model is asked once per segment text, target language and model: its answers are kept in the file (rows
that pass the checks; those that fail, under the meta's ``rejected``), and every run checks them again, so
re-running asks nothing and a changed source asks only for its changed segments. A translation is kept
only when it passes the checks our own translations pass (``check_translation``: numbers, ids, links,
glossary terms) and is written in the target language; the embedder's alignment check is ingest's
(``load_translations``). The shipped corpus is never machine-translated: it has the project's translations.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from tqdm import tqdm

from assistant.config import REPO_ROOT, Settings
from assistant.corpus.errors import DocumentError
from assistant.corpus.glossary import Glossary, glossary_for
from assistant.corpus.ingest import collect_files, translation_folders
from assistant.corpus.manifest import load_manifest
from assistant.corpus.pipeline import document_segments, read_structure
from assistant.corpus.segments import SEGMENTER_VERSION, Segment
from assistant.corpus.translation_checks import check_translation
from assistant.corpus.translations import file_sha256, read_translation_file, write_translation_file
from assistant.llm.chat_model import model_label
from assistant.llm.translator import LANGUAGE_NAMES, SegmentTranslator
from assistant.text.language import script_counts
from tools.i18n import LANGS

if TYPE_CHECKING:
    from langchain_core.language_models.chat_models import BaseChatModel

log = logging.getLogger(__name__)

SHIPPED_CORPUS = REPO_ROOT / "corpus"
METHOD = "machine"

# A translation is in the wrong language (the model echoed the source or answered in another language)
# when, links and e-mail addresses left out, it has at least this many Latin letters and: none of them
# Vietnamese-marked for Vietnamese; this share or more Vietnamese-marked for English; no Chinese character
# for Chinese; or, for Vietnamese and English, at least 2 Chinese characters and half as many as Latin
# letters. Calibrated on the 2,380 shipped translations (corpus/translations/): no translation is flagged,
# and 2,132 of their 2,380 source segments are flagged when passed off as the translation (at 30 letters:
# 2 translations flagged, a list of brand names and a bare link path).
OFF_LANGUAGE_MIN_LATIN = 40
ENGLISH_MAX_VI_MARK_SHARE = 0.15
_LINK = re.compile(r"(?:https?://|www\.)[^\s\u3400-\u9fff\uff00-\uffef，。、（）]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def wrong_language(text: str, lang: str) -> str | None:
    """Why ``text`` is not a translation into ``lang``, or ``None`` when it may be."""
    cjk, vi_marks, latin = script_counts(_LINK.sub(" ", text))
    name = LANGUAGE_NAMES.get(lang, lang)
    if lang == "zh":
        wrong = cjk == 0 and latin >= OFF_LANGUAGE_MIN_LATIN
    elif cjk >= 2 and 2 * cjk >= latin:
        wrong = True
    elif lang == "en":
        wrong = latin >= OFF_LANGUAGE_MIN_LATIN and vi_marks >= ENGLISH_MAX_VI_MARK_SHARE * latin
    else:
        wrong = latin >= OFF_LANGUAGE_MIN_LATIN and vi_marks == 0
    return f"not written in {name}" if wrong else None


def glossary_terms(glossary: Glossary, text: str, source_lang: str, target_lang: str) -> list[tuple[str, str]]:
    """(term as found in the text, the glossary's preferred term in ``target_lang``) for the text's terms."""
    pairs: list[tuple[str, str]] = []
    for entry, lang, form in glossary.match(text):
        preferred = entry.preferred(target_lang)
        if lang != target_lang and preferred:
            pairs.append((form, preferred))
    return list(dict.fromkeys(pairs))


@dataclass
class LanguageTranslation:
    """One target language of one document."""

    lang: str
    segments: int = 0  # segments to render into this language (not written in it, not numbers only)
    translated: int = 0  # new translations from the model that passed the checks
    reused: int = 0  # from the cache, passing the checks
    failed: list[tuple[str, str]] = field(default_factory=list)  # (segment id, problem): failed the checks
    untranslated: list[tuple[str, str]] = field(default_factory=list)  # (segment id, reason): no usable answer
    skipped: str | None = None  # why this language was not machine-translated
    file: Path | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "segments": self.segments,
            "translated": self.translated,
            "reused": self.reused,
            "failed": [{"id": i, "problem": p} for i, p in self.failed],
            "untranslated": [{"id": i, "reason": r} for i, r in self.untranslated],
            "skipped": self.skipped,
        }


@dataclass
class MachineTranslationReport:
    doc: str
    translator: str = ""
    languages: list[LanguageTranslation] = field(default_factory=list)
    skipped: str | None = None  # why the document was not machine-translated
    calls: int = 0  # model calls made

    def as_json(self) -> dict[str, Any]:
        return {
            "doc": self.doc,
            "translator": self.translator,
            "skipped": self.skipped,
            "model_calls": self.calls,
            "languages": {t.lang: t.as_json() for t in self.languages},
        }

    def lines(self, limit: int = 5) -> list[str]:
        """What ``ingest --translate`` prints: per language, how many segments, and which were left out."""
        if self.skipped:
            return [f"{self.doc}: not machine-translated ({self.skipped})"]
        out: list[str] = []
        for t in self.languages:
            if t.skipped:
                out.append(f"{self.doc} → {t.lang}: not machine-translated ({t.skipped})")
                continue
            done = t.translated + t.reused
            out.append(
                f"{self.doc} → {t.lang}: {done} of {t.segments} segments machine-translated "
                f"({t.translated} new, {t.reused} from the cache); {len(t.failed)} failed the checks, "
                f"{len(t.untranslated)} not translated"
            )
            problems = [*t.failed, *t.untranslated]
            out += [f"  - {t.lang} {seg}: {problem}" for seg, problem in problems[:limit]]
            if len(problems) > limit:
                out.append(f"  - … {len(problems) - limit} more")
        return out


def translator_name(chat_model: BaseChatModel, settings: Settings) -> str:
    """``<model name> via <host of the base URL>``: the cache is per model and server."""
    host = urlsplit(settings.llm_base_url or "")
    where = host.hostname + (f":{host.port}" if host.port else "") if host.hostname else ""
    return f"{model_label(chat_model)} via {where}" if where else model_label(chat_model)


def _is_inside(path: Path, folder: Path) -> bool:
    path, folder = path.resolve(), folder.resolve()
    return path == folder or folder in path.parents


def _cached_answers(path: Path, translator: str) -> dict[str, str]:
    """Segment digest → the model's earlier answer (passed or rejected), from a file of the same model."""
    if not path.is_file():
        return {}
    try:
        meta, rows = read_translation_file(path)
    except ValueError:  # a damaged file is rewritten
        return {}
    if meta.get("method") != METHOD or meta.get("translator") != translator:
        return {}
    entries = [*rows, *(meta.get("rejected") or [])]
    return {str(e["digest"]): str(e.get("text", "")) for e in entries if isinstance(e, dict) and e.get("digest")}


def _write_if_changed(path: Path, meta: dict[str, Any], rows: list[dict[str, Any]]) -> None:
    """Write the file unless only its date would change: ingest re-indexes a document whose translation
    files changed, so an unchanged translation must keep its bytes."""
    if path.is_file():
        try:
            old_meta, old_rows = read_translation_file(path)
        except ValueError:
            old_meta, old_rows = {}, []
        if old_rows == rows and {k: v for k, v in old_meta.items() if k != "date"} == {
            k: v for k, v in meta.items() if k != "date"
        }:
            return
    write_translation_file(path, meta, rows)


def _human_translations(path: Path, folders: Sequence[Path]) -> set[str]:
    """Languages with a translation file not made by this module (the project's, or a person's)."""
    langs: set[str] = set()
    for folder in folders:
        for lang in LANGS:
            candidate = folder / f"{path.stem}.{lang}.jsonl"
            if candidate.is_file():
                try:
                    method = read_translation_file(candidate)[0].get("method")
                except ValueError:
                    method = None
                if method != METHOD:
                    langs.add(lang)
    return langs


def translate_document(
    path: Path,
    settings: Settings,
    chat_model: BaseChatModel,
    glossary: Glossary,
    targets: Sequence[str] | None = None,
    progress: bool = False,
) -> MachineTranslationReport:
    """Machine-translate the segments of ``path`` into ``targets`` (default: every language some segment is
    not written in) and write the translation files; raises ``DocumentError`` for a file that cannot be read.

    LLM failures leave segments untranslated (listed in the report); they never raise."""
    report = MachineTranslationReport(doc=path.name, translator=translator_name(chat_model, settings))
    if _is_inside(path, SHIPPED_CORPUS):
        report.skipped = "the shipped corpus has the project's translations"
        return report
    entry = load_manifest(settings.corpus_dir).get(path.name)  # as ingest reads it
    segments = document_segments(read_structure(path, entry))
    folder = settings.data_dir / "translations"
    others = _human_translations(path, translation_folders(settings, path))
    translator = SegmentTranslator(chat_model)
    source_sha = file_sha256(path)
    for lang in targets or LANGS:
        wanted = [s for s in segments if s.kind != "neutral" and s.lang != lang]
        if not wanted:
            continue
        outcome = LanguageTranslation(lang, segments=len(wanted))
        report.languages.append(outcome)
        if lang in others:
            outcome.skipped = "it has a translation by a person"
            continue
        outcome.file = folder / f"{path.stem}.{lang}.jsonl"
        _translate_language(outcome, path.name, source_sha, wanted, translator, report.translator, glossary, progress)
    report.calls = translator.calls
    return report


def _translate_language(
    outcome: LanguageTranslation,
    source: str,
    source_sha: str,
    wanted: list[Segment],
    translator: SegmentTranslator,
    translator_label: str,
    glossary: Glossary,
    progress: bool,
) -> None:
    assert outcome.file is not None
    lang = outcome.lang
    cached = _cached_answers(outcome.file, translator_label)
    answers: dict[str, str] = {}
    reasons: dict[str, str] = {}
    to_ask = list({s.digest: s for s in wanted if s.digest not in cached}.values())
    bar = tqdm(total=len(to_ask), desc=f"translate {source[:20]} → {lang}", unit="seg", disable=not progress)
    with bar:
        for source_lang in LANGS:
            group = [s for s in to_ask if s.lang == source_lang]
            if not group:
                continue
            terms = partial(glossary_terms, glossary, source_lang=source_lang, target_lang=lang)
            result = translator.translate([s.text for s in group], source_lang, lang, terms, progress=bar.update)
            for seg, text, problem in zip(group, result.texts, result.problems, strict=True):
                if text is not None:
                    answers[seg.digest] = text
                else:
                    reasons[seg.digest] = problem or "no translation"
    rows: list[dict[str, Any]] = []
    rejected: list[dict[str, Any]] = []
    for seg in wanted:
        fresh = seg.digest in answers
        text = answers.get(seg.digest, cached.get(seg.digest))
        if text is None:
            outcome.untranslated.append((seg.id, reasons.get(seg.digest, "no translation")))
            continue
        checked = check_translation(seg.text, seg.lang, text, lang, glossary)
        problems = [*checked.problems, *filter(None, [wrong_language(text, lang)])]
        base = {"id": seg.id, "start": seg.start, "end": seg.end, "source_lang": seg.lang, "digest": seg.digest}
        if problems:
            outcome.failed.append((seg.id, "; ".join(problems)))
            rejected.append({**base, "text": text, "problem": "; ".join(problems)})
            continue
        rows.append({**base, "source": seg.text, "text": text})
        if fresh:
            outcome.translated += 1
        else:
            outcome.reused += 1
    if not rows and not rejected:
        # nothing usable (the model failed): no file, and none left over from an earlier source
        outcome.file.unlink(missing_ok=True)
        return
    meta = {
        "source": source,
        "source_sha256": source_sha,
        "lang": lang,
        "method": METHOD,
        "translator": translator_label,
        "date": dt.date.today().isoformat(),
        "segmenter": SEGMENTER_VERSION,
        "segments": len(rows),
        "rejected": rejected,
    }
    _write_if_changed(outcome.file, meta, rows)


def translate_files(
    settings: Settings, paths: Sequence[Path], chat_model: BaseChatModel, progress: bool = False
) -> list[MachineTranslationReport]:
    """``translate_document`` for each file under ``paths``; unreadable files are left to ingest to report."""
    glossary = glossary_for(settings.corpus_dir / "glossary.csv")
    files, _ = collect_files(paths)
    reports: list[MachineTranslationReport] = []
    for path in files:
        try:
            reports.append(translate_document(path, settings, chat_model, glossary, progress=progress))
        except DocumentError as err:
            log.info("not translated, unreadable: %s (%s)", path, err.detail)
            reports.append(MachineTranslationReport(doc=path.name, skipped="it cannot be read"))
    return reports
