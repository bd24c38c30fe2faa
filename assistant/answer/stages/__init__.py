"""The answer pipeline, one component per module (haystack's model): each takes typed input, returns a
typed result and says what it decided; ``AnswerService`` only runs them in order.

analysis → routing → (calculation | retrieval → evidence → support gate) → rendering → grounding → LLM phrasing
"""
