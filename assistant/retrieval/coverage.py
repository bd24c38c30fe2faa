"""Words of a question that the documents never use: a sign the question lies outside them.

Embedding similarity cannot tell "carbon tax in Vietnam" from "carbon targets in Vietnam" with the
small bundled model, but a question whose own key words (税率, 碳税) appear nowhere in the corpus is
not answered by it. The check only runs for a language in which the corpus is broad enough for
absence to mean something (its vocabulary in that language passes ``MIN_VOCABULARY``); with more
documents in a language it switches on by itself.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from assistant.text.tokenize import chinese_function_words, content_words, fold_diacritics

_CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_CJK_NUMERAL = re.compile(r"^[一二三四五六七八九十百千万两几第]")  # 五个, 两年, 第三: counts, not topics

# Distinct words a language needs in the corpus before a missing word counts as evidence.
MIN_VOCABULARY = 2000
# More missing content words than this, making up at least this share of the question's content
# words, make a question "not covered" (one odd word, or a few in a long question, do not).
# a name of at least this many letters, this similar to a word of the texts, is taken as that word mistyped
# (one letter off in a 7-letter word scores 0.92; "cbam" / "cba" style acronyms are too short to guess)
TYPO_MIN_CHARS = 6
TYPO_MIN_SIMILARITY = 0.9
DROPPED_LETTER_MIN_CHARS = 5
MAX_UNKNOWN = 1
# Two missing words must make up this share of the key words (越南的碳税税率: 碳税, 税率 of three); three or more,
# MIN_UNKNOWN_SHARE. Chosen on rounds 4-6 and the 252-question set (dev data): at MIN_UNKNOWN_SHARE alone,
# colloquial Chinese (批下来, 复核 among eight key words) declined covered questions; with this rule round-6
# answerable questions are wrongly declined 0.067 (0.083 before), round-6 cross-lingual ones 0.144 (0.167), and
# the uncovered questions declined stay as they were (rounds 4-6: 0.744 / 0.778 / 0.744; dev set 0.923).
# Two missing words alone (no share) lost 越南的碳税税率 (dev set 0.923 → 0.897).
FEW_UNKNOWN = 2
FEW_UNKNOWN_SHARE = 0.6
MIN_UNKNOWN_SHARE = 0.4
# Question words and fillers the documents need not contain (the stop lists hold the rest).
QUESTION_WORDS = frozenset(
    [
        "什么",
        "哪些",
        "哪个",
        "哪里",
        "多少",
        "多久",
        "多大",
        "多长",
        "几",
        "几分",
        "几年",
        "几个",
        "如何",
        "怎么",
        "怎样",
        "为什么",
        "是否",
        "能否",
        "可以",
        "需要",
        "必须",
        "应该",
        "吗",
        "呢",
        "谁",
        "由谁来",
        "做",
        "现在",
        "目前",
        "请问",
        "我们",
        "我",
        "你",
        "您",
        "公司",
        "企业",
        "工厂",
        "有没有",
        "一下",
        "告诉",
        "关于",
        # colloquial words that never carry a question's subject
        "那个",
        "这个",
        "那篇",
        "这篇",
        "那场",
        "这场",
        "那次",
        "大概",
        "大约",
        "用到",
        "分别",
        "具体",
        "一般",
        "到底",
        "里面",
        "文里",
        "中文",
        "英文",
        # the documents' own language versions (003 is Chinese and English): the asker names the document
        "中文版",
        "英文版",
        "中英文",
        "原文",
        "译文",
        "全称",
        "一共",
        "总共",
        "gì",
        "nào",
        "bao",
        "nhiêu",
        "lâu",
        "sao",
        "không",
        "có",
        "được",
        "phải",
        "cần",
        "nên",
        "thế",
        "tôi",
        "chúng",
        "ta",
        "bạn",
        "hiện",
        "nay",
        "what",
        "which",
        "who",
        "whom",
        "when",
        "where",
        "why",
        "how",
        "much",
        "many",
        "does",
        "do",
        "did",
        "is",
        "are",
        "can",
        "could",
        "should",
        "would",
        "must",
        "our",
        "we",
        "you",
        "i",
        "tell",
        "me",
        "please",
        "about",
    ]
)


# A name in a question: an acronym or mixed-case word (CBAM, I-REC, FLAG, SBTi) or a capitalised word in
# mid-sentence (Quantis, Dhaka). A name no document (nor our translation of one) uses is something the
# documents do not speak about. Units are not names.
_NAME = re.compile(r"[A-Za-zÀ-ỹĐđ][A-Za-zÀ-ỹĐđ0-9'’&-]*")
_SENTENCE_START = re.compile(r"(?:^|[.?!:;。？！：\n\"'“(（])\s*$")
_URL_OR_EMAIL = re.compile(r"\S+@\S+|https?://\S+|www\.\S+")
UNITS = frozenset(
    ["co2", "co2e", "tco2", "tco2e", "kgco2", "kgco2e", "gco2", "mtco2e", "mwh", "kwh", "gwh", "twh", "gj", "mj",
     "tj", "toe", "kg", "km", "m2", "m3", "usd", "vnd", "rmb", "eur", "co2td", "ghg", "ghgs", "ch4", "n2o"]
)  # fmt: skip


# Business abbreviations askers write that name no programme, standard or organisation: an industrial zone
# (KCN), a limited company (TNHH), cut-make-trim garment work (CMT), a purchase order (PO). Round-8 dev data:
# "mua hơi nước từ KCN", "xưởng may gia công (CMT)" were declined as naming something the documents do not.
COMMON_ABBREVIATIONS = frozenset(
    ["kcn", "kcx", "ccn", "dn", "cty", "tnhh", "cp", "mtv", "hcm", "tphcm", "tp", "hn", "vp", "nv", "kh", "ncc", "sx",
     "ceo", "cfo", "coo", "gm", "md", "hr", "qa", "qc", "po", "oem", "odm", "cmt", "fob", "cif", "ehs", "hse", "csr",
     "esg", "ok"]
)  # fmt: skip


def _folded_latin(text: str) -> list[str]:
    """Latin words of ``text`` without diacritics, lower case ("Thâm Quyến" → "tham", "quyen")."""
    return re.findall(r"[a-z0-9]+", fold_diacritics(text).lower())


@dataclass
class CorpusVocabulary:
    words: set[str] = field(default_factory=set)
    size_by_language: dict[str, int] = field(default_factory=dict)
    # Chinese words are looked up as substrings: the corpus may write 维度 only inside 五大维度.
    cjk_text: str = ""
    # Latin words of every indexed text, translations included, folded: where names are looked up
    latin_words: set[str] = field(default_factory=set)
    doc_latin_words: dict[str, set[str]] = field(default_factory=dict)  # the same, per document

    @classmethod
    def build(
        cls,
        texts: Iterable[tuple[str, str]],
        translations: Iterable[tuple[str, str, str]] = (),
        docs: Iterable[str] = (),
    ) -> CorpusVocabulary:
        """From (language, text) pairs of the indexed chunks, and ``docs``, the document of each; the
        (document, language, text) triples of ``translations`` count for names, and their words are known
        words too (a Chinese question about a Vietnamese document speaks the words of our Chinese
        translation of it), but they do not make a language's vocabulary broad."""
        vocab = cls()
        texts = list(texts)
        for doc, (_, text) in zip(docs, texts, strict=False):
            vocab.doc_latin_words.setdefault(doc, set()).update(_folded_latin(text))
        cjk: list[str] = []
        for doc, _, text in translations:
            words = _folded_latin(text)
            vocab.latin_words.update(words)
            vocab.doc_latin_words.setdefault(doc, set()).update(words)
            vocab.words.update(content_words(text))
            cjk.extend(_CJK_RUN.findall(text))
        per_lang: dict[str, set[str]] = {}
        for lang, text in texts:
            cjk.extend(_CJK_RUN.findall(text))
            vocab.latin_words.update(_folded_latin(text))
            words = content_words(text)
            vocab.words.update(words)
            per_lang.setdefault(lang, set()).update(words)
        vocab.size_by_language = {lang: len(ws) for lang, ws in per_lang.items()}
        vocab.cjk_text = "\n".join(cjk)
        return vocab

    def knows(self, word: str) -> bool:
        if _CJK_RUN.fullmatch(word):
            return word in self.cjk_text
        return word in self.words

    def broad(self, lang: str) -> bool:
        return self.size_by_language.get(lang, 0) >= MIN_VOCABULARY

    def content(self, question: str, known_terms: Iterable[str] = ()) -> tuple[list[str], list[str]]:
        """The question's content words (glossary terms count as known) and those absent from the corpus."""
        text = question.lower()
        terms = [t.lower() for t in known_terms if t.strip()]
        for term in sorted(terms, key=len, reverse=True):
            text = text.replace(term, " ")
        words: list[str] = list(dict.fromkeys(terms))
        unknown: list[str] = []
        asking = chinese_function_words(question)  # 听说, 任职, 批下来: how it is asked, not what about
        for w in content_words(text):
            if (
                w in QUESTION_WORDS
                or w in asking
                or any(ch.isdigit() for ch in w)
                or _CJK_NUMERAL.match(w)
                or len(w) < 2
                or w in words
            ):
                continue
            words.append(w)
            if not self.knows(w):
                unknown.append(w)
        return words, unknown

    def unknown_words(self, question: str, known_terms: Iterable[str] = ()) -> list[str]:
        """Content words of the question absent from the corpus (glossary terms and numbers aside)."""
        return self.content(question, known_terms)[1]

    def off_topic(self, question: str, known_terms: Iterable[str] = ()) -> list[str]:
        """The missing words, when they are enough (count and share) to call the question off the corpus."""
        words, unknown = self.content(question, known_terms)
        if len(unknown) <= MAX_UNKNOWN or len(unknown) < MIN_UNKNOWN_SHARE * len(words):
            return []
        if len(unknown) <= FEW_UNKNOWN and len(unknown) < FEW_UNKNOWN_SHARE * len(words):
            return []
        return unknown

    def unknown_names(self, question: str) -> list[str]:
        """Names in the question (acronyms, capitalised words in mid-sentence) that no indexed text uses; a
        long word one letter off a word the texts use is that word mistyped ("Shangai")."""
        return [word for word, parts in names_in(question) if any(not self._knows_latin(p) for p in parts)]

    def knows_name_part(self, part: str) -> bool:
        """An indexed text (or our translation of one) uses this folded Latin word as written."""
        return part in self.latin_words

    def _knows_latin(self, word: str) -> bool:
        if word in self.latin_words:
            return True
        if word.endswith("s") and word[:-1] in self.latin_words:
            return True  # a plural or a possessive without its apostrophe: "CATIs" (round-30 dev data)
        if len(word) >= DROPPED_LETTER_MIN_CHARS and any(
            f"{word}{ch}" in self.latin_words for ch in "abcdefghijklmnopqrstuvwxyz"
        ):
            return True  # a final letter dropped: "Colin Brown" for Colin Browne (round-8 dev data)
        if len(word) < TYPO_MIN_CHARS:
            return False
        near = [w for w in self.latin_words if abs(len(w) - len(word)) <= 1 and w[0] == word[0]]
        return bool(difflib.get_close_matches(word, near, n=1, cutoff=TYPO_MIN_SIMILARITY))

    def names_missing_from(self, question: str, doc: str) -> list[str]:
        """The question's names that document ``doc`` (or our translation of it) never uses: "the director
        of GreenID" is not answered by a document that does not name GreenID."""
        words = self.doc_latin_words.get(doc)
        if words is None:
            return []
        return [word for word, parts in names_in(question) if any(p not in words for p in parts)]


def names_in(question: str) -> list[tuple[str, list[str]]]:
    """The names of a question, each with its folded Latin parts (digits and units aside)."""
    text = _URL_OR_EMAIL.sub(" ", question)
    out: list[tuple[str, list[str]]] = []
    for m in _NAME.finditer(text):
        word = re.sub(r"['’]s$", "", m.group(0)).strip("'’-&")  # "Lardeau's" is Lardeau
        capitals = sum(ch.isupper() for ch in word)
        if len(word) < 2 or not (
            capitals >= 2 or (word[0].isupper() and not _SENTENCE_START.search(text[: m.start()]))
        ):
            continue
        parts = [p for p in _folded_latin(word) if not p.isdigit() and p not in UNITS and p not in COMMON_ABBREVIATIONS]
        if parts and word not in [w for w, _ in out]:
            out.append((word, parts))
    return out
