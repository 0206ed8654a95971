"""End to end: raw folder in, tables out, through the library and the CLI."""

from pathlib import Path

import pandas as pd
import pytest
from spacy.language import Language
from typer.testing import CliRunner

import pipeline
from pipeline.cli import app
from pipeline.model import load_nlp
from pipeline.schema import SCHEMAS, TABLE_NAMES

from .conftest import SEED, extract_with

AWKWARD = 'Hij zei: "ja, nee",\n\t en \'t was€ "raar";\r\nOok, NA en None en null. Zo’n 12,5% — klaar.'


def offsets_hold(tables: pipeline.Tables, raw_texts: dict[str, str]) -> None:
    for name in ("sentences", "tokens", "entities", "figures", "dates"):
        frame = tables[name]
        for row in frame.itertuples():
            assert raw_texts[row.doc_id][row.start_char : row.end_char] == row.text, (name, row)


@pytest.fixture()
def raw_dir(tmp_path: Path) -> Path:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "seed.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (raw / "awkward.txt").write_text(" date 2019-03-14 " + AWKWARD, encoding="utf-8", newline="")
    (raw / "latin.txt").write_bytes(" date 2019-03 Het café in Curaçao sloot.".encode("latin-1"))
    (raw / "empty.txt").write_bytes(b"")
    (raw / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    return raw


def test_run_writes_all_tables_and_reports_bad_files(raw_dir: Path, tmp_path: Path):
    out = tmp_path / "out"
    tables = pipeline.run(raw_dir, out, model="blank")
    for name in TABLE_NAMES:
        assert (out / f"{name}.csv").exists()
        assert list(tables[name].columns) == list(SCHEMAS[name])
    assert (out / "run.json").exists()
    docs = tables.documents.set_index("doc_id")
    assert list(docs.index) == ["awkward", "binary", "empty", "latin", "seed"]
    assert docs.loc["seed", "status"] == "ok" and docs.loc["seed", "doc_date"] == "2017-06"
    assert docs.loc["latin", "status"] == "ok" and "cp1252" in docs.loc["latin", "warnings"]
    assert docs.loc["empty", "status"] == "error" and "empty" in docs.loc["empty", "error"]
    assert docs.loc["binary", "status"] == "error" and "binary" in docs.loc["binary", "error"]
    assert tables.run["counts"]["documents_failed"] == 2
    assert set(tables.tokens.doc_id) == {"awkward", "latin", "seed"}
    raw_texts = {p.stem: p.read_bytes().decode("utf-8", errors="replace") for p in raw_dir.glob("*.txt")}
    raw_texts["latin"] = (raw_dir / "latin.txt").read_bytes().decode("cp1252")
    offsets_hold(tables, raw_texts)


def test_header_is_not_tokenized(tmp_path: Path):
    tables = pipeline.extract_texts([" date 2017-06 Mosul valt."], model="blank")
    assert list(tables.tokens.text) == ["Mosul", "valt", "."]
    assert tables.tokens.start_char.iloc[0] == len(" date 2017-06 ")
    assert tables.documents.doc_date.iloc[0] == "2017-06"


def test_awkward_text_round_trips_through_csv(tmp_path: Path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text(AWKWARD, encoding="utf-8", newline="")
    out = tmp_path / "out"
    pipeline.run(raw, out, model="blank")
    loaded = pipeline.load(out)
    memory = pipeline.extract_texts([AWKWARD], ids=["a"], model="blank")
    for name in ("sentences", "tokens"):
        pd.testing.assert_frame_equal(loaded[name], memory[name])
    offsets_hold(loaded, {"a": AWKWARD})
    assert "NA" in set(loaded.tokens.text) and "None" in set(loaded.tokens.text)


def test_library_and_cli_give_the_same_tables(raw_dir: Path, tmp_path: Path):
    lib = pipeline.run(raw_dir, tmp_path / "lib", model="blank")
    result = CliRunner().invoke(app, ["extract", str(raw_dir), str(tmp_path / "cli"), "--model", "blank", "--quiet"])
    assert result.exit_code == 2, result.output  # two bad files
    cli = pipeline.load(tmp_path / "cli")
    for name in TABLE_NAMES:
        pd.testing.assert_frame_equal(lib[name], cli[name], check_like=False)


def test_in_memory_tables_equal_written_tables(tmp_path: Path):
    raw = tmp_path / "raw"
    raw.mkdir()
    text = SEED.read_text(encoding="utf-8")
    (raw / "seed.txt").write_text(text, encoding="utf-8")
    written = pipeline.run(raw, tmp_path / "out", model="blank")
    memory = pipeline.extract_texts([text], ids=["seed"], model="blank")
    for name in TABLE_NAMES:
        if name == "documents":
            continue  # path and sha256 describe the file
        pd.testing.assert_frame_equal(written[name], memory[name])


def test_cli_exit_code_zero_when_all_succeed(tmp_path: Path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text("Mosul valt.", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(raw), str(tmp_path / "out"), "--model", "blank", "--quiet"])
    assert result.exit_code == 0, result.output


@Language.component("test_explodes_on_boom")
def explodes_on_boom(doc):
    if "BOOM" in doc.text:
        raise RuntimeError("kaboom")
    return doc


def test_a_component_failure_fails_only_that_document():
    nlp = load_nlp("blank")
    nlp.add_pipe("test_explodes_on_boom", last=True)
    tables = extract_with(nlp, ["Eerste tekst.", "Hier BOOM.", "Derde tekst."], ids=["a", "b", "c"])
    docs = tables.documents.set_index("doc_id")
    assert list(docs.status) == ["ok", "error", "ok"]
    assert "b: stage test_explodes_on_boom: RuntimeError: kaboom" == docs.loc["b", "error"]
    assert set(tables.tokens.doc_id) == {"a", "c"}


def test_failed_run_keeps_previous_tables(raw_dir: Path, tmp_path: Path, monkeypatch):
    out = tmp_path / "out"
    pipeline.run(raw_dir, out, model="blank")
    before = (out / "tokens.csv").read_bytes()

    def broken(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("pipeline.extract.RunStats.add", broken)
    with pytest.raises(KeyboardInterrupt):
        pipeline.run(raw_dir, out, model="blank")
    assert (out / "tokens.csv").read_bytes() == before
    assert not list(out.glob(".*.tmp"))


def test_components_work_in_a_users_own_nlp():
    import spacy

    nlp = spacy.blank("nl")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("nl_dates")
    nlp.add_pipe("nl_figures")
    doc = nlp.make_doc("Vorige maand woonden er nog zo'n 700.000 mensen.")
    doc._.doc_date = "2017-06"
    doc = nlp(doc)
    assert [(s.text, s._.date.value) for s in doc.spans["dates"]] == [("Vorige maand", "2017-05")]
    assert [(s.text, s._.figure.value, s._.figure.qualifier) for s in doc.spans["figures"]] == [("zo'n 700.000", 700000.0, "approx")]
