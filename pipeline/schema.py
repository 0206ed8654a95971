"""The table contract: the columns and dtypes of every table, and the rows one document contributes.

A base table is declared by its row type, a NamedTuple whose fields are its columns and whose
annotations give their dtypes; rows built from a Doc hold typed values, rows read back from a CSV
table hold the cells' text. Aggregates are built by pandas, not row by row: their schemas are
declared as dtypes only. Importable without spaCy, so that readers of the tables (aggregation,
storage, export) and users can rely on the contract without loading the pipeline's components.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple, get_args, get_type_hints

import pandas as pd

STR, INT, FLOAT, BOOL = "string", "Int64", "Float64", "boolean"
DTYPES = {str: STR, int: INT, float: FLOAT, bool: BOOL}


class DocumentRow(NamedTuple):
    """A row of ``documents``: one input document and whether it was processed."""

    doc_id: str
    path: str
    sha256: str
    doc_date: str
    n_chars: int
    n_sentences: int
    n_tokens: int
    status: str  # "ok" or "error"
    error: str
    warnings: str


class SentenceRow(NamedTuple):
    """A row of ``sentences``."""

    doc_id: str
    sent_id: int
    start_char: int
    end_char: int
    text: str


class TokenRow(NamedTuple):
    """A row of ``tokens`` (whitespace tokens have none, but count in ``token_id``)."""

    doc_id: str
    sent_id: int
    token_id: int
    start_char: int
    end_char: int
    text: str
    lemma: str
    pos: str


class EntityRow(NamedTuple):
    """A row of ``entities``: one mention, with the document-level entity it belongs to."""

    doc_id: str
    mention_id: int
    sent_id: int
    start_char: int
    end_char: int
    text: str
    label: str
    canonical: str
    entity_id: str
    source: str
    country_code: str
    latitude: float | None
    longitude: float | None


class FigureRow(NamedTuple):
    """A row of ``figures``: the span, then the fields of :class:`pipeline.figures.Figure`."""

    doc_id: str
    figure_id: int
    sent_id: int
    start_char: int
    end_char: int
    text: str
    value: float | None
    value_max: float | None
    unit: str
    quantity: str
    qualifier: str
    subject: str
    vague: bool
    value_si: float | None
    unit_si: str


class DateRow(NamedTuple):
    """A row of ``dates``: the span, then the fields of :class:`pipeline.timex.DateValue`."""

    doc_id: str
    date_id: int
    sent_id: int
    start_char: int
    end_char: int
    text: str
    value: str
    value_end: str
    mod: str
    granularity: str
    anchored: bool


ROW_TYPES: dict[str, type[tuple]] = {
    "documents": DocumentRow,
    "sentences": SentenceRow,
    "tokens": TokenRow,
    "entities": EntityRow,
    "figures": FigureRow,
    "dates": DateRow,
}


def column_dtypes(row_type: type[tuple]) -> dict[str, str]:
    """Column → pandas dtype of a row type, from its fields' annotations (``| None``: the cell may be empty)."""
    return {
        column: DTYPES[next(t for t in get_args(hint) or (hint,) if t is not type(None))]
        for column, hint in get_type_hints(row_type).items()
    }


SCHEMAS: dict[str, dict[str, str]] = {name: column_dtypes(row_type) for name, row_type in ROW_TYPES.items()}
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

    def __reduce__(self) -> tuple[Any, ...]:
        # rows cross processes as plain tuples: a list of NamedTuples pickles several times slower
        return DocRows.from_tuples, (self.doc_id, {name: list(map(tuple, rows)) for name, rows in self.rows.items()})

    @classmethod
    def from_tuples(cls, doc_id: str, rows: dict[str, list[tuple[Any, ...]]]) -> DocRows:
        """The rows of a document from plain tuples, each made a row of its table's type."""
        return cls(doc_id, {name: list(map(ROW_TYPES[name]._make, table_rows)) for name, table_rows in rows.items()})


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
