"""Extraction: plan which documents need work, process them, and write one new generation of tables.

Unchanged documents (same id, same content, same pipeline and model version, same format) are
not processed again: their rows are copied from the previous tables, so a re-run over a large,
mostly unchanged corpus costs little more than reading it.
"""

from __future__ import annotations

import csv
import gc
import hashlib
import logging
import shutil
import time
from collections import Counter
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

import pyarrow as pa
from spacy.language import Language

from .backends import BACKENDS, dask_rows, local_rows, worker_batch_size
from .ingest import discover, document_from_text, document_id, iter_documents, read_file_bytes
from .model import get_nlp, model_fingerprint, model_info, model_meta
from .schema import TABLE_NAMES, DocRows, Row
from .store import (
    FORMATS,
    BackgroundWriter,
    ManifestRow,
    RowCheck,
    Tables,
    TableWriter,
    iter_table_rows,
    load,
    new_generation,
    output_lock,
    read_manifest,
    recover,
    table_path,
)
from .version import PIPELINE_VERSION

log = logging.getLogger(__name__)


class DocumentFailedError(RuntimeError):
    """A document failed in a ``strict`` run."""


class EmptyInputError(ValueError):
    """The raw folder holds no articles."""


@dataclass(frozen=True)
class Options:
    """How a run processes documents."""

    model: str | None = None
    n_process: int = 1
    batch_size: int = 64
    format: str = "csv"
    backend: str = "local"
    scheduler: str | None = None


@dataclass
class PlannedDocument:
    """One document of the run and whether its previous rows can be reused."""

    doc_id: str
    path: Path
    reuse: bool


class PreviousTables:
    """Forward-only cursors over the previous run's tables, to copy the rows of reused documents.

    Tables are written in document order, and documents keep their relative order between runs,
    so one pass over each table serves every reused document.
    """

    def __init__(self, out_dir: Path, fmt: str, order: list[str]) -> None:
        self.position = {doc_id: i for i, doc_id in enumerate(order)}
        self.cursors = {name: iter_table_rows(out_dir, name, fmt) for name in TABLE_NAMES}
        self.pending: dict[str, Row | None] = {name: None for name in TABLE_NAMES}

    def take(self, doc_id: str) -> DocRows:
        """The previous rows of ``doc_id`` in every table."""
        target = self.position[doc_id]
        out = DocRows(doc_id)
        for name, cursor in self.cursors.items():
            row = self.pending[name] or next(cursor, None)
            while row is not None and self.position.get(row.doc_id, -1) < target:
                row = next(cursor, None)
            while row is not None and row.doc_id == doc_id:
                out.rows[name].append(row)
                row = next(cursor, None)
            self.pending[name] = row
        return out


def plan_run(
    raw_dir: Path, out_dir: Path, files: list[Path], options: Options, force: bool
) -> tuple[list[PlannedDocument], list[str]]:
    """Decide, per document, whether its rows from the previous run can be kept; and notes on why not.

    A document is reused when its file, the pipeline and the format are unchanged and its rows in the
    previous tables still match the counts and digest the manifest recorded for them.
    """
    manifest = read_manifest(out_dir)
    previous = {row["doc_id"]: row for row in manifest}
    fingerprint = model_fingerprint(options.model)
    compatible = (
        not force
        and bool(previous)
        and all(table_path(out_dir, name, options.format).exists() for name in TABLE_NAMES)
        and all(
            (row["pipeline_version"], row["model_version"], row["format"]) == (PIPELINE_VERSION, fingerprint, options.format)
            and row.get("rows_sha256")
            for row in previous.values()
        )
    )
    plan = []
    for path in files:
        doc_id = document_id(path, raw_dir)
        old = previous.get(doc_id) if compatible else None
        # files are hashed here only when their previous rows might be reused; otherwise once, when read
        reuse = old is not None and old["status"] == "ok" and old["sha256"] == file_sha256(path)
        plan.append(PlannedDocument(doc_id, path, reuse))
    notes = verify_previous_rows(out_dir, options.format, manifest, plan) if any(d.reuse for d in plan) else []
    return plan, notes


def verify_previous_rows(out_dir: Path, fmt: str, manifest: list[dict[str, str]], plan: list[PlannedDocument]) -> list[str]:
    """Check the previous rows of every document planned for reuse; plan the ones that fail for processing.

    The rows are read exactly as the copy will read them, so a document that verifies here is copied whole.
    """
    expected = {row["doc_id"]: (row["n_rows"], row["rows_sha256"]) for row in manifest}
    notes: list[str] = []
    try:
        previous = PreviousTables(out_dir, fmt, [row["doc_id"] for row in manifest])
        for doc in plan:
            if doc.reuse:
                counts, digest = RowCheck().update(previous.take(doc.doc_id).rows).result()
                if (counts, digest) != expected[doc.doc_id]:
                    doc.reuse = False
                    notes.append(
                        f"{doc.doc_id}: its rows in the previous tables in {out_dir} do not match the manifest "
                        f"(found {counts}; recorded {expected[doc.doc_id][0]}); processed again"
                    )
    except (OSError, ValueError, csv.Error, pa.ArrowException) as exc:
        for doc in plan:
            doc.reuse = False
        notes.append(f"the previous tables in {out_dir} cannot be read ({exc}); every document processed again")
    for note in notes:
        log.warning(note)
    return notes


def file_sha256(path: Path) -> str | None:
    """The SHA-256 of a file's bytes, or None when it cannot be read (it becomes an error row later)."""
    try:
        return hashlib.sha256(read_file_bytes(path)).hexdigest()
    except OSError:
        return None


def run_record(options: Options, nlp: Language | None, counts: dict, seconds: float, n_words: int) -> dict:
    """The contents of run.json."""
    return {
        "package": "pipeline",
        "version": PIPELINE_VERSION,
        "generation": new_generation(),
        "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "model": model_info(nlp, options.model) if nlp is not None else model_meta(options.model),
        "options": asdict(options),
        "counts": counts,
        "timings": {
            "seconds": round(seconds, 3),
            "words": n_words,
            "words_per_second": round(n_words / seconds, 1) if seconds > 0 else None,
        },
    }


class RunStats:
    """Counters of a run, updated per document."""

    def __init__(self) -> None:
        self.counts = {"documents_ok": 0, "documents_failed": 0, "documents_reused": 0}
        self.failures: list[str] = []
        self.words = 0

    def add(self, doc_rows: DocRows, reused: bool = False) -> None:
        if not doc_rows.complete:  # a fragment of a long document: counted with its last fragment
            return
        document = doc_rows.rows["documents"][0]
        ok = document.status == "ok"
        self.counts["documents_ok" if ok else "documents_failed"] += 1
        self.counts["documents_reused"] += reused
        if not ok:
            self.failures.append(document.error)
        elif not reused:
            self.words += int(document.n_tokens)


class DocumentSink:
    """Writes the rows of each document and keeps its manifest row (row counts and digest of what was written)."""

    def __init__(self, writer: TableWriter, fingerprint: str) -> None:
        self.writer = writer
        self.fingerprint = fingerprint
        self.check = RowCheck()
        self.manifest: list[ManifestRow] = []

    def write(self, doc_rows: DocRows) -> None:
        """Write the rows of a document, or of a fragment of a long one (its manifest row comes with the last)."""
        self.writer.write(doc_rows, self.check)
        if doc_rows.complete:
            document = doc_rows.rows["documents"][0]
            self.manifest.append(ManifestRow(document.doc_id, document.sha256, document.status, PIPELINE_VERSION,
                                             self.fingerprint, self.writer.fmt, *self.check.result()))
            self.check = RowCheck()


def ordered_rows(
    plan: list[PlannedDocument], raw_dir: Path, out_dir: Path, options: Options
) -> Iterator[tuple[DocRows, bool]]:
    """Rows of every planned document in order: copied when reused, computed otherwise."""
    todo = [doc.path for doc in plan if not doc.reuse]
    if options.backend == "dask":
        computed = dask_rows(
            todo, raw_dir, options.model, out_dir, scheduler=options.scheduler or "local",
            n_workers=max(options.n_process, 1), batch_size=options.batch_size,
        )
    else:
        batch_size = worker_batch_size(len(todo), options.n_process, options.batch_size)
        computed = local_rows(iter_documents(raw_dir, todo), options.model, options.n_process, batch_size)
    previous = None
    if any(doc.reuse for doc in plan):
        previous = PreviousTables(out_dir, options.format, [row["doc_id"] for row in read_manifest(out_dir)])
    for doc in plan:
        if doc.reuse:
            yield with_path(previous.take(doc.doc_id), doc.path), True
            continue
        while True:  # a long document comes in fragments, the last one complete
            rows = next(computed)
            assert rows.doc_id == doc.doc_id, f"rows out of order: {rows.doc_id} != {doc.doc_id}"
            yield with_path(rows, doc.path), False
            if rows.complete:
                break


def with_path(doc_rows: DocRows, path: Path) -> DocRows:
    """``doc_rows`` with the document's path as this run was given it.

    Reused rows carry the path of the run that wrote them, and Dask workers an absolute one.
    """
    documents = doc_rows.rows["documents"]
    if documents:
        documents[0] = documents[0]._replace(path=str(path))
    return doc_rows


@contextmanager
def frozen_heap() -> Iterator[None]:
    """Leave the objects alive now (the loaded pipeline's half a million above all) out of the garbage
    collector's full passes while the block runs: each pass would walk them all again (about a third of a
    second), and forked workers keep sharing their pages instead of copying them. A caller that froze objects
    itself keeps them as they are."""
    if gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def run(
    raw_dir: str | Path = "data/raw",
    out_dir: str | Path = "data/processed",
    *,
    model: str | None = None,
    n_process: int = 1,
    batch_size: int = 64,
    format: str = "csv",
    backend: str = "local",
    scheduler: str | None = None,
    force: bool = False,
    strict: bool = False,
    allow_empty: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> Tables:
    """Extract every article under ``raw_dir`` into tables in ``out_dir``; return the tables.

    Unchanged documents are reused from the previous run unless ``force``. With ``strict`` the run
    stops at the first failed document (raising :class:`DocumentFailedError`) and writes nothing.
    A raw folder without articles is refused (:class:`EmptyInputError`: a share that did not mount
    must not replace the tables) unless ``allow_empty``.
    """
    raw_path, out_path = Path(raw_dir), Path(out_dir)
    if not isinstance(batch_size, int) or batch_size < 1:
        raise ValueError(f"batch_size must be a positive integer, not {batch_size!r}")
    if not isinstance(n_process, int) or n_process < 1:
        raise ValueError(f"n_process must be a positive integer, not {n_process!r}")
    if not raw_path.is_dir():
        raise FileNotFoundError(f"raw folder not found: {raw_path}")
    if format not in FORMATS:
        raise ValueError(f"unknown format {format!r}; choose from {', '.join(FORMATS)}")
    if backend not in BACKENDS:
        raise ValueError(f"unknown backend {backend!r}; choose from {', '.join(BACKENDS)}")
    options = Options(model, n_process, batch_size, format, backend, scheduler)
    with output_lock(out_path):
        recover(out_path)
        for parts in out_path.glob(".parts-*"):  # left by a killed Dask run: no run holds the lock now
            shutil.rmtree(parts, ignore_errors=True)
        files, notes = discover(raw_path)
        for note in notes:
            log.info(note)
        if not files and not allow_empty:
            raise EmptyInputError(
                f"no .txt articles in {raw_path}: nothing written, the tables in {out_path} are as they were "
                "(pass allow_empty=True, or --allow-empty, to write empty tables)"
            )
        plan, reuse_notes = plan_run(raw_path, out_path, files, options, force)
        notes += reuse_notes
        nlp = get_nlp(model) if not all(doc.reuse for doc in plan) and backend == "local" else None
        started = time.perf_counter()
        stats = RunStats()
        writer = TableWriter(out_path, format)
        sink = DocumentSink(writer, model_fingerprint(model))
        background = BackgroundWriter(sink.write)
        try:
            done = 0
            with frozen_heap():
                for doc_rows, reused in ordered_rows(plan, raw_path, out_path, options):
                    stats.add(doc_rows, reused)
                    if strict and stats.failures:
                        raise DocumentFailedError(stats.failures[0])
                    background.put(doc_rows)
                    if doc_rows.complete:
                        done += 1
                        if progress:
                            progress(done, len(plan))
                background.finish()
            seconds = time.perf_counter() - started
            record = run_record(options, nlp, {**stats.counts, **writer.counts}, seconds, stats.words)
            record["failures"] = stats.failures
            record["notes"] = notes
            writer.commit(record, sink.manifest)
        except BaseException:
            background.cancel()
            writer.abort()
            raise
    return load(out_path)


def extract_texts(
    texts: Iterable[str],
    ids: Sequence[str] | None = None,
    dates: Sequence[str | None] | None = None,
    *,
    model: str | None = None,
    batch_size: int = 64,
) -> Tables:
    """Extract from texts in memory (no files written) and return the tables.

    ``ids`` default to ``doc0``, ``doc1``, …; ``dates`` override any ``date`` header in the text.
    """
    if isinstance(texts, (str, bytes)):
        raise TypeError("texts must be a list of strings, not a single string: pass [text]")
    if not isinstance(batch_size, int) or batch_size < 1:
        raise ValueError(f"batch_size must be a positive integer, not {batch_size!r}")
    texts = list(texts)
    for i, text in enumerate(texts):
        if not isinstance(text, str):
            raise TypeError(f"text {i} is {type(text).__name__}, not str")
    ids = list(ids) if ids is not None else [f"doc{i}" for i in range(len(texts))]
    if len(ids) != len(texts) or (dates is not None and len(dates) != len(texts)):
        raise ValueError(f"texts, ids and dates must have the same length ({len(texts)} texts, {len(ids)} ids"
                         + (f", {len(dates)} dates)" if dates is not None else ")"))
    for i, doc_id in enumerate(ids):
        if not isinstance(doc_id, str) or not doc_id:
            raise TypeError(f"document id {i} is {doc_id!r}: ids must be non-empty strings")
    duplicates = sorted(doc_id for doc_id, n in Counter(ids).items() if n > 1)
    if duplicates:
        raise ValueError(f"document ids must be unique: {', '.join(map(repr, duplicates[:5]))} appear more than once")
    documents = [
        document_from_text(doc_id, text, None if dates is None else dates[i])
        for i, (doc_id, text) in enumerate(zip(ids, texts))
    ]
    options = Options(model=model, batch_size=batch_size)
    rows: dict[str, list[Row]] = {name: [] for name in TABLE_NAMES}
    stats = RunStats()
    started = time.perf_counter()
    for doc_rows in local_rows(documents, model, 1, batch_size):
        for name, table_rows in doc_rows.rows.items():
            rows[name].extend(table_rows)
        stats.add(doc_rows)
    record = run_record(options, get_nlp(model), stats.counts, time.perf_counter() - started, stats.words)
    record["failures"] = stats.failures
    return Tables.from_rows(rows, record)
