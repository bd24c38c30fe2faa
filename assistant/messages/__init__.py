"""The application's namespaces of the one message catalog (``tools.i18n``): answer, workflow, ui, errors, cli.

Importing this package adds ``assistant/messages/*.toml`` to the catalog the calculators already use,
so one lookup serves every user-facing string: ``t("answer.refusal", lang)``.
"""

from __future__ import annotations

from pathlib import Path

from tools.i18n import LANGS, Lang, add_catalog_folder, as_lang, catalog, fmt, t, texts

FOLDER = Path(__file__).parent
add_catalog_folder(FOLDER)


def lang_name(of: str, in_lang: str) -> str:
    """The name of language ``of`` written in ``in_lang`` ("tiếng Trung", "英文")."""
    key = f"answer.language.{of}"
    return t(key, in_lang) if catalog().has(key) else of


__all__ = ["LANGS", "Lang", "as_lang", "catalog", "fmt", "lang_name", "t", "texts"]
