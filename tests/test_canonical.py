"""Canonical entities within a document, stable ids, and places."""

import pytest
import spacy
from spacy.tokens import Span

from pipeline.canonical import expand_acronyms, identity, resolve_mentions
from pipeline.names import canonical_name, entity_id, initials, strip_genitive
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


def test_surname_mentions_take_the_persons_label_whatever_they_got_alone():
    mentions = [("Olivier Leleux", "PER"), ("Leleux", "LOC"), ("Leleux", "LOC"), ("Leleux", "ORG")]
    assert resolve_mentions(mentions) == [("Olivier Leleux", "PER")] * 4
    # a known place is not taken for a surname ("Jan van Gent" does not make Gent a person)
    assert resolve_mentions([("Jan van Gent", "PER"), ("Gent", "LOC")])[1] == ("Gent", "LOC")
    # only a person's full name makes a surname
    assert resolve_mentions([("Omega Pharma", "ORG"), ("Pharma", "LOC")])[1] == ("Pharma", "LOC")


def test_entity_id_is_stable_and_case_insensitive():
    # pinned: ids written by earlier runs must keep meaning the same entity
    assert entity_id("PER", "Abu Bakr al-Baghdadi") == "PER-4f320971f336"
    assert entity_id("LOC", "Mosul") == entity_id("LOC", "MOSUL") == "LOC-3137f2ba943a"
    assert entity_id("LOC", "Curaçao") == entity_id("LOC", "Curacao")
    assert entity_id("LOC", "Mosul") != entity_id("ORG", "Mosul")
    assert entity_id("LOC", "Mosul") != entity_id("LOC", "Mosul-Oost")


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
    assert [e._.entity_id for e in doc.ents] == [entity_id(e.label_, e._.canonical) for e in doc.ents]
    assert doc.ents[0]._.entity_id == doc.ents[2]._.entity_id  # IS is Islamitische Staat


def test_identity_of_an_entity_the_canonicalizer_did_not_see_comes_from_its_text():
    doc = spacy.blank("nl").make_doc("het bezoek van de Verenigde  Naties")
    doc.ents = [Span(doc, 4, 7, "ORG")]
    assert identity(doc.ents[0]) == ("Verenigde Naties", entity_id("ORG", "Verenigde Naties"))


def ents_after_expansion(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[str, str]]:
    nlp = spacy.blank("nl")
    doc = nlp.make_doc(text)
    doc.ents = [Span(doc, a, b, label) for a, b, label in spans]
    return [(e.text, e.label_) for e in expand_acronyms(doc, list(doc.ents))]


def test_acronym_spell_out_becomes_an_entity_with_the_acronyms_label():
    got = ents_after_expansion("terreurgroep Islamitische Staat . IS vluchtte", [(1, 2, "MISC"), (4, 5, "ORG")])
    assert got == [("Islamitische Staat", "ORG"), ("IS", "ORG")]


def test_acronym_spell_out_may_hold_function_words():
    got = ents_after_expansion("de Partij van de Arbeid en de PA", [(7, 8, "ORG")])
    assert got == [("Partij van de Arbeid", "ORG"), ("PA", "ORG")]


@pytest.mark.parametrize("text,spans", [
    ("In Sydney zei IS niets", [(1, 2, "LOC"), (3, 4, "ORG")]),  # a capitalised function word starts no spell-out
    ("Grote Islamitische Staat-troepen en IS", [(4, 5, "ORG")]),  # every part of a compound must be capitalised
    ("Ingrid Smets ( IS ) sprak", [(0, 2, "PER"), (3, 4, "ORG")]),  # an entity of exactly its extent keeps its label
    ("Abu Bakr al-Baghdadi en AB", [(1, 3, "PER"), (4, 5, "ORG")]),  # an entity is never cut
])
def test_acronym_expansion_leaves_other_text_alone(text, spans):
    doc = spacy.blank("nl").make_doc(text)
    assert ents_after_expansion(text, spans) == [(doc[a:b].text, label) for a, b, label in spans]


def test_a_party_acronym_never_becomes_a_person_through_the_surname_rule():
    from pipeline.canonical import resolve_mentions

    assert resolve_mentions([("Lodewijk PvdA", "PER"), ("PvdA", "ORG")])[1] == ("PvdA", "ORG")
    assert resolve_mentions([("John McCain", "PER"), ("McCain", "ORG")])[1] == ("John McCain", "PER")


def test_a_label_set_by_context_outweighs_the_models_on_bare_mentions():
    mentions = [("Vechtstromen", "ORG"), ("Vechtstromen", "LOC"), ("Vechtstromen", "LOC"), ("Vechtstromen", "LOC")]
    assert resolve_mentions(mentions) == [("Vechtstromen", "LOC")] * 4
    assert resolve_mentions(mentions, from_context={0}) == [("Vechtstromen", "ORG")] * 4
    many = [("Heesen", "ORG")] + [("Heesen", "PER")] * 8
    assert resolve_mentions(many, from_context={0}) == [("Heesen", "ORG")] * 9  # any number of guesses
    # a compound ("PvdA-leider", MISC by its own rule) is no evidence of the name's label
    compounds = [("PvdA", "ORG"), ("PvdA-leider", "MISC"), ("PvdA-leider", "MISC")]
    assert [label for _, label in resolve_mentions(compounds, from_context={1, 2})] == ["ORG", "MISC", "MISC"]



def test_a_name_the_context_calls_no_person_is_nobodys_surname():
    # "de Brabantse scheepsbouwer Heesen" ... "Heesen ontvangt de betalingen" ... "oprichter Frans Heesen"
    mentions = [("Heesen", "ORG"), ("Heesen", "PER"), ("Heesen", "PER"), ("Frans Heesen", "PER")]
    assert resolve_mentions(mentions, from_context={0}) == [
        ("Heesen", "ORG"), ("Heesen", "ORG"), ("Heesen", "ORG"), ("Frans Heesen", "PER")]
    assert resolve_mentions(mentions)[:3] == [("Frans Heesen", "PER")] * 3  # without the context: his surname


def test_a_place_guessed_from_a_preposition_is_one_vote():
    nlp = spacy.blank("nl")
    nlp.add_pipe("nl_place_prepositions")
    nlp.add_pipe("nl_canonical", config={"places": False})
    doc = nlp.make_doc("In Barrichello zagen ze een opvolger . Barrichello won . Barrichello lachte .")
    doc.ents = [Span(doc, 1, 2, "PER"), Span(doc, 7, 8, "PER"), Span(doc, 10, 11, "PER")]
    doc = nlp(doc)
    assert [e.label_ for e in doc.ents] == ["PER", "PER", "PER"]


def test_a_surname_with_its_particle_is_the_person_named_in_full():
    # "... de stilte van De Bie" after "Eric de Bie" (the NER read the short form as a place)
    mentions = [("Eric de Bie", "PER"), ("De Bie", "LOC"), ("de Bie", "PER")]
    assert resolve_mentions(mentions) == [("Eric de Bie", "PER")] * 3
    assert resolve_mentions([("Jan den Haag", "PER"), ("Den Haag", "LOC")])[1] == ("Den Haag", "LOC")  # a known place
