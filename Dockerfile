# CPU-only image: installs the package (no torch), ingests the corpus at build time, serves on 8000.
# Needs no network at run time.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 \
    ASSISTANT_DATA_DIR=/data HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 GRADIO_ANALYTICS_ENABLED=False
WORKDIR /app

COPY pyproject.toml README.md ./
COPY assistant ./assistant
COPY tools ./tools
COPY evals ./evals
COPY corpus ./corpus
RUN pip install --no-cache-dir . && assistant ingest --quiet

EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz')"
CMD ["assistant", "serve", "--host", "0.0.0.0", "--port", "8000", "--no-ingest"]
