"""Entity rule components on hand-set entities."""

import pytest
import spacy
from spacy.tokens import Span


@pytest.mark.parametrize("text,span,label,expected", [
    ("ten westen van de rivier Tigris", (5, 6), "MISC", "LOC"),
    ("in de deelstaat Tamil Nadu", (3, 5), "PER", "LOC"),
    ("de Rivier Tigris", (2, 3), "MISC", "LOC"),  # case of the noun does not matter
    ("de gemeente Amsterdam besliste", (2, 3), "ORG", "ORG"),  # a municipality may be the organisation
    ("Rivier Tigris", (0, 1), "MISC", "MISC"),  # the entity itself is no context
    ("de stad Mosul", (2, 3), "LOC", "LOC"),
])
def test_place_context(text, span, label, expected):
    nlp = spacy.blank("nl")
    nlp.add_pipe("nl_place_context")
    doc = nlp.make_doc(text)
    doc.ents = [Span(doc, *span, label=label)]
    assert [(e.start, e.end, e.label_) for e in nlp(doc).ents] == [(*span, expected)]


@pytest.mark.parametrize("text,span,expected", [
    ("het Iraakse leger rukt op", (0, 3), [(1, 3, "MISC")]),
    ("Juli 2000 was warm", (0, 2), []),  # a month is a date, not a name
    ("Augustus", (0, 1), []),
    ("Augustus de Morgan", (0, 3), [(0, 3, "MISC")]),
    ("( Mosul )", (0, 3), [(1, 2, "MISC")]),
])
def test_entity_cleaner(text, span, expected):
    nlp = spacy.blank("nl")
    nlp.add_pipe("nl_entity_cleaner")
    doc = nlp.make_doc(text)
    doc.ents = [Span(doc, *span, label="MISC")]
    assert [(e.start, e.end, e.label_) for e in nlp(doc).ents] == expected
