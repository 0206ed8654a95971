"""Processing: run the spaCy pipeline over documents and turn each into rows."""

from __future__ import annotations

import contextlib
import logging
import pickle
import queue
import re
import sys
import tempfile
import threading
from typing import Callable, ContextManager, Iterable, Iterator, Sequence
from weakref import WeakSet

from spacy.language import Language
from spacy.pipeline import TrainablePipe
from spacy.tokens import Doc

from .ingest import RawDocument
from .schema import DocRows
from .tables import RowBuilder, doc_to_rows, failed_rows

log = logging.getLogger(__name__)

PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
LINE_BREAK = re.compile(r"\n")
SENTENCE_END = re.compile(r"[.!?…][\"'”’)]*\s+")
SPACE = re.compile(r"\s")
MAX_PIECE_CHARS = 100_000
# The model runs this many documents at a time on its own thread while the rules work on the ones before, at most
# MODEL_AHEAD such parts ahead of them (each Doc holds its tok2vec output until its rows are made).
MODEL_BATCH = 16
MODEL_AHEAD = 3
# A process that runs its batches one after the other (one process, a Dask worker) gives this many a memory zone:
# the model's thread runs on through them, and only at the zone's end do the rules of its last MODEL_BATCH
# documents run alone (with a zone per batch of 64, a quarter of the rules' time ran so).
ZONE_BATCHES = 8
# How long a thread may hold the interpreter lock while the other waits for it: the model thread takes it back after
# each stretch of numeric code, and with the default 5 ms it would wait on the rules most of the time (400 articles,
# the settings interleaved in one process, medians of two: 42.6 s with 5 ms, 37.1 with 0.5 ms, 34.5 with 0.1 ms,
# 37.6 with 0.02 ms).
SWITCH_INTERVAL = 0.0001
# pipelines that have run their first batch outside a memory zone (see DocumentProcessor.zone)
WARMED: WeakSet[Language] = WeakSet()


def split_long_text(text: str, limit: int) -> list[tuple[int, str]]:
    """Cut ``text`` into pieces of at most ``limit`` characters, at paragraph breaks where possible.

    Falls back to line breaks, then to sentence ends, then to any whitespace, then to a hard cut. The
    pieces concatenate back to ``text`` exactly; each comes with its offset.
    """
    pieces: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = 0
        for pattern in (PARAGRAPH_BREAK, LINE_BREAK, SENTENCE_END, SPACE):
            ends = [m.end() for m in pattern.finditer(window)]
            if ends and ends[-1] > limit // 4:
                cut = ends[-1]
                break
        cut = cut or limit
        pieces.append((start, text[start : start + cut]))
        start += cut
    pieces.append((start, text[start:]))
    return pieces


class DocumentProcessor:
    """Runs the pipeline on batches of documents and turns each into rows.

    A batch is processed with ``nlp.pipe`` inside a memory zone, so nothing per document stays in the
    vocabulary across a long run, but for the first batch a loaded pipeline processes (see :meth:`zone`).
    A document that makes a rule raise becomes an error row, with the stage that failed in its message; when
    the model raises, the documents of the batch not done yet are redone one at a time, so that again only
    the culprit becomes an error row. A document longer than ``piece_chars`` is processed one
    sentence-aligned piece at a time, its rows spooled to a temporary file, so memory does not grow with
    document size; it comes out as several fragments of rows, the last one complete.

    Within a call the model (the components up to the last trained one) and the rules after it run on two
    threads: the rules work on a few documents while the model goes on with the next ones, in the stretches
    where its numeric code has released the interpreter lock. Rows come out document by document as the rules
    finish them.
    """

    def __init__(self, nlp: Language, piece_chars: int | None = None) -> None:
        self.nlp = nlp
        self.piece_chars = min(piece_chars or MAX_PIECE_CHARS, nlp.max_length)
        trained = [i for i, (_, component) in enumerate(nlp.pipeline) if isinstance(component, TrainablePipe)]
        split = trained[-1] + 1 if trained else 0
        self.model, self.rules = nlp.pipeline[:split], nlp.pipeline[split:]

    @property
    def rule_names(self) -> list[str]:
        """The names of the components that run after the model, on the caller's thread."""
        return [name for name, _ in self.rules]

    def make_doc(self, raw: RawDocument, text: str) -> Doc:
        """Tokenize ``text`` (the body or a piece of it) and attach the document's reference date."""
        doc = self.nlp.make_doc(text)
        doc._.doc_date = raw.doc_date
        return doc

    def zone(self) -> ContextManager:
        """A memory zone for the documents of one :meth:`process` call; none for the first call on a loaded
        pipeline.

        Inside a zone spaCy's tokenizer does not fill its cache and every new word's lexeme is made again
        in each zone: tokenizing takes twice as long as with the words of one batch kept. The first call's
        words stay (the vocabulary grows by them, once), and with them most words of later articles.
        """
        if self.nlp in WARMED:
            return self.nlp.memory_zone()
        WARMED.add(self.nlp)
        return contextlib.nullcontext()

    def process(self, raws: Sequence[RawDocument]) -> Iterator[DocRows]:
        """Rows for each document of the batch, in order (a long document as several fragments)."""
        short: list[RawDocument] = []
        for raw in raws:
            if raw.error is None and len(raw.body) > self.piece_chars:
                yield from self.process_short(short)
                short = []
                yield from self.process_long(raw)
            else:
                short.append(raw)
        yield from self.process_short(short)

    def process_short(self, raws: Sequence[RawDocument]) -> Iterator[DocRows]:
        """Rows of documents of one piece each, in order as they are done, run through the model together in one
        memory zone."""
        if not raws:
            return
        with self.zone(), contextlib.closing(self.modelled([raw for raw in raws if raw.error is None])) as docs:
            model_failed = False
            for raw in raws:
                if raw.error is not None:
                    yield failed_rows(raw, raw.error)
                    continue
                if not model_failed:
                    try:
                        doc = next(docs)
                    except Exception:  # the model failed on a part of the batch (its thread has stopped): the rest
                        model_failed = True  # one by one
                yield self.process_one(raw) if model_failed else self.finish(raw, doc)

    def modelled(self, raws: Sequence[RawDocument]) -> Iterator[Doc]:
        """The Docs of ``raws`` through the model's components, in order, made on a second thread
        ``MODEL_BATCH`` at a time; once the iterator is done or closed that thread has stopped, so the
        pipeline is free for one-by-one runs."""
        made: queue.SimpleQueue[list[Doc] | BaseException | None] = queue.SimpleQueue()
        stop = threading.Event()
        room = threading.Semaphore(MODEL_AHEAD)  # parts the model may make before the rules have taken them

        def run() -> None:
            try:
                rules = self.rule_names
                for start in range(0, len(raws), MODEL_BATCH):
                    room.acquire()
                    if stop.is_set():
                        return
                    part = raws[start : start + MODEL_BATCH]
                    docs = (self.make_doc(raw, raw.body) for raw in part)
                    made.put(list(self.nlp.pipe(docs, batch_size=len(part), disable=rules)))
                made.put(None)
            except BaseException as exc:  # raised again on the caller's thread
                made.put(exc)

        thread = threading.Thread(target=run, name="model", daemon=True)
        with switch_interval(SWITCH_INTERVAL):
            thread.start()
            try:
                while (docs := made.get()) is not None:
                    if isinstance(docs, BaseException):
                        raise docs
                    yield from docs
                    room.release()
            finally:
                stop.set()
                room.release()  # a model thread waiting for room wakes up to stop
                thread.join()

    def finish(self, raw: RawDocument, doc: Doc) -> DocRows:
        """The rules on a Doc the model has processed, then its rows; a failure becomes the document's error
        row, naming the stage."""
        try:
            doc = run_stages(self.rules, doc)
        except StageError as exc:
            return self.failure(raw, exc.stage, exc.error)
        try:
            return doc_to_rows(raw, [(0, doc)])
        except Exception as exc:
            return self.failure(raw, "tables", exc)

    def run_components(self, doc: Doc) -> Doc:
        """Run every component on ``doc``; a failure names its component in ``StageError``."""
        return run_stages(self.nlp.pipeline, doc)

    def process_one(self, raw: RawDocument) -> DocRows:
        """Process one short document stage by stage, turning a failure into an error row naming the stage."""
        try:
            doc = run_stages(self.model, self.make_doc(raw, raw.body))
        except StageError as exc:
            return self.failure(raw, exc.stage, exc.error)
        except Exception as exc:
            return self.failure(raw, "tokenizer", exc)
        return self.finish(raw, doc)

    def process_long(self, raw: RawDocument) -> Iterator[DocRows]:
        """Rows of a long document, piece by piece: nothing comes out unless every piece succeeds."""
        builder = RowBuilder(raw)
        with tempfile.TemporaryFile() as spool:
            pieces = 0
            for offset, piece in split_long_text(raw.body, self.piece_chars):
                stage = "tokenizer"
                try:
                    with self.nlp.memory_zone():
                        doc = self.run_components(self.make_doc(raw, piece))
                        stage = "tables"
                        pickle.dump(builder.add(offset, doc), spool, protocol=pickle.HIGHEST_PROTOCOL)
                except StageError as exc:
                    yield self.failure(raw, exc.stage, exc.error)
                    return
                except Exception as exc:
                    yield self.failure(raw, stage, exc)
                    return
                pieces += 1
            spool.seek(0)
            for _ in range(pieces):
                yield pickle.load(spool)
        yield builder.finish()

    @staticmethod
    def failure(raw: RawDocument, stage: str, error: BaseException) -> DocRows:
        message = f"{raw.doc_id}: stage {stage}: {type(error).__name__}: {error}"
        log.warning(message)
        return failed_rows(raw, message)


def run_stages(components: Iterable[tuple[str, Callable[[Doc], Doc]]], doc: Doc) -> Doc:
    """Run ``components`` (name, component) on ``doc`` in turn; a failure names its component in ``StageError``."""
    for name, component in components:
        try:
            doc = component(doc)
        except Exception as exc:
            raise StageError(name, exc) from exc
    return doc


@contextlib.contextmanager
def switch_interval(seconds: float) -> Iterator[None]:
    """Threads hand over the interpreter lock after ``seconds`` inside the block (see ``sys.setswitchinterval``)."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(seconds)
    try:
        yield
    finally:
        sys.setswitchinterval(before)


class StageError(Exception):
    """A pipeline component failed on a document."""

    def __init__(self, stage: str, error: Exception) -> None:
        super().__init__(f"{stage}: {error}")
        self.stage = stage
        self.error = error
