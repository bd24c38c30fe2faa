"""Controls whose words follow the interface language: built with the English words, and handed to
``keyed`` (the UI's ``Relabel``) with how to redraw them in another language."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import gradio as gr

from assistant.ui.labels import ui

Keyed = Callable[[Any, Callable[[str], Any]], Any]


def labelled(keyed: Keyed, make: Callable[..., Any], key: str, **options: Any) -> Any:
    """``make(label=ui(key), **options)`` (a tab, field, file, ...), relabelled ``make(label=ui(key, lang))``."""
    return keyed(make(label=ui(key, "en"), **options), lambda lang: make(label=ui(key, lang)))


def button(keyed: Keyed, key: str, **options: Any) -> Any:
    """A button reading ``ui(key)``, in the interface language."""
    return keyed(gr.Button(ui(key, "en"), **options), lambda lang: gr.Button(ui(key, lang)))
