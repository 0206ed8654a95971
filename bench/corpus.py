"""The dpgmedia2019 benchmark corpus written as a raw folder of articles with date headers."""

from __future__ import annotations

import json
from pathlib import Path

DEFAULT_ARTICLES = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "dpgmedia2019" / "articles.jsonl"


def read_articles(path: Path, limit: int | None = None) -> list[dict]:
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
    """The raw file content of an article: date header, title, text."""
    day = str(article.get("published_at", ""))[:10]
    header = f" date {day} " if len(day) == 10 else ""
    return f"{header}{article['title']}\n\n{article['text']}"


def write_raw(articles: list[dict], raw_dir: Path, copies: int = 1) -> int:
    """Write the articles (``copies`` times over, under distinct ids) into ``raw_dir``; return the count."""
    raw_dir.mkdir(parents=True, exist_ok=True)
    n = 0
    for copy in range(copies):
        for article in articles:
            (raw_dir / f"{copy:02d}_{article['id']}.txt").write_text(article_text(article), encoding="utf-8")
            n += 1
    return n
