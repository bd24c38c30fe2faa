"""What ``assistant serve`` tells the operator: where the data folder is (and why there), and one
"ready at" line once the server answers, so a log or a container shows when the wait is over.

The lines are plain English log lines (``scripts/run.sh`` output, parsed by ``evals/first_answer_time.py``).
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable

import httpx

from assistant.config import Settings

_WILDCARDS = {"0.0.0.0": "127.0.0.1", "::": "::1", "": "127.0.0.1"}


def data_folder_line(settings: Settings) -> str:
    """``data folder: <absolute path> (<where that choice came from>)``."""
    where = settings.data_dir.resolve()
    raw = os.environ.get("ASSISTANT_DATA_DIR")
    if raw:
        origin = f"ASSISTANT_DATA_DIR={raw}"
    elif "data_dir" in settings.model_fields_set:
        origin = "ASSISTANT_DATA_DIR from .env"
    else:
        origin = "ASSISTANT_DATA_DIR is not set: the default folder of this user, shared by every checkout"
    return f"data folder: {where} ({origin})"


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host


def ready_line(host: str, port: int, ui_enabled: bool) -> str:
    """``ready at http://HOST:PORT/ui``; a wildcard bind is shown as loopback, with the bind beside it."""
    shown = _WILDCARDS.get(host, host)
    base = f"http://{_url_host(shown)}:{port}"
    line = f"ready at {base}/ui" if ui_enabled else f"ready at {base} (API only: ASSISTANT_UI_ENABLED is off)"
    return line + (f" (listening on {host or '0.0.0.0'})" if shown != host else "")


def announce_when_up(
    host: str, port: int, ui_enabled: bool, say: Callable[[str], None], interval_s: float = 0.25
) -> threading.Thread:
    """A daemon thread that polls ``/healthz`` on the bound address and says :func:`ready_line` once it
    answers 200: uvicorn is listening and the app has started, whatever the number of workers. The thread
    dies with the process if the server never comes up (a taken port, a failed start)."""
    url = f"http://{_url_host(_WILDCARDS.get(host, host))}:{port}/healthz"

    def wait_and_say() -> None:
        with httpx.Client(trust_env=False, timeout=2.0) as client:  # no proxy between us and ourselves
            while True:
                try:
                    if client.get(url).status_code == 200:
                        say(ready_line(host, port, ui_enabled))
                        return
                except httpx.HTTPError:
                    pass
                time.sleep(interval_s)

    thread = threading.Thread(target=wait_and_say, name="announce-ready", daemon=True)
    thread.start()
    return thread
