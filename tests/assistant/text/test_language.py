from __future__ import annotations

import pytest

from assistant.text.language import detect_language, languages_present
from assistant.text.tokenize import tokenize


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("MCAP là gì?", "vi"),
        ("scope 3 是什么", "zh"),
        ("What is MCAP?", "en"),
        ("giam 30% tu 2020 den 2030", "vi"),
        ("基准年2019年、目标年2029年", "zh"),
        ("Our scope 3 is 45% of total", "en"),
    ],
)
def test_detect_language_short_and_mixed(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_bilingual_document() -> None:
    assert languages_present("企业气候行动指数 Corporate Climate Action Transparency Index") == ["zh", "en"]


def test_tokens_keep_numbers_and_clause_ids_whole() -> None:
    tokens = tokenize("■C19.1 要求 4.2% 和 2.1.1；phạm vi 3")
    assert {"c19.1", "4.2%", "2.1.1", "pham_vi"} <= set(tokens)
