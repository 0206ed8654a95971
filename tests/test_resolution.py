"""Corpus entities: each resolution rule on a small corpus of entity rows written here."""

from pathlib import Path

import pandas as pd
import pytest

import pipeline
from pipeline.model import shipped_model_path
from pipeline.names import entity_id
from pipeline.places import dutch_names
from pipeline.resolution import resolve_entities
from pipeline.schema import rows_to_frame
from pipeline.store import Tables


def corpus(*docs: list[tuple]) -> Tables:
    """Tables of documents ``d0``, ``d1``, …, each a list of (text, label, canonical[, source]) mentions."""
    documents, entities = [], []
    for i, mentions in enumerate(docs):
        doc_id = f"d{i}"
        documents.append((doc_id, f"{doc_id}.txt", doc_id, f"2019-03-{i + 1:02d}", 10, 1, 5, "ok", "", ""))
        for j, (text, label, canonical, *source) in enumerate(mentions):
            entities.append((doc_id, j, 0, 0, len(text), text, label, canonical, entity_id(label, canonical),
                             source[0] if source else "model", "", None, None))
    return Tables({"documents": rows_to_frame("documents", documents), "entities": rows_to_frame("entities", entities)})


def summary(tables: Tables) -> pd.DataFrame:
    return pipeline.aggregate(tables).entity_summary.set_index(["label", "canonical"])


def links(tables: Tables) -> pd.DataFrame:
    return pipeline.aggregate(tables).entity_links.set_index(["doc_id", "entity_id"])


def test_surname_is_the_one_full_name_that_ends_in_it():
    tables = corpus(
        [("Mark Rutte", "PER", "Mark Rutte"), ("Rutte", "PER", "Mark Rutte")],
        [("Rutte", "PER", "Rutte"), ("Rutte", "PER", "Rutte")],
    )
    result = summary(tables)
    assert result.loc[("PER", "Mark Rutte"), "mentions"] == 4
    assert ("PER", "Rutte") not in result.index
    assert links(tables).loc[("d1", entity_id("PER", "Rutte")), "rule"] == "surname"


def test_surname_of_several_people_stays_apart_and_is_counted():
    tables = corpus(
        [("Piet Jansen", "PER", "Piet Jansen")], [("Piet Jansen", "PER", "Piet Jansen")],
        [("Klaas Jansen", "PER", "Klaas Jansen")], [("Klaas Jansen", "PER", "Klaas Jansen")],
        [("Jansen", "PER", "Jansen")],
    )
    result = summary(tables)
    assert result.loc[("PER", "Jansen"), "mentions"] == 1 and result.loc[("PER", "Jansen"), "ambiguous"] == 2
    assert result.loc[("PER", "Piet Jansen"), "mentions"] == 2


def test_surname_goes_to_a_full_name_that_dominates_rare_namesakes():
    docs = [[("Donald Trump", "PER", "Donald Trump")] for _ in range(10)]
    tables = corpus(*docs, [("Ivanka Trump", "PER", "Ivanka Trump")], [("Trump", "PER", "Trump")])
    result = summary(tables)
    assert result.loc[("PER", "Donald Trump"), "mentions"] == 11 and ("PER", "Trump") not in result.index


def test_a_first_name_is_no_surname():
    tables = corpus(
        [("Jan Kim", "PER", "Jan Kim")], [("Jan Kim", "PER", "Jan Kim")],
        [("Kim Putters", "PER", "Kim Putters")], [("Kim", "PER", "Kim")],
    )
    assert summary(tables).loc[("PER", "Kim"), "mentions"] == 1


@pytest.mark.parametrize(("label", "acronym", "expansion"), [
    ("ORG", "EU", "Europese Unie"), ("LOC", "VS", "Verenigde Staten"), ("ORG", "OM", "Openbaar Ministerie"),
    ("ORG", "PvdA", "Partij van de Arbeid"),
])
def test_acronym_is_its_expansion(label, acronym, expansion):
    tables = corpus([(expansion, label, expansion)], [(expansion, label, expansion)], [(acronym, label, acronym)])
    result = summary(tables)
    assert result.loc[(label, expansion), "mentions"] == 3
    assert set(result.loc[(label, expansion), "variants"].split("|")) == {acronym, expansion}


def test_acronym_expansion_found_in_one_article_only_counts_when_the_article_joins_them():
    lone = corpus([("Nederlandse Sportraad", "ORG", "Nederlandse Sportraad")], [("NS", "ORG", "NS")])
    assert ("ORG", "NS") in summary(lone).index
    joined = corpus([("Nederlandse Spoorwegen", "ORG", "Nederlandse Spoorwegen"), ("NS", "ORG", "Nederlandse Spoorwegen")],
                    [("NS", "ORG", "NS")])
    assert summary(joined).loc[("ORG", "Nederlandse Spoorwegen"), "mentions"] == 3


def test_head_before_a_qualifier_is_the_name_unless_it_is_more_common_alone():
    tables = corpus(
        [("Forum voor Democratie", "ORG", "Forum voor Democratie"), ("Forum", "ORG", "Forum")],
        [("Forum voor Democratie", "ORG", "Forum voor Democratie")],
        [("Eerste Kamer", "ORG", "Eerste Kamer"), ("Eerste Kamer", "ORG", "Eerste Kamer")],
        [("Eerste Kamer van Algerije", "ORG", "Eerste Kamer van Algerije")],
        [("Eerste Kamer van Algerije", "ORG", "Eerste Kamer van Algerije")],
        [("Eerste Kamer", "ORG", "Eerste Kamer")],
    )
    result = summary(tables)
    assert result.loc[("ORG", "Forum voor Democratie"), "mentions"] == 3
    assert result.loc[("ORG", "Eerste Kamer"), "mentions"] == 3


def test_plural_and_singular_are_one_and_carry_the_country():
    tables = corpus([("Nederlander", "MISC", "Nederlander")], [("Nederlanders", "MISC", "Nederlanders")],
                    [("Syriërs", "MISC", "Syriërs"), ("Nederlandse", "MISC", "Nederlandse")])
    result = summary(tables)
    assert result.loc[("MISC", "Nederlander"), "mentions"] == 2 and result.loc[("MISC", "Nederlander"), "country_code"] == "NL"
    assert result.loc[("MISC", "Syriërs"), "country_code"] == "SY"
    assert result.loc[("MISC", "Nederlandse"), "country_code"] == "NL"


def test_a_name_split_evenly_between_labels_keeps_each_documents_label():
    tables = corpus([("De Groot", "PER", "De Groot")], [("De Groot", "PER", "De Groot")],
                    [("De Groot", "MISC", "De Groot")], [("De Groot", "MISC", "De Groot")],
                    [("De Groot", "MISC", "De Groot")])
    result = summary(tables)
    assert result.loc[("PER", "De Groot"), "mentions"] == 2 and result.loc[("MISC", "De Groot"), "mentions"] == 3


def test_label_is_decided_by_the_corpus():
    tables = corpus([("PvdA", "ORG", "PvdA")], [("PvdA", "ORG", "PvdA")], [("PvdA", "PER", "PvdA")])
    result = summary(tables)
    assert result.loc[("ORG", "PvdA"), "mentions"] == 3 and ("PER", "PvdA") not in result.index
    assert links(tables).loc[("d2", entity_id("PER", "PvdA")), "rule"] == "label"


def test_label_vote_is_weighted_by_confidence_where_the_table_has_it():
    tables = corpus([("Wageningen", "PER", "Wageningen"), ("Wageningen", "PER", "Wageningen")],
                    [("Wageningen", "ORG", "Wageningen")])
    entities = tables.entities.assign(confidence=[0.2, 0.2, 0.95])
    resolution = resolve_entities(entities)
    assert set(resolution.links.corpus_label) == {"ORG"}
    assert set(resolve_entities(tables.entities).links.corpus_label) == {"PER"}


def test_a_document_whose_context_says_otherwise_keeps_its_label():
    tables = corpus([("Geetbets", "PER", "Geetbets")], [("Geetbets", "PER", "Geetbets")],
                    [("Geetbets", "LOC", "Geetbets", "nl_place_prepositions")])
    result = links(tables)
    assert result.loc[("d2", entity_id("LOC", "Geetbets")), "corpus_label"] == "LOC"
    assert result.loc[("d2", entity_id("LOC", "Geetbets")), "rule"] == "context"
    assert result.loc[("d0", entity_id("PER", "Geetbets")), "corpus_label"] == "PER"


@pytest.mark.parametrize("source", ["nl_organisation_context", "nl_vessel_names", "nl_work_titles", "nl_datelines"])
def test_every_rule_that_reads_the_words_around_a_name_keeps_its_label_against_the_vote(source):
    tables = corpus([("Rembrandt", "PER", "Rembrandt")], [("Rembrandt", "PER", "Rembrandt")],
                    [("Rembrandt", "MISC", "Rembrandt", source)])
    result = links(tables)
    assert result.loc[("d2", entity_id("MISC", "Rembrandt")), "corpus_label"] == "MISC"
    assert result.loc[("d2", entity_id("MISC", "Rembrandt")), "rule"] == "context"


def test_compounds_keep_their_label():
    tables = corpus([("IS", "ORG", "IS"), ("IS-strijders", "MISC", "IS")], [("IS", "ORG", "IS")])
    result = summary(tables)
    assert result.loc[("ORG", "IS"), "mentions"] == 2 and result.loc[("MISC", "IS"), "variants"] == "IS-strijders"


def test_places_get_their_geonames_id_and_coordinates():
    result = summary(corpus([("Keulen", "LOC", "Keulen")], [("Irak", "LOC", "Irak")]))
    assert result.loc[("LOC", "Keulen"), "geonames_id"] == 2886242 and result.loc[("LOC", "Keulen"), "country_code"] == "DE"
    assert round(result.loc[("LOC", "Keulen"), "latitude"], 1) == 50.9
    assert result.loc[("LOC", "Irak"), "country_code"] == "IQ" and result.loc[("LOC", "Irak"), "geonames_id"] == 99237


@pytest.mark.skipif(not dutch_names(), reason="the Debian package libgeonames-common (Dutch GeoNames names) is not installed")
def test_a_place_and_its_dutch_exonym_are_one_entity_under_the_dutch_name():
    tables = corpus([("Köln", "LOC", "Köln"), ("Köln", "LOC", "Köln")], [("Keulen", "LOC", "Keulen")],
                    [("Rijsel", "LOC", "Rijsel"), ("Lille", "LOC", "Lille")])
    result = summary(tables)
    assert result.loc[("LOC", "Keulen"), "mentions"] == 3 and result.loc[("LOC", "Keulen"), "geonames_id"] == 2886242
    assert result.loc[("LOC", "Rijsel"), "mentions"] == 2 and result.loc[("LOC", "Rijsel"), "country_code"] == "FR"


def test_mention_rows_keep_their_document_level_entity_id():
    tables = corpus([("Mark Rutte", "PER", "Mark Rutte"), ("Rutte", "PER", "Mark Rutte")], [("Rutte", "PER", "Rutte")])
    before = tables.entities.copy()
    result = pipeline.aggregate(tables)
    pd.testing.assert_frame_equal(result.entities, before)
    joined = result.entities.merge(result.entity_links, on=["doc_id", "entity_id"])
    assert set(joined.corpus_canonical) == {"Mark Rutte"} and list(joined.entity_id) == list(before.entity_id)


@pytest.mark.skipif(not shipped_model_path().is_dir(), reason="the shipped model is not built")
def test_incremental_run_gives_the_summary_of_a_full_run(tmp_path: Path):
    texts = {
        "a": " date 2019-03-14 Premier Mark Rutte sprak in Den Haag met de Europese Unie.",
        "b": " date 2019-03-15 Rutte reist naar Brussel. De EU wacht.",
        "c": " date 2019-03-16 Volgens Rutte kan de EU niet wachten op de Nederlanders.",
    }
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    for doc_id, text in texts.items():
        (raw / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    pipeline.run(raw, out)
    (raw / "c.txt").write_text(" date 2019-03-16 Een Nederlander sprak met Rutte over de EU.", encoding="utf-8")
    (raw / "d.txt").write_text(" date 2019-03-17 Mark Rutte en de Verenigde Staten.", encoding="utf-8")
    incremental = pipeline.run(raw, out)
    assert incremental.run["counts"]["documents_reused"] == 2
    full = pipeline.run(raw, tmp_path / "full")
    for name in ("entity_summary", "entity_links", "cooccurrence", "timeline"):
        pd.testing.assert_frame_equal(pipeline.aggregate(incremental)[name], pipeline.aggregate(full)[name], obj=name)
    assert summary(full).loc[("PER", "Mark Rutte"), "documents"] == 4


def test_corpus_entity_is_named_after_its_most_frequent_capitalised_spelling():
    tables = corpus([("brexit", "MISC", "brexit"), ("brexit", "MISC", "brexit")], [("Brexit", "MISC", "Brexit")])
    assert summary(tables).loc[("MISC", "Brexit"), "mentions"] == 3
