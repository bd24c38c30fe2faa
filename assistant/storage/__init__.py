"""State the workflows keep (drafts, approved answers, manufacturers, advisory sessions, feedback,
API keys) in SQLite under the data dir, or any SQLAlchemy database URL."""
