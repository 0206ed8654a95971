"""Processing backends: one process, a local process pool, or a Dask cluster.

Every backend takes documents in order and yields their rows in the same order, so the tables
are identical whichever backend, process count or batch size produced them.
"""

from __future__ import annotations

import multiprocessing
import shutil
import uuid
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from pathlib import Path
from typing import Iterable, Iterator, TypeVar

from .ingest import RawDocument, iter_documents
from .model import get_nlp
from .processing import ZONE_BATCHES, DocumentProcessor
from .schema import TABLE_NAMES, DocRows
from .store import TableWriter, iter_table_rows

T = TypeVar("T")
BACKENDS = ("local", "dask")


def batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of ``size`` items."""
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def zone_groups(documents: Iterable[T], batch_size: int) -> Iterator[list[T]]:
    """The documents a process runs one after the other (a one-process run, a Dask partition), a memory zone at a
    time: the first batch alone (a loaded pipeline runs its first one outside any zone, and the vocabulary keeps its
    words), then ``ZONE_BATCHES`` batches at a time."""
    iterator = iter(documents)
    yield from batches(islice(iterator, batch_size), batch_size)
    yield from batches(iterator, batch_size * ZONE_BATCHES)


def worker_batch_size(n_documents: int, n_workers: int, batch_size: int) -> int:
    """Documents per task handed to a worker: ``batch_size``, or fewer in a short run.

    Every worker gets at least four tasks, so that none goes on alone with a last batch while the others idle.
    """
    if n_workers <= 1:
        return batch_size
    return max(1, min(batch_size, -(-n_documents // (4 * n_workers))))


def _process_batch_in_worker(model: str | None, raws: list[RawDocument]) -> list[DocRows]:
    return list(DocumentProcessor(get_nlp(model)).process(raws))


def pool_context(model: str | None) -> multiprocessing.context.BaseContext:
    """Forked workers where the platform forks: they share the pipeline this process loads once (copy on
    write) instead of each loading its own (seconds and hundreds of MB apiece); spawned ones elsewhere."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    get_nlp(model)
    return multiprocessing.get_context("fork")


def local_rows(
    documents: Iterable[RawDocument], model: str | None, n_process: int = 1, batch_size: int = 64
) -> Iterator[DocRows]:
    """Rows of every document, in input order, on this process or a pool of ``n_process`` workers."""
    if n_process <= 1:
        processor = DocumentProcessor(get_nlp(model))
        for group in zone_groups(documents, batch_size):
            yield from processor.process(group)
        return
    with ProcessPoolExecutor(max_workers=n_process, mp_context=pool_context(model)) as pool:
        pending: deque[Future[list[DocRows]]] = deque()
        for batch in batches(documents, batch_size):
            pending.append(pool.submit(_process_batch_in_worker, model, batch))
            if len(pending) >= 2 * n_process:  # bounded look-ahead keeps memory flat
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


def process_partition(
    paths: list[str], raw_dir: str, model: str | None, batch_size: int, part_dir: str
) -> str:
    """Dask task: read, process and write one partition of documents; return its folder."""
    processor = DocumentProcessor(get_nlp(model))
    writer = TableWriter(Path(part_dir), fmt="parquet")
    for group in zone_groups(iter_documents(Path(raw_dir), [Path(p) for p in paths]), batch_size):
        for doc_rows in processor.process(group):
            writer.write(doc_rows)
    writer.finish()
    return part_dir


def read_partition(part_dir: Path) -> Iterator[DocRows]:
    """The rows of a written partition, grouped back into documents in their order."""
    grouped: dict[str, DocRows] = {}
    for name in TABLE_NAMES:
        for row in iter_table_rows(part_dir, name, "parquet"):
            grouped.setdefault(row.doc_id, DocRows(row.doc_id)).rows[name].append(row)
    return iter(grouped.values())


def dask_rows(
    paths: list[Path],
    raw_dir: Path,
    model: str | None,
    out_dir: Path,
    scheduler: str = "local",
    n_workers: int = 2,
    batch_size: int = 64,
    partition_size: int = 256,
) -> Iterator[DocRows]:
    """Rows of every document, in order, computed on a Dask cluster.

    ``scheduler`` is ``local`` (start a LocalCluster of ``n_workers`` processes) or the address of
    an existing scheduler (``tcp://host:port``). Workers read the raw files and write their partition
    under ``out_dir`` themselves, so both folders must be on storage every worker can reach.
    """
    from dask.distributed import Client, LocalCluster

    cluster = (
        LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True, dashboard_address=None)
        if scheduler == "local"
        else None
    )
    client = Client(cluster if cluster is not None else scheduler)
    parts_root = out_dir / f".parts-{uuid.uuid4().hex[:8]}"
    partition_size = worker_batch_size(len(paths), n_workers, partition_size)
    try:
        futures = [
            client.submit(
                process_partition,
                [str(p.resolve()) for p in part],
                str(raw_dir.resolve()),
                model,
                batch_size,
                str((parts_root / f"{i:06d}").resolve()),
                pure=False,
            )
            for i, part in enumerate(batches(paths, partition_size))
        ]
        for future in futures:
            part_dir = Path(future.result())
            yield from read_partition(part_dir)
            shutil.rmtree(part_dir, ignore_errors=True)
    finally:
        shutil.rmtree(parts_root, ignore_errors=True)
        client.close()
        if cluster is not None:
            cluster.close()
