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


def open_workflows(service: AnswerService) -> Workflows | DatabaseUnavailableError:
    """The workflows, or why the database cannot be used (the chat keeps working without it)."""
    try:
        db = Database.from_settings(service.settings)
        db.upgrade()
    except DatabaseUnavailableError as exc:
        log.error("workflow database unavailable: %s", exc)
        return exc
    return Workflows(db=db, helpdesk=Helpdesk(service, db), advisory=Advisory(service, db), feedback=FeedbackStore(db))
