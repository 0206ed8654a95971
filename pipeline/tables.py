"""The table contract: column schemas and the conversion of a processed Doc into rows."""

from __future__ import annotations

from dataclasses import astuple, dataclass, field, fields
from typing import Any

import pandas as pd
from spacy.tokens import Doc

from . import canonical as canonical_mod
from .dates import SPAN_KEY as DATES_KEY
from .timex import DateValue
from .figures import SPAN_KEY as FIGURES_KEY
from .figures import Figure
from .ingest import RawDocument

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
        "entity_id": STR, "label": STR, "canonical": STR, "mentions": INT, "documents": INT, "variants": STR,
        "country_code": STR, "first_doc_date": STR, "last_doc_date": STR,
    },
    "cooccurrence": {"entity_id_a": STR, "entity_id_b": STR, "documents": INT, "sentences": INT},
    "timeline": {"period": STR, "documents": INT, "date_mentions": INT},
    "figure_summary": {
        "subject": STR, "unit": STR, "quantity": STR, "mentions": INT, "documents": INT,
        "min": FLOAT, "median": FLOAT, "max": FLOAT,
    },
}
AGGREGATE_NAMES = tuple(AGGREGATE_SCHEMAS)
ALL_SCHEMAS = {**SCHEMAS, **AGGREGATE_SCHEMAS}

assert [f.name for f in fields(Figure)] == list(SCHEMAS["figures"])[6:], "Figure fields drift from schema"
assert [f.name for f in fields(DateValue)] == list(SCHEMAS["dates"])[6:], "DateValue fields drift from schema"

Row = tuple[Any, ...]


@dataclass
class DocRows:
    """All rows one document contributes to each table."""

    doc_id: str
    rows: dict[str, list[Row]] = field(default_factory=lambda: {name: [] for name in TABLE_NAMES})

    @property
    def ok(self) -> bool:
        """Whether the document was processed without error."""
        return self.rows["documents"][0][7] == "ok"


def document_row(raw: RawDocument, n_sentences: int, n_tokens: int, error: str | None) -> Row:
    """The ``documents.csv`` row of one document."""
    return (
        raw.doc_id,
        raw.path,
        raw.sha256,
        raw.doc_date or "",
        len(raw.text),
        n_sentences,
        n_tokens,
        "error" if error else "ok",
        error or "",
        "; ".join(raw.warnings),
    )


def failed_rows(raw: RawDocument, error: str) -> DocRows:
    """The rows of a document that could not be processed: one ``documents`` row, status error."""
    out = DocRows(raw.doc_id)
    out.rows["documents"].append(document_row(raw, 0, 0, error))
    return out


def doc_to_rows(raw: RawDocument, parts: list[tuple[int, Doc]]) -> DocRows:
    """Convert a processed document into rows.

    ``parts`` are the Docs of consecutive pieces of ``raw.body`` (one piece unless the document was too
    long for the pipeline), each with its character offset into the body. Offsets in the rows are
    shifted into ``raw.text``; sentence, token and span ids run on across the pieces.
    """
    doc_id = raw.doc_id
    out = DocRows(doc_id)
    rows = out.rows
    next_sent = next_token = 0
    next_span = {"entities": 0, "figures": 0, "dates": 0}
    for part_offset, doc in parts:
        offset = raw.body_start + part_offset
        sents = list(doc.sents) if doc.has_annotation("SENT_START") else ([doc[:]] if len(doc) else [])
        sent_of_token = [0] * len(doc)
        for i, sent in enumerate(sents):
            sent_id = next_sent + i
            for t in range(sent.start, sent.end):
                sent_of_token[t] = sent_id
            rows["sentences"].append((doc_id, sent_id, sent.start_char + offset, sent.end_char + offset, sent.text))
        next_sent += len(sents)
        rows["tokens"].extend(
            (doc_id, sent_of_token[t.i], next_token + t.i, t.idx + offset, t.idx + len(t.text) + offset,
             t.text, t.lemma_, t.pos_)
            for t in doc
            if not t.is_space
        )
        next_token += len(doc)
        for ent in doc.ents:
            name = ent._.canonical or canonical_mod.canonical_name(ent.text)
            rows["entities"].append(
                (doc_id, next_span["entities"], sent_of_token[ent.start], ent.start_char + offset,
                 ent.end_char + offset, ent.text, ent.label_, name, canonical_mod.entity_id(ent.label_, name),
                 ent._.source, ent._.country_code or "", ent._.latitude, ent._.longitude)
            )
            next_span["entities"] += 1
        for key, table, attr in ((FIGURES_KEY, "figures", "figure"), (DATES_KEY, "dates", "date")):
            for span in doc.spans.get(key, []):
                rows[table].append(
                    (doc_id, next_span[table], sent_of_token[span.start], span.start_char + offset,
                     span.end_char + offset, span.text, *astuple(getattr(span._, attr)))
                )
                next_span[table] += 1
    rows["documents"].append(document_row(raw, next_sent, len(rows["tokens"]), None))
    return out


def empty_frame(name: str) -> pd.DataFrame:
    """An empty DataFrame with the columns and dtypes of table ``name``."""
    return pd.DataFrame({col: pd.Series([], dtype=dtype) for col, dtype in ALL_SCHEMAS[name].items()})


def rows_to_frame(name: str, rows: list[Row]) -> pd.DataFrame:
    """A typed DataFrame for table ``name`` from its rows."""
    schema = SCHEMAS[name]
    if not rows:
        return empty_frame(name)
    frame = pd.DataFrame.from_records(rows, columns=list(schema))
    return frame.astype(schema)
