"""Gazetteer features of the NER: the tables, the token flags, and their place in the embedding layer."""

from __future__ import annotations

import numpy as np
import pytest
import spacy
from hypothesis import given
from hypothesis import strategies as st

from pipeline.gazetteer import (
    COMPANY,
    COMPANY_SUFFIX,
    FIRST_NAME,
    FLAGS,
    LANGUAGE,
    PLACE,
    SURNAME,
    build_gazetteer,
    company_names,
    country_names,
    gazetteer_features,
    gazetteer_layer,
    gazetteer_multi_hash_embed,
    is_name_form,
    known_only_as_place,
    token_flags,
)

TABLE = {
    "words": {"Israël": PLACE, "Shimon": FIRST_NAME | SURNAME, "Peres": SURNAME, "Frans": LANGUAGE, "NV": COMPANY_SUFFIX, "Sierra": PLACE},
    "phrases": {"Sierra": [[PLACE, ["Sierra", "Leone"]]], "Tamil": [[PLACE, ["Tamil", "Nadu"]]], "Omega": [[COMPANY, ["Omega", "Pharma"]]]},
}


def flag_names(words: list[str], table=TABLE) -> list[list[str]]:
    return [[FLAGS[i] for i in np.flatnonzero(row)] for row in token_flags(words, table)]


def test_token_flags_single_words_and_phrases():
    words = "Shimon Peres bezoekt Israël , Sierra Leone en Tamil Nadu van Omega Pharma NV".split()
    assert flag_names(words) == [
        ["first_name", "surname"], ["surname"], [], ["place"], [],
        ["place"], ["continued"], [], ["place"], ["continued"], [], ["company"], ["continued"], ["company_suffix"],
    ]


def test_token_flags_phrase_cut_off_at_the_end_is_no_match():
    assert flag_names(["Tamil"]) == [[]]
    assert flag_names(["in", "Sierra"]) == [[], ["place"]]


@pytest.mark.parametrize("name, expected", [
    ("Jeruzalem", True), ("Noord-Amerika", True), ("Het", False), ("de", False),
    ("BRU", False), ("X", False), ("Ar-Raqqah", True), ("3M", False),
])
def test_is_name_form(name: str, expected: bool):
    assert is_name_form(name) is expected


@pytest.fixture(scope="module")
def packaged_gazetteer():
    return build_gazetteer(person_lists=False)


def test_built_gazetteer_knows_dutch_place_names(packaged_gazetteer):
    flags = flag_names("Jeruzalem Israël Verenigde Staten Europa Nederlandse NV".split(), packaged_gazetteer)
    assert flags[0] == ["place"] and flags[1] == ["place"]
    assert flags[2] == ["place"] and flags[3] == ["continued"]
    assert "place" in flags[4] and flags[5] == ["language"] and flags[6] == ["company_suffix"]
    assert "Het" not in packaged_gazetteer["words"] and "De" not in packaged_gazetteer["words"]


def test_country_names_are_dutch_and_english():
    assert {"Israël", "België", "Verenigde Staten", "Belgium", "Europa"} <= country_names()


def test_company_names_come_with_and_without_legal_form():
    names = set(company_names())
    assert {"Shell plc", "Shell", "Philips"} <= names


@given(st.lists(st.text(max_size=12), max_size=30))
def test_token_flags_never_crash(words: list[str]):
    flags = token_flags(words, TABLE)
    assert flags.shape == (len(words), len(FLAGS)) and set(np.unique(flags)) <= {0.0, 1.0}


def test_embedding_layer_initialises_once_and_serialises_its_tables():
    calls = []

    def source():
        calls.append(1)
        return TABLE

    nlp = spacy.blank("nl")
    docs = [nlp("Shimon Peres in Israël"), nlp("Sierra Leone")]
    model = gazetteer_multi_hash_embed(16, ["NORM", "SHAPE"], [50, 20], False, source)
    model.initialize(X=docs)
    assert [y.shape for y in model.predict(docs)] == [(4, 16), (2, 16)]
    restored = gazetteer_multi_hash_embed(16, ["NORM", "SHAPE"], [50, 20], False, source).from_bytes(model.to_bytes())
    assert calls == [1]
    assert np.allclose(restored.predict(docs)[0], model.predict(docs)[0])


def test_uninitialised_layer_fails_clearly():
    model = gazetteer_features(lambda: TABLE)
    with pytest.raises(ValueError, match="not initialised"):
        model.predict([spacy.blank("nl")("Israël")])


@pytest.mark.parametrize("words, expected", [
    (["Israël"], True),
    (["Sierra", "Leone"], True),  # a place phrase whole
    (["Sierra"], True),
    (["Tamil"], False),  # only the start of a place phrase
    (["Peres"], False),  # a surname
    (["Shimon"], False),
    (["Israël", "Peres"], False),  # no phrase of the gazetteer
    (["Omega", "Pharma"], False),  # a company
    (["Frans"], False),
])
def test_known_only_as_place(words: list[str], expected: bool):
    assert known_only_as_place(words, TABLE) is expected


def test_gazetteer_layer_is_found_inside_a_pipeline_model():
    nlp = spacy.blank("nl")
    assert gazetteer_layer(nlp) is None
    config = {"model": {
        "@architectures": "spacy.Tok2Vec.v2",
        "embed": {"@architectures": "pipeline.GazetteerMultiHashEmbed.v1", "width": 8, "attrs": ["NORM"], "rows": [10],
                  "include_static_vectors": False, "gazetteer": {"@misc": "pipeline.news_gazetteer.v2", "person_lists": False}},
        "encode": {"@architectures": "spacy.MaxoutWindowEncoder.v2", "width": 8, "depth": 1, "window_size": 1, "maxout_pieces": 2},
    }}
    nlp.add_pipe("tok2vec", config=config)
    layer = gazetteer_layer(nlp)
    assert layer is not None and layer.name == "gazetteer_features"


def test_the_typed_name_lists_flag_organisations_people_and_places(tmp_path):
    folder = tmp_path / "alpino"
    folder.mkdir()
    (folder / "per").write_text("Dick Schoof\nTrump\nMaas\nJan de Vries\nJan Smit\n", encoding="utf-8")
    (folder / "geo").write_text("Maas\nSint-Niklaas\n", encoding="utf-8")
    (folder / "org").write_text("NS\nForum voor Democratie\nRijkswaterstaat\nCaf&#233; Noir\n", encoding="utf-8")
    (folder / "misc").write_text("Eurovisiesongfestival\n", encoding="utf-8")
    table = build_gazetteer(folder, person_lists=False)
    flags = flag_names(["NS", "Rijkswaterstaat", "Trump", "Maas", "Sint-Niklaas", "Eurovisiesongfestival"], table)
    assert flags == [["organisation"], ["organisation"], ["person"], ["person", "listed_place"], ["place", "listed_place"],
                     ["other_name"]]
    assert flag_names("Forum voor Democratie".split(), table) == [["organisation"], ["continued"], ["continued"]]
    assert "Café" in table["phrases"]  # HTML entities of the lists are decoded


def test_first_names_and_surnames_come_from_faker_and_the_person_list(tmp_path):
    from pipeline.gazetteer import person_names

    folder = tmp_path / "alpino"
    folder.mkdir()
    for kind in ("geo", "org", "misc"):
        (folder / kind).write_text("", encoding="utf-8")
    (folder / "per").write_text("Xandrijn Vreeburg\nXandrijn Kloosterhof\nOltharia Vreeburg\n", encoding="utf-8")
    first, last = person_names(folder)
    assert "Xandrijn" in first and "Oltharia" not in first  # a first word of two full names, not of one
    assert "Vreeburg" in last and "Kloosterhof" not in last
    assert {"Jan", "Sanne"} <= first and "Jansen" in last  # Faker's Dutch lists
    assert "Israël" not in first | last
