"""The committed question files are the source of truth: the checks their generator scripts used to run.

``evals/questions.jsonl`` (answer dev set) has two halves: ids ``q-…`` ask the hand-checked facts of
``evals/retrieval_questions.jsonl`` once per language and add calculator and refusal items; ids ``t-…``
were written independently, with the documents' traps (absolute contraction is LINEAR, GEVA is
COMPOUND, the corpus holds SBTi criteria v4.0 of 2019, doc 004's Table 5 header says 2015-2020 where
2015-2030 is meant, C19's Chinese wording). A calculator item stores its calculator (``expected_tool``),
the arguments (``tool_arguments``) and the output read (``tool_output_key``, an extension field), so
``expected_value`` is re-derived here rather than trusted.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from evals.matching import match_answer
from evals.question_file import Question, load_questions
from tools.registry import get_calculator

ROOT = Path(__file__).resolve().parents[2]
DEV_SET = ROOT / "evals" / "questions.jsonl"
RETRIEVAL_SET = ROOT / "evals" / "retrieval_questions.jsonl"
LANGS = ("vi", "zh", "en")
KINDS = {"fact", "crosslingual", "calc", "criteria", "refusal"}
# The languages each corpus document is written in (by its number): a question in one of them is a
# "fact" item, in another language a "crosslingual" one.
DOC_LANGS = {"000": {"vi"}, "001": {"zh"}, "002": {"vi"}, "003": {"zh", "en"}, "004": {"zh"}}
WINDOW = 600  # characters either side of a gold quote that "quoting the passage" may use


@pytest.fixture(scope="module")
def corpus() -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in (ROOT / "corpus").glob("*.txt")}


@pytest.fixture(scope="module")
def dev_set() -> list[Question]:
    return load_questions(DEV_SET)


@pytest.fixture(scope="module")
def retrieval_set() -> list[Question]:
    return load_questions(RETRIEVAL_SET)


def _half(qs: list[Question], prefix: str) -> list[Question]:
    return [q for q in qs if q.id.startswith(prefix + "-")]


def _calculator_items(qs: list[Question]) -> list[tuple[Question, str]]:
    """The calculator items, each with its calculator's name."""
    return [(q, q.expected_tool) for q in qs if q.expected_tool]


def _quotes(q: Question) -> list[str]:
    return [q.source_quote or "", *q.extra.get("alt_quotes", [])]


def _window(text: str, quote: str) -> str:
    i = text.index(quote)
    return text[max(0, i - WINDOW) : i + len(quote) + WINDOW]


def _fail(problems: list[str]) -> str:
    return f"{len(problems)} problem(s):\n  " + "\n  ".join(problems)


@pytest.mark.parametrize(
    ("path", "pattern"), [(DEV_SET, r"[qt]-(vi|zh|en)-\d{3}"), (RETRIEVAL_SET, r"ret-(vi|zh|en)-\d{3}")]
)
def test_ids_are_unique_and_name_the_language(path: Path, pattern: str) -> None:
    qs = load_questions(path)
    dupes = [i for i, n in Counter(q.id for q in qs).items() if n > 1]
    assert not dupes, f"duplicate ids: {dupes}"
    bad = [q.id for q in qs if not (m := re.fullmatch(pattern, q.id)) or m.group(1) != q.lang]
    assert not bad, f"ids not of the form {pattern} with the item's language: {bad}"


@pytest.mark.parametrize("path", [DEV_SET, RETRIEVAL_SET])
def test_question_texts_are_unique(path: Path) -> None:
    dupes = [t for t, n in Counter(q.question for q in load_questions(path)).items() if n > 1]
    assert not dupes, f"duplicate question text: {dupes}"


def test_each_language_has_enough_questions_and_refusals(dev_set: list[Question]) -> None:
    assert len(dev_set) >= 120
    assert sum(q.expect_refusal for q in dev_set) >= 15
    traps = _half(dev_set, "t")
    for lang in LANGS:
        assert sum(q.lang == lang for q in dev_set) >= 40, lang
        assert sum(q.lang == lang for q in traps) >= 40, f"t-{lang}: fewer than 40 questions"
        assert sum(q.lang == lang and q.expect_refusal for q in traps) >= 6, f"t-{lang}: fewer than 6 refusals"


def test_kinds_refusals_and_sources_are_consistent(dev_set: list[Question]) -> None:
    problems: list[str] = []
    for q in dev_set:
        if q.lang not in LANGS or q.kind not in KINDS:
            problems.append(f"{q.id}: language {q.lang!r} / kind {q.kind!r}")
        if q.expect_refusal != (q.kind == "refusal"):
            problems.append(f"{q.id}: expect_refusal={q.expect_refusal} but kind {q.kind!r}")
        if q.expect_refusal:
            if q.source_doc or q.source_quote or q.expected_tool or q.expected_value is not None:
                problems.append(f"{q.id}: a refusal carries no source or tool")
            if q.must_include or q.any_of or q.must_not_include:
                problems.append(f"{q.id}: a refusal carries no matching strings")
            continue
        if bool(q.source_doc) != bool(q.source_quote):
            problems.append(f"{q.id}: source_doc and source_quote go together")
        if not (q.source_doc or q.expected_tool):
            problems.append(f"{q.id}: neither a source nor a calculator")
        if q.id.startswith("t-") and not q.source_doc:
            problems.append(f"{q.id}: every t- item rests on a document quote")
        if not q.expected_tool and q.expected_value is not None:
            problems.append(f"{q.id}: expected_value without expected_tool")
        if q.kind == "calc" and not q.expected_tool:
            problems.append(f"{q.id}: a calc item names its calculator")
        if q.kind in {"fact", "crosslingual"} and q.expected_tool:
            problems.append(f"{q.id}: a {q.kind} item has no calculator")
        if not (q.must_include or any(q.any_of)):
            problems.append(f"{q.id}: nothing a correct answer must contain")
    assert not problems, _fail(problems)


@pytest.mark.parametrize("path", [DEV_SET, RETRIEVAL_SET])
def test_fact_kind_follows_the_document_language(path: Path) -> None:
    bad = [
        f"{q.id}: {q.kind} in {q.lang} on {q.source_doc}"
        for q in load_questions(path)
        if q.kind in {"fact", "crosslingual"}
        and q.kind != ("fact" if q.lang in DOC_LANGS[(q.source_doc or "")[:3]] else "crosslingual")
    ]
    assert not bad, _fail(bad)


@pytest.mark.parametrize("path", [DEV_SET, RETRIEVAL_SET])
def test_source_quotes_are_exact_substrings_of_their_documents(path: Path, corpus: dict[str, str]) -> None:
    problems: list[str] = []
    for q in load_questions(path):
        if not q.source_doc:
            continue
        if q.source_doc not in corpus:
            problems.append(f"{q.id}: unknown document {q.source_doc!r}")
            continue
        problems += [
            f"{q.id}: quote not in {q.source_doc}: {s!r}" for s in _quotes(q) if not s or s not in corpus[q.source_doc]
        ]
    assert not problems, _fail(problems)


def test_trap_quotes_are_10_to_60_characters(dev_set: list[Question]) -> None:
    bad = [
        f"{q.id}: {len(q.source_quote)} characters"
        for q in _half(dev_set, "t")
        if q.source_quote and not 10 <= len(q.source_quote) <= 60
    ]
    assert not bad, _fail(bad)


def test_calculator_items_reproduce_their_expected_value(dev_set: list[Question]) -> None:
    problems: list[str] = []
    for q, tool in _calculator_items(dev_set):
        args, key = q.extra.get("tool_arguments"), q.extra.get("tool_output_key")
        if not isinstance(args, dict) or not isinstance(key, str):
            problems.append(f"{q.id}: tool_arguments / tool_output_key missing")
            continue
        value = round(float(get_calculator(tool)(**args).outputs[key]), 4)
        if q.expected_value != value:
            problems.append(f"{q.id}: expected_value {q.expected_value} but {tool}(…)[{key}] = {value}")
    assert not problems, _fail(problems)


def test_calculator_explanation_passes_its_item(dev_set: list[Question]) -> None:
    """The matching strings are fair to a correct, calculator-backed answer in the question's language."""
    problems: list[str] = []
    for q, tool in _calculator_items(dev_set):
        result = get_calculator(tool)(**q.extra["tool_arguments"])
        text = result.explanation[q.lang] + " " + (q.source_quote or "")
        m = match_answer(text, q.must_include, q.any_of, q.must_not_include)
        if not m.passed:
            problems.append(f"{q.id}: {m} :: {text}")
    assert not problems, _fail(problems)


def test_quoting_the_document_can_pass_the_item(dev_set: list[Question], corpus: dict[str, str]) -> None:
    """An answer that quotes the passage around the gold quote can pass, and is never penalised."""
    problems: list[str] = []
    for q in dev_set:
        if q.expected_tool or q.expect_refusal or not q.source_doc or not q.source_quote:
            continue
        window = _window(corpus[q.source_doc], q.source_quote)
        m = match_answer(window, q.must_include, q.any_of, q.must_not_include)
        problems += [f"{q.id}: {s!r} not near the quote" for s in m.missing]
        problems += [f"{q.id}: no variant of {g} near the quote" for g in m.missing_groups]
        problems += [f"{q.id}: forbidden {s!r} occurs near the quote" for s in m.forbidden]
    assert not problems, _fail(problems)


def test_dev_set_facts_are_the_retrieval_facts(dev_set: list[Question], retrieval_set: list[Question]) -> None:
    """The q- fact items ask exactly the retrieval set's facts (same document, gold and alternative quotes)."""

    def key(q: Question) -> tuple[str, str, str, str | None, str | None, tuple[str, ...]]:
        return (q.lang, q.question, q.kind, q.source_doc, q.source_quote, tuple(q.extra.get("alt_quotes", [])))

    facts = [key(q) for q in _half(dev_set, "q") if q.kind in {"fact", "crosslingual"}]
    retrieval = [key(q) for q in retrieval_set]
    only_dev, only_retrieval = Counter(facts) - Counter(retrieval), Counter(retrieval) - Counter(facts)
    assert not only_dev and not only_retrieval, (
        f"only in the dev set: {only_dev}; only in the retrieval set: {only_retrieval}"
    )
    langs: dict[tuple[str | None, str | None], set[str]] = {}
    for q in retrieval_set:
        langs.setdefault((q.source_doc, q.source_quote), set()).add(q.lang)
    assert all(v == set(LANGS) for v in langs.values()), "each fact is asked once in every language"
    assert len(retrieval_set) == len(LANGS) * len(langs)


def test_retrieval_items_are_document_facts(retrieval_set: list[Question]) -> None:
    bad = [
        q.id
        for q in retrieval_set
        if q.kind not in {"fact", "crosslingual"} or q.expect_refusal or q.expected_tool or not q.source_quote
    ]
    assert not bad, f"not a document fact: {bad}"
