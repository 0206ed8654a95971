"""The user's own article, end to end through the shipped model: the targets the project promises."""

import pytest

import pipeline
from pipeline.model import shipped_model_path

from .conftest import SEED

pytestmark = pytest.mark.skipif(not shipped_model_path().is_dir(), reason="the shipped model is not built")


@pytest.fixture(scope="module")
def seed():
    tables = pipeline.extract_texts([SEED.read_text(encoding="utf-8")], ids=["seed"])
    return pipeline.aggregate(tables)


def test_seed_canonical_entities(seed):
    summary = seed.entity_summary.set_index(["canonical", "label"])
    assert summary.loc[("Islamitische Staat", "ORG"), "mentions"] >= 8
    assert set(summary.loc[("Islamitische Staat", "ORG"), "variants"].split("|")) == {"IS", "Islamitische Staat"}
    assert summary.loc[("Mosul", "LOC"), "mentions"] == 6
    assert summary.loc[("Irak", "LOC"), "country_code"] == "IQ"


def test_seed_entity_labels(seed):
    labels = dict(zip(seed.entities.text, seed.entities.label))
    for name in ("Mosul", "Irak", "Bagdad", "Raqqa", "Syrië", "Tigris"):
        assert labels[name] == "LOC", name
    for name in ("Islamitische Staat", "IS", "AFP"):
        assert labels[name] == "ORG", name
    assert labels.get("Abdel Wahab al-Saadi") == "PER"
    assert labels.get("Abu Bakr al-Baghdadi") == "PER"


def test_seed_entity_text_is_clean(seed):
    for text in seed.entities.text:
        assert text == text.strip() and not text.lower().startswith(("de ", "het ", "een "))
        assert text[-1].isalnum()
