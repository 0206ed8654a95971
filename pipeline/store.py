"""Writing tables to an output folder (atomically) and reading them back with their dtypes."""

from __future__ import annotations

import csv
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import pandas as pd

from .tables import SCHEMAS, STR, TABLE_NAMES, DocRows, empty_frame, rows_to_frame

RUN_FILE = "run.json"


@dataclass
class Tables:
    """The extraction tables as pandas DataFrames, one attribute per table."""

    documents: pd.DataFrame
    sentences: pd.DataFrame
    tokens: pd.DataFrame
    entities: pd.DataFrame
    figures: pd.DataFrame
    dates: pd.DataFrame
    run: dict[str, Any] = field(default_factory=dict)

    def __getitem__(self, name: str) -> pd.DataFrame:
        return getattr(self, name)

    @classmethod
    def from_rows(cls, rows: dict[str, list[tuple]], run: dict[str, Any] | None = None) -> "Tables":
        """Build typed tables from rows collected in memory."""
        return cls(**{name: rows_to_frame(name, rows.get(name, [])) for name in TABLE_NAMES}, run=run or {})


def atomic_write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` via a temporary file in the same folder and a rename."""
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "w", encoding="utf-8", newline="") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


class TableWriter:
    """Stream rows into temporary CSV files; ``commit`` renames them into place all at once.

    Until ``commit`` the previous tables in ``out_dir`` stay untouched, so an interrupted
    run never leaves a half-written table behind.
    """

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir
        out_dir.mkdir(parents=True, exist_ok=True)
        self.counts = {name: 0 for name in TABLE_NAMES}
        self._handles: dict[str, IO[str]] = {}
        self._writers: dict[str, Any] = {}
        for name in TABLE_NAMES:
            handle = open(self._tmp_path(name), "w", encoding="utf-8", newline="")
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(SCHEMAS[name])
            self._handles[name] = handle
            self._writers[name] = writer

    def _tmp_path(self, name: str) -> Path:
        return self.out_dir / f".{name}.csv.tmp"

    def write(self, doc_rows: DocRows) -> None:
        """Append one document's rows."""
        for name, rows in doc_rows.rows.items():
            if rows:
                self._writers[name].writerows(rows)
                self.counts[name] += len(rows)

    def commit(self, run: dict[str, Any]) -> None:
        """Flush, fsync and rename every table into place, then write ``run.json``."""
        for name, handle in self._handles.items():
            handle.flush()
            os.fsync(handle.fileno())
            handle.close()
        for name in TABLE_NAMES:
            os.replace(self._tmp_path(name), self.out_dir / f"{name}.csv")
        atomic_write_text(self.out_dir / RUN_FILE, json.dumps(run, indent=2, ensure_ascii=False) + "\n")

    def abort(self) -> None:
        """Drop the temporary files; the previous tables stay as they were."""
        for name, handle in self._handles.items():
            handle.close()
            self._tmp_path(name).unlink(missing_ok=True)


def read_table(path: Path, schema: dict[str, str]) -> pd.DataFrame:
    """Read one CSV table with its schema: text stays text ("NA" is a name), empty numbers are NA."""
    na = {col: [""] for col, dtype in schema.items() if dtype != STR}
    frame = pd.read_csv(
        path,
        dtype=schema,
        keep_default_na=False,
        na_values=na,
        encoding="utf-8",
    )
    return frame[list(schema)]


def load(out_dir: str | os.PathLike[str] = "data/processed") -> Tables:
    """Read the tables of an output folder back as typed DataFrames."""
    folder = Path(out_dir)
    frames = {}
    for name in TABLE_NAMES:
        path = folder / f"{name}.csv"
        frames[name] = read_table(path, SCHEMAS[name]) if path.exists() else empty_frame(name)
    run_path = folder / RUN_FILE
    run = json.loads(run_path.read_text(encoding="utf-8")) if run_path.exists() else {}
    return Tables(**frames, run=run)
