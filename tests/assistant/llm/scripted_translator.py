"""A scripted chat model that translates from a table, for the translation tests (no model server).

It reads the batch (the JSON array the translator sends) and the target language (from the system
prompt), answers with the table's translations the way small local models do (prose and a code fence
around the JSON), and records every batch it was asked. ``replies`` are returned first, as written
(garbage, wrong counts); ``fail`` raises the given error on every call.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, SystemMessage
from langchain_core.outputs import ChatGeneration, ChatResult
from pydantic import Field

from assistant.llm.translator import LANGUAGE_NAMES

DOC_NAME = "huong-dan-nha-may.md"
DOC_VI = """# Hướng dẫn nội bộ về mục tiêu khí hậu của nhà máy

Nhà máy phải báo cáo phát thải phạm vi 1 và 2 trước ngày 31 tháng 3 hằng năm.

Năm cơ sở của nhà máy là năm 2019.

Mục tiêu là giảm 45% phát thải phạm vi 1 và 2 vào năm 2030 so với năm cơ sở.

Nhà máy lắp đặt 2.400 tấm pin mặt trời trên mái nhà xưởng để giảm điện mua từ lưới.

Mọi câu hỏi xin gửi về địa chỉ khihau@example.vn.
"""
TARGET_VI = "Mục tiêu là giảm 45% phát thải phạm vi 1 và 2 vào năm 2030 so với năm cơ sở."

TABLE: dict[str, dict[str, str]] = {
    "en": {
        "# Hướng dẫn nội bộ về mục tiêu khí hậu của nhà máy": "# Internal guide to the factory's climate target",
        "Nhà máy phải báo cáo phát thải phạm vi 1 và 2 trước ngày 31 tháng 3 hằng năm.": (
            "The factory must report its scope 1 and 2 emissions before 31 March every year."
        ),
        "Năm cơ sở của nhà máy là năm 2019.": "The factory's base year is 2019.",
        TARGET_VI: "The target is to cut scope 1 and 2 emissions by 45% by 2030 against the base year.",
        "Nhà máy lắp đặt 2.400 tấm pin mặt trời trên mái nhà xưởng để giảm điện mua từ lưới.": (
            "The factory installed 2,400 solar panels on the workshop roofs to reduce electricity bought from the grid."
        ),
        "Mọi câu hỏi xin gửi về địa chỉ khihau@example.vn.": "Please send any questions to khihau@example.vn.",
        "Năm cơ sở của nhà máy là năm 2020.": "The factory's base year is 2020.",
    },
    "zh": {
        "# Hướng dẫn nội bộ về mục tiêu khí hậu của nhà máy": "# 工厂气候目标内部指南",
        "Nhà máy phải báo cáo phát thải phạm vi 1 và 2 trước ngày 31 tháng 3 hằng năm.": (
            "工厂必须在每年3月31日之前报告范围一和范围二排放。"
        ),
        "Năm cơ sở của nhà máy là năm 2019.": "工厂的基准年为2019年。",
        TARGET_VI: "目标是到2030年将范围一和范围二排放较基准年减少45%。",
        "Nhà máy lắp đặt 2.400 tấm pin mặt trời trên mái nhà xưởng để giảm điện mua từ lưới.": (
            "工厂在车间屋顶安装了2400块太阳能电池板，以减少从电网购买的电力。"
        ),
        "Mọi câu hỏi xin gửi về địa chỉ khihau@example.vn.": "如有任何问题，请发送至khihau@example.vn。",
        "Năm cơ sở của nhà máy là năm 2020.": "工厂的基准年为2020年。",
    },
}


def write_doc(root: Path) -> Path:
    """The Vietnamese document written to ``root/docs/``, as a user would add it."""
    path = root / "docs" / DOC_NAME
    path.parent.mkdir()
    path.write_text(DOC_VI, encoding="utf-8")
    return path


def target_of(system: str) -> str:
    """The target language named in the translator's system prompt ("… into English.")."""
    return next(code for code, name in LANGUAGE_NAMES.items() if f"into {name}." in system)


class ScriptedTranslator(GenericFakeChatModel):
    """Translates with ``table``; ``edit`` may spoil one translation (target, source, text) -> text."""

    messages: Any = Field(default_factory=lambda: iter(()))
    table: dict[str, dict[str, str]] = Field(default_factory=lambda: TABLE)
    replies: list[str] = Field(default_factory=list)
    fail: BaseException | None = None
    edit: Callable[[str, str, str], str] | None = None
    batches: list[tuple[str, list[str]]] = Field(default_factory=list)  # (target, the batch) per call
    prompts: list[str] = Field(default_factory=list)

    @property
    def _llm_type(self) -> str:
        return "scripted-translator"

    def _generate(self, messages: list[BaseMessage], *args: Any, **kwargs: Any) -> ChatResult:
        system = next(str(m.content) for m in messages if isinstance(m, SystemMessage))
        batch = json.loads(str(next(m.content for m in messages if isinstance(m, HumanMessage))))
        target = target_of(system)
        self.batches.append((target, batch))
        self.prompts.append(system)
        if self.fail is not None:
            raise self.fail
        if self.replies:
            content = self.replies.pop(0)
        else:
            texts = [self.table[target][source] for source in batch]
            if self.edit is not None:
                texts = [self.edit(target, source, text) for source, text in zip(batch, texts, strict=True)]
            content = "Here are the translations:\n```json\n" + json.dumps(texts, ensure_ascii=False) + "\n```"
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=content))])
