"""Canonical entities within a document, stable ids, and places."""

import pytest
import spacy
from spacy.tokens import Span

from pipeline.canonical import canonical_name, entity_id, initials, resolve_mentions, strip_genitive
from pipeline.places import lookup_place


@pytest.mark.parametrize(
    "text,expected",
    [("het Openbaar Ministerie", "Openbaar Ministerie"), ("De Morgen", "De Morgen"), ("Den  Haag", "Den Haag"),
     ("“Mosul”", "Mosul"), ("Syrie\u0308", "Syrië")],
)
def test_canonical_name(text, expected):
    assert canonical_name(text) == expected


@pytest.mark.parametrize(
    "name,known,expected",
    [("Syriës", set(), "Syrië"), ("Frankrijks", {"frankrijk"}, "Frankrijk"), ("Jans", set(), "Jans"),
     ("Ajax'", set(), "Ajax'"), ("Obama's", set(), "Obama")],
)
def test_strip_genitive(name, known, expected):
    assert strip_genitive(name, known) == expected


def test_initials_skip_function_words():
    assert initials("Islamitische Staat") == "IS"
    assert initials("Verenigde Naties") == "VN"
    assert initials("Partij van de Arbeid") == "PA"


def test_resolve_mentions_merges_and_relabels():
    mentions = [
        ("IS", "MISC"), ("Islamitische Staat", "ORG"), ("IS-strijders", "MISC"), ("Islamitische Staat", "ORG"),
        ("Abdel Wahab al-Saadi", "PER"), ("al-Saadi", "PER"), ("Syriës", "LOC"), ("Syrië", "LOC"),
        ("Mosul", "PER"), ("Mosul", "LOC"), ("Mosul", "LOC"), ("MOSUL", "LOC"),
    ]
    resolved = resolve_mentions(mentions)
    assert resolved[:4] == [("Islamitische Staat", "ORG")] * 2 + [("Islamitische Staat", "MISC"), ("Islamitische Staat", "ORG")]
    assert resolved[4:6] == [("Abdel Wahab al-Saadi", "PER")] * 2
    assert resolved[6:8] == [("Syrië", "LOC")] * 2
    assert resolved[8:] == [("Mosul", "LOC")] * 4


def test_acronym_without_expansion_stays():
    assert resolve_mentions([("AFP", "ORG"), ("Mosul", "LOC")]) == [("AFP", "ORG"), ("Mosul", "LOC")]


def test_surname_needs_a_full_name_of_a_person():
    assert resolve_mentions([("Rutte", "PER")]) == [("Rutte", "PER")]
    assert resolve_mentions([("Mark Rutte", "PER"), ("Rutte", "PER")]) == [("Mark Rutte", "PER")] * 2


def test_entity_id_is_stable_and_case_insensitive():
    assert entity_id("LOC", "Mosul") == entity_id("LOC", "mosul") == "LOC-" + entity_id("LOC", "Mosul")[4:]
    assert entity_id("LOC", "Mosul") != entity_id("ORG", "Mosul")
    assert entity_id("PER", "Abu Bakr al-Baghdadi") == "PER-" + __import__("hashlib").sha1(
        "PER\x1fabu bakr al-baghdadi".encode()).hexdigest()[:12]


@pytest.mark.parametrize(
    "name,code,has_coordinates",
    [("Irak", "IQ", False), ("Syrië", "SY", False), ("Verenigde Staten", "US", False), ("Mosul", "IQ", True),
     ("Bagdad", "IQ", True), ("Den Haag", "NL", True), ("Gent", "BE", True)],
)
def test_places(name, code, has_coordinates):
    place = lookup_place(name)
    assert place is not None and place.country_code == code
    assert (place.latitude is not None) == has_coordinates


def test_component_on_hand_set_entities():
    nlp = spacy.blank("nl")
    nlp.add_pipe("nl_canonical")
    doc = nlp.make_doc("Islamitische Staat verloor Mosul . IS vluchtte uit Mosul naar Syriës grens .")
    doc.ents = [Span(doc, 0, 2, "ORG"), Span(doc, 3, 4, "PER"), Span(doc, 5, 6, "MISC"), Span(doc, 8, 9, "LOC"),
                Span(doc, 10, 11, "LOC")]
    doc = nlp(doc)
    got = [(e.text, e.label_, e._.canonical, e._.country_code) for e in doc.ents]
    assert got == [
        ("Islamitische Staat", "ORG", "Islamitische Staat", None), ("Mosul", "LOC", "Mosul", "IQ"),
        ("IS", "ORG", "Islamitische Staat", None), ("Mosul", "LOC", "Mosul", "IQ"), ("Syriës", "LOC", "Syrië", "SY"),
    ]
