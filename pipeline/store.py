"""Table storage: streaming writers (CSV or Parquet), crash-safe commits, a run lock, and loading.

A run streams rows into temporary files beside the tables. ``commit`` first writes a journal
listing the renames, then renames every table into place, then removes the journal. A run killed
between two renames leaves the journal behind, and the next run (or ``load``) finishes the renames
before anything else: readers always see one complete generation of tables.
"""

from __future__ import annotations

import csv
import errno
import fcntl
import hashlib
import io
import json
import logging
import os
import queue
import threading
import uuid
import weakref
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO, Callable, Generic, Iterator, NamedTuple, TypeVar

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from .schema import (
    AGGREGATE_NAMES,
    ALL_SCHEMAS,
    BOOL,
    FLOAT,
    INT,
    ROW_TYPES,
    STR,
    TABLE_NAMES,
    DocRows,
    Row,
    empty_frame,
    rows_to_frame,
)

RUN_FILE = "run.json"
MANIFEST_FILE = "manifest.csv"
JOURNAL_FILE = ".commit.json"
LOCK_FILE = ".lock"
COMMIT_LOCK_FILE = ".commit.lock"
AGGREGATES_FILE = "aggregates.json"
FORMATS = ("csv", "parquet")
PARQUET_ROW_GROUP = 50_000

log = logging.getLogger(__name__)
T = TypeVar("T")

ARROW_TYPES = {STR: pa.string(), INT: pa.int64(), FLOAT: pa.float64(), BOOL: pa.bool_()}
FLOAT_CELL = (float, str, type(None))  # a float, a CSV cell read back, or empty
FLOAT_COLUMNS = {name: [i for i, dtype in enumerate(schema.values()) if dtype == FLOAT] for name, schema in ALL_SCHEMAS.items()}


class OutputLockedError(RuntimeError):
    """Another run is writing to the same output folder."""


class TableError(ValueError):
    """A written table that does not match what its run wrote (truncated, edited or missing)."""


class Tables:
    """The extraction tables as pandas DataFrames, one attribute per table.

    Tables read from an output folder are loaded on first access, so a run over a large corpus
    does not pull every table into memory unless asked to.
    """

    names: tuple[str, ...] = TABLE_NAMES + AGGREGATE_NAMES

    def __init__(
        self,
        frames: dict[str, pd.DataFrame] | None = None,
        run: dict[str, Any] | None = None,
        loader: Callable[[str], pd.DataFrame] | None = None,
    ) -> None:
        self._frames = dict(frames or {})
        self._loader = loader
        self.run = run or {}

    def __getattr__(self, name: str) -> pd.DataFrame:
        if name.startswith("_") or name not in self.names:
            raise AttributeError(name)
        if name not in self._frames:
            self._frames[name] = self._loader(name) if self._loader else empty_frame(name)
        return self._frames[name]

    def __getitem__(self, name: str) -> pd.DataFrame:
        return getattr(self, name)

    def __repr__(self) -> str:
        loaded = ", ".join(f"{n}={len(f)} rows" for n, f in self._frames.items())
        return f"Tables({loaded or 'not loaded yet'})"

    @classmethod
    def from_rows(cls, rows: dict[str, list[Row]], run: dict[str, Any] | None = None) -> "Tables":
        """Build typed tables from rows collected in memory."""
        return cls({name: rows_to_frame(name, rows.get(name, [])) for name in TABLE_NAMES}, run)


def table_path(out_dir: Path, name: str, fmt: str) -> Path:
    """Where table ``name`` lives in ``out_dir`` for format ``fmt``."""
    return out_dir / f"{name}.{fmt}"


def arrow_schema(name: str) -> pa.Schema:
    """The typed Arrow schema of table ``name``."""
    return pa.schema([(col, ARROW_TYPES[dtype]) for col, dtype in ALL_SCHEMAS[name].items()])


def atomic_write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` via a temporary file in the same folder and a rename."""
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "w", encoding="utf-8", newline="") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


def with_float_cells(name: str, rows: list[Row]) -> list[Row]:
    """``rows`` with every number in a float column as a float.

    A normalizer may give an int there (``honderden`` is 100); written as it is, a CSV cell would read
    ``100`` from one process and ``100.0`` from rows that went through Parquet (a Dask partition).
    """
    columns = FLOAT_COLUMNS[name]
    if not columns or all(isinstance(row[i], FLOAT_CELL) for row in rows for i in columns):
        return rows
    row_type = ROW_TYPES[name]
    return [row_type._make(v if i not in columns or isinstance(v, FLOAT_CELL) else float(v) for i, v in enumerate(row))
            for row in rows]


def csv_text(rows: list[Row]) -> str:
    """``rows`` as the lines of a CSV table: what a CSV file holds of them, and what their digest reads."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue()


class CsvSink:
    """Rows of one table streamed to a CSV file."""

    def __init__(self, path: Path, name: str) -> None:
        self.handle = open(path, "w", encoding="utf-8", newline="")
        self.handle.write(csv_text([tuple(ALL_SCHEMAS[name])]))

    def write(self, rows: list[Row], text: str | None = None) -> None:
        """Append ``rows``; ``text``: their CSV lines, when the caller has them already."""
        self.handle.write(csv_text(rows) if text is None else text)

    def close(self) -> None:
        self.handle.flush()
        os.fsync(self.handle.fileno())
        self.handle.close()


class ParquetSink:
    """Rows of one table streamed to a Parquet file in row groups, with typed columns."""

    def __init__(self, path: Path, name: str) -> None:
        self.schema = arrow_schema(name)
        self.columns = list(ALL_SCHEMAS[name])
        self.writer = pq.ParquetWriter(path, self.schema)
        self.buffer: list[Row] = []

    def write(self, rows: list[Row], text: str | None = None) -> None:
        """Append ``rows`` (``text``, their CSV lines, is not needed here)."""
        self.buffer.extend(rows)
        if len(self.buffer) >= PARQUET_ROW_GROUP:
            self.flush()

    def flush(self) -> None:
        if self.buffer:
            columns = list(zip(*self.buffer))
            arrays = [pa.array(col, type=field.type) for col, field in zip(columns, self.schema)]
            self.writer.write_table(pa.Table.from_arrays(arrays, schema=self.schema))
            self.buffer = []

    def close(self) -> None:
        self.flush()
        self.writer.close()


SINKS = {"csv": CsvSink, "parquet": ParquetSink}


class TableWriter:
    """Stream rows into temporary files; ``commit`` puts them in place as one generation."""

    def __init__(self, out_dir: Path, fmt: str = "csv") -> None:
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
        self.out_dir = out_dir
        self.fmt = fmt
        out_dir.mkdir(parents=True, exist_ok=True)
        self.counts = {name: 0 for name in TABLE_NAMES}
        self.sinks = {name: SINKS[fmt](self.tmp_path(name), name) for name in TABLE_NAMES}

    def tmp_path(self, name: str) -> Path:
        """The temporary file a table is streamed to."""
        return self.out_dir / f".{name}.{self.fmt}.tmp"

    def write(self, doc_rows: DocRows, check: RowCheck | None = None) -> None:
        """Append one document's rows; count and digest them in ``check``, if given."""
        for name, rows in doc_rows.rows.items():
            if rows:
                rows = with_float_cells(name, rows)
                text = csv_text(rows) if self.fmt == "csv" or check is not None else None
                self.sinks[name].write(rows, text)
                self.counts[name] += len(rows)
                if check is not None:
                    check.add(name, len(rows), text)

    def commit(self, run: dict[str, Any], manifest: list[ManifestRow] | None = None) -> None:
        """Close the files and put every table, ``run.json`` and the manifest in place."""
        for sink in self.sinks.values():
            sink.close()
        staged = {name: self.out_dir / f".{name}.staged" for name in (RUN_FILE, MANIFEST_FILE)}
        atomic_write_text(staged[RUN_FILE], json.dumps(run, indent=2, ensure_ascii=False) + "\n")
        write_manifest(staged[MANIFEST_FILE], manifest or [])
        renames = [(str(self.tmp_path(name)), str(table_path(self.out_dir, name, self.fmt))) for name in TABLE_NAMES]
        renames += [(str(staged[name]), str(self.out_dir / name)) for name in staged]
        other = [f for f in FORMATS if f != self.fmt]
        removals = [str(table_path(self.out_dir, name, fmt)) for name in TABLE_NAMES for fmt in other]
        atomic_write_text(self.out_dir / JOURNAL_FILE, json.dumps({"renames": renames, "remove": removals}))
        recover(self.out_dir)

    def finish(self) -> None:
        """Close the files and rename them into place, without run record or journal (partitions)."""
        for name, sink in self.sinks.items():
            sink.close()
            os.replace(self.tmp_path(name), table_path(self.out_dir, name, self.fmt))

    def abort(self) -> None:
        """Drop the temporary and staged files; the previous tables stay as they were."""
        for name, sink in self.sinks.items():
            try:
                sink.close()
            except Exception:  # a half-built file is deleted next anyway
                pass
            self.tmp_path(name).unlink(missing_ok=True)
        if not (self.out_dir / JOURNAL_FILE).exists():  # once the journal is written the commit goes through
            for name in (RUN_FILE, MANIFEST_FILE):
                (self.out_dir / f".{name}.staged").unlink(missing_ok=True)


class BackgroundWriter(Generic[T]):
    """Hands items to ``handle`` on one background thread, in order, so writing overlaps with processing.

    Python code holds the interpreter lock, but the model's matrix products and file writes release
    it: that is the time the writer uses. At most ``max_pending`` items wait; an error in ``handle``
    is raised by the next ``put`` or by ``finish``, and later items are dropped.
    """

    def __init__(self, handle: Callable[[T], None], max_pending: int = 256) -> None:
        self.handle = handle
        self.items: queue.Queue[tuple[T] | None] = queue.Queue(max_pending)
        self.error: BaseException | None = None
        self.cancelled = False
        self.thread = threading.Thread(target=self._run, name="table-writer", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while (item := self.items.get()) is not None:
            if self.error is None and not self.cancelled:
                try:
                    self.handle(item[0])
                except BaseException as exc:  # handed to the producer, which stops the run
                    self.error = exc

    def put(self, item: T) -> None:
        """Queue ``item`` (waits while ``max_pending`` items are queued)."""
        if self.error is not None:
            raise self.error
        self.items.put((item,))

    def finish(self) -> None:
        """Wait until every queued item is handled; raise the error of the writer, if any."""
        self.items.put(None)
        self.thread.join()
        if self.error is not None:
            raise self.error

    def cancel(self) -> None:
        """Drop what is still queued and wait for the thread to end (before the files are removed)."""
        self.cancelled = True
        if self.thread.is_alive():
            self.items.put(None)
            self.thread.join()


@contextmanager
def commit_lock(out_dir: Path, shared: bool = False) -> Iterator[None]:
    """Held while a generation of tables is put in place (exclusive) or opened by a reader.

    Brief, unlike the run lock: a reader never waits for a run, only for its renames. A folder the
    lock file cannot be created in is read without it (nothing can commit there either).
    """
    try:
        handle = open(out_dir / COMMIT_LOCK_FILE, "a+", encoding="utf-8")
    except OSError:
        yield
        return
    with handle:
        fcntl.flock(handle, fcntl.LOCK_SH if shared else fcntl.LOCK_EX)
        yield


def recover(out_dir: Path) -> None:
    """Finish a commit that was interrupted (the journal is still there), then drop the journal."""
    if (out_dir / JOURNAL_FILE).exists():
        with commit_lock(out_dir):
            finish_journal(out_dir)


def finish_journal(out_dir: Path) -> None:
    """Carry out the renames and removals of the journal, if any (the caller holds the commit lock)."""
    journal = out_dir / JOURNAL_FILE
    if not journal.exists():
        return
    plan = json.loads(journal.read_text(encoding="utf-8"))
    for src, dst in plan["renames"]:
        try:
            os.replace(src, dst)
        except FileNotFoundError:  # renamed already, before the interruption
            pass
    for path in plan["remove"]:
        Path(path).unlink(missing_ok=True)
    dir_fd = os.open(out_dir, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)
    journal.unlink(missing_ok=True)


@contextmanager
def output_lock(out_dir: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``out_dir`` for the duration of a run; fail at once if it is taken."""
    out_dir.mkdir(parents=True, exist_ok=True)
    handle = open(out_dir / LOCK_FILE, "a+", encoding="utf-8")
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno in (errno.EAGAIN, errno.EACCES):
                handle.seek(0)
                holder = handle.read().strip() or "unknown"
                raise OutputLockedError(
                    f"another run is writing to {out_dir} (process {holder}); wait for it to finish"
                ) from None
            raise
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        yield
    finally:
        handle.close()


class ManifestRow(NamedTuple):
    """A row of the manifest: what a run wrote for one document, to tell whether a later run can reuse it."""

    doc_id: str
    sha256: str
    status: str
    pipeline_version: str
    model_version: str  # the model's fingerprint
    format: str
    n_rows: str  # rows per table: "documents=1;sentences=12;…"
    rows_sha256: str


MANIFEST_COLUMNS = ManifestRow._fields


class RowCheck:
    """Row counts per table (``documents=1;sentences=12;…``) and a digest of one document's rows.

    The manifest keeps both, so a later run can tell whether the rows it would reuse are still the
    rows this run wrote (not re-sorted, truncated or edited). The digest reads the rows as CSV lines
    (:func:`csv_text`), the same for the values written and for their CSV cells or Parquet values read back;
    the CSV writer's own text, so digesting costs no second pass over the cells. Rows may come in several
    fragments; each table keeps its own digest, so the order of fragments across tables does not matter.
    """

    def __init__(self) -> None:
        self.counts = {name: 0 for name in TABLE_NAMES}
        self.digests = {name: hashlib.sha256() for name in TABLE_NAMES}

    def add(self, name: str, n_rows: int, text: str) -> None:
        """Count ``n_rows`` rows of table ``name`` whose CSV lines are ``text``."""
        self.counts[name] += n_rows
        self.digests[name].update(text.encode("utf-8", "surrogatepass"))

    def update(self, rows: dict[str, list[Row]]) -> "RowCheck":
        """Count and digest rows (written or read back)."""
        for name, table_rows in rows.items():
            if table_rows:
                self.add(name, len(table_rows), csv_text(with_float_cells(name, table_rows)))
        return self

    def result(self) -> tuple[str, str]:
        counts = ";".join(f"{name}={n}" for name, n in self.counts.items())
        combined = hashlib.sha256("".join(d.hexdigest() for d in self.digests.values()).encode("ascii"))
        return counts, combined.hexdigest()[:32]


def write_manifest(path: Path, rows: list[ManifestRow]) -> None:
    """Write the manifest: one row per document of the run, in table order."""
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(MANIFEST_COLUMNS)
        writer.writerows(rows)
        handle.flush()
        os.fsync(handle.fileno())


def read_manifest(out_dir: Path) -> list[dict[str, str]]:
    """The manifest of the last complete run in ``out_dir`` (empty when there is none)."""
    path = out_dir / MANIFEST_FILE
    if not path.exists():
        return []
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def iter_table_rows(out_dir: Path, name: str, fmt: str) -> Iterator[Row]:
    """Stream the rows of a written base table as its row type (CSV cells as strings, Parquet cells typed)."""
    path = table_path(out_dir, name, fmt)
    row_type = ROW_TYPES[name]
    make, n_columns = row_type._make, len(row_type._fields)
    if fmt == "csv":
        with open(path, encoding="utf-8", newline="") as handle:
            reader = csv.reader(handle)
            next(reader, None)
            for line_no, cells in enumerate(reader, 2):
                if len(cells) > n_columns:
                    raise ValueError(f"{path}:{line_no}: {len(cells)} cells, table {name} has {n_columns} columns")
                # the last row of a truncated file: its missing cells are empty, and its document's rows no
                # longer match their digest in the manifest unless they are the rows that were written
                yield make(cells + [None] * (n_columns - len(cells)))
    else:
        parquet = pq.ParquetFile(path)
        for batch in parquet.iter_batches():
            yield from map(make, zip(*(column.to_pylist() for column in batch.columns)))


def read_table(source: Path | BinaryIO, name: str, fmt: str = "csv") -> pd.DataFrame:
    """Read one table with its schema: text stays text ("NA" is a name), empty numbers are NA."""
    schema = ALL_SCHEMAS[name]
    if fmt == "parquet":
        return pq.read_table(source).to_pandas().astype(schema)[list(schema)]
    na = {col: [""] for col, dtype in schema.items() if dtype != STR}
    frame = pd.read_csv(source, dtype=schema, keep_default_na=False, na_values=na, encoding="utf-8")
    return frame[list(schema)]


def new_generation() -> str:
    """A fresh id for a generation of tables: ``run.json`` and ``aggregates.json`` name the one they belong to."""
    return uuid.uuid4().hex


class GenerationReader:
    """The tables of one generation of an output folder, opened together and read on demand.

    Every table file is opened while the commit lock is held, so later reads see the generation that
    was complete at ``load`` time even if a run commits a new one in between (a replaced file lives on
    for its open handle). Each table is checked against the row counts of the run that wrote it.
    """

    def __init__(self, folder: Path) -> None:
        if not folder.is_dir():
            raise FileNotFoundError(f"output folder {folder} does not exist" if not folder.exists()
                                    else f"{folder} is not a folder of extraction tables")
        self.folder = folder
        self.handles: dict[str, tuple[str, BinaryIO]] = {}
        with commit_lock(folder):
            finish_journal(folder)
            run_path, aggregates_path = folder / RUN_FILE, folder / AGGREGATES_FILE
            self.run = json.loads(run_path.read_text(encoding="utf-8")) if run_path.exists() else {}
            self.aggregates = json.loads(aggregates_path.read_text(encoding="utf-8")) if aggregates_path.exists() else {}
            for name in TABLE_NAMES + AGGREGATE_NAMES:
                for fmt in FORMATS:
                    path = table_path(folder, name, fmt)
                    if path.exists():
                        self.handles[name] = (fmt, open(path, "rb"))
                        break
        weakref.finalize(self, GenerationReader.close_all, list(self.handles.values()))
        if "documents" not in self.handles:
            raise FileNotFoundError(f"no extraction tables in {folder} (run extract first)")

    @staticmethod
    def close_all(handles: list[tuple[str, BinaryIO]]) -> None:
        for _, handle in handles:
            handle.close()

    @property
    def aggregates_stale(self) -> bool:
        """Whether the aggregate files were computed from another generation of the base tables."""
        return any(name in self.handles for name in AGGREGATE_NAMES) and (
            self.aggregates.get("generation") != self.run.get("generation") or not self.run.get("generation"))

    def read(self, name: str) -> pd.DataFrame | None:
        """Table ``name`` of this generation (None when the folder has none), checked against its run."""
        if name not in self.handles:
            return None
        fmt, handle = self.handles[name]
        path = table_path(self.folder, name, fmt)
        handle.seek(0)
        if fmt == "csv":
            handle.seek(0, os.SEEK_END)
            size = handle.tell()
            handle.seek(max(size - 1, 0))
            if size and handle.read(1) != b"\n":
                raise TableError(f"{path}: the last row is cut off (the file does not end with a line break): "
                                 "the table is truncated; run extract again with --force")
            handle.seek(0)
        try:
            frame = read_table(handle, name, fmt)
        except (ValueError, pa.ArrowException) as exc:
            raise TableError(f"{path}: cannot be read as table {name} ({exc})") from None
        counts = self.aggregates.get("counts", {}) if name in AGGREGATE_NAMES else self.run.get("counts", {})
        expected = counts.get(name)
        if expected is not None and expected != len(frame):
            raise TableError(f"{path}: {len(frame):,} rows, but the run that wrote it wrote {expected:,}: "
                             "the table is truncated or was edited; run extract (or aggregate) again")
        return frame


def load(out_dir: str | os.PathLike[str] = "data/processed") -> Tables:
    """The tables of an output folder (CSV or Parquet) as typed DataFrames, each read on first access.

    All tables come from the one generation that was complete when ``load`` was called. Aggregates
    computed from an earlier generation are recomputed in memory, with a warning.
    """
    reader = GenerationReader(Path(out_dir))
    tables: Tables

    def read(name: str) -> pd.DataFrame:
        if name in AGGREGATE_NAMES and reader.aggregates_stale:
            from .aggregate import aggregate_frames

            log.warning("the aggregates in %s were computed from an earlier run; recomputed in memory "
                        "(python -m pipeline aggregate %s writes them again)", reader.folder, reader.folder)
            return aggregate_frames(tables)[name]
        frame = reader.read(name)
        return empty_frame(name) if frame is None else frame

    tables = Tables(run=reader.run, loader=read)
    tables._reader = reader  # keeps the open files of this generation for as long as the tables live
    return tables


def detect_format(out_dir: Path) -> str:
    """The format of the base tables in ``out_dir``."""
    for fmt in FORMATS:
        if table_path(out_dir, "documents", fmt).exists():
            return fmt
    raise FileNotFoundError(f"no extraction tables in {out_dir} (run extract first)")


def write_aggregates(out_dir: Path, frames: dict[str, pd.DataFrame], fmt: str, generation: str) -> None:
    """Write the aggregate tables and ``aggregates.json`` (their generation and row counts) as one commit.

    Every file is written to a temporary name first; only when all are written are they renamed into
    place, under the commit lock. A failure (a full disk) leaves the previous aggregates and no
    temporary files.
    """
    staged: list[tuple[Path, Path]] = []
    try:
        for name, frame in frames.items():
            path = table_path(out_dir, name, fmt)
            tmp = path.with_name(f".{path.name}.tmp")
            staged.append((tmp, path))
            rows = [tuple(None if pd.isna(v) else v for v in row) for row in frame.itertuples(index=False, name=None)]
            sink = SINKS[fmt](tmp, name)
            sink.write(rows)
            sink.close()
        meta_tmp = out_dir / f".{AGGREGATES_FILE}.tmp"
        staged.append((meta_tmp, out_dir / AGGREGATES_FILE))
        meta = {"generation": generation, "counts": {name: len(frame) for name, frame in frames.items()}}
        with open(meta_tmp, "w", encoding="utf-8") as handle:
            handle.write(json.dumps(meta, indent=2) + "\n")
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)
        raise
    with commit_lock(out_dir):
        for tmp, path in staged:
            os.replace(tmp, path)
        for name in frames:
            for other in FORMATS:
                if other != fmt:
                    table_path(out_dir, name, other).unlink(missing_ok=True)
