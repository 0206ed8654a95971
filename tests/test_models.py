"""Other spaCy pipelines by path or name, label mapping, evaluation and a tiny training run."""

import json
from pathlib import Path

import pytest
import spacy
from typer.testing import CliRunner

import pipeline
from pipeline.cli import app
from pipeline.model import load_nlp


@pytest.fixture(scope="module")
def foreign_model(tmp_path_factory) -> Path:
    """A spaCy pipeline with OntoNotes-style labels, saved to a folder like an installed package."""
    nlp = spacy.blank("nl")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([
        {"label": "PERSON", "pattern": "Abu Bakr al-Baghdadi"},
        {"label": "GPE", "pattern": "Irak"},
        {"label": "FAC", "pattern": [{"TEXT": "Al"}, {"TEXT": "Nuri-moskee"}]},
        {"label": "NORP", "pattern": "Iraakse"},
        {"label": "ORG", "pattern": "AFP"},
        {"label": "DATE", "pattern": "2014"},
        {"label": "CARDINAL", "pattern": "100.000"},
    ])
    path = tmp_path_factory.mktemp("models") / "xx_foreign_news"
    nlp.to_disk(path)
    return path


def test_foreign_labels_are_mapped(foreign_model: Path):
    text = "Het Iraakse leger, aldus AFP: Abu Bakr al-Baghdadi sprak in 2014 bij de Al Nuri-moskee in Irak tot 100.000 mensen."
    tables = pipeline.extract_texts([text], model=str(foreign_model))
    got = dict(zip(tables.entities.text, tables.entities.label))
    assert got == {"Iraakse": "MISC", "AFP": "ORG", "Abu Bakr al-Baghdadi": "PER", "Al Nuri-moskee": "LOC", "Irak": "LOC"}
    assert "2014" in set(tables.dates.text) and "tot 100.000" in set(tables.figures.text)


def test_evaluate_cli_with_a_model_by_path(foreign_model: Path, tmp_path: Path):
    conll = tmp_path / "gold.conll"
    conll.write_text("Abu N B-PER\nBakr N I-PER\nal-Baghdadi N I-PER\nin Prep O\nIrak N B-LOC\n\nAFP N I-ORG\nmeldt V O\n"
                     "het Art O\nuit Prep O\nBagdad N B-LOC\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["evaluate", str(conll), "--model", str(foreign_model), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert scores["overall"] == {"p": 1.0, "r": 0.75, "f": pytest.approx(0.8571, abs=1e-4), "tp": 3, "fp": 0, "fn": 1}
    assert scores["per_label"]["LOC"]["r"] == 0.5 and scores["words_per_second"] > 0 and scores["ner_words_per_second"] > 0
    text = CliRunner().invoke(app, ["evaluate", str(conll), "--model", str(foreign_model)])
    assert "overall" in text.output and "85.71" in text.output


def test_unknown_model_name_fails_clearly(tmp_path: Path):
    with pytest.raises(OSError, match="nl_core_news_nonexistent"):
        load_nlp("nl_core_news_nonexistent")
    (tmp_path / "a.txt").write_text("Tekst.", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(tmp_path), str(tmp_path / "out"), "--model", "nl_core_news_nonexistent"])
    assert result.exit_code == 1 and "nl_core_news_nonexistent" in result.output


@pytest.mark.slow
def test_tiny_training_run(tmp_path: Path):
    from pipeline.gazetteer import PLACE
    from pipeline.training import CONFIG_DIR, conll_docbin, train_pipeline

    lines = []
    for first, place in [("Jan", "Gent"), ("Piet", "Brugge"), ("Marie", "Antwerpen"), ("Els", "Leuven")] * 3:
        lines += [f"{first} N B-PER", "woont V O", "in Prep O", f"{place} N B-LOC", ". Punc O", ""]
    conll = tmp_path / "tiny.conll"
    conll.write_text("\n".join(lines), encoding="utf-8")
    nlp = spacy.blank("nl")
    conll_docbin(conll, nlp).to_disk(tmp_path / "tiny.spacy")
    best = train_pipeline(
        CONFIG_DIR / "ner.cfg",
        tmp_path / "out",
        {
            "paths.train": str(tmp_path / "tiny.spacy"),
            "paths.dev": str(tmp_path / "tiny.spacy"),
            "components.tok2vec.model.embed.include_static_vectors": False,
            "components.tok2vec.model.encode.width": 32,
            "components.tok2vec.model.embed.width": 32,
            "components.ner.model.tok2vec.width": 32,
            "components.tok2vec.model.encode.depth": 1,
            "components.tok2vec.model.embed.rows": [200, 100, 100, 100],
            "components.tok2vec.model.embed.gazetteer.person_lists": False,
            "training.max_steps": 60,
            "training.eval_frequency": 20,
        },
    )
    trained = spacy.load(best)
    assert trained.pipe_names == ["tok2vec", "ner"]
    assert set(trained.get_pipe("ner").labels) == {"PER", "LOC"}
    doc = trained("Jan woont in Gent .")
    assert [(e.text, e.label_) for e in doc.ents] == [("Jan", "PER"), ("Gent", "LOC")]
    gazetteer = next(n for n in trained.get_pipe("tok2vec").model.walk() if n.name == "gazetteer_features")
    assert gazetteer.attrs["gazetteer"]["words"]["Gent"] & PLACE, "the gazetteer built at initialisation is saved"
