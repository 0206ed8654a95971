"""The conversion of a processed Doc into the rows of each table (see :mod:`pipeline.schema`)."""

from __future__ import annotations

from dataclasses import astuple, fields

from spacy.attrs import IDX, IS_SPACE, LEMMA, ORTH, POS
from spacy.parts_of_speech import NAMES as POS_NAMES
from spacy.tokens import Doc

from .canonical import identity
from .dates import SPAN_KEY as DATES_KEY
from .figures import SPAN_KEY as FIGURES_KEY
from .figures import Figure
from .ingest import RawDocument
from .schema import DateRow, DocRows, DocumentRow, EntityRow, FigureRow, SentenceRow, TokenRow
from .timex import DateValue

TOKEN_ATTRS = [ORTH, IDX, LEMMA, POS, IS_SPACE]

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
        sents = list(doc.sents) if doc.has_annotation("SENT_START") else ([doc[:]] if len(doc) else [])
        sent_of_token = [0] * len(doc)
        for i, sent in enumerate(sents):
            sent_id = self.n_sentences + i
            sent_of_token[sent.start : sent.end] = [sent_id] * len(sent)
            rows["sentences"].append(SentenceRow(doc_id, sent_id, sent.start_char + offset, sent.end_char + offset, sent.text))
        self.n_sentences += len(sents)
        rows["tokens"].extend(self.token_rows(doc, offset, sent_of_token))
        self.n_doc_tokens += len(doc)
        self.n_tokens += len(rows["tokens"])
        for ent in doc.ents:
            name, entity = identity(ent)
            rows["entities"].append(
                EntityRow(doc_id, self.n_spans["entities"], sent_of_token[ent.start], ent.start_char + offset,
                          ent.end_char + offset, ent.text, ent.label_, name, entity,
                          ent._.source, ent._.country_code or "", ent._.latitude, ent._.longitude)
            )
            self.n_spans["entities"] += 1
        for key, table, attr, row_type in ((FIGURES_KEY, "figures", "figure", FigureRow),
                                           (DATES_KEY, "dates", "date", DateRow)):
            for span in doc.spans.get(key, []):
                rows[table].append(
                    row_type(doc_id, self.n_spans[table], sent_of_token[span.start], span.start_char + offset,
                             span.end_char + offset, span.text, *astuple(getattr(span._, attr)))
                )
                self.n_spans[table] += 1
        return out

    def token_rows(self, doc: Doc, offset: int, sent_of_token: list[int]) -> list[TokenRow]:
        """The rows of the piece's tokens but whitespace, read from the token arrays (no Token objects: this
        runs for every word)."""
        strings = doc.vocab.strings
        first_token = self.n_doc_tokens
        rows = []
        for i, (orth, idx, lemma, pos, is_space) in enumerate(doc.to_array(TOKEN_ATTRS).tolist()):
            if not is_space:
                text = strings[orth]
                start = idx + offset
                rows.append(TokenRow(self.raw.doc_id, sent_of_token[i], first_token + i, start, start + len(text),
                                     text, strings[lemma], POS_NAMES[pos]))
        return rows

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
