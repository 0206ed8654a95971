"""The same tables whatever the backend, process count or batch size."""

from pathlib import Path

import pandas as pd
import pytest

import pipeline
from pipeline.processing import split_long_text
from pipeline.tables import TABLE_NAMES

from .conftest import SEED


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


def test_documents_longer_than_max_length_are_processed_in_pieces(tmp_path):
    from pipeline.backends import get_nlp

    text = SEED.read_text(encoding="utf-8")
    nlp = get_nlp("blank")
    saved = nlp.max_length
    nlp.max_length = 500
    try:
        pieces = pipeline.extract_texts([text], ids=["long"], model="blank")
    finally:
        nlp.max_length = saved
    whole = pipeline.extract_texts([text], ids=["long"], model="blank")
    assert pieces.documents.status.iloc[0] == "ok"
    for row in pieces.tokens.itertuples():
        assert text[row.start_char : row.end_char] == row.text
    assert list(pieces.tokens.text) == list(whole.tokens.text)
    assert pieces.tokens.token_id.is_unique and pieces.sentences.sent_id.is_monotonic_increasing
