"""The name forms behind corpus entities: surnames, heads, acronyms, plurals, nationality words."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.aliases import (
    acronym_forms,
    demonym_country,
    inflected,
    leading_form,
    place_stems,
    plural_forms,
    surname_form,
)


@pytest.mark.parametrize(("name", "surname"), [
    ("Mark Rutte", "Rutte"),
    ("Frenkie de Jong", "de Jong"),
    ("Abdel Wahab al-Saadi", "al-Saadi"),
    ("T. Baudet", "Baudet"),
    ("Rutte", None),
    ("De Jong", None),  # a surname with its particle, no full name
    ("Coach Max", None),  # a title, not a first name
    ("Toos & Henk", None),
])
def test_surname_form(name, surname):
    assert surname_form(name) == surname


@pytest.mark.parametrize(("name", "head"), [
    ("Forum voor Democratie", "Forum"),
    ("Verenigde Staten van Amerika", "Verenigde Staten"),
    ("Bosnië en Herzegovina", None),  # "en" joins two names, it does not qualify one
    ("Europese Unie", None),
])
def test_leading_form(name, head):
    assert leading_form(name) == head


@pytest.mark.parametrize(("name", "forms"), [
    ("Europese Unie", {"EU"}),
    ("Verenigde Staten", {"VS"}),
    ("Openbaar Ministerie", {"OM"}),
    ("Partij van de Arbeid", {"PA", "PvdA"}),
    ("Forum voor Democratie", {"FD", "FvD"}),
    ("Christen-Democratisch Appèl", {"CDA"}),
    ("Mosul", set()),
])
def test_acronym_forms(name, forms):
    assert acronym_forms(name) == forms


@pytest.mark.parametrize(("noun", "plurals"), [
    ("Nederlander", {"Nederlanders"}), ("Syriër", {"Syriërs"}), ("Amerikaan", {"Amerikanen"}),
    ("Chinees", {"Chinezen"}), ("Rus", {"Russen"}), ("Brit", {"Britten"}), ("Belg", {"Belgen"}),
    ("Ier", {"Ieren"}), ("Fransman", {"Fransen"}), ("Egyptenaar", {"Egyptenaren"}), ("Thai", {"Thais", "Thai's"}),
    ("Vlaming", {"Vlamingen"}), ("Japanner", {"Japanners"}),
])
def test_plural_forms(noun, plurals):
    assert plural_forms(noun) == plurals


@pytest.mark.parametrize(("adjective", "form"), [
    ("Nederlands", "Nederlandse"), ("Chinees", "Chinese"), ("Iraaks", "Iraakse"), ("Russisch", "Russische"),
])
def test_inflected(adjective, form):
    assert inflected(adjective) == form


@pytest.mark.parametrize(("word", "code"), [
    ("Nederlandse", "NL"), ("Nederlanders", "NL"), ("Syriërs", "SY"), ("Syrische", "SY"), ("Iraakse", "IQ"),
    ("Iraanse", "IR"), ("Amerikanen", "US"), ("Britse", "GB"), ("Nederland", None), ("Europese", None),
])
def test_demonym_country(word, code):
    assert demonym_country(word) == code


@pytest.mark.parametrize(("word", "place"), [
    ("Hengelose", "Hengelo"), ("Amsterdamse", "Amsterdam"), ("Twentse", "Twente"), ("Groningse", "Groningen"),
    ("Goudse", "Gouda"), ("Drentse", "Drenthe"), ("Bredanaars", "Breda"), ("Deurnenaren", "Deurne"),
    ("Bredanaar", "Breda"), ("Rijenaar", "Rijen"), ("Leidenaren", "Leiden"), ("Utrechter", "Utrecht"),
    ("Amsterdammers", "Amsterdam"), ("Tilburgers", "Tilburg"), ("Groninger", "Groningen"), ("Nijmegenaren", "Nijmegen"),
])
def test_place_stems_hold_the_place(word, place):
    assert place in place_stems(word)


@pytest.mark.parametrize("word", [
    "Eindhovens", "Ruslands", "Deurnes",  # a bare "-s" may be a genitive
    "Wanneer", "Combineer",  # no inhabitant in "-er" after a vowel
    "Pulse", "Rose",  # stems too short
    "Amsterdam", "Jansen", "",
])
def test_place_stems_of_other_words_are_none(word):
    assert place_stems(word) == []


@given(st.text(max_size=30))
def test_name_forms_never_raise(text):
    surname_form(text), leading_form(text), acronym_forms(text), plural_forms(text), demonym_country(text)
    place_stems(text)
