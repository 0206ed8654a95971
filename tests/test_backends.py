"""The same tables whatever the backend, process count or batch size."""

from pathlib import Path

import pandas as pd
import pytest

import pipeline
from pipeline.backends import worker_batch_size
from pipeline.model import load_nlp
from pipeline.processing import split_long_text
from pipeline.schema import TABLE_NAMES
from pipeline.store import BackgroundWriter

from .conftest import SEED, extract_with

# paraphrased news sentences with the cells whose type varies: vague counts (ints in a float column),
# fractions, places with coordinates, dates
SHORT_ARTICLES = [
    " date 2018-04-12 Honderden boeren trokken donderdag met hun trekkers naar Den Haag. Tientallen agenten "
    "hielden de wegen rond het Malieveld vrij; de stoet was ruim 3,5 kilometer lang.",
    " date 2019-11-02 De gemeente Utrecht trekt 12 miljoen euro uit voor duizenden nieuwe fietsplekken bij het station, "
    "meldt wethouder Anna de Vries. De eerste 800 plekken zijn in maart 2020 klaar.",
    " date 2017-06 In Rotterdam werken zo'n 40 procent van de havenbedrijven met tijdelijke krachten, blijkt uit een "
    "onderzoek van de Erasmus Universiteit. Vorig jaar was dat nog een kwart.",
]


def assert_same_tables(left: pipeline.Tables, right: pipeline.Tables) -> None:
    for name in TABLE_NAMES:
        pd.testing.assert_frame_equal(left[name], right[name], obj=name)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """Three dozen documents cut from the seed article, plus a bad one."""
    raw = tmp_path_factory.mktemp("raw")
    paragraphs = [p for p in SEED.read_text(encoding="utf-8")[14:].split("\n\n") if p.strip()]
    for i in range(36):
        text = "\n\n".join(paragraphs[i % len(paragraphs) :] + paragraphs[: i % 3])
        (raw / f"doc{i:02d}.txt").write_text(f" date 2017-06-{1 + i % 28:02d} {text}", encoding="utf-8")
    (raw / "empty.txt").write_bytes(b"")
    return raw


@pytest.fixture(scope="module")
def reference(corpus: Path, tmp_path_factory) -> pipeline.Tables:
    return pipeline.run(corpus, tmp_path_factory.mktemp("ref"), model="blank", batch_size=64)


@pytest.mark.parametrize("n_process,batch_size", [(1, 1), (1, 7), (2, 5)])
def test_local_backends_agree(corpus, reference, tmp_path, n_process, batch_size):
    tables = pipeline.run(corpus, tmp_path / "out", model="blank", n_process=n_process, batch_size=batch_size)
    assert_same_tables(reference, tables)


@pytest.mark.slow
def test_dask_local_cluster_agrees(corpus, reference, tmp_path):
    pytest.importorskip("dask.distributed")
    tables = pipeline.run(
        corpus, tmp_path / "out", model="blank", backend="dask", scheduler="local", n_process=2, batch_size=4
    )
    assert_same_tables(reference, tables)
    assert not list((tmp_path / "out").glob(".parts-*"))


@pytest.mark.parametrize("limit", [10, 57, 200, 10_000])
def test_split_long_text_is_lossless(limit):
    text = SEED.read_text(encoding="utf-8")
    pieces = split_long_text(text, limit)
    assert "".join(piece for _, piece in pieces) == text
    assert all(len(piece) <= limit for _, piece in pieces)
    assert all(text[offset : offset + len(piece)] == piece for offset, piece in pieces)


def test_documents_longer_than_max_length_are_processed_in_pieces():
    text = SEED.read_text(encoding="utf-8")
    nlp = load_nlp("blank")
    nlp.max_length = 500
    pieces = extract_with(nlp, [text], ids=["long"])
    whole = pipeline.extract_texts([text], ids=["long"], model="blank")
    assert pieces.documents.status.iloc[0] == "ok"
    for row in pieces.tokens.itertuples():
        assert text[row.start_char : row.end_char] == row.text
    assert list(pieces.tokens.text) == list(whole.tokens.text)
    assert pieces.tokens.token_id.is_unique and pieces.sentences.sent_id.is_monotonic_increasing


def written_files(folder: Path) -> dict[str, bytes]:
    """The bytes of every table and the manifest of an output folder (run.json differs by time)."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.suffix in (".csv", ".parquet")}


@pytest.mark.slow
def test_every_backend_and_format_writes_the_same_tables(tmp_path):
    pytest.importorskip("dask.distributed")
    raw = tmp_path / "raw"
    raw.mkdir()
    paragraphs = [p for p in SEED.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    for i, text in enumerate(SHORT_ARTICLES + [" date 2017-06 " + "\n\n".join(paragraphs[1:3])]):
        (raw / f"doc{i}.txt").write_text(text, encoding="utf-8")
    runs = {
        "one process": {"n_process": 1},
        "two processes": {"n_process": 2, "batch_size": 1},
        "dask": {"backend": "dask", "scheduler": "local", "n_process": 2, "batch_size": 1},
    }
    written = {}
    for label, options in runs.items():
        pipeline.run(raw, tmp_path / label, **options)
        written[label] = written_files(tmp_path / label)
    tables = pipeline.load(tmp_path / "one process")
    assert tables.figures.vague.any() and tables.figures.value.notna().all() and tables.entities.latitude.notna().any()
    assert set(written["one process"]) == {f"{name}.csv" for name in TABLE_NAMES} | {"manifest.csv"}
    for label in ("two processes", "dask"):
        for name, content in written["one process"].items():
            assert written[label][name] == content, f"{name} of {label} differs from one process"
    parquet = pipeline.run(raw, tmp_path / "parquet", format="parquet")
    assert_same_tables(tables, parquet)


@pytest.mark.parametrize(
    "n_documents,n_workers,expected", [(10_000, 2, 64), (200, 2, 25), (3, 2, 1), (200, 1, 64), (0, 2, 1)]
)
def test_a_short_run_gives_every_worker_several_tasks(n_documents, n_workers, expected):
    assert worker_batch_size(n_documents, n_workers, 64) == expected


def test_the_background_writer_keeps_order_and_hands_back_its_error():
    seen = []
    writer = BackgroundWriter(seen.append, max_pending=2)
    for i in range(50):
        writer.put(i)
    writer.finish()
    assert seen == list(range(50))

    def fail_on_three(item: int) -> None:
        if item == 3:
            raise OSError("disk full")
        seen.append(item)

    seen.clear()
    writer = BackgroundWriter(fail_on_three)
    with pytest.raises(OSError, match="disk full"):
        for i in range(10):
            writer.put(i)
        writer.finish()
    assert seen == [0, 1, 2]
