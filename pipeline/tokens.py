"""Token attributes read once per doc from its token arrays: texts, lower-case texts, the text, parts of
speech and morphological features.

Several components ask for the same attributes of every word; a ``Token`` object per word, and
``token.morph.get`` above all (it parses the analysis at every call), cost more than the rules that
read them. Each reader here keeps its result while the doc lives (with the doc's length, should it be
retokenized); a returned list is shared, not to be changed.
"""

from __future__ import annotations

from typing import Callable, TypeVar
from weakref import WeakKeyDictionary

from spacy.attrs import LOWER, MORPH, ORTH, POS, SPACY
from spacy.parts_of_speech import NAMES as POS_NAMES
from spacy.tokens import Doc, Token

Features = dict[str, tuple[str, ...]]
T = TypeVar("T")

_TOKEN_TEXTS: WeakKeyDictionary[Doc, tuple[int, list[str]]] = WeakKeyDictionary()
_TOKEN_LOWERS: WeakKeyDictionary[Doc, tuple[int, list[str]]] = WeakKeyDictionary()
_TOKEN_POS: WeakKeyDictionary[Doc, tuple[int, list[str]]] = WeakKeyDictionary()
_TOKEN_FEATURES: WeakKeyDictionary[Doc, tuple[int, list[Features]]] = WeakKeyDictionary()
_DOC_TEXTS: WeakKeyDictionary[Doc, tuple[int, str]] = WeakKeyDictionary()
# an analysis's key is the hash of its text, the same in every vocabulary: parsed once per process
_FEATURES: dict[int, Features] = {}


def once_per_doc(cache: WeakKeyDictionary[Doc, tuple[int, T]], doc: Doc, read: Callable[[Doc], T]) -> T:
    """``read(doc)``, computed on the first call for ``doc`` and kept in ``cache`` for the next ones."""
    known = cache.get(doc)
    if known is not None and known[0] == len(doc):
        return known[1]
    value = read(doc)
    cache[doc] = (len(doc), value)
    return value


def token_texts(doc: Doc) -> list[str]:
    """The texts of a doc's tokens (twice as fast as making every Token)."""
    return once_per_doc(_TOKEN_TEXTS, doc, lambda doc: strings_of(doc, ORTH))


def token_lowers(doc: Doc) -> list[str]:
    """The lower-case texts of a doc's tokens (``token.lower_`` of each)."""
    return once_per_doc(_TOKEN_LOWERS, doc, lambda doc: strings_of(doc, LOWER))


def token_pos(doc: Doc) -> list[str]:
    """The part of speech of each token (``token.pos_``; empty without a tagger)."""
    return once_per_doc(_TOKEN_POS, doc, lambda doc: [POS_NAMES[pos] for pos in doc.to_array(POS).tolist()])


def token_features(doc: Doc) -> list[Features]:
    """The morphological features of each token, field → values (``token.morph.get(field)`` of each)."""

    def read(doc: Doc) -> list[Features]:
        strings = doc.vocab.strings
        found = []
        for key in doc.to_array(MORPH).tolist():
            features = _FEATURES.get(key)
            if features is None:
                features = _FEATURES[key] = parse_features(strings[key])
            found.append(features)
        return found

    return once_per_doc(_TOKEN_FEATURES, doc, read)


def feature(token: Token, field: str) -> tuple[str, ...]:
    """The values of ``field`` in the analysis of ``token`` (what ``token.morph.get(field)`` lists)."""
    return token_features(token.doc)[token.i].get(field, ())


def parse_features(analysis: str) -> Features:
    """``"Number=Sing|Tense=Past"`` → ``{"Number": ("Sing",), "Tense": ("Past",)}``; several values are
    separated by commas ("Gender=Com,Neut"); ``""`` and ``"_"`` have none."""
    features: Features = {}
    for part in analysis.split("|"):
        field, sep, values = part.partition("=")
        if sep:
            features[field] = tuple(values.split(","))
    return features


def strings_of(doc: Doc, attr: int) -> list[str]:
    """The string of attribute ``attr`` of every token."""
    strings = doc.vocab.strings
    return [strings[key] for key in doc.to_array(attr).tolist()]


def doc_text(doc: Doc) -> str:
    """``doc.text``, read from the token attributes instead of a Token object per word."""

    def read(doc: Doc) -> str:
        texts = token_texts(doc)
        return "".join([texts[i] + " " if space else texts[i] for i, space in enumerate(doc.to_array(SPACY).tolist())])

    return once_per_doc(_DOC_TEXTS, doc, read)
