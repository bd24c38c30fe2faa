"""The web UI's words, read from the message catalog (``assistant/messages/ui.toml``)."""

from __future__ import annotations

from assistant.messages import LANGS, catalog, t
from tools import rules

# Each language named in itself, for the interface-language switch.
LANG_CHOICES: list[tuple[str, str]] = [(t(f"answer.language.{lang}", lang), lang) for lang in LANGS]
EXAMPLE_COUNT = 6

# Choices for string arguments the typed functions accept as free text (aliases are normalised there).
CHOICES: dict[str, list[str]] = {
    "ambition": ["1.5C", "WB2C", "2C"],
    "scope": ["s1+s2", "s3"],
    "industry": sorted(rules.cati()["industries"]),
}


def ui(key: str, lang: str) -> str:
    return t(f"ui.{key}", lang)


def field_label(name: str, lang: str, fallback: str) -> str:
    key = f"ui.field.{name}"
    return t(key, lang) if catalog().has(key) else fallback


def calculator_name(name: str, lang: str) -> str:
    return t(f"ui.calculator.{name}", lang)


def examples(lang: str) -> list[str]:
    return [t(f"ui.example.{i}", lang) for i in range(1, EXAMPLE_COUNT + 1)]
