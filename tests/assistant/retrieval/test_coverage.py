from __future__ import annotations

from pathlib import Path

from assistant.corpus.glossary import load_glossary
from assistant.retrieval.coverage import CorpusVocabulary

CORPUS = Path(__file__).resolve().parents[3] / "corpus"
LANGS = {"000": "vi", "001": "zh", "002": "vi", "003": "zh", "004": "zh"}


def _vocabulary() -> CorpusVocabulary:
    texts = [(LANGS[p.name[:3]], p.read_text(encoding="utf-8")) for p in sorted(CORPUS.glob("*.txt"))]
    return CorpusVocabulary.build(texts)


def test_only_a_broad_language_is_checked() -> None:
    vocab = _vocabulary()
    assert vocab.broad("zh")
    assert not vocab.broad("vi") and not vocab.broad("en")  # two short brochures are not enough to judge


def test_words_no_document_uses() -> None:
    vocab = _vocabulary()
    glossary = load_glossary(CORPUS / "glossary.csv")

    def unknown(q: str) -> list[str]:
        return vocab.unknown_words(q, [form for _, _, form in glossary.match(q)])

    assert unknown("越南的碳税税率是多少？") == ["碳税", "税率"]
    assert "cbam" in unknown("欧盟CBAM对纺织品的碳价是多少？")
    # covered questions, in the user's words rather than the documents'
    assert unknown("CATI指数的五个维度是什么？") == []  # the documents say 一级指标; the glossary knows 维度
    assert unknown("什么情况下公司必须设定范围三目标？") == []
    assert unknown("范围三目标需要覆盖多大比例的范围三排放？") == []
    assert unknown("蔚蓝生态链是什么？") == []
