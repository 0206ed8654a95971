"""Nothing lost, nothing crashes: kills, locks, bad input and hostile text."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import pipeline
from pipeline import extract as extract_mod
from pipeline import ingest as ingest_mod
from pipeline.cli import app
from pipeline.ingest import MAX_DOCUMENT_BYTES
from pipeline.store import output_lock
from pipeline.tables import TABLE_NAMES

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
