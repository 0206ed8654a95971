"""Ingest: raw article files in, decoded documents with their reference date out."""

from __future__ import annotations

import errno
import hashlib
import os
import re
import stat
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Iterator

HEADER_RE = re.compile(
    r"\A\s*date\s+(?P<value>[0-9][0-9-]*)(?:T(?P<time>\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?))?"
    r"(?=\s|\Z)\s*"
)
VALID_DATE_RE = re.compile(r"\A(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?\Z")
FALLBACK_ENCODINGS = ("cp1252", "latin-1")
MAX_CONTROL_SHARE = 0.05
MAX_DOCUMENT_BYTES = 20_000_000
CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f]")


class IngestError(ValueError):
    """A document that cannot be read as text."""


@dataclass
class RawDocument:
    """One article: its decoded text, where the body starts and its reference date."""

    doc_id: str
    text: str
    path: str = ""
    sha256: str = ""
    body_start: int = 0
    doc_date: str | None = None
    warnings: list[str] = field(default_factory=list)
    error: str | None = None

    @property
    def body(self) -> str:
        """The article text after the metadata header."""
        return self.text[self.body_start :]


def validate_date(value: str) -> str:
    """Return ``value`` when it is ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` and a real date, else raise."""
    match = VALID_DATE_RE.match(value)
    if not match:
        raise ValueError(f"date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    year = int(match["year"])
    month = int(match["month"] or 1)
    day = int(match["day"] or 1)
    try:
        date(year, month, day)
    except ValueError as exc:
        raise ValueError(f"date {value!r} is not a calendar date ({exc})") from None
    return value


def parse_header(text: str) -> tuple[str | None, int, str | None]:
    """Split the optional `` date YYYY[-MM[-DD[Thh:mm[:ss][zone]]]] `` header off ``text``.

    Returns (reference date or None, offset where the body starts, problem or None). A time of day
    is accepted and not used (dates resolve by day). A malformed date is still a header (it is
    skipped), but gives no reference date.
    """
    match = HEADER_RE.match(text)
    if not match:
        return None, 0, None
    try:
        value = validate_date(match["value"])
        if match["time"] and len(value) != 10:
            raise ValueError(f"a time of day needs a full date, not {value!r}")
        return value, match.end(), None
    except ValueError as exc:
        return None, match.end(), f"malformed date header: {exc}"


def decode(data: bytes) -> tuple[str, str | None]:
    """Decode article bytes: UTF-8, else cp1252/latin-1 with a warning; raise on binary data."""
    if not data.strip():
        raise IngestError("empty document")
    if len(data) > MAX_DOCUMENT_BYTES:
        raise IngestError(f"document too large ({len(data):,} bytes; the limit is {MAX_DOCUMENT_BYTES:,})")
    try:
        text, warning = data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        for encoding in FALLBACK_ENCODINGS:
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            warning = f"not valid UTF-8 ({exc.reason} at byte {exc.start}); read as {encoding}"
            break
    controls = len(CONTROL_RE.findall(text))
    if controls > MAX_CONTROL_SHARE * len(text):
        raise IngestError(f"binary file or not a text encoding we read ({controls} control characters in {len(text)})")
    return text, warning


def document_from_text(doc_id: str, text: str, doc_date: str | None = None, path: str = "") -> RawDocument:
    """Build a document from text in memory; a header in the text is honoured unless a date is given."""
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    header_date, body_start, problem = parse_header(text)
    doc = RawDocument(doc_id=doc_id, text=text, path=path, sha256=sha, body_start=body_start)
    if problem:
        doc.warnings.append(problem)
    doc.doc_date = header_date
    if doc_date is not None:
        try:
            doc.doc_date = validate_date(str(doc_date))
        except ValueError as exc:
            doc.warnings.append(f"malformed document date: {exc}")
    return doc


def read_file_bytes(path: Path) -> bytes:
    """The bytes of a regular file; raise OSError for anything else (a FIFO is never waited on)."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise IsADirectoryError(errno.EINVAL, "not a regular file", str(path))
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read()
    finally:
        os.close(fd)


def read_document(path: Path, raw_dir: Path) -> RawDocument:
    """Read one article file; a file that cannot be read or decoded becomes the document's ``error``."""
    doc_id = document_id(path, raw_dir)
    try:
        data = read_file_bytes(path)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        return RawDocument(doc_id=doc_id, text="", path=str(path), error=f"{doc_id}: stage ingest: cannot read {path}: {reason}")
    sha = hashlib.sha256(data).hexdigest()
    try:
        text, warning = decode(data)
    except IngestError as exc:
        return RawDocument(doc_id=doc_id, text="", path=str(path), sha256=sha, error=f"{doc_id}: stage ingest: {exc}")
    doc = document_from_text(doc_id, text, path=str(path))
    doc.sha256 = sha
    if warning:
        doc.warnings.insert(0, warning)
    return doc


def document_id(path: Path, raw_dir: Path) -> str:
    """Document id: the path relative to the raw folder, without ``.txt``, with ``/`` separators."""
    return path.relative_to(raw_dir).with_suffix("").as_posix()


def discover(raw_dir: Path) -> tuple[list[Path], list[str]]:
    """The article files under ``raw_dir`` in a stable order, and notes on what was skipped.

    A ``.txt`` entry that cannot be read (a dangling symlink, a symlink loop, no permission) is kept:
    it becomes an error row. Entries that are not regular files (FIFOs, sockets, devices) are skipped.
    """
    root = os.path.realpath(raw_dir)
    files: list[Path] = []
    notes: list[str] = []
    for path in sorted(raw_dir.rglob("*")):
        if path.is_dir():
            continue
        if path.suffix != ".txt":
            notes.append(f"{path}: skipped, not a .txt file")
            continue
        if path.is_symlink() and os.path.commonpath([root, os.path.realpath(path)]) != root:
            notes.append(f"{path}: skipped, symlink pointing outside {raw_dir}")
            continue
        try:
            mode = path.stat().st_mode
        except (OSError, RuntimeError):  # dangling or looping symlink: an error row, not a crash
            files.append(path)
            continue
        if not stat.S_ISREG(mode):
            notes.append(f"{path}: skipped, not a regular file")
            continue
        files.append(path)
    return files, notes


def iter_documents(raw_dir: Path, files: list[Path] | None = None) -> Iterator[RawDocument]:
    """Read the article files one at a time (streaming, in discovery order)."""
    for path in files if files is not None else discover(raw_dir)[0]:
        yield read_document(path, raw_dir)
