"""The segment translator against scripted models: replies wrapped in prose and code fences, garbage
then good JSON, garbage for good (one segment per call), wrong counts, and models that fail."""

from __future__ import annotations

import httpx2
import openai
import pytest

from assistant.llm.errors import LLMOutputError
from assistant.llm.translator import SegmentTranslator, batches, parse_translations
from tests.assistant.llm.scripted_translator import TABLE, ScriptedTranslator

SOURCES = list(TABLE["en"])[:6]


@pytest.mark.parametrize(
    "reply",
    [
        '["a", "b"]',
        'Sure! Here they are:\n```json\n["a", "b"]\n```\nHope this helps.',
        'Translations: ["a", "b"] (same order)',
        '{"translations": ["a", "b"]}',
        '[{"id": 1, "translation": "a"}, {"id": 2, "translation": "b"}]',
        'The input was ["x", "y", "z"]; the output is ["a", "b"]',
    ],
)
def test_replies_small_models_write_are_read(reply: str) -> None:
    assert parse_translations(reply, 2) == ["a", "b"]


@pytest.mark.parametrize(
    "reply",
    ["a\nb", '["a"]', '["a", "b", "c"]', '["a", 2]', '["a", "b"', "", '{"a": "x", "b": "y"}'],
)
def test_malformed_replies_are_refused(reply: str) -> None:
    assert parse_translations(reply, 2) is None


def test_batches_stay_under_the_character_and_count_limits() -> None:
    texts = ["x" * 600, "y" * 600, "z" * 600, "w" * 2000, "v" * 10, "u" * 10, "t" * 10]
    got = list(batches(texts, max_chars=1500, max_segments=2))
    assert got == [[0, 1], [2], [3], [4, 5], [6]]
    assert sorted(i for b in got for i in b) == list(range(len(texts)))


def test_good_model_translates_in_one_call_with_the_glossary_terms() -> None:
    model = ScriptedTranslator()
    result = SegmentTranslator(model).translate(
        SOURCES, "vi", "en", terms=lambda text: [("phạm vi 1 và 2", "scope 1 and 2")] if "phạm vi" in text else []
    )
    assert result.texts == [TABLE["en"][s] for s in SOURCES]
    assert result.problems == [None] * len(SOURCES)
    assert result.calls == 1 and model.batches == [("en", SOURCES)]
    prompt = model.prompts[0]
    assert "from Vietnamese into English" in prompt and "exactly 6 strings" in prompt
    assert '"phạm vi 1 và 2" → "scope 1 and 2"' in prompt


def test_garbage_then_good_json_costs_one_more_call() -> None:
    model = ScriptedTranslator(replies=["I am sorry, I cannot produce JSON today."])
    result = SegmentTranslator(model).translate(SOURCES, "vi", "zh")
    assert result.texts == [TABLE["zh"][s] for s in SOURCES]
    assert result.calls == 2


def test_a_batch_malformed_twice_falls_back_to_one_segment_per_call() -> None:
    model = ScriptedTranslator(replies=['["only one"]', '["still", "wrong"]'])
    result = SegmentTranslator(model).translate(SOURCES[:3], "vi", "en")
    assert result.texts == [TABLE["en"][s] for s in SOURCES[:3]]
    assert result.calls == 2 + 3
    assert [len(b) for _, b in model.batches] == [3, 3, 1, 1, 1]


def test_a_segment_the_model_never_answers_is_reported() -> None:
    model = ScriptedTranslator(replies=["garbage"] * 4)  # the batch twice, then the first segment twice
    result = SegmentTranslator(model).translate(SOURCES[:2], "vi", "en")
    assert result.texts == [None, TABLE["en"][SOURCES[1]]]
    assert result.problems[0] is not None and "no usable reply" in result.problems[0]


@pytest.mark.parametrize(
    "error",
    [
        TimeoutError("timed out"),
        LLMOutputError("empty"),
        # a real request: openai 3.60 reads its headers when the error is made
        openai.APIConnectionError(request=httpx2.Request("POST", "http://127.0.0.1:9/v1/chat/completions")),
    ],
)
def test_a_failing_model_leaves_segments_untranslated_and_stops_asking(error: BaseException) -> None:
    model = ScriptedTranslator(fail=error)
    translator = SegmentTranslator(model, max_batch_segments=2)
    result = translator.translate(SOURCES, "vi", "en")
    assert result.texts == [None] * len(SOURCES)
    assert all(p and p.startswith("the model failed") for p in result.problems[:4])
    assert all(p and "not asked" in p for p in result.problems[4:])
    assert result.calls == 2  # two failures in a row, then the third batch is not sent


def test_a_bug_is_not_swallowed_as_a_model_failure() -> None:
    model = ScriptedTranslator(fail=KeyError("bug"))
    with pytest.raises(KeyError):
        SegmentTranslator(model).translate(SOURCES, "vi", "en")
