"""Chat models: any OpenAI-compatible server (Ollama, vLLM, llama.cpp's server, a hosted API)
through LangChain. Only this package knows LangChain's chat-model classes."""

from __future__ import annotations

from typing import Any

from langchain_core.language_models.chat_models import BaseChatModel

from assistant.config import Settings


def llm_configured(settings: Settings) -> bool:
    return bool(settings.llm_base_url)


def make_chat_model(settings: Settings, **overrides: Any) -> BaseChatModel:
    from langchain_openai import ChatOpenAI

    key = settings.llm_api_key.get_secret_value() if settings.llm_api_key else "not-needed"
    params: dict[str, Any] = {
        "base_url": settings.llm_base_url,
        "model": settings.llm_model or "default",
        "api_key": key,
        "temperature": 0,
        "timeout": settings.llm_timeout_s,
        "max_retries": 1,
    }
    params.update(overrides)
    return ChatOpenAI(**params)


def model_label(model: BaseChatModel) -> str:
    name = getattr(model, "model_name", None) or getattr(model, "model", None) or type(model).__name__
    return str(name)
