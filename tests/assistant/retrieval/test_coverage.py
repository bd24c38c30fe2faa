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


def test_names_no_document_uses() -> None:
    vocab = _vocabulary()
    assert "CBAM" in vocab.unknown_names("When does the EU CBAM start applying to textiles?")
    assert vocab.unknown_names("Giá chứng chỉ I-REC ở Việt Nam là bao nhiêu?") == ["I-REC"]
    assert vocab.unknown_names("What does SBTi's FLAG guidance require for cotton?") == ["FLAG"]
    # names the documents use, units, a pronoun, the first word of a sentence and an e-mail address are not
    assert vocab.unknown_names("How many hours of support does MCAP give? I need 12,000 MWh figures.") == []
    assert vocab.unknown_names("Which CATI 2.0 indicator covers Higg FEM? Write to Ops.Team@example.com") == []


def test_translations_make_names_known_and_each_document_has_its_own() -> None:
    vocab = CorpusVocabulary.build(
        [("zh", "深圳论坛"), ("vi", "Liên minh VCCA do GreenID khởi xướng")],
        translations=[("001", "en", "the Shenzhen forum")],
        docs=["001", "002"],
    )
    assert vocab.unknown_names("Who spoke at the Shenzhen forum?") == []  # only our translation writes it so
    assert vocab.names_missing_from("Who is the director of GreenID?", "001") == ["GreenID"]
    assert vocab.names_missing_from("Who is the director of GreenID?", "002") == []
    assert vocab.names_missing_from("Who is the director of GreenID?", "unknown-doc") == []  # nothing to judge by


def test_a_long_name_one_letter_off_is_that_name_mistyped() -> None:
    vocab = CorpusVocabulary.build([("en", "The Shanghai forum of Cascale")], docs=["001"])
    assert vocab.unknown_names("What time did the Shangai forum start?") == []
    # short acronyms are not guessed at: CBAM is not CATI
    assert vocab.unknown_names("Does the CBAM apply?") == ["CBAM"]


def test_colloquial_chinese_words_carry_no_subject() -> None:
    vocab = CorpusVocabulary.build([("zh", "耐克公司的价值链每年生产的产品超过10亿个单位")], docs=["004"])
    words, unknown = vocab.content("耐克每年生产多少个单位的产品?大概用到多少种材料?")
    assert "大概" not in unknown and "大概" not in words


def test_our_translations_words_are_known_but_do_not_make_a_language_broad() -> None:
    # a Chinese question about the Vietnamese VCCA page speaks the words of our Chinese translation of it
    vocab = CorpusVocabulary.build(
        [("vi", "Liên minh VCCA có bảy giá trị cốt lõi")],
        translations=[("002", "zh", "VCCA联盟有七项核心价值观")],
        docs=["002"],
    )
    assert vocab.unknown_words("VCCA 的核心价值观有几条?") == []
    assert vocab.unknown_words("VCCA 的会费是多少?") == ["会费"]
    assert "zh" not in vocab.size_by_language  # breadth counts the documents' own words only


def test_words_that_say_how_a_chinese_question_is_asked_are_not_its_subject() -> None:
    # round-8 dev data: 听说, 到场, 哪家, 任职 declined a question about a board member at the forum
    vocab = _vocabulary()
    words, unknown = vocab.content("听说上海论坛有Cascale董事会成员到场,是谁?在哪家公司任职?")
    assert not {"听说", "到场", "哪家", "任职"} & set(unknown)
    assert vocab.off_topic("听说上海论坛有Cascale董事会成员到场,是谁?在哪家公司任职?") == []
    # nouns no document uses still count: a carbon tax rate is not in the documents
    assert vocab.unknown_words("越南的碳税税率是多少？") == ["碳税", "税率"]


def test_a_chinese_word_the_tagger_splits_into_function_words_is_not_a_subject() -> None:
    vocab = _vocabulary()
    words, unknown = vocab.content("2.1.2 披露碳强度那条,英文版里碳强度的单位是怎么表述的?我要翻给老外看。")
    assert "我要" not in unknown and "英文版" not in unknown  # the asker, and the document's English half


def test_business_abbreviations_are_no_names() -> None:
    vocab = _vocabulary()
    assert (
        vocab.unknown_names("Nhà máy mua hơi nước từ KCN cấp sang, xưởng may gia công (CMT) thì tính scope nào?") == []
    )
    assert "CBAM" in vocab.unknown_names("Does the CBAM apply to a CMT factory?")
    assert "CMT" not in vocab.unknown_names("Does the CBAM apply to a CMT factory?")


def test_a_name_missing_its_last_letter_is_that_name() -> None:
    vocab = CorpusVocabulary.build([("en", "Colin Browne became CEO of Cascale in May")], docs=["001"])
    assert vocab.unknown_names("Since when is Colin Brown the CEO?") == []
    assert vocab.unknown_names("Is Colin Bro the CEO?") == ["Bro"]


def test_a_known_name_with_a_plural_or_possessive_s_is_that_name() -> None:
    vocab = CorpusVocabulary.build([("en", "The CATI index scores brands")], docs=["003"])
    assert vocab.unknown_names("How many gases does the CATIs definition cover?") == []
    assert vocab.unknown_names("What do the CCERs count for?") == ["CCERs"]
