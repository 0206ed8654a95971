"""The news-gold standard: its loader checks every offset, and its scorer counts as the guideline says."""

from __future__ import annotations

import json

import pytest

from pipeline.evaluate_news import compare, errors, figure_agrees, match_overlapping
from pipeline.news_gold import (
    GOLD_FILE,
    AnnotatedArticle,
    DateAnnotation,
    EntityAnnotation,
    FigureAnnotation,
    GoldFormatError,
    load_gold,
    parse_record,
)

from .conftest import ROOT, shared_path

TEXT = " date 2019-03-14 Kabinet\n\nMinister Wopke Hoekstra gaf vorige week ruim 2 miljoen euro uit in Den Haag."


def span(surface: str) -> dict:
    start = TEXT.index(surface)
    return {"start": start, "end": start + len(surface), "text": surface}


def record(**layers) -> dict:
    return {"id": 1, "split": "dev", "date": "2019-03-14", **layers}


def test_a_record_that_fits_its_text_loads():
    article = parse_record(record(
        entities=[{**span("Wopke Hoekstra"), "label": "PER"}, {**span("Den Haag"), "label": "LOC"}],
        figures=[{**span("ruim 2 miljoen euro"), "value": 2e6, "unit": "EUR", "quantity": "money",
                  "qualifier": "more_than", "subject": ""}],
        dates=[{**span("vorige week"), "type": "DATE", "value": "2019-W10", "mod": "", "value_end": None}],
    ), TEXT)
    assert [e.text for e in article.entities] == ["Wopke Hoekstra", "Den Haag"]
    assert article.figures[0].value == 2e6 and article.figures[0].value_max is None
    assert article.dates[0].value == "2019-W10" and article.dates[0].value_end == ""


@pytest.mark.parametrize(
    "layers, message",
    [
        ({"entities": [{"start": 27, "end": 35, "text": "Hoekstra", "label": "PER"}]}, "entity 0: text at 27:35"),
        ({"entities": [{**span("Den Haag"), "label": "CITY"}]}, "'CITY' is not one of PER"),
        ({"entities": [{"start": 5, "end": 500, "text": "x", "label": "PER"}]}, "outside the article"),
        ({"figures": [{**span("2 miljoen"), "value": "twee"}]}, "figure 0: 'twee' is not a number"),
        ({"figures": [{**span("2 miljoen"), "value": 2e6, "qualifier": "roughly"}]}, "'roughly' is not one of"),
        ({"dates": [{**span("vorige week"), "value": ""}]}, "date 0: value '' is not a TIMEX3 value"),
        ({"dates": [{**span("vorige week"), "value": "2019-W10", "mod": "SOON"}]}, "'SOON' is not one of"),
        ({"entities": [{**span("Wopke Hoekstra"), "label": "PER"}, {**span("Hoekstra"), "label": "PER"}]}, "overlap"),
    ],
)
def test_a_record_that_does_not_fit_is_refused_naming_article_and_item(layers, message):
    with pytest.raises(GoldFormatError, match="article 1") as info:
        parse_record(record(**layers), TEXT, "gold.jsonl")
    assert message in str(info.value) and "gold.jsonl" in str(info.value)


def test_a_changed_article_text_is_refused():
    with pytest.raises(GoldFormatError, match="sha256 mismatch"):
        parse_record({**record(), "sha256": "0" * 64}, TEXT)


def test_the_record_of_an_article_round_trips():
    article = parse_record(record(entities=[{**span("Den Haag"), "label": "LOC"}]), TEXT)
    assert parse_record(json.loads(json.dumps(article.record())), TEXT) == article


def article(entities=(), figures=(), dates=()) -> AnnotatedArticle:
    return AnnotatedArticle(1, "dev", "2019-03-14", TEXT, list(entities), list(figures), list(dates))


def figure(start, end, value, unit="", qualifier="exact", subject="", value_max=None) -> FigureAnnotation:
    return FigureAnnotation(start, end, TEXT[start:end], value, value_max, unit, "count", qualifier, subject)


def date(start, end, value, mod="", value_end="") -> DateAnnotation:
    return DateAnnotation(start, end, TEXT[start:end], value, "DATE", mod, value_end)


def test_entities_count_only_exact_span_and_label():
    gold = article([EntityAnnotation(35, 49, "Wopke Hoekstra", "PER"), EntityAnnotation(93, 101, "Den Haag", "LOC"),
                    EntityAnnotation(17, 24, "Kabinet", "ORG")])
    predicted = article([EntityAnnotation(27, 49, "inister Wopke Hoekstra", "PER"),
                         EntityAnnotation(93, 101, "Den Haag", "LOC"), EntityAnnotation(17, 24, "Kabinet", "MISC")])
    result = compare([gold], [predicted])["entities"]
    assert result["overall"] == {"p": 0.3333, "r": 0.3333, "f": 0.3333, "tp": 1, "fp": 2, "fn": 2}
    assert result["per_label"]["LOC"]["f"] == 1.0
    assert result["per_label"]["PER"] == {"p": 0.0, "r": 0.0, "f": 0.0, "tp": 0, "fp": 1, "fn": 1}
    assert result["per_label"]["MISC"]["fp"] == 1 and result["per_label"]["ORG"]["fn"] == 1


def test_figures_count_by_overlap_value_and_unit_with_qualifier_and_subject_accuracy():
    gold = article(figures=[figure(66, 85, 2e6, "EUR", "more_than"), figure(0, 5, 3), figure(10, 15, 4, subject="man")])
    predicted = article(figures=[
        figure(71, 85, 2e6, "EUR", "exact"),     # overlaps, same value and unit: right, qualifier wrong
        figure(0, 3, 3.0000001),                 # overlaps, same value within rounding: right
        figure(10, 15, 4, "%"),                  # overlaps, wrong unit: a miss and a false alarm
        figure(30, 35, 7),                       # no gold: a false alarm
    ])
    result = compare([gold], [predicted])["figures"]
    assert (result["tp"], result["fp"], result["fn"]) == (2, 2, 1)
    assert result["p"] == 0.5 and result["r"] == 0.6667
    assert result["qualifier_acc"] == 0.5 and result["subject_acc"] == 1.0
    assert result["span_f"] == pytest.approx(2 * 0.75 * 1.0 / 1.75, abs=1e-4)


def test_a_range_needs_both_ends():
    assert not figure_agrees(figure(0, 5, 24, "a", value_max=65), figure(0, 5, 24, "a"))
    assert figure_agrees(figure(0, 5, 24, "a", value_max=65), figure(0, 5, 24.0, "a", value_max=65.0))


def test_dates_count_by_overlap_and_value_with_mod_accuracy():
    gold = article(dates=[date(54, 65, "2019-W10"), date(0, 10, "2019", "ON_OR_AFTER"), date(20, 25, "2010", value_end="2015")])
    predicted = article(dates=[date(61, 65, "2019-W10"), date(0, 4, "2019"), date(20, 25, "2010")])
    result = compare([gold], [predicted])["dates"]
    assert (result["tp"], result["fp"], result["fn"]) == (2, 1, 1)
    assert result["mod_acc"] == 0.5


def test_one_prediction_matches_one_gold_annotation():
    gold = [figure(0, 10, 5), figure(11, 20, 5)]
    matches = match_overlapping(gold, [figure(5, 15, 5)], figure_agrees)
    assert len(matches.pairs) == 1 and len(matches.missed) == 1 and not matches.spurious


def test_errors_name_the_article_the_offsets_and_what_differs():
    gold = article([EntityAnnotation(93, 101, "Den Haag", "LOC")], [figure(66, 85, 2e6, "EUR")], [date(54, 65, "2019-W10")])
    predicted = article([EntityAnnotation(93, 101, "Den Haag", "ORG")], [], [date(54, 65, "2019-W11")])
    lines = errors([gold], [predicted])
    assert "1 entity  93:101 'Den Haag' gold LOC, predicted ORG" in lines
    assert any(line.startswith("1 figure  66:85") and "missed (gold 2e+06 EUR)" in line for line in lines)
    assert any("gold 2019-W10, predicted 'vorige week' 2019-W11" in line for line in lines)


def test_the_gold_standard_loads_with_every_offset_checked():
    articles = shared_path("corpora", "dpgmedia2019", "articles.jsonl")
    sample = json.loads((ROOT / "data" / "news-gold" / "sample.json").read_text())
    dev, test = load_gold("dev", GOLD_FILE, articles), load_gold("test", GOLD_FILE, articles)
    assert sorted(a.id for a in dev) == sorted(sample["dev"]) and len(dev) == 80
    assert sorted(a.id for a in test) == sorted(sample["test"]) and len(test) == 40
    assert all(a.text.startswith(f" date {a.date} ") for a in dev + test)
    assert sum(len(a.entities) for a in dev) > 1000 and sum(len(a.figures) for a in dev) > 100


def test_a_gold_file_that_names_a_missing_article_is_refused(tmp_path):
    articles = shared_path("corpora", "dpgmedia2019", "articles.jsonl")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": 1, "split": "dev", "entities": []}) + "\n")
    with pytest.raises(GoldFormatError, match="article 1 is not in"):
        load_gold("dev", gold, articles)


def test_training_text_leaves_the_gold_articles_out():
    corpora = shared_path("corpora")
    from pipeline.training import news_paragraphs

    gold_titles = {a.text.split("\n", 1)[0][len(f" date {a.date} "):] for a in load_gold(None, GOLD_FILE)}
    assert not gold_titles & set(news_paragraphs(corpora))
