"""Training-data helpers: mention replacement keeps text and labels aligned; pseudo-labels are majority votes."""

from __future__ import annotations

import random
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin
from spacy.training import Example

from pipeline.training import (
    CONFIG_DIR,
    encoder_overrides,
    mention_replacement,
    pseudo_label,
    replace_mentions,
    self_training_corpus,
)


def example(nlp, words: list[str], tags: list[str]) -> Example:
    reference = Doc(nlp.vocab, words=words, ents=tags, sent_starts=[i == 0 for i in range(len(words))])
    return Example(nlp.make_doc(reference.text), reference)


def test_replace_mentions_swaps_each_entity_for_one_of_its_label():
    nlp = spacy.blank("nl")
    original = example(nlp, "Jan Peeters woont in Gent .".split(), ["B-PER", "I-PER", "O", "O", "B-LOC", "O"])
    augmented = replace_mentions(nlp, original, {"PER": [["Ehud", "Barak"]], "LOC": [["Sierra", "Leone"]]})
    assert [t.text for t in augmented.reference] == "Ehud Barak woont in Sierra Leone .".split()
    assert [(e.text, e.label_) for e in augmented.reference.ents] == [("Ehud Barak", "PER"), ("Sierra Leone", "LOC")]
    assert augmented.predicted.text == augmented.reference.text and not augmented.predicted.ents
    assert [t.is_sent_start for t in augmented.reference][:2] == [True, False]


def test_replace_mentions_keeps_a_mention_whose_label_has_no_pool():
    nlp = spacy.blank("nl")
    original = example(nlp, ["De", "VN", "vergaderen"], ["O", "B-ORG", "O"])
    augmented = replace_mentions(nlp, original, {"PER": [["Jan"]]})
    assert augmented.reference.text == original.reference.text
    assert [(e.text, e.label_) for e in augmented.reference.ents] == [("VN", "ORG")]


def test_augmenter_yields_the_original_and_sometimes_a_copy(tmp_path: Path):
    nlp = spacy.blank("nl")
    docs = [example(nlp, ["Piet", "slaapt"], ["B-PER", "O"]).reference, example(nlp, ["Els", "lacht"], ["B-PER", "O"]).reference]
    DocBin(docs=docs).to_disk(tmp_path / "train.spacy")
    random.seed(0)
    always = mention_replacement(tmp_path / "train.spacy", level=1.0)
    out = list(always(nlp, example(nlp, ["Jan", "zwijgt"], ["B-PER", "O"])))
    assert out[0].reference.text.startswith("Jan") and out[1].reference[0].text in {"Piet", "Els"}
    never = mention_replacement(tmp_path / "train.spacy", level=0.0)
    assert len(list(never(nlp, example(nlp, ["Jan", "zwijgt"], ["B-PER", "O"])))) == 1


def ruler_pipeline(path: Path, patterns: list[tuple[str, str]]) -> Path:
    nlp = spacy.blank("nl")
    nlp.add_pipe("entity_ruler").add_patterns([{"label": label, "pattern": text} for text, label in patterns])
    nlp.to_disk(path)
    return path


def test_pseudo_label_keeps_what_most_models_agree_on(tmp_path: Path):
    models = [
        ruler_pipeline(tmp_path / "a", [("Gent", "LOC"), ("Barco", "ORG"), ("Jan", "PER")]),
        ruler_pipeline(tmp_path / "b", [("Gent", "LOC"), ("Barco", "PER")]),
        ruler_pipeline(tmp_path / "c", [("Gent", "ORG"), ("Barco", "ORG")]),
    ]
    labelled = pseudo_label(models, ["Jan werkt bij Barco in Gent .", "Geen namen hier ."])
    first, second = labelled.get_docs(spacy.blank("nl").vocab)
    assert [(e.text, e.label_) for e in first.ents] == [("Barco", "ORG"), ("Gent", "LOC")]
    # "Jan" is a name to one model only: left unannotated, not taught as "no name"
    assert [t.ent_iob_ for t in first] == ["", "O", "O", "B", "O", "B", "O"]
    assert second.text == "Geen namen hier ." and not second.ents


def test_self_training_corpus_repeats_the_gold_documents(tmp_path: Path):
    nlp = spacy.blank("nl")
    gold = example(nlp, ["Piet", "slaapt"], ["B-PER", "O"]).reference
    DocBin(docs=[gold]).to_disk(tmp_path / "train.spacy")
    pseudo = DocBin(docs=[example(nlp, ["Els", "lacht"], ["B-PER", "O"]).reference])
    out = self_training_corpus(tmp_path / "train.spacy", pseudo, tmp_path / "self.spacy", gold_copies=2)
    docs = list(DocBin().from_disk(out).get_docs(nlp.vocab))
    assert [d.text.strip() for d in docs] == ["Piet slaapt", "Piet slaapt", "Els lacht"]
    assert [(e.text, e.label_) for e in docs[2].ents] == [("Els", "PER")]


def test_encoder_overrides_set_the_ner_encoder_and_its_listener():
    config = spacy.util.load_config(CONFIG_DIR / "ner.cfg", overrides=encoder_overrides(96, 3), interpolate=True)
    model = config["components"]["tok2vec"]["model"]
    assert (model["embed"]["width"], model["encode"]["width"], model["encode"]["depth"]) == (96, 96, 3)
    assert config["components"]["ner"]["model"]["tok2vec"]["width"] == 96
    default = spacy.util.load_config(CONFIG_DIR / "ner.cfg", overrides=encoder_overrides(), interpolate=True)
    assert default["components"]["tok2vec"]["model"]["encode"]["width"] == 128
    assert encoder_overrides(depth=2) == {"components.tok2vec.model.encode.depth": 2}
