"""Aggregation: from the base tables to a picture of the corpus (vectorized pandas, no row loops).

Reads only the base tables, so it can be re-run without re-tagging. Entities are counted as corpus
entities (``pipeline/resolution.py``): ``entity_links`` maps each document-level entity to its corpus
entity, and ``entity_summary``, ``cooccurrence`` and ``timeline`` count those. ``timeline`` counts a date
mention in the month it refers to only when its value pins a month (``YYYY-MM``, ``YYYY-MM-DD``,
``YYYY-MM-DDT..``); years, quarters, durations and references are left out.
"""

from __future__ import annotations

import pandas as pd

from .aliases import demonym_country
from .places import lookup_place_nl
from .resolution import Resolution, resolve_entities
from .schema import AGGREGATE_SCHEMAS, typed_frame

MONTH_RE = r"^(\d{4}-\d{2})(?:-\d{2})?(?:T.*)?$"


def corpus_ids(entities: pd.DataFrame, links: pd.DataFrame) -> pd.Series:
    """The corpus entity of each mention (its document-level entity looked up in ``links``)."""
    keys = pd.MultiIndex.from_frame(entities[["doc_id", "entity_id"]])
    return links.set_index(["doc_id", "entity_id"])["corpus_id"].reindex(keys).set_axis(entities.index)


def place_columns(corpus: pd.DataFrame) -> pd.DataFrame:
    """country_code, geonames_id, latitude and longitude of each corpus entity: places from the
    gazetteer, nationality words ("Syrische", "Syriërs") from their country."""
    is_place, is_misc = corpus["label"] == "LOC", corpus["label"] == "MISC"
    places = {name: place for name in corpus.loc[is_place, "canonical"].unique()
              if (place := lookup_place_nl(name)) is not None}
    demonyms = {name: code for name in corpus.loc[is_misc, "canonical"].unique()
                if (code := demonym_country(name)) is not None}
    place = corpus["canonical"].where(is_place).map(places)

    def field(name: str, dtype: str) -> pd.Series:
        return place.map(lambda p: getattr(p, name), na_action="ignore").astype(dtype)

    country = field("country_code", "string").fillna(corpus["canonical"].where(is_misc).map(demonyms).astype("string"))
    return pd.DataFrame({
        "country_code": country,
        "geonames_id": field("geonames_id", "Int64"),
        "latitude": field("latitude", "Float64"),
        "longitude": field("longitude", "Float64"),
    }, index=corpus.index)


def entity_summary(entities: pd.DataFrame, documents: pd.DataFrame, resolution: Resolution) -> pd.DataFrame:
    """One row per corpus entity: mentions, documents, surface variants (most frequent first), place
    identifiers, how ambiguous an alias of it was, date range."""
    if entities.empty:
        return typed_frame("entity_summary", entities)
    dates = documents.set_index("doc_id")["doc_date"].replace("", pd.NA)
    frame = entities.assign(doc_date=entities["doc_id"].map(dates), corpus_id=corpus_ids(entities, resolution.links))
    variants = (
        frame.groupby(["corpus_id", "text"], sort=False).size().rename("n").reset_index()
        .sort_values(["corpus_id", "n", "text"], ascending=[True, False, True])
        .groupby("corpus_id", sort=False)["text"].agg("|".join).rename("variants")
    )
    counts = frame.groupby("corpus_id").agg(
        mentions=("mention_id", "size"),
        documents=("doc_id", "nunique"),
        first_doc_date=("doc_date", "min"),
        last_doc_date=("doc_date", "max"),
    )
    # a place the gazetteer does not know by its corpus name may be known by a member's name
    mention_country = frame[frame["country_code"] != ""].groupby("corpus_id")["country_code"].first()
    corpus = resolution.corpus.set_index("corpus_id")
    corpus = corpus.join(place_columns(corpus)).join(counts).join(variants)
    corpus["country_code"] = corpus["country_code"].fillna(mention_country.reindex(corpus.index).where(corpus["label"] == "LOC"))
    corpus = corpus.reset_index()
    corpus[["first_doc_date", "last_doc_date", "country_code"]] = corpus[
        ["first_doc_date", "last_doc_date", "country_code"]].fillna("")
    corpus = corpus.sort_values(["mentions", "documents", "corpus_id"], ascending=[False, False, True])
    return typed_frame("entity_summary", corpus)


def entity_links(resolution: Resolution) -> pd.DataFrame:
    """The corpus entity of each document-level entity, and the rule that linked them."""
    links = resolution.links.sort_values(["doc_id", "entity_id"])
    return typed_frame("entity_links", links)


def _pairs(frame: pd.DataFrame, keys: list[str], count: str) -> pd.DataFrame:
    unique = frame[keys + ["corpus_id"]].drop_duplicates()
    pairs = unique.merge(unique, on=keys, suffixes=("_a", "_b"))
    pairs = pairs[pairs["corpus_id_a"] < pairs["corpus_id_b"]]
    return pairs.groupby(["corpus_id_a", "corpus_id_b"]).size().rename(count)


def cooccurrence(entities: pd.DataFrame, resolution: Resolution) -> pd.DataFrame:
    """Pairs of corpus entities (a < b) with the number of documents and sentences they share."""
    if entities.empty:
        return typed_frame("cooccurrence", entities)
    frame = entities.assign(corpus_id=corpus_ids(entities, resolution.links))
    documents = _pairs(frame, ["doc_id"], "documents")
    sentences = _pairs(frame, ["doc_id", "sent_id"], "sentences")
    frame = pd.concat([documents, sentences], axis=1).fillna(0).reset_index()
    frame = frame.sort_values(["documents", "sentences", "corpus_id_a", "corpus_id_b"], ascending=[False, False, True, True])
    return typed_frame("cooccurrence", frame)


def timeline(documents: pd.DataFrame, dates: pd.DataFrame, entities: pd.DataFrame, resolution: Resolution) -> pd.DataFrame:
    """Per month: documents by document date, the corpus entities they mention, and date mentions by
    the month they refer to."""
    doc_months = documents.set_index("doc_id")["doc_date"].str.extract(r"^(\d{4}-\d{2})")[0].dropna()
    mention_months = dates["value"].str.extract(MONTH_RE)[0].dropna()
    mentioned = pd.DataFrame({"period": entities["doc_id"].map(doc_months),
                              "corpus_id": corpus_ids(entities, resolution.links)}).dropna().drop_duplicates()
    frame = pd.concat([
        doc_months.value_counts().rename("documents"),
        mentioned["period"].value_counts().rename("entities"),
        mention_months.value_counts().rename("date_mentions"),
    ], axis=1).fillna(0)
    frame = frame.rename_axis("period").reset_index().sort_values("period")
    return typed_frame("timeline", frame)


def figure_summary(figures: pd.DataFrame) -> pd.DataFrame:
    """Per (subject, unit, quantity): mentions, documents and the spread of values."""
    if figures.empty:
        return typed_frame("figure_summary", figures)
    values = figures.assign(value=figures["value"].astype("float64"))
    frame = values.groupby(["subject", "unit", "quantity"]).agg(
        mentions=("figure_id", "size"),
        documents=("doc_id", "nunique"),
        min=("value", "min"),
        median=("value", "median"),
        max=("value", "max"),
    ).reset_index()
    frame = frame.sort_values(["mentions", "subject", "unit"], ascending=[False, True, True])
    return typed_frame("figure_summary", frame)


def aggregate_frames(tables) -> dict[str, pd.DataFrame]:
    """All aggregates of a set of base tables."""
    entities = tables.entities
    resolution = resolve_entities(entities)
    return {
        "entity_summary": entity_summary(entities, tables.documents, resolution),
        "entity_links": entity_links(resolution),
        "cooccurrence": cooccurrence(entities, resolution),
        "timeline": timeline(tables.documents, tables.dates, entities, resolution),
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
