"""Nothing lost, nothing crashes: kills, locks, bad input and hostile text."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import pipeline
from pipeline import extract as extract_mod
from pipeline import ingest as ingest_mod
from pipeline.cli import app
from pipeline.ingest import MAX_DOCUMENT_BYTES
from pipeline.schema import TABLE_NAMES
from pipeline.store import TableError, output_lock

from .conftest import ROOT, SEED


def offsets_hold(tables: pipeline.Tables, raw_texts: dict[str, str]) -> None:
    for name in ("sentences", "tokens", "entities", "figures", "dates"):
        for row in tables[name].itertuples():
            assert raw_texts[row.doc_id][row.start_char : row.end_char] == row.text, (name, row)


def test_second_run_on_same_output_stops_with_a_clear_message(tmp_path: Path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text("Tekst.", encoding="utf-8")
    out = tmp_path / "out"
    with output_lock(out):
        result = CliRunner().invoke(app, ["extract", str(raw), str(out), "--model", "blank", "--quiet"])
    assert result.exit_code == 1
    assert "another run is writing to" in result.output
    assert not (out / "tokens.csv").exists()


def test_strict_stops_at_first_failure_and_writes_nothing(tmp_path: Path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text("Goed.", encoding="utf-8")
    (raw / "b.txt").write_bytes(b"")
    result = CliRunner().invoke(app, ["extract", str(raw), str(tmp_path / "out"), "--model", "blank", "--strict", "-q"])
    assert result.exit_code == 2
    assert "b: stage ingest: empty document" in result.output
    assert not (tmp_path / "out" / "documents.csv").exists()


def test_oversized_single_line_file_is_an_error_row(tmp_path: Path):
    raw = tmp_path / "raw"
    raw.mkdir()
    with open(raw / "huge.txt", "wb") as handle:
        handle.write(b"x" * (MAX_DOCUMENT_BYTES + 1))
    (raw / "small.txt").write_text("Klein stuk.", encoding="utf-8")
    tables = pipeline.run(raw, tmp_path / "out", model="blank")
    docs = tables.documents.set_index("doc_id")
    assert docs.loc["huge", "status"] == "error" and "too large" in docs.loc["huge", "error"]
    assert docs.loc["small", "status"] == "ok"


def test_killed_run_leaves_previous_tables_and_next_run_completes(tmp_path: Path):
    raw = tmp_path / "raw"
    raw.mkdir()
    body = SEED.read_text(encoding="utf-8")
    for i in range(3):
        (raw / f"d{i:03d}.txt").write_text(body, encoding="utf-8")
    out = tmp_path / "out"
    pipeline.run(raw, out, model="blank")
    before = {name: (out / f"{name}.csv").read_bytes() for name in TABLE_NAMES}
    for i in range(3, 150):
        (raw / f"d{i:03d}.txt").write_text(body.replace("Mosul", f"Mosul{i}"), encoding="utf-8")
    cmd = [sys.executable, "-m", "pipeline", "extract", str(raw), str(out), "--model", "blank", "--batch-size", "1", "-q"]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (not (out / ".tokens.csv.tmp").exists() or (out / ".tokens.csv.tmp").stat().st_size < 20_000):
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert {name: (out / f"{name}.csv").read_bytes() for name in TABLE_NAMES} == before
    tables = pipeline.run(raw, out, model="blank")
    assert tables.documents.doc_id.tolist() == [f"d{i:03d}" for i in range(150)]
    assert not tables.tokens.duplicated(["doc_id", "token_id"]).any()
    fresh = pipeline.run(raw, tmp_path / "fresh", model="blank")
    for name in TABLE_NAMES:
        pd.testing.assert_frame_equal(tables[name], fresh[name], obj=name)


PIECES = list("aeiou AEIOU,;\"'\n\r\t.:-") + [
    "\x00", "\u200f", "\u200e", "\u200b", "\ufeff", "😀", "e\u0301", "€", "’", "Mosul", "12,5%", "100.000",
    "zo’n", " date 2017-06 ", "x" * 300, "\u2028", "“", "”",
]
HOSTILE = st.lists(st.sampled_from(PIECES), min_size=1, max_size=60).map("".join)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(HOSTILE | st.text(min_size=1, max_size=80), min_size=1, max_size=3))
def test_hostile_text_round_trips_and_offsets_hold(tmp_path_factory, texts):
    raw = tmp_path_factory.mktemp("raw")
    raw_texts = {}
    for i, text in enumerate(texts):
        doc_id = f"d{i}"
        (raw / f"{doc_id}.txt").write_bytes(text.encode("utf-8", errors="surrogatepass"))
        raw_texts[doc_id] = text
    out = tmp_path_factory.mktemp("out")
    tables = pipeline.run(raw, out, model="blank")
    ok = tables.documents[tables.documents.status == "ok"].doc_id
    decoded = {doc_id: (raw / f"{doc_id}.txt").read_bytes().decode("utf-8-sig") for doc_id in ok}
    offsets_hold(tables, decoded)
    for name in TABLE_NAMES:
        direct = pd.read_csv(out / f"{name}.csv", dtype="string", keep_default_na=False)
        assert len(direct) == len(tables[name])
    memory = pipeline.extract_texts([decoded[d] for d in ok], ids=list(ok), model="blank")
    for name in ("sentences", "tokens"):
        pd.testing.assert_frame_equal(tables[name], memory[name], obj=name)


# --- bad files: an error row or a skip note each, and the run goes on (no file can abort or hang it) ---


def bad_file_folder(tmp_path: Path) -> Path:
    raw = tmp_path / "raw"
    raw.mkdir()
    for name in ("a", "b", "c"):
        (raw / f"{name}.txt").write_text(f"Goed stuk {name}.", encoding="utf-8")
    os.symlink("missing.txt", raw / "dangling.txt")
    os.symlink("loop.txt", raw / "loop.txt")
    os.mkfifo(raw / "pipe.txt")
    return raw


def test_dangling_symlink_loop_and_fifo_do_not_abort_or_hang_the_run(tmp_path: Path):
    raw, out = bad_file_folder(tmp_path), tmp_path / "out"
    result = subprocess.run(
        [sys.executable, "-m", "pipeline", "extract", str(raw), str(out), "--model", "blank", "-q"],
        capture_output=True, text=True, timeout=300, cwd=ROOT,
    )
    assert result.returncode == 2, result.stderr
    docs = pd.read_csv(out / "documents.csv", keep_default_na=False).set_index("doc_id")
    assert list(docs.loc[["a", "b", "c"], "status"]) == ["ok"] * 3
    assert docs.loc["dangling", "status"] == "error" and "cannot read" in docs.loc["dangling", "error"]
    assert docs.loc["loop", "status"] == "error" and "symbolic links" in docs.loc["loop", "error"]
    assert "pipe" not in docs.index
    run = json.loads((out / "run.json").read_text())
    assert any("pipe.txt" in note and "not a regular file" in note for note in run["notes"])


def test_unreadable_file_and_file_deleted_during_the_run_are_error_rows(tmp_path: Path, monkeypatch):
    raw = tmp_path / "raw"
    raw.mkdir()
    for name in ("a", "gone", "locked", "z"):
        (raw / f"{name}.txt").write_text(f"Stuk {name}.", encoding="utf-8")
    original_discover, original_read = extract_mod.discover, ingest_mod.read_file_bytes

    def discover_then_delete(folder):
        found = original_discover(folder)
        (raw / "gone.txt").unlink()
        return found

    def read_unless_locked(path):  # root reads any file whatever its mode, so refuse it here
        if path.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(path))
        return original_read(path)

    monkeypatch.setattr(extract_mod, "discover", discover_then_delete)
    monkeypatch.setattr(ingest_mod, "read_file_bytes", read_unless_locked)
    monkeypatch.setattr(extract_mod, "read_file_bytes", read_unless_locked)
    docs = pipeline.run(raw, tmp_path / "out", model="blank").documents.set_index("doc_id")
    assert list(docs.loc[["a", "z"], "status"]) == ["ok", "ok"]
    assert "No such file" in docs.loc["gone", "error"] and "Permission denied" in docs.loc["locked", "error"]


# --- long documents: bounded pieces, rows spooled, nothing partial ---


def long_document(doc_id: str = "long") -> str:
    body = SEED.read_text(encoding="utf-8")[14:]
    return " date 2017-06 " + "\n\n".join([body] * 4)


def test_a_long_document_is_processed_in_sentence_aligned_pieces_with_offsets_and_ids_running_on():
    from pipeline.ingest import document_from_text
    from pipeline.model import get_nlp
    from pipeline.processing import DocumentProcessor

    text = long_document()
    raw = document_from_text("long", text)
    fragments = list(DocumentProcessor(get_nlp(None), piece_chars=3000).process([raw]))
    assert len(fragments) > 4 and fragments[-1].complete and not any(f.complete for f in fragments[:-1])
    rows = {name: [row for f in fragments for row in f.rows[name]] for name in TABLE_NAMES}
    for name in ("sentences", "tokens", "entities", "figures", "dates"):
        for row in rows[name]:
            assert text[row.start_char : row.end_char] == row.text, (name, row)
    assert [r.sent_id for r in rows["sentences"]] == list(range(len(rows["sentences"])))
    token_ids = [r.token_id for r in rows["tokens"]]
    assert token_ids == sorted(set(token_ids))
    document = rows["documents"][0]
    assert document.n_tokens == len(rows["tokens"]) and document.n_sentences == len(rows["sentences"])
    assert len(rows["figures"]) == 4 * 7  # the seed's seven figures in each copy: no piece cut one


def test_a_long_document_that_fails_in_a_later_piece_leaves_only_its_error_row(monkeypatch):
    from pipeline.ingest import document_from_text
    from pipeline.model import get_nlp
    from pipeline.processing import DocumentProcessor

    processor = DocumentProcessor(get_nlp("blank"), piece_chars=3000)
    calls = {"n": 0}
    original = processor.run_components

    def fail_on_third(doc):
        calls["n"] += 1
        if calls["n"] == 3:
            raise MemoryError("piece three")
        return original(doc)

    monkeypatch.setattr(processor, "run_components", fail_on_third)
    fragments = list(processor.process([document_from_text("long", long_document())]))
    assert len(fragments) == 1 and fragments[0].complete
    assert "stage tokenizer: MemoryError: piece three" in fragments[0].rows["documents"][0].error
    assert all(not rows for name, rows in fragments[0].rows.items() if name != "documents")


def test_only_the_first_batch_of_a_loaded_pipeline_leaves_its_words_in_the_vocabulary():
    # the first batch runs outside a memory zone (its words fill the tokenizer's cache), every later one inside
    import spacy

    from pipeline.ingest import document_from_text
    from pipeline.processing import DocumentProcessor

    nlp = spacy.blank("nl")
    processor = DocumentProcessor(nlp)
    list(processor.process([document_from_text("a", "Het Qwyzzelkamp ligt bij Utrecht.")]))
    list(processor.process([document_from_text("b", "Het Brompfeldhuis ligt bij Utrecht.")]))
    list(DocumentProcessor(nlp).process([document_from_text("c", "De Frumbelweg ligt bij Utrecht.")]))
    assert "Qwyzzelkamp" in nlp.vocab.strings
    assert "Brompfeldhuis" not in nlp.vocab.strings and "Frumbelweg" not in nlp.vocab.strings


def test_a_model_failure_in_a_later_part_of_a_batch_fails_only_its_document(monkeypatch):
    # the model runs on a thread of its own, MODEL_BATCH documents at a time, the rules on the caller's; when the
    # model raises, the documents not done yet are redone one by one once that thread has stopped
    import threading

    from pipeline.ingest import document_from_text
    from pipeline.model import load_nlp
    from pipeline.processing import MODEL_BATCH, DocumentProcessor

    nlp = load_nlp("blank")
    texts = [f"Artikel {i} noemt Utrecht op 3 mei 2019." for i in range(2 * MODEL_BATCH + 3)]
    culprit = MODEL_BATCH + 2
    texts[culprit] = "Hier BOOM."
    raws = [document_from_text(f"d{i}", text) for i, text in enumerate(texts)]
    clean = list(DocumentProcessor(nlp).process([raw for i, raw in enumerate(raws) if i != culprit]))
    processor = DocumentProcessor(nlp)
    made = processor.make_doc

    def make_doc(raw, text):
        if "BOOM" in text:
            raise RuntimeError("kaboom")
        return made(raw, text)

    monkeypatch.setattr(processor, "make_doc", make_doc)
    threads, interval = threading.active_count(), sys.getswitchinterval()
    processed = list(processor.process(raws))
    assert threading.active_count() == threads and sys.getswitchinterval() == interval
    documents = [rows.rows["documents"][0] for rows in processed]
    assert [d.status for d in documents] == ["ok"] * culprit + ["error"] + ["ok"] * (len(raws) - culprit - 1)
    assert documents[culprit].error == f"d{culprit}: stage tokenizer: RuntimeError: kaboom"
    assert [rows.rows for i, rows in enumerate(processed) if i != culprit] == [rows.rows for rows in clean]


def test_the_model_thread_keeps_a_bounded_lead_and_stops_when_its_documents_are_left_unread():
    import threading
    import time

    from pipeline.ingest import document_from_text
    from pipeline.model import load_nlp
    from pipeline.processing import MODEL_AHEAD, MODEL_BATCH, DocumentProcessor

    processor = DocumentProcessor(load_nlp("blank"))
    made = []
    make_doc = processor.make_doc
    processor.make_doc = lambda raw, text: made.append(raw) or make_doc(raw, text)
    docs = processor.modelled([document_from_text(f"d{i}", "Een zin.") for i in range((MODEL_AHEAD + 2) * MODEL_BATCH)])
    assert next(docs).text == "Een zin."
    time.sleep(0.5)
    assert len(made) == MODEL_AHEAD * MODEL_BATCH  # it waits for the rules to take a part before it makes more
    docs.close()
    assert not any(thread.name == "model" for thread in threading.enumerate())


def test_one_process_keeps_a_memory_zone_for_several_batches_and_gives_their_rows_in_order(monkeypatch):
    # the rules catch up with the model's thread only where a zone ends
    from pipeline import backends
    from pipeline.ingest import document_from_text
    from pipeline.processing import ZONE_BATCHES, DocumentProcessor

    zones = []
    zone = DocumentProcessor.zone

    def counted(self):
        zones.append(self)
        return zone(self)

    monkeypatch.setattr(DocumentProcessor, "zone", counted)
    raws = [document_from_text(f"d{i}", f"Artikel {i} uit Utrecht.") for i in range(2 + 2 * ZONE_BATCHES + 3)]
    rows = list(backends.local_rows(iter(raws), "blank", n_process=1, batch_size=2))
    assert [r.doc_id for r in rows] == [raw.doc_id for raw in raws] and all(r.complete for r in rows)
    assert len(zones) == 3  # the first batch alone, then 2 * ZONE_BATCHES documents a zone, then the last three


def test_a_documents_rows_come_out_as_soon_as_its_rules_are_done(monkeypatch):
    # not once the whole zone is done: the table writer goes on with them while the model works
    from pipeline.ingest import document_from_text
    from pipeline.model import load_nlp
    from pipeline.processing import MODEL_BATCH, DocumentProcessor

    processor = DocumentProcessor(load_nlp("blank"))
    finished = []
    finish = processor.finish
    monkeypatch.setattr(processor, "finish", lambda raw, doc: finished.append(raw.doc_id) or finish(raw, doc))
    rows = processor.process([document_from_text(f"d{i}", "Een zin.") for i in range(2 * MODEL_BATCH)])
    assert next(rows).doc_id == "d0" and finished == ["d0"]
    assert len(list(rows)) == 2 * MODEL_BATCH - 1 and len(finished) == 2 * MODEL_BATCH


def test_the_model_thread_runs_the_trained_components_and_the_rules_follow_them():
    from pipeline.model import EXTRACTION_COMPONENTS, get_nlp
    from pipeline.processing import DocumentProcessor

    nlp = get_nlp(None)
    processor = DocumentProcessor(nlp)
    assert processor.rule_names == list(EXTRACTION_COMPONENTS)
    assert nlp.pipe_names[: -len(EXTRACTION_COMPONENTS)][-1] == "ner"


def test_a_long_document_round_trips_through_a_run_and_is_reused_verified(tmp_path: Path, monkeypatch):
    from pipeline import processing

    monkeypatch.setattr(processing, "MAX_PIECE_CHARS", 3000)
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "long.txt").write_text(long_document(), encoding="utf-8")
    (raw / "short.txt").write_text("Kort stuk uit Utrecht.", encoding="utf-8")
    first = pipeline.run(raw, tmp_path / "out", model="blank")
    offsets_hold(first, {"long": long_document(), "short": "Kort stuk uit Utrecht."})
    second = pipeline.run(raw, tmp_path / "out", model="blank")
    assert second.run["counts"]["documents_reused"] == 2
    for name in TABLE_NAMES:
        pd.testing.assert_frame_equal(first[name], second[name])


def test_date_tagging_reads_each_sentence_once_however_many_dates_it_holds(monkeypatch):
    import spacy

    from pipeline import dates

    calls = {"direction": 0}
    original = dates.sentence_direction

    def counted(sent):
        calls["direction"] += 1
        return original(sent)

    monkeypatch.setattr(dates, "sentence_direction", counted)
    nlp = spacy.blank("nl")
    nlp.add_pipe("sentencizer")
    doc = nlp("Op 3 mei, 4 juni, 5 juli en 6 augustus gebeurde het. " + "Volgende week en vorige maand zien we het. " * 2)
    doc._.doc_date = "2019-06-01"
    assert len(dates.find_dates(doc)) == 8
    assert calls == {"direction": 3}


@given(st.lists(st.tuples(st.integers(0, 60), st.integers(1, 15)), max_size=40))
def test_overlapping_date_candidates_resolve_longest_first_never_overlapping(spans):
    from pipeline import timex

    candidates = [(s, s + n) for s, n in spans]
    chosen = timex.choose_longest(candidates)
    expected: list[tuple[int, int]] = []
    for start, end in sorted(candidates, key=lambda c: (-(c[1] - c[0]), c[0])):
        if all(end <= s or start >= e for s, e in expected):
            expected.append((start, end))
    assert chosen == sorted(expected)


# --- readers: one generation, fresh aggregates, clear errors ---

TWO_DOCS = {"a": " date 2019-03-14 Minister Wopke Hoekstra sprak in Den Haag over 3 miljard euro.",
            "b": "Ajax won zondag van PSV in Eindhoven."}


def said(result) -> str:
    """What a command printed, with the console's line wrapping undone."""
    return " ".join(result.output.split())


def write_texts(raw: Path, texts: dict[str, str]) -> None:
    raw.mkdir(parents=True, exist_ok=True)
    for doc_id, text in texts.items():
        (raw / f"{doc_id}.txt").write_text(text, encoding="utf-8")


def test_tables_loaded_before_a_commit_keep_reading_their_own_generation(tmp_path: Path):
    raw, out = tmp_path / "raw", tmp_path / "out"
    write_texts(raw, TWO_DOCS)
    pipeline.run(raw, out, model="blank")
    before = pipeline.load(out)  # nothing read yet
    write_texts(raw, {"a": "Heel andere tekst over Utrecht.", "c": "Nieuw stuk."})
    pipeline.run(raw, out, model="blank")
    assert list(before.documents.doc_id) == ["a", "b"]
    assert "Hoekstra" in set(before.tokens.text) and "Utrecht" not in set(before.tokens.text)
    assert list(pipeline.load(out).documents.doc_id) == ["a", "b", "c"]


def test_aggregates_of_an_earlier_run_are_recomputed_with_a_warning(tmp_path: Path, caplog):
    raw, out = tmp_path / "raw", tmp_path / "out"
    write_texts(raw, TWO_DOCS)
    pipeline.run(raw, out)
    assert CliRunner().invoke(app, ["aggregate", str(out)]).exit_code == 0
    assert pipeline.load(out).entity_summary.equals(pipeline.aggregate(pipeline.load(out)).entity_summary)
    (raw / "a.txt").write_text(" date 2019-03-14 Mark Rutte sprak in Brussel.", encoding="utf-8")
    pipeline.run(raw, out)
    with caplog.at_level("WARNING"):
        loaded = pipeline.load(out)
        summary = loaded.entity_summary
    pd.testing.assert_frame_equal(summary, pipeline.aggregate(pipeline.load(out)).entity_summary)
    assert set(summary.corpus_id) == set(loaded.entity_links.corpus_id)
    assert set(loaded.entity_links.entity_id) == set(loaded.entities.entity_id)
    assert "computed from an earlier run" in caplog.text


def test_load_refuses_a_missing_folder_a_file_and_a_folder_without_tables(tmp_path: Path):
    with pytest.raises(FileNotFoundError, match="does not exist"):
        pipeline.load(tmp_path / "missing")
    (tmp_path / "file.csv").write_text("x", encoding="utf-8")
    with pytest.raises(FileNotFoundError, match="not a folder"):
        pipeline.load(tmp_path / "file.csv")
    with pytest.raises(FileNotFoundError, match="no extraction tables"):
        pipeline.load(tmp_path)


@pytest.mark.parametrize("cut", ["row", "mid-row"])
def test_load_refuses_a_truncated_table_naming_it(tmp_path: Path, cut: str):
    raw, out = tmp_path / "raw", tmp_path / "out"
    write_texts(raw, TWO_DOCS)
    pipeline.run(raw, out, model="blank")
    data = (out / "tokens.csv").read_bytes()
    lines = data.split(b"\r\n")
    (out / "tokens.csv").write_bytes(b"\r\n".join(lines[:-3]) + (b"\r\n" if cut == "row" else b""))
    tables = pipeline.load(out)
    assert len(tables.documents) == 2  # the other tables still read
    with pytest.raises(TableError, match=r"tokens\.csv") as info:
        tables.tokens
    assert ("cut off" if cut == "mid-row" else "rows, but the run that wrote it wrote") in str(info.value)


# --- spreadsheets, report, library misuse, command line ---


def test_the_workbook_export_writes_formula_like_text_as_strings(tmp_path: Path):
    import zipfile

    raw, out = tmp_path / "raw", tmp_path / "out"
    write_texts(raw, {"=cmd": '=HYPERLINK("http://x","klik") zei -Donald in +Washington @thuis.'})
    pipeline.run(raw, out, model="blank")
    assert (out / "documents.csv").read_text(encoding="utf-8").splitlines()[1].startswith("=cmd,")  # CSV stays faithful
    result = CliRunner().invoke(app, ["export", str(out)])
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(out / "tables.xlsx") as book:
        sheets = [book.read(n).decode("utf-8") for n in book.namelist() if n.startswith("xl/worksheets/sheet")]
    assert not any("<f>" in sheet for sheet in sheets)
    assert any("<t>=HYPERLINK" in sheet for sheet in sheets) and any("<t>=cmd</t>" in sheet for sheet in sheets)


def test_report_survives_dollar_signs_in_a_name(tmp_path: Path):
    from pipeline.report import build_report

    raw, out = tmp_path / "raw", tmp_path / "out"
    write_texts(raw, TWO_DOCS)
    pipeline.run(raw, out)
    entities = (out / "entities.csv").read_text(encoding="utf-8")
    (out / "entities.csv").write_text(entities.replace("Wopke Hoekstra", "$$Geld$$"), encoding="utf-8", newline="")
    index = build_report(out)
    assert "$$Geld$$" in index.read_text(encoding="utf-8")


def test_report_highlights_the_text_as_extracted_after_the_file_was_edited(tmp_path: Path):
    from pipeline.report import build_report

    raw, out = tmp_path / "raw", tmp_path / "out"
    write_texts(raw, TWO_DOCS)
    pipeline.run(raw, out)
    (raw / "a.txt").write_text("INGEVOEGD " + TWO_DOCS["a"], encoding="utf-8")
    build_report(out)
    page = (out / "report" / "docs" / "00000.html").read_text(encoding="utf-8")
    assert "INGEVOEGD" not in page and "Hoekstra" in page


def test_report_and_aggregate_refuse_a_missing_folder_and_create_nothing(tmp_path: Path):
    for command in ("report", "aggregate"):
        result = CliRunner().invoke(app, [command, str(tmp_path / "missing")])
        assert result.exit_code == 1 and "does not exist" in said(result), (command, result.output)
    assert not (tmp_path / "missing").exists()


def test_a_full_disk_during_aggregate_or_report_keeps_the_previous_files_and_leaves_no_temporaries(tmp_path, monkeypatch):
    from pipeline import report as report_mod
    from pipeline import store

    raw, out = tmp_path / "raw", tmp_path / "out"
    write_texts(raw, TWO_DOCS)
    pipeline.run(raw, out, model="blank")
    assert CliRunner().invoke(app, ["aggregate", str(out)]).exit_code == 0
    assert CliRunner().invoke(app, ["report", str(out)]).exit_code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    report_before = (out / "report" / "index.html").read_bytes()

    def no_space(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(store.CsvSink, "write", no_space)
    monkeypatch.setattr(report_mod, "overview", no_space)
    for command in ("aggregate", "report"):
        result = CliRunner().invoke(app, [command, str(out)])
        assert result.exit_code == 1 and "No space left on device" in said(result), result.output
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before
    assert (out / "report" / "index.html").read_bytes() == report_before
    assert not [p.name for p in out.iterdir() if p.name.startswith(".") and p.name not in (".lock", ".commit.lock")]


def test_a_failed_extract_leaves_no_staged_or_temporary_files(tmp_path: Path, monkeypatch):
    from pipeline import store

    raw, out = tmp_path / "raw", tmp_path / "out"
    write_texts(raw, TWO_DOCS)

    def no_space(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(store, "write_manifest", no_space)
    with pytest.raises(OSError):
        pipeline.run(raw, out, model="blank")
    assert sorted(p.name for p in out.iterdir()) == [".lock"]


def test_library_calls_with_the_wrong_kind_of_argument_say_what_is_wrong(tmp_path: Path):
    with pytest.raises(TypeError, match="not a single string"):
        pipeline.extract_texts("Een tekst.", model="blank")
    with pytest.raises(ValueError, match="batch_size must be a positive integer"):
        pipeline.extract_texts(["Een tekst."], model="blank", batch_size=0)
    with pytest.raises(ValueError, match="batch_size must be a positive integer"):
        pipeline.run(tmp_path, tmp_path / "out", model="blank", batch_size=0)
    with pytest.raises(TypeError, match="text 1 is NoneType, not str"):
        pipeline.extract_texts(["Een tekst.", None], model="blank")
    with pytest.raises(TypeError, match="ids must be non-empty strings"):
        pipeline.extract_texts(["a", "b"], ids=[1, "1"], model="blank")
    with pytest.raises(ValueError, match="'x' appear more than once"):
        pipeline.extract_texts(["a", "b"], ids=["x", "x"], model="blank")


def test_bad_command_line_options_exit_1_not_the_failed_documents_code(tmp_path: Path):
    for args in (["extract", "--bogus"], ["extract", str(tmp_path), str(tmp_path / "o"), "--batch-size", "zero"],
                 ["evaluate", str(tmp_path / "missing.conll")]):
        result = subprocess.run([sys.executable, "-m", "pipeline", *args], capture_output=True, text=True, cwd=ROOT)
        assert result.returncode == 1, (args, result.returncode, result.stderr)


def test_a_date_header_with_a_time_of_day_gives_the_date():
    from pipeline.ingest import parse_header

    assert parse_header(" date 2017-06-11T10:30 Tekst")[:2] == ("2017-06-11", 23)
    assert parse_header(" date 2017-06-11T10:30:15+02:00 Tekst")[0] == "2017-06-11"
    assert "needs a full date" in parse_header(" date 2017-06T10:30 Tekst")[2]


def test_paths_are_the_ones_this_run_was_given_for_reused_rows_too(tmp_path: Path):
    import shutil

    raw, out = tmp_path / "raw", tmp_path / "out"
    write_texts(raw, TWO_DOCS)
    pipeline.run(raw, out, model="blank")
    shutil.copytree(raw, tmp_path / "moved")
    tables = pipeline.run(tmp_path / "moved", out, model="blank")
    assert tables.run["counts"]["documents_reused"] == 2
    assert list(tables.documents.path) == [str(tmp_path / "moved" / "a.txt"), str(tmp_path / "moved" / "b.txt")]


@pytest.mark.slow
def test_the_dask_backend_writes_paths_as_given(tmp_path: Path, monkeypatch):
    pytest.importorskip("dask.distributed")
    write_texts(tmp_path / "raw", TWO_DOCS)
    monkeypatch.chdir(tmp_path)
    local = pipeline.run("raw", "local", model="blank")
    dask = pipeline.run("raw", "dask", model="blank", backend="dask", scheduler="local", n_process=1)
    assert list(dask.documents.path) == list(local.documents.path) == ["raw/a.txt", "raw/b.txt"]


def test_invisible_characters_do_not_split_a_name_and_symbols_are_no_names():
    import spacy
    from spacy.tokens import Span

    from pipeline.names import canonical_name, entity_id

    variants = ["Rutte", "Ru\u200btte", "\u202aRutte\u202c", "Rut\x00te", "\ufeffRutte", "Rut\u00adte"]
    assert {canonical_name(v) for v in variants} == {"Rutte"}
    assert len({entity_id("PER", canonical_name(v)) for v in variants}) == 1
    nlp = spacy.blank("nl")
    cleaner = nlp.add_pipe("nl_entity_cleaner")
    doc = nlp("Ik zag 😀 en ★ met Rutte .")
    doc.ents = [Span(doc, 2, 3, "MISC"), Span(doc, 4, 5, "MISC"), Span(doc, 6, 7, "PER")]
    assert [e.text for e in cleaner(doc).ents] == ["Rutte"]


def test_a_killed_dask_run_leaves_nothing_the_next_run_does_not_remove(tmp_path: Path):
    raw, out = tmp_path / "raw", tmp_path / "out"
    write_texts(raw, TWO_DOCS)
    (out / ".parts-deadbeef" / "000000").mkdir(parents=True)
    pipeline.run(raw, out, model="blank")
    assert not list(out.glob(".parts-*"))


def test_an_empty_raw_folder_is_refused_and_the_tables_stay(tmp_path: Path):
    from pipeline.extract import EmptyInputError

    raw, out = tmp_path / "raw", tmp_path / "out"
    write_texts(raw, TWO_DOCS)
    pipeline.run(raw, out, model="blank")
    before = (out / "documents.csv").read_bytes()
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(EmptyInputError, match="no .txt articles"):
        pipeline.run(empty, out, model="blank")
    result = CliRunner().invoke(app, ["extract", str(empty), str(out), "--model", "blank", "-q"])
    assert result.exit_code == 1 and "no .txt articles" in said(result)
    assert (out / "documents.csv").read_bytes() == before
    assert len(pipeline.run(empty, out, model="blank", allow_empty=True).documents) == 0
