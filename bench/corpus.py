"""The dpgmedia2019 benchmark corpus written as a raw folder of articles with date headers."""

from __future__ import annotations

from pathlib import Path

from pipeline.articles import DEFAULT_ARTICLES, article_text, read_articles

__all__ = ["DEFAULT_ARTICLES", "article_text", "read_articles", "write_raw"]


def write_raw(articles: list[dict], raw_dir: Path, copies: int = 1) -> int:
    """Write the articles (``copies`` times over, under distinct ids) into ``raw_dir``; return the count."""
    raw_dir.mkdir(parents=True, exist_ok=True)
    n = 0
    for copy in range(copies):
        for article in articles:
            (raw_dir / f"{copy:02d}_{article['id']}.txt").write_text(article_text(article), encoding="utf-8")
            n += 1
    return n
