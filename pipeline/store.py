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
import json
import os
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from .tables import (
    AGGREGATE_NAMES,
    ALL_SCHEMAS,
    BOOL,
    FLOAT,
    INT,
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
FORMATS = ("csv", "parquet")
PARQUET_ROW_GROUP = 50_000

ARROW_TYPES = {STR: pa.string(), INT: pa.int64(), FLOAT: pa.float64(), BOOL: pa.bool_()}


class OutputLockedError(RuntimeError):
    """Another run is writing to the same output folder."""


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


class CsvSink:
    """Rows of one table streamed to a CSV file."""

    def __init__(self, path: Path, name: str) -> None:
        self.handle = open(path, "w", encoding="utf-8", newline="")
        self.writer = csv.writer(self.handle, lineterminator="\r\n")
        self.writer.writerow(ALL_SCHEMAS[name])

    def write(self, rows: list[Row]) -> None:
        self.writer.writerows(rows)

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

    def write(self, rows: list[Row]) -> None:
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

    def write(self, doc_rows: DocRows) -> None:
        """Append one document's rows."""
        for name, rows in doc_rows.rows.items():
            if rows:
                self.sinks[name].write(rows)
                self.counts[name] += len(rows)

    def commit(self, run: dict[str, Any], manifest: list[Row] | None = None) -> None:
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
        """Drop the temporary files; the previous tables stay as they were."""
        for name, sink in self.sinks.items():
            try:
                sink.close()
            except Exception:  # a half-built file is deleted next anyway
                pass
            self.tmp_path(name).unlink(missing_ok=True)


def recover(out_dir: Path) -> None:
    """Finish a commit that was interrupted (the journal is still there), then drop the journal."""
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


MANIFEST_COLUMNS = ("doc_id", "sha256", "status", "pipeline_version", "model_version", "format", "n_rows", "rows_sha256")


def _cell_text(dtype: str) -> Callable[[Any], str]:
    """How a cell of ``dtype`` is written for the row digest: the same for a value and its CSV or Parquet read-back."""
    def empty(value: Any) -> bool:
        return value is None or value == ""

    if dtype == INT:
        return lambda v: "" if empty(v) else str(int(v))
    if dtype == FLOAT:
        return lambda v: "" if empty(v) else repr(float(v))
    if dtype == BOOL:
        return lambda v: "" if empty(v) else ("1" if v is True or v == "True" else "0")
    return lambda v: "" if v is None else str(v)


CELL_TEXT = {name: [_cell_text(dtype) for dtype in ALL_SCHEMAS[name].values()] for name in TABLE_NAMES}


def row_check(rows: dict[str, list[Row]]) -> tuple[str, str]:
    """Row counts per table (``documents=1;sentences=12;…``) and a digest of one document's rows.

    The manifest keeps both, so a later run can tell whether the rows it would reuse are still the
    rows this run wrote (not re-sorted, truncated or edited).
    """
    digest = hashlib.sha256()
    counts = []
    for name in TABLE_NAMES:
        table_rows = rows.get(name, [])
        counts.append(f"{name}={len(table_rows)}")
        cells = CELL_TEXT[name]
        for row in table_rows:
            digest.update("\x1f".join(text(v) for text, v in zip(cells, row)).encode("utf-8", "surrogatepass"))
            digest.update(b"\x1e")
    return ";".join(counts), digest.hexdigest()[:32]


def write_manifest(path: Path, rows: list[Row]) -> None:
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
    """Stream the rows of a written table (CSV rows as strings, Parquet rows typed)."""
    path = table_path(out_dir, name, fmt)
    if fmt == "csv":
        with open(path, encoding="utf-8", newline="") as handle:
            reader = csv.reader(handle)
            next(reader, None)
            for row in reader:
                yield tuple(row)
    else:
        parquet = pq.ParquetFile(path)
        for batch in parquet.iter_batches():
            yield from zip(*(column.to_pylist() for column in batch.columns))


def read_table(path: Path, name: str) -> pd.DataFrame:
    """Read one table with its schema: text stays text ("NA" is a name), empty numbers are NA."""
    schema = ALL_SCHEMAS[name]
    if path.suffix == ".parquet":
        return pq.read_table(path).to_pandas().astype(schema)[list(schema)]
    na = {col: [""] for col, dtype in schema.items() if dtype != STR}
    frame = pd.read_csv(path, dtype=schema, keep_default_na=False, na_values=na, encoding="utf-8")
    return frame[list(schema)]


def load(out_dir: str | os.PathLike[str] = "data/processed") -> Tables:
    """The tables of an output folder (CSV or Parquet) as typed DataFrames, each read on first access."""
    folder = Path(out_dir)
    recover(folder)
    run_path = folder / RUN_FILE
    run = json.loads(run_path.read_text(encoding="utf-8")) if run_path.exists() else {}

    def read(name: str) -> pd.DataFrame:
        for fmt in FORMATS:
            path = table_path(folder, name, fmt)
            if path.exists():
                return read_table(path, name)
        return empty_frame(name)

    return Tables(run=run, loader=read)


def detect_format(out_dir: Path) -> str:
    """The format of the base tables in ``out_dir``."""
    for fmt in FORMATS:
        if table_path(out_dir, "documents", fmt).exists():
            return fmt
    raise FileNotFoundError(f"no extraction tables in {out_dir} (run extract first)")


def write_frame(out_dir: Path, name: str, frame: pd.DataFrame, fmt: str) -> None:
    """Write one DataFrame as table ``name`` atomically (temporary file, then rename)."""
    path = table_path(out_dir, name, fmt)
    tmp = path.with_name(f".{path.name}.tmp")
    rows = [tuple(None if pd.isna(v) else v for v in row) for row in frame.itertuples(index=False, name=None)]
    sink = SINKS[fmt](tmp, name)
    sink.write(rows)
    sink.close()
    os.replace(tmp, path)
    for other in FORMATS:
        if other != fmt:
            table_path(out_dir, name, other).unlink(missing_ok=True)
