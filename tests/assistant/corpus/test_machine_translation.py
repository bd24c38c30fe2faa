"""Machine translation of a document a user adds, with scripted models: every segment checked like our own
translations, failures reported and never fatal, answers cached by content hash, and the result served
by ingest, retrieval and answers (marked as machine translation)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.answer.service import AnswerService
from assistant.config import Settings
from assistant.corpus.glossary import Glossary, glossary_for
from assistant.corpus.ingest import ingest, translation_folders
from assistant.corpus.machine_translation import (
    LanguageTranslation,
    MachineTranslationReport,
    translate_document,
    translate_files,
    wrong_language,
)
from assistant.corpus.pipeline import document_segments, read_structure
from assistant.corpus.translations import load_translations, read_translation_file, write_translation_file
from assistant.messages import t
from assistant.retrieval.retriever import HybridRetriever
from tests.assistant.llm.scripted_translator import DOC_NAME, DOC_VI, TABLE, TARGET_VI, ScriptedTranslator, write_doc
from tests.conftest import CORPUS, REPO


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return glossary_for(CORPUS / "glossary.csv")


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path / "data", corpus_dir=CORPUS)


@pytest.fixture
def doc(tmp_path: Path) -> Path:
    return write_doc(tmp_path)


def _outcome(report: MachineTranslationReport, lang: str) -> LanguageTranslation:
    return next(x for x in report.languages if x.lang == lang)


def _served(doc: Path, settings: Settings, glossary: Glossary) -> dict[str, dict[str, str]]:
    """What ingest would serve: target language -> segment id -> text (checks as ingest runs them)."""
    segments = document_segments(read_structure(doc, None))
    served, _ = load_translations(doc, segments, translation_folders(settings, doc), glossary)
    out: dict[str, dict[str, str]] = {}
    for ts in served:
        out.setdefault(ts.lang, {})[ts.segment.id] = ts.text
    return out


def test_good_model_translates_every_segment_into_both_other_languages(
    doc: Path, settings: Settings, glossary: Glossary
) -> None:
    model = ScriptedTranslator()
    report = translate_document(doc, settings, model, glossary)
    assert [x.lang for x in report.languages] == ["zh", "en"]  # not into Vietnamese: it is written in it
    for lang in ("zh", "en"):
        outcome = _outcome(report, lang)
        assert (outcome.segments, outcome.translated, outcome.reused) == (6, 6, 0)
        assert not outcome.failed and not outcome.untranslated
    assert report.calls == 2 and report.translator == "ScriptedTranslator"
    meta, rows = read_translation_file(settings.data_dir / "translations" / "huong-dan-nha-may.en.jsonl")
    assert meta["method"] == "machine" and meta["lang"] == "en" and meta["source"] == DOC_NAME
    assert meta["translator"] == "ScriptedTranslator" and meta["segmenter"] and meta["date"]
    assert len(meta["source_sha256"]) == 64 and meta["rejected"] == []
    assert set(rows[0]) == {"id", "start", "end", "source_lang", "digest", "source", "text"}
    served = _served(doc, settings, glossary)
    assert len(served["en"]) == len(served["zh"]) == 6
    assert "The factory's base year is 2019." in served["en"].values()


def test_base_url_host_names_the_translator(doc: Path, settings: Settings, glossary: Glossary) -> None:
    remote = settings.model_copy(update={"llm_base_url": "http://user:pw@127.0.0.1:8088/v1"})
    report = translate_document(doc, remote, ScriptedTranslator(), glossary, targets=["en"])
    assert report.translator == "ScriptedTranslator via 127.0.0.1:8088"


def test_a_dropped_number_leaves_that_segment_untranslated_and_reported(
    doc: Path, settings: Settings, glossary: Glossary
) -> None:
    def drop_45(target: str, source: str, text: str) -> str:
        return text.replace(" by 45%", "") if target == "en" else text

    model = ScriptedTranslator(edit=drop_45)
    report = translate_document(doc, settings, model, glossary)
    en = _outcome(report, "en")
    assert en.translated == 5 and len(en.failed) == 1
    seg_id, problem = en.failed[0]
    assert seg_id == "167-243" and "numbers missing: 45" in problem
    assert _outcome(report, "zh").translated == 6
    served = _served(doc, settings, glossary)
    assert "167-243" not in served["en"] and len(served["en"]) == 5 and len(served["zh"]) == 6
    lines = report.lines()
    assert any("en: 5 of 6 segments machine-translated" in line and "1 failed the checks" in line for line in lines)
    assert any("167-243" in line and "numbers missing: 45" in line for line in lines)
    # the model's answer is kept (not served) so the next run does not ask again, and reports it again
    again = translate_document(doc, settings, ScriptedTranslator(edit=drop_45), glossary)
    assert again.calls == 0 and _outcome(again, "en").failed == en.failed


def test_garbage_then_good_json(doc: Path, settings: Settings, glossary: Glossary) -> None:
    model = ScriptedTranslator(replies=["Xin lỗi, tôi không hiểu yêu cầu."])
    report = translate_document(doc, settings, model, glossary)
    assert report.calls == 3  # zh: garbage, then good; en: good
    assert all(x.translated == 6 for x in report.languages)


SOLAR_VI = "Nhà máy lắp đặt 2.400 tấm pin mặt trời trên mái nhà xưởng để giảm điện mua từ lưới."


def test_an_echo_of_the_source_is_not_a_translation(doc: Path, settings: Settings, glossary: Glossary) -> None:
    """A model that returns the Vietnamese unchanged passes the number checks; the language check stops it."""
    model = ScriptedTranslator(edit=lambda target, source, text: source if source == SOLAR_VI else text)
    report = translate_document(doc, settings, model, glossary, targets=["en"])
    assert _outcome(report, "en").failed == [("245-328", "not written in English")]


@pytest.mark.parametrize(
    ("text", "lang", "wrong"),
    [
        ("The target is to cut scope 1 and 2 emissions by 45% by 2030.", "en", False),
        ("Contact Nguyễn Văn An at the ministry about the annual emissions report.", "en", False),
        (TARGET_VI, "en", True),
        (TARGET_VI, "zh", True),
        ("The factory installed 2,400 solar panels on the workshop roofs.", "vi", True),
        ("The target is 45% by 2030.", "vi", False),  # too short to tell
        ("目标是到2030年将范围一和范围二排放较基准年减少45%。", "en", True),
        ("目标是到2030年将范围一和范围二排放较基准年减少45%。", "zh", False),
        ("MCAP", "vi", False),
        ("https://sciencebasedtargets.org/wp-content/uploads/2019/03/SBTi-criteria.pdf", "zh", False),
    ],
)
def test_wrong_language(text: str, lang: str, wrong: bool) -> None:
    assert (wrong_language(text, lang) is not None) is wrong


@pytest.mark.parametrize("error", [TimeoutError("model server timed out"), ConnectionError("refused")])
def test_a_failing_model_never_stops_the_ingest(
    doc: Path, settings: Settings, glossary: Glossary, error: BaseException
) -> None:
    if isinstance(error, ConnectionError):
        import httpx

        error = httpx.ConnectError("connection refused")
    model = ScriptedTranslator(fail=error)
    report = translate_document(doc, settings, model, glossary)
    assert report.calls == 2  # one batch per language, then it stops asking
    for outcome in report.languages:
        assert outcome.translated == 0 and len(outcome.untranslated) == 6
    assert not (settings.data_dir / "translations").exists() or not any((settings.data_dir / "translations").iterdir())
    result = ingest(settings, [doc], progress=False)
    assert result.added == [DOC_NAME] and not result.failed
    assert result.translations[DOC_NAME].languages == []


def test_second_run_asks_nothing_and_keeps_the_files(doc: Path, settings: Settings, glossary: Glossary) -> None:
    translate_document(doc, settings, ScriptedTranslator(), glossary)
    files = sorted((settings.data_dir / "translations").iterdir())
    before = [(p.read_bytes(), p.stat().st_mtime_ns) for p in files]
    model = ScriptedTranslator()
    report = translate_document(doc, settings, model, glossary)
    assert model.batches == [] and report.calls == 0
    assert all((x.translated, x.reused) == (0, 6) for x in report.languages)
    assert [(p.read_bytes(), p.stat().st_mtime_ns) for p in files] == before  # ingest sees nothing new


def test_a_changed_file_retranslates_only_its_changed_segments(
    doc: Path, settings: Settings, glossary: Glossary
) -> None:
    translate_document(doc, settings, ScriptedTranslator(), glossary)
    doc.write_text(DOC_VI.replace("năm 2019", "năm 2020"), encoding="utf-8")
    model = ScriptedTranslator()
    report = translate_document(doc, settings, model, glossary)
    assert sorted(model.batches) == [
        ("en", ["Năm cơ sở của nhà máy là năm 2020."]),
        ("zh", ["Năm cơ sở của nhà máy là năm 2020."]),
    ]
    assert all((x.translated, x.reused) == (1, 5) for x in report.languages)
    assert "The factory's base year is 2020." in _served(doc, settings, glossary)["en"].values()


def test_a_different_model_translates_again(doc: Path, settings: Settings, glossary: Glossary) -> None:
    translate_document(doc, settings, ScriptedTranslator(), glossary, targets=["en"])
    other = settings.model_copy(update={"llm_base_url": "http://10.0.0.5:8000/v1"})
    model = ScriptedTranslator()
    report = translate_document(doc, other, model, glossary, targets=["en"])
    assert report.calls == 1 and _outcome(report, "en").translated == 6


def test_the_shipped_corpus_is_never_machine_translated(settings: Settings, glossary: Glossary) -> None:
    model = ScriptedTranslator()
    reports = translate_files(settings, [CORPUS], model)
    assert len(reports) == 5 and all(r.skipped for r in reports)
    assert model.batches == [] and not (settings.data_dir / "translations").exists()
    assert CORPUS.resolve().is_relative_to(REPO)


def test_a_translation_by_a_person_beside_the_document_is_left_alone(
    doc: Path, settings: Settings, glossary: Glossary
) -> None:
    beside = doc.parent / "translations" / "huong-dan-nha-may.en.jsonl"
    write_translation_file(beside, {"lang": "en", "method": "human", "source_sha256": "x"}, [])
    model = ScriptedTranslator()
    report = translate_document(doc, settings, model, glossary)
    assert _outcome(report, "en").skipped and _outcome(report, "zh").translated == 6
    assert {lang for lang, _ in model.batches} == {"zh"}
    assert beside.read_text(encoding="utf-8").count("\n") == 1


# --- end to end: ingest, retrieve in English, answer with the machine-translation note ------------------


@pytest.fixture(scope="module")
def translated_index(tmp_path_factory: pytest.TempPathFactory, glossary: Glossary) -> Iterator[Settings]:
    root = tmp_path_factory.mktemp("machine-translated")
    settings = Settings(data_dir=root / "data", corpus_dir=CORPUS)
    path = write_doc(root)
    report = translate_document(path, settings, ScriptedTranslator(), glossary)
    assert all(x.translated == 6 for x in report.languages)
    result = ingest(settings, [path], progress=False)
    assert result.added == [DOC_NAME]
    assert result.translations[DOC_NAME].languages == ["en", "zh"] and result.translations[DOC_NAME].served == 12
    yield settings


def test_an_english_question_retrieves_the_vietnamese_document_with_its_translation(
    translated_index: Settings,
) -> None:
    hits = HybridRetriever(translated_index).retrieve("What is the factory's base year?", k=3)
    top = hits[0].contract_json()
    assert top["doc"] == DOC_NAME and "2019" in top["text"]
    assert top["translation_lang"] == "en" and top["translation_method"] == "machine"
    assert "The factory's base year is 2019." in top["translation"]
    assert "Năm cơ sở" in top["text"]  # text stays the original words


def test_the_answer_marks_the_machine_translation(translated_index: Settings) -> None:
    answer = AnswerService(translated_index).ask("How many solar panels did the factory install on its roofs?")
    assert not answer.refused, answer.answer
    note = t("answer.machine_translation_note", "en", language="Vietnamese", quote="")
    assert note.split("(")[0].strip() in answer.answer
    assert "2,400" in answer.answer and "2.400" in answer.answer  # the translation and the original beside it
    assert answer.citations[0].doc == DOC_NAME
    assert TABLE["en"]  # the table the scripted model translated with
