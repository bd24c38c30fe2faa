"""Optional LLM-as-judge: is every claim in an answer supported by its cited quotes?

Kept out of the exact scores: a judge is itself a model and can be wrong; its verdicts are a second
opinion shown beside them.
"""

from __future__ import annotations

import logging
from typing import Any

from langchain_core.language_models.chat_models import BaseChatModel
from langchain_core.messages import HumanMessage, SystemMessage

log = logging.getLogger(__name__)

JUDGE_PROMPT = (
    "You check answers for faithfulness. Given QUOTES from source documents and an ANSWER, reply with one word: "
    "FAITHFUL if every factual claim and number in the answer is supported by the quotes or is a calculator "
    "result shown in the answer, UNFAITHFUL otherwise."
)


def judge_items(model: BaseChatModel, items: list[dict[str, Any]]) -> None:
    """Adds ``judge`` (faithful / unfaithful / error) to each answered, non-refused item in place."""
    for it in items:
        if it.get("refused") or not it.get("answer"):
            continue
        quotes = "\n".join(f"[{c['id']}] {c['quote']}" for c in it.get("citations", []))
        try:
            reply = model.invoke(
                [SystemMessage(JUDGE_PROMPT), HumanMessage(f"QUOTES:\n{quotes}\n\nANSWER:\n{it['answer']}")]
            )
        except Exception as exc:  # the judge is optional; its failure must not sink the eval
            log.warning("judge failed on %s: %s", it["id"], exc)
            it["judge"] = "error"
            continue
        text = str(reply.content).strip().upper()
        it["judge"] = "unfaithful" if "UNFAITHFUL" in text else ("faithful" if "FAITHFUL" in text else "error")
