"""Aggregates from hand-built tables, and the aggregate stage on written tables."""

from pathlib import Path

import pandas as pd
from typer.testing import CliRunner

import pipeline
from pipeline.cli import app
from pipeline.names import entity_id
from pipeline.schema import rows_to_frame
from pipeline.store import Tables


def tables() -> Tables:
    documents = [
        ("a", "a.txt", "x", "2017-06", 10, 2, 5, "ok", "", ""),
        ("b", "b.txt", "y", "2019-03-14", 10, 1, 5, "ok", "", ""),
        ("c", "c.txt", "z", "", 10, 1, 5, "ok", "", ""),
    ]
    ent = lambda doc, i, sent, text, label, canon, eid, cc="": (doc, i, sent, 0, 1, text, label, canon, eid, "model", cc, None, None)  # noqa: E731
    entities = [
        ent("a", 0, 0, "IS", "ORG", "Islamitische Staat", "ORG-is", ""), ent("a", 1, 0, "Mosul", "LOC", "Mosul", "LOC-mosul", "IQ"),
        ent("a", 2, 1, "Islamitische Staat", "ORG", "Islamitische Staat", "ORG-is"), ent("a", 3, 1, "IS", "ORG", "Islamitische Staat", "ORG-is"),
        ent("b", 0, 0, "Mosul", "LOC", "Mosul", "LOC-mosul", "IQ"), ent("b", 1, 0, "AFP", "ORG", "AFP", "ORG-afp"),
        ent("c", 0, 0, "Mosul", "LOC", "Mosul", "LOC-mosul", "IQ"),
    ]
    figures = [
        ("a", 0, 0, 0, 1, "100.000", 100000.0, None, "", "count", "approx", "burger", False, None, ""),
        ("b", 0, 0, 0, 1, "300.000", 300000.0, None, "", "count", "exact", "burger", False, None, ""),
        ("b", 1, 0, 0, 1, "3 km2", 3.0, None, "km2", "area", "approx", "", False, 3e6, "m2"),
    ]
    dates = [
        ("a", 0, 0, 0, 1, "26 mei", "2017-05-26", "", "", "day", True),
        ("a", 1, 0, 0, 1, "2014", "2014", "", "", "year", False),
        ("b", 0, 0, 0, 1, "gisteren", "2019-03-13", "", "", "day", True),
        ("b", 1, 0, 0, 1, "vorige maand", "2019-02", "", "", "month", True),
        ("b", 2, 0, 0, 1, "14.30 uur", "2019-03-14T14:30", "", "", "time", True),
    ]
    return Tables({"documents": rows_to_frame("documents", documents), "entities": rows_to_frame("entities", entities),
                   "figures": rows_to_frame("figures", figures), "dates": rows_to_frame("dates", dates)})


def test_entity_summary():
    summary = pipeline.aggregate(tables()).entity_summary.set_index("canonical")
    assert summary.loc["Islamitische Staat", "mentions"] == 3 and summary.loc["Islamitische Staat", "documents"] == 1
    assert summary.loc["Islamitische Staat", "variants"] == "IS|Islamitische Staat"
    mosul = summary.loc["Mosul"]
    assert mosul["documents"] == 3 and mosul["country_code"] == "IQ" and mosul["geonames_id"] == 99072
    assert (round(mosul["latitude"], 2), round(mosul["longitude"], 2)) == (36.34, 43.12)
    assert (mosul["first_doc_date"], mosul["last_doc_date"]) == ("2017-06", "2019-03-14")
    assert list(summary.index)[:2] == ["Mosul", "Islamitische Staat"]  # equal mentions: more documents first
    assert summary.loc["Mosul", "corpus_id"] == entity_id("LOC", "Mosul")


def test_entity_links_map_every_document_entity():
    result = pipeline.aggregate(tables())
    links = result.entity_links
    assert len(links) == len(result.entities[["doc_id", "entity_id"]].drop_duplicates())
    mentions = result.entities.merge(links, on=["doc_id", "entity_id"])
    assert len(mentions) == len(result.entities)
    assert set(mentions.loc[mentions.text == "Mosul", "corpus_canonical"]) == {"Mosul"}


def test_cooccurrence():
    names = pipeline.aggregate(tables()).entity_summary.set_index("canonical")["corpus_id"]
    pairs = pipeline.aggregate(tables()).cooccurrence.set_index(["corpus_id_a", "corpus_id_b"])
    mosul_is = tuple(sorted([names["Mosul"], names["Islamitische Staat"]]))
    assert pairs.loc[mosul_is, "documents"] == 1 and pairs.loc[mosul_is, "sentences"] == 1
    assert pairs.loc[tuple(sorted([names["Mosul"], names["AFP"]])), "documents"] == 1
    assert all(a < b for a, b in pairs.index)


def test_timeline_counts_only_month_precise_values():
    timeline = pipeline.aggregate(tables()).timeline.set_index("period")
    assert timeline.to_dict("index") == {
        "2017-05": {"documents": 0, "entities": 0, "date_mentions": 1},
        "2017-06": {"documents": 1, "entities": 2, "date_mentions": 0},
        "2019-02": {"documents": 0, "entities": 0, "date_mentions": 1},
        "2019-03": {"documents": 1, "entities": 2, "date_mentions": 2},
    }


def test_figure_summary():
    summary = pipeline.aggregate(tables()).figure_summary.set_index(["subject", "unit", "quantity"])
    row = summary.loc[("burger", "", "count")]
    assert (row["mentions"], row["documents"], row["min"], row["median"], row["max"]) == (2, 2, 100000.0, 200000.0, 300000.0)


def test_empty_tables_aggregate_to_empty_frames():
    from pipeline.schema import AGGREGATE_SCHEMAS

    result = pipeline.aggregate(Tables())
    for name, schema in AGGREGATE_SCHEMAS.items():
        assert result[name].empty
        assert dict(result[name].dtypes.astype(str)) == schema, name


def test_aggregate_stage_writes_and_loads(tmp_path: Path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text(" date 2017-06 Mosul valt. Op 26 mei vluchtten 100.000 burgers.", encoding="utf-8")
    out = tmp_path / "out"
    pipeline.run(raw, out, model="blank")
    result = CliRunner().invoke(app, ["aggregate", str(out)])
    assert result.exit_code == 0, result.output
    loaded = pipeline.load(out)
    assert (out / "timeline.csv").exists()
    pd.testing.assert_frame_equal(loaded.timeline, pipeline.aggregate(loaded).timeline)
    assert loaded.timeline.set_index("period").loc["2017-05", "date_mentions"] == 1


def test_aggregate_without_tables_fails_clearly(tmp_path: Path):
    result = CliRunner().invoke(app, ["aggregate", str(tmp_path)])
    assert result.exit_code == 1 and "no extraction tables" in result.output
