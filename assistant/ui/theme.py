"""The web UI's look and the few lines of browser script it needs.

- Theme: Gradio's default orange, darkened where white text sits on it so contrast passes WCAG AA
  (checked by the axe-core scan in the browser tests), and the system's own fonts: the bundled Latin-only
  web font fell back glyph by glyph for Vietnamese and Chinese bold text ("MCᴀP").
- Script: the interface language from the browser at first load (``navigator.languages``), remembered in
  ``localStorage`` once chosen, and the page's ``lang`` attribute kept in step.
"""

from __future__ import annotations

import gradio as gr

from assistant.messages import LANGS

# System fonts that cover Vietnamese and Chinese in regular and bold (Noto/DejaVu on Linux, Segoe UI and
# Microsoft YaHei on Windows, PingFang on macOS); no web font with partial coverage in front of them.
FONTS = [
    "Noto Sans",
    "Segoe UI",
    "DejaVu Sans",
    "Helvetica Neue",
    "Arial",
    "Noto Sans CJK SC",
    "PingFang SC",
    "Microsoft YaHei",
    "sans-serif",
]
MONO_FONTS = ["DejaVu Sans Mono", "Consolas", "Menlo", "monospace"]

STORAGE_KEY = "climate-assistant-ui-lang"


def theme() -> gr.themes.Base:
    base = gr.themes.Default(primary_hue="orange", font=FONTS, font_mono=MONO_FONTS)
    return base.set(
        button_primary_background_fill="*primary_700",  # white on orange-700: 5.2:1
        button_primary_background_fill_hover="*primary_800",
        button_primary_background_fill_dark="*primary_600",
        button_primary_text_color="white",
        button_primary_border_color="*primary_700",
        color_accent="*primary_700",
        color_accent_soft="*primary_50",
        checkbox_background_color_selected="*primary_700",
        checkbox_border_color_selected="*primary_700",
        slider_color="*primary_700",
        link_text_color="*secondary_700",
        link_text_color_hover="*secondary_800",
        link_text_color_visited="*secondary_800",
        block_label_text_color="*neutral_700",
        block_info_text_color="*neutral_600",
        body_text_color_subdued="*neutral_600",
        input_placeholder_color="*neutral_500",
    )


CSS = """
.verdict-badge { display: inline-block; padding: 1px 10px; border-radius: 999px; font-weight: 600;
  border: 1px solid currentColor; line-height: 1.6; }
.verdict-good { background: #dcfce7; color: #14532d; }
.verdict-bad { background: #fee2e2; color: #7f1d1d; }
.verdict-info { background: #dbeafe; color: #1e3a8a; }
.source-card { border: 1px solid var(--border-color-primary); border-radius: 8px; padding: 8px 12px;
  margin: 0 0 10px 0; }
.source-card blockquote { margin: 6px 0; }
.source-title { font-weight: 600; text-decoration: underline dotted; cursor: help; }
.source-note { font-size: 0.9em; font-style: italic; color: #374151; margin: 2px 0; }
.source-about { font-size: 0.9em; color: #374151; }
details > summary { cursor: pointer; }
.raw-details pre { max-height: 320px; overflow: auto; font-size: 12px; }
#glossary-table td, #glossary-table th { white-space: normal; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
/* the tab strip's selected tab in the darker orange as well (readable on white) */
button[role="tab"][aria-selected="true"] { color: #9a3412; }
"""

# Runs once at page load; its return value becomes the language switch's value (which relabels the page).
DETECT_LANGUAGE_JS = f"""
() => {{
  const known = {list(LANGS)!r};
  let lang = null;
  try {{ lang = window.localStorage.getItem("{STORAGE_KEY}"); }} catch (e) {{}}
  if (!known.includes(lang)) {{
    lang = "en";
    for (const tag of (navigator.languages || [navigator.language || "en"])) {{
      const code = String(tag || "").toLowerCase().split("-")[0];
      if (known.includes(code)) {{ lang = code; break; }}
    }}
  }}
  document.documentElement.lang = lang;
  return lang;
}}
"""

# On a choice made by the person (not on the automatic first-load one): remember it.
REMEMBER_LANGUAGE_JS = f"""
(lang) => {{
  try {{ window.localStorage.setItem("{STORAGE_KEY}", lang); }} catch (e) {{}}
  document.documentElement.lang = lang;
  return lang;
}}
"""

# On every change of the language (a choice or the first-load detection): the page's lang attribute.
PAGE_LANG_JS = """
(lang) => { document.documentElement.lang = lang; return lang; }
"""
