"""The web UI (Gradio, mounted at ``/ui``): chat with sources, calculators with a pathway chart, the
staff tabs (helpdesk draft replies, advisory sessions) and the glossary.

Everything on the page is in the interface language: it starts as the browser's language, can be
switched, and is remembered by the browser. A switch relabels every control and redraws what was shown
(the sources of the last answer, each calculator's last result and chart, the glossary) from state;
answers themselves stay in the question's language, as in the API. The UI only calls the answer service,
the calculators and the workflow services: no logic of its own.
"""

from __future__ import annotations

import json
import os
import threading
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")  # offline by default: no telemetry calls

import gradio as gr  # noqa: E402
import pandas as pd
from fastapi import FastAPI

from assistant.answer.models import Answer
from assistant.answer.service import AnswerService
from assistant.text.language import detect_language
from assistant.ui import theme
from assistant.ui.calculator_forms import (
    EXAMPLE_VALUES,
    choice_pairs,
    field_kind,
    form_schemas,
    label_for,
    render_result,
    to_arguments,
)
from assistant.ui.doc_titles import DocumentTitles
from assistant.ui.keyed import button, labelled
from assistant.ui.labels import LANG_CHOICES, calculator_description, calculator_name, examples, ui
from assistant.ui.pathway_chart import CHARTED, pathway, pathway_figure, pathway_table
from assistant.ui.source_cards import source_cards, sources_markdown
from assistant.ui.workflow_tabs import advisory_tab, helpdesk_tab
from assistant.workflows.registry import Workflows, WorkflowsUnavailable
from tools.errors import LocalizedError
from tools.registry import get_calculator

STREAM_STEP = 24  # characters per streamed update
LANG_NAMES = {code: name for name, code in LANG_CHOICES}


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


class Relabel:
    """What follows the interface language: each control's labels (``label``), and views redrawn from
    state (``view``: the inputs they read, the outputs they write, and how)."""

    def __init__(self) -> None:
        self.labels: list[tuple[Any, Callable[[str], Any]]] = []
        self.views: list[tuple[list[Any], list[Any], Callable[..., Any]]] = []

    def label(self, component: Any, make: Callable[[str], Any]) -> Any:
        self.labels.append((component, make))
        return component

    __call__ = label  # ``keyed(component, make)``

    def view(self, inputs: Sequence[Any], outputs: Sequence[Any], draw: Callable[..., Any]) -> None:
        """``draw(lang, *input values)`` returns one value per output (a tuple when several)."""
        self.views.append((list(inputs), list(outputs), draw))

    def wire(self, switch: gr.Radio, lang_state: gr.State) -> None:
        inputs = [c for ins, _, _ in self.views for c in ins]
        outputs = [lang_state, *(c for c, _ in self.labels), *(c for _, outs, _ in self.views for c in outs)]

        def switch_language(lang: str, *values: Any) -> list[Any]:
            out: list[Any] = [lang, *(make(lang) for _, make in self.labels)]
            at = 0
            for ins, outs, draw in self.views:
                drawn = draw(lang, *values[at : at + len(ins)])
                at += len(ins)
                out += list(drawn) if len(outs) > 1 else [drawn]
            return out

        switch.change(switch_language, [switch, *inputs], outputs, show_progress="hidden")


def conversation_markdown(
    history: list[dict[str, Any]], answers: list[dict[str, Any]], lang: str, titles: DocumentTitles
) -> str:
    """The conversation as Markdown, every answer followed by its sources."""
    out = [f"# {ui('chat', lang)}", ""]
    answer_iter = iter(answers)
    for msg in history:
        if msg["role"] == "user":
            out += [f"**{ui('you', lang)}:** {_content_text(msg['content'])}", ""]
        else:
            out += [f"**{ui('assistant', lang)}:**", "", _content_text(msg["content"]), ""]
            answer = next(answer_iter, None)
            if answer:
                out += [sources_markdown(Answer(**answer), lang, titles), ""]
    return "\n".join(out)


def _content_text(content: Any) -> str:
    """Gradio 6 gives message content back as a list of parts: the text of the text parts."""
    if isinstance(content, list):
        return "".join(str(p.get("text", "")) if isinstance(p, dict) else str(p) for p in content)
    return str(content)


def build_ui(
    service: AnswerService, data_dir: Path, workflows: Workflows | WorkflowsUnavailable | None = None
) -> gr.Blocks:
    """``workflows`` adds the staff tabs and stores feedback in the database; without it (or when
    the database cannot be used) feedback goes to a JSON Lines file under the data dir."""
    feedback_log = FeedbackLog(data_dir / "feedback" / "ui_feedback.jsonl")
    exports = data_dir / "exports"
    titles = DocumentTitles.from_corpus(service.settings.corpus_dir)
    schemas = form_schemas()
    relabel = Relabel()

    with gr.Blocks(title="Climate target assistant") as demo:
        lang_state = gr.State("en")
        answers_state = gr.State([])
        session_state = gr.State("")
        relabel(gr.Markdown(ui("title", "en"), elem_id="title"), lambda lang: gr.Markdown(ui("title", lang)))
        lang_radio = gr.Radio(choices=LANG_CHOICES, value="en", label=ui("interface_language", "en"), elem_id="ui-lang")
        relabel(lang_radio, lambda lang: gr.Radio(label=ui("interface_language", lang)))
        with gr.Tabs():
            with labelled(relabel, gr.Tab, "tab_chat", id="chat", elem_id="tab-chat"), gr.Row():
                with gr.Column(scale=3):
                    chatbot = relabel(
                        gr.Chatbot(
                            label=ui("chat", "en"),
                            show_label=False,  # a floating label covered the messages when scrolled
                            elem_id="chatbot",
                            height=460,
                            buttons=["copy", "copy_all"],
                        ),
                        lambda lang: gr.Chatbot(label=ui("chat", lang)),
                    )
                    question = relabel(
                        gr.Textbox(
                            label=ui("question", "en"),
                            placeholder=ui("question_placeholder", "en"),
                            elem_id="question",
                            lines=1,
                            max_lines=6,  # Enter sends, Shift+Enter starts a new line
                        ),
                        lambda lang: gr.Textbox(
                            label=ui("question", lang), placeholder=ui("question_placeholder", lang)
                        ),
                    )
                    with gr.Row():
                        send = button(relabel, "send", variant="primary", elem_id="send")
                        clear = button(relabel, "clear", elem_id="clear")
                        export = button(relabel, "export", elem_id="export")
                    export_file = labelled(relabel, gr.File, "export_file", elem_id="export-file", visible=False)
                    samples = relabel(
                        gr.Dataset(
                            components=[question],
                            samples=[[q] for q in examples("en")],
                            label=ui("examples", "en"),
                            elem_id="examples",
                        ),
                        lambda lang: gr.Dataset(samples=[[q] for q in examples(lang)], label=ui("examples", lang)),
                    )
                    samples.click(lambda sample: sample[0], [samples], [question])
                with gr.Column(scale=2):
                    relabel(
                        gr.Markdown(f"## {ui('sources', 'en')}"),
                        lambda lang: gr.Markdown(f"## {ui('sources', lang)}"),
                    )
                    sources = gr.Markdown(ui("sources_empty", "en"), elem_id="sources")
            with labelled(relabel, gr.Tab, "tab_calculators", id="calculators", elem_id="tab-calculators"), gr.Tabs():
                for name, schema in schemas.items():
                    _calculator_form(name, schema, lang_state, relabel, titles)
            if workflows is not None:
                helpdesk_tab(workflows, service.settings, lang_state, relabel, exports, titles)
                advisory_tab(workflows, service.settings, lang_state, relabel, exports)
            with labelled(relabel, gr.Tab, "tab_glossary", id="glossary", elem_id="tab-glossary"):
                relabel(gr.Markdown(_glossary_intro("en")), lambda lang: gr.Markdown(_glossary_intro(lang)))
                search = labelled(relabel, gr.Textbox, "search", elem_id="glossary-search")
                table = gr.Dataframe(
                    value=_glossary_rows(service, titles, "en"),
                    label=ui("tab_glossary", "en"),
                    show_label=False,
                    elem_id="glossary-table",
                    interactive=False,
                    wrap=True,
                    column_widths=["22%", "18%", "22%", "38%"],
                )

                def glossary(lang: str, text: str) -> pd.DataFrame:
                    return _filter_glossary(_glossary_rows(service, titles, lang), text)

                search.change(lambda text, lang: glossary(lang, text), [search, lang_state], [table])
                relabel.view([search], [table], glossary)

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
            yield history, "", answers, session, source_cards(answer, lang, titles)

        chat_io = dict(
            fn=respond,
            inputs=[question, chatbot, answers_state, session_state, lang_state],
            outputs=[chatbot, question, answers_state, session_state, sources],
        )
        send.click(**chat_io)
        question.submit(**chat_io)

        def last_sources(lang: str, answers: list[dict[str, Any]]) -> str:
            return source_cards(Answer(**answers[-1]), lang, titles) if answers else ui("sources_empty", lang)

        relabel.view([answers_state], [sources], last_sources)

        def new_conversation(lang: str) -> tuple[Any, ...]:
            return [], [], uuid.uuid4().hex, ui("sources_empty", lang)

        clear.click(new_conversation, [lang_state], [chatbot, answers_state, session_state, sources])

        def export_conversation(history: list[dict[str, Any]], answers: list[dict[str, Any]], lang: str) -> Any:
            exports.mkdir(parents=True, exist_ok=True)
            path = exports / f"conversation-{time.strftime('%Y%m%d-%H%M%S')}-{uuid.uuid4().hex[:6]}.md"
            path.write_text(conversation_markdown(history, answers, lang, titles), encoding="utf-8")
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

        relabel.wire(lang_radio, lang_state)
        lang_radio.change(None, [lang_radio], None, js=theme.PAGE_LANG_JS)
        lang_radio.input(None, [lang_radio], None, js=theme.REMEMBER_LANGUAGE_JS)
        demo.load(None, None, [lang_radio], js=theme.DETECT_LANGUAGE_JS)
    return demo


def _calculator_form(
    name: str, schema: dict[str, Any], lang_state: gr.State, relabel: Relabel, titles: DocumentTitles
) -> None:
    func = get_calculator(name)
    with gr.Tab(calculator_name(name, "en"), elem_id=f"calc-{name}") as tab:
        relabel(tab, lambda lang: gr.Tab(label=calculator_name(name, lang)))
        relabel(
            gr.Markdown(calculator_description(name, "en"), elem_id=f"about-{name}"),
            lambda lang: gr.Markdown(calculator_description(name, lang)),
        )
        inputs: list[Any] = []
        with gr.Row():
            for field, spec in schema["properties"].items():
                kind, optional = field_kind(spec)
                default = spec.get("default")
                value = EXAMPLE_VALUES.get(field, default)
                label = label_for(field, spec, "en")
                elem_id = f"{name}-{field}"
                choices = choice_pairs(field, spec, "en")
                if kind == "boolean":
                    comp: Any = gr.Checkbox(value=bool(value), label=label, elem_id=elem_id)
                elif choices:
                    comp = gr.Dropdown(
                        choices=choices, value=value, label=label, elem_id=elem_id, allow_custom_value=True
                    )
                elif kind in ("integer", "number") and optional and value is None:
                    # a Number field cannot be empty (Gradio shows and sends 0): optional figures are typed
                    comp = gr.Textbox(value="", label=label, elem_id=elem_id, placeholder=ui("optional", "en"))
                elif kind in ("integer", "number"):
                    comp = gr.Number(
                        value=value, label=label, elem_id=elem_id, precision=0 if kind == "integer" else None
                    )
                else:
                    comp = gr.Textbox(value=value or "", label=label, elem_id=elem_id)
                inputs.append(relabel(comp, _relabeler(type(comp), field, spec, choices is not None)))
        run = button(relabel, "run", variant="primary", elem_id=f"run-{name}")
        output = gr.Markdown(elem_id=f"result-{name}")
        shown = gr.State(None)  # the form values of the result on screen, redrawn on a language switch
        outputs: list[Any] = [output]
        if name in CHARTED:
            with gr.Row(equal_height=False):
                # hidden until there is a result: an empty plot is an unlabelled placeholder to screen readers
                chart = relabel(
                    gr.Plot(label=ui("chart", "en"), elem_id=f"chart-{name}", scale=3, visible=False),
                    lambda lang: gr.Plot(label=ui("chart", lang)),
                )
                table = relabel(
                    gr.Dataframe(
                        label=ui("chart_table", "en"),
                        elem_id=f"table-{name}",
                        interactive=False,
                        scale=2,
                        max_height=420,
                        visible=False,
                    ),
                    lambda lang: gr.Dataframe(label=ui("chart_table", lang)),
                )
            outputs += [chart, table]

        def draw(lang: str, values: list[Any] | None) -> Any:
            if values is None:
                return gr.skip() if len(outputs) == 1 else tuple(gr.skip() for _ in outputs)
            found = None
            try:
                result = func(**to_arguments(schema, list(values)))
            except LocalizedError as err:
                text = f"**{ui('error', lang)}:** {err.message(lang)}"
            except (TypeError, ValueError) as err:
                text = f"**{ui('error', lang)}:** {err}"
            else:
                text = render_result(result, lang, titles)
                found = pathway(result)
                if found is not None and found.indexed:
                    text += f"\n\n_{ui('chart_indexed', lang)}_"
            if len(outputs) == 1:
                return text
            figure = pathway_figure(found, lang) if found else None
            return (
                text,
                gr.Plot(value=figure, visible=figure is not None),
                gr.Dataframe(value=pathway_table(found, lang), visible=found is not None),
            )

        def calculate(lang: str, *values: Any) -> list[Any]:
            drawn = draw(lang, list(values))
            return [list(values), *(drawn if isinstance(drawn, tuple) else (drawn,))]

        run.click(calculate, [lang_state, *inputs], [shown, *outputs])
        relabel.view([shown], outputs, draw)


def _relabeler(cls: type, field: str, spec: dict[str, Any], has_choices: bool) -> Callable[[str], Any]:
    if cls is gr.Textbox and field_kind(spec)[0] in ("integer", "number"):
        return lambda lang: cls(label=label_for(field, spec, lang), placeholder=ui("optional", lang))
    if has_choices:
        return lambda lang: cls(label=label_for(field, spec, lang), choices=choice_pairs(field, spec, lang))
    return lambda lang: cls(label=label_for(field, spec, lang))


def _glossary_intro(lang: str) -> str:
    return f"{ui('glossary_intro', lang)} {ui('glossary_docs_help', lang)}"


def _glossary_rows(service: AnswerService, titles: DocumentTitles, lang: str) -> pd.DataFrame:
    """The trilingual glossary; the documents column names each document by its short title in ``lang``."""
    docs = ui("glossary_docs", lang)
    rows = [
        {
            LANG_NAMES["vi"]: " · ".join(e.terms.get("vi", ())),
            LANG_NAMES["zh"]: " · ".join(e.terms.get("zh", ())),
            LANG_NAMES["en"]: " · ".join(e.terms.get("en", ())),
            docs: "; ".join(titles.short(d, lang) for d in e.docs),
        }
        for e in service.glossary.entries
    ]
    return pd.DataFrame(rows, columns=[LANG_NAMES["vi"], LANG_NAMES["zh"], LANG_NAMES["en"], docs])


def _filter_glossary(rows: pd.DataFrame, text: str) -> pd.DataFrame:
    needle = (text or "").strip().casefold()
    if not needle:
        return rows
    mask = rows.apply(lambda r: needle in " ".join(r.astype(str)).casefold(), axis=1)
    return rows[mask]


def mount_ui(app: FastAPI, service: AnswerService) -> None:
    workflows = getattr(app.state, "workflows", None)
    gr.mount_gradio_app(
        app,
        build_ui(service, service.settings.data_dir, workflows),
        path="/ui",
        theme=theme.theme(),
        css=theme.CSS,
    )
