"""The one message catalog: every key the code uses exists in vi, zh and en, and no key is unused.

Keys are found in the source: literal keys (``"answer.refusal"``), ``ui("tab_chat")`` labels, error codes
(``LocalizedError("forbidden")``, ``default_code = "index_write"``: any string literal naming an
``errors.<code>``), and families built with f-strings (``f"calc.scope.{sc}"`` uses every ``calc.scope.*``).
"""

from __future__ import annotations

import re
from pathlib import Path

from assistant.messages import LANGS, catalog

ROOT = Path(__file__).resolve().parents[1]
NAMESPACES = ("answer", "workflow", "ui", "errors", "calc", "cli")
_NS = "|".join(NAMESPACES)
_LITERAL = re.compile(rf"""(?<![\w{{])["']((?:{_NS})\.[\w.+-]+)["']""")
_FAMILY = re.compile(rf"""f["']((?:{_NS})\.[\w.]*)\{{""")
_UI = re.compile(r"""\bui\(\s*["'](\w+)["']""")
_STRING = re.compile(r"""["']([a-z][a-z0-9_]+)["']""")


def _sources() -> str:
    files = [*ROOT.joinpath("assistant").rglob("*.py"), *ROOT.joinpath("tools").rglob("*.py")]
    return "\n".join(p.read_text(encoding="utf-8") for p in files)


def test_every_message_has_three_languages() -> None:
    for key, texts in catalog().messages.items():
        assert set(texts) == set(LANGS), key
        assert all(texts[lang].strip() for lang in LANGS), key
        fields = {lang: set(re.findall(r"\{(\w+)\}", texts[lang])) for lang in LANGS}
        assert fields["vi"] == fields["zh"] == fields["en"], (key, fields)


def test_every_key_used_exists() -> None:
    code = _sources()
    literal = set(_LITERAL.findall(code))
    missing = sorted(
        k for k in literal if not catalog().has(k) and not any(k2.startswith(k + ".") for k2 in catalog().messages)
    )
    assert not missing, missing
    labels = sorted(f"ui.{k}" for k in _UI.findall(code) if not catalog().has(f"ui.{k}"))
    assert not labels, labels


def test_no_key_is_unused() -> None:
    code = _sources()
    literal = set(_LITERAL.findall(code))
    families = set(_FAMILY.findall(code))
    labels = {f"ui.{k}" for k in _UI.findall(code)}
    strings = set(_STRING.findall(code))
    unused = []
    for key in catalog().messages:
        namespace, _, name = key.partition(".")
        if key in literal or key in labels or any(key.startswith(f) for f in families):
            continue
        if namespace == "errors" and name in strings:
            continue
        unused.append(key)
    assert not unused, unused
