"""The workflow services an app holds, built on one database."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from assistant.answer.service import AnswerService
from assistant.storage.database import Database, DatabaseUnavailableError
from assistant.workflows.advisory import Advisory
from assistant.workflows.feedback import FeedbackStore
from assistant.workflows.helpdesk import Helpdesk

log = logging.getLogger(__name__)


@dataclass
class Workflows:
    db: Database
    helpdesk: Helpdesk
    advisory: Advisory
    feedback: FeedbackStore


@dataclass(frozen=True)
class WorkflowsUnavailable:
    """Why the workflow database cannot be used. Each request gets a fresh error from ``error()``: one
    stored exception raised again and again would grow its traceback with every request."""

    detail: str

    def error(self) -> DatabaseUnavailableError:
        return DatabaseUnavailableError(self.detail)


def open_workflows(service: AnswerService) -> Workflows | WorkflowsUnavailable:
    """The workflows, or why the database cannot be used (the chat keeps working without it)."""
    try:
        db = Database.from_settings(service.settings)
        db.upgrade()
    except DatabaseUnavailableError as exc:
        log.error("workflow database unavailable: %s", exc)
        return WorkflowsUnavailable(str(exc.values.get("detail", "")))
    return Workflows(db=db, helpdesk=Helpdesk(service, db), advisory=Advisory(service, db), feedback=FeedbackStore(db))
