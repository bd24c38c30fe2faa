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
from assistant.ui.labels import LANG_CHOICES, ui
from assistant.workflows.advisory import manufacturer_json
from assistant.workflows.registry import Workflows, WorkflowsUnavailable
from assistant.workflows.session_summary import summary_html, summary_markdown
from tools.errors import LocalizedError

Keyed = Callable[[Any, Callable[[str], Any]], Any]


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
    with gr.Tab(ui("tab_helpdesk", "en"), id="helpdesk", elem_id="tab-helpdesk") as tab:
        keyed(tab, lambda lang: gr.Tab(label=ui("tab_helpdesk", lang)))
        draft_id = gr.State(0)
        with gr.Row():
            with gr.Column(scale=2):
                key = keyed(
                    gr.Textbox(
                        label=ui("api_key", "en"), info=ui("api_key_info", "en"), type="password", elem_id="hd-key"
                    ),
                    lambda lang: gr.Textbox(label=ui("api_key", lang), info=ui("api_key_info", lang)),
                )
                message = keyed(
                    gr.Textbox(label=ui("hd_message", "en"), lines=10, elem_id="hd-message"),
                    lambda lang: gr.Textbox(label=ui("hd_message", lang)),
                )
                staff_lang = keyed(
                    gr.Radio(
                        choices=LANG_CHOICES, value="en", label=ui("hd_staff_lang", "en"), elem_id="hd-staff-lang"
                    ),
                    lambda lang: gr.Radio(label=ui("hd_staff_lang", lang)),
                )
                draft_btn = keyed(
                    gr.Button(ui("hd_draft", "en"), variant="primary", elem_id="hd-draft"),
                    lambda lang: gr.Button(ui("hd_draft", lang)),
                )
                status = gr.Markdown("", elem_id="hd-status")
            with gr.Column(scale=3):
                with gr.Tabs(elem_id="hd-views"):
                    with gr.Tab(ui("hd_tab_formatted", "en"), elem_id="hd-tab-formatted") as t_fmt:
                        keyed(t_fmt, lambda lang: gr.Tab(label=ui("hd_tab_formatted", lang)))
                        preview = keyed(
                            gr.Markdown(
                                "",
                                label=ui("hd_formatted", "en"),
                                show_label=True,
                                elem_id="hd-preview",
                                container=True,
                                min_height=200,
                            ),
                            lambda lang: gr.Markdown(label=ui("hd_formatted", lang)),
                        )
                    with gr.Tab(ui("hd_tab_plain", "en"), elem_id="hd-tab-plain") as t_plain:
                        keyed(t_plain, lambda lang: gr.Tab(label=ui("hd_tab_plain", lang)))
                        plain = keyed(
                            gr.Textbox(
                                label=ui("hd_plain", "en"),
                                lines=18,
                                max_lines=40,
                                interactive=False,
                                buttons=["copy"],
                                elem_id="hd-plain",
                            ),
                            lambda lang: gr.Textbox(label=ui("hd_plain", lang)),
                        )
                    with gr.Tab(ui("hd_tab_markdown", "en"), elem_id="hd-tab-markdown") as t_md:
                        keyed(t_md, lambda lang: gr.Tab(label=ui("hd_tab_markdown", lang)))
                        reply = keyed(
                            gr.Textbox(
                                label=ui("hd_markdown", "en"),
                                lines=18,
                                max_lines=40,
                                interactive=True,
                                buttons=["copy"],
                                elem_id="hd-reply",
                            ),
                            lambda lang: gr.Textbox(label=ui("hd_markdown", lang)),
                        )
                with gr.Row():
                    download_txt = keyed(
                        gr.DownloadButton(ui("hd_download_txt", "en"), elem_id="hd-download-txt", interactive=False),
                        lambda lang: gr.DownloadButton(label=ui("hd_download_txt", lang)),
                    )
                    download_md = keyed(
                        gr.DownloadButton(ui("hd_download_md", "en"), elem_id="hd-download-md", interactive=False),
                        lambda lang: gr.DownloadButton(label=ui("hd_download_md", lang)),
                    )
                    approve_btn = keyed(
                        gr.Button(ui("hd_approve", "en"), variant="primary", elem_id="hd-approve"),
                        lambda lang: gr.Button(ui("hd_approve", lang)),
                    )
                match = gr.Markdown("", elem_id="hd-match")
            with gr.Column(scale=2):
                note = keyed(
                    gr.Markdown("", label=ui("hd_note", "en"), show_label=True, container=True, elem_id="hd-note"),
                    lambda lang: gr.Markdown(label=ui("hd_note", lang)),
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
    with gr.Tab(ui("tab_advisory", "en"), id="advisory", elem_id="tab-advisory") as tab:
        keyed(tab, lambda lang: gr.Tab(label=ui("tab_advisory", lang)))
        with gr.Row():
            with gr.Column(scale=1):
                key = keyed(
                    gr.Textbox(
                        label=ui("api_key", "en"), info=ui("api_key_info", "en"), type="password", elem_id="adv-key"
                    ),
                    lambda lang: gr.Textbox(label=ui("api_key", lang), info=ui("api_key_info", lang)),
                )
                with gr.Row():
                    maker = keyed(
                        gr.Dropdown(choices=[], label=ui("adv_manufacturer", "en"), elem_id="adv-manufacturer"),
                        lambda lang: gr.Dropdown(label=ui("adv_manufacturer", lang)),
                    )
                    load_btn = keyed(
                        gr.Button(ui("adv_load", "en"), elem_id="adv-load", scale=0),
                        lambda lang: gr.Button(ui("adv_load", lang)),
                    )
                allowance = gr.Markdown("", elem_id="adv-allowance")
                with gr.Accordion(ui("adv_new", "en"), open=False, elem_id="adv-new") as new_acc:
                    keyed(new_acc, lambda lang: gr.Accordion(label=ui("adv_new", lang)))
                    name = keyed(
                        gr.Textbox(label=ui("adv_name", "en"), elem_id="adv-name"),
                        lambda lang: gr.Textbox(label=ui("adv_name", lang)),
                    )
                    country = keyed(
                        gr.Textbox(label=ui("adv_country", "en"), elem_id="adv-country"),
                        lambda lang: gr.Textbox(label=ui("adv_country", lang)),
                    )
                    contact_lang = keyed(
                        gr.Radio(
                            choices=LANG_CHOICES,
                            value="vi",
                            label=ui("adv_contact_lang", "en"),
                            elem_id="adv-contact-lang",
                        ),
                        lambda lang: gr.Radio(label=ui("adv_contact_lang", lang)),
                    )
                    add_btn = keyed(
                        gr.Button(ui("adv_add", "en"), elem_id="adv-add"), lambda lang: gr.Button(ui("adv_add", lang))
                    )
            with gr.Column(scale=1):
                held_on = keyed(
                    gr.Textbox(label=ui("adv_date", "en"), value=date.today().isoformat(), elem_id="adv-date"),
                    lambda lang: gr.Textbox(label=ui("adv_date", lang)),
                )
                hours = keyed(
                    gr.Number(label=ui("adv_hours", "en"), value=1, minimum=0, maximum=24, elem_id="adv-hours"),
                    lambda lang: gr.Number(label=ui("adv_hours", lang)),
                )
                advisor = keyed(
                    gr.Textbox(label=ui("adv_advisor", "en"), elem_id="adv-advisor"),
                    lambda lang: gr.Textbox(label=ui("adv_advisor", lang)),
                )
                topics = keyed(
                    gr.Textbox(label=ui("adv_topics", "en"), elem_id="adv-topics"),
                    lambda lang: gr.Textbox(label=ui("adv_topics", lang)),
                )
                questions = keyed(
                    gr.Textbox(label=ui("adv_questions", "en"), lines=4, elem_id="adv-questions"),
                    lambda lang: gr.Textbox(label=ui("adv_questions", lang)),
                )
                notes = keyed(
                    gr.Textbox(label=ui("adv_notes", "en"), lines=3, elem_id="adv-notes"),
                    lambda lang: gr.Textbox(label=ui("adv_notes", lang)),
                )
                confirm = keyed(
                    gr.Checkbox(label=ui("adv_confirm", "en"), value=False, elem_id="adv-confirm"),
                    lambda lang: gr.Checkbox(label=ui("adv_confirm", lang)),
                )
                log_btn = keyed(
                    gr.Button(ui("adv_log", "en"), variant="primary", elem_id="adv-log"),
                    lambda lang: gr.Button(ui("adv_log", lang)),
                )
                status = gr.Markdown("", elem_id="adv-status")
        with gr.Row():
            sessions = keyed(
                gr.Dropdown(choices=[], label=ui("adv_sessions", "en"), elem_id="adv-sessions"),
                lambda lang: gr.Dropdown(label=ui("adv_sessions", lang)),
            )
            md_btn = keyed(
                gr.Button(ui("adv_export_md", "en"), elem_id="adv-export-md"),
                lambda lang: gr.Button(ui("adv_export_md", lang)),
            )
            html_btn = keyed(
                gr.Button(ui("adv_export_html", "en"), elem_id="adv-export-html"),
                lambda lang: gr.Button(ui("adv_export_html", lang)),
            )
        summary_file = keyed(
            gr.File(label=ui("adv_summary_file", "en"), visible=False, elem_id="adv-summary-file"),
            lambda lang: gr.File(label=ui("adv_summary_file", lang)),
        )

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
