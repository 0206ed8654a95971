"""Processing: run the spaCy pipeline over documents and turn each into rows."""

from __future__ import annotations

import logging
import re
from typing import Iterator, Sequence

from spacy.language import Language
from spacy.tokens import Doc

from .ingest import RawDocument
from .tables import DocRows, doc_to_rows, failed_rows

log = logging.getLogger(__name__)

PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
LINE_BREAK = re.compile(r"\n")
SPACE = re.compile(r"\s")


def split_long_text(text: str, limit: int) -> list[tuple[int, str]]:
    """Cut ``text`` into pieces of at most ``limit`` characters, at paragraph breaks where possible.

    Falls back to line breaks, then to any whitespace, then to a hard cut. The pieces concatenate
    back to ``text`` exactly; each comes with its offset.
    """
    pieces: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = 0
        for pattern in (PARAGRAPH_BREAK, LINE_BREAK, SPACE):
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

    A batch is processed with ``nlp.pipe`` inside a memory zone (so nothing per document stays
    in the vocabulary across a long run). When any document makes a component raise, the batch is
    redone one document at a time so that only the culprit becomes an error row, with the stage
    that failed in its message. Documents longer than ``nlp.max_length`` are processed in pieces.
    """

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp

    def make_docs(self, raw: RawDocument) -> list[tuple[int, Doc]]:
        """Tokenize the body of ``raw`` (in pieces when too long) and attach its reference date."""
        docs = []
        for offset, piece in split_long_text(raw.body, self.nlp.max_length):
            doc = self.nlp.make_doc(piece)
            doc._.doc_date = raw.doc_date
            docs.append((offset, doc))
        return docs

    def process(self, raws: Sequence[RawDocument]) -> list[DocRows]:
        """Rows for each document of the batch, in order."""
        with self.nlp.memory_zone():
            return self._process(raws)

    def _process(self, raws: Sequence[RawDocument]) -> list[DocRows]:
        todo = [raw for raw in raws if raw.error is None]
        try:
            parts = [self.make_docs(raw) for raw in todo]
            flat = [doc for doc_parts in parts for _, doc in doc_parts]
            processed: Iterator[Doc] = iter(list(self.nlp.pipe(flat, batch_size=max(len(flat), 1))))
            converted = {
                raw.doc_id: doc_to_rows(raw, [(offset, next(processed)) for offset, _ in doc_parts])
                for raw, doc_parts in zip(todo, parts)
            }
        except Exception:  # one bad document must not take the batch down: redo one by one
            converted = {raw.doc_id: self.process_one(raw) for raw in todo}
        return [failed_rows(raw, raw.error) if raw.error else converted[raw.doc_id] for raw in raws]

    def process_one(self, raw: RawDocument) -> DocRows:
        """Process one document stage by stage, turning a failure into an error row naming the stage."""
        stage = "tokenizer"
        try:
            parts = self.make_docs(raw)
            done = []
            for offset, doc in parts:
                for stage, component in self.nlp.pipeline:
                    doc = component(doc)
                done.append((offset, doc))
            stage = "tables"
            return doc_to_rows(raw, done)
        except Exception as exc:
            message = f"{raw.doc_id}: stage {stage}: {type(exc).__name__}: {exc}"
            log.warning(message)
            return failed_rows(raw, message)
