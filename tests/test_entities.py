"""Entity rule components on hand-set entities."""

import pytest
import spacy
from spacy.tokens import Span

from pipeline.entities import EntityCleaner, KnownPlaces
from pipeline.gazetteer import FIRST_NAME, PLACE, SURNAME, gazetteer_features
from pipeline.lexicon import is_title_word
from pipeline.model import load_nlp, shipped_model_path


def relabelled_by(component: str, text: str, span: tuple[int, int], label: str) -> list[tuple[int, int, str]]:
    """The entities (start, end, label) after ``component`` alone ran on ``text`` with one entity ``span``."""
    nlp = spacy.blank("nl")
    nlp.add_pipe(component)
    doc = nlp.make_doc(text)
    doc.ents = [Span(doc, *span, label=label)]
    return [(e.start, e.end, e.label_) for e in nlp(doc).ents]


@pytest.mark.parametrize("text,span,label,expected", [
    ("ten westen van de rivier Tigris", (5, 6), "MISC", "LOC"),
    ("in de deelstaat Tamil Nadu", (3, 5), "PER", "LOC"),
    ("de Rivier Tigris", (2, 3), "MISC", "LOC"),  # case of the noun does not matter
    ("de gemeente Amsterdam besliste", (2, 3), "ORG", "ORG"),  # a municipality may be the organisation
    ("Rivier Tigris", (0, 1), "MISC", "MISC"),  # the entity itself is no context
    ("de stad Mosul", (2, 3), "LOC", "LOC"),
    ("Ze woont aan de Jan van Galenstraat", (4, 7), "PER", "LOC"),  # a street
    ("het terras op het Olympiaplein", (4, 5), "MISC", "LOC"),
    ("te zien in RTL Boulevard", (3, 5), "ORG", "ORG"),  # a programme: "Boulevard" alone is no street compound
    ("Hij sprak met Jan Versteeg", (3, 5), "PER", "PER"),  # a surname with a particle glued to a street word
])
def test_place_context(text, span, label, expected):
    assert relabelled_by("nl_place_context", text, span, label) == [(*span, expected)]


@pytest.mark.parametrize("text,span,label,expected", [
    ("Hij woont in Geetbets", (3, 4), "PER", "LOC"),  # a person right after "in" is a place
    ("In Zinnik", (1, 2), "PER", "LOC"),
    ("Ze komt uit Rooborst", (3, 4), "PER", "LOC"),
    ("Hij werkt in Sabena", (3, 4), "ORG", "ORG"),  # only persons are reconsidered after a preposition
    ("Hij sprak met Leleux", (3, 4), "PER", "PER"),
    ("de rivier Tigris", (2, 3), "PER", "PER"),  # the noun is nl_place_context's evidence, not this rule's
])
def test_place_prepositions(text, span, label, expected):
    assert relabelled_by("nl_place_prepositions", text, span, label) == [(*span, expected)]


@pytest.mark.parametrize("text,span,expected", [
    ("het Iraakse leger rukt op", (0, 3), [(1, 3, "MISC")]),
    ("Juli 2000 was warm", (0, 2), []),  # a month is a date, not a name
    ("Augustus", (0, 1), []),
    ("Augustus de Morgan", (0, 3), [(0, 3, "MISC")]),
    ("( Mosul )", (0, 3), [(1, 2, "MISC")]),
    ("kinderen met ADHD krijgen hulp", (2, 3), []),  # an acronym of a common noun (docs/annotation.md)
    ("een IQ van 130", (1, 2), []),
    ("als God het wil", (1, 2), []),  # no person by the guideline
    ("de Wmo regelt dat", (1, 2), [(1, 2, "MISC")]),  # a law by name
])
def test_entity_cleaner(text, span, expected):
    nlp = spacy.blank("nl")
    nlp.add_pipe("nl_entity_cleaner")
    doc = nlp.make_doc(text)
    doc.ents = [Span(doc, *span, label="MISC")]
    assert [(e.start, e.end, e.label_) for e in nlp(doc).ents] == expected


@pytest.mark.parametrize("text, span, label, expected", [
    ("Hij reed naar Düsseldorf", (3, 4), "PER", "LOC"),
    ("in Sierra Leone", (1, 3), "PER", "LOC"),
    ("Shimon Peres sprak", (0, 2), "PER", "PER"),  # person names stay persons
    ("Peres sprak", (0, 1), "PER", "PER"),
    ("Hij zag Camarón", (2, 3), "PER", "PER"),  # not in the lists
    ("Düsseldorf won", (0, 1), "ORG", "ORG"),  # only persons are reconsidered: a club may carry a city's name
    ("DUS", (0, 1), "PER", "PER"),  # acronyms are left alone
])
def test_known_places(text, span, label, expected):
    table = {
        "words": {"Düsseldorf": PLACE, "DUS": PLACE, "Shimon": FIRST_NAME, "Peres": SURNAME | PLACE},
        "phrases": {"Sierra": [[PLACE, ["Sierra", "Leone"]]]},
    }
    layer = gazetteer_features(lambda: table)
    layer.initialize()
    component = KnownPlaces("nl_known_places", layer=layer)
    doc = spacy.blank("nl").make_doc(text)
    doc.ents = [Span(doc, *span, label=label)]
    assert [(e.start, e.end, e.label_) for e in component(doc).ents] == [(*span, expected)]


def test_known_places_does_nothing_without_a_gazetteer():
    nlp = spacy.blank("nl")
    nlp.add_pipe("nl_known_places")
    doc = nlp.make_doc("naar Düsseldorf")
    doc.ents = [Span(doc, 1, 2, label="PER")]
    assert [e.label_ for e in nlp(doc).ents] == ["PER"]


@pytest.mark.skipif(not shipped_model_path().is_dir(), reason="the shipped model is not built")
def test_shipped_pipeline_checks_persons_against_its_ner_gazetteer():
    layer = load_nlp().get_pipe("nl_known_places").layer
    assert layer is not None and layer.attrs["gazetteer"]["words"]["Düsseldorf"] & PLACE


@pytest.mark.parametrize(
    "text, name",
    [
        ("Kamerlid Fleur Agema stelde vragen .", "Fleur Agema"),
        ("Volgens wethouder Arjen Maathuis is dat zo .", "Arjen Maathuis"),
        ("Topman Ben van Beurden zweeg .", "Ben van Beurden"),
        ("Dat zei oud-premier Jan Peter Balkenende .", "Jan Peter Balkenende"),
        ("Prinses Ariane werd twaalf .", "Ariane"),
        ("Volgens dr. Ab Klink klopt het .", "Ab Klink"),
        ("Onderwijsminister Arie Slob opende .", "Arie Slob"),
    ],
)
def test_a_title_before_a_persons_name_is_not_part_of_it(text, name):
    nlp = spacy.blank("nl")
    cleaner = nlp.add_pipe("nl_entity_cleaner")
    doc = nlp(text)
    first = [t.text for t in doc].index(name.split()[0])
    title = first - 1
    doc.ents = [Span(doc, title, first + len(name.split()), "PER")]
    assert [e.text for e in cleaner(doc).ents] == [name]


def test_a_title_word_stays_in_names_that_are_not_persons():
    nlp = spacy.blank("nl")
    cleaner = nlp.add_pipe("nl_entity_cleaner")
    doc = nlp("Het Prins Bernhard Cultuurfonds en Minister gaven geld .")
    doc.ents = [Span(doc, 1, 4, "ORG"), Span(doc, 5, 6, "MISC")]
    assert [e.text for e in cleaner(doc).ents] == ["Prins Bernhard Cultuurfonds", "Minister"]


def test_scores_and_numbers_are_never_names():
    nlp = spacy.blank("nl")
    cleaner = nlp.add_pipe("nl_entity_cleaner")
    doc = nlp("Ajax won met 6-2 van 3FM en 112 .")
    doc.ents = [Span(doc, 3, 4, "MISC"), Span(doc, 5, 6, "ORG"), Span(doc, 7, 8, "ORG")]
    assert [e.text for e in cleaner(doc).ents] == ["3FM"]


@pytest.mark.parametrize("text,span,kept", [
    ("De Eurocommissaris wordt mikpunt van een campagne .", (1, 2), False),  # a title alone is no name
    ("Assistant Professor bij de universiteit", (1, 2), False),
    ("zegt Kamerlid Leider .", (2, 3), True),  # after another title: a surname
    ("Cortessa Leider zegt . zegt activeringscoach Leider .", (6, 7), True),  # the surname of a person named in full
])
def test_a_title_alone_is_no_person(text, span, kept):
    nlp = spacy.blank("nl")
    cleaner = nlp.add_pipe("nl_entity_cleaner")
    doc = nlp.make_doc(text)
    doc.ents = [Span(doc, 0, 2, "PER")] if text.startswith("Cortessa") else []
    doc.ents = [*doc.ents, Span(doc, *span, "PER")]
    assert ((*span, "PER") in [(e.start, e.end, e.label_) for e in cleaner(doc).ents]) == kept


def test_a_phrase_around_a_name_is_no_name_but_particles_open_names():
    nlp = spacy.blank("nl")
    cleaner = nlp.add_pipe("nl_entity_cleaner")
    doc = nlp("De beslissende slag om Mosul begon , zei van Gogh over de brexit .")
    doc.ents = [Span(doc, 2, 5, "MISC"), Span(doc, 8, 10, "PER"), Span(doc, 12, 13, "MISC")]
    assert [e.text for e in cleaner(doc).ents] == ["van Gogh", "brexit"]


def test_the_source_of_a_mention_names_the_rule_that_found_or_relabelled_it():
    nlp = spacy.blank("nl")
    nlp.add_pipe("nl_place_context")
    nlp.add_pipe("nl_canonical", config={"places": False})
    doc = nlp.make_doc("De rivier Tigris stroomt door Mosul . Mosul ligt in Irak .")
    doc.ents = [Span(doc, 2, 3, "PER"), Span(doc, 5, 6, "LOC"), Span(doc, 10, 11, "LOC")]
    doc = nlp(doc)
    sources = {(e.start, e.text): (e.label_, e._.source) for e in doc.ents}
    assert sources[(2, "Tigris")] == ("LOC", "nl_place_context")  # relabelled after "rivier"
    assert sources[(5, "Mosul")] == ("LOC", "model")
    assert sources[(7, "Mosul")] == ("LOC", "nl_canonical")  # the second mention, found by propagation
    assert sources[(10, "Irak")] == ("LOC", "model")


def test_every_entity_row_says_where_its_label_came_from():
    tables = pipeline_extract("De rivier Tigris stroomt door Mosul. Later viel Mosul. Volgens premier Rutte.")
    assert set(tables.entities.source) <= {
        "model", "nl_place_context", "nl_place_prepositions", "nl_known_places", "nl_datelines", "nl_organisation_context", "nl_organisation_heads",
        "nl_name_compounds", "nl_place_words", "nl_vessel_names", "nl_work_titles", "nl_canonical"}
    assert "model" in set(tables.entities.source)


def pipeline_extract(text: str):
    import pipeline

    return pipeline.extract_texts([text], dates=["2019-03-14"])


def test_an_organisation_cldr_lists_among_territories_is_an_organisation():
    nlp = spacy.blank("nl")
    known = nlp.add_pipe("nl_known_places")
    doc = nlp("De Verenigde Naties en de Europese Unie vergaderden in Genève .")
    doc.ents = [Span(doc, 1, 3, "LOC"), Span(doc, 5, 7, "LOC"), Span(doc, 9, 10, "LOC")]
    assert [(e.text, e.label_, e._.source) for e in known(doc).ents] == [
        ("Verenigde Naties", "ORG", "nl_known_places"), ("Europese Unie", "ORG", "nl_known_places"),
        ("Genève", "LOC", "model"),
    ]


def test_a_name_whose_last_word_makes_it_an_organisation_is_one():
    nlp = spacy.blank("nl")
    heads = nlp.add_pipe("nl_organisation_heads")
    doc = nlp("Jan de Vries van Ledeboer Investments sprak in het Rijksmuseum met de Minimapartij , "
              "de Likud-partij , de Kamercommissie en Hanna Groep .")
    doc.ents = [Span(doc, 0, 3, "PER"), Span(doc, 4, 6, "PER"), Span(doc, 9, 10, "LOC"), Span(doc, 12, 13, "LOC"),
                Span(doc, 15, 16, "MISC"), Span(doc, 18, 19, "MISC"), Span(doc, 20, 22, "PER")]
    assert [(e.text, e.label_, e._.source) for e in heads(doc).ents] == [
        ("Jan de Vries", "PER", "model"),
        ("Ledeboer Investments", "ORG", "nl_organisation_heads"),
        ("Rijksmuseum", "ORG", "nl_organisation_heads"),
        ("Minimapartij", "ORG", "nl_organisation_heads"),
        ("Likud-partij", "MISC", "model"),  # a name-bearing compound stays MISC (guideline)
        ("Kamercommissie", "MISC", "model"),
        ("Hanna Groep", "ORG", "nl_organisation_heads"),
    ]


@pytest.mark.parametrize("words, expected", [
    (["Willem", "van", "Oranje", "Scholengroep"], True),
    (["Bill", "and", "Melinda", "Gates", "Foundation"], True),
    (["Purus", "Limited"], True),
    (["Zoogdiervereniging"], True),
    (["Hanzehogeschool"], True),
    (["Groep"], False),  # the bare word is no name
    (["Mark", "Rutte"], False),
    (["Sovjet-Unie"], False),
    (["Doggersbank"], False),
    (["vereniging"], False),
    (["Veilig", "Verkeer", "Nederland"], True),  # a country's branch or body
    (["Artsen", "zonder", "Grenzen", "België"], True),
    (["Hart", "van", "Nederland"], False),  # after a preposition
    (["Nederland"], False),
    (["Chantal", "Vlaanderen"], False),  # a surname too
])
def test_names_an_organisation(words, expected):
    from pipeline.lexicon import names_an_organisation

    assert names_an_organisation(words) is expected


def test_a_common_word_opening_a_sentence_is_no_name_unless_a_list_knows_it():
    from thinc.api import Model

    from pipeline.entities import CommonWords
    from pipeline.gazetteer import ORGANISATION
    from pipeline.lemmas import common_words

    nlp = spacy.blank("nl")
    layer = Model("gazetteer_features", lambda *a: None, attrs={"gazetteer": {"words": {"Shell": ORGANISATION}}})
    component = CommonWords("nl_common_words", layer=layer, words=common_words(nlp.vocab))
    doc = nlp("Proces tegen Iliescu .\nNederlaag . Shell zweeg . Nederlandse boeren protesteren . Het Proces .")
    for token in doc:
        token.is_sent_start = token.i in (0, 5, 7, 10, 14)
    doc.ents = [Span(doc, 0, 1, "PER"), Span(doc, 2, 3, "PER"), Span(doc, 5, 6, "LOC"), Span(doc, 7, 8, "ORG"),
                Span(doc, 10, 11, "MISC"), Span(doc, 15, 16, "MISC")]
    assert [e.text for e in component(doc).ents] == ["Iliescu", "Shell", "Nederlandse", "Proces"]


@pytest.mark.parametrize("text, ent, kept", [
    ("Rook boven de haven\n\nHet vuur woedde", (0, 1, "PER"), False),  # a surname too, but only opening the title
    ("Rook boven de haven\n\nVolgens Rook woedde het vuur", (0, 1, "PER"), True),  # written inside a sentence
    ("Europarlement stemt in\n\nHet voorstel", (0, 1, "ORG"), True),  # an organisation is left to the NER
    ("Het vuur\n\nRook boven de haven", (3, 4, "PER"), True),  # not the title: a listed name stays
])
def test_a_listed_common_word_only_opening_the_title_is_no_name(text, ent, kept):
    from thinc.api import Model

    from pipeline.entities import CommonWords
    from pipeline.gazetteer import ORGANISATION, SURNAME

    layer = Model("gazetteer_features", lambda *a: None,
                  attrs={"gazetteer": {"words": {"Rook": SURNAME, "Europarlement": ORGANISATION}}})
    component = CommonWords("nl_common_words", layer=layer, words=frozenset({"rook", "europarlement"}))
    doc = spacy.blank("nl")(text)
    doc.ents = [Span(doc, *ent)]
    assert (len(component(doc).ents) == 1) is kept


def test_without_a_gazetteer_common_words_are_left_to_the_model():
    from pipeline.entities import CommonWords

    nlp = spacy.blank("nl")
    doc = nlp("Shell zweeg .")
    doc.ents = [Span(doc, 0, 1, "ORG")]
    assert [e.text for e in CommonWords("c", layer=None, words=frozenset({"shell"}))(doc).ents] == ["Shell"]


def test_a_compound_of_a_name_and_a_common_word_is_misc():
    from thinc.api import Model

    from pipeline.entities import NameCompounds
    from pipeline.gazetteer import ORGANISATION, OTHER_NAME, SURNAME
    from pipeline.lemmas import common_words

    nlp = spacy.blank("nl")
    words = {"PVV": ORGANISATION, "CO2": OTHER_NAME, "Singer": SURNAME, "Oud": SURNAME}
    layer = Model("gazetteer_features", lambda *a: None, attrs={"gazetteer": {"words": words, "phrases": {}}})
    component = NameCompounds("nl_name_compounds", layer=layer, words=common_words(nlp.vocab))
    doc = nlp("PVV-leider Wilders , de Fulani-herders , de CO2-heffing , Singer-songwriter Oud-links en "
              "de Dogon-jagers met Fulani .")
    doc.ents = [Span(doc, 1, 2, "PER"), Span(doc, 15, 16, "MISC")]
    assert [(e.text, e.label_, e._.source) for e in component(doc).ents] == [
        ("PVV-leider", "MISC", "nl_name_compounds"),  # a listed organisation
        ("Wilders", "PER", "model"),
        ("Fulani-herders", "MISC", "nl_name_compounds"),  # a name the document tags elsewhere
        ("Fulani", "MISC", "model"),  # "Dogon-jagers": "Dogon" is neither listed nor tagged
    ]


def test_a_name_after_a_kind_of_organisation_is_one():
    nlp = spacy.blank("nl")
    context = nlp.add_pipe("nl_organisation_context")
    nlp.add_pipe("sentencizer", first=True)
    doc = nlp("Bij ziekenhuis Rijnstate en onderzoeksbureau Telecompaper , de waterschappen Vechtstromen en Aa "
              "en minister Bruins . Detacheerder PEAK-IT werft , het bedrijf Groot zegt niets .")
    doc.ents = [Span(doc, 2, 3, "MISC"), Span(doc, 5, 6, "PER"), Span(doc, 9, 10, "LOC"), Span(doc, 11, 12, "LOC"),
                Span(doc, 14, 15, "PER")]
    doc = context(nlp.get_pipe("sentencizer")(doc))
    assert [(e.text, e.label_, e._.source) for e in doc.ents] == [
        ("Rijnstate", "ORG", "nl_organisation_context"), ("Telecompaper", "ORG", "nl_organisation_context"),
        ("Vechtstromen", "ORG", "nl_organisation_context"), ("Aa", "ORG", "nl_organisation_context"),
        ("Bruins", "PER", "model"),
        ("PEAK-IT", "ORG", "nl_organisation_context"),  # a name the NER passed over
    ]  # "Groot" after "bedrijf" is a common word


@pytest.mark.parametrize("text,spans,expected", [
    # a list opened after a kind of organisation: every name of it is one
    ("bij de onderzochte biowinkels ( Marqt , EkoPlaza , Natuurwinkel en Odin ) lagen de prijzen hoger",
     [(5, 6, "PER"), (7, 8, "PER"), (9, 10, "MISC"), (11, 12, "LOC")], ["ORG", "ORG", "ORG", "ORG"]),
    ("rechtse partijen als Otzma Yehudit doen mee", [(3, 5, "PER")], ["ORG"]),
    # a list goes on after a name the NER already called an organisation
    ("op verzoek van de hogescholen HAN en Van Hall Larenstein .", [(5, 6, "ORG"), (7, 10, "PER")], ["ORG", "ORG"]),
    ("topvrouw van het bedrijf Huawei , Meng Wanzhou , klaagt", [(4, 5, "ORG"), (6, 8, "PER")], ["ORG", "PER"]),
    ("supermarktketens zoals Vomar en Dirk", [(2, 3, "PER"), (4, 5, "PER")], ["ORG", "ORG"]),
    ("in steden als Utrecht en Gent", [(3, 4, "LOC"), (5, 6, "LOC")], ["LOC", "LOC"]),  # no kind of organisation
    ("zei de bank : Jansen weet het", [(4, 5, "PER")], ["PER"]),
])
def test_a_list_after_a_kind_of_organisation_names_organisations(text, spans, expected):
    nlp = spacy.blank("nl")
    context = nlp.add_pipe("nl_organisation_context")
    doc = nlp.make_doc(text)
    doc.ents = [Span(doc, *span[:2], label=span[2]) for span in spans]
    assert [e.label_ for e in context(doc).ents if (e.start, e.end) in {s[:2] for s in spans}] == expected


def test_an_initial_after_a_kind_of_organisation_is_no_organisation():
    nlp = spacy.blank("nl")
    context = nlp.add_pipe("nl_organisation_context")
    nlp.add_pipe("sentencizer", first=True)
    doc = nlp("Zijn advocaten vragen de rechtbank S. geen straf op te leggen .")
    assert context(nlp.get_pipe("sentencizer")(doc)).ents == ()


def test_compounds_of_kamer_and_staten_are_misc_whatever_the_model_said():
    from pipeline.entities import NameCompounds

    nlp = spacy.blank("nl")
    doc = nlp("Na de Statenverkiezingen vergaderden de Kamerleden met de Tweede Kamer .")
    doc.ents = [Span(doc, 2, 3, "PER"), Span(doc, 8, 10, "ORG")]
    component = NameCompounds("nl_name_compounds", layer=None, words=frozenset())
    assert [(e.text, e.label_) for e in component(doc).ents] == [
        ("Statenverkiezingen", "MISC"), ("Kamerleden", "MISC"), ("Tweede Kamer", "ORG"),
    ]


def test_a_member_named_after_an_organisation_is_misc():
    from pipeline.entities import NameCompounds

    nlp = spacy.blank("nl")
    doc = nlp("Drie PVV'ers , een GroenLinkser en een HvA'er spraken met twee zzp'ers en een Zzp'er .")
    component = NameCompounds("nl_name_compounds", layer=None, words=frozenset())
    assert [(e.text, e.label_, e._.source) for e in component(doc).ents] == [
        ("PVV'ers", "MISC", "nl_name_compounds"), ("GroenLinkser", "MISC", "nl_name_compounds"),
        ("HvA'er", "MISC", "nl_name_compounds"),
    ]


def test_a_compound_of_a_name_of_several_words_is_misc_whole():
    from pipeline.entities import NameCompounds

    nlp = spacy.blank("nl")
    doc = nlp("Ook Forum voor Democratie-voorman Thierry Baudet en de No Surrender-baas waren bij de Al Nuri-moskee .")
    doc.ents = [Span(doc, 1, 4, "ORG"), Span(doc, 4, 6, "PER"), Span(doc, 8, 10, "ORG"), Span(doc, 13, 15, "LOC")]
    component = NameCompounds("nl_name_compounds", layer=None, words=frozenset())
    assert [(e.text, e.label_) for e in component(doc).ents] == [
        ("Forum voor Democratie-voorman", "MISC"), ("Thierry Baudet", "PER"), ("No Surrender-baas", "MISC"),
        ("Al Nuri-moskee", "LOC"),
    ]


@pytest.mark.parametrize("text, span, label, expected", [
    ("Oprichter is de Deen Dennis Andersen .", (3, 6), "PER", [("Deen", "MISC"), ("Dennis Andersen", "PER")]),
    ("gevestigd in het Deense Herning", (3, 5), "LOC", [("Deense", "MISC"), ("Herning", "LOC")]),
    ("weet Fransman Simon Henry .", (1, 4), "PER", [("Fransman", "MISC"), ("Simon Henry", "PER")]),
    ("Noor de Vries won", (0, 3), "PER", [("Noor de Vries", "PER")]),  # a first name, not a Norwegian
    ("Frans Timmermans sprak", (0, 2), "PER", [("Frans Timmermans", "PER")]),
    ("naar de Russische Federatie", (2, 4), "LOC", [("Russische Federatie", "LOC")]),  # no place after it
    ("in de Noorse Zee", (2, 4), "LOC", [("Noorse Zee", "LOC")]),  # a common noun after it
    ("de Nederlandse Spoorwegen", (1, 3), "ORG", [("Nederlandse Spoorwegen", "ORG")]),  # organisations keep it
    ("Oprichter is de Deen Dennis Andersen .", (3, 6), "MISC", [("Deen", "MISC"), ("Dennis Andersen", "PER")]),
    ("tijdens de Franse Revolutie", (2, 4), "MISC", [("Franse Revolutie", "MISC")]),  # no person after it
])
def test_a_nationality_word_is_split_off_the_person_or_place_it_describes(text, span, label, expected):
    table = {
        "words": {"Dennis": FIRST_NAME, "Deen": SURNAME, "Noor": FIRST_NAME, "Frans": FIRST_NAME, "Simon": FIRST_NAME},
        "phrases": {},
    }
    layer = gazetteer_features(lambda: table)
    layer.initialize()
    cleaner = EntityCleaner("nl_entity_cleaner", layer=layer)
    doc = spacy.blank("nl").make_doc(text)
    doc.ents = [Span(doc, *span, label=label)]
    assert [(e.text, e.label_) for e in cleaner(doc).ents] == expected


@pytest.mark.parametrize("text, span, kept", [
    ("' Ik ook ' , klinkt het . Rechtbankvoorzitter Gielen krijgt", (8, 9), False),
    ("zei Commissievoorzitter Juncker", (1, 2), False),
    ("Oud-premier Lubbers", (0, 1), False),
    ("VVD-Kamerlid Dilan Yesilgöz", (0, 1), True),  # a compound of a name is MISC
    ("Minister gaven geld", (0, 1), True),  # no name follows
])
def test_a_title_tagged_alone_before_a_name_is_no_name(text, span, kept):
    cleaner = EntityCleaner("nl_entity_cleaner")
    doc = spacy.blank("nl").make_doc(text)
    doc.ents = [Span(doc, *span, label="MISC")]
    assert bool(cleaner(doc).ents) is kept


@pytest.mark.parametrize("word, expected", [
    ("Rechtbankvoorzitter", True), ("Onderwijsminister", True), ("oud-premier", True), ("Oranje-international", True),
    ("Swarts", False), ("Hoogenbaas", False), ("Deschrijver", False), ("Amsterdam", False),
])
def test_title_words_and_compound_titles(word, expected):
    assert is_title_word(word) is expected


@pytest.mark.parametrize("text, span, expected", [
    ("Complicaties Roel kreeg koorts", (0, 2), "Roel"),  # a heading run into the name
    ("zegt hoogleraar Stadsontwikkeling Frits de Wit", (2, 6), "Frits de Wit"),
    ("Bakker Jan zei", (0, 2), "Bakker Jan"),  # a surname too
    ("Roos Ouwehand zei", (0, 2), "Roos Ouwehand"),  # a first name that is a noun
    ("Complicaties Vermeulen zei", (0, 2), "Complicaties Vermeulen"),  # no first name follows
])
def test_a_common_noun_run_into_a_persons_name_is_dropped(text, span, expected):
    table = {"words": {"Roel": FIRST_NAME, "Frits": FIRST_NAME, "Jan": FIRST_NAME, "Bakker": SURNAME,
                       "Roos": FIRST_NAME, "Ouwehand": SURNAME, "Vermeulen": SURNAME}, "phrases": {}}
    layer = gazetteer_features(lambda: table)
    layer.initialize()
    cleaner = EntityCleaner("nl_entity_cleaner", layer=layer)
    doc = spacy.blank("nl").make_doc(text)
    doc.ents = [Span(doc, *span, label="PER")]
    assert [e.text for e in cleaner(doc).ents] == [expected]


@pytest.mark.parametrize("text, ents, expected", [
    # the NER cut the name: "Forum" ORG, "Democratie-leider" MISC
    ("volgens Forum voor Democratie-leider Baudet", [(1, 2, "ORG"), (3, 4, "MISC"), (4, 5, "PER")],
     [("Forum voor Democratie-leider", "MISC"), ("Baudet", "PER")]),
    ("het Raad van State-advies kwam", [(1, 2, "ORG"), (3, 4, "LOC")], [("Raad van State-advies", "MISC")]),
    # a name the document tags whole elsewhere, though no list has it
    ("De Stichting Groene Hart steunt . Stichting Groene Hart-voorzitter Jan", [(1, 4, "ORG"), (6, 8, "ORG")],
     [("Stichting Groene Hart", "ORG"), ("Stichting Groene Hart-voorzitter", "MISC")]),
    ("de wethouder van Amsterdam-Noord zei", [(3, 4, "LOC")], [("Amsterdam-Noord", "LOC")]),
])
def test_a_compound_of_a_name_of_several_words_the_ner_cut_is_misc_whole(text, ents, expected):
    from pipeline.entities import NameCompounds

    table = {"words": {}, "phrases": {"Forum": [[256, ["Forum", "voor", "Democratie"]]],
                                      "Raad": [[256, ["Raad", "van", "State"]]]}}
    layer = gazetteer_features(lambda: table)
    layer.initialize()
    doc = spacy.blank("nl").make_doc(text)
    doc.ents = [Span(doc, start, end, label) for start, end, label in ents]
    component = NameCompounds("nl_name_compounds", layer=layer, words=frozenset())
    assert [(e.text, e.label_) for e in component(doc).ents] == expected


@pytest.mark.parametrize("text, expected", [
    ("Cel in om valse aangifte. parijs\n\nEen man die", [("parijs", "LOC", "nl_datelines")]),
    ("Studenten in oude flat. velp\n\nBuitenlandse studenten", [("velp", "LOC", "nl_datelines")]),
    ("Nieuwe brug geopend. DEN HAAG\n\nDe brug", [("DEN HAAG", "LOC", "nl_datelines")]),
    ("Verhuizing. personalia\n\nDe directeur", []),  # a section, no place
    ("Rente omhoog. IMF\n\nHet fonds", []),  # an acronym
    ("Regen in de stad. new york\n\nHet regent", [("new york", "LOC", "nl_datelines")]),
    ("Zonder titelpunt velp\n\nTekst", []),
])
def test_a_place_written_in_one_case_after_the_title_is_its_dateline(text, expected):
    from pipeline.entities import Datelines

    doc = spacy.blank("nl")(text)
    assert [(e.text, e.label_, e._.source) for e in Datelines("nl_datelines")(doc).ents] == expected


def test_a_dateline_the_ner_labelled_otherwise_becomes_a_place():
    from pipeline.entities import Datelines

    doc = spacy.blank("nl")("Nieuwe brug geopend. ROTTERDAM\n\nDe brug")
    doc.ents = [Span(doc, 4, 5, "ORG")]
    assert [(e.text, e.label_) for e in Datelines("nl_datelines")(doc).ents] == [("ROTTERDAM", "LOC")]


@pytest.mark.parametrize("text,ents,expected", [
    # from dpgmedia2019 sentences, paraphrased
    ("Het interieur is geïnspireerd op de Hollywoodfilm 'Something's Gotta Give', die zich afspeelt aan zee.",
     [("Something's", "MISC"), ("Gotta Give", "ORG")], [("Something's Gotta Give", "MISC")]),
    ("Het is een vervolg op het grote onderzoek 'Seks onder je 25ste' uit 2017.", [], [("Seks onder je 25ste", "MISC")]),
    ("Ze gaat met het liedje ‘Arcade’ naar het songfestival.", [("Arcade", "LOC")], [("Arcade", "MISC")]),
    ("Hij las het boek “The Fourth Turning” uit 1997.", [], [("The Fourth Turning", "MISC")]),
    ("Het lied 'Wilhelmus' klonk.", [], [("Wilhelmus", "MISC")]),
    ("De reactie 'Dit klopt niet' kwam snel.", [], []),  # "reactie" is no work
    ("Ze zei in de film 'Ik ga weg.' en vertrok.", [], []),  # a quoted sentence is no title
    ("De column 'Pokkenherrie\" staat hier.", [], []),  # quotes that do not pair
    ("Volgens Jansen is het 'Nederland' dat betaalt.", [("Jansen", "PER")], [("Jansen", "PER")]),  # no work noun
])
def test_a_quoted_title_after_a_noun_for_a_work_is_misc(text, ents, expected):
    nlp = spacy.blank("nl")
    titles = nlp.add_pipe("nl_work_titles")
    doc = nlp.make_doc(text)
    doc.ents = [doc.char_span(text.index(name), text.index(name) + len(name), label=label) for name, label in ents]
    doc = titles(doc)
    assert [(e.text, e.label_) for e in doc.ents] == expected
    assert all(e._.source == "nl_work_titles" for e in doc.ents if (e.text, e.label_) not in ents)


@pytest.mark.skipif(not shipped_model_path().is_dir(), reason="the shipped model is not built")
@pytest.mark.parametrize("text,ents,expected", [
    # from dpgmedia2019 sentences, paraphrased
    ("Het gaat om de Hengelose wijk Hasseler Es .", [], [("Hengelose", "MISC")]),  # "Hasseler" opens a name
    ("Veel Bredanaars zongen mee .", [("Bredanaars", "ORG")], [("Bredanaars", "MISC")]),
    ("Hij woont aan de Amsterdamse Apollolaan .", [("Amsterdamse Apollolaan", "LOC")],
     [("Amsterdamse", "MISC"), ("Apollolaan", "LOC")]),
    ("Wandelen over de Utrechtse Heuvelrug .", [("Utrechtse Heuvelrug", "LOC")], [("Utrechtse Heuvelrug", "LOC")]),
    ("Ruslands president sprak .", [("Ruslands", "LOC")], [("Ruslands", "LOC")]),  # a genitive
    ("Volgens Geels klopt het .", [("Geels", "PER")], [("Geels", "PER")]),  # a person keeps the NER's reading
    ("Wanneer komt hij ?", [], []),
])
def test_a_word_of_a_place_is_misc(text, ents, expected):
    nlp = load_nlp()
    doc = nlp.make_doc(text)
    doc.ents = [doc.char_span(text.index(name), text.index(name) + len(name), label=label) for name, label in ents]
    doc = nlp.get_pipe("nl_place_words")(doc)
    assert [(e.text, e.label_) for e in doc.ents] == expected


@pytest.mark.parametrize("text,span,label,expected", [
    # from dpgmedia2019 sentences, paraphrased
    ("Wat het bergingsschip Geosund uit de Noordzee takelde", (3, 4), "LOC", "MISC"),
    ("met zijn 47 meter lange jacht Celestial Hope .", (6, 8), "PER", "MISC"),
    ("het besluit om reddingsschip Sea Watch 3 te weren", (4, 7), "ORG", "MISC"),
    ("de jacht op Poetin", (3, 4), "PER", "PER"),  # not right after the noun
    ("de scheepswerf Damen bouwt", (2, 3), "ORG", "ORG"),  # a shipyard is no ship
])
def test_a_name_after_a_noun_for_a_vessel_is_misc(text, span, label, expected):
    assert relabelled_by("nl_vessel_names", text, span, label) == [(*span, expected)]
