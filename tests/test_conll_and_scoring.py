"""The CoNLL reader and the conlleval-style scorer, on hand-computed cases."""

from pathlib import Path

import pytest

from pipeline.conll import iob_to_spans, read_conll, to_iob2
from pipeline.scoring import score_spans


def test_iob1_becomes_iob2():
    assert to_iob2(["I-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-ORG"]) == ["B-PER", "I-PER", "O", "B-LOC", "B-LOC", "B-ORG"]


@pytest.mark.parametrize(
    "tags,spans",
    [
        (["B-PER", "I-PER", "O", "B-LOC"], [(0, 2, "PER"), (3, 4, "LOC")]),
        (["I-PER", "I-PER", "I-LOC"], [(0, 2, "PER"), (2, 3, "LOC")]),
        (["B-ORG", "B-ORG"], [(0, 1, "ORG"), (1, 2, "ORG")]),
        (["O", "O"], []),
        (["B-MISC", "I-PER"], [(0, 1, "MISC"), (1, 2, "PER")]),
    ],
)
def test_spans_from_tags(tags, spans):
    assert iob_to_spans(tags) == spans


def test_read_conll(tmp_path: Path):
    path = tmp_path / "sample.conll"
    path.write_text(
        "-DOCSTART- -DOCSTART- O\nDe Art O\nMorgen N B-ORG\n\nJan N I-PER\nJanssens N I-PER\nwoont V O\n"
        "in Prep O\nGent N I-LOC\n. Punc O\n\n-DOCSTART- -DOCSTART- O\nAntwerpen N B-LOC\n",
        encoding="utf-8",
    )
    sentences = list(read_conll(path))
    assert [s.words for s in sentences] == [["De", "Morgen"], ["Jan", "Janssens", "woont", "in", "Gent", "."], ["Antwerpen"]]
    assert [s.doc_start for s in sentences] == [True, False, True]
    assert sentences[1].spans == [(0, 2, "PER"), (4, 5, "LOC")]


def test_read_conll_rejects_bad_tags(tmp_path: Path):
    path = tmp_path / "bad.conll"
    path.write_text("Gent N LOCATION\n", encoding="utf-8")
    with pytest.raises(ValueError, match="bad.conll:1"):
        list(read_conll(path))


def test_scores_by_hand():
    gold = [[(0, 2, "PER"), (4, 5, "LOC")], [(0, 1, "ORG")]]
    predicted = [[(0, 2, "PER"), (4, 5, "ORG")], [(0, 1, "ORG"), (2, 3, "MISC")]]
    overall, per_label = score_spans(gold, predicted)
    assert (overall.tp, overall.fp, overall.fn) == (2, 2, 1)
    assert overall.p == pytest.approx(0.5) and overall.r == pytest.approx(2 / 3)
    assert overall.f == pytest.approx(2 * 0.5 * (2 / 3) / (0.5 + 2 / 3))
    assert (per_label["LOC"].tp, per_label["LOC"].fn, per_label["LOC"].f) == (0, 1, 0.0)
    assert (per_label["ORG"].tp, per_label["ORG"].fp, per_label["ORG"].fn) == (1, 1, 0)
    assert per_label["PER"].f == 1.0


def test_partial_overlap_is_not_a_match():
    overall, _ = score_spans([[(0, 3, "PER")]], [[(0, 2, "PER")]])
    assert (overall.tp, overall.fp, overall.fn) == (0, 1, 1)
