"""Canonical entity names and stable entity ids."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from spacy.language import Language
from spacy.tokens import Doc, Span

if not Span.has_extension("canonical"):
    Span.set_extension("canonical", default=None)

SPACE_RE = re.compile(r"\s+")


def canonical_name(text: str) -> str:
    """The canonical form of one mention on its own: NFC, single spaces, no outer quotes."""
    text = unicodedata.normalize("NFC", text)
    return SPACE_RE.sub(" ", text).strip().strip("\"'“”‘’«»")


def entity_id(label: str, canonical: str) -> str:
    """A stable id derived from label and canonical name (independent of order and runs)."""
    key = f"{label}\x1f{canonical.casefold()}".encode("utf-8")
    return f"{label}-{hashlib.sha1(key).hexdigest()[:12]}"


class Canonicalizer:
    """Set ``span._.canonical`` on every entity of the document."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        for ent in doc.ents:
            ent._.canonical = canonical_name(ent.text)
        return doc


@Language.factory("nl_canonical", assigns=["span._.canonical"], requires=["doc.ents"])
def make_canonicalizer(nlp: Language, name: str) -> Canonicalizer:
    """Factory for :class:`Canonicalizer`."""
    return Canonicalizer(name)
