"""Machine translation against a real local model (llama.cpp's OpenAI-compatible server with the Qwen2.5
0.5B GGUF that ``bash scripts/fetch_local_llm.sh`` puts in ~/.cache/models). Skipped when it is not there.

The small model is not trusted: the assertions are what the assistant guarantees around it (every segment
accounted for, only checked translations served, a second run asks nothing for what it answered)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.corpus.glossary import glossary_for
from assistant.corpus.ingest import ingest
from assistant.corpus.machine_translation import translate_document
from assistant.llm.chat_model import make_chat_model
from tests.assistant.llm.local_model import serve_local_model
from tests.assistant.llm.scripted_translator import DOC_NAME, DOC_VI
from tests.conftest import CORPUS

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def llm_url() -> Iterator[str]:
    yield from serve_local_model()


def test_the_local_model_translates_a_document_under_the_checks(llm_url: str, tmp_path: Path) -> None:
    settings = Settings(
        data_dir=tmp_path / "data",
        corpus_dir=CORPUS,
        llm_base_url=llm_url,
        llm_model="qwen2.5-coder-0.5b-instruct",
        llm_timeout_s=120.0,
    )
    doc = tmp_path / DOC_NAME
    doc.write_text(DOC_VI, encoding="utf-8")
    glossary = glossary_for(CORPUS / "glossary.csv")
    model = make_chat_model(settings)
    report = translate_document(doc, settings, model, glossary, targets=["en"])
    print("\n".join(report.lines()))
    en = report.languages[0]
    assert report.translator.endswith(f"via 127.0.0.1:{llm_url.split(':')[2].split('/')[0]}")
    assert en.translated + len(en.failed) + len(en.untranslated) == en.segments == 6
    assert report.calls >= 1
    result = ingest(settings, [doc], progress=False)
    assert result.added == [DOC_NAME] and not result.failed
    served = result.translations[DOC_NAME]
    assert served.served + len(served.failed) <= en.translated  # only what passed our checks is served
    again = translate_document(doc, settings, model, glossary, targets=["en"])
    assert again.languages[0].reused == en.translated  # answered segments are not asked again
    assert again.calls == 0 or en.untranslated
