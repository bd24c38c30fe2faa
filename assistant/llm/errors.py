"""What counts as the LLM failing (and so falls back to the checked no-LLM answer), as opposed to a bug.

Transport, timeouts, a server's error status, and replies that cannot be used; a programming error
anywhere else must surface as itself, not as "LLM failed"."""

from __future__ import annotations

import json

import httpx
import openai
from pydantic import ValidationError


class LLMOutputError(Exception):
    """The model answered, but with nothing usable (no text)."""


LLM_FAILURES: tuple[type[BaseException], ...] = (
    openai.APIError,  # connection, timeout, status and response-validation errors of the client
    httpx.HTTPError,
    TimeoutError,
    ValidationError,
    json.JSONDecodeError,
    LLMOutputError,
)
