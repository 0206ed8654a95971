"""Articles of a JSON-lines news corpus (dpgmedia2019: id, title, text, published_at) laid out as raw files."""

from __future__ import annotations

import json
from pathlib import Path

DEFAULT_ARTICLES = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "dpgmedia2019" / "articles.jsonl"


def read_articles(path: str | Path = DEFAULT_ARTICLES, limit: int | None = None) -> list[dict]:
    """The articles of a JSON-lines file (id, title, text, published_at)."""
    articles = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                articles.append(json.loads(line))
            if limit and len(articles) >= limit:
                break
    return articles


def article_text(article: dict) -> str:
    """The raw file content of an article: `` date YYYY-MM-DD `` header, title, blank line, text."""
    day = str(article.get("published_at", ""))[:10]
    header = f" date {day} " if len(day) == 10 else ""
    return f"{header}{article['title']}\n\n{article['text']}"
