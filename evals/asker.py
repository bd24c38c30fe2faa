"""Who the eval asks: the assistant in this process, or any running server over the contract's HTTP API.

Both give the contract's JSON (``ask --json`` objects, ``retrieve --json`` lists, draft replies), so one
scorer measures this checkout and, with ``assistant eval --url``, any deployed or older version — which
is how a blind set is scored once on the code that existed before a change.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any, Protocol

import httpx

from assistant.config import Settings
from tools.errors import LocalizedError


class AskFailed(Exception):
    """The assistant refused the input with an error (a 4xx, or a ``LocalizedError`` in process)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class Asker(Protocol):
    name: str

    def ask(self, question: str, explain: bool = False) -> dict[str, Any]: ...

    def retrieve(self, question: str, k: int) -> list[dict[str, Any]]: ...

    def draft(self, message: str) -> dict[str, Any]: ...


class LocalAsker:
    """The checkout's own ``AnswerService`` (and a helpdesk on an in-memory database for e-mails)."""

    def __init__(self, settings: Settings, mode: str | None = None) -> None:
        from assistant.answer.service import AnswerService

        if mode == "no-llm":
            settings = settings.model_copy(update={"llm_base_url": None})
        elif mode == "llm" and not settings.llm_base_url:
            raise ValueError("--mode llm needs ASSISTANT_LLM_BASE_URL and ASSISTANT_LLM_MODEL")
        self.settings = settings
        self.service = AnswerService(settings)
        self.name = f"local ({settings.embeddings})"

    def ask(self, question: str, explain: bool = False) -> dict[str, Any]:
        try:
            answer = self.service.ask(question, explain=explain)
        except LocalizedError as err:
            raise AskFailed(err.code, err.message("en")) from err
        return answer.model_dump()

    def retrieve(self, question: str, k: int) -> list[dict[str, Any]]:
        return [p.contract_json() for p in self.service.retriever.retrieve(question, k=k)]

    @cached_property
    def _helpdesk(self) -> Any:
        from assistant.storage.database import Database
        from assistant.workflows.helpdesk import Helpdesk

        db = Database("sqlite://")
        db.upgrade()
        return Helpdesk(self.service, db)

    def draft(self, message: str) -> dict[str, Any]:
        from assistant.access.keys import Principal
        from assistant.api.helpdesk_routes import draft_json

        row, _ = self._helpdesk.draft(message, Principal(name="eval", role="staff"), staff_lang="en")
        return {**draft_json(row), "answers": getattr(row, "answers", None)}


class HttpAsker:
    """A running server: ``POST /v1/ask``, ``GET /v1/retrieve``, ``POST /v1/draft-reply`` (with a staff key)."""

    def __init__(self, url: str, key: str | None = None, timeout: float = 120.0) -> None:
        self.client = httpx.Client(base_url=url.rstrip("/"), timeout=timeout)
        self.headers = {"Authorization": f"Bearer {key}"} if key else {}
        self.name = url

    def _check(self, res: httpx.Response) -> Any:
        if res.status_code >= 400:
            body = res.json() if res.headers.get("content-type", "").startswith("application/json") else {}
            raise AskFailed(str(body.get("error", res.status_code)), str(body.get("message", res.text[:200])))
        return res.json()

    def ask(self, question: str, explain: bool = False) -> dict[str, Any]:
        data: dict[str, Any] = self._check(self.client.post("/v1/ask", json={"question": question, "explain": explain}))
        return data

    def retrieve(self, question: str, k: int) -> list[dict[str, Any]]:
        data: list[dict[str, Any]] = self._check(self.client.get("/v1/retrieve", params={"q": question, "k": k}))
        return data

    def draft(self, message: str) -> dict[str, Any]:
        body = {"message": message, "staff_lang": "en"}
        data: dict[str, Any] = self._check(self.client.post("/v1/draft-reply", json=body, headers=self.headers))
        return data
