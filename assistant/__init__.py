"""The climate target assistant: ingestion, retrieval, answers, API, UI and workflows.

Importing the package registers its message namespaces with the one catalog (``assistant.messages``),
so every error and label it raises or shows can be rendered in vi, zh and en.
"""

from assistant import messages as _messages  # noqa: F401  (registers the catalog folder)
