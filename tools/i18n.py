"""The one message catalog: every user-facing string in Vietnamese, Chinese and English.

Messages are data, one TOML file per namespace (``tools/messages/*.toml`` for the calculators,
``assistant/messages/*.toml`` for the app); a key is ``<namespace>.<name>`` and each holds ``vi``, ``zh``
and ``en`` side by side, so a missing or stale translation is visible in review and caught by a test.
TOML rather than gettext: it is read by the standard library (no compile step, no Babel at run time),
and the three versions of a message stay on adjacent lines instead of in three files.

Placeholders use ``str.format`` names; floats are written as the reader writes them (``fmt``).
This module lives in ``tools/`` because the calculators need it and ``tools/`` imports nothing from
``assistant/``; the app extends the same catalog with its own folder.
"""

from __future__ import annotations

import math
import tomllib
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Literal, cast

Lang = Literal["vi", "zh", "en"]
LANGS: tuple[Lang, ...] = ("vi", "zh", "en")
DEFAULT_LANG: Lang = "en"

TOOLS_MESSAGES = Path(__file__).with_name("messages")


def as_lang(value: object, default: Lang = DEFAULT_LANG) -> Lang:
    """A supported language code, or ``default`` (accepts ``vi-VN``, ``zh-Hans``, ``EN``)."""
    if isinstance(value, str):
        code = value.strip().lower().replace("_", "-").split("-", 1)[0]
        if code in LANGS:
            return cast(Lang, code)
    return default


def fmt(x: float, lang: str, digits: int = 2) -> str:
    """A number as the reader writes it: Vietnamese uses a decimal comma."""
    s = f"{round(float(x), digits):.{digits}f}".rstrip("0").rstrip(".")
    if s in ("-0", ""):
        s = "0"
    return s.replace(".", ",") if lang == "vi" else s


def fmt_significant(x: float, lang: str, figures: int = 3) -> str:
    """A small measured value to ``figures`` significant digits, trailing zeros kept ("0.300", "0.336"): an
    intensity of 0.30 tCO2e per unit is not "0.3", and 0.0062 is not "0.01"."""
    value = float(x)
    if value == 0 or not math.isfinite(value):
        return fmt(value, lang)
    digits = max(0, figures - 1 - math.floor(math.log10(abs(value))))
    s = f"{value:.{digits}f}"
    return s.replace(".", ",") if lang == "vi" else s


class MissingMessageError(KeyError):
    """A key that no catalog file defines: a programming error, never shown to users."""


class Catalog:
    """Messages from one or more folders of namespace files; a namespace may span folders, a key may not."""

    def __init__(self, folders: Iterable[Path]) -> None:
        self.messages: dict[str, dict[str, str]] = {}
        self.sources: dict[str, Path] = {}
        for folder in folders:
            for path in sorted(folder.glob("*.toml")):
                namespace = path.stem
                data = tomllib.loads(path.read_text(encoding="utf-8"))
                for key, texts in _flatten(namespace, data):
                    if key in self.messages:
                        raise ValueError(f"message {key} defined twice ({self.sources[key]}, {path})")
                    self.messages[key] = texts
                    self.sources[key] = path

    def has(self, key: str) -> bool:
        return key in self.messages

    def text(self, key: str, lang: str, /, **values: object) -> str:
        """The message in ``lang`` (English when the language is unknown), placeholders filled."""
        try:
            table = self.messages[key]
        except KeyError as exc:
            raise MissingMessageError(key) from exc
        language = as_lang(lang)
        template = table.get(language) or table[DEFAULT_LANG]
        if not values:
            return template
        filled = {k: (fmt(v, language) if isinstance(v, float) else v) for k, v in values.items()}
        return template.format(**filled)

    def texts(self, key: str, /, **values: object) -> dict[str, str]:
        """The message in every language (a value that is itself a per-language dict is picked per language)."""
        out: dict[str, str] = {}
        for lang in LANGS:
            local = {k: (v[lang] if isinstance(v, Mapping) and lang in v else v) for k, v in values.items()}
            out[lang] = self.text(key, lang, **local)
        return out


def _flatten(prefix: str, data: Mapping[str, object]) -> Iterable[tuple[str, dict[str, str]]]:
    """``[a.b] vi=… zh=… en=…`` tables become ``prefix.a.b``; a table with language keys is a message."""
    if any(isinstance(data.get(lang), str) for lang in LANGS):
        missing = [lang for lang in LANGS if not isinstance(data.get(lang), str)]
        if missing:
            raise ValueError(f"message {prefix} lacks {missing}")
        yield prefix, {lang: str(data[lang]) for lang in LANGS}
        return
    for name, value in data.items():
        if isinstance(value, Mapping):
            yield from _flatten(f"{prefix}.{name}", value)
        else:
            raise ValueError(f"{prefix}.{name}: a message needs vi, zh and en")


_FOLDERS: list[Path] = [TOOLS_MESSAGES]


def add_catalog_folder(folder: Path) -> None:
    """Extend the one catalog with an application's namespaces (``assistant/messages`` does this on import)."""
    if folder not in _FOLDERS:
        _FOLDERS.append(folder)
        catalog.cache_clear()


@lru_cache(maxsize=1)
def catalog() -> Catalog:
    return Catalog(_FOLDERS)


def t(key: str, lang: str, /, **values: object) -> str:
    """A message in one language."""
    return catalog().text(key, lang, **values)


def texts(key: str, /, **values: object) -> dict[str, str]:
    """A message in all three languages (what ``CalcResult`` and errors carry)."""
    return catalog().texts(key, **values)


def join_sentences(parts: Iterable[Mapping[str, str]]) -> dict[str, str]:
    """Per-language messages run together: Chinese sentences without a space, the others with one."""
    chosen = list(parts)
    return {lang: ("" if lang == "zh" else " ").join(p[lang] for p in chosen) for lang in LANGS}


def ambition_name(ambition: str, lang: str) -> str:
    key = f"calc.ambition.{ambition}"
    return t(key, lang) if catalog().has(key) else ambition


def ambition_names(ambition: str) -> dict[str, str]:
    return {lang: ambition_name(ambition, lang) for lang in LANGS}
