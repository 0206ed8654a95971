"""Shared fixtures: the corpora beside the project and loaded pipelines."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from pipeline.ingest import document_from_text
from pipeline.processing import DocumentProcessor
from pipeline.schema import TABLE_NAMES
from pipeline.store import Tables
from pipeline.tokenizer import apply_news_rules

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = ROOT / "data" / "raw" / "000_059bb13c25190bb0.txt"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent (the shared corpora are not on this machine)")
    return path


def extract_with(nlp: Language, texts: list[str], ids: list[str]) -> Tables:
    """The tables of ``texts`` processed by a pipeline of the test's own, not the one cached for a model name."""
    processed = list(DocumentProcessor(nlp).process([document_from_text(i, t) for i, t in zip(ids, texts)]))
    return Tables.from_rows({name: [row for rows in processed for row in rows.rows[name]] for name in TABLE_NAMES})


@pytest.fixture(scope="session")
def nl_tokenizer():
    """A blank Dutch pipeline with the news tokenizer rules."""
    nlp = spacy.blank("nl")
    apply_news_rules(nlp)
    return nlp
