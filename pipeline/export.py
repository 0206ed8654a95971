"""Export: the tables of an output folder as one Excel workbook that spreadsheets open safely.

The CSV tables are faithful to the text (offsets depend on it), so a cell may start with ``=``,
``+``, ``-`` or ``@`` and a spreadsheet that opens the CSV would run it as a formula. In the
workbook every text cell is written as a string, never as a formula, link or number.
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import xlsxwriter

from .schema import AGGREGATE_NAMES, ALL_SCHEMAS, BOOL, FLOAT, INT, STR, TABLE_NAMES
from .store import load

MAX_ROWS = 1_048_576 - 1  # a worksheet's rows, less the header; longer tables go on to a next sheet


def export_xlsx(out_dir: str | Path = "data/processed", path: str | Path | None = None) -> Path:
    """Write every table of ``out_dir`` to ``path`` (default ``OUT_DIR/tables.xlsx``); return the path."""
    folder = Path(out_dir)
    tables = load(folder)
    target = Path(path) if path is not None else folder / "tables.xlsx"
    tmp = target.with_name(f".{target.name}.tmp")
    options = {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
               "strings_to_numbers": False, "nan_inf_to_errors": True}
    try:
        with xlsxwriter.Workbook(str(tmp), options) as workbook:
            for name in TABLE_NAMES + AGGREGATE_NAMES:
                write_table(workbook, name, tables[name])
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    return target


def write_table(workbook: xlsxwriter.Workbook, name: str, frame: pd.DataFrame) -> None:
    """One table as one worksheet (or several, past Excel's row limit); text always as strings."""
    schema = ALL_SCHEMAS[name]
    writers = [WRITERS[dtype] for dtype in schema.values()]
    for part, first in enumerate(range(0, max(len(frame), 1), MAX_ROWS)):
        sheet = workbook.add_worksheet(name if part == 0 else f"{name} ({part + 1})")
        for j, column in enumerate(schema):
            sheet.write_string(0, j, column)
        for i, row in enumerate(frame.iloc[first : first + MAX_ROWS].itertuples(index=False, name=None), 1):
            for j, (write, value) in enumerate(zip(writers, row)):
                if not pd.isna(value):
                    write(sheet, i, j, value)


WRITERS = {
    STR: lambda sheet, i, j, v: sheet.write_string(i, j, str(v)),
    INT: lambda sheet, i, j, v: sheet.write_number(i, j, int(v)),
    FLOAT: lambda sheet, i, j, v: sheet.write_number(i, j, float(v)),
    BOOL: lambda sheet, i, j, v: sheet.write_boolean(i, j, bool(v)),
}
