"""The table contract: the columns and dtypes of every table, and the rows one document contributes.

Importable without spaCy, so that readers of the tables (aggregation, storage, export) and users
can rely on the contract without loading the pipeline's components.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd

STR, INT, FLOAT, BOOL = "string", "Int64", "Float64", "boolean"

SPAN_COLUMNS = {"sent_id": INT, "start_char": INT, "end_char": INT, "text": STR}

SCHEMAS: dict[str, dict[str, str]] = {
    "documents": {
        "doc_id": STR,
        "path": STR,
        "sha256": STR,
        "doc_date": STR,
        "n_chars": INT,
        "n_sentences": INT,
        "n_tokens": INT,
        "status": STR,
        "error": STR,
        "warnings": STR,
    },
    "sentences": {"doc_id": STR, "sent_id": INT, "start_char": INT, "end_char": INT, "text": STR},
    "tokens": {
        "doc_id": STR,
        "sent_id": INT,
        "token_id": INT,
        "start_char": INT,
        "end_char": INT,
        "text": STR,
        "lemma": STR,
        "pos": STR,
    },
    "entities": {
        "doc_id": STR,
        "mention_id": INT,
        **SPAN_COLUMNS,
        "label": STR,
        "canonical": STR,
        "entity_id": STR,
        "source": STR,
        "country_code": STR,
        "latitude": FLOAT,
        "longitude": FLOAT,
    },
    "figures": {
        "doc_id": STR,
        "figure_id": INT,
        **SPAN_COLUMNS,
        "value": FLOAT,
        "value_max": FLOAT,
        "unit": STR,
        "quantity": STR,
        "qualifier": STR,
        "subject": STR,
        "vague": BOOL,
        "value_si": FLOAT,
        "unit_si": STR,
    },
    "dates": {
        "doc_id": STR,
        "date_id": INT,
        **SPAN_COLUMNS,
        "value": STR,
        "value_end": STR,
        "mod": STR,
        "granularity": STR,
        "anchored": BOOL,
    },
}
TABLE_NAMES = tuple(SCHEMAS)

AGGREGATE_SCHEMAS: dict[str, dict[str, str]] = {
    "entity_summary": {
        "corpus_id": STR, "label": STR, "canonical": STR, "mentions": INT, "documents": INT, "variants": STR,
        "country_code": STR, "geonames_id": INT, "latitude": FLOAT, "longitude": FLOAT, "ambiguous": INT,
        "first_doc_date": STR, "last_doc_date": STR,
    },
    "entity_links": {
        "doc_id": STR, "entity_id": STR, "corpus_id": STR, "corpus_label": STR, "corpus_canonical": STR, "rule": STR,
    },
    "cooccurrence": {"corpus_id_a": STR, "corpus_id_b": STR, "documents": INT, "sentences": INT},
    "timeline": {"period": STR, "documents": INT, "entities": INT, "date_mentions": INT},
    "figure_summary": {
        "subject": STR, "unit": STR, "quantity": STR, "mentions": INT, "documents": INT,
        "min": FLOAT, "median": FLOAT, "max": FLOAT,
    },
}
AGGREGATE_NAMES = tuple(AGGREGATE_SCHEMAS)
ALL_SCHEMAS = {**SCHEMAS, **AGGREGATE_SCHEMAS}

Row = tuple[Any, ...]


@dataclass
class DocRows:
    """All rows one document contributes to each table."""

    doc_id: str
    rows: dict[str, list[Row]] = field(default_factory=lambda: {name: [] for name in TABLE_NAMES})

    @property
    def complete(self) -> bool:
        """Whether this is a whole document or the last fragment of one (it holds the ``documents`` row)."""
        return bool(self.rows["documents"])


def empty_frame(name: str) -> pd.DataFrame:
    """An empty DataFrame with the columns and dtypes of table ``name``."""
    return pd.DataFrame({col: pd.Series([], dtype=dtype) for col, dtype in ALL_SCHEMAS[name].items()})


def typed_frame(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with exactly the columns and dtypes of table ``name``, in order, indexed from 0."""
    if frame.empty:
        return empty_frame(name)
    schema = ALL_SCHEMAS[name]
    return frame[list(schema)].astype(schema).reset_index(drop=True)


def rows_to_frame(name: str, rows: list[Row]) -> pd.DataFrame:
    """A typed DataFrame for table ``name`` from its rows."""
    return typed_frame(name, pd.DataFrame.from_records(rows, columns=list(SCHEMAS[name])))
