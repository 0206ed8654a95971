"""Figures: golden cases, the seed article, and properties of the number readers and the component."""

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import pipeline
from pipeline.lemmas import comparative_of, head_noun_lemma
from pipeline.lexicon import (
    COMPARISON_WORDS,
    CONTAINER_NOUNS,
    FIGURE_QUALIFIERS_AFTER,
    FOCUS_WORDS,
    NUMBER_WORDS,
    ONE_SPELLINGS,
    PLURAL_NOUNS,
    TENS_WORDS,
)
from pipeline.model import get_nlp
from pipeline.numbers import parse_digits, parse_number, parse_number_word, slash_fraction
from pipeline.units import to_si

from .conftest import SEED

CASES = json.loads((Path(__file__).parent / "data" / "figures_cases.json").read_text(encoding="utf-8"))


def case_params():
    for case in CASES:
        marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if case.get("xfail") else []
        yield pytest.param(case, id=case["id"], marks=marks)


@pytest.fixture(scope="module")
def nlp():
    return get_nlp(None)


@pytest.mark.parametrize("case", list(case_params()))
def test_golden_figure(nlp, case):
    doc = nlp(case["sentence"])
    figures = [(span.text, span._.figure) for span in doc.spans["figures"]]
    if case.get("none"):
        assert figures == []
        return
    matches = [figure for text, figure in figures if text == case["text"]]
    assert matches, f"{case['text']!r} not among {[t for t, _ in figures]}"
    figure = matches[0]
    assert figure.value == pytest.approx(case["value"])
    assert (figure.value_max is None) == (case["value_max"] is None)
    if case["value_max"] is not None:
        assert figure.value_max == pytest.approx(case["value_max"])
    assert (figure.unit, figure.quantity, figure.qualifier, figure.vague) == (
        case["unit"], case["quantity"], case["qualifier"], case["vague"]
    )
    if "subject" in case:
        if figure.subject != case["subject"] and not nlp.has_pipe("trainable_lemmatizer"):
            pytest.xfail("plural lemmas and POS need the shipped model's lemmatizer and morphologizer")
        assert figure.subject == case["subject"]


def test_seed_article_figures(nlp):
    if not nlp.has_pipe("trainable_lemmatizer"):
        pytest.xfail("subjects (burger, mens) need the shipped model's lemmatizer")
    tables = pipeline.extract_texts([SEED.read_text(encoding="utf-8")], ids=["seed"])
    got = {(row.value, row.unit, row.qualifier, row.subject) for row in tables.figures.itertuples()}
    rows = [(row.value, row.unit, row.qualifier, row.subject) for row in tables.figures.itertuples()]
    assert (3.0, "km2", "approx", "") in got
    assert (12.0, "km2", "approx", "grondgebied") in got
    assert (100000.0, "", "exact", "") in got
    assert (1.5e6, "", "more_than", "mens") in got
    assert (700000.0, "", "approx", "") in got
    assert rows.count((100000.0, "", "approx", "burger")) == 2
    assert len(rows) == 7


def test_value_si_uses_units():
    tables = pipeline.extract_texts(["Het gebied beslaat ongeveer drie vierkante kilometer."])
    row = tables.figures.iloc[0]
    assert (row.value_si, row.unit_si) == (3e6, "m2")
    assert to_si(20, "°C") == (pytest.approx(293.15), "K")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_parse_number_never_raises(text):
    value = parse_number(text)
    assert value is None or isinstance(value, float)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["ruim", "3,2", "miljard", "euro", "tussen", "en", "à", "min", "%", "zo'n", "tientallen",
                                 "100.000", "burgers", "een", "half", "-", "3-1", "14.30", "uur", "mei", "2014", "€", "km²",
                                 "twee", "duizend", "graden", "."]), max_size=25))
def test_component_never_raises_and_spans_are_ordered(nlp, words):
    doc = nlp(" ".join(words))
    spans = list(doc.spans["figures"])
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:]))
    assert all(span._.figure is not None for span in spans)


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 999), st.integers(1, 999))
def test_a_share_is_one_figure_between_0_and_100_percent(part, whole):
    part, whole = min(part, whole), max(part, whole)
    nlp = get_nlp("blank")
    doc = nlp.make_doc(f"Volgens het onderzoek rijden {part} op de {whole} automobilisten te hard.")
    doc = nlp(doc)
    figures = [span._.figure for span in doc.spans["figures"]]
    assert len(figures) == 1 and figures[0].unit == "%"
    assert 0 < figures[0].value <= 100 and abs(figures[0].value - part / whole * 100) < 1e-9


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["tientallen", "honderden", "duizenden", "tienduizenden"]),
       st.sampled_from(["duizenden", "miljoenen", "miljarden"]))
def test_a_multiplier_never_yields_two_rows(vague, scale):
    nlp = get_nlp("blank")
    doc = nlp(nlp.make_doc(f"De schade bedraagt {vague} {scale} euro."))
    assert len(doc.spans["figures"]) == 1 and doc.spans["figures"][0]._.figure.unit == "EUR"


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(["snelheid", "temperatuur", "huur", "maximumsnelheid", "rente"]), st.integers(2, 999),
       st.integers(2, 999))
def test_a_figure_joined_to_the_one_before_shares_its_subject(noun, before, after):
    doc = get_nlp(None)(f"Volgens de gemeente gaat de {noun} van {before} naar {after}.")
    subjects = [span._.figure.subject for span in doc.spans["figures"]]
    assert subjects == [noun, noun]


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(sorted(CONTAINER_NOUNS)), st.integers(2, 999))
def test_a_container_noun_is_never_the_subject(noun, n):
    doc = get_nlp(None)(f"Dat {noun} van {n} is volgens de onderzoekers te hoog.")
    assert [span._.figure.subject for span in doc.spans["figures"]] == [""]


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(["hij", "ze", "zij"]), st.integers(1, 99))
def test_a_bare_number_said_of_a_person_is_an_age(pronoun, n):
    doc = get_nlp(None)(f"De buren vertelden dat {pronoun} toen pas {n} was.")
    figures = [span._.figure for span in doc.spans["figures"]]
    assert [(f.value, f.unit, f.quantity) for f in figures] == [(n, "a", "age")]


def spell(n: int) -> str:
    """A whole number below a million in Dutch words, written as one word ("tweeduizenddriehonderdvijfenveertig")."""
    units = {value: word for word, value in NUMBER_WORDS.items() if word not in ONE_SPELLINGS[1:]}
    tens = {value: word for word, value in TENS_WORDS.items()}
    if n >= 1000:
        return ("" if n // 1000 == 1 else spell(n // 1000)) + "duizend" + (spell(n % 1000) if n % 1000 else "")
    if n >= 100:
        return ("" if n // 100 == 1 else spell(n // 100)) + "honderd" + (spell(n % 100) if n % 100 else "")
    if n < 20:
        return units[n]
    unit, ten = n % 10, tens[n - n % 10]
    return ten if not unit else units[unit] + ("ën" if units[unit].endswith("e") else "en") + ten


@settings(max_examples=300, deadline=None)
@given(st.integers(1, 999_999))
def test_a_number_written_in_words_reads_back(n):
    assert parse_number_word(spell(n)) == n


@settings(max_examples=200, deadline=None)
@given(st.integers(1000, 10**12))
def test_digits_in_groups_read_back(n):
    assert parse_digits(f"{n:,}".replace(",", ".")) == n
    assert parse_digits(f"{n:,}".replace(",", " ")) == n


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=30))
def test_number_readers_never_raise(text):
    for reader in (parse_digits, parse_number_word, slash_fraction):
        value = reader(text)
        assert value is None or isinstance(value, float)


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 12), st.integers(2, 12))
def test_a_fraction_is_one_share_between_0_and_100_percent(top, bottom):
    top, bottom = min(top, bottom - 1) or 1, bottom
    nlp = get_nlp("blank")
    for written in (f"{top}/{bottom}", f"{spell(top)} op de {spell(bottom)}"):
        doc = nlp(nlp.make_doc(f"Volgens de peiling wil {written} van de kiezers een referendum."))
        figures = [span._.figure for span in doc.spans["figures"]]
        assert len(figures) == 1 and figures[0].unit == "%", written
        assert 0 < figures[0].value <= 100 and figures[0].value == pytest.approx(top / bottom * 100)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(["tientallen", "honderden", "duizenden", "tienduizenden", "honderdduizenden"]),
       st.sampled_from(["duizenden", "miljoenen", "miljarden"]),
       st.sampled_from(["euro", "euro's", "dollar", "mensen", "kilo", ""]))
def test_a_vague_count_with_its_multiplier_is_one_figure(vague, scale, after):
    nlp = get_nlp("blank")
    doc = nlp(nlp.make_doc(f"Het gaat om {vague} {scale} {after} volgens de krant."))
    figures = [span._.figure for span in doc.spans["figures"]]
    assert len(figures) == 1 and figures[0].vague and figures[0].qualifier == "approx"


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([*"0123456789 ,.-/½¼%€$", "een ", "half ", "op de ", "tot ", "jarige ", "miljoen ",
                                  "cent ", "graden ", "km ", "drie", "vijfde", "en"]), max_size=40))
def test_component_never_raises_on_number_soup(pieces):
    nlp = get_nlp("blank")
    doc = nlp(nlp.make_doc("".join(pieces)))
    spans = list(doc.spans["figures"])
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:]))
    assert all(span._.figure is not None and span._.figure.value is not None for span in spans)


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(sorted(FIGURE_QUALIFIERS_AFTER)), st.integers(2, 40), st.booleans())
def test_a_qualifier_after_a_figure_or_range_is_read(phrase, n, ranged):
    written = f"{n} à {n + 2} jaar" if ranged else f"{n} jaar"
    doc = get_nlp(None)(f"Volgens de directeur duurt de verbouwing {written} {phrase}.")
    figures = [(span.text, span._.figure) for span in doc.spans["figures"]]
    assert [(text, figure.qualifier) for text, figure in figures] == [(f"{written} {phrase}", FIGURE_QUALIFIERS_AFTER[phrase])]


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(["boete", "winst", "werkloosheid", "korting", "huurverhoging"]),
       st.sampled_from(sorted(FOCUS_WORDS)), st.integers(2, 99))
def test_the_noun_before_van_owns_the_amount_across_a_focus_word(noun, focus, n):
    doc = get_nlp(None)(f"De gemeente meldt een {noun} van {focus} {n} procent.")
    assert [span._.figure.subject for span in doc.spans["figures"]] == [noun]


@pytest.mark.parametrize("word", sorted(PLURAL_NOUNS))
def test_a_plural_noun_keeps_its_plural(word):
    vocab = get_nlp("blank").vocab
    assert head_noun_lemma(word, vocab) == word and head_noun_lemma("zorg" + word, vocab) == "zorg" + word


@pytest.mark.parametrize(("word", "lemma"), [
    ("jongeren", "jongere"), ("Roemenen", "roemeen"), ("Ogonimannen", "ogoniman"), ("voltijdsleraren", "voltijdsleraar"),
    ("collegabedrijven", "collegabedrijf"), ("collega's", "collega"), ("rondjes", "rondje"), ("kabinetten-Rutte", "kabinet"),
    ("belangstellenden", "belangstellende"), ("fractievoorzitters", "fractievoorzitter"), ("polen", "pool"),
    ("toeristen", "toerist"), ("kinderen", "kind"), ("Kinderen", "kind"), ("jaren", "jaar"), ("mkb-bedrijven", "mkb-bedrijf"),
    ("ict'ers", "ict'er"), ("Marokkanen", "marokkaan"), ("uitgaven", "uitgave"), ("armen", "arme"),
    ("superrijken", "superrijke"), ("koppies", "koppie"), ("studies", "studie"), ("verlies", "verlies"),
    ("jongsten", "jongste"), ("oudsten", "oudste"), ("gasten", "gast"), ("beesten", "beest"),
    ("Australiërs", "australiër"), ("Italiërs", "italiër"),
])
def test_head_noun_lemma(word, lemma):
    assert head_noun_lemma(word, get_nlp("blank").vocab) == lemma


@pytest.mark.parametrize(("word", "adjective"), [
    ("groener", "groen"), ("harder", "hard"), ("sneller", "snel"), ("groter", "groot"), ("hoger", "hoog"),
    ("duurder", "duur"), ("zwaarder", "zwaar"), ("liever", "lief"), ("grijzer", "grijs"), ("goedkoper", "goedkoop"),
    ("moeder", None), ("water", None), ("leider", None), ("kelder", None), ("meer", None),
])
def test_comparative_of(word, adjective):
    assert comparative_of(word, get_nlp("blank").vocab) == adjective


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["groener", "sneller", "goedkoper", "duurder", "groter", "harder"]), st.integers(2, 99),
       st.sampled_from([" dan vorig jaar.", " geworden.", "."]))
def test_a_comparative_after_an_amount_is_no_subject(word, n, rest):
    doc = get_nlp(None)(f"Het nieuwe model is {n} procent {word}{rest}")
    assert [span._.figure.subject for span in doc.spans["figures"]] in ([""], ["model"])  # the clause's subject


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_component_never_raises_on_any_text(text):
    nlp = get_nlp("blank")
    doc = nlp.get_pipe("nl_figures")(nlp.make_doc(text))  # the figure component alone, without dates
    assert all(span._.figure is not None for span in doc.spans["figures"])


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(sorted(COMPARISON_WORDS - {"te"})), st.integers(2, 99))
def test_a_comparison_word_after_an_amount_is_no_subject(word, n):
    doc = get_nlp(None)(f"Klanten betalen voortaan {n} cent {word} per liter.")
    assert [span._.figure.subject for span in doc.spans["figures"]] == [""]


@settings(max_examples=30, deadline=None)
@given(st.sampled_from([("vrouwen", "vrouw"), ("kiezers", "kiezer"), ("leden", "lid"), ("studenten", "student"),
                        ("bezoekers", "bezoeker")]),
       st.sampled_from(["stemde namelijk", "koos", "is", ""]), st.integers(2, 99), st.booleans())
def test_a_group_opening_the_clause_is_what_a_share_counts(group, verb, n, as_count):
    plural, lemma = group
    amount = str(n) if as_count else f"{n} procent"
    doc = get_nlp(None)(f"Dat blijkt uit de peiling, van de {plural} {verb} {amount} voor het plan.".replace("  ", " "))
    assert [span._.figure.subject for span in doc.spans["figures"]] == [lemma]


@settings(max_examples=40, deadline=None)
@given(st.integers(1900, 2100), st.sampled_from(["Vergeleken met {} is het werk zwaarder.", "En {} wordt een zwaar jaar.",
                                                 "De cijfers over {} zijn nog niet bekend.", "Hij denkt dat {} beter wordt."]))
def test_a_year_where_dutch_writes_years_is_no_figure(year, sentence):
    assert list(get_nlp(None)(sentence.format(year)).spans["figures"]) == []


@settings(max_examples=40, deadline=None)
@given(st.integers(1900, 2100))
def test_a_year_like_number_before_what_it_counts_stays_a_figure(n):
    doc = get_nlp(None)(f"Bij de opening kwamen {n} mensen.")
    assert [(span.text, span._.figure.subject) for span in doc.spans["figures"]] == [(str(n), "mens")]


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["Jan K.", "Sylvia R.", "Leo den H.", "Cohn-Bendit", "een man", "de verdachte"]), st.integers(1, 99),
       st.sampled_from([")", "):", "), die"]))
def test_a_bracketed_number_after_a_person_is_an_age(person, n, closing):
    doc = get_nlp(None)(f"Volgens de rechter heeft {person} ({n}{closing} gisteren niets gezegd.")
    assert [(f.value, f.unit, f.quantity) for f in (span._.figure for span in doc.spans["figures"])] == [(n, "a", "age")]


@settings(max_examples=30, deadline=None)
@given(st.integers(1, 95), st.permutations(["Sanne Bos, zangeres", "Bart Smit, wethouder", "Anna de Wit, schrijfster",
                                            "Kees Mol, trainer"]))
def test_the_numbers_of_a_list_run_into_the_text_are_no_figures(first, items):
    text = " ".join(f"{first + k}. {item}" for k, item in enumerate(items))
    assert list(get_nlp(None)(text).spans["figures"]) == []


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["je", "hij", "ze", "zij"]), st.integers(1, 110), st.sampled_from(["wordt", "is", "was", "werd"]),
       st.booleans())
def test_years_a_person_is_or_becomes_are_an_age(pronoun, n, verb, with_unit):
    amount = f"{n} jaar" if with_unit else str(n)
    doc = get_nlp(None)(f"Toen {pronoun} {amount} {verb}, kwam de burgemeester langs.")
    assert [(f.value, f.unit, f.quantity) for f in (span._.figure for span in doc.spans["figures"])] == [(n, "a", "age")]


@settings(max_examples=30, deadline=None)
@given(st.sampled_from([("ouder dan", "more_than"), ("jonger dan", "less_than")]), st.integers(1, 99),
       st.sampled_from(["", " jaar"]))
def test_a_figure_compared_by_ouder_or_jonger_is_an_age(comparison, n, unit):
    words, qualifier = comparison
    doc = get_nlp(None)(f"Kinderen {words} {n}{unit} betalen de volle prijs.")
    figures = [span._.figure for span in doc.spans["figures"]]
    assert [(f.value, f.unit, f.quantity, f.qualifier) for f in figures] == [(n, "a", "age", qualifier)]


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["sterfte", "boete", "schade", "rente"]), st.sampled_from(["", "in arme landen ", "volgens de bank "]),
       st.integers(2, 99))
def test_tot_after_a_modal_and_its_infinitive_is_a_ceiling(noun, phrase, n):
    doc = get_nlp(None)(f"De {noun} kan {phrase}oplopen tot {n} procent.")
    figures = [(span.text, span._.figure.qualifier, span._.figure.subject) for span in doc.spans["figures"]]
    assert figures == [(f"tot {n} procent", "at_most", noun)]


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["Tientallen", "Honderden", "Vele", "Enkele"]), st.sampled_from(["miljoenen", "miljarden"]),
       st.sampled_from(["belandden in Nederland.", "zijn verdwenen.", "gingen naar de club."]))
def test_a_vague_scale_with_nothing_counted_after_it_is_money(vague, scale, rest):
    doc = get_nlp(None)(f"Het onderzoek is klaar. {vague} {scale} {rest}")
    assert [(span._.figure.quantity, span._.figure.subject) for span in doc.spans["figures"]] == [("money", "")]


@settings(max_examples=30, deadline=None)
@given(st.sampled_from([("auto's", "auto"), ("foto's", "foto"), ("baby's", "baby"), ("taxi's", "taxi")]),
       st.sampled_from(["minder ", "meer ", ""]), st.integers(2, 99))
def test_a_plural_in_apostrophe_s_after_a_percentage_is_its_subject(noun, comparison, n):
    plural, lemma = noun
    doc = get_nlp(None)(f"Vorig jaar werden er {n} procent {comparison}{plural} verkocht.")
    assert [span._.figure.subject for span in doc.spans["figures"]] == [lemma]


@settings(max_examples=30, deadline=None)
@given(st.integers(2, 99), st.sampled_from(["", "ruim ", "bijna "]), st.sampled_from(["3000", "45.000", "2,5 miljoen"]),
       st.sampled_from([("stemmers", "stemmer"), ("leden", "lid"), ("kiezers", "kiezer")]))
def test_a_percentage_of_a_counted_group_counts_the_group(n, qualifier, whole, group):
    plural, lemma = group
    doc = get_nlp(None)(f"Volgens de peiling wil {n} procent van de {qualifier}{whole} {plural} een ander bestuur.")
    assert [span._.figure.subject for span in doc.spans["figures"]][0] == lemma


@settings(max_examples=30, deadline=None)
@given(st.integers(2, 99), st.sampled_from(["aan dit gebied verbonden", "in Amsterdam gebouwde", "door de jury gekozen"]),
       st.sampled_from([("ziekenhuizen", "ziekenhuis"), ("scholen", "school"), ("bedrijven", "bedrijf")]))
def test_a_participle_phrase_between_a_count_and_its_noun_is_skipped(n, phrase, noun):
    plural, lemma = noun
    doc = get_nlp(None)(f"Volgens de gemeente werken de {n} {phrase} {plural} samen.")
    assert [span._.figure.subject for span in doc.spans["figures"]] == [lemma]


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["twee", "drie", "10", "1,5", "bijna dertig", "ruim 400"]), st.sampled_from(["keer", "maal"]),
       st.sampled_from(["zo duur als vorig jaar", "meer mensen"]))
def test_a_multiplier_span_takes_its_word(number, word, rest):
    doc = get_nlp(None)(f"Volgens het rapport zijn er nu {number} {word} {rest}.")
    figures = [(span.text, span._.figure.subject) for span in doc.spans["figures"]]
    assert figures[0] == (f"{number} {word}", "keer")


@settings(max_examples=30, deadline=None)
@given(st.integers(1900, 2030), st.sampled_from(["sinds", "vanaf", "in"]), st.sampled_from(["grofweg", "ongeveer", "circa"]))
def test_an_approximate_year_after_its_preposition_is_no_figure(year, preposition, approx):
    doc = get_nlp(None)(f"De krant schrijft dat er {preposition} {approx} {year} een beweging in opkomst is.")
    assert list(doc.spans["figures"]) == []


@settings(max_examples=30, deadline=None)
@given(st.sampled_from([("jaar", "a"), ("maand", "mo"), ("week", "wk"), ("euro", "EUR")]),
       st.sampled_from(["vijf", "tien", "twintig", "zestig"]))
def test_een_unit_of_a_number_is_one_approximate_figure(unit, number):
    word, symbol = unit
    doc = get_nlp(None)(f"Volgens haar gaat het om een {word} of {number}, niet meer.")
    figures = [(span.text, span._.figure.unit, span._.figure.qualifier) for span in doc.spans["figures"]]
    assert figures == [(f"een {word} of {number}", symbol, "approx")]
