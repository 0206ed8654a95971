"""Aggregation: from the base tables to a picture of the corpus (vectorized pandas, no row loops).

Reads only the base tables, so it can be re-run without re-tagging. ``timeline`` counts a date
mention in the month it refers to only when its value pins a month (``YYYY-MM``, ``YYYY-MM-DD``,
``YYYY-MM-DDT..``); years, quarters, durations and references are left out.
"""

from __future__ import annotations

import pandas as pd

from .tables import AGGREGATE_SCHEMAS

MONTH_RE = r"^(\d{4}-\d{2})(?:-\d{2})?(?:T.*)?$"


def typed(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with exactly the columns and dtypes of aggregate ``name``."""
    schema = AGGREGATE_SCHEMAS[name]
    if frame.empty:
        return pd.DataFrame({col: pd.Series([], dtype=dtype) for col, dtype in schema.items()})
    return frame[list(schema)].astype(schema).reset_index(drop=True)


def entity_summary(entities: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """One row per entity: mentions, documents, surface variants (most frequent first), date range."""
    if entities.empty:
        return typed("entity_summary", entities)
    dates = documents.set_index("doc_id")["doc_date"].replace("", pd.NA)
    frame = entities.assign(doc_date=entities["doc_id"].map(dates))
    variants = (
        frame.groupby(["entity_id", "text"], sort=False).size().rename("n").reset_index()
        .sort_values(["entity_id", "n", "text"], ascending=[True, False, True])
        .groupby("entity_id", sort=False)["text"].agg("|".join).rename("variants")
    )
    codes = frame.assign(country_code=frame["country_code"].replace("", pd.NA))
    summary = frame.groupby("entity_id").agg(
        label=("label", "first"),
        canonical=("canonical", "first"),
        mentions=("mention_id", "size"),
        documents=("doc_id", "nunique"),
        first_doc_date=("doc_date", "min"),
        last_doc_date=("doc_date", "max"),
    )
    summary["country_code"] = codes.groupby("entity_id")["country_code"].first()
    summary = summary.join(variants).reset_index()
    summary[["first_doc_date", "last_doc_date", "country_code"]] = summary[
        ["first_doc_date", "last_doc_date", "country_code"]].fillna("")
    summary = summary.sort_values(["mentions", "documents", "entity_id"], ascending=[False, False, True])
    return typed("entity_summary", summary)


def _pairs(frame: pd.DataFrame, keys: list[str], count: str) -> pd.DataFrame:
    unique = frame[keys + ["entity_id"]].drop_duplicates()
    pairs = unique.merge(unique, on=keys, suffixes=("_a", "_b"))
    pairs = pairs[pairs["entity_id_a"] < pairs["entity_id_b"]]
    return pairs.groupby(["entity_id_a", "entity_id_b"]).size().rename(count)


def cooccurrence(entities: pd.DataFrame) -> pd.DataFrame:
    """Pairs of entities (a < b) with the number of documents and sentences they share."""
    if entities.empty:
        return typed("cooccurrence", entities)
    documents = _pairs(entities, ["doc_id"], "documents")
    sentences = _pairs(entities, ["doc_id", "sent_id"], "sentences")
    frame = pd.concat([documents, sentences], axis=1).fillna(0).reset_index()
    frame = frame.sort_values(["documents", "sentences", "entity_id_a", "entity_id_b"], ascending=[False, False, True, True])
    return typed("cooccurrence", frame)


def timeline(documents: pd.DataFrame, dates: pd.DataFrame) -> pd.DataFrame:
    """Per month: documents by document date, and date mentions by the month they refer to."""
    doc_months = documents["doc_date"].str.extract(r"^(\d{4}-\d{2})")[0].dropna()
    mention_months = dates["value"].str.extract(MONTH_RE)[0].dropna()
    frame = pd.concat(
        [doc_months.value_counts().rename("documents"), mention_months.value_counts().rename("date_mentions")], axis=1
    ).fillna(0)
    frame = frame.rename_axis("period").reset_index().sort_values("period")
    return typed("timeline", frame)


def figure_summary(figures: pd.DataFrame) -> pd.DataFrame:
    """Per (subject, unit, quantity): mentions, documents and the spread of values."""
    if figures.empty:
        return typed("figure_summary", figures)
    values = figures.assign(value=figures["value"].astype("float64"))
    frame = values.groupby(["subject", "unit", "quantity"]).agg(
        mentions=("figure_id", "size"),
        documents=("doc_id", "nunique"),
        min=("value", "min"),
        median=("value", "median"),
        max=("value", "max"),
    ).reset_index()
    frame = frame.sort_values(["mentions", "subject", "unit"], ascending=[False, True, True])
    return typed("figure_summary", frame)


def aggregate_frames(tables) -> dict[str, pd.DataFrame]:
    """All aggregates of a set of base tables."""
    return {
        "entity_summary": entity_summary(tables.entities, tables.documents),
        "cooccurrence": cooccurrence(tables.entities),
        "timeline": timeline(tables.documents, tables.dates),
        "figure_summary": figure_summary(tables.figures),
    }


def aggregate(tables):
    """The tables with their aggregates computed in memory (``entity_summary``, ``cooccurrence``, …)."""
    from .store import Tables

    frames = {name: tables[name] for name in Tables.names if name not in AGGREGATE_SCHEMAS}
    return Tables({**frames, **aggregate_frames(tables)}, run=tables.run)


def aggregate_folder(out_dir) -> dict[str, int]:
    """Read the base tables of ``out_dir``, write the aggregates next to them; return their row counts."""
    from pathlib import Path

    from .store import detect_format, load, output_lock, write_aggregates

    folder = Path(out_dir)
    if not folder.is_dir():
        raise FileNotFoundError(f"output folder {folder} does not exist (run extract first)")
    with output_lock(folder):
        fmt = detect_format(folder)
        tables = load(folder)
        frames = aggregate_frames(tables)
        write_aggregates(folder, frames, fmt, tables.run.get("generation", ""))
    return {name: len(frame) for name, frame in frames.items()}
