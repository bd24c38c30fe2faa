"""Time to the first answer for a new user: ``bash scripts/run.sh`` on a fresh clone (its own .venv, pip's
cache reused) until ``POST /v1/ask`` answers, and the share spent installing, ingesting and starting.
A command that prints figures, not a timed test.

    .venv/bin/python -m evals.first_answer_time [--committed] [--keep] [--port N]

The clone is of this checkout's HEAD plus its uncommitted changes and new files (``--committed``: HEAD
only). The phases come from the lines ``run.sh`` and ``assistant serve`` print, timed as they arrive:
``setup: done`` (installed), ``Index missing`` … ``ingested`` (the first ingest), ``ready at`` (serving).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from evals.server_process import free_port

ROOT = Path(__file__).resolve().parents[1]
QUESTION = "Khi nào phải đặt mục tiêu phạm vi 3?"  # the README's example question
PROGRESS = re.compile(r"ingest: \d+% \(documents (\d+)/\d+, chunks (\d+), ([\d.]+) chunks/s")


@dataclass
class RunLog:
    """The lines of the run, each with the seconds since ``run.sh`` started."""

    lines: list[tuple[float, str]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, at: float, line: str) -> None:
        with self.lock:
            self.lines.append((at, line))

    def first(self, marker: str) -> float | None:
        with self.lock:
            return next((at for at, line in self.lines if marker in line), None)

    def last_matching(self, pattern: re.Pattern[str]) -> re.Match[str] | None:
        with self.lock:
            found = [m for _, line in self.lines if (m := pattern.search(line))]
        return found[-1] if found else None

    def tail(self, n: int = 30) -> str:
        with self.lock:
            return "\n".join(line for _, line in self.lines[-n:])


def git(*args: str, cwd: Path, stdin: bytes | None = None) -> bytes:
    return subprocess.run(["git", *args], cwd=cwd, input=stdin, capture_output=True, check=True).stdout


def fresh_clone(dest: Path, committed_only: bool) -> str:
    """``git clone`` of this checkout into ``dest``, with its uncommitted work unless ``committed_only``."""
    git("clone", "--quiet", str(ROOT), str(dest), cwd=ROOT)
    head = git("rev-parse", "--short", "HEAD", cwd=ROOT).decode().strip()
    if committed_only:
        return head
    diff = git("diff", "--binary", "HEAD", cwd=ROOT)
    if diff.strip():
        git("apply", "--whitespace=nowarn", "-", cwd=dest, stdin=diff)
    untracked = git("ls-files", "--others", "--exclude-standard", "-z", cwd=ROOT).decode().split("\0")
    for name in filter(None, untracked):
        (dest / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, dest / name)
    return f"{head} + uncommitted changes"


def _read_lines(stream: subprocess.Popen[bytes], started: float, log: RunLog, echo: bool) -> None:
    assert stream.stdout is not None
    for raw in stream.stdout:
        at = time.monotonic() - started
        for line in raw.decode("utf-8", "replace").replace("\r", "\n").splitlines():
            if line.strip():
                log.add(at, line)
                if echo:
                    print(f"[{at:7.1f} s] {line}", flush=True)


def _first_answer(port: int, proc: subprocess.Popen[bytes], timeout_s: float) -> float:
    """Poll ``POST /v1/ask`` until it answers 200; the monotonic time of that answer."""
    deadline = time.monotonic() + timeout_s
    with httpx.Client(trust_env=False, timeout=300.0) as client:
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise RuntimeError(f"run.sh exited with code {proc.returncode} before answering")
            with contextlib.suppress(httpx.HTTPError):
                res = client.post(f"http://127.0.0.1:{port}/v1/ask", json={"question": QUESTION})
                if res.status_code == 200:
                    return time.monotonic()
            time.sleep(0.5)
    raise TimeoutError(f"no answer within {timeout_s:g} s")


def _stop(proc: subprocess.Popen[bytes]) -> None:
    for sig, wait in ((signal.SIGTERM, 20), (signal.SIGKILL, 10)):
        if proc.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, sig)  # run.sh execs serve in its own session: the group is the server's
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=wait)


def report(log: RunLog, total: float) -> list[str]:
    """The figures: each phase's seconds and share of the time to the first answer."""
    installed = log.first("setup: done") or log.first("data folder:") or 0.0
    ingest_from, ingest_to = log.first("Index missing"), log.first("ingested ")
    ready = log.first("ready at") or total
    ingesting = (ingest_to - ingest_from) if ingest_from is not None and ingest_to is not None else 0.0
    starting = ready - installed - ingesting
    answering = total - ready
    last = log.last_matching(PROGRESS)
    ingest_note = (
        f"{last.group(1)} documents, {last.group(2)} chunks, {last.group(3)} chunks/s" if last else "no ingest"
    )
    rows = [
        ("installing", installed, "scripts/setup.sh: a new .venv, pip install -e . (pip's cache reused)"),
        ("ingesting", ingesting, ingest_note),
        ("starting", starting, "python start, index check, embedder load, app and uvicorn start"),
        ("answering", answering, "from the ready line to the first POST /v1/ask answered"),
    ]
    return [f"  {name:<11}{secs:8.1f} s {secs / total:5.0%}   ({note})" for name, secs, note in rows]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--committed", action="store_true", help="clone HEAD only, without uncommitted changes")
    ap.add_argument("--keep", action="store_true", help="keep the clone (its .venv, .data and run.log)")
    ap.add_argument("--port", type=int, default=0, help="port for the server (default: a free one)")
    ap.add_argument("--timeout", type=float, default=3600.0, help="give up after this many seconds")
    ap.add_argument("--quiet", "-q", action="store_true", help="do not echo run.sh's output")
    args = ap.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="first-answer-"))
    clone = workdir / "repo"
    what = fresh_clone(clone, args.committed)
    port = args.port or free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ASSISTANT_", "VIRTUAL_ENV"))}
    env["HF_HUB_OFFLINE"] = "1"
    load_before = os.getloadavg()[0]
    log = RunLog()
    print(f"bash scripts/run.sh --port {port} in {clone} ({what}); asking: {QUESTION}", flush=True)
    started = time.monotonic()
    proc = subprocess.Popen(
        ["bash", "scripts/run.sh", "--port", str(port)],
        cwd=clone,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    reader = threading.Thread(target=_read_lines, args=(proc, started, log, not args.quiet), daemon=True)
    reader.start()
    try:
        answered = _first_answer(port, proc, args.timeout) - started
    except (RuntimeError, TimeoutError) as err:
        _stop(proc)
        print(f"failed: {err}\nlast lines:\n{log.tail()}", file=sys.stderr)
        raise SystemExit(1) from err
    finally:
        _stop(proc)
        reader.join(timeout=5)
        (workdir / "run.log").write_text("".join(f"{at:8.1f} {line}\n" for at, line in log.lines), encoding="utf-8")
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    print(
        f"\nfirst answer after {answered:.1f} s ({os.cpu_count()} CPUs, load average {load_before:.1f} at the start, "
        f"{os.getloadavg()[0]:.1f} at the end)"
    )
    print("\n".join(report(log, answered)))
    if args.keep:
        print(f"clone kept in {clone}; timed log in {workdir / 'run.log'}")


if __name__ == "__main__":
    main()
