"""The peer the benchmark measures ingest and recall against: the LangChain-tutorial RAG pipeline.

Original documents only (no translations), ``RecursiveCharacterTextSplitter(chunk_size=500,
chunk_overlap=50)``, the same bundled embedder as ours (passage prefix for chunks, query prefix for
questions), one fresh chromadb ``PersistentClient`` collection, dense similarity only at query time.
It shares our embedder so the comparison isolates what our pipeline adds (structure, translations,
BM25, glossary), not a model difference.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.corpus.ingest import collect_files
from assistant.corpus.loaders import load_file
from assistant.index.embedders import Embedder

CHUNK_SIZE = 500  # characters, the tutorial's values
CHUNK_OVERLAP = 50
COLLECTION = "peer"


@dataclass(frozen=True)
class PeerChunk:
    doc: str
    text: str


def split_corpus(corpus_dir: Path) -> list[PeerChunk]:
    """The same files our ingest reads from ``corpus_dir`` (translations are not among them), split
    the tutorial's way."""
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    splitter = RecursiveCharacterTextSplitter(chunk_size=CHUNK_SIZE, chunk_overlap=CHUNK_OVERLAP)
    files, _unreadable = collect_files([corpus_dir])
    return [PeerChunk(f.name, part) for f in files for part in splitter.split_text(load_file(f).text)]


def build_peer_index(corpus_dir: Path, store_dir: Path, embedder: Embedder) -> tuple[Any, int]:
    """Split, embed and store the corpus in a new collection under ``store_dir``; returns the
    collection and the number of chunks."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chunks = split_corpus(corpus_dir)
    vectors = embedder.embed_passages([c.text for c in chunks])
    client = chromadb.PersistentClient(path=str(store_dir), settings=ChromaSettings(anonymized_telemetry=False))
    # vectors come from our embedder: no chroma default embedding function (it would fetch a model)
    collection = client.create_collection(
        COLLECTION, embedding_function=None, configuration={"hnsw": {"space": "cosine"}}
    )
    step = client.get_max_batch_size()
    for i in range(0, len(chunks), step):
        batch = chunks[i : i + step]
        collection.add(
            ids=[f"{c.doc}:{i + n}" for n, c in enumerate(batch)],
            documents=[c.text for c in batch],
            metadatas=[{"doc": c.doc} for c in batch],
            embeddings=vectors[i : i + step],
        )
    return collection, len(chunks)


def peer_retrieve(collection: Any, embedder: Embedder, question: str, k: int = 5) -> list[dict[str, str]]:
    """The top ``k`` chunks by dense similarity, as ``{"doc", "text"}`` (what ``evals.retrieval_eval.is_gold``
    reads)."""
    got = collection.query(
        query_embeddings=embedder.embed_queries([question]), n_results=k, include=["documents", "metadatas"]
    )
    docs = (got["documents"] or [[]])[0]
    metas = (got["metadatas"] or [[]])[0]
    return [{"doc": str((m or {}).get("doc", "")), "text": d or ""} for d, m in zip(docs, metas, strict=False)]
