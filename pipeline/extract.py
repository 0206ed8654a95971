"""Extraction: documents in, rows out, tables written — the stage that drives all the others."""

from __future__ import annotations

import logging
import multiprocessing
import time
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

from spacy.language import Language
from spacy.tokens import Doc

from .ingest import RawDocument, discover, document_from_text, iter_documents
from .model import load_nlp
from .store import Tables, TableWriter, load
from .tables import TABLE_NAMES, DocRows, doc_to_rows, failed_rows
from .version import __version__

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Options:
    """How a run processes documents."""

    model: str | None = None
    n_process: int = 1
    batch_size: int = 64


@lru_cache(maxsize=4)
def get_nlp(model: str | None) -> Language:
    """The extraction pipeline for ``model``, loaded once per process."""
    return load_nlp(model)


def model_info(nlp: Language, requested: str | None) -> dict[str, str]:
    """Name and version of the pipeline for run.json."""
    meta = nlp.meta
    return {
        "requested": requested or "default",
        "name": f"{meta.get('lang', 'nl')}_{meta.get('name', 'pipeline')}",
        "version": str(meta.get("version", "")),
        "spacy_version": str(meta.get("spacy_version", "")),
    }


class DocumentProcessor:
    """Runs the pipeline on batches of documents and turns each into rows.

    A batch is processed with ``nlp.pipe``; when any document in it makes a component
    raise, the batch is redone one document at a time so that only the culprit becomes
    an error row, with the stage that failed in its message.
    """

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp

    def make_doc(self, raw: RawDocument) -> Doc:
        """Tokenize the body of ``raw`` and attach its reference date."""
        body = raw.body
        if len(body) > self.nlp.max_length:
            raise ValueError(f"{len(body)} characters, more than the pipeline's max_length {self.nlp.max_length}")
        doc = self.nlp.make_doc(body)
        doc._.doc_date = raw.doc_date
        return doc

    def process(self, raws: Sequence[RawDocument]) -> list[DocRows]:
        """Rows for each document of the batch, in order."""
        todo = [raw for raw in raws if raw.error is None]
        try:
            docs = list(self.nlp.pipe((self.make_doc(raw) for raw in todo), batch_size=max(len(todo), 1)))
            converted = {raw.doc_id: doc_to_rows(raw, doc) for raw, doc in zip(todo, docs)}
        except Exception:  # one bad document must not take the batch down: redo one by one
            converted = {raw.doc_id: self.process_one(raw) for raw in todo}
        return [failed_rows(raw, raw.error) if raw.error else converted[raw.doc_id] for raw in raws]

    def process_one(self, raw: RawDocument) -> DocRows:
        """Process one document stage by stage, turning a failure into an error row naming the stage."""
        stage = "tokenizer"
        try:
            doc = self.make_doc(raw)
            for stage, component in self.nlp.pipeline:
                doc = component(doc)
            stage = "tables"
            return doc_to_rows(raw, doc)
        except Exception as exc:
            message = f"{raw.doc_id}: stage {stage}: {type(exc).__name__}: {exc}"
            log.warning(message)
            return failed_rows(raw, message)


_worker: DocumentProcessor | None = None


def _init_worker(model: str | None) -> None:
    global _worker
    _worker = DocumentProcessor(get_nlp(model))


def _process_in_worker(raws: list[RawDocument]) -> list[DocRows]:
    assert _worker is not None, "worker not initialised"
    return _worker.process(raws)


def batches(items: Iterable[RawDocument], size: int) -> Iterator[list[RawDocument]]:
    """Consecutive lists of ``size`` items."""
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def process_documents(documents: Iterable[RawDocument], options: Options) -> Iterator[DocRows]:
    """Rows for every document, streamed in input order, on one or several processes."""
    if options.n_process <= 1:
        processor = DocumentProcessor(get_nlp(options.model))
        for batch in batches(documents, options.batch_size):
            yield from processor.process(batch)
        return
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        max_workers=options.n_process, mp_context=context, initializer=_init_worker, initargs=(options.model,)
    ) as pool:
        pending: deque[Future[list[DocRows]]] = deque()
        for batch in batches(documents, options.batch_size):
            pending.append(pool.submit(_process_in_worker, batch))
            if len(pending) >= 2 * options.n_process:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


def run_record(options: Options, nlp: Language, counts: dict, seconds: float, n_words: int) -> dict:
    """The contents of run.json."""
    return {
        "package": "pipeline",
        "version": __version__,
        "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "model": model_info(nlp, options.model),
        "options": asdict(options),
        "counts": counts,
        "timings": {
            "seconds": round(seconds, 3),
            "words": n_words,
            "words_per_second": round(n_words / seconds, 1) if seconds > 0 else None,
        },
    }


def summarize(doc_rows: DocRows, counts: dict[str, int], failures: list[str]) -> int:
    """Update the run counters with one document; return its token count."""
    document = doc_rows.rows["documents"][0]
    counts["documents_ok" if document[7] == "ok" else "documents_failed"] += 1
    if document[7] != "ok":
        failures.append(document[8])
    return document[6]


def run(
    raw_dir: str | Path = "data/raw",
    out_dir: str | Path = "data/processed",
    *,
    model: str | None = None,
    n_process: int = 1,
    batch_size: int = 64,
    progress: Callable[[int, int], None] | None = None,
) -> Tables:
    """Extract every article under ``raw_dir`` and write the tables to ``out_dir``; return them."""
    raw_path, out_path = Path(raw_dir), Path(out_dir)
    if not raw_path.is_dir():
        raise FileNotFoundError(f"raw folder not found: {raw_path}")
    options = Options(model=model, n_process=n_process, batch_size=batch_size)
    files, notes = discover(raw_path)
    for note in notes:
        log.info(note)
    nlp = get_nlp(model)
    started = time.perf_counter()
    counts = {"documents_ok": 0, "documents_failed": 0}
    failures: list[str] = []
    n_words = 0
    writer = TableWriter(out_path)
    try:
        for done, doc_rows in enumerate(process_documents(iter_documents(raw_path, files), options), 1):
            writer.write(doc_rows)
            n_words += summarize(doc_rows, counts, failures)
            if progress:
                progress(done, len(files))
        seconds = time.perf_counter() - started
        record = run_record(options, nlp, {**counts, **writer.counts}, seconds, n_words)
        record["failures"] = failures
        record["notes"] = notes
        writer.commit(record)
    except BaseException:
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
    texts = list(texts)
    ids = list(ids) if ids is not None else [f"doc{i}" for i in range(len(texts))]
    if len(ids) != len(texts) or (dates is not None and len(dates) != len(texts)):
        raise ValueError("texts, ids and dates must have the same length")
    if len(set(ids)) != len(ids):
        raise ValueError("document ids must be unique")
    documents = [
        document_from_text(doc_id, text, None if dates is None else dates[i]) for i, (doc_id, text) in enumerate(zip(ids, texts))
    ]
    options = Options(model=model, batch_size=batch_size)
    rows: dict[str, list[tuple]] = {name: [] for name in TABLE_NAMES}
    counts = {"documents_ok": 0, "documents_failed": 0}
    started = time.perf_counter()
    n_words = 0
    for doc_rows in process_documents(documents, options):
        for name, table_rows in doc_rows.rows.items():
            rows[name].extend(table_rows)
        n_words += summarize(doc_rows, counts, [])
    record = run_record(options, get_nlp(model), counts, time.perf_counter() - started, n_words)
    return Tables.from_rows(rows, record)
