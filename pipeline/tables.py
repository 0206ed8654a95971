"""The conversion of a processed Doc into the rows of each table (see :mod:`pipeline.schema`)."""

from __future__ import annotations

from dataclasses import fields
from functools import partial
from itertools import repeat
from operator import attrgetter

import numpy
from spacy.attrs import IDX, IS_SPACE, LEMMA, LENGTH, ORTH, POS
from spacy.parts_of_speech import NAMES as POS_NAMES
from spacy.tokens import Doc

from .canonical import identity
from .dates import SPAN_KEY as DATES_KEY
from .figures import SPAN_KEY as FIGURES_KEY
from .figures import Figure
from .ingest import RawDocument
from .schema import DateRow, DocRows, DocumentRow, EntityRow, FigureRow, SentenceRow, TokenRow
from .timex import DateValue
from .tokens import doc_text

TOKEN_ATTRS = [ORTH, IDX, LENGTH, LEMMA, POS, IS_SPACE]  # LENGTH: of the text, in characters
make_token_row = partial(tuple.__new__, TokenRow)  # a TokenRow from a tuple of its cells, without a Python call
FIGURE_FIELDS = attrgetter(*(f.name for f in fields(Figure)))  # as dataclasses.astuple, without its deep copies
DATE_FIELDS = attrgetter(*(f.name for f in fields(DateValue)))

assert tuple(f.name for f in fields(Figure)) == FigureRow._fields[6:], "Figure fields drift from FigureRow"
assert tuple(f.name for f in fields(DateValue)) == DateRow._fields[6:], "DateValue fields drift from DateRow"


def document_row(raw: RawDocument, n_sentences: int, n_tokens: int, error: str | None) -> DocumentRow:
    """The ``documents.csv`` row of one document."""
    return DocumentRow(
        raw.doc_id,
        raw.path,
        raw.sha256,
        raw.doc_date or "",
        len(raw.text),
        n_sentences,
        n_tokens,
        "error" if error else "ok",
        error or "",
        "; ".join(raw.warnings),
    )


def failed_rows(raw: RawDocument, error: str) -> DocRows:
    """The rows of a document that could not be processed: one ``documents`` row, status error."""
    out = DocRows(raw.doc_id)
    out.rows["documents"].append(document_row(raw, 0, 0, error))
    return out


class RowBuilder:
    """Rows of one document built piece by piece: ids run on across pieces, offsets shift into the raw text.

    ``add`` turns one processed piece of the body into a fragment of rows (every table but
    ``documents``); ``finish`` gives the ``documents`` row once all pieces are in. A long document can
    so be written piece by piece without holding all its rows.
    """

    def __init__(self, raw: RawDocument) -> None:
        self.raw = raw
        self.n_sentences = 0
        self.n_tokens = 0  # tokens in the documents row: whitespace tokens excluded
        self.n_doc_tokens = 0  # token ids count every token
        self.n_spans = {"entities": 0, "figures": 0, "dates": 0}

    def add(self, part_offset: int, doc: Doc) -> DocRows:
        """The rows of one processed piece that starts ``part_offset`` characters into the body."""
        doc_id = self.raw.doc_id
        out = DocRows(doc_id)
        rows = out.rows
        offset = self.raw.body_start + part_offset
        text = doc_text(doc)  # every span's text is a slice of it: no Token object per word
        sents = list(doc.sents) if doc.has_annotation("SENT_START") else ([doc[:]] if len(doc) else [])
        sent_of_token = numpy.repeat(numpy.arange(self.n_sentences, self.n_sentences + len(sents)),
                                     [len(sent) for sent in sents])
        for sent_id, sent in enumerate(sents, self.n_sentences):
            start, end = sent.start_char, sent.end_char
            rows["sentences"].append(SentenceRow(doc_id, sent_id, start + offset, end + offset, text[start:end]))
        self.n_sentences += len(sents)
        rows["tokens"] = self.token_rows(doc, offset, sent_of_token)
        self.n_doc_tokens += len(doc)
        self.n_tokens += len(rows["tokens"])
        sent_of_token = sent_of_token.tolist()
        for ent in doc.ents:
            name, entity = identity(ent)
            extension, start, end = ent._, ent.start_char, ent.end_char
            rows["entities"].append(
                EntityRow(doc_id, self.n_spans["entities"], sent_of_token[ent.start], start + offset, end + offset,
                          text[start:end], ent.label_, name, entity, extension.source, extension.country_code or "",
                          extension.latitude, extension.longitude)
            )
            self.n_spans["entities"] += 1
        for key, table, attr, row_type, fields_of in ((FIGURES_KEY, "figures", "figure", FigureRow, FIGURE_FIELDS),
                                                      (DATES_KEY, "dates", "date", DateRow, DATE_FIELDS)):
            for span in doc.spans.get(key, []):
                start, end = span.start_char, span.end_char
                rows[table].append(
                    row_type(doc_id, self.n_spans[table], sent_of_token[span.start], start + offset, end + offset,
                             text[start:end], *fields_of(getattr(span._, attr)))
                )
                self.n_spans[table] += 1
        return out

    def token_rows(self, doc: Doc, offset: int, sent_of_token: numpy.ndarray) -> list[TokenRow]:
        """The rows of the piece's tokens but whitespace, built column by column from the token arrays (no
        Token objects, no Python loop: this runs for every word)."""
        lookup = doc.vocab.strings.__getitem__
        array = doc.to_array(TOKEN_ATTRS)
        kept = numpy.flatnonzero(array[:, 5] == 0)
        orths, idxs, lengths, lemmas, pos = array[kept, :5].T
        starts = idxs + offset
        columns = (repeat(self.raw.doc_id), sent_of_token[kept].tolist(), (kept + self.n_doc_tokens).tolist(),
                   starts.tolist(), (starts + lengths).tolist(), map(lookup, orths.tolist()),
                   map(lookup, lemmas.tolist()), map(POS_NAMES.__getitem__, pos.tolist()))
        return list(map(make_token_row, zip(*columns)))

    def finish(self) -> DocRows:
        """The fragment with the ``documents`` row, once every piece has been added."""
        out = DocRows(self.raw.doc_id)
        out.rows["documents"].append(document_row(self.raw, self.n_sentences, self.n_tokens, None))
        return out


def doc_to_rows(raw: RawDocument, parts: list[tuple[int, Doc]]) -> DocRows:
    """All rows of a processed document in one :class:`DocRows`.

    ``parts`` are the Docs of consecutive pieces of ``raw.body`` (one piece unless the document is long),
    each with its character offset into the body.
    """
    builder = RowBuilder(raw)
    out = DocRows(raw.doc_id)
    for fragment in [*(builder.add(offset, doc) for offset, doc in parts), builder.finish()]:
        for name, rows in fragment.rows.items():
            out.rows[name].extend(rows)
    return out
