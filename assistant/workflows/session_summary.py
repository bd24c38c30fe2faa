"""A session summary for the manufacturer, in its contact language: Markdown, and a printable
HTML page rendered from the same Markdown structure (escaped; no script)."""

from __future__ import annotations

import html

from assistant.messages import t
from assistant.storage.models import AdvisorySession
from tools.result import CalcResult


def summary_markdown(row: AdvisorySession, allowance: CalcResult) -> str:
    lang = row.manufacturer.contact_lang
    lines = [
        f"# {t('workflow.summary_title', lang)}",
        "",
        f"- **{t('workflow.summary_manufacturer', lang)}:** {row.manufacturer.name} ({row.manufacturer.country})",
        f"- **{t('workflow.summary_date', lang)}:** {row.held_on.isoformat()}",
        f"- **{t('workflow.summary_duration', lang)}:** {t('workflow.summary_hours', lang, hours=f'{row.duration_hours:g}')}",
        f"- **{t('workflow.summary_advisor', lang)}:** {row.advisor}",
        f"- **{t('workflow.summary_topics', lang)}:** {', '.join(row.topics) or '—'}",
        f"- **{t('workflow.summary_allowance', lang)}:** {allowance.explanation.get(lang, allowance.explanation['en'])}",
    ]
    if row.over_allowance:
        lines.append(f"- {t('workflow.summary_over', lang)}")
    if row.exchanges:
        lines += ["", f"## {t('workflow.summary_qa', lang)}"]
        for i, e in enumerate(row.exchanges, 1):
            lines += ["", f"### {i}. {e.question}", "", e.answer]
            if e.citations:
                lines += ["", f"**{t('workflow.sources', lang)}**", ""]
                lines += [
                    f"- [{c['id']}] {c['title']} ({c['doc']}), {c['locator']}: “{c['quote']}”" for c in e.citations
                ]
    if row.notes.strip():
        lines += ["", f"## {t('workflow.summary_notes', lang)}", "", row.notes.strip()]
    return "\n".join(lines) + "\n"


def summary_html(row: AdvisorySession, allowance: CalcResult) -> str:
    """A self-contained page to print or save as PDF from the browser."""
    lang = row.manufacturer.contact_lang
    body: list[str] = []
    in_list = False
    for line in summary_markdown(row, allowance).splitlines():
        if line.startswith("- "):
            if not in_list:
                body.append("<ul>")
                in_list = True
            body.append(f"<li>{_inline(line[2:])}</li>")
            continue
        if in_list:
            body.append("</ul>")
            in_list = False
        if line.startswith("### "):
            body.append(f"<h3>{_inline(line[4:])}</h3>")
        elif line.startswith("## "):
            body.append(f"<h2>{_inline(line[3:])}</h2>")
        elif line.startswith("# "):
            body.append(f"<h1>{_inline(line[2:])}</h1>")
        elif line.strip():
            body.append(f"<p>{_inline(line)}</p>")
    if in_list:
        body.append("</ul>")
    title = html.escape(f"{t('workflow.summary_title', lang)}: {row.manufacturer.name}, {row.held_on.isoformat()}")
    style = (
        "body{font-family:'Noto Sans','WenQuanYi Zen Hei',sans-serif;max-width:48rem;margin:2rem auto;"
        "line-height:1.5;color:#111}h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem}"
        "h3{font-size:1rem}li{margin:.2rem 0}@media print{body{margin:0}}"
    )
    return (
        f'<!doctype html>\n<html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>'
        f"<style>{style}</style></head><body>\n" + "\n".join(body) + "\n</body></html>\n"
    )


def _inline(text: str) -> str:
    """Escape, then the one inline form the summary uses: **bold**."""
    escaped = html.escape(text)
    parts = escaped.split("**")
    return "".join(f"<strong>{p}</strong>" if i % 2 else p for i, p in enumerate(parts))
