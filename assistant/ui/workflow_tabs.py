"""The staff tabs of the web UI: helpdesk draft replies and advisory sessions.

Each action checks the key typed in the tab against the same roles as the API, then calls the same
workflow services; errors are shown in the interface language, never as a traceback.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import gradio as gr

from assistant.access.keys import Principal, identify
from assistant.access.roles import Permission, allows
from assistant.config import Settings
from assistant.messages import lang_name
from assistant.ui.doc_titles import DocumentTitles
from assistant.ui.email_draft import plain_text, reader_reply
from assistant.ui.keyed import Keyed, button, labelled
from assistant.ui.labels import LANG_CHOICES, ui
from assistant.workflows.advisory import manufacturer_json
from assistant.workflows.registry import Workflows, WorkflowsUnavailable
from assistant.workflows.session_summary import summary_html, summary_markdown
from tools.errors import LocalizedError


def _caller(
    workflows: Workflows | WorkflowsUnavailable, settings: Settings, key: str, lang: str, need: Permission
) -> tuple[Workflows, Principal]:
    if isinstance(workflows, WorkflowsUnavailable):
        raise workflows.error()
    admin = settings.admin_key.get_secret_value() if settings.admin_key else None
    who = identify(workflows.db, (key or "").strip(), admin)
    if who is None:
        raise LocalizedError("auth_required", lang=lang, status=401)
    if not allows(who.role, need):
        raise LocalizedError("forbidden", lang=lang, status=403)
    return workflows, who


def _error(text: str) -> str:
    return f"**{text}**"


def _refusal(err: LocalizedError, lang: str, role: str) -> str:
    """A refused key in words a new user can act on: what a key is and how an admin makes one."""
    if err.code == "auth_required":
        return ui("need_key", lang, role=role)
    return _error(err.message(lang))


def _key_box(keyed: Keyed, elem_id: str) -> Any:
    """The staff key, typed in the tab."""
    return keyed(
        gr.Textbox(label=ui("api_key", "en"), info=ui("api_key_info", "en"), type="password", elem_id=elem_id),
        lambda lang: gr.Textbox(label=ui("api_key", lang), info=ui("api_key_info", lang)),
    )


def _reply_box(keyed: Keyed, key: str, *, interactive: bool, elem_id: str) -> Any:
    """A view of the draft reply as text, with a copy button."""
    return labelled(
        keyed, gr.Textbox, key, lines=18, max_lines=40, interactive=interactive, buttons=["copy"], elem_id=elem_id
    )


def helpdesk_tab(
    workflows: Workflows | WorkflowsUnavailable,
    settings: Settings,
    lang_state: gr.State,
    keyed: Keyed,
    exports: Path,
    titles: DocumentTitles,
) -> None:
    """Draft a reply to a manufacturer's e-mail, read it formatted, send it as plain text (or keep the
    Markdown), with the internal note beside it; edit the Markdown, then approve."""
    with labelled(keyed, gr.Tab, "tab_helpdesk", id="helpdesk", elem_id="tab-helpdesk"):
        draft_id = gr.State(0)
        with gr.Row():
            with gr.Column(scale=2):
                key = _key_box(keyed, "hd-key")
                message = labelled(keyed, gr.Textbox, "hd_message", lines=10, elem_id="hd-message")
                staff_lang = labelled(
                    keyed, gr.Radio, "hd_staff_lang", choices=LANG_CHOICES, value="en", elem_id="hd-staff-lang"
                )
                draft_btn = button(keyed, "hd_draft", variant="primary", elem_id="hd-draft")
                status = gr.Markdown("", elem_id="hd-status")
            with gr.Column(scale=3):
                with gr.Tabs(elem_id="hd-views"):
                    with labelled(keyed, gr.Tab, "hd_tab_formatted", elem_id="hd-tab-formatted"):
                        preview = labelled(
                            keyed,
                            gr.Markdown,
                            "hd_formatted",
                            value="",
                            show_label=True,
                            elem_id="hd-preview",
                            container=True,
                            min_height=200,
                        )
                    with labelled(keyed, gr.Tab, "hd_tab_plain", elem_id="hd-tab-plain"):
                        plain = _reply_box(keyed, "hd_plain", interactive=False, elem_id="hd-plain")
                    with labelled(keyed, gr.Tab, "hd_tab_markdown", elem_id="hd-tab-markdown"):
                        reply = _reply_box(keyed, "hd_markdown", interactive=True, elem_id="hd-reply")
                with gr.Row():
                    download_txt = labelled(
                        keyed, gr.DownloadButton, "hd_download_txt", elem_id="hd-download-txt", interactive=False
                    )
                    download_md = labelled(
                        keyed, gr.DownloadButton, "hd_download_md", elem_id="hd-download-md", interactive=False
                    )
                    approve_btn = button(keyed, "hd_approve", variant="primary", elem_id="hd-approve")
                match = gr.Markdown("", elem_id="hd-match")
            with gr.Column(scale=2):
                note = labelled(
                    keyed, gr.Markdown, "hd_note", value="", show_label=True, container=True, elem_id="hd-note"
                )

    def draft(key_text: str, text: str, staff: str, lang: str) -> tuple[Any, ...]:
        try:
            wf, who = _caller(workflows, settings, key_text, lang, "draft.write")
            row, found = wf.helpdesk.draft(text, who, staff_lang=staff)
            ready = reader_reply(row.reply, list(row.citations or []), row.language, titles)
            if ready != row.reply:
                row = wf.helpdesk.edit(row.id, ready, None, lang)
        except LocalizedError as err:
            return 0, _refusal(err, lang, "staff"), gr.skip(), gr.skip(), gr.skip()
        match_md = ""
        if found is not None:
            head = ui("hd_match", lang).format(
                id=found.id, language=lang_name(found.language, lang), similarity=f"{found.similarity:.2f}"
            )
            match_md = f"**{head}**\n\n" + "\n".join(f"> {line}" for line in found.reply.splitlines())
        return row.id, ui("hd_drafted", lang).format(id=row.id), row.reply, row.internal_note, match_md

    draft_btn.click(
        draft, [key, message, staff_lang, lang_state], [draft_id, status, reply, note, match], concurrency_limit=4
    )

    def views(markdown: str, current: int) -> tuple[Any, ...]:
        """The reply as formatted text, as a plain-text e-mail, and both as files to download."""
        text = markdown or ""
        if not text.strip():
            return (
                "",
                "",
                gr.DownloadButton(value=None, interactive=False),
                gr.DownloadButton(value=None, interactive=False),
            )
        email = plain_text(text)
        exports.mkdir(parents=True, exist_ok=True)
        stem = exports / f"reply-{current or 'draft'}-{uuid.uuid4().hex[:6]}"
        txt, md = stem.with_suffix(".txt"), stem.with_suffix(".md")
        txt.write_text(email, encoding="utf-8")
        md.write_text(text, encoding="utf-8")
        return (
            text,
            email,
            gr.DownloadButton(value=str(txt), interactive=True),
            gr.DownloadButton(value=str(md), interactive=True),
        )

    reply.change(views, [reply, draft_id], [preview, plain, download_txt, download_md], trigger_mode="always_last")

    def approve(key_text: str, current: int, text: str, lang: str) -> str:
        if not current:
            return _error(ui("hd_no_draft", lang))
        try:
            wf, who = _caller(workflows, settings, key_text, lang, "draft.write")
            row = wf.helpdesk.approve(current, who, text, lang)
        except LocalizedError as err:
            return _refusal(err, lang, "staff")
        return ui("hd_approved", lang).format(id=row.id)

    approve_btn.click(approve, [key, draft_id, reply, lang_state], [status])


def advisory_tab(
    workflows: Workflows | WorkflowsUnavailable,
    settings: Settings,
    lang_state: gr.State,
    keyed: Keyed,
    exports: Path,
) -> None:
    with labelled(keyed, gr.Tab, "tab_advisory", id="advisory", elem_id="tab-advisory"):
        with gr.Row():
            with gr.Column(scale=1):
                key = _key_box(keyed, "adv-key")
                with gr.Row():
                    maker = labelled(keyed, gr.Dropdown, "adv_manufacturer", choices=[], elem_id="adv-manufacturer")
                    load_btn = button(keyed, "adv_load", elem_id="adv-load", scale=0)
                allowance = gr.Markdown("", elem_id="adv-allowance")
                with labelled(keyed, gr.Accordion, "adv_new", open=False, elem_id="adv-new"):
                    name = labelled(keyed, gr.Textbox, "adv_name", elem_id="adv-name")
                    country = labelled(keyed, gr.Textbox, "adv_country", elem_id="adv-country")
                    contact_lang = labelled(
                        keyed,
                        gr.Radio,
                        "adv_contact_lang",
                        choices=LANG_CHOICES,
                        value="vi",
                        elem_id="adv-contact-lang",
                    )
                    add_btn = button(keyed, "adv_add", elem_id="adv-add")
            with gr.Column(scale=1):
                held_on = labelled(keyed, gr.Textbox, "adv_date", value=date.today().isoformat(), elem_id="adv-date")
                hours = labelled(keyed, gr.Number, "adv_hours", value=1, minimum=0, maximum=24, elem_id="adv-hours")
                advisor = labelled(keyed, gr.Textbox, "adv_advisor", elem_id="adv-advisor")
                topics = labelled(keyed, gr.Textbox, "adv_topics", elem_id="adv-topics")
                questions = labelled(keyed, gr.Textbox, "adv_questions", lines=4, elem_id="adv-questions")
                notes = labelled(keyed, gr.Textbox, "adv_notes", lines=3, elem_id="adv-notes")
                confirm = labelled(keyed, gr.Checkbox, "adv_confirm", value=False, elem_id="adv-confirm")
                log_btn = button(keyed, "adv_log", variant="primary", elem_id="adv-log")
                status = gr.Markdown("", elem_id="adv-status")
        with gr.Row():
            sessions = labelled(keyed, gr.Dropdown, "adv_sessions", choices=[], elem_id="adv-sessions")
            md_btn = button(keyed, "adv_export_md", elem_id="adv-export-md")
            html_btn = button(keyed, "adv_export_html", elem_id="adv-export-html")
        summary_file = labelled(keyed, gr.File, "adv_summary_file", visible=False, elem_id="adv-summary-file")

    def overview(wf: Workflows, who: Principal, manufacturer_id: int | None, lang: str) -> tuple[Any, Any, str]:
        only = who.manufacturer_id if who.role == "manufacturer" else None
        makers = wf.advisory.manufacturers(only)
        choices = [(f"{m.name} ({m.country})", m.id) for m in makers]
        if manufacturer_id is None and makers:
            manufacturer_id = makers[0].id
        if manufacturer_id is None:
            return gr.Dropdown(choices=choices, value=None), gr.Dropdown(choices=[], value=None), ""
        result = wf.advisory.allowance(manufacturer_id, date.today().year)
        rows = wf.advisory.sessions(manufacturer_id) if allows(who.role, "session.read") else []
        session_choices = [(f"#{s.id} · {s.held_on.isoformat()} · {s.duration_hours:g} h", s.id) for s in rows]
        text = f"**{ui('adv_allowance', lang)}:** {result.explanation.get(lang, result.explanation['en'])}"
        latest = session_choices[-1][1] if session_choices else None
        return (
            gr.Dropdown(choices=choices, value=manufacturer_id),
            gr.Dropdown(choices=session_choices, value=latest),
            text,
        )

    def load(key_text: str, manufacturer_id: int | None, lang: str) -> tuple[Any, ...]:
        try:
            wf, who = _caller(workflows, settings, key_text, lang, "manufacturer.read")
            return (*overview(wf, who, manufacturer_id, lang), "")
        except LocalizedError as err:
            return gr.skip(), gr.skip(), gr.skip(), _refusal(err, lang, "advisor")

    outputs = [maker, sessions, allowance, status]
    load_btn.click(load, [key, maker, lang_state], outputs)
    maker.input(load, [key, maker, lang_state], outputs)

    def add(key_text: str, name_text: str, country_text: str, contact: str, lang: str) -> tuple[Any, ...]:
        try:
            wf, who = _caller(workflows, settings, key_text, lang, "manufacturer.write")
        except LocalizedError as err:
            return gr.skip(), gr.skip(), gr.skip(), _refusal(err, lang, "advisor")
        if not (name_text or "").strip():
            return gr.skip(), gr.skip(), gr.skip(), _error(ui("adv_name", lang))
        row = wf.advisory.add_manufacturer(name_text, country_text or "", contact or "vi")
        return (*overview(wf, who, row.id, lang), manufacturer_json(row)["name"])

    add_btn.click(add, [key, name, country, contact_lang, lang_state], outputs)

    def log(
        key_text: str,
        manufacturer_id: int | None,
        day: str,
        duration: float | None,
        advisor_name: str,
        topic_text: str,
        question_text: str,
        note_text: str,
        confirmed: bool,
        lang: str,
    ) -> tuple[Any, ...]:
        try:
            wf, who = _caller(workflows, settings, key_text, lang, "session.write")
        except LocalizedError as err:
            return gr.skip(), gr.skip(), gr.skip(), _refusal(err, lang, "advisor")
        if manufacturer_id is None:
            return gr.skip(), gr.skip(), gr.skip(), _error(ui("adv_pick", lang))
        try:
            held = date.fromisoformat((day or "").strip())
        except ValueError:
            return gr.skip(), gr.skip(), gr.skip(), _error(ui("adv_bad_date", lang))
        try:
            row, _ = wf.advisory.log_session(
                int(manufacturer_id),
                who,
                held_on=held,
                duration_hours=float(duration or 0),
                advisor=advisor_name or "",
                topics=(topic_text or "").split(","),
                notes=note_text or "",
                questions=(question_text or "").splitlines(),
                confirm_over_allowance=bool(confirmed),
                lang=lang,
            )
        except LocalizedError as err:
            if err.code == "over_allowance":  # the API's wording names a request field; here, the checkbox
                warning = err.values.get("warning")
                text = warning.get(lang, "") if isinstance(warning, dict) else str(warning or "")
                return gr.skip(), gr.skip(), gr.skip(), _error(ui("adv_over_allowance", lang, warning=text))
            return gr.skip(), gr.skip(), gr.skip(), _error(err.message(lang))
        return (*overview(wf, who, int(manufacturer_id), lang), ui("adv_logged", lang).format(id=row.id))

    log_btn.click(
        log,
        [key, maker, held_on, hours, advisor, topics, questions, notes, confirm, lang_state],
        outputs,
        concurrency_limit=4,
    )

    def export(fmt: str) -> Callable[[str, int | None, str], tuple[Any, str]]:
        def run(key_text: str, session_id: int | None, lang: str) -> tuple[Any, str]:
            try:
                wf, who = _caller(workflows, settings, key_text, lang, "session.read")
                if session_id is None:
                    return gr.skip(), _error(ui("adv_pick_session", lang))
                row = wf.advisory.session(int(session_id), lang)
                if who.role == "manufacturer" and who.manufacturer_id != row.manufacturer_id:
                    raise LocalizedError("forbidden", lang=lang, status=403)
            except LocalizedError as err:
                return gr.skip(), _refusal(err, lang, "advisor")
            result = wf.advisory.allowance(row.manufacturer_id, row.held_on.year)
            text = summary_html(row, result) if fmt == "html" else summary_markdown(row, result)
            exports.mkdir(parents=True, exist_ok=True)
            stamp = time.strftime("%Y%m%d-%H%M%S")
            path = exports / f"session-{row.id}-{stamp}-{uuid.uuid4().hex[:6]}.{fmt}"
            path.write_text(text, encoding="utf-8")
            return gr.File(value=str(path), visible=True), ""

        return run

    md_btn.click(export("md"), [key, sessions, lang_state], [summary_file, status])
    html_btn.click(export("html"), [key, sessions, lang_state], [summary_file, status])
