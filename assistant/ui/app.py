"""The web UI (Gradio, mounted at ``/ui``): chat with sources, calculators with a pathway chart, the
staff tabs (helpdesk draft replies, advisory sessions) and the glossary. Every label follows the interface-language switch; answers follow the question's
language, as in the API. The UI only calls the answer service and the calculators: no logic of its own.
"""

from __future__ import annotations

import json
import os
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")  # offline by default: no telemetry calls

import gradio as gr  # noqa: E402
import pandas as pd
from fastapi import FastAPI

from assistant.answer.models import Answer
from assistant.answer.service import AnswerService
from assistant.text.language import detect_language
from assistant.ui.calculator_forms import (
    EXAMPLE_VALUES,
    choices_for,
    field_kind,
    form_schemas,
    label_for,
    render_result,
    to_arguments,
)
from assistant.ui.labels import LANG_CHOICES, calculator_name, examples, ui
from assistant.ui.pathway_chart import CHARTED, pathway_rows
from assistant.ui.workflow_tabs import advisory_tab, helpdesk_tab
from assistant.workflows.registry import Workflows, WorkflowsUnavailable
from tools.errors import CalculatorInputError, LocalizedError
from tools.registry import get_calculator

STREAM_STEP = 24  # characters per streamed update


class FeedbackLog:
    """Thumbs up/down on answers, appended as JSON lines under the data directory."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()

    def add(self, record: dict[str, Any]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        line = json.dumps({"ts": time.time(), **record}, ensure_ascii=False)
        with self._lock, self.path.open("a", encoding="utf-8") as fh:
            fh.write(line + "\n")


def sources_markdown(answer: Answer, lang: str) -> str:
    """Each cited quote with its document and locator, then the calculator steps."""
    lines: list[str] = []
    for c in answer.citations:
        lines.append(f"**[{c.id}] {c.title}**  \n`{c.doc}` · {c.locator}")
        lines.append(f"> {c.quote}\n")
    for call in answer.tool_calls:
        lines.append(f"**{ui('calculation', lang)}: `{call.name}`**")
        lines.append(f"- {ui('inputs', lang)}: `{json.dumps(call.arguments, ensure_ascii=False)}`")
        result = call.result
        if "explanation" in result:
            lines.append(f"- {ui('result', lang)}: {result['explanation'].get(lang, result['explanation'].get('en'))}")
        for r in result.get("rules", [])[:4]:
            lines.append(f"- {ui('rules', lang)}: `{r['id']}` = {r['value']}{r['unit']} ({r['clause']}) «{r['quote']}»")
    return "\n".join(lines) or ui("sources_empty", lang)


def conversation_markdown(history: list[dict[str, Any]], answers: list[dict[str, Any]], lang: str) -> str:
    """The conversation as Markdown, every answer followed by its sources."""
    out = [f"# {ui('chat', lang)}", ""]
    answer_iter = iter(answers)
    for msg in history:
        if msg["role"] == "user":
            out += [f"**{ui('you', lang)}:** {msg['content']}", ""]
        else:
            out += [f"**{ui('assistant', lang)}:**", "", str(msg["content"]), ""]
            answer = next(answer_iter, None)
            if answer:
                out += [sources_markdown(Answer(**answer), lang), ""]
    return "\n".join(out)


def build_ui(
    service: AnswerService, data_dir: Path, workflows: Workflows | WorkflowsUnavailable | None = None
) -> gr.Blocks:
    """``workflows`` adds the staff tabs and stores feedback in the database; without it (or when
    the database cannot be used) feedback goes to a JSON Lines file under the data dir."""
    feedback_log = FeedbackLog(data_dir / "feedback" / "ui_feedback.jsonl")
    exports = data_dir / "exports"
    schemas = form_schemas()
    relabel: list[tuple[gr.components.Component | gr.Tab, Callable[[str], Any]]] = []

    def keyed(component: Any, make: Callable[[str], Any]) -> Any:
        relabel.append((component, make))
        return component

    with gr.Blocks(title="Climate target assistant") as demo:
        lang_state = gr.State("en")
        answers_state = gr.State([])
        session_state = gr.State("")
        title = keyed(gr.Markdown(ui("title", "en"), elem_id="title"), lambda lang: gr.Markdown(ui("title", lang)))
        lang_radio = gr.Radio(choices=LANG_CHOICES, value="en", label=ui("interface_language", "en"), elem_id="ui-lang")
        relabel.append((lang_radio, lambda lang: gr.Radio(label=ui("interface_language", lang))))
        with gr.Tabs():
            with gr.Tab(ui("tab_chat", "en"), id="chat", elem_id="tab-chat") as tab_chat:
                keyed(tab_chat, lambda lang: gr.Tab(label=ui("tab_chat", lang)))
                with gr.Row():
                    with gr.Column(scale=3):
                        chatbot = keyed(
                            gr.Chatbot(
                                label=ui("chat", "en"), elem_id="chatbot", height=460, buttons=["copy", "copy_all"]
                            ),
                            lambda lang: gr.Chatbot(label=ui("chat", lang)),
                        )
                        question = keyed(
                            gr.Textbox(
                                label=ui("question", "en"),
                                placeholder=ui("question_placeholder", "en"),
                                elem_id="question",
                                lines=2,
                            ),
                            lambda lang: gr.Textbox(
                                label=ui("question", lang), placeholder=ui("question_placeholder", lang)
                            ),
                        )
                        with gr.Row():
                            send = keyed(
                                gr.Button(ui("send", "en"), variant="primary", elem_id="send"),
                                lambda lang: gr.Button(ui("send", lang)),
                            )
                            clear = keyed(
                                gr.Button(ui("clear", "en"), elem_id="clear"), lambda lang: gr.Button(ui("clear", lang))
                            )
                            export = keyed(
                                gr.Button(ui("export", "en"), elem_id="export"),
                                lambda lang: gr.Button(ui("export", lang)),
                            )
                        export_file = keyed(
                            gr.File(label=ui("export_file", "en"), elem_id="export-file", visible=False),
                            lambda lang: gr.File(label=ui("export_file", lang)),
                        )
                        gr.Examples(
                            examples=[[q] for q in examples("en")],
                            inputs=[question],
                            label="Tiếng Việt · 中文 · English",
                        )
                    with gr.Column(scale=2):
                        sources_title = keyed(
                            gr.Markdown(f"### {ui('sources', 'en')}"),
                            lambda lang: gr.Markdown(f"### {ui('sources', lang)}"),
                        )
                        sources = gr.Markdown(ui("sources_empty", "en"), elem_id="sources")
            with gr.Tab(ui("tab_calculators", "en"), id="calculators", elem_id="tab-calculators") as tab_calc:
                keyed(tab_calc, lambda lang: gr.Tab(label=ui("tab_calculators", lang)))
                with gr.Tabs():
                    for name, schema in schemas.items():
                        _calculator_form(name, schema, lang_state, keyed)
            if workflows is not None:
                helpdesk_tab(workflows, service.settings, lang_state, keyed)
                advisory_tab(workflows, service.settings, lang_state, keyed, exports)
            with gr.Tab(ui("tab_glossary", "en"), id="glossary", elem_id="tab-glossary") as tab_gloss:
                keyed(tab_gloss, lambda lang: gr.Tab(label=ui("tab_glossary", lang)))
                intro = keyed(
                    gr.Markdown(ui("glossary_intro", "en")), lambda lang: gr.Markdown(ui("glossary_intro", lang))
                )
                search = keyed(
                    gr.Textbox(label=ui("search", "en"), elem_id="glossary-search"),
                    lambda lang: gr.Textbox(label=ui("search", lang)),
                )
                rows = _glossary_rows(service)
                table = gr.Dataframe(value=rows, elem_id="glossary-table", interactive=False, wrap=True)
                search.change(lambda text: _filter_glossary(rows, text), inputs=[search], outputs=[table])
        del title, intro, sources_title

        def respond(
            message: str, history: list[dict[str, Any]], answers: list[dict[str, Any]], session: str, lang: str
        ) -> Iterator[tuple[Any, ...]]:
            message = (message or "").strip()
            session = session or uuid.uuid4().hex
            if not message:
                yield history, "", answers, session, gr.skip()
                return
            history = [*history, {"role": "user", "content": message}, {"role": "assistant", "content": "…"}]
            yield history, "", answers, session, gr.skip()
            try:
                answer = service.ask(message, session_id=session)
            except LocalizedError as err:
                history[-1]["content"] = err.message(detect_language(message))
                yield history, "", answers, session, gr.skip()
                return
            text = answer.answer
            for end in range(STREAM_STEP, len(text), STREAM_STEP):
                history[-1]["content"] = text[:end]
                yield history, "", answers, session, gr.skip()
            history[-1]["content"] = text
            answers = [*answers, answer.model_dump()]
            yield history, "", answers, session, sources_markdown(answer, lang)

        chat_io = dict(
            fn=respond,
            inputs=[question, chatbot, answers_state, session_state, lang_state],
            outputs=[chatbot, question, answers_state, session_state, sources],
        )
        send.click(**chat_io)
        question.submit(**chat_io)

        def new_conversation(lang: str) -> tuple[Any, ...]:
            return [], [], uuid.uuid4().hex, ui("sources_empty", lang)

        clear.click(new_conversation, [lang_state], [chatbot, answers_state, session_state, sources])

        def export_conversation(history: list[dict[str, Any]], answers: list[dict[str, Any]], lang: str) -> Any:
            exports.mkdir(parents=True, exist_ok=True)
            path = exports / f"conversation-{time.strftime('%Y%m%d-%H%M%S')}-{uuid.uuid4().hex[:6]}.md"
            path.write_text(conversation_markdown(history, answers, lang), encoding="utf-8")
            return gr.File(value=str(path), visible=True)

        export.click(export_conversation, [chatbot, answers_state, lang_state], [export_file])

        def on_like(data: gr.LikeData, history: list[dict[str, Any]], answers: list[dict[str, Any]]) -> None:
            index = data.index if isinstance(data.index, int) else data.index[0]
            answer_no = sum(1 for m in history[: index + 1] if m["role"] == "assistant") - 1
            record = answers[answer_no] if 0 <= answer_no < len(answers) else {}
            if isinstance(workflows, Workflows) and record.get("question"):
                workflows.feedback.add(
                    str(record["question"]),
                    str(record.get("answer") or ""),
                    str(record.get("language") or "en"),
                    "up" if data.liked else "down",
                    refused=bool(record.get("refused")),
                    citations=record.get("citations", []),
                    tool_calls=record.get("tool_calls", []),
                    channel="ui",
                )
            else:
                feedback_log.add(
                    {
                        "liked": data.liked,
                        "question": record.get("question"),
                        "answer": record.get("answer"),
                        "citations": record.get("citations", []),
                        "source": "ui",
                    }
                )
            gr.Info(ui("thanks", detect_language(str(record.get("question") or ""))))

        chatbot.like(on_like, [chatbot, answers_state], None)

        components = [c for c, _ in relabel]

        def switch_language(lang: str) -> list[Any]:
            return [lang, *(make(lang) for _, make in relabel)]

        lang_radio.change(switch_language, [lang_radio], [lang_state, *components])
    return demo


def _calculator_form(name: str, schema: dict[str, Any], lang_state: gr.State, keyed: Callable[..., Any]) -> None:
    func = get_calculator(name)
    with gr.Tab(calculator_name(name, "en"), elem_id=f"calc-{name}") as tab:
        keyed(tab, lambda lang: gr.Tab(label=calculator_name(name, lang)))
        doc = (func.__doc__ or "").strip().split("\n\n")[0]
        gr.Markdown(f"`{name}` · {doc}")
        inputs: list[Any] = []
        with gr.Row():
            for field, spec in schema["properties"].items():
                kind, _ = field_kind(spec)
                default = spec.get("default")
                value = EXAMPLE_VALUES.get(field, default)
                label = label_for(field, spec, "en")
                elem_id = f"{name}-{field}"
                choices = choices_for(field, spec)
                if kind == "boolean":
                    comp: Any = gr.Checkbox(value=bool(value), label=label, elem_id=elem_id)
                elif choices:
                    comp = gr.Dropdown(
                        choices=choices, value=value, label=label, elem_id=elem_id, allow_custom_value=True
                    )
                elif kind in ("integer", "number"):
                    comp = gr.Number(
                        value=value, label=label, elem_id=elem_id, precision=0 if kind == "integer" else None
                    )
                else:
                    comp = gr.Textbox(value=value or "", label=label, elem_id=elem_id)
                remake = _relabeler(type(comp), field, spec)
                inputs.append(keyed(comp, remake))
        run = keyed(
            gr.Button(ui("run", "en"), variant="primary", elem_id=f"run-{name}"),
            lambda lang: gr.Button(ui("run", lang)),
        )
        output = gr.Markdown(elem_id=f"result-{name}")
        chart = None
        if name in CHARTED:
            chart = keyed(
                gr.LinePlot(
                    x="year",
                    y="emissions",
                    color="series",
                    label=ui("chart", "en"),
                    elem_id=f"chart-{name}",
                    height=400,
                ),
                lambda lang: gr.LinePlot(label=ui("chart", lang)),
            )

        def calculate(lang: str, *values: Any) -> Any:
            rows: list[dict[str, Any]] = []
            try:
                result = func(**to_arguments(schema, list(values)))
            except CalculatorInputError as err:
                text = f"**{ui('error', lang)}:** {err.message(lang)}"
            except (TypeError, ValueError) as err:
                text = f"**{ui('error', lang)}:** {err}"
            else:
                text, rows = render_result(result, lang), pathway_rows(result, lang, ui("series_target", lang))
            if chart is None:
                return text
            frame = pd.DataFrame(rows, columns=["year", "emissions", "series"])
            frame["year"] = frame["year"].astype(str)  # whole years on the axis, not 2,020.5
            return text, frame

        run.click(calculate, [lang_state, *inputs], [output] if chart is None else [output, chart])


def _relabeler(cls: type, field: str, spec: dict[str, Any]) -> Callable[[str], Any]:
    return lambda lang: cls(label=label_for(field, spec, lang))


def _glossary_rows(service: AnswerService) -> pd.DataFrame:
    rows = [
        {
            "Tiếng Việt": " · ".join(e.terms.get("vi", ())),
            "中文": " · ".join(e.terms.get("zh", ())),
            "English": " · ".join(e.terms.get("en", ())),
            "docs": ", ".join(e.docs),
        }
        for e in service.glossary.entries
    ]
    return pd.DataFrame(rows)


def _filter_glossary(rows: pd.DataFrame, text: str) -> pd.DataFrame:
    needle = (text or "").strip().casefold()
    if not needle:
        return rows
    mask = rows.apply(lambda r: needle in " ".join(r.astype(str)).casefold(), axis=1)
    return rows[mask]


def mount_ui(app: FastAPI, service: AnswerService) -> None:
    workflows = getattr(app.state, "workflows", None)
    gr.mount_gradio_app(app, build_ui(service, service.settings.data_dir, workflows), path="/ui")
