"""Every command in the README's code blocks runs and prints what the README says it prints.

The README is parsed: each command line of its fenced code blocks must have a row in ``CHECKS`` (how it is
run and the phrases its output must hold), so a command added to the README later fails
``test_every_readme_command_has_a_check`` until it gets one. Quick commands run as written; slow ones on
a small input (one shipped document via ``ASSISTANT_CORPUS_DIR``, a temporary ``ASSISTANT_DATA_DIR``,
3-question files, a stand-in LLM server); a command with no small-input mode is checked for ``--help``;
the test command itself is checked by reading it (running it here would run this suite inside itself).
"""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Literal

import pytest

from evals.server_process import ServerProcess, free_port
from tests.assistant.test_first_run import make_tiny_corpus
from tests.conftest import REPO, write_pdf

README = REPO / "README.md"
VENV_BIN = REPO / ".venv" / "bin"
# Lines of an unlabelled code block that are commands (the rest are diagrams); labelled shell blocks are all commands.
SHELL_BLOCKS = {"bash", "sh", "shell", "console"}
COMMAND_START = re.compile(r"^(bash|sh|\.venv/bin/\S+|python3?|pip3?|curl|export|git|assistant|~/\S+|\./\S+)$")
# 3-question files cut from the project's own question files (one per language, answered by the small corpus)
ANSWER_IDS = ("q-vi-020", "q-zh-021", "q-en-020")
RETRIEVAL_IDS = ("ret-vi-020", "ret-zh-021", "ret-en-022")

How = Literal["full", "small", "help", "static"]


@dataclass(frozen=True)
class Check:
    """How a README command is run here and what its output must say (``{placeholders}`` filled per run).

    ``swap`` replaces README arguments (a placeholder path, a fixed port) and ``add`` appends the small
    input; ``server`` commands are started, read once ready, and stopped; ``files`` must exist afterwards
    and hold the phrases given."""

    how: How
    expect: tuple[str, ...]
    swap: dict[str, str] = field(default_factory=dict)
    add: tuple[str, ...] = ()
    server: bool = False
    files: dict[str, str] = field(default_factory=dict)
    why: str = ""


CHECKS: dict[str, Check] = {
    "bash scripts/run.sh": Check(
        "small",
        (
            "setup: done",
            "data folder: {fresh_data}",
            "Index missing",
            "ingest: 100%",
            "ready at http://127.0.0.1:{port}/ui",
        ),
        add=("--port", "{port}"),
        server=True,
        why="set up .venv, ingest the small corpus into an empty data folder, serve, on a free port",
    ),
    "bash scripts/test.sh": Check(
        "static",
        (
            "bash scripts/setup.sh --test",
            ".venv/bin/ruff check",
            ".venv/bin/mypy",
            '.venv/bin/pytest -q -p no:cacheprovider "$@"',
        ),
        why="it runs this suite; read instead: setup with the test extras, ruff, mypy, then pytest with its arguments",
    ),
    ".venv/bin/assistant ingest": Check(
        "small",
        ("ingest: 100% (documents 1/1", "documents: 1 (added 1, updated 0, unchanged 0"),
        why="the small corpus into an empty data folder; progress lines since the output is a pipe",
    ),
    ".venv/bin/assistant ingest ~/docs/guide.pdf": Check(
        "small",
        ("documents: 2 (added 1, updated 0, unchanged 0",),
        swap={"~/docs/guide.pdf": "{pdf}"},
        why="a one-page PDF made here, added to the small index",
    ),
    '.venv/bin/assistant retrieve "Khi nào phải đặt mục tiêu phạm vi 3?" --k 5 --json': Check(
        "full", ('"doc": "000_0879da0e186f5247.txt"', '"locator":', '"score":')
    ),
    '.venv/bin/assistant ask "Giảm 30% từ 2020 đến 2030 có đạt 1,5°C không?" --json': Check(
        "full", ('"language": "vi"', '"refused": false', '"tool_calls": [', '"name": "', "42%", '"mode": "no-llm"')
    ),
    ".venv/bin/assistant eval": Check(
        "small",
        ("3 questions, mode no-llm", "reports: artifacts/eval/report.json, artifacts/eval/report.md"),
        add=("--questions", "{answer_questions}"),
        files={"artifacts/eval/report.json": '"summary"', "artifacts/eval/report.md": "# Answer eval"},
        why="a 3-question file; the reports land under the working folder as the README says",
    ),
    ".venv/bin/assistant eval --mode llm --judge": Check(
        "small",
        ("3 questions, mode", "reports: llm-eval/report.json"),
        add=("--questions", "{answer_questions}", "--out", "llm-eval"),
        files={"llm-eval/report.md": "judged faithful"},  # the judge ran, through the configured LLM
        why="3 questions against a stand-in OpenAI-compatible server that answers FAITHFUL to everything (its "
        "phrasing fails the checks, so answers fall back to no-LLM with a note: the mode per item varies)",
    ),
    ".venv/bin/assistant eval --compare old/report.json new/report.json": Check(
        "small",
        ("# Compare", "## Improved (", "## Regressed ("),
        swap={"old/report.json": "{report}", "new/report.json": "{report}"},
        why="the 3-question report against itself",
    ),
    ".venv/bin/assistant eval --retrieval-only": Check(
        "small",
        ("R@1", "R@5", "MRR", "dense", "bm25", "hybrid"),
        add=("--questions", "{retrieval_questions}"),
        why="a 3-question retrieval file over the small index",
    ),
    ".venv/bin/assistant serve --port 8000 [--workers 4]": Check(
        "small",
        ("data folder: {data}", "ready at http://127.0.0.1:{port}/ui"),
        swap={"8000": "{port}", "[--workers": "--workers", "4]": "2"},
        server=True,
        why="two workers on a free port, over the small index",
    ),
    ".venv/bin/python -m evals.benchmark": Check(
        "small",
        ("ingest round 1", "re-ingest, nothing changed", "retrieval (hybrid, k=5)", "HTTP /v1/ask", "recall@5, hybrid"),
        add=(
            *("--corpus", "{corpus}", "--questions", "{retrieval_questions}"),
            *("--rounds", "1", "--requests", "2", "--out", "benchmark.json"),
        ),
        files={"benchmark.json": '"recall@5"'},
        why="its small-input options: the small corpus, 3 questions, one ingest round, 2 HTTP requests per level",
    ),
    "bash scripts/fetch_local_llm.sh": Check(
        "static",
        ("llama-cpp-python[server]", "sha256sum -c", ".cache/models"),
        why="downloads and builds a local model (minutes, hundreds of MB): read instead, not run",
    ),
    ".venv/bin/python -m evals.first_answer_time": Check(
        "help",
        ("--committed", "--keep"),
        why="clones the checkout and installs a fresh .venv: minutes by design",
    ),
}


# --- the README ---------------------------------------------------------------------------------------


def _without_comment(line: str) -> str:
    """The line up to its ``# comment`` (a ``#`` outside quotes, after white space)."""
    for m in re.finditer(r"\s#", line):
        try:
            shlex.split(line[: m.start()])
        except ValueError:
            continue  # inside quotes
        return line[: m.start()]
    return line


def readme_commands(text: str) -> list[str]:
    """The commands of the README's fenced code blocks, in order, as written (quotes kept, runs of spaces
    and trailing ``# comments`` dropped, ``\\`` continuations joined)."""
    commands: list[str] = []
    block: str | None = None
    pending = ""
    for raw in text.splitlines():
        fence = re.match(r"^\s*```(\S*)", raw)
        if fence:
            block = fence.group(1).lower() if block is None else None
            continue
        if block is None:
            continue
        line = pending + raw.strip()
        if line.endswith("\\"):
            pending = line[:-1] + " "
            continue
        pending = ""
        if not line or line.startswith("#"):
            continue
        if block not in SHELL_BLOCKS and not COMMAND_START.match(line.split()[0]):
            continue  # a diagram line
        commands.append(re.sub(r"\s{2,}", " ", _without_comment(line)).strip())
    return commands


def test_every_readme_command_has_a_check() -> None:
    commands = readme_commands(README.read_text(encoding="utf-8"))
    assert "bash scripts/run.sh" in commands and ".venv/bin/assistant ingest" in commands  # the parser works
    unknown = [c for c in commands if c not in CHECKS]
    assert not unknown, (
        f"README commands without a row in CHECKS (tests/test_readme_commands.py): {unknown}; add how each is "
        "run here and the phrases its output must hold"
    )


def test_parser_finds_commands_and_skips_diagrams() -> None:
    text = (
        '```bash\nbash scripts/run.sh      # serve\n.venv/bin/assistant ask "Một câu?" --json\n```\n'
        "```\ncorpus/ files ──ingest──▶ load\n~/.cache/models/llama-venv/bin/python -m llama_cpp.server \\\n"
        "  --port 8088\n```\n`inline` is not a block\n"
    )
    assert readme_commands(text) == [
        "bash scripts/run.sh",
        '.venv/bin/assistant ask "Một câu?" --json',
        "~/.cache/models/llama-venv/bin/python -m llama_cpp.server --port 8088",
    ]


# --- running them --------------------------------------------------------------------------------------


class _StandInLLM(BaseHTTPRequestHandler):
    """An OpenAI-compatible chat server that answers every call with one word (the judge's verdict)."""

    def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
        self.rfile.read(int(self.headers.get("content-length", 0)))
        body = json.dumps(
            {
                "id": "chatcmpl-readme",
                "object": "chat.completion",
                "created": 0,
                "model": "stand-in",
                "choices": [
                    {"index": 0, "message": {"role": "assistant", "content": "FAITHFUL"}, "finish_reason": "stop"}
                ],
                "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
            }
        ).encode()
        self.send_response(200)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@dataclass
class World:
    """The small input every command shares: a folder, the small corpus, its index, question files."""

    root: Path
    corpus: Path
    data: Path
    llm_url: str
    values: dict[str, str] = field(default_factory=dict)

    def env(self, data: Path | None = None) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
        env |= {"ASSISTANT_DATA_DIR": str(data or self.data), "ASSISTANT_CORPUS_DIR": str(self.corpus)}
        env |= {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
        return env


def _cut(source: Path, ids: tuple[str, ...], dest: Path) -> Path:
    rows = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
    chosen = [r for r in rows if r["id"] in ids]
    assert len(chosen) == len(ids), f"{source}: missing {set(ids) - {r['id'] for r in chosen}}"
    dest.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in chosen), encoding="utf-8")
    return dest


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    if not (VENV_BIN / "assistant").exists():
        pytest.skip("no .venv in the repository: bash scripts/setup.sh creates it")
    root = tmp_path_factory.mktemp("readme")
    server = ThreadingHTTPServer(("127.0.0.1", 0), _StandInLLM)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    w = World(root, make_tiny_corpus(root / "corpus"), root / "data", f"http://127.0.0.1:{server.server_address[1]}/v1")
    w.values = {
        "root": str(root),
        "corpus": str(w.corpus),
        "data": str(w.data),
        "pdf": str(write_pdf(root / "guide.pdf", [("en", "Supplier guide\nScope 3 targets cover purchased goods.")])),
        "answer_questions": str(_cut(REPO / "evals" / "questions.jsonl", ANSWER_IDS, root / "three.jsonl")),
        "retrieval_questions": str(
            _cut(REPO / "evals" / "retrieval_questions.jsonl", RETRIEVAL_IDS, root / "three-retrieval.jsonl")
        ),
        "report": str(root / "artifacts" / "eval" / "report.json"),
    }
    yield w
    server.shutdown()


def _argv(command: str, check: Check, values: dict[str, str]) -> list[str]:
    words = [check.swap.get(w, w).format(**values) for w in shlex.split(command)]
    words += [a.format(**values) for a in check.add]
    if check.how == "help":
        words.append("--help")
    if words[0].startswith(".venv/"):
        words[0] = str(REPO / words[0])  # run from the small input's folder (eval writes under it)
    return words


def _ensure_index(world: World) -> None:
    """The shared small index that retrieve, ask, eval and serve read (filled once, by the CLI)."""
    if not (world.data / "index").exists():
        run = subprocess.run(
            [str(VENV_BIN / "assistant"), "ingest", "-q"], env=world.env(), capture_output=True, text=True, timeout=900
        )
        assert run.returncode == 0, run.stdout + run.stderr


def _run(world: World, command: str) -> str:
    """Run one README command as its row says; assert its phrases (and files); return its output."""
    check = CHECKS[command]
    fresh = (world.root / f"fresh-{time.monotonic_ns()}").resolve()
    # ingest and run.sh start from an empty data folder (so they ingest); the rest share the small index
    data = fresh if command in (".venv/bin/assistant ingest", "bash scripts/run.sh") else world.data.resolve()
    values = {**world.values, "port": str(free_port()), "fresh_data": str(fresh), "data": str(data)}
    env = world.env(data)
    if "--mode llm" in command:
        env |= {"ASSISTANT_LLM_BASE_URL": world.llm_url, "ASSISTANT_LLM_MODEL": "stand-in"}
    argv = _argv(command, check, values)
    if check.server:
        ready = f"http://127.0.0.1:{values['port']}/readyz"
        with ServerProcess(argv, ready_url=ready, env=env, cwd=REPO, timeout=900, name=command) as server:
            deadline = time.monotonic() + 30  # the ready line follows /readyz by a poll interval
            while "ready at" not in server.output() and time.monotonic() < deadline:
                time.sleep(0.2)
        output = server.output()
    else:
        run = subprocess.run(argv, env=env, cwd=world.root, capture_output=True, text=True, timeout=900)
        output = run.stdout + run.stderr
        assert run.returncode == 0, f"{command} exited {run.returncode}:\n{output[-3000:]}"
    for phrase in (p.format(**values) for p in check.expect):
        assert phrase in output, f"{command}: {phrase!r} not in its output:\n{output[-3000:]}"
    for name, phrase in check.files.items():
        path = world.root / name
        assert path.is_file() and phrase in path.read_text(encoding="utf-8"), f"{command}: {path} lacks {phrase!r}"
    return output


README_COMMANDS = [c for c in readme_commands(README.read_text(encoding="utf-8")) if c in CHECKS]


@pytest.mark.slow
@pytest.mark.parametrize("command", README_COMMANDS)
def test_readme_command_prints_what_the_readme_says(world: World, command: str) -> None:
    check = CHECKS[command]
    if check.how == "static":
        script = (REPO / shlex.split(command)[1]).read_text(encoding="utf-8")
        missing = [p for p in check.expect if p not in script]
        assert not missing, f"{command}: the script no longer does {missing}"
        return
    if command != ".venv/bin/assistant ingest" and not command.startswith("bash scripts/") and check.how != "help":
        _ensure_index(world)
    if "--compare" in command and not Path(world.values["report"]).exists():
        _run(world, ".venv/bin/assistant eval")  # the report it compares
    _run(world, command)


def test_every_check_is_runnable_as_described() -> None:
    for command, check in CHECKS.items():
        assert check.how in ("full", "small", "help", "static"), command
        assert check.how == "full" or check.why, f"{command}: say why it is not run as written"
        if check.how == "static":
            assert (REPO / shlex.split(command)[1]).is_file(), command
