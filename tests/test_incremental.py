"""Incremental runs, output formats and crash-safe commits."""

import json
from pathlib import Path

import pandas as pd
import pytest

import pipeline
from pipeline.schema import TABLE_NAMES
from pipeline.store import JOURNAL_FILE, recover

from .conftest import SEED

TEXTS = {
    "a": " date 2019-03-14 Minister Hoekstra sprak dinsdag in Den Haag over 3,2 miljard euro.",
    "b": "Ajax won zondag met 3-1 van PSV in Eindhoven.",
    "sub/c": " date 2017-06 " + SEED.read_text(encoding="utf-8")[14:],
}


def write_raw(raw: Path, texts: dict[str, str]) -> None:
    for doc_id, text in texts.items():
        path = raw / f"{doc_id}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def assert_same_tables(left: pipeline.Tables, right: pipeline.Tables) -> None:
    for name in TABLE_NAMES:
        pd.testing.assert_frame_equal(left[name], right[name], obj=name)


def read_all(tables: pipeline.Tables) -> pipeline.Tables:
    """The tables read now: the tests below edit the files in place afterwards."""
    for name in TABLE_NAMES:
        tables[name]
    return tables


@pytest.fixture()
def raw(tmp_path: Path) -> Path:
    folder = tmp_path / "raw"
    write_raw(folder, TEXTS)
    return folder


def test_unchanged_documents_are_reused_and_identical(raw: Path, tmp_path: Path):
    out = tmp_path / "out"
    first = pipeline.run(raw, out, model="blank")
    second = pipeline.run(raw, out, model="blank")
    assert second.run["counts"]["documents_reused"] == 3
    assert_same_tables(first, second)


def test_changed_added_and_deleted_documents(raw: Path, tmp_path: Path):
    out = tmp_path / "out"
    pipeline.run(raw, out, model="blank")
    (raw / "b.txt").write_text("Feyenoord verloor in Rotterdam.", encoding="utf-8")
    (raw / "a.txt").unlink()
    write_raw(raw, {"0-new": "Nieuw stuk over Utrecht."})
    tables = pipeline.run(raw, out, model="blank")
    assert tables.run["counts"]["documents_reused"] == 1
    assert list(tables.documents.doc_id) == ["0-new", "b", "sub/c"]
    assert "a" not in set(tables.tokens.doc_id)
    fresh = pipeline.run(raw, tmp_path / "fresh", model="blank")
    assert_same_tables(fresh, tables)


def test_force_and_version_change_redo_everything(raw: Path, tmp_path: Path, monkeypatch):
    out = tmp_path / "out"
    pipeline.run(raw, out, model="blank")
    assert pipeline.run(raw, out, model="blank", force=True).run["counts"]["documents_reused"] == 0
    monkeypatch.setattr("pipeline.extract.PIPELINE_VERSION", "999.0")
    assert pipeline.run(raw, out, model="blank").run["counts"]["documents_reused"] == 0


def test_parquet_tables_equal_csv_tables(raw: Path, tmp_path: Path):
    csv_tables = pipeline.run(raw, tmp_path / "csv", model="blank")
    parquet_tables = pipeline.run(raw, tmp_path / "parquet", model="blank", format="parquet")
    assert (tmp_path / "parquet" / "tokens.parquet").exists()
    assert not (tmp_path / "parquet" / "tokens.csv").exists()
    assert_same_tables(csv_tables, parquet_tables)
    assert_same_tables(csv_tables, pipeline.load(tmp_path / "parquet"))


def test_switching_format_leaves_one_generation(raw: Path, tmp_path: Path):
    out = tmp_path / "out"
    pipeline.run(raw, out, model="blank")
    pipeline.run(raw, out, model="blank", format="parquet")
    assert not any((out / f"{name}.csv").exists() for name in TABLE_NAMES)
    assert all((out / f"{name}.parquet").exists() for name in TABLE_NAMES)


def test_interrupted_commit_is_finished_by_recovery(raw: Path, tmp_path: Path):
    out = tmp_path / "out"
    pipeline.run(raw, out, model="blank")
    old_tokens = (out / "tokens.csv").read_text(encoding="utf-8")
    # Simulate a kill after the journal was written and one table renamed.
    (out / ".tokens.csv.tmp").write_text("doc_id,sent_id,token_id,start_char,end_char,text,lemma,pos\n", encoding="utf-8")
    (out / ".sentences.csv.tmp").write_text("doc_id,sent_id,start_char,end_char,text\n", encoding="utf-8")
    renames = [[str(out / ".tokens.csv.tmp"), str(out / "tokens.csv")], [str(out / ".sentences.csv.tmp"), str(out / "sentences.csv")]]
    (out / JOURNAL_FILE).write_text(json.dumps({"renames": renames, "remove": []}), encoding="utf-8")
    (out / ".tokens.csv.tmp").replace(out / "tokens.csv")
    recover(out)
    assert not (out / JOURNAL_FILE).exists()
    assert (out / "sentences.csv").read_text(encoding="utf-8").count("\n") == 1
    assert (out / "tokens.csv").read_text(encoding="utf-8") != old_tokens


def test_reused_rows_are_verified_against_the_manifest_re_sorted_table(raw: Path, tmp_path: Path):
    out = tmp_path / "out"
    first = read_all(pipeline.run(raw, out))
    assert len(first.entities) > 20
    entities = pd.read_csv(out / "entities.csv", keep_default_na=False, dtype=str)
    entities.sort_values("text").to_csv(out / "entities.csv", index=False)  # as a spreadsheet would re-save it
    second = pipeline.run(raw, out)
    assert_same_tables(first, second)
    assert any("do not match the manifest" in note for note in second.run["notes"])


def test_reused_rows_are_verified_against_the_manifest_truncated_table(raw: Path, tmp_path: Path):
    out = tmp_path / "out"
    first = read_all(pipeline.run(raw, out, model="blank"))
    data = (out / "tokens.csv").read_bytes()
    (out / "tokens.csv").write_bytes(data[: len(data) // 2])
    second = pipeline.run(raw, out, model="blank")
    assert_same_tables(first, second)
    assert second.documents.n_tokens.sum() == len(second.tokens)
    notes = [note for note in second.run["notes"] if "processed again" in note]
    assert any(note.startswith("sub/c:") for note in notes) and second.run["counts"]["documents_reused"] < 3


def test_an_edited_cell_of_a_reused_document_is_noticed(raw: Path, tmp_path: Path):
    out = tmp_path / "out"
    first = read_all(pipeline.run(raw, out, model="blank"))
    text = (out / "tokens.csv").read_text(encoding="utf-8")
    (out / "tokens.csv").write_text(text.replace("Hoekstra", "Hoekstra!", 1), encoding="utf-8", newline="")
    second = pipeline.run(raw, out, model="blank")
    assert_same_tables(first, second)
    assert second.run["counts"]["documents_reused"] == 2


def test_rows_made_by_other_code_are_made_again(tmp_path: Path):
    from pipeline.version import PIPELINE_VERSION, __version__, source_digest

    assert PIPELINE_VERSION == f"{__version__}+{source_digest()}"
    (tmp_path / "rules.py").write_text("WORDS = ['miljoen']\n")
    before = source_digest(tmp_path)
    assert source_digest(tmp_path) == before
    (tmp_path / "rules.py").write_text("WORDS = ['miljoen', 'miljard']\n")
    assert source_digest(tmp_path) != before
