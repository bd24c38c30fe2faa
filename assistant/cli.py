"""The ``assistant`` command of the contract (../shared/CONTRACT.md)."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from assistant.config import get_settings
from assistant.keys_cli import keys_app
from assistant.messages import t

if TYPE_CHECKING:
    from assistant.corpus.ingest import IngestReport

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Multilingual advisory assistant for science-based climate targets (apparel & footwear).",
)

_LANG_OPT = typer.Option("--lang", help="Language of messages and answers: vi, zh or en.")


def _echo_json(obj: object) -> None:
    typer.echo(json.dumps(obj, ensure_ascii=False, indent=2))


def _env_lang() -> str:
    """The message language of commands without ``--lang``: the locale (LC_ALL, LC_MESSAGES, LANG)."""
    import os

    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")[:2].lower()
        if value:
            return value if value in ("vi", "zh", "en") else "en"
    return "en"


def _fail_on_storage(err: Exception, lang: str) -> NoReturn:
    """One line on stderr and exit 2 for an unreachable or unwritable index: no traceback.

    An OSError that escapes ingest is the data folder itself (it could not be created or written:
    read-only, a path under a file, a full disk); unreadable documents are reported per file instead.
    """
    from assistant.index.vector_store import IndexUnavailableError, IndexWriteError

    if not isinstance(err, IndexUnavailableError):
        err = IndexWriteError(str(get_settings().index_dir), f"{type(err).__name__}: {err}")
    where = getattr(err, "where", "")
    detail = ": ".join(x for x in (where, err.detail) if x)  # for the operator: the folder and what the OS said
    typer.echo(err.message(lang) + (f" ({detail})" if detail else ""), err=True)
    raise typer.Exit(2) from err


@app.command()
def ingest(
    paths: Annotated[list[Path] | None, typer.Argument(help="Files or folders (default: corpus/)")] = None,
    rebuild: Annotated[
        bool, typer.Option("--rebuild", help="Start a fresh index (the old one serves until done)")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress (a bar, or log lines when piped)")] = False,
    lang: Annotated[str, _LANG_OPT] = "en",
    translate: Annotated[
        bool, typer.Option("--translate", help="Machine-translate the documents first (the configured LLM)")
    ] = False,
) -> None:
    """Index the corpus or the given files/folders; idempotent."""
    from assistant.corpus.ingest import ingest as run_ingest
    from assistant.index.vector_store import IndexUnavailableError

    try:
        if translate:
            for line in machine_translate(list(paths or []), quiet, lang):
                typer.echo(line)
        report = run_ingest(get_settings(), list(paths) if paths else None, rebuild=rebuild, progress=not quiet)
    except (IndexUnavailableError, OSError) as err:
        _fail_on_storage(err, lang)
    for _, failure in report.failed:
        typer.echo(f"! {failure.message(lang)}", err=True)
    for line in translation_lines(report, lang):
        typer.echo(line)
    typer.echo(
        t(
            "cli.ingest_summary",
            lang,
            documents=report.total_documents,
            added=len(report.added),
            updated=len(report.updated),
            unchanged=len(report.unchanged),
            removed=len(report.removed),
            failed=len(report.failed),
            chunks=report.total_chunks,
            written=report.chunks_written,
            embedded=report.vectors_embedded,
            reused=report.vectors_reused,
            seconds=f"{report.seconds:.1f}",
        )
    )


def machine_translate(paths: list[Path], quiet: bool, lang: str = "en") -> list[str]:
    """``ingest --translate``: each document's segments translated by the configured LLM (cached), or one
    line saying there is none; what was translated per language, and what failed the checks."""
    from assistant.corpus.machine_translation import translate_files
    from assistant.llm.chat_model import llm_configured, make_chat_model

    settings = get_settings()
    if not llm_configured(settings):
        return [t("cli.no_llm_for_translation", lang)]
    reports = translate_files(settings, paths or [settings.corpus_dir], make_chat_model(settings), progress=not quiet)
    return [line for report in reports for line in report.lines()]


def translation_lines(report: IngestReport, lang: str = "en") -> list[str]:
    """What ingest says about translations, in ``lang``: served per document, stale files, rows left out (and
    why: the check's own words, which name numbers and terms)."""
    lines: list[str] = []
    for doc, tr in sorted(report.translations.items()):
        if tr.stale:
            lines.append(t("cli.translations_stale", lang, doc=doc, langs=", ".join(tr.stale)))
        if tr.languages:
            langs = ", ".join(tr.languages)
            lines.append(
                t("cli.translations_served", lang, doc=doc, langs=langs, served=tr.served, left_out=len(tr.failed))
            )
            for seg_lang, seg, problem in tr.failed[:5]:
                lines.append(f"  - {seg_lang} {seg}: {problem}")
            if len(tr.failed) > 5:
                lines.append(t("cli.translations_more", lang, count=len(tr.failed) - 5))
        elif not tr.stale:
            lines.append(t("cli.translations_none", lang, doc=doc))
    return lines


@app.command()
def retrieve(
    question: Annotated[str, typer.Argument(help="The question")],
    k: Annotated[int, typer.Option("--k", min=1, max=100, help="How many passages")] = 5,
    as_json: Annotated[bool, typer.Option("--json", help="JSON output (contract)")] = False,
    mode: Annotated[str, typer.Option("--mode", help="hybrid, dense or bm25")] = "hybrid",
) -> None:
    """The top N passages for a question, no answer."""
    from assistant.index.vector_store import IndexUnavailableError
    from assistant.retrieval.retriever import HybridRetriever
    from assistant.text.language import detect_language

    if mode not in ("hybrid", "dense", "bm25"):
        raise typer.BadParameter("mode must be hybrid, dense or bm25")
    retriever = HybridRetriever(get_settings())
    try:
        passages = retriever.retrieve(question, k=k, mode=mode)  # type: ignore[arg-type]
    except IndexUnavailableError as err:
        lang = detect_language(question)
        typer.echo(err.messages.get(lang, err.messages["en"]), err=True)
        raise typer.Exit(2) from err
    if as_json:
        _echo_json([p.contract_json() for p in passages])
        return
    for i, p in enumerate(passages, 1):
        typer.echo(f"[{i}] {p.doc} · {p.locator} · {p.score:.4f}\n    {p.text[:300]}\n")


@app.command()
def ask(
    question: Annotated[str, typer.Argument(help="The question, in Vietnamese, Chinese or English")],
    lang: Annotated[str | None, typer.Option("--lang", help="Answer language: vi, zh or en")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON output (contract)")] = False,
    explain: Annotated[
        bool, typer.Option("--explain", help='With --json: each stage\'s decision and scores ("trace")')
    ] = False,
) -> None:
    """Answer one question, with citations; numbers come from the calculators or the documents."""
    from assistant.answer.service import AnswerService
    from assistant.text.language import detect_language
    from tools.errors import LocalizedError

    if lang is not None and lang not in ("vi", "zh", "en"):
        raise typer.BadParameter("lang must be vi, zh or en")
    try:
        answer = AnswerService(get_settings()).ask(question, lang=lang, explain=explain)
    except LocalizedError as err:
        typer.echo(err.message(lang or (detect_language(question) if question.strip() else None)), err=True)
        raise typer.Exit(2) from err
    if as_json:
        typer.echo(json.dumps(answer.contract_json(), ensure_ascii=False, indent=2))
        return
    typer.echo(answer.answer)
    if answer.citations:
        typer.echo("")
        for c in answer.citations:
            typer.echo(f"[{c.id}] {c.title} ({c.doc}), {c.locator}")


@app.command("eval")
def eval_command(
    questions: Annotated[Path | None, typer.Option("--questions", help="Question file (JSON Lines)")] = None,
    out: Annotated[Path, typer.Option("--out", help="Report folder")] = Path("artifacts/eval"),
    mode: Annotated[str | None, typer.Option("--mode", help="no-llm or llm (default: as configured)")] = None,
    retrieval_only: Annotated[bool, typer.Option("--retrieval-only", help="Score retrieval only")] = False,
    k: Annotated[int, typer.Option("--k", help="Top-k for retrieval-only scores")] = 5,
    compare: Annotated[
        tuple[Path, Path] | None, typer.Option("--compare", help="OLD NEW report.json: what improved, what regressed")
    ] = None,
    gate: Annotated[
        Path | None, typer.Option("--gate", help="JSON of score floors; exit 1 when a score falls below one")
    ] = None,
    judge: Annotated[bool, typer.Option("--judge", help="Also ask the configured LLM to judge faithfulness")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar")] = False,
    url: Annotated[
        str | None,
        typer.Option("--url", help="Score a running server (any version) over HTTP instead of this checkout"),
    ] = None,
    key: Annotated[
        str | None, typer.Option("--key", help="Staff or admin key for --url (e-mail files draft replies)")
    ] = None,
) -> None:
    """Run the eval suite on a question file (or an e-mail file); writes report.json and report.md."""
    from evals.answer_eval import check_gate, compare_reports, format_summary, load_report, run_answer_eval
    from evals.asker import Asker, HttpAsker, LocalAsker
    from evals.email_eval import format_email_summary, is_email_file, run_email_eval
    from evals.retrieval_eval import run_retrieval_eval

    if compare:
        typer.echo(compare_reports(load_report(compare[0]), load_report(compare[1])))
        return
    if mode not in (None, "no-llm", "llm"):
        raise typer.BadParameter("mode must be no-llm or llm")
    settings = get_settings()
    evals_dir = Path(__file__).resolve().parents[1] / "evals"
    if retrieval_only:
        typer.echo(run_retrieval_eval(settings, questions or evals_dir / "retrieval_questions.jsonl", out, k=k))
        return
    path = questions or evals_dir / "questions.jsonl"
    try:
        asker: Asker = HttpAsker(url, key) if url else LocalAsker(settings, mode)
        if is_email_file(path):
            report = run_email_eval(asker, path, out)
            typer.echo(format_email_summary(report["summary"]))
            typer.echo(f"\nreports: {out / 'email_report.json'}, {out / 'email_report.md'}")
            return
        run = run_answer_eval(settings, path, out, mode=mode, judge=judge, progress=not quiet, asker=asker)
    except ValueError as err:
        typer.echo(str(err), err=True)
        raise typer.Exit(2) from err
    typer.echo(format_summary(run))
    typer.echo(f"\nreports: {out / 'report.json'}, {out / 'report.md'}")
    if gate:
        failures = check_gate(run.summary, json.loads(gate.read_text(encoding="utf-8")))
        if failures:
            typer.echo("gate failed: " + "; ".join(failures), err=True)
            raise typer.Exit(1)
        typer.echo("gate passed")


@app.command()
def serve(
    host: Annotated[str, typer.Option("--host")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port")] = 8000,
    workers: Annotated[int, typer.Option("--workers")] = 1,
    no_ingest: Annotated[bool, typer.Option("--no-ingest", help="Do not ingest a missing index first")] = False,
) -> None:
    """HTTP API (and web UI); ingests the corpus first if the index is missing."""
    from assistant.api.memory import cap_malloc_arenas

    settings = get_settings()
    cap_malloc_arenas(settings.malloc_arenas)  # before the model and the index are loaded
    import uvicorn

    from assistant.corpus.ingest import ingest as run_ingest
    from assistant.index.vector_store import IndexUnavailableError
    from assistant.retrieval.retriever import HybridRetriever
    from assistant.server_notices import announce_when_up, data_folder_line

    typer.echo(data_folder_line(settings))
    try:
        if not no_ingest and not HybridRetriever(settings).ready():
            typer.echo("Index missing: ingesting the corpus first…")
            report = run_ingest(settings, progress=True)  # a bar on a terminal, log lines in a log
            typer.echo(
                f"ingested {report.total_documents} documents, {report.total_chunks} chunks in {report.seconds:.1f} s"
            )
    except (IndexUnavailableError, OSError) as err:
        _fail_on_storage(err, _env_lang())
    announce_when_up(host, port, settings.ui_enabled, typer.echo)  # "ready at http://HOST:PORT/ui"
    uvicorn.run("assistant.api.app:create_app", factory=True, host=host, port=port, workers=workers)


app.add_typer(keys_app, name="keys")


def main() -> None:  # pragma: no cover
    logging.basicConfig(level=logging.WARNING)
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
